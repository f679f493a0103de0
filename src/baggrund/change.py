"""Changes between editions: what the newer report of a series says that the older one did not.

Two documents of the same country, source and series (say the 2022 and 2023 human rights
reports on Azerbaijan) are aligned by :mod:`baggrund.alignment`: sections by heading (also
renumbered, or renamed when their paragraphs carried over), then the paragraphs of each pair of
sections by fingerprint (words with the numbers blanked), word similarity and, for heavily
rewritten paragraphs, what they still share (sentences, names, figures) and their place; what
is still unpaired is paired across sections when clearly the same paragraph (moved).

Each pair is ``unchanged``, ``rewritten`` (with a word diff), ``new`` or ``removed``; a pair
that crossed sections is marked ``moved``, one that changed place within its section
``reordered``. Paragraphs whose figures changed ("identified 91 victims" against "identified
94 victims") are listed first, with the old and new numbers. Years, days of dates, and the
numbers of sections, articles and laws are not figures: every edition moves "in 2022" to "in
2023", and "section 2.b." or "Article 301" count nothing.

Everything is pure Python over the document dictionaries of :meth:`Library.document`
(sections, and passages with full anchors), so the store is read once per edition."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

from .alignment import (
    MONTHS,
    MOVED,
    REWRITTEN,
    Para,
    Section,
    align,
    edition,
    is_number,
    is_year,
    match_sections,
    pair_best,
    rarity,
    reordered,
)
from .errors import NotFound

__all__ = [
    "Side",
    "Segment",
    "Figure",
    "PassagePair",
    "SectionPair",
    "Changes",
    "compare",
    "pick_editions",
    "series_editions",
    "word_diff",
    "KINDS",
    "REWRITTEN",
]

KINDS = ("unchanged", "rewritten", "new", "removed")
FIGURE_SPAN = 6  # words: a changed figure is a small edit ("91 victims" -> "94 victims")

_TOKEN = re.compile(r"\s*(?:[^\W_]+(?:[.,:/-][^\W_]+)*|\S)")
# a number after these words is a reference (section 2, Article 301, Law No. 5), not a figure
_REFERENCES = frozenset(
    "section sections subsection article articles art arts paragraph paragraphs para clause "
    "clauses chapter chapters part law laws act decree decrees resolution resolutions code "
    "order ordinance regulation amendment amendments protocol no nos number numbers item "
    "items point points rule rules bill decision title annex page pages p pp".split()
)
_MAGNITUDES = frozenset("hundred thousand million billion trillion percent".split())
_NOT_UNITS = frozenset(
    "of in on at to and or the a an by for from with than as per each more less other".split()
)
_QUALIFIERS = frozenset(
    "$ € £ at least more than fewer less over about approximately around nearly almost some "
    "an estimated up to as many much roughly just".split()
)
_JOINERS = frozenset(", . - – and or to through & /".split())  # "Articles 5 and 6", "May 3-5"
_DAY_JOINERS = frozenset("- – and or to through &".split())


# -- results ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Side:
    """One passage of one edition."""

    anchor: str  # full anchor, e.g. AZE-12/section-1-respect/4
    section: str  # the section's heading
    text: str

    def to_dict(self) -> dict:
        return {"anchor": self.anchor, "section": self.section, "text": self.text}


@dataclass(frozen=True)
class Segment:
    """A run of a word diff: ``equal``, ``insert`` (only in the new edition) or ``delete``."""

    op: str
    text: str


@dataclass(frozen=True)
class Figure:
    """Numbers that changed in one place: ``old`` ``91`` became ``new`` ``94``, between the
    words ``before`` and ``after`` (of the new text; of the old one when the number was taken
    away). ``old`` or ``new`` is empty when a number was only added or only taken away."""

    old: str
    new: str
    before: str = ""
    after: str = ""

    def to_dict(self) -> dict:
        return {"old": self.old, "new": self.new, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class PassagePair:
    kind: str  # one of KINDS
    old: Side | None
    new: Side | None
    similarity: float = 1.0  # word similarity of old and new (0 for new and removed)
    moved: bool = False  # paired across sections
    reordered: bool = False  # paired within its section, in another place among its neighbours
    diff: tuple[Segment, ...] = ()  # for rewritten pairs
    figures: tuple[Figure, ...] = ()  # numbers that changed (rewritten pairs)

    @property
    def inserted(self) -> list[str]:
        return [s.text.strip() for s in self.diff if s.op == "insert"]

    @property
    def deleted(self) -> list[str]:
        return [s.text.strip() for s in self.diff if s.op == "delete"]

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "moved": self.moved,
            "reordered": self.reordered,
            "similarity": round(self.similarity, 3),
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
            "figures": [f.to_dict() for f in self.figures],
            "diff": [{"op": s.op, "text": s.text} for s in self.diff],
        }


@dataclass(frozen=True)
class SectionPair:
    old_heading: str | None  # None: a section only in the new edition
    new_heading: str | None  # None: a section only in the old edition
    old_anchor: str | None  # e.g. AZE-12/protection
    new_anchor: str | None
    pairs: tuple[PassagePair, ...]

    @property
    def heading(self) -> str:
        return self.new_heading or self.old_heading or ""

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(p.kind for p in self.pairs)
        return {k: counted.get(k, 0) for k in KINDS}

    def to_dict(self) -> dict:
        return {
            "old_heading": self.old_heading,
            "new_heading": self.new_heading,
            "old_anchor": self.old_anchor,
            "new_anchor": self.new_anchor,
            "counts": self.counts,
            "pairs": [p.to_dict() for p in self.pairs],
        }


@dataclass(frozen=True)
class Changes:
    """Two editions aligned: changed figures first, then every section with its pairs."""

    old: dict  # document metadata (key, anchor, title, edition_year, published, ...)
    new: dict
    figures: tuple[PassagePair, ...]  # rewritten pairs whose numbers changed, in new order
    sections: tuple[SectionPair, ...]

    @property
    def counts(self) -> dict[str, int]:
        total: Counter = Counter()
        for s in self.sections:
            total.update(s.counts)
        return {k: total.get(k, 0) for k in KINDS} | {
            "moved": sum(p.moved for s in self.sections for p in s.pairs),
            "reordered": sum(p.reordered for s in self.sections for p in s.pairs),
            "figures": len(self.figures),
        }

    def to_dict(self) -> dict:
        return {
            "old": self.old,
            "new": self.new,
            "counts": self.counts,
            "figures": [p.to_dict() for p in self.figures],
            "sections": [s.to_dict() for s in self.sections],
        }


# -- words and figures ------------------------------------------------------------------------
def _tokens(text: str) -> list[str]:
    """Words (with their inner dots, commas, hyphens: ``1,664``, ``U.S.``) and punctuation,
    each with the whitespace before it, so that joining them gives the text back."""
    return _TOKEN.findall(text)


def _neighbour(tokens: list[str], k: int, step: int, joiners: frozenset[str]) -> str:
    """The first word before (``step`` -1) or after (+1) token ``k`` past other numbers and
    the ``joiners`` between them ("Articles 5 and 6", "May 3-5", "3 and 4 May")."""
    k += step
    while 0 <= k < len(tokens):
        word = tokens[k].strip()
        if not (word in joiners or is_number(word) and not is_year(word)):
            return word
        k += step
    return ""


def _is_figure(tokens: list[str], k: int) -> bool:
    """A number that is a figure: not a year, nor the day of a date ("May 27", "27 May", "May
    3 and 4"), nor the number of a section, article, law or other reference ("section 2",
    "Articles 5, 6 and 7", "Law No. 5")."""
    word = tokens[k].strip()
    if not is_number(word) or is_year(word):
        return False
    if word.isdigit() and int(word) <= 31:
        days = _DAY_JOINERS  # not past a comma: "On January 15, five terrorists"
        if _neighbour(tokens, k, -1, days) in MONTHS or _neighbour(tokens, k, 1, days) in MONTHS:
            return False
    return _neighbour(tokens, k, -1, _JOINERS).casefold().rstrip(".") not in _REFERENCES


def _unit(tokens: list[str], k: int) -> str:
    """What a figure counts: the word after it ("94 victims"), and the one after that when
    the first is a magnitude ("$39 million worth"), casefolded; empty when that is not a
    word, or not a word that says what is counted ("12 of", "5 percent")."""
    out = []
    for token in tokens[k + 1 : k + 3]:
        word = token.strip().casefold()
        if not word[:1].isalpha() or word in _NOT_UNITS:
            return ""
        out.append(word)
        if word not in _MAGNITUDES:
            return " ".join(out)
    return ""


def _lead(tokens: list[str], k: int) -> str:
    """The word that leads to a figure ("recorded 3,832 cases", "there were approximately
    48,000 persons": "recorded", "were"), past qualifiers and signs, casefolded."""
    k -= 1
    while k >= 0:
        word = tokens[k].strip().casefold()
        if word not in _QUALIFIERS:
            return word
        k -= 1
    return ""


def _context(side: list[str], lo: int, hi: int) -> tuple[str, str]:
    return "".join(side[max(0, lo - 4) : lo]).strip(), "".join(side[hi : hi + 4]).strip()


def _figures(tokens: list[str]) -> set[int]:
    """The positions of the figures among the tokens (see :func:`_is_figure`)."""
    out = set()
    for k, token in enumerate(tokens):
        first = token.lstrip()[:1]
        if (first.isdigit() or first.isalpha() and is_number(token.strip())) and _is_figure(
            tokens, k
        ):
            out.add(k)
    return out


def _updates(
    a: list[str], b: list[str], spans: list[tuple[int, int, int, int]], fig_a: set[int],
    fig_b: set[int],
) -> list:  # fmt: skip
    """Figures updated inside sentences that were rewritten (edits longer than
    :data:`FIGURE_SPAN` words): an old figure and a new one that count the same thing in the
    same way (the same word after them and the same word leading to them, qualifiers aside:
    "recorded 3,832 cases" -> "recorded 10,510 cases"), neither found on the other side, each
    the only one of its kind. (new token index, Figure) for each."""
    values_a = {a[k].strip() for k in fig_a}
    values_b = {b[k].strip() for k in fig_b}
    gone, came = [], []
    for i1, i2, j1, j2 in spans:
        gone += [k for k in sorted(fig_a) if i1 <= k < i2 and a[k].strip() not in values_b]
        came += [k for k in sorted(fig_b) if j1 <= k < j2 and b[k].strip() not in values_a]
    out, used = [], set()
    for k in gone:
        unit = _unit(a, k)
        if not unit or not unit[0].isalpha():
            continue
        lead = _lead(a, k)
        match = [m for m in came if m not in used and _unit(b, m) == unit and _lead(b, m) == lead]
        if len(match) != 1 or sum(_unit(a, g) == unit and _lead(a, g) == lead for g in gone) != 1:
            continue  # several figures of the same thing: which became which is not known
        m = match[0]
        used.add(m)
        before, after = _context(b, m, m + 1)
        out.append((m, Figure(a[k].strip(), b[m].strip(), before, after)))
    return out


def word_diff(
    old: str, new: str, heavy: bool = False
) -> tuple[tuple[Segment, ...], tuple[Figure, ...]]:
    """The word diff of two texts as runs of ``equal``, ``delete`` and ``insert`` (each run's
    text keeps its spacing), and the figures that changed (years, dates and reference numbers
    left out): in a small edit, every figure taken away or added; in a rewritten sentence, and
    everywhere in a ``heavy`` rewrite (most words changed), an old figure and the new one of
    the same thing."""
    a, b = _tokens(old), _tokens(new)
    ka, kb = [t.strip().casefold() for t in a], [t.strip().casefold() for t in b]
    segments: list[Segment] = []
    figures: list[tuple[int, Figure]] = []
    rewritten: list[tuple[int, int, int, int]] = []
    fig_a, fig_b = _figures(a), _figures(b)

    def add(op: str, text: str) -> None:
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", "".join(b[j1:j2]))
            continue
        add("delete", "".join(a[i1:i2]))
        add("insert", "".join(b[j1:j2]))
        if heavy or i2 - i1 > FIGURE_SPAN or j2 - j1 > FIGURE_SPAN:
            rewritten.append((i1, i2, j1, j2))  # a sentence rewritten, not a figure changed
            continue
        gone = [a[k].strip() for k in range(i1, i2) if k in fig_a]
        came = [b[k].strip() for k in range(j1, j2) if k in fig_b]
        if gone or came:  # the words around it, in the new text (the old one if it went)
            side, lo, hi = (b, j1, j2) if came else (a, i1, i2)
            figures.append((j1, Figure(" ".join(gone), " ".join(came), *_context(side, lo, hi))))
    if rewritten:
        figures += _updates(a, b, rewritten, fig_a, fig_b)
    return tuple(segments), tuple(f for _, f in sorted(figures, key=lambda x: x[0]))


# -- pairs ------------------------------------------------------------------------------------
def _pair(
    p: Para | None, q: Para | None, score: float = 1.0, moved: bool = False,
    reordered: bool = False,
) -> PassagePair:  # fmt: skip
    old = Side(p.anchor, p.heading, p.text) if p else None
    new = Side(q.anchor, q.heading, q.text) if q else None
    if p is None:
        return PassagePair("new", None, new, 0.0)
    if q is None:
        return PassagePair("removed", old, None, 0.0)
    if p.text == q.text:
        return PassagePair("unchanged", old, new, 1.0, moved, reordered)
    diff, figures = word_diff(p.text, q.text, heavy=score < REWRITTEN)
    if all(s.op == "equal" or not s.text.strip() for s in diff):  # only spacing differs
        return PassagePair("unchanged", old, new, 1.0, moved, reordered)
    if score >= 1.0:  # aligned by fingerprint: only figures differ, or little else
        score = Indel.normalized_similarity(p.code, q.code) if p.code != q.code else 0.999
    return PassagePair("rewritten", old, new, score, moved, reordered, diff, figures)


def _rows(old: list[Para], new: list[Para], weights: dict[str, float]) -> list[list]:
    """The aligned paragraphs of two matched sections in reading order: [sort key, old para or
    None, new para or None, score, moved, reordered]. A removed paragraph stands after the new
    partner of the paired old paragraph before it."""
    aligned = align(old, new, weights)
    new_of = {i: j for i, j, _ in aligned if i is not None and j is not None}
    out_of_order = reordered(list(new_of.items()))
    rows = []
    last = (0, 0)  # sort key position of the paired old paragraph before
    for i, j, score in sorted(aligned, key=lambda r: r[0] if r[0] is not None else -1):
        if i is None:
            rows.append([(j, 1, 0), None, new[j], 0.0, False, False])
        elif j is None:
            rows.append([(last[0], last[1], i), old[i], None, 0.0, False, False])
        else:
            if (i, j) not in out_of_order:
                last = (j, 1)
            rows.append([(j, 1, i), old[i], new[j], score, False, (i, j) in out_of_order])
    return rows


def _meta(doc: dict) -> dict:
    keep = ("key", "anchor", "country", "annex", "source", "series", "edition_year", "title",
            "published", "added", "url", "citation", "citation_da")  # fmt: skip
    return {k: doc.get(k) for k in keep if k in doc}


def compare(old_doc: dict, new_doc: dict) -> Changes:
    """Align two editions (document dictionaries with ``sections`` and ``passages``, as
    :meth:`baggrund.library.Library.document` returns them) and classify every passage."""
    vocabulary: dict[str, str] = {}
    old, new = edition(old_doc, vocabulary), edition(new_doc, vocabulary)
    weights = rarity(old, new)
    matched = match_sections(old, new)
    # per section: a list of [sort key, old para, new para, score, moved, reordered]
    rows_new: dict[int, list[list]] = {j: [] for j in range(len(new))}
    rows_old_only: dict[int, list[list]] = {}
    for i, j in matched.items():
        rows_new[j] = _rows(old[i].paras, new[j].paras, weights)
    for i, s in enumerate(old):
        if i not in matched:
            rows = [[(k, 0, k), p, None, 0.0, False, False] for k, p in enumerate(s.paras)]
            rows_old_only[i] = rows
    for j, s in enumerate(new):
        if j not in matched.values():
            rows_new[j] = [[(k, 1, 0), None, q, 0.0, False, False] for k, q in enumerate(s.paras)]
    # moved paragraphs: unpaired old ones against unpaired new ones, across sections
    all_rows = [*rows_new.values(), *rows_old_only.values()]
    lonely_old = [row for rows in all_rows for row in rows if row[2] is None]
    lonely_new = [row for rows in rows_new.values() for row in rows if row[1] is None]
    if lonely_old and lonely_new:
        olds = [row[1] for row in lonely_old]
        news = [row[2] for row in lonely_new]
        for score, i, j in pair_best(olds, news, MOVED):
            target, source = lonely_new[j], lonely_old[i]
            target[1], target[3], target[4] = source[1], score, True
            source[1] = None  # taken: dropped below
    sections: list[SectionPair] = []

    def section_pair(s_old: Section | None, s_new: Section | None, rows: list[list]):
        rows = sorted((r for r in rows if r[1] is not None or r[2] is not None),
                      key=lambda r: r[0])  # fmt: skip
        pairs = tuple(_pair(r[1], r[2], r[3], r[4], r[5]) for r in rows)
        return SectionPair(
            s_old.heading if s_old else None, s_new.heading if s_new else None,
            s_old.anchor if s_old else None, s_new.anchor if s_new else None, pairs,
        )  # fmt: skip

    new_to_old = {j: i for i, j in matched.items()}
    placed_after: dict[int, list[int]] = {}  # new index -> unmatched old sections after it
    last_new = -1
    for i in range(len(old)):
        if i in matched:
            last_new = matched[i]
        else:
            placed_after.setdefault(last_new, []).append(i)
    for i in placed_after.get(-1, []):
        sections.append(section_pair(old[i], None, rows_old_only[i]))
    for j, s in enumerate(new):
        before = new_to_old.get(j)
        sections.append(section_pair(old[before] if before is not None else None, s, rows_new[j]))
        for k in placed_after.get(j, []):
            sections.append(section_pair(old[k], None, rows_old_only[k]))
    sections = [s for s in sections if s.pairs]  # headings with nothing under them left out
    figures = tuple(p for s in sections for p in s.pairs if p.figures)
    return Changes(_meta(old_doc), _meta(new_doc), figures, tuple(sections))


# -- choosing the editions ----------------------------------------------------------------------
def _year(row: dict) -> int | None:
    if row.get("edition_year"):
        return int(row["edition_year"])
    published = row.get("published")
    return int(str(published)[:4]) if published else None


def pick_editions(
    rows: list[dict], country: str, series: str | None, from_year: int, to_year: int,
    source: str | None = None,
) -> tuple[dict, dict]:  # fmt: skip
    """The two documents to compare among a country's document rows: the ``series`` (exact,
    else the one whose name contains it, case-insensitively; may be None when the country has
    one series only) of ``source`` (a canonical name, or None), in the edition years given.
    Raises :class:`NotFound` naming what there is."""
    if from_year == to_year:
        raise ValueError(f"--from and --to are both {from_year}: name two different years")
    rows = [r for r in rows if r.get("series") and (source is None or r["source"] == source)]
    names = sorted({r["series"] for r in rows})
    if not names:
        if source:
            raise NotFound("no report series from {source} for {country}", source=source,
                           country=country)  # fmt: skip
        raise NotFound("no report series for {country}", country=country)
    if series is None:
        if len(names) > 1:
            raise NotFound("{country} has several series; name one: {names}", country=country,
                           names="; ".join(names))  # fmt: skip
        chosen = names[0]
    else:
        wanted = " ".join(series.split()).casefold()
        exact = [n for n in names if n.casefold() == wanted]
        partial = [n for n in names if wanted in n.casefold()]
        chosen_list = exact or partial
        if not chosen_list:
            raise NotFound("no series {series} for {country}; there is: {names}",
                           series=repr(series), country=country, names="; ".join(names))  # fmt: skip
        if len(chosen_list) > 1:
            raise NotFound("{series} matches several series: {names}", series=repr(series),
                           names="; ".join(chosen_list))  # fmt: skip
        chosen = chosen_list[0]
    editions = [r for r in rows if r["series"] == chosen]
    years = sorted({y for y in map(_year, editions) if y})

    def one(year: int) -> dict:
        found = [r for r in editions if _year(r) == year]
        if not found:
            if not years:
                raise NotFound("no {year} edition of {series} for {country}; editions: none with"
                               " a year", year=str(year), series=repr(chosen), country=country)  # fmt: skip
            raise NotFound("no {year} edition of {series} for {country}; editions: {years}",
                           year=str(year), series=repr(chosen), country=country,
                           years=", ".join(map(str, years)))  # fmt: skip
        sources = sorted({r["source"] for r in found})
        if len(sources) > 1:
            raise NotFound("the {year} edition of {series} for {country} comes from several"
                           " sources ({sources}): name one with --source", year=str(year),
                           series=repr(chosen), country=country, sources="; ".join(sources))  # fmt: skip
        # an edition stored twice (e.g. a re-issued report): the latest addition
        return max(found, key=lambda r: (r.get("added") or "", r.get("annex") or 0))

    return one(from_year), one(to_year)


def series_editions(rows: list[dict]) -> dict[str, list[int]]:
    """Each report series among a country's document rows with its edition years, in order."""
    out: dict[str, set[int]] = {}
    for row in rows:
        year = _year(row)
        if row.get("series") and year:
            out.setdefault(row["series"], set()).add(year)
    return {name: sorted(years) for name, years in sorted(out.items())}
