"""Optimizers: hand-computed steps, purity, convergence, schedules, descend, and torch agreement."""

import copy
import math

import numpy as np
import pytest

from nncore.divergence import LEFT_BOX, OVERFLOW, UNDEFINED
from nncore.optim import (
    HYPERPARAMS,
    OPTIMIZERS,
    SCHEDULES,
    SURFACE_NAMES,
    Descent,
    default_lr,
    descend,
    make_optimizer,
    make_schedule,
    radam_warmup_steps,
)
from nncore.surfaces import SURFACES, quadratic_bowl

X0 = [1.0, -2.0]
G1 = [0.5, -3.0]
G2 = [-1.0, 2.0]


def two_steps(name, **hp):
    opt = make_optimizer(name, **hp)
    p0 = {"w": np.array(X0)}
    s0 = opt.init(p0)
    p1, s1 = opt.update({"w": np.array(G1)}, s0, p0)
    p2, s2 = opt.update({"w": np.array(G2)}, s1, p1)
    return p1["w"], p2["w"], s2


def per_coord(step_fn):
    """Apply a scalar two-step recipe to each coordinate: step_fn(x0, g1, g2) -> (x1, x2)."""
    pairs = [step_fn(x, a, b) for x, a, b in zip(X0, G1, G2, strict=True)]
    return np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])


# ---- hand-computed first and second steps (scalar formulas, written out) ---------------------


def test_sgd_two_steps():
    lr = 0.1
    x1, x2, _ = two_steps("sgd", lr=lr)
    np.testing.assert_allclose(x1, [1.0 - 0.1 * 0.5, -2.0 + 0.1 * 3.0], rtol=1e-14)
    np.testing.assert_allclose(x2, [0.95 + 0.1 * 1.0, -1.7 - 0.1 * 2.0], rtol=1e-14)


def test_momentum_two_steps():
    x1, x2, state = two_steps("momentum", lr=0.1, momentum=0.9)
    # b1 = g1; x1 = x0 - 0.1 b1; b2 = 0.9 b1 + g2; x2 = x1 - 0.1 b2
    np.testing.assert_allclose(x1, [0.95, -1.7], rtol=1e-14)
    b2 = [0.9 * 0.5 - 1.0, 0.9 * -3.0 + 2.0]  # [-0.55, -0.7]
    np.testing.assert_allclose(state["velocity"]["w"], b2, rtol=1e-14)
    np.testing.assert_allclose(x2, [0.95 + 0.055, -1.7 + 0.07], rtol=1e-14)


def test_nesterov_two_steps():
    x1, x2, _ = two_steps("nesterov", lr=0.1, momentum=0.9)
    # b1 = g1; x1 = x0 - 0.1 (g1 + 0.9 b1) = x0 - 0.19 g1
    np.testing.assert_allclose(x1, [1.0 - 0.19 * 0.5, -2.0 + 0.19 * 3.0], rtol=1e-14)
    # b2 = [-0.55, -0.7]; x2 = x1 - 0.1 (g2 + 0.9 b2)
    np.testing.assert_allclose(
        x2, [0.905 - 0.1 * (-1.0 - 0.495), -1.43 - 0.1 * (2.0 - 0.63)], rtol=1e-14
    )


def test_nesterov_equals_lecture_lookahead_form():
    """torch's Nesterov points are the lecture's look-ahead points x + ρv (constant α)."""
    surf, lr, rho = SURFACES["rosenbrock"], 1e-3, 0.9
    d = descend(surf.grad, surf.start, make_optimizer("nesterov", lr=lr, momentum=rho), 50)
    x, v = np.array(surf.start), np.zeros(2)  # lecture: v ← ρv − α∇f(x + ρv); x ← x + v
    for k in range(50):
        look = x + rho * v
        np.testing.assert_allclose(d.path[k], look, rtol=1e-10, atol=1e-12)
        v = rho * v - lr * np.array(surf.grad(*look))
        x = x + v


