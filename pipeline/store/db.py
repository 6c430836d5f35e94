"""The database of extracted facts: tables generated from the pydantic models in ``schemas/``.

The models are the single source of truth, so the tables are built by walking their fields:
scalars become columns, nested models (signer, jurisdiction…) are flattened with a prefix,
lists become JSON text, and every fact row carries its ``document_id`` and the evidence
columns ``page``/``start``/``end``/``quote``/``bbox`` — any fact leads back to its document,
page and quote with one join. ``search_text`` holds ``fold()`` of a row's free-text fields, which
a diacritic-insensitive word filter reads through the word index of ``dialects`` (FTS5 on SQLite,
a trigram-indexed regular expression on PostgreSQL), and the columns people filter on have
``*_fold`` twins with indexes.

SQL stays portable (SQLAlchemy Core, no dialect-specific types): SQLite by default, PostgreSQL by
URL; what differs between them is in ``dialects``. The tables are made and upgraded by the Alembic
revisions in ``migrations`` when a store is opened. The same bytes (SHA-256) are never stored twice; each stored file
is a *copy*, grouped with the other copies of its document and placed in a version by
``versions`` (which copy queries read, and why, is kept on every row). A database made by an
older vanban is upgraded in place and its copies are grouped when it is opened.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.engine import URL, Connection, Engine, make_url

from pipeline.messages import t
from pipeline.settings import settings
from pipeline.store import dialects, migrations, versions
from pipeline.store.versions import Copy
from pipeline.text import fold
from schemas.document import PAGE_SEPARATOR, Document, Page, PageIssue
from schemas.extraction import EVIDENCE_COLUMNS, FACT_MODELS, DocumentMeta, Evidence, Extraction, Source

# Free-text fields that hold ISO dates, not words: not worth folding into search_text.
_DATE_FIELDS = {"due", "issued_on", "on"}
# Columns people filter on by name: each gets an indexed, folded twin `<field>_fold`.
_FOLDED_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("issuer", "number"),
    "obligations": ("agency",),
    "wards": ("name", "province"),
    "national_targets": ("province",),
    "citations": ("number",),
}
# Indexes holding every column the web app's obligations list filters, sorts and counts by, so its
# pages over 100,000 rows read the index alone, never the wide rows (bench/web.py: an unfiltered
# page's facets 669 ms without it).
_COVERING: dict[str, tuple[str, ...]] = {
    "obligations": ("document_id", "role", "due", "agency_fold", "agency"),
}
# The orders the web app's obligations list offers, each read from an index of its own, so a keyset
# page walks the index in order and stops after a page's rows instead of sorting every filtered
# row (bench/web.py: an unfiltered page's ids 49 ms of sorting 100,000 rows before, under 1 ms after).
ORDERED_KINDS = ("obligations",)


def due_last_day(due: sa.ColumnElement) -> sa.ColumnElement:
    """The last day a due allows, as ISO text comparable with a date: '2025' → '2025-12-31',
    '2025-06' → '2025-06-31' (any day of the month sorts before it), a day as it is. Its constants
    are literal SQL, not bound parameters: an engine uses an index on an expression only for the
    identical expression, and the order index below is built on this one."""
    length = sa.func.length(due)
    four, seven = sa.literal_column("4", sa.Integer), sa.literal_column("7", sa.Integer)
    year_end, month_end = sa.literal_column("'-12-31'", sa.Text), sa.literal_column("'-31'", sa.Text)
    return sa.case((length == four, due.concat(year_end)), (length == seven, due.concat(month_end)), else_=due)


def due_order(due: sa.ColumnElement) -> sa.ColumnElement:
    """A due's last day, '' for none: the key the list sorts by due, and the one due filters compare,
    so that both read the same order index."""
    return sa.func.coalesce(due_last_day(due), sa.literal_column("''", sa.Text))


def sort_keys(table: sa.Table) -> dict[str, sa.ColumnElement]:
    """What each order of the obligations list sorts by (then by id), never NULL, so a keyset
    cursor compares with ``=`` and ``>``."""
    blank = sa.literal_column("''", sa.Text)
    return {
        "due": due_order(table.c.due),
        "agency": sa.func.coalesce(table.c.agency_fold, blank),
        "role": sa.func.coalesce(table.c.role, blank),
        "document": table.c.document_id,
    }


_INDEXED: dict[str, tuple[str, ...]] = {
    "documents": ("kind", "issued_on"),
    "obligations": ("due", "role"),
    "deadlines": ("due",),
    "targets": ("year",),
}


def database_url(url: str | None = None) -> str:
    """``url``, else the settings' (``$VANBAN_DB``, else the embedded SQLite file in ``$VANBAN_HOME``)."""
    return url or settings().database


