"""nncore.backprop: the hand-written graph equals nncore.mlp's forward/backward and centered
finite differences, for every hidden activation, loss and output count; the classic worked
example's published numbers; dead ReLU units; gradient descent; guess ratings."""

import itertools

import numpy as np
import pytest

from nncore.activations import ACTIVATIONS
from nncore.backprop import (
    NONFINITE,
    PRESETS,
    backward,
    dead_units,
    forward,
    gradient_descent,
    guess_rating,
    loss_value,
    node_order,
    param_names,
    params_from_flat,
    trace,
)
from nncore.gradcheck import numerical_gradient, rel_error
from nncore.losses import bce, mse
from nncore.mlp import mlp_backward, mlp_forward, mlp_loss_and_grads

CASES = list(itertools.product(("sigmoid", "tanh", "relu"), ("mse", "ce"), (1, 2), range(3)))


def random_case(act, loss, n_out, seed):
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.uniform(-1.5, 1.5, (2, 2)), "b1": rng.uniform(-0.5, 0.5, 2),
        "W2": rng.uniform(-1.5, 1.5, (2, n_out)), "b2": rng.uniform(-0.5, 0.5, n_out),
    }
    x = rng.uniform(-2, 2, 2)
    t = rng.uniform(0.05, 0.95, n_out)
    if act == "relu":  # keep every z away from the kink, where a derivative does not exist
        z = x @ params["W1"] + params["b1"]
        params["b1"] = params["b1"] + np.where(np.abs(z) < 0.05, 0.2, 0.0)
    return params, x, t


def preset_case(name):
    p = PRESETS[name]
    return params_from_flat(dict(p.flat), len(p.t)), np.array(p.x), np.array(p.t), p


