"""Activations and vanishing gradients: every activation and its derivative, why a stack of
linear layers is one linear layer, and the gradient's size through depth (formula and a
measured random network).

UI only: widgets -> ``ActSettings`` -> cached ``nncore.vanishing`` / ``nncore.initlab`` ->
``viz.activations_figs``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from nncore.activations import ACTIVATIONS
from nncore.initlab import PRESETS as INIT_PRESETS
from nncore.initlab import InitConfig, run_init_experiment
from nncore.perceptron import line_segment
from nncore.vanishing import (
    CURVE_NAMES,
    affine_residual,
    collapse,
    curves,
    factor_over_depth,
    facts,
    layer_factor,
    measured_ratio,
    net_output,
    predicted_ratio,
    random_stack,
    tanh_identity,
    zero_gradient_regions,
    zero_level_points,
)
from ui import url_state
from ui.common import chart, download_csv, download_json, page_intro, static_table
from ui.lecture import LectureStep, lecture_steps_ui
from ui.share import lecture_mode
from ui.strings.activations import T
from ui.strings.init_lab import T as INIT_T
from ui.strings.names import activation_name
from viz import activations_figs as F

K = {  # widget keys = URL parameter names
    "acts": "act_acts",
    "range": "act_range",
    "identity": "act_identity",
    "lin_depth": "act_lin_depth",
    "lin_width": "act_lin_width",
    "lin_seed": "act_lin_seed",
    "lin_act": "act_lin_act",
    "depth": "act_depth",
    "s": "act_s",
    "gain": "act_gain",
    "measure": "act_measure",
    "width": "act_width",
    "seed": "act_seed",
}
RANGES = (2, 3, 4, 6, 8, 10)
S_VALUES = (0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0)
GAINS = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0)
WIDTHS = (64, 128, 256, 512, 1024)
NONLINEAR = tuple(n for n in ACTIVATIONS if n != "linear")
DEFAULTS = {
    "acts": ("sigmoid", "tanh", "relu"), "range": 6, "identity": False, "lin_depth": 4,
    "lin_width": 8, "lin_seed": 5, "lin_act": "relu", "depth": 10, "s": 1.0, "gain": 1.0,
    "measure": False, "width": 256, "seed": 0,
}
PRESETS: dict[str, dict] = {
    "sigmoid_vs_relu": {"acts": ("sigmoid", "tanh", "relu"), "range": 6, "identity": False},
    "tanh_identity": {"acts": ("sigmoid", "tanh"), "range": 4, "identity": True},
    "relu_family": {"acts": ("relu", "leaky_relu", "elu", "maxout"), "range": 3,
                    "identity": False},
    "vanish": {"acts": ("sigmoid", "tanh", "relu"), "depth": 10, "s": 0.1, "gain": 1.0,
               "measure": False},
    "he": {"acts": ("relu",), "depth": 10, "s": 1.0, "gain": 2.0, "measure": True,
           "width": 256},
}
# the initialization lab's matching preset for an activation (and n·Var(W))
INIT_LINK = {"sigmoid": "sigmoid_n01", "tanh": "tanh_xavier", "relu": "relu_he"}
SAMPLES = 200


@dataclass(frozen=True)
class ActSettings:
    """The settings of sections 2-3 (section 1's range and identity live in its fragment)."""

    acts: tuple[str, ...]
    lin_depth: int
    lin_width: int
    lin_seed: int
    lin_act: str
    depth: int
    s: float
    gain: float
    measure: bool
    width: int
    seed: int


def label(name: str) -> str:
    return "Maxout max(x, −0.5x)" if name == "maxout" else activation_name(name)


def colors(acts) -> dict:
    return {a: F.color_of(CURVE_NAMES.index(a)) for a in acts}


# ---------------------------------------------------------------------------------------------
# Compute (cached)
# ---------------------------------------------------------------------------------------------


@st.cache_data(max_entries=32, show_spinner=False)
def curve_data(acts: tuple, r: float):
    return curves(acts, -r, r, 401)


@st.cache_data(max_entries=64, show_spinner=False)
def fact_of(name: str, r: float):
    return facts(name, -r, r)


@st.cache_data(max_entries=16, show_spinner=False)
def identity_data(r: float):
    return tanh_identity(-r, r)


@st.cache_data(max_entries=16, show_spinner=False)
def linear_data(depth: int, width: int, seed: int, act: str, res: int = 100):
    params = random_stack(depth, width, seed)
    W, b = collapse(params)
    X = np.random.default_rng([seed, 1]).uniform(-2, 2, (200, 2))
    err = float(np.max(np.abs(net_output(params, X, "linear") - (X @ W + b))))
    xs = np.linspace(-2, 2, res)
    gx, gy = np.meshgrid(xs, xs)
    G = np.stack([gx.ravel(), gy.ravel()], axis=1)
    deep = net_output(params, G, "linear")
    nonlin = net_output(params, G, act)
    return {"params": params, "W": W, "b": b, "err": err, "n": len(X),
            "deep": zero_level_points(xs, deep.reshape(res, res)),
            "nonlin": zero_level_points(xs, nonlin.reshape(res, res)),
            "dev": affine_residual(G, nonlin), "dev_linear": affine_residual(G, deep),
            "crosses": bool((nonlin > 0).any() and (nonlin < 0).any())}


@st.cache_data(max_entries=64, show_spinner=False)
def formula(name: str, s: float, gain: float, depth: int):
    return layer_factor(name, s, gain), factor_over_depth(name, s, gain, depth)


@st.cache_data(max_entries=32, show_spinner=False)
def measured(name: str, gain: float, depth: int, width: int, seed: int):
    """A random net of depth+1 layers (so the gradient at layer 1 has passed ``depth``)."""
    cfg = InitConfig(name, "normal", float(np.sqrt(gain / width)), depth + 1, width, SAMPLES,
                     False, seed)
    res = run_init_experiment(cfg)
    if res.overflow_layer is not None or res.grad_overflow_layer is not None:
        return None, res.overflow_layer or res.grad_overflow_layer
    return (measured_ratio(res.grad_std), predicted_ratio(res.var_u, name, gain)), None


# ---------------------------------------------------------------------------------------------
# Presets and widgets
# ---------------------------------------------------------------------------------------------


def apply_preset(name: str) -> None:
    for field, value in PRESETS[name].items():
        st.session_state[K[field]] = list(value) if field == "acts" else value


def active_preset() -> str | None:
    """The matching preset that fixes the most settings (several can match at once)."""
    ss = st.session_state
    hits = [
        name for name, fields in PRESETS.items()
        if all((tuple(ss.get(K[f]) or ()) == v) if f == "acts" else ss.get(K[f]) == v
               for f, v in fields.items())
    ]
    return max(hits, key=lambda n: len(PRESETS[n]), default=None)


def presets_ui() -> None:
    st.markdown(f"**{T('presets')}**")
    active = active_preset()
    with st.container(horizontal=True):
        for name in PRESETS:
            st.button(
                T(f"preset.{name}"), key=f"act_preset_{name}", on_click=apply_preset,
                args=(name,), type="primary" if name == active else "secondary",
            )
    if active is not None:
        st.info(T(f"preset.{active}.text"), icon=":material/school:")


# Lecture steps (ui.lecture) in the notes' order: why a non-linearity, sigmoid and its
# vanishing gradient, tanh, ReLU and its family, He's weights. Each names the section it is
# about (0 curves, 1 linear layers, 2 vanishing gradient), drawn first under the step bar.
LECTURE: dict[str, tuple[int, dict]] = {
    "linear": (1, {}),
    "sigmoid": (0, {"acts": ("sigmoid",), "range": 6, "identity": False}),
    "vanish": (2, PRESETS["vanish"]),
    "tanh": (0, PRESETS["tanh_identity"]),
    "relu": (0, PRESETS["sigmoid_vs_relu"]),
    "relu_family": (0, PRESETS["relu_family"]),
    "he": (2, PRESETS["he"]),
}


def step_settings(step: str) -> dict:
    """Every setting (field -> value) of a step: the defaults and the step's own."""
    return {**DEFAULTS, **LECTURE[step][1]}


def step_values(step: str) -> dict:
    return {K[f]: list(v) if f == "acts" else v for f, v in step_settings(step).items()}


def step_fields(step: str) -> dict:
    """The numbers a step's text states, computed for its settings."""
    p = step_settings(step)
    if step == "linear":
        return {"depth": p["lin_depth"], "act": label(p["lin_act"])}
    if step == "sigmoid":
        f = fact_of("sigmoid", float(p["range"]))
        return {"m": f"{f.df_max:.4g}", "sat": f"{f.saturation:.3g}"}
    if step == "vanish":
        f, ratio = formula("sigmoid", p["s"], p["gain"], p["depth"])
        return {"f": f"{f:.3g}", "end": _num(ratio[-1]), "d": p["depth"]}
    if step == "tanh":
        return {"m": f"{fact_of('tanh', float(p['range'])).df_max:.4g}"}
    if step == "relu":
        values = fact_of("relu", float(p["range"])).df_values
        return {"values": " / ".join(f"{v:g}" for v in values)}
    if step == "relu_family":
        return {"slope": f"{fact_of('leaky_relu', float(p['range'])).df_min:g}"}
    if step == "he":
        m, _ = measured("relu", p["gain"], p["depth"], p["width"], p["seed"])
        return {"f": f"{layer_factor('relu', p['s'], p['gain']):.3g}",
                "fx": f"{layer_factor('relu', p['s'], 1.0):.3g}", "d": p["depth"],
                "meas": _num(m[0][-1]), "width": p["width"]}
    return {}


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(s, T(f"step.{s}.title"), T(f"step.{s}.text", **step_fields(s)),
                        step_values(s)) for s in LECTURE]


