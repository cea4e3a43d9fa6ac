"""Space warping: how an affine map and an activation bend the plane, and what that buys.

Lecture ("Space warping with ReLU"): a hidden layer computes  h = g(W x + b).  The affine part
W x + b moves the plane rigidly-ish (rotate, scale, shear, shift: straight lines stay straight);
ReLU then sets every negative coordinate to 0: quadrant I is kept, II and IV are pressed onto
the axes, III onto the origin (a clamp; |x| instead folds the plane, mirroring each negative
half onto the positive one). Data that no line separates in x can become separable in h, and a
straight line in h is a bent line in x. Each further layer bends the bent plane again, so the
number of linear pieces ("linear regions") *can* grow exponentially with depth (hand-built
``sawtooth_net``); random nets do not (``depth_vs_width``).

Conventions
- Weights are stored as in ``nncore.mlp``: W (fan_in, fan_out), z = x·W + b for a row x
  (``nncore.layers.dense_forward``). The lecture writes z = W x + b for a column x, with the
  lecture's W[i, j] = stored W[j, i] (unit i, input j); the page's sliders use the lecture's.
- Every function here is pure NumPy and deterministic; random draws take an explicit rng/seed.

Contents
- ``grid_paths``: the input grid as two dense polylines (no gaps), warped like any point set.
- ``manual_stages`` / ``network_stages``: x -> z1 -> h1 -> ... for hand-set or trained layers.
- ``PRESETS``: hand-made (W, b) pairs, including two layers of 2 units that make XOR separable;
  ``xor_comparison``: linear accuracy after 1 or 2 layers of 2 units, or 1 layer of 4.
- ``fit_logreg`` / ``linear_accuracy``: a linear classifier (logistic regression).
- ``activation_patterns`` / ``region_map`` / ``connected_regions``: linear regions on a grid.
- ``exact_regions`` / ``count_regions`` / ``pieces_along_segment``: linear regions, exactly.
- ``depth_vs_width`` / ``depth_summary``: region counts of nets with the same number of units.
- ``pca_2d`` / ``view_2d`` / ``layer_accuracies``: 2D views of wider layers, per-layer accuracy.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .layers import dense_forward
from .mlp import mlp_forward, n_layers

Array = np.ndarray
Layer = tuple[Array, Array]  # (W (fan_in, fan_out), b (fan_out,)): z = x·W + b

WARP_ACTIVATIONS = ("relu", "leaky_relu", "abs", "tanh", "linear")
"""Activations offered for hand-set layers (lecture order: ReLU first, linear as the control)."""

PIECEWISE_LINEAR = ("relu", "leaky_relu", "linear", "abs", "hard_tanh")
"""Activations whose layers split the plane into finitely many affine pieces."""


# ---------------------------------------------------------------------------------------------
# The grid as polylines
# ---------------------------------------------------------------------------------------------


def grid_paths(lo: float, hi: float, n_lines: int = 13, n_pts: int = 81) -> tuple[Array, Array]:
    """Grid lines of the square [lo, hi]² as two gap-free polylines (M, 2): horizontals, verticals.

    Each family is one "snake" path: along line k, then along the square's edge (itself a grid
    line) to the start of line k+1, then back along it. The connectors retrace the outermost
    grid lines, so the drawing equals the grid while needing no NaN breaks, and every vertex is
    a real point of the plane, so warping the path warps the grid. ``n_pts`` points per line
    (dense, so a fold shows as a bend rather than a straight chord).
    """
    ticks = np.linspace(lo, hi, n_lines)
    along = np.linspace(lo, hi, n_pts)
    step = max(2, int(np.ceil(n_pts / (n_lines - 1))) + 1) if n_lines > 1 else 2
    rows = []
    for k, c in enumerate(ticks):
        s = along if k % 2 == 0 else along[::-1]
        rows.append(np.stack([s, np.full_like(s, c)], axis=1))
        if k + 1 < n_lines:  # walk up the edge where this line ended
            edge = s[-1]
            up = np.linspace(c, ticks[k + 1], step)[1:-1]
            rows.append(np.stack([np.full_like(up, edge), up], axis=1))
    horizontal = np.concatenate(rows)
    vertical = horizontal[:, ::-1].copy()
    return horizontal, vertical


# ---------------------------------------------------------------------------------------------
# Stages of hand-set layers and of a trained network
# ---------------------------------------------------------------------------------------------


def manual_stages(X: Array, layers: Sequence[Layer], activation: str) -> list[Array]:
    """[x, z1, h1, z2, h2, ...] for hand-set layers: z_l = h_{l-1}·W_l + b_l (``dense_forward``),
    h_l = g(z_l) (``ACTIVATIONS``). X: (N, d); W_l: (fan_in, fan_out)."""
    g = ACTIVATIONS[activation].f
    out = [np.asarray(X, dtype=np.float64)]
    h = out[0]
    for W, b in layers:
        z, _ = dense_forward(h, np.asarray(W, np.float64), np.asarray(b, np.float64))
        h = g(z)
        out += [z, h]
    return out


def network_stages(params: dict, X: Array, activation: str, bn_state: dict | None = None):
    """Hidden representations of an nncore MLP: [x, h1, ..., h_{L-1}] (each (N, width))."""
    _, rec = mlp_forward(params, X, activation, train=False, bn_state=bn_state or None)
    return [np.asarray(X, dtype=np.float64), *rec["a"]]


def network_logits(params: dict, H: Array) -> Array:
    """The output layer alone: out = h·W_L + b_L for a last-hidden representation H."""
    L = n_layers(params)
    return H @ params[f"W{L}"] + params[f"b{L}"]


# ---------------------------------------------------------------------------------------------
# Presets
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """Hand-set layers for the manual mode. ``layers`` = ((W (fan_in, fan_out), b), ...) as
    nested tuples."""

    name: str
    layers: tuple

    def arrays(self) -> list[Layer]:
        return [(np.array(W, dtype=np.float64), np.array(b, dtype=np.float64)) for W, b in self.layers]


XOR_STEEPNESS = 20.0
"""The XOR set keeps its points ≥ 0.05 away from the axes, so the second layer must tell the
point (1, 0.05) from (1, 0): a crease of slope 1/20 (quadrant I goes to the origin except a
wedge where one coordinate is below 1/20 of the other)."""

_I = ((1.0, 0.0), (0.0, 1.0))
# Names and explanations of the presets live in the page's strings (ui/strings/space_warp.py).
# W is (fan_in, fan_out): column j holds unit j's weights (the lecture's row j).
PRESETS: dict[str, Preset] = {
    p.name: p
    for p in [
        Preset("identity", ((_I, (0.0, 0.0)),)),
        # z1 = 0.71 x1 − 0.71 x2, z2 = 0.71 x1 + 0.71 x2
        Preset("rotate", ((((0.71, 0.71), (-0.71, 0.71)), (0.0, 0.0)),)),
        # z1 = x1 + 0.8 x2 + 0.3, z2 = x2 − 0.2
        Preset("shear", ((((1.0, 0.0), (0.8, 1.0)), (0.3, -0.2)),)),
        Preset("squash", ((((1.0, 1.0), (1.0, 1.0)), (0.0, 0.0)),)),
        # one layer of 2 ReLU units: z = (x1 + x2, −x1 − x2): keeps x1 + x2, loses x1 − x2
        Preset("xor_fail", ((((1.0, -1.0), (1.0, -1.0)), (0.0, 0.0)),)),
        # two layers of 2: III -> origin, II/IV -> axes; then I -> origin too
        Preset("xor_fold", ((_I, (0.0, 0.0)),
                            (((1.0, -XOR_STEEPNESS), (-XOR_STEEPNESS, 1.0)), (0.0, 0.0)))),
    ]
}


XOR_FOUR_UNITS: tuple = (((1.0, -1.0, 1.0, -1.0), (1.0, -1.0, -1.0, 1.0)), (0.0,) * 4)
"""One ReLU layer of 4 units, z = (x1+x2, −x1−x2, x1−x2, −x1+x2) (W (2, 4)), that makes
quadrant XOR linearly separable: h1 + h2 − h3 − h4 =
|x1+x2| − |x1−x2|, whose sign is the sign of x1·x2 (|a+b|² − |a−b|² = 4ab)."""

XOR_CORNERS = (np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([0, 1, 1, 0]))
XOR_221: tuple = ((((1.0, 1.0), (1.0, 1.0)), (0.0, -1.0)), ((1.0, -2.0), -0.5))
"""The lecture's 2-2-1 network for the four corners of XOR: h = ReLU(x1+x2, x1+x2−1),
out = h1 − 2·h2 − 0.5 > 0 exactly for class 1."""


def xor_221_output(X: Array) -> Array:
    """The 2-2-1 network ``XOR_221``'s output for points X (N, 2)."""
    (Wh, bh), (v, c) = XOR_221
    h = manual_stages(X, [(np.array(Wh), np.array(bh))], "relu")[-1]
    return h @ np.array(v) + c


