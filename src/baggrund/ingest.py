"""Ingest: files in, documents normalised, numbered and stored, with a summary of what
happened to each. A document is stored whole or not at all; documents are committed in
batches, and each is reported only once its batch is durable."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from .document import Document, Record, prepare
from .errors import BaggrundError
from .reader import DEFAULT_MAX_BYTES, Problem, iter_files, read_paths
from .store import SaveOutcome, Store

__all__ = ["IngestEvent", "IngestSummary", "ingest", "total_bytes"]

BATCH_DOCUMENTS = 200
BATCH_CHARACTERS = 8_000_000


@dataclass(frozen=True)
class IngestEvent:
    """One document's fate, or a warning. ``status``: added, updated, unchanged, rejected,
    warning."""

    status: str
    origin: str
    line: int | None = None
    key: str | None = None
    annex: int | None = None
    country: str | None = None
    title: str | None = None
    message: str | None = None

    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line else self.origin

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class IngestSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[IngestEvent] = field(default_factory=list)
    warnings: list[IngestEvent] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def to_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [e.to_dict() for e in self.rejected],
            "warnings": [e.to_dict() for e in self.warnings],
        }


def total_bytes(paths: list[str | os.PathLike]) -> int:
    """The size of every file that ingest would read, for a progress bar."""
    total = 0
    for item in iter_files(paths):
        if not isinstance(item, Problem):
            with contextlib.suppress(OSError):
                total += item.stat().st_size
    return total


def _event(outcome: SaveOutcome) -> IngestEvent:
    doc: Document = outcome.document
    r = doc.record
    return IngestEvent(
        outcome.status,
        r.origin,
        r.line,
        key=outcome.key,
        annex=outcome.annex,
        country=doc.country.code,
        title=doc.title,
        message=str(outcome.error) if outcome.error else None,
    )


def ingest(
    store: Store,
    paths: list[str | os.PathLike],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: dt.date | None = None,
    on_event: Callable[[IngestEvent], None] = lambda e: None,
    on_progress: Callable[[int], None] = lambda n: None,
) -> IngestSummary:
    """Read, normalise and store every document under ``paths``. Bad files and records are
    rejected one by one, with file, line and reason; the rest of the batch goes on."""
    today = today or dt.date.today()
    summary = IngestSummary()

    def record(event: IngestEvent) -> None:
        if event.status == "rejected":
            summary.rejected.append(event)
        elif event.status == "warning":
            summary.warnings.append(event)
        else:
            setattr(summary, event.status, getattr(summary, event.status) + 1)
        on_event(event)

    def warn(problem: Problem) -> None:
        record(IngestEvent("warning", problem.origin, problem.line, message=problem.message))

    batch: list[Document] = []
    size = 0
    # A store on a server saves a batch in a thread while the next one is read and prepared
    # (at most one batch in flight, so outcomes are reported in order).
    background = ThreadPoolExecutor(1) if store.saves_concurrently else None
    pending: Future | None = None

    def settle() -> None:
        nonlocal pending
        if pending is not None:
            outcomes, pending = pending.result(), None
            for outcome in outcomes:
                record(_event(outcome))

    def flush() -> None:
        nonlocal batch, size, pending
        if batch:
            settle()
            if background is None:
                for outcome in store.save(batch, today):
                    record(_event(outcome))
            else:
                pending = background.submit(store.save, batch, today)
        batch, size = [], 0

    with store.loading():
        try:
            for item in read_paths(paths, max_bytes=max_bytes, report=on_progress, warn=warn):
                if isinstance(item, Problem):
                    record(IngestEvent("rejected", item.origin, item.line, message=item.message))
                    continue
                try:
                    doc = prepare(item)
                except BaggrundError as exc:
                    record(_rejected(item, str(exc)))
                    continue
                batch.append(doc)
                size += len(item.text)
                if len(batch) >= BATCH_DOCUMENTS or size >= BATCH_CHARACTERS:
                    flush()
            flush()
            settle()
        finally:
            if background is not None:
                background.shutdown(wait=True)  # a batch in flight ends before ingest returns
    return summary


def _rejected(record: Record, message: str) -> IngestEvent:
    return IngestEvent("rejected", record.origin, record.line, title=record.title, message=message)
