"""Space warping: how Wx + b and an activation bend the plane until the data is separable.

Three modes: a hand-set layer (sliders for W and b, the stages side by side and a morph
animation), a trained network (each hidden layer's representation with the warped grid, an epoch
scrubber over cached snapshots), and linear regions (the plane painted by ReLU pattern; deeper
vs wider). Math in nncore.warp, pictures in viz.warp_figs, text in ui.strings.space_warp.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from nncore import warp as W
from nncore.activations import ACTIVATIONS
from nncore.datasets import DATASETS, make_dataset
from nncore.playground import epoch_cost_s, expected_shapes, train_round
from ui import disk_cache, url_state, workers
from ui.common import (
    chart,
    chunks_with_progress,
    controls,
    download_csv,
    page_intro,
    remember_finished,
    static_table,
    worker_died,
)
from ui.lecture import LectureStep, lecture_steps_ui
from ui.share import lecture_mode
from ui.strings.space_warp import T
from ui.warm import WarmTask
from viz.warp_figs import (
    Panel,
    decorate_linear,
    depth_width_figure,
    manual_view,
    morph_figure,
    planes_figure,
    pre_image_contour,
    regions_figure,
)

# ---------------------------------------------------------------------------------------------
# Keys (= URL parameter names), options, defaults
# ---------------------------------------------------------------------------------------------
K = {
    "mode": "sw_mode", "data": "sw_data", "n": "sw_n", "noise": "sw_noise", "seed": "sw_seed",
    "depth": "sw_depth", "width": "sw_width", "neck": "sw_neck", "tact": "sw_tact",
    "epochs": "sw_epochs", "lr": "sw_lr", "act": "sw_act", "two": "sw_two", "tab": "sw_tab",
    "view": "sw_view", "ua": "sw_ua", "ub": "sw_ub", "snap": "sw_snap", "units": "sw_units",
}
# The 2×2 layers' sliders, as the lecture writes them: W[i, j] multiplies input j into unit i.
LAYER_KEYS = (
    (("sw_w11", "sw_w12", "sw_b1"), ("sw_w21", "sw_w22", "sw_b2")),
    (("sw_v11", "sw_v12", "sw_c1"), ("sw_v21", "sw_v22", "sw_c2")),
)
DEFAULTS = {"sw_w11": 1.0, "sw_w12": 0.0, "sw_w21": 0.0, "sw_w22": 1.0, "sw_b1": 0.0,
            "sw_b2": 0.0, "sw_v11": 1.0, "sw_v12": 0.0, "sw_v21": 0.0, "sw_v22": 1.0,
            "sw_c1": 0.0, "sw_c2": 0.0}
MODES = ("manual", "trained", "regions")
TABS = ("sep", "morph")
VIEWS = ("pca", "units")
TRAINED_ACTS = ("relu", "leaky_relu", "tanh")
LRS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3]
TOTALS = [6, 8, 12, 16, 24]
# Links made before stable ids held the English labels: they still open the same view.
ALIASES = {
    "mode": {"Manual: one layer by hand": "manual", "Trained network": "trained",
             "Linear regions": "regions"},
    "data": {d.label: k for k, d in DATASETS.items()},
    "act": {ACTIVATIONS[k].label: k for k in ACTIVATIONS},
    "tab": {"Separability": "sep", "Morph animation": "morph"},
    "view": {"PCA (top 2 directions)": "pca", "two chosen units": "units"},
}
NCOLS = 3  # panels per row; Streamlit stacks columns on a phone
PANEL_HEIGHT = 380  # + 40 px: a ~310 px square plane in a third of a wide page or on a phone
GRID_LINES, GRID_PTS = 13, 49
MORPH_LINES, MORPH_PTS = 11, 41
N_SNAPSHOTS = 21
SHADE_RES = 70
REGION_RES, REGION_SHOW = 300, 150
BOX = (-1.5, 1.5)
TRAIN_CACHE = "space_warp.train"
INLINE_S = 0.5  # estimated seconds a run may train in the script thread (else: the pool)
CHUNK_S = 0.4  # estimated seconds per worker chunk: a progress step and a picture each
MAX_CHUNKS = 20
DW_CACHE = "space_warp.depth_width"
REGIONS_CACHE = "space_warp.regions"
DW_POOL_TOTAL = 24  # measured: 24 units ≈ 0.9 s, 16 units ≈ 0.1 s


@dataclass(frozen=True)
class DataSettings:
    dataset: str = "xor"
    n: int = 300
    noise: float = 0.05
    seed: int = 0


@dataclass(frozen=True)
class NetSettings:
    """A trained network: its data, shape, activation and training run."""

    data: DataSettings = DataSettings()
    depth: int = 2
    width: int = 8
    neck: bool = True
    activation: str = "leaky_relu"
    epochs: int = 300
    lr: float = 0.03

    @property
    def hidden(self) -> list[int]:
        """``depth`` layers of ``width`` units, the last one 2 wide with ``neck``."""
        return [self.width] * (self.depth - 1) + [2 if self.neck else self.width]


@dataclass(frozen=True)
class WarpSettings:
    mode: str = "manual"
    net: NetSettings = NetSettings()


def snapshot_epochs(epochs: int) -> list[int]:
    """The epochs whose parameters are kept for the scrubber (21, evenly spaced)."""
    return sorted({int(round(e)) for e in np.linspace(0, epochs, N_SNAPSHOTS)})


def labels_of(prefix: str, options) -> dict:
    """Option id -> text, fixed when a widget is drawn (AppTest calls a format_func later,
    outside the script run, so it must not look the language up then)."""
    return {k: T(f"{prefix}.{k}") for k in options}


def names() -> dict[str, str]:
    return {k: T(f"name.{k}") for k in ("boundary", "grid_h", "grid_v", "line")}


# ---------------------------------------------------------------------------------------------
# Cached compute
# ---------------------------------------------------------------------------------------------
@st.cache_data(max_entries=16, show_spinner=False)
def get_data(d: DataSettings):
    return make_dataset(d.dataset, d.n, d.noise, np.random.default_rng(d.seed))


@st.cache_data(max_entries=8, show_spinner=False)
def xor_numbers(d: DataSettings) -> dict[str, float]:
    X, y = get_data(d)
    return W.xor_comparison(X, y)


def active_xor_preset(layers) -> str | None:
    """The XOR preset the sliders are set to, if any."""
    for name in ("xor_fail", "xor_fold"):
        want = W.PRESETS[name].arrays()
        if len(want) == len(layers) and all(
            np.allclose(a, b) for (Wa, ba), (Wb, bb) in zip(want, layers, strict=True)
            for a, b in ((Wa, Wb), (ba, bb))
        ):
            return name
    return None


@st.cache_data(max_entries=4, show_spinner=False)
def get_grid(n_lines: int, n_pts: int):
    return W.grid_paths(BOX[0] - 0.1, BOX[1] + 0.1, n_lines, n_pts)


def _train_job(net: NetSettings) -> dict:
    """What a chunk of the training run needs (arrays and ids: it is sent to a worker)."""
    X, y = get_data(net.data)
    C = DATASETS[net.data.dataset].n_classes
    return {
        "X": X, "y": y, "X_test": None, "y_test": None, "sizes": [2, *net.hidden, C],
        "snaps": tuple(snapshot_epochs(net.epochs)),
        "kw": {"activation": net.activation, "optimizer": "adam", "opt_hp": {"lr": net.lr},
               "batch_size": 32, "seed": net.data.seed},
    }


def _summary(run) -> dict:
    return {
        "snapshots": {e: p for e, (p, _) in sorted(run.snapshots.items())},
        "history": run.history,
        "diverged_at": run.diverged_at,
    }


def _train_here(net: NetSettings) -> dict:
    *_, (_, _, run) = train_round((None, None, None), _train_job(net), 0, net.epochs)
    return _summary(run)


@st.cache_data(max_entries=8, show_spinner=False)
def train_cached(net: NetSettings) -> dict:
    """The trained network's snapshots: from the disk cache every session and server process
    shares, else trained here."""
    return disk_cache.cached(TRAIN_CACHE, net, lambda: _train_here(net))


@st.cache_resource
def _finished() -> set:
    """Networks this server process has trained or loaded (a cheap check before the pool)."""
    return set()


def train_seconds(net: NetSettings) -> float:
    """Estimated training time (nncore.playground.epoch_cost_s: deterministic)."""
    job = _train_job(net)
    shapes = expected_shapes(job["sizes"], [net.activation] * net.depth, False)
    return epoch_cost_s(len(job["y"]), 32, shapes) * net.epochs


def train(net: NetSettings) -> dict:
    """A cached or short run at once; a long one not yet on disk trains in the worker pool
    chunk by chunk, with a progress bar and the input plane as classified so far."""
    on_disk = disk_cache.contains(TRAIN_CACHE, net)
    if net in _finished() or on_disk or train_seconds(net) <= INLINE_S:
        with st.spinner(T("training")):
            run = train_cached(net)
    else:
        try:
            run = _train_pooled(net)
        except workers.WorkerCrashed:
            worker_died()
    remember_finished(_finished(), net)
    return run


def _train_pooled(net: NetSettings) -> dict:
    n_chunks = int(np.clip(np.ceil(train_seconds(net) / CHUNK_S), 2, MAX_CHUNKS))
    cur = chunks_with_progress(
        train_round((None, None, None), _train_job(net), 0, net.epochs, n_chunks,
                    run_chunk=workers.run),
        T("training_progress", e=0, n=net.epochs),
        lambda cur: T("training_progress", e=cur.epochs_done, n=net.epochs),
        lambda cur: live_picture(net, cur.params, cur.epochs_done))
    disk_cache.put(TRAIN_CACHE, net, _summary(cur))
    return train_cached(net)


def live_picture(net: NetSettings, params: dict, epoch: int) -> None:
    """The input plane painted by the class the network predicts after the latest chunk."""
    X, y = get_data(net.data)
    C = DATASETS[net.data.dataset].n_classes
    ticks, P = W.grid_points(BOX[0] - 0.1, BOX[1] + 0.1, SHADE_RES)
    out = W.network_logits(params, W.network_stages(params, P, net.activation)[-1])
    if not W.all_finite(out):
        return
    gh, gv = get_grid(GRID_LINES, GRID_PTS)
    panel = Panel(T("live_title", e=epoch), X, gh, gv,
                  shade=(ticks, ticks, out.argmax(axis=1).reshape(SHADE_RES, -1)))
    c_live, _, _ = st.columns(NCOLS)
    with c_live:
        chart(planes_figure([panel], y, C, ncols=1, row_height=PANEL_HEIGHT, names=names()))


def snapshot_params(net: NetSettings, epoch: int) -> tuple[int, dict]:
    """The kept snapshot at ``epoch`` (the last kept one before it after a divergence)."""
    kept = train_cached(net)["snapshots"]
    e = max([k for k in kept if k <= epoch] or [min(kept)])
    return e, kept[e]


@st.cache_data(max_entries=32, show_spinner=False)
def trained_view(net: NetSettings, epoch: int, view: str, ua: int, ub: int) -> dict:
    """Panels (titles left to the page), accuracies and stats for one snapshot."""
    X, y = get_data(net.data)
    C = DATASETS[net.data.dataset].n_classes
    e, params = snapshot_params(net, epoch)
    act = net.activation
    gh, gv = get_grid(GRID_LINES, GRID_PTS)
    n, m = len(X), len(gh)
    reps = W.network_stages(params, np.concatenate([X, gh, gv]), act)
    ticks, P = W.grid_points(BOX[0] - 0.1, BOX[1] + 0.1, SHADE_RES)
    out = W.network_logits(params, W.network_stages(params, P, act)[-1])
    finite = W.all_finite(*reps, out)
    heads: list[tuple[str, dict]] = [("input", {})]
    panels = [Panel("", X, gh, gv, shade=(ticks, ticks, out.argmax(axis=1).reshape(SHADE_RES, -1)))]
    if C == 2 and finite:
        panels[0].contour = pre_image_contour(
            lambda Q: W.network_logits(params, W.network_stages(params, Q, act)[-1]), BOX
        )
    columns = {"x1": X[:, 0], "x2": X[:, 1]}
    for l, R in enumerate(reps[1:], start=1):
        for j in range(R.shape[1]):
            columns[f"h{l}_{j + 1}"] = R[:n, j]
        V, kind, info = W.view_2d(R, n, view, ua, ub) if finite else (R[:, :2], "direct", {})
        heads.append((kind, info))
        panel = Panel("", V[:n], V[n : n + m], V[n + m :], fold_axes=act != "tanh", focus=True)
        if l == net.depth and R.shape[1] == 2 and finite:
            decorate_linear(panel, lambda H, p=params: W.network_logits(p, H), C)
        panels.append(panel)
    hist = train_cached(net)["history"]
    i = int(np.searchsorted(hist["epoch"], e))
    return {
        "panels": panels, "heads": heads, "finite": finite, "columns": columns, "y": y,
        "accs": W.layer_accuracies([r[:n] for r in reps], y, C) if finite else [],
        "stats": (e, float(hist["train_acc"][i]), float(hist["train_loss"][i])),
        "k_last": reps[-1].shape[1],
    }


@st.cache_data(max_entries=8, show_spinner=False)
def regions_cached(net: NetSettings, epoch: int) -> dict:
    """The region map of the snapshot at ``epoch``: shared on disk, counted in the worker pool
    (0.05-1 s, by how many regions the trained net has: not known before counting)."""
    e, params = snapshot_params(net, epoch)
    X, _ = get_data(net.data)
    args = (params, net.activation, X, BOX[0], BOX[1], REGION_RES, REGION_SHOW)

    def compute() -> dict:
        try:
            return workers.run(W.region_summary, *args)
        except workers.WorkerCrashed:
            worker_died()

    return {"epoch": e, **disk_cache.cached(REGIONS_CACHE, (net, e), compute)}


@st.cache_data(max_entries=8, show_spinner=False)
def depth_width_cached(total: int) -> dict:
    """Region counts of deeper and wider nets: shared on disk; the largest totals (≈ 1 s) are
    counted in the worker pool, so other sessions' reruns go on meanwhile."""

    def compute() -> dict:
        if total >= DW_POOL_TOTAL:
            try:
                return workers.run(W.depth_vs_width, total)
            except workers.WorkerCrashed:
                worker_died()
        return W.depth_vs_width(total)

    return disk_cache.cached(DW_CACHE, total, compute)


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------
def preset_widgets(name: str) -> dict:
    """The sliders' values (and the second-layer toggle) of a preset."""
    layers = W.PRESETS[name].layers
    out = {K["two"]: len(layers) > 1}
    if len(layers) == 1:
        out.update({k: DEFAULTS[k] for k in DEFAULTS if k[3] in "vc"})
    for keys, (Wm, b) in zip(LAYER_KEYS, layers, strict=False):
        for i, (kw1, kw2, kb) in enumerate(keys):  # slider W[i, j] = stored W[j, i]
            out[kw1], out[kw2], out[kb] = Wm[0][i], Wm[1][i], b[i]
    return out


