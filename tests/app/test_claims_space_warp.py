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


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("total", [8, 12, 24])
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
    assert counts.max() <= d["shallow"]
    if d["built_beats"]:
        assert counts.max() < d["built_best"]


def test_one_layer_maximum_is_reached_by_lines_in_general_position():
    # the caption's "one layer of n units cuts the plane into at most 1 + n + n(n−1)/2 pieces"
    rng = np.random.default_rng(0)
    for n in (6, 12, 24):
        theta = 0.9 * np.pi * np.arange(n) / n
        A = np.stack([np.cos(theta), np.sin(theta)])
        params = {"W1": A, "b1": -np.ones(n), "W2": rng.normal(size=(n, 1)), "b2": np.zeros(1)}
        assert W.count_regions(params, "relu", -20.0, 20.0) == 1 + n + n * (n - 1) // 2
