"""Optimizer lab speed: compute time of a race and Plotly payload per rerun.

    python bench/optimizer_speed.py [--repeats 7]

Prints
1. per-call overhead of ``opt.update`` (µs) on a 2D point and on an MLP-sized dict of arrays;
2. the race compute: 8 optimizers × 1000 steps (``descend``, with and without recorded states)
   plus a 200×200 grid of f, per surface (target < 100 ms, issue 4);
3. Plotly payload bytes per rerun of the page itself (AppTest, the JSON specs it sends), with
   playback frames, for 8 optimizers at 1000 and 5000 steps (target ≤ 500 KB), and the time to
   build those figures.
Never fails on time; figures are printed for README/reports.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from nncore.optim import OPTIMIZERS, default_lr, descend, make_optimizer  # noqa: E402
from nncore.surfaces import SURFACES, surface_grid  # noqa: E402
from ui.live_chart import app_chart_jsons  # noqa: E402

RACE = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "radam"]


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def update_overhead(repeats: int) -> None:
    rng = np.random.default_rng(0)
    point = {"xy": np.array([0.3, -0.2])}
    point_g = {"xy": np.array([0.1, 0.2])}
    mlp = {}
    for i, (a, b) in enumerate(zip([2, 8, 8], [8, 8, 1], strict=True), start=1):
        mlp[f"W{i}"] = rng.standard_normal((a, b))
        mlp[f"b{i}"] = np.zeros(b)
    mlp_g = {k: rng.standard_normal(v.shape) for k, v in mlp.items()}
    n = 5000
    print(f"\n1. opt.update per call (median of {repeats} × {n} calls)")
    print(f"   {'optimizer':10s} {'2D point':>10s} {'MLP [2,8,8,1] (6 arrays)':>26s}")
    for name in OPTIMIZERS:
        opt = make_optimizer(name, lr=0.01)
        row = []
        for params, grads in ((point, point_g), (mlp, mlp_g)):
            state = opt.init(params)

            def run(params=params, grads=grads, state=state, opt=opt):
                for _ in range(n):
                    opt.update(grads, state, params)

            row.append(median_time(run, repeats) / n * 1e6)
        print(f"   {name:10s} {row[0]:8.2f} µs {row[1]:22.2f} µs")


def race_compute(repeats: int) -> None:
    print("\n2. Race compute: 8 optimizers × 1000 steps + 200×200 grid (median of "
          f"{repeats}; target < 100 ms)")
    print(f"   {'surface':16s} {'descend':>9s} {'+states':>9s} {'grid':>7s} {'total (page)':>13s}")
    totals = []
    for sname, surf in SURFACES.items():
        opts = [make_optimizer(n, lr=default_lr(n, sname)) for n in RACE]

        def plain(surf=surf, opts=opts):
            for opt in opts:
                descend(surf.grad, surf.start, opt, 1000, loss_fn=surf.f)

        def recorded(surf=surf, opts=opts):
            for opt in opts:
                descend(surf.grad, surf.start, opt, 1000, loss_fn=surf.f, record_state=True)

        t_plain = median_time(plain, repeats)
        t_rec = median_time(recorded, repeats)
        t_grid = median_time(lambda surf=surf: surface_grid(surf, 200), repeats)
        total = t_rec + t_grid
        totals.append(total)
        print(f"   {sname:16s} {t_plain * 1e3:7.1f}ms {t_rec * 1e3:7.1f}ms "
              f"{t_grid * 1e3:5.1f}ms {total * 1e3:11.1f}ms")
    print(f"   worst surface: {max(totals) * 1e3:.1f} ms, median: "
          f"{statistics.median(totals) * 1e3:.1f} ms")


def page_payload() -> None:
    from streamlit.testing.v1 import AppTest

    print("\n3. Plotly payload per rerun of the page (AppTest; target ≤ 500 KB)")
    cases = [
        ("rosenbrock", 1000, False), ("rosenbrock", 5000, False), ("quadratic", 1000, False),
        ("beale", 5000, False), ("rosenbrock", 1000, True),
    ]
    for surface, steps, view3d in cases:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.run()
        at.switch_page("labs/optimizers.py")
        at.run()
        at.selectbox(key="opt_surface").set_value(surface).run()
        at.multiselect(key="opt_set").set_value(RACE).run()
        at.select_slider(key="opt_steps").set_value(steps).run()
        if view3d:
            at.toggle(key="opt_3d").set_value(True).run()
        t0 = time.perf_counter()
        at.run()  # a rerun with everything cached: what a view-only change costs server-side
        t_rerun = time.perf_counter() - t0
        sizes = [len(s.encode()) for s in app_chart_jsons(at)]
        view = "3D view" if view3d else "map + playback"
        print(f"   {surface:10s} {steps:5d} steps, 8 optimizers, {view:14s}: "
              f"{sum(sizes) / 1024:6.1f} KB total  (charts: "
              + ", ".join(f"{s / 1024:.0f}" for s in sizes) + f" KB); cached rerun "
              f"{t_rerun * 1e3:.0f} ms")
        assert not at.exception, at.exception


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--skip-page", action="store_true", help="skip the AppTest payload part")
    args = ap.parse_args()
    print(f"optimizer_speed: Python {platform.python_version()}, NumPy {np.__version__}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}")
    update_overhead(args.repeats)
    race_compute(args.repeats)
    if not args.skip_page:
        page_payload()


if __name__ == "__main__":
    main()
