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
# A series with fewer results than this is compared with each of them; beyond it, candidates
# come from a prefix filter over its results' words (the same first twin, found in less time)
SCAN = 64
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Folded:
    """One result: the passage shown, its score, and the same passage in other editions."""

    hit: RawHit
    score: float
    position: int  # place of its first passage in the store's ranked list
    older: list[RawHit] = field(default_factory=list)
    preferred: bool = False  # of the country the query names


class _Result:
    """A result as the twin test needs it: its first passage's text and document, and (made
    when first needed, by :meth:`Folder._ready`) the words of the text and their bit mask."""

    __slots__ = ("text", "doc", "words", "size", "mask", "folded")

    def __init__(self, text: str, doc: int):
        self.text, self.doc = text, doc
        self.words: frozenset[str] = frozenset()
        self.size = 0
        self.mask = -1  # not made yet
        self.folded: Folded | None = None


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
        # series -> its results, each with its first passage's words and document
        self._groups: dict[tuple, list[_Result]] = {}
        self._docs: dict[tuple, set[int]] = {}  # series -> the documents of its results
        self._vocabulary: dict[str, int] = {}  # word -> its bit in the masks
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
            key, doc = _series(h.row), h.row["doc_id"]
            result = _Result(h.row["text"], doc)
            docs = self._docs.setdefault(key, set())
            # a twin is another document's: none to look for while the series has only this one's
            folded = self._twin(result, key) if docs and docs != {doc} else None
            if folded is not None:
                if folded.position // BLOCK == block:
                    folded.score = max(folded.score, score)
                    if self._newer(h, folded.hit):
                        folded.hit, h = h, folded.hit
                folded.older.append(h)
                continue
            folded = result.folded = Folded(h, score, position, preferred=preferred)
            docs.add(doc)
            groups = self._groups.setdefault(key, [])
            groups.append(result)
            tokens = self._tokens.get(key)
            if tokens is not None:
                self._index_words(tokens, len(groups) - 1, self._ready(result))
            elif len(groups) > SCAN:  # from here on, candidates from the prefix filter
                tokens = self._tokens[key] = {}
                for number, other in enumerate(groups):
                    self._index_words(tokens, number, self._ready(other))
            self._blocks[block].append(folded)

    @staticmethod
    def _index_words(tokens: dict[str, list[int]], number: int, result: _Result) -> None:
        for token in _prefix(result.words):
            tokens.setdefault(token, []).append(number)

    def _ready(self, result: _Result) -> _Result:
        """The result with its words, and their bits over the folder's vocabulary (the size of
        an intersection is then one ``&`` and a count)."""
        if result.mask < 0:
            words = result.words = _words(result.text)
            result.size = len(words)
            vocabulary = self._vocabulary
            bits = [vocabulary.setdefault(w, len(vocabulary)) for w in words]
            buffer = bytearray((len(vocabulary) + 7) // 8)
            for bit in bits:
                buffer[bit >> 3] |= 1 << (bit & 7)
            result.mask = int.from_bytes(buffer, "little")
        return result

    def _twin(self, result: _Result, key: tuple) -> Folded | None:
        """The first result of the series (in the order they were made) whose first passage
        is another document's and shares ``SIMILAR`` of the words. Candidates: every result
        of a series of a few (:data:`SCAN`), else those the prefix filter gives (two sets that
        similar share a word among the first words of each in a fixed order)."""
        groups = self._groups.get(key)
        words = self._ready(result).words
        if not groups or not words:
            return None
        size, mask, doc = result.size, result.mask, result.doc
        tokens = self._tokens.get(key)
        if tokens is None:  # a few results: each of them, in order
            candidates: Sequence[int] = range(len(groups))
        else:
            candidates = sorted({n for t in _prefix(words) for n in tokens.get(t, ())})
        for number in candidates:
            other = groups[number]
            if other.doc == doc:
                continue
            if other.mask < 0:
                self._ready(other)
            other_size = other.size
            if size < SIMILAR * other_size or other_size < SIMILAR * size:
                continue  # too different in size to share SIMILAR of their words
            common = (mask & other.mask).bit_count()
            if common / (size + other_size - common) >= SIMILAR:  # Jaccard: common / union
                return other.folded
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
