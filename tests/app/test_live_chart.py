"""ui.live_chart: the wire JSON equals plotly's own, plotly.js is served from static/, and in a
real browser a chart is patched in place (the same DOM node, new data) when its figure changes."""

import json

import numpy as np
import plotly
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from nncore.surfaces import SURFACES, surface_grid
from ui.live_chart import chart_json, ensure_plotly_js, figure_json, plotly_js_name
from viz.optimizer_figs import contour_scale, race_figure


def _same_as_plotly(fig) -> None:
    ours = json.loads(figure_json(fig, {"displaylogo": False}))
    assert ours.pop("config") == {"displaylogo": False} and ours.pop("clickable") is False
    assert ours == json.loads(pio.to_json(fig, validate=False))


def test_wire_json_equals_plotly_json_on_edge_cases():
    rng = np.random.default_rng(0)
    fig = go.Figure(
        data=[
            dict(type="heatmap", z=rng.random((3, 4)).astype(np.float32), x=np.arange(4),
                 y=[0.0, 1.0, np.nan]),
            dict(type="scatter", x=np.array([1, 2, 3], dtype=np.int64),
                 y=np.array([1.5, np.inf, 2.0]),
                 marker=dict(color=np.array([0, 1, 1], dtype=np.int8), size=np.float64(7))),
            dict(type="bar", x=["a", "b"], y=(1, 2), text=np.array(["x", "y"])),
            dict(type="scatter", x=np.arange(6, dtype=np.int64) * 100_000,  # int64 -> int32
                 y=np.arange(6, dtype=np.uint64) + 2**40,  # does not fit 32 bits: a list
                 customdata=np.arange(12, dtype=np.uint64).reshape(6, 2),  # uint8, 2-D
                 text=np.arange(3, dtype=np.int16)[::-1], ids=np.zeros(0),  # strided, empty
                 hovertext=np.arange(2, dtype=np.float16),
                 marker=dict(size=np.arange(4.0)[::2], opacity=np.array([True, False]))),
        ],
        layout=dict(xaxis=dict(range=np.array([0.0, 3.0])), title=dict(text="t")),
        frames=[dict(name="a", data=[dict(x=np.array([1.0, 2.0]))], traces=[1])],
        _validate=False,
    )
    _same_as_plotly(fig)
    _same_as_plotly(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])))  # a validated figure too


def test_wire_json_equals_plotly_json_on_the_race_figure():
    from test_optimizer_page import FIG_TEXT, _views

    surf = SURFACES["rosenbrock"]
    xs, ys, Z = surface_grid(surf, 60)
    fig = race_figure(xs, ys, contour_scale(Z, 0.0), _views(surf), bounds=surf.bounds,
                      minima=surf.minima, start=surf.start, total_steps=300, text=FIG_TEXT)
    assert fig.frames
    _same_as_plotly(fig)


def test_chart_json_reads_both_kinds_of_chart():
    from streamlit.proto.BidiComponent_pb2 import BidiComponent
    from streamlit.proto.PlotlyChart_pb2 import PlotlyChart

    ours = BidiComponent(component_name="nnlab_live_plotly", bytes=b'{"data": []}')
    assert chart_json(ours) == '{"data": []}'
    assert chart_json(PlotlyChart(spec='{"data": [1]}')) == '{"data": [1]}'
    assert chart_json(BidiComponent(component_name="other", bytes=b"{}")) is None


def test_plotly_js_is_copied_once_and_versioned(tmp_path):
    ensure_plotly_js.cache_clear()
    static = tmp_path / "static"
    assert ensure_plotly_js(static)
    served = static / plotly_js_name()
    assert plotly.__version__ in served.name
    packaged = np.fromfile(served, dtype=np.uint8)
    assert packaged.size > 1_000_000 and b"Plotly" in packaged[:200_000].tobytes()
    mtime = served.stat().st_mtime_ns
    ensure_plotly_js.cache_clear()
    assert ensure_plotly_js(static) and served.stat().st_mtime_ns == mtime  # not copied again
    assert not list(static.glob("*.tmp"))


def test_falls_back_to_st_plotly_chart_without_static_serving(monkeypatch):
    from streamlit.testing.v1 import AppTest

    import ui.live_chart

    monkeypatch.setattr(ui.live_chart, "app_static_dir", lambda: None)  # serving off

    def app():
        import plotly.graph_objects as go

        from ui.common import chart
        from viz.playback import LEGEND_LINK

        chart(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])), key="c")
        follower = go.Figure([go.Scatter(y=[1, 2], legendgroup="a"),
                              go.Scatter(y=[2, 1], legendgroup="b")])
        follower.update_layout(showlegend=False, meta={LEGEND_LINK: "page"})
        chart(follower, key="f")

    at = AppTest.from_function(app)
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 2 and not at.get("bidi_component")
    # nothing links legends there: a chart that follows another's legend shows its own
    follower = json.loads(chart_json(at.get("plotly_chart")[1].proto))
    assert "showlegend" not in follower["layout"]


