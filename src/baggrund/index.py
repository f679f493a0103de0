"""The full-text index of passages: tantivy, kept in a folder beside the SQLite file.

The SQLite file is the system of record; this index is derived from it. Every document row
carries a change sequence number; the index records (in ``state.json``) the database it
belongs to and the highest sequence number it holds. On opening, a missing, foreign or
damaged index is rebuilt and a stale one is brought up to date from the database.

Text is analysed per language: English passages go to ``*_en`` fields (Snowball English
stemmer), Danish ones to ``*_da`` (Snowball Danish). A query is analysed with both."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tantivy

from .filelock import exclusive
from .query import AnyOf, ParsedQuery, Phrase, Term

__all__ = ["PassageIndex", "IndexFilters", "IndexHit", "analyzer", "LANGUAGES"]

SCHEMA_VERSION = 1
LANGUAGES = {"en": "english", "da": "danish"}
TEXT_FIELDS = ("text", "heading", "title")
BOOSTS = {
    "text": 1.0,
    "heading": 1.0,
    "title": 1.0,
}  # tuned on judged questions (docs/benchmarks.md)
TIE_BREAKER = 0.1  # share of the other alternatives' scores in an OR group
COUNTRY_BOOST = 20.0  # added to the score of passages of a country the query names


@functools.cache
def analyzer(language: str) -> tantivy.TextAnalyzer:
    """The analyser of a language code (``en``, ``da``): simple tokens, lower case, stemmed."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer(LANGUAGES[language]))
        .build()
    )


def _schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_unsigned_field("pid", fast=True)
    b.add_unsigned_field("doc", indexed=True, fast=True)
    for name in ("country", "source", "series"):
        b.add_text_field(name, tokenizer_name="raw", fast=True)
    for name in ("year", "published", "added"):
        b.add_integer_field(name, indexed=True, fast=True)
    for lang in LANGUAGES:
        for name in TEXT_FIELDS:
            b.add_text_field(f"{name}_{lang}", tokenizer_name=f"bg_{lang}")
    return b.build()


@dataclass(frozen=True)
class IndexFilters:
    country: str | None = None
    source: str | None = None
    series: str | None = None
    published_from: int | None = None  # yyyymmdd
    published_to: int | None = None
    added_from: int | None = None
    added_to: int | None = None
    documents: tuple[int, ...] | None = None  # "latest only": the documents allowed


@dataclass(frozen=True)
class IndexHit:
    pid: int
    score: float


def _day(value) -> int | None:
    return int(value.strftime("%Y%m%d")) if value else None


