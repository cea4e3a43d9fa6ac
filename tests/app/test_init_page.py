"""The Initialization lab page: AppTest in English and Korean (every preset, URL parameters as
ids and as old-form labels, a Korean link opened in English, the overflow warning, the table,
payload size). The browser run with screenshots: tests/browser/test_init_lab_browser.py."""

import base64
import sys
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from app_util import assert_clean_figures, assert_same, chart_jsons, open_link
from app_util import exception_text as _errors
from app_util import figure_specs as _specs
from app_util import payload_bytes as _payload
from streamlit.testing.v1 import AppTest

from labs import init_lab as init_page
from nncore.initlab import PRESETS
from ui.strings.init_lab import T

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "labs/init_lab.py"
TIMEOUT_S = 180
N_CHARTS = 6  # fwd/bwd histograms, std(a), gradients (∂L/∂a, ∂L/∂W), blocking units, theory
MAX_PAYLOAD = 300_000


def _open(query: dict | None = None, lang: str = "en") -> AppTest:
    """The page in ``lang`` (set before the first run, as ?lang= in a link), then ``query``."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, _errors(at)
    assert at.session_state["lang"] == lang
    return at


def _explained(at, name: str, lang: str) -> bool:
    """The preset's explanation is shown: its text up to the first number placeholder."""
    head = T(f"explain.{name}", lang).split("{")[0]
    return any(i.value.startswith(head) for i in at.info)


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


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_default_page(lang):
    at = _open(lang=lang)
    assert at.title[0].value == T("title", lang)
    assert T("intro", lang)[:20] in at.info[0].value
    assert len(chart_jsons(at)) == N_CHARTS
    assert not at.warning
    _assert_finite_figures(at)
    assert _payload(at) <= MAX_PAYLOAD
    # The per-layer table and its CSV download are there.
    assert at.dataframe and len(at.dataframe[0].value) == 7
    assert [b for b in at.get("download_button") if b.key.startswith("ini_")]


@pytest.mark.parametrize("name,lang",
                         [(n, "ko" if i % 2 else "en") for i, n in enumerate(PRESETS)])
def test_every_preset(name, lang):
    at = _open(lang=lang)
    at.button(key=f"ini_preset_{name}").click().run()
    assert not at.exception, _errors(at)
    preset = PRESETS[name]
    # The preset's explanation is shown (the settings match it exactly), and its button is active.
    assert _explained(at, name, lang), [i.value for i in at.info]
    assert at.button(key=f"ini_preset_{name}").label == T(f"preset.{name}", lang)
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


OLD_FORM = {  # what Streamlit's bind wrote before the URL held ids: English labels
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
ID_FORM = {**OLD_FORM, "ini_act": "relu", "ini_init": "normal", "ini_b_act": "sigmoid",
           "ini_b_init": "he_normal"}


@pytest.mark.parametrize("query,lang", [(OLD_FORM, "en"), (ID_FORM, "ko")], ids=["old", "ids"])
def test_url_parameters_round_trip(query, lang):
    """Query parameters set every widget (what a copied URL does): ids, and the old-form labels
    of links made before ids (aliases). The URL then holds ids, never a translated label."""
    at = _open(query, lang)
    ss = at.session_state
    assert ss["ini_act"] == "relu" and ss["ini_init"] == "normal" and ss["ini_scale"] == 0.05
    assert ss["ini_bn"] is True and ss["ini_depth"] == 5 and ss["ini_width"] == 64
    assert ss["ini_n"] == 32 and ss["ini_seed"] == 3 and ss["ini_ab"] is True
    assert ss["ini_b_act"] == "sigmoid" and ss["ini_b_init"] == "he_normal"
    assert at.query_params["ini_act"] == "relu" and at.query_params["ini_b_init"] == "he_normal"
    assert len(at.dataframe[0].value) == 10  # 5 layers × (A, B)
    frame = at.dataframe[0].value
    assert set(frame[T("col.activation", lang)]) == {"relu", "sigmoid"}


def test_old_form_preset_link_opens_the_preset():
    at = _open(
        {"ini_act": "ReLU", "ini_init": "He (Kaiming) normal", "ini_width": "4096", "ini_n": "16"}
    )
    assert _explained(at, "relu_he", "en")


def test_a_korean_link_opens_the_same_experiment_in_english():
    ko = _open(lang="ko")
    ko.button(key="ini_preset_ab_bn").click().run()
    ko.selectbox(key="ini_b_act").set_value("sigmoid").run()
    params = {k: v for k, v in ko.query_params.items() if k.startswith("ini_")}
    assert params["ini_b_act"] == "sigmoid" and params["ini_width"] == "4096", params
    assert all(v.isascii() for v in params.values()), params  # ids, no Hangul
    en = _open(params, "en")
    keys = [k for k in ko.session_state if str(k).startswith("ini_") and "preset" not in k
            and "fig" not in k and k != "ini_csv"]
    for key in keys:
        assert en.session_state[key] == ko.session_state[key], key
    bn = init_page.TABLE_COLUMNS.index("batchnorm")  # yes/no in each language
    ko_cells, en_cells = ko.dataframe[0].value.to_numpy(), en.dataframe[0].value.to_numpy()
    np.testing.assert_array_equal(np.delete(ko_cells, bn, axis=1), np.delete(en_cells, bn, axis=1))
    words = {("예", "yes"), ("아니요", "no")}
    assert {(k, e) for k, e in zip(ko_cells[:, bn], en_cells[:, bn], strict=True)} <= words


def test_no_table_cell_reads_none():
    """The per-layer table never shows "None"/"nan": a statistic that does not apply is "–"."""
    at = _open({"ini_act": "relu", "ini_init": "he_normal", "ini_ab": "true"})
    frame = at.dataframe[0].value
    cells = {str(v) for v in frame.to_numpy().ravel()}
    assert not cells & {"None", "nan", "NaN", "<NA>"}, cells
    assert "–" in cells  # % saturated of ReLU, % dead of tanh


@pytest.mark.parametrize("lang, yes, no", [("en", "yes", "no"), ("ko", "예", "아니요")])
def test_batch_norm_column_reads_yes_or_no(lang, yes, no):
    """Issue 22: the batch-norm column showed Python's True/False, in Korean too."""
    at = _open({"ini_bn": "true", "ini_ab": "true", "ini_b_bn": "false", "ini_depth": "3",
                "ini_width": "64"}, lang)
    frame = at.dataframe[0].value
    column = frame[T("col.batchnorm", lang)]
    assert set(column[frame.iloc[:, 0] == frame.iloc[0, 0]]) == {yes}  # network A: with BN
    assert set(column[frame.iloc[:, 0] != frame.iloc[0, 0]]) == {no}  # network B: without
    assert not {str(v) for v in frame.to_numpy().ravel()} & {"True", "False"}


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))


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


