"""Backpropagation step by step: a 2-2-K network on one example, node by node, forward and back.

UI only: widgets -> ``BackpropSettings`` -> cached ``nncore.backprop.trace`` /
``gradient_descent`` -> ``viz.backprop_figs``. Every setting and the step are in the URL;
presets and the step buttons write the widgets' session state in callbacks.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from nncore.backprop import (
    HIDDEN_ACTS,
    LOSS_NAMES,
    PRESETS,
    Trace,
    dead_units,
    gradient_descent,
    guess_rating,
    param_names,
    params_from_flat,
    trace,
)
from ui import url_state
from ui.common import chart, controls, download_csv, page_intro, static_table
from ui.lecture import LectureStep, lecture_steps_ui
from ui.share import lecture_mode
from ui.strings.backprop import T
from viz.backprop_figs import (
    NARROW,
    backward_latex,
    fmt,
    forward_latex,
    graph_figure,
    loss_curve,
    symbol,
)

K = {  # widget keys = URL parameter names
    "activation": "bp_act",
    "loss": "bp_loss",
    "outputs": "bp_out",
    "step": "bp_step",
    "guess": "bp_guess",
    "lr": "bp_lr",
    "updates": "bp_n",
}
DATA_KEYS = ("x1", "x2", "t1", "t2")
ALL_PARAMS = param_names(2)  # the 1-output network uses the first 9 of these
GUESS_KEY = "bp_gv"  # the typed prediction: not a setting, so not in the URL
REVEALED_KEY = "bp_revealed"
LRS = [0.01, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 50.0]
DEFAULT = PRESETS["classic"]
RANGES = {"x": (-5.0, 5.0), "t": (0.0, 1.0), "p": (-5.0, 5.0)}


def key(name: str) -> str:
    """URL key of a number input: 'x1' -> 'bp_x1', 'w12' -> 'bp_w12'."""
    return f"bp_{name}"


@dataclass(frozen=True)
class BackpropSettings:
    activation: str
    loss: str
    n_out: int
    x: tuple[float, float]
    t: tuple[float, ...]
    flat: tuple[tuple[str, float], ...]  # parameter id -> value, for this n_out

    def params(self):
        return params_from_flat(dict(self.flat), self.n_out)


def preset_values(name: str) -> dict:
    """Session-state values (by widget key) that a preset sets."""
    p = PRESETS[name]
    out = {K["activation"]: p.activation, K["loss"]: p.loss, K["outputs"]: len(p.t)}
    out.update({key(f"x{i + 1}"): v for i, v in enumerate(p.x)})
    out.update({key(f"t{k + 1}"): v for k, v in enumerate(p.t)})
    out.update({key(n): v for n, v in p.flat})
    out[K["lr"]] = p.lr
    return out


def default_of(name: str) -> float:
    """A number input's default: the classic example's value (0.5 where it has none)."""
    vals = preset_values("classic")
    return float(vals.get(key(name), 0.5))


# ---------------------------------------------------------------------------------------------
# Compute (cached; the settings dataclass is hashable)
# ---------------------------------------------------------------------------------------------


@st.cache_data(max_entries=64, show_spinner=False)
def compute_trace(s: BackpropSettings) -> Trace:
    return trace(s.params(), s.x, s.t, s.activation, s.loss)


@st.cache_data(max_entries=64, show_spinner=False)
def compute_descent(s: BackpropSettings, lr: float, updates: int):
    return gradient_descent(s.params(), s.x, s.t, s.activation, s.loss, lr, updates)


def matching_preset(s: BackpropSettings) -> str | None:
    for name, p in PRESETS.items():
        if (p.activation, p.loss, len(p.t), p.x, p.t) == (s.activation, s.loss, s.n_out, s.x,
                                                           s.t) and dict(p.flat) == dict(s.flat):
            return name
    return None


# ---------------------------------------------------------------------------------------------
# Callbacks: presets and step buttons write the widgets' state before they are drawn
# ---------------------------------------------------------------------------------------------


def apply_preset(name: str) -> None:
    st.session_state.update(preset_values(name))
    st.session_state[K["step"]] = 0


def move_step(delta: int | None, last: int) -> None:
    """delta steps forward/back; None = to the end; 0 = start over."""
    now = st.session_state.get(K["step"], 0)
    st.session_state[K["step"]] = last if delta is None else max(0, min(last, now + delta))
    if delta == 0:
        st.session_state[K["step"]] = 0


# ---------------------------------------------------------------------------------------------
# Lecture steps (ui.lecture): the notes' order, forward pass to the loss, the chain rule
# backward, one gradient-descent update; then a dead ReLU unit and cross-entropy's shortcut
# ---------------------------------------------------------------------------------------------

# step id -> (preset, where the step slider stands: a step number, or the backward step at a
# node, or "end"; whether the next number is hidden until the class guesses it)
LECTURE = {
    "forward": ("classic", 1, False), "loss": ("classic", "L", False),
    "chain": ("classic", "back:L", False), "guess": ("classic", "back:u2", True),
    "v11": ("classic", "back:u1", False), "update": ("classic", "end", False),
    "dead_relu": ("dead_relu", "back:z2", False), "tanh_ce": ("tanh_ce", "back:u1", False),
}
LECTURE_UPDATES = 10


def preset_trace(name: str) -> Trace:
    p = PRESETS[name]
    return trace(params_from_flat(dict(p.flat), len(p.t)), p.x, p.t, p.activation, p.loss)


def step_index(tr: Trace, where) -> int:
    """The slider position a lecture step names (see LECTURE)."""
    if where == "end":
        return 2 * tr.n_forward
    if isinstance(where, int):
        return where
    phase, node = ("backward", where[5:]) if where.startswith("back:") else ("forward", where)
    return next(s.index for s in tr.steps if s.phase == phase and s.node == node)


def step_values(step: str) -> dict:
    name, where, guess = LECTURE[step]
    return {**preset_values(name), K["step"]: step_index(preset_trace(name), where),
            K["guess"]: guess, K["updates"]: LECTURE_UPDATES}


def step_fields(step: str) -> dict:
    """The numbers a step's text states, from the trace (and descent) of the step's preset."""
    name = LECTURE[step][0]
    tr = preset_trace(name)
    g, v = tr.grads, tr.values
    if step == "forward":
        return {"n": tr.n_forward}
    if step == "loss":
        return {"L": fmt(v["L"])}
    if step == "v11":
        return {"dv11": fmt(g["v11"]), "du1": fmt(g["u1"]), "h1": fmt(v["h1"])}
    if step == "update":
        p = PRESETS[name]
        run = gradient_descent(params_from_flat(dict(p.flat), len(p.t)), p.x, p.t, p.activation,
                               p.loss, p.lr, 1)
        return {"lr": f"{p.lr:g}", "a": fmt(run.losses[0]), "b": fmt(run.losses[1])}
    if step == "dead_relu":
        return {"z2": fmt(v["z2"])}
    if step == "tanh_ce":
        return {"o1": fmt(v["o1"]), "t1": fmt(v["t1"]), "du1": fmt(g["u1"])}
    return {}


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(s, T(f"step.{s}.title"), T(f"step.{s}.text", **step_fields(s)),
                        step_values(s)) for s in LECTURE]


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def _number(name: str, kind: str, disabled: bool = False) -> float:
    lo, hi = RANGES[kind]
    return st.number_input(
        symbol(name), lo, hi, default_of(name), step=0.05, format="%.3f", key=key(name),
        disabled=disabled, bind="query-params",
    )


def network_ui() -> tuple[str, str, int]:
    st.subheader(T("network"))
    act = url_state.segmented(T("activation"), HIDDEN_ACTS, key=K["activation"],
                              default=DEFAULT.activation,
                              format_func=lambda a: {"relu": "ReLU"}.get(a, a))
    loss = url_state.segmented(T("loss"), LOSS_NAMES, key=K["loss"], default=DEFAULT.loss,
                               format_func=lambda n: T(f"loss.{n}"))
    n_out = url_state.segmented(T("outputs"), [1, 2], key=K["outputs"], default=len(DEFAULT.t))
    return act, loss, int(n_out)


def settings_ui() -> BackpropSettings:
    """Every widget is drawn even when unused (greyed out), so preset values reach the URL."""
    with controls():
        act, loss, n_out = network_ui()
        st.subheader(T("example"))
        cols = st.columns(2)
        with cols[0]:
            x = (_number("x1", "x"), _number("x2", "x"))
        with cols[1]:
            t = (_number("t1", "t"), _number("t2", "t", disabled=n_out == 1))
        st.subheader(T("params"), help=T("params_help"))
        flat = {}
        for row in range(len(ALL_PARAMS) // 3):
            cols = st.columns(3)
            for col, name in zip(cols, ALL_PARAMS[3 * row: 3 * row + 3], strict=True):
                with col:
                    flat[name] = _number(name, "p", disabled=name not in param_names(n_out))
    names = param_names(n_out)
    return BackpropSettings(act, loss, n_out, x, t[:n_out], tuple((n, flat[n]) for n in names))


def presets_ui(active: str | None) -> None:
    st.markdown(f"**{T('presets')}**")
    with st.container(horizontal=True):
        for name in PRESETS:
            st.button(T(f"preset.{name}"), key=f"bp_preset_{name}", on_click=apply_preset,
                      args=(name,), type="primary" if name == active else "secondary")


def step_ui(last: int) -> tuple[int, bool]:
    """The step slider, Back/Next/end buttons and the guess toggle.

    The step goes to the URL by hand, not with bind: the slider's range changes with the
    number of outputs, which makes it a new widget that bind would re-seed from a stale URL.
    """
    ss = st.session_state
    if K["step"] not in ss:
        raw = st.query_params.get(K["step"], "0")
        ss[K["step"]] = int(raw) if raw.isdigit() else 0
    ss[K["step"]] = min(ss[K["step"]], last)  # fewer outputs -> fewer steps
    step = st.slider(T("step"), 0, last, key=K["step"])
    url_state.write_url(K["step"], step, 0)
    with st.container(horizontal=True):
        st.button(T("prev"), icon=":material/chevron_left:", on_click=move_step,
                  args=(-1, last), disabled=step == 0, key="bp_prev")
        st.button(T("next"), icon=":material/chevron_right:", on_click=move_step,
                  args=(1, last), disabled=step == last, type="primary", key="bp_next")
        st.button(T("to_end"), icon=":material/last_page:", on_click=move_step,
                  args=(None, last), disabled=step == last, key="bp_end")
        st.button(T("restart"), icon=":material/first_page:", on_click=move_step,
                  args=(0, last), disabled=step == 0, key="bp_restart")
        guess = st.toggle(T("guess"), value=False, key=K["guess"], help=T("guess_help"),
                          bind="query-params")
    return step, guess


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def notes_ui(tr: Trace, active: str | None) -> None:
    """The classic example's reference numbers, and any dead ReLU unit (formatted from tr)."""
    if active == "classic":
        st.info(T("classic_note", L=f"{tr.values['L']:.9f}", dv11=f"{tr.grads['v11']:.9f}"),
                icon=":material/school:")
    for j in dead_units(tr):
        ins = ", ".join(symbol(n) for n in (f"w1{j}", f"w2{j}", f"b{j}"))
        outs = ", ".join(symbol(f"v{j}{k}") for k in range(1, tr.n_out + 1))
        st.warning(T("dead_note", j=symbol(f"h{j}")[1:], z=fmt(tr.values[f"z{j}"]), ins=ins,
                     outs=outs), icon=":material/power_off:")


