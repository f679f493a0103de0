"""Reading a query as a caseworker means it: a country named in the query (in any Danish or
English spelling) is a preference for that country's documents, not a word every passage must
contain; a Danish question is also asked in the English words the reports use."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .country import resolve_country
from .errors import UnknownCountry
from .glossary import EnglishWord, compound_parts, expand_danish, looks_danish
from .place import LONGEST as _LONGEST_PLACE
from .place import find_place
from .query import AnyOf, Clause, ParsedQuery, Phrase, Term

__all__ = ["Recognised", "find_country", "recognise_country", "translate_danish"]

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


@dataclass(frozen=True)
class Recognised:
    """What in a query pointed to a country: a country's name (taken out of the query), or a
    place, group or demonym (left in it, since passages mention it)."""

    code: str  # ISO 3166-1 alpha-3
    words: tuple[str, ...]  # as typed
    kind: str  # "country", "place" or "demonym"


def _plain_spans(clauses: list[Clause], longest: int):
    for size in range(longest, 0, -1):
        for start in range(0, len(clauses) - size + 1):
            span = [c for c in clauses[start : start + size] if isinstance(c, Term)]
            if len(span) == size and not any(c.prefix for c in span):
                yield start, size, [c.text for c in span]


def recognise_country(parsed: ParsedQuery) -> tuple[ParsedQuery, Recognised | None]:
    """The first country named by consecutive plain words of the query and the query without
    those words; failing a country, the first place, group or demonym that points to one
    ("Herat", "Idlib", "Baku", "eritreiske", "Iranian"), which stays in the query (a Danish
    spelling or demonym as "itself OR its English forms": Moskva OR Moscow). Phrases,
    prefixes and OR groups are left alone."""
    clauses = list(parsed.required)
    for start, size, words in _plain_spans(clauses, _LONGEST):
        code = _country_code(words)
        if code:
            rest = tuple(clauses[:start] + clauses[start + size :])
            return replace(parsed, required=rest), Recognised(code, tuple(words), "country")
    for start, size, words in _plain_spans(clauses, _LONGEST_PLACE):
        place = find_place(" ".join(words))
        if place is None:
            continue
        found = Recognised(place.code, tuple(words), place.kind)
        if place.english and size == 1:
            clauses[start] = _with_english(words[0], place.english)
            return replace(parsed, required=tuple(clauses)), found
        return parsed, found
    for clause in clauses:  # "Amhara-regionen", "PMF-militser": a name in a compound
        if isinstance(clause, Phrase) and clause.joined:
            for word in clause.words:
                place = find_place(word)
                if place is not None:
                    return parsed, Recognised(place.code, (word,), place.kind)
    return parsed, None


def find_country(parsed: ParsedQuery) -> tuple[ParsedQuery, str | None]:
    """:func:`recognise_country` with only the country's code."""
    query, found = recognise_country(parsed)
    return query, found.code if found else None


def _with_english(word: str, english: tuple[str, ...]) -> AnyOf:
    options: list[Term | Phrase] = [Term(word)]
    options += [o for o in map(_option, english) if o not in options]
    return AnyOf(tuple(options))


def _option(text: str) -> Term | Phrase:
    words = tuple(text.split())
    return Term(words[0]) if len(words) == 1 else Phrase(words)


def _translated(run: list[Term], english_word: EnglishWord | None) -> list[Clause]:
    out: list[Clause] = []
    for text, alternatives in expand_danish([t.text for t in run], english_word):
        place = find_place(text)  # "iranere": Iranian, Iranians (not a look-alike "iraner")
        if place and place.english:
            out.append(_with_english(text, place.english))
            continue
        if alternatives:
            options = [_option(text)]  # the Danish words themselves, for Danish documents
            options += [_option(a) for a in alternatives if _option(a) not in options]
            out.append(AnyOf(tuple(options)))
            continue
        parts = compound_parts(text, english_word)  # "politirazziaer": police, raids
        if not parts:
            out.append(Term(text))
            continue
        *modifiers, (_, head) = parts
        for _, found in modifiers:
            if found:
                out.append(AnyOf(tuple(dict.fromkeys(map(_option, found)))))
        out.append(_with_english(text, head))
    return out


def translate_danish(parsed: ParsedQuery, english_word: EnglishWord | None = None) -> ParsedQuery:
    """A Danish query with each glossary term replaced by "the Danish term OR its English
    renderings" ("desertører" -> desertører OR deserter OR deserters OR desertion ...); an
    excluded glossary term keeps out its renderings too.
    Words the glossary does not know stay as they are; phrases, prefixes and OR groups the
    user wrote are left alone. An English query comes back unchanged.

    A closed compound the glossary lacks is searched as the English renderings of its parts ("politirazziaer" -> police ..., politirazziaer OR
    raid OR raids ...). ``english_word`` tells whether a word is in the index's English
    vocabulary: a Danish word written like an English one is then searched as that
    ("terrorister" -> terrorist)."""
    if not looks_danish(parsed.text):
        return parsed
    clauses: list[Clause] = []
    run: list[Term] = []
    for clause in (*parsed.required, None):
        if isinstance(clause, Term) and not clause.prefix:
            run.append(clause)
            continue
        if run:
            clauses += _translated(run, english_word)
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
