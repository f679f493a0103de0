"""Input built to crash or stall ``baggrund ingest``: gzip bombs, endless lines, flipped bytes.
Each bad file is rejected within seconds with one line naming the file (and line), the records
before the bad point are kept, and the other files named are ingested."""

from __future__ import annotations

import gzip
import json
import random
import time
import zlib
from pathlib import Path

import pytest

from baggrund.library import Library
from baggrund.reader import read_paths

from .conftest import CORPUS, needs_corpus
from .test_bad_input import added_keys, events_for, ingest, jsonl_text, record, write

MiB = 1 << 20


def varied_records(n: int, prefix: str = "g") -> list[dict]:
    """Records whose text does not compress to nothing, so that a gzip of them has a body in
    which a flipped byte lands in compressed data."""
    rng = random.Random(7)
    words = "police detained journalists courts lawyers prison border protest family".split()
    return [
        record(f"{prefix}{i:03}", text=" ".join(rng.choice(words) for _ in range(300)))
        for i in range(n)
    ]


@pytest.fixture
def other(tmp_path) -> Path:
    """A good file named after the bad one: it must still be ingested."""
    return write(tmp_path / "other.jsonl", jsonl_text(record("other")))


def rejections(events, path: Path) -> list[dict]:
    found = events_for(events, path, "rejected")
    for event in found:
        assert "\n" not in event["message"] and event["message"].strip()
    return found


def timed_ingest(cli, *paths, seconds: float, **kw):
    start = time.monotonic()
    result = ingest(cli, *paths, **kw)
    elapsed = time.monotonic() - start
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    return result


# -- gzip: decompressed size and line length ----------------------------------------------------


def test_gzip_bomb_of_newlines_is_rejected_within_seconds(cli, tmp_path, other):
    # 2 GiB of newlines in 2 MB: 2,048 gzip members of 1 MiB each (gzip allows concatenation)
    member = gzip.compress(b"\n" * MiB, compresslevel=9)
    bomb = write(tmp_path / "bomb.jsonl.gz", member * 2048)
    assert bomb.stat().st_size < 3 * MiB

    events, summary = timed_ingest(cli, bomb, other, seconds=30, expect=1)

    [rejection] = rejections(events, bomb)
    assert "decompresses to more than 536,870,912 bytes" in rejection["message"]
    assert "--max-size" in rejection["message"]
    assert added_keys(events) == {"other"} and summary["added"] == 1


def test_decompressed_size_counts_against_max_size(cli, tmp_path, other):
    data = gzip.compress(jsonl_text(*varied_records(40)).encode())
    path = write(tmp_path / "in.jsonl.gz", data)
    options = ("--max-size", str(len(data) * 2))  # the file is below, its content above

    events, summary = ingest(cli, path, other, expect=1, options=options)

    [rejection] = rejections(events, path)
    assert f"decompresses to more than {len(data) * 2:,} bytes" in rejection["message"]
    assert added_keys(events) == {"other"}


def test_a_line_too_long_is_rejected_and_the_lines_after_it_are_read(cli, tmp_path, other):
    # one 100 MB line (100 KB of gzip), then a good record
    huge = b'{"id": "huge", "text": "' + b"a" * (100 * MiB) + b'"}\n'
    data = gzip.compress(huge, compresslevel=9) + gzip.compress(
        jsonl_text(record("after")).encode()
    )
    path = write(tmp_path / "long.jsonl.gz", data)

    events, summary = timed_ingest(cli, path, other, seconds=30, expect=1)

    [rejection] = rejections(events, path)
    assert rejection["line"] == 1
    assert "line longer than the limit of 33,554,432 bytes" in rejection["message"]
    assert added_keys(events) == {"after", "other"}


def test_a_board_file_too_long_for_one_document_is_rejected(cli, tmp_path, other):
    from .test_bad_input import board_text

    path = write(tmp_path / "long.txt", board_text(body="Words of the report. " * (2 * MiB)))
    events, _ = ingest(cli, path, other, expect=1)
    [rejection] = rejections(events, path)
    assert "above the limit of 33,554,432 bytes for one document" in rejection["message"]
    assert added_keys(events) == {"other"}


# -- gzip: damaged files ------------------------------------------------------------------------


