"""Text from PDF files, with pdfminer.six (MIT licence).

pdfminer.six rather than pypdf: its layout analysis gives every line and text box with its
position and font size, which is what reading order, running headers and headings need. pypdf
gives a page's text in content-stream order, which on a two-column page interleaves or
misorders the columns and leaves no positions to repair it with.

What comes out is markdown-style text (``#`` headings from larger fonts, paragraphs separated by
blank lines) with a page mark (:func:`baggrund.passage.page_mark`) where each page begins, so
that every passage knows its page. On the way:

- running headers and footers are dropped: lines near the top or bottom edge whose text (digits
  ignored) comes back at an edge of three pages or more (of both pages of a two-page file), and
  lines there that are only a page number (``12``, ``- 12 -``, ``Page 12 of 40``, ``xii``);
- a two-column page is read column by column (the gutter is found from the text boxes'
  positions; full-width blocks above and below the columns keep their place);
- hyphenated line ends are joined (``govern-`` + ``ment``), unless the hyphenated form occurs
  elsewhere in the document (``well-known``);
- a paragraph that stops without a full stop at the bottom of a page or column is joined with
  the first paragraph of the next one;
- the page's label (``/PageLabels``, e.g. ``iv`` or ``12``) is used for its number where the
  PDF has labels, else its position counted from 1.

A PDF with no text layer (a scan) is rejected, as is one that needs a password or cannot be
parsed: no OCR."""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import FormatError
from .extras import import_failed
from .passage import page_mark

__all__ = ["FormatError", "pdf_text"]

_ZONE = 0.12  # the top and bottom part of a page where running headers and footers live
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|side|s\.|p\.)\s*)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|af|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_HYPHENATED = re.compile(r"([^\W\d_]+)-$")
_BULLETS = frozenset("•▪●◦‣■□➢►")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    bold: bool


@dataclass
class _Box:
    lines: list[_Line]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0

    def fit(self) -> _Box:
        self.x0 = min(ln.x0 for ln in self.lines)
        self.x1 = max(ln.x1 for ln in self.lines)
        self.top = max(ln.y1 for ln in self.lines)
        self.bottom = min(ln.y0 for ln in self.lines)
        return self


@dataclass
class _Page:
    label: str
    width: float
    height: float
    boxes: list[_Box] = field(default_factory=list)
    images: int = 0


@dataclass
class _Block:
    text: str
    heading: int = 0  # markdown level, 0 for a paragraph
    page: int = 0  # index into the pages
    fresh: bool = False  # first block of a page or column: may continue the one before


def _modules():
    try:
        from pdfminer import layout as pdflayout
        from pdfminer import pdfdocument, pdfpage, pdfparser
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    except ImportError as exc:
        raise import_failed("pdf", exc) from None
    return (pdfdocument, pdfpage, pdfparser, pdflayout, PDFPageAggregator, PDFPageInterpreter,
            PDFResourceManager)  # fmt: skip


