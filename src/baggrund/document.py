"""Documents: a :class:`Record` as a reader found it, and the normalised :class:`Document`
that is stored (ISO country, parsed dates, canonical source, repaired and segmented text)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field, fields
from urllib.parse import urlsplit

from .country import Country, resolve_country
from .dates import parse_date
from .errors import BadDocument
from .passage import Segmented, segment
from .source import canonical_source, infer_series

__all__ = ["Record", "Document", "prepare", "detect_language", "web_address", "FIRST_YEAR"]


@dataclass(frozen=True)
class Record:
    """A document as read from a file, before normalisation. ``origin`` and ``line`` say where
    it came from, for messages."""

    origin: str
    title: str
    country: str
    source: str
    text: str
    line: int | None = None
    external_id: str | None = None
    annex: int | None = None
    series: str | None = None
    edition_year: int | None = None
    url: str | None = None
    published: str | None = None
    added: str | None = None
    modified: str | None = None  # the source's modification date, used when it gives no other
    collection: str | None = None
    format: str = "jsonl"


@dataclass(frozen=True)
class Document:
    """A normalised document, ready to store. ``annex`` is ``None`` until the store numbers it."""

    record: Record
    country: Country
    source: str
    series: str | None
    edition_year: int | None
    title: str
    published: dt.date | None  # the best date the source gives: see date_kind
    added: dt.date | None
    language: str
    segmented: Segmented = field(repr=False)
    checksum: str = ""
    # what ``published`` is: None, the publication date; "modified", the source's modification
    # date, when it gives no publication date (the 2024 human rights reports)
    date_kind: str | None = None
    # the facts of the passages when extracted ahead of saving (ingest does it in worker
    # processes); None: the store extracts them
    facts: tuple | None = field(default=None, repr=False, compare=False)

    def passage_texts(self) -> list[tuple[str, str]]:
        """(local anchor, text) of every passage, in order."""
        seg = self.segmented
        return [(p.local_anchor(seg.sections), p.text) for p in seg.passages]

    @property
    def external_id(self) -> str | None:
        return self.record.external_id

    @property
    def annex(self) -> int | None:
        return self.record.annex


_EN = frozenset("the of and to in a is that for was were with by on as from not".split())
_DA = frozenset("og i at det er en til på af med for som de der ikke den var har om".split())


def detect_language(text: str) -> str:
    """``en`` or ``da``, by counting common words in the first few thousand characters."""
    words = re.findall(r"[a-zæøå]+", text[:6000].casefold())
    en = sum(w in _EN for w in words)
    da = sum(w in _DA for w in words)
    return "da" if da > en else "en"


FIRST_YEAR = 1900  # of an edition: the earliest a report of this collection can cover
# Record attributes -> the field names people write (JSON Lines, sidecars, manifests).
_FIELD_NAMES = {
    "external_id": "id", "published": "date_published", "added": "date_added",
    "modified": "date_modified",
}  # fmt: skip
_NOT_IN_ADDRESS = re.compile(r"[\x00-\x20\x7f]")


def web_address(url: str) -> bool:
    """Whether ``url`` is an absolute http:// or https:// address with a host (and nothing
    a browser would run, such as ``javascript:``)."""
    if _NOT_IN_ADDRESS.search(url):
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. a broken IPv6 host or port
        return False


def _check_fields(record: Record) -> None:
    """Reject what no reader should let through: NUL characters and lone surrogates in any
    field, a blank id, an implausible edition year, an address that is not http(s)."""
    for f in fields(record):
        value = getattr(record, f.name)
        if not isinstance(value, str) or f.name in ("origin", "format"):
            continue
        name = _FIELD_NAMES.get(f.name, f.name)
        if "\x00" in value:
            raise BadDocument(f"field {name!r} contains a NUL character (at {value.index(chr(0))})")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise BadDocument(
                f"field {name!r} has an invalid character (a lone surrogate) at {exc.start}"
            ) from None
    if record.external_id is not None and not record.external_id.strip():
        raise BadDocument("field 'id' is blank")
    last_year = dt.date.today().year + 1
    year = record.edition_year
    if year is not None and not FIRST_YEAR <= year <= last_year:
        raise BadDocument(
            f"edition_year must be a year from {FIRST_YEAR} to {last_year}, not {year}"
        )
    if record.url is not None and not web_address(record.url):
        raise BadDocument(f"field 'url' is not an http:// or https:// address: {record.url[:80]!r}")


def prepare(record: Record) -> Document:
    """Normalise a record. Raises a :class:`~baggrund.errors.BaggrundError` naming the field."""
    _check_fields(record)
    title = " ".join((record.title or "").split())
    if not title:
        raise BadDocument("missing title")
    if not (record.source or "").strip():
        raise BadDocument("missing source")
    if not (record.text or "").strip():
        raise BadDocument("empty text")
    if record.annex is not None and record.annex < 1:
        raise BadDocument(f"annex number must be a positive whole number, not {record.annex}")
    country = resolve_country(record.country or "")
    source = canonical_source(record.source)
    series = " ".join(record.series.split()) if record.series else infer_series(title)
    edition_year = record.edition_year
    if edition_year is None:
        m = re.match(r"^(19|20)\d\d\b", title)
        edition_year = int(m.group(0)) if m and series else None
    published = parse_date(record.published, field="published")
    date_kind = None
    if published is None and record.modified:  # the best date the source gives, labelled
        published = parse_date(record.modified, field="date_modified")
        date_kind = "modified"
    added = parse_date(record.added, field="added")
    segmented = segment(record.text, title=title)
    if not segmented.passages:
        raise BadDocument("no text besides headings")
    language = detect_language(record.text)
    checksum = hashlib.sha256(
        json.dumps(
            [
                record.external_id,
                record.annex,
                country.code,
                source,
                series,
                edition_year,
                title,
                record.url,
                published and published.isoformat(),
                added and added.isoformat(),
                record.collection,
                record.text,
                # only when used, so that no other document's checksum changes
                *([date_kind] if date_kind else []),
            ],
            ensure_ascii=False,
        ).encode()
    ).hexdigest()
    return Document(
        record=record,
        country=country,
        source=source,
        series=series,
        edition_year=edition_year,
        title=title,
        published=published,
        added=added,
        language=language,
        segmented=segmented,
        checksum=checksum,
        date_kind=date_kind,
    )
