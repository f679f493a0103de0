"""The interface in English and Danish: gettext catalogues (``locale/da/LC_MESSAGES/
messages.po``), compiled in memory with Babel when the application starts."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

__all__ = ["LANGUAGES", "translations", "pick_language"]

LANGUAGES = ("en", "da")
LOCALE_DIR = Path(__file__).parent / "locale"


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


def pick_language(query: str | None, cookie: str | None, accept: str | None) -> str:
    """``?lang=`` first, then the cookie, then the browser's Accept-Language, then English."""
    for value in (query, cookie):
        if value in LANGUAGES:
            return value
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
        if code in ("nb", "nn", "no", "sv"):  # Scandinavian readers read Danish best
            return "da"
    return "en"
