"""Figures of the training playground: arrays in, plotly Figures out (no Streamlit).

The decision boundary (≤ 100×100) and the per-neuron thumbnails go to the browser as indexed
PNG layout images (1 byte a cell plus a palette, viz.raster): Plotly.react then swaps a picture
instead of re-drawing traces. All thumbnails share ONE picture (a mosaic, with value 0 as the
background between tiles), which measured far cheaper than a figure, an axis pair or a trace per
neuron (see bench/playground_speed.py).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from viz.compat import fast_figure
from viz.phone import wrap
from viz.playback import Player
from viz.raster import (
    PIXELATED,
    cell_edges,
    colorscale_palette,
    data_uri,
    plane_image,
    png_indexed,
)

# Every word a figure shows comes in ``labels`` (ui.strings.playground.fig_labels()): keys
# class ("class {k}"), train, test, loss, accuracy, Loss, Accuracy, epoch, at_epoch, diverged,
# predicted, true, play, pause, weights.

# TensorFlow Playground's orange / blue for classes 0 / 1, then a tab10-like palette.
CLASS_COLORS = [
    "#f59322", "#0877bd", "#2ca02c", "#9467bd", "#d62728",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
]
# Heatmaps are sent as uint8 ≤ 250: a byte ≥ 0xFC starts a base64 "/", which Plotly's JSON
# encoder escapes as "\u002f" (6 bytes), tripling the payload of a saturated image.
ZMAX = 250
BAND = 25  # uint8 levels per class band of a multi-class boundary (10 classes · 25 = 250)
FONT = {"family": "Source Sans Pro, sans-serif", "size": 15, "color": "#262730"}
AXIS = {"showgrid": False, "zeroline": False, "linecolor": "#c8ccd4", "mirror": True,
        "ticks": "outside", "tickcolor": "#c8ccd4"}
GRID_AXIS = {**AXIS, "showgrid": True, "gridcolor": "#eceef2"}
# ColorBrewer Blues, as plotly's named "Blues" scale (spelled out: figures skip validation).
BLUES = [[i / 8, c] for i, c in enumerate([
    "rgb(247,251,255)", "rgb(222,235,247)", "rgb(198,219,239)", "rgb(158,202,225)",
    "rgb(107,174,214)", "rgb(66,146,198)", "rgb(33,113,181)", "rgb(8,81,156)", "rgb(8,48,107)",
])]


def _mix(hex_color: str, white: float) -> str:
    """The colour mixed with white (white = 0: unchanged, 1: white), as an rgb() string."""
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    r, g, b = (round(c + (255 - c) * white) for c in (r, g, b))
    return f"rgb({r},{g},{b})"


def _figure(data: list[dict], layout: dict) -> go.Figure:
    """A Figure from plain dicts, without plotly.py's property validation (5x faster to build;
    Streamlit then serializes it as is). tests/test_playground.py validates every figure."""
    return fast_figure(data, layout)


def _base_layout(height: int, **kw) -> dict:
    # template {}: no plotly.py template in the spec (the default one adds ~8 KB per chart).
    return {
        "height": height, "margin": {"l": 50, "r": 20, "t": 40, "b": 45},
        "font": FONT, "template": {}, "plot_bgcolor": "white", "paper_bgcolor": "white",
        **kw,
    }


def class_name(labels, k: int, classes=None) -> str:
    return labels["class"].format(k=classes[k] if classes is not None else k)


# ---------------------------------------------------------------------------------------------
# Decision boundary
# ---------------------------------------------------------------------------------------------


def boundary_image(proba: np.ndarray, discretize: bool) -> tuple[np.ndarray, list, int]:
    """(n, n, C) probabilities -> (uint8 image, colorscale, zmax).

    Two classes: P(class 1) from orange (0) through white (0.5) to blue (1).
    More classes: the winning class's colour, paler where the network is less sure
    (band k·BAND ... k·BAND + BAND-1 holds class k from "just winning" to "certain").
    ``discretize``: only the winning class, at full strength.
    """
    C = proba.shape[2]
    if C == 2:
        p = proba[:, :, 1]
        if discretize:
            p = (p > 0.5).astype(np.float64) * 0.8 + 0.1  # two flat tones
        img = np.rint(np.clip(p, 0, 1) * ZMAX).astype(np.uint8)
        scale = [[0.0, _mix(CLASS_COLORS[0], 0.25)], [0.5, "rgb(255,255,255)"],
                 [1.0, _mix(CLASS_COLORS[1], 0.25)]]
        return img, scale, ZMAX
    k = proba.argmax(axis=2)
    conf = (proba.max(axis=2) - 1.0 / C) / (1.0 - 1.0 / C)
    if discretize:
        conf = np.full_like(conf, 0.75)
    img = (k * BAND + np.rint(np.clip(conf, 0, 1) * (BAND - 1))).astype(np.uint8)
    zmax = C * BAND - 1
    scale = []
    for c in range(C):
        scale.append([c * BAND / zmax, _mix(CLASS_COLORS[c], 0.92)])
        scale.append([(c * BAND + BAND - 1) / zmax, _mix(CLASS_COLORS[c], 0.2)])
    return img, scale, zmax


def boundary_png(proba: np.ndarray, discretize: bool) -> str:
    """The boundary picture as an indexed-PNG data URI, row 0 at the top (largest x₂): each
    pixel the colour ``boundary_image``'s heatmap colour scale gives it."""
    img, scale, zmax = boundary_image(proba, discretize)
    return data_uri(png_indexed(img[::-1], colorscale_palette(scale, 0, zmax, zmax + 1)))


