"""PostgreSQL search: GIN by default, the opt-in RUM index (`db upgrade --rum`) where the
server has the extension, the same answers from both; and the web application sharing one
PostgreSQL store.

Needs BAGGRUND_TEST_POSTGRES (see tests/test_store_contract.py). The RUM tests also need the
server's ``rum`` extension (Debian: postgresql-15-rum; ``.ci/run`` installs it): without it they
skip, unless BAGGRUND_REQUIRE_POSTGRES is set, where they fail."""

from __future__ import annotations

import os
import threading

import pytest

from baggrund.library import Library
from baggrund.store import open_store

from .conftest import BOARD_SAMPLE, SAMPLES
from .test_store_contract import SAME_QUERIES, _server, fresh_store


def _rum_available() -> None:
    import psycopg

    with psycopg.connect(_server(), autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if found.fetchone() is None:
            message = "the PostgreSQL server has no rum extension (Debian: postgresql-15-rum)"
            if os.environ.get("BAGGRUND_REQUIRE_POSTGRES"):
                pytest.fail(message)
            pytest.skip(message)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """The bundled sample in two fresh databases: one with the RUM index, one on GIN."""
    _server()
    _rum_available()
    folder = tmp_path_factory.mktemp("pg")
    with fresh_store("postgres", folder) as rum_url, fresh_store("postgres", folder) as gin_url:
        rum_store = open_store(rum_url)
        rum_store.upgrade(rum=True)
        libs = {"rum": Library(rum_store), "gin": Library(open_store(gin_url))}
        try:
            for lib in libs.values():
                assert lib.ingest([SAMPLES]).added == 7
            yield libs, gin_url
        finally:
            for lib in libs.values():
                lib.close()


def test_rum_where_the_server_has_it_gin_where_not(stores):
    libs, _ = stores
    assert libs["rum"].store.ranking == "rum"
    assert libs["gin"].store.ranking == "gin"


def test_rum_and_gin_give_the_same_answers(stores):
    """Same totals, facets, relaxing and pages: RUM only chooses the candidates that are
    ranked as GIN ranks them all."""
    libs, _ = stores
    queries = [*SAME_QUERIES, ("government", {}), ("prison", {"latest": True}),
               ("Eritrea military service", {}), ("detained -Iran", {"since": "2023-01-01"}),
               ("women", {"country": "AFG", "latest": True})]  # fmt: skip
    for query, filters in queries:
        a = libs["rum"].search(query, limit=10, facets=True, **filters)
        b = libs["gin"].search(query, limit=10, facets=True, **filters)
        assert (a.total, a.relaxed, a.facets, a.matched_all) == (
            b.total, b.relaxed, b.facets, b.matched_all
        ), query  # fmt: skip
        assert [h.anchor for h in a.hits] == [h.anchor for h in b.hits], query


def test_pages_of_a_common_word_follow_each_other(stores):
    libs, _ = stores
    lib = libs["rum"]
    whole = [h.anchor for h in lib.search("government", limit=30).hits]
    pages = [
        h.anchor for o in (0, 10, 20) for h in lib.search("government", limit=10, offset=o).hits
    ]
    assert len(whole) == 30 and pages == whole


def test_rum_is_opt_in_and_can_be_dropped_again(stores):
    """A library is on GIN until `baggrund db upgrade --rum`; `--no-rum` takes it back; the
    answers stay the same."""
    libs, gin_url = stores
    store = open_store(gin_url)
    try:
        assert store.ranking == "gin"
        version = store.upgrade()[1]
        assert store.upgrade(rum=True) == (version, version) and store.ranking == "rum"
        expected = libs["gin"].search("trafficking victims", limit=10, facets=True)
        found = Library(store).search("trafficking victims", limit=10, facets=True)
        assert (found.total, found.facets) == (expected.total, expected.facets)
        assert [h.anchor for h in found.hits] == [h.anchor for h in expected.hits]
        store.upgrade(rum=False)
        assert store.ranking == "gin" and not _has_rum_index(gin_url)
    finally:
        store.close()


def test_cli_turns_rum_on_and_off(tmp_path):
    from click.testing import CliRunner

    from baggrund.cli import main

    _server()
    _rum_available()
    with fresh_store("postgres", tmp_path) as url:
        runner = CliRunner()
        on = runner.invoke(main, ["db", "upgrade", "--db", url, "--rum"])
        assert on.exit_code == 0 and "search ranks with rum" in on.output, on.output
        off = runner.invoke(main, ["db", "upgrade", "--db", url, "--no-rum"])
        assert off.exit_code == 0 and "search ranks with gin" in off.output, off.output
    sqlite = runner.invoke(main, ["db", "upgrade", "--db", str(tmp_path / "x.db"), "--rum"])
    assert sqlite.exit_code != 0 and "PostgreSQL stores only" in sqlite.output


def test_the_web_application_shares_one_postgres_store(tmp_path):
    from baggrund.web.app import Settings, create_app

    with fresh_store("postgres", tmp_path) as url:
        app = create_app(Settings(db=url))
        got: list[Library] = []
        threads = [
            threading.Thread(target=lambda: got.append(app.state.libraries.get())) for _ in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(got) == 4 and all(lib is got[0] for lib in got)
        got[0].close()


def test_the_words_bm25_scores_are_read_from_the_tsquery():
    from baggrund.store.pg_bm25 import query_lexemes

    assert query_lexemes("( 'forc' <-> 'labor' ) & ( 'eritrea' )") == ["forc", "labor", "eritrea"]
    assert query_lexemes("( 'd''arc' ) | ( 'a\\\\b' ) | ( 'd''arc' )") == ["d'arc", "a\\b"]
    assert query_lexemes("( 'detain':* ) & ( 'iran' )") is None  # a prefix: ts_rank_cd ranks


def _has_rum_index(url: str) -> bool:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT to_regclass('passages_rum') IS NOT NULL").fetchone()[0]


def test_a_first_load_builds_the_rum_index_once_at_the_end(tmp_path):
    """Ingest into an empty library drops the RUM index and builds it after the last batch;
    into a library with passages, the index stays and is kept up row by row."""
    _server()
    _rum_available()
    with fresh_store("postgres", tmp_path) as url:
        store = open_store(url)
        try:
            store.upgrade(rum=True)
            assert store.ranking == "rum" and _has_rum_index(url)
            states = []
            original = store.save

            def save(documents, today):
                states.append(_has_rum_index(url))
                return original(documents, today)

            store.save = save
            lib = Library(store)
            assert lib.ingest([BOARD_SAMPLE]).added == 1
            assert states and not any(states)  # no index while the first load went on
            assert _has_rum_index(url) and store.ranking == "rum"
            states.clear()
            assert lib.ingest([SAMPLES]).added >= 1  # the library has passages now
            assert states and all(states)
            hits = lib.search("trafficking victims", limit=5).hits
            assert hits and hits[0].anchor
        finally:
            store.close()


class _Explaining:
    """A connection that records the plan of every statement it runs."""

    def __init__(self, conn):
        self.conn, self.plans = conn, []

    def execute(self, sql, params=None):
        if sql.lstrip().upper().startswith("SELECT"):
            plan = self.conn.execute("EXPLAIN " + sql, params).fetchall()
            self.plans.append((sql, "\n".join(str(next(iter(r.values()))) for r in plan)))
        return self.conn.execute(sql, params)

    def __getattr__(self, name):
        return getattr(self.conn, name)


def test_only_the_ranking_of_word_queries_can_use_the_rum_index(stores, monkeypatch):
    """The RUM index is on an expression that only the ranking of word queries is written
    with: counts and prefix queries cannot be planned on it (a prefix matched through RUM
    crashed the server at ten times the corpus)."""
    import contextlib

    libs, _ = stores
    store = libs["rum"].store
    real = store._connection
    spies = []

    @contextlib.contextmanager
    def spied(*args, **kwargs):
        with real(*args, **kwargs) as conn:
            spy = _Explaining(conn)
            spies.append(spy)
            yield spy

    monkeypatch.setattr(store, "_connection", spied)
    monkeypatch.setattr(store, "_aside", None)  # count on the same (recorded) connection
    monkeypatch.setattr(store._docs.counts, "get", lambda key: None)  # count every time
    for query in ("detain*", "government", "trafficking victims", "women -Iran"):
        libs["rum"].search(query, limit=10, facets=True)
    plans = [(sql, plan) for spy in spies for sql, plan in spy.plans]
    on_rum = [sql for sql, plan in plans if "passages_rum" in plan]
    assert on_rum, "no word query was ranked through RUM"
    assert all("OPERATOR(" in sql and "<=>" in sql for sql in on_rum)
    counts = [plan for sql, plan in plans if "count(*)" in sql]
    assert counts and not any("passages_rum" in plan for plan in counts)
    prefix = [plan for sql, plan in plans if "ts_rank_cd" in sql and "OPERATOR(" not in sql]
    assert prefix and not any("passages_rum" in plan for plan in prefix)


def test_a_read_only_replica_searches_and_refuses_writes_in_one_line(tmp_path):
    """The web servers may point at a read replica: search works there; ingest, bundles and
    upgrades say in one line to go to the primary, and nothing is written. (A replica is
    stood in for by read-only transactions on the test server.)"""
    import json

    from click.testing import CliRunner

    from baggrund.cli import main

    _server()
    with fresh_store("postgres", tmp_path) as url:
        with Library(open_store(url)) as lib:
            assert lib.ingest([BOARD_SAMPLE]).added == 1
        replica = (
            url + ("&" if "?" in url else "?") + "options=-cdefault_transaction_read_only%3Don"
        )
        with Library(open_store(replica)) as lib:
            assert lib.search("psychological coercion").hits[0].anchor.startswith("AZE-367/")
        new = tmp_path / "new.jsonl"
        new.write_text(json.dumps({"id": "N-1", "source": "UNHCR", "country": "Eritrea",
                                   "title": "Note", "text": "## A\n\nExit visas."}) + "\n")  # fmt: skip
        runner = CliRunner()
        for args in (["ingest", str(new)], ["bundle", "new", "FN-1"], ["db", "upgrade"]):
            result = runner.invoke(main, [*args, "--db", replica])
            assert result.exit_code != 0, args
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and "read-only here (a replica?)" in lines[0], result.stderr
        with Library(open_store(url)) as lib:
            assert lib.stats()["documents"] == 1 and lib.bundles() == []
