"""Every string table has the same keys in English and Korean, no empty text, and the same
{placeholders}; every page module's table is imported so none is missed."""

import importlib
import pkgutil

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
