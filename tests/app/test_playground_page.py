"""Training playground page: AppTest over every data set, activation, initializer, optimizer and
loss; view-only controls never retrain; Train more / Reset; divergence; compare. The Chromium
tests are in tests/browser/test_playground_browser.py."""

import math
from pathlib import Path

import numpy as np
import pytest
from app_util import assert_clean_figures, chart_jsons, exception_text, open_lab, open_lecture_tab
from app_util import figure_specs as _specs
from app_util import payload_bytes as _payload
from png_util import png_size
from streamlit.testing.v1 import AppTest

import nncore
import nncore.playground
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
    """Counts rounds of training the page starts (``nncore.playground.train_round``, which the
    page imports on every run), in this process or chunk by chunk in the worker pool."""

    def __init__(self, monkeypatch):
        self.calls = 0
        real = nncore.playground.train_round

        def counting(*a, **k):
            self.calls += 1
            return real(*a, **k)

        monkeypatch.setattr(nncore.playground, "train_round", counting)


@pytest.fixture(autouse=True)
def _own_disk_cache(tmp_path, monkeypatch):
    """Each test its own shared-results folder: a run cached by an earlier test session would
    not be trained (and counted) again."""
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path / "results"))


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
                                            "Test accuracy"]
    assert float(at.metric[3].value.rstrip("%")) > 90  # XOR, 2-8-8 tanh, Adam, 100 epochs
    assert at.dataframe and len(at.dataframe[0].value) == 1  # run history


@pytest.mark.parametrize("tab", ["weights", "Weights per layer"])  # id, and old links' label
def test_weights_tab_is_drawn_only_when_open(tab):
    """The confusion matrix and the weight histograms share one place: only the chosen one runs."""
    at = open_lab(PAGE, query={"pg_tab": tab}, timeout=TIMEOUT_S)
    _ok(at)
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
                       for c in at.caption)
        assert fallback == (loss == "bce")


def test_per_layer_overrides_limits_and_regularizers():
    at = _open(**_small(pg_layers=3, pg_a2="relu", pg_a3="maxout", pg_w1=1, pg_w3=5,
                        pg_bn=True, pg_drop=0.2, pg_l1=1e-4, pg_l2=1e-3))
    _assert_clean_figures(at)
    titles = [a["text"] for a in _specs(at)[1]["layout"]["annotations"]]
    assert titles == ["Inputs", "Layer 1<br>Tanh", "Layer 2<br>ReLU", "Layer 3<br>Maxout",
                      "x₁", "x₂"]
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
    # the replay is the live chart's player (one picture per snapshot), as in the optimizer
    # lab: no Plotly frames, buttons or slider
    assert len(boundary["player"]["images"]) == len(epochs)
    assert "frames" not in boundary and not {"sliders", "updatemenus"} & set(boundary["layout"])
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


def test_long_round_is_capped_with_a_note(monkeypatch):
    counter = _CountTraining(monkeypatch)
    at = _open(pg_n=2000, pg_bs=1, pg_ep=1000, pg_layers=8)
    notes = [i.value for i in at.info if "Train more" in i.value]
    assert notes and "1000 epochs" in notes[0]
    epochs = int(at.metric[0].value)
    assert 1 <= epochs < 1000 and counter.calls == 1


# ---------------------------------------------------------------------------------------------
# Korean and English; ids in the URL
# ---------------------------------------------------------------------------------------------

SETTINGS_IDS = {"pg_data": "moons", "pg_act": "relu", "pg_opt": "sgd", "pg_loss": "mse",
                "pg_init": "he_normal"}
OLD_LABELS = {"pg_data": "Two moons (2 classes)", "pg_act": "ReLU", "pg_opt": "SGD",
              "pg_loss": "Mean squared error", "pg_init": "He (Kaiming) normal"}


def _qp(at, key):
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) else value


