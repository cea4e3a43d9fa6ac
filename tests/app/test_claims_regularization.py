"""Every sentence of the overfitting page about the numbers, computed for the settings it is
shown with (the default view, and a setting where dropout and L2 do not help)."""

import numpy as np
import pytest
from app_util import APP, exception_text, static_tables
from streamlit.testing.v1 import AppTest

from nncore import regularization as R
from nncore.mlp import init_mlp
from nncore.playground import plane_extent
from nncore.train import train_mlp

DEFAULT = R.Setup()


def _open(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = "en"
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page("labs/regularization.py")
    at.run()
    assert not at.exception, exception_text(at)
    return at


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n" + "\n".join(
        c.value for c in at.caption)


@pytest.fixture(scope="module")
def page():
    return _open()


@pytest.fixture(scope="module")
def runs():
    """The page's four runs, recomputed here from nncore."""
    return {"early": R.run_method(DEFAULT, "early"),
            "dropout": R.run_method(DEFAULT, "dropout", dropout=0.5),
            "l2": R.run_method(DEFAULT, "l2", l2=0.01),
            "l1": R.run_method(DEFAULT, "l1", l1=0.003, l1_mode="proximal")}


def test_intro_training_loss_to_zero_while_held_out_loss_climbs(runs):
    h = runs["early"].history
    assert h["train_loss"][-1] < 0.05
    best = int(np.argmin(h["test_loss"]))
    assert best < len(h["epoch"]) - 1 and h["test_loss"][-1] > h["test_loss"][best] + 0.2
    tail = h["test_loss"][best:]
    assert np.mean(np.diff(tail) > 0) > 0.8  # it climbs (almost every epoch after the best)


def test_overfit_sentence(page, runs):
    r = runs["early"]
    a, b = R.final_numbers(r, at_best=False), R.final_numbers(r)
    assert a["train_acc"] == 1.0 and a["test_acc"] < a["train_acc"]
    assert a["test_loss"] > b["test_loss"] and b["epoch"] == r.best_epoch < DEFAULT.epochs
    want = (f"gets 100% of the 24 training points right (loss {a['train_loss']:.3f}) but only "
            f"{100 * a['test_acc']:.0f}% of the held-out points (loss {a['test_loss']:.3f}). The "
            f"held-out loss was lowest at epoch {b['epoch']} ({b['test_loss']:.3f}); since then "
            f"the training loss fell from {b['train_loss']:.3f} to {a['train_loss']:.3f} while the "
            f"held-out loss rose to {a['test_loss']:.3f}")
    assert a["train_loss"] < b["train_loss"]
    assert want in _text(page)


def test_every_run_starts_from_the_same_weights():
    first = init_mlp(DEFAULT.sizes, "he_normal", np.random.default_rng(DEFAULT.seed))
    for m in ("early", "dropout", "l2", "l1"):
        r = R.run_method(R.Setup(epochs=1), m, snapshots=True)
        assert all(np.array_equal(r.snapshots[0][0][k], first[k]) for k in first), m


def test_remedy_sentences_and_table(page, runs):
    a = R.final_numbers(runs["early"], at_best=False)
    text = _text(page)
    table = static_tables(page)[0]
    names = {"dropout": "dropout p = 0.5", "l2": "L2 λ = 0.01", "l1": "L1 λ = 0.003 (proximal)",
             "early": f"early stopping (epoch {runs['early'].best_epoch})"}
    nums = {m: R.final_numbers(runs[m]) for m in names}
    for m, name in names.items():
        b = nums[m]
        assert b["gap"] < a["gap"] and b["test_loss"] < a["test_loss"], m  # all narrow it here
        assert b["train_loss"] > a["train_loss"], m  # at a cost in training loss
        assert (f"**{name}** narrows the gap from {a['gap']:.3f} to {b['gap']:.3f} and brings "
                f"the held-out loss from {a['test_loss']:.3f} to {b['test_loss']:.3f}; the cost: "
                f"training loss {b['train_loss']:.3f} instead of {a['train_loss']:.3f}.") in text
        row = table[table.iloc[:, 0] == name].iloc[0]
        assert row["held-out loss"] == f"{b['test_loss']:.3f}" and row["gap"] == f"{b['gap']:.3f}"
    best = min(nums, key=lambda m: nums[m]["test_loss"])
    assert f"Lowest held-out loss: **{names[best]}** ({nums[best]['test_loss']:.3f})" in text