@pytest.mark.parametrize("act,loss,n_out,seed", CASES)
def test_forward_and_backward_equal_nncore_mlp(act, loss, n_out, seed):
    params, x, t = random_case(act, loss, n_out, seed)
    fwd = forward(params, x, t, act, loss)
    out, rec = mlp_forward(params, x[None], act)
    np.testing.assert_allclose(fwd["z"], rec["z"][0][0], rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(fwd["h"], rec["a"][0][0], rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(fwd["u"], out[0], rtol=1e-14, atol=1e-15)
    bwd = backward(params, x, t, act, loss, fwd)
    grads, upstream = mlp_backward(params, bwd["du"][None], rec)
    for k in params:
        np.testing.assert_allclose(bwd["grads"][k], grads[k], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(bwd["dh"], upstream[0][0], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("act,seed", list(itertools.product(("sigmoid", "tanh", "relu"), range(3))))
def test_cross_entropy_with_one_output_is_nncore_bce(act, seed):
    """mlp_loss_and_grads(loss="bce") on the example is exactly this page's loss and grads."""
    params, x, t = random_case(act, "ce", 1, seed)
    tr = trace(params, x, t, act, "ce")
    value, grads = mlp_loss_and_grads(params, x[None], t, act, "bce")
    assert tr.values["L"] == pytest.approx(value, rel=1e-12)
    bwd = backward(params, x, t, act, "ce", forward(params, x, t, act, "ce"))
    for k in params:
        np.testing.assert_allclose(bwd["grads"][k], grads[k], rtol=1e-9, atol=1e-15)


def test_loss_conventions_against_nncore_losses():
    params, x, t = random_case("tanh", "ce", 2, 7)
    fwd = forward(params, x, t, "tanh", "ce")
    per_output = sum(bce(fwd["u"][None, k : k + 1], t[k : k + 1])[0] for k in range(2))
    assert fwd["L"] == pytest.approx(per_output, rel=1e-12)  # CE: bce summed over outputs
    onehot = np.array([0.0, 1.0])  # nncore's mse takes a class label for two outputs
    fwd = forward(params, x, onehot, "tanh", "mse")
    assert fwd["L"] == pytest.approx(mse(fwd["o"][None], np.array([1]))[0], rel=1e-12)
    params1, x1, t1 = random_case("tanh", "mse", 1, 8)
    fwd1 = forward(params1, x1, t1, "tanh", "mse")
    assert 2 * fwd1["L"] == pytest.approx(mse(fwd1["o"][None], t1)[0], rel=1e-12)


@pytest.mark.parametrize("act,loss,n_out,seed", CASES)
def test_every_gradient_matches_centered_differences(act, loss, n_out, seed):
    params, x, t = random_case(act, loss, n_out, seed)
    tr = trace(params, x, t, act, loss)
    g = ACTIVATIONS[act].f
    for k, arr in params.items():
        num = numerical_gradient(lambda: loss_value(forward(params, x, t, act, loss)["u"], t,
                                                    loss), arr)
        mine = backward(params, x, t, act, loss, forward(params, x, t, act, loss))["grads"][k]
        assert rel_error(mine, num) < 1e-6, k
    # the nodes: L as a function of u, of h and of z
    u = np.array([tr.values[f"u{k}"] for k in range(1, n_out + 1)])
    h = np.array([tr.values["h1"], tr.values["h2"]])
    z = np.array([tr.values["z1"], tr.values["z2"]])
    checks = [
        ("u", u, lambda: loss_value(u, t, loss)),
        ("h", h, lambda: loss_value(h @ params["W2"] + params["b2"], t, loss)),
        ("z", z, lambda: loss_value(g(z) @ params["W2"] + params["b2"], t, loss)),
    ]
    for name, arr, f in checks:
        num = numerical_gradient(f, arr)
        mine = np.array([tr.grads[f"{name}{i + 1}"] for i in range(arr.size)])
        assert rel_error(mine, num) < 1e-6, name


@pytest.mark.parametrize("act,loss,n_out,seed", CASES[::5])
def test_steps_are_the_chain_rule(act, loss, n_out, seed):
    params, x, t = random_case(act, loss, n_out, seed)
    tr = trace(params, x, t, act, loss)
    order = node_order(n_out)
    assert [s.node for s in tr.steps] == list(order) + list(reversed(order))
    shares = {}
    for s in tr.steps[len(order):]:
        assert tr.grads[s.node] == pytest.approx(sum(shares.get(s.node, [1.0])), rel=1e-12)
        for term in s.terms:
            assert term.upstream == tr.grads[s.node]
            assert term.product == pytest.approx(term.local * term.upstream, rel=1e-15)
            shares.setdefault(term.input, []).append(term.product)
    for name in param_names(n_out):  # every parameter got exactly its gradient, once
        assert shares[name] == [pytest.approx(tr.grads[name], rel=1e-12, abs=1e-300)]


def test_classic_example_reproduces_the_published_numbers():
    """Mazur (2015): E_total = 0.298371109, ∂E/∂w5 = 0.082167041, ∂E/∂w1 = 0.000438568,
    w5+ = 0.35891648, w1+ = 0.149780716 (learning rate 0.5)."""
    params, x, t, p = preset_case("classic")
    tr = trace(params, x, t, p.activation, p.loss)
    assert round(tr.values["z1"], 10) == 0.3775
    assert f"{tr.values['L']:.9f}" == "0.298371109"
    assert f"{tr.grads['v11']:.9f}" == "0.082167041"
    assert f"{tr.grads['w11']:.9f}" == "0.000438568"
    run = gradient_descent(params, x, t, p.activation, p.loss, 0.5, 1)
    assert f"{run.params[1]['v11']:.8f}" == "0.35891648"
    assert f"{run.params[1]['w11']:.9f}" == "0.149780716"


def test_dead_relu_preset_passes_no_gradient_and_stays_dead():
    params, x, t, p = preset_case("dead_relu")
    tr = trace(params, x, t, p.activation, p.loss)
    assert dead_units(tr) == [2] and tr.values["z2"] < 0 and tr.values["h2"] == 0
    for name in ("z2", "w12", "w22", "b2", "v21"):
        assert tr.grads[name] == 0.0 and str(tr.grads[name]) == "0.0", name
    assert tr.grads["w11"] != 0 and tr.grads["v11"] != 0
    run = gradient_descent(params, x, t, p.activation, p.loss, p.lr, 20)
    assert run.code is None and run.losses[-1] < run.losses[0]
    for flat in run.params:
        assert (flat["w12"], flat["w22"], flat["b2"], flat["v21"]) == (-0.6, 0.4, 0.1, 0.7)
    assert dead_units(trace(params, x, t, "sigmoid", p.loss)) == []


def test_overflow_is_a_code_not_a_nan():
    params, x, t, p = preset_case("dead_relu")
    big = {k: v * 0 + 5.0 for k, v in params.items()}
    tr = trace(big, np.array([5.0, 5.0]), t, "relu", "ce")
    assert tr.code == NONFINITE and tr.steps == ()
    run = gradient_descent(params, x, t, "relu", "ce", 1e300, 5)
    assert run.code == NONFINITE and len(run.losses) == len(run.params)
    assert all(np.isfinite(run.losses))


def test_guess_rating():
    assert guess_rating(0.3775, 0.3775) == (0.0, 0.0, "spot")
    err, rel, level = guess_rating(0.40, 0.3775)
    assert err == pytest.approx(0.0225) and rel == pytest.approx(5.96, abs=0.01)
    assert level == "close"
    assert guess_rating(-0.1, 0.1)[2] == "off"
    assert guess_rating(0.00005, 0.0)[2] == "spot" and guess_rating(0.1, 0.0)[2] == "off"