def apply_preset(name: str) -> None:
    """on_click: write the preset's numbers into the sliders' state before they are drawn."""
    st.session_state.update(preset_widgets(name))


def data_ui() -> DataSettings:
    q = {"bind": "query-params"}
    st.header(T("data_header"))
    name = url_state.selectbox(T("dataset"), list(DATASETS), key=K["data"], default="xor",
                               format_func=labels_of("data", DATASETS).get, aliases=ALIASES["data"])
    n = st.slider(T("n"), 50, 800, 300, 50, key=K["n"], **q)
    noise = st.slider(T("noise"), 0.0, 0.5, 0.05, 0.01, key=K["noise"], **q)
    seed = st.number_input(T("seed"), 0, 9999, 0, 1, key=K["seed"], **q)
    return DataSettings(name, int(n), float(noise), int(seed))


def net_ui(data: DataSettings) -> NetSettings:
    q = {"bind": "query-params"}
    st.header(T("net_header"))
    depth = st.slider(T("depth"), 1, 4, 2, key=K["depth"], **q)
    width = st.slider(T("width"), 2, 16, 8, key=K["width"], **q)
    neck = st.toggle(T("neck"), True, key=K["neck"], help=T("neck_help"), **q)
    act = url_state.selectbox(T("tact"), TRAINED_ACTS, key=K["tact"], default="leaky_relu",
                              format_func=labels_of("act", TRAINED_ACTS).get, aliases=ALIASES["act"])
    epochs = st.slider(T("epochs"), 50, 1000, 300, 50, key=K["epochs"], **q)
    lr = st.select_slider(T("lr"), LRS, 0.03, key=K["lr"], **q)
    return NetSettings(data, int(depth), int(width), bool(neck), act, int(epochs), float(lr))


