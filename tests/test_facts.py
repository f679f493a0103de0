"""Fact extraction: the issue's examples, the gold annotations (precision and recall), and the
``baggrund facts`` command against a temporary store."""

from __future__ import annotations

import json
import os

import pytest

from baggrund.fact import extract_facts, reporting_year

from .conftest import CORPUS, SHARED, needs_corpus
from .facts_gold import GOLD, score


def facts(text: str, year: int = 2023, **kw):
    return extract_facts(text, "x/1", reporting_year=year, edition_year=year + 1, **kw)


def one(text: str, **kw):
    found = facts(text, **kw)
    assert len(found) == 1, [f.label() for f in found]
    return found[0]


# -- the examples --------------------------------------------------------------------
def test_counts_with_years_and_comparisons():
    found = facts(
        "Law enforcement investigated nine cases with 12 defendants, compared with 14 cases "
        "with 16 suspects in 2022; all nine were sex trafficking cases."
    )
    assert [(f.subject, f.value, f.unit, f.year, f.compared_value, f.compared_unit,
             f.compared_year) for f in found] == [
        ("investigations", 9, "cases", 2023, 14, "cases", 2022),
        ("investigations", 12, "defendants", 2023, 16, "suspects", 2022),
    ]  # fmt: skip


def test_numbers_in_words_and_digits():
    f = one("The government officially identified ninety-one victims, compared with 1,664 in 2022.")
    assert (f.value, f.compared_value, f.subject) == (91, 1664, "victims identified")
    f = one("The government did not report the number of investigated labor violations, "
            "compared with 1,664 labor violations in 2022.")  # fmt: skip
    assert (f.value, f.year, f.unit) == (1664, 2022, "violations")


def test_money_with_currency_and_conversion():
    f = one("The government allocated 210,161 manat ($123,620) for victim assistance, compared "
            "with 179,464 manat ($105,570) in 2022.")  # fmt: skip
    assert (f.kind, f.subject, f.value, f.unit) == ("money", "funding", 210161, "AZN")
    assert (f.converted_value, f.converted_unit) == (123620, "USD")
    assert (f.compared_value, f.compared_year) == (179464, 2022)
    f = one("The court ordered the government to pay €5,000 ($4,530) to each victim.")
    assert (f.unit, f.value, f.converted_value, f.subject) == ("EUR", 5000, 4530, "compensation")


def test_percentages():
    f = one("UNAMA attributed 62 percent of civilian casualties to antigovernment forces.")
    assert (f.kind, f.value, f.unit) == ("percent", 62, "%")


def test_prison_term_ranges():
    found = facts("The law prescribed penalties of five to 10 years' imprisonment for offenses "
                  "involving adult victims and eight to 12 years' imprisonment for child victims.")  # fmt: skip
    assert [(f.kind, f.value, f.upper, f.unit, f.subject) for f in found] == [
        ("prison_term", 5, 10, "years", "penalties"),
        ("prison_term", 8, 12, "years", "penalties"),
    ]
    f = one("A military court sentenced him to three months in prison.")
    assert (f.value, f.unit, f.subject) == (3, "months", "sentences")


def test_durations_that_are_not_prison_terms_are_left_out():
    assert facts("Detainees must appear before a judge within 48 hours; the shelter accommodated "
                 "victims for up to one month.") == []  # fmt: skip


def test_tier_placements():
    f = one("AZERBAIJAN (Tier 2)")
    assert (f.kind, f.value, f.year) == ("tier", "Tier 2", 2024)
    f = one("The government demonstrated overall increasing efforts; therefore Azerbaijan "
            "remained on Tier 2.")  # fmt: skip
    assert (f.value, f.compared_value, f.compared_year) == ("Tier 2", "Tier 2", 2023)
    f = one("These efforts were not serious; therefore the country was downgraded to Tier 2 "
            "Watch List.")  # fmt: skip
    assert (f.value, f.compared_value) == ("Tier 2 Watch List", None)
    f = one("The country was upgraded from Tier 3 to Tier 2 Watch List.")
    assert (f.value, f.compared_value) == ("Tier 2 Watch List", "Tier 3")


def test_parenthesised_comparisons_align_in_order():
    found = facts("VACs assisted 67 officially recognized victims and 25 potential victims "
                  "(81 officially recognized victims and 32 potential victims in 2022).")  # fmt: skip
    assert [(f.value, f.unit, f.compared_value, f.compared_year) for f in found] == [
        (67, "victims", 81, 2022),
        (25, "potential victims", 32, 2022),
    ]


