"""The ledger of every file that arrived in an inbox (hash, state, destination), in the same
database as the facts. Rows are committed before any file moves, and the decision for a file is
committed together with its facts, so a watcher killed at any moment and started again finishes
each file exactly once."""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pipeline.store.db import Store

PROCESSING, PROCESSED, DUPLICATE, QUARANTINED = "processing", "processed", "duplicate", "quarantined"
FINAL_STATES = (PROCESSED, DUPLICATE, QUARANTINED)


@dataclass
class Entry:
    """One ledger row: a file that arrived in an inbox."""

    id: int
    path: str
    sha256: str | None
    state: str
    reason: str | None
    document_id: int | None
    destination: str | None
    attempts: int


class Journal:
    """The ledger of arrived files, kept in the store's database (table ``files``)."""

    def __init__(self, store: Store, inbox: Path) -> None:
        self.store = store
        self.table = store.schema.files
        self.inbox = str(Path(inbox).resolve())

    def unfiled(self, relative: str, sha256: str | None) -> Entry | None:
        """The entry of a file that is still in the inbox: being processed, or decided but not yet moved."""
        t = self.table
        with self.store.engine.connect() as conn:
            row = conn.execute(
                sa.select(t)
                .where(
                    t.c.inbox == self.inbox,
                    t.c.path == relative,
                    t.c.sha256.is_(None) if sha256 is None else t.c.sha256 == sha256,
                    t.c.filed.is_(False),
                )
                .order_by(t.c.id.desc())
            ).first()
        return _entry(row) if row else None

    def start(self, relative: str, sha256: str | None, size: int | None) -> Entry:
        """Record that processing begins (committed at once, so a crash leaves a trace and a count)."""
        entry = self.unfiled(relative, sha256)
        t = self.table
        with self.store.begin() as conn:
            if entry is None:
                new_id = conn.execute(
                    t.insert().values(
                        inbox=self.inbox,
                        path=relative,
                        sha256=sha256,
                        size=size,
                        state=PROCESSING,
                        attempts=1,
                        filed=False,
                        updated_at=_now(),
                    )
                ).inserted_primary_key[0]
                return Entry(new_id, relative, sha256, PROCESSING, None, None, None, 1)
            conn.execute(t.update().where(t.c.id == entry.id).values(attempts=t.c.attempts + 1, updated_at=_now()))
        entry.attempts += 1
        return entry

    def decide(
        self,
        conn: Connection,
        entry: Entry,
        state: str,
        destination: Path | None,
        document_id: int | None = None,
        reason: str | None = None,
    ) -> None:
        """Record the file's fate inside the caller's transaction (the one that commits its facts)."""
        conn.execute(
            self.table.update()
            .where(self.table.c.id == entry.id)
            .values(
                state=state,
                destination=str(destination) if destination else None,
                document_id=document_id,
                reason=reason,
                updated_at=_now(),
            )
        )

    def mark_filed(self, entry: Entry) -> None:
        with self.store.begin() as conn:
            conn.execute(self.table.update().where(self.table.c.id == entry.id).values(filed=True, updated_at=_now()))

    def reconcile(self) -> int:
        """After a crash: entries whose file already left the inbox are filed. Returns how many."""
        t = self.table
        with self.store.begin() as conn:
            rows = conn.execute(
                sa.select(t.c.id, t.c.path).where(
                    t.c.inbox == self.inbox, t.c.filed.is_(False), t.c.state.in_(FINAL_STATES)
                )
            ).all()
            gone = [r.id for r in rows if not (Path(self.inbox) / r.path).exists()]
            if gone:
                conn.execute(t.update().where(t.c.id.in_(gone)).values(filed=True, updated_at=_now()))
        return len(gone)

    def register_watch(self) -> None:
        t = self.store.schema.inboxes
        with self.store.begin() as conn:
            conn.execute(t.delete().where(t.c.path == self.inbox))
            conn.execute(t.insert().values(path=self.inbox, watched_at=_now()))


def _entry(row) -> Entry:
    return Entry(row.id, row.path, row.sha256, row.state, row.reason, row.document_id, row.destination, row.attempts)


def _now() -> datetime:
    return datetime.now(UTC)
