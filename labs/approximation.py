"""Universal approximation and depth: build a 1-D function from ReLU ramps (or sigmoid steps) by
hand, train the same network, measure the error against N, and count the linear pieces a deep
narrow net makes with few units.

UI only: widgets -> ApproxSettings -> cached ``nncore.approx`` -> ``viz.approximation_figs``.
Every setting is in the URL (prefix ``ua_``); presets write the widgets' state in a callback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from nncore import approx as A
from nncore.expr import ExpressionError
from ui import disk_cache, workers
from ui import url_state as us
from ui.common import (
    chart,
    controls,
    download_csv,
    download_json,
    page_intro,
    static_table,
    worker_died,
)
from ui.lecture import LectureStep, lecture_steps_ui
from ui.share import lecture_mode
from ui.strings.approximation import T
from ui.warm import WarmTask
from viz import approximation_figs as F

K = {  # widget keys = URL parameter names
    "target": "ua_target",
    "formula": "ua_formula",
    "a": "ua_a",
    "b": "ua_b",
    "noise": "ua_noise",
    "seed": "ua_seed",
    "n": "ua_n",
    "act": "ua_act",
    "steps": "ua_steps",
    "lr": "ua_lr",
    "k": "ua_k",
    "dtrain": "ua_dtrain",
    "dwidth": "ua_dwidth",
}
FORMULA_OK = "ua_formula_ok"  # session state: the last formula that worked (not a widget)
INTERVAL_OK = "ua_interval_ok"
DEFAULT_FORMULA = "sin(3*x) * exp(-x**2/4)"
STEPS = [100, 200, 500, 1000, 2000, 5000]
LRS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3]
NOISES = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5]
SHOWN_PARTS = 6  # unit terms (ramps or bumps) drawn in the hand-built chart
CHUNK = 250  # training steps per worker task
DEPTH_CHUNK = 500  # steps of all 2·seeds depth runs per worker task
DEPTH_WIDTHS = [2, 3, 4]
INLINE_SECONDS = 0.5
FIRST_ORDER = (-1.3, -0.7)  # a staircase slope in this range reads as "1/N"  # runs estimated longer go to the worker pool with a progress bar


@dataclass(frozen=True)
class ApproxSettings:
    target: str = "sin"
    formula: str = DEFAULT_FORMULA
    a: float = -3.0
    b: float = 3.0
    noise: float = 0.0
    seed: int = 0
    n_units: int = 16
    activation: str = "relu"
    steps: int = 1000
    lr: float = 0.03
    k: int = 4

    def fit_spec(self) -> A.FitSpec:
        formula = self.formula if self.target == "formula" else ""
        return A.FitSpec(self.target, formula, self.a, self.b, self.noise, self.seed,
                         self.n_units, self.activation, self.steps, self.lr)


DEFAULT = ApproxSettings()

PRESETS = {
    "any": {"target": "sin", "n": 8, "act": "relu", "noise": 0.0},
    "squash": {"target": "bump", "n": 16, "act": "sigmoid", "noise": 0.0},
    "step": {"target": "step", "n": 32, "act": "relu", "noise": 0.0},
    "depth": {"k": 6},
}


def fmt(v: float) -> str:
    """Numbers read the same in both languages: 3 significant digits."""
    return f"{v:.3g}"


# ---------------------------------------------------------------------------------------------
# Cached compute (primitives / frozen dataclasses only)
# ---------------------------------------------------------------------------------------------


@st.cache_data(max_entries=32, show_spinner=False)
def construct(target: str, formula: str, a: float, b: float, n: int, act: str) -> dict:
    """The hand-built network, its curves on 400 points, and its errors."""
    tg = A.make_target(target, formula)
    params = A.constructive_net(tg.f, a, b, n, act)
    x = np.linspace(a, b, A.PLOT_POINTS)
    dense = A.error_points(tg, a, b)
    out = {"x": x, "target": tg.f(x), "sum": A.net_output(params, x, act), "params": params,
           "err": float(np.max(np.abs(A.net_output(params, dense, act) - tg.f(dense))))}
    if act == "relu":
        idx = np.unique(np.linspace(0, n - 1, min(n, SHOWN_PARTS)).astype(int))
        out["parts"] = A.unit_contributions(params, x, act)[idx]
        out["part_idx"] = idx
        out["pieces"] = A.linear_pieces(params, a, b)[0]
    else:
        bumps = A.staircase_bumps(tg.f, a, b, n, x)
        idx = np.unique(np.linspace(0, n, min(n + 1, SHOWN_PARTS)).astype(int))
        out["parts"], out["part_idx"] = bumps[idx], idx
        h = (b - a) / (n + 1)
        centres = a + h * (np.arange(n + 1) + 0.5)
        out["centres"] = centres
        out["centre_err"] = float(np.max(np.abs(A.net_output(params, centres, act)
                                                - tg.f(centres))))
    return out


@st.cache_data(max_entries=32, show_spinner=False)
def rate(target: str, formula: str, a: float, b: float, act: str) -> dict:
    """Max error of the ReLU interpolant for N = 1…256, the bound, and the staircase's."""
    tg = A.make_target(target, formula)
    ns = np.arange(1, 257)
    err = A.interpolation_errors(tg.f, a, b, ns, A.error_points(tg, a, b))
    d2 = tg.d2max(a, b)
    out = {"ns": ns, "err": err, "d2": d2, "smooth": tg.smooth_on(a, b),
           "jump": target == "step" and len(tg.kinks(a, b)) > 0,
           "bound": A.interpolation_bound(a, b, ns, d2) if d2 is not None else None,
           "slope": A.loglog_slope(ns, err)}
    if act != "relu":
        sn = np.array([1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256])
        out["stair_ns"], out["stair_err"] = sn, A.staircase_errors(tg.f, a, b, sn, act)
        out["stair_slope"] = A.loglog_slope(sn, out["stair_err"])
    return out


