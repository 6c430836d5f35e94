"""Baseline: the store as vanban made it when revisions began (tables generated from the schemas
then, frozen here). Also completes a store made by an earlier vanban, which had no revisions:
its missing tables, columns (all of them nullable then) and indexes are added, as that vanban did
at open.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create what is missing of the baseline schema; nothing that exists is changed."""
    bind = op.get_bind()
    wanted = baseline()
    inspector = sa.inspect(bind)
    schema = inspector.default_schema_name  # the store's own, not a table visible from another schema
    for table in wanted.sorted_tables:
        if not inspector.has_table(table.name, schema=schema):
            table.create(bind)
            continue
        present = {c["name"] for c in inspector.get_columns(table.name, schema=schema)}
        for column in table.columns:
            if column.name not in present:
                op.add_column(table.name, sa.Column(column.name, column.type))
        indexes = {i["name"] for i in inspector.get_indexes(table.name, schema=schema)}
        for index in table.indexes:
            if index.name not in indexes:
                index.create(bind)


def downgrade() -> None:
    """Drop every table of the baseline (and with them every row)."""
    baseline().drop_all(op.get_bind())


def _table(metadata: sa.MetaData, name: str, *items: sa.schema.SchemaItem) -> None:
    sa.Table(name, metadata, *items)


def _index(metadata: sa.MetaData, name: str, table: str, columns: list[str], unique: bool) -> None:
    sa.Index(name, *(metadata.tables[table].c[c] for c in columns), unique=unique)


