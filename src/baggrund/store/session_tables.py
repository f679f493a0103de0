"""Editors' sessions and failed sign-ins in the store, so that every web worker (process)
sees the same ones: a session that one worker ends is ended for all, and failed sign-ins are
counted across workers.

A session is kept only as a keyed hash of its id (``digest``), with the time (seconds since
the epoch) it expires; the id itself is only in the editor's cookie. A failed sign-in is the
client's address and the time. The SQL is shared by both stores (``?`` placeholders, see
:func:`.bundle_tables.adapt`)."""

from __future__ import annotations

__all__ = ["SQLITE_STEP", "POSTGRES_STEP"]


def _tables(real: str) -> list[str]:
    return [
        f"""CREATE TABLE IF NOT EXISTS web_sessions (
            digest TEXT PRIMARY KEY,
            expires {real} NOT NULL)""",
        f"""CREATE TABLE IF NOT EXISTS web_signin_failures (
            client TEXT NOT NULL,
            at {real} NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS web_signin_failures_client ON web_signin_failures (client, at)",
    ]


SQLITE_STEP = _tables("REAL")
POSTGRES_STEP = _tables("DOUBLE PRECISION")

PUT = "INSERT INTO web_sessions (digest, expires) VALUES (?, ?)"
FORGET_EXPIRED = "DELETE FROM web_sessions WHERE expires <= ?"
VALID = "SELECT 1 FROM web_sessions WHERE digest = ? AND expires > ?"
DROP = "DELETE FROM web_sessions WHERE digest = ?"
FAILURES = "SELECT at FROM web_signin_failures WHERE client = ? AND at > ? ORDER BY at"
FAIL = "INSERT INTO web_signin_failures (client, at) VALUES (?, ?)"
FORGET_FAILURES = "DELETE FROM web_signin_failures WHERE at <= ?"
