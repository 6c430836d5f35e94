"""What ``vanban status`` shows: which database and data directory it reads, the ledger's counts,
the last quarantined files and their reasons, the files that could not be filed (still in the
inbox, with why), the files still waiting in the watched inboxes, and the documents with the
copies that queries do not read, and the pages that could not be read in the copies stored — nothing
is set aside without a line here saying so."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from pipeline.ingest.file_filter import FileFilter
from pipeline.ingest.runner import shown
from pipeline.messages import label, page_issue, reason, t
from pipeline.settings import settings
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
    stuck: list[dict[str, str]] = field(default_factory=list)  # decided, but still in the inbox: why
    database: str = ""
    home: str = ""
    documents: int = 0  # documents (each read from one of its copies)
    copies: int = 0  # files stored
    not_read: dict[str, int] = field(default_factory=dict)  # copies queries do not read, by why
    unread_pages: list[dict] = field(default_factory=list)  # pages kept empty in the last copies that have any
    copies_with_unread_pages: int = 0

    def as_dict(self) -> dict:
        """The JSON of ``vanban status --json`` (its keys are a contract with scripts: add, never rename)."""
        return {
            "processed": self.processed,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
            "pending": self.pending,
            "last_errors": self.last_errors,
            "stuck": self.stuck,
            "database": self.database,
            "home": self.home,
            "documents": self.documents,
            "copies": self.copies,
            "copies_not_read": self.not_read,
            "unread_pages": self.unread_pages,
            "copies_with_unread_pages": self.copies_with_unread_pages,
        }

    def lines(self) -> list[str]:
        """What ``vanban status`` prints without ``--json``, in the reader's language: a section only
        where there is something to say, each listed file on a line of its own."""
        lines = [
            t("status.database", database=self.database),
            t("status.home", home=self.home),
            t(
                "status.counts",
                processed=self.processed,
                duplicates=self.duplicates,
                quarantined=self.quarantined,
                pending=self.pending,
            ),
            t("status.documents", documents=self.documents, copies=self.copies),
        ]
        if self.not_read:
            why = ", ".join(f"{n} {label('choice', choice)}" for choice, n in sorted(self.not_read.items()))
            lines.append(t("status.not_read", n=sum(self.not_read.values()), why=why))
        if self.unread_pages:
            lines.append(t("status.unread_pages", n=self.copies_with_unread_pages))
        lines += [f"  #{u['document']}  {shown(Path(u['file']))}: {u['reason']}" for u in self.unread_pages]
        if self.stuck:
            lines.append(t("status.stuck", n=len(self.stuck)))
        lines += [f"  {s['at']}  {shown(Path(s['file']))}: {s['reason']}" for s in self.stuck]
        if self.last_errors:
            lines.append(t("status.last_errors"))
        lines += [f"  {e['at']}  {shown(Path(e['file']))}: {e['reason']}" for e in self.last_errors]
        return lines


def status(store: Store, last: int = 5) -> Status:
    """Counts from the ledger; pending = files being processed plus files waiting in watched inboxes."""
    t, docs = store.schema.files, store.schema.documents
    with store.engine.connect() as conn:
        counts: dict[str, int] = dict(conn.execute(sa.select(t.c.state, sa.func.count()).group_by(t.c.state)).all())
        errors = conn.execute(
            sa.select(t.c.path, t.c.reason, t.c.destination, t.c.updated_at)
            .where(t.c.state == LedgerState.QUARANTINED)
            .order_by(t.c.id.desc())
            .limit(last)
        ).all()
        stuck = conn.execute(
            sa.select(t.c.inbox, t.c.path, t.c.state, t.c.filing_error, t.c.updated_at)
            .where(t.c.filing_error.is_not(None), t.c.filed.is_(False))
            .order_by(t.c.id)
        ).all()
        inboxes = conn.execute(sa.select(store.schema.inboxes.c.path)).scalars().all()
        copies = conn.execute(sa.select(docs.c.used, docs.c.choice)).all()
        unread, partial = _unread_pages(store, conn, last)
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
                "reason": reason(r.reason or ""),
                "moved_to": r.destination or "",
                "at": r.updated_at.isoformat(timespec="seconds"),
            }
            for r in errors
        ],
        stuck=[
            {
                "file": str(Path(r.inbox) / r.path),
                "state": r.state,
                "reason": reason(r.filing_error),
                "at": r.updated_at.isoformat(timespec="seconds"),
            }
            for r in stuck
        ],
        database=store.shown_url,
        home=str(settings().home),
        documents=sum(1 for used, _ in copies if used),
        copies=len(copies),
        not_read=dict(Counter(choice or "" for used, choice in copies if not used)),
        unread_pages=unread,
        copies_with_unread_pages=partial,
    )


def _unread_pages(store: Store, conn: sa.Connection, last: int) -> tuple[list[dict], int]:
    """The pages kept empty in the ``last`` copies stored with any (newest first), each with its reason; and how
    many copies have such pages in all."""
    issues, docs = store.schema.page_issues, store.schema.documents
    partial = conn.execute(sa.select(sa.func.count(sa.distinct(issues.c.document_id)))).scalar_one()
    newest = sa.select(issues.c.document_id).distinct().order_by(issues.c.document_id.desc()).limit(last).subquery()
    rows = conn.execute(
        sa.select(issues.c.document_id, issues.c.page, issues.c.kind, docs.c.path)
        .join(docs, docs.c.id == issues.c.document_id)
        .where(issues.c.document_id.in_(sa.select(newest.c.document_id)))
        .order_by(issues.c.document_id.desc(), issues.c.page)
    ).all()
    return [
        {
            "document": r.document_id,
            "file": r.path,
            "page": r.page,
            "kind": r.kind,
            "reason": page_issue(r.page, r.kind),
        }
        for r in rows
    ], partial
