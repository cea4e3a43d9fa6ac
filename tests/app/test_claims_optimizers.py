"""Every sentence the optimizer lab states about the numbers, computed for the settings it is
shown with. Stories: each one is run with the settings it sets (labs.optimizers.story_race,
what the page checks before it shows the text) and its claims are checked on those runs."""

from __future__ import annotations

import re

import numpy as np
import pytest

from labs.optimizers import (
    STORIES,
    compute_race,
    first_hit,
    race_surface,
    story_fields,
    story_race,
    story_text,
    tolerance,
)
from nncore.optim import (
    OPTIMIZERS,
    RADAM_THRESHOLD,
    default_lr,
    descend,
    make_optimizer,
    radam_warmup_steps,
)
from nncore.surfaces import distances_to, mean_step_length
from ui.strings.optimizers import T


def story(name):
    race = story_race(name)
    return race, race_surface(race), compute_race(race), story_fields(name, race)


@pytest.mark.parametrize("name", sorted(STORIES))
def test_every_story_text_is_formatted_from_its_numbers(name):
    """No placeholder is left and no number is missing (None) in either language."""
    for lang in ("en", "ko"):
        text = story_text(name, lang)
        assert "{" not in text and "None" not in text, text
    assert all(v is not None for v in story_fields(name, story_race(name)).values())


def test_zigzag_story():
    race, surf, runs, f = story("zigzag")
    sgd = runs["sgd"]["path"]
    # SGD bounces from wall to wall: y changes sign at almost every one of its first steps
    flips = np.sum(np.sign(sgd[1:21, 1]) != np.sign(sgd[:20, 1]))
    assert flips >= 18
    # ... while along the floor (x) each step closes only α of the remaining distance
    alpha = race.hp("sgd")["lr"]
    np.testing.assert_allclose(sgd[1:30, 0] / sgd[:29, 0], 1 - alpha)
    assert f["crawl"] == f"{100 * alpha:.0f}"
    assert f["mom_hit"] < f["sgd_hit"]  # momentum gets there first
    assert f["kappa"] == "20" and race.kappa == 20


def test_saddle_story():
    """The old text said every optimizer "first slides down to the saddle"; Adam never comes
    close to it."""
    race, surf, runs, f = story("saddle")
    near = {n: distances_to(runs[n]["path"], surf.saddles[0]) for n in runs}
    assert near["sgd"].min() < 0.1  # SGD slides down to the saddle ...
    assert f["sgd_near"] > int(f["mom_near"])  # ... and lingers longer than Momentum
    assert near["adam"].min() > 0.5 and float(f["adam_closest"]) > 0.5  # Adam never near
    assert near["momentum"].min() < 0.1  # Momentum passes through it
    assert f["mom_hit"] < f["sgd_hit"] and f["adam_hit"] < f["sgd_hit"]  # both escape sooner
    # Adam turns off the ridge at once: its y grows fast while SGD's stays tiny
    assert abs(runs["adam"]["path"][5, 1]) > 0.1 > 10 * abs(runs["sgd"]["path"][5, 1])
    assert race.y0 == 0.001  # "almost exactly on the ridge" (y = 0)


def test_adagrad_story():
    """AdaGrad stalls at α = 0.1, but at the surface's default α = 1 it reaches the minimum
    (the old text said only that it stalls)."""
    race, surf, runs, f = story("adagrad")
    tol = tolerance(surf)
    ada = runs["adagrad"]
    assert race.hp("adagrad")["lr"] == race.hp("rmsprop")["lr"] == 0.1  # the same α
    assert first_hit(ada, surf, tol) is None and float(f["ada_dist"]) > 10 * tol  # stalls
    assert f["rms_hit"] is not None  # RMSProp gets there
    h = compute_race(race, True)["adagrad"]["step_size"]
    assert np.all(np.diff(h, axis=0) <= 0)  # AdaGrad's steps only shrink
    assert default_lr("adagrad", "quadratic") == 1.0 and f["lr_default"] == "1"
    assert 70 <= f["ada_default_hit"] <= 90  # reaches the minimum by step ~79


def test_rosenbrock_story():
    race, surf, runs, f = story("rosenbrock")
    tol = tolerance(surf)
    assert float(f["sgd_dist"]) > 10 * tol and first_hit(runs["sgd"], surf, tol) is None
    assert f["adam_hit"] is not None and f["adam_hit"] < race.steps
    # SGD does not "need" α = 0.001: twice that gets there, 2.5 times blows up at once
    assert race.hp("sgd")["lr"] == 0.001 and (f["sgd_ok"], f["sgd_big"]) == ("0.002", "0.0025")
    start = (race.x0, race.y0)
    ok = descend(surf.grad, start, make_optimizer("sgd", lr=0.002), race.steps, loss_fn=surf.f)
    big = descend(surf.grad, start, make_optimizer("sgd", lr=0.0025), race.steps, loss_fn=surf.f)
    near = np.flatnonzero(distances_to(ok.path, (1, 1)) <= tol)
    assert ok.diverged_at is None and near.size and f["sgd_ok_hit"] == near[0]
    assert big.diverged_at is not None and f["sgd_big_div"] == big.diverged_at <= 10
    text = story_text("rosenbrock", "en")
    assert "α = 0.002 gets within 0.04 at step" in text and "needs" not in text
    assert f"α = 0.0025 already blows up at step {big.diverged_at}." in text


