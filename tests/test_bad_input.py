"""Bad input, end to end through ``baggrund ingest``: every rejected file or line gets one clear
line naming the file (and the line of a JSON Lines file), the rest of the batch goes on, the
exit status says something was rejected, and nothing already stored is lost or half-written.
Also the numbering and identity rules: unchanged, updated, next free annex number, no reuse."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from baggrund.library import Library

# -- building input files ------------------------------------------------------------------------

BODY = (
    "Prison conditions in Türkiye remain harsh, according to several independent monitors.\n\n"
    "Overcrowding is reported in most facilities, and the ombudsman received many complaints.\n"
)


def board_text(
    *,
    annex: str | None = "12",
    land: str | None = "Tyrkiet",
    kilde: str | None = "Amnesty International",
    titel: str | None = "Turkey: Prison conditions",
    udgivet: str | None = "3. marts 2023",
    body: str = BODY,
) -> str:
    """A document in the board's text format; a header field given as None is left out."""
    header = [
        ("Bilagsnr.", annex),
        ("Land", land),
        ("Kilde", kilde),
        ("Titel", titel),
        ("Udgivet", udgivet),
    ]
    lines = [f"{label}:\t{value}" for label, value in header if value is not None]
    return "Flygtningenævnets baggrundsmateriale\n\n" + "\n".join(lines) + "\n\n" + body


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def record(ident: str, **fields) -> dict:
    """A valid JSON Lines record; ``fields`` override or add keys."""
    base = {
        "id": ident,
        "country": "Iran",
        "source": "Amnesty International",
        "title": f"Iran: report {ident}",
        "edition_year": 2023,
        "text": f"Report {ident} describes arrests of protesters in several provinces.\n\n"
        f"Detainees in report {ident} were held without access to a lawyer for weeks.",
    }
    base.update(fields)
    return base


def jsonl_text(*lines: dict | str) -> str:
    """One line per item: a dict as JSON, a string as it is (for broken lines)."""
    return "".join((json.dumps(x) if isinstance(x, dict) else x) + "\n" for x in lines)


# -- running ingest ------------------------------------------------------------------------------


def ingest(cli, *paths, expect: int = 0, options: tuple[str, ...] = ()):
    """Run ``baggrund ingest --json``; returns (events, summary)."""
    lines = cli.json_lines("ingest", *map(str, paths), "--json", *options, expect=expect)
    assert "summary" in lines[-1], lines
    return lines[:-1], lines[-1]["summary"]


def events_for(events: list[dict], path: Path, status: str | None = None) -> list[dict]:
    return [
        e for e in events if e["origin"] == str(path) and (status is None or e["status"] == status)
    ]


def the_rejection(events: list[dict], path: Path) -> dict:
    """The one rejection of ``path``; its message must be a single line."""
    found = events_for(events, path, "rejected")
    assert len(found) == 1, events
    assert "\n" not in found[0]["message"] and found[0]["message"].strip()
    return found[0]


def added_keys(events: list[dict]) -> set[str]:
    return {e["key"] for e in events if e["status"] == "added"}


def snapshot(db: str, key: str, *words: str) -> dict:
    """What a user sees of one stored document: its fields, passages and search hits."""
    with Library.open(db) as lib:
        doc = lib.document(key)
        return {
            "fields": {k: doc[k] for k in ("title", "source", "annex", "published", "updated")},
            "passages": [(p["anchor"], p["text"]) for p in doc["passages"]],
            "history": doc["history"],
            "hits": {w: [(h.anchor, h.text) for h in lib.search(w).hits] for w in words},
            "annexes": lib.annexes(doc["country"]),
        }


@pytest.fixture
def good(tmp_path) -> Path:
    """A valid board document (TUR-12) to ingest beside the bad input."""
    return write(tmp_path / "good" / "tur-12.txt", board_text())


# -- malformed board header ----------------------------------------------------------------------

