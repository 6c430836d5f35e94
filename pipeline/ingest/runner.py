"""Ingestion of one file, as stage functions: hash → claim → read → extract → commit → file.

``ingest_one`` composes them as plain calls (``vanban ingest|watch --no-prefect``); ``flows.py``
composes the same functions as Prefect tasks (retries, the text layer cached by hash, runs in the
UI). Both hand their per-file composition to the same drivers, ``ingest_folder`` and ``watch_inbox``.

Exactly once: a file is claimed in the ledger before any work; its fate is committed in the same
transaction as its facts, together with where the original will go; the original moves only after
that commit, and a restart that finds a decided file still in the inbox just finishes the move.
Whatever goes wrong with one file ends as a quarantined file with a reason, never as an exception
that stops a batch or the watcher.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa

from pipeline.errors import OcrEngineUnavailable, UnreadableDocument
from pipeline.ingest.file_filter import FileFilter
from pipeline.ingest.filer import Filer
from pipeline.ingest.watcher import Watcher
from pipeline.messages import reason, reason_en, t
from pipeline.settings import settings
from pipeline.store.db import Store
from pipeline.store.ledger import Entry, Journal, LedgerState
from schemas.document import Document
from schemas.extraction import Extraction

log = logging.getLogger("vanban.ingest")


class OutcomeState(StrEnum):
    """What became of one file, printed by ``vanban ingest``: its fate in the ledger (the first three,
    ``LedgerState`` values), or a case that is no fate of its own (each named beside it)."""

    PROCESSED = LedgerState.PROCESSED.value
    DUPLICATE = LedgerState.DUPLICATE.value
    QUARANTINED = LedgerState.QUARANTINED.value
    UNCHANGED = "unchanged"  # named again on the command line: already stored, left where it is
    VANISHED = "vanished"  # taken out of the inbox before it could be read: nothing to record
    STUCK = "stuck"  # decided, but the original could not be filed: it stays in the inbox, the reason in the ledger
    ELSEWHERE = "elsewhere"  # another worker on the same store holds it: left to that worker
    CHANGED = "changed"  # written to while it was read (or, read early, not readable yet): read again once it rests


@dataclass
class Outcome:
    """What became of one file."""

    path: Path
    state: OutcomeState
    message: str
    document_id: int | None = None
    destination: Path | None = None
    pages: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    repeated: bool = False  # the same outcome as the last attempt (a stuck file met again): not worth a new log line

    def line(self, name: Path | None = None) -> str:
        """One line for a person: the state, the file (``name``, else its path) and what became of it."""
        shown_name = shown(name or self.path)
        return t("ingest.line", state=t(f"outcome.{self.state}"), name=shown_name, message=self.message)

    def line_with_facts(self) -> str:
        """``line``, and for a file read now its pages and facts by kind (what ``vanban ingest`` prints)."""
        line = self.line()
        if self.pages:
            facts = ", ".join(f"{n} {t(f'kind.{kind}')}" for kind, n in self.facts.items() if n)
            line += t("cli.pages_facts", pages=self.pages, facts=facts or t("cli.no_facts"))
        return line


@dataclass(frozen=True)
class Job:
    """A file claimed for processing: its ledger entry exists, its fate is not yet decided."""

    path: Path
    relative: Path
    sha256: str
    size: int
    entry: Entry
    signature: tuple[int, int] = (0, 0)  # (size, mtime in ns) when claimed: a write since means other bytes


@dataclass(frozen=True)
class Decision:
    """A file whose fate is committed in the ledger (``entry``: state, destination); only
    filing the original remains — which a restart after a crash also does."""

    path: Path
    entry: Entry
    message: str
    pages: int = 0
    facts: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# The stages that need no ledger
# ---------------------------------------------------------------------------------------------


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


WARM_UP = Path(__file__).parent / "data" / "warm_up"


def warm_up(ocr_workers: bool) -> None:
    """Load now what the first file would otherwise wait for: the spaCy pipeline and the tables of
    the extractors, OCR's word lists and, with ``ocr_workers``, this process's OCR workers with their
    model (one small page read on them). A service's first scan took 41 s against 4.5 s for the
    same page read warm, measured under a load average of 8 (bench.service)."""
    from pipeline.ocr.page import warm_up as load_ocr_tables
    from pipeline.read.load import document_from_text

    extract_facts(document_from_text(WARM_UP.with_suffix(".txt").read_text(encoding="utf-8")))
    load_ocr_tables()  # OcrEngineUnavailable when the machine has no Tesseract or no ``vie``
    if ocr_workers:
        page = WARM_UP.with_suffix(".png")
        read_document(page, hash_file(page))


# Errors of a name or a place that the same call will meet again: a name too long or illegal
# there, a read-only or full disk.
PERMANENT_ERRNOS = {
    errno.ENAMETOOLONG,
    errno.EILSEQ,
    errno.EINVAL,
    errno.EROFS,
    errno.ENOSPC,
    errno.EDQUOT,
    errno.ELOOP,
}


def is_transient(error: BaseException) -> bool:
    """Whether trying the same step again may help: an I/O error that can pass by itself (a
    share that blinked) or a database that is locked or unreachable — not a bad file, a file
    taken away or a permission refused, and not a bug."""
    if isinstance(error, sa.exc.OperationalError):
        return True
    permanent = (FileNotFoundError, FileExistsError, PermissionError, IsADirectoryError, NotADirectoryError)
    if not isinstance(error, OSError) or isinstance(error, permanent):
        return False
    return error.errno not in PERMANENT_ERRNOS


# ---------------------------------------------------------------------------------------------
# The stages that keep the ledger
# ---------------------------------------------------------------------------------------------


class Ingestor:
    """The ledger work for files under ``inbox``: claim, reject, commit, file.

    Each method is one stage and returns what the next one takes; ``ingest_one`` (here and in
    ``flows.py``) says in which order.

    Facts are kept only if the file did not change while it was read (its size, mtime and hash
    still those claimed). ``rest`` makes an early reader, for the watcher that reads a file as
    soon as it appears: its facts are kept once the file has also not been written for ``rest``
    seconds (a pause between two chunks of a slow copy is no end: waiting out the remainder costs
    nothing for a scan whose OCR took longer), and a file it cannot read may be half-written: it
    is left to be read again once it rests, never quarantined."""

    def __init__(
        self, store: Store, filer: Filer, inbox: Path, max_attempts: int | None = None, rest: float | None = None
    ) -> None:
        self.store = store
        self.filer = filer
        self.inbox = Path(inbox)
        self.journal = Journal(store, inbox)
        self.max_attempts = settings().max_attempts if max_attempts is None else max_attempts
        self.rest = rest

    def unreachable(self, path: Path, error: OSError) -> Decision | Outcome:
        """A file that could not be hashed: gone (nothing to record) or unreadable (quarantined)."""
        if isinstance(error, FileNotFoundError):
            return Outcome(path, OutcomeState.VANISHED, t("ingest.vanished"))
        if self.early:
            return Outcome(path, OutcomeState.CHANGED, t("ingest.changed"))
        return self._quarantine(path, self._relative(path), None, None, _unreadable_reason(error))

    def claim(self, path: Path, sha256: str) -> Job | Decision | Outcome:
        """Decide whether the file needs reading (a Job, its ledger entry committed first), is
        decided already (a duplicate, a file that keeps killing the reader, one committed before
        a crash) or needs nothing at all."""
        relative = self._relative(path)
        try:
            st = path.stat()
        except FileNotFoundError:
            return Outcome(path, OutcomeState.VANISHED, t("ingest.vanished"))
        except OSError as e:
            return self._quarantine(path, relative, sha256, None, _unreadable_reason(e))
        entry = self.journal.unfiled(relative.as_posix(), sha256)
        if entry is not None and entry.state.final:
            return _decided(path, entry)
        with self.store.engine.connect() as conn:
            known = self.store.find_by_hash(conn, sha256)
        if known is not None:
            return self._duplicate(path, relative, sha256, st.st_size, known)
        entry = self.journal.start(relative.as_posix(), sha256, st.st_size)
        if entry.attempts > self.max_attempts:
            stopped = reason_en("reason.stopped", times=entry.attempts - 1)
            return self._quarantine(path, relative, sha256, st.st_size, stopped, entry)
        return Job(path, relative, sha256, st.st_size, entry, (st.st_size, st.st_mtime_ns))

    def reject(self, job: Job, error: Exception) -> Decision | Outcome:
        """Quarantine a file the text layer or the extractors could not handle; one that changed
        meanwhile, or was read early, is left to be read again once it rests."""
        if self.early or self.changed(job):
            return self.withdraw(job)
        if isinstance(error, UnreadableDocument):
            why = error.reason
        else:
            log.error(t("log.internal_error", name=shown(job.path)), exc_info=error)
            why = reason_en("reason.internal", error=f"{type(error).__name__}: {error}")
        return self._quarantine(job.path, job.relative, job.sha256, job.size, why, job.entry)

    def commit(self, job: Job, document: Document, extraction: Extraction) -> Decision | Outcome:
        """Store the facts and decide the archive path in one transaction, unless the file changed
        while it was read (then nothing is kept, and it is read again once it rests).

        Idempotent, so that a retry after a failure past the commit stores nothing twice."""
        decided = self.journal.unfiled(job.relative.as_posix(), job.sha256)
        if decided is not None and decided.state.final:
            return _decided(job.path, decided)
        if self.changed(job):
            return self.withdraw(job)
        destination = self.filer.archive_destination(job.path.name, job.sha256)
        stored_path = str(job.path.resolve() if self.filer.keep_originals else destination)
        extraction = extraction.model_copy(
            update={"source": extraction.source.model_copy(update={"path": stored_path})}
        )
        try:
            with self.store.begin() as conn:
                saved = self.store.save(extraction, conn, document, source_tag=_source_tag(job.relative))
                state = LedgerState.DUPLICATE if saved.status == "duplicate" else LedgerState.PROCESSED
                self.journal.decide(conn, job.entry, state, destination, saved.document_id)
        except (sa.exc.IntegrityError, sa.exc.DataError) as e:  # rows this database refuses: a bug, not an outage
            return self.reject(job, e)
        entry = replace(job.entry, state=state, destination=str(destination), document_id=saved.document_id)
        return Decision(
            job.path, entry, saved.describe(), len(document.pages), self.store.fact_counts(saved.document_id)
        )

    @property
    def early(self) -> bool:
        """Whether files are read before they rest (``rest``)."""
        return self.rest is not None

    def changed(self, job: Job) -> bool:
        """Whether the file is no longer the bytes claimed: its size or mtime moved, or its bytes
        hash otherwise (a write within the mtime's resolution). A file taken away meanwhile has no
        newer bytes: what was read is kept. An early reader first waits until the file's last
        write is ``rest`` seconds old."""
        if self.rest is not None:
            written_ago = time.time() - job.signature[1] / 1e9
            time.sleep(max(0.0, min(self.rest, self.rest - written_ago)))
        try:
            st = job.path.stat()
            return (st.st_size, st.st_mtime_ns) != job.signature or hash_file(job.path) != job.sha256
        except FileNotFoundError:
            return False
        except OSError:  # unreadable now: met again, it is quarantined with the reason
            return True

    def withdraw(self, job: Job) -> Outcome:
        """Forget the claim of bytes that were not the whole file: nothing of them is kept."""
        self.journal.withdraw(job.entry)
        return Outcome(job.path, OutcomeState.CHANGED, t("ingest.changed"))

    def file(self, decision: Decision) -> Outcome:
        """Put the original where its committed entry says (also what a restart does after a crash).

        Raises the OSError of a move that failed: the flows retry what may pass by itself (a share
        that blinked), and ``stuck`` records the last one."""
        destination = self._file(decision.path, decision.entry)
        return Outcome(
            decision.path,
            OutcomeState(decision.entry.state),
            decision.message,
            decision.entry.document_id,
            destination,
            decision.pages,
            decision.facts,
        )

    def stuck(self, decision: Decision, error: OSError) -> Outcome:
        """The original could not be filed: it stays in the inbox, the real reason in the ledger
        (``vanban status`` lists it) and in the log once; the next file goes on."""
        why = reason_en("reason.cannot_file", error=_os_error(error), destination=decision.entry.destination or "")
        repeated = self.journal.not_filed(decision.entry, why)
        log.debug("cannot file %s", decision.path, exc_info=error)
        return Outcome(
            decision.path,
            OutcomeState.STUCK,
            t("ingest.stuck", decided=decision.message, reason=reason(why)),
            decision.entry.document_id,
            repeated=repeated,
        )

    def _relative(self, path: Path) -> Path:
        return path.relative_to(self.inbox) if path.is_relative_to(self.inbox) else Path(path.name)

    def _duplicate(self, path: Path, relative: Path, sha256: str, size: int, document_id: int) -> Decision | Outcome:
        message = t("store.duplicate", id=document_id)
        if self.filer.keep_originals:  # re-running `vanban ingest` on the same files
            return Outcome(path, OutcomeState.UNCHANGED, message, document_id)
        entry = self.journal.start(relative.as_posix(), sha256, size)
        destination = self.filer.archive_destination(path.name, sha256)
        with self.store.begin() as conn:
            self.journal.decide(conn, entry, LedgerState.DUPLICATE, destination, document_id)
        return _decided(
            path,
            replace(entry, state=LedgerState.DUPLICATE, destination=str(destination), document_id=document_id),
        )

    def _quarantine(
        self, path: Path, relative: Path, sha256: str | None, size: int | None, reason: str, entry: Entry | None = None
    ) -> Decision:
        entry = entry or self.journal.start(relative.as_posix(), sha256, size)
        destination = self.filer.quarantine_destination(relative)
        with self.store.begin() as conn:
            self.journal.decide(conn, entry, LedgerState.QUARANTINED, destination, reason=reason)
        return _decided(
            path, replace(entry, state=LedgerState.QUARANTINED, reason=reason, destination=str(destination))
        )

    def _file(self, path: Path, entry: Entry) -> Path | None:
        """Put the original where its committed entry says; None when it cannot go there."""
        destination = Path(entry.destination or "")
        if entry.state == LedgerState.QUARANTINED:
            why = entry.reason or ""
            try:
                self.filer.write_reason(destination, Path(entry.path), reason(why, "vi"), reason(why, "en"))
            except OSError as e:  # the reason stays in the ledger and in `vanban status`
                if entry.filing_error is None:  # said once, not at every rescan
                    log.warning(
                        t("log.note_failed", name=shown(path), folder=destination.parent, error=reason(_os_error(e)))
                    )
        placed: Path | None
        try:
            placed = self.filer.place(path, destination)
        except FileNotFoundError:
            if path.exists():
                raise
            log.warning(t("log.taken_before_filing", name=shown(path)))
            placed = None
        except OSError:
            if not (self.filer.keep_originals and entry.state == LedgerState.QUARANTINED):
                raise
            placed = None  # a file named on the command line that cannot even be copied stays put
        self.journal.mark_filed(entry)
        return placed


def _decided(path: Path, entry: Entry) -> Decision:
    """The Decision for an entry whose fate is committed, with the message that says it."""
    message = {
        LedgerState.PROCESSED: t("ingest.decided.processed", id=entry.document_id),
        LedgerState.DUPLICATE: t("ingest.decided.duplicate", id=entry.document_id),
        LedgerState.QUARANTINED: reason(entry.reason or ""),
    }[entry.state]
    return Decision(path, entry, message)


def _source_tag(relative: Path) -> str | None:
    """The inbox subfolder a file was dropped into (e.g. the sending province)."""
    parent = relative.parent.as_posix()
    return None if parent == "." else parent


def _unreadable_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return reason_en("reason.permission")
    return reason_en("reason.disk", error=_os_error(e))


def _os_error(e: OSError) -> str:
    return e.strerror or str(e)


def shown(path: Path) -> str:
    """A file's name for a log line or a terminal: control characters (a newline in a name) written out."""
    return "".join(c.encode("unicode_escape").decode() if unicodedata.category(c) == "Cc" else c for c in str(path))


# ---------------------------------------------------------------------------------------------
# One file, many files, a watched folder
# ---------------------------------------------------------------------------------------------

IngestOne = Callable[[Ingestor, Path, Executor | None], Outcome]


def ingest_one(ingestor: Ingestor, path: Path, executor: Executor | None = None) -> Outcome:
    """One file through every stage as plain calls: what ``flows.ingest_one`` does with tasks."""
    path = Path(path)
    step: Job | Decision | Outcome
    try:
        sha256 = hash_file(path)
    except OSError as error:
        step = ingestor.unreachable(path, error)
    else:
        step = ingestor.claim(path, sha256)
    if isinstance(step, Outcome):
        return step
    if isinstance(step, Job):
        try:
            document = read_document(step.path, step.sha256, executor)
            extraction = extract_facts(document)
        except OcrEngineUnavailable:
            raise  # the machine cannot OCR: no file is to blame, none is quarantined
        except Exception as error:  # one bad file (or a bug on it) must not stop the others
            step = ingestor.reject(step, error)
        else:
            step = ingestor.commit(step, document, extraction)
        if isinstance(step, Outcome):  # changed while it was read
            return step
    try:
        return ingestor.file(step)
    except OSError as error:  # the original cannot be filed: it waits in the inbox, the reason recorded
        return ingestor.stuck(step, error)


def exclusively(ingest_one: IngestOne, ingestor: Ingestor, path: Path, executor: Executor | None) -> Outcome:
    """``ingest_one`` while no other worker on the store holds the file; one held elsewhere is
    left to its holder (its outcome is not ours to record)."""
    with ingestor.journal.exclusive(ingestor._relative(Path(path)).as_posix()) as mine:
        if not mine:
            return Outcome(Path(path), OutcomeState.ELSEWHERE, t("ingest.elsewhere"))
        return ingest_one(ingestor, path, executor)


def ingest_path(
    path: Path,
    root: Path,
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    keep_originals: bool = True,
    executor: Executor | None = None,
    ingest_one: IngestOne = ingest_one,
) -> Outcome:
    """One file by its path alone, on whichever machine runs it (a Dask worker): only paths and
    names travel, never images; the worker opens the database and the folders itself, so they
    must be shared. Its pages are OCR'd on ``executor`` (``ClusterPages``: spread over the cluster),
    else on the worker's own process pool. The store is opened once per worker process, not per file."""
    ingestor = Ingestor(worker_store(db), make_filer(archive, quarantine, keep_originals), Path(root))
    return exclusively(ingest_one, ingestor, Path(path), executor)


@lru_cache(maxsize=4)
def worker_store(db: str | None) -> Store:
    """The store at ``db``, opened once in this process: opening checks and applies the schema's migrations
    (Alembic), which a worker taking file after file must not pay for every file."""
    return Store(db)


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


def make_filer(archive: Path | None, quarantine: Path | None, keep_originals: bool) -> Filer:
    """The filer for the given folders, else the settings' (``$VANBAN_HOME/archive``, ``/quarantine``)."""
    current = settings()
    return Filer(archive or current.archive, quarantine or current.quarantine, keep_originals=keep_originals)


def ingest_folder(
    paths: list[Path],
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    keep_originals: bool = True,
    on_outcome: Callable[[Outcome], object] | None = None,
    ingest_one: IngestOne = ingest_one,
) -> list[Outcome]:
    """Files and folders named by the user, one file at a time through ``ingest_one``;
    ``on_outcome`` hears of each file as soon as it is done (a progress bar).

    The pages of each scan are OCR'd in parallel on this process's OCR workers, which outlive a file and hold
    each page to its deadline (``pipeline.ocr.workers``); a process pool of our own here would have neither, and
    one child deadlocked at fork would hold the batch's end."""
    store, filer = Store(db), make_filer(archive, quarantine, keep_originals)
    ingestors: dict[Path, Ingestor] = {}
    outcomes = []
    for root, file in expand(paths):
        ingestor = ingestors.setdefault(root, Ingestor(store, filer, root))
        outcomes.append(exclusively(ingest_one, ingestor, file, None))
        if on_outcome:
            on_outcome(outcomes[-1])
    return outcomes


def watch_inbox(
    inbox: Path,
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    settle: float | None = None,
    rescan: float | None = None,
    ingest_one: IngestOne = ingest_one,
) -> None:
    """Watch ``inbox`` until interrupted, each settled file through ``ingest_one``; first
    finish whatever a killed watcher left half-filed. ``settle`` and ``rescan`` default to the
    settings."""
    warm_up(ocr_workers=True)  # OcrEngineUnavailable: stop now rather than leave every scan unread
    inbox = Path(inbox)
    filer = make_filer(archive, quarantine, keep_originals=False)
    ingestor = Ingestor(Store(db), filer, inbox)
    ingestor.journal.reconcile()
    ingestor.journal.register_watch()
    log.info(t("log.watching", inbox=inbox, archive=filer.archive, quarantine=filer.quarantine))

    rest = settings().watch_settle if settle is None else settle
    early = Ingestor(ingestor.store, filer, inbox, rest=rest)

    def attempt(reader: Ingestor, path: Path) -> bool:
        """One file; False when it changed while it was read (it is read again once it rests).
        Whatever goes wrong with it is logged and the watcher goes on (a database that is gone
        stops it: no file can be recorded then); an early read that fails waits for the rest."""
        try:
            outcome = exclusively(ingest_one, reader, path, None)
        except sa.exc.OperationalError:
            raise
        except Exception as error:
            if reader.early:
                return False
            log.error(t("log.file_failed", name=shown(path), error=f"{type(error).__name__}: {error}"))
            return True
        if outcome.state == OutcomeState.CHANGED:
            log.debug("%s", outcome.line(ingestor._relative(path)))
            return False
        if not outcome.repeated:
            level = logging.WARNING if outcome.state == OutcomeState.STUCK else logging.INFO
            log.log(level, outcome.line(ingestor._relative(path)))
        return True

    watcher = Watcher(
        inbox,
        lambda path: attempt(ingestor, path),
        settle=settle,
        rescan=rescan,
        handle_early=lambda path: attempt(early, path),
    )
    with watcher.stopping_on_signals():
        watcher.run()
    log.info(t("log.watch_stopped"))
