"""Neural Network Lab: entry point. `streamlit run app.py` (or `make run`)."""

from pathlib import Path

import streamlit as st

from ui.catalog import HOME, LABS
from ui.common import no_stale_fade
from ui.heap import freeze_after_first_run
from ui.language import language_switch
from ui.share import begin_run, lecture_mode, sidebar_tools
from ui.sidebar import close_after_change
from ui.strings.catalog import T
from ui.warm import start_background

# A local picture: a Material icon as page_icon is fetched from a font server (fails offline).
FAVICON = str(Path(__file__).parent / "ui" / "assets" / "favicon.png")

st.set_page_config(page_title=T("app.title"), page_icon=FAVICON, layout="wide",
                   initial_sidebar_state="collapsed" if lecture_mode() else "auto")

start_background()  # once per server: the lecture presets computed onto the disk cache
language_switch()  # before the navigation: page titles are in the chosen language
pages = [st.Page(HOME.path, title=HOME.title, icon=HOME.icon, default=True)] + [
    st.Page(p.path, title=p.title, icon=p.icon) for p in LABS
]
page = st.navigation(pages, expanded=True)  # every page of the course, no "View more"
no_stale_fade()
begin_run()
page.run()
sidebar_tools(page.url_path or "home")
close_after_change()  # on a phone the sidebar closes after a setting changes
freeze_after_first_run(page.url_path)  # a page's modules are imported by its first run