def test_adagrad_two_steps():
    lr, eps = 0.1, 1e-10

    def recipe(x, a, b):
        h1 = a * a
        x1 = x - lr * a / (math.sqrt(h1) + eps)
        h2 = h1 + b * b
        return x1, x1 - lr * b / (math.sqrt(h2) + eps)

    x1, x2, state = two_steps("adagrad", lr=lr, eps=eps)
    e1, e2 = per_coord(recipe)
    np.testing.assert_allclose(x1, e1, rtol=1e-14)
    np.testing.assert_allclose(x2, e2, rtol=1e-14)
    np.testing.assert_allclose(state["sum_sq"]["w"], [0.25 + 1.0, 9.0 + 4.0], rtol=1e-14)
    np.testing.assert_allclose(state["step_size"]["w"], lr / (np.sqrt([1.25, 13.0]) + eps))


def test_rmsprop_two_steps():
    lr, gamma, eps = 0.1, 0.9, 1e-8

    def recipe(x, a, b):
        v1 = (1 - gamma) * a * a
        x1 = x - lr * a / (math.sqrt(v1) + eps)
        v2 = gamma * v1 + (1 - gamma) * b * b
        return x1, x1 - lr * b / (math.sqrt(v2) + eps)

    x1, x2, _ = two_steps("rmsprop", lr=lr, decay=gamma, eps=eps)
    e1, e2 = per_coord(recipe)
    np.testing.assert_allclose(x1, e1, rtol=1e-14)
    np.testing.assert_allclose(x2, e2, rtol=1e-14)


def test_adadelta_two_steps():
    lr, rho, eps = 1.0, 0.9, 1e-6

    def recipe(x, a, b):
        v1 = (1 - rho) * a * a
        d1 = math.sqrt(0.0 + eps) / math.sqrt(v1 + eps) * a
        u1 = (1 - rho) * d1 * d1
        x1 = x - lr * d1
        v2 = rho * v1 + (1 - rho) * b * b
        d2 = math.sqrt(u1 + eps) / math.sqrt(v2 + eps) * b
        return x1, x1 - lr * d2

    x1, x2, _ = two_steps("adadelta", lr=lr, rho=rho, eps=eps)
    e1, e2 = per_coord(recipe)
    np.testing.assert_allclose(x1, e1, rtol=1e-14)
    np.testing.assert_allclose(x2, e2, rtol=1e-14)


def adam_recipe(lr, b1, b2, eps, wd=0.0):
    def recipe(x, a, b):
        x = x * (1 - lr * wd)
        m1, v1 = (1 - b1) * a, (1 - b2) * a * a
        x1 = x - lr * (m1 / (1 - b1)) / (math.sqrt(v1) / math.sqrt(1 - b2) + eps)
        x1w = x1 * (1 - lr * wd)
        m2, v2 = b1 * m1 + (1 - b1) * b, b2 * v1 + (1 - b2) * b * b
        x2 = x1w - lr * (m2 / (1 - b1**2)) / (math.sqrt(v2) / math.sqrt(1 - b2**2) + eps)
        return x1, x2

    return recipe


def test_adam_two_steps():
    x1, x2, _ = two_steps("adam", lr=0.1, beta1=0.9, beta2=0.999, eps=1e-8)
    e1, e2 = per_coord(adam_recipe(0.1, 0.9, 0.999, 1e-8))
    # bias correction makes the first step exactly lr·sign(g) (up to eps)
    np.testing.assert_allclose(x1, [0.9, -1.9], rtol=1e-7)
    np.testing.assert_allclose(x1, e1, rtol=1e-14)
    np.testing.assert_allclose(x2, e2, rtol=1e-14)


def test_adamw_two_steps():
    x1, x2, _ = two_steps("adamw", lr=0.1, beta1=0.8, beta2=0.99, eps=1e-8, weight_decay=0.5)
    e1, e2 = per_coord(adam_recipe(0.1, 0.8, 0.99, 1e-8, wd=0.5))
    np.testing.assert_allclose(x1, e1, rtol=1e-14)
    np.testing.assert_allclose(x2, e2, rtol=1e-14)


