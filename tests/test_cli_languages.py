"""The command line as a new user meets it, in both languages (issue 15): a missing library is
a one-line error that says how to make one, and nothing is created on the way; every output
ends with a newline; counts, sizes and figures are written as the language writes them, in
the singular for one; domain errors in Danish with ``--lang da``; ``ingest --help`` names
every format ingest reads."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from baggrund.cli import main
from baggrund.reader import SUFFIXES

from .conftest import BOARD_SAMPLE, SAMPLES

# every command that reads a library, with the arguments it needs
READERS = [
    ["search", "torture"],
    ["search", "torture", "--json"],
    ["show", "AZE-367"],
    ["annexes", "AZE"],
    ["countries"],
    ["facts", "AZE"],
    ["facts", "--rebuild"],
    ["changes", "AZE", "--from", "2022", "--to", "2023"],
    ["embed"],
    ["bundle", "show"],
    ["bundle", "new", "FN-1"],
    ["bundle", "add", "FN-1", "AZE-367/protection/4"],
    ["bundle", "export", "FN-1"],
    ["db", "check"],
    ["serve"],
]


@pytest.fixture(scope="module")
def sample_cli(tmp_path_factory):
    """A library of the sample, with a bundle; and a runner in a folder of its own."""
    folder = tmp_path_factory.mktemp("cli")
    db = str(folder / "sample.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(SAMPLES), "--db", db, "-q"]).exit_code == 0
    for args in (["bundle", "new", "FN-7", "--title", "Azerbaijan"],
                 ["bundle", "add", "FN-7", "AZE-367/protection/4", "--note", "fined"]):  # fmt: skip
        assert runner.invoke(main, [*args, "--db", db]).exit_code == 0
    return runner, db, folder


@pytest.mark.parametrize("args", READERS, ids=" ".join)
@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_missing_library_is_one_line_and_nothing_is_created(tmp_path, monkeypatch, args, lang):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BAGGRUND_DB", raising=False)
    run = CliRunner().invoke(main, ["--lang", lang, *args])
    assert run.exit_code == 1, run.output
    lines = run.output.strip().splitlines()
    assert len(lines) == 1, run.output
    if lang == "da":
        assert lines[0].startswith("Fejl: intet bibliotek i 'baggrund.db'")
        assert "baggrund ingest FILER --db baggrund.db" in lines[0]
    else:
        assert lines[0].startswith("Error: no library at 'baggrund.db'")
        assert "baggrund ingest FILES --db baggrund.db" in lines[0]
    assert list(tmp_path.iterdir()) == []  # no baggrund.db, no index beside it


def test_copy_never_creates_its_source(tmp_path):
    source, target = tmp_path / "none.db", tmp_path / "copy.db"
    run = CliRunner().invoke(main, ["copy", str(source), str(target)])
    assert run.exit_code == 1 and "no library at" in run.output
    assert list(tmp_path.iterdir()) == []


def test_ingest_creates_the_library(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BAGGRUND_DB", raising=False)
    run = CliRunner().invoke(main, ["ingest", str(BOARD_SAMPLE), "-q"])
    assert run.exit_code == 0 and (tmp_path / "baggrund.db").exists()
    assert run.output == "added: 1, updated: 0, unchanged: 0, rejected: 0\n"


OUTPUTS = [
    ["search", "coercion"],
    ["search", "coercion", "--json", "--facets", "--explain"],
    ["search", "zzzyyyxxx"],
    ["search", "coercion", "--facets", "--explain", "--limit", "1"],
    ["show", "AZE-367/protection/4"],
    ["show", "AZE-367/protection/4", "--json"],
    ["show", "AZE-367"],
    ["annexes", "AZE"],
    ["annexes", "AZE", "--csv"],
    ["annexes", "AZE", "--json"],
    ["countries"],
    ["countries", "--json"],
    ["facts", "AZE"],
    ["facts", "AZE", "--csv"],
    ["facts", "AZE", "--json"],
    ["bundle", "show"],
    ["bundle", "show", "--json"],
    ["bundle", "show", "FN-7"],
    ["bundle", "show", "FN-7", "--json"],
    ["bundle", "export", "FN-7", "-o", "-"],
    ["db", "check"],
    ["db", "check", "--json"],
    ["db", "upgrade"],
    ["show", "ERI-999"],
    ["search", "x", "--country", "Narnia"],
]


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_output_ends_with_a_newline(sample_cli, args, lang):
    runner, db, _ = sample_cli
    run = runner.invoke(main, ["--lang", lang, *args, "--db", db])
    assert run.output, args
    assert run.output.endswith("\n"), repr(run.output[-80:])


def test_ingest_help_names_every_format_it_reads():
    text = CliRunner().invoke(main, ["ingest", "--help"]).output
    for words in ("text format", "JSON Lines", "PDF", "HTML", "Word"):
        assert words in text
    for suffix in SUFFIXES:
        assert suffix in text, suffix


@pytest.mark.parametrize(
    ("args", "english", "danish"),
    [
        (["show", "ERI-999"], "no document 'ERI-999'", "intet dokument 'ERI-999'"),
        (["search", "x", "--country", "Narnia"], "unknown country 'Narnia'", "ukendt land 'Narnia'"),
        (["search", "x", "--country", "Eritria"], "did you mean Eritrea?", "mente du Eritrea?"),
        (["search", "x", "--country", "Congo"], "could be COD or COG", "kan være COD eller COG"),
        (["search", "x", "--since", "32. juni 2024"], "since: '32. juni 2024'", "skriv fx"),
        (["search", "x", "--source", "Nobody"], "no source 'Nobody' in this library",
         "ingen kilde 'Nobody' i dette bibliotek"),
        (["show", "AZE-367/nowhere/1"], "no passage 'AZE-367/nowhere/1'",
         "intet afsnit 'AZE-367/nowhere/1'"),
        (["bundle", "show", "FN-404"], "no bundle 'FN-404'", "intet bundt 'FN-404'"),
        (["changes", "AZE", "--series", "human rights", "--from", "2001", "--to", "2002"],
         "no 2001 edition of", "ingen udgave fra 2001 af"),
    ],
)  # fmt: skip
def test_domain_errors_in_the_interface_language(sample_cli, args, english, danish):
    runner, db, _ = sample_cli
    en = runner.invoke(main, [*args, "--db", db])
    da = runner.invoke(main, ["--lang", "da", *args, "--db", db])
    assert en.exit_code == da.exit_code == 1
    assert en.output.startswith("Error: ") and english in en.output
    assert da.output.startswith("Fejl: ") and danish in da.output, da.output
    assert len(da.output.splitlines()) == 1


def test_counts_and_sizes_in_each_language(tmp_path):
    """Digits grouped as the language groups them ("37,065 bytes", "37.065 bytes"), and the
    singular for one ("1 passage added")."""
    docs = tmp_path / "docs.jsonl"
    paras = "\n\n".join(f"Paragraph {i} on detention in Asmara." for i in range(1200))
    docs.write_text(json.dumps({"id": "MANY", "country": "Eritrea", "source": "S", "title": "M",
                                "text": paras}) + "\n", encoding="utf-8")  # fmt: skip
    db = str(tmp_path / "c.db")
    runner = CliRunner()

    def run(*args, lang="en"):
        result = runner.invoke(main, ["--lang", lang, *args, "--db", db])
        assert result.exit_code == 0, result.output
        return result.output

    assert run("ingest", str(docs), "-q") == "added: 1, updated: 0, unchanged: 0, rejected: 0\n"
    assert "1,200 passages" in run("db", "check")
    assert "1.200 afsnit" in run("db", "check", lang="da")
    run("bundle", "new", "FN-1")
    assert run("bundle", "add", "FN-1", "ERI-1/intro/1") == "1 passage added to FN-1\n"
    assert (
        run("bundle", "add", "FN-1", "ERI-1/intro/2", "ERI-1/intro/3")
        == "2 passages added to FN-1\n"
    )
    assert "FN-1  3 passages" in run("bundle", "show")
    assert "FN-1  3 uddrag" in run("bundle", "show", lang="da")
    run("bundle", "add", "FN-1", *(f"ERI-1/intro/{n}" for n in range(4, 400)))
    out = tmp_path / "b.md"
    english = run("bundle", "export", "FN-1", "-o", str(out))
    size = out.stat().st_size
    assert size > 1000
    assert english == f"{out} written ({size:,} bytes)\n"
    danish = run("bundle", "export", "FN-1", "-o", str(out), lang="da")
    size = out.stat().st_size  # the Danish export, of another size
    assert danish == f"{out} skrevet ({size:,} bytes)\n".replace(",", ".")


def test_facts_figures_in_danish_digits(sample_cli):
    runner, db, _ = sample_cli
    english = runner.invoke(main, ["facts", "AZE", "--topic", "manat", "--db", db]).output
    danish = runner.invoke(main, ["--lang", "da", "facts", "AZE", "--topic", "manat", "--db", db])
    assert "│ 116,161" in english and "│ 116.161" in danish.output  # the quote is as written
