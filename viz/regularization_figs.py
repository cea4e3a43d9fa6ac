"""Figures of the overfitting page: arrays + label strings in, plotly Figures out (no Streamlit).

Small multiples are one figure with manually placed axes. Decision maps are indexed-PNG layout
images (viz.raster), so a slider step swaps pictures instead of re-drawing traces. Every word a
figure shows comes in as an argument (the page's string table).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from viz.compat import fast_figure
from viz.phone import wrap
from viz.playground_figs import AXIS, CLASS_COLORS, FONT, GRID_AXIS, boundary_png
from viz.raster import PIXELATED, cell_edges, plane_image

TRAIN_COLOR, TEST_COLOR = "#1f77b4", "#d62728"
GAP_FILL = "rgba(214,39,40,0.13)"
METHOD_COLORS = {"none": "#d62728", "dropout": "#9467bd", "l2": "#2ca02c", "l1": "#ff7f0e",
                 "early": "#1f77b4", "l1_sub": "#8c564b", "l1_prox": "#ff7f0e"}
GREY = "#c3c8d2"


def _figure(data: list[dict], layout: dict) -> go.Figure:
    """A Figure without plotly.py's validation (tests/viz validates every builder)."""
    return fast_figure(data, _clear_titles(layout))


def _clear_titles(layout: dict) -> dict:
    """Axis titles clear of the tick labels, and a legend under the plot below the x titles,
    at any text size (lecture mode enlarges the text, not the margins): the axes push the
    margins (automargin) and such a legend sits at the bottom of the figure."""
    layout = dict(layout)
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            title = axis.get("title")
            axis = {**axis, "automargin": True}
            if isinstance(title, dict) and "standoff" not in title:
                axis["title"] = {**title, "standoff": 10 if key.startswith("y") else 6}
            layout[key] = axis
    legend = layout.get("legend") or {}
    if legend.get("orientation") == "h" and legend.get("y", 0) < 0:
        layout["legend"] = {**legend, "yref": "container", "y": 0, "yanchor": "bottom"}
        margin = layout.get("margin") or {}
        layout["margin"] = {**margin, "b": margin.get("b", 80) + 20}
    return layout


def _layout(height: int, **kw) -> dict:
    # the legend sits under the x-axis titles (yanchor top at -0.2 of the plot height)
    return {"height": height, "margin": {"l": 65, "r": 15, "t": 50, "b": 95}, "font": FONT,
            "template": {}, "plot_bgcolor": "white", "paper_bgcolor": "white",
            "legend": {"orientation": "h", "y": -0.2, "x": 0.5, "xanchor": "center",
                       "yanchor": "top"},
            **kw}


def _domains(n: int, gap: float = 0.07) -> list[list[float]]:
    w = (1 - gap * (n - 1)) / n
    return [[i * (w + gap), i * (w + gap) + w] for i in range(n)]


def _ax(i: int) -> str:
    return "" if i == 0 else str(i + 1)


def _title(text: str, x: float, y: float = 1.0) -> dict:
    return {"text": text, "x": x, "y": y, "xref": "paper", "yref": "paper", "showarrow": False,
            "xanchor": "center", "yanchor": "bottom", "font": {"size": 15}}


# ---------------------------------------------------------------------------------------------
# Curves
# ---------------------------------------------------------------------------------------------


def curves_figure(epochs: np.ndarray, hist: dict, epoch: int, L: dict) -> go.Figure:
    """Loss (train, test, the gap shaded) and accuracy side by side, a line at ``epoch``.

    ``L``: labels "loss_title", "acc_title", "epoch", "loss", "acc", "train", "test", "gap"."""
    x = epochs.astype(float)
    d = _domains(2, 0.1)
    data = [
        {"type": "scatter", "x": x, "y": hist["train_loss"], "name": L["train"],
         "line": {"color": TRAIN_COLOR, "width": 2}, "legendgroup": "tr"},
        {"type": "scatter", "x": x, "y": hist["test_loss"], "name": L["gap"], "fill": "tonexty",
         "fillcolor": GAP_FILL, "line": {"color": TEST_COLOR, "width": 2}, "legendgroup": "te"},
        {"type": "scatter", "x": x, "y": hist["train_acc"], "xaxis": "x2", "yaxis": "y2",
         "line": {"color": TRAIN_COLOR, "width": 2}, "showlegend": False, "name": L["train"]},
        {"type": "scatter", "x": x, "y": hist["test_acc"], "xaxis": "x2", "yaxis": "y2",
         "name": L["test"], "line": {"color": TEST_COLOR, "width": 2}, "showlegend": False},
    ]
    top = float(max(np.max(hist["test_loss"]), np.max(hist["train_loss"]))) * 1.05
    shapes = [{"type": "line", "xref": f"x{_ax(i)}", "yref": f"y{_ax(i)} domain", "x0": epoch,
               "x1": epoch, "y0": 0, "y1": 1, "line": {"color": "#262730", "dash": "dot"}}
              for i in range(2)]
    return _figure(data, _layout(
        380, shapes=shapes, hovermode="x unified", meta=wrap(),
        annotations=[_title(L["loss_title"], sum(d[0]) / 2), _title(L["acc_title"], sum(d[1]) / 2)],
        xaxis={**GRID_AXIS, "domain": d[0], "title": {"text": L["epoch"]}},
        yaxis={**GRID_AXIS, "title": {"text": L["loss"]}, "range": [0, top]},
        xaxis2={**GRID_AXIS, "domain": d[1], "title": {"text": L["epoch"]}, "anchor": "y2"},
        yaxis2={**GRID_AXIS, "title": {"text": L["acc"]}, "anchor": "x2", "range": [0, 1.02],
                "tickformat": ".0%"},
    ))


