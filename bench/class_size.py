"""A class on one machine: the figures of README's "Serving a class", measured end to end.

    python bench/class_size.py                 # every stage (~20 min on 2 cores)
    python bench/class_size.py --stages base,class --class-seconds 300

Stages, each against `deploy/serve.py` (HAProxy + replicas) started here and stopped after:
- ``base``: one student on N=2 (the single-student medians every ratio divides by);
- ``class``: 40 students on N=2 acting every ~5 s (70 % view-only, 20 % retraining, 10 %
  presets), long enough for the soak (RSS sampled every 10 s, drift after 2 min of warm-up);
- ``throughput``: 8 students retraining with fresh seeds (no cache hit) every ~1 s, on N=1
  and then N=2: completed retraining actions per second.

The result cache starts empty in a temporary folder and is warmed once (ui/warm.py) before the
students arrive, as a server started before the lecture does. Prints each stage's
report (bench/load.py) and a summary; ``--json`` keeps everything. Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "deploy"))

import load  # noqa: E402
import serve  # noqa: E402


def warm(cache: Path) -> float:
    """Seconds the preset warm-up takes on ``cache`` (python -m ui.warm, as a server's first
    session starts it)."""
    start = time.monotonic()
    env = {**os.environ, "NNLAB_CACHE_DIR": str(cache)}
    subprocess.run([sys.executable, "-m", "ui.warm"], cwd=ROOT, env=env, check=True,
                   stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def stage(replicas: int, cache: Path, port: int, **load_kw) -> dict:
    """Start N replicas on ``cache``, wait for the warm-up, run the students, stop."""
    logdir = Path(tempfile.mkdtemp(prefix="nnlab-class-"))
    os.environ["NNLAB_CACHE_DIR"] = str(cache)
    os.environ["NNLAB_WARM"] = "0"  # warmed before (main): no warm-up inside the measurement
    server = serve.Server(replicas, port, port + 100, "127.0.0.1", logdir)
    try:
        server.start()
        url = f"http://127.0.0.1:{port}"
        pids = load.replica_pids(server.ports)
        report = asyncio.run(load.run(url, pids=pids, **load_kw))
        report["replicas"] = replicas
        return report
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stages", default="base,class,throughput")
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--class-seconds", type=float, default=720)
    ap.add_argument("--base-seconds", type=float, default=150)
    ap.add_argument("--throughput-seconds", type=float, default=150)
    ap.add_argument("--port", type=int, default=8751)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    stages = args.stages.split(",")
    cache = Path(tempfile.mkdtemp(prefix="nnlab-cache-"))
    out: dict = {"warm_s": round(warm(cache), 1)}
    print(f"preset warm-up: {out['warm_s']} s")
    common = {"timeout": 180.0, "seed": 0}
    if "base" in stages:
        out["base"] = stage(2, cache, args.port, students=1, seconds=args.base_seconds, think=2.0, **common)
        load.print_report(out["base"])
    if "class" in stages:
        out["class"] = stage(2, cache, args.port, students=args.students,
                             seconds=args.class_seconds, think=5.0, **common)
        load.print_report(out["class"])
        if "base" in out:
            load.print_ratios(out["class"], out["base"])
        drift = load.rss_drift(out["class"], 120.0)
        print("RSS drift after 120 s:", ", ".join(f"{d:+.1f} %" for d in drift))
    if "throughput" in stages:
        fresh = {"actions": load.FRESH_ACTIONS, "weights": {"retrain": 1.0}}
        for n in (1, 2):
            r = stage(n, cache, args.port, students=8, seconds=args.throughput_seconds, think=1.0, **fresh,
                      **common)
            out[f"throughput_n{n}"] = r
            load.print_report(r)
        n1 = out["throughput_n1"]["actions"].get("retrain", {}).get("per_s", 0)
        n2 = out["throughput_n2"]["actions"].get("retrain", {}).get("per_s", 0)
        print(f"retraining per second: N=1 {n1:.2f}, N=2 {n2:.2f}, ratio {n2 / max(n1, 1e-9):.2f}")
    if args.json:
        load.write_json(args.json, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
