"""The universal-approximation page in AppTest: both languages, every preset, the URL round trip,
a bad formula (a literal message, nothing changes), a bad interval, and the payload."""

import numpy as np
import pytest
from app_util import assert_clean_figures, exception_text, open_lab, payload_bytes, static_tables

from labs.approximation import PRESETS, K
from ui.strings.approximation import T

PAGE = "labs/approximation.py"
N_CHARTS = 6  # hand-built, trained fit, loss, error vs N, depth, pieces
MAX_PAYLOAD = 300_000


def _open(**kw):
    at = open_lab(PAGE, **kw)
    assert not at.exception, exception_text(at)
    return at


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_default_page_in_both_languages(lang):
    at = _open(query={"lang": lang})
    specs = assert_clean_figures(at)
    assert len(specs) == N_CHARTS
    rate_traces = [t.get("name") for t in specs[3]["data"]]  # the best fit found and 1/N²
    assert T("rate_best", lang) in rate_traces and T("rate_ref", lang) in rate_traces
    assert payload_bytes(at) <= MAX_PAYLOAD
    assert not at.error and not at.warning
    assert len([b for b in at.get("download_button") if b.key.startswith("ua_")]) == 7  # 6 CSVs + JSON
    text = " ".join(m.value for m in at.markdown)
    if lang == "ko":
        assert "보편 근사 정리" in at.info[0].value and "선형 조각" in text
    else:
        assert "universal approximation theorem" in at.info[0].value
    # three rows: deep, shallow with the same units, shallow exact
    assert len(at.get("html")) >= 1


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset(name):
    at = _open(query={"lang": "ko"})
    at.button(key=f"ua_preset_{name}").click().run()
    assert not at.exception, exception_text(at)
    for field, value in PRESETS[name].items():
        assert at.session_state[K[field]] == value
    assert any(T(f"preset.{name}.note", "ko") == i.value for i in at.info)
    assert len(assert_clean_figures(at)) == N_CHARTS
    assert payload_bytes(at) <= MAX_PAYLOAD


def test_url_round_trip():
    query = {"ua_target": "abs", "ua_n": "9", "ua_act": "tanh", "ua_noise": "0.1",
             "ua_steps": "200", "ua_k": "3", "ua_a": "-2.0", "ua_b": "2.5"}
    at = _open(query=query)
    assert at.session_state[K["target"]] == "abs"
    assert at.session_state[K["act"]] == "tanh"
    assert at.session_state[K["n"]] == 9 and at.session_state[K["k"]] == 3
    assert at.session_state[K["a"]] == -2.0 and at.session_state[K["b"]] == 2.5
    assert at.query_params["ua_target"] == "abs" and at.query_params["ua_act"] == "tanh"
    assert len(assert_clean_figures(at)) == N_CHARTS


def _fit_trace(at):
    spec = assert_clean_figures(at)[1]
    return spec["data"][-2]["y"]  # the trained net's curve


def test_bad_formula_is_shown_literally_and_changes_nothing():
    at = _open(state={K["target"]: "formula"})
    before = assert_clean_figures(at)
    at.text_input(key=K["formula"]).set_value("x^2 + __import__('os')").run()
    assert not at.exception, exception_text(at)
    assert at.error and "`sin(3*x) * exp(-x**2/4)`" in at.error[0].value
    assert at.code and "not" in at.code[0].value  # the parser's message, shown as code
    assert assert_clean_figures(at) == before
    at.text_input(key=K["formula"]).set_value("log(x)").run()
    assert at.error and "finite" in at.error[0].value
    assert assert_clean_figures(at) == before
    at.text_input(key=K["formula"]).set_value("x**2").run()
    assert not at.error
    assert assert_clean_figures(at) != before


def test_bad_interval_keeps_the_last_one():
    at = _open()
    before = assert_clean_figures(at)
    at.number_input(key=K["a"]).set_value(3.0).run()
    assert at.warning and "[-3, 3]" in at.warning[0].value
    assert assert_clean_figures(at) == before


def test_largest_settings_stay_finite():
    """The largest learning rate with 256 sigmoid units: every chart number finite."""
    at = _open(state={K["lr"]: 0.3, K["steps"]: 200, K["act"]: "sigmoid", K["n"]: 256})
    specs = assert_clean_figures(at)
    assert len(specs) == N_CHARTS
    for spec in specs:
        for trace in spec["data"]:
            for axis in ("x", "y"):
                if isinstance(trace.get(axis), list):
                    assert np.isfinite(np.asarray(trace[axis], dtype=float)).all()


def test_long_run_goes_to_the_worker_pool_and_disk_cache(tmp_path, monkeypatch):
    """A run estimated over INLINE_SECONDS trains in worker processes, chunk by chunk, and
    gives exactly the in-process result; it lands in the disk cache for other servers."""
    from nncore import approx as A
    from ui import disk_cache, workers

    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("NNLAB_WORKERS", "1")
    state = {K["n"]: 64, K["steps"]: 2000, K["target"]: "bump"}
    spec = A.FitSpec("bump", "", -3.0, 3.0, 0.0, 0, 64, "relu", 2000, 0.03)
    assert A.fit_seconds(64, 2000) > 0.5
    chunks = []
    real = workers.run_chunks

    def counted(*args):
        for k, st in real(*args):
            chunks.append(k)
            yield k, st

    monkeypatch.setattr(workers, "run_chunks", counted)
    try:
        at = _open(state=state)
    finally:
        workers.shutdown()
    assert chunks == list(range(1, 9))  # 2000 steps in chunks of 250
    stored = disk_cache.get("approximation.fit", spec)
    assert stored is not disk_cache.MISSING
    local = A.run_fit(spec)
    assert np.array_equal(stored["fit"], local["fit"])
    assert np.array_equal(stored["loss"], local["loss"])
    assert len(assert_clean_figures(at)) == N_CHARTS


def test_trained_depth_runs_in_the_worker_pool_equal_to_in_process(tmp_path, monkeypatch):
    """The depth toggle (URL ua_dtrain, ua_dwidth) trains every seed in worker processes chunk
    by chunk; what lands in the disk cache equals the in-process run bit for bit."""
    from nncore import approx as A
    from ui import disk_cache, workers

    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("NNLAB_WORKERS", "1")
    try:
        at = _open(query={"lang": "ko", "ua_dtrain": "true", "ua_dwidth": "3", "ua_k": "1"})
    finally:
        workers.shutdown()
    assert at.session_state[K["dtrain"]] is True and at.session_state[K["dwidth"]] == 3
    assert at.query_params["ua_dtrain"] == "true" and at.query_params["ua_dwidth"] == "3"
    spec = A.DepthTrainSpec(1, 3)
    stored = disk_cache.get("approximation.depth_train", spec)
    assert stored is not disk_cache.MISSING
    local = A.run_depth_training(spec, 500)
    for net in ("deep", "shallow"):
        assert np.array_equal(stored[f"{net}_y"], local[f"{net}_y"])
    for a, b in zip(stored["rows"], local["rows"], strict=True):
        assert (a["max_err"], a["mse"], a["pieces"]) == (b["max_err"], b["mse"], b["pieces"])
        assert all(np.array_equal(a["params"][key], b["params"][key]) for key in a["params"])
    assert len(assert_clean_figures(at)) == N_CHARTS + 1  # the trained depth chart
    assert len(static_tables(at)) == 2
    keys = [b.key for b in at.get("download_button")]
    assert "ua_dl_dtrain" in keys and "ua_dl_dseeds" in keys
