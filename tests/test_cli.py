"""The command line, end to end, against a temporary store."""

import csv
import io
import json

from .conftest import BOARD_SAMPLE, SAMPLES


def test_ingest_search_show_annexes_countries(cli):
    result = cli("ingest", str(SAMPLES))
    assert "added: 7" in result.stdout and "rejected: 0" in result.stdout

    hits = cli.json_lines("search", "psychological coercion", "--country", "Aserbajdsjan", "--json")
    top = hits[0]
    assert top["anchor"].startswith("AZE-367/") and top["annex"] == 367
    assert "annex 367" in top["citation"] and "bilag 367" in top["citation_da"]
    for key in ("anchor", "citation", "country", "country_name", "annex", "title", "source",
                "series", "published", "added", "heading", "text", "snippet", "score"):  # fmt: skip
        assert key in top

    shown = cli("show", "AZE-367/protection/4").stdout
    assert shown.startswith("Authorities may have penalized sex trafficking victims")
    assert "annex 367" in shown

    doc = cli("--lang", "da", "show", "AZE-367").stdout
    assert "Bilagsnr.:" in doc and "Aserbajdsjan" in doc and "[AZE-367/protection/4]" in doc

    countries = cli("countries").stdout
    assert "Aserbajdsjan" in countries and "Azerbaijan" in countries


def test_annex_list_as_of_a_date(cli):
    cli("ingest", str(BOARD_SAMPLE))
    before = cli.json_lines("annexes", "AZE", "--as-of", "2024-07-01", "--json")
    on_the_day = cli.json_lines("annexes", "AZE", "--as-of", "2024-07-22", "--json")
    assert [r["annex"] for r in before] == []
    assert [r["annex"] for r in on_the_day] == [367]
    assert on_the_day[0]["added"] == "2024-07-22" and on_the_day[0]["published"] == "2024-06-24"
    rows = list(
        csv.reader(io.StringIO(cli("--lang", "da", "annexes", "Aserbajdsjan", "--csv").stdout))
    )
    assert rows[0][:3] == ["Bilagsnr.", "Titel", "Kilde"]
    assert rows[1][0] == "367"


def test_errors_are_one_line_messages(cli):
    cli("ingest", str(BOARD_SAMPLE))
    for args in (
        ["show", "AZE-999"],
        ["show", "AZE-367/protection/99"],
        ["show", "nonsense"],
        ["annexes", "Atlantis"],
        ["search", "x", "--country", "Atlantis"],
        ["search", "x", "--since", "sometime"],
    ):
        result = cli(*args, expect=1)
        message = result.stderr.strip()
        assert message.startswith("Error: ") and "\n" not in message, args
        assert "Traceback" not in result.output


def test_search_without_hits_says_so(cli):
    cli("ingest", str(BOARD_SAMPLE))
    assert "No passage matches" in cli("search", "zzzyyyxxx").stdout
    assert "Ingen afsnit passer" in cli("--lang", "da", "search", "zzzyyyxxx").stdout
    assert cli.json_lines("search", "zzzyyyxxx", "--json") == []


def test_search_inside_one_document(cli):
    cli("ingest", str(SAMPLES))
    everywhere = cli.json_lines("search", "trafficking", "--json", "--limit", "100")
    assert len({h["document"] for h in everywhere}) > 1
    for key in ("AZE-368", "USDOS-CRHRP-2022-azerbaijan"):
        hits = cli.json_lines("search", "trafficking", "--document", key, "--json")
        assert hits and {h["document"] for h in hits} == {"AZE-368"}
    text = cli("search", "trafficking", "--document", "AZE-368", "--explain").stdout
    assert "document=AZE-368" in text and "AZE-369/" not in text
    missing = cli("search", "trafficking", "--document", "AZE-999", expect=1)
    assert missing.stderr.strip() == "Error: no document 'AZE-999'"


def test_show_a_section_and_a_document_by_external_id(cli):
    cli("ingest", str(SAMPLES))
    section = cli("show", "AZE-367/prevention").stdout
    assert "[AZE-367/prevention/1]" in section and "[AZE-367/protection/1]" not in section
    data = json.loads(cli("show", "USDOS-CRHRP-2023-eritrea", "--json").stdout)
    assert data["country"] == "ERI" and data["anchor"].startswith("ERI-")
    assert data["passages"][0]["anchor"].startswith(data["anchor"] + "/")
    cli("show", "AZE-367/no-such-section", expect=1)


def test_db_upgrade_on_a_current_store(cli):
    cli("ingest", str(BOARD_SAMPLE))
    assert "up to date" in cli("db", "upgrade").stdout


