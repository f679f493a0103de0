"""Facts: the figures a passage reports, with the year they refer to and what they are compared
with, each traceable to its passage.

    >>> [f.label() for f in extract_facts("Courts convicted 10 traffickers, compared with 12 "
    ...  "traffickers in 2022.", "prosecution/1", reporting_year=2023)]
    ['convictions: 10 traffickers (2023) vs 12 (2022)']

Kinds of fact: ``count`` (a number of people, cases or things), ``money`` (an amount with its
ISO currency and the conversion given in parentheses), ``percent``, ``prison_term`` (a
sentence or penalty, perhaps a range: "five to 10 years' imprisonment") and ``tier`` (a
Trafficking in Persons report's tier placement). The year of a figure is the year named in its
sentence ("In 2022, authorities released 19 individuals"), else the year the report covers
(:func:`reporting_year`: the 2024 Trafficking in Persons report covers 2023). A comparison
("compared with 14 cases in 2022", "(81 in 2022)", "a decrease from 2,870", "increased from 717
to 1,149") gives the compared value and its year (the previous year when none is named).
What the rules cannot read is listed in ``docs/facts.md``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from .fact_numbers import Num, scan_numbers, sentences

__all__ = [
    "Fact",
    "ROLES",
    "qualifier_before",
    "extract_facts",
    "passage_facts",
    "reporting_year",
    "extract_tiers",
    "TIER_LABELS",
]


@dataclass(frozen=True)
class Fact:
    """One figure. ``anchor`` is the passage's (local ``protection/2`` or full
    ``AZE-367/protection/2``); ``quote`` the sentence it came from; ``start``/``end`` the
    figure's place in the passage text."""

    anchor: str
    kind: str  # count, money, percent, prison_term, tier
    subject: str  # what is counted, normalised: "victims identified", "funding", ...
    value: float | str  # a number, or a tier label ("Tier 2 Watch List")
    unit: str  # counted noun ("victims"), currency ("AZN"), "%", "years", "tier"
    year: int | None
    compared_value: float | str | None = None
    compared_year: int | None = None
    compared_unit: str | None = None
    upper: float | None = None  # the end of a range
    converted_value: float | None = None  # "210,161 manat ($123,620)": 123620 USD
    converted_unit: str | None = None
    quote: str = ""
    start: int = 0
    end: int = 0
    # "at least", "more than", "about" ...: how exact the figure is, as the sentence says
    qualifier: str | None = None
    # "event": a figure of what happened or existed; "penalty", "threshold", "deadline": what
    # a law or rule sets; "sentence": a term imposed in one case (see ROLES)
    role: str = "event"

    def to_dict(self) -> dict:
        out = asdict(self)
        for key in ("value", "compared_value", "upper", "converted_value"):
            v = out[key]
            if isinstance(v, float) and v.is_integer():
                out[key] = int(v)
        return out

    def label(self) -> str:
        """A one-line summary: ``convictions: 10 traffickers (2023) vs 12 (2022)``."""
        value = _show(self.value) + (f" to {_show(self.upper)}" if self.upper is not None else "")
        unit = f" {self.unit}" if self.unit and self.kind != "tier" else ""
        text = f"{self.subject}: {value}{unit}" + (f" ({self.year})" if self.year else "")
        if self.compared_value is not None:
            text += f" vs {_show(self.compared_value)}"
            if self.compared_year:
                text += f" ({self.compared_year})"
        return text


def _show(v) -> str:
    if isinstance(v, float):
        return f"{int(v):,}" if v.is_integer() else f"{v:,}"
    return str(v)


