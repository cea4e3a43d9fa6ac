"""viz.init_figs: every figure's traces, labels from the string table (both languages), one unit
per chart (the blocking chart is all "% blocked"), no non-finite values."""

import numpy as np
import plotly.graph_objects as go
import pytest

from nncore.initlab import InitConfig, run_init_experiment
from ui.strings.init_lab import T
from viz.init_figs import (
    blocked_share,
    blocking_units,
    gradients_over_depth,
    layer_histograms,
    std_over_depth,
    theory_overlay,
)


@pytest.fixture(scope="module")
def results():
    return [run_init_experiment(InitConfig("tanh", "normal", 0.05, 4, 64, 32)),
            run_init_experiment(InitConfig("relu", "he_normal", None, 4, 64, 32))]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_figure_is_valid_finite_and_labelled(results, lang):
    labels = T.tables[lang]
    figs = [
        layer_histograms(results, ["A", "B"], "act", labels, T("fwd_title", lang), "x"),
        layer_histograms(results, ["A", "B"], "grad", labels, T("bwd_title", lang), "x"),
        std_over_depth(results, ["A", "B"], labels),
        gradients_over_depth(results, ["A", "B"], labels),
        blocking_units(results, ["A", "B"], labels),
        theory_overlay(results, ["A", "B"], labels),
    ]
    for fig in figs:
        go.Figure(fig.to_dict())  # validates
        for trace in fig.data:
            for axis in ("x", "y"):
                values = np.asarray(getattr(trace, axis), dtype=float)
                assert values.size and np.all(np.isfinite(values))
    assert figs[3].layout.title.text == T("grad_title", lang)
    names = {t.name for t in figs[3].data}
    assert names == {T(k, lang).format(name=n) for k in ("std_grad", "std_wgrad") for n in "AB"}


def test_blocking_chart_has_one_unit_percent_blocked(results):
    """Saturated units, dead ReLUs and the share of ∂L/∂a held back: all "% blocked"; no series
    counts what passes."""
    labels = T.tables["en"]
    fig = blocking_units(results, ["A", "B"], labels)
    assert fig.layout.yaxis.title.text == "% blocked"
    assert not any("pass" in t["name"] for t in fig.data)
    blocked = [t for t in fig.data if t["name"].startswith("∂L/∂a held back")]
    assert len(blocked) == 2
    np.testing.assert_allclose(blocked[1]["y"], 100 * (1 - results[1].local_grad))
    np.testing.assert_allclose(blocked_share(results[1]), 50.0, atol=5)  # ReLU: half blocked
    dead = [t for t in fig.data if t["name"].startswith("dead")]
    assert len(dead) == 1  # ReLU only; tanh has saturated units instead


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_panel_titles_fit_their_panels(lang):
    """Up to 8 panels a row one line ("L3 · std 0.41"); past that two lines, so neighbouring
    titles never overlap, with the rows moved apart to make room."""
    labels = T.tables[lang]
    few = layer_histograms([run_init_experiment(InitConfig(depth=7, width=32, samples=16))],
                           ["A"], "act", labels)
    many = layer_histograms([run_init_experiment(InitConfig(depth=12, width=32, samples=16))],
                            ["A"], "act", labels)
    titles = [a.text for a in few.layout.annotations if a.text.startswith("L")]
    assert len(titles) == 7 and all("<br>" not in t for t in titles)
    titles = [a.text for a in many.layout.annotations if a.text.startswith("L")]
    assert len(titles) == 12 and all("<br>" in t for t in titles)
    assert many.layout.margin.t > few.layout.margin.t
    # Width budget: at 10 panels a row on a 1280-px screen (~90 px a panel), a line of the
    # two-line title holds at most 10 characters ("std 0.0012", _fmt's longest), ~70 px at 13 px.
    assert max(len(part) for t in titles for part in t.split("<br>")) <= 10


def test_the_phone_figure_has_four_panels_a_row_and_room_between_a_and_b():
    """The figure a phone draws (ui.common.chart's narrow one): 20 layers of A and B in rows
    of 4 panels, each ~22 % of the width (~75 px at 338; 7-10 a row were 15-43 px), two-line
    titles, and B's block starts further below A's last row than rows within a block."""
    labels = T.tables["ko"]
    runs = [run_init_experiment(InitConfig(depth=20, width=16, samples=16, seed=s)) for s in (1, 2)]
    fig = layer_histograms(runs, ["A", "B"], "act", labels, "t", "x", phone=True)
    go.Figure(fig.to_dict())  # validates
    L = fig.layout
    xs = [L[k] for k in L if k.startswith("xaxis")]
    ys = [L[k] for k in L if k.startswith("yaxis")]
    assert len(xs) == 40
    assert len({round(x.domain[0], 6) for x in xs}) == 4
    assert min(x.domain[1] - x.domain[0] for x in xs) > 0.2
    titles = [a.text for a in L.annotations if a.text.startswith("L")]
    assert len(titles) == 40 and all("<br>" in t for t in titles)
    tops = sorted({round(y.domain[1], 6) for y in ys}, reverse=True)
    assert len(tops) == 10
    steps = np.diff(tops)
    within, between = steps[[0, 1, 2, 3, 5, 6, 7, 8]], steps[4]
    assert np.allclose(within, within[0]) and between < within[0] - 0.01
    wide = layer_histograms(runs, ["A", "B"], "act", labels, "t", "x")
    assert len({round(wide.layout[k].domain[0], 6) for k in wide.layout if k.startswith("xaxis")}) == 10
