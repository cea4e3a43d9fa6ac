"""Activations and the vanishing gradient: curves and their facts, why a stack of linear layers
is one linear map, and how the gradient shrinks (or not) through depth.

Backward through one hidden layer, a = g(z), z = a_prev·W:  ∂L/∂a_prev = (∂L/∂a ⊙ g'(z))·Wᵀ.
In a wide layer with iid weights (n = fan-in, z ~ N(0, s²) independent of the upstream
gradient) the variance of the gradient is multiplied by  n·Var(W)·E[g'(z)²]  per layer, so its
standard deviation after d layers is

    factor(d) = (n·Var(W) · E[g'(z)²])^{d/2}

With n·Var(W) = 1 (Xavier/LeCun) and z ≈ 0 that is g'(0)^d: sigmoid 0.25^d, tanh 1. ReLU's
g' is 0 or 1, so E[g'(z)²] = ½ for any symmetric z: only n·Var(W) = 2 (He) keeps it at 1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS, sigmoid
from .layers import maxout_backward, maxout_forward
from .mlp import mlp_forward

Array = np.ndarray

MAXOUT_PIECES = ((1.0, 0.0), (-0.5, 0.0))
"""The example maxout unit on this page: g(x) = max(x, −0.5·x) (a learned unit picks its own
pieces; with (x, 0) it is ReLU, with (x, −x) it is |x|)."""

CURVE_NAMES = (*ACTIVATIONS, "maxout")
KINK_AT_ZERO = ("linear", "relu", "leaky_relu", "abs", "maxout")
"""Derivative constant for x < 0 and for x > 0: E[g'(z)²] is exact (ReLU: ½, so He's
n·Var(W) = 2 gives a factor of exactly 1)."""
SATURATION_MARGIN = 0.01  # within 1% of the output range from a bound (as nncore.activations)


def maxout_1d(x: Array, pieces=MAXOUT_PIECES) -> tuple[Array, Array]:
    """(g(x), g'(x)) of a maxout unit with k linear pieces a_p·x + c_p, via nncore.layers."""
    x = np.asarray(x, dtype=np.float64)
    a = np.array([p[0] for p in pieces])
    c = np.array([p[1] for p in pieces])
    z = x[:, None] * a + c  # (N, k): one unit, its k pieces
    out, cache = maxout_forward(z, len(pieces))
    dz = maxout_backward(np.ones_like(out), cache)
    return out[:, 0], dz @ a


def f_and_df(name: str, x: Array) -> tuple[Array, Array]:
    """(f(x), f'(x)) for any name of CURVE_NAMES."""
    if name == "maxout":
        return maxout_1d(x)
    act = ACTIVATIONS[name]
    x = np.asarray(x, dtype=np.float64)
    return act.f(x), act.df(x)


def curves(names, lo: float, hi: float, n: int = 401) -> tuple[Array, dict]:
    """x (n,) and {name: (f, f')} on a grid that contains 0 exactly (n odd, symmetric range)."""
    x = np.linspace(lo, hi, n)
    return x, {name: f_and_df(name, x) for name in names}


def saturation_edge(name: str) -> float | None:
    """The |x| beyond which a bounded, increasing activation's output is within 1% of its range
    from a bound (None for unbounded ones): sigmoid ln 99 ≈ 4.595, tanh atanh(0.98) ≈ 2.298,
    hard tanh 0.98. Found by bisection on the upper bound (these are odd around their centre)."""
    act = ACTIVATIONS.get(name)
    if act is None or act.bounds is None:
        return None
    lo_b, hi_b = act.bounds
    target = hi_b - SATURATION_MARGIN * (hi_b - lo_b)
    a, b = 0.0, 1.0
    while act.f(np.array([b]))[0] < target:
        b *= 2
    for _ in range(200):
        m = (a + b) / 2
        if act.f(np.array([m]))[0] >= target:
            b = m
        else:
            a = m
    return b


def zero_gradient_regions(name: str, lo: float, hi: float) -> list[tuple[float, float]]:
    """Intervals of [lo, hi] where f'(x) is exactly 0 (ReLU's x < 0, hard tanh's |x| > 1)."""
    edges = {"relu": [(-np.inf, 0.0)], "hard_tanh": [(-np.inf, -1.0), (1.0, np.inf)]}
    out = []
    for a, b in edges.get(name, []):
        a, b = max(a, lo), min(b, hi)
        if a < b:
            out.append((a, b))
    return out


@dataclass(frozen=True)
class Facts:
    """What the page marks for one activation on the range [lo, hi]."""

    name: str
    df0: float  # f'(0)
    df_max: float  # max f' on the range
    x_at_max: float
    df_min: float
    df_values: tuple[float, ...] | None  # the distinct values of f' when there are at most 3
    saturation: float | None  # |x| of saturation_edge
    df_at_saturation: float | None


def facts(name: str, lo: float, hi: float, n: int = 4001) -> Facts:
    x = np.linspace(lo, hi, n)
    _, d = f_and_df(name, x)
    k = int(np.argmax(d))
    distinct = np.unique(np.round(d, 12))
    edge = saturation_edge(name)
    d_edge = None if edge is None else float(f_and_df(name, np.array([edge]))[1][0])
    return Facts(
        name, float(f_and_df(name, np.array([0.0]))[1][0]), float(d[k]), float(x[k]),
        float(d.min()), tuple(float(v) for v in distinct) if len(distinct) <= 3 else None,
        edge, d_edge,
    )


def tanh_identity(lo: float, hi: float, n: int = 4001) -> dict:
    """tanh(x) = 2σ(2x) − 1 holds to rounding; the notes' 2σ(x) − 1 is tanh(x/2), not tanh(x).
    Returns the largest |difference| of each on the range and where the notes' one peaks."""
    x = np.linspace(lo, hi, n)
    t = np.tanh(x)
    right = 2 * sigmoid(2 * x) - 1
    notes = 2 * sigmoid(x) - 1
    k = int(np.argmax(np.abs(t - notes)))
    every = max(1, (n - 1) // 400)  # the curves at ~400 points (a figure needs no more)
    return {
        "x": x[::every], "right": right[::every], "notes": notes[::every],
        "err_right": float(np.max(np.abs(t - right))),
        "err_notes": float(np.abs(t - notes)[k]), "x_notes": float(abs(x[k])),
    }


# ---------------------------------------------------------------------------------------------
# A stack of linear layers is one linear map
# ---------------------------------------------------------------------------------------------


def random_stack(depth: int, width: int, seed: int) -> dict:
    """An MLP 2 → width × (depth−1) → 1 in nncore.mlp's layout with N(0, 1/fan_in) weights and
    N(0, 0.5²) biases (non-zero, so the bias algebra is part of the check)."""
    rng = np.random.default_rng(seed)
    sizes = [2] + [width] * (depth - 1) + [1]
    params = {}
    for l, (a, b) in enumerate(zip(sizes[:-1], sizes[1:], strict=True), start=1):
        params[f"W{l}"] = rng.normal(0.0, 1.0 / np.sqrt(a), (a, b))
        params[f"b{l}"] = rng.normal(0.0, 0.5, b)
    return params


def collapse(params: dict) -> tuple[Array, float]:
    """The single layer a stack of linear layers equals: W = W1·W2·…·WL and
    b = Σ_l b_l·W_{l+1}·…·W_L.  Returns (W (2,), b)."""
    L = len([k for k in params if k.startswith("W")])
    W = params["W1"]
    b = params["b1"]
    for l in range(2, L + 1):
        W = W @ params[f"W{l}"]
        b = b @ params[f"W{l}"] + params[f"b{l}"]
    return W[:, 0], float(b[0])


def net_output(params: dict, X: Array, activation: str) -> Array:
    """The stack's output (N,) with the given hidden activation (nncore.mlp.mlp_forward)."""
    out, _ = mlp_forward(params, np.asarray(X, dtype=np.float64), activation)
    return out[:, 0]


def affine_residual(X: Array, out: Array) -> float:
    """How far ``out`` is from an affine function of X: max |out − best least-squares plane|
    divided by the range of out (0 for a linear stack, up to rounding)."""
    A = np.hstack([np.asarray(X, dtype=np.float64), np.ones((len(X), 1))])
    coef = np.linalg.lstsq(A, out, rcond=None)[0]
    span = float(np.ptp(out)) or 1.0
    return float(np.max(np.abs(A @ coef - out)) / span)


def zero_level_points(xs: Array, Z: Array) -> Array:
    """Points (M, 2) where Z (values on the grid xs × xs, Z[i, j] at (xs[j], xs[i])) crosses 0,
    by linear interpolation along every row and column: a boundary as a few hundred points, so a
    figure needs no contour tracing."""
    out = []
    for axis in (1, 0):
        a, b = (Z[:, :-1], Z[:, 1:]) if axis == 1 else (Z[:-1, :], Z[1:, :])
        i, j = np.nonzero((a > 0) != (b > 0))
        t = a[i, j] / (a[i, j] - b[i, j])
        if axis == 1:  # between (xs[j], xs[i]) and (xs[j+1], xs[i])
            out.append(np.stack([xs[j] + t * (xs[j + 1] - xs[j]), xs[i]], axis=1))
        else:
            out.append(np.stack([xs[j], xs[i] + t * (xs[i + 1] - xs[i])], axis=1))
    return np.concatenate(out) if out else np.zeros((0, 2))


# ---------------------------------------------------------------------------------------------
# The gradient through depth
# ---------------------------------------------------------------------------------------------


def mean_sq_derivative(name: str, s: float, n: int = 40_001) -> float:
    """E[g'(z)²] for z ~ N(0, s²), by the trapezoid rule on ±12 s (s = 0: g'(0)²)."""
    if s <= 0:
        return float(f_and_df(name, np.array([0.0]))[1][0] ** 2)
    if name in KINK_AT_ZERO:  # g' is constant on each half-line: exactly the mean of the two
        d = f_and_df(name, np.array([-1.0, 1.0]))[1]
        return float(np.mean(d * d))
    z = np.linspace(-12 * s, 12 * s, n)
    pdf = np.exp(-0.5 * (z / s) ** 2) / (s * np.sqrt(2 * np.pi))
    _, d = f_and_df(name, z)
    return float(np.trapezoid(d * d * pdf, z))


def layer_factor(name: str, s: float, gain: float) -> float:
    """The per-layer factor of the gradient's std: sqrt(n·Var(W) · E[g'(z)²])."""
    return float(np.sqrt(gain * mean_sq_derivative(name, s)))


def factor_over_depth(name: str, s: float, gain: float, depth: int) -> Array:
    """factor(d) for d = 0..depth (d = 0: 1). Underflow is floored at 1e-300, never 0 or NaN."""
    f = layer_factor(name, s, gain)
    d = np.arange(depth + 1)
    with np.errstate(divide="ignore"):
        logs = d * np.log(f) if f > 0 else np.where(d == 0, 0.0, -np.inf)
    return np.exp(np.clip(logs, np.log(1e-300), np.log(1e300)))


def measured_ratio(grad_std: Array) -> Array:
    """From a run's per-layer std of ∂L/∂a (index 0 = layer 1), the std after passing d layers
    relative to the top: d = 0..depth−1."""
    g = np.asarray(grad_std, dtype=np.float64)[::-1]
    return np.maximum(g / g[0], 1e-300)  # a log axis cannot show 0


def predicted_ratio(var_u: Array, name: str, gain: float) -> Array:
    """The formula chained over a measured net: ratio[d] = Π of layer_factor(s_k) over the d
    layers the gradient has passed from the top, with s_k = sqrt(var_u[k]) the net's own
    pre-activation spread (index 0 = layer 1)."""
    s = np.sqrt(np.asarray(var_u, dtype=np.float64))[::-1]
    factors = np.array([layer_factor(name, float(v), gain) for v in s[:-1]])
    return np.concatenate([[1.0], np.cumprod(factors)])
