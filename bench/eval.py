"""Search quality on judged questions: ingest the full shared corpus once (into
bench/out/corpus.db), then score `baggrund search --json` with ../shared/eval/evaluate.py,
open and with --filtered, on the dev set, the dev set asked in Danish, and (with
``--heldout``) the frozen held-out pair in bench/heldout. Prints, per set, the mean nDCG@10
and, for a parallel pair, Danish as a share of English on the same questions.

    .venv/bin/python bench/eval.py --shared ../shared [--heldout] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from baggrund.library import Library

ROOT = Path(__file__).resolve().parent.parent


def _score(scorer: list[str], qrels: Path, db: Path, filtered: bool, quiet: bool) -> dict:
    """nDCG@10 per question id (the "-da" suffix taken off)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [*scorer, str(qrels), "--db", str(db), "--json-out", out.name]
        cmd += ["--filtered"] if filtered else []
        subprocess.run(cmd, check=True, capture_output=quiet, text=True)
        rows = json.loads(Path(out.name).read_text(encoding="utf-8"))
    return {r["qid"].removesuffix("-da"): r["ndcg"] for r in rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "corpus.db"))
    ap.add_argument("--heldout", action="store_true", help="score the frozen held-out pair too")
    ap.add_argument("--quiet", action="store_true", help="only the summary table")
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
    scorer = [sys.executable, str(shared / "eval" / "evaluate.py"), "--bin", binary]
    pairs = [("dev", shared / "eval" / "qrels-dev.jsonl",
              shared / "eval" / "qrels-dev-parallel-da.jsonl")]  # fmt: skip
    if args.heldout:  # frozen: scored at the start and the end of a piece of work only
        here = ROOT / "bench" / "heldout"
        pairs.append(("held-out", here / "qrels-heldout.jsonl", here / "qrels-heldout-da.jsonl"))
    lines = [
        "| set | run | nDCG@10 English | nDCG@10 Danish | Danish/English |",
        "|---|---|---|---|---|",
    ]
    for name, english, danish in pairs:
        for filtered in (False, True):
            run = "filtered" if filtered else "open"
            if not args.quiet:
                print(f"== {name} {run}", flush=True)
            en = _score(scorer, english, db, filtered, args.quiet)
            da = _score(scorer, danish, db, filtered, args.quiet)
            both = sorted(set(en) & set(da))
            en_mean = sum(en[q] for q in both) / len(both)
            da_mean = sum(da[q] for q in both) / len(both)
            ratio = da_mean / en_mean if en_mean else float("nan")
            all_en = sum(en.values()) / len(en)
            lines.append(
                f"| {name} ({len(both)} pairs; all {len(en)} English: {all_en:.3f}) | {run} "
                f"| {en_mean:.3f} | {da_mean:.3f} | {ratio:.2f} |"
            )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
