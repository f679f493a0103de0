"""Case bundles in the browser: an "add to bundle" control on every passage, a page per bundle
(reorder, notes, remove, export to Markdown, Word or PDF), a list of bundles.

Bundles are case material, so they are never public. They are shown and changed only by an
editor: when ``BAGGRUND_ADMIN_TOKEN`` is set, someone who signed in with it (``/signin``
stores a keyed hash of it in an HttpOnly, SameSite=Strict cookie); when no token is set, only
if the server was started with ``baggrund serve --bundles`` (one person on their own machine).
Every change is a POST form whose Origin (or Referer) must be this site (no cross-site
requests), answered with a redirect back to where the reader was.
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import parse_qs, quote, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..bundle_export import FORMATS
from ..errors import BaggrundError, NotFound
from .pages import lib, render

router = APIRouter(include_in_schema=False)
COOKIE = "baggrund_editor"
MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class Forbidden(BaggrundError):
    """Not an editor, or a cross-site request."""


def _proof(token: str) -> str:
    """What the cookie holds: a keyed hash of the token, never the token itself."""
    return hmac.new(token.encode(), b"baggrund editor", hashlib.sha256).hexdigest()


def is_editor(request: Request) -> bool:
    settings = request.app.state.settings
    if settings.admin_token:
        given = request.cookies.get(COOKIE, "")
        return hmac.compare_digest(given.encode(), _proof(settings.admin_token).encode())
    return settings.bundles


def editor_context(request: Request) -> dict:
    """What the templates need to show the bundle controls (nothing for other readers)."""
    if not is_editor(request):
        return {"editor": False}
    return {
        "editor": True,
        "signed_in": bool(request.app.state.settings.admin_token),
        "bundle_refs": [b["ref"] for b in lib(request).bundles()],
        "current_bundle": request.cookies.get("bundle", ""),
    }


def _same_site(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer") or ""
    host = request.headers.get("host", "")
    return bool(origin) and urlsplit(origin).netloc == host


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
    return render(request, "signin.html", failed=False)


@router.post("/signin")
async def signin(request: Request):
    settings = request.app.state.settings
    if not _same_site(request):
        raise Forbidden("refused: the request did not come from this site")
    body = (await request.body()).decode("utf-8", errors="replace")
    token = (parse_qs(body).get("token") or [""])[0]
    if not settings.admin_token or not hmac.compare_digest(
        token.encode(), settings.admin_token.encode()
    ):
        return render(request, "signin.html", status=401, failed=True)
    response = RedirectResponse("/bundles", status_code=303)
    response.set_cookie(COOKIE, _proof(settings.admin_token), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")  # fmt: skip
    return response


@router.post("/signout")
async def signout(request: Request):
    if not _same_site(request):
        raise Forbidden("refused: the request did not come from this site")
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.get("/bundles", response_class=HTMLResponse)
def bundles_page(request: Request):
    _require_editor(request)
    return render(request, "bundles.html", bundles=lib(request).bundles())


@router.post("/bundles")
async def new_bundle(request: Request):
    form = await _form(request)
    made = lib(request).new_bundle(form.get("ref", ""), form.get("title") or None)
    response = RedirectResponse(_bundle_url(made.ref), status_code=303)
    response.set_cookie("bundle", made.ref, samesite="strict", max_age=30 * 86400)
    return response


@router.post("/bundle-actions/{action}")
async def bundle_action(request: Request, action: str):
    """add, remove, up, down, note, delete: the bundle (``ref``) and the passage
    (``anchor``) come in the form."""
    form = await _form(request)
    library, ref, anchor = lib(request), form.get("ref", ""), form.get("anchor", "")
    back = _back(form, _bundle_url(ref))
    if action == "add":
        try:
            library.bundle(ref)
        except NotFound:  # adding to a new case reference starts its bundle
            library.new_bundle(ref)
        library.add_to_bundle(ref, [anchor], form.get("note") or None)
    elif action == "remove":
        library.remove_from_bundle(ref, [anchor])
    elif action in ("up", "down"):
        anchors = [i.anchor for i in library.bundle(ref).items]
        if anchor not in anchors:
            raise NotFound(f"{anchor} is not in bundle {ref!r}")
        position = anchors.index(anchor) + (0 if action == "up" else 2)
        library.move_in_bundle(ref, anchor, max(1, position))
    elif action == "note":
        library.note_in_bundle(ref, anchor, form.get("note"))
    elif action == "delete":
        library.delete_bundle(ref)
        back = "/bundles"
    else:
        raise NotFound(f"no bundle action {action!r}")
    response = RedirectResponse(back, status_code=303)
    if action == "add":
        response.set_cookie("bundle", ref.strip(), samesite="strict", max_age=30 * 86400)
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
        return Response(data, media_type=MEDIA[format],
                        headers={"content-disposition": f'attachment; filename="{safe}.{format}"'})  # fmt: skip
    return render(request, "bundle.html", resolved=library.resolve_bundle(ref),
                  url=_bundle_url(ref), formats=FORMATS)  # fmt: skip
