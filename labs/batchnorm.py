"""Batch normalization: one deep MLP trained with and without batch norm from the same weights.

UI only: widgets -> ``BNSettings`` -> cached ``nncore.bnlab`` runs -> ``viz.batchnorm_figs``.
The layer/epoch/unit sliders only change the view: they live in a fragment over cached runs.
Training runs in the worker pool (``ui.workers``) and is kept on disk (``ui.disk_cache``); in
lecture mode a step bar (``LECTURE``) sets every widget.
"""

from concurrent.futures import Future
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from nncore.bnlab import (
    ACC_TARGET,
    batch_of_one,
    batch_order,
    eval_vs_batch,
    full_batch_stats,
    gamma_beta_moves,
    initial_params,
    robustness_cell,
    run_recorded,
    running_gaps,
    small_batch_training,
    trained,
    unit_formula,
)
from nncore.datasets import make_dataset
from ui import disk_cache, url_state, workers
from ui.common import chart, controls, download_csv, page_intro, static_table, worker_died
from ui.lecture import LectureStep, lecture_steps_ui
from ui.share import lecture_mode
from ui.strings.batchnorm import T
from ui.warm import WarmTask
from viz.batchnorm_figs import (
    AFTER,
    BN,
    PLAIN,
    distributions,
    gamma_beta,
    robustness_heatmaps,
    running_stats,
    training_curves,
)

K = {  # widget keys = URL parameter names
    "dataset": "bn_data",
    "activation": "bn_act",
    "depth": "bn_depth",
    "width": "bn_width",
    "scale": "bn_scale",
    "lr": "bn_lr",
    "epochs": "bn_epochs",
    "batch": "bn_batch",
    "seed": "bn_seed",
    "layer": "bn_layer",
    "epoch": "bn_epoch",
    "unit": "bn_unit",
    "grid": "bn_grid",
}
DATASETS = ["moons", "circles", "xor", "spirals"]
ACTIVATIONS = ["relu", "tanh", "sigmoid"]
ACT_LABELS = {"relu": "ReLU", "tanh": "tanh", "sigmoid": "sigmoid"}
SCALES = [0.003, 0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0]
LRS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0]
WIDTHS = [8, 16, 32, 64]
BATCHES = [4, 8, 16, 32, 64]
N_POINTS, NOISE = 200, 0.1
GRIDS = {  # id -> (learning rates, weight scales)
    "small": ([0.01, 0.03, 0.1, 0.3, 1.0], [0.01, 0.03, 0.1, 0.3, 1.0]),
    "large": ([0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0], [0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0]),
}
GRID_EPOCHS = 8
LOSS_CAP = 1.0  # colour cap of the grid (chance level of two classes is ln 2 ≈ 0.69)
SMALL_EPOCHS = 2
INDEP_BATCH = 8  # the eval-mode demonstration's batch size
UNIT_ROWS = 6  # samples shown in the one-unit table


@dataclass(frozen=True)
class BNSettings:
    dataset: str = "moons"
    activation: str = "relu"
    depth: int = 6
    width: int = 16
    scale: float = 0.2
    lr: float = 0.1
    epochs: int = 20
    batch_size: int = 32
    seed: int = 0

    @property
    def sizes(self) -> list[int]:
        return [2] + [self.width] * self.depth + [2]


DEFAULT = BNSettings()


# ---------------------------------------------------------------------------------------------
# Compute (cached; the settings dataclass or named primitives)
# ---------------------------------------------------------------------------------------------


@st.cache_data(max_entries=16, show_spinner=False)
def data(dataset: str, seed: int):
    return make_dataset(dataset, N_POINTS, NOISE, np.random.default_rng(seed))


# Training runs go to the worker pool (ui.workers) and are kept on disk (ui.disk_cache) for
# every server process: the two nets and the three small-batch runs at once, the robustness
# grid's cells in parallel. st.cache_data keeps them in memory; the names key the disk entries.
PAIR, SMALL, ROW = "batchnorm.pair", "batchnorm.small", "batchnorm.grid_row"


def _kw(s: BNSettings) -> dict:
    return dict(activation=s.activation, scale=s.scale, lr=s.lr, epochs=s.epochs,
                batch_size=s.batch_size, seed=s.seed)


