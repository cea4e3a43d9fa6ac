"""Training playground in Chromium: it trains and draws (pictures, replay, divergence), a URL
(old links with labels too) reopens the same experiment, uploads and weight imports are
validated, and the page reads in English and Korean (screenshots playground-en/-ko)."""

import math

import numpy as np
import pytest

BOUNDARY = ".st-key-pg_fig_boundary .js-plotly-plot"
THUMBS = ".st-key-pg_fig_thumbs .js-plotly-plot"
CURVES = ".st-key-pg_fig_curves .js-plotly-plot"


_ROOT_OPENED: set[str] = set()


def _load(page, url: str) -> None:
    """Open a playground URL and wait until its views (a fragment) are drawn."""
    from browser_util import (
        CHART_SELECTOR,
        assert_no_exception,
        open_page,
        wait_for_app,
        wait_for_charts,
    )

    open_page(page, url)
    # A new session can look idle for a moment before its first run starts.
    page.wait_for_selector(".st-key-pg_fig_curves .nnlab-chart", state="attached",
                           timeout=120_000)
    wait_for_app(page)
    assert_no_exception(page)
    wait_for_charts(page, page.locator(CHART_SELECTOR).count())


def _open_playground(page, base: str, query: str = "") -> None:
    from browser_util import open_page

    if base not in _ROOT_OPENED:
        # Warm the server on the root first (the deep-link case has its own smoke test).
        open_page(page, base)
        _ROOT_OPENED.add(base)
    _load(page, f"{base}/playground{query}")


def _metric_values(page) -> list[str]:
    return [t.strip() for t in page.locator('[data-testid="stMetricValue"]').all_inner_texts()]


def _check_replay(page) -> None:
    """The replay is the optimizer race's player (one look, one behaviour): ▶ plays the
    pictures of the 51 snapshots in the browser without a rerun, ❚❚ stops, the slider scrubs,
    and the slider has the theme's colour."""
    player = page.locator(".st-key-pg_fig_boundary .nnlab-chart-player")
    slider = player.locator('input[type="range"]')
    assert slider.get_attribute("max") == "50"  # one frame per snapshot
    assert slider.input_value() == "50" and "epoch 300" in player.inner_text()  # the timeline's
    accent = slider.evaluate("e => getComputedStyle(e).accentColor")
    assert accent == "rgb(59, 111, 212)", accent  # theme.primaryColor, as the optimizer's
    picture = page.locator(f"{BOUNDARY} .imagelayer image")
    last = picture.get_attribute("href")
    frames = page.evaluate("s => document.querySelector(s).__player.images", BOUNDARY)
    assert len(frames) == 51 and frames[-1] == last
    player.get_by_role("button", name="▶ Play").click()  # from epoch 0, the timeline at the end
    page.wait_for_timeout(1200)
    during = int(slider.input_value())
    assert 0 < during < 50, "the slider follows the playback"
    shown = picture.get_attribute("href")
    assert shown in frames and shown != last, "the picture follows"
    state = page.locator('[data-testid="stApp"]').get_attribute("data-test-script-state")
    assert state == "notRunning", "playback must not rerun the script"
    player.get_by_role("button", name="❚❚ Pause").click()
    paused = slider.input_value()
    page.wait_for_timeout(500)
    assert slider.input_value() == paused, "paused"
    slider.focus()
    page.keyboard.press("Home")  # scrubbing: label and picture follow the keyboard
    page.wait_for_function("([s, h]) => document.querySelector(s).getAttribute('href') === h",
                           arg=[f"{BOUNDARY} .imagelayer image", frames[0]], timeout=5_000)
    assert "epoch 0" in player.inner_text()
    page.keyboard.press("End")
    page.wait_for_function("([s, h]) => document.querySelector(s).getAttribute('href') === h",
                           arg=[f"{BOUNDARY} .imagelayer image", last], timeout=5_000)
    assert not page.js_errors, page.js_errors


@pytest.mark.browser
def test_browser_trains_and_renders(browser_page, streamlit_server):
    from browser_util import screenshot

    page = browser_page
    _open_playground(page, streamlit_server)
    for sel in (BOUNDARY, THUMBS):
        assert page.locator(f"{sel} .imagelayer image").count() == 1, sel
        assert page.locator(f"{sel} image").evaluate(
            "im => getComputedStyle(im).imageRendering") == "pixelated", sel
    assert page.locator(f"{CURVES} .scatterlayer path.js-line").count() >= 4
    assert page.locator(f"{BOUNDARY} .scatterlayer .point").count() == 350  # train points
    screenshot(page, "playground-default")
    _open_playground(page, streamlit_server,
                     "?pg_data=Three+spirals+(3+classes)&pg_layers=3&pg_w1=16&pg_w2=16"
                     "&pg_w3=16&pg_ep=300&pg_noise=0.02&pg_replay=true")
    _check_replay(page)
    screenshot(page, "playground-spirals3")
    _open_playground(page, streamlit_server,
                     "?pg_showtest=true&pg_act=Linear+(identity)&pg_opt=SGD&pg_lr=10.0&pg_ep=50")
    alerts = page.locator('[data-testid="stAlert"]').filter(has_text="Training diverged in epoch")
    assert alerts.count() == 1
    screenshot(page, "playground-diverged")


