"""Optimizer lab: race optimizers across 2D loss surfaces and see why each one moves as it does.

UI only: widgets -> cached compute (nncore.descend on nncore.SURFACES or a typed formula) ->
viz.optimizer_figs -> charts. Every setting is bound to the URL (keys start with ``opt_``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from nncore.expr import ExpressionError, expression_surface
from nncore.optim import (
    HYPERPARAMS,
    OPTIMIZERS,
    SCHEDULES,
    descend,
    make_optimizer,
    make_schedule,
    state_history,
)
from nncore.surfaces import (
    SURFACES,
    lowest_grid_points,
    nearest_minimum,
    quadratic_bowl,
    surface_grid,
)
from ui.common import chart, download_csv, download_json, page_intro, static_table
from ui.strings_optimizers import PRESETS, TEXT
from viz.optimizer_figs import (
    RunView,
    contour_scale,
    internals_arrows_figure,
    loss_figure,
    race_scene,
    step_size_figure,
    surface3d_figure,
    surface_layers,
    zoom_window,
)
from viz.playback import Player

# ---------------------------------------------------------------------------------------------
# Widget option lists (select sliders move on sensible, mostly logarithmic grids)
# ---------------------------------------------------------------------------------------------

_MANTISSAS = (1, 1.1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9)
LR_OPTIONS = tuple(sorted({round(m * 10.0**e, 10) for e in range(-5, 1) for m in _MANTISSAS}
                          | {10.0}))
HP_OPTIONS = {
    "lr": LR_OPTIONS,
    "momentum": (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99,
                 0.995, 0.999),
    "decay": (0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999),
    "rho": (0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999),
    "beta1": (0.0, 0.5, 0.8, 0.85, 0.9, 0.95, 0.99),
    "beta2": (0.9, 0.95, 0.99, 0.995, 0.999, 0.9999),
    "eps": (1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1e-1),
    "weight_decay": (0.0, 0.001, 0.01, 0.05, 0.1, 0.5),
    "momentum_decay": (0.0, 0.001, 0.002, 0.004, 0.01, 0.02, 0.05),
}
KAPPA_OPTIONS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
STEP_OPTIONS = (10, 20, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000)
NOISE_OPTIONS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0)
WIDTH_OPTIONS = (1.0, 2.0, 3.0, 5.0, 10.0, 20.0)
CUSTOM = "custom"
SURFACE_OPTIONS = (*SURFACES, CUSTOM)
DEFAULTS = {
    "opt_surface": "rosenbrock",
    "opt_kappa": 20,
    "opt_expr": "x**2 + 10*sin(y)",
    "opt_width": 5.0,
    "opt_set": ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"],
    "opt_steps": 1000,
    "opt_sched": "constant",
    "opt_noise": 0.0,
    "opt_seed": 0,
}
LEGEND_GROUP = "optimizers"  # the race and the loss curves share the race's legend
GRID_N = 300  # f on GRID_N² points: the map's pixels (a PNG), thinned for the 3D mesh
ZOOM_N = 300  # the internals view's own grid (pixels) over its zoom window


def hp_key(name: str, hp: str) -> str:
    return f"opt_{name}_{hp}"


def snap(value: float, options) -> float:
    """The option closest to ``value`` (on a log scale when both are positive)."""
    opts = np.asarray(options, dtype=np.float64)
    v = float(value)
    if v > 0 and np.all(opts > 0):
        return float(opts[np.argmin(np.abs(np.log(opts) - np.log(v)))])
    return float(opts[np.argmin(np.abs(opts - v))])


# ---------------------------------------------------------------------------------------------
# Surface-dependent defaults and the callbacks that apply them before the widgets are drawn
# ---------------------------------------------------------------------------------------------


def base_surface(name: str, width: float = 5.0, expr: str | None = None):
    """The registry surface (the κ = 20 bowl for defaults), or the custom formula's surface."""
    if name == CUSTOM:
        try:
            return expression_surface(expr or DEFAULTS["opt_expr"], half_width=width)
        except ExpressionError:
            return expression_surface(DEFAULTS["opt_expr"], half_width=width)
    return SURFACES[name]


