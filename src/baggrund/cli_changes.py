"""``baggrund changes``: what changed between two editions of a report series on one country.

baggrund changes AZE --series "human rights" --from 2022 --to 2023
baggrund changes Aserbajdsjan --from 2022 --to 2023 --kind new --kind rewritten
baggrund changes AZE --from 2022 --to 2023 --json       # one JSON object (see baggrund.change)
baggrund changes AZE --from 2022 --to 2023 > changes.txt  # word diff marked [-old-]{+new+}

On a terminal the word diff is in colour (deleted words struck through in red, inserted ones
underlined in green); written to a file or a pipe, or with ``--no-color`` or ``NO_COLOR`` set,
it is plain text with the marks of ``git diff --word-diff``: ``[-deleted words-]`` and
``{+inserted words+}``. ``--color`` forces colour (for ``less -R``).
"""

from __future__ import annotations

import json
import os

import click

from .change import KINDS, Changes, PassagePair
from .cli_context import _console, _ctx, db_option, handle_errors

LABELS = {
    "en": {"figures": "Changed figures", "old": "Before", "new": "Now", "where": "Where",
           "unchanged": "unchanged", "rewritten": "rewritten", "new_kind": "new",
           "removed": "removed", "moved": "moved", "reordered": "reordered", "from": "from", "nothing": "No differences.",
           "no_figures": "No figures changed.", "passage": "Passage"},
    "da": {"figures": "Ændrede tal", "old": "Før", "new": "Nu", "where": "Hvor",
           "unchanged": "uændret", "rewritten": "omskrevet", "new_kind": "nyt",
           "removed": "fjernet", "moved": "flyttet", "reordered": "omplaceret", "from": "fra", "nothing": "Ingen forskelle.",
           "no_figures": "Ingen tal er ændret.", "passage": "Afsnit"},
}  # fmt: skip


def _kind(L: dict, kind: str) -> str:
    return L["new_kind"] if kind == "new" else L[kind]


@click.command()
@click.argument("country")
@db_option
@click.option("--series", help="Report series, or a part of its name ('human rights').")
@click.option("--source", help="Publishing organisation, when several publish the series.")
@click.option("--from", "from_year", type=int, required=True, help="The older edition's year.")
@click.option("--to", "to_year", type=int, required=True, help="The newer edition's year.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Only passages of this kind (repeat for several; default: all but unchanged).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="The whole alignment as one JSON object.")
@click.option("--color/--no-color", "color", default=None,
              help="Colour the word diff (default: on a terminal, unless NO_COLOR is set); "
                   "without colour, deletions are marked [-...-] and insertions {+...+}.")  # fmt: skip
@handle_errors
def changes(country, db, series, source, from_year, to_year, kinds, as_json, color):
    """What changed between two editions of a report series on COUNTRY: changed figures
    first, then each section with its unchanged, rewritten (word diff), new and removed
    passages, each with its anchor in both editions."""
    c = _ctx(db)
    with c.library() as lib:
        result = lib.changes(country, series, from_year, to_year, source=source)
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    _print(result, LABELS[c.lang], set(kinds), moved=not kinds, color=color)


def _diff_text(pair: PassagePair, color: bool):
    """The word diff: in colour, or marked as ``git diff --word-diff`` marks it (the space
    before a run kept outside its mark: ``arrested [-12-]{+15+} people``)."""
    from rich.text import Text

    text = Text()
    previous = "equal"
    for seg in pair.diff:
        if seg.op == "equal":
            text.append(seg.text)
        elif color:
            style = "red strike" if seg.op == "delete" else "green underline"
            text.append(seg.text, style=style)
        else:
            core = seg.text.lstrip()
            lead = seg.text[: len(seg.text) - len(core)]
            if seg.op == "insert" and previous == "delete":
                lead = ""  # [-old-]{+new+}: one change, no space between
            opening, closing = ("[-", "-]") if seg.op == "delete" else ("{+", "+}")
            text.append(f"{lead}{opening}{core}{closing}")
        previous = seg.op
    return text


def _colour(color: bool | None, console) -> bool:
    """Colour when asked (--color/--no-color), else on a terminal unless NO_COLOR is set."""
    if color is not None:
        return color
    return console.is_terminal and not os.environ.get("NO_COLOR")


def _print(
    result: Changes, L: dict, kinds: set[str], moved: bool, color: bool | None = None
) -> None:
    """``kinds``: the kinds of passage shown (none given: all but unchanged); with ``moved``,
    paragraphs that moved to another section are shown whatever their kind. ``color``: see
    :func:`_colour`."""
    kinds = kinds or {"rewritten", "new", "removed"}
    from rich.console import Console
    from rich.text import Text

    out = _console()
    color = _colour(color, out)
    # into a file or a pipe: one line a paragraph (not wrapped at 80 columns), as git does
    if color and not out.is_terminal:  # forced: colour into a file or a pipe
        out = Console(highlight=False, soft_wrap=True, force_terminal=True,
                      color_system="standard")  # fmt: skip
    elif not color:
        out = Console(highlight=False, soft_wrap=not out.is_terminal, no_color=True,
                      color_system=None)  # fmt: skip
    old, new = result.old, result.new
    out.print(Text(f"{new.get('title')} ({new.get('anchor')})", style="bold"))
    out.print(Text(f"{L['from']} {old.get('title')} ({old.get('anchor')})", style="dim"))
    counts = result.counts
    out.print(", ".join(f"{counts[k]} {_kind(L, k)}" for k in KINDS)
              + f", {counts['moved']} {L['moved']}, {counts['reordered']} {L['reordered']}")  # fmt: skip
    out.print()
    if result.figures:
        out.print(Text(L["figures"], style="bold"))
        for pair in result.figures:
            for f in pair.figures:
                line = Text("  ")
                line.append(f.old or "–", style="red")
                line.append(" → ")
                line.append(f.new or "–", style="green")
                line.append(f"   … {f.before} {f.new or f.old} {f.after} …  ", style="dim")
                if pair.new is not None and pair.old is not None:  # figures of a matched pair
                    line.append(pair.new.anchor, style="cyan")
                    line.append(f" ({L['from']} {pair.old.anchor})", style="dim")
                out.print(line)
    else:
        out.print(L["no_figures"])
    if not any(p.kind != "unchanged" for s in result.sections for p in s.pairs):
        out.print(L["nothing"])
    for section in result.sections:
        shown = [p for p in section.pairs if p.kind in kinds or (moved and p.moved)]
        heading = section.heading
        if section.old_heading and section.new_heading and section.old_heading != heading:
            heading = f"{section.old_heading} → {heading}"
        tally = ", ".join(f"{n} {_kind(L, k)}" for k, n in section.counts.items() if n)
        out.print()
        out.print(Text(heading or "–", style="bold underline"), Text(f"({tally})", style="dim"))
        for pair in shown:
            anchors = " → ".join(s.anchor for s in (pair.old, pair.new) if s)
            label = _kind(L, pair.kind) + (f", {L['moved']}" if pair.moved else "")
            label += f", {L['reordered']}" if pair.reordered else ""
            out.print(Text(f"[{label}] {anchors}", style="cyan"))
            if pair.kind == "rewritten":
                out.print(_diff_text(pair, color))
            else:
                side = pair.new or pair.old
                assert side is not None  # a pair has at least one side
                out.print(Text(side.text, style="red" if pair.kind == "removed" else ""))