def test_korean_page_reads_korean():
    at = open_lab(PAGE, state={"lang": "ko", "pg_n": 120, "pg_ep": 10}, timeout=TIMEOUT_S)
    _ok(at)
    assert at.title[0].value == "학습 놀이터"
    assert [m.label for m in at.metric] == ["보여 주는 에포크", "훈련 손실 (loss)", "시험 손실",
                                            "시험 정확도"]
    assert "두 개의 반달 (2클래스)" in at.selectbox(key="pg_data").options
    assert "선형 (항등 함수)" in at.selectbox(key="pg_act").options
    specs = _specs(at)
    assert "결정 경계" in at.subheader[0].value
    titles = [a["text"] for a in specs[THUMBS_I]["layout"]["annotations"]]
    assert titles[:3] == ["입력", "1층<br>Tanh", "2층<br>Tanh"]
    curves = specs[CURVES_I]
    assert curves["layout"]["xaxis"]["title"]["text"] == "에포크"
    assert {t["name"] for t in curves["data"]} == {"훈련", "시험"}
    assert specs[CM]["layout"]["xaxis"]["title"]["text"] == "예측"
    assert any("클래스 0" == t.get("name") for t in specs[BOUNDARY_I]["data"])
    table = at.dataframe[0].value
    assert {"데이터셋", "신경망", "학습률", "시험 정확도"} <= set(table.columns)
    assert table["데이터셋"][0] == "XOR"


def test_url_holds_ids_and_a_korean_link_opens_the_same_run_in_english(monkeypatch):
    # AppTest formats a widget's options in the test process (outside the page's session):
    # give that process the page's language too.
    monkeypatch.setattr("ui.i18n.current_lang", lambda: "ko")
    ko = open_lab(PAGE, state=_small(pg_seed=3, lang="ko"), timeout=TIMEOUT_S)
    assert ko.title[0].value == "학습 놀이터"
    for key, value in SETTINGS_IDS.items():
        ko.session_state[key] = value
    ko.session_state["pg_feat"] = ["x1", "x2", "x1x2"]
    ko.run()
    _ok(ko)
    link = {k: _qp(ko, k) for k in ko.query_params}
    for key, value in SETTINGS_IDS.items():
        assert link[key] == value, key  # the id, never the Korean label
    assert link["pg_feat"] == "x1,x2,x1x2"
    assert link.pop("lang") == "ko"
    monkeypatch.undo()
    en = open_lab(PAGE, state={"lang": "en"}, query=link, timeout=TIMEOUT_S)
    _ok(en)
    assert [m.value for m in en.metric] == [m.value for m in ko.metric]
    assert {k: en.selectbox(key=k).value for k in SETTINGS_IDS} == SETTINGS_IDS
    assert en.title[0].value == "Training playground"


def test_old_links_with_english_labels_still_open():
    query = {**OLD_LABELS, "pg_feat": ["x₁", "x₂", "x₁·x₂"], "pg_n": "120", "pg_ep": "10",
             "pg_a1": "as network", "pg_a2": "Sigmoid"}
    at = open_lab(PAGE, query=query, timeout=TIMEOUT_S)
    _ok(at)
    assert {k: at.selectbox(key=k).value for k in SETTINGS_IDS} == SETTINGS_IDS
    assert at.session_state["pg_feat"] == ["x1", "x2", "x1x2"]
    assert at.selectbox(key="pg_a1").value == "same" and at.selectbox(key="pg_a2").value == "sigmoid"
    assert _qp(at, "pg_data") == "moons"  # rewritten to the id


def test_formulas_follow_the_settings():
    """The loss with its penalties, batch norm, dropout and the chosen optimizer's update rule."""
    at = _open(**_small(pg_opt="momentum", pg_l1=1e-4, pg_l2=1e-3, pg_drop=0.2, pg_loss="mse"))
    latex = [e.value for e in at.get("latex")]
    assert len(latex) == 4
    assert r"\lambda_1 = 0.0001,\ \lambda_2 = 0.001" in latex[0] and "z_i - t_i" in latex[0]
    assert r"\sigma_B^2" in latex[1] and "p = 0.2" in latex[2]
    assert OPTIMIZERS["momentum"].formula in latex[3]
    assert any("Momentum update" in m.value for m in at.markdown)