def default_start(name: str, width: float) -> tuple[float, float]:
    """The surface's suggested start point (the widgets' defaults for x0, y0)."""
    x0, y0 = base_surface(name, width).start
    return float(x0), float(y0)


def surface_defaults(name: str, width: float) -> dict:
    """Widget values that suit a surface: the start point and every optimizer's hyperparameters."""
    surf = base_surface(name, width)
    values = {"opt_x0": float(surf.start[0]), "opt_y0": float(surf.start[1])}
    for opt, spec in OPTIMIZERS.items():
        for hp, default in spec.defaults.items():
            v = surf.lr.get(opt, default) if hp == "lr" else default
            values[hp_key(opt, hp)] = snap(v, HP_OPTIONS[hp])
    return values


def _current_width() -> float:
    return float(st.session_state.get("opt_width", DEFAULTS["opt_width"]))


def on_surface_change() -> None:
    st.session_state.update(surface_defaults(st.session_state["opt_surface"], _current_width()))
    st.session_state["opt_preset"] = None


def on_width_change() -> None:
    st.session_state["opt_x0"], st.session_state["opt_y0"] = default_start(CUSTOM,
                                                                           _current_width())


def on_reset() -> None:
    surface = st.session_state.get("opt_surface", DEFAULTS["opt_surface"])
    st.session_state.update(surface_defaults(surface, _current_width()))


def on_preset() -> None:
    key = st.session_state.get("opt_preset")
    if key not in PRESETS:
        return
    settings = dict(DEFAULTS)
    settings.pop("opt_expr")
    settings.update(surface_defaults(PRESETS[key].settings["opt_surface"], DEFAULTS["opt_width"]))
    for k, v in PRESETS[key].settings.items():
        hp = k.split("_", 2)[-1] if k.count("_") >= 2 else None
        settings[k] = snap(v, HP_OPTIONS[hp]) if hp in HP_OPTIONS else v
    st.session_state.update(settings)


# ---------------------------------------------------------------------------------------------
# Cached compute (hashable primitive arguments only)
# ---------------------------------------------------------------------------------------------


def build_surface(name: str, kappa: float, expr: str, width: float):
    if name == CUSTOM:
        return expression_surface(expr, half_width=width)
    if name == "quadratic":
        return quadratic_bowl(kappa)
    return SURFACES[name]


@st.cache_data(max_entries=32, show_spinner=False)
def compute_grid(name: str, kappa: float, expr: str, width: float) -> dict:
    surf = build_surface(name, kappa, expr, width)
    xs, ys, Z = surface_grid(surf, GRID_N)
    finite = np.isfinite(Z)
    if surf.min_value is not None:
        f_ref, minima = surf.min_value, surf.minima
    else:  # typed formula: its lowest grid points stand in for the unknown minima
        f_ref, minima = lowest_grid_points(xs, ys, Z)
    scale = contour_scale(Z, f_ref)  # drawn as a PNG at full grid resolution
    return {"xs": xs, "ys": ys, "scale": scale, "f_ref": float(f_ref), "minima": minima,
            "nonfinite": bool((~finite).any()), "layers": surface_layers(xs, ys, scale)}


@st.cache_data(max_entries=32, show_spinner=False)
def compute_zoom_grid(name: str, kappa: float, expr: str, width: float, window: tuple,
                      log: bool, f_ref: float, n: int = ZOOM_N) -> dict:
    """f on an n×n grid over a zoom window, coloured like the main map (no colour bar)."""
    surf = build_surface(name, kappa, expr, width)
    (x0, x1), (y0, y1) = window
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    with np.errstate(all="ignore"):
        Z = np.broadcast_to(surf.f(xs[None, :], ys[:, None]), (n, n))
    scale = contour_scale(Z, f_ref, log=log)
    return {"xs": xs, "ys": ys, "scale": scale,
            "layers": surface_layers(xs, ys, scale, colorbar=False)}


