"""Korean and English: which language a session reads, and the string tables pages draw from.

A page keeps all of its user-facing text in one ``Strings`` table (``ui/strings/<page>.py``)::

    T = Strings("init_lab", en={"title": "Initialization lab", "gain": "× {g} per layer"},
                ko={"title": "초기화 실험실", "gain": "층마다 × {g}"})
    T("title")            # the current language's text
    T("gain", g="1.41")   # str.format with named placeholders

Language: ``?lang=ko`` / ``?lang=en`` in the URL wins; then the sidebar switch (kept in the
session); with neither, the browser's language (``st.context.locale``): Korean for ``ko*``,
English otherwise. The URL never holds a translated label: see ``ui.url_state``.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

import streamlit as st

LANGS = ("en", "ko")
DEFAULT_LANG = "en"
LANG_KEY = "lang"  # session-state key and URL parameter
LANG_NAMES = {"en": "English", "ko": "한국어"}

# Every table built in this process, by name: the key-parity test walks them all.
REGISTRY: dict[str, Strings] = {}


def browser_lang() -> str:
    """'ko' when the browser asks for Korean (st.context.locale 'ko', 'ko-KR'), else 'en'."""
    try:
        locale = st.context.locale
    except Exception:  # outside a script run (imports in tests) there is no context
        locale = None
    return "ko" if isinstance(locale, str) and locale.lower().startswith("ko") else DEFAULT_LANG


def current_lang() -> str:
    """The session's language: the switch's value once drawn, else the URL, else the browser."""
    value = st.session_state.get(LANG_KEY)
    if value in LANGS:
        return value
    raw = st.query_params.get(LANG_KEY)
    if raw in LANGS:
        return raw
    return browser_lang()


def placeholders(text: str) -> set[str]:
    """Named fields of a format string: 'x {n} {lr:.3g}' -> {'n', 'lr'}."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


class Strings:
    """One page's text in both languages; call it with a key (and format fields)."""

    def __init__(self, name: str, *, en: Mapping[str, str], ko: Mapping[str, str]):
        self.name = name
        self.tables = {"en": dict(en), "ko": dict(ko)}
        REGISTRY[name] = self

    def __call__(self, key: str, lang: str | None = None, **fields) -> str:
        text = self.tables[lang or current_lang()][key]
        return text.format(**fields) if fields else text

    def get(self, key: str, lang: str | None = None) -> str | None:
        """The text, or None when the key does not exist (optional entries)."""
        return self.tables[lang or current_lang()].get(key)

    def keys(self) -> set[str]:
        return set(self.tables["en"])

    def problems(self) -> list[str]:
        """Missing keys, empty values and placeholder mismatches between the languages."""
        en, ko = self.tables["en"], self.tables["ko"]
        out = [f"{self.name}: '{k}' only in English" for k in sorted(set(en) - set(ko))]
        out += [f"{self.name}: '{k}' only in Korean" for k in sorted(set(ko) - set(en))]
        for key in sorted(set(en) & set(ko)):
            for lang, text in (("en", en[key]), ("ko", ko[key])):
                if not isinstance(text, str) or not text.strip():
                    out.append(f"{self.name}: '{key}' is empty in {lang}")
            if placeholders(en[key]) != placeholders(ko[key]):
                out.append(
                    f"{self.name}: '{key}' placeholders differ: "
                    f"{sorted(placeholders(en[key]))} vs {sorted(placeholders(ko[key]))}"
                )
        return out
