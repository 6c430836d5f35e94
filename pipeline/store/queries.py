"""Auditors' queries over the database: obligations, targets and deadlines with filters, the
documents with their copies, and the frames the analysts' diff reads.

One copy per document is read (``documents.used``: the best reading of its current version,
see ``versions``); every row says which copy its fact came from. Filters are parsed and checked
before any SQL is built (``Filters.parse``: a date as offices write it, a role in either
language, an agency by its abbreviation), and one builder turns each filter into its own
condition with its own bound parameters, so filters combine by narrowing and never by
overwriting each other. Name filters are diacritic-insensitive: they match the folded twins and
``search_text`` that the store keeps beside each row.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa

from extractors.common import load_json
from pipeline.messages import t
from pipeline.store import dialects
from pipeline.store.db import Store, due_order, sort_keys
from pipeline.text import fold
from schemas.extraction import FACT_MODELS
from schemas.frames import DOCUMENT_COLUMNS, fact_columns, plain, without_nan

WORDS = json.loads((Path(__file__).parent / "data" / "query_words.json").read_text(encoding="utf-8"))

# Columns of the documents table a query result shows beside each fact: which copy it came from.
DOCUMENT_CONTEXT = {
    "document_number": "number",
    "document_path": "path",
    "document_kind": "kind",
    "document_issuer": "issuer",
    "document_issued_on": "issued_on",
    "document_province": "jurisdiction_province",
    "document_locality": "jurisdiction_locality",
    "document_group": "group_id",
    "document_version": "version",
    "document_reading": "reading",
}
# What a due's form says about its precision: a day, a month, a year, or a day every year.
PRECISIONS = {10: "day", 7: "month", 4: "year"}


class BadFilter(ValueError):
    """A filter value that cannot mean anything; ``str()`` says why, in the current language."""


@dataclass(frozen=True)
class Period:
    """A date as a user gives it, which may be a whole month or year: its first and last day."""

    first: date
    last: date


_DATE_FORMS = (
    (re.compile(r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"), "day"),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"), "day"),
    (re.compile(r"(?P<m>\d{1,2})[/.-](?P<y>\d{4})"), "month"),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})"), "month"),
    (re.compile(r"(?P<y>\d{4})"), "year"),
)


def parse_period(text: str) -> Period:
    """'31/12/2025', '2025-12-31', '12/2025', '2025-12' or '2025' → the days it spans; anything else,
    or a day that does not exist, is a ``BadFilter``."""
    value = text.strip()
    for pattern, precision in _DATE_FORMS:
        found = pattern.fullmatch(value)
        if not found:
            continue
        year = int(found["y"])
        try:
            if precision == "year":
                return Period(date(year, 1, 1), date(year, 12, 31))
            month = int(found["m"])
            if precision == "month":
                return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
            day = date(year, month, int(found["d"]))
            return Period(day, day)
        except ValueError:
            break
    raise BadFilter(t("query.bad_date", value=text))


def parse_role(text: str) -> str:
    """'chủ trì', 'chu tri', 'LEAD' → 'lead'; an unknown role is a ``BadFilter`` naming the known ones."""
    folded = fold(text)
    for role, spellings in WORDS["roles"].items():
        if folded in spellings:
            return role
    raise BadFilter(t("query.bad_role", value=text))


@cache
def _abbreviations() -> dict[str, str]:
    """The agency lexicon's abbreviations (UBND, HĐND, Sở GD&ĐT…) by their folded form."""
    return {fold(short): full for short, full in load_json("agencies.json")["abbreviations"].items()}


def expand_agency(text: str) -> str:
    """An agency as the user typed it, its abbreviations spelled out: 'ubnd tp' keeps 'tp', 'UBND' →
    'Ủy ban nhân dân', 'so gd&dt' → 'so Giáo dục và Đào tạo'."""
    table = _abbreviations()
    return " ".join(table.get(fold(word.strip(",.;:()")), word) for word in text.split())