@pytest.mark.browser
def test_browser_url_reopens_the_same_settings(browser_page, streamlit_server, chromium_browser):
    page = browser_page
    query = ("?pg_data=Four+blobs+(4+classes)&pg_layers=1&pg_seed=7&pg_lr=0.03"
             "&pg_feat=x%E2%82%81&pg_feat=x%E2%82%82&pg_feat=x%E2%82%81%C2%B7x%E2%82%82")
    _open_playground(page, streamlit_server, query)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Four blobs" in sidebar.locator(".st-key-pg_data input").input_value()
    assert sidebar.locator(".st-key-pg_layers input[type=range]").input_value() == "1"
    assert sidebar.locator(".st-key-pg_seed input").input_value() == "7"
    metrics = _metric_values(page)
    # Change a setting in the page: the URL follows, and a fresh browser reopens that run.
    thumb = sidebar.locator(".st-key-pg_layers input[type=range]")
    from browser_util import wait_for_app

    for _ in range(2):  # 1 -> 2 (the default: dropped from the URL) -> 3
        thumb.focus()
        page.keyboard.press("ArrowRight")
        wait_for_app(page)
    page.wait_for_function("() => location.search.includes('pg_layers=3')")
    wait_for_app(page)
    url, after = page.url, _metric_values(page)
    assert "pg_seed=7" in url and "pg_data=blobs4" in url  # ids in the URL, not labels
    other = chromium_browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        _load(other, url)
        assert _metric_values(other) == after
        assert other.locator(".st-key-pg_layers input[type=range]").input_value() == "3"
    finally:
        other.context.close()
    assert len(metrics) == len(after) == 4


@pytest.mark.browser
def test_browser_upload_compare_and_import(browser_page, streamlit_server, tmp_path):
    from browser_util import screenshot, wait_for_app

    page = browser_page
    _open_playground(page, streamlit_server, "?pg_ep=40")
    uploader = page.locator(".st-key-pg_upload_file input[type=file]")
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n0,1,0\n1,abc,1\n")
    uploader.set_input_files(str(bad))
    wait_for_app(page)
    alert = page.locator('[data-testid="stSidebar"] [data-testid="stAlert"]')
    alert.first.wait_for()
    assert "column x2 is not numeric" in alert.first.inner_text()
    assert "XOR" in page.locator(".st-key-pg_data input").input_value()  # nothing changed
    rng = np.random.default_rng(0)
    good = tmp_path / "rings.csv"
    r = np.r_[rng.uniform(0, 40, 150), rng.uniform(60, 100, 150)]
    t = rng.uniform(0, 2 * math.pi, 300)
    lab = np.r_[np.zeros(150, int), np.ones(150, int)]
    rows = "\n".join(f"{500 + x:.3f},{200 + y:.3f},{c}" for x, y, c in
                     zip(r * np.cos(t), r * np.sin(t), lab, strict=True))
    good.write_text("x1,x2,label\n" + rows + "\n")
    uploader.set_input_files(str(good))
    wait_for_app(page)
    page.wait_for_function(
        "() => document.querySelector('.st-key-pg_data input')?.value === "
        "'Uploaded CSV: rings.csv'")
    wait_for_app(page)
    from browser_util import CHART_SELECTOR, assert_no_exception, wait_for_charts

    assert_no_exception(page)
    wait_for_charts(page, page.locator(CHART_SELECTOR).count())
    assert page.locator(".st-key-pg_fig_cmp_curves .js-plotly-plot").count() == 1  # 2 runs now
    screenshot(page, "playground-upload-compare")
    # Weights import: a file for another network is refused with the reason; a fitting one
    # becomes the starting point (epoch 0 shows exactly its weights).
    from nncore import init_mlp
    from nncore.playground import params_to_json

    page.locator("summary").filter(has_text="Import weights").click()
    importer = page.locator(".st-key-pg_import_file input[type=file]")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(params_to_json(init_mlp([2, 8, 2], "he_normal", np.random.default_rng(0))))
    importer.set_input_files(str(wrong))
    wait_for_app(page)
    msg = page.locator('[data-testid="stAlert"]').filter(has_text="Could not use wrong.json")
    msg.first.wait_for()
    text = msg.first.inner_text()
    assert "missing W3, b3" in text and "holds a 2-8-2 network, this one is 2-8-8-2" in text
    assert "Nothing was changed" in text
    zeros = {k: np.zeros_like(v) for k, v in
             init_mlp([2, 8, 8, 2], "he_normal", np.random.default_rng(0)).items()}
    good_w = tmp_path / "zeros.json"
    good_w.write_text(params_to_json(zeros))
    importer.set_input_files(str(good_w))
    wait_for_app(page)
    page.locator('[data-testid="stAlert"]').filter(has_text="Using imported weights").first.wait_for()
    wait_for_app(page)
    assert_no_exception(page)
    epoch = page.locator(".st-key-pg_epoch input[type=range]")
    epoch.focus()
    page.keyboard.press("Home")
    wait_for_app(page)
    # All-zero weights predict 50/50 everywhere: the loss at epoch 0 is log 2.
    assert _metric_values(page)[:2] == ["0", f"{math.log(2):.4f}"]
    screenshot(page, "playground-imported")