def _q(widget, label: str, field: str, *args, **kwargs):
    return widget(T(label), *args, key=K[field], bind="query-params", **kwargs)


def acts_ui() -> tuple:
    acts = url_state.multiselect(
        T("acts"), CURVE_NAMES, key=K["acts"], default=DEFAULTS["acts"], format_func=label
    )
    return tuple(acts) or ("sigmoid",)


def curves_ui() -> tuple:
    a, b = st.columns([2, 3])
    with a:
        r = _q(st.select_slider, "range", "range", RANGES, value=DEFAULTS["range"])
    with b:
        identity = _q(st.toggle, "identity", "identity", value=DEFAULTS["identity"])
    return float(r), bool(identity)


@st.fragment
def curves_section(acts: tuple) -> None:
    """Its own fragment: the range and the identity overlay change only these curves, so moving
    them reruns this section alone (the chosen activations also feed section 3: outside)."""
    curves_view(acts, *curves_ui())


def linear_ui() -> tuple:
    a, b, c, d = st.columns(4)
    with a:
        depth = _q(st.slider, "lin_depth", "lin_depth", 2, 8, DEFAULTS["lin_depth"])
    with b:
        width = _q(st.select_slider, "lin_width", "lin_width", (2, 4, 8, 16),
                   value=DEFAULTS["lin_width"])
    with c:
        seed = _q(st.number_input, "lin_seed", "lin_seed", 0, 9999, DEFAULTS["lin_seed"])
    with d:
        act = url_state.selectbox(T("lin_act"), NONLINEAR, key=K["lin_act"],
                                  default=DEFAULTS["lin_act"], format_func=label)
    return int(depth), int(width), int(seed), act


