"""Dates in the forms background material uses, read exactly, never guessed.

Accepted (after runs of whitespace are made one space):

* ISO, year first: ``2024-06-24``, also ``2024/06/24`` and ``2024.06.24``; an ISO timestamp
  ``2017-03-03T13:40:01+00:00`` gives its date as written (the zone is not applied);
* numeric, day first (the Danish order): ``24.06.2024``, ``24/06/2024``, ``24-06-2024``;
  ``03/04/2024`` is 3 April 2024, never 4 March;
* a written month, Danish or English, full or abbreviated (Babel's CLDR names):
  ``24. juni 2024``, ``den 24. jun. 2024``, ``d. 3. marts 2023``, ``24 June 2024``,
  ``24th June 2024``, ``June 24, 2024``, ``Sept. 3, 2019``.

Refused, each with a one-line :class:`~baggrund.errors.BadDate` naming the field: two-digit
years (``12/11/10``), relative dates (``i går``, ``yesterday``, ``2 days ago``), bare numbers
and timestamps (``1700000000``), trailing words, month-first numbers (``06/24/2024``), days
that do not exist, and dates outside 1900-01-01 to a year after today.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from babel.dates import format_date, get_month_names

from .errors import BadDate, shown

__all__ = ["parse_date", "format_date_da", "format_date_en", "EARLIEST", "latest_date"]

EARLIEST = dt.date(1900, 1, 1)
EXAMPLES = ("2024-06-24", "24.06.2024", "24. juni 2024")

_D = "[0-9]"  # ASCII digits only: int() would also read "٢٠٢٤"
_TIME = rf"{_D}{{2}}:{_D}{{2}}(?::{_D}{{2}}(?:\.{_D}{{1,6}})?)?(?:Z|[+-]{_D}{{2}}:{_D}{{2}})?"
_ISO_STAMP = re.compile(rf"{_D}{{4}}-{_D}{{2}}-{_D}{{2}}[T ]{_TIME}")
_NUMERIC = re.compile(rf"({_D}{{1,4}})([./-])({_D}{{1,2}})\2({_D}{{1,4}})")
_ORDINAL = r"(?:st|nd|rd|th)"
_WORD = r"([^\W\d_]+)\.?"
# "24. juni 2024", "den 24. jun. 2024", "24 June 2024", "24th June, 2024"
_DAY_FIRST = re.compile(
    rf"(?:den |d\. )?({_D}{{1,2}})(\.|{_ORDINAL})? ?{_WORD},? ({_D}+)", re.IGNORECASE
)
# "June 24, 2024", "Sept. 3 2019", "March 2nd, 2023"
_MONTH_FIRST = re.compile(rf"{_WORD} ({_D}{{1,2}})({_ORDINAL})?,? ({_D}+)", re.IGNORECASE)


def latest_date(today: dt.date | None = None) -> dt.date:
    """The latest date accepted: a year (366 days) after today."""
    return (today or dt.date.today()) + dt.timedelta(days=366)


def parse_date(
    value: str | dt.date | None, *, field: str = "date", bounded: bool = True
) -> dt.date | None:
    """Read a date; ``None`` or an empty string gives ``None``; anything else that is not a
    date in one of the accepted forms raises :class:`BadDate` naming the field. ``bounded``:
    the date must be plausible for a document (1900-01-01 to a year after today); filters and
    "as of" dates pass False (``until 2099-12-31`` is a fine filter)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _in_range(value, value.isoformat(), field) if bounded else value
    text = " ".join(str(value).split())
    if not text:
        return None
    date = _read(text, field)
    return _in_range(date, text, field) if bounded else date


def _fail(field: str, text: str, why: str, **values: str) -> BadDate:
    """``why``: a template (``is outside {earliest} to {latest}``), translated as a whole."""
    return BadDate("{field}: {text} " + why + " (write e.g. {examples})", field=field,
                   text=shown(text), examples=EXAMPLES, **values)  # fmt: skip


def _in_range(date: dt.date, text: str, field: str) -> dt.date:
    latest = latest_date()
    if not EARLIEST <= date <= latest:
        raise _fail(field, text, "is outside {earliest} to {latest}", earliest=EARLIEST.isoformat(),
                    latest=latest.isoformat())  # fmt: skip
    return date


def _year_error(field: str, text: str, year: str) -> BadDate:
    if len(year) == 2:
        return _fail(field, text, "has a two-digit year, which is ambiguous")
    return _fail(field, text, "has no four-digit year")


def _day(field: str, text: str, year: str, month: int, day: str) -> dt.date:
    if len(year) != 4:
        raise _year_error(field, text, year)
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        raise _fail(field, text, "is not a day of the calendar") from None


def _read(text: str, field: str) -> dt.date:
    if _ISO_STAMP.fullmatch(text):
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise _fail(field, text, "is not a valid ISO date and time") from None
    if m := _NUMERIC.fullmatch(text):
        first, _, middle, last = m.groups()
        if len(first) == 4:  # year first: 2024-06-24
            return _day(field, text, first, int(middle), last)
        if len(last) != 4:
            raise _year_error(field, text, last)
        if int(middle) > 12 and int(first) <= 12:
            raise _fail(field, text, "is month first; numeric dates are read day first")
        if int(middle) > 12:
            raise _fail(field, text, "is not a day of the calendar")
        return _day(field, text, last, int(middle), first)
    if m := _DAY_FIRST.fullmatch(text):
        day, suffix, word, year = m.groups()
        return _day(field, text, year, _month(field, text, word, day, suffix), day)
    if m := _MONTH_FIRST.fullmatch(text):
        word, day, suffix, year = m.groups()
        return _day(field, text, year, _month(field, text, word, day, suffix), day)
    if text.isdigit():
        raise _fail(field, text, "is a number, not a date")
    raise _fail(field, text, "is not a date with day, month and year")


def _month(field: str, text: str, word: str, day: str, suffix: str | None) -> int:
    month = _months().get(word.casefold())
    if month is None:
        raise _fail(field, text, "has no month {month}", month=shown(word))
    if suffix and suffix != "." and suffix.casefold() != _ordinal(int(day)):
        raise _fail(field, text, "has a wrong ordinal {ordinal}", ordinal=f"{day}{suffix}")
    return month


def _ordinal(day: int) -> str:
    if day % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@functools.cache
def _months() -> dict[str, int]:
    """Danish and English month names, full and abbreviated, casefolded and without the
    abbreviation's dot: januar, jan, marts, mar, maj, okt, june, sep, sept ..."""
    months: dict[str, int] = {}
    for locale in ("da", "en", "en_GB"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, "format", locale).items():
                key = name.casefold().rstrip(".")
                assert months.setdefault(key, number) == number, key
    return months


@functools.lru_cache(maxsize=20_000)
def format_date_da(value: dt.date | None) -> str:
    """``24. juni 2024``, the board's form."""
    return format_date(value, "d. MMMM y", locale="da") if value else ""


@functools.lru_cache(maxsize=20_000)
def format_date_en(value: dt.date | None) -> str:
    """``24 June 2024``."""
    return format_date(value, "d MMMM y", locale="en") if value else ""
