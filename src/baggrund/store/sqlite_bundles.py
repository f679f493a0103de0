"""Case bundles in the SQLite store (see :mod:`.bundle_tables`)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from . import bundle_tables
from .mixin_host import SQLiteHost


class SQLiteBundles(SQLiteHost):
    """Bundle methods of the store (mixed into it)."""

    def bundle(self, ref: str) -> dict | None:
        """A bundle with its items in order, or None."""
        row = self.db.execute(bundle_tables.GET, (ref,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        items = self.db.execute(bundle_tables.ITEMS, (out.pop("id"),))
        out["items"] = [dict(r) for r in items]
        return out

    def bundles(self) -> list[dict]:
        return [dict(r) for r in self.db.execute(bundle_tables.LIST)]

    def put_bundle(
        self, ref: str, title: str | None, items: list[dict], today: dt.date,
        expected: int | None,
    ) -> int:  # fmt: skip
        """Create (``expected`` None) or rewrite a bundle read at version ``expected``;
        the new version. Raises BundleConflict when it exists, or changed meanwhile."""
        with self._transaction():
            if expected is None:
                try:
                    self.db.execute(bundle_tables.INSERT, (ref, title, today.isoformat(),
                                                           today.isoformat()))  # fmt: skip
                except sqlite3.IntegrityError:
                    raise bundle_tables.conflict(ref, None) from None
            elif not self.db.execute(
                bundle_tables.BUMP, (title, today.isoformat(), ref, expected)
            ).rowcount:
                raise bundle_tables.conflict(ref, expected)
            row = self.db.execute(bundle_tables.GET, (ref,)).fetchone()
            self.db.execute(bundle_tables.CLEAR, (row["id"],))
            self.db.executemany(bundle_tables.ADD, bundle_tables.item_rows(row["id"], items))
            return row["version"]

    def delete_bundle(self, ref: str) -> bool:
        with self._transaction():
            return bool(self.db.execute(bundle_tables.DELETE, (ref,)).rowcount)
