"""The Initialization lab page: AppTest (every preset, URL parameters, the overflow warning,
payload size) and a real-browser run with screenshots (test-artifacts/init_*.png)."""

import base64
import sys
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from app_util import assert_clean_figures, chart_jsons, open_lab
from app_util import exception_text as _errors
from app_util import figure_specs as _specs
from app_util import payload_bytes as _payload
from streamlit.testing.v1 import AppTest

from nncore.initlab import PRESETS

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "labs/init_lab.py"
TIMEOUT_S = 180
N_CHARTS = 5  # forward histograms, backward histograms, std over depth, blocking units, theory
MAX_PAYLOAD = 300_000


def _open(query: dict | None = None) -> AppTest:
    at = open_lab(PAGE, query=query, timeout=TIMEOUT_S)
    assert not at.exception, _errors(at)
    return at


def _decode(v):
    """A Plotly JSON array: a list, or {"dtype", "bdata"} (base64 typed array)."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
    return np.asarray(v, dtype=float)


def _assert_finite_figures(at) -> None:
    for spec in assert_clean_figures(at):
        go.Figure(spec)  # built without validation for speed: it must still be valid
        for trace in spec["data"]:
            for axis in ("x", "y"):
                assert _decode(trace[axis]).size, (trace.get("name"), axis)


def test_default_page():
    at = _open()
    assert len(chart_jsons(at)) == N_CHARTS
    assert not at.warning
    _assert_finite_figures(at)
    assert _payload(at) <= MAX_PAYLOAD
    # The per-layer table and its CSV download are there.
    assert at.dataframe and len(at.dataframe[0].value) == 7
    assert at.get("download_button")


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset(name):
    at = _open()
    at.button(key=f"ini_preset_{name}").click().run()
    assert not at.exception, _errors(at)
    preset = PRESETS[name]
    # The preset's explanation is shown (the settings match it exactly), and its button is active.
    assert any(preset.explanation[:40] in i.value for i in at.info), [i.value for i in at.info]
    assert at.button(key=f"ini_preset_{name}").proto.type == "primary"
    assert at.session_state["ini_act"] == preset.a.activation
    assert at.session_state["ini_ab"] == (preset.b is not None)
    assert len(chart_jsons(at)) == N_CHARTS
    assert not at.warning
    _assert_finite_figures(at)
    assert _payload(at) <= MAX_PAYLOAD
    rows = preset.a.depth * (2 if preset.b else 1)
    assert len(at.dataframe[0].value) == rows
    # One histogram panel per layer (and per network in the A/B view).
    fwd = _specs(at)[0]
    assert len(fwd["data"]) == rows


def test_url_parameters_round_trip():
    """Query parameters set every widget (what a copied URL does), and a preset set through
    the URL is recognised as that preset."""
    query = {
        "ini_act": "ReLU",
        "ini_init": "Normal N(0, s²)",
        "ini_scale": "0.05",
        "ini_bn": "true",
        "ini_depth": "5",
        "ini_width": "64",
        "ini_n": "32",
        "ini_seed": "3",
        "ini_ab": "true",
        "ini_b_act": "Sigmoid",
        "ini_b_init": "He (Kaiming) normal",
        "ini_b_bn": "false",
    }
    at = _open(query)
    ss = at.session_state
    assert ss["ini_act"] == "relu" and ss["ini_init"] == "normal" and ss["ini_scale"] == 0.05
    assert ss["ini_bn"] is True and ss["ini_depth"] == 5 and ss["ini_width"] == 64
    assert ss["ini_n"] == 32 and ss["ini_seed"] == 3 and ss["ini_ab"] is True
    assert ss["ini_b_act"] == "sigmoid" and ss["ini_b_init"] == "he_normal"
    assert len(at.dataframe[0].value) == 10  # 5 layers × (A, B)
    frame = at.dataframe[0].value
    assert set(frame["activation"]) == {"relu", "sigmoid"}

    # A lecture preset expressed as URL parameters opens that preset.
    at = _open(
        {"ini_act": "ReLU", "ini_init": "He (Kaiming) normal", "ini_width": "4096", "ini_n": "16"}
    )
    assert any(PRESETS["relu_he"].explanation[:40] in i.value for i in at.info)


def test_overflow_warning_not_a_broken_chart():
    """Layers whose activations overflow are reported in words and left out of the charts.

    The page's own controls cannot reach an overflow (scale ≤ 10, depth ≤ 20 stay below
    1e154), so this renders the page's result view for an experiment outside those ranges.
    """
    at = AppTest.from_string(OVERFLOW_SCRIPT.format(root=str(ROOT)), default_timeout=TIMEOUT_S)
    at.run()
    assert not at.exception, _errors(at)
    texts = [w.value for w in at.warning]
    assert any("activations overflow at layer 5" in t for t in texts), texts
    assert len(chart_jsons(at)) == N_CHARTS
    _assert_finite_figures(at)
    assert len(_specs(at)[0]["data"]) == 4  # layers 1-4 are finite


OVERFLOW_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
import streamlit as st
from nncore.initlab import InitConfig, run_init_experiment
from labs import init_lab

st.title("Initialization lab: overflow case")
cfg = InitConfig("linear", "normal", 1e30, depth=12, width=64, samples=16)
init_lab.results_ui([run_init_experiment(cfg)], ["A"])
"""


