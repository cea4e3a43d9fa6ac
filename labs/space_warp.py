"""Space warping: how Wx + b and ReLU fold the plane until the data is linearly separable.

Three modes: a hand-set layer (sliders for W and b, three stages side by side plus a morph
animation), a trained network (each hidden layer's representation with the warped grid, an epoch
scrubber over cached snapshots), and linear regions (the plane painted by ReLU pattern; deeper
vs wider). All math is in nncore.warp, all pictures in viz.warp_figs.
"""

import numpy as np
import pandas as pd
import streamlit as st

from nncore import ACTIVATIONS, DATASETS, make_dataset, train_mlp
from nncore import warp as W
from ui.common import chart, download_csv, page_intro, static_table
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
# Text (kept together for the planned Korean translation)
# ---------------------------------------------------------------------------------------------
TEXT = {
    "diverged": (
        "Training diverged in epoch {epoch}: the loss or the weights became non-finite or "
        "exploded. The snapshots shown stop at the last good epoch."
    ),
    "title": "Space warping",
    "intro": (
        "A hidden layer computes **h = g(Wx + b)**: the affine map Wx + b only rotates, stretches, "
        "shears and shifts the plane (straight grid lines stay straight), then ReLU folds every "
        "negative coordinate onto the axes. Watch the grid: after the fold, classes that no line "
        "could separate in x can sit on opposite sides of a line in h — and that line, pulled "
        "back to x, is the network's curved decision boundary. More layers fold the folds."
    ),
    "mode": "Mode",
    "modes": {"manual": "Manual: one layer by hand", "trained": "Trained network",
              "regions": "Linear regions"},  # fmt: skip
    "data_header": "Data",
    "dataset": "Data set",
    "n": "Points",
    "noise": "Noise (σ)",
    "seed": "Seed",
    "net_header": "Network (trained & regions modes)",
    "depth": "Hidden layers",
    "width": "Units per hidden layer",
    "tact": "Hidden activation",
    "neck": "Last hidden layer: 2 units",
    "neck_help": "A 2-unit last hidden layer is drawn as it is, so the output layer's decision "
    "boundary appears there as a straight line. Off: every hidden layer has the width above.",
    "epochs": "Epochs",
    "lr": "Learning rate (Adam)",
    "act": "Activation g",
    "layer1": "Layer 1:  z = W x + b",
    "layer2": "Layer 2:  z′ = W′ h + b′",
    "two_layers": "Second layer",
    "two_help": "Fold twice: add a second 2×2 layer z′ = W′h + b′, h′ = g(z′).",
    "presets": "Presets",
    "preset_help": "Set W and b (and the second layer) to a ready-made example.",
    "stage_x": "1. input x",
    "stage_z": "2. z = Wx + b",
    "stage_h": "3. h = {g}(z)",
    "stage_z2": "4. z′ = W′h + b′",
    "stage_h2": "5. h′ = {g}(z′)",
    "stages_caption": (
        "Blue/orange lines are the horizontal/vertical grid lines of the input square, carried "
        "through every stage with the points. Black axes in the z panels are where the "
        "activation creases the plane. Shading = the best linear classifier on the last h "
        "(logistic regression), drawn in h as a straight line and in x as its pre-image."
    ),
    "morph_header": "Morph animation",
    "sep_tab": "Separability",
    "below_views": "Below the stages",
    "morph_caption": "Press ▶ Play (or drag the stage slider): the browser slides every point and "
    "grid line from one stage to the next; nothing is recomputed.",
    "morph_labels": ("Play", "Pause", "stage: "),
    "sep_header": "Separability: the best linear classifier on each representation",
    "sep_cols": ("space", "dims", "linear accuracy"),
    "sep_caption": (
        "Accuracy of logistic regression (fitted by Newton's method) on the training points. "
        "100% means a straight line (hyperplane) separates the classes in that space."
    ),
    "net_acc": "network's own accuracy",
    "view": "Show a layer wider than 2 as",
    "views": {"pca": "PCA (top 2 directions)", "units": "two chosen units"},
    "unit_a": "Unit on the horizontal axis",
    "unit_b": "Unit on the vertical axis",
    "epoch": "Training snapshot (no retraining)",
    "epoch_fmt": "epoch {e}",
    "input_title": "input x (boundary = pre-image)",
    "layer_title": "h{l}: {how}",
    "how_direct": "2 units",
    "unit": "unit {i}",
    "pc": "PC {i}",
    "how_pca": "PCA of {k} units ({v:.0%} var.)",
    "how_units": "units {a} & {b} of {k}",
    "trained_caption": (
        "Each panel is one hidden layer's output for the same points, with the input grid "
        "carried along. The output layer is linear, so in the last hidden space the decision "
        "boundary is a straight line (drawn when that layer has 2 units); its pre-image is the "
        "curved boundary in the input panel."
    ),
    "hyperplane_note": "The last hidden layer has {k} units: its decision boundary is a hyperplane "
    "in {k} dimensions, so it is shown only through the shading of the input plane.",
    "train_stats": "Epoch {e}: training accuracy {a:.1%}, loss {l:.3f}.",
    "regions_title": "<b>{c}</b> linear regions at epoch {e}",
    "regions_caption": (
        "Each colour is one activation pattern: the set of input points for which exactly the "
        "same hidden units are on. Inside one region the whole network is a single affine map, "
        "so the network is a patchwork of {c} flat pieces here."
    ),
    "regions_smooth": "tanh is smooth: it has no on/off pattern and no linear regions. "
    "Choose ReLU or leaky ReLU under Network to see the regions.",
    "dw_header": "Deeper vs wider: same number of hidden units",
    "total": "Total hidden units",
    "dw_labels": {
        "random": "random weights (mean, min–max of 5 nets)",
        "built": "hand-built folds (sawtooth)",
        "shallow": "most one layer can make",
        "xaxis": "hidden layers × units per layer",
        "yaxis": "linear regions in [−1.5, 1.5]²",
        "title": "Linear regions vs depth",
    },
    "dw_caption": (
        "The same number of ReLU units arranged deeper or wider. Hand-built folds (each layer "
        "folds the x₁-axis into w teeth) give w^depth regions — exponential in depth, beyond what "
        "any single layer of the same size can cut. Random weights rarely use that capacity: "
        "their count tends to fall with depth (Hanin & Rolnick, 2019). Training decides how much "
        "of the capacity a network actually uses."
    ),
    "download": "Download the transformed points (CSV)",
    "download_regions": "Download the points with their region id (CSV; −1 = outside the square)",
    "download_counts": "Download the region counts (CSV)",
    "nonfinite": "Some transformed values are not finite numbers (overflow), so the charts are "
    "hidden. Make the weights or the learning rate smaller.",
    "dead_note": "All points land on one spot in the last layer (every unit off): nothing left to separate.",
}
NCOLS = 3
GRID_LINES, GRID_PTS = 13, 49
MORPH_LINES, MORPH_PTS = 11, 41
N_SNAPSHOTS = 21
SHADE_RES = 70
REGION_RES, REGION_SHOW = 300, 150
BOX = (-1.5, 1.5)
DEFAULTS = {"sw_w11": 1.0, "sw_w12": 0.0, "sw_w21": 0.0, "sw_w22": 1.0, "sw_b1": 0.0,
            "sw_b2": 0.0, "sw_v11": 1.0, "sw_v12": 0.0, "sw_v21": 0.0, "sw_v22": 1.0,
            "sw_c1": 0.0, "sw_c2": 0.0}  # fmt: skip
