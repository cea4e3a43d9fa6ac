"""Training playground: train an MLP on 2D data and watch it learn (TensorFlow-Playground class).

Widgets -> ``Settings`` (a frozen dataclass; an uploaded CSV and imported weights are its
digests) -> cached training of a ``Run`` (settings + "Train more" rounds) -> cached view arrays
for the chosen epoch -> figures. View-only controls live in fragments and never retrain.
"""

from __future__ import annotations

import dataclasses
import hashlib

import numpy as np
import pandas as pd
import streamlit as st

from nncore.activations import ACTIVATIONS
from nncore.datasets import DATASETS, make_dataset, train_test_split
from nncore.init import INITIALIZERS
from nncore.losses import LOSSES
from nncore.mlp import HIDDEN_ACTIVATIONS, predict_proba
from nncore.optim import HYPERPARAMS, OPTIMIZERS
from nncore.playground import (
    FEATURES,
    MAX_CLASSES,
    MAX_ROWS,
    MIN_CLASSES,
    UPLOAD,
    DataSettings,
    InputError,
    Run,
    Settings,
    confusion_matrix,
    epoch_cost_s,
    feature_map,
    n_params,
    network_grid,
    params_from_json,
    params_to_json,
    plane_extent,
    plane_grid,
    shapes_of,
    sizes,
    snapshot_epochs,
    standardize,
    train_round,
    weight_histograms,
)
from nncore.train import TrainResult
from ui import disk_cache, url_state, workers
from ui.common import (
    chart,
    chunks_with_progress,
    controls,
    download_csv,
    download_json,
    page_intro,
    remember_finished,
    worker_died,
)
from ui.lecture import LectureStep, lecture_steps_ui
from ui.playground_io import MAX_BYTES, parse_points_csv, points_frame
from ui.share import lecture_mode
from ui.strings.playground import T, fig_labels
from ui.warm import WarmTask
from viz.playground_figs import (
    boundary_figure,
    boundary_player,
    boundary_png,
    confusion_figure,
    curves_figure,
    thumbnail_mosaic,
    thumbnails_figure,
    weight_hist_figure,
)

K = {  # widget keys = URL parameter names
    "data": "pg_data", "n": "pg_n", "noise": "pg_noise", "test": "pg_test", "seed": "pg_seed",
    "upload": "pg_upload_file", "feats": "pg_feat", "layers": "pg_layers", "act": "pg_act",
    "init": "pg_init", "iscale": "pg_iscale", "bn": "pg_bn", "opt": "pg_opt", "lr": "pg_lr",
    "bs": "pg_bs", "epochs": "pg_ep", "loss": "pg_loss", "l1": "pg_l1", "l2": "pg_l2",
    "drop": "pg_drop", "more": "pg_more", "epoch": "pg_epoch", "disc": "pg_disc",
    "show_test": "pg_showtest", "replay": "pg_replay", "thumb": "pg_thumb", "tab": "pg_tab",
    "cmp_a": "pg_cmp_a", "cmp_b": "pg_cmp_b", "import": "pg_import_file",
}


def width_key(l: int) -> str:
    return f"pg_w{l}"


def act_key(l: int) -> str:
    return f"pg_a{l}"


def hp_key(name: str) -> str:
    return f"pg_hp_{name}"


