"""Small Streamlit helpers every page uses: the intro box, downloads, plain-language warnings."""

from collections.abc import Callable

import streamlit as st

from ui.live_chart import live_chart
from viz.playback import Player

# Plotly config shared by every chart: no logo, a PNG export button kept, nothing else changed.
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def page_intro(title: str, what_to_look_for: str) -> None:
    """Page title plus the two or three sentences that say what to look for."""
    st.title(title)
    st.info(what_to_look_for, icon=":material/visibility:")


def download_csv(label: str, make_frame: Callable, file_name: str, key: str) -> None:
    """A download button whose CSV is built only when clicked (no cost on reruns)."""
    st.download_button(
        label,
        data=lambda: make_frame().to_csv(index=False).encode(),
        file_name=file_name,
        mime="text/csv",
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def download_json(label: str, make_text: Callable[[], str], file_name: str, key: str) -> None:
    """A download button whose JSON text is built only when clicked."""
    st.download_button(
        label,
        data=lambda: make_text().encode(),
        file_name=file_name,
        mime="application/json",
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def chart(fig, key: str | None = None, on_click: Callable | None = None,
          player: Player | None = None):
    """Draw a Plotly figure with the lab's config, full width, updated in place on reruns
    (see ui.live_chart). ``on_click`` is called after a click anywhere in the plot area; the
    clicked data coordinates are then in ``st.session_state[key].click``. A ``player``
    (viz.playback) gets play/pause and a step slider under the plot, run in the browser."""
    return live_chart(fig, key, PLOTLY_CONFIG, on_click, player)
