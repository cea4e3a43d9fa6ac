"""Training playground, NumPy and file side: features, grids, thumbnails, confusion matrix,
weight histograms, weights JSON, uploaded-CSV validation, determinism and divergence."""

import json
import re

import numpy as np
import pytest

from nncore import init_bn_state, init_mlp, make_dataset, predict_proba, train_mlp
from nncore.divergence import TRAINING_DIVERGED
from nncore.playground import (
    FEATURES,
    FRAME,
    MAX_ROWS,
    confusion_matrix,
    expected_shapes,
    feature_map,
    network_grid,
    params_from_json,
    params_to_json,
    plane_extent,
    plane_grid,
    quantize_tile,
    thumbnail_mosaic,
    validate_points,
    weight_histograms,
)
from ui.playground_io import MAX_BYTES, parse_points_csv

# ---------------------------------------------------------------------------------------------
# Features and grids
# ---------------------------------------------------------------------------------------------


def test_feature_map_columns_in_registry_order():
    X = np.array([[0.5, -2.0], [1.0, 3.0]])
    F = feature_map(X, ["sinx2", "x1", "x1x2", "x1sq"])  # order given is not the order used
    a, b = X[:, 0], X[:, 1]
    np.testing.assert_allclose(F, np.stack([a, a * a, a * b, np.sin(b)], axis=1))
    assert feature_map(X, list(FEATURES)).shape == (2, 7)


@pytest.mark.parametrize("names", [[], ["x3"]])
def test_feature_map_rejects_bad_names(names):
    with pytest.raises(ValueError):
        feature_map(np.zeros((3, 2)), names)


def test_plane_grid_and_extent():
    xs, ys, XY = plane_grid(1.5, 100)
    assert xs.shape == (100,) and XY.shape == (10_000, 2)
    assert XY[0].tolist() == [-1.5, -1.5] and XY[-1].tolist() == [1.5, 1.5]
    assert XY[1, 0] > XY[0, 0] and XY[1, 1] == XY[0, 1]  # row-major: x varies fastest
    with pytest.raises(ValueError):
        plane_grid(1.0, 101)
    assert plane_extent(np.array([[0.1, 0.2]])) == 1.6
    assert plane_extent(np.array([[3.0, -4.0]])) == pytest.approx(4.0 * 1.08)


def test_network_grid_one_pass_matches_predict_proba():
    feats = ["x1", "x2", "x1x2"]
    sizes = [3, 5, 4, 3]
    acts = ["tanh", "relu"]
    params = init_mlp(sizes, "xavier_normal", np.random.default_rng(1), activation=acts)
    g = network_grid(params, feats, acts, "softmax_ce", None, 1.5, 40)
    assert g.proba.shape == (40, 40, 3) and [h.shape for h in g.hidden] == [(40, 40, 5),
                                                                            (40, 40, 4)]
    np.testing.assert_allclose(g.proba.sum(axis=2), 1.0)
    _, _, XY = plane_grid(1.5, 40)
    ref = predict_proba(params, feature_map(XY, feats), acts, "softmax_ce")
    np.testing.assert_allclose(g.proba.reshape(-1, 3), ref)
    assert g.inputs.shape == (40, 40, 3) and g.n_bad == 0


def test_network_grid_with_batchnorm_and_maxout():
    acts = ["maxout", "tanh"]
    params = init_mlp([2, 3, 3, 1], "he_normal", np.random.default_rng(0), activation=acts,
                      batchnorm=True)  # fmt: skip
    g = network_grid(params, ["x1", "x2"], acts, "bce", init_bn_state(params), 2.0, 20)
    assert g.proba.shape == (20, 20, 2) and g.hidden[0].shape == (20, 20, 3)
    assert np.isfinite(g.proba).all()


