"""Search: from the user's query and filters to ranked passages with snippets and citations."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace

from .citation import cite_da, cite_en
from .country import country_by_code, resolve_country
from .dates import parse_date
from .edition import BLOCK, Folded, Folder
from .errors import BadQuery, shown
from .expansion import find_country, translate_danish
from .index import COUNTRY_BOOST, IndexFilters
from .query import AnyOf, ParsedQuery, Term, clean_query, parse_query
from .semantic import semantic_page
from .snippet import make_snippet, query_stems
from .source import canonical_source
from .store import RawPage, SearchRequest, Store

__all__ = [
    "Hit",
    "SearchResult",
    "search",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "MAX_QUERY_CHARS",
    "MAX_PREFIXES",
]

MAX_LIMIT = 1000
MAX_OFFSET = 100_000  # as the web allows; pages past the candidates fetched are empty anyway
# A pasted paragraph, not a pasted report: 4,000 characters of distinct words take 2.8 s on
# PostgreSQL with the bundled sample.
MAX_QUERY_CHARS = 4000
MAX_PREFIXES = 10  # each prefix* is a scan of the index's terms
FOLD_FACTOR = 3  # passages fetched at first per result wanted, for folding editions
KEYWORDS = 3  # up to this many content words, a query is keywords that must all match
RELAX_BELOW = 30  # fewer passages with every word than this: passages with some follow


@dataclass(frozen=True)
class Hit:
    """One passage found. ``text`` is the whole passage, exactly as stored."""

    anchor: str
    citation: str
    citation_da: str
    country: str
    country_name: str
    country_name_da: str
    annex: int
    document: str
    title: str
    source: str
    series: str | None
    edition_year: int | None
    published: str | None
    added: str
    heading: str
    section_path: list[str]
    paragraph: int
    text: str
    snippet: str
    snippet_html: str
    score: float
    also_in: list[dict]  # the same passage in other editions of the series, newest first
    page: str | None = None  # "12" or "12–13" for a passage from a PDF

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[Hit]
    total: int
    relaxed: bool
    facets: dict[str, dict[str, int]] | None
    limit: int
    offset: int
    matched_all: int | None = None  # passages with every word, when ``relaxed``
    results: int | None = None  # results (editions folded) when the whole list was ranked

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "results": self.results,
            "relaxed": self.relaxed,
            "matched_all": self.matched_all if self.relaxed else self.total,
            "limit": self.limit,
            "offset": self.offset,
            "facets": self.facets,
            "hits": [h.to_dict() for h in self.hits],
        }


def _day(value: str | dt.date | None, field: str) -> int | None:
    date = parse_date(value, field=field, bounded=False)
    return date.year * 10_000 + date.month * 100 + date.day if date else None


def _bounded(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadQuery(f"{name} must be a whole number, not {shown(value)}")
    if not low <= value <= high:
        raise BadQuery(f"{name} must be between {low:,} and {high:,}, not {shown(value)}")
    return value


def _checked_query(query: object) -> ParsedQuery:
    """The parsed query, or BadQuery for one that is not text, too long or too costly."""
    if query is None:
        query = ""
    if not isinstance(query, str):
        raise BadQuery(f"query must be text, not {shown(query)}")
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuery(f"query is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,}")
    parsed = parse_query(clean_query(query))
    clauses = [*parsed.required, *parsed.excluded]
    options = [o for c in clauses for o in (c.options if isinstance(c, AnyOf) else (c,))]
    prefixes = sum(isinstance(o, Term) and o.prefix for o in options)
    if prefixes > MAX_PREFIXES:
        raise BadQuery(f"query has {prefixes} prefix* words; at most {MAX_PREFIXES}")
    return parsed


def _text_filter(value: str | None) -> str | None:
    return " ".join(clean_query(value).split()) if value else None


def build_filters(
    *,
    country: str | None = None,
    source: str | None = None,
    series: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    added_since: str | dt.date | None = None,
    added_until: str | dt.date | None = None,
) -> IndexFilters:
    """Filters from user input; raises UnknownCountry or BadDate naming the bad value."""
    return IndexFilters(
        country=resolve_country(country).code if country else None,
        source=canonical_source(clean_query(source)) if source else None,
        series=_text_filter(series),
        published_from=_day(since, "since"),
        published_to=_day(until, "until"),
        added_from=_day(added_since, "added since"),
        added_to=_day(added_until, "added until"),
    )


def to_hit(row: dict, score: float, stems, older=()) -> Hit:
    country = country_by_code(row["country"])
    anchor = f"{row['country']}-{row['annex']}/{row['anchor']}"
    snippet = make_snippet(row["text"], stems, row["language"])
    return Hit(
        anchor=anchor,
        citation=cite_en(row, row["heading"], row["number"], anchor, row.get("page")),
        citation_da=cite_da(row, row["heading"], row["number"], anchor, row.get("page")),
        country=row["country"],
        country_name=country.name_en,
        country_name_da=country.name_da,
        annex=row["annex"],
        document=f"{row['country']}-{row['annex']}",
        title=row["title"],
        source=row["source"],
        series=row["series"],
        edition_year=row["edition_year"],
        published=row["published"],
        added=row["added"],
        heading=row["heading"],
        section_path=row["path"],
        paragraph=row["number"],
        text=row["text"],
        page=row.get("page"),
        snippet=snippet.plain(),
        snippet_html=snippet.html(),
        score=round(score, 4),
        also_in=[
            {
                "anchor": f"{o.row['country']}-{o.row['annex']}/{o.row['anchor']}",
                "edition_year": o.row["edition_year"],
                "published": o.row["published"],
            }
            for o in older
        ],  # fmt: skip
    )


def search(
    store: Store,
    query: str,
    *,
    latest: bool = False,
    limit: int = 10,
    offset: int = 0,
    facets: bool = False,
    semantic: bool = False,
    **filters,
) -> SearchResult:
    """Search passages. ``filters`` are those of :func:`build_filters`. With ``semantic``, the
    full-text ranking is fused with the passages nearest in meaning (see :mod:`baggrund.semantic`;
    needs the extra, the SQLite store and `baggrund embed`)."""
    limit = _bounded("limit", limit, 1, MAX_LIMIT)
    offset = _bounded("offset", offset, 0, MAX_OFFSET)
    parsed = _checked_query(query)
    query = parsed.text
    index_filters = build_filters(**filters)
    words = parsed.positive_words()
    matched, named = find_country(parsed)
    if named and (index_filters.country in (None, named)):
        # "Eritrea exit visa", "Syrien": that country's documents, whatever the spelling
        parsed = matched
        prefer = named if index_filters.country is None else None
    else:
        prefer = None
    # "Straffes desertører i Eritrea?": the English words of the reports, beside the Danish
    # a Danish word written like an English one ("terrorister") counts as it where the store
    # can tell that the reports use that word (the SQLite store can; otherwise it is not guessed)
    translated = translate_danish(parsed, getattr(store, "english_word", None))
    if translated is not parsed:
        words += translated.positive_words()
        parsed = translated
    stems = query_stems(words)
    # A few keywords: passages with all of them first. A longer question: ranked by BM25 over
    # all its words, since hardly any passage uses every word of a question.
    keywords = len(parsed.content()) <= KEYWORDS
    strict = keywords and not semantic  # by meaning too, the fused order stands
    request = SearchRequest(
        parsed, index_filters, latest, 0, 0, facets, prefer, relax_below=RELAX_BELOW
    )

    def fetch(start: int, count: int) -> RawPage:
        if semantic:  # the fused list: its start, cut here
            page = semantic_page(store, replace(request, limit=start + count), query)
            return replace(page, hits=page.hits[start:])
        return store.search(replace(request, offset=start, limit=count))

    folder = Folder(strict_first=strict, prefer_country=prefer, boost=COUNTRY_BOOST)
    results, page, count = ranked_results(fetch, folder, offset + limit)
    hits = [to_hit(f.hit.row, f.score, stems, f.older) for f in results[offset:]]
    relaxed = page.relaxed and keywords
    return SearchResult(
        query, hits, page.total, relaxed, page.facets, limit, offset, page.matched_all,
        results=count,
    )  # fmt: skip


def ranked_results(
    fetch: Callable[[int, int], RawPage], folder: Folder, need: int
) -> tuple[list[Folded], RawPage, int | None]:
    """The first ``need`` results of the ranked, folded list, the last page fetched, and how
    many results the whole list has (when it was all fetched). ``fetch(start, count)`` gives
    ``count`` passages of the store's ranked list from ``start``. The results do not depend on
    ``need``: more passages are fetched until every result wanted is settled (no passage
    further down can go ahead of it), so that pages of any size concatenate to the list that
    one large request gives."""
    window, fetched = max(RELAX_BELOW, min(BLOCK, need * FOLD_FACTOR)), 0
    while True:
        page = fetch(fetched, window - fetched)
        folder.add(page.hits)
        fetched = window
        ended = window >= page.total
        results: list[Folded] = []
        whole = ended
        blocks = -(-window // BLOCK)
        for number in range(blocks):
            block = folder.block(number)
            if ended or (number + 1) * BLOCK <= window:
                results += block
            else:
                results += folder.settled(block, page.relaxed)
                break
            if len(results) >= need and number + 1 < blocks:
                whole = False
                break
        if len(results) >= need or ended:
            return results[:need], page, len(results) if whole else None
        window = window * 4 if window < BLOCK else (window // BLOCK + 1) * BLOCK
