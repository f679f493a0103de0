"""Case bundles: the passages relied on in one case, quoted exactly, each with its pinpoint
citation, and the list of annexes (bilagsliste) they come from.

A bundle is saved in the store under its case reference (``ref``, e.g. ``FN-2026-0412``)
with the passages' anchors in the order chosen, an optional note per passage, and each
passage's text as it was when added. :func:`resolve` looks every anchor up again: a passage
whose text changed since it was added, or whose anchor no longer exists (the document was
updated), is reported with what was saved, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from .citation import parse_anchor
from .country import country_by_code
from .errors import BaggrundError, NotFound
from .passage import as_paragraph
from .store.bundle_tables import BundleConflict

__all__ = [
    "Bundle",
    "BundleItem",
    "BundleConflict",
    "BadBundle",
    "Entry",
    "Resolved",
    "check_ref",
    "create",
    "get",
    "add",
    "remove",
    "move",
    "set_note",
    "delete",
    "resolve",
]

MAX_REF = 100
MAX_NOTE = 4000
MAX_ITEMS = 1000


class BadBundle(BaggrundError, ValueError):
    """A bundle reference, note or anchor list that cannot be used."""


@dataclass(frozen=True)
class BundleItem:
    anchor: str
    note: str | None
    quoted: str  # the passage text when it was added
    added: str


@dataclass(frozen=True)
class Bundle:
    ref: str
    title: str | None
    created: str
    updated: str
    version: int
    items: tuple[BundleItem, ...]

    def to_dict(self) -> dict:
        return {
            "ref": self.ref,
            "title": self.title,
            "created": self.created,
            "updated": self.updated,
            "items": [vars(i).copy() for i in self.items],
        }


@dataclass(frozen=True)
class Entry:
    """One item of a bundle looked up again. ``status``: ``ok``; ``changed`` (the passage
    exists but its text differs from what was added: ``text`` is today's, ``item.quoted``
    the saved one); ``missing`` (no passage with that anchor any more)."""

    item: BundleItem
    status: str
    text: str | None = None
    citation: str | None = None
    citation_da: str | None = None
    document: dict | None = None


@dataclass(frozen=True)
class Resolved:
    bundle: Bundle
    entries: list[Entry]
    annexes: list[dict] = field(default_factory=list)  # the bilagsliste, by country and annex

    @property
    def problems(self) -> list[Entry]:
        return [e for e in self.entries if e.status != "ok"]


def check_ref(ref: str) -> str:
    """A case reference, trimmed; one line of printable text, at most MAX_REF characters."""
    ref = " ".join((ref or "").split())
    if not ref:
        raise BadBundle("a bundle needs a case reference")
    if len(ref) > MAX_REF:
        raise BadBundle("case reference longer than {most} characters", most=MAX_REF)
    if any(unicodedata.category(c).startswith("C") for c in ref):
        raise BadBundle("case reference contains control characters")
    return ref


def _note(note: str | None) -> str | None:
    if note is None or not note.strip():
        return None
    if len(note) > MAX_NOTE:
        raise BadBundle("note longer than {most} characters", most=MAX_NOTE)
    return note.strip()


def _from_row(row: dict) -> Bundle:
    items = tuple(
        BundleItem(i["anchor"], i["note"], i["quoted"], str(i["added"])) for i in row["items"]
    )
    return Bundle(row["ref"], row["title"], str(row["created"]), str(row["updated"]),
                  row["version"], items)  # fmt: skip


def get(library, ref: str) -> Bundle:
    row = library.store.bundle(check_ref(ref))
    if row is None:
        raise NotFound("no bundle {ref}", ref=repr(ref))
    return _from_row(row)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _rows(items) -> list[dict]:
    return [vars(i).copy() for i in items]


def create(library, ref: str, title: str | None = None, *, today: dt.date | None = None) -> Bundle:
    """A new, empty bundle. Raises BundleConflict when the reference is taken."""
    ref = check_ref(ref)
    title = " ".join(title.split()) if title else None
    library.store.put_bundle(ref, title, [], _today(today), None)
    return get(library, ref)


def _save(library, bundle: Bundle, items, today: dt.date | None, title=...) -> Bundle:
    if len(items) > MAX_ITEMS:
        raise BadBundle("a bundle holds at most {most} passages", most=MAX_ITEMS)
    new_title = bundle.title if title is ... else title
    library.store.put_bundle(bundle.ref, new_title, _rows(items), _today(today), bundle.version)
    return get(library, bundle.ref)


def _full_anchor(anchor: str) -> str:
    a = parse_anchor(anchor)  # NotFound for text that is not an anchor
    if a.local is None:
        raise BadBundle("{anchor} names a document or section, not a passage", anchor=repr(anchor))
    return str(a)


def add(
    library, ref: str, anchors: list[str], *, note: str | None = None,
    today: dt.date | None = None, start: bool = False,
) -> tuple[Bundle, list[str]]:  # fmt: skip
    """Append passages (in the order given) with ``note``; (the bundle, anchors that were in
    it already and were left where they are). Every anchor must exist: otherwise NotFound
    names the first that does not, and the bundle is unchanged. With ``start``, a case
    reference that has no bundle yet gets one (only when every anchor is a passage)."""
    note = _note(note)
    try:
        bundle = get(library, ref)
    except NotFound:
        if not start:
            raise
        for anchor in anchors:
            library.passage(_full_anchor(anchor))  # NotFound, BadBundle: nothing is made
        bundle = create(library, ref, today=today)
    present = {i.anchor for i in bundle.items}
    items, skipped = list(bundle.items), []
    day = _today(today).isoformat()
    for anchor in anchors:
        full = _full_anchor(anchor)
        if full in present:
            skipped.append(full)
            continue
        passage = library.passage(full)  # NotFound for an anchor that does not exist
        items.append(BundleItem(passage.anchor, note, passage.text, day))
        present.add(passage.anchor)
    if len(items) == len(bundle.items):
        return bundle, skipped
    return _save(library, bundle, items, today), skipped


def _index(bundle: Bundle, anchor: str) -> int:
    full = _full_anchor(anchor)
    for n, item in enumerate(bundle.items):
        if item.anchor == full:
            return n
    raise NotFound("{anchor} is not in bundle {ref}", anchor=full, ref=repr(bundle.ref))


def remove(library, ref: str, anchors: list[str], *, today: dt.date | None = None) -> Bundle:
    bundle = get(library, ref)
    drop = {_index(bundle, a) for a in anchors}
    items = [i for n, i in enumerate(bundle.items) if n not in drop]
    return _save(library, bundle, items, today)


def move(library, ref: str, anchor: str, position: int, *, today: dt.date | None = None) -> Bundle:
    """Move a passage to ``position`` (1 = first; past the end = last)."""
    bundle = get(library, ref)
    items = list(bundle.items)
    item = items.pop(_index(bundle, anchor))
    items.insert(max(0, position - 1), item)
    return _save(library, bundle, items, today)


def set_note(
    library, ref: str, anchor: str, note: str | None, *, today: dt.date | None = None
) -> Bundle:
    bundle = get(library, ref)
    items = list(bundle.items)
    n = _index(bundle, anchor)
    old = items[n]
    items[n] = BundleItem(old.anchor, _note(note), old.quoted, old.added)
    return _save(library, bundle, items, today)


def delete(library, ref: str) -> None:
    if not library.store.delete_bundle(check_ref(ref)):
        raise NotFound("no bundle {ref}", ref=repr(ref))


def _annex_row(doc: dict) -> dict:
    country = country_by_code(doc["country"])
    return {
        "country": doc["country"],
        "country_name": country.name_en,
        "country_name_da": country.name_da,
        "annex": doc["annex"],
        "source": doc["source"],
        "title": doc["title"],
        "published": doc.get("published"),
        "date_kind": doc.get("date_kind"),
        "added": doc.get("added"),
    }


def resolve(library, ref: str) -> Resolved:
    """The bundle with every passage looked up again, and the bilagsliste of the documents
    its passages come from (by country, then annex number)."""
    bundle = get(library, ref)
    entries: list[Entry] = []
    annexes: dict[tuple, dict] = {}
    for item in bundle.items:
        try:
            p = library.passage(item.anchor)
        except NotFound:
            entries.append(Entry(item, "missing"))
            continue
        # a passage now read as a list is the same text as the paragraph quoted before
        same = item.quoted in (p.text, as_paragraph(p.text))
        status = "ok" if same else "changed"
        entries.append(Entry(item, status, p.text, p.citation, p.citation_da, p.document))
        key = (p.document["country"], p.document["annex"])
        annexes.setdefault(key, _annex_row(p.document))
    return Resolved(bundle, entries, [annexes[k] for k in sorted(annexes)])
