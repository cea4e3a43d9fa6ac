"""The initialization experiment: what the weight scale does to a deep stack, layer by layer.

The lecture's loop (CS231n; Glorot & Bengio 2010; He et al. 2015), with an explicit generator::

    x = rng.standard_normal((16, 4096))              # 16 Gaussian inputs
    for _ in range(7):                               # 7 hidden layers of width 4096
        W = 0.01 * rng.standard_normal((4096, 4096))
        x = np.tanh(x.dot(W))

``run_init_experiment`` runs exactly that (any activation of ``HIDDEN_ACTIVATIONS``, any
initializer, optional batch norm before the activation, no biases), sends a fixed upstream
gradient back down, and returns per-layer statistics and histogram counts.

Propagation formula. For u_l = a_{l-1}·W_l with W_l's entries iid, zero mean and independent of
a_{l-1} (n = fan_in)::

    Var(u_l) = n · Var(W) · E[a_{l-1}²]

- ``theory_step``: the right-hand side with the *measured* E[a_{l-1}²]. It is the exact expected
  value over the draw of W_l for every activation (and exact, not only in expectation, for a
  square orthogonal W).
- ``theory_chain``: the formula chained from the input (E[x²] = 1) with E[a_l²] = c·Var(u_l).
  The constant c = E[g(u)²]/E[u²] is known exactly for positively homogeneous g with a symmetric
  input: linear 1, ReLU ½, leaky ReLU (1+α²)/2, |x| 1. There the chain is exact in expectation;
  for every other activation it is NaN (tanh ≈ linear only near 0). With batch norm the chain
  restarts from Var = 1 after every normalization. "Exact in expectation": one draw of the
  weights wanders from it by a factor that compounds over depth, up to about √(2·depth/width)
  (``weight_drift``: 5.8% for 7 × 4096, 11% for 6 × 1024).

Upstream gradient. The backward pass starts from dL/da_L = G, a fixed N(0, 1) matrix drawn from the
seed (as if the loss were L = Σ G ⊙ a_L): unit variance at the top, so every change of scale
you see further down comes from the network alone.

Random streams. X, G and each layer's W come from separate children of ``SeedSequence(seed)``,
so two configurations with the same seed, width and samples see the same inputs, the same
upstream gradient and the same standard normals in W (Xavier and He then differ by exactly √2).
Big weight matrices are filled in fixed row blocks by SFC64 generators on a thread pool
(``nncore._fast``): the values depend only on the seed, never on the number of threads.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._fast import empty, fill
from .activations import ACTIVATIONS, LEAKY_SLOPE, saturated_fraction
from .init import INITIALIZERS, initialize, weight_std
from .layers import batchnorm_backward, batchnorm_forward, maxout_backward, maxout_forward
from .mlp import HIDDEN_ACTIVATIONS

Array = np.ndarray

N_BINS = 40
MAXOUT_K = 2
LIMITS = {"depth": (1, 20), "width": (8, 4096), "samples": (16, 2000), "scale": (1e-3, 10.0)}
"""The ranges the page offers (the experiment itself accepts any positive sizes)."""

# E[g(u)²] / E[u²] for u symmetric about 0: exact for positively homogeneous activations.
HOMOGENEOUS_GAIN = {"linear": 1.0, "relu": 0.5, "leaky_relu": (1 + LEAKY_SLOPE**2) / 2, "abs": 1.0}

_NORMAL_FAMILY = {"normal", "lecun_normal", "xavier_normal", "he_normal"}
_UNIFORM_FAMILY = {"uniform", "lecun_uniform", "xavier_uniform", "he_uniform"}


@dataclass(frozen=True)
class InitConfig:
    """One experiment. ``scale`` is used only by initializers with ``uses_scale`` (normal: σ,
    uniform: half-width); None means the initializer's default."""

    activation: str = "tanh"
    init: str = "xavier_normal"
    scale: float | None = None
    depth: int = 7
    width: int = 256
    samples: int = 200
    batchnorm: bool = False
    seed: int = 0

    def __post_init__(self):
        # The scale means nothing to the other initializers: drop it so equal experiments compare
        # (and cache) equal.
        if self.init in INITIALIZERS and not INITIALIZERS[self.init].uses_scale:
            object.__setattr__(self, "scale", None)
        elif self.scale is not None:
            object.__setattr__(self, "scale", float(self.scale))
        for key in ("depth", "width", "samples", "seed"):
            object.__setattr__(self, key, int(getattr(self, key)))
        object.__setattr__(self, "batchnorm", bool(self.batchnorm))

    def weight_var(self, fan_in: int, fan_out: int) -> float:
        return weight_std(self.init, fan_in, fan_out, self.scale) ** 2


