"""The query language: words, "phrases", OR, -exclusion and prefix*.

Parsing never fails: a stray quote, colon or bracket is taken literally (and, being
punctuation, matches nothing by itself). Every word the user typed is kept in the parsed
query; common words (the, of, og, i ...) are marked so that the engine can drop them from
matching while phrases keep them. :func:`clean_query` makes any text safe to search, store and
show (search applies it first): a lone surrogate becomes U+FFFD, NUL and other control
characters a space."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Term", "Phrase", "AnyOf", "ParsedQuery", "parse_query", "clean_query", "STOPWORDS"]

STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yourself yourselves also there's what's
    af alle andet andre at blev bliver da de dem den denne der deres det dette dig din dine
    disse dit dog du efter eller en end er et for fra ham han hans har havde have hende hendes
    her hos hun hvad hvis hvor i ikke ind jeg jer jo kan kunne man mange med meget men mig min
    mine mit mod når ned noget nogle nu og også om op os over på sig sin sine sit skal skulle
    som sådan thi til ud under var vi vil ville vor være været""".split()
)


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False

    @property
    def stopword(self) -> bool:
        return not self.prefix and self.text.casefold() in STOPWORDS


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    # written as one token with punctuation ("144-1", "LGBTQI+-personer"), not in quotes
    joined: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class AnyOf:
    options: tuple[Term | Phrase, ...]


Clause = Term | Phrase | AnyOf


@dataclass(frozen=True)
class ParsedQuery:
    required: tuple[Clause, ...]
    excluded: tuple[Term | Phrase, ...]
    text: str

    @property
    def empty(self) -> bool:
        return not self.required and not self.excluded

    def content(self) -> tuple[Clause, ...]:
        """Required clauses without common words; all of them when every one is common."""
        kept = tuple(c for c in self.required if not (isinstance(c, Term) and c.stopword))
        return kept or self.required

    def positive_words(self) -> list[str]:
        """Every word that should be highlighted."""
        words: list[str] = []
        for clause in self.content():
            options = clause.options if isinstance(clause, AnyOf) else (clause,)
            for option in options:
                words.extend(option.words if isinstance(option, Phrase) else [option.text])
        return words


# Invisible characters that join what they stand in: soft hyphen, zero-width (non-)joiner,
# word joiner, byte order mark.
_JOINERS = dict.fromkeys(map(ord, "\u00ad\u200c\u200d\u2060\ufeff"))
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_query(text: str) -> str:
    """``text`` that every store, terminal and web page can take: a lone surrogate (what an
    undecodable byte becomes in ``sys.argv``) is replaced by U+FFFD, soft hyphens and
    zero-width joiners are dropped, and NUL, other control and format characters (zero-width
    space, direction marks) become spaces; tabs and line breaks stay, being spaces already."""
    text = _SURROGATE.sub("\ufffd", text).translate(_JOINERS)
    if text.isprintable():
        return text
    return "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf") and c not in "\t\n\r" else c for c in text
    )


_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"[^\W_]+")


def _atom(raw: str) -> Term | Phrase | None:
    """A bare token: ``word``, ``word*`` or a punctuated run such as ``144-1`` (a phrase)."""
    prefix = raw.endswith("*")
    words = _WORD.findall(raw)
    if not words:
        return None
    if len(words) == 1:
        return Term(words[0], prefix=prefix and len(words[0]) >= 2)
    return Phrase(tuple(words), joined=True)


def parse_query(text: str) -> ParsedQuery:
    """Parse user input into required and excluded clauses. Never raises."""
    items: list[tuple[bool, Term | Phrase] | str] = []
    for m in _TOKEN.finditer(text or ""):
        negated, quoted, bare = m.group(1) == "-", m.group(2), m.group(3)
        if quoted is not None:
            words = tuple(_WORD.findall(quoted))
            if words:
                atom: Term | Phrase = Phrase(words) if len(words) > 1 else Term(words[0])
                items.append((negated, atom))
            continue
        if bare == "OR":
            items.append("OR")
            continue
        negated = bare.startswith("-") and len(bare) > 1
        parsed = _atom(bare[1:] if negated else bare)
        if parsed is not None:
            items.append((negated, parsed))
    required: list[Clause] = []
    excluded: list[Term | Phrase] = []
    pending_or = False
    for item in items:
        if isinstance(item, str):  # "OR"
            pending_or = bool(required)
            continue
        negated, atom = item
        if negated:
            excluded.append(atom)
        elif pending_or:
            prev = required.pop()
            options = prev.options if isinstance(prev, AnyOf) else (prev,)
            required.append(AnyOf((*options, atom)))
        else:
            required.append(atom)
        pending_or = False
    return ParsedQuery(tuple(required), tuple(excluded), text or "")
