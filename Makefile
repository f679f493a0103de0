# baggrund task runner. `make demo` runs the main job on the bundled sample; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= baggrund.db
SHARED ?= ../shared

.PHONY: install demo test lint format bench eval clean

$(BIN)/baggrund: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/baggrund

install: $(BIN)/baggrund

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

eval: install
	$(BIN)/python bench/eval.py --shared $(SHARED)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm $(DB).index .pytest_cache .ruff_cache
