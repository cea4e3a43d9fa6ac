"""Universal approximation in one dimension, and what depth buys: the lecture's statements as
numbers.

- ``relu_interpolant``: the constructive proof. N ReLU units with knots t_j = a + j·h
  (h = (b − a)/N) and output weights from the target's slopes give the piecewise-linear
  interpolant of f at the N + 1 grid nodes; for f twice differentiable its max error is at most
  h²·max|f''|/8 (the linear-interpolation bound), a 1/N² rate.
- ``step_staircase``: the same idea with squashing units (sigmoid, tanh): N steep sigmoids at the
  cell boundaries make a smoothed staircase through f at the N + 1 cell centres; neighbouring
  steps subtract to bumps (``staircase_bumps``). First order only: error ~ h·max|f'|/2.
- ``train_fit``: the same one-hidden-layer network trained by full-batch Adam (nncore.mlp's
  checked backward pass) on samples of f, optionally with seeded Gaussian noise.
- ``tent_net``, ``linear_pieces``: depth vs width. The tent map T(s) = 1 − |2s − 1| is two ReLU
  units; composed k times (k layers of width 2) it has 2^k linear pieces, while one hidden layer
  of N ReLU units has at most N + 1 (Telgarsky 2016; Montúfar et al. 2014). Pieces are counted
  exactly along the line from the weights (where a pre-activation changes sign).

Every network here is an nncore MLP params dict {"W1", "b1", ...} with input and output width 1,
so ``nncore.mlp.mlp_forward`` evaluates it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .divergence import TRAINING_DIVERGED
from .expr import parse_function_of_x
from .mlp import init_mlp, mlp_forward, mlp_loss_and_grads, n_layers
from .optim import make_optimizer

Array = np.ndarray

TARGETS = ("sin", "step", "abs", "sawtooth", "bump", "formula")
SMOOTH_TARGETS = ("sin", "bump")  # twice differentiable: the h²·max|f''|/8 bound applies
UNIT_ACTIVATIONS = ("relu", "tanh", "sigmoid")
MAX_ABS_TARGET = 1e6  # a typed formula beyond this on [a, b] is refused (code TARGET_TOO_LARGE)
TARGET_NONFINITE = "target_nonfinite"
TARGET_TOO_LARGE = "target_too_large"
SAWTOOTH_PERIOD = 1.5
STEEPNESS = 10.0  # sigmoid steps rise over one cell: σ(±5) = 0.007 / 0.993
ERROR_GRID = 4097  # points where max errors are measured


# ---------------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------------


def _sawtooth(x: Array) -> Array:
    """Triangle wave between 0 and 1 with period SAWTOOTH_PERIOD (continuous, kinks)."""
    p = SAWTOOTH_PERIOD
    return np.abs(2.0 * ((x / p) - np.floor(x / p + 0.5)))


BUILTIN: dict[str, Callable[[Array], Array]] = {
    "sin": lambda x: np.sin(2.0 * x),
    "step": lambda x: (x > 0).astype(np.float64),
    "abs": np.abs,
    "sawtooth": _sawtooth,
    "bump": lambda x: np.exp(-4.0 * x * x),
}

# max over x of |f''| for the smooth built-ins (sin(2x): 4; exp(−4x²): f'' = (64x² − 8)e^{−4x²},
# largest at x = 0: 8).
_D2_MAX = {"sin": 4.0, "bump": 8.0}


@dataclass(frozen=True)
class Target:
    """A 1-D target: ``f`` elementwise; ``smooth`` when the 1/N² bound applies; ``d2max(a, b)``
    (max|f''| on [a, b]) for smooth targets."""

    name: str
    f: Callable[[Array], Array]
    smooth: bool
    df: Callable[[Array], Array] | None = None

    def kinks(self, a: float, b: float) -> Array:
        """Points strictly inside (a, b) where a built-in target has a kink or a jump."""
        if self.name in ("step", "abs"):
            k = np.array([0.0])
        elif self.name == "sawtooth":
            half = SAWTOOTH_PERIOD / 2.0
            k = half * np.arange(np.ceil(a / half), np.floor(b / half) + 1)
        else:
            return np.zeros(0)
        return k[(k > a) & (k < b)]

    def smooth_on(self, a: float, b: float) -> bool:
        """Twice differentiable on [a, b] (a piecewise-linear built-in with no kink inside is
        linear there)."""
        return self.smooth or len(self.kinks(a, b)) == 0

    def d2max(self, a: float, b: float) -> float | None:
        """max|f''| on [a, b]: exact for the built-ins (over the real line, an upper bound on
        any interval; 0 for a kinked target with no kink inside), for a formula the central
        differences of its exact derivative on a fine grid (an estimate)."""
        if not self.smooth:
            return 0.0 if self.smooth_on(a, b) else None
        if self.name in _D2_MAX:
            return _D2_MAX[self.name]
        x = np.linspace(a, b, ERROR_GRID)
        d2 = np.gradient(self.df(x), x)
        return float(np.max(np.abs(d2))) if np.isfinite(d2).all() else None


def make_target(name: str, formula: str = "") -> Target:
    """The target by id; ``formula`` (a function of x) for "formula" (raises ExpressionError)."""
    if name == "formula":
        e = parse_function_of_x(formula)
        return Target("formula", e.f, True, e.df)
    if name not in BUILTIN:
        raise ValueError(f"unknown target {name!r}; choose one of {TARGETS}")
    return Target(name, BUILTIN[name], name in SMOOTH_TARGETS)


def check_target(target: Target, a: float, b: float) -> str | None:
    """None when f is finite and moderate on [a, b], else a code (TARGET_NONFINITE/TOO_LARGE)."""
    with np.errstate(all="ignore"):
        v = target.f(np.linspace(a, b, ERROR_GRID))
        d2 = target.d2max(a, b) if target.smooth else 0.0
    if not np.isfinite(v).all() or d2 is None or not np.isfinite(d2):
        return TARGET_NONFINITE
    if np.max(np.abs(v)) > MAX_ABS_TARGET:
        return TARGET_TOO_LARGE
    return None


# ---------------------------------------------------------------------------------------------
# The constructive proof
# ---------------------------------------------------------------------------------------------


def relu_interpolant(f: Callable, a: float, b: float, n: int) -> dict:
    """N ReLU units whose sum is the piecewise-linear interpolant of f at a + k·h, k = 0..N.

    f̂(x) = f(a) + Σ_j c_j·ReLU(x − t_j),  t_j = a + j·h,  c_0 = s_0,  c_j = s_j − s_{j−1},
    where s_k = (f(t_{k+1}) − f(t_k))/h is the slope on cell k. Params: W1 = 1, b1 = −t (knot
    x = −b1/W1 = t_j), W2 = c, b2 = f(a).
    """
    n = int(n)
    h = (b - a) / n
    nodes = a + h * np.arange(n + 1)
    v = np.asarray(f(nodes), dtype=np.float64)
    s = np.diff(v) / h
    c = np.concatenate([s[:1], np.diff(s)])
    return {"W1": np.ones((1, n)), "b1": -nodes[:-1].copy(), "W2": c[:, None],
            "b2": np.array([v[0]])}


def step_staircase(f: Callable, a: float, b: float, n: int, activation: str = "sigmoid") -> dict:
    """N squashing units as smoothed steps: a staircase through f at the N + 1 cell centres.

    Cells of width h = (b − a)/(N + 1), centres m_j = a + (j + ½)h, steps at t_j = a + j·h
    (j = 1..N): f̂(x) = f(m_0) + Σ_j Δ_j·σ(k(x − t_j)), Δ_j = f(m_j) − f(m_{j−1}), k = STEEPNESS/h.
    A tanh unit gives the same step through σ(z) = (1 + tanh(z/2))/2.
    """
    n = int(n)
    h = (b - a) / (n + 1)
    centres = a + h * (np.arange(n + 1) + 0.5)
    v = np.asarray(f(centres), dtype=np.float64)
    delta = np.diff(v)
    t = a + h * np.arange(1, n + 1)
    k = STEEPNESS / h
    if activation == "sigmoid":
        w, out, bias = k, delta, v[0]
    elif activation == "tanh":
        w, out, bias = k / 2.0, delta / 2.0, v[0] + delta.sum() / 2.0
    else:
        raise ValueError(f"step_staircase needs sigmoid or tanh, got {activation!r}")
    return {"W1": np.full((1, n), w), "b1": -w * t, "W2": out[:, None], "b2": np.array([bias])}


def constructive_net(f: Callable, a: float, b: float, n: int, activation: str) -> dict:
    """The hand-built network of N units for ``activation`` (ReLU ramps or sigmoid steps)."""
    if activation == "relu":
        return relu_interpolant(f, a, b, n)
    return step_staircase(f, a, b, n, activation)


def net_output(params: dict, x: Array, activation: str) -> Array:
    """The network's output at the points x (1-D in, 1-D out)."""
    out, _ = mlp_forward(params, np.asarray(x, dtype=np.float64)[:, None], activation)
    return out[:, 0]


