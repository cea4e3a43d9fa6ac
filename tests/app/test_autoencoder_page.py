"""The autoencoder page: every view in both languages (no exception, clean charts, downloads,
payload), and the URL round trip of its settings."""

import pytest
from app_util import assert_clean_figures, open_lab, open_lecture_step, open_link, payload_bytes
from app_util import exception_text as _errors

import labs.autoencoder as page
from ui.strings.autoencoder import T

PAGE = "labs/autoencoder.py"
VIEWS = ["recon", "sweep", "code", "denoise", "pretrain", "manifold"]
CHARTS = {"recon": 2, "sweep": 1, "code": 1, "denoise": 1, "pretrain": 1, "manifold": 1}
TITLE = {"en": "Autoencoders", "ko": "오토인코더"}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_in_both_languages(view, lang):
    at = open_lab(PAGE, query={"lang": lang, "ae_view": view})
    assert not at.exception, _errors(at)
    assert at.title[0].value == TITLE[lang]
    assert len(assert_clean_figures(at)) == CHARTS[view]
    assert len([b for b in at.get("download_button") if b.key.startswith("ae_")]) == CHARTS[view]
    assert payload_bytes(at) <= 300_000
    assert not at.warning and not at.error  # no divergence, no crash at the defaults
    text = " ".join(m.value for m in at.markdown)
    if lang == "ko":  # the sentences about the numbers are Korean too
        assert any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _param(at, key):
    value = at.query_params[key]
    return value[-1] if isinstance(value, list) else value


def test_url_round_trip():
    query = {"lang": "en", "ae_view": "denoise", "ae_k": "4", "ae_epochs": "20",
             "ae_noise": "mask", "ae_level": "0.5", "ae_labels": "50", "ae_shape": "circle"}
    at = open_lab(PAGE, query=query)
    assert not at.exception, _errors(at)
    assert at.slider(key="ae_k").value == 4
    assert at.select_slider(key="ae_epochs").value == 20
    assert at.radio(key="ae_noise").value == "mask"
    assert at.slider(key="ae_level").value == 0.5
    assert at.select_slider(key="ae_labels").value == 50
    assert at.radio(key="ae_shape").value == "circle"
    assert _param(at, "ae_view") == "denoise"  # the id, never a translated label
    assert _param(at, "ae_noise") == "mask"


def test_settings_reach_the_url():
    at = open_lab(PAGE, query={"lang": "ko"}, state={"ae_view": "manifold", "ae_k": 16,
                                                     "ae_shape": "circle"})
    assert not at.exception, _errors(at)
    assert _param(at, "ae_view") == "manifold"
    assert _param(at, "ae_k") == "16"
    assert _param(at, "ae_shape") == "circle"


def test_label_sweep_in_both_languages():
    for lang in ("en", "ko"):
        at = open_lab(PAGE, query={"lang": lang, "ae_view": "pretrain", "ae_label_sweep": "true"})
        assert not at.exception, _errors(at)
        assert at.toggle(key="ae_label_sweep").value is True
        assert len(assert_clean_figures(at)) == 2
        assert len([b for b in at.get("download_button") if b.key.startswith("ae_")]) == 2
        assert payload_bytes(at) <= 300_000


@pytest.mark.parametrize("step", list(page.LECTURE))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lecture_step_opens_with_its_settings(step, lang):
    want = page.lecture_steps()[list(page.LECTURE).index(step)].settings
    at = open_lecture_step(PAGE, step, lang, title=T(f"step.{step}", lang),
                           text=T(f"step_text.{step}", lang, **page.step_fields(step)),
                           settings=want)
    view = want["ae_view"]
    assert len(assert_clean_figures(at)) == CHARTS[view]
    assert not at.warning and not at.error


def test_lecture_steps_follow_the_notes_and_walk_in_order():
    order = list(page.LECTURE)
    views = [page.lecture_steps()[i].settings["ae_view"] for i in range(len(order))]
    # AE, its code as a feature, stacked AE (pre-training), denoising AE: the notes' order
    assert views.index("code") < views.index("pretrain") < views.index("denoise")
    at = open_link(PAGE, {"lang": "en", "mode": "lecture"}, timeout=300)
    assert at.query_params["step"] == order[0] and at.session_state["ae_view"] == "recon"
    at.button(key="lecture_next").click().run()
    assert not at.exception, _errors(at)
    assert at.query_params["step"] == order[1] and at.session_state["ae_view"] == views[1]
