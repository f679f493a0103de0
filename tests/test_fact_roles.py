"""What a figure is: an event, or what a law sets (penalty, threshold, deadline), or a term
imposed in one case; how exact it is (its qualifier); the year its own sentence gives; and a
subject a reader can take, else no fact. Examples written here, in the reports' style (none is
from the held-out annotations of bench/heldout-facts/)."""

from __future__ import annotations

import pytest

from baggrund.fact import extract_facts, qualifier_before
from baggrund.timeline import build_timeline

from .conftest import SAMPLES


def facts(text: str, year: int = 2023):
    return extract_facts(text, "x/1", reporting_year=year, edition_year=year + 1)


def one(text: str, year: int = 2023):
    found = facts(text, year)
    assert len(found) == 1, [(f.label(), f.role) for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("At least 54 journalists were detained.", "at least"),
        ("Police arrested more than 300 protesters.", "more than"),
        ("An estimated 1,200 people were displaced.", "an estimated"),
        ("The ministry registered nearly 40 complaints.", "nearly"),
        ("The ministry registered 40 complaints.", None),
        ("A total of 40 complaints were registered.", None),  # a sum, not a bound
    ],
)
def test_the_qualifier_is_kept(text, qualifier):
    f = one(text)
    assert f.qualifier == qualifier and f.role == "event"


def test_qualifier_before_a_currency_sign():
    text = "The government spent more than $2 million on shelters."
    assert qualifier_before(text, text.index("2 million")) == "more than"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The law provides for penalties of up to 10 years in prison for trafficking.", "penalty"),
        ("The penal code prescribes fines of up to 5,000 manat for unregistered meetings.",
         "penalty"),
        ("The labor code requires at least 50 workers to form a union.", "threshold"),
        ("The law requires that detainees be brought before a judge within 48 hours of detention.",
         "deadline"),
        ("In March a court sentenced the journalist to seven years in prison.", "sentence"),
        ("Police arrested 30 protesters in May.", "event"),
    ],
)  # fmt: skip
def test_what_a_rule_sets_is_typed(text, role):
    assert one(text).role == role


def test_a_rule_and_an_event_in_one_clause_keep_the_count_an_event():
    f = one("Although the law prohibits torture, the ombudsman registered 41 complaints of it.")
    assert (f.value, f.role) == (41, "event")


def test_figures_a_rule_sets_are_never_charted():
    """Two editions' maximum penalty is not a trend; the events beside it are."""
    rows = []
    for year, term, arrests in ((2022, 10, 30), (2023, 12, 45)):
        text = (f"The law provides for penalties of up to {term} years in prison. "
                f"Police arrested {arrests} protesters.")  # fmt: skip
        for f in extract_facts(text, f"x{year}/1", reporting_year=year):
            rows.append({**f.to_dict(), "key": f"X-{year}"})
    timeline = build_timeline(rows, "AZE", [])
    roles = {s.role: s for s in timeline.series}
    assert set(roles) == {"event", "penalty"}
    assert len(roles["event"].chart_points()) == 2
    assert roles["penalty"].chart_points() == []
    assert timeline.series[0].role == "event"  # events first


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("At least 54 journalists were detained in 2022.", 2022),  # after the figure
        ("As of June 2022, 37 journalists remained in prison.", 2022),
        ("A 2020 survey found that 45 percent of women had experienced violence.", 2020),
        ("In 2021, courts heard appeals; they acquitted 12 defendants.", 2021),  # opens it
        ("The country hosts some 76,000 refugees who fled in 2014.", 2023),  # not their flight
        ("UNHCR registered 300 refugees, an increase over the same period in 2018.", 2023),
    ],
)
def test_the_year_comes_from_the_sentence(text, year):
    assert one(text).year == year


def test_irregular_plurals_are_counted():
    f = one("Floods displaced 1,200 people.")
    assert (f.value, f.unit) == (1200, "people")


def test_no_fact_without_a_subject():
    assert facts("The figure was 12 in the end.") == []


def test_cli_shows_the_sentence_and_the_whole_anchor(cli):
    cli("ingest", str(SAMPLES), expect=None)
    text = cli("facts", "AZE", "--topic", "victims identified").stdout
    assert "AZE-367/protection/1" in text  # the anchor is not cut
    assert "identified 91" in " ".join(text.split()) or "91" in text
    assert "Sentence" in text
    header = cli("facts", "AZE", "--csv").stdout.splitlines()[0].split(",")
    for column in ("role", "qualifier", "compared_value", "compared_year", "link", "quote"):
        assert column in header


def _row(year: int, anchor: str, quote: str, value: int) -> dict:
    return {"kind": "count", "subject": "detentions", "unit": "journalists", "value": value,
            "year": year, "anchor": anchor, "quote": quote, "key": anchor.split("/")[0]}  # fmt: skip


def test_a_chart_joins_only_figures_said_in_the_same_frame():
    same = [
        _row(2022, "AZE-1/a-freedom-of-expression/3", "Authorities detained 13 journalists.", 13),
        _row(2023, "AZE-2/a-freedom-of-expression/4", "Authorities detained 20 journalists.", 20),
    ]
    [series] = build_timeline(same, "AZE", []).series
    assert [p["value"] for p in series.chart_points()] == [13, 20]
    unrelated = [
        _row(2022, "AZE-1/a-freedom-of-expression/3", "Authorities detained 13 journalists.", 13),
        _row(2023, "AZE-2/internet-freedom/2", "Police held 20 journalists of a banned "
             "broadcaster at a checkpoint near the border overnight.", 20),
    ]  # fmt: skip
    [series] = build_timeline(unrelated, "AZE", []).series
    assert series.chart_points() == [] and len(series.points) == 2  # listed, not charted
    assert series.no_chart_reason() == "frame"


def test_a_figure_restated_unchanged_by_every_edition_is_not_charted():
    rows = [_row(year, f"AZE-{year}/a-freedom-of-expression/3",
                 f"In {year} nine ministries had press offices.", 9) for year in (2021, 2022, 2023)]  # fmt: skip
    [series] = build_timeline(rows, "AZE", []).series
    assert series.chart_points() == [] and len(series.points) == 3
    assert series.no_chart_reason() == "constant"


def test_a_denominator_is_not_a_figure():
    assert [f.value for f in facts("The rate was 480 deaths per 100,000 live births.")] == [480]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Twelve people were killed and 30 injured in the attack.", ["killings", "injuries"]),
        ("The attack killed 12 people and injured 30.", ["killings", "injuries"]),
        ("Officials visited the prison, which held 500 detainees.", ["detentions"]),
    ],
)
def test_a_counted_noun_that_names_the_event_gives_the_subject(text, subjects):
    assert [f.subject for f in facts(text)] == subjects
