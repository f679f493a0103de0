"""A Danish-English glossary of asylum and human-rights terms, for Danish questions.

The background material is mostly English (US State Department, UK Home Office, EUAA), while
many users ask in Danish: "Straffes desertører i Eritrea?", "kvindelig omskæring Somalia".
The glossary (``data/glossary.tsv``, format described in its header) maps Danish words and
expressions to the English words the reports use, so that such a question can be expanded.

Matching is by Danish Snowball stems, the analyser the index uses for Danish text, so an
inflected form finds its dictionary form ("desertørerne" -> desertør). Where the stemmer
does not join regular forms ("myndighed" -> ``mynd`` but "myndighederne" -> ``myndighed``),
the loader also stems generated inflections of every entry. Multi-word entries are matched as
a sequence of stems and the longest match wins. Entries whose stems coincide keep the union of
their alternatives, as does an entry whose inflection has another entry's stem ("fængsler",
the plural of fængsel, has the stem of fængsle).

The glossary is read once, on first use, and cached.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources

from .country import resolve_country
from .errors import UnknownCountry
from .index import analyzer
from .query import STOPWORDS

__all__ = [
    "GlossaryEntry",
    "entries",
    "parse_glossary",
    "expand_danish",
    "looks_danish",
    "compound_parts",
    "lemma",
]

# A check that a word is in the index's English vocabulary (search passes one: the glossary
# does not read the store).
EnglishWord = Callable[[str], bool]

HOMOGRAPH_MARK = "~"  # leading mark of a Danish word that is also an English word

# Regular Danish endings (noun, verb, adjective), added to each word of an entry so that forms
# the stemmer leaves apart still reach the entry: myndighed+erne, dræb(e)+t, milits+er.
_ENDINGS = (
    *("e", "en", "et", "er", "erne", "ene", "es", "ens", "ets", "ne"),  # nouns
    *("r", "s", "t", "te", "de", "ede"),  # verbs
)

# Words that mark a query as Danish wherever they stand, in any case.
_DANISH_WORDS = frozenset(
    """og er på hvordan hvor hvad hvem hvilke hvilken hvilket hvorfor hvornår hvorvidt kan
    kunne har havde bliver blive blev være været ikke også eller efter mellem uden blandt samt
    deres hendes nogen nogle noget meget skal skulle vil ville får fik sker når hvis inden hos
    dem jeg som det denne dette disse ved fra findes gælder omkring angående vedrørende
    eksempelvis særligt især""".split()
)
# Short words that are Danish only when typed in lower case: "I" and "Den" are English too,
# and "de facto" or "en route" is English in any case (so "de" is not here at all).
_DANISH_LOWER_WORDS = frozenset("i af til der med mod om en den sig".split())
# English function words: neither Danish evidence nor content.
_ENGLISH_WORDS = frozenset(
    """a an the of in on at to for from by with without and or not no is are was were be been
    being do does did has have had how what when where which who whom why whose can could will
    would should may might must there their they them this that these those it its as into
    about against between during after before under over than then so if any all some many
    much more most other such only also very""".split()
)
# Everyday Danish words whose stems a generated inflection must not take over ("tro" + "de"
# gives the stem of "trods"); the function words above are added to these.
_COMMON_DANISH = ("trods", "tror", "troede", "mens", "mener", "mente")
_DANISH_LETTERS = frozenset("æøåÆØÅ")
_VOWELS = frozenset("aeiouyæøå")
_STRIP = "\"'“”‘’«»()[]{}.,;:!?¿¡"


@dataclass(frozen=True)
class GlossaryEntry:
    """One line of the glossary."""

    danish: str  # as written, without the homograph mark
    english: tuple[str, ...]
    topic: str
    homograph: bool  # marked "~": also a common English word with another meaning
    line: int  # line number in the file, from 1


def parse_glossary(text: str) -> list[GlossaryEntry]:
    """The entries of a glossary file's text; ``ValueError`` names the first bad line."""
    result: list[GlossaryEntry] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if len(fields) != 3:
            raise ValueError(f"glossary line {number}: {len(fields)} fields, expected 3")
        danish, english, topic = (field.strip() for field in fields)
        homograph = danish.startswith(HOMOGRAPH_MARK)
        danish = danish.removeprefix(HOMOGRAPH_MARK).strip()
        alternatives = tuple(a.strip() for a in english.split(";"))
        if not danish or not topic or not all(alternatives):
            raise ValueError(f"glossary line {number}: empty field or alternative")
        result.append(GlossaryEntry(danish, alternatives, topic, homograph, number))
    return result


