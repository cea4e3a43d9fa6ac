"""Optimizer lab in Chromium: en and ko screenshots, playback, presets, old links, legends,
zoom. Look at the screenshots in test-artifacts/ (optimizers-en.png, optimizers-ko.png...)."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.mark.browser
def test_browser_optimizers_in_english_and_korean(browser_page, streamlit_server):
    """Both languages draw the race, the loss curves and the table; the player uses the
    theme's colour; no number in the table wraps; the schedule's label is not cut off."""
    from browser_util import assert_no_exception, open_page, screenshot, wait_for_charts

    from nncore.optim import SCHEDULES
    from ui.strings.optimizers import T

    page = browser_page
    open_page(page, streamlit_server)
    for lang in ("en", "ko"):
        title, play = T("title", lang), T("fig.play", lang)
        open_page(page, f"{streamlit_server}/optimizers?lang={lang}")
        assert wait_for_charts(page, 2) >= 2
        assert_no_exception(page)
        assert page.get_by_role("heading", name=title).count() == 1
        player = page.locator(".nnlab-chart-player").first
        assert player.get_by_role("button", name=play).count() == 1
        accent = player.locator('input[type="range"]').evaluate(
            "e => getComputedStyle(e).accentColor")
        assert accent == "rgb(59, 111, 212)", accent  # theme.primaryColor, not Streamlit red
        cells = page.locator(".nnlab-table td")
        heights = cells.evaluate_all("cs => cs.map(c => c.getBoundingClientRect().height)")
        assert heights and max(heights) < 1.6 * min(heights), "a number wrapped in the table"
        # every schedule's name fits its box ("Cosine annealing" was cut off)
        names = [T(f"sched.{k}", lang) for k in SCHEDULES]
        room = page.locator(".st-key-opt_sched input").evaluate(
            """(e, names) => { const s = getComputedStyle(e);
                const c = document.createElement('canvas').getContext('2d'); c.font = s.font;
                const free = e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
                return Math.min(...names.map(n => free - c.measureText(n).width)); }""", names)
        assert room >= 0, f"a schedule name is {-room:.0f} px too wide"
        screenshot(page, f"optimizers-{lang}")
    # an old link (labels, as Streamlit's bind wrote them) opens the same story in Korean
    open_page(page, f"{streamlit_server}/optimizers?lang=ko&opt_preset=The+saddle+point")
    wait_for_charts(page, 2)
    assert_no_exception(page)
    assert "opt_preset=saddle" in page.url and "opt_surface=saddle" in page.url
    assert "안장점" in page.locator('[data-testid="stAlertContentSuccess"]').inner_text()
    screenshot(page, "optimizers-ko-saddle")
    assert not [e for e in page.js_errors if "ResizeObserver" not in e]

@pytest.mark.browser
def test_browser_race_playback_presets_and_screenshots(browser_page, streamlit_server):
    from browser_util import (
        PLOTLY_SELECTOR,
        assert_no_exception,
        open_page,
        screenshot,
        wait_for_app,
        wait_for_charts,
    )

    page = browser_page
    open_page(page, streamlit_server)  # a first visit, so the deep link below is routed by app.py
    open_page(page, f"{streamlit_server}/optimizers")
    assert_no_exception(page)
    assert wait_for_charts(page, 2) >= 2
    screenshot(page, "optimizers-default")

    # Playback runs in the browser: ▶ moves the comets and the step slider under the map
    # while the script stays idle; ❚❚ stops it where it is.
    race = page.locator(PLOTLY_SELECTOR).first
    player = page.locator(".nnlab-chart-player").first
    step_slider = player.locator('input[type="range"]')
    last = int(step_slider.get_attribute("max"))
    assert last == int(step_slider.input_value()) >= 30 and "step 1000" in player.inner_text()

    def comet_x():
        return page.evaluate("s => { const gd = document.querySelector(s);"
                             " return Array.from(gd._fullData[gd.__player.trace].x); }",
                             PLOTLY_SELECTOR)

    at_end = comet_x()
    player.get_by_role("button", name="▶ Play").click()
    page.wait_for_timeout(1200)
    during = int(step_slider.input_value())
    assert 0 < during < last, "the step slider follows the playback"
    assert comet_x() != at_end, "the comets move"
    state = page.locator('[data-testid="stApp"]').get_attribute("data-test-script-state")
    assert state == "notRunning", "playback must not rerun the script"
    player.get_by_role("button", name="❚❚ Pause").click()
    page.wait_for_timeout(300)
    paused = int(step_slider.input_value())
    page.wait_for_timeout(400)
    assert int(step_slider.input_value()) == paused, "paused"
    # scrubbing: the slider's label and the comets follow the keyboard
    step_slider.focus()
    page.keyboard.press("End")
    page.wait_for_timeout(300)
    assert "step 1000" in player.inner_text() and comet_x() == at_end
    assert not page.js_errors, page.js_errors

    # hover still works after playback (Plotly drops hover events after an animation that
    # ends without a redraw; the player redraws when it stops)
    box = race.locator(".nsewdrag").first.bounding_box()
    hover_label = race.locator(".hoverlayer .hovertext")
    for fx in np.linspace(0.2, 0.8, 13):  # sweep the map until a path answers
        page.mouse.move(box["x"] + fx * box["width"], box["y"] + 0.55 * box["height"])
        page.wait_for_timeout(120)  # Plotly draws the hover label a frame or two later
        if hover_label.count():
            break
    assert hover_label.count() >= 1

    # a click on the map moves the start point there (the invisible picker grid), also after
    # playback
    area = page.locator(PLOTLY_SELECTOR).first.locator(".nsewdrag").first.bounding_box()
    page.mouse.move(area["x"] + 0.75 * area["width"], area["y"] + 0.3 * area["height"])
    page.mouse.click(area["x"] + 0.75 * area["width"], area["y"] + 0.3 * area["height"])
    page.wait_for_function("() => location.search.includes('opt_x0=')", timeout=30_000)
    wait_for_app(page)
    wait_for_charts(page, 2)
    assert "opt_y0=" in page.url
    x0 = float(page.locator(".st-key-opt_x0 input").input_value())
    y0 = float(page.locator(".st-key-opt_y0 input").input_value())
    assert 0.5 < x0 < 1.5 and 1.5 < y0 < 2.2  # Rosenbrock box: x in [-2, 2], y in [-1, 3]

    # a preset with a diverging optimizer
    page.get_by_role("radio", name="Too large a learning rate").click()
    wait_for_app(page)
    wait_for_charts(page, 2)
    assert_no_exception(page)
    warning = page.locator('[data-testid="stAlertContentWarning"]')
    assert "SGD (step" in warning.first.inner_text()
    assert "opt_preset=" in page.url  # the story is part of the link
    screenshot(page, "optimizers-diverge")

    # the view below the race: the internals of one optimizer instead of the summary
    page.locator(".st-key-opt_below").get_by_text("Inside one optimizer").click()
    wait_for_app(page)
    assert wait_for_charts(page, 4) >= 4
    assert_no_exception(page)
    assert "opt_below=" in page.url
    assert page.locator('[data-testid="stTable"]').count() == 0
    screenshot(page, "optimizers-internals")

    # the 3D toggle
    page.get_by_text("3D view").click()
    wait_for_app(page)
    wait_for_charts(page, 4)
    assert_no_exception(page)
    assert page.locator(".gl-container, .js-plotly-plot .gl-container").count() >= 1
    screenshot(page, "optimizers-3d")

    # a hyperparameter: its slider appears when the optimizer's expander opens; a step of it
    # goes into the link and stays there when the expander closes again
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.locator(".st-key-opt_sgd_lr").count() == 0
    sidebar.locator(".st-key-opt_open_sgd summary").click()
    wait_for_app(page)
    sidebar.locator(".st-key-opt_sgd_lr input[type='range']").focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => location.search.includes('opt_sgd_lr=')", timeout=30_000)
    wait_for_app(page)
    sidebar.locator(".st-key-opt_open_sgd summary").click()
    wait_for_app(page)
    assert sidebar.locator(".st-key-opt_sgd_lr").count() == 0 and "opt_sgd_lr=" in page.url

    # the update rules are typeset when their expander opens
    katex = page.locator(".katex").count()
    page.get_by_text("Update rules of the optimizers in the race").click()
    wait_for_app(page)
    page.wait_for_function(f"() => document.querySelectorAll('.katex').length > {katex}")
    assert_no_exception(page)

    # Rosenbrock story, a custom formula
    open_page(page, f"{streamlit_server}/optimizers?opt_preset=Adam+vs+SGD+on+Rosenbrock"
                    "&opt_surface=Rosenbrock&opt_set=SGD&opt_set=Adam&opt_steps=2000"
                    "&opt_adam_lr=0.1")
    wait_for_charts(page, 2)
    assert_no_exception(page)
    screenshot(page, "optimizers-rosenbrock")
    open_page(page, f"{streamlit_server}/optimizers?opt_surface=Custom+formula"
                    "&opt_expr=x**2%20%2B%2010*sin(y)")
    wait_for_charts(page, 2)
    assert_no_exception(page)
    screenshot(page, "optimizers-custom")
    assert not [e for e in page.js_errors if "ResizeObserver" not in e]


@pytest.mark.browser
def test_browser_zoom_lasts_while_the_run_changes(browser_page, streamlit_server):
    """A student zooms into the valley, then moves the gradient noise: the paths change and
    the zoom stays, instead of jumping back to the whole box. Both ways the live chart can
    update: moving the paths alone (Plotly.animate, the noise step's way) and a full
    Plotly.react, where layout.uirevision keeps the zoom (fails without it)."""
    from browser_util import (
        PLOTLY_SELECTOR,
        assert_no_exception,
        open_page,
        wait_for_app,
        wait_for_charts,
    )

    page = browser_page
    open_page(page, f"{streamlit_server}/optimizers")
    wait_for_charts(page, 2)
    race = page.locator(PLOTLY_SELECTOR).first
    race.scroll_into_view_if_needed()
    box = race.locator(".nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + 0.3 * box["width"], box["y"] + 0.3 * box["height"])
    page.mouse.down()
    page.mouse.move(box["x"] + 0.6 * box["width"], box["y"] + 0.6 * box["height"], steps=8)
    page.mouse.up()
    page.evaluate("s => { window.__ranges = () => { const L = document.querySelector(s)"
                  "._fullLayout; return [L.xaxis.range.slice(), L.yaxis.range.slice()]; }; }",
                  PLOTLY_SELECTOR)
    page.wait_for_function("() => window.__ranges()[0][1] - window.__ranges()[0][0] < 3")
    zoomed = page.evaluate("() => window.__ranges()")

    for how in ("animate", "react"):
        page.evaluate(f"() => {{ window.__nnlabNoQuick = {str(how == 'react').lower()};"
                      " window.__nnlabDraws = []; }")
        before = _drawn_sgd_path(page)
        page.locator(".st-key-opt_noise input[type='range']").focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([s, before]) => { const gd = document.querySelector(s);"
            " return JSON.stringify(Array.from(gd._fullData[1].x)) !== before; }",
            arg=[PLOTLY_SELECTOR, before], timeout=30_000)
        wait_for_app(page)
        assert_no_exception(page)
        race_key = page.evaluate("s => document.querySelector(s).dataset.key", PLOTLY_SELECTOR)
        draws = page.evaluate("() => window.__nnlabDraws")
        assert [d[3] for d in draws if d[0] == race_key] == [how]
        np.testing.assert_allclose(page.evaluate("() => window.__ranges()"), zoomed)


def _drawn_sgd_path(page) -> str:
    from browser_util import PLOTLY_SELECTOR

    return page.evaluate("s => JSON.stringify(Array.from(document.querySelector(s)"
                         "._fullData[1].x))", PLOTLY_SELECTOR)


@pytest.mark.browser
def test_browser_one_legend_for_the_race_and_the_loss_curves(browser_page, streamlit_server):
    """The loss curves show no legend of their own: a click on an optimizer in the race's legend
    shows it alone in both charts, and that choice lasts through a noise step (the race's paths
    move, the loss chart is drawn anew)."""
    from browser_util import assert_no_exception, open_page, wait_for_app, wait_for_charts

    page = browser_page
    open_page(page, f"{streamlit_server}/optimizers")
    wait_for_charts(page, 2)
    race, loss = (f".st-key-{k} .nnlab-chart" for k in ("opt_chart_race", "opt_chart_loss"))
    shown = ("sel => Object.fromEntries(document.querySelector(sel)._fullData"
             ".filter(t => t.legendgroup && t.showlegend !== false)"
             ".map(t => [t.legendgroup, t.visible === true]))")
    assert page.locator(loss).locator(".legend").count() == 0, "no legend on the loss curves"
    assert all(page.evaluate(shown, loss).values())

    page.locator(race).scroll_into_view_if_needed()
    page.locator(race).locator(".legend .traces", has_text="Adam").click()  # toggleothers
    page.wait_for_function(f"() => Object.values(({shown})('{loss}')).filter(v => v).length === 1")
    expected = {name: name == "adam" for name in page.evaluate(shown, race)}
    assert page.evaluate(shown, race) == expected and page.evaluate(shown, loss) == expected

    page.locator(".st-key-opt_noise input[type='range']").focus()
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    assert_no_exception(page)
    for sel in (race, loss):
        page.wait_for_selector(f"{sel}[data-nnlab-state='drawn']")
    assert page.evaluate(shown, race) == expected and page.evaluate(shown, loss) == expected
    assert not page.js_errors, page.js_errors


@pytest.mark.browser
def test_browser_optimizers_lecture_mode(browser_page, streamlit_server):
    """A lecture link opens its step with the step bar on top; Next and the → key move on.
    Look at test-artifacts/optimizers-lecture.png: the bar must read well on a projector."""
    from browser_util import assert_no_exception, open_page, screenshot, wait_for_charts

    from ui.strings.optimizers import T

    page = browser_page
    open_page(page, streamlit_server)
    open_page(page, f"{streamlit_server}/optimizers?lang=ko&mode=lecture&step=zigzag")
    assert wait_for_charts(page, 2) >= 2
    assert_no_exception(page)
    assert T("step.zigzag.title", "ko") in page.locator(".st-key-lecture_next").locator(
        "xpath=../../..").inner_text()
    screenshot(page, "optimizers-lecture")
    page.locator(".st-key-lecture_next button").first.click()
    page.wait_for_url("**step=saddle**")
    page.keyboard.press("ArrowRight")  # the focused button is the step bar's: keys move on
    # the URL is written as the run goes: the step first, its settings as their widgets draw
    page.wait_for_url(lambda url: "step=nesterov" in url
                      and "opt_set=sgd%2Cmomentum%2Cnesterov" in url, timeout=30_000)
    wait_for_charts(page, 2)
    assert_no_exception(page)


@pytest.mark.browser
def test_the_race_map_stays_large_on_a_projector(chromium_browser, streamlit_server):
    """At 1280 × 720 with the sidebar open, the race and the loss chart stack, so the race's
    map keeps over 500 px of width (side by side it had ~290 px); at 1600 px they share a row."""
    from browser_util import open_page, wait_for_charts

    for width, height, stacked in ((1280, 720, True), (1600, 900, False)):
        page = chromium_browser.new_page(viewport={"width": width, "height": height})
        try:
            open_page(page, f"{streamlit_server}/optimizers?lang=en")
            wait_for_charts(page, 2, timeout_ms=60_000)
            cols = page.evaluate(
                "() => [...document.querySelectorAll('.st-key-opt_race_row "
                "[data-testid=stColumn]')].map(c => c.getBoundingClientRect().top)")
            assert len(cols) == 2 and (cols[1] > cols[0] + 100) == stacked, cols
            plot = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
            assert plot["width"] > (500 if stacked else 400), plot
        finally:
            page.close()
