"""Frequent words of the PostgreSQL store: each one's best passages and its passages per
document, kept in tables so that a search for a common word reads a few hundred rows instead
of every match.

Why: on GIN, ranking or counting a word visits every passage it is in (one to three
microseconds a row): "government", in 112,000 of the shared corpus's 254,000 passages, took
230-290 ms; "women" (31,000) about 95 ms. For a word in at least :data:`FREQUENT` passages
(217 words of the shared corpus) the store keeps

- ``frequent_words``: the word, its tsquery, and the *floor*: the last of its best
  :data:`KEEP` passages when the tables were last refreshed;
- ``frequent_best``: every passage of the word that ranks above the floor, with its rank,
  which is ``ts_rank`` exactly as the GIN path computes it (:mod:`.pgsearch`), in the GIN
  path's order (rank descending, then passage id). Being every passage above a fixed floor,
  the list is always the head of that order, whatever is added or deleted later, so its
  first ``k`` passages among any set of documents *are* the GIN path's ``k`` best there
  whenever at least ``k`` of them are in it; otherwise the search takes the GIN path;
- ``frequent_counts``: the word's passages per document (their number and their ids): the
  exact count and facets of a one-word search under any filter, and, united with what GIN
  finds for the rest, of a search for any of several alternatives (:func:`any_counts`).

The lists are kept in the same transaction that writes a document's passages
(:func:`add`), so they are never behind the passages. Which words are frequent is chosen by
:func:`refresh`: after a first load, when the library has grown by a quarter since the last
refresh (:func:`refresh_if_grown`), and by ``baggrund db upgrade``. A word that became
common since is searched through GIN until then: slower, never wrong. A refresh and the
writers of documents exclude each other by an advisory lock (writers share it), so a refresh
never misses a document being written."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .pgquery import NORMALIZATION, WEIGHTS, quote_lexeme, unquote_lexeme

__all__ = [
    "FREQUENT",
    "KEEP",
    "STEP",
    "Alternatives",
    "add",
    "any_counts",
    "any_of",
    "best",
    "counts",
    "listed",
    "frequent",
    "lock_shared",
    "refresh",
    "refresh_if_grown",
    "single_lexeme",
]

FREQUENT = 10_000  # passages: a word in at least this many has tables (GIN: ~20-40 ms there)
KEEP = 1_000  # best passages kept per word at a refresh; a search needs 500 (+ its page)
FEW_DOCS = 200  # a document filter this short is applied in SQL by any_counts
GROWTH = 1.25  # refresh when the library has this many times the passages of the last one
_LOCK = (0x62616767, "frequent")  # advisory lock: writers share it, a refresh holds it alone

# Migration step 6.
STEP = [
    """CREATE TABLE IF NOT EXISTS frequent_words (
        lexeme TEXT PRIMARY KEY,
        query TSQUERY NOT NULL,
        passages BIGINT NOT NULL,
        floor_rank FLOAT8,
        floor_pid BIGINT)""",
    """CREATE TABLE IF NOT EXISTS frequent_best (
        lexeme TEXT NOT NULL,
        rank FLOAT8 NOT NULL,
        pid BIGINT NOT NULL,
        doc_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        PRIMARY KEY (lexeme, pid))""",
    "CREATE INDEX IF NOT EXISTS frequent_best_order ON frequent_best (lexeme, rank DESC, pid)",
    "CREATE INDEX IF NOT EXISTS frequent_best_doc ON frequent_best (doc_id)",
    """CREATE TABLE IF NOT EXISTS frequent_counts (
        lexeme TEXT NOT NULL,
        doc_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        pids BIGINT[] NOT NULL,
        PRIMARY KEY (lexeme, doc_id))""",
    "CREATE INDEX IF NOT EXISTS frequent_counts_doc ON frequent_counts (doc_id)",
]

_RANK = "ts_rank(%(weights)s::float4[], p.tsv, f.query, %(norm)s)::float8"
# (frequent word, passage) pairs of some passages: FROM clause, joined on the word
PAIRS = """passages p CROSS JOIN LATERAL unnest(tsvector_to_array(p.tsv)) AS l(lexeme)
    JOIN frequent_words f ON f.lexeme = l.lexeme"""
_SINGLE = re.compile(r"^[\s(]*'((?:[^']|'')*)'[\s)]*$")
_LEAF = re.compile(r"\(\s*([^()]*?)\s*\)")  # an innermost group: a word, phrase or prefix
_PLAIN = re.compile(r"^'((?:[^']|'')*)'$")


def _params(**more) -> dict:
    return {"weights": [float(w) for w in WEIGHTS], "norm": NORMALIZATION, **more}


def single_lexeme(tsquery: str | None) -> str | None:
    """The lexeme of a tsquery text made by :mod:`.pgquery` that is one plain word (no
    prefix, phrase, alternative or exclusion); None otherwise."""
    m = _SINGLE.match(tsquery or "")
    if m is None:
        return None
    return unquote_lexeme(m.group(1))


@dataclass(frozen=True)
class Alternatives:
    """A query for any of its alternatives: its plain ``words`` (lexemes) and its ``others``
    (phrases, as tsquery text); ``excluded``: the alternatives no hit may match, if any."""

    words: tuple[str, ...]
    others: tuple[str, ...]
    excluded: Alternatives | None = None

    def rest(self, common: list[str]) -> str | None:
        """tsquery text for the alternatives other than the words ``common``; None if none."""
        parts = [quote_lexeme(w) for w in self.words if w not in common]
        parts += [f"( {o} )" for o in self.others]
        return " | ".join(parts) or None


def _alternatives(tsquery: str | None) -> Alternatives | None:
    if not tsquery or ":*" in tsquery:
        return None
    leaves = _LEAF.findall(tsquery)
    skeleton = tsquery
    while True:  # the groups around the leaves may hold only more groups and |
        reduced = re.sub(r"\(\s*X(?:\s*\|\s*X)*\s*\)", "X", _LEAF.sub("X", skeleton))
        if reduced == skeleton:
            break
        skeleton = reduced
    if not re.fullmatch(r"\s*X(?:\s*\|\s*X)*\s*", skeleton):
        return None
    words: dict[str, None] = {}
    others: dict[str, None] = {}
    for leaf in leaves:
        m = _PLAIN.match(leaf)
        if m:
            words[unquote_lexeme(m.group(1))] = None
        else:
            others[leaf] = None
    return Alternatives(tuple(words), tuple(others))


def any_of(match: str | None, exclude: str | None = None) -> Alternatives | None:
    """The alternatives of a tsquery text made by :mod:`.pgquery` that asks for any of them
    (a relaxed query, alternatives grouped or not, or an ``OR`` group): plain words and
    phrases, at least two, or one with ``exclude`` (tsquery text of what no hit may match,
    itself alternatives). None for anything else (an AND, a prefix)."""
    found = _alternatives(match)
    if found is None:
        return None
    if exclude is None:
        return found if len(found.words) + len(found.others) > 1 else None
    excluded = _alternatives(exclude)
    return None if excluded is None else replace(found, excluded=excluded)


def frequent(conn, words: list[str]) -> list[str]:
    """Those of ``words`` that are frequent now."""
    rows = conn.execute(
        "SELECT lexeme FROM frequent_words WHERE lexeme = ANY(%s)", (words,)
    ).fetchall()
    found = {r["lexeme"] for r in rows}
    return [w for w in words if w in found]


def lock_shared(conn) -> None:
    """Taken by a transaction that writes passages, before it writes them."""
    conn.execute("SELECT pg_advisory_xact_lock_shared(%s, hashtext(current_schema() || %s))", _LOCK)


def _lock_alone(conn) -> None:
    """Taken by a refresh (and by the decision to refresh): no writer meanwhile."""
    conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(current_schema() || %s))", _LOCK)


def add(conn, doc_id: int) -> None:
    """Bring the tables up to date with a document whose passages were just (re)written, in
    the same transaction (after :func:`lock_shared`)."""
    conn.execute("DELETE FROM frequent_counts WHERE doc_id = %s", (doc_id,))
    conn.execute("DELETE FROM frequent_best WHERE doc_id = %s", (doc_id,))
    conn.execute(
        f"""INSERT INTO frequent_counts (lexeme, doc_id, n, pids)
        SELECT f.lexeme, p.doc_id, count(*), array_agg(p.id ORDER BY p.id) FROM {PAIRS}
        WHERE p.doc_id = %(doc)s GROUP BY f.lexeme, p.doc_id""",
        {"doc": doc_id},
    )
    conn.execute(
        f"""INSERT INTO frequent_best (lexeme, rank, pid, doc_id)
        SELECT lexeme, rank, pid, doc_id FROM (
            SELECT f.lexeme, {_RANK} AS rank, p.id AS pid, p.doc_id, f.floor_rank, f.floor_pid
            FROM {PAIRS} WHERE p.doc_id = %(doc)s) c
        WHERE c.floor_rank IS NULL OR c.rank > c.floor_rank
            OR (c.rank = c.floor_rank AND c.pid < c.floor_pid)""",
        _params(doc=doc_id),
    )


def refresh(conn, *, at_least: int | None = None, keep: int | None = None) -> int:
    """Choose the frequent words again (those in ``at_least`` passages or more; default
    :data:`FREQUENT`) and rebuild their tables, keeping ``keep`` best passages each (default
    :data:`KEEP`), in the caller's transaction (readers keep the old rows until it commits).
    Returns the number of frequent words."""
    at_least = FREQUENT if at_least is None else at_least
    keep = KEEP if keep is None else keep
    _lock_alone(conn)
    for table in ("frequent_best", "frequent_counts", "frequent_words"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute(
        """INSERT INTO frequent_words (lexeme, query, passages)
        SELECT word, ('''' || replace(replace(word, '\\', '\\\\'), '''', '''''') || '''')::tsquery,
            ndoc FROM ts_stat('SELECT tsv FROM passages') WHERE ndoc >= %(n)s""",
        {"n": at_least},
    )
    conn.execute(
        f"""INSERT INTO frequent_counts (lexeme, doc_id, n, pids)
        SELECT f.lexeme, p.doc_id, count(*), array_agg(p.id ORDER BY p.id) FROM {PAIRS}
        GROUP BY f.lexeme, p.doc_id"""
    )
    conn.execute(
        f"""INSERT INTO frequent_best (lexeme, rank, pid, doc_id)
        SELECT lexeme, rank, pid, doc_id FROM (
            SELECT f.lexeme, r.rank, p.id AS pid, p.doc_id, row_number() OVER (
                PARTITION BY f.lexeme ORDER BY r.rank DESC, p.id) AS i
            FROM {PAIRS} CROSS JOIN LATERAL (SELECT {_RANK} AS rank) r) t
        WHERE i <= %(keep)s""",
        _params(keep=keep),
    )
    conn.execute(
        """UPDATE frequent_words f SET floor_rank = b.rank, floor_pid = b.pid FROM (
            SELECT DISTINCT ON (lexeme) lexeme, rank, pid FROM frequent_best
            ORDER BY lexeme, rank, pid DESC) b
        WHERE b.lexeme = f.lexeme AND f.passages > %(keep)s""",
        {"keep": keep},
    )
    passages = conn.execute("SELECT count(*) AS n FROM passages").fetchone()["n"]
    conn.execute(
        "INSERT INTO meta VALUES ('frequent_refreshed', %s)"
        " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        (str(passages),),
    )
    return conn.execute("SELECT count(*) AS n FROM frequent_words").fetchone()["n"]


def refresh_if_grown(conn) -> bool:
    """Refresh when the library has grown by a quarter since the last refresh (and can have
    a frequent word at all). True when it did. The passages are counted before the lock, so
    that writers do not wait for the count; the last refresh is read again under it, so that
    two ingests ending together do not both refresh."""
    now = conn.execute("SELECT count(*) AS n FROM passages").fetchone()["n"]
    if now < FREQUENT or now < _refreshed_at(conn) * GROWTH:
        return False
    _lock_alone(conn)
    if now < _refreshed_at(conn) * GROWTH:  # another ingest has just refreshed
        return False
    refresh(conn)
    return True


def _refreshed_at(conn) -> int:
    """The number of passages at the last refresh (0: never)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'frequent_refreshed'").fetchone()
    return int(row["value"]) if row else 0


def listed(conn, lexeme: str, keep, drop) -> list[dict] | None:
    """Every passage of a frequent word's list (pid, doc_id), in the GIN path's order, among
    the documents ``keep`` (None: all) and not in ``drop``; None when the word is not
    frequent. Its first ``k`` are the GIN path's ``k`` best there, when there are ``k``; so
    are the first ``k`` of them that a further condition on each passage leaves."""
    rows = conn.execute(
        """SELECT b.pid, b.doc_id FROM frequent_words f
        JOIN frequent_best b ON b.lexeme = f.lexeme WHERE f.lexeme = %s
        ORDER BY b.rank DESC, b.pid""",
        (lexeme,),
    ).fetchall()
    if not rows:
        return None
    kept = set(keep) if keep is not None else None
    dropped = set(drop or ())
    return [r for r in rows if (kept is None or r["doc_id"] in kept) and r["doc_id"] not in dropped]


def best(conn, lexeme: str, keep, drop, k: int) -> list[dict] | None:
    """The ``k`` best passages of a frequent word (pid, doc_id), among the documents ``keep``
    (None: all) and not in ``drop``, in the GIN path's order; None when the word is not
    frequent or its list has fewer than ``k`` of them (then only GIN can tell)."""
    found = listed(conn, lexeme, keep, drop)
    return found[:k] if found is not None and len(found) >= k else None


def counts(conn, lexeme: str, keep) -> dict[int, int] | None:
    """A frequent word's passages per document among ``keep`` (None: all); None when the word
    is not frequent."""
    rows = conn.execute(
        """SELECT c.doc_id, c.n FROM frequent_words f
        LEFT JOIN frequent_counts c ON c.lexeme = f.lexeme WHERE f.lexeme = %s""",
        (lexeme,),
    ).fetchall()
    if not rows:
        return None
    return _among(rows, keep)


def any_counts(conn, alternatives: Alternatives, keep) -> dict[int, int] | None:
    """Passages per document with any of the ``alternatives`` (and none of their excluded
    ones) among ``keep`` (None: all): those of the frequent words from their passage lists,
    those of the rest through GIN (fewer than :data:`FREQUENT` each); None when none of the
    words is frequent (or a refresh changed which are in the meantime)."""
    common = frequent(conn, list(alternatives.words))
    if not common:
        return None
    x = alternatives.excluded
    xcommon = frequent(conn, list(x.words)) if x else []
    every = sorted(set(common) | set(xcommon))
    # A few documents (a country) are chosen in SQL; many (a language, a source) afterwards,
    # as a long ANY is compared element by element in a prepared statement.
    few = keep is not None and len(keep) <= FEW_DOCS
    docs = " AND {}.doc_id = ANY(%(keep)s)" if few else ""
    union = f"""SELECT c.doc_id, unnest(c.pids) AS pid FROM frequent_counts c
            WHERE c.lexeme = ANY(%(common{{s}})s){docs.format("c")}
        UNION SELECT p.doc_id, p.id FROM passages p
            WHERE p.tsv @@ %(rest{{s}})s::tsquery{docs.format("p")}"""
    matched = union.format(s="")
    if x is not None:
        matched = f"({matched}) EXCEPT ({union.format(s='_x')})"
    rows = conn.execute(
        f"""SELECT u.doc_id, count(*) AS n, (SELECT count(*) FROM frequent_words
                WHERE lexeme = ANY(%(every)s)) AS still
        FROM ({matched}) u GROUP BY u.doc_id""",
        {"common": common, "rest": alternatives.rest(common), "every": every, "keep": keep,
         "common_x": xcommon, "rest_x": x.rest(xcommon) if x else None},
    ).fetchall()  # fmt: skip
    still = (
        conn.execute(
            "SELECT count(*) AS n FROM frequent_words WHERE lexeme = ANY(%s)", (every,)
        ).fetchone()["n"]
        if not rows
        else rows[0]["still"]
    )
    if still != len(every):
        return None
    return _among(rows, keep)


def _among(rows: list[dict], keep) -> dict[int, int]:
    """{doc_id: n} of the rows whose document is in ``keep`` (None: all)."""
    kept = set(keep) if keep is not None else None
    return {
        r["doc_id"]: r["n"]
        for r in rows
        if r["doc_id"] is not None and (kept is None or r["doc_id"] in kept)
    }
