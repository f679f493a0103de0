"""Facts in the SQLite store (see :mod:`.fact_tables`)."""

from __future__ import annotations

import datetime as dt

from ..document import Document
from ..fact import Fact
from ..review import FactReview
from . import fact_tables as ft
from . import review_tables as rt
from .mixin_host import SQLiteHost


class SQLiteFacts(SQLiteHost):
    """Fact methods of the store (mixed into it)."""

    def _write_facts(self, doc_id: int, doc: Document) -> None:
        """Extract and store a document's facts (inside the caller's transaction)."""
        self.db.execute(ft.CLEAR_DOCUMENT, (doc_id,))
        self.db.executemany(ft.INSERT, ft.rows_of(doc_id, doc))

    def facts(self, country: str) -> list[dict]:
        """Every fact of a country, from its documents and imported datasets."""
        return [ft.decode(dict(r)) for r in self.db.execute(ft.LIST, (country,))]

    def rebuild_facts(self) -> int:
        """Extract the facts of every stored document again; the number of facts."""
        total = 0
        with self._transaction():
            self.db.execute(ft.CLEAR_DOCUMENTS)
            for doc in [dict(r) for r in self.db.execute(ft.DOCUMENTS)]:
                passages = [tuple(r) for r in self.db.execute(ft.PASSAGES, (doc["id"],))]
                rows = ft.document_rows(doc["id"], doc["country"], passages, doc["series"],
                                        doc["edition_year"], doc["published"],
                                        doc["language"])  # fmt: skip
                self.db.executemany(ft.INSERT, rows)
                total += len(rows)
        return total

    def import_facts(self, dataset: dict, facts: list[tuple[str, Fact]], today: dt.date) -> int:
        """Replace the facts of an imported dataset (``name``, ``title``, ``attribution``,
        ``license``, ``url``) with ``facts``, each (country, fact)."""
        with self._transaction():
            self.db.execute(ft.CLEAR_DATASET, (dataset["name"],))
            self.db.executemany(ft.INSERT, ft.dataset_rows(dataset["name"], facts))
            self.db.execute(ft.PUT_DATASET, (
                dataset["name"], dataset["title"], dataset["attribution"], dataset.get("license"),
                dataset.get("url"), today.isoformat(), len(facts),
            ))  # fmt: skip
        return len(facts)

    def fact_datasets(self) -> list[dict]:
        return [dict(r) for r in self.db.execute(ft.DATASETS)]

    def dataset_facts(self, name: str) -> list[tuple[str, Fact]]:
        """The facts of an imported dataset, each (country, fact), in their order."""
        return [ft.as_fact(ft.decode(dict(r))) for r in self.db.execute(ft.OF_DATASET, (name,))]

    # -- editors' reviews (baggrund.review) --------------------------------------------------
    def fact(self, fact_id: int) -> dict | None:
        """One stored fact by its row id (as :meth:`facts` gives it), or None."""
        row = self.db.execute(ft.ONE, (fact_id,)).fetchone()
        return ft.decode(dict(row)) if row else None

    def put_fact_review(self, review: FactReview) -> None:
        """Keep an editor's decision on a fact, replacing an earlier one on the same fact."""
        with self._transaction():
            self.db.execute(rt.PUT, rt.row_of(review, text_stamp=True))

    def drop_fact_review(self, key: tuple[str, str, int, str]) -> bool:
        """Forget the decision on a fact (doc key, anchor, start, quote); whether there was one."""
        with self._transaction():
            return bool(self.db.execute(rt.DROP, key).rowcount)

    def fact_reviews(self, country: str | None = None) -> list[FactReview]:
        """The editors' decisions on a country's facts (every country's when None)."""
        rows = (self.db.execute(rt.OF_COUNTRY, (country,)) if country
                else self.db.execute(rt.ALL))  # fmt: skip
        return [rt.review_of(dict(r)) for r in rows]
