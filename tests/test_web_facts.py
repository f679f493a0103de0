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
