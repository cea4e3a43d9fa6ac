"""Initialization lab: what the weight scale does to activations and gradients, layer by layer.

UI only: widgets -> ``InitSettings`` -> cached ``nncore.initlab.run_init_experiment`` ->
``viz.init_figs`` figures. Every setting is in the URL (choices as ids through ``ui.url_state``);
presets write the widgets' session state in a callback; in lecture mode a step bar walks the
presets in the lecture's order instead. Large runs (7 × 4096) go to the worker pool
(``ui.workers``) and are kept on disk (``ui.disk_cache``). All text: ``ui/strings/init_lab.py``.
"""

from concurrent.futures import Future
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from nncore.activations import ACTIVATIONS
from nncore.init import INITIALIZERS, weight_std
from nncore.initlab import HOMOGENEOUS_GAIN, LIMITS, PRESETS, InitConfig, facts, find_preset
from nncore.initlab import run_init_experiment as _run
from nncore.mlp import HIDDEN_ACTIVATIONS
from ui import disk_cache, url_state, workers
from ui.common import chart, controls, download_csv, page_intro, worker_died
from ui.lecture import LectureStep, lecture_steps_ui
from ui.share import lecture_mode
from ui.strings.init_lab import T
from ui.strings.names import activation_name
from ui.warm import WarmTask
from viz.init_figs import (
    blocking_units,
    gradients_over_depth,
    layer_histograms,
    std_over_depth,
    theory_overlay,
)

SCALES = [
    round(m * 10.0**e, 6) for e in range(-3, 1) for m in (1, 1.5, 2, 3, 5, 7)
] + [10.0]
WIDTHS = [8, 16, 32, 64, 100, 128, 256, 512, 1024, 2048, 4096]
SAMPLES = [16, 32, 64, 100, 128, 200, 256, 500, 1000, 2000]
DEFAULT = InitConfig()  # tanh + Xavier, 7 × 256, 200 samples, seed 0
DEFAULT_SCALE = 0.01
DEFAULT_A = {"activation": DEFAULT.activation, "init": DEFAULT.init, "scale": DEFAULT_SCALE,
             "batchnorm": DEFAULT.batchnorm}
DEFAULT_B = {"activation": "tanh", "init": "normal", "scale": 0.05, "batchnorm": False}

K = {  # widget keys = URL parameter names
    "activation": "ini_act",
    "init": "ini_init",
    "scale": "ini_scale",
    "batchnorm": "ini_bn",
    "depth": "ini_depth",
    "width": "ini_width",
    "samples": "ini_n",
    "seed": "ini_seed",
    "ab": "ini_ab",
}
KB = {
    "activation": "ini_b_act",
    "init": "ini_b_init",
    "scale": "ini_b_scale",
    "batchnorm": "ini_b_bn",
}
# Links made before the URL held ids carry the English labels Streamlit's bind wrote
# (``ini_act=ReLU``, ``ini_init=He (Kaiming) normal``): they still open the same choice.
ACT_ALIASES = {ACTIVATIONS[a].label: a for a in HIDDEN_ACTIVATIONS if a in ACTIVATIONS}
ACT_ALIASES["Maxout (k = 2)"] = "maxout"
INIT_ALIASES = {i.label: name for name, i in INITIALIZERS.items()}
FIG_LABELS = (
    "layer", "panel", "panel_2", "zero_note", "hover_hist", "std_title", "std_act", "std_y", "grad_title",
    "std_grad", "std_wgrad", "theory_title", "measured", "step", "chain", "var_y",
    "block_title", "saturated", "dead", "blocked", "pct_y",
)
TABLE_COLUMNS = (
    "network", "layer", "activation", "init", "weight_std", "n_var_w", "batchnorm", "act_mean",
    "act_std", "act_mean_sq", "act_zero_pct", "saturated_pct", "dead_relu_pct",
    "mean_local_grad", "var_u_measured", "var_u_theory_step", "var_u_theory_chain",
    "grad_std", "weight_grad_std",
)

assert LIMITS["depth"] == (1, 20) and WIDTHS[0] == LIMITS["width"][0]


