"""Overfitting and its remedies: dropout, L2, L1 (subgradient or proximal) and early stopping.

The experiment: a wide MLP trained long on a few noisy points (``overfit_data``), once plainly
and once per remedy (``run_method``), all from the same initial weights, data order and seed,
so the curves differ only by the remedy. Helpers measure what the page shows: the weights
(``weight_stats``: exact zeros, near zeros, norms), a decision grid and whether the network has
collapsed to a constant, dropout's masks and expected activations, and the two-weight geometry
of L1 vs L2 on a quadratic loss, solved exactly (``l1_optimum``, ``l2_optimum``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .datasets import make_dataset
from .layers import dropout_mask
from .mlp import predict_proba
from .playground import plane_extent
from .train import TrainResult, evaluate, train_mlp

Array = np.ndarray

METHODS = ("none", "dropout", "l2", "l1", "early")
SWEEP_KINDS = ("l2", "l1_sub", "l1_prox")
NEAR_ZERO = 1e-3  # |w| below this counts as "near zero" in the weight statistics
BATCH = 32  # minibatch size of every run on this page
N_TEST = 200  # held-out points drawn from the same distribution as the training points
COLLAPSE_SPREAD = 0.02  # P(class 1) varying less than this over the plane = a constant network


@dataclass(frozen=True)
class Setup:
    """One overfitting experiment (ids and numbers only, hashable)."""

    dataset: str = "moons"
    n_train: int = 24
    noise: float = 0.25
    width: int = 64
    epochs: int = 200
    lr: float = 0.3
    seed: int = 0

    @property
    def sizes(self) -> list[int]:
        return [2, self.width, self.width, 2]


def overfit_data(s: Setup) -> tuple[Array, Array, Array, Array]:
    """(X_train, y_train, X_test, y_test): ``n_train`` noisy points and N_TEST held-out ones,
    drawn from independent generators of the same seed."""
    X, y = make_dataset(s.dataset, s.n_train, s.noise, np.random.default_rng([s.seed, 0]))
    Xt, yt = make_dataset(s.dataset, N_TEST, s.noise, np.random.default_rng([s.seed, 1]))
    return X, y, Xt, yt


def snapshot_grid(epochs: int, n: int = 60) -> list[int]:
    """About ``n`` evenly spaced epochs 0 … epochs (both ends kept) for the epoch slider."""
    step = max(1, int(np.ceil(epochs / n)))
    return sorted(set(range(0, epochs + 1, step)) | {epochs})


def method_kwargs(method: str, dropout: float, l2: float, l1: float, l1_mode: str) -> dict:
    """train_mlp keyword arguments of one remedy (``none`` = plain training)."""
    if method == "none":
        return {}
    if method == "early":  # the plain run; the weights of its best held-out epoch are returned
        return {"restore_best": True}
    if method == "dropout":
        return {"dropout": float(dropout)}
    if method == "l2":
        return {"l2": float(l2)}
    if method == "l1":
        return {"l1": float(l1), "l1_mode": l1_mode}
    raise ValueError(f"unknown method {method!r}; choose one of {METHODS}")


def run_method(s: Setup, method: str, dropout: float = 0.5, l2: float = 0.01, l1: float = 0.003,
               l1_mode: str = "proximal", snapshots: bool = False) -> TrainResult:
    """SGD with minibatches of BATCH (one full batch when n_train ≤ BATCH) on the setup's data
    with one remedy; the held-out set is evaluated every epoch (early stopping picks its best
    epoch from it)."""
    X, y, Xt, yt = overfit_data(s)
    return train_mlp(
        X, y, s.sizes, activation="relu", init="he_normal", optimizer="sgd",
        opt_hp={"lr": s.lr}, epochs=s.epochs, batch_size=BATCH, seed=s.seed, X_test=Xt,
        y_test=yt,
        snapshot_epochs=snapshot_grid(s.epochs) if snapshots else (),
        **method_kwargs(method, dropout, l2, l1, l1_mode),
    )


def final_numbers(res: TrainResult, at_best: bool = True) -> dict:
    """Train/test loss and accuracy, and the gap test − train loss, at the last epoch, or with
    ``at_best`` at the epoch whose weights early stopping returned (``best_epoch``)."""
    h = res.history
    i = len(h["epoch"]) - 1
    if at_best and res.best_epoch is not None:
        i = int(np.flatnonzero(h["epoch"] == res.best_epoch)[0])
    out = {k: float(h[k][i]) for k in ("train_loss", "test_loss", "train_acc", "test_acc")}
    out["epoch"] = int(h["epoch"][i])
    out["gap"] = out["test_loss"] - out["train_loss"]
    return out


# ---------------------------------------------------------------------------------------------
# Weights and the decision grid
# ---------------------------------------------------------------------------------------------


def weight_values(params: dict) -> Array:
    """All weight-matrix entries (no biases), the ones L1/L2 penalize, as one vector."""
    return np.concatenate([v.ravel() for k, v in params.items() if k.startswith("W")])


def weight_stats(params: dict, near: float = NEAR_ZERO) -> dict:
    """Count, exact zeros, |w| < near, ‖W‖₁ and ‖W‖₂ over every weight matrix."""
    w = weight_values(params)
    return {
        "n": int(w.size),
        "zeros": int(np.count_nonzero(w == 0.0)),
        "near_zero": int(np.count_nonzero(np.abs(w) < near)),
        "l1_norm": float(np.abs(w).sum()),
        "l2_norm": float(np.sqrt((w * w).sum())),
    }


def weight_histogram(params: dict, edges: Array) -> Array:
    """Counts of the weights in the bins ``edges`` (values outside are clipped to the ends)."""
    w = np.clip(weight_values(params), edges[0], edges[-1])
    return np.histogram(w, bins=edges)[0]


def grid_proba(params: dict, extent: float, n: int = 80) -> tuple[Array, Array]:
    """(xs (n,), P (n, n, 2)): eval-mode class probabilities over [-extent, extent]², row i at
    y = xs[i]. Non-finite values (a diverged net only) become 0.5."""
    xs = np.linspace(-extent, extent, n)
    gx, gy = np.meshgrid(xs, xs)
    with np.errstate(all="ignore"):
        p = predict_proba(params, np.stack([gx.ravel(), gy.ravel()], axis=1), "relu")
    p = np.where(np.isfinite(p), p, 0.5)
    return xs, p.reshape(n, n, -1)


def collapse(proba: Array) -> dict:
    """Whether the network outputs (almost) one constant over the plane: the spread of P(class
    1), the class it predicts most and that class's share of the plane."""
    p1 = proba[..., 1]
    spread = float(p1.max() - p1.min())
    pred = (p1 > 0.5).astype(int)
    k = int(np.bincount(pred.ravel(), minlength=2).argmax())
    return {"collapsed": spread < COLLAPSE_SPREAD, "spread": spread, "cls": k,
            "p1_mean": float(p1.mean()), "share": float(np.mean(pred == k))}


