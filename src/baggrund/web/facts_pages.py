"""A country's figures over the years in the browser (``/countries/AZE/facts``) and the JSON
API (``/api/v1/countries/AZE/facts``): a table and a chart per subject, the tier placement
history, every point linked to the passage it came from.

The charts are inline SVG drawn here on the server: no script, no CDN (the CSP allows
neither); each point is a link with a title, so they work with a keyboard and a screen
reader as well as with a mouse."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..country import resolve_country
from ..fact import ROLES
from ..review import ReviewError
from ..timeline import TIER_ORDER, Timeline
from .pages import lib, render

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["api"])
Topic = Annotated[str | None, Query(max_length=200)]
# what an editor may call a figure, and what they decided (msgids of the catalogue)
ROLE_LABELS = {
    "event": "an event or a state of things",
    "penalty": "a penalty set by law",
    "threshold": "a threshold set by a law or rule",
    "deadline": "a time limit set by law",
    "sentence": "a term imposed in one case",
}
DECISION_LABELS = {"confirmed": "Confirmed", "corrected": "Corrected", "rejected": "Rejected"}
MAX_SERIES = 60  # on one page; --topic narrows them down
WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_Y = 560, 180, 64, 16, 24


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float):
        return f"{value:,}".replace(",", "\u202f")  # a thin space groups digits in both languages
    return str(value)


def _years_axis(years: list[int]) -> tuple[int, int, Callable[[int], float]]:
    lo, hi = min(years), max(years)
    span = max(hi - lo, 1)

    def x(year: int) -> float:
        if lo == hi:
            return PAD_LEFT + (WIDTH - PAD_LEFT - PAD_RIGHT) / 2
        return PAD_LEFT + (year - lo) / span * (WIDTH - PAD_LEFT - PAD_RIGHT)

    return lo, hi, x


def _dot(x: float, y: float, point: dict, label, compared: bool) -> dict:
    """One point of a chart: where, the passage it links to, its title."""
    anchor = point.get("anchor")
    href = f"/documents/{anchor}" if anchor else None
    return {"x": round(x, 1), "y": round(y, 1), "href": href, "title": label(point),
            "compared": compared}  # fmt: skip


def _frame(dots: list[dict], xticks: list[dict], yticks: list[dict]) -> dict:
    """A chart's coordinates for the template: the points, the line through them, the axes."""
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "line": " ".join(f"{d['x']},{d['y']}" for d in dots),
        "dots": dots,
        "xticks": xticks,
        "yticks": yticks,
        "left": PAD_LEFT,
        "right": WIDTH - PAD_RIGHT,
        "bottom": HEIGHT - PAD_Y,
    }


def chart(points: list[dict], *, label) -> dict | None:
    """Coordinates of a line chart of (year, value) points, or None with fewer than two years.
    ``label`` gives each point's title (value, year, passage)."""
    years = sorted({p["year"] for p in points})
    if len(years) < 2:
        return None
    values = [float(p["value"]) for p in points]
    vmax = max(values) or 1.0
    lo, hi, x = _years_axis(years)

    def y(v: float) -> float:
        return HEIGHT - PAD_Y - v / vmax * (HEIGHT - 2 * PAD_Y)

    dots = [_dot(x(p["year"]), y(float(p["value"])), p, label, p.get("compared", False))
            for p in points]  # fmt: skip
    xticks = [{"x": round(x(yr), 1), "label": str(yr)} for yr in years]
    return _frame(dots, xticks, [{"y": round(y(v), 1), "label": _number(v)} for v in (0.0, vmax)])


def tier_chart(tiers: list[dict], *, label) -> dict | None:
    """A step chart of tier placements (Tier 1 at the top, Tier 3 at the bottom)."""
    points = [t for t in tiers if t["value"] in TIER_ORDER and t["year"]]
    years = sorted({t["year"] for t in points})
    if len(years) < 2:
        return None
    lo, hi, x = _years_axis(years)
    levels = ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"]

    def y(tier: str) -> float:
        return PAD_Y + min(TIER_ORDER[tier] - 1, 3) / 3 * (HEIGHT - 2 * PAD_Y)

    dots = [_dot(x(t["year"]), y(t["value"]), t, label, False) for t in points]
    xticks = [{"x": round(x(yr), 1), "label": str(yr)}
              for yr in years if yr % 2 == 0 or len(years) < 10]  # fmt: skip
    yticks = [{"y": round(y(t), 1), "label": t.replace("Watch List", "WL")} for t in levels]
    return _frame(dots, xticks, yticks)


