"""Every page of the lab on a phone (390x844) and a projector (1280x720), in Korean and
English: no page scrolls sideways, wide tables scroll inside their own box, the Plotly mode
bar covers no chart title or legend, chart text stays inside its chart and is large enough to
read at the back of a room. On a phone, rows of panels wrap (no map or digit picture under
30 % of its chart's width), no legend or colour bar sits beside its plot, square maps leave no
blank bands, and the sidebar closes after a change. Screenshots:
test-artifacts/small-<page>-<size>-<lang>.png (look at them)."""

import pytest
from browser_util import (
    CHART_SELECTOR,
    assert_no_exception,
    navigation,
    open_page,
    screenshot,
    wait_for_app,
    wait_for_charts,
)

SIZES = {"phone": (390, 844), "projector": (1280, 720)}
MIN_TEXT_PX = {"projector": 13.0, "phone": 9.0}  # the smallest chart text (tick labels)
MIN_TITLE_PX = {"projector": 15.0, "phone": 12.0}  # chart and axis titles
MIN_PICTURE_SHARE = 0.3  # a map or digit picture on a phone: this much of its chart's width
MAX_BLANK_PX = 60  # a phone: blank left around square maps in their plot area (was 100-400)
MIN_PANEL_PX = 60  # a phone: the narrowest panel of small multiples (the init lab's were 43)
MIN_TRACE_TEXT_PX = 10  # values written on bars and points (Plotly shrinks them to fit a bar)

