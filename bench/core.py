"""Core benchmark: ingest the full shared corpus into a fresh store, then run a fixed list of
queries (top 10 with snippets and citations) and print ingest seconds, documents/s, store size,
query latency p50/p95/p99 and peak memory. For comparison, in the same run, SQLite FTS5 with the
porter tokenizer indexes the same passages and answers the same words (bm25, top 10, no snippets,
no filters).

    .venv/bin/python bench/core.py --shared ../shared [--json]

With ``--db postgresql://user@host/dbname`` (an empty database, or one this benchmark filled
before, with ``--no-ingest``) the same ingest and queries run on the PostgreSQL store; the size
is the database's, and every query's match count is computed afresh (the store's count cache,
which serves repeated queries and pages, is emptied before each query). The FTS5 comparison
runs only with the SQLite store.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from baggrund.library import Library

QUERIES: list[tuple[str, dict]] = [
    ("government", {}),
    ("women", {}),
    ("police", {"latest": True}),
    ("torture", {}),
    ("psychological coercion", {"country": "Aserbajdsjan"}),
    ("Are sex trafficking victims in Azerbaijan penalized for prostitution?", {}),
    ('"exit visa"', {"country": "Eritrea"}),
    ("deserters punished", {"country": "ERI"}),
    ("military service conscription", {}),
    ("conversion from Islam apostasy", {"country": "Iran"}),
    ("female genital mutilation", {"country": "Somalia"}),
    ("honor killings", {}),
    ("forced marriage", {"latest": True}),
    ("prison conditions overcrowding", {}),
    ("journalists arrested", {"since": "2022-01-01"}),
    ("LGBTQI criminalized same-sex", {}),
    ("returnees detained on arrival", {}),
    ("internally displaced persons", {"country": "Syria"}),
    ("blood feud", {"country": "Albania"}),
    ("Hazara discrimination", {"country": "Afghanistan"}),
    ("Taliban restrictions on women", {"latest": True}),
    ("death penalty executions", {"country": "IRN"}),
    ("freedom of expression", {}),
    ("detain*", {}),
    ("torture OR beating -Syria", {}),
    ("child labor", {"source": "U.S. Department of State"}),
    ("trafficking victims shelter", {"latest": True}),
    ("Baha'i", {}),
    ("Kurds", {"country": "Turkey"}),
    ("political prisoners", {"country": "Aserbajdsjan", "latest": True}),
    ("clan militia", {"country": "Somalia"}),
    ("election fraud", {"until": "2019-12-31"}),
    ("the", {}),
    ('"', {}),
]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return path.stat().st_size if path.exists() else 0


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def postgres_size(lib: Library) -> int:
    with lib.store._connection() as conn:  # the whole database: one library per database
        return conn.execute("SELECT pg_database_size(current_database()) AS n").fetchone()["n"]


def analyze(db: str) -> float:
    """VACUUM ANALYZE after a bulk ingest (autovacuum would do it a little later): the planner
    needs the statistics. Returns the seconds it took."""
    import psycopg

    t0 = time.perf_counter()
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return time.perf_counter() - t0


def run_baggrund(work: Path, inputs: list[Path], rounds: int, db: str | None = None,
                 ingest: bool = True, rum: bool | None = None) -> dict:  # fmt: skip
    location = db or str(work / "bench.db")
    extra: dict = {}
    summary = None
    ingest_s = 0.0
    if rum is not None:  # PostgreSQL: the opt-in RUM index built (before a first load) or dropped
        with Library.open(location) as lib:
            lib.store.upgrade(rum=rum)
    if ingest:
        t0 = time.perf_counter()
        with Library.open(location) as lib:
            if lib.stats()["documents"]:
                raise SystemExit(f"{location}: not empty (use an empty database, or --no-ingest)")
            summary = lib.ingest(inputs)
        ingest_s = time.perf_counter() - t0
    if is_postgres(location):
        extra["analyze_s"] = round(analyze(location), 1)
    times = []
    with Library.open(location) as lib:
        stats = lib.stats()
        forget = getattr(lib.store, "forget_counts", lambda: None)
        for q, opts in QUERIES:  # warm-up
            lib.search(q, **opts)
        for _ in range(rounds):
            for q, opts in QUERIES:
                forget()
                t = time.perf_counter()
                lib.search(q, limit=10, **opts)
                times.append((time.perf_counter() - t) * 1000)
        if is_postgres(location):
            engine = f"baggrund (PostgreSQL, {lib.store.ranking} ranking, snippets, filters)"
            size = postgres_size(lib)
        else:
            engine = "baggrund (SQLite + tantivy, snippets, filters)"
            files = [Path(location), Path(f"{location}-wal"), Path(f"{location}.index")]
            size = sum(size_of(f) for f in files)
    result = {
        "engine": engine,
        "documents": stats["documents"],
        "passages": stats["passages"],
        "rejected": len(summary.rejected) if summary else None,
        "ingest_s": round(ingest_s, 1) if ingest else None,
        "docs_per_s": round(stats["documents"] / ingest_s) if ingest else None,
        "size_mb": round(size / 1e6),
        **extra,
        **latency(times),
    }
    return result


def run_tantivy_raw(location: str, rounds: int) -> dict:
    """tantivy's own top 10 on the library's index: its query parser over the English text and
    heading fields (words OR-ed), the passage ids of the best ten; no filters, no folding,
    no rows, no snippets. The floor that baggrund's search is compared with."""
    times = []
    with Library.open(location) as lib:
        index = lib.store.index
        searcher = index._searcher()
        raw = index._index
        fields = ["text_en", "heading_en"]
        parsed = []
        for q, _opts in QUERIES:
            words = re.findall(r"\w+", q)
            if words:
                parsed.append(raw.parse_query(" ".join(words), fields))
        for query in parsed:  # warm-up
            searcher.search(query, limit=10)
        for _ in range(rounds):
            for query in parsed:
                t = time.perf_counter()
                hits = searcher.search(query, limit=10).hits
                searcher.fast_field_values("pid", [addr for _, addr in hits])
                times.append((time.perf_counter() - t) * 1000)
    return {
        "engine": "tantivy raw top 10 (same index, its query parser, ids only)",
        **latency(times),
    }


