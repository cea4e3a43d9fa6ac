"""Autoencoders: a network trained to give back its input through a narrow bottleneck.

An autoencoder is an MLP ``x -> encoder -> code (k units) -> decoder -> x̂`` trained on
L = 1/(N·D) Σ (x̂ − t)² with t = x (plain) or x̂ computed from a corrupted x̃ with t = x
(denoising, Vincent et al. 2008). Forward and backward are ``nncore.mlp``'s; only dL/dx̂ is new
here: dL/dx̂ = 2 (x̂ − t) / (N·D).

Also here: the 8×8 digits (``load_digits``: data/digits.npz, NumPy only), PCA by SVD and the
principal angles that compare subspaces (a linear autoencoder trained with MSE spans the top-k
principal subspace: Baldi & Hornik 1989), greedy layer-wise pre-training of a stacked
autoencoder (Bengio et al. 2007) and a 2-D toy manifold (a noisy spiral or circle).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .divergence import TRAINING_DIVERGED
from .mlp import init_mlp, mlp_backward, mlp_forward, n_layers
from .optim import make_optimizer
from .train import train_mlp

Array = np.ndarray
DIGITS_FILE = Path(__file__).resolve().parent.parent / "data" / "digits.npz"
BLOW_UP = 1e6
NOISE_KINDS = ("gaussian", "mask")


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


def load_digits(path: Path | str = DIGITS_FILE) -> tuple[Array, Array]:
    """The 1,797 8×8 digits: X (1797, 64) float64 pixels scaled to [0, 1] (raw 0..16 / 16),
    y (1797,) int64 labels 0..9."""
    with np.load(path) as d:
        images, labels = d["images"], d["labels"]
    return images.reshape(len(images), -1).astype(np.float64) / 16.0, labels.astype(np.int64)


def split_digits(n_test: int = 297, seed: int = 0) -> tuple[Array, Array, Array, Array]:
    """A fixed shuffled split (X_train, y_train, X_test, y_test): 1500 / 297 by default."""
    X, y = load_digits()
    order = np.random.default_rng(seed).permutation(len(y))
    test, train = order[:n_test], order[n_test:]
    return X[train], y[train], X[test], y[test]


def corrupt(X: Array, kind: str, level: float, rng: np.random.Generator) -> Array:
    """x̃: ``gaussian`` adds N(0, level²) to each pixel; ``mask`` sets each pixel to 0 with
    probability ``level``. ``level`` = 0 returns a copy of X."""
    if kind not in NOISE_KINDS:
        raise ValueError(f"unknown corruption {kind!r}; choose one of {NOISE_KINDS}")
    if level <= 0:
        return X.copy()
    if kind == "gaussian":
        return X + level * rng.standard_normal(X.shape)
    return X * (rng.random(X.shape) >= level)


def noisy_test(X_test: Array, kind: str, level: float, seed: int) -> Array:
    """The one fixed corruption of a test set every model of a seed is scored on."""
    return corrupt(X_test, kind, level, np.random.default_rng([seed, 1_000_000]))


# ---------------------------------------------------------------------------------------------
# The autoencoder: sizes, loss and gradients (mlp_forward / mlp_backward + our dL/dx̂)
# ---------------------------------------------------------------------------------------------


def ae_sizes(n_in: int, hidden: Sequence[int], k: int) -> list[int]:
    """Mirror-image widths: [n_in, *hidden, k, *reversed(hidden), n_in]."""
    hidden = [int(h) for h in hidden]
    return [n_in, *hidden, int(k), *hidden[::-1], n_in]


def ae_activations(hidden: Sequence[int], activation: str) -> list[str]:
    """``activation`` on every hidden layer except the code, which is linear (any value is a
    valid code; a squashing code layer would only bound it)."""
    h = len(hidden)
    return [activation] * h + ["linear"] + [activation] * h


def mse_real(out: Array, target: Array) -> tuple[float, Array]:
    """L = 1/(N·D) Σ (out − target)² and dL/dout = 2 (out − target)/(N·D) (torch MSELoss)."""
    diff = out - target
    return float(np.mean(diff * diff)), 2.0 * diff / diff.size


def ae_loss_and_grads(params: dict, X_in: Array, target: Array, acts) -> tuple[float, dict]:
    """Reconstruction loss of ``target`` from ``X_in`` and its gradient for every parameter."""
    out, rec = mlp_forward(params, X_in, acts)
    value, dout = mse_real(out, target)
    grads, _ = mlp_backward(params, dout, rec)
    return value, grads


def reconstruct(params: dict, X: Array, acts) -> Array:
    return mlp_forward(params, X, acts)[0]


def encode(params: dict, X: Array, acts) -> Array:
    """The code: the output of the bottleneck layer (the middle hidden layer), (N, k)."""
    _, rec = mlp_forward(params, X, acts)
    return rec["a"][(n_layers(params) - 1) // 2]


def decode(params: dict, Z: Array, acts) -> Array:
    """The decoder alone: the layers after the code applied to codes Z (N, k)."""
    L = n_layers(params)
    mid = (L - 1) // 2 + 1  # weight layers 1..mid make the code; mid+1..L decode it
    dec = {f"{p}{l - mid}": params[f"{p}{l}"] for l in range(mid + 1, L + 1) for p in "Wb"}
    return mlp_forward(dec, Z, list(acts)[mid:])[0]


def reconstruction_mse(params: dict, X_in: Array, target: Array, acts) -> float:
    return mse_real(reconstruct(params, X_in, acts), target)[0]


@dataclass
class AEResult:
    """``history``: "epoch", "train_mse" and, with a test set, "test_mse" (clean targets, the
    same corruption as training applied with a fixed test generator). ``diverged_at``/``reason``
    as in ``nncore.train.TrainResult`` (the params are then the last finite ones)."""

    params: dict
    opt_state: dict
    history: dict
    acts: list
    diverged_at: int | None = None
    reason: str | None = None

    @property
    def epochs_done(self) -> int:
        return int(self.history["epoch"][-1])


def _finite(params: dict) -> bool:
    return all(np.isfinite(v).all() and np.abs(v).max() < BLOW_UP for v in params.values())


# long: 14 keyword arguments and their docstring; the loop itself is about 30 lines
def train_autoencoder(
    X: Array,
    sizes: Sequence[int],
    acts: Sequence[str],
    *,
    epochs: int = 100,
    batch_size: int = 64,
    lr: float = 0.01,
    seed: int = 0,
    noise: str = "gaussian",
    noise_level: float = 0.0,
    X_test: Array | None = None,
    init: str = "xavier_normal",
    params: dict | None = None,
    opt_state: dict | None = None,
    start_epoch: int = 0,
    history: dict | None = None,
    record_every: int = 1,
) -> AEResult:
    """Adam on minibatches of the reconstruction loss, ``epochs`` epochs from ``start_epoch``.

    Weights from ``default_rng(seed)``; epoch e shuffles and corrupts with ``default_rng([seed,
    e])``, so a run continued from (params, opt_state, start_epoch, history) equals one long run.
    With ``noise_level`` > 0 the input is ``corrupt(x, noise, noise_level)`` and the target the
    clean x (denoising); the test MSE uses one fixed corruption of X_test (``noisy_test``).
    """
    # One function (~70 lines with its signature) so a chunked run and a one-shot run share
    # every line: tests/core checks that they agree bit for bit.
    acts = list(acts)
    if params is None:
        params = init_mlp(sizes, init, np.random.default_rng(seed), activation=acts)
    opt = make_optimizer("adam", lr=lr)
    if opt_state is None:
        opt_state = opt.init(params)
    rows = {k: list(v) for k, v in (history or {}).items()}
    has_test = X_test is not None and len(X_test) > 0
    Xt_in = noisy_test(X_test, noise, noise_level, seed) if has_test else None

    def record(epoch: int) -> None:
        rows.setdefault("epoch", []).append(epoch)
        rows.setdefault("train_mse", []).append(reconstruction_mse(params, X, X, acts))
        if has_test:
            rows.setdefault("test_mse", []).append(
                reconstruction_mse(params, Xt_in, X_test, acts))

    if not rows:
        record(start_epoch)
    n, bs = len(X), max(1, min(int(batch_size), len(X)))
    diverged_at = None
    for epoch in range(start_epoch + 1, start_epoch + epochs + 1):
        rng = np.random.default_rng([seed, epoch])
        order = rng.permutation(n)
        good = (params, opt_state)
        for start in range(0, n, bs):
            batch = X[order[start:start + bs]]
            x_in = corrupt(batch, noise, noise_level, rng) if noise_level > 0 else batch
            value, grads = ae_loss_and_grads(params, x_in, batch, acts)
            if not np.isfinite(value) or value > BLOW_UP:
                diverged_at = epoch
                break
            params, opt_state = opt.update(grads, opt_state, params)
        if diverged_at is None and not _finite(params):
            diverged_at = epoch
        if diverged_at is not None:
            params, opt_state = good
            break
        if (epoch - start_epoch) % record_every == 0 or epoch == start_epoch + epochs:
            record(epoch)  # a full-data pass costs about as much as an epoch of updates
    hist = {k: np.asarray(v, dtype=np.float64) for k, v in rows.items()}
    return AEResult(params, opt_state, hist, acts, diverged_at,
                    TRAINING_DIVERGED if diverged_at is not None else None)


# ---------------------------------------------------------------------------------------------
# PCA and subspaces
# ---------------------------------------------------------------------------------------------


def pca(X: Array, k: int) -> tuple[Array, Array, Array]:
    """(mean (D,), components (k, D) orthonormal rows, explained variance of all D directions)
    from the SVD of the centred data: X − μ = U S Vᵀ, components = top-k rows of Vᵀ."""
    mu = X.mean(axis=0)
    _, s, vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, vt[:k], s**2 / max(len(X) - 1, 1)


def pca_project(X: Array, mu: Array, comps: Array) -> Array:
    return (X - mu) @ comps.T


def pca_reconstruct(X: Array, mu: Array, comps: Array) -> Array:
    """The best rank-k affine reconstruction in squared error (Eckart–Young)."""
    return mu + pca_project(X, mu, comps) @ comps


def principal_angles(A: Array, B: Array) -> Array:
    """Angles (radians, ascending) between the column spaces of A (D, p) and B (D, q):
    arccos of the singular values of Q_Aᵀ Q_B (Björck & Golub 1973)."""
    qa, _ = np.linalg.qr(A)
    qb, _ = np.linalg.qr(B)
    s = np.linalg.svd(qa.T @ qb, compute_uv=False)
    return np.sort(np.arccos(np.clip(s, -1.0, 1.0)))


def decoder_subspace(params: dict) -> Array:
    """(D, k): the directions a one-layer linear decoder x̂ = zW + b can reach (rows of W)."""
    L = n_layers(params)
    return params[f"W{L}"].T


# ---------------------------------------------------------------------------------------------
# Stacked autoencoder: greedy layer-wise pre-training, then a classifier on top
# ---------------------------------------------------------------------------------------------


def pretrain_stack(X: Array, widths: Sequence[int], activation: str, *, epochs: int,
                   lr: float, seed: int, batch_size: int = 64) -> tuple[dict, list[float]]:
    """Train one autoencoder per layer: AE_l maps h_{l−1} -> h_l -> h_{l−1} (h_0 = X), its
    encoder kept. Returns the encoder weights {"W1", "b1", ...} and each AE's final MSE."""
    enc, errors, h = {}, [], X
    for l, width in enumerate(widths, start=1):
        sizes, acts = [h.shape[1], width, h.shape[1]], [activation]
        res = train_autoencoder(h, sizes, acts, epochs=epochs, lr=lr, seed=seed * 100 + l,
                                batch_size=batch_size)
        enc[f"W{l}"], enc[f"b{l}"] = res.params["W1"], res.params["b1"]
        errors.append(float(res.history["train_mse"][-1]))
        h = encode(res.params, h, acts)  # the next AE's input: this AE's code
    return enc, errors


