"""Slider-to-rendered latency of every page, as a ratio to a trivial one-slider app.

    python bench/page_latency.py [--repeats 15] [--rounds 1] [--pages home,<url_path>...] [--json]

Serves app.py and bench/trivial_app.py (the floor) on free localhost ports. For each page of
the navigation (Home + ui.catalog.LABS) and for the trivial app, headless Chromium focuses a
slider and presses ArrowRight (ArrowLeft near the top of its range) `--repeats` times. Each press
is timed from the keydown event to the page having finished re-rendering:

- start: the keydown event's timestamp in the page (performance.now() clock);
- the rerun is recognised by the server's `new_session` message arriving on the websocket after
  the key press, followed by `script_finished` (so a press that triggers no rerun times out
  instead of measuring 0);
- end: the first frame painted after the last DOM change of that rerun (Plotly draws its
  figure after the message carrying it has been handled, so the last websocket message is not
  the end), taken once the app is idle (`data-test-script-state="notRunning"`, no spinner) and
  neither a message nor a DOM change has come for --quiet-ms (a page that calls st.rerun() is
  timed to its last run). The end is never earlier than the paint after the last message or
  after the state attribute went back to notRunning.

Streamlit's React may batch "running" and "notRunning" into one render for a very fast rerun, so
the state attribute alone can miss a rerun; the websocket messages cannot.

It also reports bytes received on the websocket per rerun, and the part of them that is Plotly
figure specs (ForwardMsg deltas carrying a chart: ui.live_chart's component or st.plotly_chart).

Which slider: TARGETS maps a page's url_path to the `key=` of the slider to move (Streamlit gives
a keyed widget the container class `st-key-<key>`); pages not listed use their first slider.
Pages without a slider are reported as skipped. Not a test: nothing here passes or fails on time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser_util import (  # noqa: E402
    exception_texts,
    launch_chromium,
    navigation,
    open_page,
    serve_streamlit,
)

from ui.live_chart import chart_json  # noqa: E402

# url_path of a page -> key of the slider to move on it. Page owners: add your entry.
TARGETS: dict[str, str] = {
    "trivial": "trivial_bins",
    "backprop": "bp_step",
    "activations": "act_range",
    "playground": "pg_epoch",
    "init_lab": "ini_depth",
    "batchnorm": "bn_epoch",
    "optimizers": "opt_noise",
    "regularization": "rg_epoch",
    "space_warp": "sw_w11",
    "perceptron": "pc_w1",
    "approximation": "ua_k",
    "autoencoder": "ae_level",  # on the default view: a warm rerun, no training
}

TRIVIAL = ROOT / "bench" / "trivial_app.py"
RESULTS = ROOT / "bench" / "results" / "page_latency.json"
SLIDER_INPUT = '[data-testid="stSlider"] input[type="range"]'
DOM_CAP_MS = 5000  # stop waiting for a quiet DOM this long after the rerun's last message

# ForwardMsg field numbers (streamlit/proto/ForwardMsg.proto) used by the in-page classifier.
NEW_SESSION, SCRIPT_FINISHED = 4, 6

# Installed before the app's own code: wraps WebSocket to timestamp every message and tell
# new_session / script_finished apart (top-level protobuf field of the ForwardMsg), observes the
# script-state attribute, and records keydown times. Each record gets the time of the first
# frame painted after it (rAF then a task).
INIT_JS = """
(() => {
  const L = window.__lab = {armed: false, key: null, msgs: [], states: [], started: false,
                            finished: false, lastMsgAt: 0, lastDom: 0, domPaint: 0};
  const afterPaint = rec => requestAnimationFrame(() => setTimeout(() => {
    rec.push(performance.now()); }, 0));
  const varint = (u8, i) => { let v = 0, s = 0, b;
    do { b = u8[i++]; v += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80 && i < u8.length);
    return [v, i]; };
  const topField = u8 => {  // first top-level field other than hash(1) / metadata(2)
    let i = 0;
    while (i < u8.length) {
      let tag; [tag, i] = varint(u8, i);
      const f = Math.floor(tag / 8), w = tag % 8;
      if (f !== 1 && f !== 2) return f;
      if (w === 0) { [, i] = varint(u8, i); }
      else if (w === 1) { i += 8; }
      else if (w === 2) { let n; [n, i] = varint(u8, i); i += n; }
      else if (w === 5) { i += 4; }
      else return -1;
    }
    return 0;
  };
  const Orig = window.WebSocket;
  window.WebSocket = class extends Orig {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => {
        const t = performance.now();
        const u8 = e.data instanceof ArrayBuffer ? new Uint8Array(e.data) : null;
        const field = u8 ? topField(u8) : -1;
        if (!L.armed) return;
        const rec = [t, field, u8 ? u8.length : 0];
        L.msgs.push(rec); afterPaint(rec); L.lastMsgAt = t;
        if (field === NEW_SESSION) L.started = true;
        if (field === SCRIPT_FINISHED && L.started) L.finished = true;
      });
    }
  };
  document.addEventListener('keydown', e => { if (L.armed && L.key === null) L.key = e.timeStamp; },
                            true);
  new MutationObserver(muts => {
    if (!L.armed) return;
    for (const m of muts) {
      const rec = [performance.now(), m.target.getAttribute('data-test-script-state')];
      L.states.push(rec); afterPaint(rec);
    }
  }).observe(document, {attributes: true, subtree: true,
                        attributeFilter: ['data-test-script-state']});
  // Any DOM change (Plotly draws after its element's message has been handled): keep the
  // time of the last one and of the first frame painted after it.
  let pending = false;
  new MutationObserver(() => {
    if (!L.armed) return;
    L.lastDom = performance.now();
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => setTimeout(() => { pending = false;
      L.domPaint = performance.now(); }, 0));
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
""".replace("NEW_SESSION", str(NEW_SESSION)).replace("SCRIPT_FINISHED", str(SCRIPT_FINISHED))

ARM_JS = """() => { const L = window.__lab; L.armed = true; L.key = null; L.msgs = [];
  window.__nnlabDraws = [];
  L.states = []; L.started = false; L.finished = false; L.lastMsgAt = 0; L.lastDom = 0;
  L.domPaint = 0; }"""

DONE_JS = """([quiet, cap]) => {
  const L = window.__lab, now = performance.now();
  if (!L.finished) return false;
  if (now - L.lastMsgAt < quiet) return false;
  // The DOM must be quiet too, unless something keeps animating long after the last message.
  if ((now - L.lastDom < quiet || L.domPaint < L.lastDom) && now - L.lastMsgAt < cap)
    return false;
  if (!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]'))
    return false;
  if (document.querySelector('[data-testid="stSpinner"]')) return false;
  return L.msgs.every(r => r.length === 4) && L.states.every(r => r.length === 3);
}"""


class FrameLog:
    """Websocket frames received by the page (Playwright events), decoded per rerun."""

    def __init__(self) -> None:
        self.frames: list[bytes] = []

    def attach(self, page) -> None:
        page.on("websocket", lambda ws: ws.on("framereceived", self._on_frame))

    def _on_frame(self, payload) -> None:
        if isinstance(payload, bytes):
            self.frames.append(payload)

    def take(self) -> list[bytes]:
        frames, self.frames = self.frames, []
        return frames


def payload_bytes(frames: list[bytes]) -> tuple[int, int, int]:
    """(all bytes, Plotly-spec bytes, number of script_finished messages) in these frames."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    total = plotly = finished = 0
    for raw in frames:
        total += len(raw)
        msg = ForwardMsg.FromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "script_finished":
            finished += 1
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            kind = element.WhichOneof("type")
            if kind in ("plotly_chart", "bidi_component") and chart_json(getattr(element, kind)):
                plotly += len(raw)
    return total, plotly, finished


def find_slider(page, url_path: str):
    """The slider's <input type=range> to move on this page, or None (and why)."""
    key = TARGETS.get(url_path)
    if key:
        loc = page.locator(f".st-key-{key} input[type='range']")
        try:  # widgets can still be placeholders when the app first reports it is idle
            loc.first.wait_for(state="attached", timeout=30_000)
        except Exception:
            return None, f"TARGETS key {key!r} not found on the page"
        return loc.first, key
    loc = page.locator(SLIDER_INPUT)
    if loc.count():
        return loc.first, "first slider"
    return None, "no slider"


def press_once(page, thumb, frames: FrameLog, direction: str, quiet_ms: int, timeout_ms: int):
    """Press the arrow key once on the focused slider; return (latency ms, frames of the rerun)."""
    thumb.focus()
    page.evaluate(ARM_JS)
    frames.take()
    page.keyboard.press(direction)
    try:
        page.wait_for_function(DONE_JS, arg=[quiet_ms, DOM_CAP_MS], timeout=timeout_ms, polling=10)
    except Exception as exc:
        lab = page.evaluate("window.__lab")
        raise RuntimeError(
            f"no finished rerun within {timeout_ms} ms of pressing {direction} "
            f"(rerun started: {lab['started']}, finished: {lab['finished']})"
        ) from exc
    lab = page.evaluate("() => { const L = window.__lab; L.armed = false; return L; }")
    key = lab["key"]
    if key is None:
        raise RuntimeError("the key press did not reach the page")
    last_msg_paint = max(r[3] for r in lab["msgs"])
    idle = [r[2] for r in lab["states"] if r[1] == "notRunning"]
    dom_paint = lab["domPaint"] if lab["domPaint"] >= lab["lastDom"] else lab["lastDom"]
    end = max([last_msg_paint, dom_paint, *idle])
    starts = [r[0] for r in lab["msgs"] if r[1] == NEW_SESSION]
    finishes = [r[0] for r in lab["msgs"] if r[1] == SCRIPT_FINISHED]
    phases = {
        "to_start": starts[0] - key,
        "run": finishes[-1] - starts[0],
        "paint": end - finishes[-1],
    }
    # Time inside Plotly (react, or animate for a data-only update) for the live charts of this
    # rerun (ui/live_chart.py logs it).
    draws = page.evaluate("() => { const d = window.__nnlabDraws || []; "
                          "window.__nnlabDraws = []; return d; }")
    phases["plotly"] = sum(ms for _key, t0, ms, _how in draws if t0 >= key)
    # Python sees the frame events independently of the page; give them a moment to arrive.
    got = frames.take()
    deadline = time.monotonic() + 2
    while payload_bytes(got)[2] == 0 and time.monotonic() < deadline:
        page.wait_for_timeout(20)
        got += frames.take()
    return end - key, phases, got


def measure(page, url: str, url_path: str, repeats: int, warmup: int, quiet_ms: int,
            timeout_ms: int) -> dict:
    frames = FrameLog()
    frames.attach(page)
    open_page(page, url)
    if exception_texts(page):
        raise RuntimeError(f"exception on the page: {exception_texts(page)[0][:200]!r}")
    thumb, which = find_slider(page, url_path)
    if thumb is None:
        return {"skipped": which}
    lo, hi = float(thumb.get_attribute("min")), float(thumb.get_attribute("max"))
    v = float(thumb.input_value())
    direction = "ArrowRight" if hi - v >= v - lo else "ArrowLeft"
    times, totals, plotlys, phases = [], [], [], {}
    for i in range(warmup + repeats):
        v = float(thumb.input_value())
        if (direction == "ArrowRight" and v >= hi) or (direction == "ArrowLeft" and v <= lo):
            direction = "ArrowLeft" if direction == "ArrowRight" else "ArrowRight"
        ms, phase, got = press_once(page, thumb, frames, direction, quiet_ms, timeout_ms)
        if i >= warmup:
            for k, t in phase.items():
                phases.setdefault(k, []).append(t)
            total, plotly, _ = payload_bytes(got)
            times.append(ms)
            totals.append(total)
            plotlys.append(plotly)
    if exception_texts(page):
        raise RuntimeError(f"exception after moving the slider: {exception_texts(page)[0][:200]!r}")
    return {
        "slider": which,
        "times_ms": [round(t, 2) for t in times],
        "median_ms": float(np.median(times)),
        "p95_ms": float(np.percentile(times, 95)),
        # Medians of the three phases: key -> new_session arrives (request + queueing),
        # new_session -> script_finished arrives (the script run, streamed), -> painted;
        # and the time spent inside Plotly (part of the run and paint phases).
        "phases_median_ms": {k: round(float(np.median(v)), 2) for k, v in phases.items()},
        "ws_bytes_per_rerun": float(statistics.median(totals)),
        "plotly_bytes_per_rerun": float(statistics.median(plotlys)),
    }


def _pooled(runs: list[dict]) -> dict:
    """One result from several runs of the same page: times pooled, phases re-medianed."""
    times = [t for r in runs for t in r["times_ms"]]
    keys = runs[0]["phases_median_ms"]
    return {
        **runs[0],
        "times_ms": times,
        "median_ms": float(np.median(times)),
        "p95_ms": float(np.percentile(times, 95)),
        "phases_median_ms": {
            k: round(float(np.median([r["phases_median_ms"][k] for r in runs])), 2) for k in keys
        },
    }


def _table(rows: list[tuple[str, dict]], floor: dict | None) -> str:
    head = ("page", "slider", "n", "median ms", "p95 ms", "x floor med", "x floor p95",
            "start/run/paint/plotly ms", "ws KB/rerun", "plotly KB/rerun")
    lines = []
    for name, r in rows:
        if "skipped" in r or "error" in r:
            lines.append((name, r.get("skipped") or "ERROR: " + r["error"], *[""] * 8))
            continue
        ok = floor and "median_ms" in floor
        f_med = r.get("floor_median_ms", floor["median_ms"] if ok else None)
        f_p95 = r.get("floor_p95_ms", floor["p95_ms"] if ok else None)
        lines.append((
            name, r["slider"], str(len(r["times_ms"])),
            f"{r['median_ms']:.0f}", f"{r['p95_ms']:.0f}",
            f"{r['median_ms'] / f_med:.2f}" if f_med else "-",
            f"{r['p95_ms'] / f_p95:.2f}" if f_p95 else "-",
            "/".join(f"{v:.0f}" for v in r["phases_median_ms"].values()),
            f"{r['ws_bytes_per_rerun'] / 1024:.1f}", f"{r['plotly_bytes_per_rerun'] / 1024:.1f}",
        ))
    widths = [max(len(str(x[i])) for x in [head, *lines]) for i in range(len(head))]

    def fmt(row) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(
            str(c).ljust(w) if i < 2 else str(c).rjust(w) for i, (c, w) in enumerate(cells)
        )

    return "\n".join([fmt(head), fmt(["-" * w for w in widths]), *map(fmt, lines)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=15, help="timed key presses per page")
    ap.add_argument("--warmup", type=int, default=2, help="untimed key presses first")
    ap.add_argument("--rounds", type=int, default=1,
                    help="go over every page this many times (floor, page, floor, page, ...); "
                         "a page's presses and its adjacent floors are pooled over the rounds")
    ap.add_argument("--pages", help="comma-separated url paths (home = the Home page); default all")
    ap.add_argument("--json", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    ap.add_argument("--quiet-ms", type=int, default=300, help="no message for this long = done")
    ap.add_argument("--timeout-ms", type=int, default=60_000, help="per key press")
    args = ap.parse_args(argv)

    pages = navigation()
    if args.pages:
        wanted = {"" if p.strip() in ("home", "/", "") else p.strip().strip("/")
                  for p in args.pages.split(",")}
        unknown = wanted - {p[0] for p in pages}
        if unknown:
            ap.error(f"unknown page(s) {sorted(unknown)}; known: "
                     f"{['home'] + [p[0] for p in pages[1:]]}")
        pages = [p for p in pages if p[0] in wanted]

    from playwright.sync_api import sync_playwright

    results: dict[str, dict] = {}
    with ExitStack() as stack:
        app_url = stack.enter_context(serve_streamlit("app.py"))
        floor_url = stack.enter_context(serve_streamlit(TRIVIAL))
        pw = stack.enter_context(sync_playwright())
        browser = launch_chromium(pw)
        stack.callback(browser.close)
        chromium_version = browser.version

        def run(name: str, url: str, url_path: str) -> None:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.add_init_script(INIT_JS)
            page = context.new_page()
            t0 = time.monotonic()
            try:
                results[name] = measure(page, url, url_path, args.repeats, args.warmup,
                                        args.quiet_ms, args.timeout_ms)
            except Exception as exc:  # report and go on with the other pages
                results[name] = {"error": str(exc).splitlines()[0]}
            finally:
                context.close()
            r = results[name]
            status = r.get("skipped") or r.get("error") or f"median {r['median_ms']:.0f} ms"
            print(f"  {name}: {status} ({time.monotonic() - t0:.0f} s)", file=sys.stderr)

        # Open the app's root first, so the first measured page does not pay the server warm-up.
        warm = browser.new_page()
        open_page(warm, app_url)
        warm.close()

        # The floor is measured before every page and once more at the end; each page is
        # compared with the floor runs just before and after it, so drift in the machine's
        # speed over the minutes of a run does not end up in the ratios.
        floors: list[dict] = []

        def run_floor() -> None:
            run("trivial (floor)", floor_url, "trivial")
            floors.append(results.pop("trivial (floor)"))

        measured: dict[str, list[tuple[dict, int]]] = {}  # page -> (result, floor index)
        for _round in range(max(1, args.rounds)):
            for url_path, _title, _file in pages:
                run_floor()
                name = url_path or "home"
                run(name, f"{app_url}/{url_path}", url_path)
                measured.setdefault(name, []).append((results.pop(name), len(floors) - 1))
        run_floor()

    for name, runs in measured.items():
        timed = [r for r, _ in runs if "times_ms" in r]
        results[name] = _pooled(timed) if timed else runs[-1][0]
    ok = [f for f in floors if "times_ms" in f]
    if ok:
        results = {"trivial (floor)": _pooled(ok), **results}
        for name, runs in measured.items():
            adjacent = [f for _, i in runs for f in floors[i : i + 2] if "times_ms" in f]
            if adjacent and "median_ms" in results[name]:
                results[name]["floor_median_ms"] = _pooled(adjacent)["median_ms"]
                results[name]["floor_p95_ms"] = _pooled(adjacent)["p95_ms"]

    floor = results.get("trivial (floor)")
    rounds = f" x {args.rounds} rounds" if args.rounds > 1 else ""
    print(f"\nSlider -> re-rendered page, {args.repeats} presses per page{rounds} "
          f"(+{args.warmup} warm-up), ratios to the trivial one-slider app measured just "
          f"before and after the page (the floor row pools every floor run):\n")
    print(_table(list(results.items()), floor))

    if args.json:
        import streamlit

        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "streamlit": streamlit.__version__,
            "chromium": chromium_version,
            "repeats": args.repeats,
            "warmup": args.warmup,
        }
        RESULTS.write_text(json.dumps({"meta": meta, "results": results}, indent=2) + "\n")
        print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
