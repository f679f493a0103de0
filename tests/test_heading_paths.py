"""Heading levels of every series in the corpus: a passage's heading path is its true section
path. The fixture holds three real reports, cut to their first headings and a sentence under
each: Azerbaijan 2016 (``#### Section 1.`` then ``### Respect for ...``, sub-headings at
``####``), Colombia 2019 (``## Section 1. Respect ...``, lettered subsections and their
sub-headings all at ``###``) and Azerbaijan 2024 (markdown levels that are right)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baggrund.passage import segment

FIXTURE = Path(__file__).parent / "fixtures" / "hrr-headings.jsonl"


def _report(ident: str) -> dict:
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        if obj["id"] == ident:
            return obj
    raise KeyError(ident)


def _paths(ident: str) -> dict[str, tuple[str, ...]]:
    """Each heading as printed -> its heading path."""
    obj = _report(ident)
    seg = segment(obj["text"], title=obj["title"])
    return {s.heading: s.path for s in seg.sections}


S1_2016 = "Section 1. Respect for the Integrity of the Person, Including Freedom from:"


def test_2016_sections_are_not_inside_the_executive_summary():
    paths = _paths("USDOS-CRHRP-2016-azerbaijan")
    assert paths["EXECUTIVE SUMMARY"] == ("EXECUTIVE SUMMARY",)
    assert paths["b. Disappearance"] == (S1_2016, "b. Disappearance")
    assert paths["Prison and Detention Center Conditions"] == (
        S1_2016,
        "c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment",
        "Prison and Detention Center Conditions",
    )
    assert paths["INTERNET FREEDOM"] == (
        "Section 2. Respect for Civil Liberties, Including:",
        "a. Freedom of Speech and Press",
        "INTERNET FREEDOM",
    )


def test_2019_flat_markdown_gets_its_lettered_nesting():
    paths = _paths("USDOS-CRHRP-2019-colombia")
    s1 = "Section 1. Respect for the Integrity of the Person, Including Freedom from:"
    assert paths["Executive Summary"] == ("Executive Summary",)
    assert paths["Arrest Procedures and Treatment of Detainees"] == (
        s1,
        "d. Arbitrary Arrest or Detention",
        "Arrest Procedures and Treatment of Detainees",
    )
    assert paths["Internet Freedom"] == (
        "Section 2. Respect for Civil Liberties, Including:",
        "a. Freedom of Expression, Including for the Press",
        "Internet Freedom",
    )


def test_2024_markdown_levels_are_kept():
    paths = _paths("USDOS-CRHRP-2024-azerbaijan")
    assert paths["Life"] == ("Life",)
    assert paths["Forced or Compulsory Labor"] == (
        "Liberty",
        "b. Worker Rights",
        "Forced or Compulsory Labor",
    )


@pytest.mark.parametrize(
    "ident",
    ["USDOS-CRHRP-2016-azerbaijan", "USDOS-CRHRP-2019-colombia", "USDOS-CRHRP-2024-azerbaijan"],
)
def test_anchors_come_from_the_headings_as_printed(ident):
    """Levels never change anchors: the number-only heading keeps its own slug, its title
    keeps the slug of its own words, so citations and bundles stay valid."""
    obj = _report(ident)
    seg = segment(obj["text"], title=obj["title"])
    anchors = [p.local_anchor(seg.sections) for p in seg.passages]
    assert len(set(anchors)) == len(anchors)
    if ident.endswith("2016-azerbaijan"):
        assert "b-disappearance/1" in anchors
        assert [s.slug for s in seg.sections][1:3] == [
            "section-1",
            "respect-for-the-integrity-of-the-person",
        ]


def test_one_numbered_heading_alone_keeps_the_markdown_levels():
    text = "# Overview\n\nIntro.\n\n## Section 1. Introduction\n\nText.\n\n### Background\n\nMore."
    paths = {s.heading: s.path for s in segment(text).sections}
    assert paths["Background"] == ("Overview", "Section 1. Introduction", "Background")


def test_a_section_number_followed_by_text_is_an_ordinary_heading():
    text = "# Section 1\n\nIntro para.\n\n## Women\n\nFirst."
    paths = {s.heading: s.path for s in segment(text).sections}
    assert paths["Women"] == ("Section 1", "Women")