def unit_contributions(params: dict, x: Array, activation: str) -> Array:
    """Each hidden unit's term W2_j·g(W1_j·x + b1_j) at the points x: (units, len(x))."""
    _, rec = mlp_forward(params, np.asarray(x, dtype=np.float64)[:, None], activation)
    return (rec["a"][0] * params["W2"][:, 0]).T


def staircase_bumps(f: Callable, a: float, b: float, n: int, x: Array) -> Array:
    """The staircase as N + 1 bumps: bump_j = f(m_j)·(S_j − S_{j+1}) with S_j = σ(k(x − t_j)),
    S_0 = 1, S_{N+1} = 0. Their sum is the staircase exactly (the sum telescopes)."""
    h = (b - a) / (n + 1)
    centres = a + h * (np.arange(n + 1) + 0.5)
    t = a + h * np.arange(1, n + 1)
    with np.errstate(over="ignore"):  # exp → inf gives S = 0, the right limit
        S = 1.0 / (1.0 + np.exp(-(STEEPNESS / h) * (np.asarray(x)[None, :] - t[:, None])))
    ones, zeros = np.ones((1, len(x))), np.zeros((1, len(x)))
    S = np.vstack([ones, S, zeros])
    return np.asarray(f(centres))[:, None] * (S[:-1] - S[1:])


