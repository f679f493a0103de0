"""One collection name per library: the board's annexes and imported reports are cited under
the same, configured name (before, the bundled sample cited annex 367 as "Flygtningenævnets
baggrundsmateriale" and the imported reports of the same country as "Baggrundsmateriale")."""

from __future__ import annotations

import pytest

from baggrund.collection import DEFAULT
from baggrund.errors import BaggrundError
from baggrund.library import Library

from .conftest import SAMPLES, Cli


def _heads(lib: Library) -> set[str]:
    """The collection part of every citation of Azerbaijan's documents and passages."""
    out = set()
    for row in lib.annexes("AZE"):
        doc = lib.document(f"AZE-{row['annex']}")
        out.add(doc["citation_da"].split(", Aserbajdsjan")[0])
        out.add(doc["citation"].split(", Azerbaijan")[0])
        first = doc["passages"][0]["anchor"]
        view = lib.passage(first)
        out.add(view.citation_da.split(", Aserbajdsjan")[0])
        out.add(view.citation.split(", Azerbaijan")[0])
    for hit in lib.search("coercion", country="AZE", limit=20).hits:
        out.add(hit.citation_da.split(", Aserbajdsjan")[0])
        out.add(hit.citation.split(", Azerbaijan")[0])
    return out


def test_board_annex_and_imported_reports_share_one_name(sample):
    assert len(sample.annexes("AZE")) >= 3  # annex 367 from the board, two imported reports
    assert _heads(sample) == {DEFAULT.da, DEFAULT.en}


def test_the_name_is_a_library_setting_kept_on_reopening(tmp_path):
    path = str(tmp_path / "lib.db")
    with Library.open(path) as lib:
        assert lib.ingest([SAMPLES]).ok
        lib.set_collection(
            "Flygtningenævnets baggrundsmateriale", "Refugee Appeals Board background material"
        )
    with Library.open(path) as lib:
        assert _heads(lib) == {
            "Flygtningenævnets baggrundsmateriale",
            "Refugee Appeals Board background material",
        }
        hit = lib.search("psychological coercion", country="AZE").hits[0]
        assert hit.citation_da.startswith("Flygtningenævnets baggrundsmateriale, Aserbajdsjan")


@pytest.mark.parametrize("bad", ["", "   ", "x" * 201, "a\x07b"])
def test_a_bad_name_is_refused_and_nothing_changes(library, bad):
    with pytest.raises(BaggrundError, match="collection name"):
        library.set_collection(bad)
    assert library.collection == DEFAULT


def test_the_cli_shows_and_sets_it(tmp_path):
    cli = Cli(str(tmp_path / "cli.db"))
    cli("ingest", str(SAMPLES))
    assert cli("collection").output.startswith("Baggrundsmateriale\nBackground material")
    cli("collection", "Nævnets materiale", "--en", "The board's material")
    out = cli("--lang", "da", "show", "AZE-367/protection/4").output
    assert "Nævnets materiale, Aserbajdsjan, bilag 367" in out
    assert cli("collection", "--en", "Only English", expect=2).exit_code == 2
