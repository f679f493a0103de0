"""Tests for baggrund.country: names from the real corpus, Danish names, codes, ambiguity."""

from __future__ import annotations

import time

import pytest

from baggrund import country as country_module
from baggrund.country import Country, all_countries, country_by_code, resolve_country
from baggrund.errors import UnknownCountry

# Every country name used by a source in the real corpus.
CORPUS_NAMES = [
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda",
    "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahamas, The", "Bahrain",
    "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia",
    "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso",
    "Burma", "Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada",
    "Central African Republic", "Chad", "Chile",
    "China (Includes Hong Kong, Macau, and Tibet)", "China (includes Tibet, Hong Kong, and Macau)",
    "Colombia", "Comoros", "Cook Islands", "Costa Rica", "Cote d'Ivoire", "Croatia", "Cuba",
    "Cyprus", "Czech Republic", "Côte d'Ivoire", "Côte d’Ivoire",
    "Democratic People's Republic of Korea", "Democratic Republic of the Congo", "Denmark",
    "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador",
    "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia",
    "Federated States of Micronesia", "Fiji", "Finland", "France", "Gabon", "Gambia, The",
    "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau",
    "Guyana", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
    "Ireland", "Israel and The Occupied Territories", "Israel, Golan Heights, West Bank, and Gaza",
    "Israel, West Bank and Gaza", "Israel, West Bank, and Gaza", "Italy", "Jamaica", "Japan",
    "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kosovo", "Kuwait", "Kyrgyz Republic",
    "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein",
    "Lithuania", "Luxembourg", "Macedonia", "Madagascar", "Malawi", "Malaysia", "Maldives",
    "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico", "Micronesia",
    "Moldova", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Namibia", "Nauru",
    "Nepal", "Netherlands", "Netherlands, The", "New Zealand", "Nicaragua", "Niger", "Nigeria",
    "Niue", "North Korea", "North Macedonia", "Norway", "Oman", "Pakistan", "Palau", "Panama",
    "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
    "Republic of Korea", "Republic of the Congo", "Romania", "Russia", "Rwanda",
    "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa",
    "San Marino", "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia", "Seychelles",
    "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Solomon Islands", "Somalia",
    "South Africa", "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname",
    "Swaziland", "Sweden", "Switzerland", "Syria", "São Tomé and Príncipe", "Taiwan",
    "Tajikistan", "Tanzania", "Thailand", "The Bahamas", "The Gambia", "The Netherlands",
    "Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey",
    "Turkey (Türkiye)", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "United Arab Emirates",
    "United Kingdom", "Uruguay", "Uzbekistan", "Vanuatu", "Venezuela", "Vietnam",
    "Western Sahara", "Yemen", "Zambia", "Zimbabwe",
]  # fmt: skip


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_every_corpus_name_resolves(name: str) -> None:
    country = resolve_country(name)
    assert isinstance(country, Country)
    assert country_by_code(country.code) is country


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("Swaziland", "SWZ"),
        ("Macedonia", "MKD"),
        ("Kosovo", "XKX"),
        ("Israel, West Bank, and Gaza", "ISR"),
        ("Israel, Golan Heights, West Bank, and Gaza", "ISR"),
        ("Israel and The Occupied Territories", "ISR"),
        ("Kyrgyz Republic", "KGZ"),
        ("Democratic Republic of the Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Republic of Korea", "KOR"),
        ("South Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("North Korea", "PRK"),
        ("Micronesia", "FSM"),
        ("Federated States of Micronesia", "FSM"),
        ("Turkey", "TUR"),
        ("Turkey (Türkiye)", "TUR"),
        ("China (Includes Hong Kong, Macau, and Tibet)", "CHN"),
        ("China (includes Tibet, Hong Kong, and Macau)", "CHN"),
        ("Western Sahara", "ESH"),
        ("Cabo Verde", "CPV"),
        ("Czech Republic", "CZE"),
        ("Eswatini", "SWZ"),
        ("North Macedonia", "MKD"),
        ("Timor-Leste", "TLS"),
        ("Laos", "LAO"),
        ("Vietnam", "VNM"),
        ("Russia", "RUS"),
        ("Syria", "SYR"),
        ("Iran", "IRN"),
        ("Taiwan", "TWN"),
        ("Brunei", "BRN"),
        ("Tanzania", "TZA"),
        ("Bolivia", "BOL"),
        ("Moldova", "MDA"),
        ("Venezuela", "VEN"),
        ("United Kingdom", "GBR"),
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Guinea", "GIN"),
        ("Sudan", "SDN"),
        ("South Sudan", "SSD"),
        ("Dominica", "DMA"),
        ("Dominican Republic", "DOM"),
    ],
)
def test_english_names_map_to_the_right_code(name: str, code: str) -> None:
    assert resolve_country(name).code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Aserbajdsjan", "AZE"),
        ("Rusland", "RUS"),
        ("Syrien", "SYR"),
        ("Somalia", "SOM"),
        ("Eritrea", "ERI"),
        ("Afghanistan", "AFG"),
        ("Tyrkiet", "TUR"),
        ("Elfenbenskysten", "CIV"),
        ("Nordkorea", "PRK"),
        ("Sydkorea", "KOR"),
        ("Irak", "IRQ"),
        ("Iran", "IRN"),
        ("Etiopien", "ETH"),
        ("Marokko", "MAR"),
        ("Libanon", "LBN"),
        ("Hviderusland", "BLR"),
        ("Belarus", "BLR"),
        ("Kina", "CHN"),
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("De palæstinensiske områder", "PSE"),
        ("Palæstina", "PSE"),
        ("Den Demokratiske Republik Congo", "COD"),
        ("Tjekkiet", "CZE"),
        ("Storbritannien", "GBR"),
        ("Nordmakedonien", "MKD"),
        ("Kirgisistan", "KGZ"),
        ("Østrig", "AUT"),
        ("Danmark", "DNK"),
        ("Nord Korea", "PRK"),
    ],
)
def test_danish_names_map_to_the_right_code(name: str, code: str) -> None:
    assert resolve_country(name).code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("AZE", "AZE"),
        ("aze", "AZE"),
        ("AZ", "AZE"),
        ("az", "AZE"),
        ("XKX", "XKX"),
        ("XK", "XKX"),
    ],
)
def test_codes_resolve_as_names(name: str, code: str) -> None:
    assert resolve_country(name).code == code


