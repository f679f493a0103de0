"""The same questions on two stores: how many of the top ten passages they share, and the
judged quality of each (nDCG@10 as ``../shared/eval/evaluate.py`` scores it).

    .venv/bin/python bench/overlap.py --shared ../shared --a bench/out/corpus.db \\
        --b postgresql://postgres@127.0.0.1:5432/baggrund_bench [-v]

Both stores must hold the same documents (the full shared corpus). The questions are those of
``qrels-dev.jsonl`` (open, no country filter) and the fixed queries of ``bench/core.py``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core import QUERIES
from quick_eval import load_scorer

from baggrund.library import Library


def ndcg(ev, hits, judgments) -> float:
    credited: set[int] = set()
    gains = [ev.gain(ev.norm(h.text), judgments, credited) for h in hits]
    ideal = sorted((j["grade"] for j in judgments), reverse=True)[:10]
    return ev.dcg(gains) / ev.dcg(ideal) if ideal else 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--a", required=True, help="the first store (path or URL)")
    ap.add_argument("--b", required=True, help="the second store")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    shared = Path(args.shared)
    ev = load_scorer(shared)
    lines = (shared / "eval" / "qrels-dev.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(x) for x in lines if x.strip()]
    with Library.open(args.a) as a, Library.open(args.b) as b:
        for name, items in (
            ("judged questions", [(q["query"], {}, q) for q in questions]),
            ("bench/core.py queries", [(q, o, None) for q, o in QUERIES]),
        ):
            rows = []
            for text, opts, q in items:
                ha = a.search(text, limit=10, **opts).hits
                hb = b.search(text, limit=10, **opts).hits
                sa, sb = {h.anchor for h in ha}, {h.anchor for h in hb}
                row = {"lang": q["lang"] if q else "-", "overlap": len(sa & sb), "n": len(sa)}
                if q:
                    judgments = ev.distinct(q["judgments"])
                    row["ndcg_a"], row["ndcg_b"] = ndcg(ev, ha, judgments), ndcg(ev, hb, judgments)
                rows.append(row)
                if args.v:
                    print(f"  {row['overlap']:2}/{len(sa):2} {text[:70]}")
            print(name)
            for lang in sorted({r["lang"] for r in rows}):
                sel = [r for r in rows if r["lang"] == lang]
                mean = sum(r["overlap"] for r in sel) / len(sel)
                line = f"  {lang}: {len(sel)} queries, mean top-10 overlap {mean:.1f}"
                line += f", identical sets {sum(r['overlap'] == r['n'] for r in sel)}"
                if "ndcg_a" in sel[0]:
                    na = sum(r["ndcg_a"] for r in sel) / len(sel)
                    nb = sum(r["ndcg_b"] for r in sel) / len(sel)
                    line += f", nDCG@10 a {na:.3f} b {nb:.3f}"
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
