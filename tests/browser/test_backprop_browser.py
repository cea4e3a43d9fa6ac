"""The backpropagation page in Chromium, English and Korean: it runs without an exception or a
JavaScript error, draws its charts, and leaves screenshots (test-artifacts/backprop-en.png,
backprop-ko.png) to look at. English opens mid-backward (edge labels on the graph), Korean at
the last step (gradient table, update, loss curve)."""

import pytest
from browser_util import (
    CHART_SELECTOR,
    assert_no_exception,
    open_page,
    screenshot,
    wait_for_app,
    wait_for_charts,
)


@pytest.mark.browser
@pytest.mark.parametrize("lang,query,charts", [
    ("en", "bp_step=14", 1),
    ("ko", "bp_step=18&bp_guess=true", 2),
])
def test_backprop_page_in_both_languages(browser_page, streamlit_server, lang, query, charts):
    page = browser_page
    open_page(page, f"{streamlit_server}/backprop?lang={lang}&{query}")
    assert_no_exception(page)
    assert page.locator(CHART_SELECTOR).count() == charts
    wait_for_charts(page, charts, timeout_ms=20_000)
    shot = screenshot(page, f"backprop-{lang}")
    assert shot.stat().st_size > 20_000
    if lang == "en":  # Next advances the step in the URL and redraws
        page.get_by_role("button", name="Next").click()
        wait_for_app(page)
        assert "bp_step=15" in page.url
        assert_no_exception(page)
    assert not [e for e in page.js_errors if "ResizeObserver" not in e], page.js_errors


@pytest.mark.browser
def test_backprop_lecture_mode(browser_page, streamlit_server):
    """A Korean lecture link opens the chain-rule step of the worked example; Next moves on.
    Look at test-artifacts/backprop-lecture.png: the bar must read well on a projector."""
    from ui.strings.backprop import T

    page = browser_page
    open_page(page, streamlit_server)
    open_page(page, f"{streamlit_server}/backprop?lang=ko&mode=lecture&step=v11")
    wait_for_charts(page, 1, timeout_ms=30_000)
    assert_no_exception(page)
    assert T("step.v11.title", "ko") in page.inner_text("body")
    screenshot(page, "backprop-lecture")
    page.locator(".st-key-lecture_next button").first.click()
    page.wait_for_url("**step=update**")
    wait_for_charts(page, 2, timeout_ms=30_000)
    assert_no_exception(page)
    screenshot(page, "backprop-lecture-update")
    assert not [e for e in page.js_errors if "ResizeObserver" not in e], page.js_errors
