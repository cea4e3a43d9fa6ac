"""nncore.vanishing: activation facts, the tanh identity, linear collapse, and the gradient
factor through depth against Monte Carlo and a measured random network."""

import numpy as np
import pytest

from nncore.activations import ACTIVATIONS, LEAKY_SLOPE, sigmoid
from nncore.gradcheck import numerical_gradient
from nncore.initlab import InitConfig, run_init_experiment
from nncore.vanishing import (
    CURVE_NAMES,
    affine_residual,
    collapse,
    curves,
    f_and_df,
    factor_over_depth,
    facts,
    layer_factor,
    maxout_1d,
    mean_sq_derivative,
    measured_ratio,
    net_output,
    predicted_ratio,
    random_stack,
    saturation_edge,
    tanh_identity,
    zero_gradient_regions,
    zero_level_points,
)


@pytest.mark.parametrize("name", CURVE_NAMES)
def test_every_curve_derivative_matches_finite_differences(name):
    x = np.array([-2.3, -0.7, 0.4, 1.9, 3.1])  # away from kinks
    _, d = f_and_df(name, x)
    num = np.array([
        numerical_gradient(lambda v=v: float(f_and_df(name, np.array([v[0]]))[0][0]), v)[0]
        for v in (np.array([xi]) for xi in x)
    ])
    assert np.allclose(d, num, atol=1e-6)


def test_facts_of_the_lecture():
    s = facts("sigmoid", -6, 6)
    assert s.df_max == pytest.approx(0.25) and s.x_at_max == 0 and s.df0 == 0.25
    assert s.saturation == pytest.approx(np.log(99)) and s.df_at_saturation == pytest.approx(0.0099)
    t = facts("tanh", -6, 6)
    assert t.df_max == 1.0 and t.saturation == pytest.approx(np.arctanh(0.98))
    assert facts("relu", -6, 6).df_values == (0.0, 1.0)
    assert facts("leaky_relu", -6, 6).df_values == (LEAKY_SLOPE, 1.0)
    assert facts("maxout", -6, 6).df_values == (-0.5, 1.0)
    assert saturation_edge("relu") is None
    assert zero_gradient_regions("relu", -3, 3) == [(-3, 0.0)]
    assert zero_gradient_regions("hard_tanh", -3, 3) == [(-3, -1.0), (1.0, 3)]
    x, ys = curves(["sigmoid", "maxout"], -4, 4, 401)
    assert 0.0 in x and set(ys) == {"sigmoid", "maxout"}


def test_maxout_unit_uses_the_layer_and_equals_its_formula():
    x = np.linspace(-3, 3, 61)
    g, d = maxout_1d(x)
    assert np.allclose(g, np.maximum(x, -0.5 * x))
    assert np.allclose(d[x > 0], 1.0) and np.allclose(d[x < 0], -0.5)
    g2, _ = maxout_1d(x, ((1.0, 0.0), (0.0, 0.0)))
    assert np.allclose(g2, ACTIVATIONS["relu"].f(x))


def test_tanh_identity_and_the_notes_version():
    r = tanh_identity(-6, 6)
    assert r["err_right"] < 1e-15
    x = np.linspace(-6, 6, 4001)
    gap = np.abs(np.tanh(x) - (2 * sigmoid(x) - 1))
    assert r["err_notes"] == pytest.approx(gap.max()) and r["err_notes"] > 0.29
    assert np.allclose(2 * sigmoid(x) - 1, np.tanh(x / 2))
    assert len(r["x"]) <= 401


@pytest.mark.parametrize("depth,width,seed", [(2, 2, 0), (4, 8, 5), (8, 16, 3)])
def test_a_linear_stack_is_one_layer(depth, width, seed):
    p = random_stack(depth, width, seed)
    W, b = collapse(p)
    X = np.random.default_rng(9).normal(size=(300, 2))
    assert np.max(np.abs(net_output(p, X, "linear") - (X @ W + b))) < 1e-12
    assert affine_residual(X, net_output(p, X, "linear")) < 1e-12
    assert affine_residual(X, net_output(p, X, "relu")) > 1e-3


def test_mean_square_derivative_closed_forms_and_monte_carlo():
    assert mean_sq_derivative("relu", 1.0) == pytest.approx(0.5, abs=2e-4)
    assert mean_sq_derivative("relu", 3.0) == pytest.approx(0.5, abs=2e-4)
    assert mean_sq_derivative("linear", 2.0) == pytest.approx(1.0)
    assert mean_sq_derivative("sigmoid", 0.0) == 0.0625
    assert mean_sq_derivative("sigmoid", 0.01) == pytest.approx(0.0625, rel=1e-4)
    z = np.random.default_rng(0).normal(0, 1.5, 400_000)
    for name in ("sigmoid", "tanh", "elu", "maxout"):
        mc = np.mean(f_and_df(name, z)[1] ** 2)
        assert mean_sq_derivative(name, 1.5) == pytest.approx(mc, rel=0.01)
    # sigmoid' <= 1/4 everywhere: with n·Var(W) = 1 its factor is at most 0.25 for any s
    for s in (0.1, 0.5, 1.0, 3.0):
        assert layer_factor("sigmoid", s, 1.0) <= 0.25


def test_factor_over_depth_is_a_power_and_never_zero():
    f = layer_factor("sigmoid", 0.1, 1.0)
    r = factor_over_depth("sigmoid", 0.1, 1.0, 10)
    assert r[0] == 1 and np.allclose(r, f ** np.arange(11))
    assert np.allclose(factor_over_depth("relu", 0.0, 1.0, 5)[1:], 1e-300, rtol=1e-6, atol=0)
    assert np.isfinite(factor_over_depth("tanh", 0.1, 4.0, 20)).all()


@pytest.mark.parametrize("name,gain", [("sigmoid", 1.0), ("tanh", 1.0), ("relu", 2.0),
                                       ("relu", 1.0)])
def test_the_formula_with_measured_spreads_predicts_a_random_net(name, gain):
    res = run_init_experiment(InitConfig(name, "normal", np.sqrt(gain / 256), 11, 256, 200))
    meas = measured_ratio(res.grad_std)
    pred = predicted_ratio(res.var_u, name, gain)
    assert len(meas) == len(pred) == 11 and meas[0] == 1
    assert np.allclose(np.log(meas), np.log(pred), atol=0.15)


def test_zero_level_points_lie_on_the_line_of_an_affine_field():
    xs = np.linspace(-2, 2, 41)
    gx, gy = np.meshgrid(xs, xs)
    Z = 0.3 * gx - 0.8 * gy + 0.1
    pts = zero_level_points(xs, Z)
    assert len(pts) >= 40
    assert np.allclose(0.3 * pts[:, 0] - 0.8 * pts[:, 1] + 0.1, 0, atol=1e-12)
    assert len(zero_level_points(xs, np.ones_like(Z))) == 0
