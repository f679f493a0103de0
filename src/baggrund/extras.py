"""The optional ``formats`` extra (pdfminer.six, trafilatura with lxml_html_clean, python-docx):
whether its packages are there, and the one-line message when one is missing or broken."""

from __future__ import annotations

import importlib.util

from .errors import FormatError

__all__ = ["KINDS", "missing", "import_failed"]

# kind -> (what it reads, the top-level packages it needs)
KINDS = {
    "pdf": ("PDF", ("pdfminer",)),
    "html": ("HTML", ("trafilatura", "lxml", "lxml_html_clean")),
    "docx": ("Word files", ("docx",)),
}
_INSTALL = "pip install 'baggrund[formats]'"


def _absent(package: str) -> bool:
    try:
        return importlib.util.find_spec(package) is None
    except (ImportError, ValueError):
        return True


def missing(kind: str) -> FormatError | None:
    """The error for a file of ``kind`` when a package it needs is not installed at all."""
    what, packages = KINDS[kind]
    absent = [p for p in packages if _absent(p)]
    if not absent:
        return None
    if absent == [packages[0]]:
        return FormatError(f"reading {what} needs the 'formats' extra: {_INSTALL}")
    return FormatError(
        f"reading {what} needs the 'formats' extra ({', '.join(absent)} missing): {_INSTALL}"
    )


def import_failed(kind: str, exc: ImportError) -> FormatError:
    """The error for a file of ``kind`` when importing its reader failed: not installed, or
    installed but broken (then what failed, so that it can be repaired)."""
    found = missing(kind)
    if found is not None:
        return found
    what, _ = KINDS[kind]
    detail = " ".join(str(exc).split())[:160]
    return FormatError(
        f"reading {what} needs the 'formats' extra, which is installed but does not load"
        f" ({detail}); reinstall it: {_INSTALL}"
    )
