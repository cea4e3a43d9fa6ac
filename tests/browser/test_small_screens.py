"""The lab on a phone (390x844) and a projector (1280x720): no page scrolls sideways, wide
tables scroll inside their own box, and screenshots are saved to look at."""

import pytest
from browser_util import CHART_SELECTOR, assert_no_exception, open_page, screenshot, wait_for_charts

PAGES = ["optimizers", "init_lab", "perceptron", "backprop"]
NO_SIDEWAYS = "() => document.documentElement.scrollWidth <= window.innerWidth + 1"


@pytest.mark.browser
@pytest.mark.parametrize("size", [(390, 844), (1280, 720)], ids=["phone", "projector"])
def test_pages_fit_the_screen(chromium_browser, streamlit_server, size):
    context = chromium_browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    for path in PAGES:
        open_page(page, f"{streamlit_server}/{path}?lang=ko")
        assert_no_exception(page)
        n = page.locator(CHART_SELECTOR).count()
        if n:
            wait_for_charts(page, n, timeout_ms=30_000)
        screenshot(page, f"screen-{size[0]}x{size[1]}-{path}")
        assert page.evaluate(NO_SIDEWAYS), f"{path} scrolls sideways at {size}"
        boxes = page.evaluate("w => [...document.querySelectorAll('.nnlab-table-scroll')]"
                              ".map(b => b.getBoundingClientRect().right <= w + 1)", size[0])
        assert all(boxes), f"{path}: a table box runs past the screen at {size}"
        if path == "optimizers" and size[0] < 500:  # the summary is wider than a phone:
            assert page.evaluate(  # it scrolls inside its box instead of being cut off
                "() => [...document.querySelectorAll('.nnlab-table-scroll')]"
                ".some(b => b.scrollWidth > b.clientWidth)")
    context.close()
