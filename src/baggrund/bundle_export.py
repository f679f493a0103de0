"""Case bundles out: Markdown, Word (python-docx) and PDF (fpdf2).

Every format has the same parts, in this order: a title block (case reference, title, date,
library), the bilagsliste of every document a passage comes from (annex number, country,
source, title, published, added), then each passage quoted exactly, with its pinpoint
citation and note, in the bundle's order. A passage that changed since it was added, or that
no longer exists, is marked so and the text that was added is given too.

The Word and PDF writers need the ``bundles`` extra (python-docx, fpdf2); the PDF embeds the
DejaVu fonts shipped in ``baggrund/data/fonts`` (so that any script in the reports prints).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from importlib import resources

from .bundle import Entry, Resolved
from .citation import document_date
from .dates import format_date_da, format_date_en, parse_date
from .errors import BaggrundError

__all__ = ["FORMATS", "Labels", "export_bundle", "to_markdown", "to_docx", "to_pdf"]

FORMATS = ("md", "docx", "pdf")


@dataclass(frozen=True)
class Labels:
    heading: str
    case: str
    date: str
    library: str
    extent: str
    annexes: str
    columns: tuple[str, ...]  # country, annex, source, title, published, added
    passages: str
    note: str
    changed: str
    missing: str
    as_added: str
    page: str

    def format_date(self, value) -> str:
        date = parse_date(value, bounded=False) if value else None  # as stored
        if date is None:
            return ""
        return format_date_da(date) if self is DA else format_date_en(date)


EN = Labels(
    heading="Background material relied on",
    case="Case",
    date="Date",
    library="Library",
    extent="{passages} passage{ps} from {annexes} annex{es}",
    annexes="List of annexes (bilagsliste)",
    columns=("Country", "Annex", "Source", "Title", "Published", "Added"),
    passages="Passages",
    note="Note",
    changed="This passage has changed since it was added on {added}. Quoted above as it"
    " stands now; as added:",
    missing="This passage is no longer in the library (its document was updated or"
    " removed). As added on {added}:",
    as_added="as added",
    page="Page",
)
DA = Labels(
    heading="Baggrundsmateriale, der henvises til",
    case="Sag",
    date="Dato",
    library="Bibliotek",
    extent="{passages} uddrag fra {annexes} bilag",
    annexes="Bilagsliste",
    columns=("Land", "Bilagsnr.", "Kilde", "Titel", "Udgivet", "Optaget på baggrundsmaterialet"),
    passages="Uddrag",
    note="Note",
    changed="Uddraget er ændret, siden det blev tilføjet den {added}. Citeret ovenfor, som det"
    " lyder nu; som tilføjet:",
    missing="Uddraget findes ikke længere i biblioteket (dokumentet er opdateret eller"
    " fjernet). Som tilføjet den {added}:",
    as_added="som tilføjet",
    page="Side",
)


def _labels(lang: str) -> Labels:
    return DA if lang == "da" else EN


@dataclass(frozen=True)
class _Part:
    """One passage ready for printing."""

    number: int
    citation: str
    text: str | None  # today's text; None when missing
    note: str | None
    warning: str | None
    saved: str | None  # the text as added, when it differs or is missing


def _parts(resolved: Resolved, lab: Labels, lang: str) -> list[_Part]:
    out = []
    for n, e in enumerate(resolved.entries, 1):
        added = lab.format_date(e.item.added)
        citation = (e.citation_da if lang == "da" else e.citation) or e.item.anchor
        warning = saved = None
        if e.status == "changed":
            warning, saved = lab.changed.format(added=added), e.item.quoted
        elif e.status == "missing":
            warning, saved = lab.missing.format(added=added), e.item.quoted
        out.append(_Part(n, citation, e.text, e.item.note, warning, saved))
    return out


def _annex_rows(resolved: Resolved, lab: Labels, lang: str) -> list[tuple[str, ...]]:
    return [
        (
            a["country_name_da"] if lang == "da" else a["country_name"],
            str(a["annex"]),
            a["source"],
            a["title"],
            document_date(a, lang),
            lab.format_date(a["added"]),
        )
        for a in resolved.annexes
    ]


def _header(resolved: Resolved, lab: Labels, library: str, today: dt.date) -> list[str]:
    b = resolved.bundle
    lines = [f"{lab.case}: {b.ref}" + (f" — {b.title}" if b.title else "")]
    lines.append(f"{lab.date}: {lab.format_date(today)}")
    if library:
        lines.append(f"{lab.library}: {library}")
    n, m = len(b.items), len(resolved.annexes)
    plural = {"ps": "" if n == 1 else "s", "es": "" if m == 1 else "es"}
    lines.append(lab.extent.format(passages=n, annexes=m, **plural))
    return lines


# -- Markdown --------------------------------------------------------------------------------
def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def to_markdown(resolved: Resolved, *, lang: str = "en", library: str = "",
                today: dt.date | None = None) -> str:  # fmt: skip
    lab = _labels(lang)
    today = today or dt.date.today()
    out = [f"# {lab.heading}", ""]
    out += [f"{line}  " for line in _header(resolved, lab, library, today)] + [""]
    out += [f"## {lab.annexes}", ""]
    out.append("| " + " | ".join(lab.columns) + " |")
    out.append("|" + "---|" * len(lab.columns))
    out += ["| " + " | ".join(map(_md_cell, r)) + " |" for r in _annex_rows(resolved, lab, lang)]
    out += ["", f"## {lab.passages}", ""]
    for p in _parts(resolved, lab, lang):
        out += [f"### {p.number}. {p.citation}", ""]
        if p.text is not None:
            out += [_quote(p.text), ""]
        if p.warning:
            out += [f"*{p.warning}*", "", _quote(p.saved or ""), ""]
        if p.note:
            out += [f"**{lab.note}:** {p.note}", ""]
    return "\n".join(out).rstrip() + "\n"


# -- Word ------------------------------------------------------------------------------------
def _need(module: str):
    try:
        return __import__(module)
    except ImportError:
        raise BaggrundError(
            f"exporting bundles to Word or PDF needs {module}: pip install 'baggrund[bundles]'"
        ) from None


def to_docx(resolved: Resolved, *, lang: str = "en", library: str = "",
            today: dt.date | None = None) -> bytes:  # fmt: skip
    _need("docx")
    from docx import Document
    from docx.shared import Pt

    lab = _labels(lang)
    today = today or dt.date.today()
    doc = Document()
    doc.core_properties.title = f"{lab.heading}: {resolved.bundle.ref}"
    doc.add_heading(lab.heading, level=0)
    for line in _header(resolved, lab, library, today):
        doc.add_paragraph(line)
    doc.add_heading(lab.annexes, level=1)
    rows = _annex_rows(resolved, lab, lang)
    table = doc.add_table(rows=1 + len(rows), cols=len(lab.columns))
    table.style = "Table Grid"
    for row, values in zip(table.rows, [lab.columns, *rows], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    doc.add_heading(lab.passages, level=1)
    for p in _parts(resolved, lab, lang):
        doc.add_heading(f"{p.number}. {p.citation}", level=2)
        if p.text is not None:
            doc.add_paragraph(p.text, style="Quote")
        if p.warning:
            doc.add_paragraph().add_run(p.warning).italic = True
            doc.add_paragraph(p.saved or "", style="Quote")
        if p.note:
            para = doc.add_paragraph()
            para.add_run(f"{lab.note}: ").bold = True
            para.add_run(p.note)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# -- PDF -------------------------------------------------------------------------------------
def _font(name: str) -> str:
    return str(resources.files("baggrund") / "data" / "fonts" / name)


def to_pdf(resolved: Resolved, *, lang: str = "en", library: str = "",
           today: dt.date | None = None) -> bytes:  # fmt: skip
    _need("fpdf")
    logging.getLogger("fontTools").setLevel(logging.WARNING)  # font subsetting chatter
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    lab = _labels(lang)
    today = today or dt.date.today()

    class _PDF(FPDF):
        def footer(self):
            self.set_y(-12)
            self.set_font("DejaVu", size=8)
            self.cell(0, 6, f"{resolved.bundle.ref} · {lab.page} {self.page_no()}", align="C")

    pdf = _PDF(format="A4")
    pdf.set_title(f"{lab.heading}: {resolved.bundle.ref}")
    pdf.add_font("DejaVu", "", _font("DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", _font("DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", _font("DejaVuSans-Oblique.ttf"))
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    width = pdf.epw
    nl = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}

    def para(text: str, size=10, style="", indent=0.0, gap=1.5):
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, text, align="L", **nl)
        pdf.ln(gap)

    para(lab.heading, size=16, style="B", gap=3)
    for line in _header(resolved, lab, library, today):
        para(line, gap=0.5)
    pdf.ln(4)
    para(lab.annexes, size=13, style="B")
    pdf.set_font("DejaVu", size=8)
    with pdf.table(col_widths=(17, 14, 24, 44, 19, 32), text_align="LEFT",
                   line_height=4) as table:  # fmt: skip
        for n, values in enumerate([lab.columns, *_annex_rows(resolved, lab, lang)]):
            row = table.row()
            for value in values:
                row.cell(value)
            if n == 0:
                pdf.set_font("DejaVu", size=8)
    pdf.ln(4)
    para(lab.passages, size=13, style="B")
    for p in _parts(resolved, lab, lang):
        para(f"{p.number}. {p.citation}", size=10, style="B", gap=1)
        if p.text is not None:
            para(p.text, size=10, indent=6)
        if p.warning:
            para(p.warning, size=9, style="I", indent=6, gap=0.5)
            para(p.saved or "", size=10, indent=6)
        if p.note:
            para(f"{lab.note}: {p.note}", size=9, style="I", indent=6)
        pdf.ln(2)
    return bytes(pdf.output())


def export_bundle(resolved: Resolved, fmt: str, *, lang: str = "en", library: str = "",
                  today: dt.date | None = None) -> bytes:  # fmt: skip
    """The bundle in ``fmt`` (md, docx or pdf) as bytes."""
    if fmt not in FORMATS:
        raise BaggrundError(f"unknown bundle format {fmt!r}; use one of {', '.join(FORMATS)}")
    options = {"lang": lang, "library": library, "today": today}
    if fmt == "md":
        return to_markdown(resolved, **options).encode("utf-8")
    return (to_docx if fmt == "docx" else to_pdf)(resolved, **options)


def problems_summary(entries: list[Entry]) -> list[str]:
    """One line per passage that changed or is missing, for the command line."""
    return [
        f"{e.item.anchor}: "
        + ("changed since it was added" if e.status == "changed" else "no longer exists")
        for e in entries
        if e.status != "ok"
    ]
