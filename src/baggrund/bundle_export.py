"""Case bundles out: Markdown, Word (python-docx) and PDF (fpdf2).

Every format has the same parts, in this order: a title block (case reference, title, date,
the library's name), the bilagsliste of every document a passage comes from (annex number, country,
source, title, published, added), then each passage quoted exactly, with its pinpoint
citation and note, in the bundle's order. A passage that changed since it was added, or that
no longer exists, is marked so and the text that was added is given too.

Word and PDF are A4 and carry their own metadata (:class:`Meta`): the title, the case
reference as subject and keyword, the library's name as author, the moment of export as
created and modified, and baggrund as the application. No export names a place on the
exporting machine (the library's file or database address): the library is given by its name
(``Library.name``, else the collection's default name).

The Word and PDF writers need the ``bundles`` extra (python-docx, fpdf2); the PDF embeds the
DejaVu fonts shipped in ``baggrund/data/fonts`` (so that any script in the reports prints).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import zipfile
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape

from .bundle import Entry, Resolved
from .citation import DEFAULT_COLLECTION, document_date
from .dates import format_date_da, format_date_en, parse_date
from .errors import BaggrundError

__all__ = ["FORMATS", "Labels", "Meta", "export_bundle", "to_markdown", "to_docx", "to_pdf"]

FORMATS = ("md", "docx", "pdf")
A4_MM = (210, 297)
MARGIN_MM = 25


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


def _application() -> str:
    from . import __version__

    return f"baggrund {__version__}"


@dataclass(frozen=True)
class Meta:
    """What a Word or PDF file says about itself."""

    title: str
    subject: str  # the case reference, and its title when it has one
    keywords: str  # the case reference
    author: str  # the library's name
    created: dt.datetime  # the moment of export, in UTC
    language: str  # en-GB, da-DK
    application: str
    comments: str  # how many passages from how many annexes

    @classmethod
    def of(cls, resolved: Resolved, lab: Labels, lang: str, library: str,
           now: dt.datetime) -> Meta:  # fmt: skip
        b = resolved.bundle
        return cls(
            title=f"{lab.heading}: {b.ref}",
            subject=b.ref + (f" — {b.title}" if b.title else ""),
            keywords=b.ref,
            author=library,
            created=now.astimezone(dt.UTC).replace(microsecond=0),
            language="da-DK" if lang == "da" else "en-GB",
            application=_application(),
            comments=_extent(resolved, lab),
        )


def _moment(now: dt.datetime | None, today: dt.date | None) -> tuple[dt.datetime, dt.date]:
    """The moment of export (aware) and the date in the title block: the day it is where
    ``now`` was taken (default: now, on this machine's clock; a naive time is local time)."""
    if now is None or now.tzinfo is None:
        now = (now or dt.datetime.now()).astimezone()
    return now, today or now.date()


def _name(library: str, lang: str) -> str:
    return " ".join((library or "").split()) or DEFAULT_COLLECTION[lang]


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


def _extent(resolved: Resolved, lab: Labels) -> str:
    n, m = len(resolved.bundle.items), len(resolved.annexes)
    plural = {"ps": "" if n == 1 else "s", "es": "" if m == 1 else "es"}
    return lab.extent.format(passages=n, annexes=m, **plural)


def _header(resolved: Resolved, lab: Labels, library: str, today: dt.date) -> list[str]:
    b = resolved.bundle
    lines = [f"{lab.case}: {b.ref}" + (f" — {b.title}" if b.title else "")]
    lines.append(f"{lab.date}: {lab.format_date(today)}")
    lines.append(f"{lab.library}: {library}")
    lines.append(_extent(resolved, lab))
    return lines


# -- Markdown --------------------------------------------------------------------------------
def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def to_markdown(resolved: Resolved, *, lang: str = "en", library: str = "",
                today: dt.date | None = None, now: dt.datetime | None = None) -> str:  # fmt: skip
    lab = _labels(lang)
    _, today = _moment(now, today)
    out = [f"# {lab.heading}", ""]
    out += [f"{line}  " for line in _header(resolved, lab, _name(library, lang), today)] + [""]
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


def _docx_setup(doc, meta: Meta) -> None:
    """A4 with 25 mm margins, and the core properties of ``meta`` (none of python-docx's
    template: its author, description and 2013 dates)."""
    from docx.shared import Mm

    for section in doc.sections:
        section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    core = doc.core_properties
    core.title, core.subject, core.keywords = meta.title, meta.subject, meta.keywords
    core.author = core.last_modified_by = meta.author
    created = meta.created.replace(tzinfo=None)  # python-docx writes it as UTC ("Z")
    core.created = core.modified = created
    core.comments, core.language, core.revision = meta.comments, meta.language, 1


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>{application}</Application>'
    "<DocSecurity>0</DocSecurity></Properties>"
)


