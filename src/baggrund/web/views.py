"""What each page and API endpoint shows, as plain dicts: the HTML pages render these and the
JSON API returns them, so the two cannot disagree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..citation import cite_da, cite_en
from ..collation import sorted_by_name
from ..errors import NotFound
from ..library import Library

__all__ = [
    "SearchParams",
    "search_view",
    "literal_words",
    "filter_choices",
    "document_view",
    "country_view",
    "countries_view",
    "sources_view",
    "home_view",
    "has_vectors",
]

PAGE_SIZE = 10
MAX_OFFSET = 100_000  # every offset the web takes is bounded (a huge one overflowed SQLite)


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    country: str | None = None
    source: str | None = None
    series: str | None = None
    since: str | None = None
    until: str | None = None
    added_since: str | None = None
    added_until: str | None = None
    latest: bool = False
    limit: int = PAGE_SIZE
    offset: int = 0
    semantic: bool = False  # also rank by meaning (when the library has passage vectors)
    recognise: bool = True  # a country or place named in the query is recognised
    literal: tuple[str, ...] = ()  # Danish words searched as typed, without English words
    document: str | None = None  # search inside this one document (AZE-367 or its id)

    def filters(self) -> dict:
        names = ("country", "source", "series", "since", "until", "added_since", "added_until",
                 "document")  # fmt: skip
        return {n: getattr(self, n) for n in names if getattr(self, n)}

    def query_args(self, **change) -> dict:
        """The parameters as a query string dict (for links), with changes applied; a value of
        None removes a parameter."""
        args = {"q": self.q, **self.filters()}
        if self.latest:
            args["latest"] = "1"
        if self.semantic:
            args["semantic"] = "1"
        if not self.recognise:
            args["recognise"] = "0"
        if self.literal:
            args["literal"] = ",".join(self.literal)
        if self.offset:
            args["offset"] = str(self.offset)
        for key, value in change.items():
            if value is None:
                args.pop(key, None)
            else:
                args[key] = str(value)
        return args


def filter_choices(lib: Library) -> dict:
    """The library's own countries, sources and series with their document counts, for the
    filter fields' suggestions."""
    from ..catalogue import series_counts

    return {
        "country": [(c["country"], c["documents"]) for c in lib.countries()],
        "source": [(s["source"], s["documents"]) for s in lib.store.sources()],
        "series": sorted(series_counts(lib.store).items()),
    }


def literal_words(value: str | None) -> tuple[str, ...]:
    """``literal=fængsel,tortur`` as words (at most 20)."""
    return tuple(w.strip() for w in (value or "").split(",") if w.strip())[:20]


def search_view(lib: Library, params: SearchParams, *, facets: bool = True) -> dict:
    result = lib.search(
        params.q,
        latest=params.latest,
        limit=params.limit,
        offset=params.offset,
        facets=facets,
        semantic=params.semantic,
        recognise=params.recognise,
        literal=params.literal,
        **params.filters(),
    )
    data = result.to_dict()
    data["filters"] = params.filters()
    data["latest"] = params.latest
    data["semantic"] = params.semantic
    return data


def has_vectors(lib: Library) -> bool:
    """Whether semantic search can be offered: the extra is installed and the (SQLite) library
    has passage vectors."""
    from ..errors import BaggrundError
    from ..semantic import semantic_database

    try:
        semantic_database(lib.store)
    except BaggrundError:
        return False
    return True


def document_view(lib: Library, key: str) -> dict:
    doc = lib.document(key)
    sections = doc["sections"]
    grouped: dict[int, list[dict]] = {}
    for p in doc["passages"]:
        grouped.setdefault(p["section"], []).append(p)
    doc["toc"] = [s for s in sections if s["heading"]]
    doc["body"] = [
        {"section": s, "passages": grouped.get(s["ordinal"], [])}
        for s in sections
        if grouped.get(s["ordinal"]) or s["heading"]
    ]
    named = lib.collection
    for p in doc["passages"]:
        heading = sections[p["section"]]["heading"]
        p["local"] = p["anchor"].split("/", 1)[1]
        p["heading"] = heading
        p["citation"] = cite_en(
            doc, heading, p["number"], p["anchor"], p.get("page"), collection=named
        )
        p["citation_da"] = cite_da(doc, heading, p["number"], p["anchor"], p.get("page"),
                                   collection=named)  # fmt: skip
    return doc


def passage_view(lib: Library, anchor: str) -> dict:
    return lib.passage(anchor).to_dict()


def country_view(lib: Library, country: str, as_of: str | None) -> dict:
    from ..country import resolve_country
    from ..dates import parse_date

    c = resolve_country(country)
    day = parse_date(as_of, field="as of", bounded=False) if as_of else None
    return {
        "country": c.code,
        "name": c.name_en,
        "name_da": c.name_da,
        "as_of": day.isoformat() if day else None,
        "annexes": lib.annexes(c.code, day),
    }


def countries_view(lib: Library, lang: str) -> list[dict]:
    """The library's countries with their document counts, by name in ``lang`` (Danish:
    æ, ø, å after z; see :mod:`baggrund.collation`)."""
    name = "name_da" if lang == "da" else "name"
    return sorted_by_name(lib.countries(), lambda row: row[name], lang)


def sources_view(lib: Library, lang: str) -> list[dict]:
    """The library's sources with their document and country counts, by name in ``lang``."""
    return sorted_by_name(lib.sources(), lambda row: row["source"], lang)


def home_view(lib: Library, lang: str, newest: int = 10) -> dict:
    return {
        "countries": countries_view(lib, lang),
        "newest": lib.documents(limit=newest),
        "stats": lib.stats(),
        "today": dt.date.today().isoformat(),
    }


def source_view(lib: Library, source: str, limit: int = 200, offset: int = 0) -> dict:
    docs = lib.documents(source=source, limit=limit, offset=offset)
    if not docs and offset == 0:
        raise NotFound("no documents from source {source}", source=repr(source))
    return {"source": docs[0]["source"] if docs else source, "documents": docs}
