"""The SQLite store: one file (WAL) is the system of record; a tantivy index beside it
(``<file>.index/``) answers full-text queries and is rebuilt from the file when missing, stale
or damaged."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sqlite3
import uuid
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from .. import crashpoint
from ..document import Document
from ..errors import BadDocument, BaggrundError, StoreError
from ..index import PassageIndex
from . import (
    Decision,
    RawHit,
    RawPage,
    SaveOutcome,
    SearchRequest,
    decide,
    sqlite_check,
    sqlite_transfer,
)
from .integrity import CheckReport
from .sqlite_bundles import SQLiteBundles
from .sqlite_facts import SQLiteFacts
from .sqlite_schema import MIGRATIONS, SCHEMA_VERSION
from .sqlite_sessions import SQLiteSessions

__all__ = ["SQLiteStore", "SCHEMA_VERSION", "MIGRATIONS"]

log = logging.getLogger("baggrund")
_DOC_COLUMNS = """d.id AS doc_id, d.key, d.external_id, d.country, d.annex, d.collection, d.source,
    d.series, d.edition_year, d.title, d.url, d.published, d.date_kind, d.added, d.updated,
    d.language"""


# The newest edition of the row's series in the library (search hits carry it, for age).
SERIES_NEWEST = """(SELECT max(x.edition_year) FROM documents x WHERE x.country = d.country
    AND x.source = d.source AND x.series = d.series) AS series_newest"""


def _in_chunks(ids: list[int]) -> Iterator[tuple[list[int], str]]:
    """``ids`` in pieces under SQLite's limit of bound values, each with its placeholders."""
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        yield chunk, ",".join("?" * len(chunk))


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


