"""Every sentence the initialization lab shows about the numbers, computed for the settings it is
shown with (each preset, the intro's default run, the custom caption, the theory note)."""

import re

import numpy as np
import pytest

from labs import init_lab
from nncore.init import INITIALIZERS, weight_std
from nncore.initlab import PRESETS, InitConfig, facts, run_init_experiment, weight_drift
from ui.strings.init_lab import T

_CACHE: dict = {}


def run(cfg: InitConfig):
    if cfg not in _CACHE:
        _CACHE[cfg] = run_init_experiment(cfg)
    return _CACHE[cfg]


def preset(name: str):
    p = PRESETS[name]
    return [run(c) for c in (p.a, p.b) if c is not None]


@pytest.mark.parametrize("name", list(PRESETS))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_explanation_is_formatted_from_its_numbers(name, lang):
    """Every placeholder is filled from the preset's own result; two to six sentences with a
    formula; the numbers it quotes appear in it."""
    results = preset(name)
    fields = init_lab.preset_fields(name, results)
    text = T(f"explain.{name}", lang, **fields)
    assert "$" in text and "{" not in text.replace("{Var}", "").replace("{in}", "").replace(
        "{out}", ""
    ).replace("{\\sigma_B^2 + \\epsilon}", "").replace(f"{{-{fields['L']}/2}}", ""), text
    sentences = [t for t in re.split(r"(?<=[.!?])\s+", text.strip()) if t]
    assert 2 <= len(sentences) <= 6, sentences


def test_tanh_001_collapses_but_dW_does_not_fall_with_depth():
    r = preset("tanh_001")[0]
    f = facts(r)
    assert np.all(np.diff(r.act_std) < 0) and f["arate"] < 0.7  # "shrinks ×0.63 per layer"
    assert f["aL"] < 0.05  # "the last layer's units all say ≈ 0"
    assert np.all(np.diff(r.grad_std) > 0) and f["grate"] < 0.7  # ∂L/∂a shrinks going down
    assert f["wspread"] < 1.1  # "∂L/∂W stays 0.18–0.19 at every layer"
    assert f["sat_hi"] < 1.0 and f["lg_lo"] > 0.7  # "nothing saturates", tanh' ≈ 1


def test_tanh_005_saturated_units_get_no_gradient_but_the_layer_does():
    r = preset("tanh_005")[0]
    f = facts(r)
    assert 35.0 < f["sat_lo"] <= f["sat_hi"] < 50.0
    # Saturated (|a| ≥ 0.98) means tanh'(z) = 1 − a² ≤ 0.04: "almost no gradient".
    assert 1 - 0.98**2 < 0.04
    assert f["lg_hi"] < 0.35
    assert np.all(np.diff(r.grad_std) < 0) and f["grate"] > 1.2  # grows on the way down
    assert f["w_bot"] > 5 * f["w_top"]
    assert 2.0 < f["u_std"] < 3.5  # "a std of about 2.7"


def test_tanh_xavier_keeps_the_variance_only_approximately():
    r = preset("tanh_xavier")[0]
    f = facts(r)
    assert f["nvarw"] == pytest.approx(1.0)
    assert f["amin"] > 0.2 and f["sat_hi"] < 1.0  # the histograms stay wide, ±1 is rare
    # "within 0.02 of ±1 (saturated)": the page's count of saturated tanh units is exactly that
    from nncore.activations import saturated_fraction

    assert saturated_fraction(np.array([0.981, -0.981, 0.979, -0.979]), "tanh") == 0.5
    text = T("explain.tanh_xavier", "en", nvarw="1", sat_hi="0", a1="", aL="", L="", vdrop="",
             gspread="", wspread="")
    assert "are within 0.02 of ±1 (saturated;" in text and "reach ±1" not in text
    assert np.all(r.act_sq < r.var_u)  # tanh squashes: E[a²] < Var(u)
    assert np.all(np.diff(r.act_std) < 0) and f["aL"] < 0.5 * f["a1"]  # drifts 0.63 -> 0.27
    assert f["vdrop"] > 10  # "Var(u) falls 11×"
    assert f["gspread"] < 2.5 and f["wspread"] < 1.3


def test_intro_numbers_are_the_default_run_and_he_keeps_relu_flat():
    d = facts(run(init_lab.DEFAULT))
    assert (init_lab.DEFAULT.activation, init_lab.DEFAULT.init) == ("tanh", "xavier_normal")
    assert d["aL"] < 0.5 * d["a1"] and d["vdrop"] > 5  # Xavier only approximately for tanh
    for cfg in (PRESETS["relu_he"].a, InitConfig("relu", "he_normal", None, 7, 256, 200)):
        he = facts(run(cfg))
        assert he["amax"] / he["amin"] < 1.1, cfg  # He: the same spread at every depth
    # "too small ... collapses", "too large ... piles up at the flat ends"
    assert facts(preset("tanh_001")[0])["aL"] < 0.05
    assert facts(preset("tanh_005")[0])["sat_lo"] > 35 and facts(preset("sigmoid_n01")[0])[
        "sat_lo"] > 30


