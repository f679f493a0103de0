"""Countries: resolve any Danish or English spelling to an ISO 3166 code and everyday names.

The lookup table is built from libraries, not typed by hand:

* pycountry gives the ISO 3166-1 codes and the ISO names (``name``, ``common_name``,
  ``official_name``), plus their Danish translations through its gettext catalogue;
* Babel's CLDR territory names give the everyday English and Danish names;
* a small alias table covers historic names, variants and report titles that neither carries.

Kosovo is not in ISO 3166-1; it gets the user-assigned codes ``XK``/``XKX`` used by the EU
and UNHCR, and its names from CLDR.

Names are compared after normalisation: case, accents, apostrophes, punctuation and
whitespace are ignored, ``&`` equals ``and``, ``St.`` equals ``Saint``, a leading "The" is
dropped and inverted forms ("Netherlands, The", "Korea, Republic of") are turned around.
A trailing parenthetical ("Turkey (Türkiye)") is dropped when the full form is not known.

Each source has a strength (codes > aliases > primary names > official names > the head of
an inverted name). A key claimed by several countries goes to the strongest source; if two
different countries tie at the strongest source, the key is ambiguous and resolves to
neither ("Korea", "Congo", "Virgin Islands").

Placeholders for a missing value ("N/A", "n.a.", "-", "none", "unknown", "ukendt") are refused
as such. "NA" and "na" are Namibia's alpha-2 code but are written as often for "not available",
so they are refused as ambiguous; "NAM" and "Namibia" are Namibia.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from baggrund.errors import UnknownCountry, shown

__all__ = ["Country", "resolve_country", "country_by_code", "all_countries", "aliases_of"]


@dataclass(frozen=True)
class Country:
    """One country: ISO 3166-1 codes and its everyday English and Danish names (CLDR)."""

    code: str
    alpha2: str
    name_en: str
    name_da: str


# Territories that pycountry does not carry: (alpha-2, alpha-3, English fallback name).
_EXTRA_COUNTRIES: tuple[tuple[str, str, str], ...] = (("XK", "XKX", "Kosovo"),)

# Historic names, variants and report titles the libraries do not carry. A name listed
# with two codes is deliberately ambiguous and never resolves.
_ALIASES: tuple[tuple[str, str], ...] = (
    ("Burma", "MMR"),
    ("Swaziland", "SWZ"),
    ("Macedonia", "MKD"),
    ("Makedonien", "MKD"),
    ("Turkey", "TUR"),
    ("Republic of Turkey", "TUR"),
    ("Republic of Kosovo", "XKX"),
    ("Ivory Coast", "CIV"),
    ("East Timor", "TLS"),
    ("Østtimor", "TLS"),
    ("Zaire", "COD"),
    ("DR Congo", "COD"),
    ("DRC", "COD"),
    ("UK", "GBR"),
    ("Great Britain", "GBR"),
    ("UAE", "ARE"),
    ("Palestine", "PSE"),
    ("Palæstina", "PSE"),
    ("West Bank", "PSE"),
    ("Vestbredden", "PSE"),
    ("Gaza", "PSE"),
    ("Gazastriben", "PSE"),
    # Titles of the US State Department country reports.
    ("Israel and the Occupied Territories", "ISR"),
    ("Israel, West Bank and Gaza", "ISR"),
    ("Israel, Golan Heights, West Bank and Gaza", "ISR"),
    # Ambiguous on their own: refuse rather than guess.
    ("Congo", "COD"),
    ("Congo", "COG"),
    ("Korea", "KOR"),
    ("Korea", "PRK"),
)

# Source strengths: on a collision the stronger source wins; a tie between codes is dropped.
_CODE, _ALIAS, _PRIMARY, _OFFICIAL, _HEAD = 5, 4, 3, 2, 1

_FOLD = str.maketrans(
    {"æ": "ae", "ø": "o", "ð": "d", "đ": "d", "ł": "l", "ı": "i", "œ": "oe", "&": " and "}
)
_APOSTROPHES = re.compile(r"['‘’ʼ`´]")
_NON_WORD = re.compile(r"[\W_]+")
# "Gambia, The", "Korea, Republic of", "Congo, The Democratic Republic of the".
_INVERTED = re.compile(r"^(?P<head>.+),\s*(?P<tail>the|[^,]*\bof(?:\s+the)?)\s*$", re.IGNORECASE)
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
# Marks written where a value is missing: "-", "--", "?", "...", "n/a" (after _norm: "na").
_MISSING_MARKS = re.compile(r"[\s\-‐‑‒–—―?./*_]+")
_PLACEHOLDER_NAMES = (
    "n/a", "none", "unknown", "not known", "not available", "not applicable", "null", "nil",
    "tbd", "tba", "unknown country", "ukendt", "ukendt land", "ingen", "ikke oplyst",
    "ikke angivet", "ikke relevant",
)  # fmt: skip


def _norm(text: str) -> str:
    """Return the comparison key of a name: folded, unaccented, unspaced, uninverted."""
    match = _INVERTED.match(text.strip())
    if match:
        text = f"{match['tail']} {match['head']}"
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", _APOSTROPHES.sub("", text)).split()
    words = ["saint" if word == "st" else word for word in words]
    if words and words[0] == "the":
        words = words[1:]
    # Joined without spaces: "Cote d Ivoire" = "Cote dIvoire", "Nord Korea" = "Nordkorea".
    return "".join(words)


@dataclass(frozen=True)
class _Tables:
    countries: dict[str, Country]  # alpha-3 -> Country
    by_code: dict[str, Country]  # upper-case alpha-3 and alpha-2 -> Country
    candidates: dict[str, dict[int, set[str]]]  # key -> strength -> alpha-3 codes
    by_key: dict[str, str]  # key -> alpha-3, unambiguous keys only
    ambiguous: dict[str, tuple[str, ...]]  # key -> the alpha-3 codes it could mean


def _collapse(
    candidates: dict[str, dict[int, set[str]]],
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Split candidates into unambiguous keys and ambiguous ones, by strongest source."""
    by_key: dict[str, str] = {}
    ambiguous: dict[str, tuple[str, ...]] = {}
    for key, by_strength in candidates.items():
        codes = by_strength[max(by_strength)]
        if len(codes) == 1:
            by_key[key] = next(iter(codes))
        else:
            ambiguous[key] = tuple(sorted(codes))
    return by_key, ambiguous


