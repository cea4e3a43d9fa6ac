"""Figures of the Space-warping lab: planes with warped grids, the morph animation, linear regions,
deeper-vs-wider. Pure functions: arrays in, plotly Figure out (no Streamlit).

Every plane keeps an equal aspect ratio (y axis anchored to x), so a rotation looks like a
rotation and a clamp or a fold like one. Grid lines come as two gap-free polylines (see
``nncore.warp.grid_paths``): horizontals in blue, verticals in orange, so a line can be followed
through the warp.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import plotly.graph_objects as go

from nncore import warp as W
from viz.compat import fast_figure
from viz.raster import PIXELATED, cell_edges, data_uri, parse_colour, plane_image, png_indexed

Array = np.ndarray

CLASS_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]  # Okabe–Ito, colour-blind safe
SHADE_COLORS = ["#cfe3f2", "#f9e3bd", "#c7eadb", "#f0d6e6"]
GRID_H = "rgba(40, 90, 170, 0.55)"
GRID_V = "rgba(205, 95, 30, 0.55)"
AXIS_LINE = "rgba(0, 0, 0, 0.75)"
FONT = dict(size=15)
NAMES = {"boundary": "decision boundary", "grid_h": "grid: horizontal lines",
         "grid_v": "grid: vertical lines", "line": "linear classifier"}
"""Trace names (``names`` arguments); a page passes its own language's."""


@dataclass
class Panel:
    """One plane: data points (N, 2) coloured by class, optional warped grid and decorations.

    ``shade``: (xs (nx,), ys (ny,), class ids (ny, nx)) painted under everything.
    ``contour``: (xs, ys, score (ny, nx)) whose 0-level is drawn as the decision boundary.
    ``line``: (2, 2) endpoints of a straight decision boundary.
    ``fold_axes``: draw the axes u1 = 0 and u2 = 0 (where ReLU creases the plane).
    """

    title: str
    pts: Array
    grid_h: Array | None = None
    grid_v: Array | None = None
    xlabel: str = "x₁"
    ylabel: str = "x₂"
    shade: tuple | None = None
    contour: tuple | None = None
    line: Array | None = None
    fold_axes: bool = False
    extra_range: list = field(default_factory=list)  # more (M, 2) arrays the view must contain
    focus: bool = False  # frame the data points (and the origin) only; the grid may run out


def _figure(data: list, layout: dict, frames: list | None = None) -> go.Figure:
    """go.Figure without plotly's per-property validation (6× faster to build; these specs are
    fixed by this module and checked against full validation in tests/test_warp.py)."""
    return fast_figure(data, layout, frames=frames)


def _discrete_scale(colors: list[str], n: int) -> list:
    """A colorscale mapping integers 0..n−1 (with cmin −0.5, cmax n−0.5) to flat colours."""
    n = max(n, 1)
    scale = []
    for k in range(n):
        scale += [[k / n, colors[k % len(colors)]], [(k + 1) / n, colors[k % len(colors)]]]
    return scale


def square_range(*arrays: Array, pad: float = 0.06) -> tuple[list[float], list[float]]:
    """x and y ranges (equal spans, centred on the data) containing every given (M, 2) array."""
    pts = np.concatenate([np.asarray(a, dtype=np.float64).reshape(-1, 2) for a in arrays if a is not None])
    pts = pts[np.isfinite(pts).all(axis=1)]
    if len(pts) == 0:
        return [-1.0, 1.0], [-1.0, 1.0]
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = float(max(hi - lo)) or 1.0
    span *= 1 + 2 * pad
    c = (lo + hi) / 2
    return [float(c[0] - span / 2), float(c[0] + span / 2)], [float(c[1] - span / 2), float(c[1] + span / 2)]


def _f32(a: Array) -> Array:
    return np.ascontiguousarray(a, dtype=np.float32)


def panel_range(p: Panel) -> tuple[list[float], list[float]]:
    """The view of a panel: everything drawn, or (``focus``) the points plus the origin."""
    if p.focus:
        return square_range(p.pts, np.zeros((1, 2)), *p.extra_range, pad=0.12)
    return square_range(p.pts, p.grid_h, p.grid_v, *p.extra_range)


