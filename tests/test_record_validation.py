"""Fields that are well-formed JSON but not a document anyone should cite: a blank id, an
edition year of 0 or 3024, NUL characters, a ``javascript:`` address, lone surrogates. Each is
a one-line rejection naming the field (a bad address is dropped with a warning instead), through
``baggrund ingest``, and the other lines go on."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from baggrund.document import Record, prepare
from baggrund.errors import BadDocument
from baggrund.library import Library

from .test_bad_input import added_keys, ingest, record, the_rejection, write

NEXT_YEAR = dt.date.today().year + 1


def ingest_one(cli, tmp_path, expect: int, **fields):
    """Ingest one bad record between two good ones; returns (events, summary, path)."""
    lines = [record("before"), record("bad", **fields), record("after")]
    path = write(tmp_path / "in.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    events, summary = ingest(cli, path, expect=expect)
    return events, summary, path


@pytest.mark.parametrize("ident", ["", " ", "\t \u00a0"])
def test_blank_id_is_rejected(cli, tmp_path, ident):
    events, summary, path = ingest_one(cli, tmp_path, 1, id=ident)
    rejection = the_rejection(events, path)
    assert rejection["line"] == 2 and rejection["message"] == "field 'id' is blank"
    assert added_keys(events) == {"before", "after"}


@pytest.mark.parametrize("year", [0, 1899, NEXT_YEAR + 1, 3024, "3024"])
def test_implausible_edition_year_is_rejected(cli, tmp_path, year):
    events, summary, path = ingest_one(cli, tmp_path, 1, edition_year=year)
    rejection = the_rejection(events, path)
    assert rejection["line"] == 2
    assert rejection["message"] == (
        f"edition_year must be a year from 1900 to {NEXT_YEAR}, not {int(year)}"
    )
    assert added_keys(events) == {"before", "after"}


@pytest.mark.parametrize("year", [1900, NEXT_YEAR])
def test_edition_years_at_the_edges_are_accepted(cli, tmp_path, year):
    events, summary, _ = ingest_one(cli, tmp_path, 0, edition_year=year)
    assert added_keys(events) == {"before", "bad", "after"}


@pytest.mark.parametrize(
    "field, json_name",
    [
        ("title", "title"),
        ("id", "id"),
        ("source", "source"),
        ("text", "text"),
        ("series", "series"),
        ("country", "country"),
    ],  # fmt: skip
)
def test_nul_character_is_rejected_naming_the_field(cli, tmp_path, field, json_name):
    value = {"id": "ba\x00d", "country": "Iran\x00"}.get(field, f"Some {field}\x00 here")
    events, summary, path = ingest_one(cli, tmp_path, 1, **{field: value})
    rejection = the_rejection(events, path)
    assert rejection["line"] == 2
    assert rejection["message"].startswith(f"field '{json_name}' contains a NUL character")
    assert added_keys(events) == {"before", "after"}


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        " JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "cote-divoire_files/a.html",
        "https://",
        "https://exa mple.org/",
    ],  # fmt: skip
)
def test_url_that_is_not_a_web_address_is_dropped_with_a_warning(cli, db, tmp_path, url):
    events, summary, path = ingest_one(cli, tmp_path, 0, url=url)
    assert added_keys(events) == {"before", "bad", "after"}
    [warning] = [e for e in events if e["status"] == "warning"]
    assert warning["line"] == 2
    assert warning["message"].startswith("field 'url' is not an http:// or https:// address")
    assert warning["message"].endswith("not stored")
    with Library.open(db) as lib:
        assert lib.document("bad")["url"] is None


def test_web_address_is_kept(cli, db, tmp_path):
    events, summary, _ = ingest_one(cli, tmp_path, 0, url="HTTPS://www.example.org/r?id=1")
    assert not summary["warnings"]
    with Library.open(db) as lib:
        assert lib.document("bad")["url"] == "HTTPS://www.example.org/r?id=1"


@pytest.mark.parametrize("field", ["title", "text", "series", "url", "id"])
def test_lone_surrogate_is_rejected_naming_the_field(cli, tmp_path, field):
    line = json.dumps(record("bad", **{field: "broken \ud800 here"}))
    assert "\\ud800" in line
    path = write(tmp_path / "in.jsonl", line + "\n" + json.dumps(record("after")) + "\n")
    events, summary = ingest(cli, path, expect=1)
    rejection = the_rejection(events, path)
    assert rejection["message"].startswith(f"field '{field}' has an invalid character")
    assert added_keys(events) == {"after"}


def test_a_sidecar_with_a_bad_year_rejects_its_file(cli, tmp_path):
    from .format_files import require_formats, sidecar, write_pdf

    require_formats()
    pdf = write_pdf(tmp_path / "report.pdf")
    sidecar(pdf, edition_year=3024)
    events, summary = ingest(cli, pdf, expect=1)
    assert the_rejection(events, pdf)["message"].startswith("edition_year must be a year from")


# -- documents built by a program, through the library -------------------------------------------


def good_record(**fields) -> Record:
    base = dict(origin="api", title="Iran: report", country="Iran", source="Amnesty",
                text="Detainees were held without access to a lawyer for weeks.")  # fmt: skip
    return Record(**{**base, **fields})


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"external_id": "  "}, "field 'id' is blank"),
        ({"edition_year": 3024}, f"edition_year must be a year from 1900 to {NEXT_YEAR}, not 3024"),
        ({"title": "Iran\x00"}, "field 'title' contains a NUL character"),
        ({"collection": "\x00"}, "field 'collection' contains a NUL character"),
        ({"text": "lone \udc80 surrogate"}, "field 'text' has an invalid character"),
        ({"url": "javascript:alert(1)"}, "field 'url' is not an http:// or https:// address"),
    ],
)
def test_prepare_rejects_what_the_readers_reject(fields, message):
    with pytest.raises(BadDocument) as caught:
        prepare(good_record(**fields))
    assert str(caught.value).startswith(message)
