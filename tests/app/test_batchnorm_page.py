"""The batch normalization page in AppTest: both languages, the URL round trip, the view-only
sliders, the large grid, a diverging setting (a warning and a grey cell, never a NaN), and the
payload per rerun."""

from pathlib import Path

import numpy as np
import pytest
from app_util import (
    assert_clean_figures,
    assert_same,
    chart_jsons,
    exception_text,
    open_lecture_step,
    open_link,
    payload_bytes,
)
from streamlit.testing.v1 import AppTest

from labs import batchnorm as bn_page
from labs.batchnorm import N_POINTS, NOISE, BNSettings
from nncore.datasets import make_dataset
from nncore.train import train_mlp
from ui import disk_cache, workers
from ui.strings.batchnorm import T

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "labs/batchnorm.py"
N_CHARTS = 5  # curves, histograms, γ/β, running statistics, grid
MAX_PAYLOAD = 300_000


def open_page(lang: str = "en", query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, exception_text(at)
    return at


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_default_page_in_both_languages(lang):
    at = open_page(lang)
    assert at.title[0].value == ("Batch normalization" if lang == "en" else "배치 정규화")
    assert len(chart_jsons(at)) == N_CHARTS
    assert_clean_figures(at)
    assert payload_bytes(at) <= MAX_PAYLOAD
    assert not at.warning
    assert len([b for b in at.get("download_button") if b.key.startswith("bn_")]) == 5
    body = texts(at)
    if lang == "ko":
        assert "정규화" in body and "규제" not in body  # normalization, never regularization
        assert "Training curves" not in body


def test_url_round_trip_and_view_sliders():
    query = {"bn_data": "circles", "bn_act": "tanh", "bn_depth": "4", "bn_width": "8",
             "bn_scale": "0.5", "bn_lr": "0.03", "bn_epochs": "6", "bn_batch": "16",
             "bn_seed": "3", "bn_layer": "3", "bn_epoch": "2", "bn_unit": "5"}
    at = open_page("en", query)
    ss = at.session_state
    assert ss["bn_data"] == "circles" and ss["bn_act"] == "tanh" and ss["bn_depth"] == 4
    assert ss["bn_width"] == 8 and ss["bn_scale"] == 0.5 and ss["bn_lr"] == 0.03
    assert ss["bn_epochs"] == 6 and ss["bn_batch"] == 16 and ss["bn_seed"] == 3
    assert ss["bn_layer"] == 3 and ss["bn_epoch"] == 2 and ss["bn_unit"] == 5
    assert any("After epoch 2, layer 3's u" in m.value for m in at.markdown)
    assert any("Layer 3, unit 5, the minibatch of B = 16" in m.value for m in at.markdown)
    at.slider(key="bn_epoch").set_value(5).run()
    assert not at.exception, exception_text(at)
    assert any("After epoch 5, layer 3's u" in m.value for m in at.markdown)
    assert_clean_figures(at)


def test_choices_write_stable_ids_in_korean():
    at = open_page("ko")
    at.selectbox(key="bn_data").set_value("xor").run()
    assert at.query_params["bn_data"] == "xor"
    assert not at.exception, exception_text(at)


def test_out_of_range_view_values_are_clamped():
    at = open_page("en", {"bn_depth": "3", "bn_layer": "9", "bn_epochs": "5", "bn_epoch": "30",
                          "bn_width": "8", "bn_unit": "60"})
    assert at.slider(key="bn_layer").value == 3
    assert at.slider(key="bn_epoch").value == 5
    assert at.slider(key="bn_unit").value == 8


def test_divergence_is_a_warning_and_grey_cells_never_nan():
    at = open_page("en", {"bn_lr": "3.0", "bn_scale": "2.0", "bn_epochs": "5"})
    s = BNSettings(lr=3.0, scale=2.0, epochs=5)
    X, y = make_dataset(s.dataset, N_POINTS, NOISE, np.random.default_rng(s.seed))
    ref = train_mlp(X, y, s.sizes, activation=s.activation, init="normal", init_scale=s.scale,
                    optimizer="sgd", opt_hp={"lr": s.lr}, epochs=s.epochs,
                    batch_size=s.batch_size, seed=s.seed)
    assert ref.diverged_at is not None  # the plain net diverges here, as the page says
    warn = f"without BN: training diverged in epoch {ref.diverged_at} "
    assert any(w.value.startswith(warn) for w in at.warning)
    assert any(f"none (diverged in epoch {ref.diverged_at})" in m.value for m in at.markdown)
    assert any("its numbers below are those of step" in w.value for w in at.warning)
    specs = assert_clean_figures(at)
    grid = specs[-1]
    marks = [t for t in grid["data"] if t["type"] == "scatter"]
    assert marks and all("diverged in epoch" in s for t in marks for s in t["text"])


def test_large_grid():
    at = open_page("en", {"bn_grid": "large"})
    grid = assert_clean_figures(at)[-1]
    heat = [t for t in grid["data"] if t["type"] == "heatmap"]
    assert len(heat) == 2 and all(len(t["x"]) == 7 and len(t["y"]) == 7 for t in heat)
    assert any("of 49** settings" in m.value for m in at.markdown)


# ---------------------------------------------------------------------------------------------
# Lecture mode, and the worker pool behind the training runs and the grid
# ---------------------------------------------------------------------------------------------


def open_lecture(lang: str, step: str | None = None) -> AppTest:
    """The page opened from a lecture link: ?lang=…&mode=lecture&step=… before the first run."""
    query = {"lang": lang, "mode": "lecture"} | ({"step": step} if step else {})
    at = open_link(PAGE, query, timeout=300)
    assert not at.exception, exception_text(at)
    return at


@pytest.mark.parametrize("step", list(bn_page.LECTURE))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lecture_step_opens_with_its_settings(step, lang):
    want = bn_page.lecture_steps()[list(bn_page.LECTURE).index(step)].settings
    at = open_lecture_step(PAGE, step, lang, title=T(f"step.{step}", lang),
                           text=T(f"step_text.{step}", lang), settings=want)
    assert len(chart_jsons(at)) == N_CHARTS
    assert_clean_figures(at)


def test_lecture_next_and_previous_walk_the_steps_in_order():
    at = open_lecture("en")
    order = list(bn_page.LECTURE)
    assert at.query_params["step"] == order[0] and at.session_state["bn_act"] == "tanh"
    at.button(key="lecture_next").click().run()
    assert not at.exception, exception_text(at)
    assert at.query_params["step"] == order[1] and at.session_state["bn_act"] == "relu"
    assert at.session_state["bn_scale"] == BNSettings().scale
    at.button(key="lecture_prev").click().run()
    assert at.query_params["step"] == order[0] and at.session_state["bn_scale"] == 2.0


def test_pooled_runs_equal_in_process_runs(tmp_path, monkeypatch):
    """The pool's results (both nets, the small-batch runs, a grid row's cells) equal the
    in-process ones bit for bit; the page's path stores them on disk."""
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    s = BNSettings(dataset="circles", depth=3, width=8, epochs=5)
    key = bn_page.row_key(s, 0.3, (0.03, 1.0))
    try:
        for name, k, tasks in ((bn_page.PAIR, s, bn_page.pair_tasks(s)),
                               (bn_page.SMALL, s, bn_page.small_tasks(s)),
                               (bn_page.ROW, key, bn_page.row_tasks(key))):
            bn_page.wait_and_store(name, k, bn_page.submit(tasks))
            pooled = disk_cache.get(name, k)
            assert len(pooled) == len(tasks)
            for a, b in zip(pooled, bn_page.run_here(tasks), strict=True):
                assert_same(a, b)
    finally:
        workers.shutdown()



def test_training_draws_its_progress_bar_at_once(tmp_path, monkeypatch):
    """A run not on disk shows a progress bar before any result arrives (not a spinner that
    appears only after 0.5 s), and the runs land on disk."""
    import streamlit as st

    from ui.strings.batchnorm import T

    shown = []
    real = st.progress
    monkeypatch.setattr(st, "progress", lambda v, text=None: shown.append((v, text))
                        or real(v, text=text))
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    at = open_link("labs/batchnorm.py", {"lang": "en", "bn_depth": "3", "bn_width": "8",
                                         "bn_epochs": "5", "bn_seed": "7"})
    assert not at.exception, exception_text(at)
    assert [v for v, text in shown if text == T("training", "en")] == [0.0]
    s = bn_page.BNSettings(depth=3, width=8, epochs=5, seed=7)
    assert not bn_page.missing(bn_page.PAIR, s) and not bn_page.missing(bn_page.SMALL, s)
