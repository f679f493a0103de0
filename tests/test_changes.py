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
    missing = client.get("/countries/AZE/changes?from=2015&to=2023&lang=en")
    assert missing.status_code == 404 and "no 2015 edition" in missing.text
    missing = client.get("/countries/AZE/changes?from=2015&to=2023&lang=da")
    assert missing.status_code == 404 and "ingen udgave fra 2015" in missing.text
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


# -- issue 14: heavy rewrites, renamed sections, reordering, figures, plain output -------------
def document(anchor: str, sections: list[tuple[str, list[str]]]) -> dict:
    """A document dictionary as ``Library.document`` gives it: sections and passages."""
    country, annex = anchor.split("-")
    out = {"anchor": anchor, "country": country, "annex": int(annex), "title": anchor,
           "sections": [], "passages": []}  # fmt: skip
    for ordinal, (heading, paras) in enumerate(sections, 1):
        slug = re.sub(r"[^a-z0-9]+", "-", heading.casefold()).strip("-")
        out["sections"].append({"ordinal": ordinal, "heading": heading, "slug": slug})
        for k, text in enumerate(paras, 1):
            out["passages"].append({"anchor": f"{anchor}/{slug}/{k}", "section": ordinal,
                                    "text": text})  # fmt: skip
    return out


def pairs_of(changes) -> dict[tuple, object]:
    return {(p.old.anchor if p.old else None, p.new.anchor if p.new else None): p
            for s in changes.sections for p in s.pairs}  # fmt: skip


FILLER = [  # paragraphs that stay as they are, so that the rewritten ones have neighbours
    "The constitution provides for freedom of expression, but the government restricted it.",
    "Authorities continued to block independent news websites throughout the reporting period.",
    "Human rights defenders said that self-censorship was widespread among local journalists.",
]
HEAVY_OLD = (
    "On March 3, police detained journalist Avaz Zeynalli of the Xural newspaper in Baku and "
    "held him for two days without charge. The Baku Grave Crimes Court later sentenced him to "
    "nine years in prison on extortion charges that observers considered politically motivated."
)
HEAVY_NEW = (
    "The Baku Grave Crimes Court later sentenced him to nine years in prison on extortion "
    "charges that observers considered politically motivated. In June the appeals court upheld "
    "the sentence of Avaz Zeynalli, and the Xural newspaper remained closed after its accounts "
    "were frozen by the tax authorities."
)
UNRELATED_OLD = (
    "In April the parliament adopted amendments restricting the registration of foreign "
    "funded associations, which the Venice Commission criticised in a detailed opinion."
)
UNRELATED_NEW = (
    "In October a court in Ganja fined three farmers for protesting the seizure of their land "
    "by a state company; the police dispersed the protest within an hour."
)


def test_a_heavily_rewritten_paragraph_is_paired_and_an_unrelated_one_is_not():
    old = document("AZE-1", [("Freedom of Expression", [FILLER[0], HEAVY_OLD, FILLER[1],
                                                        UNRELATED_OLD, FILLER[2]])])  # fmt: skip
    new = document("AZE-2", [("Freedom of Expression", [FILLER[0], HEAVY_NEW, FILLER[1],
                                                        UNRELATED_NEW, FILLER[2]])])  # fmt: skip
    from baggrund.change import compare

    result = compare(old, new)
    pairs = pairs_of(result)
    heavy = pairs[("AZE-1/freedom-of-expression/2", "AZE-2/freedom-of-expression/2")]
    assert heavy.kind == "rewritten" and heavy.similarity < REWRITTEN and not heavy.moved
    # same place, no shared sentence, no names in common: a new paragraph and a removed one
    assert pairs[("AZE-1/freedom-of-expression/4", None)].kind == "removed"
    assert pairs[(None, "AZE-2/freedom-of-expression/4")].kind == "new"
    assert result.counts["rewritten"] == 1 and result.counts["unchanged"] == 3


