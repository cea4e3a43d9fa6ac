"""Figures of the initialization lab: per-layer histograms as small multiples, and per-layer
statistics over depth. Pure functions: ``InitResult`` records (nncore.initlab) -> go.Figure.

Histograms arrive as bin counts (binned in NumPy); the browser never receives raw samples.
Small multiples are one go.Figure with manually placed axes (xaxis1..N), not make_subplots.
Every figure drops non-finite values (layers after an overflow) before they reach a trace.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from viz.compat import fast_figure
from viz.ticks import log_ticks

# Every builder takes its user-facing text as ``labels`` (a mapping: the page passes its string
# table's entries, ui/strings/init_lab.py); the keys each one reads are listed in its docstring.
Labels = Mapping[str, str]

COLORS = ("#1f5fa8", "#d95f02")  # A, B
FONT = {"size": 15}
PANELS_PER_ROW = 10
TWO_LINE_COLS = 8
ROW_HEIGHT = 190
# A phone (a chart under 560 px): 4 panels a row, ~80 px each, where 7-10 were 15-40 px
PHONE_PANELS_PER_ROW = 4
PHONE_ROW_HEIGHT = 150


def _fmt(x: float) -> str:
    if not np.isfinite(x):
        return "–"
    if x == 0:
        return "0"
    return f"{x:.2g}" if abs(x) < 0.01 or abs(x) >= 1000 else f"{x:.2f}"


def _note(text: str, ax: str, x: float, y: float, xanchor: str, yanchor: str,
          font: dict) -> dict:
    """A text annotation placed in panel ``ax``'s own domain coordinates."""
    return {"text": text, "xref": f"x{ax} domain", "yref": f"y{ax} domain", "x": x, "y": y,
            "xanchor": xanchor, "yanchor": yanchor, "showarrow": False, "font": font}


def _paper_note(text: str, x: float, y: float, font: dict, **extra) -> dict:
    """A text annotation in paper coordinates (the whole figure)."""
    return {"text": text, "xref": "paper", "yref": "paper", "x": x, "y": y, **extra,
            "showarrow": False, "font": font}


def _panel_axes(ax: str, x0: float, w: float, y1: float, h: float, x_range: tuple,
                y_max: float, ticks: dict) -> dict:
    """The x and y axes of one histogram panel: a shared x-range, its own y-range."""
    return {
        f"xaxis{ax}": {
            "domain": [x0, min(1.0, x0 + w)], "range": list(x_range), "anchor": f"y{ax}",
            "nticks": 3, **ticks, "exponentformat": "e", "tickangle": 0,
            "tickfont": {"size": 12}, "showgrid": False, "zeroline": True,
            "zerolinecolor": "#bbb",
        },
        f"yaxis{ax}": {
            "domain": [max(0.0, y1 - h), min(1.0, y1)], "range": [0, y_max],
            "anchor": f"x{ax}", "showticklabels": False, "showgrid": False, "fixedrange": True,
        },
    }


def _capped_top(share: np.ndarray, zero_pct: float) -> float | None:
    """When one bin holds mostly exact zeros (ReLU) and towers over the rest, the y-range that
    keeps the rest visible; else None."""
    if zero_pct <= 20.0:
        return None
    top = float(share.max())
    rest = np.sort(share)[-2] if share.size > 1 else top
    return rest * 1.6 if top > 2.5 * rest and rest > 0 else None


def _shared_x_range(results: Sequence, which: str) -> tuple[float, float, dict]:
    """(lo, hi, ticks): one x-range for every panel (the union of the results' bin edges, with
    room for the edge tick labels); gradients get symmetric ticks −t, 0, t."""
    lo = min(float(getattr(r, f"{which}_edges")[0]) for r in results)
    hi = max(float(getattr(r, f"{which}_edges")[-1]) for r in results)
    pad = 0.06 * (hi - lo)  # room between neighbouring panels' edge tick labels
    lo, hi = lo - pad, hi + pad
    ticks = {}
    if which == "grad":  # symmetric: −t, 0, t with t a one-digit number inside the range
        t = float(f"{0.6 * max(abs(lo), abs(hi)):.0e}")
        ticks = {"tickvals": [-t, 0.0, t]} if t > 0 else {}
    return lo, hi, ticks


