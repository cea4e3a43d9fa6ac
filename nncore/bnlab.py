"""Batch normalization lab: one deep MLP trained with and without batch norm, recorded step by step.

Batch norm sits before the activation (lecture: "Affine → Batch Norm → ReLU"): hidden layer l
computes u = a·W + b, then z = γ·(u − μ_B)/√(σ²_B + ε) + β with the minibatch's μ_B, σ²_B
(Ioffe & Szegedy, ICML 2015), then a = g(z). ``nncore.mlp`` does the math; this module only
drives it and keeps what the page shows:

- ``run_recorded``: the training loop of ``train_mlp`` (same shuffles, same batches, same
  updates, so the same weights) that also keeps, after every step, the running statistics and
  the full data set's batch statistics, and at the end of every epoch the weights and the
  histograms of every layer's u (before) and z (after normalization);
- ``robustness_cell``: final loss of both nets for one (learning rate, weight scale);
- ``eval_vs_batch``, ``batch_of_one``: train mode vs eval mode, and why batch size 1-2 fails.

No new backward pass: gradients come from ``mlp_loss_and_grads``.
"""

from dataclasses import dataclass, field

import numpy as np

from .divergence import TRAINING_DIVERGED
from .mlp import init_bn_state, init_mlp, mlp_forward, mlp_loss_and_grads, n_layers
from .optim import make_optimizer
from .train import BLOW_UP, evaluate, train_mlp

Array = np.ndarray
EPS = 1e-5  # batch norm's ε (mlp_forward's default)
INIT = "normal"  # W ~ N(0, s²): the weight scale s is the lab's knob (notes: the std of W)
LOSS = "softmax_ce"
HIST_BINS = 40
ACC_TARGET = 0.9  # "trained" in the robustness grid: training accuracy ≥ 90 %


def initial_params(sizes, activation: str, scale: float, seed: int, batchnorm: bool) -> dict:
    """The starting weights: W ~ N(0, scale²) from ``default_rng(seed)``, b = 0; with batch norm
    also γ = 1, β = 0. γ and β take no random draws, so both nets get the same W."""
    return init_mlp(sizes, INIT, np.random.default_rng(seed), scale=scale,
                    activation=activation, batchnorm=batchnorm)


def batch_order(seed: int, epoch: int, n: int) -> Array:
    """The sample order of ``epoch`` (1-based) in ``train_mlp``: default_rng([seed, epoch])."""
    return np.random.default_rng([seed, epoch]).permutation(n)


def pre_norm(params: dict, record: dict, layer: int) -> Array:
    """u = a·W + b of hidden ``layer`` (1-based): the values batch norm receives (record["z"] is
    after batch norm)."""
    return record["inputs"][layer - 1] @ params[f"W{layer}"] + params[f"b{layer}"]


def full_batch_stats(params: dict, X: Array, activation: str) -> tuple[list, list, dict]:
    """Every hidden layer's u and z on the whole data set as one batch (train mode), plus the
    forward record. Returns ([u_l], [z_l], record)."""
    _, rec = mlp_forward(params, X, activation, train=True)
    us = [pre_norm(params, rec, l) for l in range(1, n_layers(params))]
    return us, rec["z"], rec


@dataclass
class RecordedRun:
    """What ``run_recorded`` keeps.

    Per epoch (``history``, as ``train_mlp``): epoch, train_loss, train_acc in eval mode.
    Per step s = 0..S (after s updates): ``batch_loss`` (S,), ``step_epoch`` (S+1,),
    ``run_mean``/``run_var`` and ``data_mean``/``data_var``: lists over hidden layers of
    (S+1, width) arrays (batch norm only; data_* = the full data set's μ and σ² of u).
    At the end of every epoch (steps ``rec_steps``, epoch k at rec_steps[k]): ``snapshots`` (params, bn_state), and per hidden layer
    histograms ``hist_u``/``hist_z`` (len(rec_steps), HIST_BINS) over ``edges_u``/``edges_z``
    (shared by all steps of a layer; z only with batch norm).
    """

    batchnorm: bool
    history: dict
    batch_loss: Array
    step_epoch: Array
    rec_steps: list
    snapshots: list
    hist_u: list
    edges_u: list
    hist_z: list = field(default_factory=list)
    edges_z: list = field(default_factory=list)
    run_mean: list = field(default_factory=list)
    run_var: list = field(default_factory=list)
    data_mean: list = field(default_factory=list)
    data_var: list = field(default_factory=list)
    diverged_at: int | None = None
    reason: str | None = None

    @property
    def steps(self) -> int:
        return len(self.batch_loss)