@st.cache_data(max_entries=16, show_spinner=False)
def compute_race(name: str, kappa: float, expr: str, width: float, optimizers: tuple,
                 steps: int, x0: float, y0: float, schedule: str, noise: float,
                 seed: int, states: bool = False) -> dict:
    """Run every optimizer from (x0, y0); optimizers = ((name, ((hp, value), ...)), ...).
    With ``states``, also each optimizer's state history (``state_history``: the internals
    view's arrows and step sizes; recording it costs a third of the race's time)."""
    surf = build_surface(name, kappa, expr, width)
    runs = {}
    for opt_name, hp_items in optimizers:
        hp = dict(hp_items)
        if schedule != "constant":
            hp["lr"] = make_schedule(schedule, hp["lr"], steps)
        opt = make_optimizer(opt_name, **hp)
        rng = np.random.default_rng(seed)  # the same noise sequence for every optimizer
        d = descend(surf.grad, (x0, y0), opt, steps, noise=noise, rng=rng,
                    record_state=states, loss_fn=surf.f)
        runs[opt_name] = {"path": d.path, "grads": d.grads, "losses": d.losses,
                          "diverged_at": d.diverged_at, "reason": d.reason,
                          **(state_history(d) if states else {})}
    return runs


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def _fmt(v) -> str:
    return f"{v:g}"


def hp_widgets(selected: list[str], surface_name: str, width: float) -> dict:
    """One expander per selected optimizer with its hyperparameters; returns name -> hp dict.

    An expander's sliders exist only while it is open: the browser redraws every widget on
    the page at each step of any slider, hidden or not, and these are most of the page's
    widgets. So the values live in the session and the URL by themselves (``held_hp``,
    ``hp_to_url``) rather than through the widgets, which come and go."""
    defaults = surface_defaults(surface_name, width)
    st.caption(TEXT["hp_header"])
    chosen = {}
    for name in selected:
        spec = OPTIMIZERS[name]
        keys = {hp: hp_key(name, hp) for hp in spec.defaults}
        values = {hp: held_hp(key, defaults[key], HP_OPTIONS[hp]) for hp, key in keys.items()}
        box = st.expander(spec.label, key=f"opt_open_{name}", on_change="rerun")
        if box.open:
            with box:
                for hp, key in keys.items():
                    info = HYPERPARAMS[hp]
                    values[hp] = st.select_slider(f"{info.glyph} {info.label}",
                                                  options=HP_OPTIONS[hp], format_func=_fmt,
                                                  key=key)
        chosen[name] = values
    hp_to_url(chosen, defaults)
    st.button(TEXT["reset"], on_click=on_reset, icon=":material/restart_alt:", width="stretch")
    return chosen


def held_hp(key: str, default: float, options) -> float:
    """A hyperparameter's value, kept in the session whether or not its slider is drawn: the
    session's, else the link's (?opt_adam_lr=0.02, snapped to the slider's options), else
    the surface's default."""
    ss = st.session_state
    if key not in ss:
        try:
            ss[key] = snap(float(st.query_params[key]), options)
        except (KeyError, ValueError):
            ss[key] = default
    else:
        ss[key] = ss[key]  # re-saved: Streamlit would forget a hidden widget's value
    return float(ss[key])


def hp_to_url(chosen: dict, defaults: dict) -> None:
    """Every racing optimizer's hyperparameters that differ from the surface's defaults go in
    the URL (?opt_adam_lr=0.02); the others leave it."""
    params = st.query_params
    for name, spec in OPTIMIZERS.items():
        for hp in spec.defaults:
            key = hp_key(name, hp)
            value = chosen.get(name, {}).get(hp)
            if value is not None and value != defaults[key]:
                if params.get(key) != _fmt(value):
                    params[key] = _fmt(value)
            elif key in params:
                del params[key]


