"""Ingest: files in, documents normalised, numbered and stored, with a summary of what
happened to each. A document is stored whole or not at all; documents are committed in
batches, and each is reported only once its batch is durable."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace

from . import crashpoint
from .document import Document, Record, prepare
from .errors import BaggrundError
from .fact import passage_facts
from .limits import Limits
from .reader import DEFAULT_MAX_BYTES, Problem, iter_files, read_paths
from .store import SaveOutcome, Store

__all__ = ["IngestEvent", "IngestSummary", "ingest", "total_bytes"]

log = logging.getLogger("baggrund")

BATCH_DOCUMENTS = 200
BATCH_CHARACTERS = 8_000_000
# Extracting facts costs about twice the rest of an ingest. An ingest of this many bytes or
# more extracts them in worker processes while this one reads, prepares and saves.
FACT_WORKERS_FROM_BYTES = 20_000_000


@dataclass(frozen=True)
class IngestEvent:
    """One document's fate, or a warning. ``status``: added, updated, unchanged, rejected,
    warning, note (a folder's README or licence, not read)."""

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
    notes: list[IngestEvent] = field(default_factory=list)  # a folder's README, licence...

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
            "notes": [e.origin for e in self.notes],
        }


def total_bytes(paths: list[str | os.PathLike]) -> int:
    """The size of every file that ingest would read, for a progress bar."""
    total = 0
    for item in iter_files(paths):
        if not isinstance(item, Problem):
            with contextlib.suppress(OSError):
                total += item.stat().st_size
    return total


def _fact_workers(paths: list[str | os.PathLike]) -> ProcessPoolExecutor | None:
    """Worker processes for fact extraction, for a large ingest on a machine with the cores.
    They are forked (where the system can), and at once, before this ingest starts threads of
    its own: "spawn" would run the caller's main script again in each worker."""
    workers = min(2, os.cpu_count() or 1)
    if (
        workers < 2
        or "fork" not in multiprocessing.get_all_start_methods()
        or total_bytes(paths) < FACT_WORKERS_FROM_BYTES
    ):
        return None
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_die_with,
        initargs=(os.getpid(),),
    )
    pool.submit(int).result()  # start them now
    return pool