def _histograms(values: list[list[Array]]) -> tuple[list[Array], list[Array]]:
    """values[l][k]: layer l's values at recorded step k -> per layer (counts (K, bins), edges),
    one range per layer (1st-99th percentile over all steps, so a few outliers do not squash
    the rest; values outside land in the end bins)."""
    counts, edges = [], []
    for per_step in values:
        everything = np.concatenate([v.ravel() for v in per_step])
        lo, hi = np.percentile(everything, [0.5, 99.5])
        if not hi > lo:
            lo, hi = lo - 1.0, hi + 1.0
        e = np.linspace(lo, hi, HIST_BINS + 1)
        counts.append(np.stack([np.histogram(np.clip(v, lo, hi), e)[0] for v in per_step]))
        edges.append(e)
    return counts, edges


class _Recorder:
    """Collects what ``RecordedRun`` keeps while ``run_recorded`` trains: per step the running
    and full-data statistics, per epoch end (``wanted`` steps) the weights and raw values."""

    def __init__(self, X, y, activation: str, hidden: int, batchnorm: bool, wanted: set):
        self.X, self.y, self.activation, self.batchnorm = X, y, activation, batchnorm
        self.hidden, self.wanted = hidden, wanted
        self.hist = {"epoch": [], "train_loss": [], "train_acc": []}
        self.rec_steps, self.snaps = [], []
        self.raw_u, self.raw_z = [[] for _ in range(hidden)], [[] for _ in range(hidden)]
        self.stats = {k: [[] for _ in range(hidden)] for k in ("rm", "rv", "dm", "dv")}

    def observe(self, step: int, params: dict, bn_state: dict, stats_too: bool = True):
        us, zs, _ = full_batch_stats(params, self.X, self.activation)
        keep = step in self.wanted
        for l in range(self.hidden):
            if self.batchnorm and stats_too:
                self.stats["rm"][l].append(bn_state[f"mean{l + 1}"])
                self.stats["rv"][l].append(bn_state[f"var{l + 1}"])
                self.stats["dm"][l].append(us[l].mean(axis=0))
                self.stats["dv"][l].append(us[l].var(axis=0))
            if keep:
                self.raw_u[l].append(us[l].astype(np.float32))
                self.raw_z[l].append(zs[l].astype(np.float32))
        if keep:
            self.rec_steps.append(step)
            self.snaps.append(({k: v.copy() for k, v in params.items()}, dict(bn_state)))

    def log_epoch(self, epoch: int, params: dict, bn_state: dict) -> None:
        loss, acc = evaluate(params, self.X, self.y, self.activation, LOSS, bn_state)
        self.hist["epoch"].append(epoch)
        self.hist["train_loss"].append(loss)
        self.hist["train_acc"].append(acc)

    def result(self, losses, step_epoch, diverged_at) -> RecordedRun:
        hu, eu = _histograms(self.raw_u)
        hz, ez = _histograms(self.raw_z) if self.batchnorm else ([], [])
        st = {k: [np.array(v) for v in lists] for k, lists in self.stats.items()}
        return RecordedRun(
            batchnorm=self.batchnorm,
            history={k: np.asarray(v, dtype=np.float64) for k, v in self.hist.items()},
            batch_loss=np.asarray(losses, dtype=np.float64), step_epoch=np.asarray(step_epoch),
            rec_steps=self.rec_steps, snapshots=self.snaps, hist_u=hu, edges_u=eu, hist_z=hz,
            edges_z=ez, run_mean=st["rm"], run_var=st["rv"], data_mean=st["dm"],
            data_var=st["dv"], diverged_at=diverged_at,
            reason=TRAINING_DIVERGED if diverged_at else None,
        )


