"""Settings by their labels (ui.share.setting_label, ui/strings/share_labels.py): the HTML
download's settings table and the lecture step bar show every setting under its widget's own
label in the page's language (and a choice's value as drawn), never a URL id."""

import html
import importlib

import pytest
from app_util import exception_text, open_lab, open_link

from ui import share
from ui.catalog import LABS
from ui.strings.share_labels import LABELS
from ui.url_state import SHOWN
from viz.export import experiment_html

PAGES = {p.path.removesuffix(".py").split("/")[-1]: p.path for p in LABS}
WIDGETS = ("slider", "select_slider", "number_input", "toggle", "checkbox", "selectbox",
           "radio", "multiselect", "button_group", "text_input")


def page_module(page: str):
    return importlib.import_module(f"labs.{page}")


def step_keys(page: str) -> set[str]:
    module = page_module(page)
    steps = module.lecture_steps() if hasattr(module, "lecture_steps") else []
    return {k for step in steps for k in step.settings}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_entry_and_every_step_setting_has_a_label(lang):
    assert set(LABELS) == set(PAGES)  # every page has its table
    for page, table in LABELS.items():
        for key in set(table) | step_keys(page):
            label = share.setting_label(key, lang, state={})
            assert label and "{" not in label, (page, key)


def widgets(at):
    for kind in WIDGETS:
        yield from getattr(at, kind)


def check_widget_labels(at, page: str, lang: str, state: dict) -> int:
    """The table's label is the label the page drew, in its language; how many were checked."""
    drawn = 0
    for w in widgets(at):
        label = share.setting_label(w.key, lang, state)
        if label is None:  # not a setting (a button, a comparison picker)
            continue
        if isinstance(LABELS[page].get(w.key), tuple):  # "B · Scale s": which network
            label = label.rsplit(" · ", 1)[-1]
        assert label == w.label, w.key
        drawn += 1
    return drawn


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", list(PAGES))
def test_labels_are_the_widgets_and_the_html_shows_them(page, lang):
    at = open_lab(PAGES[page], query={"lang": lang})  # the default view
    assert not at.exception, exception_text(at)
    assert check_widget_labels(at, page, lang, {k: at.session_state[k] for k in at.session_state})
    at = open_link(PAGES[page], {"lang": lang, "mode": "lecture"})  # the first step
    assert not at.exception, exception_text(at)
    state = {k: at.session_state[k] for k in at.session_state}
    check_widget_labels(at, page, lang, state)
    params = {k: at.query_params[k][-1] if isinstance(at.query_params[k], list)
              else at.query_params[k] for k in at.query_params}
    rows = share.settings_rows(params, lang, state)
    written = [k for k in params if k not in share.NOT_SETTINGS]
    assert len(rows) == len(written)
    for key, (label, value) in zip(written, rows, strict=True):
        assert label != key and label == share.setting_label(key, lang, state), key
        shown = state.get(SHOWN, {}).get(key)
        if shown is not None and shown[0] == params[key]:  # a choice: its label, as drawn
            assert value == shown[1] and value
    text = experiment_html(title="t", intro="i", settings=rows, figures=[], link="x",
                           labels={k: k for k in ("settings", "name", "value", "live", "made")},
                           lang=lang)
    for label, value in rows:
        assert f"<td>{html.escape(label)}</td><td>{html.escape(value)}</td>" in text
    if written and step_keys(page) & set(written):  # the step bar lists what the step set
        sets = share.T("step_sets", lang)
        assert any(c.value.startswith(sets) for c in at.caption), page


def test_a_page_at_its_defaults_says_so_instead_of_an_empty_table():
    labels = {k: share.T(k, "ko") for k in ("settings", "name", "value", "live", "made",
                                              "defaults")}
    text = experiment_html(title="t", intro="i", settings=[], figures=[], link="x",
                           labels=labels, lang="ko")
    assert "<table>" not in text and html.escape(labels["defaults"]) in text
    text = experiment_html(title="t", intro="i", settings=[("학습률", "0.1")], figures=[],
                           link="x", labels=labels, lang="ko")
    assert "<td>학습률</td><td>0.1</td>" in text and labels["defaults"] not in text


def test_the_qr_link_opens_the_experiment_without_lecture_mode():
    """A phone gets every setting and the step, in the normal layout (lecture mode lays the
    page out for a projector); the lecturer's own link keeps it."""
    params = {"lang": "ko", "mode": "lecture", "step": "saddle", "opt_steps": "200"}
    base = "http://lab.example/optimizers"
    assert share.link(base, params) == f"{base}?lang=ko&mode=lecture&step=saddle&opt_steps=200"
    phone = share.link(base, params, for_phone=True)
    assert phone == f"{base}?lang=ko&step=saddle&opt_steps=200"
    assert share.link(base, {}, for_phone=True) == base
