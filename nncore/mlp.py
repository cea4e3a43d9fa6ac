"""A multi-layer perceptron as plain functions over a dict of arrays.

Parameters: ``{"W1", "b1", ..., "WL", "bL"}`` with ``W`` shaped (fan_in, fan_out); with batch
norm also ``{"gamma1", "beta1", ...}`` for every hidden layer. Hidden layer l computes

    z_l = a_{l-1}·W_l + b_l   (then batch norm, if on)
    a_l = g(z_l)              (then inverted dropout, in train mode)

and the output layer is linear: out = a_{L-1}·W_L + b_L (the loss applies softmax/sigmoid).

Maxout layers (activation name ``"maxout"``) hold k linear pieces per unit, so their W is
(fan_in, k·fan_out); k is read back from the shapes, so forward/backward need not be told.
"""

from collections.abc import Sequence

import numpy as np

from .activations import ACTIVATIONS
from .init import initialize
from .layers import (
    activation_backward,
    activation_forward,
    batchnorm_backward,
    batchnorm_eval_backward,
    batchnorm_eval_forward,
    batchnorm_forward,
    dense_backward,
    dense_forward,
    dropout_backward,
    dropout_forward,
    dropout_mask,
    maxout_backward,
    maxout_forward,
)
from .losses import LOSSES

Array = np.ndarray
ActivationSpec = str | Sequence[str]

HIDDEN_ACTIVATIONS = [*ACTIVATIONS, "maxout"]
"""Every name a hidden layer accepts: the elementwise ACTIVATIONS plus maxout."""


def n_layers(params: dict) -> int:
    """Number of weight layers L (hidden layers + the output layer)."""
    n = 0
    while f"W{n + 1}" in params:
        n += 1
    return n


def layer_activations(activation: ActivationSpec, n_hidden: int) -> list[str]:
    """One activation name per hidden layer: a single name is repeated, a list is checked."""
    names = [activation] * n_hidden if isinstance(activation, str) else list(activation)
    if len(names) != n_hidden:
        raise ValueError(f"{len(names)} activations given for {n_hidden} hidden layers")
    for name in names:
        if name not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"unknown activation {name!r}; choose one of {HIDDEN_ACTIVATIONS}")
    return names


def init_mlp(
    sizes: Sequence[int],
    init: str,
    rng: np.random.Generator,
    *,
    scale: float | None = None,
    activation: ActivationSpec = "relu",
    maxout_k: int = 2,
    batchnorm: bool = False,
) -> dict[str, Array]:
    """Initialize an MLP with layer widths ``sizes`` = [inputs, hidden..., outputs].

    Weights come from ``initialize(init, fan_in, fan_out, rng, scale)`` (a maxout layer draws
    each of its k pieces with the same rule); biases start at 0; batch-norm γ=1, β=0.
    """
    sizes = [int(s) for s in sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"sizes must list at least 2 positive widths, got {sizes}")
    acts = layer_activations(activation, len(sizes) - 2)
    params: dict[str, Array] = {}
    for l, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True), start=1):
        hidden = l < len(sizes) - 1
        k = maxout_k if hidden and acts[l - 1] == "maxout" else 1
        pieces = [initialize(init, fan_in, fan_out, rng, scale) for _ in range(k)]
        # Unit j's pieces sit in columns j*k ... j*k+k-1 (see layers.maxout_forward).
        params[f"W{l}"] = np.stack(pieces, axis=2).reshape(fan_in, fan_out * k)
        params[f"b{l}"] = np.zeros(fan_out * k)
        if hidden and batchnorm:
            params[f"gamma{l}"] = np.ones(fan_out * k)
            params[f"beta{l}"] = np.zeros(fan_out * k)
    return params


def init_bn_state(params: dict) -> dict[str, Array]:
    """Running statistics for every batch-norm layer: mean 0, var 1 (as torch.nn.BatchNorm1d)."""
    return {
        key: (np.zeros_like(g) if key.startswith("mean") else np.ones_like(g))
        for l in range(1, n_layers(params))
        if (g := params.get(f"gamma{l}")) is not None
        for key in (f"mean{l}", f"var{l}")
    }


def mlp_forward(
    params: dict,
    X: Array,
    activation: ActivationSpec = "relu",
    *,
    train: bool = False,
    dropout: float = 0.0,
    rng: np.random.Generator | None = None,
    bn_state: dict | None = None,
    bn_momentum: float = 0.1,
    bn_eps: float = 1e-5,
) -> tuple[Array, dict]:
    """Forward pass.  X: (N, D) -> (out (N, C), record), built from the layer pairs.

    ``record["u"][i]``, ``record["z"][i]`` and ``record["a"][i]`` are hidden layer i+1's affine
    output a·W + b, its pre-activation (after batch norm; the same array without it) and its
    activation (before dropout), each (N, width); ``record["bn_state"]`` holds the updated
    running statistics (train mode) — the input ``bn_state`` is never modified.
    Batch norm uses batch statistics in train mode, or when no ``bn_state`` is given; otherwise
    the running ones (running var is the unbiased batch variance, as in torch).
    Dropout (inverted, probability ``dropout`` of zeroing a unit) is applied in train mode only,
    with masks drawn from ``rng``.
    """
    L = n_layers(params)
    acts = layer_activations(activation, L - 1)
    use_dropout = train and dropout > 0.0
    if use_dropout and rng is None:
        raise ValueError("dropout in train mode needs an explicit rng")
    new_state = dict(bn_state) if bn_state is not None else None
    rec: dict = {"inputs": [X], "u": [], "z": [], "a": [], "acts": acts, "caches": []}
    a = X
    for l in range(1, L):
        u, dense_cache = dense_forward(a, params[f"W{l}"], params[f"b{l}"])
        z, bn_cache = u, None
        if f"gamma{l}" in params:
            z, bn_cache = _batchnorm(u, params, l, train, bn_state, new_state, bn_momentum,
                                     bn_eps)
        if acts[l - 1] == "maxout":
            k = params[f"W{l}"].shape[1] // params[f"W{l + 1}"].shape[0]
            a, act_cache = maxout_forward(z, k)
        else:
            g = ACTIVATIONS[acts[l - 1]]
            a, act_cache = activation_forward(z, g.f, g.df)
        rec["u"].append(u)
        rec["z"].append(z)
        rec["a"].append(a)
        mask = None
        if use_dropout:
            mask = dropout_mask(a.shape, dropout, rng)
            a, _ = dropout_forward(a, mask)
        rec["inputs"].append(a)
        rec["caches"].append((dense_cache, bn_cache, act_cache, mask))
    out, rec["out_cache"] = dense_forward(a, params[f"W{L}"], params[f"b{L}"])
    rec["bn_state"] = new_state
    return out, rec


