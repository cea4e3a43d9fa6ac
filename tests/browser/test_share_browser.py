"""Take-away experiments in a real browser: the page downloads as one HTML file that opens with
the network blocked, draws every figure and plays its animation; lecture mode enlarges the
page; the QR popover shows the current link."""

import re
import shutil
import subprocess

import pytest
from browser_util import ARTIFACTS, assert_no_exception, open_page, screenshot, wait_for_charts


def _download_html(page, url: str, tmp_path):
    open_page(page, url)
    wait_for_charts(page, 1)
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("Download as HTML|HTML로 내려받기")).click()
    path = tmp_path / "experiment.html"
    info.value.save_as(path)
    return path


def _open_offline(chromium_browser, path):
    """The downloaded file in a new context that may fetch nothing but the file itself; waits
    until every figure is drawn. Returns (context, page, figures, requests, page errors)."""
    offline = chromium_browser.new_context(viewport={"width": 1200, "height": 900})
    requests = []
    offline.route("**/*", lambda route: (requests.append(route.request.url),
                                         route.continue_() if route.request.url.startswith("file:")
                                         else route.abort()))
    page = offline.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    n = page.locator("div.figure").count()
    page.wait_for_function(
        "n => document.querySelectorAll('div.figure .main-svg').length >= n", arg=n,
        timeout=30_000)
    return offline, page, n, requests, errors


@pytest.mark.browser
def test_optimizer_race_downloads_as_html_that_plays_offline(browser_page, streamlit_server,
                                                             chromium_browser, tmp_path):
    path = _download_html(browser_page, f"{streamlit_server}/optimizers?lang=ko&opt_steps=200",
                          tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "<td>단계 수</td><td>200</td>" in text  # a setting by its Korean label, not opt_steps
    assert len(text) < 6_000_000  # plotly.js (4.8 MB) once, plus the figures
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"http", text)  # self-contained
    assert '<html lang="ko">' in text and "Plotly.newPlot" in text
    offline, page, n, requests, errors = _open_offline(chromium_browser, path)
    assert n >= 2
    assert [u for u in requests if not u.startswith("file:")] == []
    race = page.locator("div.figure").first
    before = page.evaluate("() => document.getElementById('fig0')._fullLayout.sliders[0].active")
    race.locator(".updatemenu-button").first.click()  # ▶
    page.wait_for_function(
        "b => { const s = document.getElementById('fig0')._fullLayout.sliders[0];"
        " return s.active !== b; }", arg=before, timeout=15_000)
    screenshot(page, "share-offline-html")
    assert not errors, errors
    offline.close()


@pytest.mark.browser
def test_playground_replay_plays_in_the_downloaded_html(browser_page, streamlit_server,
                                                        chromium_browser, tmp_path):
    """The playground's replay (the live chart's player of pictures) becomes Plotly frames in
    the file: ▶ swaps the boundary picture offline."""
    path = _download_html(browser_page, f"{streamlit_server}/playground?lang=en&pg_replay=true",
                          tmp_path)
    offline, page, _, requests, errors = _open_offline(chromium_browser, path)
    assert [u for u in requests if not u.startswith("file:")] == []
    i = page.evaluate("() => [...document.querySelectorAll('div.figure')].findIndex("
                      "d => (d._fullLayout.sliders || []).length)")
    assert i >= 0, "the replay has no slider in the file"
    picture = page.locator(f"#fig{i} .imagelayer image")
    last = picture.get_attribute("href")
    page.locator(f"#fig{i} .updatemenu-button").first.click()  # ▶ from the first epoch
    page.wait_for_function(
        "([i, h]) => document.querySelector('#fig' + i + ' .imagelayer image')"
        ".getAttribute('href') !== h", arg=[i, last], timeout=15_000)
    screenshot(page, "share-offline-playground")
    assert not errors, errors
    offline.close()


@pytest.mark.browser
def test_lecture_mode_and_qr_code(browser_page, streamlit_server):
    page = browser_page
    open_page(page, f"{streamlit_server}/init_lab?lang=en&mode=lecture")
    assert_no_exception(page)
    size = page.evaluate("() => getComputedStyle(document.documentElement).fontSize")
    assert size == "20px"
    assert "mode=lecture" in page.url
    assert page.locator('[data-testid="stSidebar"][data-collapsed="true"]').count() == 1
    screenshot(page, "share-lecture-mode")
    open_page(page, f"{streamlit_server}/init_lab?lang=en")
    page.get_by_role("button", name=re.compile("QR code")).click()
    img = page.locator('[data-testid="stPopoverBody"] [data-testid="stImage"] img')
    img.wait_for()
    code = page.locator('[data-testid="stPopoverBody"] code').inner_text()
    assert "/init_lab?" in code and "lang=en" in code
    png = ARTIFACTS / "share-qr.png"
    src = img.get_attribute("src")  # the PNG the server sends, not a screenshot of it
    png.write_bytes(page.request.get(src if src.startswith("http") else
                                     f"{streamlit_server}{src}").body())
    if shutil.which("zbarimg"):  # decode the picture itself where zbar is installed
        out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True,
                             text=True, timeout=30).stdout.strip()
        assert out == code


