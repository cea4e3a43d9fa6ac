"""Every sentence of the batch normalization page about the numbers, recomputed here with
train_mlp / mlp_forward directly (not through nncore.bnlab's recorded loop) for the settings the
page shows it with, and compared with the page's text (English)."""

import re
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from labs.batchnorm import (
    GRID_EPOCHS,
    GRIDS,
    INDEP_BATCH,
    N_POINTS,
    NOISE,
    SMALL_EPOCHS,
    BNSettings,
    _fmt,
    _pct,
    _pct1,
    step_settings,
)
from nncore.datasets import make_dataset
from nncore.mlp import mlp_forward
from nncore.train import train_mlp
from ui.strings.batchnorm import T

APP = str(Path(__file__).resolve().parents[2] / "app.py")
CASES = {  # name -> (settings, URL query, layer, epoch, unit shown)
    "default": (BNSettings(), {}, 2, 20, 1),
    "circles": (BNSettings(dataset="circles", activation="tanh", depth=4),
                {"bn_data": "circles", "bn_act": "tanh", "bn_depth": "4", "bn_layer": "3",
                 "bn_epoch": "7", "bn_unit": "3"}, 3, 7, 3),
}


def en(key, **kw):
    return T(key, lang="en", **kw)


@pytest.fixture(scope="module", params=list(CASES))
def case(request):
    s, query, layer, epoch, unit = CASES[request.param]
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("labs/batchnorm.py")
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception
    X, y = make_dataset(s.dataset, N_POINTS, NOISE, np.random.default_rng(s.seed))
    text = "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)
    return {"s": s, "layer": layer, "epoch": epoch, "unit": unit, "X": X, "y": y,
            "text": text, "name": request.param}


def train(s, X, y, bn, **kw):
    args = dict(activation=s.activation, init="normal", init_scale=s.scale, optimizer="sgd",
                opt_hp={"lr": s.lr}, epochs=s.epochs, batch_size=s.batch_size, batchnorm=bn,
                seed=s.seed)
    return train_mlp(X, y, s.sizes, **(args | kw))


def first_90(res):
    hit = np.flatnonzero(res.history["train_acc"] >= 0.9)
    return str(int(res.history["epoch"][hit[0]])) if hit.size else en("never")


def pre(params, X, activation, layer, train_mode=True, bn_state=None):
    _, rec = mlp_forward(params, X, activation, train=train_mode, bn_state=bn_state)
    u = rec["inputs"][layer - 1] @ params[f"W{layer}"] + params[f"b{layer}"]
    return u, rec["z"][layer - 1]


def test_curves_claim(case):
    s, X, y = case["s"], case["X"], case["y"]
    plain, bn = train(s, X, y, False), train(s, X, y, True)
    assert plain.diverged_at is None and bn.diverged_at is None
    want = en("curves_claim", epochs=s.epochs, acc_bn=_pct(bn.history["train_acc"][-1]),
              acc_plain=_pct(plain.history["train_acc"][-1]), e_bn=first_90(bn),
              e_plain=first_90(plain))
    assert want in case["text"]


def test_distribution_and_gamma_beta_claims(case):
    s, X, y, layer, epoch = case["s"], case["X"], case["y"], case["layer"], case["epoch"]
    plain = train(s, X, y, False, snapshot_epochs=[epoch]).snapshots[epoch][0]
    bn = train(s, X, y, True, snapshot_epochs=[epoch]).snapshots[epoch][0]
    u_plain, _ = pre(plain, X, s.activation, layer)
    u, z = pre(bn, X, s.activation, layer)
    want = en("dist_claim", epoch=epoch, layer=layer, m_before=_fmt(u.mean()),
              s_before=_fmt(u.std()), m_after=_fmt(z.mean()), s_after=_fmt(z.std()),
              m_plain=_fmt(u_plain.mean()), s_plain=_fmt(u_plain.std()))
    assert want in case["text"]
    g, b = bn[f"gamma{layer}"], bn[f"beta{layer}"]
    assert np.abs(g - 1).max() > 1e-3 and np.abs(b).max() > 1e-3  # "moved away from γ=1, β=0"
    # "moved by at most": the largest |γ − 1| and |β|, both small (not "away from Gaussian")
    g_move, b_move = np.abs(g - 1).max(), np.abs(b).max()
    assert en("gb_claim", g_lo=_fmt(g.min()), g_hi=_fmt(g.max()), b_lo=_fmt(b.min()),
              b_hi=_fmt(b.max()), g_move=_pct1(g_move), b_move=_fmt(b_move)) in case["text"]
    assert "unit Gaussian" not in case["text"]


