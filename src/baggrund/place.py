"""Places, groups and demonyms that point to one country: "Herat", "Idlib", "Baku", "Taliban",
"PMF", "eritreiske", "Iranian".

``data/places.tsv`` (written by ``bench/places.py``, format in its header) holds ISO 3166-2
subdivisions, CLDR's cities (with their Danish spellings: "Moskva", "Teheran") and names that
the shared corpus uses overwhelmingly in one country's reports. To those this module adds, by
general rules:

* Danish spellings of Latin place names: "-ia" is written "-ien", a C before a, o, u a K
  (Tasmanien, Katalonien, Alexandrien);
* demonyms of every country, derived from its Danish and English names: Danish adjectives
  (-isk/-sk and their -e forms: iransk, syriske, eritreisk, afghanske) and nouns for its people
  (iranere, eritreere, somaliere); English adjectives and nouns (Syrian, Eritreans, Iraqi,
  Pakistani, Afghan). A generated form that is an everyday Danish word of another meaning (when
  simplemma, the extra ``danish``, is installed) or names another country is left out.

Lookups fold case and accents; a name of three capital letters or fewer (an acronym: "PMF",
"SDF") is recognised only when typed in capitals, and a Danish genitive ("Herats") finds its
name.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from importlib import resources

from .country import Country, all_countries, resolve_country
from .errors import UnknownCountry

__all__ = ["Place", "find_place", "demonyms", "LONGEST"]

LONGEST = 2  # words in the longest name looked up


@dataclass(frozen=True)
class Place:
    """A name that points to one country."""

    name: str  # as typed in the data (the English or corpus spelling, or the Danish one)
    code: str  # ISO 3166-1 alpha-3
    kind: str  # "place" (a region, city or group) or "demonym"
    english: tuple[str, ...] = ()  # English forms to search beside a Danish one


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'").casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _lemma(word: str) -> str | None:
    """simplemma's Danish lemma of a word it knows, else None (also without simplemma)."""
    try:
        import simplemma
    except ImportError:
        return None
    lower = word.lower()
    return simplemma.lemmatize(lower, lang="da") if simplemma.is_known(lower, lang="da") else None


def _danish_word(word: str) -> bool:
    """An everyday Danish word: one with a lower-case lemma ("vest"; not "Moskva")."""
    lemma = _lemma(word)
    return lemma is not None and lemma[0].islower()


def _other_word(form: str, forms: set[str]) -> bool:
    """A generated demonym that is a Danish word of another meaning ("maler", a painter)."""
    lemma = _lemma(form)
    return lemma is not None and lemma[0].islower() and lemma not in forms


def _is_country(name: str) -> bool:
    try:
        resolve_country(name, suggest=False)
    except UnknownCountry:
        return False
    return True


def _danish_adjectives(name: str) -> set[str]:
    """Danish adjective stems (-sk) of a Danish country name: Syrien -> syrisk, Eritrea ->
    eritreisk, Iran -> iransk, Afghanistan -> afghansk, Irak -> irakisk, Tyrkiet -> tyrkisk."""
    n = name.lower()
    if " " in n or "-" in n:
        return set()
    out: set[str] = set()
    if n.endswith(("ien", "iet")):
        out |= {n[:-3] + "isk", n[:-3] + "sk"}  # syrisk, tyrkisk; armensk, albansk
    elif n.endswith("ia"):
        out |= {n[:-1] + "sk", n + "nsk"}  # somalisk, nigeriansk
    elif n.endswith("ea"):
        out.add(n[:-1] + "isk")  # eritreisk
    elif n.endswith("istan"):
        out |= {n[:-5] + "sk", n + "sk"}  # afghansk, pakistansk
    elif n.endswith("an"):
        out.add(n + "sk")  # iransk
    elif n[-1] not in "aeiouyæøå":
        out.add(n + "isk")  # irakisk
    return out


