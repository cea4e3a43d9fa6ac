"""nncore.warp: the space-warping argument as checks.

- ReLU of an affine map is piecewise linear: every activation pattern is one connected piece of
  the plane and the map is affine on it; the region count equals the number of patterns.
- A preset makes XOR linearly separable (logistic regression on h: 100%, on x: ≤ 75%).
- A linear activation never beats the raw-input linear accuracy.
- Depth can multiply regions (hand-built folds); the random-init count is reported, not asserted.
"""

import numpy as np
import pytest

import nncore as nn
from nncore import warp as W


def _xor(n=400, noise=0.0, seed=0):
    return nn.make_dataset("xor", n, noise, np.random.default_rng(seed))


# ---------------------------------------------------------------------------------------------
# Grid paths and stages
# ---------------------------------------------------------------------------------------------


def test_grid_paths_cover_every_grid_line_without_gaps():
    gh, gv = W.grid_paths(-1.0, 1.0, n_lines=5, n_pts=21)
    assert np.isfinite(gh).all() and np.isfinite(gv).all()
    # consecutive vertices are neighbours on the grid (no jump across the square)
    step = np.abs(np.diff(gh, axis=0)).max()
    assert step <= 0.5 + 1e-12
    # every horizontal grid line is traversed end to end
    for c in np.linspace(-1, 1, 5):
        on = gh[np.isclose(gh[:, 1], c)]
        assert on[:, 0].min() == pytest.approx(-1.0) and on[:, 0].max() == pytest.approx(1.0)
    # the vertical family is the mirror image
    np.testing.assert_array_equal(gv, gh[:, ::-1])


def test_manual_stages_follow_the_lecture_convention():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(50, 2))
    Wl = np.array([[1.0, 2.0], [-0.5, 0.3]])  # the lecture's W: unit i's weights in row i
    b = np.array([0.1, -0.2])
    x, z, h = W.manual_stages(X, [(Wl.T, b)], "relu")  # stored (fan_in, fan_out), as nncore.mlp
    np.testing.assert_allclose(x, X)
    np.testing.assert_allclose(z, (Wl @ X.T).T + b)  # the lecture's z = W x + b, column vectors
    np.testing.assert_allclose(z, nn.dense_forward(X, Wl.T, b)[0])
    np.testing.assert_allclose(h, np.maximum(z, 0))
    assert (h >= 0).all()  # ReLU puts everything in the first quadrant


def test_network_stages_match_mlp_forward():
    X, y = _xor(100)
    params = nn.init_mlp([2, 5, 3, 2], "he_normal", np.random.default_rng(0))
    reps = W.network_stages(params, X, "relu")
    out, rec = nn.mlp_forward(params, X, "relu")
    assert [r.shape[1] for r in reps] == [2, 5, 3]
    np.testing.assert_allclose(W.network_logits(params, reps[-1]), out)


# ---------------------------------------------------------------------------------------------
# Linear classifier
# ---------------------------------------------------------------------------------------------


def test_logreg_separates_separable_data_and_predicts_consistently():
    X, y = nn.make_dataset("linear", 300, 0.0, np.random.default_rng(0))
    fit = W.fit_logreg(X, y, 2)
    assert fit.accuracy == 1.0
    assert np.mean(fit.predict(X) == y) == fit.accuracy


def test_logreg_multiclass_and_constant_columns():
    X, y = nn.make_dataset("blobs4", 400, 0.0, np.random.default_rng(0))
    H = np.concatenate([X, np.zeros((len(X), 2)), np.full((len(X), 1), 3.0)], axis=1)
    fit = W.fit_logreg(H, y, 4)
    assert fit.accuracy > 0.95
    assert np.all(np.isfinite(fit.W)) and np.all(fit.W[2:] == 0)  # constant columns unused
    assert np.mean(fit.predict(H) == y) == fit.accuracy


@pytest.mark.parametrize("noise", [0.0])
def test_xor_preset_makes_xor_linearly_separable(noise):
    X, y = _xor(400, noise)
    stages = W.manual_stages(X, W.PRESETS["xor_fold"].arrays(), "relu")
    assert W.linear_accuracy(X, y, 2) <= 0.75
    assert W.linear_accuracy(stages[-1], y, 2) == 1.0


@pytest.mark.parametrize("name", ["identity", "rotate", "shear", "squash", "xor_fail"])
def test_single_fold_presets_do_not_separate_xor(name):
    X, y = _xor(400, 0.0)
    stages = W.manual_stages(X, W.PRESETS[name].arrays(), "relu")
    assert W.linear_accuracy(stages[-1], y, 2) < 1.0


