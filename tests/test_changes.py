"""Changes between editions: two small editions made here (a new paragraph, a rewritten one
with a changed figure, a removed one, a moved one), two real consecutive editions from the
shared corpus, the ``baggrund changes`` command and the web page and API."""

from __future__ import annotations

import gzip
import json
import re
import time
from difflib import SequenceMatcher

import pytest
from fastapi.testclient import TestClient

from baggrund.change import REWRITTEN, word_diff
from baggrund.errors import NotFound
from baggrund.library import Library
from baggrund.reader import record_from_json
from baggrund.web import Settings, create_app

from .conftest import CORPUS, needs_corpus
from .test_store_contract import store_url  # noqa: F401  (fixture)

SERIES = "Trafficking in Persons Report"
KEPT = "The government maintained law enforcement efforts against trafficking in all regions."
OLD = f"""## PROSECUTION

{KEPT}

The government officially identified 91 victims, compared with 94 victims in 2021, and investigated nine cases with 12 defendants.

The only shelter for male victims in Baku closed in March because of a lack of funding.

## PROTECTION

Officials referred victims to the state shelter run by the Assistance to Victims fund, which offered medical care, legal aid and psychological support to every adult victim.

NGOs reported that victims waited several weeks for identification.

## PREVENTION

The national coordinator chaired two meetings of the anti-trafficking commission.
"""
NEW = f"""## PROSECUTION

{KEPT}

The government officially identified 94 victims, compared with 91 victims in 2022, and investigated nine cases with 12 defendants.

## PROTECTION

NGOs reported that victims waited several weeks for identification.

The government opened a second shelter in Ganja <script>alert(1)</script> for women and children.

## PREVENTION

The national coordinator chaired two meetings of the anti-trafficking commission.

Officials referred victims to the state shelter run by the Assistance to Victims fund, which offered medical care, legal aid and psychological support to every adult victim.
"""


def edition(year: int, text: str) -> dict:
    return {"id": f"TIP-{year}-AZE", "source": "U.S. Department of State", "series": SERIES,
            "edition_year": year, "country": "Azerbaijan", "date_published": f"{year + 1}-06-24",
            "title": f"{year + 1} Trafficking in Persons Report: Azerbaijan", "text": text}  # fmt: skip


@pytest.fixture
def editions(tmp_path, db):
    path = tmp_path / "tip.jsonl"
    path.write_text(
        "\n".join(json.dumps(edition(y, t)) for y, t in ((2022, OLD), (2023, NEW))) + "\n",
        encoding="utf-8",
    )
    with Library.open(db) as lib:
        assert lib.ingest([path]).ok
    return path


def by_kind(result, kind: str) -> list:
    return [p for s in result.sections for p in s.pairs if p.kind == kind]


def test_small_editions_new_rewritten_removed_moved(editions, library):
    result = library.changes("Aserbajdsjan", "trafficking", 2022, 2023)
    assert (result.old["anchor"], result.new["anchor"]) == ("AZE-1", "AZE-2")
    assert {k: result.counts[k] for k in ("unchanged", "rewritten", "new", "removed", "moved")} == {
        "unchanged": 4, "rewritten": 1, "new": 1, "removed": 1, "moved": 1,
    }  # fmt: skip
    # the rewritten paragraph: aligned with its predecessor, its figures listed first
    [rewritten] = by_kind(result, "rewritten")
    assert (rewritten.old.anchor, rewritten.new.anchor) == (
        "AZE-1/prosecution/2",
        "AZE-2/prosecution/2",
    )
    assert result.figures == (rewritten,)
    assert [(f.old, f.new) for f in rewritten.figures] == [("91", "94"), ("94", "91")]
    assert "identified" in rewritten.figures[0].before and rewritten.figures[0].after.startswith(
        "victims"
    )
    assert "94" in rewritten.inserted and "91" in rewritten.deleted  # years are no figures
    [new] = by_kind(result, "new")
    assert new.new.anchor == "AZE-2/protection/2" and "second shelter" in new.new.text
    [removed] = by_kind(result, "removed")
    assert removed.old.anchor == "AZE-1/prosecution/3"
    [moved] = [p for s in result.sections for p in s.pairs if p.moved]
    assert moved.kind == "unchanged"
    assert (moved.old.anchor, moved.new.anchor) == ("AZE-1/protection/1", "AZE-2/prevention/2")
    assert (moved.old.section, moved.new.section) == ("PROTECTION", "PREVENTION")
    sections = {s.heading: s.counts for s in result.sections}
    assert sections["PROTECTION"] == {"unchanged": 1, "rewritten": 0, "new": 1, "removed": 0}
    assert json.loads(json.dumps(result.to_dict()))["figures"][0]["figures"][0]["new"] == "94"