REPLAY_FRAME_MS = 150  # a replay frame on screen: ~7 epochs' pictures a second


def boundary_player(pictures: Sequence[str], epochs: Sequence[int], *, labels,
                    at: int | None = None) -> Player:
    """The replay of the boundary: ``pictures`` (``boundary_png`` of each snapshot's grid),
    labelled with their epochs, played by the live chart's player (viz.playback) in the
    browser. It opens at the picture of the epoch nearest ``at`` (the last when None) and
    plays on from there; draw ``boundary_figure`` with that snapshot's grid under it
    (``player.first``)."""
    if not len(pictures) or len(pictures) != len(epochs):
        raise ValueError(f"one picture per epoch, got {len(pictures)} pictures and "
                         f"{len(epochs)} epochs")
    start = len(epochs) - 1 if at is None else int(np.argmin([abs(e - at) for e in epochs]))
    return Player(trace=None, labels=tuple(str(int(e)) for e in epochs), images=tuple(pictures),
                  start=start, frame_ms=REPLAY_FRAME_MS, prefix=labels["epoch"],
                  play=labels["play"], pause=labels["pause"])


# long: the boundary picture and the points of one figure
def boundary_figure(
    xs: np.ndarray,
    proba: np.ndarray,
    X_train: np.ndarray,
    y_train: np.ndarray,
    X_test: np.ndarray | None = None,
    y_test: np.ndarray | None = None,
    *,
    labels,
    discretize: bool = False,
    show_test: bool = True,
    classes=None,
    title: str = "",
    height: int = 520,
    axis_labels: tuple[str, str] = ("x₁", "x₂"),
) -> go.Figure:
    """Predicted-class map over the plane with train (filled) and test (ringed) points.

    The map is a layout image (viz.raster), so an epoch step swaps one <image> and leaves the
    points as drawn; its replay is a player of pictures (``boundary_player``).
    ``labels``: the words (see the top of the file).
    """
    C = proba.shape[2]
    h = float(xs[-1])
    lo, hi = cell_edges(xs)

    data: list[dict] = []
    for c in range(C):
        color = CLASS_COLORS[c % len(CLASS_COLORS)]
        m = y_train == c
        if m.any():
            data.append(dict(type="scatter",
                x=X_train[m, 0], y=X_train[m, 1], mode="markers", name=class_name(labels, c, classes),
                legendgroup=f"c{c}",
                marker={"size": 7, "color": color, "line": {"width": 1, "color": "white"}},
                hovertemplate=f"{class_name(labels, c, classes)} ({labels['train']})<br>x₁=%{{x:.2f}}, "
                              "x₂=%{y:.2f}"
                              "<extra></extra>",
            ))
        if show_test and X_test is not None and y_test is not None:
            m = y_test == c
            if m.any():
                data.append(dict(type="scatter",
                    x=X_test[m, 0], y=X_test[m, 1], mode="markers",
                    name=f"{class_name(labels, c, classes)} ({labels['test']})", legendgroup=f"c{c}",
                    showlegend=False,
                    marker={"size": 7, "color": "white", "line": {"width": 2, "color": color}},
                    hovertemplate=f"{class_name(labels, c, classes)} ({labels['test']})<br>x₁=%{{x:.2f}}, "
                                  "x₂=%{y:.2f}<extra></extra>",
                ))
    layout = _base_layout(
        height, title={"text": title, "x": 0.01, "y": 0.98, "font": {"size": 17}},
        xaxis={**AXIS, "range": [-h, h], "title": {"text": axis_labels[0]}, "constrain": "domain"},
        yaxis={**AXIS, "range": [-h, h], "title": {"text": axis_labels[1]}, "scaleanchor": "x",
               "constrain": "domain"},
        legend={"orientation": "h", "y": 1.0, "x": 0.5, "xanchor": "center", "yanchor": "bottom"},
        margin={"l": 55, "r": 10, "t": 70 if title else 35, "b": 45},
        images=[plane_image(boundary_png(proba, discretize), lo, hi, lo, hi)], meta=PIXELATED,
    )
    return _figure(data, layout)


