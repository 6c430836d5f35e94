"""Auditors' queries over the database: obligations, targets and deadlines with filters, and
the frames the analysts' diff reads. Only the latest version of each document is queried.

Filters on names are diacritic-insensitive (``so tu phap`` finds ``Sở Tư pháp``): they match
the folded twins and ``search_text`` that the store keeps beside each row.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from pipeline.normalize import fold
from pipeline.store import Store
from schemas.frames import DOCUMENT_COLUMNS, FACT_MODELS, document_label, fact_columns, without_nan

# Columns of the documents table a query result shows beside each fact.
DOCUMENT_CONTEXT = {"document_number": "number", "document_path": "path",
                    "document_province": "jurisdiction_province", "document_locality": "jurisdiction_locality"}


@dataclass
class Filters:
    agency: str | None = None       # obligations: body name, any spelling
    role: str | None = None         # obligations: lead / support / assigned
    due_before: str | None = None   # ISO date or year; recurring (--MM-DD) dues are left out
    due_after: str | None = None
    document: str | None = None     # số/ký hiệu, file name or document id
    province: str | None = None
    text: str | None = None         # words anywhere in the fact's text fields
    year: int | None = None         # targets: the year to reach


def _like(column: sa.ColumnElement, needle: str) -> sa.ColumnElement:
    return column.like(f"%{fold(needle)}%")


def facts(store: Store, kind: str, filters: Filters | None = None, limit: int | None = None) -> pd.DataFrame:
    """Rows of one fact kind with their document's number, path and province, filtered."""
    f = filters or Filters()
    table, docs = store.schema.facts[kind], store.schema.documents
    wanted = [c for c in fact_columns(kind) if c in table.c]
    query = (sa.select(*[table.c[c] for c in wanted],
                       *[docs.c[col].label(name) for name, col in DOCUMENT_CONTEXT.items()])
             .join(docs, docs.c.id == table.c.document_id)
             .where(docs.c.latest)
             .order_by(table.c.id))   # insertion order = (document, position), and a LIMIT can stop early
    if f.agency and "agency_fold" in table.c:
        query = query.where(_like(table.c.agency_fold, f.agency))
    if f.role and "role" in table.c:
        query = query.where(table.c.role == f.role)
    if "due" in table.c and (f.due_before or f.due_after):
        query = query.where(~table.c.due.like("--%"))
        if f.due_before:
            query = query.where(table.c.due <= f.due_before)
        if f.due_after:
            query = query.where(table.c.due >= f.due_after)
    if f.year is not None and "year" in table.c:
        query = query.where(table.c.year == f.year)
    if f.document:
        clause = sa.or_(_like(docs.c.number_fold, f.document), docs.c.path.like(f"%{f.document}%"))
        if f.document.isdigit():
            clause = sa.or_(clause, docs.c.id == int(f.document))
        query = query.where(clause)
    if f.province:
        query = query.where(sa.or_(sa.func.lower(docs.c.jurisdiction_province) == f.province.lower(),
                                   _like(docs.c.search_text, f.province)))
    if f.text:
        query = query.where(_like(table.c.search_text, f.text))
    if limit:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        return pd.read_sql(query, conn)


def documents(store: Store) -> pd.DataFrame:
    """The latest version of every document, in the columns of ``schemas.frames``."""
    docs = store.schema.documents
    query = sa.select(docs.c.id.label("document_id"), docs.c.path, docs.c.kind, docs.c.number, docs.c.issued_on,
                      docs.c.issuer, docs.c.subject, docs.c.jurisdiction_province.label("province"),
                      docs.c.jurisdiction_locality.label("locality")).where(docs.c.latest).order_by(docs.c.id)
    with store.engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    frame = without_nan(frame)
    frame["label"] = [document_label(*row) for row in zip(frame["number"], frame["path"], frame["kind"], frame["issuer"])]
    return frame[DOCUMENT_COLUMNS]


def analysis_frames(store: Store) -> dict[str, pd.DataFrame]:
    """Everything the diff and the findings read, from the latest documents."""
    frames = {kind: facts(store, kind) for kind in FACT_MODELS}
    frames["documents"] = documents(store)
    return frames