@pytest.mark.parametrize(
    "variant",
    [
        "cote d'ivoire",
        "CÔTE D’IVOIRE",
        "Côte d`Ivoire",
        "  Cote   d'Ivoire  ",
        "Cote d Ivoire",
        "Côte-d'Ivoire.",
        "Elfenbenskysten",
        "Cote dIvoire",
        "CotedIvoire",
    ],
)
def test_matching_ignores_case_accents_apostrophes_and_punctuation(variant: str) -> None:
    assert resolve_country(variant).code == "CIV"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Netherlands, The", "NLD"),
        ("The Netherlands", "NLD"),
        ("netherlands ,the", "NLD"),
        ("Korea, Republic of", "KOR"),
        ("Korea, Democratic People's Republic of", "PRK"),
        ("Congo, The Democratic Republic of the", "COD"),
        ("Micronesia, Federated States of", "FSM"),
        ("Iran, Islamic Republic of", "IRN"),
    ],
)
def test_inverted_forms_and_leading_the(name: str, code: str) -> None:
    assert resolve_country(name).code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Myanmar (Burma)", "MMR"),
        ("Congo - Kinshasa", "COD"),
        ("Congo - Brazzaville", "COG"),
        ("Congo-Kinshasa", "COD"),
        ("Antigua & Barbuda", "ATG"),
        ("St. Lucia", "LCA"),
        ("St Kitts & Nevis", "KNA"),
        ("Hong Kong SAR China", "HKG"),
        ("Holy See (Vatican City State)", "VAT"),
        ("Syria (Syrian Arab Republic)", "SYR"),
    ],
)
def test_cldr_display_names_and_parentheticals(name: str, code: str) -> None:
    assert resolve_country(name).code == code