BAD_HEADERS = {
    "bad line inside the header": (
        "Bilagsnr.:\t12\nLand:\tTyrkiet\nForfatter Jens Hansen\nKilde:\tAmnesty International\n"
        "Titel:\tTurkey: Prison conditions\n\n" + BODY,
        "malformed header line",
        3,
    ),
    "no header at all": (
        "Prison conditions remain harsh in most of the country.\n\n" + BODY,
        "no board header",
        3,
    ),
    "no header, first line has a colon": (
        "Summary: prison conditions remain harsh.\n\n" + BODY,
        "no board header",
        1,
    ),
    "Bilagsnr. not a number": (board_text(annex="12a"), "Bilagsnr. is not a number", None),
    "Bilagsnr. with words": (board_text(annex="bilag 12"), "Bilagsnr. is not a number", None),
    "field given twice": (
        "Bilagsnr.:\t12\nLand:\tTyrkiet\nLand:\tIran\nKilde:\tAmnesty International\n"
        "Titel:\tTurkey: Prison conditions\n\n" + BODY,
        "'Land' given twice",
        3,
    ),
    "no Land": (board_text(land=None), "no Land", None),
    "no Kilde": (board_text(kilde=None), "no Kilde", None),
    "no Titel": (board_text(titel=None), "no Titel", None),
    "empty Titel": (board_text(titel=""), "no Titel", None),
}


@pytest.mark.parametrize("content, fragment, line", BAD_HEADERS.values(), ids=BAD_HEADERS.keys())
def test_malformed_board_header_is_rejected_and_the_batch_goes_on(
    cli, tmp_path, good, content, fragment, line
):
    bad = write(tmp_path / "in" / "bad.txt", content)

    events, summary = ingest(cli, bad, good, expect=1)

    rejection = the_rejection(events, bad)
    assert fragment in rejection["message"]
    assert rejection.get("line") == line
    assert added_keys(events) == {"TUR-12"}
    assert summary["added"] == 1 and len(summary["rejected"]) == 1


# -- unknown country, unreadable dates ------------------------------------------------------------


def test_unknown_country_in_a_board_file_is_rejected(cli, tmp_path, good):
    bad = write(tmp_path / "in" / "atlantis.txt", board_text(land="Atlantis"))
    events, _ = ingest(cli, bad, good, expect=1)
    assert "unknown country 'Atlantis'" in the_rejection(events, bad)["message"]
    assert added_keys(events) == {"TUR-12"}


def test_unknown_country_in_a_json_line_is_rejected_naming_the_line(cli, tmp_path):
    path = write(
        tmp_path / "in.jsonl",
        jsonl_text(record("a"), record("b", country="Narnia"), record("c")),
    )
    events, _ = ingest(cli, path, expect=1)
    rejection = the_rejection(events, path)
    assert rejection["line"] == 2 and "unknown country 'Narnia'" in rejection["message"]
    assert added_keys(events) == {"a", "c"}


@pytest.mark.parametrize("date", ["31. februar 2024", "sometime", "2024-13-45", "32. januar 2024"])
def test_unreadable_date_is_rejected_naming_the_field(cli, tmp_path, good, date):
    bad = write(tmp_path / "in" / "date.txt", board_text(annex="13", udgivet=date))
    events, _ = ingest(cli, bad, good, expect=1)
    message = the_rejection(events, bad)["message"]
    assert message.startswith("published:") and repr(date) in message
    assert added_keys(events) == {"TUR-12"}


def test_unreadable_date_in_a_json_line_is_rejected(cli, tmp_path):
    path = write(
        tmp_path / "in.jsonl",
        jsonl_text(record("a", date_published="sometime"), record("b")),
    )
    events, _ = ingest(cli, path, expect=1)
    rejection = the_rejection(events, path)
    assert rejection["line"] == 1 and "sometime" in rejection["message"]
    assert added_keys(events) == {"b"}


# -- encodings and files that are not documents ---------------------------------------------------


def test_cp1252_board_file_is_read_with_a_warning_and_stored_correctly(cli, db, tmp_path):
    body = (
        "Søgning efter beskyttelse i Türkiye er vanskelig for mange flygtninge.\n\n"
        "Myndighederne i Ankara har øget kontrollen ved grænsen til Syrien.\n"
    )
    title = "Tyrkiet: Forhold for flygtninge i Türkiye"
    path = write(tmp_path / "cp1252.txt", board_text(titel=title, body=body).encode("cp1252"))

    events, summary = ingest(cli, path, expect=0)  # a warning is not a rejection

    [warning] = events_for(events, path, "warning")
    assert "not UTF-8" in warning["message"] and "cp1252" in warning["message"]
    [added] = events_for(events, path, "added")
    assert added["title"] == title
    with Library.open(db) as lib:
        doc = lib.document("TUR-12")
        assert doc["title"] == title
        assert [p["text"] for p in doc["passages"]] == [p.strip() for p in body.split("\n\n")]
        [hit] = lib.search("Ankara").hits
        assert "øget" in hit.text
    assert summary["rejected"] == [] and len(summary["warnings"]) == 1


