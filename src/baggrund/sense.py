"""Senses: words that the English stemmer joins although they mean different things.

Stemming lets "deserters" find "desertion", but also "desert areas"; "mobilization" finds
"mobility", "converts" finds "convertible marks", "executions" finds "the executive". The
reviewed list ``data/senses.tsv`` names such collisions, one sense per line; a query word
listed there is searched by the word forms of its sense, exactly (the index keeps an unstemmed
copy of every passage for this), and not by its stem."""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["sense_forms", "senses"]


@functools.cache
def senses() -> tuple[tuple[str, ...], ...]:
    """The senses of the list, each as its word forms."""
    text = resources.files("baggrund").joinpath("data/senses.tsv").read_text("utf-8")
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        forms = tuple(line.split("\t")[0].split())
        if not forms:
            raise ValueError(f"data/senses.tsv line {number}: no word forms")
        out.append(forms)
    return tuple(out)


@functools.cache
def _table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for forms in senses():
        for form in forms:
            if form in table:
                raise ValueError(f"data/senses.tsv: {form!r} is in two senses")
            table[form] = forms
    return table


def sense_forms(word: str) -> tuple[str, ...] | None:
    """The word forms to search, exactly, for ``word``; None for a word of no listed sense."""
    return _table().get(word.casefold())