def test_quantize_tile_and_mosaic_layout():
    q = quantize_tile(np.array([[-2.0, 0.0], [1.0, 2.0]]))
    assert q.tolist() == [[1, 125], [187, 249]]
    assert quantize_tile(np.zeros((2, 2))).tolist() == [[125, 125], [125, 125]]
    rng = np.random.default_rng(0)
    layers = [rng.normal(size=(100, 100, 2)), rng.normal(size=(100, 100, 8)),
              rng.normal(size=(100, 100, 20))]  # fmt: skip
    m = thumbnail_mosaic(layers, cell_budget=160_000)
    assert m.image.dtype == np.uint8 and m.image.size <= 160_000
    assert len(m.tiles) == 30 and len(m.layer_cols) == 3
    assert (m.image == 0).any() and (m.image == FRAME).any()  # empty slots + tile frames
    for _, _, r0, c0 in m.tiles:  # every tile's cells are data (1..249) inside a frame
        inner = m.image[r0 : r0 + m.tile, c0 : c0 + m.tile]
        assert inner.min() >= 1 and inner.max() <= 249
        ring = m.image[r0 - 1 : r0 + m.tile + 1, c0 - 1 : c0 + m.tile + 1].copy()
        ring[1:-1, 1:-1] = FRAME
        assert (ring == FRAME).all()
    # 8 layers of 64 units still fit the budget (tiles get coarser, not the payload bigger).
    big = thumbnail_mosaic([np.ones((100, 100, 64))] * 8)
    assert big.image.size <= 160_000 and len(big.tiles) == 512


def test_confusion_matrix_and_weight_histograms():
    cm = confusion_matrix(np.array([0, 0, 1, 2, 2]), np.array([0, 1, 1, 2, 0]), 3)
    assert cm.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 1]]
    params = init_mlp([2, 8, 8, 2], "he_normal", np.random.default_rng(0))
    hists = weight_histograms(params, bins=20)
    assert [h["layer"] for h in hists] == [1, 2, 3]
    assert [int(h["counts"].sum()) for h in hists] == [16, 64, 16]
    assert all(len(h["edges"]) == 21 for h in hists)
    flat = weight_histograms({"W1": np.zeros((2, 2)), "b1": np.zeros(2)})
    assert flat[0]["counts"].sum() == 4  # constant weights get a non-empty range


# ---------------------------------------------------------------------------------------------
# Weights JSON
# ---------------------------------------------------------------------------------------------


def _trained(batchnorm=False):
    X, y = make_dataset("circles", 120, 0.05, np.random.default_rng(0))
    return train_mlp(X, y, [2, 6, 2], activation="tanh", epochs=3, batchnorm=batchnorm, seed=3)


@pytest.mark.parametrize("batchnorm", [False, True])
def test_weights_json_round_trip(batchnorm):
    res = _trained(batchnorm)
    shapes = expected_shapes([2, 6, 2], ["tanh"], batchnorm)
    assert shapes == {k: v.shape for k, v in res.params.items()}
    text = params_to_json(res.params, res.bn_state, {"epoch": 3})
    params, bn, meta = params_from_json(text, shapes)
    assert meta == {"epoch": 3}
    assert params.keys() == res.params.keys() and bn.keys() == res.bn_state.keys()
    for k in params:
        np.testing.assert_array_equal(params[k], res.params[k])  # exact: JSON keeps 17 digits
    for k in bn:
        np.testing.assert_array_equal(bn[k], res.bn_state[k])