def decorate_linear(panel: Panel, score, n_classes: int, res: int = 60) -> None:
    """Shade a panel whose coordinates feed a linear classifier ``score`` (M, 2) -> (M, C), and
    draw its straight boundary (two classes)."""
    xr, yr = panel_range(panel)
    xs, ys = np.linspace(*xr, res), np.linspace(*yr, res)
    gx, gy = np.meshgrid(xs, ys)
    s = score(np.stack([gx.ravel(), gy.ravel()], axis=1))
    panel.shade = (xs, ys, s.argmax(axis=1).reshape(res, res))
    if n_classes == 2:
        # the scores are affine in the panel's coordinates: three evaluations give the line
        base = score(np.zeros((1, 2)))[0]
        w = score(np.eye(2)) - base
        d = w[:, 1] - w[:, 0]
        panel.line = W.boundary_segment(d, float(base[1] - base[0]), xr, yr)


def pre_image_contour(score, box: tuple[float, float], res: int = 70) -> tuple:
    """(ticks, ticks, score₁ − score₀ on a res² grid of the input box): its 0-level is the
    two-class decision boundary pulled back to the input plane."""
    ticks, P = W.grid_points(box[0] - 0.1, box[1] + 0.1, res)
    s = score(P)
    return ticks, ticks, (s[:, 1] - s[:, 0]).reshape(res, res)


def manual_view(
    X: Array,
    y: Array,
    n_classes: int,
    layers: list,
    activation: str,
    names: list[str],
    grid: tuple[Array, Array],
    morph_grid: tuple[Array, Array],
    box: tuple[float, float] = (-1.5, 1.5),
    shade_res: int = 70,
    contour_res: int = 70,
) -> dict:
    """Everything the manual mode draws, from hand-set layers (``nncore.warp.manual_stages``).

    Returns panels (one per stage: x, z, h, [z′, h′]), the separability rows (stage name, dims,
    linear accuracy) for x and every h, ``finite``, CSV columns, and the morph stages. The last h
    gets a linear classifier (logistic regression; shaded, straight boundary); the input plane gets its
    pre-image (the same classifier applied after the layers, on a shade_res² grid).
    """
    C = n_classes
    gh, gv = grid
    n, m = len(X), len(gh)
    stages = W.manual_stages(np.concatenate([X, gh, gv]), layers, activation)
    finite = W.all_finite(*stages)
    labels = ["x", "z", "h", "z′", "h′"]
    panels = [
        Panel(name, s[:n], s[n : n + m], s[n + m :], xlabel=f"{labels[k]}₁",
              ylabel=f"{labels[k]}₂", fold_axes=k % 2 == 1 and W.KINKS.get(activation) == (0.0,))
        for k, (s, name) in enumerate(zip(stages, names, strict=True))
    ]
    rows, columns, morph = [], {}, []
    if finite:
        fit = None
        for k in range(0, len(stages), 2):  # x, h, h′ (z is an affine image of the stage before)
            fit = W.fit_logreg(stages[k][:n], y, C)
            rows.append((names[k].split(". ", 1)[-1], 2, fit.accuracy))
        decorate_linear(panels[-1], fit.scores, C)
        ticks, P = W.grid_points(box[0] - 0.1, box[1] + 0.1, shade_res)
        s = fit.scores(W.manual_stages(P, layers, activation)[-1])
        panels[0].shade = (ticks, ticks, s.argmax(axis=1).reshape(shade_res, shade_res))
        if C == 2:
            panels[0].contour = pre_image_contour(
                lambda Q: fit.scores(W.manual_stages(Q, layers, activation)[-1]), box, contour_res
            )
        tags = ["x", "z", "h", "z2", "h2"]
        for k, st_ in enumerate(stages):
            columns[f"{tags[k]}_1"], columns[f"{tags[k]}_2"] = st_[:n, 0], st_[:n, 1]
        mh, mv = morph_grid
        mm = len(mh)
        ms = W.manual_stages(np.concatenate([X, mh, mv]), layers, activation)
        morph = [(nm, s_[:n], s_[n : n + mm], s_[n + mm :]) for nm, s_ in zip(names, ms, strict=True)]
    return {"panels": panels, "rows": rows, "finite": finite, "columns": columns, "morph": morph}


