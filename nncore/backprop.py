"""Backpropagation by hand: a 2-2-K network (K = 1 or 2) on one example, node by node.

The network, with W shaped (fan_in, fan_out) as in ``nncore.mlp`` (``W1[i, j]`` = w_ij joins
input i to hidden unit j, ``W2[j, k]`` = v_jk joins hidden unit j to output k)::

    z_j = w_1j·x_1 + w_2j·x_2 + b_j      h_j = g(z_j)        (g: sigmoid, tanh or ReLU)
    u_k = v_1k·h_1 + v_2k·h_2 + c_k      o_k = σ(u_k)
    MSE:  L = ½ Σ_k (o_k − t_k)²                      ∂L/∂o_k = o_k − t_k
    CE:   L = −Σ_k [t_k ln o_k + (1 − t_k) ln(1 − o_k)]   ∂L/∂o_k = (o_k − t_k) / (o_k(1 − o_k))

The loss is for one example and summed over the outputs: MSE with the ½ of the classic worked
example (Mazur 2015), so it equals the mean squared error (``nncore.losses.mse``, torch's
``MSELoss``) for two outputs and half of it for one; CE is ``nncore.losses.bce`` per output.
``trace`` evaluates the graph in order and then runs the chain rule node by node in reverse:
every step lists, for each input m of the node n, the local gradient ∂n/∂m, the upstream
gradient ∂L/∂n and their product (m's share of ∂L/∂m).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS, sigmoid

Array = np.ndarray

HIDDEN_ACTS = ("sigmoid", "tanh", "relu")
LOSS_NAMES = ("mse", "ce")
NONFINITE = "nonfinite"
"""A value or gradient is infinite or not a number (e.g. o rounded to exactly 1 under CE)."""


# ---------------------------------------------------------------------------------------------
# Names: parameters and nodes as flat ids ("w12", "v21", "z1", "o2", "L")
# ---------------------------------------------------------------------------------------------


def param_names(n_out: int) -> tuple[str, ...]:
    """Every parameter id in table order: w11 w21 w12 w22 b1 b2, then v.. and c.. per output."""
    first = ("w11", "w21", "b1", "w12", "w22", "b2")
    second = tuple(n for k in range(1, n_out + 1) for n in (f"v1{k}", f"v2{k}", f"c{k}"))
    return first + second


def params_from_flat(flat: dict, n_out: int) -> dict[str, Array]:
    """{"w11": .., "c1": ..} -> {"W1", "b1", "W2", "b2"} arrays in nncore.mlp's layout."""
    W1 = np.array([[flat[f"w{i}{j}"] for j in (1, 2)] for i in (1, 2)], dtype=np.float64)
    b1 = np.array([flat["b1"], flat["b2"]], dtype=np.float64)
    K = range(1, n_out + 1)
    W2 = np.array([[flat[f"v{j}{k}"] for k in K] for j in (1, 2)], dtype=np.float64)
    b2 = np.array([flat[f"c{k}"] for k in K], dtype=np.float64)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def flat_from_params(params: dict) -> dict[str, float]:
    """The inverse of ``params_from_flat`` (plain floats)."""
    out = {}
    for i in (1, 2):
        for j in (1, 2):
            out[f"w{i}{j}"] = float(params["W1"][i - 1, j - 1])
    out.update({f"b{j}": float(params["b1"][j - 1]) for j in (1, 2)})
    n_out = params["W2"].shape[1]
    for j in (1, 2):
        for k in range(1, n_out + 1):
            out[f"v{j}{k}"] = float(params["W2"][j - 1, k - 1])
    out.update({f"c{k}": float(params["b2"][k - 1]) for k in range(1, n_out + 1)})
    return out


def node_order(n_out: int) -> tuple[str, ...]:
    """The forward evaluation order; the backward pass visits it reversed."""
    out = tuple(n for k in range(1, n_out + 1) for n in (f"u{k}", f"o{k}"))
    return ("z1", "h1", "z2", "h2") + out + ("L",)


