"""Editors' sessions and failed sign-ins in the PostgreSQL store (see
:mod:`.session_tables`)."""

from __future__ import annotations

from . import session_tables as sql
from .bundle_tables import adapt
from .mixin_host import PostgresHost


class PostgresSessions(PostgresHost):
    """Session methods of the store (mixed into it)."""

    def put_session(self, digest: str, expires: float, now: float) -> None:
        """Keep a new session until ``expires``; forget the sessions expired by ``now``."""
        with self._connection() as conn:
            conn.execute(adapt(sql.FORGET_EXPIRED), (now,))
            conn.execute(adapt(sql.PUT), (digest, expires))

    def has_session(self, digest: str, now: float) -> bool:
        return bool(self._rows(adapt(sql.VALID), (digest, now)))

    def drop_session(self, digest: str) -> bool:
        with self._connection() as conn:
            return bool(conn.execute(adapt(sql.DROP), (digest,)).rowcount)

    def signin_failures(self, client: str, since: float) -> list[float]:
        """When ``client`` failed to sign in after ``since``, oldest first."""
        return [r["at"] for r in self._rows(adapt(sql.FAILURES), (client, since))]

    def record_signin_failure(self, client: str, at: float, forget_before: float) -> None:
        """Count a failed sign-in; forget every client's failures up to ``forget_before``."""
        with self._connection() as conn:
            conn.execute(adapt(sql.FORGET_FAILURES), (forget_before,))
            conn.execute(adapt(sql.FAIL), (client, at))