# ---------------------------------------------------------------------------------------------
# Per-neuron thumbnails
# ---------------------------------------------------------------------------------------------

Array = np.ndarray


def quantize_tile(a: Array) -> Array:
    """A unit's activation map scaled to uint8 1..249 with 0 → 125 and ±max|a| → 249 / 1.

    0 is kept free for the background between tiles; a constant-zero (dead) unit is all 125.
    The top stays below 252 because a byte ≥ 0xFC begins a base64 "/" that JSON escapes as
    six characters (the browser receives these images base64-encoded).
    """
    m = float(np.abs(a).max(initial=0.0))
    scaled = a / m if m > 0 else np.zeros_like(a)
    return np.rint(125.0 + 124.0 * scaled).astype(np.uint8)


FRAME = 250  # mosaic value of the one-cell frame around every tile (0 = empty background)


@dataclass
class Mosaic:
    """Thumbnails packed into one uint8 image (0 = background, 250 = tile frames) plus where
    each tile sits.

    ``tiles``: list of (layer index, unit index, row0, col0) of each tile's lower-left cell in
    ``image`` (row 0 at the bottom); ``layer_cols``: (first col, last col) of each layer's block.
    """

    image: Array
    tile: int
    tiles: list[tuple[int, int, int, int]]
    layer_cols: list[tuple[int, int]]
    max_abs: list[Array]


