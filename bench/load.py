"""Simulated students on Streamlit's websocket protocol (no browser), against a running lab.

    python bench/load.py --url http://127.0.0.1:8501 --students 40 --seconds 120 [--json]
    python bench/load.py --url ... --students 10 --soak 600     (RSS of each replica over time)

Each student is one browser session: it GETs the page through the load balancer (taking the
sticky cookie HAProxy sets), opens the websocket ``/_stcore/stream`` with that cookie, runs a
page, then acts every ``--think`` seconds (exponential, mean 5 s) with a realistic mix:
~70 % view-only controls (timeline, toggles, view switches), ~20 % controls that retrain or
recompute, ~10 % lecture presets; now and then it opens another page. An action is timed from
the BackMsg that carries it to the server's ``script_finished``; for retraining actions also to
the first element a progress bar or spinner draws (time to first progress).

It reports, per action kind, p50/p95 latency, counts, errors and timeouts, throughput, the first
full render of a newly opened page, and each replica's RSS over time (``--pids`` or, with
``make serve``, the processes listening on the replica ports). Not a test: nothing here passes
or fails on time; tests/serve runs a short version and checks there are no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Action:
    """One thing a student does: set widget ``key`` (a slider, select slider, toggle, button,
    select box) on ``page``. ``values`` are tried in turn (a slider's numbers, a select
    slider's option labels, a toggle's booleans); a button has none."""

    page: str
    kind: str  # "view", "retrain" or "preset"
    key: str
    values: tuple = ()
    fresh: bool = False  # a seed: every press a value nobody asked for (a real training run)


# The mix per page: stable widget keys of each page (their URL parameter names).
ACTIONS: list[Action] = [
    Action("playground", "view", "pg_replay", (True, False)),
    Action("playground", "view", "pg_disc", (True, False)),
    Action("playground", "view", "pg_showtest", (True, False)),
    Action("playground", "retrain", "pg_n", (300, 400, 500, 600)),
    Action("init_lab", "view", "ini_ab", (True, False)),
    Action("init_lab", "retrain", "ini_depth", (5, 7, 9)),
    Action("init_lab", "preset", "ini_preset_relu_he"),
    Action("optimizers", "view", "opt_steps", (100, 150, 200)),
    Action("optimizers", "retrain", "opt_noise", (0.0, 0.5, 1.0)),
    Action("space_warp", "view", "sw_w11", (0.5, 1.0, 1.5)),
    Action("perceptron", "view", "pc_w1", (0.2, 0.5, 0.8)),
    Action("backprop", "view", "bp_step", (3, 8, 14)),
    Action("batchnorm", "view", "bn_epoch", (2, 4, 6)),
    Action("batchnorm", "retrain", "bn_depth", (4, 6, 8)),
    Action("regularization", "view", "rg_epoch", (50, 100, 150)),
    Action("regularization", "retrain", "rg_n", (20, 24, 30)),
    Action("approximation", "view", "ua_k", (2, 3, 4)),
    Action("approximation", "retrain", "ua_n", (8, 16, 32)),
]
# Retraining that the shared cache cannot answer (--fresh): a new data seed on every press.
FRESH_ACTIONS: list[Action] = [
    Action("playground", "retrain", "pg_seed", fresh=True),
    Action("batchnorm", "retrain", "bn_seed", fresh=True),
    Action("regularization", "retrain", "rg_seed", fresh=True),
    Action("space_warp", "retrain", "sw_seed", fresh=True),
]
KIND_WEIGHTS = {"view": 0.7, "retrain": 0.2, "preset": 0.1}


@dataclass
class Stats:
    latency: dict[str, list[float]] = field(default_factory=dict)
    first_progress: list[float] = field(default_factory=list)
    first_render: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    timeouts: int = 0
    by_page: dict[str, list[float]] = field(default_factory=dict)  # "kind page" -> seconds

    def add(self, kind: str, seconds: float, page: str = "") -> None:
        self.latency.setdefault(kind, []).append(seconds)
        self.by_page.setdefault(f"{kind} {page}", []).append(seconds)


def sticky_cookie(url: str, timeout: float = 30) -> str:
    """GET the app once (as a browser does) and return the cookies the balancer set."""
    with urllib.request.urlopen(url + "/", timeout=timeout) as r:
        cookies = [h.split(";", 1)[0] for h in r.headers.get_all("Set-Cookie") or []]
    return "; ".join(cookies)


def widget_state(proto_kind: str, widget_id: str, value, options: tuple = ()) -> dict:
    """The WidgetState fields a browser would send for ``value`` (see Streamlit's widgets:
    sliders send double arrays, select sliders and segmented controls string arrays of labels,
    select boxes and radios a label, toggles a bool, buttons a trigger)."""
    if proto_kind == "button":
        return {"id": widget_id, "trigger_value": True}
    if proto_kind == "checkbox":
        return {"id": widget_id, "bool_value": bool(value)}
    if proto_kind == "slider" and options:  # a select slider: the option's label
        label = str(value) if str(value) in options else options[int(value) % len(options)]
        return {"id": widget_id, "string_array_value": {"data": [label]}}
    if proto_kind == "slider":
        return {"id": widget_id, "double_array_value": {"data": [float(value)]}}
    if proto_kind == "number_input":
        return {"id": widget_id, "double_value": float(value)}
    if proto_kind in ("selectbox", "radio"):
        return {"id": widget_id, "string_value": str(value)}
    if proto_kind == "button_group":
        return {"id": widget_id, "string_array_value": {"data": [str(value)]}}
    raise ValueError(f"no widget state for a {proto_kind}")


class Session:
    """One student's websocket session."""

    def __init__(self, url: str, cookie: str, timeout: float):
        self.url, self.cookie, self.timeout = url, cookie, timeout
        self.ws = None
        # key -> (proto kind, widget id, option labels of a select slider/box)
        self.widgets: dict[str, tuple[str, str, tuple]] = {}
        self.bound: set[str] = set()  # keys of widgets bound to the URL
        self.page_hash = ""
        self.query: dict[str, str] = {"lang": "en"}

    def set_url(self, key: str, value) -> None:
        """A bound widget's new value goes into the URL too, as the browser does (the server
        seeds a bound widget from the URL)."""
        if key in self.bound and value is not None:
            self.query[key] = str(value).lower() if isinstance(value, bool) else str(value)

    async def connect(self) -> None:
        ws_url = self.url.replace("http", "ws", 1) + "/_stcore/stream"
        self.ws = await websockets.connect(
            ws_url, subprotocols=["streamlit"], additional_headers={"Cookie": self.cookie},
            max_size=None, open_timeout=self.timeout,
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def rerun(self, page: str | None = None, states: list[dict] | None = None,
                    progress: bool = False) -> tuple[float, float | None]:
        """Send one rerun and wait for script_finished: (seconds, seconds to first progress
        element or None)."""
        msg = BackMsg()
        cs = msg.rerun_script
        if page is not None:  # open a page by its URL path, as a browser navigating there
            cs.page_name, self.widgets, self.bound = page, {}, set()
            self.query = {"lang": self.query.get("lang", "en")}
        else:
            cs.page_script_hash = self.page_hash
        cs.query_string = urllib.parse.urlencode(self.query)
        for s in states or []:
            w = cs.widget_states.widgets.add()
            for k, v in s.items():
                if isinstance(v, dict):
                    getattr(w, k).data.extend(v["data"])
                else:
                    setattr(w, k, v)
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        first_progress = None
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), self.timeout)
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            kind = fm.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fm.new_session.page_script_hash
            elif kind == "navigation":  # st.navigation names the page that ran
                self.page_hash = fm.navigation.page_script_hash
            elif kind == "delta":
                self._note(fm)
                if progress and first_progress is None and self._is_progress(fm):
                    first_progress = time.perf_counter() - start
            elif kind == "script_finished":
                # a fragment's or a rerun-requested finish is followed by another run
                if fm.script_finished in (ForwardMsg.FINISHED_SUCCESSFULLY,
                                          ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
                    return time.perf_counter() - start, first_progress

    def _note(self, fm: ForwardMsg) -> None:
        delta = fm.delta
        if delta.WhichOneof("type") != "new_element":
            return
        el = delta.new_element
        kind = el.WhichOneof("type")
        proto = getattr(el, kind, None)
        wid = getattr(proto, "id", "")
        if kind == "exception":
            raise RuntimeError("page exception: " + el.exception.message)
        if isinstance(wid, str) and wid.startswith("$$ID-"):
            key = wid.rsplit("-", 1)[-1]
            self.widgets[key] = (kind, wid, tuple(getattr(proto, "options", ()) or ()))
            if getattr(proto, "query_param_key", ""):
                self.bound.add(key)

    @staticmethod
    def _is_progress(fm: ForwardMsg) -> bool:
        delta = fm.delta
        if delta.WhichOneof("type") == "new_element":
            return delta.new_element.WhichOneof("type") in ("progress", "spinner")
        return False


def press_value(action: Action, n: int, student: int, seed: int):
    """The value of a student's n-th press: the action's values in turn, or a fresh seed."""
    if action.fresh:
        return 1000 + seed * 100_000 + student * 1000 + n
    return action.values[n % len(action.values)] if action.values else None


async def student(i: int, url: str, end: float, think: float, stats: Stats,
                  timeout: float, seed: int, actions: list[Action] = ACTIONS,
                  weights: dict[str, float] = KIND_WEIGHTS) -> None:
    rng = random.Random(seed * 1000 + i)
    try:
        cookie = await asyncio.to_thread(sticky_cookie, url)
        s = Session(url, cookie, timeout)
        await s.connect()
    except Exception as exc:  # noqa: BLE001 - every failure is a reported error
        stats.errors.append(f"student {i} connect: {exc!r}")
        return
    pages = sorted({a.page for a in actions})
    page = pages[i % len(pages)]
    try:
        t, _ = await s.rerun(page=page)
        stats.first_render.append(t)
        counters: dict[str, int] = {}
        while time.monotonic() < end:
            await asyncio.sleep(min(rng.expovariate(1 / think), max(0.0, end - time.monotonic())))
            if time.monotonic() >= end:
                break
            if rng.random() < 0.05:  # now and then, another page
                page = rng.choice(pages)
                t, _ = await s.rerun(page=page)
                stats.first_render.append(t)
                continue
            kind = rng.choices(list(weights), weights=list(weights.values()))[0]
            choices = [a for a in actions if a.page == page and a.kind == kind
                       and a.key in s.widgets]
            if not choices:
                continue
            action = rng.choice(choices)
            n = counters[action.key] = counters.get(action.key, 0) + 1
            proto_kind, wid, options = s.widgets[action.key]
            value = press_value(action, n, i, seed)
            s.set_url(action.key, value)
            t, fp = await s.rerun(states=[widget_state(proto_kind, wid, value, options)],
                                  progress=kind == "retrain")
            stats.add(kind, t, page)
            if fp is not None:
                stats.first_progress.append(fp)
                stats.by_page.setdefault(f"progress {page}", []).append(fp)
    except TimeoutError:
        stats.timeouts += 1
    except Exception as exc:  # noqa: BLE001
        stats.errors.append(f"student {i}: {exc!r}")
    finally:
        await s.close()


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def sample_rss(pids: list[int], end: float, every: float, out: list) -> None:
    while time.monotonic() < end:
        out.append((time.monotonic(), [rss_mb(p) for p in pids]))
        await asyncio.sleep(every)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, max(0, round(q / 100 * (len(v) - 1))))]


