"""Segmentation, text repair and anchors."""

from baggrund.passage import segment, slugify
from baggrund.repair import clean_text

from .conftest import BOARD_SAMPLE


def board_body() -> str:
    return BOARD_SAMPLE.read_text(encoding="utf-8").split("22. juli 2024\n", 1)[1]


def test_board_sections_are_the_upper_case_headings():
    seg = segment(board_body(), title="2024 Trafficking in Persons Report: Azerbaijan")
    headings = [s.heading for s in seg.sections]
    assert headings == [
        "",
        "PRIORITIZED RECOMMENDATIONS",
        "PROSECUTION",
        "PROTECTION",
        "PREVENTION",
        "TRAFFICKING PROFILE",
    ]


def test_broken_paragraph_is_joined_again():
    seg = segment(board_body(), title="2024 Trafficking in Persons Report: Azerbaijan")
    assert seg.repairs == 1
    joined = [p for p in seg.passages if "within 24 hours to ATD, which" in p.text]
    assert len(joined) == 1
    assert not any(p.text.startswith("ATD, which") for p in seg.passages)


def test_title_line_is_not_a_passage_but_tier_line_is():
    seg = segment(board_body(), title="2024 Trafficking in Persons Report: Azerbaijan")
    assert seg.passages[0].text == "AZERBAIJAN (Tier 2)"
    assert not any(p.text.startswith("2024 Trafficking in Persons") for p in seg.passages)


def test_anchors_are_section_and_number_and_stable():
    a = segment(board_body(), title="2024 Trafficking in Persons Report: Azerbaijan")
    b = segment(board_body(), title="2024 Trafficking in Persons Report: Azerbaijan")
    anchors = [p.local_anchor(a.sections) for p in a.passages]
    assert anchors == [p.local_anchor(b.sections) for p in b.passages]
    assert len(set(anchors)) == len(anchors)
    fourth = next(p for p in a.passages if p.local_anchor(a.sections) == "protection/4")
    assert fourth.text.startswith("Authorities may have penalized sex trafficking victims")


def test_no_text_is_lost():
    body = board_body()
    seg = segment(body, title="2024 Trafficking in Persons Report: Azerbaijan")
    words = set(clean_text(body).split())
    kept = set(" ".join([p.text for p in seg.passages] + [s.heading for s in seg.sections]).split())
    lost = words - kept - {"2024", "Trafficking", "in", "Persons", "Report:", "Azerbaijan"}
    assert {w.rstrip(":") for w in lost} <= {"PRIORITIZED", "RECOMMENDATIONS", "PROFILE"}


def test_markdown_headings_nest_and_duplicates_get_suffixes():
    text = "# Section 1\n\nIntro para.\n\n## Women\n\nFirst.\n\nSecond.\n\n## Women\n\nThird."
    seg = segment(text)
    anchors = [p.local_anchor(seg.sections) for p in seg.passages]
    assert anchors == ["section-1/1", "women/1", "women/2", "women-2/1"]
    assert seg.sections[2].path == ("Section 1", "Women")


def test_title_case_line_is_a_sub_heading_but_a_sentence_is_not():
    text = "## Prison Conditions\n\nTrial Procedures\n\nThe law presumes innocence.\n\nThe end"
    seg = segment(text)
    assert [s.heading for s in seg.sections] == ["Prison Conditions", "Trial Procedures"]
    assert [p.text for p in seg.passages] == ["The law presumes innocence.", "The end"]


def test_paragraph_ending_a_sentence_without_a_period_is_not_joined():
    text = (
        "## A\n\n"
        + "x " * 30
        + "and the law was effectively enforced\n\nIn 2016 the committee met."
    )
    seg = segment(text)
    assert len(seg.passages) == 2


def test_escaped_dollar_and_crlf():
    seg = segment("Cost was 5 manat (\\$3).\r\n\r\nNext paragraph here.")
    assert [p.text for p in seg.passages] == ["Cost was 5 manat ($3).", "Next paragraph here."]


def test_slugify():
    assert slugify("PRIORITIZED RECOMMENDATIONS") == "prioritized-recommendations"
    assert (
        slugify("Æresrelateret vold og tvangsægteskab") == "aeresrelateret-vold-og-tvangsaegteskab"
    )
    long = slugify("c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment")
    assert len(long) <= 48 and long.startswith("c-torture-and-other")
