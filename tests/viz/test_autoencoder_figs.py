"""viz.autoencoder_figs: every figure validates, the digit grid is a pixelated PNG of the right
size, traces and ranges are as drawn on the page, no NaN/inf."""

import base64
import io

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from viz import autoencoder_figs as V


def _validated(fig):
    spec = fig.to_dict()
    go.Figure(spec)  # full property validation: raises on a bad key or value
    for trace in fig.data:
        for key in ("x", "y"):
            values = np.asarray(trace[key] if trace[key] is not None else [])
            if values.dtype.kind == "f":
                assert np.isfinite(values).all()
    return fig.to_plotly_json()


def test_grid_pixels_layout():
    rng = np.random.default_rng(0)
    rows = [rng.random((10, 64)), np.full((10, 64), 2.0), np.full((10, 64), -1.0)]
    pix = V.grid_pixels(rows)
    assert pix.shape == (3 * 9 - 1, 10 * 9 - 1) and pix.dtype == np.uint8
    assert (pix[9:17, :8] == 255).all() and (pix[18:, :8] == 0).all()  # clipped to 0..1
    assert (pix[8, :] == 0).all() and (pix[:, 8] == 0).all()  # gaps are blank
    assert V.grid_pixels(rows, row_gap=4).shape == (3 * 12 - 4, 10 * 9 - 1)


def test_digit_grid_is_one_png():
    rows = [np.linspace(0, 1, 640).reshape(10, 64)] * 2
    spec = _validated(V.digit_grid(rows, ["original", "AE"], "title"))
    (image,) = spec["layout"]["images"]
    png = base64.b64decode(image["source"].split(",", 1)[1])
    assert Image.open(io.BytesIO(png)).size == (89, 2 * 8 + V.NAME_BAND)  # a band between rows
    assert spec["layout"]["meta"] == {"pixelated": True}
    # each name in the band above its row: the first at the top, the second 8 + band lower
    names = spec["layout"]["annotations"]
    assert [a["text"] for a in names] == ["original", "AE"]
    top = spec["layout"]["yaxis"]["range"][1]
    assert [a["y"] for a in names] == [top, top - 8 - V.NAME_BAND]
    assert top == 2 * 8 + V.NAME_BAND - 0.5 + V.NAME_BAND
    assert spec["layout"]["margin"]["l"] <= 10  # the digits take the whole width
    assert not spec["data"]


def test_error_vs_k_and_training_curve():
    names = {"ae": "AE", "pca": "PCA", "title": "t", "x": "k", "y": "mse"}
    spec = _validated(V.error_vs_k([2, 4, 8], [0.05, 0.03, 0.02], [0.06, 0.04, 0.02], names))
    assert [t["name"] for t in spec["data"]] == ["AE", "PCA"]
    assert spec["layout"]["xaxis"]["type"] == "log"
    spec = _validated(V.training_curve(np.arange(3), [("train", np.ones(3), "#000")],
                                       {"title": "t", "x": "e", "y": "m"}))
    assert len(spec["data"]) == 1


def test_code_scatter_one_legend_for_two_panels():
    rng = np.random.default_rng(1)
    y = np.arange(100) % 10
    fig = V.code_scatter([("AE", rng.normal(size=(100, 2))), ("PCA", rng.normal(size=(100, 2)))],
                         y, [f"d{d}" for d in range(10)], [("a", "b"), ("c", "d")], "d {d}")
    spec = _validated(fig)
    assert len(spec["data"]) == 20
    assert sum(bool(t.get("showlegend")) for t in spec["data"]) == 10
    assert {t["xaxis"] for t in spec["data"]} == {"x", "x2"}


def test_accuracy_bars_and_manifold():
    names = {"pre": "P", "rand": "R", "seed": "s{s}", "mean": "mean", "title": "t", "y": "acc"}
    spec = _validated(V.accuracy_bars([0, 1], [0.9, 0.8], [0.85, 0.86], names))
    assert spec["data"][0]["x"] == ["s0", "s1", "mean"]
    assert abs(spec["data"][0]["y"][-1] - 0.85) < 1e-12
    X = np.column_stack([np.cos(np.linspace(0, 3, 30)), np.sin(np.linspace(0, 3, 30))])
    names = {"points": "p", "code": "z", "curve": "c", "hover": "z", "title": "t"}
    spec = _validated(V.manifold_figure(X, np.linspace(-1, 1, 30), X[::-1], names))
    assert spec["data"][1]["mode"] == "lines"
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"


def test_grid_png_is_scaled_mosaic():
    png = V.grid_png([np.zeros((10, 64)), np.ones((10, 64))], scale=3)
    im = Image.open(io.BytesIO(png))
    assert im.size == (89 * 3, 17 * 3) and im.mode == "P"