async def run(url: str, students: int, seconds: float, think: float, timeout: float,
              pids: list[int], seed: int, actions: list[Action] = ACTIONS,
              weights: dict[str, float] = KIND_WEIGHTS) -> dict:
    stats = Stats()
    end = time.monotonic() + seconds
    rss: list = []
    tasks = [asyncio.create_task(sample_rss(pids, end, 10.0, rss))] if pids else []
    t0 = time.monotonic()
    for i in range(students):  # students arrive over the first few seconds, as in a room
        tasks.append(asyncio.create_task(student(i, url, end, think, stats, timeout, seed,
                                                 actions, weights)))
        await asyncio.sleep(min(0.25, seconds / max(1, 4 * students)))
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - t0
    report = {
        "students": students, "seconds": round(elapsed, 1), "errors": stats.errors,
        "timeouts": stats.timeouts,
        "first_render": {"n": len(stats.first_render), "p50": pct(stats.first_render, 50),
                         "p95": pct(stats.first_render, 95)},
        "actions": {k: {"n": len(v), "p50": pct(v, 50), "p95": pct(v, 95),
                        "per_s": len(v) / elapsed} for k, v in sorted(stats.latency.items())},
        "first_progress": {"n": len(stats.first_progress),
                           "p95": pct(stats.first_progress, 95)},
        "by_page": {k: {"n": len(v), "p50": pct(v, 50), "p95": pct(v, 95)}
                    for k, v in sorted(stats.by_page.items())},
        "rss_mb": [[round(t - t0, 1), r] for t, r in rss],
    }
    return report


