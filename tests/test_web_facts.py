"""The facts page and its JSON API, through an in-process client."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from baggrund.library import Library
from baggrund.web import Settings, create_app

from .conftest import SAMPLES

TIERS = "countryname,iso,year,ccode,tier\nAzerbaijan,AZE,2012,373,3\nAzerbaijan,AZE,2013,373,2\n"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("webfacts")
    path = str(folder / "web.db")
    (folder / "tiers.csv").write_text(TIERS, encoding="utf-8")
    with Library.open(path) as lib:
        assert lib.ingest([SAMPLES]).ok
        lib.import_tiers(folder / "tiers.csv")
    return TestClient(
        create_app(Settings(path, allowed_hosts=["testserver"])), raise_server_exceptions=False
    )


def test_facts_page_has_tables_charts_and_links_to_passages(client):
    page = client.get("/countries/AZE/facts")
    assert page.status_code == 200
    html = page.text
    assert "<svg" in html and "<polyline" in html  # a chart, drawn on the server
    assert 'href="/documents/AZE-367/protection/1"' in html  # a point's passage
    assert "210\u202f161" in html and "AZN" in html  # the funding figure
    assert "Tier placement history" in html and "Tier 2 Watch List" in html
    assert "Kelley and Andrew Heiss" in html  # the tier dataset's attribution
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert " style=" not in html and "cdn" not in html.lower()


def test_facts_page_topic_language_and_redirect(client):
    html = client.get("/countries/AZE/facts", params={"topic": "convicted", "lang": "da"}).text
    assert "Tal over årene" in html and "domfældelser" in html and "finansiering" not in html
    response = client.get("/countries/Aserbajdsjan/facts?topic=victims", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == "/countries/AZE/facts?topic=victims"
    assert client.get("/countries/Nowhere/facts").status_code in (400, 404)
    assert 'href="/countries/AZE/facts"' in client.get("/countries/AZE").text


def test_facts_api(client):
    data = client.get("/api/v1/countries/AZE/facts", params={"topic": "victims identified"}).json()
    assert data["country"] == "AZE"
    series = {(s["subject"], s["unit"]): s for s in data["series"]}
    points = series[("victims identified", "victims")]["points"]
    assert {(p["year"], p["value"], p["compared"], p["anchor"]) for p in points} >= {
        (2023, 91, False, "AZE-367/protection/1"),
        (2022, 94, True, "AZE-367/protection/1"),
    }
    assert [t["year"] for t in data["tiers"]][:2] == [2012, 2013]
    assert data["datasets"][0]["name"] == "tip-tiers-2001-2015"
    assert "/api/v1/countries/{country}/facts" in client.get("/api/v1/openapi.json").json()["paths"]


def test_penalties_are_listed_apart_and_never_charted(client):
    """The sample's reports give maximum penalties ("punishable by up to three years'
    imprisonment"): on the facts page they are a table under their own explanation, with no
    chart, and their qualifier stands before the figure, in Danish too."""
    html = client.get("/countries/AZE/facts?topic=punishable&lang=en").text
    assert "Penalties set by law: not events" in html
    section = html[html.index("Penalties set by law") :]
    section = section[: section.find("</section>")]
    assert "<svg" not in section and "up to 3" in section
    danish = client.get("/countries/AZE/facts?topic=punishable&lang=da").text
    assert "Straffe fastsat ved lov" in danish and "op til 3" in danish


# -- editors' review of facts ------------------------------------------------------------------
@pytest.fixture
def review_clients(tmp_path):
    """An editor's client (``serve --bundles``) and a reader's, on a fresh copy of the sample."""
    path = str(tmp_path / "review.db")
    with Library.open(path) as lib:
        assert lib.ingest([SAMPLES]).ok
    editor = TestClient(create_app(Settings(path, bundles=True, allowed_hosts=["testserver"])),
                        raise_server_exceptions=False)  # fmt: skip
    reader = TestClient(create_app(Settings(path, allowed_hosts=["testserver"])),
                        raise_server_exceptions=False)  # fmt: skip
    return path, editor, reader


def _funding_id(path: str) -> int:
    with Library.open(path) as lib:
        (row,) = [r for r in lib.store.facts("AZE") if r["value"] == 210161]
        return row["id"]


def _review(client, data, origin="http://testserver"):
    return client.post("/facts/review", data=data, headers={"origin": origin},
                       follow_redirects=False)  # fmt: skip


def test_an_editor_rejects_a_figure_and_it_leaves_the_chart(review_clients):
    path, editor, reader = review_clients
    fact = _funding_id(path)
    page = editor.get("/countries/AZE/facts").text
    assert f'id="fact-{fact}"' in page and 'action="/facts/review"' in page
    assert 'action="/facts/review"' not in reader.get("/countries/AZE/facts").text
    back = "/countries/AZE/facts"
    response = _review(editor, {"fact": fact, "decision": "rejected", "note": "a grant, not a budget",
                                "back": back})  # fmt: skip
    assert response.status_code == 303
    assert response.headers["location"] == f"{back}?reviewed={fact}%3Arejected#fact-{fact}"
    page = editor.get(response.headers["location"]).text
    assert "Saved: the figure is rejected" in page and 'role="status"' in page
    rejected = page.split('id="rejected"')[1]
    assert "210\u202f161" in rejected and "a grant, not a budget" in rejected
    # the reader sees it as rejected, and no chart point links to it any more
    page = reader.get("/countries/AZE/facts").text
    figures = page.split('id="figures"')[1].split('id="rejected"')[0]
    assert "210\u202f161" not in figures
    data = reader.get("/api/v1/countries/AZE/facts").json()
    assert [p["value"] for p in data["rejected"]] == [210161]
    assert data["rejected"][0]["review"]["note"] == "a grant, not a budget"
    # undo brings it back
    _review(editor, {"fact": fact, "decision": "undo", "back": back})
    assert reader.get("/api/v1/countries/AZE/facts").json()["rejected"] == []


def test_an_editor_corrects_a_figure_in_danish_notation(review_clients):
    path, editor, _ = review_clients
    fact = _funding_id(path)
    response = _review(editor, {"fact": fact, "decision": "corrected", "value": "210.000",
                                "year": "2022", "lang": "da", "back": "/countries/AZE/facts?lang=da"})  # fmt: skip
    assert response.status_code == 303
    page = editor.get(response.headers["location"]).text
    assert "Rettet af en redaktør" in page and "udtrukket: 210\u202f161, 2023" in page
    data = editor.get("/api/v1/countries/AZE/facts").json()
    (point,) = [p for s in data["series"] for p in s["points"]
                if p.get("id") == fact and not p["compared"]]  # fmt: skip
    assert (point["value"], point["year"]) == (210000, 2022)
    assert point["review"]["correction"] == {"value": 210000, "year": 2022}


@pytest.mark.parametrize(
    "data, status, message",
    [
        ({"fact": "x", "decision": "rejected"}, 400, "fact: missing or not a fact number"),
        ({"fact": "99999", "decision": "rejected"}, 404, "no fact 99999"),
        ({"decision": "corrected", "value": "lots"}, 400, "value: &#39;lots&#39; is not a number"),
        ({"decision": "corrected", "year": "20x4"}, 400, "year: &#39;20x4&#39; is not a year"),
        ({"decision": "corrected"}, 400, "a correction needs a value"),
        ({"decision": "approved"}, 400, "decision: &#39;approved&#39; is not one of"),
    ],
)
def test_a_review_form_that_cannot_be_kept_says_why(review_clients, data, status, message):
    path, editor, _ = review_clients
    data = {"fact": _funding_id(path), **data}
    response = _review(editor, data)
    assert response.status_code == status and message in response.text
    with Library.open(path) as lib:
        assert lib.store.fact_reviews() == []


def test_only_an_editor_from_this_site_may_review(review_clients):
    path, editor, reader = review_clients
    data = {"fact": _funding_id(path), "decision": "rejected"}
    assert _review(reader, data).status_code == 403
    assert _review(editor, data, origin="http://evil.example").status_code == 403
    with Library.open(path) as lib:
        assert lib.store.fact_reviews() == []