# ---------------------------------------------------------------------------------------------
# Real browser
# ---------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_browser_presets_and_screenshots(streamlit_server, browser_page):
    from browser_util import (
        assert_no_exception,
        open_page,
        screenshot,
        wait_for_app,
        wait_for_charts,
    )

    page = browser_page
    open_page(page, streamlit_server)  # Home first: the app's navigation is then registered
    open_page(page, f"{streamlit_server}/init_lab")
    assert_no_exception(page)
    assert wait_for_charts(page, N_CHARTS) >= N_CHARTS
    screenshot(page, "init_default")

    shots = {
        "tanh_001": "init_tanh_001_7x4096",
        "tanh_005": "init_tanh_005",
        "sigmoid_n01": "init_sigmoid_n01",
        "ab_relu": "init_ab_relu_xavier_vs_he",
    }
    for name, shot in shots.items():
        page.get_by_role("button", name=PRESETS[name].label, exact=True).click()
        wait_for_app(page, timeout_ms=120_000)
        assert_no_exception(page)
        wait_for_charts(page, N_CHARTS)
        screenshot(page, shot)
        assert "ini_act=" in page.url or PRESETS[name].a.activation == "tanh", page.url

    # The URL holds the experiment: opening it in a fresh page shows the same preset.
    url = page.url
    for part in (
        "ini_width=4096",
        "ini_ab=true",
        "ini_act=ReLU",
        "ini_b_act=ReLU",
        "ini_b_init=He",
    ):
        assert part in url, url
    fresh = page.context.new_page()
    open_page(fresh, url, timeout_ms=120_000)
    assert_no_exception(fresh)
    wait_for_charts(fresh, N_CHARTS)
    assert fresh.get_by_text(PRESETS["ab_relu"].explanation[:20], exact=False).count() >= 1
    fresh.close()


@pytest.mark.browser
def test_browser_overflow_screenshot(chromium_browser, tmp_path):
    from browser_util import (
        assert_no_exception,
        open_page,
        screenshot,
        serve_streamlit,
        wait_for_charts,
    )

    script = tmp_path / "overflow_app.py"
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))


def test_log_ticks_are_written_out_within_a_decade():
    """Within about a decade the log axes get ticks at 1, 2, 5 × 10^k labelled in full (0.5,
    not Plotly's bare "5" under the 1); wider spans one tick per decade; narrow spans and
    overflows (> 12 decades) are left to Plotly."""
    from viz.init_figs import _log_ticks

    ticks = _log_ticks(np.array([0.28, 0.63, np.nan]), np.array([0.47, 1.0, -1.0]))
    assert ticks == {"tickvals": [0.2, 0.5, 1.0, 2.0], "ticktext": ["0.2", "0.5", "1", "2"]}
    assert _log_ticks(np.array([1e-3, 1.0])) == {"dtick": 1}
    assert _log_ticks(np.array([0.8, 1.0])) == {}
    assert _log_ticks(np.array([1e-20, 1.0])) == {}
    assert _log_ticks(np.array([np.nan, 0.0])) == {}


def _array(v) -> np.ndarray:
    """A Plotly JSON array, 2-D typed-array specs ({"shape": "n, m"}) included."""
    a = _decode(v)
    if isinstance(v, dict) and "shape" in v:
        a = a.reshape([int(n) for n in str(v["shape"]).split(",")])
    return np.asarray(a, dtype=float)


def test_histograms_are_the_layers_shares_bin_by_bin():
    """Each histogram panel is one filled outline: bin i is the two points (e_i, s_i) and
    (e_i+1, s_i) with its edges as custom data; the bins tile the shared x-range without gaps
    and their shares add up to 100 % of the layer's values."""
    at = _open()
    for spec in _specs(at)[:2]:  # forward and backward small multiples
        for trace in spec["data"]:
            x, y, bins = _array(trace["x"]), _array(trace["y"]), _array(trace["customdata"])
            assert trace["fill"] == "tozeroy" and len(x) == len(y) == len(bins)
            np.testing.assert_array_equal(y[::2], y[1::2])
            np.testing.assert_array_equal(bins[:, 0][::2], x[::2])
            np.testing.assert_array_equal(bins[:, 1][::2], x[1::2])
            np.testing.assert_array_equal(x[1:-1:2], x[2::2])  # bin i ends where i+1 starts
            assert np.all(np.diff(x[::2]) > 0)
            assert abs(y[::2].sum() - 100.0) < 1e-3 * len(y)
