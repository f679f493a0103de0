"""The web application in a real browser: Debian's Chromium driven through Playwright, against a
uvicorn server on a free localhost port, doing what a caseworker does: search, open a hit, copy
its citation, switch to Danish, read an annex list as it stood on a date. Screenshots of the
results and the document page, at desktop and phone widths, go to build/screenshots/."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from baggrund.library import Library
from baggrund.web import Settings, create_app

from .conftest import ROOT, SAMPLES

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "build" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(2)>"

# Reports every Content Security Policy violation to Python (an init script and a binding are
# not subject to the page's CSP, so this works where the page's own scripts are restricted).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@contextmanager
def serve(db: str, **settings) -> Iterator[str]:
    """Runs the application with uvicorn in a background thread; yields its base URL."""
    app = create_app(Settings(db, **settings))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # a free port, held from now on: no race with other processes
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        assert thread.is_alive(), "the uvicorn server thread stopped while starting"
        try:
            if httpx.get(base + "/", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, f"the server at {base} did not answer within 20 s"
        time.sleep(0.05)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium through Playwright. Missing Chromium is a failure, not a skip: CI
    installs it, and a browser test that silently does not run tests nothing."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium "
            "(install it with `apt-get install chromium`)",
            pytrace=False,
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


class Watch:
    """Collects what must not happen on a page: console errors, uncaught exceptions, CSP
    violations and dialogs (alert, confirm, prompt)."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.dialogs: list[str] = []

    def context(self, browser: Browser, **options) -> BrowserContext:
        context = browser.new_context(**options)
        context.expose_function("__reportCsp", lambda text: self.problems.append(f"CSP: {text}"))
        context.add_init_script(CSP_LISTENER)
        return context

    def page(self, context: BrowserContext) -> Page:
        page = context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        page.on("dialog", self._dialog)
        return page

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error at {message.location}: {message.text}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


def screenshot(page: Page, name: str, *, full_page: bool) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def assert_no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size
    assert viewport and width <= viewport["width"], f"{page.url} scrolls sideways ({width}px)"


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


@pytest.fixture
def sample_store(tmp_path: Path) -> str:
    """A fresh store holding the bundled sample (the browser may not change the shared one)."""
    path = str(tmp_path / "browser.db")
    with Library.open(path) as lib:
        summary = lib.ingest([SAMPLES])
        assert summary.ok, summary.rejected
    return path