def test_an_older_sqlite_store_says_to_upgrade_and_db_upgrade_does(cli, monkeypatch):
    from baggrund.store import sqlite

    cli("ingest", str(BOARD_SAMPLE))
    # this baggrund gains a schema step the store does not have yet
    step = (sqlite.SCHEMA_VERSION + 1, ["CREATE TABLE later_feature (x TEXT)"])
    monkeypatch.setattr(sqlite, "MIGRATIONS", [*sqlite.MIGRATIONS, step])
    monkeypatch.setattr(sqlite, "SCHEMA_VERSION", step[0])
    refused = cli("search", "coercion", expect=1)
    assert "run `baggrund db upgrade`" in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    upgraded = cli("db", "upgrade").stdout
    assert f"upgraded from {step[0] - 1} to {step[0]}" in upgraded
    assert cli("search", "coercion").stdout.strip()
    assert "up to date" in cli("db", "upgrade").stdout


def test_the_progress_bar_is_labelled_in_a_terminal(tmp_path):
    """In a terminal (TTY_COMPATIBLE=1 makes rich take the output for one), the ingest
    progress bar shows its label, never rich's style tag as text."""
    import os
    import subprocess
    import sys

    from .conftest import SAMPLES

    env = {**os.environ, "TTY_COMPATIBLE": "1", "COLUMNS": "100"}
    run = subprocess.run(
        [sys.executable, "-m", "baggrund", "ingest", str(SAMPLES), "--db", str(tmp_path / "p.db")],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Reading" in run.stderr and "[progress.description]" not in run.stderr


def test_a_missing_library_is_an_error_not_an_empty_answer(tmp_path):
    """Searching where there is no library says how to make one, in one line, and creates no
    file; ingest creates it."""
    from click.testing import CliRunner

    from baggrund.cli import main

    db = tmp_path / "nothere.db"
    run = CliRunner().invoke(main, ["search", "torture", "--db", str(db)])
    assert run.exit_code == 1 and not db.exists()
    assert f"no library at '{db}'" in run.output and "baggrund ingest" in run.output
    assert len(run.output.strip().splitlines()) == 1
    danish = CliRunner().invoke(main, ["--lang", "da", "countries", "--db", str(db)])
    assert danish.exit_code == 1 and "intet bibliotek" in danish.output


def test_counts_read_as_words_and_numbers_in_each_language(tmp_path):
    """ "1 passage", not "1 passages"; digits grouped as the interface language groups them."""
    import json as _json

    from click.testing import CliRunner

    from baggrund.cli import main

    docs = tmp_path / "docs.jsonl"
    with open(docs, "w", encoding="utf-8") as fh:
        fh.write(_json.dumps({"id": "ONE", "country": "Eritrea", "source": "S", "title": "T",
                              "text": "A single zqunique paragraph."}) + "\n")  # fmt: skip
        paras = "\n\n".join(f"Paragraph {i} on detention." for i in range(1200))
        fh.write(_json.dumps({"id": "MANY", "country": "Eritrea", "source": "S", "title": "M",
                              "text": paras}) + "\n")  # fmt: skip
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(docs), "--db", db]).exit_code == 0
    one = runner.invoke(main, ["search", "zqunique", "--db", db]).output
    assert "1 passage\n" in one
    many = runner.invoke(main, ["search", "detention", "--db", db, "--limit", "1"]).output
    assert "1,200 passages" in many
    danish = runner.invoke(
        main, ["--lang", "da", "search", "detention", "--db", db, "--limit", "1"]
    )
    assert "1.200 afsnit" in danish.output


def test_lang_and_db_before_or_after_the_subcommand(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from baggrund.cli import main

    from .conftest import SAMPLES

    db = str(tmp_path / "o.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "ingest", str(SAMPLES)]).exit_code == 0
    after = runner.invoke(main, ["search", "torture", "--db", db, "--limit", "1", "--lang", "da"])
    before = runner.invoke(main, ["--lang", "da", "--db", db, "search", "torture", "--limit", "1"])
    assert after.exit_code == before.exit_code == 0
    assert "afsnit" in after.output and after.output == before.output
    # an explicit --db before the subcommand beats BAGGRUND_DB; one after it beats both
    monkeypatch.setenv("BAGGRUND_DB", str(tmp_path / "elsewhere.db"))
    assert runner.invoke(main, ["--db", db, "countries", "--json"]).exit_code == 0
    missing = runner.invoke(main, ["--db", db, "countries", "--db", str(tmp_path / "x.db")])
    assert missing.exit_code == 1 and "x.db" in missing.output