def parsed_url(url: str) -> URL:
    """``url`` parsed; a string that is no SQLAlchemy URL ('--db vanban.db') is ``StoreUnavailable``."""
    try:
        return make_url(url)
    except sa.exc.ArgumentError as e:
        raise StoreUnavailable(t("store.bad_url", url=url)) from e


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL (None for memory and for other engines)."""
    parsed = parsed_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def shown_url(url: str) -> str:
    """The URL as it may be printed: the password hidden, a Vietnamese folder name as it is written
    ('kiểm toán', not 'ki%E1%BB%83m to%C3%A1n')."""
    return unquote(parsed_url(url).render_as_string(hide_password=True))


class StoreUnavailable(Exception):
    """The database cannot be used: missing (and not to be created) or unreachable. ``str()`` is the
    sentence for the user, in the current language."""


def _missing(url: str) -> StoreUnavailable:
    return StoreUnavailable(t("store.missing", url=shown_url(url)))


class JSONText(sa.TypeDecorator):
    """Lists and boxes stored as JSON text: readable in any SQL client, portable to any engine."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        """The value as JSON text on its way in; non-ASCII kept as is so the Vietnamese stays readable in a SQL
        client."""
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def process_result_value(self, value, dialect):
        """The JSON text parsed back into lists and numbers on its way out."""
        return None if value is None else json.loads(value)


# ----------------------------------------------------------------------------------------------
# Columns generated from the models
# ----------------------------------------------------------------------------------------------


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return annotation, False


def _sql_type(annotation: Any) -> sa.types.TypeEngine[Any]:
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return sa.String(max(len(str(v)) for v in typing.get_args(annotation)))
    if origin in (list, tuple, dict):
        return JSONText()
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return sa.String(max(len(m.value) for m in annotation))
    scalars: dict[type, sa.types.TypeEngine[Any]] = {
        int: sa.Integer(),
        float: sa.Float(),
        bool: sa.Boolean(),
        str: sa.Text(),
    }
    return scalars[annotation]


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


@dataclass(frozen=True)
class _Field:
    """One model field mapped to one column (``path`` is the attribute path inside the model)."""

    column: str
    path: tuple[str, ...]
    annotation: Any
    nullable: bool


def _flatten(model: type[BaseModel], prefix: tuple[str, ...] = (), optional: bool = False) -> list[_Field]:
    """Scalar columns of ``model``; nested models are flattened, Evidence and dicts of models skipped."""
    out: list[_Field] = []
    for name, info in model.model_fields.items():
        annotation, nullable = _unwrap_optional(info.annotation)
        if annotation is Evidence or typing.get_origin(annotation) is dict:
            continue
        if _is_model(annotation):
            out += _flatten(annotation, (*prefix, name), optional or nullable)
            continue
        if typing.get_origin(annotation) is list and any(_is_model(a) for a in typing.get_args(annotation)):
            continue
        nullable = nullable or optional or not info.is_required()
        out.append(_Field("_".join((*prefix, name)), (*prefix, name), annotation, nullable))
    return out


def _is_free_text(f: _Field) -> bool:
    if f.path[-1] in _DATE_FIELDS or f.path[-1] in {"sha256", "path", "media_type"}:
        return False
    if f.annotation is str:
        return True
    return typing.get_origin(f.annotation) is list and typing.get_args(f.annotation) == (str,)


def _evidence_columns(nullable: bool) -> list[sa.Column]:
    return [
        sa.Column("page", sa.Integer, nullable=nullable),
        sa.Column("start", sa.Integer, nullable=nullable),
        sa.Column("end", sa.Integer, nullable=nullable),
        sa.Column("quote", sa.Text, nullable=nullable),
        sa.Column("bbox", JSONText, nullable=True),
    ]


def _has_evidence(model: type[BaseModel]) -> tuple[bool, bool]:
    info = model.model_fields.get("evidence")
    if info is None:
        return False, False
    annotation, nullable = _unwrap_optional(info.annotation)
    return annotation is Evidence, nullable


def _fact_table(name: str, model: type[BaseModel], metadata: sa.MetaData) -> sa.Table:
    fields = _flatten(model)
    clash = {f.column for f in fields} & set(EVIDENCE_COLUMNS)
    assert not clash, f"{model.__name__} fields clash with evidence columns: {clash}"
    _, evidence_nullable = _has_evidence(model)
    folded = _FOLDED_KEYS.get(name, ())
    columns = [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("position", sa.Integer, nullable=False),
        *[
            sa.Column(f.column, _sql_type(f.annotation), nullable=f.nullable, index=f.column in _INDEXED.get(name, ()))
            for f in fields
        ],
        *_evidence_columns(evidence_nullable),
        *[sa.Column(f"{key}_fold", sa.Text, index=True) for key in folded],
        sa.Column("search_text", sa.Text, nullable=False, default=""),
    ]
    covering = [sa.Index(f"ix_{name}_covering", *_COVERING[name])] if name in _COVERING else []
    table = sa.Table(name, metadata, *columns, *covering)
    if name in ORDERED_KINDS:  # each order's key, then id, then what the list filters by
        for sort, key in sort_keys(table).items():
            filtered = [table.c[c] for c in _COVERING[name] if table.c[c] is not key]
            sa.Index(f"ix_{name}_by_{sort}", key, table.c.id, *filtered)
    return table


class Tables:
    """All tables of one database, generated from the models."""

    def __init__(self) -> None:
        self.metadata = md = sa.MetaData()
        self.document_fields = _flatten(Source) + _flatten(DocumentMeta)
        self.page_fields = _flatten(Page)
        self.fact_fields = {name: _flatten(model) for name, model in FACT_MODELS.items()}
        self.documents = sa.Table(
            "documents",
            md,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            *[
                sa.Column(
                    f.column,
                    _sql_type(f.annotation),
                    nullable=f.nullable,
                    unique=f.column == "sha256",
                    index=f.column in _INDEXED["documents"],
                )
                for f in self.document_fields
            ],
            sa.Column("schema_version", sa.String(8), nullable=False),
            sa.Column("source_tag", sa.Text),  # inbox subfolder, e.g. the sending province
            sa.Column("version_key", sa.Text, index=True),  # same số/ký hiệu + issuer → same key
            # The copy's place among the copies of its document (pipeline/store/versions.py).
            sa.Column("group_id", sa.Integer, index=True),  # the document: the id of its first copy
            sa.Column("version", sa.Integer, nullable=False, default=1),
            sa.Column("supersedes_id", sa.Integer, sa.ForeignKey("documents.id")),
            sa.Column("latest", sa.Boolean, nullable=False, default=True, index=True),  # of the current version
            sa.Column("used", sa.Boolean, index=True),  # the copy queries read
            sa.Column("copy_role", sa.String(12)),  # best | copy | fragment, inside its version
            sa.Column("choice", sa.String(12)),  # why it is read or not (a copy.* message)
            sa.Column("reading", sa.String(12)),  # text-layer | docx | text | ocr
            sa.Column("words", sa.Integer),  # folded words of its text: how complete it is
            sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
            *[sa.Column(f"{key}_fold", sa.Text, index=True) for key in _FOLDED_KEYS["documents"]],
            sa.Column("search_text", sa.Text, nullable=False, default=""),
        )
        # Where each metadata field (number, issuer, subject…) was read.
        self.document_evidence = sa.Table(
            "document_evidence",
            md,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column(
                "document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
            ),
            sa.Column("field", sa.String(40), nullable=False),
            *_evidence_columns(False),
        )
        self.pages = sa.Table(
            "pages",
            md,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column(
                "document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
            ),
            *[sa.Column(f.column, _sql_type(f.annotation), nullable=f.nullable) for f in self.page_fields],
            sa.UniqueConstraint("document_id", "number"),
        )
        # Pages kept empty because they could not be read (``Source.page_issues``): the rest of the copy was stored.
        self.page_issue_fields = _flatten(PageIssue)
        self.page_issues = sa.Table(
            "page_issues",
            md,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column(
                "document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
            ),
            *[sa.Column(f.column, _sql_type(f.annotation), nullable=f.nullable) for f in self.page_issue_fields],
        )
        # A sample of each copy's word triples: finds the document a page image or an excerpt belongs to.
        self.shingles = sa.Table(
            "document_shingles",
            md,
            sa.Column(
                "document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
            ),
            sa.Column("hash", sa.BigInteger, nullable=False, index=True),
        )
        self.facts = {name: _fact_table(name, model, md) for name, model in FACT_MODELS.items()}
        # The inbox ledger: one row per file that arrived, and what became of it.
        self.files = sa.Table(
            "files",
            md,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("inbox", sa.Text, nullable=False),
            sa.Column("path", sa.Text, nullable=False),  # relative to the inbox
            sa.Column("sha256", sa.String(64), index=True),  # None when the file could not even be read
            sa.Column("size", sa.BigInteger),
            sa.Column("state", sa.String(12), nullable=False, index=True),
            sa.Column("reason", sa.Text),
            sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id")),
            sa.Column("destination", sa.Text),  # archive or quarantine path, decided at commit
            sa.Column("filed", sa.Boolean, nullable=False, default=False),
            sa.Column("filing_error", sa.Text),  # why the original could not be filed: it waits in the inbox
            sa.Column("attempts", sa.Integer, nullable=False, default=0),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            sa.Index("ix_files_inbox_path", "inbox", "path"),
        )
        # Folders a watcher has watched, so `vanban status` can count the files still waiting there.
        self.inboxes = sa.Table(
            "inboxes",
            md,
            sa.Column("path", sa.Text, primary_key=True),
            sa.Column("watched_at", sa.DateTime(timezone=True), nullable=False),
        )

    def by_name(self) -> dict[str, sa.Table]:
        """Every table of the schema by its SQL name, for the store to look fact tables up."""
        return dict(self.metadata.tables)


# ----------------------------------------------------------------------------------------------
# Row building and rebuilding
# ----------------------------------------------------------------------------------------------


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if obj is None:
            return None
        obj = getattr(obj, name)
    if isinstance(obj, tuple):
        return list(obj)
    return obj.value if isinstance(obj, Enum) else obj


def _search_text(obj: Any, fields: list[_Field]) -> str:
    parts: list[str] = []
    for f in fields:
        if not _is_free_text(f):
            continue
        value = _get(obj, f.path)
        if isinstance(value, list):
            parts += value
        elif value:
            parts.append(value)
    return fold(" | ".join(parts))


def _evidence_values(ev: Evidence | None) -> dict[str, Any]:
    if ev is None:
        return dict.fromkeys(EVIDENCE_COLUMNS)
    return {
        "page": ev.page,
        "start": ev.start,
        "end": ev.end,
        "quote": ev.quote,
        "bbox": list(ev.bbox) if ev.bbox else None,
    }


def _evidence_from(row: Any) -> Evidence | None:
    if row.page is None:
        return None
    return Evidence(
        page=row.page, start=row.start, end=row.end, quote=row.quote, bbox=tuple(row.bbox) if row.bbox else None
    )


def _folded(table: str, values: dict[str, Any]) -> dict[str, Any]:
    return {f"{key}_fold": fold(values[key]) if values.get(key) else None for key in _FOLDED_KEYS.get(table, ())}


def _nest(fields: list[_Field], row: Any) -> dict[str, Any]:
    """Column values → the nested dict pydantic validates (a nested model with no values is None)."""
    out: dict[str, Any] = {}
    for f in fields:
        target = out
        for name in f.path[:-1]:
            target = target.setdefault(name, {})
        target[f.path[-1]] = getattr(row, f.column)
    for key, value in out.items():
        if isinstance(value, dict) and all(v is None for v in value.values()):
            out[key] = None
    return out


def version_key(meta: DocumentMeta) -> str | None:
    """The key of copies that are one document by their header alone: the same số/ký hiệu from
    the same issuer (every province's People's Committee issues a "15/KH-UBND"). Documents
    without a number are matched by kind, issuer, date and a similar subject (``versions``)."""
    issuer = meta.issuer or (meta.jurisdiction.province if meta.jurisdiction else None)
    return versions.number_key(meta.number, issuer)


@dataclass(frozen=True)
class Saved:
    """What storing one extraction did: a new document, another copy of a known one, a new
    version of a known one, or nothing (the same bytes)."""

    document_id: int
    status: Literal["stored", "copy", "new-version", "duplicate"]
    version: int = 1
    supersedes_id: int | None = None
    group_id: int | None = None  # the document this copy belongs to
    used_id: int | None = None  # the copy its queries read
    choice: str | None = None  # why this copy is read or not (a copy.* message)

    def describe(self) -> str:
        """One line for the user saying what storing did, and which copy of the document is read."""
        if self.status == "duplicate":
            return t("store.duplicate", id=self.document_id)
        if self.status == "stored":
            return t("store.stored", id=self.document_id)
        said = t(
            f"store.{self.status}",
            id=self.document_id,
            group=self.group_id,
            version=self.version,
            supersedes=self.supersedes_id,
        )
        return f"{said}; {t(f'copy.{self.choice}')}" + (
            "" if self.used_id == self.document_id else f" (#{self.used_id})"
        )


class Store:
    """One database of extractions. ``engine`` and ``tables`` are public for query modules.

    ``create``: make the database (and its folder) when it does not exist; otherwise a missing
    SQLite file, or a server's database without vanban's tables, is an error (``StoreUnavailable``),
    never an empty store made in passing."""

    def __init__(self, url: str | None = None, create: bool = True) -> None:
        self.url = database_url(url)
        path = sqlite_file(self.url)
        if path is not None and not path.exists():
            if not create:
                raise _missing(self.url)
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine: Engine = sa.create_engine(self.url)
        except (ImportError, sa.exc.NoSuchModuleError) as e:  # no driver installed for the URL's engine
            raise StoreUnavailable(t("store.no_driver", url=shown_url(self.url), error=e)) from e
        dialects.prepare(self.engine)
        self.schema = Tables()
        self.tables: dict[str, sa.Table] = self.schema.by_name()
        try:
            if not create and path is None and not migrations.is_store(self.engine):
                raise _missing(self.url)  # a server's database without vanban's tables is not made one in passing
            migrations.upgrade(self.engine, self.schema.metadata)
        except sa.exc.DatabaseError as e:  # unreachable, refused, or a file that is not a database
            raise StoreUnavailable(t("store.unreachable", url=shown_url(self.url), error=e.orig)) from e
        # SQLite's FTS5 tables, by fact kind (queries read them); empty on engines searched otherwise
        self.fulltext = dialects.create_word_indexes(self.engine, self.schema.facts)
        self.regroup()

    @classmethod
    def read_only(cls, url: str | None = None) -> Store:
        """The database opened for reading only (the web app): SQLite through a ``mode=ro`` URI, so
        no statement of this process can write even by mistake; any other engine in read-only
        transactions (give it a read-only role too). Nothing is created, migrated or regrouped:
        a database an older vanban made is read after the next ingest has brought it up to date."""
        store = cls.__new__(cls)
        store.url = database_url(url)
        path = sqlite_file(store.url)
        if path is not None:
            if not path.exists():
                raise _missing(store.url)
            store.engine = sa.create_engine(
                f"sqlite:///file:{path.resolve().as_posix()}?mode=ro&uri=true",
                connect_args={"check_same_thread": False},
            )
            sa.event.listen(store.engine, "connect", _sqlite_read_pragmas)
        elif make_url(store.url).get_backend_name() == "postgresql":
            options = "-c default_transaction_read_only=on"
            store.engine = sa.create_engine(store.url, connect_args={"options": options})
        else:
            store.engine = sa.create_engine(store.url)
        store.schema = Tables()
        store.tables = store.schema.by_name()
        try:
            present = set(sa.inspect(store.engine).get_table_names())
        except sa.exc.OperationalError as e:
            raise StoreUnavailable(t("store.unreachable", url=shown_url(store.url), error=e.orig)) from e
        store.fulltext = {kind: f"{kind}_fts" for kind in dialects.FULLTEXT_KINDS if f"{kind}_fts" in present}
        return store

    @property
    def shown_url(self) -> str:
        """The database's URL as it may be printed (``vanban status``)."""
        return shown_url(self.url)

    def begin(self):
        """A transaction: ``with store.begin() as conn: store.save(..., conn=conn)``."""
        return self.engine.begin()

    def find_by_hash(self, conn: Connection, sha256: str) -> int | None:
        """The id of the document stored from a file with these bytes, or None: the same bytes are never extracted
        and stored twice."""
        docs = self.schema.documents
        return conn.execute(sa.select(docs.c.id).where(docs.c.sha256 == sha256)).scalar()

    def save(
        self, extraction: Extraction, conn: Connection, document: Document | None = None, source_tag: str | None = None
    ) -> Saved:
        """Insert one copy and all its facts inside the caller's transaction, and place it among
        the copies of its document (the same bytes are never stored twice, even by two workers at once)."""
        dialects.serialize(conn, extraction.source.sha256)
        existing = self.find_by_hash(conn, extraction.source.sha256)
        if existing is not None:
            return Saved(existing, "duplicate")
        docs = self.schema.documents
        source = extraction.source
        text_words = versions.words(document.text) if document is not None else None
        values = {f.column: _get(extraction, ("source", *f.path)) for f in _flatten(Source)}
        values |= {f.column: _get(extraction.document, f.path) for f in _flatten(DocumentMeta)}
        values |= {
            "schema_version": extraction.schema_version,
            "source_tag": source_tag,
            "version_key": version_key(extraction.document),
            "version": 1,
            "latest": True,
            "used": True,
            "reading": versions.reading_of(source.media_type, source.ocr),
            "words": None if text_words is None else len(text_words),
            "ingested_at": datetime.now(UTC),
            "search_text": _search_text(extraction.document, _flatten(DocumentMeta)),
        } | _folded("documents", values)
        inserted = conn.execute(docs.insert().values(**values)).inserted_primary_key
        assert inserted is not None  # a single-row INSERT always reports the key it created
        document_id = inserted[0]
        self._insert_evidence(conn, document_id, extraction.document)
        if source.page_issues:
            conn.execute(
                self.schema.page_issues.insert(),
                [
                    {"document_id": document_id}
                    | {f.column: _get(issue, f.path) for f in self.schema.page_issue_fields}
                    for issue in source.page_issues
                ],
            )
        if document is not None:
            self._insert_pages(conn, document_id, document)
        for name, table in self.schema.facts.items():
            fields = self.schema.fact_fields[name]
            rows = []
            for position, fact in enumerate(getattr(extraction, name)):
                row = {f.column: _get(fact, f.path) for f in fields}
                row |= _folded(name, row) | _evidence_values(fact.evidence)
                row |= {"document_id": document_id, "position": position, "search_text": _search_text(fact, fields)}
                rows.append(row)
            if rows:
                conn.execute(table.insert(), rows)
        return self._place(conn, self._copy(conn, document_id, text_words))

    # ------------------------------------------------------------------------------------------
    # Copies, versions and the copy read
    # ------------------------------------------------------------------------------------------

    def _copy(self, conn: Connection, document_id: int, text_words: tuple[str, ...] | None = None) -> Copy:
        """A stored row as ``versions`` sees it (its words read back from its pages when not given)."""
        docs = self.schema.documents
        row = conn.execute(sa.select(docs).where(docs.c.id == document_id)).one()
        if text_words is None:
            pages = self.schema.pages
            texts = conn.execute(
                sa.select(pages.c.text).where(pages.c.document_id == document_id).order_by(pages.c.number)
            ).scalars()
            joined = PAGE_SEPARATOR.join(texts)
            text_words = versions.words(joined) if joined else None
        copy = _header(row)
        copy.words, copy.signature = text_words, self._signature(conn, document_id)
        return copy

    def _signature(self, conn: Connection, document_id: int) -> frozenset:
        """The facts that make a copy's content: targets, deadlines, and who must do what."""
        f = self.schema.facts
        targets = conn.execute(
            sa.select(f["targets"].c.value, f["targets"].c.unit, f["targets"].c.year).where(
                f["targets"].c.document_id == document_id
            )
        )
        dues = conn.execute(sa.select(f["deadlines"].c.due).where(f["deadlines"].c.document_id == document_id))
        bodies = conn.execute(
            sa.select(f["obligations"].c.agency_fold, f["obligations"].c.role).where(
                f["obligations"].c.document_id == document_id
            )
        )
        return frozenset(
            [("target", *r) for r in targets] + [("due", *r) for r in dues] + [("body", *r) for r in bodies]
        )

    def _group_of(self, conn: Connection, copy: Copy, sample: set[int]) -> int | None:
        """The document ``copy`` is a copy of: by số/ký hiệu and issuer, else by header, else by text."""
        docs = self.schema.documents
        grouped = docs.c.group_id.is_not(None) & (docs.c.id != copy.id)
        key = conn.execute(sa.select(docs.c.version_key).where(docs.c.id == copy.id)).scalar()
        if key is not None:
            found = conn.execute(
                sa.select(docs.c.group_id).where(grouped, docs.c.version_key == key).order_by(docs.c.id)
            ).first()
            if found:
                return found.group_id
        if copy.kind and copy.issuer:
            query = sa.select(docs).where(
                grouped,
                docs.c.kind == copy.kind,
                docs.c.issuer_fold == fold(copy.issuer),
                docs.c.issued_on.is_(None) if copy.issued_on is None else docs.c.issued_on == copy.issued_on,
            )
            if copy.number:  # another number is another document; a copy whose number was not read may match
                query = query.where(sa.or_(docs.c.number.is_(None), docs.c.number_fold == fold(copy.number)))
            for row in conn.execute(query.order_by(docs.c.id)):
                other = _header(row)
                if versions.same_header(copy, other) and not versions.contradicts(copy, other):
                    return row.group_id
        return self._group_by_text(conn, copy, sample)

    def _group_by_text(self, conn: Connection, copy: Copy, sample: set[int]) -> int | None:
        """A copy whose header does not name its document (a page image, an excerpt): the
        document whose text contains it, if no header field contradicts; or a document of pages
        without a header stored before, whose text this one contains. A copy with a header never
        joins a document none of whose copies has one (the decision quoted whole in a
        consolidated text stays a document of its own)."""
        needed = versions.RULES["candidate_shared_min"]
        if len(sample) < needed:
            return None
        sh, docs = self.schema.shingles, self.schema.documents
        shared = sa.func.count().label("shared")
        candidates = conn.execute(  # a few shared triples make a candidate; the texts decide
            sa.select(docs, shared)
            .join(sh, docs.c.id == sh.c.document_id)
            .where(sh.c.hash.in_(sorted(sample)), docs.c.group_id.is_not(None), docs.c.id != copy.id)
            .group_by(docs.c.id)
            .having(shared >= needed)
            .order_by(shared.desc())
            .limit(versions.RULES["candidates_max"])
        ).all()
        part_of_it, best, best_rank = not (copy.number or copy.subject), None, (0.0, False)
        for row in candidates:
            other = _header(row)
            # The sample is a fixed share of the words: far too few shared triples for the smaller
            # text to be contained in the larger, or a contradicting header, and the texts need not be read.
            smaller = min(len(sample), (row.words or 0) / versions.RULES["shingle_sample"])
            if row.shared < versions.RULES["candidate_shared_share"] * smaller or versions.contradicts(copy, other):
                continue
            headed = not self._headerless_group(conn, row.group_id)
            inside = copy.size <= (row.words or 0) and (headed or part_of_it)  # a document with a header is
            around = not headed  # never a part of a text without one; pages without one are a part of the whole
            if not (inside or around):
                continue
            other = self._copy(conn, row.id)
            share = versions.containment(copy, other) if inside else 0.0
            if around:
                share = max(share, versions.containment(other, copy))
            if share >= versions.RULES["contained_min"] and (share, headed) > best_rank:
                best, best_rank = row.group_id, (share, headed)  # on a tie, the document with a header
        return best

    def _headerless_group(self, conn: Connection, group_id: int) -> bool:
        """No copy of the document has its header read (only pages without one arrived so far)."""
        docs = self.schema.documents
        headed = sa.select(docs.c.id).where(
            docs.c.group_id == group_id, sa.or_(docs.c.number.is_not(None), docs.c.subject.is_not(None))
        )
        return conn.execute(headed.limit(1)).first() is None

    def _place(self, conn: Connection, copy: Copy) -> Saved:
        """Put ``copy`` in its document's group and version, and decide again which copy of the
        group queries read (every row of the group is rewritten)."""
        docs = self.schema.documents
        sample = versions.shingles(copy.words) if copy.words else set()
        if sample:
            conn.execute(self.schema.shingles.insert(), [{"document_id": copy.id, "hash": h} for h in sample])
        group_id = self._group_of(conn, copy, sample)
        members = []
        if group_id is not None:
            ids = conn.execute(sa.select(docs.c.id).where(docs.c.group_id == group_id, docs.c.id != copy.id)).scalars()
            members = [self._copy(conn, i) for i in ids]
            copy.version = versions.assign_version(copy, members)
        else:
            group_id, copy.version = copy.id, 1
        new_version = copy.version not in {m.version for m in members}
        placements = versions.arrange([*members, copy])
        for copy_id, placed in placements.items():
            conn.execute(
                docs.update()
                .where(docs.c.id == copy_id)
                .values(
                    group_id=group_id,
                    version=placed.version,
                    latest=placed.latest,
                    used=placed.used,
                    copy_role=placed.role,
                    choice=placed.choice,
                    supersedes_id=placed.supersedes_id,
                )
            )
        mine = placements[copy.id]
        used_id = next(i for i, p in placements.items() if p.used)
        if not members:
            return Saved(copy.id, "stored", group_id=group_id, used_id=used_id, choice=mine.choice)
        status: Literal["copy", "new-version"] = "new-version" if new_version else "copy"
        superseded = next((p.supersedes_id for p in placements.values() if p.used), None)
        return Saved(copy.id, status, mine.version, superseded, group_id, used_id, mine.choice)

    def regroup(self) -> int:
        """Place the copies an older vanban stored without a group (in the order they arrived);
        returns how many."""
        docs = self.schema.documents
        with self.engine.begin() as conn:
            waiting = conn.execute(sa.select(docs.c.id).where(docs.c.group_id.is_(None)).order_by(docs.c.id)).scalars()
            ids = list(waiting)
            for document_id in ids:
                copy = self._copy(conn, document_id)
                row = conn.execute(sa.select(docs).where(docs.c.id == document_id)).one()
                conn.execute(
                    docs.update()
                    .where(docs.c.id == document_id)
                    .values(
                        version_key=versions.number_key(row.number, row.issuer or row.jurisdiction_province),
                        reading=copy.reading,
                        words=copy.size if copy.words is not None else None,
                    )
                )
                self._place(conn, copy)
        return len(ids)

    def _insert_evidence(self, conn: Connection, document_id: int, meta: DocumentMeta) -> None:
        rows = [
            {"document_id": document_id, "field": field} | _evidence_values(ev) for field, ev in meta.evidence.items()
        ]
        if rows:
            conn.execute(self.schema.document_evidence.insert(), rows)

    def _insert_pages(self, conn: Connection, document_id: int, document: Document) -> None:
        rows = [
            {"document_id": document_id} | {f.column: _get(page, f.path) for f in self.schema.page_fields}
            for page in document.pages
        ]
        conn.execute(self.schema.pages.insert(), rows)

    def load_extraction(self, document_id: int) -> Extraction:
        """Rebuild the Extraction stored for ``document_id`` (facts in their original order)."""
        s = self.schema
        with self.engine.connect() as conn:
            doc = conn.execute(sa.select(s.documents).where(s.documents.c.id == document_id)).first()
            if doc is None:
                raise KeyError(f"no document #{document_id}")
            source = _nest(_flatten(Source), doc)
            issues = s.page_issues
            source["page_issues"] = [
                _nest(s.page_issue_fields, row)
                for row in conn.execute(
                    sa.select(issues).where(issues.c.document_id == document_id).order_by(issues.c.id)
                )
            ]
            meta = _nest(_flatten(DocumentMeta), doc)
            meta["evidence"] = {
                row.field: _evidence_from(row)
                for row in conn.execute(
                    sa.select(s.document_evidence)
                    .where(s.document_evidence.c.document_id == document_id)
                    .order_by(s.document_evidence.c.id)
                )
            }
            facts: dict[str, list[dict[str, Any]]] = {}
            for name, table in s.facts.items():
                rows = conn.execute(
                    sa.select(table).where(table.c.document_id == document_id).order_by(table.c.position)
                )
                facts[name] = [_nest(s.fact_fields[name], row) | {"evidence": _evidence_from(row)} for row in rows]
        return Extraction.model_validate(
            {"schema_version": doc.schema_version, "source": source, "document": meta, **facts}
        )

    def document_count(self) -> int:
        """How many document rows the database holds, every version counted."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(self.schema.documents)).scalar_one()

    def fact_counts(self, document_id: int) -> dict[str, int]:
        """How many rows of each fact kind one document has."""
        with self.engine.connect() as conn:
            return {
                name: conn.execute(
                    sa.select(sa.func.count()).select_from(table).where(table.c.document_id == document_id)
                ).scalar_one()
                for name, table in self.schema.facts.items()
            }


def _header(row: Any) -> Copy:
    """A ``documents`` row's header as ``versions`` compares it (no text, no facts)."""
    return Copy(
        id=row.id,
        kind=row.kind,
        number=row.number,
        issuer=row.issuer,
        issued_on=row.issued_on,
        subject=row.subject,
        media_type=row.media_type,
        reading=row.reading or versions.reading_of(row.media_type, row.ocr),
        pages=row.pages,
        words=None,
        version=row.version if row.group_id is not None else 0,
    )


def _sqlite_read_pragmas(dbapi_connection, _record) -> None:
    """A reader waits out the watcher's short write locks and refuses any write of its own."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()
