"""Figures of the batch normalization lab. Pure: arrays + label strings -> go.Figure.

Histograms arrive as bin counts (binned in nncore.bnlab); a diverged grid cell arrives as a
flag and is drawn as a grey cell with a ×, never as a NaN.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from viz.compat import fast_figure
from viz.phone import wrap

PLAIN, BN = "#8c8c8c", "#1f5fa8"  # without / with batch norm
AFTER = "#d95f02"  # after normalization
FONT = {"size": 14}
DIVERGED_BG = "#cfcfcf"
GRID = "#e6e6e6"


def _figure(data: list, layout: dict) -> go.Figure:
    """A go.Figure from plain dicts, without plotly.py's per-property validation and without
    a template (make_subplots + update_* took 25-150 ms per figure on this machine, most of a
    view-only rerun); the viz tests rebuild every figure with validation on."""
    base = {"font": FONT, "margin": {"l": 60, "r": 20, "t": 50, "b": 50},
            "legend": {"orientation": "h", "y": -0.22, "x": 0}, "paper_bgcolor": "white",
            "plot_bgcolor": "white", "template": {}}
    layout = base | layout
    for key, axis in layout.items():  # titles clear of the tick labels at any text size
        if key.startswith(("xaxis", "yaxis")):
            title = axis.get("title")
            axis["automargin"] = True
            if isinstance(title, dict) and "standoff" not in title:
                axis["title"] = {**title, "standoff": 8}
    if "legend" in layout and layout["legend"].get("y", 0) < 0:  # below: under the x title
        layout["legend"] = {**layout["legend"], "yref": "container", "y": 0,
                            "yanchor": "bottom"}
        layout["margin"] = {**layout["margin"], "b": layout["margin"]["b"] + 30}
    return fast_figure(data, layout)


def _panels(n: int, gap: float, titles: Sequence[str], **axis) -> dict:
    """Layout entries for n side-by-side panels (xaxis, xaxis2, ...; yaxis, yaxis2, ...) with
    their titles as annotations (what make_subplots would write)."""
    width = (1.0 - gap * (n - 1)) / n
    # on a phone the panels stack (ui/assets/live_chart.js wrapPanels) instead of ~70 px each
    out: dict = {"annotations": [], "meta": wrap()}
    for i in range(n):
        sx = "" if i == 0 else str(i + 1)
        lo = i * (width + gap)
        out[f"xaxis{sx}"] = {"domain": [lo, lo + width], "anchor": f"y{sx}", "gridcolor": GRID,
                             "zeroline": False, **axis}
        out[f"yaxis{sx}"] = {"anchor": f"x{sx}", "gridcolor": GRID, "zeroline": False}
        out["annotations"].append({
            "text": titles[i], "x": lo + width / 2, "y": 1.0, "xref": "paper", "yref": "paper",
            "xanchor": "center", "yanchor": "bottom", "showarrow": False, "font": {"size": 13},
        })
    return out


def _axis(i: int) -> tuple[str, str]:
    """Trace axis references of panel i (0-based): ('x', 'y'), ('x2', 'y2'), ..."""
    return ("x", "y") if i == 0 else (f"x{i + 1}", f"y{i + 1}")


def training_curves(epochs: Sequence, curves: dict, labels: dict) -> go.Figure:
    """Loss and accuracy per epoch. ``curves``: {"plain"|"bn": (loss, acc)} (arrays as long as
    that net's recorded epochs); labels: plain, bn, loss, acc, epoch."""
    data = []
    for key, color in (("plain", PLAIN), ("bn", BN)):
        loss, acc = curves[key]
        x = np.asarray(epochs[: len(loss)], dtype=float)
        for i, y in enumerate((loss, acc)):
            xa, ya = _axis(i)
            data.append({
                "type": "scatter", "x": x, "y": np.asarray(y, dtype=float), "xaxis": xa,
                "yaxis": ya, "mode": "lines+markers", "marker": {"size": 4},
                "line": {"color": color, "width": 2.5}, "name": labels[key],
                "legendgroup": key, "showlegend": i == 0,
            })
    layout = _panels(2, 0.1, (labels["loss"], labels["acc"]), title={"text": labels["epoch"]})
    layout["yaxis"]["rangemode"] = "tozero"
    layout["yaxis2"]["range"] = [0, 1.02]
    return _figure(data, layout | {"height": 360})


def distributions(panels: Sequence[tuple], labels: dict,
                  y_max: Sequence[float] | None = None) -> go.Figure:
    """Side-by-side histograms. ``panels``: (title, counts (bins,), edges (bins+1,), colour);
    height = share of the values in the bin. labels: x, y. ``y_max``: fixed top of each panel
    (the largest share over all epochs), so an epoch step only changes the y arrays and the
    live chart can animate them instead of redrawing."""
    layout = _panels(len(panels), 0.06, [p[0] for p in panels], title={"text": labels["x"]})
    data = []
    for i, (title, counts, edges, color) in enumerate(panels):
        counts = np.asarray(counts, dtype=float)
        edges = np.asarray(edges, dtype=float)
        xa, ya = _axis(i)
        share = counts / max(counts.sum(), 1.0)
        # One filled step line per panel, not 40 bars: a single SVG path is far cheaper for the
        # browser to redraw at every step of the epoch slider.
        data.append({
            "type": "scatter", "x": edges, "y": np.append(share, share[-1]), "xaxis": xa,
            "yaxis": ya, "mode": "lines", "line": {"shape": "hv", "color": color, "width": 1},
            "fill": "tozeroy", "fillcolor": color, "name": title, "showlegend": False,
            "customdata": np.append(edges[1:], edges[-1]),
            "hovertemplate": "[%{x:.3g}, %{customdata:.3g}): %{y:.1%}<extra></extra>",
        })
        layout["xaxis" + xa[1:]]["range"] = [float(edges[0]), float(edges[-1])]
        layout["yaxis" + ya[1:]]["tickformat"] = ".0%"
        if y_max is not None:
            layout["yaxis" + ya[1:]]["range"] = [0.0, float(y_max[i])]
    layout["yaxis"]["title"] = {"text": labels["y"]}
    return _figure(data, layout | {"height": 330})


def gamma_beta(gamma: np.ndarray, beta: np.ndarray, labels: dict,
               y_range: Sequence[float] | None = None) -> go.Figure:
    """γ and β of one layer, one stem per unit; dotted lines at the start values γ = 1, β = 0.
    Markers and lines (scatter), with ``y_range`` fixed over all epochs, so a new epoch only
    moves the y arrays and the live chart can animate them instead of redrawing."""
    n = len(gamma)
    data = []
    for values, name, color, shift in ((gamma, "γ", BN, -0.15), (beta, "β", AFTER, 0.15)):
        x = np.arange(1, n + 1, dtype=float) + shift
        base = 1.0 if name == "γ" else 0.0
        stems_x = np.repeat(x, 3)
        stems_y = np.stack([np.full(n, base), np.asarray(values, float),
                            np.full(n, base)], axis=1).ravel()
        data.append({"type": "scatter", "x": stems_x, "y": stems_y, "mode": "lines",
                     "line": {"color": color, "width": 2}, "hoverinfo": "skip",
                     "showlegend": False, "legendgroup": name})
        data.append({"type": "scatter", "x": x, "y": np.asarray(values, float),
                     "mode": "markers", "marker": {"color": color, "size": 9}, "name": name,
                     "legendgroup": name,
                     "hovertemplate": f"{name} = %{{y:.4g}}<extra></extra>"})
    lines = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": v, "y1": v,
              "line": {"dash": "dot", "color": "#555", "width": 1}} for v in (0.0, 1.0)]
    xaxis = {"title": {"text": labels["unit"]}, "gridcolor": GRID, "range": [0.4, n + 0.6]}
    if n <= 32:
        xaxis["dtick"] = 1
    yaxis = {"title": {"text": labels["value"]}, "gridcolor": GRID, "zeroline": False}
    if y_range is not None:
        yaxis["range"] = [float(y_range[0]), float(y_range[1])]
    layout = {"title": {"text": labels["title"]}, "shapes": lines, "xaxis": xaxis,
              "yaxis": yaxis, "height": 300}
    return _figure(data, layout)


