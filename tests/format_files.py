"""Files in the formats that ``baggrund ingest`` reads besides text and JSON Lines, written by
the tests themselves: PDF (fpdf2), HTML and Word (python-docx)."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
from pathlib import Path

import pytest

# the readers of the 'formats' extra, and what the tests write their files with
FORMATS_PACKAGES = ("pdfminer", "trafilatura", "lxml_html_clean", "docx", "fpdf")


def require_formats() -> None:
    """Skip the calling test module when a package of the 'formats' extra is not installed at
    all; fail it when one is installed but does not import (a broken extra must not pass as
    a skip), and when one is absent where BAGGRUND_REQUIRE_FORMATS or CI is set."""
    required = os.environ.get("BAGGRUND_REQUIRE_FORMATS") or os.environ.get("CI")
    for name in FORMATS_PACKAGES:
        if importlib.util.find_spec(name) is None:
            if required:
                raise RuntimeError(f"{name} is not installed (pip install 'baggrund[dev]')")
            pytest.skip(f"{name} is not installed", allow_module_level=True)
        importlib.import_module(name)  # an ImportError here fails the module
    importlib.import_module("lxml.html.clean")  # what trafilatura's justext imports


HEADER = "Azerbaijan: Country Focus 2024"
LOREM = (
    "Observers reported that police officers questioned relatives of activists abroad and"
    " warned them that their family members would face charges on their return."
)


def _pdf():
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 8, HEADER, align="C")
            self.ln(12)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 10, f"Page {self.page_no()}", align="C")

    pdf = Report(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 20, 20)
    return pdf


def _para(pdf, text: str, *, w: float = 0, x: float | None = None) -> None:
    pdf.set_font("Helvetica", "", 10)
    if x is not None:
        pdf.set_x(x)
    pdf.multi_cell(w, 5, text)
    pdf.ln(4)


def _heading(pdf, text: str) -> None:
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, text)
    pdf.ln(3)


def write_pdf(path: Path) -> Path:
    """Three pages with a running header and a page-number footer: a paragraph broken across
    the first page break in mid-sentence, a hyphenated line end, and a two-column page."""
    pdf = _pdf()
    pdf.add_page()
    _heading(pdf, "Freedom of Movement")
    _para(
        pdf,
        "Citizens need an exit permit to leave the country. " + LOREM + " Well-known"
        " activists were turned back.",
    )
    _para(
        pdf,
        "Border guards kept lists of persons banned from travel, and the govern-\nment"
        " did not publish them. Well-\nknown critics were stopped at the border. " + LOREM,
    )
    pdf.set_y(250)
    _para(pdf, "In March the authorities detained the")
    pdf.add_page()
    _para(
        pdf,
        "journalists who had reported on the protests in Ganja and held them for ten days"
        " without charge.",
    )
    _heading(pdf, "Detention Conditions")
    _para(pdf, "Prisons were overcrowded and medical care was poor. " + LOREM)
    pdf.add_page()
    _heading(pdf, "Returnees")
    top = pdf.get_y()
    left = "LEFTCOL Returnees who had applied for asylum abroad were questioned at the airport."
    right = "RIGHTCOL Rejected asylum seekers were not prosecuted for the application itself."
    pdf.set_font("Helvetica", "", 10)
    # written row by row, left and right in turn, as a naive extractor would read them
    lefts = pdf.multi_cell(75, 5, f"{left} {LOREM} {LOREM}", dry_run=True, output="LINES")
    rights = pdf.multi_cell(75, 5, f"{right} {LOREM} {LOREM}", dry_run=True, output="LINES")
    for i in range(max(len(lefts), len(rights))):
        for x, lines in ((20, lefts), (115, rights)):
            if i < len(lines):
                pdf.set_xy(x, top + 5 * i)
                pdf.cell(75, 5, lines[i])
    pdf.output(str(path))
    return path


def sidecar(path: Path, **fields) -> Path:
    meta = {
        "id": "euaa-aze-2024",
        "source": "EUAA",
        "country": "Azerbaijan",
        "title": "Azerbaijan: Country Focus",
        "date_published": "2024-06-24",
        **fields,
    }
    target = path.with_suffix(".json")
    target.write_text(json.dumps({k: v for k, v in meta.items() if v is not None}))
    return target


def write_scan(path: Path) -> Path:
    """A PDF whose only page is a picture: a scan without a text layer."""
    from fpdf import FPDF
    from PIL import Image

    picture = path.with_suffix(".png")
    Image.new("L", (200, 280), 230).save(picture)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(picture), x=10, y=10, w=190)
    pdf.output(str(path))
    picture.unlink()
    return path


def encrypt(source: Path, target: Path, password: str = "secret") -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    with open(target, "wb") as fh:
        writer.write(fh)
    return target


CLUTTER_HTML = """<!doctype html><html lang="en"><head><title>Azerbaijan 2024</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/reports">Reports</a></li>
<li><a href="/about">About the Bureau</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<header><div class="menu">Skip to main content. Menu. Search this site.</div></header>
<main><article>
<h1>2024 Country Reports on Human Rights Practices: Azerbaijan</h1>
<h2>Section 1. Respect for the Integrity of the Person</h2>
<p>There were numerous reports that the government or its agents committed arbitrary or
unlawful killings during the <b>year</b>, and human rights organisations documented several
deaths in custody.</p>
<h3>Prison and Detention Center Conditions</h3>
<p>Prison conditions were harsh and sometimes life threatening due to overcrowding, inadequate
medical care and physical abuse by guards, according to former detainees.</p>
<p>Authorities did not permit independent monitoring of prisons by domestic human rights
groups during the year.</p>
<h2>Section 2. Respect for Civil Liberties</h2>
<p>The constitution provides for freedom of expression, but the government routinely
restricted it, and journalists were detained on charges of smuggling.</p>
<table><tr><th>Year</th><th>Journalists detained</th></tr><tr><td>2023</td><td>13</td></tr>
<tr><td>2024</td><td>25</td></tr></table>
</article></main>
<footer><p>Copyright 2024 Department of State. Privacy policy. Accessibility statement.
Cookie settings. Subscribe to our newsletter.</p>
<ul><li><a href="/x">Facebook</a></li><li><a href="/y">Twitter</a></li></ul></footer>
</body></html>"""

EMPTY_HTML = """<!doctype html><html><head><title>Reports</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/reports">Reports</a></li></ul></nav>
<footer><p>Copyright 2024. Privacy policy.</p></footer></body></html>"""


def write_docx(path: Path) -> Path:
    """A Word file with Title, Heading 1 and Heading 2 paragraphs and a table."""
    import docx

    document = docx.Document()
    document.add_heading("Azerbaijan: Situation of Journalists", 0)
    document.add_paragraph(
        "This report was written by the Danish Immigration Service after a fact-finding"
        " mission to Baku in March 2024."
    )
    document.add_heading("Arrests", 1)
    document.add_paragraph(
        "Journalists working for independent outlets were arrested on smuggling charges."
    )
    document.add_heading("Abzas Media", 2)
    document.add_paragraph("Seven staff members of Abzas Media were detained in November 2023.")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Year",
        (0, 1): "Arrests",
        (1, 0): "2024",
        (1, 1): "25",
    }.items():
        table.cell(row, col).text = text
    document.save(str(path))
    return path


def write_board_pdf(path: Path) -> Path:
    """A PDF as the board publishes its material: the collection, the header, then the text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 14)
    pdf.cell(0, 8, "Flygtningenævnets baggrundsmateriale")
    pdf.ln(14)
    pdf.set_font("Helvetica", "", 10)
    for line in ("Bilagsnr.:    367", "Land:    Aserbajdsjan", "Kilde:    US Department of State",
                 "Titel:    2024 Trafficking in Persons Report: Azerbaijan",
                 "Udgivet:    24. juni 2024", "Optaget på baggrundsmaterialet:    22. juli 2024"):  # fmt: skip
        pdf.cell(0, 5, line)
        pdf.ln(5)
    pdf.ln(8)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 6, "PROTECTION")
    pdf.ln(9)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, "The government decreased protection efforts. Authorities identified 96"
                   " victims, compared with 120 the year before.")  # fmt: skip
    pdf.output(str(path))
    return path
