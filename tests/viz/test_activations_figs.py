"""viz.activations_figs: valid figures, finite numbers, the promised traces, a log axis."""

import numpy as np
import plotly.graph_objects as go

from nncore.vanishing import curves, factor_over_depth
from viz import activations_figs as F


def _valid(fig):
    go.Figure(fig.to_dict())  # full validation
    assert fig.layout.font.size >= 14
    for t in fig.data:
        for name in ("x", "y", "z"):
            v = getattr(t, name, None)
            if v is not None and np.asarray(v).dtype.kind == "f":
                assert np.isfinite(np.asarray(v, dtype=float)).all()


def test_curves_with_bands_extra_and_markers():
    x, ys = curves(["sigmoid", "relu"], -4, 4, 201)
    fig = F.curves(
        x,
        {k: v[1] for k, v in ys.items()},
        {"sigmoid": "#000", "relu": "#111"},
        {"sigmoid": "S", "relu": "R"},
        {"title": "t", "x": "x", "y": "y"},
        bands=[(-4, -3, "#000", "sat"), (3, 4, "#000", ""), (-4, 0, "#111", "dead")],
        extra=[(x, x, "id", "#222", "dot")],
        markers=[(0, 0.25, "0.25", "#000")],
    )
    _valid(fig)
    assert len(fig.layout.shapes) == 3
    assert [t.name for t in fig.data][:2] == ["sat", "dead"]  # one legend entry per band kind
    assert fig.layout.xaxis.range == (-4.0, 4.0)


def test_linear_boundary_and_gradient_depth():
    pts = np.array([[0.0, 0.0], [1.0, -1.0]])
    fig = F.linear_boundary(2.0, pts, pts[:1], np.array([[-2, 2], [2, -2]]),
                            {"title": "t", "x": "a", "y": "b", "deep": "d", "one": "o",
                             "nonlin": "n"})
    _valid(fig)
    assert [t.mode for t in fig.data] == ["markers", "markers", "lines"]
    d = np.arange(11)
    fig = F.gradient_depth(
        d, {"sigmoid": factor_over_depth("sigmoid", 1.0, 1.0, 10)},
        {"sigmoid": (d, 0.9 ** d)}, {"sigmoid": "#000"}, {"sigmoid": "S"},
        {"title": "t", "x": "d", "y": "r", "bound": "b", "formula": "{act} f",
         "measured": "{act} m"}, bound=0.25 ** d.astype(float),
    )
    _valid(fig)
    assert fig.layout.yaxis.type == "log"
    assert [t.name for t in fig.data] == ["b", "S f", "S m"]
