"""BM25 over a few hundred candidate passages of the PostgreSQL store.

PostgreSQL's ``ts_rank_cd`` has no inverse document frequency; the SQLite store ranks by BM25.
Scoring every match by BM25 in PostgreSQL would cost what RUM saves, so only RUM's best
candidates are scored, in Python, from each candidate's term frequencies (its tsvector's
positions of the query's words, heading, title and text together) and each word's document
frequency: from the column statistics that ANALYZE keeps for ``passages.tsv`` (the most
common lexemes and their frequencies), and for a word not among them by counting its passages,
which is cheap because such a word is rare (see :class:`Frequencies`)."""

from __future__ import annotations

import math
import re
import threading

from .pgquery import unquote_lexeme

__all__ = ["Frequencies", "rescore", "query_lexemes"]

K1, B = 1.2, 0.75
_LEXEME = re.compile(r"'((?:[^']|'')*)'(:\*)?")


def query_lexemes(tsquery: str) -> list[str] | None:
    """The lexemes of a tsquery text made by :mod:`.pgquery`; None when it has a prefix term
    (whose document frequency is not one lexeme's)."""
    out = []
    for m in _LEXEME.finditer(tsquery):
        if m.group(2):
            return None
        lexeme = unquote_lexeme(m.group(1))
        if lexeme not in out:
            out.append(lexeme)
    return out


class Frequencies:
    """Document frequencies of lexemes and the number of passages, per version of the
    library (one per store). A large library (LARGE passages or more, by the planner's
    estimate) takes the frequent lexemes from the column statistics, the rest by counting; a
    smaller one, or one never analysed, counts every lexeme (cheap there), so that its ranking
    does not change when autovacuum first analyses it."""

    LARGE = 100_000
    KEEP = 10_000  # counted lexemes kept per version

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: object = None
        self._common: dict[str, float] = {}
        self._counted: dict[str, int] = {}
        self._passages = 0

    def _load(self, conn, version) -> None:
        estimate = conn.execute(
            "SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'passages'::regclass"
        ).fetchone()["n"]
        common: dict[str, float] = {}
        if estimate >= self.LARGE:
            rows = conn.execute(
                """SELECT e.elem, f.freq FROM pg_stats s,
                    unnest(s.most_common_elems::text::text[]) WITH ORDINALITY e(elem, i),
                    unnest(s.most_common_elem_freqs) WITH ORDINALITY f(freq, j)
                WHERE s.schemaname = current_schema() AND s.tablename = 'passages'
                    AND s.attname = 'tsv' AND i = j"""
            ).fetchall()
            common = {r["elem"]: r["freq"] for r in rows}
        if common:
            total = estimate
        else:
            total = conn.execute("SELECT count(*) AS n FROM passages").fetchone()["n"]
        with self._lock:
            self._version, self._common, self._counted = version, common, {}
            self._passages = max(int(total), 1)

    def get(self, conn, version, lexemes: list[str]) -> tuple[dict[str, int], int]:
        """Document frequency per lexeme, and the number of passages."""
        if version != self._version:
            self._load(conn, version)
        common, counted, total = self._common, self._counted, self._passages
        out = {}
        for lex in lexemes:
            if lex in common:
                out[lex] = round(common[lex] * total)
            elif lex in counted:
                out[lex] = counted[lex]
            else:
                out[lex] = conn.execute(
                    "SELECT count(*) AS n FROM passages WHERE tsv @@ %s::tsquery",
                    ("'" + lex.replace("\\", "\\\\").replace("'", "''") + "'",),
                ).fetchone()["n"]
                with self._lock:
                    if len(counted) >= self.KEEP:
                        counted.clear()
                    counted[lex] = out[lex]
        return out, total


def rescore(
    conn, pids: list[int], lexemes: list[str], df: dict[str, int], n_docs: int
) -> dict[int, float]:
    """BM25 scores of the passages ``pids``: {pid: score}."""
    rows = conn.execute(
        """SELECT p.id AS pid, x.len, x.tf FROM passages p, LATERAL (
            SELECT sum(cardinality(u.positions)) AS len, array_agg(u.lexeme || ' '
                || cardinality(u.positions)) FILTER (WHERE u.lexeme = ANY(%(lex)s)) AS tf
            FROM unnest(p.tsv) u) x
        WHERE p.id = ANY(%(ids)s)""",
        {"ids": pids, "lex": lexemes},
    ).fetchall()
    if not rows:
        return {}
    avg = sum(r["len"] or 0 for r in rows) / len(rows) or 1.0
    idf = {
        lex: math.log(1 + (n_docs - df.get(lex, 0) + 0.5) / (df.get(lex, 0) + 0.5))
        for lex in lexemes
    }
    scores = {}
    for r in rows:
        norm = K1 * (1 - B + B * (r["len"] or 0) / avg)
        score = 0.0
        for item in r["tf"] or ():
            lex, _, count = item.rpartition(" ")
            tf = int(count)
            score += idf.get(lex, 0.0) * tf * (K1 + 1) / (tf + norm)
        scores[r["pid"]] = score
    return scores
