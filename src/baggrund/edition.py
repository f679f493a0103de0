"""Editions: a report series repeats itself year after year. Near-identical passages from
several editions of the same country, source and series are folded under the newest one
("also in the 2019-2022 editions"), so that the top ten are ten different answers, and the
newest edition is preferred."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .store import RawHit

__all__ = ["Folded", "fold_editions", "SIMILAR"]

SIMILAR = 0.7  # Jaccard similarity of word sets above which two passages are one text
AGE_PENALTY = 0.1  # per year behind the newest edition among the candidates (at most 8 years)
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Folded:
    hit: RawHit
    score: float
    older: list[RawHit] = field(default_factory=list)


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text))


def _when(row: dict) -> tuple:
    return (row.get("edition_year") or 0, row.get("published") or "", row.get("doc_id") or 0)


def _series(row: dict) -> tuple:
    return (row["country"], row["source"], row["series"] or f"#{row['doc_id']}")


def fold_editions(
    hits: list[RawHit], *, strict_first: bool = True, prefer_country: str | None = None,
    boost: float = 0.0,
) -> list[Folded]:  # fmt: skip
    """Group near-identical passages of different editions of one series; each group is shown
    by its newest edition, scored by its best member, less a share for each year it is older
    than the newest edition of its series among the hits. With ``strict_first``, passages with
    every word stay ahead of those with some of them; then passages of ``prefer_country``
    (whose scores carry ``boost``, taken off here so that age weighs the same on every
    passage) ahead of the others."""

    def relevance(h: RawHit) -> float:
        preferred = prefer_country is not None and h.row["country"] == prefer_country
        return h.score - boost if preferred else h.score

    newest: dict[tuple, int] = {}
    for h in hits:
        key = _series(h.row)
        newest[key] = max(newest.get(key, 0), h.row.get("edition_year") or 0)
    groups: list[tuple[Folded, frozenset[str], tuple]] = []
    for h in hits:
        words, key = _words(h.row["text"]), _series(h.row)
        for folded, group_words, group_key in groups:
            if group_key != key or folded.hit.row["doc_id"] == h.row["doc_id"]:
                continue
            union = len(words | group_words) or 1
            if len(words & group_words) / union >= SIMILAR:
                if _when(h.row) > _when(folded.hit.row) and not (
                    h.partial and not folded.hit.partial
                ):
                    folded.older.append(folded.hit)
                    folded.hit = h
                else:
                    folded.older.append(h)
                folded.score = max(folded.score, relevance(h))
                break
        else:
            groups.append((Folded(h, relevance(h)), words, key))
    out = []
    for folded, _, key in groups:
        year = folded.hit.row.get("edition_year")
        age = min(8, newest[key] - year) if year and newest[key] else 0
        folded.score *= 1 - AGE_PENALTY * age
        folded.older.sort(key=lambda h: _when(h.row), reverse=True)
        out.append(folded)
    out.sort(
        key=lambda f: (
            strict_first and f.hit.partial,
            prefer_country is not None and f.hit.row["country"] != prefer_country,
            -f.score,
        )
    )
    return out