def running_stats(steps: np.ndarray, series: dict, labels: dict) -> go.Figure:
    """Running mean/variance against the whole data set's, over steps, two panels.
    ``series``: run_mean, data_mean, run_var, data_var (arrays over steps)."""
    x = np.asarray(steps, dtype=float)
    data = []
    for i, (run, dat) in enumerate((("run_mean", "data_mean"), ("run_var", "data_var"))):
        xa, ya = _axis(i)
        for key, color, width in ((dat, PLAIN, 2), (run, BN, 2.5)):
            data.append({"type": "scatter", "x": x, "y": np.asarray(series[key], float),
                         "xaxis": xa, "yaxis": ya, "mode": "lines", "name": labels[key],
                         "line": {"color": color, "width": width}})
    layout = _panels(2, 0.1, (labels["mean_panel"], labels["var_panel"]),
                     title={"text": labels["step"]})
    return _figure(data, layout | {"title": {"text": labels["title"]}, "height": 360,
                                   "margin": {"l": 60, "r": 20, "t": 80, "b": 50}})


def robustness_heatmaps(lrs: Sequence[str], scales: Sequence[str], grids: dict,
                        labels: dict, cap: float) -> go.Figure:
    """Two heatmaps (without / with BN), shared colour scale: final loss capped at ``cap``.
    ``grids``: {"plain"|"bn": {"loss": (S, R), "diverged": (S, R) bool, "hover": (S, R) str}},
    rows = weight scales, columns = learning rates. A diverged cell is a gap on a grey
    background with an × marker and its own hover text; an optional "pending" mask (cells not
    computed yet, while the grid fills in) leaves gaps without a marker."""
    layout = _panels(2, 0.12, (labels["plain"], labels["bn"]), type="category",
                     title={"text": labels["x"]}, showgrid=False)
    data = []
    any_plain = bool(np.asarray(grids["plain"]["diverged"]).any())
    for col, key in enumerate(("plain", "bn")):
        g = grids[key]
        div = np.asarray(g["diverged"], dtype=bool)
        gap = div | np.asarray(g.get("pending", np.zeros_like(div)), dtype=bool)
        loss = np.minimum(np.asarray(g["loss"], dtype=float), cap)
        z = [[None if gap[i, j] else float(loss[i, j]) for j in range(len(lrs))]
             for i in range(len(scales))]
        xa, ya = _axis(col)
        data.append({
            "type": "heatmap", "x": list(lrs), "y": list(scales), "z": z, "zmin": 0.0,
            "zmax": cap, "colorscale": "Viridis", "xaxis": xa, "yaxis": ya,
            "text": g["hover"].tolist(), "hovertemplate": "%{text}<extra></extra>",
            "hoverongaps": False, "showscale": col == 1, "xgap": 1, "ygap": 1,
            "colorbar": {"title": {"text": labels["color"], "side": "right"}, "len": 0.9},
        })
        ii, jj = np.nonzero(div)
        if ii.size:
            data.append({
                "type": "scatter", "x": [lrs[j] for j in jj], "y": [scales[i] for i in ii],
                "xaxis": xa, "yaxis": ya, "mode": "markers",
                "marker": {"symbol": "x", "size": 14, "color": "#333"},
                "name": labels["diverged"], "legendgroup": "div",
                "text": [g["hover"][i, j] for i, j in zip(ii, jj, strict=True)],
                "hovertemplate": "%{text}<extra></extra>",
                "showlegend": key == "plain" or not any_plain,
            })
        layout["yaxis" + ya[1:]].update(type="category", showgrid=False)
    layout["yaxis"]["title"] = {"text": labels["y"]}
    # r: room for the colour bar's rotated title, which Plotly's margins do not count
    return _figure(data, layout | {"height": 420, "plot_bgcolor": DIVERGED_BG,
                                   "margin": {"l": 60, "r": 60, "t": 50, "b": 50}})