def thumbnail_mosaic(
    layers: Sequence[Array],
    cell_budget: int = 160_000,
    max_rows: int = 8,
    gap: int = 2,
    max_tile: int = 34,
) -> Mosaic:
    """Lay out per-unit activation maps (each layer (n, n, width)) as one image, layer by layer.

    A layer is a block of columns of at most ``max_rows`` tiles; the tiles are the grids
    subsampled with the smallest stride that gives tiles of at most ``max_tile`` cells a side
    (a thumbnail is drawn ~60 px wide) and keeps the whole image under ``cell_budget`` cells.
    """
    if not layers:
        return Mosaic(np.zeros((1, 1), np.uint8), 0, [], [], [])
    n = layers[0].shape[0]
    widths = [a.shape[2] for a in layers]
    rows = min(max_rows, max(widths))
    n_cols = [int(np.ceil(w / rows)) for w in widths]
    stride = max(1, int(np.ceil(n / max_tile)))
    while True:
        t = len(range(0, n, stride))
        h = rows * (t + gap) - gap + 2  # + a one-cell frame on the outer edges
        w = sum(c * (t + gap) for c in n_cols) + gap * 2 * (len(layers) - 1) - gap + 2
        if h * w <= cell_budget or t <= 8:
            break
        stride += 1
    img = np.zeros((h, w), dtype=np.uint8)
    tiles, layer_cols, max_abs = [], [], []
    col = 1
    for li, a in enumerate(layers):
        sub = a[::stride, ::stride, :]
        max_abs.append(np.abs(a).max(axis=(0, 1)))
        first = col
        for u in range(a.shape[2]):
            c, r = divmod(u, rows)
            r = rows - 1 - r  # first unit at the top
            r0, c0 = 1 + r * (t + gap), col + c * (t + gap)
            img[r0 - 1 : r0 + t + 1, c0 - 1 : c0 + t + 1] = FRAME  # so a white tile shows
            img[r0 : r0 + t, c0 : c0 + t] = quantize_tile(sub[:, :, u])
            tiles.append((li, u, r0, c0))
        col += n_cols[li] * (t + gap)
        layer_cols.append((first, col - gap - 1))
        col += gap * 2
    return Mosaic(img, t, tiles, layer_cols, max_abs)


# Mosaic values (quantize_tile / FRAME): 0 = empty (white), 1..249 = orange
# (negative) - white (0, at 125) - blue (positive) as in TF Playground, 250 = tile frame.
THUMB_SCALE = [
    [0.0, "#ffffff"], [0.5 / 250, "#ffffff"], [1 / 250, CLASS_COLORS[0]],
    [125 / 250, "#ffffff"], [249 / 250, CLASS_COLORS[1]], [249.5 / 250, "#c3c8d2"],
    [1.0, "#c3c8d2"],
]
THUMB_PALETTE = colorscale_palette(THUMB_SCALE, 0, 250, 251)


def thumbnails_figure(
    mosaic, layer_titles: list[str], input_labels: list[str] | None = None, tile_px: int = 68
) -> go.Figure:
    """All hidden units' activation maps as one mosaic picture (a layout image, see
    viz.raster), one column block per layer.

    ``mosaic``: a ``Mosaic``; ``layer_titles``: one title per block of columns;
    ``input_labels``: names written on the tiles of the first block (the input features).
    """
    img = mosaic.image
    h, w = img.shape
    source = data_uri(png_indexed(img[::-1], THUMB_PALETTE))
    t = max(mosaic.tile, 1)
    n_rows = max(1, round((h + 2) / (t + 2)))
    # in the axes' domain, over the picture's top edge: the browser then fits each title to
    # its block's width (live_chart.js fitNotes; six "Sigmoid" blocks ran together on a phone).
    # Centred: a domain note's "auto" anchor is the side it is nearest to.
    notes = [
        {"x": ((c0 + c1) / 2 + 0.5) / w, "y": 1, "xref": "x domain", "yref": "y domain",
         "yshift": 4, "text": text, "showarrow": False, "xanchor": "center",
         "yanchor": "bottom", "font": {"size": 14}}
        for (c0, c1), text in zip(mosaic.layer_cols, layer_titles, strict=False)
    ]
    t = mosaic.tile
    for (layer, unit, r0, c0) in mosaic.tiles:
        if layer == 0 and input_labels and unit < len(input_labels):
            notes.append({"x": c0 + t / 2, "y": r0 + t / 2, "text": input_labels[unit],
                          "showarrow": False, "font": {"size": 13, "color": "#262730"},
                          "bgcolor": "rgba(255,255,255,0.75)", "borderpad": 1})
    # two-line layer titles (14 px) need 44 px above the tiles: at 40 they poked out of the
    # chart's top into the mode bar's band
    top = 26 + 18 * max((t.count("<br>") + 1 for t in layer_titles), default=1)
    height = 15 + top + n_rows * tile_px
    return _figure([], _base_layout(
        height, margin={"l": 5, "r": 5, "t": top, "b": 5}, annotations=notes,
        images=[plane_image(source, -0.5, w - 0.5, -0.5, h - 0.5)], meta=PIXELATED,
        xaxis={"visible": False, "range": [-0.5, w - 0.5], "constrain": "domain"},
        yaxis={"visible": False, "range": [-0.5, h - 0.5], "scaleanchor": "x",
               "constrain": "domain"},
    ))


