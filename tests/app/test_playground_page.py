"""Training playground page: AppTest over every data set, activation, initializer, optimizer and
loss; view-only controls never retrain; Train more / Reset; divergence; compare; and in a real
browser: it trains and draws, a URL reopens the same experiment, uploads are validated."""

import math
from pathlib import Path

import numpy as np
import pytest
from app_util import assert_clean_figures, chart_jsons, exception_text, open_lab
from app_util import figure_specs as _specs
from app_util import payload_bytes as _payload
from png_util import png_size
from streamlit.testing.v1 import AppTest

import nncore
from nncore import DATASETS, HIDDEN_ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "labs/playground.py"
TIMEOUT_S = 180
MAX_PAYLOAD = 500_000
# Order of the page's charts: the views fragment (boundary, thumbnails, the open tab: confusion
# matrix by default), then the curves (then the compare view).
BOUNDARY_I, THUMBS_I, CM, CURVES_I = range(4)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _open(**state) -> AppTest:
    at = open_lab(PAGE, state=state, timeout=TIMEOUT_S)
    _ok(at)
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, exception_text(at)


def _small(**extra) -> dict:
    """Quick settings for sweeps: 120 points, 10 epochs."""
    return {"pg_n": 120, "pg_ep": 10, **extra}


def _assert_clean_figures(at) -> None:
    assert assert_clean_figures(at), "no charts"


def _warnings(at) -> str:
    return "\n".join(w.value for w in at.warning)


class _CountTraining:
    """Counts calls of nncore.train_mlp made by the page (the page imports it on every run)."""

    def __init__(self, monkeypatch):
        self.calls = 0
        real = nncore.train_mlp

        def counting(*a, **k):
            self.calls += 1
            return real(*a, **k)

        monkeypatch.setattr(nncore, "train_mlp", counting)


# ---------------------------------------------------------------------------------------------
# AppTest
# ---------------------------------------------------------------------------------------------


def _picture(spec: dict) -> str:
    """The data URI of a figure's one layout image (the boundary or the thumbnails)."""
    (image,) = spec["layout"]["images"]
    return image["source"]


def test_default_page_draws_everything():
    at = _open()
    charts = _specs(at)
    assert len(charts) == 4  # boundary, thumbnails, confusion (the open tab), curves
    assert not at.warning
    _assert_clean_figures(at)
    assert _payload(at) <= MAX_PAYLOAD
    # the boundary and every neuron's thumbnail are pictures (one each), under no heatmap
    for chart in charts[:2]:
        (image,) = chart["layout"]["images"]
        assert image["source"].startswith("data:image/png;base64,")
        assert chart["layout"]["meta"] == {"pixelated": True}
        assert not [t for t in chart["data"] if t["type"] == "heatmap"]
    assert png_size(_picture(charts[0])) == (100, 100)
    assert charts[1]["data"] == []
    assert [m.label for m in at.metric] == ["Epoch shown", "Train loss", "Test loss",
                                            "Test accuracy"]  # fmt: skip
    assert float(at.metric[3].value.rstrip("%")) > 90  # XOR, 2-8-8 tanh, Adam, 100 epochs
    assert at.dataframe and len(at.dataframe[0].value) == 1  # run history


def test_weights_tab_is_drawn_only_when_open():
    """The confusion matrix and the weight histograms share lazy tabs: only the open one runs."""
    at = _open(pg_tab="Weights per layer")
    specs = _specs(at)
    assert len(specs) == 4
    hist = specs[CM]  # the open tab's chart takes the confusion matrix's place
    assert {t["type"] for t in hist["data"]} == {"bar"} and len(hist["data"]) == 3  # W1..W3
    assert at.markdown and any("Weights per layer (epoch 100)" in m.value for m in at.markdown)
    _assert_clean_figures(at)


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_dataset(name):
    at = _open(**_small(pg_data=name))
    assert len(chart_jsons(at)) == 4
    _assert_clean_figures(at)
    cm = _specs(at)[CM]["data"][0]
    assert len(cm["x"]) == DATASETS[name].n_classes


