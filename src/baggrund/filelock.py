"""An exclusive lock across processes, on a file in a folder (the index and vector files
beside a SQLite store each have one for their writers)."""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

__all__ = ["exclusive"]


@contextlib.contextmanager
def exclusive(folder: Path, name: str = "write.lock") -> Iterator[None]:
    """Hold an exclusive lock on ``folder/name`` (created with the folder when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / name, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
