"""Pictures of the plane as PNG layout images: one bitmap under the traces instead of a heatmap.

Why: Plotly.react re-draws every trace of a figure whose data changed (a "full replot"), but a
figure whose only change is a layout image's ``source`` gets just that <image> swapped. A map
that changes on every slider step (the playground's decision boundary, the neuron thumbnails)
is therefore sent as a layout image, and the points drawn over it are not re-drawn at all.

Pure functions: arrays in, bytes / dicts out. PNG is written by Pillow (8-bit RGB, or 8-bit
indexed with a palette for uint8 images plus a colour scale, which keeps 1 byte a pixel);
colours are read with plotly.colors.
"""

from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image
from plotly.colors import hex_to_rgb, unlabel_rgb

# layout.meta of a figure whose images are pixel grids: ui.live_chart draws them unsmoothed
# (CSS image-rendering: pixelated), as a heatmap with zsmooth=False would be.
PIXELATED = {"pixelated": True}


def _save(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=6)
    return buf.getvalue()


def png_bytes(rgb: np.ndarray) -> bytes:
    """Encode an (h, w, 3) uint8 image (row 0 at the top) as an RGB PNG."""
    return _save(Image.fromarray(np.ascontiguousarray(rgb, dtype=np.uint8), mode="RGB"))


def png_indexed(index: np.ndarray, palette: np.ndarray) -> bytes:
    """Encode an (h, w) uint8 image (row 0 at the top) whose value v is drawn in colour
    ``palette[v]`` ((≤ 256, 3) uint8) as an indexed PNG: 1 byte a pixel plus the palette."""
    index = np.ascontiguousarray(index, dtype=np.uint8)
    pal = np.ascontiguousarray(palette, dtype=np.uint8).reshape(-1, 3)
    if not 1 <= len(pal) <= 256 or (index.size and int(index.max()) >= len(pal)):
        raise ValueError("an indexed PNG needs 1-256 palette colours covering every value")
    image = Image.fromarray(index, mode="P")
    image.putpalette(pal.tobytes(), rawmode="RGB")
    return _save(image)


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def parse_colour(colour: str) -> tuple[float, float, float]:
    """'#rrggbb', '#rgb', 'rgb(r, g, b)' or 'rgba(r, g, b, a)' -> (r, g, b) in 0..255."""
    c = colour.strip()
    if c.startswith("#") and len(c) in (4, 7):
        h = c[1:] if len(c) == 7 else "".join(ch * 2 for ch in c[1:])
        try:
            return tuple(float(v) for v in hex_to_rgb("#" + h))  # type: ignore[return-value]
        except ValueError:
            pass
    elif c.startswith(("rgb(", "rgba(")):
        try:
            return tuple(float(v) for v in unlabel_rgb(c)[:3])  # type: ignore[return-value]
        except ValueError:
            pass
    raise ValueError(f"not a colour this module reads: {colour!r}")


def colorscale_palette(scale: list, zmin: float, zmax: float, n: int = 256) -> np.ndarray:
    """(n, 3) uint8: the colour Plotly's heatmap gives value v = 0 … n−1 under ``scale``
    ([[t, colour], …], t in [0, 1]) with ``zmin``/``zmax``: t = (v − zmin)/(zmax − zmin),
    clipped to [0, 1], colours linearly interpolated in RGB between neighbouring stops.
    (plotly.colors.sample_colorscale does the same one value at a time, as text.)"""
    stops = np.array([float(t) for t, _ in scale])
    colours = np.array([parse_colour(c) for _, c in scale])
    t = np.clip((np.arange(n, dtype=np.float64) - zmin) / max(zmax - zmin, 1e-12), 0.0, 1.0)
    rgb = np.column_stack([np.interp(t, stops, colours[:, k]) for k in range(3)])
    return np.rint(rgb).astype(np.uint8)


def plane_image(source: str, x0: float, x1: float, y0: float, y1: float, xref: str = "x",
                yref: str = "y") -> dict:
    """A layout image filling the data rectangle [x0, x1] × [y0, y1] of the axes (xref, yref),
    under the traces (clipped to the plot area by Plotly)."""
    return dict(source=source, xref=xref, yref=yref, x=float(x0), y=float(y1),
                sizex=float(x1 - x0), sizey=float(y1 - y0), sizing="stretch",
                xanchor="left", yanchor="top", layer="below")


def cell_edges(centres: np.ndarray) -> tuple[float, float]:
    """The outer edges of evenly spaced cells with these centres (as a heatmap draws them)."""
    c = np.asarray(centres, dtype=np.float64)
    half = (c[-1] - c[0]) / (len(c) - 1) / 2 if len(c) > 1 else 0.5
    return float(c[0] - half), float(c[-1] + half)
