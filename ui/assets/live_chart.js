// The live chart component (ui/live_chart.py): draws Plotly figures sent by the server and
// patches them in place on reruns. Python prepends three constants before this file:
//   PLOTLY_SRC  the served plotly.js (versioned with the plotly package),
//   CLASS       the chart div's class (ui.live_chart.CHART_CLASS),
//   LINK        the layout.meta key of a shared legend (viz.playback.LEGEND_LINK).
/* global PLOTLY_SRC, CLASS, LINK */
//
// One Plotly.react per chart at a time; while one draws, only the newest figure waits (a fast
// slider never queues a backlog). A chart out of sight (below the fold, in a closed tab or
// expander) keeps only its newest figure and draws it when it comes within 400 px of the
// viewport (an IntersectionObserver), so a slider step pays only for the charts one can see.
// A ResizeObserver follows the column width, since Streamlit columns and the sidebar change
// width without a window resize. ``data-nnlab-state`` on the div is "waiting" while a figure
// is not drawn yet and "drawn" once the newest one is (tests wait on it).

const SRC = "app/static/" + PLOTLY_SRC;

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

function shareUnchanged(fig, prev, div, skipTrace, skipImages) {
  if (!prev || !div._fullLayout || !div.layout) return;
  const layout = (fig.layout ??= {}), old = prev.layout || {};
  share(layout, old, div.layout, div._fullLayout, false);
  // no UI state in these (layout images move only in an editable chart, never made here, or
  // by a player of pictures: then skipped); an unchanged map picture handed back as is saves
  // Plotly redrawing it (~8 ms on the race)
  for (const k of skipImages ? ["template", "meta"] : ["template", "meta", "images"]) {
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

// One legend for several charts: charts whose layout.meta[LINK] has the same name show and
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
      for (const other of document.querySelectorAll("." + CLASS)) {
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

// Playback under the plot (viz.playback.Player): a play/pause button, a step slider and the
// step's label. Frame j sets the trace's x and y to row j of player.x / .y through
// Plotly.animate without a redraw (cheap); when playback stops or a scrub ends, the frame is
// drawn once more with a redraw, since plotly stops delivering hover events after an
// animation that ends without one. A player of pictures (player.images) instead sets the
// source of layout image player.image with Plotly.relayout, which redraws the images only.
// A new figure shows the player's start frame (player.start) and stops playback.
function floats(spec) {  // a typed-array spec (float32) or a plain (nested) list
  if (!isSpec(spec)) return Float32Array.from(spec.flat());
  return new Float32Array(specBytes(spec));
}

function setPlayer(div, spec, Plotly) {
  let bar = div.parentElement.querySelector(":scope > ." + CLASS + "-player");
  if (!spec) {
    if (bar) bar.remove();
    div.__player = undefined;
    return;
  }
  if (!bar) {
    bar = document.createElement("div");
    bar.className = CLASS + "-player";
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
  const n = spec.labels.length, images = Array.isArray(spec.images) ? spec.images : null;
  const x = images ? null : floats(spec.x), y = images ? null : floats(spec.y);
  const start = Number.isInteger(spec.start) ? Math.min(Math.max(spec.start, 0), n - 1) : n - 1;
  div.__player = {Plotly, trace: spec.trace, labels: spec.labels, prefix: spec.prefix,
                  playText: spec.play, pauseText: spec.pause, frameMs: spec.frame_ms, n,
                  points: n && x ? x.length / n : 0, x, y, images, image: spec.image || 0,
                  frame: start, playing: false, moved: false, timer: undefined, button, range,
                  label};
  button.textContent = spec.play;
  button.setAttribute("aria-label", spec.play);
  range.max = String(Math.max(n - 1, 0));
  range.value = String(Math.max(start, 0));
  range.setAttribute("aria-label", spec.prefix);
  label.textContent = n ? spec.prefix + " " + spec.labels[start] : "";
}

async function showFrame(div, j, redraw) {
  const P = div.__player;
  if (!P || !P.n) return;
  P.frame = j;
  P.moved = true;
  P.range.value = String(j);
  P.label.textContent = P.prefix + " " + P.labels[j];
  if (P.images) {
    try {
      await P.Plotly.relayout(div, {["images[" + P.image + "].source"]: P.images[j]});
    } catch (err) { /* the chart was replaced or purged meanwhile: nothing to do */ }
    return;
  }
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

// The toolbar's camera saves a PNG at the size in config.toImageButtonOptions (presentation
// size, set by ui.common); this adds the same picture as SVG, for slides that scale. The
// button and the config built around it keep their identity while the config sent does not
// change: Plotly.react re-plots from scratch (losing zoom and its computed data) on a new
// config.
let svgButton;
function withSvgButton(div, config, Plotly) {
  if (!config || !config.toImageButtonOptions) return config;
  const raw = JSON.stringify(config);
  if (div.__svgConfig && div.__svgConfigRaw === raw) return div.__svgConfig;
  svgButton ??= {
    name: "toImageSVG", title: "Download plot as SVG", icon: Plotly.Icons.disk,
    click: gd => {
      const size = gd._context.toImageButtonOptions || {};
      Plotly.downloadImage(gd, {format: "svg", width: size.width, height: size.height,
                                filename: size.filename});
    },
  };
  div.__svgConfigRaw = raw;
  div.__svgConfig = {...config,
                     modeBarButtonsToAdd: [...(config.modeBarButtonsToAdd || []), svgButton]};
  return div.__svgConfig;
}

// A title wider than its chart (a phone, a column of a projector-sized page) is broken into
// lines at spaces, measured with the title's own font, and the top margin grows by the lines
// added: Plotly never wraps a title and cuts it at the chart's edge. Before the draw, so it
// costs no second layout; a title that fits is left as sent.
let measureCtx;
function textWidth(text, size, family) {
  measureCtx ??= document.createElement("canvas").getContext("2d");
  measureCtx.font = `${size}px ${family || "sans-serif"}`;
  return measureCtx.measureText(text.replace(/<[^>]+>/g, "")).width;
}

function wrapped(text, room, size, family) {
  const lines = [];
  for (const line of text.split(/<br\s*\/?>/i)) {
    let cur = "";
    for (const word of line.split(" ")) {
      const next = cur ? cur + " " + word : word;
      if (cur && textWidth(next, size, family) > room) { lines.push(cur); cur = word; }
      else cur = next;
    }
    lines.push(cur);
  }
  return lines;
}

// A taller top margin would move a title at its default height (the margin's middle) down
// onto what was added: it stays at the top.
function pinTitle(layout) {
  const t = layout.title;
  if (!isObject(t) || typeof t.y === "number") return;
  // Plotly lifts a top-anchored title by 0.7 em per extra line (measured): padded back down
  const extra = (String(t.text).split(/<br\s*\/?>/i).length - 1) * 0.7
    * ((t.font && t.font.size) || 17);
  layout.title = {...t, yref: "container", y: 1, yanchor: "top", pad: {t: 12 + extra}};
}

function fitTitle(layout, width) {
  const title = typeof layout.title === "string" ? {text: layout.title} : layout.title;
  if (!title || typeof title.text !== "string" || !title.text || !(width > 0)) return;
  const base = layout.font || {}, font = {...base, ...(title.font || {})};
  const size = (title.font && title.font.size) || (base.size ? base.size * 1.4 : 17);
  const x = typeof title.x === "number" ? title.x : 0.5;
  // Plotly's "auto" anchor is the side the title is nearest to
  const anchor = title.xanchor && title.xanchor !== "auto" ? title.xanchor
    : x < 1 / 3 ? "left" : x > 2 / 3 ? "right" : "center";
  // 0.92: the canvas's fallback font can measure narrower than the SVG text
  const room = 0.92 * ({left: width * (1 - x), right: width * x}[anchor] ?? width) - 16;
  const before = title.text.split(/<br\s*\/?>/i).length;
  const lines = wrapped(title.text, room, size, font.family);
  if (lines.length <= before) return;
  const added = Math.ceil((lines.length - before) * size * 1.25);
  layout.margin = {...(layout.margin || {}), t: ((layout.margin || {}).t ?? 100) + added};
  layout.title = {...title, text: lines.join("<br>")};
  pinTitle(layout);
  if (typeof layout.height === "number") layout.height += added;  // the plot keeps its size
}

// Subplot titles and captions (annotations above or below the plot or a panel, in paper or
// axis-domain coordinates) wrap the same way, each within its column: the room is the distance
// to the nearest other title on its row and to the chart's edges. The margin on that side
// grows by the lines added, and the first line stays where it was.
function noteSpot(layout, a, left, plot) {  // [x px, y as a fraction of the plot] or null
  if (!isObject(a) || typeof a.text !== "string" || /<[a-z]+\s/i.test(a.text)
      || typeof a.y !== "number" || (a.y < 1 && a.y > 0)
      || (a.xanchor ?? "center") !== "center") return null;
  const dom = (ref, letter) => {
    if (ref === "paper") return [0, 1];
    const m = (ref || "").match(new RegExp("^" + letter + "([0-9]*) domain$"));
    const ax = m && layout[letter + "axis" + m[1]];
    return m ? (ax && ax.domain) || [0, 1] : null;
  };
  const dx = dom(a.xref, "x"), dy = dom(a.yref, "y");
  if (!dx || !dy) return null;
  const x = a.x ?? 0.5;
  return [left + (dx[0] + x * (dx[1] - dx[0])) * plot, dy[0] + a.y * (dy[1] - dy[0]), a.y >= 1];
}

// A colour bar takes about this much of the plot's width (Plotly pushes the plot aside).
const COLORBAR_PX = 60;
const barOf = t => (isObject(t.marker) && t.marker.showscale === true ? t.marker : t).colorbar;
const hasColorbar = data => (data || []).some(t => isObject(t) && (t.showscale === true
  || (t.showscale !== false && /^(heatmap|contour|histogram2d)/.test(t.type || ""))
  || (isObject(t.marker) && t.marker.showscale === true))
  && !(isObject(barOf(t)) && barOf(t).orientation === "h"));

const MIN_NOTE_PX = 10;
function fitNotes(layout, width, data) {
  const notes = Array.isArray(layout.annotations) ? layout.annotations : [];
  const m = layout.margin || {};
  if (!(width > 0)) return;
  const left = m.l ?? 80, base = layout.font || {};
  const plot = width - left - (m.r ?? 80) - (hasColorbar(data) ? COLORBAR_PX : 0);
  const spots = notes.map(a => noteSpot(layout, a, left, plot));
  const grow = {t: 0, b: 0};
  const fitted = notes.map((a, i) => {
    const spot = spots[i];
    if (!spot) return a;
    let room = 2 * Math.min(spot[0], width - spot[0]);
    spots.forEach((o, k) => {
      if (o && k !== i && Math.abs(o[1] - spot[1]) < 1e-6) room = Math.min(room, Math.abs(o[0] - spot[0]));
    });
    const size = (a.font && a.font.size) || base.size || 12;
    const family = (a.font && a.font.family) || base.family;
    const before = a.text.split(/<br\s*\/?>/i).length;
    // 0.92: the canvas's fallback font can measure narrower than the SVG text
    const fit = room * 0.92 - 8, lines = wrapped(a.text, fit, size, family);
    // a word wider than its room (a layer's name over a phone's neuron grid): smaller type
    const widest = Math.max(...lines.map(line => textWidth(line, size, family)));
    if (widest > fit && size > MIN_NOTE_PX) {
      const font = {...(a.font || {}), size: Math.max(MIN_NOTE_PX, Math.floor(size * fit / widest))};
      a = {...a, font};
    }
    if (lines.length <= before) return a;
    const added = Math.ceil((lines.length - before) * size * 1.25), above = spot[2];
    const side = spot[1] >= 1 ? "t" : spot[1] <= 0 ? "b" : null;
    if (side) grow[side] = Math.max(grow[side], added);
    const anchor = a.yanchor ?? "auto";  // keep the first line in place
    const shift = above ? (anchor === "bottom" ? 0 : added) : (anchor === "top" ? 0 : -added);
    return {...a, text: lines.join("<br>"), yshift: (a.yshift ?? 0) + shift};
  });
  if (notes.length) layout.annotations = fitted;
  // x-axis titles: each within its axis's width (and a little of the margins)
  for (const k of Object.keys(layout)) {
    const ax = layout[k], t = isObject(ax) && /^xaxis[0-9]*$/.test(k) && ax.title;
    const text = isObject(t) ? t.text : t;
    if (typeof text !== "string" || !text || /<[a-z]+\s/i.test(text)) continue;
    const d = ax.domain || [0, 1], size = (t.font && t.font.size) || base.size || 12;
    const lines = wrapped(text, (d[1] - d[0]) * plot + 16, size, base.family);
    const before = text.split(/<br\s*\/?>/i).length;
    if (lines.length <= before) continue;
    layout[k] = {...ax, title: {...(isObject(t) ? t : {}), text: lines.join("<br>")}};
    grow.b = Math.max(grow.b, Math.ceil((lines.length - before) * size * 1.25));
  }
  if (!grow.t && !grow.b) return;
  layout.margin = {...m, t: (m.t ?? 100) + grow.t, b: (m.b ?? 80) + grow.b};
  if (grow.t) pinTitle(layout);
  if (typeof layout.height === "number") layout.height += grow.t + grow.b;
}

// A row of panels (x axes side by side, each with its own y axis) sent with
// layout.meta.wrap = {min, gap} wraps on a screen too narrow for `min` px per panel: as many
// columns as fit, the rows `gap` px apart (room for the panel titles above and the x-axis
// titles below), square panels no taller than they are wide; the chart grows by the rows and
// each panel's title (an annotation centred above it) moves with it.
function wrapPanels(layout, width) {
  const wrap = layout.meta && layout.meta.wrap, m = layout.margin || {};
  if (!isObject(wrap) || !(width > 0) || typeof layout.height !== "number") return;
  const axisNo = k => Number(k.slice(5) || 1);
  const xs = Object.keys(layout).filter(k => /^xaxis[0-9]*$/.test(k)).sort((a, b) => axisNo(a) - axisNo(b));
  const n = xs.length, t = m.t ?? 100, b = m.b ?? 80, plot = width - (m.l ?? 80) - (m.r ?? 80);
  const cols = Math.max(1, Math.min(n, Math.floor(plot / wrap.min)));
  if (cols >= n) return;
  const rows = Math.ceil(n / cols), old = xs.map(k => layout[k].domain || [0, 1]);
  const gapX = n > 1 ? old[1][0] - old[0][1] : 0.02, colW = (1 - gapX * (cols - 1)) / cols;
  // a panel's y axis: the x axis's anchor, else the y axis anchored on it, else its number's
  const yOf = k => {
    const x = "x" + k.slice(5), anchor = layout[k].anchor;
    if (typeof anchor === "string" && anchor[0] === "y") return "yaxis" + anchor.slice(1);
    const y = Object.keys(layout).find(n => /^yaxis[0-9]*$/.test(n) && isObject(layout[n])
                                             && layout[n].anchor === x);
    return y || "yaxis" + k.slice(5);
  };
  const square = xs.some(k => isObject(layout[yOf(k)]) && layout[yOf(k)].scaleanchor);
  const panelH = square ? Math.min(layout.height - t - b, colW * plot) : layout.height - t - b;
  const paper = rows * panelH + (rows - 1) * wrap.gap;
  const moved = new Map(), tops = new Map();
  xs.forEach((k, i) => {
    const r = Math.floor(i / cols), c = i % cols, x0 = c * (colW + gapX);
    const top = 1 - r * (panelH + wrap.gap) / paper;
    const y = yOf(k);  // each axis anchored on its partner: rows apart, a default would not do
    layout[k] = {...layout[k], domain: [x0, x0 + colW], anchor: "y" + y.slice(5)};
    layout[y] = {...(isObject(layout[y]) ? layout[y] : {}), anchor: "x" + k.slice(5),
                 domain: [top - panelH / paper, top]};
    moved.set(((old[i][0] + old[i][1]) / 2).toFixed(4), [x0 + colW / 2, top]);
    tops.set("x" + k.slice(5), top);
  });
  // a panel's title (centred above it, in the paper's fractions) and a note above one panel
  // (xref: its x axis) go with the panel
  if (Array.isArray(layout.annotations)) layout.annotations = layout.annotations.map(a => {
    if (!isObject(a) || a.yref !== "paper" || !(a.y >= 1)) return a;
    const to = a.xref === "paper" && moved.get(Number(a.x).toFixed(4));
    if (to) return {...a, x: to[0], y: to[1] + (a.y - 1)};
    return tops.has(a.xref) ? {...a, y: tops.get(a.xref) + (a.y - 1)} : a;
  });
  // a legend under the plot, placed in the plot's fractions, would move away with the taller
  // plot: it keeps its place at the chart's bottom edge
  const lg = layout.legend;
  if (isObject(lg) && lg.yref !== "container" && typeof lg.y === "number" && lg.y < 0)
    layout.legend = {...lg, yref: "container", y: 0, yanchor: "bottom"};
  layout.height = t + b + paper;
}

// On a phone a legend beside the plot takes up to half its width (a loss curve 112 px wide
// next to its legend): below NARROW_PX a vertical legend on the right moves under the plot,
// in rows, and the chart grows by those rows so the plot keeps its height. A legend placed
// inside the plot, or already horizontal, is left as sent.
const NARROW_PX = 560;
const NO_LEGEND = /^(heatmap|contour|histogram2d|surface|mesh3d|cone|streamtube|volume|isosurface|image|table)/;
function legendNames(layout, data) {
  const shown = (data || []).filter(t => isObject(t) && (t.showlegend === true
    || (t.showlegend !== false && !NO_LEGEND.test(t.type || "scatter") && t.visible !== false)));
  if (shown.length < 2 && layout.showlegend !== true) return [];
  return shown.map(t => String(t.name ?? ""));
}

function fitLegend(layout, width, data) {
  const lg = isObject(layout.legend) ? layout.legend : {};
  if (!(width > 0) || width >= NARROW_PX || layout.showlegend === false
      || lg.orientation === "h" || (typeof lg.x === "number" && lg.x < 1)
      || lg.xref === "container" || lg.yref === "container") return;
  const names = legendNames(layout, data);
  if (!names.length) return;
  const base = layout.font || {}, font = {...base, ...(lg.font || {})};
  const size = font.size || 12, row = Math.ceil(size * 1.7), room = width - 20;
  let rows = 1, used = 0;
  for (const name of names) {  // Plotly's horizontal legend: symbol, text, a gap
    const w = textWidth(name, size, font.family) + 46;
    if (used && used + w > room) { rows += 1; used = 0; }
    used += w;
  }
  const title = isObject(lg.title) && lg.title.text ? row : 0;
  const added = rows * row + title + 10;
  const m = layout.margin || {};
  layout.legend = {...lg, orientation: "h", xref: "container", x: 0.02, xanchor: "left",
                   yref: "container", y: 0, yanchor: "bottom"};
  layout.margin = {...m, r: Math.min(m.r ?? 80, 20), b: (m.b ?? 80) + added};
  if (typeof layout.height === "number") layout.height += added;
}

// On a phone a colour bar beside a map takes a third of the chart's width and the square map
// shrinks with it: a chart's one colour bar goes under the plot, horizontal, its title on one
// line under it, and the chart grows by its height so the map keeps its size.
const COLORBAR_BELOW_PX = 80;
function fitColorbar(layout, width, data) {
  if (!(width > 0) || width >= NARROW_PX || typeof layout.height !== "number") return;
  const owners = (data || []).filter(t => isObject(t) && hasColorbar([t]));
  if (owners.length !== 1 || isObject(layout.coloraxis)) return;
  const t = owners[0], holder = isObject(t.marker) && t.marker.showscale === true ? t.marker : t;
  const bar = isObject(holder.colorbar) ? holder.colorbar : {};
  const title = isObject(bar.title) ? bar.title : {text: bar.title};
  const m = layout.margin || {};
  layout.margin = {...m, b: (m.b ?? 80) + COLORBAR_BELOW_PX};
  layout.height += COLORBAR_BELOW_PX;
  // the title under the numbers: placed above a bar anchored this way, Plotly draws it over it
  holder.colorbar = {...bar, orientation: "h", xref: "paper", x: 0.5, xanchor: "center",
                     yref: "container", y: 0, yanchor: "bottom", len: 0.9, thickness: 12,
                     title: {...title, side: "bottom",
                             text: String(title.text ?? "").replace(/<br\s*\/?>/gi, " ")}};
  const lg = layout.legend;  // a legend at the chart's bottom edge stays above the bar
  if (isObject(lg) && lg.yref === "container" && (lg.y ?? 1) <= 0.05)
    layout.legend = {...lg, y: COLORBAR_BELOW_PX / layout.height, yanchor: "bottom"};
}

// On a phone a square map is as wide as the screen and no taller: the height a figure asks for
// (sized for a laptop) left blank bands of 100-400 px above and below it. After the draw, the
// chart gives back what its square panels (scaleanchor) leave of the plot area's height.
const SPARE_PX = 30, PHONE_PX = 700;
const drawnYAxes = L => Object.keys(L)
  .filter(k => /^yaxis[0-9]*$/.test(k) && isObject(L[k]) && L[k]._length > 0).map(k => L[k]);

function blankAroundSquares(L) {
  const ys = drawnYAxes(L);
  if (!ys.some(y => y.scaleanchor) || !L._size) return 0;
  const top = Math.min(...ys.map(y => y._offset));
  const bottom = Math.max(...ys.map(y => y._offset + y._length));
  return (top - L._size.t) + (L._size.t + L._size.h - bottom);
}

const squareSide = L => Math.max(0, ...drawnYAxes(L).filter(y => y.scaleanchor).map(y => y._length));

async function tightenHeight(div, Plotly) {
  const L = div._fullLayout, spare = L ? blankAroundSquares(L) : 0;
  if (!(spare > SPARE_PX) || typeof L.height !== "number") return;
  const height = L.height, side = squareSide(L);
  await Plotly.relayout(div, {height: Math.round(height - spare)});
  // margins that grow with the text (automargin) can take some of it back: the map keeps its size
  const lost = side - squareSide(div._fullLayout);
  if (lost > 1) await Plotly.relayout(div, {height: Math.round(height - spare + lost)});
}

// Text a room can read: on a screen as wide as a projector's (1280 px) no chart text is set
// under MIN_TEXT_PX (Plotly's default is 12, the pages' ticks 11–13). Layout fonts only (axes,
// legend, titles, annotations, colour bars); text inside traces keeps its size. A phone keeps
// the sizes sent: there the room is the width.
const MIN_TEXT_PX = 13;
function raiseFont(font, floor) {
  if (isObject(font) && typeof font.size === "number" && font.size < floor) font.size = floor;
}

function readableText(fig, width) {
  if (!(width >= 1000) || !fig.layout) return;
  const L = fig.layout;
  L.font = {...(L.font || {})};
  L.font.size = Math.max(L.font.size ?? 12, MIN_TEXT_PX);
  raiseFont(L.legend && L.legend.font, MIN_TEXT_PX);
  for (const k of Object.keys(L)) {
    const ax = L[k];
    if (!/^[xy]axis[0-9]*$/.test(k) || !isObject(ax)) continue;
    raiseFont(ax.tickfont, MIN_TEXT_PX);
    raiseFont(isObject(ax.title) && ax.title.font, MIN_TEXT_PX);
  }
  for (const a of Array.isArray(L.annotations) ? L.annotations : []) raiseFont(a && a.font, MIN_TEXT_PX);
  for (const t of fig.data || []) {
    const bar = isObject(t) && (t.colorbar || (isObject(t.marker) && t.marker.colorbar));
    if (isObject(bar)) raiseFont(bar.tickfont, MIN_TEXT_PX);
  }
}

// Which of the figures sent is drawn. A figure may come with a narrow variant (its own data
// and layout, e.g. the backprop graph top to bottom), drawn on a chart under NARROW_PX wide.
// Lecture mode sends a projector's layout beside the figure's own: a phone that opened the
// lecture link draws the figure's own (the projector's type would crowd 390 px).
function pickFigure(fig, width) {
  if (!fig) return fig;
  if (isObject(fig.narrow)) {
    if (width < NARROW_PX) {
      fig.data = fig.narrow.data;
      fig.layout = fig.narrow.layout;
      delete fig.lectureLayout;
    }
    delete fig.narrow;
  }
  if (isObject(fig.lectureLayout)) {
    if (window.innerWidth >= PHONE_PX) fig.layout = fig.lectureLayout;
    delete fig.lectureLayout;
  }
  return fig;
}

// Does this chart's width call for another of its figures than the one drawn (a phone turned
// on its side, a window resized across NARROW_PX)?
const narrowNow = div => div.clientWidth < NARROW_PX;

async function drain(div) {
  try {
    const Plotly = await loadPlotly();
    while (div.__next !== undefined && div.__inView) {
      const raw = div.__next;  // bytes: a figure replaced before it is drawn is never decoded
      div.__next = undefined;
      const fig = decode(raw);
      div.__hasNarrow = isObject(fig.narrow);
      pickFigure(fig, div.clientWidth);
      // kept untouched: the next figure is compared with it
      const received = pickFigure(decode(raw), div.clientWidth);
      div.__narrowDrawn = narrowNow(div);
      div.__clickable = fig.clickable === true;
      const meta = fig.layout && fig.layout.meta;
      div.classList.toggle(CLASS + "-pixelated", !!(meta && meta.pixelated));
      const player = fig.player;
      delete fig.player;
      const t0 = performance.now();
      // a trace (or layout image) the player has moved holds a frame's arrays (picture),
      // not the figure's: not shared, and the figure is drawn with Plotly.react
      const was = div.__player && div.__player.moved ? div.__player : null;
      const moved = was && !was.images ? was.trace : -1, movedImage = !!(was && was.images);
      stopPlayer(div, false);
      const quick = !window.__nnlabNoQuick && !movedImage
        && dataOnlyFrame(fig, div.__prev, div, moved);
      if (quick) {
        await Plotly.animate(div, quick, {frame: {duration: 0, redraw: false},
                                          transition: {duration: 0}, mode: "immediate"});
      } else {
        if (fig.layout) {
          wrapPanels(fig.layout, div.clientWidth);
          // the legend first: a colour bar then goes under it (fitColorbar lifts it)
          fitLegend(fig.layout, div.clientWidth, fig.data);
          fitColorbar(fig.layout, div.clientWidth, fig.data);
          readableText(fig, window.innerWidth);
          fitTitle(fig.layout, div.clientWidth);
          fitNotes(fig.layout, div.clientWidth, fig.data);
        }
        shareUnchanged(fig, div.__prev, div, moved, movedImage);
        fig.config = withSvgButton(div, fig.config, Plotly);
        await Plotly.react(div, fig);
        if (window.innerWidth < PHONE_PX) await tightenHeight(div, Plotly);
      }
      setPlayer(div, player, Plotly);
      div.__legendLink = (meta && meta[LINK]) || undefined;
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
            if (!div.isConnected || !div._fullLayout) return;
            if (div.__hasNarrow && div.__narrowDrawn !== narrowNow(div)) {
              div.__next = div.__raw;  // redrawn from the bytes received, as its other figure
              drawWhenSeen(div);
            } else Plotly.Plots.resize(div); });
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
  let div = parentElement.querySelector(":scope > ." + CLASS);
  if (!div) {
    div = document.createElement("div");
    div.className = CLASS;
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
    const layout = pickFigure(decode(data), div.clientWidth).layout;
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
