"""The preset warm-up (ui/warm.py): what it stores is exactly what the pages read.

A warmed lecture step opens with storing forbidden (every result the pages share on disk goes
through ``disk_cache.put``): a key built differently from the page's own (a scale, a capped
epoch count, a field order) means a computation and a write, and fails.
"""

from __future__ import annotations

import pytest
import streamlit as st
from app_util import exception_text, open_link

from ui import disk_cache, warm


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    return tmp_path


def _refuse(*args, **kwargs):
    raise AssertionError("computed: the warm-up did not store what the page reads")


def _step_tasks(page: str, step: str, also: tuple = ()) -> list[warm.WarmTask]:
    tasks = [t for t in warm.page_tasks([page]) if t.label == step]
    assert tasks, f"{page} warms nothing for {step}"
    return tasks + [t for t in warm.page_tasks([page]) if t.label in also]


# (page, lecture step[, other steps whose texts the step bar formats from cached results]):
# cheap steps of every page that warms, chosen to keep this file fast.
CASES = [
    ("perceptron", "xor_mlp"),
    ("playground", "relu"),
    ("init_lab", "relu_he"),
    ("batchnorm", "saturation"),
    ("regularization", "overfit"),
    ("space_warp", "trained"),
    ("approximation", "ramps", ("squash", "jump")),
    ("autoencoder", "ae"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_a_warmed_lecture_step_opens_without_computing(case, cache_dir, monkeypatch):
    page, step, *also = case
    tasks = _step_tasks(page, step, *also)
    assert warm.warm(tasks, log=lambda _: None) == len(tasks)
    assert warm.missing(tasks) == []
    st.cache_data.clear()  # nothing from an earlier test in this process
    monkeypatch.setattr(disk_cache, "put", _refuse)  # every result shared on disk passes here
    at = open_link(f"labs/{page}.py", {"lang": "en", "mode": "lecture", "step": step})
    assert not at.exception, exception_text(at)


def test_every_warming_page_lists_tasks_with_distinct_keys():
    for page in warm.WARM_PAGES:
        assert warm.page_tasks([page]), f"{page} lists nothing to warm"
    tasks = warm.page_tasks()
    keys = [(t.name, disk_cache.entry_key(t.name, t.key)) for t in tasks]
    assert len(keys) == len(set(keys))


def test_warm_computes_only_what_is_missing_and_stops_when_told(cache_dir):
    calls = []

    def compute(x):
        calls.append(x)
        return x * 2

    tasks = [warm.WarmTask(f"t{i}", "test.warm", i, compute, (i,)) for i in range(3)]
    disk_cache.put("test.warm", 1, 2)
    assert warm.warm(tasks, log=lambda _: None) == 2 and calls == [0, 2]
    assert warm.warm(tasks, log=lambda _: None) == 0
    more = [warm.WarmTask(f"u{i}", "test.warm", 10 + i, compute, (10 + i,)) for i in range(3)]
    assert warm.warm(more, log=lambda _: None, keep_going=lambda: False) == 0


def test_one_warm_up_per_cache_folder(cache_dir):
    held = warm._lock()
    assert held is not None
    try:
        assert warm._lock() is None  # a second replica's warm-up: nothing to do
        assert warm.main() == 0
    finally:
        held.close()


def test_the_server_starts_one_warm_up_unless_turned_off(monkeypatch):
    started = []

    class FakePopen:
        def __init__(self, cmd, **kwargs):
            started.append(cmd)

        def wait(self):
            return 0

    monkeypatch.setattr(warm.subprocess, "Popen", FakePopen)
    monkeypatch.setattr(warm, "_started", False)
    monkeypatch.setenv("NNLAB_WARM", "0")
    assert warm.start_background() is None and started == []
    monkeypatch.setenv("NNLAB_WARM", "1")
    warm.start_background()
    warm.start_background()
    assert len(started) == 1 and started[0][-2:] == ["-m", "ui.warm"]


def test_no_warm_up_where_the_cache_cannot_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(blocker / "results"))
    assert warm._lock() is None and warm.main() == 0
