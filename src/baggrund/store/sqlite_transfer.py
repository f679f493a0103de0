"""Export and restore of a whole SQLite library, row for row: annex numbers, keys, anchors,
dates, checksums and update history are kept exactly (used by ``baggrund copy``)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..errors import StoreError

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

DOCUMENT_FIELDS = (
    "key", "external_id", "country", "annex", "collection", "source", "series", "edition_year",
    "title", "url", "published", "date_kind", "added", "updated", "language", "checksum", "origin", "format",
    "repairs",
)  # fmt: skip


def export(store: SQLiteStore) -> Iterator[dict]:
    """Every document with its body text, sections, passages and update history, in annex
    order per country."""
    db = store.db
    for row in db.execute("SELECT * FROM documents ORDER BY country, annex").fetchall():
        doc_id = row["id"]
        yield {
            "document": {k: row[k] for k in DOCUMENT_FIELDS},
            "body": zlib.decompress(row["body"]).decode("utf-8"),
            "sections": [
                {**dict(s), "path": json.loads(s["path"])}
                for s in db.execute(
                    "SELECT ordinal, slug, heading, level, path FROM sections WHERE doc_id = ?"
                    " ORDER BY ordinal",
                    (doc_id,),
                )
            ],
            "passages": [
                dict(p)
                for p in db.execute(
                    "SELECT ordinal, section, number, anchor, text, page FROM passages"
                    " WHERE doc_id = ? ORDER BY ordinal",
                    (doc_id,),
                )
            ],
            "updates": [
                dict(u)
                for u in db.execute(
                    "SELECT at, old_checksum, new_checksum, origin FROM updates WHERE doc_id = ?"
                    " ORDER BY id",
                    (doc_id,),
                )
            ],
        }


def counters(store: SQLiteStore) -> dict[str, int]:
    return dict(store.db.execute("SELECT country, last FROM annex_counters").fetchall())


def restore(store: SQLiteStore, records: Iterable[dict], annex_counters: dict[str, int]) -> int:
    """Write exported records into an empty store, in one transaction; then index them."""
    db = store.db
    if db.execute("SELECT count(*) FROM documents").fetchone()[0]:
        raise StoreError(f"{store.path}: the target store is not empty")
    count = 0
    with store.index.lock():
        with store._transaction():
            seq = store._seq()
            for rec in records:
                seq += 1
                d = rec["document"]
                body = zlib.compress(rec["body"].encode("utf-8"), 1)
                cols = ", ".join(DOCUMENT_FIELDS)
                marks = ", ".join("?" * (len(DOCUMENT_FIELDS) + 2))
                cur = db.execute(
                    f"INSERT INTO documents ({cols}, body, seq) VALUES ({marks})",
                    [d.get(k) for k in DOCUMENT_FIELDS] + [body, seq],
                )
                doc_id = cur.lastrowid
                db.executemany(
                    "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?)",
                    [(doc_id, s["ordinal"], s["slug"], s["heading"], s["level"],
                      json.dumps(s["path"], ensure_ascii=False)) for s in rec["sections"]],
                )  # fmt: skip
                db.executemany(
                    "INSERT INTO passages (doc_id, ordinal, section, number, anchor, text, page)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(doc_id, p["ordinal"], p["section"], p["number"], p["anchor"], p["text"],
                      p.get("page")) for p in rec["passages"]],
                )  # fmt: skip
                db.executemany(
                    "INSERT INTO updates (doc_id, at, old_checksum, new_checksum, origin)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [(doc_id, u["at"], u["old_checksum"], u["new_checksum"], u["origin"])
                     for u in rec["updates"]],
                )  # fmt: skip
                count += 1
            db.executemany(
                "INSERT INTO annex_counters VALUES (?, ?) ON CONFLICT (country)"
                " DO UPDATE SET last = max(last, excluded.last)",
                list(annex_counters.items()),
            )
            db.execute("UPDATE meta SET value = ? WHERE key = 'seq'", (str(seq),))
        store.index.write(store._index_rows(""), seq, rebuild=True)
    return count
