"""Pages keep how a scan was sized: the resolution its letters show (``ink_dpi``) and the one it was read by
(``print_dpi``), both empty on pages that were not OCR'd and on rows stored before.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ink_dpi", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("print_dpi", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_column("print_dpi")
        batch_op.drop_column("ink_dpi")
