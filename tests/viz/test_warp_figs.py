"""viz.warp_figs: the space-warping figures validate, and their colour and contour helpers."""

import numpy as np

import nncore as nn
from nncore import warp as W


def _xor(n=400, noise=0.0, seed=0):
    return nn.make_dataset("xor", n, noise, np.random.default_rng(seed))


def _validated(fig):
    import plotly.graph_objects as go

    def titles_are_dicts(node):  # plotly.js 3 drops bare-string titles; validation would hide it
        if isinstance(node, dict):
            assert not isinstance(node.get("title"), str), node["title"]
            for v in node.values():
                titles_are_dicts(v)
        elif isinstance(node, list):
            for v in node:
                titles_are_dicts(v)

    titles_are_dicts(fig.to_dict())
    return go.Figure(fig.to_dict())  # full property validation: raises on a bad key or value


def test_figures_pass_full_plotly_validation():
    from viz import warp_figs as V

    X, y = _xor(200)
    grid = W.grid_paths(-1.6, 1.6, 9, 25)
    names = ["1. x", "2. z", "3. h", "4. z′", "5. h′"]
    view = V.manual_view(X, y, 2, W.PRESETS["xor_fold"].arrays(), "relu", names, grid, grid)
    assert [r[2] for r in view["rows"]][-1] == 1.0
    figs = [V.planes_figure(view["panels"], y, 2), V.morph_figure(view["morph"], y, 2)]
    params = W.random_net((4, 4), 0)
    ids, count = W.region_map(params, "relu", -1.5, 1.5, 60)
    figs.append(V.regions_figure(np.linspace(-1.5, 1.5, 60), ids, X, y, 2, f"{count}"))
    labels = dict(random="r", built="b", shallow="s", xaxis="x", yaxis="y", title="t")
    figs.append(V.depth_width_figure(W.depth_vs_width(6, seeds=(0,)), labels))
    for fig in figs:
        _validated(fig)
    assert len(figs[1].frames) == 5  # one frame per stage


def test_region_colors_differ_across_every_region_border():
    from viz.warp_figs import region_colors

    for seed in range(3):
        ids, _ = W.region_map(W.random_net((12, 12), seed), "relu", -1.5, 1.5, 120)
        col = region_colors(ids)
        for a, b, ca, cb in ((ids[:, 1:], ids[:, :-1], col[:, 1:], col[:, :-1]),
                             (ids[1:], ids[:-1], col[1:], col[:-1])):
            assert not np.any((a != b) & (ca == cb))


# ---- marching squares and shade pictures (viz.warp_figs) ----------------------------------


def _segments(seg):
    """(k, 2, 2) segment ends from contour_segments' (3k, 2) rows (ends, ends, NaN)."""
    assert len(seg) % 3 == 0 and np.isnan(seg[2::3]).all()
    return np.stack([seg[0::3], seg[1::3]], axis=1)


def test_contour_segments_of_a_straight_line():
    from viz.warp_figs import contour_segments

    xs, ys = np.linspace(-1, 1, 21), np.linspace(-2, 2, 31)
    s = np.broadcast_to(xs[None, :] - 0.33, (31, 21))
    ends = _segments(contour_segments(xs, ys, s))
    assert len(ends) == 30  # one segment per row of cells
    np.testing.assert_allclose(ends[..., 0], 0.33, atol=1e-12)
    assert ends[..., 1].min() == -2 and ends[..., 1].max() == 2


def test_contour_segments_of_a_circle_have_its_length():
    from viz.warp_figs import contour_segments

    xs = np.linspace(-1.5, 1.5, 121)
    s = xs[None, :] ** 2 + xs[:, None] ** 2 - 1.0
    ends = _segments(contour_segments(xs, xs, s))
    radius = np.hypot(ends[..., 0], ends[..., 1])
    h = xs[1] - xs[0]
    assert np.abs(radius - 1.0).max() < h**2  # linear interpolation error is O(h²)
    length = np.hypot(*(ends[:, 1] - ends[:, 0]).T).sum()
    assert abs(length - 2 * np.pi) < 0.01 * 2 * np.pi


def test_contour_segments_without_a_crossing_and_at_a_saddle():
    from viz.warp_figs import contour_segments

    xs = np.linspace(0, 1, 5)
    assert contour_segments(xs, xs, np.ones((5, 5))).shape == (0, 2)
    assert contour_segments(xs[:1], xs, np.ones((5, 1))).shape == (0, 2)
    saddle = np.array([[1.0, -1.0], [-1.0, 1.0]])  # above at bottom-left and top-right
    ends = _segments(contour_segments([0.0, 1.0], [0.0, 1.0], saddle))
    assert len(ends) == 2  # the two corners above are cut off, each by its own segment
    mids = sorted(tuple(e) for e in ends.reshape(-1, 2).round(12).tolist())
    assert mids == [(0.0, 0.5), (0.5, 0.0), (0.5, 1.0), (1.0, 0.5)]


def test_shade_picture_is_the_class_map_top_down():
    from png_util import png_rgb

    from viz.raster import parse_colour
    from viz.warp_figs import SHADE_COLORS, Panel, panel_picture

    xs, ys = np.linspace(-1, 1, 5), np.linspace(0, 2, 3)
    z = np.zeros((3, 5), dtype=int)
    z[2, :] = 1  # the top row (largest y) is class 1
    im = panel_picture(Panel("t", np.zeros((1, 2)), shade=(xs, ys, z)), 2, "x3", "y3")
    assert (im["xref"], im["yref"]) == ("x3", "y3")
    assert (im["x"], im["sizex"]) == (-1.25, 2.5) and (im["y"], im["sizey"]) == (2.5, 3.0)
    rgb = png_rgb(im["source"])
    assert rgb.shape == (3, 5, 3)
    assert rgb[0, 0].tolist() == list(parse_colour(SHADE_COLORS[1]))
    assert rgb[-1, 0].tolist() == list(parse_colour(SHADE_COLORS[0]))
    assert panel_picture(Panel("t", np.zeros((1, 2))), 2, "x", "y") is None