def xor_comparison(X: Array, y: Array) -> dict[str, float]:
    """Linear accuracy on quadrant XOR (2 classes) in x and after each way of transforming it:
    one layer of 2 ReLU units ("xor_fail"), two layers of 2 ("xor_fold"), one layer of 4
    (``XOR_FOUR_UNITS``)."""
    four = [(np.array(XOR_FOUR_UNITS[0]), np.array(XOR_FOUR_UNITS[1]))]
    h = {
        "raw": X,
        "one": manual_stages(X, PRESETS["xor_fail"].arrays(), "relu")[-1],
        "two": manual_stages(X, PRESETS["xor_fold"].arrays(), "relu")[-1],
        "four": manual_stages(X, four, "relu")[-1],
    }
    return {k: linear_accuracy(v, y, 2) for k, v in h.items()}


# ---------------------------------------------------------------------------------------------
# A linear classifier: logistic regression by Newton's method
# ---------------------------------------------------------------------------------------------


@dataclass
class LinearFit:
    """A fitted linear classifier on raw features: scores = X @ W + b (argmax = class)."""

    W: Array  # (d, C)
    b: Array  # (C,)
    accuracy: float  # on the data it was fitted to
    iterations: int

    def scores(self, X: Array) -> Array:
        return X @ self.W + self.b

    def predict(self, X: Array) -> Array:
        return self.scores(X).argmax(axis=1)


