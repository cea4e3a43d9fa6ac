"""Overfitting: a wide net overfits a few noisy points; dropout, L2, L1 and early stopping.

UI only: widgets -> ``RegSettings`` -> cached ``nncore.regularization`` runs -> ``viz``
figures. The epoch slider and the two λ sliders of sections 4-5 are view-only (fragments over
cached results); every setting is in the URL. Training runs in the worker pool
(``ui.workers``) and is kept on disk (``ui.disk_cache``); in lecture mode a step bar
(``LECTURE``) sets the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from nncore import regularization as R
from ui import disk_cache, url_state, workers
from ui.common import chart, controls, download_csv, page_intro, static_table, worker_died
from ui.lecture import LectureStep, lecture_steps_ui
from ui.share import lecture_mode
from ui.strings.regularization import T
from ui.warm import WarmTask
from viz.regularization_figs import (
    boundary_figure,
    compare_figure,
    curves_figure,
    geometry_figure,
    histograms_figure,
    masks_figure,
    sweep_figure,
    thumbnails_figure,
)

K = {  # widget keys = URL parameter names
    "dataset": "rg_data",
    "n_train": "rg_n",
    "noise": "rg_noise",
    "width": "rg_width",
    "epochs": "rg_epochs",
    "lr": "rg_lr",
    "seed": "rg_seed",
    "dropout": "rg_p",
    "l2": "rg_l2",
    "l1": "rg_l1",
    "l1_mode": "rg_l1mode",
    "epoch": "rg_epoch",
    "sweep_lam": "rg_lam",
    "geo_lam": "rg_geo_lam",
}
QP = {"bind": "query-params"}
DATASETS = ["moons", "circles", "xor"]
NOISES = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]
WIDTHS = [16, 32, 64, 128]
EPOCHS = [100, 200, 300, 400, 600]
LRS = [0.03, 0.1, 0.2, 0.3, 0.5, 1.0]
L2S = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0]
L1S = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1]
SWEEP = (0.001, 0.003, 0.01, 0.03, 0.1)
GEO_LAMS = [round(0.05 * i, 2) for i in range(41)]  # 0 … 2
HIST_LIM, HIST_BINS = 1.5, 61  # odd: one bin centred on 0
GRID_MAIN, GRID_THUMB = 80, 50
DEFAULT = R.Setup()


@dataclass(frozen=True)
class RegSettings:
    setup: R.Setup = DEFAULT
    dropout: float = 0.5
    l2: float = 0.01
    l1: float = 0.003
    l1_mode: str = "proximal"


def _g(x: float) -> str:
    return f"{x:g}"


def _f(x: float, d: int = 3) -> str:
    return f"{x:.{d}f}"


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


# ---------------------------------------------------------------------------------------------
# Compute (cached across sessions; hashable settings only)
# ---------------------------------------------------------------------------------------------


def _extent(s: R.Setup) -> float:
    return R.plane_half_width(s)


# Every training run goes to the worker pool (ui.workers) and is kept on disk (ui.disk_cache)
# for every server process; st.cache_data keeps it in memory. A task is (disk name, function,
# arguments): a pure function of hashable settings, so a worker's result equals this process's.
RUN, SWEEP_RUN = "regularization.run", "regularization.sweep"


def run_task(s: R.Setup, method: str, dropout: float, l2: float, l1: float, l1_mode: str):
    return RUN, R.method_summary, (s, method, dropout, l2, l1, l1_mode, GRID_THUMB)


def sweep_task(s: R.Setup, kind: str, lam: float):
    return SWEEP_RUN, R.sweep_summary, (s, kind, lam, hist_edges(), GRID_THUMB)


def hist_edges() -> np.ndarray:
    return np.linspace(-HIST_LIM, HIST_LIM, HIST_BINS + 1)


def disk_key(task) -> tuple:
    """The settings of a task as its disk key (the edges by their limits and count)."""
    name, _, args = task
    return args if name == RUN else (*args[:3], HIST_LIM, HIST_BINS, args[4])


def from_disk(task):
    name, fn, args = task
    return disk_cache.cached(name, disk_key(task), lambda: fn(*args))


def on_disk(task) -> bool:
    """Whether the task's result is on disk: a stat, not a read (an "early" entry with its ~50
    snapshots is megabytes)."""
    return disk_cache.contains(task[0], disk_key(task))


@st.cache_data(max_entries=24, show_spinner=False)  # an "early" entry keeps ~50 snapshots
def train_run(s: R.Setup, method: str, dropout: float, l2: float, l1: float,
              l1_mode: str) -> dict:
    """One remedy's run (``R.method_summary``): from disk, else trained here."""
    return from_disk(run_task(s, method, dropout, l2, l1, l1_mode))


