"""Figures and formulas of the backpropagation page: the computational graph at one step, the
loss over gradient-descent updates, and the LaTeX of a step with its numbers substituted.

Pure functions of an ``nncore.backprop.Trace``; every label arrives as an argument. The graph is
boxes (layout shapes), edges (line shapes), node text (a scatter text trace, so hovering a node
shows its value) and edge labels (annotations) in fixed data coordinates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go

from nncore.backprop import Step, Trace, node_order

FONT = dict(family="Noto Sans, Noto Sans CJK KR, sans-serif", size=16, color="#1f2933")
HIDDEN_MARK = "?"
COLORS = {
    "todo": "#9aa5b1", "done": "#2f6fb5", "current_fwd": "#f0b429", "current_bwd": "#e8590c",
    "grad": "#c2410c", "edge": "#cbd2d9", "weight": "#616e7c",
}
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@dataclass(frozen=True)
class Geometry:
    """Where the graph's parts go, in data units. Wide: layers left to right, unit 1 on the
    top row. Narrow (a phone, 390 px): layers top to bottom, unit 1 in the left column, so a
    box is ~70 px wide instead of ~34 and its four lines of text fit."""

    vertical: bool
    layer: dict  # layer letter -> its coordinate along the flow
    box_w: float
    box_h: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]  # narrow: reversed, the flow runs down
    height: int
    node_px: int
    weight_px: int
    bias_px: int
    chain_px: int
    chain_frac: float  # how far along a diagonal edge its chain-rule label sits


WIDE = Geometry(False, {"x": 0.0, "z": 1.75, "h": 2.9, "u": 4.65, "o": 5.8, "L": 7.0},
                0.8, 0.46, (-0.5, 7.5), (-0.42, 1.42), 560, 17, 14, 13, 15, 0.62)
NARROW = Geometry(True, {"x": 0.0, "z": 1.95, "h": 3.05, "u": 5.0, "o": 6.1, "L": 8.0},
                  0.6, 0.96, (-0.95, 1.95), (9.06, -0.55), 867, 14, 12, 12, 12, 0.4)
SIDE_GAP = 0.03  # between a box and a note set beside it


def fmt(v: float) -> str:
    """4 significant digits, the same everywhere on the page (−0 reads 0)."""
    return f"{v + 0.0:.4g}"


def symbol(name: str) -> str:
    """'w12' -> 'w₁₂', 'L' -> 'L' (Unicode subscripts for figure text)."""
    return name[0] + name[1:].translate(SUB)


def latex_symbol(name: str) -> str:
    """'w12' -> 'w_{12}' for KaTeX."""
    return name if len(name) == 1 else f"{name[0]}_{{{name[1:]}}}"


def positions(n_out: int, geo: Geometry = WIDE) -> dict[str, tuple[float, float]]:
    """(x, y) of every node. Wide: unit 1 on the top row (y = 1), unit 2 below (y = 0); narrow:
    unit 1 in the left column (x = 0), unit 2 to its right (x = 1), layer k at y = layer[k]."""
    def at(layer: str, across: float) -> tuple[float, float]:
        along = geo.layer[layer]
        return (1.0 - across, along) if geo.vertical else (along, across)

    pos = {"x1": at("x", 1.0), "x2": at("x", 0.0), "L": at("L", 0.5)}
    for j in (1, 2):
        pos[f"z{j}"] = at("z", 2.0 - j)
        pos[f"h{j}"] = at("h", 2.0 - j)
    for k in range(1, n_out + 1):
        across = 0.5 if n_out == 1 else 2.0 - k
        pos[f"u{k}"] = at("u", across)
        pos[f"o{k}"] = at("o", across)
    return pos


def edges(n_out: int) -> list[tuple[str, str, str | None]]:
    """(source node, target node, weight id or None) of every drawn edge."""
    out = [(f"x{i}", f"z{j}", f"w{i}{j}") for i in (1, 2) for j in (1, 2)]
    out += [(f"z{j}", f"h{j}", None) for j in (1, 2)]
    out += [(f"h{j}", f"u{k}", f"v{j}{k}") for j in (1, 2) for k in range(1, n_out + 1)]
    out += [(f"u{k}", f"o{k}", None) for k in range(1, n_out + 1)]
    out += [(f"o{k}", "L", None) for k in range(1, n_out + 1)]
    return out


def _point(a, b, frac):
    return a[0] + frac * (b[0] - a[0]), a[1] + frac * (b[1] - a[1])


def _edge_end(a, b, geo: Geometry = WIDE):
    """Clip the segment a -> b to the boxes around a and b (so arrows end at the border)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    s = min(geo.box_w / 2 / abs(dx) if dx else math.inf,
            geo.box_h / 2 / abs(dy) if dy else math.inf)
    return _point(a, b, s), _point(a, b, 1 - s)


