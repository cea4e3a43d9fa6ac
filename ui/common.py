"""Small Streamlit helpers every page uses: the intro box, downloads, plain-language warnings."""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import NoReturn

import pandas as pd
import streamlit as st

from ui import share
from ui.live_chart import live_chart
from viz.playback import Player

# Plotly config shared by every chart: no logo, no lasso, pictures at presentation size.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    # the camera (PNG) and the live chart's SVG button save at presentation size
    "toImageButtonOptions": {"format": "png", "width": 1600, "height": 900, "scale": 1,
                             "filename": "nnlab-figure"},
}


# Streamlit fades every element not yet re-sent while a script runs; a lab's rerun ends before the
# fade shows, but the browser still pays per element per step (docs/performance.md: no fade).
NO_STALE_FADE_CSS = """
.stElementContainer { transition: none !important; }
.stElementContainer[data-stale="true"] { opacity: 1 !important; }
"""


# Korean breaks a line between any two syllables by default ("에/포/크" down a narrow table
# column, "다/른" across a heading on a phone): headings and table cells break at spaces only.
KEEP_WORDS_CSS = """
h1, h2, h3, .nnlab-table th, .nnlab-table td { word-break: keep-all; }
"""

# A formula wider than a phone (an update rule, the chain rule with numbers) scrolls inside its
# line instead of being cut at the screen's edge.
WIDE_FORMULA_CSS = """
.katex-display { overflow-x: auto; overflow-y: hidden; padding-bottom: 2px; }
"""
# A link to another page inside a page ("Open the initialization experiment: tanh + Xavier")
# wraps: Streamlit keeps it on one line and cut it with an ellipsis in a phone's 318 px.
LINK_WRAP_CSS = """
[data-testid="stMain"] [data-testid="stPageLink-NavLink"] { height: auto; }
[data-testid="stMain"] [data-testid="stPageLink-NavLink"] * {
  white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.45; }
"""


def no_stale_fade() -> None:
    """Stale elements keep their look while a script runs (``NO_STALE_FADE_CSS``), Korean
    words stay whole in headings and tables (``KEEP_WORDS_CSS``), wide formulas scroll
    (``WIDE_FORMULA_CSS``) and links between pages wrap (``LINK_WRAP_CSS``); called once per
    full run by app.py."""
    st.html(f"<style>{NO_STALE_FADE_CSS}{KEEP_WORDS_CSS}{WIDE_FORMULA_CSS}{LINK_WRAP_CSS}</style>")


FINISHED_MAX = 10_000  # runs a page remembers as trained (a set of small frozen dataclasses)


def remember_finished(done: set, run) -> None:
    """Note ``run`` as trained or loaded by this server process (a page's
    ``st.cache_resource`` set: a cheap check before the pool); a long-lived server forgets the
    lot at ``FINISHED_MAX`` (the caches still hold the results)."""
    if len(done) >= FINISHED_MAX:
        done.clear()
    done.add(run)


def chunks_with_progress(chunks: Iterable, first_text: str, text: Callable,
                         draw_live: Callable):
    """Run a pooled training's ``(k, n, result so far)`` chunks under a progress bar
    (``text(result)``), drawing ``draw_live(result)`` after every chunk but the last; the bar
    and the picture go when it ends. Returns the last result."""
    bar = st.progress(0.0, text=first_text)
    live = st.empty()
    cur = None
    for k, n, cur in chunks:
        bar.progress(k / n, text=text(cur))
        if k < n:
            with live.container():
                draw_live(cur)
    bar.empty()
    live.empty()
    return cur


def worker_died() -> NoReturn:
    """A worker process died during this run (out of memory, killed): say so and stop the
    run. Nothing was stored and the pool is replaced for the next run. Computing the same work
    in this process instead could take the server, and every student on it, down too."""
    st.error(share.T("crashed"), icon=":material/error:")
    st.stop()


def page_intro(title: str, what_to_look_for: str) -> None:
    """Page title plus the two or three sentences that say what to look for."""
    share.record_intro(title, what_to_look_for)
    st.title(title)
    if share.lecture_mode():  # the step bar says what to look at; the figures move up
        with st.expander(share.T("intro"), icon=":material/visibility:"):
            st.info(what_to_look_for, icon=":material/visibility:")
    else:
        st.info(what_to_look_for, icon=":material/visibility:")


@contextmanager
def controls() -> Iterator[None]:
    """Where a page draws its settings: the sidebar, or in lecture mode (the sidebar starts
    closed there) a panel in the main area under the step bar. The panel starts collapsed so
    the figures stay on the projector's first screen; the step bar lists what the step set."""
    if share.lecture_mode():
        with st.expander(share.T("controls"), expanded=False, icon=":material/tune:"):
            st.caption(share.T("controls_help"))
            yield
    else:
        with st.sidebar:
            yield


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


TABLE_CLASS = "nnlab-table"
TABLE_CSS = """
.nnlab-table { border-collapse: collapse; width: auto; min-width: 50%; font-size: 0.875rem;
  font-variant-numeric: tabular-nums; margin-bottom: 0.5rem; }
.nnlab-table th, .nnlab-table td { padding: 0.3rem 0.9rem; text-align: right;
  border-bottom: 1px solid rgba(128, 128, 128, 0.22); }
.nnlab-table thead th { font-weight: 600; border-bottom-width: 2px; }
.nnlab-table th:first-child, .nnlab-table td:first-child { text-align: left; }
.nnlab-table-scroll { overflow-x: auto; max-width: 100%; }
"""


def static_table(frame: pd.DataFrame) -> None:
    """A small table (text cells, escaped) as plain HTML in one element (st.html). The browser
    re-renders st.table as one styled React component per cell at every rerun, even unchanged:
    for the optimizer summary that was ~16 ms of every step of a run setting; this is static
    markup."""
    html = frame.to_html(index=False, border=0, classes=TABLE_CLASS, escape=True)
    # on a phone a wide table scrolls inside its own box instead of widening the page
    st.html(f"<style>{TABLE_CSS}</style><div class='{TABLE_CLASS}-scroll'>{html}</div>")


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
          player: Player | None = None, narrow=None):
    """Draw a Plotly figure with the lab's config, full width, updated in place on reruns
    (see ui.live_chart). ``on_click`` is called after a click anywhere in the plot area; the
    clicked data coordinates are then in ``st.session_state[key].click``. A ``player``
    (viz.playback) gets play/pause and a step slider under the plot, run in the browser.
    ``narrow``: a figure drawn instead on a chart narrower than a tablet (a phone)."""
    share.record_figure(key, fig, player)
    return live_chart(fig, key, PLOTLY_CONFIG, on_click, player, lecture=share.lecture_mode(),
                      narrow=narrow)
