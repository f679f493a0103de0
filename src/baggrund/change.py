"""Changes between editions: what the newer report of a series says that the older one did not.

Two documents of the same country, source and series (say the 2022 and 2023 human rights
reports on Azerbaijan) are aligned in three steps:

1. **Sections** are matched by their normalised heading path (case, numbering such as
   ``Section 1.`` or ``a.`` and punctuation ignored), then by normalised heading alone, then,
   for sections renamed between editions, by the similarity of heading and content.
2. **Paragraphs** inside matched sections are aligned with :class:`difflib.SequenceMatcher`
   on their fingerprints: the casefolded words with every number replaced by ``#``, so that a
   paragraph whose only change is its figures lines up with its predecessor. Paragraphs left
   over in a block of changes are paired by word similarity (rewritten paragraphs): the
   normalised Indel similarity of their word sequences, by rapidfuzz (see _similarity;
   docs/benchmarks.md compares it with difflib).
3. **Moved paragraphs**: whatever is still unpaired on both sides (including the paragraphs
   of sections that have no counterpart) is paired across sections by the same similarity.

Each pair is ``unchanged``, ``rewritten`` (with a word diff), ``new`` or ``removed``; a pair
that crossed sections is marked ``moved``. Paragraphs whose numbers changed ("identified 91
victims" against "identified 94 victims") are listed first, with the old and new numbers.
Years are not figures here: every edition moves "in 2022" to "in 2023".

Everything is pure Python over the document dictionaries of :meth:`Library.document`
(sections, and passages with full anchors), so the store is read once per edition."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

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
]

KINDS = ("unchanged", "rewritten", "new", "removed")
REWRITTEN = 0.5  # word similarity from which two paragraphs are one paragraph rewritten
SAME_OPENING = 0.2  # ... for two paragraphs that open with the same words (see _similarity)
OPENING = 8  # words compared for the opening
MOVED = 0.6  # stricter across sections: a paragraph is only "moved" when clearly the same
FIGURE_SPAN = 6  # words: a changed figure is a small edit ("91 victims" -> "94 victims")
SECTION_SIMILAR = 0.5  # heading or content similarity for a renamed section

_TOKEN = re.compile(r"\s*(?:[^\W_]+(?:[.,:/-][^\W_]+)*|\S)")
_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"^\d[\d,.]*$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion dozen dozens hundreds thousands".split()
)
_MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_FULL_ANCHOR = re.compile(r"^[A-Z]{3}-\d+/")  # AZE-12/protection/4, not protection/4
_ENUMERATOR = re.compile(r"^(?:section\s+\d+[.:]?|part\s+\d+[.:]?|[a-z0-9]{1,3}[.)])\s+")


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


# -- words, fingerprints, similarity ----------------------------------------------------------
def _tokens(text: str) -> list[str]:
    """Words (with their inner dots, commas, hyphens: ``1,664``, ``U.S.``) and punctuation,
    each with the whitespace before it, so that joining them gives the text back."""
    return _TOKEN.findall(text)


@functools.lru_cache(maxsize=1 << 16)
def _is_number(word: str) -> bool:
    w = word.casefold()
    return bool(_DIGITS.match(w)) or w in _NUMBER_WORDS or (
        "-" in w and all(part in _NUMBER_WORDS for part in w.split("-"))
    )  # fmt: skip


def _is_figure(tokens: list[str], k: int) -> bool:
    """A number that is a figure: not a year, nor the day of a date ("May 27", "27 May")."""
    word = tokens[k].strip()
    if not _is_number(word) or _YEAR.match(word):
        return False
    before = tokens[k - 1].strip() if k else ""
    after = tokens[k + 1].strip() if k + 1 < len(tokens) else ""
    return before not in _MONTHS and after not in _MONTHS


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _fingerprint(words: list[str]) -> str:
    return " ".join("#" if _is_number(w) else w for w in words)


def _similarity(p: _Para, q: _Para, threshold: float) -> float:
    """Word-sequence similarity of two paragraphs (normalised Indel similarity, 2 x longest
    common subsequence of words / all words, by rapidfuzz), 0 below ``threshold``. Two
    paragraphs that open alike (same first words, figures aside) count as one paragraph
    rewritten from :data:`SAME_OPENING` on: a report keeps a paragraph's lead sentence and
    replaces its examples."""
    floor = SAME_OPENING if p.opening == q.opening and len(p.opening) >= 6 else threshold
    return Indel.normalized_similarity(p.code, q.code, score_cutoff=floor)


def word_diff(old: str, new: str) -> tuple[tuple[Segment, ...], tuple[Figure, ...]]:
    """The word diff of two texts as runs of ``equal``, ``delete`` and ``insert`` (each run's
    text keeps its spacing), and the numbers that changed, years left out."""
    a, b = _tokens(old), _tokens(new)
    ka, kb = [t.strip().casefold() for t in a], [t.strip().casefold() for t in b]
    segments: list[Segment] = []
    figures: list[Figure] = []

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
        if i2 - i1 > FIGURE_SPAN or j2 - j1 > FIGURE_SPAN:
            continue  # a sentence rewritten, not a figure changed
        gone = [a[k].strip() for k in range(i1, i2) if _is_figure(a, k)]
        came = [b[k].strip() for k in range(j1, j2) if _is_figure(b, k)]
        if gone or came:  # the words around it, in the new text (the old one if it went)
            side, lo, hi = (b, j1, j2) if came else (a, i1, i2)
            before = "".join(side[max(0, lo - 4) : lo]).strip()
            after = "".join(side[hi : hi + 4]).strip()
            figures.append(Figure(" ".join(gone), " ".join(came), before, after))
    return tuple(segments), tuple(figures)


# -- the alignment ------------------------------------------------------------------------------
@dataclass
class _Para:
    anchor: str
    heading: str
    text: str
    words: list[str] = field(repr=False)
    fingerprint: str = field(repr=False)
    code: str = field(repr=False, default="")  # one character per word (see _encode)
    opening: tuple = field(repr=False, default=())


@dataclass
class _Section:
    ordinal: int
    heading: str
    anchor: str
    key_path: str
    key: str
    paras: list[_Para]
    wordset: frozenset = frozenset()


def _normal_heading(heading: str) -> str:
    h = " ".join(heading.casefold().replace("’", "'").split())
    for _ in range(2):
        h = _ENUMERATOR.sub("", h)
    return " ".join(_WORD.findall(h))


def _encode(words: list[str], vocabulary: dict[str, str]) -> str:
    """The words as a string of one character each, shared by both editions, so that
    rapidfuzz compares word sequences at the speed of strings."""
    out = []
    for w in words:
        c = vocabulary.get(w)
        if c is None:
            n = len(vocabulary) + 0x100
            c = vocabulary[w] = chr(n if n < 0xD800 else n + 0x800)  # no surrogates
        out.append(c)
    return "".join(out)


def _edition(doc: dict, vocabulary: dict[str, str]) -> list[_Section]:
    prefix = doc.get("anchor") or f"{doc['country']}-{doc['annex']}"
    sections = {s["ordinal"]: s for s in doc["sections"]}
    by_ordinal: dict[int, _Section] = {}
    out: list[_Section] = []
    for s in sorted(doc["sections"], key=lambda s: s["ordinal"]):
        path = s.get("path") or [s["heading"]]
        sec = _Section(
            ordinal=s["ordinal"], heading=s["heading"], anchor=f"{prefix}/{s['slug']}",
            key_path=" / ".join(_normal_heading(h) for h in path),
            key=_normal_heading(s["heading"]), paras=[],
        )  # fmt: skip
        by_ordinal[s["ordinal"]] = sec
        out.append(sec)
    for p in doc["passages"]:
        sec = by_ordinal.get(p["section"])
        if sec is None:  # a passage without its section row: keep it in a section of its own
            heading = sections.get(p["section"], {}).get("heading", "")
            sec = by_ordinal[p["section"]] = _Section(p["section"], heading, prefix, "", "", [])
            out.append(sec)
        full = _FULL_ANCHOR.match(p["anchor"])
        anchor = p["anchor"] if full else f"{prefix}/{p['anchor']}"
        words = _words(p["text"])
        fingerprint = _fingerprint(words)
        sec.paras.append(_Para(anchor, sec.heading, p["text"], words, fingerprint,
                               code=_encode(words, vocabulary),
                               opening=tuple(fingerprint.split()[:OPENING])))  # fmt: skip
    for sec in out:
        sec.wordset = frozenset(w for p in sec.paras for w in p.words)
    return out


def _match_sections(old: list[_Section], new: list[_Section]) -> dict[int, int]:
    """old index -> new index."""
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for attr in ("key_path", "key"):
        new_keys = Counter(getattr(s, attr) for s in new)
        old_keys = Counter(getattr(s, attr) for s in old)
        where = {getattr(s, attr): j for j, s in enumerate(new)}
        for i, s in enumerate(old):
            k = getattr(s, attr)
            if i in matched or attr == "key" and (new_keys[k] > 1 or old_keys[k] > 1):
                continue
            j = where.get(k)
            if j is not None and j not in taken and (attr == "key_path" or new_keys[k] == 1):
                matched[i] = j
                taken.add(j)
    # renamed: similar heading, or similar content under a different heading
    candidates = []
    for i, s in enumerate(old):
        if i in matched:
            continue
        for j, t in enumerate(new):
            if j in taken:
                continue
            heading = SequenceMatcher(None, s.key, t.key).ratio() if s.key and t.key else 0.0
            union = len(s.wordset | t.wordset)
            content = len(s.wordset & t.wordset) / union if union else 0.0
            score = max(heading * (0.5 + 0.5 * content), content)
            if score >= SECTION_SIMILAR:
                candidates.append((score, i, j))
    for _, i, j in sorted(candidates, reverse=True):
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    return matched


def _pair_best(olds: list[_Para], news: list[_Para], threshold: float) -> list[tuple]:
    """Greedy pairing of the most similar paragraphs: (score, old index, new index)."""
    scored = []
    for i, p in enumerate(olds):
        for j, q in enumerate(news):
            score = _similarity(p, q, threshold)
            if score:
                scored.append((score, i, j))
    used_i, used_j, out = set(), set(), []
    for score, i, j in sorted(scored, reverse=True):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((score, i, j))
    return out


def _pair(p: _Para | None, q: _Para | None, score: float = 1.0, moved: bool = False):
    old = Side(p.anchor, p.heading, p.text) if p else None
    new = Side(q.anchor, q.heading, q.text) if q else None
    if p is None:
        return PassagePair("new", None, new, 0.0)
    if q is None:
        return PassagePair("removed", old, None, 0.0)
    if p.text == q.text:
        return PassagePair("unchanged", old, new, 1.0, moved)
    diff, figures = word_diff(p.text, q.text)
    if all(s.op == "equal" or not s.text.strip() for s in diff):  # only spacing differs
        return PassagePair("unchanged", old, new, 1.0, moved)
    if score >= 1.0:  # aligned by fingerprint: only figures differ, or little else
        score = Indel.normalized_similarity(p.code, q.code) if p.code != q.code else 0.999
    return PassagePair("rewritten", old, new, score, moved, diff, figures)


def _align(old: list[_Para], new: list[_Para]) -> list[tuple]:
    """(sort key, old para or None, new para or None, score) in reading order."""
    out = []
    matcher = SequenceMatcher(None, [p.fingerprint for p in old], [q.fingerprint for q in new],
                              autojunk=False)  # fmt: skip
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                out.append(((j1 + k, 1, i1 + k), old[i1 + k], new[j1 + k], 1.0))
            continue
        olds, news = old[i1:i2], new[j1:j2]
        paired = _pair_best(olds, news, REWRITTEN) if olds and news else []
        done_i = {i for _, i, _ in paired}
        done_j = {j for _, _, j in paired}
        for score, i, j in paired:
            out.append(((j1 + j, 1, i1 + i), olds[i], news[j], score))
        new_of = {i: j for _, i, j in paired}
        for i, p in enumerate(olds):
            if i not in done_i:  # after the pair of the old paragraph before it, if any
                before = [new_of[k] for k in range(i) if k in new_of]
                key = (j1 + before[-1], 1, i1 + i) if before else (j1, 0, i1 + i)
                out.append((key, p, None, 0.0))
        for j, q in enumerate(news):
            if j not in done_j:
                out.append(((j1 + j, 1, 0), None, q, 0.0))
    return out


def _meta(doc: dict) -> dict:
    keep = ("key", "anchor", "country", "annex", "source", "series", "edition_year", "title",
            "published", "added", "url", "citation", "citation_da")  # fmt: skip
    return {k: doc.get(k) for k in keep if k in doc}


def compare(old_doc: dict, new_doc: dict) -> Changes:
    """Align two editions (document dictionaries with ``sections`` and ``passages``, as
    :meth:`baggrund.library.Library.document` returns them) and classify every passage."""
    vocabulary: dict[str, str] = {}
    old, new = _edition(old_doc, vocabulary), _edition(new_doc, vocabulary)
    matched = _match_sections(old, new)
    # per section: a list of [sort key, old para, new para, score, moved]
    rows_new: dict[int, list[list]] = {j: [] for j in range(len(new))}
    rows_old_only: dict[int, list[list]] = {}
    for i, j in matched.items():
        rows_new[j] = [[*row, False] for row in _align(old[i].paras, new[j].paras)]
    for i, s in enumerate(old):
        if i not in matched:
            rows_old_only[i] = [[(k, 0, k), p, None, 0.0, False] for k, p in enumerate(s.paras)]
    for j, s in enumerate(new):
        if j not in matched.values():
            rows_new[j] = [[(k, 1, 0), None, q, 0.0, False] for k, q in enumerate(s.paras)]
    # moved paragraphs: unpaired old ones against unpaired new ones, across sections
    all_rows = [*rows_new.values(), *rows_old_only.values()]
    lonely_old = [row for rows in all_rows for row in rows if row[2] is None]
    lonely_new = [row for rows in rows_new.values() for row in rows if row[1] is None]
    if lonely_old and lonely_new:
        olds = [row[1] for row in lonely_old]
        news = [row[2] for row in lonely_new]
        for score, i, j in _pair_best(olds, news, MOVED):
            target, source = lonely_new[j], lonely_old[i]
            target[1], target[3], target[4] = source[1], score, True
            source[1] = None  # taken: dropped below
    sections: list[SectionPair] = []

    def section_pair(s_old: _Section | None, s_new: _Section | None, rows: list[list]):
        rows = sorted((r for r in rows if r[1] is not None or r[2] is not None),
                      key=lambda r: r[0])  # fmt: skip
        pairs = tuple(_pair(r[1], r[2], r[3], r[4]) for r in rows)
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
        i = new_to_old.get(j)
        sections.append(section_pair(old[i] if i is not None else None, s, rows_new[j]))
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
        where = f" from {source}" if source else ""
        raise NotFound(f"no report series{where} for {country}")
    if series is None:
        if len(names) > 1:
            raise NotFound(f"{country} has several series; name one: {'; '.join(names)}")
        chosen = names[0]
    else:
        wanted = " ".join(series.split()).casefold()
        exact = [n for n in names if n.casefold() == wanted]
        partial = [n for n in names if wanted in n.casefold()]
        chosen_list = exact or partial
        if not chosen_list:
            raise NotFound(f"no series {series!r} for {country}; there is: {'; '.join(names)}")
        if len(chosen_list) > 1:
            raise NotFound(f"{series!r} matches several series: {'; '.join(chosen_list)}")
        chosen = chosen_list[0]
    editions = [r for r in rows if r["series"] == chosen]
    years = sorted({y for y in map(_year, editions) if y})

    def one(year: int) -> dict:
        found = [r for r in editions if _year(r) == year]
        if not found:
            have = ", ".join(map(str, years)) or "none with a year"
            raise NotFound(f"no {year} edition of {chosen!r} for {country}; editions: {have}")
        sources = sorted({r["source"] for r in found})
        if len(sources) > 1:
            raise NotFound(f"the {year} edition of {chosen!r} for {country} comes from "
                           f"several sources ({'; '.join(sources)}): name one with --source")  # fmt: skip
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