def vanish_ui() -> tuple:
    a, b, c = st.columns(3)
    with a:
        depth = _q(st.slider, "depth", "depth", 1, 20, DEFAULTS["depth"])
    with b:
        s = _q(st.select_slider, "s", "s", S_VALUES, value=DEFAULTS["s"])
    with c:
        gain = _q(st.select_slider, "gain", "gain", GAINS, value=DEFAULTS["gain"],
                  help=T("gain_help"))
    a, b, c = st.columns(3)
    with a:
        measure = _q(st.toggle, "measure", "measure", value=DEFAULTS["measure"])
    with b:
        width = _q(st.select_slider, "width", "width", WIDTHS, value=DEFAULTS["width"],
                   disabled=not measure)
    with c:
        seed = _q(st.number_input, "seed", "seed", 0, 9999, DEFAULTS["seed"],
                  disabled=not measure)
    return int(depth), float(s), float(gain), bool(measure), int(width), int(seed)


# ---------------------------------------------------------------------------------------------
# Curves
# ---------------------------------------------------------------------------------------------


def _bands(acts, r: float) -> list:
    """(lo, hi, colour, legend name or "") for saturated and zero-gradient regions."""
    col = colors(acts)
    out = []
    for a in acts:
        edge = fact_of(a, r).saturation
        if edge is not None and edge < r:
            out += [(-r, -edge, col[a], T("saturated", act=label(a))), (edge, r, col[a], "")]
        if a != "hard_tanh":  # hard tanh's zero-gradient side is its saturated side
            for lo, hi in zero_gradient_regions(a, -r, r):
                out.append((lo, hi, col[a], T("dead", act=label(a))))
    return out


def facts_table(acts, r: float) -> pd.DataFrame:
    rows = []
    for a in acts:
        f = fact_of(a, r)
        values = ", ".join(f"{v:g}" for v in f.df_values) if f.df_values else T("dash")
        rows.append({
            T("col.act"): label(a), T("col.df0"): f"{f.df0:.4g}", T("col.max"): f"{f.df_max:.4g}",
            T("col.min"): f"{f.df_min:.4g}", T("col.values"): values,
            T("col.sat"): f"{f.saturation:.4g}" if f.saturation else T("dash"),
            T("col.dfsat"): f"{f.df_at_saturation:.4g}" if f.saturation else T("dash"),
        })
    return pd.DataFrame(rows)


