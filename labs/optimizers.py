"""Optimizer lab: race optimizers across 2D loss surfaces and see why each one moves as it does.

UI only: widgets -> a frozen ``Race`` (the settings) -> cached compute (nncore.descend on
nncore.SURFACES or a typed formula) -> viz.optimizer_figs -> charts. Every setting is in the URL
(keys start with ``opt_``); choices hold stable ids (``opt_surface=rosenbrock``), and links
written before the ids (labels, as Streamlit's bind wrote them) still open through aliases.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from nncore.divergence import LEFT_BOX, OVERFLOW, UNDEFINED
from nncore.expr import FUNCTIONS, ExpressionError, expression_surface
from nncore.optim import (
    OPTIMIZERS,
    SCHEDULES,
    default_lr,
    descend,
    make_optimizer,
    make_schedule,
    radam_warmup_steps,
    state_history,
)
from nncore.surfaces import (
    SURFACES,
    distances_to,
    lowest_grid_points,
    mean_step_length,
    nearest_minimum,
    quadratic_bowl,
    surface_grid,
)
from ui import url_state
from ui.common import chart, controls, download_csv, download_json, page_intro, static_table
from ui.lecture import LectureStep, lecture_steps_ui
from ui.share import lecture_mode
from ui.strings.optimizers import GLYPHS, T, fig_text
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
# Keys (= URL parameters), options, defaults, stories
# ---------------------------------------------------------------------------------------------

K = {
    "surface": "opt_surface", "kappa": "opt_kappa", "expr": "opt_expr", "width": "opt_width",
    "set": "opt_set", "steps": "opt_steps", "x0": "opt_x0", "y0": "opt_y0",
    "sched": "opt_sched", "noise": "opt_noise", "seed": "opt_seed", "view3d": "opt_3d",
    "preset": "opt_preset", "below": "opt_below", "inspect": "opt_inspect",
    "rules": "opt_rules", "race": "opt_chart_race", "race3d": "opt_chart_3d",
    "loss": "opt_chart_loss", "arrows": "opt_chart_arrows", "stepsize": "opt_chart_stepsize",
    "dl_paths": "opt_dl_paths", "dl_summary": "opt_dl_summary", "dl_settings": "opt_dl_settings",
    "dl_internals": "opt_dl_internals",
}


def hp_key(name: str, hp: str) -> str:
    return f"opt_{name}_{hp}"


def open_key(name: str) -> str:
    return f"opt_open_{name}"


KAPPA_OPTIONS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
STEP_OPTIONS = (10, 20, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000)
NOISE_OPTIONS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0)
WIDTH_OPTIONS = (1.0, 2.0, 3.0, 5.0, 10.0, 20.0)
CUSTOM = "custom"
SURFACE_OPTIONS = (*SURFACES, CUSTOM)
BELOW_OPTIONS = ("summary", "internals")
DEFAULT_EXPR = "x**2 + 10*sin(y)"
DEFAULT_SET = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
DEFAULTS = {
    K["surface"]: "rosenbrock", K["kappa"]: 20, K["expr"]: DEFAULT_EXPR, K["width"]: 5.0,
    K["set"]: list(DEFAULT_SET), K["steps"]: 1000, K["sched"]: "constant", K["noise"]: 0.0,
    K["seed"]: 0,
}
LEGEND_GROUP = "optimizers"  # the race and the loss curves share the race's legend
GRID_N = 300  # f on GRID_N² points: the map's pixels (a PNG), thinned for the 3D mesh
ZOOM_N = 300  # the internals view's own grid (pixels) over its zoom window

# Labels that links made before stable ids hold (Streamlit's bind wrote the shown label).
SURFACE_ALIASES = {
    "Ill-conditioned bowl": "quadratic", "Saddle point": "saddle", "Rosenbrock": "rosenbrock",
    "Beale": "beale", "Himmelblau": "himmelblau", "Booth": "booth", "Rastrigin": "rastrigin",
    "Styblinski–Tang": "styblinski_tang", "Custom formula": CUSTOM,
}
OPT_ALIASES = {spec.label: name for name, spec in OPTIMIZERS.items()}
SCHED_ALIASES = {"Constant": "constant", "Step decay": "step",
                 "Exponential decay": "exponential", "Cosine annealing": "cosine"}
BELOW_ALIASES = {"Summary": "summary", "Inside one optimizer": "internals"}
STORY_ALIASES = {
    "SGD zig-zag vs Momentum": "zigzag", "The saddle point": "saddle",
    "AdaGrad stalling vs RMSProp": "adagrad", "Adam vs SGD on Rosenbrock": "rosenbrock",
    "Too large a learning rate": "diverge", "Noisy gradients": "noise",
}

# The lecture stories: widget values over the surface's defaults. Their text
# (ui/strings/optimizers.py, story.<id>.text) is formatted from the race they set.
STORIES = {
    "zigzag": {K["surface"]: "quadratic", K["kappa"]: 20, K["set"]: ["sgd", "momentum"],
               K["steps"]: 100, "opt_sgd_lr": 0.09, "opt_momentum_lr": 0.02,
               "opt_momentum_momentum": 0.8, K["inspect"]: "momentum"},
    "saddle": {K["surface"]: "saddle", K["set"]: ["sgd", "momentum", "adam"], K["steps"]: 300,
               K["x0"]: -2.2, K["y0"]: 0.001, K["inspect"]: "adam"},
    "adagrad": {K["surface"]: "quadratic", K["kappa"]: 20, K["set"]: ["adagrad", "rmsprop"],
                K["steps"]: 500, "opt_adagrad_lr": 0.1, "opt_rmsprop_lr": 0.1,
                K["inspect"]: "adagrad"},
    "rosenbrock": {K["surface"]: "rosenbrock", K["set"]: ["sgd", "adam"], K["steps"]: 2000,
                   "opt_sgd_lr": 0.001, "opt_adam_lr": 0.1, K["inspect"]: "adam"},
    "diverge": {K["surface"]: "quadratic", K["kappa"]: 20,
                K["set"]: ["sgd", "momentum", "adam"], K["steps"]: 200, "opt_sgd_lr": 0.11,
                "opt_momentum_lr": 0.02, "opt_momentum_momentum": 0.8, "opt_adam_lr": 0.3,
                K["inspect"]: "momentum"},
    "noise": {K["surface"]: "quadratic", K["kappa"]: 20, K["set"]: ["sgd", "momentum", "adam"],
              K["steps"]: 300, K["noise"]: 3.0, "opt_sgd_lr": 0.05, K["sched"]: "constant",
              K["inspect"]: "sgd"},
}


# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Race:
    """Everything a race depends on (ids and numbers only; hashable, the compute cache key).
    optimizers: ((name, ((hp, value), ...)), ...) in registry order."""

    surface: str = "rosenbrock"
    kappa: float = 20.0
    expr: str = DEFAULT_EXPR
    width: float = 5.0
    optimizers: tuple = ()
    steps: int = 1000
    x0: float = 0.0
    y0: float = 0.0
    schedule: str = "constant"
    noise: float = 0.0
    seed: int = 0

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.optimizers]

    def hp(self, name: str) -> dict:
        return dict(dict(self.optimizers)[name])


@dataclass(frozen=True)
class View:
    """What is shown of a race (changes nothing computed)."""

    view3d: bool = False
    below: str = "summary"


def snap(value: float, options) -> float:
    """The option closest to ``value`` (on a log scale when both are positive)."""
    opts = np.asarray(options, dtype=np.float64)
    v = float(value)
    if v > 0 and np.all(opts > 0):
        return float(opts[np.argmin(np.abs(np.log(opts) - np.log(v)))])
    return float(opts[np.argmin(np.abs(opts - v))])


def base_surface(name: str, width: float = 5.0, expr: str | None = None):
    """The registry surface (the κ = 20 bowl for defaults), or the custom formula's surface."""
    if name == CUSTOM:
        try:
            return expression_surface(expr or DEFAULT_EXPR, half_width=width)
        except ExpressionError:
            return expression_surface(DEFAULT_EXPR, half_width=width)
    return SURFACES[name]


