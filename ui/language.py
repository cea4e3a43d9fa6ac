"""The sidebar's language switch, drawn by app.py on every page before the page runs."""

import streamlit as st

from ui.i18n import LANG_KEY, LANG_NAMES, LANGS, browser_lang
from ui.strings.catalog import T
from ui.url_state import seed_from_url, write_url


def language_switch() -> str:
    """English / 한국어 in the sidebar; the choice is kept in the session and always in the URL
    (``?lang=ko``), so a copied link opens in the language it was copied from."""
    seed_from_url(LANG_KEY, LANGS)
    if st.session_state.get(LANG_KEY) not in LANGS:
        st.session_state[LANG_KEY] = browser_lang()
    lang = st.sidebar.radio(
        T("lang.label"), LANGS, key=LANG_KEY, format_func=LANG_NAMES.get, horizontal=True
    )
    write_url(LANG_KEY, lang, always=True)
    return lang
