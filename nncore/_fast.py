"""Speed tricks of the initialization experiment, kept apart from its math (nncore.initlab).

The lecture's experiment draws seven 4096 × 4096 float64 weight matrices (7 × 128 MB); the draws,
not the matrix products, dominate a cold run. Two tricks, each measured by ``bench/init_speed.py``
(numbers in the README's performance section and the commit bodies):

- ``fill``: a matrix is filled in ``BLOCKS`` fixed row blocks, each by its own SFC64 generator
  spawned from the layer's ``SeedSequence``, on a small thread pool (NumPy's generators release
  the GIL). Buys: the draws run on both cores; SFC64 is also faster than PCG64. The values depend
  only on the seed, never on the thread count (a test checks serial == parallel). It buys wall
  time only when the second core is free (same CPU seconds: 1.64 s serial vs 1.68 s pooled for
  the seven draws, bench A/B at load 11, where wall time measured nothing).
- ``empty``: big matrices are allocated as plain anonymous ``mmap`` pages. NumPy asks the kernel
  for transparent huge pages on large arrays; with THP defrag=madvise a busy machine may compact
  memory synchronously on every fault (measured 1-2.5 s of system time for the seven matrices vs
  0.4-0.7 s on plain pages; bench A/B 2026-12-03: 3.04 s CPU with np.empty vs 1.68 s with
  mmap for the seven draws). The array keeps its mmap alive through ``.base``.
"""

from __future__ import annotations

import mmap
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

Array = np.ndarray

BLOCKS = 8  # row blocks per matrix (fixed, so results do not depend on the thread count)
PARALLEL_MIN = 1 << 18  # entries; smaller matrices are filled on the calling thread
MMAP_MIN = 1 << 22  # entries (32 MB): allocate matrices this big with mmap (see ``empty``)
_pool: ThreadPoolExecutor | None = None


def _fill_block(job) -> None:
    seq, block, kind, mul, add = job
    gen = np.random.Generator(np.random.SFC64(seq))
    if kind == "normal":
        gen.standard_normal(out=block)
    else:
        gen.random(out=block)
    block *= mul
    if add:
        block += add


def fill(out: Array, seq: np.random.SeedSequence, kind: str, mul: float = 1.0,
         add: float = 0.0) -> None:
    """Fill ``out`` (C-contiguous float64) with mul·N(0,1) ("normal") or mul·U[0,1) + add
    ("uniform") in fixed row blocks, on a thread pool when it is big."""
    global _pool
    blocks = np.array_split(out, min(BLOCKS, out.shape[0]), axis=0)
    jobs = [(s, b, kind, mul, add) for s, b in zip(seq.spawn(len(blocks)), blocks, strict=True)]
    if out.size < PARALLEL_MIN or (os.cpu_count() or 1) < 2:
        for job in jobs:
            _fill_block(job)
        return
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=min(BLOCKS, os.cpu_count() or 2))
    list(_pool.map(_fill_block, jobs))


def empty(shape: tuple[int, int]) -> Array:
    """An uninitialised float64 array; big ones on plain anonymous pages (see the module doc)."""
    size = shape[0] * shape[1]
    if size < MMAP_MIN:
        return np.empty(shape)
    return np.frombuffer(mmap.mmap(-1, size * 8), dtype=np.float64).reshape(shape)
