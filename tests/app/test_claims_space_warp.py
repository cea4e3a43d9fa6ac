"""Every sentence of the Space-warping page about its numbers, computed for the settings it is
shown with (tests could fail: each recomputes the number from nncore and compares)."""

import json
import re
from functools import lru_cache

import numpy as np
import pytest
from app_util import chart_jsons, open_lab
from app_util import exception_text as _errors

from nncore import warp as W
from ui.strings.space_warp import T

PAGE = "labs/space_warp.py"


def _open(lang="en", **state):
    at = open_lab(PAGE, state={"lang": lang, **state}, timeout=120)
    assert not at.exception, _errors(at)
    return at


@lru_cache(maxsize=8)
def _dw(total: int) -> dict:
    return W.depth_vs_width(total)


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


# ---- 7. region counts are exact, and never capped by a grid ---------------------------------


@pytest.mark.parametrize("total", [6, 12, 24])
def test_depth_chart_counts_are_exact_and_not_capped(total):
    dw = _dw(total)
    for widths, built in zip(dw["shapes"], dw["built"], strict=True):
        assert built == widths[0] ** len(widths)  # w^depth, exactly
    for i, widths in enumerate(dw["shapes"]):
        for j, seed in enumerate((0, 1, 2, 3, 4)):
            polys = W.exact_regions(W.random_net(widths, seed), "relu", -1.5, 1.5)
            assert dw["counts"][i, j] == len(polys)
    if total == 24:  # the old 150-pixel count read 150 for every deep hand-built net
        assert dw["built"][-1] == 4096 > dw["shallow_max"] == 301


def test_regions_title_states_the_exact_count_of_the_snapshot_shown():
    import labs.space_warp as page

    at = _open(sw_mode="regions", sw_n=150, sw_epochs=100, sw_width=8, sw_neck=False, sw_snap=50)
    spec = json.loads(chart_jsons(at)[0])
    count, epoch = map(int, re.findall(r"\d+", spec["layout"]["title"]["text"]))
    net = page.NetSettings(page.DataSettings(n=150), width=8, neck=False, epochs=100)
    e, params = page.snapshot_params(net, 50)
    assert (count, epoch) == (W.count_regions(params, "leaky_relu", -1.5, 1.5), e) and e == 50
    shown = re.search(r"picture shows (\d+) of them", _captions(at))
    assert shown and int(shown.group(1)) <= count


# ---- 8. deeper vs wider: what the numbers show, formatted from them --------------------------


@pytest.mark.parametrize("total,lang", [(8, "en"), (12, "ko"), (24, "en")])
def test_depth_caption_says_what_the_counts_show(total, lang):
    at = _open(lang, sw_mode="regions", sw_tact="tanh", sw_units=total)  # tanh: no training
    text = _captions(at)
    d = W.depth_summary(_dw(total))
    assert T("dw_intro", lang, **d) in text and str(d["shallow"]) in text
    # hand-built folds beat one layer only when w^depth really exceeds 1 + n + n(n−1)/2
    built_key = "dw_built_beats" if d["built_beats"] else "dw_built_below"
    assert T(built_key, lang, **d) in text
    assert d["built_beats"] == (d["built_best"] > d["shallow"])
    assert d["built_beats"] == (total >= 12)  # 12 units: 3^4 = 81 > 79; 8 units: 16 < 37
    # random nets: the mean count with one layer vs the deepest shape, as stated
    rand_key = "dw_random_falls" if d["random_falls"] else "dw_random_flat"
    assert T(rand_key, lang, **d) in text
    assert d["random_falls"] == (d["rand_last"] < d["rand_first"])
    # Hanin & Rolnick: no exponential growth with depth at initialization: the random mean
    # never comes near the hand-built count once depth pays off
    counts = _dw(total)["counts"].mean(axis=1)
    assert counts.max() <= d["shallow"]  # the notes' "stay at or below the one-layer maximum"
    assert T("dw_notes", lang) in text
    if d["built_beats"]:
        assert counts.max() < d["built_best"]
    if total == 12:  # 81 vs 79: the ratio with 2 decimals, the counts themselves in the text
        assert (d["built_best"], d["shallow"]) == (3**4, 1 + 12 + 66) and "1.03" in text
        assert "1.0×" not in text and "1.0배" not in text


