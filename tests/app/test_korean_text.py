"""No English-only text on a Korean page: every page runs with ?lang=ko, and every text it shows
(titles, markdown, captions, messages, widget labels and options, chart titles, axis titles,
legend names, annotations, hover templates) must carry Hangul unless it is only symbols,
numbers, formulas, code, or names that stay Latin in Korean (Adam, ReLU, XOR...).
"""

from __future__ import annotations

import json
import re

import pytest
from app_util import exception_text, open_lab

from ui.catalog import HOME, LABS
from ui.live_chart import app_chart_jsons

# Words that stay Latin in a Korean text: names of methods, functions, data sets, units, file
# formats, and the lecture's own Latin symbols.
LATIN_OK = {
    w.lower()
    for w in """
    english adam adamw nadam radam sgd momentum nesterov adagrad rmsprop adadelta relu leaky elu gelu
    selu swish silu softplus tanh sigmoid maxout softmax identity linear hard lecun xavier glorot
    he orthogonal kaiming normal uniform xor and or nand nor not mlp mse bce ce csv json png svg
    html pca numpy nncore plotly streamlit rosenbrock himmelblau rastrigin beale booth ackley
    saddle bowl styblinski tang mnist url id lr epoch epochs batch std var max min log exp sin cos tan sqrt abs
    pi inf nan rng seed step steps k n x y z w b a h u l1 l2 dropout cross entropy loss
    gradient grad dl dw da dz db auto iou rgb fan in out gamma beta mu sigma eps rho alpha
    lambda theta ok ab vs ms kb mb x1 x2 h1 h2 y1 y2 w1 w2 b1 b2 i ii iii iv
    """.split()
}
HANGUL = re.compile(r"[\uac00-\ud7a3]")
CODE = re.compile(r"`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|https?://\S+|%\{[^}]*\}|<[^>]+>|:material/\w+:")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def english_only(text: str) -> str | None:
    """The English words of ``text`` if it has no Hangul and at least one Latin word (≥ 3
    letters) that is not a name kept in Latin; None when the text is fine in a Korean page."""
    if not isinstance(text, str) or HANGUL.search(text):
        return None
    bare = CODE.sub(" ", text)
    words = [w for w in WORD.findall(bare) if len(w) >= 3 and w.lower().strip("'’-") not in LATIN_OK]
    return " ".join(words) if words else None


def test_the_detector():
    assert english_only("Learning rate") == "Learning rate"
    assert english_only("학습률 (learning rate)") is None
    assert english_only("Adam, SGD · ReLU") is None
    assert english_only("`x**2` $\\sigma(x)$ 0.25") is None
    assert english_only("Run to convergence") == "Run convergence"


def _element_texts(at) -> list[str]:
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "error", "success"):
        texts += [e.value for e in at.get(kind)]
    for kind in ("button", "slider", "select_slider", "selectbox", "radio", "toggle",
                 "checkbox", "number_input", "text_input", "multiselect", "expander",
                 "tab", "download_button", "button_group", "text_area"):
        for e in at.get(kind):
            label = getattr(e, "label", None) or getattr(e.proto, "label", None)
            texts.append(label)
            texts += list(getattr(e.proto, "options", []) or [])
            texts.append(getattr(e.proto, "help", None))
    return [t for t in texts if isinstance(t, str) and t.strip()]


def _figure_texts(spec) -> list[str]:
    out: list[str] = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("text", "name", "hovertemplate", "title",
                                               "label", "ticktext", "legendgrouptitle"):
            out.append(node)

    walk({k: v for k, v in spec.items() if k in ("data", "layout", "frames")})
    return out


@pytest.mark.parametrize("info", [HOME, *LABS], ids=[p.id for p in [HOME, *LABS]])
def test_korean_page_shows_no_english_only_text(info):
    at = open_lab(info.path, query={"lang": "ko"})
    assert not at.exception, exception_text(at)
    texts = _element_texts(at)
    for raw in app_chart_jsons(at):
        texts += _figure_texts(json.loads(raw))
    hangul = [t for t in texts if HANGUL.search(t)]
    assert hangul, "no Korean text at all"
    bad = sorted({t[:120] for t in texts if english_only(t)})
    assert not bad, f"{info.id}: English-only text on the Korean page:\n" + "\n".join(bad)
