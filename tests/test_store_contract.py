"""One suite for every store: the same library behaviour on SQLite and on PostgreSQL.

The PostgreSQL tests need a server: set BAGGRUND_TEST_POSTGRES to a URL whose user may create
databases (``postgresql://postgres@127.0.0.1:5432/test``); each test store is a fresh database
``baggrund_test_<hex>``, dropped afterwards. Without the variable they are skipped, unless
BAGGRUND_REQUIRE_POSTGRES is set (CI), where a missing or unreachable server fails them."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import re
import secrets
import threading
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from baggrund.document import Record, prepare
from baggrund.errors import BadDocument, BadQuery, NotFound, StoreError
from baggrund.index import IndexFilters
from baggrund.library import Library
from baggrund.query import parse_query
from baggrund.store import SearchRequest, open_store
from baggrund.transfer import copy_library

from .conftest import BOARD_SAMPLE, SAMPLES, Cli

BACKENDS = ["sqlite", "postgres"]
SKIP_POSTGRES = (
    "set BAGGRUND_TEST_POSTGRES=postgresql://user@host:port/db to run the PostgreSQL tests"
)


# -- stores ----------------------------------------------------------------------------------
def _server() -> str:
    """The test server's URL; skips (or, with BAGGRUND_REQUIRE_POSTGRES, fails) without one."""
    url = os.environ.get("BAGGRUND_TEST_POSTGRES")
    required = bool(os.environ.get("BAGGRUND_REQUIRE_POSTGRES"))
    if not url:
        if required:
            pytest.fail("BAGGRUND_REQUIRE_POSTGRES is set but BAGGRUND_TEST_POSTGRES is not")
        pytest.skip(SKIP_POSTGRES)
    try:
        import psycopg

        psycopg.connect(url, autocommit=True, connect_timeout=5).close()
    except ImportError:
        pytest.fail("BAGGRUND_TEST_POSTGRES is set but psycopg is not installed (.[postgres])")
    except psycopg.OperationalError as exc:
        pytest.fail(f"the PostgreSQL server at BAGGRUND_TEST_POSTGRES is unreachable: {exc}")
    return url


def _admin(sql_text: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(_server(), autocommit=True) as conn:
        conn.execute(sql.SQL(sql_text).format(sql.Identifier(name)))


def with_database(url: str, name: str, query: str | None = None) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}", query=query or parts.query))


