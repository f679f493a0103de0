"""Facts in the PostgreSQL store (see :mod:`.fact_tables`)."""

from __future__ import annotations

import datetime as dt

from ..document import Document
from ..fact import Fact
from ..review import FactReview
from . import fact_tables as ft
from . import review_tables as rt
from .mixin_host import PostgresHost

_sql = ft.adapt


class PostgresFacts(PostgresHost):
    """Fact methods of the store (mixed into it)."""

    def _write_facts(self, conn, doc_id: int, doc: Document) -> None:
        """Extract and store a document's facts (inside the caller's transaction)."""
        conn.execute(_sql(ft.CLEAR_DOCUMENT), (doc_id,))
        rows = ft.rows_of(doc_id, doc)
        if rows:
            with conn.cursor() as cur:
                cur.executemany(_sql(ft.INSERT), rows)

    def facts(self, country: str) -> list[dict]:
        """Every fact of a country, from its documents and imported datasets."""
        return [ft.decode(r) for r in self._rows(_sql(ft.LIST), (country,))]

    def rebuild_facts(self) -> int:
        """Extract the facts of every stored document again; the number of facts."""
        total = 0
        with self._connection() as conn, conn.transaction():
            conn.execute(ft.CLEAR_DOCUMENTS)
            for doc in conn.execute(ft.DOCUMENTS).fetchall():
                passages = [
                    (r["anchor"], r["text"]) for r in conn.execute(_sql(ft.PASSAGES), (doc["id"],))
                ]
                rows = ft.document_rows(doc["id"], doc["country"], passages, doc["series"],
                                        doc["edition_year"], doc["published"],
                                        doc["language"])  # fmt: skip
                if rows:
                    with conn.cursor() as cur:
                        cur.executemany(_sql(ft.INSERT), rows)
                total += len(rows)
        return total

    def import_facts(self, dataset: dict, facts: list[tuple[str, Fact]], today: dt.date) -> int:
        """Replace the facts of an imported dataset with ``facts``, each (country, fact)."""
        rows = ft.dataset_rows(dataset["name"], facts)
        with self._connection() as conn, conn.transaction():
            conn.execute(_sql(ft.CLEAR_DATASET), (dataset["name"],))
            if rows:
                with conn.cursor() as cur:
                    cur.executemany(_sql(ft.INSERT), rows)
            conn.execute(_sql(ft.PUT_DATASET), (
                dataset["name"], dataset["title"], dataset["attribution"], dataset.get("license"),
                dataset.get("url"), today, len(facts),
            ))  # fmt: skip
        return len(facts)

    def dataset_facts(self, name: str) -> list[tuple[str, Fact]]:
        """The facts of an imported dataset, each (country, fact), in their order."""
        return [ft.as_fact(ft.decode(r)) for r in self._rows(_sql(ft.OF_DATASET), (name,))]

    def fact_datasets(self) -> list[dict]:
        rows = self._rows(_sql(ft.DATASETS))
        for r in rows:
            if isinstance(r.get("imported"), dt.date):
                r["imported"] = r["imported"].isoformat()
        return rows

    # -- editors' reviews (baggrund.review) --------------------------------------------------
    def fact(self, fact_id: int) -> dict | None:
        """One stored fact by its row id (as :meth:`facts` gives it), or None."""
        rows = self._rows(_sql(ft.ONE), (fact_id,))
        return ft.decode(rows[0]) if rows else None

    def put_fact_review(self, review: FactReview) -> None:
        """Keep an editor's decision on a fact, replacing an earlier one on the same fact."""
        with self._connection() as conn, conn.transaction():
            conn.execute(_sql(rt.PUT), rt.row_of(review, text_stamp=False))

    def drop_fact_review(self, key: tuple[str, str, int, str]) -> bool:
        """Forget the decision on a fact (doc key, anchor, start, quote); whether there was one."""
        with self._connection() as conn, conn.transaction():
            return bool(conn.execute(_sql(rt.DROP), key).rowcount)

    def fact_reviews(self, country: str | None = None) -> list[FactReview]:
        """The editors' decisions on a country's facts (every country's when None)."""
        rows = (self._rows(_sql(rt.OF_COUNTRY), (country,)) if country
                else self._rows(_sql(rt.ALL)))  # fmt: skip
        return [rt.review_of(r) for r in rows]