@dataclass(frozen=True)
class Filters:
    """The auditors' filters, checked; a None filter is not applied."""

    agency: str | None = None  # obligations: body name, any spelling, abbreviations expanded
    role: str | None = None  # obligations: lead / support / assigned
    due_before: Period | None = None  # the due's last day is on or before the period's last day
    due_after: Period | None = None  # the due's last day is on or after the period's first day
    document: str | None = None  # số/ký hiệu, file name of any copy, or the document's id
    copy: int | None = None  # one copy, read as asked even when another copy is the one read
    province: str | None = None
    text: str | None = None  # words anywhere in the fact's text fields
    year: int | None = None  # targets: the year to reach

    @classmethod
    def parse(
        cls,
        agency: str | None = None,
        role: str | None = None,
        due_before: str | None = None,
        due_after: str | None = None,
        document: str | None = None,
        copy: int | None = None,
        province: str | None = None,
        text: str | None = None,
        year: int | None = None,
    ) -> Filters:
        """Filters from what a user typed; a value that cannot be understood is a ``BadFilter``."""
        return cls(
            agency=expand_agency(agency) if agency else None,
            role=parse_role(role) if role else None,
            due_before=parse_period(due_before) if due_before else None,
            due_after=parse_period(due_after) if due_after else None,
            document=document or None,
            copy=copy,
            province=province or None,
            text=text or None,
            year=year,
        )


def _param(name: str, value: Any) -> sa.BindParameter[Any]:
    """A bound parameter with a name of its own in the statement, however many filters bind one."""
    return sa.bindparam(name, value, unique=True)


def _like(column: sa.ColumnElement, needle: str) -> sa.ColumnElement:
    return column.like(_param("like", f"%{fold(needle)}%"))


def _words_match(store: Store, kind: str, column: str, needle: str, in_index_order: bool) -> sa.ColumnElement:
    """Rows whose folded ``column`` holds the words of ``needle`` (the engine's word index, ``dialects``);
    ``in_index_order``: tested on each entry of an order index rather than choosing the rows."""
    table = store.schema.facts[kind]
    return dialects.words_match(table, column, needle, store.fulltext.get(kind), tested=in_index_order)


def _documents_read(store: Store, f: Filters) -> sa.Select:
    """The copies whose facts a query shows: the one read of each document, or the copy asked for."""
    docs = store.schema.documents
    if f.copy is not None:
        return sa.select(docs.c.id).where(docs.c.id == _param("copy", f.copy))
    chosen = sa.select(docs.c.id).where(docs.c.used)
    if f.document and f.document.isdigit():  # a document id, or the number a số/ký hiệu starts with
        named = sa.or_(
            docs.c.group_id == _param("group", int(f.document)),
            docs.c.number_fold.like(_param("number", f"{f.document}/%")),
            docs.c.number_fold.like(_param("number", f"{f.document}-%")),
        )
        chosen = chosen.where(docs.c.group_id.in_(sa.select(docs.c.group_id).where(named)))
    elif f.document:
        named = sa.or_(_like(docs.c.number_fold, f.document), docs.c.path.ilike(_param("path", f"%{f.document}%")))
        chosen = chosen.where(docs.c.group_id.in_(sa.select(docs.c.group_id).where(named)))
    if f.province:
        chosen = chosen.where(
            sa.or_(
                sa.func.lower(docs.c.jurisdiction_province) == _param("province", f.province.lower()),
                _like(docs.c.search_text, f.province),
            )
        )
    return chosen


def conditions(store: Store, kind: str, f: Filters, in_index_order: bool = False) -> list[sa.ColumnElement]:
    """The one query builder: each filter that applies to ``kind`` as its own condition.
    ``in_index_order`` when the rows are read along an order index (``db.sort_keys``) up to a
    LIMIT, as a keyset page is: word filters then test rows instead of choosing them."""
    table = store.schema.facts[kind]
    # along an order index, the columns its entries hold are tested there, not looked up in an
    # index of their own (`+ 0`, `|| ''` keep an engine without statistics from choosing that)
    document_id = table.c.document_id + 0 if in_index_order else table.c.document_id
    out: list[sa.ColumnElement] = [document_id.in_(_documents_read(store, f))]
    if f.agency and "agency_fold" in table.c:
        out.append(_words_match(store, kind, "agency_fold", f.agency, in_index_order))
    if f.role and "role" in table.c:
        role = table.c.role.concat("") if in_index_order else table.c.role
        out.append(role == _param("role", f.role))
    if "due" in table.c and (f.due_before or f.due_after):
        # a day every year is due before and after any date; no due is due by no date (NULL is not
        # LIKE anything), so comparing the order key ('' for none) is comparing the last day
        out.append(~table.c.due.like("--%"))
        if f.due_before:
            last = _param("due_before", f.due_before.last.isoformat())
            out.append(due_order(table.c.due) <= last)
        if f.due_after:
            first = _param("due_after", f.due_after.first.isoformat())
            out.append(due_order(table.c.due) >= first)
    if f.year is not None and "year" in table.c:
        out.append(table.c.year == _param("year", f.year))
    if f.text:
        out.append(_words_match(store, kind, "search_text", f.text, in_index_order))
    return out


