"""``baggrund db check``: what a store and its derived index are found to hold, and every way
in which they are out of step.

The store's own checks are the same SQL on SQLite and PostgreSQL (the tables are the same):
documents stored without passages or sections (half-stored), passages whose section is missing,
annex numbers above the country's counter (a number that could be handed out again), and a
document sequence above the store's own. The index check compares every passage the SQLite
store holds with the entries of its tantivy index: passage ids, their documents and a digest
of their content, the sequence the index claims, and the checksum of every index file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from ..index import IndexEntry

__all__ = ["Finding", "CheckReport", "STORE_CHECKS", "IndexComparison", "compare_index"]


@dataclass(frozen=True)
class Finding:
    """One problem: its kind, a one-line message, and the ids concerned (a few of them)."""

    kind: str
    message: str
    ids: tuple[int, ...] = ()


@dataclass
class CheckReport:
    """What ``db check`` found: the store's figures, the index's (SQLite), the problems, and
    what ``--repair`` did."""

    location: str
    store: dict
    index: dict | None = None
    findings: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict:
        return {
            "location": self.location,
            "ok": self.ok,
            "store": self.store,
            "index": self.index,
            "findings": [asdict(f) | {"ids": list(f.ids)} for f in self.findings],
            "repaired": self.repaired,
        }


# (kind, SQL giving the ids concerned, message with {n}): the same on both stores.
STORE_CHECKS: tuple[tuple[str, str, str], ...] = (
    (
        "half-stored",
        "SELECT d.id FROM documents d WHERE NOT EXISTS"
        " (SELECT 1 FROM passages p WHERE p.doc_id = d.id) OR NOT EXISTS"
        " (SELECT 1 FROM sections s WHERE s.doc_id = d.id) ORDER BY d.id",
        "{n} document(s) stored without passages or sections",
    ),
    (
        "orphan-passage",
        "SELECT p.id FROM passages p WHERE NOT EXISTS (SELECT 1 FROM sections s"
        " WHERE s.doc_id = p.doc_id AND s.ordinal = p.section) ORDER BY p.id",
        "{n} passage(s) whose section is missing",
    ),
    (
        "annex-counter",
        "SELECT min(d.id) FROM documents d LEFT JOIN annex_counters c ON c.country = d.country"
        " GROUP BY d.country HAVING max(d.annex) > max(COALESCE(c.last, 0)) ORDER BY 1",
        "{n} country counter(s) below an annex number in use (the number could be given twice)",
    ),
)


def ids_finding(kind: str, message: str, ids: Iterable[int]) -> Finding | None:
    found = sorted(ids)
    if not found:
        return None
    shown = ", ".join(str(i) for i in found[:10]) + (" ..." if len(found) > 10 else "")
    return Finding(kind, f"{message.format(n=len(found))} ({shown})", tuple(found[:100]))


@dataclass(frozen=True)
class IndexComparison:
    """The store's passages against the index's entries."""

    missing: frozenset[int]  # passage ids the store has and the index lacks
    extra: frozenset[int]  # entries the index has for passages the store does not
    changed: frozenset[int]  # passages whose content (or document) differs
    duplicated: frozenset[int]  # passages the index holds more than once
    documents: frozenset[int]  # the store's documents to write again to mend the rest

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.changed or self.duplicated)

    def findings(self) -> list[Finding]:
        out = [
            ids_finding("index-missing", "{n} passage(s) of the store missing from the index",
                        self.missing),
            ids_finding("index-extra", "{n} passage(s) in the index are not in the store",
                        self.extra),
            ids_finding("index-changed", "{n} passage(s) differ between the index and the store",
                        self.changed),
            ids_finding("index-duplicated", "{n} passage(s) are in the index more than once",
                        self.duplicated),
        ]  # fmt: skip
        return [f for f in out if f]


def compare_index(expected: dict[int, tuple[int, int]], entries: list[IndexEntry]):
    """``expected``: passage id -> (document id, digest), as the store holds them."""
    seen = Counter(e.pid for e in entries)
    held = {e.pid: (e.doc, e.digest) for e in entries}
    missing = frozenset(expected.keys() - held.keys())
    extra = frozenset(held.keys() - expected.keys())
    changed = frozenset(p for p, v in held.items() if p in expected and expected[p] != v)
    duplicated = frozenset(p for p, n in seen.items() if n > 1 and p in expected)
    docs = {expected[p][0] for p in missing | changed | duplicated}
    return IndexComparison(missing, extra, changed, duplicated, frozenset(docs))
