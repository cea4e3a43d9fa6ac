"""PNG reading for tests, with Pillow (an independent decoder of what viz.raster writes)."""

from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image

DATA_URI = "data:image/png;base64,"


def png_from_data_uri(uri: str) -> bytes:
    assert uri.startswith(DATA_URI), uri[:40]
    return base64.b64decode(uri[len(DATA_URI):], validate=True)


def read_png(png: bytes | str) -> tuple[np.ndarray, np.ndarray | None]:
    """(pixels, palette): pixels (h, w) uint8 indices for an indexed PNG with its (k, 3)
    palette, or (h, w, 3) uint8 RGB and None. Row 0 is the top of the picture."""
    if isinstance(png, str):
        png = png_from_data_uri(png)
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG" and image.mode in ("RGB", "P"), image.mode
    if image.mode == "RGB":
        return np.asarray(image, dtype=np.uint8), None
    palette = np.frombuffer(bytes(image.palette.palette), np.uint8).reshape(-1, 3)
    return np.asarray(image, dtype=np.uint8), palette


def png_rgb(png: bytes | str) -> np.ndarray:
    """The picture as (h, w, 3) uint8 colours, whatever its colour type."""
    pixels, palette = read_png(png)
    return pixels if palette is None else palette[pixels]


def png_size(png: bytes | str) -> tuple[int, int]:
    """(width, height)."""
    pixels, _ = read_png(png)
    return pixels.shape[1], pixels.shape[0]
