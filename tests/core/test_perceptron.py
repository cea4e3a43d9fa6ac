"""nncore.perceptron and nncore.xor_net: Rosenblatt's rule against a naive loop, exact
convergence/cycle detection, the best line over all lines, and the 2-2-1 net's gradients."""

import numpy as np
import pytest

from nncore.datasets import make_dataset
from nncore.gradcheck import numerical_gradient, rel_error
from nncore.mlp import mlp_loss_and_grads
from nncore.perceptron import (
    BOOL_X,
    GATES,
    best_line,
    gate_data,
    line_segment,
    positive_region,
    predict,
    run_perceptron,
    separable_gates,
)
from nncore.train import train_mlp
from nncore.xor_net import (
    HAND_NET,
    finish_xor_nets,
    forward,
    hand_forward,
    initial_params,
    loss_and_grads,
    start_xor_nets,
    train_xor_nets,
    xor_chunk,
)

STARTS = [(0.0, 0.0, 0.0), (0.25, -0.75, 0.5), (-1.0, 1.0, 0.25)]


def naive(X, y, lr, w0, steps):
    """The rule written the plain way: weights (after each step) and mistakes so far."""
    w = np.array(w0, dtype=float)
    out, wrong = [w.copy()], 0
    for t in range(steps):
        i = t % len(y)
        yhat = int(X[i] @ w[:2] + w[2] > 0)
        if yhat != y[i]:
            w = w + lr * (y[i] - yhat) * np.append(X[i], 1.0)
            wrong += 1
        out.append(w.copy())
    return np.array(out), wrong


@pytest.mark.parametrize("gate", list(GATES))
@pytest.mark.parametrize("w0", STARTS)
@pytest.mark.parametrize("lr", [0.5, 1.0])
def test_rule_matches_a_naive_loop_also_beyond_the_computed_steps(gate, w0, lr):
    # lr and w0 are binary fractions: the naive float loop is exact too, so both must agree
    X, y = gate_data(gate)
    run = run_perceptron(X, y, lr, w0)
    W, wrong = naive(X, y, lr, w0, 120)
    for t in range(121):
        assert np.array_equal(run.weights(t), W[t]), (gate, t)
    assert run.mistakes_until(120) == wrong


@pytest.mark.parametrize("gate", ["and", "or", "nand"])
@pytest.mark.parametrize("w0", STARTS)
@pytest.mark.parametrize("lr", [0.01, 0.1, 1.0])
def test_separable_gates_converge_and_the_epoch_is_the_first_clean_one(gate, w0, lr):
    X, y = gate_data(gate)
    run = run_perceptron(X, y, lr, w0)
    e = run.converged_epoch
    assert e is not None and run.cycle is None
    assert run.epoch_mistakes[e - 1] == 0 and (run.epoch_mistakes[: e - 1] > 0).all()
    assert (predict(run.weights(run.end_step()), X) == y).all()
    assert np.array_equal(run.weights(run.end_step() + 37), run.weights(run.end_step()))


@pytest.mark.parametrize("w0", STARTS + [(0.3, -0.7, 0.2)])
@pytest.mark.parametrize("lr", [0.01, 0.1, 0.5, 1.0])
def test_xor_cycles_exactly_and_never_converges(w0, lr):
    X, y = gate_data("xor")
    run = run_perceptron(X, y, lr, w0)
    assert run.converged_epoch is None and run.cycle is not None
    e0, p = run.cycle
    assert np.array_equal(run.sums[e0 * 4], run.sums[(e0 + p) * 4])
    assert (run.epoch_mistakes > 0).all()
    # beyond the computed steps the state keeps cycling and mistakes keep coming
    t = run.end_step()
    assert np.array_equal(run.weights(t + 4 * p * 10), run.weights(t))
    assert run.mistakes_until(t + 4 * p) > run.mistakes_until(t)
    for s in range(t, t + 50):
        assert accuracy_lt_one(run.weights(s), X, y)


