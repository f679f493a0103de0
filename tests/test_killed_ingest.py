"""Kill an ingest in the middle with SIGKILL: every document it reported as added is complete
and searchable, none is half-stored, and running the same ingest again completes it without
duplicates and without renumbering anything."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from baggrund.errors import NotFound
from baggrund.library import Library

DOCUMENTS = 600
KILL_AFTER = 200  # "added" events read before the kill
PARAGRAPHS = 6
COUNTRIES = ["Eritrea", "Iran", "Syrien", "Afghanistan", "Somalia", "Aserbajdsjan", "Russia"]
VOCABULARY = """detention courts police women press journalists torture prison elections
    minorities refugees border militia checkpoint arrests trial lawyers protest religion
    conscription deserters authorities ministry province villages security officers""".split()


def word(i: int) -> str:
    """A distinctive word of document ``i``: letters only, so no analyser splits or stems it."""
    letters, out = "bcdfghjklmnpqrstvwxz", ""
    for _ in range(3):
        out, i = out + letters[i % 20], i // 20
    return f"zq{out}vyx"


def paragraphs(i: int, rng: random.Random) -> list[str]:
    """The paragraphs of document ``i``; only the third one holds its distinctive word."""
    out = []
    for p in range(PARAGRAPHS):
        filler = " ".join(rng.choice(VOCABULARY) for _ in range(400))
        special = f" The {word(i)} case was reported." if p == 2 else ""
        out.append(f"Paragraph {p + 1} of report {i} concerns {filler}.{special}")
    return out


def make_corpus(path: Path) -> dict[str, list[str]]:
    """Write the JSON Lines file; returns each document's paragraphs by id."""
    rng = random.Random(7)
    written = {}
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(DOCUMENTS):
            paras = paragraphs(i, rng)
            record = {
                "id": f"SYN-{i}",
                "source": "Synthetic Source",
                "country": COUNTRIES[i % len(COUNTRIES)],
                "title": f"Synthetic report {i}",
                "date_published": "2024-01-15",
                "text": "\n\n".join(paras),
            }
            fh.write(json.dumps(record) + "\n")
            written[record["id"]] = paras
    return written


def start_ingest(path: Path, db: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "baggrund.cli", "ingest", str(path), "--db", db, "--json", "-q"],
        stdout=subprocess.PIPE,
        stderr=open(log, "w"),  # noqa: SIM115 - the child owns it
        text=True,
    )


def wait_for_a_write(process: subprocess.Popen, db: str) -> None:
    """Return as soon as the store's write-ahead log changes (the next batch is being
    written), so that the kill lands in the middle of a write rather than between batches."""
    wal = Path(f"{db}-wal")

    def stamp() -> int | None:
        try:
            return wal.stat().st_mtime_ns
        except FileNotFoundError:  # the process has ended and closed the store
            return None

    before = stamp()
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline and stamp() == before:
        time.sleep(0.0005)


def parse(lines: list[str]) -> list[dict]:
    """JSON events; a last line cut short by the kill is ignored."""
    events = []
    for n, line in enumerate(lines):
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            assert n == len(lines) - 1, f"broken event line {line!r}"
    return events


def test_killed_ingest_loses_nothing_it_reported(tmp_path):
    corpus = tmp_path / "synthetic.jsonl"
    written = make_corpus(corpus)
    db = str(tmp_path / "killed.db")

    process = start_ingest(corpus, db, tmp_path / "first.log")
    lines, added = [], 0
    for line in process.stdout:
        lines.append(line)
        added += '"status": "added"' in line
        if added >= KILL_AFTER:
            break
    wait_for_a_write(process, db)
    process.send_signal(signal.SIGKILL)
    lines += process.stdout.read().splitlines()  # reported before it died, not yet read
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the ingest finished first: make it bigger"

    reported = {e["key"]: e for e in parse(lines) if e.get("status") == "added"}
    assert len(reported) >= KILL_AFTER
    with Library.open(db) as lib:
        stored = {}
        for key in written:
            try:
                stored[key] = lib.document(key)
            except NotFound:
                continue
        stats = lib.stats()
        assert stats["documents"] == len(stored), "every stored document is one of ours"
        assert set(reported) <= set(stored) and len(stored) < DOCUMENTS

        # Nothing half-stored: every stored document has all its passages, word for word.
        for key, doc in stored.items():
            assert [p["text"] for p in doc["passages"]] == written[key], f"{key} is half-stored"
        assert stats["passages"] == PARAGRAPHS * len(stored)

        # Every reported document is searchable by its own word, and only it.
        for key, event in reported.items():
            anchor = f"{event['country']}-{event['annex']}"
            assert stored[key]["anchor"] == anchor
            number = int(key.removeprefix("SYN-"))
            hits = lib.search(word(number)).hits
            assert [(h.document, h.text) for h in hits] == [(anchor, written[key][2])], key

    again = subprocess.run(
        [sys.executable, "-m", "baggrund.cli", "ingest", str(corpus), "--db", db, "--json", "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    *events, last = parse(again.stdout.splitlines())
    summary = last["summary"]
    assert summary["rejected"] == []
    assert summary["unchanged"] == len(stored)
    assert summary["added"] == DOCUMENTS - len(stored)
    status = {e["key"]: e for e in events}
    assert all(status[key]["status"] == "unchanged" for key in stored)
    assert all(status[key]["annex"] == reported[key]["annex"] for key in reported), "renumbered"

    with Library.open(db) as lib:
        stats = lib.stats()
        assert stats["documents"] == DOCUMENTS
        assert stats["passages"] == PARAGRAPHS * DOCUMENTS
        for c in COUNTRIES:
            numbers = [r["annex"] for r in lib.annexes(c)]
            assert len(numbers) == len(set(numbers)), f"an annex number of {c} is used twice"
        for key in (k for k in written if k not in stored):
            number = int(key.removeprefix("SYN-"))
            [hit] = lib.search(word(number)).hits
            assert hit.title == f"Synthetic report {number}" and hit.text == written[key][2]
