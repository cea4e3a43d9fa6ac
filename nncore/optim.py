"""Optimizers as pairs of pure functions, learning-rate schedules, and `descend` for 2D surfaces.

An optimizer is built by ``make_optimizer(name, **hp)`` and has two pure functions (the optax
shape)::

    state = opt.init(params)
    params, state = opt.update(grads, state, params)

``params`` and ``grads`` are dicts of float64 arrays with the same keys (an MLP's ``{"W1", "b1",
...}`` or a point on a surface ``{"xy": np.array([x, y])}``), so the MLP trainer and the 2D page
share one code path. ``update`` never mutates its inputs: it returns new dicts of new arrays.

Every update rule is the one ``torch.optim`` computes with the same hyperparameters (float64,
``maximize=False``, no ``foreach`` differences), so the numbers agree with the framework students
use next. ``tests/test_optim.py`` checks this against torch when it is installed.

State is a plain dict: the integer step count ``"t"`` (number of updates done), the learning rate
used by the last update ``"lr"``, and per-parameter dicts of arrays. Names used across optimizers:

=============  ============================================================================
``velocity``   momentum buffer b (SGD momentum / Nesterov), the step is ``lr * b``
``sum_sq``     AdaGrad's running sum of squared gradients h
``v``          exponential moving average of g² (RMSProp, Adadelta, Adam family)
``u``          Adadelta's moving average of squared updates
``m``          first moment, exponential moving average of g (Adam family)
``step_size``  per-coordinate effective learning rate of the last update (adaptive methods):
               the update was ``-step_size * direction`` with the direction named in each
               optimizer's docstring. For SGD/Momentum/Nesterov it is the scalar ``state["lr"]``.
=============  ============================================================================

``lr`` may be a float or a callable ``step -> lr`` (see ``make_schedule``); update number ``t``
(1-based) uses ``lr(t - 1)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .divergence import LEFT_BOX, OVERFLOW, UNDEFINED

Params = dict[str, np.ndarray]
State = dict[str, Any]


@dataclass(frozen=True)
class Optimizer:
    """What ``make_optimizer`` returns: a name, the resolved hyperparameters and two pure functions."""

    name: str
    hp: dict
    init: Callable[[Params], State]
    update: Callable[[Params, State, Params], tuple[Params, State]]


@dataclass(frozen=True)
class OptimizerSpec:
    """One registry entry: how to build an optimizer and everything a page needs to offer it.

    grids: hyperparameter -> the values its slider offers (the defaults lie on them);
    lr_by_surface: surface name -> a learning rate that converges from that surface's start
    without diverging (``default_lr`` falls back to ``defaults["lr"]``); color, dash: its line
    on every chart (distinct for every pair, colour-blind safe: tested); direction: what the
    per-coordinate step size multiplies ("grad", "velocity", "nesterov" for g + ρb, "m",
    "nadam" for its g/m mix); memory: what it remembers ("velocity", "m" or "none");
    curvature_limited: its first steps are plain α·g steps, so on the quadratic bowl its
    learning rate must shrink like 1/κ.
    """

    name: str
    label: str
    defaults: dict
    formula: str  # LaTeX (KaTeX), g_t = ∇f(x_t)
    reference: str
    build: Callable[..., tuple[Callable, Callable]] = field(repr=False)
    state_keys: tuple[str, ...] = ()  # the per-parameter arrays kept in the state
    grids: dict = field(default_factory=dict, repr=False)
    lr_by_surface: dict = field(default_factory=dict, repr=False)
    color: str = "#666666"
    dash: str = "solid"
    direction: str = "grad"
    memory: str = "none"
    curvature_limited: bool = False


@dataclass(frozen=True)
class HyperParam:
    """One hyperparameter: label, symbol (LaTeX, as in the update rules) and a sensible range."""

    label: str
    symbol: str
    low: float
    high: float
    log: bool = False


HYPERPARAMS: dict[str, HyperParam] = {
    "lr": HyperParam("learning rate", r"\alpha", 1e-5, 10.0, log=True),
    "momentum": HyperParam("momentum", r"\rho", 0.0, 0.999),
    "decay": HyperParam("decay rate of the g² average", r"\gamma", 0.0, 0.9999),
    "rho": HyperParam("decay rate of the averages", r"\rho", 0.0, 0.9999),
    "beta1": HyperParam("first-moment decay", r"\beta_1", 0.0, 0.999),
    "beta2": HyperParam("second-moment decay", r"\beta_2", 0.0, 0.99999),
    "eps": HyperParam("epsilon (numerical safety)", r"\epsilon", 1e-12, 1e-1, log=True),
    "weight_decay": HyperParam("decoupled weight decay", r"\lambda", 0.0, 1.0),
    "momentum_decay": HyperParam("momentum decay (μ schedule)", r"\psi", 0.0, 0.1),
}

# Slider grids (mostly logarithmic); each spec lists the ones its hyperparameters use.
_MANTISSAS = (1, 1.1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9)
LR_GRID = tuple(sorted({round(m * 10.0**e, 10) for e in range(-5, 1) for m in _MANTISSAS}
                       | {10.0}))
MOMENTUM_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99,
                 0.995, 0.999)
DECAY_GRID = (0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999)
BETA1_GRID = (0.0, 0.5, 0.8, 0.85, 0.9, 0.95, 0.99)
BETA2_GRID = (0.9, 0.95, 0.99, 0.995, 0.999, 0.9999)
EPS_GRID = (1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1e-1)
WEIGHT_DECAY_GRID = (0.0, 0.001, 0.01, 0.05, 0.1, 0.5)
MOMENTUM_DECAY_GRID = (0.0, 0.001, 0.002, 0.004, 0.01, 0.02, 0.05)
_ADAM_GRIDS = {"lr": LR_GRID, "beta1": BETA1_GRID, "beta2": BETA2_GRID, "eps": EPS_GRID}


def _lr_fn(lr) -> Callable[[int], float]:
    if callable(lr):
        return lr
    lr = float(lr)
    if not lr > 0.0:  # also rejects NaN
        raise ValueError(f"learning rate must be a positive number, got {lr!r}")
    return lambda t: lr


def _zeros(params: Params) -> Params:
    """Zeros shaped like each parameter (0.0 for a scalar one, see ``descend``)."""
    return {k: 0.0 if type(p) is float else np.zeros_like(p, dtype=np.float64)
            for k, p in params.items()}


def _sqrt(v):
    """√v elementwise: math.sqrt for a Python float (``descend``'s scalar parameters, ~20×
    cheaper than a NumPy call), else np.sqrt. Both are the correctly rounded IEEE square root:
    the same bits."""
    return math.sqrt(v) if type(v) is float else np.sqrt(v)


def _full_like(a, value: float):
    return value if type(a) is float else np.full_like(a, value)


# ---------------------------------------------------------------------------------------------
# The update rules. Each builder binds its hyperparameters in a closure (no dict lookups per
# step) and returns (init, update). Shapes: every array in grads/state has its param's shape.
# ---------------------------------------------------------------------------------------------


def _sgd(lr):
    """Plain gradient descent: x ← x − α g.   Direction: g."""
    lr_at = _lr_fn(lr)

    def init(params):
        return {"t": 0, "lr": 0.0}

    def update(grads, state, params):
        t = state["t"]
        a = lr_at(t)
        new = {k: params[k] - a * g for k, g in grads.items()}
        return new, {"t": t + 1, "lr": a}

    return init, update


def _momentum(lr, momentum, nesterov=False):
    """SGD with momentum (torch.optim.SGD, dampening 0).

    b ← ρ b + g;  x ← x − α b                 (momentum)
    b ← ρ b + g;  x ← x − α (g + ρ b)         (Nesterov, torch's ``nesterov=True``)

    The lecture's momentum ``v ← ρv − α g; x ← x + v`` is the same sequence of points with
    v = −α b (for a constant α).

    Nesterov: the lecture's look-ahead form ``v ← ρv − α∇f(x + ρv); x ← x + v`` needs the
    gradient at the look-ahead point. Substitute x̃ = x + ρv (the point where the gradient is
    taken). Then x̃_{t+1} = x̃_t + ρ² v_t − (1+ρ) α ∇f(x̃_t), and torch's rule with v = −α b gives
    x_{t+1} = x_t − α g + ρ v_{t+1} = x_t + ρ² v_t − (1+ρ) α g: the same recursion. So torch's
    ``params`` are the look-ahead points x̃, and only the gradient at the current point is needed.
    Direction: b (momentum) or g + ρ b (Nesterov); step_size is the scalar α.
    """
    lr_at = _lr_fn(lr)
    rho = float(momentum)

    def init(params):
        return {"t": 0, "lr": 0.0, "velocity": _zeros(params)}

    def update(grads, state, params):
        t = state["t"]
        a = lr_at(t)
        old = state["velocity"]
        vel, new = {}, {}
        for k, g in grads.items():
            b = rho * old[k] + g
            vel[k] = b
            new[k] = params[k] - a * (g + rho * b) if nesterov else params[k] - a * b
        return new, {"t": t + 1, "lr": a, "velocity": vel}

    return init, update


def _nesterov(lr, momentum):
    return _momentum(lr, momentum, nesterov=True)


def _adagrad(lr, eps):
    """AdaGrad (Duchi et al. 2011), torch.optim.Adagrad with lr_decay 0.

    h ← h + g²;  x ← x − α g / (√h + ε).   Direction: g; step_size = α / (√h + ε).
    The step size only shrinks: the lecture's "decay to zero".
    """
    lr_at = _lr_fn(lr)
    eps = float(eps)

    def init(params):
        return {"t": 0, "lr": 0.0, "sum_sq": _zeros(params), "step_size": _zeros(params)}

    def update(grads, state, params):
        t = state["t"]
        a = lr_at(t)
        old = state["sum_sq"]
        h_new, ss, new = {}, {}, {}
        for k, g in grads.items():
            h = old[k] + g * g
            s = a / (_sqrt(h) + eps)
            h_new[k], ss[k] = h, s
            new[k] = params[k] - s * g
        return new, {"t": t + 1, "lr": a, "sum_sq": h_new, "step_size": ss}

    return init, update


def _rmsprop(lr, decay, eps):
    """RMSProp (Tieleman & Hinton 2012), torch.optim.RMSprop (not centered, no momentum).

    v ← γ v + (1−γ) g²;  x ← x − α g / (√v + ε).   Direction: g; step_size = α / (√v + ε).
    """
    lr_at = _lr_fn(lr)
    gamma, eps = float(decay), float(eps)
    one_m = 1.0 - gamma

    def init(params):
        return {"t": 0, "lr": 0.0, "v": _zeros(params), "step_size": _zeros(params)}

    def update(grads, state, params):
        t = state["t"]
        a = lr_at(t)
        old = state["v"]
        v_new, ss, new = {}, {}, {}
        for k, g in grads.items():
            v = gamma * old[k] + one_m * (g * g)
            s = a / (_sqrt(v) + eps)
            v_new[k], ss[k] = v, s
            new[k] = params[k] - s * g
        return new, {"t": t + 1, "lr": a, "v": v_new, "step_size": ss}

    return init, update


def _adadelta(lr, rho, eps):
    """Adadelta (Zeiler 2012), torch.optim.Adadelta (lr multiplies the step; torch default 1.0).

    v ← ρ v + (1−ρ) g²;  Δ = √(u + ε) / √(v + ε) · g;  u ← ρ u + (1−ρ) Δ²;  x ← x − α Δ.
    Direction: g; step_size = α √(u + ε) / √(v + ε) (uses u before this step's update).
    """
    lr_at = _lr_fn(lr)
    rho, eps = float(rho), float(eps)
    one_m = 1.0 - rho

    def init(params):
        z = _zeros(params)
        return {"t": 0, "lr": 0.0, "v": z, "u": _zeros(params), "step_size": _zeros(params)}

    def update(grads, state, params):
        t = state["t"]
        a = lr_at(t)
        v_old, u_old = state["v"], state["u"]
        v_new, u_new, ss, new = {}, {}, {}, {}
        for k, g in grads.items():
            v = rho * v_old[k] + one_m * (g * g)
            ratio = _sqrt(u_old[k] + eps) / _sqrt(v + eps)
            delta = ratio * g
            u_new[k] = rho * u_old[k] + one_m * (delta * delta)
            v_new[k] = v
            ss[k] = a * ratio
            new[k] = params[k] - a * delta
        return new, {"t": t + 1, "lr": a, "v": v_new, "u": u_new, "step_size": ss}

    return init, update


def _adam(lr, beta1, beta2, eps, weight_decay=0.0):
    """Adam (Kingma & Ba 2015) with bias correction, torch.optim.Adam; AdamW when weight_decay > 0.

    m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  x ← x − (α/(1−β₁ᵗ)) · m / (√v/√(1−β₂ᵗ) + ε).
    AdamW (Loshchilov & Hutter 2019) first shrinks x ← x(1 − αλ), decoupled from the gradient.
    Direction: m; step_size = (α/(1−β₁ᵗ)) / (√v/√(1−β₂ᵗ) + ε).
    """
    lr_at = _lr_fn(lr)
    b1, b2, eps, wd = float(beta1), float(beta2), float(eps), float(weight_decay)
    c1, c2 = 1.0 - b1, 1.0 - b2

    def init(params):
        return {"t": 0, "lr": 0.0, "m": _zeros(params), "v": _zeros(params),
                "step_size": _zeros(params)}

    def update(grads, state, params):
        t = state["t"] + 1
        a = lr_at(t - 1)
        lr_t = a / (1.0 - b1**t)
        sqrt_bc2 = math.sqrt(1.0 - b2**t)
        shrink = 1.0 - a * wd
        m_old, v_old = state["m"], state["v"]
        m_new, v_new, ss, new = {}, {}, {}, {}
        for k, g in grads.items():
            m = b1 * m_old[k] + c1 * g
            v = b2 * v_old[k] + c2 * (g * g)
            s = lr_t / (_sqrt(v) / sqrt_bc2 + eps)
            m_new[k], v_new[k], ss[k] = m, v, s
            p = params[k] * shrink if wd else params[k]
            new[k] = p - s * m
        return new, {"t": t, "lr": a, "m": m_new, "v": v_new, "step_size": ss}

    return init, update


def _adamw(lr, beta1, beta2, eps, weight_decay):
    return _adam(lr, beta1, beta2, eps, weight_decay)


def _radam(lr, beta1, beta2, eps):
    """RAdam (Liu et al. 2020), torch.optim.RAdam.

    m, v as Adam; m̂ = m/(1−β₁ᵗ); ρ∞ = 2/(1−β₂) − 1; ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ).
    If ρₜ > 5 (the variance of the adaptive rate is tractable):
        r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ));  x ← x − α r m̂ √(1−β₂ᵗ)/(√v + ε)
    else (the first few steps): x ← x − α m̂  (un-adapted momentum step, a built-in warm-up).
    Direction: m (raw); step_size = the factor multiplying m in the line used.
    """
    lr_at = _lr_fn(lr)
    b1, b2, eps = float(beta1), float(beta2), float(eps)
    c1, c2 = 1.0 - b1, 1.0 - b2
    rho_inf = 2.0 / (1.0 - b2) - 1.0

    def init(params):
        return {"t": 0, "lr": 0.0, "m": _zeros(params), "v": _zeros(params),
                "step_size": _zeros(params), "rho_t": 0.0}

    def update(grads, state, params):
        t = state["t"] + 1
        a = lr_at(t - 1)
        bc1 = 1.0 - b1**t
        bc2 = 1.0 - b2**t
        rho_t = rho_inf - 2.0 * t * b2**t / bc2
        rect = None
        if rho_t > RADAM_THRESHOLD:
            rect = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf
                             / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
            scale = a / bc1 * rect * math.sqrt(bc2)
        m_old, v_old = state["m"], state["v"]
        m_new, v_new, ss, new = {}, {}, {}, {}
        for k, g in grads.items():
            m = b1 * m_old[k] + c1 * g
            v = b2 * v_old[k] + c2 * (g * g)
            if rect is None:
                s = _full_like(m, a / bc1)
            else:
                s = scale / (_sqrt(v) + eps)
            m_new[k], v_new[k], ss[k] = m, v, s
            new[k] = params[k] - s * m
        return new, {"t": t, "lr": a, "m": m_new, "v": v_new, "step_size": ss, "rho_t": rho_t}

    return init, update


def _nadam(lr, beta1, beta2, eps, momentum_decay):
    """NAdam (Dozat 2016), torch.optim.NAdam: Adam with a Nesterov-style look-ahead momentum.

    μₜ = β₁(1 − ½·0.96^(tψ));  Πₜ = ∏ μ;  m, v as Adam;  d = √(v/(1−β₂ᵗ)) + ε
    x ← x − α [(1−μₜ)/(1−Πₜ) · g + μₜ₊₁/(1−Πₜμₜ₊₁) · m] / d.
    Direction: the bracket; step_size = α / d.
    """
    lr_at = _lr_fn(lr)
    b1, b2, eps, psi = float(beta1), float(beta2), float(eps), float(momentum_decay)
    c1, c2 = 1.0 - b1, 1.0 - b2

    def init(params):
        return {"t": 0, "lr": 0.0, "m": _zeros(params), "v": _zeros(params),
                "step_size": _zeros(params), "mu_product": 1.0}

    def update(grads, state, params):
        t = state["t"] + 1
        a = lr_at(t - 1)
        bc2 = 1.0 - b2**t
        mu = b1 * (1.0 - 0.5 * 0.96 ** (t * psi))
        mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
        prod = state["mu_product"] * mu
        cg = (1.0 - mu) / (1.0 - prod)
        cm = mu_next / (1.0 - prod * mu_next)
        m_old, v_old = state["m"], state["v"]
        m_new, v_new, ss, new = {}, {}, {}, {}
        for k, g in grads.items():
            m = b1 * m_old[k] + c1 * g
            v = b2 * v_old[k] + c2 * (g * g)
            s = a / (_sqrt(v / bc2) + eps)
            m_new[k], v_new[k], ss[k] = m, v, s
            new[k] = params[k] - s * (cg * g + cm * m)
        return new, {"t": t, "lr": a, "m": m_new, "v": v_new, "step_size": ss,
                     "mu_product": prod}

    return init, update


# ---------------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------------

# Learning rates per surface (columns) for each optimizer (rows): each converges from the
# surface's start in a few hundred steps without diverging (tested on every surface). The
# quadratic column is for κ = 20 (see ``default_lr``); "custom" suits a typed formula on a box
# of half-width ~5 with order-1 curvature.
SURFACE_NAMES = ("quadratic", "saddle", "rosenbrock", "beale", "himmelblau", "booth",
                 "rastrigin", "styblinski_tang", "custom")
_LR_TABLE = {
    "sgd":      (0.09, 0.05, 1e-3, 0.01, 0.01, 0.02, 1e-3, 0.01, 0.01),
    "momentum": (0.02, 0.02, 1e-3, 2e-3, 2e-3, 0.01, 2e-4, 2e-3, 5e-3),
    "nesterov": (0.02, 0.02, 1e-3, 2e-3, 2e-3, 0.01, 2e-4, 2e-3, 5e-3),
    "adagrad":  (1.0, 0.5, 1.0, 0.5, 0.5, 2.0, 0.5, 1.0, 0.5),
    "rmsprop":  (0.1, 0.02, 0.01, 0.01, 0.02, 0.1, 0.01, 0.05, 0.02),
    "adadelta": (3.0, 1.0, 1.0, 1.0, 1.0, 3.0, 1.0, 1.0, 1.0),
    "adam":     (0.3, 0.05, 0.1, 0.05, 0.1, 0.3, 0.05, 0.1, 0.05),
    "adamw":    (0.3, 0.05, 0.1, 0.05, 0.1, 0.3, 0.05, 0.1, 0.05),
    "nadam":    (0.3, 0.05, 0.05, 0.05, 0.1, 0.3, 0.05, 0.1, 0.05),
    "radam":    (0.3, 0.05, 0.01, 0.01, 0.1, 0.3, 0.01, 0.01, 0.01),
}


def _lrs(name: str) -> dict:
    return dict(zip(SURFACE_NAMES, _LR_TABLE[name], strict=True))


# Colours: Okabe & Ito's colour-blind-safe set plus two of Paul Tol's, each with its own dash
# where two colours come close for a colour-blind eye (a test checks every pair).
OPTIMIZERS: dict[str, OptimizerSpec] = {
    s.name: s
    for s in [
        OptimizerSpec(
            "sgd", "SGD", {"lr": 0.01},
            r"x_{t+1} = x_t - \alpha\, g_t",
            "Robbins & Monro, 1951", _sgd,
            grids={"lr": LR_GRID}, lr_by_surface=_lrs("sgd"), color="#000000",
            direction="grad", curvature_limited=True,
        ),
        OptimizerSpec(
            "momentum", "Momentum", {"lr": 0.01, "momentum": 0.9},
            r"b_{t+1} = \rho\, b_t + g_t,\qquad x_{t+1} = x_t - \alpha\, b_{t+1}",
            "Polyak, 1964; Sutskever et al., ICML 2013", _momentum, ("velocity",),
            grids={"lr": LR_GRID, "momentum": MOMENTUM_GRID}, lr_by_surface=_lrs("momentum"),
            color="#D55E00", direction="velocity", memory="velocity", curvature_limited=True,
        ),
        OptimizerSpec(
            "nesterov", "Nesterov", {"lr": 0.01, "momentum": 0.9},
            # two lines: torch's rule, then the lecture's look-ahead form it equals
            r"\begin{aligned}&b_{t+1} = \rho\, b_t + g_t,\qquad"
            r" x_{t+1} = x_t - \alpha\,(g_t + \rho\, b_{t+1})\\"
            r"&\equiv\ v_{t+1} = \rho v_t - \alpha \nabla f(\tilde x_t + \rho v_t),\quad"
            r" \tilde x_{t+1} = \tilde x_t + v_{t+1},\quad x_t = \tilde x_t + \rho v_t"
            r"\end{aligned}",
            "Nesterov, 1983; Sutskever et al., ICML 2013", _nesterov, ("velocity",),
            grids={"lr": LR_GRID, "momentum": MOMENTUM_GRID}, lr_by_surface=_lrs("nesterov"),
            color="#E69F00", dash="dash", direction="nesterov", memory="velocity",
            curvature_limited=True,
        ),
        OptimizerSpec(
            "adagrad", "AdaGrad", {"lr": 0.01, "eps": 1e-10},
            r"h_{t+1} = h_t + g_t \odot g_t,\qquad"
            r" x_{t+1} = x_t - \frac{\alpha}{\sqrt{h_{t+1}} + \epsilon} \odot g_t",
            "Duchi, Hazan & Singer, JMLR 2011", _adagrad, ("sum_sq", "step_size"),
            grids={"lr": LR_GRID, "eps": EPS_GRID}, lr_by_surface=_lrs("adagrad"),
            color="#009E73",
        ),
        OptimizerSpec(
            "rmsprop", "RMSProp", {"lr": 0.01, "decay": 0.99, "eps": 1e-8},
            r"v_{t+1} = \gamma\, v_t + (1-\gamma)\, g_t^2,\qquad"
            r" x_{t+1} = x_t - \frac{\alpha}{\sqrt{v_{t+1}} + \epsilon} \odot g_t",
            "Tieleman & Hinton, Coursera lecture 6.5, 2012", _rmsprop, ("v", "step_size"),
            grids={"lr": LR_GRID, "decay": DECAY_GRID, "eps": EPS_GRID},
            lr_by_surface=_lrs("rmsprop"), color="#0072B2", dash="dashdot",
        ),
        OptimizerSpec(
            "adadelta", "Adadelta", {"lr": 1.0, "rho": 0.9, "eps": 1e-6},
            r"\begin{aligned}&v_{t+1} = \rho v_t + (1-\rho) g_t^2,\quad"
            r" \Delta_t = \frac{\sqrt{u_t+\epsilon}}{\sqrt{v_{t+1}+\epsilon}} \odot g_t,\\"
            r"&u_{t+1} = \rho u_t + (1-\rho)\Delta_t^2,\quad x_{t+1} = x_t - \alpha \Delta_t"
            r"\end{aligned}",
            "Zeiler, arXiv:1212.5701, 2012", _adadelta, ("v", "u", "step_size"),
            grids={"lr": LR_GRID, "rho": DECAY_GRID, "eps": EPS_GRID},
            lr_by_surface=_lrs("adadelta"), color="#56B4E9", dash="dot",
        ),
        OptimizerSpec(
            "adam", "Adam", {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
            r"m_{t+1} = \beta_1 m_t + (1-\beta_1) g_t,\quad"
            r" v_{t+1} = \beta_2 v_t + (1-\beta_2) g_t^2,\quad"
            r" x_{t+1} = x_t - \alpha\,\frac{m_{t+1}/(1-\beta_1^{t+1})}"
            r"{\sqrt{v_{t+1}/(1-\beta_2^{t+1})} + \epsilon}",
            "Kingma & Ba, ICLR 2015", _adam, ("m", "v", "step_size"),
            grids=_ADAM_GRIDS, lr_by_surface=_lrs("adam"), color="#CC79A7", direction="m",
            memory="m",
        ),
        OptimizerSpec(
            "adamw", "AdamW",
            {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.01},
            r"x \leftarrow x\,(1 - \alpha\lambda),\ \text{then the Adam step}",
            "Loshchilov & Hutter, ICLR 2019", _adamw, ("m", "v", "step_size"),
            grids={**_ADAM_GRIDS, "weight_decay": WEIGHT_DECAY_GRID},
            lr_by_surface=_lrs("adamw"), color="#882255", dash="dash", direction="m",
            memory="m",
        ),
        OptimizerSpec(
            "nadam", "NAdam",
            {"lr": 2e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "momentum_decay": 4e-3},
            r"\begin{aligned}&\mu_t = \beta_1\big(1 - \tfrac12\, 0.96^{t\psi}\big),\\"
            r"&x_t = x_{t-1} - \alpha\,\frac{\frac{1-\mu_t}{1-\prod_{i\le t}\mu_i}\, g_t"
            r" + \frac{\mu_{t+1}}{1-\prod_{i\le t+1}\mu_i}\, m_t}"
            r"{\sqrt{v_t/(1-\beta_2^{t})} + \epsilon}\end{aligned}",
            "Dozat, ICLR workshop 2016", _nadam, ("m", "v", "step_size"),
            grids={**_ADAM_GRIDS, "momentum_decay": MOMENTUM_DECAY_GRID},
            lr_by_surface=_lrs("nadam"), color="#999933", dash="longdash", direction="nadam",
            memory="m",
        ),
        OptimizerSpec(
            "radam", "RAdam", {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
            # three lines: the symbols, the rectification, the step (one line ran off the page)
            r"\begin{aligned}&\hat m_t = \frac{m_t}{1-\beta_1^t},\quad"
            r" \rho_\infty = \frac{2}{1-\beta_2} - 1,\quad"
            r" \rho_t = \rho_\infty - \frac{2t\beta_2^t}{1-\beta_2^t},\\"
            r"&r_t = \sqrt{\frac{(\rho_t-4)(\rho_t-2)\,\rho_\infty}"
            r"{(\rho_\infty-4)(\rho_\infty-2)\,\rho_t}},\\"
            r"&x_t = x_{t-1} - \alpha\, \hat m_t \cdot \begin{cases} r_t\,"
            r"\frac{\sqrt{1-\beta_2^t}}{\sqrt{v_t}+\epsilon} & \rho_t > 5 \\ 1 & \rho_t \le 5"
            r"\end{cases}\end{aligned}",
            "Liu et al., ICLR 2020", _radam, ("m", "v", "step_size"),
            grids=_ADAM_GRIDS, lr_by_surface=_lrs("radam"), color="#332288", dash="dashdot",
            direction="m", memory="m", curvature_limited=True,
        ),
    ]
}

RADAM_THRESHOLD = 5.0
"""RAdam adapts once ρ_t exceeds this: torch.optim.RAdam's 5 (Liu et al.'s Algorithm 2 says
4, where r_t is first defined; torch keeps a margin). The lab follows torch's numbers."""