@dataclass
class InitResult:
    """Per-layer statistics, index l-1 for hidden layer l (arrays of length ``depth``).

    Forward (a_l = activation output, u_l = a_{l-1}·W_l before batch norm):
    ``act_mean``, ``act_std``, ``act_sq`` (E[a²]), ``act_zero`` (% of entries exactly 0),
    ``saturated`` (% of entries within 1% of the
    output range from a bound; NaN for unbounded activations), ``dead`` (% of units that output
    exactly 0 for every sample; ReLU only, else NaN), ``local_grad`` (mean |g'(z)|, the share of
    dL/da that passes the activation; 1 for maxout), ``var_u`` (measured Var(u_l) = mean u², as E[u] = 0), ``theory_step``,
    ``theory_chain`` (see the module docstring).
    Backward (dL/da_l for the upstream gradient G): ``grad_std``, ``grad_mean``; ``wgrad_std``:
    std of the entries of dL/dW_l = a_{l-1}ᵀ·dL/du_l, the gradient a learning step applies.
    Histograms: ``act_counts`` (depth, N_BINS) on ``act_edges`` (N_BINS+1), the same for
    ``grad_*``; every finite layer's counts sum to samples·width.
    Non-finite: ``overflow_layer`` = first layer whose activations are not all finite (None if
    none; that layer and those after it hold NaN / zero counts), ``grad_overflow_layer`` likewise
    for the backward pass (counted from the top, reported as the layer number).
    """

    config: InitConfig
    act_mean: Array
    act_std: Array
    act_sq: Array
    act_zero: Array
    saturated: Array
    dead: Array
    local_grad: Array
    var_u: Array
    theory_step: Array
    theory_chain: Array
    grad_std: Array
    grad_mean: Array
    wgrad_std: Array
    act_edges: Array
    act_counts: Array
    grad_edges: Array
    grad_counts: Array
    overflow_layer: int | None = None
    grad_overflow_layer: int | None = None
    input_sq: float = 1.0

    @property
    def depth(self) -> int:
        return self.config.depth

    @property
    def finite_layers(self) -> int:
        """Number of leading layers whose activations are finite."""
        return self.depth if self.overflow_layer is None else self.overflow_layer - 1

    def table(self) -> dict[str, Array]:
        """Column name -> per-layer array (for a DataFrame / CSV)."""
        return {
            "layer": np.arange(1, self.depth + 1),
            "act_mean": self.act_mean,
            "act_std": self.act_std,
            "act_mean_sq": self.act_sq,
            "act_zero_pct": self.act_zero,
            "saturated_pct": self.saturated,
            "dead_relu_pct": self.dead,
            "mean_local_grad": self.local_grad,
            "var_u_measured": self.var_u,
            "var_u_theory_step": self.theory_step,
            "var_u_theory_chain": self.theory_chain,
            "grad_std": self.grad_std,
            "grad_mean": self.grad_mean,
            "weight_grad_std": self.wgrad_std,
        }


# ---------------------------------------------------------------------------------------------
# Random streams
# ---------------------------------------------------------------------------------------------


def _streams(seed: int) -> tuple[np.random.SeedSequence, np.random.SeedSequence, list]:
    """(inputs, upstream gradient, per-layer weight seeds factory) children of SeedSequence(seed)."""
    x_seq, g_seq, w_seq = np.random.SeedSequence(int(seed)).spawn(3)
    return x_seq, g_seq, w_seq


def _gaussian(seq: np.random.SeedSequence, shape: tuple[int, ...]) -> Array:
    return np.random.Generator(np.random.SFC64(seq)).standard_normal(shape)


