"""Every sentence the universal-approximation page shows about the numbers, checked for the
settings it is shown with: the page's English text is read back, its numbers parsed, and each
claim recomputed independently (finer grids, brute-force slope counts, closed forms)."""

import re

import numpy as np
import pytest
from app_util import exception_text, open_lab, static_tables

from labs.approximation import DEFAULT_FORMULA, K
from nncore import approx as A

PAGE = "labs/approximation.py"
FINE = 40001

SETTINGS = {
    "default": {},
    "any": {K["n"]: 8},
    "squash": {K["target"]: "bump", K["n"]: 16, K["act"]: "sigmoid"},
    "step": {K["target"]: "step", K["n"]: 32},
    "abs_odd_tanh": {K["target"]: "abs", K["n"]: 9, K["act"]: "tanh", K["steps"]: 200},
    "sawtooth_noise": {K["target"]: "sawtooth", K["n"]: 24, K["noise"]: 0.1, K["k"]: 6,
                       K["steps"]: 500},
    "formula": {K["target"]: "formula", K["formula"]: "x**3/9 - x", K["n"]: 5, K["k"]: 1,
                K["dtrain"]: True},
    "step_trained_depth": {K["target"]: "step", K["n"]: 32, K["k"]: 3, K["dtrain"]: True,
                           K["dwidth"]: 3},
}


def _num(s: str) -> float:
    return float(s.replace("−", "-"))


def _page(state):
    at = open_lab(PAGE, state=state, query={"lang": "en"})
    assert not at.exception, exception_text(at)
    text = "\n".join(m.value for m in at.markdown)
    return at, text


def _cfg(state):
    get = lambda key, default: state.get(K[key], default)  # noqa: E731
    target = get("target", "sin")
    formula = get("formula", DEFAULT_FORMULA) if target == "formula" else ""
    return dict(target=target, formula=formula, n=get("n", 16), act=get("act", "relu"),
                noise=get("noise", 0.0), steps=get("steps", 1000), k=get("k", 4), a=-3.0, b=3.0,
                dtrain=get("dtrain", False), dwidth=get("dwidth", 2))


def _fine_points(a, b):
    return np.sort(np.r_[np.linspace(a, b, FINE), np.array([-1e-12, 1e-12])])


def _fine_max_err(f, g, a, b):
    x = _fine_points(a, b)
    return float(np.max(np.abs(f(x) - g(x))))


def _slope_changes(values: np.ndarray, h: float) -> int:
    """Linear pieces of the piecewise-linear interpolant through values on a uniform grid."""
    s = np.diff(values) / h
    return 1 + int(np.sum(np.abs(np.diff(s)) > 1e-9 * max(1.0, np.abs(s).max())))


@pytest.mark.parametrize("name", list(SETTINGS))
def test_claims(name):
    state = SETTINGS[name]
    at, text = _page(state)
    c = _cfg(state)
    tg = A.make_target(c["target"], c["formula"])
    built_err = _check_construct(text, tg, c)
    _check_train(text, tg, c, built_err)
    _check_rate(text, tg, c)
    _check_best(text, tg, c)
    _check_depth(at, text, c["k"])
    _check_trained_depth(at, text, c)


