"""The Space-warping page in Chromium: English and Korean, a trained view, and a phone width
(390 px) where the stage panels stack instead of shrinking to a third of the screen."""

import pytest
from browser_util import (
    CHART_SELECTOR,
    assert_no_exception,
    open_page,
    screenshot,
    url_path_of,
    wait_for_charts,
)

PAGE = "labs/space_warp.py"
SHOTS = {
    "space_warp-en": ("?lang=en&sw_noise=0.0&sw_two=true&sw_v12=-20.0&sw_v21=-20.0", 5),
    "space_warp-ko": ("?lang=ko&sw_noise=0.0&sw_two=true&sw_v12=-20.0&sw_v21=-20.0", 5),
    "space_warp-ko-trained": ("?lang=ko&sw_mode=trained&sw_data=moons&sw_width=6&sw_depth=3", 4),
    "space_warp-en-regions": ("?lang=en&sw_mode=regions&sw_data=circles&sw_units=24", 2),
}


def _js_errors(page) -> list[str]:
    return [e for e in page.js_errors if "ResizeObserver" not in e]


@pytest.mark.browser
def test_space_warp_in_english_and_korean(browser_page, streamlit_server):
    page = browser_page
    base = f"{streamlit_server}/{url_path_of(PAGE)}"
    open_page(page, streamlit_server)  # Home first, so the app's navigation is registered
    for name, (query, n_charts) in SHOTS.items():
        open_page(page, base + query)
        assert_no_exception(page)
        wait_for_charts(page, n_charts)
        assert page.locator(CHART_SELECTOR).count() == n_charts
        screenshot(page, name)
    assert not _js_errors(page), page.js_errors


@pytest.mark.browser
def test_panels_stack_at_phone_width(browser_page, streamlit_server):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, streamlit_server)
    open_page(page, f"{streamlit_server}/{url_path_of(PAGE)}?lang=ko")
    assert_no_exception(page)
    wait_for_charts(page, 1)
    widths = page.evaluate(
        "sel => [...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect().width)",
        CHART_SELECTOR,
    )
    assert len(widths) == 3 and min(widths) > 300, widths  # one panel per row, full width
    screenshot(page, "space_warp-ko-phone")
    assert not _js_errors(page), page.js_errors


@pytest.mark.browser
def test_pooled_training_progress_and_the_lecture_bar(browser_page, streamlit_server):
    """A trained network not yet cached trains in the worker pool: a progress bar and the input
    plane as classified so far (space_warp-training); then the lecture step bar on the XOR-fold
    step in Korean (space_warp-lecture), with the preset buttons replaced by the bar."""
    import time

    page = browser_page
    base = f"{streamlit_server}/{url_path_of(PAGE)}"
    open_page(page, streamlit_server)
    seed = int(time.time()) % 9000 + 500  # a run no earlier test put in the shared cache
    # page.goto, not open_page: that one waits until the run (and its progress bar) is over
    page.goto(f"{base}?lang=ko&sw_mode=trained&sw_data=spirals&sw_depth=4&sw_width=16"
              f"&sw_neck=false&sw_epochs=1000&sw_seed={seed}")
    page.wait_for_selector('[data-testid="stProgress"]', timeout=120_000)
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)  # the plane so far
    screenshot(page, "space_warp-training")
    open_page(page, f"{base}?lang=ko&mode=lecture&step=xor_fold")
    assert_no_exception(page)
    wait_for_charts(page, 4)
    texts = page.locator("[data-testid='stMarkdownContainer']").all_inner_texts()
    assert any("두 번째 층이 한 번 더 접는다" in t and "8단계 중 4단계" in t for t in texts)
    assert page.locator(".st-key-sw_preset_identity").count() == 0
    screenshot(page, "space_warp-lecture")
    assert not _js_errors(page), page.js_errors


@pytest.mark.browser
def test_the_planes_stay_large_on_a_projector(chromium_browser, streamlit_server):
    """At 1280 × 720 with the sidebar open the three stage planes wrap two per row instead of
    shrinking to ~190 px: every plane is a square of at least 280 px."""
    from browser_util import open_page, wait_for_charts

    page = chromium_browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        open_page(page, f"{streamlit_server}/space_warp?lang=en")
        wait_for_charts(page, 3, timeout_ms=60_000)
        boxes = [page.locator(".js-plotly-plot .nsewdrag").nth(i).bounding_box()
                 for i in range(3)]
        assert all(b["width"] >= 280 and abs(b["width"] - b["height"]) < 4 for b in boxes), boxes
    finally:
        page.close()
