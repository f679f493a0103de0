"""Kill an ingest in the middle with SIGKILL: every document it reported as added is complete
and searchable, none is half-stored, and running the same ingest again completes it."""

import json
import random
import signal
import subprocess
import sys
from pathlib import Path

from baggrund.library import Library
from baggrund.passage import segment

COUNTRIES = ["Eritrea", "Iran", "Syrien", "Afghanistan", "Somalia", "Aserbajdsjan", "Rusland"]
DOCUMENTS = 1200


def word(i: int) -> str:
    """A distinctive word per document (letters only, so the stemmer keeps it whole)."""
    letters = "bcdfghjklmnpqrstvwxz"
    out, n = "", i
    for _ in range(4):
        out += letters[n % 20]
        n //= 20
    return f"zq{out}x"


def make_corpus(path: Path) -> dict[str, dict]:
    rng = random.Random(7)
    records = {}
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(DOCUMENTS):
            paragraphs = [
                f"Paragraph {p} of report {i} mentions {word(i)} and "
                + " ".join(
                    rng.choice(["detention", "courts", "police", "women", "press"])
                    for _ in range(200)
                )
                + "."
                for p in range(6)
            ]
            text = (
                "## Section one\n\n"
                + "\n\n".join(paragraphs[:3])
                + "\n\n## Section two\n\n"
                + "\n\n".join(paragraphs[3:])
            )
            record = {
                "id": f"SYN-{i}",
                "source": "Synthetic Source",
                "series": "Synthetic Reports",
                "edition_year": 2020 + i % 5,
                "country": COUNTRIES[i % len(COUNTRIES)],
                "title": f"Synthetic report {i}",
                "date_published": "2024-01-15",
                "text": text,
            }
            records[record["id"]] = record
            fh.write(json.dumps(record) + "\n")
    return records


def run_ingest(path: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "baggrund.cli", "ingest", str(path), "--db", db, "--json", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def test_killed_ingest_loses_nothing_it_reported(tmp_path):
    corpus = tmp_path / "synthetic.jsonl"
    records = make_corpus(corpus)
    db = str(tmp_path / "killed.db")

    process = run_ingest(corpus, db)
    reported = []
    for line in process.stdout:
        event = json.loads(line)
        if event.get("status") == "added":
            reported.append(event["key"])
        if len(reported) >= 300:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it was killed"

    with Library.open(db) as lib:
        stored = lib.stats()["documents"]
        assert len(reported) <= stored < DOCUMENTS
        for key in reported:
            doc = lib.document(key)
            expected = segment(records[key]["text"], title=records[key]["title"])
            assert [p["text"] for p in doc["passages"]] == [p.text for p in expected.passages]
        for row in lib.documents(limit=DOCUMENTS):
            key = row["key"]
            doc = lib.document(key)
            expected = segment(records[key]["text"], title=records[key]["title"])
            assert len(doc["passages"]) == len(expected.passages), f"{key} is half-stored"
        for key in reported[:: max(1, len(reported) // 40)]:
            number = int(key.split("-")[1])
            hits = lib.search(word(number), limit=20).hits
            assert hits and {h.title for h in hits} == {f"Synthetic report {number}"}

    again = run_ingest(corpus, db)
    out, _ = again.communicate(timeout=300)
    assert again.returncode == 0
    summary = json.loads(out.splitlines()[-1])["summary"]
    assert summary["unchanged"] == stored
    assert summary["added"] == DOCUMENTS - stored
    with Library.open(db) as lib:
        assert lib.stats()["documents"] == DOCUMENTS
        last = DOCUMENTS - 1
        assert lib.search(word(last)).hits[0].title == f"Synthetic report {last}"
        numbers = [r["annex"] for c in COUNTRIES for r in lib.annexes(c)]
        assert len(numbers) == DOCUMENTS
        for c in COUNTRIES:
            annexes = [r["annex"] for r in lib.annexes(c)]
            assert annexes == sorted(set(annexes)), "duplicate annex numbers"
