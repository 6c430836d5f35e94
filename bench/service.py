"""Service benchmark: what a running Prefect server saves, how soon a watched scan is queryable,
and OCR throughput on a local Dask cluster next to bare Tesseract.

Why: without a server every Prefect-backed command starts a temporary one (issue 15: 14-37 s for
one text file); ``vanban server`` keeps one running, and its worker takes the files of
``vanban ingest`` (the command no longer loads the models or opens a flow run itself). The watcher's delay is compared with what
OCR of the same page costs alone, and Dask's pages per minute with one and two workers with
``tesseract -l vie`` on the very same page images, two at a time.

    python -m bench.service [--part all|service|dask] [--runs 2] [--pages 6] [--scans FOLDER]
                            [--min-pages 3] [--record docs/benchmarks.md]

The Dask part reads two sets: single page images, and a folder of multi-page scanned PDFs (the
real corpus scans by default), where a file's pages are spread as tasks over the workers.

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
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from bench.ingest import record
from bench.ocr import bare_tesseract, page_images
from bench.processes import free_port, wait_until
from bench.samples import REAL_SCANS, SAMPLES_DIR

SECTION = "## Service and Dask"
DASK_SECTION = "## Dask throughput: pages as tasks"
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


def scanned_folder(scans: Path, tmp: Path, min_pages: int) -> tuple[list[Path], list[Path]]:
    """The scanned PDFs under ``scans`` (every page to OCR, none with a text layer kept) of ``min_pages``
    pages or more, and every one of their pages as the PNG picture vanban's OCR starts from (for bare
    Tesseract on the very same pixels)."""
    from pipeline.ocr.page_image import PageImage
    from pipeline.read.pdf import read_pdf

    files, pictures = [], []
    for pdf in sorted(scans.glob("*.pdf")):
        pages = read_pdf(pdf.read_bytes())
        if len(pages) < min_pages or not all(isinstance(page, PageImage) for page in pages):
            continue
        files.append(pdf)
        for page in pages:
            assert isinstance(page, PageImage)
            pictures.append(tmp / f"{pdf.stem}-{page.number:03d}.png")
            page.picture().save(pictures[-1], dpi=(page.dpi, page.dpi))
    return files, pictures


def dask_throughput(files: list[Path], warm: Path, tmp: Path, workers: int) -> tuple[float, float]:
    """Seconds of ``vanban ingest`` of ``files`` (one folder) on a local scheduler with ``workers`` workers,
    once each worker has loaded what OCR and extraction need and ``warm`` has been ingested (a running
    cluster is warm: the start of a worker is not the throughput); and the seconds of that one-page ingest,
    mostly what any ``vanban ingest`` costs before its first page (its start, the flow run)."""
    from distributed import Client

    from extractors import nlp
    from pipeline.ocr.page import warm_up

    name = f"dask{workers}-{len(files)}"
    port, env = free_port(), _environment(tmp / name, free_port())
    cluster_env = env | {"VANBAN_OCR_WORKERS": "1", "DO_NOT_TRACK": "1"}
    address = f"tcp://127.0.0.1:{port}"
    log = open(tmp / f"{name}.log", "w")  # noqa: SIM115 - closed below
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
    folder = tmp / f"{name}-inbox"
    folder.mkdir()
    for file in files:
        shutil.copy(file, folder / file.name)
    try:
        with _service(env, tmp / f"{name}-service.log"), Client(address) as client:
            client.wait_for_workers(workers, timeout=START_TIMEOUT)
            for worker in client.scheduler_info()["workers"]:
                client.gather([client.submit(load, workers=[worker], pure=False) for load in (warm_up, nlp)])
            one_page = _timed_ingest(warm, env | {"VANBAN_DASK_ADDRESS": address})
            return _timed_ingest(folder, env | {"VANBAN_DASK_ADDRESS": address}), one_page
    finally:
        for process in reversed(processes):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def local_throughput(files: list[Path], warm: Path, tmp: Path) -> float:
    """Seconds of ingesting ``files`` (one folder) without Dask or Prefect, in this process once ``warm`` is
    ingested: one machine's OCR process pool (``VANBAN_OCR_WORKERS``, one per core), as a warm watcher has."""
    from pipeline.ingest.runner import ingest_folder

    folder = tmp / f"local-{len(files)}-inbox"
    folder.mkdir()
    for file in files:
        shutil.copy(file, folder / file.name)
    db = f"sqlite:///{tmp / f'local-{len(files)}.db'}"
    archive, quarantine = tmp / "local-archive", tmp / "local-quarantine"
    ingest_folder([warm], db, archive, quarantine)
    start = time.perf_counter()
    ingest_folder([folder], db, archive, quarantine)
    return time.perf_counter() - start


@dataclass
class Throughput:
    """One set of pages read every way: seconds for the whole set."""

    label: str
    files: int
    pages: int
    dask: dict[int, tuple[float, float]]  # local Dask workers → (seconds, seconds of a one-page ingest)
    local: float
    tesseract: float


