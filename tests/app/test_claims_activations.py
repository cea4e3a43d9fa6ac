"""Every sentence the Activations page states about its numbers, recomputed independently for
the settings it is shown with."""

import re

import numpy as np
import pytest
from app_util import exception_text, open_lab

from nncore.initlab import InitConfig, run_init_experiment

PAGE = "labs/activations.py"


def _open(lang="en", **query):
    at = open_lab(PAGE, state={"lang": lang}, query={k: str(v) for k, v in query.items()})
    assert not at.exception, exception_text(at)
    return at


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(parts + [i.value for i in at.info])


def sig(x):
    return 1 / (1 + np.exp(-x))


def test_activation_fact_sentences():
    at = _open(act_acts="sigmoid,tanh,relu,leaky_relu,maxout")
    text = _text(at)
    x = np.linspace(-6, 6, 4001)
    ds = sig(x) * (1 - sig(x))
    assert ds.max() == pytest.approx(0.25) and x[ds.argmax()] == 0
    sat = np.log(99)  # σ(x) = 0.99
    assert ("sigmoid′ ≤ **0.25**, reached at x = 0" in text
            and f"Past |x| = {sat:.3f} the output is within 1% of 0 or 1 and σ′ is only "
                f"{sig(sat) * (1 - sig(sat)):.3g}." in text)
    tsat = np.arctanh(0.98)
    assert (1 - np.tanh(x) ** 2).max() == 1.0
    assert f"past |x| = {tsat:.3f} tanh saturates and tanh′ = {1 - 0.98**2:.3g}" in text
    assert 1.0 / 0.25 == 4  # "four times sigmoid′'s peak"
    assert "ReLU′ takes only the values **0 / 1**" in text
    assert set(np.unique((x > 0).astype(float))) == {0.0, 1.0} and not (x[x < 0] > 0).any()
    assert "Leaky ReLU′ is **0.01** for x < 0" in text
    assert "max(x, −0.5x) has slope -0.5 / 1" in text


def test_identity_caption():
    at = _open(act_identity="true", act_range=6)
    text = _text(at)
    m = re.search(
        r"\|tanh\(x\) − \(2σ\(2x\) − 1\)\| ≤ ([\de.+-]+) .*? off by up to ([\d.]+) "
        r"\(at x = ±([\d.]+)\)",
        text,
    )
    assert m, text
    x = np.linspace(-6, 6, 4001)
    assert float(m.group(1)) <= 1e-15
    assert np.abs(np.tanh(x) - (2 * sig(2 * x) - 1)).max() < 1e-15
    gap = np.abs(np.tanh(x) - (2 * sig(x) - 1))
    assert float(m.group(2)) == pytest.approx(gap.max(), abs=1e-3)
    assert float(m.group(3)) == pytest.approx(abs(x[gap.argmax()]), abs=1e-2)


@pytest.mark.parametrize("seed,act", [(5, "relu"), (0, "tanh"), (1, "relu")])
def test_linear_stack_sentence(seed, act):
    at = _open(act_lin_seed=seed, act_lin_act=act, act_lin_depth=4, act_lin_width=8)
    text = _text(at)
    m = re.search(
        r"W = W1·W2·…·W4 = \(([-\d.e]+), ([-\d.e]+)\), b = ([-\d.e]+): over (\d+) "
        r"test points its output differs from x·W \+ b by at most ([\d.e+-]+)\. .*?"
        r"misses the output by (\d+)% of its range",
        text,
        re.S,
    )
    assert m, text
    from nncore.vanishing import net_output, random_stack

    p = random_stack(4, 8, seed)
    f = lambda X: net_output(p, np.asarray(X, float), "linear")  # noqa: E731
    b = f([[0, 0]])[0]
    W = f([[1, 0], [0, 1]]) - b  # independent of the product formula
    assert float(m.group(1)) == pytest.approx(W[0], rel=1e-3)
    assert float(m.group(2)) == pytest.approx(W[1], rel=1e-3)
    assert float(m.group(3)) == pytest.approx(b, rel=1e-3)
    assert float(m.group(5)) < 1e-12
    xs = np.linspace(-2, 2, 100)  # the page's grid
    gx, gy = np.meshgrid(xs, xs)
    G = np.stack([gx.ravel(), gy.ravel()], 1)
    out = net_output(p, G, act)
    A = np.hstack([G, np.ones((len(G), 1))])
    res = np.abs(A @ np.linalg.lstsq(A, out, rcond=None)[0] - out).max() / np.ptp(out)
    assert int(m.group(6)) == round(100 * res) and res > 0.01  # "no longer affine"
    crosses = (out > 0).any() and (out < 0).any()
    assert ("no orange boundary here" in text) == (not crosses)