def label_subset(y: Array, n_labels: int, seed: int) -> Array:
    """Indices of ``n_labels`` labelled examples, as balanced over the classes as n allows."""
    rng = np.random.default_rng([seed, 7])
    classes = np.unique(y)
    per = [n_labels // len(classes) + (1 if i < n_labels % len(classes) else 0)
           for i in range(len(classes))]
    picks = [rng.permutation(np.flatnonzero(y == c))[:m] for c, m in zip(classes, per,
                                                                        strict=True)]
    return np.sort(np.concatenate(picks))


def finetune_compare(X: Array, y: Array, X_test: Array, y_test: Array, encoder: dict,
                     widths: Sequence[int], activation: str, *, n_labels: int, seed: int,
                     epochs: int, lr: float) -> dict:
    """Test accuracy of the same classifier [D, *widths, 10] trained on the same ``n_labels``
    labels from the pre-trained encoder (output layer random) and from random weights."""
    idx = label_subset(y, n_labels, seed)
    sizes = [X.shape[1], *widths, int(y.max()) + 1]
    rand = init_mlp(sizes, "xavier_normal", np.random.default_rng([seed, 3]),
                    activation=activation)
    pre = dict(rand) | {k: v.copy() for k, v in encoder.items()}
    out = {}
    for name, start in (("pretrained", pre), ("random", rand)):
        run = train_mlp(X[idx], y[idx], sizes, activation=activation, optimizer="adam",
                        opt_hp={"lr": lr}, loss="softmax_ce", epochs=epochs,
                        batch_size=32, seed=seed, X_test=X_test, y_test=y_test, params=start)
        out[name] = float(run.history["test_acc"][-1])
        out[f"{name}_curve"] = run.history["test_acc"]
    return out