def test_one_layer_maximum_is_reached_by_lines_in_general_position():
    # the caption's "one layer of n units cuts the plane into at most 1 + n + n(n−1)/2 pieces"
    rng = np.random.default_rng(0)
    for n in (6, 12, 24):
        theta = 0.9 * np.pi * np.arange(n) / n
        A = np.stack([np.cos(theta), np.sin(theta)])
        params = {"W1": A, "b1": -np.ones(n), "W2": rng.normal(size=(n, 1)), "b2": np.zeros(1)}
        assert W.count_regions(params, "relu", -20.0, 20.0) == 1 + n + n * (n - 1) // 2


# ---- 9. the XOR presets: 2 units per layer, and the numbers ---------------------------------


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("preset", ["xor_fail", "xor_fold"])
def test_xor_note_states_the_computed_accuracies(preset, lang):
    import nncore as nn

    at = _open(lang)
    at.button(key=f"sw_preset_{preset}").click().run()
    assert not at.exception, _errors(at)
    X, y = nn.make_dataset("xor", 300, 0.05, np.random.default_rng(0))  # the page's defaults
    acc = W.xor_comparison(X, y)
    (note,) = [i.value for i in at.info if "%" in i.value]
    assert note == T("xor_note", lang, **acc)
    # "2 units per layer": both presets are layers of 2 units
    assert all(np.shape(Wm) == (2, 2) for Wm, _ in W.PRESETS[preset].layers)
    # the numbers behind the old labels: one layer is far from chance but not separable here,
    # two layers are not 100% either with noise 0.05 (so no "a straight line separates them")
    assert 0.85 < acc["one"] < 0.95 and 0.95 < acc["two"] < 1.0 and acc["raw"] < 0.6


def test_xor_note_reasons_hold():
    import nncore as nn

    # the lecture's 2-2-1 network classifies the four corners of XOR
    Xc, yc = W.XOR_CORNERS
    assert np.array_equal(W.xor_221_output(Xc) > 0, yc == 1)
    # |a+b| − |a−b| has the sign of a·b, so one layer of 4 ReLU units separates quadrant XOR
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=(2, 1000))
    assert np.array_equal(np.sign(np.abs(a + b) - np.abs(a - b)), np.sign(a * b))
    X, y = nn.make_dataset("xor", 400, 0.0, np.random.default_rng(2))
    assert W.xor_comparison(X, y)["four"] == 1.0


def test_xor_fold_help_wedge_is_where_quadrant_one_escapes_the_origin():
    rng = np.random.default_rng(3)
    P = rng.uniform(0.0, 1.5, size=(5000, 2))  # quadrant I
    h = W.manual_stages(P, W.PRESETS["xor_fold"].arrays(), "relu")[-1]
    at_origin = np.all(h == 0, axis=1)
    wedge = (P[:, 1] < P[:, 0] / 20) | (P[:, 0] < P[:, 1] / 20)
    assert np.array_equal(~at_origin, wedge)


# ---- 10. ReLU clamps, |x| folds; logistic regression is a linear classifier ------------------


def test_relu_clamps_negative_coordinates_and_abs_folds():
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(2000, 2))
    I = (np.eye(2), np.zeros(2))
    h = W.manual_stages(Z, [I], "relu")[-1]
    assert np.array_equal(h == 0, Z < 0)  # every negative coordinate becomes 0, nothing else
    q1 = (Z > 0).all(axis=1)
    np.testing.assert_array_equal(h[q1], Z[q1])  # quadrant I untouched
    assert np.all(h[(Z < 0).all(axis=1)] == 0)  # quadrant III: all of it onto one point
    # |x| folds: a point and its mirror image across an axis land on the same spot, and each
    # quadrant is carried over rigidly (distances kept), not pressed onto a line
    a = W.manual_stages(Z, [I], "abs")[-1]
    np.testing.assert_array_equal(a, W.manual_stages(Z * [-1, 1], [I], "abs")[-1])
    Q = Z[(Z < 0).all(axis=1)]
    A = W.manual_stages(Q, [I], "abs")[-1]
    np.testing.assert_allclose(np.linalg.norm(A[1:] - A[:-1], axis=1),
                               np.linalg.norm(Q[1:] - Q[:-1], axis=1))