# ---------------------------------------------------------------------------------------------
# Error as N grows
# ---------------------------------------------------------------------------------------------


def error_points(target: Target, a: float, b: float) -> Array:
    """Where max errors are measured: ERROR_GRID even points plus both sides of every kink or
    jump (a step's error is largest right beside its jump, between grid points)."""
    k = target.kinks(a, b)
    eps = 1e-9 * (b - a)
    return np.sort(np.concatenate([np.linspace(a, b, ERROR_GRID), k - eps, k + eps]))


def interpolation_errors(f: Callable, a: float, b: float, ns: Array,
                         x: Array | None = None) -> Array:
    """Max |f − f̂_N| over the points x (default ERROR_GRID even points) of the N-unit ReLU
    interpolant, for every N in ``ns`` (np.interp evaluates the same piecewise-linear
    function)."""
    x = np.linspace(a, b, ERROR_GRID) if x is None else x
    fx = f(x)
    out = np.empty(len(ns))
    for i, n in enumerate(ns):
        nodes = np.linspace(a, b, int(n) + 1)
        out[i] = np.max(np.abs(fx - np.interp(x, nodes, f(nodes))))
    return out


def interpolation_bound(a: float, b: float, ns: Array, d2max: float) -> Array:
    """h²·max|f''|/8 with h = (b − a)/N: the linear-interpolation error bound."""
    h = (b - a) / np.asarray(ns, dtype=np.float64)
    return h * h * d2max / 8.0


def staircase_errors(f: Callable, a: float, b: float, ns: Array, activation: str) -> Array:
    """Max error of the N-unit squashing staircase for every N in ``ns``."""
    x = np.linspace(a, b, 1025)
    fx = f(x)
    return np.array([np.max(np.abs(fx - net_output(step_staircase(f, a, b, n, activation), x,
                                                    activation))) for n in ns])


def loglog_slope(ns: Array, errors: Array, n_min: int = 16, floor: float = 1e-12) -> float | None:
    """Least-squares slope of log(error) against log(N) over N ≥ n_min with error > floor
    (−2 is the 1/N² rate); None with fewer than 3 such points."""
    ns, errors = np.asarray(ns, dtype=np.float64), np.asarray(errors)
    keep = (ns >= n_min) & (errors > floor)
    if keep.sum() < 3:
        return None
    return float(np.polyfit(np.log(ns[keep]), np.log(errors[keep]), 1)[0])


# ---------------------------------------------------------------------------------------------
# Training the same network
# ---------------------------------------------------------------------------------------------


def sample_data(target: Target, a: float, b: float, noise: float, seed: int, n: int = 256):
    """n evenly spaced x in [a, b], f(x), and f(x) + noise·N(0, 1) from default_rng(seed)."""
    x = np.linspace(a, b, n)
    clean = np.asarray(target.f(x), dtype=np.float64)
    rng = np.random.default_rng(seed)
    return x, clean, clean + noise * rng.standard_normal(n)


def init_spread(n_units: int, seed: int) -> dict:
    """Initial weights with the knots/centres spread over the scaled input range [−1, 1].

    nncore's default biases of 0 would put every knot at s = 0 (−b/w = 0); here
    w_j = ±U(1, 3), u_j ~ U(−1, 1), b_j = −w_j·u_j, and W2 ~ N(0, 1/N).
    """
    rng = np.random.default_rng(seed)
    w = rng.choice([-1.0, 1.0], n_units) * rng.uniform(1.0, 3.0, n_units)
    u = rng.uniform(-1.0, 1.0, n_units)
    return {"W1": w[None, :], "b1": -w * u,
            "W2": rng.standard_normal((n_units, 1)) / np.sqrt(n_units), "b2": np.zeros(1)}


@dataclass
class FitState:
    """A training run so far (full-batch Adam on the scaled data; see ``train_chunk``)."""

    params: dict
    opt_state: dict
    losses: list  # MSE in the target's own units, one per step (before the step's update)
    steps_done: int = 0
    diverged_at: int | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Scaling:
    """s = (x − mid)/half maps [a, b] to [−1, 1]; the net learns (y − mean)/std."""

    mid: float
    half: float
    mean: float
    std: float


def scaling_for(a: float, b: float, y: Array) -> Scaling:
    std = float(np.std(y))
    return Scaling((a + b) / 2.0, (b - a) / 2.0, float(np.mean(y)), std if std > 1e-12 else 1.0)


