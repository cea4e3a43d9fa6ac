"""Figures of the optimizer lab: the race on a contour map (with browser-side playback), the 3D
view, loss curves, and the internals of one optimizer. Pure functions: arrays in, go.Figure out.

Payload discipline (every byte goes to the browser on each rerun): grids and paths are sent as
float32, long paths are decimated for drawing, and playback frames carry only the moving parts
(one head marker per optimizer and a short trail), never whole paths.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from viz.compat import fast_figure
from viz.playback import LEGEND_LINK, Player, with_plotly_frames
from viz.raster import data_uri, plane_image, png_bytes

# Each optimizer's colour and dash come with its spec (nncore.optim.OPTIMIZERS) in RunView.
FALLBACK_COLOR = "#666666"
_NO_TEMPLATE: dict = {}  # plotly.js defaults; every figure here sets its own colours and fonts

# Light where the loss is low, so that the coloured paths stand out where they end.
SURFACE_COLORSCALE = [
    [0.0, "#fdfdfb"], [0.35, "#e4e8ee"], [0.7, "#bcc6d3"], [1.0, "#8391a6"],
]
FONT = dict(family="Inter, Segoe UI, Helvetica, Arial, sans-serif", size=13, color="#222")
MINIMUM_STYLE = dict(symbol="star", size=17, color="#ffd21f", line=dict(color="#222", width=1.2))


@dataclass(frozen=True)
class RunView:
    """What the figures need from one optimizer's descent.

    path (k+1, 2) finite points; losses (k+1,) f along the path; diverged_at: step or None.
    """

    name: str
    label: str
    path: np.ndarray
    losses: np.ndarray
    diverged_at: int | None = None
    color: str = FALLBACK_COLOR
    dash: str = "solid"


@dataclass(frozen=True)
class ContourScale:
    """How f is coloured: z = f − f_ref (linear) or log10(f − f_ref + δ) when values span decades."""

    z: np.ndarray  # float32, finite, same shape as the grid
    log: bool
    f_ref: float
    delta: float
    zmin: float
    zmax: float
    tickvals: tuple
    ticktext: tuple
    clipped: bool  # some grid values were not finite (shown at the top colour)

    def transform(self, f: np.ndarray) -> np.ndarray:
        """Map loss values onto the colour axis (for 3D heights and hover)."""
        g = np.asarray(f, dtype=np.float64) - self.f_ref
        if self.log:
            g = np.log10(np.maximum(g, 0.0) + self.delta)
        return np.clip(np.nan_to_num(g, nan=self.zmax, posinf=self.zmax, neginf=self.zmin),
                       self.zmin, self.zmax)


def contour_scale(Z: np.ndarray, f_ref: float | None = None, decades: float = 2.5,
                  log: bool | None = None) -> ContourScale:
    """Choose linear or log-spaced levels for a grid of f values.

    Log when the spread max(f − f_ref) / 5th percentile exceeds 10**decades (e.g. Rosenbrock,
    Beale), so the valley floor gets as many contour lines as the walls. ``log`` forces the
    choice (a zoomed view uses the main map's).
    """
    Z = np.asarray(Z, dtype=np.float64)
    finite = np.isfinite(Z)
    if not finite.any():
        raise ValueError("f is not finite anywhere on the grid")
    lo = float(Z[finite].min())
    f_ref = lo if f_ref is None else min(float(f_ref), lo)
    g = np.where(finite, Z - f_ref, np.nan)
    g_max = float(np.nanmax(g))
    positive = g[finite & (g > 0)]
    p5 = float(np.percentile(positive, 5)) if positive.size else 0.0
    use_log = g_max > 0 and p5 > 0 and g_max / p5 > 10.0**decades
    if log is not None:
        use_log = bool(log) and g_max > 0
    if use_log:
        # the offset keeps log10 finite at f = f*; tied to the low values (not to g_max, which
        # for exp(x² + y²) is 1e21 and would flatten everything below 1e15 to one colour)
        delta = max(min(g_max * 1e-6, p5 * 1e-2), 1e-300)
        z = np.log10(np.maximum(g, 0.0) + delta)
        zmin, zmax = float(np.nanmin(z)), float(np.nanmax(z))
        every = max(1, int(np.ceil((zmax - zmin) / 8)))  # at most ~9 labels on the bar
        ticks = np.arange(np.ceil(zmin), np.floor(zmax) + 1)
        ticks = ticks[(ticks.astype(np.int64) % every) == 0]
        tickvals = tuple(float(t) for t in ticks)
        ticktext = tuple(_pow10_text(int(t)) for t in ticks)
    else:
        delta = 0.0
        z = g
        zmin, zmax = 0.0, max(g_max, 1e-12)
        tickvals, ticktext = (), ()
    z = np.where(np.isfinite(z), z, zmax).astype(np.float32)
    return ContourScale(z, use_log, f_ref, delta, zmin, zmax, tickvals, ticktext,
                        bool((~finite).any()))


def _pow10_text(k: int) -> str:
    return f"{10.0**k:g}" if -3 <= k <= 4 else f"1e{k}"


def decimate(n: int, max_points: int, head: int = 200) -> np.ndarray:
    """Indices 0..n-1 to draw: all when n ≤ max_points, else the first ``head`` (where the
    big, zig-zagging steps are) plus an even spread over the rest, always including n−1."""
    if n <= max_points:
        return np.arange(n)
    head = min(head, max_points // 2)
    rest = np.linspace(head, n - 1, max_points - head).round().astype(np.int64)
    return np.unique(np.concatenate([np.arange(head), rest]))


def _figure(data: list, layout: dict) -> go.Figure:
    """A go.Figure from plain dicts without plotly.py's per-property validation and without
    copying the default template (together most of a rerun's figure-building time). The
    tests rebuild every figure's dict with validation on, so a typo still fails there."""
    data = [t.to_plotly_json() if isinstance(t, BaseTraceType) else t for t in data]
    return fast_figure(data, dict(layout, template=_NO_TEMPLATE))


def _f32(a) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=np.float32)


def _clip_to_box(p, bounds):
    (x0, x1), (y0, y1) = bounds
    return float(np.clip(p[0], x0, x1)), float(np.clip(p[1], y0, y1))


def _axis(title: str, rng, **kw) -> dict:
    return dict(title=dict(text=title, standoff=4), range=list(rng), showgrid=False, zeroline=False,
                ticks="outside", ticklen=4, mirror=True, showline=True, linecolor="#999", **kw)


def _nice_ticks(lo: float, hi: float, n: int = 5) -> np.ndarray:
    """About n round numbers (1, 2 or 5 × 10^k apart) covering [lo, hi]."""
    raw = (hi - lo) / max(n, 1)
    if not raw > 0:
        return np.array([lo])
    mag = 10.0 ** np.floor(np.log10(raw))
    step = mag * min((m for m in (1, 2, 5, 10) if m * mag >= raw), default=10)
    return np.arange(np.ceil(lo / step) * step, hi + 0.5 * step, step)


def _hex_rgb(c: str) -> tuple[int, int, int]:
    return int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)


