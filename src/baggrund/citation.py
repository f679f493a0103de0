"""Citations in the board's style, in Danish and English, and the anchors they point to.

Flygtningenævnets baggrundsmateriale, Aserbajdsjan, bilag 367: US Department of State,
»2024 Trafficking in Persons Report: Azerbaijan«, udgivet 24. juni 2024, afsnit
»PROTECTION«, 4. afsnit [AZE-367/protection/4]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .collection import DEFAULT, Collection
from .country import country_by_code
from .dates import format_date_da, format_date_en
from .errors import NotFound

__all__ = [
    "Anchor",
    "parse_anchor",
    "cite_da",
    "cite_en",
    "DEFAULT_COLLECTION",
    "document_date",
    "iso_document_date",
]

DEFAULT_COLLECTION = {"da": DEFAULT.da, "en": DEFAULT.en}

_ANCHOR = re.compile(r"^([A-Za-z]{3})-(\d{1,9})(?:/([a-z0-9-]+)(?:/(\d{1,6}))?)?/?$")


@dataclass(frozen=True)
class Anchor:
    """``AZE-367`` (a document), ``AZE-367/protection`` (a section) or
    ``AZE-367/protection/4`` (a passage)."""

    country: str
    annex: int
    section: str | None = None
    number: int | None = None

    @property
    def document(self) -> str:
        return f"{self.country}-{self.annex}"

    @property
    def local(self) -> str | None:
        return f"{self.section}/{self.number}" if self.number is not None else None

    def __str__(self) -> str:
        parts = [self.document, self.section, None if self.number is None else str(self.number)]
        return "/".join(p for p in parts if p)


def parse_anchor(text: str) -> Anchor:
    m = _ANCHOR.match(text.strip())
    if not m:
        raise NotFound(
            "not an anchor: {text} (expected e.g. AZE-367 or AZE-367/protection/4)", text=repr(text)
        )
    number = int(m.group(4)) if m.group(4) else None
    return Anchor(m.group(1).upper(), int(m.group(2)), m.group(3), number)


def _date(value) -> dt.date | None:
    if isinstance(value, str):
        return dt.date.fromisoformat(value) if value else None
    return value


# Per language: the phrases of a citation. {x} fields are filled in by _cite.
_PHRASES = {
    "da": {
        "head": "{collection}, {country}, bilag {annex}: {source}",
        "title": "»{title}«",
        "published": "udgivet {date}",
        "modified": "ændret {date}",
        "no_date": "udgivelsesdato ukendt",
        "section": "under »{heading}«",
        "paragraph": "{number}. afsnit",
        "page": "s. {page}",
    },
    "en": {
        "head": "{collection}, {country}, annex {annex}: {source}",
        "title": "‘{title}’",
        "published": "published {date}",
        "modified": "modified {date}",
        "no_date": "date of publication unknown",
        "section": "section ‘{heading}’",
        "paragraph": "paragraph {number}",
        "page": "p. {page}",
        "pages": "pp. {page}",
    },
}


def document_date(doc: dict, lang: str, *, label: bool = False) -> str:
    """A document's date as shown: ``24. juni 2024`` (``udgivet 24. juni 2024`` with
    ``label``); a modification date, when the source gives no publication date, always says
    so (``ændret 12. august 2025``, ``modified 12 August 2025``); "" when there is none."""
    value = _date(doc.get("published"))
    if value is None:
        return ""
    date = (format_date_da if lang == "da" else format_date_en)(value)
    if doc.get("date_kind") == "modified":
        return _PHRASES[lang]["modified"].format(date=date)
    return _PHRASES[lang]["published"].format(date=date) if label else date


def iso_document_date(doc: dict, lang: str) -> str:
    """The date for a spreadsheet: ISO (``2024-06-24``), a modification date labelled
    (``ændret 2025-08-12``); "" when there is none."""
    value = _date(doc.get("published"))
    if value is None:
        return ""
    if doc.get("date_kind") == "modified":
        return _PHRASES[lang]["modified"].format(date=value.isoformat())
    return value.isoformat()


def _cite(
    lang: str, doc: dict, heading: str, number: int | None, anchor: str, page: str | None,
    collection: Collection | None,
) -> str:  # fmt: skip
    words = _PHRASES[lang]
    country = country_by_code(doc["country"])
    name = country.name_da if lang == "da" else country.name_en
    head = words["head"].format(
        collection=(collection or DEFAULT).name(lang),
        country=name,
        annex=doc["annex"],
        source=doc["source"],
    )
    parts = [head, words["title"].format(title=doc["title"])]
    parts.append(document_date(doc, lang, label=True) or words["no_date"])
    if heading:
        parts.append(words["section"].format(heading=heading))
    if number is not None:
        parts.append(words["paragraph"].format(number=number))
    if page:  # "12", or "12–13" for a paragraph that runs on to the next page
        parts.append(
            words["pages" if "–" in page and "pages" in words else "page"].format(page=page)
        )
    text = ", ".join(parts)
    return f"{text} [{anchor}]" if anchor else text


def cite_da(
    doc: dict, heading: str = "", number: int | None = None, anchor: str = "",
    page: str | None = None, *, collection: Collection | None = None,
) -> str:  # fmt: skip
    """The Danish citation of a document, or of a passage when ``number`` is given (with its
    page, ``s. 12``, when it comes from a PDF), under the library's ``collection`` name."""
    return _cite("da", doc, heading, number, anchor, page, collection)


def cite_en(
    doc: dict, heading: str = "", number: int | None = None, anchor: str = "",
    page: str | None = None, *, collection: Collection | None = None,
) -> str:  # fmt: skip
    """The English citation of a document, or of a passage when ``number`` is given (with its
    page, ``p. 12`` or ``pp. 12–13``, when it comes from a PDF), under the library's
    ``collection`` name."""
    return _cite("en", doc, heading, number, anchor, page, collection)