TITLES = {"en": "Training playground", "ko": "학습 놀이터"}
FORMULAS = {"en": "The formulas behind these settings", "ko": "이 설정들 뒤에 있는 수식"}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_browser_page_in_both_languages(browser_page, streamlit_server, lang):
    """The page in each language, with the batch-norm warning and the formulas open; the URL
    holds ids only (the same link in both languages)."""
    from browser_util import screenshot, wait_for_app

    page = browser_page
    _open_playground(page, streamlit_server,
                     f"?lang={lang}&pg_data=moons&pg_bn=true&pg_bs=2&pg_showtest=true")
    assert page.locator("h1").first.inner_text().strip() == TITLES[lang]
    page.locator("summary").filter(has_text=FORMULAS[lang]).click()
    wait_for_app(page)
    assert page.locator(".katex").count() >= 4  # loss, batch norm, dropout, optimizer
    alerts = page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert any(("batch size 2" if lang == "en" else "배치 크기 2") in a for a in alerts)
    assert "pg_data=moons" in page.url and "pg_bs=2" in page.url
    screenshot(page, f"playground-{lang}")


@pytest.mark.browser
def test_browser_lecture_mode_and_a_pooled_run_with_its_progress(browser_page, streamlit_server):
    """A long round not yet cached trains in the worker pool: a progress bar and the boundary so
    far are drawn while it trains (screenshot playground-training); then the lecture step bar
    (playground-lecture) on the overfitting step, in Korean."""
    import time

    from browser_util import screenshot

    page = browser_page
    seed = int(time.time()) % 900_000 + 1000  # a run no earlier test put in the shared cache
    # page.goto, not open_page: that one waits until the run (and its progress bar) is over
    page.goto(f"{streamlit_server}/playground?lang=ko&pg_data=spirals&pg_layers=3"
                    f"&pg_w1=32&pg_w2=32&pg_w3=32&pg_act=relu&pg_ep=400&pg_seed={seed}")
    page.wait_for_selector('[data-testid="stProgress"]', timeout=120_000)
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)  # the boundary so far
    screenshot(page, "playground-training")
    _load(page, f"{streamlit_server}/playground?lang=ko&mode=lecture&step=overfit")
    bar = page.locator(".st-key-lecture_next").first
    assert bar.is_visible()
    texts = page.locator("[data-testid='stMarkdownContainer']").all_inner_texts()
    assert any("과적합" in t and "12단계 중 10단계" in t for t in texts)
    assert "step=overfit" in page.url
    screenshot(page, "playground-lecture")


@pytest.mark.browser
def test_a_phones_neuron_grid_keeps_its_layer_names_apart(chromium_browser, streamlit_server):
    """390x844, the vanishing-gradient step (six sigmoid layers of 8): each layer's name fits
    over its block of tiles ("1층 Sigmoid2층 Sigmoid…" ran together): the type shrinks to fit,
    not below 10 px. Screenshot test-artifacts/playground-phone-thumbs.png."""
    from browser_util import ARTIFACTS, open_page, wait_for_charts

    context = chromium_browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_page(page, f"{streamlit_server}/playground?lang=ko&mode=lecture&step=vanishing")
    page.locator(".st-key-pg_fig_thumbs .nnlab-chart").scroll_into_view_if_needed(
        timeout=60_000)  # drawn once in sight
    wait_for_charts(page, 1)
    page.wait_for_function("s => { const gd = document.querySelector(s);"
                           " return gd && gd._fullLayout && gd.querySelector('.annotation'); }",
                           arg=THUMBS, timeout=60_000)
    boxes = page.evaluate(f"""() => [...document.querySelectorAll('{THUMBS} .annotation-text')]
        .filter(t => /Sigmoid/.test(t.textContent)).map(t => {{
          const r = t.getBoundingClientRect();
          return [r.left, r.right, parseFloat(getComputedStyle(t).fontSize)]; }})""")
    page.locator(THUMBS).screenshot(path=str(ARTIFACTS / "playground-phone-thumbs.png"))
    assert len(boxes) == 6, boxes
    boxes.sort()
    assert all(a[1] + 2 <= b[0] for a, b in zip(boxes, boxes[1:], strict=False)), boxes
    assert min(size for *_, size in boxes) >= 10
    context.close()
