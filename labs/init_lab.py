"""Initialization lab: what the weight scale does to activations and gradients, layer by layer.

UI only: widgets -> cached ``nncore.initlab.run_init_experiment`` -> ``viz.init_figs`` figures.
Every setting is bound to the URL; presets write the widgets' session state in a callback.
"""

import pandas as pd
import streamlit as st

from nncore.activations import ACTIVATIONS
from nncore.init import INITIALIZERS, weight_std
from nncore.initlab import HOMOGENEOUS_GAIN, LIMITS, PRESETS, InitConfig, find_preset
from nncore.initlab import run_init_experiment as _run
from nncore.mlp import HIDDEN_ACTIVATIONS
from ui.common import chart, download_csv, page_intro
from viz.init_figs import blocking_units, layer_histograms, std_over_depth, theory_overlay

# ---------------------------------------------------------------------------------------------
# All user-facing text of this page (the preset explanations live in nncore.initlab.PRESETS).
# ---------------------------------------------------------------------------------------------
TEXT = {
    "title": "Initialization lab",
    "intro": (
        "Gaussian inputs go through a deep stack of identical layers, **a = g(a·W)**, and each "
        "panel is one layer's histogram. Watch the spread: with too small weights it collapses "
        "towards 0 layer after layer, with too large ones it piles up at the flat ends of "
        "tanh/sigmoid; Xavier (tanh) and He (ReLU) keep it the same at every depth, because "
        "they make n·Var(W)·E[a²] stay constant. Start with a preset; **A/B compare** runs a "
        "second setting on the same inputs."
    ),
    "presets": "Lecture presets",
    "custom": (
        "Custom setting. Each layer multiplies the variance by n·Var(W) = {n} × {varw} = "
        "**{gain}**{extra}."
    ),
    "custom_relu": "; {g} keeps E[a²] = {c}·Var(u), so E[a²] changes **×{eff} per layer**",
    "custom_bn": " before batch norm, which rescales every unit back to variance 1",
    "net_a": "Network A",
    "net_b": "Network B",
    "shared": "Shared by A and B",
    "activation": "Activation g",
    "init": "Initializer",
    "scale": "Scale s",
    "scale_help": "Normal: W ~ N(0, s²). Uniform: W ~ U(−s, s). Log-spaced steps.",
    "bn": "Batch norm before the activation",
    "depth": "Depth (hidden layers)",
    "width": "Width n (units per layer)",
    "samples": "Samples (Gaussian inputs)",
    "seed": "Seed",
    "ab": "A/B compare",
    "ab_help": "Run a second configuration on the same inputs, seed and random numbers.",
    "fwd_title": "Forward: activations a of every layer (shared x-range)",
    "fwd_x": "activation value a  ·  bar height: share of the layer's values  ·  std on top",
    "bwd_title": "Backward: gradient ∂L/∂a arriving at every layer (shared x-range)",
    "bwd_x": (
        "∂L/∂a  ·  upstream gradient at the last layer: N(0, 1) noise (L = Σ G⊙a), "
        "so every change of size comes from the network"
    ),
    "overflow": (
        "{name}The activations overflow at layer {k}: the numbers no longer fit in a float64 "
        "(each layer multiplies the variance by about {gain}). The charts show layers 1–{last}."
    ),
    "overflow_all": (
        "{name}The activations overflow at layer 1: nothing finite to show. Lower the scale or "
        "the depth."
    ),
    "grad_overflow": "{name}The backward gradient overflows at layer {k}.",
    "slow": "Running {depth} layers of {width}×{width}{k} weights…",
    "slow_orth": " Orthogonal weights need one QR factorisation per layer: this takes a while.",
    "table": "Per-layer statistics",
    "download": "Download per-layer statistics (CSV)",
    "theory_note": (
        "**Formula:** Var(u) = n·Var(W)·E[a²] for u = a·W. The dotted line uses the measured "
        "E[a²] of the layer below: the exact expectation over the weights for every activation. "
        "The solid line chains it from the input (E[x²] = 1) with E[g(u)²] = c·Var(u): exact in "
        "expectation for linear (c = 1), ReLU (c = ½), leaky ReLU and |x|; absent for tanh, "
        "sigmoid and the others, whose c depends on the distribution. One draw of the weights "
        "drifts from the expectation by roughly √(depth/width): 3% for 7 × 4096."
    ),
    "a_name": "A",
    "b_name": "B",
}

SCALES = [
    round(m * 10.0**e, 6) for e in range(-3, 1) for m in (1, 1.5, 2, 3, 5, 7)
] + [10.0]  # fmt: skip
WIDTHS = [8, 16, 32, 64, 100, 128, 256, 512, 1024, 2048, 4096]
SAMPLES = [16, 32, 64, 100, 128, 200, 256, 500, 1000, 2000]
DEFAULT = InitConfig()  # tanh + Xavier, 7 × 256, 200 samples, seed 0
DEFAULT_SCALE = 0.01
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