def test_a_year_named_in_the_sentence_dates_the_figure():
    f = one("In 2022, authorities released 19 individuals previously convicted of espionage.")
    assert (f.year, f.subject) == (2022, "releases")
    f = one("From January 1 to September 30, UNAMA reported 2,560 civilian deaths, a decrease "
            "from 2,870 during the same period in 2018.", year=2019)  # fmt: skip
    assert (f.value, f.year, f.compared_value, f.compared_year) == (2560, 2019, 2870, 2018)


def test_dates_ages_articles_and_restatements_are_not_facts():
    assert facts("On February 28, he died in Prison No. 5 under Article 144-1 of the code; "
                 "COVID-19 closed schools for children younger than 18 years old.") == []  # fmt: skip
    found = facts("Courts convicted 10 traffickers; all 10 were convicted for sex trafficking.")
    assert [f.value for f in found] == [10]


def test_reporting_year():
    assert reporting_year("Trafficking in Persons Report", 2024) == 2023
    assert reporting_year("Country Reports on Human Rights Practices", 2023) == 2023
    assert reporting_year(None, None, "2021-05-01") == 2021


def test_every_fact_keeps_its_anchor_and_sentence():
    f = one("Courts convicted 10 traffickers, compared with 12 traffickers in 2022.")
    assert f.anchor == "x/1" and f.quote.startswith("Courts convicted")
    assert f.label() == "convictions: 10 traffickers (2023) vs 12 (2022)"
    assert json.loads(json.dumps(f.to_dict()))["value"] == 10


# -- gold annotations ----------------------------------------------------------------------
def _gold(name: str):
    return next(p for p in GOLD if p.stem == f"facts-{name}")


def test_board_document_against_gold():
    result = score(_gold("aze-367"), CORPUS)
    print(result.line())
    assert result.precision >= 0.9 and result.recall >= 0.8, (result.missed, result.spurious)


@needs_corpus()
@pytest.mark.corpus
@pytest.mark.parametrize(
    "name",
    ["hrr-2023-azerbaijan", "hrr-2019-afghanistan", "hrr-2021-somalia", "heldout-hrr-2022-iraq"],
)
def test_human_rights_reports_against_gold(name):
    result = score(_gold(name), CORPUS)
    print(result.line())
    assert result.precision >= 0.9 and result.recall >= 0.8, (result.missed, result.spurious)


# -- the command line ------------------------------------------------------------------------
TIERS_CSV = (
    "countryname,iso,year,ccode,tier\nAzerbaijan,AZE,2012,373,3\nAzerbaijan,AZE,2013,373,2\n"
)


def test_cli_facts_for_a_country(cli, tmp_path):
    from .conftest import SAMPLES

    cli("ingest", str(SAMPLES), expect=None)
    rows = cli.json_lines("facts", "AZE", "--json")
    victims = [r for r in rows if r["subject"] == "victims identified" and r["value"] == 91]
    assert victims and victims[0]["anchor"] == "AZE-367/protection/1"
    assert victims[0]["year"] == 2023 and victims[0]["key"] == "AZE-367"
    earlier = [r for r in rows if r["compared"] and r["value"] == 94]
    assert earlier and earlier[0]["year"] == 2022
    assert any(r["kind"] == "tier" and r["value"] == "Tier 2" for r in rows)

    topic = cli.json_lines("facts", "Aserbajdsjan", "--topic", "manat shelter", "--json")
    assert topic and all(r["kind"] in ("money", "tier") or "shelter" in r["quote"] for r in topic)
    assert any(r["value"] == 116161 for r in topic)

    out = cli("facts", "AZE", "--csv").stdout.splitlines()
    assert out[0].startswith("country,subject,kind") and any("AZE-367/protection/2" in line
                                                            for line in out)  # fmt: skip
    text = cli("--lang", "da", "facts", "AZE", "--topic", "convicted").stdout
    # the subject in the interface language, as the facts page names it
    assert "domfældelser" in text and "convictions" not in text and "AZE-367/prosecution/1" in text


