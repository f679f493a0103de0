"""Accessibility: axe-core (the npm package, injected by Playwright) on every page of the web
application, in English and in Danish, as a reader and as an editor: no serious or critical
violation of WCAG 2.1 A/AA or of axe's best practices.

axe-core is installed by `.ci/run` (``npm install`` into build/axe); without it the test
skips, unless BAGGRUND_REQUIRE_BROWSER is set (CI), where a missing axe is a failure."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import ROOT, WEB_PAGES
from .test_browser import DESKTOP, chromium, sample_store, serve  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

AXE = Path(os.environ.get("BAGGRUND_AXE", ROOT / "build" / "axe" / "node_modules" / "axe-core"
                          / "axe.min.js"))  # fmt: skip
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PAGES = WEB_PAGES
# the document first: it shows the confirmation of the last "add" (once), then the marks
EDITOR_PAGES = ["/documents/AZE-367", "/search?q=victims", "/bundles", "/bundles/FN-1",
                "/countries/AZE/facts"]  # fmt: skip


def _axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} is missing: `npm install --prefix build/axe axe-core` (see .ci/run)"
        if os.environ.get("BAGGRUND_REQUIRE_BROWSER"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def _violations(page, source: str) -> list[str]:
    page.evaluate(source)  # through the DevTools protocol: the page's CSP does not apply
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    out = []
    for v in result["violations"]:
        if v["impact"] in ("serious", "critical"):
            where = "; ".join(n["target"][0] if isinstance(n["target"][0], str)
                              else json.dumps(n["target"]) for n in v["nodes"][:3])  # fmt: skip
            out.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']} at {where}")
    return out


def _check(base: str, paths: list[str], source: str, browser, cookies=None) -> list[str]:
    problems = []
    for lang in ("en", "da"):
        context = browser.new_context(viewport=DESKTOP)
        if cookies:
            context.add_cookies(cookies)
        page = context.new_page()
        for path in paths:
            sep = "&" if "?" in path else "?"
            response = page.goto(f"{base}{path}{sep}lang={lang}")
            assert response.status < 500, path
            problems += [f"{path} [{lang}]: {v}" for v in _violations(page, source)]
        context.close()
    return problems


def test_no_serious_accessibility_violation_on_any_page(sample_store: str):  # noqa: F811
    source = _axe_source()
    with serve(sample_store) as base, chromium() as browser:
        problems = _check(base, PAGES, source, browser)
    assert not problems, "\n".join(problems)


def test_no_serious_accessibility_violation_on_an_editors_pages(sample_store: str):  # noqa: F811
    import httpx

    source = _axe_source()
    with serve(sample_store, bundles=True) as base, chromium() as browser:
        origin = {"origin": base}
        httpx.post(f"{base}/bundle-actions/add", headers=origin,
                   data={"ref": "FN-1", "anchor": "AZE-367/protection/1", "back": "/"})  # fmt: skip
        added = "ref=FN-1&anchor=AZE-367%2Fprotection%2F1&new=1"  # as the redirect sets them
        cookies = [{"name": "bundle", "value": "FN-1", "url": base},
                   {"name": "bundle_added", "value": added, "url": base}]  # fmt: skip
        problems = _check(base, EDITOR_PAGES, source, browser, cookies)
    assert not problems, "\n".join(problems)