TRAINED_ACTS = ["relu", "leaky_relu", "tanh"]


# ---------------------------------------------------------------------------------------------
# Cached compute (hashable primitives in, arrays out)
# ---------------------------------------------------------------------------------------------
@st.cache_data(max_entries=16, show_spinner=False)
def get_data(name: str, n: int, noise: float, seed: int):
    return make_dataset(name, n, noise, np.random.default_rng(seed))


@st.cache_data(max_entries=4, show_spinner=False)
def get_grid(n_lines: int, n_pts: int):
    return W.grid_paths(BOX[0] - 0.1, BOX[1] + 0.1, n_lines, n_pts)


@st.cache_data(max_entries=16, show_spinner=False)
def raw_accuracy(name: str, n: int, noise: float, seed: int) -> float:
    X, y = get_data(name, n, noise, seed)
    return W.linear_accuracy(X, y, DATASETS[name].n_classes)


def hidden_widths(depth: int, width: int, neck: bool) -> list[int]:
    """Hidden layer widths: ``depth`` layers of ``width`` units, the last one 2 wide if ``neck``."""
    return [width] * (depth - 1) + [2 if neck else width]


def snapshot_epochs(epochs: int) -> list[int]:
    return sorted({int(round(e)) for e in np.linspace(0, epochs, N_SNAPSHOTS)})