def test_relu_xavier_halves_the_variance_and_the_chain_matches():
    r = preset("relu_xavier")[0]
    f = facts(r)
    assert f["arate"] == pytest.approx(np.sqrt(0.5), rel=0.02)
    assert f["chain_dev"] < 5.0
    assert np.all(np.diff(r.grad_std) > 0) and f["grate"] == pytest.approx(np.sqrt(0.5), rel=0.05)


def test_relu_he_keeps_activations_and_gradients():
    f = facts(preset("relu_he")[0])
    assert f["amax"] / f["amin"] < 1.05 and f["gspread"] < 1.05 and f["wspread"] < 1.1


def test_sigmoid_what_vanishes_is_sigma_prime_not_the_gradient_over_depth():
    r = preset("sigmoid_n01")[0]
    f = facts(r)
    assert f["nvarw"] == pytest.approx(100.0) and 5.0 < f["u_std"] < 7.0
    assert 30.0 < f["sat_lo"] <= f["sat_hi"] < 50.0
    assert f["lg_hi"] < 0.1  # σ'(z) small at every layer
    assert f["g_bot"] >= f["g_top"]  # ∂L/∂a does not shrink going down
    assert f["w_bot"] > f["w_top"]


def test_batchnorm_rescue():
    r = preset("bn_rescue")[0]
    f = facts(r)
    assert f["amax"] / f["amin"] < 1.01 and f["gspread"] < 2.0
    np.testing.assert_allclose(r.var_u, r.theory_step, rtol=0.05)  # "still follows the formula"


def test_ab_presets():
    a, b = preset("ab_relu")
    assert facts(a)["aL"] / facts(b)["aL"] == pytest.approx(2 ** (-a.depth / 2), rel=1e-9)
    a, b = preset("ab_bn")
    assert np.all(np.diff(a.act_std) < 0)
    assert facts(b)["amax"] / facts(b)["amin"] < 1.01


@pytest.mark.parametrize("cfg", [
    InitConfig("sigmoid", "normal", 0.5, 6, 256, 200),
    InitConfig("tanh", "normal", 0.05, 6, 256, 200),
    InitConfig("relu", "he_normal", None, 6, 256, 200),
])
def test_custom_caption_factors(cfg):
    """Var(u) = n·Var(W)·E[a²] of the layer below, both factors shown: for sigmoid and saturated
    tanh the per-layer change of Var(u) is not n·Var(W) (the old caption's claim)."""
    r = run(cfg)
    nvarw = cfg.width * weight_std(cfg.init, cfg.width, cfg.width, cfg.scale) ** 2
    below = np.r_[r.input_sq, r.act_sq[:-1]]
    np.testing.assert_allclose(r.var_u, nvarw * below, rtol=weight_drift(1, cfg.width) * 3)
    if cfg.activation != "relu":
        assert not np.allclose(r.var_u[1:] / r.var_u[:-1], nvarw, rtol=0.5)
    text = init_lab.custom_text(r)  # outside a script run T answers in English
    num = init_lab.num
    for value in (r.input_sq, r.act_sq[0], r.act_sq[-1], r.var_u[0], r.var_u[-1]):
        assert num(value) in text, (num(value), text)
    assert f"**{nvarw:.3g}**" in text


def test_weight_drift_formula_bounds_the_measured_drift():
    """√(2·depth/width): the scale of one draw's deviation from the chained expectation. Over
    24 seeds the deviation at the last layer stays below it (linear, ReLU; 7 × 256), and the
    lecture's ReLU + He at 7 × 4096 deviates by at most it."""
    assert weight_drift(7, 4096) == pytest.approx(0.0585, rel=0.01)
    for act, init in (("linear", "lecun_normal"), ("relu", "he_normal")):
        dev = [run_init_experiment(InitConfig(act, init, None, 7, 256, 16, seed=s))
               for s in range(24)]
        spread = np.std([r.var_u[-1] / r.theory_chain[-1] - 1 for r in dev])
        assert spread < weight_drift(7, 256), (act, spread)
    assert facts(preset("relu_he")[0])["chain_dev"] < 100 * weight_drift(7, 4096)


def test_the_notes_xavier_is_named_lecun_normal_and_glorot_is_named_too():
    for lang in ("en", "ko"):
        assert "1/√n" in T("init.lecun_normal", lang) and "Xavier" in T("init.lecun_normal", lang)
        assert "2/(n_in+n_out)" in T("init.xavier_normal", lang)
        assert "LeCun normal" in T("init_help", lang)
    assert weight_std("lecun_normal", 400, 400) == pytest.approx(1 / 20)
    assert weight_std("xavier_normal", 300, 500) == pytest.approx(np.sqrt(2 / 800))
    assert set(INITIALIZERS) == {k.split(".", 1)[1] for k in T.keys() if k.startswith("init.")}
