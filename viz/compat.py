"""Every private plotly.py internal the lab uses, in one place, each with a test
(tests/app/test_compat.py), so a plotly upgrade that changes one fails one named test.

- ``fast_figure``: ``go.Figure(..., _validate=False)`` skips plotly.py's per-property
  validation (the initialization lab's five figures: 34.5 -> 14.9 ms per rerun). The pages'
  tests validate every figure the pages send instead.
- ``figure_parts``: a figure's data, layout and frames without ``Figure.to_dict``'s deep copy
  of every array (``_data``, ``_layout``, ``_frame_objs``).
- ``is_homogeneous_array``, ``to_typed_array_spec``, ``plotlyjsShortTypes``: plotly's own
  rules for sending numeric arrays as base64 typed arrays (used by ui.live_chart's encoder).
"""

from __future__ import annotations

import plotly.graph_objects as go
from _plotly_utils.basevalidators import is_homogeneous_array
from _plotly_utils.utils import plotlyjsShortTypes, to_typed_array_spec

__all__ = [
    "fast_figure",
    "figure_parts",
    "is_homogeneous_array",
    "plotlyjsShortTypes",
    "to_typed_array_spec",
]


def fast_figure(data=None, layout=None, frames=None) -> go.Figure:
    """A go.Figure built without plotly.py's property validation (trusted builders only)."""
    if frames is None:
        return go.Figure(data=data, layout=layout, _validate=False)
    return go.Figure(data=data, layout=layout, frames=frames, _validate=False)


def figure_parts(fig: go.Figure) -> tuple[list, dict, list]:
    """(data, layout, frames) of a figure as plain dicts/lists, not copied."""
    return fig._data, fig._layout, [f._props for f in fig._frame_objs]