@contextlib.contextmanager
def fresh_store(kind: str, folder: Path):
    """The location of a new, empty store of ``kind``."""
    if kind == "sqlite":
        yield str(folder / "library.db")
        return
    name = f"baggrund_test_{secrets.token_hex(6)}"
    _admin("CREATE DATABASE {}", name)
    try:
        yield with_database(_server(), name)
    finally:  # the stores are closed by now; FORCE only guards against a test that forgot
        _admin("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    """A fresh, empty store of each kind."""
    with fresh_store(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def library(store_url):
    lib = Library(open_store(store_url))
    yield lib
    lib.close()


class SampleStores:
    """The bundled sample ingested once per kind of store, shared by the read-only tests."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.stack = contextlib.ExitStack()
        self.libraries: dict[str, Library] = {}

    def get(self, kind: str) -> Library:
        if kind not in self.libraries:
            url = self.stack.enter_context(fresh_store(kind, self.folder))
            lib = Library(open_store(url))
            self.stack.callback(lib.close)
            summary = lib.ingest([SAMPLES])
            assert summary.ok and summary.added == 7, summary.rejected
            self.libraries[kind] = lib
        return self.libraries[kind]


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    stores = SampleStores(tmp_path_factory.mktemp("samples"))
    with stores.stack:
        yield stores


@pytest.fixture(params=BACKENDS)
def sample(request, samples) -> Library:
    return samples.get(request.param)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def report(i, country="Eritrea", text=None, **extra) -> dict:
    return {
        "title": f"Report {i}",
        "country": country,
        "source": "Human Rights Watch",
        "text": text or f"## Summary\n\nParagraph one of report {i}.\n\nParagraph two.",
        **extra,
    }


def document(i, text=None, **extra):
    r = report(i, text=text, **extra)
    return prepare(Record(origin="test", **r))


# -- ingest, numbering, identity -------------------------------------------------------------
def test_ingest_the_sample(library):
    summary = library.ingest([SAMPLES])
    assert summary.ok and (summary.added, summary.updated, summary.unchanged) == (7, 0, 0)
    stats = library.stats()
    assert (stats["documents"], stats["countries"]) == (7, 5) and stats["passages"] > 1000
    assert stats["seq"] > 0
    again = library.ingest([SAMPLES])
    assert (again.added, again.unchanged) == (0, 7) and library.stats() == stats


def test_numbers_follow_the_highest_ever_used_and_are_never_reused(tmp_path, library):
    first = write_jsonl(tmp_path / "a.jsonl", [report(1), report(2), report(3, annex=40)])
    assert library.ingest([first]).added == 3
    assert [r["annex"] for r in library.annexes("ERI")] == [1, 2, 40]
    # a rejected document in the middle of a batch takes no number
    clash = dict(report(9, annex=2), title="Something else")
    second = write_jsonl(
        tmp_path / "b.jsonl", [report(4), clash, report(5, country="Syrien"), report(6)]
    )
    summary = library.ingest([second])
    assert (summary.added, len(summary.rejected)) == (3, 1)
    assert [r["annex"] for r in library.annexes("Eritrea")] == [1, 2, 40, 41, 42]
    assert [r["annex"] for r in library.annexes("SYR")] == [1]
    assert library.store.annex_counters() == {"ERI": 42, "SYR": 1}


def test_a_given_number_is_kept_and_the_next_follows_it(tmp_path, library):
    library.ingest([write_jsonl(tmp_path / "a.jsonl", [report(1, annex=7), report(2, annex=3)])])
    library.ingest([write_jsonl(tmp_path / "b.jsonl", [report(3)])])
    assert [(r["annex"], r["title"]) for r in library.annexes("ERI")] == [
        (3, "Report 2"),
        (7, "Report 1"),
        (8, "Report 3"),
    ]


def test_document_without_identity_is_unchanged_when_ingested_again(tmp_path, library):
    path = write_jsonl(tmp_path / "a.jsonl", [report(1)])
    library.ingest([path])
    again = library.ingest([path])
    assert (again.added, again.unchanged) == (0, 1)
    assert len(library.annexes("ERI")) == 1


def test_update_in_place_keeps_number_and_records_history(tmp_path, library):
    path = write_jsonl(tmp_path / "a.jsonl", [report(1, id="HRW-1"), report(2, id="HRW-2")])
    library.ingest([path])
    changed = report(1, id="HRW-1", text="## Summary\n\nA rewritten paragraph about exit visas.")
    summary = library.ingest([write_jsonl(tmp_path / "b.jsonl", [changed])])
    assert (summary.updated, summary.added) == (1, 0)
    doc = library.document("HRW-1")
    assert doc["annex"] == 1 and doc["updated"] == dt.date.today().isoformat()
    assert [h["at"] for h in doc["history"]] == [dt.date.today().isoformat()]
    assert [p["text"] for p in doc["passages"]] == ["A rewritten paragraph about exit visas."]
    assert library.search("exit visas").hits[0].anchor == "ERI-1/summary/1"
    assert not library.search('"Paragraph one of report 1"').hits


def test_conflicting_claim_on_a_number_changes_nothing(tmp_path, library):
    library.ingest([write_jsonl(tmp_path / "a.jsonl", [report(1, annex=7)])])
    before = library.document("ERI-7")
    clash = dict(report(9, annex=7), title="Something else entirely")
    summary = library.ingest([write_jsonl(tmp_path / "b.jsonl", [clash])])
    assert len(summary.rejected) == 1 and "already taken" in summary.rejected[0].message
    after = library.document("ERI-7")
    assert after == before


def test_store_survives_reopening(tmp_path, store_url):
    with Library(open_store(store_url)) as lib:
        lib.ingest([write_jsonl(tmp_path / "a.jsonl", [report(1)])])
    with Library(open_store(store_url)) as lib:
        assert lib.search("Paragraph one").hits[0].anchor == "ERI-1/summary/1"


def test_a_document_the_store_cannot_hold_is_rejected_alone(store_url):
    """NUL characters (here in a title; passage text is cleaned of them): PostgreSQL text
    cannot hold them, SQLite can. Either way the rest of the batch is stored. (Ingest refuses
    a NUL in any field before it reaches a store; this one is put there by hand, to show
    that a store keeps a batch when one document cannot be held.)"""
    bad = dataclasses.replace(document(2), title="Report \x00 2")
    with Library(open_store(store_url)) as lib:
        outcomes = lib.store.save([document(1), bad, document(3)], dt.date(2024, 7, 22))
        statuses = [o.status for o in outcomes]
        if store_url.startswith("postgresql://"):
            assert statuses == ["added", "rejected", "added"]
            assert isinstance(outcomes[1].error, BadDocument)
            assert [r["annex"] for r in lib.annexes("ERI")] == [1, 2]
        else:
            assert statuses == ["added", "added", "added"]


def test_concurrent_writers_get_unique_numbers_without_gaps(store_url):
    """Several processes' worth of writers (a store each) adding to one country at once."""
    with Library(open_store(store_url)):
        pass  # create the schema first

    errors: list[BaseException] = []

    def writer(w: int) -> None:
        try:
            with Library(open_store(store_url)) as lib:
                for b in range(3):
                    docs = [document(100 * w + 10 * b + i) for i in range(4)]
                    outcomes = lib.store.save(docs, dt.date(2024, 7, 22))
                    assert [o.status for o in outcomes] == ["added"] * 4
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with Library(open_store(store_url)) as lib:
        assert [r["annex"] for r in lib.annexes("ERI")] == list(range(1, 49))
        assert lib.store.annex_counters() == {"ERI": 48}


# -- search ----------------------------------------------------------------------------------
def test_psychological_coercion_finds_the_board_passage(sample):
    result = sample.search("psychological coercion", country="Aserbajdsjan")
    top = result.hits[0]
    assert top.anchor.startswith("AZE-367/") and top.country_name == "Azerbaijan"
    assert "psychological coercion" in top.text
    assert "bilag 367" in top.citation_da and "annex 367" in top.citation
    assert "<mark>psychological</mark> <mark>coercion</mark>" in top.snippet_html


def test_phrase_is_stricter_than_words(sample):
    phrase = sample.search('"psychological coercion"', limit=50)
    words = sample.search("coercion psychological", limit=50)
    assert phrase.hits and phrase.total <= words.total
    assert all("psychological coercion" in h.text.lower() for h in phrase.hits)
    gapped = sample.search('"freedom of expression"', limit=50)
    assert gapped.hits
    for h in gapped.hits:  # in the text or in the headings above it
        assert "freedom of expression" in " ".join([h.text, *h.section_path]).lower()


def test_or_exclusion_and_prefix(sample):
    either = sample.search("conscription OR desertion", limit=100)
    assert any("desert" in h.text.lower() for h in either.hits)
    assert any("conscript" in h.text.lower() for h in either.hits)
    excluded = sample.search("trafficking -Azerbaijan", limit=100)
    assert excluded.hits
    assert all("azerbaijan" not in (h.text + h.heading + h.title).lower() for h in excluded.hits)
    prefixed = sample.search("detain*", country="IRN", limit=20)
    assert prefixed.hits
    assert all("detain" in (h.text + h.heading).lower() for h in prefixed.hits)


def test_too_few_passages_with_every_word_relaxes_the_query(sample):
    result = sample.search("psychological coercion", limit=20)
    assert result.relaxed and result.matched_all is not None
    assert result.matched_all < result.total
    strict = [h for h in result.hits if "psychological coercion" in h.text.lower()]
    assert result.hits[: len(strict)] == strict and strict


def test_danish_documents_are_analysed_in_danish(tmp_path, library):
    text = (
        "## Forhold for flygtninge\n\nMyndighederne tilbageholdt flygtningene ved grænsen, og"
        " de blev udsat for tvangsarbejde i flere måneder ifølge organisationen."
    )
    english = report(2, text="## Refugees\n\nThe refugees were detained at the border.")
    library.ingest([write_jsonl(tmp_path / "a.jsonl", [report(1, text=text), english])])
    assert library.document("ERI-1")["language"] == "da"
    for query in ('"tilbageholdt flygtningene"', "flygtn*"):
        assert [h.anchor for h in library.search(query).hits] == [
            "ERI-1/forhold-for-flygtninge/1"
        ], query
    # plain Danish words are asked in English too (the glossary)
    assert [h.anchor for h in library.search("tvangsarbejdet").hits] == [
        "ERI-1/forhold-for-flygtninge/1"
    ]
    assert sorted(h.anchor for h in library.search("flygtningen").hits) == [
        "ERI-1/forhold-for-flygtninge/1",
        "ERI-2/refugees/1",
    ]
    assert [h.anchor for h in library.search("detained refugee").hits] == ["ERI-2/refugees/1"]
    assert not library.search("flygtningene -grænsen").hits


HOSTILE = [
    '"', "foo:", "(torture", "[", "a OR", "-", "**", "NOT AND OR", ":::", '"unterminated', "\\",
    "&|!:*<>()'\\", "a & b", "a | b", "!torture", "torture:*", "torture:A", "'torture'", "''",
    "prison <-> torture", "prison <2> torture", "(a | b) & !c", "x'); DROP TABLE passages; --",
    "\\' OR 1=1 --", "-\"'\"", "*:*", "d'Arc", "100%", "%s %(x)s {0}", "\x00", "\u2028", "ø*",
    "é*", "a" * 3000, "torture " * 200, "-prison -torture", "OR OR OR", "\"a\" OR \"\"",
]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE)
def test_no_input_crashes(sample, query):
    for relaxed in (query, query + " torture prison"):
        result = sample.search(relaxed, facets=True)
        assert result.total >= 0


