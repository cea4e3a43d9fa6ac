# Two commands on a fresh machine: `make run` starts the lab, `make test` runs the whole suite.
PYTHON ?= python3
VENV   ?= .venv
CORE_VENV ?= .venv-core
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run serve test test-core-only lint bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.runtime-installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime-installed
	$(PY) -m streamlit run app.py --server.port $(PORT)

# A class on one link: N replicas behind HAProxy (installed from Debian when missing).
N ?= 2
serve: $(VENV)/.runtime-installed
	@command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy)
	$(PY) deploy/serve.py --replicas $(N) --port $(PORT)

lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .

# nncore's tests in a venv with only NumPy and pytest: proves the core needs nothing else.
$(CORE_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(CORE_VENV)
	$(CORE_VENV)/bin/python -m pip install --quiet numpy pytest
	touch $@

test-core-only: $(CORE_VENV)/.installed
	$(CORE_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/core

# One pytest worker per core (pytest-xdist): 13 -> 10 minutes on the 2-core reference machine.
PYTEST_ARGS ?= -n auto
test: lint test-core-only
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev-installed
	$(PY) bench/core_speed.py
	$(PY) bench/playground_speed.py
	$(PY) bench/warp_speed.py
	$(PY) bench/init_speed.py
	$(PY) bench/optimizer_speed.py
	$(PY) bench/server_gc.py
	$(PY) bench/page_latency.py

clean:
	rm -rf $(VENV) $(CORE_VENV) test-artifacts .pytest_cache .ruff_cache