@pytest.mark.browser
def test_browser_chart_is_patched_in_place(browser_page, streamlit_server):
    """The playground's epoch scrubber changes the boundary figure: the chart's div stays the
    same node (Plotly.react), its picture changes, and nothing is drawn from scratch. Only the
    picture changed, so the points' arrays are handed back to Plotly as the very arrays it
    holds, and it keeps its computed point data (calcdata) instead of recomputing and
    re-drawing every point."""
    from browser_util import assert_no_exception, open_page, wait_for_app, wait_for_charts

    page = browser_page
    open_page(page, f"{streamlit_server}/playground")
    page.wait_for_selector(".st-key-pg_fig_curves .nnlab-chart", state="attached",
                           timeout=120_000)
    wait_for_app(page)
    wait_for_charts(page, 4)
    div = ".st-key-pg_fig_boundary .js-plotly-plot"
    page.locator(div).scroll_into_view_if_needed()
    page.evaluate(
        "sel => { const d = document.querySelector(sel); d.__marker = 'kept';"
        " window.__oldData = d.data; window.__oldCalc = d.calcdata;"
        " window.__oldPicture = d.querySelector('.imagelayer image').getAttribute('href'); }",
        div,
    )
    page.locator(".st-key-pg_epoch input[type='range']").first.focus()
    page.keyboard.press("Home")  # back to the first snapshot (epoch 0)
    # new data arrives in the same div (Plotly.react replaces gd.data)
    page.wait_for_function(
        "sel => document.querySelector(sel).data !== window.__oldData", arg=div, timeout=30_000
    )
    wait_for_app(page)
    assert_no_exception(page)
    kept = page.evaluate(
        "sel => [document.querySelector(sel).__marker, document.querySelectorAll(sel).length]",
        div,
    )
    assert kept == ["kept", 1], "the boundary chart was re-created instead of patched"
    picture_changed, calc_kept = page.evaluate(
        "sel => { const d = document.querySelector(sel); return ["
        " d.querySelector('.imagelayer image').getAttribute('href') !== window.__oldPicture,"
        " d.calcdata === window.__oldCalc]; }",
        div,
    )
    assert picture_changed and calc_kept, (picture_changed, calc_kept)
    assert page.get_by_text("Decision boundary at epoch 0").count() == 1


# Every trace of a live chart shows the figure it was sent: x and y of each trace equal the
# received JSON (typed-array specs decoded; plain arrays as they are).
DRAWN_IS_SENT_JS = """sel => {
  const gd = document.querySelector(sel), types = {f4: Float32Array, f8: Float64Array,
    i1: Int8Array, u1: Uint8Array, i2: Int16Array, u2: Uint16Array, i4: Int32Array,
    u4: Uint32Array};
  const values = v => { if (!v || typeof v.bdata !== 'string') return v;
    const b = atob(v.bdata), u = new Uint8Array(b.length);
    for (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);
    return Array.from(new types[v.dtype](u.buffer)); };
  return gd.__prev.data.every((t, i) => ['x', 'y'].every(k => t[k] === undefined ||
    JSON.stringify(values(t[k])) === JSON.stringify(Array.from(gd._fullData[i][k]))));
}"""


