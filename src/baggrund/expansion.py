"""Reading a query as a caseworker means it: a country named in the query (in any Danish or
English spelling) is a preference for that country's documents, not a word every passage must
contain."""

from __future__ import annotations

from dataclasses import replace

from .country import resolve_country
from .errors import UnknownCountry
from .query import ParsedQuery, Term

__all__ = ["find_country"]

_LONGEST = 3  # words in the longest country name looked for ("Central African Republic" has 3)


def _country_code(words: list[str]) -> str | None:
    text = " ".join(words)
    if len(text) < 4 or not any(c.isalpha() for c in text):
        return None
    try:
        country = resolve_country(text)
    except UnknownCountry:
        return None
    if text.upper() in (country.code, country.alpha2):
        return None  # "AZE", "IR": codes are not read out of running text
    return country.code


def find_country(parsed: ParsedQuery) -> tuple[ParsedQuery, str | None]:
    """The first country named by consecutive plain words of the query, and the query without
    those words. Phrases, prefixes and OR groups are left alone."""
    clauses = list(parsed.required)
    for size in range(_LONGEST, 0, -1):
        for start in range(0, len(clauses) - size + 1):
            span = clauses[start : start + size]
            if not all(isinstance(c, Term) and not c.prefix for c in span):
                continue
            code = _country_code([c.text for c in span])
            if code:
                rest = tuple(clauses[:start] + clauses[start + size :])
                return replace(parsed, required=rest), code
    return parsed, None