@st.cache_data(max_entries=128, show_spinner=False)
def boundary_at(s: R.Setup, epoch: int) -> dict:
    """Decision grid of the plain run at a saved epoch (the epoch slider's view)."""
    run = train_run(s, "early", 0.0, 0.0, 0.0, "proximal")
    snaps = run["snapshots"]
    e = min(snaps, key=lambda k: abs(k - epoch))
    xs, proba = R.grid_proba(snaps[e], _extent(s), GRID_MAIN)
    return {"epoch": e, "xs": xs, "proba": proba}


@st.cache_data(max_entries=96, show_spinner=False)
def sweep_point(s: R.Setup, kind: str, lam: float) -> dict:
    """One λ of the weight sweep (``R.sweep_summary``): from disk, else trained here."""
    return from_disk(sweep_task(s, kind, lam))


@st.cache_data(max_entries=8, show_spinner=False)
def geometry_paths() -> dict:
    lams = np.linspace(0.0, 2.0, 201)
    p1, p2 = R.paths(lams)
    return {"lams": lams, "l1": p1, "l2": p2, "lam0": R.l1_zero_lambda(),
            "lamall": R.l1_all_zero_lambda()}


def _runs_args(cfg: RegSettings) -> list[tuple[str, tuple]]:
    s = cfg.setup
    return [("early", (s, "early", 0.0, 0.0, 0.0, "proximal")),
            ("dropout", (s, "dropout", cfg.dropout, 0.0, 0.0, "proximal")),
            ("l2", (s, "l2", 0.0, cfg.l2, 0.0, "proximal")),
            ("l1", (s, "l1", 0.0, 0.0, cfg.l1, cfg.l1_mode))]


def _sweep_args(cfg: RegSettings) -> list[tuple]:
    return [(cfg.setup, k, lam) for k in R.SWEEP_KINDS for lam in SWEEP]


def warm_tasks() -> list[WarmTask]:
    """The runs behind every lecture step, for the server's warm-up (ui/warm.py): the steps
    differ only in view values, so all of them read the default settings' runs."""
    cfg = RegSettings()
    tasks = [run_task(*a) for _, a in _runs_args(cfg)] + [sweep_task(*a)
                                                          for a in _sweep_args(cfg)]
    first = next(iter(LECTURE))  # every step reads them: labelled with the first
    return [WarmTask(first, name, disk_key((name, fn, args)), fn, args)
            for name, fn, args in tasks]


def run_all(cfg: RegSettings) -> dict:
    """Every remedy's run and the λ sweep. The runs not on disk yet go to the worker pool all
    at once (two at a time on two cores), collected in order behind a progress bar."""
    jobs = [(m, train_run, a, run_task(*a)) for m, a in _runs_args(cfg)]
    jobs += [(f"{a[1]}@{a[2]:g}", sweep_point, a, sweep_task(*a)) for a in _sweep_args(cfg)]
    todo = {i: job[3] for i, job in enumerate(jobs) if not on_disk(job[3])}
    if todo:
        pool_jobs(todo, [lambda i=i: _job_label(cfg, jobs, i) for i in range(len(jobs))])
    return {name: fn(*args) for name, fn, args, _ in jobs}


def pool_jobs(todo: dict, labels: list) -> None:
    """Submit every task of ``todo`` (index -> task), store each result on disk as it comes,
    in index order, with a progress bar; drop the tasks not started if this run is stopped."""
    futures = {i: workers.submit(fn, *args) for i, (_, fn, args) in todo.items()}
    first = min(todo)
    bar = st.progress(first / len(labels), labels[first]())
    try:
        for n, (i, task) in enumerate(todo.items(), start=1):
            disk_cache.put(task[0], disk_key(task), workers.result(futures[i]))
            nxt = list(todo)[n] if n < len(todo) else None
            if nxt is not None:
                bar.progress(n / len(todo), labels[nxt]())
    except workers.WorkerCrashed:
        worker_died()
    finally:
        for f in futures.values():
            f.cancel()
    bar.empty()



