"""Reading files into :class:`~baggrund.document.Record` objects.

Formats: the board's text format (``Bilagsnr.``, ``Land``, ``Kilde``, ``Titel``, ``Udgivet``,
``Optaget på baggrundsmaterialet``, tab-separated, then the body) and JSON Lines, plain or
gzipped, in the schema of the shared corpus; PDF, HTML and Word files through
:mod:`baggrund.richfiles`, with their metadata from a sidecar, a manifest or a board header. Every problem becomes a :class:`Problem` that names
the file (and line) and the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .document import Record

__all__ = ["Problem", "read_paths", "iter_files", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 512 * 1024 * 1024
_JSONL = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_TEXT = (".txt", ".text")
_MAX_NUMBER = 999_999_999  # annex numbers and years: anything larger is a mistake
_RICH = (".pdf", ".html", ".htm", ".docx")  # read by baggrund.richfiles
_FORMATS = ".txt, .jsonl, .jsonl.gz, .pdf, .html, .docx"
_SKIPPED = f"skipped: not a supported format ({_FORMATS})"

# Board header labels -> Record fields. Compared case-insensitively, without the colon.
BOARD_FIELDS = {
    "bilagsnr.": "annex",
    "bilagsnr": "annex",
    "land": "country",
    "kilde": "source",
    "titel": "title",
    "udgivet": "published",
    "optaget på baggrundsmaterialet": "added",
}
_HEADER_LINE = re.compile(r"^([^\t:]{1,60}):[ \t]*(.*)$")


@dataclass(frozen=True)
class Problem:
    """A rejected file or line, or a warning. ``str()`` gives the one-line message."""

    origin: str
    message: str
    line: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line else self.origin
        return f"{where}: {self.message}"


def iter_files(paths: list[str | os.PathLike]) -> Iterator[Path | Problem]:
    """Files named and files under folders named, recursively, in sorted order; hidden files
    and folders are skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    if name.lower().endswith(_JSONL + _TEXT + _RICH):
                        yield Path(root) / name
                    elif _companion(Path(root) / name):  # a sidecar or manifest: read with
                        yield from _manifest_problems(Path(root) / name)  # its files
                    else:  # a README or a picture beside the documents: say so, go on
                        yield Problem(str(Path(root) / name), _SKIPPED, warning=True)
        elif path.is_file():
            yield path
        else:
            yield Problem(str(path), "no such file or folder")


def _companion(path: Path) -> bool:
    from .richfiles import is_companion

    return is_companion(path)


def _manifest_problems(path: Path) -> Iterator[Problem]:
    from .richfiles import MANIFEST, manifest_problems

    if path.name.lower() == MANIFEST:
        yield from manifest_problems(path)


def _decode(
    data: bytes, origin: str, warn: Callable[[Problem], None], line: int | None = None
) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
        message = f"not UTF-8 (byte {exc.start}); read as {encoding}"
        warn(Problem(origin, message, line, warning=True))
        return text


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head[:8192]