def baseline() -> sa.MetaData:
    """The tables and indexes of the baseline, as Alembic's autogenerate wrote them."""
    metadata = sa.MetaData()
    _table(
        metadata,
        "documents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("ocr", sa.Boolean(), nullable=False),
        sa.Column("ocr_confidence", sa.Float(), nullable=True),
        sa.Column("encoding_repaired", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("number", sa.Text(), nullable=True),
        sa.Column("issued_on", sa.Text(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("issuer", sa.Text(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("recipients", sa.Text(), nullable=True),
        sa.Column("signer_name", sa.Text(), nullable=True),
        sa.Column("signer_position", sa.Text(), nullable=True),
        sa.Column("signer_capacity", sa.Text(), nullable=True),
        sa.Column("jurisdiction_province", sa.Text(), nullable=True),
        sa.Column("jurisdiction_locality", sa.Text(), nullable=True),
        sa.Column("received_number", sa.Text(), nullable=True),
        sa.Column("received_on", sa.Text(), nullable=True),
        sa.Column("received_by", sa.Text(), nullable=True),
        sa.Column("schema_version", sa.String(length=8), nullable=False),
        sa.Column("source_tag", sa.Text(), nullable=True),
        sa.Column("version_key", sa.Text(), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("latest", sa.Boolean(), nullable=False),
        sa.Column("used", sa.Boolean(), nullable=True),
        sa.Column("copy_role", sa.String(length=12), nullable=True),
        sa.Column("choice", sa.String(length=12), nullable=True),
        sa.Column("reading", sa.String(length=12), nullable=True),
        sa.Column("words", sa.Integer(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issuer_fold", sa.Text(), nullable=True),
        sa.Column("number_fold", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    _index(metadata, "ix_documents_group_id", "documents", ["group_id"], unique=False)
    _index(metadata, "ix_documents_issued_on", "documents", ["issued_on"], unique=False)
    _index(metadata, "ix_documents_issuer_fold", "documents", ["issuer_fold"], unique=False)
    _index(metadata, "ix_documents_kind", "documents", ["kind"], unique=False)
    _index(metadata, "ix_documents_latest", "documents", ["latest"], unique=False)
    _index(metadata, "ix_documents_number_fold", "documents", ["number_fold"], unique=False)
    _index(metadata, "ix_documents_used", "documents", ["used"], unique=False)
    _index(metadata, "ix_documents_version_key", "documents", ["version_key"], unique=False)
    _table(
        metadata,
        "inboxes",
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("watched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("path"),
    )
    _table(
        metadata,
        "citations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("number", sa.Text(), nullable=True),
        sa.Column("issued_on", sa.Text(), nullable=True),
        sa.Column("issuer", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("bbox", sa.Text(), nullable=True),
        sa.Column("number_fold", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index(metadata, "ix_citations_document_id", "citations", ["document_id"], unique=False)
    _index(metadata, "ix_citations_number_fold", "citations", ["number_fold"], unique=False)
    _table(
        metadata,
        "deadlines",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("due", sa.Text(), nullable=False),
        sa.Column("relation", sa.String(length=6), nullable=False),
        sa.Column("recurrence", sa.String(length=11), nullable=True),
        sa.Column("task", sa.Text(), nullable=False),
        sa.Column("agencies", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("bbox", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index(metadata, "ix_deadlines_document_id", "deadlines", ["document_id"], unique=False)
    _index(metadata, "ix_deadlines_due", "deadlines", ["due"], unique=False)
    _table(
        metadata,
        "document_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("bbox", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index(metadata, "ix_document_evidence_document_id", "document_evidence", ["document_id"], unique=False)
    _table(
        metadata,
        "document_shingles",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
    )
    _index(metadata, "ix_document_shingles_document_id", "document_shingles", ["document_id"], unique=False)
    _index(metadata, "ix_document_shingles_hash", "document_shingles", ["hash"], unique=False)
    _table(
        metadata,
        "files",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("inbox", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("destination", sa.Text(), nullable=True),
        sa.Column("filed", sa.Boolean(), nullable=False),
        sa.Column("filing_error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    _index(metadata, "ix_files_inbox_path", "files", ["inbox", "path"], unique=False)
    _index(metadata, "ix_files_sha256", "files", ["sha256"], unique=False)
    _index(metadata, "ix_files_state", "files", ["state"], unique=False)
    _table(
        metadata,
        "national_targets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("province", sa.Text(), nullable=False),
        sa.Column("wards_total", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("percent", sa.Float(), nullable=False),
        sa.Column("carried", sa.Boolean(), nullable=False),
        sa.Column("issues", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("bbox", sa.Text(), nullable=True),
        sa.Column("province_fold", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index(metadata, "ix_national_targets_document_id", "national_targets", ["document_id"], unique=False)
    _index(metadata, "ix_national_targets_province_fold", "national_targets", ["province_fold"], unique=False)
    _table(
        metadata,
        "obligations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("agency", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("task", sa.Text(), nullable=False),
        sa.Column("partners", sa.Text(), nullable=True),
        sa.Column("due", sa.Text(), nullable=True),
        sa.Column("recurrence", sa.String(length=11), nullable=True),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("bbox", sa.Text(), nullable=True),
        sa.Column("agency_fold", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index(metadata, "ix_obligations_agency_fold", "obligations", ["agency_fold"], unique=False)
    _index(metadata, "ix_obligations_document_id", "obligations", ["document_id"], unique=False)
    _index(metadata, "ix_obligations_due", "obligations", ["due"], unique=False)
    _index(metadata, "ix_obligations_role", "obligations", ["role"], unique=False)
    _table(
        metadata,
        "pages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("width", sa.Float(), nullable=True),
        sa.Column("height", sa.Float(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("quality", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "number"),
    )
    _index(metadata, "ix_pages_document_id", "pages", ["document_id"], unique=False)
    _table(
        metadata,
        "targets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("comparator", sa.String(length=2), nullable=False),
        sa.Column("change", sa.String(length=8), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("of", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("recurrence", sa.String(length=11), nullable=True),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("criterion", sa.Integer(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("bbox", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index(metadata, "ix_targets_document_id", "targets", ["document_id"], unique=False)
    _index(metadata, "ix_targets_year", "targets", ["year"], unique=False)
    _table(
        metadata,
        "wards",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("locality", sa.Text(), nullable=True),
        sa.Column("province", sa.Text(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("gazetteer_code", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("bbox", sa.Text(), nullable=True),
        sa.Column("name_fold", sa.Text(), nullable=True),
        sa.Column("province_fold", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index(metadata, "ix_wards_document_id", "wards", ["document_id"], unique=False)
    _index(metadata, "ix_wards_name_fold", "wards", ["name_fold"], unique=False)
    _index(metadata, "ix_wards_province_fold", "wards", ["province_fold"], unique=False)
    return metadata
