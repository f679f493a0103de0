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
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .document import Record, web_address
from .limits import DEFAULT_MAX_BYTES, Limits

__all__ = ["Problem", "read_paths", "iter_files", "DEFAULT_MAX_BYTES", "Limits", "SUFFIXES"]

_JSONL = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_TEXT = (".txt", ".text")
_MAX_NUMBER = 999_999_999  # annex numbers and years: anything larger is a mistake
_RICH = (".pdf", ".html", ".htm", ".docx")  # read by baggrund.richfiles
_FORMATS = ".txt, .jsonl, .jsonl.gz, .pdf, .html, .docx"
SUFFIXES = (*_TEXT, *_JSONL, *_RICH)  # every file name ending ingest reads
_SKIPPED = f"skipped: not a supported format ({_FORMATS})"
# A folder's own notes (what it holds, its licence, its provenance) are not background
# material: not read, and listed once in the summary rather than warned about on every run.
_NOTE = re.compile(
    r"(readme|license|licence|copying|notice|provenance|changelog|authors)"
    r"(\.(md|markdown|rst|txt))?", re.IGNORECASE,
)  # fmt: skip
_NOTE_MESSAGE = "a note on the folder, not background material: not read"

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
    """A rejected file or line, or a warning (``note``: a folder's README or licence, which is
    not read). ``str()`` gives the one-line message."""

    origin: str
    message: str
    line: int | None = None
    warning: bool = False
    note: bool = False

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
                    if _NOTE.fullmatch(name):
                        yield Problem(
                            str(Path(root) / name), _NOTE_MESSAGE, warning=True, note=True
                        )
                    elif name.lower().endswith(_JSONL + _TEXT + _RICH):
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
        if m is None or key not in BOARD_FIELDS:
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


def _url(obj: dict, line: int, warn: Callable[[str], None]) -> str | None:
    url = _str(obj, "url", line)
    if url is None or web_address(url):
        return url
    warn(f"field 'url' is not an http:// or https:// address ({url[:80]!r}); not stored")
    return None


