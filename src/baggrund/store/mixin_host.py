"""What the stores' mixins (bundles, facts, sessions, transfer) use of the store they are mixed
into, declared for the type checker. Nothing here exists at run time beyond the annotations: the
store classes define these attributes and methods themselves."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

__all__ = ["SQLiteHost", "PostgresHost"]


class SQLiteHost:
    """The SQLite store as its mixins see it."""

    db: sqlite3.Connection

    if TYPE_CHECKING:

        def _transaction(self) -> AbstractContextManager[None]: ...


class PostgresHost:
    """The PostgreSQL store as its mixins see it (``Any`` for psycopg's connection: psycopg is
    an optional dependency)."""

    where: str
    _rum: str | None

    if TYPE_CHECKING:

        def _connection(self, *, check: bool = True) -> AbstractContextManager[Any]: ...

        def _rows(self, sql: str, args: Any = ()) -> list[dict]: ...

        def _lock_schema(self, conn: Any) -> None: ...
