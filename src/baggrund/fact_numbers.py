"""Numbers in running English text, for :mod:`baggrund.fact`: sentences and clauses, numbers
written in digits (``1,664``, ``2.9 million``) or words (``nine``, ``twenty-three``), money
with its currency and a conversion in parentheses (``210,161 manat ($123,620)``), percentages,
durations, and the numbers that are not figures at all (years, dates, ages, article numbers).

Number words are read by text2num (``text_to_num.text2num``), a maintained library for English
and Danish number words; this module only finds where they are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

__all__ = ["Num", "sentences", "scan_numbers", "CURRENCIES", "MONTHS"]

MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_SCALES = ["hundred", "thousand", "million", "billion"]
_WORD = "|".join(sorted(_UNITS + _SCALES, key=len, reverse=True))
# "nine", "twenty-three", "three hundred and forty two", "two million"
_WORDS_RE = rf"(?:{_WORD})(?:(?:[\s-]+(?:and\s+)?)(?:{_WORD}))*"
_DIGITS_RE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# (the look-ahead first: a quick test of the first letter before the rest, a third faster)
_FIRST = "".join(sorted({w[0] for w in _UNITS + _SCALES}))
_NUMBER = re.compile(
    rf"(?=[0-9{_FIRST}{_FIRST.upper()}])"
    rf"(?<![\w.,/-])(?:(?P<digits>{_DIGITS_RE})|(?P<words>{_WORDS_RE}))"
    r"(?:\s+(?P<scale>million|billion|thousand))?(?![\w])",
    re.IGNORECASE,
)
_MULTIPLIER = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# currency words after the number, and signs before it; ISO 4217 where the word is unambiguous
CURRENCIES = {
    "$": "USD", "€": "EUR", "£": "GBP",
    "manat": "AZN", "afghani": "AFN", "afghanis": "AFN", "nakfa": "ERN", "birr": "ETB",
    "rial": "IRR", "rials": "IRR", "toman": "IRR", "tomans": "IRR", "euro": "EUR", "euros": "EUR",
    "dollar": "USD", "dollars": "USD", "ruble": "RUB", "rubles": "RUB", "roubles": "RUB",
    "lira": "TRY", "tenge": "KZT", "lari": "GEL", "dram": "AMD", "drams": "AMD",
    "hryvnia": "UAH", "hryvnias": "UAH", "somoni": "TJS", "rupees": "rupees", "pounds": "pounds",
    "shillings": "shillings", "dinars": "dinars", "dirhams": "dirhams", "som": "som",
    "kyat": "MMK", "taka": "BDT", "yuan": "CNY", "renminbi": "CNY", "naira": "NGN",
    "leones": "SLE", "cedis": "GHS", "riyals": "riyals", "francs": "francs", "soums": "UZS",
}  # fmt: skip
_CURRENCY_WORD = re.compile(
    r"\s*(?P<cur>"
    + "|".join(sorted((w for w in CURRENCIES if w.isalpha()), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_SIGN_BEFORE = re.compile(r"(?P<sign>\\?[$€£])\s?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:\b(?:article|articles|art\.|no\.|number|law|section|sections|chapter|resolution|decree|"
    r"paragraph|tier|level|grade|class|route|highway|district|unit|brigade|division|covid|"
    r"aged?|ages|under|younger than|older than|between the ages of|over the age of|page|"
    r"protocol|convention|code|item|phase|stage|category|point|box|camp|per)\s*$)",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\.?\s*$")
_MONTH_AFTER = re.compile(r"^\s*(?:" + "|".join(MONTHS) + r")\b")
_NOT_A_FIGURE_AFTER = re.compile(
    r"^(?:-|–\s*\w|\.[a-z]\b|/\d|:\d|\s*(?:years?[- ]old|a\.m\.|p\.m\.|o'clock|percentile|"
    r"st\b|nd\b|rd\b|th\b))",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"^\s*(?P<unit>years?|months?|weeks?|days?|hours?)\b(?:['’]s?)?", re.IGNORECASE
)
_PERCENT = re.compile(r"^\s*(?:percent\b|per cent\b|%)", re.IGNORECASE)
_CHANGE_FROM = re.compile(
    r"\b(?:increased|decreased|rose|risen|fell|fallen|grew|dropped|declined|jumped|went|up|down)"
    r"\s+from\s+\\?[$€£]?$",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no gen col lt sgt capt prof rev jr sr vs etc inc ltd co corp art approx est"
    " jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e".split()
)


@dataclass(frozen=True)
class Num:
    """One number found in a text. ``kind``: ``number`` (a bare number, perhaps a count),
    ``money``, ``percent``, ``duration`` or ``year``. ``start``/``end`` cover the whole
    expression, with the currency and a conversion in parentheses."""

    kind: str
    value: float
    start: int
    end: int
    text: str
    unit: str = ""  # currency code, "%", or the duration unit (plural)
    upper: float | None = None  # the end of a range ("five to 10 years")
    converted_value: float | None = None
    converted_unit: str | None = None
    converted_upper: float | None = None
    word: bool = False  # written in words


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph: a full stop, question or exclamation mark followed by
    space and a capital letter, digit or quote, unless it ends an abbreviation or initial."""
    spans, start = [], 0
    for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[A-Z0-9“\"(])", text):
        before = text[max(start, m.start() - 60) : m.start() + 1]  # the last word is enough
        last = re.search(r"([\w.]+)\.$", before)
        if last and (
            last.group(1).casefold() in _ABBREVIATIONS
            or (len(last.group(1)) == 1 and last.group(1).isalpha())
        ):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _value(m: re.Match) -> float | None:
    if m.group("digits"):
        value = float(m.group("digits").replace(",", ""))
    else:
        words = re.sub(r"\s+", " ", m.group("words").replace("-", " ")).strip().lower()
        try:
            value = float(text2num(words, "en"))
        except ValueError:
            return None
    scale = (m.group("scale") or "").lower()
    return value * _MULTIPLIER[scale] if scale else value


