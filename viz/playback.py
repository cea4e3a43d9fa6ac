"""Playback through a sequence of frames: the data, and its Plotly-frames form.

A :class:`Player` says either "frame j sets trace ``trace``'s x and y to ``x[j]`` and ``y[j]``"
(the optimizer race's comets) or "frame j sets the source of layout image ``image`` to
``images[j]``" (the playground's boundary picture). The lab's live chart (ui.live_chart) plays
both in the browser with the same play button and step slider under the plot: the figure then
carries no frames, no slider and no buttons, which Plotly would otherwise lay out again on
every update (measuring every step label) while the student is moving a run setting.
:func:`with_plotly_frames` turns the same player into Plotly's own animation (frames, an
update-menu and a slider), for ``st.plotly_chart``, the take-away HTML, notebooks and
``fig.show()``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

REDRAW_FRAME = "redraw"  # name of the empty frame every Plotly animation ends on
# layout.meta key: the live chart (ui.live_chart) gives the charts of a page with the same value
# one legend: a legendgroup shown or hidden in one of them is shown or hidden in all.
LEGEND_LINK = "legend_link"


@dataclass(frozen=True, eq=False)
class Player:
    """Frames of one trace (``x``, ``y``: (frames, points), float32) or of one layout image
    (``images``: one picture source, e.g. a PNG data URI, per frame; ``trace`` None).
    labels: one per frame (the step shown as "<prefix> <label>"); start: the frame the figure
    shows and the player opens at (None: the last; Play goes on from there, from the first
    when it is the last); frame_ms: time per frame when playing; play/pause: button texts."""

    trace: int | None
    labels: tuple[str, ...]
    x: np.ndarray | None = None
    y: np.ndarray | None = None
    images: tuple[str, ...] | None = None
    image: int = 0
    start: int | None = None
    frame_ms: int = 80
    prefix: str = "step"
    play: str = "▶ play"
    pause: str = "❚❚ pause"

    def __post_init__(self):
        n = len(self.labels)
        if self.images is not None:
            if self.trace is not None or self.x is not None or self.y is not None:
                raise ValueError("a player moves either a trace's x and y or a layout image")
            if len(self.images) != n:
                raise ValueError(f"one picture per label: {len(self.images)} for {n} labels")
            object.__setattr__(self, "images", tuple(self.images))
        else:
            x, y = np.asarray(self.x), np.asarray(self.y)
            if self.trace is None or x.ndim != 2 or x.shape != y.shape or x.shape[0] != n:
                raise ValueError(f"a trace and x, y as (frames, points) with one label per "
                                 f"frame, got {self.trace}, {x.shape}, {y.shape} and {n} labels")
            object.__setattr__(self, "x", np.ascontiguousarray(x, dtype=np.float32))
            object.__setattr__(self, "y", np.ascontiguousarray(y, dtype=np.float32))
        if self.start is not None and not 0 <= self.start < max(n, 1):
            raise ValueError(f"start frame {self.start} is not one of the {n} frames")

    @property
    def first(self) -> int:
        """The frame shown first: ``start``, or the last frame."""
        return max(len(self.labels) - 1, 0) if self.start is None else self.start

    def to_json(self) -> dict:
        """What the live chart's player reads (arrays become typed-array specs on the wire)."""
        out = {"trace": self.trace, "labels": list(self.labels), "start": self.first,
               "frame_ms": self.frame_ms, "prefix": self.prefix, "play": self.play,
               "pause": self.pause}
        if self.images is not None:
            return {**out, "images": list(self.images), "image": self.image}
        return {**out, "x": self.x, "y": self.y}


CONTROLS_PX = 70  # room under the plot for Plotly's buttons and slider