def test_search_open_cite_switch_language_and_annex_list(sample_store: str):
    watch = Watch()
    with serve(sample_store) as base, chromium() as browser:
        context = watch.context(
            browser,
            viewport=DESKTOP,
            locale="en-GB",
            permissions=["clipboard-read", "clipboard-write"],
        )
        page = watch.page(context)

        # 1. The home page: type the words into the search box and submit.
        page.goto(base + "/")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        box = page.get_by_role("searchbox", name="What are you looking for?")
        box.fill("psychological coercion")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/search\?q=psychological\+coercion$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Search")
        screenshot(page, "search-desktop", full_page=True)

        # 2. The Azerbaijan hit from annex 367; open it by its title.
        hit = page.locator("li.hit").filter(has_text="Azerbaijan · annex 367").first
        expect(hit).to_be_visible()
        expect(hit.locator(".snippet mark").first).to_have_text(re.compile("psychological", re.I))
        title = hit.get_by_role("heading", level=3).get_by_role("link")
        expect(title).to_have_text("2024 Trafficking in Persons Report: Azerbaijan")
        href = title.get_attribute("href")
        link = re.fullmatch(r"/documents/AZE-367/([a-z0-9-]+)/(\d+)", href or "")
        assert link, f"the hit's title does not link to a passage: {href!r}"
        local = f"{link[1]}/{link[2]}"
        anchor = f"AZE-367/{local}"
        with page.expect_navigation() as navigation:
            title.click()
        response = navigation.value
        assert response is not None and response.ok
        redirect = response.request.redirected_from
        assert redirect is not None and redirect.url == base + href, "no redirect from permalink"

        # 3. The document page, at the marked passage, scrolled into view.
        assert page.url == f"{base}/documents/AZE-367?mark={local}#{local}", page.url
        passage = page.locator(f'article[id="{local}"]')
        expect(passage).to_have_class(re.compile(r"\bmarked\b"))
        expect(passage).to_have_attribute("aria-current", "true")
        expect(passage).to_be_in_viewport()
        expect(passage).to_contain_text("psychological coercion")
        expect(page.locator("article.passage.marked")).to_have_count(1)
        screenshot(page, "document-desktop", full_page=False)

        # 4. Copy its citation and read the clipboard.
        copy = passage.locator("button.copy:not(.secondary)")  # its name changes on click
        expect(copy).to_have_accessible_name("Copy citation")
        copy.click()
        expect(copy).to_have_text("Copied")
        citation = clipboard(page)
        assert "annex 367" in citation and f"[{anchor}]" in citation, citation
        assert citation.startswith("Background material, Azerbaijan")

        # 5. Switch the interface to Danish; the same passage, Danish labels, Danish citation.
        switch = page.locator("#lang-switch")
        expect(switch).to_have_text("Dansk")
        switch.click()
        page.wait_for_load_state()
        expect(page.locator("html")).to_have_attribute("lang", "da")
        expect(page.locator("#lang-switch")).to_have_text("English")
        expect(
            page.get_by_role("banner").get_by_role("button", name="Søg", exact=True)
        ).to_be_visible()
        passage = page.locator(f'article[id="{local}"]')
        expect(passage).to_have_class(re.compile(r"\bmarked\b"))
        expect(passage).to_be_in_viewport()
        copy = passage.locator("button.copy:not(.secondary)")
        expect(copy).to_have_accessible_name("Kopiér citat")
        copy.click()
        expect(copy).to_have_text("Kopieret")
        citation = clipboard(page)
        assert "bilag 367" in citation and f"[{anchor}]" in citation, citation
        assert citation.startswith("Baggrundsmateriale, Aserbajdsjan")

        # 6. The Azerbaijan annex list as it stood the day before and the day annex 367 was added.
        page.locator("table.meta-table").get_by_role("link", name="Aserbajdsjan").click()
        page.wait_for_url(re.compile(r"/countries/AZE$"))
        expect(page.locator("#annex-367")).to_be_visible()
        date = page.get_by_label("Som den så ud den")
        date.fill("2024-07-21")
        page.get_by_role("button", name="Vis", exact=True).click()
        page.wait_for_url(re.compile(r"/countries/AZE\?as_of=2024-07-21$"))
        expect(page.locator("table.annexes tbody")).to_be_visible()
        expect(page.locator("#annex-367")).to_have_count(0)
        date = page.get_by_label("Som den så ud den")
        expect(date).to_have_value("2024-07-21")
        date.fill("2024-07-22")
        page.get_by_role("button", name="Vis", exact=True).click()
        page.wait_for_url(re.compile(r"/countries/AZE\?as_of=2024-07-22$"))
        row = page.locator("#annex-367")
        expect(row).to_be_visible()
        expect(row).to_contain_text("2024 Trafficking in Persons Report: Azerbaijan")
        context.close()

        # 7. The same pages at a phone's width.
        phone = watch.context(
            browser, viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB"
        )
        page = watch.page(phone)
        page.goto(base + "/search?q=psychological+coercion")
        expect(page.locator("li.hit").first).to_be_visible()
        # the filters must not push the results off the first screen
        expect(page.locator("#results-h")).to_be_in_viewport()
        assert_no_sideways_scroll(page)
        screenshot(page, "search-phone", full_page=True)
        page.goto(f"{base}/documents/{anchor}")
        passage = page.locator(f'article[id="{local}"]')
        expect(passage).to_have_class(re.compile(r"\bmarked\b"))
        expect(passage).to_be_in_viewport()
        assert_no_sideways_scroll(page)
        screenshot(page, "document-phone", full_page=False)
        phone.close()

    assert not watch.problems, "\n".join(watch.problems)
    assert not watch.dialogs, watch.dialogs


def test_hostile_markup_is_shown_as_text(tmp_path: Path):
    source = tmp_path / "hostile.txt"
    source.write_text(
        "Bilagsnr.:\t1\nLand:\tEritrea\nKilde:\tTest\n"
        f"Titel:\tReport {HOSTILE_SCRIPT} {HOSTILE_IMG}\n"
        "Udgivet:\t1. maj 2024\nOptaget på baggrundsmaterialet:\t2. maj 2024\n\n"
        f"The xsstest paragraph says {HOSTILE_SCRIPT} and {HOSTILE_IMG} in full.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "hostile.db")
    with Library.open(db) as lib:
        summary = lib.ingest([source])
        assert summary.ok, summary.rejected
    title = f"Report {HOSTILE_SCRIPT} {HOSTILE_IMG}"

    watch = Watch()
    with serve(db) as base, chromium() as browser:
        context = watch.context(browser, viewport=DESKTOP, locale="en-GB")
        page = watch.page(context)

        page.goto(base + "/documents/ERI-1")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page).to_have_title(f"{title} · baggrund")
        body = page.locator("article.passage .text").first
        expect(body).to_contain_text(HOSTILE_SCRIPT)
        expect(body).to_contain_text(HOSTILE_IMG)
        expect(page.locator("main img, main script")).to_have_count(0)

        page.goto(base + "/search?q=xsstest")
        hit = page.locator("li.hit").first
        expect(hit.get_by_role("heading", level=3)).to_have_text(title)
        expect(hit.locator(".snippet")).to_contain_text(HOSTILE_SCRIPT)
        expect(hit.locator(".snippet")).to_contain_text(HOSTILE_IMG)
        expect(hit.locator(".snippet mark")).to_have_text("xsstest")
        expect(page.locator("main img, main script")).to_have_count(0)
        page.wait_for_load_state("networkidle")
        context.close()

    assert not watch.dialogs, f"a dialog opened: {watch.dialogs}"
    assert not watch.problems, "\n".join(watch.problems)


