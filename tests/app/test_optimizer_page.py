"""Optimizer lab: AppTest runs of every surface, preset and optimizer, divergence handling,
no NaN/inf in any Plotly spec, the figures' structure, and a real-browser run with screenshots."""

from __future__ import annotations

from pathlib import Path

import app_util
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from labs.optimizers import STORIES, story_text
from nncore.optim import OPTIMIZERS, SCHEDULES, default_lr
from nncore.surfaces import SURFACES, quadratic_bowl, surface_grid
from viz.optimizer_figs import (
    RunView,
    contour_scale,
    decimate,
    frame_steps,
    loss_figure,
    race_figure,
    race_scene,
)
from viz.playback import LEGEND_LINK, REDRAW_FRAME

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "labs/optimizers.py"
TIMEOUT_S = 120


# ---- helpers --------------------------------------------------------------------------------


def open_lab(query: dict | None = None) -> AppTest:
    # query: a link with settings, as if pasted into the browser
    at = app_util.open_lab(PAGE, query=query, timeout=TIMEOUT_S)
    assert not at.exception, app_util.exception_text(at)
    return at


assert_clean_specs = app_util.assert_clean_figures


def summary(at: AppTest):
    """The summary table (its text) as a DataFrame with an "Optimizer" column."""
    tables = app_util.static_tables(at)
    assert len(tables) == 1, f"{len(tables)} summary tables"
    return tables[0]


def hp_value(at: AppTest, key: str) -> float:
    """A hyperparameter's value (kept in the session; its slider exists only while the
    optimizer's expander is open)."""
    return at.session_state[key]


def hp_slider(at: AppTest, key: str):
    """The slider of hyperparameter ``key`` (opt_<optimizer>_<hp>), its expander opened."""
    name = key.split("_")[1]
    at.session_state[f"opt_open_{name}"] = True  # what a click on the expander does
    at.run()
    return at.select_slider(key=key)


def warnings_text(at: AppTest) -> str:
    return "\n".join(str(w.value) for w in at.warning)


# ---- default page -------------------------------------------------------------------------


def test_default_page_has_every_chart_and_clean_specs():
    import plotly.graph_objects as go

    at = open_lab()
    charts = assert_clean_specs(at)
    for spec in charts:  # built without plotly.py's validation: must still be valid Plotly
        go.Figure(spec)
    assert len(charts) == 2  # race and loss; the summary table is the view below them
    race = charts[0]
    image = race["layout"]["images"][0]  # the map is a PNG under the traces
    assert image["source"].startswith("data:image/png;base64,") and image["layer"] == "below"
    assert race["data"][0]["marker"]["showscale"] is True  # ... with its colour bar
    # playback is the live chart's player (frames as two arrays), not Plotly frames and a
    # Plotly slider, which Plotly would lay out again on every update
    assert "frames" not in race and "sliders" not in race["layout"]
    player = race["player"]
    n_frames = len(player["labels"])
    assert player["labels"][-1] == "1000" and n_frames == len(frame_steps(1000))
    assert player["x"]["dtype"] == "f4" and player["x"]["shape"].replace(" ", "") == f"{n_frames},66"
    assert race["data"][player["trace"]]["mode"] == "markers"  # the comets: 6 × (10 + 1)
    names = {t.get("name") for t in race["data"]}
    for n in ("sgd", "momentum", "adam"):
        assert OPTIMIZERS[n].label in names
    assert "global minimum" in names and "start" in names
    assert not at.warning  # nothing diverges with the defaults
    assert len(summary(at)) == 6
    payload = app_util.payload_bytes(at)
    assert payload < 600_000  # the bench reports the exact figure; this only catches blow-ups


@pytest.mark.parametrize("surface", sorted(SURFACES))
def test_every_surface_runs(surface):
    at = open_lab()
    at.selectbox(key="opt_surface").set_value(surface).run()
    assert not at.exception
    assert_clean_specs(at)
    assert not at.warning, warnings_text(at)  # per-surface defaults never diverge
    start = SURFACES[surface].start
    assert at.number_input(key="opt_x0").value == pytest.approx(start[0], abs=1e-3)
    assert at.number_input(key="opt_y0").value == pytest.approx(start[1], abs=1e-3)