def test_country_filter_by_any_name(sample):
    for name in ("IRN", "Iran", "iran", "IR"):
        hits = sample.search("prison", country=name).hits
        assert hits and {h.country for h in hits} == {"IRN"}


def test_source_filter_uses_canonical_name(sample):
    hits = sample.search("trafficking", source="U.S. Department of State").hits
    assert hits and {h.source for h in hits} == {"US Department of State"}
    with pytest.raises(BadQuery, match="no source 'Human Rights Watch' in this library"):
        sample.search("trafficking", source="Human Rights Watch")
    assert sample.search("trafficking", source="state department").hits  # part of a spelling


def test_published_and_added_date_filters(sample):
    hits = sample.search("trafficking", since="2024-06-01", limit=50).hits
    assert hits and {h.document for h in hits} == {"AZE-367"}
    assert sample.search("trafficking", until="2024-06-23", country="AZE", limit=50).hits
    until = sample.search("trafficking", until="2024-06-23", limit=100).hits
    assert until and "AZE-367" not in {h.document for h in until}
    on_the_day = sample.search("trafficking", since="2024-06-24", until="2024-06-24")
    assert {h.document for h in on_the_day.hits} == {"AZE-367"}
    added = sample.search("trafficking", added_since="2024-07-22", added_until="2024-07-22")
    assert {h.document for h in added.hits} == {"AZE-367"}