@functools.cache
def entries() -> tuple[GlossaryEntry, ...]:
    """Every entry of the bundled glossary, in file order."""
    text = resources.files("baggrund").joinpath("data/glossary.tsv").read_text("utf-8")
    return tuple(parse_glossary(text))


@functools.lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """The Danish stems of one word as the index analyses it (a hyphenated word gives more)."""
    return tuple(analyzer("da").analyze(word))


def _forms(word: str) -> set[str]:
    """A word and its regular Danish inflections (nonsense forms do no harm: they are only
    ever compared with what a user typed)."""
    if word.casefold() in _DANISH_LOWER_WORDS or word.casefold() in _DANISH_WORDS:
        return {word}
    bases = {word}
    if word.endswith("e") and len(word) > 3:
        bases.add(word[:-1])  # dræbe -> dræbt, dømme -> dømt
    if word.endswith("ering"):
        bases.add(word[:-3] + "e")  # a noun's verb: tvangsrekruttering -> tvangsrekrutterer
    elif word.endswith("ation"):
        bases.add(word[:-5] + "ere")  # diskrimination -> diskrimineret
    if len(word) > 4 and word[-2:] in ("el", "en", "er") and word[-3] not in _VOWELS:
        bases.add(word[:-2] + word[-1])  # the vowel drops: krisecenter -> krisecentre
        if word[-3] == word[-4]:
            bases.add(word[:-3] + word[-1])  # and a double consonant: trussel -> trusler
    if word.endswith("et"):
        bases.add(word[:-1] + "d")  # transkønnet -> transkønnede
    return {base + ending for base in bases for ending in ("", *_ENDINGS)}


@dataclass(frozen=True)
class _Table:
    alternatives: dict[tuple[str, ...], tuple[str, ...]]  # stem sequence -> English
    homographs: frozenset[str]  # casefolded surface forms marked "~"
    longest: int  # the most stems in one key
    english: frozenset[str]  # lower-case English words of the alternatives, with inflections


def _union(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(itertools.chain.from_iterable(groups)))


def _english_vocabulary(all_entries: Iterable[GlossaryEntry]) -> frozenset[str]:
    words: set[str] = set()
    for entry in all_entries:
        for alternative in entry.english:
            words.update(re.findall(r"[a-z][a-z'-]*", alternative.lower()))
    inflected = set(words)
    for w in words:
        inflected.update((w + "s", w + "es", w + "ed", w + "d", w + "ing"))
        if w.endswith("y"):
            inflected.update((w[:-1] + "ies", w[:-1] + "ied"))
        if w.endswith("e"):
            inflected.add(w[:-1] + "ing")
    return frozenset(inflected)


@functools.cache
def _table() -> _Table:
    own: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # an entry's own stems
    inflected: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # stems of generated forms
    for entry in entries():
        words = entry.danish.split()
        key = tuple(itertools.chain.from_iterable(_stems(w) for w in words))
        if not key:
            continue
        own.setdefault(key, []).append(entry.english)
        variants = [{_stems(f) for f in _forms(w)} - {()} for w in words]
        for combination in itertools.product(*variants):
            other = tuple(itertools.chain.from_iterable(combination))
            if other != key:
                inflected.setdefault(other, []).append(entry.english)
    blocked = {_stems(w) for w in (*_DANISH_WORDS, *_DANISH_LOWER_WORDS, *_COMMON_DANISH)}
    merged = {key: list(groups) for key, groups in own.items()}
    for key, groups in inflected.items():
        if key not in blocked:
            merged.setdefault(key, []).extend(groups)  # after the entries' own alternatives
    return _Table(
        alternatives={key: _union(groups) for key, groups in merged.items()},
        homographs=frozenset(e.danish.casefold() for e in entries() if e.homograph),
        longest=max(len(key) for key in merged),
        english=_english_vocabulary(entries()),
    )


def _core(word: str) -> str:
    return word.strip(_STRIP)


def _lookup(table: _Table, key: tuple[str, ...]) -> tuple[str, ...] | None:
    return table.alternatives.get(key)


def _inside(table: _Table, stems: tuple[str, ...]) -> tuple[str, ...]:
    """The alternatives of the glossary entries found among the parts of one hyphenated word
    ("LGBTI-rettigheder"), longest first; () when none."""
    found: list[tuple[str, ...]] = []
    start = 0
    while start < len(stems):
        for end in range(len(stems), start, -1):
            alternatives = _lookup(table, stems[start:end])
            if alternatives:
                found.append(alternatives)
                start = end
                break
        else:
            start += 1
    return _union(found)