def _job_label(cfg: RegSettings, jobs: list, i: int) -> str:
    name = jobs[i][0]
    if "@" in name:
        kind, lam = name.split("@")
        name = f"{T('k.' + kind)}, λ = {lam}"
    else:
        name = _method_name("none" if name == "early" else name, cfg, None)
    return T("training", name=name, i=i + 1, n=len(jobs))


# ---------------------------------------------------------------------------------------------
# Lecture steps: the notes' order (overfitting → dropout → L2 → L1 → the two-weight picture),
# then the remedies side by side. One training setup for all: a step only moves view sliders.
# ---------------------------------------------------------------------------------------------

BASE_STEP = {"dataset": DEFAULT.dataset, "n_train": DEFAULT.n_train, "noise": DEFAULT.noise,
             "width": DEFAULT.width, "epochs": DEFAULT.epochs, "lr": DEFAULT.lr,
             "seed": DEFAULT.seed, "dropout": RegSettings.dropout, "l2": RegSettings.l2,
             "l1": RegSettings.l1, "l1_mode": RegSettings.l1_mode, "epoch": DEFAULT.epochs,
             "sweep_lam": 0.01, "geo_lam": 0.3}
LECTURE = {  # step id -> view values that differ from BASE_STEP
    "overfit": {},
    "dropout": {},
    "l2": {"sweep_lam": 0.01},
    "l1": {"sweep_lam": 0.03},
    "geometry": {"geo_lam": 0.5},
    "compare": {},
}


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(sid, T(f"step.{sid}"), T(f"step_text.{sid}"),
                        {K[k]: v for k, v in (BASE_STEP | over).items()})
            for sid, over in LECTURE.items()]


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def setup_ui() -> R.Setup:
    st.subheader(T("sb_setup"))
    ds = url_state.selectbox(T("dataset"), DATASETS, key=K["dataset"], default=DEFAULT.dataset,
                             format_func=lambda d: T(f"ds.{d}"))
    n = st.slider(T("n_train"), 8, 80, DEFAULT.n_train, step=4, key=K["n_train"],
                  help=T("n_train_help"), **QP)
    noise = st.select_slider(T("noise"), NOISES, DEFAULT.noise, key=K["noise"], **QP)
    width = st.select_slider(T("width"), WIDTHS, DEFAULT.width, key=K["width"], **QP)
    epochs = st.select_slider(T("epochs"), EPOCHS, DEFAULT.epochs, key=K["epochs"], **QP)
    lr = st.select_slider(T("lr"), LRS, DEFAULT.lr, key=K["lr"], **QP)
    seed = st.number_input(T("seed"), 0, 9999, DEFAULT.seed, step=1, key=K["seed"], **QP)
    return R.Setup(ds, int(n), float(noise), int(width), int(epochs), float(lr), int(seed))


def settings_ui() -> RegSettings:
    d = RegSettings()
    with controls():
        setup = setup_ui()
        st.subheader(T("sb_remedies"))
        p = st.slider(T("p"), 0.1, 0.9, d.dropout, step=0.1, key=K["dropout"], **QP)
        l2 = st.select_slider(T("l2"), L2S, d.l2, format_func=_g, key=K["l2"], **QP)
        l1 = st.select_slider(T("l1"), L1S, d.l1, format_func=_g, key=K["l1"], **QP)
        mode = url_state.radio(T("l1_mode"), ["proximal", "subgradient"], key=K["l1_mode"],
                               default=d.l1_mode, format_func=lambda m: T(f"mode.{m}"),
                               help=T("l1_mode_help"), horizontal=True)
    return RegSettings(setup, round(float(p), 2), float(l2), float(l1), mode)


def _method_name(m: str, cfg: RegSettings, best_epoch: int | None) -> str:
    if m == "none":
        return T("m.none")
    if m == "early":
        return T("m.early", e=best_epoch if best_epoch is not None else "?")
    if m == "dropout":
        return T("m.dropout", p=_g(cfg.dropout))
    if m == "l2":
        return T("m.l2", lam=_g(cfg.l2))
    return T("m.l1", lam=_g(cfg.l1), mode=T(f"ms.{cfg.l1_mode}"))


# ---------------------------------------------------------------------------------------------
# Section 1: overfitting, with the view-only epoch slider
# ---------------------------------------------------------------------------------------------


