"""nncore.initlab: the lecture's initialization outcomes, the propagation formula, histograms,
overflow detection, reproducible random streams, and agreement with nncore.mlp."""

import numpy as np
import pytest

from nncore import INITIALIZERS, init_mlp, mlp_backward, mlp_forward, weight_std
from nncore.initlab import (
    N_BINS,
    PRESETS,
    InitConfig,
    _gaussian,
    _streams,
    draw_weights,
    find_preset,
    run_init_experiment,
)

_CACHE: dict = {}


def run(cfg: InitConfig):
    if cfg not in _CACHE:
        _CACHE[cfg] = run_init_experiment(cfg)
    return _CACHE[cfg]


def preset(name: str):
    return run(PRESETS[name].a)


# ---------------------------------------------------------------------------------------------
# The lecture's outcomes (7 layers × 4096 units, 16 Gaussian inputs)
# ---------------------------------------------------------------------------------------------


def test_tanh_small_weights_collapse():
    r = preset("tanh_001")
    assert r.act_std[-1] * 10 <= r.act_std[0]  # measured: 0.49 -> 0.030 (16×)
    assert np.all(np.diff(r.act_std) < 0)
    assert np.nanmax(r.saturated) < 1.0
    # The gradient shrinks the same way going down (×0.64 per layer).
    assert r.grad_std[0] * 10 <= r.grad_std[-1]


def test_tanh_005_saturates():
    r, xavier = preset("tanh_005"), preset("tanh_xavier")
    deep = slice(2, None)
    # Foundation definition (saturated_fraction): within 1% of the output range of ±1, i.e.
    # |a| ≥ 0.98. Measured ≈ 40% in layers 3-7 (the "> 50%" holds only for a looser
    # threshold such as tanh'(z) < 0.1, measured ≈ 50.3%); Xavier has none.
    assert np.all(r.saturated[deep] > 35.0)
    assert np.all(xavier.saturated[deep] < 1.0)
    # The local gradient tanh'(z) = 1 - a² that multiplies every backward signal is ≈ 0.28.
    assert np.all(r.local_grad[deep] < 0.35)
    assert np.all(xavier.local_grad[deep] > 0.7)
    # Half of the histogram mass sits in the outermost bins (|a| > 0.9).
    outer = r.act_counts[:, :2].sum(axis=1) + r.act_counts[:, -2:].sum(axis=1)
    assert np.all(outer[deep] / r.act_counts[deep].sum(axis=1) > 0.5)


@pytest.mark.parametrize("name", ["tanh_xavier", "relu_he", "bn_rescue"])
def test_just_right_keeps_the_spread(name):
    r = preset(name)
    assert r.act_std.max() / r.act_std.min() < 3.0
    assert r.grad_std.max() / r.grad_std.min() < 3.0


def test_relu_xavier_decays_and_he_is_exactly_sqrt2_per_layer():
    xav, he = preset("relu_xavier"), preset("relu_he")
    assert np.all(np.diff(xav.act_std) < 0)
    assert xav.act_std[-1] < 0.2 * xav.act_std[0]
    # Same inputs and the same standard normals in W; ReLU is positively homogeneous, so He's
    # layer l is exactly √2^l × Xavier's.
    np.testing.assert_allclose(he.act_std / xav.act_std, np.sqrt(2.0) ** np.arange(1, 8), rtol=1e-9)
    np.testing.assert_array_equal(he.dead, xav.dead)


def test_sigmoid_unit_normal_piles_at_0_and_1():
    r = preset("sigmoid_n01")
    assert np.all(r.saturated > 30.0)
    assert np.all(r.local_grad < 0.1)  # σ'(z) ≤ 1/4, here ≈ 0.06
    outer = r.act_counts[:, :4].sum(axis=1) + r.act_counts[:, -4:].sum(axis=1)
    assert np.all(outer / r.act_counts.sum(axis=1) > 0.5)


def test_batchnorm_rescues_the_bad_init():
    bad, bn = preset("tanh_001"), preset("bn_rescue")
    np.testing.assert_allclose(bn.act_std, bn.act_std[0], rtol=0.02)
    assert bn.act_std[-1] > 10 * bad.act_std[-1]
    # Before BN the signal still follows the formula (it is renormalised afterwards).
    np.testing.assert_allclose(bn.var_u, bn.theory_step, rtol=0.05)


