"""A caseworker's task, in Danish, in a real browser, on the bundled sample: search, narrow the
results by a filter chosen from the list beside them, open a passage in its document, add it to
a new case bundle and see that confirmed, export the bundle to Word and PDF, and check both
files: A4 pages, the metadata (title, case reference, the library's name as author, created
now), the quoted passage and the bilagsliste. A screenshot of every step goes to
build/screenshots/walk-da-*.png."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import pytest
from docx.shared import Mm
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .test_browser import DESKTOP, Watch, chromium, sample_store, screenshot, serve  # noqa: F401

pytestmark = pytest.mark.browser

REF = "FN-2026-0731"
NAME = "Flygtningenævnets sekretariat"


def _step(page: Page, number: int, what: str) -> None:
    screenshot(page, f"walk-da-{number}-{what}", full_page=False)


def _download(page: Page, name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=name, exact=True).click()
    path = info.value.path()
    assert path is not None, f"the {name} export was not downloaded"
    return path.read_bytes()


def _words(text: str) -> str:
    return " ".join(text.split())


def test_a_caseworker_finds_a_passage_bundles_it_and_exports_the_bundle_in_danish(
    sample_store: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setenv("BAGGRUND_NAME", NAME)
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    watch = Watch()
    with serve(sample_store, bundles=True) as base, chromium() as browser:
        context = watch.context(browser, viewport=DESKTOP, locale="da-DK", accept_downloads=True)
        page = watch.page(context)

        # 1. search, in Danish, from the start page
        page.goto(base + "/")
        expect(page.locator("html")).to_have_attribute("lang", "da")
        form = page.locator("form.big-search")
        form.get_by_label("Hvad leder du efter?").fill("menneskehandel ofre")
        form.get_by_role("button", name="Søg").click()
        page.wait_for_url(re.compile(r"/search\?"))
        expect(page.locator("li.hit").first).to_be_visible()
        _step(page, 1, "search")

        # 2. narrow by a country chosen from the list beside the results
        facets = page.get_by_role("complementary").filter(has_text="Afgræns")
        facets.get_by_role("link", name="Aserbajdsjan").click()
        page.wait_for_url(re.compile(r"country=AZE"))
        expect(page.locator(".active-filters")).to_contain_text("AZE")
        hits = page.locator("li.hit")
        expect(hits.first).to_be_visible()
        for i in range(hits.count()):  # every hit is of the country chosen
            expect(hits.nth(i).locator(".cite code")).to_contain_text("AZE-")
        _step(page, 2, "narrowed")

        # 3. open the first hit's passage in its document
        hit = hits.first
        cited = hit.locator(".cite code").inner_text()
        anchor = re.search(r"AZE-\d+/[\w/-]+", cited)
        assert anchor, cited
        doc_key, local = anchor.group(0).split("/", 1)
        hit.get_by_role("heading", level=3).get_by_role("link").click()
        page.wait_for_url(re.compile(rf"/documents/{doc_key}"))
        passage = page.locator(f'article[id="{local}"]')
        expect(passage).to_be_visible()
        quote = _words(passage.locator(".text").inner_text())
        assert len(quote) > 40, quote
        _step(page, 3, "passage")

        # 4. add it to a new bundle: the control opens in place, the page comes back to it
        passage.locator("details.bundle-add summary").click()
        passage.get_by_label("Sagsnummer for et nyt bundt").fill(REF)
        with page.expect_navigation():
            passage.get_by_role("button", name="Tilføj", exact=True).click()
        passage = page.locator(f'article[id="{local}"]')
        status = passage.get_by_role("status")
        expect(status).to_have_text(f"Føjet til bundt {REF}. Åbn bundtet")
        expect(status).to_be_in_viewport()
        expect(passage).to_have_class(re.compile(r"\bin-bundle\b"))
        _step(page, 4, "added")

        # 5. the bundle, and its exports
        status.get_by_role("link", name="Åbn bundtet").click()
        page.wait_for_url(f"{base}/bundles/{REF}")
        expect(page.locator("li.bundle-item")).to_have_count(1)
        expect(page.locator("li.bundle-item")).to_contain_text(f"{doc_key}/{local}")
        _step(page, 5, "bundle")
        word = _download(page, "Word")
        pdf = _download(page, "PDF")
        context.close()
    assert not watch.dialogs, watch.dialogs
    assert not watch.problems, "\n".join(watch.problems)

    # the Word file: A4, its metadata, the quote and the bilagsliste, in Danish
    document = docx.Document(io.BytesIO(word))
    for section in document.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1), section.page_width
        assert abs(section.page_height - Mm(297)) < Mm(1), section.page_height
    core = document.core_properties
    assert REF in core.title and REF in (core.subject or "") + (core.keywords or "")
    assert core.author == NAME
    assert core.created is not None
    created = core.created.replace(tzinfo=dt.UTC) if core.created.tzinfo is None else core.created
    assert started - dt.timedelta(minutes=1) <= created <= dt.datetime.now(dt.UTC), created
    body = _words("\n".join(p.text for p in document.paragraphs))
    tables = _words("\n".join(c.text for t in document.tables for row in t.rows for c in row.cells))
    assert quote[:200] in body, "the Word export lacks the quoted passage"
    assert "Bilagsliste" in body + tables
    annex = doc_key.split("-")[1]
    assert annex in tables, "the bilagsliste names the annex of the passage"
    with zipfile.ZipFile(io.BytesIO(word)) as z:
        app = z.read("docProps/app.xml").decode()
    assert "Microsoft" not in app and "baggrund" in app

    # the PDF: A4 pages, its metadata, the quote and the bilagsliste
    reader = PdfReader(io.BytesIO(pdf))
    for p in reader.pages:
        width, height = float(p.mediabox.width), float(p.mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, (width, height)
    meta = reader.metadata
    assert meta is not None and REF in (meta.title or "") and meta.author == NAME
    assert meta.creation_date is not None
    made = meta.creation_date
    made = made.replace(tzinfo=dt.UTC) if made.tzinfo is None else made
    assert started - dt.timedelta(minutes=1) <= made <= dt.datetime.now(dt.UTC), made
    text = _words(" ".join(p.extract_text() for p in reader.pages))
    assert quote[:80] in text, "the PDF lacks the quoted passage"
    assert "Bilagsliste" in text and annex in text