def test_make_a_case_bundle_from_search_and_document_and_download_it(sample_store: str):
    """An editor signs in, adds a search hit and a passage read in its document to a bundle,
    reorders them on the bundle page and downloads the Word export."""
    watch = Watch()
    with serve(sample_store, admin_token="editor-token") as base, chromium() as browser:
        context = watch.context(browser, viewport=DESKTOP, locale="en-GB", accept_downloads=True)
        page = watch.page(context)
        page.goto(base + "/signin")
        page.get_by_label("Administrator token").fill("editor-token")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(base + "/bundles")

        page.goto(base + "/search?q=psychological+coercion&country=AZE")
        hit = page.locator("li.hit").first
        hit.locator("summary").click()
        hit.get_by_label("Case reference of a new bundle").fill("FN-2026-0412")
        hit.get_by_role("button", name="Add", exact=True).click()
        page.wait_for_url(re.compile(r"/search\?q=psychological.*#hit-AZE-367/"))
        first = hit.locator(".cite code").inner_text()

        page.goto(base + "/documents/AZE-367")
        passage = page.locator('article[id="protection/4"]')
        passage.locator("summary").click()
        expect(passage.get_by_label("Bundle", exact=True)).to_have_value("FN-2026-0412")
        passage.get_by_role("button", name="Add", exact=True).click()
        page.wait_for_url(re.compile(r"/documents/AZE-367\?mark=protection/4#protection/4$"))

        page.goto(base + "/bundles/FN-2026-0412")
        items = page.locator("li.bundle-item")
        expect(items).to_have_count(2)
        expect(items.nth(0).locator(".cite code")).to_have_text(first)
        items.nth(1).get_by_role("button", name=re.compile("^Move up")).click()
        expect(page.locator("li.bundle-item").nth(0)).to_contain_text("AZE-367/protection/4")
        expect(page.get_by_role("table")).to_contain_text("367")
        screenshot(page, "bundle-desktop", full_page=True)
        with page.expect_download() as download:
            page.get_by_role("link", name="Word").click()
        assert download.value.suggested_filename == "FN-2026-0412.docx"
        assert watch.problems == [] and watch.dialogs == []


def test_the_page_says_what_was_searched_and_a_reading_can_be_undone(sample_store: str):
    watch = Watch()
    with serve(sample_store) as base, chromium() as browser:
        page = watch.page(watch.context(browser, viewport=DESKTOP, locale="da-DK"))
        page.goto(base + "/search?q=tvangsarbejde+og+menneskehandel+i+Aserbajdsjan&lang=da")
        line = page.locator("#searched-for")
        expect(line).to_contain_text("Søgte efter:")
        # the Danish word and the English words searched beside it
        rendering = line.locator(".rendering", has_text="menneskehandel →")
        expect(rendering).to_contain_text("trafficking")
        expect(line.locator(".recognised")).to_contain_text("Aserbajdsjan")
        results = page.locator("li.hit").count()
        assert results > 0
        # undo the rendering: the word is searched as typed, and says so
        line.get_by_role(
            "link", name=re.compile("Søg på ordet, som det er skrevet: menneskehandel")
        ).click()
        page.wait_for_url(re.compile(r"literal=menneskehandel"))
        expect(page.locator("#searched-for .rendering", has_text="menneskehandel →")).to_have_count(
            0
        )
        expect(page.locator("#searched-for")).to_contain_text(
            "Søgt, som det er skrevet: menneskehandel"
        )
        # undo the recognised country: it becomes a word like the others
        page.locator("#searched-for").get_by_role(
            "link", name=re.compile("Søg på det som et ord")
        ).click()
        page.wait_for_url(re.compile(r"recognise=0"))
        expect(page.locator("#searched-for .recognised")).to_have_count(0)
        expect(page.locator("#searched-for .word", has_text="Aserbajdsjan")).to_have_count(1)
    assert not watch.problems, "\n".join(watch.problems)