def compare_figure(curves: dict, names: dict, best_epoch: int, L: dict,
                   top: float | None = None) -> go.Figure:
    """Every remedy's test loss (solid) and train loss (dotted) on the same axes; early stopping
    is the plain run cut at its best held-out epoch (a marker there). ``top``: the loss axis
    ends there (a diverged run's curve leaves the plot instead of flattening the others).

    ``curves``: method -> (epochs, train_loss, test_loss); ``names``: method -> legend name."""
    data = []
    for m, (ep, tr, te) in curves.items():
        c = METHOD_COLORS[m]
        if m == "early":
            k = int(np.flatnonzero(ep == best_epoch)[0])
            data.append({"type": "scatter", "x": [float(best_epoch)], "y": [float(te[k])],
                         "mode": "markers", "name": names[m],
                         "marker": {"size": 13, "color": c, "symbol": "x"}})
            continue
        x = ep.astype(float)
        data.append({"type": "scatter", "x": x, "y": te, "name": names[m], "legendgroup": m,
                     "line": {"color": c, "width": 2.2}})
        data.append({"type": "scatter", "x": x, "y": tr, "name": f"{names[m]} ({L['train']})",
                     "legendgroup": m, "showlegend": False,
                     "line": {"color": c, "width": 1.4, "dash": "dot"}})
    return _figure(data, _layout(
        400, title={"text": L["title"], "x": 0.01}, hovermode="x unified",
        legend={"orientation": "v", "x": 1.01, "y": 1, "xanchor": "left"},
        margin={"l": 55, "r": 10, "t": 50, "b": 45},
        xaxis={**GRID_AXIS, "title": {"text": L["epoch"]}},
        yaxis={**GRID_AXIS, "title": {"text": L["loss"]},
               **({"range": [0, top]} if top else {"rangemode": "tozero"})},
    ))


# ---------------------------------------------------------------------------------------------
# Decision maps
# ---------------------------------------------------------------------------------------------


def _points(X: np.ndarray, y: np.ndarray, xa: str, ya: str, L: dict, size: int = 8,
            test: bool = False, legend: bool = True) -> list[dict]:
    out = []
    for c in (0, 1):
        m = y == c
        color = CLASS_COLORS[c]
        marker = ({"size": size - 2, "color": "rgba(255,255,255,0.6)",
                   "line": {"width": 1.2, "color": color}} if test else
                  {"size": size, "color": color, "line": {"width": 1, "color": "white"}})
        name = L["class"].format(k=c) + (f" ({L['test']})" if test else "")
        out.append({"type": "scatter", "x": X[m, 0], "y": X[m, 1], "mode": "markers",
                    "xaxis": xa, "yaxis": ya, "name": name, "marker": marker,
                    "showlegend": legend, "hovertemplate": name + "<br>x₁=%{x:.2f}, "
                    "x₂=%{y:.2f}<extra></extra>"})
    return out


def boundary_figure(xs: np.ndarray, proba: np.ndarray, X: np.ndarray, y: np.ndarray,
                    Xt: np.ndarray, yt: np.ndarray, L: dict) -> go.Figure:
    """The decision map (P(class 1), orange–white–blue) with the training points (filled) and
    the held-out points (rings). ``L``: "title", "class", "test"."""
    lo, hi = cell_edges(xs)
    data = _points(Xt, yt, "x", "y", L, test=True) + _points(X, y, "x", "y", L, size=10)
    return _figure(data, _layout(
        520, title={"text": L["title"], "x": 0.01}, meta=PIXELATED,
        images=[plane_image(boundary_png(proba, False), lo, hi, lo, hi)],
        margin={"l": 45, "r": 10, "t": 50, "b": 90},
        xaxis={**AXIS, "range": [lo, hi], "constrain": "domain", "title": {"text": "x₁"}},
        yaxis={**AXIS, "range": [lo, hi], "scaleanchor": "x", "constrain": "domain",
               "title": {"text": "x₂"}},
    ))


