"""Finding one's way in the web application: the countries by name in the interface language
(Danish: æ, ø, å after z), the /countries and /sources pages and their JSON, and the search
boxes of a document's page (inside that document) and of a country's page."""

import html
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from baggrund.collation import sort_key_da, sort_key_en
from baggrund.library import Library
from baggrund.web import Settings, create_app

from .conftest import SAMPLES

HOST = ["testserver"]
# names that Danish and English order differently: Østrig (AUT), Ækvatorialguinea (GNQ) and
# Åland (ALA) after Zimbabwe in Danish; Åland Islands and Côte d'Ivoire among the A and C in
# English; Türkiye is Tyrkiet in Danish
EXTRA = [
    ("Austria", "Amnesty International"),
    ("Equatorial Guinea", "Amnesty International"),
    ("Åland Islands", "Human Rights Watch"),
    ("Zimbabwe", "Human Rights Watch"),
    ("Côte d'Ivoire", "Human Rights Watch"),
    ("Turkey", "Amnesty International"),
    ("Austria", "Human Rights Watch"),
]
DANISH = ["Afghanistan", "Aserbajdsjan", "Elfenbenskysten", "Eritrea", "Iran", "Syrien",
          "Tyrkiet", "Zimbabwe", "Ækvatorialguinea", "Østrig", "Åland"]  # fmt: skip
ENGLISH = ["Afghanistan", "Åland Islands", "Austria", "Azerbaijan", "Côte d’Ivoire",
           "Equatorial Guinea", "Eritrea", "Iran", "Syria", "Türkiye", "Zimbabwe"]  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nav")
    extra = folder / "extra.jsonl"
    records = [
        {"title": f"Report {i} on {country}", "country": country, "source": source,
         "published": "2024-03-01",
         "text": f"## Summary\n\nDetention of journalists in {country}, report {i}.\n"}
        for i, (country, source) in enumerate(EXTRA)
    ]  # fmt: skip
    extra.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = str(folder / "nav.db")
    with Library.open(db) as lib:
        summary = lib.ingest([SAMPLES, extra])
        assert summary.ok, [str(e.to_dict()) for e in summary.rejected]
    return TestClient(create_app(Settings(db, allowed_hosts=HOST)), raise_server_exceptions=False)


