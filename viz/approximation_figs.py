"""Figures of the universal-approximation page: hand-built ramps/bumps and their sum, the trained
fit with its knots, error against N (log-log), deep vs shallow on the tent-map sawtooth, and
pieces against units. Pure functions: arrays and label strings in, plotly Figure out.

Labels come in a dict ``L`` (keys listed per builder) so the page passes them in its language.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

Array = np.ndarray

TARGET = "#555555"
SUM = "#D55E00"
FIT = "#0072B2"
DEEP = "#009E73"
SHALLOW = "#CC79A7"
BOUND = "#777777"
BEST = "#7B3294"
UNIT_COLORS = ["#56B4E9", "#E69F00", "#009E73", "#F0E442", "#0072B2", "#CC79A7", "#999999",
               "#D55E00"]
FONT = dict(size=14)
HEIGHT = 380


def _layout(title: str, xtitle: str, ytitle: str, **extra) -> dict:
    return dict(
        title=dict(text=title, x=0.01, xanchor="left"), height=HEIGHT, font=FONT,
        # the legend at the figure's bottom edge, margins grown to fit: with a projector's
        # larger type (lecture mode) the axis title and the legend do not overprint
        margin=dict(l=60, r=20, t=50, b=50), xaxis=dict(title=dict(text=xtitle), automargin=True),
        yaxis=dict(title=dict(text=ytitle), automargin=True),
        legend=dict(orientation="h", yref="container", y=0.01, yanchor="bottom", x=0),
        template="plotly_white", **extra,
    )


def _line(x, y, name, color, width=2.5, dash=None, hover=None, **kw) -> go.Scatter:
    return go.Scatter(x=np.asarray(x, dtype=np.float32), y=np.asarray(y, dtype=np.float32),
                      mode="lines", name=name, line=dict(color=color, width=width, dash=dash),
                      hovertemplate=hover, **kw)


def _knot_marks(knots: Array, y: float, name: str, color: str) -> go.Scatter:
    return go.Scatter(x=np.asarray(knots, dtype=np.float32), y=np.full(len(knots), y, np.float32),
                      mode="markers", name=name, marker=dict(symbol="triangle-up", size=9,
                                                              color=color),
                      hovertemplate="x = %{x:.3f}<extra>" + name + "</extra>")


def _low(*arrays: Array) -> float:
    lo = min(float(np.min(a)) for a in arrays)
    hi = max(float(np.max(a)) for a in arrays)
    return lo - 0.08 * max(hi - lo, 1e-9)


def construct_figure(x: Array, target: Array, total: Array, parts: Sequence[Array],
                     part_names: Sequence[str], knots: Array, L: dict) -> go.Figure:
    """Target, a few units' terms (thin), their sum (thick) and the knots on the axis.
    L: title, x, y, target, sum, knots, units (the terms' one legend entry: each term's own
    formula is its hover text, so the legend stays four entries long, also on a phone)."""
    data = [_line(x, p, L["units"], UNIT_COLORS[i % len(UNIT_COLORS)], width=1.5, dash="dot",
                  hover="%{y:.3f}<extra>" + nm + "</extra>", legendgroup="units",
                  showlegend=i == 0)
            for i, (p, nm) in enumerate(zip(parts, part_names, strict=True))]
    data += [_line(x, target, L["target"], TARGET, width=3),
             _line(x, total, L["sum"], SUM, width=2.5)]
    # the view frames the target and the sum: single ramps run off it (that is the point)
    lo, hi = min(np.min(target), np.min(total)), max(np.max(target), np.max(total))
    pad = 0.25 * max(hi - lo, 1e-6)
    data.append(_knot_marks(knots, lo - 0.8 * pad, L["knots"], SUM))
    fig = go.Figure(data=data, layout=_layout(L["title"], L["x"], L["y"]))
    fig.update_yaxes(range=[lo - pad, hi + pad])
    return fig


def fit_figure(x: Array, target: Array, xs: Array, ys: Array | None, fit: Array, knots: Array,
               L: dict) -> go.Figure:
    """Target, noisy samples (if any), the trained net and its knots/centres on the axis.
    L: title, x, y, target, samples, fit, knots."""
    data = [_line(x, target, L["target"], TARGET, width=3)]
    if ys is not None:
        data.append(go.Scatter(x=np.asarray(xs, np.float32), y=np.asarray(ys, np.float32),
                               mode="markers", name=L["samples"],
                               marker=dict(size=4, color="rgba(80,80,80,0.45)")))
    data.append(_line(x, fit, L["fit"], FIT))
    low = _low(target, fit, *([ys] if ys is not None else []))
    data.append(_knot_marks(knots, low, L["knots"], FIT))
    return go.Figure(data=data, layout=_layout(L["title"], L["x"], L["y"]))


def loss_figure(steps: Array, loss: Array, L: dict) -> go.Figure:
    """Training loss (MSE) per step on a log axis. L: title, x, y, loss."""
    fig = go.Figure(data=[_line(steps, np.maximum(loss, 1e-16), L["loss"], FIT)],
                    layout=_layout(L["title"], L["x"], L["y"]))
    fig.update_yaxes(type="log", exponentformat="power", dtick=1)  # powers of 10 only
    fig.update_layout(showlegend=False, height=300)
    return fig


def error_figure(ns: Array, err: Array, bound: Array | None, stair_ns: Array | None,
                 stair_err: Array | None, current: tuple[int, float],
                 trained: tuple[int, float] | None, L: dict,
                 best: tuple[Array, Array] | None = None,
                 ref: tuple[Array, Array] | None = None) -> go.Figure:
    """Max error against N, log-log: the ReLU interpolant, its h²·max|f''|/8 bound, the
    squashing staircase, the best N-unit fit found and a 1/N² reference line (each (ns, errors)),
    and this page's N (hand-built and trained).
    L: title, x, y, relu, bound, stair, current, trained (and best, ref when given)."""
    floor = 1e-16  # an exact fit (error 0) sits on the floor instead of vanishing from a log axis
    data = [_line(ns, np.maximum(err, floor), L["relu"], SUM, hover="N = %{x}<br>%{y:.3g}")]
    if best is not None:
        data.append(go.Scatter(x=best[0], y=np.maximum(best[1], floor), mode="lines+markers",
                               name=L["best"], line=dict(color=BEST, width=2.5),
                               marker=dict(size=6), hovertemplate="N = %{x}<br>%{y:.3g}"))
    if ref is not None:
        data.append(_line(ref[0], ref[1], L["ref"], BEST, width=1.5, dash="dot"))
    if bound is not None:
        data.append(_line(ns, bound, L["bound"], BOUND, width=2, dash="dash"))
    if stair_ns is not None and stair_err is not None:
        data.append(go.Scatter(x=stair_ns, y=np.maximum(stair_err, floor), mode="lines+markers",
                               name=L["stair"], line=dict(color=DEEP, width=2)))
    n, e = current
    data.append(go.Scatter(x=[n], y=[max(e, floor)], mode="markers", name=L["current"],
                           marker=dict(size=12, color=SUM, symbol="circle-open",
                                       line=dict(width=3))))
    if trained is not None:
        data.append(go.Scatter(x=[trained[0]], y=[max(trained[1], floor)], mode="markers",
                               name=L["trained"], marker=dict(size=11, color=FIT,
                                                              symbol="diamond")))
    fig = go.Figure(data=data, layout=_layout(L["title"], L["x"], L["y"]))
    fig.update_xaxes(type="log", tickvals=[2**j for j in range(9)])
    fig.update_yaxes(type="log", exponentformat="power", dtick=1)
    return fig


def depth_figure(s: Array, target: Array, deep: Array, shallow: Array, L: dict) -> go.Figure:
    """The tent-map sawtooth, the deep narrow net (exact) and the shallow net of equal units.
    L: title, x, y, target, deep, shallow."""
    data = [_line(s, target, L["target"], TARGET, width=5),
            _line(s, deep, L["deep"], DEEP, width=2, dash="dot"),
            _line(s, shallow, L["shallow"], SHALLOW, width=2.5)]
    return go.Figure(data=data, layout=_layout(L["title"], L["x"], L["y"]))


def pieces_figure(deep_units: Array, deep_pieces: Array, shallow_units: Array,
                  shallow_pieces: Array, current: tuple[int, int], L: dict) -> go.Figure:
    """Linear pieces against hidden units: deep tent nets (2k units, 2^k pieces) and the most
    one hidden layer can make (N + 1). L: title, x, y, deep, shallow, current."""
    data = [
        go.Scatter(x=deep_units, y=deep_pieces, mode="lines+markers", name=L["deep"],
                   line=dict(color=DEEP, width=2.5)),
        _line(shallow_units, shallow_pieces, L["shallow"], SHALLOW),
        go.Scatter(x=[current[0]], y=[current[1]], mode="markers", name=L["current"],
                   marker=dict(size=13, color=DEEP, symbol="circle-open", line=dict(width=3))),
    ]
    fig = go.Figure(data=data, layout=_layout(L["title"], L["x"], L["y"]))
    top = int(np.ceil(np.log2(max(np.max(deep_pieces), np.max(shallow_pieces)))))
    fig.update_yaxes(type="log", tickvals=[2**j for j in range(1, top + 1)])
    return fig