def test_diverge_story():
    race, surf, runs, f = story("diverge")
    assert race.hp("sgd")["lr"] > 2 / race.kappa  # beyond the stability limit
    assert runs["sgd"]["diverged_at"] == f["sgd_div"] is not None
    tol = tolerance(surf)
    for n in ("momentum", "adam"):  # the others carry on to the minimum
        assert runs[n]["diverged_at"] is None and first_hit(runs[n], surf, tol) is not None


def test_noise_story():
    race, surf, runs, f = story("noise")
    assert race.noise == 3.0 and race.schedule == "constant"
    sgd = runs["sgd"]["path"]
    assert np.mean(distances_to(sgd[-50:], (0, 0))) > tolerance(surf)  # does not settle
    assert float(f["sgd_jitter_cos"]) < 0.1 * float(f["sgd_jitter"])  # cosine calms it
    assert float(f["sgd_jitter"]) == pytest.approx(mean_step_length(sgd, 50), rel=0.05)


def test_radam_note_defines_its_symbols_and_threshold():
    """The rule once used ρ∞, r_t and m̂_t without defining them; the threshold is torch's 5,
    Liu et al. use 4."""
    formula = OPTIMIZERS["radam"].formula
    for symbol in (r"\hat m_t =", r"\rho_\infty =", r"\rho_t =", r"r_t =", r"\rho_t > 5"):
        assert symbol in formula
    assert RADAM_THRESHOLD == 5.0
    for lang in ("en", "ko"):
        note = T("note.radam", lang, beta2="0.999", n5=radam_warmup_steps(0.999),
                 n4=radam_warmup_steps(0.999, 4.0))
        assert "ρₜ > 5" in note and "ρₜ > 4" in note and "5" in note and "4" in note
    # the numbers the note states: 5 un-adapted steps here, 4 with Liu's threshold
    opt = make_optimizer("radam", lr=0.01)
    d = descend(lambda x, y: (1.0, 1.0), (0.0, 0.0), opt, 8, record_state=True)
    rho = [s["rho_t"] for s in d.states]
    assert sum(r <= 5 for r in rho) == 5 and sum(r <= 4 for r in rho) == 4


def test_nesterov_note_torch_point_is_the_lookahead_point():
    """torch's x_t equals the lecture's x̃_t + ρ v_t (the look-ahead point), step by step."""
    rho, lr = 0.9, 0.05

    def grad(x, y):
        return 2 * x, 8 * y

    torch_path = descend(grad, (1.0, 1.0), make_optimizer("nesterov", lr=lr, momentum=rho),
                         30).path
    x, v = np.array([1.0, 1.0]), np.zeros(2)  # lecture form, x̃_0 = x_0 (v_0 = 0)
    for t in range(30):
        np.testing.assert_allclose(x + rho * v, torch_path[t], atol=1e-12)
        g = np.array(grad(*(x + rho * v)))
        v = rho * v - lr * g
        x = x + v
    for lang in ("en", "ko"):
        assert "x̃ + ρv" in T("note.nesterov", lang)


def test_divergence_warnings_blame_the_right_cause():
    """log(x): the paths walk to x <= 0 where f is undefined (not a learning rate too large);
    the bowl at α = 0.11: SGD runs off (the learning rate)."""
    from labs.optimizers import Race, divergence_warnings

    opts = tuple((n, (("lr", default_lr(n, "custom")),) + tuple(
        (k, v) for k, v in OPTIMIZERS[n].defaults.items() if k != "lr"))
        for n in ("sgd", "adam"))
    race = Race(surface="custom", expr="log(x)", optimizers=opts, steps=1000, x0=3.0, y0=3.0)
    runs = compute_race(race)
    texts = divergence_warnings(runs, race.names)
    assert len(texts) == 1 and re.search("not defined", texts[0])
    assert all(runs[n]["path"][-1, 0] > 0 for n in race.names)


def test_summary_caption_tolerance_is_one_percent_of_the_plot():
    race = story_race("rosenbrock")
    surf = race_surface(race)
    (x0, x1), (y0, y1) = surf.bounds
    assert tolerance(surf) == pytest.approx(0.01 * max(x1 - x0, y1 - y0))