@pytest.mark.browser
def test_a_chart_saves_png_and_svg_at_presentation_size(browser_page, streamlit_server,
                                                        tmp_path):
    page = browser_page
    open_page(page, f"{streamlit_server}/init_lab?lang=en")
    wait_for_charts(page, 1)
    chart = page.locator(".nnlab-chart").first
    chart.hover()
    with page.expect_download() as info:
        chart.locator('.modebar-btn[data-title="Download plot as SVG"]').click()
    svg = tmp_path / "figure.svg"
    info.value.save_as(svg)
    head = svg.read_text(encoding="utf-8")[:400]
    assert head.startswith("<svg") and 'width="1600"' in head and 'height="900"' in head
    with page.expect_download() as info:
        chart.locator('.modebar-btn[data-title*="png" i]').first.click()
    assert info.value.suggested_filename.endswith(".png")


# Text of a drawn chart that sticks out of its own picture (a clipped title, tick or legend).
CLIPPED_TEXT_JS = """() => {
  const out = [];
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const svg = gd.querySelector('svg.main-svg');
    if (!svg || svg.getBoundingClientRect().width === 0) continue;
    const box = svg.getBoundingClientRect();
    for (const t of gd.querySelectorAll('svg text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || !t.textContent.trim()) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
          || r.bottom > box.bottom + 1) out.push(t.textContent.slice(0, 60));
    }
  }
  return out;
}"""
CONTROLS = {"en": "Controls", "ko": "설정 조절"}


@pytest.mark.browser
@pytest.mark.parametrize("path,lang,figure_on_first_screen",
                         [("perceptron", "ko", True), ("approximation", "en", True)])
def test_lecture_mode_on_a_projector(browser_page, streamlit_server, path, lang,
                                     figure_on_first_screen):
    """1280x720: the settings are in a collapsed panel under the step bar (the sidebar is
    closed), the first figure starts on the first screen, no chart text is cut off."""
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, f"{streamlit_server}/{path}?lang={lang}&mode=lecture")
    assert_no_exception(page)
    wait_for_charts(page, 1)
    assert page.locator('[data-testid="stSidebar"][data-collapsed="true"]').count() == 1
    # the projector's layout (ui.share.lecture_layout: 12 px type becomes 17 px)
    assert page.evaluate("() => document.querySelector('.js-plotly-plot')"
                         "._fullLayout.font.size") >= 16
    panel = page.locator('[data-testid="stMain"] [data-testid="stExpander"]').filter(
        has_text=CONTROLS[lang])
    assert panel.count() == 1
    top = page.evaluate("""s => {  // from the top of the page, as the projector shows it
        for (const el of [window, ...document.querySelectorAll('[data-testid="stMain"], section')])
            el.scrollTo(0, 0);
        return document.querySelector(s).getBoundingClientRect().top; }""",
                        ".nnlab-chart, [data-testid='stPlotlyChart']")
    assert top < 720 if figure_on_first_screen else True
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / f"lecture-{path}-{lang}-first.png"))
    screenshot(page, f"lecture-{path}-{lang}")  # the whole page, every chart drawn
    page.set_viewport_size({"width": 1280, "height": 720})
    assert page.evaluate(CLIPPED_TEXT_JS) == []
    panel.locator("summary").first.click()  # open: the page's settings are right there
    panel.locator('[data-testid="stSlider"]').first.wait_for(state="visible")
    page.screenshot(path=str(ARTIFACTS / f"lecture-{path}-{lang}-controls.png"))


@pytest.mark.browser
def test_the_html_follows_a_fragment_rerun(browser_page, streamlit_server, tmp_path):
    """The activations page's x range reruns only its fragment: the HTML downloaded after
    moving it has the new range in its settings table, link and curves, and the QR code
    opened after it shows the new link."""
    from browser_util import wait_for_app

    page = browser_page
    open_page(page, f"{streamlit_server}/activations?lang=en&act_range=6")
    wait_for_charts(page, 4)
    page.locator(".st-key-act_range input[type='range']").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**act_range=8**", timeout=30_000)
    wait_for_app(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as HTML").click()
    path = tmp_path / "activations.html"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert re.search(r"<td>x range[^<]*</td><td>8</td>", text), "settings table is stale"
    assert "act_range=8" in text and "act_range=6" not in text
    page.get_by_role("button", name=re.compile("QR code")).click()  # and so does the QR code
    code = page.locator('[data-testid="stPopoverBody"] code')
    code.wait_for()
    page.wait_for_function("() => (document.querySelector("
                           "'[data-testid=\"stPopoverBody\"] code') || {}).textContent"
                           "?.includes('act_range=8')", timeout=15_000)
    assert "act_range=6" not in code.inner_text()
