"""The worker pool (ui.workers) and the shared disk cache (ui.disk_cache)."""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass

import numpy as np
import pytest

from nncore import make_dataset, train_mlp
from ui import disk_cache, workers


@pytest.fixture(scope="module", autouse=True)
def _pool():
    os.environ["NNLAB_WORKERS"] = "2"
    yield
    workers.shutdown()


def _train(seed: int, epochs: int):
    X, y = make_dataset("moons", 200, 0.1, np.random.default_rng(seed))
    run = train_mlp(X, y, [2, 8, 8, 2], activation="tanh", optimizer="adam",
                    opt_hp={"lr": 0.03}, epochs=epochs, batch_size=16, seed=seed)
    return run.params, run.history["train_loss"]


def _continue(state, k: int, seed: int):
    """One chunk of 5 epochs from ``state`` (None: a fresh net)."""
    X, y = make_dataset("moons", 200, 0.1, np.random.default_rng(seed))
    params = None if state is None else state[0]
    opt_state = None if state is None else state[1]
    run = train_mlp(X, y, [2, 8, 8, 2], activation="tanh", optimizer="adam",
                    opt_hp={"lr": 0.03}, epochs=5, batch_size=16, seed=seed, params=params,
                    opt_state=opt_state, start_epoch=5 * (k - 1))
    return run.params, run.opt_state


def _boom():
    raise ValueError("bad settings")


def _die():
    os._exit(3)


def _sleep(s: float) -> float:
    time.sleep(s)
    return s


def test_worker_results_equal_in_process_results_bit_for_bit():
    here = _train(3, 20)
    there = workers.run(_train, 3, 20)
    for k in here[0]:
        np.testing.assert_array_equal(here[0][k], there[0][k])
    np.testing.assert_array_equal(here[1], there[1])


def test_chunks_equal_one_long_run_and_stop_when_the_caller_stops():
    chunks = list(workers.run_chunks(_continue, None, 4, 7))
    assert [k for k, _ in chunks] == [1, 2, 3, 4]
    whole = _continue(None, 1, 7)
    for k in (2, 3, 4):
        whole = _continue(whole, k, 7)
    for name in whole[0]:
        np.testing.assert_array_equal(chunks[-1][1][0][name], whole[0][name])
    gen = workers.run_chunks(_continue, None, 100, 7)
    next(gen)
    gen.close()  # a new rerun: no further chunk is submitted
    assert workers.run(_sleep, 0.0) == 0.0  # and the pool is free


def test_a_failing_task_raises_its_error_and_the_pool_keeps_working():
    with pytest.raises(ValueError, match="bad settings"):
        workers.run(_boom)
    assert workers.run(_sleep, 0.01) == 0.01


def test_a_dead_worker_is_reported_and_replaced():
    with pytest.raises(workers.WorkerCrashed):
        workers.run(_die)
    assert workers.run(_sleep, 0.01) == 0.01


def test_a_pool_broken_by_an_unread_crash_is_replaced_on_the_next_submit():
    """A crash whose future nobody read (the student left) must not refuse the next task."""
    dead = workers.submit(_die)
    assert dead.exception(timeout=60) is not None  # the pool is broken now, and not reset
    assert workers.submit(_sleep, 0.01).result(timeout=60) == 0.01
    with pytest.raises(workers.WorkerCrashed):
        workers.result(dead)


def test_the_request_thread_waits_without_holding_the_gil():
    """Two 0.4 s tasks in the pool while this thread counts: the count runs meanwhile."""
    workers.run(_sleep, 0.0)  # warm
    futures = [workers.submit(_sleep, 0.4) for _ in range(2)]
    count = 0
    while not all(f.done() for f in futures):
        count += 1
    assert count > 1000  # this thread ran all along


@dataclass(frozen=True)
class Settings:
    depth: int
    lr: float


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_cache_computes_once_per_settings(cache_dir):
    calls = []

    def compute():
        calls.append(1)
        return np.arange(5.0)

    a = disk_cache.cached("train", Settings(3, 0.1), compute)
    b = disk_cache.cached("train", Settings(3, 0.1), compute)
    c = disk_cache.cached("train", Settings(4, 0.1), compute)
    assert len(calls) == 2 and np.array_equal(a, b) and np.array_equal(a, c)
    assert len(list(cache_dir.glob("*.pkl"))) == 2