def _check_construct(text, tg, c):
    n, a, b, act = c["n"], c["a"], c["b"], c["act"]
    if act == "relu":
        m = re.search(r"N = (\d+): knots every h = ([\d.]+); the sum passes through f at all "
                      r"(\d+) grid points and is a ReLU network with (\d+) linear pieces on "
                      r"\[-3, 3\]\. Largest error on \[-3, 3\]: \*\*([^*]+)\*\*", text)
        assert m, text
        assert int(m[1]) == n and _num(m[2]) == pytest.approx((b - a) / n, rel=3e-3)
        nodes = np.linspace(a, b, n + 1)
        assert int(m[3]) == n + 1
        p = A.relu_interpolant(tg.f, a, b, n)
        assert np.allclose(A.net_output(p, nodes, "relu"), tg.f(nodes), atol=1e-12)
        assert int(m[4]) == _slope_changes(tg.f(nodes), (b - a) / n)
        err = _fine_max_err(tg.f, lambda x: np.interp(x, nodes, tg.f(nodes)), a, b)
    else:
        m = re.search(r"N = (\d+): steps every h = ([\d.]+); the sum is within ([^ ]+) of f at "
                      r"the (\d+) cell centres\. Largest error on \[-3, 3\]: \*\*([^*]+)\*\*",
                      text)
        assert m, text
        h = (b - a) / (n + 1)
        centres = a + h * (np.arange(n + 1) + 0.5)
        p = A.step_staircase(tg.f, a, b, n, act)
        assert int(m[4]) == n + 1
        assert np.max(np.abs(A.net_output(p, centres, act) - tg.f(centres))) <= \
            _num(m[3]) * 1.005 + 1e-15
        err = _fine_max_err(tg.f, lambda x: A.net_output(p, x, act), a, b)
        x = np.linspace(a, b, 501)  # "the bumps add up to the network's output exactly"
        assert np.allclose(A.staircase_bumps(tg.f, a, b, n, x).sum(0), A.net_output(p, x, act))
    shown = _num(m[5])
    assert shown == pytest.approx(err, rel=0.02, abs=1e-9)
    return shown


def _check_train(text, tg, c, built_err):
    m = re.search(r"After (\d+) steps the training MSE is ([^;]+); the largest error against the "
                  r"noise-free target is \*\*([^*]+)\*\* \(hand-built with the same N: ([^)]+)\)\. "
                  r"Here training (beats|is worse than)", text)
    assert m, text
    spec = A.FitSpec(c["target"], c["formula"], c["a"], c["b"], c["noise"], 0, c["n"], c["act"],
                     c["steps"], 0.03)
    r = A.run_fit(spec)
    assert int(m[1]) == c["steps"] == r["steps_done"]
    x, _, noisy = A.sample_data(tg, c["a"], c["b"], c["noise"], 0)
    assert _num(m[2]) == pytest.approx(float(np.mean(
        (np.interp(x, r["x"], r["fit"]) - noisy) ** 2)), rel=0.1, abs=1e-4)
    trained_err, built = _num(m[3]), _num(m[4])
    assert built == built_err
    assert (m[5] == "beats") == (trained_err < built)
    if c["act"] == "relu":
        p = re.search(r"(\d+) of its (\d+) knots lie inside \[-3, 3\]; the fit has (\d+) linear "
                      r"pieces there \(one hidden layer of N units: at most N \+ 1 = (\d+)\)", text)
        assert p, text
        kn = r["knots"]
        assert int(p[1]) == int(np.sum((kn >= -3) & (kn <= 3))) and int(p[2]) == c["n"]
        # closed form for one hidden layer: a piece boundary at each distinct knot inside the
        # (scaled) interval where the slope really changes, |Σ_j at that knot w_j·v_j| > 0
        q = _trained_params(spec)
        w, v = q["W1"][0], q["W2"][:, 0]
        ok = w != 0
        kn_s = -q["b1"][ok] / w[ok]
        jump = np.abs(w[ok] * v[ok])
        inside = (kn_s > -1) & (kn_s < 1) & (jump > 1e-12)
        brute = 1 + len(np.unique(np.round(kn_s[inside], 12)))
        assert int(p[3]) == brute <= int(p[4]) == c["n"] + 1