# ---------------------------------------------------------------------------------------------
# Curves
# ---------------------------------------------------------------------------------------------

TRAIN_COLOR, TEST_COLOR = "#1f4e9c", "#e4572e"


def _panel_axes(n: int, gap: float = 0.08) -> list[tuple[float, float]]:
    width = (1 - gap * (n - 1)) / n
    return [(i * (width + gap), i * (width + gap) + width) for i in range(n)]


# long: two panels (loss, accuracy) for one run or several, with their markers
def curves_figure(
    history: dict,
    *,
    epoch: int | None = None,
    diverged_at: int | None = None,
    height: int = 330,
    runs: list[tuple[str, dict, str]] | None = None,
    labels,
) -> go.Figure:
    """Loss (left) and accuracy (right) per epoch, train solid and test dashed.

    ``epoch``: a vertical marker (the timeline's position). ``runs``: instead of one history,
    [(name, history, colour)] drawn over each other for comparing runs.
    """
    runs = runs or [("", history, "")]
    data: list[dict] = []
    (a0, a1), (b0, b1) = _panel_axes(2)
    for name, hist, color in runs:
        ep = np.asarray(hist["epoch"])
        for metric, ax in (("loss", ""), ("acc", "2")):
            for split, dash in (("train", "solid"), ("test", "dash")):
                key = f"{split}_{metric}"
                if key not in hist:
                    continue
                col = color or (TRAIN_COLOR if split == "train" else TEST_COLOR)
                label = f"{name} {labels[split]}".strip()
                data.append(dict(type="scatter",
                    x=ep, y=np.asarray(hist[key]), name=label,
                    mode="lines" if len(ep) > 25 else "lines+markers",
                    legendgroup=label, showlegend=metric == "loss",
                    line={"color": col, "dash": dash, "width": 2.5},
                    xaxis=f"x{ax}", yaxis=f"y{ax}",
                    hovertemplate=f"{label} {labels['loss' if metric == 'loss' else 'accuracy']}"
                                  f" %{{y:.3f}} {labels['at_epoch']} %{{x}}<extra></extra>",
                ))
    shapes, notes = [], []
    for ax in ("x", "x2"):
        if epoch is not None:
            shapes.append({"type": "line", "xref": ax, "yref": f"{ax.replace('x', 'y')} domain",
                           "x0": epoch, "x1": epoch, "y0": 0, "y1": 1,
                           "line": {"color": "#555", "width": 1.5, "dash": "dot"}})
        if diverged_at is not None:
            shapes.append({"type": "line", "xref": ax, "yref": f"{ax.replace('x', 'y')} domain",
                           "x0": diverged_at, "x1": diverged_at, "y0": 0, "y1": 1,
                           "line": {"color": "#c62828", "width": 2}})
            notes.append({"x": diverged_at, "xref": ax, "y": 1, "yref": "paper",
                          "text": labels["diverged"], "showarrow": False, "yanchor": "bottom",
                          "font": {"color": "#c62828"}})
    notes += [
        {"x": (a0 + a1) / 2, "y": 1.02, "xref": "paper", "yref": "paper", "text": f"<b>{labels['Loss']}</b>",
         "showarrow": False, "yanchor": "bottom"},
        {"x": (b0 + b1) / 2, "y": 1.02, "xref": "paper", "yref": "paper",
         "text": f"<b>{labels['Accuracy']}</b>", "showarrow": False, "yanchor": "bottom"},
    ]
    return _figure(data, _base_layout(
        height, shapes=shapes or None, annotations=notes, meta=wrap(),
        xaxis={**GRID_AXIS, "domain": [a0, a1], "title": {"text": labels["epoch"]}},
        yaxis={**GRID_AXIS, "rangemode": "tozero"},
        xaxis2={**GRID_AXIS, "domain": [b0, b1], "title": {"text": labels["epoch"]}},
        yaxis2={**GRID_AXIS, "anchor": "x2", "range": [0, 1.02], "tickformat": ".0%"},
        # the legend at the chart's bottom edge, under the axis titles (at y = -0.25 of the
        # plot it ran over them when the plot was short or the text large)
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom",
                "x": 0.5, "xanchor": "center"},
        margin={"l": 55, "r": 15, "t": 35, "b": 80},
    ))


