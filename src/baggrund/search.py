"""Search: from the user's query and filters to ranked passages with snippets and citations."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace

from .catalogue import filed_under, match_series, match_source
from .citation import cite_da, cite_en
from .collection import Collection, collection_of
from .country import country_by_code, resolve_country
from .dates import parse_date
from .edition import BLOCK, Folded, Folder
from .errors import BadQuery, NotFound, shown
from .expansion import recognise_country, translate_danish
from .glossary import looks_danish
from .index import COUNTRY_BOOST, IndexFilters
from .interpretation import Currency, Interpretation, clause_text, renderings
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
    language: str = "en"  # of the document's text ("da" or "en")
    date_kind: str | None = None  # "modified": ``published`` is the source's modification date

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
    more: bool = False  # results follow this page
    interpretation: Interpretation | None = None  # what was searched for

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "results": self.results,
            "more": self.more,
            "interpretation": self.interpretation.to_dict() if self.interpretation else None,
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
        raise BadQuery("{name} must be a whole number, not {value}", name=name, value=shown(value))
    if not low <= value <= high:
        raise BadQuery("{name} must be between {low} and {high}, not {value}", name=name, low=low,
                       high=high, value=shown(value))  # fmt: skip
    return value


def _checked_query(query: object) -> ParsedQuery:
    """The parsed query, or BadQuery for one that is not text, too long or too costly."""
    if query is None:
        query = ""
    if not isinstance(query, str):
        raise BadQuery("query must be text, not {value}", value=shown(query))
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuery("query is {n} characters long; at most {most}", n=len(query),
                       most=MAX_QUERY_CHARS)  # fmt: skip
    parsed = parse_query(clean_query(query))
    clauses = [*parsed.required, *parsed.excluded]
    options = [o for c in clauses for o in (c.options if isinstance(c, AnyOf) else (c,))]
    prefixes = sum(isinstance(o, Term) and o.prefix for o in options)
    if prefixes > MAX_PREFIXES:
        raise BadQuery("query has {n} prefix* words; at most {most}", n=prefixes, most=MAX_PREFIXES)
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


def to_hit(row: dict, score: float, stems, older=(), collection: Collection | None = None) -> Hit:
    country = country_by_code(row["country"])
    anchor = f"{row['country']}-{row['annex']}/{row['anchor']}"
    snippet = make_snippet(row["text"], stems, row["language"])
    return Hit(
        anchor=anchor,
        citation=cite_en(
            row, row["heading"], row["number"], anchor, row.get("page"), collection=collection
        ),
        citation_da=cite_da(
            row, row["heading"], row["number"], anchor, row.get("page"), collection=collection
        ),  # fmt: skip
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
        date_kind=row.get("date_kind"),
        added=row["added"],
        heading=row["heading"],
        section_path=row["path"],
        paragraph=row["number"],
        text=row["text"],
        page=row.get("page"),
        language=row["language"],
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
    recognise: bool = True,
    literal: Sequence[str] = (),
    document: str | None = None,
    **filters,
) -> SearchResult:
    """Search passages. ``filters`` are those of :func:`build_filters`; ``document``
    (``AZE-367`` or an external id) searches inside that one document, its words as typed (a
    country named in them is not recognised), and raises NotFound when there is no such
    document. With ``semantic``, the
    full-text ranking is fused with the passages nearest in meaning (see :mod:`baggrund.semantic`;
    needs the extra, the SQLite store and `baggrund embed`). ``recognise=False``: a country named
    in the query is a word like the others; ``literal``: Danish words searched as typed, without
    their English renderings. The result's ``interpretation`` says what was searched for."""
    limit = _bounded("limit", limit, 1, MAX_LIMIT)
    offset = _bounded("offset", offset, 0, MAX_OFFSET)
    parsed = _checked_query(query)
    query = parsed.text
    index_filters = build_filters(**filters)
    if document is not None:
        within = _document_filter(store, document)
        index_filters = replace(index_filters, document=within["doc_id"])
        filters = {**filters, "document": f"{within['country']}-{within['annex']}"}
    # the library's own values: "state department", "human rights" (a miss lists them)
    if index_filters.source:
        index_filters = replace(index_filters, source=match_source(store, index_filters.source))
    if index_filters.series:
        index_filters = replace(index_filters, series=match_series(store, index_filters.series))
    # a territory reported on under another country: "West Bank" in the reports on Israel
    moved = filed_under(store, index_filters.country) if index_filters.country else None
    if moved:
        index_filters = replace(index_filters, country=moved.country)
    words = parsed.positive_words()
    recognising = recognise and document is None
    matched, found = recognise_country(parsed) if recognising else (parsed, None)
    named = found.code if found else None
    named_words = named_kind = None
    if found and (index_filters.country in (None, found.code)):
        # "Eritrea exit visa", "Syrien": that country's documents, whatever the spelling;
        # "kvinder i Herat", "eritreiske desertører": the place's (the word stays searched)
        named_words, named_kind = " ".join(found.words), found.kind
        parsed = matched
        prefer = named if index_filters.country is None else None
        if prefer and (where := filed_under(store, prefer)):
            moved, prefer = where, where.country
    else:
        prefer = None
    # "Straffes desertører i Eritrea?": the English words of the reports, beside the Danish
    danish = looks_danish(parsed.text)
    # a Danish word written like an English one ("terrorister") counts as it where the store
    # can tell that the reports use that word (the SQLite store can; otherwise it is not guessed)
    english_word = getattr(store, "english_word", None)
    translated = _keep_literal(translate_danish(parsed, english_word), literal)
    if translated != parsed:
        words += translated.positive_words()
    before, parsed = parsed, translated
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
    # one result more than the page: whether a next page exists
    results, page, count = ranked_results(fetch, folder, offset + limit + 1)
    cited_as = collection_of(store)
    hits = [
        to_hit(f.hit.row, f.score, stems, f.older, cited_as)
        for f in results[offset : offset + limit]
    ]
    relaxed = page.relaxed and keywords
    explained = Interpretation(
        words=tuple(clause_text(c) for c in before.content()),
        excluded=tuple(clause_text(c) for c in parsed.excluded),
        renderings=renderings(before, parsed),
        country=named if named_words else None,
        country_words=named_words,
        country_kind=named_kind,
        kept_literal=tuple(literal),
        recognise=recognise,
        filters={k: str(v) for k, v in filters.items() if v},
        latest=latest,
        relaxed=relaxed,
        danish=danish,
        filed_under=moved,
        currency=None if latest else _currency(store, request, results[:1]),
    )
    return SearchResult(
        query, hits, page.total, relaxed, page.facets, limit, offset, page.matched_all,
        results=count, more=len(results) > offset + limit, interpretation=explained,
    )  # fmt: skip


