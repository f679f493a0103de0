"""Reading a query as a caseworker means it: a country named in the query (in any Danish or
English spelling) is a preference for that country's documents, not a word every passage must
contain; a Danish question is also asked in the English words the reports use."""

from __future__ import annotations

from dataclasses import replace

from .country import resolve_country
from .errors import UnknownCountry
from .glossary import expand_danish, looks_danish
from .query import AnyOf, Clause, ParsedQuery, Phrase, Term

__all__ = ["find_country", "translate_danish"]

_LONGEST = 3  # words in the longest country name looked for ("Central African Republic" has 3)


def _country_code(words: list[str]) -> str | None:
    text = " ".join(words)
    if len(text) < 4 or not any(c.isalpha() for c in text):
        return None
    try:
        country = resolve_country(text, suggest=False)
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


def _option(text: str) -> Term | Phrase:
    words = tuple(text.split())
    return Term(words[0]) if len(words) == 1 else Phrase(words)


def _translated(run: list[Term]) -> list[Clause]:
    out: list[Clause] = []
    for text, alternatives in expand_danish([t.text for t in run]):
        if not alternatives:
            out.append(Term(text))
            continue
        options = [_option(text)]  # the Danish words themselves, for Danish documents
        options += [_option(a) for a in alternatives if _option(a) not in options]
        out.append(AnyOf(tuple(options)))
    return out


def translate_danish(parsed: ParsedQuery) -> ParsedQuery:
    """A Danish query with each glossary term replaced by "the Danish term OR its English
    renderings" ("desertører" -> desertører OR deserter OR deserters OR desertion ...); an
    excluded glossary term keeps out its renderings too.
    Words the glossary does not know stay as they are; phrases, prefixes and OR groups the
    user wrote are left alone. An English query comes back unchanged."""
    if not looks_danish(parsed.text):
        return parsed
    clauses: list[Clause] = []
    run: list[Term] = []
    for clause in (*parsed.required, None):
        if isinstance(clause, Term) and not clause.prefix:
            run.append(clause)
            continue
        if run:
            clauses += _translated(run)
            run = []
        if clause is not None:
            clauses.append(clause)
    excluded: list[Term | Phrase] = []
    for clause in parsed.excluded:  # "-grænsen" keeps out "border" too
        excluded.append(clause)
        if isinstance(clause, Term) and not clause.prefix:
            for _, alternatives in expand_danish([clause.text]):
                excluded += [o for o in map(_option, alternatives) if o not in excluded]
    return replace(parsed, required=tuple(clauses), excluded=tuple(excluded))
