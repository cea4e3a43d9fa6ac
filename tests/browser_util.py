"""Browser-test helpers shared by tests/ and bench/: find Chromium, serve a Streamlit script on a
free port, open a page and wait until the app has finished running, check for exceptions,
wait for Plotly charts to be drawn, save screenshots.

Import from a test module with `from browser_util import open_page, wait_for_app, ...`
(pytest puts tests/ on sys.path). The fixtures themselves live in tests/conftest.py.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO_ROOT / "test-artifacts"

# Chromium flags: no sandbox (containers, root), no GPU, no background traffic to Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

APP_SELECTOR = '[data-testid="stApp"]'
IDLE_SELECTOR = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SPINNER_SELECTOR = '[data-testid="stSpinner"]'
EXCEPTION_SELECTOR = '[data-testid="stException"]'
PLOTLY_SELECTOR = '[data-testid="stPlotlyChart"] .js-plotly-plot, .nnlab-chart.js-plotly-plot'
# Every chart's container, drawn or not: a live chart (ui.live_chart) out of sight stays empty
# until it is scrolled near, so count these rather than PLOTLY_SELECTOR.
CHART_SELECTOR = '[data-testid="stPlotlyChart"], .nnlab-chart'


# ---------------------------------------------------------------------------------------------
# Chromium discovery
# ---------------------------------------------------------------------------------------------


class BrowserUnavailable(RuntimeError):
    """No usable Chromium: the message says what was tried."""


def chromium_candidates() -> tuple[str | None, list[str]]:
    """The executable to launch (None = Playwright's own browser) and notes on what was tried.

    Order: env CHROMIUM, then /usr/bin/chromium, then Playwright's bundled browser.
    """
    tried = []
    env = os.environ.get("CHROMIUM")
    if env:
        path = shutil.which(env) or env
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path, tried
        tried.append(f"CHROMIUM={env!r} is not an executable file")
    if os.path.isfile("/usr/bin/chromium") and os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium", tried
    tried.append("/usr/bin/chromium not found")
    return None, tried


def launch_chromium(playwright, headless: bool = True):
    """Launch headless Chromium through Playwright's sync API, or raise BrowserUnavailable."""
    executable, tried = chromium_candidates()
    kwargs = {"headless": headless, "args": CHROMIUM_ARGS}
    if executable:
        kwargs["executable_path"] = executable
    try:
        return playwright.chromium.launch(**kwargs)
    except Exception as exc:  # Playwright raises its own Error types
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        what = executable or "Playwright's bundled Chromium"
        tried.append(f"launching {what} failed: {first_line}")
        raise BrowserUnavailable(
            "no usable Chromium (" + "; ".join(tried) + "). Set CHROMIUM=/path/to/chromium, "
            "install Debian's chromium, or run `python -m playwright install chromium`."
        ) from exc


# ---------------------------------------------------------------------------------------------
# Streamlit server
# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, n_chars: int = 4000) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "<no output>"
    return text[-n_chars:] if text.strip() else "<no output>"


def _health_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@contextmanager
def serve_streamlit(
    script: str | Path = "app.py",
    port: int | None = None,
    timeout_s: float = 60.0,
    cwd: Path = REPO_ROOT,
    extra_args: tuple[str, ...] = (),
) -> Iterator[str]:
    """Run `streamlit run <script>` on 127.0.0.1:<free port>; yield the base URL; stop it after.

    The server runs in its own process group so the whole group is terminated at the end.
    Its stdout/stderr go to a temp file, quoted in the error if it does not come up.
    """
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.runOnSave", "false",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        *extra_args,
    ]
    log = Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    # no preset warm-up (ui/warm.py) competing with what a test or a benchmark measures
    env = {"NNLAB_WARM": "0", **os.environ, "PYTHONUNBUFFERED": "1",
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        deadline = time.monotonic() + timeout_s
        while not _health_ok(url):
            if proc.poll() is not None:
                raise RuntimeError(
                    f"streamlit exited with code {proc.returncode} before {url}/_stcore/health "
                    f"answered.\ncommand: {' '.join(cmd)}\noutput:\n{_tail(log)}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"streamlit did not answer {url}/_stcore/health within {timeout_s:.0f} s.\n"
                    f"command: {' '.join(cmd)}\noutput:\n{_tail(log)}"
                )
            time.sleep(0.2)
        yield url
    finally:
        _stop(proc)
        log.unlink(missing_ok=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


# ---------------------------------------------------------------------------------------------
# Navigation: which pages exist and their URL paths
# ---------------------------------------------------------------------------------------------


def url_path_of(page_file: str) -> str:
    """URL path Streamlit gives `st.Page("labs/foo_bar.py")` without url_path: "foo_bar".

    Uses Streamlit's own rule (leading digits/underscores and a leading emoji dropped, runs of
    spaces/underscores collapsed to one underscore).
    """
    from streamlit.source_util import page_icon_and_name

    return page_icon_and_name(Path(page_file))[1]


def navigation() -> list[tuple[str, str, str]]:
    """(url_path, title, file) for Home (url_path "") and every page in ui.catalog.LABS."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from ui.catalog import HOME, LABS

    pages = [("", HOME.title, HOME.path)]
    pages += [(getattr(p, "url_path", None) or url_path_of(p.path), p.title, p.path) for p in LABS]
    return pages


# ---------------------------------------------------------------------------------------------
# Page helpers (Playwright sync API)
# ---------------------------------------------------------------------------------------------

# Idle: the script finished, no spinner, and no skeleton (Streamlit shows one while an
# element's code is still loading, e.g. on a cold browser cache, after the run has finished).
_IDLE_JS = """([idle, spinner]) => !!document.querySelector(idle)
    && !document.querySelector(spinner) && !document.querySelector('[data-testid="stSkeleton"]')"""


def wait_for_app(page, timeout_ms: int = 60_000, settle_ms: int = 400) -> None:
    """Wait until the script has run and stayed finished: state notRunning, no spinner, no
    element still loading.

    The condition must still hold after `settle_ms` (a page may rerun itself right after the
    first run, e.g. after setting query params), otherwise we wait again.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        remaining = max(1, int((deadline - time.monotonic()) * 1000))
        try:
            page.wait_for_function(
                _IDLE_JS, arg=[IDLE_SELECTOR, SPINNER_SELECTOR], timeout=remaining, polling=50
            )
        except Exception as exc:
            state = page.evaluate(
                "s => document.querySelector(s)?.getAttribute('data-test-script-state')",
                APP_SELECTOR,
            )
            raise AssertionError(
                f"app at {page.url} did not finish running within {timeout_ms} ms "
                f"(script state: {state!r})"
            ) from exc
        page.wait_for_timeout(settle_ms)
        if page.evaluate(_IDLE_JS, [IDLE_SELECTOR, SPINNER_SELECTOR]):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"app at {page.url} kept rerunning for {timeout_ms} ms")


def open_page(page, url: str, timeout_ms: int = 60_000) -> None:
    """Navigate to `url` and wait until the app has finished running."""
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_selector(APP_SELECTOR, timeout=timeout_ms)
    wait_for_app(page, timeout_ms)


def exception_texts(page) -> list[str]:
    """Text of every st.exception box on the page (empty list when none)."""
    return [t.strip() for t in page.locator(EXCEPTION_SELECTOR).all_inner_texts()]


def assert_no_exception(page) -> None:
    """Fail with the exception text if any `stException` element is on the page."""
    texts = exception_texts(page)
    if texts:
        joined = "\n---\n".join(t[:2000] for t in texts)
        raise AssertionError(f"{len(texts)} exception(s) on {page.url}:\n{joined}")


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "page"


def screenshot(page, name: str, max_height: int = 12_000) -> Path:
    """Save a full-page PNG to test-artifacts/<name>.png and return its path.

    Streamlit scrolls inside its own container, so Playwright's full_page alone would capture
    only the viewport: the viewport is stretched to the content height for the shot and then
    restored.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{_safe_name(name)}.png"
    size = page.viewport_size or {"width": 1400, "height": 1000}
    content_h = page.evaluate(
        """() => {
            const els = [document.documentElement, document.body,
                ...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"], section')];
            return Math.max(...els.map(e => e ? e.scrollHeight : 0));
        }"""
    )
    tall = min(max(size["height"], int(content_h)), max_height)
    if tall > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": tall})
        page.wait_for_timeout(400)  # let responsive charts relayout
        # charts that were out of sight now are in view and draw their figures
        page.wait_for_function(_LIVE_CHARTS_DRAWN_JS, timeout=15_000, polling=100)
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        if tall > size["height"]:
            page.set_viewport_size(size)
    return path


_LIVE_CHARTS_DRAWN_JS = """
() => [...document.querySelectorAll('.nnlab-chart')].every(el =>
  el.dataset.nnlabState === 'drawn' || el.textContent.startsWith('This chart could not'))
"""

# The first chart not drawn yet is scrolled into view (a live chart out of sight waits to be
# seen), then the next one on the following poll.
_CHARTS_JS = """
([sel, n]) => {
  const plots = [...document.querySelectorAll(sel)].map(
    el => el.matches('[data-testid="stPlotlyChart"]') ? el.querySelector('.js-plotly-plot') : el);
  if (plots.length < n) return false;
  return plots.every(el => {
    const data = el && el._fullData;
    if (!data || !el._fullLayout || (el.dataset.nnlabState ?? 'drawn') !== 'drawn') {
      if (el) el.scrollIntoView({block: 'center'});  // every() stops at the first undrawn one
      return false;
    }
    // a picture in the layout (viz.raster) counts as drawn, even in a chart with no traces
    if (el.querySelector('.imagelayer image')) return true;
    const shown = data.filter(t => t.visible === true);
    if (!shown.length) return false;
    // Something must actually be drawn: a non-trivial SVG path / image / text in the plot
    // layers, or a WebGL canvas for gl traces.
    const marks = el.querySelectorAll(
      '.plot path, .plot image, .plot text, .pielayer path, .barlayer path, .heatmaplayer image,' +
      '.contourlayer path, .layer-above path, .polarlayer path, .ternarylayer path, .scatterlayer path'
    );
    for (const m of marks) {
      if (m.tagName === 'path') {
        const d = m.getAttribute('d') || '';
        if (d.length > 4 && d !== 'M0,0Z') return true;
      } else {
        return true;
      }
    }
    if (shown.some(t => /gl|surface|mesh|volume|parcoords|splom/.test(t.type))) {
      return shown.some(t => (t._length ?? 1) > 0);
    }
    return false;
  });
}
"""


def wait_for_charts(page, n: int = 1, timeout_ms: int = 30_000) -> int:
    """Wait until at least `n` Plotly charts are on the page and every one has drawn a trace.

    Returns the number of charts. An empty chart (no visible trace, or traces with no points)
    makes this time out with an AssertionError.
    """
    try:
        page.wait_for_function(
            _CHARTS_JS, arg=[CHART_SELECTOR, n], timeout=timeout_ms, polling=100
        )
    except Exception as exc:
        report = page.evaluate(
            """sel => [...document.querySelectorAll(sel)].map(el => ({
                traces: (el._fullData || []).map(t => `${t.type}:${t.visible}:${t._length ?? '?'}`),
                paths: el.querySelectorAll('.plot path').length,
            }))""",
            PLOTLY_SELECTOR,
        )
        raise AssertionError(
            f"expected {n} drawn Plotly chart(s) on {page.url} within {timeout_ms} ms; "
            f"found {len(report)}: {report}"
        ) from exc
    return page.locator(CHART_SELECTOR).count()


# ui.live_chart keeps Plotly's list of a trace's data-array attributes per (trace type, array
# paths) instead of walking the schema each time; the kept list must be the one Plotly finds.
_ARRAY_ATTRS_JS = """sel => {
  const find = window.Plotly && window.Plotly.PlotSchema.findArrayAttributes;
  if (!find || !find.__nnlabMemo) return null;
  const keptByPlotly = find.__nnlabKept.size;  // filled by Plotly's own calls, before ours
  const bad = [];
  let traces = 0;
  for (const gd of document.querySelectorAll(sel)) {
    for (const t of gd._fullData || []) {
      traces += 1;
      const kept = JSON.stringify(find(t)), plotly = JSON.stringify(find.__nnlabOriginal(t));
      if (kept !== plotly) bad.push(`${t.type} #${t.index}: kept ${kept}, plotly ${plotly}`);
    }
  }
  return {traces, bad, keptByPlotly};
}"""


def array_attribute_mismatches(page) -> list[str]:
    """Traces of the page's drawn charts whose kept array-attribute list differs from
    Plotly's own (empty when none do); fails when live charts are drawn without the memo, or
    when Plotly drew them without going through it (a plotly.js that no longer calls
    PlotSchema.findArrayAttributes would lose the saving silently)."""
    report = page.evaluate(_ARRAY_ATTRS_JS, PLOTLY_SELECTOR)
    live = page.locator(".nnlab-chart.js-plotly-plot").count()
    assert report is not None or live == 0, "live charts drawn without the kept array lists"
    if report and live:  # Plotly itself goes through the kept lists (not only our calls)
        assert report["keptByPlotly"] > 0, "Plotly no longer calls findArrayAttributes"
    return report["bad"] if report else []


TOP_JS = """() => { window.scrollTo(0, 0); document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stAppViewContainer"], section').forEach(
    e => e.scrollTo(0, 0)); }"""


def walk_lecture(page, server: str, page_id: str, step: str, next_step: str,
                 lang: str = "ko") -> None:
    """Open a lecture link at ``step`` (the bar on top, projector type size), screenshot the
    first screen as projected (``<page_id>-lecture.png``) and the whole page, then press → and
    check the URL moves to ``next_step`` and the page runs clean."""
    open_page(page, f"{server}/?lang={lang}")  # Home first: registers the navigation
    open_page(page, f"{server}/{page_id}?lang={lang}&mode=lecture&step={step}")
    assert_no_exception(page)
    wait_for_charts(page, 1, timeout_ms=60_000)
    # one step bar (a button with a tooltip is drawn twice: Streamlit keeps a sizing copy)
    assert page.locator(".st-key-lecture_next").count() == 1
    page.evaluate(TOP_JS)  # the first screen, as the class sees it
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{page_id}-lecture.png"))
    screenshot(page, f"{page_id}-lecture-full")  # every chart at projector type size
    page.evaluate("document.activeElement && document.activeElement.blur()")  # keys: no widget
    page.keyboard.press("ArrowRight")
    page.wait_for_url(f"**step={next_step}**", timeout=60_000)
    wait_for_app(page)
    assert_no_exception(page)
    assert not page.js_errors, page.js_errors