def target_value(tr: Trace, step: int) -> float:
    s = tr.steps[step - 1]
    return tr.values[s.node] if s.phase == "forward" else s.terms[0].product


def hidden_target(tr: Trace, step: int, guess: bool, sig) -> str | None:
    """The id whose number is hidden at this step (guess mode, not revealed yet)."""
    if not guess or step == 0 or st.session_state.get(REVEALED_KEY) == (sig, step):
        return None
    return tr.steps[step - 1].target


def chain_table(tr: Trace, step: int, hidden: str | None) -> pd.DataFrame:
    s = tr.steps[step - 1]
    rows = [{
        T("col.edge"): f"{symbol(t.input)} → {symbol(s.node)}",
        T("col.local"): fmt(t.local),
        T("col.up"): fmt(t.upstream),
        T("col.prod"): "?" if t.input == hidden else fmt(t.product),
    } for t in s.terms]
    return pd.DataFrame(rows)


def step_text_ui(tr: Trace, step: int, hidden: str | None) -> None:
    last = 2 * tr.n_forward
    if step == 0:
        st.markdown(T("step0", n=last))
        return
    s = tr.steps[step - 1]
    node = symbol(s.node)
    if s.phase == "forward":
        st.markdown(T("step_fwd", s=step, n=last, node=node))
        st.latex(forward_latex(tr, s.node, hidden == s.node))
    else:
        st.markdown(T("step_bwd", s=step, n=last, node=node))
        st.latex(backward_latex(tr, s, hidden))
        static_table(chain_table(tr, step, hidden))
        extra = T("edge_legend_u", node=node) if s.node[0] == "u" else ""
        st.caption(T("edge_legend") + extra)