def settings_ui() -> WarpSettings:
    with controls():
        net = net_ui(data_ui())
    mode = url_state.segmented(T("mode"), MODES, key=K["mode"], default="manual",
                               format_func=labels_of("mode", MODES).get, aliases=ALIASES["mode"])
    return WarpSettings(mode, net)


def slider(label, key, lo, hi, step):
    return st.slider(
        label, lo, hi, DEFAULTS[key], step, key=key, bind="query-params", format="%.2f"
    )


def layer_sliders(title, keys, lim, step, mark=""):
    """Six sliders for one 2×2 layer (lecture order: z = W x + b, W[i, j] from input j to unit
    i); returns (W, b) as nncore stores them, W (fan_in, fan_out) = the sliders' transpose."""
    st.markdown(f"**{title}**")
    cols = st.columns(3)
    (a, b, c), (d, e, f) = keys
    with cols[0]:
        w11 = slider(f"W{mark}[1,1]", a, -lim, lim, step)
        w21 = slider(f"W{mark}[2,1]", d, -lim, lim, step)
    with cols[1]:
        w12 = slider(f"W{mark}[1,2]", b, -lim, lim, step)
        w22 = slider(f"W{mark}[2,2]", e, -lim, lim, step)
    with cols[2]:
        b1 = slider(f"b{mark}[1]", c, -2.0, 2.0, 0.05)
        b2 = slider(f"b{mark}[2]", f, -2.0, 2.0, 0.05)
    return np.array([[w11, w21], [w12, w22]]), np.array([b1, b2])


