"""The autoencoder page in Chromium: English and Korean, the default view and one more each;
screenshots in test-artifacts/autoencoder-*.png (look at them: digits as pixels, Hangul)."""

import pytest
from browser_util import CHART_SELECTOR, assert_no_exception, open_page, screenshot, wait_for_charts

CASES = {"en": [("", "autoencoder-en"), ("&ae_view=code", "autoencoder-code-en")],
         "ko": [("", "autoencoder-ko"), ("&ae_view=pretrain", "autoencoder-pretrain-ko")]}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_autoencoder_page_draws(browser_page, streamlit_server, lang):
    page = browser_page
    for extra, name in CASES[lang]:
        open_page(page, f"{streamlit_server}/autoencoder?lang={lang}{extra}", timeout_ms=120_000)
        assert_no_exception(page)
        n = page.locator(CHART_SELECTOR).count()
        assert n >= 1
        wait_for_charts(page, n, timeout_ms=30_000)
        title = "오토인코더" if lang == "ko" else "Autoencoders"
        assert page.locator("h1").first.inner_text().strip().startswith(title)
        screenshot(page, name)
    assert not page.js_errors, page.js_errors