def default_start(name: str, width: float) -> tuple[float, float]:
    x0, y0 = base_surface(name, width).start
    return float(x0), float(y0)


def surface_defaults(name: str, width: float) -> dict:
    """Widget values that suit a surface: the start point and every optimizer's hyperparameters
    (its learning rate for this surface, nncore.optim.default_lr, on the slider's grid)."""
    x0, y0 = default_start(name, width)
    values = {K["x0"]: x0, K["y0"]: y0}
    for opt, spec in OPTIMIZERS.items():
        for hp, default in spec.defaults.items():
            v = default_lr(opt, name) if hp == "lr" else default
            values[hp_key(opt, hp)] = snap(v, spec.grids[hp])
    return values


def race_from_values(v: Mapping) -> Race:
    """The race that widget values (session state, or a story's values) describe."""
    surface = v.get(K["surface"], DEFAULTS[K["surface"]])
    width = float(v.get(K["width"], DEFAULTS[K["width"]])) if surface == CUSTOM else 5.0
    defaults = surface_defaults(surface, width)
    chosen = v.get(K["set"], DEFAULTS[K["set"]])
    optimizers = tuple(
        (n, tuple((hp, float(v.get(hp_key(n, hp), defaults[hp_key(n, hp)])))
                  for hp in OPTIMIZERS[n].defaults))
        for n in OPTIMIZERS if n in chosen
    )
    noise = float(v.get(K["noise"], DEFAULTS[K["noise"]]))
    return Race(
        surface=surface,
        kappa=float(v.get(K["kappa"], 20)) if surface == "quadratic" else 20.0,
        expr=str(v.get(K["expr"], DEFAULT_EXPR)) if surface == CUSTOM else DEFAULT_EXPR,
        width=width, optimizers=optimizers,
        steps=int(v.get(K["steps"], DEFAULTS[K["steps"]])),
        x0=float(v.get(K["x0"], defaults[K["x0"]])), y0=float(v.get(K["y0"], defaults[K["y0"]])),
        schedule=v.get(K["sched"], "constant"), noise=noise,
        seed=int(v.get(K["seed"], 0)) if noise > 0 else 0,
    )


def story_values(story: str) -> dict:
    """Every widget value a story sets: the defaults, its surface's defaults, its own."""
    own = STORIES[story]
    values = {k: v for k, v in DEFAULTS.items() if k != K["expr"]}
    values.update(surface_defaults(own[K["surface"]], DEFAULTS[K["width"]]))
    for key, value in own.items():
        hp = key.split("_", 2)[-1] if key.count("_") >= 2 else None
        name = key.split("_")[1] if hp else None
        grid = OPTIMIZERS[name].grids.get(hp) if name in OPTIMIZERS else None
        values[key] = snap(value, grid) if grid else value
    return values


def story_race(story: str) -> Race:
    return race_from_values(story_values(story))


# ---------------------------------------------------------------------------------------------
# Cached compute
# ---------------------------------------------------------------------------------------------


def build_surface(name: str, kappa: float, expr: str, width: float):
    if name == CUSTOM:
        return expression_surface(expr, half_width=width)
    if name == "quadratic":
        return quadratic_bowl(kappa)
    return SURFACES[name]


def race_surface(race: Race):
    return build_surface(race.surface, race.kappa, race.expr, race.width)


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
            "nonfinite": bool((~finite).any())}


@st.cache_data(max_entries=64, show_spinner=False)
def map_layers(name: str, kappa: float, expr: str, width: float, titles: tuple) -> tuple:
    """The map picture and its colour bar (titled in the page's language)."""
    grid = compute_grid(name, kappa, expr, width)
    return surface_layers(grid["xs"], grid["ys"], grid["scale"], titles=titles)


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