def settings_sidebar() -> dict:
    """Draw the sidebar; return the settings as plain values."""
    sb = st.sidebar
    sb.subheader(TEXT["sidebar_surface"])
    surface_name = sb.selectbox(
        TEXT["surface"], SURFACE_OPTIONS, index=SURFACE_OPTIONS.index(DEFAULTS["opt_surface"]),
        format_func=lambda n: TEXT["custom_option"] if n == CUSTOM else SURFACES[n].label.split(
            " (")[0],
        key="opt_surface", bind="query-params", on_change=on_surface_change,
    )
    kappa, expr, width = float(DEFAULTS["opt_kappa"]), DEFAULTS["opt_expr"], DEFAULTS["opt_width"]
    with sb:
        if surface_name == "quadratic":
            kappa = float(st.select_slider(
                TEXT["kappa"], KAPPA_OPTIONS, value=DEFAULTS["opt_kappa"], key="opt_kappa",
                bind="query-params", help=TEXT["kappa_help"],
            ))
        elif surface_name == CUSTOM:
            expr = st.text_input(TEXT["expr"], value=DEFAULTS["opt_expr"], max_chars=200,
                                 key="opt_expr", bind="query-params", help=TEXT["expr_help"],
                                 placeholder=TEXT["expr_placeholder"])
            width = float(st.select_slider(
                TEXT["width"], WIDTH_OPTIONS, value=DEFAULTS["opt_width"], format_func=_fmt,
                key="opt_width", bind="query-params", on_change=on_width_change,
            ))

    sb.subheader(TEXT["sidebar_optimizers"])
    selected = sb.multiselect(
        TEXT["optimizers"], list(OPTIMIZERS), default=DEFAULTS["opt_set"],
        format_func=lambda n: OPTIMIZERS[n].label, key="opt_set", bind="query-params",
    )
    selected = [n for n in OPTIMIZERS if n in selected]  # registry order, stable colours
    with sb:
        hps = hp_widgets(selected, surface_name, width)

    return dict(surface=surface_name, kappa=kappa, expr=expr, width=width, selected=selected,
                hps=hps)


def run_controls(surf, start_default: tuple[float, float]) -> dict:
    """The run's settings in one row above the race (inside the race's fragment, so moving
    one reruns only the race and what follows it, not the sidebar)."""
    (bx0, bx1), (by0, by1) = surf.bounds
    c_steps, c_x, c_y, c_sched, c_noise, c_3d = st.columns([1.2, 0.75, 0.75, 1.05, 1.25, 0.9])
    steps = c_steps.select_slider(TEXT["steps"], STEP_OPTIONS, value=DEFAULTS["opt_steps"],
                                  key="opt_steps", bind="query-params")
    x0 = c_x.number_input(TEXT["x0"], min_value=bx0, max_value=bx1, value=start_default[0],
                          step=(bx1 - bx0) / 100, format="%.3f", key="opt_x0",
                          bind="query-params")
    y0 = c_y.number_input(TEXT["y0"], min_value=by0, max_value=by1, value=start_default[1],
                          step=(by1 - by0) / 100, format="%.3f", key="opt_y0",
                          bind="query-params")
    schedule = c_sched.selectbox(TEXT["schedule"], list(SCHEDULES),
                                 format_func=lambda n: SCHEDULES[n].label, key="opt_sched",
                                 bind="query-params", help=TEXT["schedule_help"])
    with c_noise:
        noise = st.select_slider(TEXT["noise"], NOISE_OPTIONS, value=DEFAULTS["opt_noise"],
                                 format_func=_fmt, key="opt_noise", bind="query-params",
                                 help=TEXT["noise_help"])
        seed = DEFAULTS["opt_seed"]
        if noise > 0:
            seed = int(st.number_input(TEXT["seed"], min_value=0, max_value=1_000_000,
                                       value=DEFAULTS["opt_seed"], step=1, key="opt_seed",
                                       bind="query-params"))
    with c_3d:
        st.space("small")  # level with the inputs, which have labels above them
        show3d = st.toggle(TEXT["view3d"], key="opt_3d", bind="query-params",
                           help=TEXT["view3d_help"])
    return dict(steps=int(steps), x0=float(x0), y0=float(y0), schedule=schedule,
                noise=float(noise), seed=seed, view3d=bool(show3d))


# ---------------------------------------------------------------------------------------------
# Page
# ---------------------------------------------------------------------------------------------


