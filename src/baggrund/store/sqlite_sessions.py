"""Editors' sessions and failed sign-ins in the SQLite store (see :mod:`.session_tables`)."""

from __future__ import annotations

from . import session_tables as sql
from .mixin_host import SQLiteHost


class SQLiteSessions(SQLiteHost):
    """Session methods of the store (mixed into it)."""

    def put_session(self, digest: str, expires: float, now: float) -> None:
        """Keep a new session until ``expires``; forget the sessions expired by ``now``."""
        with self._transaction():
            self.db.execute(sql.FORGET_EXPIRED, (now,))
            self.db.execute(sql.PUT, (digest, expires))

    def has_session(self, digest: str, now: float) -> bool:
        return self.db.execute(sql.VALID, (digest, now)).fetchone() is not None

    def drop_session(self, digest: str) -> bool:
        with self._transaction():
            return bool(self.db.execute(sql.DROP, (digest,)).rowcount)

    def signin_failures(self, client: str, since: float) -> list[float]:
        """When ``client`` failed to sign in after ``since``, oldest first."""
        return [r[0] for r in self.db.execute(sql.FAILURES, (client, since))]

    def record_signin_failure(self, client: str, at: float, forget_before: float) -> None:
        """Count a failed sign-in; forget every client's failures up to ``forget_before``."""
        with self._transaction():
            self.db.execute(sql.FORGET_FAILURES, (forget_before,))
            self.db.execute(sql.FAIL, (client, at))
