"""Time per training step of nncore vs a hand-written NumPy loop (the floor) and PyTorch eager.

One step = forward, BCE-with-logits loss, backward and an SGD update, ReLU hidden layers,
float64, one thread. PyTorch is optional (a reference, never a requirement of the lab).

    python bench/core_speed.py [--steps 2000] [--repeats 5]

Targets (issue 2): nncore ≥ 2× faster than PyTorch on the 8-wide nets, ≥ 1.5× on [2,64,64,1],
and within 1.5× of the hand-written floor. Prints times (µs/step) and ratios; never fails.
"""

import argparse
import os
import platform
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from nncore import init_mlp, make_optimizer, mlp_loss_and_grads  # noqa: E402

SIZES = [[2, 8, 8, 1], [2, 8, 8, 8, 8, 8, 8, 1], [2, 64, 64, 1]]
BATCHES = [32, 256]
LR = 0.01


def make_batch(batch: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(batch, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(np.int64)
    return X, y


def nncore_step_fn(sizes, X, y):
    params = init_mlp(sizes, "he_normal", np.random.default_rng(0))
    opt = make_optimizer("sgd", lr=LR)
    state = opt.init(params)

    def step():
        nonlocal params, state
        _, grads = mlp_loss_and_grads(params, X, y, "relu", "bce")
        params, state = opt.update(grads, state, params)

    return step


def floor_step_fn(sizes, X, y):
    """The smallest honest NumPy loop: same math, no dicts, no generality, in-place SGD."""
    rng = np.random.default_rng(0)
    Ws = [
        rng.normal(size=(a, b)) * np.sqrt(2 / a) for a, b in zip(sizes[:-1], sizes[1:], strict=True)
    ]
    bs = [np.zeros(b) for b in sizes[1:]]
    t = y.astype(np.float64)[:, None]
    n = len(y)

    def step():
        acts, h = [X], X
        for W, b in zip(Ws[:-1], bs[:-1], strict=True):
            h = np.maximum(h @ W + b, 0.0)
            acts.append(h)
        z = h @ Ws[-1] + bs[-1]
        dz = (0.5 * (1 + np.tanh(0.5 * z)) - t) / n
        for i in range(len(Ws) - 1, -1, -1):
            dW, db = acts[i].T @ dz, dz.sum(axis=0)
            if i:
                dz = (dz @ Ws[i].T) * (acts[i] > 0)
            Ws[i] -= LR * dW
            bs[i] -= LR * db

    return step


def torch_step_fn(sizes, X, y):
    import torch

    torch.set_num_threads(1)
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(torch.nn.Linear(a, b, dtype=torch.float64))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(net.parameters(), lr=LR)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    Xt = torch.from_numpy(X)
    yt = torch.from_numpy(y.astype(np.float64))[:, None]

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(Xt), yt)
        loss.backward()
        opt.step()

    return step


def time_per_step(step, steps: int, repeats: int) -> float:
    """Best-of-`repeats` median-free estimate: minimum over repeats of mean µs per step."""
    for _ in range(50):
        step()
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        best = min(best, (time.perf_counter() - t0) / steps)
    return best * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    try:
        import torch

        has_torch = True
        torch_version = torch.__version__
    except ImportError:
        has_torch, torch_version = False, "not installed"
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, NumPy {np.__version__}, PyTorch {torch_version}"
    )
    print("µs per training step (forward + backward + SGD), float64, 1 thread\n")
    head = f"{'sizes':<24}{'batch':>6}{'floor':>9}{'nncore':>9}{'torch':>9}"
    print(head + f"{'nncore/floor':>14}{'torch/nncore':>14}")
    for sizes in SIZES:
        for batch in BATCHES:
            X, y = make_batch(batch)
            t_floor = time_per_step(floor_step_fn(sizes, X, y), args.steps, args.repeats)
            t_nn = time_per_step(nncore_step_fn(sizes, X, y), args.steps, args.repeats)
            t_torch = (
                time_per_step(torch_step_fn(sizes, X, y), args.steps, args.repeats)
                if has_torch
                else float("nan")
            )
            print(
                f"{str(sizes):<24}{batch:>6}{t_floor:>9.1f}{t_nn:>9.1f}{t_torch:>9.1f}"
                f"{t_nn / t_floor:>13.2f}×{t_torch / t_nn:>13.2f}×"
            )
    print("\ntargets: nncore/floor ≤ 1.5×; torch/nncore ≥ 2× (8-wide), ≥ 1.5× (64-wide)")


if __name__ == "__main__":
    main()