def test_presets_are_found_back_from_their_settings():
    for p in PRESETS.values():
        assert find_preset(p.a, p.b) is p
    assert find_preset(InitConfig("tanh", "normal", 0.02, 7, 4096, 16)) is None


# ---------------------------------------------------------------------------------------------
# The propagation formula Var(u) = n·Var(W)·E[a²]
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "act,init",
    [
        ("linear", "lecun_normal"),
        ("linear", "xavier_uniform"),
        ("relu", "he_normal"),
        ("relu", "he_uniform"),
        ("leaky_relu", "he_normal"),
        ("abs", "lecun_normal"),
    ],
)
def test_chained_theory_matches_measured_for_homogeneous_activations(act, init):
    r = run(InitConfig(act, init, None, depth=6, width=1024, samples=128, seed=1))
    assert np.all(np.isfinite(r.theory_chain))
    # Exact in expectation over W; one draw drifts multiplicatively with depth (measured ≤ 16%
    # here), while the one-step formula (measured E[a²] of the layer below) stays within 5%.
    np.testing.assert_allclose(r.var_u, r.theory_chain, rtol=0.25)
    np.testing.assert_allclose(r.var_u, r.theory_step, rtol=0.06)


@pytest.mark.parametrize("name", ["relu_xavier", "relu_he"])
def test_chained_theory_on_the_lecture_presets(name):
    r = preset(name)  # 7 × 4096: the drift is only a few %
    np.testing.assert_allclose(r.var_u, r.theory_chain, rtol=0.05)
    np.testing.assert_allclose(r.var_u, r.theory_step, rtol=0.03)


def test_chained_theory_for_a_scaled_normal():
    # Linear, N(0, s²): Var(u_l) = (n s²)^l exactly in expectation.
    r = run(InitConfig("linear", "normal", 0.05, depth=6, width=512, samples=64))
    np.testing.assert_allclose(r.theory_chain, (512 * 0.05**2) ** np.arange(1, 7), rtol=1e-12)
    np.testing.assert_allclose(r.var_u, r.theory_chain, rtol=0.2)


def test_chain_is_absent_where_it_is_not_exact():
    for act in ("tanh", "sigmoid", "gelu", "maxout"):
        r = run(InitConfig(act, "xavier_normal", None, depth=3, width=64, samples=32))
        assert np.all(np.isnan(r.theory_chain)), act
        assert np.all(np.isfinite(r.theory_step)), act


def test_step_theory_is_exact_for_square_orthogonal_weights():
    r = run(InitConfig("tanh", "orthogonal", None, depth=4, width=128, samples=32))
    np.testing.assert_allclose(r.var_u, r.theory_step, rtol=1e-10)


@pytest.mark.parametrize("init", [name for name in INITIALIZERS if name != "zeros"])
def test_draw_weights_follows_the_initializers_variance_rule(init):
    seq = np.random.SeedSequence(5)
    w = draw_weights(init, 512, 512, seq, scale=0.3 if INITIALIZERS[init].uses_scale else None)
    scale = 0.3 if INITIALIZERS[init].uses_scale else None
    assert w.shape == (512, 512) and w.dtype == np.float64
    np.testing.assert_allclose(w.std(), weight_std(init, 512, 512, scale), rtol=0.01)
    assert abs(w.mean()) < 0.01 * w.std()
    if "uniform" in init:
        lim = np.sqrt(3.0) * weight_std(init, 512, 512, scale)
        assert np.abs(w).max() <= lim


def test_draw_weights_does_not_depend_on_threads(monkeypatch):
    import nncore._fast as fast

    seq_args = (np.random.SeedSequence(11).spawn(1)[0],)
    big = draw_weights("he_normal", 1024, 1024, *seq_args)  # parallel path (> 2^18 entries)
    monkeypatch.setattr(fast, "PARALLEL_MIN", 1 << 40)
    seq_args = (np.random.SeedSequence(11).spawn(1)[0],)
    serial = draw_weights("he_normal", 1024, 1024, *seq_args)
    np.testing.assert_array_equal(big, serial)


# ---------------------------------------------------------------------------------------------
# Histograms, statistics, overflow
# ---------------------------------------------------------------------------------------------


