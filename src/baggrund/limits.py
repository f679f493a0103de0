"""Limits on what ingest reads from one file, so that a damaged or hostile file is rejected
within seconds instead of exhausting memory or running for minutes."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits", "DEFAULT_MAX_BYTES", "MAX_RECORD_BYTES"]

MiB = 1 << 20
DEFAULT_MAX_BYTES = 512 * MiB
# One document: a line of JSON Lines, a board text file, the text of a PDF, HTML or Word file.
# The largest report of the shared corpus is 243 KB; a 1,000-page report is a few MB.
MAX_RECORD_BYTES = 32 * MiB


@dataclass(frozen=True)
class Limits:
    """Per-file limits of ingest. Each one exceeded rejects that file (or line) with one line
    that names it, and the rest of the command goes on."""

    # a file on disk; also what a .jsonl.gz decompresses to, and what a .docx unpacks to
    max_bytes: int = DEFAULT_MAX_BYTES
    # one document (a JSON line, a board file, the text extracted from a PDF, HTML or Word file)
    max_record_bytes: int = MAX_RECORD_BYTES
    # reading a PDF, HTML or Word file (in a child process that is killed when it overruns)
    rich_seconds: float = 120.0
    # one page of a PDF
    page_seconds: float = 15.0
    # the address space of that child process
    rich_memory: int = 2048 * MiB
    # the decoded content streams of one PDF page
    page_content_bytes: int = 32 * MiB