def test_surface_change_resets_hyperparameters_to_its_defaults():
    at = open_lab()
    at.selectbox(key="opt_surface").set_value("booth").run()
    assert hp_value(at, "opt_sgd_lr") == pytest.approx(default_lr("sgd", "booth"))
    hp_slider(at, "opt_sgd_lr").set_value(0.001).run()
    assert hp_value(at, "opt_sgd_lr") == 0.001 and at.query_params["opt_sgd_lr"] == "0.001"
    at.selectbox(key="opt_surface").set_value("himmelblau").run()
    assert hp_value(at, "opt_sgd_lr") == pytest.approx(default_lr("sgd", "himmelblau"))
    assert at.select_slider(key="opt_sgd_lr").value == hp_value(at, "opt_sgd_lr")


def test_hyperparameter_sliders_exist_only_in_an_open_expander_and_values_stay():
    at = open_lab()
    keys = [e.key for e in at.select_slider]
    assert not [k for k in keys if k.startswith(("opt_sgd", "opt_adam"))], keys
    hp_slider(at, "opt_adam_lr").set_value(0.005).run()
    table = summary(at)
    at.session_state["opt_open_adam"] = False  # closed again: the slider goes away ...
    at.run()
    assert "opt_adam_lr" not in [e.key for e in at.select_slider]
    assert hp_value(at, "opt_adam_lr") == 0.005  # ... its value and link stay
    assert at.query_params["opt_adam_lr"] == "0.005"
    at.select_slider(key="opt_steps").set_value(200).run()  # another run, same value
    assert hp_value(at, "opt_adam_lr") == 0.005
    at.select_slider(key="opt_steps").set_value(1000).run()
    assert summary(at).equals(table)


def test_a_start_point_outside_the_box_is_reset_before_the_race():
    """The race is computed before the run-settings row is drawn, from the values the
    session holds: an out-of-range start must already be the widget's own value by then."""
    at = open_lab()
    table = summary(at)
    at.session_state["opt_x0"] = 100.0  # Rosenbrock's box is x in [-2, 2]
    at.run()
    assert not at.exception
    assert at.number_input(key="opt_x0").value == pytest.approx(-1.5)
    assert summary(at).equals(table)


def test_condition_number_slider():
    at = open_lab()
    at.selectbox(key="opt_surface").set_value("quadratic").run()
    at.select_slider(key="opt_kappa").set_value(100).run()
    assert not at.exception
    assert any("100" in str(m.value) for m in at.markdown)


@pytest.mark.parametrize("preset", sorted(STORIES))
def test_every_preset_runs_and_tells_its_story(preset):
    at = open_lab()
    at.pills(key="opt_preset").set_value(preset).run()
    assert not at.exception
    assert_clean_specs(at)
    settings = STORIES[preset]
    assert at.selectbox(key="opt_surface").value == settings["opt_surface"]
    assert at.multiselect(key="opt_set").value == settings["opt_set"]
    assert at.select_slider(key="opt_steps").value == settings["opt_steps"]
    for key, value in settings.items():
        if key.endswith("_lr"):
            assert hp_value(at, key) == pytest.approx(value)
    assert [str(s.value) for s in at.success] == [story_text(preset, "en")]
    if preset == "diverge":
        assert "SGD (step 70)" in warnings_text(at)
        assert "learning rate is too large" in warnings_text(at)
    else:
        assert not at.warning, warnings_text(at)


def test_changing_the_surface_clears_the_story():
    at = open_lab()
    at.pills(key="opt_preset").set_value("zigzag").run()
    at.selectbox(key="opt_surface").set_value("beale").run()
    assert at.pills(key="opt_preset").value is None
    assert not at.success


def test_huge_learning_rate_diverges_with_a_message_and_no_nan():
    at = open_lab()
    hp_slider(at, "opt_sgd_lr").set_value(10.0).run()
    assert not at.exception
    text = warnings_text(at)
    assert "SGD (step" in text and "learning rate is too large" in text
    charts = assert_clean_specs(at)
    race = charts[0]
    assert any("SGD ✕ step" in str(t.get("text")) for t in race["data"]), "divergence marker"
    # the other optimizers are unaffected
    table = summary(at)
    sgd = table[table["Optimizer"] == "SGD"].iloc[0]
    assert sgd["Stopped at step"] != "no"
    assert (table[table["Optimizer"] != "SGD"]["Stopped at step"] == "no").all()


