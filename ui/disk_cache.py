"""Results shared across sessions, replicas and restarts: a bounded on-disk cache.

A class following the lecturer's preset asks for the same run forty times; ``st.cache_data``
shares it within one process, this shares it between the replicas of ``make serve`` and keeps it
across restarts. An entry's key is a hash of the task's name, its settings (a frozen dataclass
or primitives, by ``repr``) and the code version (a hash of the sources that compute and shape
a result: nncore's and the pages'), so a code change never serves an old result.

Safe for concurrent writers: each writes a private temporary file and renames it into place
(atomic on one file system), so a reader sees a whole entry or none; two writers of one key
write the same value. The total size is bounded: after a write, the least recently used
entries go (a hit touches its file). Entries are pickles written by this app into its own
folder (never user uploads).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MISSING = object()


def cache_dir() -> Path:
    return Path(os.environ.get("NNLAB_CACHE_DIR") or ROOT / ".cache" / "results")


def max_bytes() -> int:
    return int(float(os.environ.get("NNLAB_CACHE_MB", "512")) * 1e6)


CODE_DIRS = ("nncore", "labs")  # the pages build what they store (summaries, table rows) too


@cache
def code_version() -> str:
    """A hash of the source files in ``CODE_DIRS``: results of other code are never served."""
    h = hashlib.sha256()
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).glob("*.py")):
            h.update(f"{folder}/{path.name}".encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def entry_key(name: str, settings) -> str:
    text = f"{name}\n{settings!r}\n{code_version()}"
    return hashlib.sha256(text.encode()).hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / f"{key}.pkl"


def contains(name: str, settings) -> bool:
    """Whether an entry is stored (a cheap check: no unpickling, the LRU order unchanged)."""
    return _path(entry_key(name, settings)).exists()


def get(name: str, settings):
    """The stored result, or ``MISSING``."""
    path = _path(entry_key(name, settings))
    try:
        with open(path, "rb") as f:
            value = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError):
        return MISSING
    try:
        os.utime(path)  # recently used
    except OSError:
        pass
    return value


def put(name: str, settings, value) -> bool:
    """Store ``value``; False when the folder cannot be written (read-only, full, missing
    rights): sharing is lost, the student's page is not."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, _path(entry_key(name, settings)))
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return False
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    evict(max_bytes())
    return True


def evict(limit: int) -> int:
    """Remove least recently used entries until the folder holds at most ``limit`` bytes;
    returns how many were removed."""
    entries = []
    for path in cache_dir().glob("*.pkl"):
        try:
            st = path.stat()
        except OSError:
            continue
        entries.append((st.st_mtime, st.st_size, path))
    total = sum(size for _, size, _ in entries)
    removed = 0
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        path.unlink(missing_ok=True)
        total -= size
        removed += 1
    return removed


def cached(name: str, settings, compute: Callable[[], object]):
    """``compute()`` once per (name, settings, code version) for every process on this disk."""
    value = get(name, settings)
    if value is MISSING:
        value = compute()
        put(name, settings, value)
    return value
