"""The batch normalization page in headless Chromium, English and Korean: no exception, all five
charts drawn, the epoch slider moves the view and the URL keeps it; screenshots in
test-artifacts/batchnorm-en.png and batchnorm-ko.png."""

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

N_CHARTS = 5


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_batchnorm_page(browser_page, streamlit_server, lang):
    page = browser_page
    open_page(page, f"{streamlit_server}/batchnorm?lang={lang}&bn_layer=3")
    assert_no_exception(page)
    assert page.locator(CHART_SELECTOR).count() == N_CHARTS
    wait_for_charts(page, N_CHARTS, timeout_ms=30_000)
    title = "Batch normalization" if lang == "en" else "배치 정규화"
    assert page.get_by_role("heading", name=title).count() >= 1
    screenshot(page, f"batchnorm-{lang}")
    # The view-only epoch slider: one keyboard step back rewrites the view and the URL.
    slider = page.locator(".st-key-bn_epoch input[type='range']")
    slider.focus()
    page.keyboard.press("ArrowLeft")
    wait_for_app(page)
    assert_no_exception(page)
    assert "bn_epoch=19" in page.url and "bn_layer=3" in page.url
    heading = "After epoch 19, layer 3" if lang == "en" else "19 에포크 뒤 3층"
    assert page.get_by_text(heading).count() >= 1
    assert not page.js_errors, page.js_errors


@pytest.mark.browser
def test_batchnorm_lecture_mode(browser_page, streamlit_server):
    """A lecture link opens its step (the bar on top, Korean, projector type size); the → key
    moves to the next step and the URL follows. Screenshot of the first screen, as projected:
    test-artifacts/batchnorm-lecture.png."""
    walk_lecture(browser_page, streamlit_server, "batchnorm", "bad_init", "high_lr")

