"""Regularization: proximal L1 and early stopping in train_mlp, the exact two-weight optima,
dropout's masks and expectations, weight statistics (NumPy only)."""

import numpy as np
import pytest

from nncore.datasets import make_dataset
from nncore.gradcheck import numerical_gradient
from nncore.layers import dropout_mask
from nncore.mlp import mlp_forward
from nncore.regularization import (
    GEO_A,
    GEO_W_STAR,
    Setup,
    collapse,
    dropout_expectation,
    final_numbers,
    ista,
    l1_kkt_residual,
    l1_optimum,
    l1_zero_lambda,
    l2_optimum,
    notes_example,
    quad_grad,
    quad_loss,
    run_method,
    training_masks,
    weight_stats,
)
from nncore.train import soft_threshold, train_mlp


def _data(n=20, seed=0):
    X, y = make_dataset("moons", n, 0.25, np.random.default_rng(seed))
    Xt, yt = make_dataset("moons", 60, 0.25, np.random.default_rng(seed + 1))
    return X, y, Xt, yt


KW = dict(activation="relu", optimizer="sgd", opt_hp={"lr": 0.2}, batch_size=32, seed=3)


# ---------------------------------------------------------------------------------------------
# train_mlp extensions
# ---------------------------------------------------------------------------------------------


def test_defaults_unchanged_bit_for_bit():
    X, y, Xt, yt = _data()
    a = train_mlp(X, y, [2, 16, 2], epochs=5, l1=0.01, X_test=Xt, y_test=yt, **KW)
    b = train_mlp(X, y, [2, 16, 2], epochs=5, l1=0.01, X_test=Xt, y_test=yt,
                  l1_mode="subgradient", restore_best=False, patience=None, **KW)
    assert all(np.array_equal(a.params[k], b.params[k]) for k in a.params)
    assert a.best_epoch is None and b.best_epoch is None


def test_soft_threshold_by_hand():
    W = np.array([[0.5, -0.05], [-0.3, 0.02]])
    got = soft_threshold(W, 0.1)
    assert np.allclose(got, [[0.4, 0.0], [-0.2, 0.0]], rtol=0, atol=1e-15)
    assert got[0, 1] == 0.0 and got[1, 1] == 0.0  # exactly 0 where |w| ≤ threshold


def test_proximal_step_matches_hand_computed_soft_threshold():
    X, y, _, _ = _data()
    lam, lr = 0.05, 0.2
    start = train_mlp(X, y, [2, 8, 2], epochs=0, **KW).params
    one = train_mlp(X, y, [2, 8, 2], epochs=1, l1=lam, l1_mode="proximal", **KW)
    # by hand: one plain SGD step on the data loss (full batch, same order), then the threshold
    plain = train_mlp(X, y, [2, 8, 2], epochs=1, params={k: v.copy() for k, v in start.items()},
                      **KW)
    for k in start:
        want = plain.params[k]
        if k.startswith("W"):
            want = np.sign(want) * np.maximum(np.abs(want) - lr * lam, 0.0)
        assert np.allclose(one.params[k], want, rtol=0, atol=1e-15), k


def test_proximal_l1_gives_exact_zeros_and_subgradient_does_not():
    X, y, _, _ = _data()
    kw = dict(epochs=60, l1=0.02, **KW)
    prox = train_mlp(X, y, [2, 32, 32, 2], l1_mode="proximal", **kw)
    sub = train_mlp(X, y, [2, 32, 32, 2], l1_mode="subgradient", **kw)
    zp, zs = weight_stats(prox.params), weight_stats(sub.params)
    assert zp["zeros"] > 0.3 * zp["n"]
    assert zs["zeros"] == 0
    assert zs["near_zero"] < zp["zeros"]  # subgradient only makes them small and jittery
    assert all(np.count_nonzero(prox.params[k] == 0) == 0 for k in prox.params if k[0] == "b")


def test_bad_l1_mode_and_early_stopping_without_test_set():
    X, y, _, _ = _data()
    with pytest.raises(ValueError):
        train_mlp(X, y, [2, 4, 2], epochs=1, l1_mode="lasso", **KW)
    with pytest.raises(ValueError):
        train_mlp(X, y, [2, 4, 2], epochs=1, restore_best=True, **KW)


def test_early_stopping_returns_the_best_test_epoch_weights():
    X, y, Xt, yt = _data()
    all_epochs = list(range(41))
    plain = train_mlp(X, y, [2, 32, 2], epochs=40, X_test=Xt, y_test=yt,
                      snapshot_epochs=all_epochs, **KW)
    early = train_mlp(X, y, [2, 32, 2], epochs=40, X_test=Xt, y_test=yt, restore_best=True,
                      **KW)
    best = int(plain.history["epoch"][np.argmin(plain.history["test_loss"])])
    assert early.best_epoch == best
    assert all(np.array_equal(early.params[k], plain.snapshots[best][0][k]) for k in early.params)
    assert np.array_equal(early.history["test_loss"], plain.history["test_loss"])


