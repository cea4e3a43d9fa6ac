"""nncore.bnlab: same start with and without batch norm, the recorded loop equals train_mlp,
running statistics converge to the data's, eval mode does not depend on the batch, batch size
1 zeroes x̂ and W's gradient, and a finite-difference check of the batch-norm net's gradient."""

import numpy as np
import pytest

from nncore import bnlab
from nncore.datasets import make_dataset
from nncore.gradcheck import numerical_gradient, rel_error
from nncore.mlp import mlp_loss_and_grads
from nncore.train import train_mlp

SIZES = [2, 8, 8, 8, 2]


@pytest.fixture(scope="module")
def data():
    return make_dataset("moons", 120, 0.1, np.random.default_rng(3))


def test_both_nets_start_from_the_same_weights():
    a = bnlab.initial_params(SIZES, "relu", 0.3, 7, batchnorm=False)
    b = bnlab.initial_params(SIZES, "relu", 0.3, 7, batchnorm=True)
    assert set(b) - set(a) == {f"{p}{l}" for p in ("gamma", "beta") for l in (1, 2, 3)}
    for key, value in a.items():
        assert np.array_equal(value, b[key]), key
    for l in (1, 2, 3):
        assert np.all(b[f"gamma{l}"] == 1.0) and np.all(b[f"beta{l}"] == 0.0)
    assert not np.array_equal(a["W1"], bnlab.initial_params(SIZES, "relu", 0.3, 8, False)["W1"])


@pytest.mark.parametrize("bn", [False, True])
def test_recorded_run_is_train_mlp(data, bn):
    X, y = data
    kw = dict(activation="tanh", lr=0.1, epochs=4, batch_size=16, batchnorm=bn, seed=2)
    run = bnlab.run_recorded(X, y, SIZES, scale=0.5, **kw)
    ref = train_mlp(X, y, SIZES, init="normal", init_scale=0.5, optimizer="sgd",
                    opt_hp={"lr": kw.pop("lr")}, **kw)
    params, state = run.snapshots[-1]
    for key in ref.params:
        assert np.array_equal(params[key], ref.params[key]), key
    for key in ref.bn_state:
        assert np.array_equal(state[key], ref.bn_state[key]), key
    for key in ("epoch", "train_loss", "train_acc"):
        assert np.allclose(run.history[key], ref.history[key], rtol=0, atol=1e-12)
    assert run.rec_steps == [e * 8 for e in range(5)] and run.steps == 32
    for counts in run.hist_u + run.hist_z:
        assert counts.shape == (5, bnlab.HIST_BINS) and np.all(counts.sum(axis=1) == 120 * 8)


def test_running_statistics_converge_to_the_data_statistics(data):
    """With (nearly) frozen weights the running mean/var approach the full data set's μ, σ²."""
    X, y = data
    run = bnlab.run_recorded(X, y, SIZES, scale=0.5, lr=1e-9, epochs=30, batch_size=30,
                             batchnorm=True, seed=0)
    for l in range(3):
        sd = np.sqrt(run.data_var[l][-1])
        start_gap = np.abs(run.run_mean[l][0] - run.data_mean[l][0]) / sd
        gap = np.abs(run.run_mean[l][-1] - run.data_mean[l][-1]) / sd
        assert gap.max() < 0.15 and gap.mean() < 0.5 * start_gap.mean() + 1e-12
        rel_var = np.abs(run.run_var[l][-1] / run.data_var[l][-1] - 1)
        assert rel_var.max() < 0.3, rel_var
    # ...while at the start they are the initial 0 and 1, far from the data's.
    assert np.all(run.run_mean[0][0] == 0) and np.all(run.run_var[0][0] == 1)


def test_eval_mode_prediction_does_not_depend_on_the_batch(data):
    X, y = data
    run = bnlab.run_recorded(X, y, SIZES, scale=0.5, lr=0.1, epochs=3, batch_size=16,
                             batchnorm=True, seed=1)
    params, state = run.snapshots[-1]
    r = bnlab.eval_vs_batch(params, state, X, "relu", 5, np.arange(10, 17), np.arange(40, 47))
    assert abs(r["eval_a"] - r["eval_b"]) < 1e-12
    assert abs(r["train_a"] - r["train_b"]) > 1e-4  # train mode does depend on it


def test_batch_of_one_and_two(data):
    X, y = data
    params = bnlab.initial_params(SIZES, "relu", 0.5, 0, True)
    rows = bnlab.batch_of_one(params, X, "relu", 2, 3)
    assert rows[0]["var"] == 0.0 and np.all(rows[0]["xhat"] == 0.0)
    v = rows[1]["var"]
    assert v > 0 and np.allclose(np.abs(rows[1]["xhat"]), np.sqrt(v / (v + bnlab.EPS)))
    assert abs(rows[1]["xhat"].sum()) < 1e-12
    _, grads = mlp_loss_and_grads(params, X[:1], y[:1], "relu", train=True)
    for l in (1, 2, 3):
        assert np.all(grads[f"W{l}"] == 0.0) and np.all(grads[f"gamma{l}"] == 0.0)
    res = bnlab.small_batch_training(X, y, SIZES, activation="relu", scale=0.5, lr=0.1, seed=0,
                                     batch_size=1, epochs=2)
    assert res["w1_change"] == 0.0 and res["min_running_var"] < 1e-6


def test_unit_formula_matches_the_network(data):
    X, _ = data
    params = bnlab.initial_params(SIZES, "tanh", 0.5, 0, True)
    params["gamma2"] = params["gamma2"] * 1.7
    params["beta2"] = params["beta2"] - 0.3
    f = bnlab.unit_formula(params, X[:16], "tanh", 2, 4)
    assert f["max_diff_to_net"] < 1e-12
    assert abs(f["xhat"].mean()) < 1e-12 and abs(f["xhat"].var() - 1) < 1e-3


def test_robustness_cell_reports_divergence_as_a_code(data):
    X, y = data
    cell = bnlab.robustness_cell(X, y, SIZES, activation="relu", scale=3.0, lr=3.0, epochs=3,
                                 batch_size=16, seed=0, batchnorm=False)
    assert cell["diverged_at"] is not None and np.isfinite(cell["loss"])
    assert not bnlab.trained(cell)


def test_gradient_of_the_batchnorm_net():
    """The gradients the lab trains with (train-mode batch norm before ReLU/tanh, γ and β
    included) against centered finite differences."""
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((6, 2)), np.array([0, 1, 1, 0, 1, 0])
    for act in ("tanh", "relu"):
        params = bnlab.initial_params([2, 5, 4, 2], act, 0.8, 1, True)
        params["gamma1"] = params["gamma1"] + rng.normal(0, 0.3, 5)
        params["beta2"] = params["beta2"] + rng.normal(0, 0.3, 4)
        _, grads = mlp_loss_and_grads(params, X, y, act, train=True)
        for key, value in params.items():
            num = numerical_gradient(
                lambda p=params, a=act: mlp_loss_and_grads(p, X, y, a)[0], value)
            # b before batch norm has gradient 0 (the mean removes it): compare absolutely
            err = rel_error(grads[key], num) if np.abs(num).max() > 1e-8 else 0.0
            assert err < 1e-5 and np.abs(grads[key] - num).max() < 1e-7, (act, key)