def pair_tasks(s: BNSettings) -> list[tuple]:
    """(function, args, kwargs) of both nets: same data, same initial W, same batches."""
    X, y = data(s.dataset, s.seed)
    return [(run_recorded, (X, y, s.sizes), {"batchnorm": bn, **_kw(s)}) for bn in (False, True)]


def small_tasks(s: BNSettings) -> list[tuple]:
    X, y = data(s.dataset, s.seed)
    kw = dict(activation=s.activation, scale=s.scale, lr=s.lr, seed=s.seed, epochs=SMALL_EPOCHS)
    return [(small_batch_training, (X, y, s.sizes), {"batch_size": b, **kw})
            for b in (1, 2, max(s.batch_size, 8))]


def row_tasks(key: tuple) -> list[tuple]:
    """One learning rate of the grid: (plain, bn) for each weight scale, in that order."""
    dataset, activation, depth, width, batch_size, seed, lr, scales, epochs = key
    X, y = data(dataset, seed)
    sizes = [2] + [width] * depth + [2]
    kw = dict(activation=activation, lr=lr, epochs=epochs, batch_size=batch_size, seed=seed)
    return [(robustness_cell, (X, y, sizes), {"scale": sc, "batchnorm": bn, **kw})
            for sc in scales for bn in (False, True)]


def run_here(tasks: list[tuple]) -> list:
    return [fn(*args, **kw) for fn, args, kw in tasks]


def row_cells(values: list) -> list:
    return [tuple(values[i:i + 2]) for i in range(0, len(values), 2)]


@st.cache_data(max_entries=8, show_spinner=False)
def run_pair(s: BNSettings):
    """(plain, with batch norm): from disk, else trained here."""
    return tuple(disk_cache.cached(PAIR, s, lambda: _pair_here(s)))


@st.cache_data(max_entries=64, show_spinner=False)
def grid_row(dataset, activation, depth, width, batch_size, seed, lr, scales, epochs):
    """One learning rate of the grid: [(plain cell, bn cell) for each weight scale]."""
    key = (dataset, activation, depth, width, batch_size, seed, lr, scales, epochs)
    return row_cells(disk_cache.cached(ROW, key, lambda: _row_here(key)))


@st.cache_data(max_entries=8, show_spinner=False)
def small_batches(s: BNSettings):
    return disk_cache.cached(SMALL, s, lambda: _small_here(s))


def submit(tasks: list[tuple]) -> list[Future]:
    return [workers.submit(fn, *args, **kw) for fn, args, kw in tasks]


def wait_and_store(name: str, key, futures: list[Future], on_result=None) -> None:
    """Store the futures' results under (name, key); ``on_result()`` after each arrives."""
    results = []
    for f in futures:
        results.append(workers.result(f))
        if on_result is not None:
            on_result()
    disk_cache.put(name, key, results)


def cancel(futures) -> None:
    """Drop the tasks that have not started (a rerun stopped this one)."""
    for f in futures:
        f.cancel()



def missing(name: str, key) -> bool:
    """Whether a result is not on disk: a stat, not a read (the two recorded runs pickle to
    ~1 MB)."""
    return not disk_cache.contains(name, key)


def train(s: BNSettings) -> None:
    """The two nets and the small-batch runs not on disk yet: all five in the pool at once,
    behind a progress bar drawn at once and moved as each run ends (the script thread only
    waits; other sessions keep their reruns)."""
    jobs = [(name, tasks(s)) for name, tasks in ((PAIR, pair_tasks), (SMALL, small_tasks))
            if missing(name, s)]
    if not jobs:
        return
    bar = st.progress(0.0, text=T("training"))
    futures, done = [], []
    total = sum(len(tasks) for _, tasks in jobs)

    def one_done() -> None:
        done.append(1)
        bar.progress(len(done) / total, text=T("training"))

    try:
        futures = [submit(tasks) for _, tasks in jobs]
        for (name, _), fs in zip(jobs, futures, strict=True):
            wait_and_store(name, s, fs, one_done)
    except workers.WorkerCrashed:
        worker_died()
    finally:
        cancel(f for fs in futures for f in fs)
    bar.empty()


# ---------------------------------------------------------------------------------------------
# Lecture steps: the notes' order (saturated tanh → the formula → γ, β → test time → small
# batches → what BN buys: init, learning rate, the range of both). Each sets every setting.
# ---------------------------------------------------------------------------------------------

