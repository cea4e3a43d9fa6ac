"""AppTest helpers shared by the page tests: open a lab page with settings, read its Plotly specs,
and check that no chart carries a NaN or an infinity (arrays arrive base64-encoded as
{"dtype", "bdata"})."""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from ui.common import TABLE_CLASS
from ui.live_chart import app_chart_jsons as chart_jsons

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def exception_text(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in at.exception)


def open_lab(
    page: str, *, state: dict | None = None, query: dict | None = None, timeout: float = 180
) -> AppTest:
    """Run app.py, switch to ``page`` and run it with widget values (``state``, set through
    session state) or URL parameters (``query``, as if a copied link was opened)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if query and "lang" in query:  # the language is read once, when the session starts
        at.query_params["lang"] = query["lang"]
    at.run()
    at.switch_page(page)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    return at


def open_link(page: str, query: dict, *, timeout: float = 180) -> AppTest:
    """Open ``page`` as a copied link does: every URL parameter (lang, mode, step and the page's
    settings) is there from the session's first run, which reads lang and lecture mode."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def open_lecture_tab(page: str, lang: str, step: str | None = None, *,
                     timeout: float = 180) -> AppTest:
    """``page`` in lecture mode in a session that has the sidebar toggle (open_lab's first run
    is the home page): the toggle set as a student's click would, the step from the URL."""
    query = {"lang": lang, "mode": "lecture", **({"step": step} if step else {})}
    return open_lab(page, state={"lecture_mode": True}, query=query, timeout=timeout)


def open_lecture_step(page_file: str, step: str, lang: str, *, title: str, text: str,
                      settings: dict, timeout: float = 300) -> AppTest:
    """Open ``page_file`` at lecture ``step`` from a link and check the step bar: no exception,
    the step in the URL, its ``title`` and ``text`` in the bar, and every one of its
    ``settings`` (widget key -> value) applied."""
    at = open_link(page_file, {"lang": lang, "mode": "lecture", "step": step}, timeout=timeout)
    assert not at.exception, exception_text(at)
    assert at.query_params["step"] == step
    assert at.markdown[0].value.startswith(f"**{title}**")
    assert at.markdown[1].value == text
    for key, value in settings.items():
        assert at.session_state[key] == value, key
    return at


def figure_specs(at: AppTest) -> list[dict]:
    """Every chart's Plotly JSON, parsed strictly: a NaN/Infinity token fails the parse."""

    def reject(token: str):
        raise AssertionError(f"{token} in a Plotly spec")

    return [json.loads(spec, parse_constant=reject) for spec in chart_jsons(at)]


def spec_numbers(node, path: str = "spec") -> Iterator[tuple[str, np.ndarray]]:
    """(path, float array) for every number or typed array in a Plotly JSON spec."""
    if isinstance(node, dict):
        if isinstance(node.get("bdata"), str) and isinstance(node.get("dtype"), str):
            raw = base64.b64decode(node["bdata"])
            yield path, np.frombuffer(raw, dtype=np.dtype(node["dtype"]).newbyteorder("<"))
            return
        for key, value in node.items():
            yield from spec_numbers(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from spec_numbers(value, f"{path}[{i}]")
    elif isinstance(node, float):
        yield path, np.array([node])


def assert_clean_figures(at: AppTest) -> list[dict]:
    """Every chart has traces or a picture (a layout image) and only finite numbers; returns
    the parsed specs."""
    specs = figure_specs(at)
    for i, spec in enumerate(specs):
        pictures = [im for im in spec["layout"].get("images", []) if im.get("source")]
        assert spec["data"] or pictures, f"chart {i} has neither traces nor a picture"
        for path, values in spec_numbers(spec):
            if values.dtype.kind == "f":
                assert np.isfinite(values).all(), f"chart {i}: non-finite value in {path}"
    return specs


def payload_bytes(at: AppTest) -> int:
    """Size of the Plotly JSON the page sends per run."""
    return sum(len(spec.encode()) for spec in chart_jsons(at))


class _TableCells(HTMLParser):
    """Rows of cell texts of every <table class="nnlab-table"> in an HTML string."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._in_table = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and TABLE_CLASS in (dict(attrs).get("class") or "").split():
            self._in_table = True
            self.tables.append([])
        elif self._in_table and tag == "tr":
            self.tables[-1].append([])
        elif self._in_table and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def static_tables(at: AppTest) -> list[pd.DataFrame]:
    """Every ui.common.static_table on the page, in page order, as text: header row -> columns."""
    parser = _TableCells()
    for element in at.get("html"):
        parser.feed(element.proto.body)
    return [pd.DataFrame(rows[1:], columns=rows[0]) for rows in parser.tables if rows]


def assert_same(a, b) -> None:
    """Equal bit for bit (NaN where the other has NaN), through dataclasses, dicts, lists,
    tuples and arrays: a worker's result against the in-process one."""
    if dataclasses.is_dataclass(a):
        a, b = vars(a), vars(b)
    if isinstance(a, dict):
        assert a.keys() == b.keys()
        for k in a:
            assert_same(a[k], b[k])
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            assert_same(x, y)
    elif isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True)
    else:
        assert a == b or (a != a and b != b), (a, b)


def broken_future(*args, **kwargs) -> Future:
    """What ``workers.submit`` hands back once a worker has died (patch it in)."""
    f = Future()
    f.set_exception(BrokenProcessPool("a worker died"))
    return f
