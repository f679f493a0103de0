"""The interface in English and Danish: the gettext catalogue (see :mod:`baggrund.i18n`) and
the language a request is answered in."""

from __future__ import annotations

from ..i18n import LANGUAGES, translations

__all__ = ["LANGUAGES", "translations", "pick_language"]


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