def grad_inputs(node: str, n_out: int) -> tuple[str, ...]:
    """The inputs of ``node`` a gradient flows to (the data x and targets t get none)."""
    kind, idx = node[0], node[1:]
    if kind == "z":
        return (f"w1{idx}", f"w2{idx}", f"b{idx}")
    if kind == "h":
        return (f"z{idx}",)
    if kind == "u":
        return (f"v1{idx}", f"v2{idx}", f"c{idx}", "h1", "h2")
    if kind == "o":
        return (f"u{idx}",)
    return tuple(f"o{k}" for k in range(1, n_out + 1))


# ---------------------------------------------------------------------------------------------
# The math: forward values, backward gradients
# ---------------------------------------------------------------------------------------------


def loss_value(u: Array, t: Array, loss: str) -> float:
    """L from the output sums u (CE through softplus(u) − t·u: finite for any u)."""
    if loss == "mse":
        d = sigmoid(u) - t
        return float(0.5 * np.sum(d * d))
    return float(np.sum(np.logaddexp(0.0, u) - t * u))


def dloss_do(o: Array, t: Array, loss: str) -> Array:
    """∂L/∂o_k (CE divides by o(1 − o): infinite when o is rounded to exactly 0 or 1)."""
    if loss == "mse":
        return o - t
    with np.errstate(divide="ignore", invalid="ignore"):
        return (o - t) / (o * (1.0 - o))


def forward(params: dict, x: Array, t: Array, activation: str, loss: str) -> dict[str, Array]:
    """Node values: z, h (2,), u, o (K,), L (float). x: (2,), t: (K,)."""
    z = x @ params["W1"] + params["b1"]
    h = ACTIVATIONS[activation].f(z)
    u = h @ params["W2"] + params["b2"]
    o = sigmoid(u)
    return {"z": z, "h": h, "u": u, "o": o, "L": loss_value(u, t, loss)}


def backward(params: dict, x: Array, t: Array, activation: str, loss: str, fwd: dict) -> dict:
    """Chain rule from L back to every node and parameter, one local gradient at a time.

    Returns ∂L/∂ of the nodes (do, du, dh, dz) and of the parameters (W1, b1, W2, b2).
    """
    o = fwd["o"]
    do = dloss_do(o, t, loss)
    with np.errstate(invalid="ignore", over="ignore"):
        # σ'(u) = o(1 − o); under CE it cancels: o − t stays exact and finite even where o
        # rounds to 0 or 1 (then ∂L/∂o itself is infinite, and trace() reports it)
        du = o - t if loss == "ce" else do * (o * (1.0 - o))
        dh = params["W2"] @ du  # ∂L/∂h_j = Σ_k v_jk ∂L/∂u_k
        dz = dh * ACTIVATIONS[activation].df(fwd["z"])
        grads = {
            "W2": np.outer(fwd["h"], du),
            "b2": du.copy(),
            "W1": np.outer(x, dz),
            "b1": dz.copy(),
        }
    return {"do": do, "du": du, "dh": dh, "dz": dz, "grads": grads}


def local_gradient(node: str, inp: str, values: dict, activation: str, loss: str) -> float:
    """∂node/∂inp for one edge of the graph, from the forward values."""
    kind = node[0]
    if kind == "z":  # z_j = w_1j x_1 + w_2j x_2 + b_j
        return 1.0 if inp[0] == "b" else values[f"x{inp[1]}"]
    if kind == "h":
        return float(ACTIVATIONS[activation].df(np.array(values[inp])))
    if kind == "u":  # u_k = v_1k h_1 + v_2k h_2 + c_k
        if inp[0] == "c":
            return 1.0
        return values[f"h{inp[1]}"] if inp[0] == "v" else values[f"v{inp[1]}{node[1]}"]
    if kind == "o":
        o = values[node]
        return o * (1.0 - o)
    k = inp[1]  # L: ∂L/∂o_k
    return float(dloss_do(np.array(values[inp]), np.array(values[f"t{k}"]), loss))