@st.cache_data(max_entries=8, show_spinner="Training the network…")
def train_cached(name, n, noise, seed, depth, width, neck, act, epochs, lr):
    X, y = get_data(name, n, noise, seed)
    C = DATASETS[name].n_classes
    run = train_mlp(
        X, y, [2, *hidden_widths(depth, width, neck), C], activation=act, optimizer="adam",
        opt_hp={"lr": lr}, epochs=epochs, batch_size=32, seed=seed,
        snapshot_epochs=snapshot_epochs(epochs),
    )  # fmt: skip
    return {
        "snapshots": {e: p for e, (p, _) in sorted(run.snapshots.items())},
        "history": run.history,
        "diverged_at": run.diverged_at,
    }


@st.cache_data(max_entries=32, show_spinner=False)
def trained_view(name, n, noise, seed, depth, width, neck, act, epochs, lr, snap, view, ua, ub):
    """Everything the trained-mode figure and table need for one snapshot."""
    X, y = get_data(name, n, noise, seed)
    C = DATASETS[name].n_classes
    run = train_cached(name, n, noise, seed, depth, width, neck, act, epochs, lr)
    epochs_kept = sorted(run["snapshots"])
    e = epochs_kept[min(snap, len(epochs_kept) - 1)]
    params = run["snapshots"][e]
    gh, gv = get_grid(GRID_LINES, GRID_PTS)
    m = len(gh)
    reps = W.network_stages(params, np.concatenate([X, gh, gv]), act)
    ticks, P = W.grid_points(BOX[0] - 0.1, BOX[1] + 0.1, SHADE_RES)
    out = W.network_logits(params, W.network_stages(params, P, act)[-1])
    shade = (ticks, ticks, out.argmax(axis=1).reshape(SHADE_RES, SHADE_RES))
    contour = None
    if C == 2:
        contour = pre_image_contour(
            lambda Q: W.network_logits(params, W.network_stages(params, Q, act)[-1]), BOX
        )
    panels = [Panel(TEXT["input_title"], X, gh, gv, shade=shade, contour=contour)]
    rows = [(TEXT["stage_x"].split(". ")[1], 2, W.linear_accuracy(X, y, C))]
    finite = W.all_finite(*reps, out)
    columns = {"x1": X[:, 0], "x2": X[:, 1]}
    for l, R in enumerate(reps[1:], start=1):
        k = R.shape[1]
        Rx = R[: len(X)]
        for j in range(k):
            columns[f"h{l}_{j + 1}"] = Rx[:, j]
        rows.append((f"h{l} ({ACTIVATIONS[act].label.split(' (')[0]})", k, W.linear_accuracy(Rx, y, C) if finite else float("nan")))
        if k == 2:
            V, how = R, TEXT["how_direct"]
            labels = (TEXT["unit"].format(i=1), TEXT["unit"].format(i=2))
        elif view == "units":
            a, b = min(ua, k) - 1, min(ub, k) - 1
            V = R[:, [a, b]]
            how = TEXT["how_units"].format(a=a + 1, b=b + 1, k=k)
            labels = (TEXT["unit"].format(i=a + 1), TEXT["unit"].format(i=b + 1))
        else:
            mean, basis, ratio = W.pca_2d(Rx)
            V = (R - mean) @ basis
            how = TEXT["how_pca"].format(k=k, v=float(ratio.sum()))
            labels = (TEXT["pc"].format(i=1), TEXT["pc"].format(i=2))
        pts, ph, pv = V[: len(X)], V[len(X) : len(X) + m], V[len(X) + m :]
        panel = Panel(TEXT["layer_title"].format(l=l, how=how), pts, ph, pv,
                      xlabel=labels[0], ylabel=labels[1], fold_axes=act != "tanh",
                      focus=True)  # fmt: skip
        if l == depth and k == 2 and finite:
            decorate_linear(panel, lambda H, p=params: W.network_logits(p, H), C)
        panels.append(panel)
    hist = run["history"]
    i = int(np.searchsorted(hist["epoch"], e))
    stats = (e, float(hist["train_acc"][i]), float(hist["train_loss"][i]))
    return {"panels": panels, "y": y, "rows": rows, "finite": finite, "columns": columns,
            "stats": stats, "k_last": reps[-1].shape[1], "ncols": 2 if len(panels) in (2, 4) else 3}  # fmt: skip