def _curve_labels() -> dict:
    return {"loss_title": T("loss_title"), "acc_title": T("acc_title"),
            "epoch": T("epoch_axis"), "loss": T("loss_axis"), "acc": T("acc_axis"),
            "train": T("train"), "test": T("test"), "gap": T("gap")}


@st.fragment
def overfit_view(cfg: RegSettings) -> None:
    """Curves, boundary and numbers at the chosen epoch: the slider reruns only this."""
    s = cfg.setup
    run = train_run(*_runs_args(cfg)[0][1])
    epochs_saved = sorted(run["snapshots"])
    ss = st.session_state
    if K["epoch"] not in ss:  # first run: the URL's epoch if it is a saved one, else the last
        raw = st.query_params.get(K["epoch"], "")
        ss[K["epoch"]] = int(raw) if raw.isdigit() and int(raw) in epochs_saved else epochs_saved[-1]
    elif ss[K["epoch"]] not in epochs_saved:  # the run changed: show its end
        ss[K["epoch"]] = epochs_saved[-1]
    e = st.select_slider(T("epoch"), epochs_saved, key=K["epoch"], help=T("epoch_help"), **QP)
    h = run["history"]
    chart(curves_figure(h["epoch"], h, e, _curve_labels()), key="rg_fig_curves")
    download_csv(T("dl_history"), lambda: pd.DataFrame(h), "regularization_no_remedy.csv",
                 key="rg_dl_history")
    b = boundary_at(s, e)
    i = int(np.flatnonzero(h["epoch"] == b["epoch"])[0])
    st.markdown(T("at_epoch", e=b["epoch"], trl=_f(h["train_loss"][i]), tel=_f(h["test_loss"][i]),
                  gap=_f(h["test_loss"][i] - h["train_loss"][i]), tra=_pct(h["train_acc"][i]),
                  tea=_pct(h["test_acc"][i])))
    X, y, Xt, yt = R.overfit_data(s)
    labels = {"title": T("boundary_title", e=b["epoch"]), "class": T("class"), "test": T("test")}
    chart(boundary_figure(b["xs"], b["proba"], X, y, Xt, yt, labels), key="rg_fig_boundary")
    xs = b["xs"]
    download_csv(T("dl_boundary"), lambda: pd.DataFrame({
        "x1": np.tile(xs, len(xs)), "x2": np.repeat(xs, len(xs)),
        "p_class1": b["proba"][..., 1].ravel(), "epoch": b["epoch"]}),
        f"regularization_boundary_e{b['epoch']}.csv", key="rg_dl_boundary")


def overfit_summary(cfg: RegSettings, run: dict) -> None:
    f, best = run["plain_numbers"], run["numbers"]
    if f["test_loss"] > best["test_loss"] and f["train_loss"] < best["train_loss"]:
        st.markdown(T("overfit_final", epochs=f["epoch"], tra=_pct(f["train_acc"]),
                      n=cfg.setup.n_train, trl=_f(f["train_loss"]), tea=_pct(f["test_acc"]),
                      tel=_f(f["test_loss"]), best=best["epoch"], lbest=_f(best["test_loss"]),
                      trb=_f(best["train_loss"])))
    else:
        st.markdown(T("no_overfit", tel=_f(f["test_loss"]), lbest=_f(best["test_loss"]),
                      best=best["epoch"]))


# ---------------------------------------------------------------------------------------------
# Section 2: the four remedies
# ---------------------------------------------------------------------------------------------

METHOD_ORDER = ("none", "dropout", "l2", "l1", "early")


def method_numbers(runs: dict) -> dict:
    """Per method: the numbers of its returned weights (plain = the early run's last epoch)."""
    out = {"none": runs["early"]["plain_numbers"]}
    out |= {m: runs[m]["numbers"] for m in ("dropout", "l2", "l1", "early")}
    return out


def verdict(m: str, nums: dict) -> tuple[str, dict]:
    """Which sentence describes method ``m`` against no remedy, and its fields."""
    a, b = nums["none"], nums[m]
    fields = {"g0": _f(a["gap"]), "g1": _f(b["gap"]), "t0": _f(a["test_loss"]),
              "t1": _f(b["test_loss"]), "r0": _f(a["train_loss"]), "r1": _f(b["train_loss"])}
    if b["gap"] >= a["gap"]:
        return "widens", fields
    return ("narrows" if b["test_loss"] < a["test_loss"] else "narrows_worse"), fields


