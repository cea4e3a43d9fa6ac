"""Training playground, NumPy side: features, grids, confusion matrix, weight histograms,
weights JSON (refusals as codes), uploaded-point validation, run length, determinism and
divergence."""

import json

import numpy as np
import pytest

from nncore import init_bn_state, init_mlp, make_dataset, predict_proba, train_mlp
from nncore.divergence import TRAINING_DIVERGED
from nncore.playground import (
    FEATURES,
    InputError,
    confusion_matrix,
    epoch_cost_s,
    expected_shapes,
    feature_map,
    n_params,
    network_grid,
    params_from_json,
    params_to_json,
    plane_extent,
    plane_grid,
    snapshot_epochs,
    validate_points,
    weight_histograms,
)


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
                      batchnorm=True)
    g = network_grid(params, ["x1", "x2"], acts, "bce", init_bn_state(params), 2.0, 20)
    assert g.proba.shape == (20, 20, 2) and g.hidden[0].shape == (20, 20, 3)
    assert np.isfinite(g.proba).all()


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


def weights_doc() -> dict:
    return json.loads(params_to_json(_trained().params))


def weights_error(d, shapes=None) -> tuple[str, dict]:
    """(code, values) of the InputError params_from_json raises for document ``d``."""
    shapes = shapes or expected_shapes([2, 6, 2], ["tanh"], False)
    with pytest.raises(InputError) as e:
        params_from_json(json.dumps(d) if not isinstance(d, str) else d, shapes)
    return e.value.code, e.value.values


BAD_WEIGHTS = {  # name -> (document maker, expected code, expected values (a subset))
    "not_json": (lambda doc: "{oops", "json_invalid", {}),
    "no_params": (lambda doc: {"weights": {}}, "json_not_weights", {}),
    "missing": (lambda doc: {**doc, "params": {k: v for k, v in doc["params"].items()
                                               if k != "W2"}},
                "json_mismatch", {"missing": "W2", "extra": ""}),
    "extra": (lambda doc: {**doc, "params": {**doc["params"], "W9": [[1.0]]}},
              "json_mismatch", {"missing": "", "extra": "W9"}),
    "shape": (lambda doc: {**doc, "params": {**doc["params"], "W1": [[0.0] * 5] * 2}},
              "json_wrong_shape", {"name": "W1", "have": "(2, 5)", "want": "(2, 6)"}),
    "nan": (lambda doc: json.dumps(doc).replace(str(doc["params"]["b2"][0]), "NaN", 1),
            "json_not_finite", {"name": "b2"}),
    "text": (lambda doc: {**doc, "params": {**doc["params"], "b2": ["a", "b"]}},
             "json_not_numbers", {"name": "b2"}),
    "format": (lambda doc: {**doc, "format": "other"}, "json_unknown_format", {"found": "other"}),
}


@pytest.mark.parametrize("case", list(BAD_WEIGHTS))
def test_weights_json_errors_are_specific(case):
    make, code, values = BAD_WEIGHTS[case]
    got_code, got = weights_error(make(weights_doc()))
    assert got_code == code and values.items() <= got.items()


def test_weights_json_architecture_mismatch_names_both_networks():
    # A 3-layer file offered to a 2-layer network says which keys are wrong.
    other = json.loads(params_to_json(init_mlp([2, 6, 6, 2], "he_normal",
                                               np.random.default_rng(0))))
    code, v = weights_error(other)
    assert code == "json_mismatch"
    assert v == {"missing": "", "extra": "W3, b3", "have": "2-6-6-2", "want": "2-6-2"}


def test_validate_points_direct():
    with pytest.raises(InputError) as e:
        validate_points(np.zeros((3, 3)), np.zeros(3))
    assert e.value.code == "points_shape" and isinstance(e.value, ValueError)


def test_epoch_cost_and_snapshots():
    shapes = expected_shapes([2, 8, 8, 2], ["tanh", "tanh"], False)
    assert n_params(shapes) == 2 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2
    # batch 1 costs more per epoch than batch 10 (one NumPy call sequence per update)
    assert epoch_cost_s(350, 1, shapes) > 5 * epoch_cost_s(350, 10, shapes)
    snaps = snapshot_epochs(0, 100, n_params(shapes))
    assert snaps[0] == 0 and snaps[-1] == 100 and len(snaps) == 51
    big = snapshot_epochs(0, 100, 8 * 64 * 64)  # big nets keep fewer (≥ 11)
    assert 11 <= len(big) < 51 and big[0] == 0


