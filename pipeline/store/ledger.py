"""The ledger of every file that arrived in an inbox (hash, state, destination), in the same
database as the facts. Rows are committed before any file moves, and the decision for a file is
committed together with its facts, so a watcher killed at any moment and started again finishes
each file exactly once."""

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pipeline.store import dialects
from pipeline.store.db import Store


class LedgerState(StrEnum):
    """Where a file stands in the ledger. The values are stored in the database (``files.state``)
    and printed by ``vanban status --json``: never rename them."""

    PROCESSING = "processing"  # claimed; its fate is not decided yet (a crash leaves it so)
    PROCESSED = "processed"  # its facts are stored
    DUPLICATE = "duplicate"  # the same bytes were stored before
    QUARANTINED = "quarantined"  # it could not be read; the reason is kept

    @property
    def final(self) -> bool:
        """True once the file's fate is decided (only moving the original may remain)."""
        return self is not LedgerState.PROCESSING


FINAL_STATES = tuple(s for s in LedgerState if s.final)


@dataclass
class Entry:
    """One ledger row: a file that arrived in an inbox."""

    id: int
    path: str
    sha256: str | None
    state: LedgerState
    reason: str | None
    document_id: int | None
    destination: str | None
    attempts: int
    filing_error: str | None = None  # why the original could not be filed (it waits in the inbox)


class Journal:
    """The ledger of arrived files, kept in the store's database (table ``files``)."""

    def __init__(self, store: Store, inbox: Path) -> None:
        self.store = store
        self.table = store.schema.files
        self.inbox = str(Path(inbox).resolve())

    def exclusive(self, relative: str) -> AbstractContextManager[bool]:
        """Hold the file at ``relative`` against other workers on this inbox from claim to filing
        (True), or learn that one holds it (False): many workers on one PostgreSQL store handle each
        file once. The hold ends with the block, or with its worker."""
        return dialects.exclusive(self.store.engine, f"{self.inbox}\0{relative}")

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
                        state=LedgerState.PROCESSING,
                        attempts=1,
                        filed=False,
                        updated_at=_now(),
                    )
                ).inserted_primary_key[0]
                return Entry(new_id, relative, sha256, LedgerState.PROCESSING, None, None, None, 1)
            conn.execute(t.update().where(t.c.id == entry.id).values(attempts=t.c.attempts + 1, updated_at=_now()))
        entry.attempts += 1
        return entry

    def decide(
        self,
        conn: Connection,
        entry: Entry,
        state: LedgerState,
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

    def withdraw(self, entry: Entry) -> None:
        """Remove the claim of bytes that are no longer the file's (it changed while it was read):
        nothing was decided for them, and the file's next bytes get their own entry."""
        t = self.table
        with self.store.begin() as conn:
            conn.execute(t.delete().where(t.c.id == entry.id, t.c.state == LedgerState.PROCESSING))

    def mark_filed(self, entry: Entry) -> None:
        """Record that the original is where its entry says (the last step of a file)."""
        with self.store.begin() as conn:
            conn.execute(
                self.table.update()
                .where(self.table.c.id == entry.id)
                .values(filed=True, filing_error=None, updated_at=_now())
            )

    def not_filed(self, entry: Entry, reason: str) -> bool:
        """Record why the original could not be filed (it stays in the inbox); True when the
        same reason was recorded already (the same file met again by a rescan)."""
        t = self.table
        with self.store.begin() as conn:
            before = conn.execute(sa.select(t.c.filing_error).where(t.c.id == entry.id)).scalar()
            conn.execute(t.update().where(t.c.id == entry.id).values(filing_error=reason, updated_at=_now()))
        return before == reason

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
        """Remember this inbox as watched, so ``vanban status`` counts the files waiting in it."""
        t = self.store.schema.inboxes
        with self.store.begin() as conn:
            dialects.serialize(conn, f"watch {self.inbox}")  # two watchers starting at once on PostgreSQL
            conn.execute(t.delete().where(t.c.path == self.inbox))
            conn.execute(t.insert().values(path=self.inbox, watched_at=_now()))


def _entry(row) -> Entry:
    return Entry(
        row.id,
        row.path,
        row.sha256,
        LedgerState(row.state),
        row.reason,
        row.document_id,
        row.destination,
        row.attempts,
        row.filing_error,
    )


def _now() -> datetime:
    return datetime.now(UTC)
