"""What differs between the engines a store runs on, in this one module; everything else is
portable SQLAlchemy Core.

- **SQLite** (the embedded default): pragmas on every connection (WAL, so the watcher writes while
  auditors read), and FTS5 indexes over the folded text of the fact tables people search.
- **PostgreSQL**: ``pg_trgm`` GIN indexes over the same folded columns, and the same word search
  written as a regular expression those indexes serve.

Word search means the same on both: the folded words of the needle, in order, each starting a
word of the folded column, the last one possibly unfinished ('so tu pha' finds 'Sở Tư pháp' but
not 'Sở Tư lệnh', and 'tu' does not find 'tuan'). ``tests/test_backends.py`` runs the same queries on
both and compares the rows.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from pipeline.messages import t
from pipeline.text import fold

log = logging.getLogger(__name__)

# Fact kinds with a word index (auditors filter them by words), and the folded columns indexed.
FULLTEXT_KINDS = ("obligations", "targets", "deadlines")


def prepare(engine: Engine) -> None:
    """Settings every new connection of ``engine`` gets."""
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets the watcher write while auditors read; the busy timeout waits out short locks."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def words(needle: str) -> list[str]:
    """The folded words of what a user typed ('Sở Tư pháp,' → ['so', 'tu', 'phap'])."""
    return re.findall(r"[a-z0-9]+", fold(needle))


def create_word_indexes(engine: Engine, tables: dict[str, sa.Table]) -> dict[str, str]:
    """The word index of each searchable fact table, made when missing: FTS5 on SQLite (the
    ``<kind>_fts`` names are returned, queries read them), ``pg_trgm`` GIN on PostgreSQL (used by
    the planner on its own, nothing returned). Other engines search without an index."""
    if engine.dialect.name == "sqlite":
        return _create_fts5(engine, tables)
    if engine.dialect.name == "postgresql":
        _create_trigram_indexes(engine, tables)
    return {}


def _searched_columns(table: sa.Table) -> list[str]:
    return [c.name for c in table.columns if c.name.endswith("_fold") or c.name == "search_text"]


def _create_fts5(engine: Engine, tables: dict[str, sa.Table]) -> dict[str, str]:
    """FTS5 over the folded columns, kept in step by triggers: a word filter over 100,000 rows is an
    index look-up, not a scan. ``remove_diacritics 2`` folds whatever tone mark would still reach it."""
    names = {}
    with engine.begin() as conn:
        for kind in FULLTEXT_KINDS:
            fts, columns = f"{kind}_fts", _searched_columns(tables[kind])
            cols = ", ".join(columns)
            new_cols = ", ".join(f"new.{c}" for c in columns)
            old_cols = ", ".join(f"old.{c}" for c in columns)
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content='{kind}', "
                "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
            )
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {kind} BEGIN "
                f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new_cols}); END"
            )
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {kind} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old_cols}); END"
            )
            names[kind] = fts
    return names


def _create_trigram_indexes(engine: Engine, tables: dict[str, sa.Table]) -> None:
    """Trigram GIN indexes serve the word search's regular expression (and LIKE '%…%'). ``pg_trgm``
    is a trusted extension: the database's owner may create it. Without it search still works, by scan."""
    installed_in = (
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
    )
    with engine.begin() as conn:
        schema = conn.exec_driver_sql(installed_in).scalar()
        if schema is None:
            try:
                with conn.begin_nested():
                    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except sa.exc.DBAPIError as e:
                log.warning(t("log.no_trigram_index", error=e.orig))
                return
            schema = conn.exec_driver_sql(installed_in).scalar()
        opclass = f'"{schema}".gin_trgm_ops'  # wherever the administrator put it, on the search path or not
        for kind in FULLTEXT_KINDS:
            for column in _searched_columns(tables[kind]):
                conn.exec_driver_sql(
                    f"CREATE INDEX IF NOT EXISTS ix_{kind}_{column}_trgm ON {kind} USING gin ({column} {opclass})"
                )


def words_match(
    table: sa.Table, column: str, needle: str, fts: str | None, tested: bool = False
) -> sa.ColumnElement[bool]:
    """Rows whose folded ``column`` holds the words of ``needle`` in order, the last one possibly
    unfinished: the FTS5 index ``fts`` on SQLite, a regular expression on PostgreSQL. Tables
    without a word index (``FULLTEXT_KINDS``) match the folded needle anywhere, on every engine.

    FTS5's row ids choose the rows unless ``tested``: then they are a set each entry of another
    index is tested against (``id + 0`` keeps SQLite from looking every match's wide row up by id
    and sorting them all), as a keyset page walking an order index up to its LIMIT wants."""
    if table.name not in FULLTEXT_KINDS:
        return table.c[column].like(sa.bindparam("like", f"%{fold(needle)}%", unique=True))
    found = words(needle)
    if not found:
        return sa.false()
    if fts is not None:
        phrase: sa.BindParameter[str] = sa.bindparam("phrase", f'{column} : "{" ".join(found)}" *', unique=True)
        match: sa.Select[Any] = (
            sa.select(sa.literal_column("rowid"))
            .select_from(sa.table(fts))
            .where(sa.literal_column(fts).op("MATCH")(phrase))
        )
        return (table.c.id + 0 if tested else table.c.id).in_(match)
    # FTS5's unicode61 tokens are runs of letters and digits; so are the words here.
    pattern = "(^|[^[:alnum:]])" + "[^[:alnum:]]+".join(found)
    return table.c[column].regexp_match(sa.bindparam("words", pattern, unique=True))


@contextmanager
def exclusive(engine: Engine, key: str) -> Iterator[bool]:
    """Hold ``key`` against other workers while the block runs; yields False when another holds it.
    PostgreSQL: a session advisory lock on a connection of its own, released at the end, or by the
    server when the holder dies (a crashed worker never keeps a file claimed). An SQLite store
    has one watcher per inbox (its file lock is for one machine): always True."""
    if engine.dialect.name != "postgresql":
        yield True
        return
    number = _lock_number(key)
    with engine.connect() as conn:
        held = conn.execute(sa.select(sa.func.pg_try_advisory_lock(number))).scalar_one()
        conn.commit()
        try:
            yield bool(held)
        finally:
            if held:
                conn.execute(sa.select(sa.func.pg_advisory_unlock(number)))
                conn.commit()


@contextmanager
def schema_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction for a schema upgrade, which others opening the store wait for. SQLite: ``BEGIN
    IMMEDIATE`` takes the write lock first (its driver would otherwise run DDL outside any
    transaction); PostgreSQL: a transaction advisory lock."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            serialize(conn, "vanban schema upgrade")
            yield conn
        return
    with engine.connect() as plain:
        conn = plain.execution_options(isolation_level="AUTOCOMMIT")  # the driver leaves BEGIN to us
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")


def serialize(conn: Connection, key: str) -> None:
    """Inside ``conn``'s transaction, wait for any other transaction holding ``key`` to end (PostgreSQL:
    a transaction advisory lock). On SQLite writers are one at a time already."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_lock_number(key))))


def _lock_number(key: str) -> int:
    """PostgreSQL's advisory locks are named by a signed 64-bit number."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)