@cache
def _tables() -> _Tables:
    """Build every lookup table once, on first use (imports included: they are slow)."""
    import gettext

    import pycountry
    from babel import Locale

    cldr_en = Locale("en").territories
    cldr_da = Locale("da").territories
    try:
        to_da = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["da"]).gettext
    except OSError:  # catalogue missing: CLDR still gives the Danish names

        def to_da(message: str) -> str:
            return message

    countries: dict[str, Country] = {}
    candidates: dict[str, dict[int, set[str]]] = {}

    def add(name: str | None, strength: int, code: str) -> None:
        if name and (key := _norm(name)):
            candidates.setdefault(key, {}).setdefault(strength, set()).add(code)

    # pycountry records raise AttributeError for absent optional fields, hence getattr.
    records = [
        (
            c.alpha_2,
            c.alpha_3,
            c.name,
            getattr(c, "common_name", None),
            getattr(c, "official_name", None),
        )
        for c in pycountry.countries
    ]
    records += [(a2, a3, name, None, None) for a2, a3, name in _EXTRA_COUNTRIES]
    for alpha2, code, name, common, official in records:
        primary = [name, common, cldr_en.get(alpha2), cldr_da.get(alpha2)]
        primary += [to_da(n) for n in (name, common) if n]
        officials = [official, to_da(official)] if official else []
        countries[code] = Country(
            code=code,
            alpha2=alpha2,
            name_en=cldr_en.get(alpha2) or common or name,
            name_da=cldr_da.get(alpha2) or to_da(common or name),
        )
        add(code, _CODE, code)
        add(alpha2, _CODE, code)
        for n in primary:
            add(n, _PRIMARY, code)
        for n in officials:
            add(n, _OFFICIAL, code)
        # The head of an inverted ISO name: "Korea" of "Korea, Republic of".
        for n in primary + officials:
            if n and "," in n:
                add(n.split(",", 1)[0], _HEAD, code)
    for name, code in _ALIASES:
        add(name, _ALIAS, code)

    by_key, ambiguous = _collapse(candidates)
    by_code = {c.code: c for c in countries.values()} | {c.alpha2: c for c in countries.values()}
    return _Tables(dict(sorted(countries.items())), by_code, candidates, by_key, ambiguous)