# ---------------------------------------------------------------------------------------------
# Defects (each test failed on the page before its fix)
# ---------------------------------------------------------------------------------------------


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_replay_after_reset_starts_where_the_timeline_is():
    at = _open(**_small(pg_seed=4))
    at.button(key="pg_reset_btn").click().run()
    _ok(at)
    assert at.metric[0].value == "0"
    at.toggle(key="pg_replay").set_value(True).run()
    _ok(at)
    boundary = _specs(at)[BOUNDARY_I]
    assert at.metric[0].value == "0" and "epoch 0" in at.subheader[0].value
    player = boundary["player"]
    assert player["start"] == 0 and player["labels"][0] == "0"
    assert _picture(boundary) == player["images"][0]  # epoch 0's picture
    assert _picture(boundary) != player["images"][-1]


def test_reset_status_says_the_initial_weights_are_shown():
    at = _open(**_small(pg_seed=4))
    assert "Trained 10 epochs in 1 round(s)" in _captions(at)
    at.button(key="pg_reset_btn").click().run()
    _ok(at)
    assert "Trained 10 epochs" not in _captions(at)
    assert "Showing the initial weights (epoch 0)" in _captions(at)


@pytest.mark.parametrize("value", ["upload", "Uploaded CSV"])  # the id, and old links' label
def test_a_link_to_uploaded_data_says_to_upload_it_again(value):
    at = open_lab(PAGE, query={"pg_data": value, "pg_n": "120", "pg_ep": "10"},
                  timeout=TIMEOUT_S)
    _ok(at)
    assert "refers to an uploaded data set" in _warnings(at) and "Upload the CSV again" in \
        _warnings(at)
    assert at.selectbox(key="pg_data").value == "xor"
    at.selectbox(key="pg_data").set_value("moons").run()  # the student moves on
    _ok(at)
    assert "uploaded data set" not in _warnings(at)


def _import(at, params: dict) -> None:
    """What the importer's callback stores for a fitting file (AppTest cannot upload files)."""
    from nncore.playground import expected_shapes

    shapes = {k: tuple(v.shape) for k, v in params.items()}
    assert shapes == expected_shapes([2, 8, 8, 2], ["tanh", "tanh"], False)
    at.session_state["pg_files"] = {"weights-test": {"params": params, "bn": {},
                                                     "name": "zeros.json"}}
    at.session_state["pg_import"] = {"key": "weights-test", "shapes": shapes}
    at.run()
    _ok(at)


def _import_messages(at) -> list[str]:
    return [m.value for m in [*at.success, *at.warning] if "imported weights" in m.value]


def test_imported_weights_have_one_state_and_one_message():
    at = _open(**_small())
    zeros = {k: np.zeros_like(v) for k, v in
             nncore.init_mlp([2, 8, 8, 2], "he_normal", np.random.default_rng(0)).items()}
    _import(at, zeros)
    (msg,) = _import_messages(at)
    assert msg.startswith("Using imported weights from zeros.json")
    at.select_slider(key="pg_epoch").set_value(0).run()
    assert at.metric[1].value == f"{math.log(2):.4f}"  # all-zero weights: 50/50 everywhere
    at.slider(key="pg_layers").set_value(1).run()
    _ok(at)
    (msg,) = _import_messages(at)
    assert "no longer fit" in msg and "2-8-8-2" in msg and not at.success
    at.slider(key="pg_layers").set_value(2).run()
    (msg,) = _import_messages(at)
    assert msg.startswith("Using imported weights")
    table = at.dataframe[0].value
    assert table["start"].tolist() == ["seed", "file zeros.json", "seed"]  # 2-8-8-2 twice: 1 row


def test_compare_defaults_to_the_two_latest_runs():
    at = _open(**_small())
    for layers in (1, 3):
        at.slider(key="pg_layers").set_value(layers).run()
        _ok(at)
    assert len(at.dataframe[0].value) == 3
    assert at.selectbox(key="pg_cmp_a").value == 2 and at.selectbox(key="pg_cmp_b").value == 3
    at.selectbox(key="pg_cmp_a").set_value(1).run()  # a student's pick stays until a new run
    assert at.selectbox(key="pg_cmp_a").value == 1
    at.slider(key="pg_layers").set_value(4).run()
    assert at.selectbox(key="pg_cmp_a").value == 3 and at.selectbox(key="pg_cmp_b").value == 4


