"""Autoencoders: 8×8 digits squeezed through a bottleneck of k units and back.

UI only: widgets -> ``AESettings`` -> runs of ``nncore.autoencoder`` in the worker pool, in
chunks with a progress bar, cached on disk across sessions (ui.disk_cache) and in the process
(st.cache_data) -> ``viz.autoencoder_figs``. One view computes at a time (the segmented control),
so a student pays only for what is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from nncore import autoencoder as ae
from ui import disk_cache, workers
from ui.common import chart, controls, download_csv, page_intro, worker_died
from ui.lecture import LectureStep, lecture_steps_ui
from ui.share import lecture_mode
from ui.strings.autoencoder import T
from ui.url_state import radio, segmented
from ui.warm import WarmTask
from viz.autoencoder_figs import (
    AE_COLOR,
    PCA_COLOR,
    accuracy_bars,
    accuracy_vs_labels,
    code_scatter,
    digit_grid,
    error_vs_k,
    grid_png,
    manifold_figure,
    training_curve,
)

K = {  # widget keys = URL parameter names
    "view": "ae_view",
    "k": "ae_k",
    "epochs": "ae_epochs",
    "seed": "ae_seed",
    "noise": "ae_noise",
    "level": "ae_level",
    "labels": "ae_labels",
    "shape": "ae_shape",
    "jitter": "ae_jitter",
    "label_sweep": "ae_label_sweep",
}
VIEWS = ("recon", "sweep", "code", "denoise", "pretrain", "manifold")
EPOCHS = (10, 20, 40, 80, 160)
SWEEP_KS = (2, 4, 8, 16, 32)
LABELS = (20, 50, 100, 200, 500)
LEVELS = {"gaussian": (0.1, 0.8, 0.3, 0.05), "mask": (0.1, 0.8, 0.3, 0.05)}  # lo, hi, default, step
LINEAR = {"epochs": 100}  # the linear AE of the code view: enough to settle on PCA's plane
LINEAR_CLOSE_DEG = 5.0  # "finds PCA's plane": every angle below this, MSE within 1% of PCA
ORDERED_RHO = 0.95  # "the code is a coordinate along the spiral": |rank correlation| above this
MANIFOLD = {"hidden": (64,), "activation": "relu", "epochs": 400, "n_points": 300,
            "batch_size": 32}


@dataclass(frozen=True)
class AESettings:
    view: str = "recon"
    k: int = 8
    epochs: int = 40
    seed: int = 0
    noise: str = "gaussian"
    level: float = 0.3
    n_labels: int = 100
    shape: str = "spiral"
    jitter: float = 0.03

    def ae_config(self, k: int | None = None, **kw) -> ae.AEConfig:
        return ae.AEConfig(k=self.k if k is None else k, epochs=self.epochs, seed=self.seed,
                           **kw)

    def manifold_config(self) -> ae.AEConfig:
        return ae.AEConfig(k=1, seed=self.seed, data=self.shape, data_noise=self.jitter,
                           **MANIFOLD)

    def linear_config(self) -> ae.AEConfig:
        return ae.AEConfig(k=2, hidden=(), activation="linear", seed=self.seed, **LINEAR)


# ---------------------------------------------------------------------------------------------
# Lecture steps (ui.lecture), in the notes' order: AE (input = output, a compressed code), the
# code as a feature, stacked AE (pre-training + fine-tuning), denoising AE; then the curve toy.
# Settings are those the claims tests already run, so a step opens from the caches.
# ---------------------------------------------------------------------------------------------

BASE_STEP = {"view": "recon", "k": AESettings.k, "epochs": AESettings.epochs,
             "seed": AESettings.seed, "noise": AESettings.noise, "level": AESettings.level,
             "labels": AESettings.n_labels, "shape": AESettings.shape,
             "jitter": AESettings.jitter, "label_sweep": False}
LECTURE = {  # step id -> settings that differ from BASE_STEP
    "ae": {},
    "bottleneck": {"view": "sweep"},
    "features": {"view": "code"},
    "stacked": {"view": "pretrain"},
    "few_labels": {"view": "pretrain", "labels": 20},
    "denoise": {"view": "denoise"},
    "masking": {"view": "denoise", "noise": "mask", "level": 0.5},
    "manifold": {"view": "manifold"},
}


def step_fields(sid: str) -> dict:
    """The numbers a step's text names, from its settings (tests/app/test_claims_autoencoder)."""
    v = BASE_STEP | LECTURE[sid]
    return {"k": v["k"], "ratio": f"{64 / v['k']:.0f}", "ks": ", ".join(map(str, SWEEP_KS)),
            "labels": v["labels"], "seeds": ae.PretrainConfig().n_seeds,
            "base": BASE_STEP["labels"], "n_train": f"{len(digits_split()[0]):,}",
            "level": f"{v['level']:g}", "pct": f"{v['level']:.0%}"}


