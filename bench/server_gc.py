"""Time the server spends in Python's cyclic garbage collector per rerun, with and without
ui.heap's freeze of the long-lived heap.

    python bench/server_gc.py [--reruns 40]

Runs the optimizer lab in-process (Streamlit's AppTest runs the script as the server does),
steps the gradient-noise slider back and forth, and records every collection with
``gc.callbacks``. Each variant runs in its own process (a freeze is process-wide). Prints per
rerun: full (generation-2) collections, milliseconds in the collector (median, p95, max) and
the rerun's own time. Not a test: nothing here passes or fails on time.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOISE = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5)


def measure(reruns: int, freeze: bool) -> dict:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from app_util import open_lab

    import ui.heap

    if not freeze:
        ui.heap.freeze_after_first_run = lambda page: False
    at = open_lab("labs/optimizers.py")
    at.run()  # the page's first run is over: app.py has frozen the heap (or not)
    per_run, t_start = [], [0.0]

    def on_gc(phase, info):
        if phase == "start":
            t_start[0] = time.perf_counter()
        else:
            per_run[-1]["ms"] += (time.perf_counter() - t_start[0]) * 1e3
            per_run[-1]["full"] += info["generation"] == 2

    gc.callbacks.append(on_gc)
    walk = [*NOISE, *NOISE[-2:0:-1]]
    for i in range(reruns):
        per_run.append({"ms": 0.0, "full": 0})
        at.session_state["opt_noise"] = walk[i % len(walk)]
        t0 = time.perf_counter()
        at.run()
        per_run[-1]["run_ms"] = (time.perf_counter() - t0) * 1e3
    gc.callbacks.remove(on_gc)
    assert not at.exception, at.exception
    ms = sorted(r["ms"] for r in per_run)
    return {
        "full_per_rerun": sum(r["full"] for r in per_run) / reruns,
        "gc_ms_median": statistics.median(ms),
        "gc_ms_p95": ms[int(0.95 * (len(ms) - 1))],
        "gc_ms_max": ms[-1],
        "run_ms_median": statistics.median(r["run_ms"] for r in per_run),
        "tracked_objects": len(gc.get_objects()),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reruns", type=int, default=40)
    ap.add_argument("--variant", choices=("frozen", "plain"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.variant:  # one variant, in this process
        print(json.dumps(measure(args.reruns, args.variant == "frozen")))
        return 0
    print(f"Optimizer lab, noise slider, {args.reruns} reruns per variant (AppTest):\n")
    print(f"{'heap':8} {'full GCs/rerun':>15} {'GC ms median':>13} {'p95':>7} {'max':>7} "
          f"{'rerun ms':>9} {'tracked':>9}")
    for variant in ("plain", "frozen"):
        out = subprocess.run([sys.executable, __file__, "--reruns", str(args.reruns),
                              "--variant", variant], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{variant:8} {r['full_per_rerun']:15.2f} {r['gc_ms_median']:13.1f} "
              f"{r['gc_ms_p95']:7.1f} {r['gc_ms_max']:7.1f} {r['run_ms_median']:9.1f} "
              f"{r['tracked_objects']:9d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
