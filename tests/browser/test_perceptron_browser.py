"""The Perceptron-and-XOR page in Chromium: the XOR cycle (English), the 2-2-1 network (Korean)
and the by-hand view open without an exception, draw every chart, and leave screenshots
test-artifacts/perceptron-en.png, perceptron-ko.png, perceptron-hand-en.png."""

import pytest
from browser_util import CHART_SELECTOR, assert_no_exception, open_page, screenshot, wait_for_charts

CASES = [
    ("perceptron-en", "lang=en&pc_gate=xor&pc_step=7", "Never converges"),
    ("perceptron-ko", "lang=ko&pc_view=mlp", "은닉 공간"),
    (
        "perceptron-hand-en",
        "lang=en&pc_view=hand&pc_gate=xor&pc_hw1=1.0&pc_hw2=1.0&pc_hb=-0.5",
        "3 of 4",
    ),
]


@pytest.mark.browser
def test_perceptron_page_in_both_languages(browser_page, streamlit_server):
    page = browser_page
    for name, query, text in CASES:
        open_page(page, f"{streamlit_server}/perceptron?{query}")
        assert_no_exception(page)
        n = page.locator(CHART_SELECTOR).count()
        assert n >= 1
        wait_for_charts(page, n, timeout_ms=30_000)
        assert text in page.inner_text("body")
        screenshot(page, name)
        assert not [e for e in page.js_errors if "ResizeObserver" not in e], page.js_errors


@pytest.mark.browser
def test_perceptron_lecture_mode(browser_page, streamlit_server):
    """A Korean lecture link opens its step under the step bar; Next moves on. Look at
    test-artifacts/perceptron-lecture.png: the bar must read well on a projector."""
    from ui.strings.perceptron import T

    page = browser_page
    open_page(page, streamlit_server)
    open_page(page, f"{streamlit_server}/perceptron?lang=ko&mode=lecture&step=xor")
    wait_for_charts(page, 3, timeout_ms=30_000)
    assert_no_exception(page)
    assert T("step.xor.title", "ko") in page.inner_text("body")
    screenshot(page, "perceptron-lecture")
    page.locator(".st-key-lecture_next button").first.click()
    page.wait_for_url("**step=xor_mlp**")
    wait_for_charts(page, 5, timeout_ms=60_000)
    assert_no_exception(page)
    assert T("step.xor_mlp.title", "ko") in page.inner_text("body")
