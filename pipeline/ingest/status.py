"""What ``vanban status`` shows: the ledger's counts, the last quarantined files and their
reasons, and the files still waiting in the watched inboxes."""

from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from pipeline.ingest.file_filter import FileFilter
from pipeline.store.db import Store
from pipeline.store.ledger import LedgerState


@dataclass
class Status:
    """What `vanban status` shows."""

    processed: int
    duplicates: int
    quarantined: int
    pending: int
    last_errors: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The JSON of ``vanban status --json`` (its keys are a contract with scripts)."""
        return {
            "processed": self.processed,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
            "pending": self.pending,
            "last_errors": self.last_errors,
        }


def status(store: Store, last: int = 5) -> Status:
    """Counts from the ledger; pending = files being processed plus files waiting in watched inboxes."""
    t = store.schema.files
    with store.engine.connect() as conn:
        counts: dict[str, int] = dict(conn.execute(sa.select(t.c.state, sa.func.count()).group_by(t.c.state)).all())
        errors = conn.execute(
            sa.select(t.c.path, t.c.reason, t.c.destination, t.c.updated_at)
            .where(t.c.state == LedgerState.QUARANTINED)
            .order_by(t.c.id.desc())
            .limit(last)
        ).all()
        inboxes = conn.execute(sa.select(store.schema.inboxes.c.path)).scalars().all()
    file_filter = FileFilter()
    waiting = sum(1 for inbox in inboxes if Path(inbox).is_dir() for _ in file_filter.scan(Path(inbox)))
    return Status(
        processed=counts.get(LedgerState.PROCESSED, 0),
        duplicates=counts.get(LedgerState.DUPLICATE, 0),
        quarantined=counts.get(LedgerState.QUARANTINED, 0),
        pending=max(waiting, counts.get(LedgerState.PROCESSING, 0)),
        last_errors=[
            {
                "file": r.path,
                "reason": r.reason or "",
                "moved_to": r.destination or "",
                "at": r.updated_at.isoformat(timespec="seconds"),
            }
            for r in errors
        ],
    )