def test_missing_edition_or_series_is_one_clear_error(editions, library):
    with pytest.raises(NotFound, match=r"no 2019 edition .* editions: 2022, 2023"):
        library.changes("AZE", SERIES, 2019, 2023)
    with pytest.raises(NotFound, match=r"no series 'religious' for AZE; there is: Trafficking"):
        library.changes("AZE", "religious", 2022, 2023)
    with pytest.raises(NotFound, match=r"no report series for ERI"):
        library.changes("Eritrea", None, 2022, 2023)
    assert library.editions("AZE") == {SERIES: [2022, 2023]}


def test_word_diff_marks_words_and_keeps_spacing():
    segments, figures = word_diff(
        "Police arrested 12 people on May 3.", "Police detained 15 people on May 9."
    )
    assert (
        "".join(s.text for s in segments if s.op != "delete")
        == "Police detained 15 people on May 9."
    )
    assert (
        "".join(s.text for s in segments if s.op != "insert")
        == "Police arrested 12 people on May 3."
    )
    assert [(f.old, f.new) for f in figures] == [("12", "15")]  # "May 3" is a date, not a figure


def test_cli_changes(editions, cli):
    out = cli("changes", "AZE", "--series", "trafficking", "--from", "2022", "--to", "2023").stdout
    assert out.index("Changed figures") < out.index("PROSECUTION")
    assert "91 → 94" in out and "AZE-2/prosecution/2" in out and "AZE-1/prosecution/2" in out
    assert "[new] AZE-2/protection/2" in out and "[removed] AZE-1/prosecution/3" in out
    assert "<script>alert(1)</script>" in out  # the text as the report has it, not markup
    assert "[unchanged, moved] AZE-1/protection/1 → AZE-2/prevention/2" in out
    assert "chaired two meetings" not in out  # unchanged and in place: counted, not shown
    [data] = cli.json_lines("changes", "AZE", "--from", "2022", "--to", "2023", "--json")
    assert (
        data["counts"]["new"] == 1 and data["figures"][0]["new"]["anchor"] == "AZE-2/prosecution/2"
    )
    only_new = cli("changes", "AZE", "--from", "2022", "--to", "2023", "--kind", "new").stdout
    assert "second shelter" in only_new and "Baku closed" not in only_new
    danish = cli("--lang", "da", "changes", "AZE", "--from", "2022", "--to", "2023").stdout
    assert "Ændrede tal" in danish and "[nyt]" in danish
    missing = cli("changes", "AZE", "--from", "2010", "--to", "2023", expect=1)
    assert "no 2010 edition" in missing.output and "editions: 2022, 2023" in missing.output