def accuracy_lt_one(w, X, y):
    return (predict(w, X) == y).mean() < 1


def test_shuffled_order_is_reproducible_and_converges_on_and():
    X, y = gate_data("and")
    a = run_perceptron(X, y, 0.1, (0, 0, 0), "shuffle", 7)
    b = run_perceptron(X, y, 0.1, (0, 0, 0), "shuffle", 7)
    assert np.array_equal(a.sums, b.sums) and a.converged_epoch == b.converged_epoch
    assert a.converged_epoch is not None
    c = run_perceptron(X, y, 0.1, (0, 0, 0), "shuffle", 8)
    assert not np.array_equal(a.shown, c.shown)


def test_noisy_xor_never_has_a_clean_epoch():
    X, y = make_dataset("xor", 40, 0.1, np.random.default_rng(0))
    run = run_perceptron(X, y, 0.1, (0, 0, 0))
    assert run.converged_epoch is None
    assert (run.epoch_mistakes > 0).all() and run.steps <= 10_000
    with pytest.raises(ValueError):
        run_perceptron(X, y, 0.0, (0, 0, 0))


def test_best_line_on_the_gates_and_sixteen_functions():
    assert best_line(*gate_data("xor"))[0] == 0.75
    for gate in ("and", "or", "nand"):
        acc, w = best_line(*gate_data(gate))
        assert acc == 1.0 and (predict(w, BOOL_X) == gate_data(gate)[1]).all()
    sep = separable_gates()
    assert sum(sep.values()) == 14
    assert {k for k, ok in sep.items() if not ok} == {(0, 1, 1, 0), (1, 0, 0, 1)}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_best_line_is_achieved_and_no_random_line_beats_it(seed):
    rng = np.random.default_rng(seed)
    X, y = make_dataset("xor", 30, 0.2, rng)
    acc, w = best_line(X, y)
    assert (predict(w, X) == y).mean() == acc
    W = rng.normal(size=(20000, 3))
    W[:, 2] *= 2
    accs = ((X @ W[:, :2].T + W[:, 2] > 0) == y[:, None]).mean(axis=0)
    assert accs.max() <= acc
    Xs, ys = make_dataset("linear", 30, 0.0, rng)
    assert best_line(Xs, ys)[0] == 1.0


def test_line_segment_and_positive_region():
    box = (-0.5, 1.5, -0.5, 1.5)
    w = np.array([1.0, 1.0, -1.5])
    seg = line_segment(w, box)
    assert np.allclose(seg @ w[:2] + w[2], 0)
    poly = positive_region(w, box)
    assert (poly @ w[:2] + w[2] >= -1e-12).all() and len(poly) >= 3
    assert line_segment(np.array([0.0, 0.1, 0.2]), box) is None
    assert positive_region(np.array([0.0, 0.0, -1.0]), box) is None
    assert len(positive_region(np.array([0.0, 0.0, 1.0]), box)) == 4


# ---------------------------------------------------------------------------------------------
# The 2-2-1 network
# ---------------------------------------------------------------------------------------------


def test_hand_net_computes_xor_and_its_hidden_space_is_separable():
    X, y = gate_data("xor")
    h, out = hand_forward(X)
    assert np.array_equal(out, y)
    assert np.array_equal(h[:, 0], GATES["nand"]) and np.array_equal(h[:, 1], GATES["or"])
    assert best_line(h, y)[0] == 1.0 and best_line(X, y)[0] == 0.75
    w_out = np.array([*HAND_NET["W2"][:, 0], HAND_NET["b2"][0]])
    assert np.array_equal(predict(w_out, h), y)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_batched_gradients_pass_gradcheck_and_match_mlp(activation):
    X, y = gate_data("xor")
    ps = [initial_params(s, activation) for s in (0, 1, 2)]
    W1 = np.stack([p["W1"] for p in ps])
    b1 = np.stack([p["b1"] for p in ps])
    W2 = np.stack([p["W2"][:, 0] for p in ps])
    b2 = np.array([p["b2"][0] for p in ps])
    loss, grads = loss_and_grads(W1, b1, W2, b2, X, y, activation)
    for arr, g in zip((W1, b1, W2, b2), grads, strict=True):
        num = numerical_gradient(
            lambda: float(loss_and_grads(W1, b1, W2, b2, X, y, activation)[0].sum()), arr
        )
        assert rel_error(num, g) < 1e-6
    for s, p in enumerate(ps):
        value, ref = mlp_loss_and_grads(p, X, y, activation, "bce")
        assert np.isclose(value, loss[s])
        assert np.allclose(ref["W1"], grads[0][s]) and np.allclose(ref["b2"], grads[3][s])