def fact_sentences(acts, r: float) -> list[str]:
    out = []
    for a in acts:
        f = fact_of(a, r)
        if a in ("sigmoid", "tanh"):
            out.append(T(f"fact.{a}", m=f"{f.df_max:.4g}", sat=f"{f.saturation:.3f}",
                         dsat=f"{f.df_at_saturation:.3g}"))
        elif a == "relu" or a == "maxout":
            out.append(T(f"fact.{a}", values=" / ".join(f"{v:g}" for v in f.df_values)))
        elif a == "leaky_relu":
            out.append(T("fact.leaky_relu", slope=f"{f.df_min:g}"))
    return out


def curves_frame(acts, r: float) -> pd.DataFrame:
    x, ys = curve_data(acts, r)
    frame = {"x": x}
    for a, (f, d) in ys.items():
        frame[f"{a}_f"] = f
        frame[f"{a}_df"] = d
    return pd.DataFrame(frame)


def curves_view(acts, r: float, identity: bool) -> None:
    x, ys = curve_data(acts, r)
    col, names = colors(acts), {a: label(a) for a in acts}
    extra, markers = [], []
    if identity:
        idd = identity_data(r)
        extra = [(idd["x"], idd["right"], T("right_id"), "#000000", "dot"),
                 (idd["x"], idd["notes"], T("notes_id"), "#777777", "dash")]
    for a in acts:
        f = fact_of(a, r)
        if a in ("sigmoid", "tanh"):
            markers.append((f.x_at_max, f.df_max, f"{f.df_max:g}", col[a]))
    left, right = st.columns(2)
    with left:
        chart(F.curves(x, {a: v[0] for a, v in ys.items()}, col, names,
                       {"title": T("f_title"), "x": T("x"), "y": T("f_y")}, extra=extra),
              key="act_fig_f")
    with right:
        chart(F.curves(x, {a: v[1] for a, v in ys.items()}, col, names,
                       {"title": T("df_title"), "x": T("x"), "y": T("df_y")},
                       bands=_bands(acts, r), markers=markers), key="act_fig_df")
    if identity:
        idd = identity_data(r)
        st.caption(
            T(
                "identity_text",
                r=f"{r:g}",
                err_right=f"{idd['err_right']:.1e}",
                err_notes=f"{idd['err_notes']:.3f}",
                x_notes=f"{idd['x_notes']:.2f}",
            )
        )
    for line in fact_sentences(acts, r):
        st.markdown(f"- {line}")
    with st.expander(T("facts_title")):
        static_table(facts_table(acts, r))
    download_csv(T("dl_curves"), lambda: curves_frame(acts, r), "activations.csv", "act_dl_curves")


# ---------------------------------------------------------------------------------------------
# Linear layers collapse
# ---------------------------------------------------------------------------------------------


def linear_json(data: dict) -> str:
    return json.dumps({
        **{k: np.asarray(v).tolist() for k, v in data["params"].items()},
        "W_product": data["W"].tolist(), "b_product": data["b"], "max_abs_difference": data["err"],
    }, indent=1)


def linear_view(s: ActSettings) -> None:
    depth, width, seed, act = s.lin_depth, s.lin_width, s.lin_seed, s.lin_act
    data = linear_data(depth, width, seed, act)
    W, b = data["W"], data["b"]
    st.markdown(T("linear_text", width=width, depth=depth, w1=f"{W[0]:.4g}", w2=f"{W[1]:.4g}",
                  b=f"{b:.4g}", n=data["n"], err=f"{data['err']:.1e}", act=label(act),
                  dev=f"{data['dev']:.0%}"))
    if not data["crosses"]:
        st.caption(T("lin_offview", act=label(act)))
    seg = line_segment(np.array([W[0], W[1], b]), (-2, 2, -2, 2))
    chart(F.linear_boundary(2.0, data["deep"], data["nonlin"], seg, {
        "title": T("lin_title"), "x": T("x1"), "y": T("x2"),
        "deep": T("lin_deep", depth=depth), "one": T("lin_one"),
        "nonlin": T("lin_nonlin", act=label(act))}), key="act_fig_linear")
    download_json(T("dl_linear"), lambda: linear_json(data), "linear_stack.json", "act_dl_lin")


# ---------------------------------------------------------------------------------------------
# Vanishing gradient
# ---------------------------------------------------------------------------------------------


