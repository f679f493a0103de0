"""Moving a whole library between stores (SQLite to PostgreSQL and back), verified.

Annex numbers, keys, anchors, dates, checksums and update history are copied row for row, not
re-derived; so are case bundles (each item with its note, saved text and date added; a copied
bundle's created date becomes its last-changed date), imported facts datasets and editors'
reviews of facts. Afterwards both stores are compared
document by document and bundle by bundle."""

from __future__ import annotations

import datetime as dt
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
    bundles: int = 0
    datasets: int = 0  # imported facts datasets
    reviews: int = 0  # editors' reviews of facts
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
    out += [f"bundle {ref}: differs or missing" for ref in _bundle_differences(source, target)]
    return out


def _bundle(store: Store, ref: str) -> dict:
    bundle = store.bundle(ref)
    if bundle is None:  # listed a moment ago: removed while it was being read
        raise StoreError(f"bundle {ref!r} went away while it was being read")
    return bundle


def _bundle_items(store: Store) -> dict[str, list]:
    return {
        b["ref"]: [(i["anchor"], i["note"], i["quoted"], str(i["added"]))
                   for i in _bundle(store, b["ref"])["items"]]
        for b in store.bundles()
    }  # fmt: skip


def _bundle_differences(source: Store, target: Store) -> list[str]:
    a, b = _bundle_items(source), _bundle_items(target)
    return sorted(ref for ref in a.keys() | b.keys() if a.get(ref) != b.get(ref))


def _copy_bundles(source: Store, target: Store) -> int:
    rows = source.bundles()
    for row in rows:
        bundle = _bundle(source, row["ref"])
        items = [{**i, "added": str(i["added"])} for i in bundle["items"]]
        day = dt.date.fromisoformat(str(bundle["updated"]))
        target.put_bundle(bundle["ref"], bundle["title"], items, day, None)
    return len(rows)


def _copy_datasets(source: Store, target: Store) -> int:
    """Imported facts datasets (the tier table), with their attribution and import date."""
    datasets = source.fact_datasets()
    for meta in datasets:
        day = dt.date.fromisoformat(str(meta["imported"]))
        target.import_facts(meta, source.dataset_facts(meta["name"]), day)
    return len(datasets)


def _dataset_differences(source: Store, target: Store) -> list[str]:
    a = {m["name"]: m for m in source.fact_datasets()}
    b = {m["name"]: m for m in target.fact_datasets()}
    return sorted(
        f"facts dataset {name}"
        for name in a.keys() | b.keys()
        if a.get(name) != b.get(name) or source.dataset_facts(name) != target.dataset_facts(name)
    )


def _copy_reviews(source: Store, target: Store) -> int:
    """Editors' reviews of facts, exactly (they are kept by document key and anchor, which
    the copy keeps)."""
    reviews = source.fact_reviews()
    for review in reviews:
        target.put_fact_review(review)
    return len(reviews)


def _review_differences(source: Store, target: Store) -> list[str]:
    a, b = set(source.fact_reviews()), set(target.fact_reviews())
    return [f"fact review {r.doc_key}/{r.anchor} at {r.start}: differs or missing"
            for r in sorted(a ^ b, key=lambda r: r.key)]  # fmt: skip


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
    report.bundles = _copy_bundles(source, target)
    target.rebuild_facts()  # the documents' facts are derived from them; datasets are copied
    report.datasets = _copy_datasets(source, target)
    report.reviews = _copy_reviews(source, target)
    report.differences = (compare_libraries(source, target) + _dataset_differences(source, target)
                          + _review_differences(source, target))  # fmt: skip
    return report
