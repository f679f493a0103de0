"""PostgreSQL: a search for one frequent word answers from the frequent words' tables
(baggrund.store.pg_frequent) exactly what the GIN path answers: the same hits in the same
order with the same scores, the same totals and facets, under filters, on later pages, after
documents are added and updated without a refresh, and after a refresh.

The sample is small, so the tests lower the thresholds: a word in 100 passages is frequent,
its 150 best passages are kept, and a search asks for 60 candidates (instead of 500), so that
both the tables and the fallback to GIN are exercised.
Needs BAGGRUND_TEST_POSTGRES (see tests/test_store_contract.py)."""

from __future__ import annotations

import gzip
import json

import pytest

from baggrund.library import Library
from baggrund.store import open_store, pg_frequent, pgsearch
from baggrund.store.pg_frequent import Alternatives

from .conftest import SAMPLES
from .test_store_contract import _server, fresh_store

WORDS = ["government", "women", "torture", "court", "prison", "freedom", "report", "arrested"]
OPTIONS = [
    {},
    {"offset": 5},
    {"offset": 30},  # past the kept passages: GIN
    {"country": "Azerbaijan"},
    {"latest": True},
    {"facets": True},
    {"since": "2022-01-01", "facets": True},
]


@pytest.fixture
def lib(tmp_path, monkeypatch):
    _server()
    monkeypatch.setattr(pg_frequent, "FREQUENT", 100)
    monkeypatch.setattr(pg_frequent, "KEEP", 400)  # a first page ranks 100 passages (+ slack)
    monkeypatch.setattr(pgsearch, "CANDIDATES", 60)
    with fresh_store("postgres", tmp_path) as url:
        library = Library(open_store(url))
        try:
            assert library.ingest([SAMPLES]).added == 7  # the load refreshes the tables
            yield library
        finally:
            library.close()


def _answer(lib: Library, query: str, options: dict) -> tuple:
    lib.store.forget_counts()
    r = lib.search(query, limit=10, **options)
    hits = [(h.citation, round(h.score, 9)) for h in r.hits]
    return hits, r.total, r.facets


def _compare(lib: Library, monkeypatch, queries) -> tuple[int, int]:
    """Every query's answer with the tables and through GIN alone; (answered from the
    tables, through GIN)."""
    used: list[bool] = []
    best, counts = pg_frequent.best, pg_frequent.counts

    def spy(*args):
        found = best(*args)
        used.append(found is not None)
        return found

    tables = gin = 0
    for query, options in queries:
        monkeypatch.setattr(pg_frequent, "best", spy)
        monkeypatch.setattr(pg_frequent, "counts", counts)
        used.clear()
        fast = _answer(lib, query, options)
        from_tables = any(used)
        monkeypatch.setattr(pg_frequent, "best", lambda *a: None)
        monkeypatch.setattr(pg_frequent, "counts", lambda *a: None)
        slow = _answer(lib, query, options)
        assert fast == slow, (query, options)
        assert slow[0], (query, options)  # something was found
        tables, gin = tables + from_tables, gin + (not from_tables)
    monkeypatch.setattr(pg_frequent, "best", best)
    monkeypatch.setattr(pg_frequent, "counts", counts)
    return tables, gin


def _words(lib: Library) -> dict[str, int]:
    with lib.store._connection() as conn:
        rows = conn.execute("SELECT lexeme, passages FROM frequent_words").fetchall()
    return {r["lexeme"]: r["passages"] for r in rows}


def test_a_load_chooses_the_frequent_words(lib):
    words = _words(lib)
    assert {"govern", "court"} <= set(words)
    assert "polic" not in words or words["polic"] >= 100
    assert min(words.values()) >= 100
    with lib.store._connection() as conn:
        gin = conn.execute(
            "SELECT count(*) AS n FROM passages WHERE tsv @@ 'govern'::tsquery"
        ).fetchone()["n"]
    assert words["govern"] == gin