# Marching squares: for each of the 16 above/below patterns of a cell's corners (bit 1 = bottom
# left, 2 = bottom right, 4 = top right, 8 = top left), the cell edges (0 bottom, 1 right,
# 2 top, 3 left) joined by the level line; -1 = none. The two saddles (5, 10) cut off the
# corners that are above.
_SQUARES = np.array([
    [[-1, -1], [-1, -1]], [[3, 0], [-1, -1]], [[0, 1], [-1, -1]], [[3, 1], [-1, -1]],
    [[1, 2], [-1, -1]], [[3, 0], [1, 2]], [[0, 2], [-1, -1]], [[3, 2], [-1, -1]],
    [[3, 2], [-1, -1]], [[0, 2], [-1, -1]], [[0, 1], [2, 3]], [[1, 2], [-1, -1]],
    [[3, 1], [-1, -1]], [[0, 1], [-1, -1]], [[3, 0], [-1, -1]], [[-1, -1], [-1, -1]],
])


def contour_segments(xs: Array, ys: Array, s: Array, level: float = 0.0) -> Array:
    """The ``level`` line of s (ny, nx) sampled at (xs[j], ys[i]), by marching squares: (3k, 2)
    points, each segment's two ends then a NaN row. An end lies on a cell edge where linear
    interpolation between the edge's corners gives s = level."""
    xs, ys = np.asarray(xs, np.float64), np.asarray(ys, np.float64)
    s = np.asarray(s, np.float64)
    if s.shape[0] < 2 or s.shape[1] < 2:
        return np.zeros((0, 2))
    a, b, c, d = s[:-1, :-1], s[:-1, 1:], s[1:, 1:], s[1:, :-1]  # corners of every cell
    case = ((a > level) * 1 + (b > level) * 2 + (c > level) * 4 + (d > level) * 8).ravel()
    x0, x1 = np.broadcast_to(xs[:-1], a.shape), np.broadcast_to(xs[1:], a.shape)
    y0, y1 = np.broadcast_to(ys[:-1, None], a.shape), np.broadcast_to(ys[1:, None], a.shape)

    def cross(u, v):  # where the level falls between corner values u and v (0..1)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.clip(np.nan_to_num((level - u) / (v - u), nan=0.5), 0.0, 1.0)

    edges = np.stack([  # (cells, 4 edges, 2): the crossing point on each edge
        np.stack([x0 + cross(a, b) * (x1 - x0), y0], -1),
        np.stack([x1, y0 + cross(b, c) * (y1 - y0)], -1),
        np.stack([x0 + cross(d, c) * (x1 - x0), y1], -1),
        np.stack([x0, y0 + cross(a, d) * (y1 - y0)], -1),
    ], axis=-2).reshape(-1, 4, 2)
    parts = []
    for k in (0, 1):
        pair = _SQUARES[case, k]
        cells = np.flatnonzero(pair[:, 0] >= 0)
        start, end = edges[cells, pair[cells, 0]], edges[cells, pair[cells, 1]]
        parts.append(np.stack([start, end, np.full_like(start, np.nan)], axis=1).reshape(-1, 2))
    return np.concatenate(parts)


def panel_picture(p: Panel, n_classes: int, xa: str, ya: str) -> dict | None:
    """The panel's shade (class regions) as a layout image on axes (xa, ya), or None."""
    if p.shade is None:
        return None
    xs, ys, z = p.shade
    palette = np.array([parse_colour(SHADE_COLORS[k % len(SHADE_COLORS)])
                        for k in range(max(n_classes, 1))], dtype=np.uint8)
    png = png_indexed(np.asarray(z, dtype=np.uint8)[::-1], palette)
    return plane_image(data_uri(png), *cell_edges(xs), *cell_edges(ys), xref=xa, yref=ya)