def test_where_dropout_and_l2_do_not_help_the_page_says_so():
    s = R.Setup(n_train=80, noise=0.05, epochs=100)
    at = _open({"rg_n": "80", "rg_noise": "0.05", "rg_epochs": "100"})
    plain = R.final_numbers(R.run_method(s, "early"), at_best=False)
    text = _text(at)
    for m, name, kw in (("dropout", "dropout p = 0.5", {"dropout": 0.5}),
                        ("l2", "L2 λ = 0.01", {"l2": 0.01})):
        b = R.final_numbers(R.run_method(s, m, **kw))
        assert b["gap"] >= plain["gap"]
        assert (f"**{name}** does not narrow the gap with these settings: {plain['gap']:.3f} → "
                f"{b['gap']:.3f}") in text
    b = R.final_numbers(R.run_method(s, "l1", l1=0.003))
    assert b["gap"] < plain["gap"] and b["test_loss"] >= plain["test_loss"]
    assert "**L1 λ = 0.003 (proximal)** narrows the gap" in text and "is not lower" in text


def test_dropout_masks_and_expectation(page, runs):
    p, w = 0.5, DEFAULT.width
    masks = [R.training_masks(DEFAULT.n_train, w, p, DEFAULT.seed, t) for t in (1, 2, 3)]
    # "a different thinned network at every step"
    assert all(not np.array_equal(masks[i][0], masks[j][0]) for i, j in ((0, 1), (0, 2), (1, 2)))
    counts = ", ".join(f"{int(m[0].sum())} / {int(m[1].sum())}" for m in masks)
    assert f"Kept in layer 1 / layer 2: {counts} of {w} (expected 32 with p = 0.5)" in _text(page)
    X, _, _, _ = R.overfit_data(DEFAULT)
    prm = runs["dropout"].params
    a = np.maximum(X @ prm["W1"] + prm["b1"], 0).mean(axis=0)
    u = int(np.argmax(a))
    assert f"unit {u + 1} of hidden layer 1" in _text(page) and f"a = {a[u]:.3f}" in _text(page)
    d = R.dropout_expectation(float(a[u]), p, 10_000, np.random.default_rng(DEFAULT.seed))
    assert abs(d["measured"] - d["expected"]) < 0.05 * d["a"]  # the measured mean is a
    assert d["eval"] == pytest.approx(d["unscaled_expected"] / (1 - p))  # "1/(1 − p) = 2×"
    table = static_tables(page)[1]
    assert list(table.iloc[:, 1]) == [f"{v:.3f}" for v in (
        d["scaled"], 0.0, d["expected"], d["measured"], d["unscaled_expected"], d["eval"])]


@pytest.fixture(scope="module")
def sweep():
    return {(k, lam): R.sweep_run(DEFAULT, k, lam) for k in R.SWEEP_KINDS
            for lam in (0.001, 0.003, 0.01, 0.03, 0.1)}


def test_l1_exact_zeros_l2_only_small(page, sweep):
    for lam in (0.001, 0.003, 0.01, 0.03, 0.1):
        z = {k: R.weight_stats(sweep[(k, lam)].params)["zeros"] for k in R.SWEEP_KINDS}
        assert z["l2"] == 0 and z["l1_sub"] == 0 and z["l1_prox"] > 0, lam
    st = {k: R.weight_stats(sweep[(k, 0.01)].params) for k in R.SWEEP_KINDS}
    assert st["l1_sub"]["near_zero"] > 0  # small, not zero
    assert (f"At λ = 0.01: L1 by subgradient leaves **0** of {st['l2']['n']} weights exactly 0 "
            f"({st['l1_sub']['near_zero']} below 10⁻³), the proximal update "
            f"**{st['l1_prox']['zeros']}**") in _text(page)


