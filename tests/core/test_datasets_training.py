"""Data sets (shape, balance, determinism) and learning on toy problems."""

import numpy as np
import pytest

from nncore import DATASETS, make_dataset, train_mlp, train_test_split
from nncore.divergence import TRAINING_DIVERGED


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_dataset_shape_balance_determinism(name):
    X, y = make_dataset(name, 301, 0.1, np.random.default_rng(3))
    c = DATASETS[name].n_classes
    assert X.shape == (301, 2) and X.dtype == np.float64 and y.shape == (301,)
    counts = np.bincount(y, minlength=c)
    assert len(counts) == c and counts.max() - counts.min() <= 1
    assert np.abs(X).max() < 3 and np.isfinite(X).all()
    X2, y2 = make_dataset(name, 301, 0.1, np.random.default_rng(3))
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    X3, _ = make_dataset(name, 301, 0.1, np.random.default_rng(4))
    assert not np.array_equal(X, X3)


def test_clean_xor_labels_follow_the_quadrant_rule():
    X, y = make_dataset("xor", 400, 0.0, np.random.default_rng(0))
    assert np.array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))


def test_split():
    X, y = make_dataset("moons", 100, 0.1, np.random.default_rng(0))
    Xtr, ytr, Xte, yte = train_test_split(X, y, 0.3, np.random.default_rng(1))
    assert len(yte) == 30 and len(ytr) == 70
    assert {tuple(r) for r in Xtr}.isdisjoint({tuple(r) for r in Xte})


def test_two_layer_mlp_solves_xor():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 1, 1, 0])
    run = train_mlp(X, y, [2, 4, 2], activation="tanh", init="xavier_normal", optimizer="adam",
                    opt_hp={"lr": 0.05}, epochs=300, batch_size=4, seed=0)
    assert run.history["train_acc"][-1] == 1.0
    assert run.history["train_loss"][-1] < 0.05 and run.diverged_at is None


def test_tanh_mlp_learns_spirals():
    X, y = make_dataset("spirals", 400, 0.0, np.random.default_rng(0))
    run = train_mlp(X, y, [2, 32, 32, 2], activation="tanh", init="xavier_normal",
                    optimizer="adam", opt_hp={"lr": 0.03}, epochs=300, batch_size=32, seed=1)
    assert run.history["train_acc"][-1] >= 0.95


def test_same_seed_same_run_and_continuation_equals_one_long_run():
    X, y = make_dataset("moons", 120, 0.1, np.random.default_rng(0))
    kw = dict(activation="relu", optimizer="momentum", opt_hp={"lr": 0.1, "momentum": 0.9},
              batch_size=16, seed=5, batchnorm=True, dropout=0.1)
    a = train_mlp(X, y, [2, 8, 2], epochs=10, **kw)
    b = train_mlp(X, y, [2, 8, 2], epochs=10, **kw)
    assert all(np.array_equal(a.params[k], b.params[k]) for k in a.params)
    first = train_mlp(X, y, [2, 8, 2], epochs=4, **kw)
    rest = train_mlp(X, y, [2, 8, 2], epochs=6, params=first.params, bn_state=first.bn_state,
                     opt_state=first.opt_state, start_epoch=4, **kw)
    assert all(np.allclose(a.params[k], rest.params[k]) for k in a.params)
    assert rest.history["epoch"][0] == 4 and rest.epochs_done == 10


def test_history_snapshots_and_test_metrics():
    X, y = make_dataset("circles", 200, 0.05, np.random.default_rng(0))
    Xtr, ytr, Xte, yte = train_test_split(X, y, 0.25, np.random.default_rng(0))
    run = train_mlp(Xtr, ytr, [2, 8, 2], epochs=20, X_test=Xte, y_test=yte,
                    snapshot_epochs=[5, 10], opt_hp={"lr": 0.02})
    assert list(run.history["epoch"]) == list(range(21))
    assert set(run.snapshots) == {0, 5, 10, 20}
    assert len(run.history["test_acc"]) == 21 and np.isfinite(run.history["test_loss"]).all()
    assert run.history["train_loss"][-1] < run.history["train_loss"][0]


def test_divergence_is_reported_and_weights_stay_finite():
    X, y = make_dataset("xor", 200, 0.1, np.random.default_rng(0))
    run = train_mlp(X, y, [2, 8, 8, 2], activation="linear", optimizer="sgd",
                    opt_hp={"lr": 10.0}, epochs=50, batch_size=10)
    assert run.diverged_at is not None and run.reason == TRAINING_DIVERGED
    assert all(np.isfinite(v).all() for v in run.params.values())
    assert all(np.isfinite(v).all() for v in run.history.values())
    assert run.epochs_done == run.diverged_at - 1
