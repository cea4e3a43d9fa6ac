"""Plotly charts that update in place: a small Streamlit v2 component that calls Plotly.react.

Why not ``st.plotly_chart``: Streamlit derives a Plotly chart's element id from its figure, so a
chart whose figure changed is unmounted and drawn again from nothing (Plotly.newPlot). A slider
that changes four charts pays four full draws per step (the optimizer race: 197 ms with newPlot,
60 ms with Plotly.react; more in docs/performance.md).

This component keeps one ``<div>`` per chart key and hands every new figure to Plotly.react,
which re-uses the axes, the DOM and the WebGL context; a figure that differs from the one drawn
only in the x/y arrays of scatter traces, with fixed axis ranges (the optimizer race at a new
noise value), moves those traces with Plotly.animate instead, without redrawing the rest. plotly.js itself is the copy shipped with
the installed plotly Python package (so the JS always matches the Python figures), served by
Streamlit's static file serving (``server.enableStaticServing`` in .streamlit/config.toml) from
``static/`` next to the main script, where :func:`ensure_plotly_js` copies it. When static
serving is off or that copy cannot be made (a read-only install), charts fall back to
``st.plotly_chart``.

Clicks: with ``on_click``, a click anywhere inside the plot area calls it, and the clicked
point's data coordinates (first x and y axes) are in ``st.session_state[key].click`` as
``{"x": ..., "y": ...}``.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
import orjson
import plotly
import plotly.graph_objects as go
import streamlit as st

from ui import compat as st_compat
from viz.compat import figure_parts, is_homogeneous_array, plotlyjsShortTypes, to_typed_array_spec
from viz.playback import LEGEND_LINK, Player, with_plotly_frames

COMPONENT = "nnlab_live_plotly"
CHART_CLASS = "nnlab-chart"


def plotly_js_name() -> str:
    """File name of the served plotly.js, versioned so a plotly upgrade is never served stale."""
    return f"plotly-py{plotly.__version__}.min.js"


def app_static_dir() -> Path | None:
    """The folder Streamlit serves at app/static/ (``static/`` next to the main script), or None
    when static serving is off or no script is running."""
    main = st_compat.script_main_path()
    if main is None or not st.get_option("server.enableStaticServing"):
        return None
    return st_compat.app_static_dir(main)


@cache
def ensure_plotly_js(static_dir: Path) -> bool:
    """Copy plotly.min.js from the plotly package into ``static_dir``; True when it is there."""
    source = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    target = static_dir / plotly_js_name()
    try:
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            static_dir.mkdir(exist_ok=True)
            tmp = target.with_suffix(".tmp")
            shutil.copyfile(source, tmp)
            tmp.replace(target)  # atomic: a browser never reads a half-written file
        return True
    except OSError:
        return False


ASSETS = Path(__file__).parent / "assets"


@cache
def _mount() -> Callable:
    """The component, from ui/assets/live_chart.js and .css; the JS gets its three constants
    (the served plotly.js, the chart class, the shared-legend key) prepended."""
    consts = orjson.dumps(
        {"PLOTLY_SRC": plotly_js_name(), "CLASS": CHART_CLASS, "LINK": LEGEND_LINK}
    ).decode()
    header = "const {PLOTLY_SRC, CLASS, LINK} = " + consts + ";\n"
    js = header + (ASSETS / "live_chart.js").read_text(encoding="utf-8")
    primary = st.get_option("theme.primaryColor") or "#3b6fd4"
    css = f":root {{ --nnlab-primary: {primary}; }}\n" + (ASSETS / "live_chart.css").read_text(
        encoding="utf-8")
    return st.components.v2.component(COMPONENT, js=js, css=css, isolate_styles=False)


_SKIPPED_KEYS = frozenset(("geojson", "layer", "layers", "range"))  # plotly's is_skipped_key
_SCALAR_TYPES = frozenset((str, int, float, bool, type(None)))


def _wire(node):
    """A Plotly property tree with numeric arrays as plotly.js typed-array specs
    ({"dtype", "bdata"}), built without copying the tree first. Same rules as plotly's own
    ``convert_to_base64`` (which works on a deep copy: 10–35 ms per page of figures here): a
    dict value that is a homogeneous array becomes a spec unless its key is skipped; list
    items are only walked into."""
    if isinstance(node, dict):
        return {k: v if k in _SKIPPED_KEYS else _wire_value(v) for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [_wire(v) for v in node]
    return node


def _wire_value(v):
    """A dict value: the common types first (plotly's array test is slow on scalars)."""
    kind = type(v)
    if kind in _SCALAR_TYPES:
        return v
    if kind is np.ndarray and v.dtype.kind in "iuf" and v.dtype.isnative:
        return _numeric_spec(v)
    if kind is not dict and kind is not list and is_homogeneous_array(v):
        return to_typed_array_spec(v)
    return _wire(v)


_INT_FITS = [(np.dtype(t), np.iinfo(t)) for t in ("int8", "int16", "int32")]
_UINT_FITS = [(np.dtype(t), np.iinfo(t)) for t in ("uint8", "uint16", "uint32")]


def _numeric_spec(v: np.ndarray):
    """plotly's ``to_typed_array_spec`` for a native-order numeric array, without its
    dataframe checks (2/3 of the wire time of a figure with animation frames): int64/uint64
    shrink to the smallest type that holds every value (else stay a list), then
    {"dtype", "bdata"[, "shape"]}; an empty array stays a list."""
    if v.size == 0:
        return v
    if v.dtype in (np.int64, np.uint64):
        lo, hi = int(v.min()), int(v.max())
        fits = _INT_FITS if v.dtype == np.int64 else _UINT_FITS
        target = next((t for t, info in fits if info.min <= lo and hi <= info.max), None)
        if target is None:
            return v
        v = v.astype(target)
    short = plotlyjsShortTypes.get(str(v.dtype))
    if short is None:  # float16 and the like: plotly sends these as lists too
        return v
    spec = {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(v)).decode("ascii")}
    if v.ndim > 1:
        spec["shape"] = str(v.shape)[1:-1]
    return spec


