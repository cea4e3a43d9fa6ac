"""The Activations-and-vanishing-gradients page under AppTest: both languages, every preset,
every activation at once, the measured network, the URL round trip and the payload limit."""

from urllib.parse import parse_qs

import pytest
from app_util import assert_clean_figures, exception_text, open_lab, payload_bytes

from labs.activations import PRESETS
from nncore.vanishing import CURVE_NAMES

PAGE = "labs/activations.py"


def _open(lang="en", **query):
    at = open_lab(PAGE, state={"lang": lang}, query={k: str(v) for k, v in query.items()})
    assert not at.exception, exception_text(at)
    return at


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_page_runs_in_both_languages_with_every_preset(lang):
    at = _open(lang)
    assert at.title[0].value == ("Activations and vanishing gradients" if lang == "en"
                                 else "활성화 함수와 기울기 소실")
    assert len(assert_clean_figures(at)) == 4 and payload_bytes(at) <= 300_000
    assert len([b for b in at.get("download_button") if b.key.startswith("act_")]) == 3
    for name in PRESETS:
        at.button(key=f"act_preset_{name}").click().run()
        assert not at.exception, exception_text(at)
        assert at.button(key=f"act_preset_{name}").proto.type == "primary", name
        assert at.info  # the preset's explanation
        assert_clean_figures(at)
        assert payload_bytes(at) <= 300_000


def test_every_activation_at_once_with_identity_and_measurement():
    at = _open(act_acts=",".join(CURVE_NAMES), act_identity="true", act_depth=20, act_gain=4.0,
               act_s=0.1)
    assert len(assert_clean_figures(at)) == 4
    assert payload_bytes(at) <= 300_000
    assert at.multiselect(key="act_acts").value == list(CURVE_NAMES)


def test_url_round_trip_and_init_lab_links():
    at = _open(act_acts="tanh,relu", act_range=3, act_lin_depth=6, act_lin_act="tanh",
               act_depth=7, act_gain=2.0)
    assert at.multiselect(key="act_acts").value == ["tanh", "relu"]
    assert at.select_slider(key="act_range").value == 3
    assert at.slider(key="act_lin_depth").value == 6
    assert at.selectbox(key="act_lin_act").value == "tanh"
    assert at.slider(key="act_depth").value == 7
    assert at.query_params["act_lin_act"] in ("tanh", ["tanh"])
    links = at.get("page_link")
    assert len(links) == 2
    assert all(link.proto.page == "init_lab" for link in links)


def test_init_lab_link_parameters_reach_the_init_labs_widgets():
    # the link's query carries the init lab's stable ids; a small width keeps it fast
    at = _open(act_acts="sigmoid")
    (link,) = at.get("page_link")
    query = {k: v[0] for k, v in parse_qs(link.proto.query_string).items()}
    assert query == {
        "ini_act": "sigmoid",
        "ini_init": "normal",
        "ini_depth": "5",
        "ini_width": "100",
        "ini_n": "1000",
        "ini_seed": "0",
        "ini_scale": "1",
    }
    at = open_lab("labs/init_lab.py", query={
        "ini_act": "sigmoid", "ini_init": "normal", "ini_scale": "1", "ini_depth": "5",
        "ini_width": "16", "ini_n": "16"})
    assert not at.exception, exception_text(at)
    assert at.selectbox(key="ini_act").value == "sigmoid"
    assert at.selectbox(key="ini_init").value == "normal"
    assert at.select_slider(key="ini_scale").value == 1.0


# ---- lecture mode: every step in both languages, in order; a link opens its step ------------


def _lecture(query: dict):
    """The page as a lecture link opens it (?mode=lecture is read on a session's first run)."""
    from app_util import open_link

    return open_link(PAGE, query, timeout=120)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lecture_steps_walk_through_in_order(lang):
    from labs.activations import LECTURE, step_fields, step_values
    from ui.strings.activations import T

    sections = ("curves", "linear", "vanish")
    at = _lecture({"lang": lang, "mode": "lecture"})
    for i, sid in enumerate(LECTURE):
        if i:
            at.button(key="lecture_next").click().run()
        assert not at.exception, exception_text(at)
        assert at.query_params["step"] == sid
        for key, value in step_values(sid).items():
            assert at.session_state[key] == value, (sid, key)
        assert not any(b.key.startswith("act_preset_") for b in at.button)
        bar = "\n".join(m.value for m in at.markdown[:3])
        assert T(f"step.{sid}.text", lang, **step_fields(sid)) in bar
        heads = [h.value for h in at.main.subheader]
        assert heads[0] == T(sections[LECTURE[sid][0]], lang)  # the step's section first
        assert sorted(heads) == sorted(T(s, lang) for s in sections)
        assert_clean_figures(at)
    assert at.button(key="lecture_next").disabled
    at.button(key="lecture_prev").click().run()
    assert at.query_params["step"] == list(LECTURE)[-2]


def test_a_lecture_link_opens_its_step():
    from labs.activations import step_values

    at = _lecture({"lang": "ko", "mode": "lecture", "step": "he"})
    assert not at.exception, exception_text(at)
    for key, value in step_values("he").items():
        assert at.session_state[key] == value, key
    assert at.main.subheader[0].value == "깊이에 따른 기울기"  # its section first
