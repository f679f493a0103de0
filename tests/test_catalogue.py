"""Filters people can use: a source or series by a part of its name or another spelling, a
miss that lists what the library has, "did you mean" for a misspelled country, and a territory
reported on under another country said so and searched there."""

from __future__ import annotations

import json

import pytest

from baggrund.errors import BadQuery, UnknownCountry
from baggrund.library import Library

RECORDS = [
    {"id": "isr", "country": "Israel", "source": "U.S. Department of State",
     "series": "Country Reports on Human Rights Practices",
     "title": "Israel, West Bank and Gaza 2023 Human Rights Report",
     "text": "## West Bank\n\nSettler violence against Palestinians in the West Bank rose."},
    {"id": "eri", "country": "Eritrea", "source": "Amnesty International",
     "series": "Annual Report", "title": "Eritrea 2023",
     "text": "## Prisons\n\nSettler-free prisons were overcrowded; violence was common."},
]  # fmt: skip


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    folder = tmp_path_factory.mktemp("catalogue")
    path = folder / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    library = Library.open(str(folder / "c.db"))
    assert library.ingest([path]).ok
    yield library
    library.close()


def test_source_and_series_by_part_of_a_name(lib):
    hits = lib.search("violence", source="state department", series="human rights").hits
    assert [h.document for h in hits] == ["ISR-1"]
    assert [h.document for h in lib.search("violence", source="amnesty").hits] == ["ERI-1"]


def test_a_miss_lists_what_the_library_has(lib):
    with pytest.raises(BadQuery, match=r"no source 'UK Home Office' in this library; it has"):
        lib.search("violence", source="Home Office")
    with pytest.raises(BadQuery, match=r"Annual Report \(1\), Country Reports"):
        lib.search("violence", series="monthly")
    with pytest.raises(BadQuery, match="could be"):
        lib.search("violence", series="report")


def test_did_you_mean_for_a_misspelled_country(lib):
    with pytest.raises(UnknownCountry, match=r"unknown country 'Eritria'; did you mean Eritrea\?"):
        lib.search("violence", country="Eritria")


@pytest.mark.parametrize("country", ["Vestbredden", "Palestine", "PSE", "Gaza"])
def test_a_territory_filed_under_another_country_says_so(lib, country):
    result = lib.search("violence", country=country)
    assert [h.document for h in result.hits] == ["ISR-1"]
    moved = result.interpretation.filed_under
    assert (moved.territory, moved.country) == ("PSE", "ISR") and "West Bank" in moved.title


def test_a_territory_named_in_the_query_prefers_its_host(lib):
    result = lib.search("Vestbredden violence")
    assert result.hits[0].document == "ISR-1"
    assert result.interpretation.filed_under.country == "ISR"


def test_the_search_page_suggests_the_library_values(tmp_path):
    from fastapi.testclient import TestClient

    from baggrund.web import Settings, create_app

    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    with Library.open(str(tmp_path / "w.db")) as library:
        assert library.ingest([path]).ok
    app = create_app(Settings(str(tmp_path / "w.db"), allowed_hosts=("testserver",)))
    with TestClient(app) as client:
        page = client.get("/search", params={"q": "violence"}).text
        assert 'list="source-choices"' in page and 'value="Amnesty International"' in page
        assert 'value="Annual Report"' in page and 'value="ERI"' in page
        error = client.get("/search", params={"q": "violence", "country": "Eritria"})
        assert error.status_code == 400 and "did you mean Eritrea?" in error.text