def lecture_steps() -> list[LectureStep]:
    return [LectureStep(sid, T(f"step.{sid}"), T(f"step_text.{sid}", **step_fields(sid)),
                        {K[k]: v for k, v in (BASE_STEP | over).items()})
            for sid, over in LECTURE.items()]


# ---------------------------------------------------------------------------------------------
# Long runs: worker pool in chunks, progress bar, disk cache shared by every session
# ---------------------------------------------------------------------------------------------


class _Missing(Exception):
    """Not on disk yet (an exception, so st.cache_data does not keep the miss)."""


@st.cache_data(max_entries=64, show_spinner=False)
def _stored(name: str, cfg):
    value = disk_cache.get(name, cfg)
    if value is disk_cache.MISSING:
        raise _Missing
    return value


def _progress_text(label: str, state) -> str:
    if isinstance(state, ae.AEResult):
        h = state.history
        key = "test_mse" if "test_mse" in h else "train_mse"
        return T("progress_ae", what=label, epoch=state.epochs_done, mse=f"{h[key][-1]:.4f}")
    return T("progress_seeds", what=label, done=len(state))


def run_cached(name: str, cfg, step, n_chunks: int, label: str, preview=None):
    """The stored result of ``cfg``'s run, or the run itself in the worker pool, chunk by
    chunk, each drawn as progress (epoch and latest error) and, with ``preview(state) -> PNG``,
    as a picture of the latest chunk; then stored for everyone."""
    try:
        return _stored(name, cfg)
    except _Missing:
        pass
    bar, picture = st.progress(0.0, text=label), st.empty()
    state = None
    try:
        for i, state in workers.run_chunks(step, None, n_chunks, cfg):
            bar.progress(i / n_chunks, text=_progress_text(label, state))
            if preview is not None and i < n_chunks:
                picture.image(preview(state), caption=T("preview"))
    except workers.WorkerCrashed:
        bar.empty()
        picture.empty()
        worker_died()
    bar.empty()
    picture.empty()
    disk_cache.put(name, cfg, state)
    return _stored(name, cfg)


def trained_ae(cfg: ae.AEConfig, label: str) -> ae.AEResult:
    preview = None
    if cfg.data == "digits":
        def preview(state: ae.AEResult) -> bytes:
            """Ten test digits (corrupted as in training) and their current reconstructions."""
            _, _, Xt, yt = digits_split()
            x = ae.noisy_test(Xt, cfg.noise, cfg.noise_level, cfg.seed)[sample_index(yt)]
            return grid_png([x, ae.reconstruct(state.params, x, cfg.acts)])
    return run_cached("ae_run", cfg, ae.ae_chunk, cfg.n_chunks, label, preview)


# ---------------------------------------------------------------------------------------------
# Cheap derived numbers (in-process cache: forward passes and an SVD)
# ---------------------------------------------------------------------------------------------


@st.cache_data(max_entries=4, show_spinner=False)
def digits_split():
    return ae.split_digits()


def sample_index(y: np.ndarray) -> np.ndarray:
    """The first test image of each digit 0-9: the grid's ten columns."""
    return np.array([int(np.flatnonzero(y == d)[0]) for d in range(10)])


@st.cache_data(max_entries=16, show_spinner=False)
def recon_numbers(cfg: ae.AEConfig, _res: ae.AEResult) -> dict:
    X, _, Xt, yt = digits_split()
    mu, comps, _ = ae.pca(X, cfg.k)
    idx = sample_index(yt)
    return {
        "orig": Xt[idx], "ae": ae.reconstruct(_res.params, Xt[idx], cfg.acts),
        "pca": ae.pca_reconstruct(Xt[idx], mu, comps), "labels": yt[idx],
        "ae_mse": ae.reconstruction_mse(_res.params, Xt, Xt, cfg.acts),
        "pca_mse": ae.mse_real(ae.pca_reconstruct(Xt, mu, comps), Xt)[0],
    }