def test_nadam_two_steps():
    lr, b1, b2, eps, psi = 0.1, 0.9, 0.999, 1e-8, 4e-3
    mu = [b1 * (1 - 0.5 * 0.96 ** (t * psi)) for t in (1, 2, 3)]

    def recipe(x, a, b):
        m1, v1 = (1 - b1) * a, (1 - b2) * a * a
        d1 = math.sqrt(v1 / (1 - b2)) + eps
        x1 = x - lr * (1 - mu[0]) / (1 - mu[0]) * a / d1 \
            - lr * mu[1] / (1 - mu[0] * mu[1]) * m1 / d1
        m2, v2 = b1 * m1 + (1 - b1) * b, b2 * v1 + (1 - b2) * b * b
        d2 = math.sqrt(v2 / (1 - b2**2)) + eps
        p2 = mu[0] * mu[1]
        x2 = x1 - lr * (1 - mu[1]) / (1 - p2) * b / d2 - lr * mu[2] / (1 - p2 * mu[2]) * m2 / d2
        return x1, x2

    x1, x2, _ = two_steps("nadam", lr=lr, beta1=b1, beta2=b2, eps=eps, momentum_decay=psi)
    e1, e2 = per_coord(recipe)
    np.testing.assert_allclose(x1, e1, rtol=1e-13)
    np.testing.assert_allclose(x2, e2, rtol=1e-13)


def test_radam_two_steps_are_unadapted():
    # ρ∞ = 1999, ρ₁ = 1, ρ₂ ≈ 2 (< 5): the first steps are bias-corrected momentum steps α·m̂
    x1, x2, state = two_steps("radam", lr=0.1, beta1=0.9, beta2=0.999, eps=1e-8)
    np.testing.assert_allclose(x1, [1.0 - 0.1 * 0.5, -2.0 + 0.1 * 3.0], rtol=1e-14)
    m2 = [0.9 * 0.05 + 0.1 * -1.0, 0.9 * -0.3 + 0.1 * 2.0]
    np.testing.assert_allclose(x2, x1 - 0.1 * np.array(m2) / (1 - 0.81), rtol=1e-14)
    assert state["rho_t"] < 5


def test_radam_rectified_step():
    # β₂ = 0.9: ρ∞ = 19, and ρₜ first exceeds 5 at t = 6; constant gradient g.
    lr, b1, b2, eps, g = 0.1, 0.9, 0.9, 1e-8, 2.0
    opt = make_optimizer("radam", lr=lr, beta1=b1, beta2=b2, eps=eps)
    p = {"w": np.array([0.0])}
    s = opt.init(p)
    x = 0.0
    for t in range(1, 8):
        p, s = opt.update({"w": np.array([g])}, s, p)
        m, v = g * (1 - b1**t), g * g * (1 - b2**t)  # closed forms for a constant gradient
        rho_inf = 2 / (1 - b2) - 1
        rho_t = rho_inf - 2 * t * b2**t / (1 - b2**t)
        m_hat = m / (1 - b1**t)
        if rho_t > 5:
            r = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
            x -= lr * m_hat * r * math.sqrt(1 - b2**t) / (math.sqrt(v) + eps)
        else:
            x -= lr * m_hat
        assert (rho_t > 5) == (t >= 6)
        assert p["w"][0] == pytest.approx(x, rel=1e-13)


# ---- every optimizer: purity, state layout, registry -------------------------------------------


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_update_is_pure(name):
    rng = np.random.default_rng(1)
    opt = make_optimizer(name, lr=0.05)
    params = {"W": rng.standard_normal((3, 4)), "b": rng.standard_normal(4)}
    grads = {k: rng.standard_normal(v.shape) for k, v in params.items()}
    state = opt.init(params)
    state, params = opt.update(grads, state, params)[::-1]  # a state with non-zero buffers
    before = copy.deepcopy((grads, state, params))
    new_params, new_state = opt.update(grads, state, params)
    for a, b in zip(before, (grads, state, params), strict=True):
        assert_tree_equal(a, b)
    for k in params:
        assert new_params[k] is not params[k]
        assert not np.shares_memory(new_params[k], params[k])
    assert new_state["t"] == state["t"] + 1


