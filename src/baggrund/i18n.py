"""The interface's Danish: one gettext catalogue (``web/locale/da/LC_MESSAGES/messages.po``)
for the web pages, the command line's error messages and the domain errors
(:meth:`baggrund.errors.BaggrundError.translated`), compiled in memory with Babel on first use;
and counts written as the language writes them."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

__all__ = ["LANGUAGES", "CATALOGUE", "translations", "number"]

LANGUAGES = ("en", "da")
LOCALE_DIR = Path(__file__).parent / "web" / "locale"
CATALOGUE = LOCALE_DIR / "da" / "LC_MESSAGES" / "messages.po"


@functools.cache
def translations(lang: str) -> NullTranslations:
    """The catalogue of a language; English is the source language."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == "en" or not po.exists():
        return NullTranslations()
    with open(po, "rb") as fh:
        catalog = read_po(fh, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def number(value: object, lang: str) -> str:
    """A count or a figure as the language writes it (Babel, CLDR): ``1,757`` and ``2.5`` in
    English, ``1.757`` and ``2,5`` in Danish; a float that is a whole number without decimals;
    anything else as text."""
    from babel.numbers import format_decimal

    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    return format_decimal(value, locale=lang)