def comparison_frame(cfg: RegSettings, runs: dict) -> pd.DataFrame:
    nums, best = method_numbers(runs), runs["early"]["best_epoch"]
    rows = []
    for m in METHOD_ORDER:
        n = nums[m]
        rows.append({T("col.method"): _method_name(m, cfg, best), T("col.epoch"): n["epoch"],
                     T("col.train_loss"): _f(n["train_loss"]), T("col.test_loss"): _f(n["test_loss"]),
                     T("col.gap"): _f(n["gap"]), T("col.train_acc"): _pct(n["train_acc"]),
                     T("col.test_acc"): _pct(n["test_acc"])})
    return pd.DataFrame(rows)


def _curves_csv(runs: dict) -> pd.DataFrame:
    frames = []
    for m in ("early", "dropout", "l2", "l1"):
        h = runs[m]["history"]
        frames.append(pd.DataFrame({"method": "none" if m == "early" else m, **h}))
    return pd.concat(frames, ignore_index=True)


def collapse_warnings(cfg: RegSettings, runs: dict) -> None:
    for m in ("dropout", "l2", "l1"):
        c, st_ = runs[m]["collapse"], runs[m]["stats"]
        if c["collapsed"]:
            st.warning(T("collapsed", name=_method_name(m, cfg, None), spread=f"{c['spread']:.2g}",
                         p1=_f(c["p1_mean"]), zeros=st_["zeros"], n=st_["n"],
                         acc=_pct(runs[m]["numbers"]["test_acc"])),
                       icon=":material/warning:")


def remedies_view(cfg: RegSettings, runs: dict) -> None:
    best = runs["early"]["best_epoch"]
    names = {m: _method_name(m, cfg, best) for m in METHOD_ORDER}
    curves = {m: (runs[k]["history"]["epoch"], runs[k]["history"]["train_loss"],
                  runs[k]["history"]["test_loss"])
              for m, k in (("none", "early"), ("dropout", "dropout"), ("l2", "l2"),
                           ("l1", "l1"), ("early", "early"))}
    L = {"title": T("compare_title"), "epoch": T("epoch_axis"), "loss": T("loss_axis"),
         "train": T("train")}
    h0 = runs["early"]["history"]  # the y-range of the plain run: a diverged curve leaves it
    top = 1.15 * float(max(h0["test_loss"].max(), h0["train_loss"].max()))
    chart(compare_figure(curves, names, best, L, top), key="rg_fig_compare")
    download_csv(T("dl_curves"), lambda: _curves_csv(runs), "regularization_curves.csv",
                 key="rg_dl_curves")
    probas = [runs["early"]["plain_proba"]] + [runs[m]["proba"] for m in ("dropout", "l2", "l1",
                                                                          "early")]
    X, y, _, _ = R.overfit_data(cfg.setup)
    chart(thumbnails_figure(runs["early"]["xs"], probas, [names[m] for m in METHOD_ORDER], X, y,
                            {"class": T("class"), "test": T("test")}), key="rg_fig_thumbs")
    xs = runs["early"]["xs"]
    download_csv(T("dl_thumbs"), lambda: pd.DataFrame(
        {"x1": np.tile(xs, len(xs)), "x2": np.repeat(xs, len(xs)),
         **{f"p_class1_{m}": p[..., 1].ravel() for m, p in zip(METHOD_ORDER, probas, strict=True)}}),
        "regularization_final_grids.csv", key="rg_dl_thumbs")
    frame = comparison_frame(cfg, runs)
    static_table(frame)
    download_csv(T("dl_table"), lambda: frame, "regularization_table.csv", key="rg_dl_table")
    nums = method_numbers(runs)
    if runs["early"]["diverged_at"] is not None:
        return  # no remedy to compare against (the warning above says why)
    lines = []
    for m in ("dropout", "l2", "l1", "early"):
        if runs[m]["diverged_at"] is not None:
            lines.append("- " + T("no_verdict", name=names[m], epoch=runs[m]["diverged_at"]))
            continue
        key, fields = verdict(m, nums)
        lines.append("- " + T(key, name=names[m], **fields))
    ok = [m for m in METHOD_ORDER if runs["early" if m == "none" else m]["diverged_at"] is None]
    top = min(ok, key=lambda m: nums[m]["test_loss"])
    lines.append("- " + T("best_method", name=names[top], loss=_f(nums[top]["test_loss"])))
    st.markdown("\n".join(lines))
    collapse_warnings(cfg, runs)
    st.caption(T("early_note"))