@st.cache_data(max_entries=24, show_spinner=False)
def compute_race(race: Race, states: bool = False) -> dict:
    """Run every optimizer of ``race`` from its start. With ``states``, also each optimizer's
    state history (``state_history``: the internals view's arrows and step sizes; recording
    it costs a third of the race's time)."""
    surf = race_surface(race)
    runs = {}
    for name, hp_items in race.optimizers:
        hp = dict(hp_items)
        if race.schedule != "constant":
            hp["lr"] = make_schedule(race.schedule, hp["lr"], race.steps)
        rng = np.random.default_rng(race.seed)  # the same noise sequence for every optimizer
        d = descend(surf.grad, (race.x0, race.y0), make_optimizer(name, **hp), race.steps,
                    noise=race.noise, rng=rng, record_state=states, loss_fn=surf.f)
        runs[name] = {"path": d.path, "grads": d.grads, "losses": d.losses,
                      "diverged_at": d.diverged_at, "reason": d.reason,
                      **(state_history(d) if states else {})}
    return runs


def tolerance(surf) -> float:
    """"Reached the minimum": within 1% of the plot's width."""
    (bx0, bx1), (by0, by1) = surf.bounds
    return 0.01 * max(bx1 - bx0, by1 - by0)


def first_hit(run: dict, surf, tol: float) -> int | None:
    """The first step within ``tol`` of any listed minimum (the summary's column)."""
    dist, _ = nearest_minimum(surf, run["path"])
    hit = np.flatnonzero(dist <= tol)
    return int(hit[0]) if hit.size else None


ROSEN_LR_X = (2.0, 2.5)  # the Rosenbrock story's SGD α times these: one gets there, one blows up


def _g(v: float) -> str:
    return f"{v:.2g}"


def story_fields(story: str, race: Race) -> dict:
    """The numbers a story's text states, computed for the race it sets (and, where the text
    compares, for that race with one setting changed)."""
    surf = race_surface(race)
    runs = compute_race(race)
    tol = tolerance(surf)
    f = {"tol": _g(tol), "steps": race.steps, "kappa": f"{race.kappa:g}"}

    def hit(r):
        return first_hit(r, surf, tol)

    if story == "zigzag":
        f |= {"mom_hit": hit(runs["momentum"]), "sgd_hit": hit(runs["sgd"]),
              "crawl": f"{100 * race.hp('sgd')['lr']:.0f}"}
    elif story == "saddle":
        near = {n: distances_to(runs[n]["path"], surf.saddles[0]) for n in runs}
        f |= {"sgd_near": int(np.sum(near["sgd"] <= 0.1)), "mom_near": int(np.sum(
            near["momentum"] <= 0.1)), "mom_closest": _g(near["momentum"].min()),
            "adam_closest": _g(near["adam"].min())}
        f |= {f"{k}_hit": hit(runs[n]) for k, n in (("sgd", "sgd"), ("mom", "momentum"),
                                                     ("adam", "adam"))}
    elif story == "adagrad":
        lr_default = default_lr("adagrad", race.surface, race.kappa)
        at_default = _with_hp(race, "adagrad", lr=lr_default)
        f |= {"lr": f"{race.hp('adagrad')['lr']:g}", "lr_default": f"{lr_default:g}",
              "ada_dist": _g(distances_to(runs["adagrad"]["path"][-1:], (0, 0))[0]),
              "rms_hit": hit(runs["rmsprop"]),
              "ada_default_hit": hit(compute_race(at_default)["adagrad"])}
    elif story == "rosenbrock":
        lr = race.hp("sgd")["lr"]
        ok, big = (compute_race(_with_hp(race, "sgd", lr=k * lr))["sgd"] for k in ROSEN_LR_X)
        f |= {"sgd_lr": f"{lr:g}", "adam_hit": hit(runs["adam"]),
              "sgd_dist": _g(distances_to(runs["sgd"]["path"][-1:], (1, 1))[0]),
              "sgd_ok": f"{ROSEN_LR_X[0] * lr:g}", "sgd_ok_hit": hit(ok),
              "sgd_big": f"{ROSEN_LR_X[1] * lr:g}", "sgd_big_div": big["diverged_at"]}
    elif story == "diverge":
        f |= {"limit": f"{2 / race.kappa:g}", "sgd_lr": f"{race.hp('sgd')['lr']:g}",
              "sgd_div": runs["sgd"]["diverged_at"]}
    elif story == "noise":
        cosine = compute_race(replace(race, schedule="cosine"))
        f |= {"noise": f"{race.noise:g}",
              "sgd_jitter": _g(mean_step_length(runs["sgd"]["path"], 50)),
              "sgd_jitter_cos": _g(mean_step_length(cosine["sgd"]["path"], 50))}
    return f


def _with_hp(race: Race, name: str, **hp) -> Race:
    opts = tuple((n, tuple({**dict(items), **hp}.items()) if n == name else items)
                 for n, items in race.optimizers)
    return replace(race, optimizers=opts)


def story_text(story: str, lang: str | None = None) -> str:
    return T(f"story.{story}.text", lang, **story_fields(story, story_race(story)))


# ---------------------------------------------------------------------------------------------
# Lecture steps (ui.lecture): the notes' order, SGD's two weaknesses (zig-zag, saddle point),
# then Momentum, Nesterov, AdaGrad/RMSProp, Adam, the learning rate, noise, and all six at once
# ---------------------------------------------------------------------------------------------

LECTURE = ("zigzag", "saddle", "nesterov", "adagrad", "rosenbrock", "diverge", "noise", "all")