# ---------------------------------------------------------------------------------------------
# Lecture mode: the steps, and the worker pool behind the 7 × 4096 presets
# ---------------------------------------------------------------------------------------------


def _open_lecture(lang: str, step: str | None = None) -> AppTest:
    """The page opened from a lecture link: ?lang=…&mode=lecture&step=… before the first run."""
    query = {"lang": lang, "mode": "lecture"} | ({"step": step} if step else {})
    at = open_link(PAGE, query, timeout=TIMEOUT_S)
    assert not at.exception, _errors(at)
    return at


@pytest.mark.parametrize("step", list(init_page.LECTURE))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lecture_step_opens_with_its_settings(step, lang):
    """A link to a step opens it: its title in the bar, its preset's values in the widgets (and
    so its explanation box), no preset buttons, every chart drawn."""
    at = _open_lecture(lang, step)
    assert at.query_params["step"] == step
    assert at.markdown[0].value.startswith(f"**{T(f'step.{step}', lang)}**")
    assert at.markdown[1].value == T(f"step_text.{step}", lang)
    for key, value in init_page.preset_values(step).items():
        assert at.session_state[key] == value, key
    assert _explained(at, step, lang), [i.value for i in at.info]
    assert not [b for b in at.button if b.key.startswith("ini_preset_")]
    assert len(chart_jsons(at)) == N_CHARTS and not at.warning


def test_lecture_next_and_previous_walk_the_steps_in_order():
    at = _open_lecture("en")
    order = list(init_page.LECTURE)
    assert at.query_params["step"] == order[0] and at.button(key="lecture_prev").disabled
    for name in order[1:3]:
        at.button(key="lecture_next").click().run()
        assert not at.exception, _errors(at)
        assert at.query_params["step"] == name and _explained(at, name, "en")
    at.button(key="lecture_prev").click().run()
    assert at.query_params["step"] == order[1]
    assert at.session_state["ini_scale"] == PRESETS[order[1]].a.scale


def test_pooled_runs_equal_in_process_runs(tmp_path, monkeypatch):
    """A worker's result is the in-process result bit for bit: a small config through
    ``workers.run``, and a lecture preset through the page's pool + disk path."""
    from nncore.initlab import InitConfig, run_init_experiment
    from ui import disk_cache, workers

    small = InitConfig("tanh", "xavier_normal", None, 4, 512, 64, False, 3)
    assert_same(workers.run(run_init_experiment, small), run_init_experiment(small))
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    big = PRESETS["relu_he"].a  # 7 × 4096
    init_page.prefetch([big])
    pooled = disk_cache.get(init_page.DISK_NAME, big)
    assert pooled is not disk_cache.MISSING
    assert_same(pooled, run_init_experiment(big))
    workers.shutdown()


def test_mid_size_nets_compute_in_the_pool_and_small_ones_here(monkeypatch):
    """The default 7 × 256 view (~0.4 s) and bigger run in a worker, so a student moving the
    depth slider never holds the server's GIL; a 7 × 64 net computes in the script."""
    from ui import workers

    calls = []
    real = workers.run
    monkeypatch.setattr(workers, "run", lambda fn, *a, **k: calls.append(a) or real(fn, *a, **k))
    init_page.run_experiment.clear()
    args = dict(activation="tanh", init="xavier_normal", scale=None, samples=16,
                batchnorm=False, seed=0)
    init_page.run_experiment(depth=7, width=64, **args)
    assert calls == []
    init_page.run_experiment(depth=7, width=256, **args)
    assert [c[0].width for c in calls] == [256]
    workers.shutdown()