# ---------------------------------------------------------------------------------------------
# A 2-D manifold toy: points along a curve, squeezed through one unit
# ---------------------------------------------------------------------------------------------

MANIFOLDS = ("spiral", "circle")
TURNS = 0.75  # a longer spiral folds back on itself and a 1-unit code must jump


def manifold_points(name: str, n: int, noise: float, rng: np.random.Generator):
    """(X (n, 2), t (n,)): points on a spiral (t ∈ [0, 1] from the centre out, 3/4 turn) or
    a unit circle (t = angle / 2π), plus N(0, noise²) jitter."""
    t = np.sort(rng.random(n))
    if name == "spiral":
        ang, r = TURNS * 2.0 * np.pi * t, 0.3 + 0.9 * t
    elif name == "circle":
        ang, r = 2.0 * np.pi * t, np.ones(n)
    else:
        raise ValueError(f"unknown manifold {name!r}; choose one of {MANIFOLDS}")
    X = np.column_stack([r * np.cos(ang), r * np.sin(ang)])
    return X + noise * rng.standard_normal(X.shape), t


# ---------------------------------------------------------------------------------------------
# Runs in chunks: settings as frozen dataclasses, one module-level step per kind of run, so a
# page can run them in its worker pool (ui.workers.run_chunks) and cache them by settings
# ---------------------------------------------------------------------------------------------