def replica_pids(ports: list[int]) -> list[int]:
    """PIDs of the processes listening on ``ports`` (Linux /proc), for the RSS samples."""
    inodes = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            for line in Path(table).read_text().splitlines()[1:]:
                parts = line.split()
                port = int(parts[1].rsplit(":", 1)[1], 16)
                if parts[3] == "0A" and port in ports:  # LISTEN
                    inodes[parts[9]] = port
        except OSError:
            continue
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            fds = [str(p.readlink()) for p in (proc / "fd").iterdir()]
        except OSError:
            continue
        if any(f.startswith("socket:[") and f[8:-1] in inodes for f in fds):
            pids.append(int(proc.name))
    return sorted(pids)


def print_report(r: dict) -> None:
    print(f"{r['students']} students, {r['seconds']} s, errors {len(r['errors'])}, "
          f"timeouts {r['timeouts']}")
    fr = r["first_render"]
    print(f"first render of a page: n={fr['n']} p50 {fr['p50']:.2f} s, p95 {fr['p95']:.2f} s")
    print(f"{'action':<10}{'n':>6}{'p50 s':>9}{'p95 s':>9}{'per s':>8}")
    for kind, a in r["actions"].items():
        print(f"{kind:<10}{a['n']:>6}{a['p50']:>9.3f}{a['p95']:>9.3f}{a['per_s']:>8.2f}")
    fp = r["first_progress"]
    if fp["n"]:
        print(f"time to first progress (retrain): n={fp['n']} p95 {fp['p95']:.2f} s")
    if r["rss_mb"]:
        first, last = r["rss_mb"][0][1], r["rss_mb"][-1][1]
        print("replica RSS MB, first -> last sample:",
              ", ".join(f"{a:.0f} -> {b:.0f}" for a, b in zip(first, last, strict=False)
                        if a is not None and b is not None))
    for e in r["errors"][:10]:
        print("error:", e)


