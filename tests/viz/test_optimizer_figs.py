"""The optimizer lab's figures: defects a student saw, each with the check that catches it."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from nncore.expr import expression_surface
from nncore.optim import OPTIMIZERS, descend, make_optimizer
from nncore.surfaces import SURFACES, surface_grid
from viz.optimizer_figs import (
    RunView,
    _levels,
    contour_image,
    contour_scale,
    divergence_markers,
    race_scene,
    surface3d_figure,
)

TEXT = {"start": "start", "minima": "global minimum", "saddle": "saddle point", "play": "▶",
        "pause": "❚❚", "step": "step", "diverged": "{label} ✕ step {step}", "gap": "f − f*"}


def _view(name, surf, start, lr, steps=50):
    d = descend(surf.grad, start, make_optimizer(name, lr=lr), steps, loss_fn=surf.f)
    spec = OPTIMIZERS[name]
    return RunView(name, spec.label, d.path, d.losses, d.diverged_at, spec.color, spec.dash)


def test_the_saddle_map_fills_its_axes():
    """The map covers y in [-1.6, 1.6]; a scale anchor once let the y axis run to ±2.1 (white
    bands that read as f − f* ≈ 0). The axes can never show past the picture."""
    surf = SURFACES["saddle"]
    xs, ys, Z = surface_grid(surf, 60)
    views = [_view("sgd", surf, surf.start, 0.05)]
    fig, _ = race_scene(xs, ys, contour_scale(Z, surf.min_value), views, bounds=surf.bounds,
                        minima=surf.minima, saddles=surf.saddles, start=surf.start,
                        total_steps=50, text=TEXT)
    go.Figure(fig.to_dict())
    lay = fig.layout
    (x0, x1), (y0, y1) = surf.bounds
    assert lay.yaxis.scaleanchor is None and lay.xaxis.scaleanchor is None
    assert tuple(lay.xaxis.range) == (x0, x1) and tuple(lay.yaxis.range) == (y0, y1)
    assert (lay.xaxis.minallowed, lay.xaxis.maxallowed) == (x0, x1)
    assert (lay.yaxis.minallowed, lay.yaxis.maxallowed) == (y0, y1)
    image = lay.images[0]
    assert image.x == x0 and image.sizex == x1 - x0 and image.y == y1 and image.sizey == y1 - y0


def test_stopped_paths_at_one_spot_share_one_label():
    """exp(x² + y²) stops SGD, Momentum and Nesterov at step 1 at the same point: their "✕ step
    1" labels once piled on each other."""
    surf = expression_surface("exp(x**2 + y**2)")
    views = [_view(n, surf, (3.0, 3.0), 0.01) for n in ("sgd", "momentum", "nesterov")]
    views.append(_view("adam", surf, (3.0, 3.0), 0.05))
    assert [v.diverged_at for v in views] == [1, 1, 1, None]
    markers = divergence_markers(views, surf.bounds, TEXT["diverged"])
    texts = [m["text"][0] for m in markers if m.get("text")]
    assert len(markers) == 3 and len(texts) == 1  # one ✕ per optimizer, one label
    assert texts[0].count("✕") == 3 and "SGD ✕ step 1" in texts[0]
    # apart, each keeps its own label
    far = [_view("sgd", surf, (3.0, 3.0), 0.01), _view("momentum", surf, (-3.0, -3.0), 0.01)]
    assert sum(bool(m.get("text")) for m in divergence_markers(far, surf.bounds, "{label}")) == 2


def test_a_fast_growing_formula_still_shows_its_contours():
    """exp(x² + y²) spans 21 decades: the log offset was tied to the maximum (1e15), which
    painted almost the whole box in the lowest colour."""
    surf = expression_surface("exp(x**2 + y**2)")
    xs, ys, Z = surface_grid(surf, 100)
    scale = contour_scale(Z, float(np.min(Z)))
    assert scale.log
    _, n_bands = _levels(scale)
    img = contour_image(scale)
    colours, counts = np.unique(img.reshape(-1, 3), axis=0, return_counts=True)
    assert counts.max() / counts.sum() < 0.2 and len(colours) >= 10
    assert len(scale.tickvals) <= 9  # a readable colour bar, not one label per decade
    # Rosenbrock keeps its colours (the offset is still 1e-6 of its range there)
    _, _, Zr = surface_grid(SURFACES["rosenbrock"], 100)
    assert contour_scale(Zr, 0.0).delta == float(np.max(Zr)) * 1e-6


def test_lines_carry_each_optimizers_dash():
    surf = SURFACES["booth"]
    xs, ys, Z = surface_grid(surf, 40)
    views = [_view(n, surf, surf.start, 0.01) for n in ("adagrad", "rmsprop")]
    fig, _ = race_scene(xs, ys, contour_scale(Z, 0.0), views, bounds=surf.bounds,
                        start=surf.start, total_steps=50, text=TEXT)
    dashes = {t.name: t.line.dash for t in fig.data if t.mode == "lines"}
    assert dashes == {"AdaGrad": OPTIMIZERS["adagrad"].dash, "RMSProp": OPTIMIZERS["rmsprop"].dash}
    assert dashes["AdaGrad"] != dashes["RMSProp"]


def test_3d_view_leaves_room_for_the_box():
    """The 3D box was cut off at the right edge: the camera stands back far enough."""
    surf = SURFACES["rosenbrock"]
    xs, ys, Z = surface_grid(surf, 40)
    fig = surface3d_figure(xs, ys, contour_scale(Z, 0.0), [_view("adam", surf, surf.start, 0.1)],
                           bounds=surf.bounds, text=TEXT)
    eye = fig.layout.scene.camera.eye
    ratio = fig.layout.scene.aspectratio
    # distance of the eye relative to the box's half-diagonal (≥ 2.2 fits a half-width column)
    half_diag = 0.5 * np.sqrt(ratio.x**2 + ratio.y**2 + ratio.z**2)
    assert np.sqrt(eye.x**2 + eye.y**2 + eye.z**2) / half_diag >= 2.2