def panel_traces(
    p: Panel, y: Array, n_classes: int, xa: str, ya: str, legend: bool, point_type: str = "scatter",
    names: dict[str, str] | None = None,
) -> list[dict]:
    """The traces of one panel on axes (xa, ya), as plain dicts (its shade is a picture:
    ``panel_picture``); ``names`` as ``NAMES``."""
    names = names or NAMES
    traces: list[dict] = []
    if p.contour is not None:
        seg = contour_segments(*p.contour)
        coords = [np.where(np.isnan(seg[:, k]), None, seg[:, k].round(5)).tolist()
                  for k in (0, 1)]  # null breaks the line between segments
        traces.append(dict(
            type="scatter", mode="lines", x=coords[0], y=coords[1], connectgaps=False,
            line=dict(color="black", width=3), hoverinfo="skip", xaxis=xa, yaxis=ya,
            name=names["boundary"], showlegend=False,
        ))
    for g, color, name in ((p.grid_h, GRID_H, names["grid_h"]),
                           (p.grid_v, GRID_V, names["grid_v"])):
        if g is not None:
            traces.append(dict(
                type="scatter", mode="lines", x=_f32(g[:, 0]), y=_f32(g[:, 1]),
                line=dict(color=color, width=1.3), hoverinfo="skip", name=name,
                showlegend=legend, legendgroup=name, xaxis=xa, yaxis=ya,
            ))
    if p.line is not None:
        traces.append(dict(
            type="scatter", mode="lines", x=_f32(p.line[:, 0]), y=_f32(p.line[:, 1]),
            line=dict(color="black", width=3), name=names["line"], hoverinfo="skip",
            showlegend=False, xaxis=xa, yaxis=ya,
        ))
    traces.append(dict(
        type=point_type, mode="markers", x=_f32(p.pts[:, 0]), y=_f32(p.pts[:, 1]),
        marker=dict(color=np.asarray(y, dtype=np.int8), size=7, cmin=-0.5, cmax=n_classes - 0.5,
                    colorscale=_discrete_scale(CLASS_COLORS, n_classes),
                    line=dict(color="white", width=0.6)),
        hovertemplate="(%{x:.2f}, %{y:.2f})<extra></extra>", showlegend=False,
        xaxis=xa, yaxis=ya,
    ))
    return traces


def planes_figure(
    panels: list[Panel], y: Array, n_classes: int, ncols: int = 3, row_height: int = 370,
    names: dict[str, str] | None = None,
) -> go.Figure:
    """Panels side by side (``ncols`` per row, wrapping), each an equal-aspect plane; one panel
    with ``ncols=1`` is a figure a page can put in a column of its own (columns stack on a
    phone)."""
    n = len(panels)
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    gap_x, gap_y = 0.06, 0.09 / nrows
    data: list[dict] = []
    layout: dict = dict(
        height=row_height * nrows + 40, margin=dict(l=40, r=20, t=30, b=40),
        plot_bgcolor="white", paper_bgcolor="white", font=FONT, annotations=[], images=[],
        showlegend=False, hovermode="closest", meta=dict(PIXELATED),
    )
    for i, p in enumerate(panels):
        r, c = divmod(i, ncols)
        sx = "" if i == 0 else str(i + 1)
        xa, ya = f"x{sx}", f"y{sx}"
        # WebGL points: half the browser time of SVG markers per slider step (the morph keeps
        # SVG, which Plotly can animate between frames).
        data += panel_traces(p, y, n_classes, xa, ya, legend=i == 0, point_type="scattergl",
                             names=names)
        picture = panel_picture(p, n_classes, xa, ya)
        if picture is not None:
            layout["images"].append(picture)
        xr, yr = panel_range(p)
        x0, x1 = c / ncols + gap_x / 2, (c + 1) / ncols - gap_x / 2
        y1 = 1 - r / nrows - gap_y
        y0 = 1 - (r + 1) / nrows + gap_y / 2
        common = dict(showgrid=False, zeroline=p.fold_axes, zerolinecolor=AXIS_LINE,
                      zerolinewidth=1.5, showline=True, linecolor="#888", mirror=True,
                      ticks="outside", constrain="domain", tickfont=dict(size=12),
                      nticks=6)
        layout[f"xaxis{sx}"] = dict(common, domain=[x0, x1], range=xr, anchor=ya,
                                    title=dict(text=p.xlabel, standoff=2))
        layout[f"yaxis{sx}"] = dict(common, domain=[y0, y1], range=yr, anchor=xa,
                                    scaleanchor=xa, scaleratio=1, constraintoward="top",
                                    title=dict(text=p.ylabel, standoff=2))
        layout["annotations"].append(dict(
            text=f"<b>{p.title}</b>", x=(x0 + x1) / 2, y=y1, xref="paper", yref="paper",
            xanchor="center", yanchor="bottom", showarrow=False, font=dict(size=16),
        ))
    return _figure(data, layout)


