# One-word targets. `make site` and `make test` set up everything they need on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1  # the end-of-life notice is in the README, not in every build

.PHONY: setup site test lint format serve schemas golden screenshots chromium bench lock clean

setup: $(STAMP)

# The virtual environment, rebuilt when the pinned dependencies or the package metadata change;
# the test tools from npm (axe-core, vnu-jar) come from package-lock.json with their hashes.
$(STAMP): requirements.lock pyproject.toml package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

site: setup  ## validate data/, build, check, and only then replace site/
	$(BIN)/mvi-site build

test: setup lint chromium  ## the whole suite, browser gates included, as CI runs it
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

serve: setup  ## live preview on http://127.0.0.1:8000: every change rebuilt (checks and policy included) and reloaded
	$(BIN)/mvi-site serve

golden: setup  ## rewrite the chart snapshots in tests/golden/charts/ after an intended change
	MVI_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_charts.py -k golden

screenshots: site chromium  ## pictures of the key pages for the README (.github/screenshots/)
	$(BIN)/python tools/screenshots.py

# Debian's Chromium for screenshots and browser tests; Playwright's own download is not used.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Chromium is missing: run  sudo apt-get install chromium" >&2; exit 1; fi; }

schemas: setup  ## regenerate the JSON Schemas editors' tools use
	$(BIN)/mvi-site schema --out schemas

bench: setup  ## validation and build speed at 500, 2,000 and 10,000 tenders, next to plain MkDocs
	$(BIN)/python bench/validate.py
	$(BIN)/python bench/build.py

lock:  ## re-pin every dependency (with hashes) from pyproject.toml
	$(PYTHON) -m venv /tmp/mvi-lock && /tmp/mvi-lock/bin/pip install --quiet pip-tools
	/tmp/mvi-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev \
	  --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf site .pytest_cache .ruff_cache .hypothesis .mypy_cache