def test_batched_training_equals_train_mlp_with_sgd():
    X, y = gate_data("xor")
    res = train_xor_nets([3], "tanh", 0.5, 60)
    ref = train_mlp(
        X,
        y,
        [2, 2, 1],
        activation="tanh",
        init="xavier_normal",
        optimizer="sgd",
        opt_hp={"lr": 0.5},
        loss="bce",
        epochs=60,
        batch_size=4,
        seed=3,
    )
    for k in ("W1", "b1", "W2", "b2"):
        assert np.allclose(res.final[0][k], ref.params[k], atol=1e-10)
    assert np.allclose(res.loss[0], ref.history["train_loss"], atol=1e-10)


def test_training_solves_some_seeds_and_reports_blow_ups():
    res = train_xor_nets(range(20), "sigmoid", 1.0, 2000)
    assert 0 < res.solved.sum() < 20  # honest: a few small nets stall
    assert np.isfinite(res.loss).all() and res.reason is None
    for s, p in enumerate(res.final):
        _, prob = forward(p, BOOL_X, "sigmoid")
        assert res.correct[s] == np.sum((prob > 0.5) == np.array(GATES["xor"]))
    with pytest.raises(ValueError):
        train_xor_nets([0], "relu", 1.0, 10)


def test_a_huge_learning_rate_is_a_code_not_a_nan():
    res = train_xor_nets(range(3), "tanh", 1e8, 20)
    assert res.reason == "training_diverged" and (res.diverged_at >= 0).all()
    assert np.isfinite(res.loss).all()
    assert all(np.isfinite(v).all() for p in res.final for v in p.values())


def _same_training(a, b) -> None:
    assert (a.seeds, a.activation, a.lr, a.epochs) == (b.seeds, b.activation, b.lr, b.epochs)
    for field in ("loss", "correct", "diverged_at"):
        assert np.array_equal(getattr(a, field), getattr(b, field)), field
    for p, q in zip(a.final, b.final, strict=True):
        for k in p:
            assert p[k].shape == q[k].shape and np.array_equal(p[k], q[k]), k


@pytest.mark.parametrize("act, lr, epochs, chunk", [
    ("sigmoid", 1.0, 300, 250), ("tanh", 0.5, 301, 100), ("sigmoid", 1.0, 200, 1),
    ("tanh", 1e8, 20, 3),  # blows up mid-chunk
])
def test_chunked_training_equals_one_run_bit_for_bit(act, lr, epochs, chunk):
    """The page's worker pool runs ceil(epochs / chunk) chunks; the result is the same to
    the last bit as one call (each epoch depends only on the state carried over)."""
    whole = train_xor_nets(range(6), act, lr, epochs)
    state = start_xor_nets(range(6), act, lr, epochs)
    n = -(-epochs // chunk)
    for k in range(1, n + 1):
        before = state["W1"].copy()
        nxt = xor_chunk(state, k, chunk)
        assert np.array_equal(state["W1"], before)  # the input state is left as it was
        state = nxt
    _same_training(whole, finish_xor_nets(state))
    with pytest.raises(ValueError):  # an unfinished state is not a result
        finish_xor_nets(xor_chunk(start_xor_nets([0], act, lr, epochs), 1, 1))
