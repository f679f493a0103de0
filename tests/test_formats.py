"""PDF, HTML and Word files through ``baggrund ingest``: text, sections, pages and citations from
files the tests write (fpdf2, python-docx, HTML by hand), their metadata from a sidecar, a
manifest or a board header, and bad input rejected with nothing stored."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from baggrund.library import Library

from .format_files import (
    CLUTTER_HTML,
    EMPTY_HTML,
    HEADER,
    encrypt,
    require_formats,
    sidecar,
    write_board_pdf,
    write_docx,
    write_pdf,
    write_scan,
)

require_formats()


def ingest(db: str, *paths: Path):
    with Library.open(db) as lib:
        summary = lib.ingest(list(paths))
        return summary, lib.stats()["documents"]


def passages(db: str, key: str) -> list[dict]:
    """The passages of a document, with anchors local to it (``section/number``)."""
    with Library.open(db) as lib:
        found = lib.document(key)["passages"]
    return [{**p, "anchor": p["anchor"].removeprefix(f"{key}/")} for p in found]


def rejection(summary, path: Path) -> str:
    [event] = [e for e in summary.rejected if e.origin == str(path)]
    assert "\n" not in event.message
    return f"{event.where()}: {event.message}"


# -- PDF ------------------------------------------------------------------------------------------


@pytest.fixture
def report_pdf(tmp_path) -> Path:
    path = write_pdf(tmp_path / "report.pdf")
    sidecar(path)
    return path


def test_pdf_passages_have_sections_and_pages_without_running_headers(db, report_pdf):
    summary, count = ingest(db, report_pdf)
    assert summary.ok and summary.added == 1 and count == 1
    found = passages(db, "AZE-1")
    anchors = [(p["anchor"], p["page"]) for p in found]
    assert anchors == [
        ("freedom-of-movement/1", "1"),
        ("freedom-of-movement/2", "1"),
        ("freedom-of-movement/3", "1–2"),
        ("detention-conditions/1", "2"),
        ("returnees/1", "3"),
        ("returnees/2", "3"),
    ]
    text = "\n".join(p["text"] for p in found)
    assert HEADER not in text and "Page " not in text  # running header and footer gone
    # the paragraph broken by the page break in mid-sentence is one passage
    assert found[2]["text"] == (
        "In March the authorities detained the journalists who had reported on the protests in"
        " Ganja and held them for ten days without charge."
    )
    # a hyphenated line end is joined; a word hyphenated elsewhere in the text keeps its hyphen
    assert "the government did not publish them. Well-known critics" in found[1]["text"]
    # the two-column page, written row by row, is read column by column
    assert found[4]["text"].startswith("LEFTCOL Returnees") and "RIGHTCOL" not in found[4]["text"]
    assert found[5]["text"].startswith("RIGHTCOL Rejected") and "LEFTCOL" not in found[5]["text"]


def test_pdf_citation_gives_the_page(db, report_pdf):
    ingest(db, report_pdf)
    with Library.open(db) as lib:
        one = lib.passage("AZE-1/detention-conditions/1")
        assert one.page == "2" and one.to_dict()["page"] == "2"
        assert one.citation.endswith(
            "section ‘Detention Conditions’, paragraph 1, p. 2 [AZE-1/detention-conditions/1]"
        )
        assert ", 1. afsnit, s. 2 [AZE-1/detention-conditions/1]" in one.citation_da
        both = lib.passage("AZE-1/freedom-of-movement/3")
        assert "paragraph 3, pp. 1–2 [" in both.citation
        hit = lib.search("journalists Ganja").hits[0]
        assert hit.anchor == "AZE-1/freedom-of-movement/3" and "pp. 1–2" in hit.citation
        assert hit.page == "1–2" and hit.to_dict()["page"] == "1–2"
        doc = lib.document("AZE-1")
        assert (
            doc["title"] == "Azerbaijan: Country Focus"
            and doc["source"] == "European Union Agency for Asylum"
        )


def test_pdf_reingested_is_unchanged(db, report_pdf):
    ingest(db, report_pdf)
    summary, count = ingest(db, report_pdf)
    assert summary.unchanged == 1 and count == 1


def test_bad_pdfs_are_rejected_and_nothing_is_stored(db, tmp_path, report_pdf):
    bad = tmp_path / "bad"
    bad.mkdir()
    corrupt = bad / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage\n%%EOF")
    locked = encrypt(report_pdf, bad / "locked.pdf")
    empty = bad / "empty.pdf"
    empty.write_bytes(b"")
    scan = write_scan(bad / "scan.pdf")
    for path in (corrupt, locked, empty, scan):
        sidecar(path, id=path.stem)
    summary, count = ingest(db, bad)
    assert count == 0 and summary.added == 0 and len(summary.rejected) == 4
    assert "not a readable PDF" in rejection(summary, corrupt)
    assert "encrypted PDF that needs a password" in rejection(summary, locked)
    assert rejection(summary, empty) == f"{empty}: empty file"
    assert "without a text layer" in rejection(summary, scan)
    assert "OCR is not supported" in rejection(summary, scan)


def test_missing_metadata_is_one_line_naming_file_and_fields(db, tmp_path):
    path = write_pdf(tmp_path / "report.pdf")
    sidecar(path, country=None, source=None)
    summary, count = ingest(db, path)
    assert count == 0
    assert rejection(summary, path) == (
        f"{path}: no country, no source (give it in report.json, a manifest.csv row or a"
        " board header)"
    )


def test_sidecar_with_bad_json_names_file_and_line(db, tmp_path):
    path = write_pdf(tmp_path / "report.pdf")
    side = path.with_suffix(".json")
    side.write_text('{\n  "country": "Azerbaijan",\n  "source": "EUAA"\n  "title": "x"\n}\n')
    summary, count = ingest(db, path)
    assert count == 0
    [event] = summary.rejected
    assert event.origin == str(side) and event.line == 4
    assert "broken JSON" in event.message and "report.pdf not ingested" in event.message


# -- manifest and board header --------------------------------------------------------------------


def test_manifest_gives_metadata_and_a_row_naming_a_missing_file_is_rejected(db, tmp_path):
    folder = tmp_path / "mission"
    folder.mkdir()
    write_docx(folder / "journalists.docx")
    (folder / "azerbaijan.html").write_text(CLUTTER_HTML)
    with open(folder / "manifest.csv", "w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["file", "id", "country", "source", "title", "date_published"])
        out.writerow(["journalists.docx", "dis-aze-1", "AZE", "Udlændingestyrelsen",
                      "Azerbaijan: Situation of Journalists", "2024-05-02"])  # fmt: skip
        out.writerow(["azerbaijan.html", "usdos-aze-2024", "Azerbaijan", "US Department of State",
                      "2024 Country Reports on Human Rights Practices: Azerbaijan", ""])  # fmt: skip
        out.writerow(["missing.pdf", "x", "AZE", "EUAA", "Gone", ""])
    summary, count = ingest(db, folder)
    assert count == 2 and summary.added == 2 and not summary.warnings
    [event] = summary.rejected
    assert event.where() == f"{folder / 'manifest.csv'}:4"
    assert event.message == "no such file: missing.pdf"


def test_board_header_in_the_text_gives_the_metadata(db, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Flygtningenævnets baggrundsmateriale")
    for line in ("Bilagsnr.:\t412", "Land:\tAserbajdsjan", "Kilde:\tAmnesty International",
                 "Titel:\tAzerbaijan: Crackdown on Critics", "Udgivet:\t3. marts 2024"):  # fmt: skip
        document.add_paragraph(line)
    document.add_heading("Arrests", 1)
    document.add_paragraph("Critics of the government were arrested on fabricated charges.")
    path = tmp_path / "amnesty.docx"
    document.save(str(path))
    summary, _ = ingest(db, path)
    assert summary.ok and summary.added == 1
    with Library.open(db) as lib:
        doc = lib.document("AZE-412")
        assert doc["source"] == "Amnesty International" and doc["published"] == "2024-03-03"
        assert [p["anchor"] for p in doc["passages"]] == ["AZE-412/arrests/1"]
        cited = lib.passage("AZE-412/arrests/1")
        # the board's line is kept with the document; citations use the library's one name
        assert doc["collection"] == "Flygtningenævnets baggrundsmateriale"
        assert cited.citation_da.startswith("Baggrundsmateriale, Aserbajdsjan,")
        assert cited.page is None and "s. " not in cited.citation_da.split("udgivet")[1]


def test_board_header_in_a_pdf(db, tmp_path):
    path = write_board_pdf(tmp_path / "board.pdf")  # no sidecar, no manifest
    summary, _ = ingest(db, path)
    assert summary.ok and summary.added == 1
    with Library.open(db) as lib:
        doc = lib.document("AZE-367")
        assert doc["added"] == "2024-07-22" and doc["published"] == "2024-06-24"
        cited = lib.passage("AZE-367/protection/1")
        assert cited.citation_da == (
            "Baggrundsmateriale, Aserbajdsjan, bilag 367: US Department of State,"
            " »2024 Trafficking in Persons Report: Azerbaijan«, udgivet 24. juni 2024,"
            " under »PROTECTION«, 1. afsnit, s. 1 [AZE-367/protection/1]"
        )


# -- HTML -----------------------------------------------------------------------------------------


def test_html_main_text_with_headings_as_sections(db, tmp_path):
    path = tmp_path / "azerbaijan.htm"
    path.write_text(CLUTTER_HTML)
    sidecar(path, id="usdos", source="US Department of State",
            title="2024 Country Reports on Human Rights Practices: Azerbaijan")  # fmt: skip
    summary, _ = ingest(db, path)
    assert summary.ok
    found = passages(db, "AZE-1")
    assert [p["anchor"] for p in found] == [
        "section-1-respect-for-the-integrity-of-the/1",
        "prison-and-detention-center-conditions/1",
        "prison-and-detention-center-conditions/2",
        "section-2-respect-for-civil-liberties/1",
        "section-2-respect-for-civil-liberties/2",
    ]
    text = "\n".join(p["text"] for p in found)
    for clutter in ("Home", "About the Bureau", "Skip to main", "Copyright", "Facebook", "**"):
        assert clutter not in text
    assert found[0]["text"].endswith("during the year, and human rights organisations"
                                     " documented several deaths in custody.")  # fmt: skip
    assert found[-1]["text"] == "Year | Journalists detained\n2023 | 13\n2024 | 25"
    assert all(p["page"] is None for p in found)
    with Library.open(db) as lib:
        cited = lib.passage(f"AZE-1/{found[1]['anchor']}").citation
        assert "section ‘Prison and Detention Center Conditions’, paragraph 1 [AZE-1/" in cited


def test_html_without_main_text_is_rejected(db, tmp_path):
    path = tmp_path / "index.html"
    path.write_text(EMPTY_HTML)
    sidecar(path)
    summary, count = ingest(db, path)
    assert count == 0
    assert "HTML page without main text" in rejection(summary, path)


# -- Word -----------------------------------------------------------------------------------------


def test_docx_headings_from_styles_and_tables(db, tmp_path):
    path = write_docx(tmp_path / "journalists.docx")
    sidecar(path, id="dis", source="Udlændingestyrelsen",
            title="Azerbaijan: Situation of Journalists")  # fmt: skip
    summary, _ = ingest(db, path)
    assert summary.ok
    found = passages(db, "AZE-1")
    assert [(p["anchor"], p["text"]) for p in found] == [
        ("intro/1", "This report was written by the Danish Immigration Service after a"
         " fact-finding mission to Baku in March 2024."),
        ("arrests/1", "Journalists working for independent outlets were arrested on smuggling"
         " charges."),
        ("abzas-media/1", "Seven staff members of Abzas Media were detained in November 2023."),
        ("abzas-media/2", "Year | Arrests\n2024 | 25"),
    ]  # fmt: skip
    with Library.open(db) as lib:
        section = lib.document("AZE-1")["sections"]
        assert [s["path"] for s in section if s["heading"]][-1] == ["Arrests", "Abzas Media"]


def test_broken_docx_is_rejected(db, tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip file")
    sidecar(path)
    summary, count = ingest(db, path)
    assert count == 0 and "not a readable Word (.docx) file" in rejection(summary, path)


def test_cli_ingests_a_folder_of_formats(cli, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    sidecar(write_pdf(folder / "report.pdf"))
    (folder / "page.html").write_text(CLUTTER_HTML)
    sidecar(folder / "page.html", id="usdos", title="Azerbaijan 2024")
    lines = cli.json_lines("ingest", str(folder), "--json")
    assert lines[-1]["summary"]["added"] == 2 and lines[-1]["summary"]["rejected"] == []
    assert not lines[-1]["summary"]["warnings"]  # sidecars are not "unsupported files"
    [annex] = [e["annex"] for e in lines[:-1] if e["origin"].endswith("report.pdf")]
    shown = json.loads(cli("show", f"AZE-{annex}/detention-conditions/1", "--json").output)
    assert shown["page"] == "2" and "p. 2 [" in shown["citation"]


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_every_store_keeps_pages_and_a_copy_keeps_them(kind, tmp_path):
    from baggrund.store import open_store
    from baggrund.transfer import copy_library

    from .test_store_contract import fresh_store

    pdf = write_pdf(tmp_path / "report.pdf")
    sidecar(pdf)
    with fresh_store(kind, tmp_path) as url:
        source = open_store(url)
        with Library(source) as lib:
            assert lib.ingest([pdf]).added == 1
            cited = lib.passage("AZE-1/freedom-of-movement/3")
            assert cited.page == "1–2" and "pp. 1–2 [" in cited.citation
            assert lib.search("journalists Ganja").hits[0].citation == cited.citation
            target = open_store(str(tmp_path / "copy.db"))
            copy_library(source, target)
            with Library(target) as copied:
                assert copied.passage("AZE-1/freedom-of-movement/3").citation == cited.citation
                pages = [p["page"] for p in copied.document("AZE-1")["passages"]]
                assert pages == ["1", "1", "1–2", "2", "3", "3"]


def test_missing_extra_is_a_one_line_rejection(db, tmp_path, monkeypatch):
    for module in ("pdfminer", "trafilatura", "docx"):
        monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    pdf = write_pdf(tmp_path / "report.pdf")
    page = tmp_path / "page.html"
    page.write_text(CLUTTER_HTML)
    for path in (pdf, page):
        sidecar(path, id=path.name)
    summary, count = ingest(db, pdf, page)
    assert count == 0
    assert rejection(summary, pdf) == (
        f"{pdf}: reading PDF needs the 'formats' extra: pip install 'baggrund[formats]'"
    )
    assert "reading HTML needs the 'formats' extra" in rejection(summary, page)
