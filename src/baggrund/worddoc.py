"""Text from Word files (``.docx``), with python-docx: paragraphs in document order, headings
from their styles (``Title``, ``Heading 1``-``Heading 6``, also Danish ``Overskrift 1``, or a
style with an outline level) as markdown headings, and tables as rows of cells separated by
``|`` (a merged cell is given once)."""

from __future__ import annotations

import io
import re
import zipfile

from .errors import FormatError
from .extras import import_failed

__all__ = ["docx_text"]

_HEADING = re.compile(r"^(?:heading|overskrift|titel|title)\s*(\d)?$", re.IGNORECASE)


def _level(paragraph) -> int:
    """The heading level of a paragraph (1-6), or 0 for body text."""
    style = paragraph.style
    while style is not None:
        m = _HEADING.match((style.name or "").strip())
        if m:
            return min(int(m.group(1) or 1), 6)
        ppr = style.element.pPr
        outline = ppr.find(_qn("w:outlineLvl")) if ppr is not None else None
        if outline is not None:
            value = outline.get(_qn("w:val"))
            if value is not None and value.isdigit() and int(value) < 9:
                return min(int(value) + 1, 6)
        style = style.base_style
    return 0


def _oneline(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _meaning(exc: Exception) -> str:
    """What an exception from lxml or python-docx on a broken file means, for people."""
    name = type(exc).__name__
    if name == "XMLSyntaxError":
        return f"its XML is damaged: {_oneline(exc)}"
    if name == "PackageNotFoundError":
        return "not a Word document package"
    return f"damaged: {name}"


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _table(table) -> str:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # a merged cell comes back per column
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _check_unpacked(data: bytes, limit: int | None) -> None:
    """Reject a zip whose members unpack to more than ``limit`` bytes (a zip bomb), from the
    sizes in its directory: zipfile never unpacks a member past the size given there."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FormatError(
            f"not a readable Word (.docx) file (not a zip archive: {exc})"[:200]
        ) from None
    total = sum(m.file_size for m in members)
    if limit is not None and total > limit:
        raise FormatError(
            f"Word file that unpacks to {total:,} bytes, above the limit of {limit:,} (--max-size)"
        )


def docx_text(data: bytes, *, max_unpacked: int | None = None) -> str:
    """The text of a .docx file, markdown-style. Raises :class:`FormatError` for a file that
    is not a readable Word document, that unpacks to more than ``max_unpacked`` bytes, or
    when the extra is missing."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:
        raise import_failed("docx", exc) from None
    _check_unpacked(data, max_unpacked)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FormatError(f"not a readable Word (.docx) file ({_oneline(exc)})"[:200]) from None
    except MemoryError:
        raise
    except Exception as exc:  # lxml and python-docx raise many kinds on broken files
        raise FormatError(f"not a readable Word (.docx) file ({_meaning(exc)})"[:200]) from None
    try:
        return "\n\n".join(_blocks(document, Paragraph, Table))
    except MemoryError:
        raise
    except Exception as exc:  # a document whose parts do not fit together
        raise FormatError(f"not a readable Word (.docx) file ({_meaning(exc)})"[:200]) from None


def _blocks(document, Paragraph, Table) -> list[str]:
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        tag = str(child.tag).rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = " ".join(paragraph.text.split())
            if text:
                level = _level(paragraph)
                blocks.append(f"{'#' * level} {text}" if level else text)
        elif tag == "tbl":
            text = _table(Table(child, document))
            if text:
                blocks.append(text)
    return blocks
