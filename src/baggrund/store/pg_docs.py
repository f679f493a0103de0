"""The documents a PostgreSQL search may return, worked out before PostgreSQL sees the query.

A library holds a few thousand documents and hundreds of thousands of passages. Every filter of
a search (country, source, series, dates, "latest only") is a condition on documents, so it is
resolved here, in Python, over a snapshot of the documents table (kept per store and refreshed
when the table changes), into the ids of the allowed documents per language. The passage
queries then need no join: ``passages.doc_id = ANY(ids)``, or no condition at all when every
document of a language is allowed. Facets are per-document passage counts folded by country,
source and year with the same snapshot."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass

from ..index import IndexFilters

__all__ = ["DocSnapshot", "DocCache", "Allowed"]


@dataclass(frozen=True)
class Doc:
    id: int
    country: str
    source: str
    series: str | None
    year: int  # the edition year, else the year published, else 0
    published: int | None  # yyyymmdd
    added: int | None  # yyyymmdd (always set by the store)
    language: str  # "da" or "en" (anything else is searched as English)


def _day(value: dt.date | None) -> int | None:
    return None if value is None else value.year * 10000 + value.month * 100 + value.day


@dataclass(frozen=True)
class Allowed:
    """Per language (``en``, ``da``): the allowed document ids, or None for "every passage"
    (when the library has one language and no filter); a language without allowed documents
    is absent."""

    by_lang: dict[str, list[int] | None]


class DocSnapshot:
    """The documents table as the search needs it."""

    def __init__(self, rows: list[dict]):
        self.docs: dict[int, Doc] = {}
        for r in rows:
            published = r["published"]
            year = r["edition_year"]
            if year is None:
                year = published.year if published else 0
            year = int(year)
            lang = "da" if r["language"] == "da" else "en"
            self.docs[r["id"]] = Doc(
                r["id"], r["country"], r["source"], r["series"], year, _day(published),
                _day(r["added"]), lang,
            )  # fmt: skip
        self.by_lang: dict[str, list[int]] = {}
        for d in self.docs.values():
            self.by_lang.setdefault(d.language, []).append(d.id)

    def latest(self) -> set[int]:
        """The newest document of each country + source + series (a document without a series
        is its own series): the rule of the SQLite store's "latest only"."""
        best: dict[tuple, Doc] = {}

        def order(d: Doc) -> tuple:  # newest first: year, published (missing last), added, id
            return (d.year, d.published is not None, d.published or 0, d.added, d.id)

        for d in self.docs.values():
            group = (d.country, d.source, d.series if d.series is not None else f"#{d.id}")
            if group not in best or order(d) > order(best[group]):
                best[group] = d
        return {d.id for d in best.values()}

    def allowed(self, f: IndexFilters, latest: bool) -> Allowed:
        """The documents that pass the filters, per language."""
        checks: list[Callable[..., bool]] = []
        for name in ("country", "source", "series"):
            value = getattr(f, name)
            if value is not None:
                checks.append(lambda d, n=name, v=value: getattr(d, n) == v)
        for name in ("published", "added"):
            lo, hi = getattr(f, f"{name}_from"), getattr(f, f"{name}_to")
            if lo is not None:
                checks.append(
                    lambda d, n=name, v=lo: getattr(d, n) is not None and getattr(d, n) >= v
                )
            if hi is not None:
                checks.append(
                    lambda d, n=name, v=hi: getattr(d, n) is not None and getattr(d, n) <= v
                )
        if f.documents is not None:
            wanted = set(f.documents)
            checks.append(lambda d: d.id in wanted)
        if f.document is not None:
            checks.append(lambda d, v=f.document: d.id == v)
        if latest:
            newest = self.latest()
            checks.append(lambda d: d.id in newest)
        if not checks:  # "every document of the language" needs no condition with one language
            if len(self.by_lang) == 1:
                return Allowed({lang: None for lang in self.by_lang})
            return Allowed({lang: list(ids) for lang, ids in self.by_lang.items()})
        out: dict[str, list[int] | None] = {}
        for lang, ids in self.by_lang.items():
            kept = [i for i in ids if all(check(self.docs[i]) for check in checks)]
            if kept:
                out[lang] = kept
        return Allowed(out)

    def expand(self, allowed: Allowed) -> dict[str, list[int]]:
        """Explicit ids per language."""
        return {
            lang: (self.by_lang[lang] if ids is None else ids)
            for lang, ids in allowed.by_lang.items()
        }

    def facets(self, counts: dict[int, int], size: int) -> dict[str, dict[str, int]]:
        """Passage counts by country, source and year from passage counts per document; the
        ``size`` largest buckets of each, ties by name."""
        out: dict[str, dict[str, int]] = {"country": {}, "source": {}, "year": {}}
        for doc_id, n in counts.items():
            d = self.docs.get(doc_id)
            if d is None:
                continue
            for name, key in (("country", d.country), ("source", d.source), ("year", str(d.year))):
                out[name][key] = out[name].get(key, 0) + n
        return {
            name: dict(sorted(buckets.items(), key=lambda b: (-b[1], b[0]))[:size])
            for name, buckets in out.items()
        }


class DocCache:
    """One store's snapshot, read again when the documents table has changed (another count
    or a newer change stamp: every insert and update takes a new one), and the match counts of
    recent queries, valid as long as the snapshot is."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._snapshot: DocSnapshot | None = None
        self._lock = threading.Lock()
        from .pgsearch import CountCache

        self.counts = CountCache()  # emptied when the documents change
        from .pg_bm25 import Frequencies

        self.freqs = Frequencies()  # document frequencies, read again when they change

    @property
    def version(self) -> tuple | None:
        """The version of the documents table the snapshot was read at."""
        return self._key

    def get(self, conn) -> DocSnapshot:
        row = conn.execute(
            "SELECT count(*) AS n, COALESCE(max(seq), 0) AS seq FROM documents"
        ).fetchone()
        key = (row["n"], row["seq"])
        with self._lock:
            if key == self._key and self._snapshot is not None:
                return self._snapshot
        rows = conn.execute(
            "SELECT id, country, source, series, edition_year, published, added, language"
            " FROM documents"
        ).fetchall()
        snapshot = DocSnapshot(rows)
        with self._lock:
            self._key, self._snapshot = key, snapshot
        self.counts.clear()
        return snapshot