@st.cache_data(max_entries=8, show_spinner=False)
def pca_test_mse(k: int) -> float:
    X, _, Xt, _ = digits_split()
    mu, comps, _ = ae.pca(X, k)
    return ae.mse_real(ae.pca_reconstruct(Xt, mu, comps), Xt)[0]


@st.cache_data(max_entries=8, show_spinner=False)
def code_numbers(cfg: ae.AEConfig, _res: ae.AEResult, lin_cfg, _lin: ae.AEResult) -> dict:
    X, y, Xt, yt = digits_split()
    X_all, y_all = np.vstack([X, Xt]), np.concatenate([y, yt])
    mu, comps, var = ae.pca(X, 2)
    angles = ae.principal_angles(ae.decoder_subspace(_lin.params), comps.T)
    return {
        "ae": ae.encode(_res.params, X_all, cfg.acts), "pca": ae.pca_project(X_all, mu, comps),
        "y": y_all, "angles_deg": np.degrees(angles),
        "lin_mse": ae.reconstruction_mse(_lin.params, X, X, lin_cfg.acts),
        "pca_train_mse": ae.mse_real(ae.pca_reconstruct(X, mu, comps), X)[0],
        "ae_mse": ae.reconstruction_mse(_res.params, Xt, Xt, cfg.acts),
        "pca_mse": ae.mse_real(ae.pca_reconstruct(Xt, mu, comps), Xt)[0],
    }


@st.cache_data(max_entries=8, show_spinner=False)
def denoise_numbers(cfg: ae.AEConfig, _dae: ae.AEResult, plain_cfg, _plain: ae.AEResult):
    X, _, Xt, yt = digits_split()
    noisy = ae.noisy_test(Xt, cfg.noise, cfg.noise_level, cfg.seed)
    idx = sample_index(yt)
    return {
        "noisy": noisy[idx], "dae": ae.reconstruct(_dae.params, noisy[idx], cfg.acts),
        "plain": ae.reconstruct(_plain.params, noisy[idx], plain_cfg.acts), "clean": Xt[idx],
        "labels": yt[idx],
        "identity_mse": ae.mse_real(noisy, Xt)[0],
        "plain_mse": ae.reconstruction_mse(_plain.params, noisy, Xt, plain_cfg.acts),
        "dae_mse": ae.reconstruction_mse(_dae.params, noisy, Xt, cfg.acts),
    }


@st.cache_data(max_entries=8, show_spinner=False)
def manifold_numbers(cfg: ae.AEConfig, _res: ae.AEResult) -> dict:
    X, _ = ae.config_data(cfg)
    _, t = ae.manifold_points(cfg.data, cfg.n_points, cfg.data_noise,
                              np.random.default_rng([cfg.seed, 11]))
    code = ae.encode(_res.params, X, cfg.acts)[:, 0]
    grid = np.linspace(code.min(), code.max(), 200)[:, None]
    curve = ae.decode(_res.params, grid, cfg.acts)
    return {"X": X, "t": t, "code": code, "curve": curve,
            "rank_corr": ae.rank_correlation(code, t),
            "end_gap": float(np.linalg.norm(curve[0] - curve[-1])),
            "mse": float(_res.history["train_mse"][-1])}


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------