def _band_colors(n: int) -> np.ndarray:
    """(n, 3) uint8: SURFACE_COLORSCALE sampled at the middle of n equal bands."""
    stops = np.array([s for s, _ in SURFACE_COLORSCALE])
    rgb = np.array([_hex_rgb(c) for _, c in SURFACE_COLORSCALE], dtype=np.float64)
    t = (np.arange(n) + 0.5) / n
    return np.stack([np.interp(t, stops, rgb[:, i]) for i in range(3)], axis=1).round().astype(
        np.uint8)


def _levels(scale: ContourScale, n_linear: int = 18) -> tuple[float, int]:
    """Level spacing in z units and the number of bands: 4 per decade on a log scale (2 when
    it spans more than 8 decades), else n_linear evenly spaced levels."""
    span = max(scale.zmax - scale.zmin, 1e-300)
    size = (0.25 if span <= 8 else 0.5) if scale.log else span / n_linear
    return size, max(1, int(np.ceil(span / size - 1e-9)))


def contour_image(scale: ContourScale) -> np.ndarray:
    """The filled-contour picture as pixels, (ny, nx, 3) uint8 with row 0 at the top (largest
    y): one colour per band between levels, and a darker pixel wherever the band changes, which
    draws the contour lines."""
    size, n = _levels(scale)
    band = np.clip(((scale.z - scale.zmin) / size).astype(np.int32), 0, n - 1)
    img = _band_colors(n)[band]
    edge = np.zeros(band.shape, dtype=bool)
    edge[:, 1:] |= band[:, 1:] != band[:, :-1]
    edge[1:, :] |= band[1:, :] != band[:-1, :]
    img[edge] = (img[edge] * 0.82).astype(np.uint8)
    return img[::-1]


