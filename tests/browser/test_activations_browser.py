"""The Activations-and-vanishing-gradients page in Chromium, English and Korean: no exception,
every chart drawn; screenshots test-artifacts/activations-en.png and activations-ko.png."""

import pytest
from browser_util import CHART_SELECTOR, assert_no_exception, open_page, screenshot, wait_for_charts

CASES = [
    ("activations-en", "lang=en&act_identity=true", "off by up to"),
    ("activations-ko", "lang=ko&act_measure=true", "측정값"),
]


@pytest.mark.browser
def test_activations_page_in_both_languages(browser_page, streamlit_server):
    page = browser_page
    for name, query, text in CASES:
        open_page(page, f"{streamlit_server}/activations?{query}")
        assert_no_exception(page)
        n = page.locator(CHART_SELECTOR).count()
        assert n == 4
        wait_for_charts(page, n, timeout_ms=30_000)
        assert text in page.inner_text("body")
        screenshot(page, name)
        assert not [e for e in page.js_errors if "ResizeObserver" not in e], page.js_errors


@pytest.mark.browser
def test_activations_lecture_mode(browser_page, streamlit_server):
    """A Korean lecture link opens the vanishing-gradient step with its section right under
    the step bar; Next moves to tanh, whose settings reach the URL. Look at
    test-artifacts/activations-lecture.png: the bar must read well on a projector."""
    from browser_util import assert_no_exception, open_page, screenshot, wait_for_charts

    from ui.strings.activations import T

    page = browser_page
    open_page(page, streamlit_server)
    open_page(page, f"{streamlit_server}/activations?lang=ko&mode=lecture&step=vanish")
    wait_for_charts(page, 3, timeout_ms=30_000)
    assert_no_exception(page)
    body = page.inner_text("body")
    assert T("step.vanish.title", "ko") in body
    assert body.index(T("vanish", "ko")) < body.index(T("curves", "ko"))
    screenshot(page, "activations-lecture")
    page.locator(".st-key-lecture_next button").first.click()
    # the URL is written as the run goes: the step first, its settings as their widgets draw
    page.wait_for_url(lambda url: "step=tanh" in url and "act_identity=true" in url,
                      timeout=30_000)
    wait_for_charts(page, 3, timeout_ms=30_000)
    assert_no_exception(page)


@pytest.mark.browser
def test_the_range_slider_redraws_the_curves_and_keeps_the_url(browser_page, streamlit_server):
    """The x range lives in the curves' fragment: moving it redraws them (the identity text
    follows the range), writes act_range to the URL, and leaves the page free of errors."""
    from browser_util import wait_for_app

    page = browser_page
    open_page(page, f"{streamlit_server}/activations?lang=en&act_identity=true&act_range=6")
    wait_for_charts(page, 4, timeout_ms=30_000)
    assert "On |x| ≤ 6:" in page.inner_text("body")
    page.locator(".st-key-act_range input[type='range']").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**act_range=8**", timeout=30_000)
    wait_for_app(page)
    page.wait_for_function("document.body.innerText.includes('On |x| ≤ 8:')", timeout=30_000)
    assert_no_exception(page)
    assert page.locator(CHART_SELECTOR).count() == 4