def manual_controls() -> tuple[str, bool]:
    """Activation, second layer and presets: outside the sliders' fragment, so a slider step
    does not redraw them (the browser re-renders every element of a fragment that reruns)."""
    c_act, c_pre = st.columns([1, 3])
    with c_act:
        act = url_state.selectbox(T("act"), W.WARP_ACTIVATIONS, key=K["act"], default="relu",
                                  format_func=labels_of("act", W.WARP_ACTIVATIONS).get,
                                  aliases=ALIASES["act"])
        two = st.toggle(T("two_layers"), False, key=K["two"], bind="query-params",
                        help=T("two_help"))
    if lecture_mode():  # the step bar replaces the preset buttons
        return act, two
    with c_pre:
        st.markdown(f"**{T('presets')}**", help=T("preset_help"))
        with st.container(horizontal=True):  # wraps in order on a narrow screen
            for pname in W.PRESETS:
                st.button(T(f"preset.{pname}"), key=f"sw_preset_{pname}", on_click=apply_preset,
                          args=(pname,), help=T(f"preset.{pname}.help"))
    return act, two


def snapshot_ui(epochs: int) -> int:
    """The snapshot scrubber over the kept epochs: its value is an epoch, kept in the URL; when
    the run changes and that epoch is not kept, it moves to the run's last epoch."""
    key = K["snap"]
    kept = snapshot_epochs(epochs)
    url_state.seed_from_url(key, kept)
    if st.session_state.get(key) not in kept:
        st.session_state[key] = kept[-1]
    shown = {e: T("epoch_fmt", e=e) for e in kept}
    e = st.select_slider(T("epoch"), kept, key=key, format_func=shown.get)
    url_state.write_url(key, e, kept[-1])
    return int(e)


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
# A row of planes wraps before a plane gets narrower than 300 px (a projector at 1280 px with
# the sidebar open left ~190 px per plane): two per row there, three on a wide screen.
PANEL_ROW_CSS = """<style>
[class*="st-key-sw_panels_"] [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
[class*="st-key-sw_panels_"] [data-testid="stColumn"] { min-width: min(100%, 300px); }
</style>"""


