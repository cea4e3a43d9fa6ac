"""Every sentence the autoencoder page shows about the numbers, recomputed here from nncore
(in this process, not the page's worker) for the settings it is shown with, and found on the
page word for word.

Each sentence is chosen by a pure function of labs.autoencoder from the numbers; these tests
check that the chosen sentence is true of independently computed numbers, and that the page
shows exactly that sentence."""

from functools import cache

import numpy as np
import pytest
from app_util import exception_text as _errors
from app_util import open_lab

import labs.autoencoder as page
from nncore import autoencoder as ae
from ui.strings.autoencoder import T

PAGE = "labs/autoencoder.py"
DEFAULT = page.AESettings()


def _shown(query: dict, lang: str = "en") -> str:
    at = open_lab(PAGE, query={"lang": lang, **query})
    assert not at.exception, _errors(at)
    return "\n".join(m.value for m in at.markdown)


# Each run once per test session (the page's own runs happen in its worker, independently)
_run = cache(ae.run_ae)


@cache
def _pretrain_runs(n_labels: int) -> list:
    cfg = ae.PretrainConfig(n_labels=n_labels)
    runs = None
    for c in range(1, cfg.n_seeds + 1):
        runs = ae.pretrain_chunk(runs, c, cfg)
    return runs


def _test_mse(cfg, X_in=None):
    _, _, Xt, _ = ae.split_digits()
    res = _run(cfg)
    return ae.reconstruction_mse(res.params, Xt if X_in is None else X_in, Xt, cfg.acts)


def _pca_test_mse(k):
    X, _, Xt, _ = ae.split_digits()
    mu, comps, _ = ae.pca(X, k)
    return ae.mse_real(ae.pca_reconstruct(Xt, mu, comps), Xt)[0]


@pytest.mark.parametrize("k", [8, 32])
def test_recon_sentence(k):
    s = page.AESettings(k=k)
    ae_mse, pca_mse = _test_mse(s.ae_config()), _pca_test_mse(k)
    key, fields = page.recon_claim(k, {"ae_mse": ae_mse, "pca_mse": pca_mse})
    assert key == ("recon_ae_better" if ae_mse < pca_mse else "recon_pca_better")
    assert float(fields["ratio"]) == pytest.approx(64 / k, abs=0.05)
    if k == 8:  # the default: the nonlinear code beats the best linear one of its size
        assert key == "recon_ae_better"
    for lang in ("en", "ko"):
        assert T(key, lang, **fields) in _shown({"ae_k": str(k)}, lang)


def test_sweep_sentences():
    ks = page.SWEEP_KS
    ae_mse = [_test_mse(DEFAULT.ae_config(k)) for k in ks]
    pca_mse = [_pca_test_mse(k) for k in ks]
    claims = page.sweep_claims(ks, ae_mse, pca_mse)
    (k1, f1), (k2, f2) = claims
    falls = all(b < a for a, b in zip(ae_mse, ae_mse[1:], strict=False))
    assert k1 == ("sweep_falls" if falls else "sweep_not_monotone")
    assert float(f1["first"]) == pytest.approx(ae_mse[0], abs=5e-5)
    assert float(f1["last"]) == pytest.approx(ae_mse[-1], abs=5e-5)
    better = [k for k, a, p in zip(ks, ae_mse, pca_mse, strict=True) if a < p]
    if k2 == "sweep_mixed":
        assert f2["better"] == ", ".join(map(str, better))
        assert 0 < len(better) < len(ks)
    else:
        assert len(better) == (len(ks) if k2 == "sweep_ae_all" else 0)
    shown = _shown({"ae_view": "sweep"})
    for key, fields in claims:
        assert T(key, "en", **fields) in shown


def test_code_sentences():
    cfg, lin_cfg = DEFAULT.ae_config(2), DEFAULT.linear_config()
    X, _, Xt, _ = ae.split_digits()
    lin = _run(lin_cfg)
    mu, comps, _ = ae.pca(X, 2)
    angles = np.degrees(ae.principal_angles(ae.decoder_subspace(lin.params), comps.T))
    lin_mse = ae.reconstruction_mse(lin.params, X, X, lin_cfg.acts)
    pca_train = ae.mse_real(ae.pca_reconstruct(X, mu, comps), X)[0]
    n = {"ae_mse": _test_mse(cfg), "pca_mse": _pca_test_mse(2), "angles_deg": angles,
         "lin_mse": lin_mse, "pca_train_mse": pca_train}
    claims = page.code_claims(n, lin_cfg.epochs)
    # "finds PCA's plane ... close to PCA's optimum": every angle small, MSE within 1%
    assert claims[1][0] == "code_linear_close"
    assert angles.max() < page.LINEAR_CLOSE_DEG and pca_train <= lin_mse < 1.01 * pca_train
    shown = _shown({"ae_view": "code"})
    for key, fields in claims:
        assert T(key, "en", **fields) in shown


@pytest.mark.parametrize("noise,level", [("gaussian", 0.3), ("mask", 0.5)])
def test_denoise_sentence(noise, level):
    s = page.AESettings(noise=noise, level=level)
    _, _, Xt, _ = ae.split_digits()
    noisy = ae.noisy_test(Xt, noise, level, s.seed)
    n = {"identity_mse": ae.mse_real(noisy, Xt)[0],
         "plain_mse": _test_mse(s.ae_config(), noisy),
         "dae_mse": _test_mse(s.ae_config(noise=noise, noise_level=level), noisy)}
    key, fields = page.denoise_claim(n)
    assert key == ("denoise_dae_better" if n["dae_mse"] < n["plain_mse"]
                   else "denoise_plain_better")
    assert key == "denoise_dae_better"  # what the default teaches: it must stay true
    shown = _shown({"ae_view": "denoise", "ae_noise": noise, "ae_level": str(level)})
    assert T(key, "en", **fields) in shown