def _die_with(parent: int) -> None:
    """In a fact worker: exit as soon as the ingest that started it is gone, however it ended
    (a worker left behind would hold the parent's files and sessions). On Linux the kernel
    sends SIGKILL when the parent dies; elsewhere a thread watches the parent."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the kernel was asked
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="baggrund-parent-watch", daemon=True).start()


def _extract(texts, **options) -> list:
    """Fact extraction, as a worker runs it."""
    crashpoint.reached("facts.worker")
    return passage_facts(texts, **options)


def _extract_ahead(pool: ProcessPoolExecutor | None, doc: Document) -> Future | None:
    if pool is None:
        return None
    try:
        return pool.submit(_extract, doc.passage_texts(), series=doc.series,
                           edition_year=doc.edition_year, published=doc.published,
                           language=doc.language)  # fmt: skip
    except BrokenProcessPool:  # a worker died: the store extracts this document's facts
        return None


def _with_facts(doc: Document, extracted: Future | None) -> Document:
    """The document with the facts its worker extracted; as it was (the store extracts them)
    when there was no worker or it failed."""
    if extracted is None:
        return doc
    try:
        return replace(doc, facts=tuple(extracted.result()))
    except Exception as exc:  # a worker that died: extract in this process instead
        log.warning("fact extraction in a worker process failed (%s); extracting here", exc)
        return doc


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
    workers: bool = True,
    limits: Limits | None = None,
) -> IngestSummary:
    """Read, normalise and store every document under ``paths``. Bad files and records are
    rejected one by one, with file, line and reason; the rest of the batch goes on.
    ``workers``: a large ingest may extract facts in forked worker processes (a server that
    runs threads passes False). ``limits``: what one file may cost (:class:`Limits`;
    ``max_bytes`` overrides its size limit)."""
    today = today or dt.date.today()
    summary = IngestSummary()

    def record(event: IngestEvent) -> None:
        if event.status == "rejected":
            summary.rejected.append(event)
        elif event.status == "warning":
            summary.warnings.append(event)
        elif event.status == "note":
            summary.notes.append(event)
        else:
            setattr(summary, event.status, getattr(summary, event.status) + 1)
        on_event(event)

    def warn(problem: Problem) -> None:
        status = "note" if problem.note else "warning"
        record(IngestEvent(status, problem.origin, problem.line, message=problem.message))

    batches = _Batches(store, today, record, _fact_workers(paths) if workers else None)
    with store.loading():
        try:
            for item in read_paths(
                paths, max_bytes=max_bytes, limits=limits, report=on_progress, warn=warn
            ):
                if isinstance(item, Problem):
                    record(IngestEvent("rejected", item.origin, item.line, message=item.message))
                    continue
                try:
                    doc = prepare(item)
                except BaggrundError as exc:
                    record(_rejected(item, str(exc)))
                    continue
                batches.add(doc, len(item.text))
            batches.finish()
        finally:
            batches.close()
    return summary


class _Batches:
    """Documents on their way into the store, in batches committed one at a time. With fact
    workers, a batch waits for its facts while the next one is read (a lag of one batch, so
    that the workers always have work); with a store that saves concurrently, a batch is
    saved in a thread while the next one is read. Outcomes are reported in order, each once
    its batch is durable."""

    def __init__(self, store: Store, today: dt.date, record, workers) -> None:
        self.store, self.today, self.record, self.workers = store, today, record, workers
        self.docs: list[Document] = []
        self.ahead: list[Future | None] = []  # their facts, being extracted
        self.size = 0
        self.waiting: tuple[list[Document], list[Future | None]] | None = None
        self.background = ThreadPoolExecutor(1) if store.saves_concurrently else None
        self.pending: Future | None = None  # a save in the background thread

    def add(self, doc: Document, size: int) -> None:
        self.docs.append(doc)
        self.ahead.append(_extract_ahead(self.workers, doc))
        self.size += size
        if len(self.docs) >= BATCH_DOCUMENTS or self.size >= BATCH_CHARACTERS:
            self._close_batch()

    def _close_batch(self) -> None:
        full = (self.docs, self.ahead) if self.docs else None
        self.docs, self.ahead, self.size = [], [], 0
        if self.workers is None:  # no facts to wait for: save it now
            if full:
                self._save(*full)
            return
        if self.waiting is not None:
            self._save(*self.waiting)
        self.waiting = full

    def finish(self) -> None:
        self._close_batch()
        if self.waiting is not None:
            self._save(*self.waiting)
            self.waiting = None
        self._settle()

    def _save(self, docs: list[Document], ahead: list[Future | None]) -> None:
        docs = [_with_facts(doc, f) for doc, f in zip(docs, ahead, strict=True)]
        self._settle()
        crashpoint.reached("ingest.batch_read")
        if self.background is None:
            for outcome in self.store.save(docs, self.today):
                self.record(_event(outcome))
            crashpoint.reached("ingest.reported")
        else:
            self.pending = self.background.submit(self.store.save, docs, self.today)

    def _settle(self) -> None:
        if self.pending is not None:
            outcomes, self.pending = self.pending.result(), None
            for outcome in outcomes:
                self.record(_event(outcome))
            crashpoint.reached("ingest.reported")

    def close(self) -> None:
        if self.background is not None:
            self.background.shutdown(wait=True)  # a batch in flight ends before ingest returns
        if self.workers is not None:
            self.workers.shutdown(wait=True, cancel_futures=True)


def _rejected(record: Record, message: str) -> IngestEvent:
    return IngestEvent("rejected", record.origin, record.line, title=record.title, message=message)