# One pass over the page in the browser: what sticks out sideways, what the mode bar covers,
# which chart text is cut off at the chart's edge, the smallest text and titles.
_INSPECT_JS = """
w => {
  const rect = el => el.getBoundingClientRect();
  const meets = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const label = el => (el.textContent || '').trim().slice(0, 40);
  const out = {sideways: document.scrollingElement.scrollWidth - window.innerWidth,
               wide: [], covered: [], cut: [], overlap: [], minText: 99, minTitle: 99, charts: 0};
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) out.sideways = Math.max(out.sideways, main.scrollWidth - main.clientWidth);
  for (const el of document.querySelectorAll(
      '[data-testid="stDataFrame"], .nnlab-table-scroll, [data-testid="stTable"]')) {
    if (rect(el).width > 0 && rect(el).right > w + 1) out.wide.push(el.dataset.testid || el.className);
  }
  // a widget label or a link to another page cut short with an ellipsis ("3D…", "Cons…")
  out.clipped = [...document.querySelectorAll(
    '[data-testid="stWidgetLabel"] [data-testid="stMarkdownContainer"], '
    + '[data-testid="stMain"] [data-testid="stPageLink-NavLink"] p')]
    .filter(p => p.scrollWidth > p.clientWidth + 1).map(label);
  out.pictures = [];  // pixel pictures (digits, maps): how much of their chart's width they use
  out.beside = [];
  out.blank = [];
  out.panels = [];  // the narrowest panel of each chart with more than one
  out.traceText = [];  // text on bars and points drawn under MIN_TRACE_TEXT_PX
  out.ticks = [];  // x (or y) tick labels over each other ("1−1" where two panels meet)
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const box = rect(gd);
    if (!box.width || !gd._fullLayout) continue;
    out.charts += 1;
    const name = String((gd.layout.title && (gd.layout.title.text ?? gd.layout.title))
      || gd.dataset.key || '').slice(0, 30);
    for (const img of gd.matches('.nnlab-chart-pixelated') ? gd.querySelectorAll('.imagelayer image') : []) {
      out.pictures.push([name, rect(img).width / box.width]);
    }
    // square panels (scaleanchor) and the blank they leave of the plot area's height
    const L = gd._fullLayout;
    const ys = Object.keys(L).filter(k => /^yaxis[0-9]*$/.test(k) && L[k] && L[k]._length > 0);
    if (ys.some(k => L[k].scaleanchor)) {
      const top = Math.min(...ys.map(k => L[k]._offset));
      const bottom = Math.max(...ys.map(k => L[k]._offset + L[k]._length));
      out.blank.push([name, Math.round(top - L._size.t + L._size.t + L._size.h - bottom)]);
    }
    for (const t of gd.querySelectorAll('.bartext, .textpoint text')) {
      const px = parseFloat(getComputedStyle(t).fontSize);
      if (rect(t).width && label(t) && px < MIN_TRACE_TEXT_PX) out.traceText.push(`${name} | ${label(t)} ${px} px`);
    }
    const xs = Object.keys(L).filter(k => /^xaxis[0-9]*$/.test(k) && L[k] && L[k]._length > 0);
    if (xs.length > 1) out.panels.push([name, Math.min(...xs.map(k => L[k]._length))]);
    // a player's buttons or slider over the chart's tick labels
    for (const ctl of gd.querySelectorAll('.updatemenu-button, .slider-container')) {
      const hit = [...gd.querySelectorAll('.xtick text, .ytick text')].find(t => meets(rect(ctl), rect(t)));
      if (hit) out.ticks.push(`${name} | a player control on the tick label ${label(hit)}`);
    }
    for (const kind of ['.xtick text', '.ytick text']) {
      const ticks = [...gd.querySelectorAll(kind)].filter(t => label(t) && rect(t).width);
      ticks.forEach((a, i) => ticks.slice(i + 1).some(b => {
        if (!meets(rect(a), rect(b))) return false;
        out.ticks.push(`${name} | ${label(a)} / ${label(b)}`);
        return true;
      }));
    }
    // a legend or colour bar beside the plot: it starts right of the plot area (a legend
    // inside it is fine)
    const size = gd._fullLayout._size;
    for (const el of gd.querySelectorAll('.legend, .colorbar')) {
      if (rect(el).width && rect(el).left - box.left >= size.l + size.w - 1)
        out.beside.push(`${el.classList.contains('legend') ? 'legend' : 'colour bar'}: ${name}`);
    }
    const title = gd.layout.title;
    const id = ((title && (title.text ?? title)) || gd.dataset.key || '').toString().slice(0, 30);
    const bar = gd.querySelector('.modebar');
    const texts = gd.querySelectorAll('.infolayer text, .annotation text, .xtick text, .ytick text'
      + ', .gtitle, .g-xtitle text, .g-ytitle text, .legendtext, .legendtitletext');
    for (const t of texts) {
      const r = rect(t);
      if (!r.width || !label(t)) continue;
      // a tick label counts at its axis's font size: Plotly draws a log axis's in-between
      // digits (2, 5) at 3/4 of it on purpose
      const tick = t.closest('.xtick, .ytick'), sub = tick && tick.closest('g.subplot');
      const xy = sub && sub.getAttribute('class').match(/subplot x([0-9]*)y([0-9]*)/);
      const ax = xy && gd._fullLayout[tick.matches('.xtick') ? 'xaxis' + xy[1] : 'yaxis' + xy[2]];
      const size = ax && ax.tickfont ? ax.tickfont.size : parseFloat(getComputedStyle(t).fontSize);
      const isTitle = t.matches('.gtitle, .g-xtitle text, .g-ytitle text, .g-x2title text');
      if (size < out.minText) out.smallest = `${id} | ${label(t)}`;
      out.minText = Math.min(out.minText, size);
      if (isTitle) out.minTitle = Math.min(out.minTitle, size);
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1)
        out.cut.push(`${id} | ${label(t)}`);
      const top = t.matches('.gtitle, .legendtext, .legendtitletext, .annotation-text');
      if (bar && top && meets(r, rect(bar))) out.covered.push(`${id} | ${label(t)}`);
    }
    const words = [...gd.querySelectorAll('.gtitle, .annotation-text, .g-xtitle text, '
      + '.g-x2title text, .legend .bg')].filter(t => label(t) || t.matches('.bg'));
    words.forEach((a, i) => words.slice(i + 1).forEach(b => {
      if (meets(rect(a), rect(b))) out.overlap.push(`${id} | ${label(a) || 'legend'} / ${label(b) || 'legend'}`);
    }));
  }
  return out;
}
"""


def inspect(page, width: int) -> dict:
    """What the page shows at this width (see _INSPECT_JS)."""
    return page.evaluate(_INSPECT_JS.replace("MIN_TRACE_TEXT_PX", str(MIN_TRACE_TEXT_PX)), width)