@dataclass(frozen=True)
class InitSettings:
    """The page's settings: network A, and network B when A/B compare is on."""

    a: InitConfig
    b: InitConfig | None = None

    @property
    def configs(self) -> list[InitConfig]:
        return [self.a] + ([self.b] if self.b is not None else [])


def act_label(name: str) -> str:
    return T("maxout") if name == "maxout" else activation_name(name)


def init_label(name: str) -> str:
    return T(f"init.{name}")


def num(v: float) -> str:
    """A number as the page's sentences print it (two significant digits, whole from 10)."""
    v = float(v)
    if not np.isfinite(v):
        return "–"
    if v == 0:
        return "0"
    return f"{v:.0f}" if abs(v) >= 10 else f"{v:.2g}"


# ---------------------------------------------------------------------------------------------
# Compute (cached; hashable primitives only)
# ---------------------------------------------------------------------------------------------


SLOW_CELLS = 2**26  # depth·width² from which a run takes seconds (7 × 4096: 3-20 s cold)
POOL_CELLS = 2**18  # from 7 × 256 (the default view: ~0.4 s) runs go to the worker pool
DISK_NAME = "init_lab.run"


def is_slow(cfg: InitConfig) -> bool:
    orth = cfg.init == "orthogonal" and cfg.width >= 1024
    return cfg.width * cfg.width * cfg.depth >= SLOW_CELLS or orth


@st.cache_data(max_entries=24, show_spinner=False)
def run_experiment(activation, init, scale, depth, width, samples, batchnorm, seed):
    """One cached run of the experiment (the result holds only per-layer stats and counts).
    Slow runs are also kept on disk, shared by every server process (``ui.disk_cache``)."""
    cfg = InitConfig(activation, init, scale, depth, width, samples, batchnorm, seed)
    if is_slow(cfg):
        return disk_cache.cached(DISK_NAME, cfg, lambda: _run(cfg))
    if cfg.width * cfg.width * cfg.depth < POOL_CELLS:
        return _run(cfg)
    try:  # 0.3-2 s: in a worker, so the script thread waits without holding the GIL
        return workers.run(_run, cfg)
    except workers.WorkerCrashed:
        worker_died()


def prefetch(configs: list[InitConfig]) -> None:
    """Slow runs not on disk yet go to the worker pool, side by side (A and B of a preset run
    in parallel), behind a spinner; their results land on disk for ``run_experiment``. The
    script thread only waits, so other students' reruns go on meanwhile."""
    todo = [c for c in dict.fromkeys(configs)
            if is_slow(c) and not disk_cache.contains(DISK_NAME, c)]
    if not todo:
        return
    cfg = todo[0]
    k = T("slow_k") if cfg.activation == "maxout" else ""
    text = T("slow", depth=cfg.depth, width=cfg.width, k=k)
    orth = any(c.init == "orthogonal" for c in todo)
    futures: list[Future] = []
    with st.spinner(text + (T("slow_orth") if orth else "")):
        try:
            futures = [workers.submit(_run, c) for c in todo]
            for c, f in zip(todo, futures, strict=True):
                disk_cache.put(DISK_NAME, c, workers.result(f))
        except workers.WorkerCrashed:
            worker_died()
        finally:  # a rerun stopped this one: drop what has not started
            for f in futures:
                f.cancel()



def warm_tasks() -> list[WarmTask]:
    """Every preset's slow runs, for the server's warm-up (ui/warm.py): the page's settings at
    a preset are the preset's configurations themselves (``preset_values`` writes them)."""
    return [WarmTask(name, DISK_NAME, c, _run, (c,)) for name, p in PRESETS.items()
            for c in (p.a, p.b) if c is not None and is_slow(c)]


def compute_all(configs: list[InitConfig]) -> list:
    prefetch(configs)
    cfg = max(configs, key=lambda c: c.width * c.width * c.depth)
    k = T("slow_k") if cfg.activation == "maxout" else ""
    with st.spinner(T("slow", depth=cfg.depth, width=cfg.width, k=k)):  # shown after 0.5 s
        return [run_experiment(**_as_args(c)) for c in configs]


def compute(cfg: InitConfig):
    return compute_all([cfg])[0]