def draw_weights(
    init: str, fan_in: int, fan_out: int, seq: np.random.SeedSequence, scale: float | None = None
) -> Array:
    """A (fan_in, fan_out) float64 weight matrix from the named rule, seeded by ``seq``.

    Normal rules: W = σ·Z with σ = ``weight_std(init, ...)`` and Z ~ N(0, 1); uniform rules:
    W ~ U(−L, L) with L = √3·σ — the same distributions as ``nncore.initialize``, drawn in
    parallel blocks (the 4096×4096 draws dominate the lecture experiment's run time).
    Zeros and orthogonal go through ``initialize`` unchanged.
    """
    if init not in INITIALIZERS:
        raise ValueError(f"unknown initializer {init!r}; choose one of {sorted(INITIALIZERS)}")
    std = weight_std(init, fan_in, fan_out, scale)
    if init in _NORMAL_FAMILY:
        w = empty((fan_in, fan_out))
        fill(w, seq, "normal", std)
        return w
    if init in _UNIFORM_FAMILY:
        lim = np.sqrt(3.0) * std
        w = empty((fan_in, fan_out))
        fill(w, seq, "uniform", 2.0 * lim, -lim)
        return w
    return initialize(init, fan_in, fan_out, np.random.Generator(np.random.SFC64(seq)), scale)


# ---------------------------------------------------------------------------------------------
# The experiment
# ---------------------------------------------------------------------------------------------


def weight_grad_std(a_prev: Array, dz: Array) -> float:
    """std of the entries of dW = a_prevᵀ·dz (a_prev: (N, n), dz: (N, m)) without forming the
    n × m matrix: Σ dW² = Σ (a aᵀ) ⊙ (dz dzᵀ) over the N × N Gram matrices, and
    Σ dW = (a·1)ᵀ(dz·1). Costs N²(n+m) instead of N·n·m (16 samples: 1/256 of it)."""
    n, m = a_prev.shape[1], dz.shape[1]
    total_sq = float(np.sum((a_prev @ a_prev.T) * (dz @ dz.T)))
    mean = float(a_prev.sum(axis=1) @ dz.sum(axis=1)) / (n * m)
    return float(np.sqrt(max(total_sq / (n * m) - mean * mean, 0.0)))


def _check(cfg: InitConfig) -> None:
    if cfg.activation not in HIDDEN_ACTIVATIONS:
        raise ValueError(
            f"unknown activation {cfg.activation!r}; choose one of {HIDDEN_ACTIVATIONS}"
        )
    if cfg.init not in INITIALIZERS:
        raise ValueError(f"unknown initializer {cfg.init!r}; choose one of {sorted(INITIALIZERS)}")
    if min(cfg.depth, cfg.width, cfg.samples) < 1:
        raise ValueError("depth, width and samples must be positive")
    if cfg.batchnorm and cfg.samples < 2:
        raise ValueError("batch norm needs at least 2 samples")


def _shared_edges(layers: list[Array], symmetric: bool, bounds=None) -> Array:
    """N_BINS+1 edges covering every finite value of every layer (or the activation's bounds)."""
    if bounds is not None:
        lo, hi = bounds
    else:
        finite = [v for v in layers if v.size]
        if not finite:
            lo, hi = -1.0, 1.0
        elif symmetric:
            m = max(float(np.max(np.abs(v))) for v in finite)
            lo, hi = -m, m
        else:
            lo = min(float(v.min()) for v in finite)
            hi = max(float(v.max()) for v in finite)
    if not hi - lo > 1e-300 * max(1.0, abs(lo), abs(hi)):
        # All values equal (e.g. zero weights): a unit-wide window around them.
        lo, hi = lo - 0.5, hi + 0.5
    return np.linspace(lo, hi, N_BINS + 1)


def _counts(values: Array, edges: Array) -> Array:
    # Clip so float round-off at the extremes never drops a value: counts sum to values.size.
    # bins=int + range takes NumPy's fast equal-width path (edges = the same linspace).
    lo, hi = float(edges[0]), float(edges[-1])
    v = np.clip(values.ravel(), lo, hi)
    return np.histogram(v, bins=len(edges) - 1, range=(lo, hi))[0].astype(np.int64)