@cache
def _placeholders() -> frozenset[str]:
    return frozenset(_norm(name) for name in _PLACEHOLDER_NAMES)


def _placeholder(text: str, name: str) -> UnknownCountry | None:
    """The error for a placeholder ("N/A", "-", "ukendt") or the ambiguous "NA", else None."""
    key = _norm(text)
    if key == "na" and text.strip().isalpha():
        return UnknownCountry(
            "ambiguous country {name}: Namibia's two-letter code, or 'not available'; "
            "write NAM or Namibia",
            name=shown(name),
        )
    if key in _placeholders() or (not key and text.strip() and _MISSING_MARKS.fullmatch(text)):
        return UnknownCountry(
            "country {name} is a placeholder for a missing value, not a country", name=shown(name)
        )
    return None


def resolve_country(name: str, *, suggest: bool = True) -> Country:
    """Return the country a Danish or English name (or an ISO code) stands for.

    Raises UnknownCountry for an unknown, empty, ambiguous or placeholder name ("N/A"); with
    ``suggest``, the message names the countries a misspelled name is close to.
    """
    if not isinstance(name, str):
        raise UnknownCountry("unknown country {name}", name=shown(name))
    tables = _tables()
    for text in (name, _TRAILING_PAREN.sub("", name)):
        if error := _placeholder(text, name):
            raise error
        key = _norm(text)
        if key in tables.by_key:
            return tables.countries[tables.by_key[key]]
        if key in tables.ambiguous:
            options = tuple(tables.ambiguous[key])
            raise UnknownCountry(
                "ambiguous country {name}: could be {options}", name=shown(name), options=options
            )
    close = _did_you_mean(name, tables) if suggest else ()
    if close:
        raise UnknownCountry("unknown country {name}; did you mean {close}?", name=shown(name),
                             close=close)  # fmt: skip
    raise UnknownCountry("unknown country {name}", name=shown(name))


def _did_you_mean(name: str, tables: _Tables) -> tuple[str, ...]:
    """The countries a misspelled name ("Eritria") is close to ("Eritrea"), else nothing."""
    key = _norm(name)
    if len(key) < 4:
        return ()
    close = difflib.get_close_matches(key, tables.by_key, n=6, cutoff=0.8)
    codes = list(dict.fromkeys(tables.by_key[k] for k in close))[:3]
    if not codes:
        return ()
    names = [tables.countries[c].name_en for c in codes]
    return tuple(names)


def country_by_code(code: str) -> Country:
    """Return the country with this ISO 3166-1 alpha-3 or alpha-2 code (any case)."""
    if isinstance(code, str):
        country = _tables().by_code.get(code.strip().upper())
        if country is not None:
            return country
    raise UnknownCountry("unknown country code {code}", code=repr(code))


def aliases_of(code: str) -> list[str]:
    """The other names this module knows a country by ("West Bank", "Gaza" for PSE)."""
    return [name for name, c in _ALIASES if c == code]


def all_countries() -> list[Country]:
    """Return every known country (ISO 3166-1 plus Kosovo), sorted by alpha-3 code."""
    return list(_tables().countries.values())
