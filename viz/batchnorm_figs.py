"""Figures of the batch normalization lab. Pure: arrays + label strings -> go.Figure.

Histograms arrive as bin counts (binned in nncore.bnlab); a diverged grid cell arrives as a
flag and is drawn as a grey cell with a ×, never as a NaN.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

PLAIN, BN = "#8c8c8c", "#1f5fa8"  # without / with batch norm
AFTER = "#d95f02"  # after normalization
FONT = {"size": 14}
DIVERGED_BG = "#cfcfcf"


def _base(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(height=height, font=FONT, margin={"l": 60, "r": 20, "t": 50, "b": 50},
                      legend={"orientation": "h", "y": -0.22, "x": 0}, template="plotly_white")
    return fig


def training_curves(epochs: Sequence, curves: dict, labels: dict) -> go.Figure:
    """Loss and accuracy per epoch. ``curves``: {"plain"|"bn": (loss, acc)} (arrays as long as
    that net's recorded epochs); labels: plain, bn, loss, acc, epoch."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=(labels["loss"], labels["acc"]),
                        horizontal_spacing=0.1)
    for key, color in (("plain", PLAIN), ("bn", BN)):
        loss, acc = curves[key]
        x = np.asarray(epochs[: len(loss)], dtype=float)
        for col, y in ((1, loss), (2, acc)):
            fig.add_trace(go.Scatter(
                x=x, y=np.asarray(y, dtype=float), mode="lines+markers", marker={"size": 4},
                line={"color": color, "width": 2.5}, name=labels[key], legendgroup=key,
                showlegend=col == 1,
            ), row=1, col=col)  # fmt: skip
    fig.update_xaxes(title_text=labels["epoch"])
    fig.update_yaxes(range=[0, 1.02], row=1, col=2)
    fig.update_yaxes(rangemode="tozero", row=1, col=1)
    return _base(fig, 360)


def distributions(panels: Sequence[tuple], labels: dict) -> go.Figure:
    """Side-by-side histograms. ``panels``: (title, counts (bins,), edges (bins+1,), colour);
    bar height = share of the values. labels: x, y."""
    fig = make_subplots(rows=1, cols=len(panels), subplot_titles=[p[0] for p in panels],
                        horizontal_spacing=0.06)
    for i, (title, counts, edges, color) in enumerate(panels, start=1):
        counts = np.asarray(counts, dtype=float)
        share = counts / max(counts.sum(), 1.0)
        centres = 0.5 * (edges[:-1] + edges[1:])
        fig.add_trace(go.Bar(
            x=centres, y=share, width=np.diff(edges), marker={"color": color},
            name=title, showlegend=False,
            hovertemplate="%{x:.3g}: %{y:.1%}<extra></extra>",
        ), row=1, col=i)  # fmt: skip
        fig.update_xaxes(title_text=labels["x"], range=[edges[0], edges[-1]], row=1, col=i)
    fig.update_yaxes(tickformat=".0%")
    fig.update_yaxes(title_text=labels["y"], row=1, col=1)
    fig.update_layout(bargap=0)
    fig.update_annotations(font={"size": 13})
    return _base(fig, 330)


def gamma_beta(gamma: np.ndarray, beta: np.ndarray, labels: dict) -> go.Figure:
    """γ and β of one layer, one pair of bars per unit; dotted lines at the start values."""
    units = np.arange(1, len(gamma) + 1)
    fig = go.Figure([
        go.Bar(x=units, y=np.asarray(gamma, float), name="γ", marker={"color": BN}),
        go.Bar(x=units, y=np.asarray(beta, float), name="β", marker={"color": AFTER}),
    ])  # fmt: skip
    for y0 in (0.0, 1.0):
        fig.add_hline(y=y0, line={"dash": "dot", "color": "#555", "width": 1})
    fig.update_layout(title=labels["title"], barmode="group",
                      xaxis={"title": labels["unit"], "dtick": 1 if len(units) <= 32 else None},
                      yaxis={"title": labels["value"]})
    return _base(fig, 300)


def running_stats(steps: np.ndarray, series: dict, labels: dict) -> go.Figure:
    """Running mean/variance against the whole data set's, over steps, two panels.
    ``series``: run_mean, data_mean, run_var, data_var (arrays over steps)."""
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.1,
                        subplot_titles=(labels["mean_panel"], labels["var_panel"]))
    x = np.asarray(steps, dtype=float)
    for col, (run, data) in enumerate((("run_mean", "data_mean"), ("run_var", "data_var")), 1):
        fig.add_trace(go.Scatter(x=x, y=series[data], mode="lines", name=labels[data],
                                 line={"color": PLAIN, "width": 2}), row=1, col=col)
        fig.add_trace(go.Scatter(x=x, y=series[run], mode="lines", name=labels[run],
                                 line={"color": BN, "width": 2.5}), row=1, col=col)
    fig.update_xaxes(title_text=labels["step"])
    fig.update_layout(title=labels["title"])
    fig.update_annotations(font={"size": 13})
    return _base(fig, 360)


def robustness_heatmaps(lrs: Sequence[str], scales: Sequence[str], grids: dict,
                        labels: dict, cap: float) -> go.Figure:
    """Two heatmaps (without / with BN), shared colour scale: final loss capped at ``cap``.
    ``grids``: {"plain"|"bn": {"loss": (S, R), "diverged": (S, R) bool, "hover": (S, R) str}},
    rows = weight scales, columns = learning rates. A diverged cell is a gap on a grey
    background with an × marker and its own hover text."""
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.12,
                        subplot_titles=(labels["plain"], labels["bn"]))
    for col, key in enumerate(("plain", "bn"), start=1):
        g = grids[key]
        div = np.asarray(g["diverged"], dtype=bool)
        loss = np.minimum(np.asarray(g["loss"], dtype=float), cap)
        z = [[None if div[i, j] else float(loss[i, j]) for j in range(len(lrs))]
             for i in range(len(scales))]
        fig.add_trace(go.Heatmap(
            x=list(lrs), y=list(scales), z=z, zmin=0.0, zmax=cap, colorscale="Viridis",
            text=g["hover"].tolist(), hovertemplate="%{text}<extra></extra>", hoverongaps=False,
            showscale=col == 2, xgap=1, ygap=1,
            colorbar={"title": {"text": labels["color"], "side": "right"}, "len": 0.9},
        ), row=1, col=col)  # fmt: skip
        ii, jj = np.nonzero(div)
        if ii.size:
            fig.add_trace(go.Scatter(
                x=[lrs[j] for j in jj], y=[scales[i] for i in ii], mode="markers",
                marker={"symbol": "x", "size": 14, "color": "#333"}, name=labels["diverged"],
                text=[g["hover"][i, j] for i, j in zip(ii, jj, strict=True)],
                hovertemplate="%{text}<extra></extra>", legendgroup="div",
                showlegend=key == "plain" or not np.asarray(grids["plain"]["diverged"]).any(),
            ), row=1, col=col)  # fmt: skip
        fig.update_xaxes(title_text=labels["x"], type="category", row=1, col=col)
        fig.update_yaxes(title_text=labels["y"] if col == 1 else None, type="category",
                         row=1, col=col)
    fig.update_xaxes(showgrid=False)
    fig.update_yaxes(showgrid=False)
    fig.update_layout(plot_bgcolor=DIVERGED_BG)
    fig.update_annotations(font={"size": 13})
    return _base(fig, 420)
