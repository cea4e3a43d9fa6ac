"""Real-browser smoke test: every page of the navigation opens in headless Chromium, finishes
running without an exception, and leaves a screenshot in test-artifacts/."""

import pytest
from browser_util import assert_no_exception, navigation, open_page, screenshot

PAGES = navigation()


@pytest.mark.browser
@pytest.mark.parametrize("url_path,title,file", PAGES, ids=[p[0] or "home" for p in PAGES])
def test_page_renders(browser_page, streamlit_server, url_path, title, file):
    open_page(browser_page, f"{streamlit_server}/{url_path}")
    assert_no_exception(browser_page)
    screenshot(browser_page, f"page-{url_path or 'home'}")
    assert not browser_page.js_errors, browser_page.js_errors