def test_all_optimizers_schedules_noise_and_inspection():
    at = open_lab()
    at.multiselect(key="opt_set").set_value(list(OPTIMIZERS)).run()
    assert not at.exception
    assert len(summary(at)) == len(OPTIMIZERS)
    at.segmented_control(key="opt_below").set_value("internals").run()
    assert not app_util.static_tables(at), "one view at a time below the race"
    assert len(assert_clean_specs(at)) == 4  # + the internals: arrows and step sizes
    for name in OPTIMIZERS:
        at.selectbox(key="opt_inspect").set_value(name).run()
        assert not at.exception, name
    assert_clean_specs(at)
    for schedule in SCHEDULES:
        at.selectbox(key="opt_sched").set_value(schedule).run()
        assert not at.exception, schedule
    at.select_slider(key="opt_noise").set_value(1.0).run()
    assert not at.exception
    at.number_input(key="opt_seed").set_value(7).run()
    assert not at.exception
    assert_clean_specs(at)


def test_3d_view_toggle():
    import plotly.graph_objects as go

    at = open_lab()
    at.toggle(key="opt_3d").set_value(True).run()
    assert not at.exception
    charts = assert_clean_specs(at)
    go.Figure(charts[0])
    assert charts[0]["layout"]["scene"]["zaxis"]["title"]["text"].startswith("log")  # Rosenbrock
    assert charts[0]["data"][0]["type"] == "surface"
    assert any(t["type"] == "scatter3d" for t in charts[0]["data"])


def test_custom_formula_valid_invalid_and_partly_undefined():
    at = open_lab()
    at.selectbox(key="opt_surface").set_value("custom").run()
    assert not at.exception
    assert_clean_specs(at)
    at.text_input(key="opt_expr").set_value("__import__('os').system('ls')").run()
    assert not at.exception
    assert at.error and "not allowed" in str(at.error[0].value)
    at.text_input(key="opt_expr").set_value("9**9**9").run()
    assert at.error and "exponent" in str(at.error[0].value)
    at.text_input(key="opt_expr").set_value("log(x) + y**2").run()  # undefined for x <= 0
    assert not at.exception and not at.error
    assert any("not defined" in str(i.value) for i in at.info)
    assert_clean_specs(at)
    at.text_input(key="opt_expr").set_value("(x - 1)**2 + 3*(y + 2)**2").run()
    at.select_slider(key="opt_width").set_value(3.0).run()
    assert not at.exception
    assert_clean_specs(at)


def test_settings_come_from_the_url():
    # Streamlit writes a bound widget's displayed option into the URL (e.g. "Beale", "Adam")
    at = open_lab({"opt_surface": "Beale", "opt_set": ["Adam", "SGD"], "opt_steps": "200",
                   "opt_adam_lr": "0.02"})
    assert at.selectbox(key="opt_surface").value == "beale"
    assert at.select_slider(key="opt_steps").value == 200
    assert hp_value(at, "opt_adam_lr") == pytest.approx(0.02)
    assert hp_slider(at, "opt_adam_lr").value == pytest.approx(0.02)
    assert at.query_params["opt_adam_lr"] == "0.02"  # still in the link
    assert set(at.multiselect(key="opt_set").value) == {"adam", "sgd"}
    assert len(summary(at)) == 2


def test_update_rules_are_typeset_only_when_opened():
    at = open_lab()
    assert len(at.latex) == 1  # the surface's formula; the closed expander holds nothing
    at.session_state["opt_rules"] = True  # what opening the expander does
    at.run()
    formulas = [e.value.strip("$\n") for e in at.latex]
    assert len(formulas) == 1 + len(at.multiselect(key="opt_set").value)
    assert OPTIMIZERS["adam"].formula in formulas


def test_the_view_below_the_race_comes_from_the_url():
    at = open_lab({"opt_below": "Inside one optimizer", "opt_inspect": "Momentum"})
    assert at.segmented_control(key="opt_below").value == "internals"
    assert at.selectbox(key="opt_inspect").value == "momentum"
    assert not app_util.static_tables(at) and len(assert_clean_specs(at)) == 4


def test_a_preset_round_trips_through_the_url():
    at = open_lab()
    at.pills(key="opt_preset").set_value("saddle").run()
    table = summary(at)
    link = dict(at.query_params)
    assert link, "the preset's settings must be in the URL"
    again = open_lab(link)
    assert again.selectbox(key="opt_surface").value == "saddle"
    assert again.number_input(key="opt_y0").value == pytest.approx(0.001)
    assert summary(again).equals(table)


# ---- the figures on their own ------------------------------------------------------------