def _batchnorm(u, params, l, train, bn_state, new_state, momentum, eps):
    """Layer l's batch norm: batch statistics (train, or no running ones), folded into
    ``new_state`` in train mode; else the running statistics. Returns (z, (mode, cache))."""
    gamma, beta = params[f"gamma{l}"], params[f"beta{l}"]
    if not train and bn_state is not None:
        z, cache = batchnorm_eval_forward(u, gamma, beta, bn_state[f"mean{l}"],
                                          bn_state[f"var{l}"], eps)
        return z, ("eval", cache)
    z, cache, mu, var = batchnorm_forward(u, gamma, beta, eps)
    if train and new_state is not None:
        n = u.shape[0]
        unbiased = var * n / max(n - 1, 1)
        new_state[f"mean{l}"] = (1 - momentum) * new_state[f"mean{l}"] + momentum * mu
        new_state[f"var{l}"] = (1 - momentum) * new_state[f"var{l}"] + momentum * unbiased
    return z, ("train", cache)


def mlp_backward(params: dict, dout: Array, record: dict) -> tuple[dict, list]:
    """Backward pass from dL/dout (N, C): the layer pairs' backward functions in reverse.

    Returns ``(grads, upstream)``: grads keyed like params; ``upstream[i]`` = dL/da for hidden
    layer i+1 (the gradient arriving at its activation output), used to show vanishing gradients.
    """
    L = n_layers(params)
    grads: dict[str, Array] = {}
    da, grads[f"W{L}"], grads[f"b{L}"] = dense_backward(dout, record["out_cache"])
    upstream: list = [None] * (L - 1)
    for l in range(L - 1, 0, -1):
        dense_cache, bn_cache, act_cache, mask = record["caches"][l - 1]
        if mask is not None:
            da = dropout_backward(da, mask)
        upstream[l - 1] = da
        if record["acts"][l - 1] == "maxout":
            dz = maxout_backward(da, act_cache)
        else:
            dz = activation_backward(da, act_cache)
        if bn_cache is not None:
            backward = batchnorm_eval_backward if bn_cache[0] == "eval" else batchnorm_backward
            dz, grads[f"gamma{l}"], grads[f"beta{l}"] = backward(dz, bn_cache[1])
        da, grads[f"W{l}"], grads[f"b{l}"] = dense_backward(dz, dense_cache, need_dx=l > 1)
    return grads, upstream


def penalty(params: dict, l1: float = 0.0, l2: float = 0.0) -> float:
    """Weight penalty  l2/2 · Σ W²  +  l1 · Σ |W|  over weight matrices only (not biases, not γ/β)."""
    total = 0.0
    for key, W in params.items():
        if key.startswith("W"):
            if l2:
                total += 0.5 * l2 * float(np.sum(W * W))
            if l1:
                total += l1 * float(np.sum(np.abs(W)))
    return total


def mlp_loss_and_grads(
    params: dict,
    X: Array,
    y: Array,
    activation: ActivationSpec = "relu",
    loss: str = "softmax_ce",
    l1: float = 0.0,
    l2: float = 0.0,
    *,
    train: bool = True,
    dropout: float = 0.0,
    rng: np.random.Generator | None = None,
    bn_state: dict | None = None,
    return_record: bool = False,
):
    """Loss and its gradient for every parameter: ``(loss, grads)``.

    loss = LOSSES[loss](out, y) + l2/2 · ΣW² + l1 · Σ|W|;  dW gains  l2·W + l1·sign(W).
    With ``return_record=True`` returns ``(loss, grads, record)`` (the forward record, including
    the updated batch-norm running statistics and the upstream gradients under "upstream").
    """
    out, rec = mlp_forward(
        params, X, activation, train=train, dropout=dropout, rng=rng, bn_state=bn_state
    )
    value, dout = LOSSES[loss].fn(out, y)
    grads, upstream = mlp_backward(params, dout, rec)
    if l1 or l2:
        value += penalty(params, l1, l2)
        for key in grads:
            if key.startswith("W"):
                W = params[key]
                if l2:
                    grads[key] = grads[key] + l2 * W
                if l1:
                    grads[key] = grads[key] + l1 * np.sign(W)
    if return_record:
        rec["upstream"] = upstream
        rec["out"] = out
        return value, grads, rec
    return value, grads


def predict_proba(
    params: dict,
    X: Array,
    activation: ActivationSpec = "relu",
    loss: str = "softmax_ce",
    bn_state: dict | None = None,
) -> Array:
    """Class probabilities (N, n_classes) in eval mode (running batch-norm stats, no dropout)."""
    out, _ = mlp_forward(params, X, activation, train=False, bn_state=bn_state)
    return LOSSES[loss].proba(out)
