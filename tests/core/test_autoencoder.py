"""nncore.autoencoder: the digits file, the MSE gradient through the MLP, chunked training,
PCA and principal angles, the linear-AE = PCA subspace, denoising, pre-training helpers."""

import hashlib

import numpy as np
import pytest

from nncore import autoencoder as ae
from nncore.gradcheck import numerical_gradient, rel_error
from nncore.mlp import init_mlp

DIGITS_SHA256 = "87ff0c9e40dc7e2c0e34e7257799c2e3f3aec1a016363bb11cad869ec428a826"


def test_digits_file():
    with np.load(ae.DIGITS_FILE) as d:
        images, labels = d["images"], d["labels"]
    assert images.shape == (1797, 8, 8) and images.dtype == np.uint8
    assert labels.shape == (1797,) and labels.dtype == np.uint8
    assert images.min() == 0 and images.max() == 16
    assert np.bincount(labels).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    digest = hashlib.sha256(images.tobytes() + labels.tobytes()).hexdigest()
    assert digest == DIGITS_SHA256
    X, y = ae.load_digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64 and 0 <= X.min() and X.max() == 1.0


def test_split_is_fixed_and_disjoint():
    X, y, Xt, yt = ae.split_digits()
    X2, _, Xt2, _ = ae.split_digits()
    assert X.shape == (1500, 64) and Xt.shape == (297, 64)
    assert np.array_equal(X, X2) and np.array_equal(Xt, Xt2)
    assert set(np.unique(yt)) == set(range(10))


@pytest.mark.parametrize("hidden,act", [((5,), "tanh"), ((4, 3), "relu"), ((), "linear")])
def test_gradient_check(hidden, act):
    """Every parameter's gradient of the reconstruction loss (clean and corrupted input)."""
    rng = np.random.default_rng(0)
    X = rng.random((7, 6))
    sizes = ae.ae_sizes(6, hidden, 2)
    acts = ae.ae_activations(hidden, act) if hidden else ["linear"]
    params = init_mlp(sizes, "xavier_normal", rng, activation=acts)
    X_in = ae.corrupt(X, "gaussian", 0.2, rng)
    _, grads = ae.ae_loss_and_grads(params, X_in, X, acts)
    assert set(grads) == set(params)
    for key, value in params.items():
        num = numerical_gradient(lambda: ae.ae_loss_and_grads(params, X_in, X, acts)[0], value)
        assert rel_error(grads[key], num) < 1e-6, key


def test_mse_real_gradient():
    rng = np.random.default_rng(1)
    out, t = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    value, d = ae.mse_real(out, t)
    assert value == pytest.approx(np.mean((out - t) ** 2))
    num = numerical_gradient(lambda: ae.mse_real(out, t)[0], out)
    assert rel_error(d, num) < 1e-7


def test_encode_decode_compose_to_reconstruct():
    rng = np.random.default_rng(2)
    for hidden in ((8,), (8, 4), ()):
        sizes = ae.ae_sizes(5, hidden, 3)
        acts = ae.ae_activations(hidden, "tanh") if hidden else ["linear"]
        p = init_mlp(sizes, "xavier_normal", rng, activation=acts)
        X = rng.random((6, 5))
        z = ae.encode(p, X, acts)
        assert z.shape == (6, 3)
        assert np.allclose(ae.decode(p, z, acts), ae.reconstruct(p, X, acts))


def test_chunks_equal_one_long_run():
    cfg = ae.AEConfig(k=4, epochs=25, data="spiral", n_points=60, data_noise=0.05,
                      hidden=(8,), batch_size=16)
    chained = ae.run_ae(cfg)
    X, _ = ae.config_data(cfg)
    one = ae.train_autoencoder(X, cfg.sizes, cfg.acts, epochs=25, batch_size=16, lr=cfg.lr,
                               seed=cfg.seed, record_every=10)
    for key in one.params:
        assert np.array_equal(chained.params[key], one.params[key]), key
    assert chained.history["epoch"].tolist() == [0, 10, 20, 25]
    assert np.allclose(chained.history["train_mse"], one.history["train_mse"])


def test_reconstructions_improve_with_k():
    errs = [ae.run_ae(ae.AEConfig(k=k, epochs=20)).history["test_mse"][-1] for k in (2, 8, 32)]
    assert errs[0] > errs[1] > errs[2]
    assert errs[0] > 2 * errs[2]


def test_training_lowers_the_error():
    res = ae.run_ae(ae.AEConfig(k=8, epochs=20))
    h = res.history
    assert h["train_mse"][-1] < 0.5 * h["train_mse"][0]
    assert res.diverged_at is None and res.reason is None


def test_divergence_is_caught():
    res = ae.run_ae(ae.AEConfig(k=8, epochs=10, lr=1e4, activation="relu"))
    assert res.diverged_at is not None and res.reason == "training_diverged"
    assert all(np.isfinite(v).all() for v in res.params.values())
    assert np.isfinite(res.history["train_mse"]).all()


