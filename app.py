"""Neural Network Lab: entry point. `streamlit run app.py` (or `make run`)."""

import streamlit as st

from ui.catalog import HOME, LABS
from ui.common import no_stale_fade
from ui.heap import freeze_after_first_run
from ui.language import language_switch
from ui.strings.catalog import T

st.set_page_config(page_title=T("app.title"), page_icon=":material/hub:", layout="wide")

language_switch()  # before the navigation: page titles are in the chosen language
pages = [st.Page(HOME.path, title=HOME.title, icon=HOME.icon, default=True)] + [
    st.Page(p.path, title=p.title, icon=p.icon) for p in LABS
]
page = st.navigation(pages)
no_stale_fade()
page.run()
freeze_after_first_run(page.url_path)  # a page's modules are imported by its first run