# ---------------------------------------------------------------------------------------------
# Dropout
# ---------------------------------------------------------------------------------------------


def training_masks(n_train: int, width: int, p: float, seed: int, epoch: int) -> list[Array]:
    """The keep/drop masks (bool, (width,) per hidden layer) that ``train_mlp`` draws for the
    first point of the first minibatch of ``epoch`` in a [2, width, width, 2] net.

    Replays the trainer's random stream: ``default_rng([seed, epoch])`` shuffles, then each
    hidden layer draws ``dropout_mask((batch, width), p, rng)`` in order."""
    rng = np.random.default_rng([seed, epoch])
    rng.permutation(n_train)
    batch = min(BATCH, n_train)
    return [dropout_mask((batch, width), p, rng)[0] > 0 for _ in range(2)]


def dropout_expectation(a: float, p: float, draws: int, rng: np.random.Generator) -> dict:
    """One unit with activation ``a`` under inverted dropout (drop probability p).

    Train mode: 0 with probability p, a/(1−p) otherwise, so E = (1−p)·a/(1−p) = a; without the
    1/(1−p) scaling E would be (1−p)·a. Eval mode uses every unit unscaled: a. ``draws`` seeded
    masks give the measured mean."""
    keep = 1.0 - p
    samples = a * (rng.random(draws) >= p) / keep
    return {"a": a, "p": p, "scaled": a / keep, "expected": keep * (a / keep),
            "unscaled_expected": keep * a, "measured": float(samples.mean()),
            "kept_share": float(np.mean(samples != 0.0)) if a != 0 else keep, "eval": a,
            "draws": draws}


# ---------------------------------------------------------------------------------------------
# Two weights: L(w) = ½ (w − w*)ᵀ A (w − w*) plus λ‖w‖₁ or (λ/2)‖w‖²
# ---------------------------------------------------------------------------------------------

GEO_A = np.array([[1.0, 0.4], [0.4, 0.5]])  # correlated features: tilted elliptic contours
GEO_W_STAR = np.array([1.5, 0.4])  # the unpenalized optimum


def quad_loss(w: Array, A: Array = GEO_A, w_star: Array = GEO_W_STAR) -> Array:
    """½ (w − w*)ᵀ A (w − w*) for w (..., 2)."""
    d = np.asarray(w, dtype=np.float64) - w_star
    return 0.5 * np.einsum("...i,ij,...j->...", d, A, d)