BASE_STEP = {"dataset": DEFAULT.dataset, "activation": DEFAULT.activation,
             "depth": DEFAULT.depth, "width": DEFAULT.width, "scale": DEFAULT.scale,
             "lr": DEFAULT.lr, "epochs": DEFAULT.epochs, "batch": DEFAULT.batch_size,
             "seed": DEFAULT.seed, "layer": 2, "epoch": DEFAULT.epochs, "unit": 1,
             "grid": "small"}
LECTURE = {  # step id -> settings that differ from BASE_STEP
    "saturation": {"activation": "tanh", "scale": 2.0},
    "formula": {},
    "gamma_beta": {"layer": 1},
    "eval_mode": {},
    "small_batch": {},
    "bad_init": {"scale": 0.01},
    "high_lr": {"lr": 1.0},
    "grid": {"grid": "large"},
}


def step_settings(step: str) -> BNSettings:
    v = BASE_STEP | LECTURE[step]
    return BNSettings(v["dataset"], v["activation"], v["depth"], v["width"], v["scale"],
                      v["lr"], v["epochs"], v["batch"], v["seed"])


def warm_tasks() -> list[WarmTask]:
    """Every lecture step's runs and grid rows, for the server's warm-up (ui/warm.py): the
    entries ``main`` reads at the step (``run_pair``, ``small_batches``, ``grid_row``)."""
    out = []
    for sid in LECTURE:
        s, grid = step_settings(sid), (BASE_STEP | LECTURE[sid])["grid"]
        out += [WarmTask(sid, PAIR, s, _pair_here, (s,)),
                WarmTask(sid, SMALL, s, _small_here, (s,))]
        lrs, scales = GRIDS[grid]
        out += [WarmTask(sid, ROW, k, _row_here, (k,)) for k in (row_key(s, lr, scales)
                                                                for lr in lrs)]
    return out


def _pair_here(s: BNSettings) -> list:
    return run_here(pair_tasks(s))


def _small_here(s: BNSettings):
    return run_here(small_tasks(s))


def _row_here(key: tuple) -> list:
    return run_here(row_tasks(key))


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(sid, T(f"step.{sid}"), T(f"step_text.{sid}"),
                        {K[k]: v for k, v in (BASE_STEP | over).items()})
            for sid, over in LECTURE.items()]


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def _fmt(x: float) -> str:
    return f"{x:.3g}"


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _pct1(x: float) -> str:
    return f"{100 * x:.1f} %"


def settings_ui() -> BNSettings:
    q = {"bind": "query-params"}
    d = DEFAULT
    with controls():
        st.subheader(T("net"))
        dataset = url_state.selectbox(T("dataset"), DATASETS, key=K["dataset"],
                                      default=d.dataset, format_func=lambda v: T(f"ds_{v}"))
        act = url_state.segmented(T("activation"), ACTIVATIONS, key=K["activation"],
                                  default=d.activation, format_func=ACT_LABELS.get)
        depth = st.slider(T("depth"), 2, 10, d.depth, key=K["depth"], **q)
        width = st.select_slider(T("width"), WIDTHS, d.width, key=K["width"], **q)
        scale = st.select_slider(T("scale"), SCALES, d.scale, key=K["scale"], **q)
        st.subheader(T("train"))
        lr = st.select_slider(T("lr"), LRS, d.lr, key=K["lr"], **q)
        epochs = st.slider(T("epochs"), 5, 40, d.epochs, key=K["epochs"], **q)
        batch = st.select_slider(T("batch"), BATCHES, d.batch_size, key=K["batch"], **q)
        seed = st.number_input(T("seed"), 0, 9999, d.seed, step=1, key=K["seed"],
                               help=T("seed_help"), **q)
    return BNSettings(dataset, act, int(depth), int(width), float(scale), float(lr),
                      int(epochs), int(batch), int(seed))


def clamped_slider(label: str, lo: int, hi: int, default: int, key: str, **kw) -> int:
    """An int slider whose range follows other settings: a kept or linked value outside the
    new range is moved to its end first (Streamlit rejects a value outside min..max)."""
    raw = st.session_state.get(key, st.query_params.get(key))
    try:
        value = int(raw) if raw is not None else None
    except ValueError:
        value = None
    if value is not None and not lo <= value <= hi:
        st.session_state[key] = min(max(value, lo), hi)
    if lo == hi:  # a slider needs min < max
        st.session_state.pop(key, None)
        return lo
    return st.slider(label, lo, hi, min(max(default, lo), hi), key=key,
                     bind="query-params", **kw)


