"""The Danish-English glossary: the data file, stem matching, multi-word entries, shared stems,
homographs, and telling Danish queries from English ones."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from pathlib import Path

import pytest

import baggrund.glossary as glossary
from baggrund.glossary import entries, expand_danish, looks_danish, parse_glossary
from baggrund.index import analyzer
from baggrund.query import STOPWORDS

GLOSSARY = Path(glossary.__file__).parent / "data" / "glossary.tsv"
TOPICS = set(
    """persecution protection discrimination political media religion ethnicity gender lgbti
    children military detention torture disappearance killings justice corruption security
    armed_groups conflict movement documents statelessness return displacement refugees
    trafficking labour blood_feud health education housing state general""".split()
)
# English as the reports write it: ASCII letters, digits, spaces and a little punctuation.
ENGLISH = re.compile(r"[A-Za-z0-9][A-Za-z0-9 '\-/,.+()]*")


def _by_key() -> dict[str, glossary.GlossaryEntry]:
    return {e.danish: e for e in entries()}


def _alternatives(text: str) -> tuple[str, ...]:
    """The alternatives of a one-span expansion of ``text``."""
    spans = expand_danish(text.split())
    assert len(spans) == 1, spans
    return spans[0][1]


def _stem_key(danish: str) -> tuple[str, ...]:
    return tuple(itertools.chain.from_iterable(analyzer("da").analyze(w) for w in danish.split()))


# -- the file ------------------------------------------------------------------------------------


def _data_lines() -> list[tuple[int, str]]:
    text = GLOSSARY.read_text(encoding="utf-8")
    return [
        (n, line)
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


def test_the_file_starts_with_a_header_that_explains_the_format():
    head = GLOSSARY.read_text(encoding="utf-8").splitlines()[:40]
    assert all(line.startswith("#") or not line for line in head[:10])
    text = "\n".join(head)
    assert "FORMAT" in text and "<TAB>" in text and "topic" in text
    assert "State Department" in text and "Home Office" in text and "EUAA" in text


def test_every_line_has_three_fields():
    for number, line in _data_lines():
        fields = line.split("\t")
        assert len(fields) == 3, f"line {number}: {line!r}"
        assert all(f == f.strip() and f for f in fields), f"line {number}: {line!r}"


def test_entry_count_is_within_the_aim():
    assert 400 <= len(entries()) <= 1000
    assert len(entries()) == len(_data_lines())


def test_no_duplicate_danish_keys():
    seen: dict[str, int] = {}
    for e in entries():
        key = e.danish.casefold()
        assert key not in seen, f"{e.danish!r} on lines {seen[key]} and {e.line}"
        seen[key] = e.line


def test_alternatives_are_non_empty_unique_and_english_looking():
    for e in entries():
        assert e.english, e
        assert len(set(e.english)) == len(e.english), f"line {e.line}: repeated alternative"
        for alternative in e.english:
            assert alternative.isascii(), f"line {e.line}: {alternative!r}"
            assert ENGLISH.fullmatch(alternative), f"line {e.line}: {alternative!r}"
            assert not set(alternative.lower()) & set("æøå"), f"line {e.line}: {alternative!r}"


def test_topics_are_from_the_list_in_the_header():
    assert {e.topic for e in entries()} <= TOPICS


def test_danish_keys_are_dictionary_forms_with_stems():
    for e in entries():
        assert e.danish == e.danish.strip() and "  " not in e.danish
        assert _stem_key(e.danish), f"line {e.line}: {e.danish!r} has no stems"
        if e.danish[0].isupper():  # only names are capitalised
            assert e.topic in {"religion", "armed_groups", "political", "lgbti"}, e


def test_no_entry_takes_the_stem_of_a_function_word():
    """Function words of either language, and everyday Danish words whose stems come close
    to an entry's ("mens" and "mener" stem to "men"), are never expanded."""
    words = set(STOPWORDS) | glossary._DANISH_WORDS | glossary._DANISH_LOWER_WORDS
    words |= {"men", "mens", "mener", "trods", "tror", "landet", "retten", "more"}
    words -= {"mange"}  # "mange" (many) is an entry, for questions about numbers
    words -= {"off"}  # English "off" has the stem of "offer" (victim); Danish queries lack it
    keys = {_stem_key(e.danish) for e in entries()}
    for word in sorted(words):
        assert _stem_key(word) not in keys, word
        assert expand_danish([word]) == [(word, ())], word


def test_homographs_are_marked_and_common_english_homographs_left_out():
    marked = {e.danish for e in entries() if e.homograph}
    assert {"offer", "true", "barn", "gift"} <= marked
    keys = {e.danish for e in entries()}
    assert not keys & {"land", "by", "bag", "hug", "far", "fare", "mine", "dog"}