def _as_args(cfg: InitConfig) -> dict:
    return {
        "activation": cfg.activation,
        "init": cfg.init,
        "scale": cfg.scale,
        "depth": cfg.depth,
        "width": cfg.width,
        "samples": cfg.samples,
        "batchnorm": cfg.batchnorm,
        "seed": cfg.seed,
    }


# ---------------------------------------------------------------------------------------------
# Text formatted from the numbers (tests/app/test_claims_init_lab.py checks every claim)
# ---------------------------------------------------------------------------------------------


def intro_fields() -> dict:
    """The intro's tanh + Xavier drift, measured on the default settings (cached, cheap)."""
    f = facts(run_experiment(**_as_args(DEFAULT)))
    return {k: num(f[k]) for k in ("L", "n", "a1", "aL", "vdrop")}


def span(lo: float, hi: float) -> str:
    """'0.81–0.82', or one number when both read the same."""
    a, b = num(lo), num(hi)
    return a if a == b else f"{a}–{b}"


def preset_fields(name: str, results) -> dict:
    """The numbers a preset's explanation quotes, from its result(s)."""
    f = facts(results[0])
    fields = {k: num(v) for k, v in f.items()}
    for key, lo, hi in (("a_range", "amin", "amax"), ("g_range", "gmin", "gmax"),
                        ("w_range", "wmin", "wmax"), ("lg_range", "lg_lo", "lg_hi"),
                        ("sat_range", "sat_lo", "sat_hi")):
        fields[key] = span(f[lo], f[hi])
    if len(results) > 1:
        g = facts(results[1])
        fields["ratio"] = num(f["aL"] / g["aL"])
        fields["b_a_range"] = span(g["amin"], g["amax"])
    return fields


def custom_text(res) -> str:
    """Var(u) = n·Var(W)·E[a²] with both factors, for settings that are no preset."""
    cfg = res.config
    var_w = cfg.weight_var(cfg.width, cfg.width)
    extra = ""
    c = HOMOGENEOUS_GAIN.get(cfg.activation)
    if cfg.activation == "sigmoid":
        extra = T("custom_sigmoid", m=num(np.nanmean(res.act_mean)))
    elif c is not None and c != 1.0:
        extra = T("custom_relu", g=act_label(cfg.activation), c=f"{c:.3g}")
    if cfg.batchnorm:
        extra += T("custom_bn")
    last = res.finite_layers - 1
    return T(
        "custom", n=cfg.width, varw=f"{var_w:.3g}", gain=f"{cfg.width * var_w:.3g}",
        e0=num(res.input_sq), e1=num(res.act_sq[0]), eL=num(res.act_sq[last]), L=last + 1,
        extra=extra, v1=num(res.var_u[0]), vL=num(res.var_u[last]),
    )


# ---------------------------------------------------------------------------------------------
# Presets: a callback writes the widgets' state before they are drawn
# ---------------------------------------------------------------------------------------------


def preset_values(name: str) -> dict:
    """Widget key -> value of a preset (a scale of None leaves the greyed-out slider as is)."""
    p = PRESETS[name]
    values = {K[f]: getattr(p.a, f)
              for f in ("activation", "init", "batchnorm", "depth", "width", "samples", "seed")}
    if p.a.scale is not None:
        values[K["scale"]] = p.a.scale
    values[K["ab"]] = p.b is not None
    if p.b is not None:
        values |= {KB[f]: getattr(p.b, f) for f in ("activation", "init", "batchnorm")}
        if p.b.scale is not None:
            values[KB["scale"]] = p.b.scale
    return values


def apply_preset(name: str) -> None:
    st.session_state.update(preset_values(name))