@pytest.mark.parametrize("n_labels", [100, 20])
def test_pretrain_sentence(n_labels):
    runs = _pretrain_runs(n_labels)
    pre = np.array([r["pretrained"] for r in runs])
    rand = np.array([r["random"] for r in runs])
    key, fields = page.pretrain_claim(runs, n_labels)
    d = pre.mean() - rand.mean()
    assert key == ("pre_helps" if d > 0 else "pre_hurts" if d < 0 else "pre_same")
    assert fields["wins"] == int(np.sum(pre > rand)) and fields["ties"] == int(np.sum(pre == rand))
    assert float(fields["diff"]) == pytest.approx(abs(100 * d), abs=0.05)
    rkey, rfields = page.pretrain_range_claim(runs)
    diffs = 100 * (pre - rand)
    assert float(rfields["lo"]) == pytest.approx(diffs.min(), abs=0.05)
    assert float(rfields["hi"]) == pytest.approx(diffs.max(), abs=0.05)
    shown = _shown({"ae_view": "pretrain", "ae_labels": str(n_labels)})
    assert T(key, "en", **fields) in shown and T(rkey, "en", **rfields) in shown


@pytest.mark.parametrize("shape", ["spiral", "circle"])
def test_manifold_sentence(shape):
    s = page.AESettings(shape=shape)
    cfg = s.manifold_config()
    res = _run(cfg)
    X, t = ae.manifold_points(shape, cfg.n_points, cfg.data_noise,
                              np.random.default_rng([cfg.seed, 11]))
    code = ae.encode(res.params, X, cfg.acts)[:, 0]
    # Spearman's ρ by hand: the Pearson correlation of the ranks
    rho = np.corrcoef(np.argsort(np.argsort(code)), np.argsort(np.argsort(t)))[0, 1]
    grid = np.linspace(code.min(), code.max(), 200)[:, None]
    curve = ae.decode(res.params, grid, cfg.acts)
    n = {"rank_corr": rho, "end_gap": float(np.linalg.norm(curve[0] - curve[-1])),
         "mse": float(np.mean((ae.reconstruct(res.params, X, cfg.acts) - X) ** 2))}
    key, fields = page.manifold_claim(shape, n)
    if shape == "spiral":  # the default: "the code is a coordinate along the curve"
        assert key == "manifold_spiral_ordered" and abs(rho) > page.ORDERED_RHO
    else:
        assert key == "manifold_circle" and n["end_gap"] > 0.1  # "two ends, apart"
    shown = _shown({"ae_view": "manifold", "ae_shape": shape})
    assert T(key, "en", **fields) in shown


def test_label_sweep_sentence():
    pre, rand = [], []
    for n in page.LABELS:
        runs = _pretrain_runs(n)
        pre.append(np.mean([r["pretrained"] for r in runs]))
        rand.append(np.mean([r["random"] for r in runs]))
    key, fields = page.label_sweep_claim(page.LABELS, pre, rand)
    ahead = [n for n, p, r in zip(page.LABELS, pre, rand, strict=True) if p > r]
    assert fields["ahead"] == ", ".join(map(str, ahead))
    assert key == {len(page.LABELS): "sweep_pre_all", 0: "sweep_pre_none"}.get(
        len(ahead), "sweep_pre_mixed")
    shown = _shown({"ae_view": "pretrain", "ae_label_sweep": "true"})
    assert T(key, "en", **fields) in shown


# Lecture steps: every number a step's text names, from that step's settings and nncore.
@pytest.mark.parametrize("step", list(page.LECTURE))
def test_lecture_step_numbers(step):
    s = page.lecture_steps()[list(page.LECTURE).index(step)].settings
    f = page.step_fields(step)
    X, _, Xt, _ = ae.split_digits()
    assert 64 == X.shape[1] and int(f["ratio"]) * s["ae_k"] == 64  # "{k} numbers, {ratio}× fewer"
    assert f["k"] == s["ae_k"] and f["labels"] == s["ae_labels"]
    assert f["ks"] == ", ".join(map(str, page.SWEEP_KS))
    cfg = ae.PretrainConfig(n_labels=s["ae_labels"])
    assert f["seeds"] == cfg.n_seeds  # "over {seeds} seeds": the view runs one chunk per seed
    assert len(cfg.widths) == 2  # "AE1 on the input, AE2 on AE1's code"
    assert f["n_train"] == f"{X.shape[0]:,}"  # the stack is pre-trained on every training image
    rng = np.random.default_rng(0)
    x = ae.corrupt(Xt, s["ae_noise"], s["ae_level"], rng)
    if s["ae_noise"] == "mask":  # "each pixel set to 0 with probability {pct}"
        lit = Xt > 0
        assert np.mean(x[lit] == 0) == pytest.approx(s["ae_level"], abs=0.01)
        assert f["pct"] == f"{s['ae_level']:.0%}"
    else:  # "every pixel plus Gaussian noise of σ = {level}"
        assert np.std(x - Xt) == pytest.approx(float(f["level"]), rel=0.02)
    assert f["base"] == page.AESettings().n_labels  # "than with {base} labels": the default