def test_latin1_line_in_a_jsonl_file_is_read_with_a_warning_naming_the_line(cli, db, tmp_path):
    latin = json.dumps(
        record(
            "b", title="Iran: Kvinders forhold", text="Kvinder i Iran møder forskelsbehandling."
        ),
        ensure_ascii=False,
    ).encode("latin-1")
    data = (json.dumps(record("a")) + "\n").encode() + latin + b"\n"
    path = write(tmp_path / "mixed.jsonl", data)

    events, _ = ingest(cli, path, expect=0)

    [warning] = events_for(events, path, "warning")
    assert warning.get("line") == 2 and "not UTF-8" in warning["message"]
    assert added_keys(events) == {"a", "b"}
    with Library.open(db) as lib:
        doc = lib.document("b")
        assert doc["passages"][0]["text"] == "Kvinder i Iran møder forskelsbehandling."


NOT_DOCUMENTS = {
    "binary file": (
        "scan.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "binary",
    ),
    "empty file": ("empty.txt", b"", "empty file"),
    "whitespace only": ("blank.txt", b"  \n\n\t\r\n   \n", "empty file"),
    "empty jsonl": ("empty.jsonl", b"", "empty file"),
}


@pytest.mark.parametrize(
    "name, content, fragment", NOT_DOCUMENTS.values(), ids=NOT_DOCUMENTS.keys()
)
def test_files_that_are_not_documents_are_rejected(cli, tmp_path, good, name, content, fragment):
    bad = write(tmp_path / "in" / name, content)
    events, _ = ingest(cli, bad, good, expect=1)
    assert fragment in the_rejection(events, bad)["message"]
    assert added_keys(events) == {"TUR-12"}


def test_binary_line_in_a_jsonl_file_is_rejected_naming_the_line(cli, tmp_path):
    data = (
        jsonl_text(record("a")).encode()
        + b"\x00\x01\x02garbage\x00\n"
        + jsonl_text(record("c")).encode()
    )
    path = write(tmp_path / "in.jsonl", data)
    events, _ = ingest(cli, path, expect=1)
    rejection = the_rejection(events, path)
    assert rejection["line"] == 2 and "binary" in rejection["message"]
    assert added_keys(events) == {"a", "c"}


def test_file_above_the_size_limit_is_rejected(cli, tmp_path, good):
    assert good.stat().st_size < 2000
    big_board = write(tmp_path / "in" / "big.txt", board_text(annex="13", body=BODY * 20))
    big_jsonl = write(
        tmp_path / "in" / "big.jsonl", jsonl_text(*(record(str(i)) for i in range(20)))
    )

    events, summary = ingest(
        cli, big_board, big_jsonl, good, expect=1, options=("--max-size", "2000")
    )

    for path in (big_board, big_jsonl):
        message = the_rejection(events, path)["message"]
        assert "above the limit of 2,000" in message
    assert added_keys(events) == {"TUR-12"} and summary["added"] == 1


def test_unsupported_file_named_on_the_command_line_is_rejected(cli, tmp_path, good):
    odt = write(tmp_path / "report.odt", b"PK\x03\x04")
    rtf = write(tmp_path / "report.rtf", b"{\\rtf1 text}")
    events, _ = ingest(cli, odt, rtf, good, expect=1)
    for path in (odt, rtf):
        assert "unsupported format" in the_rejection(events, path)["message"]
    assert added_keys(events) == {"TUR-12"}


def test_unsupported_file_in_a_folder_is_skipped_with_a_warning(cli, tmp_path, good):
    picture = write(good.parent / "map.png", b"\x89PNG\r\n")
    events, summary = ingest(cli, good.parent, expect=0)
    [warning] = events_for(events, picture, "warning")
    assert "not a supported format" in warning["message"]
    assert added_keys(events) == {"TUR-12"} and summary["rejected"] == []