def test_shading_is_a_linear_classifier_and_100_percent_means_separated():
    import nncore as nn
    from viz.warp_figs import manual_view

    X, y = nn.make_dataset("xor", 300, 0.0, np.random.default_rng(0))
    grid = W.grid_paths(-1.6, 1.6, 5, 9)
    names = ["1. x", "2. z", "3. h", "4. z′", "5. h′"]
    view = manual_view(X, y, 2, W.PRESETS["xor_fold"].arrays(), "relu", names, grid, grid)
    last = view["panels"][-1]
    H = W.manual_stages(X, W.PRESETS["xor_fold"].arrays(), "relu")[-1]
    fit = W.fit_logreg(H, y, 2)
    # its decision is the side of one straight line: scores are affine in h
    s = fit.scores(H)
    d, c = fit.W[:, 1] - fit.W[:, 0], fit.b[1] - fit.b[0]
    np.testing.assert_allclose(s[:, 1] - s[:, 0], H @ d + c, atol=1e-9)
    (p0, p1) = last.line
    assert abs(p0 @ d + c) < 1e-6 and abs(p1 @ d + c) < 1e-6  # the drawn line is that line
    # the table's 100% = that line puts every point on its own class's side
    assert view["rows"][-1][2] == 1.0 and np.array_equal((H @ d + c > 0).astype(int), y)


@pytest.mark.parametrize("act", list(W.WARP_ACTIVATIONS))
def test_axes_note_only_where_the_activation_has_a_kink_at_zero(act):
    from nncore.activations import ACTIVATIONS

    at = _open(sw_act=act)
    g = T(f"g.{act}", "en")
    shown = T("axes_note", "en", g=g) in _captions(at)
    f = ACTIVATIONS[act].f
    eps = 1e-4
    left, right = (f(np.array(0.0)) - f(np.array(-eps))) / eps, (f(np.array(eps)) - f(0.0)) / eps
    assert shown == (abs(right - left) > 1e-3)  # the slope jumps at 0: a crease along the axes
    spec = json.loads(chart_jsons(at)[1])  # the z panel draws the axes only then
    assert spec["layout"]["xaxis"]["zeroline"] is shown


# ---- lecture steps: each step's sentences for the settings the step sets ---------------------


def _step_data():
    """The points of every manual step (the page's data widgets at their step values)."""
    from labs.space_warp import NET_WIDGETS as v
    from nncore.datasets import make_dataset

    return make_dataset(v["data"], v["n"], v["noise"], np.random.default_rng(v["seed"]))


def test_step_relu_fold_pushes_negative_coordinates_onto_the_axes():
    """'every point with a negative coordinate is pushed onto an axis, and the whole third
    quadrant lands on the origin'."""
    X, _ = _step_data()
    h = W.manual_stages(X, W.PRESETS["identity"].arrays(), "relu")[-1]
    neg = X < 0
    assert neg.any(axis=1).sum() > 0 and np.all(h[neg] == 0.0)
    third = neg.all(axis=1)
    assert third.any() and np.all(h[third] == 0.0)


def test_step_linear_map_keeps_the_separability_of_xor():
    """'the separability table shows the same accuracy for x and z' (as the table prints it)."""
    X, y = _step_data()
    z = W.manual_stages(X, W.PRESETS["shear"].arrays(), "linear")[-1]
    assert f"{W.linear_accuracy(X, y, 2):.1%}" == f"{W.linear_accuracy(z, y, 2):.1%}"
    assert W.linear_accuracy(X, y, 2) < 0.9  # "cannot make XOR separable"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_steps_xor_fail_and_fold_show_the_computed_accuracies(lang):
    """The XOR steps' numbers are the page's xor_note numbers for the step's data: one fold
    gets 'not all of them' right, the second fold more."""
    X, y = _step_data()
    acc = W.xor_comparison(X, y)
    assert acc["one"] < 1.0 and acc["two"] > acc["one"] > acc["raw"]
    for sid, key in (("xor_fail", "one"), ("xor_fold", "two")):
        at = open_lab(PAGE, state={"lang": lang, "lecture_mode": True},
                      query={"lang": lang, "mode": "lecture", "step": sid}, timeout=120)
        assert not at.exception, _errors(at)
        texts = [m.value for m in at.markdown]
        assert any(T(f"step.{sid}", lang) in t for t in texts), sid  # the bar shows this step
        assert any(f"{acc[key]:.1%}" in t for t in texts), sid


@pytest.mark.parametrize("sid", ["trained", "spirals"])
def test_trained_steps_separate_almost_every_point_in_the_last_layer(sid):
    """'In the last layer a straight line separates almost every point' (trained); 'better
    after each of the first two layers, and almost perfectly in the last one' (spirals)."""
    from labs.space_warp import step_net, trained_view

    net = step_net(sid)
    accs = trained_view(net, net.epochs, "pca", 1, 2)["accs"]
    assert accs[-1] >= 0.98
    if sid == "spirals":
        assert accs[0] < accs[1] < accs[2]