def country_rows(page: str) -> list[tuple[str, str, str, str]]:
    """(code, name, ISO cell, documents) of each row of the countries table, in order."""
    table = page[page.index('<table class="countries">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(
        r'<tr><td><a href="/countries/(\w+)">([^<]+)</a></td><td lang="\w\w">[^<]+</td>'
        r'<td>(\w+)</td><td class="num">([^<]+)</td></tr>',
        table,
    )
    return [(code, html.unescape(name), iso, n) for code, name, iso, n in rows]


def test_the_sort_keys_put_danish_letters_after_z_and_ignore_accents_in_english():
    names = ["Åland", "Zambia", "Østrig", "Ægypten", "Aruba", "Österreich", "Über", "Élan"]
    assert sorted(names, key=sort_key_da) == [
        "Aruba", "Élan", "Über", "Zambia", "Ægypten", "Österreich", "Østrig", "Åland",
    ]  # fmt: skip
    assert sorted(names, key=sort_key_en) == [
        "Ægypten", "Åland", "Aruba", "Élan", "Österreich", "Østrig", "Über", "Zambia",
    ]  # fmt: skip
    assert sorted(["Aalborg", "Zealand", "Aarhus", "Abe"], key=sort_key_da) == [
        "Abe",
        "Zealand",
        "Aalborg",
        "Aarhus",
    ]  # fmt: skip  ("aa" is å in Danish)
    assert sorted(["Sierraland", "Sierra Leone", "sierra leone"], key=sort_key_en) == [
        "Sierra Leone", "sierra leone", "Sierraland",
    ]  # fmt: skip
    assert sort_key_da("") == ("", "") and sort_key_en("!?") == ("", "!?")


@pytest.mark.parametrize(("lang", "names"), [("da", DANISH), ("en", ENGLISH)])
def test_the_start_page_lists_countries_by_name_with_their_documents(client, lang, names):
    rows = country_rows(client.get("/", params={"lang": lang}).text)
    assert [name for _, name, _, _ in rows] == names
    counts = {code: n for code, _, _, n in rows}
    assert counts["AZE"] == "3" and counts["AUT"] == "2" and counts["ALA"] == "1"
    assert all(code == iso for code, _, iso, _ in rows)


@pytest.mark.parametrize(("lang", "names"), [("da", DANISH), ("en", ENGLISH)])
def test_the_countries_page_and_its_json(client, lang, names):
    page = client.get("/countries", params={"lang": lang})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    rows = country_rows(page.text)
    assert [name for _, name, _, _ in rows] == names
    heading = {"da": "<h1>Lande</h1>", "en": "<h1>Countries</h1>"}[lang]
    assert heading in page.text and ("11 lande." if lang == "da" else "11 countries.") in page.text
    data = client.get("/api/v1/countries", params={"lang": lang}).json()
    assert [r["country"] for r in data] == [code for code, _, _, _ in rows]
    assert [str(r["documents"]) for r in data] == [n for _, _, _, n in rows]
    for code, _, _, _ in rows:  # every link leads to the country's page
        assert client.get(f"/countries/{code}").status_code == 200
    default = client.get("/api/v1/countries").json()
    assert [r["name"] for r in default] == ENGLISH
    assert client.get("/api/v1/countries", params={"lang": "fr"}).status_code == 422


SOURCES = [("Amnesty International", "3", "3"), ("Human Rights Watch", "4", "4"),
           ("US Department of State", "7", "5")]  # fmt: skip


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_sources_page_links_each_source_to_a_search_in_it(client, lang):
    page = client.get("/sources", params={"lang": lang})
    assert page.status_code == 200
    rows = re.findall(
        r'<tr><td><a href="/sources/([^"]+)">([^<]+)</a></td><td class="num">(\d+)</td>'
        r'<td class="num">(\d+)</td><td><a href="(/search\?[^"]+)"',
        page.text,
    )
    assert [(name, n, c) for _, name, n, c, _ in rows] == SOURCES
    assert ("<h1>Kilder</h1>" if lang == "da" else "<h1>Sources</h1>") in page.text
    assert ("Søg i denne kilde" if lang == "da" else "Search in this source") in page.text
    for path, name, _, _, search in rows:
        assert client.get(f"/sources/{path}").status_code == 200
        link = html.unescape(search)
        assert parse_qs(urlsplit(link).query) == {"source": [name]}
        found = client.get("/api/v1/search", params={"source": name, "q": "", "limit": 100})
        assert {h["source"] for h in found.json()["hits"]} == {name}
        assert client.get(link).status_code == 200
    data = client.get("/api/v1/sources", params={"lang": lang}).json()
    assert [(s["source"], str(s["documents"]), str(s["countries"])) for s in data] == SOURCES


@pytest.mark.parametrize(
    ("lang", "label"), [("da", "Søg i dette dokument"), ("en", "Search in this document")]
)
def test_a_document_page_searches_inside_that_document(client, lang, label):
    page = client.get("/documents/AZE-368", params={"lang": lang}).text
    form = page[page.index('<form class="within"') :]
    form = form[: form.index("</form>")]
    assert 'action="/search"' in form and label in form
    assert '<input type="hidden" name="document" value="AZE-368">' in form
    everywhere = client.get("/search", params={"q": "trafficking", "limit": 100}).text
    assert "/documents/AZE-369/" in everywhere  # the other editions have the word too
    inside = client.get(
        "/search", params={"q": "trafficking", "document": "AZE-368", "lang": lang}
    ).text
    anchors = set(re.findall(r'<h3><a href="/documents/([A-Z]+-\d+)/', inside))
    assert anchors == {"AZE-368"}
    assert ("I dokumentet" if lang == "da" else "Inside the document") in inside
    assert 'name="document" value="AZE-368"' in inside  # the next search stays inside
    assert "document: AZE-368 ✕" in inside  # and the filter can be taken off
    missing = client.get("/search", params={"q": "x", "document": "AZE-999", "lang": lang})
    assert missing.status_code == 404 and "AZE-999" in missing.text


@pytest.mark.parametrize(
    ("lang", "label"),
    [("da", "Søg i dokumenterne om Aserbajdsjan"), ("en", "Search in the documents on Azerbaijan")],
)
def test_a_country_page_searches_inside_that_country(client, lang, label):
    page = client.get("/countries/AZE", params={"lang": lang}).text
    form = page[page.index('<form class="within"') :]
    form = form[: form.index("</form>")]
    assert label in form and '<input type="hidden" name="country" value="AZE">' in form
    result = client.get("/search", params={"q": "detention", "country": "AZE", "lang": lang})
    countries = set(re.findall(r'<h3><a href="/documents/([A-Z]+)-\d+/', result.text))
    assert countries == {"AZE"}
    assert "/documents/IRN-" in client.get("/search", params={"q": "detention"}).text


def test_the_api_searches_inside_one_document(client):
    data = client.get("/api/v1/search", params={"q": "trafficking", "document": "AZE-368"})
    hits = data.json()["hits"]
    assert hits and {h["document"] for h in hits} == {"AZE-368"}
    assert data.json()["interpretation"]["filters"] == {"document": "AZE-368"}
    by_id = client.get(
        "/api/v1/search", params={"q": "trafficking", "document": "USDOS-CRHRP-2022-azerbaijan"}
    ).json()
    assert [h["anchor"] for h in by_id["hits"]] == [h["anchor"] for h in hits]
    for document, status in (("AZE-999", 404), ("x" * 201, 422)):
        response = client.get("/api/v1/search", params={"q": "x", "document": document})
        assert response.status_code == status, document
        assert response.json()["error"]
    # an empty parameter is no filter, as for the other filters
    empty = client.get("/api/v1/search", params={"q": "trafficking", "document": ""}).json()
    assert (
        empty["interpretation"]["filters"] == {} and len({h["document"] for h in empty["hits"]}) > 1
    )


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("da", "1 kilde: den organisation", "5 lande."),
        ("en", "1 source: the organisation", "5 countries."),
    ],
)
def test_the_lists_count_in_singular_and_plural(sample_db, lang, one, many):
    client = TestClient(create_app(Settings(sample_db, allowed_hosts=HOST)))
    assert one in client.get("/sources", params={"lang": lang}).text
    assert many in client.get("/countries", params={"lang": lang}).text
