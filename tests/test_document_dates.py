"""The best date a source gives: the 2024 human rights reports have no publication date, only
a modification date, which is used and labelled as such, never as a publication date and
never as "unknown". The fixture holds real reports of the corpus, cut small."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baggrund.citation import document_date
from baggrund.document import prepare
from baggrund.errors import BadDate
from baggrund.reader import record_from_json

FIXTURE = Path(__file__).parent / "fixtures" / "hrr-headings.jsonl"


def _obj(ident: str) -> dict:
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if json.loads(line)["id"] == ident:
            return json.loads(line)
    raise KeyError(ident)


def test_a_modification_date_is_used_and_labelled():
    doc = prepare(record_from_json(_obj("USDOS-CRHRP-2024-azerbaijan"), "f", 1))
    assert doc.published.isoformat() == "2025-08-12" and doc.date_kind == "modified"


def test_a_publication_date_wins_over_the_modification_date():
    doc = prepare(record_from_json(_obj("USDOS-CRHRP-2016-azerbaijan"), "f", 1))
    assert doc.published.isoformat() == "2017-03-03" and doc.date_kind is None


def test_a_broken_modification_date_is_rejected_naming_its_field():
    obj = {**_obj("USDOS-CRHRP-2024-azerbaijan"), "date_modified": "yesterday"}
    with pytest.raises(BadDate, match="date_modified"):
        prepare(record_from_json(obj, "f", 1))


def test_no_date_at_all_is_still_unknown(library):
    obj = {**_obj("USDOS-CRHRP-2024-azerbaijan"), "date_modified": None}
    path = Path(library.store.path).parent / "nodate.jsonl"
    path.write_text(json.dumps(obj) + "\n", encoding="utf-8")
    assert library.ingest([path]).ok
    view = library.passage("AZE-1/executive-summary/1")
    assert "date of publication unknown" in view.citation
    assert "udgivelsesdato ukendt" in view.citation_da


def test_citations_and_pages_say_modified(library):
    assert library.ingest([FIXTURE]).ok
    rows = {r["title"]: r for r in library.annexes("AZE")}
    key = f"AZE-{rows['Azerbaijan 2024 Human Rights Report']['annex']}"
    view = library.passage(f"{key}/executive-summary/1")
    assert "modified 12 August 2025" in view.citation
    assert "ændret 12. august 2025" in view.citation_da
    assert "unknown" not in view.citation and "ukendt" not in view.citation_da
    assert "published" not in view.citation and "udgivet" not in view.citation_da
    row = rows["Azerbaijan 2024 Human Rights Report"]
    assert document_date(row, "da") == "ændret 12. august 2025"
    assert document_date(rows["Azerbaijan 2016 Human Rights Report"], "en") == "3 March 2017"


@pytest.fixture
def dated_client(tmp_path):
    from fastapi.testclient import TestClient

    from baggrund.library import Library
    from baggrund.web import Settings, create_app

    path = str(tmp_path / "web.db")
    with Library.open(path) as lib:
        assert lib.ingest([FIXTURE]).ok
        annex = {r["title"]: r["annex"] for r in lib.annexes("AZE")}
    app = create_app(Settings(path, allowed_hosts=["testserver"]))
    return TestClient(app), annex["Azerbaijan 2024 Human Rights Report"]


def test_the_web_labels_a_modification_date(dated_client):
    client, annex = dated_client
    page = client.get(f"/documents/AZE-{annex}?lang=da").text
    assert "ændret 12. august 2025" in page and "ukendt" not in page
    hits = client.get("/search?q=Azerbaijan+human+rights+situation&lang=en").text
    assert "modified 12 August 2025" in hits
    assert "published 2024" not in hits
    country = client.get("/countries/AZE?lang=en").text
    assert "modified 12 August 2025" in country and "3 March 2017" in country
    csv = client.get("/countries/AZE/annexes.csv").text
    assert "ændret 2025-08-12" in csv


def test_the_cli_labels_a_modification_date(tmp_path):
    from .conftest import Cli

    cli = Cli(str(tmp_path / "cli.db"))
    cli("ingest", str(FIXTURE))
    out = cli("--lang", "da", "annexes", "AZE", "--csv").output
    assert "ændret 2025-08-12" in out and "2017-03-03" in out
    assert '"date_kind": "modified"' in cli("annexes", "AZE", "--json").output