def preset_picker() -> None:
    choice = st.pills(
        TEXT["presets"], list(PRESETS), format_func=lambda k: PRESETS[k].label,
        key="opt_preset", bind="query-params", on_change=on_preset, help=TEXT["presets_help"],
    )
    if choice in PRESETS:
        st.success(PRESETS[choice].story, icon=":material/school:")


def run_views(runs: dict, selected: list[str]) -> list[RunView]:
    return [RunView(n, OPTIMIZERS[n].label, runs[n]["path"], runs[n]["losses"],
                    runs[n]["diverged_at"]) for n in selected]


def summary_frame(runs: dict, selected: list[str], surf, minima, tol: float) -> pd.DataFrame:
    rows = []
    for n in selected:
        r = runs[n]
        holder = surf if surf.minima else _MinimaOnly(minima)
        dist, which = nearest_minimum(holder, r["path"])
        hit = np.flatnonzero(dist <= tol)
        mx, my = holder.minima[int(which[-1])]
        rows.append({
            TEXT["col_optimizer"]: OPTIMIZERS[n].label,
            TEXT["col_final_f"]: float(r["losses"][-1]),
            TEXT["col_dist"]: float(dist[-1]),
            TEXT["col_min"]: f"({mx:.3g}, {my:.3g})",
            TEXT["col_first"]: str(int(hit[0])) if hit.size else TEXT["never"],
            TEXT["col_diverged"]: str(r["diverged_at"]) if r["diverged_at"] else TEXT["no"],
            TEXT["col_steps"]: len(r["path"]) - 1,
        })
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class _MinimaOnly:
    minima: tuple


def trajectories_frame(runs: dict, selected: list[str]) -> pd.DataFrame:
    parts = []
    for n in selected:
        r = runs[n]
        k = len(r["path"])
        g = np.vstack([r["grads"], np.full((k - len(r["grads"]), 2), np.nan)])
        parts.append(pd.DataFrame({
            "optimizer": n, "step": np.arange(k), "x": r["path"][:, 0], "y": r["path"][:, 1],
            "f": r["losses"], "grad_x": g[:, 0], "grad_y": g[:, 1],
        }))
    return pd.concat(parts, ignore_index=True)


REASONS = {
    "the gradient was infinite or not a number": "the gradient became infinite",
    "the point became infinite or not a number": "the point became infinite",
    "the loss became infinite or not a number": "the loss became infinite",
}


def reason_text(reason: str | None) -> str:
    if not reason:
        return ""
    if reason.startswith("the point left the box"):
        return "the point ran off beyond |x|, |y| = 10⁶"
    return REASONS.get(reason, reason)


def on_pick() -> None:
    """A click on the race map moves the start point there."""
    state = st.session_state.get("opt_chart_race")
    point = state.get("click") if state is not None else None
    if point and point.get("x") is not None and point.get("y") is not None:
        st.session_state["opt_x0"] = round(float(point["x"]), 3)
        st.session_state["opt_y0"] = round(float(point["y"]), 3)


@dataclass
class RaceResults:
    """Everything the race fragment shows, computed before any of it is drawn."""

    runs: dict
    views: list[RunView]
    warnings: list[str]
    wide: bool  # a wide box: the race takes the full width, the loss curves go below
    race_fig: go.Figure
    player: Player | None  # the race's playback (None in the 3D view)
    loss_fig: go.Figure
    f_ref: float
    table: pd.DataFrame  # numbers, for the download
    shown: pd.DataFrame  # numbers as text, for the page
    summary_caption: str


def race_runs(s: dict, states: bool) -> dict:
    """The race for settings ``s`` (cached), with or without the optimizers' state histories."""
    opt_args = tuple((n, tuple(sorted(s["hps"][n].items()))) for n in s["selected"])
    return compute_race(s["surface"], s["kappa"], s["expr"], s["width"], opt_args, s["steps"],
                        s["x0"], s["y0"], s["schedule"], s["noise"], s["seed"], states)