# ---------------------------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------------------------


def where_view(s: BNSettings) -> None:
    st.subheader(T("where_h"))
    st.markdown(T("where", act=ACT_LABELS[s.activation]))
    st.latex(r"\mu_B=\frac1B\sum_{i=1}^{B}u_i,\quad \sigma_B^2=\frac1B\sum_{i=1}^{B}"
             r"(u_i-\mu_B)^2,\quad \hat x_i=\frac{u_i-\mu_B}{\sqrt{\sigma_B^2+\epsilon}},"
             r"\quad z_i=\gamma\,\hat x_i+\beta")
    st.caption(T("where_after"))


def _first_90(run) -> str:
    hit = np.flatnonzero(run.history["train_acc"] >= ACC_TARGET)
    return str(int(run.history["epoch"][hit[0]])) if hit.size else T("never")


def _final_acc(run) -> str:
    if run.diverged_at is not None:
        return T("acc_diverged", epoch=run.diverged_at)
    return _pct(run.history["train_acc"][-1])


def divergence_warnings(plain, bn) -> None:
    for run, name in ((plain, T("plain")), (bn, T("with_bn"))):
        if run.diverged_at is not None:
            st.warning(T("diverged", net=name, epoch=run.diverged_at), icon=":material/warning:")


def curves_view(s: BNSettings, plain, bn) -> None:
    st.subheader(T("curves_h"))
    divergence_warnings(plain, bn)
    epochs = np.arange(s.epochs + 1)
    labels = {"plain": T("plain"), "bn": T("with_bn"), "loss": T("curves_loss"),
              "acc": T("curves_acc"), "epoch": T("epoch_axis")}
    curves = {"plain": (plain.history["train_loss"], plain.history["train_acc"]),
              "bn": (bn.history["train_loss"], bn.history["train_acc"])}
    chart(training_curves(epochs, curves, labels), key="bn_fig_curves")
    st.caption(T("curves_note"))
    st.markdown(T("curves_claim", epochs=s.epochs, acc_bn=_final_acc(bn),
                  acc_plain=_final_acc(plain), e_bn=_first_90(bn), e_plain=_first_90(plain)))
    download_csv(T("dl_curves"), lambda: curves_frame(plain, bn), "batchnorm_curves.csv",
                 key="bn_dl_curves")


def curves_frame(plain, bn) -> pd.DataFrame:
    frames = []
    for run, name in ((plain, "plain"), (bn, "batchnorm")):
        df = pd.DataFrame(run.history)
        df.insert(0, "network", name)
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def snapshot_index(run, epoch: int) -> int:
    """The snapshot after ``epoch`` (a diverged run: its last good one)."""
    return min(epoch, len(run.snapshots) - 1)


def layer_values(run, X, activation: str, k: int, layer: int):
    """(u, z) of ``layer`` for all data as one batch, at snapshot k."""
    us, zs, _ = full_batch_stats(run.snapshots[k][0], X, activation)
    return us[layer - 1], zs[layer - 1]


def dist_view(s: BNSettings, plain, bn, X, layer: int, epoch: int) -> None:
    kp, kb = snapshot_index(plain, epoch), snapshot_index(bn, epoch)
    l = layer - 1
    panels = [
        (T("dist_plain"), plain.hist_u[l][kp], plain.edges_u[l], PLAIN),
        (T("dist_before"), bn.hist_u[l][kb], bn.edges_u[l], BN),
        (T("dist_after"), bn.hist_z[l][kb], bn.edges_z[l], AFTER),
    ]
    y_max = [share_max(plain.hist_u[l]), share_max(bn.hist_u[l]), share_max(bn.hist_z[l])]
    chart(distributions(panels, {"x": T("dist_x"), "y": T("dist_y")}, y_max), key="bn_fig_dist")
    st.caption(T("dist_note", n=N_POINTS, layer=layer, epoch=epoch))
    st.markdown(T("dist_claim", epoch=epoch, layer=layer, **dist_numbers(s, plain, bn, X,
                                                                          layer, epoch)))
    params = bn.snapshots[kb][0]
    gamma, beta = params[f"gamma{layer}"], params[f"beta{layer}"]
    labels = {"title": T("gb_title", layer=layer), "unit": T("gb_unit"),
              "value": T("gb_value")}
    chart(gamma_beta(gamma, beta, labels, gamma_beta_range(bn, layer)), key="bn_fig_gb")
    if epoch == 0:
        st.caption(T("gb_claim_start"))
    else:
        g_move, b_move = gamma_beta_moves(gamma, beta)
        st.caption(T("gb_claim", g_lo=_fmt(gamma.min()), g_hi=_fmt(gamma.max()),
                     b_lo=_fmt(beta.min()), b_hi=_fmt(beta.max()), g_move=_pct1(g_move),
                     b_move=_fmt(b_move)))
    download_csv(T("dl_dist"), lambda: dist_frame(plain, bn, layer, kp, kb, gamma, beta),
                 "batchnorm_distributions.csv", key="bn_dl_dist")


