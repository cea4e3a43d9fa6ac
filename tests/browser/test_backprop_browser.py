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
])  # fmt: skip
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
