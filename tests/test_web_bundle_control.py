"""The "add to bundle" control in the browser, through an in-process client on both stores: one
disclosure per passage, a redirect back to the passage's fragment, a confirmation shown once
beside it, and the passages of the current bundle marked as in it."""

from __future__ import annotations

from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient

from baggrund.library import Library
from baggrund.store import open_store
from baggrund.web import Settings, create_app

from .conftest import BOARD_SAMPLE
from .test_store_contract import store_url  # noqa: F401

HOST = ["testserver"]
P4 = "AZE-367/protection/4"
P1 = "AZE-367/prosecution/1"
DOC = "/documents/AZE-367"
AT_P4 = f"{DOC}?mark=protection/4#protection/4"


@pytest.fixture
def editor(store_url):  # noqa: F811
    """A local editor (``serve --bundles``) over a fresh store of each kind with annex 367."""
    with Library(open_store(store_url)) as lib:
        assert lib.ingest([BOARD_SAMPLE]).ok
    app = create_app(Settings(store_url, bundles=True, allowed_hosts=HOST))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _post(client, data, origin="http://testserver"):
    headers = {"origin": origin} if origin else {}
    return client.post("/bundle-actions/add", data=data, headers=headers, follow_redirects=False)


def _tree(html: str):
    return lxml.html.fromstring(html)


def _passage(tree, local: str):
    (article,) = tree.xpath(f'//article[@id="{local}"]')
    return article


def _text(node) -> str:
    return " ".join(node.text_content().split())


def _bundle(client, ref: str) -> list[str]:
    page = client.get("/bundles/" + quote(ref, safe=""))
    assert page.status_code == 200
    links = _tree(page.text).xpath('//li[contains(@class, "bundle-item")]//a[@class="permalink"]')
    return [_text(a) for a in links]


def test_each_passage_has_one_closed_control_that_opens_in_place(editor):
    tree = _tree(editor.get(DOC).text)
    passages = tree.xpath('//article[contains(@class, "passage")]')
    assert len(passages) > 10
    for article in passages:
        (control,) = article.xpath('.//details[contains(@class, "bundle-add")]')
        assert control.get("open") is None  # one line until opened
        (form,) = article.xpath(".//form")
        assert form.getparent().tag == "details"  # the form is inside the disclosure
        summary = _text(control.xpath("./summary")[0])
        assert summary == f"Add to bundle: {article.get('aria-label')}"  # names its passage
        # every field has its label; no bundle yet, so a new case reference is asked for
        fields = form.xpath('.//input[not(@type="hidden")] | .//select')
        assert [f.get("name") for f in fields] == ["new_ref"]
        for field in fields:
            assert tree.xpath(f'//label[@for="{field.get("id")}"]'), field.get("id")
        assert fields[0].get("required") is not None
        back = form.xpath('.//input[@name="back"]')[0].get("value")
        assert back.endswith("#" + article.get("id"))


def test_adding_returns_to_the_passage_confirms_once_and_marks_it(editor):
    added = _post(editor, {"anchor": P4, "new_ref": " FN-2026-0412 ", "back": AT_P4})
    assert added.status_code == 303 and added.headers["location"] == AT_P4

    page = editor.get(AT_P4)  # the next page seen says what was done
    tree = _tree(page.text)
    article = _passage(tree, "protection/4")
    (status,) = article.xpath('.//*[@role="status"]')
    assert _text(status) == "Added to bundle FN-2026-0412. Open the bundle"
    assert status.xpath(".//a")[0].get("href") == "/bundles/FN-2026-0412"
    assert "in-bundle" in article.get("class")
    assert len(tree.xpath('//*[contains(@class, "bundle-added")]')) == 1  # beside it only
    # the confirmation is for one page view
    assert "bundle_added" not in editor.cookies
    assert _bundle(editor, "FN-2026-0412") == [P4]
    again = _passage(_tree(editor.get(DOC).text), "protection/4")
    assert not again.xpath('.//*[@role="status"]')
    (mark,) = again.xpath('.//*[contains(@class, "in-bundle")]')
    assert _text(mark) == "✓ In bundle FN-2026-0412"
    other = _passage(_tree(editor.get(DOC).text), "prosecution/1")
    assert "in-bundle" not in other.get("class") and not other.xpath('.//p[@class="in-bundle"]')
    # now the bundle is offered, chosen, beside a field for a new case reference
    (select,) = other.xpath('.//select[@name="ref"]')
    assert [o.get("value") for o in select.xpath("./option[@selected]")] == ["FN-2026-0412"]
    assert other.xpath('.//input[@name="new_ref"]')[0].get("required") is None


def test_adding_from_search_results_comes_back_to_the_hit(editor):
    url = "/search?q=penalized"
    (hit,) = [h for h in _tree(editor.get(url).text).xpath('//li[contains(@class, "hit")]')
              if h.get("id") == f"hit-{P4}"] or [None]  # fmt: skip
    assert hit is not None
    back = hit.xpath('.//input[@name="back"]')[0].get("value")
    assert back == f"{url}#hit-{P4}"
    added = _post(editor, {"anchor": P4, "new_ref": "FN-1", "back": back})
    assert added.headers["location"] == back
    tree = _tree(editor.get(back).text)
    (hit,) = tree.xpath(f'//li[@id="hit-{P4}"]')
    assert "Added to bundle FN-1." in _text(hit.xpath('.//*[@role="status"]')[0])
    assert "in-bundle" in hit.get("class")