def race_results(s: dict, surf, grid: dict, states: bool = False) -> RaceResults:
    """Run the race for settings ``s`` (cached) and build its figures and tables."""
    runs = race_runs(s, states)
    views = run_views(runs, s["selected"])
    f_ref = grid["f_ref"]
    if not surf.minima:  # a typed formula: paths may go below the lowest grid value
        f_ref = min(f_ref, min(float(np.min(runs[n]["losses"])) for n in s["selected"]))
    warnings = [TEXT["diverged_warning"].format(
        label=OPTIMIZERS[n].label, step=runs[n]["diverged_at"],
        reason=reason_text(runs[n]["reason"])) for n in s["selected"]
        if runs[n]["diverged_at"] is not None]

    # A square-ish box shares the row with the loss curves; a wide one (the bowl) gets the
    # full width, or its picture would be a thin strip.
    (bx0, bx1), (by0, by1) = surf.bounds
    aspect = (bx1 - bx0) / (by1 - by0)
    wide = aspect >= 1.5
    plot_width = 880 if wide else 440  # px of plot area, roughly, in the lab's wide layout
    height = int(np.clip(plot_width / aspect + 100, 360, 690))
    fig_text = dict(TEXT["fig"])
    if not surf.minima:
        fig_text["minima"] = fig_text["minima_custom"]
    scale, player = grid["scale"], None
    # a student's zoom and legend choices last until the surface (or, for the loss curves,
    # the number of steps) changes
    view_key = f"{s['surface']}|{s['kappa']}|{s['expr']}|{s['width']}"
    if s["view3d"]:
        race_fig = surface3d_figure(grid["xs"], grid["ys"], scale, views, bounds=surf.bounds,
                                    minima=grid["minima"], min_value=grid["f_ref"],
                                    text=fig_text, height=height + 40)
    else:
        race_fig, player = race_scene(grid["xs"], grid["ys"], scale, views, bounds=surf.bounds,
                                      minima=grid["minima"], saddles=surf.saddles,
                                      start=(s["x0"], s["y0"]), total_steps=s["steps"],
                                      text=fig_text, height=height, layers=grid["layers"],
                                      uirevision=view_key, legend_link=LEGEND_GROUP)
    # one legend, the race's: a click there shows or hides an optimizer in both charts
    loss_fig = loss_figure(views, f_ref, text=TEXT["fig"], height=380 if wide else height + 35,
                           uirevision=f"{view_key}|{s['steps']}",
                           legend_link=None if s["view3d"] else LEGEND_GROUP)

    tol = 0.01 * max(bx1 - bx0, by1 - by0)
    table = summary_frame(runs, s["selected"], surf, grid["minima"], tol)
    shown = table.copy()  # numbers as text, so 7.6e+12 and 5.7e-18 both read well
    for col, fmt in ((TEXT["col_final_f"], "{:.4g}"), (TEXT["col_dist"], "{:.3g}")):
        shown[col] = shown[col].map(fmt.format)
    caption = TEXT["summary_caption"].format(tol=tol)
    if not surf.minima:
        points = ", ".join(f"({mx:.3g}, {my:.3g})" for mx, my in grid["minima"])
        caption += " " + TEXT["summary_caption_custom"].format(points=points, n=GRID_N)
    return RaceResults(runs, views, warnings, wide, race_fig, player, loss_fig, f_ref, table,
                       shown, caption)


def draw_race(r: RaceResults, s: dict) -> None:
    """The map (or the 3D view). A click on the map moves the start point (``on_pick``)."""
    if s["view3d"]:
        chart(r.race_fig, key="opt_chart_3d")
        return
    chart(r.race_fig, key="opt_chart_race", on_click=on_pick, player=r.player)
    st.caption(TEXT["race_caption"])