def test_latest_keeps_only_the_newest_edition(sample):
    every = {h.edition_year for h in sample.search("Azerbaijan", country="AZE", limit=1000).hits}
    latest = sample.search("Azerbaijan", country="AZE", latest=True, limit=200).hits
    assert {2022, 2023} <= every
    hrr = {
        h.edition_year for h in latest if h.series == "Country Reports on Human Rights Practices"
    }
    assert hrr == {2023}
    assert sample.search("prison", latest=True, limit=5).hits


def test_search_inside_one_document(sample):
    """``document=``: only that document's passages, by its annex key or its external id,
    with the other filters, paging and "latest" applied as usual; a missing one is NotFound."""
    everywhere = sample.search("trafficking", limit=100)
    assert len({h.document for h in everywhere.hits}) > 1
    inside = sample.search("trafficking", document="AZE-368", limit=100)
    assert inside.hits and {h.document for h in inside.hits} == {"AZE-368"}
    texts = [p["text"].lower() for p in sample.document("AZE-368")["passages"]]
    assert inside.total == sum("traffick" in t for t in texts)
    assert inside.interpretation.filters == {"document": "AZE-368"}
    by_id = sample.search("trafficking", document="USDOS-CRHRP-2022-azerbaijan", limit=100)
    assert [h.anchor for h in by_id.hits] == [h.anchor for h in inside.hits]
    assert [h.anchor for h in sample.search("trafficking", document=" aze-368 ").hits] == [
        h.anchor for h in inside.hits[:10]
    ]
    # every passage of the document, with no words; the words as typed (no country recognised)
    whole = sample.search("", document="AZE-367", limit=1000)
    passages = [p["anchor"] for p in sample.document("AZE-367")["passages"]]
    assert whole.hits and {h.anchor for h in whole.hits} <= set(passages)
    named = sample.search("Iran", document="AZE-369", limit=100)
    assert named.interpretation.country is None
    assert named.hits and all("Iran" in h.text for h in named.hits)
    # with other filters: all of them apply
    assert sample.search("trafficking", document="AZE-368", country="IRN").hits == []
    assert sample.search("trafficking", document="AZE-368", latest=True).hits == []
    assert sample.search("trafficking", document="AZE-369", latest=True).hits
    first = sample.search("trafficking", document="AZE-369", limit=2)
    second = sample.search("trafficking", document="AZE-369", limit=2, offset=2)
    both = sample.search("trafficking", document="AZE-369", limit=4)
    assert [h.anchor for h in both.hits] == [h.anchor for h in first.hits + second.hits]
    facets = sample.search("trafficking", document="AZE-369", facets=True).facets
    assert facets["country"] == {"AZE": first.total}
    for missing in ("AZE-999", "nonsense", "AZE-99999999999", "AZE-367/protection/4"):
        with pytest.raises(NotFound, match="no document"):
            sample.search("trafficking", document=missing)
    for bad in ("", "   ", 367):
        with pytest.raises(BadQuery, match="document"):
            sample.search("trafficking", document=bad)


