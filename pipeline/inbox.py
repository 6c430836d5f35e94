"""The watched folder, built like Paperless-ngx's consumer and hardened by its users' complaints.

Small parts, each testable alone:

- ``FileFilter``: which names are never documents (temporary files, OS and NAS metadata).
- ``FileStabilityTracker``: a file is read only once its size and mtime have not changed for a
  while — scanners and network copies write slowly, and a half-written PDF looks corrupt.
- ``Filer``: where originals go — ``archive/YYYY/MM/<sha256[:12]>-<name>`` after their rows are
  committed, ``quarantine/<subfolder>/<name>`` with a ``.error.txt`` a clerk can read.
- ``Journal``: the ledger of every file that arrived (hash, state, destination) in the same
  database as the facts. Rows are committed before any file moves, and the decision for a
  file is committed together with its facts, so a watcher killed at any moment and started
  again finishes each file exactly once.
- ``Watcher``: events from ``watchfiles`` plus a periodic full rescan, because network shares
  often deliver no inotify events at all.
"""
from __future__ import annotations

import errno
import fnmatch
import json
import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pipeline.store import Store

log = logging.getLogger("vanban.inbox")

PROCESSING, PROCESSED, DUPLICATE, QUARANTINED = "processing", "processed", "duplicate", "quarantined"
FINAL_STATES = (PROCESSED, DUPLICATE, QUARANTINED)
ERROR_SUFFIX = ".error.txt"


@cache
def _ignore_rules() -> dict[str, list[str]]:
    return json.loads((Path(__file__).parent / "data" / "inbox_ignore.json").read_text(encoding="utf-8"))


class FileFilter:
    """Accepts a path (relative to the inbox) unless its name or a parent folder is ignored."""

    def __init__(self, files: list[str] | None = None, directories: list[str] | None = None) -> None:
        rules = _ignore_rules()
        self.files = [g.lower() for g in (files if files is not None else rules["files"])]
        self.directories = [g.lower() for g in (directories if directories is not None else rules["directories"])]

    def accepts(self, relative: Path) -> bool:
        *folders, name = relative.parts
        if any(fnmatch.fnmatchcase(d.lower(), g) for d in folders for g in self.directories):
            return False
        return not any(fnmatch.fnmatchcase(name.lower(), g) for g in self.files)

    def scan(self, root: Path) -> Iterator[Path]:
        """Every accepted regular file under ``root`` (ignored folders are not even entered)."""
        for folder, dirs, files in os.walk(root):
            base = Path(folder)
            dirs[:] = [d for d in dirs if self.accepts((base / d / "x").relative_to(root))]
            for name in files:
                path = base / name
                if self.accepts(path.relative_to(root)) and not path.is_symlink():
                    yield path


class FileStabilityTracker:
    """Says a file is ready once its (size, mtime) has stayed the same for ``settle`` seconds."""

    def __init__(self, settle: float = 2.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.settle = settle
        self.clock = clock
        self._seen: dict[Path, tuple[tuple[int, int], float]] = {}

    def is_stable(self, path: Path) -> bool:
        try:
            st = path.stat()
        except OSError:
            self.forget(path)
            return False
        signature = (st.st_size, st.st_mtime_ns)
        now = self.clock()
        previous = self._seen.get(path)
        if previous is None or previous[0] != signature:
            self._seen[path] = (signature, now)
            return False
        return now - previous[1] >= self.settle

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)


