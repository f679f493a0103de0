"""The collection a library cites its documents under: one name per library, in Danish and
English, for the board's own annexes and imported reports alike ("Baggrundsmateriale,
Aserbajdsjan, bilag 367: ...").

A library that is the Refugee Appeals Board's collection says so once
(``baggrund collection "Flygtningenævnets baggrundsmateriale" --en "Refugee Appeals Board
background material"``); the default claims no one's collection. The first line of a board
document ("Flygtningenævnets baggrundsmateriale") is kept with the document, but no longer
names the collection in its citation: a library whose board annexes and imported reports
were cited under two names, side by side in one country's list, gave no reason why."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .errors import BaggrundError

__all__ = ["Collection", "DEFAULT", "collection_of", "set_collection", "SETTING"]

SETTING = "collection"  # the store's setting that holds it, as JSON {"da": ..., "en": ...}
_MAX = 200


@dataclass(frozen=True)
class Collection:
    da: str
    en: str

    def name(self, lang: str) -> str:
        return self.da if lang == "da" else self.en


DEFAULT = Collection("Baggrundsmateriale", "Background material")


def collection_of(store) -> Collection:
    """The library's collection name (the default when none is set)."""
    raw = store.setting(SETTING)
    if not raw:
        return DEFAULT
    try:
        value = json.loads(raw)
        return Collection(str(value["da"]), str(value["en"]))
    except (ValueError, KeyError, TypeError):
        return DEFAULT


def _checked(name: str, which: str) -> str:
    text = " ".join(str(name).split())
    if not text:
        raise BaggrundError(f"the collection name ({which}) is empty")
    if len(text) > _MAX:
        raise BaggrundError(f"the collection name ({which}) is longer than {_MAX} characters")
    if any(ord(c) < 32 for c in text):
        raise BaggrundError(f"the collection name ({which}) has a control character")
    return text


def set_collection(store, da: str, en: str | None = None) -> Collection:
    """Name the library's collection; ``en`` defaults to the Danish name."""
    collection = Collection(_checked(da, "Danish"), _checked(en if en else da, "English"))
    store.put_setting(SETTING, json.dumps({"da": collection.da, "en": collection.en}))
    return collection
