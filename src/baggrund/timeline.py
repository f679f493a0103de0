"""Timelines: a country's facts over the years, grouped by what they count, and its tier
placement history, from the stored documents and from imported datasets (the Trafficking in
Persons tier table 2001-2015, :func:`import_tiers`). Every point keeps the anchor of the
passage it came from, or the dataset and its attribution."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .country import country_by_code, resolve_country
from .errors import BadDocument
from .fact import Fact

__all__ = ["Series", "Timeline", "build_timeline", "import_tiers", "TIER_DATASET"]

# the tier table's coding (scorecard-diplomacy project): NA is not ranked or a special case
_TIER_CODES = {"1": "Tier 1", "2": "Tier 2", "3": "Tier 2 Watch List", "4": "Tier 3"}
TIER_DATASET = {
    "name": "tip-tiers-2001-2015",
    "title": "Trafficking in Persons report tier placements, 2001-2015",
    "attribution": "Judith Kelley and Andrew Heiss, scorecard-diplomacy project (2017)",
    "license": "MIT License, (c) 2017 Judith Kelley and Andrew Heiss",
    "url": None,
}
TIER_ORDER = {"Tier 1": 1, "Tier 2": 2, "Tier 2 Watch List": 3, "Tier 3": 4, "Special Case": 5}


def read_tier_table(path: str | os.PathLike) -> list[tuple[str, Fact]]:
    """The rows of a tier table (columns countryname, iso, year, tier; tier coded 1 = Tier 1,
    2 = Tier 2, 3 = Tier 2 Watch List, 4 = Tier 3, NA = not ranked) as (ISO3, fact) pairs.
    Rows without a placement are left out."""
    out: list[tuple[str, Fact]] = []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = {"iso", "year", "tier"} - set(reader.fieldnames or ())
        if missing:
            raise BadDocument(f"{path}: not a tier table (no column {', '.join(sorted(missing))})")
        for line, row in enumerate(reader, start=2):
            tier = _TIER_CODES.get((row["tier"] or "").strip())
            if tier is None:
                continue
            try:
                year = int(row["year"])
            except ValueError:
                raise BadDocument(f"{path}:{line}: year {row['year']!r} is not a year") from None
            code = _country(row.get("iso"), row.get("countryname"))
            if code is None:
                continue  # a territory without an ISO code of its own
            fact = Fact("", "tier", "tier placement", tier, "tier", year,
                        quote=f"{row.get('countryname', code)} {year}: {tier}")  # fmt: skip
            out.append((code, fact))
    return out


def _country(iso: str | None, name: str | None) -> str | None:
    for value in ({"KOS": "XKX"}.get(iso or "", iso), name):
        try:
            return resolve_country((value or "").strip()).code
        except ValueError:
            continue
    return None


def import_tiers(store, path: str | os.PathLike, today: dt.date | None = None) -> int:
    """Import a tier table as the facts dataset ``tip-tiers-2001-2015`` (replacing an earlier
    import), with its attribution; the number of placements."""
    facts = read_tier_table(path)
    license_file = Path(path).with_suffix(".LICENSE")
    dataset = dict(TIER_DATASET)
    if license_file.exists():
        first = license_file.read_text(encoding="utf-8").strip().splitlines()
        copyright_line = next((line for line in first if "Copyright" in line), None)
        if copyright_line:
            dataset["license"] = f"{first[0].strip()}, {copyright_line.strip()}"
    return store.import_facts(dataset, facts, today or dt.date.today())


@dataclass
class Series:
    """The figures of one subject and unit over the years, oldest first. A point is a stored
    fact's dict; ``compared`` points are the earlier figures that a later report compares
    with, linked to the later report's passage."""

    subject: str
    kind: str
    unit: str
    points: list[dict] = field(default_factory=list)
    # "event", or what a law or rule sets ("penalty", "threshold", "deadline") or a term
    # imposed in one case ("sentence"): those are listed, never charted as a trend
    role: str = "event"

    def mixed_years(self) -> list[int]:
        """The years for which this series holds more than one different figure (the subject
        label covers several things counted in one year: a line through all would mislead)."""
        values: dict[int, set] = {}
        for p in self._numeric():
            values.setdefault(p["year"], set()).add(_node(p))
        return sorted(y for y, v in values.items() if len(v) > 1)

    def chart(self) -> tuple[list[dict], str | None]:
        """The points of the chart, one per year, and why there are none.

        Every point when each year has one figure (as far as each is said in the same frame
        as the next: see :func:`_framed_run`); otherwise the longest run of figures that the
        reports themselves link ("91 victims, compared with 94 in 2022"; a later report's 94
        for 2022 continues it); none when no such run covers two years. For each year the
        figure a report gives for its own year comes before the one a later report compares
        with. The reason, when a series of several years has no chart: ``rule`` (what a law
        sets), ``mixed`` (several figures a year, none linked), ``constant`` (the same figure
        every year) or ``frame`` (the years' figures are not said in the same way); None when
        there is a chart or one year only."""
        numeric = self._numeric()
        if len({p["year"] for p in numeric}) < 2:
            return [], None
        if self.role != "event":
            return [], "rule"  # a penalty or threshold that a law changes is not a series
        if not self.mixed_years():
            return _framed_run(_one_per_year(numeric))
        run = _longest_run(numeric)
        if not run:
            return [], "mixed"
        return _one_per_year([p for p in numeric if _node(p) in run]), None

    def chart_points(self) -> list[dict]:
        """The points of the chart (see :meth:`chart`)."""
        return self.chart()[0]

    def no_chart_reason(self) -> str | None:
        """Why a series of several years has no chart (see :meth:`chart`)."""
        return self.chart()[1]

    def _numeric(self) -> list[dict]:
        return [p for p in self.points
                if p["year"] is not None and isinstance(p["value"], int | float)]  # fmt: skip

    def to_dict(self) -> dict:
        return {"subject": self.subject, "kind": self.kind, "unit": self.unit,
                "role": self.role, "points": self.points}  # fmt: skip


