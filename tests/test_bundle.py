"""Case bundles: saved on both stores, exported to Markdown, Word and PDF with the passages
quoted exactly and the bilagsliste, and passages that changed or vanished reported."""

from __future__ import annotations

import io
import json
import re

import pytest

from baggrund.bundle import BadBundle, BundleConflict
from baggrund.errors import NotFound

from .conftest import BOARD_SAMPLE, Cli
from .test_store_contract import (  # noqa: F401
    BACKENDS,
    fresh_store,
    library,
    report,
    store_url,
    write_jsonl,
)

P4 = "AZE-367/protection/4"
P1 = "AZE-367/prosecution/1"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def board(library):  # noqa: F811
    assert library.ingest([BOARD_SAMPLE]).ok
    return library


def test_a_bundle_keeps_passages_in_the_order_chosen_with_notes(board):
    board.new_bundle("FN-2026-0412", "Azerbaijan, trafficking")
    made, skipped = board.add_to_bundle("FN-2026-0412", [P4, P1], note="penalised")
    assert [i.anchor for i in made.items] == [P4, P1] and not skipped
    assert made.items[0].note == "penalised"
    assert made.items[0].quoted == board.passage(P4).text
    again, skipped = board.add_to_bundle("FN-2026-0412", [P1.lower().replace("aze", "AZE")])
    assert skipped == [P1] and len(again.items) == 2
    moved = board.move_in_bundle("FN-2026-0412", P1, 1)
    assert [i.anchor for i in moved.items] == [P1, P4]
    noted = board.note_in_bundle("FN-2026-0412", P4, "key passage")
    assert noted.items[1].note == "key passage"
    left = board.remove_from_bundle("FN-2026-0412", [P1])
    assert [i.anchor for i in left.items] == [P4]
    assert [b["ref"] for b in board.bundles()] == ["FN-2026-0412"]
    assert board.bundles()[0]["items"] == 1
    board.delete_bundle("FN-2026-0412")
    assert board.bundles() == []
    with pytest.raises(NotFound):
        board.bundle("FN-2026-0412")


def test_bad_bundle_input_changes_nothing(board):
    board.new_bundle("case 1")
    board.add_to_bundle("case 1", [P4])
    with pytest.raises(BundleConflict, match="exists already"):
        board.new_bundle("case 1")
    with pytest.raises(NotFound, match="AZE-367/nope/9"):
        board.add_to_bundle("case 1", [P1, "AZE-367/nope/9"])
    with pytest.raises(BadBundle, match="not a passage"):
        board.add_to_bundle("case 1", ["AZE-367"])
    with pytest.raises(NotFound, match="not an anchor"):
        board.add_to_bundle("case 1", ["<script>"])
    with pytest.raises(NotFound, match="not in bundle"):
        board.remove_from_bundle("case 1", [P1])
    for ref in ("", "   ", "a\x00b", "x" * 101):
        with pytest.raises(BadBundle):
            board.new_bundle(ref)
    with pytest.raises(NotFound):
        board.add_to_bundle("no such case", [P4])
    assert [i.anchor for i in board.bundle("case 1").items] == [P4]


def test_two_editors_cannot_overwrite_each_other(board):
    board.new_bundle("shared")
    seen = board.bundle("shared")
    board.add_to_bundle("shared", [P4])  # someone else, meanwhile
    with pytest.raises(BundleConflict, match="changed by someone else"):
        board.store.put_bundle("shared", None, [], __import__("datetime").date.today(),
                               seen.version)  # fmt: skip
    assert [i.anchor for i in board.bundle("shared").items] == [P4]


def test_a_passage_changed_or_gone_since_it_was_added_is_reported(tmp_path, library):  # noqa: F811
    old = "## Military service\n\nDeserters were detained.\n\n## Exit\n\nExit visas were refused."
    new = "## Military service\n\nDeserters were detained for months.\n\n## Other\n\nNew text."
    library.ingest([write_jsonl(tmp_path / "a.jsonl", [report(1, text=old, id="R-1")])])
    library.new_bundle("C-7")
    library.add_to_bundle("C-7", ["ERI-1/military-service/1", "ERI-1/exit/1"])
    library.ingest([write_jsonl(tmp_path / "b.jsonl", [report(1, text=new, id="R-1")])])
    resolved = library.resolve_bundle("C-7")
    assert [e.status for e in resolved.entries] == ["changed", "missing"]
    assert resolved.entries[0].text == "Deserters were detained for months."
    assert resolved.entries[0].item.quoted == "Deserters were detained."
    data, problems = library.export_bundle("C-7", "md")
    assert len(problems) == 2
    md = data.decode()
    assert "Deserters were detained for months." in md and "> Deserters were detained." in md
    assert "changed since it was added" in md and "no longer in the library" in md
    assert "> Exit visas were refused." in md  # what was relied on is still shown