def _views(surface, steps=300):
    from nncore.optim import descend, make_optimizer

    out = []
    for name, lr in (("sgd", 10.0), ("adam", 0.1)):
        d = descend(surface.grad, surface.start, make_optimizer(name, lr=lr), steps,
                    loss_fn=surface.f)
        out.append(RunView(name, OPTIMIZERS[name].label, d.path, d.losses, d.diverged_at))
    return out


FIG_TEXT = {"start": "start", "minima": "global minimum", "play": "▶", "pause": "❚❚",
            "step": "step", "diverged": "{label} ✕ step {step}", "gap": "f − f*"}


def test_race_figure_frames_and_divergence_marker():
    import plotly.graph_objects as go

    surf = SURFACES["rosenbrock"]
    views = _views(surf)
    assert views[0].diverged_at is not None and views[1].diverged_at is None
    xs, ys, Z = surface_grid(surf, 60)
    fig = race_figure(xs, ys, contour_scale(Z, 0.0), views, bounds=surf.bounds,
                      minima=surf.minima, start=surf.start, total_steps=300, text=FIG_TEXT,
                      n_trail=10)
    go.Figure(fig.to_dict())  # built without validation for speed: it must still be valid
    steps = frame_steps(300)
    assert len(fig.frames) == len(steps) + 1 <= 61
    # the last frame is the empty one every animation ends on (a redraw keeps clicks alive)
    assert fig.frames[-1].name == REDRAW_FRAME and not fig.frames[-1].data
    play = fig.layout.updatemenus[0].buttons[0].args
    assert play[0][-1] == REDRAW_FRAME and play[1]["frame"][-1]["redraw"] is True
    assert not any(f["redraw"] for f in play[1]["frame"][:-1])  # playback itself never redraws
    # every other frame moves one trace (the comet), never the contour or the paths
    comet_index = fig.frames[0].traces[0]
    assert all(tuple(f.traces) == (comet_index,) for f in fig.frames[:-1]) and comet_index > 0
    assert fig.data[comet_index].mode == "markers"
    last = np.column_stack([fig.frames[-2].data[0].x, fig.frames[-2].data[0].y]).reshape(2, 11, 2)
    np.testing.assert_allclose(last[1, -1], views[1].path[-1], rtol=1e-6)  # Adam's head
    np.testing.assert_allclose(last[0, -1], views[0].path[-1], rtol=1e-6)  # SGD stays put
    mid = len(steps) // 2
    pts = np.column_stack([fig.frames[mid].data[0].x, fig.frames[mid].data[0].y])
    np.testing.assert_allclose(pts[21], views[1].path[steps[mid]], rtol=1e-6)
    marker = [t for t in fig.data if t.text and "✕" in t.text[0]]
    assert len(marker) == 1
    (x0, x1), (y0, y1) = surf.bounds
    assert x0 <= marker[0].x[0] <= x1 and y0 <= marker[0].y[0] <= y1  # clipped into view


def test_race_scene_player_is_what_the_plotly_frames_show():
    surf = SURFACES["rosenbrock"]
    views = _views(surf)
    xs, ys, Z = surface_grid(surf, 60)
    args = (xs, ys, contour_scale(Z, 0.0), views)
    kw = dict(bounds=surf.bounds, minima=surf.minima, start=surf.start, total_steps=300,
              text=FIG_TEXT, n_trail=10)
    fig, player = race_scene(*args, **kw)
    assert not fig.frames and not fig.layout.sliders and not fig.layout.updatemenus
    framed = race_figure(*args, **kw)
    assert player.labels == tuple(f.name for f in framed.frames[:-1])
    for j, frame in enumerate(framed.frames[:-1]):
        np.testing.assert_array_equal(player.x[j], frame.data[0].x)
        np.testing.assert_array_equal(player.y[j], frame.data[0].y)
    # the figure shows the last frame
    np.testing.assert_array_equal(fig.data[player.trace].x, player.x[-1])
    np.testing.assert_array_equal(fig.data[player.trace].y, player.y[-1])
    assert player.prefix == FIG_TEXT["step"] and player.play == FIG_TEXT["play"]


