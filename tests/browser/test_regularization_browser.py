"""The overfitting page in Chromium, in English and Korean: no exception, every chart drawn,
the epoch slider moves the view without retraining; screenshots regularization-en/-ko."""

import pytest
from browser_util import (
    CHART_SELECTOR,
    assert_no_exception,
    open_page,
    screenshot,
    wait_for_app,
    wait_for_charts,
    walk_lecture,
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
    walk_lecture(browser_page, streamlit_server, "regularization", "l1", "geometry")

