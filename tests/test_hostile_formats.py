"""PDF, HTML and Word files built to stall or exhaust ``baggrund ingest``: each is rejected
within seconds with one line naming the file, and the other files named are ingested; the
reading child process is safe from a thread and does not outlive its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from baggrund.limits import Limits
from baggrund.reader import Problem, read_paths

from .format_files import CLUTTER_HTML, require_formats, sidecar, write_docx, write_pdf
from .hostile_files import (
    deflate,
    huge_stream_pdf,
    no_catalogue_pdf,
    one_page_pdf,
    slow_operators_pdf,
    slow_page_pdf,
    zip_bomb_docx,
)
from .test_bad_input import added_keys, events_for, ingest, jsonl_text, record, write

require_formats()

MiB = 1 << 20
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def other(tmp_path) -> Path:
    return write(tmp_path / "other.jsonl", jsonl_text(record("other")))


def rejection(events, path: Path) -> str:
    [event] = events_for(events, path, "rejected")
    assert "\n" not in event["message"]
    return event["message"]


def timed(seconds: float, run):
    start = time.monotonic()
    result = run()
    elapsed = time.monotonic() - start
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    return result


def problems(paths, limits: Limits) -> dict[str, str]:
    out = {}
    for item in read_paths(paths, limits=limits):
        assert isinstance(item, Problem), item
        out[Path(item.origin).name] = item.message
    return out


def test_pdf_with_a_huge_stream_is_rejected_within_seconds(cli, tmp_path, other):
    bomb = huge_stream_pdf(tmp_path / "bomb.pdf", mib=200)
    assert bomb.stat().st_size < 400_000
    sidecar(bomb)
    good = sidecar(write_pdf(tmp_path / "good.pdf"), id="good").with_suffix(".pdf")

    events, summary = timed(30, lambda: ingest(cli, bomb, good, other, expect=1))

    message = rejection(events, bomb)
    assert "content of page 1 decodes to more than 33,554,432 bytes" in message
    assert added_keys(events) == {"good", "other"}


def test_zip_bomb_docx_is_rejected_within_seconds(cli, tmp_path, other):
    bomb = zip_bomb_docx(write_docx(tmp_path / "good.docx"), tmp_path / "bomb.docx", mib=600)
    assert bomb.stat().st_size < 4 * MiB
    sidecar(bomb)

    events, summary = timed(30, lambda: ingest(cli, bomb, other, expect=1))

    assert "Word file that unpacks to 629,9" in rejection(events, bomb)
    assert "above the limit of 536,870,912 (--max-size)" in rejection(events, bomb)
    assert added_keys(events) == {"other"}


def test_page_that_takes_too_long_is_rejected_naming_the_page(tmp_path):
    slow = slow_page_pdf(tmp_path / "slow.pdf")
    sidecar(slow)
    limits = Limits(page_seconds=2)
    found = timed(20, lambda: problems([slow], limits))
    assert found == {
        "slow.pdf": "reading page 1 took longer than 2 s, the limit for one page; not ingested"
    }


def test_file_that_takes_too_long_is_rejected_and_the_next_one_read(tmp_path):
    slow = slow_operators_pdf(tmp_path / "a-slow.pdf", mib=4)
    good = write_pdf(tmp_path / "b-good.pdf")
    for path in (slow, good):
        sidecar(path, id=path.stem)
    limits = Limits(rich_seconds=3, page_seconds=60)

    items = timed(30, lambda: list(read_paths([tmp_path], limits=limits)))

    [problem] = [i for i in items if isinstance(i, Problem)]
    assert str(problem) == (
        f"{slow}: reading took longer than 3 s, the limit for one file; not ingested"
    )
    assert [r.external_id for r in items if not isinstance(r, Problem)] == ["b-good"]


def test_file_that_needs_too_much_memory_is_rejected_and_the_next_one_read(tmp_path):
    # a stream that inflates to 512 MiB in one call: the child's address space is 300 MiB
    bomb = tmp_path / "a-bomb.pdf"
    bomb.write_bytes(one_page_pdf(deflate(None, repeat=b"\0" * MiB, times=512, level=1)))
    good = write_pdf(tmp_path / "b-good.pdf")
    for path in (bomb, good):
        sidecar(path, id=path.stem)
    limits = Limits(rich_memory=300 * MiB)

    items = timed(30, lambda: list(read_paths([tmp_path], limits=limits)))

    [problem] = [i for i in items if isinstance(i, Problem)]
    assert problem.message == (
        "reading needs more than 300 MiB of memory, the limit for one file; not ingested"
    )
    assert [r.external_id for r in items if not isinstance(r, Problem)] == ["b-good"]


def test_limits_hold_when_ingest_runs_in_a_thread_of_a_server(tmp_path):
    """POST /api/v1/ingest runs ingest in a worker thread of the web server: the child process
    and its timer work there too (a timer cannot be set from a thread in process)."""
    slow = slow_page_pdf(tmp_path / "slow.pdf")
    sidecar(slow)
    found: dict = {}
    thread = threading.Thread(target=lambda: found.update(problems([slow], Limits(page_seconds=2))))
    timed(20, lambda: (thread.start(), thread.join()))
    assert "took longer than 2 s" in found["slow.pdf"]


def test_the_reading_process_ends_when_ingest_is_killed(tmp_path):
    slow = slow_page_pdf(tmp_path / "slow.pdf")
    sidecar(slow)
    script = textwrap.dedent(
        f"""
        from baggrund.reader import read_paths
        print(list(read_paths([{str(slow)!r}])))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    parent = subprocess.Popen([sys.executable, "-c", script], env=env)
    try:
        child = None
        deadline = time.monotonic() + 20
        while child is None and time.monotonic() < deadline:
            time.sleep(0.2)
            child = next(iter(_children(parent.pid)), None)
        assert child is not None, "no reading process started"
        time.sleep(1.0)  # in the middle of the slow page
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 2
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), "the reading process outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# -- clear messages -----------------------------------------------------------------------------