@functools.cache
def _everyday() -> frozenset[str]:
    """Function words of either language and everyday Danish words: never looked up by lemma
    or as look-alikes."""
    words = (*_DANISH_WORDS, *_DANISH_LOWER_WORDS, *_COMMON_DANISH, *_ENGLISH_WORDS, *STOPWORDS)
    return frozenset(w.casefold() for w in words)


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str | None:
    """The Danish dictionary form of a word that simplemma (the extra ``danish``) knows
    ("skudt" -> "skyde", "deltog" -> "deltage"), else None; None without simplemma."""
    try:
        import simplemma
    except ImportError:
        return None
    lower = _core(word).lower()
    if not lower or not simplemma.is_known(lower, lang="da"):
        return None
    return simplemma.lemmatize(lower, lang="da")


def _danish_word(word: str) -> bool:
    """An everyday Danish word (simplemma's dictionary, lower-case lemma)."""
    found = lemma(word)
    return found is not None and found[:1].islower()


# Danish endings taken off a word written like its English form ("journalister" ->
# journalist), and Danish spellings of English word endings ("facilitet" -> facility).
_LOOKALIKE_ENDINGS = ("erne", "ene", "ere", "er", "en", "et", "e", "r", "s")
_COGNATES = (("isation", "ization"), ("itet", "ity"), ("isk", "ic"), ("ikker", "ics"))


def _lookalikes(word: str) -> list[str]:
    """English words a Danish word may be written like, most likely first."""
    lower = _core(word).lower()
    if len(lower) < 5 or not lower.isalpha():
        return []
    bases = [lower] + [lower[: -len(e)] for e in _LOOKALIKE_ENDINGS if lower.endswith(e)]
    out: list[str] = []
    for base in bases:
        if len(base) < 5:
            continue
        forms = [base]
        forms += [base[: -len(da)] + en for da, en in _COGNATES if base.endswith(da)]
        forms += [f.replace("k", "c") for f in list(forms) if "k" in f]  # konfiskation
        out += [f for f in forms if f not in out]
    return out


def _english_lookalike(word: str, english_word: EnglishWord | None) -> tuple[str, ...]:
    if english_word is None:
        return ()
    for candidate in _lookalikes(word):
        if candidate != _core(word).lower() and english_word(candidate):
            return (candidate,)
    return ()


def _fallback(table: _Table, word: str, english_word: EnglishWord | None) -> tuple[str, ...]:
    """Alternatives of a word the glossary's stems do not know: by its lemma ("skudt" ->
    skyde), else its English look-alike in the index ("terrorister" -> terrorist)."""
    if _core(word).lower() in _everyday():
        return ()  # "tror" is not "tro" (faith)
    found = lemma(word)
    if found and found != _core(word).lower():
        alternatives = _lookup(table, _stems(found))
        if alternatives:
            return alternatives
    return _english_lookalike(word, english_word)


def _part(table: _Table, part: str, english_word: EnglishWord | None) -> tuple[str, ...]:
    alternatives = _lookup(table, _stems(part)) if _stems(part) else None
    return alternatives or _fallback(table, part, english_word)


_LINKS = ("", "s", "e")  # Danish linking letters: politi|razzia, tilbageholdelse|s|facilitet
_SHORTEST_PART = 3
_SHORTEST_HEAD = 4


def compound_parts(
    word: str, english_word: EnglishWord | None = None
) -> list[tuple[str, tuple[str, ...]]]:
    """A closed compound the glossary does not know, split into its parts: [(part, English
    alternatives)], the head (the last part) first found as the longest known ending, then
    the rest split the same way with a linking letter (s, e) or none between.
    "politirazziaer" -> [("politi", police ...), ("razziaer", raid ...)]. The head must be
    known (to the glossary, by its lemma or as an English look-alike), and no longer ending
    may be an everyday Danish word the glossary lacks ("sikkerhedsstyrkerne" is not split
    before "tyrkerne"); a part before it must be known too or be an everyday Danish word
    (simplemma), which comes back with (). [] when the word is no such compound."""
    lower = _core(word).lower()
    if not lower.isalpha() or len(lower) < _SHORTEST_PART + _SHORTEST_HEAD:
        return []
    table = _table()
    return _split(table, lower, _SHORTEST_HEAD, english_word) or []


def _split(
    table: _Table, text: str, shortest: int, english_word: EnglishWord | None, depth: int = 0
) -> list[tuple[str, tuple[str, ...]]] | None:
    if depth > 3:
        return None
    for start in range(_SHORTEST_PART, len(text) - shortest + 1):
        head = text[start:]
        alternatives = _part(table, head, english_word)
        if not alternatives:
            if _danish_word(head):
                return None  # the longest ending is a word the glossary lacks: "styrkerne"
            continue
        for link in _LINKS:
            rest = text[:start]
            if link and not rest.endswith(link):
                continue
            rest = rest[: len(rest) - len(link)]
            if len(rest) < _SHORTEST_PART:
                continue
            known = _part(table, rest, english_word)
            if known or _danish_word(rest):
                return [(rest, known), (head, alternatives)]
            before = _split(table, rest, _SHORTEST_PART, english_word, depth + 1)
            if before:
                return [*before, (head, alternatives)]
    return None