def panel_row(panels: list[Panel], y, C, key: str, height: int = PANEL_HEIGHT) -> None:
    """Each panel is its own chart in a column, ``NCOLS`` per row: on a phone Streamlit stacks
    the columns, so every panel gets the full width instead of a third of it."""
    st.html(PANEL_ROW_CSS)
    for start in range(0, len(panels), NCOLS):
        with st.container(key=f"sw_panels_{key}_{start}"):
            cols = st.columns(NCOLS)
        for j, p in enumerate(panels[start : start + NCOLS]):
            with cols[j]:
                fig = planes_figure([p], y, C, ncols=1, row_height=height, names=names())
                chart(fig, key=f"{key}_{start + j}")


def separability_table(rows, extra=None) -> None:
    st.subheader(T("sep_header"))
    cols = [T("col.space"), T("col.dims"), T("col.acc")]
    frame = pd.DataFrame(rows, columns=cols)
    if extra is not None:
        frame = pd.concat([frame, pd.DataFrame([extra], columns=cols)], ignore_index=True)
    frame[cols[2]] = frame[cols[2]].map("{:.1%}".format)
    static_table(frame)  # a handful of rows, redrawn at every slider step: plain HTML
    st.caption(T("sep_caption"))


@st.fragment
def manual_mode(data: DataSettings, act: str, two: bool) -> None:
    """Sliders, stages, morph and readout: a fragment, so a slider reruns only this part."""
    X, y = get_data(data)
    C = DATASETS[data.dataset].n_classes
    lcols = st.columns(2 if two else 1)
    with lcols[0]:
        layers = [layer_sliders(T("layer1"), LAYER_KEYS[0], 3.0, 0.05)]
    if two:
        with lcols[1]:
            layers.append(layer_sliders(T("layer2"), LAYER_KEYS[1], 20.0, 0.25, "′"))
    g = T(f"g.{act}")
    stage_names = [T("stage_x"), T("stage_z"), T("stage_h", g=g), T("stage_z2"),
                   T("stage_h2", g=g)][: 1 + 2 * len(layers)]
    view = manual_view(X, y, C, layers, act, stage_names, get_grid(GRID_LINES, GRID_PTS),
                       get_grid(MORPH_LINES, MORPH_PTS), BOX, SHADE_RES)
    if not view["finite"]:
        st.warning(T("nonfinite"), icon=":material/warning:")
        return
    panel_row(view["panels"], y, C, "sw_stage")
    kinked = W.KINKS.get(act) == (0.0,)  # ReLU, leaky ReLU, |x|: the axes are the crease
    st.caption(T("stages_caption") + (" " + T("axes_note", g=g) if kinked else ""))
    if data.dataset == "xor" and act == "relu" and active_xor_preset(layers):
        st.info(T("xor_note", **xor_numbers(data)), icon=":material/school:")
    # One of two views below the stages, picked like a tab: only the one shown is computed
    # and drawn, and a segmented control costs the browser ~30 ms less per step than st.tabs.
    shown = url_state.segmented(T("below_views"), TABS, key=K["tab"], default="sep",
                                format_func=labels_of("tab", TABS).get, aliases=ALIASES["tab"],
                                label_visibility="collapsed")
    if shown == "morph":
        c_morph, _ = st.columns([1, 0.6])
        with c_morph:
            labels = (T("play"), T("pause"), T("stage_prefix"))
            chart(morph_figure(view["morph"], y, C, labels=labels, names=names()), key="sw_morph")
            st.caption(T("morph_caption"))
    else:
        separability_table(view["rows"])
        download_csv(T("download"), lambda: pd.DataFrame({**view["columns"], "label": y}),
                     "space_warp_manual.csv", key="sw_dl_manual")


