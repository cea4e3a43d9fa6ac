"""Rosenblatt's perceptron on two inputs: the Boolean gates, the learning rule one sample at a
time, exact convergence/cycle detection, and the best accuracy any straight line can reach.

A perceptron outputs ŷ = step(w·x + b) with step(z) = 1 if z > 0 else 0. Rosenblatt's rule
(1957) presents one sample at a time and changes the weights only after a mistake:

    w ← w + lr·(y − ŷ)·x,    b ← b + lr·(y − ŷ)

The weights after t steps are w0 + lr·S_t with S_t = Σ (y − ŷ)·[x, 1]. For 0/1 inputs S_t is a
vector of small integers, exact in float64, so "the same state again" is an exact comparison:
with a fixed order, the same S at two epoch boundaries means the epochs in between repeat
forever (the perceptron cycling theorem says they must, on data no line separates).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Array = np.ndarray

BOOL_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
"""The four inputs (x1, x2) of a two-input gate, in truth-table order."""

GATES: dict[str, tuple[int, int, int, int]] = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "xor": (0, 1, 1, 0),
}
"""Gate id -> outputs for the rows of BOOL_X."""

ORDERS = ("fixed", "shuffle")
STEP_MAX = 10_000  # steps computed at most (a run that neither converges nor cycles stops here)


def gate_data(gate: str) -> tuple[Array, Array]:
    """X (4, 2) float64 and y (4,) int64 of the named gate."""
    if gate not in GATES:
        raise ValueError(f"unknown gate {gate!r}; choose one of {sorted(GATES)}")
    return BOOL_X.copy(), np.array(GATES[gate], dtype=np.int64)


def score(w: Array, X: Array) -> Array:
    """z = X·w[:2] + w[2], the perceptron's pre-activation.  w: (3,) = (w1, w2, b)."""
    return np.asarray(X, dtype=np.float64) @ w[:2] + w[2]


def predict(w: Array, X: Array) -> Array:
    """ŷ = step(X·w[:2] + w[2]) with step(z) = 1 for z > 0, else 0.  w: (3,) = (w1, w2, b)."""
    return (score(w, X) > 0).astype(np.int64)


def accuracy(w: Array, X: Array, y: Array) -> float:
    return float(np.mean(predict(w, X) == y))


def epoch_order(n: int, epoch: int, order: str, seed: int) -> Array:
    """The sample indices presented in ``epoch`` (1-based): 0..n−1, or a permutation drawn from
    ``default_rng([seed, epoch])`` (so any epoch can be rebuilt on its own)."""
    if order == "fixed":
        return np.arange(n)
    if order == "shuffle":
        return np.random.default_rng([seed, epoch]).permutation(n)
    raise ValueError(f"unknown order {order!r}; choose one of {ORDERS}")