def _with_app_xml(data: bytes, meta: Meta) -> bytes:
    """The .docx with its extended properties (docProps/app.xml) telling the truth: made by
    baggrund (python-docx's template names Microsoft Macintosh Word, and counts of its own)."""
    app = _APP_XML.format(application=escape(meta.application))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            body = app.encode("utf-8") if info.filename == "docProps/app.xml" else old.read(info)
            new.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def to_docx(resolved: Resolved, *, lang: str = "en", library: str = "",
            today: dt.date | None = None, now: dt.datetime | None = None) -> bytes:  # fmt: skip
    _need("docx")
    from docx import Document
    from docx.shared import Pt

    lab = _labels(lang)
    now, today = _moment(now, today)
    library = _name(library, lang)
    meta = Meta.of(resolved, lab, lang, library, now)
    doc = Document()
    _docx_setup(doc, meta)
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
    return _with_app_xml(buffer.getvalue(), meta)


# -- PDF -------------------------------------------------------------------------------------
def _font(name: str) -> str:
    return str(resources.files("baggrund") / "data" / "fonts" / name)


def to_pdf(resolved: Resolved, *, lang: str = "en", library: str = "",
           today: dt.date | None = None, now: dt.datetime | None = None) -> bytes:  # fmt: skip
    _need("fpdf")
    logging.getLogger("fontTools").setLevel(logging.WARNING)  # font subsetting chatter
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    lab = _labels(lang)
    now, today = _moment(now, today)
    library = _name(library, lang)
    meta = Meta.of(resolved, lab, lang, library, now)

    class _PDF(FPDF):
        def footer(self):
            self.set_y(-12)
            self.set_font("DejaVu", size=8)
            self.cell(0, 6, f"{resolved.bundle.ref} · {lab.page} {self.page_no()}", align="C")

    pdf = _PDF(format="A4")
    pdf.set_title(meta.title)
    pdf.set_subject(meta.subject)
    pdf.set_keywords(meta.keywords)
    pdf.set_author(meta.author)
    pdf.set_creator(meta.application)
    pdf.set_creation_date(meta.created)
    pdf.set_lang(meta.language)
    pdf.add_font("DejaVu", "", _font("DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", _font("DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", _font("DejaVuSans-Oblique.ttf"))
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    width = pdf.epw

    def para(text: str, size=10, style="", indent=0.0, gap=1.5):
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(
            width - indent, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
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
                  today: dt.date | None = None, now: dt.datetime | None = None) -> bytes:  # fmt: skip
    """The bundle in ``fmt`` (md, docx or pdf) as bytes. ``library``: the library's name (not
    its location); ``now``: the moment of export (default: now)."""
    if fmt not in FORMATS:
        raise BaggrundError(f"unknown bundle format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "md":
        return to_markdown(resolved, lang=lang, library=library, today=today, now=now).encode()
    make = to_docx if fmt == "docx" else to_pdf
    return make(resolved, lang=lang, library=library, today=today, now=now)


def problems_summary(entries: list[Entry]) -> list[str]:
    """One line per passage that changed or is missing, for the command line."""
    return [
        f"{e.item.anchor}: "
        + ("changed since it was added" if e.status == "changed" else "no longer exists")
        for e in entries
        if e.status != "ok"
    ]
