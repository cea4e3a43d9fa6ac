"""Sharing an experiment: lecture mode, a QR code of the current link, and the page as one
offline HTML file. app.py draws these tools at the bottom of every page's sidebar.

The page itself needs no code for it: ``ui.common.page_intro`` and ``ui.common.chart`` record
the title, intro and every figure drawn in this run (by chart key), and the HTML download
builds its file from them only when clicked.
"""

from __future__ import annotations

import importlib
import io
import re
import unicodedata
import urllib.parse
from collections.abc import Mapping
from functools import partial

import segno
import streamlit as st

from ui.i18n import REGISTRY, Strings, current_lang
from ui.strings import share_labels
from ui.url_state import SHOWN, write_url
from viz.export import experiment_html

T = Strings(
    "share",
    en={
        "tools": "Share and present",
        "lecture": "Lecture mode",
        "lecture_help": "Larger type and charts for a projector; the sidebar starts closed.",
        "qr": "QR code of this experiment",
        "qr_caption": "Students scan this to open this experiment with every setting as on the "
                      "screen, laid out for a phone (lecture mode is the projector's).",
        "html": "Download as HTML",
        "html_help": "One file with the text, settings and figures (animations included) "
                     "that opens offline, in the page's language.",
        "settings": "Settings",
        "name": "Setting",
        "value": "Value",
        "live": "Open the live experiment",
        "made": "Made with the Neural Network Lab",
        "defaults": "Every setting at the page's default.",
        "on": "on",
        "off": "off",
        "step": "Lecture step",
        "step_sets": "This step sets:",
        "intro": "What this page shows",
        "controls": "Controls (the sidebar's settings)",
        "controls_help": "In lecture mode the sidebar is closed; its settings are here.",
        "crashed": "The computation stopped: a worker process died (out of memory, or it was "
                   "stopped). Nothing was changed. Try smaller settings, or press R to run it "
                   "again.",
    },
    ko={
        "tools": "공유와 발표",
        "lecture": "강의 모드",
        "lecture_help": "프로젝터용으로 글자와 차트를 키우고, 사이드바는 닫힌 채로 시작합니다.",
        "qr": "이 실험의 QR 코드",
        "qr_caption": "학생들이 스캔하면 화면과 같은 설정의 실험이 휴대폰에 맞는 보통 화면으로 "
                      "열립니다 (강의 모드는 프로젝터용).",
        "html": "HTML로 내려받기",
        "html_help": "글, 설정, 그림(애니메이션 포함)을 담아 오프라인에서도 열리는 파일 하나, "
                     "페이지의 언어로.",
        "settings": "설정",
        "name": "설정",
        "value": "값",
        "live": "살아 있는 실험 열기",
        "made": "신경망 실험실에서 만듦",
        "defaults": "모든 설정이 페이지의 기본값입니다.",
        "on": "켬",
        "off": "끔",
        "step": "강의 단계",
        "step_sets": "이 단계의 설정:",
        "intro": "이 페이지에서 볼 것",
        "controls": "설정 조절 (사이드바의 설정)",
        "controls_help": "강의 모드에서는 사이드바가 닫혀 있어 그 설정을 여기에 모았습니다.",
        "crashed": "계산이 멈췄습니다: 작업 프로세스가 종료되었습니다(메모리 부족이거나 중지됨). "
                   "바뀐 것은 없습니다. 설정을 줄이거나 R 키를 눌러 다시 실행해 보세요.",
    },
)

MODE_KEY = "mode"  # URL: ?mode=lecture
LECTURE_KEY = "lecture_mode"  # the toggle's session key
_RUN = "_nnlab_share"  # session key: what this run of the page drew

# Larger type; and a compact top (padding, title) so that the first figure starts on the
# projector's first screen under the step bar. Not on a phone: there the larger type and
# padding left the charts 310 of 390 px.
LECTURE_CSS = """
@media (min-width: 700px) {
html { font-size: 20px; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 3.2rem 2rem 2rem 2rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2.1rem; line-height: 1.35; padding: 0.25rem 0 0.5rem 0; }
}
"""
LECTURE_FONT_SCALE = 1.4


def lecture_mode() -> bool:
    """On when the toggle is on, or the URL says ?mode=lecture (first run of a session)."""
    if LECTURE_KEY in st.session_state:
        return bool(st.session_state[LECTURE_KEY])
    return st.query_params.get(MODE_KEY) == "lecture"


