"""Prefect flows: the pipeline's table of contents. Each file goes

    hash → claim → text layer → extract → commit → file

as Prefect tasks calling the stage functions of ``pipeline.ingest.runner`` — no logic of their
own (``runner.ingest_one`` composes the same functions without Prefect).

- ``ingest_file``: one file.
- ``ingest_folder``: files and folders, one file at a time (the pages of a scan are OCR'd in
  parallel on the OCR workers); ``on_outcome`` hears of each file as it is done. With
  ``VANBAN_DASK_ADDRESS`` set, the files are tasks on that Dask cluster instead (``ingest_folder_dask``):
  their paths travel, the workers read them from the shared folders.
- ``watch_inbox``: the long-running watcher; every settled file is a run of the same tasks.
- ``serve_handoff``: the service's worker; every file ``vanban ingest`` hands it, the same tasks.

Tasks retry only what may pass by itself — an I/O error, a locked database — never a bad file or
a bug; the text layer is cached by the file's SHA-256. Prefect's environment (its home under
``$VANBAN_HOME``, the temporary local server, analytics off) is set by
``pipeline.settings.configure_prefect()``, which the command line calls before importing this
module; importing it changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from datetime import timedelta
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar, cast

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from pipeline.errors import OcrEngineUnavailable
from pipeline.ingest import runner
from pipeline.ingest.runner import Decision, Ingestor, Job, Outcome
from pipeline.ocr.cluster import ClusterPages
from pipeline.service import handoff
from pipeline.settings import settings
from pipeline.store.db import Store

TEXT_CACHE_DAYS = 30
T = TypeVar("T")


def _transient(task, task_run, state) -> bool:
    """Retry what may pass by itself (a locked database, a share that blinked), not a bad file."""
    try:
        state.result()
    except Exception as error:
        return runner.is_transient(error)
    return False


def _by_hash(context, parameters) -> str:
    """The text layer is cached by the file's content, so a renamed or re-sent scan is not OCR'd again."""
    return f"vanban-text-{version('vanban')}-{parameters['sha256']}"


# Stages that touch the disk or the database retry what may pass by itself; extraction (pure
# computation) does not retry at all.
hash_file = task(name="hash", retries=2, retry_delay_seconds=1, retry_condition_fn=_transient, cache_policy=NO_CACHE)(
    runner.hash_file
)
claim = task(name="claim", retries=3, retry_delay_seconds=2, retry_condition_fn=_transient, cache_policy=NO_CACHE)(
    Ingestor.claim
)
read_document = task(
    name="text layer",
    retries=2,
    retry_delay_seconds=2,
    retry_condition_fn=_transient,
    cache_key_fn=_by_hash,
    persist_result=True,
    cache_expiration=timedelta(days=TEXT_CACHE_DAYS),
)(runner.read_document)
extract_facts = task(name="extract", cache_policy=NO_CACHE)(runner.extract_facts)
commit = task(name="commit", retries=3, retry_delay_seconds=2, retry_condition_fn=_transient, cache_policy=NO_CACHE)(
    Ingestor.commit
)
file_original = task(
    name="file", retries=3, retry_delay_seconds=2, retry_condition_fn=_transient, cache_policy=NO_CACHE
)(Ingestor.file)


def _unwalked(value: T) -> T:
    """``value`` ``quote``d, so that Prefect does not walk it looking for futures among a task's
    inputs (the task receives it unwrapped); typed as the value, which is what the task sees."""
    return cast(T, quote(value))


def ingest_one(ingestor: Ingestor, path: Path, executor: Executor | None = None) -> Outcome:
    """One file, stage by stage, each a task: the order that makes ingestion exactly-once
    (claimed before any work, decided with its facts, moved after the commit).

    The document and its facts are passed ``quote``d (``_unwalked``): Prefect otherwise walks every word of a
    scanned page looking for futures among the task's inputs, before the rows (0.2-0.3 s a page
    for extraction alone, measured)."""
    path = Path(path)
    step: Job | Decision | Outcome
    try:
        sha256 = hash_file(path)
    except OSError as error:
        step = ingestor.unreachable(path, error)  # gone, or unreadable: quarantined
    else:
        step = claim(ingestor, path, sha256)  # a Job to read, or already decided, or nothing to do
    if isinstance(step, Outcome):
        return step
    if isinstance(step, Job):
        try:
            document = read_document(step.path, step.sha256, executor)
            extraction = extract_facts(_unwalked(document))
        except OcrEngineUnavailable:
            raise  # the machine cannot OCR: no file is to blame, none is quarantined
        except Exception as error:  # one bad file (or a bug on it) must not stop the others
            step = ingestor.reject(step, error)
        else:
            step = commit(ingestor, step, _unwalked(document), _unwalked(extraction))
        if isinstance(step, Outcome):  # changed while it was read
            return step
    try:
        return file_original(ingestor, step)
    except OSError as error:  # retries spent: the original waits in the inbox, the reason recorded
        return ingestor.stuck(step, error)


@flow(name="ingest-file")
def ingest_file(
    path: Path,
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    keep_originals: bool = True,
) -> Outcome:
    """One file, its folder as its inbox: stored and archived, or quarantined with its reason."""
    path = Path(path)
    filer = runner.make_filer(archive, quarantine, keep_originals)
    return runner.exclusively(ingest_one, Ingestor(Store(db), filer, path.parent), path, None)


# One whole file as one task, for a Dask worker, its pages OCR'd as plain Dask tasks (no Prefect
# run per page) all over the cluster: a worker that dies takes its tasks with it and the scheduler
# gives them to another worker, where the ledger's claim makes the second attempt of a file safe.
ingest_path = task(
    name="ingest file", retries=2, retry_delay_seconds=2, retry_condition_fn=_transient, cache_policy=NO_CACHE
)(runner.ingest_path)


@flow(name="ingest-folder")
def ingest_folder_here(
    paths: list[Path],
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    keep_originals: bool = True,
    on_outcome: Callable[[Outcome], object] | None = None,
) -> list[Outcome]:
    """Files and folders (subfolders become source tags), each through ``ingest_one``."""
    return runner.ingest_folder(paths, db, archive, quarantine, keep_originals, on_outcome, ingest_one=ingest_one)


@flow(name="ingest-folder-dask")
def ingest_folder_dask(
    paths: list[Path],
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    keep_originals: bool = True,
) -> list[Outcome]:
    """Every file a task on the flow's task runner (a Dask cluster), each of its pages to OCR a task of
    the same cluster; the file's task alone writes its rows. Outcomes in the files' order.

    No ``on_outcome`` here: the flow's parameters travel to the workers with every task, and a
    progress bar cannot (its lock does not pickle)."""
    files = list(runner.expand(Path(path).absolute() for path in paths))  # the workers' working folder is not ours
    pages = ClusterPages()
    futures = [ingest_path.submit(file, root, db, archive, quarantine, keep_originals, pages) for root, file in files]
    return [future.result() for future in futures]


def ingest_folder(
    paths: list[Path],
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    keep_originals: bool = True,
    on_outcome: Callable[[Outcome], object] | None = None,
) -> list[Outcome]:
    """``ingest_folder_here``, or ``ingest_folder_dask`` on the cluster ``VANBAN_DASK_ADDRESS`` names."""
    address = settings().dask_address
    if not address:
        return ingest_folder_here(paths, db, archive, quarantine, keep_originals, on_outcome)
    from prefect_dask import DaskTaskRunner

    # prefect-dask's runner is typed with its own futures, which Prefect's annotation does not name
    on_cluster = ingest_folder_dask.with_options(task_runner=DaskTaskRunner(address=address))  # type: ignore[arg-type]
    outcomes = on_cluster(paths, db, archive, quarantine, keep_originals)
    for outcome in outcomes:
        if on_outcome:
            on_outcome(outcome)
    return outcomes


@flow(name="ingest-service")
def serve_handoff() -> None:
    """The service's warm worker: every file ``vanban ingest`` hands it through ``ingest_one``, as
    tasks of this one long run (a flow run for each command cost 1.5-2 s before the first row)."""
    handoff.serve(ingest_one=ingest_one)


@flow(name="watch-inbox")
def watch_inbox(
    inbox: Path,
    db: str | None = None,
    archive: Path | None = None,
    quarantine: Path | None = None,
    settle: float | None = None,
    rescan: float | None = None,
) -> None:
    """Watch a folder until interrupted; every settled file through ``ingest_one``."""
    runner.watch_inbox(Path(inbox), db, archive, quarantine, settle, rescan, ingest_one=ingest_one)