assert LIMITS["depth"] == (1, 20) and WIDTHS[0] == LIMITS["width"][0]


def _act_label(name: str) -> str:
    return "Maxout (k = 2)" if name == "maxout" else ACTIVATIONS[name].label


def _init_label(name: str) -> str:
    return INITIALIZERS[name].label


# ---------------------------------------------------------------------------------------------
# Compute (cached; hashable primitives only)
# ---------------------------------------------------------------------------------------------


@st.cache_data(max_entries=24, show_spinner=False)
def run_experiment(activation, init, scale, depth, width, samples, batchnorm, seed):
    """One cached run of the experiment (the result holds only per-layer stats and counts)."""
    cfg = InitConfig(activation, init, scale, depth, width, samples, batchnorm, seed)
    return _run(cfg)


def compute(cfg: InitConfig):
    orth = cfg.init == "orthogonal" and cfg.width >= 1024
    if cfg.width * cfg.width * cfg.depth < 2**26 and not orth:
        return run_experiment(**_as_args(cfg))
    k = " (×2 pieces)" if cfg.activation == "maxout" else ""
    text = TEXT["slow"].format(depth=cfg.depth, width=cfg.width, k=k)
    with st.spinner(text + (TEXT["slow_orth"] if orth else "")):
        return run_experiment(**_as_args(cfg))


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
# Presets: a callback writes the widgets' state before they are drawn
# ---------------------------------------------------------------------------------------------


def apply_preset(name: str) -> None:
    p = PRESETS[name]
    ss = st.session_state
    for field in ("activation", "init", "batchnorm", "depth", "width", "samples", "seed"):
        ss[K[field]] = getattr(p.a, field)
    if p.a.scale is not None:
        ss[K["scale"]] = p.a.scale
    ss[K["ab"]] = p.b is not None
    if p.b is not None:
        for field in ("activation", "init", "batchnorm"):
            ss[KB[field]] = getattr(p.b, field)
        if p.b.scale is not None:
            ss[KB["scale"]] = p.b.scale


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def network_ui(keys: dict, defaults: dict, enabled: bool = True) -> dict:
    """Activation, initializer, scale and batch norm. Every widget is always drawn (greyed out when
    it has no effect), so a preset's values always reach the URL."""
    q = {"bind": "query-params"}
    act = st.selectbox(
        TEXT["activation"], HIDDEN_ACTIVATIONS, format_func=_act_label, key=keys["activation"],
        index=HIDDEN_ACTIVATIONS.index(defaults["activation"]), disabled=not enabled, **q,
    )  # fmt: skip
    inits = list(INITIALIZERS)
    init = st.selectbox(
        TEXT["init"], inits, format_func=_init_label, key=keys["init"],
        index=inits.index(defaults["init"]), disabled=not enabled, **q,
    )  # fmt: skip
    uses_scale = INITIALIZERS[init].uses_scale
    scale = st.select_slider(
        TEXT["scale"], SCALES, value=defaults["scale"], format_func=lambda v: f"{v:g}",
        key=keys["scale"], help=TEXT["scale_help"], disabled=not (enabled and uses_scale), **q,
    )  # fmt: skip
    bn = st.toggle(
        TEXT["bn"], value=defaults["batchnorm"], key=keys["batchnorm"], disabled=not enabled, **q
    )
    return {
        "activation": act,
        "init": init,
        "scale": scale if uses_scale else None,
        "batchnorm": bn,
    }


def settings_ui() -> tuple[InitConfig, InitConfig | None]:
    q = {"bind": "query-params"}
    with st.sidebar:
        st.subheader(TEXT["net_a"])
        a = network_ui(
            K,
            {
                "activation": DEFAULT.activation,
                "init": DEFAULT.init,
                "scale": DEFAULT_SCALE,
                "batchnorm": DEFAULT.batchnorm,
            },
        )
        st.subheader(TEXT["shared"])
        lo, hi = LIMITS["depth"]
        depth = st.slider(TEXT["depth"], lo, hi, DEFAULT.depth, key=K["depth"], **q)
        width = st.select_slider(TEXT["width"], WIDTHS, value=DEFAULT.width, key=K["width"], **q)
        samples = st.select_slider(
            TEXT["samples"], SAMPLES, value=DEFAULT.samples, key=K["samples"], **q
        )
        seed = st.number_input(TEXT["seed"], 0, 9999, DEFAULT.seed, step=1, key=K["seed"], **q)
        ab = st.toggle(TEXT["ab"], value=False, key=K["ab"], help=TEXT["ab_help"], **q)
        st.subheader(TEXT["net_b"])
        b = network_ui(KB, DEFAULT_B, enabled=ab)
    shared = {"depth": depth, "width": width, "samples": samples, "seed": int(seed)}
    cfg_a = InitConfig(**a, **shared)
    cfg_b = InitConfig(**b, **shared) if ab else None
    return cfg_a, cfg_b