_STATS = (
    "act_mean", "act_std", "act_sq", "act_zero", "saturated", "dead", "local_grad", "var_u",
    "theory_step", "theory_chain", "grad_std", "grad_mean", "wgrad_std",
)


def _layer_weights(cfg: InitConfig, seq: np.random.SeedSequence, n: int, k: int) -> Array:
    """W_l: (n, n), or (n, n·k) for maxout (k pieces per unit, each drawn with the same rule)."""
    W = draw_weights(cfg.init, n, n, seq, cfg.scale)
    if k == 1:
        return W
    pieces = [W] + [draw_weights(cfg.init, n, n, s, cfg.scale) for s in seq.spawn(k - 1)]
    return np.stack(pieces, axis=2).reshape(n, n * k)


def _activation_stats(stats: dict, l: int, a: Array, z: Array, name: str) -> None:
    act = ACTIVATIONS.get(name)
    stats["act_mean"][l] = float(a.mean())
    stats["act_std"][l] = float(a.std())
    stats["act_zero"][l] = 100.0 * float(np.mean(a == 0.0))
    if act is not None and act.bounds is not None:
        stats["saturated"][l] = 100.0 * saturated_fraction(a, name)
    if name == "relu":
        stats["dead"][l] = 100.0 * float(np.mean(np.all(a == 0.0, axis=0)))
    # Maxout hands dL/da unchanged to the winning piece: pass-through 1.
    stats["local_grad"][l] = 1.0 if act is None else float(np.mean(np.abs(act.df(z))))


def _forward(cfg: InitConfig, x: Array, w_seqs: list, stats: dict):
    """Layers 1..L (stopping at the first non-finite one): (Ws, acts, caches, overflow)."""
    n, name = cfg.width, cfg.activation
    k = MAXOUT_K if name == "maxout" else 1
    act = ACTIVATIONS.get(name)
    gain = HOMOGENEOUS_GAIN.get(name)
    chain_sq = 1.0  # E[a_{l-1}²] predicted by the chain (E[x²] = 1)
    ones, zeros = np.ones(n * k), np.zeros(n * k)
    Ws, acts, caches = [], [], []
    a = x
    for l in range(cfg.depth):
        W = _layer_weights(cfg, w_seqs[l], n, k)
        var_w = cfg.weight_var(n, n)
        stats["theory_step"][l] = n * var_w * float(np.mean(a * a))
        if gain is not None:
            stats["theory_chain"][l] = n * var_w * chain_sq
            chain_sq = gain * (1.0 if cfg.batchnorm else stats["theory_chain"][l])
        u = a @ W
        stats["var_u"][l] = float(np.mean(u * u))
        z, bn_cache = u, None
        if cfg.batchnorm:
            z, bn_cache, _, _ = batchnorm_forward(u, ones, zeros)
        a, mo_cache = maxout_forward(z, k) if k > 1 else (act.f(z), None)
        sq = float(np.mean(a * a))
        # Overflow: an activation, or its square (the variance), is no longer a float.
        if not (np.isfinite(sq) and np.all(np.isfinite(a))):
            return Ws, acts, caches, l + 1
        Ws.append(W if l > 0 else None)  # the backward never needs W_1 (dL/dx is not shown)
        acts.append(a)
        caches.append((z, bn_cache, mo_cache))
        stats["act_sq"][l] = sq
        _activation_stats(stats, l, a, z, name)
    return Ws, acts, caches, None


def _backward(cfg: InitConfig, G: Array, x: Array, Ws: list, acts: list, caches: list,
              stats: dict) -> tuple[list, int | None]:
    """From dL/da_L = G down through the finite layers: (dL/da per layer, overflow layer).
    Records std(dL/da_l) and std(dL/dW_l), dW_l = a_{l-1}ᵀ·dL/du_l."""
    act = ACTIVATIONS.get(cfg.activation)
    k = MAXOUT_K if cfg.activation == "maxout" else 1
    grads: list[Array | None] = [None] * len(acts)
    da = G
    for l in range(len(acts) - 1, -1, -1):
        if not (np.all(np.isfinite(da)) and np.isfinite(np.mean(da * da))):
            return grads, l + 1
        grads[l] = da
        stats["grad_std"][l] = float(da.std())
        stats["grad_mean"][l] = float(da.mean())
        z, bn_cache, mo_cache = caches[l]
        dz = maxout_backward(da, mo_cache) if k > 1 else da * act.df(z)
        if bn_cache is not None:
            dz = batchnorm_backward(dz, bn_cache)[0]
        stats["wgrad_std"][l] = weight_grad_std(acts[l - 1] if l else x, dz)
        if l > 0:
            da = dz @ Ws[l].T
            Ws[l] = None  # free each matrix as soon as the backward has used it
    return grads, None