def thumbnails_figure(xs: np.ndarray, probas: Sequence[np.ndarray], titles: Sequence[str],
                      X: np.ndarray, y: np.ndarray, L: dict) -> go.Figure:
    """One small decision map per remedy, the training points on each."""
    n = len(probas)
    lo, hi = cell_edges(xs)
    d = _domains(n, 0.02)
    data, images, notes, axes = [], [], [], {}
    for i, (p, t) in enumerate(zip(probas, titles, strict=True)):
        a = _ax(i)
        data += _points(X, y, f"x{a}", f"y{a}", L, size=6, legend=False)
        images.append(plane_image(boundary_png(p, False), lo, hi, lo, hi, f"x{a}", f"y{a}"))
        notes.append(_title(t, sum(d[i]) / 2))
        axes[f"xaxis{a}"] = {**AXIS, "domain": d[i], "range": [lo, hi], "showticklabels": False,
                             "ticks": "", "anchor": f"y{a}", "constrain": "domain"}
        axes[f"yaxis{a}"] = {**AXIS, "range": [lo, hi], "showticklabels": False, "ticks": "",
                             "anchor": f"x{a}", "scaleanchor": f"x{a}",
                             "constrain": "domain"}
    # on a phone: two maps a row (ui/assets/live_chart.js wrapPanels), not five of 64 px
    meta = PIXELATED | wrap(140, 45)
    return _figure(data, _layout(250, images=images, annotations=notes, meta=meta,
                                 showlegend=False, margin={"l": 5, "r": 5, "t": 45, "b": 5},
                                 **axes))


# ---------------------------------------------------------------------------------------------
# Dropout masks on the network
# ---------------------------------------------------------------------------------------------


def masks_figure(panels: Sequence[list[np.ndarray]], titles: Sequence[str], L: dict,
                 shown: int = 10) -> go.Figure:
    """A [2, shown, shown, 2] drawing of the net per panel: kept units and their edges in
    colour, dropped units (mask 0) and their edges grey. ``panels``: per panel one bool keep
    mask per hidden layer (the first ``shown`` units are drawn)."""
    n = len(panels)
    d = _domains(n, 0.03)
    data, notes, axes = [], [], {}
    for i, (masks, t) in enumerate(zip(panels, titles, strict=True)):
        a = _ax(i)
        cols = [np.ones(2, bool), masks[0][:shown], masks[1][:shown], np.ones(2, bool)]
        ys = [np.linspace(-1, 1, len(c)) * (0.35 if len(c) == 2 else 1) for c in cols]
        kept_xy: list = [[], []]
        drop_xy: list = [[], []]
        for j in range(3):
            for u, on_u in enumerate(cols[j]):
                for v, on_v in enumerate(cols[j + 1]):
                    tgt = kept_xy if on_u and on_v else drop_xy
                    tgt[0] += [j, j + 1, None]
                    tgt[1] += [ys[j][u], ys[j + 1][v], None]
        for (ex, ey), color, w in ((drop_xy, "rgba(195,200,210,0.35)", 0.6),
                                   (kept_xy, "rgba(31,119,180,0.45)", 0.8)):
            data.append({"type": "scatter", "x": ex, "y": ey, "mode": "lines", "xaxis": f"x{a}",
                         "yaxis": f"y{a}", "line": {"color": color, "width": w},
                         "hoverinfo": "skip", "showlegend": False})
        for on in (True, False):
            px = [j for j, c in enumerate(cols) for u in range(len(c)) if bool(c[u]) == on]
            py = [ys[j][u] for j, c in enumerate(cols) for u in range(len(c)) if bool(c[u]) == on]
            data.append({"type": "scatter", "x": px, "y": py, "mode": "markers",
                         "xaxis": f"x{a}", "yaxis": f"y{a}", "hoverinfo": "skip",
                         "name": L["kept"] if on else L["dropped"], "showlegend": i == 0,
                         "marker": {"size": 11, "color": "#1f77b4" if on else "white",
                                    "line": {"width": 1.5, "color": "#1f77b4" if on else GREY}}})
        notes.append(_title(t, sum(d[i]) / 2))
        axes[f"xaxis{a}"] = {"domain": d[i], "visible": False, "range": [-0.3, 3.3],
                             "anchor": f"y{a}"}
        axes[f"yaxis{a}"] = {"visible": False, "range": [-1.15, 1.15], "anchor": f"x{a}"}
    return _figure(data, _layout(330, annotations=notes, margin={"l": 5, "r": 5, "t": 45, "b": 40},
                                 legend={"orientation": "h", "y": -0.02, "x": 0.5,
                                         "xanchor": "center", "yanchor": "top"}, **axes))


