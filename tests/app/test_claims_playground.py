"""Every sentence the training playground states about the numbers, computed for the settings it
is shown with (the page's defaults: XOR, 500 points, 2-8-8-2 tanh, Xavier, Adam 0.01, batch 10,
100 epochs), through the page's own cached compute."""

import numpy as np
import pytest
from app_util import open_lab

from labs.playground import BN_TINY_BATCH, L1_WRECKS, PENALTY_OPTIONS, load_data, run_training
from nncore.layers import batchnorm_forward
from nncore.playground import Run, Settings

PAGE = "labs/playground.py"
CHANCE = 0.5  # the default data set has two classes


def _acc(**settings) -> float:
    return float(run_training(Run(Settings(**settings))).history["test_acc"][-1])


def test_default_run_learns_xor():
    """The contrast the two warnings draw: the default settings do learn."""
    assert _acc() > 0.95
    assert load_data(Settings().data)["n_classes"] == 2


@pytest.mark.parametrize("bs", [1, 2])
def test_batch_norm_on_one_or_two_points_stays_at_chance(bs):
    """'On the default XOR setup this leaves the test accuracy at chance (about 50 %)'."""
    assert bs <= BN_TINY_BATCH
    assert abs(_acc(bn=True, bs=bs) - CHANCE) < 0.1
    assert _acc(bn=True, bs=5) > 0.9  # "Use a batch of 5 or more"


def test_batch_statistics_of_one_and_two_points():
    """'with one point x − μ_B = 0 for every neuron, with two points every normalized value is
    about ±1'."""
    rng = np.random.default_rng(0)
    gamma, beta = np.ones(8), np.zeros(8)
    one, *_ = batchnorm_forward(rng.normal(size=(1, 8)) * 5, gamma, beta)
    np.testing.assert_array_equal(one, 0.0)
    two, *_ = batchnorm_forward(rng.normal(size=(2, 8)) * 5, gamma, beta)
    np.testing.assert_allclose(np.abs(two), 1.0, atol=1e-3)


@pytest.mark.parametrize("l1", [p for p in PENALTY_OPTIONS if p >= L1_WRECKS])
def test_strong_l1_pulls_every_weight_to_zero_and_stays_at_chance(l1):
    """'from 0.01 on this pull outweighs the data term: the weights shrink to about 0 and the
    test accuracy stays at chance (about 50 %)'."""
    res = run_training(Run(Settings(l1=l1)))
    assert abs(float(res.history["test_acc"][-1]) - CHANCE) < 0.1
    for key, W in res.params.items():
        if key.startswith("W"):
            assert np.abs(W).max() < 0.02, key  # the default init starts near ±1


@pytest.mark.parametrize("l1", [p for p in PENALTY_OPTIONS if 0 < p < L1_WRECKS])
def test_weaker_l1_still_learns(l1):
    """The threshold is real: below 0.01 ('Try 0.001 or less') the default run still learns."""
    assert _acc(l1=l1) > 0.9


def test_warnings_are_shown_with_the_run_s_own_accuracy():
    small = {"pg_n": 120, "pg_ep": 20}  # the warning's numbers are the run's own, any size
    at = open_lab(PAGE, state={**small, "pg_bn": True, "pg_bs": 2}, timeout=180)
    acc = at.metric[3].value  # the timeline opens at the last epoch
    (warning,) = [w.value for w in at.warning]
    assert "batch size 2" in warning and f"This run: {float(acc.rstrip('%')):.0f}%" in warning
    at = open_lab(PAGE, state={**small, "pg_l1": 0.03}, timeout=180)
    (warning,) = [w.value for w in at.warning]
    assert "λ₁ = 0.03" in warning and "chance: 50%" in warning
    quiet = open_lab(PAGE, state={**small, "pg_l1": 0.003, "pg_bn": True, "pg_bs": 5})
    assert not quiet.warning


# ---------------------------------------------------------------------------------------------
# Lecture steps: each step's text, computed for the settings the step sets (step_settings; the
# page test checks that the page trains exactly these)
# ---------------------------------------------------------------------------------------------

LN2 = float(np.log(2.0))


def _step(sid: str):
    from labs.playground import step_settings

    return run_training(Run(step_settings(sid)))