def test_adding_to_the_chosen_bundle_and_again_says_it_is_there(editor):
    _post(editor, {"anchor": P4, "new_ref": "A-1", "back": AT_P4})
    _post(editor, {"anchor": P4, "new_ref": "B-2", "back": AT_P4})  # now the current bundle
    at_p1 = f"{DOC}?mark=prosecution/1#prosecution/1"
    _post(editor, {"anchor": P1, "ref": "A-1", "new_ref": "", "back": at_p1})
    assert _bundle(editor, "A-1") == [P4, P1] and _bundle(editor, "B-2") == [P4]
    editor.get(DOC)  # the confirmation seen
    _post(editor, {"anchor": P1, "ref": "A-1", "back": at_p1})
    article = _passage(_tree(editor.get(at_p1).text), "prosecution/1")
    assert _text(article.xpath('.//*[@role="status"]')[0]).startswith("Already in bundle A-1.")
    assert _bundle(editor, "A-1") == [P4, P1]


def test_the_confirmation_is_in_danish(editor):
    editor.get("/?lang=da")
    _post(editor, {"anchor": P4, "new_ref": "FN-7", "back": AT_P4})
    article = _passage(_tree(editor.get(AT_P4).text), "protection/4")
    assert _text(article.xpath('.//*[@role="status"]')[0]) == "Føjet til bundt FN-7. Åbn bundtet"
    assert _text(article.xpath(".//summary")[0]) == f"Føj til bundt: {P4}"
    editor.get(DOC)
    article = _passage(_tree(editor.get(DOC).text), "protection/4")
    assert _text(article.xpath('.//p[@class="in-bundle"]')[0]) == "✓ I bundt FN-7"


@pytest.mark.parametrize(
    "back",
    ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""],
)
def test_the_redirect_never_leaves_the_site(editor, back):
    added = _post(editor, {"anchor": P4, "new_ref": " FN  3 ", "back": back})
    assert added.status_code == 303 and added.headers["location"] == "/bundles/FN%203"


def test_bad_adds_change_nothing_and_confirm_nothing(editor):
    for form in (
        {"anchor": P4, "new_ref": "bad\x00ref", "back": AT_P4},
        {"anchor": P4, "new_ref": "x" * 101, "back": AT_P4},
        {"anchor": P4, "new_ref": "   ", "back": AT_P4},
        {"anchor": "AZE-367", "new_ref": "FN-4", "back": AT_P4},
    ):
        answer = _post(editor, form)
        assert answer.status_code in (400, 404), form
        assert "bundle_added" not in answer.headers.get("set-cookie", "")
    cross_site = _post(editor, {"anchor": P4, "new_ref": "FN-5"}, origin="https://evil.example")
    assert cross_site.status_code == 403
    listed = _tree(editor.get("/bundles").text)
    assert not listed.xpath("//table//a")  # no bundle was started by a failed add
    assert not _tree(editor.get(DOC).text).xpath('//*[contains(@class, "bundle-added")]')


def test_a_confirmation_cookie_is_shown_only_when_it_is_true(editor):
    _post(editor, {"anchor": P4, "new_ref": "FN-6", "back": AT_P4})
    editor.get(DOC)
    # a passage that is not in that bundle, a bundle that does not exist, and nonsense
    for value in ("ref=FN-6&anchor=AZE-367%2Fprosecution%2F1&new=1",
                  "ref=NOPE&anchor=AZE-367%2Fprotection%2F4&new=1", "%%%", "ref=&anchor="):  # fmt: skip
        editor.cookies.set("bundle_added", value)
        page = editor.get(DOC)
        assert page.status_code == 200
        assert not _tree(page.text).xpath('//*[contains(@class, "bundle-added")]'), value
    editor.cookies.clear()
    editor.cookies.set("bundle", "NOPE")  # a current bundle that does not exist marks nothing
    assert not _tree(editor.get(DOC).text).xpath('//*[contains(@class, "in-bundle")]')


def test_readers_who_are_not_editors_see_no_control_and_no_mark(tmp_path):
    db = str(tmp_path / "public.db")
    with Library.open(db) as lib:
        lib.ingest([BOARD_SAMPLE])
        lib.new_bundle("FN-8")
        lib.add_to_bundle("FN-8", [P4])
    app = create_app(Settings(db, allowed_hosts=HOST))
    with TestClient(app) as reader:
        reader.cookies.set("bundle", "FN-8")
        reader.cookies.set("bundle_added", "ref=FN-8&anchor=AZE-367%2Fprotection%2F4&new=1")
        page = reader.get(DOC).text
    assert "FN-8" not in page and "bundle-add" not in page and "in-bundle" not in page


def test_the_web_exports_are_a4_and_name_the_library_not_its_location(editor, store_url):  # noqa: F811
    import io

    import docx
    import pypdf

    _post(editor, {"anchor": P4, "new_ref": "FN-9", "back": AT_P4})
    hidden = [store_url, store_url.rsplit("/", 1)[-1]]  # the file or URL, its name
    for fmt in ("md", "docx", "pdf"):
        answer = editor.get(f"/bundles/FN-9?format={fmt}&lang=da")
        assert answer.status_code == 200, fmt
        data = answer.content
        if fmt == "docx":
            doc = docx.Document(io.BytesIO(data))
            assert round(doc.sections[0].page_width.mm) == 210
            assert doc.core_properties.author == "Baggrundsmateriale"
            data = "\n".join(p.text for p in doc.paragraphs).encode()
        elif fmt == "pdf":
            reader = pypdf.PdfReader(io.BytesIO(data))
            assert round(float(reader.pages[0].mediabox.height)) == 842
            assert reader.metadata["/Keywords"] == "FN-9"
            data = reader.pages[0].extract_text().encode()
        text = data.decode()
        assert "Bibliotek: Baggrundsmateriale" in text, fmt
        assert not [h for h in hidden if h in text], fmt