def assert_tree_equal(a, b):
    assert type(a) is type(b)
    if isinstance(a, dict):
        assert a.keys() == b.keys()
        for k in a:
            assert_tree_equal(a[k], b[k])
    elif isinstance(a, np.ndarray):
        np.testing.assert_array_equal(a, b)
    else:
        assert a == b


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_registry_entry_is_complete(name):
    spec = OPTIMIZERS[name]
    assert spec.label and spec.formula and spec.reference
    assert "lr" in spec.defaults
    assert set(spec.defaults) <= set(HYPERPARAMS)
    for hp, default in spec.defaults.items():  # every default lies on its slider's grid
        grid = spec.grids[hp]
        assert list(grid) == sorted(grid) and default in grid, (hp, default)
    assert set(spec.lr_by_surface) <= set(SURFACE_NAMES)
    assert all(spec.lr_by_surface[s] in spec.grids["lr"] for s in spec.lr_by_surface)
    assert spec.memory in ("velocity", "m", "none") and spec.direction in (
        "grad", "velocity", "nesterov", "m", "nadam")
    assert (spec.memory == "velocity") == ("velocity" in spec.state_keys)
    opt = make_optimizer(name)
    assert opt.name == name and opt.hp == spec.defaults
    state = opt.init({"w": np.ones(3)})
    assert state["t"] == 0
    for key in spec.state_keys:
        assert state[key]["w"].shape == (3,)


def test_make_optimizer_rejects_bad_input():
    with pytest.raises(ValueError, match="unknown optimizer"):
        make_optimizer("adamax")
    with pytest.raises(ValueError, match="no hyperparameter"):
        make_optimizer("sgd", momentum=0.9)
    with pytest.raises(ValueError, match="positive"):
        make_optimizer("adam", lr=-1.0)
    with pytest.raises(ValueError, match="finite"):
        make_optimizer("adam", beta1=float("nan"))


# ---- convergence with documented hyperparameters ----------------------------------------------

# name -> (hyperparameters, steps, tolerance on the distance to the minimum)
QUADRATIC_RUNS = {
    "sgd": ({"lr": 0.05}, 500, 1e-3),
    "momentum": ({"lr": 0.02, "momentum": 0.9}, 500, 1e-3),
    "nesterov": ({"lr": 0.02, "momentum": 0.9}, 500, 1e-3),
    "adagrad": ({"lr": 1.0}, 500, 1e-3),
    "rmsprop": ({"lr": 0.01}, 2000, 1e-2),  # hovers within ~lr of the minimum
    "adadelta": ({"lr": 1.0}, 2000, 5e-2),  # settles into a small limit cycle
    "adam": ({"lr": 0.3}, 500, 1e-3),
    "adamw": ({"lr": 0.3, "weight_decay": 0.01}, 500, 1e-3),
    "nadam": ({"lr": 0.3}, 500, 1e-3),
    "radam": ({"lr": 0.3}, 500, 1e-3),
}
ROSENBROCK_RUNS = {
    "sgd": ({"lr": 2e-3}, 5000, 1e-2),
    "momentum": ({"lr": 2e-3, "momentum": 0.9}, 5000, 1e-3),
    "nesterov": ({"lr": 1e-3, "momentum": 0.9}, 5000, 1e-3),
    "adagrad": ({"lr": 1.0}, 20000, 2e-2),
    "rmsprop": ({"lr": 3e-3}, 5000, 2e-2),
    "adadelta": ({"lr": 0.03}, 20000, 1e-2),  # larger rates orbit in the valley
    "adam": ({"lr": 0.01}, 5000, 1e-3),
    "adamw": ({"lr": 0.01, "weight_decay": 0.0}, 5000, 1e-3),
    "nadam": ({"lr": 0.01}, 5000, 1e-2),
    "radam": ({"lr": 0.01}, 20000, 1e-2),
}


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_converges_on_quadratic_bowl(name):
    hp, steps, tol = QUADRATIC_RUNS[name]
    surf = quadratic_bowl(20.0)
    d = descend(surf.grad, surf.start, make_optimizer(name, **hp), steps)
    assert d.diverged_at is None
    assert np.linalg.norm(d.path[-1]) < tol


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_converges_on_rosenbrock(name):
    hp, steps, tol = ROSENBROCK_RUNS[name]
    surf = SURFACES["rosenbrock"]
    d = descend(surf.grad, surf.start, make_optimizer(name, **hp), steps)
    assert d.diverged_at is None
    assert np.linalg.norm(d.path[-1] - np.array([1.0, 1.0])) < tol


