"""Korean and English in a real browser: the browser's language decides when the link does
not; switching language in the sidebar keeps every setting; a link copied in Korean opens the
same experiment in English."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from browser_util import assert_no_exception, open_page, screenshot, wait_for_app


def _query(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


@pytest.mark.browser
def test_browser_language_decides_without_lang(chromium_browser, streamlit_server):
    context = chromium_browser.new_context(locale="ko-KR", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    open_page(page, f"{streamlit_server}/")
    assert _query(page.url)["lang"] == "ko"
    assert page.locator("h1").first.inner_text() == "신경망 실험실"
    context.close()


@pytest.mark.browser
def test_switching_language_keeps_every_setting(browser_page, streamlit_server):
    page = browser_page
    open_page(page, f"{streamlit_server}/init_lab?lang=en&ini_act=relu&ini_init=he_normal"
                    "&ini_depth=9")
    before = _query(page.url)
    page.get_by_text("한국어", exact=True).click()
    wait_for_app(page)
    page.wait_for_url(re.compile(r"lang=ko"))
    after = _query(page.url)
    assert after.pop("lang") == "ko" and before.pop("lang") == "en"
    assert after == before and after["ini_depth"] == "9" and after["ini_act"] == "relu"
    assert_no_exception(page)
    screenshot(page, "language-switched-ko")
    # the Korean link, opened fresh, in English: the same experiment
    korean_link = page.url
    open_page(page, korean_link.replace("lang=ko", "lang=en"))
    again = _query(page.url)
    assert again.pop("lang") == "en" and again == before