# Slider options (the URL stores the chosen value).
LR_OPTIONS = [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
BS_OPTIONS = [1, 2, 5, 10, 20, 32, 50, 64, 100, 128, 256, 500, 1000]
PENALTY_OPTIONS = [0.0, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1]
SCALE_OPTIONS = [0.001, 0.01, 0.05, 0.1, 0.5, 1.0, 2.0]
MAX_LAYERS, MAX_WIDTH = 8, 64
SAME = "same"
GRID_N = 100
MAX_FRAMES, REPLAY_GRID_N = 60, 60  # animation: ≤ 60 frames of 60×60 (≈ 4.8 KB each)
INLINE_S = 0.5  # estimated seconds a round may train in the script thread (else: the pool)
CHUNK_S = 0.4  # estimated seconds per worker chunk: a progress step and a picture each
MAX_CHUNKS = 20
CACHE_NAME = "playground.train"
MAX_ROUND_S = 10.0  # estimated seconds of training per round (Train more adds rounds)
BN_TINY_BATCH = 2  # batch sizes at which batch statistics say (almost) nothing
L1_WRECKS = 0.01  # L1 from which the default XOR run stays at chance (claims test)
TABS = ("confusion", "weights")

ss = st.session_state


# ---------------------------------------------------------------------------------------------
# Uploaded files: the settings hold their digest; the arrays sit in a process-wide store
# ---------------------------------------------------------------------------------------------


@st.cache_resource
def _store() -> dict:
    """digest -> arrays of uploaded CSVs and imported weights (each session re-adds its own)."""
    return {}


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def _keep(key: str, value: dict) -> None:
    ss.setdefault("pg_files", {})[key] = value
    _store()[key] = value


STORE_MAX = 256  # files kept across sessions (each ≤ ~0.3 MB); a session re-adds its own


def _register_files() -> None:
    """Put this session's files back in the store (the cached compute reads them from there);
    forget the oldest other sessions' files past STORE_MAX."""
    store, mine = _store(), ss.get("pg_files", {})
    store.update(mine)
    for key in [k for k in store if k not in mine][: max(0, len(store) - STORE_MAX)]:
        store.pop(key, None)


def file_name(key: str) -> str:
    return ss.get("pg_files", {}).get(key, {}).get("name", key)


def error_text(exc: InputError, lang: str | None = None) -> str:
    """An InputError in the page's language (or ``lang``)."""
    if exc.code == "json_mismatch":
        v = exc.values
        parts = [T("mismatch_missing", lang, keys=v["missing"])] if v["missing"] else []
        parts += [T("mismatch_extra", lang, keys=v["extra"])] if v["extra"] else []
        arch = (T("mismatch_arch", lang, have=v["have"], want=v["want"])
                if v["have"] and v["want"] else "")
        return T("err_json_mismatch", lang, detail="; ".join(parts), arch=arch)
    return T(f"err_{exc.code}", lang, **exc.values)


# ---------------------------------------------------------------------------------------------
# Cached compute
# ---------------------------------------------------------------------------------------------


@st.cache_data(max_entries=16, show_spinner=False)
def load_data(d: DataSettings) -> dict:
    """Train/test points for the data settings (an upload comes from the store by digest)."""
    rng = np.random.default_rng(d.seed)
    classes = None
    if d.data == UPLOAD:
        up = _store()[d.upload]
        X, _, _ = standardize(up["X"])
        y, classes = up["y"], [int(c) for c in up["classes"]]
    else:
        X, y = make_dataset(d.data, d.n, d.noise, rng)
    X_tr, y_tr, X_te, y_te = train_test_split(X, y, d.test, rng)
    return {
        "X_tr": X_tr, "y_tr": y_tr, "X_te": X_te, "y_te": y_te,
        "n_classes": int(len(classes) if classes is not None else DATASETS[d.data].n_classes),
        "classes": classes, "extent": plane_extent(X_tr, X_te),
    }


def _round_start(run: Run) -> tuple[TrainResult | None, tuple, int]:
    """The earlier rounds' result (None for the first round), the state this round starts
    from (params, bn_state, opt_state) and its first epoch."""
    s = run.s
    if run.rounds == 0:
        start = _store()[s.imported] if s.imported else {"params": None, "bn": None}
        return None, (start["params"], start["bn"], None), 0
    prev = run_training(Run(s, run.rounds - 1))
    return prev, (prev.params, prev.bn_state, prev.opt_state), prev.epochs_done


def _job(s: Settings, first: int) -> dict:
    """What a chunk of this round needs (arrays and ids only: it is sent to a worker)."""
    data = load_data(s.data)
    shapes = shapes_of(s, data["n_classes"])
    return {
        "X": feature_map(data["X_tr"], s.feats), "y": data["y_tr"],
        "X_test": feature_map(data["X_te"], s.feats), "y_test": data["y_te"],
        "sizes": sizes(s, data["n_classes"]),
        "snaps": tuple(snapshot_epochs(first, s.epochs, n_params(shapes))),
        "kw": {
            "activation": list(s.acts), "init": s.init, "init_scale": s.iscale,
            "optimizer": s.opt, "opt_hp": {"lr": s.lr, **dict(s.hp)}, "loss": s.loss,
            "batch_size": s.bs, "l1": s.l1, "l2": s.l2, "dropout": s.drop,
            "batchnorm": s.bn, "seed": s.data.seed,
        },
    }


def _join(prev: TrainResult | None, cur: TrainResult) -> TrainResult:
    """Earlier rounds followed by this one (``cur`` starts where ``prev`` ended)."""
    if prev is None:
        return cur
    history = {k: np.concatenate([prev.history[k], cur.history[k][1:]]) for k in prev.history}
    return TrainResult(
        cur.params, cur.bn_state, cur.opt_state, history,
        {**prev.snapshots, **cur.snapshots}, cur.diverged_at, cur.reason,
    )


def _train_here(run: Run) -> TrainResult:
    prev, start, first = _round_start(run)
    if prev is not None and prev.diverged_at is not None:
        return prev
    *_, (_, _, cur) = train_round(start, _job(run.s, first), first, run.s.epochs)
    return _join(prev, cur)


@st.cache_data(max_entries=16, show_spinner=False)
def run_training(run: Run) -> TrainResult:
    """Training for the settings, continued ``run.rounds`` extra times ("Train more"): from the
    disk cache shared by every session and server process, else trained here.

    Continuing from (params, bn_state, opt_state, epoch) equals one long run (per-epoch
    shuffling is seeded by (seed, epoch)), so every round is a deterministic cache entry.
    """
    return disk_cache.cached(CACHE_NAME, run, lambda: _train_here(run))


@st.cache_resource
def _finished() -> set:
    """Runs this server process has trained or loaded (a cheap check before the pool)."""
    return set()


def round_seconds(run: Run) -> float:
    data = load_data(run.s.data)
    per_epoch = epoch_cost_s(len(data["y_tr"]), run.s.bs, shapes_of(run.s, data["n_classes"]))
    return per_epoch * run.s.epochs


def _on_disk(run: Run) -> bool:
    return disk_cache.contains(CACHE_NAME, run)


def train(run: Run) -> TrainResult:
    """The run's result: cached or short runs at once; a long round not yet on disk trains in
    the worker pool chunk by chunk, with a progress bar and the boundary so far."""
    if run in _finished() or round_seconds(run) <= INLINE_S or _on_disk(run):
        res = run_training(run)
    else:
        if run.rounds:
            train(Run(run.s, run.rounds - 1))
        try:
            res = _train_pooled(run)
        except workers.WorkerCrashed:
            worker_died()
    remember_finished(_finished(), run)
    return res


def _train_pooled(run: Run) -> TrainResult:
    prev, start, first = _round_start(run)
    if prev is not None and prev.diverged_at is not None:
        return run_training(run)
    s, total = run.s, first + run.s.epochs
    n_chunks = int(np.clip(np.ceil(round_seconds(run) / CHUNK_S), 2, MAX_CHUNKS))
    cur = chunks_with_progress(
        train_round(start, _job(s, first), first, s.epochs, n_chunks, run_chunk=workers.run),
        T("training_progress", epoch=first, total=total),
        lambda cur: T("training_progress", epoch=cur.epochs_done, total=total),
        lambda cur: live_picture(s, cur))
    disk_cache.put(CACHE_NAME, run, _join(prev, cur))
    return run_training(run)


def live_picture(s: Settings, cur: TrainResult) -> None:
    """The boundary after the latest chunk, on a coarse grid (drawn while training goes on)."""
    data = load_data(s.data)
    g = network_grid(cur.params, s.feats, list(s.acts), s.loss, cur.bn_state, data["extent"],
                     REPLAY_GRID_N)
    left, _ = st.columns([1, 1])
    with left:
        chart(boundary_figure(
            g.xs, g.proba.astype(np.float32), data["X_tr"], data["y_tr"], labels=fig_labels(),
            show_test=False, classes=data["classes"], axis_labels=axis_labels(s), height=360,
            title=T("live_title", epoch=cur.epochs_done),
        ))


@st.cache_data(max_entries=8, show_spinner=False)
def replay_arrays(run: Run) -> dict:
    """The boundary at (up to MAX_FRAMES) snapshot epochs on a coarse grid, for the animation."""
    s, res, data = run.s, run_training(run), load_data(run.s.data)
    epochs = sorted(res.snapshots)
    pick = np.unique(np.linspace(0, len(epochs) - 1, min(MAX_FRAMES, len(epochs))).round())
    epochs = [epochs[int(i)] for i in pick]
    grids = []
    for e in epochs:
        params, bn = res.snapshots[e]
        g = network_grid(params, s.feats, list(s.acts), s.loss, bn, data["extent"],
                         REPLAY_GRID_N)
        grids.append(g.proba.astype(np.float32))
    return {"xs": plane_grid(data["extent"], REPLAY_GRID_N)[0], "grids": grids, "epochs": epochs}


@st.cache_data(max_entries=8, show_spinner=False)
def replay_pictures(run: Run, discretize: bool) -> tuple[str, ...]:
    """The replay's boundary pictures (PNG data URIs), encoded once per run and shading, not
    on every timeline step (~10 ms for 51 pictures)."""
    return tuple(boundary_png(g, discretize) for g in replay_arrays(run)["grids"])


@st.cache_data(max_entries=64, show_spinner=False)
def view_arrays(run: Run, epoch: int, thumb: str) -> dict:
    """Everything the views draw for one epoch: grid probabilities, mosaic, confusion, histograms.
    ``thumb``: "all" or the hidden layer (1-based) whose thumbnails are shown with the inputs."""
    s, res, data = run.s, run_training(run), load_data(run.s.data)
    params, bn = res.snapshots[epoch]
    grid = network_grid(params, s.feats, list(s.acts), s.loss, bn, data["extent"], GRID_N)
    layers, shown = [grid.inputs, *grid.hidden], list(range(len(s.acts) + 1))
    if thumb != "all":
        shown = [0, int(thumb)]
        layers = [layers[i] for i in shown]
    pred = predict_proba(params, feature_map(data["X_te"], s.feats), list(s.acts), s.loss,
                         bn or None).argmax(axis=1)
    return {
        "xs": grid.xs, "proba": grid.proba.astype(np.float32), "n_bad": grid.n_bad,
        "mosaic": thumbnail_mosaic(layers), "layers": shown,
        "cm": confusion_matrix(data["y_te"], pred, data["n_classes"]),
        "hists": weight_histograms(params),
    }


# ---------------------------------------------------------------------------------------------
# Labels of the menus (ids in the URL; old links with English labels open through aliases)
# ---------------------------------------------------------------------------------------------


def dataset_label(key: str, upload_name: str = "") -> str:
    if key == UPLOAD:
        return T("upload_option", name=upload_name)
    return T("dataset_option", name=T(f"ds_{key}"), c=DATASETS[key].n_classes)


def act_label(a: str) -> str:
    return T(f"act_{a}")


def _aliases(ids, *labelers) -> dict:
    """Old URL values (labels) -> ids: nncore's English labels and both languages' labels."""
    out = {}
    for i in ids:
        for f in labelers:
            out[f(i)] = i
    return out


def _both(prefix: str):
    return [lambda i, lang=lang: T(f"{prefix}{i}", lang) for lang in ("en", "ko")]


DATA_ALIASES = {
    **{f"{d.label} ({d.n_classes} classes)": k for k, d in DATASETS.items()},
    "Uploaded CSV": UPLOAD,
}
ACT_ALIASES = {
    **_aliases(HIDDEN_ACTIVATIONS, lambda a: ACTIVATIONS[a].label if a in ACTIVATIONS else a,
               *_both("act_")),
    "Maxout (k = 2)": "maxout",
}
INIT_ALIASES = _aliases(INITIALIZERS, lambda k: INITIALIZERS[k].label, *_both("init_"))
OPT_ALIASES = _aliases(OPTIMIZERS, lambda k: OPTIMIZERS[k].label)
LOSS_ALIASES = _aliases(LOSSES, lambda k: LOSSES[k].label, *_both("loss_"))
FEAT_ALIASES = {f.label: k for k, f in FEATURES.items()}
TAB_ALIASES = {T(f"{t}_tab", lang): t for t in TABS for lang in ("en", "ko")}
THUMB_ALIASES = {T("thumb_all", lang): "all" for lang in ("en", "ko")}
LAYER_ACT_ALIASES = {**ACT_ALIASES, **{T("same", lang): SAME for lang in ("en", "ko")}}
QP = {"bind": "query-params"}


# ---------------------------------------------------------------------------------------------
# Callbacks
# ---------------------------------------------------------------------------------------------


def _on_upload() -> None:
    f = ss.get(K["upload"])
    ss.pop("pg_upload_msg", None)
    if f is None:
        return
    raw = f.getvalue()
    try:
        X, y, classes = parse_points_csv(raw)
    except InputError as exc:
        ss["pg_upload_msg"] = ("error", ("upload_bad", f.name, exc))
        return
    key = "csv-" + digest(raw)
    _keep(key, {"X": X, "y": y, "classes": classes, "name": f.name})
    ss["pg_upload"] = key
    ss[K["data"]] = UPLOAD
    ss.pop("pg_upload_missing", None)
    ss["pg_upload_msg"] = ("success", (len(y), len(classes), f.name))


def _on_import(shapes: dict) -> None:
    f = ss.get(K["import"])
    ss.pop("pg_import_error", None)
    if f is None:
        return
    raw = f.getvalue()
    try:
        params, bn, _meta = params_from_json(raw, shapes)
    except InputError as exc:
        ss["pg_import_error"] = (f.name, exc)
        return
    key = "weights-" + digest(raw)
    _keep(key, {"params": params, "bn": bn, "name": f.name})
    ss["pg_import"] = {"key": key, "shapes": shapes}


def _forget_import() -> None:
    ss.pop("pg_import", None)
    ss.pop("pg_import_error", None)


def _train_more() -> None:
    ss["pg_rounds"] = ss.get("pg_rounds", 0) + 1
    ss["pg_goto"] = "end"


def _reset() -> None:
    ss["pg_rounds"] = 0
    ss["pg_goto"] = "start"


def _dataset_changed() -> None:
    ss.pop("pg_upload_missing", None)


# ---------------------------------------------------------------------------------------------
# Settings UI (sidebar)
# ---------------------------------------------------------------------------------------------


def _upload_link_check() -> None:
    """A copied link can name uploaded data (pg_data=upload, or 'Uploaded CSV' in old links),
    which is not in the URL: on a session's first run without an upload, say so."""
    if K["data"] in ss or "pg_upload" in ss:
        return
    if st.query_params.get(K["data"]) in (UPLOAD, "Uploaded CSV"):
        ss["pg_upload_missing"] = True


def _upload_messages() -> None:
    if ss.get("pg_upload_missing") and "pg_upload" not in ss:
        st.warning(T("upload_missing"), icon=":material/upload_file:")
    kind, info = ss.get("pg_upload_msg", (None, None))
    if kind == "error":
        _, name, exc = info
        st.error(T("upload_bad", name=name, error=error_text(exc)))
    elif kind == "success":
        n, c, name = info
        st.success(T("upload_ok", n=n, c=c, name=name))


def data_ui() -> DataSettings:
    st.header(T("data"))
    _upload_link_check()
    options = list(DATASETS) + ([UPLOAD] if "pg_upload" in ss else [])
    upload_name = file_name(ss["pg_upload"]) if "pg_upload" in ss else ""
    name = url_state.selectbox(T("dataset"), options, key=K["data"], default="xor",
                               format_func=lambda k: dataset_label(k, upload_name),
                               aliases=DATA_ALIASES, on_change=_dataset_changed)
    up = name == UPLOAD
    n = st.slider(T("n_points"), 50, 2000, 500, 50, key=K["n"], disabled=up, **QP)
    noise = st.slider(T("noise"), 0.0, 0.5, 0.05, 0.01, key=K["noise"], disabled=up, **QP)
    test = st.slider(T("test_frac"), 0.1, 0.9, 0.3, 0.05, key=K["test"], **QP)
    seed = st.number_input(T("seed"), 0, 1_000_000, 0, 1, key=K["seed"], **QP)
    st.file_uploader(T("upload"), type=["csv"], key=K["upload"], on_change=_on_upload,
                     help=T("upload_help", min_c=MIN_CLASSES, max_c=MAX_CLASSES, rows=MAX_ROWS,
                            mb=MAX_BYTES // 1_000_000))
    _upload_messages()
    return DataSettings(name, int(n), float(noise), float(test), int(seed),
                        ss["pg_upload"] if up else "")


def features_ui() -> tuple[str, ...]:
    """Input-feature pills; the URL holds their ids comma-separated (old links: one parameter
    per feature label, pg_feat=x₁&pg_feat=x₂)."""
    key, default = K["feats"], ["x1", "x2"]
    if key not in ss and key in st.query_params:
        parts = [p.strip() for v in st.query_params.get_all(key) for p in v.split(",")]
        ss[key] = [f for f in FEATURES if f in {FEAT_ALIASES.get(p, p) for p in parts}]
    kwargs = {} if key in ss else {"default": default}
    picked = st.pills(T("features"), list(FEATURES), selection_mode="multi", key=key,
                      format_func=lambda k: FEATURES[k].label, help=T("features_help"),
                      **kwargs)
    feats = [f for f in FEATURES if f in (picked or [])] or default
    url_state.write_url(key, ",".join(feats), ",".join(default))
    return tuple(feats)


def layers_ui(act: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    n_layers = st.slider(T("layers"), 0, MAX_LAYERS, 2, key=K["layers"], **QP)
    widths, acts = [], []
    with st.expander(T("per_layer"), expanded=n_layers > 0):
        for l in range(1, n_layers + 1):
            c1, c2 = st.columns([1, 1.4])
            with c1:
                widths.append(int(st.number_input(T("width", l=l), 1, MAX_WIDTH, 8, 1,
                                                  key=width_key(l), **QP)))
            with c2:
                override = url_state.selectbox(
                    T("act_layer", l=l), [SAME, *HIDDEN_ACTIVATIONS], key=act_key(l),
                    default=SAME, aliases=LAYER_ACT_ALIASES,
                    format_func=lambda a: T("same") if a == SAME else act_label(a),
                )
            acts.append(act if override == SAME else override)
    return tuple(widths), tuple(acts)


def network_ui() -> dict:
    st.header(T("network"))
    feats = features_ui()
    act = url_state.selectbox(T("act"), HIDDEN_ACTIVATIONS, key=K["act"], default="tanh",
                              format_func=act_label, aliases=ACT_ALIASES)
    hidden, acts = layers_ui(act)
    init = url_state.selectbox(T("init"), list(INITIALIZERS), key=K["init"],
                               default="xavier_normal", aliases=INIT_ALIASES,
                               format_func=lambda k: T(f"init_{k}"))
    iscale = None
    if INITIALIZERS[init].uses_scale:
        iscale = float(st.select_slider(T("init_scale"), SCALE_OPTIONS, 0.1, key=K["iscale"],
                                        **QP))
    bn = st.toggle(T("bn"), False, key=K["bn"], **QP)
    return {"feats": feats, "hidden": hidden, "acts": acts, "init": init, "iscale": iscale,
            "bn": bool(bn)}


def optimizer_ui() -> dict:
    opt = url_state.selectbox(T("opt"), list(OPTIMIZERS), key=K["opt"], default="adam",
                              format_func=lambda k: OPTIMIZERS[k].label,
                              aliases=OPT_ALIASES)
    lr = st.select_slider(T("lr"), LR_OPTIONS, 0.01, key=K["lr"], **QP)
    hp = {}
    extra = [k for k in OPTIMIZERS[opt].defaults if k != "lr"]
    if extra:
        cols = st.columns(2)
        for i, k in enumerate(extra):
            spec = HYPERPARAMS[k]
            with cols[i % 2]:
                hp[k] = float(st.number_input(
                    T(f"hp_{k}"), float(spec.low), float(spec.high),
                    float(OPTIMIZERS[opt].defaults[k]), format="%.0e" if spec.log else "%.4g",
                    step=None if spec.log else 0.01, key=hp_key(k), **QP,
                ))
    return {"opt": opt, "lr": float(lr), "hp": tuple(sorted(hp.items()))}


def training_ui(n_classes: int) -> dict:
    st.header(T("training"))
    opt = optimizer_ui()
    bs = st.select_slider(T("bs"), BS_OPTIONS, 10, key=K["bs"], **QP)
    epochs = st.slider(T("epochs"), 10, 1000, 100, 10, key=K["epochs"], **QP)
    loss = url_state.selectbox(T("loss"), list(LOSSES), key=K["loss"], default="softmax_ce",
                               format_func=lambda k: T(f"loss_{k}"),
                               aliases=LOSS_ALIASES)
    if loss == "bce" and n_classes != 2:
        st.caption(T("bce_multiclass", c=n_classes))
        loss = "softmax_ce"
    c1, c2 = st.columns(2)
    with c1:
        l1 = st.select_slider(T("l1"), PENALTY_OPTIONS, 0.0, key=K["l1"], **QP)
    with c2:
        l2 = st.select_slider(T("l2"), PENALTY_OPTIONS, 0.0, key=K["l2"], **QP)
    drop = st.slider(T("dropout"), 0.0, 0.8, 0.0, 0.05, key=K["drop"], **QP)
    return {**opt, "bs": int(bs), "epochs": int(epochs), "loss": loss, "l1": float(l1),
            "l2": float(l2), "drop": float(drop)}


def settings_ui() -> tuple[Settings, dict]:
    """The sidebar's settings (epochs as asked, no imported weights yet) and their data."""
    with controls():
        d = data_ui()
        data = load_data(d)
        net = network_ui()
        tr = training_ui(data["n_classes"])
    return Settings(data=d, **net, **tr), data


def capped(s: Settings, data: dict) -> Settings:
    """One round of training kept to about MAX_ROUND_S (Train more continues from there)."""
    per_epoch = epoch_cost_s(len(data["y_tr"]), s.bs, shapes_of(s, data["n_classes"]))
    return dataclasses.replace(s, epochs=min(s.epochs, max(1, int(MAX_ROUND_S / per_epoch))))


def cap_epochs(s: Settings, data: dict) -> Settings:
    out = capped(s, data)
    if out.epochs < s.epochs:
        st.info(T("capped", asked=s.epochs, epochs=out.epochs, s=MAX_ROUND_S),
                icon=":material/timer:")
    return out


def import_state(s: Settings, data: dict) -> tuple[Settings, str]:
    """The imported weights' state, one of none / fits / stale; the settings start from them
    when they fit the network."""
    imp = ss.get("pg_import")
    if imp is None:
        return s, "none"
    if imp["shapes"] == shapes_of(s, data["n_classes"]):
        return dataclasses.replace(s, imported=imp["key"]), "fits"
    return s, "stale"


def import_message(state: str) -> None:
    """One message for the one state of the imported weights."""
    imp = ss.get("pg_import")
    if state == "fits":
        st.success(T("import_ok", name=file_name(imp["key"])), icon=":material/upload_file:")
    elif state == "stale":
        shapes = imp["shapes"]
        widths = [shapes["W1"][0]] + [shapes[f"W{l}"][1] for l in range(1, len(shapes) + 1)
                                      if f"W{l}" in shapes]
        want = "-".join(map(str, widths))
        st.warning(T("import_stale", name=file_name(imp["key"]), want=want),
                   icon=":material/warning:")


# ---------------------------------------------------------------------------------------------
# What the settings compute, and where they go wrong
# ---------------------------------------------------------------------------------------------

LOSS_TERMS = {
    "softmax_ce": r"\ell_i = -\log \operatorname{softmax}(z_i)_{y_i}",
    "bce": r"\ell_i = -y_i \log \sigma(z_i) - (1 - y_i) \log\big(1 - \sigma(z_i)\big)",
    "mse": r"\ell_i = \tfrac{1}{C} \lVert z_i - t_i \rVert^2",
}


def formulas_ui(s: Settings) -> None:
    """The lecture's formulas for the chosen loss, penalties, batch norm, dropout, optimizer."""
    with st.expander(T("formulas"), icon=":material/function:"):
        st.markdown(T("f_loss"))
        st.latex(r"L(W) = \frac{1}{B} \sum_{i=1}^{B} \ell_i + \frac{\lambda_2}{2} \sum_l "
                 r"\lVert W_l \rVert^2 + \lambda_1 \sum_l \sum_{jk} |W_{l,jk}|,\qquad "
                 + LOSS_TERMS[s.loss]
                 + rf",\qquad \lambda_1 = {s.l1:g},\ \lambda_2 = {s.l2:g}")
        st.caption(T("f_data_mse" if s.loss == "mse" else "f_data_ce"))
        st.markdown(T("f_bn"))
        st.latex(r"\mu_B = \frac{1}{B}\sum_{i} z_i,\quad \sigma_B^2 = \frac{1}{B}\sum_i "
                 r"(z_i - \mu_B)^2,\quad \hat z_i = \frac{z_i - \mu_B}{\sqrt{\sigma_B^2 + "
                 r"\epsilon}},\quad y_i = \gamma\, \hat z_i + \beta")
        st.markdown(T("f_dropout"))
        st.latex(rf"a \leftarrow \frac{{m \odot a}}{{1 - p}},\quad m_j \sim "
                 rf"\operatorname{{Bernoulli}}(1 - p),\quad p = {s.drop:g}")
        st.markdown(T("f_opt", opt=OPTIMIZERS[s.opt].label))
        st.latex(OPTIMIZERS[s.opt].formula)


def _pct(x: float) -> str:
    return f"{x:.0%}"


def advice_ui(s: Settings, res: TrainResult, data: dict) -> None:
    """Plain-language warnings: divergence, batch norm on 1-2 points, a strong L1 pull."""
    if res.diverged_at is not None:
        last = max(e for e in res.snapshots if e < res.diverged_at)
        bad_init = s.init in ("normal", "uniform", "orthogonal", "zeros")
        st.warning(T(
            "diverged", epoch=res.diverged_at, last=last, lr_hint=f"{s.lr / 10:g}",
            bn_hint="" if s.bn else T("bn_hint"),
            init_hint=T("init_hint", init=T(f"init_{s.init}")) if bad_init else "",
        ), icon=":material/warning:")
        return
    h = res.history
    acc = _pct(float(h["test_acc"][-1])) if "test_acc" in h else "–"
    chance = _pct(1.0 / data["n_classes"])
    if s.bn and s.bs <= BN_TINY_BATCH:
        st.warning(T("warn_bn_batch", bs=s.bs, acc=acc, chance=chance), icon=":material/school:")
    if s.l1 >= L1_WRECKS:
        st.warning(T("warn_l1", l1=f"{s.l1:g}", acc=acc, chance=chance),
                   icon=":material/school:")


# ---------------------------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------------------------


def axis_labels(s: Settings) -> tuple[str, str]:
    if s.data.data == UPLOAD:
        return T("axis_std", x="x₁"), T("axis_std", x="x₂")
    return "x₁", "x₂"


def layer_titles(s: Settings, shown: list[int]) -> list[str]:
    titles = [T("inputs")] + [T("layer_title", l=i + 1, act=act_label(a).split(" (")[0])
                              for i, a in enumerate(s.acts)]
    return [titles[i] for i in shown]


@st.fragment
def boundary_panel(run: Run, epoch: int) -> None:
    """The boundary with its own toggles: flipping one re-draws this chart only."""
    s, data = run.s, load_data(run.s.data)
    st.subheader(T("boundary", epoch=epoch))
    # a row that wraps: three equal columns cut "Discretize" short in half a 1280-px page
    with st.container(horizontal=True, gap="medium"):
        disc = st.toggle(T("discretize"), False, key=K["disc"], help=T("discretize_help"),
                         width="content", **QP)
        # Off by default, as in TF Playground (and 30 % fewer SVG points to draw per step).
        show_test = st.toggle(T("show_test"), False, key=K["show_test"],
                              help=T("show_test_help"), width="content", **QP)
        replay = st.toggle(T("replay"), False, key=K["replay"], help=T("replay_help"),
                           width="content", **QP)
    v = view_arrays(run, epoch, "all")
    xs, proba, player, labels = v["xs"], v["proba"], None, fig_labels()
    if replay:  # the player opens at the timeline's epoch (and plays on from there)
        r = replay_arrays(run)
        player = boundary_player(replay_pictures(run, disc), r["epochs"], labels=labels,
                                 at=epoch)
        xs, proba = r["xs"], r["grids"][player.first]
    chart(boundary_figure(
        xs, proba, data["X_tr"], data["y_tr"], data["X_te"], data["y_te"],
        labels=labels, discretize=disc, show_test=show_test, classes=data["classes"],
        axis_labels=axis_labels(s),
    ), key="pg_fig_boundary", player=player)
    if v["n_bad"]:
        st.caption(T("grid_bad", n=v["n_bad"]))


@st.fragment
def thumbnails_panel(run: Run, epoch: int) -> None:
    """Per-neuron thumbnails with the layer picker: picking a layer re-draws this chart only."""
    n_hidden = len(run.s.hidden)
    st.subheader(T("thumbs", epoch=epoch))
    thumb = "all"
    if n_hidden:
        opts = ["all", *[str(l) for l in range(1, n_hidden + 1)]]
        thumb = url_state.segmented(
            T("thumb_layer"), opts, key=K["thumb"], default="all", aliases=THUMB_ALIASES,
            label_visibility="collapsed", format_func=lambda o: T("thumb_all") if o == "all" else o,
        )
    v = view_arrays(run, epoch, thumb)
    chart(thumbnails_figure(v["mosaic"], layer_titles(run.s, v["layers"]),
                            [FEATURES[f].label for f in run.s.feats]),
          key="pg_fig_thumbs")
    if not n_hidden:
        st.caption(T("no_hidden"))
    st.caption(T("thumbs_caption"))


def _timeline(run: Run, epochs: list[int]) -> int:
    """The timeline's epoch: a new run (or Train more) moves it to the end, Reset to the start."""
    goto = ss.pop("pg_goto", None)
    if goto == "end" or ss.get(K["epoch"]) not in epochs or ss.get("pg_epoch_run") != run:
        ss[K["epoch"]] = epochs[-1]
    if goto == "start":
        ss[K["epoch"]] = epochs[0]
    ss["pg_epoch_run"] = run
    if len(epochs) == 1:
        return epochs[0]
    return st.select_slider(T("timeline"), epochs, key=K["epoch"], help=T("timeline_help"))


def _status(res: TrainResult, rounds: int, epoch: int) -> str:
    if res.diverged_at is not None:
        return T("status_diverged", epochs=res.epochs_done)
    if epoch == 0 and res.epochs_done > 0:
        return T("status_start", epochs=res.epochs_done)
    return T("status", epochs=res.epochs_done, rounds=rounds + 1, shown=epoch)


def _metrics(res: TrainResult, epoch: int) -> None:
    h = res.history
    i = int(np.searchsorted(h["epoch"], epoch))
    m = st.columns(4)
    m[0].metric(T("metric_epoch"), f"{epoch}")
    m[1].metric(T("metric_train_loss"), f"{h['train_loss'][i]:.4f}")
    if "test_loss" in h:
        m[2].metric(T("metric_test_loss"), f"{h['test_loss'][i]:.4f}")
        m[3].metric(T("metric_test_acc"), f"{h['test_acc'][i]:.1%}")


@st.fragment
def views(run: Run) -> None:
    """Timeline, boundary, thumbnails, confusion, weights: a timeline step reruns only this."""
    res, data = run_training(run), load_data(run.s.data)
    epochs = sorted(res.snapshots)
    status = st.empty()
    epoch = _timeline(run, epochs)
    status.caption(_status(res, run.rounds, epoch))
    _metrics(res, epoch)
    left, right = st.columns([1.05, 1])
    with left:
        boundary_panel(run, epoch)
    with right:
        thumbnails_panel(run, epoch)
    v = view_arrays(run, epoch, "all")
    # Only the chosen table is built and drawn, so a timeline step re-draws one chart here
    # instead of two (each Plotly chart re-drawn costs the browser 15–30 ms per step).
    tab = url_state.segmented(T("view_tab"), list(TABS), key=K["tab"], default="confusion",
                              aliases=TAB_ALIASES, label_visibility="collapsed",
                              format_func=lambda t: T(f"{t}_tab"))
    labels = fig_labels()
    if tab == "confusion":
        st.markdown(f"**{T('confusion', epoch=epoch)}**")
        left_cm, _ = st.columns([1, 1.2])
        with left_cm:
            chart(confusion_figure(v["cm"], data["classes"], labels=labels), key="pg_fig_cm")
    else:
        st.markdown(f"**{T('weights', epoch=epoch)}**")
        chart(weight_hist_figure(v["hists"], labels=labels), key="pg_fig_hist")
    downloads_ui(run, res, data, epoch, v)


def downloads_ui(run: Run, res: TrainResult, data: dict, epoch: int, v: dict) -> None:
    with st.expander(T("files"), expanded=False):
        d1, d2, d3 = st.columns(3)
        with d1:
            download_csv(T("dl_data"), lambda: pd.concat([
                points_frame(data["X_tr"], data["y_tr"], np.full(len(data["y_tr"]), "train")),
                points_frame(data["X_te"], data["y_te"], np.full(len(data["y_te"]), "test")),
            ]), "playground_data.csv", "pg_dl_data")
            download_csv(T("dl_history"), lambda: history_frame(res),
                         "playground_history.csv", "pg_dl_hist")
        with d2:
            params, bn = res.snapshots[epoch]
            meta = {"settings": settings_record(run.s), "epoch": int(epoch)}
            download_json(T("dl_weights"), lambda: params_to_json(params, bn, meta),
                          f"playground_weights_epoch{epoch}.json", "pg_dl_weights")
            download_csv(T("dl_grid"), lambda: grid_frame(v), "playground_grid.csv",
                         "pg_dl_grid")
        with d3:
            download_csv(T("dl_confusion"), lambda: cm_frame(v["cm"]),
                         "playground_confusion.csv", "pg_dl_cm")
            download_csv(T("dl_hist"), lambda: hist_frame(v["hists"]),
                         "playground_weight_histograms.csv", "pg_dl_whist")


def settings_record(s: Settings) -> dict:
    """The settings as plain JSON (ids and numbers) for the weights file's metadata."""
    rec = dataclasses.asdict(s)
    rec["hp"] = dict(s.hp)
    return rec


def history_frame(res: TrainResult) -> pd.DataFrame:
    return pd.DataFrame(dict(res.history)).astype({"epoch": int})


def grid_frame(v: dict) -> pd.DataFrame:
    gx, gy = np.meshgrid(v["xs"], v["xs"])
    df = pd.DataFrame({"x1": gx.ravel(), "x2": gy.ravel()})
    P = v["proba"].reshape(-1, v["proba"].shape[2])
    for c in range(P.shape[1]):
        df[f"p_class{c}"] = P[:, c]
    return df


def cm_frame(cm: np.ndarray) -> pd.DataFrame:
    df = pd.DataFrame(cm, columns=[f"pred_{k}" for k in range(len(cm))])
    df.insert(0, "true", range(len(cm)))
    return df


def hist_frame(hists: list[dict]) -> pd.DataFrame:
    rows = []
    for h in hists:
        for lo, hi, c in zip(h["edges"][:-1], h["edges"][1:], h["counts"], strict=True):
            rows.append({"layer": h["layer"], "bin_low": lo, "bin_high": hi, "count": int(c)})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# Run history and comparison
# ---------------------------------------------------------------------------------------------


def record_run(run: Run, res: TrainResult) -> None:
    """One history row per completed run (trained and drawn; a continued run is a new row, a
    run seen before is not)."""
    runs = ss.setdefault("pg_runs", {})
    if any(r["run"] == run for r in runs.values()):
        return
    h = res.history
    runs[len(runs) + 1] = {
        "run": run, "epochs": int(h["epoch"][-1]), "diverged": res.diverged_at,
        "train_loss": round(float(h["train_loss"][-1]), 4),
        "test_loss": round(float(h["test_loss"][-1]), 4) if "test_loss" in h else None,
        "test_acc": round(float(h["test_acc"][-1]), 4) if "test_acc" in h else None,
    }


def _data_name(d: DataSettings) -> str:
    return T("upload_option", name=file_name(d.upload)) if d.data == UPLOAD else T(f"ds_{d.data}")


def _net_name(s: Settings) -> str:
    acts = "/".join(act_label(a).split(" (")[0] for a in sorted(set(s.acts)))
    return "-".join(str(w) for w in [len(s.feats), *s.hidden]) + " " + (acts or T("linear_net"))


def runs_frame(runs: dict) -> pd.DataFrame:
    rows = []
    for rid, r in runs.items():
        s = r["run"].s
        rows.append({
            "#": rid, T("col_dataset"): _data_name(s.data), T("col_network"): _net_name(s),
            T("col_optimizer"): OPTIMIZERS[s.opt].label, T("col_lr"): s.lr,
            T("col_batch"): s.bs, T("col_epochs"): r["epochs"], T("col_seed"): s.data.seed,
            T("col_start"): T("start_imported", name=file_name(s.imported)) if s.imported
            else T("start_seed"),
            T("col_train_loss"): r["train_loss"], T("col_test_loss"): r["test_loss"],
            T("col_test_acc"): r["test_acc"], T("col_diverged"): r["diverged"],
        })
    return pd.DataFrame(rows)


def _run_label(rid: int, r: dict) -> str:
    s = r["run"].s
    return f"#{rid} · {_data_name(s.data)} · {_net_name(s)} · {OPTIMIZERS[s.opt].label} lr={s.lr:g}"


def _compare_pickers(runs: dict) -> tuple[int, int]:
    """Run A and B; whenever a run is added they move to the two latest."""
    ids = list(runs)
    if ss.get("pg_cmp_n") != len(ids) or ss.get(K["cmp_a"]) not in ids:
        ss[K["cmp_a"]], ss[K["cmp_b"]] = ids[-2], ids[-1]
    ss["pg_cmp_n"] = len(ids)
    c1, c2 = st.columns(2)
    with c1:
        a = st.selectbox(T("compare_a"), ids, key=K["cmp_a"],
                         format_func=lambda r: _run_label(r, runs[r]))
    with c2:
        b = st.selectbox(T("compare_b"), ids, key=K["cmp_b"],
                         format_func=lambda r: _run_label(r, runs[r]))
    return a, b


@st.fragment
def history_and_compare() -> None:
    runs: dict = ss.get("pg_runs", {})
    st.subheader(T("history"))
    st.caption(T("history_caption"))
    table = runs_frame(runs)
    st.dataframe(table, hide_index=True, key="pg_runs_table")
    download_csv(T("dl_runs"), lambda: table, "playground_runs.csv", "pg_dl_runs")
    if len(runs) < 2:
        st.caption(T("compare_need"))
        return
    st.subheader(T("compare"))
    picked = _compare_pickers(runs)
    labels, hists = fig_labels(), []
    cols = st.columns(2)
    for col, rid, color, ab in zip(cols, picked, ("#1f4e9c", "#e4572e"), "ab", strict=True):
        run = runs[rid]["run"]
        res, data = run_training(run), load_data(run.s.data)
        last = max(res.snapshots)
        v = view_arrays(run, last, "all")
        with col:
            chart(boundary_figure(
                v["xs"], v["proba"], data["X_tr"], data["y_tr"], data["X_te"], data["y_te"],
                labels=labels, classes=data["classes"], height=440,
                title=T("cmp_title", rid=rid, epoch=last), axis_labels=axis_labels(run.s),
            ), key=f"pg_fig_cmp_{ab}")
        hists.append((f"#{rid}", res.history, color))
    chart(curves_figure(hists[0][1], runs=hists, labels=labels), key="pg_fig_cmp_curves")


# ---------------------------------------------------------------------------------------------
# Page
# ---------------------------------------------------------------------------------------------


def rounds_ui(s: Settings) -> int:
    """Train-more rounds: from the URL on a session's first run, 0 again when settings change."""
    if "pg_rounds" not in ss:
        try:
            ss["pg_rounds"] = max(0, int(st.query_params.get(K["more"], 0)))
        except ValueError:
            ss["pg_rounds"] = 0
    if ss.get("pg_last") not in (None, s):
        ss["pg_rounds"] = 0
    ss["pg_last"] = s
    url_state.write_url(K["more"], ss["pg_rounds"], 0)
    return ss["pg_rounds"]


def buttons_ui(res: TrainResult) -> None:
    b1, b2, _ = st.columns([1, 1, 4], vertical_alignment="center")
    with b1:
        st.button(T("train_more"), on_click=_train_more, icon=":material/fast_forward:",
                  help=T("train_more_help"), key="pg_more_btn",
                  disabled=res.diverged_at is not None)
    with b2:
        st.button(T("reset"), on_click=_reset, icon=":material/restart_alt:",
                  help=T("reset_help"), key="pg_reset_btn")


def import_ui(s: Settings, data: dict) -> None:
    """The importer; a refused file's reason (the imported weights' state is shown at the top)."""
    with st.expander(T("import"), expanded="pg_import" in ss or "pg_import_error" in ss):
        st.file_uploader(T("import"), type=["json"], key=K["import"], on_change=_on_import,
                         args=(shapes_of(s, data["n_classes"]),), help=T("import_help"),
                         label_visibility="collapsed")
        if "pg_import_error" in ss:
            name, exc = ss["pg_import_error"]
            st.error(T("import_bad", name=name, error=error_text(exc)))
        if "pg_import" in ss:
            st.button(T("forget_import"), on_click=_forget_import, key="pg_forget")


# ---------------------------------------------------------------------------------------------
# Lecture steps (lecture mode): the notes' order, each a change of the default settings
# ---------------------------------------------------------------------------------------------

_SPIRAL = {"hidden": (16, 16), "acts": ("relu", "relu"), "epochs": 200, "bs": 20}
_DEEP_SIGMOID = {"hidden": (8,) * 6, "acts": ("sigmoid",) * 6, "opt": "sgd", "lr": 0.1}
_OVERFIT = {"hidden": (32, 32, 32), "acts": ("relu",) * 3, "epochs": 500}
LECTURE = {  # step id -> (data changes, settings changes); notes: linear limits -> features ->
    # non-linearity -> layers -> vanishing gradient -> batch norm -> learning rate -> overfitting
    "linear": ({}, {"hidden": (), "acts": ()}),
    "features": ({}, {"hidden": (), "acts": (), "feats": ("x1", "x2", "x1x2")}),
    "stacked_linear": ({}, {"acts": ("linear", "linear")}),
    "hidden": ({}, {}),
    "relu": ({"data": "circles"}, {"acts": ("relu", "relu")}),
    "spiral": ({"data": "spirals"}, _SPIRAL),
    "vanishing": ({}, _DEEP_SIGMOID),
    "batchnorm": ({}, {**_DEEP_SIGMOID, "bn": True}),
    "lr_high": ({}, {"opt": "sgd", "lr": 10.0}),
    "overfit": ({"data": "spirals", "n": 100, "noise": 0.3}, _OVERFIT),
    "l2": ({"data": "spirals", "n": 100, "noise": 0.3}, {**_OVERFIT, "l2": 0.01}),
    "dropout": ({"data": "spirals", "n": 100, "noise": 0.3}, {**_OVERFIT, "drop": 0.3}),
}


def step_settings(sid: str) -> Settings:
    """The settings the page trains at lecture step ``sid`` (the claims tests compute these)."""
    data, changes = LECTURE[sid]
    s = dataclasses.replace(Settings(), data=dataclasses.replace(DataSettings(), **data),
                            **changes)
    extra = {k: float(v) for k, v in OPTIMIZERS[s.opt].defaults.items() if k != "lr"}
    return dataclasses.replace(s, hp=tuple(sorted(extra.items())))


def step_widgets(s: Settings) -> dict:
    """Widget key -> value that make the sidebar read ``s`` (one activation for every layer)."""
    d = s.data
    out = {
        K["data"]: d.data, K["n"]: d.n, K["noise"]: d.noise, K["test"]: d.test,
        K["seed"]: d.seed, K["feats"]: list(s.feats), K["act"]: s.acts[0] if s.acts else "tanh",
        K["layers"]: len(s.hidden), K["init"]: s.init, K["bn"]: s.bn, K["opt"]: s.opt,
        K["lr"]: s.lr, K["bs"]: s.bs, K["epochs"]: s.epochs, K["loss"]: s.loss, K["l1"]: s.l1,
        K["l2"]: s.l2, K["drop"]: s.drop,
    }
    for l in range(1, MAX_LAYERS + 1):
        out[width_key(l)] = s.hidden[l - 1] if l <= len(s.hidden) else 8
        out[act_key(l)] = SAME
    out.update({hp_key(k): v for k, v in s.hp})
    return out


def warm_tasks() -> list[WarmTask]:
    """The first round of every lecture step, for the server's warm-up (ui/warm.py): the run
    ``main`` trains when a step opens (no rounds of Train more, no imported weights)."""
    runs = {sid: Run(capped(s, load_data(s.data)), 0)
            for sid, s in ((sid, step_settings(sid)) for sid in LECTURE)}
    return [WarmTask(sid, CACHE_NAME, run, _train_here, (run,)) for sid, run in runs.items()]


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(sid, T(f"step_{sid}"), T(f"step_{sid}_text"),
                        step_widgets(step_settings(sid))) for sid in LECTURE]


def main() -> None:
    page_intro(T("title"), T("intro"))
    if lecture_mode():  # before the sidebar's widgets read their values
        lecture_steps_ui(lecture_steps())
    _register_files()
    s, data = settings_ui()
    s = cap_epochs(s, data)
    s, imported = import_state(s, data)
    run = Run(s, rounds_ui(s))
    with st.spinner(T("training_spinner")):
        res = train(run)
    buttons_ui(res)
    import_message(imported)
    advice_ui(s, res, data)
    formulas_ui(s)
    views(run)
    # The curves sit outside the views fragment: no view control changes them, so scrubbing the
    # timeline never re-draws them (measured: it kept a fifth Plotly re-render off every step).
    st.subheader(T("curves"))
    chart(curves_figure(res.history, diverged_at=res.diverged_at, labels=fig_labels()),
          key="pg_fig_curves")
    # Recorded once the run is on screen: a run the student passed through (a newer setting
    # stopped this script while it drew) is not a history row.
    record_run(run, res)
    with st.container(border=True):
        history_and_compare()
    import_ui(s, data)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
