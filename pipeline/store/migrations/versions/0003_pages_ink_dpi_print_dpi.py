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
    inspector = sa.inspect(op.get_bind())
    present = {c["name"] for c in inspector.get_columns("pages", schema=inspector.default_schema_name)}
    missing = [name for name in ("ink_dpi", "print_dpi") if name not in present]  # a store made in between has them
    if missing:
        with op.batch_alter_table("pages", schema=None) as batch_op:
            for name in missing:
                batch_op.add_column(sa.Column(name, sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_column("print_dpi")
        batch_op.drop_column("ink_dpi")
