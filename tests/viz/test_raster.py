"""viz.raster: PNG pictures of the plane, read back with an independent reader (png_util)."""

import numpy as np
import pytest
from png_util import png_rgb, read_png

from viz.raster import (
    colorscale_palette,
    data_uri,
    parse_colour,
    plane_image,
    png_bytes,
    png_indexed,
)


def test_rgb_png_round_trips():
    rng = np.random.default_rng(0)
    img = rng.integers(0, 256, (7, 11, 3), dtype=np.uint8)
    pixels, palette = read_png(png_bytes(img))
    assert palette is None
    np.testing.assert_array_equal(pixels, img)


def test_indexed_png_round_trips_with_its_palette():
    rng = np.random.default_rng(1)
    index = rng.integers(0, 5, (9, 4), dtype=np.uint8)
    palette = rng.integers(0, 256, (5, 3), dtype=np.uint8)
    pixels, pal = read_png(data_uri(png_indexed(index, palette)))
    np.testing.assert_array_equal(pixels, index)
    np.testing.assert_array_equal(pal, palette)
    np.testing.assert_array_equal(png_rgb(png_indexed(index, palette)), palette[index])


def test_indexed_png_refuses_values_outside_the_palette():
    with pytest.raises(ValueError, match="palette"):
        png_indexed(np.array([[0, 3]], np.uint8), np.zeros((3, 3), np.uint8))
    with pytest.raises(ValueError, match="palette"):
        png_indexed(np.zeros((2, 2), np.uint8), np.zeros((257, 3), np.uint8))


def test_colours_are_read_in_every_spelling():
    assert parse_colour("#f59322") == (245.0, 147.0, 34.0)
    assert parse_colour("#fff") == (255.0, 255.0, 255.0)
    assert parse_colour("rgb(8, 48,107)") == (8.0, 48.0, 107.0)
    assert parse_colour("rgba(1,2,3,0.5)") == (1.0, 2.0, 3.0)
    with pytest.raises(ValueError):
        parse_colour("blue")


def test_palette_interpolates_the_scale_like_a_heatmap():
    scale = [[0.0, "rgb(0,0,0)"], [0.5, "rgb(255,255,255)"], [1.0, "rgb(255,0,0)"]]
    pal = colorscale_palette(scale, 0, 100, 101)
    assert pal.shape == (101, 3) and pal.dtype == np.uint8
    assert pal[0].tolist() == [0, 0, 0] and pal[50].tolist() == [255, 255, 255]
    assert pal[100].tolist() == [255, 0, 0]
    assert pal[25].tolist() == [128, 128, 128]  # 127.5 rounds half to even -> 128
    assert pal[75].tolist() == [255, 128, 128]
    clipped = colorscale_palette(scale, 10, 20, 30)  # below zmin / above zmax: the end colours
    assert clipped[:11].tolist() == [[0, 0, 0]] * 11 and clipped[20:].tolist() == [[255, 0, 0]] * 10


def test_plane_image_spans_the_rectangle_from_its_top_left():
    im = plane_image("data:image/png;base64,", -2.0, 4.0, -1.0, 3.0)
    assert (im["x"], im["y"], im["sizex"], im["sizey"]) == (-2.0, 3.0, 6.0, 4.0)
    assert (im["xanchor"], im["yanchor"], im["xref"], im["yref"]) == ("left", "top", "x", "y")
    assert im["layer"] == "below" and im["sizing"] == "stretch"
