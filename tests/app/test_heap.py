"""ui.heap: the server's heap is frozen once per page, after the page's first run."""

import gc

from ui.heap import freeze_after_first_run


def test_a_page_freezes_the_heap_once():
    gc.unfreeze()
    try:
        assert freeze_after_first_run("test-page-a") is True
        frozen = gc.get_freeze_count()
        assert frozen > 0
        junk = [[i] for i in range(1000)]  # new objects: not frozen by a second call
        assert freeze_after_first_run("test-page-a") is False
        assert gc.get_freeze_count() == frozen
        assert freeze_after_first_run("test-page-b") is True
        assert gc.get_freeze_count() >= frozen + len(junk)
    finally:
        gc.unfreeze()


def test_frozen_objects_are_left_out_of_full_collections():
    """What the freeze is for: a full collection walks only objects made after it."""
    gc.unfreeze()
    try:
        keep = [[i] for i in range(50_000)]  # a long-lived heap
        gc.collect()
        walked_before = len(gc.get_objects(generation=2))
        freeze_after_first_run("test-page-c")
        assert len(gc.get_objects(generation=2)) < walked_before - len(keep)
    finally:
        gc.unfreeze()
