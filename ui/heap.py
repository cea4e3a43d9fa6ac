"""Keep Python's cyclic garbage collector off the server's long-lived heap.

One Streamlit process serves every session, and its heap is large and long-lived: Streamlit,
NumPy, pandas, plotly.py and the labs' modules. A rerun of a lab makes enough short-lived
container objects that CPython starts a full (generation-2) collection about once per slider
step, and a full collection walks every tracked object with the GIL held: 70–130 ms in the
middle of a rerun of the optimizer lab (measured in the server with ``gc.callbacks``, noise
slider), longer than the rest of the rerun's Python work.

After a page's first run in the process, everything it imported and built is moved to the
permanent generation (``gc.freeze``): later full collections walk only what was created since
(< 1 ms on the same slider). Frozen objects are still freed by reference counting; only
reference cycles among them that become garbage later stay in memory, bounded by one freeze
per page.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_frozen: set[str] = set()


def freeze_after_first_run(page: str) -> bool:
    """Collect, then freeze the heap the first time ``page`` has run in this process; True if
    this call froze it. Later calls for the same page do nothing."""
    with _lock:
        if page in _frozen:
            return False
        _frozen.add(page)
    gc.collect()
    gc.freeze()
    return True