@dataclass(frozen=True)
class PerceptronRun:
    """A run of the rule. Step t (1-based) presents sample ``shown[t-1]``; ``sums[t]`` is S after
    it (``sums[0]`` = 0). ``converged_epoch``: the first epoch without a mistake (nothing
    changes after it). ``cycle``: (e0, p) when S after epoch e0 + p equals S after epoch e0
    (fixed order only): epochs e0+1 .. e0+p then repeat forever, each with a mistake."""

    X: Array
    y: Array
    lr: float
    w0: Array
    order: str
    seed: int
    sums: Array  # (T+1, 3)
    shown: Array  # (T,)
    pred: Array  # (T,) ŷ at each step, before its update
    epoch_mistakes: Array  # (E,) mistakes in each completed epoch
    converged_epoch: int | None
    cycle: tuple[int, int] | None

    @property
    def n(self) -> int:
        return len(self.y)

    @property
    def steps(self) -> int:
        """Steps actually computed (a step beyond maps into the fixed point or the cycle)."""
        return len(self.shown)

    def stored(self, t: int) -> int:
        """The computed step whose state equals the state after step t (t ≥ 0)."""
        t = max(int(t), 0)
        if t <= self.steps:
            return t
        if self.cycle is not None:
            e0, p = self.cycle
            start, period = e0 * self.n, p * self.n
            return start + (t - start) % period or start
        return self.steps  # converged (state fixed) or capped

    def weights(self, t: int) -> Array:
        """(w1, w2, b) after step t."""
        return self.w0 + self.lr * self.sums[self.stored(t)]

    def step_info(self, t: int) -> dict | None:
        """What step t did (None for t = 0): sample index, x, y, ŷ, the weights before and
        after, and the update lr·(y − ŷ)·[x, 1]."""
        if t < 1:
            return None
        if t <= self.steps or self.cycle is not None:
            s = self.stored(t) if t > self.steps else t
            i, yhat = int(self.shown[s - 1]), int(self.pred[s - 1])
        else:  # after convergence every prediction is right
            epoch, pos = divmod(t - 1, self.n)
            i = int(epoch_order(self.n, epoch + 1, self.order, self.seed)[pos])
            yhat = int(self.y[i])
        before, after = self.weights(t - 1), self.weights(t)
        return {
            "index": i,
            "x": self.X[i].copy(),
            "y": int(self.y[i]),
            "yhat": yhat,
            "before": before,
            "after": after,
            "update": after - before,
        }

    def mistakes_until(self, t: int) -> int:
        """Updates (mistakes) made in steps 1..t."""
        wrong = np.concatenate([[0], np.cumsum(self.pred != self.y[self.shown])])
        t = max(int(t), 0)
        if t <= self.steps:
            return int(wrong[t])
        if self.cycle is None:  # converged or capped: no mistake after the last computed step
            return int(wrong[-1])
        start, period = self.cycle[0] * self.n, self.cycle[1] * self.n
        laps, rest = divmod(t - start, period)
        per_lap = wrong[start + period] - wrong[start]
        return int(wrong[start] + laps * per_lap + wrong[start + rest] - wrong[start])

    def end_step(self) -> int:
        """The step to jump to for "run to convergence": the end of the first clean epoch, the
        end of the first full cycle, or the last computed step."""
        if self.converged_epoch is not None:
            return self.converged_epoch * self.n
        if self.cycle is not None:
            return sum(self.cycle) * self.n
        return self.steps


def run_perceptron(
    X: Array,
    y: Array,
    lr: float,
    w0,
    order: str = "fixed",
    seed: int = 0,
    step_max: int = STEP_MAX,
) -> PerceptronRun:
    """Rosenblatt's rule until an epoch without a mistake, a repeated state at an epoch boundary
    (fixed order), or ``step_max`` steps.  X: (n, 2), y: (n,) in {0, 1}, w0: (w1, w2, b)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    w0 = np.asarray(w0, dtype=np.float64)
    if lr <= 0 or not np.isfinite(lr):
        raise ValueError("the learning rate must be a positive number")
    n = len(y)
    Xb = np.hstack([X, np.ones((n, 1))])
    S = np.zeros(3)
    sums, shown, pred, mistakes = [S.copy()], [], [], []
    seen = {S.tobytes(): 0}  # S at each epoch boundary -> epoch
    converged, cycle = None, None
    epoch = 0
    while len(shown) + n <= step_max:
        epoch += 1
        wrong = 0
        for i in epoch_order(n, epoch, order, seed):
            yhat = int((w0 + lr * S) @ Xb[i] > 0)
            if yhat != y[i]:
                S = S + (y[i] - yhat) * Xb[i]
                wrong += 1
            shown.append(int(i))
            pred.append(yhat)
            sums.append(S.copy())
        mistakes.append(wrong)
        if wrong == 0:
            converged = epoch
            break
        if order == "fixed":
            key = S.tobytes()
            if key in seen:
                cycle = (seen[key], epoch - seen[key])
                break
            seen[key] = epoch
    return PerceptronRun(
        X, y, float(lr), w0, order, int(seed), np.array(sums), np.array(shown, dtype=np.int64),
        np.array(pred, dtype=np.int64), np.array(mistakes, dtype=np.int64), converged, cycle,
    )


# ---------------------------------------------------------------------------------------------
# What a straight line can do
# ---------------------------------------------------------------------------------------------


def _directions(X: Array) -> Array:
    """Unit directions, one inside every arc between consecutive critical angles (where two
    points project equally): the order of the projections is constant on each arc, so these
    directions see every split a line can make."""
    diff = X[:, None, :] - X[None, :, :]
    iu = np.triu_indices(len(X), 1)
    d = diff[iu]
    d = d[np.hypot(d[:, 0], d[:, 1]) > 0]
    if len(d) == 0:
        angles = np.array([0.0, np.pi])
    else:
        crit = np.arctan2(d[:, 1], d[:, 0]) + np.pi / 2
        crit = np.sort(np.concatenate([crit, crit + np.pi]) % (2 * np.pi))
        nxt = np.append(crit[1:], crit[0] + 2 * np.pi)
        angles = (crit + nxt) / 2
    return np.stack([np.cos(angles), np.sin(angles)], axis=1)


def best_line(X: Array, y: Array, chunk: int = 2048) -> tuple[float, Array]:
    """The highest accuracy of any line, exactly: max over w, b of mean(step(w·x + b) == y).

    Every split of the points by a line is found (see ``_directions``; thresholds between
    consecutive distinct projections). Returns (accuracy, (w1, w2, b)) of one best line.
    O(n² · n log n); meant for the few dozen points of this page."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    n = len(y)
    best, best_w = -1.0, np.zeros(3)
    dirs = _directions(X)
    for start in range(0, len(dirs), chunk):
        D = dirs[start : start + chunk]
        proj = X @ D.T  # (n, m)
        order = np.argsort(proj, axis=0, kind="stable")
        p = np.take_along_axis(proj, order, axis=0)
        ys = y[order]
        # predict 1 above the threshold after the first k sorted points: correct = zeros in the
        # first k + ones in the rest
        zeros_below = np.vstack([np.zeros((1, len(D))), np.cumsum(ys == 0, axis=0)])
        ones_above = np.vstack([np.cumsum((ys == 1)[::-1], axis=0)[::-1], np.zeros((1, len(D)))])
        correct = zeros_below + ones_above  # (n+1, m), k = 0..n
        valid = np.ones_like(correct, dtype=bool)
        valid[1:n] = p[1:] > p[:-1]  # a threshold must fall strictly between two values
        correct = np.where(valid, correct, -1)
        k, j = np.unravel_index(np.argmax(correct), correct.shape)
        if correct[k, j] > best:
            best = float(correct[k, j])
            if k == 0:
                thr = p[0, j] - 1.0
            elif k == n:
                thr = p[n - 1, j] + 1.0
            else:
                thr = (p[k - 1, j] + p[k, j]) / 2
            best_w = np.array([D[j, 0], D[j, 1], -thr])
    return best / n, best_w