class PassageIndex:
    """A tantivy index in ``path``, belonging to the database whose id is ``owner``."""

    def __init__(self, path: str | os.PathLike, owner: str):
        self.path = Path(path)
        self.owner = owner
        self.schema = _schema()
        self._index: tantivy.Index | None = None

    # -- state -------------------------------------------------------------------------------
    @property
    def _state_file(self) -> Path:
        return self.path / "state.json"

    def indexed_seq(self) -> int | None:
        """The highest change sequence the index holds, or None when it must be rebuilt."""
        try:
            state = json.loads(self._state_file.read_text())
        except (OSError, ValueError):
            return None
        if state.get("owner") != self.owner or state.get("schema") != SCHEMA_VERSION:
            return None
        return int(state.get("seq", -1))

    def _write_state(self, seq: int) -> None:
        tmp = self._state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps({"owner": self.owner, "schema": SCHEMA_VERSION, "seq": seq}))
        os.replace(tmp, self._state_file)

    def lock(self) -> contextlib.AbstractContextManager[None]:
        """An exclusive lock for writers, across processes."""
        return exclusive(self.path)

    def _open(self, *, create: bool = False) -> tantivy.Index:
        if self._index is None or create:
            if create:
                shutil.rmtree(self.path / "tantivy", ignore_errors=True)
            (self.path / "tantivy").mkdir(parents=True, exist_ok=True)
            self._index = tantivy.Index(self.schema, path=str(self.path / "tantivy"), reuse=True)
            for lang in LANGUAGES:
                self._index.register_tokenizer(f"bg_{lang}", analyzer(lang))
        return self._index

    # -- writing -----------------------------------------------------------------------------
    def write(self, documents: Iterable[tuple[dict, list[dict]]], seq: int, *, rebuild=False):
        """Replace the passages of each (document row, passage rows) pair, commit, and record
        ``seq``. Call under :meth:`lock`."""
        index = self._open(create=rebuild)
        writer = index.writer(heap_size=256_000_000, num_threads=2)
        for doc, passages in documents:
            if not rebuild:
                writer.delete_documents_by_term("doc", doc["id"])
            lang = doc["language"] if doc["language"] in LANGUAGES else "en"
            common = {
                "doc": doc["id"],
                "country": doc["country"],
                "source": doc["source"],
                "series": doc["series"] or "",
                "year": doc["year"] or 0,
                f"title_{lang}": doc["title"],
            }
            published, added = _day(doc["published"]), _day(doc["added"])
            if published:
                common["published"] = published
            if added:
                common["added"] = added
            for p in passages:
                fields = {
                    "pid": p["id"],
                    f"text_{lang}": p["text"],
                    f"heading_{lang}": p["heading"],
                }
                writer.add_document(tantivy.Document.from_dict({**common, **fields}, self.schema))
        writer.commit()
        writer.wait_merging_threads()
        self._write_state(seq)
        index.reload()

    # -- searching ---------------------------------------------------------------------------
    def _terms(self, word: str, lang: str) -> list[str]:
        return analyzer(lang).analyze(word)

    def _clause(self, clause, *, boosts: bool = True) -> tantivy.Query:
        if isinstance(clause, AnyOf):
            # the best of the alternatives counts, not their sum: a passage that uses three
            # words for one idea is not three times as relevant
            return tantivy.Query.disjunction_max_query(
                [self._clause(o, boosts=boosts) for o in clause.options], TIE_BREAKER
            )
        parts = []
        for lang in LANGUAGES:
            for name in TEXT_FIELDS:
                field = f"{name}_{lang}"
                q = self._field_query(clause, field, lang)
                if q is None:
                    continue
                if boosts and BOOSTS[name] != 1.0:
                    q = tantivy.Query.boost_query(q, BOOSTS[name])
                parts.append((tantivy.Occur.Should, q))
        if not parts:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query(parts)

    def _field_query(self, clause: Term | Phrase, field: str, lang: str):
        s = self.schema
        if isinstance(clause, Term) and clause.prefix:
            prefix = clause.text.casefold()
            if not prefix.isalnum():
                return None
            return tantivy.Query.regex_query(s, field, f"{prefix}.*")
        words = clause.words if isinstance(clause, Phrase) else (clause.text,)
        terms = [t for w in words for t in self._terms(w, lang)]
        if not terms:
            return None
        if len(terms) == 1:
            return tantivy.Query.term_query(s, field, terms[0])
        return tantivy.Query.phrase_query(s, field, terms)

    def _filter(self, f: IndexFilters) -> list[tantivy.Query]:
        s, out = self.schema, []
        for name in ("country", "source", "series"):
            value = getattr(f, name)
            if value is not None:
                out.append(tantivy.Query.term_query(s, name, value))
        for name in ("published", "added"):
            lo, hi = getattr(f, f"{name}_from"), getattr(f, f"{name}_to")
            if lo is not None or hi is not None:
                out.append(tantivy.Query.range_query(s, name, tantivy.FieldType.Integer, lo, hi))
        if f.documents is not None:
            out.append(tantivy.Query.term_set_query(s, "doc", list(f.documents)))
        return out

    def build_query(
        self,
        parsed: ParsedQuery,
        filters: IndexFilters,
        *,
        any_term: bool = False,
        prefer_country: str | None = None,
    ):
        filters_q = self._filter(filters)
        content = parsed.content()
        occur = tantivy.Occur.Should if any_term else tantivy.Occur.Must
        subqueries = [(occur, self._clause(c)) for c in content]
        subqueries += [(tantivy.Occur.MustNot, self._clause(c)) for c in parsed.excluded]
        if not content:
            subqueries.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        main = tantivy.Query.boolean_query(subqueries)
        parts = [(tantivy.Occur.Must, main)]
        parts += [(tantivy.Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in filters_q]
        if prefer_country:
            country = tantivy.Query.term_query(self.schema, "country", prefer_country)
            boost = tantivy.Query.const_score_query(country, COUNTRY_BOOST)
            parts.append((tantivy.Occur.Should, boost))
        return main if len(parts) == 1 else tantivy.Query.boolean_query(parts)

    def search(self, query: tantivy.Query, limit: int, offset: int) -> tuple[list[IndexHit], int]:
        searcher = self._open().searcher()
        result = searcher.search(query, limit=limit, offset=offset, count=True)
        addresses = [addr for _, addr in result.hits]
        pids = searcher.fast_field_values("pid", addresses) if addresses else []
        hits = [IndexHit(pid, score) for (score, _), pid in zip(result.hits, pids, strict=True)]
        return hits, result.count or 0

    def facets(self, query: tantivy.Query, size: int = 50) -> dict[str, dict[str, int]]:
        searcher = self._open().searcher()
        agg = {
            name: {"terms": {"field": name, "size": size}} for name in ("country", "source", "year")
        }
        result = searcher.aggregate(query, agg)
        out: dict[str, dict[str, int]] = {}
        for name in agg:
            out[name] = {str(b["key"]): b["doc_count"] for b in result[name]["buckets"]}
        return out

    def count(self) -> int:
        return self._open().searcher().num_docs
