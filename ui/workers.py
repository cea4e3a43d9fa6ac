"""Long work off the request thread: one process pool per server, shared by every session.

One Streamlit process serves every student, and a rerun holds the GIL for its Python work: a
training run in the script thread stalls everyone else's reruns (docs/performance.md, "a class
on one link"). Here the work runs in worker processes (``spawn``: no fork of a threaded server),
sized to the machine's cores and started on first use. The script thread only waits on a
future, which releases the GIL, so other sessions keep their reruns.

Long runs go in chunks (``run_chunks``): each chunk is one task that continues from the state
the previous one returned, so a page can draw the latest finished chunk and a progress bar, and
a stale run (the student moved a setting, pressed Stop, or left) ends after at most one chunk:
Streamlit stops the script at its next call, and no further chunk is submitted.

Tasks are module-level functions of picklable arguments (nncore's pure functions, or a page's
compute function) so their results equal an in-process call bit for bit.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_of: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # future -> its pool


class WorkerCrashed(RuntimeError):
    """A worker process died (killed, out of memory) while running a task; the pool has been
    replaced and the task can be tried again."""


def pool_size() -> int:
    """Workers: the cores this process may use (NNLAB_WORKERS overrides), at least 1."""
    env = os.environ.get("NNLAB_WORKERS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def get_pool() -> ProcessPoolExecutor:
    """The server's pool, created on first use (and again after a worker crashed)."""
    global _pool
    with _lock:
        if _pool is None:
            ctx = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(max_workers=pool_size(), mp_context=ctx)
        return _pool


def _reset_pool(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    """Stop the pool's workers (tests; the server's exit does this too)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def submit(fn: Callable, /, *args, **kwargs) -> Future:
    """``fn(*args, **kwargs)`` in a worker, as a future. A pool broken by an earlier crash is
    replaced first, so one student's killed worker never refuses the next student's task."""
    pool = get_pool()
    try:
        future = pool.submit(fn, *args, **kwargs)
    except BrokenProcessPool:
        _reset_pool(pool)
        pool = get_pool()
        future = pool.submit(fn, *args, **kwargs)
    _pool_of[future] = pool
    return future


def result(future: Future, timeout: float | None = None):
    """A submitted task's result; a worker that died raises ``WorkerCrashed`` (the pool is
    replaced for the next task)."""
    try:
        return future.result(timeout=timeout)
    except BrokenProcessPool as exc:
        pool = _pool_of.get(future)
        if pool is not None:  # replace the pool it ran in (not a fresh one started since)
            _reset_pool(pool)
        raise WorkerCrashed(str(exc) or "a worker process died") from exc


def run(fn: Callable, /, *args, timeout: float | None = None, **kwargs):
    """``fn(*args, **kwargs)`` in a worker; its result (or its exception, re-raised here).
    A dead worker raises ``WorkerCrashed`` and the pool is replaced."""
    return result(submit(fn, *args, **kwargs), timeout=timeout)


def run_chunks(step: Callable, state, n_chunks: int, /, *args) -> Iterator[tuple[int, object]]:
    """Yield ``(k, state_k)`` for k = 1 … n_chunks, where state_k = step(state_{k-1}, k, *args)
    runs in a worker. The caller draws each state as it arrives; stopping the iteration (a new
    rerun, Stop, a closed tab) submits nothing more."""
    for k in range(1, n_chunks + 1):
        state = run(step, state, k, *args)
        yield k, state
