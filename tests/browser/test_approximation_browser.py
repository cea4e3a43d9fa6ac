"""The universal-approximation page in headless Chromium, English and Korean: no exception, all
charts drawn (with the trained depth comparison switched on from the URL: seven), a preset click
reruns cleanly; screenshots test-artifacts/approximation-en.png and approximation-ko.png."""

import pytest
from browser_util import (
    CHART_SELECTOR,
    assert_no_exception,
    open_page,
    screenshot,
    wait_for_app,
    wait_for_charts,
)

N_CHARTS = 7  # six, and the trained depth comparison (ua_dtrain=true)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_approximation_page(browser_page, streamlit_server, lang):
    page = browser_page
    open_page(page, f"{streamlit_server}/approximation?lang={lang}&ua_dtrain=true&ua_k=3")
    wait_for_charts(page, N_CHARTS, timeout_ms=90_000)  # training: a few seconds, first time
    assert_no_exception(page)
    assert page.locator(CHART_SELECTOR).count() == N_CHARTS
    screenshot(page, f"approximation-{lang}")
    if lang == "en":  # a preset reruns the page with its settings in the URL
        page.locator(".st-key-ua_preset_squash button").click()
        wait_for_app(page)
        assert_no_exception(page)
        wait_for_charts(page, N_CHARTS, timeout_ms=30_000)
        assert "ua_act=sigmoid" in page.url and "ua_target=bump" in page.url
        screenshot(page, "approximation-en-squash")
    errors = [e for e in page.js_errors if "ResizeObserver loop" not in e]
    assert not errors, errors


@pytest.mark.browser
def test_approximation_lecture_mode(browser_page, streamlit_server):
    """A Korean lecture link opens the depth step with its section right under the step bar;
    Previous moves back to the jump. Look at test-artifacts/approximation-lecture.png."""
    from browser_util import assert_no_exception, open_page, screenshot, wait_for_charts

    from ui.strings.approximation import T

    page = browser_page
    open_page(page, streamlit_server)
    open_page(page, f"{streamlit_server}/approximation?lang=ko&mode=lecture&step=depth")
    wait_for_charts(page, 6, timeout_ms=60_000)
    assert_no_exception(page)
    body = page.inner_text("body")
    assert T("step.depth.title", "ko") in body
    assert body.index(T("sec_depth", "ko")) < body.index(T("sec_construct", "ko"))
    screenshot(page, "approximation-lecture")
    page.locator(".st-key-lecture_prev button").first.click()
    # the URL is written as the run goes: the step first, its settings as their widgets draw
    page.wait_for_url(lambda url: "step=jump" in url and "ua_target=step" in url,
                      timeout=60_000)
    wait_for_charts(page, 6, timeout_ms=60_000)
    assert_no_exception(page)