def test_histograms_share_edges_and_count_every_value():
    for name in ("tanh_001", "relu_he", "sigmoid_n01"):
        r = preset(name)
        cfg = r.config
        assert r.act_edges.shape == (N_BINS + 1,) and r.grad_edges.shape == (N_BINS + 1,)
        assert r.act_counts.shape == (cfg.depth, N_BINS)
        np.testing.assert_array_equal(r.act_counts.sum(axis=1), cfg.samples * cfg.width)
        np.testing.assert_array_equal(r.grad_counts.sum(axis=1), cfg.samples * cfg.width)
        assert r.grad_edges[0] == -r.grad_edges[-1]
    assert tuple(preset("tanh_001").act_edges[[0, -1]]) == (-1.0, 1.0)
    assert tuple(preset("sigmoid_n01").act_edges[[0, -1]]) == (0.0, 1.0)


def test_dead_relus_and_zero_weights():
    r = run(InitConfig("relu", "zeros", None, depth=3, width=32, samples=16))
    np.testing.assert_array_equal(r.dead, 100.0)
    np.testing.assert_array_equal(r.act_std, 0.0)
    np.testing.assert_array_equal(r.theory_chain, 0.0)
    np.testing.assert_array_equal(r.act_counts.sum(axis=1), 16 * 32)
    assert r.overflow_layer is None
    t = run(InitConfig("tanh", "zeros", None, depth=2, width=32, samples=16))
    assert np.all(np.isnan(t.dead)) and np.all(t.saturated == 0)


def test_overflow_is_flagged_at_the_first_bad_layer():
    # Linear, N(0, 1e30²), n = 64: std grows ×8e30 per layer, so E[a²] leaves float64 at layer 5.
    r = run_init_experiment(InitConfig("linear", "normal", 1e30, depth=12, width=64, samples=16))
    assert r.overflow_layer == 5 and r.finite_layers == 4
    assert np.all(np.isfinite(r.act_std[:4])) and np.all(np.isnan(r.act_std[4:]))
    assert np.all(r.act_counts[4:] == 0)
    np.testing.assert_array_equal(r.act_counts[:4].sum(axis=1), 16 * 64)
    assert np.all(np.isfinite(r.act_edges)) and np.all(np.isfinite(r.grad_edges))
    # The backward pass runs through the finite layers only: the same ×8e30 per layer down
    # from the top overflows too, and is flagged (counted as the layer where it happened).
    assert r.grad_overflow_layer is None or 1 <= r.grad_overflow_layer <= 4


def test_page_ranges_never_overflow():
    """The page's extreme corner (scale 10, linear, 20 × 4096) stays finite: std ≈ 640^20."""
    r = run_init_experiment(InitConfig("linear", "normal", 10.0, depth=20, width=512, samples=16))
    assert r.overflow_layer is None and r.grad_overflow_layer is None


def test_same_seed_same_result_and_different_seed_differs():
    cfg = InitConfig("tanh", "xavier_normal", None, depth=3, width=64, samples=32, seed=7)
    a, b = run_init_experiment(cfg), run_init_experiment(cfg)
    np.testing.assert_array_equal(a.act_counts, b.act_counts)
    np.testing.assert_array_equal(a.grad_std, b.grad_std)
    c = run_init_experiment(InitConfig("tanh", "xavier_normal", None, 3, 64, 32, seed=8))
    assert not np.array_equal(a.act_std, c.act_std)


def test_config_drops_meaningless_scale():
    assert InitConfig("tanh", "xavier_normal", 0.05) == InitConfig("tanh", "xavier_normal", None)
    assert InitConfig("tanh", "normal", 0.05) != InitConfig("tanh", "normal", 0.01)
    with pytest.raises(ValueError):
        run_init_experiment(InitConfig("nope", "normal", 0.1))


