"""Fuzz every reader of ``baggrund ingest`` at length with the targets of tests/fuzz_cases.py:
arbitrary bytes and mutated valid files (board text, JSON Lines plain and gzipped, PDF, HTML,
Word). Any exception out of read_paths or prepare, or a message of more than one line, stops the
run with hypothesis' smallest failing example. Prints, per reader: examples, records read,
records prepare accepted, rejections by their first words, the slowest example.

    python bench/fuzz_readers.py --examples 2000 [--reader pdf] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from tests.fuzz_cases import READERS, Tally, check, inputs, seeds  # noqa: E402

from baggrund.limits import Limits  # noqa: E402
from baggrund.sandbox import Sandbox  # noqa: E402


def fuzz(reader: str, examples: int, start_seed: int, folder: Path, sandbox) -> Tally:
    seed_bytes = seeds(folder / "seeds")[reader]
    total = Tally()

    @seed(start_seed)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(data=inputs(seed_bytes, reader))
    def run(data: bytes) -> None:
        total.add(check(reader, data, folder / "case", sandbox))

    run()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="per reader")
    parser.add_argument("--reader", choices=READERS, action="append")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print("| reader | examples | records | stored | slowest | seconds | most common rejections |")
    print("|---|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp, Sandbox(Limits()) as sandbox:
        for reader in args.reader or READERS:
            began = time.monotonic()
            tally = fuzz(reader, args.examples, args.seed, Path(tmp) / reader, sandbox)
            common = "; ".join(f"{k} ({n})" for k, n in tally.outcomes.most_common(4))
            print(f"| {reader} | {tally.examples:,} | {tally.records:,} | {tally.stored:,} |"
                  f" {tally.slowest:.2f} s | {time.monotonic() - began:.0f} | {common} |",
                  flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