def test_a_stale_code_version_is_never_served(cache_dir, monkeypatch):
    disk_cache.put("train", Settings(1, 0.1), "old code")
    assert disk_cache.contains("train", Settings(1, 0.1))
    monkeypatch.setattr(disk_cache, "code_version", lambda: "another version")
    assert disk_cache.get("train", Settings(1, 0.1)) is disk_cache.MISSING
    assert not disk_cache.contains("train", Settings(1, 0.1))


def test_contains_is_a_stat_that_leaves_the_lru_order(cache_dir):
    assert not disk_cache.contains("train", Settings(2, 0.1))
    disk_cache.put("train", Settings(2, 0.1), "value")
    (entry,) = cache_dir.glob("*.pkl")
    os.utime(entry, (1, 1))
    assert disk_cache.contains("train", Settings(2, 0.1))
    assert entry.stat().st_mtime == 1  # a check is no use: eviction order unchanged


def test_a_full_cache_evicts_the_least_recently_used(cache_dir, monkeypatch):
    monkeypatch.setenv("NNLAB_CACHE_MB", "0.003")  # 3 kB: room for two 1 kB entries
    for i in range(3):
        disk_cache.put("blob", Settings(i, 0.0), b"x" * 1000)
        time.sleep(0.02)
        if i == 1:  # entry 0 used again: entry 1 is now the oldest
            assert disk_cache.get("blob", Settings(0, 0.0)) == b"x" * 1000
    assert disk_cache.get("blob", Settings(1, 0.0)) is disk_cache.MISSING
    assert disk_cache.get("blob", Settings(0, 0.0)) == b"x" * 1000
    assert disk_cache.get("blob", Settings(2, 0.0)) == b"x" * 1000


def _writer(folder: str, n: int) -> None:
    os.environ["NNLAB_CACHE_DIR"] = folder
    for _ in range(n):
        disk_cache.put("same", Settings(1, 0.5), np.full(20_000, 7.0))


def test_concurrent_writers_of_one_key_never_show_a_partial_entry(cache_dir):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(cache_dir), 30)) for _ in range(3)]
    for p in procs:
        p.start()
    seen = 0
    while any(p.is_alive() for p in procs):
        value = disk_cache.get("same", Settings(1, 0.5))
        if value is not disk_cache.MISSING:
            assert value.shape == (20_000,) and (value == 7.0).all()
            seen += 1
    for p in procs:
        p.join()
        assert p.exitcode == 0
    assert disk_cache.get("same", Settings(1, 0.5)) is not disk_cache.MISSING
    assert not list(cache_dir.glob("*.tmp")) and len(list(cache_dir.glob("*.pkl"))) == 1


def test_a_folder_that_cannot_be_written_costs_sharing_not_the_page(tmp_path, monkeypatch):
    """A container whose cache folder is not writable (read-only image, missing rights): the
    result is computed and returned, just not stored."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(blocker / "results"))  # under a file: no mkdir
    assert disk_cache.put("train", Settings(5, 0.1), "value") is False
    assert disk_cache.cached("train", Settings(5, 0.1), lambda: 42) == 42
    assert not disk_cache.contains("train", Settings(5, 0.1))


def test_the_code_version_follows_the_pages_and_nncore(tmp_path, monkeypatch):
    """A page builds what it stores (summaries, table rows): editing labs/ or nncore/ gives
    another version; other folders do not count."""
    for folder in ("nncore", "labs", "docs"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.py").write_text("x = 1\n")
    monkeypatch.setattr(disk_cache, "ROOT", tmp_path)
    version = disk_cache.code_version.__wrapped__
    first = version()
    (tmp_path / "docs" / "a.py").write_text("x = 2\n")
    assert version() == first
    (tmp_path / "labs" / "a.py").write_text("x = 2\n")
    second = version()
    assert second != first
    (tmp_path / "nncore" / "a.py").write_text("x = 2\n")
    assert version() != second
