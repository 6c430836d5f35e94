"""Ingestion of one file, as plain functions: hash → text layer → extraction → one transaction → file.

``flows.py`` runs the same ``Ingestor`` with Prefect tasks in place of the plain steps (for
retries, caching by hash and the UI); the watcher and ``vanban ingest --no-prefect`` use the
plain steps. Whatever goes wrong with one file ends as a quarantined file with a reason, never
as an exception that stops a batch or the watcher.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import sqlalchemy as sa

from pipeline.errors import UnreadableDocument
from pipeline.ingest.file_filter import FileFilter
from pipeline.ingest.filer import Filer
from pipeline.ingest.watcher import Watcher
from pipeline.store.db import Store, vanban_home
from pipeline.store.ledger import DUPLICATE, FINAL_STATES, PROCESSED, QUARANTINED, Entry, Journal
from schemas.document import Document
from schemas.extraction import Extraction

log = logging.getLogger("vanban.ingest")

VANISHED = "vanished"  # taken out of the inbox before it could be read: nothing to record

# A file that killed the process this many times (out of memory on a giant image…) is quarantined.
MAX_ATTEMPTS = 3


def hash_file(path: Path) -> str:
    """SHA-256 of the file's bytes: the identity of a document version everywhere in vanban."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_document(path: Path, sha256: str, executor: Executor | None = None) -> Document:
    """The text layer (OCR'd pages run in parallel on ``executor``). ``sha256`` is the cache key
    the flows use: the same bytes read the same."""
    from pipeline.read.load import load_document

    return load_document(path, executor=executor, sha256=sha256)


def extract_facts(document: Document) -> Extraction:
    """Segmentation and every extractor: the facts with their evidence."""
    from extractors import extract
    from pipeline.text.segment import segment

    return extract(segment(document))


@dataclass
class Outcome:
    """What became of one file."""

    path: Path
    state: str  # processed | duplicate | quarantined | unchanged | vanished
    message: str
    document_id: int | None = None
    destination: Path | None = None
    pages: int = 0
    facts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Job:
    """A file claimed for processing: its ledger entry exists, its fate is not yet decided."""

    path: Path
    relative: Path
    sha256: str
    size: int
    entry: Entry


def commit(ingestor: Ingestor, job: Job, document: Document, extraction: Extraction) -> Outcome:
    return ingestor.commit(job, document, extraction)


@dataclass(frozen=True)
class Steps:
    """The stages a file goes through; flows pass Prefect-task versions of the same functions."""

    hash: Callable[[Path], str] = hash_file
    read: Callable[[Path, str], Document] = read_document
    extract: Callable[[Document], Extraction] = extract_facts
    commit: Callable[[Ingestor, Job, Document, Extraction], Outcome] = commit


def default_archive() -> Path:
    return vanban_home() / "archive"


def default_quarantine() -> Path:
    return vanban_home() / "quarantine"


