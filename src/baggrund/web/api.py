"""The JSON API under ``/api/v1/``. Every endpoint returns what the matching page shows."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse

from ..search import MAX_LIMIT
from .views import (
    MAX_OFFSET,
    SearchParams,
    countries_view,
    country_view,
    document_view,
    literal_words,
    passage_view,
    search_view,
    sources_view,
)

router = APIRouter(prefix="/api/v1", tags=["api"])

Text = Annotated[str | None, Query(max_length=200)]
Lang = Annotated[Literal["en", "da"], Query(description="sort the names as this language does")]


def lib(request: Request):
    return request.app.state.libraries.get()


@router.get("/search", summary="Search passages")
def api_search(
    request: Request,
    q: Annotated[str, Query(max_length=1000, description='words, "phrases", OR, -word, prefix*')],
    country: Text = None,
    source: Text = None,
    series: Text = None,
    since: Text = None,
    until: Text = None,
    added_since: Text = None,
    added_until: Text = None,
    latest: bool = False,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    facets: bool = False,
    semantic: Annotated[
        bool, Query(description="also rank by meaning (needs `baggrund embed`)")
    ] = False,
    recognise: Annotated[
        bool, Query(description="recognise a country or place named in the query")
    ] = True,
    literal: Annotated[
        str | None,
        Query(max_length=1000, description="Danish words, comma-separated, searched as typed"),
    ] = None,
    document: Annotated[
        str | None,
        Query(max_length=200, description="only inside this document: AZE-367 or its id"),
    ] = None,
) -> dict:
    """Hits carry the same fields as ``baggrund search --json``; ``interpretation`` says what
    was searched for (the words, the English words for Danish ones, the country recognised, the
    filters), ``results`` how many results the list has when known, ``more`` whether results
    follow this page."""
    params = SearchParams(q, country, source, series, since, until, added_since, added_until,
                          latest, limit, offset, semantic, recognise, literal_words(literal),
                          document=document)  # fmt: skip
    return search_view(lib(request), params, facets=facets)


@router.get("/facets", summary="Counts by country, source and year")
def api_facets(
    request: Request,
    q: Annotated[str, Query(max_length=1000)] = "",
    country: Text = None,
    source: Text = None,
    series: Text = None,
    since: Text = None,
    until: Text = None,
    latest: bool = False,
) -> dict:
    params = SearchParams(q, country, source, series, since, until, latest=latest, limit=1)
    data = search_view(lib(request), params, facets=True)
    return {"query": q, "total": data["total"], "facets": data["facets"]}


@router.get("/documents/{key}", summary="A document with its sections and passages")
def api_document(request: Request, key: str) -> dict:
    doc = document_view(lib(request), key)
    doc.pop("body", None)
    return doc


@router.get("/passages/{anchor:path}", summary="A passage by its anchor")
def api_passage(request: Request, anchor: str) -> dict:
    return passage_view(lib(request), anchor)


@router.get("/countries", summary="Countries with document counts")
def api_countries(request: Request, lang: Lang = "en") -> list[dict]:
    """Every country the library has documents on, by name in ``lang`` (as ``/countries``
    lists them: in Danish æ, ø, å after z)."""
    return countries_view(lib(request), lang)


@router.get("/countries/{country}/annexes", summary="The annex list (bilagsliste)")
def api_annexes(request: Request, country: str, as_of: Text = None) -> dict:
    return country_view(lib(request), country, as_of)


@router.get("/sources", summary="Sources with document counts")
def api_sources(request: Request, lang: Lang = "en") -> list[dict]:
    """Every source with its document and country counts, by name in ``lang`` (as
    ``/sources`` lists them)."""
    return sources_view(lib(request), lang)


@router.get("/sources/{source:path}/documents", summary="The documents of one source")
def api_source_documents(
    request: Request,
    source: str,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> list[dict]:
    return lib(request).documents(source=source, limit=limit, offset=offset)


@router.post("/ingest", summary="Ingest an uploaded file (administrators only)")
async def api_ingest(
    request: Request,
    filename: Annotated[str, Query(max_length=200, pattern=r"^[\w .-]+$")],
    authorization: Annotated[str | None, Header()] = None,
):
    """The body is the file itself (board text, .jsonl or .jsonl.gz). Off unless the server
    has an administrator token; then send it as ``Authorization: Bearer TOKEN``."""
    from starlette.concurrency import run_in_threadpool

    from .app import admin_allowed, ingest_upload

    settings = request.app.state.settings
    if not settings.admin_token:
        return JSONResponse({"error": "ingest through the web is off", "status": 403}, 403)
    if not admin_allowed(settings, authorization):
        return JSONResponse({"error": "a valid administrator token is needed", "status": 401}, 401)
    data = await request.body()
    if not data:
        return JSONResponse({"error": "empty upload", "status": 400}, 400)
    result = await run_in_threadpool(lambda: ingest_upload(lib(request), filename, data))
    return JSONResponse(result, status_code=200 if not result["rejected"] else 422)
