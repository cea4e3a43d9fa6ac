"""Weight initializers: ``initialize(name, fan_in, fan_out, rng, scale=None) -> (fan_in, fan_out)``.

The variance rules keep the signal's scale from layer to layer (lecture: "Initialization is
extremely important"). For a layer z = a·W with n = fan_in inputs of second moment E[a²],
Var(z) = n · Var(W) · E[a²]; each rule picks Var(W) so this stays ≈ constant.
All normals are plain (not truncated). Uniform U(-L, L) has variance L²/3.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Initializer:
    name: str
    label: str
    formula: str  # LaTeX of the standard deviation / range
    draw: Callable[[int, int, np.random.Generator, float | None], np.ndarray]
    uses_scale: bool = False


def zeros(fan_in, fan_out, rng, scale=None):
    """W = 0. Every unit computes the same thing: symmetry is never broken."""
    return np.zeros((fan_in, fan_out))


def normal(fan_in, fan_out, rng, scale=None):
    """W ~ N(0, scale²), scale defaults to 0.01 (the lecture's `0.01 * np.random.randn`)."""
    return (0.01 if scale is None else scale) * rng.standard_normal((fan_in, fan_out))


def uniform(fan_in, fan_out, rng, scale=None):
    """W ~ U(-scale, scale), scale defaults to 0.05."""
    s = 0.05 if scale is None else scale
    return rng.uniform(-s, s, (fan_in, fan_out))


def lecun_normal(fan_in, fan_out, rng, scale=None):
    """W ~ N(0, 1/fan_in). LeCun et al., "Efficient BackProp" (1998)."""
    return rng.standard_normal((fan_in, fan_out)) * np.sqrt(1.0 / fan_in)


def lecun_uniform(fan_in, fan_out, rng, scale=None):
    """W ~ U(-L, L), L = sqrt(3/fan_in), so Var = 1/fan_in. LeCun et al. (1998)."""
    lim = np.sqrt(3.0 / fan_in)
    return rng.uniform(-lim, lim, (fan_in, fan_out))


def xavier_normal(fan_in, fan_out, rng, scale=None):
    """W ~ N(0, 2/(fan_in+fan_out)). Glorot & Bengio, AISTATS 2010."""
    return rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / (fan_in + fan_out))


def xavier_uniform(fan_in, fan_out, rng, scale=None):
    """W ~ U(-L, L), L = sqrt(6/(fan_in+fan_out)), so Var = 2/(fan_in+fan_out). Glorot & Bengio."""
    lim = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-lim, lim, (fan_in, fan_out))


def he_normal(fan_in, fan_out, rng, scale=None):
    """W ~ N(0, 2/fan_in): ReLU zeroes half the inputs, so twice LeCun's variance.
    He et al., "Delving Deep into Rectifiers", ICCV 2015."""
    return rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in)


def he_uniform(fan_in, fan_out, rng, scale=None):
    """W ~ U(-L, L), L = sqrt(6/fan_in), so Var = 2/fan_in. He et al., ICCV 2015."""
    lim = np.sqrt(6.0 / fan_in)
    return rng.uniform(-lim, lim, (fan_in, fan_out))


def orthogonal(fan_in, fan_out, rng, scale=None):
    """W with orthonormal columns (or rows, if fan_in < fan_out), times gain = scale (default 1).

    QR of a Gaussian matrix with the signs of R's diagonal folded into Q, which makes the result
    Haar-distributed. Saxe et al., "Exact solutions to the nonlinear dynamics of learning in deep
    linear neural networks", ICLR 2014.
    """
    gain = 1.0 if scale is None else scale
    big, small = max(fan_in, fan_out), min(fan_in, fan_out)
    q, r = np.linalg.qr(rng.standard_normal((big, small)))
    q = q * np.sign(np.diag(r))
    w = q if fan_in >= fan_out else q.T
    return gain * w


INITIALIZERS: dict[str, Initializer] = {
    i.name: i
    for i in [
        Initializer("zeros", "Zeros", r"W = 0", zeros),
        Initializer("normal", "Normal N(0, s²)", r"\sigma = s", normal, uses_scale=True),
        Initializer("uniform", "Uniform U(−s, s)", r"W \sim U(-s, s)", uniform, uses_scale=True),
        Initializer("lecun_normal", "LeCun normal", r"\sigma = \sqrt{1/n_{in}}", lecun_normal),
        Initializer("lecun_uniform", "LeCun uniform", r"L = \sqrt{3/n_{in}}", lecun_uniform),
        Initializer(
            "xavier_normal",
            "Xavier (Glorot) normal",
            r"\sigma = \sqrt{2/(n_{in}+n_{out})}",
            xavier_normal,
        ),
        Initializer(
            "xavier_uniform",
            "Xavier (Glorot) uniform",
            r"L = \sqrt{6/(n_{in}+n_{out})}",
            xavier_uniform,
        ),
        Initializer("he_normal", "He (Kaiming) normal", r"\sigma = \sqrt{2/n_{in}}", he_normal),
        Initializer("he_uniform", "He (Kaiming) uniform", r"L = \sqrt{6/n_{in}}", he_uniform),
        Initializer("orthogonal", "Orthogonal", r"W^\top W = I \ (\times \text{gain})", orthogonal),
    ]
}


def initialize(
    name: str, fan_in: int, fan_out: int, rng: np.random.Generator, scale: float | None = None
) -> np.ndarray:
    """Draw a (fan_in, fan_out) float64 weight matrix with the named rule (see INITIALIZERS)."""
    if name not in INITIALIZERS:
        raise ValueError(f"unknown initializer {name!r}; choose one of {sorted(INITIALIZERS)}")
    return np.asarray(INITIALIZERS[name].draw(fan_in, fan_out, rng, scale), dtype=np.float64)


def weight_std(name: str, fan_in: int, fan_out: int, scale: float | None = None) -> float:
    """The standard deviation of W that the rule aims for (used by the theory overlays)."""
    table = {
        "zeros": 0.0,
        "normal": 0.01 if scale is None else scale,
        "uniform": (0.05 if scale is None else scale) / np.sqrt(3.0),
        "lecun_normal": np.sqrt(1.0 / fan_in),
        "lecun_uniform": np.sqrt(1.0 / fan_in),
        "xavier_normal": np.sqrt(2.0 / (fan_in + fan_out)),
        "xavier_uniform": np.sqrt(2.0 / (fan_in + fan_out)),
        "he_normal": np.sqrt(2.0 / fan_in),
        "he_uniform": np.sqrt(2.0 / fan_in),
        # An orthogonal (big x small) matrix has columns of unit norm: entry variance 1/big.
        "orthogonal": (1.0 if scale is None else scale) / np.sqrt(max(fan_in, fan_out)),
    }
    return float(table[name])
