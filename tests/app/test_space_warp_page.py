"""The Space-warping page (AppTest): every mode × data set, every preset in both languages, the
URL round trip (stable ids, old label links, a Korean link opened in English), the snapshot
scrubber. No figure spec carries a non-finite number (arrays arrive base64-encoded)."""

import json

import pytest
from app_util import assert_clean_figures, chart_jsons, open_lab, open_lecture_tab, static_tables
from app_util import exception_text as _errors
from streamlit.testing.v1 import AppTest

from nncore import warp as W
from nncore.datasets import DATASETS
from ui.strings.space_warp import T

PAGE = "labs/space_warp.py"
TIMEOUT_S = 120
MODES = ["manual", "trained", "regions"]
FAST = {"sw_n": 150, "sw_epochs": 50, "sw_width": 3}


@pytest.fixture(autouse=True)
def _own_disk_cache(tmp_path, monkeypatch):
    """Each test its own shared-results folder: a run cached by an earlier test session would
    not be trained (and counted) again."""
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path / "results"))


def _open(lang="en", query=None, **state) -> AppTest:
    at = open_lab(PAGE, state={"lang": lang, **state}, query=query, timeout=TIMEOUT_S)
    assert not at.exception, _errors(at)
    return at


def _n_charts(at: AppTest) -> int:
    return len(assert_clean_figures(at))


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join(parts)


# every data set in the manual mode; the network modes on a 2-, 3- and 4-class set
CASES = [("manual", d) for d in DATASETS] + [
    (m, d) for m in ("trained", "regions") for d in ("xor", "spirals3", "blobs4")
]


@pytest.mark.parametrize("mode,dataset", CASES)
def test_every_mode_and_dataset_runs(mode, dataset):
    at = _open(sw_mode=mode, sw_data=dataset, **FAST)
    # manual: x, z, h; trained: x, h1, h2; regions: the map and deeper-vs-wider
    assert _n_charts(at) == {"manual": 3, "trained": 3, "regions": 2}[mode]
    assert len([b for b in at.get("download_button") if b.key != "share_html"]) >= 1


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("mode", MODES)
def test_each_mode_in_both_languages(mode, lang):
    at = _open(lang, sw_mode=mode, **FAST)
    assert at.title[0].value == T("title", lang)
    text = _texts(at)
    key = {"manual": "stages_caption", "trained": "trained_caption", "regions": "dw_notes"}
    assert T(key[mode], lang)[:40] in text
    if lang == "ko":
        assert "Epoch" not in text and "linear regions" not in text


@pytest.mark.parametrize("act", list(W.WARP_ACTIVATIONS))
def test_manual_activations_and_second_layer(act):
    if act == "relu":
        at = _open(sw_act=act, sw_two=True, sw_tab="morph")
        assert _n_charts(at) == 6  # five stages and the morph (its view is shown)
    at = _open(sw_act=act, sw_two=True)  # the separability view is shown by default
    assert _n_charts(at) == 5  # a view not shown draws nothing
    (table,) = static_tables(at)
    assert len(table) == 3  # x, h, h′


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("preset", list(W.PRESETS))
def test_every_preset_in_both_languages(preset, lang):
    at = _open(lang, sw_noise=0.0)
    button = at.button(key=f"sw_preset_{preset}")
    assert button.label == T(f"preset.{preset}", lang)
    button.click().run()
    assert not at.exception, _errors(at)
    layers = W.PRESETS[preset].layers
    assert at.toggle(key="sw_two").value is (len(layers) > 1)
    assert at.slider(key="sw_w12").value == layers[0][0][1][0]  # lecture W[1,2] = stored W[2,1]
    assert _n_charts(at) == 1 + 2 * len(layers)


def test_xor_preset_button_reaches_full_separability():
    at = _open(sw_noise=0.0)
    at.button(key="sw_preset_xor_fold").click().run()
    assert at.slider(key="sw_v12").value == -20.0
    acc = [float(v.rstrip("%")) / 100 for v in static_tables(at)[0].iloc[:, 2]]
    assert acc[0] <= 0.75 and acc[-1] == 1.0
    # the classifier's regions are pictures under the input plane and the last stage, and its
    # boundary pulled back to the input plane is a drawn line, not a contour the browser traces
    specs = [json.loads(s) for s in chart_jsons(at)]
    assert [len(s["layout"]["images"]) for s in specs] == [1, 0, 0, 0, 1]
    assert not [t for s in specs for t in s["data"] if t["type"] in ("heatmap", "contour")]
    (boundary,) = [t for t in specs[0]["data"] if t.get("name") == "decision boundary"]
    assert None in boundary["x"] and len(boundary["x"]) > 30