def draw_results(r: RaceResults, s: dict, scale) -> None:
    # one container whatever the number of warnings, so the elements after it keep their
    # place: Streamlit identifies elements by position, and a shifted chart is drawn anew
    with st.container():
        for text in r.warnings:
            st.warning(text, icon=":material/warning:")
    if r.wide:
        st.subheader(TEXT["race_header"])
        draw_race(r, s)
        st.subheader(TEXT["loss_header"])
        chart(r.loss_fig, key="opt_chart_loss")
    else:
        left, right = st.columns([3, 2], gap="medium")
        with left:
            st.subheader(TEXT["race_header"])
            draw_race(r, s)
        with right:
            st.subheader(TEXT["loss_header"])
            chart(r.loss_fig, key="opt_chart_loss")
    if scale.log:
        st.caption(TEXT["log_caption"].format(decades=scale.zmax - scale.zmin))
    st.caption(TEXT["loss_caption"].format(fref=f"{r.f_ref:.6g}"))
    d1, d2, d3 = st.columns(3)
    with d1:
        download_csv(TEXT["download_paths"], lambda: trajectories_frame(r.runs, s["selected"]),
                     "optimizer_trajectories.csv", key="opt_dl_paths")
    with d2:
        download_csv(TEXT["download_summary"], lambda: r.table, "optimizer_summary.csv",
                     key="opt_dl_summary")
    with d3:
        download_json(TEXT["download_settings"], lambda: json.dumps(s, indent=2),
            "optimizer_settings.json", key="opt_dl_settings")


def below_the_race() -> str:
    """Which view goes under the race: "summary" or "internals". One at a time, picked like a
    tab: only the one shown is computed, sent and drawn at every step of a run setting."""
    return st.segmented_control(
        TEXT["below_views"], list(TEXT["below"]), format_func=TEXT["below"].get,
        default="summary", required=True, key="opt_below", bind="query-params",
    )


def draw_summary(r: RaceResults) -> None:
    static_table(r.shown)
    st.caption(r.summary_caption)


@st.fragment
def internals_section(grid: dict, runs: dict, views: list[RunView], surf,
                      settings: dict) -> None:
    names = [v.name for v in views]
    if "opt_inspect" in st.session_state and st.session_state["opt_inspect"] not in names:
        st.session_state["opt_inspect"] = names[-1]
    name = st.selectbox(TEXT["inspect"], names, index=len(names) - 1,
                        format_func=lambda n: OPTIMIZERS[n].label, key="opt_inspect",
                        bind="query-params")
    view = next(v for v in views if v.name == name)
    r = runs[name]
    kind = r["memory_kind"]
    memory_text = {"velocity": TEXT["memory_velocity"], "m": TEXT["memory_m"],
                   "step": TEXT["memory_step"]}[kind]
    unit = {"velocity": TEXT["unit_velocity"], "m": TEXT["unit_m"]}.get(kind, TEXT["unit_grad"])
    if name == "nadam":
        unit = TEXT["unit_nadam"]
    elif name == "nesterov":
        unit = TEXT["unit_grad"] + " + ρ·" + TEXT["unit_velocity"]
    window = zoom_window(view.path, surf.bounds)
    window = tuple(tuple(float(f"{v:.6g}") for v in w) for w in window)  # a stable cache key
    s = settings
    try:
        zoom = compute_zoom_grid(s["surface"], s["kappa"], s["expr"], s["width"], window,
                                 grid["scale"].log, grid["f_ref"])
    except ValueError:  # f undefined on the whole window: fall back to the main map's grid
        zoom = {**grid, "layers": None}
    arrows = internals_arrows_figure(zoom["xs"], zoom["ys"], zoom["scale"], view, r["grads"],
                                     r["memory"], window=window, text=TEXT["fig"],
                                     layers=zoom["layers"])
    steps = step_size_figure(r["step_size"], r["lr"], view, text=TEXT["fig"])
    st.latex(OPTIMIZERS[name].formula)
    left, right = st.columns(2)
    with left:
        chart(arrows, key="opt_chart_arrows")
    with right:
        chart(steps, key="opt_chart_stepsize")
    st.caption(TEXT["internals_caption"].format(memory=memory_text, unit=unit))


