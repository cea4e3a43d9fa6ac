"""viz.backprop_figs: the graph validates, shows each node's value only once computed, hides
the guessed number, labels exactly the current node's edges, keeps labels off the boxes; the
step formulas carry the trace's numbers; the loss curve is finite."""

import re

import numpy as np
import plotly.graph_objects as go
import pytest

from nncore.backprop import PRESETS, params_from_flat, trace
from viz.backprop_figs import (
    NARROW,
    WIDE,
    backward_latex,
    fmt,
    forward_latex,
    graph_figure,
    loss_curve,
    positions,
)


def make(name="classic"):
    p = PRESETS[name]
    return trace(params_from_flat(dict(p.flat), len(p.t)), p.x, p.t, p.activation, p.loss)


def validated(fig):
    d = fig.to_dict()
    assert not isinstance(d["layout"].get("title"), str)
    return go.Figure(d)  # full validation: raises on a bad key or value


def node_texts(fig) -> dict:
    tr = fig.data[0]
    return dict(zip(tr.hovertext, tr.text, strict=True))


def inside_box(x, y, pos, geo=WIDE) -> bool:
    return any(abs(x - px) < geo.box_w / 2 and abs(y - py) < geo.box_h / 2
               for px, py in pos.values())


@pytest.mark.parametrize("geo", [WIDE, NARROW], ids=["wide", "narrow"])
@pytest.mark.parametrize("name", list(PRESETS))
def test_every_step_validates_and_shows_what_is_known(name, geo):
    tr = make(name)
    F = tr.n_forward
    for step in range(0, 2 * F + 1):
        fig = validated(graph_figure(tr, step, None, "t", geo))
        texts = node_texts(fig)
        assert len(texts) == 2 + F  # x1, x2 and every computed node
        z1 = texts["z₁"]
        assert (fmt(tr.values["z1"]) in z1) == (step >= 1)
        assert ("∂L/∂" in texts["L"]) == (step >= F + 1)
        assert ("∂L/∂" in z1) == (step == 2 * F)
        labels = [a.text for a in fig.layout.annotations if "×" in (a.text or "")]
        if step <= F:
            assert labels == []
        else:
            s = tr.steps[step - 1]
            drawn = [t for t in s.terms if t.input[0] not in "bc"]  # biases have no edge
            assert len(labels) == (2 if s.node[0] == "u" else len(drawn))  # u: the v edges
            for t, label in zip(drawn, labels, strict=False):
                assert fmt(t.product) in label


def test_guess_hides_the_target_number_only():
    tr = make()
    fig = graph_figure(tr, 1, "z1", "t")
    assert fmt(tr.values["z1"]) not in node_texts(fig)["z₁"] and "?" in node_texts(fig)["z₁"]
    step = 14  # backward at u1: the first term is v11's gradient
    s = tr.steps[step - 1]
    fig = graph_figure(tr, step, s.target, "t")
    labels = " ".join(a.text for a in fig.layout.annotations)
    assert fmt(s.terms[0].product) not in labels and fmt(s.terms[1].product) in labels


@pytest.mark.parametrize("geo", [WIDE, NARROW], ids=["wide", "narrow"])
@pytest.mark.parametrize("n_out", [1, 2])
def test_labels_stay_off_the_boxes(n_out, geo):
    tr = make("classic" if n_out == 2 else "dead_relu")
    pos = positions(n_out, geo)
    for step in range(2 * tr.n_forward + 1):
        for a in graph_figure(tr, step, None, "t", geo).layout.annotations:
            if "=" in a.text and "+" not in a.text and "t₁" not in a.text:
                assert not inside_box(a.x, a.y, pos, geo), (step, a.text)
    boxes = list(pos.values())
    for i, (x0, y0) in enumerate(boxes):
        for x1, y1 in boxes[i + 1 :]:
            assert abs(x0 - x1) >= geo.box_w or abs(y0 - y1) >= geo.box_h


# The narrow graph on a phone: a 338-px plot (390 minus the page's padding and the chart's
# margins) and the figure's own height. Text extents are estimated from the font size with
# Noto Sans's advance widths (digits 0.57 em; bold ~6 % wider, taken for all), a line 1.3 em
# (Plotly's line spacing); the browser test measures the drawn text.
PHONE_PLOT_PX = 338
EM = {**dict.fromkeys("0123456789=×+", 0.58), ".": 0.28, " ": 0.26, "-": 0.34, "∂": 0.6,
      "/": 0.38, **dict.fromkeys("₀₁₂₃₄₅₆₇₈₉", 0.42)}


