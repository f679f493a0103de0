"""The web application: server-rendered pages and a JSON API over one library.

    baggrund serve --db baggrund.db        # or: uvicorn --factory baggrund.web:create_app

The public site is read-only. Ingesting through the web (``POST /api/v1/ingest``) is off
unless ``BAGGRUND_ADMIN_TOKEN`` is set, and then needs it as a bearer token. The site answers
only to its allowed host names (:mod:`.hosts`: loopback names unless configured)."""

from __future__ import annotations

import hmac
import logging
import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BaggrundError, NotFound
from ..library import DEFAULT_DB, Library
from .hosts import AllowedHosts, HostCheck
from .security import SecurityHeaders, SizeLimit

__all__ = ["create_app", "Settings"]

log = logging.getLogger("baggrund.web")
HERE = Path(__file__).parent


class Settings:
    """Where the library is, who may change it, and which host names the site answers to
    (``allowed_hosts``: a list, else ``BAGGRUND_ALLOWED_HOSTS``, else the loopback names; see
    :mod:`.hosts`)."""

    def __init__(
        self,
        db: str | None = None,
        admin_token: str | None = None,
        max_request_bytes: int = 64 * 1024,
        max_upload_bytes: int = 256 * 1024 * 1024,
        bundles: bool | None = None,
        allowed_hosts: Sequence[str] | str | None = None,
        session_seconds: float = 8 * 3600,
        signin_failures: int = 5,
        signin_window: float = 60,
    ):
        self.db = str(db or os.environ.get("BAGGRUND_DB") or DEFAULT_DB)
        self.admin_token = admin_token or os.environ.get("BAGGRUND_ADMIN_TOKEN") or None
        self.max_request_bytes = max_request_bytes
        self.max_upload_bytes = max_upload_bytes
        # case bundles in the browser without a token: only for one person on their machine
        self.bundles = bool(os.environ.get("BAGGRUND_WEB_BUNDLES")) if bundles is None else bundles
        self.allowed_hosts = AllowedHosts.from_setting(allowed_hosts)
        self.session_seconds = session_seconds
        self.signin_failures = signin_failures
        self.signin_window = signin_window


class Libraries:
    """The library for request handlers. SQLite: one connection per worker thread (SQLite
    connections stay in their thread). PostgreSQL: one store for the whole process, shared by
    its threads (its connection pool is thread-safe, ``BAGGRUND_PG_POOL`` connections)."""

    def __init__(self, db: str):
        self.db = db
        self.local = threading.local()
        self.shared: Library | None = None
        self.lock = threading.Lock()

    @property
    def is_postgres(self) -> bool:
        return self.db.startswith(("postgresql://", "postgres://"))

    def get(self) -> Library:
        if self.is_postgres:
            if self.shared is None:
                with self.lock:
                    if self.shared is None:
                        self.shared = Library.open(self.db)
            return self.shared
        lib = getattr(self.local, "lib", None)
        if lib is None:
            lib = self.local.lib = Library.open(self.db)
        return lib


def error_status(exc: Exception) -> int:
    from .bundle_pages import Forbidden

    if isinstance(exc, Forbidden):
        return 403
    return 404 if isinstance(exc, NotFound) else 400


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    Library.open(settings.db).close()  # create the store, check or rebuild its index, now
    app = FastAPI(
        title="baggrund",
        version="1",
        description="Country-of-origin background material: search, read, cite, annex lists.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # Swagger UI would load assets from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.libraries = Libraries(settings.db)
    app.add_middleware(
        SizeLimit,
        default=settings.max_request_bytes,
        upload_path="/api/v1/ingest",
        upload=settings.max_upload_bytes,
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostCheck, allowed=settings.allowed_hosts)  # outermost: before anything
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from .api import router as api_router
    from .bundle_pages import router as bundle_router
    from .change_pages import api_router as changes_api_router
    from .change_pages import router as changes_router
    from .facts_pages import api_router as facts_api_router
    from .facts_pages import router as facts_router
    from .pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    app.include_router(bundle_router)
    app.include_router(facts_router)
    app.include_router(facts_api_router)
    app.include_router(changes_router)
    app.include_router(changes_api_router)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(BaggrundError)
    async def domain_error(request: Request, exc: BaggrundError):
        return await _error(request, error_status(exc), [exc])

    @app.exception_handler(ValueError)
    async def value_error(request: Request, exc: ValueError):
        return await _error(request, 400, [BaggrundError(str(exc))])

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return await _error(request, 422, [invalid(e) for e in exc.errors()]
                            or [BaggrundError("invalid request")])  # fmt: skip

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return await _error(request, exc.status_code, [BaggrundError(str(exc.detail))])

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return await _error(request, 500, [BaggrundError("internal error")])

    async def _error(request: Request, status: int, errors: list[BaggrundError]):
        """The errors in English for the API, in the page's language on a page."""
        if wants_json(request):
            message = "; ".join(map(str, errors))
            return JSONResponse({"error": message, "status": status}, status_code=status)
        from .pages import render_error

        return render_error(request, status, errors)

    return app


# what a request parameter that fails its check is told, by pydantic's error type (msgids)
INVALID = {
    "greater_than_equal": ("{where}: must be at least {limit}", "ge"),
    "greater_than": ("{where}: must be more than {limit}", "gt"),
    "less_than_equal": ("{where}: must be at most {limit}", "le"),
    "less_than": ("{where}: must be less than {limit}", "lt"),
    "int_parsing": ("{where}: must be a whole number", None),
    "bool_parsing": ("{where}: must be true or false", None),
    "string_too_long": ("{where}: at most {limit} characters", "max_length"),
    "too_long": ("{where}: at most {limit} values", "max_length"),
    "missing": ("{where}: missing", None),
}


def invalid(err: dict) -> BaggrundError:
    """One failed check of a request parameter as a message the pages translate."""
    where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
    template, limit = INVALID.get(err.get("type", ""), (None, None))
    if template is None:
        message = str(err.get("msg"))
        return BaggrundError(f"{where}: {message}" if where else message)
    values: dict[str, object] = {"where": where}
    if limit:
        value = (err.get("ctx") or {}).get(limit)
        values["limit"] = value if isinstance(value, int) else str(value)
    return BaggrundError(template, **values)


def admin_allowed(settings: Settings, authorization: str | None) -> bool:
    token = settings.admin_token
    if not token:
        return False
    given = (authorization or "").removeprefix("Bearer ").strip()
    return hmac.compare_digest(given.encode(), token.encode())


def ingest_upload(lib: Library, filename: str, data: bytes) -> dict:
    """Store an uploaded file (board text or JSON Lines) through the ordinary ingest."""
    suffix = "".join(Path(filename).suffixes[-2:]) or ".txt"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        summary = lib.ingest([path], workers=False)  # no forking a threaded server
    result = summary.to_dict()
    for item in result["rejected"] + result["warnings"]:
        item["origin"] = filename
    return result