# ---------------------------------------------------------------------------------------------
# The trace the page steps through
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One edge of a backward step: node n, its input m, ∂n/∂m × ∂L/∂n = m's share of ∂L/∂m."""

    input: str
    local: float
    upstream: float
    product: float


@dataclass(frozen=True)
class Step:
    """Step ``index`` (1-based): the forward value of ``node``, or its backward chain rule."""

    index: int
    phase: str  # "forward" | "backward"
    node: str
    terms: tuple[Term, ...] = ()

    @property
    def target(self) -> str:
        """The id of the number this step reveals (the node, or its first input's share)."""
        return self.node if self.phase == "forward" else self.terms[0].input


@dataclass(frozen=True)
class Trace:
    """Every value and gradient of one forward + backward pass, and the steps in order."""

    n_out: int
    activation: str
    loss: str
    values: dict  # id -> float: x, t, parameters, nodes, L
    grads: dict  # id -> ∂L/∂id for nodes and parameters
    steps: tuple[Step, ...]
    code: str | None  # NONFINITE when something overflowed (then the steps are empty)

    @property
    def n_forward(self) -> int:
        return len(node_order(self.n_out))


def _node_dict(fwd: dict, bwd: dict | None) -> dict[str, float]:
    """Flatten node arrays: {"z1": .., "o2": ..} (values), or their gradients."""
    out = {}
    for name, key in (("z", "z"), ("h", "h"), ("u", "u"), ("o", "o")):
        arr = fwd[key] if bwd is None else bwd["d" + key]
        out.update({f"{name}{i + 1}": float(v) for i, v in enumerate(arr)})
    return out


def trace(params: dict, x, t, activation: str, loss: str) -> Trace:
    """Forward then backward pass as a list of steps (see the module docstring)."""
    x, t = np.asarray(x, dtype=np.float64), np.asarray(t, dtype=np.float64)
    n_out = params["W2"].shape[1]
    fwd = forward(params, x, t, activation, loss)
    bwd = backward(params, x, t, activation, loss, fwd)
    values = {"x1": float(x[0]), "x2": float(x[1])}
    values.update({f"t{k + 1}": float(v) for k, v in enumerate(t)})
    values.update(flat_from_params(params))
    values.update(_node_dict(fwd, None))
    values["L"] = fwd["L"]
    grads = {"L": 1.0, **_node_dict(fwd, bwd), **flat_from_params(bwd["grads"])}
    grads = {k: v + 0.0 for k, v in grads.items()}  # −0.0 (a dead ReLU's zero) reads as 0
    code = None
    if not all(np.isfinite(v) for v in (*values.values(), *grads.values())):
        code = NONFINITE
        return Trace(n_out, activation, loss, values, grads, (), code)
    order = node_order(n_out)
    steps = [Step(i + 1, "forward", n) for i, n in enumerate(order)]
    for n in reversed(order):
        terms = []
        for m in grad_inputs(n, n_out):
            local = local_gradient(n, m, values, activation, loss)
            terms.append(Term(m, local, grads[n], local * grads[n] + 0.0))
        steps.append(Step(len(steps) + 1, "backward", n, tuple(terms)))
    return Trace(n_out, activation, loss, values, grads, tuple(steps), code)


def dead_units(tr: Trace) -> list[int]:
    """Hidden units j (1, 2) a ReLU shuts off for this example: z_j ≤ 0, so g'(z_j) = 0."""
    if tr.activation != "relu":
        return []
    return [j for j in (1, 2) if tr.values[f"z{j}"] <= 0.0]


