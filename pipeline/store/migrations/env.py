"""Alembic's environment: the revisions run on the connection ``migrations`` hands over."""

from alembic import context

from pipeline.store.migrations import configure

configure(context)
