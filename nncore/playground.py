"""The training playground's NumPy side: input features, grids over the plane, what the views show.

Everything a TensorFlow-Playground-style page needs besides training itself (``train_mlp``):

- ``FEATURES``: the input feature maps x1, x2, x1², x2², x1·x2, sin x1, sin x2 and
  ``feature_map(X, names)`` -> (N, F), so a linear model on x1² + x2² can learn a circle.
- ``plane_grid`` / ``network_grid``: one forward pass over a ≤100×100 grid gives the class
  probabilities (the decision boundary) *and* every hidden unit's activation (the thumbnails).
- ``confusion_matrix``, ``weight_histograms`` (counts, binned here so a browser gets ~30 numbers).
- ``params_to_json`` / ``params_from_json``: the trained weights as JSON, read back with checks
  (keys, shapes, finite numbers); a refusal is an ``InputError`` (a code and its values, which
  the page turns into a sentence in the student's language).
- ``validate_points``: the rules an uploaded data set must satisfy (2-10 classes, ≤ 5000 rows,
  finite numbers).
- ``epoch_cost_s`` / ``snapshot_epochs``: how long an epoch takes (a deterministic estimate) and
  which epochs' weights a run keeps.

- ``DataSettings`` / ``Settings`` / ``Run``: one experiment of the playground page as ids and
  numbers (an uploaded CSV and imported weights are digests), hashable for caching.

No Streamlit, Plotly or pandas here.
"""

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .losses import LOSSES
from .mlp import mlp_forward, n_layers

Array = np.ndarray

MAX_GRID = 100  # cells per side of a decision grid
MAX_ROWS = 5000  # rows of an uploaded data set
MIN_CLASSES, MAX_CLASSES = 2, 10
JSON_FORMAT = "nnlab-mlp-weights"
JSON_VERSION = 1
MAX_SNAPSHOTS = 51  # weight snapshots kept per round of training
SNAPSHOT_BYTES = 4_000_000  # ... and at most about this many bytes of them


UPLOAD = "upload"  # DataSettings.data of an uploaded data set


@dataclass(frozen=True)
class DataSettings:
    """The points: a generated data set (id, count, noise) or an upload (its digest), split
    into train/test by ``test`` with ``seed``."""

    data: str = "xor"  # a DATASETS id or UPLOAD
    n: int = 500
    noise: float = 0.05
    test: float = 0.3
    seed: int = 0
    upload: str = ""  # digest of the uploaded CSV (when data == UPLOAD)


@dataclass(frozen=True)
class Settings:
    """One experiment: data, network (features, hidden widths, one activation per hidden
    layer, initializer, batch norm) and training (optimizer and its hyperparameters, batch,
    epochs per round, loss, L1/L2, dropout). ``data.seed`` also seeds the initial weights."""

    data: DataSettings = DataSettings()
    feats: tuple[str, ...] = ("x1", "x2")
    hidden: tuple[int, ...] = (8, 8)
    acts: tuple[str, ...] = ("tanh", "tanh")
    init: str = "xavier_normal"
    iscale: float | None = None
    bn: bool = False
    opt: str = "adam"
    lr: float = 0.01
    hp: tuple[tuple[str, float], ...] = ()
    bs: int = 10
    epochs: int = 100
    loss: str = "softmax_ce"
    l1: float = 0.0
    l2: float = 0.0
    drop: float = 0.0
    imported: str = ""  # digest of imported starting weights ("" = the seed's weights)


@dataclass(frozen=True)
class Run:
    """One training run: the settings, continued ``rounds`` extra times by Train more."""

    s: Settings
    rounds: int = 0


def sizes(s: Settings, n_classes: int) -> list[int]:
    """Layer widths [inputs, hidden..., outputs] of the settings' network."""
    return [len(s.feats), *s.hidden, LOSSES[s.loss].n_outputs(n_classes)]


def shapes_of(s: Settings, n_classes: int) -> dict:
    return expected_shapes(sizes(s, n_classes), list(s.acts), s.bn)


class InputError(ValueError):
    """A file or data set the page refuses: ``code`` (e.g. ``"csv_not_numeric"``) and the
    ``values`` a message needs (``column``, ``row``...). ``str()`` is ``code: values``."""

    def __init__(self, code: str, **values):
        self.code, self.values = code, values
        super().__init__(f"{code}: {values}" if values else code)


