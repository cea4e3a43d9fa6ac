"""A worker process that dies mid-run (out of memory, killed) gives the student a plain message
and changes nothing: no page exception, nothing stored, and the work is not redone in the
server's own process (which the same memory could take down with every student on it)."""

from __future__ import annotations

import pytest
import streamlit as st
from app_util import broken_future, exception_text, open_link

from ui import share, workers

# page -> a link whose work goes to the worker pool (estimated over each page's inline limit)
CASES = {
    "perceptron": {"mode": "lecture", "step": "xor_mlp"},
    "playground": {"mode": "lecture", "step": "overfit"},
    "init_lab": {},
    "batchnorm": {},
    "regularization": {},
    "space_warp": {"mode": "lecture", "step": "spirals"},
    "approximation": {"ua_n": "256", "ua_steps": "5000"},
    "autoencoder": {},
}


@pytest.mark.parametrize("page", list(CASES))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_dead_worker_is_a_message_and_changes_nothing(page, lang, tmp_path, monkeypatch):
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(workers, "submit", broken_future)
    st.cache_data.clear()  # nothing computed by an earlier test in this process,
    st.cache_resource.clear()  # nor remembered as trained (the pages' "finished" sets)
    at = open_link(f"labs/{page}.py", {"lang": lang, **CASES[page]})
    assert not at.exception, exception_text(at)
    assert [e.value for e in at.error] == [share.T("crashed", lang)]
    assert list(tmp_path.glob("*.pkl")) == []
