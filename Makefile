# chipwatch: `make report` and `make test` set up everything they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= seeds
OUT    ?= reports
TABLES ?= data/processed

.DEFAULT_GOAL := help
.PHONY: help setup build report test bench lab clean browser

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  variables: CORPUS=$(CORPUS) OUT=$(OUT) TABLES=$(TABLES) PYTHON=$(PYTHON)"

# Reinstall only when the dependency list changes: the stamp is newer than pyproject.toml.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "chipwatch needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m helpers setup
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install packages, kernel and CJK font

build: $(STAMP) ## ingest CORPUS into TABLES (articles, claims, ingest report)
	$(BIN)/python -m helpers build --corpus $(CORPUS) --out $(TABLES)

report: $(STAMP) ## build CORPUS and render every notebook into OUT/index.html
	$(BIN)/python -m helpers report --corpus $(CORPUS) --out $(OUT)

# The browser tests use Debian's Chromium; install it when we can (root, apt), else they skip and say why.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ; } || \
	  echo "chromium could not be installed: the browser tests will be skipped"

test: $(STAMP) browser ## run the test suite
	$(BIN)/python -m pytest -q

bench: $(STAMP) ## run the benchmarks (3,000 and 10,000 articles) and record bench/RESULTS.md
	$(BIN)/python bench/run.py

lab: $(STAMP) ## open JupyterLab on notebooks/ with the project's kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks

clean: ## remove generated tables and reports (not the environment)
	rm -rf $(TABLES) $(OUT)