# long: Newton's method with step halving and the best-iterate rule, one algorithm in one place
def fit_logreg(
    X: Array, y: Array, n_classes: int, l2: float = 1e-6, max_iter: int = 40
) -> LinearFit:
    """Multinomial logistic regression, full batch, Newton's method with step halving.

    minimise  mean_n −log softmax(x_n·W + b)[y_n]  +  l2/2 · ‖W‖²   on standardised features.
    Newton converges in a few dozen steps for d ≤ ~32; on separable data the weights grow without
    bound, so the iterate with the best training accuracy is kept (any iterate is a linear
    classifier, so its accuracy is attained by a line). Returns W, b in the raw feature scale.
    X: (N, d), y: (N,) ints in [0, n_classes).
    """
    X = np.asarray(X, dtype=np.float64)
    N, d = X.shape
    C = int(n_classes)
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    keep = sd > 1e-12 * max(1.0, float(np.abs(X).max(initial=0.0)))  # constant columns carry nothing
    A = np.zeros((N, d + 1))
    A[:, :d][:, keep] = (X[:, keep] - mu[keep]) / sd[keep]
    A[:, d] = 1.0
    Y = np.zeros((N, C))
    Y[np.arange(N), y] = 1.0
    D = d + 1
    reg = np.full(D, l2)
    reg[d] = 1e-9  # (almost) no penalty on the bias
    ridge = np.tile(reg, C)  # matches the column-stacked (C·D) parameter vector

    def loss_of(Wf):
        S = A @ Wf
        S = S - S.max(axis=1, keepdims=True)
        lse = np.log(np.exp(S).sum(axis=1))
        return float(np.mean(lse - (S * Y).sum(axis=1)) + 0.5 * np.sum(ridge * Wf.T.ravel() ** 2))

    Wf = np.zeros((D, C))
    best_acc, best_W, done = -1.0, Wf.copy(), 0
    value = loss_of(Wf)
    for it in range(1, max_iter + 1):
        done = it
        S = A @ Wf
        S -= S.max(axis=1, keepdims=True)
        P = np.exp(S)
        P /= P.sum(axis=1, keepdims=True)
        acc = float(np.mean(P.argmax(axis=1) == y))
        if acc > best_acc:
            best_acc, best_W = acc, Wf.copy()
        if best_acc == 1.0:
            break
        G = (A.T @ (P - Y) / N).T.ravel() + ridge * Wf.T.ravel()  # (C·D,), class-major
        # Hessian blocks: H[c, k] = A^T diag(p_c (δ_ck − p_k)) A / N
        H = np.empty((C, D, C, D))
        for c in range(C):
            for k in range(c, C):
                w = P[:, c] * ((c == k) - P[:, k]) / N
                H[c, :, k, :] = (A * w[:, None]).T @ A
                H[k, :, c, :] = H[c, :, k, :].T
        H = H.reshape(C * D, C * D) + np.diag(ridge + 1e-10)
        step = np.linalg.solve(H, G)
        t = 1.0
        while t > 1e-4:
            trial = Wf - t * step.reshape(C, D).T
            new = loss_of(trial)
            if new <= value:
                break
            t *= 0.5
        if not np.isfinite(new) or abs(value - new) < 1e-12:
            Wf = trial if np.isfinite(new) and new <= value else Wf
            break
        Wf, value = trial, new
    S = A @ Wf
    acc = float(np.mean(S.argmax(axis=1) == y))
    if acc > best_acc:
        best_acc, best_W = acc, Wf
    # Back to raw features: s = ((x − mu)/sd)·W + b
    Wraw = np.zeros((d, C))
    Wraw[keep] = best_W[:d][keep] / sd[keep, None]
    braw = best_W[d] - mu[keep] @ Wraw[keep]
    return LinearFit(Wraw, braw, best_acc, done)