def test_malformed_lines_are_refused():
    with pytest.raises(ValueError, match="line 2"):
        parse_glossary("# header\ndesertør\tdeserter\n")
    with pytest.raises(ValueError, match="line 1"):
        parse_glossary("desertør\tdeserter; ; desertion\tmilitary\n")
    parsed = parse_glossary("# c\n\n~offer\tvictim; victims\ttrafficking\n")
    assert parsed[0].danish == "offer" and parsed[0].homograph and parsed[0].line == 3


def test_every_entry_finds_itself():
    """Each entry typed as a query is one span carrying all its alternatives (a homograph
    only in a Danish sentence)."""
    for e in entries():
        words = e.danish.split()
        if e.homograph:
            assert expand_danish(words) == [(e.danish, ())]
            words = ["hvordan", *words]
        spans = expand_danish(words)
        assert spans[-1][0] == e.danish, (e.danish, spans)
        assert set(e.english) <= set(spans[-1][1]), e.danish


# -- inflected forms -----------------------------------------------------------------------------

INFLECTED = [
    ("desertører", "desertør"),
    ("desertøren", "desertør"),
    ("desertørerne", "desertør"),
    ("fængsles", "fængsle"),
    ("fængslet", "fængsle"),
    ("fængslede", "fængsle"),
    ("militærtjenesten", "militærtjeneste"),
    ("forholdene", "forhold"),
    ("myndighederne", "myndighed"),
    ("myndigheder", "myndighed"),
    ("kvinder", "kvinde"),
    ("pigerne", "pige"),
    ("journalister", "journalist"),
    ("journalisterne", "journalist"),
    ("konvertitter", "konvertit"),
    ("klaner", "klan"),
    ("minoritetsklaner", "minoritetsklan"),
    ("hazaraer", "hazara"),
    ("kurdere", "kurder"),
    ("armeniere", "armenier"),
    ("sikher", "sikh"),
    ("hinduer", "hindu"),
    ("ahmadier", "ahmadi"),
    ("homoseksuelle", "homoseksuel"),
    ("transkønnede", "transkønnet"),
    ("reservister", "reservist"),
    ("tilbagevendte", "tilbagevendt"),
    ("checkpoints", "checkpoint"),
    ("kontrolposter", "kontrolpost"),
    ("jordkonflikter", "jordkonflikt"),
    ("tvangsægteskaber", "tvangsægteskab"),
    ("udrejsetilladelsen", "udrejsetilladelse"),
    ("dræbte", "dræbt"),
    ("dræbes", "dræbe"),
    ("anholdt", "anholdelse"),
    ("anholdes", "anholdelse"),
    ("tilbageholdes", "tilbageholdelse"),
    ("straffes", "straf"),
    ("straffet", "straf"),
    ("forfølges", "forfølgelse"),
    ("chikaneres", "chikane"),
    ("diskrimineres", "diskriminere"),
    ("truet", "true"),
    ("truer", "true"),
    ("trusler", "trussel"),
    ("militser", "milits"),
    ("militsen", "milits"),
    ("torturen", "tortur"),
    ("tortureret", "tortur"),
    ("politiet", "politi"),
    ("regeringen", "regering"),
    ("blodfejder", "blodfejde"),
    ("ofrene", "ofre"),
    ("menneskehandlere", "menneskehandler"),
    ("krisecentre", "krisecenter"),
    ("tvangsrekrutterer", "tvangsrekruttering"),
    ("værnepligtige", "værnepligtig"),
    ("indkaldt", "indkaldelse"),
    ("fritaget", "fritagelse"),
    ("konverterede", "konvertere"),
    ("deserterede", "desertere"),
    ("henrettet", "henrettelse"),
    ("domstolene", "domstol"),
    ("advokater", "advokat"),
    ("børnesoldater", "børnesoldat"),
    ("tørklædet", "tørklæde"),
    ("kønslemlæstelsen", "kønslemlæstelse"),
    ("flygtninge", "flygtning"),
    ("asylansøgere", "asylansøger"),
    ("statsborgerskabet", "statsborgerskab"),
    ("sikkerhedsstyrkerne", "sikkerhedsstyrke"),
    ("demonstranter", "demonstrant"),
    ("udvist", "udvise"),
    ("fængsler", "fængsel"),  # plural of fængsel; also the stem of fængsle
    ("BØRN", "børn"),
]


@pytest.mark.parametrize(("word", "entry"), INFLECTED)
def test_inflected_forms_find_the_dictionary_form(word, entry):
    assert set(_by_key()[entry].english) <= set(_alternatives(word))