# ---------------------------------------------------------------------------------------------
# Input features
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feature:
    name: str
    label: str  # plain text, as on a toggle
    fn: Callable[[Array, Array], Array]  # (x1, x2) -> column


FEATURES: dict[str, Feature] = {
    f.name: f
    for f in [
        Feature("x1", "x₁", lambda a, b: a),
        Feature("x2", "x₂", lambda a, b: b),
        Feature("x1sq", "x₁²", lambda a, b: a * a),
        Feature("x2sq", "x₂²", lambda a, b: b * b),
        Feature("x1x2", "x₁·x₂", lambda a, b: a * b),
        Feature("sinx1", "sin x₁", lambda a, b: np.sin(a)),
        Feature("sinx2", "sin x₂", lambda a, b: np.sin(b)),
    ]
}
"""Registry of input features, in TensorFlow Playground's order."""


def check_features(names: Sequence[str]) -> list[str]:
    """The names in registry order, without duplicates; at least one, all known."""
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise ValueError(f"unknown feature(s) {unknown}; choose from {list(FEATURES)}")
    ordered = [n for n in FEATURES if n in set(names)]
    if not ordered:
        raise ValueError("choose at least one input feature")
    return ordered


def feature_map(X: Array, names: Sequence[str]) -> Array:
    """Map points X (N, 2) to the network's inputs (N, F), one column per feature name."""
    X = np.asarray(X, dtype=np.float64)
    a, b = X[:, 0], X[:, 1]
    return np.stack([FEATURES[n].fn(a, b) for n in check_features(names)], axis=1)


# ---------------------------------------------------------------------------------------------
# Grids over the plane
# ---------------------------------------------------------------------------------------------


def plane_extent(*point_sets: Array, minimum: float = 1.6, margin: float = 1.08) -> float:
    """Half-width h of the square [-h, h]² that shows every point with a margin (≥ ``minimum``)."""
    h = minimum
    for P in point_sets:
        if P is not None and len(P):
            h = max(h, float(np.abs(P).max()) * margin)
    return h


def plane_grid(extent: float, n: int = MAX_GRID) -> tuple[Array, Array, Array]:
    """Cell centres of an n×n grid over [-extent, extent]²: xs (n,), ys (n,), XY (n·n, 2).

    Row i of a grid image is ys[i] (bottom to top), column j is xs[j]; XY is row-major.
    """
    n = int(n)
    if not 2 <= n <= MAX_GRID:
        raise ValueError(f"grid size must be between 2 and {MAX_GRID}, got {n}")
    xs = np.linspace(-extent, extent, n)
    gx, gy = np.meshgrid(xs, xs)
    return xs, xs.copy(), np.stack([gx.ravel(), gy.ravel()], axis=1)


@dataclass
class NetworkGrid:
    """One eval-mode forward pass over a grid.

    ``proba``: (n, n, C) class probabilities; ``hidden``: per hidden layer (n, n, width)
    activations; ``inputs``: (n, n, F) the feature maps; all finite (non-finite values, possible
    only for a diverging net, are replaced by 0 and counted in ``n_bad``).
    """

    xs: Array
    ys: Array
    proba: Array
    hidden: list[Array]
    inputs: Array
    n_bad: int = 0


def _finite(a: Array) -> tuple[Array, int]:
    bad = ~np.isfinite(a)
    n = int(bad.sum())
    return (np.where(bad, 0.0, a) if n else a), n


def network_grid(
    params: dict,
    features: Sequence[str],
    activation,
    loss: str,
    bn_state: dict | None,
    extent: float,
    n: int = MAX_GRID,
) -> NetworkGrid:
    """Probabilities and hidden activations of the network over the n×n grid (one forward pass)."""
    xs, ys, XY = plane_grid(extent, n)
    F = feature_map(XY, features)
    with np.errstate(all="ignore"):
        out, rec = mlp_forward(params, F, activation, train=False, bn_state=bn_state or None)
        proba = LOSSES[loss].proba(out)
    proba, bad = _finite(proba)
    hidden = []
    for a in rec["a"]:
        a, b = _finite(a)
        bad += b
        hidden.append(a.reshape(n, n, -1))
    return NetworkGrid(xs, ys, proba.reshape(n, n, -1), hidden, F.reshape(n, n, -1), bad)