def _comet_points(path: np.ndarray, s_prev: int, s_now: int, n_trail: int) -> np.ndarray:
    """Reference for one frame of viz.optimizer_figs.comet_indices, written plainly:
    (n_trail + 1, 2) points, the iterates after step ``s_prev`` up to ``s_now`` (evenly thinned to n_trail,
    padded with the point at s_prev), then the head."""
    last = len(path) - 1
    a, b = min(s_prev, last), min(s_now, last)
    seg = path[a + 1: b] if b > a + 1 else path[:0]
    if len(seg) > n_trail:
        seg = seg[np.linspace(0, len(seg) - 1, n_trail).round().astype(np.int64)]
    pad = np.repeat(path[a][None, :], n_trail - len(seg), axis=0)
    return np.vstack([pad, seg, path[b][None, :]])


def test_comet_points_are_the_iterates_between_frames():
    comet_points = _comet_points
    path = np.column_stack([np.arange(50.0), np.zeros(50)])
    pts = comet_points(path, 10, 15, 10)
    assert pts.shape == (11, 2)
    assert pts[-1, 0] == 15 and list(pts[-5:-1, 0]) == [11, 12, 13, 14]
    assert np.all(pts[:6, 0] == 10)  # padding sits on the previous frame's point
    thin = comet_points(path, 0, 40, 10)
    assert thin[-1, 0] == 40 and np.all(np.diff(thin[:, 0]) >= 0)
    short = comet_points(path[:5], 2, 30, 10)  # a diverged path stops at its last point
    assert short[-1, 0] == 4


@pytest.mark.parametrize("n_path,total,n_trail", [(1001, 1000, 10), (40, 1000, 10),
                                                   (5, 30, 10), (1, 10, 10), (301, 300, 1),
                                                   (5001, 5000, 3), (61, 60, 10)])
def test_comet_indices_match_comet_points(n_path, total, n_trail):
    from viz.optimizer_figs import comet_indices, frame_steps

    comet_points = _comet_points

    path = np.column_stack([np.arange(float(n_path)), -np.arange(float(n_path))])
    steps = frame_steps(total)
    prev = np.concatenate([[0], steps[:-1]])
    idx = comet_indices(n_path - 1, prev, steps, n_trail)
    assert idx.shape == (len(steps), n_trail + 1)
    for j in range(len(steps)):
        assert np.array_equal(path[idx[j]], comet_points(path, prev[j], steps[j], n_trail)), j


def test_contour_image_is_a_valid_png_of_the_bands():
    from png_util import read_png

    from viz.optimizer_figs import contour_image
    from viz.raster import png_bytes

    surf = SURFACES["himmelblau"]
    xs, ys, Z = surface_grid(surf, 80)
    img = contour_image(contour_scale(Z, 0.0))
    assert img.shape == (80, 80, 3) and img.dtype == np.uint8
    pixels, palette = read_png(png_bytes(img))
    assert palette is None
    np.testing.assert_array_equal(pixels, img)
    # orientation: row 0 of the image is the top of the box (largest y). With f = y the top
    # row has the highest band (darkest colour) and the bottom row the lowest (lightest).
    Y = np.repeat(np.linspace(0.0, 1.0, 50)[:, None], 50, axis=1)  # Z[i, j] = y_i
    ramp = contour_image(contour_scale(Y, 0.0, log=False))
    assert ramp[0, 25].sum() < ramp[-1, 25].sum()


def test_contour_scale_is_log_only_when_values_span_decades():
    for name, expect_log in (("rosenbrock", True), ("beale", True), ("quadratic", False),
                             ("rastrigin", False)):
        surf = SURFACES[name]
        _, _, Z = surface_grid(surf, 100)
        scale = contour_scale(Z, surf.min_value)
        assert scale.log is expect_log, name
        assert np.all(np.isfinite(scale.z)) and scale.z.dtype == np.float32
    _, _, Z = surface_grid(quadratic_bowl(20.0), 50)
    Z = Z.copy()
    Z[0, 0] = np.nan
    scale = contour_scale(Z, 0.0)
    assert scale.clipped and np.all(np.isfinite(scale.z))


