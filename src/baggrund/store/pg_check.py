"""``baggrund db check`` on a PostgreSQL store: the store's checks (:mod:`.integrity`), and the
frequent words' tables (:mod:`.pg_frequent`) compared with the passages they are kept from, for
a sample of documents. The full-text index itself (GIN on ``passages.tsv``) is part of the
database and written in the same transactions as the passages: PostgreSQL keeps it in step.
With ``repair``, the sampled documents whose tables differ are written to the tables again."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from . import pg_frequent
from .integrity import STORE_CHECKS, CheckReport, ids_finding

if TYPE_CHECKING:
    from .postgres import PostgresStore

__all__ = ["check", "SAMPLE"]

SAMPLE = 300  # documents whose frequent words' tables are compared with their passages

# The sampled documents whose per-document counts differ from what their passages hold now.
_DIFFERENT = f"""WITH sample AS (
        SELECT id FROM documents ORDER BY md5(id::text || %(salt)s) LIMIT %(n)s),
    actual AS (
        SELECT f.lexeme, p.doc_id, count(*) AS n FROM {pg_frequent.PAIRS}
        WHERE p.doc_id IN (SELECT id FROM sample) GROUP BY f.lexeme, p.doc_id),
    kept AS (
        SELECT lexeme, doc_id, n FROM frequent_counts WHERE doc_id IN (SELECT id FROM sample))
    SELECT DISTINCT COALESCE(a.doc_id, k.doc_id) AS doc_id FROM actual a
    FULL JOIN kept k ON k.lexeme = a.lexeme AND k.doc_id = a.doc_id
    WHERE a.n IS DISTINCT FROM k.n ORDER BY 1"""


def check(store: PostgresStore, *, repair: bool = False, salt: str | None = None) -> CheckReport:
    """Check the store (a consistent snapshot) and a random sample of its documents' frequent
    words' tables; ``salt`` fixes the sample."""
    salt = salt if salt is not None else secrets.token_hex(4)
    stats = store.stats()
    report = CheckReport(store.where, {k: stats[k] for k in ("documents", "passages", "seq")})
    with store._connection() as conn, conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for kind, sql, message in STORE_CHECKS:
            finding = ids_finding(kind, message, (r[_first(r)] for r in conn.execute(sql)))
            if finding:
                report.findings.append(finding)
        different = [r["doc_id"] for r in conn.execute(_DIFFERENT, {"salt": salt, "n": SAMPLE})]
    report.index = {"kind": "PostgreSQL GIN (in the database)", "sampled documents": SAMPLE}
    finding = ids_finding(
        "frequent-tables",
        "{n} sampled document(s) whose frequent words' tables differ from their passages",
        different,
    )
    if finding is None:
        return report
    report.findings.append(finding)
    if repair:
        with store._connection() as conn, conn.transaction():
            pg_frequent.lock_shared(conn)
            for doc_id in different:
                pg_frequent.add(conn, doc_id)
        report.findings.remove(finding)
        report.repaired.append(
            f"the frequent words' tables of {len(different)} document(s) written again"
        )
    return report


def _first(row: dict):
    return next(iter(row))