def test_url_holds_ids_and_old_label_links_still_open():
    at = _open("ko", sw_mode="trained", sw_data="moons", sw_tact="relu", **FAST)
    q = dict(at.query_params)
    assert (q["sw_mode"], q["sw_data"], q["sw_tact"]) == ("trained", "moons", "relu")
    old = {"sw_mode": "Trained network", "sw_data": "Two moons", "sw_tact": "ReLU",
           "sw_n": "150", "sw_epochs": "50", "sw_width": "3"}
    at_old = _open("en", query=old)
    assert at_old.session_state["sw_mode"] == "trained"
    assert at_old.session_state["sw_data"] == "moons"
    assert at_old.session_state["sw_tact"] == "relu"
    manual = _open("en", query={"sw_tab": "Morph animation", "sw_act": "Tanh"})
    assert manual.session_state["sw_tab"] == "morph" and manual.session_state["sw_act"] == "tanh"


def test_a_korean_link_opens_the_same_experiment_in_english():
    ko = _open("ko", sw_mode="trained", sw_data="circles", sw_view="units", sw_ub=3,
               sw_neck=False, sw_snap=30, **FAST)
    link = {k: v for k, v in dict(ko.query_params).items() if k != "lang"}
    assert link["sw_snap"] == "30" and link["sw_view"] == "units"
    en = _open("en", query=link)
    for key in ("sw_mode", "sw_data", "sw_view", "sw_ub", "sw_neck", "sw_snap", "sw_n"):
        assert en.session_state[key] == ko.session_state[key], key
    assert _n_charts(en) == _n_charts(ko) == 3
    assert any("Epoch 30:" in m.value for m in en.markdown)
    assert any("에포크 30:" in m.value for m in ko.markdown)


def test_scrubber_does_not_retrain(monkeypatch):
    import nncore.train

    calls = []
    real = nncore.train.train_mlp

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(nncore.train, "train_mlp", counting)  # the page imports it every run
    at = _open(sw_mode="trained", sw_n=150, sw_epochs=100, sw_seed=4242)
    assert len(calls) == 1
    for e in (0, 15, 50, 100):
        at.select_slider(key="sw_snap").set_value(e).run()
        assert not at.exception, _errors(at)
    assert len(calls) == 1, "moving the epoch scrubber retrained the network"
    assert any("Epoch 100:" in m.value for m in at.markdown)
    at.select_slider(key="sw_snap").set_value(15).run()
    assert any("Epoch 15:" in m.value for m in at.markdown)
    assert at.query_params["sw_snap"] == "15"


def test_wide_layer_views_pca_and_units():
    at = _open(sw_mode="trained", sw_width=6, sw_n=150, sw_epochs=50)
    titles = [a["text"] for s in chart_jsons(at) for a in json.loads(s)["layout"]["annotations"]]
    assert any("PCA" in t for t in titles)
    at.segmented_control(key="sw_view").set_value("units").run()
    at.number_input(key="sw_ub").set_value(5).run()
    assert not at.exception, _errors(at)
    titles = [a["text"] for s in chart_jsons(at) for a in json.loads(s)["layout"]["annotations"]]
    assert any("units 1 & 5 of 6" in t for t in titles)


def test_divergence_is_a_warning_not_a_broken_chart():
    at = _open(sw_mode="trained", sw_lr=0.3, sw_epochs=50, sw_depth=4, sw_width=16, sw_n=150)
    _n_charts(at)


# ---- defects: the scrubber follows the run; tanh regions train nothing; one panel a chart -----


