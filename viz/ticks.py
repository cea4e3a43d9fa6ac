"""Axis ticks shared by the pages' figures."""

from __future__ import annotations

import numpy as np


def log_ticks(*arrays) -> dict:
    """Tick settings for a log y axis over the positive finite values of ``arrays``: one tick
    per decade when they span more than two decades (no 2-3-5 label clutter); within two
    decades, ticks at 1, 2 and 5 × 10^k written out ("0.5", where Plotly's "D2" ticks print a
    bare "5" under the "1"); Plotly's own ticks for a narrow span or after an overflow."""
    vals = np.concatenate([a[np.isfinite(a) & (a > 0)] for a in arrays]) if arrays else []
    if not len(vals):
        return {}
    lo, hi = float(vals.min()), float(vals.max())
    span = np.log10(hi / lo)
    if span > 12 or span <= 0.5:  # an overflow, or a narrow span: Plotly's own ticks
        return {}
    if span > 2.0:
        return {"dtick": 1}
    decades = range(int(np.floor(np.log10(lo))) - 1, int(np.ceil(np.log10(hi))) + 1)
    ticks = [float(f"{m * 10.0**k:.12g}") for k in decades for m in (1, 2, 5)]
    ticks = [t for t in ticks if lo / 2.5 <= t <= hi * 2.5]  # the axis pads the data a little
    return {"tickvals": ticks, "ticktext": [f"{t:g}" for t in ticks]}
