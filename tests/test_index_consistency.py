"""The search index beside a SQLite file is derived from it and provably in step with it: an
update in place leaves no stale passage behind, a repair never adds without deleting, a crash
between the index commit and anything after it leaves nothing to repair, and ``baggrund db
check`` compares the index with the store (counts, passage ids, content digests, file
checksums) and repairs what it finds."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from baggrund.index import IndexFilters
from baggrund.library import Library
from baggrund.query import parse_query

from .conftest import Cli

OLD = "The zqoldword inquiry was closed.\n\nA second paragraph about detention."
NEW = "The zqnewword inquiry was reopened.\n\nA second paragraph about detention."


def write_doc(path: Path, text: str, *, ident: str = "DOC-1", title: str = "Report") -> Path:
    record = {
        "id": ident,
        "country": "Eritrea",
        "source": "Test Source",
        "title": title,
        "date_published": "2024-01-15",
        "text": text,
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def many_docs(path: Path, n: int = 40) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            paras = [f"Report {i} paragraph {p} on detention and courts." for p in range(5)]
            record = {"id": f"M-{i}", "country": ["Eritrea", "Iran", "Syrien"][i % 3],
                      "source": "Test Source", "title": f"Many {i}",
                      "date_published": "2023-05-01", "text": "\n\n".join(paras)}  # fmt: skip
            fh.write(json.dumps(record) + "\n")
    return path


def test_update_in_place_leaves_no_stale_passage(tmp_path, db):
    with Library.open(db) as lib:
        lib.ingest([write_doc(tmp_path / "a.jsonl", OLD)])
        assert len(lib.search("zqoldword").hits) == 1
        summary = lib.ingest([write_doc(tmp_path / "a.jsonl", NEW)])
        assert summary.updated == 1
        assert lib.search("zqoldword").hits == []
        assert lib.search("zqoldword").total == 0
        [hit] = lib.search("zqnewword").hits
        assert "zqnewword" in hit.text
        assert lib.search("detention").total == 1


def test_a_reader_open_during_the_update_sees_no_stale_passage(tmp_path, db):
    """A second library on the same file (a running ``baggrund serve``) after another process
    updated a document in place."""
    with Library.open(db) as writer, Library.open(db) as reader:
        writer.ingest([write_doc(tmp_path / "a.jsonl", OLD)])
        assert len(reader.search("zqoldword").hits) == 1
        writer.ingest([write_doc(tmp_path / "a.jsonl", NEW)])
        assert reader.search("zqoldword").total == 0
        assert [h.text for h in reader.search("zqnewword").hits] == [NEW.split("\n\n")[0]]


def test_a_reader_sees_a_document_changed_by_another_process(tmp_path, db):
    """A reader that has searched (and so read the document's row) sees a new title and a
    new edition year of the same document after another process saved them, and passages
    of a document added meanwhile."""
    with Library.open(db) as writer, Library.open(db) as reader:
        writer.ingest([write_doc(tmp_path / "a.jsonl", OLD, title="First title")])
        [hit] = reader.search("detention").hits
        assert "First title" in hit.citation
        writer.ingest([write_doc(tmp_path / "a.jsonl", OLD + "\n\nMore.", title="Second title")])
        [hit] = reader.search("detention").hits
        assert "Second title" in hit.citation and "First title" not in hit.citation
        writer.ingest([write_doc(tmp_path / "b.jsonl", "Detention again.", ident="DOC-2")])
        assert reader.search("detention").total == 2


def test_an_index_behind_the_store_is_repaired_by_deleting_first(tmp_path, db):
    """Make the index think it is behind (as after a crash before its commit): opening
    replays the newer documents, replacing rather than adding their passages."""
    with Library.open(db) as lib:
        lib.ingest([many_docs(tmp_path / "m.jsonl")])
        lib.ingest([write_doc(tmp_path / "a.jsonl", OLD)])
        lib.ingest([write_doc(tmp_path / "a.jsonl", NEW)])
        passages = lib.stats()["passages"]
        with lib.store.index.lock():  # the index now claims to hold nothing newer than seq 0
            lib.store.index.write([], 0)
    with Library.open(db) as lib:
        assert lib.store.index.count() == passages
        assert lib.search("zqoldword").total == 0
        assert lib.search("zqnewword").total == 1
        assert lib.search("detention").total == 201
        assert lib.check().ok


def test_db_check_finds_and_repairs_a_stale_passage(tmp_path, db):
    cli = Cli(db)
    cli("ingest", str(many_docs(tmp_path / "m.jsonl")))
    with Library.open(db) as lib:
        # an index entry for a passage the store does not have, made behind the store's back
        ghost = {"id": 77_777, "country": "ERI", "annex": 9, "source": "X", "series": None,
                 "year": 2024, "title": "Ghost", "language": "en", "published": None,
                 "added": None}  # fmt: skip
        passage = {"id": 999_999, "text": "zqghost passage", "heading": "", "ordinal": 0}
        with lib.store.index.lock():
            lib.store.index.write([(ghost, [passage])], lib.stats()["seq"])
        assert lib.search("zqghost").hits == []  # a hit without a stored row is never shown
    result = cli("db", "check", expect=1)
    assert "999999" in result.output or "1 passage" in result.output
    assert "not in the store" in result.output
    report = json.loads(cli("db", "check", "--json", expect=1).stdout)
    assert report["ok"] is False
    assert report["index"]["extra"] == 1
    cli("db", "check", "--repair")
    report = json.loads(cli("db", "check", "--json").stdout)
    assert report["ok"] is True
    assert report["index"]["passages"] == report["store"]["passages"] == 200


def test_db_check_finds_changed_content(tmp_path, db):
    cli = Cli(db)
    cli("ingest", str(many_docs(tmp_path / "m.jsonl")))
    with Library.open(db) as lib:
        pid = lib.store.db.execute("SELECT min(id) FROM passages").fetchone()[0]
        # the store's text changes behind the index's back
        lib.store.db.execute("UPDATE passages SET text = 'zqaltered' WHERE id = ?", (pid,))
    report = json.loads(cli("db", "check", "--json", expect=1).stdout)
    assert report["index"]["changed"] == 1
    cli("db", "check", "--repair")
    cli("db", "check")
    with Library.open(db) as lib:
        assert lib.search("zqaltered").total == 1


def flip(path: Path, offset: int, mask: int) -> None:
    """Flip bits of one byte in place, as a failing disk would: the file keeps its length
    (rewriting it whole would truncate it under another library's memory map: SIGBUS)."""
    with open(path, "r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)[0]
        fh.seek(offset)
        fh.write(bytes([byte ^ mask]))


def test_a_flipped_bit_in_an_index_file_is_found_and_repaired(tmp_path, db):
    cli = Cli(db)
    cli("ingest", str(many_docs(tmp_path / "m.jsonl")))
    with Library.open(db) as lib:
        folder = lib.store.index.generation_folder()
    victim = max(
        (f for f in folder.iterdir() if f.suffix == ".store"), key=lambda f: f.stat().st_size
    )
    flip(victim, victim.stat().st_size // 3, 0x10)
    result = cli("db", "check", expect=1)
    assert "checksum" in result.output and victim.name in result.output
    cli("db", "check", "--repair")
    cli("db", "check")
    with Library.open(db) as lib:
        assert lib.search("detention").total == 200


def test_an_index_folder_replaced_by_a_file_is_rebuilt(tmp_path, db):
    with Library.open(db) as lib:
        lib.ingest([many_docs(tmp_path / "m.jsonl")])
    index = Path(f"{db}.index")
    shutil.rmtree(index)
    index.write_text("not an index")
    with Library.open(db) as lib:
        assert lib.search("detention").total == 200
        assert lib.check().ok


def test_a_foreign_index_is_rebuilt(tmp_path):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    with Library.open(a) as lib:
        lib.ingest([write_doc(tmp_path / "a.jsonl", OLD)])
    with Library.open(b) as lib:
        lib.ingest([many_docs(tmp_path / "m.jsonl")])
    shutil.rmtree(f"{b}.index")
    shutil.copytree(f"{a}.index", f"{b}.index")
    with Library.open(b) as lib:
        assert lib.search("zqoldword").total == 0
        assert lib.search("detention").total == 200
        assert lib.check().ok


CRASH_SCRIPT = """
import sys
import time
from baggrund.library import Library
with Library.open(sys.argv[1]) as lib:
    lib.ingest([sys.argv[2]])
"""


@pytest.mark.parametrize("point", ["store.before_commit", "index.before_commit",
                                   "index.after_commit"])  # fmt: skip
def test_killed_around_the_index_commit_leaves_the_index_in_step(tmp_path, db, point):
    """SIGKILL at each point around the index commit of an update in place: the next open
    brings the index in step, and `db check` finds nothing."""
    with Library.open(db) as lib:
        lib.ingest([many_docs(tmp_path / "m.jsonl")])
        lib.ingest([write_doc(tmp_path / "a.jsonl", OLD)])
    new = write_doc(tmp_path / "b.jsonl", NEW)
    env = {**os.environ, "BAGGRUND_CRASH_AT": point}
    run = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, db, str(new)], env=env,
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == -signal.SIGKILL, run.stderr
    with Library.open(db) as lib:
        report = lib.check()
        assert report.ok, report.findings
        found = lib.search("zqoldword").total, lib.search("zqnewword").total
        # killed before the store's commit: the old text; after it: the new text, only
        assert found == ((1, 0) if point == "store.before_commit" else (0, 1))
        assert lib.search("detention").total == 201


def tied_corpus(path: Path, order: list[int]) -> Path:
    """30 documents with fixed annex numbers whose passages all tie on ``detain*``."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in order:
            paras = [f"Detainees were held in block {p}." for p in range(4)]
            record = {"id": f"T-{i}", "annex": 100 + i, "country": ["Eritrea", "Iran", "Syrien"][i % 3],
                      "source": "Test Source", "title": f"Tied {i}",
                      "date_published": "2023-05-01", "text": "\n\n".join(paras)}  # fmt: skip
            fh.write(json.dumps(record) + "\n")
    return path


def test_two_libraries_with_the_same_content_answer_in_the_same_order(tmp_path):
    """The same documents stored in another order (other segments, other passage ids): every
    page of every query is the same, also where all the scores tie."""
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    with Library.open(a) as lib:
        lib.ingest([tied_corpus(tmp_path / "a.jsonl", list(range(30)))])
    with Library.open(b) as lib:
        for i in reversed(range(30)):  # one document at a time: thirty segments
            lib.ingest([tied_corpus(tmp_path / f"b{i}.jsonl", [i])])
    with Library.open(a) as one, Library.open(b) as other:
        for query in ("detain*", "detainees block", "held", "-zqnothing", '"'):
            for limit, offset in ((5, 0), (5, 5), (10, 3), (50, 0), (200, 0)):
                first = [h.anchor for h in one.search(query, limit=limit, offset=offset).hits]
                second = [h.anchor for h in other.search(query, limit=limit, offset=offset).hits]
                assert first == second, (query, limit, offset)
        # and the pages make up the whole list, each hit once
        whole = [h.anchor for h in one.search("detain*", limit=120).hits]
        paged = [h.anchor for o in range(0, 120, 10)
                 for h in one.search("detain*", limit=10, offset=o).hits]  # fmt: skip
        assert paged == whole and len(set(whole)) == len(whole)
        # a query of no words orders by place alone, as the general path would
        index = one.store.index
        query = index.build_query(parse_query("-zqnothing"), IndexFilters())
        assert index.search(query, 7, 3, alike=True) == index.search(query, 7, 3)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_running_server_sees_no_stale_passage_after_an_update(tmp_path, db):
    """`baggrund serve` in one process, an update in place by `baggrund ingest` in another:
    the server answers the old-only word with nothing and the new word with the new text."""
    import httpx

    Cli(db)("ingest", str(write_doc(tmp_path / "a.jsonl", OLD)))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "baggrund.cli", "serve", "--db", db, "--port", str(port)],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}/api/v1/search"
        for _ in range(200):
            try:
                before = httpx.get(base, params={"q": "zqoldword"}, timeout=5).json()
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert before["total"] == 1
        update = subprocess.run(
            [sys.executable, "-m", "baggrund.cli", "ingest", str(write_doc(tmp_path / "b.jsonl", NEW)),
             "--db", db], capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert update.returncode == 0, update.stderr
        old = httpx.get(base, params={"q": "zqoldword"}, timeout=5).json()
        new = httpx.get(base, params={"q": "zqnewword"}, timeout=5).json()
        assert (old["total"], old["hits"]) == (0, [])
        assert new["total"] == 1 and "zqnewword" in new["hits"][0]["text"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_flipped_bit_is_found_when_the_library_opens(tmp_path, db):
    with Library.open(db) as lib:
        lib.ingest([many_docs(tmp_path / "m.jsonl")])
        folder = lib.store.index.generation_folder()
    victim = max(folder.glob("*.idx"), key=lambda f: f.stat().st_size)
    flip(victim, victim.stat().st_size // 2, 0x01)
    with Library.open(db) as lib:  # rebuilt on opening
        assert lib.store.index.generation_folder() != folder
        assert lib.check().ok
        assert lib.search("detention").total == 200
