"""viz.perceptron_figs: every builder gives a valid Plotly figure with finite numbers, the
traces it promises, and projector-size fonts."""

import numpy as np
import plotly.graph_objects as go

from nncore.perceptron import BOOL_X, gate_data, line_segment, positive_region, run_perceptron
from nncore.xor_net import HAND_NET
from viz import perceptron_figs as F

BOX = (-0.5, 1.5, -0.5, 1.5)
PLANE = {"title": "t", "x": "x1", "y": "x2", "class0": "y = 0", "class1": "y = 1",
         "region": "r", "line": "l", "old_line": "o", "current": "c"}


def _valid(fig: go.Figure) -> dict:
    spec = go.Figure(fig.to_dict()).to_plotly_json()  # full validation
    assert fig.layout.font.size >= 14
    for trace in fig.data:
        for name in ("x", "y", "z"):
            v = getattr(trace, name, None)
            if v is not None and np.asarray(v).dtype.kind == "f":
                assert np.isfinite(np.asarray(v, dtype=float)).all()
    return spec


def test_plane_with_mistake_draws_region_lines_points_and_the_cross():
    w, old = np.array([1.0, 1.0, -1.5]), np.array([0.0, 1.0, -0.5])
    X, y = gate_data("xor")
    fig = F.plane(X, y, BOX, PLANE, line=line_segment(w, BOX), old_line=line_segment(old, BOX),
                  region=positive_region(w, BOX), highlight=2, mistake=True,
                  point_text=["a", "b", "c", "d"])
    _valid(fig)
    names = [t.name for t in fig.data]
    assert names[:5] == ["r", "o", "l", "y = 0", "y = 1"] and "c" in names
    assert len(fig.data) == 7  # + the red cross


def test_rule_charts_and_network_and_regions_and_loss():
    X, y = gate_data("xor")
    run = run_perceptron(X, y, 0.1, (0, 0, 0))
    W = run.w0 + run.lr * run.sums
    _valid(F.weights_chart(W, 5, {"title": "t", "x": "s", "y": "v", "names": ["a", "b", "c"]}))
    long = np.cumsum(np.ones((5000, 3)), axis=0)
    assert (
        len(
            F.weights_chart(long, 1, {"title": "t", "x": "s", "y": "v", "names": ["a", "b", "c"]})
            .data[0]
            .x
        )
        <= 601
    )
    _valid(F.mistakes_chart(run.epoch_mistakes, 2, {"title": "t", "x": "e", "y": "m"}))
    fig = F.network_diagram(HAND_NET, {"title": "t", "inputs": ["x1", "x2"],
                                       "hidden": ["h1", "h2"], "output": "o"})
    _valid(fig)
    texts = [a.text for a in fig.layout.annotations]
    assert "<b>+1.5</b>" not in texts and any("b = +1.5" in t for t in texts)
    assert sum(t.startswith("<b>") and "1" in t for t in texts) >= 6  # six edge weights
    xs = np.linspace(-0.5, 1.5, 20)
    prob = np.random.default_rng(0).random((20, 20))
    _valid(F.input_regions(xs, prob, BOOL_X, y, [line_segment(np.array([1, 1, -0.5]), BOX),
                                                  None], {
        "title": "t", "x": "a", "y": "b", "class0": "0", "class1": "1", "hidden": ["p", "q"],
        "prob": "p"}))
    loss = np.exp(-np.linspace(0, 5, 501))[None, :].repeat(3, axis=0)
    fig = F.loss_curves(
        loss,
        np.array([True, False, True]),
        1,
        {"title": "t", "x": "e", "y": "l", "solved": "s", "stuck": "k", "picked": "p"},
    )
    _valid(fig)
    assert fig.layout.yaxis.type == "log" and len(fig.data) == 4
    assert [t.showlegend for t in fig.data[:3]] == [True, True, False]
