"""The SQLite store's schema: version 1 and every step after it, in order."""

from __future__ import annotations

from . import bundle_tables, fact_tables, review_tables, session_tables

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

# Version 1: the first schema. Every later change is a new step appended to MIGRATIONS (never
# edit a released one); `baggrund db upgrade` applies the missing steps.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    external_id TEXT UNIQUE,
    country TEXT NOT NULL,
    annex INTEGER NOT NULL,
    collection TEXT,
    source TEXT NOT NULL,
    series TEXT,
    edition_year INTEGER,
    title TEXT NOT NULL,
    url TEXT,
    published TEXT,
    added TEXT NOT NULL,
    updated TEXT,
    language TEXT NOT NULL,
    checksum TEXT NOT NULL,
    origin TEXT,
    format TEXT,
    repairs INTEGER NOT NULL DEFAULT 0,
    body BLOB NOT NULL,
    seq INTEGER NOT NULL,
    UNIQUE (country, annex)
);
CREATE INDEX IF NOT EXISTS documents_seq ON documents (seq);
CREATE INDEX IF NOT EXISTS documents_checksum ON documents (checksum);
CREATE TABLE IF NOT EXISTS annex_counters (country TEXT PRIMARY KEY, last INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sections (
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    slug TEXT NOT NULL,
    heading TEXT NOT NULL,
    level INTEGER NOT NULL,
    path TEXT NOT NULL,
    PRIMARY KEY (doc_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    section INTEGER NOT NULL,
    number INTEGER NOT NULL,
    anchor TEXT NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (doc_id, anchor)
);
CREATE TABLE IF NOT EXISTS updates (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    old_checksum TEXT NOT NULL,
    new_checksum TEXT NOT NULL,
    origin TEXT
);
"""
MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [statement for statement in _SCHEMA.split(";") if statement.strip()]),
    (2, bundle_tables.SQLITE_STEP),  # case bundles
    (3, fact_tables.SQLITE_STEP),  # facts (baggrund facts --rebuild fills them)
    (4, ["ALTER TABLE passages ADD COLUMN page TEXT"]),  # the page(s) of a PDF's passage
    (5, session_tables.SQLITE_STEP),  # editors' sessions and failed sign-ins (the web)
    (6, review_tables.SQLITE_STEP),  # editors' reviews of facts
    # what `published` is: NULL a publication date, 'modified' the source's modification date
    (7, ["ALTER TABLE documents ADD COLUMN date_kind TEXT"]),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
