"""Write src/baggrund/data/places.tsv: names of places, regions and groups that point to one
country, read by baggrund.place.

Three sources, each checked against the shared corpus (the 2016-2024 Country Reports):

* ISO 3166-2 subdivisions (pycountry): provinces, regions, governorates, states ...;
* CLDR's example cities of time zones (Babel), with their Danish spellings ("Moskva", "Teheran");
* the corpus itself: capitalised names, one word or two, whose occurrences fall overwhelmingly
  (``--share``, 90%) in one country's reports, with at least ``--min-count`` occurrences in at
  least two editions: cities, regions, parties, armed and ethnic groups, officials.

Excluded by general rules, whatever the source: names shorter than four letters; country names
(baggrund.country resolves them already); words that are written in lower case in the corpus
too (ordinary words at the start of a sentence or in a heading: "Police", "Security"); the
corpus's commonest words; everyday Danish words (simplemma's Danish dictionary: "vest",
"nord"); names that two countries share (a subdivision "Punjab" in India and Pakistan); and a
subdivision or city name that the corpus uses mostly in other countries' reports (the sense
there is another one: "Washington").

    .venv/bin/python bench/places.py --shared ../shared
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import unicodedata
from pathlib import Path

from baggrund.country import resolve_country
from baggrund.errors import UnknownCountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "baggrund" / "data" / "places.tsv"
_LETTER = r"[^\W\d_]"
# A capitalised word: "Herat", "Nagorno-Karabakh", "Al-Shabaab", "Baha'i" (no trailing marks).
_NAME = re.compile(rf"(?<![\w'’-])(?:a[ls]-|e[l]-)?[A-Z]{_LETTER}+(?:[-'’][A-Z]{_LETTER}*)*")
_ACRONYM = re.compile(r"[A-Z]{3}")  # three letters are enough for an acronym: SDF, PMF
_WORD = re.compile(rf"{_LETTER}+(?:[-'’]{_LETTER}+)*")
_MIN_LETTERS = 4


def fold(text: str) -> str:
    """Accents off, apostrophes straightened: "Bāmyān" -> "Bamyan"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _is_country(name: str) -> bool:
    try:
        resolve_country(name)
    except UnknownCountry:
        return False
    return True


def _danish_word(name: str) -> bool:
    """An everyday Danish word: simplemma's Danish dictionary knows it, with a lower-case
    lemma ("vest", "nord"; not "Moskva", "Kabul")."""
    try:
        import simplemma
    except ImportError:
        return False
    lower = name.lower()
    return (
        simplemma.is_known(lower, lang="da") and simplemma.lemmatize(lower, lang="da")[0].islower()
    )


def _short(name: str) -> bool:
    return len(name.replace(" ", "")) < _MIN_LETTERS and not _ACRONYM.fullmatch(name)


class Counts:
    """Occurrences of capitalised names (one and two words) per country, and of lower-case
    words, in the corpus."""

    def __init__(self, path: Path) -> None:
        self.by_country: dict[str, collections.Counter[str]] = collections.defaultdict(
            collections.Counter
        )
        self.editions: dict[str, dict[str, set[int]]] = collections.defaultdict(
            lambda: collections.defaultdict(set)
        )
        self.total: collections.Counter[str] = collections.Counter()
        self.lower: collections.Counter[str] = collections.Counter()
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                code = resolve_country(record["country"]).code
                year = record["edition_year"]
                for paragraph in record["text"].split("\n"):
                    if paragraph.startswith("#"):
                        continue  # headings: Title Case
                    self._paragraph(paragraph, code, year)

    def _paragraph(self, text: str, code: str, year: int) -> None:
        for word in _WORD.findall(text):
            if word.islower():
                self.lower[fold(word)] += 1
        names = list(_NAME.finditer(text))
        found = [fold(m.group()) for m in names if not m.group().endswith(("'s", "’s"))]
        for a, b in zip(names, names[1:], strict=False):
            if text[a.end() : b.start()] == " ":
                found.append(fold(f"{a.group()} {b.group()}"))
        for name in found:
            self.by_country[name][code] += 1
            self.editions[name][code].add(year)
            self.total[name] += 1

    def share(self, name: str, code: str) -> float:
        total = self.total[name]
        return self.by_country[name][code] / total if total else 0.0

    def top(self, name: str) -> tuple[str, int]:
        return self.by_country[name].most_common(1)[0]


