"""Facts in every store: extracted at ingest and kept per passage, replaced when a document
is updated, rebuilt on demand, and imported datasets with their attribution. Runs on SQLite
and, with BAGGRUND_TEST_POSTGRES, on PostgreSQL (see test_store_contract)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from baggrund.fact import Fact
from baggrund.library import Library
from baggrund.store import open_store

from .conftest import BOARD_SAMPLE
from .test_store_contract import library, store_url  # noqa: F401  (fixtures)

TODAY = dt.date(2026, 1, 5)
DATASET = {"name": "test-tiers", "title": "Test tiers", "attribution": "A. Author (2017)",
           "license": "MIT License", "url": None}  # fmt: skip


def _board(tmp_path, text_change: str | None = None):
    text = BOARD_SAMPLE.read_text(encoding="utf-8")
    if text_change:
        text = text.replace("91 ", text_change)
    path = tmp_path / "board.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_facts_are_extracted_at_ingest_per_passage(tmp_path, library):  # noqa: F811
    assert library.ingest([_board(tmp_path)]).added == 1
    rows = library.store.facts("AZE")
    funding = [r for r in rows if r["subject"] == "funding" and r["value"] == 210161]
    assert len(funding) == 1
    f = funding[0]
    assert f["anchor"] == "AZE-367/protection/2" and f["key"] == "AZE-367"
    assert (f["unit"], f["year"], f["compared_value"], f["compared_year"]) == (
        "AZN", 2023, 179464, 2022,
    )  # fmt: skip
    assert f["converted_value"] == 123620 and f["source"] == "US Department of State"
    assert "210,161 manat" in f["quote"]
    assert library.store.facts("ERI") == []


def test_an_update_replaces_the_documents_facts(tmp_path, library):  # noqa: F811
    library.ingest([_board(tmp_path)])
    before = library.store.facts("AZE")
    summary = library.ingest([_board(tmp_path, "95 ")])
    assert summary.updated == 1
    after = library.store.facts("AZE")
    assert len(after) == len(before)
    values = {r["value"] for r in after if r["subject"] == "victims identified"}
    assert 95 in values and 91 not in values


def test_rebuild_gives_the_same_facts(tmp_path, library):  # noqa: F811
    library.ingest([_board(tmp_path)])
    before = library.store.facts("AZE")
    assert library.rebuild_facts() == len(before)
    assert library.rebuild_facts() == len(before)  # idempotent
    strip = lambda rows: sorted((r["anchor"], r["subject"], str(r["value"])) for r in rows)  # noqa: E731
    assert strip(library.store.facts("AZE")) == strip(before)


def test_an_imported_dataset_keeps_its_attribution_and_is_replaced(library):  # noqa: F811
    tier = Fact("", "tier", "tier placement", "Tier 2", "tier", 2013)
    assert library.store.import_facts(DATASET, [("AZE", tier), ("ERI", tier)], TODAY) == 2
    assert library.store.import_facts(DATASET, [("AZE", tier)], TODAY) == 1
    rows = library.store.facts("AZE")
    assert [(r["value"], r["year"], r["dataset"], r["anchor"]) for r in rows] == [
        ("Tier 2", 2013, "test-tiers", None)
    ]
    assert library.store.facts("ERI") == []
    (d,) = library.store.fact_datasets()
    assert (d["attribution"], d["row_count"], d["imported"]) == (
        "A. Author (2017)",
        1,
        "2026-01-05",
    )


def test_timeline_through_the_library(tmp_path, library):  # noqa: F811
    library.ingest([_board(tmp_path)])
    timeline = library.facts("Aserbajdsjan", topic="victims identified")
    (series,) = [s for s in timeline.series if s.subject == "victims identified"
                 and s.unit == "victims"]  # fmt: skip
    chart = series.chart_points()
    assert [(p["year"], p["value"], p["compared"]) for p in chart] == [
        (2022, 94, True), (2023, 91, False),
    ]  # fmt: skip
    assert timeline.tiers[0]["value"] == "Tier 2" and timeline.tiers[0]["year"] == 2024


def test_an_older_sqlite_store_is_upgraded_and_rebuilt(tmp_path):
    from baggrund.store import sqlite as sqlite_store

    path = str(tmp_path / "old.db")
    db = sqlite3.connect(path)  # a store at schema 2, as made before facts existed
    for _, statements in sqlite_store.MIGRATIONS[:2]:
        for statement in statements:
            db.execute(statement)
    db.executemany("INSERT INTO meta VALUES (?, ?)",
                   [("uuid", "0" * 32), ("seq", "0"), ("schema_version", "2")])  # fmt: skip
    db.commit()
    db.close()
    store = open_store(path, upgrade=True)
    try:
        assert store.upgrade() == (2, sqlite_store.SCHEMA_VERSION)
        assert store.facts("AZE") == [] and store.fact_datasets() == []
    finally:
        store.close()
    with Library.open(path) as lib:  # documents whose facts are missing get them by rebuild
        lib.ingest([_board(tmp_path)])
        lib.store.db.execute("DELETE FROM facts")
        assert lib.store.facts("AZE") == []
        assert lib.rebuild_facts() > 30
        assert any(r["value"] == 91 for r in lib.store.facts("AZE"))


def test_copy_carries_imported_datasets(tmp_path, store_url):  # noqa: F811
    """`baggrund copy` moves an imported dataset (facts without a document) with its
    attribution and import date, and its verification would see one that differs."""
    from baggrund.transfer import copy_library

    source = open_store(str(tmp_path / "source.db"))
    target = open_store(store_url)
    try:
        Library(source).ingest([_board(tmp_path)])
        tiers = [
            ("AZE", Fact("", "tier", "tier placement", "Tier 2 Watch List", "tier", 2012)),
            ("NOR", Fact("", "tier", "tier placement", "Tier 1", "tier", 2012)),
        ]
        source.import_facts(DATASET, tiers, TODAY)
        report = copy_library(source, target)
        assert report.ok and report.datasets == 1, report.differences
        assert target.fact_datasets() == source.fact_datasets()
        assert target.dataset_facts("test-tiers") == tiers
        assert [r["value"] for r in target.facts("NOR")] == ["Tier 1"]
        assert target.facts("AZE") == source.facts("AZE")
    finally:
        source.close()
        target.close()


def test_facts_extracted_in_worker_processes_are_the_same(tmp_path, store_url, monkeypatch):  # noqa: F811
    """A large ingest extracts facts in worker processes while it reads on; what is stored is
    what extraction in the ingesting process stores."""
    from baggrund import ingest as ingest_module

    from .conftest import SAMPLES

    reference = Library(open_store(str(tmp_path / "reference.db")))
    try:
        reference.ingest([SAMPLES])
        expected = {c: reference.store.facts(c) for c in ("AZE", "AFG", "ERI", "IRN", "SYR")}
    finally:
        reference.close()
    started = []
    real = ingest_module._fact_workers

    def workers(paths):
        pool = real(paths)
        started.append(pool is not None)
        return pool

    monkeypatch.setattr(ingest_module, "FACT_WORKERS_FROM_BYTES", 0)
    monkeypatch.setattr(ingest_module, "_fact_workers", workers)
    lib = Library(open_store(store_url))
    try:
        assert lib.ingest([SAMPLES]).added == 7
        assert started == [True]
        strip = lambda rows: [{k: v for k, v in r.items() if k != "id"} for r in rows]  # noqa: E731
        for country, rows in expected.items():
            assert strip(lib.store.facts(country)) == strip(rows), country
        assert expected["AZE"]
    finally:
        lib.close()