@pytest.mark.parametrize("dataset", ["xor", "circles", "moons", "spirals", "blobs4"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_linear_activation_never_beats_raw_input(dataset, seed):
    rng = np.random.default_rng(seed)
    X, y = nn.make_dataset(dataset, 300, 0.05, rng)
    C = nn.DATASETS[dataset].n_classes
    raw = W.linear_accuracy(X, y, C)
    layers = [(rng.normal(size=(2, 2)), rng.normal(size=2)) for _ in range(2)]
    for s in W.manual_stages(X, layers, "linear")[1:]:
        assert W.linear_accuracy(s, y, C) <= raw + 1e-12


# ---------------------------------------------------------------------------------------------
# Linear regions
# ---------------------------------------------------------------------------------------------


def test_pattern_ids_wide_and_narrow_agree():
    rng = np.random.default_rng(0)
    P = rng.random((500, 70)) < 0.5
    P[250:] = P[:250]  # duplicate rows must share ids
    ids_wide, n_wide = W.pattern_ids(P)
    assert n_wide == 250
    np.testing.assert_array_equal(ids_wide[:250], ids_wide[250:])
    ids_narrow, n_narrow = W.pattern_ids(P[:, :20])
    assert n_narrow == len(np.unique(P[:, :20], axis=0))


def _hand_layer():
    # four lines well apart: x1 = ±0.5, x2 = 0.4, x1 + x2 = -0.8 (no sliver regions)
    Wm = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    b = np.array([-0.5, 0.5, -0.4, 0.8])
    return Wm, b


def test_relu_layer_is_piecewise_linear_region_count_equals_patterns():
    Wm, b = _hand_layer()
    Wm = Wm.T  # (fan_in, fan_out)
    res = 200
    ids, count = W.manual_region_map([(Wm, b)], "relu", -1.5, 1.5, res)
    assert W.connected_regions(ids) == count  # every pattern is one connected piece
    assert count == 10  # 4 lines (two parallel), 5 crossings, all inside: 1 + 4 + 5
    _, P = W.grid_points(-1.5, 1.5, res)
    H = W.manual_stages(P, [(Wm, b)], "relu")[-1]
    flat = ids.ravel()
    for r in range(count):  # on each region the map is affine: least squares fits exactly
        m = flat == r
        A = np.c_[P[m], np.ones(m.sum())]
        coef, *_ = np.linalg.lstsq(A, H[m], rcond=None)
        np.testing.assert_allclose(A @ coef, H[m], atol=1e-9)


@pytest.mark.parametrize("seed", range(4))
def test_network_regions_are_affine_pieces(seed):
    params = W.random_net((6, 6), seed)
    ids, count = W.region_map(params, "relu", -1.5, 1.5, 150)
    # A pattern region is convex, so it can only look split on the grid (slivers thinner than a
    # cell), never merged: components ≥ patterns.
    assert W.connected_regions(ids) >= count
    _, P = W.grid_points(-1.5, 1.5, 150)
    out = nn.mlp_forward(params, P, "relu")[0][:, 0]
    flat = ids.ravel()
    for r in range(count):
        m = flat == r
        if m.sum() < 4:
            continue
        A = np.c_[P[m], np.ones(m.sum())]
        coef, *_ = np.linalg.lstsq(A, out[m], rcond=None)
        np.testing.assert_allclose(A @ coef, out[m], atol=1e-8)


def test_one_layer_count_within_line_arrangement_bound():
    params = W.random_net((8,), 0)
    _, count = W.region_map(params, "relu", -1.5, 1.5, 100)
    assert 1 <= count <= 1 + 8 + 8 * 7 // 2  # at most 1 + n + C(n, 2) pieces for n lines


def test_handbuilt_folds_grow_exponentially_with_depth():
    # same 12 units: 1×12, 2×6, 3×4, 4×3 -> 12, 36, 64, 81 stripes; the deep net beats the
    # most any single layer of 12 units can cut (1 + 12 + 66 = 79).
    res = W.depth_vs_width(12, depths=(1, 2, 3, 4), seeds=(0,))
    np.testing.assert_array_equal(res["built"], [12, 36, 64, 81])
    assert res["built"][-1] > res["shallow_max"]


def _one_layer_net(n, seed):
    """n lines a·x + d = 0 tangent to the unit circle (so no two parallel, no three through one
    point) as one ReLU layer, and a box holding all their crossings."""
    rng = np.random.default_rng(seed)
    theta = 0.9 * np.pi * (np.arange(n) + 0.3 * rng.random(n)) / max(n, 1)
    A = np.stack([np.cos(theta), np.sin(theta)]) * rng.uniform(0.5, 2.0, n)
    d = -np.linalg.norm(A, axis=0)
    cross = [np.linalg.solve(A[:, [i, j]].T, -d[[i, j]]) for i in range(n) for j in range(i)]
    half = float(np.abs(cross).max(initial=0.0)) * 1.1 + 1.0
    params = {"W1": A, "b1": d, "W2": rng.normal(size=(n, 1)), "b2": np.zeros(1)}
    return params, half


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 24])
def test_exact_count_of_lines_in_general_position(n):
    # n lines, no two parallel and no three through a point, all crossings inside the box:
    # the plane is cut into 1 + n + n(n−1)/2 regions (the one-layer maximum)
    params, half = _one_layer_net(n, seed=n)
    assert W.count_regions(params, "relu", -half, half) == 1 + n + n * (n - 1) // 2
    # a long segment through the origin at 81°, parallel to none of them, crosses each once
    u = 2 * half * np.array([np.cos(0.45 * np.pi), np.sin(0.45 * np.pi)])
    assert W.pieces_along_segment(params, "relu", -u, u) == n + 1


