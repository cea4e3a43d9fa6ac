"""The lecture's presets, computed before the class asks: a background warm-up of the disk cache.

A lecturer's first click on a preset should be instant, and forty students clicking it after
should cost nothing. Measured cold on the reference machine: each 7 × 4096 initialization
preset takes 1.3–4.3 s, a lecture step of the playground up to ~10 s. So when the server
starts (the first session of a process), one low-priority process computes every page's
preset results that are not on disk yet (``ui.disk_cache``, shared by every replica and kept
across restarts) and exits.

- A page lists its work as ``warm_tasks()``: the disk-cache entries (name, settings) its
  presets and lecture steps read, and the module-level function that computes each; the page
  builds the settings with the same functions it uses for its widgets, and
  tests/app/test_warm.py opens each warmed step with computing forbidden.
- One warm-up per cache folder at a time (a file lock: N replicas, one warm-up), at the lowest
  CPU priority (``nice 19``): a student's rerun or training always comes first.
- It stops when the server that started it is gone, and ``NNLAB_WARM=0`` turns it off (the
  tests do; ``python -m ui.warm`` runs it in the foreground, e.g. in a container build).
"""

from __future__ import annotations

import fcntl
import importlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ui import disk_cache

# Pages with presets whose results go to the disk cache, in the course's order.
WARM_PAGES = ("perceptron", "playground", "init_lab", "batchnorm", "regularization",
              "space_warp", "approximation", "autoencoder")
LOCK_NAME = ".warm.lock"


@dataclass(frozen=True)
class WarmTask:
    """One disk-cache entry a page reads at a preset: ``disk_cache.put(name, key, fn(*args))``."""

    label: str  # the preset or lecture step, for the log and the tests
    name: str
    key: object
    fn: Callable = field(compare=False)
    args: tuple = field(default=(), compare=False)


def page_tasks(pages: Iterable[str] = WARM_PAGES) -> list[WarmTask]:
    """Every listed page's tasks, each (name, key) once."""
    tasks: dict[tuple, WarmTask] = {}
    for page in pages:
        module = importlib.import_module(f"labs.{page}")
        for t in getattr(module, "warm_tasks", list)():
            tasks.setdefault((t.name, disk_cache.entry_key(t.name, t.key)), t)
    return list(tasks.values())


def missing(tasks: Iterable[WarmTask]) -> list[WarmTask]:
    return [t for t in tasks if not disk_cache.contains(t.name, t.key)]


def warm(tasks: Iterable[WarmTask], log: Callable[[str], None] = print,
         keep_going: Callable[[], bool] = lambda: True) -> int:
    """Compute and store every task not on disk; the number computed."""
    done = 0
    for t in missing(tasks):
        if not keep_going():
            break
        if disk_cache.contains(t.name, t.key):  # another process stored it meanwhile
            continue
        start = time.perf_counter()
        disk_cache.put(t.name, t.key, t.fn(*t.args))
        done += 1
        log(f"warm: {t.name} [{t.label}] {time.perf_counter() - start:.1f} s")
    return done


def _lock():
    """The cache folder's warm-up lock, or None when another process holds it."""
    folder = disk_cache.cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        f = open(folder / LOCK_NAME, "w")  # noqa: SIM115 (held for the process's life)
    except OSError:  # a folder this process cannot write: nothing to warm into
        return None
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        return None
    return f


def main() -> int:
    lock = _lock()
    if lock is None:
        print("warm: another process is warming this cache", file=sys.stderr)
        return 0
    os.nice(19)
    parent = os.getppid()
    start = time.perf_counter()
    n = warm(page_tasks(), log=lambda line: print(line, file=sys.stderr, flush=True),
             keep_going=lambda: os.getppid() == parent)
    print(f"warm: {n} results computed in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return 0


_start_lock = threading.Lock()
_started = False


def start_background() -> subprocess.Popen | None:
    """Start the warm-up once per server process (app.py calls this on every run)."""
    global _started
    if os.environ.get("NNLAB_WARM", "1") == "0":
        return None
    with _start_lock:
        if _started:
            return None
        _started = True
    proc = subprocess.Popen([sys.executable, "-m", "ui.warm"], cwd=disk_cache.ROOT,
                            stdin=subprocess.DEVNULL)
    threading.Thread(target=proc.wait, daemon=True).start()  # no zombie when it ends
    return proc


if __name__ == "__main__":
    sys.exit(main())
