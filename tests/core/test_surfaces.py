"""Surfaces: analytic gradients against finite differences, minima, bounds and defaults."""

import numpy as np
import pytest

from nncore.optim import OPTIMIZERS
from nncore.surfaces import SURFACES, Surface, quadratic_bowl

KNOWN_MIN = {
    "quadratic": 0.0, "saddle": -0.25, "rosenbrock": 0.0, "beale": 0.0, "himmelblau": 0.0,
    "booth": 0.0, "rastrigin": 0.0, "styblinski_tang": -78.33233140754282,
}
REQUIRED = set(KNOWN_MIN)


def test_registry_has_the_required_surfaces():
    assert REQUIRED <= set(SURFACES)
    assert len(SURFACES["himmelblau"].minima) == 4


@pytest.mark.parametrize("name", sorted(SURFACES))
def test_gradient_matches_central_differences(name):
    s = SURFACES[name]
    rng = np.random.default_rng(0)
    (x0, x1), (y0, y1) = s.bounds
    x, y = rng.uniform(x0, x1, 200), rng.uniform(y0, y1, 200)
    h = 1e-6
    fd_x = (s.f(x + h, y) - s.f(x - h, y)) / (2 * h)
    fd_y = (s.f(x, y + h) - s.f(x, y - h)) / (2 * h)
    gx, gy = s.grad(x, y)
    scale = 1.0 + np.abs(s.f(x, y))  # FD error grows with |f|·ε/h
    np.testing.assert_allclose(gx, fd_x, rtol=1e-6, atol=1e-7 * scale.max())
    np.testing.assert_allclose(gy, fd_y, rtol=1e-6, atol=1e-7 * scale.max())
    assert np.max(np.abs(gx - fd_x) / (1e-8 + np.abs(gx) + np.abs(fd_x))) < 1e-5


@pytest.mark.parametrize("name", sorted(SURFACES))
def test_minima_have_the_known_value_and_zero_gradient(name):
    s = SURFACES[name]
    assert s.min_value == pytest.approx(KNOWN_MIN[name], abs=1e-12)
    for mx, my in s.minima:
        assert s.f(mx, my) == pytest.approx(KNOWN_MIN[name], abs=1e-12)
        assert np.hypot(*s.grad(mx, my)) < 1e-9
    # no point of a fine grid is below the stated minimum
    (x0, x1), (y0, y1) = s.bounds
    X, Y = np.meshgrid(np.linspace(x0, x1, 301), np.linspace(y0, y1, 301))
    assert s.f(X, Y).min() >= s.min_value - 1e-9


@pytest.mark.parametrize("name", sorted(SURFACES))
def test_metadata_is_usable(name):
    s = SURFACES[name]
    assert isinstance(s, Surface) and s.name == name and s.label and s.formula
    (x0, x1), (y0, y1) = s.bounds
    assert x0 < s.start[0] < x1 and y0 < s.start[1] < y1
    for mx, my in s.minima + s.saddles:
        assert x0 <= mx <= x1 and y0 <= my <= y1
    assert all(OPTIMIZERS[n].lr_by_surface[name] > 0 for n in OPTIMIZERS)
    X, Y = np.meshgrid(np.linspace(x0, x1, 50), np.linspace(y0, y1, 50))
    assert np.all(np.isfinite(s.f(X, Y)))


def test_saddle_has_a_saddle_at_the_origin():
    s = SURFACES["saddle"]
    assert s.saddles == ((0.0, 0.0),)
    assert s.grad(0.0, 0.0) == (0.0, 0.0)
    # curvature up along x, down along y
    assert s.f(0.1, 0.0) > s.f(0.0, 0.0) > s.f(0.0, 0.1)


def test_quadratic_bowl_condition_number():
    s = quadratic_bowl(100.0)
    # Hessian by finite differences of the gradient: diag(1, 100)
    h = 1e-4
    hxx = (s.grad(h, 0.0)[0] - s.grad(-h, 0.0)[0]) / (2 * h)
    hyy = (s.grad(0.0, h)[1] - s.grad(0.0, -h)[1]) / (2 * h)
    assert hyy / hxx == pytest.approx(100.0)
    from nncore.optim import default_lr

    assert default_lr("sgd", "quadratic", 100.0) < 2 / 100  # inside the stability limit
    with pytest.raises(ValueError):
        quadratic_bowl(0.5)


def test_surfaces_accept_plain_floats():
    for s in SURFACES.values():
        gx, gy = s.grad(0.3, -0.2)
        assert np.isfinite(float(s.f(0.3, -0.2))) and np.isfinite(float(gx) + float(gy))


def test_surface_grid_and_nearest_minimum():
    from nncore.surfaces import nearest_minimum, surface_grid

    s = SURFACES["himmelblau"]
    xs, ys, Z = surface_grid(s, 50)
    assert Z.shape == (50, 50) and xs[0] == -5.0 and ys[-1] == 5.0
    assert Z[7, 3] == pytest.approx(s.f(xs[3], ys[7]))  # rows are y
    dist, which = nearest_minimum(s, [[3.0, 2.1], [-3.7, -3.3]])
    np.testing.assert_allclose(dist, [0.1, np.hypot(0.079310253377747, 0.016814008713831)],
                               rtol=1e-9)
    assert which.tolist() == [0, 2]


def test_lowest_grid_points_finds_every_basin_once():
    from nncore.expr import expression_surface
    from nncore.surfaces import lowest_grid_points, surface_grid

    s = expression_surface("x**2 + 10*sin(y)")  # minima at x = 0, y = -π/2 and 3π/2
    xs, ys, Z = surface_grid(s, 200)
    lo, pts = lowest_grid_points(xs, ys, Z)
    assert lo == pytest.approx(-10.0, abs=1e-2)
    ys_found = sorted(round(p[1], 1) for p in pts)
    assert ys_found == [-1.6, 4.7]
    assert all(abs(p[0]) < 0.05 for p in pts)