def test_pca_and_principal_angles():
    rng = np.random.default_rng(3)
    A = rng.normal(size=(10, 3))
    assert np.allclose(ae.principal_angles(A, A @ rng.normal(size=(3, 3))), 0, atol=1e-6)
    e = np.eye(4)
    assert np.allclose(ae.principal_angles(e[:, :2], e[:, 2:]), np.pi / 2)
    ang = ae.principal_angles(e[:, :1], (e[:, 0] + e[:, 1])[:, None])
    assert ang[0] == pytest.approx(np.pi / 4)
    X = rng.normal(size=(200, 5)) * [3, 2, 1, 0.5, 0.1]
    mu, comps, var = ae.pca(X, 2)
    assert np.allclose(comps @ comps.T, np.eye(2))
    assert np.allclose(var, np.var(X - mu, axis=0, ddof=1).sum() * var / var.sum())
    assert np.all(np.diff(var) <= 0)
    # Eckart–Young: no rank-2 projection reconstructs better than PCA's
    q, _ = np.linalg.qr(rng.normal(size=(5, 2)))
    other = mu + (X - mu) @ q @ q.T
    assert np.mean((ae.pca_reconstruct(X, mu, comps) - X) ** 2) <= np.mean((other - X) ** 2)


def test_linear_autoencoder_spans_pca_subspace():
    """Baldi & Hornik (1989): a linear AE at the MSE optimum spans the top-k principal
    subspace. Trained 100 epochs with Adam, its decoder is within a few degrees of it and its
    MSE within 1% of PCA's closed-form optimum (and never below it)."""
    cfg = ae.AEConfig(k=2, hidden=(), activation="linear", epochs=100)
    res = ae.run_ae(cfg)
    X, _, _, _ = ae.split_digits()
    mu, comps, _ = ae.pca(X, 2)
    angles = np.degrees(ae.principal_angles(ae.decoder_subspace(res.params), comps.T))
    assert angles.max() < 3.0, angles
    lin = ae.reconstruction_mse(res.params, X, X, cfg.acts)
    best = ae.mse_real(ae.pca_reconstruct(X, mu, comps), X)[0]
    assert best <= lin < 1.01 * best
    # a random 2-D subspace is far from it: the test could fail
    q = np.random.default_rng(0).normal(size=(64, 2))
    assert np.degrees(ae.principal_angles(q, comps.T)).max() > 45


def test_corrupt():
    rng = np.random.default_rng(4)
    X = np.ones((200, 64))
    masked = ae.corrupt(X, "mask", 0.3, rng)
    assert set(np.unique(masked)) == {0.0, 1.0}
    assert abs((masked == 0).mean() - 0.3) < 0.02
    noisy = ae.corrupt(X, "gaussian", 0.5, rng)
    assert abs((noisy - X).std() - 0.5) < 0.02
    assert np.array_equal(ae.corrupt(X, "mask", 0.0, rng), X)
    with pytest.raises(ValueError):
        ae.corrupt(X, "salt", 0.1, rng)


def test_denoising_beats_plain_on_noisy_inputs():
    dae = ae.run_ae(ae.AEConfig(k=8, epochs=20, noise="gaussian", noise_level=0.3))
    plain = ae.run_ae(ae.AEConfig(k=8, epochs=20))
    _, _, Xt, _ = ae.split_digits()
    noisy = ae.noisy_test(Xt, "gaussian", 0.3, 0)
    acts = ae.AEConfig().acts
    d = ae.reconstruction_mse(dae.params, noisy, Xt, acts)
    p = ae.reconstruction_mse(plain.params, noisy, Xt, acts)
    assert d == pytest.approx(dae.history["test_mse"][-1])
    assert d < p < ae.mse_real(noisy, Xt)[0]


def test_label_subset_balanced():
    _, y, _, _ = ae.split_digits()
    idx = ae.label_subset(y, 25, seed=1)
    assert len(idx) == len(set(idx)) == 25
    counts = np.bincount(y[idx], minlength=10)
    assert counts.max() - counts.min() <= 1


def test_pretraining_uses_the_encoder():
    X, y, Xt, yt = ae.split_digits()
    enc, errors = ae.pretrain_stack(X[:300], (16, 8), "tanh", epochs=5, lr=0.01, seed=0)
    assert enc["W1"].shape == (64, 16) and enc["W2"].shape == (16, 8) and len(errors) == 2
    out = ae.finetune_compare(X, y, Xt, yt, enc, (16, 8), "tanh", n_labels=20, seed=0,
                              epochs=3, lr=0.01)
    assert 0 <= out["pretrained"] <= 1 and 0 <= out["random"] <= 1
    assert len(out["pretrained_curve"]) == 4


def test_manifold_points():
    X, t = ae.manifold_points("circle", 50, 0.0, np.random.default_rng(0))
    assert np.allclose(np.linalg.norm(X, axis=1), 1.0) and np.all(np.diff(t) >= 0)
    X, t = ae.manifold_points("spiral", 50, 0.0, np.random.default_rng(0))
    r = np.linalg.norm(X, axis=1)
    assert np.all(np.diff(r) >= -1e-12)  # the radius grows along the spiral
    assert ae.rank_correlation(t, r) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        ae.manifold_points("knot", 5, 0.0, np.random.default_rng(0))