def step_values(step: str) -> dict:
    """Every widget value a lecture step sets: a story's, or (nesterov) the zig-zag story with
    Nesterov racing at Momentum's α and ρ, or (all) the page's defaults."""
    view = {K["view3d"]: False, K["below"]: "internals" if step == "adagrad" else "summary"}
    if step in STORIES:
        return {**story_values(step), **view}
    if step == "nesterov":
        v = story_values("zigzag")
        v[K["set"]] = ["sgd", "momentum", "nesterov"]
        for hp in ("lr", "momentum"):
            grid = OPTIMIZERS["nesterov"].grids[hp]
            v[hp_key("nesterov", hp)] = snap(v[hp_key("momentum", hp)], grid)
        return {**v, K["inspect"]: "nesterov", **view}
    v = {k: val for k, val in DEFAULTS.items() if k != K["expr"]}
    v.update(surface_defaults(DEFAULTS[K["surface"]], DEFAULTS[K["width"]]))
    return {**v, K["inspect"]: "adam", **view}


def first_swing(path: np.ndarray) -> float:
    """How far across the valley (|y|) a path swings out after it first crosses its floor
    (y = 0); 0 if it never crosses."""
    y = path[:, 1]
    cross = np.flatnonzero(np.sign(y[1:]) != np.sign(y[:-1]))
    return float(np.abs(y[cross[0] + 1:]).max()) if cross.size else 0.0


def step_fields(step: str) -> dict:
    """The numbers a step's own text states, computed for the race it sets."""
    if step != "nesterov":
        return {}
    race = race_from_values(step_values(step))
    runs = compute_race(race)
    return {"mom": f"{first_swing(runs['momentum']['path']):.2f}",
            "nag": f"{first_swing(runs['nesterov']['path']):.2f}",
            "lr": f"{race.hp('nesterov')['lr']:g}", "rho": f"{race.hp('nesterov')['momentum']:g}"}


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(s, T(f"step.{s}.title"), T(f"step.{s}.text", **step_fields(s)),
                        step_values(s)) for s in LECTURE]


# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------


def code(text) -> str:
    """``text`` as a Markdown code span, shown literally whatever it contains."""
    text = str(text)
    run, longest = 0, 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_ALLOWED_AFTER = {"unknown_name", "operator", "attribute", "call", "unknown_function",
                  "syntax_kind", "not_real"}


def expression_error_text(exc: ExpressionError) -> str:
    """The error in the page's language, every piece of the formula or of code as a code span
    (Markdown would turn ``x**`` into bold text)."""
    fld = dict(exc.fields)
    key = f"expr_err.{exc.code}"
    if T.get(key) is None:
        key = "expr_err.invalid"
    for name in ("name", "op", "attr", "part"):
        if name in fld:
            fld[name] = code(fld[name])
    extra = ""
    if exc.code == "syntax":
        offset = fld.pop("offset", 0)
        fld["where"] = T("expr_err.syntax_at", offset=offset) if offset else ""
        fld |= {"times": code("*"), "example": code("2*x")}
    if fld.pop("caret", False):
        extra += " " + T("expr_err.caret", power=code("x**2"), caret=code("x^2"))
    if fld.pop("case", False):
        extra += " " + T("expr_err.case")
    if exc.code == "function_name":
        fld["call"] = code(f"{exc.fields['name']}(...)")
    if exc.code == "arguments":
        fld["example"] = code(f"{exc.fields['name']}(x)")
    if exc.code == "empty":
        fld["example"] = code(DEFAULT_EXPR)
    if exc.code == "exponent_kind":
        fld["power"] = code("**")
    if "max" in fld:
        fld["max"] = f"{fld['max']:g}"
    text = T(key, **fld) + extra
    if exc.code in _ALLOWED_AFTER:
        text += " " + T("expr_allowed", names=", ".join(code(n) for n in ("x", "y", "pi", "e")),
                        ops=" ".join(code(o) for o in ("+", "-", "*", "/", "**")),
                        funcs=", ".join(code(fn) for fn in FUNCTIONS))
    return T("expr_error", msg=text)


def surface_label(name: str) -> str:
    return T("custom_option") if name == CUSTOM else T(f"surface.{name}.label")


def labels_of(options, key: str):
    """A widget's ``format_func``: the options' labels looked up once, in the language of this
    run (AppTest calls format_func outside the run, where the session's language is unknown)."""
    return {o: T(key.format(o)) for o in options}.get


def opt_label(name: str) -> str:
    return OPTIMIZERS[name].label


def divergence_warnings(runs: dict, names: list[str]) -> list[str]:
    """One warning per cause (nncore.divergence code), naming every optimizer it stopped."""
    by_code: dict[str, list[str]] = {}
    for n in names:
        r = runs[n]
        if r["diverged_at"] is not None:
            who = T("diverge.who", label=opt_label(n), step=r["diverged_at"])
            by_code.setdefault(r["reason"], []).append(who)
    order = (LEFT_BOX, OVERFLOW, UNDEFINED)
    return [T(f"diverge.{c}", who=", ".join(by_code[c])) for c in order if c in by_code]


# ---------------------------------------------------------------------------------------------
# Callbacks (they write widget values before the widgets are drawn)
# ---------------------------------------------------------------------------------------------


def _width() -> float:
    return float(st.session_state.get(K["width"], DEFAULTS[K["width"]]))


def on_surface_change() -> None:
    st.session_state.update(surface_defaults(st.session_state[K["surface"]], _width()))
    st.session_state[K["preset"]] = None


def on_width_change() -> None:
    st.session_state[K["x0"]], st.session_state[K["y0"]] = default_start(CUSTOM, _width())


def on_reset() -> None:
    surface = st.session_state.get(K["surface"], DEFAULTS[K["surface"]])
    st.session_state.update(surface_defaults(surface, _width()))


def on_story() -> None:
    story = st.session_state.get(K["preset"])
    if story in STORIES:
        st.session_state.update(story_values(story))


