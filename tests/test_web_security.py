"""The web application under attack: DNS rebinding (the Host header), sessions that sign-out
revokes, sign-in rate limiting, Cache-Control on case material, formula injection into CSV,
links with other schemes than http(s), source names with "/", parameters out of range."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from baggrund.library import Library
from baggrund.spreadsheet import neutralise
from baggrund.store import open_store
from baggrund.web import Settings, create_app
from baggrund.web.hosts import AllowedHosts

from .conftest import BOARD_SAMPLE, ROOT
from .test_store_contract import store_url  # noqa: F401  (fixture)

LOCAL = "http://127.0.0.1:8000"
P4 = "AZE-367/protection/4"
HOSTILE = [
    {"id": "hostile-csv-1", "source": "UN OCHA/ReliefWeb", "country": "Eritrea",
     "title": "=cmd|' /C calc'!A0", "url": "https://reliefweb.int/report/eritrea",
     "date_published": "2024-05-01",
     "text": "## Situation\n\nIn 2023 the authorities identified 37 victims of trafficking.\n"},
    {"id": "hostile-csv-2", "source": "@SUM(1+1)*cmd|' /C calc'!A0", "country": "Eritrea",
     "title": '+HYPERLINK("http://evil.example","x")', "url": "https://example.org/r",
     "date_published": "2024-05-02",
     "text": "## Situation\n\n-2+3+cmd|' /C calc'!A0 is what the linktest paragraph says.\n"},
    {"id": "hostile-csv-3", "source": "-Minus Source", "country": "Eritrea",
     "title": "\t=tab title", "date_published": "2024-05-03",
     "text": "## Situation\n\nA third paragraph.\n"},
]  # fmt: skip


@pytest.fixture(scope="module")
def web_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("websec")
    hostile = folder / "hostile.jsonl"
    hostile.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE), encoding="utf-8")
    path = str(folder / "web.db")
    with Library.open(path) as lib:
        summary = lib.ingest([BOARD_SAMPLE, hostile])
        assert summary.ok, [str(e.to_dict()) for e in summary.rejected]
    return path


@pytest.fixture
def bundles_db(tmp_path) -> str:
    db = str(tmp_path / "bundles.db")
    with Library.open(db) as lib:
        lib.ingest([BOARD_SAMPLE])
        lib.new_bundle("FN-1", "A case")
        lib.add_to_bundle("FN-1", [P4], "first note")
    return db


@pytest.fixture
def no_host_setting(monkeypatch):
    monkeypatch.delenv("BAGGRUND_ALLOWED_HOSTS", raising=False)


def _client(db: str, base_url: str = LOCAL, **settings) -> TestClient:
    return TestClient(create_app(Settings(db, **settings)), base_url=base_url,
                      raise_server_exceptions=False, follow_redirects=False)  # fmt: skip


def _note(db: str) -> str | None:
    with Library.open(db) as lib:
        return lib.bundle("FN-1").items[0].note


# -- the Host header (DNS rebinding) ------------------------------------------------------------
def test_a_rebound_name_reaches_nothing(bundles_db, no_host_setting):
    """The reproduction: a page on evil.example whose name now points at 127.0.0.1 reads the
    bundle page, its export and changes a note, all with Host (and Origin) evil.example."""
    evil = _client(bundles_db, "http://evil.example", bundles=True)
    for url in ("/bundles/FN-1", "/bundles/FN-1?format=md", "/", "/api/v1/search?q=coercion"):
        refused = evil.get(url)
        assert refused.status_code == 400, url
        assert "evil.example" in refused.text and "BAGGRUND_ALLOWED_HOSTS" in refused.text
        assert len(refused.text.strip().splitlines()) == 1 and "first note" not in refused.text
    changed = evil.post("/bundle-actions/note", data={"ref": "FN-1", "anchor": P4, "note": "x"},
                        headers={"origin": "http://evil.example"})  # fmt: skip
    assert changed.status_code == 400 and _note(bundles_db) == "first note"


def test_loopback_names_with_any_port_are_allowed_by_default(bundles_db, no_host_setting):
    for base in (
        LOCAL,
        "http://localhost:3000",
        "http://[::1]:8000",
        "http://127.0.0.1",
        "http://[0:0::1]:8000",
        "http://LOCALHOST.:8000",
    ):
        client = _client(bundles_db, base, bundles=True)
        assert client.get("/bundles/FN-1").status_code == 200, base
        note = {"ref": "FN-1", "anchor": P4, "note": base}
        posted = client.post("/bundle-actions/note", data=note, headers={"origin": base})
        assert posted.status_code == 303 and _note(bundles_db) == base
    assert _client(bundles_db, "http://127.0.0.2", bundles=True).get("/").status_code == 400


def test_the_same_site_check_compares_origin_with_the_allowed_hosts(bundles_db, no_host_setting):
    client = _client(bundles_db, bundles=True)
    note = {"ref": "FN-1", "anchor": P4, "note": "changed"}
    for origin in ("http://evil.example", "http://localhost:8000", "null", ""):
        response = client.post("/bundle-actions/note", data=note, headers={"origin": origin})
        assert response.status_code == 403, origin
    referer = client.post("/bundle-actions/note", data=note, headers={"referer": LOCAL + "/x"})
    assert referer.status_code == 303 and _note(bundles_db) == "changed"


def test_allowed_hosts_are_configurable(bundles_db, monkeypatch):
    monkeypatch.setenv("BAGGRUND_ALLOWED_HOSTS", " baggrund.example , *.court.example")
    for base in ("https://baggrund.example", "https://coi.court.example:8443"):
        assert _client(bundles_db, base).get("/").status_code == 200, base
    for base in (LOCAL, "https://court.example.evil.example", "https://evil.example"):
        assert _client(bundles_db, base).get("/").status_code == 400, base
    explicit = _client(bundles_db, "https://other.example", allowed_hosts=["other.example"])
    assert explicit.get("/").status_code == 200  # the setting wins over the environment


def test_a_star_allows_any_host_but_not_another_origin(bundles_db, no_host_setting):
    client = _client(bundles_db, "http://anything.example", bundles=True, allowed_hosts=["*"])
    assert client.get("/bundles/FN-1").status_code == 200
    note = {"ref": "FN-1", "anchor": P4, "note": "changed"}
    other = client.post(
        "/bundle-actions/note", data=note, headers={"origin": "http://evil.example"}
    )
    assert other.status_code == 403 and _note(bundles_db) == "first note"
    same = client.post("/bundle-actions/note", data=note,
                       headers={"origin": "http://anything.example"})  # fmt: skip
    assert same.status_code == 303


def test_serve_answers_to_its_allowed_hosts_only(bundles_db, tmp_path):
    """``baggrund serve`` itself: loopback names by default, --allowed-host names instead."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAGGRUND_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    for options, answered, refused in (
        ([], ["127.0.0.1", "localhost"], ["evil.example"]),
        (["--allowed-host", "baggrund.example", "--allowed-host", "*.court.example"],
         ["baggrund.example", "coi.court.example"], ["127.0.0.1", "evil.example"]),
    ):  # fmt: skip
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "baggrund", "serve", "--db", bundles_db, "--port", str(port),
             "--bundles", *options],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(server, base)
            for name in answered:
                response = httpx.get(base + "/bundles/FN-1", headers={"host": f"{name}:{port}"})
                assert response.status_code == 200, (options, name)
            for name in refused:
                response = httpx.get(base + "/bundles/FN-1", headers={"host": f"{name}:{port}"})
                assert response.status_code == 400 and "first note" not in response.text
        finally:
            server.terminate()
            server.communicate(timeout=10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(server: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()
        try:
            httpx.get(base + "/", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"baggrund serve did not answer at {base} within 30 s")


def test_serve_on_every_address_warns_and_a_bad_name_is_refused(cli, monkeypatch):
    from baggrund.web.hosts import serving_hosts

    allowed, warning = serving_hosts("0.0.0.0", None)
    assert allowed.names == ("127.0.0.1", "localhost", "::1") and "--allowed-host" in warning
    assert serving_hosts("192.168.1.5", None)[0].allows("192.168.1.5")
    assert serving_hosts("::1", None) == (AllowedHosts(), None)
    assert serving_hosts("0.0.0.0", "coi.example")[0].names == ("coi.example",)
    cli("db", "upgrade")  # a library to serve (serve refuses a missing one first)
    monkeypatch.setenv("BAGGRUND_DB", cli.db)  # serve sets these; restored after the test
    monkeypatch.setenv("BAGGRUND_ALLOWED_HOSTS", "")
    refused = cli("serve", "--allowed-host", "https://coi.example/", expect=1)
    assert "allowed host 'https://coi.example/'" in refused.output
    assert len(refused.output.strip().splitlines()) == 1


def test_a_bad_allowed_host_setting_is_a_one_line_error(bundles_db):
    with pytest.raises(ValueError, match="allowed host 'http://x.example'"):
        Settings(bundles_db, allowed_hosts=["http://x.example"])
    with pytest.raises(ValueError, match=r"allowed host 'a\.\*\.example'"):
        Settings(bundles_db, allowed_hosts=["a.*.example"])


# -- sessions ----------------------------------------------------------------------------------
def _sign_in(client: TestClient, token: str, origin: str = LOCAL):
    return client.post("/signin", data={"token": token}, headers={"origin": origin})


def test_signing_out_revokes_the_session(bundles_db):
    editor = _client(bundles_db, admin_token="s3cret-token")
    signed = _sign_in(editor, "s3cret-token")
    assert signed.status_code == 303 and "s3cret-token" not in signed.headers["set-cookie"]
    cookie = editor.cookies.get("baggrund_editor")
    assert editor.get("/bundles/FN-1").status_code == 200
    assert editor.post("/signout", headers={"origin": LOCAL}).status_code == 303
    stolen = _client(bundles_db, admin_token="s3cret-token")
    stolen.cookies.set("baggrund_editor", cookie)
    assert stolen.get("/bundles/FN-1").status_code == 403
    assert stolen.get("/bundles/FN-1?format=md").status_code == 403


def test_sessions_are_random_and_shared_by_all_workers(bundles_db):
    one = _client(bundles_db, admin_token="s3cret-token")
    two = _client(bundles_db, admin_token="s3cret-token")  # another worker, the same store
    _sign_in(one, "s3cret-token")
    _sign_in(two, "s3cret-token")
    first, second = one.cookies.get("baggrund_editor"), two.cookies.get("baggrund_editor")
    assert first and second and first != second and len(first) >= 32
    other_worker = _client(bundles_db, admin_token="s3cret-token")
    other_worker.cookies.set("baggrund_editor", first)
    assert other_worker.get("/bundles").status_code == 200
    assert other_worker.post("/signout", headers={"origin": LOCAL}).status_code == 303
    assert one.get("/bundles").status_code == 403  # revoked everywhere
    assert two.get("/bundles").status_code == 200  # the other session lives on


def test_sessions_expire_and_end_with_a_new_token(bundles_db):
    short = _client(bundles_db, admin_token="s3cret-token", session_seconds=1)
    _sign_in(short, "s3cret-token")
    assert short.get("/bundles").status_code == 200
    time.sleep(1.2)
    assert short.get("/bundles").status_code == 403
    old = _client(bundles_db, admin_token="old-token")
    _sign_in(old, "old-token")
    new = _client(bundles_db, admin_token="new-token")
    new.cookies.set("baggrund_editor", old.cookies.get("baggrund_editor"))
    assert new.get("/bundles").status_code == 403


def test_a_forged_cookie_is_refused(bundles_db):
    client = _client(bundles_db, admin_token="s3cret-token")
    for value in ("", "x", "0" * 64, "s3cret-token"):
        client.cookies.set("baggrund_editor", value)
        assert client.get("/bundles").status_code == 403, value


def test_a_store_from_before_sessions_is_upgraded_and_signs_in(bundles_db):
    from baggrund.errors import StoreError

    from .conftest import Cli

    with sqlite3.connect(bundles_db) as db:  # as the store was at schema 4, before sessions
        db.execute("DROP TABLE web_sessions")
        db.execute("DROP TABLE web_signin_failures")
        db.execute("DROP TABLE fact_reviews")  # later steps
        db.execute("ALTER TABLE documents DROP COLUMN date_kind")
        db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="run `baggrund db upgrade`"):
        create_app(Settings(bundles_db, admin_token="s3cret-token"))
    from baggrund.store.sqlite_schema import SCHEMA_VERSION

    assert f"upgraded from 4 to {SCHEMA_VERSION}" in Cli(bundles_db)("db", "upgrade").stdout
    editor = _client(bundles_db, admin_token="s3cret-token")
    assert _sign_in(editor, "s3cret-token").status_code == 303
    assert editor.get("/bundles/FN-1").status_code == 200


def test_sessions_and_failures_are_kept_in_either_store(store_url):  # noqa: F811
    """Two workers (applications) on one store, SQLite or PostgreSQL: a session started on
    one works on the other and ends on both; failures count on both."""
    with Library(open_store(store_url)) as lib:
        lib.ingest([BOARD_SAMPLE])
    one = _client(store_url, admin_token="s3cret-token", signin_failures=2)
    two = _client(store_url, admin_token="s3cret-token", signin_failures=2)
    try:
        assert _sign_in(one, "s3cret-token").status_code == 303
        two.cookies.set("baggrund_editor", one.cookies.get("baggrund_editor"))
        assert two.get("/bundles").status_code == 200
        assert two.post("/signout", headers={"origin": LOCAL}).status_code == 303
        assert one.get("/bundles").status_code == 403
        assert [_sign_in(c, "wrong").status_code for c in (one, two, one)] == [401, 401, 429]
    finally:
        for client in (one, two):
            if client.app.state.libraries.shared:
                client.app.state.libraries.shared.close()


# -- the sign-in rate limit --------------------------------------------------------------------
def test_signin_is_limited_to_five_failures_a_minute_per_address(bundles_db):
    client = _client(bundles_db, admin_token="s3cret-token")
    for _ in range(5):
        assert _sign_in(client, "wrong").status_code == 401
    limited = _sign_in(client, "wrong")
    assert limited.status_code == 429 and 1 <= int(limited.headers["retry-after"]) <= 60
    assert _sign_in(client, "s3cret-token").status_code == 429  # not even the right one now
    # every worker counts the same failures; another address is not held back
    worker = _client(bundles_db, admin_token="s3cret-token")
    assert _sign_in(worker, "wrong").status_code == 429
    elsewhere = TestClient(create_app(Settings(bundles_db, admin_token="s3cret-token")),
                           base_url=LOCAL, client=("10.0.0.9", 4000), follow_redirects=False)  # fmt: skip
    assert _sign_in(elsewhere, "s3cret-token").status_code == 303


def test_a_successful_signin_is_not_counted(bundles_db):
    client = _client(bundles_db, admin_token="s3cret-token")
    for _ in range(8):
        assert _sign_in(client, "s3cret-token").status_code == 303


# -- Cache-Control -----------------------------------------------------------------------------
def test_case_material_is_not_stored_by_caches(bundles_db):
    editor = _client(bundles_db, admin_token="s3cret-token")
    assert editor.get("/signin").headers["cache-control"] == "no-store"
    signed = _sign_in(editor, "s3cret-token")
    assert signed.headers["cache-control"] == "no-store"
    for url in ("/bundles", "/bundles/FN-1", "/bundles/FN-1?format=md",
                "/bundles/FN-1?format=docx", "/documents/AZE-367", "/search?q=coercion", "/"):  # fmt: skip
        response = editor.get(url)
        assert response.status_code == 200, url
        assert response.headers["cache-control"] == "no-store", url
    local = _client(bundles_db, bundles=True)
    assert local.get("/bundles/FN-1?format=pdf").headers["cache-control"] == "no-store"
    public = _client(bundles_db)
    assert "no-store" not in public.get("/documents/AZE-367").headers.get("cache-control", "")


# -- CSV cells (formula injection) -------------------------------------------------------------
def test_cells_are_neutralised_as_owasp_advises():
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=x", "\r=x", "-5"):
        assert neutralise(cell) == "'" + cell
    for cell in ("a=b", "", "Title", "'=already quoted", "1,234"):
        assert neutralise(cell) == cell
    assert neutralise(-5) == -5 and neutralise(2.5) == 2.5 and neutralise(None) == ""


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _assert_neutral(rows: list[list[str]]) -> None:
    assert rows and all(not cell or cell[0] not in "=+-@\t\r" for row in rows for cell in row)


def test_annex_csv_from_the_web_is_neutralised(web_db):
    rows = _cells(_client(web_db).get("/countries/ERI/annexes.csv").text)
    _assert_neutral(rows)
    titles = {row[1] for row in rows}
    assert {"'=cmd|' /C calc'!A0", '\'+HYPERLINK("http://evil.example","x")'} <= titles
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in {row[2] for row in rows}
    assert [row[0] for row in rows[1:]] == ["1", "2", "3"]


def test_annex_and_facts_csv_from_the_command_line_are_neutralised(web_db):
    from .conftest import Cli

    cli = Cli(web_db)
    annexes = _cells(cli("annexes", "ERI", "--csv").stdout)
    _assert_neutral(annexes)
    assert "'=cmd|' /C calc'!A0" in {row[1] for row in annexes}
    facts = _cells(cli("facts", "ERI", "--csv").stdout)
    _assert_neutral(facts)
    title = facts[0].index("title")
    assert [row[title] for row in facts[1:]] == ["'=cmd|' /C calc'!A0"]
    assert facts[1][facts[0].index("value")] == "37"


# -- links -------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x",
                                 "java\tscript:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:x", "//evil.example/x", "https:evil"])  # fmt: skip