def linear_accuracy(X: Array, y: Array, n_classes: int) -> float:
    """Training accuracy of the linear classifier ``fit_logreg`` finds (logistic regression: a
    linear classifier, not necessarily the most accurate one)."""
    return fit_logreg(X, y, n_classes).accuracy


def boundary_segment(w: Array, c: float, xr, yr) -> Array | None:
    """The part of the line w·p + c = 0 inside the box xr × yr: (2, 2) endpoints, or None."""
    pts = []
    (x0, x1), (y0, y1) = xr, yr
    if abs(w[1]) > 1e-12:
        for x in (x0, x1):
            yv = -(c + w[0] * x) / w[1]
            if y0 - 1e-9 <= yv <= y1 + 1e-9:
                pts.append((x, yv))
    if abs(w[0]) > 1e-12:
        for yv in (y0, y1):
            x = -(c + w[1] * yv) / w[0]
            if x0 - 1e-9 <= x <= x1 + 1e-9:
                pts.append((x, yv))
    if len(pts) < 2:
        return None
    pts = np.array(pts)
    # the two points farthest apart (corners may be found twice)
    i, j = np.unravel_index(np.argmax(((pts[:, None] - pts[None]) ** 2).sum(-1)), (len(pts),) * 2)
    return pts[[i, j]]


# ---------------------------------------------------------------------------------------------
# Linear regions
# ---------------------------------------------------------------------------------------------


def activation_patterns(preacts: Sequence[Array]) -> Array:
    """On/off pattern of every hidden unit: concat of (z_l > 0) over layers -> bool (N, units)."""
    return np.concatenate([np.asarray(z) > 0 for z in preacts], axis=1)


def pattern_ids(patterns: Array) -> tuple[Array, int]:
    """Integer id per row of a bool pattern matrix (equal rows, equal ids) and the count."""
    P = np.asarray(patterns, dtype=bool)
    if P.shape[1] <= 62:
        code = P.astype(np.int64) @ (np.int64(1) << np.arange(P.shape[1], dtype=np.int64))
        _, ids = np.unique(code, return_inverse=True)
    else:
        packed = np.ascontiguousarray(np.packbits(P, axis=1))
        rows = packed.view(np.dtype((np.void, packed.shape[1]))).ravel()
        _, ids = np.unique(rows, return_inverse=True)
    ids = ids.ravel()
    return ids, int(ids.max(initial=-1) + 1)


def grid_points(lo: float, hi: float, res: int) -> tuple[Array, Array]:
    """Axis ticks (res,) and the res×res grid as points (res², 2), row-major over (x2, x1)."""
    t = np.linspace(lo, hi, res)
    gx, gy = np.meshgrid(t, t)
    return t, np.stack([gx.ravel(), gy.ravel()], axis=1)


def network_preacts(params: dict, X: Array, activation: str) -> list[Array]:
    """Pre-activations z_l of every hidden layer of an nncore MLP."""
    _, rec = mlp_forward(params, X, activation, train=False)
    return rec["z"]


