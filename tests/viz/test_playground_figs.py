"""Training playground figures: the thumbnail mosaic, every builder valid and finite (built
without plotly.py's validation for speed), the boundary picture, the replay (a player of
pictures, viz.playback) opening at the timeline's epoch in the live chart and in Plotly's own
frames, and the labels (English and Korean) coming from the caller."""

import json
import re

import numpy as np
import pytest
from png_util import png_rgb

from nncore import init_mlp, make_dataset, train_mlp
from nncore.playground import network_grid, weight_histograms
from ui.strings.playground import fig_labels
from viz.playback import REDRAW_FRAME, Player, with_plotly_frames
from viz.playground_figs import (
    BAND,
    CLASS_COLORS,
    FRAME,
    boundary_figure,
    boundary_image,
    boundary_player,
    boundary_png,
    confusion_figure,
    curves_figure,
    quantize_tile,
    thumbnail_mosaic,
    thumbnails_figure,
    weight_hist_figure,
)
from viz.raster import colorscale_palette, parse_colour

L = fig_labels("en")


def _trained(batchnorm=False):
    X, y = make_dataset("circles", 120, 0.05, np.random.default_rng(0))
    return train_mlp(X, y, [2, 6, 2], activation="tanh", epochs=3, batchnorm=batchnorm, seed=3)


def test_quantize_tile_and_mosaic_layout():
    q = quantize_tile(np.array([[-2.0, 0.0], [1.0, 2.0]]))
    assert q.tolist() == [[1, 125], [187, 249]]
    assert quantize_tile(np.zeros((2, 2))).tolist() == [[125, 125], [125, 125]]
    rng = np.random.default_rng(0)
    layers = [rng.normal(size=(100, 100, 2)), rng.normal(size=(100, 100, 8)),
              rng.normal(size=(100, 100, 20))]
    m = thumbnail_mosaic(layers, cell_budget=160_000)
    assert m.image.dtype == np.uint8 and m.image.size <= 160_000
    assert len(m.tiles) == 30 and len(m.layer_cols) == 3
    assert (m.image == 0).any() and (m.image == FRAME).any()  # empty slots + tile frames
    for _, _, r0, c0 in m.tiles:  # every tile's cells are data (1..249) inside a frame
        inner = m.image[r0 : r0 + m.tile, c0 : c0 + m.tile]
        assert inner.min() >= 1 and inner.max() <= 249
        ring = m.image[r0 - 1 : r0 + m.tile + 1, c0 - 1 : c0 + m.tile + 1].copy()
        ring[1:-1, 1:-1] = FRAME
        assert (ring == FRAME).all()
    # 8 layers of 64 units still fit the budget (tiles get coarser, not the payload bigger).
    big = thumbnail_mosaic([np.ones((100, 100, 64))] * 8)
    assert big.image.size <= 160_000 and len(big.tiles) == 512


def _all_figures():
    res = _trained()
    X, y = make_dataset("circles", 60, 0.05, np.random.default_rng(1))
    g2 = network_grid(res.params, ["x1", "x2"], "tanh", "softmax_ce", None, 1.6, 30)
    p3 = init_mlp([2, 4, 3], "he_normal", np.random.default_rng(0))
    g3 = network_grid(p3, ["x1", "x2"], "relu", "softmax_ce", None, 1.6, 30)
    mosaic = thumbnail_mosaic([g2.inputs, *g2.hidden])
    return {
        "boundary2": boundary_figure(g2.xs, g2.proba, X, y, X, y, labels=L),
        "boundary2_disc": boundary_figure(g2.xs, g2.proba, X, y, discretize=True, title="t",
                                          labels=L),
        "boundary3": boundary_figure(g3.xs, g3.proba, X, y % 3, X, y % 3, classes=[4, 5, 6],
                                     labels=L),
        "thumbs": thumbnails_figure(mosaic, ["Inputs", "Layer 1"], ["x₁", "x₂"]),
        # the replay as the take-away HTML and st.plotly_chart get it (Plotly's own frames)
        "replay": with_plotly_frames(
            boundary_figure(g2.xs, g2.proba, X, y, X, y, labels=L),
            boundary_player([boundary_png(g2.proba, False), boundary_png(g2.proba[::-1], False)],
                            [0, 5], labels=L, at=0)),
        "curves": curves_figure(res.history, epoch=2, diverged_at=3, labels=L),
        "compare": curves_figure(res.history, runs=[("#1", res.history, "#111"),
                                                    ("#2", res.history, "#222")], labels=L),
        "confusion": confusion_figure(np.array([[5, 1], [0, 4]]), labels=L),
        "hist": weight_hist_figure(weight_histograms(res.params), labels=L),
    }