class Filer:
    """Puts originals away. ``keep_originals`` copies instead of moving (files named on the
    command line stay where the user keeps them)."""

    def __init__(self, archive: Path, quarantine: Path, keep_originals: bool = False) -> None:
        self.archive = Path(archive)
        self.quarantine = Path(quarantine)
        self.keep_originals = keep_originals

    def archive_destination(self, name: str, sha256: str, when: datetime | None = None) -> Path:
        when = when or datetime.now()
        return _unused(self.archive / f"{when:%Y}" / f"{when:%m}" / f"{sha256[:12]}-{name}")

    def quarantine_destination(self, relative: Path) -> Path:
        return _unused(self.quarantine / relative)

    def place(self, source: Path, destination: Path) -> Path:
        """Move (or copy) ``source`` to ``destination`` without ever losing it or overwriting
        anything; returns where it went.

        A rename is atomic; across file systems the copy is written under a temporary
        name, synced, renamed into place, and only then is the source removed."""
        destination = _unused(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if not self.keep_originals:
            try:
                os.rename(source, destination)
                return destination
            except OSError as e:
                if e.errno != errno.EXDEV:
                    raise
        partial = destination.with_name(destination.name + ".part")
        shutil.copyfile(source, partial)
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, destination)
        if not self.keep_originals:
            source.unlink()
        return destination

    @staticmethod
    def write_reason(destination: Path, original: Path, reason: str) -> Path:
        """The note a clerk finds beside a quarantined file."""
        note = destination.with_name(destination.name + ERROR_SUFFIX)
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(
            f"Tệp / File: {original}\n"
            f"Thời điểm / Time: {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}\n"
            f"Lý do / Reason: {reason}\n\n"
            "vanban không đọc được tệp này nên đã chuyển nó vào đây; tệp gốc được giữ nguyên.\n"
            "Hãy sửa hoặc quét lại văn bản rồi thả bản mới vào thư mục nhận.\n"
            "vanban could not read this file and moved it here unchanged. Fix or rescan the "
            "document and drop the new file into the inbox again.\n",
            encoding="utf-8")
        return note


