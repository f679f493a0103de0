# baggrund task runner. `make run` runs the main job on the bundled sample (ingest, then the web
# application); `make demo` a command-line example; `make test` the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= baggrund.db
SHARED ?= ../shared
PORT ?= 8000

.PHONY: install run demo test lint format bench load eval peers clean

$(BIN)/baggrund: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/baggrund

install: $(BIN)/baggrund

# The main job: install, ingest the bundled sample if the store is empty, start the web application.
run: install
	@$(BIN)/baggrund countries --db $(DB) --json | grep -q . || $(BIN)/baggrund ingest samples/ --db $(DB)
	$(BIN)/baggrund serve --db $(DB) --host 127.0.0.1 --port $(PORT) --bundles

demo: install
	$(BIN)/baggrund ingest samples/ --db $(DB)
	$(BIN)/baggrund search "psychological coercion" --country Aserbajdsjan --db $(DB) --limit 3

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench

format: install
	$(BIN)/ruff format src tests bench

bench: install
	$(BIN)/python bench/core.py --shared $(SHARED)

load: install
	$(BIN)/python bench/load.py --shared $(SHARED)

peers: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/peers.py --shared $(SHARED)

eval: install
	$(BIN)/python bench/eval.py --shared $(SHARED)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm $(DB).index .pytest_cache .ruff_cache
