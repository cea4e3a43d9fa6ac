"""make serve: two replicas behind HAProxy answer, a session stays on its replica (cookie), a
short class of simulated students gets no error, and Ctrl-C leaves no process behind.

Needs Debian's haproxy; skipped without it unless REQUIRE_HAPROXY=1 (set by .ci/run).
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from browser_util import free_port

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "deploy"))

import load  # noqa: E402
import serve  # noqa: E402

HAPROXY = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists()
                                      else None)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if HAPROXY is None:
        if os.environ.get("REQUIRE_HAPROXY"):
            pytest.fail("haproxy required (REQUIRE_HAPROXY=1) but not installed")
        pytest.skip("haproxy is not installed (apt-get install haproxy)")
    port, stats, base = free_port(), free_port(), free_port()
    logdir = tmp_path_factory.mktemp("serve")
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "deploy" / "serve.py"), "--replicas", "2", "--port",
         str(port), "--base-port", str(base), "--bind", "127.0.0.1", "--stats-port", str(stats),
         "--logdir", str(logdir)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while not serve.healthy(url) and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read()
        time.sleep(0.5)
    assert serve.healthy(url), "make serve did not come up"
    yield {"url": url, "stats": f"http://127.0.0.1:{stats}/;csv", "proc": proc,
           "ports": [base, base + 1]}
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)


def run_async(coro_fn, *args, **kwargs):
    """asyncio.run in a thread of its own: the browser tests' Playwright keeps an event loop
    running in this thread when they share the session."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coro_fn(*args, **kwargs))).result()


def backend_rows(stats_url: str) -> dict[str, dict]:
    with urllib.request.urlopen(stats_url, timeout=10) as r:
        text = r.read().decode().lstrip("# ")
    return {row["svname"]: row for row in csv.DictReader(io.StringIO(text))
            if row["pxname"] == "replicas"}


def test_haproxy_config_lists_every_replica_with_cookie_and_health_check():
    cfg = serve.haproxy_config([8601, 8602, 8603], 8501)
    assert cfg.count("check cookie r") == 3 and "server r3 127.0.0.1:8603" in cfg
    assert "cookie NNLAB_REPLICA insert" in cfg and "option httpchk GET /_stcore/health" in cfg
    assert "timeout tunnel 2h" in cfg and "balance source" not in cfg  # cookie, not client IP


def test_two_replicas_answer_and_a_session_stays_on_its_replica(lab):
    deadline = time.monotonic() + 30  # "UP 1/3" while HAProxy's first checks run
    while time.monotonic() < deadline:
        rows = backend_rows(lab["stats"])
        if rows["r1"]["status"] == rows["r2"]["status"] == "UP":
            break
        time.sleep(0.5)
    assert rows["r1"]["status"] == "UP" and rows["r2"]["status"] == "UP"
    before = {r: int(rows[r]["stot"]) for r in ("r1", "r2")}

    async def one_session(cookie: str):
        s = load.Session(lab["url"], cookie, 120)
        await s.connect()
        await s.rerun(page="glossary")
        await s.close()

    for _ in range(3):
        run_async(one_session, "NNLAB_REPLICA=r2")
    rows = backend_rows(lab["stats"])
    after = {r: int(rows[r]["stot"]) for r in ("r1", "r2")}
    assert after["r2"] - before["r2"] >= 3 and after["r1"] == before["r1"]
    # a browser without the cookie gets one; with it, it is not re-assigned
    assert "NNLAB_REPLICA=" in load.sticky_cookie(lab["url"])


def test_a_short_class_gets_no_error(lab):
    report = run_async(load.run, lab["url"], students=10, seconds=20, think=3.0, timeout=120,
                       pids=load.replica_pids(lab["ports"]), seed=1)
    assert report["errors"] == [] and report["timeouts"] == 0
    assert sum(a["n"] for a in report["actions"].values()) >= 10
    assert report["first_render"]["n"] >= 10
    assert len(report["rss_mb"][0][1]) == 2  # both replicas sampled


def test_ctrl_c_stops_every_process(lab):
    proc = lab["proc"]
    os.killpg(proc.pid, signal.SIGINT)
    proc.wait(timeout=30)
    time.sleep(1)
    assert not serve.healthy(lab["url"]) and load.replica_pids(lab["ports"]) == []
