"""The web application and JSON API (``pip install baggrund[web]``)."""

from .app import Settings, create_app

__all__ = ["create_app", "Settings"]