def _beside(x: float, y: float, offset: float) -> dict:
    """A note ``offset`` beside a narrow graph's column at height y, on the column's outer
    side: the space between the columns holds the diagonal edges."""
    left = x < 0.5
    return dict(x=x - offset if left else x + offset, y=y, xanchor="right" if left else "left",
                yanchor="middle")


def _weight_note(geo: Geometry, a, b) -> dict:
    """Where an edge's weight value goes. Wide: near the source end. Narrow: a straight edge's
    beside it; a diagonal's near its end in the left column, so the two crossing diagonals'
    labels sit one above the other, not side by side where they would overlap."""
    if not geo.vertical:
        x, y = _point(a, b, 0.2)
        return dict(x=x, y=y)
    if a[0] == b[0]:
        return _beside(a[0], (a[1] + b[1]) / 2, SIDE_GAP)
    x, y = _point(a, b, 0.2 if a[0] < b[0] else 0.8)
    return dict(x=x, y=y)


def _chain_note(geo: Geometry, a, b) -> dict:
    """Where an edge's chain-rule label goes: on the edge (wide; narrow diagonals), beside a
    narrow graph's straight edge (its gap between boxes is shorter than three lines)."""
    if geo.vertical and a[0] == b[0]:  # clear of the boxes above and below it
        return _beside(a[0], (a[1] + b[1]) / 2, geo.box_w / 2 + SIDE_GAP)
    x, y = _point(a, b, 0.5 if a[1] == b[1] else geo.chain_frac)
    return dict(x=x, y=y)


def node_state(tr: Trace, name: str, step: int) -> tuple[bool, bool, bool]:
    """(value known, gradient known, is the current node) at ``step`` (0 = nothing computed)."""
    order = node_order(tr.n_out)
    F = len(order)
    if name.startswith("x"):
        return True, False, False
    i = order.index(name) + 1
    back = 2 * F + 1 - i  # the step that processes this node backwards
    current = step == i or step == back
    return step >= i, step >= back, current


def _node_lines(tr: Trace, name: str, step: int, hidden: str | None) -> str:
    known, grad_known, _ = node_state(tr, name, step)
    value = fmt(tr.values[name]) if known else "·"
    if hidden == name:
        value = HIDDEN_MARK
    lines = [f"<b>{symbol(name)}</b>", value]
    if grad_known:
        lines += [f"<span style='color:{COLORS['grad']}'>∂L/∂{symbol(name)}</span>",
                  f"<span style='color:{COLORS['grad']}'><b>{fmt(tr.grads[name])}</b></span>"]
    return "<br>".join(lines)


def _box(pos, geo: Geometry, color, fill, width, dash="solid"):
    x, y = pos
    return dict(type="rect", x0=x - geo.box_w / 2, x1=x + geo.box_w / 2, y0=y - geo.box_h / 2,
                y1=y + geo.box_h / 2, line=dict(color=color, width=width, dash=dash),
                fillcolor=fill, layer="below")


def _edge_label(tr: Trace, step: Step | None, src: str, dst: str, w: str | None,
                hidden: str | None) -> str | None:
    """The chain rule on an edge into the current backward node: local × upstream = product."""
    if step is None or step.phase != "backward" or dst != step.node:
        return None
    want = w or src  # a weight edge carries its weight's gradient, others the node's share
    for term in step.terms:
        if term.input == want:
            prod = HIDDEN_MARK if hidden == want else fmt(term.product)
            return f"{fmt(term.local)}<br>× {fmt(term.upstream)}<br>= <b>{prod}</b>"
    return None


