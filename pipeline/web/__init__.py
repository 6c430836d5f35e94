"""Stored facts → a read-only web app in Vietnamese: the obligations, every fact's evidence on its
page, the documents and the inbox, the plans against the national table, and the JSON API (``/api``)."""

from pipeline.web.app import create_app, serve

__all__ = ["create_app", "serve"]