def separable_gates() -> dict[tuple[int, ...], bool]:
    """All 16 Boolean functions of two inputs (outputs for the rows of BOOL_X) -> whether one
    line separates them (exactly, with ``best_line``)."""
    out = {}
    for code in range(16):
        y = np.array([(code >> (3 - r)) & 1 for r in range(4)], dtype=np.int64)
        out[tuple(int(v) for v in y)] = best_line(BOOL_X, y)[0] == 1.0
    return out


def line_segment(w: Array, box: tuple[float, float, float, float]) -> Array | None:
    """The part of the line w1·x1 + w2·x2 + b = 0 inside box (x0, x1, y0, y1): (2, 2) end
    points, or None when the line misses the box or w1 = w2 = 0."""
    w1, w2, b = (float(v) for v in w)
    x0, x1, y0, y1 = box
    pts = []
    if abs(w2) > 1e-12:
        for x in (x0, x1):
            yv = -(w1 * x + b) / w2
            if y0 - 1e-12 <= yv <= y1 + 1e-12:
                pts.append((x, yv))
    if abs(w1) > 1e-12:
        for yv in (y0, y1):
            x = -(w2 * yv + b) / w1
            if x0 - 1e-12 <= x <= x1 + 1e-12:
                pts.append((x, yv))
    uniq = []
    for p in pts:
        if all(abs(p[0] - q[0]) > 1e-9 or abs(p[1] - q[1]) > 1e-9 for q in uniq):
            uniq.append(p)
    if len(uniq) < 2:
        return None
    return np.array(uniq[:2])


def positive_region(w: Array, box: tuple[float, float, float, float]) -> Array | None:
    """The polygon (k, 2) of the box where w1·x1 + w2·x2 + b > 0 (the perceptron says 1), or
    None when it is empty. Sutherland–Hodgman clipping of the box by one half-plane."""
    x0, x1, y0, y1 = box
    poly = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    w1, w2, b = (float(v) for v in w)

    def z(p):
        return w1 * p[0] + w2 * p[1] + b

    out = []
    for k, p in enumerate(poly):
        q = poly[(k + 1) % len(poly)]
        zp, zq = z(p), z(q)
        if zp > 0:
            out.append(p)
        if (zp > 0) != (zq > 0) and zp != zq:
            s = zp / (zp - zq)
            out.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    return np.array(out) if len(out) >= 3 else None
