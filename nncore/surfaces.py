"""2D test functions for watching optimizers: values, analytic gradients, minima, good defaults.

Every ``Surface`` has ``f(x, y)`` and ``grad(x, y) -> (gx, gy)``, both elementwise over arrays
(or plain floats, which is what ``descend`` passes: keep them cheap). The registry ``SURFACES``
holds the default instances; ``quadratic_bowl(condition)`` builds a bowl with any condition
number. Test-function definitions and minima follow Surjanovic & Bingham, "Virtual Library of
Simulation Experiments" (sfu.ca/~ssurjano), and Jamil & Yang, "A literature survey of benchmark
functions for global optimization problems", 2013.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Surface:
    """A 2D loss surface.

    bounds: ((xmin, xmax), (ymin, ymax)) of the picture; minima: the global minimizers (all with
    value ``min_value``; empty for a custom surface whose minima are unknown); saddles: saddle
    points worth marking; start: a start point that makes the optimizers' differences visible.
    The learning rates that suit each surface live with the optimizers
    (``nncore.optim.default_lr``).
    """

    name: str
    label: str
    f: Callable = field(repr=False)
    grad: Callable = field(repr=False)
    bounds: tuple[tuple[float, float], tuple[float, float]]
    minima: tuple[tuple[float, float], ...]
    min_value: float | None
    start: tuple[float, float]
    formula: str  # LaTeX
    note: str = ""  # one sentence: what this surface teaches
    saddles: tuple[tuple[float, float], ...] = ()
    local_minima: bool = False  # has local minima that are not global


# ---- ill-conditioned quadratic ---------------------------------------------------------------


def quadratic_bowl(condition: float = 20.0) -> Surface:
    """f = ½(x² + κ y²): an elongated bowl whose Hessian diag(1, κ) has condition number κ.

    Gradient descent is stable only for α < 2/κ, and at such α it crawls along x (factor 1 − α
    per step) while zig-zagging across y (factor 1 − ακ): the lecture's SGD zig-zag.
    """
    k = float(condition)
    if not k >= 1.0:
        raise ValueError(f"condition number must be >= 1, got {condition!r}")

    def f(x, y):
        return 0.5 * (x * x + k * y * y)

    def grad(x, y):
        return x, k * y

    return Surface(
        name="quadratic",
        label=f"Ill-conditioned bowl (κ = {k:g})",
        f=f,
        grad=grad,
        bounds=((-10.0, 10.0), (-5.0, 5.0)),
        minima=((0.0, 0.0),),
        min_value=0.0,
        start=(-8.5, 3.0),
        formula=rf"f(x, y) = \tfrac12\left(x^2 + {k:g}\,y^2\right)",
        note="Steep across y, shallow along x: plain gradient descent zig-zags.",
    )


# ---- saddle --------------------------------------------------------------------------------


def _saddle_f(x, y):
    return 0.5 * x * x + 0.25 * y**4 - 0.5 * y * y


def _saddle_grad(x, y):
    return x, y * y * y - y


# ---- classic test functions ----------------------------------------------------------------


def _rosenbrock_f(x, y):
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def _rosenbrock_grad(x, y):
    r = y - x * x
    return -2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r


def _beale_terms(x, y):
    y2 = y * y
    return 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y2 * y


def _beale_f(x, y):
    a, b, c = _beale_terms(x, y)
    return a * a + b * b + c * c


def _beale_grad(x, y):
    a, b, c = _beale_terms(x, y)
    y2 = y * y
    gx = 2.0 * (a * (y - 1.0) + b * (y2 - 1.0) + c * (y2 * y - 1.0))
    gy = 2.0 * x * (a + 2.0 * b * y + 3.0 * c * y2)
    return gx, gy


def _himmelblau_f(x, y):
    return (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2


def _himmelblau_grad(x, y):
    a, b = x * x + y - 11.0, x + y * y - 7.0
    return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b


def _booth_f(x, y):
    return (x + 2.0 * y - 7.0) ** 2 + (2.0 * x + y - 5.0) ** 2


def _booth_grad(x, y):
    a, b = x + 2.0 * y - 7.0, 2.0 * x + y - 5.0
    return 2.0 * a + 4.0 * b, 4.0 * a + 2.0 * b


_TWO_PI = 2.0 * np.pi


def _rastrigin_f(x, y):
    return 20.0 + x * x - 10.0 * np.cos(_TWO_PI * x) + y * y - 10.0 * np.cos(_TWO_PI * y)


def _rastrigin_grad(x, y):
    return (2.0 * x + 10.0 * _TWO_PI * np.sin(_TWO_PI * x),
            2.0 * y + 10.0 * _TWO_PI * np.sin(_TWO_PI * y))


def _styblinski_f(x, y):
    x2, y2 = x * x, y * y
    return 0.5 * (x2 * x2 - 16.0 * x2 + 5.0 * x + y2 * y2 - 16.0 * y2 + 5.0 * y)


def _styblinski_grad(x, y):
    return 2.0 * x**3 - 16.0 * x + 2.5, 2.0 * y**3 - 16.0 * y + 2.5


_ST_X = -2.903534027771177  # root of 4x³ − 32x + 5 = 0 (the global one)

SURFACES: dict[str, Surface] = {
    s.name: s
    for s in [
        quadratic_bowl(20.0),
        Surface(
            name="saddle",
            label="Saddle point",
            f=_saddle_f,
            grad=_saddle_grad,
            bounds=((-2.5, 2.5), (-1.6, 1.6)),
            minima=((0.0, 1.0), (0.0, -1.0)),
            min_value=-0.25,
            start=(-2.2, 0.01),
            formula=r"f(x, y) = \tfrac12 x^2 + \tfrac14 y^4 - \tfrac12 y^2",
            note=(
                "A saddle at the origin between two valleys: the gradient almost vanishes "
                "there, so gradient descent lingers before it slides off."
            ),
            saddles=((0.0, 0.0),),
        ),
        Surface(
            name="rosenbrock",
            label="Rosenbrock",
            f=_rosenbrock_f,
            grad=_rosenbrock_grad,
            bounds=((-2.0, 2.0), (-1.0, 3.0)),
            minima=((1.0, 1.0),),
            min_value=0.0,
            start=(-1.5, 2.0),
            formula=r"f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2",
            note="A curved, flat-bottomed valley: finding it is easy, following it is hard.",
        ),
        Surface(
            name="beale",
            label="Beale",
            f=_beale_f,
            grad=_beale_grad,
            bounds=((-4.5, 4.5), (-4.5, 4.5)),
            minima=((3.0, 0.5),),
            min_value=0.0,
            start=(1.0, 1.4),
            formula=(
                r"f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2"
            ),
            note="Flat plateaus next to very steep walls: the gradient's size varies by decades.",
        ),
        Surface(
            name="himmelblau",
            label="Himmelblau",
            f=_himmelblau_f,
            grad=_himmelblau_grad,
            bounds=((-5.0, 5.0), (-5.0, 5.0)),
            minima=(
                (3.0, 2.0),
                (-2.805118086952745, 3.131312518250573),
                (-3.779310253377747, -3.283185991286169),
                (3.5844283403304917, -1.8481265269644034),
            ),
            min_value=0.0,
            start=(-0.3, -0.5),
            formula=r"f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2",
            note="Four equally good minima: which one an optimizer reaches depends on its path.",
        ),
        Surface(
            name="booth",
            label="Booth",
            f=_booth_f,
            grad=_booth_grad,
            bounds=((-10.0, 10.0), (-10.0, 10.0)),
            minima=((1.0, 3.0),),
            min_value=0.0,
            start=(-8.0, -6.0),
            formula=r"f(x, y) = (x + 2y - 7)^2 + (2x + y - 5)^2",
            note="A tilted bowl (condition number 9) with coupled coordinates.",
        ),
        Surface(
            name="rastrigin",
            label="Rastrigin",
            f=_rastrigin_f,
            grad=_rastrigin_grad,
            bounds=((-5.12, 5.12), (-5.12, 5.12)),
            minima=((0.0, 0.0),),
            min_value=0.0,
            start=(3.3, -2.3),
            formula=(
                r"f(x, y) = 20 + x^2 - 10\cos(2\pi x) + y^2 - 10\cos(2\pi y)"
            ),
            note="An egg-crate of local minima: every optimizer stops in the nearest dip.",
            local_minima=True,
        ),
        Surface(
            name="styblinski_tang",
            label="Styblinski–Tang",
            f=_styblinski_f,
            grad=_styblinski_grad,
            bounds=((-5.0, 5.0), (-5.0, 5.0)),
            minima=((_ST_X, _ST_X),),
            min_value=float(_styblinski_f(_ST_X, _ST_X)),
            start=(1.0, 4.8),
            formula=r"f(x, y) = \tfrac12 \sum_{u \in \{x, y\}} \left(u^4 - 16u^2 + 5u\right)",
            note="Four basins of different depth: the global one is at (−2.90, −2.90).",
            local_minima=True,
        ),
    ]
}


def surface_grid(surface: Surface, n: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """f on an n×n grid over the surface's bounds: xs (n,), ys (n,), Z (n, n) with Z[i, j] =
    f(xs[j], ys[i]) (rows are y, the layout Plotly's contour/surface expect). Non-finite values
    are left in Z for the caller to handle."""
    (x0, x1), (y0, y1) = surface.bounds
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    with np.errstate(all="ignore"):
        Z = np.asarray(surface.f(xs[None, :], ys[:, None]), dtype=np.float64)
    return xs, ys, np.broadcast_to(Z, (n, n))


def nearest_minimum(surface: Surface, points) -> tuple[np.ndarray, np.ndarray]:
    """Distance from each point (k, 2) to the closest listed minimum, and that minimum's index.

    For a surface without listed minima both are NaN/-1 arrays (the caller says "unknown").
    """
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    if not surface.minima:
        return np.full(len(pts), np.nan), np.full(len(pts), -1)
    mins = np.asarray(surface.minima, dtype=np.float64)
    d = np.hypot(pts[:, None, 0] - mins[None, :, 0], pts[:, None, 1] - mins[None, :, 1])
    idx = np.argmin(d, axis=1)
    return d[np.arange(len(pts)), idx], idx


def lowest_grid_points(xs, ys, Z, rel_tol: float = 0.01, max_points: int = 8):
    """Approximate global minima of a function known only on a grid (a typed formula).

    Returns (lowest value, points): the grid's local minima (≤ their 8 neighbours) whose value
    is within rel_tol·(range of f) of the lowest, one per basin, lowest first. Z[i, j] is
    f(xs[j], ys[i]); non-finite values are ignored.
    """
    W = np.where(np.isfinite(Z), Z, np.inf)
    lo = float(W.min())
    finite = W[np.isfinite(W)]
    hi = float(finite.max()) if finite.size else lo
    P = np.pad(W, 1, constant_values=np.inf)
    n, m = W.shape
    is_min = np.ones_like(W, dtype=bool)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di or dj:
                is_min &= W <= P[1 + di: 1 + di + n, 1 + dj: 1 + dj + m]
    cand = np.argwhere(is_min & (W <= lo + rel_tol * max(hi - lo, 1e-12)))
    cand = cand[np.argsort(W[cand[:, 0], cand[:, 1]], kind="stable")]
    kept: list = []
    for i, j in cand:  # one point per basin: a flat-bottomed dip gives neighbouring ties
        if all(abs(i - a) > 3 or abs(j - b) > 3 for a, b in kept):
            kept.append((int(i), int(j)))
        if len(kept) == max_points:
            break
    return lo, tuple((float(xs[j]), float(ys[i])) for i, j in kept)


def distances_to(path, point) -> np.ndarray:
    """Euclidean distance of every point of a path (k, 2) to ``point``."""
    p = np.asarray(path, dtype=np.float64).reshape(-1, 2)
    return np.hypot(p[:, 0] - point[0], p[:, 1] - point[1])


def first_within(path, point, radius: float) -> int | None:
    """The first step (index into the path) whose point is within ``radius`` of ``point``."""
    hit = np.flatnonzero(distances_to(path, point) <= radius)
    return int(hit[0]) if hit.size else None


def mean_step_length(path, last: int) -> float:
    """Mean distance moved per step over the path's last ``last`` steps (the jitter of a noisy
    run that no longer makes progress)."""
    p = np.asarray(path, dtype=np.float64).reshape(-1, 2)[-(int(last) + 1):]
    if len(p) < 2:
        return 0.0
    d = np.diff(p, axis=0)
    return float(np.mean(np.hypot(d[:, 0], d[:, 1])))