def surface_layers(xs, ys, scale: ContourScale, colorbar: bool = True,
                   titles: tuple[str, str] = ("f − f*", "f − f*<br>(log scale)"),
                   ) -> tuple[dict, dict]:
    """The coloured map as a layout image (a PNG drawn under the traces: one bitmap instead of
    thousands of SVG contour paths, so the browser draws it in a few ms), plus a marker-only
    trace with no points that carries the matching stepped colour bar.

    Costs ~10 ms (colouring, zlib, base64) and depends on the grid only, so pages cache it
    with the grid and pass it to the figures as ``layers``."""
    xs, ys = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
    image = plane_image(data_uri(png_bytes(contour_image(scale))), xs[0], xs[-1], ys[0], ys[-1])
    size, n = _levels(scale)
    colors = _band_colors(n)
    steps = []
    for i, (r, g, b) in enumerate(colors.tolist()):
        c = f"rgb({r},{g},{b})"
        steps += [[i / n, c], [(i + 1) / n, c]]
    top = scale.zmin + n * size
    if scale.log:
        tickvals, ticktext = list(scale.tickvals), list(scale.ticktext)
        title = titles[1]
    else:
        ticks = _nice_ticks(scale.zmin, scale.zmax)
        tickvals, ticktext = [float(t) for t in ticks], [f"{t:g}" for t in ticks]
        title = titles[0]
    bar = dict(
        type="scatter", x=[None], y=[None], mode="markers", name="f", showlegend=False,
        hoverinfo="skip",
        marker=dict(color=[scale.zmin], colorscale=steps, cmin=scale.zmin, cmax=top,
                    showscale=colorbar, size=0.1,
                    colorbar=dict(title=dict(text=title, side="top"), thickness=12, len=0.75,
                                  x=1.01, tickvals=tickvals, ticktext=ticktext,
                                  outlinewidth=0)),
    )
    return image, bar


def _marker_traces(minima, saddles, start, start_label: str, minima_label: str,
                   saddle_label: str):
    traces = []
    if minima:
        m = np.asarray(minima, dtype=np.float64).reshape(-1, 2)
        traces.append(go.Scatter(
            x=_f32(m[:, 0]), y=_f32(m[:, 1]), mode="markers", name=minima_label,
            marker=MINIMUM_STYLE,
            hovertemplate=minima_label + "<br>(%{x:.4g}, %{y:.4g})<extra></extra>",
        ))
    if saddles:
        s = np.asarray(saddles, dtype=np.float64).reshape(-1, 2)
        traces.append(go.Scatter(
            x=_f32(s[:, 0]), y=_f32(s[:, 1]), mode="markers", name=saddle_label,
            marker=dict(symbol="x-thin", size=16, line=dict(width=3, color="#222")),
            hovertemplate=saddle_label + " (%{x:.3g}, %{y:.3g})<extra></extra>",
        ))
    traces.append(go.Scatter(
        x=np.array([start[0]], dtype=np.float32), y=np.array([start[1]], dtype=np.float32),
        mode="markers", name=start_label,
        marker=dict(symbol="circle", size=11, color="white", line=dict(color="#222", width=2)),
        hovertemplate=start_label + " (%{x:.3g}, %{y:.3g})<extra></extra>",
    ))
    return traces


def frame_steps(total_steps: int, max_frames: int = 60) -> np.ndarray:
    """The steps shown by the animation: evenly spaced from 0 to total_steps."""
    n = min(int(total_steps), max_frames - 1) + 1
    return np.unique(np.linspace(0, int(total_steps), n).round().astype(np.int64))


