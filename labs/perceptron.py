"""Perceptron and XOR: Rosenblatt's rule one step at a time, a line set by hand, and the 2-2-1
network that computes XOR (hand-set and trained from many seeds).

UI only: widgets -> ``PerceptronSettings`` -> cached ``nncore.perceptron`` / ``nncore.xor_net``
-> ``viz.perceptron_figs``. The step counter is in the URL: the whole trajectory is a pure
function of (points, lr, initial weights, order, seed), so a link reproduces the picture.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from nncore.datasets import make_dataset
from nncore.perceptron import (
    BOOL_X,
    GATES,
    ORDERS,
    STEP_MAX,
    best_line,
    gate_data,
    line_segment,
    positive_region,
    predict,
    run_perceptron,
    score,
    separable_gates,
)
from nncore.xor_net import (
    HALF_TOL,
    HAND_NET,
    XOR_ACTIVATIONS,
    finish_xor_nets,
    forward,
    half_sure,
    hand_forward,
    start_xor_nets,
    train_xor_nets,
    xor_chunk,
    xor_train_seconds,
)
from ui import disk_cache, url_state, workers
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
from ui.strings.perceptron import T
from ui.warm import WarmTask
from viz import perceptron_figs as F

K = {  # widget keys = URL parameter names
    "view": "pc_view",
    "gate": "pc_gate",
    "n": "pc_n",
    "noise": "pc_noise",
    "data_seed": "pc_dseed",
    "lr": "pc_lr",
    "w1": "pc_w1",
    "w2": "pc_w2",
    "b": "pc_b",
    "order": "pc_order",
    "seed": "pc_seed",
    "step": "pc_step",
    "hw1": "pc_hw1",
    "hw2": "pc_hw2",
    "hb": "pc_hb",
    "act": "pc_act",
    "mlr": "pc_mlr",
    "epochs": "pc_epochs",
    "seeds": "pc_seeds",
    "pick": "pc_pick",
}
VIEWS = ("rule", "hand", "mlp")
POINTS = (*GATES, "xor_data")
LRS = (0.01, 0.05, 0.1, 0.2, 0.5, 1.0)
NS = (12, 20, 40, 60, 100)
NOISES = (0.0, 0.05, 0.1, 0.2, 0.3)
MLRS = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0)
EPOCHS = (200, 500, 1000, 2000, 5000)
SEED_COUNTS = (5, 10, 20, 50)
GATE_BOX = (-0.5, 1.5, -0.5, 1.5)
DATA_BOX = (-1.6, 1.6, -1.6, 1.6)
DEFAULTS = {
    "view": "rule", "gate": "and", "n": 40, "noise": 0.1, "data_seed": 0, "lr": 0.1,
    "w1": 0.0, "w2": 0.0, "b": 0.0, "order": "fixed", "seed": 0, "step": 0,
    "hw1": 0.5, "hw2": 0.5, "hb": -0.7,
    "act": "sigmoid", "mlr": 1.0, "epochs": 2000, "seeds": 20, "pick": 0,
}

# A preset sets these fields (everything else keeps its value); "step": "end" = run to the end.
PRESETS: dict[str, dict] = {
    "and": {"view": "rule", "gate": "and", "lr": 0.1, "w1": 0.0, "w2": 0.0, "b": 0.0,
            "order": "fixed", "step": 0},
    "or": {"view": "rule", "gate": "or", "lr": 0.1, "w1": 0.0, "w2": 0.0, "b": 0.0,
           "order": "fixed", "step": 0},
    "xor": {"view": "rule", "gate": "xor", "lr": 0.1, "w1": 0.0, "w2": 0.0, "b": 0.0,
            "order": "fixed", "step": "end"},
    "and_hand": {"view": "hand", "gate": "and", "hw1": 0.5, "hw2": 0.5, "hb": -0.7},
    "xor_hand": {"view": "hand", "gate": "xor", "hw1": 1.0, "hw2": 1.0, "hb": -0.5},
    "xor_mlp": {"view": "mlp", "act": "sigmoid", "mlr": 1.0, "epochs": 2000, "seeds": 20,
                "pick": 0},
}


@dataclass(frozen=True)
class DataSpec:
    gate: str  # a GATES id or "xor_data"
    n: int
    noise: float
    seed: int


@dataclass(frozen=True)
class RuleSpec:
    data: DataSpec
    lr: float
    w0: tuple[float, float, float]
    order: str
    seed: int


@dataclass(frozen=True)
class MlpSpec:
    activation: str
    lr: float
    epochs: int
    n_seeds: int


@dataclass(frozen=True)
class PerceptronSettings:
    view: str
    rule: RuleSpec
    step: int
    hand: tuple[float, float, float]
    mlp: MlpSpec
    pick: int


# ---------------------------------------------------------------------------------------------
# Compute (cached; frozen dataclasses are hashable)
# ---------------------------------------------------------------------------------------------


@st.cache_data(max_entries=32, show_spinner=False)
def points(data: DataSpec) -> tuple[np.ndarray, np.ndarray]:
    if data.gate in GATES:
        return gate_data(data.gate)
    return make_dataset("xor", data.n, data.noise, np.random.default_rng(data.seed))


@st.cache_data(max_entries=32, show_spinner=False)
def best(data: DataSpec) -> tuple[float, np.ndarray]:
    return best_line(*points(data))


@st.cache_data(max_entries=32, show_spinner=False)
def rule_run(spec: RuleSpec):
    X, y = points(spec.data)
    return run_perceptron(X, y, spec.lr, spec.w0, spec.order, spec.seed)


@st.cache_data(max_entries=1, show_spinner=False)
def separability() -> dict:
    return separable_gates()


INLINE_SECONDS = 0.3  # shorter trainings run in the script; longer ones in the worker pool
CHUNK_EPOCHS = 250  # one pool task; the progress bar moves after each
DISK_NAME = "perceptron.xor_nets"


@st.cache_data(max_entries=16, show_spinner=False)
def trained_record(spec: MlpSpec):
    """One training: from the disk cache shared by every process, else computed here."""
    return disk_cache.cached(DISK_NAME, spec, lambda: train_here(spec))


def train_here(spec: MlpSpec):
    return train_xor_nets(range(spec.n_seeds), spec.activation, spec.lr, spec.epochs)


def warm_tasks() -> list[WarmTask]:
    """The trained 2-2-1 nets of every preset that shows them, for the server's warm-up
    (ui/warm.py); the page's spec for those widget values (``mlp_ui``)."""
    out = []
    for name, p in PRESETS.items():
        if p.get("view") == "mlp":
            v = DEFAULTS | p
            spec = MlpSpec(v["act"], float(v["mlr"]), int(v["epochs"]), int(v["seeds"]))
            out.append(WarmTask(name, DISK_NAME, spec, train_here, (spec,)))
    return out


