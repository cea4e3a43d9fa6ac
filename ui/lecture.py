"""Lecture steps: a page's presets and stories in the lecture's order, stepped through on a
projector with ◀ ▶ buttons or the keyboard (← →), the step in the URL (``?step=<id>``).

A page lists its steps (``LectureStep``: a stable id, a title and one or two sentences in the
page's language, and the widget values it sets) and calls ``lecture_steps_ui`` before drawing
its widgets, so a step's values are in place when the widgets read them. The bar shows in
lecture mode (``ui.share.lecture_mode``), where it replaces the page's preset buttons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import streamlit as st

from ui import share
from ui.i18n import Strings
from ui.url_state import write_url

STEP_KEY = "step"  # URL parameter

T = Strings(
    "lecture",
    en={
        "prev": "Previous",
        "next": "Next",
        "counter": "Step {k} of {n}",
        "keys": "← → move between steps",
    },
    ko={
        "prev": "이전",
        "next": "다음",
        "counter": "{n}단계 중 {k}단계",
        "keys": "← → 키로 단계를 옮깁니다",
    },
)


@dataclass(frozen=True)
class LectureStep:
    id: str
    title: str
    text: str
    settings: dict = field(default_factory=dict)  # widget key -> value


def _apply(step: LectureStep) -> None:
    for key, value in step.settings.items():
        st.session_state[key] = value
    st.session_state["_lecture_step"] = step.id


def _go(steps: Sequence[LectureStep], index: int) -> None:
    _apply(steps[max(0, min(len(steps) - 1, index))])


def current_index(steps: Sequence[LectureStep]) -> int:
    """The step shown: the session's, else the URL's, else the first; a step taken from the
    URL or the first is applied, so what the bar says is what the page shows."""
    ids = [s.id for s in steps]
    sid = st.session_state.get("_lecture_step")
    if sid not in ids:
        sid = st.query_params.get(STEP_KEY)
        sid = sid if sid in ids else ids[0]
        _apply(steps[ids.index(sid)])
    return ids.index(sid)


# Arrow keys click the step buttons unless a widget (a slider uses the arrows) has the focus.
KEYS_JS = """
export default function () {
  if (window.__nnlabLectureKeys) return;
  window.__nnlabLectureKeys = true;
  document.addEventListener("keydown", (e) => {
    const el = document.activeElement;
    if (el && el !== document.body && !(el.tagName === "BUTTON")) return;
    const key = { ArrowRight: "lecture_next", ArrowLeft: "lecture_prev" }[e.key];
    const button = key && document.querySelector(`.st-key-${key} button`);
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
}
"""


@cache
def _keys_component():
    return st.components.v2.component("nnlab_lecture_keys", js=KEYS_JS)


def lecture_steps_ui(steps: Sequence[LectureStep]) -> LectureStep | None:
    """The step bar (title, text, ◀ ▶, counter); None when there are no steps."""
    if not steps:
        return None
    k = current_index(steps)
    step = steps[k]
    write_url(STEP_KEY, step.id, always=True)
    with st.container(border=True):
        left, mid, right = st.columns([1, 6, 1], vertical_alignment="center")
        left.button(T("prev"), key="lecture_prev", icon=":material/arrow_back:",
                    on_click=_go, args=(steps, k - 1), disabled=k == 0, help=T("keys"),
                    use_container_width=True)
        mid.markdown(f"**{step.title}** · {T('counter', k=k + 1, n=len(steps))}")
        mid.markdown(step.text)
        # filled once the page's widgets are drawn (ui.share.fill_step_settings): what this
        # step set, with the widgets' own labels and values
        share.record_step(step.title, step.settings, mid.empty())
        right.button(T("next"), key="lecture_next", icon=":material/arrow_forward:",
                     on_click=_go, args=(steps, k + 1), disabled=k == len(steps) - 1,
                     help=T("keys"), use_container_width=True)
    _keys_component()(key="lecture_keys", height=0)
    return step