@st.cache_data(max_entries=32, show_spinner=False)
def best_rate(target: str, formula: str, a: float, b: float) -> dict:
    """The best N-unit fit found for each N in A.BEST_NS (about 0.4 s: shared on disk)."""
    key = (target, formula, float(a), float(b))
    return disk_cache.cached("approximation.best", key, lambda: best_here(*key))


def best_here(target: str, formula: str, a: float, b: float) -> dict:
    return A.best_table(A.make_target(target, formula), a, b)


@st.cache_data(max_entries=32, show_spinner=False)
def fit_record(spec: A.FitSpec) -> dict:
    """One training run: from the shared disk cache, else computed here."""
    return disk_cache.cached("approximation.fit", spec, lambda: A.run_fit(spec, CHUNK))


def fit(spec: A.FitSpec) -> dict:
    """A long run not yet on disk goes to the worker pool in chunks behind a progress bar."""
    if (A.fit_seconds(spec.n_units, spec.steps) <= INLINE_SECONDS
            or disk_cache.contains("approximation.fit", spec)):
        return fit_record(spec)
    n_chunks = -(-spec.steps // CHUNK)
    bar = st.progress(0.0, text=T("training", n=spec.n_units, steps=spec.steps))
    final = A.start_fit(spec.n_units, spec.lr, spec.seed)
    try:
        for k, chunk_state in workers.run_chunks(A.fit_step, final, n_chunks, spec, CHUNK):
            final = chunk_state
            bar.progress(k / n_chunks, text=T("training", n=spec.n_units, steps=spec.steps))
    except workers.WorkerCrashed:
        worker_died()
    disk_cache.put("approximation.fit", spec, A.fit_summary(final, spec))
    bar.empty()
    return fit_record(spec)


@st.cache_data(max_entries=16, show_spinner=False)
def depth(k: int) -> dict:
    """Deep tent net vs shallow nets on T^k: curves, exact piece counts, errors."""
    s = np.linspace(0.0, 1.0, 1025)
    target = A.tent_power(s, k)
    deep = A.tent_net(k)
    units = 2 * k
    shallow = A.shallow_lsq(lambda v: A.tent_power(v, k), 0.0, 1.0, units)
    exact_units = 2**k
    exact = A.relu_interpolant(lambda v: A.tent_power(v, k), 0.0, 1.0, exact_units)
    rows = []
    for name, params, shape in (("deep", deep, f"{k} × 2"), ("shallow", shallow, f"1 × {units}"),
                                ("exact", exact, f"1 × {exact_units}")):
        y = A.net_output(params, s, "relu")
        rows.append({"net": name, "shape": shape, "units": 2 * k if name != "exact"
                     else exact_units, "pieces": A.linear_pieces(params, 0.0, 1.0)[0],
                     "max_err": float(np.max(np.abs(y - target))), "y": y})
    ks = np.arange(1, 9)
    deep_pieces = np.array([A.linear_pieces(A.tent_net(int(j)), 0.0, 1.0)[0] for j in ks])
    return {"s": s, "target": target, "rows": rows, "ks": ks, "deep_pieces": deep_pieces}


@st.cache_data(max_entries=16, show_spinner=False)
def depth_trained_record(spec: A.DepthTrainSpec) -> dict:
    return disk_cache.cached("approximation.depth_train", spec,
                             lambda: A.run_depth_training(spec, DEPTH_CHUNK))


def depth_trained(spec: A.DepthTrainSpec) -> dict:
    """Not yet on disk: the runs train in the worker pool in chunks behind a progress bar
    (seconds: 2·seeds nets, longer for a large k or width)."""
    if disk_cache.contains("approximation.depth_train", spec):
        return depth_trained_record(spec)
    n_chunks = -(-spec.steps // DEPTH_CHUNK)
    text = T("dtrain_progress", seeds=spec.n_seeds, steps=spec.steps)
    bar = st.progress(0.0, text=text)
    states = A.depth_train_start(spec)
    try:
        for k, chunk_states in workers.run_chunks(A.depth_train_step, states, n_chunks, spec,
                                                  DEPTH_CHUNK):
            states = chunk_states
            bar.progress(k / n_chunks, text=text)
    except workers.WorkerCrashed:
        worker_died()
    disk_cache.put("approximation.depth_train", spec, A.depth_train_summary(states, spec))
    bar.empty()
    return depth_trained_record(spec)


# ---------------------------------------------------------------------------------------------
# Presets and widgets
# ---------------------------------------------------------------------------------------------


def apply_preset(name: str) -> None:
    for field, value in PRESETS[name].items():
        st.session_state[K[field]] = value


def active_preset(cfg: ApproxSettings) -> str | None:
    now = {"target": cfg.target, "n": cfg.n_units, "act": cfg.activation, "noise": cfg.noise,
           "k": cfg.k}
    for name, p in PRESETS.items():
        if name != "depth" and all(now[f] == v for f, v in p.items()):
            return name
    return "depth" if cfg.k == PRESETS["depth"]["k"] else None


def presets_ui(active: str | None) -> None:
    st.markdown(f"**{T('presets')}**")
    with st.container(horizontal=True):
        for name in PRESETS:
            st.button(T(f"preset.{name}"), key=f"ua_preset_{name}", on_click=apply_preset,
                      args=(name,), type="primary" if name == active else "secondary")
    if active is not None:
        st.info(T(f"preset.{active}.note"), icon=":material/school:")


# Lecture steps (ui.lecture) in the notes' order: one hidden layer approximates a continuous
# function (ReLU ramps, more units, the theorem's squashing units), training finds such a net,
# how fast the error falls (the best fit found), a jump is not continuous, depth folds the
# line, and training does not reliably find the fold. Each names the section it is about
# (0 construct, 1 train, 2 error against N, 3 depth), drawn first under the step bar.
FIELD_DEFAULTS = {"target": DEFAULT.target, "formula": DEFAULT_FORMULA, "a": DEFAULT.a,
                  "b": DEFAULT.b, "noise": DEFAULT.noise, "seed": DEFAULT.seed,
                  "n": DEFAULT.n_units, "act": DEFAULT.activation, "steps": DEFAULT.steps,
                  "lr": DEFAULT.lr, "k": DEFAULT.k, "dtrain": False, "dwidth": DEPTH_WIDTHS[0]}
LECTURE: dict[str, tuple[int, dict]] = {
    "ramps": (0, PRESETS["any"]),
    "more": (0, {**PRESETS["any"], "n": 32}),
    "squash": (0, PRESETS["squash"]),
    "train": (1, {}),
    "rate": (2, PRESETS["any"]),
    "jump": (2, PRESETS["step"]),
    "depth": (3, PRESETS["depth"]),
    "fold_trained": (3, {"k": 3, "dtrain": True}),
}


def step_settings(step: str) -> dict:
    return {**FIELD_DEFAULTS, **LECTURE[step][1]}


def step_values(step: str) -> dict:
    return {K[f]: v for f, v in step_settings(step).items()}


def step_fields(step: str) -> dict:
    """The numbers a step's text states, computed for its settings (all cached and quick:
    the training step states none, so no step text waits for a training run)."""
    p = step_settings(step)
    if step in ("ramps", "more", "squash"):
        c = construct(p["target"], "", p["a"], p["b"], p["n"], p["act"])
        out = {"n": p["n"], "err": fmt(c["err"])}
        if step == "more":
            before = construct(p["target"], "", p["a"], p["b"], PRESETS["any"]["n"], p["act"])
            out |= {"ratio": f"{before['err'] / c['err']:.3g}",
                    "times": p["n"] // PRESETS["any"]["n"]}
        return out
    if step == "rate":
        bt = best_rate(p["target"], "", p["a"], p["b"])
        return {"slope": fmt(bt["slope"]),
                "ratio": fmt(bt["interp"][-1] / bt["best"][-1])}
    if step == "jump":
        bt = best_rate(p["target"], "", p["a"], p["b"])
        return {"e256": fmt(rate(p["target"], "", p["a"], p["b"], p["act"])["err"][-1]),
                "best256": fmt(bt["best"][-1])}
    if step == "depth":
        deep = depth(p["k"])["rows"][0]
        return {"units": deep["units"], "k": p["k"], "pieces": deep["pieces"],
                "most": deep["units"] + 1}
    return {}


def step_config(step: str) -> ApproxSettings:
    """The settings ``settings_ui`` reads at lecture step ``step``."""
    p = step_settings(step)
    return ApproxSettings(p["target"], p["formula"], p["a"], p["b"], float(p["noise"]),
                          int(p["seed"]), int(p["n"]), p["act"], int(p["steps"]),
                          float(p["lr"]), int(p["k"]))


def warm_tasks() -> list[WarmTask]:
    """Every step's training run and best-fit table, and the trained depth comparison of the
    step that turns it on, for the server's warm-up (ui/warm.py)."""
    out = []
    for sid in LECTURE:
        cfg, p = step_config(sid), step_settings(sid)
        spec = cfg.fit_spec()
        best = (cfg.target, spec.formula, float(cfg.a), float(cfg.b))
        out += [WarmTask(sid, "approximation.fit", spec, A.run_fit, (spec, CHUNK)),
                WarmTask(sid, "approximation.best", best, best_here, best)]
        if p["dtrain"]:
            d = A.DepthTrainSpec(int(p["k"]), int(p["dwidth"]))
            out.append(WarmTask(sid, "approximation.depth_train", d, A.run_depth_training,
                                (d, DEPTH_CHUNK)))
    return out


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(s, T(f"step.{s}.title"), T(f"step.{s}.text", **step_fields(s)),
                        step_values(s)) for s in LECTURE]


def formula_ui(target: str) -> str:
    """The formula box; a formula that fails (parse, non-finite, too large) shows why and the
    last working one is kept."""
    text = st.text_input(T("formula"), value=DEFAULT_FORMULA, key=K["formula"], max_chars=200,
                         help=T("formula_help"), disabled=target != "formula",
                         bind="query-params")
    kept = st.session_state.get(FORMULA_OK, DEFAULT_FORMULA)
    if target != "formula":
        return kept
    a, b = st.session_state.get(INTERVAL_OK, (DEFAULT.a, DEFAULT.b))
    if text != kept:
        try:
            A.make_target("formula", text)
        except ExpressionError as exc:
            st.error(T("bad_formula", kept=kept), icon=":material/error:")
            st.code(str(exc), language=None, wrap_lines=True)
            text = kept
    code = A.check_target(A.make_target("formula", text), a, b)
    if code is not None:
        fallback = kept if text != kept and _usable(kept, a, b) else DEFAULT_FORMULA
        key = "formula_nonfinite" if code == A.TARGET_NONFINITE else "formula_too_large"
        st.error(T(key, a=fmt(a), b=fmt(b), kept=fallback), icon=":material/error:")
        text = fallback
    st.session_state[FORMULA_OK] = text
    return text


def _usable(formula: str, a: float, b: float) -> bool:
    return A.check_target(A.make_target("formula", formula), a, b) is None


def interval_ui() -> tuple[float, float]:
    q = {"bind": "query-params"}
    left, right = st.columns(2)
    a = left.number_input(T("a"), -10.0, 10.0, DEFAULT.a, step=0.5, key=K["a"], **q)
    b = right.number_input(T("b"), -10.0, 10.0, DEFAULT.b, step=0.5, key=K["b"], **q)
    kept = st.session_state.get(INTERVAL_OK, (DEFAULT.a, DEFAULT.b))
    if b - a < 0.5:
        st.warning(T("bad_interval", a=fmt(kept[0]), b=fmt(kept[1])), icon=":material/warning:")
        return kept
    st.session_state[INTERVAL_OK] = (float(a), float(b))
    return float(a), float(b)


def settings_ui() -> ApproxSettings:
    q = {"bind": "query-params"}
    with controls():
        st.subheader(T("sb_target"))
        target = us.selectbox(T("target"), A.TARGETS, key=K["target"], default=DEFAULT.target,
                              format_func={t: T(f"target.{t}") for t in A.TARGETS}.get)
        a, b = interval_ui()
        formula = formula_ui(target)
        noise = st.select_slider(T("noise"), NOISES, value=DEFAULT.noise, key=K["noise"],
                                 help=T("noise_help"), **q)
        seed = st.number_input(T("seed"), 0, 9999, DEFAULT.seed, step=1, key=K["seed"], **q)
        st.subheader(T("sb_net"))
        n = st.slider(T("n_units"), 1, 256, DEFAULT.n_units, key=K["n"], **q)
        act = us.segmented(T("activation"), A.UNIT_ACTIVATIONS, key=K["act"],
                           default=DEFAULT.activation,
                           format_func={v: T(f"act.{v}") for v in A.UNIT_ACTIVATIONS}.get)
        steps = st.select_slider(T("steps"), STEPS, value=DEFAULT.steps, key=K["steps"], **q)
        lr = st.select_slider(T("lr"), LRS, value=DEFAULT.lr, key=K["lr"], **q)
    k = st.session_state.get(K["k"], DEFAULT.k)  # its slider sits in the depth fragment
    return ApproxSettings(target, formula, a, b, float(noise), int(seed), int(n), act,
                          int(steps), float(lr), int(k))


def depth_ui() -> int:
    return int(st.slider(T("k"), 1, 8, DEFAULT.k, key=K["k"], help=T("k_help"),
                         bind="query-params"))


def depth_train_ui(k: int) -> A.DepthTrainSpec | None:
    """The toggle (off by default: training takes seconds) and the deep net's width."""
    spec = A.DepthTrainSpec(0)
    left, right = st.columns([3, 2])
    on = left.toggle(T("dtrain", seeds=spec.n_seeds, steps=spec.steps), value=False,
                     key=K["dtrain"], help=T("dtrain_help"), bind="query-params")
    width = right.select_slider(T("dwidth"), DEPTH_WIDTHS, value=DEPTH_WIDTHS[0],
                                key=K["dwidth"], help=T("dwidth_help"), bind="query-params")
    return A.DepthTrainSpec(k, int(width)) if on else None


# ---------------------------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------------------------


def construct_view(cfg: ApproxSettings) -> dict:
    st.header(T("sec_construct"))
    formula = cfg.formula if cfg.target == "formula" else ""
    c = construct(cfg.target, formula, cfg.a, cfg.b, cfg.n_units, cfg.activation)
    p = c["params"]
    relu = cfg.activation == "relu"
    if relu:
        st.markdown(T("construct_relu"))
        names = [T("ramp", j=j + 1, c=f"{p['W2'][j, 0]:+.3g}", t=fmt(-p["b1"][j]))
                 for j in c["part_idx"]]
        marks = -p["b1"]
    else:
        st.markdown(T("construct_smooth", act=T(f"act.{cfg.activation}")))
        names = [T("bump", j=j, m=fmt(c["centres"][j])) for j in c["part_idx"]]
        marks = -p["b1"] / p["W1"][0]
    labels = {"title": T("construct_title", n=cfg.n_units), "x": T("x"), "y": T("y"),
              "target": T("target_name"), "sum": T("sum"), "units": T("unit_terms"),
              "knots": T("knots") if relu else T("centres")}
    chart(F.construct_figure(c["x"], c["target"], c["sum"], list(c["parts"]), names, marks,
                             labels), key="ua_fig_construct")
    n = cfg.n_units
    if relu:
        h = (cfg.b - cfg.a) / n
        st.markdown(T("construct_numbers_relu", n=n, h=fmt(h), nodes=n + 1, pieces=c["pieces"],
                      a=fmt(cfg.a), b=fmt(cfg.b), err=fmt(c["err"])))
    else:
        h = (cfg.b - cfg.a) / (n + 1)
        st.markdown(T("construct_numbers_smooth", n=n, h=fmt(h), nodes=n + 1,
                      centre_err=fmt(c["centre_err"]), a=fmt(cfg.a), b=fmt(cfg.b),
                      err=fmt(c["err"])))
    left, right = st.columns(2)
    with left:
        download_csv(T("download_construct"), lambda: construct_frame(c), "ua_construct.csv",
                     key="ua_dl_construct")
    with right:
        download_json(T("download_weights"), lambda: weights_json(cfg, p), "ua_weights.json",
                      key="ua_dl_weights")
    return c


def construct_frame(c: dict) -> pd.DataFrame:
    df = pd.DataFrame({"x": c["x"], "target": c["target"], "network": c["sum"]})
    for j, part in zip(c["part_idx"], c["parts"], strict=True):
        df[f"term_{int(j)}"] = part
    return df


def weights_json(cfg: ApproxSettings, p: dict) -> str:
    return json.dumps({"activation": cfg.activation, "a": cfg.a, "b": cfg.b,
                       "W1": p["W1"][0].tolist(), "b1": p["b1"].tolist(),
                       "W2": p["W2"][:, 0].tolist(), "b2": float(p["b2"][0])}, indent=1)


def train_view(cfg: ApproxSettings, built_err: float) -> dict:
    st.header(T("sec_train"))
    st.markdown(T("train_intro"))
    r = fit(cfg.fit_spec())
    if r["diverged_at"] is not None:
        st.warning(T("diverged", step=r["diverged_at"], lr=fmt(cfg.lr)), icon=":material/warning:")
    c = construct(cfg.target, cfg.fit_spec().formula, cfg.a, cfg.b, cfg.n_units, cfg.activation)
    act = T(f"act.{cfg.activation}")
    labels = {"title": T("fit_title", n=cfg.n_units, act=act, steps=r["steps_done"]),
              "x": T("x"), "y": T("y"), "target": T("target_name"), "samples": T("samples"),
              "fit": T("fit"), "knots": T("trained_knots")}
    inside = (r["knots"] >= cfg.a) & (r["knots"] <= cfg.b)
    left, right = st.columns([2, 1])
    with left:
        chart(F.fit_figure(c["x"], c["target"], r["samples_x"],
                           r["samples_y"] if cfg.noise > 0 else None, r["fit"],
                           r["knots"][inside], labels), key="ua_fig_fit")
    with right:
        chart(F.loss_figure(r["loss_step"], r["loss"],
                            {"title": T("loss_title"), "x": T("loss_x"), "y": T("loss_y"),
                             "loss": T("loss")}), key="ua_fig_loss")
    text = T("train_numbers", steps=r["steps_done"], mse=fmt(r["final_mse"]),
             err=fmt(r["max_err"]), built=fmt(built_err))
    text += " " + (T("train_better") if r["max_err"] < built_err else T("train_worse"))
    if r["pieces"] is not None:
        text += T("train_pieces", inside=r["knots_inside"], n=cfg.n_units, a=fmt(cfg.a),
                  b=fmt(cfg.b), pieces=r["pieces"], most=cfg.n_units + 1)
    st.markdown(text)
    left, right = st.columns(2)
    with left:
        download_csv(T("download_fit"), lambda: pd.DataFrame(
            {"x": c["x"], "target": c["target"], "trained": r["fit"]}), "ua_fit.csv",
            key="ua_dl_fit")
    with right:
        download_csv(T("download_loss"), lambda: pd.DataFrame(
            {"step": r["loss_step"], "mse": r["loss"]}), "ua_loss.csv", key="ua_dl_loss")
    return r


def rate_text(cfg: ApproxSettings, rt: dict) -> str:
    """The sentence under the error chart, formatted from the measured errors."""
    slope = fmt(rt["slope"]) if rt["slope"] is not None else T("rate_na")
    if rt["smooth"]:
        key = "rate_formula" if cfg.target == "formula" else "rate_smooth"
        text = T(key, slope=slope, d2=fmt(rt["d2"]))
        over = bound_exceeded(rt)
        text += T("rate_bound_holds") if over == 0 else T("rate_bound_fails", count=over)
    else:
        name = T(f"target.{cfg.target}")
        e256 = rt["err"][-1]
        if rt["slope"] is None or rt["slope"] > -0.2:
            text = T("rate_rough_flat", target=name, a=fmt(cfg.a), b=fmt(cfg.b), e256=fmt(e256))
        else:
            text = T("rate_rough", target=name, a=fmt(cfg.a), b=fmt(cfg.b), slope=slope)
        exact = int(np.sum(rt["err"] < 1e-12))
        if exact:
            text += T("rate_exact", count=exact)
        if rt["jump"]:
            text += T("rate_jump")
    stair = rt.get("stair_slope")
    if stair is not None:
        key = "rate_stair_slope" if FIRST_ORDER[0] <= stair <= FIRST_ORDER[1] else "rate_stair_other"
        text += T(key, act=T(f"act.{cfg.activation}"), slope=fmt(stair))
    return text


def best_text(bt: dict) -> str:
    """The sentence on the best fit found, formatted from its errors."""
    exact = np.flatnonzero(bt["best"] < A.EXACT_TOL)
    if bt["slope"] is None and len(exact):
        text = T("best_exact", n0=int(bt["ns"][exact[0]]))
    elif bt["slope"] is not None and bt["slope"] > -0.2:
        text = T("best_flat", slope=fmt(bt["slope"]))
    else:
        islope = fmt(bt["islope"]) if bt["islope"] is not None else T("rate_na")
        text = T("best_slope", slope=fmt(bt["slope"]) if bt["slope"] is not None
                 else T("rate_na"), islope=islope)
    best, interp = bt["best"][-1], bt["interp"][-1]
    count = int(np.sum(bt["best"] <= bt["interp"]))  # all: the interpolant is a candidate
    if best < A.EXACT_TOL:
        key = "best_compare_exact" if interp >= A.EXACT_TOL else "best_compare_both_exact"
        return text + T(key, count=count, interp=fmt(interp))
    if interp / best < 1.005:
        return text + T("best_compare_equal", count=count, best=fmt(best))
    return text + T("best_compare", count=count, best=fmt(best), interp=fmt(interp),
                    ratio=fmt(interp / best))


def bound_exceeded(rt: dict) -> int:
    """How many N have a measured error above the bound (beyond rounding)."""
    return int(np.sum(rt["err"] > rt["bound"] * (1 + 1e-9) + 1e-12))


def rate_view(cfg: ApproxSettings, built_err: float, trained: dict) -> None:
    st.header(T("sec_rate"))
    formula = cfg.fit_spec().formula
    rt = rate(cfg.target, formula, cfg.a, cfg.b, cfg.activation)
    act = T(f"act.{cfg.activation}")
    with st.spinner(T("best_progress")):
        bt = best_rate(cfg.target, formula, cfg.a, cfg.b)
    labels = {"title": T("rate_title"), "x": T("rate_x"), "y": T("rate_y"),
              "relu": T("rate_relu"), "bound": T("rate_bound"), "stair": T("rate_stair", act=act),
              "current": T("rate_current"), "trained": T("rate_trained"),
              "best": T("rate_best"), "ref": T("rate_ref")}
    bound = rt["bound"] if rt["d2"] else None  # max|f''| = 0: the bound is 0, off a log axis
    chart(F.error_figure(rt["ns"], rt["err"], bound, rt.get("stair_ns"), rt.get("stair_err"),
                         (cfg.n_units, built_err), (cfg.n_units, trained["max_err"]), labels,
                         best=(bt["ns"], bt["best"]), ref=bt["ref"]), key="ua_fig_rate")
    st.markdown(rate_text(cfg, rt))
    st.markdown(best_text(bt))
    st.caption(T("best_what", iters=A.LAWSON_ITERS, rounds=A.KNOT_ROUNDS,
                 points=f"{bt['points']:,}"))
    st.caption(T("notes_theorem"))

    def frame() -> pd.DataFrame:
        df = pd.DataFrame({"n_units": rt["ns"], "relu_interpolant_max_err": rt["err"]})
        if rt["bound"] is not None:
            df["bound_h2_d2_over_8"] = rt["bound"]
        if "stair_ns" in rt:
            stair = dict(zip(rt["stair_ns"].tolist(), rt["stair_err"], strict=True))
            df[f"{cfg.activation}_staircase_max_err"] = [stair.get(n, np.nan) for n in rt["ns"]]
        best = dict(zip(bt["ns"].tolist(), bt["best"], strict=True))
        df["best_fit_found_max_err"] = [best.get(n, np.nan) for n in rt["ns"]]
        if bt["ref"] is not None:
            ref = dict(zip(bt["ref"][0].tolist(), bt["ref"][1], strict=True))
            df["one_over_n2_reference"] = [ref.get(n, np.nan) for n in rt["ns"]]
        return df

    download_csv(T("download_rate"), frame, "ua_error_vs_n.csv", key="ua_dl_rate")


@st.fragment
def depth_view() -> None:
    """Its own fragment: moving k reruns this section only (nothing above depends on k)."""
    st.header(T("sec_depth"))
    st.markdown(T("depth_intro"))
    k = depth_ui()
    d = depth(k)
    deep, shallow, exact = d["rows"]
    units = deep["units"]
    labels = {"title": T("depth_title", k=k), "x": T("depth_x"), "y": T("depth_y"),
              "target": T("depth_target"), "deep": T("deep", k=k),
              "shallow": T("shallow", n=units)}
    left, right = st.columns([3, 2])
    with left:
        chart(F.depth_figure(d["s"], d["target"], deep["y"], shallow["y"], labels),
              key="ua_fig_depth")
    su = np.arange(1, 17)
    with right:
        chart(F.pieces_figure(2 * d["ks"], d["deep_pieces"], su, su + 1,
                              (units, deep["pieces"]),
                              {"title": T("pieces_title"), "x": T("pieces_x"),
                               "y": T("pieces_y"), "deep": T("pieces_deep"),
                               "shallow": T("pieces_shallow"), "current": T("pieces_current")}),
              key="ua_fig_pieces")
    static_table(pd.DataFrame({
        T("col_net"): [T(f"row_{r['net']}") for r in d["rows"]],
        T("col_shape"): [r["shape"] for r in d["rows"]],
        T("col_units"): [str(r["units"]) for r in d["rows"]],
        T("col_pieces"): [str(r["pieces"]) for r in d["rows"]],
        T("col_err"): [fmt(r["max_err"]) for r in d["rows"]],
    }))
    st.markdown(T("depth_numbers", units=units, pieces=deep["pieces"], k=k, pow=2**k,
                  most=units + 1, shallow_pieces=shallow["pieces"], err=fmt(shallow["max_err"]),
                  need=A.shallow_units_needed(2**k), exact_units=exact["units"]))
    st.caption(T("notes_depth"))
    left, right = st.columns(2)
    with left:
        download_csv(T("download_depth"), lambda: pd.DataFrame(
            {"s": d["s"], "target": d["target"], "deep": deep["y"], "shallow": shallow["y"]}),
            "ua_depth.csv", key="ua_dl_depth")
    with right:
        download_csv(T("download_pieces"), lambda: pd.DataFrame(
            {"k": d["ks"], "deep_units": 2 * d["ks"], "deep_pieces": d["deep_pieces"],
             "shallow_max_pieces_same_units": 2 * d["ks"] + 1}), "ua_pieces.csv",
            key="ua_dl_pieces")
    depth_trained_view(k)


def depth_trained_view(k: int) -> None:
    """Deep narrow and shallow nets trained on T^k from a few seeds: what training reaches."""
    st.subheader(T("sec_dtrain"))
    st.markdown(T("dtrain_intro"))
    spec = depth_train_ui(k)
    if spec is None:
        return
    r = depth_trained(spec)
    n = spec.shallow_units()
    names = {"deep": T("dtrain_deep", k=k, w=spec.width),
             "shallow": T("dtrain_shallow", n=n)}
    labels = {"title": T("dtrain_title", k=k, seeds=spec.n_seeds), "x": T("depth_x"),
              "y": T("depth_y"), "target": T("depth_target"),
              "deep": T("dtrain_best", net=names["deep"], seed=r["deep_best_seed"]),
              "shallow": T("dtrain_best", net=names["shallow"], seed=r["shallow_best_seed"])}
    chart(F.depth_figure(r["s"], r["target"], r["deep_y"], r["shallow_y"], labels),
          key="ua_fig_dtrain")
    rows = r["rows"]
    static_table(pd.DataFrame({
        T("col_net"): [names[row["net"]] for row in rows],
        T("col_seed"): [str(row["seed"]) for row in rows],
        T("col_err"): [fmt(row["max_err"]) for row in rows],
        T("col_pieces"): [str(row["pieces"]) for row in rows],
        T("col_mse"): [fmt(row["mse"]) for row in rows],
    }))
    st.markdown(dtrain_text(spec, r))
    left, right = st.columns(2)
    with left:
        download_csv(T("download_dtrain"), lambda: pd.DataFrame(
            {"s": r["s"], "target": r["target"], "deep_trained": r["deep_y"],
             "shallow_trained": r["shallow_y"]}), "ua_depth_trained.csv", key="ua_dl_dtrain")
    with right:
        download_csv(T("download_dseeds"), lambda: pd.DataFrame(rows).drop(columns="params"),
                     "ua_depth_seeds.csv", key="ua_dl_dseeds")


def dtrain_text(spec: A.DepthTrainSpec, r: dict) -> str:
    """The sentence under the trained comparison, formatted from every run's numbers."""
    def stats(net: str) -> dict:
        mine = [row for row in r["rows"] if row["net"] == net]
        err = [row["max_err"] for row in mine]
        pcs = [row["pieces"] for row in mine]
        return {"emin": fmt(min(err)), "emax": fmt(max(err)), "pmin": min(pcs),
                "pmax": max(pcs), "found": sum(e < A.FOUND_TOL for e in err)}

    d, s = stats("deep"), stats("shallow")
    samples = len(spec.data()[0])
    text = T("dtrain_numbers", seeds=spec.n_seeds, steps=spec.steps, lr=fmt(spec.lr),
             samples=samples, k=spec.k, w=spec.width, pd=spec.deep_params(),
             n=spec.shallow_units(), ps=3 * spec.shallow_units() + 1, tol=fmt(A.FOUND_TOL),
             pow=2**spec.k, **{f"d{key}": v for key, v in d.items()},
             **{f"s{key}": v for key, v in s.items()})
    text += " " + (T("dtrain_none", pow=2**spec.k) if d["found"] == 0
                   else T("dtrain_some", found=d["found"], seeds=spec.n_seeds))
    diverged = sum(row["diverged"] for row in r["rows"])
    if diverged:
        text += T("dtrain_diverged", count=diverged)
    return text


def main() -> None:
    page_intro(T("title"), T("intro"))
    lecture, first = lecture_mode(), 0
    if lecture:  # the step bar replaces the presets; the step's section comes first
        first = LECTURE[lecture_steps_ui(lecture_steps()).id][0]
    cfg = settings_ui()
    if not lecture:
        presets_ui(active_preset(cfg))
    made = {i: st.container() for i in (first, *(j for j in range(4) if j != first))}
    with made[0]:
        c = construct_view(cfg)
    with made[1]:
        r = train_view(cfg, c["err"])
    with made[2]:
        rate_view(cfg, c["err"], r)
    with made[3]:
        depth_view()


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
