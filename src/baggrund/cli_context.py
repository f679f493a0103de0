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
from .i18n import number, translations
from .library import DEFAULT_DB, Library

__all__ = ["LABELS", "Context", "Failure", "RootGroup", "db_option", "handle_errors"]

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
        "relaxed_some_one": "1 passage has every word; passages with some of them follow.",
        "docs": "{n} documents", "docs_one": "{n} document", "embedding": "Embedding",
        "summary": "{added}: {n_added}, {updated}: {n_updated}, {unchanged}: {n_unchanged}, {rejected}: {n_rejected}",
        "copying": "Copying", "copied": "copied {documents} documents, {bundles} bundles, {datasets} facts datasets and {reviews} fact reviews; verified: {status}",
        "identical": "identical", "differences": "{n} differences", "differences_one": "{n} difference",
        "difference": "difference", "up_to_date": "{db}: schema {after}, up to date",
        "upgraded": "{db}: schema upgraded from {before} to {after}", "ranking": "{db}: search ranks with {ranking}",
        "check_store": "{location}: {documents} documents, {passages} passages, sequence {seq}",
        "check_index": "index: {passages} passages, sequence {seq}, files {files}; {missing} missing, {extra} not in the store, {changed} changed, {duplicated} duplicated",
        "index": "index", "repaired": "repaired", "problem": "problem",
        "check_ok": "ok: the index and the store are in step",
        "problems": "{n} problems found; `baggrund db check --repair` mends the index",
        "problems_one": "{n} problem found; `baggrund db check --repair` mends the index",
        "serving": "baggrund: serving {db} at {url} for {hosts} (Ctrl+C stops)",
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
        "relaxed_some_one": "1 afsnit har alle ordene; derefter følger afsnit med nogle af dem.",
        "docs": "{n} dokumenter", "docs_one": "{n} dokument", "embedding": "Indlejrer",
        "summary": "{added}: {n_added}, {updated}: {n_updated}, {unchanged}: {n_unchanged}, {rejected}: {n_rejected}",
        "copying": "Kopierer", "copied": "kopierede {documents} dokumenter, {bundles} bundter, {datasets} faktadatasæt og {reviews} gennemgange af fakta; kontrolleret: {status}",
        "identical": "identisk", "differences": "{n} forskelle", "differences_one": "{n} forskel",
        "difference": "forskel", "up_to_date": "{db}: skema {after}, ajour",
        "upgraded": "{db}: skema opgraderet fra {before} til {after}", "ranking": "{db}: søgningen rangerer med {ranking}",
        "check_store": "{location}: {documents} dokumenter, {passages} afsnit, sekvens {seq}",
        "check_index": "indeks: {passages} afsnit, sekvens {seq}, filer {files}; {missing} mangler, {extra} ikke i lageret, {changed} ændret, {duplicated} dobbelt",
        "index": "indeks", "repaired": "repareret", "problem": "problem",
        "check_ok": "ok: indekset og lageret stemmer overens",
        "problems": "{n} problemer fundet; `baggrund db check --repair` reparerer indekset",
        "problems_one": "{n} problem fundet; `baggrund db check --repair` reparerer indekset",
        "serving": "baggrund: serverer {db} på {url} for {hosts} (Ctrl+C stopper)",
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
        if not create:
            self.require()
        return Library.open(self.db)

    def require(self) -> None:
        """Fail, saying how to make one, when there is no library at ``--db`` (a SQLite file
        that does not exist; a PostgreSQL URL says for itself)."""
        if "://" not in self.db and not Path(self.db).exists():
            raise Failure(self.labels["no_library"].format(db=self.db))

    def counted(self, key: str, n: float, labels: dict | None = None, **values) -> str:
        """A label with a count ``{n}``: its ``KEY_one`` form for 1 ("1 passage") if it has
        one, the digits grouped as the language groups them ("1,200 passages")."""
        labels = labels or self.labels
        label = labels.get(f"{key}_one") if n == 1 else None
        return (label or labels[key]).format(n=self.number(n), **values)

    def number(self, n: float) -> str:
        """A count as people read it in the interface language: ``1,757`` or ``1.757``."""
        return number(n, self.lang)

    def date(self, iso: str | None) -> str:
        """An ISO date as people read it: ``24. juni 2024`` or ``24 June 2024``."""
        if not iso:
            return "–"
        day = dt.date.fromisoformat(iso)
        return format_date_da(day) if self.lang == "da" else format_date_en(day)


def _lang() -> str:
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx else None
    return (obj or {}).get("lang", "en")


class Failure(click.ClickException):
    """A one-line error, ``Error: ...`` or ``Fejl: ...`` in the interface language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.lang = _lang()  # shown after the command's context has ended

    def show(self, file=None) -> None:
        prefix = "Fejl" if self.lang == "da" else "Error"
        click.echo(f"{prefix}: {self.format_message()}", file=file, err=file is None)


def handle_errors(func):
    """Domain errors (and bad values) as one-line messages in the interface language."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (BaggrundError, ValueError) as exc:
            lang = _lang()
            error = exc if isinstance(exc, BaggrundError) else BaggrundError(str(exc))
            raise Failure(error.translated(translations(lang).gettext, lang)) from None

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