@st.cache_data(max_entries=8, show_spinner="Counting linear regions…")
def regions_cached(name, n, noise, seed, depth, width, neck, act, epochs, lr, snap):
    run = train_cached(name, n, noise, seed, depth, width, neck, act, epochs, lr)
    kept = sorted(run["snapshots"])
    params = run["snapshots"][kept[min(snap, len(kept) - 1)]]
    ids, count = W.region_map(params, act, BOX[0], BOX[1], REGION_RES)
    step = REGION_RES // REGION_SHOW
    ticks = np.linspace(BOX[0], BOX[1], REGION_RES)[::step]
    # each data point's pattern, numbered as on the map when it occurs there
    X, _ = get_data(name, n, noise, seed)
    _, P = W.grid_points(BOX[0], BOX[1], REGION_RES)
    pats = W.activation_patterns(W.network_preacts(params, np.concatenate([P, X]), act))
    all_ids, _ = W.pattern_ids(pats)
    lookup = dict(zip(all_ids[: len(P)].tolist(), ids.ravel().tolist(), strict=True))
    point_ids = np.array([lookup.get(i, -1) for i in all_ids[len(P) :].tolist()])
    return ticks, ids[::step, ::step], count, point_ids


@st.cache_data(max_entries=8, show_spinner="Counting regions of deeper and wider nets…")
def depth_width_cached(total: int):
    return W.depth_vs_width(total)


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------
def apply_preset(name: str) -> None:
    """on_click: write the preset's numbers into the sliders' state before they are drawn."""
    layers = W.PRESETS[name].layers
    (w11, w12), (w21, w22) = layers[0][0]
    b1, b2 = layers[0][1]
    st.session_state.update(sw_w11=w11, sw_w12=w12, sw_w21=w21, sw_w22=w22, sw_b1=b1, sw_b2=b2)
    st.session_state["sw_two"] = len(layers) > 1
    if len(layers) > 1:
        (v11, v12), (v21, v22) = layers[1][0]
        c1, c2 = layers[1][1]
        st.session_state.update(sw_v11=v11, sw_v12=v12, sw_v21=v21, sw_v22=v22, sw_c1=c1, sw_c2=c2)
    else:
        st.session_state.update({k: DEFAULTS[k] for k in DEFAULTS if k[3] in "vc"})


def slider(label, key, lo, hi, step):
    return st.slider(label, lo, hi, DEFAULTS[key], step, key=key, bind="query-params", format="%.2f")


def layer_sliders(title, keys, lim, step, mark=""):
    """Six sliders for one 2×2 layer; ``mark`` ("" or "′") tells layer 1 from layer 2."""
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
    return np.array([[w11, w12], [w21, w22]]), np.array([b1, b2])


# ---------------------------------------------------------------------------------------------
# Page
# ---------------------------------------------------------------------------------------------
page_intro(TEXT["title"], TEXT["intro"])

with st.sidebar:
    st.header(TEXT["data_header"])
    names = list(DATASETS)
    data_name = st.selectbox(TEXT["dataset"], names, index=0, key="sw_data", bind="query-params",
                             format_func=lambda k: DATASETS[k].label)  # fmt: skip
    n_pts = st.slider(TEXT["n"], 50, 800, 300, 50, key="sw_n", bind="query-params")
    noise = st.slider(TEXT["noise"], 0.0, 0.5, 0.05, 0.01, key="sw_noise", bind="query-params")
    seed = st.number_input(TEXT["seed"], 0, 9999, 0, 1, key="sw_seed", bind="query-params")
    st.header(TEXT["net_header"])
    depth = st.slider(TEXT["depth"], 1, 4, 2, key="sw_depth", bind="query-params")
    width = st.slider(TEXT["width"], 2, 16, 8, key="sw_width", bind="query-params")
    neck = st.toggle(TEXT["neck"], True, key="sw_neck", bind="query-params", help=TEXT["neck_help"])
    tact = st.selectbox(TEXT["tact"], TRAINED_ACTS, 1, key="sw_tact", bind="query-params",
                        format_func=lambda k: ACTIVATIONS[k].label)  # fmt: skip
    epochs = st.slider(TEXT["epochs"], 50, 1000, 300, 50, key="sw_epochs", bind="query-params")
    lr = st.select_slider(TEXT["lr"], [0.001, 0.003, 0.01, 0.03, 0.1, 0.3], 0.03, key="sw_lr",
                          bind="query-params")  # fmt: skip