def test_one_word_answers_as_gin_does(lib, monkeypatch):
    queries = [(w, o) for w in WORDS for o in OPTIONS]
    tables, gin = _compare(lib, monkeypatch, queries)
    assert tables >= len(WORDS) * 3  # most unfiltered and first pages come from the tables
    assert gin >= len(WORDS)  # a deep page or a narrow filter goes to GIN


def test_one_word_with_exclusions_answers_as_gin_does(lib, monkeypatch):
    """Its list's passages that the exclusions leave are, in order, GIN's candidates."""
    queries = [
        (q, o)
        for q in ["government -Syria", "women -Afghanistan -Iran", 'court -"security forces"']
        for o in [{}, {"offset": 5}, {"facets": True}, {"country": "Azerbaijan"}]
    ]
    for name in ("any_counts", "listed"):
        monkeypatch.setattr(pg_frequent, name, getattr(pg_frequent, name))
    real = pg_frequent.listed, pg_frequent.any_counts
    any_word, served = pgsearch._any_word, []
    monkeypatch.setattr(pgsearch, "_any_word", lambda *a: served.append(any_word(*a)) or served[-1])
    for query, options in queries:
        fast = _answer(lib, query, options)
        monkeypatch.setattr(pg_frequent, "listed", lambda *a: None)
        monkeypatch.setattr(pg_frequent, "any_counts", lambda *a: None)
        slow = _answer(lib, query, options)
        monkeypatch.setattr(pg_frequent, "listed", real[0])
        monkeypatch.setattr(pg_frequent, "any_counts", real[1])
        assert fast == slow, (query, options)
        assert slow[0], (query, options)
    # from the lists, not GIN: "court" (131 passages in the sample) is below the 150 candidates
    # a first page of 100 passages needs, so its queries go to GIN
    assert sum(found is not None for found in served) >= 4


def test_words_that_are_not_one_plain_word_go_to_gin():
    assert pg_frequent.single_lexeme("( 'govern' )") == "govern"
    assert pg_frequent.single_lexeme("'baha''i'") == "baha'i"
    for query in ["'govern':*", "( 'govern' ) & ( 'polic' )", "'hum' <-> 'right'",
                  "( 'govern' ) & !( 'syria' )", "( 'a' ) | ( 'b' )", None]:  # fmt: skip
        assert pg_frequent.single_lexeme(query) is None, query


def _edited_sample(tmp_path, n: int, changed: bool) -> str:
    """The sample's first report again under a new identity (n), or changed."""
    with gzip.open(SAMPLES / "usdos-hrr-sample.jsonl.gz", "rt") as f:
        record = json.loads(f.readline())
    record["id"] = f"test-edition-{n}"
    if changed:
        record["text"] = record["text"].replace("government", "government police torture")
    path = tmp_path / f"edition-{n}-{changed}.jsonl"
    path.write_text(json.dumps(record) + "\n")
    return str(path)


def test_tables_follow_added_and_updated_documents(lib, monkeypatch, tmp_path):
    before = _words(lib)
    assert lib.ingest([_edited_sample(tmp_path, 1, False)]).added == 1  # grows < a quarter
    assert lib.ingest([_edited_sample(tmp_path, 1, True)]).updated == 1
    assert _words(lib).keys() == before.keys()  # no refresh: the lists were kept up to date
    queries = [(w, o) for w in ["government", "police", "torture"] for o in OPTIONS]
    tables, _ = _compare(lib, monkeypatch, queries)
    assert tables
    counted = _answer(lib, "torture", {})[1]
    with lib.store._connection() as conn:
        assert pg_frequent.refresh(conn) >= len(before)  # words that became frequent
    assert _answer(lib, "torture", {})[1] == counted
    _compare(lib, monkeypatch, queries)


def test_a_refresh_waits_for_writers_and_writers_for_it(lib):
    """A refresh and a document write exclude each other (an advisory lock writers share)."""
    import psycopg

    with lib.store._connection() as writer, writer.transaction():
        pg_frequent.lock_shared(writer)
        pg_frequent.lock_shared(writer)  # writers share it
        with lib.store._connection() as other:
            other.execute("SET lock_timeout = '200ms'")
            with pytest.raises(psycopg.errors.LockNotAvailable), other.transaction():
                pg_frequent.refresh(other)