def test_weights_json_errors_are_specific():
    res = _trained()
    shapes = expected_shapes([2, 6, 2], ["tanh"], False)
    doc = json.loads(params_to_json(res.params))

    def err(d) -> str:
        with pytest.raises(ValueError) as e:
            params_from_json(json.dumps(d) if not isinstance(d, str) else d, shapes)
        return str(e.value)

    assert "not valid JSON" in err("{oops")
    assert "params" in err({"weights": {}})
    assert "missing W2" in err({**doc, "params": {k: v for k, v in doc["params"].items()
                                                   if k != "W2"}})  # fmt: skip
    assert "unexpected W9" in err({**doc, "params": {**doc["params"], "W9": [[1.0]]}})
    wrong = {**doc, "params": {**doc["params"], "W1": [[0.0] * 5] * 2}}
    assert "'W1' has shape (2, 5) but this network needs (2, 6)" in err(wrong)
    nan = json.dumps(doc).replace(str(doc["params"]["b2"][0]), "NaN", 1)
    assert "NaN or infinite" in err(nan)
    assert "list of numbers" in err({**doc, "params": {**doc["params"], "b2": ["a", "b"]}})
    # A 3-layer file offered to a 2-layer network says which keys are wrong.
    other = params_to_json(init_mlp([2, 6, 6, 2], "he_normal", np.random.default_rng(0)))
    assert "unexpected W3, b3" in err(other)
    assert "holds a 2-6-6-2 network, this one is 2-6-2" in err(other)


# ---------------------------------------------------------------------------------------------
# Uploaded CSV
# ---------------------------------------------------------------------------------------------


def _csv(rows, header="x1,x2,label") -> bytes:
    return (header + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n").encode()


def _err(raw: bytes) -> str:
    with pytest.raises(ValueError) as e:
        parse_points_csv(raw)
    return str(e.value)


def test_good_csv_is_read_and_labels_renumbered():
    X, y, classes = parse_points_csv(_csv([[0.1, 0.2, 5], [0.3, -1, 7], [2, 2, 5]]))
    assert X.shape == (3, 2) and y.tolist() == [0, 1, 0] and classes.tolist() == [5, 7]
    # Column order and spaces do not matter; extra columns are ignored.
    X2, y2, _ = parse_points_csv(b"label, x2 ,x1,note\n1,2,3,a\n0,5,6,b\n")
    assert X2.tolist() == [[3.0, 2.0], [6.0, 5.0]] and y2.tolist() == [1, 0]


def test_csv_too_many_rows():
    rows = [[0.0, 0.0, i % 2] for i in range(MAX_ROWS + 1)]
    assert f"at most {MAX_ROWS}" in _err(_csv(rows))
    assert parse_points_csv(_csv(rows[:MAX_ROWS]))[0].shape == (MAX_ROWS, 2)


def test_csv_too_many_bytes_checked_before_parsing():
    raw = b"x1,x2,label\n" + b"#" * MAX_BYTES  # not even CSV: the size is checked first
    assert "MB" in _err(raw) and "at most 1 MB" in _err(raw)


def test_csv_missing_column():
    msg = _err(b"x1,y,label\n0,1,0\n1,0,1\n")
    assert "missing column(s) x2" in msg and "found: x1, y, label" in msg
    assert "missing column(s) x1, x2, label" in _err(b"0.1,0.2,1\n0.3,0.4,0\n")


def test_csv_non_numeric_column():
    msg = _err(b"x1,x2,label\n0,1,0\n1,abc,1\n")
    assert "column x2 is not numeric" in msg and "'abc'" in msg and "data row 2" in msg
    assert "column label is not numeric" in _err(b"x1,x2,label\n0,1,cat\n1,0,dog\n")


@pytest.mark.parametrize("bad", ["nan", "inf", "-inf", ""])
def test_csv_nan_inf_or_empty(bad):
    msg = _err(f"x1,x2,label\n0,1,0\n{bad},0,1\n1,1,1\n".encode())
    assert "column x1" in msg and "NaN or infinite" in msg and "data row 2" in msg


def test_csv_single_class_and_too_many_classes():
    assert "same label (3)" in _err(_csv([[0, 0, 3], [1, 1, 3]]))
    assert "11 classes" in _err(_csv([[i, i, i] for i in range(11)]))
    assert "whole numbers" in _err(_csv([[0, 0, 0.5], [1, 1, 1]]))


def test_csv_empty_or_garbage():
    assert "empty" in _err(b"")
    assert "no data rows" in _err(b"x1,x2,label\n")
    assert "not valid" not in _err(b"\xff\xfe\x00garbage")  # a readable message, no crash


def test_validate_points_direct():
    with pytest.raises(ValueError, match="two coordinate columns"):
        validate_points(np.zeros((3, 3)), np.zeros(3))


# ---------------------------------------------------------------------------------------------
# Determinism and divergence
# ---------------------------------------------------------------------------------------------


def test_same_seed_gives_identical_runs():
    def run(seed):
        X, y = make_dataset("spirals3", 150, 0.05, np.random.default_rng(seed))
        F = feature_map(X, ["x1", "x2", "sinx1"])
        return train_mlp(F, y, [3, 8, 8, 3], activation="relu", init="he_normal",
                         optimizer="momentum", opt_hp={"lr": 0.05}, epochs=8, batch_size=10,
                         dropout=0.1, seed=seed, snapshot_epochs=range(9))  # fmt: skip

    a, b, c = run(4), run(4), run(5)
    for k in a.history:
        np.testing.assert_array_equal(a.history[k], b.history[k])
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])
        np.testing.assert_array_equal(a.snapshots[0][0][k], b.snapshots[0][0][k])
    assert not np.array_equal(a.history["train_loss"], c.history["train_loss"])


