"""Moving a whole library between stores (SQLite to PostgreSQL and back), verified.

Annex numbers, keys, anchors, dates, checksums and update history are copied row for row, not
re-derived; afterwards both stores are compared document by document."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import StoreError
from .store import Store

__all__ = ["CopyReport", "copy_library", "compare_libraries"]


@dataclass
class CopyReport:
    documents: int = 0
    differences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


def _digest(record: dict) -> str:
    return hashlib.sha256(
        json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()


def _fingerprints(store: Store) -> dict[tuple[str, int], str]:
    return {(r["document"]["country"], r["document"]["annex"]): _digest(r) for r in store.export()}


def compare_libraries(source: Store, target: Store) -> list[str]:
    """Differences between two stores: missing or differing documents, annex counters."""
    a, b = _fingerprints(source), _fingerprints(target)
    out = [f"{c}-{n}: missing in the target" for c, n in sorted(a.keys() - b.keys())]
    out += [f"{c}-{n}: only in the target" for c, n in sorted(b.keys() - a.keys())]
    out += [f"{c}-{n}: differs" for c, n in sorted(a.keys() & b.keys()) if a[(c, n)] != b[(c, n)]]
    if source.annex_counters() != target.annex_counters():
        out.append("annex counters differ")
    return out


def copy_library(
    source: Store, target: Store, on_progress: Callable[[int], None] = lambda n: None
) -> CopyReport:
    """Copy every document of ``source`` into the empty ``target``, then compare both."""
    if target.stats()["documents"]:
        raise StoreError("the target store is not empty; copy only into a new store")

    def records():
        for record in source.export():
            yield record
            on_progress(1)

    report = CopyReport(documents=target.restore(records(), source.annex_counters()))
    report.differences = compare_libraries(source, target)
    return report