def _node(p: dict) -> tuple:
    return (p["year"], float(p["value"]), p.get("upper"))


def _one_per_year(points: list[dict]) -> list[dict]:
    best: dict[int, dict] = {}
    for p in points:
        have = best.get(p["year"])
        if have is None or (have["compared"] and not p["compared"]):
            best[p["year"]] = p
    return [best[y] for y in sorted(best)]


_FRAME_WORD = re.compile(r"[^\W\d_]{3,}")
FRAME_SIMILAR = 0.3  # share of words (numbers aside) two sentences need to say the same thing


def _section(anchor: str | None) -> str | None:
    parts = (anchor or "").split("/")
    return parts[-2] if len(parts) >= 2 else None


def _same_frame(a: dict, b: dict) -> bool:
    """Whether two years' figures are the same statement: the report links them by its own
    comparison, or they stand in sections of the same name, or their sentences share
    ``FRAME_SIMILAR`` of their words (numbers aside)."""
    if a.get("link") is not None and a.get("link") == b.get("link"):
        return True
    if a.get("anchor") is None or b.get("anchor") is None:
        return True  # a dataset's figures: one measure by construction
    if _section(a["anchor"]) == _section(b["anchor"]):
        return True
    wa = set(_FRAME_WORD.findall((a.get("quote") or "").casefold()))
    wb = set(_FRAME_WORD.findall((b.get("quote") or "").casefold()))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= FRAME_SIMILAR


def _framed_run(points: list[dict]) -> tuple[list[dict], str | None]:
    """Of one figure per year (in year order), the longest run in which each is said in the
    same frame as the one before (the latest such run on a tie), with no reason; none shorter
    than two years (``frame``): a label shared by unrelated statements ("Kanal 13" and 13
    journalists detained) is no series; and none when the run's figure never changes
    (``constant``): a figure that every edition restates ("nine ministries") is a description,
    not a trend (its table says it)."""
    best: list[dict] = []
    run: list[dict] = []
    for p in points:
        run = [*run, p] if run and _same_frame(run[-1], p) else [p]
        if len(run) >= len(best):
            best = run
    if len(best) < 2:
        return [], "frame"
    if len({p["value"] for p in best}) == 1:
        return [], "constant"
    return best, None


def _longest_run(points: list[dict]) -> set[tuple]:
    """The figures (year, value) joined by the comparisons a report makes, as one run with one
    figure per year: the one over the most years (then the latest year, the larger latest
    figure: a total before its parts, then the most mentions); empty when none covers two
    years."""
    parent: dict[tuple, tuple] = {}

    def root(n: tuple) -> tuple:
        while parent.setdefault(n, n) != n:
            n = parent[n]
        return n

    by_link: dict[object, list[tuple]] = {}
    for p in points:
        root(_node(p))
        if p.get("link") is not None:
            by_link.setdefault(p["link"], []).append(_node(p))
    for nodes in by_link.values():
        for other in nodes[1:]:
            parent[root(other)] = root(nodes[0])
    runs: dict[tuple, set[tuple]] = {}
    mentions: dict[tuple, int] = {}
    for p in points:
        r = root(_node(p))
        runs.setdefault(r, set()).add(_node(p))
        mentions[r] = mentions.get(r, 0) + 1
    best: set[tuple] = set()
    best_key: tuple | None = None
    for r, run in runs.items():
        years = [n[0] for n in run]
        if len(set(years)) < 2 or len(set(years)) != len(years):
            continue  # one year only, or two figures for a year: not one measure
        latest = max(run)  # (year, value, upper): its value, the larger a headline total
        key = (len(years), latest[0], latest[1], mentions[r])
        if best_key is None or key > best_key:
            best, best_key = run, key
    return best