def guess_ui(tr: Trace, step: int, sig, hidden: str | None) -> None:
    """A number input for the prediction, a Reveal button, then feedback on the guess."""
    if step == 0:
        return
    target = tr.steps[step - 1].target
    name = ("∂L/∂" if tr.steps[step - 1].phase == "backward" else "") + symbol(target)
    gkey = f"{GUESS_KEY}_{step}"  # a fresh, empty input at every step
    with st.container(horizontal=True, vertical_alignment="bottom"):
        guess = st.number_input(T("your_guess", name=name), value=None, format="%.4f",
                                step=0.01, key=gkey, width=260)
        if hidden is not None:
            st.button(T("reveal"), icon=":material/visibility:", key="bp_reveal",
                      on_click=st.session_state.__setitem__, args=(REVEALED_KEY, (sig, step)))
    if hidden is None:
        feedback_ui(guess, target_value(tr, step))


def feedback_ui(guess: float | None, value: float) -> None:
    if guess is None:
        st.caption(T("no_guess"))
        return
    err, rel, level = guess_rating(guess, value)
    text = T(f"fb_{level}", g=f"{guess:.4g}", v=fmt(value), err=f"{err:.3g}",
             rel="∞" if rel == float("inf") else f"{rel:.3g}")
    if value != 0 and guess * value < 0:
        text += T("fb_sign", sign=T("sign.neg" if value < 0 else "sign.pos"))
    {"spot": st.success, "close": st.info, "off": st.warning}[level](text)


