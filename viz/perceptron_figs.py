"""Figures of the Perceptron-and-XOR page: the input plane with the perceptron's line, the
weights over the steps, mistakes per epoch, the 2-2-1 network as gates, the hidden space and the
training curves. Pure functions: arrays and label strings in, plotly Figure out (no Streamlit).
Key labels use ≥ 15 px fonts so a projected page stays readable.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

Array = np.ndarray

CLASS_COLORS = ("#0072B2", "#E69F00")  # Okabe–Ito blue (class 0) and orange (class 1)
REGION_FILL = "rgba(230, 159, 0, 0.14)"  # where the perceptron says 1
LINE_COLOR = "#222222"
OLD_LINE = "rgba(90, 90, 90, 0.75)"
MISTAKE = "#D55E00"
WEIGHT_COLORS = ("#0072B2", "#009E73", "#CC79A7")
FONT = dict(size=15)
TITLE_FONT = dict(size=17)


def _f32(a) -> Array:
    """float32 arrays travel as compact base64 in the figure JSON."""
    return np.ascontiguousarray(a, dtype=np.float32)


# A legend under the plot sits at the figure's bottom edge (in its reserved margin), so the
# larger type of lecture mode never puts the x-axis title on top of it.
BOTTOM_LEGEND = dict(orientation="h", yref="container", y=0.01, yanchor="bottom",
                     font=dict(size=14))


def _fig(data: list, layout: dict) -> go.Figure:
    # no template: plotly_white's 7 KB would travel with every figure at every rerun
    base = dict(
        font=FONT, title_font=TITLE_FONT, template="none", plot_bgcolor="white", paper_bgcolor="white",
        margin=dict(l=60, r=20, t=60, b=55), legend=dict(font=dict(size=14)),
    )
    base.update(layout)
    fig = go.Figure(data=data, layout=base)
    fig.update_xaxes(gridcolor="#e6e6e6", linecolor="#999", zerolinecolor="#cccccc",
                     automargin=True)
    fig.update_yaxes(gridcolor="#e6e6e6", linecolor="#999", zerolinecolor="#cccccc",
                     automargin=True)
    return fig


# long: one figure's points, lines, region and markers; most lines are its arguments
def plane(
    X: Array,
    y: Array,
    box: tuple[float, float, float, float],
    labels: dict,
    *,
    line: Array | None = None,
    old_line: Array | None = None,
    region: Array | None = None,
    highlight: int | None = None,
    mistake: bool = False,
    point_text: list[str] | None = None,
    height: int = 460,
) -> go.Figure:
    """Points coloured by class, the region the classifier calls 1 (polygon), its line, the line
    before the last update (dashed), and the current sample ringed (red ✗ on a mistake).

    labels: title, x, y, class0, class1, region, line, old_line, current."""
    data = []
    if region is not None:
        data.append(go.Scatter(
            x=np.append(region[:, 0], region[0, 0]), y=np.append(region[:, 1], region[0, 1]),
            fill="toself", fillcolor=REGION_FILL, line=dict(width=0), mode="lines",
            name=labels["region"], hoverinfo="skip",
        ))
    if old_line is not None:
        data.append(go.Scatter(
            x=old_line[:, 0], y=old_line[:, 1], mode="lines", name=labels["old_line"],
            line=dict(color=OLD_LINE, width=2, dash="dash"), hoverinfo="skip",
        ))
    if line is not None:
        data.append(go.Scatter(
            x=line[:, 0], y=line[:, 1], mode="lines", name=labels["line"],
            line=dict(color=LINE_COLOR, width=3), hoverinfo="skip",
        ))
    few = len(y) <= 8
    # labels lean inwards, above points on the left and below points on the right, so none is
    # cut at the plot's edge and two labels on one row never meet
    right = X[:, 0] > (box[0] + box[1]) / 2
    lean = np.where(right, "bottom left", "top right")
    for c in (0, 1):
        m = y == c
        data.append(go.Scatter(
            x=X[m, 0], y=X[m, 1], mode="markers+text" if few and point_text else "markers",
            name=labels[f"class{c}"],
            marker=dict(size=22 if few else 9, color=CLASS_COLORS[c],
                        symbol="circle" if c == 0 else "square",
                        line=dict(color="white", width=1.5)),
            text=[point_text[i] for i in np.flatnonzero(m)] if few and point_text else None,
            textposition=list(lean[m]) if few else None, textfont=dict(size=15),
            hovertemplate="(%{x:.2f}, %{y:.2f})<extra>" + labels[f"class{c}"] + "</extra>",
        ))
    if highlight is not None:
        data.append(go.Scatter(
            x=[X[highlight, 0]], y=[X[highlight, 1]], mode="markers", name=labels["current"],
            marker=dict(size=40 if few else 22, color="rgba(0,0,0,0)",
                        line=dict(color=MISTAKE if mistake else "#333", width=3)),
            hoverinfo="skip",
        ))
        if mistake:
            data.append(go.Scatter(
                x=[X[highlight, 0]], y=[X[highlight, 1]], mode="markers", showlegend=False,
                marker=dict(size=16 if few else 11, color=MISTAKE, symbol="x-thin",
                            line=dict(color=MISTAKE, width=3)),
                hoverinfo="skip",
            ))
    x0, x1, y0, y1 = box
    return _fig(data, dict(
        title=labels["title"], height=height,
        xaxis=dict(title=labels["x"], range=[x0, x1], zeroline=False, constrain="domain"),
        yaxis=dict(title=labels["y"], range=[y0, y1], zeroline=False, scaleanchor="x",
                   constrain="domain"),
        legend=BOTTOM_LEGEND, margin=dict(l=60, r=20, t=60, b=110),
    ))


def weights_chart(W: Array, t: int, labels: dict, max_points: int = 600) -> go.Figure:
    """w1, w2, b after every step 0..T (T+1, 3), the current step t marked.
    labels: title, x, y, names (3 names)."""
    steps = np.arange(len(W))
    if len(W) > max_points:  # keep the payload small: every k-th step plus the last
        idx = np.unique(np.append(np.linspace(0, len(W) - 1, max_points).astype(int), len(W) - 1))
        steps, W = steps[idx], W[idx]
    data = [
        go.Scatter(x=_f32(steps), y=_f32(W[:, k]), mode="lines", name=labels["names"][k],
                   line=dict(color=WEIGHT_COLORS[k], width=2.5, shape="hv"))
        for k in range(3)
    ]
    return _fig(data, dict(
        title=labels["title"], height=330, xaxis=dict(title=labels["x"]),
        yaxis=dict(title=labels["y"]),
        shapes=[dict(type="line", x0=t, x1=t, yref="paper", y0=0, y1=1,
                     line=dict(color=MISTAKE, width=2, dash="dot"))],
    ))


def mistakes_chart(mistakes: Array, current_epoch: int, labels: dict) -> go.Figure:
    """Bars: mistakes (= updates) in each completed epoch; the current epoch darker."""
    e = np.arange(1, len(mistakes) + 1)
    colors = [MISTAKE if k == current_epoch else "#999999" for k in e]
    return _fig([go.Bar(x=e, y=mistakes, marker_color=colors, name=labels["y"])], dict(
        title=labels["title"], height=330, xaxis=dict(title=labels["x"]),
        yaxis=dict(title=labels["y"], rangemode="tozero", dtick=1 if mistakes.max(initial=0) <= 8
                   else None),
        showlegend=False, bargap=0.25,
    ))


def network_diagram(net: dict, labels: dict) -> go.Figure:
    """The 2-2-1 network: inputs, two hidden units, one output; every edge labelled with its
    weight and every unit with its bias. labels: title, inputs (2), hidden (2), output."""
    pos = {"x1": (0, 1.0), "x2": (0, 0.0), "h1": (1, 1.0), "h2": (1, 0.0), "o": (2, 0.5)}
    W1, b1, W2, b2 = net["W1"], net["b1"], net["W2"][:, 0], net["b2"][0]
    edges = [(f"x{i + 1}", f"h{j + 1}", W1[i, j]) for i in range(2) for j in range(2)]
    edges += [(f"h{j + 1}", "o", W2[j]) for j in range(2)]
    data, annotations = [], []
    for a, b, w in edges:
        (xa, ya), (xb, yb) = pos[a], pos[b]
        data.append(go.Scatter(
            x=[xa, xb], y=[ya, yb], mode="lines", showlegend=False, hoverinfo="skip",
            line=dict(color=CLASS_COLORS[1] if w > 0 else CLASS_COLORS[0],
                      width=1.5 + 1.5 * min(abs(w), 3)),
        ))
        f = 0.3 if b != "o" else 0.4
        annotations.append(dict(
            x=xa + f * (xb - xa), y=ya + f * (yb - ya), text=f"<b>{w:+.3g}</b>", showarrow=False,
            font=dict(size=16), bgcolor="white",
        ))
    names = {"x1": labels["inputs"][0], "x2": labels["inputs"][1],
             "h1": labels["hidden"][0], "h2": labels["hidden"][1], "o": labels["output"]}
    bias = {"h1": b1[0], "h2": b1[1], "o": b2}
    xs = [pos[k][0] for k in pos]
    ys = [pos[k][1] for k in pos]
    data.append(go.Scatter(
        x=xs, y=ys, mode="markers", showlegend=False, hoverinfo="skip",
        marker=dict(size=76, color="#f4f4f4", line=dict(color="#333", width=2)),
    ))
    for k, (x, y) in pos.items():
        text = f"<b>{names[k]}</b>" + (f"<br>b = {bias[k]:+.3g}" if k in bias else "")
        annotations.append(dict(x=x, y=y, text=text, showarrow=False, font=dict(size=15)))
    return _fig(data, dict(
        title=labels["title"], height=360, annotations=annotations,
        xaxis=dict(visible=False, range=[-0.35, 2.35]),
        yaxis=dict(visible=False, range=[-0.3, 1.3]), margin=dict(l=10, r=10, t=60, b=10),
    ))


def input_regions(
    xs: Array, prob: Array, X: Array, y: Array, hidden_lines: list, labels: dict
) -> go.Figure:
    """The trained net's output σ over the input square (heatmap, xs × xs grid), its 0.5 level,
    the four points and each hidden unit's line W1[:, j]·x + b1[j] = 0.
    labels: title, x, y, class0, class1, hidden (2 names), prob."""
    xs, prob = _f32(xs), _f32(prob)
    data = [
        go.Heatmap(x=xs, y=xs, z=prob, zmin=0, zmax=1, showscale=True,
                   colorscale=[[0, "#cfe3f2"], [0.5, "#ffffff"], [1, "#f9e3bd"]],
                   colorbar=dict(title=dict(text=labels["prob"]), thickness=14, len=0.8),
                   hovertemplate="p = %{z:.2f}<extra></extra>"),
        go.Contour(x=xs, y=xs, z=prob, showscale=False, contours=dict(
            start=0.5, end=0.5, size=1, coloring="none"), line=dict(color=LINE_COLOR, width=3),
            hoverinfo="skip", name="p = 0.5"),
    ]
    dashes = ("dash", "dot")
    for j, seg in enumerate(hidden_lines):
        if seg is not None:
            data.append(go.Scatter(
                x=seg[:, 0], y=seg[:, 1], mode="lines", name=labels["hidden"][j],
                line=dict(color=WEIGHT_COLORS[1 + j], width=2.5, dash=dashes[j]),
            ))
    for c in (0, 1):
        m = y == c
        data.append(go.Scatter(
            x=X[m, 0], y=X[m, 1], mode="markers", name=labels[f"class{c}"],
            marker=dict(size=20, color=CLASS_COLORS[c], symbol="circle" if c == 0 else "square",
                        line=dict(color="white", width=1.5)),
        ))
    lo, hi = float(xs[0]), float(xs[-1])
    return _fig(data, dict(
        title=labels["title"], height=440,
        xaxis=dict(title=labels["x"], range=[lo, hi], constrain="domain"),
        yaxis=dict(title=labels["y"], range=[lo, hi], scaleanchor="x", constrain="domain"),
        legend=BOTTOM_LEGEND, margin=dict(l=60, r=20, t=60, b=110),
    ))


def loss_curves(loss: Array, solved: Array, pick: int, labels: dict, max_points: int = 120):
    """BCE per epoch of every seed (log scale): solved seeds blue, the others orange, the
    picked seed thick. loss: (S, E+1). labels: title, x, y, solved, stuck, picked."""
    E = loss.shape[1]
    idx = np.unique(np.geomspace(1, E, max_points).astype(int) - 1)
    x = _f32(idx)
    data, shown = [], set()
    for s in range(loss.shape[0]):
        kind = "solved" if solved[s] else "stuck"
        data.append(go.Scatter(
            x=x, y=_f32(np.maximum(loss[s, idx], 1e-6)), mode="lines", name=labels[kind],
            legendgroup=kind, showlegend=kind not in shown, opacity=0.45,
            line=dict(width=1.5, color=CLASS_COLORS[0] if solved[s] else MISTAKE),
            hovertemplate=f"seed {s}: " + "%{y:.3g}<extra></extra>",
        ))
        shown.add(kind)
    data.append(go.Scatter(
        x=x, y=_f32(np.maximum(loss[pick, idx], 1e-6)), mode="lines", name=labels["picked"],
        line=dict(width=4, color=LINE_COLOR),
    ))
    return _fig(data, dict(
        title=labels["title"], height=400, xaxis=dict(title=labels["x"]),
        yaxis=dict(title=labels["y"], type="log"), legend=BOTTOM_LEGEND,
        margin=dict(l=60, r=20, t=60, b=110),
    ))