def flip_where_zlib_fails(data: bytes, start: int) -> bytes:
    """``data`` with one byte flipped at the first place from ``start`` where gzip reports
    broken compressed data (rather than a wrong checksum at the end)."""
    for pos in range(start, len(data) - 8):
        broken = bytearray(data)
        broken[pos] ^= 0x55
        try:
            gzip.decompress(bytes(broken))
        except zlib.error:
            return bytes(broken)
        except Exception:
            continue
    raise AssertionError("no such place")


def test_flipped_byte_keeps_the_lines_before_it_and_goes_on(cli, db, tmp_path, other):
    records = varied_records(200)
    data = gzip.compress(jsonl_text(*records).encode())
    path = write(tmp_path / "flipped.jsonl.gz", flip_where_zlib_fails(data, len(data) // 2))

    events, summary = timed_ingest(cli, path, other, seconds=30, expect=1)

    [rejection] = rejections(events, path)
    kept = [r["id"] for r in records if r["id"] in added_keys(events)]
    assert 0 < len(kept) < len(records) and kept == [r["id"] for r in records[: len(kept)]]
    assert rejection["message"].startswith(f"corrupt gzip data after line {len(kept)}")
    assert rejection["line"] == len(kept) + 1
    assert "other" in added_keys(events)
    with Library.open(db) as lib:
        assert lib.stats()["documents"] == len(kept) + 1


def test_flipped_byte_at_the_start_says_so(cli, tmp_path, other):
    data = gzip.compress(jsonl_text(*varied_records(20)).encode())
    path = write(tmp_path / "flipped.jsonl.gz", flip_where_zlib_fails(data, 10))

    events, summary = ingest(cli, path, other, expect=1)

    [rejection] = rejections(events, path)
    assert rejection["message"].startswith("corrupt gzip data at the start")
    assert added_keys(events) == {"other"}


def test_checksum_mismatch_stores_nothing_from_the_file(cli, tmp_path, other):
    """A flipped byte that decodes without error but to other text: only the checksum at the
    end shows it, so no record of the file can be trusted."""
    records = varied_records(50)
    data = bytearray(gzip.compress(jsonl_text(*records).encode()))
    data[-5] ^= 0x01  # the stored CRC-32 itself
    path = write(tmp_path / "crc.jsonl.gz", bytes(data))

    events, summary = ingest(cli, path, other, expect=1)

    [rejection] = rejections(events, path)
    assert "checksum" in rejection["message"] and "nothing" in rejection["message"]
    assert added_keys(events) == {"other"}


def test_truncated_gzip_names_the_last_line_read(cli, tmp_path, other):
    data = gzip.compress(jsonl_text(*varied_records(100)).encode())
    path = write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2])

    events, _ = ingest(cli, path, other, expect=1)

    [rejection] = rejections(events, path)
    kept = len(added_keys(events)) - 1
    assert rejection["message"] == f"truncated gzip file: cannot read past line {kept}"


def test_plain_json_lines_are_still_read_line_by_line(cli, tmp_path):
    lines = jsonl_text(record("a"), "", "   ", record("b"), "{broken", record("c")).encode()
    path = write(tmp_path / "in.jsonl", b"\n\n" + lines.replace(b"\n", b"\r\n", 1))
    events, summary = ingest(cli, path, expect=1)
    [rejection] = rejections(events, path)
    assert rejection["line"] == 7 and "broken JSON" in rejection["message"]
    assert {e["line"] for e in events if e["status"] == "added"} == {3, 6, 8}


@needs_corpus()
def test_the_corpus_gzip_reads_as_fast_as_before():
    """The limits cost little: reading 120 MB of JSON Lines stays a few seconds."""
    start = time.monotonic()
    records = sum(1 for item in read_paths([CORPUS]) if not hasattr(item, "message"))
    assert records == 1748
    assert time.monotonic() - start < 30


def test_the_library_passes_its_limits_to_the_readers(tmp_path, library):
    """Limits given to Library.ingest reach the readers: a line above the record limit is
    skipped with a message, the others are stored."""
    from baggrund.limits import Limits

    path = tmp_path / "two.jsonl"
    small = {"id": "S-1", "country": "Iran", "source": "X", "title": "Small", "text": "Short."}
    large = {"id": "S-2", "country": "Iran", "source": "X", "title": "Large", "text": "w " * 5000}
    path.write_text(json.dumps(large) + "\n" + json.dumps(small) + "\n", encoding="utf-8")
    summary = library.ingest([path], limits=Limits(max_record_bytes=4096))
    assert summary.added == 1
    assert len(summary.rejected) == 1 and summary.rejected[0].line == 1