def test_every_activation_initializer_optimizer_and_loss(monkeypatch):
    at = _open(**_small())
    for act in HIDDEN_ACTIVATIONS:
        at.selectbox(key="pg_act").set_value(act).run()
        _ok(at)
        _assert_clean_figures(at)
    at.selectbox(key="pg_act").set_value("tanh").run()
    for init in INITIALIZERS:
        at.selectbox(key="pg_init").set_value(init).run()
        _ok(at)
    at.selectbox(key="pg_init").set_value("xavier_normal").run()
    for opt in OPTIMIZERS:
        at.selectbox(key="pg_opt").set_value(opt).run()
        _ok(at)
        _assert_clean_figures(at)
        extra = set(OPTIMIZERS[opt].defaults) - {"lr"}
        assert {w.key for w in at.number_input if w.key.startswith("pg_hp_")} == {
            f"pg_hp_{k}" for k in extra}
    at.session_state["pg_data"] = "blobs4"
    for loss in LOSSES:
        at.selectbox(key="pg_loss").set_value(loss).run()
        _ok(at)
        _assert_clean_figures(at)
        fallback = any("Binary cross-entropy needs exactly two classes" in c.value
                       for c in at.caption)  # fmt: skip
        assert fallback == (loss == "bce")


def test_per_layer_overrides_limits_and_regularizers():
    at = _open(**_small(pg_layers=3, pg_a2="relu", pg_a3="maxout", pg_w1=1, pg_w3=5,
                        pg_bn=True, pg_drop=0.2, pg_l1=1e-4, pg_l2=1e-3))  # fmt: skip
    _assert_clean_figures(at)
    titles = [a["text"] for a in _specs(at)[1]["layout"]["annotations"]]
    assert titles == ["Inputs", "Layer 1<br>Tanh", "Layer 2<br>ReLU", "Layer 3<br>maxout",
                      "x₁", "x₂"]  # fmt: skip
    # No hidden layer at all: a linear model of the inputs (x1², x2² make circles separable).
    at.session_state["pg_layers"] = 0
    at.session_state["pg_feat"] = ["x1", "x2", "x1sq", "x2sq"]
    at.session_state["pg_data"] = "circles"
    at.session_state["pg_ep"] = 60
    at.run()
    _ok(at)
    assert any("No hidden layers" in c.value for c in at.caption)
    assert float(at.metric[3].value.rstrip("%")) > 90
    # The upper limits: 8 hidden layers of 64 neurons, still under the payload budget.
    at.session_state["pg_layers"] = 8
    for l in range(1, 9):
        at.session_state[f"pg_w{l}"] = 64
    at.session_state["pg_ep"] = 10
    at.run()
    _ok(at)
    _assert_clean_figures(at)
    assert _payload(at) <= MAX_PAYLOAD


def test_view_controls_never_retrain(monkeypatch):
    counter = _CountTraining(monkeypatch)
    at = _open(**_small(pg_seed=11))
    trained = counter.calls
    assert trained == 1
    before = _picture(_specs(at)[0])
    at.toggle(key="pg_disc").set_value(True).run()
    _ok(at)
    assert _picture(_specs(at)[0]) != before
    at.toggle(key="pg_showtest").set_value(True).run()
    epochs = at.select_slider(key="pg_epoch").options
    at.select_slider(key="pg_epoch").set_value(epochs[0]).run()
    _ok(at)
    assert at.metric[0].value == "0"
    at.segmented_control(key="pg_thumb").set_value("2").run()
    _ok(at)
    at.toggle(key="pg_replay").set_value(True).run()
    _ok(at)
    _assert_clean_figures(at)
    boundary = _specs(at)[BOUNDARY_I]
    assert len(boundary["frames"]) == len(epochs) and boundary["layout"]["sliders"]
    assert _payload(at) <= MAX_PAYLOAD
    assert counter.calls == trained, "a view-only control retrained the network"
    assert len(at.dataframe[0].value) == 1  # still one run in the history