def share_max(counts: np.ndarray) -> float:
    """The tallest bin share of a layer's histograms over all epochs, plus headroom."""
    return float((counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)).max() * 1.08)


def gamma_beta_range(bn, layer: int) -> tuple[float, float]:
    """γ and β of ``layer`` over all epochs, with 1 and 0 included, plus a margin."""
    values = np.concatenate([np.concatenate([p[f"gamma{layer}"], p[f"beta{layer}"], [0, 1]])
                             for p, _ in bn.snapshots])
    lo, hi = float(values.min()), float(values.max())
    pad = 0.08 * (hi - lo)
    return lo - pad, hi + pad


def dist_numbers(s, plain, bn, X, layer: int, epoch: int) -> dict:
    """Means and standard deviations of the three histograms' values (for the caption)."""
    u_plain, _ = layer_values(plain, X, s.activation, snapshot_index(plain, epoch), layer)
    u_bn, z_bn = layer_values(bn, X, s.activation, snapshot_index(bn, epoch), layer)
    return {"m_before": _fmt(u_bn.mean()), "s_before": _fmt(u_bn.std()),
            "m_after": _fmt(z_bn.mean()), "s_after": _fmt(z_bn.std()),
            "m_plain": _fmt(u_plain.mean()), "s_plain": _fmt(u_plain.std())}


def dist_frame(plain, bn, layer, kp, kb, gamma, beta) -> pd.DataFrame:
    rows = []
    for name, counts, edges in (("plain_u", plain.hist_u[layer - 1][kp], plain.edges_u[layer - 1]),
                                ("bn_u", bn.hist_u[layer - 1][kb], bn.edges_u[layer - 1]),
                                ("bn_z", bn.hist_z[layer - 1][kb], bn.edges_z[layer - 1])):
        for c, lo, hi in zip(counts, edges[:-1], edges[1:], strict=True):
            rows.append({"series": name, "bin_lo": lo, "bin_hi": hi, "count": int(c)})
    for j, (g, b) in enumerate(zip(gamma, beta, strict=True), start=1):
        rows.append({"series": "gamma_beta", "unit": j, "gamma": g, "beta": b})
    return pd.DataFrame(rows)


def unit_view(s: BNSettings, bn, X, layer: int, epoch: int, unit: int) -> None:
    """The formula in numbers: the minibatch that training uses right after ``epoch``."""
    k = snapshot_index(bn, epoch)
    params = bn.snapshots[k][0]
    idx = batch_order(s.seed, epoch + 1, len(X))[: s.batch_size]
    f = unit_formula(params, X[idx], s.activation, layer, unit - 1)
    shown = min(UNIT_ROWS, len(idx))
    st.markdown(T("unit_note", layer=layer, unit=unit, b=len(idx), epoch=epoch,
                  mu=_fmt(f["mu"]), var=_fmt(f["var"]), gamma=_fmt(f["gamma"]),
                  beta=_fmt(f["beta"]), shown=shown))
    frame = unit_frame(f, idx)
    shown_frame = frame.head(shown).copy()
    for col in shown_frame.columns[1:]:
        shown_frame[col] = shown_frame[col].map(lambda v: f"{v:.4f}")
    heads = [T("col_sample"), "u", "u − μ", "x̂", "γ·x̂ + β"]
    static_table(shown_frame.set_axis(heads, axis=1))
    st.caption(T("unit_check", d=f"{f['max_diff_to_net']:.1g}"))
    download_csv(T("dl_unit"), lambda: frame, "batchnorm_unit.csv", key="bn_dl_unit")


def unit_frame(f: dict, idx) -> pd.DataFrame:
    n = len(f["u"])
    return pd.DataFrame({"sample": np.asarray(idx)[:n], "u": f["u"], "u - mu": f["u"] - f["mu"],
                         "x_hat": f["xhat"], "gamma*x_hat+beta": f["y"]})


