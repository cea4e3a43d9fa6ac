"""Speed and payload of the Space-warping lab (issue 5). Prints figures; never fails.

    python bench/warp_speed.py [--repeats 20]

- manual mode: compute (stages, logistic regressions, pre-image grid) + figure building (one
  figure per panel, as the page draws them) + JSON serialisation, per slider move (target: a
  few ms of Python, so the rerun stays within 2× the trivial-Streamlit floor; the
  browser-side ratio is bench/page_latency.py's job);
- training a 2-hidden-layer net on 400 points for 300 epochs (target < 1 s);
- a linear-region map on a 300×300 grid (target < 200 ms) and the exact region count;
- payload: bytes of the Plotly JSON each mode sends per rerun (target ≤ 300 KB).
"""

import argparse
import os
import platform
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import plotly.io as pio  # noqa: E402

import nncore as nn  # noqa: E402
from nncore import warp as W  # noqa: E402
from viz.warp_figs import (  # noqa: E402
    Panel,
    decorate_linear,
    depth_width_figure,
    manual_view,
    morph_figure,
    planes_figure,
    regions_figure,
)

BOX = (-1.5, 1.5)
NAMES = ["1. input x", "2. z = Wx + b", "3. h = ReLU(z)", "4. z′ = W′h + b′", "5. h′ = ReLU(z′)"]
DW_LABELS = dict(random="random", built="built", shallow="shallow", xaxis="x", yaxis="y", title="t")


def best_ms(fn, repeats: int) -> float:
    fn()  # warm up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e3


def panel_figures(panels, y, C) -> list:
    """One figure per panel, as the page draws them (columns that stack on a phone)."""
    return [planes_figure([p], y, C, ncols=1, row_height=300) for p in panels]


def manual_once(X, y, C, layers, grid, morph_grid):
    view = manual_view(X, y, C, layers, "relu", NAMES[: 1 + 2 * len(layers)], grid, morph_grid)
    return view, panel_figures(view["panels"], y, C), morph_figure(view["morph"], y, C)


def trained_figure(params, X, y, C, act="relu"):
    """The trained-mode figure as the page builds it (PCA not needed at width 2)."""
    gh, gv = W.grid_paths(BOX[0] - 0.1, BOX[1] + 0.1, 13, 49)
    m = len(gh)
    reps = W.network_stages(params, np.concatenate([X, gh, gv]), act)
    ticks, P = W.grid_points(BOX[0] - 0.1, BOX[1] + 0.1, 100)
    out = W.network_logits(params, W.network_stages(params, P, act)[-1])
    panels = [Panel("x", X, gh, gv, shade=(ticks, ticks, out.argmax(1).reshape(100, 100)))]
    for l, R in enumerate(reps[1:], start=1):
        V = R if R.shape[1] == 2 else (R - W.pca_2d(R[: len(X)])[0]) @ W.pca_2d(R[: len(X)])[1]
        p = Panel(f"h{l}", V[: len(X)], V[len(X) : len(X) + m], V[len(X) + m :], focus=True)
        if l == len(reps) - 1 and R.shape[1] == 2:
            decorate_linear(p, lambda H: W.network_logits(params, H), C)
        panels.append(p)
    return panel_figures(panels, y, C)


def manual_row(name, ds, n_pts, layers, grid, morph_grid, repeats) -> None:
    X, y = nn.make_dataset(ds, n_pts, 0.05, np.random.default_rng(0))
    C = nn.DATASETS[ds].n_classes
    names = NAMES[: 1 + 2 * len(layers)]
    t_comp = best_ms(lambda: manual_view(X, y, C, layers, "relu", names, grid, morph_grid), repeats)
    view, f1, f2 = manual_once(X, y, C, layers, grid, morph_grid)
    t_fig = best_ms(lambda: panel_figures(view["panels"], y, C), repeats)
    # what st.plotly_chart does with a Figure: to_dict, then plotly.io.to_json(validate=False)
    t_json = best_ms(lambda: [pio.to_json(f.to_dict(), validate=False) for f in f1], repeats)
    size = sum(kb(f) for f in f1)  # the stages; the morph is drawn only when its view is shown
    print(f"{name:<34}{t_comp:>8.1f}ms{t_fig:>8.1f}ms{t_json:>8.1f}ms"
          f"{t_comp + t_fig + t_json:>8.1f}ms{size:>10.0f}")


