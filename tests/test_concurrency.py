"""Several ingest processes and searching threads at once: no errors, no duplicate annex
numbers and no gaps, every document complete. Run against SQLite always and against
PostgreSQL when BAGGRUND_TEST_POSTGRES names a server."""

import json
import os
import subprocess
import sys
import threading
import uuid

import pytest

from baggrund.library import Library
from baggrund.store import open_store

COUNTRIES = ["Eritrea", "Iran", "Syria", "Afghanistan", "Somalia"]
PROCESSES = 4
PER_PROCESS = 60
PARAGRAPHS = 4


def postgres_url():
    base = os.environ.get("BAGGRUND_TEST_POSTGRES")
    if not base:
        if os.environ.get("BAGGRUND_REQUIRE_POSTGRES"):
            pytest.fail("BAGGRUND_TEST_POSTGRES is not set")
        pytest.skip(
            "set BAGGRUND_TEST_POSTGRES=postgresql://user@host:port/db to run this on PostgreSQL"
        )
    return base


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "concurrent.db")
        return
    base = postgres_url()
    import psycopg

    name = f"baggrund_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with psycopg.connect(base, autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def write_batch(path, process: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(PER_PROCESS):
            n = process * PER_PROCESS + i
            text = "## Findings\n\n" + "\n\n".join(
                f"Paragraph {p} of report {n} on detention and courts, marker wq{n}x."
                for p in range(PARAGRAPHS)
            )
            fh.write(json.dumps({"id": f"C-{n}", "title": f"Report {n}", "source": "Test Source",
                                 "country": COUNTRIES[n % len(COUNTRIES)], "text": text}) + "\n")  # fmt: skip


def test_parallel_ingest_and_search(store_url, tmp_path):
    Library(open_store(store_url)).close()  # create the schema once
    files = []
    for p in range(PROCESSES):
        path = tmp_path / f"batch{p}.jsonl"
        write_batch(path, p)
        files.append(path)
    stop = threading.Event()
    errors: list[BaseException] = []
    searches = [0]

    def searcher():
        try:
            lib = Library(open_store(store_url))
            while not stop.is_set():
                lib.search("detention courts", limit=10)
                lib.search("marker", country="Iran", limit=5)
                searches[0] += 1
            lib.close()
        except BaseException as exc:  # noqa: BLE001 - any failure fails the test
            errors.append(exc)

    threads = [threading.Thread(target=searcher) for _ in range(8)]
    for t in threads:
        t.start()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "baggrund.cli", "ingest", str(f), "--db", store_url, "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for f in files
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    stop.set()
    for t in threads:
        t.join(timeout=60)
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    assert not errors, errors
    assert searches[0] > 0

    total = PROCESSES * PER_PROCESS
    with Library(open_store(store_url)) as lib:
        assert lib.stats()["documents"] == total
        assert lib.stats()["passages"] == total * PARAGRAPHS
        for country in COUNTRIES:
            numbers = [r["annex"] for r in lib.annexes(country)]
            assert numbers == list(range(1, len(numbers) + 1)), f"{country}: gaps or duplicates"
        for n in range(0, total, 17):
            hits = lib.search(f"wq{n}x", limit=10).hits
            assert len(hits) == PARAGRAPHS and {h.title for h in hits} == {f"Report {n}"}
