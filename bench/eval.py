"""Search quality on the shared judged questions: ingest the full shared corpus once (into
bench/out/corpus.db), then score `baggrund search --json` with ../shared/eval/evaluate.py, open
and with --filtered.

    .venv/bin/python bench/eval.py --shared ../shared
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from baggrund.library import Library

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "corpus.db"))
    args = ap.parse_args()
    shared = Path(args.shared)
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    with Library.open(db) as lib:
        if lib.stats()["documents"] == 0:
            print("ingesting the shared corpus once ...", file=sys.stderr)
            summary = lib.ingest(
                [shared / "corpus" / "usdos-hrr-2016-2024.jsonl.gz", shared / "corpus" / "board"]
            )
            if not summary.ok:
                print(f"{len(summary.rejected)} rejected", file=sys.stderr)
                return 1
    binary = str(Path(sys.executable).parent / "baggrund")
    scorer = [
        sys.executable,
        str(shared / "eval" / "evaluate.py"),
        str(shared / "eval" / "qrels-dev.jsonl"),
    ]
    for extra in ([], ["--filtered"]):
        print(f"== {'filtered' if extra else 'open'}", flush=True)
        subprocess.run([*scorer, "--bin", binary, "--db", str(db), *extra], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
