"""Minibatch training of an MLP with any optimizer from ``make_optimizer``.

``train_mlp`` never prints and never touches a UI: it returns a ``TrainResult`` with the per-epoch
history, parameter snapshots for a timeline scrubber, and — if training blew up — the epoch where
it happened (the returned parameters are then the last finite ones).

Regularization options (defaults keep plain training bit for bit):

- ``l1_mode="proximal"``: the L1 term leaves the gradient; after each optimizer step every weight
  matrix is soft-thresholded, W ← sign(W)·max(|W| − lr·λ₁, 0) (``soft_threshold``), with lr the
  optimizer's *base* learning rate of that step (``opt_state["lr"]``, a schedule's value
  included). With SGD this is exactly the proximal-gradient (ISTA) step for loss + λ₁‖W‖₁, which
  makes weights exactly 0; with adaptive optimizers (Adam, RMSProp…) the data step is scaled per
  coordinate but the threshold is not, so it is only a heuristic there.
- ``restore_best=True``: early stopping on the held-out set; the returned weights are those of
  the epoch with the lowest held-out loss (``best_epoch``); ``patience`` stops the run after that
  many epochs without a new best.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .divergence import TRAINING_DIVERGED
from .losses import LOSSES
from .mlp import ActivationSpec, init_bn_state, init_mlp, mlp_forward, mlp_loss_and_grads
from .optim import make_optimizer

Array = np.ndarray
BLOW_UP = 1e6  # a parameter or loss beyond this counts as divergence


@dataclass
class TrainResult:
    """What ``train_mlp`` hands back.

    ``history``: arrays over recorded epochs — "epoch", "train_loss", "train_acc", "test_loss",
    "test_acc" (test entries are NaN-free: absent keys when no test set is given).
    ``snapshots``: epoch -> (params, bn_state) copies, for rewinding.
    ``diverged_at``: the epoch during which a non-finite or exploding value appeared, else None;
    ``reason``: then ``nncore.divergence.TRAINING_DIVERGED`` (a code pages translate), else None.
    """

    params: dict
    bn_state: dict
    opt_state: dict
    history: dict[str, Array]
    snapshots: dict[int, tuple[dict, dict]] = field(default_factory=dict)
    diverged_at: int | None = None
    reason: str | None = None
    best_epoch: int | None = None  # restore_best: the epoch whose weights were returned

    @property
    def epochs_done(self) -> int:
        return int(self.history["epoch"][-1])


def evaluate(
    params: dict,
    X: Array,
    y: Array,
    activation: ActivationSpec,
    loss: str,
    bn_state: dict | None,
) -> tuple[float, float]:
    """(loss without penalty, accuracy) in eval mode on (X, y)."""
    out, _ = mlp_forward(params, X, activation, train=False, bn_state=bn_state or None)
    value, _ = LOSSES[loss].fn(out, y)
    pred = LOSSES[loss].proba(out).argmax(axis=1)
    return float(value), float(np.mean(pred == y))


def _finite_and_bounded(params: dict) -> bool:
    return all(
        np.isfinite(v).all() and np.abs(v).max(initial=0.0) < BLOW_UP for v in params.values()
    )


def _copy(d: dict) -> dict:
    return {k: v.copy() for k, v in d.items()}


L1_MODES = ("subgradient", "proximal")


def soft_threshold(W: Array, t: float) -> Array:
    """The proximal map of t·‖W‖₁: sign(W)·max(|W| − t, 0) (exact zeros where |W| ≤ t)."""
    return np.sign(W) * np.maximum(np.abs(W) - t, 0.0)


def _prox_l1(params: dict, t: float) -> dict:
    """Soft-threshold every weight matrix (not biases, not γ/β), as ``penalty`` covers."""
    return {k: soft_threshold(v, t) if k.startswith("W") else v for k, v in params.items()}


class _Recorder:
    """Per-epoch history (eval mode), snapshots and the best held-out epoch of one run."""

    def __init__(self, X, y, X_test, y_test, activation, loss, want, track, keep_best):
        self.X, self.y, self.X_test, self.y_test = X, y, X_test, y_test
        self.activation, self.loss, self.want = activation, loss, want
        self.track, self.keep_best = track, keep_best
        self.has_test = X_test is not None and y_test is not None and len(y_test) > 0
        self.rows: dict[str, list] = {"epoch": [], "train_loss": [], "train_acc": []}
        if self.has_test:
            self.rows |= {"test_loss": [], "test_acc": []}
        self.snapshots: dict[int, tuple[dict, dict]] = {}
        self.best: dict = {"loss": np.inf, "epoch": None, "state": None}

    def __call__(self, epoch: int, params: dict, bn_state: dict) -> None:
        loss_tr, acc_tr = evaluate(params, self.X, self.y, self.activation, self.loss, bn_state)
        self.rows["epoch"].append(epoch)
        self.rows["train_loss"].append(loss_tr)
        self.rows["train_acc"].append(acc_tr)
        if self.has_test:
            loss_te, acc_te = evaluate(params, self.X_test, self.y_test, self.activation,
                                       self.loss, bn_state)
            self.rows["test_loss"].append(loss_te)
            self.rows["test_acc"].append(acc_te)
            if self.track and loss_te < self.best["loss"]:
                kept = (_copy(params), _copy(bn_state)) if self.keep_best else None
                self.best.update(loss=loss_te, epoch=epoch, state=kept)
        if epoch in self.want:
            self.snapshots[epoch] = (_copy(params), _copy(bn_state))

    def history(self) -> dict[str, Array]:
        return {k: np.asarray(v, dtype=np.float64) for k, v in self.rows.items()}


def _run_epoch(state: tuple, opt, X, y, epoch: int, seed: int, bs: int, step_kw: dict,
               prox_l1: float) -> tuple[tuple, bool]:
    """One epoch of minibatches from ``state`` = (params, bn_state, opt_state), shuffled by
    ``default_rng([seed, epoch])``. Returns (new state, diverged)."""
    params, bn_state, opt_state = state
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(len(y))
    for start in range(0, len(y), bs):
        idx = order[start : start + bs]
        value, grads, rec = mlp_loss_and_grads(
            params, X[idx], y[idx], **step_kw, train=True, rng=rng, bn_state=bn_state,
            return_record=True,
        )
        if not np.isfinite(value) or value > BLOW_UP:
            return (params, bn_state, opt_state), True
        params, opt_state = opt.update(grads, opt_state, params)
        if prox_l1:
            params = _prox_l1(params, opt_state["lr"] * prox_l1)
        if rec["bn_state"] is not None:
            bn_state = rec["bn_state"]
    return (params, bn_state, opt_state), not _finite_and_bounded(params)


# long: 28 keyword arguments and their docstring; the body itself is about 40 lines
def train_mlp(
    X: Array,
    y: Array,
    sizes: Sequence[int],
    *,
    activation: ActivationSpec = "relu",
    init: str = "he_normal",
    init_scale: float | None = None,
    maxout_k: int = 2,
    optimizer: str = "adam",
    opt_hp: dict | None = None,
    loss: str = "softmax_ce",
    epochs: int = 100,
    batch_size: int = 32,
    l1: float = 0.0,
    l2: float = 0.0,
    dropout: float = 0.0,
    batchnorm: bool = False,
    seed: int = 0,
    X_test: Array | None = None,
    y_test: Array | None = None,
    snapshot_epochs: Iterable[int] = (),
    params: dict | None = None,
    bn_state: dict | None = None,
    opt_state: dict | None = None,
    start_epoch: int = 0,
    l1_mode: str = "subgradient",
    restore_best: bool = False,
    patience: int | None = None,
) -> TrainResult:
    """Train an MLP of layer widths ``sizes`` on (X, y) for ``epochs`` epochs of minibatches.

    Initial weights come from ``np.random.default_rng(seed)`` (so "reset" gives the same net);
    each epoch shuffles with ``default_rng([seed, epoch])``, so a run continued from
    (params, bn_state, opt_state, start_epoch) equals one long run. Epoch ``start_epoch`` is
    recorded before any update; ``snapshot_epochs`` lists the epochs whose weights are kept
    (the first and the last are always kept).

    ``l1_mode``, ``restore_best`` and ``patience``: see the module docstring (``restore_best``
    and ``patience`` need a held-out set; the returned ``opt_state`` is always the last one).
    """
    if l1_mode not in L1_MODES:
        raise ValueError(f"l1_mode must be one of {L1_MODES}, got {l1_mode!r}")
    prox = l1_mode == "proximal" and l1 > 0.0
    if params is None:
        params = init_mlp(sizes, init, np.random.default_rng(seed), scale=init_scale,
                          activation=activation, maxout_k=maxout_k, batchnorm=batchnorm)
    if bn_state is None:
        bn_state = init_bn_state(params)
    opt = make_optimizer(optimizer, **(opt_hp or {}))
    if opt_state is None:
        opt_state = opt.init(params)
    want = set(int(e) for e in snapshot_epochs) | {start_epoch, start_epoch + epochs}
    track = restore_best or patience is not None
    rec = _Recorder(X, y, X_test, y_test, activation, loss, want, track, restore_best)
    if track and not rec.has_test:
        raise ValueError("early stopping (restore_best / patience) needs X_test and y_test")
    step_kw = {"activation": activation, "loss": loss, "l1": 0.0 if prox else l1, "l2": l2,
               "dropout": dropout}
    rec(start_epoch, params, bn_state)
    bs = max(1, min(int(batch_size), len(y)))
    diverged_at, reason = None, None
    state = (params, bn_state, opt_state)
    for epoch in range(start_epoch + 1, start_epoch + epochs + 1):
        new_state, diverged = _run_epoch(state, opt, X, y, epoch, seed, bs, step_kw,
                                         l1 if prox else 0.0)
        if diverged:  # keep the last good epoch's weights
            diverged_at, reason = epoch, TRAINING_DIVERGED
            rec.snapshots[epoch - 1] = (_copy(state[0]), _copy(state[1]))
            break
        state = new_state
        rec(epoch, state[0], state[1])
        if patience is not None and epoch - rec.best["epoch"] >= patience:
            rec.snapshots.setdefault(epoch, (_copy(state[0]), _copy(state[1])))
            break
    params, bn_state, opt_state = state
    best_epoch = None
    if restore_best and rec.best["state"] is not None:
        params, bn_state = rec.best["state"]
        best_epoch = int(rec.best["epoch"])
    return TrainResult(params, bn_state, opt_state, rec.history(), rec.snapshots, diverged_at,
                       reason, best_epoch)
