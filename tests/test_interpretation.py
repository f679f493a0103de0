"""Every search says what it searched for: the words, the English words for Danish ones, the
country recognised, the filters; the CLI with --explain, the API in a field. A reading can be
undone: a country searched as a word, a Danish word searched as typed."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from baggrund.web import Settings, create_app


def test_the_library_says_what_it_searched_for(sample):
    result = sample.search("tvangsarbejde og menneskehandel i Aserbajdsjan")
    i = result.interpretation
    assert i.danish and i.words == ("tvangsarbejde", "menneskehandel")
    english = {r.danish: r.english for r in i.renderings}
    assert "forced labor" in english["tvangsarbejde"]
    assert "trafficking" in english["menneskehandel"]
    assert (i.country, i.country_words) == ("AZE", "Aserbajdsjan")
    assert result.hits and all(h.country == "AZE" for h in result.hits[:3])


def test_an_english_query_has_no_renderings_and_shows_its_filters(sample):
    i = sample.search("forced labor -children", country="AZE", latest=True).interpretation
    assert not i.danish and not i.renderings
    assert i.words == ("forced", "labor") and i.excluded == ("children",)
    assert i.filters == {"country": "AZE"} and i.latest and i.country is None


def test_a_reading_can_be_undone(sample):
    typed = sample.search("menneskehandel Aserbajdsjan", literal=["menneskehandel"])
    assert not typed.interpretation.renderings
    assert typed.interpretation.kept_literal == ("menneskehandel",)
    # the English report never says the Danish word: nothing, where the rendering finds it
    assert not typed.hits and sample.search("menneskehandel Aserbajdsjan").hits
    word = sample.search("trafficking Azerbaijan", recognise=False).interpretation
    assert word.country is None and word.words == ("trafficking", "Azerbaijan")


def test_cli_explain(cli):
    from .conftest import SAMPLES

    cli("ingest", str(SAMPLES))
    out = cli("search", "tvangsarbejde i Aserbajdsjan", "--explain", "--limit", "1").output
    assert "Searched for: tvangsarbejde" in out and "tvangsarbejde → forced labor" in out
    assert "Country: AZE (Aserbajdsjan)" in out
    da = cli("--lang", "da", "search", "tvangsarbejde", "--explain", "--limit", "1").output
    assert "Søgte efter: tvangsarbejde" in da
    lines = cli.json_lines("search", "tvangsarbejde", "--explain", "--json", "--limit", "2")
    assert "text" in lines[0] and lines[-1]["interpretation"]["words"] == ["tvangsarbejde"]
    plain = cli("search", "tvangsarbejde", "--literal", "tvangsarbejde", "--explain").output
    assert "→" not in plain


def test_api_field(sample_db):
    app = create_app(Settings(sample_db, allowed_hosts=("testserver",)))
    with TestClient(app) as client:
        data = client.get("/api/v1/search", params={"q": "menneskehandel Aserbajdsjan"}).json()
        i = data["interpretation"]
        assert i["country"] == "AZE" and i["renderings"][0]["danish"] == "menneskehandel"
        assert isinstance(data["more"], bool)
        undone = client.get(
            "/api/v1/search",
            params={"q": "menneskehandel Aserbajdsjan", "literal": "menneskehandel",
                    "recognise": "false"},
        ).json()["interpretation"]  # fmt: skip
        assert undone["renderings"] == [] and undone["country"] is None
        page = client.get("/search", params={"q": "menneskehandel Aserbajdsjan", "lang": "da"})
        assert "Søgte efter:" in page.text and "menneskehandel →" in page.text
        json.dumps(data)  # all of it is JSON
