"""Storage behind one small interface.

A store keeps documents, their sections and passages, annex numbers and update history, and
answers searches. :class:`Store` is the interface; :func:`open_store` picks an implementation
from a path or URL. The rules for identity and numbering live in :func:`decide`, shared by
every implementation so that they cannot drift apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..document import Document
from ..errors import AnnexConflict, BaggrundError
from ..index import IndexFilters
from ..query import ParsedQuery

if TYPE_CHECKING:
    from .integrity import CheckReport

__all__ = [
    "Store",
    "SaveOutcome",
    "SearchRequest",
    "RawHit",
    "RawPage",
    "decide",
    "Decision",
    "open_store",
]


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to one document: ``added``, ``updated``, ``unchanged`` or ``rejected``."""

    status: str
    document: Document
    key: str | None = None
    annex: int | None = None
    error: BaggrundError | None = None


@dataclass(frozen=True)
class Decision:
    action: str  # "add", "update", "unchanged"
    annex: int | None = None  # for "add": the number given, or None to take the next free one


def decide(doc: Document, existing: dict | None, occupant: dict | None) -> Decision:
    """Identity and numbering rules. ``existing`` is the stored row with the document's
    identity (external id, else country and annex, else the same content); ``occupant`` the row
    that holds the country and annex number the document asks for, if it asks for one."""
    code = doc.country.code
    if existing is not None:
        if existing["checksum"] == doc.checksum:
            return Decision("unchanged")
        if existing["country"] != code:
            raise AnnexConflict(
                f"{existing['key']} is stored under {existing['country']}-{existing['annex']}; "
                f"the new version names country {code}"
            )
        if doc.annex is not None and doc.annex != existing["annex"]:
            raise AnnexConflict(
                f"{existing['key']} has annex {existing['annex']}; the new version claims {doc.annex}"
            )
        if doc.external_id is None and (
            existing["title"] != doc.title or existing["source"] != doc.source
        ):
            raise _conflict(doc, existing)
        return Decision("update")
    if doc.annex is not None and occupant is not None:
        raise _conflict(doc, occupant)
    return Decision("add", doc.annex)


def _conflict(doc: Document, row: dict) -> AnnexConflict:
    return AnnexConflict(
        f"annex {doc.country.code}-{doc.annex} is already taken by "
        f"{row['source']}: {row['title']!r}; this document is {doc.source}: {doc.title!r}"
    )


@dataclass(frozen=True)
class SearchRequest:
    query: ParsedQuery
    filters: IndexFilters
    latest: bool = False
    limit: int = 10
    offset: int = 0
    facets: bool = False
    prefer_country: str | None = None  # a country named in the query: its documents first
    # Fewer passages than this with every content word (and more than one content clause):
    # the passages with some of the words follow them. Never depends on limit or offset, so
    # that the ranked list is one list, whatever part of it is asked for.
    relax_below: int = 10


@dataclass(frozen=True)
class RawHit:
    """A passage row joined with its document and section, and its score. The row also has
    ``series_newest``: the newest edition year of the document's series in the library."""

    row: dict
    score: float
    partial: bool = False  # found by the relaxed query: has only some of the words


@dataclass(frozen=True)
class RawPage:
    hits: list[RawHit]
    total: int
    relaxed: bool  # too few passages had every word; passages with some of them follow
    facets: dict[str, dict[str, int]] | None
    matched_all: int | None = None  # how many passages have every word (when relaxed)


