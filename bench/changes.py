"""Changes between editions on the full shared corpus: every consecutive pair of editions
(same country, source and series, one year apart) of the US State Department human rights
reports, or an evenly spread sample of them, aligned by ``Library.changes`` in one process.
Prints time per pair (p50, p95, max) for the whole call (two documents read from the store,
then the alignment) and for the alignment alone, and the totals of what was found.
A benchmark, not a test.

    .venv/bin/python bench/changes.py --shared ../shared [--pairs 300] [--db bench/out/changes.db]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from baggrund.change import compare
from baggrund.library import Library


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def pairs_of(lib: Library) -> list[tuple[str, str, int, int]]:
    """(country, series, older year, newer year) of every consecutive pair of editions."""
    editions: dict[tuple, set[int]] = defaultdict(set)
    for row in lib.store.documents(limit=1_000_000):
        if row["series"] and row["edition_year"]:
            editions[(row["country"], row["source"], row["series"])].add(row["edition_year"])
    out = []
    for (country, _source, series), years in sorted(editions.items()):
        years_sorted = sorted(years)
        for a, b in zip(years_sorted, years_sorted[1:], strict=False):
            if b == a + 1:
                out.append((country, series, a, b))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--db", help="a store that already holds the corpus (else a fresh one)")
    ap.add_argument("--pairs", type=int, default=300, help="how many pairs (0: all)")
    args = ap.parse_args()
    corpus = Path(args.shared) / "corpus" / "usdos-hrr-2016-2024.jsonl.gz"
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = str(Path(tmp.name) / "changes.db")
    with Library.open(db) as lib:
        if not lib.stats().get("documents"):
            t = time.perf_counter()
            summary = lib.ingest([corpus])
            print(f"ingested {summary.added} documents "
                  f"in {time.perf_counter() - t:.1f} s", file=sys.stderr)  # fmt: skip
        pairs = pairs_of(lib)
        if args.pairs and len(pairs) > args.pairs:
            step = len(pairs) / args.pairs
            pairs = [pairs[int(i * step)] for i in range(args.pairs)]
        whole, align, totals, worst = [], [], Counter(), (0.0, None)
        for country, series, a, b in pairs:
            t0 = time.perf_counter()
            result = lib.changes(country, series, a, b)
            t1 = time.perf_counter()
            whole.append((t1 - t0) * 1000)
            old = lib.document(result.old["anchor"])
            new = lib.document(result.new["anchor"])
            t2 = time.perf_counter()
            compare(old, new)
            align.append((time.perf_counter() - t2) * 1000)
            totals.update(result.counts)
            if whole[-1] > worst[0]:
                worst = (whole[-1], f"{country} {a}-{b}")
    print(f"{len(pairs)} pairs of consecutive editions")
    print("| measured | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|")
    for name, values in (("Library.changes (read both, align)", whole), ("alignment only", align)):
        print(f"| {name} | {percentile(values, 50):.1f} | {percentile(values, 95):.1f} "
              f"| {max(values):.1f} |")  # fmt: skip
    print(f"slowest pair: {worst[1]}")
    n = len(pairs) or 1
    print("per pair on average: " + ", ".join(f"{totals[k] / n:.1f} {k}" for k in
          ("unchanged", "rewritten", "new", "removed", "moved", "figures")))  # fmt: skip
    if tmp:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