def _is_year(m: re.Match, text: str) -> bool:
    digits = m.group("digits")
    return bool(digits and _YEAR.match(digits) and not m.group("scale"))


def _excluded(text: str, start: int, end: int) -> bool:
    """A number that is not a figure: a date, an age, an article or law number, a time."""
    before, after = text[max(0, start - 40) : start], text[end : end + 30]
    if _NOT_A_FIGURE_BEFORE.search(before) or _MONTH_BEFORE.search(before):
        return True
    if _MONTH_AFTER.match(after) or _NOT_A_FIGURE_AFTER.match(after):
        return True
    word = text[start:end].lower()
    return word == "one" and bool(re.search(r"\b(?:no|any|every|some|at)\s*$", before, re.I))


def _conversion(text: str, end: int) -> tuple[re.Match | None, int]:
    """A conversion in parentheses right after an amount: ``($123,620)``,
    ``(approximately $800 to $1,600)``."""
    m = re.match(
        r"\s*\((?:approximately |about |around |roughly |nearly |almost |some )?"
        r"(?P<sign>\\?[$€£])\s?(?P<a>[\d,.]+)(?:\s+(?P<scale>million|billion|thousand))?"
        r"(?:\s*(?:to|-|–)\s*\\?[$€£]?\s?(?P<b>[\d,.]+)(?:\s+(?P<scale2>million|billion|thousand))?)?"
        r"\)",
        text[end:],
    )
    return (m, end + m.end()) if m else (None, end)


def _amount(raw: str | None, scale: str | None) -> float | None:
    if not raw:
        return None
    try:
        value = float(raw.rstrip(".,").replace(",", ""))
    except ValueError:
        return None
    return value * _MULTIPLIER.get((scale or "").lower(), 1)


def scan_numbers(text: str) -> list[Num]:
    """Every number in ``text`` with what it measures. Ranges ("five to 10 years", "60,000 to
    120,000 Afghanis") are one :class:`Num` with ``upper``."""
    raw = []
    for m in _NUMBER.finditer(text):
        if m.group("words") and text[m.end() : m.end() + 1] == "-":
            continue  # "one-time", "nine-month": an adjective, not a figure
        value = _value(m)
        if value is None:
            continue
        raw.append((m, value))
    out: list[Num] = []
    i = 0
    while i < len(raw):
        m, value = raw[i]
        start, end = m.start(), m.end()
        if out and start < out[-1].end:  # inside a conversion already read
            i += 1
            continue
        word = bool(m.group("words"))
        if _is_year(m, text):
            out.append(Num("year", value, start, end, m.group(0)))
            i += 1
            continue
        if _excluded(text, start, end):
            i += 1
            continue
        upper = None
        # a range: "five to 10", "60,000 to 120,000", "eight to 18"
        if i + 1 < len(raw):
            m2, value2 = raw[i + 1]
            gap = text[end : m2.start()]
            change = _CHANGE_FROM.search(text[max(0, start - 40) : start])
            if (
                not change
                and re.fullmatch(r"\s*(?:to|-|–|and)\s*\\?[$€£]?\s*", gap)
                and value2 > value
                and not _is_year(m2, text)
                and not _excluded(text, m2.start(), m2.end())
            ):
                upper, end, i = value2, m2.end(), i + 1
        sign = _SIGN_BEFORE.search(text[max(0, start - 2) : start])
        after = text[end:]
        cur = _CURRENCY_WORD.match(after)
        if sign or cur:
            if sign:  # "$12", "€3 million"
                unit, s, e = CURRENCIES[sign.group("sign")[-1]], start - len(sign.group(0)), end
            else:  # "12 manat"
                assert cur is not None
                unit, s, e = CURRENCIES[cur.group("cur").lower()], start, end + cur.end()
            conv, e2 = _conversion(text, e)
            converted = converted_upper = cunit = None
            if conv:
                converted = _amount(conv.group("a"), conv.group("scale"))
                converted_upper = _amount(conv.group("b"), conv.group("scale2"))
                cunit = CURRENCIES[conv.group("sign")[-1]]
            out.append(Num("money", value, s, e2, text[s:e2], unit, upper, converted, cunit,
                           converted_upper, word))  # fmt: skip
        elif pm := _PERCENT.match(after):
            out.append(Num("percent", value, start, end + pm.end(), text[start : end + pm.end()],
                           "%", upper, word=word))  # fmt: skip
        elif dm := _DURATION.match(after):
            unit = dm.group("unit").lower().rstrip("s") + "s"
            e = end + dm.end()
            out.append(Num("duration", value, start, e, text[start:e], unit, upper, word=word))
        else:
            out.append(Num("number", value, start, end, text[start:end], "", upper, word=word))
        i += 1
    return out
