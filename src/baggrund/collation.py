"""Names in the order a reader of the language expects them (lists of countries and sources).

Danish (the Unicode CLDR rules for Danish, which ICU applies): æ, ø and å are letters after z,
in that order; ä sorts as æ, ö and ő as ø, ü and ű as y, and "aa" as å; other accents do not
change a letter (é is e). English: every accent is ignored (Å is A, Ø is O, Æ is AE).
In both, case and punctuation only break ties, and spaces come before letters
("Sierra Leone" before "Sierraland").

>>> sorted(["Østrig", "Zambia", "Ægypten", "Åland", "Afghanistan"], key=sort_key_da)
['Afghanistan', 'Zambia', 'Ægypten', 'Østrig', 'Åland']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

__all__ = ["sort_key", "sort_key_da", "sort_key_en", "sorted_by_name"]

# after z and before every other letter that is left (U+007F, then a rank)
_DANISH_LAST = {"æ": "\x7f\x01", "ø": "\x7f\x02", "å": "\x7f\x03"}
_DANISH_AS = {"ä": "æ", "ö": "ø", "ő": "ø", "ü": "y", "ű": "y"}
_ENGLISH_AS = {"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ı": "i", "þ": "th"}


def _plain(ch: str) -> str:
    """A letter without its accents (NFD, combining marks dropped)."""
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def _letters(name: str) -> str:
    """The name in lower case with single spaces, without punctuation (which only breaks ties)."""
    text = unicodedata.normalize("NFC", name).casefold()
    kept = "".join(c if c.isalnum() else " " if c.isspace() else "" for c in text)
    return " ".join(kept.split())


def sort_key_da(name: str) -> tuple[str, str]:
    out = []
    for ch in _letters(name).replace("aa", "å"):
        ch = _DANISH_AS.get(ch, ch)
        out.append(_DANISH_LAST.get(ch) or _plain(ch))
    return "".join(out), name


def sort_key_en(name: str) -> tuple[str, str]:
    return "".join(_ENGLISH_AS.get(ch) or _plain(ch) for ch in _letters(name)), name


def sort_key(lang: str) -> Callable[[str], tuple[str, str]]:
    """The sort key of a language (``da`` or ``en``; any other is English)."""
    return sort_key_da if lang == "da" else sort_key_en


def sorted_by_name(rows: list[dict], name: Callable[[dict], str], lang: str) -> list[dict]:
    """``rows`` in the order of their names in ``lang``."""
    key = sort_key(lang)
    return sorted(rows, key=lambda row: key(name(row)))