@pytest.mark.browser
def test_browser_data_only_update_moves_the_traces(browser_page, streamlit_server):
    """A noise step changes only the paths' x and y: the race moves those traces with
    Plotly.animate, without redrawing its axes, legend, colour bar and map; afterwards every
    trace shows exactly the figure sent, and hovering answers with the new paths. The loss
    curves, whose y axis fits the data, still get a full Plotly.react."""
    from browser_util import assert_no_exception, open_page, wait_for_app, wait_for_charts

    page = browser_page
    open_page(page, f"{streamlit_server}/optimizers")
    wait_for_charts(page, 2)
    race, loss = (f".st-key-{k} .nnlab-chart" for k in ("opt_chart_race", "opt_chart_loss"))
    keys = page.evaluate("sels => sels.map(s => document.querySelector(s).dataset.key)",
                         [race, loss])
    page.evaluate("sel => { window.__nnlabDraws = [];"
                  " window.__axis = document.querySelector(sel).querySelector('.xtick'); }", race)
    page.locator(".st-key-opt_noise input[type='range']").focus()
    page.keyboard.press("ArrowRight")  # σ = 0.01
    wait_for_app(page)
    assert_no_exception(page)
    for sel in (race, loss):
        page.wait_for_selector(f"{sel}[data-nnlab-state='drawn']")
    draws = page.evaluate("() => window.__nnlabDraws")
    assert [[d[3] for d in draws if d[0] == k] for k in keys] == [["animate"], ["react"]]
    assert page.evaluate(DRAWN_IS_SENT_JS, race) and page.evaluate(DRAWN_IS_SENT_JS, loss)
    assert page.evaluate("sel => document.querySelector(sel).querySelector('.xtick')"
                         " === window.__axis", race), "the axes were drawn again"

    page.locator(race).scroll_into_view_if_needed()
    box = page.locator(race).locator(".nsewdrag").first.bounding_box()
    hover = page.locator(race).locator(".hoverlayer .hovertext")
    for fx in np.linspace(0.2, 0.8, 13):  # sweep the map until a path answers
        page.mouse.move(box["x"] + fx * box["width"], box["y"] + 0.55 * box["height"])
        page.wait_for_timeout(60)  # plotly handles hover at most every 50 ms
        if hover.count():
            break
    assert hover.count() >= 1


@pytest.mark.browser
def test_browser_chart_out_of_sight_waits_for_its_newest_figure(browser_page, streamlit_server):
    """A chart far below the fold is not drawn until it is scrolled near; a rerun while it is
    out of sight only replaces its waiting figure, and scrolling to it draws the newest one."""
    from browser_util import assert_no_exception, open_page, wait_for_app

    page = browser_page
    open_page(page, f"{streamlit_server}/optimizers?opt_below=Inside+one+optimizer")
    page.wait_for_function("() => document.querySelectorAll('.nnlab-chart').length === 4")
    race, step_size = ".st-key-opt_chart_race .nnlab-chart", ".st-key-opt_chart_stepsize .nnlab-chart"
    page.wait_for_selector(f"{race}[data-nnlab-state='drawn']")
    state = "sel => [document.querySelector(sel).dataset.nnlabState, " \
            "!!document.querySelector(sel)._fullLayout]"
    assert page.evaluate("sel => document.querySelector(sel).getBoundingClientRect().top",
                         step_size) > 1000 + 400, "the step-size chart should start out of sight"
    assert page.evaluate(state, step_size) == ["waiting", False]

    page.locator(step_size).scroll_into_view_if_needed()
    page.wait_for_selector(f"{step_size}[data-nnlab-state='drawn']")
    first = page.evaluate("sel => JSON.stringify(document.querySelector(sel).data[1].y)", step_size)

    page.locator(race).scroll_into_view_if_needed()  # back up: the step-size chart is hidden
    page.wait_for_selector(f"{race}[data-nnlab-state='drawn']")
    # a full Plotly.react (not the paths-only update a noise step gets), whose sharing of the
    # unchanged map picture is checked below
    page.evaluate("sel => { const d = document.querySelector(sel); window.__nnlabNoQuick = true;"
                  " window.__raceData = d.data; window.__raceImages = d.layout.images; }", race)
    page.locator(".st-key-opt_noise input[type='range']").focus()
    page.keyboard.press("ArrowRight")  # σ = 0.01: every path changes, none diverges
    wait_for_app(page)
    assert_no_exception(page)
    assert page.evaluate(state, step_size) == ["waiting", True]  # old figure kept, new waits
    # the race got new paths, and its unchanged map picture is the one Plotly already holds
    page.wait_for_selector(f"{race}[data-nnlab-state='drawn']")
    new_paths, same_picture = page.evaluate(
        "sel => { const d = document.querySelector(sel);"
        " return [d.data !== window.__raceData, d.layout.images === window.__raceImages]; }",
        race)
    assert new_paths and same_picture, (new_paths, same_picture)
    page.locator(step_size).scroll_into_view_if_needed()
    page.wait_for_selector(f"{step_size}[data-nnlab-state='drawn']")
    newest = page.evaluate("sel => JSON.stringify(document.querySelector(sel).data[1].y)",
                           step_size)
    assert newest != first


