"""The Space-warping page: AppTest over every mode × data set, and a browser screenshot per mode.

AppTest checks that the page runs without an exception and that no figure spec carries a
non-finite number (arrays arrive base64-encoded as {"dtype", "bdata"}).
"""

import json
from pathlib import Path

import pytest
from app_util import assert_clean_figures, chart_jsons, open_lab, static_tables
from app_util import exception_text as _errors
from streamlit.testing.v1 import AppTest

from nncore import DATASETS

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "labs/space_warp.py"
TIMEOUT_S = 120
MODES = ["manual", "trained", "regions"]
MODE_LABELS = {"manual": "Manual: one layer by hand", "trained": "Trained network",
               "regions": "Linear regions"}  # fmt: skip


def _open(**state) -> AppTest:
    return open_lab(PAGE, state=state, timeout=TIMEOUT_S)


def _assert_finite_specs(at: AppTest) -> int:
    return len(assert_clean_figures(at))


@pytest.mark.parametrize("dataset", list(DATASETS))
@pytest.mark.parametrize("mode", MODES)
def test_every_mode_and_dataset_runs(mode, dataset):
    at = _open(sw_mode=mode, sw_data=dataset, sw_n=150, sw_epochs=50, sw_width=3)
    assert not at.exception, _errors(at)
    n = _assert_finite_specs(at)
    assert n == {"manual": 1, "trained": 1, "regions": 2}[mode]
    assert len(at.get("download_button")) >= 1


@pytest.mark.parametrize("act", ["relu", "leaky_relu", "tanh", "linear"])
def test_manual_activations_and_second_layer(act):
    at = _open(sw_act=act, sw_two=True, sw_tab="Morph animation")
    assert not at.exception, _errors(at)
    assert _assert_finite_specs(at) == 2  # the stages and the morph (its view is shown)
    at = _open(sw_act=act, sw_two=True)  # the separability view is shown by default
    assert _assert_finite_specs(at) == 1  # a view not shown draws nothing
    (table,) = static_tables(at)
    assert len(table) == 3  # x, h, h′


def test_xor_preset_button_reaches_full_separability():
    at = _open(sw_noise=0.0)
    at.button(key="sw_preset_xor_fold").click().run()
    assert not at.exception, _errors(at)
    assert at.toggle(key="sw_two").value is True
    assert at.slider(key="sw_v12").value == -20.0
    acc = [float(v.rstrip("%")) / 100 for v in static_tables(at)[0].iloc[:, 2]]
    assert acc[0] <= 0.75 and acc[-1] == 1.0
    # the classifier's regions are pictures under the input plane and the last stage, and its
    # boundary pulled back to the input plane is a drawn line, not a contour the browser traces
    stages = json.loads(chart_jsons(at)[0])
    assert [im["xref"] for im in stages["layout"]["images"]] == ["x", "x5"]
    assert not [t for t in stages["data"] if t["type"] in ("heatmap", "contour")]
    (boundary,) = [t for t in stages["data"] if t.get("name") == "decision boundary"]
    assert boundary["xaxis"] == "x" and None in boundary["x"] and len(boundary["x"]) > 30


def test_scrubber_does_not_retrain(monkeypatch):
    import nncore

    calls = []
    real = nncore.train_mlp

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(nncore, "train_mlp", counting)  # the page imports it on every run
    at = _open(sw_mode="trained", sw_n=150, sw_epochs=100, sw_seed=4242)
    assert not at.exception, _errors(at)
    assert len(calls) == 1
    for snap in (0, 3, 10, 20):
        at.select_slider(key="sw_snap").set_value(snap).run()
        assert not at.exception, _errors(at)
    assert len(calls) == 1, "moving the epoch scrubber retrained the network"
    assert any("Epoch 100:" in m.value for m in at.markdown)
    at.select_slider(key="sw_snap").set_value(3).run()
    assert any("Epoch 15:" in m.value for m in at.markdown)


def test_wide_layer_views_pca_and_units():
    at = _open(sw_mode="trained", sw_width=6, sw_n=150, sw_epochs=50)
    spec = json.loads(chart_jsons(at)[0])
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert any("PCA" in t for t in titles)
    at.segmented_control(key="sw_view").set_value("units").run()
    at.number_input(key="sw_ub").set_value(5).run()
    assert not at.exception, _errors(at)
    spec = json.loads(chart_jsons(at)[0])
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert any("units 1 & 5 of 6" in t for t in titles)


def test_regions_with_tanh_explains_instead_of_drawing():
    at = _open(sw_mode="regions", sw_tact="tanh", sw_n=150, sw_epochs=50)
    assert not at.exception, _errors(at)
    assert any("tanh is smooth" in i.value for i in at.info)
    assert _assert_finite_specs(at) == 1  # only the deeper-vs-wider chart


def test_divergence_is_a_warning_not_a_broken_chart():
    at = _open(sw_mode="trained", sw_lr=0.3, sw_epochs=50, sw_depth=4, sw_width=16, sw_n=150)
    assert not at.exception, _errors(at)
    _assert_finite_specs(at)


# ---------------------------------------------------------------------------------------------
# Browser: one screenshot per mode (and the XOR preset), charts drawn, no exception
# ---------------------------------------------------------------------------------------------
SHOTS = {
    "manual": "",
    "manual-xor-two-folds": "?sw_two=true&sw_v12=-20.0&sw_v21=-20.0&sw_noise=0.0"
    "&sw_tab=Morph+animation",
    "manual-circles-tanh": "?sw_data=Circles&sw_act=Tanh",
    "trained": f"?sw_mode={MODE_LABELS['trained'].replace(' ', '+')}",
    "trained-moons-wide": f"?sw_mode={MODE_LABELS['trained'].replace(' ', '+')}"
    "&sw_data=Two+moons&sw_width=6&sw_depth=3",
    "regions": f"?sw_mode={MODE_LABELS['regions'].replace(' ', '+')}&sw_data=Circles&sw_width=8",
}


@pytest.mark.browser
@pytest.mark.parametrize("name,query", list(SHOTS.items()), ids=list(SHOTS))
def test_browser_screenshot_each_mode(browser_page, streamlit_server, name, query):
    from browser_util import (
        PLOTLY_SELECTOR,
        assert_no_exception,
        open_page,
        screenshot,
        url_path_of,
        wait_for_charts,
    )

    page = browser_page
    open_page(page, streamlit_server)  # Home first, so the app's navigation is registered
    open_page(page, f"{streamlit_server}/{url_path_of(PAGE)}{query}")
    assert_no_exception(page)
    expected = 2 if name == "regions" or "sw_tab=Morph" in query else 1
    wait_for_charts(page, expected)
    assert page.locator(PLOTLY_SELECTOR).count() == expected
    page.wait_for_timeout(300)
    screenshot(page, f"space-warp-{name}")
    assert not [e for e in page.js_errors if "ResizeObserver" not in e], page.js_errors