def _histograms(layers: list, depth: int, symmetric: bool, bounds=None) -> tuple[Array, Array]:
    """Shared edges and (depth, N_BINS) counts; a missing layer (None) keeps zero counts."""
    edges = _shared_edges([v for v in layers if v is not None], symmetric=symmetric,
                          bounds=bounds)
    counts = np.zeros((depth, N_BINS), dtype=np.int64)
    for l, values in enumerate(layers):
        if values is not None:
            counts[l] = _counts(values, edges)
    return edges, counts


def run_init_experiment(cfg: InitConfig) -> InitResult:
    """Run ``cfg.depth`` hidden layers of width n = ``cfg.width`` on ``cfg.samples`` inputs
    x ~ N(0, I_n) (so the first layer is n × n too, as in the lecture).

    Layer l: u = a_{l-1}·W_l; z = BN(u) if batch norm (γ=1, β=0, batch statistics) else u;
    a_l = g(z). No biases (as in the lecture). Returns an ``InitResult``.
    """
    _check(cfg)
    n, N, L = int(cfg.width), int(cfg.samples), int(cfg.depth)
    x_seq, g_seq, w_seq = _streams(cfg.seed)
    stats = {key: np.full(L, np.nan) for key in _STATS}
    x = _gaussian(x_seq, (N, n))
    with np.errstate(over="ignore", invalid="ignore"):
        Ws, acts, caches, overflow = _forward(cfg, x, w_seq.spawn(L), stats)
        grads, grad_overflow = [], None
        if acts:
            grads, grad_overflow = _backward(cfg, _gaussian(g_seq, (N, n)), x, Ws, acts,
                                             caches, stats)
        del Ws
    act = ACTIVATIONS.get(cfg.activation)
    act_edges, act_counts = _histograms(acts, L, False, act.bounds if act is not None else None)
    grad_edges, grad_counts = _histograms(grads, L, True)
    return InitResult(
        config=cfg, **stats, act_edges=act_edges, act_counts=act_counts, grad_edges=grad_edges,
        grad_counts=grad_counts, overflow_layer=overflow, grad_overflow_layer=grad_overflow,
        input_sq=float(np.mean(x * x)),
    )


# ---------------------------------------------------------------------------------------------
# What the page says about a result: its numbers, computed here (the words live in ui/strings)
# ---------------------------------------------------------------------------------------------


def weight_drift(depth: int, width: int) -> float:
    """Relative scale by which one draw of the weights wanders from the expected Var(u) after
    ``depth`` layers: √(2·depth/width). Each layer multiplies a sample's ‖u‖² by a χ²_n/n
    factor (relative std √(2/n)) that compounds over depth: exact for one input through a
    linear net; averaging over uncorrelated samples lowers it (measured: ReLU ≈ 0.85×,
    linear with 16 samples ≈ 0.3×; tests/app/test_claims_init_lab.py)."""
    return float(np.sqrt(2.0 * depth / width))


def _rate(first: float, last: float, steps: int) -> float:
    """Geometric mean factor per step from ``first`` to ``last``."""
    return float((last / first) ** (1.0 / steps)) if steps > 0 and first > 0 else float("nan")


