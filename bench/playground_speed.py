"""Training playground: compute time, view-only rerun time and payload per rerun.

    python bench/playground_speed.py [--repeats 5]

1. A TensorFlow-Playground-sized run: 2-8-8-2 tanh, 500 training points, batch 10, 100 epochs
   (Adam, with the page's 51 weight snapshots and per-epoch train/test evaluation), then the
   100×100 decision grid and all per-neuron thumbnails from ONE forward pass.  Target < 1 s.
2. Thumbnail figure strategies for the same activations: one mosaic picture (an indexed PNG
   layout image: what the page does) vs one mosaic heatmap vs one heatmap trace per neuron on
   manual axis domains vs make_subplots: build time and JSON bytes.
3. The page under streamlit.testing.v1.AppTest: cold first run, then warm reruns that change
   only a view option (discretize toggle, timeline epoch, thumbnail layer, replay animation):
   server-side time per rerun (target < 150 ms) and the Plotly spec bytes (target ≤ 500 KB).

Prints figures; never fails on time. Browser-side slider latency is in bench/page_latency.py
(the playground's target slider is the timeline, key pg_epoch).
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import plotly.graph_objects as go  # noqa: E402

from nncore import make_dataset, train_mlp  # noqa: E402
from nncore.playground import feature_map, network_grid  # noqa: E402
from ui.live_chart import app_chart_jsons  # noqa: E402
from viz.playground_figs import THUMB_SCALE, thumbnail_mosaic, thumbnails_figure  # noqa: E402


def _median_ms(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), out


def tf_sized_run(repeats: int) -> None:
    rng = np.random.default_rng(0)
    X, y = make_dataset("xor", 700, 0.05, rng)
    X_tr, y_tr, X_te, y_te = X[:500], y[:500], X[500:], y[500:]
    feats = ["x1", "x2"]

    def train():
        return train_mlp(feature_map(X_tr, feats), y_tr, [2, 8, 8, 2], activation="tanh",
                         init="xavier_normal", optimizer="adam", opt_hp={"lr": 0.01},
                         epochs=100, batch_size=10, seed=0, X_test=feature_map(X_te, feats),
                         y_test=y_te, snapshot_epochs=range(0, 101, 2))

    t_train, res = _median_ms(train, repeats)

    def views():
        g = network_grid(res.params, feats, "tanh", "softmax_ce", res.bn_state, 1.6, 100)
        return g, thumbnail_mosaic([g.inputs, *g.hidden])

    t_views, (g, mosaic) = _median_ms(views, repeats)
    total = t_train + t_views
    print("1. TF-Playground-sized run (2-8-8-2 tanh, 500 points, batch 10, 100 epochs, Adam)")
    print(f"   training (5000 steps + 101 evaluations, 51 snapshots): {t_train:8.1f} ms")
    print(f"   100x100 grid + {sum(h.shape[2] for h in g.hidden)} neuron maps + mosaic: "
          f"{t_views:8.1f} ms")
    print(f"   total: {total:.0f} ms  (target < 1000 ms: {'met' if total < 1000 else 'MISSED'});"
          f" final train accuracy {res.history['train_acc'][-1]:.3f}")
    return g, mosaic


def thumbnail_strategies(g, mosaic, repeats: int) -> None:
    layers = [g.inputs, *g.hidden]
    k = -(-100 // mosaic.tile)  # the mosaic's stride: the same 34x34 maps for every strategy
    maps = [a[::k, ::k, u] for a in layers for u in range(a.shape[2])]

    def mosaic_fig():
        return thumbnails_figure(mosaic, ["Inputs", "Layer 1", "Layer 2"])

    def mosaic_heatmap_fig():
        return go.Figure(go.Heatmap(z=mosaic.image, zmin=0, zmax=250, colorscale=THUMB_SCALE,
                                    showscale=False, hoverinfo="skip", zsmooth=False))

    def per_trace_fig():
        fig = go.Figure()
        lay = {}
        n_cols = len(layers)
        k = 0
        for c, a in enumerate(layers):
            for u in range(a.shape[2]):
                k += 1
                ax = "" if k == 1 else str(k)
                fig.add_trace(go.Heatmap(z=maps[k - 1].astype(np.float32), xaxis=f"x{ax}",
                                         yaxis=f"y{ax}", showscale=False, colorscale="RdBu",
                                         hoverinfo="skip"))
                x0 = c / n_cols
                y1 = 1 - u / 8
                lay[f"xaxis{ax}"] = {"domain": [x0, x0 + 0.9 / n_cols], "visible": False,
                                     "anchor": f"y{ax}"}
                lay[f"yaxis{ax}"] = {"domain": [y1 - 0.11, y1], "visible": False,
                                     "anchor": f"x{ax}"}
        fig.update_layout(**lay)
        return fig

    def subplots_fig():
        from plotly.subplots import make_subplots

        fig = make_subplots(rows=8, cols=len(layers))
        k = 0
        for c, a in enumerate(layers):
            for u in range(a.shape[2]):
                fig.add_trace(go.Heatmap(z=maps[k].astype(np.float32), showscale=False,
                                         colorscale="RdBu"), row=u + 1, col=c + 1)
                k += 1
        return fig

    n = maps[0].shape[0]
    print(f"\n2. Thumbnail figure, {len(maps)} maps of {n}x{n} (build ms, spec KB; the mosaic is "
          "uint8, the others float32 and validated by plotly.py)")
    for name, fn in (("one mosaic picture (page)", mosaic_fig),
                     ("one mosaic heatmap", mosaic_heatmap_fig),
                     ("a trace + axis pair per neuron", per_trace_fig),
                     ("make_subplots", subplots_fig)):
        t, fig = _median_ms(fn, repeats)
        size = len(fig.to_json())
        print(f"   {name:32s} {t:8.1f} ms  {size / 1024:8.1f} KB")


def _spec_bytes(at) -> int:
    return sum(len(s.encode()) for s in app_chart_jsons(at))


def page_reruns(repeats: int) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    at.switch_page("labs/playground.py")
    t0 = time.perf_counter()
    at.run()
    cold = (time.perf_counter() - t0) * 1000
    assert not at.exception, [e.value for e in at.exception]
    print("\n3. The page under AppTest (default settings = the TF-sized run above)")
    print(f"   cold first run (train + grid + figures): {cold:8.0f} ms, "
          f"Plotly specs {_spec_bytes(at) / 1024:.0f} KB")

    def timed(action) -> tuple[float, int]:
        t = time.perf_counter()
        action()
        ms = (time.perf_counter() - t) * 1000
        assert not at.exception, [e.value for e in at.exception]
        return ms, _spec_bytes(at)

    rows = []
    toggles, tb = [], []
    for i in range(repeats * 2):
        ms, b = timed(lambda i=i: at.toggle(key="pg_disc").set_value(i % 2 == 0).run())
        toggles.append(ms)
        tb.append(b)
    rows.append(("discretize toggle (warm)", toggles, tb))
    epochs = at.select_slider(key="pg_epoch").options
    scrub, sb = [], []
    for e in (epochs[::5] + epochs[::5])[: repeats * 2 + 2]:
        ms, b = timed(lambda e=e: at.select_slider(key="pg_epoch").set_value(e).run())
        scrub.append(ms)
        sb.append(b)
    rows.append(("timeline epoch (cold then warm)", scrub, sb))
    thumbs, thb = [], []
    for i in range(repeats * 2):
        layer = ["1", "2", "all"][i % 3]
        ms, b = timed(lambda layer=layer: at.segmented_control(key="pg_thumb").set_value(layer)
                      .run())
        thumbs.append(ms)
        thb.append(b)
    rows.append(("thumbnail layer picker", thumbs, thb))
    ms, b = timed(lambda: at.toggle(key="pg_replay").set_value(True).run())
    rows.append(("replay on (first: 51 frames)", [ms], [b]))
    for name, ts, bs in rows:
        print(f"   {name:32s} median {statistics.median(ts):6.0f} ms, min {min(ts):5.0f} ms, "
              f"specs {statistics.median(bs) / 1024:5.0f} KB per rerun")
    print("   (AppTest runs the whole script each time; in a browser these controls rerun only "
          "the views fragment)")
    widest = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    widest.run()
    widest.switch_page("labs/playground.py")
    widest.session_state["pg_layers"] = 8
    for l in range(1, 9):
        widest.session_state[f"pg_w{l}"] = 64
    widest.session_state["pg_ep"] = 10
    widest.session_state["pg_n"] = 200
    widest.run()
    assert not widest.exception
    specs = [json.loads(s) for s in app_chart_jsons(widest)]
    print(f"   8 hidden layers x 64 neurons: Plotly specs {_spec_bytes(widest) / 1024:.0f} KB "
          f"(thumbnail mosaic {len(json.dumps(specs[1])) / 1024:.0f} KB) "
          f"(target <= 500 KB)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    g, mosaic = tf_sized_run(args.repeats)
    thumbnail_strategies(g, mosaic, args.repeats)
    page_reruns(args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