def test_internals_figures_are_valid_plotly():
    import plotly.graph_objects as go

    from nncore.optim import descend, make_optimizer, state_history
    from viz.optimizer_figs import internals_arrows_figure, step_size_figure, zoom_window

    surf = SURFACES["beale"]
    d = descend(surf.grad, surf.start, make_optimizer("adam", lr=0.05), 200, record_state=True,
                loss_fn=surf.f)
    h = state_history(d)
    view = RunView("adam", "Adam", d.path, d.losses)
    window = zoom_window(d.path, surf.bounds)
    (wx0, wx1), (wy0, wy1) = window
    assert wx0 >= -4.5 and wx1 <= 4.5 and wx1 - wx0 < 9  # zoomed onto the path
    xs, ys, Z = surface_grid(surf, 40)
    text = dict(FIG_TEXT, neg_grad="−gradient", memory="memory", lr="α", coord_x="x",
                coord_y="y", step_size="step size")
    fig = internals_arrows_figure(xs, ys, contour_scale(Z, 0.0), view, d.grads, h["memory"],
                                  window=window, text=text, n_arrows=20)
    go.Figure(fig.to_dict())  # built without validation: must still be valid
    arrows = [t for t in fig.data if t.type == "scatter" and t.marker.symbol == "arrow"]
    assert [t.name for t in arrows] == ["memory", "−gradient"]
    for t in arrows:  # 20 arrows: start, tip, gap; a head at each tip only
        assert len(t.x) == 60 and list(t.marker.size[:3]) == [0, t.marker.size[1], 0]
        assert all(v is None for v in t.x[2::3])
    fig2 = step_size_figure(h["step_size"], h["lr"], view, text=text)
    assert fig2.layout.yaxis.type == "log" and len(fig2.data) == 3


def test_loss_figure_is_log_and_finite():
    views = _views(SURFACES["booth"])
    fig = loss_figure(views, 0.0, text=FIG_TEXT)
    assert fig.layout.yaxis.type == "log"
    assert fig.layout.showlegend is None and {t.legendgroup for t in fig.data} == {
        v.name for v in views}
    linked = loss_figure(views, 0.0, text=FIG_TEXT, legend_link="page")
    assert linked.layout.showlegend is False and linked.layout.meta == {LEGEND_LINK: "page"}
    for trace in fig.data:
        assert np.all(np.isfinite(np.asarray(trace.y, dtype=float)))
        assert np.all(np.asarray(trace.y, dtype=float) > 0)


def test_decimate_keeps_ends_and_head():
    idx = decimate(5001, 600)
    assert idx[0] == 0 and idx[-1] == 5000 and len(idx) <= 600
    assert np.all(np.diff(idx) > 0) and np.array_equal(idx[:200], np.arange(200))
    assert np.array_equal(decimate(10, 600), np.arange(10))


# ---- languages, stable ids, old links ------------------------------------------------------


def open_in(lang: str, query: dict | None = None) -> AppTest:
    at = app_util.open_lab(PAGE, state={"lang": lang}, query=query, timeout=TIMEOUT_S)
    assert not at.exception, app_util.exception_text(at)
    return at


def test_the_page_in_korean_and_english():
    from ui.strings.optimizers import T

    for lang in ("en", "ko"):
        at = open_in(lang)
        assert at.title[0].value == T("title", lang)
        assert at.selectbox(key="opt_surface").format_func("rosenbrock") == T(
            "surface.rosenbrock.label", lang)
        table = summary(at)
        assert list(table.columns)[0] == T("col_optimizer", lang)
        specs = assert_clean_specs(at)
        names = {t.get("name") for t in specs[0]["data"]}
        assert T("fig.start", lang) in names and T("fig.minima", lang) in names
        assert specs[0]["player"]["prefix"] == T("fig.step", lang)
        bar = specs[0]["data"][0]["marker"]["colorbar"]["title"]["text"]
        assert bar == T("fig.gap_log", lang)
        assert set(table[T("col_optimizer", lang)]) == {OPTIMIZERS[n].label for n in
                                                         ("sgd", "momentum", "nesterov",
                                                          "adagrad", "rmsprop", "adam")}
    ko = open_in("ko", {"opt_preset": "diverge"})
    assert "SGD (70단계)" in warnings_text(ko)  # the warning, translated, names the step
    assert [s.value for s in ko.success] == [story_text("diverge", "ko")]


def test_a_korean_link_opens_the_same_experiment_in_english():
    at = open_in("ko")
    at.selectbox(key="opt_surface").set_value("beale").run()
    at.multiselect(key="opt_set").set_value(["adam", "sgd", "rmsprop"]).run()
    at.selectbox(key="opt_sched").set_value("cosine").run()
    at.segmented_control(key="opt_below").set_value("internals").run()
    at.selectbox(key="opt_inspect").set_value("rmsprop").run()
    link = {k: v for k, v in at.query_params.items() if k != "lang"}
    # ids, never a translated label
    assert link["opt_surface"] == "beale" and link["opt_sched"] == "cosine"
    assert link["opt_set"] == "adam,sgd,rmsprop" and link["opt_below"] == "internals"
    assert link["opt_inspect"] == "rmsprop"
    en = open_in("en", link)
    assert en.selectbox(key="opt_surface").value == "beale"
    assert en.multiselect(key="opt_set").value == ["adam", "sgd", "rmsprop"]
    assert en.selectbox(key="opt_sched").value == "cosine"
    assert en.selectbox(key="opt_inspect").value == "rmsprop"
    from labs.optimizers import race_from_values

    assert race_from_values(en.session_state) == race_from_values(at.session_state)


