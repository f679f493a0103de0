"""A country field that says "not available" is an error, not Namibia: placeholders for a
missing value are refused, and so is the two-letter "NA", which is Namibia's code but is
written as often for "not available"; "NAM" and "Namibia" are Namibia."""

from __future__ import annotations

import pytest

from baggrund import country as country_module
from baggrund.country import all_countries, country_by_code, resolve_country
from baggrund.errors import UnknownCountry
from baggrund.expansion import find_country
from baggrund.query import parse_query

from .test_bad_input import board_text, ingest, jsonl_text, record, the_rejection, write

PLACEHOLDERS = [
    "N/A", "n/a", "n.a.", "N.A.", "n. a.", "-", "--", "–", "?", "...", "none", "None", "NONE",
    "unknown", "Unknown", "not available", "not applicable", "null", "nil", "ukendt", "Ukendt",
    "ukendt land", "ikke oplyst", "N/A (unknown)", " n/a ",
]  # fmt: skip


@pytest.mark.parametrize("name", PLACEHOLDERS)
def test_placeholders_are_refused_as_such(name: str) -> None:
    with pytest.raises(UnknownCountry) as excinfo:
        resolve_country(name)
    assert str(excinfo.value) == (
        f"country {name!r} is a placeholder for a missing value, not a country"
    )


@pytest.mark.parametrize("name", ["NA", "na", "Na", " NA "])
def test_the_two_letter_na_is_ambiguous_and_says_what_to_write(name: str) -> None:
    with pytest.raises(UnknownCountry, match="write NAM or Namibia$") as excinfo:
        resolve_country(name)
    assert str(excinfo.value).startswith(f"ambiguous country {name!r}: Namibia's two-letter code")


@pytest.mark.parametrize("name", ["NAM", "nam", "Namibia", "namibia", "Republic of Namibia"])
def test_namibia_by_alpha3_and_name(name: str) -> None:
    assert resolve_country(name).code == "NAM"


def test_stored_codes_still_read_back() -> None:
    # codes the program wrote itself are read by country_by_code, which knows "NA" too
    assert country_by_code("NAM").name_en == "Namibia"
    assert country_by_code("NA").code == "NAM"


def test_no_placeholder_hides_a_real_country() -> None:
    tables = country_module._tables()
    placeholders = country_module._placeholders() - {"na"}
    assert not placeholders & (set(tables.by_key) | set(tables.ambiguous))
    for country in all_countries():
        for name in (country.code, country.name_en, country.name_da):
            if name != "NA":
                assert resolve_country(name) == country, name


def test_a_long_unknown_name_gives_a_short_message() -> None:
    with pytest.raises(UnknownCountry) as excinfo:
        resolve_country("Atlantis " * 1000)
    assert len(str(excinfo.value)) < 100


# -- ingest ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("land", ["N/A", "NA", "ukendt", "-"])
def test_a_board_file_without_a_country_is_rejected(cli, tmp_path, land) -> None:
    good = write(tmp_path / "in" / "good.txt", board_text())
    bad = write(tmp_path / "in" / "bad.txt", board_text(annex="13", land=land))
    events, _ = ingest(cli, bad, good, expect=1)
    message = the_rejection(events, bad)["message"]
    assert repr(land) in message and ("placeholder" in message or "write NAM" in message)
    assert "NAM" not in cli("countries", "--json").stdout


def test_a_json_line_with_country_na_is_rejected_naming_the_line(cli, tmp_path) -> None:
    path = write(
        tmp_path / "in.jsonl",
        jsonl_text(record("a"), record("b", country="n.a."), record("c", country="NAM")),
    )
    events, _ = ingest(cli, path, expect=1)
    rejection = the_rejection(events, path)
    assert rejection["line"] == 2 and "placeholder" in rejection["message"]
    assert {e["key"] for e in events if e["status"] == "added"} == {"a", "c"}


# -- search ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["N/A", "na", "unknown"])
def test_the_country_filter_refuses_placeholders(sample, country) -> None:
    with pytest.raises(UnknownCountry):
        sample.search("prison", country=country)


@pytest.mark.parametrize(
    "query", ["N/A", "torture N/A", "na", "NA torture", "n.a. prison", "n a", "ukendt land"]
)
def test_a_query_with_na_is_not_read_as_namibia(query) -> None:
    assert find_country(parse_query(query))[1] is None


def test_a_query_naming_namibia_still_prefers_namibia() -> None:
    assert find_country(parse_query("Namibia torture"))[1] == "NAM"