def _problems(report: dict, size: str) -> list[str]:
    out = []
    if report["sideways"] > 1:
        out.append(f"scrolls sideways by {report['sideways']} px")
    out += [f"{w} runs past the screen" for w in report["wide"]]
    out += [f"the mode bar covers {c}" for c in report["covered"]]
    out += [f"cut off at the chart's edge: {c}" for c in report["cut"]]
    out += [f"titles run together: {c}" for c in report["overlap"]]
    out += [f"a label cut short: {c}" for c in report["clipped"]]
    if size == "phone":  # panels wrap, legends go under the plot
        out += [f"a picture {share:.0%} of its chart's width: {name}"
                for name, share in report["pictures"] if share < MIN_PICTURE_SHARE]
        out += [f"beside the plot, a {what}" for what in report["beside"]]
        out += [f"{px} px blank around the square map of {name}"
                for name, px in report["blank"] if px > MAX_BLANK_PX]
        out += [f"a {px:.0f}-px panel: {name}" for name, px in report["panels"]
                if px < MIN_PANEL_PX]
    out += [f"tick labels covered: {t}" for t in report["ticks"][:3]]
    out += [f"text on a trace: {t}" for t in report["traceText"][:3]]
    if report["charts"] and report["minText"] < MIN_TEXT_PX[size]:
        out.append(f"chart text of {report['minText']} px ({report['smallest']})")
    if report["charts"] and report["minTitle"] < MIN_TITLE_PX[size]:
        out.append(f"a chart title of {report['minTitle']} px")
    return out


def _visit(page, url: str, name: str, size: str) -> list[str]:
    open_page(page, url)
    assert_no_exception(page)
    n = page.locator(CHART_SELECTOR).count()
    if n:
        wait_for_charts(page, n, timeout_ms=60_000)
    report = inspect(page, SIZES[size][0])
    screenshot(page, name)
    return _problems(report, size)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_fits_the_screen(chromium_browser, streamlit_server, size, lang):
    """Every page in one browser context per size and language."""
    width, height = SIZES[size]
    context = chromium_browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(60_000)
    page = context.new_page()
    problems = []
    for path, _title, _file in navigation():
        name = f"small-{path or 'home'}-{size}-{lang}"
        problems += [f"{name}: {p}" for p in _visit(
            page, f"{streamlit_server}/{path}?lang={lang}", name, size)]
    context.close()
    assert not problems, "\n".join(problems)


# Views past a page's default that a phone review found cramped (the sweep opens defaults).
PHONE_VIEWS = {
    "ae-pretrain": "autoencoder?lang=ko&ae_view=pretrain",
    "init-20-ab": "init_lab?lang=en&ini_depth=20&ini_ab=true",
    "warp-morph": "space_warp?lang=ko&sw_tab=morph",
    "backprop-backward": "backprop?lang=en&bp_step=12",
}


@pytest.mark.browser
def test_views_past_the_defaults_fit_a_phone(chromium_browser, streamlit_server):
    """The sweep's checks on the views in PHONE_VIEWS: bar values Plotly had shrunk to 9 px,
    20 histogram panels a row, the morph's mode bar, the backprop graph mid-backward."""
    context = chromium_browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(60_000)
    page = context.new_page()
    problems = []
    for name, path in PHONE_VIEWS.items():
        problems += [f"{name}: {p}" for p in _visit(page, f"{streamlit_server}/{path}",
                                                     f"phone-view-{name}", "phone")]
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_a_wide_table_scrolls_inside_its_box_on_a_phone(chromium_browser, streamlit_server):
    """The optimizer summary is wider than a phone: it scrolls inside its box, not the page."""
    context = chromium_browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_page(page, f"{streamlit_server}/optimizers?lang=ko")
    assert page.evaluate("() => [...document.querySelectorAll('.nnlab-table-scroll')]"
                         ".some(b => b.scrollWidth > b.clientWidth)")
    context.close()


SIDEBAR = 'section[data-testid="stSidebar"]'
_SIDEBAR_STATE = f"document.querySelector('{SIDEBAR}').getAttribute('data-collapsed')"
_SIDEBAR_OPEN_JS = f"() => {_SIDEBAR_STATE} === 'false'"
_SIDEBAR_CLOSED_JS = f"() => {_SIDEBAR_STATE} === 'true'"
# the longest pause between the test's pointer moves in the sidebar, as the page saw them
_TOUCH_GAPS_JS = """() => { const t = window.__touches || []; return t.length < 2 ? 1e9
  : Math.max(...t.slice(1).map((x, i) => x - t[i])); }"""