def region_map(params: dict, activation: str, lo: float, hi: float, res: int):
    """Linear regions of an MLP on the res×res grid of [lo, hi]².

    Returns (ids (res, res) int, count): points with the same ReLU on/off pattern share an id.
    With a piecewise-linear activation the network is affine on each pattern's region (a convex
    polygon), so ``count`` is the number of linear pieces the grid sees.
    """
    _, P = grid_points(lo, hi, res)
    ids, count = pattern_ids(activation_patterns(network_preacts(params, P, activation)))
    return ids.reshape(res, res), count


def manual_region_map(layers: Sequence[Layer], activation: str, lo: float, hi: float, res: int):
    """As ``region_map`` for hand-set layers."""
    _, P = grid_points(lo, hi, res)
    stages = manual_stages(P, layers, activation)
    ids, count = pattern_ids(activation_patterns(stages[1::2]))
    return ids.reshape(res, res), count


KINKS = {"relu": (0.0,), "leaky_relu": (0.0,), "abs": (0.0,), "hard_tanh": (-1.0, 1.0),
         "linear": ()}
"""Where each piecewise-linear activation changes slope (the pre-activation values)."""


def _area(P: Array) -> float:
    x, y = P[:, 0], P[:, 1]
    return 0.5 * abs(float(x @ np.roll(y, -1) - y @ np.roll(x, -1)))


def _half_plane(P: Array, s: Array, sign: float) -> Array:
    """The part of convex polygon P (k, 2) where sign·s ≥ 0, s = an affine function's vertex
    values (Sutherland–Hodgman against one line)."""
    out = []
    k = len(P)
    for i in range(k):
        j = (i + 1) % k
        si, sj = sign * s[i], sign * s[j]
        if si >= 0:
            out.append(P[i])
        if (si > 0 > sj) or (si < 0 < sj):
            out.append(P[i] + si / (si - sj) * (P[j] - P[i]))
    return np.array(out).reshape(-1, 2)


def _split(pieces: list[Array], a: Array, d: float, min_area: float) -> list[Array]:
    """Cut every convex polygon along the line a·x + d = 0 (pieces thinner than min_area, which
    only rounding can make, are dropped)."""
    out = []
    for P in pieces:
        s = P @ a + d
        s = np.where(np.abs(s) <= 1e-9 * max(1.0, float(np.abs(s).max())), 0.0, s)
        if s.min() >= 0 or s.max() <= 0:
            out.append(P)
            continue
        for sign in (1.0, -1.0):
            Q = _half_plane(P, s, sign)
            if len(Q) >= 3 and _area(Q) > min_area:
                out.append(Q)
    return out


def exact_regions(params: dict, activation: str, lo: float, hi: float) -> list[Array]:
    """Every linear region of an MLP with a piecewise-linear activation in [lo, hi]², exactly:
    each one a convex polygon (vertices (k, 2)).

    Layer by layer, every region so far carries the previous layer's output as an affine map
    of x, h = x·M + c; the layer's pre-activations z = x·(M W) + (c W + b) are affine there, so
    each unit's kink z_j = t (``KINKS``) is a straight line that cuts the polygon in two. After
    the layer, each piece gets h = g(z) as an affine map again (g's slope at its centroid).
    Regions = activation patterns, so no grid can miss a thin one (Montúfar et al., 2014;
    Hanin & Rolnick, 2019 count the same objects).
    """
    if activation not in KINKS:
        raise ValueError(f"{activation!r} is not piecewise linear: no linear regions")
    g = ACTIVATIONS[activation]
    box = np.array([[lo, lo], [hi, lo], [hi, hi], [lo, hi]], dtype=np.float64)
    min_area = 1e-12 * (hi - lo) ** 2
    items = [(box, np.eye(2), np.zeros(2))]
    for l in range(1, n_layers(params)):
        Wl, bl = params[f"W{l}"], params[f"b{l}"]
        new = []
        for P, M, c in items:
            A, d = M @ Wl, c @ Wl + bl  # z = x·A + d on this region
            S = P @ A + d
            pieces = [P]
            for j in range(A.shape[1]):
                for t in KINKS[activation]:
                    if S[:, j].min() < t < S[:, j].max():
                        pieces = _split(pieces, A[:, j], d[j] - t, min_area)
            for Q in pieces:
                z = Q.mean(axis=0) @ A + d
                slope = g.df(z)
                new.append((Q, A * slope, d * slope + g.f(z) - slope * z))
        items = new
    return [P for P, _, _ in items]