class SQLiteStore(SQLiteBundles, SQLiteFacts, SQLiteSessions):
    """A library in one SQLite file."""

    def __init__(self, path: str, *, upgrade: bool = False, sync: bool = True):
        """Open (creating if needed) the file; with ``upgrade``, an older schema is upgraded
        first, otherwise it is an error that says to run ``baggrund db upgrade``."""
        self.path = Path(path)
        self._upgrade = upgrade
        self._upgraded_from: int | None = None
        try:
            self.db = sqlite3.connect(str(self.path), timeout=60, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a baggrund database ({exc})") from None
        owner = self._meta("uuid")
        if owner is None:  # every baggrund database is given one when it is made
            raise StoreError(f"{self.path}: not a baggrund database (no uuid in its meta table)")
        self.index = PassageIndex(f"{self.path}.index", owner)
        self._current_at: int | None = None  # the database's sequence the index last matched
        # what is read from the documents table, kept while the file's sequence stays the same:
        # name -> (sequence, its entries); see _while_unchanged
        self._caches: dict[str, tuple[int, dict]] = {}
        if sync:
            self.sync_index(check_count=True)

    # -- schema and bookkeeping --------------------------------------------------------------
    def _migrate(self) -> None:
        """Create the schema in a new file; remember the version of an existing one."""
        tables = {
            r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if tables and "meta" not in tables:
            raise StoreError(f"{self.path}: not a baggrund database")
        if "meta" in tables:
            version = int(self._meta("schema_version") or 0)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: made by a newer baggrund (schema {version}); upgrade baggrund"
                )
            if version < SCHEMA_VERSION and self._upgrade:
                with self._transaction():
                    self._upgraded_from = version
                    self._apply(version)
            elif version < SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: the database is at schema version {version}, this baggrund"
                    f" needs {SCHEMA_VERSION}; run `baggrund db upgrade`"
                )
            return
        with self._transaction():
            self._apply(0)
            self.db.executemany(
                "INSERT INTO meta VALUES (?, ?)", [("uuid", uuid.uuid4().hex), ("seq", "0")]
            )

    def _apply(self, version: int) -> int:
        """Run the migration steps after ``version`` (inside the caller's transaction)."""
        for step, statements in MIGRATIONS:
            if step <= version:
                continue
            for statement in statements:
                self.db.execute(statement)
            self.db.execute(
                "INSERT INTO meta VALUES ('schema_version', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(step),),
            )
            version = step
        return version

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # -- the library's settings (the meta table, keys "setting:NAME") ------------------------
    def setting(self, name: str) -> str | None:
        return self._meta(f"setting:{name}")

    def put_setting(self, name: str, value: str) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (f"setting:{name}", value),
            )

    def _seq(self) -> int:
        return int(self._meta("seq") or 0)

    def _transaction(self):
        store = self

        class _Tx:
            def __enter__(self):
                store.db.execute("BEGIN IMMEDIATE")

            def __exit__(self, kind, exc, tb):
                store.db.execute("COMMIT" if kind is None else "ROLLBACK")

        return _Tx()

    def close(self) -> None:
        self.db.close()
        self.index.close()

    def upgrade(self, *, rum: bool | None = None) -> tuple[int, int]:
        """Apply missing schema migrations: (version before, version after)."""
        if rum is not None:
            raise StoreError(f"{self.path}: the RUM index is for PostgreSQL stores only")
        with self._transaction():
            before = int(self._meta("schema_version") or 0)
            after = self._apply(before)
        if self._upgraded_from is not None:  # upgraded when opened
            before, self._upgraded_from = self._upgraded_from, None
        return before, after

    # -- the derived index -------------------------------------------------------------------
    def _index_rows(self, where: str, args=()) -> list[tuple[dict, list[dict]]]:
        docs = [
            dict(r)
            for r in self.db.execute(
                f"SELECT id, country, annex, source, series, title, language, published, added,"
                f" COALESCE(edition_year, CAST(substr(published, 1, 4) AS INTEGER)) AS year"
                f" FROM documents {where}",
                args,
            )
        ]
        out = []
        for doc in docs:
            for name in ("published", "added"):
                doc[name] = dt.date.fromisoformat(doc[name]) if doc[name] else None
            passages = [
                {"id": r[0], "text": r[1], "heading": r[2], "ordinal": r[3]}
                for r in self.db.execute(
                    "SELECT p.id, p.text, s.path, p.ordinal FROM passages p JOIN sections s"
                    " ON s.doc_id = p.doc_id AND s.ordinal = p.section WHERE p.doc_id = ?"
                    " ORDER BY p.ordinal",
                    (doc["id"],),
                )
            ]
            for p in passages:
                p["heading"] = " / ".join(json.loads(p["heading"]))
            out.append((doc, passages))
        return out

    def sync_index(self, *, check_count: bool = False) -> str:
        """Bring the index up to date with the file: ``current``, ``updated`` or ``rebuilt``.
        With ``check_count`` (on opening), an index whose files fail their checksums or whose
        passage count differs from the file's is rebuilt."""
        seq = self._seq()
        if not check_count and seq == self._current_at and self.index.still_open():
            return "current"  # nothing written since the index was found to hold this seq
        if self.index.indexed_seq() == seq and not (check_count and self._damaged()):
            self._current_at = seq
            return "current"
        with self.index.lock():
            seq, have = self._seq(), self.index.indexed_seq()
            damaged = check_count and self._damaged()
            if have == seq and not damaged:
                return "current"
            rebuild = have is None or have > seq or damaged
            if rebuild and seq > 0:
                log.info("%s: building the search index from the database ...", self.path)
            where, args = ("", ()) if rebuild else ("WHERE seq > ?", (have,))
            self.index.write(self._index_rows(where, args), seq, rebuild=rebuild)
            self._current_at = None  # verified afresh on the next search
            return "rebuilt" if rebuild else "updated"

    def _damaged(self) -> bool:
        """Files that fail their checksums (about 0.06 s for the whole shared corpus), or a
        passage count other than the file's."""
        if self.index.generation_folder() is None:
            return False  # no index yet: built as one that is missing
        problems = self.index.damaged_files()
        if problems:
            log.warning("%s: the search index is damaged (%s); rebuilding it", self.path,
                        problems[0])  # fmt: skip
            return True
        return self._count_differs()

    def _count_differs(self) -> bool:
        try:
            return self.index.count() != self._passage_count()
        except (OSError, ValueError):
            return True

    def check(self, *, repair: bool = False) -> CheckReport:
        """Compare the file with itself and with its index (see :mod:`.sqlite_check`)."""
        return sqlite_check.check(self, repair=repair)

    def _passage_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM passages").fetchone()[0]

    # -- writing -----------------------------------------------------------------------------
    saves_concurrently = False  # one connection, used by the thread that opened it

    def loading(self) -> contextlib.AbstractContextManager[None]:
        """Nothing to prepare: batches are committed to the file and the index as they come."""
        return contextlib.nullcontext()

    def save(self, documents: Sequence[Document], today: dt.date) -> list[SaveOutcome]:
        """Store a batch. Each document is saved whole or not at all (a savepoint each); the
        batch is committed to the file and then to the index, under one writer lock."""
        outcomes: list[SaveOutcome] = []
        changed: list[int] = []
        with self.index.lock():
            self.sync_index()
            with self._transaction():
                seq = self._seq()
                for doc in documents:
                    self.db.execute("SAVEPOINT doc")
                    try:
                        outcome = self._save_one(doc, today, seq + 1)
                    except BaggrundError as exc:
                        self.db.execute("ROLLBACK TO doc")
                        outcome = SaveOutcome("rejected", doc, error=exc)
                    except (sqlite3.IntegrityError, OverflowError, UnicodeError) as exc:
                        # a value SQLite cannot hold: reject this document, keep the batch
                        self.db.execute("ROLLBACK TO doc")
                        error = BadDocument(f"cannot be stored: {exc}")
                        outcome = SaveOutcome("rejected", doc, error=error)
                    self.db.execute("RELEASE doc")
                    if outcome.status in ("added", "updated"):
                        seq += 1
                        changed.append(seq)
                    outcomes.append(outcome)
                self.db.execute("UPDATE meta SET value = ? WHERE key = 'seq'", (str(seq),))
                crashpoint.reached("store.before_commit")
            crashpoint.reached("store.after_commit")
            if changed:
                self.index.write(self._index_rows("WHERE seq >= ?", (changed[0],)), seq)
        return outcomes

    def _find(self, sql: str, args) -> dict | None:
        row = self.db.execute(sql, args).fetchone()
        return dict(row) if row else None

    def _save_one(self, doc: Document, today: dt.date, seq: int) -> SaveOutcome:
        code = doc.country.code
        cols = "id, key, country, annex, title, source, checksum, added"
        if doc.external_id:
            existing = self._find(
                f"SELECT {cols} FROM documents WHERE external_id = ?", (doc.external_id,)
            )
        elif doc.annex is not None:
            existing = self._find(
                f"SELECT {cols} FROM documents WHERE country = ? AND annex = ? AND external_id IS NULL",
                (code, doc.annex),
            )
        else:  # no identity: the same document stored before is found by its content
            existing = self._find(
                f"SELECT {cols} FROM documents WHERE checksum = ? AND country = ?",
                (doc.checksum, code),
            )
        occupant = None
        if existing is None and doc.annex is not None:
            occupant = self._find(
                f"SELECT {cols} FROM documents WHERE country = ? AND annex = ?", (code, doc.annex)
            )
        decision: Decision = decide(doc, existing, occupant)
        if decision.action == "unchanged":
            assert existing is not None  # decide() keeps only a document it was given
            return SaveOutcome("unchanged", doc, existing["key"], existing["annex"])
        if decision.action == "update":
            assert existing is not None  # decide() updates only a document it was given
            doc_id, annex, key = existing["id"], existing["annex"], existing["key"]
            self.db.execute("DELETE FROM passages WHERE doc_id = ?", (doc_id,))
            self.db.execute("DELETE FROM sections WHERE doc_id = ?", (doc_id,))
            self.db.execute(
                "INSERT INTO updates (doc_id, at, old_checksum, new_checksum, origin)"
                " VALUES (?, ?, ?, ?, ?)",
                (doc_id, today.isoformat(), existing["checksum"], doc.checksum, doc.record.origin),
            )
            added = doc.added.isoformat() if doc.added else existing["added"]
            self.db.execute(
                "UPDATE documents SET collection=?, source=?, series=?, edition_year=?, title=?,"
                " url=?, published=?, date_kind=?, added=?, updated=?, language=?, checksum=?,"
                " origin=?,"
                " format=?, repairs=?, body=?, seq=? WHERE id = ?",
                (*self._columns(doc), added, today.isoformat(), *self._tail(doc), seq, doc_id),
            )
            status = "updated"
        else:
            annex = self._allocate(code, decision.annex)
            key = doc.external_id or f"{code}-{annex}"
            added = (doc.added or today).isoformat()
            cur = self.db.execute(
                "INSERT INTO documents (collection, source, series, edition_year, title, url,"
                " published, date_kind, added, updated, language, checksum, origin, format,"
                " repairs, body, seq, key, external_id, country, annex)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *self._columns(doc),
                    added,
                    *self._tail(doc),
                    seq,
                    key,
                    doc.external_id,
                    code,
                    annex,
                ),
            )
            doc_id = cur.lastrowid
            status = "added"
        self._write_passages(doc_id, doc)
        self._write_facts(doc_id, doc)
        return SaveOutcome(status, doc, key, annex)

    def _allocate(self, country: str, wanted: int | None) -> int:
        """The annex number for a new document: the one it names, or the next after the highest
        ever used for the country. Numbers are never handed out twice."""
        row = self.db.execute(
            "SELECT last FROM annex_counters WHERE country = ?", (country,)
        ).fetchone()
        last = row[0] if row else 0
        number = wanted if wanted is not None else last + 1
        self.db.execute(
            "INSERT INTO annex_counters VALUES (?, ?) ON CONFLICT (country)"
            " DO UPDATE SET last = max(last, excluded.last)",
            (country, max(number, last)),
        )
        return number

    @staticmethod
    def _columns(doc: Document) -> tuple:
        r = doc.record
        return (r.collection, doc.source, doc.series, doc.edition_year, doc.title, r.url,
                _iso(doc.published), doc.date_kind)  # fmt: skip

    @staticmethod
    def _tail(doc: Document) -> tuple:
        r = doc.record
        body = zlib.compress(r.text.encode("utf-8"), 1)
        return (doc.language, doc.checksum, r.origin, r.format, doc.segmented.repairs, body)

    def _write_passages(self, doc_id: int, doc: Document) -> None:
        seg = doc.segmented
        self.db.executemany(
            "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?)",
            [
                (doc_id, i, s.slug, s.heading, s.level, json.dumps(s.path, ensure_ascii=False))
                for i, s in enumerate(seg.sections)
            ],
        )
        self.db.executemany(
            "INSERT INTO passages (doc_id, ordinal, section, number, anchor, text, page)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, i, p.section, p.number, p.local_anchor(seg.sections), p.text, p.page)
                for i, p in enumerate(seg.passages)
            ],
        )

    # -- reading -----------------------------------------------------------------------------
    def _latest_documents(self, country: str | None) -> tuple[int, ...]:
        """The newest document of each country + source + series (a document without a series
        is its own series)."""
        cache = self._while_unchanged("latest")
        if country not in cache:
            where, args = ("WHERE country = ?", (country,)) if country else ("", ())
            cache[country] = tuple(
                r[0]
                for r in self.db.execute(
                    f"""SELECT id FROM (SELECT id, row_number() OVER (
                        PARTITION BY country, source, COALESCE(series, '#' || id)
                        ORDER BY COALESCE(edition_year, CAST(substr(published, 1, 4) AS INTEGER), 0)
                        DESC, published DESC, added DESC, id DESC) AS rank
                        FROM documents {where}) WHERE rank = 1""",
                    args,
                )
            )
        return cache[country]

    def _while_unchanged(self, name: str) -> dict:
        """A cache of document-level reads, emptied whenever the file has changed (its change
        sequence moved, in this process or another)."""
        seq = self._seq()
        at, entries = self._caches.get(name, (None, {}))
        if at != seq:
            entries = {}
            self._caches[name] = (seq, entries)
        return entries

    def english_word(self, word: str) -> bool:
        """Whether some passage's English text has this word (for Danish questions: a Danish
        word written like its English form is searched as that only when the reports use it)."""
        self.sync_index()
        return self.index.english_word(word)

    def search(self, request: SearchRequest) -> RawPage:
        self.sync_index()
        filters = request.filters
        if request.latest:
            filters = replace(filters, documents=self._latest_documents(filters.country))
        want = request.offset + request.limit
        prefer = request.prefer_country
        query = self.index.build_query(request.query, filters, prefer_country=prefer)
        alike = not request.query.content() and not prefer  # no words: every match ties
        hits, total = self.index.search(query, want, 0, alike=alike)
        strict_total, relaxed = total, False
        if total < request.relax_below and len(request.query.content()) > 1:
            loose = self.index.build_query(
                request.query, filters, any_term=True, prefer_country=prefer
            )
            more, loose_total = self.index.search(loose, want + len(hits), 0)
            seen = {h.pid for h in hits}
            extra = [h for h in more if h.pid not in seen]
            if extra:
                hits, total, relaxed, query = hits + extra, loose_total, True, loose
        page = hits[request.offset : want]
        rows = self._passage_rows([h.pid for h in page])
        found = [
            RawHit(rows[h.pid], h.score, partial=i + request.offset >= strict_total)
            for i, h in enumerate(page)
            if h.pid in rows
        ]
        facets = self.index.facets(query) if request.facets else None
        return RawPage(found, total, relaxed, facets, strict_total)

    def _passage_rows(self, pids: list[int]) -> dict[int, dict]:
        """Passage id -> the passage with its section and document (``_DOC_COLUMNS`` and
        ``series_newest``). Documents are read once per change of the file (there are few of
        them in any list of passages, and each would otherwise be read with every passage)."""
        if not pids:
            return {}
        found = [
            r
            for chunk, marks in _in_chunks(pids)
            for r in self.db.execute(
                f"""SELECT p.id AS pid, p.doc_id, p.anchor, p.number, p.text, p.page, s.heading,
                s.path FROM passages p
                JOIN sections s ON s.doc_id = p.doc_id AND s.ordinal = p.section
                WHERE p.id IN ({marks})""",
                chunk,
            )
        ]
        documents = self._document_rows({r["doc_id"] for r in found})
        out = {}
        for r in found:
            row = dict(r)
            row.update(documents[row["doc_id"]])
            row["path"] = json.loads(row["path"])
            out[row["pid"]] = row
        return out

    def _document_rows(self, ids: set[int]) -> dict[int, dict]:
        cache = self._while_unchanged("documents")
        for chunk, marks in _in_chunks([i for i in ids if i not in cache]):
            for r in self.db.execute(
                f"SELECT {_DOC_COLUMNS}, {SERIES_NEWEST} FROM documents d WHERE d.id IN ({marks})",
                chunk,
            ):
                cache[r["doc_id"]] = dict(r)
        return {i: cache[i] for i in ids if i in cache}

    def document_row(self, key: str) -> dict | None:
        """A document's row alone (no sections or passages), by ``AZE-367`` or external id."""
        row = None
        if "-" in key:
            code, _, number = key.rpartition("-")
            if number.isdigit():
                row = self._find(
                    f"SELECT {_DOC_COLUMNS}, d.repairs FROM documents d"
                    " WHERE d.country = ? AND d.annex = ?",
                    (code.upper(), int(number)),
                )
        if row is None:
            row = self._find(
                f"SELECT {_DOC_COLUMNS}, d.repairs FROM documents d"
                " WHERE d.external_id = ? OR d.key = ?",
                (key, key),
            )
        return row

    def document(self, key: str) -> dict | None:
        """A document with its sections and passages, by ``AZE-367`` or external id."""
        row = self.document_row(key)
        if row is None:
            return None
        doc_id = row["doc_id"]
        row["sections"] = [
            {**dict(s), "path": json.loads(s["path"])}
            for s in self.db.execute(
                "SELECT ordinal, slug, heading, level, path FROM sections WHERE doc_id = ?"
                " ORDER BY ordinal",
                (doc_id,),
            )
        ]
        row["passages"] = [
            dict(p)
            for p in self.db.execute(
                "SELECT section, number, anchor, text, page FROM passages WHERE doc_id = ?"
                " ORDER BY ordinal",
                (doc_id,),
            )
        ]
        row["history"] = [
            dict(u)
            for u in self.db.execute(
                "SELECT at, old_checksum, new_checksum, origin FROM updates WHERE doc_id = ?"
                " ORDER BY id",
                (doc_id,),
            )
        ]
        return row

    def passage(self, country: str, annex: int, local_anchor: str) -> dict | None:
        row = self._find(
            f"""SELECT p.id AS pid, p.anchor, p.number, p.text, p.page, s.heading, s.path,
            {_DOC_COLUMNS} FROM passages p JOIN documents d ON d.id = p.doc_id
            JOIN sections s ON s.doc_id = p.doc_id AND s.ordinal = p.section
            WHERE d.country = ? AND d.annex = ? AND p.anchor = ?""",
            (country, annex, local_anchor),
        )
        if row:
            row["path"] = json.loads(row["path"])
        return row

    def annexes(self, country: str, as_of: dt.date | None) -> list[dict]:
        sql = (
            "SELECT annex, title, source, series, published, date_kind, added, updated, key"
            " FROM documents WHERE country = ?"
        )
        args: list = [country]
        if as_of is not None:
            sql += " AND added <= ?"
            args.append(as_of.isoformat())
        return [dict(r) for r in self.db.execute(sql + " ORDER BY annex", args)]

    def documents(
        self, *, country: str | None = None, source: str | None = None, limit: int = 50,
        offset: int = 0, newest_first: bool = True,
    ) -> list[dict]:  # fmt: skip
        where, args = [], []
        for column, value in (("country", country), ("source", source)):
            if value is not None:
                where.append(f"d.{column} = ?")
                args.append(value)
        sql = f"SELECT {_DOC_COLUMNS} FROM documents d"
        if where:
            sql += " WHERE " + " AND ".join(where)
        order = "DESC" if newest_first else "ASC"
        sql += f" ORDER BY d.added {order}, d.id {order} LIMIT ? OFFSET ?"
        return [dict(r) for r in self.db.execute(sql, [*args, limit, offset])]

    def sources(self) -> list[dict]:
        return [
            dict(r)
            for r in self.db.execute(
                "SELECT source, count(*) AS documents, count(DISTINCT country) AS countries"
                " FROM documents GROUP BY source ORDER BY source"
            )
        ]

    def countries(self) -> list[dict]:
        return [
            dict(r)
            for r in self.db.execute(
                "SELECT country, count(*) AS documents, max(added) AS last_added"
                " FROM documents GROUP BY country ORDER BY country"
            )
        ]

    def export(self) -> Iterator[dict]:
        """Every document, row for row, for ``baggrund copy``."""
        return sqlite_transfer.export(self)

    def annex_counters(self) -> dict[str, int]:
        return sqlite_transfer.counters(self)

    def restore(self, records: Iterable[dict], annex_counters: dict[str, int]) -> int:
        """Write exported records into this (empty) store."""
        return sqlite_transfer.restore(self, records, annex_counters)

    def stats(self) -> dict:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "passages": self._passage_count(),
            "countries": one("SELECT count(DISTINCT country) FROM documents"),
            "seq": self._seq(),
        }