# ---------------------------------------------------------------------------------------------
# Section 3: dropout
# ---------------------------------------------------------------------------------------------

MASK_UNITS = 10
MASK_DRAWS = 10_000


@st.cache_data(max_entries=32, show_spinner=False)
def dropout_numbers(s: R.Setup, p: float) -> dict:
    """Masks of the first three steps, and the expected-activation numbers of the unit with the
    largest mean activation in hidden layer 1 of the trained dropout net."""
    run = train_run(s, "dropout", p, 0.0, 0.0, "proximal")
    X, _, _, _ = R.overfit_data(s)
    a1 = np.maximum(X @ run["params"]["W1"] + run["params"]["b1"], 0.0).mean(axis=0)
    u = int(np.argmax(a1))
    masks = [R.training_masks(s.n_train, s.width, p, s.seed, t) for t in (1, 2, 3)]
    exp = R.dropout_expectation(float(a1[u]), p, MASK_DRAWS, np.random.default_rng(s.seed))
    return {"masks": masks, "unit": u + 1, "exp": exp}


def dropout_view(cfg: RegSettings) -> None:
    s, p = cfg.setup, cfg.dropout
    d = dropout_numbers(s, p)
    panels = d["masks"] + [[np.ones(s.width, bool), np.ones(s.width, bool)]]
    titles = [T("masks_title", t=t) for t in (1, 2, 3)] + [T("eval_title")]
    chart(masks_figure(panels, titles, {"kept": T("kept"), "dropped": T("dropped")}, MASK_UNITS),
          key="rg_fig_masks")
    counts = ", ".join(f"{int(m[0].sum())} / {int(m[1].sum())}" for m in d["masks"])
    st.caption(T("masks_caption", k=MASK_UNITS, counts=counts, w=s.width,
                 exp=_g(round(s.width * (1 - p), 1)), p=_g(p)))
    download_csv(T("dl_masks"), lambda: pd.DataFrame(
        [{"step": t, "layer": l + 1, "unit": u + 1, "kept": bool(m[l][u])}
         for t, m in zip((1, 2, 3), d["masks"], strict=True) for l in (0, 1)
         for u in range(s.width)]), "regularization_masks.csv", key="rg_dl_masks")
    e = d["exp"]
    q = 1 - p
    st.markdown(T("scaling_intro", p=_g(p), f=_f(1 / q), u=d["unit"], a=_f(e["a"])))
    rows = [(T("row.kept", q=_g(round(q, 2))), e["scaled"]), (T("row.dropped", p=_g(p)), 0.0),
            (T("row.expected"), e["expected"]), (T("row.measured", n=f"{e['draws']:,}"), e["measured"]),
            (T("row.unscaled"), e["unscaled_expected"]), (T("row.eval"), e["eval"])]
    frame = pd.DataFrame({T("col.case"): [r[0] for r in rows],
                          T("col.value"): [_f(r[1]) for r in rows]})
    static_table(frame)
    download_csv(T("dl_dropout"), lambda: pd.DataFrame([{"p": p, "unit": d["unit"], **e}]),
                 "regularization_dropout.csv", key="rg_dl_dropout")
    st.caption(T("scaling_outro", f=_f(1 / q)))


# ---------------------------------------------------------------------------------------------
# Section 4: L1 vs L2 weights
# ---------------------------------------------------------------------------------------------


def _sweep_series(runs: dict) -> dict:
    out = {}
    for k in R.SWEEP_KINDS:
        pts = [runs[f"{k}@{lam:g}"] for lam in SWEEP]
        n = pts[0]["stats"]["n"]
        out[k] = {"zeros": np.array([q["stats"]["zeros"] / n for q in pts]),
                  "near": np.array([q["stats"]["near_zero"] / n for q in pts]),
                  "norm": np.array([q["stats"]["l2_norm"] for q in pts])}
    return out


