"""Every private Streamlit internal the lab uses, in one place, each with a test
(tests/app/test_compat.py), so a Streamlit upgrade that changes one fails one named test.

- ``script_main_path``: the main script of the running session (the live chart serves
  plotly.js from ``static/`` next to it).
- ``app_static_dir``: the folder Streamlit serves at app/static/ for that script.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.file_util import get_app_static_dir
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx


def script_main_path() -> str | None:
    """The running session's main script path, or None outside a script run."""
    ctx = get_script_run_ctx(suppress_warning=True)
    return None if ctx is None else ctx.main_script_path


def app_static_dir(main_script_path: str) -> Path:
    """The folder Streamlit serves at app/static/ for ``main_script_path``."""
    return Path(get_app_static_dir(main_script_path))