def facts_view(timeline: Timeline, gettext) -> dict:
    """What the page shows: the series with their charts, and the tier history."""

    def label(p: dict) -> str:
        where = p.get("anchor") or p.get("dataset") or ""
        text = f"{p['year']}: {_number(p['value'])} ({where})"
        if p.get("compared"):
            text += " · " + gettext("as compared in a later report")
        return text

    series: list[dict] = []
    for s in timeline.series[:MAX_SERIES]:
        points, why = s.chart()
        series.append({"series": s, "chart": chart(points, label=label),
                       "mixed": s.mixed_years(), "id": f"s{len(series) + 1}",
                       "why": why})  # fmt: skip
    return {
        "timeline": timeline,
        "series": series,
        "more": max(0, len(timeline.series) - MAX_SERIES),
        "tier_chart": tier_chart(timeline.tiers, label=label),
        "number": _number,
    }


@router.get("/countries/{country}/facts", response_class=HTMLResponse)
def facts_page(request: Request, country: str, topic: Topic = None):
    code = resolve_country(country).code
    if code != country:
        query = "?" + urlencode({"topic": topic}) if topic else ""
        return RedirectResponse(f"/countries/{code}/facts{query}", status_code=302)
    timeline = lib(request).facts(code, topic=topic or None)
    from .i18n import pick_language, translations

    lang = pick_language(request.query_params.get("lang"), request.cookies.get("lang"),
                         request.headers.get("accept-language"))  # fmt: skip
    data = facts_view(timeline, translations(lang).gettext)
    reviewed = request.query_params.get("reviewed", "")
    fact, _, decision = reviewed.partition(":")
    notice = {"fact": int(fact), "decision": decision} if fact.isdigit() else None
    return render(request, "facts.html", country=code, topic=topic or "", notice=notice,
                  roles=ROLES, role_labels=ROLE_LABELS, decision_labels=DECISION_LABELS,
                  **data)  # fmt: skip


def _number_in(text: str, lang: str) -> float | None:
    """A figure an editor typed, read in the interface language ("210.000" in Danish,
    "210,000" in English; spaces group digits in both); None when left empty."""
    from babel.numbers import NumberFormatError, parse_decimal

    text = "".join(text.split()).replace("\u202f", "")
    if not text:
        return None
    try:
        return float(parse_decimal(text, locale=lang, strict=True))
    except NumberFormatError:
        raise ReviewError("value: {value} is not a number", value=repr(text)) from None


def _year_in(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ReviewError("year: {year} is not a year", year=repr(text))
    return int(text)


@router.post("/facts/review")
async def review_fact(request: Request):
    """An editor's decision on one fact (``fact``: its id): ``decision`` is ``confirmed``,
    ``rejected``, ``corrected`` (with ``value``, ``year``, ``subject`` or ``role``) or
    ``undo``; back to the fact on its page, which says what was kept."""
    from .bundle_pages import _back, _form
    from .i18n import LANGUAGES
    from .pages import context

    form = await _form(request)
    if not form.get("fact", "").isdigit():
        raise ReviewError("fact: missing or not a fact number")
    fact_id, decision = int(form["fact"]), form.get("decision", "")
    library = lib(request)
    if decision == "undo":
        library.unreview_fact(fact_id)
    else:
        # a figure is read in the language of the form it was typed into
        lang = form["lang"] if form.get("lang") in LANGUAGES else context(request)["lang"]
        correct = decision == "corrected"
        library.review_fact(
            fact_id, decision, note=form.get("note", ""),
            value=_number_in(form.get("value", ""), lang) if correct else None,
            year=_year_in(form.get("year", "")) if correct else None,
            subject=form.get("subject") if correct else None,
            role=(form.get("role") or None) if correct else None,
        )  # fmt: skip
    back = urlsplit(_back(form, "/"))
    params = [(k, v) for k, v in parse_qsl(back.query, keep_blank_values=True) if k != "reviewed"]
    query = urlencode([*params, ("reviewed", f"{fact_id}:{decision}")])
    return RedirectResponse(f"{back.path}?{query}#fact-{fact_id}", status_code=303)


@api_router.get("/countries/{country}/facts", summary="A country's figures over the years")
def api_facts(request: Request, country: str, topic: Topic = None) -> dict:
    """Every figure of the country's documents, grouped by subject and unit, with year,
    comparison and passage anchor; and the tier placement history with the datasets'
    attribution."""
    return lib(request).facts(country, topic=topic or None).to_dict()