def on_pick() -> None:
    """A click on the race map moves the start point there."""
    state = st.session_state.get(K["race"])
    point = state.get("click") if state is not None else None
    if point and point.get("x") is not None and point.get("y") is not None:
        st.session_state[K["x0"]] = round(float(point["x"]), 3)
        st.session_state[K["y0"]] = round(float(point["y"]), 3)


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def _fmt(v) -> str:
    return f"{v:g}"


def story_ui() -> str | None:
    """The story pills. A link holding only ``?opt_preset=saddle`` gets the story's settings
    (those the link does not set itself) on the session's first run."""
    ss = st.session_state
    url_state.seed_from_url(K["preset"], list(STORIES), STORY_ALIASES)
    if "_opt_story_seeded" not in ss:
        ss["_opt_story_seeded"] = True
        if ss.get(K["preset"]) in STORIES:
            for key, value in story_values(ss[K["preset"]]).items():
                if key not in st.query_params:
                    ss[key] = value
    choice = st.pills(T("presets"), list(STORIES), format_func=labels_of(STORIES, "story.{}.label"),
                      key=K["preset"], on_change=on_story, help=T("presets_help"))
    url_state.write_url(K["preset"], choice)
    return choice


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


def hp_ui(selected: list[str], surface: str, width: float) -> None:
    """One expander per selected optimizer with its hyperparameters.

    An expander's sliders exist only while it is open: the browser redraws every widget on
    the page at each step of any slider, hidden or not, and these are most of the page's
    widgets. So the values live in the session and the URL by themselves (``held_hp``,
    ``hp_to_url``) rather than through the widgets, which come and go."""
    defaults = surface_defaults(surface, width)
    st.caption(T("hp_header"))
    chosen = {}
    for name in selected:
        spec = OPTIMIZERS[name]
        keys = {hp: hp_key(name, hp) for hp in spec.defaults}
        values = {hp: held_hp(key, defaults[key], spec.grids[hp]) for hp, key in keys.items()}
        box = st.expander(spec.label, key=open_key(name), on_change="rerun")
        if box.open:
            with box:
                for hp, key in keys.items():
                    values[hp] = st.select_slider(f"{GLYPHS[hp]} {T(f'hp.{hp}')}",
                                                  options=spec.grids[hp], format_func=_fmt,
                                                  key=key)
        chosen[name] = values
    hp_to_url(chosen, defaults)
    st.button(T("reset"), on_click=on_reset, icon=":material/restart_alt:", width="stretch")


def hp_to_url(chosen: dict, defaults: dict) -> None:
    """Hyperparameters of racing optimizers that differ from the surface's defaults go in the
    URL (?opt_adam_lr=0.02); the others leave it."""
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


def surface_ui() -> tuple[str, float]:
    """Surface, κ, formula and width (sidebar); returns the surface id and the width."""
    st.subheader(T("sidebar_surface"))
    surface = url_state.selectbox(T("surface"), SURFACE_OPTIONS, key=K["surface"],
                                  default=DEFAULTS[K["surface"]],
                                  format_func={n: surface_label(n) for n in SURFACE_OPTIONS}.get,
                                  aliases=SURFACE_ALIASES, on_change=on_surface_change)
    width = DEFAULTS[K["width"]]
    if surface == "quadratic":
        st.select_slider(T("kappa"), KAPPA_OPTIONS, value=DEFAULTS[K["kappa"]], key=K["kappa"],
                         bind="query-params", help=T("kappa_help"))
    elif surface == CUSTOM:
        st.text_input(T("expr"), value=DEFAULT_EXPR, max_chars=200, key=K["expr"],
                      bind="query-params", help=T("expr_help"),
                      placeholder=T("expr_placeholder"))
        width = float(st.select_slider(T("width"), WIDTH_OPTIONS, value=DEFAULTS[K["width"]],
                                       format_func=_fmt, key=K["width"], bind="query-params",
                                       on_change=on_width_change))
    return surface, width


def optimizers_ui(surface: str, width: float) -> None:
    st.subheader(T("sidebar_optimizers"))
    key = K["set"]
    if key not in st.session_state:  # an old link repeats the parameter: opt_set=SGD&opt_set=Adam
        parts = st.query_params.get_all(key)
        if len(parts) > 1:
            st.query_params[key] = ",".join(parts)
    chosen = url_state.multiselect(T("optimizers"), list(OPTIMIZERS), key=key,
                                   default=DEFAULTS[key], format_func=opt_label,
                                   aliases=OPT_ALIASES, placeholder=T("optimizers_placeholder"))
    hp_ui([n for n in OPTIMIZERS if n in chosen], surface, width)


def sidebar_ui() -> None:
    """The sidebar's widgets; their values are read from the session by ``race_from_values``."""
    with controls():
        surface, width = surface_ui()
        optimizers_ui(surface, width)


def run_ui(surf, start_default: tuple[float, float]) -> None:
    """The run's settings in one row above the race (inside the race's fragment, so moving
    one reruns only the race and what follows it, not the sidebar)."""
    (bx0, bx1), (by0, by1) = surf.bounds
    c_steps, c_x, c_y, c_sched, c_noise, c_3d = st.columns([1.1, 0.7, 0.7, 1.15, 1.15, 1.0])
    q = {"bind": "query-params"}
    c_steps.select_slider(T("steps"), STEP_OPTIONS, value=DEFAULTS[K["steps"]],
                          key=K["steps"], **q)
    c_x.number_input(T("x0"), min_value=bx0, max_value=bx1, value=start_default[0],
                     step=(bx1 - bx0) / 100, format="%.3f", key=K["x0"], **q)
    c_y.number_input(T("y0"), min_value=by0, max_value=by1, value=start_default[1],
                     step=(by1 - by0) / 100, format="%.3f", key=K["y0"], **q)
    with c_sched:
        url_state.selectbox(T("schedule"), list(SCHEDULES), key=K["sched"], default="constant",
                            format_func=labels_of(SCHEDULES, "sched.{}"), aliases=SCHED_ALIASES,
                            help=T("schedule_help"))
    with c_noise:
        noise = st.select_slider(T("noise"), NOISE_OPTIONS, value=DEFAULTS[K["noise"]],
                                 format_func=_fmt, key=K["noise"], help=T("noise_help"), **q)
        if noise > 0:
            st.number_input(T("seed"), min_value=0, max_value=1_000_000, value=0, step=1,
                            key=K["seed"], **q)
    with c_3d:  # wide enough for "3D 보기" and its help icon at 1280 px (was cut to "3D…")
        st.space("small")  # level with the inputs, which have labels above them
        st.toggle(T("view3d"), key=K["view3d"], help=T("view3d_help"), **q)


