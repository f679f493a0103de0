"""The alignment of two editions: sections matched to sections, paragraphs to paragraphs.

Used by :mod:`baggrund.change`, which turns the alignment into pairs of passages with their word
diffs. Three kinds of evidence pair two paragraphs:

1. **Fingerprints** (the casefolded words with every number replaced by ``#``), aligned in
   order by :class:`difflib.SequenceMatcher`: a paragraph whose only change is its figures.
2. **Word similarity**: the normalised Indel similarity of the word sequences (by rapidfuzz,
   each word encoded as one character), from :data:`REWRITTEN`; from :data:`SAME_OPENING` for
   two paragraphs that open with the same words.
3. **Carry-over**, for paragraphs rewritten so heavily that most words changed: what they
   still share (whole sentences, rare words such as names, places, organisations and figures,
   weighted by their rarity in the two editions) and their place (between the same two aligned
   neighbours). Scored only between the unpaired paragraphs of one pair of sections, and paired
   greedily, best first, from :data:`CARRIED`.

Sections are matched by their normalised heading path, then by heading alone, then, renamed,
by heading similarity together with content: most of the old section's paragraphs have a
counterpart (similar words, or a sentence kept) in the one new section."""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

REWRITTEN = 0.5  # word similarity from which two paragraphs are one paragraph rewritten
SAME_OPENING = 0.2  # ... for two paragraphs that open with the same words (see similarity)
OPENING = 8  # words compared for the opening
OPENING_KEPT = 5  # first words in common, one of them rare, that count as a sentence kept
MOVED = 0.6  # stricter across sections: a paragraph is only "moved" when clearly the same
SECTION_SIMILAR = 0.5  # heading or content similarity for a renamed section
RENAMED_HEADING = 0.4  # heading similarity of a renamed section whose paragraphs carried over
RENAMED_SHARE = 0.5  # ... the share of its paragraphs that resemble ones of the new section
CARRIED = 0.35  # carry-over score from which two heavily rewritten paragraphs are one
SENTENCE_WORDS = 6  # a sentence shared word for word counts from this length
SENTENCE_NEAR = 0.7  # word similarity from which a sentence is kept with a word or two changed
SENTENCE_KEPT = 25  # words of sentences kept word for word that alone make a paragraph kept
RARE = 0.05  # a word is rare when it is in at most this share of the paragraphs (at least 2)