@pytest.fixture
def exported(board):
    board.new_bundle("FN-2026-0412", "Azerbaijan, trafficking")
    board.add_to_bundle("FN-2026-0412", [P4, P1], note="penalised for prostitution")
    return board


def test_markdown_export_has_title_block_bilagsliste_and_exact_quotes(exported):
    md = exported.export_bundle("FN-2026-0412", "md")[0].decode()
    assert md.index("Case: FN-2026-0412") < md.index("bilagsliste") < md.index(P4)
    assert "| Azerbaijan | 367 | US Department of State |" in md
    assert md.index(P4) < md.index(P1)
    for anchor in (P4, P1):
        assert "> " + exported.passage(anchor).text in md
    da = exported.export_bundle("FN-2026-0412", "md", lang="da")[0].decode()
    assert "Bilagsliste" in da and "| Aserbajdsjan | 367 |" in da and "bilag 367" in da
    assert "Optaget på baggrundsmaterialet" in da


def test_word_export_reads_back_with_the_passages_and_the_bilagsliste(exported):
    import docx

    data, problems = exported.export_bundle("FN-2026-0412", "docx")
    assert not problems
    doc = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in doc.paragraphs]
    for anchor in (P4, P1):
        assert exported.passage(anchor).text in paragraphs
        assert any(anchor in p for p in paragraphs)
    (table,) = doc.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][:2] == ["Country", "Annex"]
    assert rows[1][:3] == ["Azerbaijan", "367", "US Department of State"]
    assert "Note: penalised for prostitution" in paragraphs


def test_pdf_export_turns_into_text_with_the_passages_and_the_bilagsliste(exported):
    import pypdf

    data, _ = exported.export_bundle("FN-2026-0412", "pdf", lang="da")
    assert data.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    footer = re.compile(r"^FN-2026-0412 · Side \d+$", re.M)  # the running footer
    text = _flat(" ".join(footer.sub("", page.extract_text()) for page in reader.pages))
    assert "Bilagsliste" in text and "Aserbajdsjan" in text and "Bilagsnr." in text
    for anchor in (P4, P1):
        quote = _flat(exported.passage(anchor).text)
        # pypdf breaks lines where the PDF does; compare the words in order
        assert re.sub(r"\W+", "", quote) in re.sub(r"\W+", "", text)
        assert anchor in text


def test_bundle_command_line(tmp_path):
    cli = Cli(str(tmp_path / "cli.db"))
    cli("ingest", str(BOARD_SAMPLE))
    assert "created" in cli("bundle", "new", "FN-1", "--title", "Trafficking").stdout
    assert "2 passages added" in cli("bundle", "add", "FN-1", P4, P1, "--note", "n").stdout
    listed = json.loads(cli("bundle", "show", "FN-1", "--json").stdout)
    assert [i["anchor"] for i in listed["items"]] == [P4, P1]
    assert listed["items"][0]["status"] == "ok" and listed["annexes"][0]["annex"] == 367
    out = tmp_path / "bundle.docx"
    assert "written" in cli("bundle", "export", "FN-1", "--format", "docx", "-o", str(out)).stdout
    assert out.read_bytes().startswith(b"PK")
    md = cli("bundle", "export", "FN-1", "-o", "-").stdout
    assert md.startswith("# Background material relied on")
    bad = cli("bundle", "add", "FN-1", "AZE-367/nope/1", expect=1)
    assert bad.output.strip() == "Error: no passage 'AZE-367/nope/1'"
    assert "Error: no bundle 'FN-2'" in cli("bundle", "export", "FN-2", expect=1).output
    danish = cli("--lang", "da", "bundle", "show")
    assert "FN-1  2 uddrag" in danish.stdout


def test_bundles_travel_with_a_copied_library(board, tmp_path):
    from baggrund.store import open_store
    from baggrund.transfer import copy_library

    board.new_bundle("FN-1", "Trafficking")
    board.add_to_bundle("FN-1", [P4, P1], note="fined")
    for kind in BACKENDS:
        (tmp_path / kind).mkdir()
        with fresh_store(kind, tmp_path / kind) as url:
            target = open_store(url)
            try:
                copied = copy_library(board.store, target)
                assert copied.ok and copied.bundles == 1, copied.differences
                items = target.bundle("FN-1")["items"]
                assert [(i["anchor"], i["note"]) for i in items] == [(P4, "fined"), (P1, "fined")]
            finally:
                target.close()
