"""Ranking: a heading written as a paragraph or boilerplate is never a hit; when the best
result's series has newer editions that do not mention the words, the search says so."""

from __future__ import annotations

import json

import pytest

from baggrund.library import Library

EDITIONS = {
    2021: "## Religion\n\nConverts from Islam faced arrest and long prison terms.",
    2022: "## Religion\n\nConverts from Islam faced arrest, according to rights groups.",
    2023: "## Religion\n\nThe government restricted worship by religious minorities.",
    2024: "## Religion\n\nReligious minorities reported harassment by officials.",
}


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notes")
    path = folder / "hrr.jsonl"
    records = [
        {"id": f"irn-{year}", "country": "Iran", "source": "US Department of State",
         "series": "Country Reports on Human Rights Practices", "edition_year": year,
         "title": f"Iran {year} Human Rights Report", "text": text}
        for year, text in EDITIONS.items()
    ]  # fmt: skip
    records.append(
        {"id": "boiler", "country": "Iran", "source": "Other", "title": "Boilerplate",
         "text": "## Prisons\n\nSection 2.\n\nNot applicable.\n\nPRISON CONDITIONS\n\n"
                 "Prison conditions were harsh and life threatening in Evin prison."}
    )  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    library = Library.open(str(folder / "n.db"))
    assert library.ingest([path]).ok
    yield library
    library.close()


def test_boilerplate_and_headings_as_paragraphs_are_no_hits(lib):
    assert not lib.search("section").hits
    assert not lib.search("applicable").hits
    texts = [h.text for h in lib.search("prison conditions", limit=50).hits]
    assert texts[0] == "Prison conditions were harsh and life threatening in Evin prison."
    assert not {"Section 2.", "Not applicable.", "PRISON CONDITIONS"} & set(texts)


def test_the_search_says_when_the_newest_editions_do_not_match(lib):
    result = lib.search("converts")
    assert result.hits and result.hits[0].edition_year == 2022
    currency = result.interpretation.currency
    assert (currency.matched, currency.newest) == (2022, 2024)
    assert currency.series == "Country Reports on Human Rights Practices"
    assert lib.search("religious minorities").interpretation.currency is None  # 2024 has it
    restricted = lib.search("restricted worship").interpretation  # 2023 only
    assert (restricted.currency.matched, restricted.currency.newest) == (2023, 2024)
    labels = {"searched": "S", "country": "C", "filters": "F", "currency": "{later} editions",
              "currency_one": "the {later} edition does not mention it"}  # fmt: skip
    assert "the 2024 edition does not mention it" in restricted.lines(labels)


def test_cli_and_web_say_it_too(lib, tmp_path):
    from click.testing import CliRunner

    from baggrund.cli import main

    path = str(lib.store.path)
    out = CliRunner().invoke(main, ["search", "converts", "--explain", "--db", path]).output
    said = "the newest match is from 2022; the 2023-2024 editions do not mention it"
    assert said in " ".join(out.split())  # the terminal wraps lines
    from fastapi.testclient import TestClient

    from baggrund.web import Settings, create_app

    with TestClient(create_app(Settings(path, allowed_hosts=("testserver",)))) as client:
        page = client.get("/search", params={"q": "converts", "lang": "da"}).text
        assert "det nyeste fund er fra 2022" in page