def comet_indices(last: int, prev: np.ndarray, steps: np.ndarray, n_trail: int) -> np.ndarray:
    """Path indices of every frame's comet, (frames, n_trail + 1), for a path whose last index
    is ``last``: frame j shows the iterates after step prev[j] up to steps[j], evenly thinned
    to n_trail slots and padded with the point at prev[j], then the head.

    With a = min(prev, last), b = min(step, last) and m = b − a − 1 iterates strictly between:
    when m > n_trail the slots are a + 1 + round(k (m − 1)/(n_trail − 1)) (numpy.linspace's
    arithmetic), otherwise n_trail − m slots at a followed by a + 1 … b − 1; the head is b."""
    a = np.minimum(np.asarray(prev, np.int64), last)[:, None]
    b = np.minimum(np.asarray(steps, np.int64), last)[:, None]
    m = np.maximum(b - a - 1, 0)
    k = np.arange(n_trail, dtype=np.int64)[None, :]
    if n_trail > 1:
        spread = k * ((m - 1) / (n_trail - 1))  # linspace(0, m - 1, n_trail), last made exact
        spread[:, -1] = m[:, 0] - 1
        thinned = a + 1 + spread.round().astype(np.int64)
    else:
        thinned = a + 1 + np.zeros_like(k)
    pad = n_trail - m
    padded = np.where(k < pad, a, a + 1 + (k - pad))
    trail = np.where(m > n_trail, thinned, padded)
    return np.concatenate([trail, b], axis=1)


# long: the race map's layers (map, contours, paths, markers, labels) drawn in order
def race_scene(
    xs: np.ndarray,
    ys: np.ndarray,
    scale: ContourScale,
    runs: list[RunView],
    *,
    bounds,
    minima=(),
    saddles=(),
    start=(0.0, 0.0),
    total_steps: int,
    text: dict,
    max_frames: int = 60,
    max_path_points: int = 500,
    n_trail: int = 10,
    frame_ms: int = 80,
    height: int = 620,
    layers: tuple[dict, dict] | None = None,
    uirevision: str | None = None,
    legend_link: str | None = None,
) -> tuple[go.Figure, Player]:
    """Contour map with every optimizer's path, and the playback of their progress.

    Playback moves a single "comet" trace: per optimizer, a head marker at the current step
    and small dots at the iterates since the previous frame (wide spacing = big steps). The
    point layout of that trace never changes, so colours and sizes are sent once and a frame
    carries only x and y (float32). The full paths stay drawn underneath. The figure shows the
    last frame; the returned :class:`viz.playback.Player` replays from step 0 in the browser
    (the live chart's controls, or Plotly's via ``race_figure``). ``text`` holds the labels
    (keys: start, minima, play, pause, step, diverged). ``layers``: the map's cached
    ``surface_layers(xs, ys, scale)``. Leaves ~50 px under the plot for the x axis only.
    ``uirevision``: while it stays the same, Plotly keeps a student's zoom and legend choices
    across updates (new paths); a new value resets them. ``legend_link``: a name in
    ``layout.meta`` (see ``LEGEND_LINK``): the live chart shows and hides each optimizer's
    traces (legendgroup = its name) in every chart of the page with the same name.
    """
    (x0, x1), (y0, y1) = bounds
    n = len(runs)
    image, bar = layers if layers is not None else surface_layers(xs, ys, scale)
    data = [bar]
    for run in runs:
        idx = decimate(len(run.path), max_path_points)
        p = run.path[idx]
        data.append(dict(
            type="scatter", x=_f32(p[:, 0]), y=_f32(p[:, 1]), mode="lines", name=run.label,
            legendgroup=run.name, line=dict(color=run.color, width=2, dash=run.dash),
            opacity=0.85,
            hovertemplate=run.label + "<br>x=%{x:.4g}, y=%{y:.4g}<extra></extra>",
        ))

    steps = frame_steps(total_steps, max_frames)
    prev = np.concatenate([[0], steps[:-1]])
    # (frames, runs × (n_trail + 1), 2): every frame's comet, one gather per optimizer
    comets = np.concatenate(
        [r.path[comet_indices(len(r.path) - 1, prev, steps, n_trail)] for r in runs], axis=1,
    ) if runs else np.zeros((len(steps), 0, 2))

    # colour by optimizer index through a stepped colour scale; heads big with a white rim
    per_run = n_trail + 1
    color_idx = np.repeat(np.arange(n, dtype=np.float32) + 0.5, per_run)
    sizes = np.tile(np.r_[np.full(n_trail, 5.0), 12.0], n).astype(np.float32)
    rims = np.tile(np.r_[np.zeros(n_trail), 1.5], n).astype(np.float32)
    colorscale = []
    for i, r in enumerate(runs):
        colorscale += [[i / n, r.color], [(i + 1) / n, r.color]]
    comet_index = len(data)
    final = comets[-1]
    data.append(dict(
        type="scatter", x=_f32(final[:, 0]), y=_f32(final[:, 1]), mode="markers",
        showlegend=False, hoverinfo="skip",
        marker=dict(color=color_idx, colorscale=colorscale or [[0, "#000"], [1, "#000"]],
                    cmin=0, cmax=max(n, 1), size=sizes, line=dict(color="white", width=rims)),
    ))
    data += divergence_markers(runs, bounds, text["diverged"])
    data += [t.to_plotly_json() for t in
             _marker_traces(minima, saddles, start, text["start"], text["minima"],
                            text.get("saddle", "saddle point"))]
    player = Player(trace=comet_index, labels=tuple(str(int(s)) for s in steps),
                    x=comets[:, :, 0], y=comets[:, :, 1], frame_ms=frame_ms,
                    prefix=text["step"], play=text["play"], pause=text["pause"])
    layout = dict(
        height=height, font=FONT, paper_bgcolor="white", plot_bgcolor="white",
        margin=dict(l=60, r=20, t=40, b=50), hovermode="closest", images=[image],
        # the axes never reach past the map (a scale anchor once stretched the saddle's y axis
        # to ±2.1 on autorange, white bands that read as f − f* ≈ 0); the height keeps the
        # picture near 1:1 instead
        xaxis=_axis("x", (x0, x1), minallowed=x0, maxallowed=x1),
        yaxis=_axis("y", (y0, y1), minallowed=y0, maxallowed=y1),
        legend=dict(orientation="h", x=0, y=1.01, yanchor="bottom", font=dict(size=12),
                    itemclick="toggleothers", itemdoubleclick="toggle"),
        uirevision=uirevision,
    )
    if legend_link:
        layout["meta"] = {LEGEND_LINK: legend_link}
    return _figure(data, layout), player