def test_a_setting_tried_before_is_not_a_new_history_row():
    """Issue 22 item 6: rows are completed training runs, not setting tweaks; going back to a
    setting already trained (a cached run, nothing trained) adds no row."""
    at = _open(**_small())
    for layers in (1, 2, 1, 2):
        at.slider(key="pg_layers").set_value(layers).run()
        _ok(at)
    table = at.dataframe[0].value
    assert table["network"].tolist() == ["2-8-8 Tanh", "2-8 Tanh"]
    assert "#" in table and table["#"].tolist() == [1, 2]


def test_an_uploaded_run_is_named_by_its_file():
    from ui.playground_io import parse_points_csv

    rng = np.random.default_rng(0)
    pts = rng.normal(size=(80, 2))
    rows = "\n".join(f"{x:.4f},{y:.4f},{int(x * y > 0)}" for x, y in pts)
    X, y, classes = parse_points_csv(("x1,x2,label\n" + rows).encode())
    # What the uploader's callback stores (AppTest cannot upload files).
    files = {"csv-test": {"X": X, "y": y, "classes": classes, "name": "quadrants.csv"}}
    at = _open(**_small(pg_files=files, pg_upload="csv-test", pg_data="upload"))
    at.slider(key="pg_layers").set_value(1).run()
    _ok(at)
    table = at.dataframe[0].value
    assert table["data set"].tolist() == ["Uploaded CSV: quadrants.csv"] * 2
    assert at.selectbox(key="pg_data").options[-1] == "Uploaded CSV: quadrants.csv"
    assert at.query_params["pg_data"] in ("upload", ["upload"])
    assert "x₁ (standardized)" in str(_specs(at)[BOUNDARY_I]["layout"]["xaxis"]["title"])


def test_a_run_stopped_before_it_is_drawn_is_not_a_history_row(monkeypatch):
    """A newer setting stops the script while it draws (Streamlit raises StopException at the
    next element): that run was passed through, not completed, and gets no history row."""
    from streamlit.runtime.scriptrunner_utils.exceptions import StopException

    import ui.common

    at = _open(**_small())
    assert len(at.dataframe[0].value) == 1
    real = ui.common.chart

    def stop_at_curves(fig, key=None, **kw):
        if key == "pg_fig_curves":
            raise StopException()
        return real(fig, key=key, **kw)

    monkeypatch.setattr(ui.common, "chart", stop_at_curves)
    at.slider(key="pg_layers").set_value(1).run()  # trained, then stopped while drawing
    assert not at.exception
    monkeypatch.setattr(ui.common, "chart", real)
    at.slider(key="pg_layers").set_value(3).run()
    _ok(at)
    table = at.dataframe[0].value
    assert table["network"].tolist() == ["2-8-8 Tanh", "2-8-8-8 Tanh"]  # no 2-8 row


# ---------------------------------------------------------------------------------------------
# Long rounds in the worker pool
# ---------------------------------------------------------------------------------------------


def _same_run(a, b) -> None:
    assert sorted(a.snapshots) == sorted(b.snapshots) and a.diverged_at == b.diverged_at
    for e in a.snapshots:
        for sa, sb in zip(a.snapshots[e], b.snapshots[e], strict=True):
            for k in sa:
                np.testing.assert_array_equal(sa[k], sb[k])
    for k in a.history:
        np.testing.assert_array_equal(a.history[k], b.history[k])


def test_pooled_chunks_equal_the_in_process_round_bit_for_bit():
    from labs.playground import _job
    from nncore.playground import Settings, train_round
    from ui import workers

    s = Settings(epochs=30, bn=True, drop=0.1)
    job = _job(s, 0)
    here = list(train_round((None, None, None), job, 0, s.epochs))[-1][2]
    there = list(train_round((None, None, None), job, 0, s.epochs, 5,
                             run_chunk=workers.run))[-1][2]
    _same_run(here, there)