def test_enough_inflection_cases():
    assert len(INFLECTED) >= 30
    assert all(word != entry for word, entry in INFLECTED)


def test_the_briefs_examples():
    assert "imprison" in _alternatives("fængsles")
    assert "deserter" in _alternatives("desertørerne")
    assert "military service" in _alternatives("militærtjenesten")
    assert "conditions" in _alternatives("forholdene")


# -- multi-word entries --------------------------------------------------------------------------


def test_multi_word_entries_win_over_single_words():
    spans = expand_danish("unddrager sig militærtjenesten".split())
    assert [s for s, _ in spans] == ["unddrager sig militærtjenesten"]
    assert "draft evasion" in spans[0][1]
    assert set(spans[0][1]) != set(_alternatives("militærtjenesten"))


@pytest.mark.parametrize(
    ("query", "span", "expected"),
    [
        ("kvindelig omskæring Somalia", "kvindelig omskæring", "female genital mutilation"),
        ("Hvem vender tilbage til Syrien", "vender tilbage", "returnees"),
        ("internt fordrevne i Somalia", "internt fordrevne", "internally displaced persons"),
        ("afviste asylansøgere Irak", "afviste asylansøgere", "rejected asylum seekers"),
        ("politiske modstandere Rusland", "politiske modstandere", "political opponents"),
        ("Forfølges Jehovas Vidner", "Jehovas Vidner", "Jehovah's Witnesses"),
        ("vold i hjemmet Tyrkiet", "vold i hjemmet", "domestic violence"),
        ("ulovlig udrejse Eritrea", "ulovlig udrejse", "illegal exit"),
        ("unddrager sig værnepligten", "unddrager sig værnepligten", "draft evasion"),
        ("offer for menneskehandel", "offer for menneskehandel", "victims of trafficking"),
        ("Har kvinder lov til at rejse", "lov til", "allowed to"),
        ("LGBTI-personer i Uganda", "LGBTI-personer", "LGBTQI+ persons"),
        ("Hvor mange er fængslet", "Hvor mange", "number"),
        ("kan man rejse frit i Irak", "rejse frit", "freedom of movement"),
    ],
)
def test_multi_word_spans(query, span, expected):
    found = dict(expand_danish(query.split()))
    assert span in found, expand_danish(query.split())
    assert expected in found[span]


def test_single_words_of_a_multi_word_entry_still_match_alone():
    assert "illegal" in _alternatives("ulovlig")
    assert "exit" in _alternatives("udrejse")
    spans = expand_danish("udrejse ulovlig".split())  # not the entry's order: two spans
    assert [s for s, _ in spans] == ["udrejse", "ulovlig"]


def test_a_hyphenated_word_without_an_entry_gets_its_parts():
    spans = expand_danish(["kvinde-aktivister"])
    assert spans[0][0] == "kvinde-aktivister"
    assert {"women", "activists"} <= set(spans[0][1])


# -- entries that share a stem -------------------------------------------------------------------


def test_entries_with_the_same_stems_share_the_union_of_their_alternatives():
    groups: dict[tuple[str, ...], list[glossary.GlossaryEntry]] = defaultdict(list)
    for e in entries():
        groups[_stem_key(e.danish)].append(e)
    shared = {key: group for key, group in groups.items() if len(group) > 1}
    names = {frozenset(e.danish for e in group) for group in shared.values()}
    # kvinde/kvindelig both stem to "kvind"; anklage (charge) and anklager (prosecutor) to
    # "anklag"; dom (sentence) and dommer (judge) to "dom"; vilkår (conditions) and vilkårlig
    # (arbitrary) to "vilkår": a query word finds both meanings.
    assert {
        frozenset({"kvinde", "kvindelig"}),
        frozenset({"anklage", "anklager"}),
        frozenset({"dom", "dommer"}),
        frozenset({"vilkår", "vilkårlig"}),
    } <= names
    for group in shared.values():
        union = set(itertools.chain.from_iterable(e.english for e in group))
        for e in group:
            words = e.danish.split()
            if e.homograph:
                words = ["hvordan", *words]
            assert union <= set(dict(expand_danish(words))[e.danish]), e.danish


def test_anklager_means_both_prosecutor_and_charges():
    alternatives = _alternatives("anklager")
    assert "prosecutor" in alternatives and "charges" in alternatives
    assert {"judge", "sentence"} <= set(_alternatives("dommeren"))