def test_cli_rebuild_and_import_tiers(cli, tmp_path):
    from .conftest import BOARD_SAMPLE

    cli("ingest", str(BOARD_SAMPLE))
    assert "facts extracted" in cli("facts", "--rebuild").stdout
    tiers = tmp_path / "tiers.csv"
    tiers.write_text(TIERS_CSV, encoding="utf-8")
    assert "2 tier placements imported" in cli("facts", "--import-tiers", str(tiers)).stdout
    rows = [r for r in cli.json_lines("facts", "AZE", "--json") if r["kind"] == "tier"]
    assert [(r["year"], r["value"], r["dataset"]) for r in rows] == [
        (2012, "Tier 2 Watch List", "tip-tiers-2001-2015"),
        (2013, "Tier 2", "tip-tiers-2001-2015"),
        (2024, "Tier 2", None),
    ]
    text = cli("facts", "AZE").stdout
    assert "Kelley and Andrew Heiss" in text  # the dataset's attribution
    cli("facts", expect=2)  # neither a country nor an action


@pytest.mark.skipif(
    not (SHARED / "corpus" / "tip-tiers-2001-2015.csv").exists() and not os.environ.get(
        "BAGGRUND_REQUIRE_CORPUS"), reason="the shared corpus is not there (set BAGGRUND_SHARED)",
)  # fmt: skip
def test_the_real_tier_table_imports(cli):
    out = cli("facts", "--import-tiers", str(SHARED / "corpus" / "tip-tiers-2001-2015.csv"))
    assert "2,251 tier placements" in out.stdout
    rows = [r for r in cli.json_lines("facts", "AZE", "--json") if r["kind"] == "tier"]
    assert (2011, "Tier 2 Watch List") in [(r["year"], r["value"]) for r in rows]


def test_documents_in_other_languages_give_no_facts():
    from baggrund.fact import passage_facts

    danish = [("intro/1", "Regeringen identificerede 1.664 ofre, sammenlignet med ni i 2022.")]
    assert passage_facts(danish, series=None, edition_year=2023, language="da") == []
    english = [("intro/1", "The government identified 91 victims.")]
    assert [f.value for f in passage_facts(english, series=None, edition_year=2023)] == [91]


def test_a_chart_follows_the_figure_the_reports_compare_year_on_year():
    """When a subject label covers several things counted in a year (victims identified, and
    among them women or foreign nationals), the chart follows the figures the reports link by
    their own comparisons; with no such run over two years, there is no chart at all."""
    from baggrund.timeline import Series

    def point(value, year, compared=False, link=None):
        return {"value": value, "year": year, "compared": compared, "link": link,
                "anchor": "AZE-1/protection/1", "upper": None}  # fmt: skip

    clean = Series(
        "victims identified",
        "count",
        "victims",
        [point(94, 2022, True), point(94, 2022), point(91, 2023)],
    )
    assert [p["value"] for p in clean.chart_points()] == [94, 91] and clean.mixed_years() == []
    linked = Series("victims identified", "count", "victims", [
        point(120, 2021, True, 1), point(94, 2022, False, 1),  # the 2023 report
        point(94, 2022, True, 2), point(91, 2023, False, 2),  # the 2024 report
        point(10, 2022, True, 3), point(2, 2023, False, 3),  # a smaller, separate measure
        point(89, 2023), point(90, 2023),  # breakdowns, compared with nothing
    ])  # fmt: skip
    assert linked.mixed_years() == [2022, 2023]
    chart = linked.chart_points()
    assert [(p["year"], p["value"], p["compared"]) for p in chart] == [
        (2021, 120, True), (2022, 94, False), (2023, 91, False)]  # fmt: skip
    mixed = Series(
        "victims assisted", "count", "victims", [point(73, 2022), point(81, 2022), point(61, 2023)]
    )
    assert mixed.mixed_years() == [2022] and mixed.chart_points() == []


def test_a_percentage_is_labelled_by_what_it_is_a_share_of():
    from baggrund.fact import extract_facts

    text = ("According to most estimates, the informal sector accounted for 30 to 40 percent of "
            "the economy. Workers contributed 1 to 2 percent of their salaries for union dues.")  # fmt: skip
    facts = extract_facts(text, "e/1", reporting_year=2023)
    assert [(f.subject, f.value, f.upper) for f in facts] == [
        ("economy", 30, 40), ("salaries", 1, 2)]  # fmt: skip


def test_the_counted_noun_names_the_subject_when_no_other_word_does():
    from baggrund.fact import extract_facts

    facts = extract_facts("A survey counted 12,000 IDPs in the city.", "c/1", reporting_year=2021)
    assert [(f.subject, f.value, f.unit) for f in facts] == [("displaced persons", 12000, "IDPs")]