def test_train_more_continues_and_reset_restores_initial_weights(monkeypatch):
    at = _open(**_small(pg_seed=5))
    first_epoch0 = at.select_slider(key="pg_epoch").options[0]
    at.select_slider(key="pg_epoch").set_value(first_epoch0).run()
    loss0 = at.metric[1].value
    at.button(key="pg_more_btn").click().run()
    _ok(at)
    assert max(int(e) for e in at.select_slider(key="pg_epoch").options) == 20
    assert at.metric[0].value == "20"  # the timeline jumped to the new end
    assert at.query_params.get("pg_more") in ("1", ["1"])
    assert len(at.dataframe[0].value) == 2  # the continued run is a new history row
    at.button(key="pg_reset_btn").click().run()
    _ok(at)
    assert at.metric[0].value == "0" and at.metric[1].value == loss0  # same initial weights
    assert "pg_more" not in at.query_params


def test_continued_run_equals_one_long_run():
    short = _open(**_small(pg_seed=2))
    short.button(key="pg_more_btn").click().run()
    long = _open(**_small(pg_seed=2, pg_ep=20))
    assert [m.value for m in short.metric] == [m.value for m in long.metric]


def test_divergence_is_explained_and_no_nan_reaches_a_chart():
    at = _open(**_small(pg_act="linear", pg_opt="sgd", pg_lr=10.0, pg_ep=50))
    text = _warnings(at)
    assert "Training diverged in epoch" in text
    assert "lower the learning rate" in text and "add batch normalization" in text
    _assert_clean_figures(at)
    curves = _specs(at)[CURVES_I]
    assert any(a.get("text") == "diverged" for a in curves["layout"]["annotations"])
    assert at.button(key="pg_more_btn").disabled


def test_compare_two_runs():
    at = _open(**_small())
    at.slider(key="pg_layers").set_value(1).run()
    _ok(at)
    assert len(at.dataframe[0].value) == 2
    assert at.selectbox(key="pg_cmp_a").value == 1 and at.selectbox(key="pg_cmp_b").value == 2
    assert len(chart_jsons(at)) == 7  # + two boundaries and the overlaid curves
    _assert_clean_figures(at)
    names = {t["name"] for t in _specs(at)[-1]["data"]}
    assert {"#1 train", "#1 test", "#2 train", "#2 test"} <= names


def test_same_url_settings_give_the_same_run():
    a = _open(**_small(pg_data="moons", pg_seed=9, pg_opt="rmsprop", pg_lr=0.03))
    b = _open(**_small(pg_data="moons", pg_seed=9, pg_opt="rmsprop", pg_lr=0.03))
    assert [m.value for m in a.metric] == [m.value for m in b.metric]
    assert _picture(_specs(a)[0]) == _picture(_specs(b)[0])


# ---------------------------------------------------------------------------------------------
# Browser
# ---------------------------------------------------------------------------------------------

BOUNDARY = ".st-key-pg_fig_boundary .js-plotly-plot"
THUMBS = ".st-key-pg_fig_thumbs .js-plotly-plot"
CURVES = ".st-key-pg_fig_curves .js-plotly-plot"


_ROOT_OPENED: set[str] = set()


def _load(page, url: str) -> None:
    """Open a playground URL and wait until its views (a fragment) are drawn."""
    from browser_util import (
        CHART_SELECTOR,
        assert_no_exception,
        open_page,
        wait_for_app,
        wait_for_charts,
    )

    open_page(page, url)
    # A new session can look idle for a moment before its first run starts.
    page.wait_for_selector(".st-key-pg_fig_curves .nnlab-chart", state="attached",
                           timeout=120_000)
    wait_for_app(page)
    assert_no_exception(page)
    wait_for_charts(page, page.locator(CHART_SELECTOR).count())


def _open_playground(page, base: str, query: str = "") -> None:
    from browser_util import open_page

    if base not in _ROOT_OPENED:
        # Warm the server on the root first (the deep-link case has its own smoke test).
        open_page(page, base)
        _ROOT_OPENED.add(base)
    _load(page, f"{base}/playground{query}")


