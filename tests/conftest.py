"""Shared fixtures: the repo root on sys.path, a Streamlit server, headless Chromium.

Browser fixtures (mark such tests `@pytest.mark.browser`):
- `streamlit_server`  (session): base URL of `streamlit run app.py` on a free localhost port.
- `chromium_browser`  (session): a Playwright (sync API) Chromium browser.
- `browser_page`      (function): a fresh context + page, viewport 1400x1000, closed after.

Helpers to import in test modules: `from browser_util import open_page, wait_for_app,
assert_no_exception, screenshot, wait_for_charts, navigation, url_path_of`.

Chromium: env CHROMIUM, else /usr/bin/chromium, else Playwright's own browser. When none works
the browser tests are skipped with the reason; with REQUIRE_BROWSER=1 (set by .ci/run) they fail.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
for p in (str(REPO_ROOT), str(Path(__file__).resolve().parent)):
    if p not in sys.path:
        sys.path.insert(0, p)

# AppTest runs app.py, which would start the preset warm-up (ui/warm.py): tests warm explicitly
os.environ.setdefault("NNLAB_WARM", "0")

from browser_util import (  # noqa: E402
    ARTIFACTS,
    BrowserUnavailable,
    chromium_candidates,
    launch_chromium,
    screenshot,
    serve_streamlit,
)

VIEWPORT = {"width": 1400, "height": 1000}


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: real-browser test in headless Chromium (slow)")


def pytest_report_header(config):
    executable, tried = chromium_candidates()
    where = executable or "Playwright's bundled browser, if installed (" + "; ".join(tried) + ")"
    return f"browser tests: Chromium = {where}; REQUIRE_BROWSER={int(_require_browser())}"


def _require_browser() -> bool:
    return os.environ.get("REQUIRE_BROWSER", "") not in ("", "0", "false", "no")


def _unavailable(reason: str):
    """Skip (default) or fail (REQUIRE_BROWSER=1) the current test with `reason`."""
    if _require_browser():
        pytest.fail(
            f"browser required (REQUIRE_BROWSER=1) but unavailable: {reason}", pytrace=False
        )
    pytest.skip(f"browser unavailable: {reason}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the item so browser_page can screenshot failures.
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


@pytest.fixture(scope="session")
def streamlit_server():
    """Base URL (http://127.0.0.1:<port>) of `streamlit run app.py`, started once per session."""
    with serve_streamlit("app.py") as url:
        yield url


@pytest.fixture(scope="session")
def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the environment
        _unavailable(f"the playwright package is not installed ({exc})")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def chromium_browser(_playwright):
    """Headless Chromium (Playwright sync API), launched once per session."""
    try:
        browser = launch_chromium(_playwright)
    except BrowserUnavailable as exc:
        _unavailable(str(exc))
    yield browser
    browser.close()


@pytest.fixture
def browser_page(chromium_browser, request):
    """A new page in a fresh 1400x1000 context. Page errors (uncaught JS) are collected in
    `page.js_errors`. On test failure a screenshot goes to test-artifacts/FAILED-<test>.png."""
    context = chromium_browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda err: page.js_errors.append(str(err)))
    yield page
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed and not page.is_closed():
        try:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            screenshot(page, f"FAILED-{request.node.name}")
        except Exception:  # best effort only; the test already failed
            pass
    context.close()