def running_view(s: BNSettings, bn, layer: int, unit: int) -> None:
    l, j = layer - 1, unit - 1
    series = {"run_mean": bn.run_mean[l][:, j], "data_mean": bn.data_mean[l][:, j],
              "run_var": bn.run_var[l][:, j], "data_var": bn.data_var[l][:, j]}
    steps = np.arange(len(series["run_mean"]))
    labels = {"title": T("run_title", layer=layer, unit=unit), "mean_panel": "μ",
              "var_panel": "σ²", "step": T("step_axis"), "run_mean": T("run_mean"),
              "data_mean": T("data_mean"), "run_var": T("run_var"), "data_var": T("data_var")}
    chart(running_stats(steps, series, labels), key="bn_fig_running")
    st.markdown(T("run_claim", **running_numbers(bn, layer, unit)))
    download_csv(T("dl_run"), lambda: pd.DataFrame({"step": steps, **series}),
                 "batchnorm_running_stats.csv", key="bn_dl_run")


def running_numbers(bn, layer: int, unit: int) -> dict:
    """The shown unit's gaps after the last step, and the medians over the layer's units (one
    unit's gap is noisy: it depends on the last minibatch)."""
    gap, rel_m, rel_v = running_gaps(bn, layer)
    j = unit - 1
    return {"dm": _fmt(gap[j]), "dm_pct": _pct1(rel_m[j]), "dv_pct": _pct1(rel_v[j]),
            "units": len(gap), "med_m": _pct1(float(np.median(rel_m))),
            "med_v": _pct1(float(np.median(rel_v)))}


def independence_view(s: BNSettings, bn, X) -> None:
    st.markdown(f"**{T('indep_h')}**")
    params, state = bn.snapshots[-1]
    m = INDEP_BATCH - 1
    r = eval_vs_batch(params, state, X, s.activation, 0, np.arange(1, 1 + m),
                      np.arange(1 + m, 1 + 2 * m))
    st.markdown(T("indep_note", sample=0, b=INDEP_BATCH))
    frame = pd.DataFrame({
        T("col_batch"): [T("batch_a"), T("batch_b")],
        T("col_train"): [f"{r['train_a']:.6f}", f"{r['train_b']:.6f}"],
        T("col_eval"): [f"{r['eval_a']:.6f}", f"{r['eval_b']:.6f}"],
    })
    static_table(frame)
    st.markdown(T("indep_claim", d_eval=f"{abs(r['eval_a'] - r['eval_b']):.1g}",
                  d_train=f"{abs(r['train_a'] - r['train_b']):.3g}"))


def small_batch_view(s: BNSettings, X, unit: int) -> None:
    st.markdown(f"**{T('small_h')}**")
    params = initial_params(s.sizes, s.activation, s.scale, s.seed, True)
    # Layer 1: its u differs between samples (deeper layers already receive β from below)
    rows = batch_of_one(params, X, s.activation, 1, unit - 1)
    st.markdown(T("small_note", layer=1, unit=unit))
    static_table(pd.DataFrame({
        T("col_bs"): [r["batch_size"] for r in rows],
        T("col_u"): [", ".join(f"{v:.3f}" for v in r["u"]) for r in rows],
        T("col_mu"): [f"{r['mu']:.3f}" for r in rows],
        T("col_var"): [f"{r['var']:.3g}" for r in rows],
        T("col_xhat"): [", ".join(f"{v:.3f}" for v in r["xhat"]) for r in rows],
    }))
    st.markdown(T("small_claim", pm=f"{abs(rows[1]['xhat'][0]):.4f}"))
    st.markdown(T("small_train", epochs=SMALL_EPOCHS))
    res = small_batches(s)
    static_table(pd.DataFrame({
        T("col_bs"): [r["batch_size"] for r in res],
        T("col_acc"): [T("small_diverged", epoch=r["diverged_at"]) if r["diverged_at"]
                       else _pct(r["eval_acc"]) for r in res],
        T("col_acc_bs"): [_pct(r["batchstat_acc"]) for r in res],
        T("col_minvar"): [f"{r['min_running_var']:.2g}" for r in res],
        T("col_w1"): [f"{r['w1_change']:.2g}" for r in res],
    }))
    one, big = res[0], res[-1]
    st.markdown(T("small_train_claim", w1=f"{one['w1_change']:.2g}",
                  minvar=f"{one['min_running_var']:.2g}", acc1=_pct(one["eval_acc"]),
                  acc_big=_pct(big["eval_acc"]), acc_big_bs=_pct(big["batchstat_acc"]),
                  big=big["batch_size"], epochs=SMALL_EPOCHS))


