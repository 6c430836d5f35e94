"""The obligations' order indexes (the web app's keyset pages): one per sort of the list, on the
very expression the list sorts by, then id, then the columns it filters by, so a page walks an
index and stops after its rows instead of sorting every filtered row (docs/benchmarks.md, Web app).

The expressions are written out as they stand in ``db.sort_keys`` today: a revision keeps the
schema of its day. SQLite uses an expression index only for the identical expression, so they must
stay equal to what ``queries`` sorts by; ``tests/test_store.py`` reads the query plans.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

DUE = (
    "coalesce(CASE WHEN (length(due) = 4) THEN due || '-12-31' "
    "WHEN (length(due) = 7) THEN due || '-31' ELSE due END, '')"
)
ORDERS: dict[str, str | sa.TextClause] = {
    "ix_obligations_by_due": sa.text(DUE),
    "ix_obligations_by_agency": sa.text("coalesce(agency_fold, '')"),
    "ix_obligations_by_role": sa.text("coalesce(role, '')"),
    "ix_obligations_by_document": "document_id",
}
FILTERED = ["id", "document_id", "role", "due", "agency_fold", "agency"]


def upgrade() -> None:
    for name, key in ORDERS.items():
        columns: list[str | sa.TextClause] = [key, *(c for c in FILTERED if c != key)]
        op.create_index(name, "obligations", columns, unique=False, if_not_exists=True)


def downgrade() -> None:
    for name in ORDERS:
        op.drop_index(name, table_name="obligations")