# long: the morph's frames and its play controls belong to one figure
def morph_figure(
    stages: list[tuple[str, Array, Array, Array]],
    y: Array,
    n_classes: int,
    height: int = 560,
    labels: tuple[str, str, str] = ("Play", "Pause", "stage: "),
    names: dict[str, str] | None = None,
) -> go.Figure:
    """One plane that morphs from stage to stage, played in the browser (Plotly frames).

    ``stages``: (name, points (N, 2), grid_h (M, 2), grid_v (M, 2)) with equal shapes across
    stages. Plotly interpolates point positions between frames, so x -> Wx+b slides every
    point along a straight path and Wx+b -> ReLU(Wx+b) drops the negative parts onto the axes.
    """
    play, pause, prefix = labels
    ranges = [square_range(p, gh, gv) for _, p, gh, gv in stages]

    def frame_data(pts, gh, gv):
        return [
            dict(type="scatter", x=_f32(gh[:, 0]), y=_f32(gh[:, 1])),
            dict(type="scatter", x=_f32(gv[:, 0]), y=_f32(gv[:, 1])),
            dict(type="scatter", x=_f32(pts[:, 0]), y=_f32(pts[:, 1])),
        ]

    first = stages[0]
    base = Panel(first[0], first[1], first[2], first[3], xlabel="", ylabel="")
    traces = panel_traces(base, y, n_classes, "x", "y", legend=False, names=names)
    # Each frame carries its own (equal-span) axis ranges, so the view zooms with the data.
    frames = [dict(name=str(k), data=frame_data(p, gh, gv), traces=[0, 1, 2],
                   layout=dict(title=dict(text=f"<b>{name}</b>"),
                               xaxis=dict(range=xr), yaxis=dict(range=yr)))
              for k, ((name, p, gh, gv), (xr, yr)) in enumerate(zip(stages, ranges, strict=True))]
    xr, yr = ranges[0]
    anim = dict(frame=dict(duration=1300, redraw=False),
                transition=dict(duration=1000, easing="cubic-in-out"), mode="immediate")
    layout = dict(
        height=height, margin=dict(l=50, r=20, t=60, b=170), plot_bgcolor="white",
        paper_bgcolor="white", font=FONT, showlegend=False, hovermode="closest",
        title=dict(text=f"<b>{first[0]}</b>", x=0.5, xanchor="center"),
        xaxis=dict(range=xr, zeroline=True, zerolinecolor=AXIS_LINE, showgrid=False,
                   showline=True, linecolor="#888", mirror=True, constrain="domain"),
        yaxis=dict(range=yr, zeroline=True, zerolinecolor=AXIS_LINE, showgrid=False,
                   showline=True, linecolor="#888", mirror=True, scaleanchor="x",
                   scaleratio=1, constrain="domain", constraintoward="top"),
        # the buttons and slider hang a fixed number of px under the plot (pad.t), not a
        # share of its height: a phone's chart gives back the height its square leaves
        # blank (live_chart.js tightenHeight), and at -0.06 they sat on the tick labels
        updatemenus=[dict(
            type="buttons", direction="left", x=0.0, y=0.0, xanchor="left", yanchor="top",
            pad=dict(r=8, t=40), showactive=False, font=dict(size=14),
            buttons=[dict(label=f"▶ {play}", method="animate", args=[None, anim]),
                     dict(label=f"❚❚ {pause}", method="animate",
                          args=[[None], dict(frame=dict(duration=0, redraw=False),
                                             mode="immediate", transition=dict(duration=0))])],
        )],
        sliders=[dict(
            active=0, x=0.0, y=0.0, len=1.0, xanchor="left", yanchor="top",
            currentvalue=dict(prefix=prefix, font=dict(size=14)), pad=dict(t=86),
            steps=[dict(label=name.split(" =")[0], method="animate",
                        args=[[str(k)], dict(anim, frame=dict(duration=0, redraw=False))])
                   for k, (name, *_rest) in enumerate(stages)],
        )],
    )
    return _figure(traces, layout, frames)


REGION_PALETTE = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69",
                  "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f", "#1f78b4", "#33a02c",
                  "#e31a1c", "#ff7f00"]


def region_colors(ids: Array, n_colors: int | None = None) -> Array:
    """A palette index per cell such that touching regions get different colours.

    Greedy colouring of the region adjacency graph (regions sharing a grid edge are neighbours),
    largest regions first; falls back to id mod n_colors if a region has every colour around it.
    """
    k = n_colors or len(REGION_PALETTE)
    ids = np.asarray(ids, dtype=np.int64)
    n = int(ids.max(initial=-1)) + 1
    pairs = []
    for a, b in ((ids[:, 1:], ids[:, :-1]), (ids[1:, :], ids[:-1, :])):
        m = a != b
        pairs.append(np.stack([a[m], b[m]], axis=1))
    edges = np.unique(np.sort(np.concatenate(pairs), axis=1), axis=0) if pairs else np.zeros((0, 2))
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges.tolist():
        neighbours[a].append(b)
        neighbours[b].append(a)
    color = np.full(n, -1, dtype=np.int64)
    for r in np.argsort(-np.bincount(ids.ravel(), minlength=n), kind="stable"):
        used = {int(color[q]) for q in neighbours[r] if color[q] >= 0}
        free = [c for c in range(k) if c not in used]
        color[r] = free[(r * 7) % len(free)] if free else r % k
    return color[ids].astype(np.int8)