def radam_warmup_steps(beta2: float, threshold: float = RADAM_THRESHOLD,
                       max_steps: int = 100_000) -> int:
    """How many of RAdam's first steps are un-adapted momentum steps (ρ_t ≤ threshold):
    5 for β₂ = 0.999 with torch's threshold 5, 4 with Liu et al.'s 4."""
    b2 = float(beta2)
    rho_inf = 2.0 / (1.0 - b2) - 1.0
    for t in range(1, max_steps + 1):
        if rho_inf - 2.0 * t * b2**t / (1.0 - b2**t) > threshold:
            return t - 1
    return max_steps


def default_lr(name: str, surface: str, condition: float = 20.0) -> float:
    """The learning rate ``name`` starts with on ``surface`` (its table entry, else the
    optimizer's own default). On the quadratic bowl a curvature-limited rate scales with
    20/κ (it is stable only for α < 2/κ), never above the κ = 20 entry."""
    spec = OPTIMIZERS[name]
    lr = float(spec.lr_by_surface.get(surface, spec.defaults["lr"]))
    if surface == "quadratic" and spec.curvature_limited:
        lr *= min(1.0, 20.0 / float(condition))
    return lr


def make_optimizer(name: str, **hp) -> Optimizer:
    """Build a registered optimizer; hyperparameters not given take the registry defaults.

    >>> opt = make_optimizer("adam", lr=0.1)
    >>> state = opt.init({"xy": np.zeros(2)})
    """
    try:
        spec = OPTIMIZERS[name]
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r}; choose from {sorted(OPTIMIZERS)}") from None
    unknown = set(hp) - set(spec.defaults)
    if unknown:
        raise ValueError(
            f"{name} has no hyperparameter(s) {sorted(unknown)}; it takes {sorted(spec.defaults)}"
        )
    resolved = {**spec.defaults, **hp}
    for key, value in resolved.items():
        if key != "lr" and not (isinstance(value, int | float) and math.isfinite(value)):
            raise ValueError(f"{name}: {key} must be a finite number, got {value!r}")
    init, update = spec.build(**resolved)
    return Optimizer(name, resolved, init, update)


