"""Named points where a test can kill the process, to prove that a crash there loses nothing.

``BAGGRUND_CRASH_AT=index.after_commit`` makes the process SIGKILL itself the first time it
reaches :func:`reached` ``("index.after_commit")``; ``name:3`` the third time. Unset (always, in
normal use) a point costs one dictionary lookup. The points are listed in
``docs/reliability.md`` and exercised by ``tests/test_index_consistency.py`` and
``bench/crash_matrix.py``."""

from __future__ import annotations

import os
import signal

__all__ = ["reached", "POINTS"]

# Every point the code passes, in the order of one save (see docs/reliability.md).
POINTS = (
    "ingest.batch_read",  # a batch is complete in memory, not yet handed to the store
    "store.before_commit",  # the store's transaction holds the batch, not yet committed
    "store.after_commit",  # the batch is durable in the store, the index not yet written
    "index.before_commit",  # the index writer holds the batch, not yet committed
    "index.after_commit",  # the index commit is durable, the reader not yet reloaded
    "ingest.reported",  # the batch's outcomes have been reported
    "facts.worker",  # a fact worker process is extracting a document's facts
)

_counts: dict[str, int] = {}


def _target() -> tuple[str, int] | None:
    spec = os.environ.get("BAGGRUND_CRASH_AT")
    if not spec:
        return None
    name, _, nth = spec.partition(":")
    return name, int(nth) if nth.isdigit() else 1


def reached(name: str) -> None:
    """Kill this process with SIGKILL if ``BAGGRUND_CRASH_AT`` names this point (and this is
    the n-th time it is reached)."""
    target = _target()
    if target is None or target[0] != name:
        return
    _counts[name] = _counts.get(name, 0) + 1
    if _counts[name] >= target[1]:
        os.kill(os.getpid(), signal.SIGKILL)