def _spans(
    words: list[str],
    homographs: bool,
    english_word: EnglishWord | None = None,
    *,
    fallback: bool = False,
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, alternatives) for consecutive spans of ``words`` covering all of them,
    longest glossary match first; an unmatched word is a span of its own with (). With
    ``fallback``, a word the stems do not find is looked up by its lemma and as an English
    look-alike (``english_word``)."""
    table = _table()
    stems = [_stems(w) for w in words]
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        match: tuple[int, tuple[str, ...]] | None = None
        if stems[i]:
            size = 0
            for j in range(i + 1, len(words) + 1):  # the longest run of words that could match
                size += len(stems[j - 1])
                if not stems[j - 1] or size > table.longest:
                    break
                alternatives = _lookup(table, tuple(itertools.chain.from_iterable(stems[i:j])))
                if not alternatives:
                    continue
                if j == i + 1 and not homographs and _core(words[i]).casefold() in table.homographs:
                    continue
                match = (j, alternatives)
            if match is None and len(stems[i]) > 1:
                inside = _inside(table, stems[i])
                if inside:
                    match = (i + 1, inside)
            if match is None and fallback and len(stems[i]) == 1:
                found = _fallback(table, words[i], english_word)
                if found:
                    match = (i + 1, found)
        if match is None:
            spans.append((i, i + 1, ()))
            i += 1
        else:
            spans.append((i, match[0], match[1]))
            i = match[0]
    return spans


def expand_danish(
    words: list[str], english_word: EnglishWord | None = None
) -> list[tuple[str, tuple[str, ...]]]:
    """Walk the query's words left to right, matching the longest glossary entry (multi-word
    entries first) by Danish stems; for each matched span return (the span's original text,
    its English alternatives); an unmatched word comes back as (word, ()).

    A word marked in the glossary as also being an English word ("offer", "true") is expanded
    only when the query as a whole looks Danish (:func:`looks_danish`). A word the glossary's
    stems do not find is looked up by its Danish lemma ("skudt" -> skyde -> shot), and, with
    ``english_word`` (is this word in the index's English vocabulary?), as a word written
    like its English form ("terrorister" -> terrorist, "universitetet" -> university).
    """
    words = [w for w in words if w]
    if not words:
        return []
    homographs = looks_danish(" ".join(words))
    spans = _spans(words, homographs, english_word, fallback=True)
    return [(" ".join(words[a:b]), alts) for a, b, alts in spans]


def _country_words(words: list[str]) -> set[int]:
    """Positions of words that name a country, alone or with their neighbours."""
    found: set[int] = set()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            if found.intersection(range(start, start + size)):
                continue
            text = " ".join(words[start : start + size])
            if len(text) < 4:
                continue
            try:
                country = resolve_country(text, suggest=False)
            except UnknownCountry:
                continue
            if text.upper() not in (country.code, country.alpha2):
                found.update(range(start, start + size))
    return found


def looks_danish(text: str) -> bool:
    """True when a query is Danish: it has Danish function words (og, i, er, der, af, til,
    på, hvordan, hvor, kan, har, ...) or the letters æ ø å, or most of its words are glossary
    entries; False for English queries such as "Eritrea exit visa" or "land disputes".

    Glossary words that are also English words ("journalist", "hijab", "torture" but not
    "tortur") and words marked as English homographs are no evidence either way; country
    names and English function words are left out of the count.
    """
    if any(c in _DANISH_LETTERS for c in text):
        return True
    words = [w for w in (_core(w) for w in text.split()) if w]
    for word in words:
        if word.casefold() in _DANISH_WORDS or word in _DANISH_LOWER_WORDS:
            return True
    table = _table()
    countries = _country_words(words)
    danish = other = 0
    for start, end, alternatives in _spans(words, homographs=False):
        span = words[start:end]
        if alternatives:
            if any(w.lower() not in table.english for w in span):
                danish += end - start  # a Danish glossary expression, function words included
            continue  # otherwise a word of both languages ("journalist"): no evidence
        for n, word in enumerate(span, start):
            lower = word.lower()
            if n in countries or lower in _ENGLISH_WORDS or lower in table.homographs:
                continue  # country names, English function words, marked homographs
            other += 1
    return danish > 0 and danish > other