def test_one_unit_formula(case):
    s, X, y, layer, epoch, unit = (case[k] for k in ("s", "X", "y", "layer", "epoch", "unit"))
    params = train(s, X, y, True, snapshot_epochs=[epoch]).snapshots[epoch][0]
    idx = np.random.default_rng([s.seed, epoch + 1]).permutation(len(y))[: s.batch_size]
    u, z = pre(params, X[idx], s.activation, layer)
    u, z = u[:, unit - 1], z[:, unit - 1]
    g, b = params[f"gamma{layer}"][unit - 1], params[f"beta{layer}"][unit - 1]
    want = en("unit_note", layer=layer, unit=unit, b=len(idx), epoch=epoch, mu=_fmt(u.mean()),
              var=_fmt(u.var()), gamma=_fmt(g), beta=_fmt(b), shown=6)
    assert want in case["text"]
    yhat = g * (u - u.mean()) / np.sqrt(u.var() + 1e-5) + b
    assert np.abs(yhat - z).max() < 1e-12  # "what the network computes ... rounding"
    shown = re.search(r"largest difference ([0-9.e+-]+): float rounding", case["text"])
    assert shown and float(shown.group(1)) < 1e-12


def test_running_statistics_claim(case):
    s, X, y, layer, unit = case["s"], case["X"], case["y"], case["layer"], case["unit"]
    res = train(s, X, y, True)
    u, _ = pre(res.params, X, s.activation, layer)
    m, v = u[:, unit - 1].mean(), u[:, unit - 1].var()
    rm, rv = res.bn_state[f"mean{layer}"][unit - 1], res.bn_state[f"var{layer}"][unit - 1]
    # the medians over the layer's units, from the final state and the whole data set
    M, V = u.mean(axis=0), u.var(axis=0)
    RM, RV = res.bn_state[f"mean{layer}"], res.bn_state[f"var{layer}"]
    med_m, med_v = np.median(np.abs(RM - M) / np.sqrt(V)), np.median(np.abs(RV - V) / V)
    want = en("run_claim", dm=_fmt(abs(rm - m)), dm_pct=_pct1(abs(rm - m) / np.sqrt(v)),
              dv_pct=_pct1(abs(rv - v) / v), units=u.shape[1], med_m=_pct1(med_m),
              med_v=_pct1(med_v))
    assert want in case["text"]
    assert "first steps" not in case["text"]


def test_eval_mode_independence_claim(case):
    s, X, y = case["s"], case["X"], case["y"]
    res = train(s, X, y, True)
    m = INDEP_BATCH - 1
    probs = {}
    for name, others in (("a", np.arange(1, 1 + m)), ("b", np.arange(1 + m, 1 + 2 * m))):
        batch = X[np.concatenate([[0], others])]
        for mode in ("train", "eval"):
            out, _ = mlp_forward(res.params, batch, s.activation, train=mode == "train",
                                 bn_state=None if mode == "train" else res.bn_state)
            p = np.exp(out - out.max(axis=1, keepdims=True))
            probs[mode + name] = (p / p.sum(axis=1, keepdims=True))[0, 1]
    d_eval, d_train = abs(probs["evala"] - probs["evalb"]), abs(probs["traina"] - probs["trainb"])
    assert d_eval < 1e-12 < d_train  # "the same in both batches" / "it changes"
    assert en("indep_claim", d_eval=f"{d_eval:.1g}", d_train=f"{d_train:.3g}") in case["text"]


