"""Prefect flows: the ingestion pipeline's stages as tasks, composed — no logic of their own.

- ``ingest_file``: hash → text layer → extraction → one transaction → file the original.
- ``ingest_folder``: many files with a progress bar; pages of a scan are OCR'd in parallel by
  the text layer, so files go one by one.
- ``watch_inbox``: the long-running watcher; every file is a run of the same tasks.

Without ``PREFECT_API_URL`` Prefect starts a temporary local server for the duration of the
process (≈10 s once per command); with it, runs show up in that server's UI. Analytics are
off (on SQLite the heartbeat only logs "database is locked"), and Prefect's home defaults to
``$VANBAN_HOME/prefect`` so cached text layers live beside vanban's own data.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from pipeline.store.db import Store, vanban_home

if "PREFECT_HOME" not in os.environ:
    os.environ["PREFECT_HOME"] = str(vanban_home() / "prefect")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_ENABLED", "true")
# The first start migrates a fresh database; on a busy 2-core machine that exceeds the 20 s default.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipeline.errors import UnreadableDocument
from pipeline.ingest import runner as ingest

TEXT_CACHE_DAYS = 30


def _transient(task, task_run, state) -> bool:
    """Retry what may pass by itself (a locked database, a share that blinked), not a bad file."""
    try:
        state.result()
    except UnreadableDocument:
        return False
    except Exception:
        return True
    return False


def _by_hash(context, parameters) -> str:
    """The text layer is cached by the file's content, so a renamed or re-sent scan is not OCR'd again."""
    from importlib.metadata import version

    return f"vanban-text-{version('vanban')}-{parameters['sha256']}"


hash_file = task(ingest.hash_file, name="hash", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
read_document = task(
    ingest.read_document,
    name="text layer",
    retries=2,
    retry_delay_seconds=2,
    retry_condition_fn=_transient,
    cache_key_fn=_by_hash,
    persist_result=True,
    cache_expiration=timedelta(days=TEXT_CACHE_DAYS),
)
extract_facts = task(ingest.extract_facts, name="extract", cache_policy=NO_CACHE)
commit = task(ingest.commit, name="commit and file", retries=3, retry_delay_seconds=2, cache_policy=NO_CACHE)

TASK_STEPS = ingest.Steps(hash=hash_file, read=read_document, extract=extract_facts, commit=commit)


@flow(name="ingest-file")
def ingest_file(
    path: Path,
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    keep_originals: bool = True,
) -> ingest.Outcome:
    path = Path(path)
    filer = ingest.make_filer(archive, quarantine, keep_originals)
    return ingest.Ingestor(Store(db), filer, path.parent, TASK_STEPS).ingest(path)


@flow(name="ingest-folder")
def ingest_folder(
    paths: list[Path],
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    keep_originals: bool = True,
    show_progress: bool = True,
) -> list[ingest.Outcome]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    files = list(ingest.expand(paths))
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        disable=not show_progress,
        transient=True,
    ) as progress:
        bar = progress.add_task("ingesting", total=len(files))
        return ingest.ingest_paths(
            files,
            Store(db),
            ingest.make_filer(archive, quarantine, keep_originals),
            TASK_STEPS,
            on_done=lambda outcome: progress.advance(bar),
        )


@flow(name="watch-inbox")
def watch_inbox(
    inbox: Path,
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    settle: float = 2.0,
    rescan: float = 30.0,
) -> None:
    ingest.watch(
        Path(inbox),
        Store(db),
        ingest.make_filer(archive, quarantine, keep_originals=False),
        TASK_STEPS,
        settle=settle,
        rescan=rescan,
    )