@pytest.mark.parametrize("mode", ["trained", "regions"])
def test_more_epochs_moves_the_scrubber_with_the_run(mode):
    at = _open(sw_mode=mode, sw_n=100, sw_epochs=300, sw_width=3, sw_seed=77)
    at.select_slider(key="sw_snap").set_value(90).run()
    assert at.query_params["sw_snap"] == "90"
    at.slider(key="sw_epochs").set_value(1000).run()
    assert not at.exception, _errors(at)
    snap = at.select_slider(key="sw_snap")
    # 90 is not a kept epoch of a 1000-epoch run: the scrubber goes to the run's end, and the
    # slider, the text and the title all say so (the slider used to say "epoch 300")
    assert snap.value == 1000 and snap.options[-1] == "epoch 1000"
    assert snap.format_func(snap.value) == "epoch 1000"
    assert "sw_snap" not in at.query_params  # the default (last epoch) is not written
    if mode == "trained":
        assert any("Epoch 1000:" in m.value for m in at.markdown)
    else:
        title = json.loads(chart_jsons(at)[0])["layout"]["title"]["text"]
        assert title.endswith("at epoch 1000")
    # an epoch kept in both runs stays where it was
    at.select_slider(key="sw_snap").set_value(150).run()
    at.slider(key="sw_epochs").set_value(300).run()
    assert at.select_slider(key="sw_snap").value == 150
    assert at.query_params["sw_snap"] == "150"


def test_regions_with_tanh_explains_at_once_without_training(monkeypatch):
    import nncore
    import nncore.train

    calls = []
    real = nncore.train.train_mlp

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    for module in (nncore, nncore.train):  # wherever a page imports it from
        monkeypatch.setattr(module, "train_mlp", counting)
    at = _open(sw_mode="regions", sw_tact="tanh", sw_n=150, sw_epochs=50, sw_seed=4343)
    assert any(T("regions_smooth", "en")[:30] in i.value for i in at.info)
    assert _n_charts(at) == 1  # only the deeper-vs-wider chart
    assert calls == [], "tanh has no linear regions: nothing should be trained"


@pytest.mark.parametrize("mode", ["manual", "trained"])
def test_each_panel_is_its_own_chart_so_columns_can_stack(mode):
    # on a phone Streamlit stacks columns; a chart of 3 side-by-side panels would stay ~75 px
    at = _open(sw_mode=mode, sw_two=True, **FAST)
    specs = [json.loads(s) for s in chart_jsons(at)]
    assert len(specs) == (5 if mode == "manual" else 3)
    for spec in specs:
        assert "xaxis2" not in spec["layout"] and len(spec["layout"]["annotations"]) == 1


def test_slider_w12_is_the_lectures_weight_from_input_2_to_unit_1():
    # nncore stores W as (fan_in, fan_out); the sliders (and old links) keep the lecture's
    # z = W x + b, so W[1,2] = 1 makes z1 = x1 + x2 and leaves z2 = x2
    import numpy as np
    from app_util import spec_numbers

    from nncore.datasets import make_dataset

    at = _open(sw_w12=1.0)
    spec = json.loads(chart_jsons(at)[1])  # the z panel
    points = spec["data"][-1]
    z1 = next(v for _, v in spec_numbers(points["x"]))
    z2 = next(v for _, v in spec_numbers(points["y"]))
    X, _ = make_dataset("xor", 300, 0.05, np.random.default_rng(0))
    np.testing.assert_allclose(z1, X[:, 0] + X[:, 1], atol=1e-6)
    np.testing.assert_allclose(z2, X[:, 1], atol=1e-6)


# ---------------------------------------------------------------------------------------------
# Long work in the worker pool
# ---------------------------------------------------------------------------------------------


def _same_summary(a: dict, b: dict) -> None:
    import numpy as np

    assert a["diverged_at"] == b["diverged_at"] and list(a["snapshots"]) == list(b["snapshots"])
    for e in a["snapshots"]:
        for k in a["snapshots"][e]:
            np.testing.assert_array_equal(a["snapshots"][e][k], b["snapshots"][e][k])
    for k in a["history"]:
        np.testing.assert_array_equal(a["history"][k], b["history"][k])


