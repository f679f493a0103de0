"""Editors' review of facts: confirmed, corrected or rejected, kept across re-ingests of the same
text and rebuilds of the facts, shown when the text no longer gives the figure, copied with
the library. Runs on SQLite and, with BAGGRUND_TEST_POSTGRES, on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from baggrund.errors import NotFound
from baggrund.library import Library
from baggrund.review import FactReview, ReviewError
from baggrund.transfer import copy_library

from .test_store_contract import library, store_url  # noqa: F401  (fixtures)
from .test_store_facts import _board

NOW = dt.datetime(2026, 12, 3, 10, 30, tzinfo=dt.UTC)


def _series(timeline, subject: str):
    return next(s for s in timeline.series if s.subject == subject)


def _fact(library, subject: str, value) -> dict:  # noqa: F811
    (row,) = [r for r in library.store.facts("AZE") if r["subject"] == subject
              and r["value"] == value]  # fmt: skip
    return row


def test_a_rejected_fact_leaves_the_series_and_the_chart(tmp_path, library):  # noqa: F811
    library.ingest([_board(tmp_path)])
    victims = _fact(library, "victims identified", 91)
    before = _series(library.facts("AZE"), "victims identified")
    assert any(p["value"] == 91 for p in before.points)
    library.review_fact(victims["id"], "rejected", note="counts referrals, not victims", now=NOW)
    timeline = library.facts("AZE")
    after = next((s for s in timeline.series if s.subject == "victims identified"), None)
    assert after is None or all(p.get("id") != victims["id"] for p in after.points)
    assert after is None or all(p["value"] != 91 or p["compared"] for p in after.chart()[0])
    (rejected,) = timeline.rejected
    assert rejected["id"] == victims["id"] and rejected["anchor"] == victims["anchor"]
    assert rejected["review"] == {"decision": "rejected", "decided": "2026-12-03T10:30:00+00:00",
                                  "note": "counts referrals, not victims"}  # fmt: skip
    assert timeline.to_dict()["rejected"][0]["quote"] == victims["quote"]


def test_a_correction_shows_the_editors_figure_beside_the_extracted_one(tmp_path, library):  # noqa: F811
    library.ingest([_board(tmp_path)])
    funding = _fact(library, "funding", 210161)
    reviewed = library.review_fact(funding["id"], "corrected", value=210000, year=2022, now=NOW)
    assert (reviewed["value"], reviewed["year"]) == (210000, 2022)
    assert reviewed["extracted"] == {"value": 210161, "year": 2023, "converted_value": 123620,
                                     "converted_unit": "USD"}  # fmt: skip
    assert reviewed["converted_value"] is None  # the dollar figure was of the extracted value
    point = next(p for p in _series(library.facts("AZE"), "funding").points
                 if p.get("id") == funding["id"] and not p["compared"])  # fmt: skip
    assert (point["value"], point["year"], point["extracted"]["value"]) == (210000, 2022, 210161)
    assert point["review"]["correction"] == {"value": 210000, "year": 2022}
    # a second decision replaces the first
    library.review_fact(funding["id"], "confirmed", now=NOW)
    point = next(p for p in _series(library.facts("AZE"), "funding").points
                 if p.get("id") == funding["id"] and not p["compared"])  # fmt: skip
    assert point["value"] == 210161 and point["review"]["decision"] == "confirmed"
    assert "extracted" not in point
    assert library.unreview_fact(funding["id"]) is True
    assert library.unreview_fact(funding["id"]) is False
    assert library.store.fact_reviews("AZE") == []


def test_decisions_survive_a_reingest_and_a_rebuild_of_the_facts(tmp_path, library):  # noqa: F811
    library.ingest([_board(tmp_path)])
    funding = _fact(library, "funding", 210161)
    library.review_fact(funding["id"], "rejected", now=NOW)
    # the same text again, after another paragraph changed: the document is updated and
    # every fact extracted again
    assert library.ingest([_board(tmp_path, "95 ")]).updated == 1
    assert [p["value"] for p in library.facts("AZE").rejected] == [210161]
    library.rebuild_facts()
    timeline = library.facts("AZE")
    assert [p["value"] for p in timeline.rejected] == [210161] and timeline.unmatched == []
    assert all(p["value"] != 210161 for p in _series(timeline, "funding").points
               if not p["compared"])  # fmt: skip


def test_a_decision_whose_figure_is_gone_is_kept_and_shown(tmp_path, library):  # noqa: F811
    library.ingest([_board(tmp_path)])
    victims = _fact(library, "victims identified", 91)
    library.review_fact(victims["id"], "confirmed", note="checked against the report", now=NOW)
    library.ingest([_board(tmp_path, "95 ")])  # the figure itself changed
    timeline = library.facts("AZE")
    (gone,) = timeline.unmatched
    assert (gone["key"], gone["anchor"], gone["decision"]) == (
        "AZE-367", victims["anchor"].split("/", 1)[1], "confirmed",
    )  # fmt: skip
    assert "91" in gone["quote"] and gone["note"] == "checked against the report"
    assert len(library.store.fact_reviews("AZE")) == 1  # never dropped


@pytest.mark.parametrize(
    "decision, fields, message",
    [
        ("approved", {}, "decision: 'approved' is not one of confirmed, corrected, rejected"),
        ("corrected", {}, "a correction needs a value, a year, a subject or a role"),
        ("rejected", {"value": 3.0}, "a rejected fact takes no correction"),
        ("corrected", {"value": math.nan}, "value: not a number"),
        ("corrected", {"year": 20233}, "year: 20233 is not a year"),
        ("corrected", {"subject": "  "}, None),  # blank: corrects nothing
        ("corrected", {"role": "guess"}, "role: 'guess' is not one of event, penalty"),
        ("confirmed", {"note": "x" * 2001}, "note: longer than 2,000 characters"),
    ],
)
def test_a_review_that_cannot_be_kept_is_refused_and_nothing_is_stored(
    tmp_path, library, decision, fields, message  # noqa: F811
):  # fmt: skip
    library.ingest([_board(tmp_path)])
    fact = _fact(library, "funding", 210161)
    with pytest.raises(ReviewError) as err:
        library.review_fact(fact["id"], decision, **fields)
    assert str(err.value).startswith(message or "a correction needs")
    assert library.store.fact_reviews() == []


def test_unknown_facts_and_imported_datasets_cannot_be_reviewed(tmp_path, library):  # noqa: F811
    with pytest.raises(NotFound, match="no fact 999999"):
        library.review_fact(999999, "confirmed")
    with pytest.raises(NotFound):
        library.unreview_fact(999999)
    from baggrund.fact import Fact

    tier = Fact("", "tier", "tier placement", "Tier 2", "tier", 2013)
    dataset = {"name": "t", "title": "T", "attribution": "A", "license": None, "url": None}
    library.store.import_facts(dataset, [("AZE", tier)], dt.date(2026, 1, 1))
    (row,) = library.store.facts("AZE")
    with pytest.raises(ReviewError, match="imported dataset t"):
        library.review_fact(row["id"], "rejected")


def test_reviews_are_copied_with_the_library(tmp_path, library):  # noqa: F811
    library.ingest([_board(tmp_path)])
    library.review_fact(_fact(library, "funding", 210161)["id"], "rejected", note="n", now=NOW)
    library.review_fact(_fact(library, "victims identified", 91)["id"], "corrected",
                        subject="victims referred", now=NOW)  # fmt: skip
    with Library.open(str(tmp_path / "copy.db")) as target:
        report = copy_library(library.store, target.store)
        assert report.ok, report.differences
        assert report.reviews == 2
        assert set(target.store.fact_reviews()) == set(library.store.fact_reviews())
        assert [p["value"] for p in target.facts("AZE").rejected] == [210161]
        assert any(s.subject == "victims referred" for s in target.facts("AZE").series)


def test_a_review_value_keeps_its_fields():
    review = FactReview("AZE-367", "protection/2", 10, "q", "AZE", "corrected", NOW, value=5.0)
    assert review.key == ("AZE-367", "protection/2", 10, "q")
    assert review.to_dict()["correction"] == {"value": 5.0}


def test_the_cli_shows_decisions_and_exports_rejected_facts_marked(tmp_path):
    import csv
    import io

    from click.testing import CliRunner

    from baggrund.cli import main

    db = str(tmp_path / "cli.db")
    with Library.open(db) as lib:
        lib.ingest([_board(tmp_path)])
        rows = lib.store.facts("AZE")
        (funding,) = [r for r in rows if r["value"] == 210161 and r["subject"] == "funding"]
        victims = [r for r in rows if r["subject"] == "victims identified" and r["value"] == 91][0]
        lib.review_fact(funding["id"], "rejected", note="a grant", now=NOW)
        lib.review_fact(victims["id"], "corrected", value=92, now=NOW)
    runner = CliRunner()
    out = runner.invoke(main, ["facts", "AZE", "--csv", "--db", db])
    assert out.exit_code == 0, out.output
    table = list(csv.DictReader(io.StringIO(out.stdout)))
    (rejected,) = [r for r in table if r["review"] == "rejected"]
    assert (rejected["value"], rejected["review_note"]) == ("210,161", "a grant")
    (corrected,) = [r for r in table if r["review"] == "corrected"]
    assert (corrected["value"], corrected["extracted_value"]) == ("92", "91")
    text = runner.invoke(
        main, ["facts", "AZE", "--db", db, "--topic", "victims identified"], env={"COLUMNS": "300"}
    )
    assert "corrected by an editor" in text.stdout and "210,161" not in text.stdout