def start_fit(n_units: int, lr: float, seed: int) -> FitState:
    params = init_spread(n_units, seed)
    opt = make_optimizer("adam", lr=lr)
    return FitState(params, opt.init(params), [])


def train_chunk(state: FitState, x: Array, y: Array, scale: Scaling, activation: str,
                lr: float, steps: int) -> FitState:
    """``steps`` more full-batch Adam steps on the MSE (nncore.mlp's backward pass). A chunked
    run equals one long run (no randomness after the initial weights)."""
    if state.diverged_at is not None:
        return state
    X = ((x - scale.mid) / scale.half)[:, None]
    Y = (y - scale.mean) / scale.std
    opt = make_optimizer("adam", lr=lr)
    params, opt_state, losses = state.params, state.opt_state, list(state.losses)
    for i in range(steps):
        value, grads = mlp_loss_and_grads(params, X, Y, activation, "mse")
        if not np.isfinite(value) or value > 1e6:
            return FitState(params, opt_state, losses, state.steps_done + i,
                            state.steps_done + i + 1, TRAINING_DIVERGED)
        losses.append(value * scale.std**2)
        params, opt_state = opt.update(grads, opt_state, params)
    if not all(np.isfinite(v).all() for v in params.values()):
        return FitState(state.params, state.opt_state, list(state.losses), state.steps_done,
                        state.steps_done + steps, TRAINING_DIVERGED)
    return FitState(params, opt_state, losses, state.steps_done + steps)


def fitted_output(state: FitState, scale: Scaling, x: Array, activation: str) -> Array:
    """The trained net's prediction at x, in the target's units."""
    s = (np.asarray(x, dtype=np.float64) - scale.mid) / scale.half
    return net_output(state.params, s, activation) * scale.std + scale.mean


def knots(params: dict, scale: Scaling | None = None) -> Array:
    """Each hidden unit's knot (ReLU) or centre (tanh, sigmoid), x = −b_j/w_j (mapped back from
    the scaled input when ``scale`` is given); units with w_j = 0 have none and are left out."""
    w, b = params["W1"][0], params["b1"]
    ok = w != 0
    s = -b[ok] / w[ok]
    return s if scale is None else scale.mid + scale.half * s


# ---------------------------------------------------------------------------------------------
# Depth vs width: the tent map and exact piece counts
# ---------------------------------------------------------------------------------------------


def tent_power(s: Array, k: int) -> Array:
    """T^k(s) for the tent map T(s) = 1 − |2s − 1| on [0, 1] (closed form by iteration)."""
    s = np.asarray(s, dtype=np.float64)
    for _ in range(k):
        s = 1.0 - np.abs(2.0 * s - 1.0)
    return s


def tent_net(k: int) -> dict:
    """k hidden layers of 2 ReLU units computing T^k on [0, 1] exactly.

    T(s) = 2·ReLU(s) − 4·ReLU(s − ½) for s ∈ [0, 1]; each layer feeds T of the layer below
    into the next pair, so the net has 2k units.
    """
    params = {"W1": np.array([[1.0, 1.0]]), "b1": np.array([0.0, -0.5])}
    combine = np.array([[2.0], [-4.0]])
    for l in range(2, k + 1):
        params[f"W{l}"] = combine @ np.array([[1.0, 1.0]])
        params[f"b{l}"] = np.array([0.0, -0.5])
    params[f"W{k + 1}"], params[f"b{k + 1}"] = combine.copy(), np.zeros(1)
    return params


def shallow_lsq(f: Callable, a: float, b: float, n_units: int, n_samples: int = 2049) -> dict:
    """One hidden layer of N ReLU units, knots on the uniform grid a + j(b − a)/N, output
    weights and bias by least squares on n_samples points (the best fit with those knots)."""
    h = (b - a) / n_units
    t = a + h * np.arange(n_units)
    x = np.linspace(a, b, n_samples)
    F = np.hstack([np.maximum(x[:, None] - t[None, :], 0.0), np.ones((n_samples, 1))])
    coef, *_ = np.linalg.lstsq(F, f(x), rcond=None)
    return {"W1": np.ones((1, n_units)), "b1": -t, "W2": coef[:-1, None], "b2": coef[-1:]}


