"""The full-text index of passages: tantivy, kept in a folder beside the SQLite file.

The SQLite file is the system of record; this index is derived from it. Every document row
carries a change sequence number. The index holds, besides the passages, one record of its own
(``pid`` 0) with the highest sequence number it holds: it is written in the same commit as the
passages, so the index and the sequence it claims can never disagree, whatever moment a crash
picks. Every write first deletes what the index holds of each document it writes, so replaying a
change twice is harmless. ``state.json`` names the database the index belongs to, the schema and
the generation (the tantivy folder) that is current; a rebuild writes a new generation and
switches ``state.json`` to it atomically, so readers never see a half-built index.

Text is analysed per language: English passages go to ``*_en`` fields (Snowball English
stemmer), Danish ones to ``*_da`` (Snowball Danish). A query is analysed with both.

Results come in a total order: score, then the passage's place in the library (country, annex
number from the newest, passage order), so two libraries with the same content answer alike."""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import heapq
import json
import logging
import os
import shutil
import struct
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tantivy

from . import crashpoint
from .filelock import exclusive
from .passage import substantive
from .query import AnyOf, ParsedQuery, Phrase, Term
from .sense import sense_forms

__all__ = [
    "PassageIndex",
    "IndexFilters",
    "IndexHit",
    "IndexEntry",
    "analyzer",
    "passage_digest",
    "LANGUAGES",
]

log = logging.getLogger("baggrund")

SCHEMA_VERSION = 4  # 3: unstemmed copies of text and heading (senses); 4: substantive
LANGUAGES = {"en": "english", "da": "danish"}
TEXT_FIELDS = ("text", "heading", "title")
EXACT = "exact"  # the unstemmed copy of text and heading (see baggrund.sense)
EXACT_FIELDS = ("text", "heading")
BOOSTS = {
    "text": 1.0,
    "heading": 1.0,
    "title": 1.0,
}  # tuned on judged questions (docs/benchmarks.md)
TIE_BREAKER = 0.1  # share of the other alternatives' scores in an OR group
COUNTRY_BOOST = 20.0  # added to the score of passages of a country the query names
STATE_PID = 0  # the index's own record (no passage has id 0)
_MAX_PID = 2**63


@functools.cache
def analyzer(language: str) -> tantivy.TextAnalyzer:
    """The analyser of a language code (``en``, ``da``): simple tokens, lower case, stemmed;
    ``exact``: the same without stemming."""
    if language == EXACT:
        return (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .build()
        )
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer(LANGUAGES[language]))
        .build()
    )


def _schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_unsigned_field("pid", indexed=True, fast=True)
    b.add_unsigned_field("doc", indexed=True, fast=True)
    b.add_unsigned_field("order", fast=True)  # the tie-break: see order_key
    b.add_unsigned_field("digest", fast=True)  # see passage_digest
    b.add_unsigned_field("seq", fast=True)  # on the index's own record only
    b.add_unsigned_field("substantive", indexed=True)  # 1: not boilerplate (see passage.py)
    for name in ("country", "source", "series"):
        b.add_text_field(name, tokenizer_name="raw", fast=True)
    for name in ("year", "published", "added"):
        b.add_integer_field(name, indexed=True, fast=True)
    for lang in LANGUAGES:
        for name in TEXT_FIELDS:
            b.add_text_field(f"{name}_{lang}", tokenizer_name=f"bg_{lang}")
    for name in EXACT_FIELDS:
        b.add_text_field(f"{name}_{EXACT}", tokenizer_name=f"bg_{EXACT}")
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
    document: int | None = None  # one document (its store id): search inside it


@dataclass(frozen=True)
class IndexHit:
    pid: int
    score: float


@dataclass(frozen=True, order=True)
class IndexEntry:
    """What the index holds of one passage: its document and the digest of its content."""

    pid: int
    doc: int
    digest: int


_SEGMENT_FILES = ("idx", "pos", "term", "store", "fast", "fieldnorm")
_FOOTER_MAGIC = 1337


def _footer_problem(path: Path) -> str | None:
    """What is wrong with a tantivy file: missing, no footer, or a checksum that fails."""
    try:
        data = path.read_bytes()
    except OSError:
        return "missing"
    if len(data) < 8:
        return "cut short"
    length, magic = struct.unpack("<II", data[-8:])
    if magic != _FOOTER_MAGIC or length + 8 > len(data):
        return "no footer (cut short or overwritten)"
    try:
        crc = json.loads(data[-8 - length : -8])["crc"]
    except (ValueError, KeyError, TypeError):
        return "unreadable footer"
    if zlib.crc32(memoryview(data)[: -8 - length]) != crc:
        return "checksum mismatch (the file was changed after it was written)"
    return None


