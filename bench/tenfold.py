"""A PostgreSQL library ten times the shared corpus, for `bench/core.py --no-ingest`: the
documents the benchmark database holds, copied nine more times inside PostgreSQL under new
annex numbers (annex + 100,000 x copy) and keys, with their sections and passages (tsvectors
copied, not recomputed), then the search indexes built, the tables analysed and the frequent
words' tables (baggrund.store.pg_frequent) rebuilt. Every word
then matches ten times as many passages, which is what the scaling question is about;
duplicated text does not test ranking quality.

    psql postgresql://postgres@127.0.0.1:5432/postgres \\
        -c 'CREATE DATABASE baggrund_bench10 TEMPLATE baggrund_bench'
    .venv/bin/python bench/tenfold.py --db postgresql://postgres@127.0.0.1:5432/baggrund_bench10
    .venv/bin/python bench/core.py --shared ../shared --no-peer --no-ingest \\
        --db postgresql://postgres@127.0.0.1:5432/baggrund_bench10
"""

from __future__ import annotations

import argparse
import time

import psycopg
from psycopg.rows import dict_row

from baggrund.store import pg_frequent

DOC_STEP = 1_000_000  # id offsets per copy, above anything the original holds
PASSAGE_STEP = 100_000_000
ANNEX_STEP = 100_000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="a copy of the benchmark database")
    ap.add_argument("--times", type=int, default=10)
    args = ap.parse_args()
    started = time.perf_counter()
    with psycopg.connect(args.db, autocommit=True) as conn:
        top = conn.execute("SELECT max(id) FROM documents").fetchone()[0]
        if top >= DOC_STEP:
            raise SystemExit(f"{args.db}: already multiplied")
        conn.execute("SET maintenance_work_mem = '512MB'")
        rum = conn.execute("SELECT to_regclass('passages_rum') IS NOT NULL").fetchone()[0]
        conn.execute("DROP INDEX IF EXISTS passages_rum")
        conn.execute("DROP INDEX IF EXISTS passages_tsv")
        cols = [
            r[0]
            for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name ="
                " 'documents' AND table_schema = current_schema() ORDER BY ordinal_position"
            )
        ]
        changed = {
            "id": "id + %(k)s * %(doc_step)s",
            "key": "key || '-x' || %(k)s",
            "external_id": "external_id || '-x' || %(k)s",
            "annex": "annex + %(k)s * %(annex_step)s",
        }
        select = ", ".join(changed.get(c, c) for c in cols)
        for k in range(1, args.times):
            params = {"k": k, "doc_step": DOC_STEP, "annex_step": ANNEX_STEP,
                      "passage_step": PASSAGE_STEP, "top": top}  # fmt: skip
            conn.execute(
                f"INSERT INTO documents ({', '.join(cols)}) OVERRIDING SYSTEM VALUE"
                f" SELECT {select} FROM documents WHERE id <= %(top)s",
                params,
            )
            conn.execute(
                "INSERT INTO sections (doc_id, ordinal, slug, heading, level, path)"
                " SELECT doc_id + %(k)s * %(doc_step)s, ordinal, slug, heading, level, path"
                " FROM sections WHERE doc_id <= %(top)s",
                params,
            )
            conn.execute(
                "INSERT INTO passages (id, doc_id, ordinal, section, number, anchor, text, tsv,"
                " page) OVERRIDING SYSTEM VALUE SELECT id + %(k)s * %(passage_step)s,"
                " doc_id + %(k)s * %(doc_step)s, ordinal, section, number, anchor, text, tsv,"
                " page FROM passages WHERE doc_id <= %(top)s",
                params,
            )
            print(f"copy {k} done, {time.perf_counter() - started:.0f} s", flush=True)
        conn.execute("CREATE INDEX passages_tsv ON passages USING GIN (tsv)")
        print(f"GIN index built, {time.perf_counter() - started:.0f} s", flush=True)
        if rum:
            ns = conn.execute(
                "SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n"
                " ON n.oid = e.extnamespace WHERE e.extname = 'rum'"
            ).fetchone()[0]
            conn.execute(  # as pg_rum.STEP builds it: on an expression, not the column
                "CREATE INDEX passages_rum ON passages USING rum"
                f" ((tsv || ''::tsvector) {ns}.rum_tsvector_ops)"
            )
            print(f"RUM index built, {time.perf_counter() - started:.0f} s", flush=True)
        conn.execute("VACUUM ANALYZE")
        with psycopg.connect(args.db, row_factory=dict_row) as tx:  # one transaction
            words = pg_frequent.refresh(tx)
        print(f"{words} frequent words' tables built, {time.perf_counter() - started:.0f} s")
        docs, passages = conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM passages)"
        ).fetchone()
    print(f"{docs} documents, {passages} passages, {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
