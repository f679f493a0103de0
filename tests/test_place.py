"""Tests for baggrund.place and the places a query names (baggrund.expansion)."""

from __future__ import annotations

import pytest

from baggrund.expansion import Recognised, find_country, recognise_country
from baggrund.place import demonyms, find_place
from baggrund.query import AnyOf, Term, parse_query


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Herat", "AFG"), ("kandahar", "AFG"), ("Idlib", "SYR"), ("Aleppo", "SYR"),
        ("Asmara", "ERI"), ("Baku", "AZE"), ("Mogadishu", "SOM"), ("Hargeisa", "SOM"),
        ("Tigray", "ETH"), ("Amhara", "ETH"), ("Peshawar", "PAK"), ("Darfur", "SDN"),
        ("Transnistria", "MDA"), ("Evin", "IRN"), ("PMF", "IRQ"), ("Taliban", "AFG"),
    ],
)  # fmt: skip
def test_places_point_to_their_country(name: str, code: str) -> None:
    place = find_place(name)
    assert place is not None and place.code == code, place
    assert place.kind == "place"


@pytest.mark.parametrize(
    "word",
    # ordinary English and Danish words, names several countries' reports share, countries
    ["police", "Security", "President", "vest", "nord", "politi", "Kurdish", "Punjab",
     "Hazara", "Rohingya", "Nagorno-Karabakh", "Iran", "Syrien", "the", "journalister"],
)  # fmt: skip
def test_words_and_shared_names_are_no_place(word: str) -> None:
    assert find_place(word) is None


def test_danish_spellings_of_cities_carry_the_english_one() -> None:
    assert find_place("Moskva").english == ("Moscow",)
    assert find_place("Teheran").code == "IRN"
    assert find_place("Damaskus").english == ("Damascus",)


def test_acronyms_only_in_capitals_and_genitives_find_their_name() -> None:
    assert find_place("SDF").code == "SYR"
    assert find_place("sdf") is None
    assert find_place("Herats").name == "Herat"


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("iransk", "IRN"), ("iranske", "IRN"), ("eritreiske", "ERI"), ("syriske", "SYR"),
        ("afghanske", "AFG"), ("somalisk", "SOM"), ("irakiske", "IRQ"), ("tyrkiske", "TUR"),
        ("armensk", "ARM"), ("etiopiske", "ETH"), ("iranere", "IRN"), ("eritreere", "ERI"),
        ("Iranian", "IRN"), ("Eritreans", "ERI"), ("Syrian", "SYR"), ("Iraqi", "IRQ"),
        ("Pakistani", "PAK"), ("Afghan", "AFG"), ("Ethiopian", "ETH"), ("Yemeni", "YEM"),
    ],
)  # fmt: skip
def test_demonyms_derived_from_country_names(word: str, code: str) -> None:
    place = find_place(word)
    assert place is not None and place.code == code and place.kind == "demonym", place


def test_a_danish_demonym_carries_the_english_ones() -> None:
    place = find_place("eritreiske")
    assert {"Eritrean", "Eritreans"} <= set(place.english)
    assert "syrisk" in demonyms("Syrien") and "Syrian" in demonyms("SYR")


def test_a_place_prefers_its_country_and_stays_in_the_query() -> None:
    parsed, found = recognise_country(parse_query("kvinder i Herat"))
    assert found == Recognised("AFG", ("Herat",), "place")
    assert Term("Herat") in parsed.required
    assert find_country(parse_query("Idlib luftangreb"))[1] == "SYR"
    assert find_country(parse_query("Baku journalister"))[1] == "AZE"


def test_a_danish_spelling_is_searched_in_english_too() -> None:
    parsed, found = recognise_country(parse_query("Moskva demonstranter"))
    assert found.code == "RUS"
    assert parsed.required[0] == AnyOf((Term("Moskva"), Term("Moscow")))


def test_a_demonym_prefers_its_country() -> None:
    parsed, found = recognise_country(parse_query("eritreiske desertører"))
    assert (found.code, found.kind) == ("ERI", "demonym")
    assert Term("Eritrean") in parsed.required[0].options


def test_a_named_country_wins_over_a_place_and_is_taken_out() -> None:
    parsed, found = recognise_country(parse_query("Herat Afghanistan"))
    assert found == Recognised("AFG", ("Afghanistan",), "country")
    assert parsed.required == (Term("Herat"),)
    _, found = recognise_country(parse_query("Syrian refugees in Lebanon"))
    assert found.code == "LBN"


def test_no_place_no_country() -> None:
    assert recognise_country(parse_query("police raids detention"))[1] is None


def test_a_city_in_the_query_puts_its_country_first(sample):
    hits = sample.search("Baku journalister", limit=5).hits
    assert hits and all(h.country == "AZE" for h in hits)
    assert any("Baku" in h.text for h in hits)  # the city stays a searched word


@pytest.mark.parametrize(
    ("danish", "english", "code"),
    [("Tasmanien", "Tasmania", "AUS"), ("Katalonien", "Catalonia", "ESP"),
     ("Alexandrien", "Alexandria", "EGY"), ("andalusien", "Andalusia", "ESP")],
)  # fmt: skip
def test_danish_spellings_of_latin_place_names(danish: str, english: str, code: str) -> None:
    place = find_place(danish)
    assert place is not None and place.code == code and english in place.english


def test_a_place_inside_a_hyphenated_word_is_recognised() -> None:
    parsed, found = recognise_country(parse_query("PMF-militser"))
    assert found == Recognised("IRQ", ("PMF",), "place")
    assert parsed == parse_query("PMF-militser")  # searched as written
    assert find_country(parse_query("Amhara-regionen"))[1] == "ETH"
    assert find_country(parse_query("144-1 straffeloven"))[1] is None