RUN_KEYS = (K["steps"], K["x0"], K["y0"], K["sched"], K["noise"], K["view3d"])


def held_view() -> View:
    """The view as its controls hold it before they are drawn (session, else the link)."""
    ss = st.session_state
    below = ss.get(K["below"]) or url_state.url_value(K["below"], BELOW_OPTIONS, BELOW_ALIASES)
    return View(view3d=bool(ss.get(K["view3d"], False)), below=below or "summary")


def below_ui() -> str:
    """Which view goes under the race: one at a time, picked like a tab, so only the one shown
    is computed, sent and drawn at every step of a run setting."""
    return url_state.segmented(T("below_views"), list(BELOW_OPTIONS), key=K["below"],
                               default="summary", format_func=labels_of(BELOW_OPTIONS, "below.{}"),
                               aliases=BELOW_ALIASES)


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


def run_views(runs: dict, names: list[str]) -> list[RunView]:
    return [RunView(n, opt_label(n), runs[n]["path"], runs[n]["losses"], runs[n]["diverged_at"],
                    OPTIMIZERS[n].color, OPTIMIZERS[n].dash) for n in names]


@dataclass(frozen=True)
class _MinimaOnly:
    minima: tuple


def summary_frame(runs: dict, names: list[str], surf, minima, tol: float) -> pd.DataFrame:
    """One row per optimizer; English id columns (the CSV), renamed for the page."""
    rows = []
    holder = surf if surf.minima else _MinimaOnly(minima)
    for n in names:
        r = runs[n]
        dist, which = nearest_minimum(holder, r["path"])
        hit = np.flatnonzero(dist <= tol)
        mx, my = holder.minima[int(which[-1])]
        rows.append({"optimizer": opt_label(n), "final_f": float(r["losses"][-1]),
                     "distance": float(dist[-1]), "nearest_minimum": f"({mx:.3g}, {my:.3g})",
                     "first_step_within_tol": int(hit[0]) if hit.size else None,
                     "stopped_at": r["diverged_at"], "steps_run": len(r["path"]) - 1})
    return pd.DataFrame(rows)


def shown_summary(table: pd.DataFrame) -> pd.DataFrame:
    """The summary as text in the page's language (7.6e+12 and 5.7e-18 both read well)."""
    def step_or(text):
        return lambda v: text if v is None or pd.isna(v) else str(int(v))

    return pd.DataFrame({
        T("col_optimizer"): table["optimizer"],
        T("col_final_f"): table["final_f"].map("{:.4g}".format),
        T("col_dist"): table["distance"].map("{:.3g}".format),
        T("col_min"): table["nearest_minimum"],
        T("col_first"): table["first_step_within_tol"].map(step_or(T("never"))),
        T("col_diverged"): table["stopped_at"].map(step_or(T("no"))),
        T("col_steps"): table["steps_run"].map(str),
    })


def trajectories_frame(runs: dict, names: list[str]) -> pd.DataFrame:
    parts = []
    for n in names:
        r = runs[n]
        k = len(r["path"])
        g = np.vstack([r["grads"], np.full((k - len(r["grads"]), 2), np.nan)])
        parts.append(pd.DataFrame({
            "optimizer": n, "step": np.arange(k), "x": r["path"][:, 0], "y": r["path"][:, 1],
            "f": r["losses"], "grad_x": g[:, 0], "grad_y": g[:, 1],
        }))
    return pd.concat(parts, ignore_index=True)


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
    summary_caption: str


def race_results(race: Race, view: View, surf, grid: dict, states: bool) -> RaceResults:
    """Run the race (cached) and build its figures and tables."""
    runs = compute_race(race, states)
    views = run_views(runs, race.names)
    f_ref = grid["f_ref"]
    if not surf.minima:  # a typed formula: paths may go below the lowest grid value
        f_ref = min(f_ref, min(float(np.min(runs[n]["losses"])) for n in race.names))
    # A square-ish box shares the row with the loss curves; a wide one (the bowl) gets the
    # full width, or its picture would be a thin strip.
    (bx0, bx1), (by0, by1) = surf.bounds
    aspect = (bx1 - bx0) / (by1 - by0)
    wide = aspect >= 1.5
    plot_width = 880 if wide else 440  # px of plot area, roughly, in the lab's wide layout
    height = int(np.clip(plot_width / aspect + 100, 360, 690))
    text = fig_text()
    if not surf.minima:
        text["minima"] = text["minima_custom"]
    player = None
    # a student's zoom and legend choices last until the surface (or, for the loss curves,
    # the number of steps) changes
    view_key = f"{race.surface}|{race.kappa}|{race.expr}|{race.width}"
    if view.view3d:
        race_fig = surface3d_figure(grid["xs"], grid["ys"], grid["scale"], views,
                                    bounds=surf.bounds, minima=grid["minima"],
                                    min_value=grid["f_ref"], text=text, height=height + 40)
    else:
        layers = map_layers(race.surface, race.kappa, race.expr, race.width,
                            (text["gap"], text["gap_log"]))
        race_fig, player = race_scene(grid["xs"], grid["ys"], grid["scale"], views,
                                      bounds=surf.bounds, minima=grid["minima"],
                                      saddles=surf.saddles, start=(race.x0, race.y0),
                                      total_steps=race.steps, text=text, height=height,
                                      layers=layers, uirevision=view_key,
                                      legend_link=LEGEND_GROUP)
    loss_fig = loss_figure(views, f_ref, text=text, height=380 if wide else height + 35,
                           uirevision=f"{view_key}|{race.steps}",
                           legend_link=None if view.view3d else LEGEND_GROUP)
    tol = tolerance(surf)
    table = summary_frame(runs, race.names, surf, grid["minima"], tol)
    caption = T("summary_caption", tol=tol)
    if not surf.minima:
        points = ", ".join(f"({mx:.3g}, {my:.3g})" for mx, my in grid["minima"])
        caption += " " + T("summary_caption_custom", points=points, n=GRID_N)
    return RaceResults(runs, views, divergence_warnings(runs, race.names), wide, race_fig,
                       player, loss_fig, f_ref, table, caption)


