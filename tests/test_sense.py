"""False friends: an English word matches the words it means, not every word sharing its stem
(deserter is not desert, mobilization is not mobility, a convert is not a convertible mark),
and a Danish rendering does not bring in a word of another sense (omskæring is not "cut")."""

from __future__ import annotations

import json

import pytest

from baggrund.index import analyzer
from baggrund.library import Library
from baggrund.sense import sense_forms, senses

PASSAGES = {
    "deserters": "Army deserters who were caught faced detention without trial.",
    "desert": "Migrants crossed desert areas in the south where smugglers abandoned them.",
    "mobilization": "The partial mobilization called up reservists aged up to 50.",
    "mobility": "Restrictions on the mobility of persons with disabilities persisted.",
    "converts": "Converts from Islam to Christianity risked arrest and prosecution.",
    "convertible": "The convertible mark remained pegged to the euro under the currency board.",
    "executions": "Authorities carried out public executions of persons convicted of murder.",
    "executive": "The executive branch dominated the legislature and the judiciary.",
    "fgm": "Female genital mutilation/cutting remained widespread in rural districts.",
    "trees": "Settlers cut down olive trees and fruit trees on Palestinian land.",
    "marriage": "Girls were forced to marry older men; forced marriage was common.",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("senses")
    path = folder / "senses.jsonl"
    records = [
        {"id": key, "country": "Eritrea", "source": "S", "title": f"Report {key}",
         "text": f"## Section\n\n{text}"}
        for key, text in PASSAGES.items()
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    lib = Library.open(str(folder / "senses.db"))
    assert lib.ingest([path]).ok
    yield lib
    lib.close()


def _found(lib, query: str) -> set[str]:
    return {h.title.removeprefix("Report ") for h in lib.search(query, limit=50).hits}


@pytest.mark.parametrize(
    ("query", "meant", "not_meant"),
    [
        ("deserters", "deserters", "desert"),
        ("desertør Eritrea", "deserters", "desert"),
        ("desertører", "deserters", "desert"),
        ("desert", "desert", "deserters"),
        ("mobilization", "mobilization", "mobility"),
        ("mobility", "mobility", "mobilization"),
        ("converts", "converts", "convertible"),
        ("konvertitter", "converts", "convertible"),
        ("executions", "executions", "executive"),
        ("omskæring", "fgm", "trees"),
    ],
)
def test_a_word_finds_its_sense_and_not_its_false_friend(library, query, meant, not_meant):
    found = _found(library, query)
    assert meant in found and not_meant not in found, found


def test_a_common_word_of_a_rendering_is_not_marked(library):
    hit = library.search("tvangsægteskab").hits[0]
    assert "<mark>to</mark>" not in hit.snippet_html and "<mark>forced</mark>" in hit.snippet_html


def test_every_sense_shares_its_stem_with_another_sense():
    stem = analyzer("en")
    stems = [{t for f in forms for t in stem.analyze(f)} for forms in senses()]
    for i, own in enumerate(stems):
        others = set().union(*(s for j, s in enumerate(stems) if j != i))
        assert own & others, f"{senses()[i]} collides with no other sense: not a false friend"
    assert sense_forms("Deserters") == sense_forms("desertion")
    assert sense_forms("torture") is None