def test_figures_are_valid_and_finite():
    import plotly.graph_objects as go
    import plotly.io as pio

    for name, fig in _all_figures().items():
        raw = pio.to_json(fig, validate=False)
        validated = json.loads(pio.to_json(go.Figure(fig.to_dict()), validate=False))  # or raise
        spec = json.loads(raw)
        assert spec["layout"].pop("template") == {}, f"{name}: a template adds ~8 KB"
        validated["layout"].pop("template")
        assert spec == validated, f"{name}: validation changes the spec"
        plain = re.sub(r'"bdata":"[^"]*"', "", raw)  # base64 may spell "NaN"
        assert "NaN" not in plain and "Infinity" not in plain, name
        assert fig.data or fig.layout.images, name
        for frame in spec.get("frames", [])[:-1]:  # the replay: one picture per frame
            (image,) = frame["layout"]["images"]
            assert image["source"].startswith("data:image/png;base64,") and "data" not in frame
            assert image == {**spec["layout"]["images"][0], "source": image["source"]}, name
        for trace in spec["data"]:
            if trace["type"] == "heatmap" and name != "confusion":
                # uint8 ≤ 250: flat saturated areas no longer turn into runs of base64 "/",
                # which Plotly's JSON escapes as \u002f (6 bytes each).
                b64 = trace["z"]["bdata"]
                assert trace["z"]["dtype"] == "u1" and b64.count("/") < 0.03 * len(b64), name


@pytest.mark.parametrize("discretize", [False, True])
@pytest.mark.parametrize("n_classes", [2, 3])
def test_boundary_picture_is_the_heatmap_drawn_top_down(n_classes, discretize):
    """Every pixel has the colour the heatmap scale gives its cell, and row 0 of the picture is
    the top of the plane (the largest x₂: grid row n − 1)."""
    n = 6
    proba = np.full((n, n, n_classes), 0.1 / (n_classes - 1))
    proba[..., 0] = 0.9
    proba[-1, :, :] = 0.1 / (n_classes - 1)
    proba[-1, :, 1] = 0.9  # the top row (largest x₂) is sure of class 1
    rgb = png_rgb(boundary_png(proba, discretize))
    img, scale, zmax = boundary_image(proba, discretize)
    np.testing.assert_array_equal(rgb, colorscale_palette(scale, 0, zmax, zmax + 1)[img[::-1]])
    blue = np.array(parse_colour(CLASS_COLORS[1]))
    top, bottom = rgb[0, 0].astype(float), rgb[-1, 0].astype(float)
    assert np.abs(top - blue).sum() < np.abs(bottom - blue).sum()


def test_boundary_image_bands():
    p = np.zeros((1, 3, 3))
    p[0, 0] = [1, 0, 0]  # sure of class 0
    p[0, 1] = [0.2, 0.3, 0.5]  # class 2, unsure
    p[0, 2] = [0, 1, 0]
    img, scale, zmax = boundary_image(p, discretize=False)
    assert img[0, 0] == BAND - 1 and 2 * BAND <= img[0, 1] < 2 * BAND + BAND // 2
    assert img[0, 2] == 2 * BAND - 1 and zmax == 3 * BAND - 1
    assert [s[0] for s in scale] == sorted(s[0] for s in scale)
    two = np.stack([np.full((2, 2), 0.3), np.full((2, 2), 0.7)], axis=2)
    img2, _, _ = boundary_image(two, discretize=False)
    assert (img2 == round(0.7 * 250)).all()