def test_pooled_training_region_maps_and_counts_equal_in_process_bit_for_bit():
    import numpy as np

    from labs.space_warp import NetSettings, _summary, _train_here, _train_job
    from nncore.playground import train_round
    from ui import workers

    net = NetSettings(epochs=60, depth=3)
    *_, (_, _, pooled) = train_round((None, None, None), _train_job(net), 0, net.epochs, 4,
                                     run_chunk=workers.run)
    _same_summary(_summary(pooled), _train_here(net))
    params = pooled.params
    X = _train_job(net)["X"]
    args = (params, net.activation, X, -1.5, 1.5, 120, 60)
    here, there = W.region_summary(*args), workers.run(W.region_summary, *args)
    assert here["count"] == there["count"] and here["shown"] == there["shown"]
    for k in ("ticks", "ids", "point_ids"):
        np.testing.assert_array_equal(here[k], there[k])
    here, there = W.depth_vs_width(8), workers.run(W.depth_vs_width, 8)
    assert here["shapes"] == there["shapes"] and here["shallow_max"] == there["shallow_max"]
    np.testing.assert_array_equal(here["counts"], there["counts"])
    np.testing.assert_array_equal(here["built"], there["built"])


def test_the_default_trained_network_trains_in_the_pool_and_is_shared_on_disk(monkeypatch):
    from labs.space_warp import (
        INLINE_S,
        TRAIN_CACHE,
        DataSettings,
        NetSettings,
        _train_here,
        train_seconds,
    )
    from ui import disk_cache, workers

    chunks, real = [], workers.run

    def counting(fn, *args, **kwargs):
        chunks.append(fn.__name__)
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(workers, "run", counting)
    net = NetSettings(data=DataSettings(seed=77))
    assert train_seconds(net) > INLINE_S
    at = _open(sw_mode="trained", sw_seed=77)
    assert len(chunks) >= 2 and set(chunks) == {"train_chunk"}
    assert any("Epoch 300:" in m.value for m in at.markdown)
    pooled = disk_cache.get(TRAIN_CACHE, net)
    assert pooled is not disk_cache.MISSING
    _same_summary(pooled, _train_here(net))


# ---------------------------------------------------------------------------------------------
# Lecture mode: the steps
# ---------------------------------------------------------------------------------------------


def _lecture(lang: str, step: str | None = None) -> AppTest:
    at = open_lecture_tab(PAGE, lang, step, timeout=TIMEOUT_S)
    assert not at.exception, _errors(at)
    return at


def _shows_step(at: AppTest, sid: str, lang: str) -> None:
    from labs.space_warp import step_widgets

    for key, value in step_widgets(sid).items():
        assert at.session_state[key] == value, (sid, key)
    assert at.query_params["step"] == sid
    assert any(T(f"step.{sid}", lang) in m.value for m in at.markdown), sid


@pytest.fixture(scope="module")
def _shared_disk_cache(tmp_path_factory):
    """Both languages' step tests train each step once (the second reads the disk cache)."""
    return tmp_path_factory.mktemp("lecture-results")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_lecture_step_opens_from_its_link_with_its_settings(lang, _shared_disk_cache,
                                                                  monkeypatch):
    from labs.space_warp import LECTURE

    monkeypatch.setenv("NNLAB_CACHE_DIR", str(_shared_disk_cache))
    for sid, (mode, _) in LECTURE.items():
        at = _lecture(lang, sid)
        _shows_step(at, sid, lang)
        assert _n_charts(at) >= (2 if mode != "manual" else 3), sid
        # the step bar replaces the preset buttons
        assert not [b for b in at.button if b.key.startswith("sw_preset_")], sid


def test_lecture_steps_move_with_next_and_previous():
    from labs.space_warp import LECTURE

    ids = list(LECTURE)
    at = _lecture("en")
    _shows_step(at, ids[0], "en")
    assert at.button(key="lecture_prev").disabled
    for sid in ids[1:4]:  # through the manual steps: each applies its preset's sliders
        at.button(key="lecture_next").click().run()
        assert not at.exception, _errors(at)
        _shows_step(at, sid, "en")
    at.button(key="lecture_prev").click().run()
    _shows_step(at, ids[2], "en")


def test_presets_stay_outside_lecture_mode():
    at = _open()
    assert "step" not in at.query_params
    assert [b for b in at.button if b.key.startswith("sw_preset_")]
    assert not [b for b in at.button if b.key in ("lecture_next", "lecture_prev")]
