"""What a search searched for: the words, the English words that stood for each Danish one, the
country or place recognised, the filters applied, and whether the query was relaxed. Every
search returns one, so that a user can see (and undo) how the question was read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .catalogue import FiledUnder
from .query import AnyOf, Clause, ParsedQuery, Phrase, Term

__all__ = ["Rendering", "Interpretation", "renderings", "clause_text"]


@dataclass(frozen=True)
class Rendering:
    """A Danish word or expression of the query and the English words searched beside it."""

    danish: str
    english: tuple[str, ...]


@dataclass(frozen=True)
class Currency:
    """The newest edition of ``series`` on ``country`` that matches is ``matched``; the series
    goes on to ``newest``, whose editions do not mention what was searched."""

    country: str
    series: str
    matched: int
    newest: int


@dataclass(frozen=True)
class Interpretation:
    words: tuple[str, ...]  # the clauses searched, as text ("exit", "visa", '"exit visa"')
    excluded: tuple[str, ...]
    renderings: tuple[Rendering, ...]
    country: str | None  # the country the query names (ISO 3166-1 alpha-3), preferred
    country_words: str | None  # the words of the query that named it
    country_kind: str | None  # named by: "country" (its name), "place" or "demonym"
    kept_literal: tuple[str, ...]  # Danish words the user asked to search as typed
    recognise: bool  # whether countries and places in the query were looked for
    filters: dict[str, str] = field(default_factory=dict)
    latest: bool = False
    relaxed: bool = False  # too few passages had every word; passages with some follow
    danish: bool = False  # the query was read as Danish
    filed_under: FiledUnder | None = None  # the country asked for is reported on under another
    currency: Currency | None = None  # the best result's series has newer editions, no match

    def to_dict(self) -> dict:
        data = asdict(self)
        data["filed_under"] = self.filed_under.to_dict() if self.filed_under else None
        data["currency"] = asdict(self.currency) if self.currency else None
        data["renderings"] = [
            {"danish": r.danish, "english": list(r.english)} for r in self.renderings
        ]
        return data

    def lines(self, labels: dict[str, str]) -> list[str]:
        """The interpretation for people, one line each, in the words of ``labels``
        (``searched``, ``country``, ``filters``); whether the query was relaxed is said by
        the result's own line."""
        out = [f"{labels['searched']}: {' · '.join(self.words) or '–'}"]
        if self.excluded:
            out[0] += "  −" + " −".join(self.excluded)
        for r in self.renderings:
            out.append(f"  {r.danish} → {', '.join(r.english)}")
        if self.country:
            how = "" if self.country_kind in (None, "country") else f", {self.country_kind}"
            out.append(f"{labels['country']}: {self.country} ({self.country_words}{how})")
        if self.currency:
            c = self.currency
            one = c.matched + 1 == c.newest
            later = f"{c.newest}" if one else f"{c.matched + 1}-{c.newest}"
            label = labels["currency_one" if one else "currency"]
            out.append(label.format(country=c.country, series=c.series, matched=c.matched,
                                    later=later))  # fmt: skip
        if self.filed_under:
            f = self.filed_under
            out.append(labels["filed_under"].format(territory=f.territory, country=f.country,
                                                    title=f.title))  # fmt: skip
        if self.filters or self.latest:
            shown = [f"{k}={v}" for k, v in self.filters.items()]
            shown += ["latest"] if self.latest else []
            out.append(f"{labels['filters']}: {', '.join(shown)}")
        return out


def clause_text(clause: Clause) -> str:
    if isinstance(clause, Term):
        return clause.text + ("*" if clause.prefix else "")
    if isinstance(clause, Phrase):
        return '"' + " ".join(clause.words) + '"'
    return " OR ".join(clause_text(o) for o in clause.options)


def renderings(before: ParsedQuery, after: ParsedQuery) -> tuple[Rendering, ...]:
    """The Danish words that translation gave English words, from the query before and after
    :func:`baggrund.expansion.translate_danish` (which puts the Danish words first in each OR
    group it makes)."""
    typed = set(before.required)
    out = []
    for clause in after.required:
        if isinstance(clause, AnyOf) and clause not in typed and len(clause.options) > 1:
            danish, *english = (clause_text(o).strip('"') for o in clause.options)
            out.append(Rendering(danish, tuple(english)))
    return tuple(out)