# -- names, countries and unknown words ----------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "Straffes desertører i Eritrea?",
        "Fængsles journalister i Aserbajdsjan?",
        "kvindelig omskæring Somalia",
        "Bliver hazaraer diskrimineret af Taliban i Kabul",
        "al-Shabaab tvangsrekrutterer børn i Mogadishu",
        "Hvordan behandler myndighederne tilbagevendte fra Storbritannien?",
        "Er der checkpoints mellem Damaskus og Aleppo",
        "«Sawa» – straf for desertering , 2023",
    ],
)
def test_no_word_vanishes(query):
    words = query.split()
    spans = expand_danish(words)
    assert " ".join(text for text, _ in spans) == " ".join(words)


@pytest.mark.parametrize(
    "name", ["Eritrea", "Aserbajdsjan", "Somalia", "Syrien", "Kabul", "Mogadishu", "Iran?"]
)
def test_countries_and_places_pass_through_unexpanded(name):
    assert expand_danish([name]) == [(name, ())]


def test_armed_groups_map_to_themselves():
    assert "Taliban" in _alternatives("Taliban")
    assert "Taliban" in _alternatives("talibans")
    assert "al-Shabaab" in _alternatives("al-Shabaab")


def test_unknown_words_and_punctuation_come_back_empty():
    assert expand_danish(["Hvordan", "?", "xyzzy"]) == [("Hvordan", ()), ("?", ()), ("xyzzy", ())]
    assert expand_danish([]) == []


def test_straffes_desertorer_i_eritrea():
    spans = expand_danish("Straffes desertører i Eritrea?".split())
    assert [text for text, _ in spans] == ["Straffes", "desertører", "i", "Eritrea?"]
    assert "punishment" in spans[0][1] and "deserter" in spans[1][1]
    assert spans[2][1] == () and spans[3][1] == ()


# -- homographs ----------------------------------------------------------------------------------


def test_homographs_expand_only_in_danish_queries():
    assert expand_danish(["offer"]) == [("offer", ())]
    assert expand_danish("true threat".split())[0] == ("true", ())
    found = dict(expand_danish("Hvilken hjælp får et offer".split()))
    assert "victim" in found["offer"]
    found = dict(expand_danish("Hvem vil true journalister".split()))
    assert "threaten" in found["true"]
    assert "threaten" in _alternatives("truer")  # not an English word: no restriction


# -- Danish or English ---------------------------------------------------------------------------

DANISH_QUERIES = [
    "Straffes desertører i Eritrea?",
    "kvindelig omskæring Somalia",
    "Fængsles journalister i Aserbajdsjan?",
    "tortur Eritrea",
    "tvangsægteskab Irak",
    "offer for menneskehandel",
    "politisk fange Iran",
    "blodfejde Albanien",
    "konvertitter Iran",
    "desertører Syrien",
    "Hvordan behandles homoseksuelle",
    "internt fordrevne Somalia",
    "tilbagevendte asylansøgere Afghanistan",
    "korruption politi Nigeria",
    "Taliban kvinder uddannelse",
    "true journalister",
    "Udrejsetilladelse Eritrea",
]

ENGLISH_QUERIES = [
    "Eritrea exit visa",
    "land disputes",
    "female genital mutilation Somalia",
    "journalist imprisoned Azerbaijan",
    "torture Eritrea",
    "forced marriage Iraq",
    "Taliban women education",
    "blood feud Albania",
    "conversion to Christianity in Iran",
    "religions Iran",
    "protesters killed Iran",
    "national service Eritrea deserters",
    "FGM type I",
    "de facto authorities Afghanistan",
    "Kurds in Turkey",
    "offer of protection",
    "true threat",
    "human rights defenders Russia",
]


@pytest.mark.parametrize("query", DANISH_QUERIES)
def test_danish_queries_look_danish(query):
    assert looks_danish(query)


@pytest.mark.parametrize("query", ENGLISH_QUERIES)
def test_english_queries_do_not_look_danish(query):
    assert not looks_danish(query)


def test_enough_language_cases():
    assert len(DANISH_QUERIES) >= 15 and len(ENGLISH_QUERIES) >= 15


def test_signs_of_danish():
    assert looks_danish("å")  # the letters alone
    assert looks_danish("Hvordan Eritrea")  # a question word
    assert looks_danish("kvinder i Iran")  # lower-case "i"
    assert not looks_danish("Tier I countries")  # upper-case "I" is English
    assert not looks_danish("")
    assert not looks_danish("Eritrea")  # a name alone says nothing
    assert not looks_danish("journalist")  # a word of both languages says nothing


# -- loading ---------------------------------------------------------------------------------------


def test_the_glossary_is_loaded_once():
    assert entries() is entries()
    assert glossary._table() is glossary._table()
