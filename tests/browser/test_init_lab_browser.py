"""The initialization lab in Chromium: English and Korean, presets, the URL, screenshots
(test-artifacts/init_lab-en.png, init_lab-ko.png, init_*.png), the overflow view."""

from pathlib import Path

import pytest

from ui.strings.init_lab import T

ROOT = Path(__file__).resolve().parents[2]
N_CHARTS = 6
OVERFLOW_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
import streamlit as st
from nncore.initlab import InitConfig, run_init_experiment
from labs import init_lab

st.title("Initialization lab: overflow case")
cfg = InitConfig("linear", "normal", 1e30, depth=12, width=64, samples=16)
init_lab.results_view([run_init_experiment(cfg)], ["A"])
"""


@pytest.mark.browser
def test_browser_en_ko_presets_and_url(streamlit_server, browser_page):
    from browser_util import (
        assert_no_exception,
        open_page,
        screenshot,
        wait_for_app,
        wait_for_charts,
    )

    page = browser_page
    open_page(page, f"{streamlit_server}/?lang=ko")  # Home first: registers the navigation
    open_page(page, f"{streamlit_server}/init_lab?lang=ko&ini_ab=true&ini_depth=12")
    assert_no_exception(page)
    assert wait_for_charts(page, N_CHARTS) >= N_CHARTS
    assert page.get_by_text(T("fwd_title", "ko")).count() >= 1
    screenshot(page, "init_lab-ko")

    open_page(page, f"{streamlit_server}/init_lab?lang=en")
    assert_no_exception(page)
    wait_for_charts(page, N_CHARTS)
    screenshot(page, "init_lab-en")
    for name, shot in (("sigmoid_n01", "init_sigmoid_n01"), ("ab_relu", "init_ab_relu")):
        page.get_by_role("button", name=T(f"preset.{name}", "en"), exact=True).click()
        wait_for_app(page, timeout_ms=120_000)
        assert_no_exception(page)
        wait_for_charts(page, N_CHARTS)
        screenshot(page, shot)

    # The URL holds ids; opened in Korean it shows the same preset, explained in Korean.
    url = page.url
    for part in ("ini_width=4096", "ini_ab=true", "ini_act=relu", "ini_b_init=he_normal"):
        assert part in url, url
    fresh = page.context.new_page()
    open_page(fresh, url.replace("lang=en", "lang=ko"), timeout_ms=120_000)
    assert_no_exception(fresh)
    wait_for_charts(fresh, N_CHARTS)
    words = T("explain.ab_relu", "ko").split("$")[2][2:18]  # past the formula (KaTeX)
    assert fresh.get_by_text(words, exact=False).count() >= 1, words
    fresh.close()


@pytest.mark.browser
def test_browser_overflow_screenshot(chromium_browser):
    from browser_util import (
        assert_no_exception,
        open_page,
        screenshot,
        serve_streamlit,
        wait_for_charts,
    )

    script = ROOT / "test-artifacts" / "init_overflow_app.py"
    script.parent.mkdir(exist_ok=True)
    script.write_text(OVERFLOW_SCRIPT.format(root=str(ROOT)))
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        with serve_streamlit(script, cwd=ROOT) as url:
            open_page(page, url)
            assert_no_exception(page)
            wait_for_charts(page, N_CHARTS)
            assert page.get_by_text("activations overflow at layer 5").count() == 1
            screenshot(page, "init_overflow")
    finally:
        context.close()


@pytest.mark.browser
def test_init_lab_lecture_mode(browser_page, streamlit_server):
    """A lecture link opens its step (the bar on top, Korean, projector type size); the → key
    moves to the next step and the URL follows. Screenshot of the first screen, as projected:
    test-artifacts/init_lab-lecture.png."""
    from browser_util import walk_lecture

    walk_lecture(browser_page, streamlit_server, "init_lab", "tanh_001", "tanh_005")