def _json_default(value):
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if hasattr(value, "to_plotly_json"):
        return _wire(value.to_plotly_json())
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def figure_dict(fig) -> dict:
    """data, layout and frames of a go.Figure (or a plain figure dict), without plotly's
    deep copies (``Figure.to_dict`` copies every array)."""
    if isinstance(fig, dict):
        return fig
    data, layout, frames = figure_parts(fig)
    out = {"data": data, "layout": layout}
    if frames:
        out["frames"] = frames
    return out


def figure_json(fig, config: dict, clickable: bool = False, player: Player | None = None,
                lecture: bool = False, narrow=None) -> bytes:
    """The figure as Plotly JSON (typed arrays base64-encoded) plus its config and player, as
    UTF-8. NaN and infinities become null, as in plotly's own JSON. ``lecture``: a second
    layout, ``lectureLayout``, with the text scaled for a projector (ui.share.lecture_layout);
    the browser draws it on a screen as wide as a projector's, and a phone that opened the
    lecture link keeps the figure's own (live_chart.js, ``pickFigure``). ``narrow``: another
    figure (its data and layout) drawn instead where the chart is narrower than a tablet
    (NARROW_PX in live_chart.js), e.g. a graph laid out top to bottom for a phone."""
    spec = {"config": config, "clickable": clickable, **_wire(figure_dict(fig))}
    if narrow is not None:
        small = _wire(figure_dict(narrow))
        spec["narrow"] = {"data": small["data"], "layout": small["layout"]}
    if lecture:
        from ui.share import lecture_layout

        spec["lectureLayout"] = lecture_layout(spec.get("layout") or {})
    if player is not None:
        spec["player"] = _wire(player.to_json())
    return orjson.dumps(spec, default=_json_default, option=orjson.OPT_SERIALIZE_NUMPY)


def live_chart(fig, key: str | None, config: dict, on_click: Callable | None = None,
               player: Player | None = None, lecture: bool = False, narrow=None):
    """Draw ``fig``; later reruns with the same ``key`` patch it with Plotly.react (without a
    key the chart's identity is its figure, so a changed figure is drawn anew). A ``player``
    gets play/pause and a step slider under the plot, run in the browser. ``narrow``: the
    figure for a chart narrower than a tablet (see figure_json)."""
    static_dir = app_static_dir()
    if static_dir is None or not ensure_plotly_js(static_dir):
        fig = go.Figure(fig)
        if player is not None:
            fig = with_plotly_frames(fig, player)
        if LEGEND_LINK in (fig.layout.meta or {}):  # no shared legend here: its own instead
            fig.update_layout(showlegend=None)
        return st.plotly_chart(fig, key=key, config=config, theme=None)
    callbacks = {"on_click_change": on_click} if on_click is not None else {}
    data = figure_json(fig, config, clickable=on_click is not None, player=player,
                       lecture=lecture, narrow=narrow)
    return _mount()(key=key, data=data, width="stretch", height="content", **callbacks)


def chart_json(proto) -> str | None:
    """The figure JSON a chart element carries: this component's or st.plotly_chart's proto
    (for tests and benches that read what the page sends); None for any other element."""
    if getattr(proto, "component_name", None) == COMPONENT:
        return proto.bytes.decode()
    spec = getattr(proto, "spec", None)
    return spec if isinstance(spec, str) and spec else None


def app_chart_jsons(at) -> list[str]:
    """The figure JSON of every chart on a ``streamlit.testing`` AppTest page, in page order
    (this component's charts; any st.plotly_chart after them)."""
    elements = [*at.get("bidi_component"), *at.get("plotly_chart")]
    return [spec for spec in (chart_json(e.proto) for e in elements) if spec is not None]
