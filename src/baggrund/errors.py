"""Domain errors. The CLI and the web layer turn these into one-line messages."""

from __future__ import annotations

__all__ = [
    "BaggrundError",
    "UnknownCountry",
    "BadDate",
    "BadQuery",
    "BadDocument",
    "FormatError",
    "AnnexConflict",
    "NotFound",
    "StoreError",
    "shown",
]


class BaggrundError(Exception):
    """Base class of every error baggrund raises on purpose."""


class UnknownCountry(BaggrundError, ValueError):
    """A country name or code that no table knows."""


class BadDate(BaggrundError, ValueError):
    """A date that cannot be read in Danish, English or ISO form."""


class BadQuery(BaggrundError, ValueError):
    """A search the library refuses: a limit or offset out of bounds, a query too long."""


class BadDocument(BaggrundError, ValueError):
    """A document that cannot be stored: malformed header, missing field, empty body ..."""


class FormatError(BadDocument):
    """A PDF, HTML or Word file that cannot be read in its format (damaged, encrypted, a scan
    without text, no main text), or whose reader is not installed."""


class AnnexConflict(BaggrundError):
    """A different document claims a country and annex number that is already taken."""


class NotFound(BaggrundError, LookupError):
    """No document or passage with that anchor."""


class StoreError(BaggrundError):
    """The store cannot be opened or is in an unexpected state."""


def shown(value: object, limit: int = 60) -> str:
    """``value`` as a message shows it: its repr (control characters escaped, so the message
    stays one line), cut to about ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
