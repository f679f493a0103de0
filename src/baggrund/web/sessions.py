"""Editors' sessions: signing in with the administrator token starts one, signing out ends it.

The cookie holds a random session id (256 bits) and nothing else; the store keeps only a
keyed hash of it (HMAC-SHA256 with the administrator token as the key) and when it expires,
so that every web worker sees the same sessions: signing out on one ends the session on all,
a stolen cookie stops working once its editor signs out, and changing the token ends every
session. Sessions last ``Settings.session_seconds`` (8 hours by default), however active.

Failed sign-ins are counted per client address, in the store too (so across workers): after
``Settings.signin_failures`` of them within ``Settings.signin_window`` seconds (5 a minute)
that address gets 429 with Retry-After until the oldest of them is a minute old. Behind a
reverse proxy the address is the proxy's unless uvicorn trusts its X-Forwarded-For (it does
for a proxy on 127.0.0.1; ``FORWARDED_ALLOW_IPS`` names others)."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from dataclasses import dataclass

from ..store import Store

__all__ = ["Sessions", "Throttled"]


@dataclass(frozen=True)
class Throttled:
    """Too many failed sign-ins: retry after ``seconds``."""

    seconds: int


@dataclass(frozen=True)
class Sessions:
    """The sessions of one administrator token, in one store."""

    store: Store
    token: str
    lifetime: float = 8 * 3600
    failures: int = 5
    window: float = 60

    def _digest(self, session_id: str) -> str:
        return hmac.new(self.token.encode(), session_id.encode(), hashlib.sha256).hexdigest()

    def start(self) -> str:
        """A new session; its id, for the cookie."""
        session_id = secrets.token_urlsafe(32)
        now = time.time()
        self.store.put_session(self._digest(session_id), now + self.lifetime, now)
        return session_id

    def valid(self, session_id: str | None) -> bool:
        if not session_id or len(session_id) > 100:
            return False
        return self.store.has_session(self._digest(session_id), time.time())

    def end(self, session_id: str | None) -> None:
        if session_id and len(session_id) <= 100:
            self.store.drop_session(self._digest(session_id))

    def throttled(self, client: str) -> Throttled | None:
        """Whether ``client`` must wait before trying again, and how long."""
        now = time.time()
        recent = self.store.signin_failures(client, now - self.window)
        if len(recent) < self.failures:
            return None
        frees_at = recent[-self.failures] + self.window  # when one fewer than the limit is left
        return Throttled(max(1, math.ceil(frees_at - now)))

    def failed(self, client: str) -> None:
        now = time.time()
        self.store.record_signin_failure(client, now, now - self.window)

    def token_matches(self, given: str) -> bool:
        return hmac.compare_digest(given.encode(), self.token.encode())
