"""``baggrund db check`` on both stores: a sound library is reported sound; a half-stored
document, a counter below a number in use, and (PostgreSQL) frequent words' tables out of step
with the passages are found, named and, where they are derived data, repaired. And every
PostgreSQL session carries the lock and idle timeouts."""

from __future__ import annotations

import json

import pytest

from baggrund.library import Library
from baggrund.store import open_store

from .conftest import SAMPLES, Cli
from .test_store_contract import BACKENDS, fresh_store


@pytest.fixture(params=BACKENDS)
def loaded(request, tmp_path):
    with fresh_store(request.param, tmp_path) as url:
        with Library.open(url) as lib:
            assert lib.ingest([SAMPLES]).ok
        yield request.param, url


def _execute(lib: Library, sql: str, args=()) -> None:
    store = lib.store
    if hasattr(store, "db"):  # SQLite
        store.db.execute(sql.replace("%s", "?"), args)
    else:
        with store._connection() as conn:
            conn.execute(sql, args)


def test_a_sound_library_is_reported_sound(loaded):
    _, url = loaded
    result = Cli(url)("db", "check")
    assert "ok: the index and the store are in step" in result.output
    report = json.loads(Cli(url)("db", "check", "--json").stdout)
    assert report["ok"] and report["store"]["documents"] == 7 and report["findings"] == []


def test_a_half_stored_document_is_found(loaded):
    _, url = loaded
    with Library.open(url) as lib:
        doc = lib.store.document("AZE-367")
        _execute(lib, "DELETE FROM passages WHERE doc_id = %s", (doc["doc_id"],))
    result = Cli(url)("db", "check", expect=1)
    assert "1 document(s) stored without passages or sections" in result.output
    report = json.loads(Cli(url)("db", "check", "--json", expect=1).stdout)
    assert [f["kind"] for f in report["findings"] if f["kind"] == "half-stored"]


def test_a_counter_below_a_number_in_use_is_found(loaded):
    _, url = loaded
    with Library.open(url) as lib:
        _execute(lib, "UPDATE annex_counters SET last = 1 WHERE country = 'AZE'")
    result = Cli(url)("db", "check", expect=1)
    assert "counter(s) below an annex number in use" in result.output


def test_postgres_frequent_tables_out_of_step_are_found_and_repaired(tmp_path):
    from baggrund.store import pg_frequent

    with fresh_store("postgres", tmp_path) as url, Library.open(url) as lib:
        assert lib.ingest([SAMPLES]).ok
        with lib.store._connection() as conn:
            assert pg_frequent.refresh(conn, at_least=20) > 0  # make some words frequent
        assert lib.check().ok
        _execute(lib, "UPDATE frequent_counts SET n = n + 1 WHERE doc_id ="
                 " (SELECT min(doc_id) FROM frequent_counts)")  # fmt: skip
        report = lib.check()
        assert [f.kind for f in report.findings] == ["frequent-tables"]
        repaired = lib.check(repair=True)
        assert repaired.ok and repaired.repaired
        assert lib.check().ok


def test_every_postgres_session_has_lock_and_idle_timeouts(tmp_path, monkeypatch):
    monkeypatch.setenv("BAGGRUND_PG_LOCK_TIMEOUT", "42")
    with fresh_store("postgres", tmp_path) as url:
        store = open_store(url)
        try:
            with store._connection() as a, store._connection() as b:
                for conn in (a, b):
                    row = conn.execute(
                        "SELECT current_setting('lock_timeout') AS lock,"
                        " current_setting('idle_in_transaction_session_timeout') AS idle"
                    ).fetchone()
                    assert (row["lock"], row["idle"]) == ("42s", "1min")
        finally:
            store.close()


def test_a_bad_timeout_setting_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("BAGGRUND_PG_IDLE_TIMEOUT", "soon")
    with fresh_store("postgres", tmp_path) as url:
        result = Cli(url)("countries", expect=1)
        assert "BAGGRUND_PG_IDLE_TIMEOUT must be a number of seconds, not 'soon'" in result.output
