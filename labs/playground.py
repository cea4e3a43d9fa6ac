"""Training playground: train an MLP on 2D data and watch it learn (TensorFlow-Playground class).

Widgets -> settings (a JSON string, the cache key and the URL) -> cached training -> cached view
arrays for the chosen epoch -> figures. View-only controls live in fragments and never retrain.
"""

import hashlib
import json

import numpy as np
import pandas as pd
import streamlit as st

from nncore import (
    DATASETS,
    HIDDEN_ACTIVATIONS,
    INITIALIZERS,
    LOSSES,
    OPTIMIZERS,
    make_dataset,
    predict_proba,
    train_mlp,
    train_test_split,
)
from nncore.activations import ACTIVATIONS
from nncore.optim import HYPERPARAMS
from nncore.playground import (
    FEATURES,
    MAX_CLASSES,
    MAX_ROWS,
    confusion_matrix,
    expected_shapes,
    feature_map,
    network_grid,
    params_from_json,
    params_to_json,
    plane_extent,
    plane_grid,
    standardize,
    thumbnail_mosaic,
    weight_histograms,
)
from nncore.train import TrainResult
from ui.common import chart, download_csv, download_json, page_intro
from ui.playground_io import MAX_BYTES, parse_points_csv, points_frame
from viz.playground_figs import (
    boundary_figure,
    confusion_figure,
    curves_figure,
    thumbnails_figure,
    weight_hist_figure,
)

# ---------------------------------------------------------------------------------------------
# Text (kept together for the planned Korean translation)
# ---------------------------------------------------------------------------------------------

TEXT = {
    "title": "Training playground",
    "intro": (
        "Train a small neural network on 2D points and watch it learn. The big picture is the "
        "**decision boundary** (the colour is the predicted class, paler = less sure); the small "
        "squares show what **each hidden neuron** responds to, layer by layer: early layers draw "
        "lines, later layers combine them into curves. Every setting is in the URL, so a copied "
        "link reopens the same experiment with the same initial weights."
    ),
    "data": "Data",
    "dataset": "Data set",
    "upload_option": "Uploaded CSV",
    "n_points": "Number of points",
    "noise": "Noise (σ of the jitter)",
    "test_frac": "Test fraction",
    "seed": "Seed (data and initial weights)",
    "upload": "Your own data (CSV with columns x1, x2, label)",
    "upload_help": (
        f"2–{MAX_CLASSES} classes, at most {MAX_ROWS} rows and {MAX_BYTES // 1_000_000} MB. "
        "Coordinates are standardized (mean 0, standard deviation 1) before training."
    ),
    "upload_ok": "Loaded {n} points in {c} classes from {name}.",
    "upload_bad": "Could not use {name}: {error}. Nothing was changed.",
    "upload_missing": (
        "This link refers to an uploaded data set, which is not part of the URL. "
        "Upload the CSV again; until then the XOR data set is shown."
    ),
    "features": "Input features",
    "features_help": "What the network sees. With x₁² and x₂² even a network without hidden "
    "layers can draw a circle.",
    "network": "Network",
    "layers": "Hidden layers",
    "width": "Layer {l}: neurons",
    "act": "Activation",
    "act_layer": "Layer {l}: activation",
    "same": "as network",
    "per_layer": "Layer by layer: width and activation",
    "init": "Weight initialization",
    "init_scale": "Scale s of the initializer",
    "bn": "Batch normalization",
    "training": "Training",
    "opt": "Optimizer",
    "lr": "Learning rate",
    "bs": "Batch size",
    "epochs": "Epochs",
    "loss": "Loss",
    "bce_multiclass": "Binary cross-entropy needs exactly two classes: softmax cross-entropy is "
    "used for this {c}-class data set.",
    "l1": "L1 penalty",
    "l2": "L2 penalty",
    "dropout": "Dropout rate",
    "capped": "{asked} epochs of this network would take long on the server: this round trains "
    "{epochs} epochs (about {s:.0f} s). Press **Train more** to continue from there.",
    "train_more": "Train more",
    "train_more_help": "Continue from the current weights for another round of epochs.",
    "reset": "Reset",
    "reset_help": "Back to the initial weights (the same seed gives the same weights).",
    "status": "Trained {epochs} epochs in {rounds} round(s).",
    "status_diverged": "Stopped after {epochs} good epoch(s): training diverged.",
    "metric_epoch": "Epoch shown",
    "metric_train_loss": "Train loss",
    "metric_test_loss": "Test loss",
    "metric_test_acc": "Test accuracy",
    "timeline": "Timeline: epoch to show",
    "timeline_help": "Rewind and replay: every picture below shows the network at this epoch.",
    "replay": "Replay",
    "replay_help": "Animate the boundary over the training snapshots (play it in the chart).",
    "epoch_word": "epoch",
    "discretize": "Discretize",
    "discretize_help": "Show only the winning class, without the shades of confidence.",
    "show_test": "Test points",
    "show_test_help": "Draw the test points (white with a coloured ring) over the boundary.",
    "boundary": "Decision boundary at epoch {epoch}",
    "thumbs": "What each neuron computes (epoch {epoch})",
    "thumbs_caption": (
        "Each square is one neuron's output over the same plane as the boundary: blue = "
        "positive, orange = negative, white = 0 (each square scaled to its own largest value). "
        "A square that stays white is a dead neuron."
    ),
    "thumb_layer": "Layers to show",
    "thumb_all": "All layers",
    "inputs": "Inputs",
    "layer_title": "Layer {l}<br>{act}",
    "no_hidden": "No hidden layers: the network is a linear (logistic) model of the inputs.",
    "curves": "Loss and accuracy per epoch",
    "confusion": "Confusion matrix on the test set (epoch {epoch})",
    "confusion_tab": "Confusion matrix",
    "weights_tab": "Weights per layer",
    "weights": "Weights per layer (epoch {epoch})",
    "diverged": (
        "**Training diverged in epoch {epoch}.** The loss or the weights grew without bound "
        "(overflow to infinity), so the updates stopped meaning anything. The pictures show the "
        "last good epoch ({last}). Usually the steps are too big: **lower the learning rate** "
        "(try {lr_hint}){bn_hint}{init_hint}."
    ),
    "bn_hint": ", **add batch normalization**",
    "init_hint": ", or **change the initialization** (He or Xavier instead of {init})",
    "grid_bad": "{n} grid values were not finite and are drawn as 0.",
    "history": "Run history (this session)",
    "history_caption": "Every run you trained in this session. Pick two to compare.",
    "compare_a": "Run A",
    "compare_b": "Run B",
    "compare": "Compare two runs",
    "compare_need": "Train at least two different runs (change a setting) to compare them.",
    "files": "Export and import",
    "dl_data": "Data (CSV)",
    "dl_history": "History (CSV)",
    "dl_weights": "Weights at the shown epoch (JSON)",
    "dl_grid": "Boundary grid (CSV)",
    "dl_confusion": "Confusion matrix (CSV)",
    "dl_hist": "Weight histograms (CSV)",
    "import": "Import weights (JSON exported here)",
    "import_help": "The file must match the current network (input features, layers, batch "
    "norm). Imported weights become the starting point of training.",
    "import_ok": "Using imported weights from {name} as the starting point (epoch 0).",
    "import_bad": "Could not use {name}: {error}. Nothing was changed.",
    "import_stale": "The imported weights no longer fit the network (the settings changed), "
    "so the seed's initial weights are used.",
    "forget_import": "Forget imported weights",
    "start_seed": "seed",
    "start_imported": "file {name}",
}