# The lecture's order (notes: N(0, 1) → 0.01 → 0.05 → Xavier → ReLU → He → batch norm); each
# step is a preset, so its explanation box, with numbers tested for it, is shown below the bar.
LECTURE = ("sigmoid_n01", "tanh_001", "tanh_005", "tanh_xavier", "relu_xavier", "relu_he",
           "ab_relu", "ab_bn")


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(name, T(f"step.{name}"), T(f"step_text.{name}"), preset_values(name))
            for name in LECTURE]


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def network_ui(keys: dict, defaults: dict, enabled: bool = True) -> dict:
    """Activation, initializer, scale and batch norm. Every widget is always drawn (greyed out
    when it has no effect), so a preset's values always reach the URL."""
    q = {"bind": "query-params"}
    # Labels looked up now, in this run's language: a format_func that called T later (AppTest
    # formats options outside the run) could answer in another language.
    act_names = {a: act_label(a) for a in HIDDEN_ACTIVATIONS}
    init_names = {i: init_label(i) for i in INITIALIZERS}
    act = url_state.selectbox(
        T("activation"), HIDDEN_ACTIVATIONS, key=keys["activation"],
        default=defaults["activation"], format_func=act_names.get, aliases=ACT_ALIASES,
        disabled=not enabled,
    )
    init = url_state.selectbox(
        T("init"), list(INITIALIZERS), key=keys["init"], default=defaults["init"],
        format_func=init_names.get, aliases=INIT_ALIASES, help=T("init_help"), disabled=not enabled,
    )
    uses_scale = INITIALIZERS[init].uses_scale
    scale = st.select_slider(
        T("scale"), SCALES, value=defaults["scale"], format_func=lambda v: f"{v:g}",
        key=keys["scale"], help=T("scale_help"), disabled=not (enabled and uses_scale), **q,
    )
    bn = st.toggle(
        T("bn"), value=defaults["batchnorm"], key=keys["batchnorm"], disabled=not enabled, **q
    )
    return {"activation": act, "init": init, "scale": scale if uses_scale else None,
            "batchnorm": bn}


def shared_ui() -> tuple[dict, bool]:
    """Depth, width, samples, seed (shared by A and B) and the A/B switch."""
    q = {"bind": "query-params"}
    lo, hi = LIMITS["depth"]
    depth = st.slider(T("depth"), lo, hi, DEFAULT.depth, key=K["depth"], **q)
    width = st.select_slider(T("width"), WIDTHS, value=DEFAULT.width, key=K["width"], **q)
    samples = st.select_slider(T("samples"), SAMPLES, value=DEFAULT.samples, key=K["samples"],
                               **q)
    seed = st.number_input(T("seed"), 0, 9999, DEFAULT.seed, step=1, key=K["seed"], **q)
    ab = st.toggle(T("ab"), value=False, key=K["ab"], help=T("ab_help"), **q)
    return {"depth": depth, "width": width, "samples": samples, "seed": int(seed)}, ab


def settings_ui() -> InitSettings:
    with controls():
        st.subheader(T("net_a"))
        a = network_ui(K, DEFAULT_A)
        st.subheader(T("shared"))
        shared, ab = shared_ui()
        st.subheader(T("net_b"))
        b = network_ui(KB, DEFAULT_B, enabled=ab)
    return InitSettings(InitConfig(**a, **shared), InitConfig(**b, **shared) if ab else None)


def presets_ui(active) -> None:
    st.markdown(f"**{T('presets')}**")
    with st.container(horizontal=True):
        for name in PRESETS:
            st.button(
                T(f"preset.{name}"),
                key=f"ini_preset_{name}",
                on_click=apply_preset,
                args=(name,),
                type="primary" if active is not None and active.name == name else "secondary",
            )


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


def explanation_view(active, results, names) -> None:
    if active is not None and all(r.overflow_layer is None for r in results):
        text = T(f"explain.{active.name}", **preset_fields(active.name, results))
        st.info(text, icon=":material/school:")
        return
    lines = []
    for res, name in zip(results, names, strict=True):
        if res.finite_layers == 0:
            continue
        text = custom_text(res)
        lines.append(f"{name}: {text}" if len(results) > 1 else text)
    st.caption("  \n".join(lines))


def variance_gain(cfg: InitConfig) -> float:
    return cfg.width * weight_std(cfg.init, cfg.width, cfg.width, cfg.scale) ** 2


def warnings_view(results, names) -> None:
    """A plain-language warning for every overflow (never a broken chart)."""
    for res, name in zip(results, names, strict=True):
        prefix = f"{name}: " if len(results) > 1 else ""
        icon = ":material/warning:"
        if res.overflow_layer == 1:
            st.warning(T("overflow_all", name=prefix), icon=icon)
        elif res.overflow_layer is not None:
            st.warning(T("overflow", name=prefix, k=res.overflow_layer,
                         last=res.overflow_layer - 1, gain=f"{variance_gain(res.config):.3g}"),
                       icon=icon)
        if res.grad_overflow_layer is not None:
            st.warning(T("grad_overflow", name=prefix, k=res.grad_overflow_layer), icon=icon)


