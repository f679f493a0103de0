"""The web application and JSON API, through an in-process client."""

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from baggrund.library import Library
from baggrund.web import Settings, create_app

from .conftest import BOARD_SAMPLE, SAMPLES

HOST = ["testserver"]  # the name TestClient sends; the default is loopback names only
HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def web_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.txt"
    hostile.write_text(
        "Bilagsnr.:\t900\nLand:\tEritrea\nKilde:\tTest <b>source</b>\n"
        f"Titel:\tReport {HOSTILE}\nUdgivet:\t1. maj 2024\n"
        "Optaget på baggrundsmaterialet:\t2. maj 2024\n\n"
        f"## Section {HOSTILE}\n\nThe xsstest paragraph says {HOSTILE} in full.\n",
        encoding="utf-8",
    )
    path = str(folder / "web.db")
    with Library.open(path) as lib:
        summary = lib.ingest([SAMPLES, hostile])
        assert summary.ok, [str(e.to_dict()) for e in summary.rejected]
    return path


@pytest.fixture(scope="module")
def client(web_db):
    return TestClient(
        create_app(Settings(web_db, allowed_hosts=HOST)), raise_server_exceptions=False
    )


def test_pages_answer(client):
    for url in ("/", "/search?q=coercion", "/documents/AZE-367", "/countries/AZE",
                "/sources/US%20Department%20of%20State", "/search"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")


def test_security_headers_and_no_inline_script(client):
    response = client.get("/documents/AZE-367")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", response.text, re.S)
    assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert "cdn" not in response.text.lower()


def test_document_text_and_metadata_are_escaped(client):
    page = client.get("/documents/ERI-900").text
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Test &lt;b&gt;source&lt;/b&gt;" in page
    results = client.get("/search", params={"q": "xsstest"}).text
    assert "<mark>xsstest</mark>" in results
    assert "<script>alert" not in results and "<img src=x" not in results
    assert "&lt;img src=x onerror=alert(2)&gt;" in results


def test_passage_permalink_redirects_to_the_marked_passage(client):
    response = client.get("/documents/AZE-367/protection/4", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == "/documents/AZE-367?mark=protection/4#protection/4"
    page = client.get(response.headers["location"]).text
    assert re.search(r'<article id="protection/4" class="passage marked"', page)
    assert client.get("/documents/AZE-367/protection/99").status_code == 404


def test_search_page_shows_hits_facets_and_empty_result_advice(client):
    page = client.get("/search", params={"q": "psychological coercion", "country": "AZE"}).text
    assert "<mark>psychological</mark>" in page and "annex 367" in page
    assert (
        'href="/search?q=psychological+coercion&amp;country=AZE&amp;source=' in page
        or "source=" in page
    )
    empty = client.get("/search", params={"q": "zzzqqq", "country": "AZE"}).text
    assert "No passage matches." in empty and "Try removing a filter." in empty


def test_danish_interface_and_cookie(client):
    page = client.get("/search", params={"q": "coercion", "lang": "da"})
    assert '<html lang="da">' in page.text and "afsnit" in page.text
    assert page.cookies.get("lang") == "da"
    assert '<html lang="da">' in client.get("/", headers={"accept-language": "da-DK,da;q=0.9"}).text


def test_annex_list_as_of_and_csv(client):
    before = client.get("/countries/AZE", params={"as_of": "2024-07-21"}).text
    after = client.get("/countries/AZE", params={"as_of": "2024-07-22"}).text
    assert 'id="annex-367"' not in before and 'id="annex-367"' in after
    csv = client.get("/countries/AZE/annexes.csv", params={"as_of": "2024-07-22"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("Bilagsnr.,Titel,Kilde")
    assert any(line.startswith("367,") for line in csv.text.splitlines())
    assert (
        client.get("/countries/Aserbajdsjan", follow_redirects=False).headers["location"]
        == "/countries/AZE"
    )


def test_api_search_has_the_cli_fields(client):
    data = client.get(
        "/api/v1/search", params={"q": "psychological coercion", "country": "Aserbajdsjan"}
    ).json()
    hit = data["hits"][0]
    for key in ("anchor", "citation", "citation_da", "country", "country_name", "annex", "title",
                "source", "series", "published", "added", "heading", "text", "snippet", "score"):  # fmt: skip
        assert key in hit
    assert hit["annex"] == 367 and data["total"] >= 1


def test_api_endpoints(client):
    assert client.get("/api/v1/documents/AZE-367").json()["annex"] == 367
    passage = client.get("/api/v1/passages/AZE-367/protection/4").json()
    assert passage["text"].startswith("Authorities may have penalized")
    countries = client.get("/api/v1/countries").json()
    assert {"country", "documents", "name", "name_da"} <= set(countries[0])
    annexes = client.get("/api/v1/countries/AZE/annexes", params={"as_of": "2024-07-22"}).json()
    assert 367 in [a["annex"] for a in annexes["annexes"]]
    assert "US Department of State" in [s["source"] for s in client.get("/api/v1/sources").json()]
    docs = client.get("/api/v1/sources/US Department of State/documents").json()
    assert docs and all(d["source"] == "US Department of State" for d in docs)
    facets = client.get("/api/v1/facets", params={"q": "prison"}).json()
    assert facets["facets"]["country"] and facets["total"] > 0
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/search" in spec["paths"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/search", 422),
        ("/api/v1/search?q=x&limit=0", 422),
        ("/api/v1/search?q=x&limit=abc", 422),
        ("/api/v1/search?q=x&offset=-1", 422),
        ("/api/v1/search?q=x&country=Atlantis", 400),
        ("/api/v1/search?q=x&since=sometime", 400),
        ("/api/v1/search?q=x&latest=maybe", 422),
        ("/api/v1/search?q=" + "x" * 1001, 422),
        ("/api/v1/documents/AZE-999", 404),
        ("/api/v1/passages/AZE-367/protection/99", 404),
        ("/api/v1/passages/nonsense", 404),
        ("/api/v1/countries/Atlantis/annexes", 400),
        ("/api/v1/countries/AZE/annexes?as_of=31.02.2024", 400),
        ("/api/v1/nothing-here", 404),
    ],
)
def test_bad_api_requests_are_4xx_with_a_message(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["error"] and "Traceback" not in body["error"]


@pytest.mark.parametrize(
    "url", ["/documents/AZE-999", "/search?q=x&since=bad", "/countries/Atlantis", "/nope"]
)
def test_bad_page_requests_show_an_error_page(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert "Traceback" not in response.text and 'role="alert"' in response.text


@pytest.mark.parametrize("q", ['"', "foo:", "(torture", "[", "-", "**", "\\", "OR"])
def test_no_query_makes_a_500(client, q):
    assert client.get("/api/v1/search", params={"q": q}).status_code == 200
    assert client.get("/search", params={"q": q}).status_code == 200


def test_web_ingest_is_off_without_a_token(client):
    response = client.post("/api/v1/ingest?filename=a.txt", content=BOARD_SAMPLE.read_bytes())
    assert response.status_code == 403


def test_web_ingest_with_a_token(tmp_path):
    db = str(tmp_path / "admin.db")
    app = create_app(Settings(db, admin_token="s3cret", allowed_hosts=HOST))
    client = TestClient(app, raise_server_exceptions=False)
    data = BOARD_SAMPLE.read_bytes()
    url = "/api/v1/ingest?filename=aserbajdsjan-367.txt"
    assert client.post(url, content=data).status_code == 401
    assert (
        client.post(url, content=data, headers={"authorization": "Bearer wrong"}).status_code == 401
    )
    ok = client.post(url, content=data, headers={"authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["added"] == 1
    bad = client.post(
        "/api/v1/ingest?filename=bad.txt",
        content=b"no header here",
        headers={"authorization": "Bearer s3cret"},
    )
    assert bad.status_code == 422 and bad.json()["rejected"][0]["origin"] == "bad.txt"


def test_request_size_limit(client):
    response = client.post(
        "/api/v1/ingest?filename=a.txt", content=b"x" * (200 * 1024 * 1024 // 100)
    )
    assert response.status_code in (403, 413)
    big = client.request("GET", "/api/v1/countries", content=b"x" * (100 * 1024))
    assert big.status_code == 413


def test_every_interface_message_has_a_danish_translation():
    from baggrund.web.i18n import translations

    root = Path(__file__).resolve().parent.parent / "src" / "baggrund" / "web" / "templates"
    messages = set()
    for template in root.glob("*.html"):
        messages |= set(re.findall(r"_\(\"([^\"]*)\"\)|_\('([^']*)'\)", template.read_text()))
    catalogue = translations("da")
    missing = [m for pair in messages for m in pair if m and catalogue.gettext(m) == m]
    assert missing == []


# -- case bundles in the browser ----------------------------------------------------------------
P4 = "AZE-367/protection/4"


def _post(client, url, data, origin="http://testserver"):
    headers = {"origin": origin} if origin else {}
    return client.post(url, data=data, headers=headers, follow_redirects=False)


def test_bundles_are_not_public(client):
    assert client.get("/bundles").status_code == 403
    assert client.get("/bundles/FN-1").status_code == 403
    page = client.get("/documents/AZE-367").text
    assert "Add to bundle" not in page
    assert _post(client, "/bundle-actions/add", {"ref": "FN-1", "anchor": P4}).status_code == 403


def test_an_editor_signs_in_with_the_token_and_makes_a_bundle(tmp_path):
    db = str(tmp_path / "editor.db")
    with Library.open(db) as lib:
        lib.ingest([BOARD_SAMPLE])
    app = create_app(Settings(db, admin_token="s3cret-token", allowed_hosts=HOST))
    with TestClient(app, raise_server_exceptions=False) as editor:
        assert _post(editor, "/signin", {"token": "wrong"}).status_code == 401
        signed = _post(editor, "/signin", {"token": "s3cret-token"})
        assert signed.status_code == 303 and "s3cret-token" not in signed.headers["set-cookie"]
        page = editor.get("/documents/AZE-367").text
        assert page.count("Add to bundle") == page.count('class="passage')
        added = _post(editor, "/bundle-actions/add",
                      {"ref": "23/04512", "anchor": P4, "back": "/documents/AZE-367"})  # fmt: skip
        assert added.status_code == 303 and added.headers["location"] == "/documents/AZE-367"
        # a request from another site is refused even with the editor's cookie
        evil = {"ref": "23/04512", "anchor": P4}
        assert (
            _post(editor, "/bundle-actions/remove", evil, "https://evil.example").status_code == 403
        )
        assert _post(editor, "/bundle-actions/remove", evil, origin=None).status_code == 403
        bundle = editor.get("/bundles/23%2F04512")
        assert bundle.status_code == 200 and P4 in bundle.text and "Bilagsnr." in bundle.text
        _post(editor, "/bundle-actions/note", {"ref": "23/04512", "anchor": P4, "note": "<b>x</b>"})
        assert "&lt;b&gt;x&lt;/b&gt;" in editor.get("/bundles/23%2F04512").text
        docx = editor.get("/bundles/23%2F04512?format=docx")
        assert docx.status_code == 200 and docx.content.startswith(b"PK")
        assert "attachment" in docx.headers["content-disposition"]
        assert editor.get("/bundles/23%2F04512?format=exe").status_code == 400
        assert "23/04512" in editor.get("/bundles").text
        _post(editor, "/bundle-actions/delete", {"ref": "23/04512"})
        assert editor.get("/bundles/23%2F04512").status_code == 404
        assert _post(editor, "/signout", {}).status_code == 303
        assert editor.get("/bundles").status_code == 403


def test_serve_bundles_lets_the_local_user_make_bundles_without_a_token(tmp_path):
    db = str(tmp_path / "local.db")
    with Library.open(db) as lib:
        lib.ingest([BOARD_SAMPLE])
    local = TestClient(
        create_app(Settings(db, bundles=True, allowed_hosts=HOST)), raise_server_exceptions=False
    )
    assert "Add to bundle" in local.get("/search?q=coercion").text
    assert _post(local, "/bundles", {"ref": "FN-9", "title": "T"}).status_code == 303
    _post(local, "/bundle-actions/add", {"ref": "FN-9", "anchor": P4})
    _post(local, "/bundle-actions/add", {"ref": "FN-9", "anchor": "AZE-367/prosecution/1"})
    _post(local, "/bundle-actions/up", {"ref": "FN-9", "anchor": "AZE-367/prosecution/1"})
    with Library.open(db) as lib:
        assert [i.anchor for i in lib.bundle("FN-9").items] == ["AZE-367/prosecution/1", P4]
    bad = _post(local, "/bundle-actions/add", {"ref": "FN-9", "anchor": "AZE-367/nope/1"})
    assert bad.status_code == 404 and "no passage" in bad.text