def settings_ui() -> AESettings:
    q = {"bind": "query-params"}
    view = segmented(T("view"), VIEWS, key=K["view"], default="recon",
                     format_func=lambda v: T(f"view.{v}"))
    d = AESettings()
    with controls():
        st.subheader(T("net_header"))
        k = st.slider(T("k"), 2, 32, d.k, key=K["k"], help=T("k_help"), **q)
        epochs = st.select_slider(T("epochs"), EPOCHS, value=d.epochs, key=K["epochs"],
                                  help=T("epochs_help"), **q)
        seed = st.number_input(T("seed"), 0, 99, d.seed, step=1, key=K["seed"], **q)
        st.subheader(T("noise_header"))
        noise = radio(T("noise"), ae.NOISE_KINDS, key=K["noise"], default=d.noise,
                      format_func=lambda v: T(f"noise.{v}"), horizontal=True)
        lo, hi, default, step = LEVELS[noise]
        level = st.slider(T(f"level.{noise}"), lo, hi, default, step, key=K["level"], **q)
        st.subheader(T("pre_header"))
        n_labels = st.select_slider(T("labels"), LABELS, value=d.n_labels, key=K["labels"],
                                    help=T("labels_help"), **q)
        st.subheader(T("manifold_header"))
        shape = radio(T("shape"), ae.MANIFOLDS, key=K["shape"], default=d.shape,
                      format_func=lambda v: T(f"shape.{v}"), horizontal=True)
        jitter = st.slider(T("jitter"), 0.0, 0.1, d.jitter, 0.01, key=K["jitter"], **q)
    return AESettings(view, int(k), int(epochs), int(seed), noise, float(level), int(n_labels),
                      shape, float(jitter))


def diverged_warning(res: ae.AEResult) -> None:
    if res.diverged_at is not None:
        st.warning(T("diverged", epoch=res.diverged_at), icon=":material/warning:")


def grid_frame(rows: dict, labels: np.ndarray) -> pd.DataFrame:
    """One row per shown image: which row of the grid, its digit, its 64 pixels."""
    out = []
    for name, imgs in rows.items():
        for lab, img in zip(labels, imgs, strict=True):
            out.append({"row": name, "digit": int(lab)} | {f"p{i}": float(v)
                                                             for i, v in enumerate(img)})
    return pd.DataFrame(out)


# ---------------------------------------------------------------------------------------------
# Sentences about the numbers: (string key, fields), chosen from the numbers (claims tests)
# ---------------------------------------------------------------------------------------------


def recon_claim(k: int, n: dict) -> tuple[str, dict]:
    key = "recon_ae_better" if n["ae_mse"] < n["pca_mse"] else "recon_pca_better"
    return key, {"k": k, "ae": f"{n['ae_mse']:.4f}", "pca": f"{n['pca_mse']:.4f}",
                 "ratio": f"{64 / k:.1f}"}


def sweep_claims(ks, ae_mse, pca_mse) -> list[tuple[str, dict]]:
    ae_mse, pca_mse = np.asarray(ae_mse), np.asarray(pca_mse)
    rises = [f"{a}→{b}" for a, b, d in zip(ks[:-1], ks[1:], np.diff(ae_mse), strict=True)
             if d >= 0]
    out = [("sweep_falls" if not rises else "sweep_not_monotone",
            {"first": f"{ae_mse[0]:.4f}", "last": f"{ae_mse[-1]:.4f}", "k0": ks[0],
             "k1": ks[-1], "rises": ", ".join(rises)})]
    better = [str(k) for k, a, p in zip(ks, ae_mse, pca_mse, strict=True) if a < p]
    worse = [str(k) for k, a, p in zip(ks, ae_mse, pca_mse, strict=True) if a >= p]
    if not worse:
        out.append(("sweep_ae_all", {}))
    elif not better:
        out.append(("sweep_pca_all", {}))
    else:
        out.append(("sweep_mixed", {"better": ", ".join(better), "worse": ", ".join(worse)}))
    return out


def code_claims(n: dict, lin_epochs: int) -> list[tuple[str, dict]]:
    a = n["angles_deg"]
    close = a.max() < LINEAR_CLOSE_DEG and n["lin_mse"] < 1.01 * n["pca_train_mse"]
    linear = "code_linear_close" if close else "code_linear_far"
    return [
        ("code_ae_vs_pca", {"ae": f"{n['ae_mse']:.4f}", "pca": f"{n['pca_mse']:.4f}"}),
        (linear, {"epochs": lin_epochs, "a1": f"{a[0]:.1f}", "a2": f"{a[1]:.1f}",
                  "lin": f"{n['lin_mse']:.4f}", "pca": f"{n['pca_train_mse']:.4f}"}),
    ]


def denoise_claim(n: dict) -> tuple[str, dict]:
    key = "denoise_dae_better" if n["dae_mse"] < n["plain_mse"] else "denoise_plain_better"
    return key, {"identity": f"{n['identity_mse']:.4f}", "plain": f"{n['plain_mse']:.4f}",
                 "dae": f"{n['dae_mse']:.4f}"}