_RECORD_TOUCHES_JS = """() => { window.__touches = [];
  document.addEventListener('pointermove', () => window.__touches.push(Date.now()), true); }"""


def _open_sidebar(page) -> None:
    if not page.evaluate(_SIDEBAR_OPEN_JS):
        page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.wait_for_function(_SIDEBAR_OPEN_JS)


def _move_slider(page, key: str) -> None:
    page.locator(f"{SIDEBAR} .st-key-{key} input[type=range]").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => location.search.includes('{key}=')")
    wait_for_app(page)


@pytest.mark.browser
def test_the_sidebar_closes_after_a_change_on_a_phone(chromium_browser, streamlit_server):
    """On a phone the sidebar lies over the page: it closes once a setting has changed and
    the student has left it alone (ui.sidebar.IDLE_MS); while they keep touching it, it stays
    open; opening it without changing anything never closes it."""
    from ui.sidebar import IDLE_MS

    context = chromium_browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_page(page, f"{streamlit_server}/perceptron?lang=ko")
    _open_sidebar(page)
    page.wait_for_timeout(2 * IDLE_MS)
    assert page.evaluate(_SIDEBAR_OPEN_JS), "opened, nothing changed: it stays open"

    _move_slider(page, "pc_lr")
    page.evaluate(_RECORD_TOUCHES_JS)
    box = page.locator(SIDEBAR).bounding_box()
    for i in range(16):  # a finger resting on the sidebar, moving a little
        page.mouse.move(box["x"] + 100 + 20 * (i % 2), box["y"] + 400)
        page.wait_for_timeout(150)
    if page.evaluate(_TOUCH_GAPS_JS) < IDLE_MS:  # a machine this slow cannot say
        assert page.evaluate(_SIDEBAR_OPEN_JS), "closed while the student was still in it"
    page.mouse.move(370, 600)  # the finger leaves
    page.wait_for_function(_SIDEBAR_CLOSED_JS, timeout=10 * IDLE_MS)
    assert "pc_lr=" in page.url
    screenshot(page, "sidebar-closed-phone-ko")

    _open_sidebar(page)  # opened again to look: no change, so it stays
    page.wait_for_timeout(2 * IDLE_MS)
    assert page.evaluate(_SIDEBAR_OPEN_JS)
    context.close()


@pytest.mark.browser
def test_the_sidebar_stays_beside_the_page_on_a_wide_screen(chromium_browser, streamlit_server):
    """At 1280 px the sidebar sits beside the page: a change leaves it open."""
    from ui.sidebar import IDLE_MS

    context = chromium_browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    open_page(page, f"{streamlit_server}/perceptron?lang=en")
    _open_sidebar(page)
    _move_slider(page, "pc_lr")
    page.mouse.move(900, 400)
    page.wait_for_timeout(3 * IDLE_MS)
    assert page.evaluate(_SIDEBAR_OPEN_JS)
    context.close()


@pytest.mark.browser
def test_lecture_mode_keeps_a_phones_width(chromium_browser, streamlit_server):
    """Lecture mode's projector type and padding start at 700 px: on a phone the page keeps
    its normal type and the charts the screen's width (they had 310 of 390 px), and each chart
    its own layout, not the projector's (1.4x type crowded the backprop graph's labels)."""
    context = chromium_browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    drawn = {}
    for mode in ("&mode=lecture", ""):
        open_page(page, f"{streamlit_server}/backprop?lang=ko{mode}")
        wait_for_charts(page, 1)  # the graph; charts further down draw when scrolled to
        drawn[mode] = page.evaluate(_CHART_TEXT_JS, 1)
        if mode:
            assert page.evaluate(
                "() => getComputedStyle(document.documentElement).fontSize") == "16px"
            width = page.evaluate("() => document.querySelector("
                                  "'[data-testid=\"stMainBlockContainer\"] .stElementContainer')"
                                  ".getBoundingClientRect().width")
            assert width >= 350, width
            assert page.locator(".st-key-lecture_next").count() == 1  # the step bar is there
            screenshot(page, "phone-lecture-backprop-ko")
    assert drawn["&mode=lecture"] == drawn[""]
    context.close()


# Each drawn chart's base font size and title size, in page order.
_CHART_TEXT_JS = """n => [...document.querySelectorAll('.js-plotly-plot')].slice(0, n).map(
  d => [d._fullLayout.font.size, d._fullLayout.title.font.size])"""