mode = st.segmented_control(TEXT["mode"], list(TEXT["modes"]), default="manual", required=True,
                            format_func=lambda k: TEXT["modes"][k], key="sw_mode",
                            bind="query-params")  # fmt: skip
mode = mode or "manual"
seed = int(seed)
X, y = get_data(data_name, n_pts, noise, seed)
C = DATASETS[data_name].n_classes
net_key = (data_name, n_pts, noise, seed, depth, width, neck, tact, epochs, lr)


def separability_table(rows, extra=None):
    st.subheader(TEXT["sep_header"])
    cols = TEXT["sep_cols"]
    frame = pd.DataFrame(rows, columns=cols)
    if extra is not None:
        frame = pd.concat([frame, pd.DataFrame([extra], columns=cols)], ignore_index=True)
    frame[cols[2]] = frame[cols[2]].map("{:.1%}".format)
    static_table(frame)  # a handful of rows, redrawn at every slider step: plain HTML
    st.caption(TEXT["sep_caption"])


def manual_controls() -> tuple[str, bool]:
    """Activation, second layer and presets: outside the sliders' fragment, so a slider step
    does not redraw them (the browser re-renders every element of a fragment that reruns)."""
    c_act, c_pre = st.columns([1, 3])
    with c_act:
        act = st.selectbox(TEXT["act"], list(W.WARP_ACTIVATIONS), key="sw_act",
                           bind="query-params", format_func=lambda k: ACTIVATIONS[k].label)  # fmt: skip
        two = st.toggle(TEXT["two_layers"], False, key="sw_two", bind="query-params",
                        help=TEXT["two_help"])  # fmt: skip
    with c_pre:
        st.markdown(f"**{TEXT['presets']}**", help=TEXT["preset_help"])
        pcols = st.columns(3)
        for i, (pname, p) in enumerate(W.PRESETS.items()):
            pcols[i % 3].button(p.label, key=f"sw_preset_{pname}", on_click=apply_preset,
                                args=(pname,), help=p.description, width="stretch")  # fmt: skip
    return act, two


@st.fragment
def manual_mode(X, y, C, act: str, two: bool):
    """Sliders, stages, morph and readout: a fragment, so a slider reruns only this part."""
    lcols = st.columns(2 if two else 1)
    with lcols[0]:
        W1, b1 = layer_sliders(TEXT["layer1"], (("sw_w11", "sw_w12", "sw_b1"),
                                                ("sw_w21", "sw_w22", "sw_b2")), 3.0, 0.05)  # fmt: skip
    layers = [(W1, b1)]
    if two:
        with lcols[1]:
            W2, b2 = layer_sliders(TEXT["layer2"], (("sw_v11", "sw_v12", "sw_c1"),
                                                    ("sw_v21", "sw_v22", "sw_c2")), 20.0, 0.25, "′")  # fmt: skip
        layers.append((W2, b2))
    g = ACTIVATIONS[act].label.split(" (")[0]
    names = [TEXT["stage_x"], TEXT["stage_z"], TEXT["stage_h"].format(g=g),
             TEXT["stage_z2"], TEXT["stage_h2"].format(g=g)][: 1 + 2 * len(layers)]  # fmt: skip
    view = manual_view(X, y, C, layers, act, names, get_grid(GRID_LINES, GRID_PTS),
                       get_grid(MORPH_LINES, MORPH_PTS), BOX, SHADE_RES)  # fmt: skip
    panels, rows, finite, columns = view["panels"], view["rows"], view["finite"], view["columns"]
    if not finite:
        st.warning(TEXT["nonfinite"], icon=":material/warning:")
    else:
        chart(planes_figure(panels, y, C, ncols=NCOLS), key="sw_stages")
        st.caption(TEXT["stages_caption"])
        # One of two views below the stages, picked like a tab: only the one shown is computed
        # and drawn (the morph is a second chart with animation frames), and a segmented
        # control costs the browser ~30 ms less per slider step than st.tabs (measured).
        shown = st.segmented_control(
            TEXT["below_views"], [TEXT["sep_tab"], TEXT["morph_header"]], default=TEXT["sep_tab"],
            required=True, key="sw_tab", bind="query-params", label_visibility="collapsed",
        )  # fmt: skip
        if shown == TEXT["morph_header"]:
            c_morph, _ = st.columns([1, 0.6])
            with c_morph:
                chart(morph_figure(view["morph"], y, C, labels=TEXT["morph_labels"]),
                      key="sw_morph")  # fmt: skip
                st.caption(TEXT["morph_caption"])
        else:
            separability_table(rows)
            download_csv(TEXT["download"], lambda: pd.DataFrame({**columns, "label": y}),
                         "space_warp_manual.csv", key="sw_dl_manual")  # fmt: skip