def regions_figure(
    ticks: Array,
    ids: Array,
    X: Array,
    y: Array,
    n_classes: int,
    title: str,
    height: int = 600,
    hover: str = "region %{customdata}",
) -> go.Figure:
    """The input plane painted by activation pattern (one colour per linear region) + the data.
    ``hover``: the region's hover text, a Plotly template with %{customdata} = its id."""
    k = len(REGION_PALETTE)
    fig = _figure(
        [
            dict(type="heatmap", x=_f32(ticks), y=_f32(ticks), z=region_colors(ids),
                 colorscale=_discrete_scale(REGION_PALETTE, k), zmin=-0.5, zmax=k - 0.5,
                 showscale=False, customdata=np.asarray(ids, dtype=np.int32),
                 hovertemplate=f"{hover}<extra></extra>"),
            dict(type="scatter", mode="markers", x=_f32(X[:, 0]), y=_f32(X[:, 1]),
                 marker=dict(color=np.asarray(y, dtype=np.int8), size=6,
                             colorscale=_discrete_scale(CLASS_COLORS, n_classes),
                             cmin=-0.5, cmax=n_classes - 0.5,
                             line=dict(color="black", width=0.8)),
                 hoverinfo="skip", showlegend=False),
        ],
        dict(
            height=height, margin=dict(l=50, r=20, t=60, b=50), font=FONT,
            title=dict(text=title, x=0.5, xanchor="center"), plot_bgcolor="white",
            xaxis=dict(range=[float(ticks[0]), float(ticks[-1])], title=dict(text="x₁"), constrain="domain"),
            yaxis=dict(range=[float(ticks[0]), float(ticks[-1])], title=dict(text="x₂"), scaleanchor="x",
                       scaleratio=1, constrain="domain", constraintoward="top"),
        ),
    )
    return fig


def depth_width_figure(result: dict, labels: dict[str, str], height: int = 520) -> go.Figure:
    """Region counts vs depth for a fixed number of hidden units (log scale).

    ``result`` from ``nncore.warp.depth_vs_width``; ``labels`` has keys random, built, shallow,
    xaxis, yaxis, title.
    """
    x = [f"{len(s)} × {s[0]}" for s in result["shapes"]]
    c = np.asarray(result["counts"], dtype=np.float64)
    mean, lo, hi = c.mean(axis=1), c.min(axis=1), c.max(axis=1)
    built = np.asarray(result["built"], dtype=np.float64)
    data = [
        dict(type="scatter", mode="lines+markers", x=x, y=mean, name=labels["random"],
             line=dict(color=CLASS_COLORS[0], width=3), marker=dict(size=10),
             error_y=dict(type="data", symmetric=False, array=hi - mean, arrayminus=mean - lo,
                          thickness=1.5, width=6)),
        dict(type="scatter", mode="lines+markers", x=x, y=built, name=labels["built"],
             line=dict(color=CLASS_COLORS[1], width=3), marker=dict(size=10, symbol="diamond")),
        dict(type="scatter", mode="lines", x=[x[0], x[-1]], y=[result["shallow_max"]] * 2,
             name=labels["shallow"], line=dict(color="#555", width=2, dash="dash")),
    ]
    return _figure(
        data,
        dict(
            height=height, margin=dict(l=60, r=20, t=110, b=60), font=FONT,
            title=dict(text=labels["title"], x=0.5, xanchor="center", y=0.98, yanchor="top"),
            plot_bgcolor="white",
            xaxis=dict(title=dict(text=labels["xaxis"]), showgrid=False, linecolor="#888"),
            yaxis=dict(title=dict(text=labels["yaxis"]), type="log", gridcolor="#eee", linecolor="#888",
                       tickvals=[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]),
            legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", font=dict(size=13)),
        ),
    )
