"""Adding passages to a case bundle in a real browser, in Danish, by keyboard: the control opens
in place, the page comes back at the passage (not at the top) and says so beside it, and the
passages of the bundle stay marked; the same without JavaScript. Screenshots go to
build/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_browser import (  # noqa: F401
    DESKTOP,
    PHONE,
    Watch,
    assert_no_sideways_scroll,
    chromium,
    sample_store,
    screenshot,
    serve,
)

pytestmark = pytest.mark.browser

REF = "FN-2026-0412"
LOCAL = "protection/4"  # far down annex 367


def _scroll_y(page: Page) -> float:
    return page.evaluate("window.scrollY")


def test_add_a_passage_to_a_new_bundle_by_keyboard_and_see_it_confirmed_in_place(
    sample_store: str,  # noqa: F811
):
    watch = Watch()
    with serve(sample_store, bundles=True) as base, chromium() as browser:
        context = watch.context(browser, viewport=DESKTOP, locale="da-DK")
        page = watch.page(context)
        page.goto(base + "/documents/AZE-367")
        expect(page.locator("html")).to_have_attribute("lang", "da")
        passage = page.locator(f'article[id="{LOCAL}"]')
        control = passage.locator("details.bundle-add")
        expect(control).not_to_have_attribute("open", re.compile(".*"))  # closed: one line
        expect(passage.get_by_label("Sagsnummer for et nyt bundt")).to_be_hidden()

        # open it by keyboard, type a new case reference, submit with Enter
        summary = control.locator("summary")
        expect(summary).to_have_text(f"Føj til bundt: AZE-367/{LOCAL}")
        summary.focus()
        page.keyboard.press("Enter")
        field = passage.get_by_label("Sagsnummer for et nyt bundt")
        expect(field).to_be_visible()
        page.keyboard.press("Tab")
        expect(field).to_be_focused()
        page.keyboard.type(REF)
        screenshot(page, "bundle-add-open-da", full_page=False)
        with page.expect_navigation():
            page.keyboard.press("Enter")

        # back at the passage, not at the top, with the confirmation beside it
        assert page.url == f"{base}/documents/AZE-367?mark={LOCAL}#{LOCAL}", page.url
        passage = page.locator(f'article[id="{LOCAL}"]')
        status = passage.get_by_role("status")
        expect(status).to_have_text(f"Føjet til bundt {REF}. Åbn bundtet")
        expect(status).to_be_in_viewport()
        assert _scroll_y(page) > 300, "the page jumped to the top"
        expect(passage).to_have_class(re.compile(r"\bin-bundle\b"))
        expect(page.locator(".bundle-added")).to_have_count(1)
        screenshot(page, "bundle-added-da", full_page=False)

        # read again: the confirmation was for once, the mark stays
        page.reload()
        passage = page.locator(f'article[id="{LOCAL}"]')
        expect(passage.get_by_role("status")).to_have_count(0)
        expect(passage.locator("p.in-bundle")).to_have_text(f"✓ I bundt {REF}")
        expect(page.locator("p.in-bundle")).to_have_count(1)
        passage.locator("p.in-bundle").get_by_role("link", name=REF).click()
        page.wait_for_url(f"{base}/bundles/{REF}")
        expect(page.locator("li.bundle-item")).to_have_count(1)
        expect(page.locator("li.bundle-item")).to_contain_text(f"AZE-367/{LOCAL}")

        # on a phone, the opened control (a bundle to choose, a new reference) fits the width
        page.set_viewport_size(PHONE)
        page.goto(f"{base}/documents/AZE-367#{LOCAL}")
        passage = page.locator(f'article[id="{LOCAL}"]')
        passage.locator("summary").click()
        expect(passage.get_by_label("Bundt", exact=True)).to_have_value(REF)
        expect(passage.get_by_label("eller et nyt sagsnummer")).to_be_visible()
        assert_no_sideways_scroll(page)
        screenshot(page, "bundle-add-open-phone-da", full_page=False)
        context.close()
    assert not watch.dialogs, watch.dialogs
    assert not watch.problems, "\n".join(watch.problems)


def test_add_a_search_hit_to_the_current_bundle_without_javascript(sample_store: str):  # noqa: F811
    with serve(sample_store, bundles=True) as base, chromium() as browser:
        context = browser.new_context(viewport=DESKTOP, locale="da-DK", java_script_enabled=False)
        page = context.new_page()
        # a first passage starts the bundle
        page.goto(base + "/documents/AZE-367")
        first = page.locator('article[id="intro/1"]')
        first.locator("summary").click()
        first.get_by_label("Sagsnummer for et nyt bundt").fill(REF)
        first.get_by_role("button", name="Tilføj", exact=True).click()
        expect(page.locator('article[id="intro/1"]').get_by_role("status")).to_contain_text(REF)

        page.goto(base + "/search?q=victims&country=AZE")
        hits = page.locator("li.hit")
        expect(hits.first).to_be_visible()
        hit = hits.nth(hits.count() - 1)  # the last hit, far below the top
        hit_id = hit.get_attribute("id")
        assert hit_id and hit_id.startswith("hit-AZE-367/")
        hit.locator("summary").click()
        chosen = hit.get_by_label("Bundt", exact=True)
        expect(chosen).to_have_value(REF)  # the current bundle is chosen
        hit.get_by_role("button", name="Tilføj", exact=True).click()
        page.wait_for_url(re.compile(r"/search\?q=victims&country=AZE#hit-AZE-367/"))
        hit = page.locator(f'li[id="{hit_id}"]')
        expect(hit.get_by_role("status")).to_have_text(f"Føjet til bundt {REF}. Åbn bundtet")
        expect(hit.get_by_role("status")).to_be_in_viewport()
        assert _scroll_y(page) > 0, "the page jumped to the top"
        expect(hit).to_have_class(re.compile(r"\bin-bundle\b"))
        screenshot(page, "bundle-added-search-da-nojs", full_page=False)
        context.close()