def _first_in_order(searcher, found: list, want: int) -> list:
    """The first ``want`` of ``found`` ((score, address) pairs, best score first, holding every
    pair that ties with the ``want``-th) in the total order: score, then order key. Only the
    pairs tied at the cut need their keys compared, and only the smallest of those are sorted
    (a query whose every hit scores alike may tie 250,000 passages)."""
    if len(found) <= want:
        start, end = 0, len(found)
    else:
        cut = -found[want - 1][0]
        start = bisect.bisect_left(found, cut, key=_negated_score)
        end = bisect.bisect_right(found, cut, key=_negated_score)
    above, tied = found[:start], found[start:end]
    need = want - len(above)
    keys = searcher.fast_field_values("order", [addr for _, addr in tied]) if tied else []
    if len(tied) > need:
        threshold = heapq.nsmallest(need, keys)[-1]
        keep = [(tied[i], k) for i, k in enumerate(keys) if k <= threshold]
    else:
        keep = list(zip(tied, keys, strict=True))
    if above:
        above_keys = searcher.fast_field_values("order", [addr for _, addr in above])
        keep += zip(above, above_keys, strict=True)
    keep.sort(key=lambda item: (-item[0][0], item[1]))
    return [pair for pair, _ in keep[:want]]


def _total(result: tantivy.SearchResult) -> int:
    """The match count of a search made with ``count=True`` (tantivy's type stub omits it)."""
    return result.count or 0  # type: ignore[attr-defined]


def _ints(values: list) -> list[int]:
    """A fast field's values for addresses that all hold one (an integer field)."""
    return [int(v) for v in values]


def _negated_score(pair: tuple) -> float:
    return -pair[0]


def _day(value) -> int | None:
    return value.year * 10_000 + value.month * 100 + value.day if value else None


def passage_digest(doc: dict, passage: dict) -> int:
    """A 64-bit digest of everything the index holds of a passage (its text, heading and place,
    and its document's searchable fields), so that a check can compare index and store."""
    parts = [
        doc["id"], doc["country"], doc["source"], doc["series"] or "", doc["year"] or 0,
        doc["title"], doc["language"], _day(doc["published"]) or 0, _day(doc["added"]) or 0,
        doc.get("annex") or 0, passage["id"], passage.get("ordinal") or 0, passage["heading"],
        passage["text"],
    ]  # fmt: skip
    data = json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def order_key(doc: dict, passage: dict) -> int:
    """The passage's place in a total order, for equal scores: country (A-Z), then annex number
    (the newest first), then the passage's order in its document. 64 bits."""
    letters = (doc["country"] + "   ")[:3]
    country = 0
    for ch in letters:
        country = country * 27 + (ord(ch) - 64 if "A" <= ch <= "Z" else 0)
    annex = (2**30 - 1) - min(max(int(doc.get("annex") or 0), 0), 2**30 - 1)
    ordinal = min(max(int(passage.get("ordinal") or 0), 0), 2**19 - 1)
    return (country << 49) | (annex << 19) | ordinal


