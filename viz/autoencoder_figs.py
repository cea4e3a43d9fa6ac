"""Figures of the autoencoder page: digit grids (one PNG), error vs bottleneck size, the 2-D code
space next to PCA, pre-training accuracies, the 1-unit code of a 2-D curve. Pure: arrays and
label strings in, plotly Figure out (no Streamlit)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from viz.phone import wrap
from viz.raster import PIXELATED, data_uri, plane_image, png_indexed
from viz.ticks import log_ticks

Array = np.ndarray

# Ten distinguishable colours for digits 0-9 (Okabe–Ito + Tableau extras), colour-blind aware
DIGIT_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                "#000000", "#8C564B", "#7F7F7F"]
AE_COLOR, PCA_COLOR, RAND_COLOR = "#0072B2", "#D55E00", "#7F7F7F"
FONT = {"size": 14}
# Ink on paper: pixel value 0 (blank) is white, 1 (full stroke) near-black
INK = np.rint(np.linspace([255, 255, 255], [20, 20, 40], 256)).astype(np.uint8)


def _layout(height: int, **kw) -> dict:
    base = {"height": height, "margin": {"l": 60, "r": 20, "t": 50, "b": 50}, "font": FONT,
            "template": "plotly_white"}
    return base | kw


def grid_pixels(rows: list[Array], gap: int = 1, row_gap: int | None = None) -> Array:
    """(R·(8+row_gap)−row_gap, n·(8+gap)−gap) uint8 0..255 mosaic of R rows of n 8×8 images
    in [0, 1] (values clipped), blank gaps between them (``row_gap`` between rows, ``gap``
    when not given)."""
    n = rows[0].shape[0]
    cell, row_cell = 8 + gap, 8 + (gap if row_gap is None else row_gap)
    out = np.zeros((len(rows) * row_cell - (row_cell - 8), n * cell - gap))
    for r, imgs in enumerate(rows):
        for i, img in enumerate(np.asarray(imgs).reshape(n, 8, 8)):
            out[r * row_cell:r * row_cell + 8, i * cell:i * cell + 8] = img
    return np.rint(np.clip(out, 0.0, 1.0) * 255).astype(np.uint8)


def grid_png(rows: list[Array], scale: int = 6) -> bytes:
    """The same mosaic as ``digit_grid`` as PNG bytes, each pixel a ``scale``×``scale`` block
    (for a plain image while training runs: no chart to rebuild per chunk)."""
    pix = np.kron(grid_pixels(rows), np.ones((scale, scale), dtype=np.uint8))
    return png_indexed(pix, INK)


NAME_BAND = 5  # pixel rows above each row of digits for its name (≈ 19 px on a phone)


def digit_grid(rows: list[Array], row_names: list[str], title: str, gap: int = 1,
               px: int = 70) -> go.Figure:
    """Rows of 8×8 digits as one pixelated picture, each row's name written above it: the
    digits take the chart's whole width (a 390 px phone shows them ~30 px wide, not ~18 px
    beside a column of names), and the picture sits at the top of its box."""
    pix = grid_pixels(rows, gap, row_gap=NAME_BAND)
    h, w = pix.shape
    top = h - 0.5 + NAME_BAND  # the first row's name band
    cell = 8 + NAME_BAND
    names = [dict(text=name, x=-0.5, y=top - r * cell, xref="x", yref="y", xanchor="left",
                  yanchor="top", showarrow=False, font={"size": 13})
             for r, name in enumerate(row_names)]
    return go.Figure(layout=_layout(
        55 + len(rows) * px, title=title, meta=PIXELATED, annotations=names,
        margin={"l": 10, "r": 10, "t": 45, "b": 10},
        images=[plane_image(data_uri(png_indexed(pix, INK)), -0.5, w - 0.5, -0.5, h - 0.5)],
        xaxis={"visible": False, "range": [-0.5, w - 0.5], "constrain": "domain",
               "constraintoward": "left"},
        yaxis={"visible": False, "range": [-0.5, top], "scaleanchor": "x",
               "constrain": "domain", "constraintoward": "top"},
    ))


def error_vs_k(ks: list[int], ae: list[float], pca: list[float], names: dict) -> go.Figure:
    """Test reconstruction MSE against the bottleneck size, autoencoder and PCA (log x)."""
    fig = go.Figure([
        go.Scatter(x=ks, y=ae, name=names["ae"], mode="lines+markers",
                   line={"color": AE_COLOR, "width": 3}),
        go.Scatter(x=ks, y=pca, name=names["pca"], mode="lines+markers",
                   line={"color": PCA_COLOR, "width": 3, "dash": "dash"}),
    ])
    fig.update_layout(_layout(400, title=names["title"], legend={"x": 0.6, "y": 0.95}))
    fig.update_xaxes(title=names["x"], type="log", tickvals=ks, ticktext=[str(k) for k in ks])
    fig.update_yaxes(title=names["y"], rangemode="tozero")
    return fig


def training_curve(epochs: Array, series: list[tuple[str, Array, str]], names: dict) -> go.Figure:
    """MSE against epoch: (name, values, colour) per line."""
    fig = go.Figure([go.Scatter(x=epochs, y=v, name=n, mode="lines+markers",
                                line={"color": c, "width": 2}) for n, v, c in series])
    fig.update_layout(_layout(330, title=names["title"], legend={"x": 0.6, "y": 0.95}))
    fig.update_xaxes(title=names["x"])
    # log: the first drop would flatten the rest; ticks written out (Plotly's own print bare
    # digits 2..9 between the powers of ten, crowded on a phone and in lecture mode)
    fig.update_yaxes(title=names["y"], type="log", **log_ticks(*[v for _, v, _ in series]))
    return fig


def code_scatter(panels: list[tuple[str, Array]], y: Array, digit_names: list[str],
                 axis_names: list[tuple[str, str]], hover: str) -> go.Figure:
    """Side-by-side 2-D codes (N, 2), points coloured by digit; one legend for both panels."""
    fig = make_subplots(rows=1, cols=len(panels), subplot_titles=[t for t, _ in panels],
                        horizontal_spacing=0.08)
    for col, (_, Z) in enumerate(panels, start=1):
        for d in range(10):
            m = y == d
            fig.add_trace(go.Scattergl(
                x=Z[m, 0], y=Z[m, 1], mode="markers", name=digit_names[d], legendgroup=str(d),
                showlegend=col == 1, marker={"color": DIGIT_COLORS[d], "size": 5, "opacity": 0.75},
                hovertemplate=hover.format(d=d) + "<extra></extra>",
            ), row=1, col=col)
        fig.update_xaxes(title=axis_names[col - 1][0], row=1, col=col)
        fig.update_yaxes(title=axis_names[col - 1][1], row=1, col=col)
    fig.update_layout(_layout(480, legend={"itemsizing": "constant"}, meta=wrap()))
    return fig


def accuracy_bars(seeds: list[int], pre: list[float], rand: list[float], names: dict) -> go.Figure:
    """Test accuracy per seed and the mean, pre-trained vs random initialization."""
    xs = [names["seed"].format(s=s) for s in seeds] + [names["mean"]]
    p = [*pre, float(np.mean(pre))]
    r = [*rand, float(np.mean(rand))]
    # each bar's value in % without the sign (the axis says %): "91.2%" was wider than a
    # phone's 25-px bar, and Plotly shrank it to 9 px
    fig = go.Figure([
        go.Bar(x=xs, y=p, name=names["pre"], marker_color=AE_COLOR,
               text=[f"{100 * v:.1f}" for v in p], textposition="outside"),
        go.Bar(x=xs, y=r, name=names["rand"], marker_color=RAND_COLOR,
               text=[f"{100 * v:.1f}" for v in r], textposition="outside"),
    ])
    lo = max(0.0, min(p + r) - 0.15)
    fig.update_layout(_layout(400, title=names["title"], barmode="group",
                              legend={"orientation": "h", "y": -0.15},
                              uniformtext={"minsize": 11, "mode": "show"}))
    fig.update_yaxes(title=names["y"], range=[lo, 1.03], tickformat=".0%")
    return fig


def accuracy_vs_labels(labels: list[int], pre: Array, rand: Array, names: dict) -> go.Figure:
    """Mean test accuracy (line) and each seed's (dots) against the number of labels;
    ``pre``/``rand``: (n_label_counts, n_seeds)."""
    data = []
    for name, acc, color in ((names["pre"], pre, AE_COLOR), (names["rand"], rand, RAND_COLOR)):
        data.append(go.Scatter(x=labels, y=acc.mean(axis=1), name=name, mode="lines+markers",
                               line={"color": color, "width": 3}, legendgroup=name))
        xs = np.repeat(labels, acc.shape[1])
        data.append(go.Scatter(x=xs, y=acc.ravel(), name=names["seeds"], mode="markers",
                               marker={"color": color, "size": 6, "opacity": 0.45},
                               legendgroup=name, showlegend=False))
    fig = go.Figure(data)
    fig.update_layout(_layout(420, title=names["title"], legend={"x": 0.6, "y": 0.1}))
    fig.update_xaxes(title=names["x"], type="log", tickvals=labels,
                     ticktext=[str(n) for n in labels])
    fig.update_yaxes(title=names["y"], tickformat=".0%")
    return fig


def manifold_figure(X: Array, code: Array, curve: Array, names: dict) -> go.Figure:
    """Points coloured by their 1-unit code, and the decoder's curve over the code range."""
    fig = go.Figure([
        go.Scatter(x=X[:, 0], y=X[:, 1], mode="markers", name=names["points"],
                   marker={"color": code, "colorscale": "Viridis", "size": 7,
                           "colorbar": {"title": {"text": names["code"]}}},
                   hovertemplate=names["hover"] + "<extra></extra>", customdata=code),
        go.Scatter(x=curve[:, 0], y=curve[:, 1], mode="lines", name=names["curve"],
                   line={"color": "#D55E00", "width": 3}),
    ])
    fig.update_layout(_layout(540, title=names["title"], margin={"l": 60, "r": 20, "t": 50, "b": 95},
                              legend={"orientation": "h", "y": -0.2}))
    fig.update_xaxes(title="x₁", zeroline=False)
    fig.update_yaxes(title="x₂", scaleanchor="x", zeroline=False)
    return fig
