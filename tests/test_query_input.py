"""Any text is a query: Library.search returns a result for every string (lone surrogates, NUL
and control characters included) or refuses it with a one-line BadQuery; limit and offset are
bounded, in the library and through the CLI."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baggrund.errors import BadDate, BadQuery, UnknownCountry
from baggrund.library import Library
from baggrund.query import clean_query
from baggrund.search import MAX_LIMIT, MAX_OFFSET, MAX_PREFIXES, MAX_QUERY_CHARS
from baggrund.store import open_store

from .conftest import SAMPLES
from .test_store_contract import _server, fresh_store


@pytest.mark.parametrize(
    "query",
    ["\ud800", "tor\ud800ture", "\udcff\udc80", "-\ud800*", '"\ud800 prison"', "\ud800 OR \udfff"],
)
def test_lone_surrogates_do_not_break_search(sample, query) -> None:
    result = sample.search(query)
    result.to_dict()
    assert "\ufffd" in result.query
    result.query.encode("utf-8")  # what the CLI and the web write out


def test_a_surrogate_splits_a_word_rather_than_being_dropped_silently(sample) -> None:
    assert sample.search("tor\ud800ture").total == sample.search("tor ture").total


@pytest.mark.parametrize("query", ["prison\x00", "\x00prison", "pri\x00son", "prison\x1b[31m"])
def test_nul_and_control_characters_are_word_breaks(sample, query) -> None:
    result = sample.search(query)
    assert "\x00" not in result.query and "\x1b" not in result.query
    assert result.total == sample.search(clean_query(query)).total


def test_clean_query() -> None:
    assert clean_query("a\x00b\tc\u200bd") == "a b\tc d"
    assert clean_query("tor\u00adture") == "torture"  # a soft hyphen joins
    assert clean_query("\ud800x") == "\ufffdx"
    assert clean_query("Straffes desertører i Eritrea?") == "Straffes desertører i Eritrea?"


@pytest.mark.parametrize("filters", [{"series": "\ud800"}, {"source": "a\ud800"}])
def test_surrogates_in_text_filters_do_not_break_search(sample, filters) -> None:
    # no such source or series: one line that names the library's own, and can be printed
    with pytest.raises(BadQuery) as error:
        sample.search("prison", **filters)
    str(error.value).encode("utf-8")


# -- limit and offset ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"offset": 99999999999999999999}, f"offset must be between 0 and {MAX_OFFSET:,}"),
        ({"offset": MAX_OFFSET + 1}, "offset must be between 0"),
        ({"offset": -1}, "offset must be between 0"),
        ({"limit": 0}, f"limit must be between 1 and {MAX_LIMIT:,}"),
        ({"limit": MAX_LIMIT + 1}, "limit must be between 1"),
        ({"limit": 10**30}, "limit must be between 1"),
        ({"limit": "5"}, "limit must be a whole number, not '5'"),
        ({"offset": 1.5}, "offset must be a whole number, not 1.5"),
        ({"offset": True}, "offset must be a whole number, not True"),
    ],
)
def test_limit_and_offset_are_bounded(sample, options, message) -> None:
    with pytest.raises(BadQuery, match=f"^{message}"):
        sample.search("prison", **options)


def test_the_largest_offset_is_an_empty_page_not_an_error(sample) -> None:
    result = sample.search("prison", offset=MAX_OFFSET, limit=MAX_LIMIT)
    assert result.hits == [] and result.total > 0


def test_the_cli_gives_one_line_for_a_huge_offset(cli, sample_db) -> None:
    cli.db = sample_db
    result = cli("search", "prison", "--offset", "99999999999999999999", expect=1)
    assert result.output.strip().count("\n") == 0
    assert "offset must be between 0 and" in result.output


def test_the_cli_reads_an_undecodable_argument(cli, sample_db) -> None:
    # a byte that is not UTF-8 arrives in sys.argv as a lone surrogate (surrogateescape)
    cli.db = sample_db
    cli("search", "prison\udcff")


# -- refused queries ----------------------------------------------------------------------------


def test_an_overlong_query_is_refused_in_one_line(sample) -> None:
    sample.search("a" * MAX_QUERY_CHARS)
    with pytest.raises(BadQuery, match=f"^query is {MAX_QUERY_CHARS + 1:,} characters long"):
        sample.search("a" * (MAX_QUERY_CHARS + 1))


def test_too_many_prefixes_are_refused(sample) -> None:
    sample.search(" ".join(f"x{i}*" for i in range(MAX_PREFIXES)))
    with pytest.raises(BadQuery, match=f"^query has {MAX_PREFIXES + 1} prefix"):
        sample.search(" ".join(f"x{i}*" for i in range(MAX_PREFIXES + 1)))


def test_a_query_that_is_not_text_is_refused(sample) -> None:
    with pytest.raises(BadQuery, match="^query must be text, not 42"):
        sample.search(42)


# -- fuzzing ------------------------------------------------------------------------------------

OPERATORS = st.sampled_from(['"', "-", "*", "OR", " OR ", "(", ")", ":", "\\", "'", "^", "~"])
WORDS = st.sampled_from(["prison", "torture", "Azerbaijan", "Aserbajdsjan", "i", "og", "detain*"])
PIECES = st.one_of(
    st.text(),  # any code point, lone surrogates and NUL included
    st.text(st.characters(codec=None, categories=["Cc", "Cf", "Cs", "Zs", "Zl", "Zp"])),
    OPERATORS,
    WORDS,
)
QUERIES = st.one_of(
    st.lists(PIECES, max_size=12).map(" ".join),
    st.lists(PIECES, max_size=12).map("".join),
    st.text(min_size=MAX_QUERY_CHARS - 5, max_size=MAX_QUERY_CHARS + 5),
)
OPTIONS = st.fixed_dictionaries(
    {},
    optional={
        "limit": st.integers(-5, 2000),
        "offset": st.integers(-5, 200_000) | st.just(99999999999999999999),
        "country": st.one_of(st.text(max_size=20), st.sampled_from(["AZE", "N/A", "NA"])),
        "source": st.text(max_size=20),
        "series": st.text(max_size=20),
        "since": st.text(max_size=20) | st.sampled_from(["2024-06-24", "i går"]),
        "latest": st.booleans(),
        "facets": st.booleans(),
    },
)


def search_or_refuse(lib, query, options) -> None:
    """A result that can be written out, or a one-line refusal; nothing else."""
    try:
        result = lib.search(query, **options)
    except (BadQuery, BadDate, UnknownCountry) as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 300
        message.encode("utf-8")
        return
    result.to_dict()
    result.query.encode("utf-8")
    for hit in result.hits:
        hit.to_json().encode("utf-8")


FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@settings(FUZZ, max_examples=300)
@given(query=QUERIES, options=OPTIONS)
def test_any_text_gives_a_result_or_a_clear_refusal(sample, query, options) -> None:
    search_or_refuse(sample, query, options)


@pytest.fixture(scope="module")
def pg_sample(tmp_path_factory):
    """The bundled sample in a fresh PostgreSQL database (needs BAGGRUND_TEST_POSTGRES)."""
    _server()
    with fresh_store("postgres", tmp_path_factory.mktemp("pg")) as url:
        lib = Library(open_store(url))
        try:
            assert lib.ingest([SAMPLES]).ok
            yield lib
        finally:
            lib.close()


@settings(FUZZ, max_examples=40)
@given(query=QUERIES, options=OPTIONS)
def test_any_text_on_postgresql_too(pg_sample, query, options) -> None:
    search_or_refuse(pg_sample, query, options)