def test_divergence_with_lr_10_and_linear_activation():
    X, y = make_dataset("xor", 200, 0.05, np.random.default_rng(0))
    res = train_mlp(X, y, [2, 8, 8, 2], activation="linear", optimizer="sgd",
                    opt_hp={"lr": 10.0}, epochs=50, batch_size=10, seed=0)  # fmt: skip
    assert res.diverged_at is not None and 1 <= res.diverged_at <= 50
    assert res.reason == TRAINING_DIVERGED
    assert all(np.isfinite(v).all() for v in res.history.values())
    # The views of the last good epoch are finite: nothing non-finite reaches a figure.
    last = max(res.snapshots)
    params, bn = res.snapshots[last]
    g = network_grid(params, ["x1", "x2"], "linear", "softmax_ce", bn, 1.6, 50)
    assert np.isfinite(g.proba).all() and all(np.isfinite(h).all() for h in g.hidden)


# ---------------------------------------------------------------------------------------------
# Figures (built without plotly.py's validation for speed: check they are valid and unchanged
# by validation, and carry no non-finite numbers)
# ---------------------------------------------------------------------------------------------


def _all_figures():
    from viz.playground_figs import (
        boundary_figure,
        confusion_figure,
        curves_figure,
        thumbnails_figure,
        weight_hist_figure,
    )

    res = _trained()
    X, y = make_dataset("circles", 60, 0.05, np.random.default_rng(1))
    g2 = network_grid(res.params, ["x1", "x2"], "tanh", "softmax_ce", None, 1.6, 30)
    p3 = init_mlp([2, 4, 3], "he_normal", np.random.default_rng(0))
    g3 = network_grid(p3, ["x1", "x2"], "relu", "softmax_ce", None, 1.6, 30)
    mosaic = thumbnail_mosaic([g2.inputs, *g2.hidden])
    return {
        "boundary2": boundary_figure(g2.xs, g2.proba, X, y, X, y),
        "boundary2_disc": boundary_figure(g2.xs, g2.proba, X, y, discretize=True, title="t"),
        "boundary3": boundary_figure(g3.xs, g3.proba, X, y % 3, X, y % 3, classes=[4, 5, 6]),
        "thumbs": thumbnails_figure(mosaic, ["Inputs", "Layer 1"], ["x₁", "x₂"]),
        "replay": boundary_figure(g2.xs, g2.proba, X, y, X, y,
                                  replay=([g2.proba, g2.proba[::-1]], [0, 5])),
        "curves": curves_figure(res.history, epoch=2, diverged_at=3),
        "compare": curves_figure(res.history, runs=[("#1", res.history, "#111"),
                                                    ("#2", res.history, "#222")]),
        "confusion": confusion_figure(np.array([[5, 1], [0, 4]])),
        "hist": weight_hist_figure(weight_histograms(res.params)),
    }  # fmt: skip


