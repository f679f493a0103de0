"""The library's own values for the filters: which sources, series and countries it holds, and
what a user typed (a part of a name, another spelling) stands for among them.

"state department" is the US Department of State, "human rights" the Country Reports on Human
Rights Practices; a value that matches nothing, or several, is a one-line error that lists what
the library has. A territory with no reports of its own that the reports of another country
cover (the West Bank and Gaza in the reports on Israel) is said to be filed under that country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .country import aliases_of, country_by_code
from .errors import BadQuery, shown
from .source import KNOWN_SOURCES, canonical_source
from .store import Store

__all__ = ["match_source", "match_series", "series_counts", "filed_under", "FiledUnder"]

_SHOWN = 8  # values listed in an error at most


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace(".", "")
    return re.findall(r"\w+", text)


def _contains(typed: list[str], name: str) -> bool:
    """Every word typed starts a word of ``name``, in order ("human rights" in "Country
    Reports on Human Rights Practices", "state dep" in "US State Department")."""
    words = _words(name)
    at = 0
    for word in typed:
        while at < len(words) and not words[at].startswith(word):
            at += 1
        if at == len(words):
            return False
        at += 1
    return True


def _listing(counts: dict[str, int]) -> str:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown_ = ", ".join(f"{name} ({n})" for name, n in ordered[:_SHOWN])
    more = len(ordered) - _SHOWN
    return shown_ + (f", … (+{more})" if more > 0 else "")


def _pick(kind: str, typed: str, counts: dict[str, int], aliases: dict[str, list[str]]) -> str:
    words = _words(typed)
    if not words:
        raise BadQuery(f"{kind} {{typed}} has no words", typed=shown(typed))
    found = [
        name for name in counts if any(_contains(words, n) for n in (name, *aliases.get(name, ())))
    ]
    if len(found) == 1:
        return found[0]
    if found:
        options = tuple(sorted(found)[:_SHOWN])
        raise BadQuery(f"{kind} {{typed}} could be {{options}}", typed=shown(typed),
                       options=options)  # fmt: skip
    if not counts:
        raise BadQuery(f"no {kind} {{typed}}: the library is empty", typed=shown(typed))
    raise BadQuery(f"no {kind} {{typed}} in this library; it has {{listing}}", typed=shown(typed),
                   listing=_listing(counts))  # fmt: skip


def match_source(store: Store, typed: str) -> str:
    """The library's source that ``typed`` names: its canonical name, another spelling of it,
    or a part of either."""
    counts = {row["source"]: row["documents"] for row in store.sources()}
    exact = canonical_source(typed)
    if exact in counts:
        return exact
    aliases = {name: list(KNOWN_SOURCES.get(name, ())) for name in counts}
    return _pick("source", typed, counts, aliases)


def series_counts(store: Store) -> dict[str, int]:
    """Each report series the library holds, with its number of documents."""
    counts: dict[str, int] = {}
    for row in store.documents(limit=10_000_000):
        if row.get("series"):
            counts[row["series"]] = counts.get(row["series"], 0) + 1
    return counts


def match_series(store: Store, typed: str) -> str:
    """The library's report series that ``typed`` names, whole or in part."""
    counts = series_counts(store)
    for name in counts:
        if _words(name) == _words(typed):
            return name
    return _pick("series", typed, counts, {})


@dataclass(frozen=True)
class FiledUnder:
    """Reports on ``territory`` are filed under ``country``, in documents such as ``title``."""

    territory: str
    country: str
    title: str

    def to_dict(self) -> dict:
        return {"territory": self.territory, "country": self.country, "title": self.title}


def filed_under(store: Store, code: str) -> FiledUnder | None:
    """For a country of which the library holds no documents: the country whose documents'
    titles name it (by any of its names), if there is one."""
    if store.documents(country=code, limit=1) or not store.documents(limit=1):
        return None
    territory = country_by_code(code)
    names = {n for n in (territory.name_en, territory.name_da, *aliases_of(code)) if n}
    patterns = [re.compile(rf"\b{re.escape(n)}\b", re.IGNORECASE) for n in names]
    found: dict[str, str] = {}
    for row in store.documents(limit=10_000_000):
        if row["country"] != code and any(p.search(row["title"] or "") for p in patterns):
            found.setdefault(row["country"], row["title"])
    if len(found) != 1:
        return None
    country, title = next(iter(found.items()))
    return FiledUnder(code, country, title)