# long: one loop places every panel and its labels; the rest is signature and docstring
def layer_histograms(
    results: Sequence,
    names: Sequence[str],
    which: str,
    labels: Labels,
    title: str = "",
    x_title: str = "",
    phone: bool = False,
) -> go.Figure:
    """Small multiples: one histogram panel per layer, one row (or more) per result.
    Labels: "panel", "panel_2" (two lines; both {l}, {std}), "zero_note" ({pct}),
    "hover_hist" ({var}, {name}). ``phone``: PHONE_PANELS_PER_ROW panels a row, lower rows,
    two-line titles (the figure ui.common.chart draws instead on a narrow chart).

    ``which`` = "act" (activations a_l) or "grad" (∂L/∂a_l). All panels share the x-range (the
    shared bin edges of each result; A and B get the union of both ranges); every panel has its
    own y-range, so shapes stay visible. A bin holding mostly exact zeros (ReLU) is capped and
    labelled, so the rest of the distribution is not flattened by it.
    """
    # Only layers with finite values get a panel (after an overflow the rest are left out).
    depth = max(1, max(r.finite_layers for r in results))
    cols = min(depth, PHONE_PANELS_PER_ROW if phone else PANELS_PER_ROW)
    rows_per = math.ceil(depth / cols)
    n_rows = rows_per * len(results)
    # Past TWO_LINE_COLS panels a row, "L10 · std 0.23" is wider than a panel on a 1280-px
    # screen (and any panel on a phone): the title goes on two lines ("panel_2"), with room
    # made above each row.
    two_line = phone or cols > TWO_LINE_COLS
    lift = 16 if two_line else 0
    # a phone's panels keep ~18 px apart: their end ticks ("1", "−1") ran together
    gap_x, gap_y = 0.055 if phone else 0.018, (0.32 + 0.12 * two_line) / max(n_rows, 1)
    # a phone's rows are lower: A's and B's blocks get extra room, where B's name went over
    # A's last ticks
    block = 0.25 / n_rows if phone and len(results) > 1 else 0.0
    w = (1.0 - gap_x * (cols - 1)) / cols
    h = (1.0 - gap_y * (n_rows - 1) - block * (len(results) - 1)) / n_rows
    lo, hi, ticks = _shared_x_range(results, which)
    var = "a" if which == "act" else "∂L/∂a"
    traces, layout, notes = [], {}, []
    idx = 0
    for ri, (res, name) in enumerate(zip(results, names, strict=True)):
        edges = getattr(res, f"{which}_edges")
        counts = getattr(res, f"{which}_counts")
        stds = res.act_std if which == "act" else res.grad_std
        for l in range(depth):
            total = counts[l].sum()
            if total == 0 or not np.isfinite(stds[l]):
                continue  # a layer after an overflow: nothing finite to show
            idx += 1
            row, col = ri * rows_per + l // cols, l % cols
            share = 100.0 * counts[l] / total
            ax = "" if idx == 1 else str(idx)
            traces.append(_step_histogram(edges, share, COLORS[ri % 2], f"x{ax}", f"y{ax}",
                                          name, labels["hover_hist"].format(
                                              var=var, name=f"{name} L{l + 1}")))
            zero_pct = float(res.act_zero[l]) if which == "act" else 0.0
            capped = _capped_top(share, zero_pct)
            if capped is not None:
                notes.append(_note(labels["zero_note"].format(pct=f"{zero_pct:.0f}"), ax,
                                   0.02, 0.97, "left", "top", {"size": 12, "color": "#444"}))
            y_max = capped if capped is not None else float(share.max()) * 1.08
            layout.update(_panel_axes(ax, col * (w + gap_x), w,
                                      1.0 - row * (h + gap_y) - ri * block, h,
                                      (lo, hi), y_max, ticks))
            notes.append(_note(labels["panel_2" if two_line else "panel"].format(
                l=l + 1, std=_fmt(float(stds[l]))), ax, 0.5, 1.0, "center", "bottom",
                {"size": 13}))
        if len(results) > 1:
            notes.append(_paper_note(f"<b>{name}</b>", 0.0,
                                     1.0 - ri * rows_per * (h + gap_y) - ri * block,
                                     {"size": 14, "color": COLORS[ri % 2]}, xanchor="left",
                                     yanchor="bottom", yshift=22 + lift))
    if x_title:
        notes.append(_paper_note(x_title, 0.5, 0.0, {"size": 13, "color": "#444"},
                                 yshift=-42))
    top_margin = 60 + lift + (24 if len(results) > 1 else 0) + (10 if phone else 0)
    layout.update(
        title={"text": title, "font": {"size": 17}},
        height=int((PHONE_ROW_HEIGHT if phone else ROW_HEIGHT) * n_rows + top_margin + 60),
        margin={"l": 20, "r": 20, "t": top_margin, "b": 60},
        bargap=0,
        font=FONT,
        plot_bgcolor="#f7f7f7",
        paper_bgcolor="white",
        annotations=notes,
    )
    # One constructor call with plain dicts, not validated (update_layout costs ~3× more, and
    # validation ~2× the rest of the figure's build; the tests validate every figure).
    return fast_figure(traces, layout)