def begin_run() -> None:
    """Forget the previous run's figures (called by app.py before the page runs)."""
    st.session_state[_RUN] = {"title": None, "intro": None, "figures": {}, "step": None}


def record_step(title: str, settings: dict, slot) -> None:
    """The lecture step on screen (ui.lecture): its title for the HTML, and the empty slot in
    its bar where ``fill_step_settings`` lists what it set once the widgets are drawn."""
    run = st.session_state.setdefault(_RUN, {"title": None, "intro": None, "figures": {}})
    run["step"] = (title, settings, slot)


def _md(text: str) -> str:
    """Plain text inside Markdown (a formula's ``x**2`` stays as typed)."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|$~-])", r"\\\1", text)


def fill_step_settings() -> None:
    """After the page ran: the settings the current step changes from the page's defaults
    (those left in the URL), with their labels and values as drawn."""
    step = (st.session_state.get(_RUN) or {}).get("step")
    if not step:
        return
    _, settings, slot = step
    params = st.query_params.to_dict()
    rows = settings_rows({k: params[k] for k in settings if k in params})
    if rows:
        slot.caption(f"{T('step_sets')} " + " · ".join(f"{_md(a)} = **{_md(b)}**"
                                                       for a, b in rows))


def record_intro(title: str, intro: str) -> None:
    run = st.session_state.setdefault(_RUN, {"title": None, "intro": None, "figures": {}})
    run["title"], run["intro"] = title, intro


def record_figure(key: str | None, fig, player=None) -> None:
    """Keep a reference to the figure a chart drew (and its player); nothing is copied or
    converted unless the HTML is downloaded."""
    run = st.session_state.setdefault(_RUN, {"title": None, "intro": None, "figures": {}})
    figures = run["figures"]
    figures[key or f"_{len(figures)}"] = (fig, player)
    if "params" in run:  # a fragment's rerun after the page's run: its settings may be new
        _take_settings(run)


def _take_settings(run: dict) -> None:
    """The run's settings table and link as the URL reads now (kept in ``run``, which the
    HTML download holds: a fragment's later rerun updates what it exports)."""
    params = dict(sorted(st.query_params.to_dict().items()))
    if params != run.get("params"):
        run["params"], run["link"] = params, current_url()
        run["settings"] = _step_row(run) + settings_rows(params)


# ---------------------------------------------------------------------------------------------
# A URL parameter's label and value as the page shows them (ui/strings/share_labels.py)
# ---------------------------------------------------------------------------------------------

_LABEL_OF = {key: (page, spec) for page, table in share_labels.LABELS.items()
             for key, spec in table.items()}
NOT_SETTINGS = ("lang", MODE_KEY, "step")  # the file's language, the mode, the step row


def _strings(page: str) -> Strings:
    return REGISTRY.get(page) or importlib.import_module(f"ui.strings.{page}").T


def _current(key: str, state: Mapping) -> str:
    """A setting's value now: the widget's, else its default."""
    value = state.get(key)
    return str(value if value is not None else share_labels.DEFAULTS.get(key, ""))


def _label_part(page: str, spec: str, lang: str, fields: dict, state: Mapping) -> str:
    if spec.startswith("="):  # a math symbol, the same in both languages
        return spec[1:]
    if "{" in spec:  # a label that depends on another setting: level.{ae_noise}
        spec = re.sub(r"\{(\w+)\}", lambda m: _current(m.group(1), state), spec)
    return _strings(page)(spec, lang, **fields)


def setting_label(key: str, lang: str | None = None, state: Mapping | None = None) -> str | None:
    """The label of URL parameter ``key``'s widget in ``lang`` (``state``: the settings' values,
    the session's by default); None for an unknown key."""
    lang = lang or current_lang()
    state = st.session_state if state is None else state
    if key in _LABEL_OF:
        page, spec = _LABEL_OF[key]
        parts = spec if isinstance(spec, tuple) else (spec,)
        return " · ".join(_label_part(page, part, lang, {}, state) for part in parts)
    for page, patterns in share_labels.PATTERNS.items():
        for pattern, spec in patterns:
            m = re.fullmatch(pattern, key)
            if m is None:
                continue
            try:
                return spec(m.groupdict(), lang) if callable(spec) else _label_part(
                    page, spec, lang, m.groupdict(), state)
            except KeyError:  # the pattern's shape, but no such layer/optimizer
                return None
    return None


