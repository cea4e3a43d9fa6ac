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