def graph_frame(tr: Trace) -> pd.DataFrame:
    """Every number of the graph: inputs, targets, parameters, nodes, loss, with ∂L/∂."""
    def kind(n):
        return {"x": "input", "t": "target", "L": "loss"}.get(n[0], "parameter"
                                                           if n[0] in "wbvc" else "node")
    rows = [{"id": n, "kind": kind(n), "value": v, "grad": tr.grads.get(n)}
            for n, v in tr.values.items()]
    return pd.DataFrame(rows)


def update_ui(s: BackpropSettings, tr: Trace) -> None:
    """Every ∂L/∂θ, one update with lr, and the loss over a few updates."""
    st.subheader(T("grads_header"))
    st.caption(T("grads_note"))
    cols = st.columns([5, 6])
    with cols[0]:
        lr = st.select_slider(T("lr"), LRS, value=DEFAULT.lr, key=K["lr"], bind="query-params")
        updates = st.slider(T("updates"), 1, 50, 10, key=K["updates"], bind="query-params")
    run = compute_descent(s, lr, updates)
    names = param_names(s.n_out)
    new = run.params[1] if len(run.params) > 1 else None
    frame = pd.DataFrame({
        T("col.param"): [symbol(n) for n in names],
        T("col.value"): [fmt(tr.values[n]) for n in names],
        T("col.grad"): [fmt(tr.grads[n]) for n in names],
        T("col.new"): [fmt(new[n]) if new else "–" for n in names],
    })
    with cols[0]:
        st.markdown(T("update_rule", lr=f"{lr:g}"))
        static_table(frame)
    with cols[1]:
        losses = run.losses
        chart(loss_curve(losses, T("curve_title"), T("curve_x"), T("curve_y"), T("curve_y")),
              key="bp_fig_loss")
    loss_text_ui(run, lr)
    download_csv(T("dl_curve"), lambda: curve_frame(run, lr), "backprop_descent.csv",
                 key="bp_csv_curve")