def test_any_of_several_words_counts_as_gin_does(lib, monkeypatch):
    """A relaxed query (no passage has every word) takes its candidates from the frequent
    words' lists and GIN for the others; its counts and facets are exact."""
    any_counts = pg_frequent.any_counts
    for query in ["government xylophone", "women court xylophone", "prison Baku xylophone",
                  "torture beaten xylophone", "women OR court -Iran",
                  'torture OR "human rights" -Syria']:  # fmt: skip
        for options in [{}, {"facets": True}, {"country": "Azerbaijan", "facets": True}]:
            monkeypatch.setattr(pg_frequent, "any_counts", any_counts)
            fast = lib.search(query, limit=10, **options)
            monkeypatch.setattr(pg_frequent, "any_counts", lambda *a: None)
            lib.store.forget_counts()
            slow = lib.search(query, limit=10, **options)
            lib.store.forget_counts()
            assert fast.relaxed == slow.relaxed
            assert (fast.total, fast.facets) == (slow.total, slow.facets), (query, options)
            assert len(fast.hits) == 10
    with lib.store._connection() as conn:
        counted = any_counts(conn, Alternatives(("govern", "baku", "xylophon"), ()), None)
        gin = conn.execute(
            "SELECT doc_id, count(*) AS n FROM passages"
            " WHERE tsv @@ 'govern | baku | xylophon'::tsquery GROUP BY doc_id"
        ).fetchall()
        assert counted == {r["doc_id"]: r["n"] for r in gin}
        assert (
            any_counts(conn, Alternatives(("baku", "xylophon"), ()), None) is None
        )  # none frequent
        phrase = any_counts(conn, Alternatives(("govern",), ("'human' <-> 'right'",)), None)
        gin = conn.execute(
            "SELECT doc_id, count(*) AS n FROM passages"
            " WHERE tsv @@ 'govern | human <-> right'::tsquery GROUP BY doc_id"
        ).fetchall()
        assert phrase == {r["doc_id"]: r["n"] for r in gin}


def test_any_of_reads_a_relaxed_query():
    read = pg_frequent.any_of
    assert read("( 'govern' ) | ( 'baha''i' ) | ( 'govern' )") == Alternatives(
        ("govern", "baha'i"), ()
    )
    assert read("( 'a' ) | ( ( 'b' ) | ( 'c' <-> 'd' ) )") == Alternatives(
        ("a", "b"), ("'c' <-> 'd'",)
    )
    assert Alternatives(("a", "b"), ("'c' <-> 'd'",)).rest(["a"]) == "'b' | ( 'c' <-> 'd' )"
    for query in ["( 'govern' )", "( 'a':* ) | ( 'b' )", "( ( 'a' ) | ( 'b' ) ) & ( 'c' )",
                  "( ( 'a' ) | ( 'b' ) ) & !( 'c' )", "", None]:  # fmt: skip
        assert read(query) is None, query
    excluding = read("( 'govern' )", "( 'syria' ) | ( 'human' <-> 'right' )")
    assert excluding == Alternatives(
        ("govern",), (), Alternatives(("syria",), ("'human' <-> 'right'",))
    )
    assert read("( 'govern' )", "( 'a':* )") is None


def test_a_broad_document_filter_is_said_by_the_few_left_out():
    everything = dict.fromkeys([1, 2, 3, 4, 5])
    params: dict = {}
    assert pgsearch._doc_conditions([1, 2, 3, 4], None, params, everything) == [
        "NOT (p.doc_id = ANY(%(drop)s))"
    ]
    assert params == {"drop": [5]}
    params = {}
    assert pgsearch._doc_conditions([1, 2], [9], params, everything) == [
        "p.doc_id = ANY(%(keep)s)",
        "NOT (p.doc_id = ANY(%(drop)s))",
    ]
    assert params == {"keep": [1, 2], "drop": [9]}
    assert pgsearch._doc_conditions(list(everything), None, {}, everything) == []
