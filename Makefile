# Fresh machine: `make demo` (set up, render the reports of data/) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= data
REPORTS ?= reports

.PHONY: demo test test-snel lint lab controleer clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/evaluatie rapporteer $(DATA) --naar $(REPORTS)
	@echo "Klaar. Open $(REPORTS)/<gemeente>/<jaar>/index.html, bijvoorbeeld $(REPORTS)/voorbeeldstad/2024/index.html"

# All tests, including the ones that really execute notebooks (marker: notebook), then the linter.
test: $(STAMP)
	$(BIN)/python -m pytest -m "" -q
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

# The fast unit tests only.
test-snel: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

controleer: $(STAMP)
	$(BIN)/evaluatie controleer $(DATA)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) $(REPORTS)/*/ src/*.egg-info