def test_subgradient_weights_jump_across_zero():
    """'a weight near 0 jumps across 0 instead of landing on it': one more epoch of the
    subgradient run flips the sign of most weights smaller than lr·λ."""
    X, y, _, _ = R.overfit_data(DEFAULT)
    kw = dict(activation="relu", optimizer="sgd", opt_hp={"lr": DEFAULT.lr}, seed=DEFAULT.seed,
              l1=0.01, l1_mode="subgradient")
    last = DEFAULT.epochs - 1
    r = train_mlp(X, y, DEFAULT.sizes, epochs=DEFAULT.epochs, snapshot_epochs=[last], **kw)
    w0 = R.weight_values(r.snapshots[last][0])
    w1 = R.weight_values(r.params)
    small = np.abs(w0) < DEFAULT.lr * 0.01
    assert small.sum() > 100 and np.mean(np.sign(w0[small]) != np.sign(w1[small])) > 0.5


def test_collapse_warnings_match_the_sweep(page, sweep):
    warned = [w.value for w in page.warning]
    X, _, Xt, _ = R.overfit_data(DEFAULT)
    ext = plane_extent(X, Xt)  # the page's plane
    for k, name in (("l2", "L2"), ("l1_sub", "L1, subgradient"), ("l1_prox", "L1, proximal")):
        collapsed = [lam for lam in (0.001, 0.003, 0.01, 0.03, 0.1)
                     if R.collapse(R.grid_proba(sweep[(k, lam)].params, ext, 50)[1])["collapsed"]]
        shown = [w for w in warned if f", {name} has collapsed" in w]
        if collapsed:
            assert len(shown) == 1 and f"At λ = {collapsed[0]:g}," in shown[0]
            p1 = R.grid_proba(sweep[(k, collapsed[0])].params, ext, 50)[1][..., 1]
            assert p1.max() - p1.min() < 0.02  # "P(class 1) ≈ … everywhere"
            assert f"P(class 1) ≈ {p1.mean():.3f} everywhere" in shown[0]
        else:
            assert not shown
    prox = R.weight_stats(sweep[("l1_prox", 0.1)].params)
    assert prox["zeros"] == prox["n"]  # "4352 of 4352 weights are exactly 0"


def test_geometry_sentences(page):
    lam0, lamall = R.l1_zero_lambda(), R.l1_all_zero_lambda()
    for lam in [round(0.05 * i, 2) for i in range(41)]:  # every slider value
        w1, w2 = R.l1_optimum(lam), R.l2_optimum(lam)
        assert np.all(w2 != 0)  # "L2 … keeps both non-zero for every λ"
        if lam >= lamall:
            assert np.all(w1 == 0)
        elif lam >= lam0:
            assert w1[1] == 0.0 and w1[0] > 0
        else:
            assert np.all(w1 != 0)
    w1, w2 = R.l1_optimum(0.3), R.l2_optimum(0.3)
    assert (f"At λ = 0.3 L1's optimum is ({w1[0]:.3f}, 0): **w₂ is exactly 0**" in _text(page)
            and f"(for every λ ≥ {lam0:.3f})" in _text(page))
    assert f"L2's optimum ({w2[0]:.3f}, {w2[1]:.3f}) has no zero coordinate" in _text(page)
    # L2 does not "only shrink": at λ = 0.3 w₂ grows above w*₂ = 0.4 while the norm shrinks.
    # Independent of nncore: minimise ½(w − w*)ᵀA(w − w*) + (λ/2)‖w‖² by gradient descent.
    A, ws = np.array([[1.0, 0.4], [0.4, 0.5]]), np.array([1.5, 0.4])
    w = ws.copy()
    for _ in range(5000):
        w -= 0.5 * (A @ (w - ws) + 0.3 * w)
    assert w == pytest.approx(w2, abs=1e-9) and abs(w[1]) > 0.4
    assert (f"L2 shrinks the whole vector (‖w‖ from {np.linalg.norm(ws):.3f} to "
            f"{np.linalg.norm(w):.3f}), not each weight: w₂ even grows, from 0.400 to "
            f"{w[1]:.3f}.") in _text(page)
    norms = [np.linalg.norm(R.l2_optimum(round(0.05 * i, 2))) for i in range(41)]
    assert np.all(np.diff(norms) < 0)  # the norm shrinks for every λ on the slider
    for lam in (0.05, 0.45, 0.5, 0.55, 2.0):  # which case each λ gets
        grows = np.abs(R.l2_optimum(lam)) > np.abs(ws) + 1e-12
        assert list(R.l2_moves(lam)["grown"]) == list(np.flatnonzero(grows))
    assert not R.l2_moves(0.6)["grown"].size and R.l2_moves(0.3)["grown"].tolist() == [1]