def linear_pieces(params: dict, lo: float, hi: float, tol: float = 1e-9) -> tuple[int, Array]:
    """Exact number of linear pieces of a 1-D ReLU net on [lo, hi], and its breakpoints.

    Along the line every activation is affine on each interval between breakpoints, a = A·x + B;
    layer l splits an interval where a unit's pre-activation (A·W)x + (B·W + b) changes sign
    inside it. Adjacent intervals whose output slopes agree (to ``tol``, relative) are merged,
    so a pre-activation that only touches 0 adds no piece.
    """
    eps = tol * (hi - lo)
    pieces = [(lo, hi, np.ones(1), np.zeros(1))]
    for l in range(1, n_layers(params)):
        W, b = params[f"W{l}"], params[f"b{l}"]
        split = []
        for x0, x1, A, B in pieces:
            zA, zB = A @ W, B @ W + b
            nz = zA != 0
            roots = -zB[nz] / zA[nz]
            cuts = np.unique(roots[(roots > x0 + eps) & (roots < x1 - eps)])
            edges = np.concatenate([[x0], cuts, [x1]])
            for u, v in zip(edges[:-1], edges[1:], strict=True):
                on = (zA * (u + v) / 2.0 + zB) > 0
                split.append((u, v, zA * on, zB * on))
        pieces = split
    L = n_layers(params)
    slopes = np.array([float(A @ params[f"W{L}"][:, 0]) for _, _, A, _ in pieces])
    breaks = []
    for i in range(1, len(pieces)):
        if abs(slopes[i] - slopes[i - 1]) > tol * max(1.0, abs(slopes[i]), abs(slopes[i - 1])):
            breaks.append(pieces[i][0])
    return len(breaks) + 1, np.array(breaks)


def shallow_units_needed(pieces: int) -> int:
    """Fewest units a one-hidden-layer ReLU net needs for ``pieces`` linear pieces (N + 1 ≥ P)."""
    return max(pieces - 1, 0)


# ---------------------------------------------------------------------------------------------
# One training run, start to summary (what a page shows and caches)
# ---------------------------------------------------------------------------------------------

PLOT_POINTS = 400
MAX_LOSS_POINTS = 500


@dataclass(frozen=True)
class FitSpec:
    """Everything a training run depends on (hashable: the cache key)."""

    target: str
    formula: str
    a: float
    b: float
    noise: float
    seed: int
    n_units: int
    activation: str
    steps: int
    lr: float

    def data(self):
        """(target, x, clean, noisy, scaling) for this run."""
        target = make_target(self.target, self.formula)
        x, clean, noisy = sample_data(target, self.a, self.b, self.noise, self.seed)
        return target, x, clean, noisy, scaling_for(self.a, self.b, noisy)


def fit_step(state: FitState, k: int, spec: FitSpec, chunk: int) -> FitState:
    """Chunk k of a run (for ``ui.workers.run_chunks``): ``chunk`` more steps, at most up to
    spec.steps in all. Module-level so a worker process can import it."""
    _, x, _, noisy, scale = spec.data()
    todo = min(chunk, spec.steps - state.steps_done)
    return train_chunk(state, x, noisy, scale, spec.activation, spec.lr, todo) if todo > 0 \
        else state


def fit_summary(state: FitState, spec: FitSpec) -> dict:
    """Plot-ready record of a finished run: prediction on PLOT_POINTS points, the loss curve
    (subsampled to ≤ MAX_LOSS_POINTS), knots, max error against the noise-free target, and for
    ReLU the exact number of linear pieces on [a, b]."""
    target, x, clean, noisy, scale = spec.data()
    grid = np.linspace(spec.a, spec.b, PLOT_POINTS)
    dense = error_points(target, spec.a, spec.b)
    losses = np.asarray(state.losses, dtype=np.float64)
    idx = np.unique(np.linspace(0, max(len(losses) - 1, 0), MAX_LOSS_POINTS).astype(int))
    kn = knots(state.params, scale)
    pieces = None
    if spec.activation == "relu":
        pieces = linear_pieces(state.params, -1.0, 1.0)[0]
    pred = fitted_output(state, scale, dense, spec.activation)
    final = float(np.mean((fitted_output(state, scale, x, spec.activation) - noisy) ** 2))
    return {
        "x": grid, "fit": fitted_output(state, scale, grid, spec.activation),
        "loss_step": idx + 1 if len(losses) else np.zeros(0, int),
        "loss": losses[idx] if len(losses) else np.zeros(0),
        "knots": kn, "knots_inside": int(np.sum((kn >= spec.a) & (kn <= spec.b))),
        "pieces": pieces, "final_mse": final,
        "max_err": float(np.max(np.abs(pred - target.f(dense)))),
        "steps_done": state.steps_done, "diverged_at": state.diverged_at, "reason": state.reason,
        "samples_x": x, "samples_y": noisy,
    }


