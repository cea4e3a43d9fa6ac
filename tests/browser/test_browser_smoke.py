"""Real-browser smoke tests in headless Chromium.

Every page of the navigation (Home + ui.catalog.LABS) opens, finishes running without an
exception or an uncaught JavaScript error, draws every Plotly chart it has (an empty chart
fails), and leaves a full-page screenshot in test-artifacts/page-<url_path>.png. Home's links
lead to every lab page and only to them, and a copied deep link works on a fresh server.
"""

import re

import pytest
from browser_util import (
    CHART_SELECTOR,
    array_attribute_mismatches,
    assert_no_exception,
    navigation,
    open_page,
    screenshot,
    serve_streamlit,
    wait_for_app,
    wait_for_charts,
)

from ui.catalog import LABS

PAGES = navigation()  # [(url_path, title, file)], Home first with url_path ""
LAB_PAGES = PAGES[1:]
NAV_LINKS = '[data-testid="stSidebarNav"] a'
HOME_LINKS = '[data-testid="stPageLink"] a'

# Browser noise that says nothing about the app.
BENIGN_JS_ERRORS = ("ResizeObserver loop",)


def _js_errors(page) -> list[str]:
    return [e for e in page.js_errors if not any(b in e for b in BENIGN_JS_ERRORS)]


def _nav_hrefs(page) -> list[str]:
    return [a.get_attribute("href") for a in page.locator(NAV_LINKS).all()]


def _expected_hrefs(base: str) -> list[str]:
    return [f"{base}/{url_path}" for url_path, _, _ in PAGES]


def _hangul_share(page) -> float:
    """Share of the letters in the main area's visible text that are Hangul."""
    return page.evaluate("""() => {
      const t = document.querySelector('[data-testid="stMain"]').innerText;
      const hangul = (t.match(/[\uac00-\ud7a3]/g) || []).length;
      const latin = (t.match(/[A-Za-z]/g) || []).length;
      return hangul / Math.max(1, hangul + latin);
    }""")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("url_path,title,file", PAGES, ids=[p[0] or "home" for p in PAGES])
def test_page_renders(browser_page, streamlit_server, url_path, title, file, lang):
    page = browser_page
    outside = []  # everything a page needs is served by the lab itself (works offline)
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((streamlit_server, "data:", "blob:")) else None)
    open_page(page, f"{streamlit_server}/{url_path}?lang={lang}")
    name = f"page-{url_path or 'home'}-{lang}"
    screenshot(page, name)
    assert_no_exception(page)
    n_charts = page.locator(CHART_SELECTOR).count()
    if n_charts:
        wait_for_charts(page, n_charts, timeout_ms=15_000)
        screenshot(page, name)  # again, with every chart drawn
        assert not array_attribute_mismatches(page), array_attribute_mismatches(page)
    assert not _js_errors(page), f"uncaught JavaScript errors on {file}: {_js_errors(page)}"
    assert f"lang={lang}" in page.url  # the language stays in the link a student copies
    assert outside == [], f"{file} fetched from outside the lab: {outside}"
    if lang == "ko":  # mostly Hangul letters (formulas, names and numbers stay Latin)
        assert _hangul_share(page) > 0.5, f"{file}: only {_hangul_share(page):.0%} Hangul"
    if LAB_PAGES:  # with a single page Streamlit shows no navigation at all
        assert [h.split("?")[0] for h in _nav_hrefs(page)] == _expected_hrefs(streamlit_server), (
            "sidebar navigation does not match ui.catalog (Home + LABS, in order)"
        )


@pytest.mark.browser
def test_home_links_every_lab(browser_page, streamlit_server):
    page = browser_page
    open_page(page, streamlit_server)
    hrefs = [a.get_attribute("href") for a in page.locator(HOME_LINKS).all()]
    wanted = [url_path for url_path, _, _ in LAB_PAGES]
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs] == wanted, (
        f"Home links {hrefs}, expected one per lab page in catalog order: {wanted}"
    )
    # a link opens its page in the app (every page's own render: test_small_screens.py)
    url_path = LAB_PAGES[-1][0]
    page.locator(HOME_LINKS).last.click()
    page.wait_for_url(re.compile(rf"/{url_path}(\?|$)"))
    wait_for_app(page)
    assert_no_exception(page)


@pytest.mark.browser
@pytest.mark.skipif(not LABS, reason="no lab pages in ui.catalog yet")
def test_deep_link_on_fresh_server(browser_page):
    """A copied link to a lab page, opened as the very first request of a new server, must
    still go through app.py (page config, navigation from the catalog)."""
    url_path, title, file = LAB_PAGES[0]
    with serve_streamlit("app.py") as base:
        open_page(browser_page, f"{base}/{url_path}")
        screenshot(browser_page, f"deeplink-{url_path}")
        assert_no_exception(browser_page)
        assert _nav_hrefs(browser_page) == _expected_hrefs(base), (
            f"opening {file} first on a fresh server skipped app.py: Streamlit fell back to "
            "its old pages/-folder navigation (a folder named pages/ next to app.py triggers it)"
        )


# Counts, frame by frame, the CSS animations running on Streamlit's element containers.
COUNT_ELEMENT_ANIMATIONS_JS = """() => {
  window.__elementAnimations = 0;
  const tick = () => {
    for (const a of document.getAnimations()) {
      const t = a.effect && a.effect.target;
      if (t && t.classList && t.classList.contains('stElementContainer')) {
        window.__elementAnimations += 1;
      }
    }
    if (!window.__stopCounting) requestAnimationFrame(tick);
  };
  tick();
}"""


@pytest.mark.browser
def test_a_rerun_starts_no_fade_per_element(browser_page, streamlit_server):
    """A slider step reruns part of a page: Streamlit would start (and cancel) an opacity
    transition on every element container the rerun has not re-sent yet, invisible in a fast
    rerun but paid for at every step. app.py's style turns them off: no element container
    animates while the optimizer lab's noise slider moves, and nothing is left faded."""
    page = browser_page
    open_page(page, f"{streamlit_server}/optimizers")
    page.evaluate(COUNT_ELEMENT_ANIMATIONS_JS)
    noise = page.locator(".st-key-opt_noise input[type='range']").first
    for _ in range(3):
        noise.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(150)
        wait_for_app(page)
    page.evaluate("() => { window.__stopCounting = true; }")
    assert_no_exception(page)
    assert page.evaluate("() => window.__elementAnimations") == 0
    faded = page.evaluate(
        "() => [...document.querySelectorAll('.stElementContainer')]"
        ".filter(e => getComputedStyle(e).opacity !== '1').length"
    )
    assert faded == 0