class Ingestor:
    """Ingests files that live under ``inbox`` into ``store`` and files their originals.

    Order matters for exactly-once: the ledger entry and all rows are committed in one
    transaction that also records where the original will go; only then is it moved. A
    restart that finds a decided file still in the inbox just finishes the move."""

    def __init__(self, store: Store, filer: Filer, inbox: Path, steps: Steps = Steps()) -> None:
        self.store = store
        self.filer = filer
        self.inbox = Path(inbox)
        self.journal = Journal(store, inbox)
        self.steps = steps

    def ingest(self, path: Path) -> Outcome:
        """Take one file all the way: stored and archived, or quarantined with its reason."""
        claimed = self.claim(Path(path))
        if isinstance(claimed, Outcome):
            return claimed
        try:
            document = self.steps.read(claimed.path, claimed.sha256)
            extraction = self.steps.extract(document)
        except Exception as e:  # one bad file (or a bug on it) must not stop the others
            return self.reject(claimed, e)
        try:
            return self.steps.commit(self, claimed, document, extraction)
        except (sa.exc.IntegrityError, sa.exc.DataError) as e:  # rows this database refuses: a bug, not an outage
            return self.reject(claimed, e)

    def claim(self, path: Path) -> Job | Outcome:
        """Hash the file and decide whether it needs reading; the Outcome when it does not."""
        relative = path.relative_to(self.inbox) if path.is_relative_to(self.inbox) else Path(path.name)
        try:
            size = path.stat().st_size
            sha256 = self.steps.hash(path)
        except FileNotFoundError:
            return Outcome(path, VANISHED, "the file was taken away before it could be read")
        except OSError as e:
            return self._quarantine(path, relative, None, None, _unreadable_reason(e))
        entry = self.journal.unfiled(relative.as_posix(), sha256)
        if entry is not None and entry.state in FINAL_STATES:
            return self._finish_filing(path, entry)
        with self.store.engine.connect() as conn:
            known = self.store.find_by_hash(conn, sha256)
        if known is not None:
            return self._duplicate(path, relative, sha256, size, known)
        entry = self.journal.start(relative.as_posix(), sha256, size)
        if entry.attempts > MAX_ATTEMPTS:
            return self._quarantine(
                path,
                relative,
                sha256,
                size,
                (
                    f"vanban stopped {entry.attempts - 1} times while reading this file (it may be far too large "
                    "or damaged); it was set aside so the other files can go on"
                ),
                entry,
            )
        return Job(path, relative, sha256, size, entry)

    def reject(self, job: Job, error: Exception) -> Outcome:
        """Quarantine a file the text layer or the extractors could not handle."""
        if isinstance(error, UnreadableDocument):
            reason = error.reason
        else:
            log.error("internal error on %s", job.path, exc_info=error)
            reason = (
                f"vanban failed on this file because of an internal error ({type(error).__name__}: "
                f"{error}); please report it together with this file"
            )
        return self._quarantine(job.path, job.relative, job.sha256, job.size, reason, job.entry)

    def commit(self, job: Job, document: Document, extraction: Extraction) -> Outcome:
        """Store the facts and decide the archive path in one transaction, then move the original.

        Idempotent, so that a retry after a failed move finishes the move instead of storing again."""
        decided = self.journal.unfiled(job.relative.as_posix(), job.sha256)
        if decided is not None and decided.state in FINAL_STATES:
            return self._finish_filing(job.path, decided)
        destination = self.filer.archive_destination(job.path.name, job.sha256)
        stored_path = str(job.path.resolve() if self.filer.keep_originals else destination)
        extraction = extraction.model_copy(
            update={"source": extraction.source.model_copy(update={"path": stored_path})}
        )
        with self.store.begin() as conn:
            saved = self.store.save(extraction, conn, document, source_tag=_source_tag(job.relative))
            state = DUPLICATE if saved.status == "duplicate" else PROCESSED
            self.journal.decide(conn, job.entry, state, destination, saved.document_id)
        destination = self._file(job.path, replace(job.entry, state=state, destination=str(destination)))
        return Outcome(
            job.path,
            state,
            saved.describe(),
            saved.document_id,
            destination,
            len(document.pages),
            self.store.fact_counts(saved.document_id),
        )

    def _duplicate(self, path: Path, relative: Path, sha256: str, size: int, document_id: int) -> Outcome:
        message = f"already stored as document #{document_id} (same SHA-256): nothing changed"
        if self.filer.keep_originals:  # re-running `vanban ingest` on the same files
            return Outcome(path, "unchanged", message, document_id)
        entry = self.journal.start(relative.as_posix(), sha256, size)
        destination = self.filer.archive_destination(path.name, sha256)
        with self.store.begin() as conn:
            self.journal.decide(conn, entry, DUPLICATE, destination, document_id)
        destination = self._file(path, replace(entry, state=DUPLICATE, destination=str(destination)))
        return Outcome(
            path,
            DUPLICATE,
            f"duplicate of document #{document_id}: archived, not processed again",
            document_id,
            destination,
        )

    def _quarantine(
        self, path: Path, relative: Path, sha256: str | None, size: int | None, reason: str, entry: Entry | None = None
    ) -> Outcome:
        entry = entry or self.journal.start(relative.as_posix(), sha256, size)
        destination = self.filer.quarantine_destination(relative)
        with self.store.begin() as conn:
            self.journal.decide(conn, entry, QUARANTINED, destination, reason=reason)
        return self._finish_filing(path, replace(entry, state=QUARANTINED, reason=reason, destination=str(destination)))

    def _finish_filing(self, path: Path, entry: Entry) -> Outcome:
        """Move a file whose fate is already committed (also what a restart does after a crash)."""
        destination = self._file(path, entry)
        message = {
            PROCESSED: f"stored as document #{entry.document_id}",
            DUPLICATE: f"duplicate of document #{entry.document_id}: archived, not processed again",
            QUARANTINED: f"quarantined: {entry.reason}",
        }[entry.state]
        return Outcome(path, entry.state, message, entry.document_id, destination)

    def _file(self, path: Path, entry: Entry) -> Path | None:
        """Put the original where its committed entry says; None when it cannot go there."""
        destination = Path(entry.destination)
        if entry.state == QUARANTINED:
            self.filer.write_reason(destination, Path(entry.path), entry.reason or "")
        try:
            destination = self.filer.place(path, destination)
        except FileNotFoundError:
            if path.exists():
                raise
            log.warning("%s was taken away before it could be filed; its rows are kept", path)
            destination = None
        except OSError:
            if not (self.filer.keep_originals and entry.state == QUARANTINED):
                raise
            destination = None  # a file named on the command line that cannot even be copied stays put
        self.journal.mark_filed(entry)
        return destination


