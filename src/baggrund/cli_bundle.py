"""``baggrund bundle``: case bundles from the command line.

baggrund bundle new FN-2026-0412 --title "Eritrea, desertion"
baggrund bundle add FN-2026-0412 ERI-9/military-service/3 ERI-9/exit/2 --note "exit visa"
baggrund bundle export FN-2026-0412 --format docx -o FN-2026-0412.docx
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .bundle_export import FORMATS, problems_summary
from .cli_context import _ctx, db_option, handle_errors

LABELS = {
    "en": {"created": "Bundle {ref} created", "added": "{n} passages added to {ref}",
           "added_one": "{n} passage added to {ref}",
           "already": "already in the bundle", "removed": "{n} passages in {ref}",
           "removed_one": "{n} passage in {ref}",
           "written": "{path} written ({n} bytes)", "written_one": "{path} written ({n} byte)",
           "empty": "No bundles yet.", "items": "{n} passages", "items_one": "{n} passage",
           "none": "The bundle is empty.", "deleted": "Bundle {ref} deleted",
           "changed": "changed since it was added", "missing": "no longer exists",
           "warning": "warning"},
    "da": {"created": "Bundt {ref} oprettet", "added": "{n} uddrag føjet til {ref}",
           "already": "findes allerede i bundtet", "removed": "{n} uddrag i {ref}",
           "written": "{path} skrevet ({n} bytes)", "written_one": "{path} skrevet ({n} byte)",
           "empty": "Ingen bundter endnu.", "items": "{n} uddrag",
           "none": "Bundtet er tomt.", "deleted": "Bundt {ref} slettet",
           "changed": "ændret, siden det blev tilføjet", "missing": "findes ikke længere",
           "warning": "advarsel"},
}  # fmt: skip


def _labels(ctx) -> dict:
    return LABELS[ctx.lang]


@click.group()
def bundle() -> None:
    """Case bundles: the passages relied on in one case, with citations and bilagsliste."""


@bundle.command("new")
@click.argument("ref")
@click.option("--title", help="What the case is about, for the title block.")
@db_option
@handle_errors
def new(ref, title, db):
    """Create an empty bundle for the case reference REF."""
    ctx = _ctx(db)
    with ctx.library() as lib:
        made = lib.new_bundle(ref, title)
    click.echo(_labels(ctx)["created"].format(ref=made.ref))


@bundle.command("add")
@click.argument("ref")
@click.argument("anchors", nargs=-1, required=True)
@click.option("--note", help="A note kept with these passages.")
@db_option
@handle_errors
def add(ref, anchors, note, db):
    """Add passages (anchors such as AZE-367/protection/4) to the end of bundle REF."""
    ctx = _ctx(db)
    lab = _labels(ctx)
    with ctx.library() as lib:
        before = len(lib.bundle(ref).items)
        made, skipped = lib.add_to_bundle(ref, list(anchors), note)
    for anchor in skipped:
        click.echo(f"{anchor}: {lab['already']}", err=True)
    click.echo(ctx.counted("added", len(made.items) - before, lab, ref=made.ref))


@bundle.command("remove")
@click.argument("ref")
@click.argument("anchors", nargs=-1, required=True)
@db_option
@handle_errors
def remove(ref, anchors, db):
    """Take passages out of bundle REF."""
    ctx = _ctx(db)
    with ctx.library() as lib:
        made = lib.remove_from_bundle(ref, list(anchors))
    click.echo(ctx.counted("removed", len(made.items), _labels(ctx), ref=made.ref))


@bundle.command("move")
@click.argument("ref")
@click.argument("anchor")
@click.argument("position", type=click.IntRange(1))
@db_option
@handle_errors
def move(ref, anchor, position, db):
    """Move a passage of bundle REF to POSITION (1 = first)."""
    ctx = _ctx(db)
    with ctx.library() as lib:
        made = lib.move_in_bundle(ref, anchor, position)
    for n, item in enumerate(made.items, 1):
        click.echo(f"{n:>3}. {item.anchor}")


@bundle.command("note")
@click.argument("ref")
@click.argument("anchor")
@click.argument("text", required=False)
@db_option
@handle_errors
def note(ref, anchor, text, db):
    """Set (or, without TEXT, clear) the note of a passage in bundle REF."""
    ctx = _ctx(db)
    with ctx.library() as lib:
        lib.note_in_bundle(ref, anchor, text)


@bundle.command("show")
@click.argument("ref", required=False)
@db_option
@click.option("--json", "as_json", is_flag=True)
@handle_errors
def show(ref, db, as_json):
    """Show bundle REF (its passages and whether each still stands), or list every bundle."""
    ctx = _ctx(db)
    lab = _labels(ctx)
    with ctx.library() as lib:
        if ref is None:
            rows = lib.bundles()
            if as_json:
                click.echo(json.dumps(rows, ensure_ascii=False))
            for row in rows:
                title = f"  {row['title']}" if row["title"] else ""
                items = ctx.counted("items", row["items"], lab)
                click.echo(f"{row['ref']}  {items}  {row['updated']}{title}")
            if not rows and not as_json:
                click.echo(lab["empty"])
            return
        resolved = lib.resolve_bundle(ref)
    if as_json:
        out = resolved.bundle.to_dict()
        for item, entry in zip(out["items"], resolved.entries, strict=True):
            item.update(status=entry.status, citation=entry.citation,
                        citation_da=entry.citation_da, text=entry.text)  # fmt: skip
        out["annexes"] = resolved.annexes
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    if not resolved.entries:
        click.echo(lab["none"])
    for n, e in enumerate(resolved.entries, 1):
        citation = (e.citation_da if ctx.lang == "da" else e.citation) or e.item.anchor
        status = "" if e.status == "ok" else f"  [{lab[e.status]}]"
        click.echo(f"{n:>3}. {citation}{status}")
        if e.item.note:
            click.echo(f"     {e.item.note}")


@bundle.command("export")
@click.argument("ref")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="File to write (default: REF.FORMAT; '-' for standard output).")  # fmt: skip
@db_option
@handle_errors
def export(ref, fmt, output, db):
    """Export bundle REF: title block, bilagsliste, then every passage quoted exactly with its
    citation. Passages that changed or no longer exist are marked and listed here."""
    ctx = _ctx(db)
    with ctx.library() as lib:
        data, problems = lib.export_bundle(ref, fmt, lang=ctx.lang)
    for line in problems_summary(problems):
        click.echo(f"{_labels(ctx)['warning']}: {line}", err=True)
    if output == "-":
        click.echo(data, nl=False)  # bytes go to standard output as they are
        return
    path = Path(output or "".join(c if c.isalnum() or c in "-_." else "_" for c in ref) + f".{fmt}")
    path.write_bytes(data)
    click.echo(ctx.counted("written", len(data), _labels(ctx), path=path))


@bundle.command("delete")
@click.argument("ref")
@db_option
@handle_errors
def delete(ref, db):
    """Delete bundle REF (the documents are not touched)."""
    ctx = _ctx(db)
    with ctx.library() as lib:
        lib.delete_bundle(ref)
    click.echo(_labels(ctx)["deleted"].format(ref=ref))