def test_small_batch_claims(case):
    s, X, y, unit = case["s"], case["X"], case["y"], 1  # the page shows unit 1 of layer 1
    start = train(s, X, y, True, epochs=0).params
    u2, z2 = pre(start, X[:2], s.activation, 1)
    u1, z1 = pre(start, X[:1], s.activation, 1)
    assert np.all(z1 == start["beta1"])  # batch of one: x̂ = 0, the layer outputs β
    assert en("small_note", layer=1, unit=unit) in case["text"]
    v = u2[:, unit - 1].var()
    xhat = (u2[0, unit - 1] - u2[:, unit - 1].mean()) / np.sqrt(v + 1e-5)
    assert en("small_claim", pm=f"{abs(xhat):.4f}") in case["text"]
    runs = [train(s, X, y, True, batch_size=b, epochs=SMALL_EPOCHS) for b in (1, 2, 32)]
    one, big = runs[0], runs[-1]
    w1 = np.abs(one.params["W1"] - start["W1"]).max()
    assert w1 == 0.0  # "never move"
    minvar = min(v.min() for k, v in one.bn_state.items() if k.startswith("var"))
    assert minvar < 1e-10  # "decay towards 0"
    assert np.all(np.bincount(y) == N_POINTS // 2)  # "guessing one class gives 50 %"
    out, _ = mlp_forward(big.params, X, s.activation, train=True)
    acc_bs = np.mean(out.argmax(axis=1) == y)
    want = en("small_train_claim", w1=f"{w1:.2g}", minvar=f"{minvar:.2g}",
              acc1=_pct(one.history["train_acc"][-1]), acc_big=_pct(big.history["train_acc"][-1]),
              acc_big_bs=_pct(acc_bs), big=32, epochs=SMALL_EPOCHS)
    assert want in case["text"]


def test_grid_claims(case):
    s, X, y = case["s"], case["X"], case["y"]
    lrs, scales = GRIDS["small"]
    counts = {"n_plain": 0, "n_bn": 0, "d_plain": 0, "d_bn": 0}
    exceptions = []
    for lr in lrs:
        for sc in scales:
            ok = {}
            for bn in (False, True):
                r = train(s, X, y, bn, init_scale=sc, opt_hp={"lr": lr}, epochs=GRID_EPOCHS)
                key = "bn" if bn else "plain"
                counts["d_" + key] += r.diverged_at is not None
                ok[key] = r.diverged_at is None and r.history["train_acc"][-1] >= 0.9
                counts["n_" + key] += ok[key]
                ok[key + "_acc"] = r.history["train_acc"][-1]
            if ok["plain"] and not ok["bn"]:
                exceptions.append(en("grid_exception", lr=f"{lr:g}", s=f"{sc:g}",
                                     acc_plain=_pct(ok["plain_acc"]), acc_bn=_pct(ok["bn_acc"])))
    text = case["text"]
    assert en("grid_claim", epochs=GRID_EPOCHS, cells=25, **counts) in text
    verdict = "grid_supports" if counts["n_bn"] > counts["n_plain"] else "grid_refutes"
    assert en(verdict) in text
    other = {"grid_supports": "grid_refutes", "grid_refutes": "grid_supports"}[verdict]
    assert en(other) not in text
    if exceptions:
        assert en("grid_exceptions", cells="; ".join(exceptions)) in text
    else:
        assert en("grid_no_exceptions") in text
    # The two cases cover both verdicts, with and without the exceptions list.
    expected = {"default": ("grid_supports", False), "circles": ("grid_refutes", True)}[
        case["name"]]
    assert (verdict, bool(exceptions)) == expected


# Lecture steps: the contrast each step's text points the class to, for that step's settings.
@pytest.mark.parametrize("step", ["saturation", "bad_init", "high_lr"])
def test_lecture_step_contrasts(step):
    """“Which net ever leaves 50 %?”, “which ends up trained?”, “compare the curves”: batch
    norm reaches 90 % training accuracy, the plain net never does."""
    s = step_settings(step)
    X, y = make_dataset(s.dataset, N_POINTS, NOISE, np.random.default_rng(s.seed))
    plain, bn = train(s, X, y, False), train(s, X, y, True)
    assert first_90(plain) == en("never") and first_90(bn) != en("never")
    if step == "bad_init":  # "which net ever leaves 50 % (guessing)?": not the plain one
        assert plain.history["train_acc"].max() <= 0.55
    if step == "high_lr":  # "ends up trained": the plain net jumps about and ends at guessing
        assert plain.history["train_acc"][-1] <= 0.55 < plain.history["train_acc"].max()


def test_saturation_step_pushes_tanh_inputs_out():
    """Step 1's text: with s = 2, tanh's inputs lie far out, where tanh′ ≈ 0 (|u| > 2:
    tanh′ < 0.071) — for most units of every hidden layer above the first, at the start."""
    s = step_settings("saturation")
    X, y = make_dataset(s.dataset, N_POINTS, NOISE, np.random.default_rng(s.seed))
    params = train(s, X, y, False, epochs=0).params
    for layer in range(2, s.depth + 1):
        u, _ = pre(params, X, s.activation, layer, train_mode=False)
        assert np.mean(np.abs(u) > 2) > 0.5, layer