def count_regions(params: dict, activation: str, lo: float, hi: float) -> int:
    """The exact number of linear regions in [lo, hi]² (``exact_regions``)."""
    return len(exact_regions(params, activation, lo, hi))


def region_summary(params: dict, activation: str, X: Array, lo: float, hi: float, res: int,
                   show: int) -> dict:
    """What the linear-regions view draws: the region map on a ``res``² grid over [lo, hi]²
    thinned to about ``show``² cells (``ids``, ``ticks``), each point of X's region number as on
    the map (-1 where its region is not on the grid), the exact count and how many the thinned
    map shows. A module-level pure function, so a worker process computes exactly this."""
    ids, _ = region_map(params, activation, lo, hi, res)
    step = res // show
    ticks = np.linspace(lo, hi, res)[::step]
    _, P = grid_points(lo, hi, res)
    pats = activation_patterns(network_preacts(params, np.concatenate([P, X]), activation))
    all_ids, _ = pattern_ids(pats)
    lookup = dict(zip(all_ids[: len(P)].tolist(), ids.ravel().tolist(), strict=True))
    point_ids = np.array([lookup.get(i, -1) for i in all_ids[len(P) :].tolist()])
    shown = ids[::step, ::step]
    return {"ticks": ticks, "ids": shown, "point_ids": point_ids,
            "count": count_regions(params, activation, lo, hi),
            "shown": len(np.unique(shown))}


def pieces_along_segment(params: dict, activation: str, p0, p1) -> int:
    """The exact number of linear pieces of an MLP along the segment p0 -> p1 (1-D analogue of
    ``exact_regions``: every unit's kink is a point t where z_j(t) crosses a kink value)."""
    g = ACTIVATIONS[activation]
    p0, p1 = np.asarray(p0, np.float64), np.asarray(p1, np.float64)
    # intervals [t0, t1] of t ∈ [0, 1], each with h(t) = t·m + c
    items = [(0.0, 1.0, (p1 - p0)[None, :], p0.copy())]
    for l in range(1, n_layers(params)):
        Wl, bl = params[f"W{l}"], params[f"b{l}"]
        new = []
        for t0, t1, m, c in items:
            a, d = (m @ Wl)[0], c @ Wl + bl  # z(t) = t·a + d
            cuts = {t0, t1}
            for j in np.flatnonzero(a != 0):
                for k in KINKS[activation]:
                    t = (k - d[j]) / a[j]
                    if t0 + 1e-12 < t < t1 - 1e-12:
                        cuts.add(float(t))
            ts = sorted(cuts)
            for u0, u1 in zip(ts[:-1], ts[1:], strict=True):
                z = 0.5 * (u0 + u1) * a + d
                slope = g.df(z)
                new.append((u0, u1, (a * slope)[None, :], d * slope + g.f(z) - slope * z))
        items = new
    return len(items)


def connected_regions(ids: Array) -> int:
    """Number of 8-connected components of equal ids on a 2D grid (label propagation).

    Used to check that every activation pattern is one connected piece of the plane. Diagonal
    neighbours count, so a sliver thinner than a grid cell still reads as one piece.
    """
    ids = np.asarray(ids)
    lab = np.arange(ids.size).reshape(ids.shape)
    # (slice of a cell, slice of its neighbour) for right, down, down-right, down-left
    pairs = [
        ((slice(None), slice(None, -1)), (slice(None), slice(1, None))),
        ((slice(None, -1), slice(None)), (slice(1, None), slice(None))),
        ((slice(None, -1), slice(None, -1)), (slice(1, None), slice(1, None))),
        ((slice(None, -1), slice(1, None)), (slice(1, None), slice(None, -1))),
    ]
    same = [ids[a] == ids[b] for a, b in pairs]
    while True:
        old = lab.copy()
        for (a, b), eq in zip(pairs, same, strict=True):
            m = np.where(eq, np.minimum(lab[a], lab[b]), 0)
            lab[a] = np.where(eq, m, lab[a])
            lab[b] = np.where(eq, m, lab[b])
        flat = lab.ravel()  # pointer jumping: follow labels to their current representative
        lab = flat[flat].reshape(ids.shape)
        if np.array_equal(lab, old):
            break
    return int(np.unique(lab).size)