def latency(times: list[float]) -> dict:
    return {
        "queries": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
    }


def run_fts5(work: Path, passages_db: Path, rounds: int) -> dict:
    """SQLite FTS5, porter tokenizer, the same passages with their headings, terms OR-ed."""
    db = sqlite3.connect(work / "fts5.db")
    src = sqlite3.connect(passages_db)
    db.execute("CREATE VIRTUAL TABLE p USING fts5(heading, text, tokenize='porter unicode61')")
    t0 = time.perf_counter()
    rows = src.execute(
        "SELECT s.heading, p.text FROM passages p JOIN sections s"
        " ON s.doc_id = p.doc_id AND s.ordinal = p.section"
    )
    db.executemany("INSERT INTO p VALUES (?, ?)", rows)
    db.commit()
    ingest_s = time.perf_counter() - t0
    times = []
    for _ in range(rounds):
        for q, _opts in QUERIES:
            words = re.findall(r"\w+", q)
            if not words:
                continue
            match = " OR ".join(f'"{w}"' for w in words)
            t = time.perf_counter()
            db.execute(
                "SELECT rowid FROM p WHERE p MATCH ? ORDER BY rank LIMIT 10", (match,)
            ).fetchall()
            times.append((time.perf_counter() - t) * 1000)
    db.close()
    return {
        "engine": "SQLite FTS5 porter (index only, no snippets/filters)",
        "ingest_s": round(ingest_s, 1),
        "size_mb": round(size_of(work / "fts5.db") / 1e6),
        **latency(times),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-peer", action="store_true", help="skip the FTS5 comparison")
    ap.add_argument("--db", help="a postgresql:// URL of an empty database, or a SQLite file "
                    "(with --no-ingest: a library already holding the corpus)")  # fmt: skip
    ap.add_argument("--no-ingest", action="store_true", help="query the library --db holds")
    ap.add_argument(
        "--rum",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="PostgreSQL: build (--rum) or drop (--no-rum) the opt-in RUM index",
    )
    args = ap.parse_args()
    shared = Path(args.shared)
    inputs = [shared / "corpus" / "usdos-hrr-2016-2024.jsonl.gz", shared / "corpus" / "board"]
    if not inputs[0].exists():
        print(f"no corpus at {inputs[0]}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="baggrund-bench-"))
    try:
        results = [run_baggrund(work, inputs, args.rounds, args.db, not args.no_ingest, args.rum)]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results[0]["peak_mb"] = round(peak)
        location = args.db or str(work / "bench.db")
        if not args.no_peer and not is_postgres(location):
            results.append(run_tantivy_raw(location, args.rounds))
        if not args.no_peer and not args.db:
            results.append(run_fts5(work, work / "bench.db", args.rounds))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for r in results:
        print(r["engine"])
        for k, v in r.items():
            if k != "engine":
                print(f"  {k:>12}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
