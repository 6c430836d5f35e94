"""Ingestion on a real Dask cluster on this machine: a ``dask scheduler`` and two ``dask worker``
processes (one thread each) started by the test. Each file is a task and each page of a scan a task
of its own; the folder's facts are the same as a local run's, and a worker killed in the middle
loses no file: its tasks go to the other worker, and the ledger's claim makes the second attempt
of a file safe."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa
from distributed import Client

from tests.test_service import free_port, scan_png, wait_for
from tests.test_watch_e2e import letter

pytestmark = [pytest.mark.slow, pytest.mark.ocr]

BIN = Path(sys.executable).parent
FACTS = ("pages", "citations", "targets", "deadlines", "obligations", "wards", "national_targets")
DOCUMENT = "sha256, kind, number, issued_on, issuer, subject, pages, ocr, words, source_tag"


def contents(database: Path) -> dict[str, Counter]:
    """Every stored fact keyed by its document's SHA-256 instead of ids (which follow arrival order)."""
    engine = sa.create_engine(f"sqlite:///{database}")
    found: dict[str, Counter] = {}
    with engine.connect() as conn:
        found["documents"] = Counter(tuple(r) for r in conn.execute(sa.text(f"SELECT {DOCUMENT} FROM documents")))
        for table in FACTS:
            rows = conn.execute(
                sa.text(f"SELECT d.sha256, t.* FROM {table} t JOIN documents d ON d.id = t.document_id")
            )
            found[table] = Counter(
                tuple(v for k, v in row._mapping.items() if k not in ("id", "document_id")) for row in rows
            )
    engine.dispose()
    return found


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two single-threaded workers on 127.0.0.1, and ``vanban server`` (without it
    every worker would start a temporary Prefect server of its own); yields (address, workers, env)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "VANBAN_"))}
    env |= {"VANBAN_OCR_WORKERS": "1", "VANBAN_LANG": "en", "VANBAN_SERVER_PORT": str(free_port())}
    env |= {"VANBAN_HOME": str(tmp_path / "dask")}
    log = open(tmp_path / "dask.log", "w")  # noqa: SIM115 - closed when the processes are gone
    common = ["--no-dashboard"]
    processes = [
        subprocess.Popen([BIN / "vanban", "server", "--no-web"], env=env, stderr=log),
        subprocess.Popen(
            [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), *common], env=env, stderr=log
        ),
    ]
    address = f"tcp://127.0.0.1:{port}"
    workers = [
        subprocess.Popen(
            [BIN / "dask", "worker", address, "--nthreads", "1", "--no-nanny", "--name", f"w{i}", *common],
            env=env,
            stderr=log,
            start_new_session=True,  # the worker and its OCR processes die together, as with a machine
        )
        for i in (1, 2)
    ]
    processes += workers
    try:
        yield address, workers, env
    finally:
        for worker in workers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(worker.pid, signal.SIGKILL)
        for process in reversed(processes):
            process.terminate()
            process.wait()
        log.close()


def test_a_folder_on_two_dask_workers_matches_the_local_run_and_a_killed_worker_loses_no_file(tmp_path, cluster):
    address, workers, env = cluster
    folder = tmp_path / "đến"
    (folder / "Hà Tĩnh").mkdir(parents=True)
    for i in range(2):
        (folder / "Hà Tĩnh" / f"bản quét {i}.png").write_bytes(scan_png(i))
    for i in range(4):
        (folder / f"kế hoạch {i}.txt").write_text(letter(400 + i, "Quảng Ngãi"), encoding="utf-8")

    local = subprocess.run(
        [BIN / "vanban", "ingest", "--no-prefect", str(folder)],
        env={**env, "VANBAN_HOME": str(tmp_path / "local")},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert local.returncode == 0, local.stderr

    home = tmp_path / "dask"
    log = tmp_path / "ingest.log"
    wait_for(lambda: (tmp_path / "dask.log").read_text().count("service running") == 1, workers[0], log, 300)
    with open(log, "w") as out:
        spread = subprocess.Popen(
            [BIN / "vanban", "ingest", str(folder)],
            env={**env, "VANBAN_DASK_ADDRESS": address},
            stdout=out,
            stderr=out,
        )
    engine = sa.create_engine(f"sqlite:///{home / 'vanban.db'}")

    def some_filed() -> bool:
        try:
            with engine.connect() as conn:
                return conn.execute(sa.text("SELECT count(*) FROM files WHERE filed")).scalar_one() >= 2
        except sa.exc.OperationalError:
            return False

    wait_for(some_filed, spread, log, 600)
    # In the middle of the folder one worker is gone with its OCR processes (a forked process left
    # alive would hold the worker's connection open and the scheduler would wait for its heartbeat).
    os.killpg(workers[0].pid, signal.SIGKILL)
    assert spread.wait(timeout=600) == 0, log.read_text(encoding="utf-8")[-3000:]
    output = log.read_text(encoding="utf-8")
    assert "runs recorded on the Prefect server" in output
    assert "files are read as tasks on the Dask cluster" in output
    # A file the killed worker had committed is met again by the other worker as already stored.
    said = Counter(line.split()[0] for line in output.splitlines() if str(folder) in line)
    assert set(said) <= {"processed", "unchanged"} and sum(said.values()) == 6, output[-3000:]
    assert contents(home / "vanban.db") == contents(tmp_path / "local" / "vanban.db")
    # The scans' pages were tasks of their own, read on the workers' OCR processes, not inside their file's task.
    with Client(address, timeout=60) as client:
        done = client.run_on_scheduler(
            lambda dask_scheduler: {t.key for t in dask_scheduler.transition_log if t.finish == "memory"}
        )
    assert sum(str(key).startswith("read_page_isolated") for key in done) >= 2, done
