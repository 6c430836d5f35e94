"""The database of extracted facts: tables generated from the pydantic models in ``schemas/``.

The models are the single source of truth, so the tables are built by walking their fields:
scalars become columns, nested models (signer, jurisdiction…) are flattened with a prefix,
lists become JSON text, and every fact row carries its ``document_id`` and the evidence
columns ``page``/``start``/``end``/``quote``/``bbox`` — any fact leads back to its document,
page and quote with one join. ``search_text`` holds ``fold()`` of a row's free-text fields so
a diacritic-insensitive filter is a plain LIKE, and the columns people filter on have
``*_fold`` twins with indexes.

SQL stays portable (SQLAlchemy Core, no dialect-specific types); SQLite gets WAL so a watcher
can write while auditors read. What counts as "the same document" lives here too: the same
bytes (SHA-256) are never stored twice, and the same số/ký hiệu from the same issuer with
different bytes is stored as a new version that supersedes the old one.
"""

from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.engine import Connection, Engine

from pipeline.settings import settings
from pipeline.text import fold
from schemas.document import Document, Page
from schemas.extraction import EVIDENCE_COLUMNS, FACT_MODELS, DocumentMeta, Evidence, Extraction, Source

# Fact kinds with a full-text index on SQLite (auditors filter them by words).
FULLTEXT_KINDS = ("obligations", "targets", "deadlines")
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
_INDEXED: dict[str, tuple[str, ...]] = {
    "documents": ("kind", "issued_on"),
    "obligations": ("due", "role"),
    "deadlines": ("due",),
    "targets": ("year",),
}


def database_url(url: str | None = None) -> str:
    """``url``, else the settings' (``$VANBAN_DB``, else the embedded SQLite file in ``$VANBAN_HOME``)."""
    if url:
        return url
    current = settings()
    if not current.database_url:
        current.home.mkdir(parents=True, exist_ok=True)
    return current.database


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
    return sa.Table(name, metadata, *columns)


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
            sa.Column("version", sa.Integer, nullable=False, default=1),
            sa.Column("supersedes_id", sa.Integer, sa.ForeignKey("documents.id")),
            sa.Column("latest", sa.Boolean, nullable=False, default=True, index=True),
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
    """Which documents are versions of one another: the same số/ký hiệu from the same issuer.

    The number alone is not enough: every province's People's Committee issues a "15/KH-UBND".
    A document whose number is blank (drafts, 'Số - CV/TU') is known by its kind, issuer, date
    and subject instead, so its scan and its typed copy are versions of one document."""
    issuer = meta.issuer or (meta.jurisdiction.province if meta.jurisdiction else None) or ""
    if meta.number:
        return f"{fold(meta.number)}|{fold(issuer)}"
    if meta.kind and issuer and meta.subject:
        words = " ".join(re.findall(r"[a-z0-9]+", fold(meta.subject)))
        return f"{fold(meta.kind)}|{fold(issuer)}|{meta.issued_on or ''}|{words}"
    return None


@dataclass(frozen=True)
class Saved:
    """What storing one extraction did."""

    document_id: int
    status: Literal["stored", "new-version", "duplicate"]
    version: int = 1
    supersedes_id: int | None = None

    def describe(self) -> str:
        """One line for the user saying what storing did: stored, a new version superseding an older one, or nothing
        for a file already stored."""
        if self.status == "duplicate":
            return f"already stored as document #{self.document_id} (same SHA-256): nothing changed"
        if self.status == "new-version":
            return f"stored as document #{self.document_id}, version {self.version} (supersedes #{self.supersedes_id})"
        return f"stored as document #{self.document_id}"


class Store:
    """One database of extractions. ``engine`` and ``tables`` are public for query modules."""

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self.engine: Engine = sa.create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self.schema = Tables()
        self.tables: dict[str, sa.Table] = self.schema.by_name()
        self.schema.metadata.create_all(self.engine)
        self.fulltext = self._create_fulltext() if self.engine.dialect.name == "sqlite" else {}

    def _create_fulltext(self) -> dict[str, str]:
        """SQLite FTS5 indexes over the folded text of the fact tables people search, kept in step
        by triggers: a word filter over 100,000 rows is then an index look-up, not a scan.
        Other engines fall back to LIKE on the same folded columns (see pipeline/queries.py)."""
        names = {}
        with self.engine.begin() as conn:
            for kind in FULLTEXT_KINDS:
                table, fts = self.schema.facts[kind], f"{kind}_fts"
                columns = [
                    c for c in (*[f"{k}_fold" for k in _FOLDED_KEYS.get(kind, ())], "search_text") if c in table.c
                ]
                cols = ", ".join(columns)
                new_cols = ", ".join(f"new.{c}" for c in columns)
                old_cols = ", ".join(f"old.{c}" for c in columns)
                conn.exec_driver_sql(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content='{kind}', content_rowid='id')"
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
        """Insert one document and all its facts inside the caller's transaction.

        The same bytes are never stored twice; a new content under a known số/ký hiệu becomes
        the latest version and the previous one stays, marked as superseded."""
        existing = self.find_by_hash(conn, extraction.source.sha256)
        if existing is not None:
            return Saved(existing, "duplicate")
        docs = self.schema.documents
        key = version_key(extraction.document)
        previous = None
        if key is not None:
            previous = conn.execute(
                sa.select(docs.c.id, docs.c.version).where(docs.c.version_key == key, docs.c.latest)
            ).first()
        values = {f.column: _get(extraction, ("source", *f.path)) for f in _flatten(Source)}
        values |= {f.column: _get(extraction.document, f.path) for f in _flatten(DocumentMeta)}
        version = previous.version + 1 if previous else 1
        values |= {
            "schema_version": extraction.schema_version,
            "source_tag": source_tag,
            "version_key": key,
            "version": version,
            "supersedes_id": previous.id if previous else None,
            "latest": True,
            "ingested_at": datetime.now(UTC),
            "search_text": _search_text(extraction.document, _flatten(DocumentMeta)),
        } | _folded("documents", values)
        if previous:
            conn.execute(docs.update().where(docs.c.id == previous.id).values(latest=False))
        inserted = conn.execute(docs.insert().values(**values)).inserted_primary_key
        assert inserted is not None  # a single-row INSERT always reports the key it created
        document_id = inserted[0]
        self._insert_evidence(conn, document_id, extraction.document)
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
        if previous:
            return Saved(document_id, "new-version", version, previous.id)
        return Saved(document_id, "stored")

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


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets the watcher write while auditors read; the busy timeout waits out short locks."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