def pretrain_claim(runs: list[dict], n_labels: int) -> tuple[str, dict]:
    pre = np.array([r["pretrained"] for r in runs])
    rand = np.array([r["random"] for r in runs])
    diff = 100 * (pre.mean() - rand.mean())
    key = "pre_helps" if diff > 0 else ("pre_hurts" if diff < 0 else "pre_same")
    return key, {"labels": n_labels, "seeds": len(runs), "pre": f"{pre.mean():.1%}",
                 "rand": f"{rand.mean():.1%}", "diff": f"{abs(diff):.1f}",
                 "wins": int(np.sum(pre > rand)), "ties": int(np.sum(pre == rand))}


def pretrain_range_claim(runs: list[dict]) -> tuple[str, dict]:
    diffs = [100 * (r["pretrained"] - r["random"]) for r in runs]
    return "pre_range", {"lo": f"{min(diffs):+.1f}", "hi": f"{max(diffs):+.1f}"}


def label_sweep_claim(labels, pre_mean, rand_mean) -> tuple[str, dict]:
    ahead = [str(n) for n, p, r in zip(labels, pre_mean, rand_mean, strict=True) if p > r]
    behind = [str(n) for n, p, r in zip(labels, pre_mean, rand_mean, strict=True) if p <= r]
    key = "sweep_pre_all" if not behind else ("sweep_pre_none" if not ahead else "sweep_pre_mixed")
    return key, {"ahead": ", ".join(ahead), "behind": ", ".join(behind), "n": len(labels)}


def manifold_claim(shape: str, n: dict) -> tuple[str, dict]:
    key = "manifold_circle" if shape == "circle" else (
        "manifold_spiral_ordered" if abs(n["rank_corr"]) > ORDERED_RHO else "manifold_spiral_jumps")
    return key, {"rho": f"{abs(n['rank_corr']):.3f}",
                                 "gap": f"{n['end_gap']:.2f}", "mse": f"{n['mse']:.4f}"}


def say(claim: tuple[str, dict]) -> str:
    return T(claim[0], **claim[1])


# ---------------------------------------------------------------------------------------------
# Views: one per segment
# ---------------------------------------------------------------------------------------------


def curve_view(res: ae.AEResult, key: str) -> None:
    h = res.history
    series = [(T("train_set"), h["train_mse"], AE_COLOR)]
    if "test_mse" in h:
        series.append((T("test_set"), h["test_mse"], PCA_COLOR))
    chart(training_curve(h["epoch"], series, {"title": T("curve_title"), "x": T("epoch"),
                                              "y": T("mse_axis")}), key=key)


def view_configs(s: AESettings) -> list:
    """The configurations of the runs ``s.view`` trains, in its order (its views read them
    from here, and so does the server's warm-up)."""
    return {
        "recon": lambda: [s.ae_config()],
        "sweep": lambda: [s.ae_config(k) for k in SWEEP_KS],
        "code": lambda: [s.ae_config(2), s.linear_config()],
        "denoise": lambda: [s.ae_config(noise=s.noise, noise_level=s.level), s.ae_config()],
        "pretrain": lambda: [ae.PretrainConfig(n_labels=s.n_labels)],
        "manifold": lambda: [s.manifold_config()],
    }[s.view]()


def warm_tasks() -> list[WarmTask]:
    """Every lecture step's runs, for the server's warm-up (ui/warm.py)."""
    out = []
    for sid, over in LECTURE.items():
        v = BASE_STEP | over
        s = AESettings(v["view"], v["k"], v["epochs"], v["seed"], v["noise"], v["level"],
                       v["labels"], v["shape"], v["jitter"])
        for cfg in view_configs(s):
            if isinstance(cfg, ae.PretrainConfig):
                out.append(WarmTask(sid, "ae_pretrain", cfg, ae.run_pretrain, (cfg,)))
            else:
                out.append(WarmTask(sid, "ae_run", cfg, ae.run_ae, (cfg,)))
    return out


