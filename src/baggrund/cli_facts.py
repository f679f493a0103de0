"""``baggrund facts``: a country's figures over the years and its tier placement history.

baggrund facts AZE                          # tables per subject, then the tier history
baggrund facts Aserbajdsjan --topic victims --csv
baggrund facts --rebuild                    # extract the facts of every stored document again
baggrund facts --import-tiers ../shared/corpus/tip-tiers-2001-2015.csv
"""

from __future__ import annotations

import json
import sys

import click

from . import spreadsheet
from .cli_context import _console, _ctx, db_option, handle_errors
from .i18n import translations

LABELS = {
    "en": {"year": "Year", "value": "Value", "note": "Note", "cited": "as compared in a later report",
           "review": {"confirmed": "confirmed by an editor", "corrected": "corrected by an editor"}, "passage": "Passage",
           "sentence": "Sentence", "roles": {"penalty": "set by law: penalties", "threshold": "set by law or rule", "deadline": "time limits set by law", "sentence": "terms imposed in single cases"},
           "tiers": "Tier placements", "none": "No facts for {country}.",
           "rebuilt": "{n} facts extracted from the stored documents", "rebuilt_one": "{n} fact extracted from the stored documents",
           "imported": "{n} tier placements imported ({name})", "imported_one": "{n} tier placement imported ({name})", "source": "Source",
           "attribution": "Tier placements 2001-2015: {attribution}; {license}"},
    "da": {"year": "År", "value": "Værdi", "note": "Note", "cited": "som sammenligning i en senere rapport",
           "review": {"confirmed": "bekræftet af en redaktør", "corrected": "rettet af en redaktør"}, "passage": "Afsnit",
           "sentence": "Sætning", "roles": {"penalty": "fastsat ved lov: straffe", "threshold": "fastsat ved lov eller regel", "deadline": "frister fastsat ved lov", "sentence": "straffe idømt i enkeltsager"},
           "tiers": "Tier-placeringer", "none": "Ingen fakta om {country}.",
           "rebuilt": "{n} fakta udtrukket af de gemte dokumenter",
           "imported": "{n} tier-placeringer importeret ({name})", "imported_one": "{n} tier-placering importeret ({name})", "source": "Kilde",
           "attribution": "Tier-placeringer 2001-2015: {attribution}; {license}"},
}  # fmt: skip
CSV_FIELDS = ["country", "subject", "kind", "role", "unit", "year", "qualifier", "value", "upper",
              "compared", "compared_value", "compared_year", "link", "converted_value",
              "converted_unit", "anchor", "key", "source", "title", "dataset", "quote", "id",
              "review", "review_note", "extracted_value", "extracted_year"]  # fmt: skip


def _review_columns(row: dict) -> dict:
    """An editor's decision on a fact as flat columns (see baggrund.review)."""
    review, extracted = row.get("review") or {}, row.get("extracted") or {}
    return {"review": review.get("decision"), "review_note": review.get("note") or None,
            "extracted_value": extracted.get("value"), "extracted_year": extracted.get("year")}  # fmt: skip


def _note(p: dict, L: dict) -> str:
    if p["compared"]:
        return L["cited"]
    review = p.get("review") or {}
    return L["review"].get(review.get("decision"), "")


def _num(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _value(p: dict, c) -> str:
    """A figure as the table shows it, in the interface language: its qualifier translated,
    digits grouped as the language groups them (``1.200`` in Danish)."""
    _ = translations(c.lang).gettext
    text = (
        (f"{_(p['qualifier'])} " if p.get("qualifier") else "")
        + c.number(p["value"])
        + (f"–{c.number(p['upper'])}" if p.get("upper") is not None else "")
    )
    if p.get("converted_value") is not None:
        text += f" ({c.number(p['converted_value'])} {p['converted_unit']})"
    return text


@click.command()
@click.argument("country", required=False)
@db_option
@click.option("--topic", help="Only facts whose subject, unit or sentence has these words.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per fact per line.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV, one row per fact.")
@click.option("--rebuild", is_flag=True, help="Extract the facts of every stored document again.")
@click.option("--import-tiers", "tiers_file", type=click.Path(exists=True, dir_okay=False),
              help="Import a tier table (tip-tiers-2001-2015.csv) as a facts dataset.")  # fmt: skip
@handle_errors
def facts(country, db, topic, as_json, as_csv, rebuild, tiers_file):
    """Figures over the years for a country (counts, money, percentages, prison terms, each
    with its year, comparison and passage), and its tier placement history."""
    c = _ctx(db)
    L = LABELS[c.lang]
    if not (country or rebuild or tiers_file):
        raise click.UsageError("name a COUNTRY, or give --rebuild or --import-tiers")
    with c.library(create=bool(tiers_file)) as lib:  # importing a table may begin a library
        if rebuild:
            click.echo(c.counted("rebuilt", lib.rebuild_facts(), L), err=bool(country))
        if tiers_file:
            n = lib.import_tiers(tiers_file)
            click.echo(c.counted("imported", n, L, name=tiers_file), err=bool(country))
        if not country:
            return
        timeline = lib.facts(country, topic=topic)
    rows = timeline.rows()
    exported = rows + timeline.rejected  # a spreadsheet keeps what an editor rejected, marked
    if as_json:
        for row in exported:
            print(json.dumps({"country": timeline.country, **row}, ensure_ascii=False))
        return
    if as_csv:
        writer = spreadsheet.writer(sys.stdout)
        writer.writerow(CSV_FIELDS)
        for row in exported:
            row = {**row, "country": timeline.country, **_review_columns(row)}
            writer.writerow([_num(row[k]) if k == "value" else row.get(k) for k in CSV_FIELDS])
        return
    name = timeline.name_da if c.lang == "da" else timeline.name
    if not rows:
        click.echo(L["none"].format(country=name))
        return
    _print(timeline, name, L, c)


def _print(timeline, name: str, L: dict, c) -> None:
    from rich.table import Table

    _ = translations(c.lang).gettext
    out = _console()
    out.print(f"[bold]{name} ({timeline.country})[/bold]")
    for series in timeline.series:
        title = f"{_(series.subject)} ({_(series.unit)})"
        if series.role != "event":
            title += f" – {L['roles'].get(series.role, series.role)}"
        table = Table(L["year"], L["value"], L["note"], L["passage"], L["sentence"],
                      title=title, title_justify="left")  # fmt: skip
        # the passage's anchor whole (it is what a citation names), the sentence to check it by
        table.columns[3].no_wrap = True
        table.columns[3].overflow = "fold"
        table.columns[1].no_wrap = True
        for p in series.points:
            table.add_row(str(p["year"] or "–"), _value(p, c), _note(p, L),
                          p["anchor"] or p["dataset"] or "", p.get("quote") or "")  # fmt: skip
        out.print(table)
    if timeline.tiers:
        table = Table(L["year"], "Tier", L["source"], title=L["tiers"], title_justify="left")
        for t in timeline.tiers:
            table.add_row(str(t["year"]), str(t["value"]), t["anchor"] or t["dataset"])
        out.print(table)
        for d in timeline.datasets:
            out.print(L["attribution"].format(**d), style="dim")
