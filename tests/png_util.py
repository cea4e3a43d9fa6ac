"""A small PNG reader for tests, written from the PNG spec (not from viz.raster): chunks with
their CRCs, 8-bit RGB or indexed images, no interlace, every scanline filter type 0."""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"
DATA_URI = "data:image/png;base64,"


def png_from_data_uri(uri: str) -> bytes:
    assert uri.startswith(DATA_URI), uri[:40]
    return base64.b64decode(uri[len(DATA_URI):], validate=True)


def read_png(png: bytes | str) -> tuple[np.ndarray, np.ndarray | None]:
    """(pixels, palette): pixels (h, w) uint8 indices for an indexed PNG with its (k, 3)
    palette, or (h, w, 3) uint8 RGB and None. Row 0 is the top of the picture."""
    if isinstance(png, str):
        png = png_from_data_uri(png)
    assert png[:8] == SIGNATURE
    pos, chunks = 8, {}
    while pos < len(png):
        (n,) = struct.unpack(">I", png[pos:pos + 4])
        tag, data = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + n]
        (crc,) = struct.unpack(">I", png[pos + 8 + n:pos + 12 + n])
        assert crc == zlib.crc32(tag + data) & 0xFFFFFFFF, tag
        chunks[tag] = chunks.get(tag, b"") + data
        pos += 12 + n
    w, h, depth, colour, comp, filt, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert (depth, comp, filt, interlace) == (8, 0, 0, 0) and colour in (2, 3)
    channels = 3 if colour == 2 else 1
    rows = np.frombuffer(zlib.decompress(chunks[b"IDAT"]), np.uint8).reshape(h, 1 + w * channels)
    assert np.all(rows[:, 0] == 0)
    if colour == 2:
        return rows[:, 1:].reshape(h, w, 3), None
    palette = np.frombuffer(chunks[b"PLTE"], np.uint8).reshape(-1, 3)
    return rows[:, 1:].copy(), palette


def png_rgb(png: bytes | str) -> np.ndarray:
    """The picture as (h, w, 3) uint8 colours, whatever its colour type."""
    pixels, palette = read_png(png)
    return pixels if palette is None else palette[pixels]


def png_size(png: bytes | str) -> tuple[int, int]:
    """(width, height)."""
    pixels, _ = read_png(png)
    return pixels.shape[1], pixels.shape[0]
