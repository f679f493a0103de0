"""CSV for spreadsheets: every CSV the program writes goes through :func:`writer`, which
neutralises cells a spreadsheet would run as a formula (CSV injection).

As OWASP advises, a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a single quote in front (``=HYPERLINK(...)`` becomes ``'=HYPERLINK(...)``), which
Excel, LibreOffice and Google Sheets show as text. That holds for text that looks like a
negative number too (``"-5"`` becomes ``"'-5"``). Numbers written as numbers (``int``,
``float``) are left alone: they cannot hold a formula, and a spreadsheet should read them as
numbers. (No figure baggrund extracts is negative.)"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

__all__ = ["neutralise", "writer", "FORMULA_STARTS"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: Any) -> Any:
    """The cell as it is safe to write: None as "", numbers as they are, text that a
    spreadsheet would take for a formula with a single quote in front."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, int | float):
        return cell
    text = str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Writer:
    def __init__(self, stream: TextIO, **options):
        self._csv = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._csv.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream: TextIO, **options) -> _Writer:
    """A ``csv.writer`` whose every cell is neutralised."""
    return _Writer(stream, **options)