def test_web_page_and_api(editions, db):
    client = TestClient(
        create_app(Settings(db, allowed_hosts=["testserver"])), raise_server_exceptions=False
    )
    offers = client.get("/countries/AZE/changes").text
    assert (
        'href="/countries/AZE/changes?series=Trafficking+in+Persons+Report&amp;from=2022&amp;to=2023"'
        in offers
    )
    page = client.get("/countries/AZE/changes", params={"series": SERIES, "from": 2022, "to": 2023})
    assert page.status_code == 200
    html = page.text
    assert html.index("Changed figures") < html.index("PROSECUTION</h2>")
    assert "<del>91</del>" in html and "<ins>94</ins>" in html
    assert (
        'href="/documents/AZE-1/prosecution/2"' in html
        and 'href="/documents/AZE-2/prosecution/2"' in html
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert " style=" not in html
    assert "Baku closed" in html and "chaired two meetings" not in html  # unchanged: hidden
    moved_row = html.index('href="/documents/AZE-2/prevention/2"')
    assert html.rfind("moved", 0, moved_row) > html.index("PREVENTION</h2>")  # moved: shown
    only_new = client.get("/countries/AZE/changes?from=2022&to=2023&kind=new&kind=unchanged").text
    assert (
        "second shelter" in only_new and "Baku closed" not in only_new and "chaired two" in only_new
    )
    danish = client.get("/countries/AZE/changes?from=2022&to=2023&lang=da").text
    assert "Ændringer mellem udgaver" in danish and "omskrevet" in danish
    moved = client.get("/countries/Aserbajdsjan/changes?from=2022&to=2023", follow_redirects=False)
    assert moved.status_code == 302 and moved.headers["location"].startswith(
        "/countries/AZE/changes?"
    )
    missing = client.get("/countries/AZE/changes?from=2015&to=2023")
    assert missing.status_code == 404 and "no 2015 edition" in missing.text
    api = client.get("/api/v1/changes", params={"country": "AZE", "from": 2022, "to": 2023}).json()
    assert api["counts"]["rewritten"] == 1 and api["figures"][0]["figures"][0]["old"] == "91"
    error = client.get("/api/v1/changes", params={"country": "AZE", "from": 2015, "to": 2023})
    assert error.status_code == 404 and "editions: 2022, 2023" in error.json()["error"]
    assert 'href="/countries/AZE/changes"' in client.get("/countries/AZE").text


# -- two real consecutive editions ------------------------------------------------------------
@pytest.fixture(scope="module")
def real_pair(tmp_path_factory):
    wanted = {"USDOS-CRHRP-2022-azerbaijan", "USDOS-CRHRP-2023-azerbaijan"}
    folder = tmp_path_factory.mktemp("realpair")
    lines = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line[:60].split('"id": "')[-1].split('"')[0] in wanted:
                record_from_json(json.loads(line), str(CORPUS), n)  # the project's reader
                lines.append(line)
    assert len(lines) == 2
    (folder / "pair.jsonl").write_text("".join(lines), encoding="utf-8")
    db = str(folder / "pair.db")
    with Library.open(db) as lib:
        assert lib.ingest([folder / "pair.jsonl"]).ok
        started = time.perf_counter()
        result = lib.changes("AZE", "human rights", 2022, 2023)
        elapsed = time.perf_counter() - started
        docs = (lib.document(result.old["anchor"]), lib.document(result.new["anchor"]))
    return result, elapsed, docs


@needs_corpus()
def test_real_editions_new_paragraphs_and_rewritten_ones_aligned(real_pair):
    result, elapsed, _ = real_pair
    assert elapsed < 1.0
    assert result.old["edition_year"] == 2022 and result.new["edition_year"] == 2023
    counts = result.counts
    assert counts["new"] >= 20 and counts["rewritten"] >= 50 and counts["unchanged"] >= 10
    pairs = {(p.old.anchor if p.old else None, p.new.anchor if p.new else None): p
             for s in result.sections for p in s.pairs}  # fmt: skip
    # rewritten, aligned with its predecessor, with its changed figure listed first
    prisoners = pairs[
        ("AZE-1/political-prisoners-and-detainees/1", "AZE-2/political-prisoners-and-detainees/1")
    ]
    assert prisoners.kind == "rewritten" and prisoners in result.figures
    assert ("100", "254") in [(f.old, f.new) for f in prisoners.figures]
    idps = [p for p in result.figures if "IDPs" in p.new.text]
    assert any((f.old, f.new) == ("654,839", "658,793") for p in idps for f in p.figures)
    # "The constitution and law provide ..." became "... provided ...": rewritten, not new + removed
    trial = pairs[("AZE-1/trial-procedures/1", "AZE-2/trial-procedures/1")]
    assert trial.kind == "rewritten" and "provided" in trial.inserted[0]
    # a section renamed and renumbered ("g. Conflict-related Abuses" -> "i. ...") is matched
    headings = {(s.old_heading, s.new_heading) for s in result.sections}
    assert ("g. Conflict-related Abuses", "i. Conflict-related Abuses") in headings
    # no removed paragraph has a new one in the same section that is the same text rewritten
    for section in result.sections:
        new = [p.new.text.split() for p in section.pairs if p.kind == "new"]
        for p in section.pairs:
            if p.kind == "removed":
                old = p.old.text.split()
                best = max((SequenceMatcher(None, old, n).ratio() for n in new), default=0)
                assert best < REWRITTEN, p.old.anchor
    # every passage of both editions is accounted for exactly once
    old_doc, new_doc = real_pair[2]
    olds = [p.old.anchor for s in result.sections for p in s.pairs if p.old]
    news = [p.new.anchor for s in result.sections for p in s.pairs if p.new]
    assert sorted(olds) == sorted(p["anchor"] for p in old_doc["passages"])
    assert sorted(news) == sorted(p["anchor"] for p in new_doc["passages"])


def test_a_number_taken_away_is_quoted_in_its_old_words():
    from baggrund.change import word_diff

    _, figures = word_diff(
        "Police detained 12 journalists and three bloggers in Baku.",
        "Police detained journalists and bloggers in Baku.",
    )
    gone = [f for f in figures if f.old == "12"]
    assert gone and gone[0].new == "" and gone[0].before.endswith("detained")
    assert gone[0].after.startswith("journalists")


def test_every_store_gives_the_same_changes(tmp_path, store_url):  # noqa: F811
    """The change view reads documents through the store interface: PostgreSQL gives what
    SQLite gives."""
    from baggrund.store import open_store

    path = tmp_path / "tip.jsonl"
    path.write_text(
        "\n".join(json.dumps(edition(y, t)) for y, t in ((2022, OLD), (2023, NEW))) + "\n",
        encoding="utf-8",
    )
    results = []
    for location in (str(tmp_path / "reference.db"), store_url):
        lib = Library(open_store(location))
        try:
            assert lib.ingest([path]).ok
            results.append(lib.changes("AZE", "trafficking", 2022, 2023).to_dict())
        finally:
            lib.close()
    assert results[0] == results[1]
    assert results[1]["counts"]["rewritten"] == 1
