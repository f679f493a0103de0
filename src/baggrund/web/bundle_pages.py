"""Case bundles in the browser: an "add to bundle" control on every passage, a page per bundle
(reorder, notes, remove, export to Markdown, Word or PDF), a list of bundles.

The control is one disclosure per passage (``_bundle_control.html``): closed, it is one line;
opened, it offers the editor's bundles or a new case reference. Adding answers with a redirect
back to the passage (the page it was on, at its fragment), and a short-lived cookie
(``bundle_added``: the bundle, the passage and whether it was new there, for one page view)
makes that page say so beside the passage; every passage in the current bundle (the
``bundle`` cookie, the one added to last) is marked as in it.

Bundles are case material, so they are never public. They are shown and changed only by an
editor: when ``BAGGRUND_ADMIN_TOKEN`` is set, someone who signed in with it (``/signin``
starts a session, :mod:`.sessions`, whose random id is in an HttpOnly, SameSite=Strict
cookie; ``/signout`` ends it); when no token is set, only if the server was started with
``baggrund serve --bundles`` (one person on their own machine). Every change is a POST form
whose Origin (or Referer) must be this site, under one of its allowed host names (no
cross-site requests), answered with a redirect back to where the reader was. Nothing an
editor is shown may be kept by a cache (``Cache-Control: no-store``).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..bundle_export import FORMATS
from ..errors import BaggrundError, NotFound
from .pages import lib, render
from .sessions import Sessions

router = APIRouter(include_in_schema=False)
COOKIE = "baggrund_editor"
CURRENT = "bundle"  # the case reference added to last
ADDED = "bundle_added"  # the confirmation of the last "add", shown once
ADDED_SECONDS = 120
MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class Forbidden(BaggrundError):
    """Not an editor, or a cross-site request."""


def sessions(request: Request) -> Sessions | None:
    """The editors' sessions, when the server has an administrator token."""
    settings = request.app.state.settings
    if not settings.admin_token:
        return None
    return Sessions(lib(request).store, settings.admin_token, settings.session_seconds,
                    settings.signin_failures, settings.signin_window)  # fmt: skip


def is_editor(request: Request) -> bool:
    editors = sessions(request)
    if editors is not None:  # the server has an administrator token
        return editors.valid(request.cookies.get(COOKIE))
    return request.app.state.settings.bundles


def no_store(response: Response) -> Response:
    """Keep a response out of every cache (the browser's too)."""
    response.headers["cache-control"] = "no-store"
    return response


@dataclass(frozen=True)
class Added:
    """What the last "add to bundle" did, for the page it returns to."""

    ref: str
    anchor: str
    new: bool  # False: the passage was in the bundle already

    def cookie(self) -> str:
        return urlencode({"ref": self.ref, "anchor": self.anchor, "new": int(self.new)})

    @classmethod
    def from_cookie(cls, value: str | None) -> Added | None:
        fields = {k: v[0] for k, v in parse_qs(value or "").items()}
        if not fields.get("ref") or not fields.get("anchor"):
            return None
        return cls(fields["ref"], fields["anchor"], fields.get("new") == "1")


def _items(library, ref: str) -> frozenset[str]:
    """The anchors in bundle ``ref``; none when there is no such bundle (any more)."""
    if not ref:
        return frozenset()
    try:
        return frozenset(i.anchor for i in library.bundle(ref).items)
    except BaggrundError:  # deleted meanwhile, or a cookie that is no case reference
        return frozenset()


def editor_context(request: Request) -> dict:
    """What the templates need to show the bundle controls (nothing for other readers):
    the editor's bundles, the current one and its passages, and the confirmation of the last
    "add" (only when that passage is in that bundle now)."""
    if not is_editor(request):
        return {"editor": False, "bundle_items": frozenset(), "bundle_added": None}
    library = lib(request)
    refs = [b["ref"] for b in library.bundles()]
    current = request.cookies.get(CURRENT, "")
    added = Added.from_cookie(request.cookies.get(ADDED))
    if added is not None and added.anchor not in _items(library, added.ref):
        added = None
    return {
        "editor": True,
        "signed_in": bool(request.app.state.settings.admin_token),
        "bundle_refs": refs,
        "current_bundle": current if current in refs else "",
        "bundle_items": _items(library, current if current in refs else ""),
        "bundle_added": added,
        "bundle_url": _bundle_url,
    }


def forget_added(request: Request, response: Response) -> None:
    """The confirmation is shown once: a page that read it clears it."""
    if ADDED in request.cookies:
        response.delete_cookie(ADDED, httponly=True, samesite="strict")


def _same_site(request: Request) -> bool:
    """Whether a POST came from a page of this site: its Origin (or, without one, its Referer)
    is this host, and this host is one the site answers to (a request that names another
    host is refused before it gets here, but not when any host is allowed)."""
    origin = request.headers.get("origin") or request.headers.get("referer") or ""
    parts = urlsplit(origin)
    host = request.headers.get("host", "")
    allowed = request.app.state.settings.allowed_hosts
    return (
        parts.scheme in ("http", "https")
        and bool(host)
        and parts.netloc.lower() == host.lower()
        and allowed.allows_header(parts.netloc)
    )


async def _form(request: Request) -> dict[str, str]:
    """A url-encoded form (the first value of each field), after the editor and same-site
    checks."""
    if not _same_site(request):
        raise Forbidden("refused: the request did not come from this site")
    if not is_editor(request):
        raise Forbidden("changing bundles needs an editor: sign in at /signin")
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


