"""baggrund: country-of-origin background material for asylum cases."""

from .citation import Anchor, parse_anchor
from .country import Country, resolve_country
from .errors import (
    AnnexConflict,
    BadDate,
    BadDocument,
    BaggrundError,
    NotFound,
    StoreError,
    UnknownCountry,
)
from .ingest import IngestEvent, IngestSummary
from .library import Library, PassageView
from .search import Hit, SearchResult

__all__ = [
    "Library",
    "Hit",
    "SearchResult",
    "PassageView",
    "IngestEvent",
    "IngestSummary",
    "Anchor",
    "parse_anchor",
    "Country",
    "resolve_country",
    "BaggrundError",
    "AnnexConflict",
    "BadDate",
    "BadDocument",
    "NotFound",
    "StoreError",
    "UnknownCountry",
]
__version__ = "0.1.0"
