"""Fuzz targets for every reader of ``baggrund ingest``: arbitrary bytes and mutated valid files
(board text, JSON Lines plain and gzipped, PDF, HTML, Word). The property: ``read_paths`` yields
only Records and one-line Problems, ``prepare`` raises only BaggrundError, and nothing hangs
(the limits stop a slow file). Used briefly by tests/test_fuzz_readers.py and at length by
bench/fuzz_readers.py."""

from __future__ import annotations

import gzip
import io
import json
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from baggrund.document import Record, prepare
from baggrund.errors import BaggrundError
from baggrund.limits import Limits
from baggrund.reader import Problem, read_paths

from .format_files import CLUTTER_HTML, write_docx, write_pdf

READERS = ("board", "jsonl", "jsonl.gz", "pdf", "html", "docx")
SUFFIX = {"board": ".txt", "jsonl": ".jsonl", "jsonl.gz": ".jsonl.gz", "pdf": ".pdf",
          "html": ".html", "docx": ".docx"}  # fmt: skip
RICH = ("pdf", "html", "docx")
# Short limits, so that a slow mutant costs seconds, not minutes
LIMITS = Limits(rich_seconds=10, page_seconds=5)

BOARD = """Flygtningenævnets baggrundsmateriale

Bilagsnr.:\t367
Land:\tAserbajdsjan
Kilde:\tUS Department of State
Titel:\t2024 Trafficking in Persons Report: Azerbaijan
Udgivet:\t24. juni 2024
Optaget på baggrundsmaterialet:\t22. juli 2024

PROTECTION

The government decreased protection efforts. Authorities identified 96 victims.

# Prosecution

Courts convicted 44 traffickers, compared with 60 the year before.
"""


def _json_lines() -> bytes:
    lines = [
        {
            "id": f"fz-{i}",
            "country": "Iran",
            "source": "Amnesty International",
            "title": f"Iran: report {i}",
            "edition_year": 2023,
            "url": "https://example.org/r",
            "date_published": "2023-05-0" + str(i + 1),
            "text": f"## Arrests\n\nReport {i} describes arrests of protesters.\n\nDetainees"
            " were held without a lawyer.",
        }  # fmt: skip
        for i in range(3)
    ]
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode()


def seeds(folder: Path) -> dict[str, bytes]:
    """A valid file of each reader's format."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "board": BOARD.encode(),
        "jsonl": _json_lines(),
        "jsonl.gz": gzip.compress(_json_lines(), mtime=0),
        "pdf": write_pdf(folder / "seed.pdf").read_bytes(),
        "html": CLUTTER_HTML.encode(),
        "docx": write_docx(folder / "seed.docx").read_bytes(),
    }


def _rezip(seed: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = content if info.filename == name else source.read(info)
            target.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


@st.composite
def mutated(draw, seed: bytes, container: str | None = None) -> bytes:
    """``seed`` with a few random edits: flipped bytes, inserted or deleted runs, a cut, a
    repeated run; for gzip and zip (.docx), edits of the compressed bytes, or of the text (of
    one member) then compressed again."""
    if container == "gzip" and draw(st.booleans()):
        return gzip.compress(draw(mutated(gzip.decompress(seed))), mtime=0)
    if container == "zip" and draw(st.booleans()):
        with zipfile.ZipFile(io.BytesIO(seed)) as archive:
            names = sorted(i.filename for i in archive.infolist())
            name = draw(st.sampled_from(["word/document.xml", "word/styles.xml", *names]))
            content = archive.read(name)
        return _rezip(seed, name, draw(mutated(content)))
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "cut", "repeat", "byte"]))
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "byte":
            data[pos] = draw(st.sampled_from([0, 0x0A, 0x22, 0x5C, 0x7B, 0x28, 0xFF, 0xC3]))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 256))]
        elif op == "cut":
            del data[pos:]
        else:
            run = data[pos : pos + draw(st.integers(1, 128))]
            data[pos:pos] = run * draw(st.integers(1, 50))
    return bytes(data)


def inputs(seed: bytes, reader: str) -> st.SearchStrategy[bytes]:
    """Arbitrary bytes, mutated seeds, and (for the text formats) arbitrary text."""
    container = {"jsonl.gz": "gzip", "docx": "zip"}.get(reader)
    options = [st.binary(max_size=4096), mutated(seed, container)]
    if reader in ("board", "jsonl", "html"):
        options.append(st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")))
    return st.one_of(*options)


@dataclass
class Tally:
    """What a fuzz run saw."""

    examples: int = 0
    records: int = 0
    stored: int = 0  # records that prepare accepted
    outcomes: Counter = field(default_factory=Counter)  # first words of each problem
    slowest: float = 0.0

    def add(self, other: Tally) -> None:
        self.examples += other.examples
        self.records += other.records
        self.stored += other.stored
        self.outcomes.update(other.outcomes)
        self.slowest = max(self.slowest, other.slowest)


SIDECAR = {"id": "fz", "country": "Iran", "source": "EUAA", "title": "Iran: fuzzed"}


def check(reader: str, data: bytes, folder: Path, sandbox) -> Tally:
    """Ingest ``data`` as a file of ``reader``'s format, as far as the store: every item is a
    Record or a one-line Problem, and prepare accepts a record or raises BaggrundError."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    path = folder / f"fuzz{SUFFIX[reader]}"
    path.write_bytes(data)
    if reader in RICH:
        path.with_suffix(".json").write_text(json.dumps(SIDECAR))
    tally = Tally(examples=1)
    start = time.monotonic()
    for item in read_paths([path], limits=LIMITS, sandbox=sandbox, warn=_one_line):
        if isinstance(item, Problem):
            _one_line(item)
            tally.outcomes[" ".join(item.message.split()[:3])] += 1
            continue
        assert isinstance(item, Record), item
        tally.records += 1
        try:
            prepare(item)
            tally.stored += 1
        except BaggrundError as exc:
            assert "\n" not in str(exc), exc
            tally.outcomes["prepare: " + " ".join(str(exc).split()[:3])] += 1
    tally.slowest = time.monotonic() - start
    return tally


def _one_line(problem: Problem) -> None:
    assert isinstance(problem, Problem), problem
    assert problem.message.strip() and "\n" not in str(problem), repr(problem)