def record_from_json(
    obj: object, origin: str, line: int, warn: Callable[[str], None] = lambda message: None
) -> Record:
    """A record from a JSON object (a line of JSON Lines, a sidecar, a manifest row). Raises
    ``_LineError``; ``warn(message)`` is told of a field left out (an address that is not
    http or https)."""
    if not isinstance(obj, dict):
        raise _LineError(line, "not a JSON object")
    for key in ("title", "country", "source", "text"):
        if not _str(obj, key, line):
            raise _LineError(line, f"missing field {key!r}")
    ident = _str(obj, "id", line)
    if ident is not None and not ident.strip():
        raise _LineError(line, "field 'id' is blank")
    return Record(
        origin=origin,
        line=line,
        external_id=ident,
        annex=_int(obj, "annex", line),
        title=obj["title"],
        country=obj["country"],
        source=obj["source"],
        series=_str(obj, "series", line),
        edition_year=_int(obj, "edition_year", line),
        url=_url(obj, line, warn),
        published=_str(obj, "date_published", line) or _str(obj, "published", line),
        added=_str(obj, "date_added", line) or _str(obj, "added", line),
        modified=_str(obj, "date_modified", line) or _str(obj, "modified", line),
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


_CHUNK = 1 << 16  # decompressed bytes read at a time: what a damaged gzip file may lose
_CONTENT = re.compile(rb"[^ \t\r\n\f\v]")


@dataclass(frozen=True)
class _Damage:
    """Where a gzip file stops being readable: ``lines`` complete lines before it, and whether
    those lines can be kept (a truncated or broken stream) or not (a wrong checksum: the
    compressed data decoded to something else somewhere, and nothing shows where)."""

    lines: int
    message: str
    keep: bool = True


def _gzip_damage(path: Path, max_bytes: int) -> _Damage | None:
    """Decompress a gzip file once without keeping it, to find damage and the decompressed
    size before any of its records is used."""
    lines = total = 0
    try:
        with gzip.open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    return _Damage(0, f"decompresses to more than {max_bytes:,} bytes, above the"
                                   " limit (--max-size); not read", keep=False)  # fmt: skip
                lines += chunk.count(b"\n")
    except EOFError:  # the stream stops before its end marker
        return _Damage(lines, f"truncated gzip file: cannot read past line {lines}")
    except zlib.error:
        return _Damage(lines, _corrupt(lines, "the rest of the file is not read"))
    except gzip.BadGzipFile as exc:
        if total == 0:
            return _Damage(0, "cannot read: not a gzip file", keep=False)
        if "CRC" in str(exc) or "length" in str(exc):
            return _Damage(0, "corrupt gzip data (its checksum does not match): nothing read"
                           " from this file", keep=False)  # fmt: skip
        return _Damage(lines, _corrupt(lines, "the rest of the file is not read"))
    return None


def _corrupt(lines: int, rest: str) -> str:
    where = f"after line {lines}" if lines else "at the start"
    return f"corrupt gzip data {where}; {rest}"


def _lines(stream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of each line of ``stream`` that is not blank, read in chunks (so
    that a million blank lines cost no more than a megabyte of text); ``None`` for a line
    longer than ``limit`` bytes, which is skipped without being kept."""
    number = 1  # of the line that starts at ``pos``
    pieces: list[bytes] = []  # the start of a line that goes on in the next chunk
    size = 0
    too_long = False
    while chunk := stream.read(_CHUNK):
        pos = 0
        if pieces or too_long:  # a line begun in an earlier chunk
            end = chunk.find(b"\n")
            if end < 0:
                size += len(chunk)
                if not too_long:
                    pieces.append(chunk)
                    if size > limit:
                        pieces, too_long = [], True
                continue
            line = None if too_long or size + end > limit else b"".join([*pieces, chunk[:end]])
            pieces, size, too_long = [], 0, False
            yield number, line
            number, pos = number + 1, end + 1
        while (m := _CONTENT.search(chunk, pos)) is not None:
            start = chunk.rfind(b"\n", pos, m.start()) + 1 or pos
            number += chunk.count(b"\n", pos, start)
            end = chunk.find(b"\n", m.start())
            if end < 0:
                pieces, size = [chunk[start:]], len(chunk) - start
                too_long = size > limit
                pos = len(chunk)
                break
            yield number, (chunk[start:end] if end - start <= limit else None)
            number, pos = number + 1, end + 1
        else:
            number += chunk.count(b"\n", pos)
    if pieces or too_long:
        yield number, None if too_long else b"".join(pieces)


def too_long(size: int, limits: Limits) -> str:
    return (
        f"{size:,} bytes of text, above the limit of {limits.max_record_bytes:,} bytes for one"
        " document"
    )


def _read_jsonl(path: Path, limits: Limits, report, warn) -> Iterator[Record | Problem]:
    origin = str(path)
    damage = None
    if path.name.endswith(".gz"):
        damage = _gzip_damage(path, limits.max_bytes)
        if damage is not None and not damage.keep:
            yield Problem(origin, damage.message, damage.lines + 1 if damage.lines else None)
            report(path.stat().st_size)
            return
    with open(path, "rb") as fh:
        raw = io.BufferedReader(_Counting(fh, report), 1 << 20)
        stream = gzip.GzipFile(fileobj=raw) if path.name.endswith(".gz") else raw
        last = 0
        try:
            for lineno, data in _lines(stream, limits.max_record_bytes):
                if damage is not None and lineno > damage.lines:
                    break
                last = lineno
                if data is None:
                    message = f"line longer than the limit of {limits.max_record_bytes:,} bytes"
                    yield Problem(origin, message + " for one record; skipped", lineno)
                    continue
                yield _json_line(data, origin, lineno, warn)
        except (OSError, EOFError, zlib.error) as exc:  # a disk error, or changed since checked
            reason = getattr(exc, "strerror", None) or " ".join(str(exc).split())
            damage = damage or _Damage(last, f"cannot read past line {last}: {reason}")
    if damage is not None:
        yield Problem(origin, damage.message, damage.lines + 1 if damage.lines else None)


def _json_line(data: bytes, origin: str, lineno: int, warn) -> Record | Problem:
    if b"\x00" in data:
        return Problem(origin, "binary data, not JSON", lineno)
    try:
        obj = json.loads(_decode(data, origin, warn, lineno))
        return record_from_json(
            obj, origin, lineno, lambda message: warn(Problem(origin, message, lineno, True))
        )
    except json.JSONDecodeError as exc:
        return Problem(origin, f"broken JSON: {exc.msg} (column {exc.colno})", lineno)
    except _LineError as exc:
        return Problem(origin, str(exc), exc.line)
    except (ValueError, RecursionError) as exc:  # e.g. a number too long to read
        return Problem(origin, f"broken JSON: {exc}", lineno)


def read_paths(
    paths: list[str | os.PathLike],
    *,
    max_bytes: int | None = None,
    limits: Limits | None = None,
    report: Callable[[int], None] = lambda n: None,
    warn: Callable[[Problem], None] = lambda p: None,
    sandbox=None,
) -> Iterator[Record | Problem]:
    """Records from every file under ``paths``; a :class:`Problem` for each rejected file or
    line. ``limits`` (``max_bytes`` overrides its ``max_bytes``) bound what one file may cost;
    ``report(n)`` is called with bytes read, ``warn`` with warnings. PDF, HTML and Word files
    are read in a :class:`~baggrund.sandbox.Sandbox`: ``sandbox``, one to reuse across calls,
    or one started for this call."""
    from .richfiles import Manifests, RichReader

    limits = limits or Limits()
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    with RichReader(limits, sandbox) as rich:
        yield from _read_all(paths, limits, rich, Manifests(), report, warn)


def _read_all(paths, limits: Limits, rich, manifests, report, warn) -> Iterator[Record | Problem]:
    max_bytes = limits.max_bytes
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
                yield from _read_jsonl(item, limits, report, warn)
                continue
            if name.endswith(_RICH):
                data = item.read_bytes()
                report(size)
                yield rich.read(item, data, manifests, warn)
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
        if size > limits.max_record_bytes:
            yield Problem(origin, too_long(size, limits))
            continue
        text = _decode(data, origin, warn).replace("\r\n", "\n")
        if not text.strip():
            yield Problem(origin, "empty file")
            continue
        try:
            yield read_board(text, origin)
        except _LineError as exc:
            yield Problem(origin, str(exc), exc.line)
