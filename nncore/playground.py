"""The training playground's NumPy side: input features, grids over the plane, what the views show.

Everything a TensorFlow-Playground-style page needs besides training itself (``train_mlp``):

- ``FEATURES``: the input feature maps x1, x2, x1², x2², x1·x2, sin x1, sin x2 and
  ``feature_map(X, names)`` -> (N, F), so a linear model on x1² + x2² can learn a circle.
- ``plane_grid`` / ``network_grid``: one forward pass over a ≤100×100 grid gives the class
  probabilities (the decision boundary) *and* every hidden unit's activation (the thumbnails).
- ``confusion_matrix``, ``weight_histograms`` (counts, binned here so a browser gets ~30 numbers).
- ``params_to_json`` / ``params_from_json``: the trained weights as JSON, read back with checks
  (keys, shapes, finite numbers) and plain error messages.
- ``validate_points``: the rules an uploaded data set must satisfy (2-10 classes, ≤ 5000 rows,
  finite numbers).

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


def quantize_tile(a: Array) -> Array:
    """A unit's activation map scaled to uint8 1..249 with 0 → 125 and ±max|a| → 249 / 1.

    0 is kept free for the background between tiles; a constant-zero (dead) unit is all 125.
    The top stays below 252 because a byte ≥ 0xFC begins a base64 "/" that JSON escapes as
    six characters (the browser receives these images base64-encoded).
    """
    m = float(np.abs(a).max(initial=0.0))
    scaled = a / m if m > 0 else np.zeros_like(a)
    return np.rint(125.0 + 124.0 * scaled).astype(np.uint8)


FRAME = 250  # mosaic value of the one-cell frame around every tile (0 = empty background)


@dataclass
class Mosaic:
    """Thumbnails packed into one uint8 image (0 = background, 250 = tile frames) plus where
    each tile sits.

    ``tiles``: list of (layer index, unit index, row0, col0) of each tile's lower-left cell in
    ``image`` (row 0 at the bottom); ``layer_cols``: (first col, last col) of each layer's block.
    """

    image: Array
    tile: int
    tiles: list[tuple[int, int, int, int]]
    layer_cols: list[tuple[int, int]]
    max_abs: list[Array]


def thumbnail_mosaic(
    layers: Sequence[Array],
    cell_budget: int = 160_000,
    max_rows: int = 8,
    gap: int = 2,
    max_tile: int = 34,
) -> Mosaic:
    """Lay out per-unit activation maps (each layer (n, n, width)) as one image, layer by layer.

    A layer is a block of columns of at most ``max_rows`` tiles; the tiles are the grids
    subsampled with the smallest stride that gives tiles of at most ``max_tile`` cells a side
    (a thumbnail is drawn ~60 px wide) and keeps the whole image under ``cell_budget`` cells.
    """
    if not layers:
        return Mosaic(np.zeros((1, 1), np.uint8), 0, [], [], [])
    n = layers[0].shape[0]
    widths = [a.shape[2] for a in layers]
    rows = min(max_rows, max(widths))
    n_cols = [int(np.ceil(w / rows)) for w in widths]
    stride = max(1, int(np.ceil(n / max_tile)))
    while True:
        t = len(range(0, n, stride))
        h = rows * (t + gap) - gap + 2  # + a one-cell frame on the outer edges
        w = sum(c * (t + gap) for c in n_cols) + gap * 2 * (len(layers) - 1) - gap + 2
        if h * w <= cell_budget or t <= 8:
            break
        stride += 1
    img = np.zeros((h, w), dtype=np.uint8)
    tiles, layer_cols, max_abs = [], [], []
    col = 1
    for li, a in enumerate(layers):
        sub = a[::stride, ::stride, :]
        max_abs.append(np.abs(a).max(axis=(0, 1)))
        first = col
        for u in range(a.shape[2]):
            c, r = divmod(u, rows)
            r = rows - 1 - r  # first unit at the top
            r0, c0 = 1 + r * (t + gap), col + c * (t + gap)
            img[r0 - 1 : r0 + t + 1, c0 - 1 : c0 + t + 1] = FRAME  # so a white tile shows
            img[r0 : r0 + t, c0 : c0 + t] = quantize_tile(sub[:, :, u])
            tiles.append((li, u, r0, c0))
        col += n_cols[li] * (t + gap)
        layer_cols.append((first, col - gap - 1))
        col += gap * 2
    return Mosaic(img, t, tiles, layer_cols, max_abs)


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
        })  # fmt: skip
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
        raise ValueError(f"{name!r} must be a (nested) list of numbers") from None
    if a.shape != tuple(shape):
        raise ValueError(
            f"{name!r} has shape {a.shape} but this network needs {tuple(shape)}"
        )
    if not np.isfinite(a).all():
        raise ValueError(f"{name!r} contains NaN or infinite values")
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


def _architectures(raw: dict, shapes: dict) -> str:
    try:
        have = _widths(raw)
    except (TypeError, ValueError, IndexError):
        have = None
    want = _widths(shapes)
    if not have or not want:
        return ""
    return (f": the file holds a {'-'.join(map(str, have))} network, this one is "
            f"{'-'.join(map(str, want))}")


def params_from_json(text: str | bytes, shapes: dict[str, tuple[int, ...]]) -> tuple[dict, dict, dict]:
    """Read ``params_to_json`` output and check it against the network's ``expected_shapes``.

    Returns (params, bn_state, meta). Raises ValueError with a message a student can act on:
    not JSON, not a weights file, a missing or unexpected key, a wrong shape, a non-finite value.
    """
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"the file is not valid JSON ({exc.msg if hasattr(exc, 'msg') else exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("params"), dict):
        raise ValueError('not a weights file: expected a JSON object with a "params" object')
    if doc.get("format", JSON_FORMAT) != JSON_FORMAT:
        raise ValueError(f"unknown format {doc.get('format')!r}; expected {JSON_FORMAT!r}")
    raw = doc["params"]
    missing = [k for k in shapes if k not in raw]
    extra = [k for k in raw if k not in shapes]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing)}")
        if extra:
            parts.append(f"unexpected {', '.join(map(str, extra))}")
        raise ValueError(
            "the weights do not fit this network (" + "; ".join(parts) + ")"
            + _architectures(raw, shapes)
            + ". Set the same layers, input features and batch-norm setting as the saved run"
        )
    params = {k: _as_array(k, raw[k], shapes[k]) for k in shapes}
    bn_raw = doc.get("bn_state") or {}
    if not isinstance(bn_raw, dict):
        raise ValueError('"bn_state" must be an object')
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
                raise ValueError(f"'var{l}' must not be negative")
    meta = doc.get("meta") if isinstance(doc.get("meta"), dict) else {}
    return params, bn_state, meta


# ---------------------------------------------------------------------------------------------
# Uploaded data
# ---------------------------------------------------------------------------------------------


def validate_points(X, y) -> tuple[Array, Array, Array]:
    """Check an uploaded labelled point set; return (X (N, 2) float64, y (N,) int 0..C-1, classes).

    Rules: at most 5000 rows; finite numbers; labels are whole numbers; 2-10 distinct classes.
    Labels are renumbered 0..C-1 in sorted order; ``classes`` holds the original label values.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (X.shape[0],):
        raise ValueError("expected two coordinate columns and one label per row")
    n = len(y)
    if n == 0:
        raise ValueError("the file has no data rows")
    if n > MAX_ROWS:
        raise ValueError(f"the file has {n} rows; at most {MAX_ROWS} are allowed")
    for j, name in enumerate(("x1", "x2")):
        bad = np.flatnonzero(~np.isfinite(X[:, j]))
        if bad.size:
            raise ValueError(
                f"column {name} has {bad.size} empty, NaN or infinite value(s) "
                f"(first at data row {bad[0] + 1})"
            )
    bad = np.flatnonzero(~np.isfinite(y))
    if bad.size:
        raise ValueError(
            f"column label has {bad.size} empty, NaN or infinite value(s) (first at data row {bad[0] + 1})"
        )
    if not np.all(y == np.round(y)):
        raise ValueError("labels must be whole numbers (class ids such as 0, 1, 2)")
    classes, y_int = np.unique(y.astype(np.int64), return_inverse=True)
    if len(classes) < MIN_CLASSES:
        raise ValueError(
            f"all rows have the same label ({classes[0]}): a classifier needs at least two classes"
        )
    if len(classes) > MAX_CLASSES:
        raise ValueError(f"found {len(classes)} classes; at most {MAX_CLASSES} are supported")
    return X, y_int.astype(np.int64), classes


def standardize(X: Array) -> tuple[Array, Array, Array]:
    """Per-column z-scores (X - mean) / std (std 1 where a column is constant): (Z, mean, std)."""
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (X - mean) / std, mean, std
