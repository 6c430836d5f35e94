"""The engines the store tests run on: SQLite (a file) and PostgreSQL (a schema of its own in the
database of ``$VANBAN_TEST_PG_URL``, which ``scripts/with-postgres`` sets and CI always does)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

BACKENDS = ("sqlite", "postgresql")
PG_URL = os.environ.get("VANBAN_TEST_PG_URL")
NO_POSTGRES = (
    "VANBAN_TEST_PG_URL is not set: the PostgreSQL half of the store, ingest and query tests did NOT run "
    "(run them with `bash scripts/with-postgres .venv/bin/python -m pytest ...`; CI always does)"
)


@contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database on ``backend``, removed afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'vanban.db'}"
        return
    if PG_URL is None:
        pytest.skip(NO_POSTGRES)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:  # pg_trgm once, off every store's search path (vanban finds it there)
        conn.exec_driver_sql("CREATE SCHEMA IF NOT EXISTS extensions")
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:  # the schema alone on the search path: no table of another store is visible
        url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()
