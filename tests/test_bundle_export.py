"""Bundle exports as files: Word and PDF on A4 with their own metadata (title, the case reference,
the library's name as author, created now, baggrund as the application), and no export, from
the library or the command line, naming where the library lies on the machine."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import zipfile
import zlib
from pathlib import Path

import docx
import pypdf
import pytest

from baggrund.bundle_export import export_bundle
from baggrund.library import Library

from .conftest import BOARD_SAMPLE, Cli
from .test_bundle import P1, P4, board, exported  # noqa: F401
from .test_store_contract import library, store_url  # noqa: F401

REF = "FN-2026-0412"
A4_POINTS = (595.28, 841.89)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _docx_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode("utf-8", "replace") for n in archive.namelist()}


def _pdf_text(data: bytes) -> str:
    """Every byte of a PDF as text, its compressed streams unpacked."""
    parts = [data.decode("latin-1")]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(stream).decode("latin-1"))
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    return "\n".join([*parts, text])


def test_word_export_is_a4_with_the_bundles_own_metadata(exported):  # noqa: F811
    before = _now()
    data, _ = exported.export_bundle(REF, "docx", lang="da")
    after = _now()
    doc = docx.Document(io.BytesIO(data))
    for section in doc.sections:
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert re.search(r'<w:pgSz w:w="11906" w:h="16838"/>', _docx_parts(data)["word/document.xml"])
    core = doc.core_properties
    assert core.title == f"Baggrundsmateriale, der henvises til: {REF}"
    assert core.subject == f"{REF} — Azerbaijan, trafficking" and core.keywords == REF
    assert core.author == core.last_modified_by == "Baggrundsmateriale"  # no name configured
    assert core.comments == "2 uddrag fra 1 bilag" and core.language == "da-DK"
    for moment in (core.created, core.modified):
        assert before <= moment.replace(tzinfo=dt.UTC) <= after
    parts = _docx_parts(data)
    assert "python-docx" not in parts["docProps/core.xml"]
    app = parts["docProps/app.xml"]
    assert re.search(r"<Application>baggrund \d+\.\d+\.\d+</Application>", app)
    assert "Microsoft" not in app and "<Pages>" not in app  # no template counts either


def test_pdf_export_is_a4_with_the_bundles_own_metadata(exported):  # noqa: F811
    before = _now()
    data, _ = exported.export_bundle(REF, "pdf")
    after = _now()
    reader = pypdf.PdfReader(io.BytesIO(data))
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == (
            A4_POINTS
        )
    meta = reader.metadata
    assert meta.title == f"Background material relied on: {REF}"
    assert meta.subject == f"{REF} — Azerbaijan, trafficking"
    assert meta["/Keywords"] == REF and meta.author == "Background material"
    assert re.fullmatch(r"baggrund \d+\.\d+\.\d+", meta.creator)
    assert before <= meta.creation_date.astimezone(dt.UTC) <= after


def test_the_library_name_is_the_author_and_in_the_title_block(board, monkeypatch):  # noqa: F811
    name = "Flygtningenævnet & <sekretariatet>"
    ref = 'FN "<1>" & co'  # a case reference is printable text, markup included
    board.new_bundle(ref)
    board.add_to_bundle(ref, [P4])
    monkeypatch.setenv("BAGGRUND_NAME", f"  {name}\n")
    assert board.name == name
    md = board.export_bundle(ref, "md")[0].decode()
    assert f"Library: {name}  \n" in md
    doc = docx.Document(io.BytesIO(board.export_bundle(ref, "docx")[0]))
    assert doc.core_properties.author == name and doc.core_properties.keywords == ref
    assert f"Library: {name}" in [p.text for p in doc.paragraphs]
    pdf = pypdf.PdfReader(io.BytesIO(board.export_bundle(ref, "pdf", lang="da")[0]))
    assert pdf.metadata.author == name and pdf.metadata["/Keywords"] == ref
    assert f"Bibliotek: {name}" in pdf.pages[0].extract_text()
    named = Library(board.store, "Landinfo")  # a name given when opening comes first
    assert named.name == "Landinfo"
    monkeypatch.setenv("BAGGRUND_NAME", "   ")
    assert board.name is None  # blank is no name


def test_the_moment_of_export_is_given_in_utc_and_the_date_locally(exported):  # noqa: F811
    resolved = exported.resolve_bundle(REF)
    copenhagen = dt.timezone(dt.timedelta(hours=1))
    now = dt.datetime(2026, 3, 1, 0, 30, tzinfo=copenhagen)  # still 28 February in UTC
    doc = docx.Document(io.BytesIO(export_bundle(resolved, "docx", now=now)))
    assert doc.core_properties.created == dt.datetime(2026, 2, 28, 23, 30, tzinfo=dt.UTC)
    assert "Date: 1 March 2026" in [p.text for p in doc.paragraphs]
    pdf = pypdf.PdfReader(io.BytesIO(export_bundle(resolved, "pdf", now=now)))
    assert pdf.metadata.creation_date.astimezone(dt.UTC) == now
    md = export_bundle(resolved, "md", lang="da", now=now).decode()
    assert "Dato: 1. marts 2026" in md


def _places(lib: Library) -> list[str]:
    """How the library's location could show: the file and its folder, or the database URL,
    its host and database name."""
    where = lib.location
    if where.startswith("postgres"):
        from urllib.parse import urlsplit

        parts = urlsplit(where)
        return [where, parts.netloc.rsplit("@", 1)[-1], parts.path.strip("/")]
    return [where, str(Path(where).parent), Path(where).name]


def test_no_export_names_where_the_library_lies(exported):  # noqa: F811
    places = _places(exported)
    assert places[0]  # the store has a location to leak
    for lang in ("en", "da"):
        texts = {
            "md": exported.export_bundle(REF, "md", lang=lang)[0].decode(),
            "docx": "\n".join(
                _docx_parts(exported.export_bundle(REF, "docx", lang=lang)[0]).values()
            ),
            "pdf": _pdf_text(exported.export_bundle(REF, "pdf", lang=lang)[0]),
        }
        assert P4 in texts["md"] and P4 in texts["docx"] and "AZE-367" in texts["pdf"]
        for fmt, text in texts.items():
            for place in places:
                assert place not in text, (fmt, lang, place)


def test_the_command_line_export_names_no_local_path(tmp_path):
    folder = tmp_path / "private-case-folder"
    folder.mkdir()
    cli = Cli(str(folder / "cases.db"))
    cli("ingest", str(BOARD_SAMPLE))
    cli("bundle", "new", "FN-1", "--title", "Trafficking")
    cli("bundle", "add", "FN-1", P4, P1)
    md = cli("bundle", "export", "FN-1", "-o", "-").stdout
    assert "Library: Background material" in md and "private-case-folder" not in md
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"out.{fmt}"
        cli("--lang", "da", "bundle", "export", "FN-1", "--format", fmt, "-o", str(out))
        data = out.read_bytes()
        text = "\n".join(_docx_parts(data).values()) if fmt == "docx" else _pdf_text(data)
        assert "private-case-folder" not in text and str(tmp_path) not in text, fmt
        assert "Baggrundsmateriale" in text


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md"])
def test_an_unknown_or_empty_bundle_exports_nothing(exported, fmt):  # noqa: F811
    from baggrund.errors import NotFound

    with pytest.raises(NotFound):
        exported.export_bundle("no such case", fmt)
    exported.new_bundle("empty")
    data = exported.export_bundle("empty", fmt)[0]
    assert data  # an empty bundle is still a document with its title block
