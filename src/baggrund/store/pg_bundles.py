"""Case bundles in the PostgreSQL store (see :mod:`.bundle_tables`)."""

from __future__ import annotations

import datetime as dt

from . import bundle_tables
from .mixin_host import PostgresHost


def _iso(row: dict) -> dict:
    for k, v in row.items():
        if isinstance(v, dt.date):
            row[k] = v.isoformat()
    return row


class PostgresBundles(PostgresHost):
    """Bundle methods of the store (mixed into it)."""

    def bundle(self, ref: str) -> dict | None:
        """A bundle with its items in order, or None."""
        with self._connection() as conn:
            row = conn.execute(bundle_tables.adapt(bundle_tables.GET), (ref,)).fetchone()
            if row is None:
                return None
            items = conn.execute(bundle_tables.adapt(bundle_tables.ITEMS), (row.pop("id"),))
            row["items"] = [_iso(i) for i in items]
        return _iso(row)

    def bundles(self) -> list[dict]:
        return self._rows(bundle_tables.LIST)

    def put_bundle(
        self, ref: str, title: str | None, items: list[dict], today: dt.date,
        expected: int | None,
    ) -> int:  # fmt: skip
        """Create (``expected`` None) or rewrite a bundle read at version ``expected``;
        the new version. Raises BundleConflict when it exists, or changed meanwhile."""
        sql = bundle_tables.adapt
        with self._connection() as conn, conn.transaction():
            if expected is None:
                row = conn.execute(
                    sql(bundle_tables.INSERT) + " ON CONFLICT (ref) DO NOTHING RETURNING id",
                    (ref, title, today, today),
                ).fetchone()
                if row is None:
                    raise bundle_tables.conflict(ref, None)
            elif not conn.execute(sql(bundle_tables.BUMP), (title, today, ref, expected)).rowcount:
                raise bundle_tables.conflict(ref, expected)
            row = conn.execute(sql(bundle_tables.GET), (ref,)).fetchone()
            conn.execute(sql(bundle_tables.CLEAR), (row["id"],))
            with conn.cursor() as cur:
                cur.executemany(sql(bundle_tables.ADD), bundle_tables.item_rows(row["id"], items))
            return row["version"]

    # -- the library's settings (the meta table, keys "setting:NAME") ------------------------
    def setting(self, name: str) -> str | None:
        with self._connection() as conn:
            row = conn.execute(
                "SELECT value FROM meta WHERE key = %s", (f"setting:{name}",)
            ).fetchone()
        return None if row is None else (row["value"] if isinstance(row, dict) else row[0])

    def put_setting(self, name: str, value: str) -> None:
        with self._connection() as conn:
            conn.execute(
                "INSERT INTO meta VALUES (%s, %s)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (f"setting:{name}", value),
            )

    def delete_bundle(self, ref: str) -> bool:
        with self._connection() as conn:
            return bool(conn.execute(bundle_tables.adapt(bundle_tables.DELETE), (ref,)).rowcount)
