"""Activations (derivatives, stability) and initializers (variance rules)."""

import numpy as np
import pytest

from nncore import ACTIVATIONS, INITIALIZERS, initialize, rel_error, saturated_fraction, weight_std

KINKS = {"relu": [0.0], "leaky_relu": [0.0], "abs": [0.0], "elu": [0.0], "hard_tanh": [-1.0, 1.0]}


def points_away_from_kinks(name, rng, n=200):
    x = rng.uniform(-4, 4, n)
    for k in KINKS.get(name, []):
        x = np.where(np.abs(x - k) < 1e-3, x + 0.01, x)
    return x


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_derivative_matches_finite_differences(name):
    act = ACTIVATIONS[name]
    x = points_away_from_kinks(name, np.random.default_rng(1))
    # f acts elementwise, so the centered difference can be taken for all points at once.
    h = 1e-6
    num = (act.f(x + h) - act.f(x - h)) / (2 * h)
    assert rel_error(act.df(x), num) < 1e-6


@pytest.mark.parametrize("name", ["sigmoid", "softplus"])
def test_stable_for_huge_inputs(name):
    act = ACTIVATIONS[name]
    x = np.array([-1e3, -50.0, 0.0, 50.0, 1e3])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        f, df = act.f(x), act.df(x)
    assert np.isfinite(f).all() and np.isfinite(df).all()
    if name == "sigmoid":
        assert f[0] == 0.0 and f[-1] == 1.0 and f[2] == 0.5
    else:
        assert f[0] == 0.0 and f[-1] == 1e3 and np.isclose(f[2], np.log(2))


def test_known_values():
    x = np.array([-2.0, 0.5])
    assert np.allclose(ACTIVATIONS["leaky_relu"].f(x), [-0.02, 0.5])
    assert np.allclose(ACTIVATIONS["elu"].f(x), [np.exp(-2) - 1, 0.5])
    assert np.allclose(ACTIVATIONS["swish"].f(x), x / (1 + np.exp(-x)))
    assert np.allclose(ACTIVATIONS["hard_tanh"].f(np.array([-3.0, 0.2, 3.0])), [-1, 0.2, 1])
    # tanh-form GELU at x = 1: 0.5·(1 + tanh(√(2/π)·1.044715)) = 0.841192
    assert np.isclose(ACTIVATIONS["gelu"].f(np.array([1.0]))[0], 0.8411920, atol=1e-6)


def test_saturated_fraction():
    a = np.array([-0.999, -0.5, 0.0, 0.995])
    assert saturated_fraction(a, "tanh") == 0.5
    assert np.isnan(saturated_fraction(a, "relu"))


STD_RULES = {
    "normal": lambda i, o: 0.01,
    "lecun_normal": lambda i, o: np.sqrt(1 / i),
    "lecun_uniform": lambda i, o: np.sqrt(1 / i),
    "xavier_normal": lambda i, o: np.sqrt(2 / (i + o)),
    "xavier_uniform": lambda i, o: np.sqrt(2 / (i + o)),
    "he_normal": lambda i, o: np.sqrt(2 / i),
    "he_uniform": lambda i, o: np.sqrt(2 / i),
    "uniform": lambda i, o: 0.05 / np.sqrt(3),
}


@pytest.mark.parametrize("name", sorted(STD_RULES))
def test_initializer_std_within_3_percent(name):
    W = initialize(name, 1000, 1000, np.random.default_rng(0))
    expected = STD_RULES[name](1000, 1000)
    assert W.shape == (1000, 1000) and W.dtype == np.float64
    assert abs(W.std() / expected - 1) < 0.03
    assert abs(W.mean()) < 0.03 * expected
    assert np.isclose(weight_std(name, 1000, 1000), expected)


def test_initializer_fan_in_and_fan_out_matter():
    rng = np.random.default_rng(0)
    assert abs(initialize("he_normal", 500, 2000, rng).std() / np.sqrt(2 / 500) - 1) < 0.03
    assert abs(initialize("xavier_normal", 500, 2000, rng).std() / np.sqrt(2 / 2500) - 1) < 0.03


def test_scale_and_zeros():
    rng = np.random.default_rng(0)
    assert abs(initialize("normal", 1000, 1000, rng, scale=0.05).std() / 0.05 - 1) < 0.03
    assert np.abs(initialize("uniform", 300, 300, rng, scale=2.0)).max() <= 2.0
    assert not initialize("zeros", 4, 5, rng).any()


@pytest.mark.parametrize("shape", [(1000, 1000), (300, 100), (100, 300)])
def test_orthogonal(shape):
    W = initialize("orthogonal", *shape, np.random.default_rng(0))
    small = min(shape)
    gram = W.T @ W if shape[0] >= shape[1] else W @ W.T
    assert W.shape == shape
    assert np.allclose(gram, np.eye(small), atol=1e-10)


def test_unknown_initializer_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown initializer"):
        initialize("glorot", 2, 2, np.random.default_rng(0))


def test_registries_have_labels_and_formulas():
    assert set(INITIALIZERS) >= {"zeros", "normal", "uniform", "orthogonal", "he_uniform"}
    for reg in (ACTIVATIONS, INITIALIZERS):
        for item in reg.values():
            assert item.label and item.formula
