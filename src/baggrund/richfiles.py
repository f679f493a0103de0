"""PDF, HTML and Word files for ingest, and the metadata that goes with them.

A PDF, an HTML page or a Word file carries its text, not the fields a document needs (country,
source, title, ...). Those come from, in order of precedence:

1. a sidecar: ``report.json`` beside ``report.pdf``, one JSON object with the fields of the JSON
   Lines import (``id``, ``source``, ``series``, ``edition_year``, ``country``, ``title``,
   ``url``, ``date_published``, ``date_added``, ``annex``);
2. a row of ``manifest.csv`` in the file's folder or up to three folders up: a ``file`` column
   (the file's path from the manifest's folder) and columns with those fields;
3. the board's header (``Land:``, ``Kilde:``, ``Titel:`` ...) at the start of the extracted text.

A field given in more than one place is taken from the first. A file without a country, a source
or a title is rejected with one line that names the missing fields."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from .document import Record
from .errors import FormatError
from .extras import missing
from .limits import Limits
from .reader import BOARD_FIELDS, Problem, _LineError, record_from_json, too_long
from .sandbox import Sandbox

__all__ = ["RICH", "MANIFEST", "Manifests", "RichReader", "is_companion", "manifest_problems"]

RICH = (".pdf", ".html", ".htm", ".docx")
MANIFEST = "manifest.csv"
FIELDS = ("id", "source", "series", "edition_year", "country", "title", "url",
          "date_published", "published", "date_added", "added", "annex")  # fmt: skip
_BOARD_TO_JSON = {"annex": "annex", "country": "country", "source": "source", "title": "title",
                  "published": "date_published", "added": "date_added"}  # fmt: skip
_REQUIRED = ("country", "source", "title")


def is_companion(path: Path) -> bool:
    """A file that only describes others: a manifest, or a sidecar beside a PDF, HTML or
    Word file of the same name."""
    if path.name.lower() == MANIFEST:
        return True
    if path.suffix.lower() != ".json":
        return False
    return any(path.with_suffix(ext).exists() for ext in (*RICH, *(e.upper() for e in RICH)))


def _sidecar(path: Path) -> dict:
    side = path.with_suffix(".json")
    if not side.is_file():
        return {}
    try:
        obj = json.loads(side.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _Reject(Problem(str(side), f"not UTF-8; {path.name} not ingested")) from None
    except json.JSONDecodeError as exc:
        message = f"broken JSON: {exc.msg} (column {exc.colno}); {path.name} not ingested"
        raise _Reject(Problem(str(side), message, exc.lineno)) from None
    if not isinstance(obj, dict):
        raise _Reject(Problem(str(side), f"not a JSON object; {path.name} not ingested", 1))
    return {k: v for k, v in obj.items() if k in FIELDS and v not in (None, "")}


class _Reject(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class Manifests:
    """The ``manifest.csv`` of each folder, read once: file path -> (line, fields)."""

    def __init__(self) -> None:
        self._folders: dict[Path, dict[Path, tuple[int, dict]] | Problem] = {}

    def load(self, folder: Path) -> dict[Path, tuple[int, dict]] | Problem:
        folder = folder.resolve()
        if folder not in self._folders:
            self._folders[folder] = _read_manifest(folder / MANIFEST)
        return self._folders[folder]

    def row(self, path: Path) -> tuple[str, int, dict] | None:
        """The manifest row that lists ``path``: in its folder's manifest, or in one up to
        three folders up (whose ``file`` column then names a path below it)."""
        target = path.resolve()
        for folder in list(target.parents)[:4]:
            rows = self.load(folder)
            if isinstance(rows, dict) and target in rows:
                line, fields = rows[target]
                return str(folder / MANIFEST), line, fields
        return None


def _read_manifest(path: Path) -> dict[Path, tuple[int, dict]] | Problem:
    if not path.is_file():
        return {}
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return Problem(str(path), f"cannot read the manifest: {exc}")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [(c or "").strip().casefold() for c in reader.fieldnames or []]
    if "file" not in columns:
        return Problem(str(path), "manifest without a 'file' column", 1)
    reader.fieldnames = columns
    rows: dict[Path, tuple[int, dict]] = {}
    for row in reader:
        name = (row.get("file") or "").strip()
        if not name:
            continue
        fields = {k: v.strip() for k, v in row.items() if k in FIELDS and v and v.strip()}
        rows[(path.parent / name).resolve()] = (reader.line_num, fields)
    return rows


def manifest_problems(path: Path) -> Iterator[Problem]:
    """Rejections for a folder's manifest: unreadable, or rows naming files that do not
    exist."""
    rows = _read_manifest(path)
    if isinstance(rows, Problem):
        yield rows
        return
    for target, (line, _fields) in sorted(rows.items(), key=lambda kv: kv[1][0]):
        if not target.is_file():
            yield Problem(str(path), f"no such file: {target.name}", line)


_LABEL = re.compile(
    r"(?:^|\s)(bilagsnr\.?|land|kilde|titel|udgivet|optaget på baggrundsmaterialet)\s*:\s*",
    re.IGNORECASE,
)
_LEADING_MARK = re.compile(r"^\f[^\f\n]{0,16}\f")


def _board_header(text: str) -> tuple[dict, str, str | None]:
    """The board's header at the start of extracted text (its lines may have become separate
    paragraphs, or one): (fields, the text after it, the collection line)."""
    m = _LEADING_MARK.match(text)
    mark = m.group(0) if m else ""
    blocks = text[len(mark) :].split("\n\n")
    fields: dict = {}
    collection = None
    i = 0
    if blocks and ":" not in blocks[0] and len(blocks) > 1 and _LABEL.search(blocks[1]):
        collection, i = blocks[0].lstrip("# ").strip(), 1
    while i < len(blocks) and not _LEADING_MARK.match(blocks[i]):
        parts = _LABEL.split(blocks[i].lstrip("# "))
        if len(parts) < 3 or parts[0].strip():
            break
        for label, value in zip(parts[1::2], parts[2::2], strict=True):
            name = BOARD_FIELDS.get(label.casefold()) or BOARD_FIELDS.get(label.casefold() + ".")
            if name and value.strip():
                fields.setdefault(_BOARD_TO_JSON[name], " ".join(value.split()))
        i += 1
    if not fields:
        return {}, text, None
    return fields, mark + "\n\n".join(blocks[i:]), collection


def _kind(path: Path) -> str:
    name = path.name.lower()
    return "pdf" if name.endswith(".pdf") else "docx" if name.endswith(".docx") else "html"


class RichReader:
    """Reads PDF, HTML and Word files as records, their text extracted in a
    :class:`~baggrund.sandbox.Sandbox` under ``limits``; a context manager."""

    def __init__(self, limits: Limits, sandbox: Sandbox | None = None) -> None:
        self.limits = limits
        self.own = sandbox is None  # else the caller's, kept open for its next files
        self.sandbox = sandbox or Sandbox(limits)

    def __enter__(self) -> RichReader:
        return self

    def __exit__(self, *exc) -> None:
        if self.own:
            self.sandbox.close()

    def _extract(self, path: Path, data: bytes, warn: Callable[[Problem], None]) -> str:
        kind = _kind(path)
        absent = missing(kind)
        if absent is not None:
            raise absent
        text, warnings = self.sandbox.extract(kind, data, self.limits)
        for message in warnings:
            warn(Problem(str(path), message, warning=True))
        if "\x00" in text:  # a font that maps a glyph to NUL: nothing a reader can see
            text = text.replace("\x00", "")
            warn(Problem(str(path), "NUL characters removed from the text", warning=True))
        if len(text) > self.limits.max_record_bytes // 4:  # cheap before encoding
            size = len(text.encode("utf-8", "replace"))
            if size > self.limits.max_record_bytes:
                raise FormatError(too_long(size, self.limits))
        return text

    def read(
        self, path: Path, data: bytes, manifests: Manifests, warn: Callable[[Problem], None]
    ) -> Record | Problem:
        """One PDF, HTML or Word file as a record, or the problem that rejects it."""
        origin = str(path)
        try:
            sidecar = _sidecar(path)
            text = self._extract(path, data, warn)
        except _Reject as exc:
            return exc.problem
        except FormatError as exc:
            return Problem(origin, str(exc))
        row = manifests.row(path)
        listed = row[2] if row else {}
        fields: dict = {}
        header, body, collection = _board_header(text)
        fields.update(header)
        fields.update(listed)
        fields.update(sidecar)
        missing_fields = [name for name in _REQUIRED if not str(fields.get(name) or "").strip()]
        if missing_fields:
            return Problem(
                origin,
                f"no {', no '.join(missing_fields)} (give it in {path.with_suffix('.json').name},"
                f" a {MANIFEST} row or a board header)",
            )
        try:
            record = record_from_json(
                {**fields, "text": body}, origin, 1,
                lambda message: warn(Problem(origin, message, warning=True)),
            )  # fmt: skip
        except _LineError as exc:
            where = f"{path.with_suffix('.json').name}" if sidecar else MANIFEST
            return Problem(origin, f"{exc} (in {where})")
        return replace(record, line=None, format=_kind(path), collection=collection)
