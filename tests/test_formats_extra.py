"""The 'formats' extra installed but broken (as trafilatura was with lxml 6 and without
lxml_html_clean): ingest says what failed to load, and the format tests fail rather than skip."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from .format_files import CLUTTER_HTML, require_formats, sidecar
from .test_bad_input import events_for, ingest, jsonl_text, record, write

require_formats()

ROOT = Path(__file__).resolve().parent.parent
LXML_6 = "lxml.html.clean module is now a separate project lxml_html_clean."


def broken_trafilatura(folder: Path) -> str:
    """A PYTHONPATH on which trafilatura is found but fails to import, as on a fresh install
    with lxml 6 and no lxml_html_clean."""
    package = folder / "trafilatura"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(f"raise ImportError({LXML_6!r})\n")
    return os.pathsep.join([str(folder), str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])


def test_broken_html_reader_names_what_failed_to_load(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", broken_trafilatura(tmp_path / "site"))
    page = write(tmp_path / "page.html", CLUTTER_HTML)
    sidecar(page)
    other = write(tmp_path / "other.jsonl", jsonl_text(record("other")))

    events, summary = ingest(cli, page, other, expect=1)

    [rejected] = events_for(events, page, "rejected")
    assert rejected["message"] == (
        "reading HTML needs the 'formats' extra, which is installed but does not load"
        f" ({LXML_6}); reinstall it: pip install 'baggrund[formats]'"
    )
    assert summary["added"] == 1


def test_format_tests_fail_rather_than_skip_when_the_extra_is_broken(tmp_path):
    env = {**os.environ, "PYTHONPATH": broken_trafilatura(tmp_path / "site")}
    env.pop("BAGGRUND_REQUIRE_FORMATS", None)
    env.pop("CI", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_formats.py", "-k", "html"],  # fmt: skip
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode not in (0, 5), result.stdout[-2000:]
    assert "skipped" not in result.stdout.splitlines()[-1]
    assert LXML_6 in result.stdout


def test_the_formats_extra_has_what_trafilatura_needs_with_lxml_6():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    formats = extras["optional-dependencies"]["formats"]
    names = {entry.split(">")[0].split("=")[0].strip().lower() for entry in formats}
    assert {"pdfminer.six", "trafilatura", "lxml_html_clean", "python-docx"} <= names