def _step_histogram(edges: np.ndarray, share: np.ndarray, color: str, xaxis: str, yaxis: str,
                    name: str, hovertemplate: str) -> dict:
    """One histogram as a filled outline: bin i spans [edges[i], edges[i+1]) at height
    share[i], drawn as the points (edges[i], share[i]) and (edges[i+1], share[i]) filled down
    to zero, the picture of adjacent bars. One SVG path per panel instead of one per bar:
    Plotly.react on a 10-panel figure takes 41 instead of 65 ms. Each point carries its bin's
    edges (customdata), so the hover names the bin."""
    # float32 (half the bytes, exact enough to draw) unless the edges are beyond its range
    # (after an overflow they can reach 1e300)
    big = np.max(np.abs(edges)) > 1e37
    edges = np.asarray(edges, dtype=np.float64 if big else np.float32)
    x = np.repeat(edges, 2)[1:-1]  # e0 e1 e1 e2 e2 ... en
    y = np.repeat(np.asarray(share, dtype=np.float32), 2)
    bins = np.column_stack([edges[:-1], edges[1:]]).repeat(2, axis=0)
    return {
        "type": "scatter", "mode": "lines", "x": x, "y": y, "customdata": bins,
        "line": {"color": color, "width": 0}, "fill": "tozeroy", "fillcolor": color,
        "hoveron": "points", "xaxis": xaxis, "yaxis": yaxis, "name": name,
        "showlegend": False, "hovertemplate": hovertemplate,
    }


def _finite(x: np.ndarray, y: np.ndarray, positive: bool = False) -> tuple:
    keep = np.isfinite(y)
    if positive:
        keep &= y > 0
    return x[keep], y[keep]


def _line_layout(title: str, y_title: str, log: bool, depth: int, x_title: str,
                 yticks=None) -> dict:
    return {
        "title": {"text": title, "font": {"size": 17}, "x": 0.01, "xanchor": "left"},
        "height": 470,
        # a title in two lines (<br>: one line would be cut at half a projector's width)
        "margin": {"l": 70, "r": 20, "t": 50 + 22 * title.count("<br>"), "b": 40},
        "font": FONT,
        "plot_bgcolor": "white",
        # automargin: the titles keep clear of the tick labels when lecture mode enlarges text
        "xaxis": {
            "title": {"text": x_title, "standoff": 4},
            "automargin": True,
            # beyond 10 layers Plotly picks the ticks: twenty, every layer, were turned on
            # their side on a phone and ran into the legend
            **({"dtick": 1} if depth <= 10 else {}),
            "range": [0.6, depth + 0.4],
            "gridcolor": "#e5e5e5",
        },
        "yaxis": {
            "title": {"text": y_title, "standoff": 6},
            "automargin": True,
            "type": "log" if log else "linear",
            "gridcolor": "#e5e5e5",
            "exponentformat": "power" if log else "B",
            **(yticks or {}),
        },
        "legend": {
            "orientation": "h", "yanchor": "top", "y": -0.16, "x": 0, "font": {"size": 13},
        },
        "hovermode": "x unified",
    }


def _lines(results: Sequence, names: Sequence[str], series, labels: Labels) -> list[dict]:
    """One line per (result, series): ``series`` = [(label key, attribute or function of the
    result, width, dashes for A/B, marker symbol)]; non-finite and non-positive values dropped
    for log axes by the caller's ``positive``."""
    traces = []
    depth = results[0].depth
    x = np.arange(1, depth + 1, dtype=np.float64)
    for i, (res, name) in enumerate(zip(results, names, strict=True)):
        tag = name if len(results) > 1 else ""
        for key, get, width, dashes, symbol, positive in series:
            xs, ys = _finite(x, np.asarray(get(res), dtype=np.float64), positive=positive)
            if not xs.size:
                continue
            traces.append(
                dict(
                    type="scatter", x=xs, y=ys, mode="lines+markers",
                    name=labels[key].format(name=tag),
                    line={"color": COLORS[i % 2], "width": width, "dash": dashes[i % 2]},
                    marker={"size": 8, "symbol": symbol},
                )
            )
    return traces


