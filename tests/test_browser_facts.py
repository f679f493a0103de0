"""The facts and changes pages in a real browser (see test_browser): the chart is drawn, each
point links to its passage, two editions are aligned with their words marked, no script or style
is blocked by the CSP, nothing scrolls sideways on a phone. Screenshots go to
build/screenshots/facts-*.png and changes-*.png."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_browser import (
    DESKTOP,
    PHONE,
    Watch,
    assert_no_sideways_scroll,
    chromium,
    sample_store,  # noqa: F401  (fixture)
    screenshot,
    serve,
)

pytestmark = pytest.mark.browser


def test_facts_page_draws_the_chart_and_links_each_point(sample_store: str):  # noqa: F811
    watch = Watch()
    with serve(sample_store) as base, chromium() as browser:
        page = watch.page(watch.context(browser, viewport=DESKTOP))
        page.goto(f"{base}/countries/AZE")
        page.get_by_role("link", name="Figures over the years").click()
        expect(page.locator("h1")).to_contain_text("Figures over the years")
        page.get_by_label("Topic").fill("victims identified")
        page.get_by_role("button", name="Show").click()
        chart = page.locator("section.series svg.chart").first
        expect(chart).to_be_visible()
        assert chart.locator("circle").count() >= 2
        titles = [t.text_content() for t in chart.locator("circle > title").all()]
        assert any(t.startswith("2023: 91") for t in titles), titles  # the headline figure
        box = chart.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 60
        screenshot(page, "facts-desktop", full_page=True)
        link = page.locator("section.series svg.chart a").first
        href = link.get_attribute("href")  # /documents/AZE-367/protection/1
        key, local = href.removeprefix("/documents/").split("/", 1)
        link.click()
        page.wait_for_url(lambda url: f"/documents/{key}?mark={local}" in url)
        expect(page.locator(f"[id='{local}']").first).to_be_visible()

        phone = watch.page(watch.context(browser, viewport=PHONE))
        phone.goto(f"{base}/countries/AZE/facts?lang=da")
        expect(phone.locator("h1")).to_contain_text("Tal over årene")
        assert_no_sideways_scroll(phone)
        screenshot(phone, "facts-phone", full_page=False)
    assert not watch.problems, watch.problems


def test_changes_page_aligns_two_real_editions(sample_store: str):  # noqa: F811
    """The sample's Azerbaijan human-rights reports 2022 and 2023, compared in the browser:
    offered from the country page, rewritten passages with marked words, both sides linked."""
    watch = Watch()
    with serve(sample_store) as base, chromium() as browser:
        page = watch.page(watch.context(browser, viewport=DESKTOP))
        page.goto(f"{base}/countries/AZE")
        page.get_by_role("link", name="Changes between editions").click()
        expect(page.locator("h1")).to_contain_text("Changes between editions")
        page.locator("ul.offers a").first.click()
        expect(page.locator("p.editions")).to_contain_text("2023")
        compared = page.url
        rewritten = page.locator("table.changes tr.kind-rewritten td.new ins")
        assert rewritten.count() >= 5
        expect(rewritten.first).to_be_visible()
        assert page.locator("table.changes tr.kind-new").count() >= 1
        screenshot(page, "changes-desktop", full_page=False)
        link = page.locator("table.changes tr.kind-rewritten td.new p.anchor a").first
        anchor = link.inner_text()  # AZE-....
        link.click()
        key, local = anchor.split("/", 1)
        page.wait_for_url(lambda url: f"/documents/{key}" in url)
        expect(page.locator(f"[id='{local}']").first).to_be_visible()

        phone = watch.page(watch.context(browser, viewport=PHONE))
        phone.goto(compared + "&lang=da")
        expect(phone.locator("h1")).to_contain_text("Ændringer mellem udgaver")
        assert_no_sideways_scroll(phone)
        screenshot(phone, "changes-phone", full_page=False)
    assert not watch.problems, watch.problems


def test_an_editor_rejects_a_figure_and_the_decision_survives_a_reingest(sample_store: str,  # noqa: F811
                                                                        tmp_path):  # fmt: skip
    """An editor (``serve --bundles``) rejects the 2023 victims figure from its table: the page
    says so, the chart loses the point, the figure is listed as rejected; after the document
    is ingested again (changed elsewhere) and the facts rebuilt, the decision still holds."""
    import shutil

    from baggrund.library import Library

    from .conftest import SAMPLES

    watch = Watch()
    topic = "/countries/AZE/facts?topic=victims+identified"
    with serve(sample_store, bundles=True) as base, chromium() as browser:
        page = watch.page(watch.context(browser, viewport=DESKTOP))
        page.goto(base + topic)
        row = page.locator("section.series table.facts tr[id^='fact-']",
                           has_text="identified 91 victims").first  # fmt: skip
        fact_id = row.get_attribute("id")
        row.locator("details.fact-review summary").click()
        row.get_by_label("Note").fill("counts identifications abroad")
        row.get_by_role("button", name="Reject").click()
        expect(page.get_by_role("status")).to_contain_text("Saved: the figure is rejected")
        rejected = page.locator("#rejected")
        expect(rejected).to_contain_text("counts identifications abroad")
        expect(rejected.locator(f"tr[id='{fact_id}']")).to_contain_text("91")
        titles = [t.text_content() for t in page.locator("svg.chart circle > title").all()]
        assert not any(t.startswith("2023: 91 ") for t in titles), titles
        screenshot(page, "facts-review-rejected", full_page=True)
    assert not watch.problems, watch.problems

    # the same document again, with one word changed elsewhere, and the facts rebuilt
    folder = tmp_path / "again"
    shutil.copytree(SAMPLES, folder)
    board = folder / "aserbajdsjan-367.txt"
    text = board.read_text(encoding="utf-8")
    board.write_text(text.replace("modestly increased", "slightly increased", 1), encoding="utf-8")
    with Library.open(sample_store) as lib:
        assert lib.ingest([folder]).updated == 1
        lib.rebuild_facts()

    watch = Watch()
    with serve(sample_store) as base, chromium() as browser:  # a reader now
        page = watch.page(watch.context(browser, viewport=DESKTOP))
        page.goto(base + topic)
        rejected = page.locator("#rejected")
        expect(rejected).to_contain_text("Rejected by an editor")
        expect(rejected).to_contain_text("counts identifications abroad")
        expect(rejected).to_contain_text("identified 91 victims")
        assert page.locator("details.fact-review").count() == 0  # no review form for readers
    assert not watch.problems, watch.problems