def _back(form: dict[str, str], fallback: str) -> str:
    """A local address to return to (never another site)."""
    back = form.get("back", "")
    if back.startswith("/") and not back.startswith("//") and "\\" not in back:
        return back
    return fallback


def _bundle_url(ref: str) -> str:
    return "/bundles/" + quote(ref, safe="")


def _require_editor(request: Request) -> None:
    if not is_editor(request):
        raise Forbidden("bundles are shown to editors only: sign in at /signin")


@router.get("/signin", response_class=HTMLResponse)
def signin_page(request: Request):
    return no_store(render(request, "signin.html", failed=False))


@router.post("/signin")
async def signin(request: Request):
    if not _same_site(request):
        raise Forbidden("refused: the request did not come from this site")
    editors = sessions(request)
    if editors is None:  # no token, no sign-in (and nothing to count)
        return no_store(render(request, "signin.html", status=401, failed=True))
    client = request.client.host if request.client else "unknown"
    throttled = editors.throttled(client)
    if throttled:
        response = render(request, "signin.html", status=429, failed=False,
                          wait=throttled.seconds)  # fmt: skip
        response.headers["retry-after"] = str(throttled.seconds)
        return no_store(response)
    body = (await request.body()).decode("utf-8", errors="replace")
    token = (parse_qs(body).get("token") or [""])[0]
    if not editors.token_matches(token):
        editors.failed(client)
        return no_store(render(request, "signin.html", status=401, failed=True))
    editors.end(request.cookies.get(COOKIE))  # a session signed in again is a new one
    signed_in = RedirectResponse("/bundles", status_code=303)
    signed_in.set_cookie(COOKIE, editors.start(), max_age=int(editors.lifetime), httponly=True,
                         samesite="strict", secure=request.url.scheme == "https")  # fmt: skip
    return no_store(signed_in)


@router.post("/signout")
async def signout(request: Request):
    if not _same_site(request):
        raise Forbidden("refused: the request did not come from this site")
    editors = sessions(request)
    if editors is not None:
        editors.end(request.cookies.get(COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, httponly=True, samesite="strict")
    return no_store(response)


@router.get("/bundles", response_class=HTMLResponse)
def bundles_page(request: Request):
    _require_editor(request)
    return render(request, "bundles.html", bundles=lib(request).bundles())


@router.post("/bundles")
async def new_bundle(request: Request):
    form = await _form(request)
    made = lib(request).new_bundle(form.get("ref", ""), form.get("title") or None)
    response = RedirectResponse(_bundle_url(made.ref), status_code=303)
    response.set_cookie(CURRENT, made.ref, samesite="strict", max_age=30 * 86400)
    return response


@router.post("/bundle-actions/{action}")
async def bundle_action(request: Request, action: str):
    """add, remove, up, down, note, delete: the bundle (``ref``, or for add a new case
    reference ``new_ref``, which wins when given) and the passage (``anchor``) come in the
    form."""
    form = await _form(request)
    library, ref, anchor = lib(request), form.get("ref", ""), form.get("anchor", "")
    added = None
    if action == "add":
        ref = form.get("new_ref", "").strip() or ref
    back = _back(form, _bundle_url(ref))
    if action == "add":
        # adding to a new case reference starts its bundle
        made, skipped = library.add_to_bundle(ref, [anchor], form.get("note") or None, start=True)
        added = Added(made.ref, skipped[0] if skipped else made.items[-1].anchor, not skipped)
        back = _back(form, _bundle_url(made.ref))  # the reference as saved, trimmed
    elif action == "remove":
        library.remove_from_bundle(ref, [anchor])
    elif action in ("up", "down"):
        anchors = [i.anchor for i in library.bundle(ref).items]
        if anchor not in anchors:
            raise NotFound("{anchor} is not in bundle {ref}", anchor=anchor, ref=repr(ref))
        position = anchors.index(anchor) + (0 if action == "up" else 2)
        library.move_in_bundle(ref, anchor, max(1, position))
    elif action == "note":
        library.note_in_bundle(ref, anchor, form.get("note"))
    elif action == "delete":
        library.delete_bundle(ref)
        back = "/bundles"
    else:
        raise NotFound("no bundle action {action}", action=repr(action))
    response = RedirectResponse(back, status_code=303)
    if added is not None:
        response.set_cookie(CURRENT, added.ref, samesite="strict", max_age=30 * 86400)
        response.set_cookie(ADDED, added.cookie(), max_age=ADDED_SECONDS, httponly=True,
                            samesite="strict")  # fmt: skip
    return response


@router.get("/bundles/{ref:path}", response_class=HTMLResponse)
def bundle_page(request: Request, ref: str, format: str | None = None):
    _require_editor(request)
    library = lib(request)
    if format is not None:
        if format not in FORMATS:
            raise BaggrundError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
        from .pages import context

        data, _ = library.export_bundle(ref, format, lang=context(request)["lang"])
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in ref)
        return no_store(Response(data, media_type=MEDIA[format],
                        headers={"content-disposition": f'attachment; filename="{safe}.{format}"'}))  # fmt: skip
    return render(request, "bundle.html", resolved=library.resolve_bundle(ref),
                  url=_bundle_url(ref), formats=FORMATS)  # fmt: skip
