# safeplan: every target sets up what it needs. Only Python 3.11+ and make are assumed.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench clean setup schema

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "safeplan needs Python 3.11 or newer.")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## Start safeplan on its default vault location (pass options with ARGS="--demo").
run: $(STAMP)
	$(BIN)/safeplan $(ARGS)

## Lint, type checks, architecture contract and the whole test suite.
test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

## The vault payload's JSON Schema, generated from the models (run after changing core/models.py).
schema: $(STAMP)
	$(BIN)/python -m safeplan.core.payload_schema docs/vault-payload.schema.json

## Benchmarks (never part of the test run): medians of several runs, printed and written to docs/benchmarks.md.
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