def test_pdf_without_a_catalogue_says_so(cli, tmp_path):
    path = no_catalogue_pdf(tmp_path / "broken.pdf")
    sidecar(path)
    events, _ = ingest(cli, path, expect=1)
    assert rejection(events, path) == "not a readable PDF (no document catalogue)"


def test_word_file_with_damaged_xml_says_so(cli, tmp_path, other):
    from .fuzz_cases import _rezip

    good = write_docx(tmp_path / "good.docx").read_bytes()
    path = write(
        tmp_path / "broken.docx", _rezip(good, "word/document.xml", b"<w:document><w:body")
    )
    sidecar(path)
    events, _ = ingest(cli, path, other, expect=1)
    message = rejection(events, path)
    assert message.startswith("not a readable Word (.docx) file (its XML is damaged: "), message
    assert added_keys(events) == {"other"}


@pytest.mark.parametrize(
    "content",
    [b"<html><body>" + b"<div>" * 100_000 + b"deep</div></body></html>", b"\x00\xff" * 1000],
    ids=["nested", "binary"],
)
def test_unreadable_html_is_one_line(cli, tmp_path, content, other):
    path = write(tmp_path / "page.html", content)
    sidecar(path)
    events, _ = ingest(cli, path, other, expect=1)
    message = rejection(events, path)
    assert message.startswith(("not readable HTML", "HTML page without main text")), message
    assert added_keys(events) == {"other"}


def test_html_is_read_through_the_child(db, tmp_path):
    page = write(tmp_path / "page.html", CLUTTER_HTML)
    sidecar(page, id="usdos", title="Azerbaijan 2024")
    items = list(read_paths([page]))
    assert [type(i).__name__ for i in items] == ["Record"]
    assert "Section 1. Respect for the Integrity of the Person" in items[0].text


def test_without_a_python_to_start_files_are_read_in_process(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python"))
    page = write(tmp_path / "page.html", CLUTTER_HTML)
    sidecar(page)
    items = list(read_paths([page]))
    assert [type(i).__name__ for i in items] == ["Record"]
    assert "without time and memory limits" in caplog.text