# ---------------------------------------------------------------------------------------------
# Metrics and summaries
# ---------------------------------------------------------------------------------------------


def confusion_matrix(y_true: Array, y_pred: Array, n_classes: int) -> Array:
    """(C, C) counts: row = true class, column = predicted class."""
    cm = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(cm, (np.asarray(y_true, int), np.asarray(y_pred, int)), 1)
    return cm


def weight_histograms(params: dict, bins: int = 30) -> list[dict]:
    """Per weight layer: {"layer", "edges" (bins+1,), "counts" (bins,), "mean", "std", "n"}.

    Only W matrices (not biases / batch-norm parameters); non-finite entries are dropped.
    """
    out = []
    for l in range(1, n_layers(params) + 1):
        w = params[f"W{l}"].ravel()
        w = w[np.isfinite(w)]
        lo, hi = (float(w.min()), float(w.max())) if w.size else (-1.0, 1.0)
        if hi - lo < 1e-12:
            lo, hi = lo - 0.5, hi + 0.5
        counts, edges = np.histogram(w, bins=bins, range=(lo, hi))
        out.append({
            "layer": l, "edges": edges, "counts": counts,
            "mean": float(w.mean()) if w.size else 0.0,
            "std": float(w.std()) if w.size else 0.0, "n": int(w.size),
        })
    return out


# ---------------------------------------------------------------------------------------------
# Weights as JSON
# ---------------------------------------------------------------------------------------------


def expected_shapes(
    sizes: Sequence[int], activations: Sequence[str], batchnorm: bool, maxout_k: int = 2
) -> dict[str, tuple[int, ...]]:
    """Shapes of every parameter of an MLP with these widths (as ``init_mlp`` makes them)."""
    shapes: dict[str, tuple[int, ...]] = {}
    L = len(sizes) - 1
    for l in range(1, L + 1):
        k = maxout_k if l < L and activations[l - 1] == "maxout" else 1
        shapes[f"W{l}"] = (int(sizes[l - 1]), int(sizes[l]) * k)
        shapes[f"b{l}"] = (int(sizes[l]) * k,)
        if l < L and batchnorm:
            shapes[f"gamma{l}"] = shapes[f"beta{l}"] = (int(sizes[l]) * k,)
    return shapes


def params_to_json(params: dict, bn_state: dict | None = None, meta: dict | None = None) -> str:
    """The weights (and batch-norm running statistics) as a JSON text, with optional metadata."""
    doc = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "meta": meta or {},
        "params": {k: np.asarray(v).tolist() for k, v in params.items()},
        "bn_state": {k: np.asarray(v).tolist() for k, v in (bn_state or {}).items()},
    }
    return json.dumps(doc, allow_nan=False)


def _as_array(name: str, value, shape: tuple[int, ...]) -> Array:
    try:
        a = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError("json_not_numbers", name=name) from None
    if a.shape != tuple(shape):
        raise InputError("json_wrong_shape", name=name, have=str(a.shape), want=str(tuple(shape)))
    if not np.isfinite(a).all():
        raise InputError("json_not_finite", name=name)
    return a


def _widths(shapes: dict) -> list[int] | None:
    """Layer widths [inputs, hidden..., outputs] read off W1..WL (tuples or nested lists)."""
    widths: list[int] = []
    l = 1
    while f"W{l}" in shapes:
        w = shapes[f"W{l}"]
        shape = w if isinstance(w, tuple) else np.shape(w)
        if len(shape) != 2:
            return None
        widths += [int(shape[0])] if not widths else []
        widths.append(int(shape[1]))
        l += 1
    return widths or None


def _architecture(shapes: dict) -> str:
    """'2-8-8-2' for a network's (or a file's) W1..WL shapes, '' when they cannot be read."""
    try:
        widths = _widths(shapes)
    except (TypeError, ValueError, IndexError):
        widths = None
    return "-".join(map(str, widths)) if widths else ""


