"""`baggrund copy`: a whole library into a new store, verified."""

import json

from click.testing import CliRunner

from baggrund.cli import main
from baggrund.library import Library
from baggrund.store import open_store
from baggrund.transfer import compare_libraries, copy_library

from .conftest import SAMPLES


def test_copy_keeps_numbers_anchors_dates_and_history(tmp_path):
    source = str(tmp_path / "source.db")
    with Library.open(source) as lib:
        lib.ingest([SAMPLES])
        edited = tmp_path / "edited.jsonl"
        record = {"id": "X-1", "title": "Note", "country": "Eritrea", "source": "UNHCR",
                  "text": "## A\n\nFirst version.", "annex": 50}  # fmt: skip
        edited.write_text(json.dumps(record) + "\n")
        lib.ingest([edited])
        record["text"] = "## A\n\nSecond version about exit visas."
        edited.write_text(json.dumps(record) + "\n")
        assert lib.ingest([edited]).updated == 1
    target = str(tmp_path / "target.db")
    result = CliRunner().invoke(main, ["copy", source, target])
    assert result.exit_code == 0, result.output
    assert (
        "copied 8 documents, 0 bundles, 0 facts datasets and 0 fact reviews; verified: identical"
        in (result.stdout)
    )
    with Library.open(source) as a, Library.open(target) as b:
        assert a.annexes("ERI") == b.annexes("ERI")
        doc = b.document("ERI-50")
        assert doc["history"] and doc["updated"] == a.document("ERI-50")["updated"]
        assert [p["anchor"] for p in doc["passages"]] == ["ERI-50/a/1"]
        assert b.search("exit visas").hits[0].anchor == "ERI-50/a/1"
        assert a.search("coercion").hits[0].anchor == b.search("coercion").hits[0].anchor
        new = tmp_path / "new.jsonl"
        new.write_text(json.dumps({**record, "id": "X-2", "annex": None}) + "\n")
        assert b.ingest([new]).added == 1
        assert b.annexes("ERI")[-1]["annex"] == 51  # the counter came along


def test_copy_refuses_a_store_that_is_not_empty(tmp_path):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    for path in (a, b):
        with Library.open(path) as lib:
            lib.ingest([SAMPLES / "aserbajdsjan-367.txt"])
    result = CliRunner().invoke(main, ["copy", a, b])
    assert result.exit_code == 1 and "not empty" in result.stderr


def test_compare_finds_a_difference(tmp_path):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    with Library.open(a) as lib:
        lib.ingest([SAMPLES / "aserbajdsjan-367.txt"])
    source, target = open_store(a), open_store(b)
    assert copy_library(source, target).ok
    target.db.execute("UPDATE passages SET text = 'tampered' WHERE anchor = 'protection/4'")
    assert compare_libraries(source, target) == ["AZE-367: differs"]