def _px_per_unit(geo):
    x0, x1 = geo.x_range
    y0, y1 = geo.y_range
    return PHONE_PLOT_PX / abs(x1 - x0), (geo.height - 60) / abs(y1 - y0)


def _text_extent(text: str, size: float) -> tuple[float, float]:
    """(width, height) in px, with 4 px each side for the label's borderpad (3) and border."""
    lines = [re.sub("<[^>]+>", "", line) for line in text.split("<br>")]
    width = max(sum(EM.get(ch, 0.65) for ch in line) for line in lines)
    return 1.06 * size * width + 8, 1.3 * size * len(lines) + 8


def _note_rect(a, geo) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) of an annotation in pixels (y down), from its anchors."""
    kx, ky = _px_per_unit(geo)
    w, h = _text_extent(a.text, a.font.size)
    x, y = (a.x - geo.x_range[0]) * kx, (a.y - min(geo.y_range)) * ky
    left = {"left": x, "right": x - w}.get(a.xanchor, x - w / 2)
    top = {"top": y, "bottom": y - h}.get(a.yanchor, y - h / 2)
    return left, left + w, top, top + h


def _overlap(r, q) -> bool:
    return r[0] < q[1] and q[0] < r[1] and r[2] < q[3] and q[2] < r[3]


@pytest.mark.parametrize("name", list(PRESETS))
def test_the_narrow_graphs_text_fits_a_phone(name):
    """At every step: no two notes overlap, no note covers a box, every note and box stays
    inside the plot, and a box is wide enough for its longest line (the wide graph's boxes
    are 34 px on a phone, its numbers ~50 px: the reason for the narrow one)."""
    tr = make(name)
    geo = NARROW
    kx, ky = _px_per_unit(geo)
    pos = positions(tr.n_out, geo)
    boxes = [((x - geo.box_w / 2 - geo.x_range[0]) * kx, (x + geo.box_w / 2 - geo.x_range[0]) * kx,
              (y - geo.box_h / 2 - min(geo.y_range)) * ky,
              (y + geo.box_h / 2 - min(geo.y_range)) * ky) for x, y in pos.values()]
    height = abs(geo.y_range[1] - geo.y_range[0]) * ky
    for step in range(2 * tr.n_forward + 1):
        fig = graph_figure(tr, step, None, "t", geo)
        notes = [_note_rect(a, geo) for a in fig.layout.annotations]
        for i, r in enumerate(notes):
            text = fig.layout.annotations[i].text
            assert r[0] >= -10 and r[1] <= PHONE_PLOT_PX + 10, (step, text, r)  # margins: 10
            assert r[2] >= 0 and r[3] <= height, (step, text, r)
            assert not any(_overlap(r, b) for b in boxes), (step, text)
            others = [fig.layout.annotations[j].text for j, q in enumerate(notes)
                      if j > i and _overlap(r, q)]
            assert not others, (step, text, others)
        for text in fig.data[0].text:
            w, h = _text_extent(text, geo.node_px)
            assert w - 8 <= geo.box_w * kx and h - 2 <= geo.box_h * ky, (step, text)  # drawn ~2 px high


def test_formulas_substitute_the_numbers():
    tr = make()
    assert forward_latex(tr, "z1", False).endswith(
        r"= 0.15\cdot0.05 + 0.2\cdot0.1 + 0.35 = 0.3775"
    )
    assert forward_latex(tr, "z1", True).endswith("= ?")
    assert r"\tfrac12\left[(0.7514 - 0.01)^2 + (0.7729 - 0.99)^2\right] = 0.2984" in (
        forward_latex(tr, "L", False)
    )
    s = tr.steps[13]  # backward at u1
    tex = backward_latex(tr, s, None)
    assert r"0.5933\cdot0.1385 = 0.08217" in tex
    assert r"= 0.5933\cdot0.1385 = ?" in backward_latex(tr, s, "v11")
    neg = backward_latex(tr, tr.steps[10], None)  # o2: negative upstream in parentheses
    assert r"\cdot(-0.2171) = -0.0381" in neg


def test_loss_curve_is_finite():
    fig = validated(loss_curve([0.3, 0.28, 0.26], "t", "update", "loss", "loss"))
    assert np.isfinite(np.asarray(fig.data[0].y, dtype=float)).all()
    assert list(fig.data[0].x) == [0, 1, 2]
