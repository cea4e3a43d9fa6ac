"""The 2-2-1 network that computes XOR: a hand-set solution out of gates, and many trained
copies at once (one per seed) to count how often gradient descent finds a solution.

Parameters use ``nncore.mlp``'s layout: W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,); hidden unit j
computes h_j = g(x·W1[:, j] + b1[j]) and the output is σ(h·W2 + b2), trained with binary
cross-entropy (``nncore.losses.bce``). ``train_xor_nets`` stacks S networks along a first axis
and runs full-batch gradient descent on all of them in one NumPy loop (the same update as
``nncore.train.train_mlp`` with SGD on the four points, checked in tests/core).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS, sigmoid
from .divergence import TRAINING_DIVERGED
from .mlp import init_mlp
from .perceptron import BOOL_X, GATES

Array = np.ndarray

HAND_NET = {
    "W1": np.array([[-1.0, 1.0], [-1.0, 1.0]]),  # column 0: NAND, column 1: OR
    "b1": np.array([1.5, -0.5]),
    "W2": np.array([[1.0], [1.0]]),  # AND of the two hidden units
    "b2": np.array([-1.5]),
}
"""XOR = AND(NAND(x1, x2), OR(x1, x2)) with step units (step(z) = 1 for z > 0)."""

HIDDEN_NAMES = ("nand", "or")
XOR_ACTIVATIONS = ("sigmoid", "tanh")
BLOW_UP = 1e6


def step(z: Array) -> Array:
    return (np.asarray(z) > 0).astype(np.float64)


def hand_forward(X: Array, net: dict | None = None) -> tuple[Array, Array]:
    """(h (n, 2), out (n,)) of the step network: h = step(X·W1 + b1), out = step(h·W2 + b2)."""
    net = HAND_NET if net is None else net
    h = step(np.asarray(X, dtype=np.float64) @ net["W1"] + net["b1"])
    return h, step(h @ net["W2"] + net["b2"])[:, 0]


def forward(params: dict, X: Array, activation: str) -> tuple[Array, Array]:
    """One smooth 2-2-1 net: (h (n, 2), p (n,) = σ(h·W2 + b2))."""
    h = ACTIVATIONS[activation].f(np.asarray(X, dtype=np.float64) @ params["W1"] + params["b1"])
    return h, sigmoid(h @ params["W2"] + params["b2"])[:, 0]


def loss_and_grads(W1, b1, W2, b2, X, y, activation):
    """Mean BCE of S stacked nets and its gradients.

    W1 (S, 2, H), b1 (S, H), W2 (S, H), b2 (S,); X (n, 2); y (n,).
    z = XW1 + b1, h = g(z), o = h·W2 + b2, L = mean(softplus(o) − y·o);
    do = (σ(o) − y)/n, dW2 = hᵀdo, db2 = Σdo, dz = do·W2 ⊙ g'(z), dW1 = Xᵀdz, db1 = Σdz.
    Returns (loss (S,), (dW1, db1, dW2, db2))."""
    act = ACTIVATIONS[activation]
    n = len(y)
    t = np.asarray(y, dtype=np.float64)
    z = np.einsum("ni,sij->snj", X, W1) + b1[:, None, :]  # (S, n, H)
    h = act.f(z)
    o = np.einsum("snj,sj->sn", h, W2) + b2[:, None]  # (S, n)
    loss = np.mean(np.logaddexp(0.0, o) - t * o, axis=1)
    do = (sigmoid(o) - t) / n
    dW2 = np.einsum("snj,sn->sj", h, do)
    db2 = do.sum(axis=1)
    dz = do[:, :, None] * W2[:, None, :] * act.df(z)
    dW1 = np.einsum("ni,snj->sij", X, dz)
    db1 = dz.sum(axis=1)
    return loss, (dW1, db1, dW2, db2)


@dataclass(frozen=True)
class XorTraining:
    """S nets trained on the XOR table. ``loss`` (S, E+1) per epoch (epoch 0 = the start),
    ``final`` the parameters per seed (mlp layout), ``solved`` whether each net's rounded
    output is right on all four points, ``diverged_at`` the epoch a net blew up (else -1;
    its loss after that repeats the last finite value)."""

    seeds: tuple[int, ...]
    activation: str
    lr: float
    epochs: int
    loss: Array
    final: tuple[dict, ...]
    correct: Array  # (S,) points right out of 4
    diverged_at: Array

    @property
    def solved(self) -> Array:
        return self.correct == 4

    @property
    def reason(self) -> str | None:
        return TRAINING_DIVERGED if (self.diverged_at >= 0).any() else None


def initial_params(seed: int, activation: str, init: str = "xavier_normal") -> dict:
    """The same starting weights ``train_mlp([2, 2, 1], seed=seed)`` would draw."""
    return init_mlp([2, 2, 1], init, np.random.default_rng(seed), activation=activation)


def start_xor_nets(
    seeds: Sequence[int], activation: str, lr: float, epochs: int, gate: str = "xor"
) -> dict:
    """The state of a training before its first epoch: stacked parameters, the loss history
    to fill, the next epoch ``e`` (``advance_xor_nets`` continues it, ``finish_xor_nets``
    reads it). Plain arrays and numbers, so a worker process can carry it."""
    if activation not in XOR_ACTIVATIONS:
        raise ValueError(f"activation must be one of {XOR_ACTIVATIONS}")
    starts = [initial_params(int(s), activation) for s in seeds]
    S = len(starts)
    return {
        "seeds": tuple(int(s) for s in seeds), "activation": activation, "lr": float(lr),
        "epochs": int(epochs), "gate": gate,
        "W1": np.stack([p["W1"] for p in starts]), "b1": np.stack([p["b1"] for p in starts]),
        "W2": np.stack([p["W2"][:, 0] for p in starts]),
        "b2": np.array([p["b2"][0] for p in starts]),
        "history": np.empty((S, int(epochs) + 1)), "diverged": np.full(S, -1),
        "alive": np.ones(S, dtype=bool), "e": 0,
    }


def advance_xor_nets(state: dict, until: int) -> dict:
    """Run epochs ``state["e"]`` … ``until - 1`` (the last one, ``epochs``, only records the
    final loss) and return the new state; the input state is not changed. Any split into
    calls gives the same numbers as one call: each epoch depends only on the state."""
    st = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in state.items()}
    X, y = BOOL_X, np.array(GATES[st["gate"]], dtype=np.int64)
    W1, b1, W2, b2 = st["W1"], st["b1"], st["W2"], st["b2"]
    history, diverged, alive, lr = st["history"], st["diverged"], st["alive"], st["lr"]
    epochs = st["epochs"]
    for e in range(st["e"], min(until, epochs + 1)):
        loss, (dW1, db1, dW2, db2) = loss_and_grads(W1, b1, W2, b2, X, y, st["activation"])
        bad = alive & ~(np.isfinite(loss) & (loss < BLOW_UP))
        diverged[bad] = e
        alive &= ~bad
        history[:, e] = np.where(alive, loss, history[:, max(e - 1, 0)] if e else 0.0)
        st["e"] = e + 1
        if e == epochs:
            break
        m = alive.astype(np.float64) * lr  # a blown-up net stops moving
        W1n, b1n = W1 - m[:, None, None] * dW1, b1 - m[:, None] * db1
        W2n, b2n = W2 - m[:, None] * dW2, b2 - m * db2
        ok = np.isfinite(W1n).all(axis=(1, 2)) & (np.abs(W1n).max(axis=(1, 2)) < BLOW_UP)
        ok &= np.isfinite(W2n).all(axis=1) & (np.abs(W2n).max(axis=1) < BLOW_UP)
        newly = alive & ~ok
        diverged[newly] = e + 1
        alive &= ok
        keep = alive
        W1 = np.where(keep[:, None, None], W1n, W1)
        b1 = np.where(keep[:, None], b1n, b1)
        W2 = np.where(keep[:, None], W2n, W2)
        b2 = np.where(keep, b2n, b2)
    st.update(W1=W1, b1=b1, W2=W2, b2=b2)
    return st


def xor_chunk(state: dict, k: int, chunk: int) -> dict:
    """Chunk k (1, 2, …) of a training for ``ui.workers.run_chunks``: its epochs up to k·chunk,
    the last chunk (k·chunk ≥ epochs) to the end, so ceil(epochs / chunk) chunks finish it."""
    until = k * chunk
    return advance_xor_nets(state, state["epochs"] + 1 if until >= state["epochs"] else until)


def xor_train_seconds(n_seeds: int, epochs: int) -> float:
    """Rough wall time of ``train_xor_nets`` on one busy core (measured: 2000 epochs take
    0.36 s for 1 seed, 0.64 s for 50): the page sends longer runs to the worker pool."""
    return epochs * (1.8e-4 + 5.7e-6 * n_seeds)


def finish_xor_nets(state: dict) -> XorTraining:
    """The result of a finished training state."""
    if state["e"] != state["epochs"] + 1:
        raise ValueError("the training has not reached its last epoch")
    X, y = BOOL_X, np.array(GATES[state["gate"]], dtype=np.int64)
    W1, b1, W2, b2 = state["W1"], state["b1"], state["W2"], state["b2"]
    final = tuple(
        {"W1": W1[s].copy(), "b1": b1[s].copy(), "W2": W2[s][:, None].copy(),
         "b2": np.array([b2[s]])}
        for s in range(len(state["seeds"]))
    )
    act = state["activation"]
    correct = np.array([int(np.sum((forward(p, X, act)[1] > 0.5) == y)) for p in final])
    return XorTraining(
        state["seeds"], act, state["lr"], state["epochs"], state["history"], final, correct,
        state["diverged"],
    )


def train_xor_nets(
    seeds: Sequence[int], activation: str, lr: float, epochs: int, gate: str = "xor"
) -> XorTraining:
    """Full-batch gradient descent, W ← W − lr·∂L/∂W, on the four points of ``gate`` for every
    seed at once."""
    state = start_xor_nets(seeds, activation, lr, epochs, gate)
    return finish_xor_nets(advance_xor_nets(state, int(epochs) + 1))


HALF_TOL = 0.1


def half_sure(res: XorTraining, gate: str = "xor", tol: float = HALF_TOL) -> Array:
    """(S,) True for a net that is sure of two points (|p − y| < tol) and undecided on the other
    two (|p − 0.5| < tol). That state's loss is ln 2 / 2 ≈ 0.347 and gradient descent only creeps
    toward it: run 5× longer such nets stay at 2 of 4 (checked in tests/app/test_claims_perceptron.py)."""
    y = np.array(GATES[gate], dtype=np.float64)
    out = np.stack([forward(p, BOOL_X, res.activation)[1].ravel() for p in res.final])
    sure = (np.abs(out - y) < tol).sum(axis=1) == 2
    mid = (np.abs(out - 0.5) < tol).sum(axis=1) == 2
    return sure & mid