@pytest.mark.parametrize("widths", [(24,), (12, 12), (8, 8, 8), (6,) * 4, (4,) * 6, (2,) * 9])
def test_sawtooth_has_w_to_the_depth_pieces_exactly(widths):
    params = W.sawtooth_net(widths)
    want = widths[0] ** len(widths)
    assert W.pieces_along_segment(params, "relu", (-1.5, 0.4), (1.5, -0.7)) == want
    assert W.count_regions(params, "relu", -1.5, 1.5) == want
    # a 150-pixel grid cannot show more than 150 stripes: the old count saturated there
    if want > 300:
        assert W.region_map(params, "relu", -1.5, 1.5, 150)[1] <= 150 < want


@pytest.mark.parametrize("seed", range(3))
def test_exact_regions_tile_the_square_one_pattern_each(seed):
    params = W.random_net((8, 8, 8), seed)
    polys = W.exact_regions(params, "relu", -1.5, 1.5)
    area = sum(0.5 * abs(float(P[:, 0] @ np.roll(P[:, 1], -1) - P[:, 1] @ np.roll(P[:, 0], -1)))
               for P in polys)
    assert area == pytest.approx(9.0, rel=1e-9)  # the pieces tile the square
    cents = np.array([P.mean(axis=0) for P in polys])
    _, n_patterns = W.pattern_ids(W.activation_patterns(W.network_preacts(params, cents, "relu")))
    assert n_patterns == len(polys)  # one activation pattern per piece, none repeated
    ids, grid_count = W.region_map(params, "relu", -1.5, 1.5, 400)
    assert grid_count <= len(polys)  # a grid can only miss regions, never invent one


def test_exact_count_refuses_smooth_activations():
    with pytest.raises(ValueError):
        W.count_regions(W.random_net((3,), 0), "tanh", -1.5, 1.5)


def test_depth_vs_width_shapes_keep_total_units():
    for total in (6, 8, 12, 16, 24):
        for widths in W.shapes_with_units(total, (1, 2, 3, 4, 6)):
            assert sum(widths) == total


# ---------------------------------------------------------------------------------------------
# Projection, boundaries, checks
# ---------------------------------------------------------------------------------------------


def test_pca_2d_finds_the_main_directions():
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(500, 2)) * [3.0, 1.0]
    Q, _ = np.linalg.qr(rng.normal(size=(5, 5)))
    H = np.c_[Z, 0.01 * rng.normal(size=(500, 3))] @ Q.T + 2.0
    mean, basis, ratio = W.pca_2d(H)
    assert ratio.sum() > 0.99 and ratio[0] > ratio[1]
    np.testing.assert_allclose(basis.T @ basis, np.eye(2), atol=1e-10)
    assert abs(abs(basis[:, 0] @ Q[:, 0]) - 1) < 1e-3


def test_boundary_segment_lies_on_the_line_inside_the_box():
    w, c = np.array([1.0, -2.0]), 0.3
    seg = W.boundary_segment(w, c, (-1, 1), (-1, 1))
    np.testing.assert_allclose(seg @ w + c, 0, atol=1e-12)
    assert (np.abs(seg) <= 1 + 1e-9).all()
    assert W.boundary_segment(np.array([1.0, 0.0]), -5.0, (-1, 1), (-1, 1)) is None


def test_all_finite_flags_overflow():
    assert W.all_finite(np.ones(3), np.zeros((2, 2)))
    assert not W.all_finite(np.array([1.0, np.inf]))
    assert not W.all_finite(np.array([np.nan]))


# ---------------------------------------------------------------------------------------------
# viz.warp_figs: figures are valid Plotly (they are built unvalidated for speed) and finite
# ---------------------------------------------------------------------------------------------
