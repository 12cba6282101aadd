# Fresh machine: `make demo` (set up, render the reports of data/) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= data
REPORTS ?= reports

SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test test-snel lint lab invullen controleer clean chromium bench bench-schaal

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/evaluatie rapporteer $(DATA) --naar $(REPORTS)
	@echo "Klaar. Open $(REPORTS)/<gemeente>/<jaar>/index.html, bijvoorbeeld $(REPORTS)/voorbeeldstad/2024/index.html"

# Debian's chromium for the browser tests (Playwright's own browser download does not work here).
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# All tests, including the ones that execute notebooks (marker: notebook), drive a browser (marker: browser) and
# build the wheel into a fresh venv (marker: pakket); then the layer contract and ruff.
test: $(STAMP) chromium
	$(BIN)/python -m pytest -m "" -q
	$(BIN)/lint-imports
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# The fast unit tests only.
test-snel: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# Render benchmark against the naive papermill + nbconvert loop (prints seconds per report and the speed-up).
bench: $(STAMP)
	$(BIN)/python bench/bench.py --aantal $(or $(N),100)

# Scale benchmark: tidy export of 350 gemeenten x 60 partnerships x 5 years (generates the set once).
bench-schaal: $(STAMP)
	$(BIN)/python bench/schaal.py

controleer: $(STAMP)
	$(BIN)/evaluatie controleer $(DATA)

# JupyterLab refuses to start as root unless told; containers often run as root.
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ALLOW_ROOT) notebooks/

# The evaluator's form as an app (Voila): only the form, no code; prints the address. PORT=8866 by default.
PORT ?= 8866
invullen: $(STAMP)
	$(BIN)/evaluatie invullen $(DATA) --rapporten $(REPORTS) --poort $(PORT)

clean:
	rm -rf $(VENV) $(REPORTS)/*/ src/*.egg-info build dist