# -- the year a report covers ------------------------------------------------------------------
def reporting_year(
    series: str | None, edition_year: int | None, published: dt.date | str | None = None
) -> int | None:
    """The year a document's figures describe. A Trafficking in Persons report is named for the
    year it is published and covers the year before (the 2024 report covers 2023); a Country
    Report on Human Rights Practices is named for the year it covers (published the next
    spring). Otherwise the edition year, else the year of publication."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10]) if published else None
    year = edition_year or (published.year if published else None)
    if year and series and "trafficking in persons" in series.casefold():
        return year - 1
    return year


# -- tier placements ---------------------------------------------------------------------------
TIER_LABELS = ("Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case")
_TIER = r"(?:Tier\s+(?:1|2|3|One|Two|Three)(?:\s+Watch\s+List)?|Special\s+Case)"
_TIER_HEADING = re.compile(rf"^[A-Z][A-Z .,'’()-]+\((?P<tier>{_TIER})\)\s*$")
_TIER_MOVE = re.compile(
    rf"\b(?P<verb>remained|remains|remain|was|is|were|placed|downgraded|upgraded|moved|"
    rf"ranked|stayed|kept)\s+(?:(?:on|at|in|to)\s+)?(?:from\s+(?P<old>{_TIER})\s+to\s+)?"
    rf"(?P<tier>{_TIER})(?!\s+(?:countr|government|status|ranking))",
    re.IGNORECASE,
)


def _tier_label(raw: str) -> str:
    text = " ".join(raw.split()).title().replace("One", "1").replace("Two", "2")
    return text.replace("Three", "3")


def extract_tiers(text: str, anchor: str, edition_year: int | None) -> list[Fact]:
    """Tier placements: a heading like ``AZERBAIJAN (Tier 2)``, or a sentence "remained on
    Tier 2", "downgraded to Tier 2 Watch List", "upgraded from Tier 3 to Tier 2". The year is
    the report's own (the tier of the 2024 report), as in the State Department's tables."""
    out: list[Fact] = []
    if "Tier" not in text and "Special Case" not in text:
        return out
    m = _TIER_HEADING.match(text.strip())
    if m:
        out.append(Fact(anchor, "tier", "tier placement", _tier_label(m.group("tier")), "tier",
                        edition_year, quote=text.strip(), start=m.start("tier"),
                        end=m.end("tier")))  # fmt: skip
        return out
    for s, e in sentences(text):
        sentence = text[s:e]
        for m in _TIER_MOVE.finditer(sentence):
            verb = m.group("verb").casefold()
            if verb in ("is", "was", "were") and not re.search(r"\bplaced\b|\branked\b", sentence):
                continue
            compared = None
            if m.group("old"):
                compared = _tier_label(m.group("old"))
            elif verb.startswith(("remain", "stay", "kept")):
                compared = _tier_label(m.group("tier"))
            prev = edition_year - 1 if edition_year and compared else None
            out.append(Fact(anchor, "tier", "tier placement", _tier_label(m.group("tier")), "tier",
                            edition_year, compared, prev, "tier" if compared else None,
                            quote=sentence.strip(), start=s + m.start("tier"),
                            end=s + m.end("tier")))  # fmt: skip
    return out


# -- noun phrases after a number ---------------------------------------------------------------
_TOKEN = re.compile(r"\([A-Z]{2,}s?\)|[A-Za-z][\w’'-]*|[^\w\s]")
_STOP = frozenset(
    """with in for to of and or but from at by on as than that which who whom whose were was is
    are had has have been be being would could will did do does not into under over during after
    before since while including such each per among between through against about across within
    without they it he she this these those there their its his her the a an all every also""".split()
)
_SINGULAR = frozenset(
    """man woman child boy girl person individual case victim defendant suspect trafficker
    shelter journalist prisoner detainee officer soldier civilian activist case project refugee
    migrant worker investigation prosecution conviction complaint death killing arrest family
    member student teacher lawyer candidate party organization outlet site facility center
    prison school church mosque home house village incident report""".split()
)
_NOUNLIKE = frozenset("injured wounded dead accused missing displaced".split())
# plural nouns without an s ("1,200 people", "30 police")
_PLURAL_NOUNS = frozenset(
    "people men women children police personnel staff youth clergy cattle livestock".split()
)
_NOT_COUNTED = frozenset(
    """years year months month weeks week days day hours hour minutes times decades decade
    percent kilometers km miles meters metres kg tons tonnes square km² hectares acres
    o'clock""".split()
)
_KEEP_MODIFIERS = frozenset("potential political foreign".split())


def _head(tokens: list[str]) -> int | None:
    """The index of the head noun of a noun phrase: the last word that looks like a noun."""
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].strip("’'").casefold()
        if word in _NOT_COUNTED:
            return None
        plural = (
            len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
        )
        acronym = re.fullmatch(r"[A-Z]{2,}s", tokens[i]) is not None
        if plural or acronym or word in _SINGULAR or word in _NOUNLIKE or word in _PLURAL_NOUNS:
            return i
    return None