@pytest.mark.parametrize("surface", sorted(SURFACES))
@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_surface_default_lrs_do_not_diverge(surface, name):
    surf = SURFACES[surface]
    opt = make_optimizer(name, lr=default_lr(name, surface))
    d = descend(surf.grad, surf.start, opt, 1000, loss_fn=surf.f)
    assert d.diverged_at is None, d.reason
    assert d.losses[-1] < surf.f(*surf.start)


# ---- schedules -----------------------------------------------------------------------------


def test_schedules_values():
    assert make_schedule("constant", 0.1, 100)(57) == 0.1
    step = make_schedule("step", 0.1, 90, gamma=0.5)
    assert [step(t) for t in (0, 29, 30, 60)] == pytest.approx([0.1, 0.1, 0.05, 0.025])
    expo = make_schedule("exponential", 0.1, 101)
    assert expo(0) == pytest.approx(0.1) and expo(100) == pytest.approx(0.001)
    cos = make_schedule("cosine", 0.1, 100, eta_min=0.01)
    assert cos(0) == pytest.approx(0.1) and cos(50) == pytest.approx(0.055)
    assert cos(100) == pytest.approx(0.01) and cos(500) == pytest.approx(0.01)
    assert set(SCHEDULES) == {"constant", "step", "exponential", "cosine"}
    assert cos.values(3).shape == (3,)


def test_schedule_drives_the_learning_rate():
    sched = make_schedule("step", 0.1, 4, step_size=2, gamma=0.5)
    opt = make_optimizer("sgd", lr=sched)
    p, s = {"w": np.array([0.0])}, opt.init({"w": np.array([0.0])})
    used = []
    for _ in range(4):
        p, s = opt.update({"w": np.array([-1.0])}, s, p)
        used.append(s["lr"])
    assert used == pytest.approx([0.1, 0.1, 0.05, 0.05])
    assert p["w"][0] == pytest.approx(0.3)


def test_make_schedule_rejects_bad_input():
    with pytest.raises(ValueError, match="unknown schedule"):
        make_schedule("warmup", 0.1, 10)
    with pytest.raises(ValueError, match="no option"):
        make_schedule("cosine", 0.1, 10, gamma=0.5)


# ---- descend -------------------------------------------------------------------------------


def _descend_as_one_vector(surf, opt, steps, noise, seed):
    """The reference loop: the point as one 2-vector parameter {"xy": array([x, y])}."""
    draws = noise * np.random.default_rng(seed).standard_normal((steps, 2))
    params = {"xy": np.array(surf.start, dtype=np.float64)}
    state, path, states = opt.init(params), [params["xy"]], []
    for i in range(steps):
        g = np.array(surf.grad(*params["xy"].tolist()), dtype=np.float64) + draws[i]
        params, state = opt.update({"xy": g}, state, params)
        path.append(params["xy"])
        states.append(state)
    return np.array(path), states


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_descend_equals_the_one_vector_loop_bit_for_bit(name):
    """descend hands the optimizer x and y as two scalar parameters (for speed); every rule is
    elementwise, so the path and the recorded state must be exactly those of the 2-vector loop."""
    from nncore.optim import state_history

    surf = SURFACES["rosenbrock"]
    hp = {"lr": make_schedule("cosine", default_lr(name, "rosenbrock"), 300)}
    opt = make_optimizer(name, **hp)
    d = descend(surf.grad, surf.start, opt, 300, noise=0.3, rng=np.random.default_rng(5),
                record_state=True)
    path, states = _descend_as_one_vector(surf, opt, 300, 0.3, 5)
    assert not d.diverged
    np.testing.assert_array_equal(d.path, path)
    h = state_history(d)
    for entry in ("step_size", "m", "velocity"):
        if entry in states[0]:
            got = h["step_size"] if entry == "step_size" else -h["memory"]
            np.testing.assert_array_equal(got, np.array([s[entry]["xy"] for s in states]))


