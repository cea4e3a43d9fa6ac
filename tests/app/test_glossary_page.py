"""The glossary: every lecture term in both languages, filtered in either, linked to its page."""

import re

from app_util import exception_text, open_lab

from ui.catalog import LABS
from ui.strings.glossary import TERMS, T

PAGE = "labs/glossary.py"
LECTURE_TERMS = ["vanishing gradient", "overfitting", "regularization", "perceptron",
                 "backpropagation", "saturation", "dead ReLU", "batch normalization"]


def _html(at) -> str:
    return "".join(e.proto.body for e in at.get("html") if "nnlab-glossary" in e.proto.body)


def test_the_lecture_terms_are_there_in_both_languages():
    english = {T(f"{t}.en", "en") for t, _ in TERMS}
    assert set(LECTURE_TERMS) <= english
    korean = {T(f"{t}.ko", "ko") for t, _ in TERMS}
    assert {"기울기 소실", "과적합", "역전파", "배치 정규화", "포화"} <= korean
    assert "규제 (규제화)" in korean and "정규화" not in korean  # kept apart


def test_every_term_points_at_a_page_of_the_lab_or_one_planned():
    planned = {"approximation", "autoencoder", "perceptron", "backprop", "activations",
               "batchnorm", "regularization"}
    ids = {p.id for p in LABS}
    for term, page in TERMS:
        assert page in ids | planned, (term, page)
        assert T(f"where.{page}", "en") and T(f"where.{page}", "ko")


def test_korean_page_lists_every_term_with_links_that_keep_the_language():
    at = open_lab(PAGE, query={"lang": "ko"})
    assert not at.exception, exception_text(at)
    body = _html(at)
    assert body.count("<tr>") == len(TERMS) + 1
    links = re.findall(r'href="\./(\w+)\?lang=(\w+)"', body)
    assert links and all(lang == "ko" for _, lang in links)
    assert {page for page, _ in links} <= {p.id for p in LABS}
    assert "기울기 소실" in body and "vanishing gradient" in body


def test_filter_in_either_language_and_no_match_message():
    at = open_lab(PAGE, query={"lang": "en", "gl_q": "기울기 소실"})
    body = _html(at)
    assert body.count("<tr>") == 2 and "vanishing gradient" in body
    at = open_lab(PAGE, query={"lang": "ko", "gl_q": "overfit"})
    assert _html(at).count("<tr>") >= 2 and "과적합" in _html(at)
    at = open_lab(PAGE, query={"lang": "en", "gl_q": "zzz<script>"})
    assert not _html(at) and "zzz<script>" in at.info[-1].value  # shown as text, nothing else