def recon_view(s: AESettings) -> None:
    (cfg,) = view_configs(s)
    res = trained_ae(cfg, T("training", k=cfg.k))
    diverged_warning(res)
    n = recon_numbers(cfg, res)
    st.markdown(say(recon_claim(cfg.k, n)))
    rows = {T("row_orig"): n["orig"], T("row_ae", k=cfg.k): n["ae"],
            T("row_pca", k=cfg.k): n["pca"]}
    chart(digit_grid(list(rows.values()), list(rows), T("grid_title")), key="ae_fig_recon")
    st.caption(T("grid_caption"))
    download_csv(T("download_grid"), lambda: grid_frame(
        {"original": n["orig"], "autoencoder": n["ae"], "pca": n["pca"]}, n["labels"]),
        "autoencoder_reconstructions.csv", key="ae_csv_recon")
    curve_view(res, "ae_fig_curve")
    download_csv(T("download_curve"), lambda: pd.DataFrame(res.history),
                 "autoencoder_training.csv", key="ae_csv_curve")


def sweep_view(s: AESettings) -> None:
    results = [trained_ae(cfg, T("training", k=cfg.k)) for cfg in view_configs(s)]
    ae_mse = [float(r.history["test_mse"][-1]) for r in results]
    pca_mse = [pca_test_mse(k) for k in SWEEP_KS]
    for claim in sweep_claims(SWEEP_KS, ae_mse, pca_mse):
        st.markdown(say(claim))
    names = {"ae": T("ae_name"), "pca": T("pca_name"), "title": T("sweep_title"),
             "x": T("k_axis"), "y": T("test_mse_axis")}
    chart(error_vs_k(list(SWEEP_KS), ae_mse, pca_mse, names), key="ae_fig_sweep")
    st.caption(T("sweep_caption", epochs=s.epochs))
    download_csv(T("download_sweep"), lambda: pd.DataFrame(
        {"k": SWEEP_KS, "ae_test_mse": ae_mse, "pca_test_mse": pca_mse}),
        "autoencoder_error_vs_k.csv", key="ae_csv_sweep")


def code_view(s: AESettings) -> None:
    cfg, lin_cfg = view_configs(s)
    res = trained_ae(cfg, T("training", k=2))
    lin = trained_ae(lin_cfg, T("training_linear"))
    diverged_warning(res)
    n = code_numbers(cfg, res, lin_cfg, lin)
    claims = code_claims(n, lin_cfg.epochs)
    st.markdown(say(claims[0]))
    digits = [T("digit", d=d) for d in range(10)]
    fig = code_scatter([(T("code_ae_title"), n["ae"]), (T("code_pca_title"), n["pca"])],
                       n["y"], digits, [("z₁", "z₂"), ("PC 1", "PC 2")], T("code_hover"))
    chart(fig, key="ae_fig_code")
    st.caption(T("code_caption"))
    st.markdown(say(claims[1]))
    download_csv(T("download_code"), lambda: pd.DataFrame(
        {"digit": n["y"], "ae_z1": n["ae"][:, 0], "ae_z2": n["ae"][:, 1],
         "pca_1": n["pca"][:, 0], "pca_2": n["pca"][:, 1]}),
        "autoencoder_code_space.csv", key="ae_csv_code")


def denoise_view(s: AESettings) -> None:
    cfg, plain_cfg = view_configs(s)
    dae = trained_ae(cfg, T("training_dae", k=cfg.k))
    plain = trained_ae(plain_cfg, T("training", k=cfg.k))
    diverged_warning(dae)
    n = denoise_numbers(cfg, dae, plain_cfg, plain)
    st.markdown(say(denoise_claim(n)))
    rows = {T("row_noisy"): n["noisy"], T("row_dae"): n["dae"], T("row_plain"): n["plain"],
            T("row_clean"): n["clean"]}
    chart(digit_grid(list(rows.values()), list(rows), T("denoise_title")), key="ae_fig_denoise")
    st.caption(T("denoise_caption"))
    download_csv(T("download_grid"), lambda: grid_frame(
        {"noisy": n["noisy"], "denoising": n["dae"], "plain": n["plain"], "clean": n["clean"]},
        n["labels"]), "autoencoder_denoising.csv", key="ae_csv_denoise")


