"""Pictures of the plane as PNG layout images: one bitmap under the traces instead of a heatmap.

Why: Plotly.react re-draws every trace of a figure whose data changed (a "full replot"), but a
figure whose only change is a layout image's ``source`` gets just that <image> swapped. A map
that changes on every slider step (the playground's decision boundary, the neuron thumbnails)
is therefore sent as a layout image, and the points drawn over it are not re-drawn at all.

Pure functions: arrays in, bytes / dicts out. PNG is written with zlib and struct from the
standard library (8-bit RGB, or 8-bit indexed with a palette for uint8 images plus a colour
scale, which keeps 1 byte a pixel).
"""

from __future__ import annotations

import base64
import re
import struct
import zlib

import numpy as np

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# layout.meta of a figure whose images are pixel grids: ui.live_chart draws them unsmoothed
# (CSS image-rendering: pixelated), as a heatmap with zsmooth=False would be.
PIXELATED = {"pixelated": True}
RGB, INDEXED = 2, 3  # PNG colour types


def _chunk(tag: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))


def _png(raw_rows: np.ndarray, width: int, colour_type: int, extra: bytes = b"",
         level: int = 6) -> bytes:
    """PNG from (h, row bytes) uint8 scanlines: filter byte 0 (none) is prepended to each."""
    h = raw_rows.shape[0]
    raw = np.concatenate([np.zeros((h, 1), np.uint8), raw_rows], axis=1).tobytes()
    header = struct.pack(">IIBBBBB", width, h, 8, colour_type, 0, 0, 0)
    return (PNG_SIGNATURE + _chunk(b"IHDR", header) + extra
            + _chunk(b"IDAT", zlib.compress(raw, level)) + _chunk(b"IEND", b""))


def png_bytes(rgb: np.ndarray) -> bytes:
    """Encode an (h, w, 3) uint8 image (row 0 at the top) as an RGB PNG."""
    h, w, _ = rgb.shape
    return _png(np.ascontiguousarray(rgb, dtype=np.uint8).reshape(h, 3 * w), w, RGB)


def png_indexed(index: np.ndarray, palette: np.ndarray) -> bytes:
    """Encode an (h, w) uint8 image (row 0 at the top) whose value v is drawn in colour
    ``palette[v]`` ((≤ 256, 3) uint8) as an indexed PNG: 1 byte a pixel plus the palette."""
    index = np.ascontiguousarray(index, dtype=np.uint8)
    pal = np.ascontiguousarray(palette, dtype=np.uint8).reshape(-1, 3)
    if not 1 <= len(pal) <= 256 or (index.size and int(index.max()) >= len(pal)):
        raise ValueError("an indexed PNG needs 1-256 palette colours covering every value")
    return _png(index, index.shape[1], INDEXED, _chunk(b"PLTE", pal.tobytes()))


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


_RGB_RE = re.compile(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)")


def parse_colour(colour: str) -> tuple[float, float, float]:
    """'#rrggbb', '#rgb' or 'rgb(r, g, b)' -> (r, g, b) in 0..255."""
    c = colour.strip()
    if c.startswith("#"):
        h = c[1:]
        if len(h) == 3:
            h = "".join(ch * 2 for ch in h)
        return tuple(float(int(h[i : i + 2], 16)) for i in (0, 2, 4))  # type: ignore[return-value]
    m = _RGB_RE.match(c)
    if not m:
        raise ValueError(f"not a colour this module reads: {colour!r}")
    return tuple(float(v) for v in m.groups())  # type: ignore[return-value]


def colorscale_palette(scale: list, zmin: float, zmax: float, n: int = 256) -> np.ndarray:
    """(n, 3) uint8: the colour Plotly's heatmap gives value v = 0 … n−1 under ``scale``
    ([[t, colour], …], t in [0, 1]) with ``zmin``/``zmax``: t = (v − zmin)/(zmax − zmin),
    clipped to [0, 1], colours linearly interpolated in RGB between neighbouring stops."""
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
