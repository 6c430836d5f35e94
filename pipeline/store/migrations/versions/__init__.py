"""Alembic revisions of the store, one file per schema change, applied in order at open."""
