"""The backpropagation page in Chromium, English and Korean: it runs without an exception or a
JavaScript error, draws its charts, and leaves screenshots (test-artifacts/backprop-en.png,
backprop-ko.png) to look at. English opens mid-backward (edge labels on the graph), Korean at
the last step (gradient table, update, loss curve)."""

import pytest
from browser_util import (
    CHART_SELECTOR,
    assert_no_exception,
    open_page,
    screenshot,
    wait_for_app,
    wait_for_charts,
)


@pytest.mark.browser
@pytest.mark.parametrize("lang,query,charts", [
    ("en", "bp_step=14", 1),
    ("ko", "bp_step=18&bp_guess=true", 2),
])
def test_backprop_page_in_both_languages(browser_page, streamlit_server, lang, query, charts):
    page = browser_page
    open_page(page, f"{streamlit_server}/backprop?lang={lang}&{query}")
    assert_no_exception(page)
    assert page.locator(CHART_SELECTOR).count() == charts
    wait_for_charts(page, charts, timeout_ms=20_000)
    shot = screenshot(page, f"backprop-{lang}")
    assert shot.stat().st_size > 20_000
    if lang == "en":  # Next advances the step in the URL and redraws
        page.get_by_role("button", name="Next").click()
        wait_for_app(page)
        assert "bp_step=15" in page.url
        assert_no_exception(page)
    assert not [e for e in page.js_errors if "ResizeObserver" not in e], page.js_errors


@pytest.mark.browser
def test_backprop_lecture_mode(browser_page, streamlit_server):
    """A Korean lecture link opens the chain-rule step of the worked example; Next moves on.
    Look at test-artifacts/backprop-lecture.png: the bar must read well on a projector."""
    from ui.strings.backprop import T

    page = browser_page
    open_page(page, streamlit_server)
    open_page(page, f"{streamlit_server}/backprop?lang=ko&mode=lecture&step=v11")
    wait_for_charts(page, 1, timeout_ms=30_000)
    assert_no_exception(page)
    assert T("step.v11.title", "ko") in page.inner_text("body")
    screenshot(page, "backprop-lecture")
    page.locator(".st-key-lecture_next button").first.click()
    page.wait_for_url("**step=update**")
    wait_for_charts(page, 2, timeout_ms=30_000)
    assert_no_exception(page)
    screenshot(page, "backprop-lecture-update")
    assert not [e for e in page.js_errors if "ResizeObserver" not in e], page.js_errors


# The drawn graph's text on the page, in px: each annotation's box, each node's text and the
# node boxes (layout rect shapes), and the main SVG's box; plus whether the flow runs down.
_GRAPH_BOXES_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const L = gd._fullLayout, xa = L.xaxis, ya = L.yaxis, svg = gd.getBoundingClientRect();
  const box = r => [r.left - svg.left, r.right - svg.left, r.top - svg.top, r.bottom - svg.top];
  const notes = [...gd.querySelectorAll('g.annotation')].map(g => [g.textContent,
    box((g.querySelector('rect.bg') || g).getBoundingClientRect())]);
  const texts = [...gd.querySelectorAll('.textpoint')].map(t => box(t.getBoundingClientRect()));
  const rects = L.shapes.filter(s => s.type === 'rect').map(s => {
    const xs = [s.x0, s.x1].map(v => xa._offset + xa.l2p(v)).sort((a, b) => a - b);
    const ys = [s.y0, s.y1].map(v => ya._offset + ya.l2p(v)).sort((a, b) => a - b);
    return [xs[0], xs[1], ys[0], ys[1]];
  });
  return {down: ya.range[0] > ya.range[1], width: svg.width, height: svg.height,
          notes, texts, rects};
}"""


def _overlap(r, q, slack=1.0) -> bool:
    return (r[0] + slack < q[1] and q[0] + slack < r[1] and r[2] + slack < q[3]
            and q[2] + slack < r[3])


def _graph_text_problems(g) -> list:
    out = []
    for i, (text, r) in enumerate(g["notes"]):
        if r[0] < -1 or r[1] > g["width"] + 1 or r[2] < -1 or r[3] > g["height"] + 1:
            out.append(("outside", text))
        out += [("on a box", text, r, q) for q in g["rects"] if _overlap(r, q)]
        out += [("on", text, other) for other, q in g["notes"][i + 1:] if _overlap(r, q)]
    for t in g["texts"]:
        if not any(q[0] - 1 <= t[0] and t[1] <= q[1] + 1 and q[2] - 1 <= t[2] and t[3] <= q[3] + 1
                   for q in g["rects"]):
            out.append(("node text out of its box", t))
    return out


@pytest.mark.browser
@pytest.mark.parametrize("preset", ["classic", "dead_relu"])
def test_the_graph_runs_down_a_phone_and_every_step_reads(chromium_browser, streamlit_server,
                                                          preset):
    """390x844: the graph is drawn top to bottom (the left-to-right one had 34-px boxes and
    numbers running into each other), and at every step, forward and backward, no label
    overlaps another or a box, every node's text fits its box, nothing leaves the chart.
    Widened (a chart over 560 px) the page draws the left-to-right graph. Screenshots:
    test-artifacts/backprop-phone-*.png."""
    from urllib.parse import urlencode

    from nncore.backprop import PRESETS
    from ui.strings.backprop import T

    p = PRESETS[preset]
    query = {"lang": "ko", "bp_act": p.activation, "bp_loss": p.loss, "bp_out": len(p.t),
             "bp_x1": p.x[0], "bp_x2": p.x[1], "bp_step": 0,
             **{f"bp_t{k + 1}": t for k, t in enumerate(p.t)},
             **{f"bp_{name}": v for name, v in p.flat}}
    context = chromium_browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_page(page, f"{streamlit_server}/backprop?{urlencode(query)}")
    wait_for_charts(page, 1)
    assert_no_exception(page)
    steps = 0
    while True:
        g = page.evaluate(_GRAPH_BOXES_JS)
        assert g["down"], "the phone got the left-to-right graph"
        assert _graph_text_problems(g) == [], (steps, _graph_text_problems(g))
        if steps in (1, 12):
            screenshot(page, f"backprop-phone-{preset}-{steps}")
        nxt = page.get_by_role("button", name=T("next", "ko"), exact=True).first
        if nxt.is_disabled():
            break
        draws = page.evaluate("() => (window.__nnlabDraws || []).length")
        nxt.click()
        steps += 1
        page.wait_for_url(f"**bp_step={steps}**")
        page.locator(".nnlab-chart").first.scroll_into_view_if_needed()  # drawn when seen
        page.wait_for_function(f"() => (window.__nnlabDraws || []).length > {draws}")
    assert steps >= 14
    # widened past NARROW_PX of chart (a phone on its side is 844 px, but Streamlit may then
    # open the sidebar beside the page and leave the chart 512 px: still the narrow graph)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.locator(".nnlab-chart").first.scroll_into_view_if_needed()  # drawn when seen
    page.wait_for_function("() => { const L = document.querySelector('.js-plotly-plot')"
                           "._fullLayout; return L.yaxis.range[0] < L.yaxis.range[1]; }")
    assert not [e for e in errors if "ResizeObserver" not in e], errors
    context.close()