def _noun_phrase(text: str, pos: int, *, any_noun: bool = False) -> tuple[str, int] | None:
    """The counted noun right after ``pos``: (unit, end offset) or None. ``any_noun``: the
    phrase's last word when it has no known counted noun ("percent of the economy")."""
    words: list[str] = []
    ends: list[int] = []
    for m in _TOKEN.finditer(text, pos):
        tok = m.group(0)
        if text[pos : m.start()].strip():
            break
        if tok.startswith("(") and len(tok) > 1:  # "(SPF)": an acronym in the phrase
            pos = m.end()
            continue
        if not tok[0].isalpha() or tok.casefold() in _STOP or len(words) >= 6:
            break
        words.append(tok)
        ends.append(m.end())
        pos = m.end()
    if not words:
        return None
    h = _head(words)
    if h is None and any_noun:
        h = len(words) - 1
    if h is None:
        return None
    unit = words[h].casefold() if not re.fullmatch(r"[A-Z]{2,}s", words[h]) else words[h]
    if h > 0 and words[h - 1].casefold() in _KEEP_MODIFIERS:
        unit = f"{words[h - 1].casefold()} {unit}"
    return _plural(unit), ends[h]


def _plural(unit: str) -> str:
    irregular = {"man": "men", "woman": "women", "child": "children", "person": "persons"}
    head = unit.rsplit(" ", 1)[-1]
    if head in irregular:
        return unit[: len(unit) - len(head)] + irregular[head]
    if head not in _SINGULAR:
        return unit
    if head.endswith(("s", "x", "z", "ch", "sh")):
        return unit + "es"  # churches, boxes
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"  # families, facilities, parties
    return unit + "s"


# -- subjects ----------------------------------------------------------------------------------
_COUNT_CUES = [
    (r"\bconvict", "convictions"),
    (r"\bsentenced\b[^.;]{0,80}\bto death\b|\bdeath sentences?\b", "death sentences"),
    (r"\bprosecut|\bindict", "prosecutions"),
    (r"\binvestigat", "investigations"),
    (r"\brefer(?:red|ral|s)?\b", "victims referred"),
    (r"\ballowance", "allowance"),
    (r"\bshelter|\baccommodat", "shelters"),
    (r"\bidentif", "victims identified"),
    (r"\bassist|\bsupport(?:ed)?\b|\benrol", "victims assisted"),
    (r"\bfund|\ballocat|\bgrant(?:ed|s)?\b", "funding"),
    (r"\barrest", "arrests"),
    (r"\bkidnap|\babduct", "kidnappings"),
    (r"\bdisappear|\bmissing\b", "disappearances"),
    (r"\bpolitical prisoner", "political prisoners"),
    (r"\bdetain|\bdetention", "detentions"),
    (r"\breleas", "releases"),
    (r"\bpardon", "pardons"),
    (r"\bacquit", "acquittals"),
    (r"\btortur", "torture"),
    (r"\bkillings?\b|\bkilled\b", "killings"),
    (r"\bdeaths?\b|\bdied\b|\bdead\b", "deaths"),
    (r"\binjur|\bwounded\b", "injuries"),
    (r"\bcasualt", "casualties"),
    (r"\bdisplace|\bfled\b|\bIDPs?\b", "displaced persons"),
    (r"\breturn", "returns"),
    (r"\brefugee", "refugees"),
    (r"\btried\b|\btrials?\b", "trials"),
    (r"\bwarrants?\b|\bsummons", "warrants"),
    (r"\bcharged\b|\bcharges\b", "charges"),
    (r"\bcompensat|\brestitution", "compensation"),
]
_COUNT_CUES_RE = [(re.compile(p, re.IGNORECASE), label) for p, label in _COUNT_CUES]
_MONEY_CUES = [
    (re.compile(r"\ballowance", re.I), "allowance"),
    (re.compile(r"\bcompensat|\brestitution|\bdamages\b|\bordered\b[^.;]{0,40}\bto pay\b", re.I),
     "compensation"),
    (re.compile(r"\bfine[sd]?\b", re.I), "fines"),
    (re.compile(r"\bbribe", re.I), "bribes"),
    (re.compile(r"\bfund|\ballocat|\bbudget|\bspent\b|\bdonat|\bgrant", re.I), "funding"),
    (re.compile(r"\bsalar|\bwage", re.I), "wages"),
]  # fmt: skip
_PRISON_BEFORE = re.compile(
    r"(?:imprison\w*|prison|jail|sentenced?|sentences|penalt(?:y|ies)|punishable by|detained|"
    r"detention|custody|incarcerat\w*)\b(?:\W+\w+){0,4}?\W+(?:up to |of |for |to |between )*$",
    re.IGNORECASE,
)
_PRISON_AFTER = re.compile(
    r"^\W{0,3}\s*(?:of\s+)?(?:imprisonment|in prison|in jail|in detention|prison|in a labor camp|"
    r"of detention|in custody)",
    re.IGNORECASE,
)


