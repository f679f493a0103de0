"""Sections and passages: how a document's text is split, and the stable anchors that name
each paragraph (``AZE-367/protection/4``).

A section starts at a heading: a markdown ``#`` line, an upper-case line as the board prints
them (``PROTECTION``, ``TRAFFICKING PROFILE:``), or a short Title Case line standing alone
(``Trial Procedures``), as state.gov prints its sub-headings. A passage is a paragraph. Its
anchor is the section's slug and the paragraph's number within the section, so re-ingesting
the same text gives the same anchors.

Text read from a PDF carries page marks (:func:`page_mark`: a form feed, the page's label and a
form feed, where each page begins, also inside a paragraph that runs on to the next page); each
passage then knows its page or pages (``12`` or ``12–13``), and the marks are not in its text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .repair import clean_text, join_grouped, split_blocks

__all__ = [
    "substantive",
    "Section",
    "Passage",
    "Segmented",
    "segment",
    "slugify",
    "page_mark",
    "INTRO",
    "as_list",
    "as_paragraph",
    "LIST_ITEM",
]

INTRO = "intro"  # slug of the text before the first heading
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to with vs via og i af til på for med".split()
)
_SLUG_MAX = 48
_PAGE_MARK = re.compile(r"\f([^\f\n]{0,16})\f")
_PAGE_OPEN, _PAGE_CLOSE = "\ue000", "\ue001"  # private-use: survive clean_text, never typed
_PAGE = re.compile(f"{_PAGE_OPEN}([^{_PAGE_CLOSE}]*){_PAGE_CLOSE}")


def page_mark(label: str) -> str:
    """The mark that starts page ``label`` in a document's text (see the module doc)."""
    return f"\f{' '.join(label.replace(chr(12), ' ').split())[:16]}\f"


@dataclass(frozen=True)
class Section:
    slug: str  # unique within the document
    heading: str  # as printed, without markdown marks or a trailing colon ("" for the intro)
    level: int  # 1-6 for markdown, 1 for board headings, 0 for the intro
    path: tuple[str, ...]  # headings from the outermost down to this one


@dataclass(frozen=True)
class Passage:
    section: int  # index into Segmented.sections
    number: int  # 1-based paragraph number within the section
    text: str
    page: str | None = None  # "12" or "12–13" for text with page marks (PDF), else None

    def local_anchor(self, sections: list[Section]) -> str:
        return f"{sections[self.section].slug}/{self.number}"


@dataclass(frozen=True)
class Segmented:
    sections: list[Section]
    passages: list[Passage]
    repairs: int  # paragraphs joined again


def slugify(heading: str) -> str:
    """``PRIORITIZED RECOMMENDATIONS:`` -> ``prioritized-recommendations``; Danish letters are
    spelled out (æ -> ae, ø -> oe, å -> aa); long headings are cut at a word boundary."""
    text = heading.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > _SLUG_MAX and slug:
            break
        slug = candidate
    return slug[:_SLUG_MAX] or "section"


def _heading(block: str, *, markdown: bool) -> tuple[int, str] | None:
    """(level, heading text) when the block is a heading, else None."""
    if "\n" in block:
        return None
    m = _MD_HEADING.match(block)
    if m:
        return len(m.group(1)), m.group(2).strip()
    if len(block) > 90 or block[-1] in ".,;!?)\"'”’":
        return None
    text = block.rstrip(":").strip()
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 or any(c.isdigit() for c in text):
        return None
    if not markdown and all(c.isupper() for c in letters):
        return 1, text
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    if not 1 <= len(words) <= 12 or not words[0][0].isupper() or text.isupper():
        return None
    if all(w[0].isupper() or w.casefold() in _SMALL_WORDS for w in words):
        return 7, text  # a sub-heading below every markdown level
    return None


# A heading that is only a section number ("Section 1."), one that is a number and a title
# ("Section 7. Worker Rights"), and a lettered one ("a. Arbitrary Deprivation of Life"), as
# state.gov printed its human rights reports of 2016-2023.
_NUMBER_ONLY = re.compile(r"section\s+\d{1,3}\.?", re.IGNORECASE)
_NUMBERED = re.compile(r"section\s+\d{1,3}\.?\s+\S.*", re.IGNORECASE)
_LETTERED = re.compile(r"[a-z]\.\s+\S")


