"""Shared fixtures: a fresh store in a temporary folder, the bundled sample, the shared corpus,
and a runner for the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from baggrund.cli import main
from baggrund.library import Library

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
# every page of the web application on the bundled sample, as a reader sees it (the checks of
# every page, in both languages, take them from here: accessibility, translation)
WEB_PAGES = [
    "/",
    "/search?q=torture",
    "/search?q=tortur&country=AZE",
    "/search?q=menneskehandel+ofre",
    "/search?q=zzzzqqq",
    "/search?q=trafficking&document=AZE-368",
    "/search?q=victims&document=AZE-367",
    "/countries",
    "/sources",
    "/countries/AZE",
    "/countries/AZE?as_of=2024-01-01",
    "/countries/AZE/facts",
    "/countries/AZE/changes",
    "/documents/AZE-367",
    "/documents/AZE-367/protection/1",
    "/signin",
    "/documents/AZE-999",  # an error page
]
BOARD_SAMPLE = SAMPLES / "aserbajdsjan-367.txt"
SHARED = Path(os.environ.get("BAGGRUND_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "usdos-hrr-2016-2024.jsonl.gz"


@pytest.fixture
def db(tmp_path: Path) -> str:
    """The path of a fresh, empty store."""
    return str(tmp_path / "library.db")


@pytest.fixture
def library(db: str):
    lib = Library.open(db)
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> str:
    """A store holding the bundled sample (read-only for tests)."""
    path = str(tmp_path_factory.mktemp("sample") / "sample.db")
    with Library.open(path) as lib:
        summary = lib.ingest([SAMPLES])
        assert summary.ok, summary.rejected
    return path


@pytest.fixture
def sample(sample_db: str):
    lib = Library.open(sample_db)
    yield lib
    lib.close()


class Cli:
    """Runs ``baggrund`` in-process against one store."""

    def __init__(self, db: str):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, expect: int | None = 0):
        result = self.runner.invoke(main, [*args[:1], *args[1:], "--db", self.db])
        if expect is not None:
            assert result.exit_code == expect, (result.output, result.exception)
        return result

    def json_lines(self, *args: str, expect: int | None = 0) -> list[dict]:
        out = self(*args, expect=expect).stdout
        return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


@pytest.fixture
def cli(db: str) -> Cli:
    return Cli(db)


def needs_corpus():
    """Skip without the shared corpus, except where BAGGRUND_REQUIRE_CORPUS is set (CI), where
    its absence fails."""
    if not CORPUS.exists() and os.environ.get("BAGGRUND_REQUIRE_CORPUS"):
        raise RuntimeError(f"the shared corpus is not at {CORPUS} (set BAGGRUND_SHARED)")
    return pytest.mark.skipif(
        not CORPUS.exists(), reason=f"the shared corpus is not at {CORPUS} (set BAGGRUND_SHARED)"
    )
