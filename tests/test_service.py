"""The service for real: ``vanban server`` (Prefect's server, the watcher and the worker as one
unit) stopped with SIGTERM in the middle of an inbox and of a ``vanban ingest`` handed to it, and
started again; every file ends stored exactly once. While it runs, ``vanban ingest`` hands its
files to the service's worker and imports neither spaCy nor Prefect nor OpenCV itself."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image

from pipeline.service.handoff import worker_alive
from tests.conftest import render_lines
from tests.test_watch_e2e import letter

pytestmark = [pytest.mark.slow, pytest.mark.ocr]

VANBAN = str(Path(sys.executable).parent / "vanban")
START_TIMEOUT = 240  # a fresh Prefect database is migrated first: 30-45 s on a busy 2-core machine
STOP_LIMIT = 5.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def service_environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "VANBAN_"))}
    env.update(
        VANBAN_HOME=str(home),
        VANBAN_LANG="en",
        VANBAN_SERVER_PORT=str(free_port()),
        VANBAN_WEB_PORT=str(free_port()),
        VANBAN_WATCH_SETTLE="0.3",
        VANBAN_WATCH_RESCAN="1",
        VANBAN_OCR_WORKERS="1",
    )
    return env


def scan_png(i: int) -> bytes:
    image = render_lines(letter(700 + i, "Hà Tĩnh").split("\n")[6:14], dpi=150, pt=12, height_in=3.2)
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(150, 150))
    return out.getvalue()


def scan_pdf(first: int, pages: int) -> bytes:
    """A scanned letter of several pages: seconds of OCR, long enough to stop the service under it."""
    images = [scan_png(first + i) for i in range(pages)]
    frames = [Image.open(io.BytesIO(data)).convert("L") for data in images]
    out = io.BytesIO()
    frames[0].save(out, "PDF", save_all=True, append_images=frames[1:], resolution=150)
    return out.getvalue()


def wait_for(predicate, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert process.poll() is None, log.read_text(encoding="utf-8")[-3000:]
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> float:
    """SIGTERM the service; the seconds it took to exit."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    return time.monotonic() - started


def filed(engine: sa.Engine) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM files WHERE filed")).scalar_one()
    except sa.exc.OperationalError:  # not created yet
        return 0


def test_sigterm_mid_ingest_stops_everything_within_5_s_and_a_restart_stores_every_file_once(tmp_path):
    home, inbox = tmp_path / "home", tmp_path / "inbox"
    inbox.mkdir()
    # The worker finishes the file in hand if it can within its grace: a short one, so that the scan
    # below is cut short on a fast machine too (its 12 pages once took 0.6 s, under the default 2 s).
    env = service_environment(home) | {"VANBAN_STOP_GRACE": "0.3"}
    files: dict[str, bytes] = {f"Hà Tĩnh/bản quét {i}.png": scan_png(i) for i in range(2)}
    files["Hà Tĩnh/bản quét dài.pdf"] = scan_pdf(800, pages=6)  # keeps the warm watcher busy for seconds
    files |= {f"kế hoạch {i}.txt": letter(300 + i, "Hà Tĩnh").encode() for i in range(8)}
    for name, data in files.items():
        (inbox / name).parent.mkdir(exist_ok=True)
        (inbox / name).write_bytes(data)
    engine = sa.create_engine(f"sqlite:///{home / 'vanban.db'}")
    log = tmp_path / "service.log"

    with open(log, "w") as out:
        service = subprocess.Popen([VANBAN, "server", str(inbox), "--create"], env=env, stdout=out, stderr=out)
    # In the middle of the inbox, a scan handed to the worker (ready before the watcher starts), and
    # the service stopped under both: the command says so, the request stays in the spool.
    scan = tmp_path / "công văn quét.pdf"
    scan.write_bytes(scan_pdf(900, pages=30))  # ~1.5 s of OCR on a quiet machine, under a busy one far more
    wait_for(lambda: filed(engine) >= 1 and worker_alive(home / "service"), service, log, START_TIMEOUT)
    handed = subprocess.Popen([VANBAN, "ingest", str(scan)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for(lambda: any((home / "service" / "requests").glob("*.json")), service, log, 60)
    seconds = stop(service)
    _, stderr = handed.communicate(timeout=30)
    assert handed.returncode == 1, stderr.decode()
    assert "the service stopped before every file was done" in stderr.decode()
    assert len(list((home / "service" / "requests").glob("*.json"))) == 1
    first = log.read_text(encoding="utf-8")
    done_before = filed(engine)
    assert service.returncode == 0, first[-3000:]
    assert seconds <= STOP_LIMIT, first[-3000:]
    assert "Traceback" not in first, first
    assert "runs recorded on the Prefect server" in first, first  # the watcher found the service's server
    assert done_before < len(files)  # it was stopped in the middle of the inbox
    with pytest.raises(ConnectionRefusedError):  # nothing listens any more: the server was stopped too
        socket.create_connection(("127.0.0.1", int(env["VANBAN_SERVER_PORT"])), timeout=1).close()

    with open(log, "w") as out:
        service = subprocess.Popen([VANBAN, "server", str(inbox)], env=env, stdout=out, stderr=out)
    wait_for(lambda: filed(engine) == len(files) + 1, service, log, START_TIMEOUT)  # the inbox and the scan
    assert not list((home / "service" / "requests").glob("*.json"))  # answered at the start
    with urllib.request.urlopen(f"http://127.0.0.1:{env['VANBAN_WEB_PORT']}/", timeout=30) as page:
        assert page.status == 200  # the web app is part of the unit
    # While it runs, a one-off ingest hands its file to the service's warm worker.
    extra = tmp_path / "công văn thêm.txt"
    extra.write_text(letter(999, "Hà Tĩnh"), encoding="utf-8")
    traced = env | {"PYTHONPROFILEIMPORTTIME": "1"}
    ingest = subprocess.run([VANBAN, "ingest", str(extra)], env=traced, capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    assert "files handed to the service's running worker" in ingest.stderr
    assert ingest.stdout.splitlines()[0].startswith("processed") and "công văn thêm.txt" in ingest.stdout
    assert ingest.stdout.splitlines()[-1] == "1 processed"
    imported = {
        line.rpartition("|")[2].strip() for line in ingest.stderr.splitlines() if line.startswith("import time")
    }
    assert "typer" in imported and not imported & {"spacy", "prefect", "cv2", "sqlalchemy"}
    seconds = stop(service)
    second = log.read_text(encoding="utf-8")
    assert service.returncode == 0 and seconds <= STOP_LIMIT and "Traceback" not in second, second[-3000:]

    with engine.connect() as conn:
        stored = Counter(conn.execute(sa.text("SELECT sha256 FROM documents")).scalars())
        ledger = conn.execute(sa.text("SELECT sha256, state FROM files")).all()
    expected = {hashlib.sha256(data).hexdigest() for data in files.values()}
    expected |= {hashlib.sha256(extra.read_bytes()).hexdigest(), hashlib.sha256(scan.read_bytes()).hexdigest()}
    assert stored == Counter(expected)  # every file's rows exactly once
    assert sorted(state for _, state in ledger) == ["processed"] * (len(files) + 2)
    assert not [p for p in inbox.rglob("*") if p.is_file()]
    assert len([p for p in (home / "archive").rglob("*") if p.is_file()]) == len(files) + 2  # the two ingested copied
