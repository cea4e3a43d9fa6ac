"""The overfitting page in AppTest: both languages, the URL round trip, view-only sliders,
a remedy setting, payload and finite charts."""

import pytest
from app_util import (
    APP,
    assert_clean_figures,
    assert_same,
    exception_text,
    open_lecture_step,
    open_link,
    payload_bytes,
    static_tables,
)
from streamlit.testing.v1 import AppTest

from labs import regularization as rg_page
from nncore import regularization as R
from ui import disk_cache, workers
from ui.strings.regularization import T

PAGE = "labs/regularization.py"


def open_rg(lang: str = "en", query: dict | None = None) -> AppTest:
    """The page opened from a link: ?lang=… and the page's parameters before the first run."""
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = lang
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, exception_text(at)
    return at


@pytest.fixture(scope="module")
def en():
    return open_rg("en")


def test_default_view_english(en):
    specs = assert_clean_figures(en)
    assert len(specs) == 8
    assert payload_bytes(en) < 300_000
    assert en.title[0].value == "Overfitting: dropout, L1 and L2"
    table = static_tables(en)[0]
    assert list(table.iloc[:, 0]) == ["no remedy", "dropout p = 0.5", "L2 λ = 0.01",
                                      "L1 λ = 0.003 (proximal)", "early stopping (epoch 8)"]


def test_korean():
    at = open_rg("ko")
    assert at.title[0].value == "과적합: 드롭아웃, L1·L2 규제"
    assert len(assert_clean_figures(at)) == 8
    text = " ".join(m.value for m in at.markdown)
    # held-out = 시험 (the notes' 시험 데이터), not 검증 (validation)
    assert "시험 손실" in text and "검증 손실" not in text and "held-out" not in text
    assert static_tables(at)[0].columns[0] == "규제"


def test_view_only_sliders(en):
    # (AppTest does not mirror bind="query-params" into at.query_params; the browser test
    # checks the URL after a slider step, test_url_round_trip_of_a_link the way back)
    en.select_slider(key="rg_epoch").set_value(20).run()
    assert not en.exception
    assert any(m.value.startswith("Epoch **20**") for m in en.markdown)
    assert "epoch 20" in assert_clean_figures(en)[1]["layout"]["title"]["text"]
    en.select_slider(key="rg_lam").set_value(0.1).run()
    en.select_slider(key="rg_geo_lam").set_value(1.8).run()
    assert any("(0, 0)" in m.value for m in en.markdown)  # L1's optimum at λ = 1.8 ≥ 1.66
    assert any("At λ = 0.1: L1 by subgradient" in m.value for m in en.markdown)


def test_url_round_trip_of_a_link():
    q = {"rg_data": "circles", "rg_n": "16", "rg_epochs": "100", "rg_l1mode": "subgradient",
         "rg_l1": "0.1", "rg_epoch": "50", "rg_p": "0.3", "rg_lam": "0.003",
         "rg_geo_lam": "0.1"}
    at = open_rg("en", q)
    assert at.selectbox(key="rg_data").value == "circles"
    assert at.slider(key="rg_n").value == 16 and at.select_slider(key="rg_epoch").value == 50
    assert at.radio(key="rg_l1mode").value == "subgradient"
    assert at.select_slider(key="rg_lam").value == 0.003
    assert at.select_slider(key="rg_geo_lam").value == 0.1
    for k, v in q.items():
        assert at.query_params[k] == v, k
    names = list(static_tables(at)[0].iloc[:, 0])
    assert "L1 λ = 0.1 (subgradient)" in names and "dropout p = 0.3" in names
    # L1 λ = 0.1 collapses this network: the page says so
    assert any("collapsed to a constant" in w.value and "L1 λ = 0.1" in w.value
               for w in at.warning)
    assert_clean_figures(at)


# ---------------------------------------------------------------------------------------------
# Lecture mode, and the worker pool behind the runs
# ---------------------------------------------------------------------------------------------


def open_lecture(lang: str, step: str | None = None) -> AppTest:
    """The page opened from a lecture link: ?lang=…&mode=lecture&step=… before the first run."""
    query = {"lang": lang, "mode": "lecture"} | ({"step": step} if step else {})
    at = open_link(PAGE, query, timeout=300)
    assert not at.exception, exception_text(at)
    return at


@pytest.mark.parametrize("step", list(rg_page.LECTURE))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lecture_step_opens_with_its_settings(step, lang):
    want = rg_page.lecture_steps()[list(rg_page.LECTURE).index(step)].settings
    at = open_lecture_step(PAGE, step, lang, title=T(f"step.{step}", lang),
                           text=T(f"step_text.{step}", lang), settings=want)
    assert len(assert_clean_figures(at)) == 8


def test_lecture_next_and_previous_walk_the_steps_in_order():
    at = open_lecture("en")
    order = list(rg_page.LECTURE)
    assert at.query_params["step"] == order[0]
    for name in order[1:5]:
        at.button(key="lecture_next").click().run()
        assert not at.exception, exception_text(at)
        assert at.query_params["step"] == name
    assert at.session_state["rg_geo_lam"] == 0.5
    at.button(key="lecture_prev").click().run()
    assert at.query_params["step"] == order[3] and at.session_state["rg_geo_lam"] == 0.3
    assert at.session_state["rg_lam"] == 0.03


def test_pooled_runs_equal_in_process_runs(tmp_path, monkeypatch):
    """A worker's result equals the in-process one bit for bit (an "early" run with its
    snapshots, a dropout run, a sweep point), and the page's pool path stores it on disk."""
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    s = R.Setup(n_train=12, width=16, epochs=100)
    tasks = {0: rg_page.run_task(s, "early", 0.0, 0.0, 0.0, "proximal"),
             1: rg_page.run_task(s, "dropout", 0.5, 0.0, 0.0, "proximal"),
             2: rg_page.sweep_task(s, "l1_prox", 0.01)}
    try:
        rg_page.pool_jobs(tasks, [lambda: "…"] * 3)
        for task in tasks.values():
            assert rg_page.on_disk(task)
            _, fn, args = task
            assert_same(disk_cache.get(task[0], rg_page.disk_key(task)), fn(*args))
    finally:
        workers.shutdown()