def _source_tag(relative: Path) -> str | None:
    """The inbox subfolder a file was dropped into (e.g. the sending province)."""
    parent = relative.parent.as_posix()
    return None if parent == "." else parent


def _unreadable_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "the file cannot be opened: permission denied (ask IT to give vanban read access)"
    return f"the file cannot be read from disk ({e.strerror or e})"


def expand(paths: Iterable[Path], file_filter: FileFilter | None = None) -> Iterator[tuple[Path, Path]]:
    """(inbox root, file) for every file named or found under a named folder; a folder is its
    files' root so that its subfolders become source tags."""
    file_filter = file_filter or FileFilter()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in sorted(file_filter.scan(path)):
                yield path, file
        else:
            yield path.parent, path


def ingest_paths(
    files: list[tuple[Path, Path]],
    store: Store,
    filer: Filer,
    steps: Steps = Steps(),
    on_done: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Ingest ``(root, file)`` pairs from ``expand``, one file at a time.

    Files go one by one; the pages of each scan are OCR'd in parallel on one process pool
    shared by the whole batch."""
    outcomes = []
    ingestors: dict[Path, Ingestor] = {}
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        steps = replace(steps, read=partial(steps.read, executor=pool))
        for root, file in files:
            ingestor = ingestors.setdefault(root, Ingestor(store, filer, root, steps))
            outcomes.append(ingestor.ingest(file))
            if on_done:
                on_done(outcomes[-1])
    return outcomes


def watch(
    inbox: Path, store: Store, filer: Filer, steps: Steps = Steps(), settle: float = 2.0, rescan: float = 30.0
) -> None:
    """Watch ``inbox`` until interrupted; first finish whatever a killed watcher left half-filed."""
    ingestor = Ingestor(store, filer, inbox, steps)
    ingestor.journal.reconcile()
    ingestor.journal.register_watch()
    log.info("watching %s (archive: %s, quarantine: %s)", inbox, filer.archive, filer.quarantine)
    Watcher(inbox, lambda path: _log_outcome(ingestor.ingest(path)), settle=settle, rescan=rescan).run()


def _log_outcome(outcome: Outcome) -> Outcome:
    log.info("%s %s: %s", outcome.state, outcome.path.name, outcome.message)
    return outcome


def make_filer(archive: Path | None, quarantine: Path | None, keep_originals: bool) -> Filer:
    return Filer(archive or default_archive(), quarantine or default_quarantine(), keep_originals=keep_originals)
