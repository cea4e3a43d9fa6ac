"""viz.regularization_figs: every builder validates with plotly, carries only finite numbers,
and draws what it is given (mask colours, histogram counts, the exact loss ellipse)."""

import json

import numpy as np
import plotly.graph_objects as go

from nncore import regularization as R
from viz import regularization_figs as V

LBL = {k: k for k in ("loss_title", "acc_title", "epoch", "loss", "acc", "train", "test", "gap",
                      "title", "kept", "dropped", "count", "weight", "zeros_title",
                      "norm_title", "share", "norm", "near", "touch", "l1_set", "l2_set",
                      "path", "wstar", "l1_opt", "l2_opt", "l1_title", "l2_title")}
LBL["class"] = "class {k}"


def _check(fig):
    spec = fig.to_dict()
    go.Figure(spec)  # full property validation: raises on a bad key or value
    text = json.dumps(spec, default=lambda a: np.asarray(a, dtype=float).tolist())
    assert "NaN" not in text and "Infinity" not in text
    return {"data": [t.to_plotly_json() for t in fig.data], "layout": spec["layout"]}


def _hist():
    e = np.arange(0, 11)
    return e, {"train_loss": np.linspace(1, 0.1, 11), "test_loss": np.linspace(1, 0.5, 11),
               "train_acc": np.linspace(0.5, 1, 11), "test_acc": np.full(11, 0.8)}


def test_curves_and_compare():
    e, h = _hist()
    spec = _check(V.curves_figure(e, h, 5, LBL))
    assert spec["data"][1]["fill"] == "tonexty"  # the gap between test and train loss
    assert [s["x0"] for s in spec["layout"]["shapes"]] == [5, 5]
    curves = {m: (e, h["train_loss"], h["test_loss"]) for m in ("none", "dropout", "early")}
    spec = _check(V.compare_figure(curves, {m: m for m in curves}, 4, LBL))
    marker = [t for t in spec["data"] if t.get("mode") == "markers"][0]
    assert list(marker["x"]) == [4.0] and np.isclose(marker["y"][0], h["test_loss"][4])


def test_boundary_and_thumbnails_are_pictures():
    xs = np.linspace(-1, 1, 20)
    p = np.random.default_rng(0).random((20, 20, 1))
    proba = np.concatenate([1 - p, p], axis=2)
    X = np.array([[0.1, 0.2], [-0.3, 0.5]])
    y = np.array([0, 1])
    spec = _check(V.boundary_figure(xs, proba, X, y, X, y, LBL))
    assert spec["layout"]["images"][0]["source"].startswith("data:image/png;base64,")
    spec = _check(V.thumbnails_figure(xs, [proba] * 3, ["a", "b", "c"], X, y, LBL))
    assert len(spec["layout"]["images"]) == 3


def test_masks_figure_greys_dropped_units():
    keep = np.array([True, False, True, False])
    spec = _check(V.masks_figure([[keep, keep]], ["s"], LBL, shown=4))
    kept = [t for t in spec["data"] if t.get("name") == "kept"][0]
    dropped = [t for t in spec["data"] if t.get("name") == "dropped"][0]
    assert len(kept["x"]) == 2 + 2 + 2 + 2 and len(dropped["x"]) == 4


def test_histograms_and_sweep():
    edges = np.linspace(-1, 1, 6)
    counts = {"l2": np.array([1, 2, 30, 2, 1]), "l1_prox": np.array([0, 1, 40, 1, 0])}
    spec = _check(V.histograms_figure(edges, counts, {"l2": "a", "l1_prox": "b"}, LBL))
    assert list(spec["data"][1]["y"]) == [0, 1, 40, 1, 0]
    lams = np.array([0.01, 0.1])
    series = {"l2": {"zeros": np.zeros(2), "near": np.array([0.1, 0.2]), "norm": np.ones(2)}}
    _check(V.sweep_figure(lams, series, {"l2": "L2"}, LBL))


def test_geometry_contour_through_the_optimum_is_exact():
    lams = np.linspace(0, 2, 11)
    p1, p2 = R.paths(lams)
    w1, w2 = R.l1_optimum(0.3), R.l2_optimum(0.3)
    spec = _check(V.geometry_figure(R.GEO_A, R.GEO_W_STAR, w1, w2, p1, p2, [0.1, 0.5], LBL))
    touch = [t for t in spec["data"] if t.get("name") == "touch"][0]
    pts = np.stack([touch["x"], touch["y"]], axis=1)
    assert np.allclose(R.quad_loss(pts), R.quad_loss(w1), rtol=1e-9)
    diamond = [t for t in spec["data"] if t.get("name") == "l1_set"][0]
    assert max(diamond["x"]) == np.abs(w1).sum()