def test_gradient_factor_lines_and_notes():
    at = _open(act_acts="sigmoid,tanh,relu", act_depth=10, act_s=1.0, act_gain=1.0)
    text = _text(at)
    z = np.random.default_rng(0).normal(0, 1.0, 1_000_000)
    for name, d in (("Sigmoid", sig(z) * (1 - sig(z))), ("Tanh", 1 - np.tanh(z) ** 2),
                    ("ReLU", (z > 0).astype(float))):
        m = re.search(rf"\*\*{name}\*\*: ×([\d.]+) per layer → ([\d.e+-]+) after 10 layers", text)
        assert m, (name, text)
        f = np.sqrt(np.mean(d * d))  # Monte Carlo, independent of the quadrature
        assert float(m.group(1)) == pytest.approx(f, rel=0.01)
        assert float(m.group(2)) == pytest.approx(float(m.group(1)) ** 10, rel=0.05)
    assert "with n·Var(W) = 1 ReLU's factor is 0.707 per layer" in text
    assert np.sqrt(1 / 2) == pytest.approx(0.707, abs=1e-3)


def test_lecture_presets_numbers():
    at = _open()
    at.button(key="act_preset_vanish").click().run()
    text = _text(at)
    m = re.search(r"\*\*Sigmoid\*\*: ×([\d.]+) per layer → ([\d.e+-]+) after 10 layers", text)
    f = float(m.group(1))
    assert f <= 0.25 and f"{float(m.group(2)):.0e}" == "9e-07" and f"{0.25**10:.0e}" == "1e-06"
    assert "0.25¹⁰ ≈ 1e-6" in text
    at.button(key="act_preset_he").click().run()
    text = _text(at)
    m = re.search(
        r"\*\*ReLU\*\*: ×([\d.]+) per layer → ([\d.e+-]+) after 10 layers · random net "
        r"\(256 wide, seed 0\): measured ([\d.e+-]+), the formula with the net's own "
        r"pre-activation spread predicts ([\d.e+-]+)",
        text,
    )
    assert m, text
    assert float(m.group(1)) == pytest.approx(1.0, abs=1e-3)  # He keeps it
    res = run_init_experiment(InitConfig("relu", "normal", np.sqrt(2 / 256), 11, 256, 200))
    meas = res.grad_std[0] / res.grad_std[-1]
    assert float(m.group(3)) == pytest.approx(meas, rel=1e-2)
    assert 0.8 < meas < 1.25  # "keeps it"
    # He: exactly 1 (E[relu'(z)^2] = P(z > 0) = 1/2), one sentence, no "only when" against it
    assert "**ReLU**: ×1 per layer → 1 after 10 layers" in text
    assert "makes up for exactly that half, so here ReLU's factor is 1 per layer." in text
    assert "it is 1 only when" not in text and "0.999" not in text
    z = np.random.default_rng(1).normal(0, 1.0, 1_000_000)
    assert np.mean(2 * (z > 0)) == pytest.approx(1.0, abs=5e-3)
    ko = _text(_open("ko", act_acts="relu", act_gain=2.0))
    assert "여기서 ReLU의 배율은 층마다 1입니다." in ko and "일 때만 1입니다" not in ko


def test_korean_sentences_carry_the_same_numbers():
    ko = _text(_open("ko", act_identity="true"))
    en = _text(_open("en", act_identity="true"))
    nums = re.compile(r"\d+\.\d+(?:e[-+]\d+)?")
    for en_key, ko_key in (("Past |x|", "|x|가"), ("|tanh(x) −", "|tanh(x) −")):
        en_line = next(line for line in en.splitlines() if en_key in line)
        ko_line = next(line for line in ko.splitlines() if ko_key in line)
        assert sorted(nums.findall(en_line)) == sorted(nums.findall(ko_line))


# ---- lecture steps (labs.activations.LECTURE): each text's numbers, recomputed --------------


