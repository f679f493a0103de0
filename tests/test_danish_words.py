"""Danish word structure in a Danish question: inflections by lemma, closed compounds split into
glossary parts, words written like their English form (baggrund.glossary, baggrund.expansion)."""

from __future__ import annotations

import pytest

from baggrund.expansion import translate_danish
from baggrund.glossary import compound_parts, expand_danish
from baggrund.query import AnyOf, Term, parse_query

pytest.importorskip("simplemma")


def _alternatives(word: str, english_word=None) -> set[str]:
    return set(dict(expand_danish([word], english_word))[word])


@pytest.mark.parametrize(
    ("word", "english"),
    [("forsvandt", "disappeared"), ("bortførte", "abducted"), ("slog", "beat"),
     ("skudt", "shot"), ("deltog", "participated")],
)  # fmt: skip
def test_irregular_forms_find_the_entry_by_their_lemma(word: str, english: str) -> None:
    assert english in _alternatives(word)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("politivold", [{"police"}, {"violence"}]),
        ("kvindefængsler", [{"women"}, {"prison"}]),
        ("journalistdrab", [{"journalist"}, {"killing"}]),
        ("flygtningelejre", [{"refugees"}, {"camp"}]),  # a linking e
        ("politirazziaer", [{"police"}, {"raids"}]),
    ],
)  # fmt: skip
def test_closed_compounds_split_into_known_parts(word: str, parts: list[set[str]]) -> None:
    found = compound_parts(word)
    assert len(found) == len(parts), found
    for (_, alternatives), wanted in zip(found, parts, strict=True):
        assert wanted <= set(alternatives), (word, alternatives)


def test_a_linking_s_joins_the_parts() -> None:
    found = compound_parts("tilbageholdelsesfaciliteter", {"facility"}.__contains__)
    assert "detention" in found[0][1] and found[-1][1] == ("facility",)


def test_the_head_must_be_known_and_the_longest_ending_wins() -> None:
    assert compound_parts("fængselsbetjente") == []  # "betjente": no entry
    assert compound_parts("sikkerhedsstyrkerne") == []  # never "sikkerheds" + "tyrkerne"
    assert compound_parts("Aserbajdsjan") == [] and compound_parts("Kandahar") == []
    narcotics = compound_parts("narkotikaforbrydelser")
    assert narcotics[0] == ("narkotika", ())  # a Danish word the glossary lacks: no renderings
    assert "crimes" in narcotics[1][1]


def test_a_compound_is_searched_as_the_english_of_its_parts() -> None:
    parsed = translate_danish(parse_query("politivold mod demonstranter"))
    police, violence = parsed.required[0], parsed.required[1]
    assert isinstance(police, AnyOf) and Term("police") in police.options
    assert Term("politivold") in violence.options and Term("violence") in violence.options


def test_an_english_lookalike_only_when_the_index_has_it() -> None:
    vocabulary = {"terrorist", "university", "confiscation", "organization"}.__contains__
    assert _alternatives("terrorister", vocabulary) == {"terrorist"}
    assert _alternatives("konfiskation", vocabulary) == {"confiscation"}
    assert _alternatives("terrorister") == set()  # no vocabulary: nothing guessed
    assert _alternatives("xylofoner", vocabulary) == set()
    assert "organization" in set(
        dict(compound_parts("kvindeorganisationer", vocabulary))["organisationer"]
    )


def test_the_english_vocabulary_check_reaches_translation() -> None:
    parsed = translate_danish(parse_query("terrorister i byen"), {"terrorist"}.__contains__)
    assert AnyOf((Term("terrorister"), Term("terrorist"))) in parsed.required


def test_the_store_tells_which_english_words_its_reports_use(sample):
    store = sample.store
    assert store.english_word("terrorist") and store.english_word("confiscation")
    assert not store.english_word("politi") and not store.english_word("xylofon")


def test_a_danish_question_finds_the_english_lookalike_and_the_compound_parts(sample):
    hits = sample.search("Hvordan behandles terrorister i Syrien?", limit=5).hits
    assert hits and any("terrorist" in h.text.lower() for h in hits)
    hits = sample.search("konfiskation af ejendom i Afghanistan", limit=10).hits
    assert any("confiscation" in h.text.lower() for h in hits)