def test_descend_divergence_is_reported_not_raised():
    surf = SURFACES["rosenbrock"]
    d = descend(surf.grad, surf.start, make_optimizer("sgd", lr=10.0), 500, loss_fn=surf.f)
    assert isinstance(d, Descent)
    assert d.diverged and d.diverged_at is not None and 1 <= d.diverged_at <= 10
    assert len(d.path) == d.diverged_at and d.grads.shape == (d.diverged_at - 1, 2)
    assert np.all(np.isfinite(d.path)) and np.all(np.isfinite(d.grads))
    assert np.all(np.isfinite(d.losses)) and np.all(np.abs(d.path) <= 1e6)
    assert d.reason == LEFT_BOX


def test_descend_stops_on_non_finite_gradient():
    def grad(x, y):
        return (float("nan"), 0.0) if x > 0.5 else (-1.0, 0.0)

    d = descend(grad, (0.0, 0.0), make_optimizer("sgd", lr=0.2), 10)
    assert d.diverged_at == 4 and len(d.path) == 4  # x = 0, .2, .4, .6 then a NaN gradient
    assert d.reason == UNDEFINED  # a NaN gradient: f is not differentiable/defined there


def test_descend_counts_a_division_by_zero_as_divergence():
    """descend's scalar floats raise where arrays give inf (AdaGrad with ε = 0 and a zero
    gradient divides 0 by 0): the same divergence as the 2-vector arithmetic, never an error."""
    opt = make_optimizer("adagrad", lr=0.1, eps=0.0)
    d = descend(lambda x, y: (0.0, 0.0), (1.0, 1.0), opt, 5)
    assert d.diverged_at == 1 and d.reason == OVERFLOW
    assert d.path.shape == (1, 2) and np.all(np.isfinite(d.path))
    with np.errstate(all="ignore"):  # the same rule on a 2-vector: 0/0 is NaN, not an error
        p, _ = opt.update({"w": np.zeros(2)}, opt.init({"w": np.ones(2)}), {"w": np.ones(2)})
    assert np.all(np.isnan(p["w"]))


def test_descend_stops_on_non_finite_loss():
    def f(x, y):
        return np.where(x > 0.5, np.inf, x)

    d = descend(lambda x, y: (-1.0, 0.0), (0.0, 0.0), make_optimizer("sgd", lr=0.2), 10,
                loss_fn=f)
    assert d.diverged_at == 3 and len(d.path) == 3 and np.all(np.isfinite(d.losses))
    assert d.reason == OVERFLOW


def test_descend_names_a_point_outside_the_domain_undefined_not_overflow():
    """log(x) walked to x <= 0: f is NaN there. That is the formula's domain, not a
    learning rate too large: the code says which."""
    from nncore.expr import expression_surface

    s = expression_surface("log(x) + y**2")
    d = descend(s.grad, (3.0, 3.0), make_optimizer("adagrad", lr=0.5), 200, loss_fn=s.f)
    assert d.diverged and d.reason == UNDEFINED and d.path[-1, 0] > 0
    big = expression_surface("exp(x**2 + y**2)")
    d = descend(big.grad, (3.0, 3.0), make_optimizer("sgd", lr=0.01), 10, loss_fn=big.f)
    assert d.diverged_at == 1 and d.reason in (LEFT_BOX, OVERFLOW)


def test_descend_noise_is_seeded_and_needs_an_rng():
    surf = SURFACES["quadratic"]
    opt = make_optimizer("sgd", lr=0.05)
    a = descend(surf.grad, surf.start, opt, 50, noise=1.0, rng=np.random.default_rng(7))
    b = descend(surf.grad, surf.start, opt, 50, noise=1.0, rng=np.random.default_rng(7))
    c = descend(surf.grad, surf.start, opt, 50)
    np.testing.assert_array_equal(a.path, b.path)
    assert not np.allclose(a.path, c.path)
    with pytest.raises(ValueError, match="rng"):
        descend(surf.grad, surf.start, opt, 5, noise=1.0)