def _sweep_csv(runs: dict) -> pd.DataFrame:
    return pd.DataFrame([{"kind": k, "lambda": lam, **runs[f"{k}@{lam:g}"]["stats"],
                          "test_loss": runs[f"{k}@{lam:g}"]["test_loss"],
                          "test_acc": runs[f"{k}@{lam:g}"]["test_acc"],
                          "collapsed": runs[f"{k}@{lam:g}"]["collapse"]["collapsed"]}
                         for k in R.SWEEP_KINDS for lam in SWEEP])


@st.fragment
def weights_view(cfg: RegSettings, runs: dict) -> None:
    """Histograms at the chosen λ (view-only slider) and the sweep over every λ."""
    lam = st.select_slider(T("sweep_lam"), list(SWEEP), 0.01, format_func=_g, key=K["sweep_lam"],
                           help=T("sweep_lam_help"), **QP)
    pts = {k: runs[f"{k}@{lam:g}"] for k in R.SWEEP_KINDS}
    edges = np.linspace(-HIST_LIM, HIST_LIM, HIST_BINS + 1)
    titles = {k: T("hist_panel", name=T(f"k.{k}"), zeros=pts[k]["stats"]["zeros"])
              for k in R.SWEEP_KINDS}
    chart(histograms_figure(edges, {k: pts[k]["counts"] for k in R.SWEEP_KINDS}, titles,
                            {"weight": T("weight_axis"), "count": T("count_axis")}),
          key="rg_fig_hist")
    st.caption(T("hist_caption", epochs=cfg.setup.epochs, bw=_g(round(edges[1] - edges[0], 4)),
                 lim=_g(HIST_LIM)))
    download_csv(T("dl_hist"), lambda: pd.DataFrame(
        {"bin_left": edges[:-1], "bin_right": edges[1:],
         **{f"count_{k}": pts[k]["counts"] for k in R.SWEEP_KINDS}}),
        f"regularization_hist_l{lam:g}.csv", key="rg_dl_hist")
    st0 = runs["early"]["plain_stats"]
    sv = {k: pts[k]["stats"] for k in R.SWEEP_KINDS}
    st.markdown(T("sweep_text", lam=_g(lam), n=st0["n"], zs=sv["l1_sub"]["zeros"],
                  ns=sv["l1_sub"]["near_zero"], zp=sv["l1_prox"]["zeros"],
                  np_=sv["l1_prox"]["near_zero"], z2=sv["l2"]["zeros"], n2=sv["l2"]["near_zero"],
                  w2=_f(sv["l2"]["l2_norm"], 2), ws=_f(sv["l1_sub"]["l2_norm"], 2),
                  wp=_f(sv["l1_prox"]["l2_norm"], 2), w0=_f(st0["l2_norm"], 2)))
    st.caption(T("sweep_why", step=_g(round(cfg.setup.lr * lam, 6))))


def sweep_view(cfg: RegSettings, runs: dict) -> None:
    names = {k: T(f"k.{k}") for k in R.SWEEP_KINDS}
    L = {"zeros_title": T("zeros_title"), "norm_title": T("norm_title"),
         "share": T("share_axis"), "norm": T("norm_axis"), "near": T("near")}
    chart(sweep_figure(np.array(SWEEP), _sweep_series(runs), names, L), key="rg_fig_sweep")
    download_csv(T("dl_sweep"), lambda: _sweep_csv(runs), "regularization_sweep.csv",
                 key="rg_dl_sweep")
    for k in R.SWEEP_KINDS:
        for lam in SWEEP:
            q = runs[f"{k}@{lam:g}"]
            if q["collapse"]["collapsed"]:
                c = q["collapse"]
                st.warning(T("sweep_collapse", lam=_g(lam), name=names[k],
                             zeros=q["stats"]["zeros"], n=q["stats"]["n"],
                             spread=f"{c['spread']:.2g}", acc=_pct(q["test_acc"]),
                             p1=_f(c["p1_mean"])),
                           icon=":material/warning:")
                break  # the smallest collapsing λ of this kind is enough


# ---------------------------------------------------------------------------------------------
# Section 5: two-weight geometry
# ---------------------------------------------------------------------------------------------