def _factor(f: float) -> str:
    """3 digits, more when those would round a factor that is not 1 to 1 (1 vs 0.999 at depth)."""
    text = f"{f:.3g}"
    return f"{f:.6g}" if float(text) == 1.0 and f != 1.0 else text


def _num(v: float) -> str:
    return T("underflow") if v <= 1.001e-300 else f"{v:.3g}"  # the floor of factor_over_depth


def init_links(acts, gain: float) -> None:
    for a in acts:
        if a not in INIT_LINK:
            continue
        name = "relu_xavier" if a == "relu" and gain < 2 else INIT_LINK[a]
        cfg = INIT_PRESETS[name].a
        # the init lab's choices are ids in the URL (ui.url_state)
        query = {"ini_act": cfg.activation, "ini_init": cfg.init, "ini_depth": str(cfg.depth),
                 "ini_width": str(cfg.width), "ini_n": str(cfg.samples),
                 "ini_seed": str(cfg.seed)}
        if cfg.scale is not None:
            query["ini_scale"] = f"{cfg.scale:g}"
        st.page_link("labs/init_lab.py", label=T("init_link", preset=INIT_T(f"preset.{name}")),
                     icon=":material/stacked_bar_chart:", query_params=query)


def vanish_frame(acts, depth, s, gain, measure, width, seed) -> pd.DataFrame:
    d = np.arange(depth + 1)
    frame = {"layers_passed": d, "bound_0.25^d": 0.25**d}
    for a in acts:
        frame[f"{a}_formula"] = formula(a, s, gain, depth)[1]
        if measure and a != "maxout":
            m, _ = measured(a, gain, depth, width, seed)
            if m is not None:
                frame[f"{a}_measured"], frame[f"{a}_predicted"] = m
    return pd.DataFrame(frame)


def vanish_view(st_: ActSettings) -> None:
    acts, depth, s, gain = st_.acts, st_.depth, st_.s, st_.gain
    measure, width, seed = st_.measure, st_.width, st_.seed
    d = np.arange(depth + 1)
    lines, series, meas = [], {}, {}
    with st.spinner(T("spinner")):
        for a in acts:
            f, ratio = formula(a, s, gain, depth)
            series[a] = ratio
            text = T("factor_line", act=label(a), f=_factor(f), end=_num(ratio[-1]), d=depth)
            if measure and a == "maxout":
                text += T("no_measure")
            elif measure:
                m, bad = measured(a, gain, depth, width, seed)
                if m is None:
                    st.warning(T("overflow", act=label(a), k=bad))
                else:
                    meas[a] = (d, m[0])
                    text += T("measured_line", width=width, seed=seed, meas=_num(m[0][-1]),
                              pred=_num(m[1][-1]))
            lines.append(text)
    chart(F.gradient_depth(
        d, series, meas, colors(acts), {a: label(a) for a in acts},
        {"title": T("grad_title"), "x": T("grad_x"), "y": T("grad_y"), "bound": T("bound"),
         "formula": T("formula"), "measured": T("measured")},
        bound=0.25**d.astype(np.float64),
    ), key="act_fig_grad")
    st.markdown("  \n".join(lines))
    relu = layer_factor("relu", s, gain)
    key = "vanish_notes_he" if relu == 1.0 else "vanish_notes"  # exact for ReLU (nncore)
    st.caption(T(key, gain=f"{gain:g}", relu=_factor(relu)))
    init_links(acts, gain)
    download_csv(T("dl_vanish"), lambda: vanish_frame(acts, depth, s, gain, measure, width, seed),
                 "vanishing_gradient.csv", "act_dl_vanish")


def settings_ui(sections) -> ActSettings:
    """Each section's widgets at the top of its container (its charts follow them)."""
    with sections[0]:
        st.subheader(T("curves"))
        acts = acts_ui()
    with sections[1]:
        st.subheader(T("linear"))
        lin = linear_ui()
    with sections[2]:
        st.subheader(T("vanish"))
        st.markdown(T("vanish_text"))
        van = vanish_ui()
    return ActSettings(acts, *lin, *van)


def main() -> None:
    page_intro(T("title"), T("intro"))
    first = 0
    if lecture_mode():  # the step bar replaces the presets; the step's section comes first
        first = LECTURE[lecture_steps_ui(lecture_steps()).id][0]
    else:
        presets_ui()
    made = {i: st.container() for i in (first, *(j for j in range(3) if j != first))}
    sections = [made[i] for i in range(3)]
    s = settings_ui(sections)
    with sections[0]:
        curves_section(s.acts)
    with sections[1]:
        linear_view(s)
    with sections[2]:
        vanish_view(s)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
