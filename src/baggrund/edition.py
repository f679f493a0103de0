"""Editions: a report series repeats itself year after year. Near-identical passages from
several editions of the same country, source and series are folded into one result, shown by
its newest edition and scored by its best (after age), with the others listed ("also in the 2019-2022 editions"),
so that the top ten are ten different answers, and the newest edition is preferred.

Folding is defined on the store's ranked list of passages (its total order: score, then place)
so that the folded list does not depend on how much of it is looked at: a passage joins the
first earlier result of its series whose words it shares (Jaccard similarity), and each
result's score depends only on its own passages and on the newest edition of its series in the
library. The ranked list is taken in blocks of :data:`BLOCK` passages; results are ordered
within their block. A :class:`Folder` says which results are already certain to keep their
place when only the start of a block has been fetched (see :meth:`Folder.settled`)."""

from __future__ import annotations

import functools
import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from .store import RawHit

__all__ = ["Folded", "Folder", "fold_editions", "SIMILAR", "BLOCK", "age_factor"]

SIMILAR = 0.7  # Jaccard similarity of word sets above which two passages are one text
AGE_PENALTY = 0.05  # per year behind the newest edition of the series (at most 8 years)
BLOCK = 100  # passages of the ranked list within which results are ordered by their score
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Folded:
    """One result: the passage shown, its score, and the same passage in other editions."""

    hit: RawHit
    score: float
    position: int  # place of its first passage in the store's ranked list
    older: list[RawHit] = field(default_factory=list)
    preferred: bool = False  # of the country the query names


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


@functools.cache
def _commonness() -> dict[str, int]:
    """Word -> rank among the commonest words of the reports (data/common_words.txt)."""
    text = resources.files("baggrund").joinpath("data/common_words.txt").read_text("utf-8")
    words = [w for w in text.splitlines() if w and not w.startswith("#")]
    return {w: len(words) - i for i, w in enumerate(words)}


@functools.lru_cache(maxsize=500_000)
def _order(word: str) -> tuple[int, int]:
    return (_commonness().get(word, 0), zlib.crc32(word.encode()))


def _prefix(words: frozenset[str]) -> list[str]:
    """The first words of a set in a fixed order (rare words first, then the common ones,
    commonest last), enough of them that any set with a Jaccard similarity of at least
    ``SIMILAR`` to it shares one of them with its own (the prefix filter of similarity joins).
    """
    if not words:
        return []
    length = len(words) - math.ceil(SIMILAR * len(words) - 1e-9) + 1
    return sorted(words, key=_order)[:length]


def _when(row: dict) -> tuple:
    return (row.get("edition_year") or 0, row.get("published") or "", row.get("doc_id") or 0)


def _series(row: dict) -> tuple:
    return (row["country"], row["source"], row["series"] or f"#{row['doc_id']}")


def age_factor(row: dict) -> float:
    """What a passage's score keeps for the years its edition is behind the newest edition of
    its series in the library (``series_newest`` of the row): 1 for the newest, 0.2 at most."""
    year, newest = row.get("edition_year"), row.get("series_newest")
    age = min(8, max(0, newest - year)) if year and newest else 0
    return 1 - AGE_PENALTY * age