def _required_words(pattern: str) -> tuple[str, ...] | None:
    """Words one of which a cue pattern cannot match without (each top-level alternative
    starts with a word after ``\\b``), lower-cased; None when that cannot be told."""
    words = []
    for alternative in pattern.split("|"):
        m = re.match(r"\\b([A-Za-z' ]+)", alternative)
        if m is None:
            return None
        word = m.group(1)
        if alternative[m.end() : m.end() + 1] in ("?", "*", "{"):
            word = word[:-1]  # "killings?": the s is optional
        if not word:
            return None
        words.append(word.lower())
    return tuple(words)


def _cue(text: str, lo: int, hi: int, fig: tuple[int, int], cues) -> str | None:
    """The label of the cue nearest to the figure ``fig`` within ``text[lo:hi]``."""
    best, label = None, None
    clause = text[lo:hi].lower()
    present = {w for w in _REQUIRED_WORDS if w in clause}
    for pattern, name in cues:
        words = _REQUIRED.get(pattern)
        if words is not None and present.isdisjoint(words):
            continue  # cannot match here: skip the regular expression
        for m in pattern.finditer(text, lo, hi):
            if fig[0] <= m.start() < fig[1]:
                continue  # a word of the figure's own noun phrase
            d = fig[0] - m.end() if m.end() <= fig[0] else (m.start() - fig[1]) * 1.5
            if best is None or d < best:
                best, label = d, name
    return label


_REQUIRED = {pattern: _required_words(pattern.pattern)
             for pattern, _ in (*_COUNT_CUES_RE, *_MONEY_CUES)}  # fmt: skip
_REQUIRED_WORDS = sorted({w for words in _REQUIRED.values() if words for w in words})