def graph_figure(tr: Trace, step: int, hidden: str | None, title: str,
                 geo: Geometry = WIDE):
    """The computational graph after ``step`` steps; ``hidden`` = id whose number shows '?'.
    ``geo``: WIDE (layers left to right) or NARROW (top to bottom, for a phone)."""
    pos = positions(tr.n_out, geo)
    cur = tr.steps[step - 1] if step >= 1 else None
    shapes, notes = [], []
    for src, dst, w in edges(tr.n_out):
        a, b = _edge_end(pos[src], pos[dst], geo)
        active = cur is not None and cur.node == dst
        color = COLORS["current_bwd" if cur and cur.phase == "backward" else "done"]
        shapes.append(dict(type="line", x0=a[0], y0=a[1], x1=b[0], y1=b[1], layer="below",
                           line=dict(color=color if active else COLORS["edge"],
                                     width=5 if active else 2)))
        label = _edge_label(tr, cur, src, dst, w, hidden)
        # the weight's value near the source end, except in the gap whose edges carry the
        # current chain-rule labels (they would cover each other on the crossing diagonals)
        busy = cur is not None and cur.phase == "backward" and dst[0] == cur.node[0]
        if w is not None and not busy:
            notes.append(dict(**_weight_note(geo, a, b), text=f"{symbol(w)}={fmt(tr.values[w])}",
                              font=dict(size=geo.weight_px, color=COLORS["weight"]),
                              bgcolor="white"))
        if label is not None:
            notes.append(dict(**_chain_note(geo, a, b), text=label, bgcolor="#fff4e6",
                              bordercolor=COLORS["current_bwd"], borderpad=3,
                              font=dict(size=geo.chain_px, color="#7c2d12")))
    trace = _nodes(tr, step, cur, hidden, pos, shapes, geo)
    for j, name in ((1, "b1"), (2, "b2")):
        _bias_note(notes, pos[f"z{j}"], name, tr, geo)
    for k in range(1, tr.n_out + 1):
        _bias_note(notes, pos[f"u{k}"], f"c{k}", tr, geo)
    notes.append(_targets_note(tr, pos["L"], geo))
    for n in notes:
        n.setdefault("showarrow", False)
    layout = dict(
        title=dict(text=title, x=0.01, font=dict(size=18)), height=geo.height, font=FONT,
        margin=dict(l=10, r=10, t=50, b=10), plot_bgcolor="white", paper_bgcolor="white",
        xaxis=dict(range=list(geo.x_range), visible=False, fixedrange=True),
        yaxis=dict(range=list(geo.y_range), visible=False, fixedrange=True),
        shapes=shapes, annotations=notes, showlegend=False, hovermode="closest",
    )
    return go.Figure(data=[trace], layout=layout)


def _targets_note(tr: Trace, p, geo: Geometry) -> dict:
    """The targets, one a line: wide, under L and ending at the right edge (centred they ran
    past the edge of a phone-wide chart); narrow, centred under L."""
    text = "<br>".join(f"{symbol(f't{k}')}={fmt(tr.values[f't{k}'])}"
                       for k in range(1, tr.n_out + 1))
    font = dict(size=geo.weight_px, color=COLORS["weight"])
    if geo.vertical:
        return dict(x=p[0], y=p[1] + geo.box_h / 2 + 0.06, text=text, yanchor="top",
                    font=font)
    return dict(x=p[0] + 0.45, y=p[1] - geo.box_h / 2 - 0.06, text=text, yanchor="top",
                xanchor="right", align="right", font=font)


