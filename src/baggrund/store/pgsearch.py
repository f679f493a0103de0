"""Searching the PostgreSQL store: the best passages, their count and facets.

The query is compiled by :mod:`.pgquery` (one tsquery per language); the filters are resolved
by :mod:`.pg_docs` into the allowed documents per language, so that no passage query joins
the documents table. The steps, each on ``passages`` alone:

- **the best passages**: candidates, then BM25. By default (GIN) the candidates are the
  ``k`` best by ``ts_rank`` over every matching row: a word in half the passages costs about
  200 milliseconds on the full corpus. With the opt-in RUM index (:mod:`.pg_rum`),
  ``ORDER BY tsv <=> query LIMIT k`` inside the index, without reading the rows (not for a
  prefix query). The ``k`` candidates are then scored by BM25 (:mod:`.pg_bm25`), as the
  SQLite store scores; a prefix query keeps ``ts_rank_cd``.
- **the count** (and the facets), per document, through the GIN index, on a second
  connection while the first ranks (``aside``); used only when the best passages filled the
  page (otherwise they are all there is).
- a search for one **frequent word** (in 10,000 passages or more) takes both from the tables
  of :mod:`.pg_frequent` instead: the same candidates and counts, from a few hundred rows; a
  search for any of several alternatives, or with exclusions, takes the frequent words' part
  from them and the rest through GIN (:func:`_any_word`).
- the rows of the page (:meth:`PostgresStore._passage_rows`).

Passages of Danish documents are matched and ranked with the Danish query, the others with the
English one; a country the query names ("prefer") puts its documents first, as the SQLite
store's score boost does."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from typing import cast

from ..index import COUNTRY_BOOST
from . import RawHit, RawPage, SearchRequest, pg_bm25, pg_frequent, pg_rum
from .pg_docs import DocCache, DocSnapshot
from .pgquery import FACET_SIZE, NORMALIZATION, WEIGHTS, LangQuery, compile_query

__all__ = ["search"]

# The candidates BM25 scores. On the shared judged questions (nDCG@10 en / da; SQLite 0.504 /
# 0.406): ts_rank_cd alone, over all matches 0.334 / 0.178, over 1,000 RUM candidates 0.331 /
# 0.178; BM25 over 300 RUM candidates 0.474 / 0.451, 500: 0.492 / 0.495, 1,000: 0.489 / 0.517
# (and about twice the time); BM25 over the 500 best by ts_rank (GIN) 0.515 / 0.475, by
# ts_rank_cd 0.507 / 0.429. RUM returns equal distances in no set order; the candidates are
# then sorted by score and id, so a query gives the same order whatever the page size.
CANDIDATES = 500
RESCORE = "bm25"  # or "ts_rank_cd"
_TIE_SLACK = 50

Aside = Callable[[Callable[[object], dict]], Future]  # work(conn) on another connection
Split = tuple[list[int] | None, list[int] | None, float]  # docs (None: all), docs left out, boost


def _doc_conditions(
    keep: list[int] | None, drop: list[int] | None, params: dict, everything=None
) -> list[str]:
    """Conditions on ``p.doc_id``: among ``keep`` (None: all), not in ``drop``. When ``keep``
    holds most of ``everything`` (the library's document ids), the same is said by the few
    left out: PostgreSQL compares ``= ANY`` with each element in turn (a broad filter of
    1,748 documents cost 40 ms more over 17,600 matches than the complement)."""
    if keep is not None and everything is not None and 2 * len(keep) > len(everything):
        chosen = set(keep)
        drop = [i for i in everything if i not in chosen] + list(drop or ())
        keep = None
    out = []
    if keep is not None:
        params["keep"] = keep
        out.append("p.doc_id = ANY(%(keep)s)")
    if drop:
        params["drop"] = drop
        out.append("NOT (p.doc_id = ANY(%(drop)s))")
    return out


def _top(
    conn, lq: LangQuery, split: Split, n: int, rum: str | None, docs, everything=None
) -> list[tuple]:
    """The best ``n`` passages of one language among some documents: (score, pid, doc_id)."""
    keep, drop, boost = split
    params: dict = {"n": n}
    conds = _doc_conditions(keep, drop, params, everything)
    if lq.match is None:  # no content words: every passage but the excluded ones, unranked
        if lq.exclude:
            params["x"] = lq.exclude
            conds.append("NOT (p.tsv @@ %(x)s::tsquery)")
        where = " AND ".join(conds) or "TRUE"
        rows = conn.execute(
            f"SELECT 0.0::float8 AS score, p.id AS pid, p.doc_id FROM passages p WHERE {where}"
            " ORDER BY p.id LIMIT %(n)s",
            params,
        ).fetchall()
    else:
        params["q"], params["m"] = lq.full, lq.match  # matched by the first, ranked by the second
        words = pg_bm25.query_lexemes(lq.match)  # None: a prefix query
        on_rum = rum is not None and words is not None
        column = pg_rum.EXPRESSION if on_rum else "p.tsv"  # which index may serve the match
        where = " AND ".join([f"{column} @@ %(q)s::tsquery", *conds])
        params["weights"], params["norm"] = [float(w) for w in WEIGHTS], NORMALIZATION
        # Ranked by what the query asks for, not by its exclusions: PostgreSQL ranks "a & !b"
        # as an AND of two words of which one is missing (about 1e-21, in no useful order).
        args = "%(weights)s::float4[], p.tsv, %(m)s::tsquery, %(norm)s"
        rank = f"ts_rank_cd({args})::float8"
        params["k"] = max(n + _TIE_SLACK, CANDIDATES)
        # RUM orders inside the index (no tie-break: no index has one); GIN: a rank over every
        # match (a prefix query never goes through RUM: see pg_rum). Candidates that BM25 will
        # score again are chosen by ts_rank, which counts the words (as BM25 does) and costs
        # less than ts_rank_cd's cover density; a prefix query keeps ts_rank_cd's order.
        lexemes = words if RESCORE == "bm25" else None
        cheap = f"ts_rank({args})::float8" if lexemes else rank
        order = f"{column} OPERATOR({rum}.<=>) %(m)s::tsquery" if on_rum else f"{cheap} DESC, p.id"
        if lexemes:  # the best candidates, scored by BM25
            word = None if on_rum else pg_frequent.single_lexeme(lq.full)
            found = pg_frequent.best(conn, word, keep, drop, params["k"]) if word else None
            if found is None and not on_rum:
                alternatives = pg_frequent.any_of(lq.match, lq.exclude)
                found = _any_word(conn, alternatives, conds, params)
            if found is None:
                found = conn.execute(
                    f"SELECT p.id AS pid, p.doc_id FROM passages p WHERE {where}"
                    f" ORDER BY {order} LIMIT %(k)s",
                    params,
                ).fetchall()
            if not found:
                return []
            df, n_docs = docs.freqs.get(conn, docs.version, lexemes)
            scores = pg_bm25.rescore(conn, [r["pid"] for r in found], lexemes, df, n_docs)
            best = sorted(found, key=lambda r: (-scores.get(r["pid"], 0.0), r["pid"]))[:n]
            return [(scores.get(r["pid"], 0.0) + boost, r["pid"], r["doc_id"]) for r in best]
        rows = conn.execute(
            f"""SELECT {rank} AS score, p.id AS pid, p.doc_id FROM (
                SELECT p.id FROM passages p WHERE {where} ORDER BY {order} LIMIT %(k)s) t
            JOIN passages p ON p.id = t.id ORDER BY score DESC, p.id LIMIT %(n)s""",
            params,
        ).fetchall()
    return [(r["score"] + boost, r["pid"], r["doc_id"]) for r in rows]


def _any_word(
    conn, alternatives: pg_frequent.Alternatives | None, conds: list[str], params: dict
) -> list | None:
    """Candidates for any of several alternatives (a relaxed query, an ``OR`` group, or one
    word with exclusions) when some are frequent words: each frequent word's ``k`` best
    passages from its list, and the ``k`` best by ``ts_rank`` among the passages of the
    other alternatives (GIN; fewer than FREQUENT each word); without the excluded (so that one
    word with exclusions gets exactly the GIN path's candidates). None when no word is
    frequent or a frequent word's list has fewer than ``k`` passages among the documents
    that the exclusions leave (then GIN ranks every match)."""
    if alternatives is None:
        return None
    common = pg_frequent.frequent(conn, list(alternatives.words))
    if not common:
        return None
    keep, drop, k = params.get("keep"), params.get("drop"), params["k"]
    lists = [pg_frequent.listed(conn, word, keep, drop) for word in common]
    p = {**params, "rest": alternatives.rest(common)}
    x = alternatives.excluded
    if x is not None and all(lists):  # the lists' passages that the exclusions leave
        full = cast(list[list[dict]], lists)  # every word's list exists (all() above)
        p["x"] = x.rest([])
        left = conn.execute(
            "SELECT p.id FROM passages p WHERE p.id = ANY(%(ids)s)"
            " AND NOT (p.tsv @@ %(x)s::tsquery)",
            {"ids": list({r["pid"] for rows in full for r in rows}), "x": p["x"]},
        ).fetchall()
        kept = {r["id"] for r in left}
        lists = [[r for r in rows if r["pid"] in kept] for rows in full]
    found: dict[int, dict] = {}
    for rows in lists:
        if rows is None or len(rows) < k:
            return None
        found.update((r["pid"], r) for r in rows[:k])
    if p["rest"]:
        args = "%(weights)s::float4[], p.tsv, %(rest)s::tsquery, %(norm)s"
        where = ["p.tsv @@ %(rest)s::tsquery", *conds]
        if x is not None:
            where.append("NOT (p.tsv @@ %(x)s::tsquery)")
        rows = conn.execute(
            f"SELECT p.id AS pid, p.doc_id FROM passages p WHERE {' AND '.join(where)}"
            f" ORDER BY ts_rank({args}) DESC, p.id LIMIT %(k)s",
            p,
        ).fetchall()
        found.update((r["pid"], r) for r in rows)
    return list(found.values())


class CountCache:
    """The latest counts per document by query and documents, for one version of the
    documents table: paging through a query, or asking for its facets, counts once."""

    SIZE = 256

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: OrderedDict[tuple, dict[int, int]] = OrderedDict()

    def get(self, key: tuple) -> dict[int, int] | None:
        with self._lock:
            found = self._counts.get(key)
            if found is not None:
                self._counts.move_to_end(key)
            return found

    def put(self, key: tuple, counts: dict[int, int]) -> None:
        with self._lock:
            self._counts[key] = counts
            while len(self._counts) > self.SIZE:
                self._counts.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._counts.clear()


def _count_key(lq: LangQuery, keep: list[int] | None, version) -> tuple:
    return (version, lq.match, lq.exclude, None if keep is None else tuple(keep))


def _counts(
    conn, lq: LangQuery, keep: list[int] | None, cache: CountCache, version, everything=None
) -> dict:
    """Matching passages per document, among ``keep`` (None: all of the language's)."""
    key = _count_key(lq, keep, version)
    found = cache.get(key)
    if found is None:
        found = _count_now(conn, lq, keep, everything)
        cache.put(key, found)
    return found


def _count_aside(
    q: dict[str, LangQuery], langs: list[str], allowed, docs, aside, everything=None
) -> Future | None:
    """Start counting the languages' matches on another connection while the best passages
    are found on this one (a common word: about as long as each other); None when there is
    nothing to count or every count is cached."""
    todo = {
        lang: allowed.by_lang[lang]
        for lang in langs
        if docs.counts.get(_count_key(q[lang], allowed.by_lang[lang], docs.version)) is None
    }
    if aside is None or not todo:
        return None
    return aside(
        lambda conn: {
            lang: _count_now(conn, q[lang], keep, everything) for lang, keep in todo.items()
        }
    )


def _count_now(conn, lq: LangQuery, keep: list[int] | None, everything=None) -> dict[int, int]:
    word = pg_frequent.single_lexeme(lq.full)
    found = pg_frequent.counts(conn, word, keep) if word is not None else None
    if found is None and (alternatives := pg_frequent.any_of(lq.match, lq.exclude)):
        found = pg_frequent.any_counts(conn, alternatives, keep)
    if found is not None:
        return found
    params: dict = {}
    conds = _doc_conditions(keep, None, params, everything)
    if lq.match is not None:
        params["q"] = lq.full
        conds.insert(0, "p.tsv @@ %(q)s::tsquery")
    elif lq.exclude:
        params["x"] = lq.exclude
        conds.append("NOT (p.tsv @@ %(x)s::tsquery)")
    where = " AND ".join(conds) or "TRUE"
    rows = conn.execute(
        f"SELECT p.doc_id, count(*) AS n FROM passages p WHERE {where} GROUP BY p.doc_id", params
    )
    return {r["doc_id"]: r["n"] for r in rows}


def _splits(snap: DocSnapshot, lang: str, ids: list[int] | None, prefer: str | None) -> list:
    """The document sets to rank separately: the preferred country's (boosted) and the rest."""
    if prefer is None:
        return [(ids, None, 0.0)]
    pool = snap.by_lang[lang] if ids is None else ids
    preferred = [i for i in pool if snap.docs[i].country == prefer]
    if not preferred:
        return [(ids, None, 0.0)]
    if ids is None:
        return [(preferred, None, COUNTRY_BOOST), (None, preferred, 0.0)]
    chosen = set(preferred)
    rest = [i for i in ids if i not in chosen]
    return [(preferred, None, COUNTRY_BOOST)] + ([(rest, None, 0.0)] if rest else [])


def _run(conn, q: dict[str, LangQuery], docs, snap, allowed, request, n: int, rum, aside):
    """The best ``n`` passages (score, pid) and the matches per document."""
    found: list[tuple] = []
    langs = [lang for lang in allowed.by_lang if not q[lang].nothing]
    pending = _count_aside(q, langs, allowed, docs, aside, snap.docs)
    for lang in langs:
        lq = q[lang]
        for split in _splits(snap, lang, allowed.by_lang[lang], request.prefer_country):
            found += _top(conn, lq, split, n, rum, docs, snap.docs)
    found.sort(key=lambda h: (-h[0], h[1]))
    if len(found) < n:  # every match is here
        counts: dict[int, int] = {}
        for _, _, doc_id in found:
            counts[doc_id] = counts.get(doc_id, 0) + 1
    else:
        counted: dict[str, dict] = {}
        if pending is not None:
            try:
                counted = pending.result()
            except Exception:  # no connection free, or it failed: count here (errors show)
                counted = {}
        counts = {}
        for lang in langs:
            keep = allowed.by_lang[lang]
            if lang in counted:
                docs.counts.put(_count_key(q[lang], keep, docs.version), counted[lang])
                counts.update(counted[lang])
            else:
                counts.update(_counts(conn, q[lang], keep, docs.counts, docs.version, snap.docs))
    return [(pid, score) for score, pid, _ in found[:n]], counts


def search(
    conn,
    request: SearchRequest,
    rows: Callable[[object, list[int]], dict[int, dict]],
    docs: DocCache,
    rum: str | None,
    aside: Aside | None = None,
) -> RawPage:
    """A page of passages, as the SQLite store's search: all content words first; when they
    give fewer than ``request.relax_below`` passages and there is more than one content clause,
    passages with any of them follow (``relaxed``). ``aside`` runs work on a second
    connection (the count, beside the ranking)."""
    compiled = compile_query(conn, request.query)
    snap = docs.get(conn)
    allowed = snap.allowed(request.filters, request.latest)
    want = request.offset + request.limit
    hits, counts = _run(conn, compiled.strict, docs, snap, allowed, request, want, rum, aside)
    strict_total = total = sum(counts.values())
    relaxed = False
    if strict_total < request.relax_below and len(request.query.content()) > 1:
        more, loose_counts = _run(
            conn, compiled.loose, docs, snap, allowed, request, want + len(hits), rum, aside
        )
        seen = {pid for pid, _ in hits}
        extra = [h for h in more if h[0] not in seen]
        if extra:
            hits, counts, relaxed = hits + extra, loose_counts, True
            total = sum(counts.values())
    page = hits[request.offset : want]
    found_rows = rows(conn, [pid for pid, _ in page])
    found = [
        RawHit(found_rows[pid], score, partial=i + request.offset >= strict_total)
        for i, (pid, score) in enumerate(page)
        if pid in found_rows
    ]
    facets = snap.facets(counts, FACET_SIZE) if request.facets else None
    return RawPage(found, total, relaxed, facets, strict_total)