def test_same_seed_gives_identical_runs():
    def run(seed):
        X, y = make_dataset("spirals3", 150, 0.05, np.random.default_rng(seed))
        F = feature_map(X, ["x1", "x2", "sinx1"])
        return train_mlp(F, y, [3, 8, 8, 3], activation="relu", init="he_normal",
                         optimizer="momentum", opt_hp={"lr": 0.05}, epochs=8, batch_size=10,
                         dropout=0.1, seed=seed, snapshot_epochs=range(9))

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
                    opt_hp={"lr": 10.0}, epochs=50, batch_size=10, seed=0)
    assert res.diverged_at is not None and 1 <= res.diverged_at <= 50
    assert res.reason == TRAINING_DIVERGED
    assert all(np.isfinite(v).all() for v in res.history.values())
    # The views of the last good epoch are finite: nothing non-finite reaches a figure.
    last = max(res.snapshots)
    params, bn = res.snapshots[last]
    g = network_grid(params, ["x1", "x2"], "linear", "softmax_ce", bn, 1.6, 50)
    assert np.isfinite(g.proba).all() and all(np.isfinite(h).all() for h in g.hidden)


# ---------------------------------------------------------------------------------------------
# One round in chunks (the page's worker pool trains a long round this way)
# ---------------------------------------------------------------------------------------------


def _same_result(a, b) -> None:
    assert a.diverged_at == b.diverged_at and a.reason == b.reason
    assert sorted(a.snapshots) == sorted(b.snapshots)
    for e in a.snapshots:
        for sa, sb in zip(a.snapshots[e], b.snapshots[e], strict=True):
            assert sa.keys() == sb.keys()
            for k in sa:
                np.testing.assert_array_equal(sa[k], sb[k])
    assert a.history.keys() == b.history.keys()
    for k in a.history:
        np.testing.assert_array_equal(a.history[k], b.history[k])
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])


def _chunk_job(lr: float = 0.01):
    from nncore.datasets import train_test_split

    X, y = make_dataset("xor", 200, 0.05, np.random.default_rng(4))
    X_tr, y_tr, X_te, y_te = train_test_split(X, y, 0.3, np.random.default_rng(4))
    kw = {"activation": ["tanh", "relu"], "init": "xavier_normal", "optimizer": "adam",
          "opt_hp": {"lr": lr}, "batch_size": 10, "seed": 4, "batchnorm": True,
          "dropout": 0.1, "l1": 1e-4, "l2": 1e-4}
    return {"X": X_tr, "y": y_tr, "X_test": X_te, "y_test": y_te, "sizes": [2, 6, 5, 2],
            "snaps": tuple(snapshot_epochs(3, 23, 100)), "kw": kw}, kw


@pytest.mark.parametrize("n_chunks", [1, 4, 23, 50])
def test_a_round_in_chunks_equals_one_train_mlp_call(n_chunks):
    from nncore.playground import round_chunks, train_round

    job, kw = _chunk_job()
    first3 = train_mlp(job["X"], job["y"], job["sizes"], epochs=3, **kw)  # a round before
    start = (first3.params, first3.bn_state, first3.opt_state)
    one = train_mlp(job["X"], job["y"], job["sizes"], X_test=job["X_test"],
                    y_test=job["y_test"], params=start[0], bn_state=start[1],
                    opt_state=start[2], start_epoch=3, epochs=23, snapshot_epochs=job["snaps"],
                    **kw)
    steps = list(train_round(start, job, 3, 23, n_chunks))
    assert [k for k, _, _ in steps] == list(range(1, min(n_chunks, 23) + 1))
    assert sum(n for _, n in round_chunks(3, 23, n_chunks)) == 23
    _same_result(steps[-1][2], one)


def test_a_diverging_round_in_chunks_stops_where_one_call_stops():
    from nncore.playground import train_round

    job, kw = _chunk_job(lr=1e4)
    kw = {**kw, "optimizer": "sgd", "batchnorm": False}
    job = {**job, "kw": kw}
    one = train_mlp(job["X"], job["y"], job["sizes"], X_test=job["X_test"],
                    y_test=job["y_test"], start_epoch=0, epochs=23,
                    snapshot_epochs=job["snaps"], **kw)
    assert one.diverged_at is not None
    steps = list(train_round((None, None, None), job, 0, 23, 8))
    assert steps[-1][0] <= 8 and steps[-1][2].diverged_at == one.diverged_at
    _same_result(steps[-1][2], one)
