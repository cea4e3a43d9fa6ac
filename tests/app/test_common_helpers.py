"""ui.common's bookkeeping of finished runs."""

from ui import common


def test_a_long_lived_server_forgets_the_finished_runs_at_the_limit(monkeypatch):
    monkeypatch.setattr(common, "FINISHED_MAX", 3)
    done: set = set()
    for run in ("a", "b", "c"):
        common.remember_finished(done, run)
    assert done == {"a", "b", "c"}
    common.remember_finished(done, "c")  # at the limit: forgotten, then the new one noted
    assert done == {"c"}
