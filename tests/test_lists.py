"""Lists kept as lists: the Trafficking in Persons report's recommendations, flattened into one
paragraph with " * " between the items (the board's document, samples/aserbajdsjan-367.txt),
are one passage whose items are lines of their own; the web shows a list, exports keep the
line breaks, and no text is lost or re-anchored."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from baggrund.passage import LIST_ITEM, as_list, as_paragraph, segment
from baggrund.web import Settings, create_app

from .conftest import BOARD_SAMPLE, SAMPLES

RECS = "AZE-367/prioritized-recommendations/1"


def _flat() -> str:
    """The recommendations paragraph as the board printed it."""
    return next(b for b in BOARD_SAMPLE.read_text(encoding="utf-8").split("\n\n") if " * " in b)


def test_the_recommendations_are_a_list_of_thirteen_items():
    body = BOARD_SAMPLE.read_text(encoding="utf-8").split("22. juli 2024\n", 1)[1]
    seg = segment(body, title="2024 Trafficking in Persons Report: Azerbaijan")
    recs = next(
        p for p in seg.passages if p.local_anchor(seg.sections) == "prioritized-recommendations/1"
    )
    lines = recs.text.split("\n")
    assert len(lines) == 13 and all(line.startswith(LIST_ITEM) for line in lines)
    assert lines[1] == (
        "* Increase proactive identification efforts, particularly for internal trafficking,"
        " forced labor, and child trafficking."
    )
    assert " * " not in recs.text
    assert as_paragraph(recs.text) == _flat().strip()  # nothing lost, nothing added


def test_a_lead_in_stays_a_line_and_a_star_inside_text_is_not_a_bullet():
    assert as_list("Steps: * Investigate. * Prosecute.") == "Steps:\n* Investigate.\n* Prosecute."
    for text in (
        "MOZAMBIQUE PAGE * MERGEFORMAT 27",  # a word-processor field in a 2020 report
        "The rate was 5 * 3 in the table.",
        "A footnote* marks this. * ",
        "No bullets at all.",
        "",
    ):
        assert as_list(text) == text


def test_the_web_shows_a_list_and_a_bundle_export_keeps_the_lines(library):
    assert library.ingest([SAMPLES]).ok
    client = TestClient(create_app(Settings(str(library.store.path), allowed_hosts=["testserver"])))
    page = client.get("/documents/AZE-367").text
    assert '<div class="text list" lang="en"><ul><li>Vigorously investigate' in page
    assert page.count("<li>Increase proactive identification") == 1
    library.new_bundle("C-1")
    library.add_to_bundle("C-1", [RECS])
    md = library.export_bundle("C-1", "md")[0].decode()
    assert "> * Vigorously investigate" in md and "\n> * Increase proactive" in md


def test_a_bundle_that_quoted_the_flat_paragraph_is_not_changed(library):
    """A bundle made before lists were kept quoted the one paragraph: the same text."""
    assert library.ingest([SAMPLES]).ok
    library.new_bundle("C-2")
    library.add_to_bundle("C-2", [RECS])
    bundle = library.bundle("C-2")
    item = {"anchor": RECS, "note": None, "quoted": _flat().strip(), "added": "2024-08-01"}
    library.store.put_bundle("C-2", None, [item], dt.date.today(), bundle.version)
    assert [e.status for e in library.resolve_bundle("C-2").entries] == ["ok"]
