"""The sidebar on a phone: it closes by itself after a setting changes.

On a narrow screen Streamlit's sidebar lies over 300 of 390 px and stays open after a change,
so the student sees the settings, not what they did. Settings are in the URL (every widget
writes its stable id there), so a full run whose URL differs from the last run's is a change;
a small script then closes the sidebar once the student has stopped touching it for
``IDLE_MS``. On a wide screen, where the sidebar sits beside the page, it stays as it is.
"""

from functools import cache
from pathlib import Path

import streamlit as st

IDLE_MS = 1200  # long enough to reach for the next slider, short enough to feel like a reply
JS = (Path(__file__).parent / "assets" / "sidebar_close.js").read_text(encoding="utf-8")
_LAST = "_nnlab_sidebar_url"  # session key: the URL of the last full run
_CHANGES = "_nnlab_sidebar_changes"  # session key: how many full runs changed the URL


def count_change(state, params: dict) -> int:
    """How many full runs of this session changed the URL's settings, this one included."""
    url = tuple(sorted(params.items()))
    if state.get(_LAST, url) != url:
        state[_CHANGES] = state.get(_CHANGES, 0) + 1
    state[_LAST] = url
    return state.get(_CHANGES, 0)


@cache
def _component():
    return st.components.v2.component("nnlab_sidebar_close", js=JS)


def close_after_change() -> None:
    """Called once per full run by app.py, after the page has drawn and written its URL."""
    change = count_change(st.session_state, st.query_params.to_dict())
    with st.sidebar:
        _component()(key="sidebar_close", data={"change": change, "idleMs": IDLE_MS}, height=0)
