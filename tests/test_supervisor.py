"""The supervisor's stopping order, with real processes: the children that record runs on Prefect's
server are stopped and gone before the web app is asked to stop, and the web app before the server
(a server stopped while a watcher still recorded task runs printed an "Error flushing events"
traceback)."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

from pipeline.service.supervisor import READS, RECORDS, SERVES, Child, Supervisor

CHILD = """
import signal, sys, time
journal, name, linger = sys.argv[1], sys.argv[2], float(sys.argv[3])

def note(what):
    with open(journal, "a") as f:
        f.write(f"{name} {what} {time.monotonic()}\\n")

def stop(*_):
    note("asked")
    time.sleep(linger)  # finishing the file in hand, flushing its events
    note("gone")
    sys.exit(0)

signal.signal(signal.SIGTERM, stop)
note("ready")
while True:
    time.sleep(0.05)
"""


def _child(journal: Path, name: str, wave: int, linger: float) -> Child:
    def ready() -> bool:
        return journal.exists() and f"{name} ready" in journal.read_text()

    return Child(name, [sys.executable, "-c", CHILD, str(journal), name, str(linger)], ready=ready, wave=wave)


def test_sigterm_stops_recorders_then_the_web_app_then_the_server(tmp_path):
    journal = tmp_path / "journal"
    unit = [
        _child(journal, "server", SERVES, 0.1),
        _child(journal, "worker", RECORDS, 0.6),
        _child(journal, "watcher", RECORDS, 0.3),
        _child(journal, "web", READS, 0.1),
    ]
    supervisor = Supervisor(unit, grace=2.0)

    def stop_when_running() -> None:
        deadline = time.monotonic() + 60
        while not all(c.ready and c.ready() for c in unit) and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=stop_when_running, daemon=True).start()
    started = time.monotonic()
    assert supervisor.run() == 0
    assert time.monotonic() - started < 60
    when = {}
    for line in journal.read_text().splitlines():
        name, what, at = line.split()
        when[name, what] = float(at)
    assert max(when["worker", "gone"], when["watcher", "gone"]) < when["web", "asked"]
    assert when["web", "gone"] < when["server", "asked"]
    assert abs(when["worker", "asked"] - when["watcher", "asked"]) < 0.5  # one wave: asked together
    assert not any(c.alive() for c in unit)
