"""Losses for classification: ``loss(out, y) -> (value, dout)``, mean over samples.

``out`` are the network's raw outputs (logits); the losses apply softmax/sigmoid themselves in a
numerically stable way, so a huge logit never produces inf or NaN.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .activations import sigmoid

Array = np.ndarray


def softmax(logits: Array) -> Array:
    """softmax(z)_c = e^{z_c - max z} / Σ_k e^{z_k - max z}.  logits: (N, C)."""
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_ce(logits: Array, y: Array) -> tuple[float, Array]:
    """Softmax cross-entropy with integer labels.  logits: (N, C), y: (N,) int.

    L = -1/N Σ_n log softmax(z_n)_{y_n}, with log-sum-exp stabilisation;
    dL/dz = (softmax(z) - onehot(y)) / N.
    """
    n = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_p = shifted - log_norm
    rows = np.arange(n)
    loss = -log_p[rows, y].mean()
    d = np.exp(log_p)
    d[rows, y] -= 1.0
    return float(loss), d / n


def bce(logits: Array, y: Array) -> tuple[float, Array]:
    """Binary cross-entropy on one logit.  logits: (N, 1), y: (N,) in {0, 1}.

    L = 1/N Σ softplus(z) - y·z  (= -y log σ(z) - (1-y) log(1-σ(z)), stable for any z);
    dL/dz = (σ(z) - y) / N.
    """
    z = logits[:, 0]
    t = y.astype(np.float64)
    loss = np.mean(np.logaddexp(0.0, z) - t * z)
    return float(loss), ((sigmoid(z) - t) / z.shape[0])[:, None]


def mse_targets(y: Array, n_out: int) -> Array:
    """Targets for MSE: labels as a column if one output, else one-hot rows."""
    if n_out == 1:
        return y.astype(np.float64)[:, None]
    t = np.zeros((y.shape[0], n_out))
    t[np.arange(y.shape[0]), y] = 1.0
    return t


def mse(out: Array, y: Array) -> tuple[float, Array]:
    """Mean squared error against mse_targets(y) (torch.nn.MSELoss: mean over all entries).

    L = 1/(N·C) Σ (out - t)²;  dL/dout = 2 (out - t) / (N·C).
    """
    diff = out - mse_targets(y, out.shape[1])
    return float(np.mean(diff * diff)), 2.0 * diff / diff.size


@dataclass(frozen=True)
class Loss:
    """A loss plus how to read class probabilities from the outputs it trains."""

    name: str
    label: str
    fn: Callable[[Array, Array], tuple[float, Array]]
    n_outputs: Callable[[int], int]  # n_classes -> output width
    proba: Callable[[Array], Array]  # outputs (N, n_out) -> class probabilities (N, n_classes)


def _binary_or_softmax(out: Array) -> Array:
    if out.shape[1] == 1:
        p = sigmoid(out[:, 0])
        return np.stack([1.0 - p, p], axis=1)
    return softmax(out)


def _clipped_scores(out: Array) -> Array:
    if out.shape[1] == 1:
        p = np.clip(out[:, 0], 0.0, 1.0)
        return np.stack([1.0 - p, p], axis=1)
    s = np.clip(out, 0.0, None) + 1e-12
    return s / s.sum(axis=1, keepdims=True)


LOSSES: dict[str, Loss] = {
    "softmax_ce": Loss("softmax_ce", "Cross-entropy (softmax)", softmax_ce, lambda c: c, softmax),
    "bce": Loss("bce", "Binary cross-entropy (sigmoid)", bce, lambda c: 1, _binary_or_softmax),
    "mse": Loss("mse", "Mean squared error", mse, lambda c: 1 if c == 2 else c, _clipped_scores),
}
"""Registry name -> Loss. ``n_outputs(n_classes)`` is the output width the loss expects."""
