"""The crash matrix: kill ingests with SIGKILL at every named crash point (and at random
moments) on both stores, and count what a crash may never cause.

For each kill: a fresh store gets a first load of a synthetic corpus (600 documents, six
paragraphs each), then a second load that rewrites 150 of them in place and adds 150; the kill
lands in the first load (``load``) or in the second (``update``), at a crash point of
:mod:`baggrund.crashpoint` (its n-th pass) or after a random delay. Fact workers are on. After
the kill the script measures

- ``workers``: processes of the killed ingest still running 2 s later;
- ``sessions``: PostgreSQL sessions still open 2 s later;
- ``lost``: documents reported added or updated whose stored text is not the reported version;
- ``half``: documents stored with text that is neither version whole;
- ``duplicated``: documents stored twice, annex numbers given twice;
- ``out of step``: problems ``baggrund db check`` finds after the store is opened;

then runs the same load again to the end and checks the library against the corpus
(``completed``: every document there, in its newest version, none renumbered).

    .venv/bin/python bench/crash_matrix.py [--pg postgresql://postgres@127.0.0.1:5432/test]
        [--random 4] [--json bench/out/crash_matrix.json]

Without ``--pg`` only SQLite runs. The figures go into docs/reliability.md."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from baggrund.library import Library

DOCUMENTS = 600
UPDATED = 150  # rewritten in place by the second load
NEW = 150  # added by the second load
PARAGRAPHS = 6
COUNTRIES = ["Eritrea", "Iran", "Syrien", "Afghanistan", "Somalia", "Aserbajdsjan", "Russia"]
WORDS = """detention courts police women press journalists torture prison elections minorities
    refugees border militia checkpoint arrests trial lawyers protest religion conscription
    deserters authorities ministry province villages security officers""".split()

INGEST = """
import json, sys
import baggrund.ingest
baggrund.ingest.FACT_WORKERS_FROM_BYTES = 0
from baggrund.library import Library
with Library.open(sys.argv[1]) as lib:
    lib.ingest([sys.argv[2]], on_event=lambda e: print(json.dumps(e.to_dict()), flush=True))
"""

# (phase, crash point, n-th pass): every named point, in both loads, early and late.
NAMED = [
    ("load", "ingest.batch_read", 1),
    ("load", "ingest.batch_read", 3),
    ("load", "store.before_commit", 1),
    ("load", "store.before_commit", 2),
    ("load", "store.after_commit", 1),
    ("load", "store.after_commit", 3),
    ("load", "index.before_commit", 2),
    ("load", "index.after_commit", 1),
    ("load", "index.after_commit", 3),
    ("load", "ingest.reported", 2),
    ("load", "facts.worker", 40),
    ("update", "store.before_commit", 1),
    ("update", "store.after_commit", 1),
    ("update", "index.before_commit", 1),
    ("update", "index.after_commit", 1),
    ("update", "ingest.reported", 1),
]
SQLITE_ONLY = {"index.before_commit", "index.after_commit"}  # PostgreSQL has no tantivy index


def text(i: int, version: int, rng: random.Random) -> str:
    paras = []
    for p in range(PARAGRAPHS):
        filler = " ".join(rng.choice(WORDS) for _ in range(300))
        paras.append(f"Paragraph {p + 1} of report {i}, version {version}, on {filler}.")
    return "\n\n".join(paras)


def corpus(folder: Path) -> tuple[Path, Path, dict[tuple[str, int], str]]:
    """The two loads, and the text of every version of every document: (id, version) ->
    text."""
    rng = random.Random(12)
    versions: dict[tuple[str, int], str] = {}
    first_load = [(i, 1) for i in range(DOCUMENTS)]
    second_load = [(i, 2) for i in range(UPDATED)] + [
        (i, 1) for i in range(DOCUMENTS, DOCUMENTS + NEW)
    ]
    for i, version in first_load + second_load:
        versions[(f"C-{i}", version)] = text(i, version, rng)
    paths = folder / "first.jsonl", folder / "second.jsonl"
    for path, load in zip(paths, (first_load, second_load), strict=True):
        with open(path, "w", encoding="utf-8") as fh:
            for i, version in load:
                record = {"id": f"C-{i}", "source": "Synthetic Source",
                          "country": COUNTRIES[i % len(COUNTRIES)], "title": f"Report {i}",
                          "date_published": "2024-01-15", "text": versions[(f"C-{i}", version)]}  # fmt: skip
                fh.write(json.dumps(record) + "\n")
    return paths[0], paths[1], versions


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
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


class Stores:
    def __init__(self, folder: Path, pg: str | None):
        self.folder, self.pg, self.made = folder, pg, []

    def fresh(self, kind: str) -> str:
        if kind == "sqlite":
            return str(self.folder / f"crash-{secrets.token_hex(4)}.db")
        import psycopg

        name = f"baggrund_crash_{secrets.token_hex(5)}"
        with psycopg.connect(self.pg, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return urlunsplit(urlsplit(self.pg)._replace(path=f"/{name}"))

    def sessions(self, url: str) -> int:
        if not url.startswith("postgresql"):
            return 0
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            return conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid()"
            ).fetchone()[0]

    def drop_all(self) -> None:
        if not self.made:
            return
        import psycopg

        with psycopg.connect(self.pg, autocommit=True) as conn:
            for name in self.made:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_ingest(url: str, path: Path, env: dict | None = None, kill_after: float | None = None):
    """Run a load; returns (events reported, return code, the worker pids seen). The events go
    to a file (a pipe that nobody reads while the load runs would fill and stop it)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        process = subprocess.Popen([sys.executable, "-c", INGEST, url, str(path)], stdout=out,
                                   stderr=subprocess.DEVNULL, text=True,
                                   env={**os.environ, **(env or {})})  # fmt: skip
        workers: set[int] = set()
        deadline = None if kill_after is None else time.monotonic() + kill_after
        while process.poll() is None:  # a crash point kills it from within; else the clock
            workers.update(children(process.pid))
            if deadline is not None and time.monotonic() >= deadline:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.02)
        process.wait()
        out.seek(0)
        lines = out.read().splitlines()
    events = []
    for line in lines:
        with contextlib.suppress(json.JSONDecodeError):  # the last, cut short by the kill
            events.append(json.loads(line))
    return events, process.returncode, workers


