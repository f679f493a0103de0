"""Editors' reviews of facts in the store (see :mod:`baggrund.review`): the table and the SQL
both stores share.

A review is keyed by what stays the same when the same text is ingested again (document key,
passage anchor, the figure's offset and sentence), not by the fact's row id, and does not
reference the facts or documents tables: facts are extracted again on every save, and a
review outlives the fact it judged, so that a decision is never silently lost. The SQL is
written with ``?`` placeholders (see :func:`.fact_tables.adapt`)."""

from __future__ import annotations

import datetime as dt

from ..review import FactReview

__all__ = ["SQLITE_STEP", "POSTGRES_STEP", "row_of", "review_of"]


def _tables(stamp: str, real: str) -> list[str]:
    return [
        f"""CREATE TABLE IF NOT EXISTS fact_reviews (
            doc_key TEXT NOT NULL,
            anchor TEXT NOT NULL,
            start INTEGER NOT NULL,
            quote TEXT NOT NULL,
            country TEXT NOT NULL,
            decision TEXT NOT NULL
                CHECK (decision IN ('confirmed', 'corrected', 'rejected')),
            decided {stamp} NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            value {real},
            year INTEGER,
            subject TEXT,
            role TEXT,
            PRIMARY KEY (doc_key, anchor, start, quote))""",
        "CREATE INDEX IF NOT EXISTS fact_reviews_country ON fact_reviews (country)",
    ]


SQLITE_STEP = _tables("TEXT", "REAL")
POSTGRES_STEP = _tables("TIMESTAMPTZ", "DOUBLE PRECISION")

COLUMNS = (
    "doc_key", "anchor", "start", "quote", "country", "decision", "decided", "note", "value",
    "year", "subject", "role",
)  # fmt: skip
PUT = (
    f"INSERT INTO fact_reviews ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    " ON CONFLICT (doc_key, anchor, start, quote) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[4:])
)
DROP = "DELETE FROM fact_reviews WHERE doc_key = ? AND anchor = ? AND start = ? AND quote = ?"
OF_COUNTRY = (
    f"SELECT {', '.join(COLUMNS)} FROM fact_reviews WHERE country = ?"
    " ORDER BY doc_key, anchor, start, quote"
)
ALL = f"SELECT {', '.join(COLUMNS)} FROM fact_reviews ORDER BY doc_key, anchor, start, quote"


def row_of(review: FactReview, *, text_stamp: bool) -> tuple:
    """A review as the table's row (the time as ISO text for SQLite)."""
    decided = review.decided.isoformat() if text_stamp else review.decided
    return (review.doc_key, review.anchor, review.start, review.quote, review.country,
            review.decision, decided, review.note, review.value, review.year, review.subject,
            review.role)  # fmt: skip


def review_of(row: dict) -> FactReview:
    """A stored row back as a review."""
    values = dict(row)
    if isinstance(values["decided"], str):
        values["decided"] = dt.datetime.fromisoformat(values["decided"])
    return FactReview(**values)
