"""Lecture steps (ui.lecture): ◀ ▶ move through a page's steps, each applies its settings, the
step is in the URL and a link opens at its step."""

from streamlit.testing.v1 import AppTest

SCRIPT = """
import streamlit as st
from ui.lecture import LectureStep, lecture_steps_ui

steps = [LectureStep("small", "Small", "a = 1", {"a": 1}),
         LectureStep("mid", "Middle", "a = 5", {"a": 5}),
         LectureStep("big", "Big", "a = 9", {"a": 9})]
lecture_steps_ui(steps)
st.slider("a", 0, 10, 3, key="a")
"""


def _run(query=None):
    at = AppTest.from_string(SCRIPT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at.run()


def test_steps_move_and_apply_their_settings():
    at = _run()
    assert not at.exception and at.query_params["step"] == "small"
    assert at.slider(key="a").value == 1  # what the bar says is what the page shows
    assert at.button(key="lecture_prev").disabled
    at.button(key="lecture_next").click().run()
    assert at.slider(key="a").value == 5 and at.query_params["step"] == "mid"
    at.button(key="lecture_next").click().run()
    assert at.slider(key="a").value == 9 and at.button(key="lecture_next").disabled
    at.button(key="lecture_prev").click().run()
    assert at.slider(key="a").value == 5 and "Middle" in at.markdown[0].value


def test_a_link_opens_at_its_step_and_a_bad_step_falls_back_to_the_first():
    at = _run({"step": "big"})
    assert at.slider(key="a").value == 9 and "Big" in at.markdown[0].value
    at = _run({"step": "nonsense"})
    assert not at.exception and at.query_params["step"] == "small"