def measure(kind, url, stores, reported, versions, workers, died_at) -> dict:
    """The figures after a kill, before anything is run again."""
    while time.monotonic() < died_at + 2 and any(alive(w) for w in workers):
        time.sleep(0.05)
    left = sum(alive(w) for w in workers)
    while time.monotonic() < died_at + 2 and stores.sessions(url):
        time.sleep(0.05)
    sessions = stores.sessions(url)
    result = {"workers": left, "sessions": sessions}
    with Library.open(url) as lib:
        stored = {}
        for row in lib.documents(limit=100_000):
            key = row["key"]
            stored.setdefault(key, []).append(row)
        duplicated = sum(len(rows) - 1 for rows in stored.values())
        annexes = [(r["country"], r["annex"]) for rows in stored.values() for r in rows]
        duplicated += len(annexes) - len(set(annexes))
        half = lost = 0
        for key in stored:
            doc = lib.document(key)
            body = "\n\n".join(p["text"] for p in doc["passages"])
            known = {v for (k, _), v in versions.items() if k == key}
            if body not in known:
                half += 1
        for event in reported:
            if event.get("status") not in ("added", "updated"):
                continue
            key = event["key"]
            if key not in stored:
                lost += 1
                continue
            doc = lib.document(key)
            body = "\n\n".join(p["text"] for p in doc["passages"])
            version = 2 if event["status"] == "updated" else 1
            if body != versions.get((key, version)):
                lost += 1
        report = lib.check()
        result |= {"lost": lost, "half": half, "duplicated": duplicated,
                   "out_of_step": len(report.findings)}  # fmt: skip
    return result


def complete(url, first, second, versions) -> bool:
    """Run both loads to the end: every document there in its newest version."""
    for path in (first, second):
        _, code, _ = run_ingest(url, path)
        if code != 0:
            return False
    newest = {}
    for (key, version), body in versions.items():
        if version >= newest.get(key, (0, ""))[0]:
            newest[key] = (version, body)
    with Library.open(url) as lib:
        if lib.stats()["documents"] != len(newest) or not lib.check().ok:
            return False
        for key, (_, body) in newest.items():
            doc = lib.document(key)
            if "\n\n".join(p["text"] for p in doc["passages"]) != body:
                return False
    return True


def one(kind, stores, phase, point, nth, delay, first, second, versions) -> dict:
    url = stores.fresh(kind)
    if phase == "update":
        run_ingest(url, first)
    path = first if phase == "load" else second
    env = {"BAGGRUND_CRASH_AT": f"{point}:{nth}"} if point else {}
    started = time.monotonic()
    events, code, workers = run_ingest(url, path, env, kill_after=delay)
    died_at = time.monotonic()
    row = {"store": kind, "phase": phase, "point": point or f"random {delay:.2f} s",
           "nth": nth, "killed": code == -signal.SIGKILL, "seconds": round(died_at - started, 1),
           "reported": sum(e.get("status") in ("added", "updated") for e in events)}  # fmt: skip
    row |= measure(kind, url, stores, events, versions, workers, died_at)
    row["completed"] = complete(url, first, second, versions)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", help="a PostgreSQL server URL whose user may create databases")
    parser.add_argument("--random", type=int, default=4, help="random kills per store and phase")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the rows here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    kinds = ["sqlite"] + (["postgres"] if args.pg else [])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first, second, versions = corpus(folder)
        stores = Stores(folder, args.pg)
        try:
            plan = []
            for kind in kinds:
                for phase, point, nth in NAMED:
                    if kind == "postgres" and point in SQLITE_ONLY:
                        continue
                    plan.append((kind, phase, point, nth, None))
                for phase in ("load", "update"):
                    for _ in range(args.random):
                        span = 3.2 if phase == "load" else 2.0
                        plan.append((kind, phase, None, 0, rng.uniform(0.5, span)))
            for n, (kind, phase, point, nth, delay) in enumerate(plan, 1):
                row = one(kind, stores, phase, point, nth, delay, first, second, versions)
                rows.append(row)
                print(f"[{n}/{len(plan)}] " + json.dumps(row), flush=True)
        finally:
            stores.drop_all()
    keys = ("lost", "half", "duplicated", "out_of_step", "workers", "sessions")
    totals = {k: sum(r[k] for r in rows) for k in keys}
    totals["kills"] = sum(r["killed"] for r in rows)
    totals["runs"] = len(rows)
    totals["completed"] = sum(r["completed"] for r in rows)
    print(json.dumps({"totals": totals}))
    print("\n| store | phase | point | killed | reported | lost | half | dup | out of step |"
          " workers | sessions | completed |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        point = r["point"] + (f" ({r['nth']})" if r["nth"] else "")
        print(f"| {r['store']} | {r['phase']} | {point} | {'yes' if r['killed'] else 'no'} |"
              f" {r['reported']} | {r['lost']} | {r['half']} | {r['duplicated']} |"
              f" {r['out_of_step']} | {r['workers']} | {r['sessions']} |"
              f" {'yes' if r['completed'] else 'NO'} |")  # fmt: skip
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"rows": rows, "totals": totals}, indent=1))
    bad = any(totals[k] for k in keys) or totals["completed"] != totals["runs"]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
