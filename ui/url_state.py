"""Choice widgets whose URL parameter is a stable id, never a translated label.

Streamlit's ``bind="query-params"`` writes a select box's *formatted label* into the URL, so a
Korean page would write ``로젠브록`` where an English one writes ``Rosenbrock``. Numbers, sliders
and toggles keep ``bind="query-params"``; choices go through these wrappers instead:

- before the widget is drawn, a session's first run takes its value from the URL: the id
  (``?opt_surface=rosenbrock``) or, for links made before ids, an old label listed in
  ``aliases`` (``{"Rosenbrock": "rosenbrock"}``);
- after it is drawn, the id is written back (removed at the default, as Streamlit does).

A preset callback sets ``st.session_state[key] = id`` as for any widget.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st


def url_value(key: str, options: Sequence, aliases: Mapping[str, Any] | None = None):
    """The option the URL names for ``key`` (its id, or an alias of it), else None."""
    raw = st.query_params.get(key)
    if raw is None:
        return None
    by_text = {str(o): o for o in options}
    if raw in by_text:
        return by_text[raw]
    value = (aliases or {}).get(raw)
    return value if value in options else None


def seed_from_url(key: str, options: Sequence, aliases: Mapping[str, Any] | None = None) -> None:
    """On a session's first run, put the URL's choice into the widget's state."""
    if key in st.session_state:
        return
    value = url_value(key, options, aliases)
    if value is not None:
        st.session_state[key] = value


def write_url(key: str, value, default=None, *, always: bool = False) -> None:
    """Write ``value``'s id to the URL (drop the parameter at ``default`` unless ``always``)."""
    want = None if (value is None or (value == default and not always)) else str(value)
    have = st.query_params.get(key)
    if want is None:
        if have is not None:
            del st.query_params[key]
    elif have != want:
        st.query_params[key] = want


SHOWN = "_nnlab_shown"  # session key: URL key -> (URL value, its option's label as drawn)


def remember_shown(key: str, url_value: str, text: str) -> None:
    """Keep the label a choice's value was drawn with, so the settings table of the HTML
    download and the lecture step bar (ui.share) show it instead of the URL id."""
    st.session_state.setdefault(SHOWN, {})[key] = (url_value, text)


def _choice(widget: Callable, default_arg: str, label: str, options: Sequence, key: str,
            default, format_func: Callable, aliases, kwargs: dict):
    options = list(options)
    seed_from_url(key, options, aliases)
    if key not in st.session_state:  # first draw: the default (never both state and default)
        kwargs[default_arg] = options.index(default) if default_arg == "index" else default
    value = widget(label, options, key=key, format_func=format_func, **kwargs)
    write_url(key, value, default)
    remember_shown(key, str(value), str(format_func(value)))
    return value


def selectbox(label: str, options: Sequence, *, key: str, default, format_func: Callable = str,
              aliases: Mapping[str, Any] | None = None, **kwargs):
    """``st.selectbox`` over ids, its id in the URL under ``key``."""
    return _choice(st.selectbox, "index", label, options, key, default, format_func, aliases,
                   kwargs)


def radio(label: str, options: Sequence, *, key: str, default, format_func: Callable = str,
          aliases: Mapping[str, Any] | None = None, **kwargs):
    """``st.radio`` over ids, its id in the URL under ``key``."""
    return _choice(st.radio, "index", label, options, key, default, format_func, aliases,
                   kwargs)


def segmented(label: str, options: Sequence, *, key: str, default, format_func: Callable = str,
              aliases: Mapping[str, Any] | None = None, **kwargs):
    """``st.segmented_control`` (one choice, never empty) over ids, its id in the URL."""
    options = list(options)
    seed_from_url(key, options, aliases)
    if st.session_state.get(key) not in options:  # a click on the chosen segment clears it
        st.session_state[key] = default
    value = st.segmented_control(label, options, key=key, format_func=format_func,
                                 selection_mode="single", **kwargs)
    write_url(key, value, default)
    remember_shown(key, str(value), str(format_func(value)))
    return value


def multiselect(label: str, options: Sequence, *, key: str, default: Sequence,
                format_func: Callable = str, aliases: Mapping[str, Any] | None = None,
                **kwargs) -> list:
    """``st.multiselect`` over ids; the URL holds them comma-separated (``sgd,adam``)."""
    options = list(options)
    if key not in st.session_state and key in st.query_params:
        by_text = {str(o): o for o in options}
        picked = []
        for part in st.query_params[key].split(","):
            value = by_text.get(part.strip(), (aliases or {}).get(part.strip()))
            if value in options and value not in picked:
                picked.append(value)
        st.session_state[key] = picked
    if key not in st.session_state:
        kwargs["default"] = list(default)
    value = st.multiselect(label, options, key=key, format_func=format_func, **kwargs)
    joined = ",".join(str(v) for v in value)
    write_url(key, joined, ",".join(str(v) for v in default))
    remember_shown(key, joined, ", ".join(str(format_func(v)) for v in value))
    return value