def pretrain_view(s: AESettings) -> None:
    (cfg,) = view_configs(s)
    runs = run_cached("ae_pretrain", cfg, ae.pretrain_chunk, cfg.n_seeds,
                      T("training_pre", labels=cfg.n_labels))
    st.markdown(say(pretrain_claim(runs, cfg.n_labels)) + " "
                + say(pretrain_range_claim(runs)))
    names = {"pre": T("pre_name"), "rand": T("rand_name"), "seed": T("seed_tick"),
             "mean": T("mean_tick"), "title": T("pre_title", labels=cfg.n_labels),
             "y": T("acc_axis")}
    chart(accuracy_bars([r["seed"] for r in runs], [r["pretrained"] for r in runs],
                        [r["random"] for r in runs], names), key="ae_fig_pretrain")
    st.caption(T("pre_caption", seeds=cfg.n_seeds, pre=cfg.pre_epochs, ft=cfg.ft_epochs))
    st.info(T("pre_notes"), icon=":material/school:")
    download_csv(T("download_pre"), lambda: pretrain_frame({cfg.n_labels: runs}),
                 "autoencoder_pretraining.csv", key="ae_csv_pretrain")
    if st.toggle(T("label_sweep"), False, key=K["label_sweep"], help=T("label_sweep_help"),
                 bind="query-params"):
        label_sweep_view()


def pretrain_frame(by_labels: dict) -> pd.DataFrame:
    return pd.DataFrame([{"n_labels": n, "seed": r["seed"], "pretrained_test_acc": r["pretrained"],
                          "random_test_acc": r["random"]}
                         for n, runs in by_labels.items() for r in runs])


def label_sweep_view() -> None:
    """The notes' claim at every label count: mean (and per-seed) test accuracy, both inits."""
    by_labels = {}
    for n in LABELS:
        cfg = ae.PretrainConfig(n_labels=n)
        by_labels[n] = run_cached("ae_pretrain", cfg, ae.pretrain_chunk, cfg.n_seeds,
                                  T("training_pre", labels=n))
    pre = np.array([[r["pretrained"] for r in runs] for runs in by_labels.values()])
    rand = np.array([[r["random"] for r in runs] for runs in by_labels.values()])
    st.markdown(say(label_sweep_claim(LABELS, pre.mean(axis=1), rand.mean(axis=1))))
    names = {"pre": T("pre_name"), "rand": T("rand_name"), "seeds": T("per_seed"),
             "title": T("label_sweep_title", seeds=pre.shape[1]), "x": T("labels_axis"),
             "y": T("acc_axis")}
    chart(accuracy_vs_labels(list(LABELS), pre, rand, names), key="ae_fig_label_sweep")
    download_csv(T("download_label_sweep"), lambda: pretrain_frame(by_labels),
                 "autoencoder_pretraining_by_labels.csv", key="ae_csv_label_sweep")


def manifold_view(s: AESettings) -> None:
    (cfg,) = view_configs(s)
    res = trained_ae(cfg, T("training_manifold"))
    diverged_warning(res)
    n = manifold_numbers(cfg, res)
    st.markdown(say(manifold_claim(cfg.data, n)))
    names = {"points": T("mf_points"), "code": T("mf_code"), "curve": T("mf_curve"),
             "hover": T("mf_hover"), "title": T("mf_title")}
    chart(manifold_figure(n["X"], n["code"], n["curve"], names), key="ae_fig_manifold")
    st.caption(T("mf_caption", n=cfg.n_points, epochs=cfg.epochs))
    download_csv(T("download_manifold"), lambda: pd.DataFrame(
        {"x1": n["X"][:, 0], "x2": n["X"][:, 1], "t": n["t"], "code": n["code"]}),
        "autoencoder_manifold.csv", key="ae_csv_manifold")


VIEW_FUNCS = {"recon": recon_view, "sweep": sweep_view, "code": code_view,
              "denoise": denoise_view, "pretrain": pretrain_view, "manifold": manifold_view}


def main() -> None:
    page_intro(T("title"), T("intro"))
    if lecture_mode():  # before the widgets: a step sets their values (no presets here)
        lecture_steps_ui(lecture_steps())
    settings = settings_ui()
    st.caption(T(f"about.{settings.view}"))
    VIEW_FUNCS[settings.view](settings)
    if settings.view != "manifold":  # the curve toy does not use the digits
        st.caption(T("data_note"))


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import the helpers
    main()
