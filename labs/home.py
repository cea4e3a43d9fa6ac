"""Home: what the lab is, and a link to every lab page."""

import streamlit as st

from ui.catalog import LABS

st.title("Neural Network Lab")
st.markdown(
    "An interactive lab for **seeing** how neural networks learn. Every page is an experiment: "
    "move a slider and the network is re-run on the spot, with the lecture's formula next to the "
    "picture. All numbers come from `nncore`, a small NumPy library you can also import in a "
    "notebook. Every page keeps its settings in the URL, so a copied link opens the same experiment."
)

if not LABS:
    st.warning("No lab pages are installed.")
for info in LABS:
    with st.container(border=True):
        st.page_link(info.path, label=info.title, icon=info.icon)
        st.caption(info.summary)