def layer_title(l: int, kind: str, info: dict) -> tuple[str, str, str]:
    """(title, x label, y label) of hidden layer l's panel."""
    if kind == "direct":
        how, a, b = T("how_direct"), 1, 2
    elif kind == "units":
        how, a, b = T("how_units", **info), info["a"], info["b"]
    else:
        how = T("how_pca", k=info["k"], v=info["v"])
        return T("layer_title", l=l, how=how), T("pc", i=1), T("pc", i=2)
    return T("layer_title", l=l, how=how), T("unit", i=a), T("unit", i=b)


def view_ui(net: NetSettings) -> tuple[str, int, int]:
    if max(net.hidden) <= 2:
        return "pca", 1, 2
    c1, c2, c3 = st.columns([2, 1, 1])
    with c1:
        view = url_state.segmented(T("view"), VIEWS, key=K["view"], default="pca",
                                   format_func=labels_of("view", VIEWS).get, aliases=ALIASES["view"])
    if view != "units":
        return view, 1, 2
    q = {"bind": "query-params"}
    ua = c2.number_input(T("unit_a"), 1, net.width, 1, key=K["ua"], **q)
    ub = c3.number_input(T("unit_b"), 1, net.width, 2, key=K["ub"], **q)
    return view, int(ua), int(ub)


