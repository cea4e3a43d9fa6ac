"""viz.batchnorm_figs: traces, shared colour scale, diverged cells drawn as grey + × with
hover text (never a NaN), histograms as shares."""

import json

import numpy as np
import plotly.graph_objects as go

from viz import batchnorm_figs as f


def _no_nan(fig: go.Figure) -> dict:
    """The figure is valid plotly (rebuilt with validation on: the builders skip it for speed)
    and its JSON has no NaN/Infinity."""

    def reject(token):
        raise AssertionError(token)

    go.Figure(fig.to_dict())
    return json.loads(fig.to_json(), parse_constant=reject)


def test_training_curves():
    labels = {"plain": "p", "bn": "b", "loss": "L", "acc": "A", "epoch": "e"}
    curves = {"plain": (np.array([0.7, 0.6, 0.5]), np.array([0.5, 0.6, 0.7])),
              "bn": (np.array([0.7, 0.2]), np.array([0.5, 0.9]))}  # a diverged run is shorter
    fig = f.training_curves(np.arange(3), curves, labels)
    assert len(fig.data) == 4
    assert [len(t.x) for t in fig.data] == [3, 3, 2, 2]
    assert [t.showlegend for t in fig.data] == [True, False, True, False]
    _no_nan(fig)


def test_distributions_are_shares():
    edges = np.linspace(-1, 1, 11)
    counts = np.arange(10)
    fig = f.distributions([("a", counts, edges, "#000"), ("b", counts * 0, edges, "#111")],
                          {"x": "x", "y": "y"}, y_max=[0.3, 0.2])
    assert fig.layout.yaxis.range == (0, 0.3) and fig.layout.yaxis2.range == (0, 0.2)
    y = np.asarray(fig.data[0].y)
    assert len(y) == 11 and np.isclose(np.sum(y[:-1]), 1.0) and y[-1] == y[-2]
    assert np.all(np.asarray(fig.data[1].y) == 0)
    assert fig.layout.xaxis.range == (-1, 1) and fig.layout.xaxis2.range == (-1, 1)
    assert fig.layout.yaxis.tickformat == fig.layout.yaxis2.tickformat == ".0%"
    assert [a.text for a in fig.layout.annotations] == ["a", "b"]
    _no_nan(fig)


def test_heatmaps_mark_divergence_without_nan():
    lrs, scales = ["0.1", "1"], ["0.01", "0.1", "1"]
    div = np.array([[False, False], [False, True], [True, True]])
    hover = np.array([[f"c{i}{j}" for j in range(2)] for i in range(3)], dtype=object)
    loss = np.array([[0.1, 0.2], [0.3, 5.0], [1e300, 2.0]])
    grids = {"plain": {"loss": loss, "diverged": div, "hover": hover},
             "bn": {"loss": loss * 0 + 0.05, "diverged": np.zeros_like(div), "hover": hover}}
    labels = {"plain": "P", "bn": "B", "x": "lr", "y": "s", "color": "loss", "diverged": "div"}
    fig = f.robustness_heatmaps(lrs, scales, grids, labels, cap=1.0)
    spec = _no_nan(fig)
    heat = [t for t in spec["data"] if t["type"] == "heatmap"]
    marks = [t for t in spec["data"] if t["type"] == "scatter"]
    assert len(heat) == 2 and len(marks) == 1
    z = heat[0]["z"]
    assert z[1][1] is None and z[2][0] is None and z[2][1] is None and z[0][1] == 0.2
    assert max(v for row in z for v in row if v is not None) <= 1.0  # capped
    assert heat[0]["zmin"] == heat[1]["zmin"] == 0 and heat[0]["zmax"] == heat[1]["zmax"] == 1
    assert sorted(zip(marks[0]["x"], marks[0]["y"], strict=True)) == [
        ("0.1", "1"), ("1", "0.1"), ("1", "1")]
    assert set(marks[0]["text"]) == {"c11", "c20", "c21"}
    assert spec["layout"]["plot_bgcolor"] == f.DIVERGED_BG


def test_gamma_beta_and_running_stats():
    fig = f.gamma_beta(np.array([1.0, 1.2]), np.array([0.0, -0.1]),
                       {"title": "t", "unit": "u", "value": "v"})
    assert [t.name for t in fig.data if t.mode == "markers"] == ["γ", "β"]
    assert list(fig.data[1].y) == [1.0, 1.2] and list(fig.data[3].y) == [0.0, -0.1]
    assert list(fig.data[0].y) == [1.0, 1.0, 1.0, 1.0, 1.2, 1.0]  # stems from γ = 1
    fig = f.gamma_beta(np.ones(3), np.zeros(3), {"title": "t", "unit": "u", "value": "v"},
                       y_range=(-0.5, 1.5))
    assert fig.layout.yaxis.range == (-0.5, 1.5)
    _no_nan(fig)
    series = {k: np.linspace(0, 1, 5) for k in ("run_mean", "data_mean", "run_var", "data_var")}
    labels = {k: k for k in series} | {"title": "t", "mean_panel": "m", "var_panel": "v",
                                        "step": "s"}
    fig = f.running_stats(np.arange(5), series, labels)
    assert len(fig.data) == 4
    _no_nan(fig)


def test_pending_cells_are_gaps_without_markers():
    div = np.zeros((2, 2), dtype=bool)
    pending = np.array([[False, True], [False, True]])
    hover = np.array([["a", "…"], ["b", "…"]], dtype=object)
    g = {"loss": np.full((2, 2), 0.3), "diverged": div, "pending": pending, "hover": hover}
    labels = {"plain": "P", "bn": "B", "x": "lr", "y": "s", "color": "loss", "diverged": "div"}
    spec = _no_nan(f.robustness_heatmaps(["1", "2"], ["1", "2"], {"plain": g, "bn": g},
                                         labels, cap=1.0))
    assert all(t["type"] == "heatmap" for t in spec["data"])
    assert spec["data"][0]["z"] == [[0.3, None], [0.3, None]]