def loss_text_ui(run, lr: float) -> None:
    a, losses = run.losses[0], run.losses
    if len(losses) > 1:
        b = losses[1]
        if b < a:
            st.success(T("fell", a=fmt(a), b=fmt(b), pct=f"{100 * (a - b) / a:.3g}"))
        elif b > a:
            st.warning(T("rose", a=fmt(a), b=fmt(b), lr=f"{lr:g}"))
        else:
            st.info(T("same", a=fmt(a)))
        n = len(losses) - 1
        pct = f"{100 * losses[-1] / a:.3g}" if a > 0 else "–"
        st.markdown(T("after_n", n=n, l=fmt(losses[-1]), pct=pct))
    if run.code is not None:
        k = len(losses)
        st.warning(T("diverged", k=k, lr=f"{lr:g}", last=k - 1), icon=":material/warning:")


def curve_frame(run, lr: float) -> pd.DataFrame:
    rows = [{"update": i, "loss": L, "lr": lr, **p}
            for i, (L, p) in enumerate(zip(run.losses, run.params, strict=True))]
    return pd.DataFrame(rows)


def graph_ui(s: BackpropSettings, tr: Trace, step: int, guess: bool) -> None:
    """The graph at this step, its formula and chain-rule table, and the guess box."""
    last = 2 * tr.n_forward
    sig = hash(s)
    hidden = hidden_target(tr, step, guess, sig)
    title = T("graph_title", s=step, n=last)
    chart(graph_figure(tr, step, hidden, title), key="bp_fig_graph",
          narrow=graph_figure(tr, step, hidden, title, NARROW))
    step_text_ui(tr, step, hidden)
    if guess:
        guess_ui(tr, step, sig, hidden)


def conventions_ui(s: BackpropSettings, tr: Trace) -> None:
    mse_note = T("mse_note.2" if s.n_out == 2 else "mse_note.1")
    st.caption(T("convention", mse_note=mse_note))
    download_csv(T("dl_graph"), lambda: graph_frame(tr), "backprop_graph.csv", key="bp_csv_graph")


def main() -> None:
    page_intro(T("title"), T("intro"))
    lecture = lecture_mode()
    if lecture:  # the step bar (before the widgets) replaces the preset buttons
        lecture_steps_ui(lecture_steps())
    s = settings_ui()
    active = matching_preset(s)
    if not lecture:
        presets_ui(active)
    tr = compute_trace(s)
    if tr.code is not None:
        st.warning(T("nonfinite"), icon=":material/warning:")
        return
    last = 2 * tr.n_forward
    step, guess = step_ui(last)
    graph_ui(s, tr, step, guess)  # first, so a projected page shows the graph near the top
    notes_ui(tr, active)
    conventions_ui(s, tr)
    if step == last:
        update_ui(s, tr)
    else:
        st.caption(T("end_hint", n=last))


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