def test_a_folders_readme_is_a_note_listed_once_not_a_warning(cli, tmp_path, good):
    readme = write(good.parent / "README.md", "# Notes about these files\n")
    licence = write(good.parent / "LICENSE", "Public domain\n")
    report = write(good.parent / "readme-not.txt", "not a note: read as a document\n")
    events, summary = ingest(cli, good.parent, expect=1)
    assert [e["status"] for e in events_for(events, readme)] == ["note"]
    assert summary["notes"] == [str(licence), str(readme)] and summary["warnings"] == []
    assert events_for(events, report, "rejected")  # a .txt that is not a note is read
    text = cli("ingest", str(good.parent), expect=1)
    assert f"not read (notes on the folder): {licence}, {readme}" in text.stdout
    assert "warning" not in text.stderr


def test_path_that_does_not_exist_is_rejected(cli, tmp_path, good):
    missing_file, missing_folder = tmp_path / "missing.txt", tmp_path / "no-such-folder"
    events, _ = ingest(cli, missing_file, good, missing_folder, expect=1)
    for path in (missing_file, missing_folder):
        assert "no such file" in the_rejection(events, path)["message"]
    assert added_keys(events) == {"TUR-12"}


# -- broken JSON Lines ---------------------------------------------------------------------------

BROKEN_LINES = {
    "cut off": '{"id": "b", "country": "Iran", "title": ',
    "single quotes": "{'id': 'b', 'country': 'Iran'}",
    "trailing garbage": json.dumps(record("b")) + " trailing",
    "a number too long to read": '{"id": "b", "annex": ' + "9" * 5000 + "}",
}


@pytest.mark.parametrize("broken", BROKEN_LINES.values(), ids=BROKEN_LINES.keys())
def test_broken_json_line_in_the_middle_is_rejected_and_the_others_stored(
    cli, db, tmp_path, broken
):
    path = write(tmp_path / "reports.jsonl", jsonl_text(record("a"), broken, record("c")))

    events, summary = ingest(cli, path, expect=1)

    rejection = the_rejection(events, path)
    assert rejection["line"] == 2
    assert added_keys(events) == {"a", "c"}
    assert summary["added"] == 2
    with Library.open(db) as lib:
        assert lib.stats()["documents"] == 2


@pytest.mark.parametrize("line", ["[1, 2]", '"just a string"', "42", "null", "true"])
def test_json_line_that_is_not_an_object_is_rejected(cli, tmp_path, line):
    path = write(tmp_path / "in.jsonl", jsonl_text(record("a"), line, record("c")))
    events, _ = ingest(cli, path, expect=1)
    rejection = the_rejection(events, path)
    assert rejection["line"] == 2 and "not a JSON object" in rejection["message"]
    assert added_keys(events) == {"a", "c"}


@pytest.mark.parametrize("field", ["text", "country", "title", "source"])
@pytest.mark.parametrize("how", ["absent", "empty", "null"])
def test_json_line_missing_a_required_field_is_rejected(cli, tmp_path, field, how):
    broken = record("b")
    if how == "absent":
        del broken[field]
    else:
        broken[field] = "" if how == "empty" else None
    path = write(tmp_path / "in.jsonl", jsonl_text(record("a"), broken, record("c")))

    events, _ = ingest(cli, path, expect=1)

    rejection = the_rejection(events, path)
    assert rejection["line"] == 2 and f"missing field '{field}'" in rejection["message"]
    assert added_keys(events) == {"a", "c"}


WRONG_TYPES = {
    "edition_year text": ("edition_year", "abc"),
    "edition_year fraction": ("edition_year", 2023.5),
    "edition_year superscript digit": ("edition_year", "²"),
    "annex superscript digit": ("annex", "²"),
    "annex too large": ("annex", 10**20),
    "annex zero": ("annex", 0),
    "annex negative": ("annex", -3),
    "title a number": ("title", 42),
    "text a list": ("text", ["a", "b"]),
    "id an object": ("id", {"x": 1}),
    "date a number": ("date_published", 20240101),
    "text with a lone surrogate": ("text", "Arrests were reported \ud800 in Tehran."),
}