def test_surface_notes():
    """What the surface notes say, on the page's default race for each surface."""
    from labs.optimizers import race_from_values, surface_defaults
    from nncore.surfaces import SURFACES

    booth = SURFACES["booth"]
    h = 1e-4  # "condition number 9": the Hessian's eigenvalues (constant for a quadratic)
    hess = np.array([[(booth.grad(h, 0)[i] - booth.grad(-h, 0)[i]) / (2 * h),
                      (booth.grad(0, h)[i] - booth.grad(0, -h)[i]) / (2 * h)] for i in (0, 1)])
    ev = np.linalg.eigvalsh(hess)
    assert ev.max() / ev.min() == pytest.approx(9.0)
    assert "9" in T("surface.booth.note", "en") and "9" in T("surface.booth.note", "ko")

    # Rastrigin: every optimizer stops in the dip nearest to its start
    rast = SURFACES["rastrigin"]
    race = race_from_values({"opt_surface": "rastrigin", **surface_defaults("rastrigin", 5.0)})
    nearest = np.round(race.x0), np.round(race.y0)
    for name, run in compute_race(race).items():
        assert tuple(np.round(run["path"][-1])) == nearest, name
    assert rast.minima == ((0.0, 0.0),)

    st = SURFACES["styblinski_tang"]  # global minimum at (−2.90, −2.90)
    assert f"{st.minima[0][0]:.2f}" == "-2.90" and f"{st.minima[0][1]:.2f}" == "-2.90"
    him = SURFACES["himmelblau"]  # four equally good minima
    assert len(him.minima) == 4 and all(abs(him.f(*m)) < 1e-12 for m in him.minima)


def test_help_texts_about_schedules_noise_and_stability():
    from nncore.optim import make_schedule
    from nncore.surfaces import quadratic_bowl

    n = 300  # "Step: ×0.1 every third of the run; exponential: down to α/100; cosine: to 0"
    step = make_schedule("step", 1.0, n).values()
    assert step[n // 3 - 1] == 1.0 and step[n // 3] == pytest.approx(0.1)
    assert make_schedule("exponential", 1.0, n).values()[-1] == pytest.approx(0.01)
    assert make_schedule("cosine", 1.0, n)(n) == pytest.approx(0.0, abs=1e-12)
    # "SGD is stable only for α < 2/κ"
    bowl = quadratic_bowl(50.0)
    for lr, stable in ((0.039, True), (0.041, False)):
        d = descend(bowl.grad, (1.0, 1.0), make_optimizer("sgd", lr=lr), 2000, loss_fn=bowl.f)
        assert bool(d.losses[-1] < d.losses[0]) is stable
    # "Every optimizer gets the same noise sequence"
    race = story_race("noise")
    from dataclasses import replace

    runs = compute_race(replace(race, optimizers=tuple((n, items) for n, items in
                                                       race.optimizers if n == "sgd")))
    np.testing.assert_array_equal(runs["sgd"]["path"], compute_race(race)["sgd"]["path"])


# ---- lecture steps (labs.optimizers.LECTURE): their own texts, for the settings they set ----


def test_every_lecture_step_text_is_formatted_and_story_steps_tell_their_story():
    from labs.optimizers import LECTURE, race_from_values, step_fields, step_values

    for sid in LECTURE:
        for lang in ("en", "ko"):
            text = T(f"step.{sid}.text", lang, **step_fields(sid))
            assert "{" not in text and "None" not in text, text
        if sid in STORIES:  # the story box shows: the step sets exactly the story's race
            assert race_from_values(step_values(sid)) == story_race(sid)


def test_nesterov_step_brakes_before_the_wall():
    """Momentum and Nesterov at the same α and ρ from the zig-zag story's start; the swing
    after the first crossing of y = 0, recomputed with descend directly."""
    from labs.optimizers import race_from_values, step_fields, step_values

    race = race_from_values(step_values("nesterov"))
    assert race.hp("nesterov") == race.hp("momentum")
    surf = race_surface(race)
    f = step_fields("nesterov")
    swings = {}
    for name in ("momentum", "nesterov"):
        path = descend(surf.grad, (race.x0, race.y0), make_optimizer(name, **race.hp(name)),
                       race.steps).path
        y = path[:, 1]
        first = next(i for i in range(len(y) - 1) if np.sign(y[i + 1]) != np.sign(y[i]))
        swings[name] = np.abs(y[first + 1:]).max()
    assert f["mom"] == f"{swings['momentum']:.2f}" and f["nag"] == f"{swings['nesterov']:.2f}"
    assert swings["nesterov"] < 0.75 * swings["momentum"]  # "only": clearly less
    assert f["lr"] == f"{race.hp('nesterov')['lr']:g}"


def test_diverge_and_all_steps():
    """diverge: SGD's α is above 2/κ and its path ends (✕); all: the six default optimizers,
    each at its default α for Rosenbrock, as the summary shows them."""
    from labs.optimizers import DEFAULT_SET, race_from_values, step_values

    race = race_from_values(step_values("diverge"))
    assert race.hp("sgd")["lr"] > 2 / race.kappa
    assert compute_race(race)["sgd"]["diverged_at"] is not None
    race = race_from_values(step_values("all"))
    assert race.surface == "rosenbrock" and race.names == list(DEFAULT_SET)
    assert len(race.names) == 6
    for name in race.names:
        lr = race.hp(name)["lr"]
        assert lr == pytest.approx(default_lr(name, "rosenbrock"), rel=0.3), name
