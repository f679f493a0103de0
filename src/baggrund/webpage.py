"""Text from HTML pages, with trafilatura: the main content only (navigation, menus, footers,
cookie banners and share buttons are left out), headings kept as markdown headings so that
they become sections, tables as rows of cells separated by ``|``.

trafilatura's XML output is used rather than its markdown: it marks headings (``<head
rend="h2">``) without adding ``**`` and ``*`` for bold and italic text to the words, so that
passages can be quoted exactly."""

from __future__ import annotations

import re

from .errors import FormatError
from .extras import import_failed

__all__ = ["html_text", "MIN_WORDS"]

MIN_WORDS = 20  # fewer words of main text than this: a page of navigation, not a document
_LEVEL = re.compile(r"h([1-6])$")


def _words(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _convert(root) -> list[str]:
    blocks: list[str] = []
    in_table = False  # the block before is a table's rows: add the next row to it
    for element in root.iter("head", "p", "item", "row", "quote", "code"):
        if element.tag in ("p", "item") and any(
            a.tag in ("item", "row", "quote") for a in element.iterancestors()
        ):
            continue  # its text is part of an enclosing list item, table row or quote
        text = _words(element)
        if not text:
            continue
        if element.tag == "head":
            m = _LEVEL.match(element.get("rend", ""))
            blocks.append(f"{'#' * (int(m.group(1)) if m else 2)} {text}")
        elif element.tag == "row":
            line = " | ".join(c for c in (_words(cell) for cell in element.iter("cell")) if c)
            if in_table:
                blocks[-1] += "\n" + line
            else:
                blocks.append(line)
        else:
            blocks.append(text)
        in_table = element.tag == "row"
    return blocks


def html_text(data: bytes) -> str:
    """The main text of an HTML page, markdown-style. Raises :class:`FormatError` when the
    page has no main text or the extra is missing."""
    try:
        import trafilatura
        from lxml import etree
    except ImportError as exc:
        raise import_failed("html", exc) from None
    try:
        xml = trafilatura.extract(
            data,
            output_format="xml",
            include_tables=True,
            include_links=False,
            include_images=False,
            include_comments=False,
            include_formatting=False,
            deduplicate=False,
        )
        blocks = _convert(etree.fromstring(xml.encode("utf-8"))) if xml else []
    except MemoryError:
        raise
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken pages
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise FormatError(f"not readable HTML: {detail}"[:200]) from None
    words = sum(len(b.split()) for b in blocks if not b.startswith("#"))
    if words < MIN_WORDS:
        raise FormatError(
            f"HTML page without main text ({words} words besides navigation, headers and footers)"
        )
    return "\n\n".join(blocks)
