"""Plotly charts that update in place: a small Streamlit v2 component that calls Plotly.react.

Why not ``st.plotly_chart``: Streamlit derives a Plotly chart's element id from its figure, so a
chart whose figure changed is unmounted and drawn again from nothing (Plotly.newPlot). A slider
that changes four charts pays four full draws per step. Measured in Chromium on this project's
figures: the playground boundary costs 111 ms with newPlot and 32 ms with Plotly.react, the
space-warping stages 234 ms vs 96 ms, the optimizer race 197 ms vs 60 ms.

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
from _plotly_utils.basevalidators import is_homogeneous_array
from _plotly_utils.utils import plotlyjsShortTypes, to_typed_array_spec
from streamlit.file_util import get_app_static_dir
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from viz.playback import LEGEND_LINK, Player, with_plotly_frames

COMPONENT = "nnlab_live_plotly"
CHART_CLASS = "nnlab-chart"


def plotly_js_name() -> str:
    """File name of the served plotly.js, versioned so a plotly upgrade is never served stale."""
    return f"plotly-py{plotly.__version__}.min.js"


def app_static_dir() -> Path | None:
    """The folder Streamlit serves at app/static/ (``static/`` next to the main script), or None
    when static serving is off or no script is running."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None or not st.get_option("server.enableStaticServing"):
        return None
    return Path(get_app_static_dir(ctx.main_script_path))


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


