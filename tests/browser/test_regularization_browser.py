"""The overfitting page in Chromium, in English and Korean: no exception, every chart drawn,
the epoch slider moves the view without retraining; screenshots regularization-en/-ko."""

import pytest
from browser_util import (
    ARTIFACTS,
    CHART_SELECTOR,
    assert_no_exception,
    open_page,
    screenshot,
    wait_for_app,
    wait_for_charts,
)

SLIDER = ".st-key-rg_epoch input[type='range']"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_regularization_page(browser_page, streamlit_server, lang):
    page = browser_page
    open_page(page, f"{streamlit_server}/regularization?lang={lang}")
    assert_no_exception(page)
    n = page.locator(CHART_SELECTOR).count()
    assert n == 8
    wait_for_charts(page, n, timeout_ms=30_000)
    assert not [e for e in page.js_errors if "ResizeObserver" not in e], page.js_errors
    screenshot(page, f"regularization-{lang}")
    if lang == "en":  # a view-only step: the URL follows, nothing breaks
        page.locator(SLIDER).focus()
        page.keyboard.press("ArrowLeft")
        wait_for_app(page)
        assert_no_exception(page)
        assert "rg_epoch=196" in page.url  # one saved epoch back from 200


@pytest.mark.browser
def test_regularization_lecture_mode(browser_page, streamlit_server):
    """A lecture link opens its step (the bar on top, Korean, projector type size); the → key
    moves to the next step and the URL follows. Screenshot of the first screen, as projected:
    test-artifacts/regularization-lecture.png."""
    page = browser_page
    open_page(page, f"{streamlit_server}/?lang=ko")  # Home first: registers the navigation
    open_page(page, f"{streamlit_server}/regularization?lang=ko&mode=lecture&step=l1")
    assert_no_exception(page)
    wait_for_charts(page, 1, timeout_ms=60_000)
    assert page.locator(".st-key-lecture_next button").count() == 1
    page.evaluate(TOP_JS)  # the first screen, as the class sees it
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "regularization-lecture.png"))
    screenshot(page, "regularization-lecture-full")  # every chart at projector type size
    page.evaluate("document.activeElement && document.activeElement.blur()")  # keys: no widget
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**step=geometry**", timeout=60_000)
    wait_for_app(page)
    assert_no_exception(page)
    assert not page.js_errors, page.js_errors


TOP_JS = """() => { window.scrollTo(0, 0); document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stAppViewContainer"], section').forEach(
    e => e.scrollTo(0, 0)); }"""