def _h(sid: str, key: str) -> np.ndarray:
    return _step(sid).history[key]


def _grad_norms(sid: str) -> list[float]:
    """|dL/dW_l| for the hidden layers at the run's initial weights, on its training points."""
    from labs.playground import step_settings
    from nncore.mlp import mlp_loss_and_grads
    from nncore.playground import feature_map

    s = step_settings(sid)
    data = load_data(s.data)
    params, bn = _step(sid).snapshots[0]
    _, grads = mlp_loss_and_grads(params, feature_map(data["X_tr"], s.feats), data["y_tr"],
                                  list(s.acts), s.loss, bn_state=bn or None)
    return [float(np.linalg.norm(grads[f"W{l}"])) for l in range(1, len(s.hidden) + 1)]


@pytest.mark.parametrize("sid", ["linear", "stacked_linear"])
def test_steps_linear_and_stacked_linear_leave_xor_unlearned(sid):
    """'Count the XOR points left on the wrong side' / 'XOR is not learned'."""
    assert _h(sid, "test_acc")[-1] < 0.75


def test_step_stacked_linear_boundary_is_a_straight_line():
    """'stacked linear layers are still one linear map, so the boundary stays a straight line':
    the log-odds over the plane is an affine function of (x₁, x₂)."""
    from labs.playground import step_settings
    from nncore.playground import network_grid

    s, res = step_settings("stacked_linear"), _step("stacked_linear")
    g = network_grid(res.params, s.feats, list(s.acts), s.loss, res.bn_state,
                     load_data(s.data)["extent"], 30)
    gx, gy = np.meshgrid(g.xs, g.xs)
    odds = np.log(g.proba[..., 1] / g.proba[..., 0]).ravel()
    A = np.column_stack([gx.ravel(), gy.ravel(), np.ones(gx.size)])
    fit, *_ = np.linalg.lstsq(A, odds, rcond=None)
    assert np.abs(A @ fit - odds).max() < 1e-6 * max(1.0, np.abs(odds).max())


@pytest.mark.parametrize("sid", ["features", "hidden", "spiral"])
def test_steps_that_learn_separate_the_test_points(sid):
    """'the same linear classifier now separates XOR' / 'XOR is learned' / 'until the test
    points are separated'."""
    assert _h(sid, "test_acc")[-1] >= 0.95


def test_step_vanishing_gradient():
    """'the gradient shrinks on its way back through every layer ... The training loss only
    sinks to ln 2 ≈ 0.69 ... the test accuracy stays near chance'."""
    norms = _grad_norms("vanishing")
    assert all(a < b for a, b in zip(norms, norms[1:], strict=False)), norms
    loss = _h("vanishing", "train_loss")
    assert abs(loss[-1] - LN2) < 0.01 and loss.min() > LN2 - 0.01
    assert abs(_h("vanishing", "test_acc")[-1] - CHANCE) < 0.1


def test_step_batchnorm_lets_the_gradient_reach_the_first_layers():
    """'the gradient reaches the first layers, and the loss falls well below ln 2'."""
    plain, bn = _grad_norms("vanishing"), _grad_norms("batchnorm")
    assert bn[0] / bn[-1] > 10 * plain[0] / plain[-1]
    assert _h("batchnorm", "train_loss")[-1] < 0.75 * LN2


def test_step_lr_high_ends_higher_than_it_started():
    loss = _h("lr_high", "train_loss")
    assert loss[-1] > loss[0]


def test_step_overfit():
    """'the training loss falls towards zero while the test loss reaches its lowest early and
    then climbs'."""
    train, test, epochs = (_h("overfit", k) for k in ("train_loss", "test_loss", "epoch"))
    assert train[-1] < 0.15 * train[0]
    assert epochs[test.argmin()] <= 100 and test[-1] > 2 * test.min()


def test_step_l2_and_dropout_against_overfitting():
    """L2: 'the training loss stays higher, and the test loss ends far lower than without the
    penalty'; dropout: 'The test loss ends lower than without regularization'."""
    assert _h("l2", "train_loss")[-1] > _h("overfit", "train_loss")[-1]
    assert _h("l2", "test_loss")[-1] < 0.5 * _h("overfit", "test_loss")[-1]
    assert _h("dropout", "test_loss")[-1] < _h("overfit", "test_loss")[-1]