# ---------------------------------------------------------------------------------------------
# Confusion matrix and weight histograms
# ---------------------------------------------------------------------------------------------


def confusion_figure(cm: np.ndarray, classes=None, height: int = 340, *, labels) -> go.Figure:
    """Counts with row = true class, column = predicted class; the diagonal is what's right."""
    C = cm.shape[0]
    names = [class_name(labels, k, classes) for k in range(C)]
    data = [dict(type="heatmap",
        z=cm, x=names, y=names, colorscale=BLUES, showscale=False, texttemplate="%{z}",
        textfont={"size": 16 if C <= 5 else 12}, xgap=2, ygap=2,
        hovertemplate=f"{labels['true']} %{{y}}, {labels['predicted']} %{{x}}: %{{z}}<extra></extra>",
    )]
    return _figure(data, _base_layout(
        height, xaxis={"title": {"text": labels["predicted"]}, "side": "bottom", "showgrid": False},
        yaxis={"title": {"text": labels["true"]}, "autorange": "reversed", "showgrid": False},
        margin={"l": 80, "r": 10, "t": 15, "b": 55},
    ))


def weight_hist_figure(
    hists: list[dict], height: int | None = None, per_row: int = 4, *, labels
) -> go.Figure:
    """One small bar chart of weight values per layer (counts binned in nncore)."""
    n = len(hists)
    cols = min(per_row, max(n, 1))
    rows = int(np.ceil(n / cols)) if n else 1
    xdom = _panel_axes(cols, gap=0.05)
    ygap = 0.16
    yh = (1 - ygap * (rows - 1)) / rows
    data: list[dict] = []
    layout: dict = {}
    notes = []
    for i, h in enumerate(hists):
        r, c = divmod(i, cols)
        ax = "" if i == 0 else str(i + 1)
        edges, counts = np.asarray(h["edges"]), np.asarray(h["counts"])
        data.append(dict(type="bar",
            x=(edges[:-1] + edges[1:]) / 2, y=counts, width=np.diff(edges), xaxis=f"x{ax}",
            yaxis=f"y{ax}", marker={"color": "#4c72b0", "line": {"width": 0}}, showlegend=False,
            hovertemplate=f"W ≈ %{{x:.3f}}: %{{y}} {labels['weights']}<extra></extra>",
        ))
        y1 = 1 - r * (yh + ygap)
        layout[f"xaxis{ax}"] = {**GRID_AXIS, "domain": list(xdom[c]), "anchor": f"y{ax}",
                                "nticks": 4}
        layout[f"yaxis{ax}"] = {**GRID_AXIS, "domain": [y1 - yh, y1], "anchor": f"x{ax}",
                                "nticks": 4}
        notes.append({"x": sum(xdom[c]) / 2, "y": y1, "xref": "paper", "yref": "paper",
                      "yanchor": "bottom", "showarrow": False,
                      "text": f"<b>W{h['layer']}</b> σ={h['std']:.2g}"})
    height = height or 60 + 190 * rows
    return _figure(data, _base_layout(
        height, annotations=notes, bargap=0, margin={"l": 45, "r": 10, "t": 30, "b": 30}, **layout
    ))