def _walk(obj, layout, page: _Page) -> None:
    """Collect the text boxes and count the images of a page's layout tree."""
    for child in obj:
        if isinstance(child, layout.LTTextBox):
            lines = []
            for line in child:
                if not isinstance(line, layout.LTTextLine):
                    continue
                text = " ".join(line.get_text().split())
                chars = [c for c in line if isinstance(c, layout.LTChar)]
                if not text or not chars:
                    continue
                sizes = sorted(c.size for c in chars)
                bold = sum("bold" in c.fontname.lower() for c in chars) > len(chars) / 2
                lines.append(
                    _Line(text, line.x0, line.x1, line.y0, line.y1, sizes[len(sizes) // 2], bold)
                )
            if lines:
                page.boxes.append(_Box(lines).fit())
        elif isinstance(child, layout.LTImage):
            page.images += 1
        elif isinstance(child, layout.LTFigure):
            page.images += 1 if any(isinstance(c, layout.LTImage) for c in child) else 0
            _walk(child, layout, page)


# What pdfminer's messages about a damaged file mean, for people.
_DAMAGE = (
    ("No /Root object", "no document catalogue"),
    ("Unexpected EOF", "the file ends early"),
    ("truncated", "the file ends early"),
    ("xref", "no valid table of contents (xref)"),
    ("XRef", "no valid table of contents (xref)"),
)
_DAMAGE_KINDS = {
    "PSEOF": "the file ends early",
    "PDFNoValidXRef": "no valid table of contents (xref)",
    "RecursionError": "objects nested too deeply",
    "PDFTypeError": "an object of the wrong kind",
    "PDFValueError": "an object with a wrong value",
}


def _damage(exc: Exception) -> str:
    text = str(exc)
    for needle, meaning in _DAMAGE:
        if needle in text:
            return meaning
    return _DAMAGE_KINDS.get(type(exc).__name__, f"damaged: {type(exc).__name__}")


class TooMuchContent(FormatError):
    """A page whose content streams decode to more than the limit."""


def _bounded(Interpreter, limit: int | None):
    """pdfminer's interpreter with a limit on the decoded content streams of one page (and the
    forms it draws), counted before they are parsed."""
    from pdfminer.pdftypes import list_value, stream_value

    class Bounded(Interpreter):
        used = [0]  # shared with the interpreters dup() makes for forms

        def dup(self):
            twin = super().dup()
            twin.used = self.used
            return twin

        def execute(self, streams) -> None:
            if limit is not None:
                for stream in list_value(streams):
                    self.used[0] += len(stream_value(stream).get_data() or b"")
                if self.used[0] > limit:
                    raise TooMuchContent(f"decodes to more than {limit:,} bytes")
            super().execute(streams)

    return Bounded


def _load(
    data: bytes, before_page: Callable[[int], None] | None, content_limit: int | None
) -> list[_Page]:
    (pdfdocument, pdfpage, pdfparser, layout, Aggregator, Interpreter,
     ResourceManager) = _modules()  # fmt: skip
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise FormatError("not a PDF (no %PDF header)")
    try:
        parser = pdfparser.PDFParser(io.BytesIO(data))
        document = pdfdocument.PDFDocument(parser)
    except pdfdocument.PDFPasswordIncorrect:
        raise FormatError("encrypted PDF that needs a password; give an unprotected copy") from None
    except pdfdocument.PDFEncryptionError as exc:
        raise FormatError(f"encrypted PDF that cannot be opened ({exc})"[:200]) from None
    except MemoryError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on broken files
        raise FormatError(f"not a readable PDF ({_damage(exc)})") from None
    try:
        labels = list(itertools.islice(document.get_page_labels(), 100_000))
    except MemoryError:
        raise
    except Exception:  # no /PageLabels, or broken ones: count pages from 1
        labels = []
    manager = ResourceManager(caching=True)
    params = layout.LAParams(line_margin=0.5, char_margin=2.0, boxes_flow=None)
    device = Aggregator(manager, laparams=params)
    interpreter = _bounded(Interpreter, content_limit)(manager, device)
    pages: list[_Page] = []
    try:
        for i, pdf_page in enumerate(pdfpage.PDFPage.create_pages(document)):
            if before_page is not None:
                before_page(i + 1)
            interpreter.used[0] = 0
            interpreter.process_page(pdf_page)
            result = device.get_result()
            label = str(labels[i]) if i < len(labels) and str(labels[i]).strip() else str(i + 1)
            page = _Page(label.strip()[:16], result.width, result.height)
            _walk(result, layout, page)
            pages.append(page)
    except TooMuchContent as exc:
        where = f"page {len(pages) + 1}"
        raise FormatError(
            f"PDF not read: the content of {where} {exc}, above the limit for one page"
        ) from None
    except MemoryError:
        raise
    except Exception as exc:
        where = f"page {len(pages) + 1}"
        raise FormatError(f"not a readable PDF: {where} is damaged ({_damage(exc)})") from None
    if not pages:
        raise FormatError("PDF without pages")
    return pages


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def _strip_running(pages: list[_Page]) -> None:
    """Drop running headers, footers and page numbers (in place)."""

    def edge(page: _Page, line: _Line) -> bool:
        return line.y0 >= page.height * (1 - _ZONE) or line.y1 <= page.height * _ZONE

    seen: Counter[str] = Counter()
    for page in pages:
        keys = {_key(ln.text) for box in page.boxes for ln in box.lines if edge(page, ln)}
        seen.update(keys)
    threshold = min(3, max(2, (len(pages) + 1) // 2))  # a chapter's running head counts too
    running = {key for key, n in seen.items() if n >= threshold}
    for page in pages:
        kept = []
        for box in page.boxes:
            box.lines = [
                ln
                for ln in box.lines
                if not (
                    edge(page, ln) and (_key(ln.text) in running or _PAGE_NUMBER.match(ln.text))
                )
            ]
            if box.lines:
                kept.append(box.fit())
        page.boxes = kept


def _order(page: _Page) -> list[tuple[_Box, bool]]:
    """The page's boxes in reading order, each with whether it starts a column."""
    boxes = sorted(page.boxes, key=lambda b: (-b.top, b.x0))
    width = page.width
    best: tuple[int, float] | None = None
    edges = {b.x1 + 1 for b in boxes} | {b.x0 - 1 for b in boxes}
    for x in sorted(e for e in edges if width * 0.3 <= e <= width * 0.7):
        left = [b for b in boxes if b.x1 <= x]
        right = [b for b in boxes if b.x0 >= x]
        if not left or not right:
            continue
        side_by_side = any(min(a.top, b.top) > max(a.bottom, b.bottom) for a in left for b in right)
        if not side_by_side:
            continue
        crossing = len(boxes) - len(left) - len(right)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    if best is None:
        return [(b, False) for b in boxes]
    gutter = best[1]
    out: list[tuple[_Box, bool]] = []
    run: list[_Box] = []

    def flush() -> None:
        left = [b for b in run if b.x1 <= gutter]
        right = [b for b in run if b.x0 >= gutter]
        out.extend((b, False) for b in left)
        out.extend((b, i == 0 and bool(left)) for i, b in enumerate(right))
        run.clear()

    for box in boxes:
        if box.x0 < gutter < box.x1:
            flush()
            out.append((box, False))
        else:
            run.append(box)
    flush()
    return out


def _body_size(pages: list[_Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for box in page.boxes:
            for ln in box.lines:
                sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _join_lines(lines: list[str], hyphenated: set[str]) -> str:
    text = ""
    for line in lines:
        m = _HYPHENATED.search(text)
        if m and line[:1].islower():
            word = m.group(1) + "-" + re.split(r"[\W\d_]", line, maxsplit=1)[0]
            if word.casefold() in hyphenated:
                text += line  # a real hyphenated word: keep the hyphen
            else:
                text = text[:-1] + line
        elif text.endswith("\u00ad"):
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


def _blocks(pages: list[_Page]) -> list[_Block]:
    body = _body_size(pages)
    heading_sizes = sorted(
        {
            round(ln.size * 2) / 2
            for page in pages
            for box in page.boxes
            for ln in box.lines
            if ln.size >= body * 1.15 and len(box.lines) <= 3
        },
        reverse=True,
    )
    hyphenated = {
        w.casefold()
        for page in pages
        for box in page.boxes
        for ln in box.lines
        for w in _WORD.findall(ln.text)
    }
    out: list[_Block] = []
    for number, page in enumerate(pages):
        first = True
        for box, column_start in _order(page):
            fresh = first or column_start
            first = False
            size = max(ln.size for ln in box.lines)
            rounded = round(size * 2) / 2
            text = _join_lines([ln.text for ln in box.lines], hyphenated)
            if rounded in heading_sizes and len(text) <= 150:
                level = min(heading_sizes.index(rounded) + 1, 3)
                out.append(_Block(text, level, number, fresh))
                continue
            if _bold_heading(box, text):
                out.append(_Block(text, 4, number, fresh))
                continue
            for paragraph in _paragraphs(box):
                out.append(_Block(_join_lines(paragraph, hyphenated), 0, number, fresh))
                fresh = False
    return out


def _bold_heading(box: _Box, text: str) -> bool:
    """A bold line standing alone, short, capitalised, without a full stop: a sub-heading."""
    return (
        len(box.lines) == 1
        and box.lines[0].bold
        and len(text) <= 90
        and text[:1].isupper()
        and not _ENDS_SENTENCE.search(text)
    )


def _paragraphs(box: _Box) -> list[list[str]]:
    """Split a text box where a line stops well short of the box's right edge after a full
    stop (the last line of a paragraph), and before each bullet."""
    width = box.x1 - box.x0
    out: list[list[str]] = [[]]
    for i, line in enumerate(box.lines):
        if line.text[:1] in _BULLETS and out[-1]:  # each item of a list is a paragraph
            out.append([])
        out[-1].append(line.text)
        last = i == len(box.lines) - 1
        if not last and line.x1 < box.x1 - width * 0.15 and _ENDS_SENTENCE.search(line.text):
            out.append([])
    return [p for p in out if p]


def _continues(before: _Block, after: _Block) -> bool:
    return (
        not before.heading
        and not after.heading
        and after.fresh
        and not _ENDS_SENTENCE.search(before.text)
        and after.text[:1].isalnum()
    )


def pdf_text(
    data: bytes,
    *,
    before_page: Callable[[int], None] | None = None,
    content_limit: int | None = None,
) -> tuple[str, list[str]]:
    """The text of a PDF (see the module doc) and warnings (pages without text). Raises
    :class:`FormatError` for a file that is not a readable PDF, needs a password or has no
    text layer, or a page whose content decodes to more than ``content_limit`` bytes.
    ``before_page(n)`` is called before page n is read (to time it)."""
    pages = _load(data, before_page, content_limit)
    scanned = [p.label for p in pages if not p.boxes and p.images]
    if all(not p.boxes for p in pages):
        if scanned:
            raise FormatError(
                f"PDF without a text layer ({len(pages)} page(s) of images only: a scan?);"
                " OCR is not supported"
            )
        raise FormatError("PDF without text")
    characters = "".join(ln.text for p in pages for b in p.boxes for ln in b.lines)
    if characters.count("(cid:") * 6 > len(characters) / 2:
        raise FormatError("PDF whose fonts have no text mapping (only glyph codes); no OCR")
    warnings = [f"page {label} has images but no text (a scanned page?)" for label in scanned]
    _strip_running(pages)
    parts: list[str] = []
    previous: _Block | None = None
    marked = -1
    for block in _blocks(pages):
        mark = page_mark(pages[block.page].label) if block.page != marked else ""
        marked = block.page
        if previous is not None and _continues(previous, block):
            m = _HYPHENATED.search(parts[-1])
            if m and block.text[:1].islower():
                parts[-1] = f"{parts[-1][:-1]}{mark}{block.text}"
            else:
                parts[-1] = f"{parts[-1]} {mark}{block.text}"
        else:
            prefix = "#" * block.heading + " " if block.heading else ""
            parts.append(f"{mark}{prefix}{block.text}")
        previous = block
    return "\n\n".join(parts), warnings