@dataclass
class Timeline:
    country: str
    name: str
    name_da: str
    series: list[Series]
    tiers: list[dict]
    datasets: list[dict]
    topic: str | None = None
    # facts an editor rejected (off the series and charts) and decisions whose figure the
    # text no longer gives (see baggrund.review)
    rejected: list[dict] = field(default_factory=list)
    unmatched: list[dict] = field(default_factory=list)

    def rows(self) -> list[dict]:
        """Every point of every series, then the tier placements: one flat row each."""
        out = [p for s in self.series for p in s.points]
        return out + self.tiers

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "name": self.name,
            "name_da": self.name_da,
            "topic": self.topic,
            "series": [s.to_dict() for s in self.series],
            "tiers": self.tiers,
            "datasets": self.datasets,
            "rejected": self.rejected,
            "unmatched": self.unmatched,
        }


def _matches(row: dict, words: list[str]) -> bool:
    hay = f"{row['subject']} {row.get('unit') or ''} {row.get('quote') or ''}".casefold()
    return all(re.search(rf"\b{re.escape(w)}", hay) for w in words)


def _point(row: dict, compared: bool) -> dict:
    keep = ("id", "anchor", "key", "annex", "title", "source", "series", "edition_year",
            "published", "dataset", "quote", "kind", "subject", "review")  # fmt: skip
    p = {k: row.get(k) for k in keep}
    p["role"] = row.get("role") or "event"
    if compared:  # an editor reviewed the figure of the sentence's own year, not this one
        p.update(review=None, value=row["compared_value"], year=row.get("compared_year"),
                 upper=None, unit=row.get("compared_unit") or row.get("unit"), compared=True,
                 converted_value=None, converted_unit=None, qualifier=None,
                 compared_value=None, compared_year=None)  # fmt: skip
    else:
        p.update(value=row["value"], year=row.get("year"), upper=row.get("upper"),
                 unit=row.get("unit"), compared=False, converted_value=row.get("converted_value"),
                 converted_unit=row.get("converted_unit"), qualifier=row.get("qualifier"),
                 compared_value=row.get("compared_value"),
                 compared_year=row.get("compared_year"))  # fmt: skip
        if row.get("extracted"):
            p["extracted"] = row["extracted"]
    return p


def build_timeline(rows: list[dict], country: str, datasets: list[dict],
                   topic: str | None = None,
                   unmatched: list[dict] | None = None) -> Timeline:  # fmt: skip
    """Group a country's stored fact rows (see :meth:`Store.facts`, with the editors' reviews
    applied: :func:`baggrund.review.apply_reviews`) into series and a tier history; a
    rejected fact is listed apart, in no series. ``topic``: words that must all occur in a
    fact's subject, unit or sentence."""
    words = [w.casefold() for w in re.findall(r"\w+", topic or "")]
    groups: dict[tuple, Series] = {}
    tiers: list[dict] = []
    rejected: list[dict] = []
    links = itertools.count(1)  # a figure and the one it is compared with share a link
    for row in rows:
        if row["kind"] == "tier":
            tiers.append(_point(row, False))
            continue
        if words and not _matches(row, words):
            continue
        if (row.get("review") or {}).get("decision") == "rejected":
            rejected.append(_point(row, False))
            continue
        key = (row["subject"], row["kind"], row.get("unit") or "", row.get("role") or "event")
        series = groups.setdefault(key, Series(*key[:3], role=key[3]))
        current = _point(row, False)
        series.points.append(current)
        if row.get("compared_value") is not None:  # the pair is linked: one measure
            earlier = _point(row, True)
            current["link"] = earlier["link"] = next(links)
            series.points.append(earlier)
    for series in groups.values():
        series.points.sort(key=lambda p: (p["year"] or 0, p["compared"], p["anchor"] or ""))
    # the series that run over the most years first: those are the timelines
    # (events before what rules set)
    ordered = sorted(
        groups.values(),
        key=lambda s: (s.role != "event", -len({p["year"] for p in s.points}), -len(s.points),
                       s.subject, s.unit),
    )  # fmt: skip
    tiers.sort(key=lambda p: (p["year"] or 0, p["dataset"] is not None))
    seen: set[tuple] = set()
    first = []
    for t in tiers:  # one placement a year: the first of the order above
        if (t["year"], t["value"]) not in seen:
            seen.add((t["year"], t["value"]))
            first.append(t)
    tiers = first
    used = {t["dataset"] for t in tiers if t["dataset"]}
    c = country_by_code(country)
    return Timeline(
        country, c.name_en, c.name_da, ordered, tiers,
        [d for d in datasets if d["name"] in used], topic, rejected, unmatched or [],
    )  # fmt: skip