# -- comparisons and years ---------------------------------------------------------------------
_MARKER = re.compile(
    r"\b(?:compared (?:with|to)|(?:a |an )?(?:decrease|increase|drop|decline|rise|down|up) from|"
    r"versus|vs\.)",
    re.IGNORECASE,
)
_PAREN_YEAR = re.compile(r"\(([^()]*?)\bin\s+((?:19|20)\d\d)\s*\)")
_YEAR_CUE = re.compile(
    r"(?<!inception )(?<!since )(?<!established )(?<!adopted )(?<!enacted )"
    r"\b(?i:in|during|as of|for)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)
_YEAR_IN = re.compile(r"\bin\s+((?:19|20)\d\d)\b")
_RESTATED = re.compile(r"(?:\ball|\bof the|\bthe|\bthose)\s*$", re.IGNORECASE)


@dataclass
class _Fig:
    num: Num
    kind: str
    unit: str
    np_end: int
    compared: bool = False
    cmp_year: int | None = None
    pair: _Fig | None = None  # for a current figure: its compared one
    paired: bool = False  # a compared figure that belongs to a current one
    subject: str = ""
    year: int | None = None


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Clauses of a sentence: split at semicolons outside parentheses."""
    if ";" not in text[s:e]:
        return [(s, e)]
    out, depth, start = [], 0, s
    for i in range(s, e):
        c = text[i]
        depth += c == "("
        depth -= c == ")" and depth > 0
        if c == ";" and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, e))
    return out


def _regions(
    text: str, lo: int, hi: int, default_year: int | None
) -> list[tuple[int, int, int | None]]:
    """Comparison regions of a clause: (start, end, year)."""
    out: list[tuple[int, int, int | None]] = []
    for m in _PAREN_YEAR.finditer(text, lo, hi):
        if re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", m.group(1)):
            out.append((m.start(), m.end(), int(m.group(2))))
    for m in _MARKER.finditer(text, lo, hi):
        if any(a <= m.start() < b for a, b, _ in out):
            continue
        inside = text.rfind("(", lo, m.start()) > text.rfind(")", lo, m.start())
        end = text.find(")", m.end(), hi) if inside else hi
        end = hi if end < 0 else end
        years = [int(y) for y in _YEAR_IN.findall(text, m.end(), end)]
        out.append((m.start(), end, years[-1] if years else default_year))
    return out


# -- roles and qualifiers ----------------------------------------------------------------------
ROLES = ("event", "penalty", "threshold", "deadline", "sentence")
# English approximators and bounds before a number (a closed class of words)
_QUALIFIER = re.compile(
    r"\b(?P<q>at least|at most|more than|no more than|not more than|fewer than|no fewer than|"
    r"less than|no less than|over|under|nearly|almost|approximately|approx\.|about|around|"
    r"roughly|some|an estimated|estimated|up to|as many as|as few as|close to|upwards of|"
    r"in excess of|just over|just under|well over|more or less|exceeding|a total of|"
    r"a record|an average of|on average|a maximum of|a minimum of|a further|another)\s+"
    r"(?:of\s+)?(?:the\s+)?(?:\\?[$€£]\s?)?$",
    re.IGNORECASE,
)
_NOT_QUALIFIERS = frozenset({"a total of", "a record", "a further", "another", "the"})


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier right before a number ("at least 54", "an estimated 1,200", "more than
    $2 million"), lower case; None when the figure stands bare."""
    m = _QUALIFIER.search(text, max(0, start - 30), start)
    if m is None or m.end() != start:
        return None
    q = " ".join(m.group("q").casefold().split())
    return None if q in _NOT_QUALIFIERS else q


# A clause that states what a law or rule sets rather than what happened: its figures are
# thresholds, penalties and deadlines, kept off the series of events.
_NORMATIVE = re.compile(
    r"\b(?:law|laws|legislation|constitution|code|decree|regulations?|statute|act|ordinance|"
    r"rules?|policy|bylaws|labor code|penal code|criminal code)\b[^;]{0,160}?"
    r"\b(?:provides?|provided|prohibits?|prohibited|requires?|required|stipulates?|mandates?|"
    r"sets?|establish(?:es|ed)?|allows?|allowed|permits?|permitted|prescribes?|criminaliz\w+|"
    r"penaliz\w+|imposes?|limits?|restricts?|defines?|specif(?:y|ies|ied)|grants?|entitles?|"
    r"obliges?|obligates?|bans?|caps?)\b"
    r"|\bpunishable\b|\bpenalt(?:y|ies)\b|\bmaximum (?:penalty|sentence|fine|of)\b|"
    r"\bminimum (?:age|wage|penalty|sentence|fine|of)\b|\b(?:shall|must|may not|cannot)\b|"
    r"\b(?:legal|statutory) (?:age|limit|minimum|maximum|requirement)\b|\bquotas?\b|"
    r"\bthreshold\b|\bentitled to\b|\bat the age of\b",
    re.IGNORECASE,
)
_PAST_EVENT = re.compile(
    r"\b(?:in|during) (?:the year|(?:19|20)\d\d)\b|\b(?:reported|recorded|registered|documented|"
    r"arrested|detained|killed|convicted|sentenced|identified|received|investigated|opened|"
    r"filed|released|fined|charged|prosecuted)\b",
    re.IGNORECASE,
)


def _role(text: str, lo: int, hi: int, f: _Fig) -> str:
    """What a figure of the clause ``text[lo:hi]`` is: an event, or what a rule sets."""
    clause = text[lo:hi]
    normative = _NORMATIVE.search(clause) is not None
    # a rule's clause that also reports what happened ("the law prohibits it, but police
    # arrested 54 people in 2023") keeps its counts as events
    reported = _PAST_EVENT.search(clause) is not None
    if f.kind == "prison_term":
        if normative and not re.search(r"\bsentenced\b", clause, re.IGNORECASE):
            near = text[max(lo, f.num.start - 60) : min(hi, f.num.end + 40)]
            if not re.search(r"penalt|punish|imprison|prison|jail|sentence|fine", near, re.I) and (
                f.unit.startswith(("hour", "day", "week"))
                or re.search(r"\b(?:within|no later than|not later than)\s+\S*\s*$",
                             text[max(lo, f.num.start - 30) : f.num.start], re.I)
            ):  # fmt: skip
                return "deadline"
            return "penalty"
        return "sentence"
    if not normative or (reported and f.kind == "count" and not re.search(
        r"\bpunishable\b|\bpenalt|\bfines? of\b|\bminimum\b|\bmaximum\b", clause, re.IGNORECASE
    )):  # fmt: skip
        return "event"
    if f.kind == "money" and re.search(r"\bfine|\bpenalt|\bpunishable", clause, re.IGNORECASE):
        return "penalty"
    return "threshold"


def extract_facts(
    text: str,
    anchor: str = "",
    *,
    reporting_year: int | None = None,
    edition_year: int | None = None,
) -> list[Fact]:
    """The facts of one passage. ``reporting_year`` dates figures whose sentence names no year
    ("during the year", "the reporting period"); ``edition_year`` dates tier placements."""
    facts = extract_tiers(text, anchor, edition_year)
    if facts and _TIER_HEADING.match(text.strip()):
        return facts
    nums = scan_numbers(text)
    if all(n.kind == "year" for n in nums):
        return facts  # no figure in the passage
    prev_year = reporting_year - 1 if reporting_year else None
    seen_values: set[float] = set()
    last_unit = ""
    for s, e in sentences(text):
        sentence_nums = [n for n in nums if s <= n.start < e]
        if not any(n.kind != "year" for n in sentence_nums):
            continue
        sentence_facts: list[Fact] = []
        for lo, hi in _clauses(text, s, e):
            clause_nums = [n for n in sentence_nums if lo <= n.start < hi]
            figs, last_unit = _figures(text, lo, hi, s, clause_nums, seen_values, last_unit)
            regions = _regions(text, lo, hi, prev_year)
            _pair(text, figs, regions, prev_year, lo)
            for f in figs:
                if f.compared and not f.paired:
                    f.year = f.cmp_year  # a figure only for the earlier year
                elif not f.compared:
                    f.year = _year_of(text, lo, f.num.start, regions, hi, s) or reporting_year
            for f in figs:
                if f.paired:
                    continue
                fact = _fact(text, anchor, f, lo, hi, s, e, sentence_facts)
                if fact is not None:
                    sentence_facts.append(fact)
        facts.extend(sentence_facts)
    return facts


def _figures(text, lo, hi, s, nums, seen, last_unit) -> tuple[list[_Fig], str]:
    """The figures of a clause, with their kind and unit; restated ones ("all nine") left out."""
    out: list[_Fig] = []
    for n in nums:
        if n.kind == "year":
            continue
        before = text[max(s, n.start - 12) : n.start]
        restated = n.value in seen and _RESTATED.search(before)
        seen.add(n.value)
        if restated:
            continue  # "Of the 91 officially identified victims", "all nine were"
        if n.kind == "money":
            out.append(_Fig(n, "money", n.unit, n.end))
        elif n.kind == "percent":
            np = re.match(r"\s+of\s+(?:the\s+|all\s+|their\s+|its\s+)?", text[n.end : hi])
            unit = _noun_phrase(text, n.end + np.end(), any_noun=True) if np else None
            out.append(_Fig(n, "percent", "%", n.end))
            if unit:
                out[-1].subject = unit[0]
        elif n.kind == "duration":
            if _PRISON_BEFORE.search(text[max(s, n.start - 60) : n.start]) or _PRISON_AFTER.match(
                text[n.end : n.end + 30]
            ):
                out.append(_Fig(n, "prison_term", n.unit, n.end))
        else:
            fig = _count(text, n, hi, s, last_unit)
            if fig is not None:
                out.append(fig)
                last_unit = fig.unit or last_unit
    return out, last_unit


_COPULA = re.compile(r"\s+(?:were|was)\s+(?:(?:a|an)\s+)?", re.IGNORECASE)
_PARTICIPLE = re.compile(r"\s+(?:were|was)\s+(?:\w+ly\s+)?(\w+ed|injured|killed|held)\b", re.I)


def _count(text: str, n: Num, hi: int, s: int, last_unit: str) -> _Fig | None:
    after = text[n.end : hi]
    if n.text.casefold() == "one" and re.match(r"\s+of\b", after):
        return None  # "one of the largest"
    np = _noun_phrase(text, n.end)
    if np and np[1] <= hi:
        return _Fig(n, "count", np[0], np[1])
    m = re.match(
        r"\s+of\s+(?:(?:the|its|their|those|these)\s+)?(?:[\d,.]+(?: million)?\s+)?", after
    )
    if m:
        np = _noun_phrase(text, n.end + m.end())
        if np:
            return _Fig(n, "count", np[0], np[1])
    m = _COPULA.match(after)
    if m and not _PARTICIPLE.match(after):
        np = _noun_phrase(text, n.end + m.end())
        if np:
            return _Fig(n, "count", np[0], np[1])
    if n.word and n.value < 2 or re.match(r"\s*[A-Z]", after):
        return None  # a bare "one"; a number before a name
    # a bare number: the thing counted is the one named before it in the sentence
    m = None
    for found in re.finditer(r"\bnumber of (?:the )?(\w+(?: \w+)?)", text[s : n.start]):
        m = found
    unit = _plural(m.group(1).rsplit(" ", 1)[-1].casefold()) if m else last_unit
    return _Fig(n, "count", unit, n.end) if unit else None


def _pair(text, figs: list[_Fig], regions, prev_year, lo) -> None:
    """Mark the figures inside comparison regions and pair each with the current figure of
    the same kind it compares with (in order, the nearest last)."""
    for a, b, year in regions:
        inside = [f for f in figs if a <= f.num.start < b]
        for f in inside:
            f.compared, f.cmp_year = True, year
        paren_internal = text[a] != "(" and text.rfind("(", lo, a) > text.rfind(")", lo, a)
        start = text.rfind("(", lo, a) if paren_internal else lo
        current = [f for f in figs if start <= f.num.start < a and not f.compared and not f.pair]
        for kind in ("count", "money", "percent", "prison_term"):
            cmp = [f for f in inside if f.kind == kind]
            cur = [f for f in current if f.kind == kind]
            for c, f in zip(cur[-len(cmp) :] if cmp else [], cmp, strict=False):
                c.pair, f.paired = f, True
    # "increased from 717 to 1,149": the first is the earlier figure
    for f, g in zip(figs, figs[1:], strict=False):
        gap = text[f.num.end : g.num.start]
        if (
            f.kind == g.kind
            and not f.compared
            and not g.pair
            and re.fullmatch(r"\s*to\s*", gap)
            and re.search(r"\bfrom\s*\\?[$€£]?$", text[max(lo, f.num.start - 8) : f.num.start])
        ):
            f.compared, f.cmp_year, f.paired, g.pair = True, prev_year, True, f


_SURVEY_YEAR = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\s+(?:[a-z]+\s+)?(?:survey|study|census|report|poll|"
    r"assessment|data|statistics|figures|estimates?|analysis|audit|review|index)\b",
    re.IGNORECASE,
)


_AFTER_STOP = re.compile(
    r"(?<![\w,.])\d(?!\d\d\d\b)|\b(?:who|whom|which|that|whose|when|where|while|after|before|since|"
    r"until|compared|increase|decrease|rise|drop|decline|over|than|from|versus|vs)\b"
    r"|[(:;]|\s[-–—]\s",
    re.IGNORECASE,
)


def _year_of(
    text: str, s: int, pos: int, regions, end: int | None = None, sentence: int | None = None
) -> int | None:
    """The year a figure at ``pos`` refers to, from its own words, outside comparisons: the
    first year named before it in its clause ``text[s:end]`` ("In 2022, ...", "ruled in October
    2021 that ..."), else one named after it there ("54 journalists were detained in 2022"),
    else the year that opens the sentence (from ``sentence``), else the year of a survey or report the
    clause cites ("a 2020 survey found ...")."""

    def first(lo: int, hi: int, pattern=_YEAR_CUE) -> int | None:
        for m in pattern.finditer(text, lo, hi):
            if any(a <= m.start() < b for a, b, _ in regions):
                continue
            return int(m.group("year"))
        return None

    found = first(s, pos)
    if found is None and end is not None:
        # after the figure, up to what begins another statement: another number, a relative
        # clause, a comparison ("who fled in 2014", "a 28 percent increase over ... 2018")
        stop = _AFTER_STOP.search(text, pos + 1, end)
        found = first(pos, stop.start() if stop else end)
    if found is None and sentence is not None and sentence < s:
        # a year that opens the sentence dates all its clauses ("In 2022, ...; ...")
        m = _YEAR_CUE.match(text, sentence + len(text[sentence:s]) - len(text[sentence:s].lstrip()))
        found = int(m.group("year")) if m else None
    if found is None and end is not None:
        found = first(s, end, _SURVEY_YEAR)
    return found


_EVENT_NOUNS = frozenset(
    """injured wounded dead killed detainees detentions arrests convictions prosecutions
    investigations kidnappings abductions disappearances deaths killings executions casualties
    injuries IDPs refugees returnees pardons releases acquittals trials warrants charges""".split()
)


def _unit_cue(unit: str | None) -> str | None:
    """The cue a counted noun matches by itself ("12,000 IDPs", "detainees"), or None."""
    return next((name for p, name in _COUNT_CUES_RE if p.search(unit)), None) if unit else None


def _readable(subject: str) -> bool:
    """Whether a subject names something: a word of three letters or more that is not a
    function word or a verb form ("it", "%", "expressed")."""
    words = [w for w in re.findall(r"[A-Za-z]+", subject) if len(w) >= 3]
    if not words:
        return False
    head = words[-1].casefold()
    return head not in _STOP and not (
        len(words) == 1 and head.endswith(("ed", "ing", "ly")) and head not in _NOUNLIKE
    )


def _fact(text, anchor, f: _Fig, lo, hi, s, e, sentence_facts) -> Fact | None:
    n = f.num
    fig_span = (n.start, f.np_end)
    subject: str | None
    if f.kind == "money":
        subject = _cue(text, s, e, fig_span, _MONEY_CUES) or "money"
    elif f.kind == "prison_term":
        window = text[max(s, n.start - 80) : n.end + 40].casefold()
        if re.search(r"penalt|punishable|prescribe", text[s : n.end + 40].casefold()):
            subject = "penalties"
        elif "sentenc" in text[s:e].casefold():
            subject = "sentences"
        elif re.search(r"jail|detention|detained|custody", window):
            subject = "detention"
        else:
            subject = "imprisonment"
    else:
        # the counted noun itself when it names what happened ("30 injured", "12 dead",
        # "500 detainees", "nine convictions"), else the cue nearest the figure, else the cue
        # the counted noun matches ("12,000 IDPs")
        unit_cue = _unit_cue(f.unit)
        names_event = (
            f.kind == "count" and unit_cue is not None and f.unit.rsplit(" ", 1)[-1] in _EVENT_NOUNS
        )
        subject = unit_cue if names_event else _cue(text, lo, hi, fig_span, _COUNT_CUES_RE)
        if subject == "victims identified" and "victim" not in text[lo:hi].casefold():
            subject = "identified"  # "The ministry identified 1,664 violations"
        if subject is None:
            subject = unit_cue
        if subject is None and sentence_facts:
            subject = sentence_facts[-1].subject
        if subject is None:
            subject = f.subject or f.unit or ""
            if not _readable(subject):
                return None  # nothing a reader could take as what is counted: left in the passage
    c = f.pair
    return Fact(
        anchor=anchor,
        kind=f.kind,
        subject=subject,
        value=n.value,
        unit=f.unit,
        year=f.year,
        compared_value=c.num.value if c else None,
        compared_year=c.cmp_year if c else None,
        compared_unit=(c.unit or f.unit) if c else None,
        upper=n.upper,
        converted_value=n.converted_value,
        converted_unit=n.converted_unit,
        quote=" ".join(text[s:e].split()),
        start=n.start,
        end=n.end,
        qualifier=qualifier_before(text, n.start),
        role=_role(text, lo, hi, f),
    )


def passage_facts(
    passages: list[tuple[str, str]],
    *,
    series: str | None,
    edition_year: int | None,
    published: dt.date | str | None = None,
    language: str = "en",
) -> list[Fact]:
    """The facts of a document, from its passages as (local anchor, text) pairs. The rules
    read English: a document in another language has none."""
    if language != "en":
        return []
    covered = reporting_year(series, edition_year, published)
    tier_year = edition_year or (covered + 1 if covered and series else covered)
    out: list[Fact] = []
    for anchor, text in passages:
        out += extract_facts(text, anchor, reporting_year=covered, edition_year=tier_year)
    return out
