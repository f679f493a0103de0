"""Passage look-ups of the SQLite store that semantic search needs (see :mod:`baggrund.semantic`):
the ids of the passages that search filters allow, and passage rows by id."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from ..index import IndexFilters

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

__all__ = ["passage_ids", "passage_rows", "changed_since"]


def _iso(day: int) -> str:
    """A ``yyyymmdd`` filter bound as the ISO date the documents table holds."""
    text = f"{day:08d}"
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def passage_ids(
    store: SQLiteStore,
    filters: IndexFilters,
    latest: bool = False,
    among: list[int] | None = None,
) -> list[int] | None:
    """The ids of the passages that ``filters`` (and ``latest``: only the newest edition of each
    series) allow, as the full-text index applies them, of all or only of those ``among``; None
    when nothing is filtered."""
    if latest:
        filters = replace(filters, documents=store._latest_documents(filters.country))
    where: list[str] = []
    args: list = []
    for column in ("country", "source", "series"):
        value = getattr(filters, column)
        if value is not None:
            where.append(f"d.{column} = ?")
            args.append(value)
    for column in ("published", "added"):
        low, high = getattr(filters, f"{column}_from"), getattr(filters, f"{column}_to")
        if low is not None:
            where.append(f"d.{column} >= ?")
            args.append(_iso(low))
        if high is not None:
            where.append(f"d.{column} <= ?")
            args.append(_iso(high))
    if filters.documents is not None:
        where.append("d.id IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(list(filters.documents)))
    if filters.document is not None:
        where.append("d.id = ?")
        args.append(filters.document)
    if not where:
        return None
    if among is not None:
        where.append("p.id IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(among))
    sql = "SELECT p.id FROM passages p JOIN documents d ON d.id = p.doc_id WHERE "
    return [r[0] for r in store.db.execute(sql + " AND ".join(where), args)]


def changed_since(store: SQLiteStore, ids: list[int], seq: int) -> set[int]:
    """Those of ``ids`` whose document was added or changed after change ``seq``."""
    if not ids:
        return set()
    rows = store.db.execute(
        "SELECT p.id FROM passages p JOIN documents d ON d.id = p.doc_id"
        " WHERE p.id IN (SELECT value FROM json_each(?)) AND d.seq > ?",
        (json.dumps(ids), seq),
    )
    return {r[0] for r in rows}


def passage_rows(store: SQLiteStore, ids: list[int]) -> dict[int, dict]:
    """Passage rows joined with their document and section, as search hits carry them, by id
    (ids without a passage are left out)."""
    return store._passage_rows(ids)