def _nodes(tr: Trace, step: int, cur: Step | None, hidden, pos: dict, shapes: list,
           geo: Geometry):
    """A box per node (appended to ``shapes``) and the trace holding their text."""
    xs, ys, texts, hovers = [], [], [], []
    for name, p in pos.items():
        known, _, current = node_state(tr, name, step)
        if current:
            fill = "#fff3c4" if cur.phase == "forward" else "#ffe8d6"
            color = COLORS["current_fwd" if cur.phase == "forward" else "current_bwd"]
            shapes.append(_box(p, geo, color, fill, 4))
        else:
            shapes.append(_box(p, geo, COLORS["done" if known else "todo"], "white", 2,
                               "solid" if known else "dot"))
        xs.append(p[0])
        ys.append(p[1])
        texts.append(_node_lines(tr, name, step, hidden))
        hovers.append(symbol(name))
    # transparent square markers under the text: the whole box answers the hover
    return go.Scatter(x=xs, y=ys, mode="markers+text", text=texts, hovertext=hovers,
                      hoverinfo="text", textfont=dict(size=geo.node_px), showlegend=False,
                      marker=dict(size=60, symbol="square", opacity=0))


def _bias_note(notes: list, p, name: str, tr: Trace, geo: Geometry) -> None:
    """'+ b₁=0.35' outside the box. Wide: above on the top row, below on the bottom row;
    narrow: beside it, on the column's outer side."""
    text = f"+ {symbol(name)}={fmt(tr.values[name])}"
    font = dict(size=geo.bias_px, color=COLORS["weight"])
    if geo.vertical:
        notes.append(dict(**_beside(p[0], p[1], geo.box_w / 2 + SIDE_GAP), text=text,
                          font=font))
        return
    top = p[1] >= 0.5
    y = p[1] + (geo.box_h / 2 + 0.02) * (1 if top else -1)
    notes.append(dict(x=p[0], y=y, text=text, yanchor="bottom" if top else "top", font=font))