def test_figures_are_valid_and_finite():
    import plotly.graph_objects as go
    import plotly.io as pio

    for name, fig in _all_figures().items():
        raw = pio.to_json(fig, validate=False)
        validated = json.loads(pio.to_json(go.Figure(fig.to_dict()), validate=False))  # or raise
        spec = json.loads(raw)
        assert spec["layout"].pop("template") == {}, f"{name}: a template adds ~8 KB"
        validated["layout"].pop("template")
        assert spec == validated, f"{name}: validation changes the spec"
        plain = re.sub(r'"bdata":"[^"]*"', "", raw)  # base64 may spell "NaN"
        assert "NaN" not in plain and "Infinity" not in plain, name
        assert fig.data or fig.layout.images, name
        for frame in spec.get("frames", []):  # the replay: one boundary picture per frame
            (image,) = frame["layout"]["images"]
            assert image["source"].startswith("data:image/png;base64,") and "data" not in frame
            assert image == {**spec["layout"]["images"][0], "source": image["source"]}, name
        for trace in spec["data"]:
            if trace["type"] == "heatmap" and name != "confusion":
                # uint8 ≤ 250: flat saturated areas no longer turn into runs of base64 "/",
                # which Plotly's JSON escapes as \u002f (6 bytes each).
                b64 = trace["z"]["bdata"]
                assert trace["z"]["dtype"] == "u1" and b64.count("/") < 0.03 * len(b64), name


@pytest.mark.parametrize("discretize", [False, True])
@pytest.mark.parametrize("n_classes", [2, 3])
def test_boundary_picture_is_the_heatmap_drawn_top_down(n_classes, discretize):
    """Every pixel has the colour the heatmap scale gives its cell, and row 0 of the picture is
    the top of the plane (the largest x₂: grid row n − 1)."""
    from png_util import png_rgb

    from viz.playground_figs import CLASS_COLORS, boundary_image, boundary_png
    from viz.raster import colorscale_palette, parse_colour

    n = 6
    proba = np.full((n, n, n_classes), 0.1 / (n_classes - 1))
    proba[..., 0] = 0.9
    proba[-1, :, :] = 0.1 / (n_classes - 1)
    proba[-1, :, 1] = 0.9  # the top row (largest x₂) is sure of class 1
    rgb = png_rgb(boundary_png(proba, discretize))
    img, scale, zmax = boundary_image(proba, discretize)
    np.testing.assert_array_equal(rgb, colorscale_palette(scale, 0, zmax, zmax + 1)[img[::-1]])
    blue = np.array(parse_colour(CLASS_COLORS[1]))
    top, bottom = rgb[0, 0].astype(float), rgb[-1, 0].astype(float)
    assert np.abs(top - blue).sum() < np.abs(bottom - blue).sum()


def test_boundary_image_bands():
    from viz.playground_figs import BAND, boundary_image

    p = np.zeros((1, 3, 3))
    p[0, 0] = [1, 0, 0]  # sure of class 0
    p[0, 1] = [0.2, 0.3, 0.5]  # class 2, unsure
    p[0, 2] = [0, 1, 0]
    img, scale, zmax = boundary_image(p, discretize=False)
    assert img[0, 0] == BAND - 1 and 2 * BAND <= img[0, 1] < 2 * BAND + BAND // 2
    assert img[0, 2] == 2 * BAND - 1 and zmax == 3 * BAND - 1
    assert [s[0] for s in scale] == sorted(s[0] for s in scale)
    two = np.stack([np.full((2, 2), 0.3), np.full((2, 2), 0.7)], axis=2)
    img2, _, _ = boundary_image(two, discretize=False)
    assert (img2 == round(0.7 * 250)).all()