class Folder:
    """Folds a ranked list of passages, fed from its start in any number of pieces, into
    results, block by block.

    ``strict_first``: results with every word of the query come before those with some.
    ``prefer_country``: results of that country come next before the others; its passages'
    scores carry ``boost`` (added by the store), which is taken off so that age weighs the same
    on every passage."""

    def __init__(
        self, *, strict_first: bool = True, prefer_country: str | None = None, boost: float = 0.0
    ):
        self.strict_first = strict_first
        self.prefer = prefer_country
        self.boost = boost
        self._groups: dict[tuple, list[tuple[Folded, frozenset[str]]]] = {}
        self._tokens: dict[tuple, dict[str, list[int]]] = {}  # prefix word -> results
        self._blocks: list[list[Folded]] = []
        self.seen = 0  # passages fed so far
        self.last: RawHit | None = None  # the last of them

    def _relevance(self, h: RawHit) -> tuple[bool, float]:
        preferred = self.prefer is not None and h.row["country"] == self.prefer
        score = h.score - self.boost if preferred else h.score
        return preferred, score * age_factor(h.row)

    def key(self, f: Folded) -> tuple:
        """Where a result goes in its block: smaller first."""
        return (self.strict_first and f.hit.partial, not f.preferred, -f.score, f.position)

    def add(self, hits: Sequence[RawHit]) -> None:
        """Fold the next passages of the ranked list. A passage of an earlier block's result
        only joins its list of editions; within its block, a result is shown by its best
        passage."""
        for h in hits:
            position, block = self.seen, self.seen // BLOCK
            self.seen += 1
            self.last = h
            while len(self._blocks) <= block:
                self._blocks.append([])
            preferred, score = self._relevance(h)
            words, key = _words(h.row["text"]), _series(h.row)
            folded = self._twin(h, words, key)
            if folded is not None:
                if folded.position // BLOCK == block:
                    folded.score = max(folded.score, score)
                    if self._newer(h, folded.hit):
                        folded.hit, h = h, folded.hit
                folded.older.append(h)
                continue
            folded = Folded(h, score, position, preferred=preferred)
            groups = self._groups.setdefault(key, [])
            number = len(groups)
            groups.append((folded, words))
            tokens = self._tokens.setdefault(key, {})
            for token in _prefix(words):
                tokens.setdefault(token, []).append(number)
            self._blocks[block].append(folded)

    def _twin(self, h: RawHit, words: frozenset[str], key: tuple) -> Folded | None:
        """The first result of the series (in the order they were made) whose first passage
        is another document's and shares ``SIMILAR`` of the words. Candidates come from the
        prefix filter: two sets that similar share a word among the first words of each in a
        fixed order."""
        tokens = self._tokens.get(key)
        if not tokens or not words:
            return None
        groups = self._groups[key]
        size = len(words)
        candidates = sorted({n for t in _prefix(words) for n in tokens.get(t, ())})
        for number in candidates:
            folded, group_words = groups[number]
            other = len(group_words)
            if folded.hit.row["doc_id"] == h.row["doc_id"] or min(size, other) < SIMILAR * max(
                size, other
            ):
                continue
            if len(words & group_words) / len(words | group_words) >= SIMILAR:
                return folded
        return None

    def block(self, number: int) -> list[Folded]:
        """The results that begin in block ``number``, in their order."""
        results = sorted(self._blocks[number], key=self.key) if number < len(self._blocks) else []
        for folded in results:
            folded.older.sort(key=lambda o: _when(o.row), reverse=True)
        return results

    @staticmethod
    def _newer(h: RawHit, shown: RawHit) -> bool:
        """Does passage ``h`` show its result better than the passage ``shown``: it has every
        word where that has some, or it is of a newer edition?"""
        if h.partial != shown.partial:
            return not h.partial
        return _when(h.row) > _when(shown.row)

    def settled(self, results: list[Folded], relaxed: bool) -> list[Folded]:
        """The leading ``results`` (of the block fed up to passage ``last``) that no passage
        after ``last`` in the block can go ahead of or change. Those passages score at most
        ``last.score`` (a preferred one at most that less the boost), and age only lowers a
        score; a tie is won by the passage fetched first. A result shown by an edition older
        than its series' newest could still be shown by a newer twin, so it waits."""
        last = self.last
        if last is None:
            return []
        if relaxed and not last.partial:
            return []  # passages with some of the words may follow, in any order of score
        partial = self.strict_first and last.partial
        bounds = [(partial, True, -last.score)]
        if self.prefer is not None and last.score > self.boost:
            bounds.append((partial, False, -(last.score - self.boost)))
        bound = min(bounds)
        out = []
        for f in results:
            # shown by an older edition than its series' newest: a newer twin further down
            # would be shown instead
            newest = f.hit.row.get("series_newest")
            current = not newest or (f.hit.row.get("edition_year") or 0) >= newest
            if self.key(f)[:3] > bound or not current:
                break
            out.append(f)
        return out


def fold_editions(
    hits: list[RawHit], *, strict_first: bool = True, prefer_country: str | None = None,
    boost: float = 0.0,
) -> list[Folded]:  # fmt: skip
    """The results of a whole ranked list of passages, in order (see :class:`Folder`)."""
    folder = Folder(strict_first=strict_first, prefer_country=prefer_country, boost=boost)
    folder.add(hits)
    return [f for number in range(-(-folder.seen // BLOCK)) for f in folder.block(number)]