def test_every_lecture_step_text_is_formatted_from_its_numbers():
    from labs.activations import LECTURE, step_fields
    from ui.strings.activations import T

    for sid in LECTURE:
        for lang in ("en", "ko"):
            text = T(f"step.{sid}.text", lang, **step_fields(sid))
            assert "{" not in text and "None" not in text, text


def test_lecture_steps_linear_sigmoid_tanh_relu():
    """linear: the stack is affine without activations, and not with ReLU; sigmoid′ ≤ 0.25
    with saturation past the stated |x|; tanh′ peaks at 4 × sigmoid′'s peak; ReLU′ ∈ {0, 1};
    leaky ReLU's slope; the notes' tanh identity is off, the 2x one exact."""
    from labs.activations import step_fields, step_settings
    from nncore.vanishing import net_output, random_stack

    p = step_settings("linear")
    params = random_stack(p["lin_depth"], p["lin_width"], p["lin_seed"])
    X = np.random.default_rng(7).uniform(-2, 2, (500, 2))
    A = np.column_stack([X, np.ones(len(X))])

    def affine_misfit(out):  # the least-squares affine fit's largest miss, relative to spread
        coef, *_ = np.linalg.lstsq(A, out, rcond=None)
        return np.max(np.abs(A @ coef - out)) / np.ptp(out)

    assert affine_misfit(net_output(params, X, "linear")) < 1e-12  # one linear layer
    bent = net_output(params, X, p["lin_act"])
    assert affine_misfit(bent) > 0.1 and bent.min() < 0 < bent.max()  # bends, in view
    assert step_fields("linear") == {"depth": p["lin_depth"], "act": "ReLU"}
    x = np.linspace(-6, 6, 120_001)
    ds = sig(x) * (1 - sig(x))
    f = step_fields("sigmoid")
    assert f["m"] == f"{ds.max():.4g}" == "0.25"
    sat = float(f["sat"])
    assert sig(sat) == pytest.approx(0.99, abs=2e-3)  # the output within 1% of 1 there
    assert ds[np.abs(x) > sat].max() < 0.0101  # "almost 0" past it
    dt = 1 - np.tanh(x) ** 2
    assert step_fields("tanh")["m"] == f"{dt.max():.4g}" and dt.max() == pytest.approx(
        4 * ds.max())
    assert np.max(np.abs(np.tanh(x) - (2 * sig(2 * x) - 1))) < 1e-12
    assert np.max(np.abs(np.tanh(x) - (2 * sig(x) - 1))) > 0.1
    assert step_fields("relu")["values"] == "0 / 1"
    assert step_fields("relu_family")["slope"] == "0.01"


def test_lecture_steps_vanish_and_he():
    """The per-layer factors from E[g′(z)²] by sampling, and the He net measured directly."""
    from labs.activations import measured, step_fields, step_settings

    p = step_settings("vanish")
    z = np.random.default_rng(0).normal(0, p["s"], 2_000_000)
    g = sig(z) * (1 - sig(z))
    factor = np.sqrt(p["gain"] * np.mean(g**2))
    f = step_fields("vanish")
    assert float(f["f"]) == pytest.approx(factor, rel=2e-3) and float(f["f"]) <= 0.25
    assert float(f["end"]) == pytest.approx(factor ** p["depth"], rel=0.05)
    p = step_settings("he")
    f = step_fields("he")
    relu_half = np.sqrt(0.5)  # E[ReLU′(z)²] = ½ for z ~ N(0, s²)
    assert f["fx"] == f"{relu_half:.3g}" and f["f"] == f"{np.sqrt(2 * 0.5):.3g}"
    cfg = InitConfig("relu", "normal", float(np.sqrt(p["gain"] / p["width"])), p["depth"] + 1,
                     p["width"], 200, False, p["seed"])
    res = run_init_experiment(cfg)
    kept = res.grad_std[0] / res.grad_std[-1]  # layer 1's spread relative to the top's
    (meas, _), _ = measured("relu", p["gain"], p["depth"], p["width"], p["seed"])
    assert kept == pytest.approx(meas[-1], rel=1e-12) and f["meas"] == f"{kept:.3g}"
    assert 0.8 < kept < 1.25  # "keeps" it: near 1, while Xavier's would leave 0.707^10 ≈ 0.03