def test_names_in_common_alone_do_not_pair_different_events():
    old = document("AZE-1", [("Women", [FILLER[0], "On June 29, the prosecutor general ordered "
                                        "a review of the acquittal in the Ganja rape case.",
                                        FILLER[1]])])  # fmt: skip
    new = document("AZE-2", [("Women", [FILLER[0], "On August 29, the ministry announced a "
                                        "hotline for victims of domestic violence.",
                                        FILLER[1]])])  # fmt: skip
    from baggrund.change import compare

    counts = compare(old, new).counts
    assert (counts["rewritten"], counts["new"], counts["removed"]) == (0, 1, 1)


def corruption_paragraphs(year: int) -> list[str]:
    return [
        f"The law provided criminal penalties for corruption by officials; in {year} the "
        "government did not implement the law effectively, and officials often engaged in "
        "corrupt practices with impunity.",
        "Transparency International and other observers described corruption as widespread in "
        "the executive, legislative, and judicial branches of government.",
        "Corruption: The Anti-Corruption Directorate under the prosecutor general investigated "
        f"{40 + year - 2022} cases of bribery and embezzlement during the year.",
    ]


def test_a_renamed_section_is_one_section_not_moves():
    other = ("Elections and Political Participation", [FILLER[0]])
    old = document("AZE-1", [other, ("Corruption and Lack of Transparency in Government",
                                     corruption_paragraphs(2022))])  # fmt: skip
    new = document("AZE-2", [other, ("Corruption in Government", corruption_paragraphs(2023))])
    from baggrund.change import compare

    result = compare(old, new)
    [corruption] = [s for s in result.sections if s.new_heading == "Corruption in Government"]
    assert corruption.old_heading == "Corruption and Lack of Transparency in Government"
    assert not any(p.moved for p in corruption.pairs)
    assert corruption.counts["new"] == corruption.counts["removed"] == 0
    assert len(result.sections) == 2


def test_reordering_within_a_section_is_not_a_move():
    moved_text = "The ombudsperson received 312 complaints of police abuse during the year."
    old = document("AZE-1", [("Prisons", [moved_text, *FILLER]), ("Police", [UNRELATED_OLD])])
    new = document("AZE-2", [("Prisons", [*FILLER, moved_text]), ("Police", [UNRELATED_OLD])])
    from baggrund.change import compare

    pairs = pairs_of(compare(old, new))
    reordered = pairs[("AZE-1/prisons/1", "AZE-2/prisons/4")]
    assert reordered.kind == "unchanged" and reordered.reordered and not reordered.moved
    assert not any(p.reordered for k, p in pairs.items() if k != ("AZE-1/prisons/1",
                                                                   "AZE-2/prisons/4"))  # fmt: skip
    # to another section: moved, not reordered
    new2 = document("AZE-2", [("Prisons", FILLER), ("Police", [UNRELATED_OLD, moved_text])])
    crossed = pairs_of(compare(old, new2))[("AZE-1/prisons/1", "AZE-2/police/2")]
    assert crossed.moved and not crossed.reordered
    assert crossed.to_dict()["moved"] and not crossed.to_dict()["reordered"]


def test_references_and_dates_are_not_figures():
    _, figures = word_diff(
        "See section 2.b. and Article 301 of Law No. 5; on May 3 and 4 police held 12 people.",
        "See section 3.c. and Article 302 of Law No. 6; on June 5 and 6 police held 15 people.",
    )
    assert [(f.old, f.new) for f in figures] == [("12", "15")]
    _, figures = word_diff(
        "Under section 4 of the code, 7 judges", "Under section 5 of the code, 7 judges"
    )
    assert figures == ()
    _, figures = word_diff(
        "Articles 5, 6 and 7 apply to 3 judges.", "Articles 8, 9 and 10 apply to 4 judges."
    )
    assert [(f.old, f.new) for f in figures] == [("3", "4")]
    # a figure right after a date is still a figure
    _, figures = word_diff(
        "On January 15, five al-Shabaab fighters attacked a police post.",
        "On January 15, seven al-Shabaab fighters attacked a police post.",
    )
    assert [(f.old, f.new) for f in figures] == [("five", "seven")]


