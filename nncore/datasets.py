"""Toy 2D classification data sets: ``make_dataset(name, n, noise, rng) -> (X (n, 2), y (n,))``.

All sets live roughly in the square [-1.5, 1.5]², are exactly balanced (each class gets n // C
points, the first n mod C classes one more) and are deterministic for a given generator state.
``noise`` is the standard deviation of Gaussian jitter added to the coordinates (0 = clean).
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class Dataset:
    name: str
    label: str
    n_classes: int
    draw: Callable[[list[int], np.random.Generator], list[Array]]  # per-class counts -> points
    description: str


def _class_counts(n: int, c: int) -> list[int]:
    return [n // c + (1 if k < n % c else 0) for k in range(c)]


def _xor(counts, rng):
    """Class 0 where x1·x2 > 0 (quadrants I and III), class 1 where x1·x2 < 0."""
    out = []
    for k, m in enumerate(counts):
        p = rng.uniform(0.05, 1.0, (m, 2))
        flip = rng.random(m) < 0.5
        sx = np.where(flip, -1.0, 1.0)
        sy = sx if k == 0 else -sx
        out.append(p * np.stack([sx, sy], axis=1))
    return out


def _circles(counts, rng):
    """Class 0 inside radius 0.5, class 1 on the ring 0.7 ≤ r ≤ 1."""
    out = []
    for k, m in enumerate(counts):
        r = np.sqrt(rng.uniform(0.0, 0.25, m)) if k == 0 else rng.uniform(0.7, 1.0, m)
        t = rng.uniform(0, 2 * np.pi, m)
        out.append(np.stack([r * np.cos(t), r * np.sin(t)], axis=1))
    return out


def _moons(counts, rng):
    """Two interleaving half circles (as scikit-learn's make_moons), centred and scaled."""
    out = []
    for k, m in enumerate(counts):
        t = rng.uniform(0, np.pi, m)
        if k == 0:
            p = np.stack([np.cos(t), np.sin(t)], axis=1)
        else:
            p = np.stack([1 - np.cos(t), 0.5 - np.sin(t)], axis=1)
        out.append((p - [0.5, 0.25]) * 0.8)
    return out


def _spiral_arms(counts, rng, turns=1.5):
    """Arm k: r = t, angle = 2π·turns·t + 2πk/C, t ~ U(0.1, 1)."""
    c = len(counts)
    out = []
    for k, m in enumerate(counts):
        t = np.sort(rng.uniform(0.1, 1.0, m))
        ang = 2 * np.pi * turns * t + 2 * np.pi * k / c
        out.append(np.stack([t * np.cos(ang), t * np.sin(ang)], axis=1))
    return out


def _gaussians(counts, rng):
    """Two Gaussian clouds, σ = 0.3, at (-0.6, -0.6) and (0.6, 0.6)."""
    centres = np.array([[-0.6, -0.6], [0.6, 0.6]])
    return [centres[k] + 0.3 * rng.standard_normal((m, 2)) for k, m in enumerate(counts)]


def _linear(counts, rng):
    """Uniform points on either side of the line x2 = 0.5·x1 (a margin of 0.1 kept clear)."""
    out = []
    for k, m in enumerate(counts):
        x1 = rng.uniform(-1, 1, m)
        gap = rng.uniform(0.1, 1.0, m)
        x2 = 0.5 * x1 + (gap if k == 1 else -gap)
        out.append(np.stack([x1, x2], axis=1))
    return out


def _blobs4(counts, rng):
    """Four Gaussian blobs, σ = 0.25, at (±0.6, ±0.6): one class per quadrant."""
    centres = np.array([[0.6, 0.6], [-0.6, 0.6], [-0.6, -0.6], [0.6, -0.6]])
    return [centres[k] + 0.25 * rng.standard_normal((m, 2)) for k, m in enumerate(counts)]


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in [
        Dataset("xor", "XOR", 2, _xor, "Opposite quadrants share a class: no line separates them."),
        Dataset("circles", "Circles", 2, _circles, "A disc inside a ring."),
        Dataset("moons", "Two moons", 2, _moons, "Two interleaving half-moons."),
        Dataset("spirals", "Two spirals", 2, _spiral_arms, "Two interleaved spiral arms."),
        Dataset("gaussians", "Two Gaussians", 2, _gaussians, "Two overlapping Gaussian clouds."),
        Dataset("linear", "Linearly separable", 2, _linear, "Two classes split by a line."),
        Dataset("spirals3", "Three spirals", 3, _spiral_arms, "Three interleaved spiral arms."),
        Dataset("blobs4", "Four blobs", 4, _blobs4, "Four Gaussian blobs, one per quadrant."),
    ]
}


def make_dataset(name: str, n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Draw ``n`` labelled points of the named set.  Returns X (n, 2) float64, y (n,) int64.

    Points are shuffled (so any prefix is a fair train/test split) with the same ``rng``.
    """
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {sorted(DATASETS)}")
    ds = DATASETS[name]
    if n < ds.n_classes:
        raise ValueError(f"need at least {ds.n_classes} points for {name!r}")
    counts = _class_counts(int(n), ds.n_classes)
    X = np.concatenate(ds.draw(counts, rng)).astype(np.float64)
    y = np.repeat(np.arange(ds.n_classes), counts)
    if noise > 0:
        X = X + noise * rng.standard_normal(X.shape)
    order = rng.permutation(len(y))
    return X[order], y[order]


def train_test_split(
    X: Array, y: Array, test_fraction: float, rng: np.random.Generator
) -> tuple[Array, Array, Array, Array]:
    """Shuffle and split: returns X_train, y_train, X_test, y_test (test gets round(n·fraction))."""
    n_test = int(round(len(y) * test_fraction))
    order = rng.permutation(len(y))
    test, train = order[:n_test], order[n_test:]
    return X[train], y[train], X[test], y[test]
