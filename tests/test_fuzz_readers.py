"""Every reader under hypothesis, briefly (bench/fuzz_readers.py runs the same targets at
length): arbitrary bytes and mutated valid files give Records or one-line Problems, never an
exception out of read_paths or prepare, never a hang."""

from __future__ import annotations

import datetime as dt

import pytest

from .format_files import require_formats

require_formats()
hypothesis = pytest.importorskip("hypothesis")  # the dev extra has it

from hypothesis import HealthCheck, given, settings  # noqa: E402

from baggrund.limits import Limits  # noqa: E402
from baggrund.sandbox import Sandbox  # noqa: E402

from .fuzz_cases import READERS, RICH, check, inputs, seeds  # noqa: E402

EXAMPLES = {"board": 150, "jsonl": 150, "jsonl.gz": 150, "pdf": 100, "html": 100, "docx": 100}


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory):
    return seeds(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(Limits()) as box:
        yield box


@pytest.mark.parametrize("reader", READERS)
def test_reader_survives_fuzzing(reader, seed_files, sandbox, tmp_path):
    folder = tmp_path / "case"
    deadline = dt.timedelta(seconds=30 if reader in RICH else 5)

    @settings(max_examples=EXAMPLES[reader], deadline=deadline, derandomize=True,
              database=None, suppress_health_check=[HealthCheck.too_slow,
              HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])  # fmt: skip
    @given(data=inputs(seed_files[reader], reader))
    def run(data: bytes) -> None:
        check(reader, data, folder, sandbox)

    run()


@pytest.mark.parametrize("reader", READERS)
def test_the_seed_itself_is_stored(reader, seed_files, sandbox, tmp_path):
    tally = check(reader, seed_files[reader], tmp_path / "case", sandbox)
    assert tally.stored >= 1 and not tally.outcomes, tally
