"""Neural Network Lab: entry point. `streamlit run app.py` (or `make run`)."""

import streamlit as st

from ui.catalog import HOME, LABS
from ui.common import no_stale_fade
from ui.heap import freeze_after_first_run

st.set_page_config(page_title="Neural Network Lab", page_icon=":material/hub:", layout="wide")

pages = [st.Page(HOME.path, title=HOME.title, icon=HOME.icon, default=True)] + [
    st.Page(p.path, title=p.title, icon=p.icon) for p in LABS
]
page = st.navigation(pages)
no_stale_fade()
page.run()
freeze_after_first_run(page.url_path)  # a page's modules are imported by its first run
