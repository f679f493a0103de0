"""Finding one's way in a real browser (Debian's Chromium through Playwright): the countries
listed by their Danish names, and a document page's own search box, which finds only that
document's passages. Screenshots go to build/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .test_browser import DESKTOP, Watch, chromium, sample_store, screenshot, serve  # noqa: F401

pytestmark = pytest.mark.browser


def test_search_inside_the_open_document_in_danish(sample_store: str):  # noqa: F811
    watch = Watch()
    with serve(sample_store) as base, chromium() as browser:
        page = watch.page(watch.context(browser, viewport=DESKTOP, locale="da-DK"))

        # the countries page, in Danish, by their Danish names: Aserbajdsjan before Eritrea
        page.goto(base + "/countries?lang=da")
        expect(page.get_by_role("heading", level=1)).to_have_text("Lande")
        names = page.locator("table.countries tbody tr td:first-child a").all_inner_texts()
        assert names == ["Afghanistan", "Aserbajdsjan", "Eritrea", "Iran", "Syrien"]
        page.get_by_role("link", name="Aserbajdsjan").click()
        page.wait_for_url(re.compile(r"/countries/AZE$"))

        # the 2022 report on Azerbaijan: its words are in the 2023 edition too
        page.goto(base + "/documents/AZE-368")
        box = page.get_by_role("searchbox", name="Søg i dette dokument")
        expect(box).to_be_visible()
        box.fill("trafficking")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/search\?document=AZE-368&q=trafficking$"))
        hits = page.locator("li.hit")
        expect(hits.first).to_be_visible()
        links = hits.locator("h3 a")
        anchors = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert anchors and all(a.startswith("/documents/AZE-368/") for a in anchors), anchors
        expect(page.get_by_label("I dokumentet")).to_have_value("AZE-368")
        screenshot(page, "search-inside-document-da", full_page=True)

        # the same words everywhere find the other edition as well
        page.get_by_role("link", name=re.compile("document: AZE-368")).click()
        expect(page.locator("li.hit").first).to_be_visible()
        everywhere = page.locator("li.hit h3 a")
        hrefs = [everywhere.nth(i).get_attribute("href") for i in range(everywhere.count())]
        assert any(h.startswith("/documents/AZE-369/") for h in hrefs), hrefs
    assert not watch.problems and not watch.dialogs, watch.problems + watch.dialogs