def print_ratios(r: dict, base: dict) -> None:
    """Each kind's p95 under load against its median with one student (``--baseline``)."""
    print(f"{'action':<10}{'p95 s':>9}{'1-student p50 s':>17}{'ratio':>8}")
    for kind, a in r["actions"].items():
        b = base["actions"].get(kind)
        if b and b["p50"] > 0:
            print(f"{kind:<10}{a['p95']:>9.3f}{b['p50']:>17.3f}{a['p95'] / b['p50']:>8.2f}")
    rows = [(k, a, base.get("by_page", {}).get(k)) for k, a in r.get("by_page", {}).items()]
    for k, a, b in rows:
        if b and b["p50"] > 0:
            print(f"  {k:<28} n={a['n']:<4} p95 {a['p95']:.3f} s / {b['p50']:.3f} s = "
                  f"{a['p95'] / b['p50']:.2f}")


def rss_drift(r: dict, after: float) -> list[float]:
    """Each replica's RSS change (%) from its first sample after ``after`` s to its last."""
    samples = [(t, mbs) for t, mbs in r["rss_mb"] if t >= after]
    if len(samples) < 2:
        return []
    first, last = samples[0][1], samples[-1][1]
    return [100 * (b - a) / a for a, b in zip(first, last, strict=False) if a and b]


def write_json(path: Path, report: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, default=float))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", default="http://127.0.0.1:8501")
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--soak", type=float, help="run this many seconds (RSS sampled every 10 s)")
    ap.add_argument("--think", type=float, default=5.0, help="mean seconds between actions")
    ap.add_argument("--timeout", type=float, default=120.0, help="per rerun")
    ap.add_argument("--ports", help="replica ports, comma-separated (for RSS; default none)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="also write the report here")
    ap.add_argument("--baseline", type=Path, help="a one-student report (--json): print ratios")
    ap.add_argument("--only", choices=sorted(KIND_WEIGHTS), help="only this kind of action")
    ap.add_argument("--fresh", action="store_true",
                    help="retraining with a new seed each press (the cache cannot answer)")
    ap.add_argument("--warmup", type=float, default=120.0,
                    help="seconds before the RSS drift is measured (with --ports)")
    args = ap.parse_args(argv)
    ports = [int(p) for p in args.ports.split(",")] if args.ports else []
    pids = replica_pids(ports) if ports else []
    seconds = args.soak or args.seconds
    actions = FRESH_ACTIONS if args.fresh else ACTIONS
    weights = {args.only: 1.0} if args.only else KIND_WEIGHTS
    report = asyncio.run(run(args.url.rstrip("/"), args.students, seconds, args.think,
                             args.timeout, pids, args.seed, actions, weights))
    print_report(report)
    if args.baseline:
        print_ratios(report, json.loads(args.baseline.read_text()))
    drift = rss_drift(report, args.warmup)
    if drift:
        print(f"RSS drift after {args.warmup:.0f} s:", ", ".join(f"{d:+.1f} %" for d in drift))
    if args.json:
        write_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