def _frames(fig: go.Figure, player: Player) -> list[dict]:
    """One Plotly frame per step: the x and y of the player's trace, or the layout images with
    the player's picture in its place (a frame's layout array replaces the figure's)."""
    names = list(player.labels)
    if player.images is None:
        return [dict(name=nm, traces=[player.trace], data=[dict(type="scatter", x=x, y=y)])
                for nm, x, y in zip(names, player.x, player.y, strict=True)]
    images = [im.to_plotly_json() for im in fig.layout.images]

    def with_source(src: str) -> list[dict]:
        return [{**im, "source": src} if i == player.image else im for i, im in enumerate(images)]

    return [dict(name=nm, layout=dict(images=with_source(src)))
            for nm, src in zip(names, player.images, strict=True)]


def _controls_y(layout) -> tuple[float, float]:
    """Paper y of the slider and of the buttons: just under what the bottom margin held
    before (tick labels, the axis title), counted in pixels when the figure's height is
    known. At fixed fractions of the plot they ran over the axis title of a short plot (the
    playground's square map)."""
    m = layout.margin
    t, b = (100 if m.t is None else m.t), (80 if m.b is None else m.b)
    plot = (layout.height or 0) - t - b - CONTROLS_PX
    if plot <= 0:
        return -0.08, -0.11
    return -(b + 4) / plot, -(b + 18) / plot


def with_plotly_frames(fig: go.Figure, player: Player, *, slider_y: float | None = None,
                       buttons_y: float | None = None) -> go.Figure:
    """``fig`` with Plotly's own playback of ``player``: one frame per step (only x and y of
    the player's trace, or the layout images), a ▶/❚❚ update menu and a step slider that
    scrubs; it opens at the player's first frame and plays on from there.

    Plotly stops delivering hover events after an animation that ends without a redraw, so
    every animation ends on an empty frame (REDRAW_FRAME) drawn with redraw=True; and a slider
    step animates exactly one frame with a redraw, or the slider would stop following playback.
    A picture's frames are drawn with a redraw each (a layout change needs one; there is no
    trace data to redraw). The bottom margin grows by CONTROLS_PX to make room for the
    controls, which go under what the margin held (``slider_y``/``buttons_y``: paper y of
    their tops, to place them yourself)."""
    names = list(player.labels)
    auto_slider, auto_buttons = _controls_y(fig.layout)
    slider_y = auto_slider if slider_y is None else slider_y
    buttons_y = auto_buttons if buttons_y is None else buttons_y
    frames = _frames(fig, player)
    frames.append(dict(name=REDRAW_FRAME, data=[], traces=[]))
    redraw = dict(duration=0, redraw=True)
    first = player.first
    played = names[first:] if first < len(names) - 1 else names
    play = [played + [REDRAW_FRAME], dict(
        frame=[dict(duration=player.frame_ms, redraw=player.images is not None)] * len(played)
        + [redraw], transition=dict(duration=0), mode="immediate")]
    pause = [[REDRAW_FRAME], dict(frame=redraw, transition=dict(duration=0), mode="immediate")]

    def scrub(nm):
        return [[nm], dict(frame=redraw, transition=dict(duration=0), mode="immediate")]

    font = fig.layout.font.to_plotly_json() if fig.layout.font else {}
    fig.update_layout(
        margin_b=(fig.layout.margin.b or 0) + CONTROLS_PX,
        updatemenus=[dict(
            type="buttons", direction="left", x=0, y=buttons_y, xanchor="left", yanchor="top",
            pad=dict(t=0, r=0), showactive=False, font=dict(size=12),
            buttons=[dict(label=player.play, method="animate", args=play),
                     dict(label=player.pause, method="animate", args=pause)],
        )],
        sliders=[dict(
            active=first, x=0.3, len=0.7, y=slider_y, yanchor="top",
            pad=dict(t=0, b=0),
            currentvalue=dict(prefix=player.prefix + " ", xanchor="right", offset=6,
                              font=dict(size=13, color=font.get("color", "#222"))),
            # tick labels hidden (dozens would overlap); the current step is shown above
            transition=dict(duration=0), ticklen=3, font=dict(size=8, color="rgba(0,0,0,0)"),
            steps=[dict(label=nm, method="animate", args=scrub(nm)) for nm in names],
        )],
    )
    fig.frames = frames
    return fig
