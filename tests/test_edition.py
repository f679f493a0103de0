"""Edition folding: a passage joins the first earlier result of its series (another
document's) that shares at least SIMILAR of its words, however many results the series has."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from baggrund.edition import SCAN, SIMILAR, Folder
from baggrund.store import RawHit

WORDS = [f"w{n}" for n in range(20)]


def _hit(pid: int, doc: int, series: str, words: list[str]) -> RawHit:
    row = {
        "pid": pid, "doc_id": doc, "country": "ERI", "source": "S", "series": series,
        "edition_year": 2016 + doc % 9, "published": None, "series_newest": 2024,
        "text": " ".join(words),
    }  # fmt: skip
    return RawHit(row, 10.0 - pid / 1000)


def _reference(hits: list[RawHit]) -> dict[int, int]:
    """Passage id -> the passage id that began its result, by comparing with every result."""
    groups: list[tuple[RawHit, frozenset[str]]] = []
    joined = {}
    for h in hits:
        words = frozenset(h.row["text"].split())
        first = None
        for head, group_words in groups:
            if head.row["series"] != h.row["series"] or head.row["doc_id"] == h.row["doc_id"]:
                continue
            if words and len(words & group_words) / len(words | group_words) >= SIMILAR:
                first = head
                break
        if first is None:
            groups.append((h, words))
            joined[h.row["pid"]] = h.row["pid"]
        else:
            joined[h.row["pid"]] = first.row["pid"]
    return joined


passage = st.tuples(
    st.integers(0, 30),  # document
    st.sampled_from(["a", "a", "a", "b"]),  # series
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=12),
)


@st.composite
def editions(draw):
    """Many texts of one series, then other editions of some of them with a word or two
    changed: twins of results made long after the series passed SCAN results."""
    bases = draw(st.integers(SCAN - 4, 2 * SCAN))
    texts = [
        [f"u{n}", *draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=10))]
        for n in range(bases)
    ]
    out = [(n, "a", words) for n, words in enumerate(texts)]
    for _ in range(draw(st.integers(0, 3 * SCAN))):
        words = list(texts[draw(st.integers(0, bases - 1))])
        if draw(st.booleans()):
            words.pop(draw(st.integers(0, len(words) - 1)))
        if draw(st.booleans()):
            words.append(draw(st.sampled_from(WORDS)))
        out.append((draw(st.integers(0, 3 * SCAN)), draw(st.sampled_from("aab")), words))
    return out


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.one_of(st.lists(passage, min_size=1, max_size=4 * SCAN), editions()))
def test_folding_is_the_same_with_few_or_many_results_in_a_series(passages):
    hits = [_hit(pid, doc, series, words) for pid, (doc, series, words) in enumerate(passages)]
    folder = Folder()
    for start in range(0, len(hits), 7):  # fed in pieces, as pages are fetched
        folder.add(hits[start : start + 7])
    got = {}
    for number in range(len(folder._blocks)):
        for result in folder.block(number):
            # the result began with the earliest of its passages (the one fetched first)
            members = [result.hit, *result.older]
            head = min(m.row["pid"] for m in members)
            for m in members:
                got[m.row["pid"]] = head
    assert got == _reference(hits)


def test_the_example_lists_reach_past_a_scan():
    """The property above is about series with more results than SCAN, too."""
    many = [_hit(n, n, "a", [f"w{n}", f"x{n}"]) for n in range(SCAN + 5)]
    folder = Folder()
    folder.add(many)
    assert len(folder._groups[("ERI", "S", "a")]) > SCAN
    assert ("ERI", "S", "a") in folder._tokens