def pooled_training(spec: MlpSpec, on_chunk=None):
    """The same training in the worker pool, CHUNK_EPOCHS epochs per task (bit for bit equal
    to ``train_xor_nets``); ``on_chunk(k, n)`` after each chunk."""
    n_chunks = max(1, -(-spec.epochs // CHUNK_EPOCHS))
    state = start_xor_nets(range(spec.n_seeds), spec.activation, spec.lr, spec.epochs)
    for k, chunk_state in workers.run_chunks(xor_chunk, state, n_chunks, CHUNK_EPOCHS):
        state = chunk_state
        if on_chunk is not None:
            on_chunk(k, n_chunks)
    return finish_xor_nets(state)


def trained(spec: MlpSpec):
    """The trained nets; a long training not yet on disk runs in the worker pool behind a
    progress bar (other students' reruns go on meanwhile) and is stored for every session."""
    if (xor_train_seconds(spec.n_seeds, spec.epochs) <= INLINE_SECONDS
            or disk_cache.contains(DISK_NAME, spec)):
        return trained_record(spec)
    text = T("spinner", s=spec.n_seeds, epochs=spec.epochs)
    bar = st.progress(0.0, text=text)
    try:
        res = pooled_training(spec, lambda k, n: bar.progress(k / n, text=text))
    except workers.WorkerCrashed:
        worker_died()
    disk_cache.put(DISK_NAME, spec, res)
    bar.empty()
    return trained_record(spec)


@st.cache_data(max_entries=32, show_spinner=False)
def regions(spec: MlpSpec, pick: int, res: int = 50):
    """The picked net's p over the input square (res² grid) and h for the four points."""
    params = trained_record(spec).final[pick]
    xs = np.linspace(-0.5, 1.5, res)
    gx, gy = np.meshgrid(xs, xs)
    _, p = forward(params, np.stack([gx.ravel(), gy.ravel()], axis=1), spec.activation)
    h, p4 = forward(params, BOOL_X, spec.activation)
    return xs, p.reshape(res, res), h, p4


# ---------------------------------------------------------------------------------------------
# Presets
# ---------------------------------------------------------------------------------------------


def preset_rule(name: str) -> RuleSpec:
    """The learning-rule run a preset sets (its fields over the defaults)."""
    p = {**DEFAULTS, **PRESETS[name]}
    return RuleSpec(DataSpec(p["gate"], 4, 0.0, 0), p["lr"], (p["w1"], p["w2"], p["b"]),
                    p["order"], p["seed"])


def preset_values(name: str) -> dict:
    """Widget key -> value of a preset ("step": "end" resolved to the run's last step)."""
    values = {K[f]: v for f, v in PRESETS[name].items()}
    if values.get(K["step"]) == "end":
        values[K["step"]] = rule_run(preset_rule(name)).end_step()
    return values


def apply_preset(name: str) -> None:
    st.session_state.update(preset_values(name))


# Lecture steps (ui.lecture), in the notes' order: a perceptron is a line (AND by hand), the
# learning process on AND and OR, no line for XOR, the rule cycling on it, a hidden layer.
LECTURE = ("and_hand", "and", "or", "xor_hand", "xor", "xor_mlp")


def step_fields(step: str) -> dict:
    """The numbers a step's text states, computed for the settings it sets."""
    if step == "or":
        return {"e_or": rule_run(preset_rule("or")).converged_epoch,
                "e_and": rule_run(preset_rule("and")).converged_epoch}
    if step == "and":
        return {"e": rule_run(preset_rule("and")).converged_epoch}
    if step == "xor_hand":
        return {"best": int(round(best(DataSpec("xor", 4, 0.0, 0))[0] * 4))}
    if step == "xor":
        e0, p = rule_run(preset_rule("xor")).cycle
        return {"e0": e0, "e1": e0 + p}
    if step == "xor_mlp":
        return {"s": PRESETS["xor_mlp"]["seeds"]}
    return {}


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(s, T(f"step.{s}.title"), T(f"step.{s}.text", **step_fields(s)),
                        preset_values(s)) for s in LECTURE]


def active_preset() -> str | None:
    ss = st.session_state
    for name, fields in PRESETS.items():
        if all(ss.get(K[f]) == v for f, v in fields.items() if f != "step"):
            return name
    return None


def presets_ui() -> None:
    st.markdown(f"**{T('presets')}**")
    active = active_preset()
    with st.container(horizontal=True):
        for name in PRESETS:
            st.button(
                T(f"preset.{name}"), key=f"pc_preset_{name}", on_click=apply_preset, args=(name,),
                type="primary" if name == active else "secondary",
            )
    if active is not None:
        st.info(T(f"preset.{active}.text"), icon=":material/school:")


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def _slider(label: str, field: str, lo: float, hi: float, step: float) -> float:
    return st.slider(T(label), lo, hi, DEFAULTS[field], step, key=K[field], bind="query-params")


def _pick(label: str, field: str, options) -> float:
    return st.select_slider(
        T(label), options, value=DEFAULTS[field], key=K[field], bind="query-params"
    )


def _number(label: str, field: str, hi: int, help_key: str | None = None) -> int:
    return int(st.number_input(
        T(label), 0, hi, DEFAULTS[field], step=1, key=K[field], bind="query-params",
        help=T(help_key) if help_key else None,
    ))


def data_ui() -> DataSpec:
    st.subheader(T("data"))
    gate = url_state.selectbox(
        T("gate"), POINTS, key=K["gate"], default=DEFAULTS["gate"],
        format_func=lambda g: T(f"gate.{g}"),
    )
    noisy = gate == "xor_data"
    n = st.select_slider(T("n"), NS, value=DEFAULTS["n"], key=K["n"], disabled=not noisy,
                         bind="query-params")
    noise = st.select_slider(T("noise"), NOISES, value=DEFAULTS["noise"], key=K["noise"],
                             disabled=not noisy, bind="query-params")
    seed = int(st.number_input(T("data_seed"), 0, 9999, DEFAULTS["data_seed"], key=K["data_seed"],
                               disabled=not noisy, bind="query-params"))
    if not noisy:  # the gates ignore them: one cache entry per gate
        n, noise, seed = 4, 0.0, 0
    return DataSpec(gate, int(n), float(noise), seed)


def rule_ui(data: DataSpec, open_: bool) -> tuple[RuleSpec, int]:
    with st.expander(T("rule_settings"), expanded=open_):
        lr = _pick("lr", "lr", LRS)
        w0 = (_slider("w1_0", "w1", -1.0, 1.0, 0.1), _slider("w2_0", "w2", -1.0, 1.0, 0.1),
              _slider("b_0", "b", -1.0, 1.0, 0.1))
        order = url_state.segmented(
            T("order"), ORDERS, key=K["order"], default=DEFAULTS["order"],
            format_func=lambda o: T(f"order.{o}"),
        )
        seed = _number("seed", "seed", 9999) if order == "shuffle" else 0
        step = _number("step", "step", STEP_MAX, "step_help")
    w0 = tuple(round(float(v), 6) for v in w0)
    return RuleSpec(data, float(lr), w0, order, seed), step


def hand_ui(open_: bool) -> tuple[float, float, float]:
    with st.expander(T("hand_settings"), expanded=open_):
        w = (_slider("hw1", "hw1", -2.0, 2.0, 0.1), _slider("hw2", "hw2", -2.0, 2.0, 0.1),
             _slider("hb", "hb", -2.0, 2.0, 0.1))
    return tuple(round(float(v), 6) for v in w)


def mlp_ui(open_: bool) -> tuple[MlpSpec, int]:
    with st.expander(T("mlp_settings"), expanded=open_):
        act = url_state.segmented(T("act"), XOR_ACTIVATIONS, key=K["act"],
                                  default=DEFAULTS["act"])
        lr = _pick("mlr", "mlr", MLRS)
        epochs = _pick("epochs", "epochs", EPOCHS)
        n_seeds = _pick("seeds", "seeds", SEED_COUNTS)
        pick = _number("pick", "pick", max(SEED_COUNTS) - 1)
    return MlpSpec(act, float(lr), int(epochs), int(n_seeds)), min(pick, int(n_seeds) - 1)


def settings_ui() -> PerceptronSettings:
    view = url_state.segmented(
        T("view"), VIEWS, key=K["view"], default=DEFAULTS["view"],
        format_func=lambda v: T(f"view.{v}"),
    )
    with controls():  # every widget is always drawn, so every setting stays in the URL
        data = data_ui()
        rule, step = rule_ui(data, view == "rule")
        hand = hand_ui(view == "hand")
        mlp, pick = mlp_ui(view == "mlp")
    return PerceptronSettings(view, rule, step, hand, mlp, pick)


# ---------------------------------------------------------------------------------------------
# Learning-rule view
# ---------------------------------------------------------------------------------------------


def _fmt(v: float) -> str:
    return f"{v:.4g}" if v != 0 else "0"


def _move_step(delta: str) -> None:
    ss = st.session_state
    run = rule_run(ss["_pc_spec"])
    t = int(ss.get(K["step"], 0))
    if delta == "step":
        t += 1
    elif delta == "epoch":
        t = (t // run.n + 1) * run.n
    elif delta == "run":
        t = run.end_step()
    else:
        t = 0
    ss[K["step"]] = min(t, STEP_MAX)


def rule_status(run, data: DataSpec) -> tuple[str, str]:
    """(kind, markdown) of the run's outcome, formatted from its numbers."""
    n = run.n
    if run.converged_epoch is not None:
        changed = np.flatnonzero(run.pred != run.y[run.shown])
        return "success", T(
            "rule_converged",
            e=run.converged_epoch,
            n=n,
            updates=len(changed),
            last=int(changed[-1]) + 1 if len(changed) else 0,
        )
    acc, _ = best(data)
    best_n = int(round(acc * n))
    if run.cycle is not None:
        e0, p = run.cycle
        k = int(run.epoch_mistakes[e0 : e0 + p].sum())
        span = T("span_one", e=e0 + 1) if p == 1 else T("span_many", a=e0 + 1, b=e0 + p)
        return "warning", T("rule_cycle", e0=e0, e1=e0 + p, span=span, k=k, best=best_n, n=n)
    epochs = len(run.epoch_mistakes)
    if best_n == n:
        return "info", T("rule_capped_sep", epochs=epochs, steps=run.steps, n=n)
    return "warning", T("rule_capped_nonsep", epochs=epochs, steps=run.steps, best=best_n, n=n,
                        pct=f"{acc:.0%}")


def step_lines(run, t: int) -> list[str]:
    info = run.step_info(t)
    if info is None:
        return [T("step0")]
    e, k = divmod(t - 1, run.n)
    head = T("step_text", t=t, e=e + 1, k=k + 1, n=run.n, x1=_fmt(info["x"][0]),
             x2=_fmt(info["x"][1]), y=info["y"], yhat=info["yhat"])
    what = T("step_mistake") if info["yhat"] != info["y"] else T("step_ok")
    lines = [f"{head} — {what}"]
    if run.stored(t) != t:
        lines.append(T("same_state", t=t, s=run.stored(t)))
    return lines


def weights_table(run, t: int) -> pd.DataFrame:
    info = run.step_info(t)
    rows = []
    if info is None:
        rows.append([T("row.after"), *(_fmt(v) for v in run.weights(0))])
    else:
        for key in ("before", "update", "after"):
            rows.append([T(f"row.{key}"), *(_fmt(v) for v in info[key])])
    return pd.DataFrame(rows, columns=[T("w_row"), "w1", "w2", "b"])


def trajectory_frame(run) -> pd.DataFrame:
    W = run.w0 + run.lr * run.sums
    steps = np.arange(len(W))
    shown = np.concatenate([[-1], run.shown])
    return pd.DataFrame({
        "step": steps, "epoch": np.ceil(steps / run.n).astype(int), "sample": shown,
        "x1": np.where(shown >= 0, run.X[shown, 0], np.nan),
        "x2": np.where(shown >= 0, run.X[shown, 1], np.nan),
        "y": np.where(shown >= 0, run.y[shown], -1),
        "yhat": np.concatenate([[-1], run.pred]),
        "w1": W[:, 0], "w2": W[:, 1], "b": W[:, 2],
    })


def _point_text(X: np.ndarray, y: np.ndarray) -> list[str]:
    return [f"({x[0]:g}, {x[1]:g}) → {c}" for x, c in zip(X, y, strict=True)]


def _plane_labels(title: str, line: str) -> dict:
    return {"title": title, "x": T("x1"), "y": T("x2"), "class0": T("class0"),
            "class1": T("class1"), "region": T("region"), "line": line,
            "old_line": T("old_line"), "current": T("current")}


def rule_plane(run, t: int, box) -> None:
    info = run.step_info(t)
    w = run.weights(t)
    old = None
    if info is not None and info["yhat"] != info["y"]:
        old = line_segment(info["before"], box)
    few = run.n <= 8
    fig = F.plane(
        run.X, run.y, box, _plane_labels(T("plane_title"), T("line")),
        line=line_segment(w, box), old_line=old, region=positive_region(w, box),
        highlight=None if info is None else info["index"],
        mistake=info is not None and info["yhat"] != info["y"],
        point_text=_point_text(run.X, run.y) if few else None,
    )
    chart(fig, key="pc_fig_plane")
    outside_note(w, box)


def outside_note(w: np.ndarray, box) -> None:
    if w[0] == 0 and w[1] == 0:  # no line at all: z = b at every point
        yhat = int(predict(w, np.zeros((1, 2)))[0])
        st.caption(T("no_line", b=_fmt(w[2]), yhat=yhat))
    elif line_segment(w, box) is None:
        text = f"{_fmt(w[0])}·x₁ + {_fmt(w[1])}·x₂ + {_fmt(w[2])} = 0"
        st.caption(T("line_outside", w=text))


def rule_view(s: PerceptronSettings) -> None:
    st.session_state["_pc_spec"] = s.rule  # the step buttons' callbacks read it
    run = rule_run(s.rule)
    t = s.step
    kind, text = rule_status(run, s.rule.data)
    getattr(st, kind)(text)
    box = GATE_BOX if s.rule.data.gate in GATES else DATA_BOX
    left, right = st.columns([3, 2])
    with right:
        with st.container(horizontal=True):
            for name in ("step", "epoch", "run", "reset"):
                st.button(T(f"btn.{name}"), key=f"pc_btn_{name}", on_click=_move_step,
                          args=(name,))
        st.markdown("  \n".join(step_lines(run, t)))
        static_table(weights_table(run, t))
        c = int(np.sum(predict(run.weights(t), run.X) == run.y))
        st.markdown(T("now_right", c=c, n=run.n))
    with left:
        rule_plane(run, t, box)
    a, b = st.columns(2)
    shown_t = run.stored(t)
    with a:
        W = run.w0 + run.lr * run.sums
        chart(F.weights_chart(W, shown_t, {
            "title": T("weights_title"), "x": T("weights_x"), "y": T("weights_y"),
            "names": ["w1", "w2", "b"]}), key="pc_fig_weights")
    with b:
        epoch = (shown_t - 1) // run.n + 1 if shown_t > 0 else 0
        chart(F.mistakes_chart(run.epoch_mistakes, epoch, {
            "title": T("mistakes_title"), "x": T("mistakes_x"), "y": T("mistakes_y")}),
            key="pc_fig_mistakes")
    download_csv(T("dl_rule"), lambda: trajectory_frame(run), "perceptron_steps.csv", "pc_dl_rule")


# ---------------------------------------------------------------------------------------------
# By-hand view
# ---------------------------------------------------------------------------------------------


def hand_table(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> pd.DataFrame:
    z = score(w, X)
    yhat = predict(w, X)
    return pd.DataFrame({
        "x1": [f"{v:g}" for v in X[:, 0]], "x2": [f"{v:g}" for v in X[:, 1]],
        T("col.z"): [f"{v:+.3g}" for v in z], T("col.yhat"): yhat, T("col.y"): y,
        T("col.ok"): [T("yes") if a == b else T("no") for a, b in zip(yhat, y, strict=True)],
    })


def hand_csv(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> pd.DataFrame:
    """The table with English column ids (a CSV reads the same in both languages)."""
    yhat = predict(w, X)
    return pd.DataFrame(
        {
            "x1": X[:, 0],
            "x2": X[:, 1],
            "z": score(w, X),
            "yhat": yhat,
            "y": y,
            "correct": yhat == y,
            "w1": w[0],
            "w2": w[1],
            "b": w[2],
        }
    )


def _names(outputs: tuple) -> str:
    known = {v: k.upper() for k, v in GATES.items()} | {(1, 0, 0, 1): "XNOR"}
    return known.get(outputs, "".join(map(str, outputs)))


def hand_view(s: PerceptronSettings) -> None:
    data = s.rule.data
    X, y = points(data)
    w = np.array(s.hand)
    box = GATE_BOX if data.gate in GATES else DATA_BOX
    left, right = st.columns([3, 2])
    with left:
        fig = F.plane(
            X, y, box, _plane_labels(T("hand_title"), T("hand_line")),
            line=line_segment(w, box), region=positive_region(w, box),
            point_text=_point_text(X, y) if len(y) <= 8 else None,
        )
        chart(fig, key="pc_fig_hand")
        outside_note(w, box)
    acc, _ = best(data)
    c = int(np.sum(predict(w, X) == y))
    with right:
        st.markdown(T("hand_acc", c=c, n=len(y), best=int(round(acc * len(y)))))
        frame = hand_table(X, y, w)
        if len(y) <= 8:
            st.markdown(f"**{T('truth_table')}**")
            static_table(frame)
            sep = separability()
            bad = [_names(k) for k, ok in sep.items() if not ok]
            st.caption(T("sep_count", k=sum(sep.values()), names=", ".join(bad)))
        download_csv(T("dl_hand"), lambda: hand_csv(X, y, w), "perceptron_hand.csv", "pc_dl_hand")


# ---------------------------------------------------------------------------------------------
# 2-2-1 network view
# ---------------------------------------------------------------------------------------------


def _pt(h) -> str:
    return "(" + ", ".join(f"{v:g}" for v in h) + ")"


def merged_labels(h: np.ndarray, near: float = 0.12) -> list[str]:
    """'x = (0, 1), (1, 0)' on the first of the points that land (almost) together in h-space,
    '' on the others, so labels never overprint."""
    out = [""] * len(h)
    done: set[int] = set()
    for i in range(len(h)):
        if i in done:
            continue
        group = [j for j in range(len(h)) if j not in done and np.abs(h[j] - h[i]).max() < near]
        done.update(group)
        out[i] = "x = " + ", ".join(_pt(BOOL_X[j]) for j in group)
    return out


def hidden_plane(h: np.ndarray, y: np.ndarray, w_out: np.ndarray, box, key: str) -> None:
    labels = {"title": T("hidden_title"), "x": T("h1"), "y": T("h2"), "class0": T("class0"),
              "class1": T("class1"), "region": T("region"), "line": T("out_line"),
              "old_line": "", "current": ""}
    text = merged_labels(h)
    fig = F.plane(h, y, box, labels, line=line_segment(w_out, box),
                  region=positive_region(w_out, box), point_text=text, height=440)
    chart(fig, key=key)


def hand_net_view() -> None:
    st.subheader(T("hand_net"))
    X, y = gate_data("xor")
    h, out = hand_forward(X)
    st.markdown(T("hand_net_text", p01=_pt(h[1]), p00=_pt(h[0]), p11=_pt(h[3]),
                  c=int(np.sum(out == y))))
    a, b = st.columns(2)
    with a:
        chart(F.network_diagram(HAND_NET, {
            "title": T("diagram_title"), "inputs": ["x₁", "x₂"],
            "hidden": T("diagram_hidden_hand").split(","), "output": T("diagram_output_hand")}),
            key="pc_fig_hand_net")
        table = pd.DataFrame({
            "x1": X[:, 0].astype(int), "x2": X[:, 1].astype(int), T("col.h1"): h[:, 0].astype(int),
            T("col.h2"): h[:, 1].astype(int), T("col.out"): out.astype(int), T("col.xor"): y,
        })
        static_table(table)
    with b:
        w_out = np.array([HAND_NET["W2"][0, 0], HAND_NET["W2"][1, 0], HAND_NET["b2"][0]])
        hidden_plane(h, y, w_out, (-0.3, 1.3, -0.3, 1.3), "pc_fig_hand_hidden")


def trained_text(res) -> str:
    k = int(res.solved.sum())
    S = len(res.seeds)
    text = T("trained_summary", k=k, s=S, epochs=res.epochs, act=res.activation, lr=f"{res.lr:g}")
    if k == 0:
        return text + T("trained_none")
    if k < S:
        fail = ~res.solved
        last = res.loss[:, -1]
        counts = ", ".join(str(c) for c in sorted(set(res.correct[fail].tolist())))
        lo, hi = f"{last[fail].min():.3g}", f"{last[fail].max():.3g}"
        text += T("trained_fail", m=int(fail.sum()), counts=counts,
                  loss=lo if lo == hi else f"{lo}–{hi}",
                  solved_max=f"{last[res.solved].max():.3g}")
        text += stuck_text(res, fail)
    return text


def stuck_text(res, fail: np.ndarray) -> str:
    """Which failed seeds sit in the 'sure of two, 0.5 on two' state (more epochs do not help)."""
    half = half_sure(res) & fail
    other = fail & ~half
    seeds = np.asarray(res.seeds)
    text = ""
    if half.any():
        text += T("trained_half", seeds=", ".join(map(str, seeds[half])),
                  tol=f"{HALF_TOL:g}")
    if other.any():
        text += T("trained_other", seeds=", ".join(map(str, seeds[other])))
    return text
    return text


def loss_frame(res) -> pd.DataFrame:
    E = res.loss.shape[1]
    return pd.DataFrame({
        "seed": np.repeat(res.seeds, E), "epoch": np.tile(np.arange(E), len(res.seeds)),
        "loss": res.loss.ravel(),
    })


def net_json(res, pick: int) -> str:
    p = res.final[pick]
    return json.dumps({
        "seed": res.seeds[pick], "activation": res.activation, "lr": res.lr,
        "epochs": res.epochs, "correct": int(res.correct[pick]),
        **{k: np.asarray(v).tolist() for k, v in p.items()},
    }, indent=1)


def trained_view(s: PerceptronSettings) -> None:
    st.subheader(T("trained"))
    res = trained(s.mlp)
    bad = np.flatnonzero(res.diverged_at >= 0)
    if len(bad):
        st.warning(T("diverged", seeds=", ".join(str(res.seeds[i]) for i in bad)))
    st.markdown(trained_text(res))
    pick = s.pick
    xs, prob, h, p4 = regions(s.mlp, pick)
    c = int(res.correct[pick])
    st.markdown(T("pick_text", seed=res.seeds[pick], c=c, loss=f"{res.loss[pick, -1]:.3g}") + " "
                + (T("pick_sep") if c == 4 else T("pick_nosep", c=c)))
    params = res.final[pick]
    a, b = st.columns(2)
    with a:
        lines = [line_segment(np.array([params["W1"][0, j], params["W1"][1, j],
                                        params["b1"][j]]), (-0.5, 1.5, -0.5, 1.5))
                 for j in range(2)]
        chart(F.input_regions(xs, prob, BOOL_X, np.array(GATES["xor"]), lines, {
            "title": T("regions_title"), "x": T("x1"), "y": T("x2"), "class0": T("class0"),
            "class1": T("class1"), "hidden": [T("hidden1"), T("hidden2")], "prob": T("prob")}),
            key="pc_fig_regions")
    with b:
        w_out = np.array([params["W2"][0, 0], params["W2"][1, 0], params["b2"][0]])
        lo, hi = (-0.15, 1.15) if s.mlp.activation == "sigmoid" else (-1.15, 1.15)
        hidden_plane(h, np.array(GATES["xor"]), w_out, (lo, hi, lo, hi), "pc_fig_hidden")
    chart(F.loss_curves(res.loss, res.solved, pick, {
        "title": T("loss_title"), "x": T("loss_x"), "y": T("loss_y"), "solved": T("solved"),
        "stuck": T("stuck"), "picked": T("picked")}), key="pc_fig_loss")
    with st.container(horizontal=True):
        download_csv(T("dl_mlp"), lambda: loss_frame(res), "xor_loss_curves.csv", "pc_dl_loss")
        download_json(T("dl_net"), lambda: net_json(res, pick), "xor_net.json", "pc_dl_net")


def mlp_view(s: PerceptronSettings) -> None:
    hand_net_view()
    trained_view(s)


def main() -> None:
    page_intro(T("title"), T("intro"))
    if lecture_mode():  # the step bar replaces the preset buttons
        lecture_steps_ui(lecture_steps())
    else:
        presets_ui()
    s = settings_ui()
    {"rule": rule_view, "hand": hand_view, "mlp": mlp_view}[s.view](s)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