def geometry_text(lam: float, w1: np.ndarray, w2: np.ndarray, g: dict) -> str:
    c, d = _f(w2[0]), _f(w2[1])
    if np.all(w1 == 0.0):
        return T("geo_zero", lam=_g(lam), lamall=_f(g["lamall"]), c=c, d=d)
    if w1[1] == 0.0:
        text = T("geo_axis", lam=_g(lam), a=_f(w1[0]), lam0=_f(g["lam0"]), c=c, d=d)
    else:
        text = T("geo_both", lam=_g(lam), a=_f(w1[0]), b=_f(w1[1]), lam0=_f(g["lam0"]), c=c,
                 d=d)
    return text + l2_moves_text(lam, w2)


def l2_moves_text(lam: float, w2: np.ndarray) -> str:
    """L2 shrinks the norm for every λ > 0, but with correlated features not every weight."""
    if lam == 0:
        return ""
    ws = R.GEO_W_STAR
    moves = R.l2_moves(lam)
    norms = {"n0": _f(moves["norm0"]), "n1": _f(moves["norm1"])}
    grown = moves["grown"]
    if grown.size:
        i = int(grown[0])
        return T("geo_l2_grows", wi=("w₁", "w₂")[i], s=_f(ws[i]), v=_f(w2[i]), **norms)
    return T("geo_l2_shrinks", **norms)


@st.fragment
def geometry_view() -> None:
    A, ws = R.GEO_A, R.GEO_W_STAR
    st.markdown(T("geo_intro", a=_g(ws[0]), b=_g(ws[1]), a11=_g(A[0, 0]), a12=_g(A[0, 1]),
                  a22=_g(A[1, 1])))
    lam = st.select_slider(T("geo_lam"), GEO_LAMS, 0.3, format_func=_g, key=K["geo_lam"], **QP)
    g = geometry_paths()
    w1, w2 = R.l1_optimum(lam), R.l2_optimum(lam)
    L = {k: T(k) for k in ("touch", "l1_set", "l2_set", "path", "wstar", "l1_opt", "l2_opt")}
    L |= {"l1_title": T("geo_l1_title"), "l2_title": T("geo_l2_title")}
    levels = [0.02, 0.1, 0.25, 0.5, 0.9]
    chart(geometry_figure(A, ws, w1, w2, g["l1"], g["l2"], levels, L), key="rg_fig_geo")
    st.markdown(geometry_text(lam, w1, w2, g))
    download_csv(T("dl_geo"), lambda: pd.DataFrame(
        {"lambda": g["lams"], "l1_w1": g["l1"][:, 0], "l1_w2": g["l1"][:, 1],
         "l2_w1": g["l2"][:, 0], "l2_w2": g["l2"][:, 1]}), "regularization_geometry.csv",
        key="rg_dl_geo")


def notes_view() -> None:
    e = R.notes_example()
    st.caption(T("notes", wx=_g(e["w1"]["wx"]), a2=_g(e["w1"]["l2sq"]), b2=_g(e["w2"]["l2sq"]),
                 a1=_g(e["w1"]["l1"]), b1=_g(e["w2"]["l1"])))


def diverged_warnings(cfg: RegSettings, runs: dict) -> None:
    for m in ("early", "dropout", "l2", "l1"):
        if runs[m]["diverged_at"] is not None:
            name = _method_name("none" if m == "early" else m, cfg, None)
            st.warning(T("diverged", name=name, epoch=runs[m]["diverged_at"]),
                       icon=":material/warning:")


def batching_text(n: int) -> str:
    size, count, last = R.batch_plan(n)
    if count == 1:
        return T("batch.full", n=n)
    key = "batch.mini" if last == size else "batch.mini_last"
    return T(key, size=size, count=count, last=last)


def main() -> None:
    page_intro(T("title"), T("intro"))
    if lecture_mode():  # before the widgets: a step sets their values (no presets here)
        lecture_steps_ui(lecture_steps())
    cfg = settings_ui()
    s = cfg.setup
    st.caption(T("setup_caption", w=s.width, lr=_g(s.lr), batching=batching_text(s.n_train),
                 epochs=s.epochs, seed=s.seed))
    runs = run_all(cfg)
    diverged_warnings(cfg, runs)
    st.header(T("s1"))
    overfit_view(cfg)
    overfit_summary(cfg, runs["early"])
    st.header(T("s2"))
    remedies_view(cfg, runs)
    st.header(T("s3"))
    dropout_view(cfg)
    st.header(T("s4"))
    weights_view(cfg, runs)
    sweep_view(cfg, runs)
    st.header(T("s5"))
    geometry_view()
    notes_view()


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
