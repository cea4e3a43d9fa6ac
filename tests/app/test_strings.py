"""Every string table has the same keys in English and Korean, no empty text, and the same
{placeholders}; every page module's table is imported so none is missed."""

import importlib
import pkgutil
import re
import unicodedata

import ui.strings
from ui.i18n import REGISTRY, placeholders


def _load_all_tables() -> None:
    for mod in pkgutil.iter_modules(ui.strings.__path__):
        importlib.import_module(f"ui.strings.{mod.name}")
    importlib.import_module("labs.home")


def test_every_table_has_both_languages_with_the_same_keys_and_placeholders():
    _load_all_tables()
    assert "catalog" in REGISTRY and "home" in REGISTRY
    problems = [p for table in REGISTRY.values() for p in table.problems()]
    assert not problems, "\n".join(problems)


def test_placeholders_and_a_broken_table_is_reported():
    from ui.i18n import Strings

    assert placeholders("x {n} {lr:.3g} {{literal}}") == {"n", "lr"}
    bad = Strings("_broken", en={"a": "{n} points", "b": "x"}, ko={"a": "{m} 점", "c": " "})
    REGISTRY.pop("_broken")
    found = "\n".join(bad.problems())
    assert "'b' only in English" in found and "'c' only in Korean" in found
    assert "'a' placeholders differ" in found and "'c'" in found


def _kind(ch: str | None) -> str:
    """CommonMark's classes around a delimiter run: space (or the text's edge), punctuation
    (Unicode P* and S*), or other."""
    if ch is None or ch.isspace():
        return "space"
    return "punct" if unicodedata.category(ch)[0] in "PS" else "other"


def bold_that_does_not_render(text: str) -> list[str]:
    """``**`` pairs CommonMark leaves as literal asterisks: an opener must be left-flanking and
    a closer right-flanking. "**죽은 유닛(dead unit)**입니다" is the trap: a closer after
    punctuation needs space or punctuation after it, and Korean puts a particle there."""
    text = re.sub(r"\{[^{}]*\}", "0", text)  # a field filled in (a number, a name)
    out, i = [], 0
    for m in re.finditer(r"(?<!\*)\*\*(?!\*)", text):
        at = m.start()
        before = _kind(text[at - 1] if at > 0 else None)
        after = _kind(text[at + 2] if at + 2 < len(text) else None)
        if before == after == "space":  # "x ** 2": the operator, meant literally
            continue
        i += 1
        if i % 2 == 1:  # an opener: left-flanking
            ok = after != "space" and (after != "punct" or before != "other")
        else:  # a closer: right-flanking
            ok = before != "space" and (before != "punct" or after != "other")
        if not ok:
            out.append(text[max(0, at - 20):at + 22])
    return out


def test_bold_text_renders_in_both_languages():
    _load_all_tables()
    bad = [f"{table.name}.{key} ({lang}): …{snippet}…"
           for table in REGISTRY.values() for lang, texts in table.tables.items()
           for key, text in texts.items() if isinstance(text, str)
           for snippet in bold_that_does_not_render(text)]
    assert not bad, "\n".join(bad)


def test_the_bold_check_knows_the_trap():
    assert bold_that_does_not_render("ReLU 유닛 h1는 **죽은 유닛(dead unit)**입니다.")
    assert not bold_that_does_not_render("ReLU 유닛 h1는 **죽은 유닛**(dead unit)입니다.")
    assert not bold_that_does_not_render("**Converged.** Epoch 3 is the first.")
    assert bold_that_does_not_render("a **bold **word")
    assert not bold_that_does_not_render("+ - * / ** and **{k}**개")  # an operator, a field
