"""viz.backprop_figs: the graph validates, shows each node's value only once computed, hides
the guessed number, labels exactly the current node's edges, keeps labels off the boxes; the
step formulas carry the trace's numbers; the loss curve is finite."""

import numpy as np
import plotly.graph_objects as go
import pytest

from nncore.backprop import PRESETS, params_from_flat, trace
from viz.backprop_figs import (
    BOX_H,
    BOX_W,
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


def inside_box(x, y, pos) -> bool:
    return any(abs(x - px) < BOX_W / 2 and abs(y - py) < BOX_H / 2 for px, py in pos.values())


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_step_validates_and_shows_what_is_known(name):
    tr = make(name)
    F = tr.n_forward
    for step in range(0, 2 * F + 1):
        fig = validated(graph_figure(tr, step, None, "t"))
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


@pytest.mark.parametrize("n_out", [1, 2])
def test_labels_stay_off_the_boxes(n_out):
    tr = make("classic" if n_out == 2 else "dead_relu")
    pos = positions(n_out)
    for step in range(2 * tr.n_forward + 1):
        for a in graph_figure(tr, step, None, "t").layout.annotations:
            if "=" in a.text and "+" not in a.text and "t₁" not in a.text:
                assert not inside_box(a.x, a.y, pos), (step, a.text)
    boxes = list(pos.values())
    for i, (x0, y0) in enumerate(boxes):
        for x1, y1 in boxes[i + 1 :]:
            assert abs(x0 - x1) >= BOX_W or abs(y0 - y1) >= BOX_H


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