def _ordinary(name: str, counts: Counts) -> bool:
    """A word of running text rather than a name: the corpus writes it (the first word of a
    two-word name) in lower case too, at least a tenth as often."""
    first = name.split()[0]  # "The Taliban", "In Transnistria", "President Biya"
    return counts.lower[first.lower()] >= 0.1 * max(counts.total[first], 1)


def _corpus_names(counts: Counts, share: float, min_count: int):
    for name, total in counts.total.items():
        if total < min_count or _short(name):
            continue
        code, n = counts.top(name)
        if n / total < share or len(counts.editions[name][code]) < 2:
            continue
        if _ordinary(name, counts) or _is_country(name) or _danish_word(name):
            continue
        yield name, code, "corpus", n / total, total


def _geographic():
    """(name, code, kind) of ISO 3166-2 subdivisions and CLDR cities, Danish spellings too."""
    import pycountry
    from babel.core import get_global
    from babel.dates import get_timezone_location

    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        name = fold(re.sub(r"\s*\(.*\)\s*$", "", sub.name)).strip()
        for part in name.split(" / "):
            yield part, country.alpha_3, "region", ""
    for zone, alpha2 in get_global("zone_territories").items():
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is None or zone.startswith("Etc/"):
            continue
        english = fold(get_timezone_location(zone, locale="en", return_city=True))
        danish = fold(get_timezone_location(zone, locale="da", return_city=True))
        yield english, country.alpha_3, "city", ""
        if danish != english:
            yield danish, country.alpha_3, "city-da", english


def build(counts: Counts, share: float, min_count: int) -> list[tuple[str, ...]]:
    common_path = ROOT / "src" / "baggrund" / "data" / "common_words.txt"
    common = {w for w in common_path.read_text("utf-8").split("\n")[1:] if w}
    rows: dict[str, tuple[str, str, str, str]] = {}
    codes: dict[str, set[str]] = collections.defaultdict(set)
    for name, code, kind, english in _geographic():
        codes[name.casefold()].add(code)
        known = rows.get(name.casefold())
        if known is None or (english and not known[3] and known[1] == code):
            rows[name.casefold()] = (name, code, kind, english)  # "Moskva": a Danish spelling
    result: dict[str, tuple[str, ...]] = {}
    for key, (name, code, kind, english) in rows.items():
        if len(codes[key]) > 1 or len(name.replace(" ", "")) < _MIN_LETTERS:
            continue  # two countries' places, or too short to tell
        if not re.fullmatch(r"[A-Za-z][A-Za-z' -]*", name) or _is_country(name):
            continue
        found = counts.total[name]
        supported = found >= min_count and counts.share(name, code) >= share
        if (name.lower() in common and not supported) or _danish_word(name):
            continue
        if found >= 3 and counts.share(name, code) < 0.5:
            continue  # the corpus uses the name mostly for something elsewhere
        if found and _ordinary(name, counts):
            continue
        if kind == "city-da":
            found = counts.total[english]
            supported = True  # the Danish spelling of a city whose English one passed
            name_share = counts.share(english, code)
        else:
            name_share = counts.share(name, code)
        share_text = f"{name_share:.2f}" if found else "-"
        result[key] = (name, code, kind, share_text, english)
    for name, code, kind, found_share, _ in _corpus_names(counts, share, min_count):
        key = name.casefold()
        if key in result and result[key][1] != code:
            del result[key]  # geography and the corpus disagree: neither
            continue
        if key not in result:
            result[key] = (name, code, kind, f"{found_share:.2f}", "")
    english_names = {r[0].casefold() for r in result.values()}
    return sorted(
        (r for r in result.values() if r[2] != "city-da" or r[4].casefold() in english_names),
        key=lambda r: (r[1], r[0]),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--share", type=float, default=0.9)
    ap.add_argument("--min-count", type=int, default=20)
    args = ap.parse_args()
    counts = Counts(Path(args.shared) / "corpus" / "usdos-hrr-2016-2024.jsonl.gz")
    rows = build(counts, args.share, args.min_count)
    header = (
        "# Names that point to one country, read by baggrund.place; written by bench/places.py\n"
        "# (ISO 3166-2 subdivisions, CLDR cities, names found in the shared corpus).\n"
        "# name<TAB>ISO 3166-1 alpha-3<TAB>kind: region, city, city-da (a Danish spelling), corpus"
        "<TAB>share of the name's corpus occurrences in that country's reports (- none)"
        "<TAB>for a Danish spelling, the English one\n"
    )
    OUT.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} names")


if __name__ == "__main__":
    main()