def quad_grad(w: Array, A: Array = GEO_A, w_star: Array = GEO_W_STAR) -> Array:
    """∇L = A (w − w*)."""
    return A @ (np.asarray(w, dtype=np.float64) - w_star)


def l2_optimum(lam: float, A: Array = GEO_A, w_star: Array = GEO_W_STAR) -> Array:
    """argmin L(w) + (λ/2)‖w‖²: (A + λI) w = A w* (closed form)."""
    return np.linalg.solve(A + lam * np.eye(len(w_star)), A @ w_star)


def l2_moves(lam: float, A: Array = GEO_A, w_star: Array = GEO_W_STAR) -> dict:
    """‖w*‖, ‖L2 optimum‖ and the indices of the coordinates that L2 makes larger in size than
    at w*: L2 shrinks the norm for every λ > 0, not each coordinate (with correlated features
    one can grow)."""
    w = l2_optimum(lam, A, w_star)
    return {"norm0": float(np.linalg.norm(w_star)), "norm1": float(np.linalg.norm(w)),
            "grown": np.flatnonzero(np.abs(w) > np.abs(w_star) + 1e-12)}


def batch_plan(n_train: int, batch: int | None = None) -> tuple[int, int, int]:
    """(batch size, updates per epoch, size of the last batch) of ``train_mlp`` on n points."""
    bs = max(1, min(BATCH if batch is None else batch, n_train))
    count = -(-n_train // bs)
    return bs, count, n_train - (count - 1) * bs


def l1_optimum(lam: float, A: Array = GEO_A, w_star: Array = GEO_W_STAR) -> Array:
    """argmin L(w) + λ‖w‖₁, exactly: for every sign pattern s ∈ {−1, 0, 1}ⁿ solve the
    stationarity equations on the non-zero coordinates, A_FF w_F = (A w*)_F − λ s_F, keep the
    solutions whose signs match s, and return the one with the lowest objective (the problem is
    strictly convex, so exactly one pattern is the optimum)."""
    n = len(w_star)
    b = A @ w_star
    best, best_val = np.zeros(n), np.inf
    for code in range(3**n):
        s = np.array([(code // 3**i) % 3 - 1 for i in range(n)], dtype=np.float64)
        F = s != 0
        w = np.zeros(n)
        if F.any():
            w[F] = np.linalg.solve(A[np.ix_(F, F)], b[F] - lam * s[F])
            if not np.all(np.sign(w[F]) == s[F]):
                continue
        val = float(quad_loss(w, A, w_star) + lam * np.abs(w).sum())
        if val < best_val - 1e-15:
            best, best_val = w, val
    return best


def l1_kkt_residual(w: Array, lam: float, A: Array = GEO_A, w_star: Array = GEO_W_STAR) -> float:
    """How far w is from optimal for L + λ‖w‖₁: g + λ·sign(w) on non-zero coordinates, and
    max(|g| − λ, 0) on zero ones (0 exactly at the optimum)."""
    g = quad_grad(w, A, w_star)
    nz = w != 0
    r = np.where(nz, g + lam * np.sign(w), np.maximum(np.abs(g) - lam, 0.0))
    return float(np.abs(r).max())


def ista(lam: float, steps: int = 5000, A: Array = GEO_A, w_star: Array = GEO_W_STAR) -> Array:
    """Proximal gradient descent on L + λ‖w‖₁ from 0 with step 1/‖A‖₂ (the reference the exact
    solver is tested against)."""
    t = 1.0 / np.linalg.norm(A, 2)
    w = np.zeros(len(w_star))
    for _ in range(steps):
        z = w - t * quad_grad(w, A, w_star)
        w = np.sign(z) * np.maximum(np.abs(z) - t * lam, 0.0)
    return w


def l1_zero_lambda(A: Array = GEO_A, w_star: Array = GEO_W_STAR) -> float:
    """The smallest λ at which L1's optimum has a coordinate exactly 0 (found by bisection on
    the exact solver; the path is piecewise linear in λ)."""
    lo, hi = 0.0, float(np.abs(A @ w_star).max())  # at hi the optimum is 0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if np.any(l1_optimum(mid, A, w_star) == 0.0):
            hi = mid
        else:
            lo = mid
    return hi


def l1_all_zero_lambda(A: Array = GEO_A, w_star: Array = GEO_W_STAR) -> float:
    """From this λ on, L1's optimum is w = 0: 0 is optimal iff ‖∇L(0)‖∞ = ‖A w*‖∞ ≤ λ."""
    return float(np.abs(A @ w_star).max())


def sweep_kwargs(kind: str, lam: float) -> dict:
    """train_mlp keyword arguments of one λ-sweep run: L2, L1 by subgradient, L1 proximal."""
    if kind == "l2":
        return {"l2": float(lam)}
    if kind in ("l1_sub", "l1_prox"):
        mode = "proximal" if kind == "l1_prox" else "subgradient"
        return {"l1": float(lam), "l1_mode": mode}
    raise ValueError(f"unknown sweep kind {kind!r}; choose one of {SWEEP_KINDS}")


def sweep_run(s: Setup, kind: str, lam: float) -> TrainResult:
    """The setup's network trained with one penalty strength (no held-out curve: only the
    final weights are looked at)."""
    X, y, _, _ = overfit_data(s)
    return train_mlp(X, y, s.sizes, activation="relu", init="he_normal", optimizer="sgd",
                     opt_hp={"lr": s.lr}, epochs=s.epochs, batch_size=BATCH, seed=s.seed,
                     **sweep_kwargs(kind, lam))


def paths(lams: Array) -> tuple[Array, Array]:
    """L1 and L2 optima for every λ: two (len(lams), 2) arrays."""
    return (np.array([l1_optimum(l) for l in lams]), np.array([l2_optimum(l) for l in lams]))


# The lecture notes' example (x = [1, 1, 1, 1]; w1 = [1, 0, 0, 0] and w2 = [¼, ¼, ¼, ¼] give the
# same w·x = 1): the norms each penalty charges.
NOTES_X = np.ones(4)
NOTES_W1 = np.array([1.0, 0.0, 0.0, 0.0])
NOTES_W2 = np.full(4, 0.25)


def notes_example() -> dict:
    """w·x, ‖w‖₁ and ‖w‖₂² of the notes' two weight vectors."""
    return {name: {"wx": float(w @ NOTES_X), "l1": float(np.abs(w).sum()),
                   "l2sq": float(w @ w)}
            for name, w in (("w1", NOTES_W1), ("w2", NOTES_W2))}


# ---------------------------------------------------------------------------------------------
# What the page keeps of a run: pure functions of the settings, so a worker process (ui.workers)
# returns exactly what an in-process call returns, and the result can be stored on disk.
# ---------------------------------------------------------------------------------------------


def plane_half_width(s: Setup) -> float:
    """Half-width of the square the decision grids cover (both point sets inside)."""
    X, _, Xt, _ = overfit_data(s)
    return plane_extent(X, Xt)


def method_summary(s: Setup, method: str, dropout: float, l2: float, l1: float, l1_mode: str,
                   grid_n: int) -> dict:
    """One remedy's run: history, numbers, final weights' decision grid (``grid_n``²) and
    weight stats. ``early`` is the plain run with the best held-out epoch's weights returned;
    it also keeps the snapshots of the epoch slider and the plain run's final numbers."""
    res = run_method(s, method, dropout, l2, l1, l1_mode, snapshots=method == "early")
    extent = plane_half_width(s)
    xs, proba = grid_proba(res.params, extent, grid_n)
    out = {"history": res.history, "numbers": final_numbers(res), "xs": xs, "proba": proba,
           "best_epoch": res.best_epoch, "diverged_at": res.diverged_at,
           "stats": weight_stats(res.params), "collapse": collapse(proba)}
    if method == "early":
        final_params = res.snapshots[max(res.snapshots)][0]
        out["snapshots"] = {e: p for e, (p, _) in res.snapshots.items()}
        out["plain_numbers"] = final_numbers(res, at_best=False)
        xs, proba = grid_proba(final_params, extent, grid_n)
        out["plain_proba"], out["plain_collapse"] = proba, collapse(proba)
        out["plain_stats"] = weight_stats(final_params)
    if method == "dropout":
        out["params"] = res.params
    return out


def sweep_summary(s: Setup, kind: str, lam: float, edges: Array, grid_n: int) -> dict:
    """One λ of the weight sweep: stats, histogram counts on ``edges``, held-out numbers and
    whether the net collapsed to a constant."""
    res = sweep_run(s, kind, lam)
    _, _, Xt, yt = overfit_data(s)
    test_loss, test_acc = evaluate(res.params, Xt, yt, "relu", "softmax_ce", None)
    _, proba = grid_proba(res.params, plane_half_width(s), grid_n)
    return {"stats": weight_stats(res.params), "counts": weight_histogram(res.params, edges),
            "test_loss": test_loss, "test_acc": test_acc, "collapse": collapse(proba),
            "diverged_at": res.diverged_at}
