"""The RUM index (the ``rum`` extension): opt-in ranked candidates for the PostgreSQL store.

RUM keeps each word's positions in the index and answers ``ORDER BY tsv <=> query LIMIT k``
inside it, which makes common-word searches several times faster than ranking every match
through GIN. It is **off unless an administrator turns it on** (``baggrund db upgrade --rum``):
the rum release Debian 12 packages (1.3.13) crashed the database server (a segfault, and every
session of the server ended) on a prefix query matched through the index, at ten times the
shared corpus. The index is therefore on an expression (:data:`EXPRESSION`) that only the
ranking of word queries is written with; with it the same benchmark ran without a crash. Upstream
records another crash (postgrespro/rum#183 and PR #172: scans after or during a VACUUM that
empties a posting-tree page), fixed in its master branch and in no release: hence opt-in.
``baggrund db upgrade --no-rum`` drops it again; docs/deployment.md says when to turn it on.

Creating the extension needs a superuser (or a database owner when an administrator has made
it trusted); without the rights or the package the build does nothing (a NOTICE says why) and
search uses GIN."""

from __future__ import annotations

__all__ = ["EXPRESSION", "STEP", "build", "drop", "schema"]

# Migration step 5. It does nothing unless the session asks for RUM (``baggrund.rum`` = on, as
# build() sets, or ``options=-cbaggrund.rum=on`` in the URL of the first ``db upgrade``).
STEP = [
    """DO $$
DECLARE ns text;
BEGIN
    IF COALESCE(current_setting('baggrund.rum', true), '') <> 'on' THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum') THEN
        IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') THEN
            RAISE NOTICE 'baggrund: the server has no rum extension; search uses GIN';
            RETURN;
        END IF;
        BEGIN
            CREATE EXTENSION rum;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'baggrund: cannot create the rum extension (%); search uses GIN',
                SQLERRM;
            RETURN;
        END;
    END IF;
    SELECT quote_ident(n.nspname) INTO ns FROM pg_extension e
        JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'rum';
    IF EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'passages_rum'
               AND schemaname = current_schema() AND indexdef NOT LIKE '%||%') THEN
        DROP INDEX passages_rum;  -- an index on the column itself: see EXPRESSION
    END IF;
    EXECUTE format('CREATE INDEX IF NOT EXISTS passages_rum ON passages'
        ' USING rum ((tsv || ''''::tsvector) %s.rum_tsvector_ops)', ns);
END $$"""
]

# The index is on this expression (the passage's tsvector, unchanged), not on the column, so
# that only a query written with it can use the index: the ranking of word queries. Counting
# and prefix queries match ``tsv`` itself, which only the GIN index serves: the planner cannot
# take RUM for them (a prefix query matched through RUM is what crashed the server at 10x).
EXPRESSION = "(p.tsv || ''::tsvector)"


def build(conn) -> None:
    """Create the extension (where allowed) and the index, inside the caller's transaction."""
    conn.execute("SET LOCAL baggrund.rum = 'on'")
    for statement in STEP:
        conn.execute(statement)


def drop(conn) -> None:
    conn.execute("DROP INDEX IF EXISTS passages_rum")


def schema(conn) -> str | None:
    """The (quoted) schema of the rum extension when this library's passages have the RUM
    index; None when search uses GIN."""
    row = conn.execute(
        """SELECT quote_ident(n.nspname) AS ns FROM pg_extension e
        JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'rum'
        AND EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace cn ON cn.oid = c.relnamespace
            WHERE c.relname = 'passages_rum' AND c.relkind = 'i'
            AND cn.nspname = current_schema())"""
    ).fetchone()
    return row["ns"] if row else None
