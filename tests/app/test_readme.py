"""The README's notebook example runs as written, and its comments tell the truth."""

import re
import runpy
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_example_runs(tmp_path):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert blocks, "the README lost its python example"
    script = tmp_path / "readme_example.py"
    script.write_text(blocks[0])
    ns = runpy.run_path(str(script))
    assert ns["run"].history["train_acc"][-1] >= 0.95
    assert ns["run"].diverged_at is None
    assert ns["path"].shape[1] == 2 and ns["path"].shape[0] <= 501
    assert set(ns["grads"]) == set(ns["params"])


def test_the_pages_table_lists_every_page_in_the_course_order():
    """Every page of ui/catalog.py has its row, in the catalog's order, under its title."""
    from ui.catalog import LABS
    from ui.strings.catalog import T

    table = README.read_text().split("## The pages", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| \*\*(.+?)\*\* \|", table, flags=re.M)
    assert rows == [T(f"{p.id}.title", "en") for p in LABS]