def throughput(label: str, files: list[Path], pictures: list[Path], warm: Path, tmp: Path) -> Throughput:
    """The set through 1 and 2 local Dask workers, one warm process without Dask, and bare Tesseract."""
    tmp.mkdir()
    dask = {n: dask_throughput(files, warm, tmp, n) for n in (1, 2)}
    local = local_throughput(files, warm, tmp)
    return Throughput(label, len(files), len(pictures), dask, local, bare_tesseract(pictures)[1])


def report(times: dict[str, list[float]], watch: list[tuple[float, float, float]], load_before: float) -> str:
    def median(xs: list[float]) -> str:
        return f"{statistics.median(xs):.1f} s ({', '.join(f'{x:.1f}' for x in xs)})"

    ratios = ", ".join(f"{d / o:.2f}" for d, o, _ in watch)
    lines = [
        SECTION,
        "",
        "`python -m bench.service --part service` (2 cores shared with other work; wall seconds, median and each run).",
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
        f"Load average (1 min): {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, on {os.cpu_count()} cores.",
    ]
    return "\n".join(lines) + "\n"


def dask_report(sets: list[Throughput], load_before: float) -> str:
    lines = [
        DASK_SECTION,
        "",
        "`python -m bench.service --part dask` (2 cores shared with other work). Dask: `vanban ingest` of the "
        "folder with `VANBAN_DASK_ADDRESS` and `vanban server` running, each worker `--nthreads 1` with one OCR "
        "process, warmed first; each file a task, each of its pages a task. Local: the same folder in one warm "
        "process without Dask or Prefect (one OCR process per core). Bare: `tesseract -l vie` on the same page "
        "pictures, two at a time.",
    ]
    for found in sets:
        lines += [
            "",
            f"| {found.label}: {found.files} files, {found.pages} pages | pages/min | wall | past one page |",
            "|---|---|---|---|",
        ]
        for n, (seconds, one) in sorted(found.dask.items()):
            past = f"{60 * (found.pages - 1) / (seconds - one):.1f} pages/min" if seconds > one else "-"
            lines.append(
                f"| `vanban ingest`, {n} local Dask worker(s) | {60 * found.pages / seconds:.1f} | {seconds:.1f} s "
                f"| one page alone {one:.1f} s: {past} |"
            )
        rows = [("one warm process, no Dask", found.local), ("bare `tesseract -l vie`, two at a time", found.tesseract)]
        lines += [f"| {what} | {60 * found.pages / seconds:.1f} | {seconds:.1f} s | |" for what, seconds in rows]
    load = os.getloadavg()[0]
    lines += [
        "",
        f"Load average (1 min): {load_before:.1f} at the start, {load:.1f} at the end, on {os.cpu_count()} cores.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("all", "service", "dask"), default="all", help="which sections to measure")
    parser.add_argument("--runs", type=int, default=2, help="ingests of one text file per mode")
    parser.add_argument("--pages", type=int, default=6, help="single page images for the Dask throughput (0: none)")
    parser.add_argument("--scans", type=Path, default=REAL_SCANS, help="folder of scanned PDFs for the Dask throughput")
    parser.add_argument("--min-pages", type=int, default=3, help="pages a scanned PDF needs to be in that folder")
    parser.add_argument("--watched", type=int, default=3, help="scans dropped into the watched inbox")
    parser.add_argument("--record", type=Path, help="write the sections into this Markdown file")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    sections = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        images = tmp / "images"
        images.mkdir()
        pages = []
        for scan in sorted((SAMPLES_DIR / "scans").glob("*.office.pdf")):
            out = images / scan.stem
            out.mkdir()
            pages += page_images(scan, out)
        # the page after the set warms the workers up
        pictures = [Path(shutil.copy(p, images / f"{i:03d}.png")) for i, p in enumerate(pages[: args.pages + 1])]
        if args.part in ("all", "service"):
            texts = sorted((SAMPLES_DIR / "text").glob("*.txt"))
            copies = []
            for i in range(3 * args.runs):  # a new file every time: a stored one would be skipped
                copy = tmp / f"text{i}.txt"
                copy.write_text(texts[i % len(texts)].read_text(encoding="utf-8") + f"\n{i}\n", encoding="utf-8")
                copies.append(copy)
            times = one_text_file(copies, tmp, args.runs)
            sections.append(report(times, watched_scans(pictures[: args.watched], tmp), load_before))
        if args.part in ("all", "dask"):
            warm, singles = pictures[-1], pictures[:-1]
            scans = tmp / "scans"
            scans.mkdir()
            files, scan_pictures = scanned_folder(args.scans, scans, args.min_pages)
            sets = [throughput("single page images", singles, singles, warm, tmp / "singles")] if singles else []
            sets.append(
                throughput(f"scanned PDFs of {args.min_pages}+ pages", files, scan_pictures, warm, tmp / "multi")
            )
            sections.append(dask_report(sets, load_before))
    for section in sections:
        print(section)
        if args.record:
            record(section, args.record)


if __name__ == "__main__":
    main()
