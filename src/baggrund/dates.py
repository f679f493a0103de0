"""Dates in the forms background material uses: Danish (``24. juni 2024``), English
(``24 June 2024``, ``June 24, 2024``) and ISO (``2024-06-24``, ``2017-03-03T13:40:01+00:00``)."""

from __future__ import annotations

import datetime as dt
import functools
import re

from babel.dates import format_date

from .errors import BadDate

__all__ = ["parse_date", "format_date_da", "format_date_en"]

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def parse_date(value: str | dt.date | None, *, field: str = "date") -> dt.date | None:
    """Read a date; ``None`` or an empty string gives ``None``; anything unreadable raises
    :class:`BadDate` naming the field."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = " ".join(str(value).split())
    if not text:
        return None
    if _ISO.match(text):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            raise BadDate(f"{field}: not a valid date: {text!r}") from None
    parsed = _parse_words(text)
    if parsed is None:
        raise BadDate(
            f"{field}: cannot read date {text!r} (expected e.g. '24. juni 2024' or 2024-06-24)"
        )
    return parsed


@functools.lru_cache(maxsize=4096)
def _parse_words(text: str) -> dt.date | None:
    import dateparser  # imported late: it costs ~0.1 s and most dates are ISO

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    result = dateparser.parse(text, languages=["da", "en"], settings=settings)
    return result.date() if result else None


def format_date_da(value: dt.date | None) -> str:
    """``24. juni 2024``, the board's form."""
    return format_date(value, "d. MMMM y", locale="da") if value else ""


def format_date_en(value: dt.date | None) -> str:
    """``24 June 2024``."""
    return format_date(value, "d MMMM y", locale="en") if value else ""
