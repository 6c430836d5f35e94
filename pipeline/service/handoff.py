"""``vanban ingest`` handed to the running service's warm worker, through a spool folder.

A one-off ``vanban ingest`` paid its own start (3.6 s of imports and models) and a Prefect flow
run (1.5-2 s even on a running server) for a text file the service's worker reads in 0.2-0.5 s.
With ``vanban server`` running, the command writes a request (its paths and options) into
``<home>/service/requests`` with an atomic rename, and reads the outcome of each file from
``<home>/service/results`` as the worker writes it; the command itself imports neither spaCy nor
Prefect nor OpenCV. The worker (``serve``) answers requests one at a time inside one long flow run.

The worker holds ``worker.lock`` (an ``flock``) while it can answer: the lock goes with its process
whatever kills it, so a command waiting for outcomes learns at once that the service is gone. The
request stays in the spool until every outcome is written, and a worker starting again answers the
requests it finds there first; the ledger's claim makes the second attempt at a file safe, so a file
is stored once even when the service dies in the middle of it.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pipeline import messages
from pipeline.errors import OcrEngineUnavailable
from pipeline.messages import t
from pipeline.settings import settings

if TYPE_CHECKING:
    from pipeline.ingest.runner import Ingestor, Outcome

log = logging.getLogger("vanban.service")

# Seconds between two looks at the results file: a text file's outcome is known within a few
# tenths of a second, a look costs a stat.
RESULT_POLL = 0.02
# How often the worker looks at its spool when no file event comes (events usually come at once),
# and lists it whole (a folder without inotify events).
REQUEST_TICK = 0.1
REQUEST_RESCAN = 1.0
# Results left by commands that stopped waiting (Ctrl-C, or a service that died under them) are
# removed after this many seconds.
RESULT_KEEP = 86400.0


@dataclass(frozen=True)
class Request:
    """What ``vanban ingest`` was asked to do, with every path absolute (the worker has its own
    working directory) and the language its lines are to be written in."""

    paths: list[str]
    database: str
    archive: str | None
    quarantine: str | None
    keep_originals: bool
    language: str


def request(paths: list[Path], db: str | None, archive: Path | None, quarantine: Path | None, move: bool) -> Request:
    """The request for ``vanban ingest``'s arguments, resolved where the command runs: its paths,
    its database (``--db``, else its settings') and its language."""
    database = db or settings().database
    prefix = "sqlite:///"
    if database.startswith(prefix) and not database.startswith(prefix + "/") and database != prefix + ":memory:":
        database = prefix + str(Path(database.removeprefix(prefix)).resolve())
    return Request(
        paths=[str(Path(p).resolve()) for p in paths],
        database=database,
        archive=str(archive.resolve()) if archive else None,
        quarantine=str(quarantine.resolve()) if quarantine else None,
        keep_originals=not move,
        language=messages.language(),
    )


class ServiceGone(Exception):
    """The worker stopped before the request's every outcome was written."""


def spool(home: Path | None = None) -> Path:
    """The spool of the service whose home is ``home`` (the settings' by default)."""
    return (home or settings().home) / "service"


def _lock_file(folder: Path) -> IO[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    return open(folder / "worker.lock", "ab")


def worker_alive(folder: Path | None = None) -> bool:
    """Whether a worker holds the spool's lock (a lock free for the taking means none is there)."""
    folder = folder or spool()
    if not (folder / "worker.lock").exists():
        return False
    with _lock_file(folder) as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(lock, fcntl.LOCK_UN)
        return False


def submit(request: Request, folder: Path | None = None) -> str:
    """Put ``request`` in the spool (whole, by an atomic rename); its ticket."""
    requests = (folder or spool()) / "requests"
    requests.mkdir(parents=True, exist_ok=True)
    ticket = f"{time.time_ns():020d}-{os.getpid()}"
    partial = requests / f".{ticket}.json"  # a dot file: the worker ignores it until renamed
    partial.write_text(json.dumps(asdict(request), ensure_ascii=False), encoding="utf-8")
    os.replace(partial, requests / f"{ticket}.json")
    return ticket


def outcomes(ticket: str, folder: Path | None = None) -> Iterator[dict]:
    """The records the worker writes for ``ticket`` as they come: ``{"state", "line"}`` for each file,
    then ``{"error"}`` when the request failed as a whole. ``ServiceGone`` when the worker stops first."""
    folder = folder or spool()
    results = folder / "results" / f"{ticket}.jsonl"
    offset = 0
    while True:
        alive = worker_alive(folder)  # looked at before the file, so that its last lines are read
        if results.exists():
            with open(results, encoding="utf-8") as stream:
                stream.seek(offset)
                for line in iter(stream.readline, ""):
                    if not line.endswith("\n"):  # being written: read it whole next time
                        break
                    offset += len(line.encode("utf-8"))
                    record = json.loads(line)
                    if record.get("done"):
                        results.unlink(missing_ok=True)
                        return
                    yield record
        if not alive:
            raise ServiceGone(ticket)
        time.sleep(RESULT_POLL)


IngestOne = Callable[["Ingestor", Path, Executor | None], "Outcome"]


@contextmanager
def holding_lock(folder: Path) -> Iterator[None]:
    """The worker's lock for the time of the block (waits while a command looks at it)."""
    with _lock_file(folder) as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def serve(ingest_one: IngestOne, folder: Path | None = None) -> None:
    """The worker: warm up, take the lock, then answer every request in the spool (those left by a
    worker that stopped first) until Ctrl-C or SIGTERM, each file through ``ingest_one``."""
    from pipeline.ingest import runner
    from pipeline.ingest.watcher import Watcher

    folder = folder or spool()
    requests, results = folder / "requests", folder / "results"
    requests.mkdir(parents=True, exist_ok=True)
    results.mkdir(exist_ok=True)
    try:
        runner.warm_up(ocr_workers=False)  # `vanban ingest` reads scans on a pool of its own, forked warm
    except OcrEngineUnavailable as error:  # text files need no engine; a scan handed over is told why
        log.warning(str(error))
    for old in results.glob("*.jsonl"):
        if time.time() - old.stat().st_mtime > RESULT_KEEP:
            old.unlink(missing_ok=True)

    def answer(path: Path) -> None:
        try:
            request = Request(**json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as error:  # not written by `vanban ingest`: nobody waits for it
            log.error(t("log.request_failed", ticket=path.stem, error=f"{type(error).__name__}: {error}"))
            path.unlink()
            return
        with open(results / f"{path.stem}.jsonl", "w", encoding="utf-8") as out, _speaking(request.language):

            def write(record: dict) -> None:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()

            try:
                runner.ingest_folder(
                    [Path(p) for p in request.paths],
                    request.database,
                    Path(request.archive) if request.archive else None,
                    Path(request.quarantine) if request.quarantine else None,
                    request.keep_originals,
                    on_outcome=lambda o: write({"state": str(o.state), "line": o.line_with_facts()}),
                    ingest_one=ingest_one,
                )
            except Exception as error:  # the machine's fault (no Tesseract, no database): said to the command
                log.error(t("log.request_failed", ticket=path.stem, error=f"{type(error).__name__}: {error}"))
                write({"error": str(error)})
            write({"done": True})
        path.unlink()  # answered: a worker killed before this line answers it again, the ledger keeps it once

    with holding_lock(folder):
        log.info(t("log.worker_ready", spool=folder))
        watcher = Watcher(requests, answer, settle=0.0, rescan=REQUEST_RESCAN, tick=REQUEST_TICK)
        with watcher.stopping_on_signals():
            watcher.run()


@contextmanager
def _speaking(language: str) -> Iterator[None]:
    """Lines written in the language of the command that asked (the worker answers one at a time)."""
    before = messages.language()
    messages.set_language(language)
    try:
        yield
    finally:
        messages.set_language(before)