SYNTHETIC_TRACES_JS = """() => {
  const div = document.createElement('div');
  document.body.appendChild(div);
  const figures = d => { const n = [1, 2, 3].map(v => v + d); return [
    [{type: 'scatter', x: n, y: n, marker: {color: 'red', size: 4}}],
    [{type: 'scatter', x: n, y: n, marker: {color: n, size: n, line: {width: n}},
      text: ['a', 'b', 'c'], customdata: n}],
    [{type: 'scatter', x: new Float32Array(n), y: n, mode: 'markers',
      marker: {color: n, colorbar: {tickvals: n, ticktext: ['a', 'b', 'c']}}}],
    [{type: 'bar', x: n, y: n, marker: {color: ['red', 'blue', 'green']}},
     {type: 'heatmap', z: [n, n], x: n}],
    [{type: 'splom', dimensions: [{label: 'a', values: n}, {label: 'b', values: n}],
      marker: {color: n}}],
    [{type: 'parcoords', dimensions: [{label: 'a', values: n}, {label: 'b', values: n}]}],
    [{type: 'scatter3d', x: n, y: n, z: n, mode: 'lines', line: {color: n}}],
  ]; };
  const find = Plotly.PlotSchema.findArrayAttributes, bad = [];
  let traces = 0;
  const check = () => {
    for (const t of div._fullData) {
      traces += 1;
      const kept = JSON.stringify(find(t)), plotly = JSON.stringify(find.__nnlabOriginal(t));
      if (kept !== plotly) bad.push(`${t.type}: kept ${kept}, plotly ${plotly}`);
    }
  };
  for (const fig of figures(0)) { Plotly.newPlot(div, fig); check(); }
  // the same traces with new numbers: no new entries are kept
  const size = find.__nnlabKept.size;
  for (const fig of figures(1)) { Plotly.newPlot(div, fig); check(); }
  Plotly.purge(div);
  div.remove();
  return {traces, bad, grew: find.__nnlabKept.size - size};
}"""


@pytest.mark.browser
def test_browser_kept_array_attribute_lists_equal_plotlys(browser_page, streamlit_server):
    """Plotly lists a trace's data-array attributes at every computation; the live chart keeps
    the list per trace type and array paths. On traces of several types, with and without
    arrays in the same attribute (marker.color as a colour name and as numbers), arrays inside
    lists of objects (splom and parcoords dimensions) and the colour bar's tick arrays that
    Plotly leaves out, the kept list is Plotly's; the same traces with new numbers add no new
    entries. The charts of every page are checked the same way in test_browser_smoke."""
    from browser_util import array_attribute_mismatches, open_page, wait_for_charts

    page = browser_page
    open_page(page, f"{streamlit_server}/optimizers")
    wait_for_charts(page, 2)
    assert not array_attribute_mismatches(page)
    report = page.evaluate(SYNTHETIC_TRACES_JS)
    assert report["bad"] == [], report["bad"]
    assert report["traces"] == 2 * 8 and report["grew"] == 0, report


def test_assets_use_the_constants_python_passes():
    """The component's JS and CSS are real files; the names they share with Python agree."""
    from ui import live_chart as lc

    js = (lc.ASSETS / "live_chart.js").read_text(encoding="utf-8")
    css = (lc.ASSETS / "live_chart.css").read_text(encoding="utf-8")
    assert "/* global PLOTLY_SRC, CLASS, LINK */" in js
    assert "__CLASS__" not in js + css and "__LINK__" not in js
    assert f".{lc.CHART_CLASS}-player" in css and f".{lc.CHART_CLASS}-pixelated" in css
    assert "#ff4b4b" not in css and "var(--nnlab-primary)" in css  # the theme's colour


def test_a_narrow_figure_and_a_lecture_layout_travel_beside_the_figure():
    """The browser picks among them by width (live_chart.js pickFigure): the figure's own
    data and layout stay what the page drew, the narrow one carries its own data and layout,
    and lecture mode adds the projector's layout without replacing the figure's."""
    import plotly.graph_objects as go

    from ui.share import lecture_layout

    wide = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout=dict(height=300, font=dict(size=12)))
    narrow = go.Figure(go.Bar(x=[1], y=[2]), layout=dict(height=600))
    spec = json.loads(figure_json(wide, {}, narrow=narrow, lecture=True))
    assert spec["layout"]["height"] == 300 and spec["data"][0]["type"] == "scatter"
    assert spec["narrow"]["layout"]["height"] == 600
    assert spec["narrow"]["data"][0]["type"] == "bar"
    assert spec["lectureLayout"] == json.loads(json.dumps(lecture_layout(spec["layout"])))
    assert spec["lectureLayout"]["font"]["size"] > 12
    assert "narrow" not in json.loads(figure_json(wide, {}))
