"""What the ``baggrund`` command's subcommands share: the interface's labels in both languages,
the console, the ``--db`` option, the context a command runs in (language, library) and the
turning of domain errors into one-line messages. A module of its own so that the subcommand
modules (``cli_bundle``, ``cli_changes``, ``cli_facts``) and ``cli`` import it, never each
other."""

from __future__ import annotations

import datetime as dt
from functools import wraps
from pathlib import Path

import click

from .dates import format_date_da, format_date_en
from .errors import BaggrundError
from .library import DEFAULT_DB, Library

__all__ = ["LABELS", "Context", "RootGroup", "db_option", "handle_errors"]

LABELS = {
    "en": {
        "added": "added", "updated": "updated", "unchanged": "unchanged", "rejected": "rejected",
        "warning": "warning", "notes": "not read (notes on the folder)", "annex": "Annex", "country": "Country", "source": "Source",
        "title": "Title", "published": "Published", "added_on": "Added", "documents": "Documents",
        "no_hits": "No passage matches. Try fewer words or remove a filter.",
        "relaxed": "No passage has every word; showing passages with some of them.",
        "relaxed_some": "{n} passages have every word; passages with some of them follow.",
        "found": "{total} passages", "found_one": "{total} passage", "reading": "Reading",
        "section": "Section",
        "no_library": "no library at '{db}': create one with `baggrund ingest FILES --db {db}`",
        "updated_on": "Updated", "series": "Series", "edition": "edition",
        "vectors_behind": "Semantic search does not know the new passages yet: run baggrund embed.",
        "embedded": "{status}: {embedded} passages embedded, {dropped} dropped; {passages} passages have vectors ({seconds} s{rate})",
        "per_second": ", {n} passages/s", "built": "built", "current": "current",
        "searched": "Searched for", "filters": "Filters",
        "found_folded": "{results} results ({total} passages; the editions of one text shown once)",
        "found_folded_one": "{results} result ({total} passages; the editions of one text shown once)",
        "more": "More results: --offset {offset}",
        "filed_under": "{territory} is reported on under {country} ('{title}'): searched there",
        "currency": "{series}, {country}: the newest match is from {matched}; the {later} editions do not mention it",
        "currency_one": "{series}, {country}: the newest match is from {matched}; the {later} edition does not mention it",
    },
    "da": {
        "added": "tilføjet", "updated": "opdateret", "unchanged": "uændret", "rejected": "afvist",
        "warning": "advarsel", "notes": "ikke læst (noter om mappen)", "annex": "Bilagsnr.", "country": "Land", "source": "Kilde",
        "title": "Titel", "published": "Udgivet", "added_on": "Optaget på baggrundsmaterialet",
        "documents": "Dokumenter",
        "no_hits": "Ingen afsnit passer. Prøv færre ord, eller fjern et filter.",
        "relaxed": "Intet afsnit har alle ordene; viser afsnit med nogle af dem.",
        "relaxed_some": "{n} afsnit har alle ordene; derefter følger afsnit med nogle af dem.",
        "found": "{total} afsnit", "found_one": "{total} afsnit", "reading": "Læser",
        "section": "Afsnit",
        "no_library": "intet bibliotek i '{db}': opret et med `baggrund ingest FILER --db {db}`",
        "updated_on": "Opdateret", "series": "Serie", "edition": "udgave",
        "vectors_behind": "Den semantiske søgning kender ikke de nye afsnit endnu: kør baggrund embed.",
        "embedded": "{status}: {embedded} afsnit indlejret, {dropped} fjernet; {passages} afsnit har vektorer ({seconds} s{rate})",
        "per_second": ", {n} afsnit/s", "built": "bygget", "current": "ajour",
        "searched": "Søgte efter", "filters": "Filtre",
        "found_folded": "{results} resultater ({total} afsnit; udgaver af samme tekst vist én gang)",
        "found_folded_one": "{results} resultat ({total} afsnit; udgaver af samme tekst vist én gang)",
        "more": "Flere resultater: --offset {offset}",
        "filed_under": "{territory} er beskrevet under {country} ('{title}'): søgt dér",
        "currency": "{series}, {country}: det nyeste fund er fra {matched}; udgaverne fra {later} nævner det ikke",
        "currency_one": "{series}, {country}: det nyeste fund er fra {matched}; udgaven fra {later} nævner det ikke",
    },
}  # fmt: skip


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


class Context:
    def __init__(self, db: str, lang: str):
        self.db, self.lang = db, lang
        self.labels = LABELS[lang]

    def library(self, *, create: bool = False) -> Library:
        """The library at ``--db``. Only the commands that fill a library (``create``) make a
        new SQLite file; the others say there is none rather than answer from an empty one."""
        if not create and "://" not in self.db and not Path(self.db).exists():
            raise click.ClickException(self.labels["no_library"].format(db=self.db))
        return Library.open(self.db)

    def number(self, n: int) -> str:
        """A count as people read it in the interface language: ``1,757`` or ``1.757``."""
        from babel.numbers import format_decimal

        return format_decimal(n, locale=self.lang)

    def date(self, iso: str | None) -> str:
        """An ISO date as people read it: ``24. juni 2024`` or ``24 June 2024``."""
        if not iso:
            return "–"
        day = dt.date.fromisoformat(iso)
        return format_date_da(day) if self.lang == "da" else format_date_en(day)


def handle_errors(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (BaggrundError, ValueError) as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


def _resolve_db(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """The store a subcommand uses: its own ``--db``, else one given before the subcommand
    (``baggrund --db x.db search ...``), else ``BAGGRUND_DB``, else ``baggrund.db``."""
    from click.core import ParameterSource

    given = (ctx.find_root().obj or {}).get("db")
    source = ctx.get_parameter_source(param.name or "db")
    if given and source != ParameterSource.COMMANDLINE:
        return given
    return value or DEFAULT_DB


db_option = click.option(
    "--db",
    envvar="BAGGRUND_DB",
    default=None,
    callback=_resolve_db,
    help=f"The store: a SQLite file or a postgresql:// URL (or set BAGGRUND_DB); default:"
    f" {DEFAULT_DB}. May also come before the subcommand.",
)


class RootGroup(click.Group):
    """The ``baggrund`` group: ``--lang`` may also follow the subcommand
    (``baggrund search torture --lang da``); it is taken to the front before parsing."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        front: list[str] = []
        rest: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                rest += args[i:]
                break
            if arg == "--lang" and i + 1 < len(args):
                front += args[i : i + 2]
                i += 2
                continue
            if arg.startswith("--lang="):
                front.append(arg)
            else:
                rest.append(arg)
            i += 1
        return super().parse_args(ctx, front + rest)


def _ctx(db: str) -> Context:
    return Context(db, click.get_current_context().find_root().obj["lang"])
