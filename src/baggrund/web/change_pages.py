"""Changes between two editions in the browser (``/countries/AZE/changes?series=...&from=2022
&to=2023``) and the JSON API (``/api/v1/changes``): the two editions aligned side by side, the
word diff of rewritten passages marked with ``<del>`` and ``<ins>``, changed figures first,
each passage linked to its permalink. Without years the page offers the country's series and
their consecutive editions. Every text is escaped by the template; no script."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..change import KINDS
from ..country import resolve_country
from .pages import lib, render

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["api"])
Text = Annotated[str | None, Query(max_length=200)]
Year = Annotated[int | None, Query(ge=1900, le=2100)]
DEFAULT_KINDS = ("rewritten", "new", "removed")


@router.get("/countries/{country}/changes", response_class=HTMLResponse)
def changes_page(
    request: Request,
    country: str,
    series: Text = None,
    source: Text = None,
    from_year: Annotated[int | None, Query(alias="from", ge=1900, le=2100)] = None,
    to_year: Annotated[int | None, Query(alias="to", ge=1900, le=2100)] = None,
    kind: Annotated[list[str] | None, Query(max_length=20)] = None,
):
    code = resolve_country(country).code
    if code != country:
        query = urlencode(list(request.query_params.multi_items()))
        return RedirectResponse(f"/countries/{code}/changes" + (f"?{query}" if query else ""),
                                status_code=302)  # fmt: skip
    library = lib(request)
    editions = library.editions(code)
    chosen = [k for k in (kind or ()) if k in KINDS]
    kinds = chosen or list(DEFAULT_KINDS)
    result = None
    if from_year is not None and to_year is not None:
        result = library.changes(code, series or None, from_year, to_year, source=source or None)
    sections = [
        (section, [p for p in section.pairs if p.kind in kinds or (p.moved and not chosen)])
        for section in (result.sections if result else ())
    ]  # by default a paragraph that moved is shown even when its text is unchanged
    offers = [
        {"series": name, "from": a, "to": b}
        for name, years in editions.items()
        for a, b in reversed(list(zip(years, years[1:], strict=False)))
    ]  # fmt: skip
    return render(
        request, "changes.html", country=code, editions=editions, offers=offers,
        series=series or (result.new.get("series") if result else ""), source=source or "",
        from_year=from_year, to_year=to_year, kinds=kinds, all_kinds=KINDS, result=result, sections=sections,
    )  # fmt: skip


@api_router.get("/changes", summary="What changed between two editions of a report series")
def api_changes(
    request: Request,
    country: Annotated[str, Query(max_length=200)],
    from_year: Annotated[int, Query(alias="from", ge=1900, le=2100)],
    to_year: Annotated[int, Query(alias="to", ge=1900, le=2100)],
    series: Text = None,
    source: Text = None,
) -> dict:
    """Two editions of a series on one country aligned: ``figures`` (rewritten passages whose
    numbers changed, with old and new numbers), then ``sections``, each with its passage pairs
    (``unchanged``, ``rewritten`` with a word diff, ``new``, ``removed``; ``moved`` when a pair
    crosses sections) and both sides' anchors."""
    return lib(request).changes(country, series or None, from_year, to_year,
                                source=source or None).to_dict()  # fmt: skip