def test_patience_stops_after_that_many_epochs_without_a_new_best():
    X, y, Xt, yt = _data()
    run = train_mlp(X, y, [2, 64, 64, 2], epochs=300, X_test=Xt, y_test=yt, patience=10,
                    restore_best=True, **KW)
    h = run.history
    best = int(h["epoch"][np.argmin(h["test_loss"])])
    assert run.best_epoch == best and h["epoch"][-1] == best + 10 < 300


# ---------------------------------------------------------------------------------------------
# The experiment
# ---------------------------------------------------------------------------------------------


def test_early_method_reads_the_best_epoch_row():
    s = Setup(n_train=16, width=16, epochs=40)
    r = run_method(s, "early")
    f = final_numbers(r)
    assert f["epoch"] == r.best_epoch
    assert f["test_loss"] == pytest.approx(r.history["test_loss"].min())


def test_training_masks_replay_the_trainers_stream():
    s = Setup(n_train=20, width=12)
    X, y = make_dataset("moons", 20, 0.25, np.random.default_rng(0))
    from nncore.mlp import init_mlp

    params = init_mlp([2, 12, 12, 2], "he_normal", np.random.default_rng(0))
    rng = np.random.default_rng([s.seed, 3])
    order = rng.permutation(20)
    _, rec = mlp_forward(params, X[order], "relu", train=True, dropout=0.4, rng=rng)
    masks = training_masks(20, 12, 0.4, s.seed, 3)
    for got, (*_, mask) in zip(masks, rec["caches"], strict=True):  # mask: the last entry
        assert np.array_equal(got, mask[0] > 0)


def test_dropout_expectation_numbers():
    d = dropout_expectation(0.8, 0.5, 20000, np.random.default_rng(0))
    assert d["scaled"] == pytest.approx(1.6) and d["expected"] == pytest.approx(0.8)
    assert d["unscaled_expected"] == pytest.approx(0.4)
    assert abs(d["measured"] - 0.8) < 0.03 and abs(d["kept_share"] - 0.5) < 0.02
    m = dropout_mask((200000,), 0.3, np.random.default_rng(1))
    assert abs(m.mean() - 1.0) < 0.01  # inverted dropout keeps E[mask] = 1


def test_collapse_detects_a_constant_map():
    p = np.full((10, 10, 2), 0.5)
    p[..., 1] = 0.31
    p[..., 0] = 0.69
    c = collapse(p)
    assert c["collapsed"] and c["cls"] == 0 and c["share"] == 1.0
    p[0, 0, 1] = 0.9
    assert not collapse(p)["collapsed"]


# ---------------------------------------------------------------------------------------------
# Two-weight geometry
# ---------------------------------------------------------------------------------------------


def test_quad_grad_matches_finite_differences():
    w = np.array([0.3, -0.7])
    num = numerical_gradient(lambda: float(quad_loss(w)), w)
    assert np.allclose(num, quad_grad(w), atol=1e-8)


@pytest.mark.parametrize("lam", [0.0, 0.05, 0.2, 0.25, 0.6, 1.2, 3.0])
def test_l1_optimum_is_exact_and_matches_ista(lam):
    w = l1_optimum(lam)
    assert l1_kkt_residual(w, lam) < 1e-12
    assert np.allclose(w, ista(lam), atol=1e-10)


@pytest.mark.parametrize("lam", [0.0, 0.1, 1.0, 5.0])
def test_l2_optimum_zero_gradient(lam):
    w = l2_optimum(lam)
    assert np.allclose(quad_grad(w) + lam * w, 0.0, atol=1e-13)
    assert np.all(w != 0)  # L2 shrinks but never zeroes a coordinate here


def test_l1_lands_on_an_axis_beyond_the_threshold():
    lam0 = l1_zero_lambda()
    assert np.all(l1_optimum(0.99 * lam0) != 0)
    w = l1_optimum(1.01 * lam0)
    assert w[1] == 0.0 and w[0] > 0
    # the threshold in closed form: w₂ leaves the support when A w* − λ·1 gives w₂ = 0
    assert np.isclose(lam0, (GEO_A[1, 0] * 0 + GEO_A @ GEO_W_STAR)[1]
                      - GEO_A[1, 0] * np.linalg.solve(GEO_A[:1, :1], (GEO_A @ GEO_W_STAR)[:1]
                                                      - lam0)[0], atol=1e-9)


def test_notes_example_norms():
    e = notes_example()
    assert e["w1"]["wx"] == e["w2"]["wx"] == 1.0
    assert e["w1"]["l1"] == e["w2"]["l1"] == 1.0  # L1 cannot tell them apart
    assert e["w2"]["l2sq"] < e["w1"]["l2sq"]  # L2 prefers the even spread