# ---------------------------------------------------------------------------------------------
# L1 vs L2: weights
# ---------------------------------------------------------------------------------------------


def histograms_figure(edges: np.ndarray, counts: dict, titles: dict, L: dict) -> go.Figure:
    """Weight histograms side by side (bars from NumPy counts), log count axis so the spike of
    zeros and the tails both show. ``counts``/``titles``: kind -> counts / panel title."""
    kinds = list(counts)
    d = _domains(len(kinds), 0.06)
    centres = 0.5 * (edges[:-1] + edges[1:])
    width = float(edges[1] - edges[0])
    data, notes, axes = [], [], {}
    top = max(float(np.max(c)) for c in counts.values())
    for i, k in enumerate(kinds):
        a = _ax(i)
        data.append({"type": "bar", "x": centres, "y": counts[k], "width": width,
                     "xaxis": f"x{a}", "yaxis": f"y{a}", "name": titles[k], "showlegend": False,
                     "marker": {"color": METHOD_COLORS[k], "line": {"width": 0}},
                     "hovertemplate": "w ≈ %{x:.3f}<br>" + L["count"] + " %{y}<extra></extra>"})
        notes.append(_title(titles[k], sum(d[i]) / 2))
        axes[f"xaxis{a}"] = {**GRID_AXIS, "domain": d[i], "anchor": f"y{a}",
                             "title": {"text": L["weight"]}}
        axes[f"yaxis{a}"] = {**GRID_AXIS, "anchor": f"x{a}", "type": "log",
                             "range": [-0.1, np.log10(top * 1.5)],
                             "title": {"text": L["count"] if i == 0 else ""}}
    return _figure(data, _layout(330, annotations=notes, bargap=0, meta=wrap(140, 110),
                                 **axes))


def sweep_figure(lams: np.ndarray, series: dict, names: dict, L: dict) -> go.Figure:
    """Left: share of weights exactly 0 (solid) and |w| < 10⁻³ (dotted) against λ; right: the
    weights' L2 norm. ``series``: kind -> {"zeros", "near", "norm"} arrays over ``lams``."""
    d = _domains(2, 0.1)
    data = []
    for k, s in series.items():
        c = METHOD_COLORS[k]
        data += [
            {"type": "scatter", "x": lams, "y": s["zeros"], "name": names[k], "legendgroup": k,
             "mode": "lines+markers", "line": {"color": c, "width": 2}},
            {"type": "scatter", "x": lams, "y": s["near"], "name": f"{names[k]} {L['near']}",
             "legendgroup": k, "mode": "lines+markers", "showlegend": False,
             "line": {"color": c, "width": 1.3, "dash": "dot"}},
            {"type": "scatter", "x": lams, "y": s["norm"], "xaxis": "x2", "yaxis": "y2",
             "legendgroup": k, "showlegend": False, "name": names[k], "mode": "lines+markers",
             "line": {"color": c, "width": 2}},
        ]
    return _figure(data, _layout(
        360, meta=wrap(), annotations=[_title(L["zeros_title"], sum(d[0]) / 2),
                          _title(L["norm_title"], sum(d[1]) / 2)],
        xaxis={**GRID_AXIS, "domain": d[0], "type": "log", "title": {"text": "λ"}},
        yaxis={**GRID_AXIS, "tickformat": ".0%", "range": [-0.02, 1.02],
               "title": {"text": L["share"]}},
        xaxis2={**GRID_AXIS, "domain": d[1], "type": "log", "title": {"text": "λ"},
                "anchor": "y2"},
        yaxis2={**GRID_AXIS, "anchor": "x2", "rangemode": "tozero",
                "title": {"text": L["norm"]}},
    ))


# ---------------------------------------------------------------------------------------------
# L1 vs L2: two-weight geometry
# ---------------------------------------------------------------------------------------------


