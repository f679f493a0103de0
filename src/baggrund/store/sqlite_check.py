"""``baggrund db check`` on a SQLite store: SQLite's own integrity check, the store's checks
(:mod:`.integrity`), and the tantivy index compared with the file passage by passage; with
``repair``, the index is mended (entries the store lacks deleted, documents whose entries are
missing, changed or doubled written again, a damaged or foreign index rebuilt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..index import passage_digest
from .integrity import STORE_CHECKS, CheckReport, Finding, compare_index, ids_finding

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

__all__ = ["check"]


def store_findings(store: SQLiteStore) -> list[Finding]:
    out = []
    problems = [r[0] for r in store.db.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        out.append(Finding("sqlite", f"SQLite integrity check: {'; '.join(problems[:5])}"))
    for kind, sql, message in STORE_CHECKS:
        finding = ids_finding(kind, message, (r[0] for r in store.db.execute(sql)))
        if finding:
            out.append(finding)
    seq = store._seq()
    above = [r[0] for r in store.db.execute("SELECT id FROM documents WHERE seq > ?", (seq,))]
    finding = ids_finding("sequence", f"{{n}} document(s) with a sequence above {seq}", above)
    if finding:
        out.append(finding)
    return out


def _expected(store: SQLiteStore) -> dict[int, tuple[int, int]]:
    """Every stored passage: id -> (document id, digest of what the index should hold)."""
    return {
        p["id"]: (doc["id"], passage_digest(doc, p))
        for doc, passages in store._index_rows("")
        for p in passages
    }


def check(store: SQLiteStore, *, repair: bool = False) -> CheckReport:
    """Check the store and its index (under the index's writer lock, so that no ingest moves
    either while they are compared); with ``repair``, mend the index and check again."""
    with store.index.lock():
        report = _check(store)
        if not repair or not report.findings:
            return report
        index_kinds = {f.kind for f in report.findings if f.kind.startswith("index")}
        if not index_kinds:
            return report  # the store's own problems are not the index's to mend
        seq = store._seq()
        if index_kinds & {"index-damaged", "index-state"}:
            store.index.write(store._index_rows(""), seq, rebuild=True)
            done = ["the index was rebuilt from the store"]
        else:
            comparison = compare_index(_expected(store), store.index.entries())
            docs = sorted(comparison.documents)
            rows = store._index_rows("WHERE id IN (SELECT value FROM json_each(?))", (_json(docs),))
            store.index.write(rows, seq, remove_passages=comparison.extra | comparison.duplicated)
            done = [
                f"{len(comparison.extra)} entries deleted from the index; {len(docs)} document(s)"
                " written to it again"
            ]
        after = _check(store)
        after.repaired = done
        return after


def _json(values: list[int]) -> str:
    import json

    return json.dumps(values)


def _check(store: SQLiteStore) -> CheckReport:
    stats = store.stats()
    report = CheckReport(str(store.path), {k: stats[k] for k in ("documents", "passages", "seq")})
    report.findings += store_findings(store)
    index = store.index
    damaged = index.damaged_files()
    indexed = index.indexed_seq()
    folder = index.generation_folder()
    report.index = {
        "path": str(folder) if folder else str(index.path),
        "seq": indexed,
        "files": "sound" if not damaged else "damaged",
    }
    if damaged:
        report.findings.append(
            Finding("index-damaged", f"index files damaged: {'; '.join(damaged[:5])}")
        )
        return report
    if indexed is None:
        report.findings.append(
            Finding("index-state", "the index records no sequence (missing or foreign)")
        )
        return report
    if indexed != stats["seq"]:
        report.findings.append(
            Finding("index-seq", f"the index holds sequence {indexed}, the store {stats['seq']}")
        )
    entries = index.entries()
    comparison = compare_index(_expected(store), entries)
    report.index |= {
        "passages": len(entries),
        "missing": len(comparison.missing),
        "extra": len(comparison.extra),
        "changed": len(comparison.changed),
        "duplicated": len(comparison.duplicated),
    }
    report.findings += comparison.findings()
    return report