def setting_value(key: str, raw: str, lang: str | None = None,
                  state: Mapping | None = None) -> str:
    """The value as the page shows it: a choice's label (as drawn, ui.url_state), on/off for
    a toggle, else the URL's text (numbers read the same in both languages)."""
    state = st.session_state if state is None else state
    shown = (state.get(SHOWN) or {}).get(key)
    if shown is not None and shown[0] == raw:
        return shown[1]
    if raw in ("true", "false"):
        return T("on" if raw == "true" else "off", lang)
    return raw


def settings_rows(params: Mapping[str, str], lang: str | None = None,
                  state: Mapping | None = None) -> list[tuple[str, str]]:
    """(label, value) of every setting in ``params``, in their order; a key without a label
    keeps its id (tests/app/test_share_labels.py makes sure there is none)."""
    return [(setting_label(k, lang, state) or k, setting_value(k, v, lang, state))
            for k, v in params.items() if k not in NOT_SETTINGS]


def export_spec(fig, player) -> dict:
    """{data, layout, frames} of a recorded figure; a player's steps become Plotly frames
    with their play button (viz.playback), so the animation plays in the file."""
    import plotly.graph_objects as go

    from ui.live_chart import figure_dict
    from viz.playback import with_plotly_frames

    if player is not None:
        fig = with_plotly_frames(go.Figure(fig), player)
    return figure_dict(fig)


LECTURE_TITLE_SCALE = 1.2
LECTURE_HEIGHT_SCALE = 1.3
LECTURE_TITLE_CHARS = 36  # a longer title is broken in two: it would run past a half-width chart
_AXIS = re.compile(r"[xy]axis\d*$")


def _scaled_fonts(node, scale: float):
    """A copy of a layout (part) with every explicit font size scaled (titles, ticks,
    legends, annotations, colour bars): layout.font does not reach a size set on its own."""
    if isinstance(node, list):
        return [_scaled_fonts(v, scale) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key.endswith("font") and isinstance(value, dict) and isinstance(
                value.get("size"), (int, float)):
            value = {**value, "size": round(value["size"] * scale)}
        out[key] = _scaled_fonts(value, scale)
    return out


def _text_width(text: str) -> float:
    """Width in Latin characters: a Hangul syllable (East Asian wide) is about 1.7 of them."""
    return sum(1.7 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def _wrapped(text: str) -> str:
    """A long title on two lines, broken at the space nearest its middle."""
    if _text_width(text) <= LECTURE_TITLE_CHARS or "<br" in text or " " not in text:
        return text
    half = _text_width(text) / 2
    mid = next(i for i in range(len(text)) if _text_width(text[: i + 1]) >= half)
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - mid))
    return f"{text[:cut]}<br>{text[cut + 1:]}"


def _lecture_title(title: dict, font_size: float, margin: dict, out: dict) -> dict:
    """The title grows less than the rest (it is large already, and a half-width chart's title
    must fit its width); a long one goes on two lines, with room made for the second."""
    size = (title.get("font") or {}).get("size") or 1.4 * font_size  # Plotly's default
    size = round(size * LECTURE_TITLE_SCALE)
    text = _wrapped(title["text"])
    if text != title["text"]:
        line = round(1.3 * size)
        margin["t"] = margin.get("t", 100) + line
        if isinstance(out.get("height"), (int, float)):
            out["height"] += line
    return {**title, "text": text, "font": {**(title.get("font") or {}), "size": size}}