def draw_race(r: RaceResults, view: View) -> None:
    """The map (or the 3D view). A click on the map moves the start point (``on_pick``)."""
    if view.view3d:
        chart(r.race_fig, key=K["race3d"])
        return
    chart(r.race_fig, key=K["race"], on_click=on_pick, player=r.player)
    st.caption(T("race_caption"))


# The race and the loss chart side by side only while the race column keeps >= 500 px: on a
# projector at 1280 px with the sidebar open they stack (the map was ~290 px side by side).
RACE_ROW_CSS = """<style>
.st-key-opt_race_row [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
.st-key-opt_race_row [data-testid="stColumn"] { min-width: min(100%, 300px); flex-grow: 1; }
.st-key-opt_race_row [data-testid="stColumn"]:first-child { min-width: min(100%, 500px); }
</style>"""


def draw_results(r: RaceResults, race: Race, view: View, scale) -> None:
    # one container whatever the number of warnings, so the elements after it keep their
    # place: Streamlit identifies elements by position, and a shifted chart is drawn anew
    with st.container():
        for text in r.warnings:
            st.warning(text, icon=":material/warning:")
    if r.wide:
        st.subheader(T("race_header"))
        draw_race(r, view)
        st.subheader(T("loss_header"))
        chart(r.loss_fig, key=K["loss"])
    else:
        st.html(RACE_ROW_CSS)
        with st.container(key="opt_race_row"):
            left, right = st.columns([3, 2], gap="medium")
        with left:
            st.subheader(T("race_header"))
            draw_race(r, view)
        with right:
            st.subheader(T("loss_header"))
            chart(r.loss_fig, key=K["loss"])
    if scale.log:
        st.caption(T("log_caption", decades=scale.zmax - scale.zmin))
    st.caption(T("loss_caption", fref=f"{r.f_ref:.6g}"))
    d1, d2, d3 = st.columns(3)
    with d1:
        download_csv(T("download_paths"), lambda: trajectories_frame(r.runs, race.names),
                     "optimizer_trajectories.csv", key=K["dl_paths"])
    with d2:
        download_csv(T("download_summary"), lambda: r.table, "optimizer_summary.csv",
                     key=K["dl_summary"])
    with d3:
        download_json(T("download_settings"),
                      lambda: json.dumps({**asdict(race), **asdict(view)}, indent=2),
                      "optimizer_settings.json", key=K["dl_settings"])


# numbers such as 2.323e-05 must not wrap at their hyphen
NOWRAP_CSS = "<style>.nnlab-table td { white-space: nowrap; }</style>"


def draw_summary(r: RaceResults) -> None:
    st.html(NOWRAP_CSS)
    static_table(shown_summary(r.table))
    st.caption(r.summary_caption)


def memory_texts(name: str) -> tuple[str, str, str]:
    """What the internals view draws for ``name``: legend name, caption text, step-size unit."""
    spec = OPTIMIZERS[name]
    legend = T(f"fig.memory.{spec.memory}")
    caption = T(f"memory.{spec.memory}")
    if spec.memory == "none":
        caption = caption.format(label=spec.label)
    return legend, caption, T(f"unit.{spec.direction}")


@st.fragment
def internals_section(grid: dict, runs: dict, views: list[RunView], surf, race: Race) -> None:
    names = [v.name for v in views]
    if st.session_state.get(K["inspect"]) not in (None, *names):
        st.session_state[K["inspect"]] = names[-1]
    name = url_state.selectbox(T("inspect"), names, key=K["inspect"], default=names[-1],
                               format_func=opt_label, aliases=OPT_ALIASES)
    view = next(v for v in views if v.name == name)
    r = runs[name]
    legend, memory, unit = memory_texts(name)
    window = zoom_window(view.path, surf.bounds)
    window = tuple(tuple(float(f"{v:.6g}") for v in w) for w in window)  # a stable cache key
    try:
        zoom = compute_zoom_grid(race.surface, race.kappa, race.expr, race.width, window,
                                 grid["scale"].log, grid["f_ref"])
    except ValueError:  # f undefined on the whole window: fall back to the main map's grid
        zoom = {**grid, "layers": None}
    text = {**fig_text(), "memory": legend}
    arrows = internals_arrows_figure(zoom["xs"], zoom["ys"], zoom["scale"], view, r["grads"],
                                     r["memory"], window=window, text=text,
                                     layers=zoom["layers"])
    steps = step_size_figure(r["step_size"], r["lr"], view, text=text)
    st.latex(OPTIMIZERS[name].formula)
    note = rule_note(name, race)
    if note:
        st.caption(note)
    left, right = st.columns(2)
    with left:
        chart(arrows, key=K["arrows"])
    with right:
        chart(steps, key=K["stepsize"])
    st.caption(T("internals_caption", memory=memory, unit=unit))
    download_csv(T("download_internals"), lambda: internals_frame(name, r),
                 f"optimizer_internals_{name}.csv", key=K["dl_internals"])