def read_board(text: str, origin: str) -> Record:
    """Parse one document in the board's text format. Raises ValueError with a message that
    names the line."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    collection = None
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and ":" not in lines[i]:
        collection = lines[i].strip()
        i += 1
    started = False
    while i < len(lines):
        line = lines[i].strip("\ufeff").rstrip()
        if not line.strip():
            if started:
                break
            i += 1
            continue
        m = _HEADER_LINE.match(line)
        key = m.group(1).strip().casefold() if m else None
        if key not in BOARD_FIELDS:
            if not started:
                raise _LineError(i + 1, "no board header (expected lines such as 'Land:<TAB>...')")
            raise _LineError(i + 1, f"malformed header line {line[:60]!r}")
        name = BOARD_FIELDS[key]
        if name in fields:
            raise _LineError(i + 1, f"header field {m.group(1)!r} given twice")
        fields[name] = m.group(2).strip()
        started = True
        i += 1
    for required, label in (("country", "Land"), ("source", "Kilde"), ("title", "Titel")):
        if not fields.get(required):
            raise _LineError(None, f"header has no {label}")
    annex = None
    if fields.get("annex"):
        if not re.fullmatch(r"\d{1,9}", fields["annex"]):
            raise _LineError(None, f"Bilagsnr. is not a number: {fields['annex']!r}")
        annex = int(fields["annex"])
    body = "\n".join(lines[i:])
    return Record(
        origin=origin,
        title=fields["title"],
        country=fields["country"],
        source=fields["source"],
        text=body,
        annex=annex,
        published=fields.get("published") or None,
        added=fields.get("added") or None,
        collection=collection,
        format="board",
    )


class _LineError(ValueError):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line


def _str(obj: dict, key: str, line: int) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _LineError(line, f"field {key!r} must be text, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate such as "\ud800"
        raise _LineError(line, f"field {key!r} has an invalid character at {exc.start}") from None
    return value


def _int(obj: dict, key: str, line: int) -> int | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _LineError(line, f"field {key!r} must be a whole number")
    if isinstance(value, str):
        digits = value.strip()
        if not (digits.isascii() and digits.isdigit()):
            raise _LineError(line, f"field {key!r} must be a whole number, not {value!r}")
        value = int(digits)
    if not 0 <= value <= _MAX_NUMBER:
        raise _LineError(line, f"field {key!r} must be a whole number from 0 to {_MAX_NUMBER}")
    return value


def record_from_json(obj: object, origin: str, line: int) -> Record:
    if not isinstance(obj, dict):
        raise _LineError(line, "not a JSON object")
    for key in ("title", "country", "source", "text"):
        if not _str(obj, key, line):
            raise _LineError(line, f"missing field {key!r}")
    return Record(
        origin=origin,
        line=line,
        external_id=_str(obj, "id", line),
        annex=_int(obj, "annex", line),
        title=obj["title"],
        country=obj["country"],
        source=obj["source"],
        series=_str(obj, "series", line),
        edition_year=_int(obj, "edition_year", line),
        url=_str(obj, "url", line),
        published=_str(obj, "date_published", line) or _str(obj, "published", line),
        added=_str(obj, "date_added", line) or _str(obj, "added", line),
        text=obj["text"],
        format="jsonl",
    )


class _Counting(io.RawIOBase):
    """Wraps a binary file and reports the bytes read, for the progress bar."""

    def __init__(self, raw, report: Callable[[int], None]):
        self.raw, self.report = raw, report

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.raw.readinto(buffer)
        if n:
            self.report(n)
        return n


def _read_jsonl(path: Path, report, warn) -> Iterator[Record | Problem]:
    origin = str(path)
    with open(path, "rb") as fh:
        raw = io.BufferedReader(_Counting(fh, report), 1 << 20)
        stream = gzip.GzipFile(fileobj=raw) if path.name.endswith(".gz") else raw
        lineno = 0
        try:
            for lineno, data in enumerate(stream, start=1):  # noqa: B007
                if not data.strip():
                    continue
                if b"\x00" in data:
                    yield Problem(origin, "binary data, not JSON", lineno)
                    continue
                try:
                    obj = json.loads(_decode(data, origin, warn, lineno))
                    yield record_from_json(obj, origin, lineno)
                except json.JSONDecodeError as exc:
                    yield Problem(origin, f"broken JSON: {exc.msg} (column {exc.colno})", lineno)
                except (ValueError, RecursionError) as exc:  # e.g. a number too long to read
                    yield Problem(origin, f"broken JSON: {exc}", lineno)
                except _LineError as exc:
                    yield Problem(origin, str(exc), exc.line)
        except (OSError, EOFError) as exc:  # a truncated or corrupt gzip file
            yield Problem(origin, f"cannot read past line {lineno}: {exc}", lineno + 1)


def read_paths(
    paths: list[str | os.PathLike],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    report: Callable[[int], None] = lambda n: None,
    warn: Callable[[Problem], None] = lambda p: None,
) -> Iterator[Record | Problem]:
    """Records from every file under ``paths``; a :class:`Problem` for each rejected file or
    line. ``report(n)`` is called with bytes read, ``warn`` with warnings."""
    from .richfiles import Manifests, read_rich

    manifests = Manifests()
    for item in iter_files(paths):
        if isinstance(item, Problem):
            if item.warning:
                warn(item)
            else:
                yield item
            continue
        origin, name = str(item), item.name.lower()
        try:
            size = item.stat().st_size
            if size == 0:
                yield Problem(origin, "empty file")
                continue
            if size > max_bytes:
                yield Problem(origin, f"file of {size:,} bytes is above the limit of {max_bytes:,}")
                report(size)
                continue
            if name.endswith(_JSONL):
                yield from _read_jsonl(item, report, warn)
                continue
            if name.endswith(_RICH):
                data = item.read_bytes()
                report(size)
                yield read_rich(item, data, manifests, warn)
                continue
            if not name.endswith(_TEXT):
                yield Problem(origin, f"unsupported format (expected {_FORMATS})")
                report(size)
                continue
            data = item.read_bytes()
            report(size)
        except OSError as exc:
            yield Problem(origin, f"cannot read: {exc.strerror or exc}")
            continue
        if _looks_binary(data):
            yield Problem(origin, "binary file, not text")
            continue
        text = _decode(data, origin, warn).replace("\r\n", "\n")
        if not text.strip():
            yield Problem(origin, "empty file")
            continue
        try:
            yield read_board(text, origin)
        except _LineError as exc:
            yield Problem(origin, str(exc), exc.line)
