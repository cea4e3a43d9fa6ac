"""AppTest smoke test: app.py (Home) and every page in ui.catalog.LABS run without an exception.

Pages are parametrized from LABS, so a page is covered as soon as its catalog entry exists.
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.catalog import HOME, LABS

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
TIMEOUT_S = 120  # generous: the machine is shared and a page may train a small net on first run


def _errors(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in at.exception)


def test_home_renders():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.run()
    assert not at.exception, _errors(at)
    assert at.title and at.title[0].value == "Neural Network Lab"
    # Home links every lab page that exists, and nothing else.
    links = at.get("page_link")
    assert len(links) == len(LABS)


def test_catalog_paths_exist():
    for info in [HOME, *LABS]:
        assert (ROOT / info.path).is_file(), f"catalog entry {info.title!r}: {info.path} missing"
    assert len({p.path for p in LABS}) == len(LABS), "duplicate page in ui.catalog.LABS"


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("info", LABS, ids=[p.id for p in LABS])
def test_page_renders(info, lang):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(info.path)
    at.run()
    assert not at.exception, f"{info.path} ({lang}):\n{_errors(at)}"
    assert at.session_state["lang"] == lang and at.query_params["lang"] == lang


def test_home_in_korean_and_the_switch_keeps_the_language_across_pages():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.query_params["lang"] = "ko"
    at.run()
    assert at.title[0].value == "신경망 실험실"
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "Neural Network Lab" and at.query_params["lang"] == "en"
    at.sidebar.radio(key="lang").set_value("ko").run()
    at.switch_page(LABS[0].path)
    at.run()
    assert at.query_params["lang"] == "ko" and not at.exception


def test_static_table_is_escaped_html_with_its_header(monkeypatch):
    import pandas as pd
    import streamlit as st
    from app_util import _TableCells

    from ui.common import static_table

    sent = []
    monkeypatch.setattr(st, "html", sent.append)
    static_table(pd.DataFrame({"Optimizer": ["<b>SGD</b>"], "Final f": ["1.5e-3"]}))
    assert "<b>SGD</b>" not in sent[0] and "&lt;b&gt;SGD&lt;/b&gt;" in sent[0]
    parser = _TableCells()
    parser.feed(sent[0])
    assert parser.tables == [[["Optimizer", "Final f"], ["<b>SGD</b>", "1.5e-3"]]]