def trained_output(net: NetSettings, epoch: int) -> None:
    C = DATASETS[net.data.dataset].n_classes
    view, ua, ub = view_ui(net)
    res = trained_view(net, epoch, view, ua, ub)
    e, acc, loss = res["stats"]
    st.markdown(T("train_stats", e=e, a=acc, l=loss))
    if not res["finite"]:
        st.warning(T("nonfinite"), icon=":material/warning:")
        return
    panels = res["panels"]
    panels[0].title = T("input_title")
    for l, (panel, (kind, info)) in enumerate(zip(panels[1:], res["heads"][1:], strict=True), 1):
        panel.title, panel.xlabel, panel.ylabel = layer_title(l, kind, info)
    panel_row(panels, res["y"], C, "sw_trained")
    st.caption(T("trained_caption"))
    if res["k_last"] > 2:
        st.caption(T("hyperplane_note", k=res["k_last"]))
    g = T(f"g.{net.activation}")
    rows = [(T("space_x"), 2, res["accs"][0])]
    rows += [(T("space_h", l=l, g=g), w, a)
             for l, (w, a) in enumerate(zip(net.hidden, res["accs"][1:], strict=True), 1)]
    separability_table(rows, (T("net_acc"), res["k_last"], acc))
    download_csv(T("download"), lambda: pd.DataFrame({**res["columns"], "label": res["y"]}),
                 "space_warp_trained.csv", key="sw_dl_trained")


def regions_map_output(net: NetSettings, epoch: int) -> None:
    X, y = get_data(net.data)
    C = DATASETS[net.data.dataset].n_classes
    with st.spinner(T("counting")):
        r = regions_cached(net, epoch)
    title = T("regions_title", c=r["count"], e=r["epoch"])
    fig = regions_figure(r["ticks"], r["ids"], X, y, C, title, hover=T("region_hover"))
    chart(fig, key="sw_regions")
    st.caption(T("regions_caption", c=r["count"], res=REGION_SHOW, shown=r["shown"]))
    download_csv(T("download_regions"), lambda: pd.DataFrame(
        {"x1": X[:, 0], "x2": X[:, 1], "label": y, "region": r["point_ids"]}),
        "space_warp_point_regions.csv", key="sw_dl_point_regions")


def depth_text(dw: dict) -> str:
    """What the deeper-vs-wider numbers show, formatted from them (``W.depth_summary``)."""
    d = W.depth_summary(dw)
    built = T("dw_built_beats" if d["built_beats"] else "dw_built_below", **d)
    random = T("dw_random_falls" if d["random_falls"] else "dw_random_flat", **d)
    return " ".join([T("dw_intro", **d), built, random, T("dw_notes")])


def depth_width_output() -> None:
    total = st.select_slider(T("total"), TOTALS, 12, key=K["units"], bind="query-params")
    with st.spinner(T("counting_dw")):
        dw = depth_width_cached(int(total))
    labels = {k: T(f"dw.{k}") for k in ("random", "built", "shallow", "xaxis", "yaxis", "title")}
    chart(depth_width_figure(dw, labels), key="sw_dw")
    st.caption(depth_text(dw))

    def dw_frame():
        frame = pd.DataFrame(
            dw["counts"], columns=[f"seed_{s}" for s in range(dw["counts"].shape[1])]
        )
        frame.insert(0, "hidden_widths", ["x".join(map(str, s)) for s in dw["shapes"]])
        frame["hand_built"] = dw["built"]
        frame["one_layer_max"] = dw["shallow_max"]
        return frame

    download_csv(T("download_counts"), dw_frame, "space_warp_regions.csv", key="sw_dl_regions")