def params_from_json(text: str | bytes, shapes: dict[str, tuple[int, ...]]) -> tuple[dict, dict, dict]:
    """Read ``params_to_json`` output and check it against the network's ``expected_shapes``.

    Returns (params, bn_state, meta). Raises ``InputError``: json_invalid (detail),
    json_not_weights, json_unknown_format (found, expected), json_mismatch (missing, extra:
    comma-separated keys or ''; have, want: architectures such as '2-8-2' or ''),
    json_not_numbers / json_not_finite (name), json_wrong_shape (name, have, want),
    json_bn_not_object, json_negative_var (name).
    """
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError("json_invalid", detail=getattr(exc, "msg", str(exc))) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("params"), dict):
        raise InputError("json_not_weights")
    if doc.get("format", JSON_FORMAT) != JSON_FORMAT:
        raise InputError("json_unknown_format", found=str(doc.get("format")), expected=JSON_FORMAT)
    raw = doc["params"]
    missing = [k for k in shapes if k not in raw]
    extra = [str(k) for k in raw if k not in shapes]
    if missing or extra:
        raise InputError("json_mismatch", missing=", ".join(missing), extra=", ".join(extra),
                         have=_architecture(raw), want=_architecture(shapes))
    params = {k: _as_array(k, raw[k], shapes[k]) for k in shapes}
    bn_raw = doc.get("bn_state") or {}
    if not isinstance(bn_raw, dict):
        raise InputError("json_bn_not_object")
    bn_state = {}
    for k, g in shapes.items():
        if k.startswith("gamma"):
            l = k[len("gamma") :]
            for key in (f"mean{l}", f"var{l}"):
                if key in bn_raw:
                    bn_state[key] = _as_array(key, bn_raw[key], g)
                else:
                    bn_state[key] = np.zeros(g) if key.startswith("mean") else np.ones(g)
            if (bn_state[f"var{l}"] < 0).any():
                raise InputError("json_negative_var", name=f"var{l}")
    meta = doc.get("meta") if isinstance(doc.get("meta"), dict) else {}
    return params, bn_state, meta


# ---------------------------------------------------------------------------------------------
# Uploaded data
# ---------------------------------------------------------------------------------------------