def internals_frame(name: str, r: dict) -> pd.DataFrame:
    """The internals view's data: per step the gradient, the remembered direction (as drawn:
    −velocity, −m, or the step taken), the per-coordinate step size and the scheduled α."""
    k = len(r["lr"])
    return pd.DataFrame({
        "optimizer": name, "step": np.arange(1, k + 1), "x": r["path"][:k, 0],
        "y": r["path"][:k, 1], "grad_x": r["grads"][:k, 0], "grad_y": r["grads"][:k, 1],
        "memory_kind": OPTIMIZERS[name].memory, "memory_x": r["memory"][:, 0],
        "memory_y": r["memory"][:, 1], "step_size_x": r["step_size"][:, 0],
        "step_size_y": r["step_size"][:, 1], "lr": r["lr"],
    })


def rule_note(name: str, race: Race) -> str | None:
    """The sentence under an update rule that needs one (its symbols, its form)."""
    if name == "nesterov":
        return T("note.nesterov")
    if name == "radam":
        b2 = race.hp("radam")["beta2"] if "radam" in race.names else 0.999
        return T("note.radam", beta2=f"{b2:g}", n5=radam_warmup_steps(b2),
                 n4=radam_warmup_steps(b2, 4.0))
    return None


def update_rules(race: Race) -> None:
    """Every racing optimizer's update rule and its reference, typeset only while the expander
    is open (and outside the race's fragment): Streamlit redraws every formula on the page
    at each step of a slider, hidden or not."""
    rules = st.expander(T("rules_header"), key=K["rules"], on_change="rerun")
    if not rules.open:
        return
    with rules:
        for n in race.names:
            spec = OPTIMIZERS[n]
            st.markdown(T("rule_line", label=spec.label, reference=spec.reference))
            st.latex(spec.formula)
            note = rule_note(n, race)
            if note:
                st.caption(note)


@st.fragment
def race_and_results(surf, grid: dict, story: str | None) -> None:
    """Run settings, race, loss curves, summary, internals: a fragment, so the run's own
    controls (steps, start, schedule, noise, 3D view) and a click on the map rerun only this
    part.

    The browser re-renders the whole page each time a batch of elements arrives (12–15 ms
    here), so the fragment sends everything together: it computes first, from the run
    settings the widgets already hold in the session, and draws the controls row (a container
    placed at the top) last, with the charts. On a session's first run the widgets do not
    exist yet, so they are drawn first and read as usual. Should a widget change a value the
    session held (Streamlit resets an out-of-range start), the fragment runs once more."""
    ss = st.session_state
    width = _width() if ss.get(K["surface"]) == CUSTOM else 5.0
    start = default_start(ss.get(K["surface"], DEFAULTS[K["surface"]]), width)
    story_slot, row = st.container(), st.container()
    late = all(k in ss for k in RUN_KEYS)
    if not late:
        with row:
            run_ui(surf, start)
    race, view = race_from_values(ss), held_view()
    with story_slot:
        story_box(story, race)
    inside = view.below == "internals"  # the state histories are only drawn there
    results = race_results(race, view, surf, grid, states=inside)
    draw_results(results, race, view, grid["scale"])
    if below_ui() == "internals":
        runs = results.runs if inside else compute_race(race, True)
        internals_section(grid, runs, results.views, surf, race)
    else:
        draw_summary(results)
    if late:
        with row:
            run_ui(surf, start)
        drawn = race_from_values(ss)
        if drawn != race and ss.get("_opt_corrected") != drawn:
            ss["_opt_corrected"] = drawn  # once per correction, never a loop
            st.rerun(scope="fragment")


def surface_header(race: Race, surf) -> None:
    if race.surface == CUSTOM:  # the typed text is shown as code, never as Markdown
        st.markdown(f"**{T('custom_option')}** — {T('custom_note')}")
        st.code(surf.formula, language=None)
        return
    label = surface_label(race.surface)
    if race.surface == "quadratic":
        label += f" (κ = {race.kappa:g})"
    st.markdown(f"**{label}** — {T(f'surface.{race.surface}.note')}")
    st.latex(surf.formula)


def story_box(story: str | None, race: Race) -> None:
    """A story's text, only while the race is the one it describes (its numbers are computed
    for those settings)."""
    if story not in STORIES:
        return
    if story_race(story) == race:
        st.success(T(f"story.{story}.text", **story_fields(story, race)),
                   icon=":material/school:")
    elif lecture_mode():  # no story pills here: a step restores its settings when reopened
        st.caption(T("step_changed", label=T(f"step.{story}.title")))
    else:
        st.caption(T("story_changed", label=T(f"story.{story}.label")))


def main() -> None:
    page_intro(T("title"), T("intro"))
    if lecture_mode():  # the step bar replaces the story pills; a story step tells its story
        step = lecture_steps_ui(lecture_steps())
        story = step.id if step.id in STORIES else None
    else:
        story = story_ui()
    sidebar_ui()
    race = race_from_values(st.session_state)
    try:
        surf = race_surface(race)
    except ExpressionError as exc:
        st.error(expression_error_text(exc), icon=":material/function:")
        return
    surface_header(race, surf)
    if not race.names:
        st.info(T("no_optimizers"))
        return
    try:
        grid = compute_grid(race.surface, race.kappa, race.expr, race.width)
    except ValueError:  # f undefined on the whole box
        st.error(T("expr_nowhere"))
        return
    if grid["nonfinite"]:
        st.info(T("expr_nonfinite"), icon=":material/info:")
    race_and_results(surf, grid, story)
    update_rules(race)


if __name__ == "__main__":
    main()