def data_version(store: Store) -> tuple:
    """What changes whenever the facts queries read change, read in a moment from the documents
    table alone: facts are only ever written with their copy's row, and which copy of a document is
    read changes ``used``. Results computed for one version can be kept until it changes."""
    docs = store.schema.documents
    read = sa.case((docs.c.used, docs.c.id), else_=0)
    query = sa.select(sa.func.count(), sa.func.max(docs.c.id), sa.func.sum(read), sa.func.sum(read * read))
    with store.engine.connect() as conn:
        return tuple(conn.execute(query).one())


def obligation_page(
    store: Store, f: Filters, sort: str, ascending: bool, position: tuple[Any, int] | None, limit: int
) -> sa.Select:
    """The ids and sort keys of one keyset page of obligations: up to ``limit`` rows after
    ``position`` (a sort key and an id) in the order of ``sort`` then id, ascending or not. The rows
    are walked along the sort's own order index (``db.sort_keys``), filters tested on its entries,
    so the walk stops after a page instead of sorting every filtered row."""
    table = store.schema.facts["obligations"]
    key = sort_keys(table).get(sort, table.c.id)
    chosen = sa.select(table.c.id, key.label("sort_key")).where(*conditions(store, "obligations", f, True))
    ordering = (key.asc(), table.c.id.asc()) if ascending else (key.desc(), table.c.id.desc())
    if position is None:
        return chosen.order_by(*ordering).limit(limit)
    # past the position: the rows of its key beyond its id, then the rows of the keys beyond it —
    # two seeks into the index ((key, id), then key), where one condition with OR seeks by the key
    # alone and walks every row of the position's key first (a quarter of them have no due)
    value, row_id = _param("key", position[0]), _param("id", position[1])
    same = chosen.where(key == value, table.c.id > row_id if ascending else table.c.id < row_id)
    beyond = chosen.where(key > value if ascending else key < value)
    same = same.order_by(table.c.id.asc() if ascending else table.c.id.desc())  # the key is one value
    parts = [same.limit(limit).subquery(), beyond.order_by(*ordering).limit(limit).subquery()]
    both = sa.union_all(*[sa.select(part) for part in parts]).subquery()
    merged = (both.c.sort_key, both.c.id)
    return sa.select(both).order_by(*(c.asc() if ascending else c.desc() for c in merged)).limit(limit)


def precision(due) -> str | None:
    """A due's precision: 'day', 'month', 'year', or 'yearly' for a day every year."""
    due = plain(due)
    if not due:
        return None
    return "yearly" if due.startswith("--") else PRECISIONS.get(len(due))


def document_label(number, path, kind=None, issuer=None, issued_on=None) -> str:
    """How a document is named in tables and reports, never blank: its kind and số/ký hiệu, else
    its kind, issuer and date, else its file name."""
    number, path, kind, issuer, issued_on = (plain(v) or None for v in (number, path, kind, issuer, issued_on))
    if number:
        return t("label.numbered", kind=kind or "", number=number).strip()
    if kind and issuer:
        label = t("label.issued_by", kind=kind, issuer=issuer)
        return t("label.dated", label=label, date=day_shown(issued_on)) if issued_on else label
    return Path(path).name if path else t("label.unknown")


def day_shown(iso: str) -> str:
    """An ISO date as the language writes it: 28/05/2026 in Vietnamese."""
    parts = iso.split("-")
    if len(parts) == 3 and all(parts):
        return t("label.day", y=parts[0], m=parts[1], d=parts[2])
    return iso


