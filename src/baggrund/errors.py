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
    """Base class of every error baggrund raises on purpose.

    A message the interface translates is raised as a template and its values:
    ``NotFound("no document {key}", key=shown(key))``. ``str(error)`` is the English message;
    :meth:`translated` the message in the language of a gettext catalogue, whose msgid is the
    template (values are data: anchors, names as typed, and are not translated). A whole number
    among the values is a quantity, its digits grouped as the language groups them (``1,000``,
    ``1.000``); a year or an identifier is given as text; a tuple of names is a choice
    (``COD or COG``, ``COD eller COG``)."""

    def __init__(self, message: str = "", /, **values: object):
        self.template, self.values = message, values
        super().__init__(_filled(message, values, "en") if values else message)

    def translated(self, gettext, lang: str = "en") -> str:
        """The message in the catalogue's language (English when it has no translation)."""
        if not self.template:
            return str(self)
        template = gettext(self.template)
        return _filled(template, self.values, lang) if self.values else template


def _filled(template: str, values: dict, lang: str) -> str:
    from babel.lists import format_list
    from babel.numbers import format_decimal

    def shown_value(v: object) -> object:
        if isinstance(v, int) and not isinstance(v, bool):
            return format_decimal(v, locale=lang)
        if isinstance(v, tuple):
            return format_list([str(x) for x in v], style="or", locale=lang)
        return v

    return template.format(**{k: shown_value(v) for k, v in values.items()})


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