@st.fragment
def network_mode(s: WarpSettings) -> None:
    """Trained network or linear regions; the epoch scrubber reruns only this fragment."""
    net = s.net
    if s.mode == "regions" and net.activation not in W.PIECEWISE_LINEAR:
        # nothing to count for a smooth activation: say so at once, train nothing
        c_map, c_dw = st.columns([1, 1])
        c_map.info(T("regions_smooth"), icon=":material/info:")
        with c_dw:
            depth_width_output()
        return
    epoch = snapshot_ui(net.epochs)
    run = train(net)
    if run["diverged_at"] is not None:
        st.warning(T("diverged", epoch=run["diverged_at"]), icon=":material/warning:")
    if s.mode == "trained":
        trained_output(net, epoch)
        return
    c_map, c_dw = st.columns([1, 1])
    with c_map:
        regions_map_output(net, epoch)
    with c_dw:
        depth_width_output()


# ---------------------------------------------------------------------------------------------
# Lecture steps (lecture mode), in the notes' order: a linear map, ReLU's fold, XOR with one and
# two folding layers, a trained network's warp, linear regions, deeper vs wider
# ---------------------------------------------------------------------------------------------
LECTURE = {  # step id -> (mode, preset and activation | network changes)
    "relu_fold": ("manual", {"preset": "identity", "act": "relu"}),
    "linear_map": ("manual", {"preset": "shear", "act": "linear"}),
    "xor_fail": ("manual", {"preset": "xor_fail", "act": "relu"}),
    "xor_fold": ("manual", {"preset": "xor_fold", "act": "relu"}),
    "trained": ("trained", {}),
    "spirals": ("trained", {"data": "spirals", "depth": 4}),
    "regions": ("regions", {"tact": "relu", "units": 12}),
    "depth_width": ("regions", {"tact": "relu", "units": 24}),
}
NET_WIDGETS = {"data": "xor", "n": 300, "noise": 0.05, "seed": 0, "depth": 2, "width": 8,
               "neck": True, "tact": "leaky_relu", "epochs": 300, "lr": 0.03, "units": 12}


def step_widgets(sid: str) -> dict:
    """Widget key -> value at lecture step ``sid`` (data and network as the defaults unless the
    step changes them; a manual step sets its preset's sliders)."""
    mode, changes = LECTURE[sid]
    values = {**NET_WIDGETS, **{k: v for k, v in changes.items() if k in NET_WIDGETS}}
    out = {K[k]: v for k, v in values.items()}
    out.update({K["mode"]: mode, K["tab"]: "sep", K["view"]: "pca", K["snap"]: values["epochs"]})
    if mode == "manual":
        out.update(preset_widgets(changes["preset"]))
        out[K["act"]] = changes["act"]
    return out


def step_net(sid: str) -> NetSettings:
    """The network a network step trains (the claims tests compute it)."""
    v = {**NET_WIDGETS, **LECTURE[sid][1]}
    data = DataSettings(v["data"], v["n"], v["noise"], v["seed"])
    return NetSettings(data, v["depth"], v["width"], v["neck"], v["tact"], v["epochs"], v["lr"])


def warm_tasks() -> list[WarmTask]:
    """The networks the trained and regions steps train, and the deeper-vs-wider counts, for
    the server's warm-up (ui/warm.py). A snapshot's region map depends on the training: it is
    counted on first view (0.05-1 s)."""
    out = [WarmTask(sid, TRAIN_CACHE, net, _train_here, (net,))
           for sid, net in ((sid, step_net(sid)) for sid, (mode, _) in LECTURE.items()
                            if mode != "manual")]
    return out + [WarmTask(sid, DW_CACHE, int(over["units"]), W.depth_vs_width,
                           (int(over["units"]),))
                  for sid, (mode, over) in LECTURE.items() if mode == "regions"]


def lecture_steps() -> list[LectureStep]:
    xor = {k: f"{v:.1%}" for k, v in xor_numbers(DataSettings()).items()}
    return [LectureStep(sid, T(f"step.{sid}"), T(f"step.{sid}.text", **xor), step_widgets(sid))
            for sid in LECTURE]


def main() -> None:
    page_intro(T("title"), T("intro"))
    if lecture_mode():  # before the widgets read their values
        lecture_steps_ui(lecture_steps())
    s = settings_ui()
    if s.mode == "manual":
        manual_mode(s.net.data, *manual_controls())
    else:
        network_mode(s)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
