# safeplan: every target sets up what it needs. Only Python 3.11+ and make are assumed.
#
# `make run` installs only what safeplan needs to run; the test and lint tools are installed the
# first time `make test` (or lint, typecheck, unit) needs them. Each step says what it is doing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck unit bench clean setup schema

setup: $(RUN_STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "safeplan needs Python 3.11 or newer.")'
	@echo "safeplan: making a private Python environment in $(VENV) (once)..."
	@$(PYTHON) -m venv $(VENV)

# What safeplan needs to run: Textual, pydantic, cryptography, platformdirs, filelock.
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@echo "safeplan: installing what safeplan needs to run (about a minute the first time)..."
	@$(PIP) install -e .
	@touch $@
	@echo "safeplan: ready."

# The test and lint tools (pytest, hypothesis, syrupy, ruff, mypy, import-linter...), for make test.
$(DEV_STAMP): pyproject.toml $(RUN_STAMP)
	@echo "safeplan: installing the test and lint tools (only for make test; once)..."
	@$(PIP) install -e '.[dev]'
	@touch $@

## Start safeplan on its default vault location (pass options with ARGS="--demo").
run: $(RUN_STAMP)
	@$(BIN)/safeplan $(ARGS)

## Lint, type checks, architecture contracts, the crisis data check and the whole test suite.
test: lint typecheck unit

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	$(BIN)/python -m safeplan.core.crisis.check

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

unit: $(DEV_STAMP)
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

## The vault payload's JSON Schema, generated from the models (run after changing core/models.py).
schema: $(RUN_STAMP)
	$(BIN)/python -m safeplan.core.payload_schema docs/vault-payload.schema.json

## Benchmarks (never part of the test run): medians of several runs, printed and written to docs/benchmarks.md.
bench: $(RUN_STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