def _outline(heads: list[tuple[int, str] | None]) -> list[tuple[int, str]]:
    """The level and the text in the heading path of each heading (``heads``: one item per
    block, ``None`` for a paragraph), in order.

    The markdown levels are kept, except in a document of numbered sections: a number-only
    heading followed at once by its title (``#### Section 1.`` then ``### Respect for the
    Integrity of the Person``) or a number with its title (``### Section 7. Worker Rights``),
    as state.gov printed its human rights reports of 2016-2023 (one such pair, or two
    headings with number and title, make a document of numbered sections). Their markdown levels say
    nothing of the nesting (the summary at ``##`` would hold every section; 2019's lettered
    subsections and their sub-headings are all ``###``). There each numbered section is top
    level, a number-only heading and its title one heading in the path ("Section 1. Respect
    for the Integrity of the Person"); its lettered headings ("a. Arbitrary Deprivation of
    Life") are the level below, and any other heading is below the last lettered one (or,
    before the first, the level below the section); headings before the first numbered
    section (the summary, a page's navigation such as "Read a Section: China") are top level,
    side by side."""
    found = [h for h in heads if h is not None]

    def pair(i: int) -> bool:  # a number-only heading followed at once by its title
        h, after = heads[i], heads[i + 1] if i + 1 < len(heads) else None
        return bool(
            h and after and _NUMBER_ONLY.fullmatch(h[1]) and not _NUMBER_ONLY.fullmatch(after[1])
        )

    pairs = sum(1 for i in range(len(heads)) if pair(i))
    titled = sum(1 for h in found if _NUMBERED.fullmatch(h[1]))
    if not pairs and titled < 2:  # one "Section 1. Introduction" does not make a structure
        return [(level, text) for level, text in found]
    out: list[tuple[int, str]] = []
    number: str | None = None  # the number-only heading waiting for its title
    inside = lettered = False  # in a numbered section; below one of its lettered headings
    for i, h in enumerate(heads):
        if h is None:
            number = None
            continue
        level, text = h
        if number is not None:
            out.append((1, f"{number} {text}"))
            number = None
        elif _NUMBER_ONLY.fullmatch(text) or _NUMBERED.fullmatch(text):
            inside, lettered = True, False
            number = text if pair(i) else None
            out.append((1, text))
        elif not inside:
            out.append((1 if level < 7 else 2, text))
        elif _LETTERED.match(text):
            lettered = True
            out.append((2, text))
        else:
            out.append((3 if lettered else 2, text))
    return out


def segment(text: str, *, title: str = "") -> Segmented:
    """Split a document body into sections and passages. A first paragraph that repeats the
    title is the title, not a passage."""
    paged = "\f" in text
    if paged:
        text = _PAGE_MARK.sub(lambda m: f"{_PAGE_OPEN}{m.group(1)}{_PAGE_CLOSE}", text)
    blocks = split_blocks(clean_text(text))
    spans: list[tuple[str | None, str | None]] = []
    if paged:
        blocks, spans = _unmark(blocks)
    markdown = any(_MD_HEADING.match(b) for b in blocks)
    heads: dict[str, tuple[int, str] | None] = {}

    def head(block: str) -> tuple[int, str] | None:
        if block not in heads:
            heads[block] = _heading(block, markdown=markdown)
        return heads[block]

    blocks, groups = join_grouped(blocks, lambda b: head(b) is not None)
    repairs = sum(last - first for first, last in groups)
    pages = [_page_range(spans[a][0], spans[b][1]) if spans else None for a, b in groups]
    if blocks and title and " ".join(blocks[0].lstrip("# ").split()) == " ".join(title.split()):
        blocks, pages = blocks[1:], pages[1:]

    sections: list[Section] = [Section(INTRO, "", 0, ())]
    passages: list[Passage] = []
    used: dict[str, int] = {INTRO: 1}
    stack: list[tuple[int, str]] = []
    counter = 0
    outline = iter(_outline([head(b) for b in blocks]))
    for block, page in zip(blocks, pages, strict=True):
        h = head(block)
        if h is None:
            counter += 1
            passages.append(Passage(len(sections) - 1, counter, as_list(block), page))
            continue
        heading = h[1]
        level, shown = next(outline)
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, shown))
        base = slugify(heading)  # from the heading as printed: anchors never depend on levels
        used[base] = used.get(base, 0) + 1
        slug = base if used[base] == 1 else f"{base}-{used[base]}"
        sections.append(Section(slug, heading, min(level, 7), tuple(h for _, h in stack)))
        counter = 0
    if not any(p.section == 0 for p in passages):
        # no text before the first heading: drop the empty intro, keep indices right
        sections = sections[1:]
        passages = [Passage(p.section - 1, p.number, p.text, p.page) for p in passages]
    return Segmented(sections, passages, repairs)