def test_search_inside_a_document_through_the_cli_and_the_api(store_url):
    from fastapi.testclient import TestClient

    from baggrund.web import Settings, create_app

    cli = Cli(store_url)
    cli("ingest", str(SAMPLES))
    hits = cli.json_lines("search", "trafficking", "--document", "AZE-368", "--json")
    assert hits and {h["document"] for h in hits} == {"AZE-368"}
    assert cli("search", "x", "--document", "AZE-999", expect=1).stderr.strip() == (
        "Error: no document 'AZE-999'"
    )
    client = TestClient(create_app(Settings(store_url, allowed_hosts=["testserver"])))
    api = client.get("/api/v1/search", params={"q": "trafficking", "document": "AZE-368"}).json()
    assert [h["anchor"] for h in api["hits"]] == [h["anchor"] for h in hits]
    page = client.get("/search", params={"q": "trafficking", "document": "AZE-368"}).text
    assert re.findall(r'<h3><a href="/documents/([A-Z]+-\d+)/', page) == ["AZE-368"] * len(hits)
    assert client.get("/api/v1/search", params={"q": "x", "document": "AZE-999"}).status_code == 404


def test_both_stores_search_inside_a_document_alike(samples):
    sqlite, postgres = samples.get("sqlite"), samples.get("postgres")
    for query, key in [("trafficking", "AZE-368"), ("prison", "IRN-1"), ("", "AZE-367"),
                       ("conscription OR desertion", "ERI-1"), ("torture -police", "SYR-1")]:  # fmt: skip
        a = sqlite.search(query, document=key, limit=1000)
        b = postgres.search(query, document=key, limit=1000)
        assert a.total == b.total and a.total > 0, (query, key)
        assert sorted(h.anchor for h in a.hits) == sorted(h.anchor for h in b.hits), query


def test_facets_sum_to_the_total(sample):
    for query in ("prison", "psychological coercion", "conscription OR desertion"):
        result = sample.search(query, facets=True)
        for name in ("country", "source", "year"):
            assert sum(result.facets[name].values()) == result.total, (query, name)
    result = sample.search("prison", facets=True)
    assert "IRN" in result.facets["country"] and "2023" in result.facets["year"]


def test_paging(sample):
    first = sample.search("government", limit=5)
    second = sample.search("government", limit=5, offset=5)
    assert len(first.hits) == 5 and len(second.hits) == 5
    assert not {h.anchor for h in first.hits} & {h.anchor for h in second.hits}
    both = sample.search("government", limit=10)
    assert [h.anchor for h in both.hits] == [h.anchor for h in first.hits + second.hits]