def lecture_layout(layout: dict) -> dict:
    """A figure layout for a projector, whatever the figure: every text scaled by
    ``LECTURE_FONT_SCALE``, the margins and height grown with it, axes that push the margins to
    fit their (larger) ticks and titles, and long titles on two lines."""
    scale = LECTURE_FONT_SCALE
    out = _scaled_fonts(layout, scale)
    font = dict(layout.get("font") or {})  # (12: Plotly's default)
    font["size"] = round((font.get("size") or 12) * scale)
    out["font"] = font
    margin = dict(out.get("margin") or {})
    for side in ("l", "r", "t", "b"):
        if isinstance(margin.get(side), (int, float)):
            margin[side] = round(margin[side] * scale)
    out["margin"] = margin
    # taller with its text (legends, ticks, margins), so the plot area is not squeezed;
    # Plotly's default height is 450
    out["height"] = round((out.get("height") or 450) * LECTURE_HEIGHT_SCALE)
    # a legend grows less: long ones (one entry per unit) would take the plot's room
    legend = dict(out.get("legend") or {})
    base = (layout.get("legend") or {}).get("font", {}).get("size") or (
        layout.get("font") or {}).get("size") or 12
    legend["font"] = {**(legend.get("font") or {}), "size": round(base * LECTURE_TITLE_SCALE)}
    out["legend"] = legend
    for key, axis in out.items():
        if _AXIS.match(key) and isinstance(axis, dict):
            out[key] = {**axis, "automargin": True}
    title = layout.get("title")
    if isinstance(title, dict) and isinstance(title.get("text"), str):
        out["title"] = _lecture_title(title, (layout.get("font") or {}).get("size") or 12,
                                      margin, out)
    return out


def link(base: str, params: Mapping[str, str], *, for_phone: bool = False) -> str:
    """``base`` with ``params`` as its query. ``for_phone``: without lecture mode, which lays
    the page out for a projector (larger type, scaled figures); a student's phone opens the
    same experiment, every setting and the step included, in the normal layout."""
    if for_phone:
        params = {k: v for k, v in params.items() if k != MODE_KEY}
    query = urllib.parse.urlencode(params)
    return f"{base}?{query}" if query else base


def current_url(*, for_phone: bool = False) -> str:
    """The link of what is on the screen: the page's address and every setting, lang too."""
    return link(st.context.url or "", st.query_params.to_dict(), for_phone=for_phone)


def qr_png(url: str, scale: int = 10) -> bytes:
    """The QR code of ``url`` as a PNG (dark modules on white, quiet zone included)."""
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=scale, border=4, dark="#000",
                                    light="#fff")
    return buf.getvalue()


def page_snapshot() -> dict:
    """What the HTML file needs from this run (the download is built in a later request,
    outside any run): the run's record itself, whose figures, settings and link a fragment's
    rerun keeps current, and the labels of the file."""
    run = st.session_state.setdefault(_RUN, {"title": None, "intro": None, "figures": {}})
    _take_settings(run)
    return {
        "run": run,
        "labels": {k: T(k) for k in ("settings", "name", "value", "live", "made", "defaults")},
        "lang": current_lang(),
    }


def _step_row(run: dict) -> list[tuple[str, str]]:
    step = run.get("step")
    return [(T("step"), step[0])] if step else []


def page_html(snapshot: dict) -> bytes:
    """A run's page as one offline HTML file."""
    run = snapshot["run"]
    text = experiment_html(
        title=run.get("title") or "", intro=run.get("intro") or "", settings=run["settings"],
        figures=[export_spec(f, p) for f, p in list(run["figures"].values())],
        link=run["link"], labels=snapshot["labels"], lang=snapshot["lang"],
    )
    return text.encode("utf-8")


def sidebar_tools(page_id: str) -> None:
    """Lecture mode, the QR code and the HTML download, at the bottom of the sidebar; and,
    the page having run, the lecture step bar's list of what the step set."""
    fill_step_settings()
    with st.sidebar:
        st.divider()
        st.caption(T("tools"))
        on = st.toggle(T("lecture"), value=lecture_mode(), key=LECTURE_KEY,
                       help=T("lecture_help"))
        write_url(MODE_KEY, "lecture" if on else None)
        # opening it reruns the page, so the code shows the link as it is now, also after
        # a fragment (a section rerun alone) changed a setting
        with st.popover(T("qr"), icon=":material/qr_code_2:", use_container_width=True,
                        key="share_qr", on_change="rerun"):
            url = current_url(for_phone=True)
            st.image(qr_png(url), width=420)
            st.caption(T("qr_caption"))
            st.code(url, language=None)
        st.download_button(
            T("html"), data=partial(page_html, page_snapshot()), file_name=f"nnlab-{page_id}.html", mime="text/html",
            on_click="ignore", icon=":material/download:", help=T("html_help"),
            key="share_html",
        )
    if on:
        st.html(f"<style>{LECTURE_CSS}</style>")