def main() -> None:
    page_intro(TEXT["title"], TEXT["intro"])
    preset_picker()
    s = settings_sidebar()

    try:
        surf = build_surface(s["surface"], s["kappa"], s["expr"], s["width"])
    except ExpressionError as exc:
        st.error(TEXT["expr_error"].format(msg=exc), icon=":material/function:")
        return
    if s["surface"] == CUSTOM:  # the typed text is shown as code, never as Markdown
        st.markdown(f"**{TEXT['custom_option']}** — {surf.note}")
        st.code(surf.formula, language=None)
    else:
        st.markdown(f"**{surf.label}** — {surf.note}")
        st.latex(surf.formula)

    if not s["selected"]:
        st.info(TEXT["no_optimizers"])
        return
    try:
        grid = compute_grid(s["surface"], s["kappa"], s["expr"], s["width"])
    except ValueError as exc:  # f undefined on the whole box
        st.error(TEXT["expr_error"].format(msg=exc))
        return
    if grid["nonfinite"]:
        st.info(TEXT["expr_nonfinite"], icon=":material/info:")
    race_and_results(s, surf, grid)
    update_rules(s["selected"])


@st.fragment
def race_and_results(sidebar: dict, surf, grid: dict) -> None:
    """Run settings, race, loss curves, summary, internals: a fragment, so the run's own
    controls (steps, start, schedule, noise, 3D view) and a click on the map rerun only this
    part.

    The browser re-renders the whole page each time a batch of elements arrives (12–15 ms
    here), so the fragment sends everything together: it computes first, from the run
    settings the widgets already hold in the session, and draws the controls row (a container
    placed at the top) last, with the charts. On a session's first run the widgets do not
    exist yet, so they are drawn first and read as usual. Should a widget return another
    value than the session held, the fragment runs once more with it (a safety net: Streamlit
    already resets an out-of-range value before the run, tested)."""
    start = default_start(sidebar["surface"], sidebar["width"])
    row = st.container()
    held = held_run_settings()
    late = held is not None
    if not late:
        with row:
            held = run_controls(surf, start)
    s = {**sidebar, **held}
    inside = held_below() == "internals"  # the state histories are only drawn there
    results = race_results(s, surf, grid, states=inside)
    draw_results(results, s, grid["scale"])
    if below_the_race() == "internals":
        runs = results.runs if inside else race_runs(s, states=True)
        internals_section(grid, runs, results.views, surf, s)
    else:
        draw_summary(results)
    if late:
        with row:
            drawn = run_controls(surf, start)
        if drawn != held and st.session_state.get("_opt_corrected") != drawn:
            st.session_state["_opt_corrected"] = drawn  # once per correction, never a loop
            st.rerun(scope="fragment")


RUN_KEYS = ("opt_steps", "opt_x0", "opt_y0", "opt_sched", "opt_noise", "opt_3d")


def held_run_settings() -> dict | None:
    """The run settings as the row's widgets hold them in the session, before the row is
    drawn; None when they do not all exist yet (a session's first run)."""
    ss = st.session_state
    if not all(k in ss for k in RUN_KEYS):
        return None
    noise = float(ss["opt_noise"])
    seed = int(ss.get("opt_seed", DEFAULTS["opt_seed"])) if noise > 0 else DEFAULTS["opt_seed"]
    return {"steps": int(ss["opt_steps"]), "x0": float(ss["opt_x0"]), "y0": float(ss["opt_y0"]),
            "schedule": ss["opt_sched"], "noise": noise, "seed": seed,
            "view3d": bool(ss["opt_3d"])}


def held_below() -> str:
    """The view under the race as its control holds it before it is drawn: the session's,
    else the link's (a bound control's URL holds its label), else the summary."""
    value = st.session_state.get("opt_below")
    if value is None:
        label = st.query_params.get("opt_below")
        value = next((k for k, v in TEXT["below"].items() if label in (k, v)), "summary")
    return value


def update_rules(selected: list[str]) -> None:
    """Every racing optimizer's update rule and its reference, typeset only while the expander
    is open (and outside the race's fragment): Streamlit redraws every formula on the page
    at each step of a slider, hidden or not."""
    rules = st.expander(TEXT["rules_header"], key="opt_rules", on_change="rerun")
    if not rules.open:
        return
    with rules:
        for n in selected:
            spec = OPTIMIZERS[n]
            st.markdown(TEXT["rule_line"].format(label=spec.label, reference=spec.reference))
            st.latex(spec.formula)


main()
