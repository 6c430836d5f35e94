"""Page issues (pages kept empty, with why) and the obligations' covering index (the web app's list).

Both may already exist: vanban versions made between the baseline and this revision created them
at open without a revision, so each is made only when missing.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COVERING = ("ix_obligations_covering", "obligations", ["document_id", "role", "due", "agency_fold", "agency"])


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    schema = inspector.default_schema_name
    if not inspector.has_table("page_issues", schema=schema):
        op.create_table(
            "page_issues",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("document_id", sa.Integer(), nullable=False),
            sa.Column("page", sa.Integer(), nullable=False),
            sa.Column("kind", sa.String(length=11), nullable=False),
            sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        )
    if "ix_page_issues_document_id" not in {i["name"] for i in inspector.get_indexes("page_issues", schema=schema)}:
        op.create_index("ix_page_issues_document_id", "page_issues", ["document_id"], unique=False)
    name, table, columns = COVERING
    if name not in {i["name"] for i in inspector.get_indexes(table, schema=schema)}:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    op.drop_index(COVERING[0], table_name=COVERING[1])
    op.drop_table("page_issues")