# ---------------------------------------------------------------------------------------------
# Learning-rate schedules: callables step -> lr, with step the 0-based update index.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    """A learning rate as a function of the 0-based step; ``sched(t)`` or ``sched.values(n)``."""

    name: str
    lr: float
    total_steps: int
    kw: dict
    fn: Callable[[int], float] = field(repr=False)

    def __call__(self, t: int) -> float:
        return self.fn(t)

    def values(self, n: int | None = None) -> np.ndarray:
        """The learning rate at steps 0..n-1 (default: total_steps), for plotting."""
        n = self.total_steps if n is None else n
        return np.array([self.fn(t) for t in range(n)], dtype=np.float64)


@dataclass(frozen=True)
class ScheduleSpec:
    name: str
    label: str
    defaults: dict  # keyword -> default (None = derived from total_steps)
    formula: str


def _constant(lr, total_steps):
    return lambda t: lr


def _step(lr, total_steps, step_size=None, gamma=0.1):
    """torch StepLR: α·γ^⌊t / step_size⌋ (default step_size: a third of the run)."""
    size = int(step_size) if step_size else max(1, total_steps // 3)
    return lambda t: lr * gamma ** (t // size)


def _exponential(lr, total_steps, gamma=None, final_factor=0.01):
    """torch ExponentialLR: α·γ^t; by default γ is chosen so the last step uses α·final_factor."""
    g = float(gamma) if gamma is not None else final_factor ** (1.0 / max(1, total_steps - 1))
    return lambda t: lr * g**t


def _cosine(lr, total_steps, eta_min=0.0):
    """torch CosineAnnealingLR without restarts: η_min + (α − η_min)(1 + cos(π t/T))/2."""
    period = max(1, total_steps)

    def fn(t):
        return eta_min + (lr - eta_min) * 0.5 * (1.0 + math.cos(math.pi * min(t, period) / period))

    return fn


_SCHEDULE_BUILDERS = {
    "constant": _constant, "step": _step, "exponential": _exponential, "cosine": _cosine,
}

SCHEDULES: dict[str, ScheduleSpec] = {
    "constant": ScheduleSpec("constant", "Constant", {}, r"\alpha_t = \alpha"),
    "step": ScheduleSpec(
        "step", "Step decay", {"step_size": None, "gamma": 0.1},
        r"\alpha_t = \alpha\,\gamma^{\lfloor t / s \rfloor}",
    ),
    "exponential": ScheduleSpec(
        "exponential", "Exponential decay", {"gamma": None, "final_factor": 0.01},
        r"\alpha_t = \alpha\,\gamma^{t}",
    ),
    "cosine": ScheduleSpec(
        "cosine", "Cosine annealing", {"eta_min": 0.0},
        r"\alpha_t = \eta_{min} + \tfrac12(\alpha - \eta_{min})(1 + \cos(\pi t / T))",
    ),
}


def make_schedule(name: str, lr: float, total_steps: int, **kw) -> Schedule:
    """A learning-rate schedule usable as ``make_optimizer(..., lr=make_schedule(...))``."""
    if name not in _SCHEDULE_BUILDERS:
        raise ValueError(f"unknown schedule {name!r}; choose from {sorted(SCHEDULES)}")
    unknown = set(kw) - set(SCHEDULES[name].defaults)
    if unknown:
        raise ValueError(f"schedule {name} has no option(s) {sorted(unknown)}")
    lr = float(lr)
    if not lr > 0.0:
        raise ValueError(f"learning rate must be a positive number, got {lr!r}")
    fn = _SCHEDULE_BUILDERS[name](lr, int(total_steps), **kw)
    return Schedule(name, lr, int(total_steps), dict(kw), fn)


# ---------------------------------------------------------------------------------------------
# Running an optimizer on a 2D function
# ---------------------------------------------------------------------------------------------


@dataclass
class Descent:
    """The result of ``descend``.

    path: (k+1, 2) points x_0..x_k, all finite; grads: (k, 2) the (noisy) gradients used for steps
    1..k; diverged_at: the 1-based step whose result was non-finite or left the box (then
    path[-1] is the last finite point and diverged_at == k + 1), else None; reason: why, a code
    of ``nncore.divergence`` (LEFT_BOX, OVERFLOW: a value became infinite, UNDEFINED: f or its
    gradient is NaN there, the point left f's domain); states: the optimizer state after each step (k dicts) when record_state=True, whose
    per-parameter entries have the keys "x" and "y" (see ``descend``); losses: f along the path
    when a loss_fn was given.
    """

    path: np.ndarray
    grads: np.ndarray
    diverged_at: int | None = None
    reason: str | None = None
    states: list | None = None
    losses: np.ndarray | None = None

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None


# long: the step loop with its float fast path and every way a path can stop, kept together
# so the order of checks (gradient, box, loss) is visible in one place
def descend(
    grad_fn: Callable,
    x0,
    optimizer: Optimizer,
    steps: int,
    *,
    noise: float = 0.0,
    rng: np.random.Generator | None = None,
    record_state: bool = False,
    loss_fn: Callable | None = None,
    limit: float = 1e6,
) -> Descent:
    """Run ``optimizer`` for up to ``steps`` updates from ``x0`` on a 2D function.

    grad_fn(x, y) -> (gx, gy), e.g. ``SURFACES["rosenbrock"].grad``. With ``noise`` σ > 0 each
    gradient gets N(0, σ²) added per coordinate, drawn from ``rng`` (required then). Stops at the
    first step whose gradient or new point is not finite or has |x| or |y| > ``limit``; with
    ``loss_fn(x, y)`` also at the first point whose loss is not finite. Never raises for
    divergence and never returns NaN.

    The point is handed to the optimizer as two scalar parameters, {"x": x, "y": y}, Python
    floats: every update rule here is elementwise, so this is the same IEEE arithmetic as one
    2-vector parameter (bit for bit, tested), without the per-call overhead of NumPy on
    2-element arrays, which is what a 2D race spends its time on (6 optimizers × 1000 steps with
    their states: 64 ms as arrays, 13 ms as floats). Plain floats raise where NumPy would give
    inf or NaN (a division by zero, a square root of a negative number): such a step counts
    as divergence.
    """
    steps = int(steps)
    if steps < 0:
        raise ValueError("steps must be >= 0")
    start = np.array(x0, dtype=np.float64).reshape(2)
    if not np.all(np.isfinite(start)):
        raise ValueError(f"start point must be finite, got {x0!r}")
    if noise and rng is None:
        raise ValueError("noise > 0 needs an explicit rng=np.random.Generator")
    draws = (float(noise) * rng.standard_normal((steps, 2))).tolist() if noise else None

    x, y = start.tolist()
    params = {"x": x, "y": y}
    state = optimizer.init(params)
    update = optimizer.update
    points, grads = [(x, y)], []
    states = [] if record_state else None
    diverged_at, reason = None, None
    isfinite = math.isfinite
    with np.errstate(all="ignore"):
        for i in range(steps):
            gx, gy = grad_fn(x, y)
            if not (isfinite(gx) and isfinite(gy)):
                nan = math.isnan(gx) or math.isnan(gy)
                diverged_at, reason = i + 1, UNDEFINED if nan else OVERFLOW
                break
            if draws is not None:
                ex, ey = draws[i]
                gx, gy = gx + ex, gy + ey
            g = (float(gx), float(gy))
            try:
                new_params, new_state = update({"x": g[0], "y": g[1]}, state, params)
                nx, ny = float(new_params["x"]), float(new_params["y"])
            except (ZeroDivisionError, OverflowError, ValueError):
                nx = ny = math.nan
            if not (abs(nx) <= limit and abs(ny) <= limit):  # NaN fails the comparison too
                reason = LEFT_BOX if isfinite(nx) and isfinite(ny) else OVERFLOW
                diverged_at = i + 1
                break
            params, state, x, y = new_params, new_state, nx, ny
            points.append((x, y))
            grads.append(g)
            if states is not None:
                states.append(state)
        path = np.array(points, dtype=np.float64)
        grads = np.array(grads, dtype=np.float64).reshape(-1, 2)
        losses = None
        if loss_fn is not None:
            losses = np.asarray(loss_fn(path[:, 0], path[:, 1]), dtype=np.float64)
            bad = np.flatnonzero(~np.isfinite(losses))
            if bad.size:
                j = int(bad[0])  # point j is the result of step j
                if j == 0:
                    raise ValueError("the loss is not finite at the start point")
                reason = UNDEFINED if np.isnan(losses[j]) else OVERFLOW
                path, grads, losses = path[:j], grads[: j - 1], losses[:j]
                if states is not None:
                    del states[j - 1:]
                diverged_at = j
    return Descent(path, grads, diverged_at, reason, states, losses)


def state_history(descent: Descent) -> dict:
    """Per-step arrays from a ``descend(..., record_state=True)`` run, for the internals view.

    Returns ``lr`` (k,): the learning rate each step used; ``step_size`` (k, 2): the
    per-coordinate effective step size (``state["step_size"]``, or α for SGD/Momentum/
    Nesterov); ``memory`` (k, 2) and ``memory_kind``: the direction the optimizer remembers,
    as the way it pushes the point: −velocity ("velocity"), −first moment ("m"), or, for an
    optimizer without either, the step actually taken ("step").
    """
    states = descent.states
    if states is None:
        raise ValueError("run descend(..., record_state=True) to get the state history")
    k = len(states)
    if k == 0:
        return {"lr": np.zeros(0), "step_size": np.zeros((0, 2)), "memory": np.zeros((0, 2)),
                "memory_kind": "step"}
    first = states[0]
    lr = np.array([s["lr"] for s in states], dtype=np.float64)
    if "velocity" in first:
        memory, kind = -_per_coordinate(states, "velocity"), "velocity"
    elif "m" in first:
        memory, kind = -_per_coordinate(states, "m"), "m"
    else:
        memory, kind = np.diff(descent.path[: k + 1], axis=0), "step"
    if "step_size" in first:
        step_size = _per_coordinate(states, "step_size")
    else:
        step_size = np.repeat(lr[:, None], 2, axis=1)
    return {"lr": lr, "step_size": step_size, "memory": memory, "memory_kind": kind}


def _per_coordinate(states: list, name: str) -> np.ndarray:
    """(k, 2) array of a per-parameter state entry over a ``descend`` run's states."""
    return np.array([(s[name]["x"], s[name]["y"]) for s in states], dtype=np.float64)