_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"^\d[\d,.]*$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_DATE_WORDS = frozenset(
    "on in since by during from between through until to and early late mid the of # "
    "january february march april may june july august september october november december".split()
)
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion dozen dozens hundreds thousands".split()
)
_FULL_ANCHOR = re.compile(r"^[A-Z]{3}-\d+/")  # AZE-12/protection/4, not protection/4
_ENUMERATOR = re.compile(r"^(?:section\s+\d+[.:]?|part\s+\d+[.:]?|[a-z0-9]{1,3}[.)])\s+")
# capitalised words that say nothing of what a paragraph is about
_HEADING_STOP = frozenset("of and the in for to a an or with on including".split())
_COMMON_CAPITALS = frozenset(
    "the a an in on at of for and or but by with from to as this that these those there their "
    "it its he she they we his her according during while when after before although however "
    "since until under between among despite following government authorities law ngos ngo "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@functools.lru_cache(maxsize=1 << 16)
def is_number(word: str) -> bool:
    """Digits (``1,664``, ``3.5``) or a number written out (``twelve``, ``twenty-one``)."""
    w = word.casefold()
    return bool(_DIGITS.match(w)) or w in _NUMBER_WORDS or (
        "-" in w and all(part in _NUMBER_WORDS for part in w.split("-"))
    )  # fmt: skip


def is_year(word: str) -> bool:
    return bool(_YEAR.match(word))


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def fingerprint(ws: list[str]) -> str:
    return " ".join("#" if is_number(w) else w for w in ws)


def normal_heading(heading: str) -> str:
    h = " ".join(heading.casefold().replace("’", "'").split())
    for _ in range(2):
        h = _ENUMERATOR.sub("", h)
    return " ".join(_WORD.findall(h))


def _marks(raw: list[str]) -> frozenset[str]:
    """Names, acronyms and figures among a paragraph's words (as written): capitalised words
    (not the common ones that open sentences) and numbers other than years and the days of
    dates ("May 27", "27 May"), casefolded."""
    out = set()
    last = len(raw) - 1
    for k, w in enumerate(raw):
        first = w[0]
        if first.isdigit():
            if not w.isdigit() or is_year(w):
                continue
            if k and raw[k - 1] in MONTHS or k < last and raw[k + 1] in MONTHS:
                continue
            out.add(w)
        elif first.isupper() and len(w) > 1:
            key = w.casefold()
            if key not in _COMMON_CAPITALS:
                out.add(key)
    return frozenset(out)


# -- paragraphs and sections ------------------------------------------------------------------
@dataclass
class Para:
    anchor: str
    heading: str
    text: str
    words: list[str] = field(repr=False)
    fingerprint: str = field(repr=False)
    code: str = field(repr=False, default="")  # one character per word (see _encode)
    opening: tuple = field(repr=False, default=())
    raw: list[str] = field(repr=False, default_factory=list)  # the words as written

    @functools.cached_property
    def sentence_codes(self) -> tuple[str, ...]:
        """The paragraph's sentences of :data:`SENTENCE_WORDS` words or more, each as the
        slice of :attr:`code` that holds its words (computed for unpaired paragraphs only)."""
        starts = [m.start() for m in _WORD.finditer(self.text)]  # as many as the words
        ends = [m.start() for m in _SENTENCE.finditer(self.text)] + [len(self.text)]
        out, at = [], 0
        for end in ends:
            to = bisect.bisect_left(starts, end, at)
            if to - at >= SENTENCE_WORDS:
                out.append(self.code[at:to])
            at = to
        return tuple(dict.fromkeys(out))

    @functools.cached_property
    def sentences(self) -> frozenset[str]:
        return frozenset(self.sentence_codes)

    @functools.cached_property
    def marks(self) -> frozenset[str]:
        return _marks(self.raw)


@dataclass
class Section:
    ordinal: int
    heading: str
    anchor: str
    key_path: str
    key: str
    paras: list[Para]
    wordset: frozenset = frozenset()


def _encode(ws: list[str], vocabulary: dict[str, str]) -> str:
    """The words as a string of one character each, shared by both editions, so that
    rapidfuzz compares word sequences at the speed of strings."""
    out = []
    for w in ws:
        c = vocabulary.get(w)
        if c is None:
            n = len(vocabulary) + 0x100
            c = vocabulary[w] = chr(n if n < 0xD800 else n + 0x800)  # no surrogates
        out.append(c)
    return "".join(out)


def edition(doc: dict, vocabulary: dict[str, str]) -> list[Section]:
    """The sections of one document dictionary, in order, each with its paragraphs."""
    prefix = doc.get("anchor") or f"{doc['country']}-{doc['annex']}"
    sections = {s["ordinal"]: s for s in doc["sections"]}
    by_ordinal: dict[int, Section] = {}
    out: list[Section] = []
    for s in sorted(doc["sections"], key=lambda s: s["ordinal"]):
        path = s.get("path") or [s["heading"]]
        sec = Section(
            ordinal=s["ordinal"], heading=s["heading"], anchor=f"{prefix}/{s['slug']}",
            key_path=" / ".join(normal_heading(h) for h in path),
            key=normal_heading(s["heading"]), paras=[],
        )  # fmt: skip
        by_ordinal[s["ordinal"]] = sec
        out.append(sec)
    for p in doc["passages"]:
        found = by_ordinal.get(p["section"])
        if found is None:  # a passage without its section row: keep it in a section of its own
            heading = sections.get(p["section"], {}).get("heading", "")
            found = by_ordinal[p["section"]] = Section(p["section"], heading, prefix, "", "", [])
            out.append(found)
        sec = found
        full = _FULL_ANCHOR.match(p["anchor"])
        anchor = p["anchor"] if full else f"{prefix}/{p['anchor']}"
        raw = _WORD.findall(p["text"])
        ws = [w.casefold() for w in raw]
        fp = fingerprint(ws)
        sec.paras.append(Para(anchor, sec.heading, p["text"], ws, fp, code=_encode(ws, vocabulary),
                              opening=tuple(fp.split()[:OPENING]), raw=raw))  # fmt: skip
    for sec in out:
        sec.wordset = frozenset(w for p in sec.paras for w in p.words)
    return out


def rarity(*editions: list[Section]) -> dict[str, float]:
    """The weight of each rare word over the paragraphs of the editions, for the marks of
    :func:`_marks`: its inverse document frequency (case ignored, so that "Court" weighs as
    little as "court"); words found in more than :data:`RARE` of the paragraphs (and in more
    than two) weigh nothing."""
    df: Counter = Counter()
    n = 0
    for sections in editions:
        for sec in sections:
            for p in sec.paras:
                n += 1
                df.update(set(p.words))
    limit = max(2, RARE * n)
    return {w: math.log(n / k) for w, k in df.items() if k <= limit}


def similarity(p: Para, q: Para, threshold: float) -> float:
    """Word-sequence similarity of two paragraphs (normalised Indel similarity, 2 x longest
    common subsequence of words / all words, by rapidfuzz), 0 below ``threshold``. Two
    paragraphs that open alike (same first words, figures aside) count as one paragraph
    rewritten from :data:`SAME_OPENING` on: a report keeps a paragraph's lead sentence and
    replaces its examples."""
    floor = SAME_OPENING if p.opening == q.opening and len(p.opening) >= 6 else threshold
    return Indel.normalized_similarity(p.code, q.code, score_cutoff=floor)


def _kept(p: Para, q: Para) -> tuple[int, int]:
    """The sentences of the paragraph with fewer of them that the other keeps, word for word
    or nearly (normalised Indel similarity of their words from :data:`SENTENCE_NEAR`: a word
    or a figure changed): (how many, how many words)."""
    if len(p.sentences) > len(q.sentences):
        p, q = q, p
    exact = p.sentences & q.sentences
    n, words_ = len(exact), sum(map(len, exact))
    others = [t for t in q.sentence_codes if t not in exact]
    ratio = SENTENCE_NEAR / (2 - SENTENCE_NEAR)  # the shortest of two near sentences, at least
    for sentence in p.sentence_codes:
        if sentence in exact:
            continue
        m = len(sentence)
        if any(
            ratio * max(m, len(t)) <= min(m, len(t))
            and Indel.normalized_similarity(sentence, t, score_cutoff=SENTENCE_NEAR)
            for t in others
        ):
            n, words_ = n + 1, words_ + m
    return n, words_


def _undated(opening: tuple) -> tuple:
    """A paragraph's first words without the date that opens it ("on february # ..."): two
    paragraphs that open with a date and the same kind of actor are not one paragraph."""
    k = 0
    while k < len(opening) and opening[k] in _DATE_WORDS:
        k += 1
    return opening[k:]


def carry_over(p: Para, q: Para, weights: dict[str, float], same_gap: bool) -> float:
    """How much of a paragraph a heavily rewritten one keeps: the share of the shorter one's
    sentences kept (see :func:`_kept`; or their length, up to :data:`SENTENCE_KEPT` words), the
    weighted overlap of their rare marks (names, figures), their word similarity, and a small
    weight for standing between the same two aligned neighbours. The same first words
    (:data:`OPENING_KEPT` or more after an opening date, one of them rare) count as a sentence
    kept. 0 without a kept
    sentence or two shared rare marks."""
    shared, kept_words = _kept(p, q)
    sentences = 0.0
    if shared:  # the share of the shorter paragraph's sentences, or a long sentence kept
        share = shared / min(len(p.sentences), len(q.sentences))
        sentences = max(share, min(1.0, kept_words / SENTENCE_KEPT))
    first_p, first_q = _undated(p.opening), _undated(q.opening)
    opening = 0
    for a, b in zip(first_p, first_q, strict=False):
        if a != b:
            break
        opening += 1
    if opening >= OPENING_KEPT and any(w in weights for w in first_p[:opening]):
        sentences = max(sentences, opening / OPENING)  # "Impunity remained a serious problem"
        shared = shared or 1
    common = [weights[m] for m in p.marks & q.marks if m in weights]
    if not shared and len(common) < 2:
        return 0.0  # one name in common is a topic, not a paragraph
    both = sum(common)
    either = sum(weights.get(m, 0.0) for m in p.marks | q.marks)
    marks = both / either if either else 0.0
    words_ = Indel.normalized_similarity(p.code, q.code)
    return 0.4 * sentences + 0.4 * marks + 0.2 * words_ + (0.1 if same_gap else 0.0)


# -- sections -----------------------------------------------------------------------------------
def _heading_similarity(a: str, b: str) -> float:
    """Of two normalised headings: the larger of their character similarity (as
    :meth:`difflib.SequenceMatcher.ratio`, computed when rapidfuzz's Indel similarity, its
    upper bound, allows) and the share of the shorter heading's content words found in the
    longer one ("corruption in government" in "corruption and lack of transparency in
    government")."""
    if not a or not b:
        return 0.0
    chars = 0.0
    if Indel.normalized_similarity(a, b) >= RENAMED_HEADING:
        chars = SequenceMatcher(None, a, b).ratio()
    wa, wb = set(a.split()) - _HEADING_STOP, set(b.split()) - _HEADING_STOP
    words_ = len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0
    return max(chars, words_)


def match_sections(old: list[Section], new: list[Section]) -> dict[int, int]:
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
    # renamed: a similar heading, or similar content under a different heading
    candidates = []
    for i, s in enumerate(old):
        if i in matched:
            continue
        for j, t in enumerate(new):
            if j in taken:
                continue
            heading = _heading_similarity(s.key, t.key)
            union = len(s.wordset | t.wordset)
            content = len(s.wordset & t.wordset) / union if union else 0.0
            alike = content  # the words of the sections, or their paragraphs, alike
            if heading >= RENAMED_HEADING and content < RENAMED_SHARE:
                carried = _carried(s, t)  # only for a similar heading: the slow test
                if carried >= RENAMED_SHARE:  # its paragraphs carried over
                    alike = carried
            score = max(heading * (0.5 + 0.5 * alike), content)
            if score >= SECTION_SIMILAR:
                candidates.append((score, i, j))
    for _, i, j in sorted(candidates, reverse=True):
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    return matched


def _carried(s: Section, t: Section) -> float:
    """The share of section ``s``'s paragraphs that have a counterpart in section ``t``: a
    paragraph of similar words (see :func:`similarity`) or one that keeps a sentence."""
    if not s.paras:
        return 0.0
    found = sum(
        any(similarity(p, q, REWRITTEN) or p.sentences & q.sentences for q in t.paras)
        for p in s.paras
    )
    return found / len(s.paras)


# -- paragraphs ---------------------------------------------------------------------------------
def pair_best(olds: list[Para], news: list[Para], threshold: float) -> list[tuple]:
    """Greedy pairing of the most similar paragraphs: (score, old index, new index)."""
    scored = []
    for i, p in enumerate(olds):
        for j, q in enumerate(news):
            score = similarity(p, q, threshold)
            if score:
                scored.append((score, i, j))
    return _greedy(scored)


def _greedy(scored: list[tuple]) -> list[tuple]:
    used_i, used_j, out = set(), set(), []
    for score, i, j in sorted(scored, reverse=True):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((score, i, j))
    return out


def align(old: list[Para], new: list[Para], weights: dict[str, float]) -> list[tuple]:
    """The paragraphs of two matched sections paired: (old index or None, new index or None,
    word similarity), every paragraph once. First in order by fingerprint, then inside each
    block of changes by word similarity, then what is left in the two sections by carry-over
    (see :func:`carry_over`)."""
    pairs: dict[int, tuple[int, float]] = {}  # old index -> (new index, score)
    matcher = SequenceMatcher(None, [p.fingerprint for p in old], [q.fingerprint for q in new],
                              autojunk=False)  # fmt: skip
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                pairs[i1 + k] = (j1 + k, 1.0)
        elif i2 > i1 and j2 > j1:
            for score, i, j in pair_best(old[i1:i2], new[j1:j2], REWRITTEN):
                pairs[i1 + i] = (j1 + j, score)
    free_old = [i for i in range(len(old)) if i not in pairs]
    taken = {j for j, _ in pairs.values()}
    free_new = [j for j in range(len(new)) if j not in taken]
    if free_old and free_new:
        anchors = {i: j for i, (j, _) in pairs.items()}
        gap_old = _gaps(len(old), anchors)
        gap_new = _gaps(len(new), {j: i for i, j in anchors.items()}, flip=True)
        scored = []
        for i in free_old:
            p = old[i]
            for j in free_new:
                q = new[j]
                score = similarity(p, q, REWRITTEN) or carry_over(
                    p, q, weights, gap_old[i] == gap_new[j]
                )
                if score >= CARRIED:
                    scored.append((score, i, j))
        for _, i, j in _greedy(scored):
            pairs[i] = (j, Indel.normalized_similarity(old[i].code, new[j].code))
    out: list[tuple] = [(i, j, score) for i, (j, score) in pairs.items()]
    taken = {j for j, _ in pairs.values()}
    out += [(i, None, 0.0) for i in range(len(old)) if i not in pairs]
    out += [(None, j, 0.0) for j in range(len(new)) if j not in taken]
    return out


def _gaps(n: int, partner: dict[int, int], flip: bool = False) -> list[tuple[int, int]]:
    """For each of ``n`` paragraphs of one side, the nearest aligned pair before it, as (old
    index, new index): two paragraphs with the same one stand between the same neighbours."""
    out, last = [], (-1, -1)
    for k in range(n):
        if k in partner:
            last = (partner[k], k) if flip else (k, partner[k])
        out.append(last)
    return out


def reordered(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Of (old index, new index) pairs of one section, those out of order: not in the longest
    run of pairs whose old and new orders agree (a longest increasing subsequence)."""
    ordered = sorted(pairs, key=lambda p: p[1])
    tails: list[int] = []  # tails[k]: index in ordered of the smallest tail of a run of k + 1
    back: list[int] = [-1] * len(ordered)
    for n, (i, _) in enumerate(ordered):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if ordered[tails[mid]][0] < i:
                lo = mid + 1
            else:
                hi = mid
        back[n] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(n)
        else:
            tails[lo] = n
    keep, n = set(), tails[-1] if tails else -1
    while n >= 0:
        keep.add(ordered[n])
        n = back[n]
    return set(ordered) - keep
