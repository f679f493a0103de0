"""The HTML pages: Jinja2 templates, autoescaped, no inline script, English and Danish."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

import jinja2
from babel.numbers import format_decimal
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from .. import spreadsheet
from ..citation import document_date, iso_document_date
from ..country import country_by_code
from ..dates import format_date_da, format_date_en
from ..search import MAX_LIMIT
from .i18n import pick_language, translations
from .views import (
    MAX_OFFSET,
    PAGE_SIZE,
    SearchParams,
    countries_view,
    country_view,
    document_view,
    filter_choices,
    has_vectors,
    home_view,
    literal_words,
    search_view,
    source_view,
    sources_view,
)

router = APIRouter(include_in_schema=False)
# what may be shown as a link: http(s) addresses without spaces or control characters (a
# javascript:, data: or other address is shown as text)
WEB_LINK = re.compile(r"https?://[^\s\x00-\x1f\x7f/?#][^\s\x00-\x1f\x7f]*\Z", re.IGNORECASE)
templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,  # every piece of document text and metadata is escaped
    )
)
templates.env.tests["web_link"] = lambda url: bool(WEB_LINK.match(url or ""))
templates.env.tests["startingwith"] = lambda text, prefix: str(text).startswith(prefix)
Text = Annotated[str | None, Query(max_length=200)]


def lib(request: Request):
    return request.app.state.libraries.get()


def language(request: Request) -> str:
    """The page's language: ``?lang=``, the cookie, the browser's, else English."""
    return pick_language(
        request.query_params.get("lang"),
        request.cookies.get("lang"),
        request.headers.get("accept-language"),
    )


def context(request: Request) -> dict:
    lang = language(request)
    catalogue = translations(lang)
    gettext = catalogue.gettext

    def date(iso: str | None) -> str:
        if not iso:
            return "–"
        day = dt.date.fromisoformat(iso)
        return format_date_da(day) if lang == "da" else format_date_en(day)

    def doc_date(row, label: bool = False) -> str:
        """A document's date, a modification date labelled as one (see document_date)."""
        if not isinstance(row, dict):
            row = {"published": row.published, "date_kind": row.date_kind}
        return document_date(row, lang, label=label) or "–"

    def country_name(code: str) -> str:
        c = country_by_code(code)
        return c.name_da if lang == "da" else c.name_en

    def url_with(**change) -> str:
        args = dict(request.query_params)
        for key, value in change.items():
            if value is None:
                args.pop(key, None)
            else:
                args[key] = str(value)
        return request.url.path + ("?" + urlencode(args) if args else "")

    return {
        "request": request,
        "lang": lang,
        "_": gettext,
        "ngettext": catalogue.ngettext,
        "date": date,
        "doc_date": doc_date,
        "country_name": country_name,
        "number": lambda n: format_decimal(n, locale=lang),
        "url_with": url_with,
        "other_lang": "en" if lang == "da" else "da",
    }


def render(request: Request, template: str, status: int = 200, **data) -> HTMLResponse:
    from .bundle_pages import editor_context, forget_added, no_store

    ctx = context(request) | editor_context(request)
    response = templates.TemplateResponse(request, template, {**ctx, **data}, status_code=status)
    if ctx["editor"]:  # a page for an editor names their cases' bundles
        no_store(response)
    forget_added(request, response)
    if request.query_params.get("lang") in ("en", "da"):
        response.set_cookie("lang", ctx["lang"], max_age=365 * 86400, samesite="lax")
    return response


def render_error(request: Request, status: int, errors: list) -> HTMLResponse:
    """The error page, its message in the page's language (``errors``: domain errors, see
    :meth:`baggrund.errors.BaggrundError.translated`)."""
    lang = context(request)["lang"]
    gettext = translations(lang).gettext
    message = "; ".join(e.translated(gettext, lang) for e in errors)
    return render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return render(request, "home.html", **home_view(lib(request), language(request)))


@router.get("/countries", response_class=HTMLResponse)
def countries_page(request: Request):
    return render(
        request, "countries.html", countries=countries_view(lib(request), language(request))
    )


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request):
    return render(request, "sources.html", sources=sources_view(lib(request), language(request)))


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=1000)] = "",
    country: Text = None,
    source: Text = None,
    series: Text = None,
    since: Text = None,
    until: Text = None,
    added_since: Text = None,
    added_until: Text = None,
    latest: bool = False,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = PAGE_SIZE,
    semantic: bool = False,
    recognise: bool = True,
    literal: Text = None,
    document: Text = None,
):
    params = SearchParams(q, country or None, source or None, series or None, since or None,
                          until or None, added_since or None, added_until or None, latest,
                          limit, offset, semantic, recognise, literal_words(literal),
                          document=(document or "").strip() or None)  # fmt: skip
    data = search_view(lib(request), params) if q.strip() or params.filters() else None
    offer = semantic or has_vectors(lib(request))
    return render(request, "search.html", params=params, result=data, semantic_offered=offer,
                  choices=filter_choices(lib(request)))  # fmt: skip


@router.get("/documents/{key}", response_class=HTMLResponse)
def document_page(request: Request, key: str):
    return render(request, "document.html", doc=document_view(lib(request), key))


@router.get("/documents/{key}/{section}")
def section_link(key: str, section: str):
    return RedirectResponse(f"/documents/{key}#{section}", status_code=302)


@router.get("/documents/{key}/{section}/{number}")
def passage_link(request: Request, key: str, section: str, number: int):
    lib(request).passage(f"{key}/{section}/{number}")  # 404 for an anchor that does not exist
    return RedirectResponse(f"/documents/{key}?mark={section}/{number}#{section}/{number}", 302)


@router.get("/countries/{country}", response_class=HTMLResponse)
def country_page(request: Request, country: str, as_of: Text = None):
    data = country_view(lib(request), country, as_of or None)
    if data["country"] != country:
        query = f"?as_of={as_of}" if as_of else ""
        return RedirectResponse(f"/countries/{data['country']}{query}", status_code=302)
    return render(request, "country.html", **data)


@router.get("/countries/{country}/annexes.csv")
def country_csv(request: Request, country: str, as_of: Text = None):
    data = country_view(lib(request), country, as_of or None)
    out = io.StringIO()
    writer = spreadsheet.writer(out)
    writer.writerow(["Bilagsnr.", "Titel", "Kilde", "Udgivet", "Optaget på baggrundsmaterialet"])
    for row in data["annexes"]:
        writer.writerow([row["annex"], row["title"], row["source"],
                         iso_document_date(row, "da"), row["added"]])  # fmt: skip
    name = f"bilagsliste-{data['country']}-{data['as_of'] or 'current'}.csv"
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.get("/sources/{source:path}", response_class=HTMLResponse)
def source_page(request: Request, source: str):
    return render(request, "source.html", **source_view(lib(request), source))