def test_a_figure_updated_in_a_rewritten_sentence_is_caught():
    old = (
        "According to government figures, there were 654,839 IDPs in the country at the end of "
        "the year, most of them displaced by the conflict in the early 1990s."
    )
    new = (
        "The State Committee for Affairs of Refugees and IDPs stated that there were an "
        "estimated 658,793 IDPs, while an international survey counted 12 camps."
    )
    _, figures = word_diff(old, new)
    assert [(f.old, f.new) for f in figures] == [("654,839", "658,793")]
    assert figures[0].after.startswith("IDPs")
    # the same thing counted, but another event: not an update
    _, figures = word_diff(
        "Since February authorities arrested at least 10 doctors from the medical syndicate "
        "for posting comments online about the pandemic response of the ministry.",
        "On January 22, local media reported that the government released two doctors who "
        "had criticised the ministry, after months in pretrial detention.",
    )
    assert figures == ()
    # in a heavy rewrite (most words changed) a number merely added or taken away is no update
    _, figures = word_diff(
        "The court sentenced five activists.", "Police released one activist.", heavy=True
    )
    assert figures == ()


def test_changes_written_to_a_file_keep_the_deletion_and_insertion_marks(
    editions, cli, monkeypatch
):
    monkeypatch.delenv("NO_COLOR", raising=False)
    args = ("changes", "AZE", "--from", "2022", "--to", "2023")
    plain = cli(*args).stdout  # the CLI runner's stdout is not a terminal: a file
    assert "identified [-91-]{+94+} victims, compared with [-94-]{+91+} victims in" in plain
    assert "\x1b[" not in plain
    coloured = cli(*args, "--color").stdout
    assert "\x1b[" in coloured and "[-91-]" not in coloured and "{+94+}" not in coloured
    assert "91" in coloured and "94" in coloured
    assert "[-91-]{+94+}" in cli(*args, "--no-color").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "[-91-]{+94+}" in cli(*args).stdout and "\x1b[" not in cli(*args).stdout


def test_colour_on_a_terminal_unless_no_color(monkeypatch):
    from baggrund.cli_changes import _colour

    class Terminal:
        is_terminal = True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _colour(None, Terminal()) is True
    assert _colour(False, Terminal()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _colour(None, Terminal())
    assert _colour(True, Terminal()) is True


@needs_corpus()
def test_real_editions_renamed_section_and_heavy_rewrite(real_pair):
    result, _, _ = real_pair
    [corruption] = [s for s in result.sections if s.new_heading == "Corruption in Government"]
    assert corruption.old_heading == "Corruption and Lack of Transparency in Government"
    assert not any(p.moved for p in corruption.pairs)
    pairs = pairs_of(result)
    # the Talibov paragraph: most words changed, the names and a figure carried over
    talibov = pairs[("AZE-1/corruption-and-lack-of-transparency-in/6",
                     "AZE-2/corruption-in-government/5")]  # fmt: skip
    assert talibov.kind == "rewritten" and talibov.similarity < 0.45
    assert result.counts["moved"] <= 2
    for pair in result.figures:  # no section numbers, days or years among the changed figures
        for f in pair.figures:
            assert not re.fullmatch(r"(?:19|20)\d\d", f.old) and not re.fullmatch(
                r"(?:19|20)\d\d", f.new
            )


def test_renamed_sections_with_boilerplate_paragraphs_are_not_swapped():
    def boilerplate(rights: str) -> list[str]:
        return [f"The constitution and law provide for {rights}, and the government generally "
                "respected these rights."]  # fmt: skip

    assembly, movement = "the freedoms of peaceful assembly and association", "freedom of movement"
    old = document("NLD-1", [
        ("b. Freedom of Peaceful Assembly and Association", boilerplate(assembly)),
        ("d. Freedom of Movement, Internally Displaced Persons, Protection of Refugees, and "
         "Stateless Persons", boilerplate(movement)),
    ])  # fmt: skip
    new = document("NLD-2", [
        ("b. Freedoms of Peaceful Assembly and Association", boilerplate(assembly)),
        ("d. Freedom of Movement", boilerplate(movement)),
    ])  # fmt: skip
    from baggrund.change import compare

    headings = {(s.old_heading, s.new_heading) for s in compare(old, new).sections}
    assert headings == {
        ("b. Freedom of Peaceful Assembly and Association",
         "b. Freedoms of Peaceful Assembly and Association"),
        ("d. Freedom of Movement, Internally Displaced Persons, Protection of Refugees, and "
         "Stateless Persons", "d. Freedom of Movement"),
    }  # fmt: skip
