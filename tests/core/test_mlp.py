"""The full MLP: shapes, record, gradient check with every option, batch-norm running stats."""

import numpy as np
import pytest

from nncore import (
    init_bn_state,
    init_mlp,
    mlp_forward,
    mlp_loss_and_grads,
    numerical_gradient,
    penalty,
    predict_proba,
    rel_error,
)

TOL = 1e-6


def check_all_grads(params, loss_fn):
    _, grads = loss_fn()
    assert set(grads) == set(params)
    for key, value in params.items():
        num = numerical_gradient(lambda: loss_fn()[0], value)
        if np.abs(num).max() < 1e-8:  # e.g. a bias just before batch norm: exactly zero
            assert np.abs(grads[key]).max() < 1e-12, key
            continue
        err = rel_error(grads[key], num)
        assert err < TOL, f"{key}: relative error {err:.2e}"


def data(rng, n=6, d=3, c=3):
    return rng.normal(size=(n, d)), rng.integers(0, c, n)


def test_init_shapes_and_keys():
    p = init_mlp([2, 8, 5, 3], "he_normal", np.random.default_rng(0), batchnorm=True)
    assert p["W1"].shape == (2, 8) and p["W2"].shape == (8, 5) and p["W3"].shape == (5, 3)
    assert not p["b2"].any() and (p["gamma1"] == 1).all() and "gamma3" not in p
    assert set(init_bn_state(p)) == {"mean1", "var1", "mean2", "var2"}


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "softplus", "gelu", "elu", "swish"])
@pytest.mark.parametrize("loss", ["softmax_ce", "mse"])
def test_full_gradient_with_l1_l2(activation, loss):
    rng = np.random.default_rng(3)
    X, y = data(rng)
    params = init_mlp([3, 5, 4, 3], "xavier_normal", rng, activation=activation)
    for k in params:
        if k.startswith("b"):
            params[k] = 0.1 * rng.normal(size=params[k].shape)
    check_all_grads(params, lambda: mlp_loss_and_grads(params, X, y, activation, loss, 0.01, 0.1))


def test_gradient_bce_relu_batchnorm():
    rng = np.random.default_rng(4)
    X, y = data(rng, n=8, c=2)
    params = init_mlp([3, 6, 5, 1], "he_normal", rng, batchnorm=True)
    params["gamma1"] = rng.uniform(0.5, 1.5, 6)
    params["beta2"] = rng.normal(size=5)
    check_all_grads(
        params, lambda: mlp_loss_and_grads(params, X, y, "leaky_relu", "bce", 0.0, 0.05)
    )


def test_gradient_batchnorm_eval_mode_with_running_statistics():
    rng = np.random.default_rng(8)
    X, y = data(rng, n=7)
    params = init_mlp([3, 5, 4, 3], "he_normal", rng, batchnorm=True)
    params["gamma2"] = rng.uniform(0.5, 1.5, 4)
    state = {k: (rng.normal(size=v.shape) if k.startswith("mean") else rng.uniform(0.5, 2, v.shape))
             for k, v in init_bn_state(params).items()}
    check_all_grads(params, lambda: mlp_loss_and_grads(
        params, X, y, "tanh", "softmax_ce", train=False, bn_state=state))


def test_record_keeps_the_affine_output_before_batch_norm():
    rng = np.random.default_rng(9)
    X = rng.normal(size=(20, 3))
    params = init_mlp([3, 6, 2], "he_normal", rng, batchnorm=True)
    _, rec = mlp_forward(params, X, "relu", train=True)
    np.testing.assert_allclose(rec["u"][0], X @ params["W1"] + params["b1"])
    u = rec["u"][0]
    np.testing.assert_allclose(rec["z"][0], (u - u.mean(0)) / np.sqrt(u.var(0) + 1e-5))


def test_gradient_maxout_and_mixed_activations():
    rng = np.random.default_rng(5)
    X, y = data(rng)
    acts = ["maxout", "tanh"]
    params = init_mlp([3, 4, 4, 3], "lecun_normal", rng, activation=acts, maxout_k=3)
    assert params["W1"].shape == (3, 12)
    check_all_grads(params, lambda: mlp_loss_and_grads(params, X, y, acts, "softmax_ce", 0.0, 0.1))


def test_gradient_with_fixed_dropout_masks():
    rng = np.random.default_rng(6)
    X, y = data(rng)
    params = init_mlp([3, 6, 6, 3], "he_normal", rng)

    def loss_fn():  # the same seed every call = the same masks
        return mlp_loss_and_grads(params, X, y, "tanh", "softmax_ce", dropout=0.5,
                                  rng=np.random.default_rng(11))

    check_all_grads(params, loss_fn)


def test_forward_record_and_eval_mode():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 2))
    params = init_mlp([2, 7, 7, 2], "he_normal", rng, batchnorm=True)
    state = init_bn_state(params)
    out, rec = mlp_forward(params, X, "relu", train=True, bn_state=state)
    assert out.shape == (50, 2) and len(rec["z"]) == len(rec["a"]) == 2
    assert rec["a"][0].shape == (50, 7) and (rec["a"][0] >= 0).all()
    # train mode: running stats move by momentum 0.1 toward the batch stats; input not mutated
    z1 = X @ params["W1"]
    assert np.allclose(rec["bn_state"]["mean1"], 0.1 * z1.mean(axis=0))
    assert np.allclose(rec["bn_state"]["var1"], 0.9 + 0.1 * z1.var(axis=0, ddof=1))
    assert not state["mean1"].any()
    # eval mode uses the running statistics: with fresh stats (0, 1) BN is ~ the identity
    out_eval, rec_eval = mlp_forward(params, X, "relu", train=False, bn_state=state)
    assert np.allclose(rec_eval["z"][0], z1 / np.sqrt(1 + 1e-5))
    proba = predict_proba(params, X, "relu", "softmax_ce", state)
    assert proba.shape == (50, 2) and np.allclose(proba.sum(axis=1), 1)


def test_penalty_weights_only():
    params = {"W1": np.array([[1.0, -2.0]]), "b1": np.array([5.0, 5.0]), "gamma1": np.ones(2)}
    assert np.isclose(penalty(params, l1=0.5, l2=2.0), 0.5 * 3 + 0.5 * 2.0 * 5)


def test_bad_activation_list_is_a_clear_error():
    params = init_mlp([2, 3, 2], "he_normal", np.random.default_rng(0))
    with pytest.raises(ValueError, match="activations given"):
        mlp_forward(params, np.zeros((1, 2)), ["relu", "tanh"])
    with pytest.raises(ValueError, match="unknown activation"):
        mlp_forward(params, np.zeros((1, 2)), "cosh")
