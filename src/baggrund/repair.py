"""Text repair for real material: escaped dollar signs, Windows line ends, and paragraphs broken
in the middle of a sentence by a PDF page break ("...within 24 hours to" / "ATD, which...").

Repairs are conservative: a paragraph is joined to the next only where the first one plainly
stops mid-sentence (it ends with a comma, a hyphen, or a word such as "to", "the", "and" that
cannot end an English or Danish sentence, or with a lower-case word followed by a lower-case
continuation). Every repair is counted so that it can be reported."""

from __future__ import annotations

import re

__all__ = ["clean_text", "split_blocks", "join_broken_paragraphs", "join_grouped"]

_BLANK_LINES = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")
# Words after which no sentence ends (English and Danish).
_CONTINUES = frozenset(
    """a an the to of and or but nor in on at by for from with within without into onto upon
    as than that which who whom whose where when while if because although though since until
    unless between among about against during under over through per via including such
    is are was were be been being has have had not no its their his her our your this these
    those any some each every all both either neither more most less least very
    og eller men i på af til fra med for om ved som der den det de en et at har er var
    mellem under over efter før uden""".split()
)
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


def clean_text(text: str) -> str:
    """Unify line ends, drop NUL and other control characters, unescape ``\\$``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\$", "$")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def split_blocks(text: str) -> list[str]:
    """Blocks separated by blank lines, stripped, empty ones dropped."""
    return [b.strip() for b in _BLANK_LINES.split(text) if b.strip()]


def _ends_mid_sentence(block: str, following: str) -> bool:
    if len(block) < 40 or not following[:1].isalnum():
        return False
    last = block[-1]
    if last in ",-\u2013(" or (last == "-" and following[:1].islower()):
        return True
    if not last.isalpha():
        return False
    m = _LAST_WORD.search(block)
    word = m.group(1) if m else ""
    if word in _CONTINUES:  # lower case only: "US" or "Act" may end a sentence
        return True
    return word[:1].islower() and following[:1].islower()


def join_broken_paragraphs(blocks: list[str], is_heading) -> tuple[list[str], int]:
    """Join each block that stops mid-sentence with the next one. ``is_heading(block)`` tells
    which blocks are headings (never joined). Returns the blocks and the number of joins."""
    out, groups = join_grouped(blocks, is_heading)
    return out, len(blocks) - len(groups)


def join_grouped(blocks: list[str], is_heading) -> tuple[list[str], list[tuple[int, int]]]:
    """As :func:`join_broken_paragraphs`, with the (first, last) index of the input blocks that
    make up each output block."""
    out: list[str] = []
    groups: list[tuple[int, int]] = []
    for i, block in enumerate(blocks):
        if (
            out
            and not is_heading(out[-1])
            and not is_heading(block)
            and _ends_mid_sentence(out[-1], block)
        ):
            sep = "" if out[-1].endswith("-") and block[:1].islower() else " "
            out[-1] = out[-1] + sep + block
            groups[-1] = (groups[-1][0], i)
        else:
            out.append(block)
            groups.append((i, i))
    return out, groups
