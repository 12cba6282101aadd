# Fresh machine: `make demo` (set up, render the reports of data/) and `make test`. `make help` lists every target.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
DATA   ?= data
REPORTS ?= reports

SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := help
.PHONY: help demo test test-snel test-nieuwste lint lab invullen controleer clean chromium bench bench-schaal bench-acties bench-rapport bench-formulier proxy lock

help: ## deze lijst
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# Exactly the lock: every package pinned with its hashes (no dependency of its own resolved), then the project itself
# without dependencies and without build isolation (its build backend, setuptools, is in the lock too).
$(STAMP): pyproject.toml $(LOCK)
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

# uv.lock is the lock (every platform); requirements.lock is its export with hashes, which pip installs.
lock: $(STAMP) ## de nieuwste versies die pyproject.toml toestaat vastleggen (uv.lock, requirements.lock)
	$(BIN)/uv lock --upgrade
	$(BIN)/uv export --frozen --quiet --format requirements-txt --all-extras --no-emit-project --no-header -o $(LOCK)

demo: $(STAMP) ## installeren, dan de rapporten van data/ maken in reports/
	$(BIN)/evaluatie rapporteer $(DATA) --naar $(REPORTS)
	@echo "Klaar. Open $(REPORTS)/<gemeente>/<jaar>/index.html, bijvoorbeeld $(REPORTS)/voorbeeldstad/2024/index.html"

# Debian's chromium for the browser tests (Playwright's own browser download does not work here).
# Waits for the dpkg lock when another apt-get holds it; no sudo when chromium is there already.
APT := DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -qq
chromium: ## Debian-chromium voor de browsertests
	@command -v chromium >/dev/null || { $(SUDO) $(APT) update && $(SUDO) $(APT) install -y chromium >/dev/null; }

# JupyterHub's proxy (configurable-http-proxy) from npm, at the version of docs/jupyterhub/package-lock.json, for the
# JupyterHub test (marker: hub) and a local try-out of docs/jupyterhub/jupyterhub_config.py.
PROXY := $(VENV)/proxy/node_modules/.bin/configurable-http-proxy
proxy: $(PROXY) ## JupyterHubs proxy (npm) voor de JupyterHub-test
$(PROXY): docs/jupyterhub/package-lock.json | $(STAMP)
	@command -v npm >/dev/null || { $(SUDO) $(APT) update && $(SUDO) $(APT) install -y nodejs npm >/dev/null; }
	mkdir -p $(VENV)/proxy
	cp docs/jupyterhub/package.json docs/jupyterhub/package-lock.json $(VENV)/proxy/
	cd $(VENV)/proxy && npm ci --no-audit --no-fund --silent

# All tests, including the ones that execute notebooks (marker: notebook), drive a browser (marker: browser) and
# build the wheel into a fresh venv (marker: pakket); then the layer contract and ruff.
test: $(STAMP) chromium $(PROXY) ## alle tests (ook notebooks, browser, wiel), het lagencontract en ruff
	$(BIN)/python -m pytest -m "" -q
	$(MAKE) --no-print-directory lint

# The suite against the newest versions the ranges allow, in a venv of its own: run it before `make lock`, and
# monthly, to see a release that changes behaviour before users do.
NIEUWSTE := .venv-nieuwste
test-nieuwste: chromium $(PROXY) ## alle tests met de nieuwste versies die pyproject.toml toestaat (niet de lock)
	rm -rf $(NIEUWSTE)
	$(PYTHON) -m venv $(NIEUWSTE)
	$(NIEUWSTE)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[dev]'
	$(NIEUWSTE)/bin/python -m pip list --format freeze > $(NIEUWSTE)/versies.txt
	$(NIEUWSTE)/bin/python -m pytest -m "" -q

# The fast unit tests only.
test-snel: $(STAMP) ## alleen de snelle tests
	$(BIN)/python -m pytest -q

lint: $(STAMP) ## het lagencontract en ruff
	$(BIN)/lint-imports
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# Render benchmark against the naive papermill + nbconvert loop (prints seconds per report and the speed-up).
bench: $(STAMP) ## meet rapporten maken tegen de naïeve papermill-lus (N=100)
	$(BIN)/python bench/bench.py --aantal $(or $(N),100)

# Scale benchmark: tidy export of 350 gemeenten x 60 partnerships x 5 years (generates the set once).
bench-schaal: $(STAMP) ## meet de tidy export van 350 gemeenten
	$(BIN)/python bench/schaal.py

bench-rapport: $(STAMP) chromium ## meet "Rapport maken" in de browser (eerste en volgende klikken) en één koud rapport
	$(BIN)/python bench/rapportknop.py --keer $(or $(N),5)

bench-formulier: $(STAMP) chromium ## meet 10 tabbladen tegelijk op het formulier: laden, bewaren, geheugen
	$(BIN)/python bench/formulier.py --tabs $(or $(N),10)

bench-acties: $(STAMP) ## meet nieuwjaar en een rapport bij 5 000 en 10 000 acties (lineair?)
	$(BIN)/python bench/acties.py --aantal $(or $(N),5000)

controleer: $(STAMP) ## controleer elk bestand in data/
	$(BIN)/evaluatie controleer $(DATA)

# JupyterLab refuses to start as root unless told; containers often run as root.
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

lab: $(STAMP) ## JupyterLab op notebooks/
	$(BIN)/jupyter lab $(ALLOW_ROOT) notebooks/

# The evaluator's form as an app (Voila): only the form, no code; prints the address. PORT=8866 by default.
PORT ?= 8866
invullen: $(STAMP) ## het evaluatieformulier als app
	$(BIN)/evaluatie invullen $(DATA) --rapporten $(REPORTS) --poort $(PORT)

clean: ## verwijder de venvs en de gemaakte rapporten
	rm -rf $(VENV) $(NIEUWSTE) $(REPORTS)/*/ src/*.egg-info build dist