def divergence_markers(runs: list[RunView], bounds, template: str) -> list[dict]:
    """A ✕ at each stopped path's last point (clipped into the picture) with its label. Paths
    that stop at the same spot share one label, one line per optimizer, so labels never pile
    on each other (a formula that overflows at step 1 stops every optimizer at the start)."""
    (x0, x1), (y0, y1) = bounds
    tol = 0.03 * max(x1 - x0, y1 - y0)
    groups: list[tuple[tuple[float, float], list[RunView]]] = []
    for run in runs:
        if run.diverged_at is None:
            continue
        p = _clip_to_box(run.path[-1], bounds)
        for q, members in groups:
            if abs(p[0] - q[0]) <= tol and abs(p[1] - q[1]) <= tol:
                members.append(run)
                break
        else:
            groups.append((p, [run]))
    out = []
    for (px, py), members in groups:
        lines = [template.format(label=r.label, step=r.diverged_at) for r in members]
        for i, run in enumerate(members):
            out.append(dict(
                type="scatter", x=np.array([px], np.float32), y=np.array([py], np.float32),
                mode="markers+text" if i == 0 else "markers", legendgroup=run.name,
                showlegend=False,
                marker=dict(symbol="x", size=15, color=run.color,
                            line=dict(color="white", width=1)),
                text=["<br>".join(lines)] if i == 0 else None, textposition="top center",
                textfont=dict(color=run.color if len(members) == 1 else "#222", size=12),
                hovertemplate=lines[i] + "<extra></extra>",
            ))
    return out


def race_figure(*args, **kwargs) -> go.Figure:
    """``race_scene`` as one Plotly figure with Plotly's own playback (frames, ▶/❚❚ buttons
    and a step slider under the plot): for notebooks and ``st.plotly_chart``."""
    return with_plotly_frames(*race_scene(*args, **kwargs))


def _inside_prefix(path: np.ndarray, bounds) -> int:
    """Length of the path's first stretch that stays inside the box (3D scenes don't clip)."""
    (x0, x1), (y0, y1) = bounds
    out = ((path[:, 0] < x0) | (path[:, 0] > x1) | (path[:, 1] < y0) | (path[:, 1] > y1))
    bad = np.flatnonzero(out)
    return int(bad[0]) if bad.size else len(path)