def run_recorded(X, y, sizes, *, activation="relu", scale=0.1, lr=0.1, epochs=20,
                 batch_size=32, batchnorm=True, seed=0) -> RecordedRun:
    """``train_mlp(..., optimizer="sgd")`` step by step, keeping what the page shows (see
    ``RecordedRun``). Same batches and updates as ``train_mlp``, so the same final weights."""
    params = initial_params(sizes, activation, scale, seed, batchnorm)
    bn_state = init_bn_state(params)
    opt = make_optimizer("sgd", lr=lr)
    opt_state = opt.init(params)
    n, bs = len(y), max(1, min(int(batch_size), len(y)))
    per_epoch = -(-n // bs)
    wanted = {e * per_epoch for e in range(epochs + 1)}  # every epoch's end (and the start)
    rec = _Recorder(X, y, activation, n_layers(params) - 1, batchnorm, wanted)
    losses, step_epoch, diverged_at = [], [0], None
    rec.log_epoch(0, params, bn_state)
    rec.observe(0, params, bn_state)
    for epoch in range(1, epochs + 1):
        order = batch_order(seed, epoch, n)
        for start in range(0, n, bs):
            idx = order[start : start + bs]
            value, grads, fwd = mlp_loss_and_grads(
                params, X[idx], y[idx], activation, LOSS, train=True, bn_state=bn_state,
                return_record=True,
            )
            new, new_state = opt.update(grads, opt_state, params)
            bad = not np.isfinite(value) or value > BLOW_UP or not all(
                np.isfinite(v).all() and np.abs(v).max() < BLOW_UP for v in new.values())
            if bad:  # as train_mlp: stop, keep the last finite weights
                diverged_at = epoch
                break
            params, opt_state = new, new_state
            if fwd["bn_state"] is not None:
                bn_state = fwd["bn_state"]
            losses.append(value)
            step_epoch.append(epoch)
            rec.observe(len(losses), params, bn_state)
        if diverged_at is not None:
            break
        rec.log_epoch(epoch, params, bn_state)
    if rec.rec_steps[-1] != len(losses):  # a diverged run: its last good step is always shown
        wanted.add(len(losses))
        rec.observe(len(losses), params, bn_state, stats_too=False)
    return rec.result(losses, step_epoch, diverged_at)


def unit_formula(params: dict, X_batch: Array, activation: str, layer: int, unit: int) -> dict:
    """The batch-norm formula of one unit on one minibatch (train mode), in numbers:
    u (the unit's pre-normalization values), μ, σ², x̂ = (u − μ)/√(σ² + ε), γ, β, y = γx̂ + β
    (y is checked against the network's own z)."""
    _, rec = mlp_forward(params, X_batch, activation, train=True)
    u = pre_norm(params, rec, layer)[:, unit]
    mu, var = float(u.mean()), float(u.var())
    xhat = (u - mu) / np.sqrt(var + EPS)
    gamma, beta = float(params[f"gamma{layer}"][unit]), float(params[f"beta{layer}"][unit])
    out = gamma * xhat + beta
    z = rec["z"][layer - 1][:, unit]
    return {"u": u, "mu": mu, "var": var, "xhat": xhat, "gamma": gamma, "beta": beta, "y": out,
            "max_diff_to_net": float(np.max(np.abs(out - z)))}


def eval_vs_batch(params, bn_state, X, activation: str, sample: int, others_a, others_b) -> dict:
    """Class-1 probability of X[sample] computed inside two different batches, in train mode
    (batch statistics) and eval mode (running statistics). Row 0 of each batch is the sample."""
    out = {}
    for name, others in (("a", others_a), ("b", others_b)):
        batch = X[np.concatenate([[sample], np.asarray(others, dtype=int)])]
        for mode, train in (("train", True), ("eval", False)):
            logits, _ = mlp_forward(params, batch, activation, train=train,
                                    bn_state=None if train else bn_state)
            p = np.exp(logits - logits.max(axis=1, keepdims=True))
            out[f"{mode}_{name}"] = float((p / p.sum(axis=1, keepdims=True))[0, 1])
    return out


def batch_of_one(params: dict, X: Array, activation: str, layer: int, unit: int,
                 sizes=(1, 2, 8)) -> list[dict]:
    """x̂ of one unit for batches of the first 1, 2, 8 samples (train mode): with one sample
    u − μ = 0 and σ² = 0, so x̂ = 0 whatever the input; with two, x̂ = ±σ/√(σ² + ε) ≈ ±1."""
    rows = []
    for m in sizes:
        f = unit_formula(params, X[:m], activation, layer, unit)
        rows.append({"batch_size": m, "u": f["u"], "mu": f["mu"], "var": f["var"],
                     "xhat": f["xhat"]})
    return rows


def small_batch_training(X, y, sizes, *, activation, scale, lr, seed, batch_size, epochs) -> dict:
    """Train the batch-norm net with a given batch size; report what goes wrong for 1-2:
    final eval-mode loss/accuracy, the smallest running variance, and how far the first
    layer's weights moved (with batch size 1 their gradient is exactly 0)."""
    start = initial_params(sizes, activation, scale, seed, True)
    res = train_mlp(X, y, sizes, activation=activation, init=INIT, init_scale=scale,
                    optimizer="sgd", opt_hp={"lr": lr}, epochs=epochs, batch_size=batch_size,
                    batchnorm=True, seed=seed)
    train_loss, train_acc = evaluate(res.params, X, y, activation, LOSS, None)
    return {
        "batch_size": int(batch_size),
        "eval_loss": float(res.history["train_loss"][-1]),
        "eval_acc": float(res.history["train_acc"][-1]),
        "batchstat_acc": train_acc,
        "min_running_var": float(min(v.min() for k, v in res.bn_state.items()
                                     if k.startswith("var"))),
        "w1_change": float(np.abs(res.params["W1"] - start["W1"]).max()),
        "diverged_at": res.diverged_at,
    }


def robustness_cell(X, y, sizes, *, activation, scale, lr, epochs, batch_size, seed,
                    batchnorm) -> dict:
    """One grid cell: plain SGD for ``epochs`` epochs from the same initial weights.
    Returns the final eval-mode loss and accuracy, the first epoch with accuracy ≥ ACC_TARGET
    (None if never) and the epoch of divergence (None if none; then loss/acc are of the last
    good epoch)."""
    res = train_mlp(X, y, sizes, activation=activation, init=INIT, init_scale=scale,
                    optimizer="sgd", opt_hp={"lr": lr}, epochs=epochs, batch_size=batch_size,
                    batchnorm=batchnorm, seed=seed)
    acc = res.history["train_acc"]
    hit = np.flatnonzero(acc >= ACC_TARGET)
    return {
        "loss": float(res.history["train_loss"][-1]),
        "acc": float(acc[-1]),
        "epoch_90": int(res.history["epoch"][hit[0]]) if hit.size else None,
        "diverged_at": res.diverged_at,
    }


def trained(cell: dict) -> bool:
    """A grid cell counts as trained: no divergence and final training accuracy ≥ ACC_TARGET."""
    return cell["diverged_at"] is None and cell["acc"] >= ACC_TARGET


def running_gaps(run: RecordedRun, layer: int) -> tuple[Array, Array, Array]:
    """After the last step, per unit of hidden ``layer`` (1-based): |running μ − data μ|, that
    gap over the data's σ, and |running σ² − data σ²| over the data's σ²."""
    l = layer - 1  # noqa: E741
    rm, rv = run.run_mean[l][-1], run.run_var[l][-1]
    dm, dv = run.data_mean[l][-1], run.data_var[l][-1]
    gap = np.abs(rm - dm)
    return gap, gap / np.maximum(np.sqrt(dv), 1e-300), np.abs(rv - dv) / np.maximum(dv, 1e-300)


def gamma_beta_moves(gamma: Array, beta: Array) -> tuple[float, float]:
    """How far γ and β moved from their start (γ = 1, β = 0): max |γ − 1|, max |β|."""
    return float(np.max(np.abs(np.asarray(gamma) - 1.0))), float(np.max(np.abs(beta)))
