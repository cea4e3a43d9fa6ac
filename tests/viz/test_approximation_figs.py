"""viz.approximation_figs: each builder's traces, axis types, labels passed through, only finite
numbers, and a spec plotly accepts under full validation."""

import numpy as np
import plotly.graph_objects as go

from nncore import approx as A
from viz import approximation_figs as F

L = {k: f"<{k}>" for k in ("title", "x", "y", "target", "sum", "knots", "samples", "fit", "loss",
                           "relu", "bound", "stair", "current", "trained", "deep", "shallow", "best",
                           "ref", "units")}


def _finite(fig: go.Figure) -> None:
    go.Figure(fig.to_dict())  # full validation
    for trace in fig.data:
        for attr in ("x", "y"):
            v = getattr(trace, attr)
            if v is not None:
                assert np.isfinite(np.asarray(v, dtype=float)).all()


def test_construct_figure():
    f = A.make_target("sin").f
    p = A.relu_interpolant(f, -3, 3, 8)
    x = np.linspace(-3, 3, 200)
    parts = A.unit_contributions(p, x, "relu")[:3]
    fig = F.construct_figure(x, f(x), A.net_output(p, x, "relu"), list(parts), ["a", "b", "c"],
                             -p["b1"], L)
    names = ["<units>"] * 3 + ["<target>", "<sum>", "<knots>"]
    assert [t.name for t in fig.data] == names
    # one legend entry for the terms; each term's formula is its hover text
    assert [t.showlegend for t in fig.data[:3]] == [True, False, False]
    assert [t.hovertemplate.split("<extra>")[1] for t in fig.data[:3]] == [
        "a</extra>", "b</extra>", "c</extra>"]
    assert len(fig.data[-1].x) == 8
    assert fig.layout.title.text == "<title>"
    _finite(fig)


def test_fit_and_loss_figures():
    x = np.linspace(-1, 1, 50)
    fig = F.fit_figure(x, x**2, x, x**2 + 0.1, x**2, np.array([0.1, 0.5]), L)
    assert [t.name for t in fig.data] == ["<target>", "<samples>", "<fit>", "<knots>"]
    assert len(F.fit_figure(x, x**2, x, None, x**2, np.zeros(0), L).data) == 3
    _finite(fig)
    loss = F.loss_figure(np.arange(1, 11), np.r_[np.geomspace(1, 1e-3, 9), 0.0], L)
    assert loss.layout.yaxis.type == "log" and np.all(np.asarray(loss.data[0].y) > 0)
    _finite(loss)


def test_error_figure():
    ns = np.arange(1, 257)
    err = A.interpolation_errors(np.abs, -3, 3, ns)  # has exact zeros
    fig = F.error_figure(ns, err, None, np.array([1, 2]), np.array([1.0, 0.5]), (8, 0.1),
                         (8, 0.2), L)
    assert fig.layout.xaxis.type == "log" and fig.layout.yaxis.type == "log"
    assert np.all(np.asarray(fig.data[0].y) > 0)  # zeros lifted to the floor
    assert [t.name for t in fig.data] == ["<relu>", "<stair>", "<current>", "<trained>"]
    _finite(fig)
    with_bound = F.error_figure(ns, err, A.interpolation_bound(-3, 3, ns, 4.0), None, None,
                                (8, 0.1), None, L)
    assert [t.name for t in with_bound.data] == ["<relu>", "<bound>", "<current>"]


def test_depth_and_pieces_figures():
    s = np.linspace(0, 1, 101)
    fig = F.depth_figure(s, A.tent_power(s, 3), A.tent_power(s, 3), s, L)
    assert len(fig.data) == 3
    _finite(fig)
    ks = np.arange(1, 9)
    pf = F.pieces_figure(2 * ks, 2.0**ks, np.arange(1, 17), np.arange(2, 18), (8, 16), L)
    assert pf.layout.yaxis.type == "log" and list(pf.data[0].y) == list(2.0**ks)
    _finite(pf)


def test_error_figure_with_best_fit_and_reference():
    tg = A.make_target("abs")  # exact best fits (error 0) from N = 2 on
    ns = np.arange(1, 257)
    bt = A.best_table(tg, -3.0, 3.0, ns=(1, 2, 4, 8, 16))
    assert bt["ref"] is None  # no 1/N² line through an exact fit
    fig = F.error_figure(ns, A.interpolation_errors(tg.f, -3, 3, ns), None, None, None,
                         (8, 0.1), None, L, best=(bt["ns"], bt["best"]),
                         ref=(np.array([16, 256]), np.array([1e-2, 1e-2 / 256])))
    assert [t.name for t in fig.data] == ["<relu>", "<best>", "<ref>", "<current>"]
    assert np.all(np.asarray(fig.data[1].y) > 0)  # exact zeros lifted to the floor
    _finite(fig)
