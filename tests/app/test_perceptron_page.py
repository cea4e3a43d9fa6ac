"""The Perceptron-and-XOR page under AppTest: every view and preset in both languages, the step
buttons, a copied URL reproducing the picture, and the payload limit."""

import pytest
from app_util import assert_clean_figures, exception_text, open_lab, payload_bytes

from labs.perceptron import PRESETS

PAGE = "labs/perceptron.py"


def _open(lang="en", **query):
    at = open_lab(PAGE, state={"lang": lang}, query={k: str(v) for k, v in query.items()})
    assert not at.exception, exception_text(at)
    return at


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("view", ["rule", "hand", "mlp"])
def test_every_view_runs_in_both_languages(view, lang):
    at = _open(lang, pc_view=view)
    specs = assert_clean_figures(at)
    assert len(specs) == {"rule": 3, "hand": 1, "mlp": 5}[view]
    assert payload_bytes(at) <= 300_000
    assert len([b for b in at.get("download_button") if b.key != "share_html"]) >= 1
    title = at.title[0].value
    assert title == ("Perceptron and XOR" if lang == "en" else "퍼셉트론과 XOR")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_preset_runs_and_is_shown_active(lang):
    at = _open(lang)
    for name in PRESETS:
        at.button(key=f"pc_preset_{name}").click().run()
        assert not at.exception, exception_text(at)
        assert at.button(key=f"pc_preset_{name}").proto.type == "primary", name
        assert_clean_figures(at)
        assert at.info, name  # the preset's explanation
    assert at.query_params["pc_view"] in ("mlp", ["mlp"])


def test_step_buttons_and_url_round_trip():
    at = _open(pc_gate="and")
    at.button(key="pc_btn_step").click().run()
    assert at.number_input(key="pc_step").value == 1
    at.button(key="pc_btn_epoch").click().run()
    assert at.number_input(key="pc_step").value == 4
    at.button(key="pc_btn_run").click().run()
    assert at.number_input(key="pc_step").value == 24  # AND from 0 with lr 0.1: epoch 6 clean
    assert at.query_params["pc_step"] in ("24", ["24"])
    at.button(key="pc_btn_reset").click().run()
    assert at.number_input(key="pc_step").value == 0
    # a copied link: the same settings and step give the same weights table
    link = {"pc_gate": "xor", "pc_lr": "0.5", "pc_w1": "0.3", "pc_step": "9"}
    first = _open(**link)
    again = _open(**link)
    assert [m.value for m in first.markdown] == [m.value for m in again.markdown]
    assert first.slider(key="pc_w1").value == 0.3
    assert first.selectbox(key="pc_gate").value == "xor"
    assert any("**Step 9**" in m.value for m in first.markdown)


def test_noisy_data_and_shuffled_order():
    at = _open(pc_gate="xor_data", pc_n=20, pc_order="shuffle", pc_seed=3, pc_step=25)
    assert_clean_figures(at)
    assert at.warning  # no line separates noisy XOR
    at = _open(pc_view="hand", pc_gate="xor_data", pc_hw1=0.0, pc_hw2=0.1, pc_hb=2.0)
    assert_clean_figures(at)
    assert any("outside this view" in c.value for c in at.caption)


# ---- lecture mode: every step in both languages, in order; a link opens its step ------------


def _lecture(query: dict):
    """The page as a lecture link opens it (?mode=lecture is read on a session's first run)."""
    from app_util import open_link

    return open_link(PAGE, query, timeout=180)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lecture_steps_walk_through_in_order(lang):
    from labs.perceptron import LECTURE, preset_values, step_fields
    from ui.strings.perceptron import T

    at = _lecture({"lang": lang, "mode": "lecture"})
    for i, sid in enumerate(LECTURE):
        if i:
            at.button(key="lecture_next").click().run()
        assert not at.exception, exception_text(at)
        assert at.query_params["step"] == sid
        for key, value in preset_values(sid).items():
            assert at.session_state[key] == value, (sid, key)
        assert not any(b.key.startswith("pc_preset_") for b in at.button)  # no preset buttons
        bar = "\n".join(m.value for m in at.markdown[:3])
        assert T(f"step.{sid}.text", lang, **step_fields(sid)) in bar
        assert_clean_figures(at)
    assert at.button(key="lecture_next").disabled
    at.button(key="lecture_prev").click().run()
    assert at.query_params["step"] == LECTURE[-2]


def test_a_lecture_link_opens_its_step():
    from labs.perceptron import preset_values

    at = _lecture({"lang": "ko", "mode": "lecture", "step": "xor"})
    assert not at.exception, exception_text(at)
    for key, value in preset_values("xor").items():
        assert at.session_state[key] == value, key
    assert at.query_params["pc_gate"] == "xor"


# ---- the worker pool: a long XOR training runs there, chunk by chunk, and is stored --------


def test_long_training_goes_to_the_worker_pool_and_disk_cache(tmp_path, monkeypatch):
    """The default 20 seeds × 2000 epochs (estimated over INLINE_SECONDS) train in a worker
    process in 8 chunks of 250 epochs, equal bit for bit to the in-process training, and land
    in the disk cache; a short training (200 epochs) stays in the script."""
    import numpy as np

    from labs.perceptron import DISK_NAME, INLINE_SECONDS, MlpSpec
    from nncore.xor_net import train_xor_nets, xor_train_seconds
    from ui import disk_cache, workers

    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("NNLAB_WORKERS", "1")
    assert xor_train_seconds(20, 2000) > INLINE_SECONDS >= xor_train_seconds(50, 200)
    chunks = []
    real = workers.run_chunks

    def counted(*args):
        for k, state in real(*args):
            chunks.append(k)
            yield k, state

    monkeypatch.setattr(workers, "run_chunks", counted)
    try:
        at = _open("en", pc_view="mlp", pc_act="tanh")
    finally:
        workers.shutdown()
    assert chunks == list(range(1, 9))
    stored = disk_cache.get(DISK_NAME, MlpSpec("tanh", 1.0, 2000, 20))
    here = train_xor_nets(range(20), "tanh", 1.0, 2000)
    for field in ("loss", "correct", "diverged_at"):
        assert np.array_equal(getattr(stored, field), getattr(here, field)), field
    for p, q in zip(stored.final, here.final, strict=True):
        assert all(np.array_equal(p[k], q[k]) for k in p)
    assert len(assert_clean_figures(at)) == 5
    chunks.clear()
    _open("en", pc_view="mlp", pc_act="tanh", pc_epochs=200)
    assert chunks == []  # short: trained in the script