def kb(fig) -> float:
    return len(fig.to_json().encode()) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=20)
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, NumPy {np.__version__}")
    grid = W.grid_paths(BOX[0] - 0.1, BOX[1] + 0.1, 13, 49)
    morph_grid = W.grid_paths(BOX[0] - 0.1, BOX[1] + 0.1, 11, 41)

    print(f"\nmanual mode, per slider move (best of {args.repeats})")
    print(f"{'case':<34}{'compute':>10}{'figures':>10}{'to_json':>10}{'total':>10}{'JSON KB':>10}")
    for name, ds, n_pts, preset in [
        ("xor 300 pts, 1 layer", "xor", 300, "identity"),
        ("xor 300 pts, 2 layers", "xor", 300, "xor_fold"),
        ("blobs4 800 pts, 2 layers", "blobs4", 800, "xor_fold"),
    ]:
        manual_row(name, ds, n_pts, W.PRESETS[preset].arrays(), grid, morph_grid, args.repeats)

    print("\ntraining a 2-hidden-layer net, 400 points (moons), 300 epochs, Adam, batch 32, "
          "21 snapshots; best of 3, target < 1 s")
    X, y = nn.make_dataset("moons", 400, 0.05, np.random.default_rng(0))
    snaps = np.linspace(0, 300, 21).round().astype(int)
    for widths, act in [((2, 2), "relu"), ((8, 2), "leaky_relu"), ((8, 8), "relu"),
                        ((16, 16), "relu")]:
        times, acc = [], 0.0
        for _ in range(3):
            t0 = time.perf_counter()
            run = nn.train_mlp(X, y, [2, *widths, 2], activation=act, epochs=300, batch_size=32,
                               opt_hp={"lr": 0.03}, snapshot_epochs=snaps)
            times.append(time.perf_counter() - t0)
            acc = run.history["train_acc"][-1]
        print(f"  hidden {str(widths):<9}{act:<11}{min(times) * 1e3:7.0f} ms  "
              f"(median {np.median(times) * 1e3:.0f} ms; final train acc {acc:.1%})")

    print("\nlinear-region map on a 300×300 grid, target < 200 ms")
    for widths in [(2, 2), (8, 8), (16, 16, 16, 16)]:
        params = nn.init_mlp([2, *widths, 2], "he_normal", np.random.default_rng(0))
        params = {k: (v + 0.3 if k.startswith("b") else v) for k, v in params.items()}
        t = best_ms(lambda p=params: W.region_map(p, "relu", -1.5, 1.5, 300), 5)
        count = W.region_map(params, "relu", -1.5, 1.5, 300)[1]
        te = best_ms(lambda p=params: W.count_regions(p, "relu", -1.5, 1.5), 3)
        exact = W.count_regions(params, "relu", -1.5, 1.5)
        print(f"  hidden {str(widths):<18}{t:7.1f} ms  ({count} on the grid); exact count "
              f"{te:6.1f} ms ({exact} regions)")
    for total in (12, 24):
        t = best_ms(lambda n=total: W.depth_vs_width(n), 1)
        print(f"  deeper-vs-wider, {total} units (5 shapes × 6 nets, exact): {t:.0f} ms (cached)")

    print("\npayload: Plotly JSON per rerun, target ≤ 300 KB")
    X, y = nn.make_dataset("xor", 800, 0.05, np.random.default_rng(0))
    _, f1, f2 = manual_once(X, y, 2, W.PRESETS["xor_fold"].arrays(), grid, morph_grid)
    print(f"  manual, 800 points, 2 layers:        {sum(kb(f) for f in f1):7.0f} KB "
          f"(+ {kb(f2):.0f} KB with the morph shown)")
    run = nn.train_mlp(X, y, [2, 8, 8, 8, 8, 2], epochs=20)
    trained = sum(kb(f) for f in trained_figure(run.params, X, y, 2))
    print(f"  trained, 800 points, 4×8 hidden:     {trained:7.0f} KB")
    ids, count = W.region_map(run.params, "relu", -1.5, 1.5, 300)
    ticks = np.linspace(-1.5, 1.5, 300)[::2]
    fr = regions_figure(ticks, ids[::2, ::2], X, y, 2, f"{count}")
    fd = depth_width_figure(W.depth_vs_width(12), DW_LABELS)
    print(f"  regions, 800 points (150² map + chart): {kb(fr) + kb(fd):5.0f} KB")


if __name__ == "__main__":
    main()