def _ellipse(A: np.ndarray, w_star: np.ndarray, level: float, n: int = 90) -> tuple:
    """Points of {w : ½ (w − w*)ᵀ A (w − w*) = level} (an ellipse), exact."""
    vals, vecs = np.linalg.eigh(A)
    t = np.linspace(0, 2 * np.pi, n)
    circle = np.stack([np.cos(t), np.sin(t)])
    pts = w_star[:, None] + vecs @ (np.sqrt(2 * level / vals)[:, None] * circle)
    return pts[0], pts[1]


def geometry_figure(A: np.ndarray, w_star: np.ndarray, w1: np.ndarray, w2: np.ndarray,
                    path1: np.ndarray, path2: np.ndarray, levels: Sequence[float],
                    L: dict) -> go.Figure:
    """L1 (left) and L2 (right) on a two-weight quadratic loss: loss contours (exact ellipses),
    the constraint set through the penalized optimum (diamond ‖w‖₁ = ‖w_λ‖₁, circle ‖w‖₂ =
    ‖w_λ‖₂), the contour touching it, the optimum and its path as λ grows."""
    d = _domains(2, 0.08)
    data, notes, axes = [], [], {}
    t = np.linspace(0, 2 * np.pi, 121)
    for i, (w, path, kind) in enumerate(((w1, path1, "l1"), (w2, path2, "l2"))):
        a = _ax(i)
        xa, ya = f"x{a}", f"y{a}"
        for lv in levels:
            ex, ey = _ellipse(A, w_star, lv)
            data.append({"type": "scatter", "x": ex, "y": ey, "mode": "lines", "xaxis": xa,
                         "yaxis": ya, "line": {"color": "#b8c2d6", "width": 1},
                         "hoverinfo": "skip", "showlegend": False})
        q = float(0.5 * (w - w_star) @ A @ (w - w_star))
        ex, ey = _ellipse(A, w_star, max(q, 1e-12))
        data.append({"type": "scatter", "x": ex, "y": ey, "mode": "lines", "xaxis": xa,
                     "yaxis": ya, "line": {"color": "#5a6b8c", "width": 2},
                     "name": L["touch"], "showlegend": i == 0, "hoverinfo": "skip"})
        if kind == "l1":
            r = float(np.abs(w).sum())
            bx, by = [r, 0, -r, 0, r], [0, r, 0, -r, 0]
        else:
            r = float(np.sqrt(w @ w))
            bx, by = r * np.cos(t), r * np.sin(t)
        color = METHOD_COLORS["l1" if kind == "l1" else "l2"]
        data += [
            {"type": "scatter", "x": bx, "y": by, "mode": "lines", "xaxis": xa, "yaxis": ya,
             "fill": "toself", "fillcolor": "rgba(120,120,120,0.06)",
             "line": {"color": color, "width": 2}, "name": L[f"{kind}_set"], "hoverinfo": "skip"},
            {"type": "scatter", "x": path[:, 0], "y": path[:, 1], "mode": "lines", "xaxis": xa,
             "yaxis": ya, "line": {"color": color, "width": 1.5, "dash": "dot"},
             "name": L["path"], "showlegend": i == 0, "hoverinfo": "skip"},
            {"type": "scatter", "x": [w_star[0]], "y": [w_star[1]], "mode": "markers",
             "xaxis": xa, "yaxis": ya, "name": L["wstar"], "showlegend": i == 0,
             "marker": {"symbol": "x", "size": 11, "color": "#262730"},
             "hovertemplate": "w* = (%{x:.3f}, %{y:.3f})<extra></extra>"},
            {"type": "scatter", "x": [w[0]], "y": [w[1]], "mode": "markers", "xaxis": xa,
             "yaxis": ya, "name": L[f"{kind}_opt"],
             "marker": {"size": 12, "color": color, "line": {"width": 1.5, "color": "white"}},
             "hovertemplate": "w = (%{x:.4f}, %{y:.4f})<extra></extra>"},
        ]
        notes.append(_title(L[f"{kind}_title"], sum(d[i]) / 2))
        axes[f"xaxis{a}"] = {**GRID_AXIS, "domain": d[i], "range": [-0.6, 2.3],
                             "zeroline": True, "zerolinecolor": "#8a93a6", "anchor": ya,
                             "title": {"text": "w₁"}}
        axes[f"yaxis{a}"] = {**GRID_AXIS, "range": [-0.9, 1.3], "zeroline": True,
                             "zerolinecolor": "#8a93a6", "anchor": xa, "scaleanchor": xa,
                             "title": {"text": "w₂"}}
    layout = _layout(480, annotations=notes, meta=wrap(), **axes)
    layout["margin"]["b"] = 130  # three legend rows under the axis titles
    layout["legend"]["y"] = -0.24
    return _figure(data, layout)
