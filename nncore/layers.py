"""Layers as forward/backward pairs (CS231n style).

``*_forward(x, ...) -> (out, cache)`` and ``*_backward(dout, cache) -> gradients``.
Shapes: x is (N, D) — N samples, D features. Every backward is checked against centered finite
differences in tests/test_layers.py.
"""

import numpy as np

Array = np.ndarray


def dense_forward(x: Array, W: Array, b: Array) -> tuple[Array, tuple]:
    """Affine layer z = x·W + b.  x: (N, D), W: (D, M), b: (M,) -> z: (N, M)."""
    return x @ W + b, (x, W)


def dense_backward(dz: Array, cache: tuple, need_dx: bool = True) -> tuple:
    """dx = dz·Wᵀ, dW = xᵀ·dz, db = Σ_n dz.  Returns (dx, dW, db); dx is None when
    ``need_dx`` is False (the first layer: nothing below it needs a gradient)."""
    x, W = cache
    return (dz @ W.T if need_dx else None), x.T @ dz, dz.sum(axis=0)


def batchnorm_forward(
    x: Array, gamma: Array, beta: Array, eps: float = 1e-5
) -> tuple[Array, tuple, Array, Array]:
    """Batch normalization, train mode (Ioffe & Szegedy, ICML 2015).

    μ = mean_n x, σ² = mean_n (x-μ)² (biased), x̂ = (x-μ)/√(σ²+ε), y = γ·x̂ + β.
    Returns (y, cache, μ, σ²); the caller folds μ, σ² into running statistics.
    """
    mu = x.mean(axis=0)
    xc = x - mu
    var = (xc * xc).mean(axis=0)
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = xc * inv_std
    return gamma * xhat + beta, (xhat, gamma, inv_std), mu, var


def batchnorm_eval_forward(
    x: Array, gamma: Array, beta: Array, mean: Array, var: Array, eps: float = 1e-5
) -> tuple[Array, tuple]:
    """Batch normalization, eval mode: y = γ·(x-running_mean)/√(running_var+ε) + β.

    The running statistics are constants here, so each sample is normalized on its own.
    """
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = (x - mean) * inv_std
    return gamma * xhat + beta, (xhat, gamma, inv_std)


def batchnorm_eval_backward(dy: Array, cache: tuple) -> tuple[Array, Array, Array]:
    """Backward of eval-mode batch norm (an affine map per unit): dx = dy·γ/σ, dγ = Σ dy·x̂,
    dβ = Σ dy.  Returns (dx, dγ, dβ)."""
    xhat, gamma, inv_std = cache
    return dy * (gamma * inv_std), (dy * xhat).sum(axis=0), dy.sum(axis=0)


def batchnorm_backward(dy: Array, cache: tuple) -> tuple[Array, Array, Array]:
    """Backward of train-mode batch norm.  Returns (dx, dγ, dβ).

    dx = (γ/σ̂)/N · (N·dy − Σdy − x̂·Σ(dy·x̂))  — the compact form of the chain rule through μ, σ².
    """
    xhat, gamma, inv_std = cache
    n = dy.shape[0]
    dbeta = dy.sum(axis=0)
    dgamma = (dy * xhat).sum(axis=0)
    dx = (gamma * inv_std / n) * (n * dy - dbeta - xhat * dgamma)
    return dx, dgamma, dbeta


def activation_forward(z: Array, f, df) -> tuple[Array, tuple]:
    """Elementwise activation a = f(z); ``df`` is its derivative (nncore.activations)."""
    return f(z), (z, df)


def activation_backward(da: Array, cache: tuple) -> Array:
    """dz = da ⊙ f'(z)."""
    z, df = cache
    return da * df(z)


def dropout_mask(shape: tuple, p: float, rng: np.random.Generator) -> Array:
    """Inverted-dropout mask: each unit kept with probability 1-p, kept ones scaled by 1/(1-p)."""
    return (rng.random(shape) >= p) / (1.0 - p)


def dropout_forward(x: Array, mask: Array) -> tuple[Array, Array]:
    """y = x ⊙ mask (train mode only; at eval time dropout is the identity)."""
    return x * mask, mask


def dropout_backward(dy: Array, mask: Array) -> Array:
    """dx = dy ⊙ mask."""
    return dy * mask


def maxout_forward(z: Array, k: int) -> tuple[Array, tuple]:
    """Maxout (Goodfellow et al., ICML 2013): a_j = max_p z_{j,p} over k linear pieces.

    z: (N, D·k), where unit j's pieces are columns j·k … j·k+k-1 -> a: (N, D).
    """
    n, dk = z.shape
    zr = z.reshape(n, dk // k, k)
    idx = zr.argmax(axis=2)
    return np.take_along_axis(zr, idx[..., None], axis=2)[..., 0], (idx, z.shape, k)


def maxout_backward(da: Array, cache: tuple) -> Array:
    """The gradient flows only to the winning piece of each unit."""
    idx, shape, k = cache
    dz = np.zeros((shape[0], shape[1] // k, k))
    np.put_along_axis(dz, idx[..., None], da[..., None], axis=2)
    return dz.reshape(shape)