def stats_frame(results, names) -> pd.DataFrame:
    """Per-layer statistics of every network; English column ids (the CSV)."""
    frames = []
    for res, name in zip(results, names, strict=True):
        df = pd.DataFrame(res.table())
        cfg = res.config
        df.insert(0, "network", name)
        w_std = weight_std(cfg.init, cfg.width, cfg.width, cfg.scale)
        for col, val in (
            ("activation", cfg.activation), ("init", cfg.init),
            ("scale", np.nan if cfg.scale is None else cfg.scale), ("weight_std", w_std),
            ("n_var_w", cfg.width * w_std**2), ("batchnorm", cfg.batchnorm),
            ("width", cfg.width), ("samples", cfg.samples), ("seed", cfg.seed),
        ):
            df[col] = val
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def cell(v) -> str:
    """A table cell: numbers to 3 significant digits, "–" where a statistic does not apply
    (NaN: % saturated of an unbounded activation, % dead of a non-ReLU, no chained formula)."""
    if isinstance(v, (bool, np.bool_, str)):
        return str(v)
    v = float(v)
    return "–" if not np.isfinite(v) else f"{v:.3g}"


def table_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The on-page table: translated headers, every cell text (never "None"/NaN/True/False;
    the scale, None for Xavier/He, is shown as std(W); batch norm reads yes/no)."""
    shown = frame[list(TABLE_COLUMNS)].astype(object).map(cell)
    shown["batchnorm"] = frame["batchnorm"].map(lambda on: T("bn_on") if on else T("bn_off"))
    return shown.rename(columns={c: T(f"col.{c}") for c in TABLE_COLUMNS})


def figures_view(results, names) -> None:
    labels = {k: T(k) for k in FIG_LABELS}
    for which, name in (("act", "fwd"), ("grad", "bwd")):
        args = (results, names, which, labels, T(f"{name}_title"), T(f"{name}_x"))
        chart(layer_histograms(*args), key=f"ini_fig_{name}",
              narrow=layer_histograms(*args, phone=True))
    left, right = st.columns(2)
    with left:
        chart(std_over_depth(results, names, labels), key="ini_fig_std")
    with right:
        chart(gradients_over_depth(results, names, labels), key="ini_fig_grad")
        st.caption(T("grad_note"))
    left, right = st.columns(2)
    with left:
        chart(blocking_units(results, names, labels), key="ini_fig_block")
    with right:
        chart(theory_overlay(results, names, labels), key="ini_fig_theory")
    st.caption(theory_text(results))


def theory_text(results) -> str:
    res = results[0]
    f = facts(res)
    dev = max((facts(r)["chain_dev"] for r in results), default=np.nan)
    measured = T("theory_measured", dev=num(dev)) if np.isfinite(dev) else ""
    return T("theory_note", drift=num(f["drift"]), L=res.depth, n=res.config.width,
             measured=measured)


def results_view(results, names) -> None:
    warnings_view(results, names)
    shown = [(r, n) for r, n in zip(results, names, strict=True) if r.finite_layers > 0]
    if not shown:
        return
    figures_view([r for r, _ in shown], [n for _, n in shown])
    st.subheader(T("table"))
    frame = stats_frame(results, names)
    st.dataframe(table_frame(frame), hide_index=True)
    download_csv(T("download"), lambda: frame, "init_lab_layers.csv", key="ini_csv")


results_ui = results_view  # the old name (tests render the result view on its own)


def main() -> None:
    page_intro(T("title"), T("intro", **intro_fields()))
    lecture = lecture_mode()
    if lecture:
        lecture_steps_ui(lecture_steps())  # before the widgets: a step sets their values
    settings = settings_ui()
    active = find_preset(settings.a, settings.b)
    if not lecture:
        presets_ui(active)
    names = [T("a_name"), T("b_name")][: len(settings.configs)]
    results = compute_all(settings.configs)
    explanation_view(active, results, names)
    results_view(results, names)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