class Store(Protocol):
    """What the library needs from a storage backend."""

    saves_concurrently: bool  # may save() run in another thread while ingest reads on?

    def save(self, documents: Sequence[Document], today: dt.date) -> list[SaveOutcome]:
        """Store a batch, each document whole or not at all; durable when this returns."""

    def loading(self) -> AbstractContextManager[None]:
        """The frame of an ingest (where a store prepares for many writes and ends them)."""

    def search(self, request: SearchRequest) -> RawPage: ...

    def document(self, key: str) -> dict | None:
        """A document row by ``AZE-367`` style key or external id, with sections and passages."""

    def document_row(self, key: str) -> dict | None:
        """The same document's row alone (``doc_id`` and metadata; no sections or passages)."""

    def passage(self, country: str, annex: int, local_anchor: str) -> dict | None: ...

    def annexes(self, country: str, as_of: dt.date | None) -> list[dict]: ...

    def countries(self) -> list[dict]: ...

    def documents(
        self, *, country: str | None = None, source: str | None = None, limit: int = 50,
        offset: int = 0, newest_first: bool = True,
    ) -> list[dict]:  # fmt: skip
        """Document rows (no text), newest additions first."""

    def sources(self) -> list[dict]: ...

    def upgrade(self, *, rum: bool | None = None) -> tuple[int, int]:
        """Apply missing schema migrations: (version before, version after). ``rum`` (the
        PostgreSQL store only): build (True) or drop (False) the opt-in RUM index."""

    def export(self) -> Iterator[dict]:
        """Every document row for row (fields, body text, sections, passages, updates)."""

    def annex_counters(self) -> dict[str, int]:
        """The highest annex number ever handed out, per country."""

    def restore(self, records: Iterable[dict], annex_counters: dict[str, int]) -> int:
        """Write exported records into an empty store, keeping every number and anchor."""

    def stats(self) -> dict: ...

    def check(self, *, repair: bool = False) -> CheckReport:
        """What ``baggrund db check`` reports (see :mod:`.integrity`)."""

    def bundle(self, ref: str) -> dict | None:
        """A case bundle with its items (anchor, note, quoted, added) in order."""

    def bundles(self) -> list[dict]: ...

    def put_bundle(
        self, ref: str, title: str | None, items: list[dict], today: dt.date,
        expected: int | None,
    ) -> int:  # fmt: skip
        """Create (``expected`` None) or rewrite a bundle last read at version ``expected``."""

    def delete_bundle(self, ref: str) -> bool: ...

    # -- editors' sessions in the web application (:mod:`.session_tables`) ------------------
    def put_session(self, digest: str, expires: float, now: float) -> None:
        """Keep a session (a keyed hash of its id) until ``expires`` (epoch seconds)."""

    def has_session(self, digest: str, now: float) -> bool: ...

    def drop_session(self, digest: str) -> bool: ...

    def signin_failures(self, client: str, since: float) -> list[float]:
        """When ``client`` (an address) failed to sign in after ``since``, oldest first."""

    def record_signin_failure(self, client: str, at: float, forget_before: float) -> None: ...

    # -- facts (baggrund.fact; extracted by ``save`` for every document) -----------------------
    def facts(self, country: str) -> list[dict]:
        """Every stored fact of a country (documents' and imported datasets'), with its
        document's key, annex, title, source and the passage's full anchor."""

    def rebuild_facts(self) -> int:
        """Extract every stored document's facts again; the number of facts."""

    def import_facts(self, dataset: dict, facts: list, today: dt.date) -> int:
        """Replace an imported dataset's facts ((ISO3, Fact) pairs) and record its attribution."""

    def fact_datasets(self) -> list[dict]: ...

    def dataset_facts(self, name: str) -> list:
        """The facts of an imported dataset, each (country, Fact), in their order."""

    # -- editors' reviews of facts (baggrund.review) -------------------------------------------
    def fact(self, fact_id: int) -> dict | None:
        """One stored fact by its row id, as :meth:`facts` gives it, or None."""

    def put_fact_review(self, review) -> None:
        """Keep an editor's decision (a FactReview), replacing one on the same fact."""

    def drop_fact_review(self, key: tuple[str, str, int, str]) -> bool:
        """Forget the decision on a fact (doc key, anchor, start, quote)."""

    def fact_reviews(self, country: str | None = None) -> list:
        """The decisions (FactReview) on a country's facts; every country's when None."""

    def setting(self, name: str) -> str | None:
        """A setting of the library (e.g. its collection name), or None when not set."""

    def put_setting(self, name: str, value: str) -> None: ...

    def close(self) -> None: ...


def open_store(location: str, *, upgrade: bool = False, sync: bool = True) -> Store:
    """Open (creating if needed) the store at ``location``: a file path for SQLite, or a
    ``postgresql://`` (``postgres://``) URL for PostgreSQL (needs the ``postgres`` extra).
    A store at an older schema version is an error, unless ``upgrade`` (``baggrund db
    upgrade``) lets the SQLite store apply the missing steps as it opens (PostgreSQL
    applies them in :meth:`Store.upgrade`). ``sync``: bring a derived index in step as the
    store opens (``baggrund db check`` opens without, to report what it finds)."""
    if location.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(location)
    from .sqlite import SQLiteStore

    return SQLiteStore(location, upgrade=upgrade, sync=sync)