CHUNK_EPOCHS = 10


@dataclass(frozen=True)
class AEConfig:
    """One autoencoder run. ``data``: "digits" (the fixed 1500/297 split) or a manifold name
    (``n_points`` points with ``data_noise`` jitter from ``seed``; no test set)."""

    k: int = 8
    hidden: tuple[int, ...] = (32,)
    activation: str = "tanh"
    epochs: int = 40
    seed: int = 0
    noise: str = "gaussian"
    noise_level: float = 0.0
    lr: float = 0.01
    batch_size: int = 64
    data: str = "digits"
    data_noise: float = 0.0
    n_points: int = 0

    @property
    def sizes(self) -> list[int]:
        return ae_sizes(64 if self.data == "digits" else 2, self.hidden, self.k)

    @property
    def acts(self) -> list[str]:
        if not self.hidden:  # one weight layer each way: the code is the only hidden layer
            return ["linear"]
        return ae_activations(self.hidden, self.activation)

    @property
    def n_chunks(self) -> int:
        return -(-self.epochs // CHUNK_EPOCHS)


_DATA: dict = {}


def config_data(cfg: AEConfig) -> tuple[Array, Array | None]:
    """(X_train, X_test or None) for a run (the digits split is read once per process)."""
    if cfg.data == "digits":
        if "digits" not in _DATA:
            _DATA["digits"] = split_digits()
        X, _, Xt, _ = _DATA["digits"]
        return X, Xt
    X, _ = manifold_points(cfg.data, cfg.n_points, cfg.data_noise,
                           np.random.default_rng([cfg.seed, 11]))
    return X, None


def ae_chunk(state: AEResult | None, chunk: int, cfg: AEConfig) -> AEResult:
    """Chunk ``chunk`` (1-based) of ``cfg``'s run: CHUNK_EPOCHS more epochs from ``state``.
    A diverged run is returned as it is."""
    if state is not None and state.diverged_at is not None:
        return state
    X, Xt = config_data(cfg)
    done = 0 if state is None else state.epochs_done
    n = min(CHUNK_EPOCHS, cfg.epochs - done)
    kw = {} if state is None else {"params": state.params, "opt_state": state.opt_state,
                                   "start_epoch": done, "history": state.history}
    return train_autoencoder(X, cfg.sizes, cfg.acts, epochs=n, batch_size=cfg.batch_size,
                             lr=cfg.lr, seed=cfg.seed, noise=cfg.noise,
                             noise_level=cfg.noise_level, X_test=Xt, record_every=n, **kw)


def run_ae(cfg: AEConfig) -> AEResult:
    """The whole run in one call (equal to chaining ``ae_chunk``)."""
    state = None
    for c in range(1, cfg.n_chunks + 1):
        state = ae_chunk(state, c, cfg)
    return state


@dataclass(frozen=True)
class PretrainConfig:
    """Stacked AE pre-training vs random initialization, ``n_seeds`` seeds (one chunk each)."""

    n_labels: int = 100
    n_seeds: int = 3
    widths: tuple[int, ...] = (32, 16)
    activation: str = "tanh"
    pre_epochs: int = 30
    ft_epochs: int = 100
    lr: float = 0.01


_ENCODERS: dict = {}


def run_pretrain(cfg: PretrainConfig) -> list:
    """Every seed in one call (equal to chaining ``pretrain_chunk``)."""
    state = None
    for c in range(1, cfg.n_seeds + 1):
        state = pretrain_chunk(state, c, cfg)
    return state


def pretrained_encoder(cfg: PretrainConfig, seed: int) -> tuple[dict, list[float]]:
    """The stack pre-trained on all 1500 training images (labels unused), kept per process:
    it does not depend on how many labels the fine-tuning gets."""
    key = (cfg.widths, cfg.activation, cfg.pre_epochs, cfg.lr, seed)
    if key not in _ENCODERS:
        X, _, _, _ = split_digits()
        _ENCODERS[key] = pretrain_stack(X, cfg.widths, cfg.activation, epochs=cfg.pre_epochs,
                                        lr=cfg.lr, seed=seed)
    return _ENCODERS[key]


def pretrain_chunk(state: list | None, chunk: int, cfg: PretrainConfig) -> list:
    """Seed ``chunk − 1``: pre-train (or reuse) the stack, then fine-tune both networks."""
    X, y, Xt, yt = split_digits()
    enc, errors = pretrained_encoder(cfg, chunk - 1)
    out = finetune_compare(X, y, Xt, yt, enc, cfg.widths, cfg.activation,
                           n_labels=cfg.n_labels, seed=chunk - 1, epochs=cfg.ft_epochs,
                           lr=cfg.lr)
    out["seed"], out["pretrain_mse"] = chunk - 1, errors
    return [*(state or []), out]


def rank_correlation(a: Array, b: Array) -> float:
    """Spearman's ρ (no ties expected): the Pearson correlation of the ranks."""
    ra = np.argsort(np.argsort(a)).astype(np.float64)
    rb = np.argsort(np.argsort(b)).astype(np.float64)
    return float(np.corrcoef(ra, rb)[0, 1])
