"""Serve the lab to a class: N Streamlit replicas behind HAProxy on one port.

    python deploy/serve.py --replicas 4 --port 8501      (or: make serve N=4 PORT=8501)

Every replica runs `streamlit run app.py` on its own loopback port with the same
``server.cookieSecret`` and the public-facing settings below; HAProxy (deploy/haproxy.cfg.tmpl)
keeps each browser on its replica by cookie and health-checks ``/_stcore/health``. A replica
that exits is started again. Ctrl-C (or SIGTERM) stops HAProxy and every replica it started.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("haproxy.cfg.tmpl")

# Public-facing settings (make run keeps Streamlit's developer defaults).
PUBLIC_FLAGS = {
    "server.headless": "true",
    "server.enableXsrfProtection": "true",
    "server.maxUploadSize": "5",  # MB: a CSV of points, never 200 MB
    "server.maxMessageSize": "50",  # MB per message from the server
    "server.disconnectedSessionTTL": "60",  # s: a closed tab's session is freed soon
    "client.showErrorDetails": "none",  # visitors see that something failed, not the trace
    "browser.gatherUsageStats": "false",
}


def haproxy_config(ports: list[int], port: int, bind: str = "127.0.0.1",
                   stats_port: int | None = None) -> str:
    """The HAProxy config for replicas on ``ports`` (r1, r2, … each with its cookie value);
    with ``stats_port``, HAProxy's statistics page on loopback (sessions per replica:
    http://127.0.0.1:<stats_port>/;csv)."""
    servers = "\n".join(
        f"    server r{i} 127.0.0.1:{p} check cookie r{i}" for i, p in enumerate(ports, 1)
    )
    stats = ("" if stats_port is None else
             f"listen stats\n    bind 127.0.0.1:{stats_port}\n    stats enable\n    stats uri /\n")
    return TEMPLATE.read_text().format(bind=bind, port=port, servers=servers, stats=stats)


def replica_command(port: int, python: str = sys.executable) -> list[str]:
    """The command of one replica (its cookie secret comes through the environment: Streamlit
    refuses it as a flag)."""
    flags = {**PUBLIC_FLAGS, "server.port": str(port), "server.address": "127.0.0.1"}
    return [python, "-m", "streamlit", "run", str(ROOT / "app.py"),
            *(f"--{k}={v}" for k, v in flags.items())]


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


class Server:
    """The replicas and HAProxy, as child processes in their own process groups."""

    def __init__(self, replicas: int, port: int, base_port: int, bind: str, logdir: Path,
                 stats_port: int | None = None):
        self.ports = [base_port + i for i in range(replicas)]
        self.port, self.bind, self.logdir, self.stats_port = port, bind, logdir, stats_port
        self.secret = secrets.token_hex(32)  # the same for every replica
        self.procs: dict[str, subprocess.Popen] = {}

    def _spawn(self, name: str, cmd: list[str]) -> None:
        env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": self.secret}
        with open(self.logdir / f"{name}.log", "ab") as log:
            self.procs[name] = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log,
                                                stderr=subprocess.STDOUT, start_new_session=True)

    def _wait_healthy(self, urls: list[str], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pending = list(urls)
        while pending:
            dead = [n for n, p in self.procs.items() if p.poll() is not None]
            if dead:
                raise RuntimeError(f"{dead} exited while starting; see {self.logdir}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"not healthy after {timeout:.0f} s: {pending}")
            pending = [u for u in pending if not healthy(u)]
            if pending:
                time.sleep(0.5)

    def start(self) -> None:
        for i, p in enumerate(self.ports, 1):
            self._spawn(f"r{i}", replica_command(p))
        self._wait_healthy([f"http://127.0.0.1:{p}" for p in self.ports], timeout=180)
        cfg = self.logdir / "haproxy.cfg"
        cfg.write_text(haproxy_config(self.ports, self.port, self.bind, self.stats_port))
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        self._spawn("haproxy", [haproxy, "-f", str(cfg), "-db"])
        self._wait_healthy([f"http://127.0.0.1:{self.port}"], timeout=30)

    def keep_alive(self) -> None:
        """Start again any replica that exited (HAProxy routes around it meanwhile)."""
        for i, p in enumerate(self.ports, 1):
            name = f"r{i}"
            if self.procs[name].poll() is not None:
                print(f"replica {name} exited ({self.procs[name].returncode}); restarting",
                      flush=True)
                self._spawn(name, replica_command(p))
        if self.procs["haproxy"].poll() is not None:
            raise RuntimeError("HAProxy exited; see " + str(self.logdir / "haproxy.log"))

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for proc in self.procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--replicas", "-n", type=int, default=2)
    ap.add_argument("--port", type=int, default=8501, help="the one port students open")
    ap.add_argument("--base-port", type=int, default=8600, help="first replica's port")
    ap.add_argument("--bind", default="0.0.0.0", help="address HAProxy listens on")
    ap.add_argument("--logdir", type=Path, help="logs and haproxy.cfg (default: a temp dir)")
    ap.add_argument("--stats-port", type=int, help="HAProxy statistics on this loopback port")
    args = ap.parse_args(argv)
    logdir = args.logdir or Path(tempfile.mkdtemp(prefix="nnlab-serve-"))
    logdir.mkdir(parents=True, exist_ok=True)
    server = Server(args.replicas, args.port, args.base_port, args.bind, logdir, args.stats_port)

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    try:
        server.start()
        host = "localhost" if args.bind in ("0.0.0.0", "127.0.0.1") else args.bind
        print(f"Neural Network Lab: http://{host}:{args.port}  ({args.replicas} replicas, "
              f"logs in {logdir}; Ctrl-C stops everything)", flush=True)
        while True:
            time.sleep(2)
            server.keep_alive()
    except KeyboardInterrupt:
        print("stopping…", flush=True)
        return 0
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