# ---------------------------------------------------------------------------------------------
# Gradient descent on the one example
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Descent:
    """Loss before each update and after the last; parameters after each update."""

    losses: tuple[float, ...]  # n_done + 1 values
    params: tuple[dict, ...]  # flat parameter dicts, n_done + 1 (the first = the start)
    code: str | None  # NONFINITE if an update produced a non-finite number (run stopped)


def gradient_descent(params: dict, x, t, activation: str, loss: str, lr: float, steps: int):
    """``steps`` updates  θ ← θ − lr·∂L/∂θ  on the one example (stops at a non-finite value)."""
    x, t = np.asarray(x, dtype=np.float64), np.asarray(t, dtype=np.float64)
    p = {k: v.astype(np.float64).copy() for k, v in params.items()}
    fwd = forward(p, x, t, activation, loss)
    losses, flats = [fwd["L"]], [flat_from_params(p)]
    for _ in range(steps):
        grads = backward(p, x, t, activation, loss, fwd)["grads"]
        with np.errstate(over="ignore", invalid="ignore"):
            new = {k: p[k] - lr * grads[k] for k in p}
            fwd_new = forward(new, x, t, activation, loss)
        finite = all(np.isfinite(v).all() for v in (*new.values(), *grads.values()))
        if not (finite and np.isfinite(fwd_new["L"])):
            return Descent(tuple(losses), tuple(flats), NONFINITE)
        p, fwd = new, fwd_new
        losses.append(fwd["L"])
        flats.append(flat_from_params(p))
    return Descent(tuple(losses), tuple(flats), None)


# ---------------------------------------------------------------------------------------------
# Presets: numbers only (the page names and explains them)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    activation: str
    loss: str
    x: tuple[float, float]
    t: tuple[float, ...]
    flat: tuple[tuple[str, float], ...]  # parameter id -> value
    lr: float


def _flat(W1, b1, W2, b2) -> tuple[tuple[str, float], ...]:
    p = {"W1": np.array(W1), "b1": np.array(b1), "W2": np.array(W2), "b2": np.array(b2)}
    return tuple(flat_from_params(p).items())


PRESETS: dict[str, Preset] = {
    # Mazur (2015), "A Step by Step Backpropagation Example": his w1..w8 are w11 w21 w12 w22
    # v11 v21 v12 v22 here; his shared biases b1 = 0.35, b2 = 0.60 are one per unit here.
    "classic": Preset(
        "sigmoid", "mse", (0.05, 0.10), (0.01, 0.99),
        _flat([[0.15, 0.25], [0.20, 0.30]], [0.35, 0.35], [[0.40, 0.50], [0.45, 0.55]],
              [0.60, 0.60]),
        0.5,
    ),
    # z2 = −0.6·1 + 0.4·(−0.5) + 0.1 = −0.7 < 0: hidden unit 2 passes no gradient.
    "dead_relu": Preset(
        "relu", "ce", (1.0, -0.5), (0.9,),
        _flat([[0.5, -0.6], [0.3, 0.4]], [0.1, 0.1], [[0.8], [0.7]], [0.2]),
        0.5,
    ),
    "tanh_ce": Preset(
        "tanh", "ce", (1.0, 2.0), (1.0, 0.0),
        _flat([[0.3, -0.4], [0.2, 0.1]], [0.0, 0.0], [[0.5, -0.3], [-0.2, 0.4]], [0.0, 0.0]),
        0.5,
    ),
}


def guess_rating(guess: float, value: float) -> tuple[float, float, str]:
    """(|guess − value|, that as % of |value|, "spot" ≤ 1 % | "close" ≤ 10 % | "off").

    A value of exactly 0 counts an error up to 1e-4 as spot on (there is no relative scale).
    """
    err = abs(guess - value)
    rel = 100.0 * err / abs(value) if value != 0 else (0.0 if err <= 1e-4 else math.inf)
    level = "spot" if rel <= 1.0 else "close" if rel <= 10.0 else "off"
    return err, rel, level
