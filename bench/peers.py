"""Search quality and speed of baggrund beside the engines a user might pick instead, in one
run, on the same passages and the same judged questions (../shared/eval/qrels-dev.jsonl):

- SQLite FTS5 with the porter tokenizer, query words OR-ed, bm25;
- bm25s with PyStemmer (English);
- tantivy (tantivy-py) with its en_stem tokenizer and its own query parser, words OR-ed.

Each peer indexes every passage of the corpus with its nearest heading and gets the raw
question, as in ../shared/eval/README.md. Prints one table: nDCG@10, recall@10 of grade-2
excerpts, MRR, and latency p50/p95 per engine, per language, open (no country filter).

    .venv/bin/python bench/peers.py --shared ../shared [--db bench/out/corpus.db]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from baggrund.library import Library

sys.path.insert(0, str(Path(__file__).parent))
from core import percentile  # noqa: E402
from quick_eval import load_scorer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def passages(db: Path) -> tuple[list[str], list[str]]:
    """(indexed text: heading + paragraph, returned text: paragraph) for every passage."""
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT s.heading, p.text FROM passages p JOIN sections s"
        " ON s.doc_id = p.doc_id AND s.ordinal = p.section ORDER BY p.id"
    ).fetchall()
    con.close()
    return [f"{h}\n{t}" for h, t in rows], [t for _, t in rows]


class FTS5:
    name = "SQLite FTS5 porter (OR)"

    def __init__(self, docs: list[str], work: Path):
        self.db = sqlite3.connect(work / "fts5.db")
        self.db.execute("CREATE VIRTUAL TABLE p USING fts5(body, tokenize='porter unicode61')")
        self.db.executemany("INSERT INTO p (rowid, body) VALUES (?, ?)", enumerate(docs))
        self.db.commit()

    def search(self, q: str, k: int) -> list[int]:
        words = re.findall(r"\w+", q)
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        sql = "SELECT rowid FROM p WHERE p MATCH ? ORDER BY rank LIMIT ?"
        return [r[0] for r in self.db.execute(sql, (match, k))]


class BM25S:
    name = "bm25s + PyStemmer"

    def __init__(self, docs: list[str], work: Path):
        import bm25s
        import Stemmer

        self.bm25s, self.stemmer = bm25s, Stemmer.Stemmer("english")
        tokens = bm25s.tokenize(docs, stopwords="en", stemmer=self.stemmer, show_progress=False)
        self.retriever = bm25s.BM25()
        self.retriever.index(tokens, show_progress=False)

    def search(self, q: str, k: int) -> list[int]:
        tokens = self.bm25s.tokenize([q], stopwords="en", stemmer=self.stemmer, show_progress=False)
        if not tokens.vocab:
            return []
        results, _ = self.retriever.retrieve(tokens, k=k, show_progress=False)
        return [int(i) for i in results[0]]


class Tantivy:
    name = "tantivy en_stem (OR)"

    def __init__(self, docs: list[str], work: Path):
        import tantivy

        self.tantivy = tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_unsigned_field("id", stored=True, fast=True)
        builder.add_text_field("body", tokenizer_name="en_stem")
        self.schema = builder.build()
        (work / "tantivy").mkdir()
        self.index = tantivy.Index(self.schema, path=str(work / "tantivy"))
        writer = self.index.writer(heap_size=256_000_000, num_threads=2)
        for i, d in enumerate(docs):
            writer.add_document(tantivy.Document.from_dict({"id": i, "body": d}, self.schema))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, q: str, k: int) -> list[int]:
        query, _errors = self.index.parse_query_lenient(q, ["body"])
        hits = self.searcher.search(query, k).hits
        return [self.searcher.doc(addr)["id"][0] for _, addr in hits]


def score(ev, queries, run) -> dict:
    """Mean figures per language for a function query -> list of passage texts."""
    per = {"en": [], "da": []}
    times = []
    for q in queries:
        judgments = ev.distinct(q["judgments"])
        t = time.perf_counter()
        texts = run(q["query"])
        times.append((time.perf_counter() - t) * 1000)
        credited: set[int] = set()
        gains = [ev.gain(ev.norm(text), judgments, credited) for text in texts[:10]]
        ideal = sorted((j["grade"] for j in judgments), reverse=True)[:10]
        n2 = sum(1 for j in judgments if j["grade"] == 2)
        per[q["lang"]].append({
            "ndcg": ev.dcg(gains) / ev.dcg(ideal) if ideal else 0.0,
            "r2": sum(1 for i in credited if judgments[i]["grade"] == 2) / n2 if n2 else 0.0,
            "rr": next((1 / (i + 1) for i, g in enumerate(gains) if g == 2), 0.0),
        })  # fmt: skip
    out = {"p50_ms": statistics.median(times), "p95_ms": percentile(times, 0.95)}
    for lang, rows in per.items():
        for key in ("ndcg", "r2", "rr"):
            out[f"{key}_{lang}"] = sum(r[key] for r in rows) / len(rows) if rows else 0.0
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "corpus.db"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    shared, db = Path(args.shared), Path(args.db)
    with Library.open(db) as lib:
        if lib.stats()["documents"] == 0:
            print("ingesting the shared corpus once ...", file=sys.stderr)
            corpus = shared / "corpus"
            lib.ingest([corpus / "usdos-hrr-2016-2024.jsonl.gz", corpus / "board"])
    ev = load_scorer(shared)
    qrels = (shared / "eval" / "qrels-dev.jsonl").read_text(encoding="utf-8")
    queries = [json.loads(x) for x in qrels.splitlines() if x.strip()]
    indexed, texts = passages(db)
    work = Path(tempfile.mkdtemp(prefix="baggrund-peers-"))
    results = {}
    try:
        for engine in (FTS5, BM25S, Tantivy):
            t = time.perf_counter()
            peer = engine(indexed, work)
            print(f"{engine.name}: indexed in {time.perf_counter() - t:.1f} s", file=sys.stderr)
            results[engine.name] = score(
                ev, queries, lambda q, p=peer: [texts[i] for i in p.search(q, 10)]
            )
        with Library.open(db) as lib:
            results["baggrund (default search)"] = score(
                ev, queries, lambda q: [h.text for h in lib.search(q, limit=10).hits]
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(
        "| engine | nDCG@10 en | recall@10 en | MRR en | nDCG@10 da | recall@10 da | p50 ms | p95 ms |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['ndcg_en']:.3f} | {r['r2_en']:.3f} | {r['rr_en']:.3f} | {r['ndcg_da']:.3f} "
              f"| {r['r2_da']:.3f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
