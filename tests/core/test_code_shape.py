"""The code stays readable in one pass: no function in nncore/, viz/, labs/ or ui/ is longer
than 60 lines unless a comment right above it says why (``# long: <reason>``)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 60


def long_functions() -> list[str]:
    found = []
    for folder in ("nncore", "viz", "labs", "ui"):
        for path in sorted((ROOT / folder).glob("*.py")):
            text = path.read_text(encoding="utf-8")
            lines = text.splitlines()
            for node in ast.walk(ast.parse(text)):
                if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                above = lines[first - 2] if first > 1 else ""
                above2 = lines[first - 3] if first > 2 else ""
                n = node.end_lineno - node.lineno + 1
                if n > MAX_LINES and "# long:" not in above + above2:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({n} lines)")
    return found


def test_no_long_function_without_a_reason():
    assert not long_functions(), "\n".join(long_functions())