def _unused(path: Path) -> Path:
    """``path``, or ``name-2.ext``, ``name-3.ext``… when something already lives there."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


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
            row = conn.execute(sa.select(t).where(
                t.c.inbox == self.inbox, t.c.path == relative, t.c.sha256.is_(None) if sha256 is None
                else t.c.sha256 == sha256, t.c.filed.is_(False)).order_by(t.c.id.desc())).first()
        return _entry(row) if row else None

    def start(self, relative: str, sha256: str | None, size: int | None) -> Entry:
        """Record that processing begins (committed at once, so a crash leaves a trace and a count)."""
        entry = self.unfiled(relative, sha256)
        t = self.table
        with self.store.begin() as conn:
            if entry is None:
                new_id = conn.execute(t.insert().values(
                    inbox=self.inbox, path=relative, sha256=sha256, size=size, state=PROCESSING, attempts=1,
                    filed=False, updated_at=_now())).inserted_primary_key[0]
                return Entry(new_id, relative, sha256, PROCESSING, None, None, None, 1)
            conn.execute(t.update().where(t.c.id == entry.id).values(attempts=t.c.attempts + 1, updated_at=_now()))
        entry.attempts += 1
        return entry

    def decide(self, conn: Connection, entry: Entry, state: str, destination: Path | None,
               document_id: int | None = None, reason: str | None = None) -> None:
        """Record the file's fate inside the caller's transaction (the one that commits its facts)."""
        conn.execute(self.table.update().where(self.table.c.id == entry.id).values(
            state=state, destination=str(destination) if destination else None, document_id=document_id,
            reason=reason, updated_at=_now()))

    def mark_filed(self, entry: Entry) -> None:
        with self.store.begin() as conn:
            conn.execute(self.table.update().where(self.table.c.id == entry.id).values(filed=True, updated_at=_now()))

    def reconcile(self) -> int:
        """After a crash: entries whose file already left the inbox are filed. Returns how many."""
        t = self.table
        with self.store.begin() as conn:
            rows = conn.execute(sa.select(t.c.id, t.c.path).where(
                t.c.inbox == self.inbox, t.c.filed.is_(False), t.c.state.in_(FINAL_STATES))).all()
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
    return Entry(row.id, row.path, row.sha256, row.state, row.reason, row.document_id, row.destination,
                 row.attempts)


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Status:
    """What `vanban status` shows."""
    processed: int
    duplicates: int
    quarantined: int
    pending: int
    last_errors: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"processed": self.processed, "duplicates": self.duplicates, "quarantined": self.quarantined,
                "pending": self.pending, "last_errors": self.last_errors}


def status(store: Store, last: int = 5) -> Status:
    """Counts from the ledger; pending = files being processed plus files waiting in watched inboxes."""
    t = store.schema.files
    with store.engine.connect() as conn:
        counts = dict(conn.execute(sa.select(t.c.state, sa.func.count()).group_by(t.c.state)).all())
        errors = conn.execute(sa.select(t.c.path, t.c.reason, t.c.destination, t.c.updated_at)
                              .where(t.c.state == QUARANTINED).order_by(t.c.id.desc()).limit(last)).all()
        inboxes = conn.execute(sa.select(store.schema.inboxes.c.path)).scalars().all()
    file_filter = FileFilter()
    waiting = sum(1 for inbox in inboxes if Path(inbox).is_dir() for _ in file_filter.scan(Path(inbox)))
    return Status(
        processed=counts.get(PROCESSED, 0), duplicates=counts.get(DUPLICATE, 0),
        quarantined=counts.get(QUARANTINED, 0), pending=max(waiting, counts.get(PROCESSING, 0)),
        last_errors=[{"file": r.path, "reason": r.reason or "", "moved_to": r.destination or "",
                      "at": r.updated_at.isoformat(timespec="seconds")} for r in errors])


class Watcher:
    """Watches ``inbox`` and hands every settled, accepted file to ``handle`` — one at a time.

    ``handle`` must never raise for a bad file (it quarantines); an exception from it is a
    fault of the system (disk full, database gone) and stops the watcher loudly."""

    def __init__(self, inbox: Path, handle: Callable[[Path], object], settle: float = 2.0,
                 rescan: float = 30.0, tick: float = 0.5, file_filter: FileFilter | None = None) -> None:
        self.inbox = Path(inbox)
        self.handle = handle
        self.filter = file_filter or FileFilter()
        self.tracker = FileStabilityTracker(settle)
        self.rescan = rescan
        self.tick = tick
        self.stop_event = threading.Event()
        self._candidates: set[Path] = set()

    def run(self) -> None:
        self.inbox.mkdir(parents=True, exist_ok=True)
        self._candidates |= set(self.filter.scan(self.inbox))
        last_scan = time.monotonic()
        for changes in self._events():
            self._candidates |= {Path(p) for _, p in changes}
            if time.monotonic() - last_scan >= self.rescan:
                self._candidates |= set(self.filter.scan(self.inbox))
                last_scan = time.monotonic()
            self._process_settled()
            if self.stop_event.is_set():
                return

    def stop(self) -> None:
        self.stop_event.set()

    def _events(self) -> Iterator[set]:
        """File events, and an empty batch every ``tick`` so settling files are looked at again."""
        try:
            import watchfiles
            yield from watchfiles.watch(self.inbox, stop_event=self.stop_event, yield_on_timeout=True,
                                        rust_timeout=int(self.tick * 1000), debounce=int(self.tick * 1000),
                                        raise_interrupt=False)
        except (OSError, RuntimeError) as e:   # no inotify (limits, some network mounts): rescans only
            log.warning("file events unavailable (%s); rescanning every %.0f s", e, self.rescan)
            self.rescan = min(self.rescan, 5.0)
            while not self.stop_event.wait(self.tick):
                yield set()

    def _process_settled(self) -> None:
        for path in sorted(self._candidates):
            if self.stop_event.is_set():
                return
            try:
                relative = path.relative_to(self.inbox)
            except ValueError:
                relative = None
            if relative is None or not self.filter.accepts(relative) or not path.is_file() or path.is_symlink():
                self._candidates.discard(path)
                self.tracker.forget(path)
                continue
            if self.tracker.is_stable(path):
                self._candidates.discard(path)
                self.tracker.forget(path)
                self.handle(path)
