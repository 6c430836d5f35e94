"""The service for real: ``vanban server`` (Prefect's server and the watcher as one unit) stopped
with SIGTERM in the middle of an inbox and started again; every file ends stored exactly once.
While it runs, ``vanban ingest`` finds the server and records its run there."""

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
    env = service_environment(home)
    files: dict[str, bytes] = {f"Hà Tĩnh/bản quét {i}.png": scan_png(i) for i in range(2)}
    files |= {f"kế hoạch {i}.txt": letter(300 + i, "Hà Tĩnh").encode() for i in range(8)}
    for name, data in files.items():
        (inbox / name).parent.mkdir(exist_ok=True)
        (inbox / name).write_bytes(data)
    engine = sa.create_engine(f"sqlite:///{home / 'vanban.db'}")
    log = tmp_path / "service.log"

    with open(log, "w") as out:
        service = subprocess.Popen([VANBAN, "server", str(inbox), "--create"], env=env, stdout=out, stderr=out)
    wait_for(lambda: filed(engine) >= 1, service, log, START_TIMEOUT)
    seconds = stop(service)
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
    wait_for(lambda: filed(engine) == len(files), service, log, START_TIMEOUT)
    with urllib.request.urlopen(f"http://127.0.0.1:{env['VANBAN_WEB_PORT']}/", timeout=30) as page:
        assert page.status == 200  # the web app is part of the unit
    # While it runs, a one-off ingest uses the running server instead of starting its own.
    extra = tmp_path / "công văn thêm.txt"
    extra.write_text(letter(999, "Hà Tĩnh"), encoding="utf-8")
    ingest = subprocess.run([VANBAN, "ingest", str(extra)], env=env, capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    assert "runs recorded on the Prefect server" in ingest.stderr
    seconds = stop(service)
    second = log.read_text(encoding="utf-8")
    assert service.returncode == 0 and seconds <= STOP_LIMIT and "Traceback" not in second, second[-3000:]

    with engine.connect() as conn:
        stored = Counter(conn.execute(sa.text("SELECT sha256 FROM documents")).scalars())
        ledger = conn.execute(sa.text("SELECT sha256, state FROM files")).all()
    expected = {hashlib.sha256(data).hexdigest() for data in files.values()}
    expected.add(hashlib.sha256(extra.read_bytes()).hexdigest())
    assert stored == Counter(expected)  # every file's rows exactly once
    assert sorted(state for _, state in ledger) == ["processed"] * (len(files) + 1)
    assert not [p for p in inbox.rglob("*") if p.is_file()]
    assert len([p for p in (home / "archive").rglob("*") if p.is_file()]) == len(files) + 1  # the extra one copied