def test_hits_carry_the_same_fields(sample):
    hit = sample.search("psychological coercion", country="AZE").hits[0]
    d = hit.to_dict()
    assert d["published"] == "2024-06-24" and d["added"] == "2024-07-22"
    assert isinstance(d["section_path"], list) and d["paragraph"] >= 1
    request = SearchRequest(parse_query("coercion"), IndexFilters(), limit=3)
    keys = {
        "pid", "anchor", "number", "text", "page", "heading", "path", "doc_id", "key",
        "external_id",
        "country", "annex", "collection", "source", "series", "edition_year", "title", "url",
        "published", "date_kind", "added", "updated", "language", "series_newest",
    }  # fmt: skip
    for raw in sample.store.search(request).hits:  # raw rows: the keys of the SQLite store
        assert set(raw.row) == keys and isinstance(raw.row["path"], list)
        assert raw.row["added"] is None or isinstance(raw.row["added"], str)


# -- reading ---------------------------------------------------------------------------------
def test_annex_list_as_of_a_date(library):
    library.ingest([BOARD_SAMPLE])
    assert library.annexes("AZE", as_of="2024-07-01") == []
    (row,) = library.annexes("Aserbajdsjan", as_of="2024-07-22")
    assert row["annex"] == 367 and row["key"] == "AZE-367"
    assert (row["added"], row["published"], row["updated"]) == ("2024-07-22", "2024-06-24", None)


def test_document_passage_and_show_by_anchor(sample):
    doc = sample.document("AZE-367")
    assert doc["annex"] == 367 and doc["published"] == "2024-06-24" and doc["history"] == []
    assert "AZE-367/protection/4" in [p["anchor"] for p in doc["passages"]]
    assert all(isinstance(s["path"], list) for s in doc["sections"])
    section = sample.document("AZE-367", section="protection")
    assert {p["anchor"].rsplit("/", 1)[0] for p in section["passages"]} == {"AZE-367/protection"}
    view = sample.passage("AZE-367/protection/4")
    assert view.text.startswith("Authorities may have penalized sex trafficking victims")
    assert "annex 367" in view.citation and view.document["published"] == "2024-06-24"
    for missing in ("AZE-999", "nonsense", "AZE-99999999999"):
        with pytest.raises(NotFound):
            sample.document(missing)
    for missing in ("AZE-367/protection/99", "AZE-99999999999/x/1"):
        with pytest.raises(NotFound):
            sample.passage(missing)


def test_show_through_the_command_line(store_url):
    cli = Cli(store_url)
    assert "added: 1" in cli("ingest", str(BOARD_SAMPLE)).stdout
    shown = cli("show", "AZE-367/protection/4").stdout
    assert shown.startswith("Authorities may have penalized sex trafficking victims")
    hits = cli.json_lines("search", "psychological coercion", "--json")
    assert hits[0]["anchor"].startswith("AZE-367/")


def test_countries_sources_and_documents(sample):
    countries = {r["country"]: r for r in sample.countries()}
    assert set(countries) == {"AFG", "AZE", "ERI", "IRN", "SYR"}
    assert countries["AZE"]["documents"] == 3 and countries["AZE"]["name_da"] == "Aserbajdsjan"
    assert dt.date.fromisoformat(countries["AZE"]["last_added"]) >= dt.date(2024, 7, 22)
    assert sample.sources() == [
        {"source": "US Department of State", "documents": 7, "countries": 5}
    ]
    docs = sample.documents(country="AZE")
    assert [d["anchor"] for d in docs] == ["AZE-369", "AZE-368", "AZE-367"]
    assert sample.documents(limit=2, offset=6)[0]["anchor"]


# -- both stores alike ------------------------------------------------------------------------
# Not "psychological coercion": tantivy's Snowball English stems "psychologist" to
# "psycholog", PostgreSQL's older Snowball keeps "psychologist", so SQLite finds one passage more.
SAME_QUERIES = [
    ("coercion", {"country": "Aserbajdsjan"}),
    ("psychological coercion", {"country": "SYR"}),
    ('"forced labor"', {}),
    ("conscription OR desertion", {}),
    ("trafficking -Azerbaijan", {}),
    ("exit visa", {}),
    ("detain*", {"country": "IRN"}),
    ("torture", {"country": "IRN"}),
    ("Syria prison conditions", {}),
]