# One Plotly.react per chart at a time; while one draws, only the newest figure waits (a fast
# slider never queues a backlog). A chart out of sight (below the fold, in a closed tab or
# expander) keeps only its newest figure and draws it when it comes within 400 px of the
# viewport (an IntersectionObserver), so a slider step pays only for the charts one can see.
# A ResizeObserver follows the column width, since Streamlit columns and the sidebar change
# width without a window resize. ``data-nnlab-state`` on the div is "waiting" while a figure
# is not drawn yet and "drawn" once the newest one is (tests wait on it).
JS = r"""
const SRC = "app/static/__PLOTLY_JS__";

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(memoArrayAttributes(window.Plotly));
  if (!window.__nnlabPlotly) {
    window.__nnlabPlotly = new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = new URL(SRC, document.baseURI).href;
      s.onload = () => resolve(memoArrayAttributes(window.Plotly));
      s.onerror = () => { window.__nnlabPlotly = undefined;
                          reject(new Error("could not load " + s.src)); };
      document.head.appendChild(s);
    });
  }
  return window.__nnlabPlotly;
}

// Every time Plotly computes a trace (Plotly.react with new data, Plotly.animate), it lists
// the trace's data-array attributes with PlotSchema.findArrayAttributes, which walks the whole
// attribute schema of the trace type (~1 ms per scatter trace; the optimizer lab's race and
// loss curves: ~18 ms of every noise step, CPU profile). The list depends only on the trace
// type and on which attribute paths hold arrays, so it is kept per (type, array paths); the
// key is found by walking the trace's own attributes (tens of them, not the schema's
// thousands). A browser test checks the kept lists against Plotly's on every page's charts.
const isArr = v => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
const isPlainObj = v => v !== null && typeof v === "object"
  && Object.getPrototypeOf(v) === Object.prototype;

function arrayPaths(obj, prefix, out) {  // attribute paths holding arrays, Plotly's notation
  for (const k of Object.keys(obj)) {
    if (k.charCodeAt(0) === 95) continue;  // "_": Plotly's own bookkeeping, not attributes
    const v = obj[k];
    if (isArr(v)) {
      out.push(prefix + k);
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          if (isPlainObj(v[i])) arrayPaths(v[i], prefix + k + "[" + i + "].", out);
        }
      }
    } else if (isPlainObj(v)) {
      arrayPaths(v, prefix + k + ".", out);
    }
  }
  return out;
}

function memoArrayAttributes(Plotly) {
  const schema = Plotly && Plotly.PlotSchema;
  if (!schema || typeof schema.findArrayAttributes !== "function"
      || schema.findArrayAttributes.__nnlabMemo) return Plotly;
  const find = schema.findArrayAttributes, kept = new Map();
  const memo = function (trace) {
    if (!isPlainObj(trace) || typeof trace.type !== "string") return find.call(this, trace);
    const key = trace.type + "|" + arrayPaths(trace, "", []).join(",");
    let found = kept.get(key);
    if (!found) {
      if (kept.size >= 500) kept.clear();
      found = find.call(this, trace);
      kept.set(key, found.slice());
    }
    return found.slice();
  };
  memo.__nnlabMemo = true;
  memo.__nnlabOriginal = find;  // tests compare the two
  memo.__nnlabKept = kept;
  schema.findArrayAttributes = memo;
  return Plotly;
}

// The figure arrives as UTF-8 JSON bytes (an ArrayBuffer or a typed array view).
function decode(raw) {
  return JSON.parse(new TextDecoder().decode(raw));
}

// An unchanged figure (a rerun that did not touch this chart) is not drawn again.
function sameBytes(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  const x = ArrayBuffer.isView(a) ? a : new Uint8Array(a);
  const y = ArrayBuffer.isView(b) ? b : new Uint8Array(b);
  if (x.byteLength !== y.byteLength) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

const isObject = v => v !== null && typeof v === "object" && !Array.isArray(v)
  && !ArrayBuffer.isView(v);
// plotly's typed-array spec {dtype, bdata[, shape]}: decoded by plotly into a typed array
const isSpec = v => isObject(v) && typeof v.bdata === "string" && typeof v.dtype === "string";

function equal(a, b) {  // of JSON values
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k]));
}

const isPlain = v => Array.isArray(v) && v.every(x => x === null || typeof x !== "object");

// Plotly.react compares a figure with the previous one by identity: a new data array, or a
// new layout.template or layout.meta object, counts as a change and redraws every trace. Each
// figure arrives as fresh JSON, so without this a slider step that only swaps a picture would
// redraw 350 points. Here the data of `next` equal to the same place in `prev` (the previous
// figure as received) becomes the array plotly already holds: for a typed-array spec the array
// it decoded (`full`), and in traces, for a plain array of numbers or strings, its input
// (`live`). Objects and layout arrays stay new, so UI state plotly writes into its inputs
// (zoomed axis ranges, legend clicks, a scrubbed animation slider) is reset by a new figure
// as before, unless the figure keeps it on purpose with layout.uirevision.
function share(next, prev, live, full, arrays) {
  if (isSpec(next)) {
    return isSpec(prev) && equal(next, prev) && ArrayBuffer.isView(full) ? full : next;
  }
  if (isPlain(next)) return arrays && Array.isArray(live) && equal(next, prev) ? live : next;
  if (isObject(next) && isObject(prev) && isObject(live)) {
    for (const k of Object.keys(next)) {
      next[k] = share(next[k], prev[k], live[k], full && full[k], arrays);
    }
  }
  return next;
}

function shareUnchanged(fig, prev, div, skipTrace) {
  if (!prev || !div._fullLayout || !div.layout) return;
  const layout = (fig.layout ??= {}), old = prev.layout || {};
  share(layout, old, div.layout, div._fullLayout, false);
  // no UI state in these (layout images move only in an editable chart, never made here);
  // an unchanged map picture handed back as is saves Plotly redrawing it (~8 ms on the race)
  for (const k of ["template", "meta", "images"]) {
    if (k in layout && equal(layout[k], old[k]) && div.layout[k] !== undefined) {
      layout[k] = div.layout[k];
    }
  }
  (fig.data || []).forEach((trace, i) => {
    const was = prev.data && prev.data[i];
    if (i === skipTrace || !was || was.type !== trace.type || !div.data || !div.data[i]) return;
    share(trace, was, div.data[i], div._fullData.find(t => t.index === i), true);
  });
}

// A new run of the same figure (a slider that moves the data only): when the layout, the
// config and every trace attribute but the x and y arrays of some scatter traces are the same
// as the figure drawn, and every axis has a fixed range, those traces are moved with
// Plotly.animate without a redraw. Plotly then skips what a react redraws for a new data
// array: axes, legend, colour bar, images (the optimizer race: ~40% less time). Hover and
// clicks answer the new data (tested). The trace `moved` (the player's, showing another frame)
// is always set anew. Returns the frame for Plotly.animate, or null.
const TYPED = {f4: Float32Array, f8: Float64Array, i1: Int8Array, u1: Uint8Array,
               u1c: Uint8ClampedArray, i2: Int16Array, u2: Uint16Array, i4: Int32Array,
               u4: Uint32Array};

// A typed-array spec decoded (1-D) into a plain array, or the plain array itself. Plain:
// Plotly.animate expands dotted keys in a frame's data by walking every object it holds, and
// it walks a typed array index by index (~5 ms a step on the race); a plain array it skips.
function dataArray(v) {
  if (!isSpec(v) || v.shape || !TYPED[v.dtype]) return v;
  return Array.from(new TYPED[v.dtype](specBytes(v)));
}

function specBytes(spec) {  // the bytes of a typed-array spec's base64 data
  const bin = atob(spec.bdata), bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes.buffer;
}

const fixedAxes = layout => {
  const axes = Object.keys(layout).filter(k => /^[xy]axis[0-9]*$/.test(k));
  return axes.length > 0 && axes.every(k => Array.isArray(layout[k].range)
                                         && layout[k].autorange !== true);
};

function dataOnlyFrame(fig, prev, div, moved) {
  if (!prev || !div._fullLayout || !fig.layout || !equal(fig.layout, prev.layout)
      || !equal(fig.config, prev.config) || !fixedAxes(fig.layout)) return null;
  const data = fig.data || [], was = prev.data || [];
  if (data.length !== was.length) return null;
  const traces = [], frame = [];
  for (let i = 0; i < data.length; i++) {
    const t = data[i], p = was[i];
    if ((t.type || "scatter") !== "scatter" || (p.type || "scatter") !== "scatter"
        || Object.keys(t).length !== Object.keys(p).length) return null;
    let changed = i === moved;
    for (const k of Object.keys(t)) {
      if (equal(t[k], p[k])) continue;
      if (k !== "x" && k !== "y") return null;
      changed = true;
    }
    if (changed) {
      traces.push(i);
      frame.push({x: dataArray(t.x), y: dataArray(t.y)});
    }
  }
  return traces.length ? {data: frame, traces} : null;
}

// One legend for several charts: charts whose layout.meta.__LINK__ has the same name show and
// hide each legendgroup together. A chart that shows its legend leads: after it is drawn, and
// after a click on its legend, the visibility of its groups goes to the others; a chart without
// a legend takes the current visibility when it is drawn (a new figure resets it otherwise).
const legendLinks = (window.__nnlabLegendLinks ??= {});

function groupVisibility(div) {  // legendgroup -> visible of its legend entry's trace
  const vis = {};
  for (const t of div._fullData || []) {
    if (t.legendgroup && t.showlegend !== false) vis[t.legendgroup] = t.visible;
  }
  return vis;
}

async function followLegend(div, vis, Plotly) {
  const idx = [], visible = [];
  for (const t of div._fullData || []) {
    if (t.legendgroup in vis && t.visible !== vis[t.legendgroup]) {
      idx.push(t.index);
      visible.push(vis[t.legendgroup]);
    }
  }
  if (idx.length) await Plotly.restyle(div, {visible}, idx);
}

async function shareLegend(div, Plotly) {
  const name = div.__legendLink;
  if (!name || !div._fullLayout) return;
  try {  // a legend that cannot follow must never cost a chart its figure
    if (div._fullLayout.showlegend) {
      legendLinks[name] = groupVisibility(div);
      for (const other of document.querySelectorAll(".__CLASS__")) {
        if (other !== div && other.__legendLink === name && other._fullLayout) {
          await followLegend(other, legendLinks[name], Plotly);
        }
      }
    } else if (legendLinks[name]) {
      await followLegend(div, legendLinks[name], Plotly);
    }
  } catch (err) {
    console.warn("linked legend not applied:", err);
  }
}

// Playback of one trace under the plot (viz.playback.Player): a play/pause button, a step
// slider and the step's label. Frame j sets the trace's x and y to row j of player.x / .y
// through Plotly.animate without a redraw (cheap); when playback stops or a scrub ends, the
// frame is drawn once more with a redraw, since plotly stops delivering hover events after an
// animation that ends without one. A new figure shows the last frame and stops playback.
function floats(spec) {  // a typed-array spec (float32) or a plain (nested) list
  if (!isSpec(spec)) return Float32Array.from(spec.flat());
  return new Float32Array(specBytes(spec));
}

function setPlayer(div, spec, Plotly) {
  let bar = div.parentElement.querySelector(":scope > .__CLASS__-player");
  if (!spec) {
    if (bar) bar.remove();
    div.__player = undefined;
    return;
  }
  if (!bar) {
    bar = document.createElement("div");
    bar.className = "__CLASS__-player";
    bar.innerHTML = '<button type="button"></button><input type="range" min="0" step="1">'
      + '<span aria-live="off"></span>';
    div.after(bar);
    const [button, range] = bar.children;
    button.addEventListener("click", () => {
      const P = div.__player;
      if (P && P.playing) stopPlayer(div, true); else if (P) play(div);
    });
    range.addEventListener("input", () => {
      stopPlayer(div, false);
      showFrame(div, +range.value, false);
    });
    range.addEventListener("change", () => showFrame(div, +range.value, true));
  }
  const [button, range, label] = bar.children;
  const n = spec.labels.length, x = floats(spec.x), y = floats(spec.y);
  div.__player = {Plotly, trace: spec.trace, labels: spec.labels, prefix: spec.prefix,
                  playText: spec.play, pauseText: spec.pause, frameMs: spec.frame_ms, n,
                  points: n ? x.length / n : 0, x, y, frame: n - 1, playing: false,
                  moved: false, timer: undefined, button, range, label};
  button.textContent = spec.play;
  button.setAttribute("aria-label", spec.play);
  range.max = String(Math.max(n - 1, 0));
  range.value = String(n - 1);
  range.setAttribute("aria-label", spec.prefix);
  label.textContent = n ? spec.prefix + " " + spec.labels[n - 1] : "";
}

async function showFrame(div, j, redraw) {
  const P = div.__player;
  if (!P || !P.n) return;
  P.frame = j;
  P.moved = true;
  P.range.value = String(j);
  P.label.textContent = P.prefix + " " + P.labels[j];
  const a = j * P.points, b = a + P.points;
  const frame = {data: [{x: P.x.subarray(a, b), y: P.y.subarray(a, b)}], traces: [P.trace]};
  try {
    await P.Plotly.animate(div, [frame], {frame: {duration: 0, redraw},
                                          transition: {duration: 0}, mode: "immediate"});
  } catch (err) { /* interrupted by the next frame: nothing to do */ }
}

function play(div) {
  const P = div.__player;
  P.playing = true;
  P.button.textContent = P.pauseText;
  P.button.setAttribute("aria-label", P.pauseText);
  let j = P.frame >= P.n - 1 ? 0 : P.frame;
  const tick = async () => {
    if (!P.playing || div.__player !== P) return;
    await showFrame(div, j, false);
    if (j >= P.n - 1) { stopPlayer(div, true); return; }
    j += 1;
    P.timer = setTimeout(tick, P.frameMs);
  };
  tick();
}

function stopPlayer(div, redraw) {
  const P = div.__player;
  if (!P) return;
  const was = P.playing;
  P.playing = false;
  clearTimeout(P.timer);
  P.button.textContent = P.playText;
  P.button.setAttribute("aria-label", P.playText);
  if (redraw && was) showFrame(div, P.frame, true);
}

async function drain(div) {
  try {
    const Plotly = await loadPlotly();
    while (div.__next !== undefined && div.__inView) {
      const raw = div.__next;  // bytes: a figure replaced before it is drawn is never decoded
      div.__next = undefined;
      const fig = decode(raw);
      const received = decode(raw);  // kept untouched: the next figure is compared with it
      div.__clickable = fig.clickable === true;
      const meta = fig.layout && fig.layout.meta;
      div.classList.toggle("__CLASS__-pixelated", !!(meta && meta.pixelated));
      const player = fig.player;
      delete fig.player;
      const t0 = performance.now();
      // a trace the player has moved holds a frame's arrays, not the figure's: not shared
      const moved = div.__player && div.__player.moved ? div.__player.trace : -1;
      stopPlayer(div, false);
      const quick = !window.__nnlabNoQuick && dataOnlyFrame(fig, div.__prev, div, moved);
      if (quick) {
        await Plotly.animate(div, quick, {frame: {duration: 0, redraw: false},
                                          transition: {duration: 0}, mode: "immediate"});
      } else {
        shareUnchanged(fig, div.__prev, div, moved);
        await Plotly.react(div, fig);
      }
      setPlayer(div, player, Plotly);
      div.__legendLink = (meta && meta.__LINK__) || undefined;
      await shareLegend(div, Plotly);
      div.__prev = received;
      const log = (window.__nnlabDraws ??= []);  // read by bench/page_latency.py
      log.push([div.dataset.key, t0, performance.now() - t0, quick ? "animate" : "react"]);
      if (log.length > 500) log.splice(0, 250);
      div.style.minHeight = "";
      if (!div.__wired) {
        div.__wired = true;
        // A click anywhere inside the plot area (not only on a point) reports its data
        // coordinates on the first x/y axes, when the page asked for clicks.
        div.addEventListener("click", ev => {
          const L = div._fullLayout, xa = L && L.xaxis, ya = L && L.yaxis;
          if (!div.__clickable || !xa || !ya || ev.detail > 1) return;
          const box = div.getBoundingClientRect();
          const px = ev.clientX - box.left - xa._offset, py = ev.clientY - box.top - ya._offset;
          if (px < 0 || py < 0 || px > xa._length || py > ya._length) return;
          div.__setTrigger("click", {x: xa.p2d(px), y: ya.p2d(py)});
        });
        // a click on the legend restyles the traces' visibility: the linked charts follow
        div.on("plotly_restyle", ([edit]) => {
          if (edit && "visible" in edit && div._fullLayout.showlegend) shareLegend(div, Plotly);
        });
        let queued = false;
        div.__resize = new ResizeObserver(() => {
          if (queued || !div.isConnected) return;
          queued = true;
          requestAnimationFrame(() => { queued = false;
            if (div.isConnected && div._fullLayout) Plotly.Plots.resize(div); });
        });
        div.__resize.observe(div);
      }
    }
  } catch (err) {
    div.textContent = "This chart could not be drawn: " + err.message;
    div.style.color = "#b00020";
  } finally {
    div.__busy = false;
    div.dataset.nnlabState = div.__next === undefined ? "drawn" : "waiting";
  }
}

function drawWhenSeen(div) {
  if (!div.__seen) {  // reports right after observe(), then on every crossing
    div.__seen = new IntersectionObserver(entries => {
      div.__inView = entries[entries.length - 1].isIntersecting;
      if (div.__inView && div.__next !== undefined && !div.__busy) {
        div.__busy = true;
        drain(div);
      }
    }, {rootMargin: "400px 0px"});
    div.__seen.observe(div);
  }
  if (div.__inView && !div.__busy) {
    div.__busy = true;
    drain(div);
  }
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let div = parentElement.querySelector(":scope > .__CLASS__");
  if (!div) {
    div = document.createElement("div");
    div.className = "__CLASS__";
    div.style.width = "100%";
    parentElement.appendChild(div);
  }
  div.dataset.key = component.key;
  div.__setTrigger = setTriggerValue;
  if (div._fullLayout && div.__next === undefined && sameBytes(div.__raw, data)) return cleanup;
  div.__raw = data;
  div.__next = data;
  div.dataset.nnlabState = "waiting";
  if (!div._fullLayout) {  // keep the space until the first draw: no jump when it comes
    const layout = decode(data).layout;
    div.style.minHeight = ((layout && layout.height) || 450) + "px";
  }
  drawWhenSeen(div);
  return cleanup;

  function cleanup() {
    stopPlayer(div, false);
    if (div.__seen) { div.__seen.disconnect(); div.__seen = undefined; }
    if (div.__resize) div.__resize.disconnect();
    if (window.Plotly && div._fullLayout) window.Plotly.purge(div);
    div.__prev = undefined;
  }
}
"""


