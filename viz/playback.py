"""Playback of one trace through a sequence of frames: the data, and its Plotly-frames form.

A :class:`Player` says "frame j sets trace ``trace``'s x and y to ``x[j]`` and ``y[j]``". The
lab's live chart (ui.live_chart) plays it in the browser with its own play button and step
slider under the plot: the figure then carries no frames, no slider and no buttons, which
Plotly would otherwise lay out again on every update (measuring every step label) while the
student is moving a run setting. :func:`with_plotly_frames` turns the same player into Plotly's
own animation (frames, an update-menu and a slider), for ``st.plotly_chart``, notebooks and
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
    """Frames for one trace: x, y (frames, points) float32; labels: one per frame (the step
    shown as "<prefix> <label>"); frame_ms: time per frame when playing; play/pause: button
    texts. The figure itself shows the last frame."""

    trace: int
    labels: tuple[str, ...]
    x: np.ndarray
    y: np.ndarray
    frame_ms: int = 80
    prefix: str = "step"
    play: str = "▶ play"
    pause: str = "❚❚ pause"

    def __post_init__(self):
        x, y = np.asarray(self.x), np.asarray(self.y)
        if x.ndim != 2 or x.shape != y.shape or x.shape[0] != len(self.labels):
            raise ValueError(f"x and y must be (frames, points) with one label per frame, got "
                             f"{x.shape}, {y.shape} and {len(self.labels)} labels")
        object.__setattr__(self, "x", np.ascontiguousarray(x, dtype=np.float32))
        object.__setattr__(self, "y", np.ascontiguousarray(y, dtype=np.float32))

    def to_json(self) -> dict:
        """What the live chart's player reads (arrays become typed-array specs on the wire)."""
        return {"trace": self.trace, "labels": list(self.labels), "x": self.x, "y": self.y,
                "frame_ms": self.frame_ms, "prefix": self.prefix, "play": self.play,
                "pause": self.pause}


CONTROLS_PX = 70  # room under the plot for Plotly's buttons and slider


def with_plotly_frames(fig: go.Figure, player: Player, *, slider_y: float = -0.08,
                       buttons_y: float = -0.11) -> go.Figure:
    """``fig`` with Plotly's own playback of ``player``: one frame per step (only x and y of
    the player's trace), a ▶/❚❚ update menu and a step slider that scrubs.

    Plotly stops delivering hover events after an animation that ends without a redraw, so
    every animation ends on an empty frame (REDRAW_FRAME) drawn with redraw=True; and a slider
    step animates exactly one frame with a redraw, or the slider would stop following playback.
    The bottom margin grows by CONTROLS_PX to make room for the controls."""
    names = list(player.labels)
    frames = [dict(name=nm, traces=[player.trace], data=[dict(type="scatter", x=x, y=y)])
              for nm, x, y in zip(names, player.x, player.y, strict=True)]
    frames.append(dict(name=REDRAW_FRAME, data=[], traces=[]))
    redraw = dict(duration=0, redraw=True)
    play = [names + [REDRAW_FRAME], dict(
        frame=[dict(duration=player.frame_ms, redraw=False)] * len(names) + [redraw],
        transition=dict(duration=0), mode="immediate")]
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
            active=len(names) - 1, x=0.3, len=0.7, y=slider_y, yanchor="top",
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