# ---------------------------------------------------------------------------------------------
# Agreement with nncore.mlp (the same network, run by the foundation's forward/backward)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("act,bn", [("tanh", False), ("relu", True), ("maxout", False)])
def test_matches_mlp_forward_and_backward(act, bn):
    cfg = InitConfig(act, "he_normal", None, depth=3, width=16, samples=8, batchnorm=bn, seed=4)
    r = run_init_experiment(cfg)
    n, N, L = cfg.width, cfg.samples, cfg.depth
    x_seq, g_seq, w_seq = _streams(cfg.seed)
    w_seqs = w_seq.spawn(L)
    X, G = _gaussian(x_seq, (N, n)), _gaussian(g_seq, (N, n))
    params = init_mlp([n] * (L + 2), "zeros", np.random.default_rng(0), activation=act,
                      batchnorm=bn)
    for l in range(L):
        W = draw_weights(cfg.init, n, n, w_seqs[l])
        if act == "maxout":
            pieces = [W] + [draw_weights(cfg.init, n, n, s) for s in w_seqs[l].spawn(1)]
            W = np.stack(pieces, axis=2).reshape(n, 2 * n)
        params[f"W{l + 1}"] = W
    params[f"W{L + 1}"] = np.eye(n)  # identity output layer: dL/da_L = G exactly
    _, rec = mlp_forward(params, X, act, train=bn)
    _, upstream = mlp_backward(params, G, rec)
    np.testing.assert_allclose(r.act_std, [a.std() for a in rec["a"]], rtol=1e-10)
    np.testing.assert_allclose(r.grad_std, [g.std() for g in upstream], rtol=1e-10)


@pytest.mark.parametrize("act", ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu",
                                 "softplus", "abs", "hard_tanh", "swish", "gelu", "maxout"])
@pytest.mark.parametrize("bn", [False, True])
def test_every_activation_runs_on_the_smallest_network(act, bn):
    from nncore import HIDDEN_ACTIVATIONS

    assert act in HIDDEN_ACTIVATIONS
    for depth in (1, 3):
        r = run_init_experiment(InitConfig(act, "he_uniform", None, depth, 8, 16, bn, seed=2))
        assert r.overflow_layer is None
        assert np.all(np.isfinite(r.act_std)) and np.all(np.isfinite(r.grad_std))
        np.testing.assert_array_equal(r.act_counts.sum(axis=1), 8 * 16)
        np.testing.assert_array_equal(r.grad_counts.sum(axis=1), 8 * 16)


def test_every_initializer_runs():
    for init in INITIALIZERS:
        r = run_init_experiment(InitConfig("tanh", init, 0.5, depth=2, width=16, samples=16))
        assert np.all(np.isfinite(r.act_std)), init


# ---------------------------------------------------------------------------------------------
# The weight gradient ∂L/∂W (what a learning step applies)
# ---------------------------------------------------------------------------------------------


def test_weight_grad_std_equals_the_explicit_matrix():
    from nncore.initlab import weight_grad_std

    rng = np.random.default_rng(3)
    a, dz = rng.normal(0.3, 1.0, (9, 40)), rng.normal(-0.1, 0.5, (9, 30))
    np.testing.assert_allclose(weight_grad_std(a, dz), (a.T @ dz).std(), rtol=1e-12)


@pytest.mark.parametrize("act,bn", [("tanh", False), ("sigmoid", True), ("maxout", False)])
def test_weight_gradient_matches_centered_finite_differences(act, bn):
    """std(∂L/∂W_l) of the experiment = std of the centered finite-difference gradient of
    L = Σ G ⊙ a_L with respect to every entry of W_l (nncore.gradcheck)."""
    from nncore.gradcheck import numerical_gradient

    cfg = InitConfig(act, "he_normal", None, depth=3, width=5, samples=4, batchnorm=bn, seed=6)
    r = run_init_experiment(cfg)
    n, N, L = cfg.width, cfg.samples, cfg.depth
    x_seq, g_seq, w_seq = _streams(cfg.seed)
    w_seqs = w_seq.spawn(L)
    X, G = _gaussian(x_seq, (N, n)), _gaussian(g_seq, (N, n))
    Ws = []
    for l in range(L):
        W = draw_weights(cfg.init, n, n, w_seqs[l])
        if act == "maxout":
            pieces = [W] + [draw_weights(cfg.init, n, n, s) for s in w_seqs[l].spawn(1)]
            W = np.stack(pieces, axis=2).reshape(n, 2 * n)
        Ws.append(W)
    params = init_mlp([n] * (L + 2), "zeros", np.random.default_rng(0), activation=act,
                      batchnorm=bn)
    for l in range(L):
        params[f"W{l + 1}"] = Ws[l]
    params[f"W{L + 1}"] = np.eye(n)

    def loss() -> float:
        _, rec = mlp_forward(params, X, act, train=bn)
        return float(np.sum(G * rec["a"][-1]))

    for l in range(L):
        num = numerical_gradient(loss, params[f"W{l + 1}"], h=1e-6)
        np.testing.assert_allclose(r.wgrad_std[l], num.std(), rtol=1e-5)