def facts(res: InitResult) -> dict[str, float]:
    """The numbers the page's sentences quote, for one finite result (layers 1..L).

    a1/aL/amin/amax: std(a); arate: std(a)'s factor per layer; v1/vL/vdrop: Var(u), vdrop =
    v1/vL; u_std: mean std(u) of layers 2..L; g_top/g_bot (layer L / layer 1), gmin/gmax,
    grate (per layer going down), gspread (max/min): std(∂L/∂a); w_*: the same for std(∂L/∂W);
    sat_lo/sat_hi: % saturated in layers 2..L (layer 1 sees the Gaussian input); lg_lo/lg_hi/lg:
    mean |g'(z)| of every layer; chain_dev: max |measured/chained − 1| in % (NaN without a chain).
    """
    cfg, L = res.config, res.depth
    a, g, w, v = res.act_std, res.grad_std, res.wgrad_std, res.var_u
    deep = slice(1, None) if L > 1 else slice(None)
    with np.errstate(invalid="ignore", divide="ignore"):
        chain_dev = 100.0 * float(np.max(np.abs(v / res.theory_chain - 1.0)))
    return {
        "n": float(cfg.width), "L": float(L), "nvarw": cfg.width * cfg.weight_var(cfg.width, cfg.width),
        "a1": a[0], "aL": a[-1], "amin": a.min(), "amax": a.max(), "arate": _rate(a[0], a[-1], L - 1),
        "v1": v[0], "vL": v[-1], "vdrop": v[0] / v[-1], "u_std": float(np.sqrt(v[deep]).mean()),
        "g_top": g[-1], "g_bot": g[0], "gmin": g.min(), "gmax": g.max(),
        "grate": _rate(g[-1], g[0], L - 1), "gspread": g.max() / g.min(),
        "w_top": w[-1], "w_bot": w[0], "wmin": w.min(), "wmax": w.max(),
        "wspread": w.max() / w.min(),
        "sat_lo": float(np.min(res.saturated[deep])), "sat_hi": float(np.max(res.saturated[deep])),
        "lg_lo": res.local_grad.min(), "lg_hi": res.local_grad.max(), "lg": res.local_grad.mean(),
        "chain_dev": chain_dev if np.isfinite(chain_dev) else float("nan"),
        "drift": 100.0 * weight_drift(L, cfg.width),
    }


# ---------------------------------------------------------------------------------------------
# Presets: the lecture's cases. All their text lives here (translation: one place).
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """A lecture case: one configuration, or two for the A/B view. Its name (the URL and
    string-table id) is the key in ``PRESETS``; its label and explanation live in the page's
    string table (ui/strings/init_lab.py), formatted from ``facts``."""

    name: str
    a: InitConfig
    b: InitConfig | None = None  # a second configuration for the A/B view


_LECTURE = {"depth": 7, "width": 4096, "samples": 16, "seed": 0}
_SAITO = {"depth": 5, "width": 100, "samples": 1000, "seed": 0}

PRESETS: dict[str, Preset] = {
    p.name: p
    for p in [
        Preset("tanh_001", InitConfig("tanh", "normal", 0.01, **_LECTURE)),
        Preset("tanh_005", InitConfig("tanh", "normal", 0.05, **_LECTURE)),
        Preset("tanh_xavier", InitConfig("tanh", "xavier_normal", None, **_LECTURE)),
        Preset("relu_xavier", InitConfig("relu", "xavier_normal", None, **_LECTURE)),
        Preset("relu_he", InitConfig("relu", "he_normal", None, **_LECTURE)),
        Preset("sigmoid_n01", InitConfig("sigmoid", "normal", 1.0, **_SAITO)),
        Preset("bn_rescue", InitConfig("tanh", "normal", 0.01, batchnorm=True, **_LECTURE)),
        Preset(
            "ab_relu",
            InitConfig("relu", "xavier_normal", None, **_LECTURE),
            InitConfig("relu", "he_normal", None, **_LECTURE),
        ),
        Preset(
            "ab_bn",
            InitConfig("tanh", "normal", 0.01, **_LECTURE),
            InitConfig("tanh", "normal", 0.01, batchnorm=True, **_LECTURE),
        ),
    ]
}
"""The lecture's cases (CS231n's 7×4096 tanh/ReLU experiment; Saito's sigmoid/N(0,1) case)."""


def find_preset(a: InitConfig, b: InitConfig | None = None) -> Preset | None:
    """The preset whose configuration(s) equal (a, b), if any."""
    for p in PRESETS.values():
        if p.a == a and p.b == b:
            return p
    return None