def test_old_links_with_labels_open_through_aliases():
    old = {"opt_surface": "Styblinski–Tang", "opt_set": ["Adam", "SGD"],
           "opt_sched": "Cosine annealing", "opt_below": "Inside one optimizer",
           "opt_inspect": "Adam", "opt_preset": "Noisy gradients"}
    at = open_lab(old)
    assert at.selectbox(key="opt_surface").value == "styblinski_tang"
    assert at.multiselect(key="opt_set").value == ["adam", "sgd"]
    assert at.selectbox(key="opt_sched").value == "cosine"
    assert at.segmented_control(key="opt_below").value == "internals"
    assert at.pills(key="opt_preset").value == "noise"
    # rewritten to ids
    assert at.query_params["opt_surface"] == "styblinski_tang"
    assert at.query_params["opt_sched"] == "cosine"


def test_a_link_with_only_the_story_applies_its_settings():
    """?opt_preset=saddle alone once showed the saddle story over the default Rosenbrock race."""
    from labs.optimizers import race_from_values, story_race

    for lang in ("en", "ko"):
        at = open_in(lang, {"opt_preset": "saddle"})
        assert at.selectbox(key="opt_surface").value == "saddle"
        assert race_from_values(at.session_state) == story_race("saddle")
        assert [s.value for s in at.success] == [story_text("saddle", lang)]


def test_the_story_text_goes_when_its_settings_change():
    at = open_lab()
    at.pills(key="opt_preset").set_value("adagrad").run()
    assert at.success
    hp_slider(at, "opt_adagrad_lr").set_value(1.0).run()
    assert not at.success  # AdaGrad no longer stalls at α = 1: the story's numbers are gone
    assert any("no longer match" in c.value for c in at.caption)


@pytest.mark.parametrize("text, literal", [
    ("x**", ["`*`", "`2*x`"]),
    ("__import__('os')", ["`__import__`"]),
    ("x^2", ["`^`", "`x**2`"]),
])
def test_formula_errors_show_typed_and_code_text_literally(text, literal):
    """Markdown turned "Write products with *, e.g. 2*x." into "with , e.g. 2x." and
    __import__ into bold "import": every piece of code is a code span."""
    for lang in ("en", "ko"):
        at = open_in(lang, {"opt_surface": "custom", "opt_expr": text})
        message = at.error[0].value
        for piece in literal:
            assert piece in message, (lang, message)
        assert "**" not in message.replace("`x**2`", "").replace("`**`", "")


def test_undefined_formula_names_the_domain_not_the_learning_rate():
    at = open_lab({"opt_surface": "custom", "opt_expr": "log(x)"})
    assert len(at.warning) == 1  # one warning for one cause, not one per optimizer
    text = warnings_text(at)
    assert "not defined" in text and "learning rate is too large" not in text
    for n in ("sgd", "momentum", "adam"):
        assert f"{OPTIMIZERS[n].label} (step" in text
    assert_clean_specs(at)


def test_every_hyperparameter_label_shows_the_symbol_the_rules_typeset():
    """The widget labels' plain-text glyphs (page text) are the LaTeX symbols of HYPERPARAMS."""
    import unicodedata

    from nncore.optim import HYPERPARAMS
    from ui.strings.optimizers import GLYPHS, T

    assert set(GLYPHS) == set(HYPERPARAMS)
    for hp, info in HYPERPARAMS.items():
        glyph = GLYPHS[hp]
        letter, _, subscript = info.symbol.lstrip("\\").partition("_")
        name = letter.upper().replace("LAMBDA", "LAMDA")  # Unicode's spelling
        assert unicodedata.name(glyph[0]) == f"GREEK SMALL LETTER {name}"
        rest = glyph[1:]
        if subscript:
            assert unicodedata.name(rest) == "SUBSCRIPT " + unicodedata.name(subscript).split()[-1]
        else:
            assert rest == ""
        assert T(f"hp.{hp}", "en") and T(f"hp.{hp}", "ko")