# Slider options (the URL stores the chosen value).
LR_OPTIONS = [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
BS_OPTIONS = [1, 2, 5, 10, 20, 32, 50, 64, 100, 128, 256, 500, 1000]
PENALTY_OPTIONS = [0.0, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1]
SCALE_OPTIONS = [0.001, 0.01, 0.05, 0.1, 0.5, 1.0, 2.0]
MAX_LAYERS, MAX_WIDTH = 8, 64
UPLOAD = "upload"
GRID_N = 100
MAX_SNAPSHOTS = 51
SNAPSHOT_BYTES = 4_000_000  # weight snapshots kept per round of training
MAX_FRAMES, REPLAY_GRID_N = 60, 60  # animation: ≤ 60 frames of 60×60 (≈ 4.8 KB each)
MAX_ROUND_S = 10.0  # estimated seconds of training per round (Train more adds rounds)
SAME = "same"

# ---------------------------------------------------------------------------------------------
# Cached compute (hashable primitives in; arrays rebuilt from the seed or passed as _args)
# ---------------------------------------------------------------------------------------------


@st.cache_data(max_entries=16, show_spinner=False)
def load_data(data_key: str, _upload: dict | None = None) -> dict:
    """Train/test points for the data settings (JSON). Uploads come in via _upload."""
    d = json.loads(data_key)
    rng = np.random.default_rng(d["seed"])
    classes = None
    if d["data"] == UPLOAD and _upload is not None:
        X, _, _ = standardize(_upload["X"])
        y, classes = _upload["y"], list(map(int, _upload["classes"]))
    else:
        X, y = make_dataset(d["data"], d["n"], d["noise"], rng)
    X_tr, y_tr, X_te, y_te = train_test_split(X, y, d["test"], rng)
    return {
        "X_tr": X_tr, "y_tr": y_tr, "X_te": X_te, "y_te": y_te,
        "n_classes": int(len(classes) if classes is not None else DATASETS[d["data"]].n_classes),
        "classes": classes, "extent": plane_extent(X_tr, X_te),
    }  # fmt: skip


def _epoch_cost_s(n_train: int, batch: int, shapes: dict) -> float:
    """Rough seconds per epoch: NumPy call overhead per update and layer, plus the
    multiply-adds (forward and backward ≈ 3 passes) on a pessimistic 0.5 GFLOP/s."""
    steps = -(-n_train // max(1, batch))
    weights = [int(np.prod(v)) for k, v in shapes.items() if k.startswith("W")]
    return steps * (40e-6 + 50e-6 * len(weights)) + 6.0 * n_train * sum(weights) / 0.5e9


def _snapshot_epochs(start: int, epochs: int, n_params: int) -> range:
    """Evenly spaced epochs to keep weights of: up to 51, fewer for big nets (≤ ~4 MB a round)."""
    most = int(np.clip(SNAPSHOT_BYTES // (8 * max(n_params, 1)), 11, MAX_SNAPSHOTS))
    step = max(1, int(np.ceil(epochs / (most - 1))))
    return range(start, start + epochs + 1, step)


@st.cache_data(max_entries=16, show_spinner=False)
def run_training(
    run_key: str, rounds: int, data_key: str, _upload=None, _start=None
) -> TrainResult:
    """Training for the settings, continued ``rounds`` extra times ("Train more").

    Continuing from (params, bn_state, opt_state, epoch) equals one long run (per-epoch
    shuffling is seeded by (seed, epoch)), so every round is a deterministic cache entry.
    """
    s = json.loads(run_key)
    data = load_data(data_key, _upload)
    F_tr = feature_map(data["X_tr"], s["feats"])
    F_te = feature_map(data["X_te"], s["feats"])
    C = data["n_classes"]
    sizes = [len(s["feats"]), *s["hidden"], LOSSES[s["loss"]].n_outputs(C)]
    shapes = expected_shapes(sizes, list(s["acts"]), s["bn"])
    n_params = sum(int(np.prod(v)) for v in shapes.values())
    common = {
        "activation": list(s["acts"]), "init": s["init"], "init_scale": s["iscale"],
        "optimizer": s["opt"], "opt_hp": {"lr": s["lr"], **dict(s["hp"])}, "loss": s["loss"],
        "epochs": s["epochs"], "batch_size": s["bs"], "l1": s["l1"], "l2": s["l2"],
        "dropout": s["drop"], "batchnorm": s["bn"], "seed": s["seed"],
        "X_test": F_te, "y_test": data["y_te"],
    }  # fmt: skip
    if rounds == 0:
        params, bn = (_start if _start is not None else (None, None))
        return train_mlp(
            F_tr, data["y_tr"], sizes, params=params, bn_state=bn,
            snapshot_epochs=_snapshot_epochs(0, s["epochs"], n_params), **common,
        )  # fmt: skip
    prev = run_training(run_key, rounds - 1, data_key, _upload, _start)
    if prev.diverged_at is not None:
        return prev
    start = prev.epochs_done
    more = train_mlp(
        F_tr, data["y_tr"], sizes, params=prev.params, bn_state=prev.bn_state,
        opt_state=prev.opt_state, start_epoch=start,
        snapshot_epochs=_snapshot_epochs(start, s["epochs"], n_params), **common,
    )  # fmt: skip
    history = {k: np.concatenate([prev.history[k], more.history[k][1:]]) for k in prev.history}
    return TrainResult(
        more.params, more.bn_state, more.opt_state, history,
        {**prev.snapshots, **more.snapshots}, more.diverged_at, more.reason,
    )  # fmt: skip


@st.cache_data(max_entries=8, show_spinner=False)
def replay_arrays(run_key: str, rounds: int, data_key: str, _upload=None, _start=None) -> dict:
    """The boundary at (up to MAX_FRAMES) snapshot epochs on a coarse grid, for the animation."""
    s = json.loads(run_key)
    res = run_training(run_key, rounds, data_key, _upload, _start)
    data = load_data(data_key, _upload)
    epochs = sorted(res.snapshots)
    pick = np.unique(np.linspace(0, len(epochs) - 1, min(MAX_FRAMES, len(epochs))).round())
    epochs = [epochs[int(i)] for i in pick]
    grids = []
    for e in epochs:
        params, bn = res.snapshots[e]
        g = network_grid(params, s["feats"], list(s["acts"]), s["loss"], bn, data["extent"],
                         REPLAY_GRID_N)  # fmt: skip
        grids.append(g.proba.astype(np.float32))
    return {"xs": plane_grid(data["extent"], REPLAY_GRID_N)[0], "grids": grids, "epochs": epochs}


@st.cache_data(max_entries=64, show_spinner=False)
def view_arrays(
    run_key: str, rounds: int, data_key: str, epoch: int, thumb: str, _upload=None, _start=None
) -> dict:
    """Everything the views draw for one epoch: grid probabilities, mosaic, confusion, histograms."""
    s = json.loads(run_key)
    res = run_training(run_key, rounds, data_key, _upload, _start)
    data = load_data(data_key, _upload)
    params, bn = res.snapshots[epoch]
    grid = network_grid(
        params, s["feats"], list(s["acts"]), s["loss"], bn, data["extent"], GRID_N
    )
    layers = [grid.inputs, *grid.hidden]
    titles = [TEXT["inputs"]] + [
        TEXT["layer_title"].format(l=i + 1, act=ACTIVATIONS[a].label.split(" (")[0]
                                   if a in ACTIVATIONS else a)
        for i, a in enumerate(s["acts"])
    ]  # fmt: skip
    if thumb != "all":
        keep = [0, int(thumb)]
        layers, titles = [layers[i] for i in keep], [titles[i] for i in keep]
    mosaic = thumbnail_mosaic(layers)
    F_te = feature_map(data["X_te"], s["feats"])
    pred = predict_proba(params, F_te, list(s["acts"]), s["loss"], bn or None).argmax(axis=1)
    cm = confusion_matrix(data["y_te"], pred, data["n_classes"])
    return {
        "xs": grid.xs, "proba": grid.proba.astype(np.float32), "n_bad": grid.n_bad,
        "mosaic": mosaic, "titles": titles, "cm": cm, "hists": weight_histograms(params),
    }  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Session helpers
# ---------------------------------------------------------------------------------------------

ss = st.session_state


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def _on_upload() -> None:
    f = ss.get("pg_upload_file")
    ss.pop("pg_upload_msg", None)
    if f is None:
        return
    raw = f.getvalue()
    try:
        X, y, classes = parse_points_csv(raw)
    except ValueError as exc:
        ss["pg_upload_msg"] = ("error", TEXT["upload_bad"].format(name=f.name, error=str(exc).rstrip(".")))
        return
    ss["pg_upload"] = {"X": X, "y": y, "classes": classes, "digest": _digest(raw),
                       "name": f.name}  # fmt: skip
    ss["pg_data"] = UPLOAD
    ss["pg_upload_msg"] = ("success", TEXT["upload_ok"].format(n=len(y), c=len(classes),
                                                               name=f.name))  # fmt: skip


def _on_import(shapes: dict) -> None:
    f = ss.get("pg_import_file")
    ss.pop("pg_import_msg", None)
    if f is None:
        return
    raw = f.getvalue()
    try:
        params, bn, _meta = params_from_json(raw, shapes)
    except ValueError as exc:
        ss["pg_import_msg"] = ("error", TEXT["import_bad"].format(name=f.name, error=str(exc).rstrip(".")))
        return
    ss["pg_import"] = {"params": params, "bn": bn, "digest": _digest(raw), "name": f.name,
                       "shapes": shapes}  # fmt: skip
    ss["pg_import_msg"] = ("success", TEXT["import_ok"].format(name=f.name))


def _forget_import() -> None:
    ss.pop("pg_import", None)
    ss.pop("pg_import_msg", None)


def _train_more() -> None:
    ss["pg_rounds"] = ss.get("pg_rounds", 0) + 1
    ss["pg_goto_end"] = True


def _reset() -> None:
    ss["pg_rounds"] = 0
    ss["pg_goto_start"] = True


# ---------------------------------------------------------------------------------------------
# Settings UI (sidebar)
# ---------------------------------------------------------------------------------------------

QP = {"bind": "query-params"}


def data_ui() -> dict:
    st.header(TEXT["data"])
    options = list(DATASETS) + ([UPLOAD] if "pg_upload" in ss else [])
    if ss.get("pg_data") == UPLOAD and "pg_upload" not in ss:
        st.warning(TEXT["upload_missing"])
        ss["pg_data"] = "xor"
    name = st.selectbox(
        TEXT["dataset"], options, key="pg_data", **QP,
        format_func=lambda k: TEXT["upload_option"] if k == UPLOAD else
        f"{DATASETS[k].label} ({DATASETS[k].n_classes} classes)",
    )  # fmt: skip
    up = name == UPLOAD
    n = st.slider(TEXT["n_points"], 50, 2000, 500, 50, key="pg_n", disabled=up, **QP)
    noise = st.slider(TEXT["noise"], 0.0, 0.5, 0.05, 0.01, key="pg_noise", disabled=up, **QP)
    test = st.slider(TEXT["test_frac"], 0.1, 0.9, 0.3, 0.05, key="pg_test", **QP)
    seed = st.number_input(TEXT["seed"], 0, 1_000_000, 0, 1, key="pg_seed", **QP)
    st.file_uploader(TEXT["upload"], type=["csv"], key="pg_upload_file", on_change=_on_upload,
                     help=TEXT["upload_help"])  # fmt: skip
    if "pg_upload_msg" in ss:
        kind, msg = ss["pg_upload_msg"]
        (st.error if kind == "error" else st.success)(msg)
    return {"data": name, "n": int(n), "noise": float(noise), "test": float(test),
            "seed": int(seed), "upload": ss["pg_upload"]["digest"] if up else ""}  # fmt: skip


def network_ui() -> dict:
    st.header(TEXT["network"])
    feats = st.pills(
        TEXT["features"], list(FEATURES), selection_mode="multi", default=["x1", "x2"],
        format_func=lambda k: FEATURES[k].label, key="pg_feat", help=TEXT["features_help"], **QP,
    )  # fmt: skip
    feats = [f for f in FEATURES if f in (feats or [])] or ["x1", "x2"]
    n_layers = st.slider(TEXT["layers"], 0, MAX_LAYERS, 2, key="pg_layers", **QP)
    act = st.selectbox(
        TEXT["act"], HIDDEN_ACTIVATIONS, index=HIDDEN_ACTIVATIONS.index("tanh"), key="pg_act",
        format_func=lambda a: ACTIVATIONS[a].label if a in ACTIVATIONS else "Maxout (k = 2)", **QP,
    )  # fmt: skip
    widths, acts = [], []
    with st.expander(TEXT["per_layer"], expanded=n_layers > 0):
        for l in range(1, n_layers + 1):
            c1, c2 = st.columns([1, 1.4])
            widths.append(int(c1.number_input(
                TEXT["width"].format(l=l), 1, MAX_WIDTH, 8, 1, key=f"pg_w{l}", **QP)))
            override = c2.selectbox(
                TEXT["act_layer"].format(l=l), [SAME, *HIDDEN_ACTIVATIONS], key=f"pg_a{l}",
                format_func=lambda a: TEXT["same"] if a == SAME else
                (ACTIVATIONS[a].label if a in ACTIVATIONS else "Maxout (k = 2)"), **QP,
            )  # fmt: skip
            acts.append(act if override == SAME else override)
    init = st.selectbox(
        TEXT["init"], list(INITIALIZERS), index=list(INITIALIZERS).index("xavier_normal"),
        format_func=lambda k: INITIALIZERS[k].label, key="pg_init", **QP,
    )  # fmt: skip
    iscale = None
    if INITIALIZERS[init].uses_scale:
        iscale = float(st.select_slider(TEXT["init_scale"], SCALE_OPTIONS, 0.1, key="pg_iscale",
                                        **QP))  # fmt: skip
    bn = st.toggle(TEXT["bn"], False, key="pg_bn", **QP)
    return {"feats": feats, "hidden": widths, "acts": acts, "act": act, "init": init,
            "iscale": iscale, "bn": bool(bn)}  # fmt: skip


def training_ui(n_classes: int) -> dict:
    st.header(TEXT["training"])
    opt = st.selectbox(TEXT["opt"], list(OPTIMIZERS), index=list(OPTIMIZERS).index("adam"),
                       format_func=lambda k: OPTIMIZERS[k].label, key="pg_opt", **QP)  # fmt: skip
    lr = st.select_slider(TEXT["lr"], LR_OPTIONS, 0.01, key="pg_lr", **QP)
    hp = {}
    extra = [k for k in OPTIMIZERS[opt].defaults if k != "lr"]
    if extra:
        cols = st.columns(2)
        for i, k in enumerate(extra):
            spec = HYPERPARAMS[k]
            hp[k] = float(cols[i % 2].number_input(
                spec.label, float(spec.low), float(spec.high), float(OPTIMIZERS[opt].defaults[k]),
                format="%.0e" if spec.log else "%.4g", step=None if spec.log else 0.01,
                key=f"pg_hp_{k}", **QP,
            ))  # fmt: skip
    bs = st.select_slider(TEXT["bs"], BS_OPTIONS, 10, key="pg_bs", **QP)
    epochs = st.slider(TEXT["epochs"], 10, 1000, 100, 10, key="pg_ep", **QP)
    loss = st.selectbox(TEXT["loss"], list(LOSSES), key="pg_loss",
                        format_func=lambda k: LOSSES[k].label, **QP)  # fmt: skip
    if loss == "bce" and n_classes != 2:
        st.caption(TEXT["bce_multiclass"].format(c=n_classes))
        loss = "softmax_ce"
    c1, c2 = st.columns(2)
    l1 = c1.select_slider(TEXT["l1"], PENALTY_OPTIONS, 0.0, key="pg_l1", **QP)
    l2 = c2.select_slider(TEXT["l2"], PENALTY_OPTIONS, 0.0, key="pg_l2", **QP)
    drop = st.slider(TEXT["dropout"], 0.0, 0.8, 0.0, 0.05, key="pg_drop", **QP)
    return {"opt": opt, "lr": float(lr), "hp": sorted(hp.items()), "bs": int(bs),
            "epochs": int(epochs), "loss": loss, "l1": float(l1), "l2": float(l2),
            "drop": float(drop)}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------------------------


def _history_frame(res: TrainResult) -> pd.DataFrame:
    return pd.DataFrame({k: v for k, v in res.history.items()}).astype({"epoch": int})


def _divergence_text(res: TrainResult, s: dict) -> str:
    last = max(e for e in res.snapshots if e < res.diverged_at)
    return TEXT["diverged"].format(
        epoch=res.diverged_at, last=last, lr_hint=f"{s['lr'] / 10:g}",
        bn_hint="" if s["bn"] else TEXT["bn_hint"],
        init_hint=TEXT["init_hint"].format(init=INITIALIZERS[s["init"]].label)
        if s["init"] in ("normal", "uniform", "orthogonal", "zeros") else "",
    )  # fmt: skip


@st.fragment
def boundary_panel(run_key, rounds, data_key, epoch, upload, start) -> None:
    """The boundary with its own toggles: flipping one re-draws this chart only."""
    s = json.loads(run_key)
    data = load_data(data_key, upload)
    st.subheader(TEXT["boundary"].format(epoch=epoch))
    c1, c2, c3 = st.columns(3)
    disc = c1.toggle(TEXT["discretize"], False, key="pg_disc", help=TEXT["discretize_help"], **QP)
    # Off by default, as in TF Playground (and 30 % fewer SVG points to draw per step).
    show_test = c2.toggle(TEXT["show_test"], False, key="pg_showtest",
                          help=TEXT["show_test_help"], **QP)  # fmt: skip
    replay = c3.toggle(TEXT["replay"], False, key="pg_replay", help=TEXT["replay_help"], **QP)
    v = view_arrays(run_key, rounds, data_key, epoch, "all", upload, start)
    xs, proba, frames = v["xs"], v["proba"], None
    if replay:
        r = replay_arrays(run_key, rounds, data_key, upload, start)
        xs, proba, frames = r["xs"], r["grids"][-1], (r["grids"], r["epochs"])
    chart(boundary_figure(
        xs, proba, data["X_tr"], data["y_tr"], data["X_te"], data["y_te"],
        discretize=disc, show_test=show_test, classes=data["classes"], axis_labels=_axis_labels(s),
        replay=frames, epoch_label=TEXT["epoch_word"],
    ), key="pg_fig_boundary")  # fmt: skip
    if v["n_bad"]:
        st.caption(TEXT["grid_bad"].format(n=v["n_bad"]))


@st.fragment
def thumbnails_panel(run_key, rounds, data_key, epoch, upload, start) -> None:
    """Per-neuron thumbnails with the layer picker: picking a layer re-draws this chart only."""
    n_hidden = len(json.loads(run_key)["hidden"])
    st.subheader(TEXT["thumbs"].format(epoch=epoch))
    thumb = "all"
    if n_hidden:
        opts = ["all", *[str(l) for l in range(1, n_hidden + 1)]]
        if ss.get("pg_thumb") not in opts:
            ss["pg_thumb"] = "all"
        thumb = st.segmented_control(
            TEXT["thumb_layer"], opts, key="pg_thumb", label_visibility="collapsed",
            format_func=lambda o: TEXT["thumb_all"] if o == "all" else f"{o}",
        ) or "all"  # fmt: skip
    v = view_arrays(run_key, rounds, data_key, epoch, thumb, upload, start)
    feats = json.loads(run_key)["feats"]
    chart(thumbnails_figure(v["mosaic"], v["titles"], [FEATURES[f].label for f in feats]),
          key="pg_fig_thumbs")  # fmt: skip
    if not n_hidden:
        st.caption(TEXT["no_hidden"])
    st.caption(TEXT["thumbs_caption"])


@st.fragment
def views(run_key: str, rounds: int, data_key: str, upload, start) -> None:
    """Timeline, boundary, thumbnails, confusion, weights: a timeline step reruns only this."""
    s = json.loads(run_key)
    res = run_training(run_key, rounds, data_key, upload, start)
    data = load_data(data_key, upload)
    epochs = sorted(res.snapshots)
    # A new run (or Train more / Reset) moves the timeline to its end (or start).
    to_end, to_start = ss.pop("pg_goto_end", False), ss.pop("pg_goto_start", False)
    if to_end or ss.get("pg_epoch") not in epochs or ss.get("pg_epoch_run") != (run_key, rounds):
        ss["pg_epoch"] = epochs[-1]
    if to_start:
        ss["pg_epoch"] = epochs[0]
    ss["pg_epoch_run"] = (run_key, rounds)

    if len(epochs) > 1:
        epoch = st.select_slider(TEXT["timeline"], epochs, key="pg_epoch",
                                 help=TEXT["timeline_help"])  # fmt: skip
    else:
        epoch = epochs[0]

    h = res.history
    i = int(np.searchsorted(h["epoch"], epoch))
    m = st.columns(4)
    m[0].metric(TEXT["metric_epoch"], f"{epoch}")
    m[1].metric(TEXT["metric_train_loss"], f"{h['train_loss'][i]:.4f}")
    if "test_loss" in h:
        m[2].metric(TEXT["metric_test_loss"], f"{h['test_loss'][i]:.4f}")
        m[3].metric(TEXT["metric_test_acc"], f"{h['test_acc'][i]:.1%}")

    args = (run_key, rounds, data_key, epoch, upload, start)
    left, right = st.columns([1.05, 1])
    with left:
        boundary_panel(*args)
    with right:
        thumbnails_panel(*args)
    v = view_arrays(run_key, rounds, data_key, epoch, "all", upload, start)

    # Lazy tabs: only the open tab runs and is drawn, so a timeline step re-draws one chart
    # here instead of two (each Plotly chart re-drawn costs the browser 15–30 ms per step).
    tab_cm, tab_w = st.tabs([TEXT["confusion_tab"], TEXT["weights_tab"]], key="pg_tab",
                            on_change="rerun", bind="query-params")  # fmt: skip
    if tab_cm.open:
        with tab_cm:
            st.markdown(f"**{TEXT['confusion'].format(epoch=epoch)}**")
            left_cm, _ = st.columns([1, 1.2])
            with left_cm:
                chart(confusion_figure(v["cm"], data["classes"]), key="pg_fig_cm")
    if tab_w.open:
        with tab_w:
            st.markdown(f"**{TEXT['weights'].format(epoch=epoch)}**")
            chart(weight_hist_figure(v["hists"]), key="pg_fig_hist")

    with st.expander(TEXT["files"], expanded=False):
        d1, d2, d3 = st.columns(3)
        with d1:
            download_csv(TEXT["dl_data"], lambda: pd.concat([
                points_frame(data["X_tr"], data["y_tr"], np.full(len(data["y_tr"]), "train")),
                points_frame(data["X_te"], data["y_te"], np.full(len(data["y_te"]), "test")),
            ]), "playground_data.csv", "pg_dl_data")  # fmt: skip
            download_csv(TEXT["dl_history"], lambda: _history_frame(res),
                         "playground_history.csv", "pg_dl_hist")  # fmt: skip
        with d2:
            params, bn = res.snapshots[epoch]
            meta = {"settings": s, "epoch": int(epoch)}
            download_json(TEXT["dl_weights"], lambda: params_to_json(params, bn, meta),
                          f"playground_weights_epoch{epoch}.json", "pg_dl_weights")  # fmt: skip
            download_csv(TEXT["dl_grid"], lambda: _grid_frame(v), "playground_grid.csv",
                         "pg_dl_grid")  # fmt: skip
        with d3:
            download_csv(TEXT["dl_confusion"], lambda: _cm_frame(v["cm"]),
                         "playground_confusion.csv", "pg_dl_cm")  # fmt: skip
            download_csv(TEXT["dl_hist"], lambda: _hist_frame(v["hists"]),
                         "playground_weight_histograms.csv", "pg_dl_whist")  # fmt: skip


def _axis_labels(s: dict) -> tuple[str, str]:
    return ("x₁ (standardized)", "x₂ (standardized)") if s["data"] == UPLOAD else ("x₁", "x₂")


def _grid_frame(v: dict) -> pd.DataFrame:
    xs = v["xs"]
    gx, gy = np.meshgrid(xs, xs)
    df = pd.DataFrame({"x1": gx.ravel(), "x2": gy.ravel()})
    P = v["proba"].reshape(-1, v["proba"].shape[2])
    for c in range(P.shape[1]):
        df[f"p_class{c}"] = P[:, c]
    return df


def _cm_frame(cm: np.ndarray) -> pd.DataFrame:
    df = pd.DataFrame(cm, columns=[f"pred_{k}" for k in range(len(cm))])
    df.insert(0, "true", range(len(cm)))
    return df


def _hist_frame(hists: list[dict]) -> pd.DataFrame:
    rows = []
    for h in hists:
        for lo, hi, c in zip(h["edges"][:-1], h["edges"][1:], h["counts"], strict=True):
            rows.append({"layer": h["layer"], "bin_low": lo, "bin_high": hi, "count": int(c)})
    return pd.DataFrame(rows)


def _run_label(rid: int, row: dict) -> str:
    return f"#{rid} · {row['data set']} · {row['network']} · {row['optimizer']} lr={row['lr']:g}"


@st.fragment
def history_and_compare() -> None:
    runs: dict = ss.get("pg_runs", {})
    st.subheader(TEXT["history"])
    st.caption(TEXT["history_caption"])
    table = pd.DataFrame([{k: v for k, v in r.items() if not k.startswith("_")}
                          for r in runs.values()])  # fmt: skip
    st.dataframe(table, hide_index=True, key="pg_runs_table")
    if len(runs) < 2:
        st.caption(TEXT["compare_need"])
        return
    st.subheader(TEXT["compare"])
    ids = list(runs)
    c1, c2 = st.columns(2)
    a = c1.selectbox(TEXT["compare_a"], ids, index=len(ids) - 2, key="pg_cmp_a",
                     format_func=lambda r: _run_label(r, runs[r]))  # fmt: skip
    b = c2.selectbox(TEXT["compare_b"], ids, index=len(ids) - 1, key="pg_cmp_b",
                     format_func=lambda r: _run_label(r, runs[r]))  # fmt: skip
    hists = []
    for col, rid, color in ((c1, a, "#1f4e9c"), (c2, b, "#e4572e")):
        r = runs[rid]
        args = (r["_run_key"], r["_rounds"], r["_data_key"], r["_upload"], r["_start"])
        res = run_training(*args)
        last = max(res.snapshots)
        v = view_arrays(*args[:3], last, "all", *args[3:])
        data = load_data(r["_data_key"], r["_upload"])
        with col:
            chart(boundary_figure(
                v["xs"], v["proba"], data["X_tr"], data["y_tr"], data["X_te"], data["y_te"],
                classes=data["classes"], title=f"Run #{rid}, epoch {last}", height=440,
                axis_labels=_axis_labels(json.loads(r["_run_key"])),
            ), key=f"pg_fig_cmp_{'ab'[len(hists)]}")  # fmt: skip
        hists.append((f"#{rid}", res.history, color))
    chart(curves_figure(hists[0][1], runs=hists), key="pg_fig_cmp_curves")


def _record_run(run_key, rounds, data_key, upload, start, res: TrainResult, s: dict) -> None:
    runs = ss.setdefault("pg_runs", {})
    ident = (run_key, rounds, data_key)
    for r in runs.values():
        if r["_ident"] == ident:
            return
    h = res.history
    name = TEXT["upload_option"] if s["data"] == UPLOAD else DATASETS[s["data"]].label
    net = "-".join(str(w) for w in [len(s["feats"]), *s["hidden"]]) + " " + (
        "/".join(sorted(set(s["acts"]))) if s["acts"] else "linear")
    runs[len(runs) + 1] = {
        "data set": name, "network": net, "optimizer": OPTIMIZERS[s["opt"]].label, "lr": s["lr"],
        "batch": s["bs"], "epochs": int(h["epoch"][-1]), "seed": s["seed"],
        "start": TEXT["start_imported"].format(name=ss["pg_import"]["name"])
        if s.get("imported") and "pg_import" in ss else TEXT["start_seed"],
        "train loss": round(float(h["train_loss"][-1]), 4),
        "test loss": round(float(h["test_loss"][-1]), 4) if "test_loss" in h else None,
        "test acc": round(float(h["test_acc"][-1]), 4) if "test_acc" in h else None,
        "diverged at": res.diverged_at,
        "_ident": ident, "_run_key": run_key, "_rounds": rounds, "_data_key": data_key,
        "_upload": upload, "_start": start,
    }  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Page
# ---------------------------------------------------------------------------------------------

page_intro(TEXT["title"], TEXT["intro"])

if "pg_rounds" not in ss:
    try:
        ss["pg_rounds"] = max(0, int(st.query_params.get("pg_more", 0)))
    except ValueError:
        ss["pg_rounds"] = 0

with st.sidebar:
    d = data_ui()
    upload = ss["pg_upload"] if d["data"] == UPLOAD else None
    data_key = json.dumps(d, sort_keys=True)
    data = load_data(data_key, upload)
    net = network_ui()
    tr = training_ui(data["n_classes"])

settings = {**d, **net, **tr}
settings.pop("act")
C = data["n_classes"]
sizes = [len(settings["feats"]), *settings["hidden"], LOSSES[settings["loss"]].n_outputs(C)]
shapes = expected_shapes(sizes, settings["acts"], settings["bn"])
# Keep one round of training to about MAX_ROUND_S seconds (a deterministic estimate, so the same
# URL gives the same run on any machine); "Train more" continues from there.
per_epoch = _epoch_cost_s(len(data["y_tr"]), settings["bs"], shapes)
max_epochs = max(1, int(MAX_ROUND_S / per_epoch))
if settings["epochs"] > max_epochs:
    st.info(TEXT["capped"].format(asked=settings["epochs"], epochs=max_epochs,
                                  s=MAX_ROUND_S), icon=":material/timer:")  # fmt: skip
    settings["epochs"] = max_epochs

# Imported weights are the starting point while they fit the network.
start, imported = None, ss.get("pg_import")
if imported is not None:
    if imported["shapes"] == shapes:
        start = (imported["params"], imported["bn"])
        settings["imported"] = imported["digest"]
    else:
        st.warning(TEXT["import_stale"])
run_key = json.dumps(settings, sort_keys=True)
if ss.get("pg_last_key") not in (None, run_key):
    ss["pg_rounds"] = 0
ss["pg_last_key"] = run_key
rounds = ss["pg_rounds"]
if rounds:
    st.query_params["pg_more"] = str(rounds)
elif "pg_more" in st.query_params:
    del st.query_params["pg_more"]

with st.spinner("Training…"):
    res = run_training(run_key, rounds, data_key, upload, start)
_record_run(run_key, rounds, data_key, upload, start, res, settings)

b1, b2, b3 = st.columns([1, 1, 4], vertical_alignment="center")
b1.button(TEXT["train_more"], on_click=_train_more, icon=":material/fast_forward:",
          help=TEXT["train_more_help"], key="pg_more_btn",
          disabled=res.diverged_at is not None)  # fmt: skip
b2.button(TEXT["reset"], on_click=_reset, icon=":material/restart_alt:", help=TEXT["reset_help"],
          key="pg_reset_btn")  # fmt: skip
b3.caption(TEXT["status_diverged"].format(epochs=res.epochs_done) if res.diverged_at is not None
           else TEXT["status"].format(epochs=res.epochs_done, rounds=rounds + 1))  # fmt: skip
if res.diverged_at is not None:
    st.warning(_divergence_text(res, settings), icon=":material/warning:")

views(run_key, rounds, data_key, upload, start)

# The curves sit outside the views fragment: no view control changes them, so scrubbing the
# timeline never re-draws them (measured: it kept a fifth Plotly re-render off every step).
st.subheader(TEXT["curves"])
chart(curves_figure(res.history, diverged_at=res.diverged_at), key="pg_fig_curves")

with st.container(border=True):
    history_and_compare()

with st.expander(TEXT["import"], expanded="pg_import" in ss or "pg_import_msg" in ss):
    st.file_uploader(TEXT["import"], type=["json"], key="pg_import_file", on_change=_on_import,
                     args=(shapes,), help=TEXT["import_help"], label_visibility="collapsed")
    if "pg_import_msg" in ss:
        kind, msg = ss["pg_import_msg"]
        (st.error if kind == "error" else st.success)(msg)
    if "pg_import" in ss:
        st.button(TEXT["forget_import"], on_click=_forget_import, key="pg_forget")

