"""The web application in Danish (issue 15): error messages in the page's language, the
catalogue complete, one word for a note."""

from __future__ import annotations

import html

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from baggrund.i18n import CATALOGUE, translations
from baggrund.library import Library
from baggrund.web import Settings, create_app

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("da") / "da.db")
    with Library.open(db) as lib:
        assert lib.ingest([SAMPLES]).ok
    app = create_app(Settings(db, allowed_hosts=["testserver"], bundles=True))
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("url", "status", "english", "danish"),
    [
        ("/documents/ERI-999", 404, "no document 'ERI-999'", "intet dokument 'ERI-999'"),
        ("/countries/Narnia", 400, "unknown country 'Narnia'", "ukendt land 'Narnia'"),
        ("/nowhere", 404, "Not Found", "Ikke fundet"),
        ("/search?q=x&offset=-1", 422, "offset: must be at least 0", "offset: skal være mindst 0"),
        ("/search?q=x&since=32.13.2024", 400, "is not a day of the calendar", "skriv fx"),
    ],
)
def test_error_pages_speak_the_page_language(client, url, status, english, danish):
    joiner = "&" if "?" in url else "?"
    en, da = (client.get(f"{url}{joiner}lang={lang}") for lang in ("en", "da"))
    assert en.status_code == da.status_code == status
    assert english in html.unescape(en.text)
    assert danish in html.unescape(da.text) and english not in html.unescape(da.text)


def test_the_api_keeps_english_messages(client):
    assert "no document 'ERI-999'" in client.get("/api/v1/documents/ERI-999?lang=da").text


def test_the_catalogue_has_a_translation_for_every_msgid():
    with open(CATALOGUE, "rb") as fh:
        catalog = read_po(fh, locale="da")
    empty = [m.id for m in catalog if m.id and not m.string]
    assert empty == []


def test_a_note_is_called_the_same_beside_its_button():
    _ = translations("da").gettext
    assert _("Save note").endswith(_("Note").lower())
