"""Auditors' queries over the database: obligations, targets and deadlines with filters, and
the frames the analysts' diff reads. Only the latest version of each document is queried.

Filters on names are diacritic-insensitive (``so tu phap`` finds ``Sở Tư pháp``): they match
the folded twins and ``search_text`` that the store keeps beside each row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from pipeline.store.db import Store
from pipeline.text import fold
from schemas.extraction import FACT_MODELS
from schemas.frames import DOCUMENT_COLUMNS, document_label, fact_columns, without_nan

# Columns of the documents table a query result shows beside each fact.
DOCUMENT_CONTEXT = {
    "document_number": "number",
    "document_path": "path",
    "document_kind": "kind",
    "document_issuer": "issuer",
    "document_province": "jurisdiction_province",
    "document_locality": "jurisdiction_locality",
}


@dataclass
class Filters:
    """The auditors' query filters; a None filter is not applied. Name filters are diacritic-insensitive, matching
    the folded twins the store keeps."""

    agency: str | None = None  # obligations: body name, any spelling
    role: str | None = None  # obligations: lead / support / assigned
    due_before: str | None = None  # ISO date or year; recurring (--MM-DD) dues are left out
    due_after: str | None = None
    document: str | None = None  # số/ký hiệu, file name or document id
    province: str | None = None
    text: str | None = None  # words anywhere in the fact's text fields
    year: int | None = None  # targets: the year to reach


def _like(column: sa.ColumnElement, needle: str) -> sa.ColumnElement:
    return column.like(f"%{fold(needle)}%")


def _fulltext_phrase(needle: str) -> str:
    """An FTS5 phrase over folded words; the last word may be unfinished ('so tu pha')."""
    words = re.findall(r"[a-z0-9]+", fold(needle))
    return f'"{" ".join(words)}" *' if words else '""'


def _words_match(store: Store, kind: str, column: str, needle: str) -> sa.ColumnElement:
    """Rows whose ``column`` (a folded column) contains the words of ``needle``: through the
    full-text index where the store has one, else LIKE."""
    table = store.schema.facts[kind]
    fts = store.fulltext.get(kind)
    if fts is None:
        return _like(table.c[column], needle)
    match = sa.text(f"SELECT rowid FROM {fts} WHERE {fts} MATCH :phrase").bindparams(
        phrase=f"{column} : {_fulltext_phrase(needle)}"
    )
    return table.c.id.in_(match)


def facts(store: Store, kind: str, filters: Filters | None = None, limit: int | None = None) -> pd.DataFrame:
    """Rows of one fact kind with their document's number, path and province, filtered."""
    f = filters or Filters()
    table, docs = store.schema.facts[kind], store.schema.documents
    wanted = [c for c in fact_columns(kind) if c in table.c]
    latest = sa.select(docs.c.id).where(docs.c.latest)
    rows = sa.select(table.c.id, *[table.c[c] for c in wanted]).where(table.c.document_id.in_(latest))
    if f.agency and "agency_fold" in table.c:
        rows = rows.where(_words_match(store, kind, "agency_fold", f.agency))
    if f.role and "role" in table.c:
        rows = rows.where(table.c.role == f.role)
    if "due" in table.c and (f.due_before or f.due_after):
        rows = rows.where(~table.c.due.like("--%"))
        if f.due_before:
            rows = rows.where(table.c.due <= f.due_before)
        if f.due_after:
            rows = rows.where(table.c.due >= f.due_after)
    if f.year is not None and "year" in table.c:
        rows = rows.where(table.c.year == f.year)
    if f.document or f.province:
        chosen = latest
        if f.document:
            clause = sa.or_(_like(docs.c.number_fold, f.document), docs.c.path.like(f"%{f.document}%"))
            if f.document.isdigit():
                clause = sa.or_(clause, docs.c.id == int(f.document))
            chosen = chosen.where(clause)
        if f.province:
            chosen = chosen.where(
                sa.or_(
                    sa.func.lower(docs.c.jurisdiction_province) == f.province.lower(),
                    _like(docs.c.search_text, f.province),
                )
            )
        rows = rows.where(table.c.document_id.in_(chosen))
    if f.text:
        rows = rows.where(_words_match(store, kind, "search_text", f.text))
    # insertion order is (document, position), and a LIMIT can stop early on it
    rows = rows.order_by(table.c.id)
    if limit:
        rows = rows.limit(limit)
    found = rows.subquery()
    query = (
        sa.select(*[found.c[c] for c in wanted], *[docs.c[col].label(name) for name, col in DOCUMENT_CONTEXT.items()])
        .join(docs, docs.c.id == found.c.document_id)
        .order_by(found.c.id)
    )
    with store.engine.connect() as conn:
        frame = pd.DataFrame(conn.execute(query).mappings().all(), columns=[*wanted, *DOCUMENT_CONTEXT])
    frame.insert(
        0,
        "document",
        [
            document_label(*row)
            for row in zip(
                frame["document_number"], frame["document_path"], frame["document_kind"], frame["document_issuer"]
            )
        ],
    )
    return frame


def documents(store: Store) -> pd.DataFrame:
    """The latest version of every document, in the columns of ``schemas.frames``."""
    docs = store.schema.documents
    query = (
        sa.select(
            docs.c.id.label("document_id"),
            docs.c.path,
            docs.c.kind,
            docs.c.number,
            docs.c.issued_on,
            docs.c.issuer,
            docs.c.subject,
            docs.c.jurisdiction_province.label("province"),
            docs.c.jurisdiction_locality.label("locality"),
        )
        .where(docs.c.latest)
        .order_by(docs.c.id)
    )
    with store.engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    frame = without_nan(frame)
    frame["label"] = [
        document_label(*row) for row in zip(frame["number"], frame["path"], frame["kind"], frame["issuer"])
    ]
    return frame[DOCUMENT_COLUMNS]


def analysis_frames(store: Store) -> dict[str, pd.DataFrame]:
    """Everything the diff and the findings read, from the latest documents."""
    frames = {kind: facts(store, kind) for kind in FACT_MODELS}
    frames["documents"] = documents(store)
    return frames