# A figure with layout.meta = {"pixelated": true} (viz.raster.PIXELATED) shows its layout
# images as pixel grids, unsmoothed, like a heatmap with zsmooth=False.
CSS = """
.__CLASS__-pixelated image { image-rendering: pixelated; }
.__CLASS__-player { display: flex; align-items: center; gap: 0.75rem; margin: 0.25rem 0 0 0; }
.__CLASS__-player button {
  font: inherit; font-size: 0.875rem; padding: 0.25rem 0.75rem; min-width: 6.5rem;
  border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; background: white;
  color: inherit; cursor: pointer;
}
.__CLASS__-player button:hover { border-color: __ACCENT__; color: __ACCENT__; }
.__CLASS__-player input[type=range] { flex: 1; accent-color: __ACCENT__; }
.__CLASS__-player span { min-width: 6.5rem; font-size: 0.875rem; font-variant-numeric: tabular-nums; }
"""


@cache
def _mount() -> Callable:
    js = (JS.replace("__PLOTLY_JS__", plotly_js_name()).replace("__CLASS__", CHART_CLASS)
          .replace("__LINK__", LEGEND_LINK))
    # the player's accent is the app theme's primary colour (Streamlit's red when none is set)
    accent = st.get_option("theme.primaryColor") or "#ff4b4b"
    css = CSS.replace("__CLASS__", CHART_CLASS).replace("__ACCENT__", accent)
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
    out = {"data": fig._data, "layout": fig._layout}
    frames = [f._props for f in fig._frame_objs]
    if frames:
        out["frames"] = frames
    return out


