"""page issues and the obligations covering index

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "page_issues",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=11), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("page_issues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_page_issues_document_id"), ["document_id"], unique=False)

    with op.batch_alter_table("obligations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_obligations_covering", ["document_id", "role", "due", "agency_fold", "agency"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("obligations", schema=None) as batch_op:
        batch_op.drop_index("ix_obligations_covering")

    with op.batch_alter_table("page_issues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_page_issues_document_id"))

    op.drop_table("page_issues")