def _trained_params(spec):
    state = A.start_fit(spec.n_units, spec.lr, spec.seed)
    for k in range(1, -(-spec.steps // 250) + 1):
        state = A.fit_step(state, k, spec, 250)
    return state.params


def _check_rate(text, tg, c):
    a, b = c["a"], c["b"]
    ns = np.arange(1, 257)
    x = _fine_points(a, b)
    fx = tg.f(x)
    errs = np.array([np.max(np.abs(fx - np.interp(x, np.linspace(a, b, n + 1),
                                                  tg.f(np.linspace(a, b, n + 1))))) for n in ns])
    m = re.search(r"Measured slope over N = 16…256: \*\*([^*]+)\*\*", text)
    if tg.smooth:
        assert m, text
        assert _num(m[1]) == pytest.approx(A.loglog_slope(ns, errs), abs=0.01)
        d2 = re.search(r"max\|f''\| = ([-\d.e+]+)", text)
        bound = A.interpolation_bound(a, b, ns, _num(d2[1]))
        if "stays under the bound at every N from 1 to 256" in text:
            assert np.all(errs <= bound * 1.001 + 1e-12)
        else:
            cnt = re.search(r"exceeds the bound at (\d+) of the 256", text)
            assert cnt and int(cnt[1]) == int(np.sum(errs > bound * (1 + 1e-9) + 1e-12))
    else:
        kinks = {"step": [0.0], "abs": [0.0], "sawtooth": [-2.25, -1.5, -0.75, 0, 0.75, 1.5, 2.25]}
        assert "is not twice differentiable on [-3, 3]" in text
        assert any(a < k < b for k in kinks[c["target"]])
        if m:
            assert _num(m[1]) == pytest.approx(A.loglog_slope(ns, errs), abs=0.02)
        else:
            e = re.search(r"At N = 256 the largest error is still \*\*([^*]+)\*\*", text)
            assert e and _num(e[1]) == pytest.approx(errs[-1], rel=0.01)
        ex = re.search(r"At (\d+) of the 256 values of N the interpolant is exact", text)
        assert int(ex[1] if ex else 0) == int(np.sum(errs < 1e-12))
        if "closer than half the jump" in text:
            assert c["target"] == "step" and np.all(errs >= 0.5 - 1e-9)
    s = re.search(r"staircase (?:falls with slope|'s measured slope:) ([-\d.]+)", text)
    if c["act"] != "relu":
        sn = np.array([16, 24, 32, 48, 64, 96, 128, 192, 256])
        slope = A.loglog_slope(sn, A.staircase_errors(tg.f, a, b, sn, c["act"]))
        assert s and _num(s[1]) == pytest.approx(slope, abs=0.05)
        if "first-order approximation (1/N), slower than ReLU ramps" in text:
            assert -1.3 <= slope <= -0.7 and slope > (A.loglog_slope(ns, errs) or 0) - 1e-9 \
                or not tg.smooth
    else:
        assert s is None


def _check_best(text, tg, c):
    """The best-fit sentence: its N = 256 error re-measured on a 10x finer grid through the
    256-unit ReLU net itself (nncore.mlp), the interpolant's errors from np.interp there."""
    a, b = c["a"], c["b"]
    bt = A.best_table(tg, a, b)
    ns = bt["ns"]
    x = _fine_points(a, b)
    interp = np.array([np.max(np.abs(tg.f(x) - np.interp(x, np.linspace(a, b, n + 1),
                                                         tg.f(np.linspace(a, b, n + 1)))))
                       for n in ns])
    last = bt["last"]
    best256 = float(np.max(np.abs(A.net_output(A.pl_net(last["nodes"], last["values"]), x,
                                               "relu") - tg.f(x))))
    assert np.all(bt["best"] <= interp * (1 + 1e-3) + 1e-12)
    cmp_ = re.search(r"At every one of the (\d+) N computed it is at most the interpolant's "
                     r"error; at N = 256 (?:it is \*\*([^*]+)\*\* against ([^ ]+) \(([^×]+)× "
                     r"smaller\)|both are ([^.]+(?:\.\d+)?(?:e-\d+)?)\.|both are exact|it is exact, "
                     r"the interpolant's error is ([^ ]+)\.)", text)
    assert cmp_, text
    assert int(cmp_[1]) == len(ns) == int(np.sum(bt["best"] <= bt["interp"]))
    if cmp_[2]:
        assert _num(cmp_[2]) == pytest.approx(best256, rel=0.02, abs=1e-12)
        assert _num(cmp_[3]) == pytest.approx(interp[-1], rel=0.01)
        assert _num(cmp_[4]) == pytest.approx(interp[-1] / best256, rel=0.03)
        assert interp[-1] / best256 > 1.0
    elif "both are exact" in cmp_[0]:
        assert best256 < 1e-9 and interp[-1] < 1e-9
    elif cmp_[6]:
        assert best256 < 1e-9 and _num(cmp_[6]) == pytest.approx(interp[-1], rel=0.01)
    else:
        assert _num(cmp_[5]) == pytest.approx(best256, rel=0.01)
        assert interp[-1] == pytest.approx(best256, rel=0.01)
    m = re.search(r"Best fit: measured slope over N = 16…256 \*\*([^*]+)\*\* \(the "
                  r"interpolant's: ([^)]+)\)", text)
    flat = re.search(r"Best fit: no 1/N² rate here — its measured slope over N = 16…256 is "
                     r"([^,]+), flat", text)
    exact = re.search(r"Best fit: exact \(error below 10⁻⁹, rounding\) from N = (\d+) on", text)
    assert sum(map(bool, (m, flat, exact))) == 1, text
    if m:
        assert _num(m[1]) == pytest.approx(bt["slope"], abs=0.01) and bt["slope"] <= -0.2
        assert _num(m[2]) == pytest.approx(A.loglog_slope(ns, interp), abs=0.02)
    elif flat:
        assert _num(flat[1]) == pytest.approx(bt["slope"], abs=1e-3) and bt["slope"] > -0.2
    else:
        n0 = int(exact[1])
        assert bt["best"][list(ns).index(n0)] < 1e-9
        assert np.all(bt["best"][ns < n0] >= 1e-9)


def _check_depth(at, text, k):
    m = re.search(r"the deep net's (\d+) units make \*\*(\d+)\*\* linear pieces \(2\^(\d+) = "
                  r"(\d+)\)\. One hidden layer of (\d+) units makes at most (\d+); its best fit "
                  r"with uniform knots has (\d+) pieces and misses the sawtooth by up to "
                  r"\*\*([^*]+)\*\*\. To make (\d+) pieces a single hidden layer needs at least "
                  r"(\d+) units; the interpolant with (\d+) units is exact", text)
    assert m, text
    s = np.linspace(0, 1, 2**k * 2 * k * 4 + 1)  # every knot j/2^k and j/(2k) on the grid
    target = A.tent_power(s, k)
    deep = A.tent_net(k)
    units = sum(v.shape[1] for key, v in deep.items() if key.startswith("W")) - 1
    assert int(m[1]) == units == 2 * k == int(m[5])
    assert int(m[2]) == _slope_changes(target, s[1] - s[0]) == 2**k == int(m[4])
    assert np.max(np.abs(A.net_output(deep, s, "relu") - target)) < 1e-12
    assert int(m[3]) == k and int(m[6]) == units + 1
    shallow = A.shallow_lsq(lambda v: A.tent_power(v, k), 0.0, 1.0, units)
    ys = A.net_output(shallow, s, "relu")
    assert int(m[7]) == _slope_changes(ys, s[1] - s[0]) <= units + 1
    assert _num(m[8]) == pytest.approx(np.max(np.abs(ys - target)), rel=0.02)
    assert int(m[9]) == 2**k and int(m[10]) == 2**k - 1
    exact = A.relu_interpolant(lambda v: A.tent_power(v, k), 0.0, 1.0, int(m[11]))
    assert np.max(np.abs(A.net_output(exact, s, "relu") - target)) < 1e-12
    table = static_tables(at)[0]
    assert list(table.iloc[:, 3]) == [m[2], m[7], str(2**k)]


_DTRAIN = re.compile(
    r"Trained from (\d+) seeds \((\d+) Adam steps, learning rate ([^,]+), (\d+) samples of "
    r"T\^k\): the deep (\d+) × (\d+) net \((\d+) parameters\) ends with max error ([^–]+)–"
    r"([^ ]+) and (\d+)–(\d+) linear pieces; \*\*(\d+) of (\d+)\*\* seeds come within ([^ ]+) "
    r"of T\^k\. The shallow net of (\d+) units \((\d+) parameters\) ends with ([^–]+)–([^ ]+) "
    r"and (\d+)–(\d+) pieces; \*\*(\d+) of (\d+)\*\* within ([^ ]+)\. The hand-built "
    r"tent-map net \(k × 2\) is exact with (\d+) pieces\.")


def _pieces_by_definition(params, breaks):
    """The count linear_pieces reports, proved from the net itself: affine between consecutive
    breakpoints (5 points on each chord) and the chords' slopes change at each one."""
    edges = np.r_[-1.0, breaks, 1.0]
    f = lambda x: A.net_output(params, np.atleast_1d(x), "relu")  # noqa: E731
    for u, v in zip(edges[:-1], edges[1:], strict=True):
        t = np.linspace(0.1, 0.9, 5)
        chord = f(u) + (f(v) - f(u)) * t
        assert np.allclose(f(u + (v - u) * t), chord, atol=1e-9 * (1 + np.abs(chord).max()))
    slopes = [((f(v) - f(u)) / (v - u))[0] for u, v in zip(edges[:-1], edges[1:], strict=True)]
    width = np.diff(edges)
    for i in range(1, len(slopes)):  # a piece narrower than 1e-6 is below what chords resolve
        assert min(width[i - 1], width[i]) < 1e-6 or \
            abs(slopes[i] - slopes[i - 1]) > 1e-9 * max(1.0, abs(slopes[i]), abs(slopes[i - 1]))
    return len(breaks) + 1


def _check_trained_depth(at, text, c):
    m = _DTRAIN.search(text)
    if not c["dtrain"]:
        assert m is None
        return
    assert m, text
    k, w = c["k"], c["dwidth"]
    spec = A.DepthTrainSpec(k, w)
    r = A.run_depth_training(spec)
    s = np.linspace(0, 1, 16 * 2**k + 8193)
    target = A.tent_power(s, k)
    stats = {"deep": [], "shallow": []}
    for row in r["rows"]:
        y = A.net_output(row["params"], 2 * s - 1, "relu") * r["scale"].std + r["scale"].mean
        err = float(np.max(np.abs(y - target)))
        assert row["max_err"] == pytest.approx(err, rel=0.02, abs=1e-9)
        pieces = _pieces_by_definition(row["params"], A.linear_pieces(row["params"], -1, 1)[1])
        stats[row["net"]].append((err, pieces, sum(v.size for v in row["params"].values())))
    seeds = spec.n_seeds
    assert int(m[1]) == seeds == int(m[13]) == int(m[22]) and int(m[2]) == spec.steps
    assert _num(m[3]) == spec.lr and int(m[4]) == len(spec.data()[0])
    assert (int(m[5]), int(m[6])) == (k, w)
    tol = _num(m[14])
    assert tol == _num(m[23]) == A.FOUND_TOL
    for net, g in (("deep", 7), ("shallow", 16)):
        err, pcs, size = (np.array(v) for v in zip(*stats[net], strict=True))
        assert int(m[g]) == size[0] == size.max() == size.min()
        assert _num(m[g + 1]) == pytest.approx(err.min(), rel=0.02)
        assert _num(m[g + 2]) == pytest.approx(err.max(), rel=0.02)
        assert (int(m[g + 3]), int(m[g + 4])) == (pcs.min(), pcs.max())
        assert int(m[g + 5]) == int(np.sum(err < tol))
    assert int(m[15]) == spec.shallow_units() and 3 * int(m[15]) + 1 == int(m[16]) <= int(m[7])
    tent = A.tent_net(k)
    assert int(m[24]) == 2**k == A.linear_pieces(tent, 0.0, 1.0)[0]
    assert np.max(np.abs(A.net_output(tent, s, "relu") - target)) < 1e-12
    none = "Training found the fold from none of these seeds" in text
    assert none == (int(m[12]) == 0)
    some = re.search(r"(\d+) of (\d+) deep runs did reach T\^k", text)
    assert (some is not None) == (not none) and (none or int(some[1]) == int(m[12]))
    table = static_tables(at)[1]
    assert list(table.iloc[:, 3]) == [str(p) for n in ("deep", "shallow")
                                      for _, p, _ in stats[n]]


# ---- lecture steps (labs.approximation.LECTURE): each text's numbers, recomputed ------------


def test_every_lecture_step_text_is_formatted_from_its_numbers():
    from labs.approximation import LECTURE, step_fields
    from ui.strings.approximation import T

    for sid in LECTURE:
        for lang in ("en", "ko"):
            text = T(f"step.{sid}.text", lang, **step_fields(sid))
            assert "{" not in text and "None" not in text, text


def test_lecture_steps_ramps_more_squash():
    """The ReLU errors from np.interp on a finer grid; the sigmoid staircase on it too."""
    from labs.approximation import step_fields, step_settings

    errs = {}
    for sid in ("ramps", "more"):
        p = step_settings(sid)
        tg = A.make_target(p["target"], "")
        nodes = np.linspace(p["a"], p["b"], p["n"] + 1)
        fine = _fine_points(p["a"], p["b"])
        errs[sid] = float(np.max(np.abs(tg.f(fine) - np.interp(fine, nodes, tg.f(nodes)))))
        f = step_fields(sid)
        assert f["n"] == p["n"] and _num(f["err"]) == pytest.approx(errs[sid], rel=0.02)
    f = step_fields("more")
    assert f["times"] == 4 == step_settings("more")["n"] // step_settings("ramps")["n"]
    assert _num(f["ratio"]) == pytest.approx(errs["ramps"] / errs["more"], rel=0.03)
    assert 10 < _num(f["ratio"]) < 16  # "1/N² would make it 16": close to it, below
    p = step_settings("squash")
    assert p["act"] == "sigmoid"
    tg = A.make_target(p["target"], "")
    net = A.step_staircase(tg.f, p["a"], p["b"], p["n"], "sigmoid")
    err = _fine_max_err(tg.f, lambda x: A.net_output(net, x, "sigmoid"), p["a"], p["b"])
    assert _num(step_fields("squash")["err"]) == pytest.approx(err, rel=0.02)


def test_lecture_steps_jump_and_depth():
    from labs.approximation import step_fields, step_settings

    p = step_settings("jump")
    tg = A.make_target(p["target"], "")
    nodes = np.linspace(p["a"], p["b"], 257)
    e256 = _fine_max_err(tg.f, lambda x: np.interp(x, nodes, tg.f(nodes)), p["a"], p["b"])
    assert _num(step_fields("jump")["e256"]) == pytest.approx(e256, rel=0.01)
    nodes = np.linspace(p["a"], p["b"], 17)
    e16 = _fine_max_err(tg.f, lambda x: np.interp(x, nodes, tg.f(nodes)), p["a"], p["b"])
    assert e256 > 0.9 * e16  # "stays flat"
    k = step_settings("depth")["k"]
    s = np.linspace(0, 1, 2**k * 2 * k * 4 + 1)
    deep = A.net_output(A.tent_net(k), s, "relu")
    f = step_fields("depth")
    assert f["pieces"] == _slope_changes(deep, s[1] - s[0]) == 2**k
    assert f["units"] == 2 * k and f["k"] == k and f["most"] == 2 * k + 1


def test_lecture_steps_rate_and_jump_best_fit():
    """"falls with slope −2.x, N× below the interpolant" and "the best fit found stays at 0.5",
    re-measured through the N = 256 ReLU net on a finer grid."""
    from labs.approximation import step_fields, step_settings

    for sid in ("rate", "jump"):
        p = step_settings(sid)
        tg = A.make_target(p["target"], "")
        bt = A.best_table(tg, p["a"], p["b"])
        x = _fine_points(p["a"], p["b"])
        last = bt["last"]
        net = A.pl_net(last["nodes"], last["values"])
        best = float(np.max(np.abs(tg.f(x) - A.net_output(net, x, "relu"))))
        nodes = np.linspace(p["a"], p["b"], 257)
        interp = float(np.max(np.abs(tg.f(x) - np.interp(x, nodes, tg.f(nodes)))))
        f = step_fields(sid)
        if sid == "rate":
            assert _num(f["slope"]) == pytest.approx(bt["slope"], abs=0.01)
            assert -2.3 < bt["slope"] < -1.8  # "like 1/N²"
            assert _num(f["ratio"]) == pytest.approx(interp / best, rel=0.03)
        else:
            assert _num(f["best256"]) == pytest.approx(best, rel=0.01) and best >= 0.5 - 1e-6