def loss_curve(losses, title: str, x_title: str, y_title: str, name: str, height: int = 320):
    """Loss before the first update (0) and after each update (1, 2, ...)."""
    xs = list(range(len(losses)))
    trace = go.Scatter(x=xs, y=list(losses), mode="lines+markers", name=name,
                       line=dict(color=COLORS["done"], width=3), marker=dict(size=8),
                       hovertemplate=f"{x_title} %{{x}}<br>{y_title} %{{y:.6g}}<extra></extra>")
    layout = dict(
        title=dict(text=title, x=0.01, font=dict(size=16)), height=height, font=FONT,
        margin=dict(l=70, r=20, t=50, b=55), plot_bgcolor="white", paper_bgcolor="white",
        xaxis=dict(title=x_title, dtick=max(1, len(xs) // 10), gridcolor="#e4e7eb",
                   range=[-0.3, max(xs) + 0.3]),
        yaxis=dict(title=y_title, gridcolor="#e4e7eb", rangemode="tozero",
                   automargin=True),  # lecture mode's larger ticks push the title out
        showlegend=False,
    )
    return go.Figure(data=[trace], layout=layout)


# ---------------------------------------------------------------------------------------------
# The step's formula with its numbers substituted (KaTeX)
# ---------------------------------------------------------------------------------------------

ACT_TEX = {"sigmoid": r"\sigma", "tanh": r"\tanh", "relu": r"\mathrm{ReLU}"}
DERIV_TEX = {
    "sigmoid": r"\sigma'(z_{j}) = h_{j}(1-h_{j})",
    "tanh": r"\tanh'(z_{j}) = 1-h_{j}^2",
    "relu": r"\mathrm{ReLU}'(z_{j}) = [z_{j} > 0]",
}


def num(v: float) -> str:
    """A number for a formula: negatives in parentheses so '·' and '−' never run together."""
    s = fmt(v).replace("e", r"\mathrm{e}")
    return f"({s})" if v + 0.0 < 0 else s


def d(name: str) -> str:
    return rf"\frac{{\partial L}}{{\partial {latex_symbol(name)}}}"


def _sum_line(out: str, pairs, bias: str, v: dict, result: str) -> str:
    """out = a·b + c·d + bias = numbers = result."""
    sym = " + ".join(f"{latex_symbol(w)}\\,{latex_symbol(a)}" for w, a in pairs)
    nums = " + ".join(f"{num(v[w])}\\cdot{num(v[a])}" for w, a in pairs)
    return (rf"{latex_symbol(out)} = {sym} + {latex_symbol(bias)} = {nums} + {num(v[bias])}"
            rf" = {result}")


def forward_latex(tr: Trace, node: str, hidden: bool) -> str:
    v = tr.values
    result = HIDDEN_MARK if hidden else fmt(v[node]) if node in v else ""
    kind, i = node[0], node[1:]
    if kind == "z":
        return _sum_line(node, [(f"w1{i}", "x1"), (f"w2{i}", "x2")], f"b{i}", v, result)
    if kind == "u":
        return _sum_line(node, [(f"v1{i}", "h1"), (f"v2{i}", "h2")], f"c{i}", v, result)
    if kind in "ho":
        g = ACT_TEX[tr.activation] if kind == "h" else r"\sigma"
        src = ("z" if kind == "h" else "u") + i
        return (rf"{latex_symbol(node)} = {g}({latex_symbol(src)}) = {g}({num(v[src])})"
                rf" = {result}")
    ks = range(1, tr.n_out + 1)
    if tr.loss == "mse":
        parts = " + ".join(f"({num(v[f'o{k}'])} - {num(v[f't{k}'])})^2" for k in ks)
        return rf"L = \tfrac12\sum_k (o_k - t_k)^2 = \tfrac12\left[{parts}\right] = {result}"
    parts = " ".join(
        rf"-\left[{num(v[f't{k}'])}\ln {num(v[f'o{k}'])} + {num(1 - v[f't{k}'])}"
        rf"\ln {num(1 - v[f'o{k}'])}\right]" for k in ks
    )
    return (rf"L = -\sum_k \left[t_k \ln o_k + (1-t_k)\ln(1-o_k)\right] = {parts}"
            rf" = {result}")


def _chain(term, hidden: str | None, how: str, node: str) -> str:
    """∂L/∂m = (local, how) · ∂L/∂n = numbers = product."""
    prod = HIDDEN_MARK if hidden == term.input else fmt(term.product)
    return (rf"{d(term.input)} = {how}\cdot {d(node)} = {num(term.local)}\cdot"
            rf"{num(term.upstream)} = {prod}")


def backward_latex(tr: Trace, step: Step, hidden: str | None) -> str:
    node, v = step.node, tr.values
    kind, i = node[0], node[1:]
    lines = []
    if kind == "L":
        for t in step.terms:
            k = t.input[1:]
            o, tk = v[f"o{k}"], v[f"t{k}"]
            if tr.loss == "mse":
                how, nums = rf"o_{k} - t_{k}", rf"{num(o)} - {num(tk)}"
            else:
                how = rf"\frac{{o_{k} - t_{k}}}{{o_{k}(1-o_{k})}}"
                nums = rf"\frac{{{num(o)} - {num(tk)}}}{{{num(o)}\cdot{num(1 - o)}}}"
            prod = HIDDEN_MARK if hidden == t.input else fmt(t.product)
            lines.append(rf"{d(t.input)} = {how} = {nums} = {prod}")
    elif kind == "o":
        lines.append(_chain(step.terms[0], hidden, rf"o_{i}(1-o_{i})", node))
    elif kind == "h":
        ks = range(1, tr.n_out + 1)
        sym = " + ".join(rf"v_{{{i}{k}}}{d(f'u{k}')}" for k in ks)
        nums = " + ".join(rf"{num(v[f'v{i}{k}'])}\cdot{num(tr.grads[f'u{k}'])}" for k in ks)
        lines.append(rf"{d(node)} = {sym} = {nums} = {fmt(tr.grads[node])}")
        how = DERIV_TEX[tr.activation].split(" = ")[0].replace("{j}", f"{{{i}}}")
        lines.append(_chain(step.terms[0], hidden, how, node))
    else:  # z or u: weights get (input value) × upstream, the bias 1 × upstream
        for t in step.terms:
            if t.input[0] in "wv":
                src = ("x" if kind == "z" else "h") + t.input[1 if kind == "z" else 1]
                lines.append(_chain(t, hidden, latex_symbol(src), node))
            elif t.input[0] in "bc":
                lines.append(_chain(t, hidden, "1", node))
            else:
                lines.append(_chain(t, hidden, latex_symbol(f"v{t.input[1]}{i}"), node))
    return r"\begin{aligned}" + r"\\[2pt]".join(ln.replace(" = ", " &= ", 1) for ln in lines) \
        + r"\end{aligned}"