def test_everyday_names_come_from_cldr() -> None:
    aze = country_by_code("AZE")
    assert aze == Country(code="AZE", alpha2="AZ", name_en="Azerbaijan", name_da="Aserbajdsjan")
    rus = country_by_code("RUS")
    assert (rus.name_en, rus.name_da) == ("Russia", "Rusland")
    kosovo = country_by_code("XKX")
    assert (kosovo.alpha2, kosovo.name_en, kosovo.name_da) == ("XK", "Kosovo", "Kosovo")


@pytest.mark.parametrize("code", ["AZE", "aze", "AZ", "az", " Aze "])
def test_country_by_code_accepts_alpha3_and_alpha2_in_any_case(code: str) -> None:
    assert country_by_code(code).code == "AZE"


@pytest.mark.parametrize("code", ["", "A", "ZZZ", "Azerbaijan", "XX"])
def test_country_by_code_rejects_unknown_codes(code: str) -> None:
    with pytest.raises(UnknownCountry, match="unknown country code"):
        country_by_code(code)


@pytest.mark.parametrize("name", ["Atlantis", "", "   ", "The", "()", "Narnia (Kingdom of)"])
def test_unknown_names_raise_with_the_input_in_the_message(name: str) -> None:
    with pytest.raises(UnknownCountry) as excinfo:
        resolve_country(name)
    assert str(excinfo.value) == f"unknown country {name!r}"


def test_unknown_country_message_format() -> None:
    with pytest.raises(UnknownCountry, match=r"^unknown country 'Atlantis'$"):
        resolve_country("Atlantis")


def test_unknown_country_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        resolve_country("Atlantis")


@pytest.mark.parametrize(
    ("name", "codes"),
    [("Congo", "COD or COG"), ("Korea", "KOR or PRK"), ("Virgin Islands", "VGB or VIR")],
)
def test_ambiguous_names_never_pick_one(name: str, codes: str) -> None:
    with pytest.raises(UnknownCountry, match=f"ambiguous country '{name}': could be {codes}"):
        resolve_country(name)


def test_no_key_maps_to_two_codes() -> None:
    tables = country_module._tables()
    assert set(tables.by_key).isdisjoint(tables.ambiguous)
    for key, by_strength in tables.candidates.items():
        strongest = by_strength[max(by_strength)]
        if len(strongest) == 1:
            assert tables.by_key[key] == next(iter(strongest)), key
        else:
            assert key not in tables.by_key, key
            assert tables.ambiguous[key] == tuple(sorted(strongest)), key
    # Every code a key resolves to is a known country.
    assert set(tables.by_key.values()) <= set(tables.countries)


def test_collapse_prefers_the_stronger_source_and_drops_ties() -> None:
    by_key, ambiguous = country_module._collapse(
        {
            "congo": {1: {"COD"}, 3: {"COG"}},
            "korea": {1: {"KOR", "PRK"}},
            "georgia": {3: {"GEO"}, 3 + 1: {"GEO"}},
        }
    )
    assert by_key == {"congo": "COG", "georgia": "GEO"}
    assert ambiguous == {"korea": ("KOR", "PRK")}


def test_all_countries_sorted_by_code_and_complete() -> None:
    countries = all_countries()
    codes = [c.code for c in countries]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes)) >= 250
    assert {"AZE", "XKX", "PSE", "TWN", "ESH"} <= set(codes)
    for country in countries:
        assert len(country.code) == 3 and country.code.isupper()
        assert len(country.alpha2) == 2 and country.alpha2.isupper()
        assert country.name_en and country.name_da
    assert all_countries() is not countries  # callers may mutate their copy


def test_country_is_frozen() -> None:
    country = country_by_code("AZE")
    with pytest.raises(AttributeError):
        country.code = "XXX"  # type: ignore[misc]


def test_resolving_is_fast_after_the_first_call() -> None:
    resolve_country("Aserbajdsjan")  # builds the table if needed
    start = time.perf_counter()
    for _ in range(1000):
        resolve_country("Israel, West Bank, and Gaza")
    per_call = (time.perf_counter() - start) / 1000
    assert per_call < 200e-6  # microseconds, with a wide margin for slow CI machines