def _metric_values(page) -> list[str]:
    return [t.strip() for t in page.locator('[data-testid="stMetricValue"]').all_inner_texts()]


@pytest.mark.browser
def test_browser_trains_and_renders(browser_page, streamlit_server):
    from browser_util import screenshot

    page = browser_page
    _open_playground(page, streamlit_server)
    for sel in (BOUNDARY, THUMBS):
        assert page.locator(f"{sel} .imagelayer image").count() == 1, sel
        assert page.locator(f"{sel} image").evaluate(
            "im => getComputedStyle(im).imageRendering") == "pixelated", sel
    assert page.locator(f"{CURVES} .scatterlayer path.js-line").count() >= 4
    assert page.locator(f"{BOUNDARY} .scatterlayer .point").count() == 350  # train points
    screenshot(page, "playground-default")
    _open_playground(page, streamlit_server,
                     "?pg_data=Three+spirals+(3+classes)&pg_layers=3&pg_w1=16&pg_w2=16"
                     "&pg_w3=16&pg_ep=300&pg_noise=0.02&pg_replay=true")  # fmt: skip
    n_frames = page.evaluate("s => document.querySelector(s)._transitionData._frames.length",
                             BOUNDARY)  # fmt: skip
    assert n_frames == 51  # the replay: one frame per snapshot, played in the browser
    picture = f"{BOUNDARY} .imagelayer image"
    last = page.locator(picture).get_attribute("href")
    page.locator(BOUNDARY).locator(".updatemenu-button").first.click()  # ▶ Play from epoch 0
    page.wait_for_function("([s, h]) => document.querySelector(s).getAttribute('href') !== h",
                           arg=[picture, last], timeout=10_000)
    screenshot(page, "playground-spirals3")
    _open_playground(page, streamlit_server,
                     "?pg_showtest=true&pg_act=Linear+(identity)&pg_opt=SGD&pg_lr=10.0&pg_ep=50")  # fmt: skip
    alerts = page.locator('[data-testid="stAlert"]').filter(has_text="Training diverged in epoch")
    assert alerts.count() == 1
    screenshot(page, "playground-diverged")


@pytest.mark.browser
def test_browser_url_reopens_the_same_settings(browser_page, streamlit_server, chromium_browser):
    page = browser_page
    query = ("?pg_data=Four+blobs+(4+classes)&pg_layers=1&pg_seed=7&pg_lr=0.03"
             "&pg_feat=x%E2%82%81&pg_feat=x%E2%82%82&pg_feat=x%E2%82%81%C2%B7x%E2%82%82")  # fmt: skip
    _open_playground(page, streamlit_server, query)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Four blobs" in sidebar.locator(".st-key-pg_data input").input_value()
    assert sidebar.locator(".st-key-pg_layers input[type=range]").input_value() == "1"
    assert sidebar.locator(".st-key-pg_seed input").input_value() == "7"
    metrics = _metric_values(page)
    # Change a setting in the page: the URL follows, and a fresh browser reopens that run.
    thumb = sidebar.locator(".st-key-pg_layers input[type=range]")
    from browser_util import wait_for_app

    for _ in range(2):  # 1 -> 2 (the default: dropped from the URL) -> 3
        thumb.focus()
        page.keyboard.press("ArrowRight")
        wait_for_app(page)
    page.wait_for_function("() => location.search.includes('pg_layers=3')")
    wait_for_app(page)
    url, after = page.url, _metric_values(page)
    assert "pg_seed=7" in url and "pg_data=Four" in url
    other = chromium_browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        _load(other, url)
        assert _metric_values(other) == after
        assert other.locator(".st-key-pg_layers input[type=range]").input_value() == "3"
    finally:
        other.context.close()
    assert len(metrics) == len(after) == 4