def test_both_stores_find_the_same_passages(samples):
    """The same passages match on both stores (same totals, same top ten as a set when a query
    matches at most ten). The order within the top ten may differ: SQLite ranks by tantivy's
    BM25, PostgreSQL by ts_rank_cd (cover density), see the store's documentation."""
    sqlite, postgres = samples.get("sqlite"), samples.get("postgres")
    for query, filters in SAME_QUERIES:
        a = sqlite.search(query, limit=10, facets=True, **filters)
        b = postgres.search(query, limit=10, facets=True, **filters)
        assert (a.total, a.relaxed, a.facets) == (b.total, b.relaxed, b.facets), query
        top_a, top_b = [h.anchor for h in a.hits], [h.anchor for h in b.hits]
        if a.total <= 10:
            assert sorted(top_a) == sorted(top_b), query
        else:
            assert len(set(top_a) & set(top_b)) >= 6, (query, top_a, top_b)
    board = "psychological coercion"
    assert sqlite.search(board, country="AZE").hits[0].anchor == (
        postgres.search(board, country="AZE").hits[0].anchor
    )


def test_a_library_copies_between_stores(samples, tmp_path):
    source = samples.get("sqlite").store
    for kind in BACKENDS:
        (tmp_path / kind).mkdir()
        with fresh_store(kind, tmp_path / kind) as url:
            target = open_store(url)
            try:
                report = copy_library(source, target)
                assert report.ok and report.documents == 7, report.differences
                copied = Library(target).search("psychological coercion", country="AZE")
                assert copied.hits[0].anchor.startswith("AZE-367/")
            finally:
                target.close()


# -- PostgreSQL only --------------------------------------------------------------------------
def _postgres_only(store_url: str) -> None:
    if not store_url.startswith("postgresql://"):
        pytest.skip("PostgreSQL only")


def test_an_older_schema_asks_for_an_upgrade(store_url, monkeypatch, tmp_path):
    _postgres_only(store_url)
    from baggrund.store import postgres

    with Library(open_store(store_url)) as lib:
        lib.ingest([write_jsonl(tmp_path / "a.jsonl", [report(1)])])
    now = postgres.schema_version()
    step = (now + 1, ["CREATE INDEX IF NOT EXISTS documents_added ON documents (added)"])
    monkeypatch.setattr(postgres, "MIGRATIONS", [*postgres.MIGRATIONS, step])
    store = open_store(store_url)
    try:
        with pytest.raises(StoreError, match="run `baggrund db upgrade`"):
            Library(store).search("Paragraph")
        assert store.upgrade() == (now, now + 1)
        assert store.upgrade() == (now + 1, now + 1)
        assert Library(store).search("Paragraph").hits
    finally:
        store.close()
    monkeypatch.undo()
    with pytest.raises(StoreError, match="newer baggrund"):
        open_store(store_url)


def test_the_url_selects_the_schema(store_url, tmp_path):
    _postgres_only(store_url)
    a = with_database(store_url, urlsplit(store_url).path[1:], "options=-csearch_path%3Dlib_a")
    b = with_database(store_url, urlsplit(store_url).path[1:], "options=-csearch_path%3Dlib_b")
    with Library(open_store(a)) as lib:
        lib.ingest([write_jsonl(tmp_path / "a.jsonl", [report(1)])])
    with Library(open_store(b)) as lib:
        assert lib.stats()["documents"] == 0
    with Library(open_store(store_url)) as lib:  # public
        assert lib.stats()["documents"] == 0
    with Library(open_store(a.replace("postgresql://", "postgres://"))) as lib:
        assert lib.stats()["documents"] == 1


def test_without_the_driver_a_postgres_url_is_a_clear_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(StoreError, match=r"baggrund\[postgres\]"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_an_unreachable_server_is_a_clear_error():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot open"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_collection_setting_and_modified_date_in_every_store(library):
    """The library's collection name is a setting of the store; a modification date is
    stored with its kind and cited as one (the fixture: real reports, cut small)."""
    fixture = Path(__file__).parent / "fixtures" / "hrr-headings.jsonl"
    assert library.ingest([fixture]).ok
    assert library.collection.da == "Baggrundsmateriale"
    library.set_collection("Nævnets materiale", "The board's material")
    rows = {r["title"]: r for r in library.annexes("AZE")}
    row = rows["Azerbaijan 2024 Human Rights Report"]
    assert row["date_kind"] == "modified" and str(row["published"]) == "2025-08-12"
    view = library.passage(f"AZE-{row['annex']}/executive-summary/1")
    assert view.citation_da.startswith("Nævnets materiale, Aserbajdsjan, bilag")
    assert "ændret 12. august 2025" in view.citation_da
    assert rows["Azerbaijan 2016 Human Rights Report"]["date_kind"] is None