def _document_filter(store: Store, key: object) -> dict:
    """The row of the document to search inside; BadQuery for a key that is not text,
    NotFound for one that names no document."""
    if not isinstance(key, str):
        raise BadQuery(f"document must be text, not {shown(key)}")
    wanted = " ".join(clean_query(key).split())
    if not wanted:
        raise BadQuery("document is empty: give its key, e.g. AZE-367")
    row = store.document_row(wanted)
    if row is None:
        raise NotFound(f"no document {wanted!r}")
    return row


def _currency(store: Store, request: SearchRequest, top: list[Folded]) -> Currency | None:
    """When the best result is from an older edition of its series and the newest edition has
    no match at all: the series, the newest edition with a match and the newest edition."""
    if not top:
        return None
    row = top[0].hit.row
    year, newest = row.get("edition_year"), row.get("series_newest")
    if not (year and newest and year < newest and row.get("series")):
        return None
    series = IndexFilters(country=row["country"], source=row["source"], series=row["series"])
    within = replace(request, filters=series, limit=0, offset=0, prefer_country=None)
    # one count of the series' matches by edition year: is the newest among them?
    years = (store.search(replace(within, facets=True)).facets or {}).get("year", {})
    matched = max((int(y) for y in years if y.isdigit() and int(y)), default=year)
    if matched >= newest:
        return None
    return Currency(row["country"], row["series"], matched, newest)


def _keep_literal(parsed: ParsedQuery, literal: Sequence[str]) -> ParsedQuery:
    """``parsed`` with the translations of the Danish words in ``literal`` taken back."""
    keep = {w.casefold() for w in literal}
    if not keep:
        return parsed
    required = tuple(
        c.options[0]
        if isinstance(c, AnyOf) and clause_text(c.options[0]).strip('"').casefold() in keep
        else c
        for c in parsed.required
    )
    return replace(parsed, required=required)


def ranked_results(
    fetch: Callable[[int, int], RawPage], folder: Folder, need: int
) -> tuple[list[Folded], RawPage, int | None]:
    """The first ``need`` results of the ranked, folded list, the last page fetched, and how
    many results the whole list has (when it was all fetched). ``fetch(start, count)`` gives
    ``count`` passages of the store's ranked list from ``start``. The results do not depend on
    ``need``: more passages are fetched until every result wanted is settled (no passage
    further down can go ahead of it), so that pages of any size concatenate to the list that
    one large request gives."""
    # a first page is settled within the first block nearly always: fetch it at once
    window, fetched = max(RELAX_BELOW, BLOCK), 0
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
        window = min(window * 4, BLOCK) if window < BLOCK else (window // BLOCK + 1) * BLOCK
