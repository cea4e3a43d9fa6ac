"""The latency floor for bench/page_latency.py: one slider and one small histogram chart.

Binned with NumPy (as the lab's pages do), drawn as a Plotly bar chart, nothing cached.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="Trivial app", layout="wide")
bins = st.slider("Bins", 5, 100, 20, key="trivial_bins")
sample = np.random.default_rng(0).normal(size=1000)
counts, edges = np.histogram(sample, bins=bins)
fig = go.Figure(go.Bar(x=0.5 * (edges[:-1] + edges[1:]), y=counts))
fig.update_layout(height=300, margin=dict(l=40, r=10, t=10, b=30))
st.plotly_chart(fig, theme=None)
