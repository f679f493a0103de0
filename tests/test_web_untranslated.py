"""No English left on the Danish pages (issue 15): every page of the web application, rendered
in Danish on the bundled sample (as a reader and as an editor), shows no text, label, title or
placeholder that is an English message of the catalogue; and the templates write no English
words of their own outside the catalogue (the board's terms and the English glosses the
document page shows beside them are the only fixed words)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from baggrund.i18n import CATALOGUE
from baggrund.library import Library
from baggrund.web import Settings, create_app

from .conftest import ROOT, SAMPLES, WEB_PAGES

TEMPLATES = ROOT / "src" / "baggrund" / "web" / "templates"
# as a reader, then the editor's pages and more error pages (the client may edit bundles)
PAGES = [*WEB_PAGES, "/bundles", "/bundles/FN-1", "/countries/Narnia", "/nowhere",
         "/search?q=x&offset=-1"]  # fmt: skip
ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
# what a template may write outside the catalogue: names, codes and the board's own terms with
# the English glosses the document page gives beside them
FIXED = {
    "ISO", "baggrund", "baggrund · baggrund", "JSON", "URL", "Tier", "Bilagsnr.", "Titel",
    "Kilde", "Udgivet", "Optaget", "Optaget på baggrundsmaterialet", "Land", "Serie",
    "Opdateret", "Annex", "Country", "Source", "Title", "Published", "Added", "Series",
    "Updated",
}  # fmt: skip


class _Text(HTMLParser):
    """The visible text nodes of a page and the text of its attributes people read, except
    what is marked as another language (``lang="en"``: an English gloss, a report's words)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}  # fmt: skip

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.found: list[str] = []
        self._hidden = 0
        self._open: list[tuple[str, bool]] = []  # element, whether it is in another language

    def _foreign(self) -> bool:
        return any(other for _, other in self._open)

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        lang = dict(attrs).get("lang")
        other = lang is not None and tag != "html" and not lang.startswith(self.lang)
        if not (self._foreign() or other):
            self.found += [" ".join(v.split()) for k, v in attrs if k in ATTRIBUTES and v]
        if tag not in self.VOID:
            self._open.append((tag, other))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1
        while self._open:  # the element and any left open inside it
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._hidden and not self._foreign() and data.strip():
            self.found.append(" ".join(data.split()))


def _english_messages() -> set[str]:
    """The catalogue's English messages whose Danish differs, as a page would show them (a
    message with placeholders only by its fixed words: those are matched as whole nodes)."""
    with open(CATALOGUE, "rb") as fh:
        catalog = read_po(fh, locale="da")
    out = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english in ids:
            if not english or english in strings or re.search(r"%\(|\{", english):
                continue
            if re.search(r"[A-Za-z]{3,}", english):
                out.add(" ".join(english.split()))
    return out


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("untranslated") / "da.db")
    with Library.open(db) as lib:
        assert lib.ingest([SAMPLES]).ok
        lib.add_to_bundle("FN-1", ["AZE-367/protection/4"], note="a note", start=True)
    app = create_app(Settings(db, allowed_hosts=["testserver"], bundles=True))
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("path", PAGES)
def test_a_danish_page_shows_no_english_message(client, path):
    english = _english_messages()
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}lang=da")
    assert response.status_code < 500, response.text[:500]
    assert '<html lang="da">' in response.text
    parser = _Text("da")
    parser.feed(response.text)
    typed = {w for v in parse_qs(urlsplit(path).query).get("q", []) for w in v.split()}
    left = sorted({t for t in parser.found if t in english and t not in typed})
    assert left == [], f"{path}: English on the Danish page: {left}"


def test_the_english_pages_are_in_english(client):
    """The check above can fail: the English page shows the messages it looks for."""
    english = _english_messages()
    parser = _Text("en")
    parser.feed(client.get("/search?q=torture&lang=en").text)
    assert len({t for t in parser.found if t in english}) >= 5


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _fixed_words(path: Path) -> list[str]:
    parser = _Text("da")  # a template's fixed words: all of them, whatever their language
    parser.feed(_JINJA.sub(" ", path.read_text(encoding="utf-8")))
    return [t for t in parser.found if re.search(r"[A-Za-z]{2,}", t)]


def test_templates_write_no_english_outside_the_catalogue():
    found = {f"{p.name}: {t}" for p in sorted(TEMPLATES.glob("*.html")) for t in _fixed_words(p)}
    assert sorted(t for t in found if t.split(": ", 1)[1] not in FIXED) == []
