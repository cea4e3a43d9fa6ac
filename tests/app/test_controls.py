"""The settings of every page with a sidebar (ui.common.controls): in the sidebar normally, in
lecture mode (sidebar closed) in a panel in the main area, none left in the sidebar."""

import importlib

import pytest

from tests.app_util import exception_text, open_lab, open_link
from ui.catalog import LABS

# the sidebar's own widgets (language switch, share tools), drawn by app.py on every page
SHARED = {"lang", "lecture_mode", "share_html", "share_qr", "sidebar_close"}
PAGES = [p.path for p in LABS if "with controls():" in open(p.path, encoding="utf-8").read()]


def widget_keys(block) -> set[str]:
    """User keys of every widget under an AppTest block (expanders and columns included)."""
    keys = set()
    for child in getattr(block, "children", {}).values():
        key = getattr(child, "key", None)
        if isinstance(key, str) and not key.startswith("$$"):
            keys.add(key)
        keys |= widget_keys(child)
    return keys


def test_every_page_with_settings_uses_controls():
    assert len(PAGES) >= 10, PAGES


def first_step_settings(page: str) -> dict:
    """The widget values lecture mode opens a page with (its first step's), if it has steps."""
    module = importlib.import_module(page.removesuffix(".py").replace("/", "."))
    steps = module.lecture_steps() if hasattr(module, "lecture_steps") else []
    return dict(steps[0].settings) if steps else {}


@pytest.mark.parametrize("page", PAGES)
def test_settings_move_to_the_main_area_in_lecture_mode(page):
    at = open_link(page, {"lang": "ko", "mode": "lecture"})
    assert not at.exception, exception_text(at)
    assert widget_keys(at.sidebar) <= SHARED  # nothing of the page left in the sidebar
    in_main = widget_keys(at.main)
    assert any(e.label.startswith("설정 조절") for e in at.expander)  # the panel, in Korean
    # the same settings outside lecture mode: the settings are in the sidebar
    at = open_lab(page, state=first_step_settings(page), query={"lang": "ko"})
    assert not at.exception, exception_text(at)
    in_sidebar = widget_keys(at.sidebar) - SHARED
    assert in_sidebar, "no settings in the sidebar outside lecture mode"
    assert not in_sidebar & widget_keys(at.main)
    assert in_sidebar <= in_main, sorted(in_sidebar - in_main)
    assert not any(e.label.startswith("설정 조절") for e in at.expander)
