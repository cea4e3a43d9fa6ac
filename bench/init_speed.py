"""Initialization lab: compute time, cache time, figure time and Plotly payload per rerun.

    python bench/init_speed.py [--repeats 5] [--no-apptest]

Prints (targets from issue 3; nothing here passes or fails):
- default settings: compute time (target < 100 ms);
- the 7×4096 lecture preset: cold compute (target < 1.5 s on 2 cores), split into weight draws
  and the rest, and the warm time through the page's st.cache_data function;
- figure build time per rerun, and the histogram small multiples built with manual axis domains
  (what viz does) vs plotly.subplots.make_subplots;
- Plotly payload per rerun (target ≤ 300 KB): the JSON of the page's six figures, for the default,
  every preset and the largest view (20 layers, A/B); with AppTest also the specs the page sends.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import plotly  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
from plotly.subplots import make_subplots  # noqa: E402

from nncore.initlab import PRESETS, InitConfig, draw_weights, run_init_experiment  # noqa: E402
from ui.live_chart import app_chart_jsons  # noqa: E402
from ui.strings.init_lab import T  # noqa: E402
from viz.init_figs import (  # noqa: E402
    blocking_units,
    gradients_over_depth,
    layer_histograms,
    std_over_depth,
    theory_overlay,
)

LABELS = T.tables["en"]

DEFAULT = InitConfig()
LECTURE = PRESETS["tanh_001"].a


CPU: list[float] = []  # process CPU seconds of the last timed() calls (all threads)


def timed(fn, repeats: int) -> tuple[float, float, list[float]]:
    """(first call, median of the rest, all) wall seconds; CPU seconds per call go to CPU."""
    times = []
    CPU.clear()
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        CPU.append(time.process_time() - c0)
    rest = times[1:] or times
    return times[0], statistics.median(rest), times


def page_figures(results, names) -> list[go.Figure]:
    """The six figures the page draws (same builders, same order)."""
    return [
        layer_histograms(results, names, "act", LABELS, "fwd", "x"),
        layer_histograms(results, names, "grad", LABELS, "bwd", "x"),
        std_over_depth(results, names, LABELS),
        gradients_over_depth(results, names, LABELS),
        blocking_units(results, names, LABELS),
        theory_overlay(results, names, LABELS),
    ]


def histograms_make_subplots(res) -> go.Figure:
    """The same forward small multiples through make_subplots + add_trace + update_*, the usual
    way, for comparison only (titles, shared x-range, no y ticks, bar styling)."""
    depth = res.depth
    cols = min(depth, 10)
    rows = -(-depth // cols)
    titles = [f"L{l + 1} · std {res.act_std[l]:.2f}" for l in range(depth)]
    fig = make_subplots(rows=rows, cols=cols, horizontal_spacing=0.018, subplot_titles=titles)
    centers = 0.5 * (res.act_edges[:-1] + res.act_edges[1:])
    width = float(res.act_edges[1] - res.act_edges[0])
    for l in range(depth):
        share = 100.0 * res.act_counts[l] / max(res.act_counts[l].sum(), 1)
        fig.add_trace(
            go.Bar(x=centers, y=share, width=width, showlegend=False, marker_color="#1f5fa8"),
            row=l // cols + 1,
            col=l % cols + 1,
        )
    fig.update_xaxes(range=[res.act_edges[0], res.act_edges[-1]], nticks=3)
    fig.update_yaxes(showticklabels=False, fixedrange=True)
    fig.update_layout(height=250 * rows, bargap=0, plot_bgcolor="#f7f7f7", title="fwd")
    return fig


def tricks_ab(seq) -> None:
    """What nncore._fast buys: the 7 draws of 4096×4096 with each trick switched off in turn
    (interleaved, median of 3), serial fill vs the thread pool and np.empty vs mmap pages."""
    import nncore._fast as fast

    def draws():
        return [draw_weights("normal", 4096, 4096, s, 0.01) for s in seq.spawn(7)]

    keep = (fast.PARALLEL_MIN, fast.MMAP_MIN)
    times = {"both": [], "serial fill": [], "np.empty (THP)": []}
    for _ in range(3):
        for name, (par, mm) in (("both", keep), ("serial fill", (1 << 40, keep[1])),
                                ("np.empty (THP)", (keep[0], 1 << 40))):
            fast.PARALLEL_MIN, fast.MMAP_MIN = par, mm
            c0, t0 = time.process_time(), time.perf_counter()
            draws()
            times[name].append((time.perf_counter() - t0, time.process_time() - c0))
    fast.PARALLEL_MIN, fast.MMAP_MIN = keep
    parts = [f"{k} {statistics.median(w for w, _ in v):.2f} s wall / "
             f"{statistics.median(c for _, c in v):.2f} s CPU" for k, v in times.items()]
    print("  nncore._fast A/B (7 draws of 4096×4096, median of 3): " + "; ".join(parts))


def payload(figs) -> int:
    return sum(len(f.to_json()) for f in figs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-apptest", action="store_true", help="skip the AppTest payload pass")
    args = ap.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, load avg (1 min) "
        f"{os.getloadavg()[0]:.2f} — other processes share the cores; compare wall with CPU. "
        f"Python {platform.python_version()}, NumPy {np.__version__}, "
        f"Plotly {plotly.__version__}"
    )

    # --- compute ------------------------------------------------------------------------------
    first, med, all_t = timed(lambda: run_init_experiment(DEFAULT), args.repeats + 2)
    print(
        f"\ndefault ({DEFAULT.activation}/{DEFAULT.init}, {DEFAULT.depth}×{DEFAULT.width}, "
        f"{DEFAULT.samples} samples): first {first * 1e3:.0f} ms, median {med * 1e3:.0f} ms, "
        f"min {min(all_t) * 1e3:.0f} ms wall; CPU median {statistics.median(CPU) * 1e3:.0f} ms "
        f"(target < 100 ms)"
    )

    first, med, all_t = timed(lambda: run_init_experiment(LECTURE), args.repeats)
    cpu_med = statistics.median(CPU)
    seq = np.random.SeedSequence(0)
    _, draw_med, _ = timed(
        lambda: [draw_weights("normal", 4096, 4096, s, 0.01) for s in seq.spawn(7)], 3
    )
    print(
        f"7×4096 lecture preset (tanh, N(0, 0.01²), 16 samples), every run cold: first "
        f"{first:.2f} s, median {med:.2f} s, min {min(all_t):.2f} s, max {max(all_t):.2f} s "
        f"wall; CPU median {cpu_med:.2f} s over both cores (target < 1.5 s wall)"
    )
    print(f"  of which 7 weight draws of 4096×4096 (2 threads, SFC64): median {draw_med:.2f} s")
    rng = np.random.default_rng(0)
    _, serial_draw, _ = timed(lambda: [rng.standard_normal((4096, 4096)) for _ in range(7)], 2)
    print(
        f"  reference: 7 × default_rng().standard_normal((4096, 4096)) serial: {serial_draw:.2f} s"
    )

    tricks_ab(seq)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import logging

        logging.getLogger("streamlit").setLevel(logging.ERROR)
        from labs import init_lab  # the page module; main() runs only under Streamlit

        page_args = init_lab._as_args(LECTURE)
        init_lab.run_experiment.clear()
        t0 = time.perf_counter()
        init_lab.run_experiment(**page_args)
        cold = time.perf_counter() - t0
        _, warm, _ = timed(lambda: init_lab.run_experiment(**page_args), 20)
    print(
        f"  through the page's st.cache_data: cold {cold:.2f} s, warm {warm * 1e3:.2f} ms "
        f"(max_entries=24)"
    )

    # --- figures ------------------------------------------------------------------------------
    lecture = run_init_experiment(LECTURE)
    _, fig_med, _ = timed(lambda: page_figures([lecture], ["A"]), 5)
    _, manual, _ = timed(lambda: layer_histograms([lecture], ["A"], "act", LABELS), 10)
    _, subplots, _ = timed(lambda: histograms_make_subplots(lecture), 10)
    print(
        f"\nfigures per rerun (7 layers): all six {fig_med * 1e3:.0f} ms; forward small "
        f"multiples with manual axis domains {manual * 1e3:.1f} ms vs make_subplots "
        f"{subplots * 1e3:.1f} ms ({subplots / manual:.1f}×)"
    )
    deep = InitConfig("tanh", "xavier_normal", None, depth=20, width=64, samples=200)
    deep_b = InitConfig("relu", "he_normal", None, depth=20, width=64, samples=200)
    rd, rdb = run_init_experiment(deep), run_init_experiment(deep_b)
    _, manual20, _ = timed(lambda: layer_histograms([rd, rdb], ["A", "B"], "act", LABELS), 5)
    _, sub20, _ = timed(lambda: [histograms_make_subplots(rd), histograms_make_subplots(rdb)], 5)
    print(
        f"  20 layers A/B (40 panels): manual {manual20 * 1e3:.0f} ms vs make_subplots "
        f"(two 20-panel figures) {sub20 * 1e3:.0f} ms"
    )

    # --- payload ------------------------------------------------------------------------------
    print("\nPlotly payload per rerun (JSON of the six figures; target ≤ 300 KB):")
    cases = [("default", [DEFAULT])]
    cases += [(name, [p.a] + ([p.b] if p.b else [])) for name, p in PRESETS.items()]
    cases += [("20 layers, A/B (largest view)", [deep, deep_b])]
    for name, cfgs in cases:
        results = [run_init_experiment(c) for c in cfgs]
        names = ["A", "B"][: len(results)]
        print(f"  {name:<32}{payload(page_figures(results, names)) / 1e3:8.1f} KB")

    if args.no_apptest:
        return
    from streamlit.testing.v1 import AppTest

    print("\nAppTest (what the page sends: sum of plotly_chart specs, wall time of the rerun):")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    at.switch_page("labs/init_lab.py")
    t0 = time.perf_counter()
    at.run()
    dt = time.perf_counter() - t0

    def spec_kb() -> float:
        return sum(len(s.encode()) for s in app_chart_jsons(at)) / 1e3

    print(f"  {'default (first run)':<32}{spec_kb():8.1f} KB  {dt:6.2f} s")
    t0 = time.perf_counter()
    at.run()
    print(
        f"  {'default (rerun, cached)':<32}{spec_kb():8.1f} KB  {time.perf_counter() - t0:6.2f} s"
    )
    for name in PRESETS:
        t0 = time.perf_counter()
        at.button(key=f"ini_preset_{name}").click().run()
        dt = time.perf_counter() - t0
        print(f"  {name:<32}{spec_kb():8.1f} KB  {dt:6.2f} s")
    t0 = time.perf_counter()
    at.button(key="ini_preset_tanh_001").click().run()
    print(
        f"  {'tanh_001 again (cached)':<32}{spec_kb():8.1f} KB  {time.perf_counter() - t0:6.2f} s"
    )


if __name__ == "__main__":
    main()