# A list flattened into one paragraph, its items after " * " (the Trafficking in Persons
# report's recommendations: "... prison terms. * Increase proactive identification ..."): a
# bullet between the end of a sentence (or a lead-in's colon) and a capital letter.
_INLINE_BULLET = re.compile(r"(?<=[.;:!?)”\"])\s+\*\s+(?=[\"“(]?[A-ZÆØÅ0-9])")
LIST_ITEM = "* "  # what starts each item of a list passage, on its own line


def as_list(block: str) -> str:
    """A paragraph that is a list flattened with " * " bullets, as a list: each item on its own
    line, starting with ``* `` (a lead-in that ends with a colon stays a line of its own, not
    an item); any other paragraph as it is. Nothing but the bullets' spacing changes, so
    :func:`as_paragraph` gives the paragraph back."""
    if "*" not in block or "\n" in block:
        return block
    pieces = _INLINE_BULLET.split(block)
    if len(pieces) < 2 or any(not p.strip() for p in pieces):
        return block
    lead = pieces[0] if pieces[0].rstrip().endswith(":") else None
    items = pieces[1:] if lead is not None else pieces
    lines = ([lead] if lead is not None else []) + [LIST_ITEM + p.strip() for p in items]
    return "\n".join(lines)


def as_paragraph(text: str) -> str:
    """A list passage as the one paragraph it was read from (" * " between its items)."""
    if "\n" + LIST_ITEM not in "\n" + text:
        return text
    lines = text.split("\n")
    out = [line[len(LIST_ITEM) :] if line.startswith(LIST_ITEM) else line for line in lines]
    return " * ".join(out)


def _unmark(blocks: list[str]) -> tuple[list[str], list[tuple[str | None, str | None]]]:
    """Blocks without their page marks, and the page labels in force at each block's first and
    last character. Blocks that were nothing but marks are dropped."""
    out: list[str] = []
    spans: list[tuple[str | None, str | None]] = []
    current: str | None = None
    for block in blocks:
        first = last = None
        pieces: list[str] = []
        pos = 0
        for m in [*_PAGE.finditer(block), None]:
            piece = block[pos : m.start() if m else len(block)]
            if piece.strip():
                first = current if first is None else first
                last = current
            pieces.append(piece)
            if m:
                current, pos = m.group(1) or None, m.end()
        text = "".join(pieces).strip()
        if text:
            out.append(text)
            spans.append((first, last))
    return out, spans


def _page_range(first: str | None, last: str | None) -> str | None:
    if first is None or last is None or first == last:
        return first or last
    return f"{first}–{last}"


# Words of the boilerplate paragraphs that stand where a report has nothing to say or where a
# heading was written as a paragraph: "Not applicable.", "Section 2.", "See Section 6."
_BOILERPLATE = frozenset(
    "not no applicable section see for more information chapter part annex appendix".split()
)
_SUBSTANCE_WORD = re.compile(r"[^\W_]+")


def substantive(text: str) -> bool:
    """Whether a passage says something a search may show: not a heading written as a
    paragraph ("Section 2.", "INTERNET FREEDOM") nor boilerplate ("Not applicable.")."""
    words = _SUBSTANCE_WORD.findall(text)
    if not words:
        return False
    if len(words) > 6:
        return True
    if not any(c.islower() for c in text):
        return False  # a heading in capitals
    return not all(w.casefold() in _BOILERPLATE or w.isdigit() for w in words)