def test_replay_opens_at_the_timeline_epoch():
    """The replay's first picture and slider position are the timeline's epoch, in the live
    chart's player and in Plotly's frames, and Play goes on from there (from the start only
    when the timeline is at the end)."""
    n = 5
    grids = [np.full((n, n, 2), 0.5) for _ in range(3)]
    grids[0][..., 1], grids[2][..., 1] = 0.1, 0.9
    grids[0][..., 0], grids[2][..., 0] = 0.9, 0.1
    xs = np.linspace(-1, 1, n)
    X, y = np.zeros((2, 2)), np.array([0, 1])
    sources = [boundary_png(g, False) for g in grids]
    assert len(set(sources)) == 3
    for at, active in ((0, 0), (50, 1), (60, 1), (100, 2), (None, 2)):
        player = boundary_player(sources, [0, 50, 100], labels=L, at=at)
        assert player.first == active and player.images == tuple(sources)
        wire = player.to_json()
        assert wire["start"] == active and wire["labels"] == ["0", "50", "100"]
        assert wire["images"] == sources and wire["image"] == 0 and "x" not in wire
        fig = boundary_figure(xs, grids[player.first], X, y, labels=L)
        assert fig.layout.images[0].source == sources[active]  # the figure shows that frame
        spec = with_plotly_frames(fig, player).to_plotly_json()
        assert spec["layout"]["sliders"][0]["active"] == active
        play = spec["layout"]["updatemenus"][0]["buttons"][0]["args"]
        assert play[0] == (["0", "50", "100"][active:] if active < 2 else ["0", "50", "100"]) \
            + [REDRAW_FRAME]
        assert all(f["redraw"] for f in play[1]["frame"])  # a layout change needs a redraw
        assert [f["layout"]["images"][0]["source"] for f in spec["frames"][:-1]] == sources
        # the controls sit under the tick labels and the axis title (the figure's margin of
        # 45 px below the plot), not over them
        lay = spec["layout"]
        plot = lay["height"] - lay["margin"]["t"] - lay["margin"]["b"]
        assert fig.layout.margin.b == 45 + 70
        assert min(-lay["sliders"][0]["y"], -lay["updatemenus"][0]["y"]) * plot >= 45


def test_player_of_pictures_checks_its_frames():
    pics = ("data:image/png;base64,AA", "data:image/png;base64,AB")
    Player(trace=None, labels=("0", "1"), images=pics, start=1)
    with pytest.raises(ValueError, match="one picture per label"):
        Player(trace=None, labels=("0",), images=pics)
    with pytest.raises(ValueError, match="either"):
        Player(trace=0, labels=("0", "1"), images=pics)
    with pytest.raises(ValueError, match="start frame 2"):
        Player(trace=None, labels=("0", "1"), images=pics, start=2)
    with pytest.raises(ValueError, match="a trace and x, y"):
        Player(trace=None, labels=("0",), x=np.zeros((1, 2)), y=np.zeros((1, 2)))
    with pytest.raises(ValueError):
        boundary_player([], [], labels=L)
    xy = Player(trace=3, labels=("a", "b"), x=np.zeros((2, 4)), y=np.ones((2, 4)))
    assert xy.first == 1 and xy.to_json()["start"] == 1 and "images" not in xy.to_json()


def test_figure_words_come_from_the_labels():
    ko = fig_labels("ko")
    res = _trained()
    X, y = make_dataset("xor", 40, 0.05, np.random.default_rng(0))
    g = network_grid(res.params, ["x1", "x2"], "tanh", "softmax_ce", None, 1.6, 20)
    b = boundary_figure(g.xs, g.proba, X, y, X, y, labels=ko)
    assert {t.name for t in b.data} >= {"클래스 0", "클래스 1"}
    player = boundary_player([boundary_png(g.proba, False)], [3], labels=ko)
    assert (player.play, player.pause, player.prefix) == ("▶ 재생", "❚❚ 멈춤", "에포크")
    c = curves_figure(res.history, labels=ko)
    assert c.layout.xaxis.title.text == "에포크" and {t.name for t in c.data} >= {"훈련"}
    cm = confusion_figure(np.eye(2, dtype=int), labels=ko)
    assert cm.layout.xaxis.title.text == "예측" and cm.layout.yaxis.title.text == "실제"
    assert "개" in weight_hist_figure(weight_histograms(res.params), labels=ko).data[0].hovertemplate