def _danish_forms(name: str) -> set[str]:
    forms: set[str] = set()
    for adjective in _danish_adjectives(name):
        forms |= {adjective, adjective + "e"}
        stem = adjective[:-3] if adjective.endswith("isk") else adjective[:-2]
        if len(stem) >= 3:
            forms |= {stem + "er", stem + "ere", stem + "erne"}  # iranere, eritreere
            if adjective.endswith("isk"):
                forms |= {stem + "ier", stem + "iere", stem + "ierne"}  # somaliere, syriere
    return forms


def _english_forms(name: str) -> set[str]:
    """English demonyms: Syria -> Syrian, Eritrea -> Eritrean, Iran -> Iranian, Iraq -> Iraqi,
    Pakistan -> Pakistani, Afghanistan -> Afghan, Egypt -> Egyptian (and their plurals)."""
    n = name
    if " " in n or "-" in n:
        return set()
    out: set[str] = set()
    if n.endswith(("ia", "ea")):
        out.add(n + "n")
    elif n.endswith("istan"):
        out |= {n[:-5], n + "i"}
    elif n[-1] not in "aeiouy":
        out |= {n + "i", n + "ian"}
    return out | {w + "s" for w in out if not w.endswith("i")}


@dataclass(frozen=True)
class _Tables:
    names: dict[str, Place]  # folded name -> place
    longest: int


def _danish_spellings(name: str) -> set[str]:
    """Danish spellings of a Latin place name by rule: "-ia" is written "-ien", and a C before
    a, o, u a K (Tasmania -> Tasmanien, Catalonia -> Katalonien, Alexandria -> Alexandrien)."""
    if not (name.endswith("ia") and len(name) > 5 and name.isalpha()):
        return set()
    spelling = name[:-2] + "ien"
    if spelling[0] == "C" and spelling[1] in "aou":
        spelling = "K" + spelling[1:]
    return {spelling}


@functools.cache
def _tables() -> _Tables:
    names: dict[str, Place] = {}
    clash: set[str] = set()

    def add(name: str, place: Place) -> None:
        key = _key(name)
        if key in clash:
            return
        known = names.get(key)
        if known is not None and known.code != place.code:
            clash.add(key)  # two countries: neither
            del names[key]
            return
        if known is None:
            names[key] = place

    countries: list[Country] = all_countries()
    for country in countries:
        english = {country.name_en, *_english_forms(country.name_en)}
        forms = _english_forms(country.name_en) | _danish_forms(country.name_da)
        for form in forms:
            if len(form) < 4 or _is_country(form) or _other_word(form, forms):
                continue
            alternatives = () if form in english else tuple(sorted(english))
            add(form, Place(form, country.code, "demonym", alternatives))
    text = resources.files("baggrund").joinpath("data/places.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, code, kind, _share, english_name = line.split("\t")
        place = Place(name, code, "place", (english_name,) if english_name else ())
        add(name, place)
        for spelling in _danish_spellings(name):
            if not _danish_word(spelling):
                add(spelling, Place(spelling, code, "place", (name,)))
    return _Tables(names, LONGEST)


def _acronym(name: str) -> bool:
    return len(name) <= 3 and name.isupper()


def find_place(text: str) -> Place | None:
    """The place, group or demonym that ``text`` (one or two words, as typed) names, else None."""
    text = text.strip()
    if len(text) < 3:
        return None
    names = _tables().names
    candidates = [text]
    if text.endswith("s") and len(text) > 4:
        candidates.append(text[:-1])  # a Danish genitive: "Herats", "Idlibs"
    for candidate in candidates:
        place = names.get(_key(candidate))
        if place is None:
            continue
        if _acronym(place.name) and candidate != place.name:
            continue  # "sdf" is not the SDF
        return place
    return None


def demonyms(country: str) -> tuple[str, ...]:
    """The demonyms recognised for a country (code or name), sorted: for tests and docs."""
    code = resolve_country(country).code
    return tuple(
        sorted(p.name for p in _tables().names.values() if p.kind == "demonym" and p.code == code)
    )