def test_only_http_links_are_rendered_as_links(web_db, tmp_path, url):
    """A library stored before ingest refused such URLs still shows them only as text."""
    copy = tmp_path / "copy.db"
    with sqlite3.connect(web_db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
        dst.execute("UPDATE documents SET url = ? WHERE external_id = 'hostile-csv-2'", (url,))
    page = _client(str(copy)).get("/documents/hostile-csv-2").text
    assert str(escape(url)) in page  # shown as text
    for href in _links(page):
        local = href.startswith(("#", "?", "/")) and not href.startswith("//")
        assert local or re.match(r"https?://[^\s]+$", href), href


def test_http_links_are_still_links(web_db):
    page = _client(web_db).get("/documents/hostile-csv-1").text
    assert '<a href="https://reliefweb.int/report/eritrea" rel="noreferrer">' in page


def _links(page: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]*)"', page)


# -- source names with "/" ---------------------------------------------------------------------
def test_a_source_name_with_a_slash_has_its_page_and_api(web_db):
    client = _client(web_db)
    document = client.get("/documents/hostile-csv-1").text
    link = next(h for h in _links(document) if h.startswith("/sources/"))
    page = client.get(link)
    assert page.status_code == 200 and 'href="/documents/ERI-1"' in page.text
    for url in ("/sources/UN%20OCHA%2FReliefWeb", "/sources/UN OCHA/ReliefWeb"):
        assert client.get(url).status_code == 200, url
    api = client.get("/api/v1/sources/UN%20OCHA%2FReliefWeb/documents")
    assert api.status_code == 200 and [d["key"] for d in api.json()] == ["hostile-csv-1"]
    assert client.get("/api/v1/sources/UN%20OCHA%2FNobody/documents").json() == []


# -- parameters out of range -------------------------------------------------------------------
def test_huge_numbers_are_client_errors(web_db):
    client = _client(web_db)
    huge = "99999999999999999999"
    for url in (f"/api/v1/search?q=x&offset={huge}", f"/search?q=x&offset={huge}",
                f"/api/v1/sources/UN%20OCHA%2FReliefWeb/documents?offset={huge}",
                f"/api/v1/sources/x/documents?limit=1&offset={huge}",
                f"/api/v1/search?q=x&limit={huge}", f"/documents/AZE-367/protection/{huge}",
                f"/api/v1/changes?country=AZE&from={huge}&to=2024"):  # fmt: skip
        response = client.get(url)
        assert 400 <= response.status_code < 500, (url, response.status_code)