def test_descend_records_states():
    surf = SURFACES["booth"]
    d = descend(surf.grad, surf.start, make_optimizer("adam", lr=0.1), 20, record_state=True)
    assert len(d.states) == 20 and d.states[-1]["t"] == 20
    assert set(d.states[0]["m"]) == {"x", "y"} and np.ndim(d.states[0]["m"]["x"]) == 0
    assert d.states[0]["m"]["x"] != d.states[-1]["m"]["x"]
    assert d.path.shape == (21, 2) and d.grads.shape == (20, 2)


# ---- agreement with torch.optim (only when torch is installed) --------------------------------

TORCH_ARGS = {
    "sgd": lambda hp: ("SGD", {"lr": hp["lr"]}),
    "momentum": lambda hp: ("SGD", {"lr": hp["lr"], "momentum": hp["momentum"]}),
    "nesterov": lambda hp: ("SGD", {"lr": hp["lr"], "momentum": hp["momentum"], "nesterov": True}),
    "adagrad": lambda hp: ("Adagrad", {"lr": hp["lr"], "eps": hp["eps"]}),
    "rmsprop": lambda hp: ("RMSprop", {"lr": hp["lr"], "alpha": hp["decay"], "eps": hp["eps"]}),
    "adadelta": lambda hp: ("Adadelta", {"lr": hp["lr"], "rho": hp["rho"], "eps": hp["eps"]}),
    "adam": lambda hp: ("Adam", {"lr": hp["lr"], "betas": (hp["beta1"], hp["beta2"]),
                                 "eps": hp["eps"]}),
    "adamw": lambda hp: ("AdamW", {"lr": hp["lr"], "betas": (hp["beta1"], hp["beta2"]),
                                   "eps": hp["eps"], "weight_decay": hp["weight_decay"]}),
    "nadam": lambda hp: ("NAdam", {"lr": hp["lr"], "betas": (hp["beta1"], hp["beta2"]),
                                   "eps": hp["eps"], "momentum_decay": hp["momentum_decay"]}),
    "radam": lambda hp: ("RAdam", {"lr": hp["lr"], "betas": (hp["beta1"], hp["beta2"]),
                                   "eps": hp["eps"]}),
}
NON_DEFAULT = {"momentum": 0.8, "decay": 0.95, "rho": 0.85, "beta1": 0.85, "beta2": 0.99,
               "eps": 1e-6, "weight_decay": 0.1, "momentum_decay": 0.01}


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_matches_torch_for_50_steps(name):
    torch = pytest.importorskip("torch")
    # float64 default dtype: torch keeps scalar state (NAdam's mu_product, step) in that dtype
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        _compare_with_torch(torch, name)
    finally:
        torch.set_default_dtype(previous)


def _compare_with_torch(torch, name):
    spec = OPTIMIZERS[name]
    hp = {k: NON_DEFAULT[k] for k in spec.defaults if k in NON_DEFAULT}
    opt = make_optimizer(name, lr=0.03, **hp)
    cls, kwargs = TORCH_ARGS[name](opt.hp)
    rng = np.random.default_rng(3)
    params = {"W": rng.standard_normal((3, 4)), "b": rng.standard_normal(4)}

    def grads_at(p):  # a non-quadratic loss so that gradients keep changing
        return {"W": np.cos(p["W"]) + 0.1 * p["W"] ** 3, "b": 2.0 * p["b"] - 1.0}

    tparams = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True)
               for k, v in params.items()}
    topt = getattr(torch.optim, cls)(list(tparams.values()), **kwargs)
    state = opt.init(params)
    for _ in range(50):
        params, state = opt.update(grads_at(params), state, params)
        tg = grads_at({k: v.detach().numpy() for k, v in tparams.items()})
        for k, v in tparams.items():
            v.grad = torch.tensor(tg[k], dtype=torch.float64)
        topt.step()
    for k in params:
        np.testing.assert_allclose(params[k], tparams[k].detach().numpy(), rtol=1e-9, atol=1e-12)


