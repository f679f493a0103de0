"""Whole-library transfer for the PostgreSQL store (``baggrund copy``): every document row for
row out of it, and into an empty one, keeping annex numbers, anchors, dates and history; and
the frame of a first load by ``baggrund ingest``."""

from __future__ import annotations

import contextlib
import datetime as dt
import zlib
from collections.abc import Iterable, Iterator

from ..errors import StoreError
from . import pg_frequent, pg_rum, pgquery
from .mixin_host import PostgresHost
from .sqlite_transfer import DOCUMENT_FIELDS


def _iso(row: dict) -> dict:
    for k, v in row.items():
        if isinstance(v, dt.date):
            row[k] = v.isoformat()
    return row


class PostgresTransfer(PostgresHost):
    """Export, restore and bulk-load methods of the store (mixed into it)."""

    @contextlib.contextmanager
    def loading(self) -> Iterator[None]:
        """The frame of an ingest. Into a library with no passages yet (a first load), the
        RUM index is dropped and built once at the end, in seconds, instead of row by row (its
        upkeep doubles the time of a load). Searches during the load stay correct, only slower.
        Should the process die first, ``baggrund db upgrade`` builds the index. After a load
        that has grown the library by a quarter, the frequent words' tables are rebuilt
        (:mod:`.pg_frequent`; not if the load failed)."""
        deferred = False
        if self._rum is not None:
            with self._connection() as conn, conn.transaction():
                self._lock_schema(conn)
                if not conn.execute("SELECT EXISTS (SELECT 1 FROM passages) AS e").fetchone()["e"]:
                    pg_rum.drop(conn)
                    deferred = True
        try:
            yield
        finally:
            if deferred:
                with self._connection() as conn, conn.transaction():
                    self._lock_schema(conn)  # one builder at a time (IF NOT EXISTS races)
                    pg_rum.build(conn)
                    self._rum = pg_rum.schema(conn)
        with self._connection() as conn, conn.transaction():
            pg_frequent.refresh_if_grown(conn)

    def export(self) -> Iterator[dict]:
        """Every document row for row, in annex order per country, as the SQLite store's."""
        with (
            self._connection() as conn,
            conn.transaction(),
            conn.cursor(name="baggrund_export") as docs,
        ):
            docs.execute("SELECT * FROM documents ORDER BY country, annex")
            for row in docs:
                _iso(row)
                doc_id = row["id"]
                yield {
                    "document": {k: row[k] for k in DOCUMENT_FIELDS},
                    "body": zlib.decompress(row["body"]).decode("utf-8"),
                    "sections": conn.execute(
                        "SELECT ordinal, slug, heading, level, path FROM sections"
                        " WHERE doc_id = %s ORDER BY ordinal",
                        (doc_id,),
                    ).fetchall(),
                    "passages": conn.execute(
                        "SELECT ordinal, section, number, anchor, text, page FROM passages"
                        " WHERE doc_id = %s ORDER BY ordinal",
                        (doc_id,),
                    ).fetchall(),
                    "updates": [
                        _iso(u)
                        for u in conn.execute(
                            "SELECT at, old_checksum, new_checksum, origin FROM updates"
                            " WHERE doc_id = %s ORDER BY id",
                            (doc_id,),
                        )
                    ],
                }

    def annex_counters(self) -> dict[str, int]:
        rows = self._rows("SELECT country, last FROM annex_counters")
        return {r["country"]: r["last"] for r in rows}

    def restore(self, records: Iterable[dict], annex_counters: dict[str, int]) -> int:
        """Write exported records into this (empty) store in one transaction, keeping every
        number, anchor, date and checksum."""
        count = 0
        with self._connection() as conn, conn.transaction():
            self._lock_schema(conn)
            if conn.execute("SELECT EXISTS (SELECT 1 FROM documents) AS e").fetchone()["e"]:
                raise StoreError(f"{self.where}: the target store is not empty")
            # the RUM index is built once at the end (seconds), not row by row (minutes)
            rum = conn.execute("SELECT to_regclass('passages_rum') IS NOT NULL AS r").fetchone()
            if rum["r"]:
                pg_rum.drop(conn)
            cols = ", ".join(DOCUMENT_FIELDS)
            marks = ", ".join(["%s"] * len(DOCUMENT_FIELDS))
            for rec in records:
                d = rec["document"]
                body = zlib.compress(rec["body"].encode("utf-8"), 1)
                doc_id = conn.execute(
                    f"INSERT INTO documents ({cols}, body, seq)"
                    f" VALUES ({marks}, %s, nextval('change_seq')) RETURNING id",
                    [d.get(k) for k in DOCUMENT_FIELDS] + [body],
                ).fetchone()["id"]
                pgquery.insert_passages(
                    conn, doc_id, d["language"], d["title"], rec["sections"], rec["passages"]
                )
                with conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO updates (doc_id, at, old_checksum, new_checksum, origin)"
                        " VALUES (%s, %s, %s, %s, %s)",
                        [(doc_id, u["at"], u["old_checksum"], u["new_checksum"], u["origin"])
                         for u in rec["updates"]],
                    )  # fmt: skip
                count += 1
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO annex_counters AS c (country, last) VALUES (%s, %s)"
                    " ON CONFLICT (country) DO UPDATE SET last = GREATEST(c.last, EXCLUDED.last)",
                    list(annex_counters.items()),
                )
            if rum["r"]:
                pg_rum.build(conn)
            pg_frequent.refresh(conn)
        return count