@pytest.mark.parametrize("field, value", WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
def test_json_line_with_a_wrong_type_is_rejected_naming_the_field(cli, tmp_path, field, value):
    path = write(
        tmp_path / "in.jsonl", jsonl_text(record("a"), record("b", **{field: value}), record("c"))
    )

    events, summary = ingest(cli, path, expect=1)

    rejection = the_rejection(events, path)
    assert rejection["line"] == 2
    assert field.split("_")[0] in rejection["message"]
    assert added_keys(events) == {"a", "c"} and summary["added"] == 2


def test_truncated_gzip_file_keeps_the_complete_lines_and_names_the_file(cli, db, tmp_path):
    records = [record(f"g{i:03}", text=f"Paragraph {i} about detention. " * 40) for i in range(200)]
    data = gzip.compress(jsonl_text(*records).encode())
    path = write(tmp_path / "reports.jsonl.gz", data[: len(data) // 2])

    events, summary = ingest(cli, path, expect=1)

    rejection = the_rejection(events, path)
    assert "cannot read" in rejection["message"] and rejection["line"] > 1
    stored = sorted(added_keys(events))
    assert stored == [r["id"] for r in records[: len(stored)]], "a prefix of the file, in order"
    assert 0 < len(stored) < len(records)
    assert len(stored) == rejection["line"] - 1
    with Library.open(db) as lib:
        assert lib.stats()["documents"] == len(stored)
        last = lib.document(stored[-1])
        assert [p["text"] for p in last["passages"]] == [records[len(stored) - 1]["text"].strip()]


def test_gzip_file_that_is_not_gzip_is_rejected(cli, tmp_path, good):
    bad = write(tmp_path / "in" / "fake.jsonl.gz", jsonl_text(record("a")))
    events, _ = ingest(cli, bad, good, expect=1)
    assert "cannot read" in the_rejection(events, bad)["message"]
    assert added_keys(events) == {"TUR-12"}


# -- messages for people -------------------------------------------------------------------------


def test_rejections_are_printed_one_line_each_naming_file_and_line(cli, tmp_path, good):
    header = write(tmp_path / "in" / "header.txt", BAD_HEADERS["bad line inside the header"][0])
    country = write(tmp_path / "in" / "country.txt", board_text(land="Atlantis"))
    lines = write(tmp_path / "in" / "lines.jsonl", jsonl_text(record("a"), "{broken"))

    result = cli("ingest", str(tmp_path / "in"), str(good), expect=1)

    printed = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(printed) == 3, printed
    assert printed[0].startswith(f"rejected: {country}: ") and "Atlantis" in printed[0]
    assert printed[1].startswith(f"rejected: {header}:3: malformed header line")
    assert printed[2].startswith(f"rejected: {lines}:2: broken JSON")
    assert "added: 2" in result.stdout and "rejected: 3" in result.stdout


# -- nothing stored is lost or half-written ------------------------------------------------------


@pytest.fixture
def stored(cli, db, good, tmp_path):
    """TUR-12 (board) and two JSON Lines documents, already in the store."""
    reports = write(tmp_path / "good" / "iran.jsonl", jsonl_text(record("a"), record("b")))
    events, _ = ingest(cli, good, reports)
    assert added_keys(events) == {"TUR-12", "a", "b"}
    return {"TUR-12": snapshot(db, "TUR-12", "ombudsman"), "a": snapshot(db, "a", "lawyer")}


CONFLICTS = {
    "other title": board_text(titel="Turkey: Freedom of the press"),
    "other source": board_text(kilde="Human Rights Watch"),
    "JSON line with an id": jsonl_text(
        record("hrw-7", country="Turkey", annex=12, source="Human Rights Watch", text="Other text.")
    ),
}


@pytest.mark.parametrize("content", CONFLICTS.values(), ids=CONFLICTS.keys())
def test_annex_conflict_is_rejected_and_the_stored_document_is_unchanged(
    cli, db, tmp_path, stored, content
):
    name = "claim.jsonl" if content.startswith("{") else "claim.txt"
    claim = write(tmp_path / "new" / name, content)

    events, summary = ingest(cli, claim, expect=1)

    message = the_rejection(events, claim)["message"]
    assert "TUR-12 is already taken" in message and "Turkey: Prison conditions" in message
    assert summary["added"] == summary["updated"] == 0
    assert snapshot(db, "TUR-12", "ombudsman") == stored["TUR-12"]


def test_annex_conflict_in_a_batch_does_not_stop_the_documents_around_it(cli, db, tmp_path, stored):
    path = write(
        tmp_path / "new.jsonl",
        jsonl_text(
            record("x"),
            record("hrw-7", country="Turkey", annex=12, source="Human Rights Watch"),
            record("y"),
        ),
    )
    events, _ = ingest(cli, path, expect=1)
    assert the_rejection(events, path)["line"] == 2
    assert added_keys(events) == {"x", "y"}
    assert snapshot(db, "TUR-12", "ombudsman") == stored["TUR-12"]


def test_rejected_new_version_leaves_the_stored_version_intact(cli, db, tmp_path, stored):
    new_body = "Conditions improved after the reform, said the ministry of justice.\n"
    bad_board = write(
        tmp_path / "new" / "tur-12.txt", board_text(udgivet="sometime", body=new_body)
    )
    bad_line = write(
        tmp_path / "new" / "iran.jsonl", jsonl_text(record("a", text=new_body, edition_year="abc"))
    )

    events, summary = ingest(cli, bad_board, bad_line, expect=1)

    the_rejection(events, bad_board)
    the_rejection(events, bad_line)
    assert summary["updated"] == 0
    assert snapshot(db, "TUR-12", "ombudsman") == stored["TUR-12"]
    assert snapshot(db, "a", "lawyer") == stored["a"]
    with Library.open(db) as lib:
        assert lib.search("reform ministry").hits == []


def test_a_batch_of_only_bad_input_changes_nothing(cli, db, tmp_path, stored):
    with Library.open(db) as lib:
        before = lib.stats()
    bad = tmp_path / "bad"
    files = [
        write(bad / "header.txt", BAD_HEADERS["field given twice"][0]),
        write(bad / "country.txt", board_text(land="Atlantis")),
        write(bad / "date.txt", board_text(udgivet="31. februar 2024", body="New text.\n")),
        write(bad / "conflict.txt", board_text(titel="Another title")),
        write(bad / "binary.txt", b"\x00\x01\x02\x03"),
        write(bad / "empty.txt", b""),
        write(bad / "lines.jsonl", jsonl_text("{broken", "[]", record("a", text=""))),
    ]

    events, summary = ingest(cli, bad, expect=1)

    assert {e["origin"] for e in events if e["status"] == "rejected"} == set(map(str, files))
    assert len(summary["rejected"]) == 9
    assert summary["added"] == summary["updated"] == summary["unchanged"] == 0
    with Library.open(db) as lib:
        assert lib.stats() == before
    assert snapshot(db, "TUR-12", "ombudsman") == stored["TUR-12"]
    assert snapshot(db, "a", "lawyer") == stored["a"]


# -- identity: unchanged and updated -------------------------------------------------------------


def test_reingesting_identical_documents_reports_unchanged(cli, db, tmp_path, good, stored):
    with Library.open(db) as lib:
        before = lib.stats()

    events, summary = ingest(cli, good, tmp_path / "good" / "iran.jsonl", expect=0)

    assert [e["status"] for e in events] == ["unchanged"] * 3
    assert {e["key"] for e in events} == {"TUR-12", "a", "b"}
    assert summary == {
        "added": 0,
        "updated": 0,
        "unchanged": 3,
        "rejected": [],
        "warnings": [],
        "notes": [],
    }
    with Library.open(db) as lib:
        assert lib.stats() == before
    assert snapshot(db, "TUR-12", "ombudsman") == stored["TUR-12"]


def test_reingesting_an_unnumbered_document_does_not_store_it_twice(cli, db, tmp_path):
    board = write(tmp_path / "unnumbered.txt", board_text(annex=None))
    lines = write(tmp_path / "anonymous.jsonl", jsonl_text(record("x", id=None)))
    first, _ = ingest(cli, board, lines)
    assert [e["status"] for e in first] == ["added", "added"]

    again, summary = ingest(cli, board, lines)

    assert [e["status"] for e in again] == ["unchanged", "unchanged"]
    assert [e["annex"] for e in again] == [e["annex"] for e in first]
    with Library.open(db) as lib:
        assert lib.stats()["documents"] == 2


def test_changed_text_under_the_same_identity_is_an_update(cli, db, tmp_path, good, stored):
    new_body = BODY.replace("ombudsman", "parliamentary commission")
    changed_board = write(tmp_path / "v2" / "tur-12.txt", board_text(body=new_body))
    changed_line = write(
        tmp_path / "v2" / "iran.jsonl",
        jsonl_text(record("a", text="Report a now covers executions in Isfahan.")),
    )
    today = dt.date.today().isoformat()

    events, summary = ingest(cli, changed_board, changed_line, expect=0)

    assert summary["updated"] == 2 and summary["added"] == 0
    [board_event] = events_for(events, changed_board, "updated")
    assert (board_event["key"], board_event["annex"]) == ("TUR-12", 12)
    [line_event] = events_for(events, changed_line, "updated")
    assert line_event["annex"] == stored["a"]["fields"]["annex"]

    shown = json.loads(cli("show", "TUR-12", "--json").stdout)
    assert shown["annex"] == 12 and shown["updated"] == today
    [entry] = shown["history"]
    assert entry["at"] == today and entry["old_checksum"] != entry["new_checksum"]
    assert [p["text"] for p in shown["passages"]] == [p.strip() for p in new_body.split("\n\n")]
    with Library.open(db) as lib:
        assert lib.search("ombudsman").hits == []
        assert [h.document for h in lib.search("parliamentary commission").hits] == ["TUR-12"]
        assert [h.text for h in lib.search("Isfahan").hits] == [
            "Report a now covers executions in Isfahan."
        ]
        assert len(lib.annexes("Tyrkiet")) == 1


# -- numbering -----------------------------------------------------------------------------------


def annex_of(events: list[dict], path: Path) -> int:
    [event] = events_for(events, path, "added")
    return event["annex"]


def test_unnumbered_document_gets_the_next_number_after_the_highest_used(cli, tmp_path):
    def board(name: str, annex: str | None, title: str, land: str = "Tyrkiet") -> Path:
        return write(tmp_path / f"{name}.txt", board_text(annex=annex, titel=title, land=land))

    high = board("high", "5", "Turkey: Annex five")
    low = board("low", "2", "Turkey: Annex two")
    events, _ = ingest(cli, high, low)
    assert (annex_of(events, high), annex_of(events, low)) == (5, 2)

    first = board("first", None, "Turkey: First unnumbered")
    events, _ = ingest(cli, first)
    assert annex_of(events, first) == 6, "after the highest (5), not into the gap (1, 3, 4)"

    second = board("second", None, "Turkey: Second unnumbered")
    other_country = board("iran", None, "Iran: First unnumbered", land="Iran")
    events, _ = ingest(cli, second, other_country)
    assert annex_of(events, second) == 7
    assert annex_of(events, other_country) == 1, "each country is numbered on its own"


def test_annex_numbers_are_never_handed_out_twice(cli, db, tmp_path):
    def board(name: str, annex: str | None, title: str) -> Path:
        return write(tmp_path / f"{name}.txt", board_text(annex=annex, titel=title))

    a = board("a", None, "Turkey: A")
    events, _ = ingest(cli, a)
    assert annex_of(events, a) == 1

    rival = board("rival", "1", "Turkey: Rival claiming 1")
    events, _ = ingest(cli, rival, expect=1)
    assert "already taken" in the_rejection(events, rival)["message"]

    a_again = write(
        tmp_path / "a2.txt", board_text(annex="1", titel="Turkey: A", body="Revised.\n")
    )
    b = board("b", None, "Turkey: B")
    events, _ = ingest(cli, a_again, b)
    assert events_for(events, a_again)[0]["status"] == "updated"
    assert annex_of(events, b) == 2

    many = [board(f"m{i}", None, f"Turkey: M{i}") for i in range(5)]
    events, _ = ingest(cli, *many)
    assert [annex_of(events, p) for p in many] == [3, 4, 5, 6, 7]
    with Library.open(db) as lib:
        rows = lib.annexes("TUR")
    assert [r["annex"] for r in rows] == list(range(1, 8))
    assert [r["title"] for r in rows][:2] == ["Turkey: A", "Turkey: B"]


def test_an_id_shaped_like_an_annex_key_does_not_break_the_batch(cli, db, tmp_path):
    """An external id that reads like a key ("IRN-2") must not collide with the key of a
    numbered document; whatever happens to that line, the others are stored."""
    path = write(
        tmp_path / "keys.jsonl",
        jsonl_text(record("IRN-2"), record("p", id=None), record("q", id=None)),
    )

    result = cli("ingest", str(path), "--json", expect=None)

    assert result.exit_code in (0, 1)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    events = [e for e in lines if "status" in e]
    assert sorted(e.get("line") for e in events) == [1, 2, 3]
    assert [e["status"] for e in events if e["line"] > 1] == ["added", "added"]
    with Library.open(db) as lib:
        assert lib.stats()["documents"] == len([e for e in events if e["status"] == "added"])
        numbered = [e for e in events if e["line"] > 1]
        for event in numbered:  # an anchor names the numbered document, as cited
            doc = lib.document(f"IRN-{event['annex']}")
            assert doc["annex"] == event["annex"] and doc["title"] == event["title"]
