"""One test per private Streamlit/Plotly internal the lab uses (ui.compat, viz.compat): an
upgrade that changes one of them fails here, by name."""

from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from ui import compat as stc
from viz import compat as pc

ROOT = Path(__file__).resolve().parents[2]


def test_fast_figure_skips_validation_but_keeps_the_properties():
    data = [{"type": "scatter", "x": [1, 2], "y": [3, 4]}]
    fig = pc.fast_figure(data, {"title": {"text": "t"}})
    assert fig.data[0].x == (1, 2) and fig.layout.title.text == "t"
    with_frames = pc.fast_figure(data, {}, frames=[{"name": "0", "data": data}])
    assert with_frames.frames[0].name == "0"


def test_figure_parts_are_the_figure_itself_not_a_copy():
    x = np.arange(3.0)
    fig = go.Figure(go.Scatter(x=x, y=x), frames=[go.Frame(name="a")])
    data, layout, frames = pc.figure_parts(fig)
    assert data[0]["type"] == "scatter" and np.array_equal(data[0]["x"], x)
    assert pc.figure_parts(fig)[0] is data  # the figure's own list: no copy
    assert isinstance(layout, dict) and frames == [{"name": "a"}]


def test_plotly_typed_array_rules():
    assert pc.is_homogeneous_array(np.zeros(3)) and not pc.is_homogeneous_array([1, "a"])
    spec = pc.to_typed_array_spec(np.array([1.0, 2.0]))
    assert spec["dtype"] == "f8" and isinstance(spec["bdata"], str)
    assert pc.plotlyjsShortTypes["float32"] == "f4"


def test_streamlit_script_path_and_static_dir():
    assert stc.script_main_path() is None  # outside a script run
    static = stc.app_static_dir(str(ROOT / "app.py"))
    assert static == ROOT / "static"
    script = (
        "import streamlit as st\n"
        "from ui import compat\n"
        "st.write(compat.script_main_path())\n"
    )
    at = AppTest.from_string(script).run()
    assert not at.exception and at.markdown[0].value not in ("", "None")
