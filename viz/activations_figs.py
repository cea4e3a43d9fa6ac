"""Figures of the Activations-and-vanishing-gradients page: overlaid curves with shaded regions,
the deep-linear-vs-one-layer boundary, and the gradient ratio over depth on a log scale.
Pure functions: arrays and label strings in, plotly Figure out (no Streamlit)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

Array = np.ndarray

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
           "#999933", "#882255", "#44AA99", "#AA4499", "#117733")
FONT = dict(size=15)


def color_of(k: int) -> str:
    return PALETTE[k % len(PALETTE)]


def _f32(a) -> Array:
    return np.ascontiguousarray(a, dtype=np.float32)


def _fig(data: list, layout: dict) -> go.Figure:
    # template "none": the default template's ~7 KB would travel with every figure
    base = dict(
        font=FONT, title_font=dict(size=17), template="none", plot_bgcolor="white",
        paper_bgcolor="white", margin=dict(l=70, r=20, t=60, b=110),
        # the legend at the figure's bottom edge and margins grown to fit the tick labels:
        # with a projector's larger type (lecture mode) nothing overlaps
        legend=dict(orientation="h", yref="container", y=0.01, yanchor="bottom",
                    font=dict(size=14)),
    )
    base.update(layout)
    fig = go.Figure(data=data, layout=base)
    fig.update_xaxes(gridcolor="#e6e6e6", linecolor="#999", zerolinecolor="#bbbbbb",
                     automargin=True)
    fig.update_yaxes(gridcolor="#e6e6e6", linecolor="#999", zerolinecolor="#bbbbbb",
                     automargin=True)
    return fig


# long: one figure's traces, shading and layout; its keyword arguments take a third of it
def curves(
    x: Array,
    ys: dict,
    colors: dict,
    names: dict,
    labels: dict,
    *,
    bands: list | None = None,
    extra: list | None = None,
    markers: list | None = None,
    height: int = 430,
) -> go.Figure:
    """Overlaid curves y(x) per activation; ``bands`` (lo, hi, colour, name) shaded behind;
    ``extra`` (x, y, name, colour, dash) more lines; ``markers`` (x, y, text, colour).
    labels: title, x, y."""
    shapes, data = [], []
    for lo, hi, color, name in bands or []:
        shapes.append(
            dict(
                type="rect",
                xref="x",
                yref="paper",
                x0=lo,
                x1=hi,
                y0=0,
                y1=1,
                fillcolor=color,
                opacity=0.13,
                line=dict(width=0),
                layer="below",
            )
        )
        if name:  # one legend entry per region kind (a symmetric pair shares it)
            data.append(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=name,
                    marker=dict(size=14, symbol="square", color=color, opacity=0.35),
                )
            )
    xs = _f32(x)
    for key, y in ys.items():
        data.append(
            go.Scatter(
                x=xs,
                y=_f32(y),
                mode="lines",
                name=names[key],
                line=dict(color=colors[key], width=3),
            )
        )
    for ex, ey, name, color, dash in extra or []:
        data.append(
            go.Scatter(
                x=_f32(ex),
                y=_f32(ey),
                mode="lines",
                name=name,
                line=dict(color=color, width=2.5, dash=dash),
            )
        )
    for mx, my, text, color in markers or []:
        data.append(go.Scatter(
            x=[mx], y=[my], mode="markers+text", text=[text], textposition="top center",
            textfont=dict(size=15, color=color), showlegend=False,
            marker=dict(size=11, color=color, line=dict(color="white", width=1.5)),
        ))
    return _fig(data, dict(
        title=labels["title"], height=height, shapes=shapes,
        xaxis=dict(title=labels["x"], range=[float(x[0]), float(x[-1])]),
        yaxis=dict(title=labels["y"]),
    ))


def linear_boundary(
    lim: float, deep: Array, nonlin: Array, one_line: Array | None, labels: dict
) -> go.Figure:
    """Boundaries in the square [−lim, lim]²: the deep linear stack's zero level (black dots),
    the single equivalent layer's line (dashed), the same weights with a non-linearity (orange
    dots). deep, nonlin: (M, 2) points of each zero level. labels: title, x, y, deep, one,
    nonlin."""
    data = [
        go.Scatter(x=_f32(deep[:, 0]), y=_f32(deep[:, 1]), mode="markers", name=labels["deep"],
                   marker=dict(color="#000000", size=7), hoverinfo="skip"),
        go.Scatter(x=_f32(nonlin[:, 0]), y=_f32(nonlin[:, 1]), mode="markers",
                   name=labels["nonlin"], marker=dict(color="#D55E00", size=6),
                   hoverinfo="skip"),
    ]
    if one_line is not None:
        data.append(go.Scatter(x=one_line[:, 0], y=one_line[:, 1], mode="lines",
                               name=labels["one"],
                               line=dict(color="#56B4E9", width=3, dash="dash")))
    return _fig(data, dict(
        title=labels["title"], height=460,
        xaxis=dict(title=labels["x"], range=[-lim, lim], constrain="domain"),
        yaxis=dict(title=labels["y"], range=[-lim, lim], scaleanchor="x", constrain="domain"),
    ))


def gradient_depth(
    d: Array,
    formula: dict,
    measured: dict,
    colors: dict,
    names: dict,
    labels: dict,
    bound: Array | None = None,
) -> go.Figure:
    """Gradient std ratio after d layers on a log axis: the formula per activation (lines),
    measured ratios (markers), the 0.25^d bound (dotted). labels: title, x, y, bound, formula,
    measured (format strings with {act})."""
    data = []
    if bound is not None:
        data.append(
            go.Scatter(
                x=_f32(d),
                y=bound,
                mode="lines",
                name=labels["bound"],
                line=dict(color="#777777", width=2, dash="dot"),
            )
        )
    for key, y in formula.items():
        data.append(go.Scatter(x=_f32(d), y=y, mode="lines",
                               name=labels["formula"].format(act=names[key]),
                               line=dict(color=colors[key], width=3)))
    for key, (dm, ym) in measured.items():
        data.append(go.Scatter(x=_f32(dm), y=ym, mode="markers",
                               name=labels["measured"].format(act=names[key]),
                               marker=dict(color=colors[key], size=10, symbol="diamond",
                                           line=dict(color="white", width=1))))
    return _fig(data, dict(
        title=labels["title"], height=460,
        xaxis=dict(title=labels["x"], dtick=1 if len(d) <= 21 else None),
        yaxis=dict(title=labels["y"], type="log", exponentformat="power"),
    ))
