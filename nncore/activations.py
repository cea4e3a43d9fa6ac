"""Elementwise activation functions and their derivatives.

Every entry of ``ACTIVATIONS`` has ``f(x)`` and ``df(x)``: the derivative with respect to the
*input* x (not expressed through the output), so a backward pass is ``dz = da * df(z)``.
Maxout is not elementwise (it takes a max over k linear pieces); it lives in ``nncore.layers``
and is offered by the MLP as the hidden activation name ``"maxout"``.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class Activation:
    """An elementwise nonlinearity g with its derivative g'.

    ``bounds`` is the output range for saturating functions (tanh, sigmoid, hard-tanh): a unit is
    "saturated" when its output lies within 1% of the range from either bound.
    """

    name: str
    label: str
    formula: str  # LaTeX
    f: Callable[[Array], Array]
    df: Callable[[Array], Array]
    bounds: tuple[float, float] | None = None


def sigmoid(x: Array) -> Array:
    """σ(x) = 1 / (1 + e^{-x}), computed as ½(1 + tanh(x/2)): stable for any |x|."""
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def _dsigmoid(x: Array) -> Array:
    s = sigmoid(x)
    return s * (1.0 - s)


def _dtanh(x: Array) -> Array:
    t = np.tanh(x)
    return 1.0 - t * t


def _relu(x: Array) -> Array:
    return np.maximum(x, 0.0)


def _drelu(x: Array) -> Array:
    return (x > 0).astype(np.float64)


LEAKY_SLOPE = 0.01
ELU_ALPHA = 1.0
GELU_C = np.sqrt(2.0 / np.pi)


def _leaky_relu(x: Array) -> Array:
    return np.where(x > 0, x, LEAKY_SLOPE * x)


def _dleaky_relu(x: Array) -> Array:
    return np.where(x > 0, 1.0, LEAKY_SLOPE)


def _elu(x: Array) -> Array:
    # expm1 of min(x, 0) avoids overflow warnings for large positive x.
    return np.where(x > 0, x, ELU_ALPHA * np.expm1(np.minimum(x, 0.0)))


def _delu(x: Array) -> Array:
    return np.where(x > 0, 1.0, ELU_ALPHA * np.exp(np.minimum(x, 0.0)))


def softplus(x: Array) -> Array:
    """softplus(x) = log(1 + e^x) = logaddexp(0, x): stable for any |x|."""
    return np.logaddexp(0.0, x)


def _abs(x: Array) -> Array:
    return np.abs(x)


def _dabs(x: Array) -> Array:
    return np.sign(x)


def _hard_tanh(x: Array) -> Array:
    return np.clip(x, -1.0, 1.0)


def _dhard_tanh(x: Array) -> Array:
    return ((x > -1.0) & (x < 1.0)).astype(np.float64)


def _swish(x: Array) -> Array:
    return x * sigmoid(x)


def _dswish(x: Array) -> Array:
    s = sigmoid(x)
    return s + x * s * (1.0 - s)


def _gelu(x: Array) -> Array:
    return 0.5 * x * (1.0 + np.tanh(GELU_C * (x + 0.044715 * x**3)))


def _dgelu(x: Array) -> Array:
    u = GELU_C * (x + 0.044715 * x**3)
    t = np.tanh(u)
    du = GELU_C * (1.0 + 3 * 0.044715 * x * x)
    return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * du


def _identity(x: Array) -> Array:
    return x


def _one(x: Array) -> Array:
    return np.ones_like(x, dtype=np.float64)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in [
        Activation("linear", "Linear (identity)", r"g(x) = x", _identity, _one),
        Activation(
            "sigmoid", "Sigmoid", r"\sigma(x) = \frac{1}{1+e^{-x}}", sigmoid, _dsigmoid, (0.0, 1.0)
        ),
        Activation("tanh", "Tanh", r"\tanh(x) = 2\sigma(2x) - 1", np.tanh, _dtanh, (-1.0, 1.0)),
        Activation("relu", "ReLU", r"\max(0, x)", _relu, _drelu),
        Activation(
            "leaky_relu",
            "Leaky ReLU (slope 0.01)",
            r"\max(0.01x, x)",
            _leaky_relu,
            _dleaky_relu,
        ),
        Activation(
            "elu",
            "ELU (α = 1)",
            r"x \text{ if } x>0 \text{ else } \alpha(e^{x}-1)",
            _elu,
            _delu,
        ),
        Activation("softplus", "Softplus", r"\log(1+e^{x})", softplus, sigmoid),
        Activation("abs", "Absolute-value rectification", r"|x|", _abs, _dabs),
        Activation(
            "hard_tanh", "Hard tanh", r"\max(-1, \min(1, x))", _hard_tanh, _dhard_tanh, (-1.0, 1.0)
        ),
        Activation("swish", "Swish / SiLU", r"x \, \sigma(x)", _swish, _dswish),
        Activation(
            "gelu",
            "GELU (tanh approximation)",
            r"\tfrac12 x\left(1+\tanh\!\left[\sqrt{2/\pi}\,(x+0.044715x^3)\right]\right)",
            _gelu,
            _dgelu,
        ),
    ]
}
"""Registry name -> Activation. GELU is the tanh approximation of Hendrycks & Gimpel (2016),
the same as ``torch.nn.GELU(approximate="tanh")``."""


def saturated_fraction(a: Array, name: str) -> float:
    """Fraction of entries of a within 1% of the output range from a bound (NaN if not bounded)."""
    bounds = ACTIVATIONS[name].bounds
    if bounds is None:
        return float("nan")
    lo, hi = bounds
    margin = 0.01 * (hi - lo)
    return float(np.mean((a <= lo + margin) | (a >= hi - margin)))
