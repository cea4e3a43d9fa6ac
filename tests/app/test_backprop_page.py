"""The backpropagation page under AppTest: every preset (applied by its button) in both
languages at the start, the end of the forward pass and the last step; the URL round trip;
the step buttons; guess mode; the overflow message; payload size."""

import pytest
from app_util import (
    assert_clean_figures,
    exception_text,
    figure_specs,
    open_lab,
    payload_bytes,
    static_tables,
)

from nncore.backprop import PRESETS
from ui.strings.backprop import T

PAGE = "labs/backprop.py"
MAX_PAYLOAD = 300_000


def _open(query=None, state=None, lang="en"):
    # the language through the switch's state: app.py seeds it from the URL only on a first run
    at = open_lab(PAGE, query={"lang": lang, **(query or {})}, state={"lang": lang, **(state or {})})
    assert not at.exception, exception_text(at)
    return at


def _graph_text(at) -> str:
    spec = figure_specs(at)[0]
    return " ".join(spec["data"][0]["text"]) + " ".join(
        a.get("text", "") for a in spec["layout"]["annotations"]
    )


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_in_both_languages(name, lang):
    at = _open(lang=lang, query={"bp_step": "3"})
    at.button(key=f"bp_preset_{name}").click().run()
    assert not at.exception, exception_text(at)
    p = PRESETS[name]
    assert at.session_state["bp_act"] == p.activation and at.session_state["bp_step"] == 0
    assert dict(at.query_params).get("bp_act", "sigmoid") == p.activation  # default: none
    n_forward = 5 + 2 * len(p.t)
    assert at.markdown[1].value == T("step0", lang=lang, n=2 * n_forward)
    for step in (n_forward, 2 * n_forward):
        at.session_state["bp_step"] = step
        at.run()
        assert not at.exception, exception_text(at)
        specs = assert_clean_figures(at)
        assert len(specs) == (2 if step == 2 * n_forward else 1)
        assert payload_bytes(at) <= MAX_PAYLOAD
    tables = static_tables(at)  # chain rule of the last step, then every gradient
    assert len(tables[-1]) == 6 + 3 * len(p.t)
    assert T("col.grad", lang=lang) in tables[-1].columns


def test_url_round_trip_and_step_buttons():
    query = {"bp_act": "tanh", "bp_loss": "ce", "bp_out": "1", "bp_x1": "0.3",
             "bp_w11": "-0.2", "bp_step": "5", "bp_lr": "0.1", "bp_n": "4"}
    at = _open(query)
    ss = at.session_state
    assert (ss["bp_act"], ss["bp_loss"], ss["bp_out"]) == ("tanh", "ce", 1)
    assert (ss["bp_x1"], ss["bp_w11"], ss["bp_step"]) == (0.3, -0.2, 5)
    at.button(key="bp_next").click().run()
    assert at.query_params["bp_step"] == "6"
    for k, v in query.items():
        if k != "bp_step":
            assert at.query_params[k] == v, k
    at.button(key="bp_end").click().run()
    assert at.query_params["bp_step"] == "14"  # 1 output: 7 forward + 7 backward steps
    assert at.session_state["bp_lr"] == 0.1 and at.session_state["bp_n"] == 4
    at.button(key="bp_prev").click().run()
    assert at.session_state["bp_step"] == 13
    at.button(key="bp_restart").click().run()
    assert at.session_state["bp_step"] == 0 and not at.exception


def test_a_step_past_the_end_is_clamped():
    at = _open({"bp_out": "1", "bp_step": "18"})
    assert at.session_state["bp_step"] == 14


def test_guess_mode_hides_then_reveals_with_feedback():
    at = _open({"bp_guess": "true", "bp_step": "1"})
    assert "0.3775" not in _graph_text(at)
    assert at.get("latex")[0].value.strip("$\n ").endswith("= ?")
    at.number_input(key="bp_gv_1").set_value(0.39)
    at.button(key="bp_reveal").click().run()
    assert "0.3775" in _graph_text(at)
    err = abs(0.39 - 0.3775)  # 3.3 %: "close"
    fb = T("fb_close", lang="en", g="0.39", v="0.3775", err=f"{err:.3g}",
           rel=f"{100 * err / 0.3775:.3g}")
    assert fb in [s.value for s in at.info]
    at.button(key="bp_next").click().run()  # a new step is hidden again
    assert "?" in _graph_text(at) and not at.exception


def test_overflow_is_a_plain_message():
    big = {f"bp_{n}": "5" for n in ("x1", "x2", "w11", "w21", "w12", "w22", "b1", "b2",
                                     "v11", "v21", "v12", "v22", "c1", "c2")}
    at = _open({**big, "bp_act": "relu", "bp_loss": "ce"})
    assert [w.value for w in at.warning] == [T("nonfinite", lang="en")]
    assert not figure_specs(at)


@pytest.mark.parametrize("query", [
    {"bp_x1": "100"}, {"bp_act": "foo"}, {"bp_step": "abc"}, {"bp_step": "-3"},
    {"bp_out": "3"}, {"bp_w11": "nan"}, {"bp_lr": "0.3", "bp_n": "1000", "bp_step": "18"},
])
def test_a_bad_url_value_changes_nothing(query):
    at = _open(query)
    ss = at.session_state
    assert (ss["bp_x1"], ss["bp_w11"], ss["bp_act"], ss["bp_out"]) == (0.05, 0.15, "sigmoid", 2)
    assert ss["bp_step"] == (18 if query.get("bp_step") == "18" else 0)
    assert ss.get("bp_lr", 0.5) == 0.5 and ss.get("bp_n", 10) == 10


# ---- lecture mode: every step in both languages, in order; a link opens its step ------------


def _lecture(query: dict):
    """The page as a lecture link opens it (?mode=lecture is read on a session's first run)."""
    from app_util import open_link

    return open_link(PAGE, query, timeout=120)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lecture_steps_walk_through_in_order(lang):
    from labs.backprop import LECTURE, step_fields, step_values

    at = _lecture({"lang": lang, "mode": "lecture"})
    for i, sid in enumerate(LECTURE):
        if i:
            at.button(key="lecture_next").click().run()
        assert not at.exception, exception_text(at)
        assert at.query_params["step"] == sid
        for key, value in step_values(sid).items():
            assert at.session_state[key] == value, (sid, key)
        assert at.slider(key="bp_step").value == step_values(sid)["bp_step"]
        assert not any(b.key.startswith("bp_preset_") for b in at.button)
        bar = "\n".join(m.value for m in at.markdown[:3])
        assert T(f"step.{sid}.text", lang, **step_fields(sid)) in bar
        assert_clean_figures(at)
    assert at.button(key="lecture_next").disabled
    at.button(key="lecture_prev").click().run()
    assert at.query_params["step"] == list(LECTURE)[-2]


def test_a_lecture_link_opens_its_step():
    from labs.backprop import step_values

    at = _lecture({"lang": "ko", "mode": "lecture", "step": "dead_relu"})
    assert not at.exception, exception_text(at)
    assert at.slider(key="bp_step").value == step_values("dead_relu")["bp_step"]
    assert at.query_params["bp_act"] == "relu" and at.warning  # the dead-unit note