def test_internals_of_sgd_name_what_is_drawn():
    """For SGD the coloured arrows are the steps taken (it keeps no velocity): the legend and
    the caption say so instead of a generic "velocity / first moment / step"."""
    from ui.strings.optimizers import T

    for lang in ("en", "ko"):
        at = open_in(lang, {"opt_below": "internals", "opt_inspect": "sgd"})
        arrows = assert_clean_specs(at)[2]
        names = [t.get("name") for t in arrows["data"] if t.get("marker", {}).get("symbol")
                 == "arrow"]
        assert names == [T("fig.memory.none", lang), T("fig.neg_grad", lang)]
        path = next(t for t in arrows["data"] if t.get("mode") == "lines")
        assert path["line"]["color"] != OPTIMIZERS["sgd"].color  # pale, under black arrows
        assert any(T("memory.none", lang).format(label="SGD") in c.value for c in at.caption)
        at.selectbox(key="opt_inspect").set_value("adam").run()
        arrows = assert_clean_specs(at)[2]
        assert T("fig.memory.m", lang) in [t.get("name") for t in arrows["data"]]


def test_every_story_in_korean_and_the_internals_download():
    from labs.optimizers import compute_race, internals_frame, story_race

    at = open_in("ko")
    for preset in STORIES:
        at.pills(key="opt_preset").set_value(preset).run()
        assert not at.exception, preset
        assert [s.value for s in at.success] == [story_text(preset, "ko")]
    race = story_race("noise")  # the last story
    runs = compute_race(race, True)
    frame = internals_frame("sgd", runs["sgd"])
    assert len(frame) == race.steps and np.isfinite(frame.drop(columns=["optimizer",
                                                                        "memory_kind"])).all().all()
    np.testing.assert_array_equal(frame["memory_x"], np.diff(runs["sgd"]["path"][:, 0]))


# ---- lecture mode: the step bar, every step in both languages, a link opens its step --------


def open_lecture(query: dict) -> AppTest:
    """The page as a lecture link opens it: ?mode=lecture is read on a session's first run."""
    return app_util.open_link(PAGE, query, timeout=TIMEOUT_S)


def _lecture_state(at: AppTest, sid: str) -> dict:
    from labs.optimizers import step_values

    return {k: at.session_state[k] for k in step_values(sid) if k in at.session_state}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lecture_steps_walk_through_in_order(lang):
    from labs.optimizers import LECTURE, race_from_values, step_values

    at = open_lecture({"lang": lang, "mode": "lecture"})
    for i, sid in enumerate(LECTURE):
        if i:
            at.button(key="lecture_next").click().run()
        assert not at.exception, app_util.exception_text(at)
        assert at.query_params["step"] == sid
        assert race_from_values(_lecture_state(at, sid)) == race_from_values(step_values(sid))
        assert not at.pills  # the step bar replaces the story pills
        stories = [str(s.value) for s in at.success]
        assert stories == ([story_text(sid, lang)] if sid in STORIES else []), sid
    assert at.button(key="lecture_next").disabled
    at.button(key="lecture_prev").click().run()
    assert at.query_params["step"] == LECTURE[-2]


def test_a_lecture_link_opens_its_step():
    from labs.optimizers import race_from_values, step_values

    at = open_lecture({"lang": "ko", "mode": "lecture", "step": "nesterov"})
    assert not at.exception, app_util.exception_text(at)
    assert race_from_values(_lecture_state(at, "nesterov")) == race_from_values(
        step_values("nesterov"))
    assert any("Nesterov" in m.value for m in at.markdown)
    assert_clean_specs(at)


def test_a_changed_lecture_step_hides_its_story_until_reopened():
    from ui.strings.optimizers import T

    at = open_lecture({"lang": "en", "mode": "lecture", "step": "saddle"})
    assert [str(s.value) for s in at.success] == [story_text("saddle", "en")]
    at.select_slider(key="opt_steps").set_value(500).run()
    assert not at.success
    label = T("step.saddle.title", "en")
    assert any(T("step_changed", "en", label=label) == c.value for c in at.caption)
    at.button(key="lecture_next").click().run()
    at.button(key="lecture_prev").click().run()
    assert [str(s.value) for s in at.success] == [story_text("saddle", "en")]