@st.fragment
def inspect_view(s: BNSettings, plain, bn) -> None:
    """Everything the layer/epoch/unit sliders change: reruns alone, never retrains."""
    X, _ = data(s.dataset, s.seed)
    st.subheader(T("dist_h"))
    left, mid, right = st.columns(3)
    with left:
        layer = clamped_slider(T("layer"), 1, s.depth, 2, K["layer"])
    with mid:
        epoch = clamped_slider(T("epoch_view"), 0, s.epochs, s.epochs, K["epoch"],
                               help=T("epoch_help"))
    with right:
        unit = clamped_slider(T("unit"), 1, s.width, 1, K["unit"])
    per_epoch = -(-N_POINTS // s.batch_size)
    for run, name in ((plain, T("plain")), (bn, T("with_bn"))):
        k = snapshot_index(run, epoch)
        if run.rec_steps[k] != epoch * per_epoch:  # a diverged run's last good step
            st.warning(T("dist_stale", net=name, step=run.rec_steps[k], epoch=epoch),
                       icon=":material/warning:")
    dist_view(s, plain, bn, X, layer, epoch)
    st.subheader(T("unit_h"))
    unit_view(s, bn, X, layer, epoch, unit)
    st.subheader(T("mode_h"))
    st.markdown(T("mode_intro"))
    running_view(s, bn, layer, unit)


# ---------------------------------------------------------------------------------------------
# The robustness grid
# ---------------------------------------------------------------------------------------------


def row_key(s: BNSettings, lr: float, scales) -> tuple:
    return (s.dataset, s.activation, s.depth, s.width, s.batch_size, s.seed, lr, tuple(scales),
            GRID_EPOCHS)


def compute_grid(s: BNSettings, grid: str, draw_partial) -> list:
    """The rows not on disk yet: every cell of them in the worker pool at once (the cells are
    independent), collected row by row (one learning rate at a time) behind a progress bar,
    each finished row drawn at once with ``draw_partial(rows)``."""
    lrs, scales = GRIDS[grid]
    keys = [row_key(s, lr, scales) for lr in lrs]
    todo = {i: k for i, k in enumerate(keys) if missing(ROW, k)}
    if todo:
        futures = {i: submit(row_tasks(k)) for i, k in todo.items()}
        bar = st.progress(0.0, text=T("grid_progress", i=1, n=len(lrs), cells=2 * len(lrs) *
                                      len(scales)))
        try:
            for i, key in enumerate(keys):
                if i in futures:
                    wait_and_store(ROW, key, futures[i])
                bar.progress((i + 1) / len(lrs), text=T("grid_progress", i=min(i + 2, len(lrs)),
                             n=len(lrs), cells=2 * len(lrs) * len(scales)))
                if i + 1 < len(lrs):
                    draw_partial([grid_row(*k) for k in keys[:i + 1]])
        except workers.WorkerCrashed:
            worker_died()
        finally:
            cancel(f for fs in futures.values() for f in fs)
        bar.empty()
    return [grid_row(*k) for k in keys]


def grid_arrays(rows: list, lrs, scales) -> dict:
    """{"plain"|"bn": loss, acc, diverged, pending, hover (scales × lrs)} from the rows
    computed so far (the columns of rows not computed yet are pending)."""
    out = {}
    for b, key in enumerate(("plain", "bn")):
        shape = (len(scales), len(lrs))
        loss, acc, div = np.zeros(shape), np.zeros(shape), np.zeros(shape, dtype=bool)
        pending = np.zeros(shape, dtype=bool)
        pending[:, len(rows):] = True
        hover = np.full(shape, T("grid_pending"), dtype=object)
        for j, row in enumerate(rows):
            for i, cells in enumerate(row):
                c = cells[b]
                loss[i, j], acc[i, j] = c["loss"], c["acc"]
                div[i, j] = c["diverged_at"] is not None
                if div[i, j]:
                    hover[i, j] = T("grid_hover_div", lr=f"{lrs[j]:g}", s=f"{scales[i]:g}",
                                    epoch=c["diverged_at"])
                else:
                    hover[i, j] = T("grid_hover", lr=f"{lrs[j]:g}", s=f"{scales[i]:g}",
                                    loss=_fmt(c["loss"]), acc=_pct(c["acc"]),
                                    e90=c["epoch_90"] if c["epoch_90"] is not None
                                    else T("never"))
        out[key] = {"loss": loss, "acc": acc, "diverged": div, "pending": pending,
                    "hover": hover}
    return out


def grid_summary(rows: list, lrs, scales) -> dict:
    """Counts for the claim: trained/diverged cells per net and the exceptions."""
    cells = [(lrs[j], scales[i], c) for j, row in enumerate(rows) for i, c in enumerate(row)]
    return {
        "cells": len(cells),
        "n_plain": sum(trained(c[0]) for _, _, c in cells),
        "n_bn": sum(trained(c[1]) for _, _, c in cells),
        "d_plain": sum(c[0]["diverged_at"] is not None for _, _, c in cells),
        "d_bn": sum(c[1]["diverged_at"] is not None for _, _, c in cells),
        "exceptions": [(lr, sc, c) for lr, sc, c in cells if trained(c[0]) and not trained(c[1])],
    }


def grid_view(s: BNSettings) -> None:
    st.subheader(T("grid_h"))
    grid = url_state.segmented(T("grid_size"), list(GRIDS), key=K["grid"], default="small",
                               format_func=lambda g: T(f"grid_{g}"))
    st.markdown(T("grid_intro", epochs=GRID_EPOCHS))
    lrs, scales = GRIDS[grid]
    labels = {"plain": T("grid_plain"), "bn": T("grid_bn"), "x": T("grid_x"), "y": T("grid_y"),
              "color": T("grid_color"), "diverged": T("grid_div")}
    slot = st.empty()

    def draw(rows: list, key: str) -> None:
        fig = robustness_heatmaps([f"{v:g}" for v in lrs], [f"{v:g}" for v in scales],
                                  grid_arrays(rows, lrs, scales), labels, LOSS_CAP)
        with slot:
            chart(fig, key=key)

    # Partial grids get their own chart keys (one key per run may be drawn only once).
    rows = compute_grid(s, grid, lambda done: draw(done, f"bn_fig_grid_part{len(done)}"))
    draw(rows, "bn_fig_grid")
    st.caption(T("grid_color_note", cap=f"{LOSS_CAP:g}"))
    summ = grid_summary(rows, lrs, scales)
    st.markdown(T("grid_claim", epochs=GRID_EPOCHS, cells=summ["cells"], n_bn=summ["n_bn"],
                  n_plain=summ["n_plain"], d_bn=summ["d_bn"], d_plain=summ["d_plain"]))
    st.markdown(T("grid_supports") if summ["n_bn"] > summ["n_plain"] else T("grid_refutes"))
    if summ["exceptions"]:
        listed = "; ".join(T("grid_exception", lr=f"{lr:g}", s=f"{sc:g}",
                             acc_plain=_pct(c[0]["acc"]), acc_bn=_pct(c[1]["acc"]))
                           for lr, sc, c in summ["exceptions"])
        st.markdown(T("grid_exceptions", cells=listed))
    else:
        st.markdown(T("grid_no_exceptions"))
    download_csv(T("dl_grid"), lambda: grid_frame(rows, lrs, scales), "batchnorm_grid.csv",
                 key="bn_dl_grid")


def grid_frame(rows: list, lrs, scales) -> pd.DataFrame:
    out = []
    for j, row in enumerate(rows):
        for i, cells in enumerate(row):
            for name, c in zip(("plain", "batchnorm"), cells, strict=True):
                out.append({"lr": lrs[j], "scale": scales[i], "network": name, **c})
    return pd.DataFrame(out)


def main() -> None:
    page_intro(T("title"), T("intro"))
    if lecture_mode():  # before the widgets: a step sets their values (no presets here)
        lecture_steps_ui(lecture_steps())
    s = settings_ui()
    where_view(s)
    train(s)
    plain, bn = run_pair(s)
    curves_view(s, plain, bn)
    inspect_view(s, plain, bn)
    X, _ = data(s.dataset, s.seed)
    independence_view(s, bn, X)  # outside the fragment: they depend on no view slider
    small_batch_view(s, X, unit=1)
    grid_view(s)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