def facts(store: Store, kind: str, filters: Filters | None = None, limit: int | None = None) -> pd.DataFrame:
    """Rows of one fact kind, filtered, each with the document (its label, number, province) and the
    copy its fact was read from (path, reading, version)."""
    f = filters or Filters()
    table, docs = store.schema.facts[kind], store.schema.documents
    wanted = [c for c in fact_columns(kind) if c in table.c]
    # insertion order is (document, position), and a LIMIT can stop early on it
    rows = sa.select(table.c.id, *[table.c[c] for c in wanted]).where(*conditions(store, kind, f)).order_by(table.c.id)
    if limit:
        rows = rows.limit(limit)
    found = rows.subquery()
    query = (
        sa.select(
            found.c.id,
            *[found.c[c] for c in wanted],
            *[docs.c[col].label(name) for name, col in DOCUMENT_CONTEXT.items()],
        )
        .join(docs, docs.c.id == found.c.document_id)
        .order_by(found.c.id)
    )
    with store.engine.connect() as conn:
        frame = pd.DataFrame(conn.execute(query).mappings().all(), columns=["id", *wanted, *DOCUMENT_CONTEXT])
    frame.insert(
        0,
        "document",
        [
            document_label(*row)
            for row in zip(
                frame["document_number"],
                frame["document_path"],
                frame["document_kind"],
                frame["document_issuer"],
                frame["document_issued_on"],
            )
        ],
    )
    if "due" in frame:
        frame.insert(list(frame.columns).index("due") + 1, "due_precision", frame["due"].map(precision))
    return frame


def documents(store: Store) -> pd.DataFrame:
    """The copy read of every document, in the columns of ``schemas.frames``."""
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
        .where(docs.c.used)
        .order_by(docs.c.group_id)
    )
    with store.engine.connect() as conn:
        frame = without_nan(pd.read_sql(query, conn))
    frame["label"] = [
        document_label(*row)
        for row in zip(frame["number"], frame["path"], frame["kind"], frame["issuer"], frame["issued_on"])
    ]
    return frame[DOCUMENT_COLUMNS]


COPY_COLUMNS = [
    "group",
    "document",
    "copy",
    "version",
    "used",
    "role",
    "choice",
    "reading",
    "pages",
    "unread_pages",
    "words",
    "file",
    "ingested_at",
]


def copies(store: Store, every_copy: bool = False) -> pd.DataFrame:
    """The documents with their copies: one row per document (the copy read and how many copies
    it has), or with ``every_copy`` one row per copy, saying which is read and why, and the pages of
    each that could not be read."""
    docs = store.schema.documents
    query = sa.select(docs).order_by(docs.c.group_id, docs.c.version, docs.c.id)
    if not every_copy:
        query = query.where(docs.c.used)
    count = sa.select(docs.c.group_id, sa.func.count().label("n")).group_by(docs.c.group_id)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        counts: dict[int, int] = {group: n for group, n in conn.execute(count)}
        issues = store.schema.page_issues
        unread: dict[int, list[int]] = {}
        for document_id, page in conn.execute(sa.select(issues.c.document_id, issues.c.page).order_by(issues.c.page)):
            unread.setdefault(document_id, []).append(page)
        named = conn.execute(
            sa.select(docs.c.group_id, docs.c.number, docs.c.path, docs.c.kind, docs.c.issuer, docs.c.issued_on).where(
                docs.c.used
            )
        ).all()
    # a document is named after the copy read, whatever copy a row shows
    labels = {r.group_id: document_label(r.number, r.path, r.kind, r.issuer, r.issued_on) for r in named}
    records = [
        {
            "group": r.group_id,
            "document": labels.get(r.group_id) or document_label(r.number, r.path, r.kind, r.issuer, r.issued_on),
            "copy": r.id,
            "version": r.version,
            "used": bool(r.used),
            "role": r.copy_role,
            "choice": r.choice,
            "reading": r.reading,
            "pages": r.pages,
            "unread_pages": unread.get(r.id, []),  # kept empty: they could not be read
            "words": r.words,
            "file": r.path,
            "ingested_at": r.ingested_at,
            "copies": counts.get(r.group_id, 1),
        }
        for r in rows
    ]
    columns = COPY_COLUMNS if every_copy else [*COPY_COLUMNS, "copies"]
    return pd.DataFrame(records, columns=columns)


def analysis_frames(store: Store) -> dict[str, pd.DataFrame]:
    """Everything the diff and the findings read, from the copy read of each document."""
    frames = {kind: facts(store, kind) for kind in FACT_MODELS}
    frames["documents"] = documents(store)
    return frames