def run_fit(spec: FitSpec, chunk: int = 250) -> dict:
    """The whole run in this process (the same chunks a worker pool would run)."""
    state = start_fit(spec.n_units, spec.lr, spec.seed)
    for k in range(1, -(-spec.steps // chunk) + 1):
        state = fit_step(state, k, spec, chunk)
    return fit_summary(state, spec)


def fit_seconds(n_units: int, steps: int) -> float:
    """Rough cost of a run on one core (measured: ~0.35 ms per step + ~2 µs per unit-step)."""
    return steps * (3.5e-4 + 2e-6 * n_units)


# ---------------------------------------------------------------------------------------------
# The best N-unit fit found (free knots, smallest max error)
# ---------------------------------------------------------------------------------------------

BEST_NS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256)
FIT_GRID = 2049  # even points the minimax fits use (plus kinks and each cell's quarter points)
EXACT_TOL = 1e-9  # a best fit closer than this is exact up to rounding (minimax on a kink)
LAWSON_ITERS = 30
KNOT_ROUNDS = 4
KNOT_FLOOR = 0.02  # share of the knot density kept uniform: no cell below 0.02·(b − a)/N


def cell_coords(nodes: Array, x: Array) -> tuple[Array, Array]:
    """For each x its cell i (nodes[i] ≤ x ≤ nodes[i + 1]) and λ = (x − nodes[i])/h_i."""
    i = np.clip(np.searchsorted(nodes, x, side="right") - 1, 0, len(nodes) - 2)
    return i, (x - nodes[i]) / (nodes[i + 1] - nodes[i])


def hat_fit(coords: tuple[Array, Array], n_nodes: int, y: Array, w: Array) -> Array:
    """Node values v of the continuous piecewise-linear function through the nodes that
    minimise Σ w·(f̂(x) − y)² (``coords`` from ``cell_coords``; the normal equations are
    tridiagonal; a tiny ridge keeps a cell whose points all have weight 0 solvable)."""
    i, q = coords
    p, n = 1.0 - q, n_nodes
    diag = np.bincount(i, w * p * p, n) + np.bincount(i + 1, w * q * q, n)
    off = np.bincount(i, w * p * q, n - 1)
    rhs = np.bincount(i, w * p * y, n) + np.bincount(i + 1, w * q * y, n)
    diag = diag + 1e-12 * max(float(diag.max()), 1e-300)
    return solve_tridiagonal(off, diag, rhs)


def solve_tridiagonal(off: Array, diag: Array, rhs: Array) -> Array:
    """Solve the symmetric tridiagonal system (Thomas algorithm; the matrix is positive
    definite here, so no pivoting): O(n), single-threaded, the same bits on every machine."""
    e, d, r = off.tolist(), diag.tolist(), rhs.tolist()
    n = len(d)
    for k in range(1, n):
        m = e[k - 1] / d[k - 1]
        d[k] -= m * e[k - 1]
        r[k] -= m * r[k - 1]
    v = [0.0] * n
    v[-1] = r[-1] / d[-1]
    for k in range(n - 2, -1, -1):
        v[k] = (r[k] - e[k] * v[k + 1]) / d[k]
    return np.array(v)


def lawson_minimax(nodes: Array, x: Array, y: Array, iters: int = LAWSON_ITERS):
    """Node values with the smallest max error found by Lawson's algorithm (weighted least
    squares, weights multiplied by |residual| each round; it converges to the minimax fit for
    fixed knots). Returns (values, max error) of the best round."""
    coords = cell_coords(nodes, x)
    i, q = coords
    w = np.full(len(x), 1.0 / len(x))
    best_v, best_e = None, np.inf
    for _ in range(iters):
        v = hat_fit(coords, len(nodes), y, w)
        r = np.abs(v[i] * (1.0 - q) + v[i + 1] * q - y)
        e = float(r.max())
        if e < best_e:
            best_v, best_e = v, e
        if e == 0.0:
            break
        w = w * r
        w = np.maximum(w / w.sum(), 1e-300)
    return best_v, best_e


def rebalance(nodes: Array, x: Array, resid: Array) -> Array:
    """New nodes from a fit's residuals: a cell's error grows like h²·|f''|, so the knot density
    on cell i is taken ∝ √(max error on i)/h_i (equal errors after the move), mixed with
    KNOT_FLOOR of the uniform density, and the nodes equidistribute it."""
    n = len(nodes) - 1
    i = np.clip(np.searchsorted(nodes, x, side="right") - 1, 0, n - 1)
    cell_err = np.zeros(n)
    np.maximum.at(cell_err, i, resid)
    h = np.diff(nodes)
    mass = np.sqrt(cell_err)  # density √e/h times width h
    total = mass.sum()
    share = (1 - KNOT_FLOOR) * (mass / total if total > 0 else h / h.sum()) \
        + KNOT_FLOOR * h / h.sum()
    cum = np.concatenate([[0.0], np.cumsum(share)])
    cum /= cum[-1]
    new = np.interp(np.linspace(0.0, 1.0, n + 1), cum, nodes)
    new[0], new[-1] = nodes[0], nodes[-1]
    return new


def kink_nodes(a: float, b: float, n: int, kinks: Array) -> Array | None:
    """N + 1 nodes with one at every kink inside (a, b) (the rest split the widest cells in
    half, one at a time); None when N − 1 knots cannot cover the kinks."""
    kinks = np.asarray(kinks, dtype=np.float64)
    if len(kinks) == 0 or len(kinks) > n - 1:
        return None
    nodes = np.unique(np.concatenate([[a, b], kinks]))
    while len(nodes) < n + 1:
        i = int(np.argmax(np.diff(nodes)))
        nodes = np.insert(nodes, i + 1, (nodes[i] + nodes[i + 1]) / 2.0)
    return nodes


def _fit_points(x: Array, nodes: Array) -> Array:
    """The fit's points: x plus each cell's nodes and quarter points, so that no cell, however
    narrow the knots make it, is without points."""
    q = nodes[:-1, None] + np.diff(nodes)[:, None] * np.array([0.0, 0.25, 0.5, 0.75])
    return np.concatenate([x, q.ravel(), nodes[-1:]])


def best_fit(f: Callable, a: float, b: float, n: int, x: Array, x_eval: Array,
             kinks: Array = ()) -> dict:
    """The N-unit ReLU fit with the smallest max error |f − f̂| on the points ``x_eval`` that
    this search finds, in the family f̂ = c₀ + Σ c_j·ReLU(x − t_j) with t_1 = a and t_2…t_N free
    (every continuous piecewise-linear function with at most N pieces on [a, b]; the
    interpolant is one of them and the search's first candidate, so the result is never worse).

    Search: Lawson's minimax fit of the node values on the points x (uniform knots first), then
    KNOT_ROUNDS rounds of moving the knots to equalise the cells' errors (``rebalance``) and
    fitting again; when the target's ``kinks`` are known and N − 1 knots can cover them, also
    knots on the kinks (``kink_nodes``). Each candidate is judged on the denser ``x_eval`` (a
    minimax fit on x alone is optimistic between its points). The result is an upper bound on
    the family's true best.
    """
    y_eval = np.asarray(f(x_eval), dtype=np.float64)
    nodes = np.linspace(a, b, int(n) + 1)
    values = np.asarray(f(nodes), dtype=np.float64)
    interp = float(np.max(np.abs(np.interp(x_eval, nodes, values) - y_eval)))
    best = {"nodes": nodes, "values": values, "err": interp, "interp_err": interp}
    starts = [kink_nodes(a, b, int(n), kinks), nodes]
    for nodes in (s for s in starts if s is not None):
        for _ in range(KNOT_ROUNDS + 1 if nodes is starts[-1] else 1):
            xf = _fit_points(x, nodes)
            yf = np.asarray(f(xf), dtype=np.float64)
            v, e = lawson_minimax(nodes, xf, yf)
            e_eval = float(np.max(np.abs(np.interp(x_eval, nodes, v) - y_eval)))
            if e_eval < best["err"]:
                best |= {"nodes": nodes, "values": v, "err": e_eval}
            if e == 0.0:
                break
            nodes = rebalance(nodes, xf, np.abs(np.interp(xf, nodes, v) - yf))
    return best


def pl_net(nodes: Array, values: Array) -> dict:
    """The continuous piecewise-linear function through (nodes, values) as N ReLU units
    (the same construction as ``relu_interpolant``, knots at nodes[:-1])."""
    s = np.diff(values) / np.diff(nodes)
    c = np.concatenate([s[:1], np.diff(s)])
    return {"W1": np.ones((1, len(s))), "b1": -nodes[:-1].copy(), "W2": c[:, None],
            "b2": np.array([values[0]])}


def dense_points(target: Target, a: float, b: float, factor: int = 16) -> Array:
    """``error_points`` made ``factor`` times denser: where the best fits are judged."""
    k = target.kinks(a, b)
    eps = 1e-9 * (b - a)
    x = np.linspace(a, b, factor * (ERROR_GRID - 1) + 1)
    return np.sort(np.concatenate([x, k - eps, k + eps]))


def best_table(target: Target, a: float, b: float, ns=BEST_NS, anchor: int = 16) -> dict:
    """For each N in ``ns``: the best fit's and the uniform interpolant's max errors (on the
    same points), both log-log slopes over N ≥ 16 (the best fit's over errors above EXACT_TOL),
    and a 1/N² reference through the best fit at N = ``anchor`` (over N ≥ anchor; None when
    that fit is exact). Fits use FIT_GRID points, errors are measured on ``dense_points``."""
    kinks = target.kinks(a, b)
    eps = 1e-9 * (b - a)
    x = np.sort(np.concatenate([np.linspace(a, b, FIT_GRID), kinks - eps, kinks + eps]))
    x_eval = dense_points(target, a, b)
    fits = [best_fit(target.f, a, b, int(n), x, x_eval, kinks) for n in ns]
    ns = np.asarray(ns)
    best = np.array([r["err"] for r in fits])
    interp = np.array([r["interp_err"] for r in fits])
    at = best[ns == anchor]
    ref = None
    if len(at) and at[0] > EXACT_TOL:
        rn = ns[ns >= anchor]
        ref = (rn, at[0] * (anchor / rn.astype(np.float64)) ** 2)
    return {"ns": ns, "best": best, "interp": interp,
            "slope": loglog_slope(ns, best, floor=EXACT_TOL),
            "islope": loglog_slope(ns, interp), "ref": ref, "last": fits[-1],
            "points": len(x_eval)}


# ---------------------------------------------------------------------------------------------
# Depth vs width, trained: does training find the tent map?
# ---------------------------------------------------------------------------------------------

FOUND_TOL = 0.05  # a trained net within this max error of T^k counts as having found it
DEPTH_PLOT = 1025


@dataclass(frozen=True)
class DepthTrainSpec:
    """A deep k × width ReLU net and a shallow net with no more parameters, each trained from
    ``n_seeds`` seeds (seed0, seed0 + 1, …) by full-batch Adam on T^k (the cache key)."""

    k: int
    width: int = 2
    n_seeds: int = 5
    steps: int = 3000
    lr: float = 0.01
    seed0: int = 0

    def deep_params(self) -> int:
        """Parameters of 1 → width (× k layers) → 1: W²(k − 1) + W(k + 2) + 1."""
        w = self.width
        return w * w * (self.k - 1) + w * (self.k + 2) + 1

    def shallow_units(self) -> int:
        """Most units N a one-hidden-layer net can have with 3N + 1 ≤ the deep net's parameters
        (width 2: N = 2k, the same units and parameters)."""
        return (self.deep_params() - 1) // 3

    def data(self) -> tuple[Array, Array, Scaling]:
        """s on [0, 1] (4 samples per linear piece of T^k, at least 257), T^k(s), scaling."""
        s = np.linspace(0.0, 1.0, max(257, 4 * 2**self.k + 1))
        y = tent_power(s, self.k)
        return s, y, Scaling(0.5, 0.5, float(np.mean(y)), float(np.std(y)))


def init_deep(k: int, width: int, seed: int) -> dict:
    """He-normal weights (nncore.mlp.init_mlp) for 1 → width^k → 1; the first layer's knots
    spread over the input like ``init_spread``, deeper biases ~ 0.1·N(0, 1) (all-zero biases
    would start every unit's kink at the same place)."""
    rng = np.random.default_rng(seed)
    params = init_mlp([1] + [width] * k + [1], "he_normal", rng)
    first = init_spread(width, seed)
    params["W1"], params["b1"] = first["W1"], first["b1"]
    for l in range(2, k + 1):
        params[f"b{l}"] = 0.1 * rng.standard_normal(width)
    return params


def depth_train_start(spec: DepthTrainSpec) -> list[FitState]:
    """The 2·n_seeds runs before training: deep runs first, then shallow, in seed order."""
    opt = make_optimizer("adam", lr=spec.lr)
    seeds = range(spec.seed0, spec.seed0 + spec.n_seeds)
    nets = [init_deep(spec.k, spec.width, s) for s in seeds]
    nets += [init_spread(spec.shallow_units(), s) for s in seeds]
    return [FitState(p, opt.init(p), []) for p in nets]


def depth_train_step(states: list, k: int, spec: DepthTrainSpec, chunk: int) -> list:
    """Chunk k (for ``ui.workers.run_chunks``): ``chunk`` more steps of every run, at most up to
    spec.steps. Module-level so a worker process can import it."""
    s, y, scale = spec.data()
    return [train_chunk(st, s, y, scale, "relu", spec.lr,
                        min(chunk, spec.steps - st.steps_done)) for st in states]


def depth_train_summary(states: list, spec: DepthTrainSpec) -> dict:
    """Per run: max error on DEPTH_PLOT points, final training MSE, exact linear pieces on
    [0, 1] (counted on the scaled input [−1, 1]: an affine, increasing map), the weights; the
    curves of the deep and of the shallow run with the lowest training MSE."""
    _, _, scale = spec.data()
    grid = np.linspace(0.0, 1.0, DEPTH_PLOT)
    target = tent_power(grid, spec.k)
    rows = []
    for i, st in enumerate(states):
        pred = fitted_output(st, scale, grid, "relu")
        rows.append({"net": "deep" if i < spec.n_seeds else "shallow",
                     "seed": spec.seed0 + i % spec.n_seeds,
                     "max_err": float(np.max(np.abs(pred - target))),
                     "mse": st.losses[-1] if st.losses else float("nan"),
                     "pieces": linear_pieces(st.params, -1.0, 1.0)[0],
                     "diverged": st.diverged_at is not None, "y": pred, "params": st.params})
    out = {"s": grid, "target": target, "scale": scale,
           "rows": [{k: v for k, v in r.items() if k != "y"} for r in rows]}
    for net in ("deep", "shallow"):
        mine = [r for r in rows if r["net"] == net]
        best = min(mine, key=lambda r: r["mse"])
        out[f"{net}_best_seed"], out[f"{net}_y"] = best["seed"], best["y"]
    return out


def run_depth_training(spec: DepthTrainSpec, chunk: int = 500) -> dict:
    """The whole comparison in this process (the same chunks a worker pool would run)."""
    states = depth_train_start(spec)
    for k in range(1, -(-spec.steps // chunk) + 1):
        states = depth_train_step(states, k, spec, chunk)
    return depth_train_summary(states, spec)