@pytest.mark.browser
def test_browser_upload_compare_and_import(browser_page, streamlit_server, tmp_path):
    from browser_util import screenshot, wait_for_app

    page = browser_page
    _open_playground(page, streamlit_server, "?pg_ep=40")
    uploader = page.locator(".st-key-pg_upload_file input[type=file]")
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n0,1,0\n1,abc,1\n")
    uploader.set_input_files(str(bad))
    wait_for_app(page)
    alert = page.locator('[data-testid="stSidebar"] [data-testid="stAlert"]')
    alert.first.wait_for()
    assert "column x2 is not numeric" in alert.first.inner_text()
    assert "XOR" in page.locator(".st-key-pg_data input").input_value()  # nothing changed
    rng = np.random.default_rng(0)
    good = tmp_path / "rings.csv"
    r = np.r_[rng.uniform(0, 40, 150), rng.uniform(60, 100, 150)]
    t = rng.uniform(0, 2 * math.pi, 300)
    lab = np.r_[np.zeros(150, int), np.ones(150, int)]
    rows = "\n".join(f"{500 + x:.3f},{200 + y:.3f},{c}" for x, y, c in
                     zip(r * np.cos(t), r * np.sin(t), lab, strict=True))  # fmt: skip
    good.write_text("x1,x2,label\n" + rows + "\n")
    uploader.set_input_files(str(good))
    wait_for_app(page)
    page.wait_for_function(
        "() => document.querySelector('.st-key-pg_data input')?.value === 'Uploaded CSV'")
    wait_for_app(page)
    from browser_util import CHART_SELECTOR, assert_no_exception, wait_for_charts

    assert_no_exception(page)
    wait_for_charts(page, page.locator(CHART_SELECTOR).count())
    assert page.locator(".st-key-pg_fig_cmp_curves .js-plotly-plot").count() == 1  # 2 runs now
    screenshot(page, "playground-upload-compare")
    # Weights import: a file for another network is refused with the reason; a fitting one
    # becomes the starting point (epoch 0 shows exactly its weights).
    from nncore import init_mlp
    from nncore.playground import params_to_json

    page.locator("summary").filter(has_text="Import weights").click()
    importer = page.locator(".st-key-pg_import_file input[type=file]")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(params_to_json(init_mlp([2, 8, 2], "he_normal", np.random.default_rng(0))))
    importer.set_input_files(str(wrong))
    wait_for_app(page)
    msg = page.locator('[data-testid="stAlert"]').filter(has_text="Could not use wrong.json")
    msg.first.wait_for()
    text = msg.first.inner_text()
    assert "missing W3, b3" in text and "holds a 2-8-2 network, this one is 2-8-8-2" in text
    assert "Nothing was changed" in text
    zeros = {k: np.zeros_like(v) for k, v in
             init_mlp([2, 8, 8, 2], "he_normal", np.random.default_rng(0)).items()}  # fmt: skip
    good_w = tmp_path / "zeros.json"
    good_w.write_text(params_to_json(zeros))
    importer.set_input_files(str(good_w))
    wait_for_app(page)
    page.locator('[data-testid="stAlert"]').filter(has_text="Using imported weights").first.wait_for()
    wait_for_app(page)
    assert_no_exception(page)
    epoch = page.locator(".st-key-pg_epoch input[type=range]")
    epoch.focus()
    page.keyboard.press("Home")
    wait_for_app(page)
    # All-zero weights predict 50/50 everywhere: the loss at epoch 0 is log 2.
    assert _metric_values(page)[:2] == ["0", f"{math.log(2):.4f}"]
    screenshot(page, "playground-imported")


def test_long_round_is_capped_with_a_note(monkeypatch):
    counter = _CountTraining(monkeypatch)
    at = _open(pg_n=2000, pg_bs=1, pg_ep=1000, pg_layers=8)
    notes = [i.value for i in at.info if "Train more" in i.value]
    assert notes and "1000 epochs" in notes[0]
    epochs = int(at.metric[0].value)
    assert 1 <= epochs < 1000 and counter.calls == 1
