"""Service benchmark: what a running Prefect server saves, how soon a watched scan is queryable,
and OCR throughput on a local Dask cluster next to bare Tesseract.

Why: without a server every Prefect-backed command starts a temporary one (issue 15: 14-37 s for
one text file); ``vanban server`` keeps one running, and its worker takes the files of
``vanban ingest`` (the command no longer loads the models or opens a flow run itself). The watcher's delay is compared with what
OCR of the same page costs alone, and Dask's pages per minute with one and two workers with
``tesseract -l vie`` on the very same page images, two at a time.

    python -m bench.service [--runs 2] [--pages 8] [--record docs/benchmarks.md]

Everything runs in a throw-away VANBAN_HOME (its own Prefect server on a free port).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from bench.ingest import record
from bench.ocr import bare_tesseract, page_images
from bench.processes import free_port, wait_until
from bench.samples import SAMPLES_DIR

SECTION = "## Service and Dask"
BIN = Path(sys.executable).parent
START_TIMEOUT = 300


def _environment(home: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "VANBAN_"))}
    env |= {"VANBAN_HOME": str(home), "VANBAN_SERVER_PORT": str(port), "VANBAN_LANG": "en"}
    return env


def _wait(ready: Callable[[], object], process: subprocess.Popen) -> None:
    wait_until(ready, process, START_TIMEOUT, "bench.service")


def _timed_ingest(path: Path, env: dict[str, str], *options: str) -> float:
    start = time.perf_counter()
    subprocess.run([BIN / "vanban", "ingest", *options, str(path)], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _stored(database: Path, sha256: str) -> bool:
    try:
        engine = sa.create_engine(f"sqlite:///{database}")
        with engine.connect() as conn:
            found = conn.execute(sa.text("SELECT count(*) FROM documents WHERE sha256 = :h"), {"h": sha256}).scalar()
        engine.dispose()
        return bool(found)
    except sa.exc.OperationalError:
        return False


def one_text_file(texts: list[Path], tmp: Path, runs: int) -> dict[str, list[float]]:
    """Seconds of ``vanban ingest`` of one text file: temporary server, ``--no-prefect``, service running."""
    port = free_port()
    env = _environment(tmp / "home", port)
    files = iter(texts)
    times: dict[str, list[float]] = {"temporary": [], "plain": [], "service": []}
    for _ in range(runs):
        times["temporary"].append(_timed_ingest(next(files), env))
        times["plain"].append(_timed_ingest(next(files), env, "--no-prefect"))
    with _service(env, tmp / "service.log"):
        for _ in range(runs):
            times["service"].append(_timed_ingest(next(files), env))
    return times


class _service:
    """``vanban server`` (with an inbox or not) for the time of a ``with``."""

    def __init__(self, env: dict[str, str], log: Path, inbox: Path | None = None) -> None:
        self.env, self.log, self.inbox = env, log, inbox

    def __enter__(self) -> _service:
        command: list[str | Path] = [BIN / "vanban", "server", "--no-web", "--create"]
        if self.inbox is not None:
            command.insert(2, str(self.inbox))
        self.out = open(self.log, "w")
        self.process = subprocess.Popen(command, env=self.env, stdout=self.out, stderr=self.out)
        _wait(lambda: "service running" in self.log.read_text(encoding="utf-8"), self.process)
        if self.inbox is not None:
            _wait(lambda: "watching" in self.log.read_text(encoding="utf-8"), self.process)
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)
        self.out.close()


def watched_scans(pages: list[Path], tmp: Path) -> list[tuple[float, float, float]]:
    """For each one-page scan, dropped one after another into the inbox of one running service:
    (drop → rows queryable, vanban's OCR of the page alone, bare tesseract)."""
    from pipeline.read.load import load_document

    home, inbox = tmp / "watch-home", tmp / "inbox"
    inbox.mkdir()
    env = _environment(home, free_port()) | {"VANBAN_WATCH_SETTLE": "0.5"}
    delays = []
    with _service(env, tmp / "watch.log", inbox) as service:
        for page in pages:
            sha256 = hashlib.sha256(page.read_bytes()).hexdigest()
            dropped = time.perf_counter()
            shutil.copy(page, inbox / "scan.part")
            (inbox / "scan.part").rename(inbox / page.name)
            _wait(functools.partial(_stored, home / "vanban.db", sha256), service.process)
            delays.append(time.perf_counter() - dropped)
    load_document(pages[0])  # the model and the word lists loaded first, as in the running watcher
    measured = []
    for page, delay in zip(pages, delays, strict=True):
        start = time.perf_counter()
        load_document(page)
        measured.append((delay, time.perf_counter() - start, bare_tesseract([page])[1]))
    return measured


def dask_throughput(pages: list[Path], tmp: Path, workers: int) -> float:
    """Seconds of ``vanban ingest`` of the page images on a local scheduler with ``workers`` workers."""
    port, env = free_port(), _environment(tmp / f"dask{workers}", free_port())
    cluster_env = env | {"VANBAN_OCR_WORKERS": "1", "DO_NOT_TRACK": "1"}
    address = f"tcp://127.0.0.1:{port}"
    log = open(tmp / f"dask{workers}.log", "w")  # noqa: SIM115 - closed below
    processes = [
        subprocess.Popen(
            [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            env=cluster_env,
            stderr=log,
            start_new_session=True,
        )
    ]
    time.sleep(2)
    processes += [
        subprocess.Popen(
            [BIN / "dask", "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard"],
            env=cluster_env,
            stderr=log,
            start_new_session=True,  # stopped with the OCR processes it forked
        )
        for _ in range(workers)
    ]
    folder = tmp / f"pages{workers}"
    folder.mkdir()
    for page in pages:
        shutil.copy(page, folder / page.name)
    try:
        with _service(env, tmp / f"dask-service{workers}.log"):
            _timed_ingest(folder / pages[0].name, env | {"VANBAN_DASK_ADDRESS": address})  # workers warmed up
            (folder / pages[0].name).unlink()
            return _timed_ingest(folder, env | {"VANBAN_DASK_ADDRESS": address}) * len(pages) / (len(pages) - 1)
    finally:
        for process in reversed(processes):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def report(
    times: dict[str, list[float]],
    watch: list[tuple[float, float, float]],
    dask: dict[int, float],
    tesseract: float,
    pages: int,
    started_load: float,
) -> str:
    def median(xs: list[float]) -> str:
        return f"{statistics.median(xs):.1f} s ({', '.join(f'{x:.1f}' for x in xs)})"

    ratios = ", ".join(f"{d / o:.2f}" for d, o, _ in watch)
    lines = [
        SECTION,
        "",
        "`python -m bench.service` (2 cores shared with other work; wall seconds, median and each run).",
        "",
        "| `vanban ingest` of one text file | wall |",
        "|---|---|",
        f"| Prefect's temporary server (no service) | {median(times['temporary'])} |",
        f"| `--no-prefect` | {median(times['plain'])} |",
        f"| `vanban server` running (handed to its worker) | {median(times['service'])} |",
        "",
        f"Watcher, {len(watch)} one-page scans dropped one after another → each one's rows queryable, "
        f"with the service running: {median([d for d, _, _ in watch])}; vanban's OCR of the same pages "
        f"alone {median([o for _, o, _ in watch])}; ratio {ratios}; bare `tesseract -l vie` "
        f"{median([b for _, _, b in watch])}.",
        "",
        f"| {pages} page images | pages/min | wall |",
        "|---|---|---|",
    ]
    for workers, seconds in sorted(dask.items()):
        lines.append(
            f"| `vanban ingest`, {workers} local Dask worker(s) | {60 * pages / seconds:.1f} | {seconds:.1f} s |"
        )
    lines.append(f"| bare `tesseract -l vie`, two at a time | {60 * pages / tesseract:.1f} | {tesseract:.1f} s |")
    load = os.getloadavg()[0]
    lines += [
        "",
        f"Load average {started_load:.1f} when it started, {load:.1f} when it ended, on {os.cpu_count()} cores.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="ingests of one text file per mode")
    parser.add_argument("--pages", type=int, default=8, help="page images for the Dask throughput")
    parser.add_argument("--watched", type=int, default=3, help="scans dropped into the watched inbox")
    parser.add_argument("--record", type=Path, help="write the section into this Markdown file")
    args = parser.parse_args(argv)
    started_load = os.getloadavg()[0]
    texts = sorted((SAMPLES_DIR / "text").glob("*.txt"))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        copies = []
        for i in range(3 * args.runs):  # a new file every time: a stored one would be skipped
            copy = tmp / f"text{i}.txt"
            copy.write_text(texts[i % len(texts)].read_text(encoding="utf-8") + f"\n{i}\n", encoding="utf-8")
            copies.append(copy)
        times = one_text_file(copies, tmp, args.runs)
        images = tmp / "images"
        images.mkdir()
        pages = []
        for scan in sorted((SAMPLES_DIR / "scans").glob("*.office.pdf")):
            out = images / scan.stem
            out.mkdir()
            pages += page_images(scan, out)
        pages = [shutil.copy(p, images / f"{i:03d}.png") for i, p in enumerate(pages[: args.pages])]
        watch = watched_scans([Path(p) for p in pages[: args.watched]], tmp)
        dask = {n: dask_throughput([Path(p) for p in pages], tmp, n) for n in (1, 2)}
        tesseract = bare_tesseract([Path(p) for p in pages])[1]
    section = report(times, watch, dask, tesseract, len(pages), started_load)
    print(section)
    if args.record:
        record(section, args.record)


if __name__ == "__main__":
    main()