def test_a_long_round_trains_in_the_pool_and_is_shared_on_disk(monkeypatch):
    """The default round is estimated over INLINE_S: it trains chunk by chunk in the pool,
    lands in the shared disk cache, and equals the same run trained in this process."""
    from labs.playground import CACHE_NAME, INLINE_S, _train_here, round_seconds
    from nncore.playground import Run, Settings
    from ui import disk_cache, workers

    chunks, real = [], workers.run

    def counting(fn, *args, **kwargs):
        chunks.append(fn.__name__)
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(workers, "run", counting)
    counter = _CountTraining(monkeypatch)
    at = _open(pg_seed=21)
    assert len(chunks) >= 2 and set(chunks) == {"train_chunk"}
    run = Run(at.session_state["pg_last"])
    assert run.s.data == nncore.playground.DataSettings(seed=21) and run.s == Settings(
        data=run.s.data, hp=run.s.hp)  # the defaults (with Adam's own β₁, β₂, ε)
    assert round_seconds(run) > INLINE_S
    assert counter.calls == 1 and at.metric[0].value == "100"
    pooled = disk_cache.get(CACHE_NAME, run)
    assert pooled is not disk_cache.MISSING
    _same_run(pooled, _train_here(run))


# ---------------------------------------------------------------------------------------------
# Lecture mode: the steps
# ---------------------------------------------------------------------------------------------


def _lecture(lang: str, step: str | None = None) -> AppTest:
    at = open_lecture_tab(PAGE, lang, step, timeout=TIMEOUT_S)
    _ok(at)
    return at


@pytest.fixture(scope="module")
def _shared_disk_cache(tmp_path_factory):
    """Both languages' step tests train each step once (the second reads the disk cache)."""
    return tmp_path_factory.mktemp("lecture-results")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_lecture_step_opens_from_its_link_with_its_settings(lang, _shared_disk_cache,
                                                                  monkeypatch):
    from labs.playground import LECTURE, step_settings
    from ui.strings.playground import T

    monkeypatch.setenv("NNLAB_CACHE_DIR", str(_shared_disk_cache))
    for sid in LECTURE:
        at = _lecture(lang, sid)
        assert at.session_state["pg_last"] == step_settings(sid), sid
        assert any(T(f"step_{sid}", lang) in m.value for m in at.markdown), sid
        assert _qp(at, "step") == sid
        _assert_clean_figures(at)


def test_lecture_steps_move_with_next_and_previous():
    from labs.playground import LECTURE, step_settings

    at = _lecture("en")
    first, second = list(LECTURE)[:2]
    assert at.session_state["pg_last"] == step_settings(first) and _qp(at, "step") == first
    assert at.button(key="lecture_prev").disabled
    at.button(key="lecture_next").click().run()
    _ok(at)
    assert at.session_state["pg_last"] == step_settings(second) and _qp(at, "step") == second
    at.button(key="lecture_prev").click().run()
    _ok(at)
    assert at.session_state["pg_last"] == step_settings(first)


def test_no_step_bar_outside_lecture_mode():
    at = _open(**_small())
    assert "step" not in at.query_params
    assert not [b for b in at.button if b.key in ("lecture_next", "lecture_prev")]


def test_train_more_in_the_pool_equals_the_in_process_rounds(monkeypatch):
    """Train more on a pooled run: the second round also trains chunk by chunk in the pool,
    continues the first, and equals both rounds trained in this process."""
    from labs.playground import CACHE_NAME, _train_here
    from nncore.playground import Run
    from ui import disk_cache, workers

    chunks, real = [], workers.run

    def counting(fn, *args, **kwargs):
        chunks.append(fn.__name__)
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(workers, "run", counting)
    at = _open(pg_seed=23)
    first = len(chunks)
    at.button(key="pg_more_btn").click().run()
    _ok(at)
    assert len(chunks) >= first + 2 and at.metric[0].value == "200"
    run = Run(at.session_state["pg_last"], 1)
    _same_run(disk_cache.get(CACHE_NAME, run), _train_here(run))
