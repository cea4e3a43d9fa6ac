"""Streamlit helpers shared by the pages (no math here: that lives in nncore)."""
