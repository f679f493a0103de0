"""Precision and recall of the fact extractor against the gold files in tests/gold/ (the board
document, and three human-rights reports read from the shared corpus).

    .venv/bin/python bench/facts_eval.py [--shared ../shared] [-v]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.facts_gold import GOLD, Score, score  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("BAGGRUND_SHARED", str(ROOT.parent / "shared"))
    parser.add_argument("--shared", default=default)
    parser.add_argument("-v", "--verbose", action="store_true", help="List misses and extras.")
    args = parser.parse_args()
    corpus = Path(args.shared) / "corpus" / "usdos-hrr-2016-2024.jsonl.gz"
    total = Score("all")
    for path in GOLD:
        try:
            result = score(path, corpus)
        except (LookupError, OSError) as exc:
            print(f"{path.stem}: skipped ({exc})")
            continue
        total.add(result)
        print(result.line())
        if args.verbose:
            for item in result.missed:
                print("   missed  ", item)
            for item in result.spurious:
                print("   extra   ", item)
    print(total.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
