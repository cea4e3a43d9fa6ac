"""ui.sidebar.count_change: which full runs changed the URL's settings."""

from ui.sidebar import count_change


def test_a_first_run_is_no_change():
    assert count_change({}, {"lang": "ko", "pc_lr": "0.5"}) == 0


def test_only_a_different_url_counts():
    state = {}
    count_change(state, {"lang": "ko"})
    assert count_change(state, {"lang": "ko"}) == 0  # a rerun that changed nothing
    assert count_change(state, {"lang": "ko", "pc_lr": "0.5"}) == 1  # a setting
    assert count_change(state, {"pc_lr": "0.5", "lang": "ko"}) == 1  # same, other order
    assert count_change(state, {"lang": "en", "pc_lr": "0.5"}) == 2  # the language
    assert count_change(state, {"lang": "en"}) == 3  # back to a default: dropped from the URL