def random_net(widths: Sequence[int], seed: int, bias_std: float = 0.5) -> dict:
    """A random ReLU MLP 2 -> widths... -> 1: W ~ He normal N(0, 2/fan_in), b ~ N(0, bias_std²).

    Biases are random (not 0 as at training init): with zero biases every kink line would pass
    through the origin and all regions would be cones.
    """
    rng = np.random.default_rng(seed)
    sizes = [2, *widths, 1]
    params = {}
    for l, (a, b) in enumerate(zip(sizes[:-1], sizes[1:], strict=True), start=1):
        params[f"W{l}"] = rng.standard_normal((a, b)) * np.sqrt(2.0 / a)
        params[f"b{l}"] = bias_std * rng.standard_normal(b)
    return params


def shapes_with_units(total: int, depths: Sequence[int]) -> list[tuple[int, ...]]:
    """Hidden widths with ``total`` units spread evenly over each depth (depths that divide)."""
    return [(total // d,) * d for d in depths if d >= 1 and total % d == 0 and total // d >= 1]


def depth_vs_width(
    total: int,
    depths: Sequence[int] = (1, 2, 3, 4, 6),
    seeds: Sequence[int] = (0, 1, 2, 3, 4),
    lo: float = -1.5,
    hi: float = 1.5,
) -> dict:
    """Exact region counts (``count_regions``) of ReLU nets with the same ``total`` hidden
    units, deeper vs wider.

    Returns {"shapes": [widths...], "counts": (n_shapes, n_seeds) int, "built": (n_shapes,) int,
    "shallow_max": int}: ``counts`` for random nets (``random_net``), ``built`` for the hand-built
    folds of ``sawtooth_net`` with the same shape (w^depth), and shallow_max = 1 + n + n(n−1)/2,
    the most pieces n lines can cut the plane into (one hidden layer of n units). Depth *can*
    give exponentially many regions (``built``; Montúfar et al., 2014); random nets get a count
    that grows with the number of units, not with depth (Hanin & Rolnick, 2019).
    """
    shapes = shapes_with_units(total, depths)
    counts = np.zeros((len(shapes), len(seeds)), dtype=np.int64)
    for i, widths in enumerate(shapes):
        for j, s in enumerate(seeds):
            counts[i, j] = count_regions(random_net(widths, s), "relu", lo, hi)
    built = np.array([count_regions(sawtooth_net(w, lo, hi), "relu", lo, hi) for w in shapes])
    return {
        "shapes": shapes,
        "counts": counts,
        "built": built,
        "shallow_max": 1 + total + total * (total - 1) // 2,
    }


def sawtooth_net(widths: Sequence[int], lo: float = -1.5, hi: float = 1.5) -> dict:
    """A hand-built ReLU MLP whose every layer folds the x1-axis into ``w`` teeth (w = width).

    With s = (x1 − lo)/(hi − lo) ∈ [0, 1], layer 1 computes u_k = ReLU(s − k/w), k = 0..w−1, and
    the sawtooth g(s) = Σ_k c_k u_k with c = (w, −2w, 2w, −2w, ...) maps each of the w intervals
    onto [0, 1]. Layer l+1 repeats that on g: u_k = ReLU(g − k/w). The composition has w^depth
    linear pieces (stripes across the plane) from depth·w units — exponential in depth, where one
    layer of n units cuts a line into at most n + 1 pieces (Telgarsky 2016; Montúfar et al. 2014).
    """
    # s runs over exactly [0, 1] across the box, so all w^depth teeth lie inside it (the kinks
    # of the k = 0 units sit on the box's edge or touch 0 at a point: no region of their own)
    params: dict = {}
    prev_c = None
    for l, w in enumerate(widths, start=1):
        w = int(w)
        thresholds = np.arange(w) / w
        if prev_c is None:
            W = np.zeros((2, w))
            W[0, :] = 1.0 / (hi - lo)
            b = -lo / (hi - lo) - thresholds
        else:
            W = np.repeat(prev_c[:, None], w, axis=1)
            b = -thresholds
        params[f"W{l}"], params[f"b{l}"] = W, b
        prev_c = np.array([w if k == 0 else (-2 * w if k % 2 else 2 * w) for k in range(w)], float)
    L = len(widths) + 1
    params[f"W{L}"] = prev_c[:, None].copy()
    params[f"b{L}"] = np.zeros(1)
    return params


# ---------------------------------------------------------------------------------------------
# Projections and checks
# ---------------------------------------------------------------------------------------------


def pca_2d(H: Array) -> tuple[Array, Array, Array]:
    """Top-2 principal directions of H (N, k): (mean (k,), basis (k, 2), explained ratio (2,)).

    Project any set of rows with ``(Z − mean) @ basis``. Signs are fixed (largest entry of each
    direction positive) so the picture does not flip between epochs for no reason.
    """
    H = np.asarray(H, dtype=np.float64)
    mean = H.mean(axis=0)
    Hc = H - mean
    cov = Hc.T @ Hc / max(len(H) - 1, 1)
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1]
    vals, vecs = np.clip(vals[order], 0.0, None), vecs[:, order]
    if vecs.shape[1] < 2:  # width 1: pad with a zero direction
        vecs = np.concatenate([vecs, np.zeros((vecs.shape[0], 1))], axis=1)
        vals = np.concatenate([vals, [0.0]])
    basis = vecs[:, :2]
    flip = np.sign(basis[np.abs(basis).argmax(axis=0), [0, 1]])
    basis = basis * np.where(flip == 0, 1.0, flip)
    total = vals.sum()
    ratio = vals[:2] / total if total > 0 else np.zeros(2)
    return mean, basis, ratio


def all_finite(*arrays: Array) -> bool:
    """True when every entry of every array is finite (the page warns otherwise)."""
    return all(bool(np.isfinite(a).all()) for a in arrays)


def view_2d(R: Array, n_points: int, view: str = "pca", ua: int = 1, ub: int = 2):
    """A 2-D picture of a representation R (M, k) whose first ``n_points`` rows are the data.

    Returns (V (M, 2), kind, info): kind "direct" (k = 2, as it is), "units" (columns ua, ub,
    1-based, clipped to k; info a, b, k) or "pca" (the data rows' top two principal directions,
    ``pca_2d``, applied to every row; info k and v = explained variance ratio of the two).
    """
    R = np.asarray(R, dtype=np.float64)
    k = R.shape[1]
    if k == 2:
        return R, "direct", {}
    if view == "units":
        a, b = min(int(ua), k) - 1, min(int(ub), k) - 1
        return R[:, [a, b]], "units", {"a": a + 1, "b": b + 1, "k": k}
    mean, basis, ratio = pca_2d(R[:n_points])
    return (R - mean) @ basis, "pca", {"k": k, "v": float(ratio.sum())}


def layer_accuracies(reps: Sequence[Array], y: Array, n_classes: int) -> list[float]:
    """Linear accuracy (``linear_accuracy``) of each representation [x, h1, ...] (rows = points);
    NaN for one with a non-finite entry (the page says so instead)."""
    return [linear_accuracy(R, y, n_classes) if all_finite(R) else float("nan") for R in reps]


def depth_summary(result: dict) -> dict:
    """The numbers the deeper-vs-wider caption states, from ``depth_vs_width``'s result.

    total units, one-layer maximum; hand-built: best count, its shape, whether it beats the
    one-layer maximum (and by how much); random: mean count with one layer and at the deepest
    shape, their largest mean, and whether the mean falls from the shallowest to the deepest.
    """
    shapes = result["shapes"]
    built = np.asarray(result["built"])
    mean = np.asarray(result["counts"], dtype=np.float64).mean(axis=1)
    best = int(np.argmax(built))
    shape = lambda w: f"{len(w)} × {w[0]}"  # noqa: E731
    total = int(sum(shapes[0]))
    return {
        "total": total,
        "shallow": int(result["shallow_max"]),
        "built_best": int(built[best]),
        "built_shape": shape(shapes[best]),
        "built_beats": bool(built[best] > result["shallow_max"]),
        "built_ratio": float(built[best] / result["shallow_max"]),
        "rand_first": float(mean[0]),
        "rand_first_shape": shape(shapes[0]),
        "rand_last": float(mean[-1]),
        "rand_last_shape": shape(shapes[-1]),
        "rand_max": float(mean.max()),
        "random_falls": bool(mean[-1] < mean[0]),
    }
