"""What every PostgreSQL session of this program is set up with, so that no session of a dead
or stuck process can hold the library.

- ``lock_timeout``: a lock is waited for at most ``BAGGRUND_PG_LOCK_TIMEOUT`` seconds (default
  600: a batch, or a refresh of the frequent words' tables, can hold one for minutes on a large
  library); a longer wait is an error that says so, not a hang.
- ``idle_in_transaction_session_timeout``: a transaction left idle for
  ``BAGGRUND_PG_IDLE_TIMEOUT`` seconds (default 60; baggrund never idles in one) is ended by
  the server, which releases its locks.
- A process forked from this one (ingest's fact workers) does not keep the parent's sessions
  open: in the child, each session's socket is pointed at ``/dev/null``, so that when the parent
  dies the server sees the connection close and rolls back at once, instead of waiting for a
  child that never uses it."""

from __future__ import annotations

import contextlib
import os
import weakref

from ..errors import StoreError

__all__ = ["configure", "timeouts"]

_sessions: weakref.WeakSet = weakref.WeakSet()


def _seconds(name: str, default: float) -> float:
    raw = os.environ.get(name)
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise StoreError(f"{name} must be a number of seconds, not {raw!r}") from None
    if value <= 0:
        raise StoreError(f"{name} must be a positive number of seconds, not {raw!r}")
    return value


def timeouts() -> tuple[float, float]:
    """(lock timeout, idle-in-transaction timeout) in seconds, from the environment."""
    return _seconds("BAGGRUND_PG_LOCK_TIMEOUT", 600), _seconds("BAGGRUND_PG_IDLE_TIMEOUT", 60)


def configure(conn) -> None:
    """Set the session's limits (also the pool's ``configure`` hook) and remember it, so that
    forked children let go of it."""
    lock, idle = timeouts()
    autocommit = conn.autocommit
    conn.autocommit = True
    try:
        conn.execute(f"SET lock_timeout = {int(lock * 1000)}")
        conn.execute(f"SET idle_in_transaction_session_timeout = {int(idle * 1000)}")
    finally:
        conn.autocommit = autocommit
    _sessions.add(conn)


def _let_go_in_child() -> None:
    """In a forked child: point every inherited session's socket at /dev/null. The child never
    talks to the server on them; the parent's sockets are now held by the parent alone."""
    if not _sessions:
        return
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for conn in list(_sessions):
            try:
                fd = conn.pgconn.socket
            except Exception:  # closed, or never connected
                continue
            with contextlib.suppress(OSError):
                os.dup2(null, fd)
    finally:
        os.close(null)
    _sessions.clear()


os.register_at_fork(after_in_child=_let_go_in_child)