def validate_points(X, y) -> tuple[Array, Array, Array]:
    """Check an uploaded labelled point set; return (X (N, 2) float64, y (N,) int 0..C-1, classes).

    Rules: at most 5000 rows; finite numbers; labels are whole numbers; 2-10 distinct classes.
    Labels are renumbered 0..C-1 in sorted order; ``classes`` holds the original label values.
    Raises ``InputError``: points_shape, points_no_rows, points_too_many_rows (n, max),
    points_not_finite (column, count, row), labels_not_whole, one_class (label),
    too_many_classes (n, max).
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (X.shape[0],):
        raise InputError("points_shape")
    n = len(y)
    if n == 0:
        raise InputError("points_no_rows")
    if n > MAX_ROWS:
        raise InputError("points_too_many_rows", n=n, max=MAX_ROWS)
    for name, col in (("x1", X[:, 0]), ("x2", X[:, 1]), ("label", y)):
        bad = np.flatnonzero(~np.isfinite(col))
        if bad.size:
            raise InputError("points_not_finite", column=name, count=int(bad.size),
                             row=int(bad[0]) + 1)
    if not np.all(y == np.round(y)):
        raise InputError("labels_not_whole")
    classes, y_int = np.unique(y.astype(np.int64), return_inverse=True)
    if len(classes) < MIN_CLASSES:
        raise InputError("one_class", label=int(classes[0]))
    if len(classes) > MAX_CLASSES:
        raise InputError("too_many_classes", n=len(classes), max=MAX_CLASSES)
    return X, y_int.astype(np.int64), classes


def standardize(X: Array) -> tuple[Array, Array, Array]:
    """Per-column z-scores (X - mean) / std (std 1 where a column is constant): (Z, mean, std)."""
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (X - mean) / std, mean, std


# ---------------------------------------------------------------------------------------------
# Run length and snapshots
# ---------------------------------------------------------------------------------------------


def n_params(shapes: dict) -> int:
    return sum(int(np.prod(v)) for v in shapes.values())


def epoch_cost_s(n_train: int, batch: int, shapes: dict) -> float:
    """Rough seconds per epoch: NumPy call overhead per update and layer, plus the
    multiply-adds (forward and backward ≈ 3 passes) on a pessimistic 0.5 GFLOP/s. A
    deterministic estimate, so the same URL caps a round at the same epoch on any machine."""
    steps = -(-n_train // max(1, batch))
    weights = [int(np.prod(v)) for k, v in shapes.items() if k.startswith("W")]
    return steps * (40e-6 + 50e-6 * len(weights)) + 6.0 * n_train * sum(weights) / 0.5e9


def snapshot_epochs(start: int, epochs: int, n_weights: int) -> range:
    """Evenly spaced epochs to keep weights of: up to 51, fewer for big nets (≤ ~4 MB a round)."""
    most = int(np.clip(SNAPSHOT_BYTES // (8 * max(n_weights, 1)), 11, MAX_SNAPSHOTS))
    step = max(1, int(np.ceil(epochs / (most - 1))))
    return range(start, start + epochs + 1, step)


# ---------------------------------------------------------------------------------------------
# One round of training in chunks (the page runs long rounds chunk by chunk in worker processes)
# ---------------------------------------------------------------------------------------------


def round_chunks(first: int, epochs: int, n_chunks: int) -> list[tuple[int, int]]:
    """(start epoch, epochs) of each chunk of the round first+1 … first+epochs, as even as
    possible, at most ``epochs`` chunks."""
    n = max(1, min(int(n_chunks), int(epochs)))
    edges = [first + (epochs * k) // n for k in range(n + 1)]
    return [(a, b - a) for a, b in zip(edges[:-1], edges[1:], strict=True)]


def train_chunk(start: tuple, job: dict, first: int, epochs: int):
    """Epochs first+1 … first+epochs from ``start`` = (params, bn_state, opt_state) (Nones: the
    seed's fresh network). ``job``: the data ("X", "y", "X_test", "y_test"), layer ``sizes``,
    the round's ``snaps`` and train_mlp's other keyword arguments (``kw``). A module-level pure
    function, so a worker process computes exactly what this process would."""
    from .train import train_mlp  # train imports mlp; importing it here keeps this module light

    params, bn, opt = start
    return train_mlp(
        job["X"], job["y"], job["sizes"], X_test=job["X_test"], y_test=job["y_test"],
        params=params, bn_state=bn, opt_state=opt, start_epoch=first, epochs=epochs,
        snapshot_epochs=job["snaps"], **job["kw"],
    )


def merge_chunk(acc, more, keep: set):
    """The round so far (``acc``, None before the first chunk) continued by chunk ``more``: its
    history without the repeated first row, its snapshots at the round's ``keep`` epochs (and
    the last good one after a divergence), so n chunks give exactly one long run's result."""
    from .train import TrainResult

    snaps = {e: v for e, v in more.snapshots.items()
             if e in keep or (more.diverged_at is not None and e == more.diverged_at - 1)}
    if acc is None:
        return TrainResult(more.params, more.bn_state, more.opt_state, more.history, snaps,
                           more.diverged_at, more.reason)
    history = {k: np.concatenate([acc.history[k], more.history[k][1:]]) for k in acc.history}
    return TrainResult(more.params, more.bn_state, more.opt_state, history,
                       {**acc.snapshots, **snaps}, more.diverged_at, more.reason)


def train_round(start: tuple, job: dict, first: int, epochs: int, n_chunks: int = 1,
                run_chunk: Callable = None):
    """One round (``epochs`` epochs after ``first``) in ``n_chunks`` chunks, each through
    ``run_chunk(train_chunk, start, job, first, epochs)`` (default: here); stops at a divergence.
    Yields the round so far after each chunk: (chunk index, its count, TrainResult)."""
    keep = set(job["snaps"]) | {first, first + epochs}
    plan = round_chunks(first, epochs, n_chunks)
    acc = None
    for k, (a, n) in enumerate(plan, start=1):
        more = (run_chunk or _here)(train_chunk, start, job, a, n)
        acc = merge_chunk(acc, more, keep)
        yield k, len(plan), acc
        if acc.diverged_at is not None:
            return
        start = (acc.params, acc.bn_state, acc.opt_state)


def _here(fn: Callable, *args):
    return fn(*args)