def std_over_depth(results: Sequence, names: Sequence[str], labels: Labels) -> go.Figure:
    """std(a_l) over depth, log y: collapse or a kept spread.
    Labels: "std_title", "std_y", "layer", "std_act" ({name})."""
    series = [("std_act", lambda r: r.act_std, 3, ("solid", "dash"), "circle", True)]
    traces = _lines(results, names, series, labels)
    yticks = log_ticks(*[r.act_std for r in results])
    layout = _line_layout(labels["std_title"], labels["std_y"], True, results[0].depth,
                          labels["layer"], yticks)
    return fast_figure(traces, layout)


def gradients_over_depth(results: Sequence, names: Sequence[str], labels: Labels) -> go.Figure:
    """std(∂L/∂a_l), the gradient passed down, next to std(∂L/∂W_l), the gradient a learning
    step applies to the weights, over depth (log y).
    Labels: "grad_title", "std_y", "layer", "std_grad", "std_wgrad" ({name})."""
    series = [
        ("std_grad", lambda r: r.grad_std, 3, ("solid", "dash"), "triangle-down", True),
        ("std_wgrad", lambda r: r.wgrad_std, 2, ("dot", "dashdot"), "square", True),
    ]
    traces = _lines(results, names, series, labels)
    yticks = log_ticks(*[a for r in results for a in (r.grad_std, r.wgrad_std)])
    layout = _line_layout(labels["grad_title"], labels["std_y"], True, results[0].depth,
                          labels["layer"], yticks)
    return fast_figure(traces, layout)


def theory_overlay(results: Sequence, names: Sequence[str], labels: Labels) -> go.Figure:
    """Measured Var(u_l) (markers) vs n·Var(W)·E[a²]: with the measured E[a_{l-1}²] (dotted), and
    chained from the input where that is exact (linear / ReLU family; solid line).
    Labels: "theory_title", "var_y", "layer", "chain", "step", "measured" ({name})."""
    traces = []
    depth = results[0].depth
    x = np.arange(1, depth + 1, dtype=np.float64)
    for i, (res, name) in enumerate(zip(results, names, strict=True)):
        tag = name if len(results) > 1 else ""
        color = COLORS[i % 2]
        xc, yc = _finite(x, res.theory_chain, positive=True)
        if xc.size:
            traces.append(
                dict(
                    type="scatter", x=xc, y=yc, mode="lines", name=labels["chain"].format(name=tag),
                    line={"color": color, "width": 3, "dash": "solid" if i == 0 else "dash"},
                    opacity=0.45,
                )
            )
        xs, ys = _finite(x, res.theory_step, positive=True)
        traces.append(
            dict(
                type="scatter", x=xs, y=ys, mode="lines", name=labels["step"].format(name=tag),
                line={"color": color, "width": 2, "dash": "dot"},
            )
        )
        xm, ym = _finite(x, res.var_u, positive=True)
        traces.append(
            dict(
                type="scatter", x=xm, y=ym, mode="markers",
                name=labels["measured"].format(name=tag),
                marker={"color": color, "size": 11, "symbol": "circle" if i == 0 else "diamond",
                        "line": {"color": "white", "width": 1}},
            )
        )
    yticks = log_ticks(*[a for r in results for a in (r.var_u, r.theory_chain, r.theory_step)])
    layout = _line_layout(labels["theory_title"], labels["var_y"], True, depth, labels["layer"],
                          yticks)
    return fast_figure(traces, layout)


def blocked_share(res) -> np.ndarray:
    """The share of ∂L/∂a the activation holds back, in %: 100·(1 − mean |g'(z)|)."""
    return 100.0 * (1.0 - np.asarray(res.local_grad, dtype=np.float64))


def blocking_units(results: Sequence, names: Sequence[str], labels: Labels) -> go.Figure:
    """Everything in one unit, % blocked: saturated units (bounded activations), dead ReLUs,
    and the share of ∂L/∂a held back at the activation, 100·(1 − mean |g'(z)|).
    Labels: "block_title", "pct_y", "layer", "saturated", "dead", "blocked" ({name})."""
    series = [
        ("saturated", lambda r: r.saturated, 3, ("solid", "dash"), "square", False),
        ("dead", lambda r: r.dead, 3, ("solid", "dash"), "x", False),
        ("blocked", blocked_share, 2, ("dot", "dashdot"), "circle-open", False),
    ]
    traces = _lines(results, names, series, labels)
    layout = _line_layout(labels["block_title"], labels["pct_y"], False, results[0].depth,
                          labels["layer"])
    low = min([-3.0] + [float(np.nanmin(t["y"])) - 3.0 for t in traces])
    layout["yaxis"]["range"] = [low, 103]
    return fast_figure(traces, layout)
