"""Neural Network Lab: entry point. `streamlit run app.py` (or `make run`)."""

import streamlit as st

from ui.catalog import HOME, LABS

st.set_page_config(page_title="Neural Network Lab", page_icon=":material/hub:", layout="wide")

pages = [st.Page(HOME.path, title=HOME.title, icon=HOME.icon, default=True)] + [
    st.Page(p.path, title=p.title, icon=p.icon) for p in LABS
]
st.navigation(pages).run()