def surface3d_figure(
    xs, ys, scale: ContourScale, runs: list[RunView], *, bounds, minima=(), min_value=None,
    text: dict, max_path_points: int = 600, height: int = 620, mesh: int = 75,
) -> go.Figure:
    """The surface in 3D (height = the colour axis: f − f*, log-scaled like the contours) with
    every path lifted onto it; a path is drawn until it first leaves the box. The mesh is the
    grid thinned to about ``mesh`` points per side."""
    stride = max(1, len(xs) // mesh)
    zs = scale.z[::stride, ::stride]
    z_title = text.get("z_log", "log₁₀(f − f*)") if scale.log else text.get("gap", "f − f*")
    data = [dict(type="surface",
        x=_f32(xs[::stride]), y=_f32(ys[::stride]), z=zs, colorscale=SURFACE_COLORSCALE,
        cmin=scale.zmin, cmax=scale.zmax, showscale=False, opacity=0.92, name="f",
        contours=dict(z=dict(show=True, usecolormap=False, color="rgba(60,70,90,0.3)",
                             width=1, project=dict(z=False))),
        hovertemplate="x=%{x:.3g}, y=%{y:.3g}<br>" + z_title + " = %{z:.3g}<extra></extra>",
    )]
    lift = 0.025 * (scale.zmax - scale.zmin)  # above the coarse mesh, which overestimates f
    for run in runs:
        n = _inside_prefix(run.path, bounds)
        if n == 0:
            continue
        idx = decimate(n, max_path_points)
        p = run.path[idx]
        z = scale.transform(run.losses[idx]) + lift
        data.append(dict(type="scatter3d",
            x=_f32(p[:, 0]), y=_f32(p[:, 1]), z=_f32(z), mode="lines", name=run.label,
            line=dict(color=run.color, width=5, dash=run.dash),
            hovertemplate=run.label + "<br>x=%{x:.3g}, y=%{y:.3g}<extra></extra>",
        ))
    if minima and min_value is not None:
        m = np.asarray(minima, dtype=np.float64).reshape(-1, 2)
        zm = scale.transform(np.full(len(m), min_value)) + lift
        data.append(dict(type="scatter3d",
            x=_f32(m[:, 0]), y=_f32(m[:, 1]), z=_f32(zm), mode="markers", name=text["minima"],
            marker=dict(symbol="diamond", size=5, color="#ffd21f", line=dict(color="#222")),
        ))
    layout = dict(
        height=height, font=FONT, paper_bgcolor="white", margin=dict(l=0, r=0, t=30, b=0),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
        scene=dict(
            xaxis=dict(title=dict(text="x"), range=list(bounds[0])),
            yaxis=dict(title=dict(text="y"), range=list(bounds[1])),
            zaxis=dict(title=dict(text=z_title), range=[scale.zmin, scale.zmax + 2 * lift]),
            # far enough that the box and its tick labels fit a half-width column
            aspectmode="manual", aspectratio=dict(x=1.0, y=1.0, z=0.55),
            camera=dict(eye=dict(x=-1.35, y=-1.6, z=1.05)),
        ),
    )
    return _figure(data, layout)


def loss_figure(runs: list[RunView], f_ref: float, *, text: dict, max_points: int = 400,
                height: int = 360, uirevision: str | None = None,
                legend_link: str | None = None) -> go.Figure:
    """f − f* per step for every optimizer, on a log axis (values below 1e-16·scale are floored
    there, so the curve stays visible when an optimizer hits the minimum exactly).
    ``uirevision`` as in ``race_scene``: zoom and legend choices last while it does. With
    ``legend_link`` the curves follow the legend of the race with the same link and show no
    legend of their own (the live chart shows it where it cannot link legends)."""
    all_gaps = np.concatenate([r.losses - f_ref for r in runs]) if runs else np.zeros(1)
    top = float(np.max(all_gaps)) if all_gaps.size else 1.0
    floor = max(abs(top), 1e-300) * 1e-16
    data = []
    for run in runs:
        idx = decimate(len(run.losses), max_points)
        gap = np.maximum(run.losses[idx] - f_ref, floor)
        data.append(dict(type="scatter",
            x=idx.astype(np.int32), y=_f32(gap), mode="lines", name=run.label,
            legendgroup=run.name, line=dict(color=run.color, width=2, dash=run.dash),
            hovertemplate=(run.label + "<br>" + text["step"] + " %{x}<br>" + text["gap"]
                           + " = %{y:.3e}<extra></extra>"),
        ))
        if run.diverged_at is not None:
            data.append(dict(type="scatter",
                x=np.array([len(run.losses) - 1], np.int32),
                y=np.array([max(run.losses[-1] - f_ref, floor)], np.float32),
                mode="markers", showlegend=False, name=run.label, legendgroup=run.name,
                marker=dict(symbol="x", size=12, color=run.color),
                hovertemplate=text["diverged"].format(label=run.label, step=run.diverged_at)
                + "<extra></extra>",
            ))
    layout = dict(
        height=height, font=FONT, paper_bgcolor="white", plot_bgcolor="white",
        margin=dict(l=70, r=20, t=30, b=50), hovermode="x unified",
        xaxis=dict(title=dict(text=text["step"]), showgrid=True, gridcolor="#eee",
                   zeroline=False, showline=True, linecolor="#999"),
        # automargin: lecture mode's larger tick labels push the title out, not under it
        yaxis=dict(title=dict(text=text["gap"]), type="log", showgrid=True, gridcolor="#eee",
                   exponentformat="power", showline=True, linecolor="#999", automargin=True),
        legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"),
        uirevision=uirevision,
    )
    if legend_link:
        layout.update(showlegend=False, meta={LEGEND_LINK: legend_link})
    return _figure(data, layout)


def _arrow_lengths(v: np.ndarray, size: float) -> np.ndarray:
    """Arrows of a kind share one scale: the longest gets ``size``; lengths are compressed by a
    square root (magnitudes span decades on most surfaces) with a visible minimum."""
    norm = np.hypot(v[:, 0], v[:, 1])
    top = float(norm.max()) if norm.size else 0.0
    if not top > 0:
        return np.zeros_like(v)
    length = size * (0.25 + 0.75 * np.sqrt(norm / top))
    with np.errstate(invalid="ignore", divide="ignore"):
        unit = np.where(norm[:, None] > 0, v / norm[:, None], 0.0)
    return unit * length[:, None]


def zoom_window(path: np.ndarray, bounds, pad: float = 0.12):
    """The path's bounding box, padded and kept inside ``bounds``: ((x0, x1), (y0, y1))."""
    (bx0, bx1), (by0, by1) = bounds
    lo, hi = path.min(axis=0), path.max(axis=0)
    margin = pad * np.maximum(hi - lo, 0.02 * np.array([bx1 - bx0, by1 - by0]))
    vx0, vx1 = max(bx0, lo[0] - margin[0]), min(bx1, hi[0] + margin[0])
    vy0, vy1 = max(by0, lo[1] - margin[1]), min(by1, hi[1] + margin[1])
    if not (vx1 - vx0 > 1e-9 and vy1 - vy0 > 1e-9):
        return (float(bx0), float(bx1)), (float(by0), float(by1))
    return (float(vx0), float(vx1)), (float(vy0), float(vy1))


def internals_arrows_figure(
    xs, ys, scale: ContourScale, run: RunView, grads: np.ndarray, memory: np.ndarray | None,
    *, window, text: dict, n_arrows: int = 24, height: int = 460,
    layers: tuple[dict, dict] | None = None,
) -> go.Figure:
    """The chosen optimizer's path, zoomed, with two arrows at evenly spaced steps:
    −gradient (grey: where plain descent points) and the optimizer's memory (its colour: the
    velocity or first moment, or the step actually taken when it keeps none). Each kind is scaled
    to its own largest arrow, so directions and relative sizes over time can be compared."""
    path = run.path
    k = len(grads)
    (vx0, vx1), (vy0, vy1) = window
    size = 0.12 * max(vx1 - vx0, vy1 - vy0)

    idx = decimate(len(path), 500)
    p = path[idx]
    image, bar = layers if layers is not None else surface_layers(xs, ys, scale, colorbar=False)
    data = [
        bar,
        # the path pale, so the optimizer's own arrows (full colour) stand out on it, also for
        # SGD, whose colour is black
        dict(type="scatter", x=_f32(p[:, 0]), y=_f32(p[:, 1]), mode="lines", name=run.label,
             line=dict(color=_tint(run.color, 0.6), width=2), showlegend=False,
             hovertemplate="x=%{x:.4g}, y=%{y:.4g}<extra></extra>"),
    ]
    if k:
        at = np.unique(np.linspace(0, k - 1, min(n_arrows, k)).round().astype(np.int64))
        # the optimizer's own arrows first, the thinner grey −gradient drawn over them
        kinds = ((memory, run.color, 2.6, 11, text["memory"]),
                 (-grads, "rgba(120,120,120,0.95)", 1.3, 8, text["neg_grad"]))
        for vecs, color, width, head, name in kinds:
            if vecs is None:
                continue
            data.append(_arrow_trace(path[at], _arrow_lengths(vecs[at], size), color, width,
                                     head, name))
    layout = dict(
        height=height, font=FONT, paper_bgcolor="white", plot_bgcolor="white",
        margin=dict(l=55, r=10, t=30, b=45), hovermode="closest", images=[image],
        xaxis=_axis("x", (vx0, vx1)), yaxis=_axis("y", (vy0, vy1)),
        legend=dict(orientation="h", x=0, y=1.01, yanchor="bottom"),
    )
    return _figure(data, layout)


def _tint(color: str, amount: float) -> str:
    """``color`` (#rrggbb) mixed with white: amount 0 keeps it, 1 gives white."""
    r, g, b = (round(c + (255 - c) * amount) for c in _hex_rgb(color))
    return f"rgb({r},{g},{b})"


def _arrow_trace(starts: np.ndarray, deltas: np.ndarray, color: str, width: float, head: int,
                 name: str) -> dict:
    """Arrows as one scatter trace: segments separated by gaps (null), an arrow-head marker at
    each tip turned along its segment (far cheaper to draw than one annotation per arrow)."""
    keep = np.hypot(deltas[:, 0], deltas[:, 1]) > 0
    starts, deltas = starts[keep], deltas[keep]
    xs, ys, sizes = [], [], []
    for (x, y), (dx, dy) in zip(starts.tolist(), deltas.tolist(), strict=True):
        xs += [x, x + dx, None]
        ys += [y, y + dy, None]
        sizes += [0, head, 0]
    return dict(type="scatter", x=xs, y=ys, mode="lines+markers", name=name,
                line=dict(color=color, width=width),
                marker=dict(symbol="arrow", angleref="previous", size=sizes, color=color,
                            line=dict(width=0), opacity=1),
                hoverinfo="skip", connectgaps=False)


def step_size_figure(step_size: np.ndarray, lr: np.ndarray, run: RunView, *, text: dict,
                     max_points: int = 500, height: int = 460) -> go.Figure:
    """Per-coordinate effective step size (k, 2) over the steps, with the scheduled α dashed.

    For AdaGrad this is α/(√h + ε), shrinking forever; for Adam (α/(1−β₁ᵗ))/(√v̂ + ε), whose
    early bias-correction boost is visible in the first steps.
    """
    k = len(step_size)
    idx = decimate(k, max_points)
    steps = (idx + 1).astype(np.int32)
    floor = 1e-300
    data = [
        dict(type="scatter", x=steps, y=_f32(np.maximum(lr[idx], floor)), mode="lines", name=text["lr"],
                   line=dict(color="#888", width=1.5, dash="dash"),
                   hovertemplate=text["step"] + " %{x}: α = %{y:.3g}<extra></extra>"),
        dict(type="scatter", x=steps, y=_f32(np.maximum(step_size[idx, 0], floor)), mode="lines",
                   name=text["coord_x"], line=dict(color=run.color, width=2.2),
                   hovertemplate=text["step"] + " %{x}: %{y:.3g}<extra></extra>"),
        dict(type="scatter", x=steps, y=_f32(np.maximum(step_size[idx, 1], floor)), mode="lines",
                   name=text["coord_y"], line=dict(color=run.color, width=2.2, dash="dot"),
                   hovertemplate=text["step"] + " %{x}: %{y:.3g}<extra></extra>"),
    ]
    layout = dict(
        height=height, font=FONT, paper_bgcolor="white", plot_bgcolor="white",
        margin=dict(l=70, r=10, t=30, b=45), hovermode="x unified",
        xaxis=dict(title=dict(text=text["step"]), showgrid=True, gridcolor="#eee",
                   showline=True, linecolor="#999", zeroline=False),
        yaxis=dict(title=dict(text=text["step_size"]), type="log", showgrid=True,
                   gridcolor="#eee", exponentformat="power", showline=True, linecolor="#999",
                   dtick="D2"),
        legend=dict(orientation="h", x=0, y=1.01, yanchor="bottom"),
    )
    return _figure(data, layout)
