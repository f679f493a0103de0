"""Core benchmark: ingest the full shared corpus into a fresh store, then run a fixed list of
queries (top 10 with snippets and citations) and print ingest seconds, documents/s, store size,
query latency p50/p95/p99 and peak memory. For comparison, in the same run, SQLite FTS5 with the
porter tokenizer indexes the same passages and answers the same words (bm25, top 10, no snippets,
no filters).

    .venv/bin/python bench/core.py --shared ../shared [--json]
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


def run_baggrund(work: Path, inputs: list[Path], rounds: int) -> dict:
    db = work / "bench.db"
    t0 = time.perf_counter()
    with Library.open(db) as lib:
        summary = lib.ingest(inputs)
    ingest_s = time.perf_counter() - t0
    times = []
    with Library.open(db) as lib:
        stats = lib.stats()
        for q, opts in QUERIES:  # warm-up
            lib.search(q, **opts)
        for _ in range(rounds):
            for q, opts in QUERIES:
                t = time.perf_counter()
                lib.search(q, limit=10, **opts)
                times.append((time.perf_counter() - t) * 1000)
    files = [db, Path(f"{db}-wal"), Path(f"{db}.index")]
    return {
        "engine": "baggrund (SQLite + tantivy, snippets, filters)",
        "documents": stats["documents"],
        "passages": stats["passages"],
        "rejected": len(summary.rejected),
        "ingest_s": round(ingest_s, 1),
        "docs_per_s": round(stats["documents"] / ingest_s),
        "size_mb": round(sum(size_of(f) for f in files) / 1e6),
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
    args = ap.parse_args()
    shared = Path(args.shared)
    inputs = [shared / "corpus" / "usdos-hrr-2016-2024.jsonl.gz", shared / "corpus" / "board"]
    if not inputs[0].exists():
        print(f"no corpus at {inputs[0]}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="baggrund-bench-"))
    try:
        results = [run_baggrund(work, inputs, args.rounds)]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results[0]["peak_mb"] = round(peak)
        if not args.no_peer:
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