@pytest.mark.parametrize("n, phrase", [
    (24, "one full batch of all 24 points per step"),
    (32, "one full batch of all 32 points per step"),
    (64, "minibatches of 32 (2 per epoch)"),
    (40, "minibatches of 32 (2 per epoch, the last one 8 points)"),
])
def test_setup_caption_batching(n, phrase):
    text = _text(_open({"rg_n": str(n)}))
    assert phrase in text, text
    # independently: train_mlp's loop steps through range(0, n, 32)
    sizes = [len(range(n)[i : i + 32]) for i in range(0, n, 32)]
    if len(sizes) == 1:
        assert "full batch" in phrase and "minibatches" not in text
    else:
        assert f"({len(sizes)} per epoch" in phrase and ("last one" in phrase) == (sizes[-1] < 32)
    assert R.batch_plan(n) == (min(32, n), len(sizes), sizes[-1])


def test_notes_example_sentence(page):
    e = R.notes_example()
    assert e["w1"]["l1"] == e["w2"]["l1"] and e["w1"]["l2sq"] == 1 and e["w2"]["l2sq"] == 0.25
    assert "L1 charges ‖w‖₁ = 1 vs 1: the same" in _text(page)


def test_a_diverged_remedy_is_named_and_gets_no_verdict():
    s = R.Setup(n_train=8)
    r = R.run_method(s, "dropout", dropout=0.9)
    assert r.diverged_at is not None and R.run_method(s, "early").diverged_at is None
    at = _open({"rg_n": "8", "rg_p": "0.9"})
    e = r.diverged_at
    assert any(w.value.startswith(f"dropout p = 0.9 diverged at epoch {e}") for w in at.warning)
    text = _text(at)
    assert f"**dropout p = 0.9** diverged at epoch {e}: its numbers say nothing" in text
    assert "**dropout p = 0.9** narrows" not in text and "Lowest held-out loss: **dropout" not in text


def test_lecture_steps_point_at_what_their_settings_show(sweep):
    """Step “L1”: at its λ the proximal L1 net has most weights exactly 0 and L2 none (the
    notes' “L1 makes most weights 0, L2 only small”; the subgradient shows why it takes the
    proximal update). Step “geometry”: at its λ L1's optimum has one weight exactly 0, L2's
    none (“the L1 diamond at a corner”)."""
    from labs.regularization import BASE_STEP, LECTURE

    lam = (BASE_STEP | LECTURE["l1"])["sweep_lam"]
    z = {k: R.weight_stats(sweep[(k, lam)].params) for k in R.SWEEP_KINDS}
    assert z["l1_prox"]["zeros"] > z["l1_prox"]["n"] / 2 and z["l2"]["zeros"] == 0
    assert z["l1_sub"]["zeros"] == 0 < z["l1_sub"]["near_zero"]
    lam = (BASE_STEP | LECTURE["geometry"])["geo_lam"]
    w1, w2 = R.l1_optimum(lam), R.l2_optimum(lam)
    assert np.count_nonzero(w1) == 1 and np.count_nonzero(w2) == 2
