"""Every backward pass against centered finite differences (relative error < 1e-6)."""

import numpy as np
import pytest

from nncore import LOSSES, numerical_gradient, numerical_gradient_array, rel_error
from nncore.activations import ACTIVATIONS
from nncore.layers import (
    activation_backward,
    activation_forward,
    batchnorm_backward,
    batchnorm_eval_backward,
    batchnorm_eval_forward,
    batchnorm_forward,
    dense_backward,
    dense_forward,
    dropout_backward,
    dropout_forward,
    dropout_mask,
    maxout_backward,
    maxout_forward,
)

TOL = 1e-6


@pytest.fixture
def rng():
    return np.random.default_rng(7)


def test_dense_backward(rng):
    x, W, b = rng.normal(size=(5, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    dout = rng.normal(size=(5, 3))
    _, cache = dense_forward(x, W, b)
    dx, dW, db = dense_backward(dout, cache)
    fwd = lambda: dense_forward(x, W, b)[0]  # noqa: E731
    assert rel_error(dx, numerical_gradient_array(fwd, x, dout)) < TOL
    assert rel_error(dW, numerical_gradient_array(fwd, W, dout)) < TOL
    assert rel_error(db, numerical_gradient_array(fwd, b, dout)) < TOL
    none, dW2, db2 = dense_backward(dout, cache, need_dx=False)  # the first layer's shortcut
    assert none is None and np.array_equal(dW2, dW) and np.array_equal(db2, db)


def test_batchnorm_train_backward(rng):
    x = 3 * rng.normal(size=(8, 4)) + 2
    gamma, beta = rng.normal(size=4), rng.normal(size=4)
    dout = rng.normal(size=(8, 4))
    out, cache, mu, var = batchnorm_forward(x, gamma, beta)
    dx, dgamma, dbeta = batchnorm_backward(dout, cache)
    fwd = lambda: batchnorm_forward(x, gamma, beta)[0]  # noqa: E731
    assert rel_error(dx, numerical_gradient_array(fwd, x, dout)) < TOL
    assert rel_error(dgamma, numerical_gradient_array(fwd, gamma, dout)) < TOL
    assert rel_error(dbeta, numerical_gradient_array(fwd, beta, dout)) < TOL


def test_batchnorm_eval_backward(rng):
    x = 3 * rng.normal(size=(8, 4)) + 2
    gamma, beta = rng.normal(size=4), rng.normal(size=4)
    mean, var = rng.normal(size=4), rng.uniform(0.5, 2.0, size=4)
    dout = rng.normal(size=(8, 4))
    _, cache = batchnorm_eval_forward(x, gamma, beta, mean, var)
    dx, dgamma, dbeta = batchnorm_eval_backward(dout, cache)
    fwd = lambda: batchnorm_eval_forward(x, gamma, beta, mean, var)[0]  # noqa: E731
    assert rel_error(dx, numerical_gradient_array(fwd, x, dout)) < TOL
    assert rel_error(dgamma, numerical_gradient_array(fwd, gamma, dout)) < TOL
    assert rel_error(dbeta, numerical_gradient_array(fwd, beta, dout)) < TOL


def test_batchnorm_eval_normalizes_each_sample_alone(rng):
    x = rng.normal(size=(6, 3))
    mean, var = np.array([1.0, -2.0, 0.5]), np.array([4.0, 0.25, 1.0])
    out, _ = batchnorm_eval_forward(x, np.ones(3), np.zeros(3), mean, var, eps=0.0)
    np.testing.assert_allclose(out, (x - mean) / np.sqrt(var))
    one, _ = batchnorm_eval_forward(x[2:3], np.ones(3), np.zeros(3), mean, var, eps=0.0)
    np.testing.assert_array_equal(one[0], out[2])  # no other sample enters


@pytest.mark.parametrize("name", ["tanh", "sigmoid", "elu", "swish", "gelu", "softplus"])
def test_activation_pair_backward(rng, name):
    g = ACTIVATIONS[name]
    z, dout = rng.normal(size=(5, 4)), rng.normal(size=(5, 4))
    _, cache = activation_forward(z, g.f, g.df)
    fwd = lambda: activation_forward(z, g.f, g.df)[0]  # noqa: E731
    assert rel_error(activation_backward(dout, cache), numerical_gradient_array(fwd, z, dout)) < TOL


def test_batchnorm_normalizes(rng):
    x = 5 * rng.normal(size=(200, 3)) - 4
    out, _, mu, var = batchnorm_forward(x, np.ones(3), np.zeros(3))
    assert np.allclose(out.mean(axis=0), 0, atol=1e-10)
    assert np.allclose(out.std(axis=0), 1, atol=1e-3)
    assert np.allclose(mu, x.mean(axis=0)) and np.allclose(var, x.var(axis=0))


def test_dropout_fixed_mask_backward(rng):
    x, dout = rng.normal(size=(6, 5)), rng.normal(size=(6, 5))
    mask = dropout_mask(x.shape, 0.4, rng)
    dx = dropout_backward(dout, dropout_forward(x, mask)[1])
    num = numerical_gradient_array(lambda: dropout_forward(x, mask)[0], x, dout)
    assert rel_error(dx, num) < TOL


def test_dropout_mask_statistics(rng):
    mask = dropout_mask((400, 500), 0.3, rng)
    assert np.isclose((mask == 0).mean(), 0.3, atol=0.01)
    assert np.allclose(mask[mask > 0], 1 / 0.7)
    assert np.isclose(mask.mean(), 1.0, atol=0.01)  # inverted dropout keeps E[a] unchanged


def test_maxout_backward(rng):
    z, dout = rng.normal(size=(5, 6)), rng.normal(size=(5, 3))
    a, cache = maxout_forward(z, 2)
    assert np.allclose(a, np.maximum(z[:, 0::2], z[:, 1::2]))
    dz = maxout_backward(dout, cache)
    num = numerical_gradient_array(lambda: maxout_forward(z, 2)[0], z, dout)
    assert rel_error(dz, num) < TOL


@pytest.mark.parametrize("name,n_out", [("softmax_ce", 3), ("bce", 1), ("mse", 3), ("mse", 1)])
def test_loss_gradients(name, n_out, rng):
    out = rng.normal(size=(7, n_out))
    y = rng.integers(0, max(n_out, 2), 7)
    _, dout = LOSSES[name].fn(out, y)
    num = numerical_gradient(lambda: LOSSES[name].fn(out, y)[0], out)
    assert rel_error(dout, num) < TOL


def test_losses_known_values_and_stability():
    # softmax CE of uniform logits over 4 classes = log 4
    assert np.isclose(LOSSES["softmax_ce"].fn(np.zeros((3, 4)), np.array([0, 1, 2]))[0], np.log(4))
    # BCE at logit 0 = log 2, and stays finite for huge wrong logits
    assert np.isclose(LOSSES["bce"].fn(np.zeros((2, 1)), np.array([0, 1]))[0], np.log(2))
    big = np.array([[1e3], [-1e3]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value, grad = LOSSES["bce"].fn(big, np.array([0, 1]))
        ce, _ = LOSSES["softmax_ce"].fn(np.array([[1e3, -1e3]]), np.array([1]))
    assert np.isclose(value, 1e3) and np.isfinite(grad).all() and np.isclose(ce, 2e3)
    # MSE (torch semantics): mean over all entries
    assert np.isclose(LOSSES["mse"].fn(np.array([[0.0, 1.0]]), np.array([0]))[0], 1.0)


def test_proba_rows_sum_to_one(rng):
    for name, n_out in [("softmax_ce", 3), ("bce", 1), ("mse", 1), ("mse", 4)]:
        p = LOSSES[name].proba(rng.normal(size=(10, n_out)))
        assert np.allclose(p.sum(axis=1), 1) and (p >= 0).all()
