"""Annex numbers and document identity, through the library."""

import json

from baggrund.library import Library


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def report(i, country="Eritrea", text=None, **extra):
    return {
        "title": f"Report {i}",
        "country": country,
        "source": "Human Rights Watch",
        "text": text or f"## Summary\n\nParagraph one of report {i}.\n\nParagraph two.",
        **extra,
    }


def test_numbers_follow_the_highest_ever_used_and_are_never_reused(tmp_path, library):
    first = write_jsonl(tmp_path / "a.jsonl", [report(1), report(2), report(3, annex=40)])
    assert library.ingest([first]).added == 3
    assert [r["annex"] for r in library.annexes("ERI")] == [1, 2, 40]
    second = write_jsonl(tmp_path / "b.jsonl", [report(4), report(5, country="Syrien")])
    library.ingest([second])
    assert [r["annex"] for r in library.annexes("Eritrea")] == [1, 2, 40, 41]
    assert [r["annex"] for r in library.annexes("SYR")] == [1]


def test_document_without_identity_is_unchanged_when_ingested_again(tmp_path, library):
    path = write_jsonl(tmp_path / "a.jsonl", [report(1)])
    library.ingest([path])
    again = library.ingest([path])
    assert (again.added, again.unchanged) == (0, 1)
    assert len(library.annexes("ERI")) == 1


def test_update_in_place_keeps_number_and_records_history(tmp_path, library):
    path = write_jsonl(tmp_path / "a.jsonl", [report(1, id="HRW-1"), report(2, id="HRW-2")])
    library.ingest([path])
    changed = report(1, id="HRW-1", text="## Summary\n\nA rewritten paragraph about exit visas.")
    summary = library.ingest([write_jsonl(tmp_path / "b.jsonl", [changed])])
    assert (summary.updated, summary.added) == (1, 0)
    doc = library.document("HRW-1")
    assert doc["annex"] == 1 and doc["updated"] and len(doc["history"]) == 1
    assert [p["text"] for p in doc["passages"]] == ["A rewritten paragraph about exit visas."]
    assert library.search("exit visas").hits[0].anchor == "ERI-1/summary/1"
    assert not library.search('"Paragraph one of report 1"').hits


def test_conflicting_claim_on_a_number_changes_nothing(tmp_path, library):
    library.ingest([write_jsonl(tmp_path / "a.jsonl", [report(1, annex=7)])])
    before = library.document("ERI-7")
    clash = dict(report(9, annex=7), title="Something else entirely")
    summary = library.ingest([write_jsonl(tmp_path / "b.jsonl", [clash])])
    assert len(summary.rejected) == 1 and "already taken" in summary.rejected[0].message
    after = library.document("ERI-7")
    assert after["title"] == before["title"] and after["passages"] == before["passages"]


def test_store_survives_reopening(tmp_path, db):
    with Library.open(db) as lib:
        lib.ingest([write_jsonl(tmp_path / "a.jsonl", [report(1)])])
    with Library.open(db) as lib:
        assert lib.search("Paragraph one").hits[0].anchor == "ERI-1/summary/1"