@st.fragment
def network_mode(mode, net_key, X, y, C, epochs, width, tact):
    """Trained network or linear regions; the epoch scrubber reruns only this fragment."""
    kept = snapshot_epochs(epochs)
    snap = st.select_slider(TEXT["epoch"], list(range(len(kept))), len(kept) - 1, key="sw_snap",
                            bind="query-params",
                            format_func=lambda i: TEXT["epoch_fmt"].format(e=kept[min(i, len(kept) - 1)]))  # fmt: skip
    run = train_cached(*net_key)
    if run["diverged_at"] is not None:
        st.warning(TEXT["diverged"].format(epoch=run["diverged_at"]), icon=":material/warning:")

    if mode == "trained":
        view, ua, ub = "pca", 1, 2
        if max(hidden_widths(*net_key[4:7])) > 2:
            c1, c2, c3 = st.columns([2, 1, 1])
            view = c1.segmented_control(TEXT["view"], list(TEXT["views"]), default="pca",
                                        required=True, format_func=lambda k: TEXT["views"][k],
                                        key="sw_view", bind="query-params") or "pca"  # fmt: skip
            if view == "units":
                ua = c2.number_input(TEXT["unit_a"], 1, width, 1, key="sw_ua", bind="query-params")
                ub = c3.number_input(TEXT["unit_b"], 1, width, 2, key="sw_ub", bind="query-params")
        res = trained_view(*net_key, snap, view, int(ua), int(ub))
        e, acc, loss = res["stats"]
        st.markdown(TEXT["train_stats"].format(e=e, a=acc, l=loss))
        if not res["finite"]:
            st.warning(TEXT["nonfinite"], icon=":material/warning:")
        else:
            chart(planes_figure(res["panels"], res["y"], C, ncols=res["ncols"],
                                row_height=480 if res["ncols"] == 2 else 370), key="sw_trained")  # fmt: skip
            st.caption(TEXT["trained_caption"])
            if res["k_last"] > 2:
                st.caption(TEXT["hyperplane_note"].format(k=res["k_last"]))
        separability_table(res["rows"], (TEXT["net_acc"], res["k_last"], acc))
        download_csv(TEXT["download"], lambda: pd.DataFrame({**res["columns"], "label": res["y"]}),
                     "space_warp_trained.csv", key="sw_dl_trained")  # fmt: skip

    else:  # linear regions
        c_map, c_dw = st.columns([1, 1])
        with c_map:
            if tact not in W.PIECEWISE_LINEAR:
                st.info(TEXT["regions_smooth"], icon=":material/info:")
            else:
                ticks, ids, count, point_ids = regions_cached(*net_key, snap)
                e = kept[min(snap, len(kept) - 1)]
                fig = regions_figure(ticks, ids, X, y, C, TEXT["regions_title"].format(c=count, e=e))
                chart(fig, key="sw_regions")
                st.caption(TEXT["regions_caption"].format(c=count))
                download_csv(TEXT["download_regions"], lambda: pd.DataFrame(
                    {"x1": X[:, 0], "x2": X[:, 1], "label": y, "region": point_ids}),
                    "space_warp_point_regions.csv", key="sw_dl_point_regions")  # fmt: skip
        with c_dw:
            total = st.select_slider(TEXT["total"], [6, 8, 12, 16, 24], 12, key="sw_units",
                                     bind="query-params")  # fmt: skip
            dw = depth_width_cached(int(total))
            chart(depth_width_figure(dw, TEXT["dw_labels"]), key="sw_dw")
            st.caption(TEXT["dw_caption"])

            def dw_frame():
                shapes = ["×".join(map(str, s)) for s in dw["shapes"]]
                frame = pd.DataFrame(dw["counts"], columns=[f"seed {s}" for s in range(dw["counts"].shape[1])])
                frame.insert(0, "hidden widths", shapes)
                frame["hand-built"] = dw["built"]
                frame["one-layer maximum"] = dw["shallow_max"]
                return frame

            download_csv(TEXT["download_counts"],
                         dw_frame, "space_warp_regions.csv", key="sw_dl_regions")  # fmt: skip


if mode == "manual":
    manual_mode(X, y, C, *manual_controls())
else:
    network_mode(mode, net_key, X, y, C, epochs, width, tact)
