"""Ingestion benchmark: `ingest_folder` on the sample scans against bare Tesseract, and the delay
from a file's last write in a watched folder to its rows being queryable.

Why: the flow adds hashing, extraction, a transaction and filing around OCR — this shows what
that costs next to `tesseract page.png - -l vie` on the very same page images (two at a time,
one per core, as the text layer runs it), and how long a clerk waits before an auditor sees a
dropped letter (the watcher's settle time included).

    python -m bench.ingest [--scans samples/scans] [--record docs/benchmarks.md]

Everything runs in a throw-away VANBAN_HOME, so the text-layer cache starts empty.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from bench.processes import wait_until
from bench.samples import SAMPLES_DIR
from pipeline.settings import Settings, configure_prefect, settings

SCAN_SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg")
SECTION = "## Ingestion"


@dataclass
class Throughput:
    files: int
    pages: int
    seconds: float  # ingest_folder, Prefect server already up
    server_seconds: float  # starting Prefect's temporary server (once per process)
    tesseract_seconds: float

    @property
    def pages_per_minute(self) -> float:
        return 60 * self.pages / self.seconds

    @property
    def tesseract_pages_per_minute(self) -> float:
        return 60 * self.pages / self.tesseract_seconds


def scan_files(scans: Path) -> list[Path]:
    return sorted(p for p in scans.iterdir() if p.suffix.lower() in SCAN_SUFFIXES)


def throughput(scans: list[Path], home: Path) -> Throughput:
    """Run the ``ingest_folder`` flow on ``scans``, then bare Tesseract on the same page images."""
    os.environ["VANBAN_HOME"] = str(home)
    settings.cache_clear()  # read the throw-away home, also for Prefect's (and its text-layer cache)
    configure_prefect()
    import flows
    from bench.ocr import bare_tesseract, page_images

    start = time.perf_counter()
    flows.ingest_folder([])  # starts Prefect's temporary server
    server_seconds = time.perf_counter() - start
    start = time.perf_counter()
    outcomes = flows.ingest_folder(scans)
    seconds = time.perf_counter() - start
    failed = [o for o in outcomes if o.state != "processed"]
    if failed:
        raise SystemExit(f"bench_ingest: {failed[0].path}: {failed[0].message}")
    tesseract_seconds = 0.0
    for scan in scans:
        with tempfile.TemporaryDirectory() as tmp:
            tesseract_seconds += bare_tesseract(page_images(scan, Path(tmp)))[1]
    return Throughput(len(outcomes), sum(o.pages for o in outcomes), seconds, server_seconds, tesseract_seconds)


def write_to_queryable(
    warm_up: Path, probes: list[Path], home: Path, settle: float = Settings().watch_settle
) -> list[tuple[str, float]]:
    """Seconds from each probe's last write into a watched inbox to its document row being readable.

    ``warm_up`` goes first, unmeasured: the first file pays the watcher's one-time imports."""
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    env = {**os.environ, "VANBAN_HOME": str(home), "PREFECT_HOME": str(home / "prefect")}  # no cached OCR
    vanban = str(Path(sys.executable).parent / "vanban")
    watcher = subprocess.Popen(
        [vanban, "watch", str(inbox), "--settle", str(settle)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    engine = sa.create_engine(f"sqlite:///{home / 'vanban.db'}")
    try:
        _wait(lambda: _scalar(engine, "SELECT count(*) FROM inboxes"), watcher)
        delays = []
        for probe in [warm_up, *probes]:
            data = probe.read_bytes()
            sha256 = hashlib.sha256(data).hexdigest()
            with open(inbox / probe.name, "wb") as f:
                f.write(data)
            written = time.perf_counter()
            _wait(lambda h=sha256: _scalar(engine, "SELECT count(*) FROM documents WHERE sha256 = :h", h=h), watcher)
            delays.append((probe.name, time.perf_counter() - written))
        return delays[1:]
    finally:
        watcher.terminate()  # the watcher stops Prefect's temporary server on its way out
        try:
            watcher.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(watcher.pid, signal.SIGKILL)
            watcher.wait()


def _scalar(engine: sa.Engine, sql: str, **params) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql), params).scalar_one()
    except sa.exc.OperationalError:  # the watcher has not created the tables yet
        return 0


def _wait(ready, process: subprocess.Popen) -> None:
    wait_until(ready, process, 600, "bench.ingest")


def report(t: Throughput, delays: list[tuple[str, float]], settle: float) -> str:
    lines = [
        SECTION,
        "",
        f"`python -m bench.ingest` — {t.files} sample scans, {t.pages} pages, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end, {time.strftime('%Y-%m-%d')}.",
        "",
        "| | pages/min | seconds |",
        "|---|---:|---:|",
        f"| `ingest_folder` flow (hash, text layer, extraction, commit, archive) | {t.pages_per_minute:.1f} "
        f"| {t.seconds:.1f} |",
        f"| bare `tesseract -l vie` on the same page images | {t.tesseract_pages_per_minute:.1f} "
        f"| {t.tesseract_seconds:.1f} |",
        f"| starting Prefect's temporary server (once per command) | | {t.server_seconds:.1f} |",
        "",
        f"Delay from a file's last write in the watched folder to its rows being queryable "
        f"(`vanban watch`, settle {settle:g} s):",
        "",
        "| file | seconds |",
        "|---|---:|",
        *[f"| {name} | {seconds:.1f} |" for name, seconds in delays],
        "",
    ]
    return "\n".join(lines)


def record(section: str, path: Path) -> None:
    """Replace (or add) ``section`` of ``path`` — the one its first line names — leaving the other
    sections alone (``bench.service`` records its own section with this too)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    heading = section.split("\n", 1)[0]
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip("\n") + "\n\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scans", type=Path, default=SAMPLES_DIR / "scans")
    parser.add_argument("--settle", type=float, default=Settings().watch_settle)
    parser.add_argument("--record", type=Path, help="write the section into this Markdown file")
    args = parser.parse_args(argv)
    scans = scan_files(args.scans)
    if not scans:
        raise SystemExit(f"bench_ingest: no scans in {args.scans} (run scripts/make_samples.py)")
    with tempfile.TemporaryDirectory() as tmp:
        copies = Path(tmp) / "scans"  # samples/ may be regenerated meanwhile
        copies.mkdir()
        scans = [Path(shutil.copy2(scan, copies)) for scan in scans]
        t = throughput(scans, Path(tmp) / "throughput")
        texts = sorted((SAMPLES_DIR / "text").glob("*.txt"))
        probes = [texts[1], min(scans, key=lambda p: p.stat().st_size)]
        delays = write_to_queryable(texts[0], probes, Path(tmp) / "latency", args.settle)
    section = report(t, delays, args.settle)
    print(section)
    if args.record:
        record(section, args.record)


if __name__ == "__main__":
    main()