def figure_json(fig, config: dict, clickable: bool = False, player: Player | None = None) -> bytes:
    """The figure as Plotly JSON (typed arrays base64-encoded) plus its config and player, as
    UTF-8. NaN and infinities become null, as in plotly's own JSON."""
    spec = {"config": config, "clickable": clickable, **_wire(figure_dict(fig))}
    if player is not None:
        spec["player"] = _wire(player.to_json())
    return orjson.dumps(spec, default=_json_default, option=orjson.OPT_SERIALIZE_NUMPY)


def live_chart(fig, key: str | None, config: dict, on_click: Callable | None = None,
               player: Player | None = None):
    """Draw ``fig``; later reruns with the same ``key`` patch it with Plotly.react (without a
    key the chart's identity is its figure, so a changed figure is drawn anew). A ``player``
    gets play/pause and a step slider under the plot, run in the browser."""
    static_dir = app_static_dir()
    if static_dir is None or not ensure_plotly_js(static_dir):
        fig = go.Figure(fig)
        if player is not None:
            fig = with_plotly_frames(fig, player)
        if LEGEND_LINK in (fig.layout.meta or {}):  # no shared legend here: its own instead
            fig.update_layout(showlegend=None)
        return st.plotly_chart(fig, key=key, config=config, theme=None)
    callbacks = {"on_click_change": on_click} if on_click is not None else {}
    data = figure_json(fig, config, clickable=on_click is not None, player=player)
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
