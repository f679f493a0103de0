"""The host names the site answers to: a guard against DNS rebinding.

A web page on ``evil.example`` can make its name point at ``127.0.0.1`` and then read and
change, with the browser of someone who runs ``baggrund serve`` on their machine, whatever
that server shows: the browser takes it for evil.example's own site. Such a request still
says ``Host: evil.example``; :class:`HostCheck` refuses every request whose Host is not one
of the allowed names (400, one line), before anything else sees it.

By default only the loopback names are allowed (``127.0.0.1``, ``localhost``, ``::1``, any
port). A server that others reach under another name gets its names from
``baggrund serve --allowed-host NAME`` (repeatable) or ``BAGGRUND_ALLOWED_HOSTS`` (comma
separated): ``baggrund.example``, ``*.court.example`` (its subdomains), ``*`` (any: only
behind a proxy that checks the name itself)."""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .security import HEADERS

__all__ = ["AllowedHosts", "HostCheck", "LOOPBACK", "ENV", "serving_hosts"]

ENV = "BAGGRUND_ALLOWED_HOSTS"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_NAME = re.compile(r"^(?:\*\.)?[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?$")
# what a Host header may be: a name or IPv4 address, or a bracketed IPv6 address, and a port
_HOST_HEADER = re.compile(r"^(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")


@dataclass(frozen=True)
class AllowedHosts:
    """Host names (lower case, IPv6 without brackets), ``*.domain`` patterns, or ``*``."""

    names: tuple[str, ...] = LOOPBACK

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AllowedHosts:
        """From a list of names; a bad one is a ValueError naming it."""
        names = []
        for entry in entries:
            name = entry.strip().lower().rstrip(".")
            if not name:
                continue
            if name != "*":
                name = _check(entry.strip(), name)
            if name not in names:
                names.append(name)
        if not names:
            raise ValueError("no allowed host given: name at least one (or * for any)")
        return cls(tuple(names))

    @classmethod
    def from_setting(cls, value: str | Iterable[str] | None) -> AllowedHosts:
        """From a list, else from ``BAGGRUND_ALLOWED_HOSTS``, else the loopback names."""
        if value is None:
            value = os.environ.get(ENV) or None
        if value is None:
            return cls()
        return cls.parse(value.split(",") if isinstance(value, str) else value)

    @property
    def any(self) -> bool:
        return "*" in self.names

    def allows(self, host: str | None) -> bool:
        """Whether a host name (without port; IPv6 with or without brackets) is allowed."""
        if self.any:
            return True
        if not host:
            return False
        host = host.lower().strip("[]").rstrip(".")
        with contextlib.suppress(ValueError):
            host = str(ipaddress.ip_address(host))  # [0:0::1] is ::1
        return any(host == n or (n.startswith("*.") and host.endswith(n[1:])) for n in self.names)

    def allows_header(self, value: str | None) -> bool:
        """Whether a Host header (``name``, ``name:port``, ``[::1]:8000``) is allowed."""
        if self.any:
            return True
        return self.allows(host_name(value))

    def __str__(self) -> str:
        return ", ".join(self.names)


def serving_hosts(
    bind: str, configured: str | Iterable[str] | None
) -> tuple[AllowedHosts, str | None]:
    """The allowed hosts of ``baggrund serve --host BIND``, and a warning: the names
    configured, else the loopback names (with the bind address, when it is a particular
    one). Bound to every address (0.0.0.0, ::), only loopback names are answered until the
    server's own names are configured: the warning says so."""
    if configured:
        return AllowedHosts.from_setting(configured), None
    bind = bind.strip().strip("[]").lower()
    try:
        address = ipaddress.ip_address(bind)
    except ValueError:
        address = None
    if bind == "localhost" or (address is not None and address.is_loopback):
        return AllowedHosts(), None
    if address is not None and address.is_unspecified:
        return AllowedHosts(), (
            f"only requests addressed to {AllowedHosts()} are answered; name this server's"
            f" host names with --allowed-host (or {ENV})"
        )
    return AllowedHosts.parse([*LOOPBACK, bind]), None


def host_name(value: str | None) -> str | None:
    """The name in a Host header or URL authority (lower case, IPv6 unbracketed), or None
    when it is not a well-formed one."""
    if not value or not _HOST_HEADER.match(value):
        return None
    try:
        parts = urlsplit("//" + value)
        _ = parts.port  # a port above 65535 raises
    except ValueError:
        return None
    return parts.hostname


def _check(raw: str, name: str) -> str:
    bare = name.strip("[]")
    try:
        return str(ipaddress.ip_address(bare))
    except ValueError:
        pass
    if _NAME.match(name):
        return name
    if ":" in name and "/" not in name:
        raise ValueError(
            f"allowed host {raw!r}: give the name without a port (any port is allowed)"
        )
    raise ValueError(
        f"allowed host {raw!r}: give a name such as baggrund.example, *.example.org or"
        " 127.0.0.1, or * for any"
    )


class HostCheck:
    """Refuses (400) a request whose Host header is not an allowed name."""

    def __init__(self, app, allowed: AllowedHosts):
        self.app, self.allowed = app, allowed

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or self.allowed.any:
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"host"), "")
        if self.allowed.allows_header(host):
            return await self.app(scope, receive, send)
        message = (
            f"refused: this server does not answer to the host {host[:100]!r} (it answers to"
            f" {self.allowed}; set --allowed-host or {ENV})"
        )
        body = json.dumps({"error": message, "status": 400}).encode()
        if scope["type"] == "websocket":
            return await send({"type": "websocket.close", "code": 1008})
        await send(
            {
                "type": "http.response.start",
                "status": 400,
                "headers": [(b"content-type", b"application/json"), *HEADERS],
            }
        )
        await send({"type": "http.response.body", "body": body})
