"""Paging: one total order per query and filters. Pages of any size, at any offset, are exactly
the slices of the list that one large request gives, each result once, on both stores; the
total does not change with the page."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baggrund.edition import BLOCK, Folder, age_factor
from baggrund.search import ranked_results
from baggrund.store import RawHit, RawPage

from .test_store_contract import BACKENDS, SampleStores

QUERIES = [
    "trafficking",
    "victims",
    "police",
    "Azerbaijan",
    "forced labor",
    "labor exploitation victims",
    "children OR women",
    "trafficking -children",
    "detain*",
    '"',
    "menneskehandel ofre",
    "How does the government protect victims of trafficking in Azerbaijan?",
    "journalists Baku",
]
FILTERS = [{}, {"latest": True}, {"country": "AZE"}, {"since": "2023-01-01"}]


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    stores = SampleStores(tmp_path_factory.mktemp("paging"))
    with stores.stack:
        yield stores


def _listing(lib, query, filters, limit, offset=0):
    result = lib.search(query, limit=limit, offset=offset, **filters)
    return result, [(h.anchor, h.score) for h in result.hits]


@pytest.mark.parametrize("kind", BACKENDS)
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=st.sampled_from(QUERIES),
    filters=st.sampled_from(FILTERS),
    size=st.integers(1, 40),
    offset=st.integers(0, 150),
)
def test_pages_are_slices_of_one_list(stores, kind, query, filters, size, offset):
    lib = stores.get(kind)
    whole, every = _listing(lib, query, filters, 1000)
    anchors = [a for a, _ in every]
    assert len(anchors) == len(set(anchors)), "a result twice in one list"
    page, shown = _listing(lib, query, filters, size, offset)
    assert shown == every[offset : offset + size]
    assert page.total == whole.total
    # page after page from the start, in pages of this size: the same list, each result once
    walked, start = [], 0
    while start < min(len(every), 8 * size, 80):
        walked += _listing(lib, query, filters, size, start)[1]
        start += size
    assert walked == every[: len(walked)]
    if whole.results is not None and len(every) < 1000:
        assert whole.results == len(every)  # every result of the list, once


@pytest.mark.parametrize("kind", BACKENDS)
def test_the_list_is_the_same_on_every_open(stores, kind):
    lib = stores.get(kind)
    first = [_listing(lib, q, {}, 200)[1] for q in QUERIES]
    again = [_listing(lib, q, {}, 200)[1] for q in QUERIES]
    assert first == again


def _hit(pid: int, score: float, year: int, text: str, partial: bool = False) -> RawHit:
    row = {"doc_id": pid, "country": "AZE", "source": "S", "series": "R", "edition_year": year,
           "series_newest": 2024, "published": None, "text": text}  # fmt: skip
    return RawHit(row, score, partial)


def _fetcher(hits: list[RawHit], calls: list[int]):
    def fetch(start: int, count: int) -> RawPage:
        calls.append(count)
        return RawPage(hits[start : start + count], len(hits), False, None)

    return fetch


def test_an_old_edition_goes_where_its_score_after_age_puts_it():
    # the best match is 2016's (scoring just under 2 after eight years); the 2024 passages
    # below it in the list score 3.001, 2.981, ... : the 2016 result goes after those scoring
    # over 2, whatever the page size
    old = _hit(1, 1.0, 2016, "alpha beta gamma")
    hits = [_hit(1, 1.9999 / age_factor(old.row), 2016, "alpha beta gamma")]
    hits += [_hit(i, 3.001 - 0.02 * (i - 2), 2024, f"w{i} o{i} m{i}") for i in range(2, 102)]
    expected = [*range(2, 53), 1, *range(53, 102)]
    for need in (1, 10, 20, 50, 51, 55, 101):
        calls: list[int] = []
        results, _, _ = ranked_results(_fetcher(hits, calls), Folder(), need)
        assert [r.hit.row["doc_id"] for r in results] == expected[:need], need


def test_results_beyond_one_block_are_reachable():
    hits = [_hit(i, 1000.0 - i * 0.01, 2024, f"w{i} x{i} y{i}") for i in range(BLOCK + 50)]
    calls: list[int] = []
    results, _, count = ranked_results(_fetcher(hits, calls), Folder(), BLOCK + 50)
    assert [r.hit.row["doc_id"] for r in results] == list(range(BLOCK + 50))
    assert count == BLOCK + 50


def test_an_edition_folds_into_its_newer_twin_whatever_the_window():
    same = "Prison conditions were harsh and life threatening in several prisons"
    hits = [_hit(1, 5.0, 2023, same), _hit(2, 4.8, 2024, same + " today")]
    hits += [_hit(i, 1.0, 2024, f"p{i} q{i} r{i}") for i in range(3, 40)]
    for need in (1, 2, 5, 39):
        results, _, _ = ranked_results(_fetcher(hits, []), Folder(), need)
        first = results[0]
        assert first.hit.row["doc_id"] == 2 and [o.row["doc_id"] for o in first.older] == [1]