def presets_ui(active) -> None:
    st.markdown(f"**{TEXT['presets']}**")
    with st.container(horizontal=True):
        for name, p in PRESETS.items():
            st.button(
                p.label,
                key=f"ini_preset_{name}",
                on_click=apply_preset,
                args=(name,),
                type="primary" if active is not None and active.name == name else "secondary",
            )


def variance_gain(cfg: InitConfig) -> float:
    return cfg.width * weight_std(cfg.init, cfg.width, cfg.width, cfg.scale) ** 2


def explanation(cfg_a: InitConfig, cfg_b: InitConfig | None, active) -> None:
    if active is not None:
        st.info(active.explanation, icon=":material/school:")
        return
    lines = []
    for name, cfg in ((TEXT["a_name"], cfg_a), (TEXT["b_name"], cfg_b)):
        if cfg is None:
            continue
        gain = variance_gain(cfg)
        extra = ""
        c = HOMOGENEOUS_GAIN.get(cfg.activation)
        if cfg.batchnorm:
            extra = TEXT["custom_bn"]
        elif c is not None and c != 1.0:
            extra = TEXT["custom_relu"].format(
                g=_act_label(cfg.activation), c=f"{c:.3g}", eff=f"{gain * c:.3g}"
            )
        text = TEXT["custom"].format(
            n=cfg.width,
            varw=f"{weight_std(cfg.init, cfg.width, cfg.width, cfg.scale) ** 2:.3g}",
            gain=f"{gain:.3g}",
            extra=extra,
        )
        lines.append(f"{name}: {text}" if cfg_b is not None else text)
    st.caption("  \n".join(lines))


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


def warnings_ui(results, names) -> None:
    """A plain-language warning for every overflow (never a broken chart)."""
    for res, name in zip(results, names, strict=True):
        prefix = f"{name}: " if len(results) > 1 else ""
        if res.overflow_layer is not None:
            if res.overflow_layer == 1:
                st.warning(TEXT["overflow_all"].format(name=prefix), icon=":material/warning:")
            else:
                st.warning(
                    TEXT["overflow"].format(
                        name=prefix,
                        k=res.overflow_layer,
                        last=res.overflow_layer - 1,
                        gain=f"{variance_gain(res.config):.3g}",
                    ),
                    icon=":material/warning:",
                )
        if res.grad_overflow_layer is not None:
            st.warning(
                TEXT["grad_overflow"].format(name=prefix, k=res.grad_overflow_layer),
                icon=":material/warning:",
            )


def stats_frame(results, names) -> pd.DataFrame:
    frames = []
    for res, name in zip(results, names, strict=True):
        df = pd.DataFrame(res.table())
        cfg = res.config
        df.insert(0, "network", name)
        for col, val in (
            ("activation", cfg.activation), ("init", cfg.init), ("scale", cfg.scale),
            ("batchnorm", cfg.batchnorm), ("width", cfg.width), ("samples", cfg.samples),
            ("seed", cfg.seed),
        ):  # fmt: skip
            df[col] = val
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def results_ui(results, names) -> None:
    warnings_ui(results, names)
    shown = [(r, n) for r, n in zip(results, names, strict=True) if r.finite_layers > 0]
    if not shown:
        return
    res, nm = [r for r, _ in shown], [n for _, n in shown]
    chart(layer_histograms(res, nm, "act", TEXT["fwd_title"], TEXT["fwd_x"]), key="ini_fig_fwd")
    chart(layer_histograms(res, nm, "grad", TEXT["bwd_title"], TEXT["bwd_x"]), key="ini_fig_bwd")
    left, right = st.columns(2)
    with left:
        chart(std_over_depth(res, nm), key="ini_fig_std")
    with right:
        chart(blocking_units(res, nm), key="ini_fig_block")
    chart(theory_overlay(res, nm), key="ini_fig_theory")
    st.caption(TEXT["theory_note"])
    st.subheader(TEXT["table"])
    frame = stats_frame(results, names)
    shown = frame.drop(columns=["width", "samples", "seed"])
    number = st.column_config.NumberColumn(format="%.3g")
    st.dataframe(
        shown,
        hide_index=True,
        column_config={c: number for c in shown.columns if shown[c].dtype.kind == "f"},
    )
    download_csv(TEXT["download"], lambda: frame, "init_lab_layers.csv", key="ini_csv")


def main() -> None:
    page_intro(TEXT["title"], TEXT["intro"])
    cfg_a, cfg_b = settings_ui()
    active = find_preset(cfg_a, cfg_b)
    presets_ui(active)
    explanation(cfg_a, cfg_b, active)
    configs = [cfg_a] + ([cfg_b] if cfg_b is not None else [])
    names = [TEXT["a_name"], TEXT["b_name"]][: len(configs)]
    results = [compute(c) for c in configs]
    results_ui(results, names)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
