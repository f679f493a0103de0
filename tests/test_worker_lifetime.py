"""An ingest killed with SIGKILL leaves nothing behind: its fact workers exit at once, its
PostgreSQL sessions end (so their locks go), and the next ingest completes. Both stores."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from baggrund.library import Library
from baggrund.store import open_store

from .test_killed_ingest import make_corpus
from .test_store_contract import BACKENDS, fresh_store

# An ingest with fact workers (forced on for a small corpus) that reports every event.
INGEST = """
import json, sys
import baggrund.ingest
baggrund.ingest.FACT_WORKERS_FROM_BYTES = 0
from baggrund.library import Library
with Library.open(sys.argv[1]) as lib:
    lib.ingest([sys.argv[2]], on_event=lambda e: print(json.dumps(e.to_dict()), flush=True))
print("done", flush=True)
"""


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def sessions(url: str) -> int:
    """Sessions of other processes on the store's database."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        ).fetchone()[0]


@pytest.mark.slow
@pytest.mark.parametrize("kind", BACKENDS)
def test_a_killed_ingest_leaves_no_worker_and_no_session(tmp_path, kind):
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus)
    with fresh_store(kind, tmp_path) as url:
        open_store(url).close()  # the schema, before the clock starts
        process = subprocess.Popen([sys.executable, "-c", INGEST, url, str(corpus)],
                                   stdout=subprocess.PIPE, text=True)  # fmt: skip
        added = 0
        for line in process.stdout:
            added += '"added"' in line
            if added >= 50:
                break
        workers = children(process.pid)
        assert len(workers) >= 2, "the ingest did not start its fact workers"
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and any(alive(w) for w in workers):
            time.sleep(0.05)
        assert not [w for w in workers if alive(w)], "fact workers outlived the killed ingest"
        if kind == "postgres":
            while time.monotonic() < deadline + 1 and sessions(url):
                time.sleep(0.05)
            assert sessions(url) == 0, "the killed ingest's sessions are still open"
        again = subprocess.run([sys.executable, "-c", INGEST, url, str(corpus)],
                               capture_output=True, text=True, timeout=300)  # fmt: skip
        assert again.returncode == 0, again.stderr[-2000:]
        assert again.stdout.rstrip().endswith("done")
        events = [json.loads(x) for x in again.stdout.splitlines() if x.startswith("{")]
        assert {e["status"] for e in events} <= {"added", "unchanged"}
        with Library.open(url) as lib:
            assert lib.stats()["documents"] == 600
            assert lib.check().ok


def test_fact_workers_exit_when_their_parent_dies(tmp_path):
    """The mechanism on its own: a worker whose parent is gone exits within a second."""
    code = (
        "import os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "import multiprocessing\n"
        "from baggrund.ingest import _die_with\n"
        "pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context('fork'),"
        " initializer=_die_with, initargs=(os.getpid(),))\n"
        "print(pool.submit(os.getpid).result(), flush=True)\n"
        "time.sleep(60)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    worker = int(process.stdout.readline())
    assert alive(worker)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and alive(worker):
        time.sleep(0.05)
    assert not alive(worker)


def test_a_fact_worker_that_dies_costs_nothing(tmp_path):
    """A worker killed in the middle of an ingest: the ingest goes on, extracting the facts
    itself, and stores every document with the same facts as an ingest without workers."""
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus)
    db = str(tmp_path / "workers.db")
    env = {**os.environ, "BAGGRUND_CRASH_AT": "facts.worker:5"}
    run = subprocess.run([sys.executable, "-c", INGEST, db, str(corpus)], env=env,
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "fact extraction in a worker process failed" in run.stderr
    reference = str(tmp_path / "reference.db")
    with Library.open(reference) as lib:
        lib.ingest([corpus], workers=False)
    with Library.open(db) as lib, Library.open(reference) as ref:
        assert lib.stats()["documents"] == 600
        for country in ("ERI", "IRN", "SYR"):
            assert len(lib.store.facts(country)) == len(ref.store.facts(country)) > 0