def test_state_history_for_the_internals_view():
    from nncore.optim import state_history

    surf = SURFACES["booth"]
    for name, kind in (("momentum", "velocity"), ("adam", "m"), ("sgd", "step"),
                       ("adagrad", "step")):
        d = descend(surf.grad, surf.start, make_optimizer(name, lr=0.01), 30, record_state=True)
        h = state_history(d)
        assert h["memory_kind"] == kind
        assert h["memory"].shape == h["step_size"].shape == (30, 2) and h["lr"].shape == (30,)
        assert np.all(h["lr"] == 0.01)
        if name in ("sgd", "momentum"):
            assert np.all(h["step_size"] == 0.01)
        if kind == "step":
            np.testing.assert_allclose(h["memory"], np.diff(d.path, axis=0))
    # AdaGrad's effective step size only shrinks
    d = descend(surf.grad, surf.start, make_optimizer("adagrad", lr=0.5), 50, record_state=True)
    assert np.all(np.diff(state_history(d)["step_size"], axis=0) <= 0)
    with pytest.raises(ValueError, match="record_state"):
        state_history(descend(surf.grad, surf.start, make_optimizer("sgd"), 3))


def test_default_lr_table_and_fallback():
    assert default_lr("sgd", "booth") == 0.02
    assert default_lr("adam", "no_such_surface") == OPTIMIZERS["adam"].defaults["lr"]
    # on the bowl a plain step must stay under 2/κ, for any κ
    for kappa in (1, 20, 100, 1000):
        assert default_lr("sgd", "quadratic", kappa) < 2 / kappa


def test_radam_warmup_steps_follow_the_threshold():
    """torch's threshold 5 leaves the first 5 steps un-adapted at β₂ = 0.999, Liu et al.'s 4
    the first 4; the update rule uses the same count."""
    assert radam_warmup_steps(0.999) == 5 and radam_warmup_steps(0.999, 4.0) == 4
    opt = make_optimizer("radam", lr=0.1)
    p, st = {"w": np.array([1.0])}, opt.init({"w": np.array([1.0])})
    adapted = []
    for _ in range(8):
        p, st = opt.update({"w": np.array([0.3])}, st, p)
        adapted.append(st["rho_t"] > 5.0)
    assert adapted.index(True) == radam_warmup_steps(0.999)


def _lab(hex_color: str, cvd: str | None = None) -> np.ndarray:
    """CIELAB of an sRGB colour, optionally as seen with a colour-vision deficiency
    (Machado, Oliveira & Fernandes 2009, severity 1)."""
    rgb = np.array([int(hex_color[i:i + 2], 16) for i in (1, 3, 5)]) / 255.0
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    sim = {
        "protan": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
        "deutan": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                   [-0.011820, 0.042940, 0.968881]],
        "tritan": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
    }
    if cvd:
        lin = np.clip(np.array(sim[cvd]) @ lin, 0.0, 1.0)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ lin / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_every_pair_of_optimizers_is_told_apart_also_by_colour_blind_eyes():
    """Two optimizers differ in colour by ΔE ≥ 20 for normal vision and ≥ 10 for each
    colour-vision deficiency, or else they have different dashes (lines) and still
    ΔE ≥ 10 for normal vision (the comets are colour only). AdaGrad and RMSProp once got
    near-identical teals."""
    names = sorted(OPTIMIZERS)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            ca, cb = OPTIMIZERS[a].color, OPTIMIZERS[b].color
            normal = np.linalg.norm(_lab(ca) - _lab(cb))
            worst = min(np.linalg.norm(_lab(ca, c) - _lab(cb, c))
                        for c in ("protan", "deutan", "tritan"))
            dashed = OPTIMIZERS[a].dash != OPTIMIZERS[b].dash
            assert normal >= 10, (a, b, normal)
            assert (normal >= 20 and worst >= 10) or dashed, (a, b, normal, worst)
