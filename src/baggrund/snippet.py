"""Snippets: the part of a passage around the matched words, with the matches marked.

Words are matched as the index matches them (the same analyser, so "penalized" marks
"penalised" and "penalize" too). A short passage is shown whole."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from .index import LANGUAGES, analyzer
from .query import STOPWORDS

__all__ = ["Snippet", "make_snippet", "query_stems"]

_TOKEN = re.compile(r"[^\W_]+")
WINDOW = 40  # words
WHOLE = 320  # characters: shorter passages are shown whole


@functools.lru_cache(maxsize=200_000)
def _stem(word: str, lang: str) -> str:
    terms = analyzer(lang).analyze(word)
    return terms[0] if terms else ""


def query_stems(words: list[str]) -> frozenset[tuple[str, str]]:
    """(language, stem) pairs of the query's words, in every indexed language. Common words
    ("to" of "forced to marry") are not marked, unless the query has no other."""
    content = [w for w in words if w.casefold() not in STOPWORDS] or words
    return frozenset(
        (lang, _stem(w, lang)) for w in content for lang in LANGUAGES if _stem(w, lang)
    )


@dataclass(frozen=True)
class Snippet:
    parts: tuple[tuple[str, bool], ...]  # (text, matched)

    def html(self) -> str:
        return "".join(
            f"<mark>{html.escape(t)}</mark>" if m else html.escape(t) for t, m in self.parts
        )

    def plain(self) -> str:
        return "".join(t for t, _ in self.parts)


def make_snippet(text: str, stems: frozenset[tuple[str, str]], lang: str) -> Snippet:
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    wanted = {s for language, s in stems if language == lang}
    # the stemmers rewrite endings only, so a word can match only if its first letter (in
    # lower case) begins one of the stems: the others need no stemming
    initials = {s[0] for s in wanted}
    hits = [
        i
        for i, (a, b) in enumerate(tokens)
        if text[a].lower()[:1] in initials and _stem(text[a:b], lang) in wanted
    ]
    if len(text) <= WHOLE or len(tokens) <= WINDOW:
        first, last = 0, len(tokens)
    else:
        best, first = -1, 0
        stems_at = {i: _stem(text[slice(*tokens[i])], lang) for i in hits}
        for j, start in enumerate(hits):  # windows that begin at a match
            inside = [i for i in hits[j:] if i < start + WINDOW]
            score = len({stems_at[i] for i in inside}) * 100 + len(inside)
            if score > best:
                best, first = score, start
        first = max(0, first - 3) if first else 0
        last = min(len(tokens), first + WINDOW)
    begin = tokens[first][0] if first else 0
    end = tokens[last - 1][1] if last < len(tokens) else len(text)
    if last < len(tokens):
        # finish on the punctuation that follows the last word, if any
        while end < len(text) and text[end] in ".,;:!?)»”’\"'":
            end += 1
    parts: list[tuple[str, bool]] = [("…", False)] if begin > 0 else []
    pos = begin
    for i in hits:
        a, b = tokens[i]
        if a < begin or b > end:
            continue
        if a > pos:
            parts.append((text[pos:a], False))
        parts.append((text[a:b], True))
        pos = b
    if end > pos:
        parts.append((text[pos:end], False))
    if end < len(text):
        parts.append(("…", False))
    return Snippet(tuple(parts))