class PassageIndex:
    """A tantivy index in ``path``, belonging to the database whose id is ``owner``."""

    def __init__(self, path: str | os.PathLike, owner: str):
        self.path = Path(path)
        self.owner = owner
        self.schema = _schema()
        self._index: tantivy.Index | None = None
        self._generation: str | None = None
        self._prefixes: dict[tuple[str, str], tantivy.Query] = {}  # (field, prefix) -> query
        if self.path.exists() and not self.path.is_dir():
            # derived data only: whatever took the folder's place goes, the index is rebuilt
            log.warning("%s is not a folder: removing it to rebuild the search index", self.path)
            self.path.unlink()

    # -- state -------------------------------------------------------------------------------
    @property
    def _state_file(self) -> Path:
        return self.path / "state.json"

    def _state(self) -> dict | None:
        """``state.json`` when it names this database, this schema and a generation."""
        try:
            state = json.loads(self._state_file.read_text())
        except (OSError, ValueError):
            return None
        if not isinstance(state, dict):
            return None
        generation = state.get("generation")
        if (
            state.get("owner") != self.owner
            or state.get("schema") != SCHEMA_VERSION
            or not isinstance(generation, str)
            or not generation.startswith("tantivy-")
            or "/" in generation
        ):
            return None
        return state

    def generation_folder(self) -> Path | None:
        state = self._state()
        return self.path / state["generation"] if state else None

    def still_open(self) -> bool:
        """Whether the generation opened last is still the current one (``state.json``): with
        the database unchanged since its sequence was checked, the index is then as it was."""
        state = self._state()
        return (
            self._index is not None
            and state is not None
            and (state["generation"] == self._generation)
        )

    def indexed_seq(self) -> int | None:
        """The highest change sequence the index holds (read from the index's own record, as
        committed), or None when it must be rebuilt."""
        try:
            index = self._open()
            if index is None:
                return None
            index.reload()
            searcher = index.searcher()
            found = searcher.search(self._state_query(), limit=2, count=False).hits
            if len(found) != 1:
                return None
            return int(_ints(searcher.fast_field_values("seq", [found[0][1]]))[0])
        except (OSError, ValueError, IndexError):
            return None

    def _state_query(self) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, "pid", STATE_PID)

    def damaged_files(self) -> list[str]:
        """The files of the current generation that are missing, cut short or fail their
        checksum (tantivy ends every file with a footer holding the CRC-32 of the rest), as
        ``name: what is wrong``; empty when all are sound."""
        folder = self.generation_folder()
        if folder is None:
            return ["state.json: missing, or of another database or schema"]
        try:
            meta = json.loads((folder / "meta.json").read_text())
            segments = [seg["segment_id"].replace("-", "") for seg in meta["segments"]]
            deletes = {
                seg["segment_id"].replace("-", ""): seg["deletes"]["opstamp"]
                for seg in meta["segments"]
                if seg.get("deletes")
            }
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return [f"meta.json: unreadable ({exc})"]
        problems = []
        for sid in segments:
            names = [f"{sid}.{ext}" for ext in _SEGMENT_FILES]
            if sid in deletes:
                names.append(f"{sid}.{deletes[sid]}.del")
            for name in names:
                problem = _footer_problem(folder / name)
                if problem:
                    problems.append(f"{name}: {problem}")
        return problems

    def close(self) -> None:
        """Let go of the open index (its files are memory-mapped until it is dropped)."""
        self._index = self._generation = None

    def lock(self) -> contextlib.AbstractContextManager[None]:
        """An exclusive lock for writers, across processes."""
        return exclusive(self.path)

    def _open(self) -> tantivy.Index | None:
        """The current generation's index (reopened when another process switched it), or
        None when there is none."""
        state = self._state()
        if state is None:
            self._index = self._generation = None
            return None
        if self._index is None or self._generation != state["generation"]:
            folder = self.path / state["generation"]
            if not (folder / "meta.json").is_file():
                return None
            self._index = self._load(folder)
            self._generation = state["generation"]
        return self._index

    def _load(self, folder: Path) -> tantivy.Index:
        index = tantivy.Index(self.schema, path=str(folder), reuse=True)
        for lang in LANGUAGES:
            index.register_tokenizer(f"bg_{lang}", analyzer(lang))
        index.register_tokenizer(f"bg_{EXACT}", analyzer(EXACT))
        return index

    # -- writing -----------------------------------------------------------------------------
    def write(
        self,
        documents: Iterable[tuple[dict, list[dict]]],
        seq: int,
        *,
        rebuild: bool = False,
        remove_documents: Iterable[int] = (),
        remove_passages: Iterable[int] = (),
    ) -> None:
        """Replace the passages of each (document row, passage rows) pair, drop those of
        ``remove_documents`` and the entries ``remove_passages``, and record ``seq``, in one
        commit. With ``rebuild``, a new generation is written from ``documents`` alone and
        made current once committed. Call under :meth:`lock`."""
        if rebuild:
            return self._rebuild(documents, seq)
        index = self._open()
        if index is None:
            raise ValueError(f"{self.path}: no index to update; rebuild it")
        writer = index.writer(heap_size=256_000_000, num_threads=2)
        s = self.schema
        removed = list(remove_passages)
        if removed:
            writer.delete_documents_by_query(tantivy.Query.term_set_query(s, "pid", removed))
        for doc_id in remove_documents:
            writer.delete_documents_by_query(tantivy.Query.term_query(s, "doc", doc_id))
        for doc, passages in documents:
            # delete_documents_by_term deletes nothing for an unsigned field in tantivy-py 0.27
            writer.delete_documents_by_query(tantivy.Query.term_query(s, "doc", doc["id"]))
            self._add(writer, doc, passages)
        self._commit(writer, index, seq)

    def _rebuild(self, documents: Iterable[tuple[dict, list[dict]]], seq: int) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        generation = f"tantivy-{uuid.uuid4().hex[:12]}"
        folder = self.path / generation
        folder.mkdir()
        index = self._load(folder)
        writer = index.writer(heap_size=256_000_000, num_threads=2)
        for doc, passages in documents:
            self._add(writer, doc, passages)
        self._commit(writer, index, seq)
        tmp = self._state_file.with_suffix(".tmp")
        state = {"owner": self.owner, "schema": SCHEMA_VERSION, "generation": generation}
        tmp.write_text(json.dumps(state))
        os.replace(tmp, self._state_file)  # the new generation is current from here on
        self._index, self._generation = index, generation
        self._remove_other_generations(generation)

    def _remove_other_generations(self, keep: str) -> None:
        """Old generations and those of rebuilds that died half-way (readers that still have
        one open keep their files until they move on: unlinked files stay readable)."""
        for entry in self.path.iterdir():
            if entry.name != keep and (entry.name.startswith("tantivy") and entry.is_dir()):
                shutil.rmtree(entry, ignore_errors=True)

    def _add(self, writer, doc: dict, passages: list[dict]) -> None:
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
                "order": order_key(doc, p),
                "digest": passage_digest(doc, p),
                f"text_{lang}": p["text"],
                f"heading_{lang}": p["heading"],
                "substantive": int(substantive(p["text"])),
                f"text_{EXACT}": p["text"],
                f"heading_{EXACT}": p["heading"],
            }
            writer.add_document(tantivy.Document.from_dict({**common, **fields}, self.schema))

    def _commit(self, writer, index: tantivy.Index, seq: int) -> None:
        """Replace the index's own record with one holding ``seq`` and commit: the passages and
        the sequence they stand for become durable together."""
        writer.delete_documents_by_query(self._state_query())
        state = {"pid": STATE_PID, "seq": seq}
        writer.add_document(tantivy.Document.from_dict(state, self.schema))
        crashpoint.reached("index.before_commit")
        writer.commit()
        crashpoint.reached("index.after_commit")
        writer.wait_merging_threads()
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
        forms = sense_forms(clause.text) if isinstance(clause, Term) and not clause.prefix else None
        for lang in LANGUAGES:
            for name in TEXT_FIELDS:
                field = f"{name}_{lang}"
                if forms and lang == "en":  # "deserters": its sense's forms, not its stem
                    if name not in EXACT_FIELDS:
                        continue
                    field = f"{name}_{EXACT}"
                    # the best form counts, as the one stemmed term would
                    q = tantivy.Query.disjunction_max_query(
                        [tantivy.Query.term_query(self.schema, field, f) for f in forms]
                    )
                else:
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
            # compiling the automaton costs more than the search it serves: kept per field
            key = (field, prefix)
            query = self._prefixes.get(key)
            if query is None:
                if len(self._prefixes) > 512:
                    self._prefixes.clear()
                query = self._prefixes[key] = tantivy.Query.regex_query(s, field, f"{prefix}.*")
            return query
        words = clause.words if isinstance(clause, Phrase) else (clause.text,)
        terms = [t for w in words for t in self._terms(w, lang)]
        if not terms:
            return None
        if len(terms) == 1:
            return tantivy.Query.term_query(s, field, terms[0])
        phrase: list[str | tuple[int, str]] = list(terms)
        return tantivy.Query.phrase_query(s, field, phrase)

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
        if f.document is not None:
            out.append(tantivy.Query.term_query(s, "doc", f.document))
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
            subqueries.append((tantivy.Occur.Must, self.all_passages()))
        main = tantivy.Query.boolean_query(subqueries)
        parts = [(tantivy.Occur.Must, main)]
        # "Section 2.", "Not applicable.": never a hit (beside the words, which may be Should)
        # (said as "not boilerplate": the few boilerplate passages are a short list to skip,
        # where "substantive" would be a second long list to intersect, at twice the cost)
        boilerplate = tantivy.Query.term_query(self.schema, "substantive", 0)
        parts.append((tantivy.Occur.MustNot, boilerplate))
        parts += [(tantivy.Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in filters_q]
        if prefer_country:
            country = tantivy.Query.term_query(self.schema, "country", prefer_country)
            boost = tantivy.Query.const_score_query(country, COUNTRY_BOOST)
            parts.append((tantivy.Occur.Should, boost))
        query = main if len(parts) == 1 else tantivy.Query.boolean_query(parts)
        if not content:  # every match ties, whatever tantivy makes of the filters' scores
            query = tantivy.Query.const_score_query(query, 1.0)
        return query

    def all_passages(self) -> tantivy.Query:
        """Every passage (not the index's own record)."""
        return tantivy.Query.range_query(
            self.schema, "pid", tantivy.FieldType.Unsigned, STATE_PID + 1, _MAX_PID
        )

    def english_word(self, word: str) -> bool:
        """Whether the English text of some passage has this word (as the English analyser
        reads it: "terrorist" finds "terrorists")."""
        terms = self._terms(word, "en")
        if len(terms) != 1:
            return False
        try:
            searcher = self._searcher()
        except ValueError:
            return False
        return searcher.doc_freq("text_en", terms[0]) > 0

    def _searcher(self) -> tantivy.Searcher:
        index = self._open()
        if index is None:
            raise ValueError(f"{self.path}: the search index is missing; reopen the library")
        return index.searcher()

    def search(
        self, query: tantivy.Query, limit: int, offset: int, *, alike: bool = False
    ) -> tuple[list[IndexHit], int]:
        """The hits ``offset`` to ``offset + limit`` in the total order (score, then the place
        in the library), and how many passages match. Passages with the same score as the last
        one wanted are all fetched, so that which of them make the page does not depend on how
        tantivy happened to lay out its segments. ``alike``: the caller knows that every match
        scores the same (a query of no words), so the order is the place alone."""
        searcher = self._searcher()
        want = offset + limit
        if want <= 0:
            result = searcher.search(query, limit=1, count=True)
            return [], _total(result)
        if alike:
            result = searcher.search(query, limit=want, count=True, order_by_field="order",
                                     order=tantivy.Order.Asc)  # fmt: skip
            addresses = [addr for _, addr in result.hits[offset:]]
            pids = _ints(searcher.fast_field_values("pid", addresses)) if addresses else []
            same = 0.0
            if pids:  # the one score they share, from the first of them alone (not all matches)
                first = tantivy.Query.term_query(self.schema, "pid", pids[0])
                alone = tantivy.Query.boolean_query([
                    (tantivy.Occur.Must, query),
                    (tantivy.Occur.Must, tantivy.Query.const_score_query(first, 0.0)),
                ])  # fmt: skip
                score = searcher.search(alone, limit=1, count=False).hits
                same = score[0][0] if score else 0.0
            return [IndexHit(pid, same) for pid in pids], _total(result)
        fetch = want + 1  # one more than wanted: whether the last one wanted ties with the next
        while True:
            result = searcher.search(query, limit=fetch, count=True)
            found, total = result.hits, _total(result)
            if len(found) < fetch or fetch >= total or found[-1][0] < found[want - 1][0]:
                break  # every passage that ties with the last one wanted is in hand
            # a page of equal scores is most likely a constant-score query: take them all
            fetch = total if found[0][0] == found[want - 1][0] else min(total, fetch * 2)
        chosen = _first_in_order(searcher, found, want)[offset:]
        pids = _ints(searcher.fast_field_values("pid", [a for _, a in chosen])) if chosen else []
        hits = [IndexHit(pid, score) for (score, _), pid in zip(chosen, pids, strict=True)]
        return hits, total

    def facets(self, query: tantivy.Query, size: int = 50) -> dict[str, dict[str, int]]:
        searcher = self._searcher()
        agg = {
            name: {"terms": {"field": name, "size": size}} for name in ("country", "source", "year")
        }
        result = searcher.aggregate(query, agg)
        out: dict[str, dict[str, int]] = {}
        for name in agg:
            out[name] = {str(b["key"]): b["doc_count"] for b in result[name]["buckets"]}
        return out

    def count(self) -> int:
        """The number of passages the index holds."""
        searcher = self._searcher()
        return _total(searcher.search(self.all_passages(), limit=1, count=True))

    def entries(self) -> list[IndexEntry]:
        """Every passage entry the index holds (duplicates included), by passage id."""
        searcher = self._searcher()
        n = searcher.num_docs
        if n == 0:
            return []
        found = searcher.search(self.all_passages(), limit=n, count=False).hits
        addresses = [addr for _, addr in found]
        columns = [searcher.fast_field_values(f, addresses) for f in ("pid", "doc", "digest")]
        return sorted(IndexEntry(*row) for row in zip(*columns, strict=True))
