"""``vanban server``: Prefect's server, the watcher, the worker ``vanban ingest`` hands its files
to and the web app started, watched and stopped as one unit.

Each child runs in its own session, so Ctrl-C in the terminal reaches only the supervisor (it
reached the whole process group before, the temporary server included, and the watcher hung for
minutes on refused connections). On Ctrl-C or SIGTERM the supervisor stops the children in
waves (``Child.wave``): the watcher and the worker first, whose runs and events the server must
still be there to receive; then the web app; then Prefect's server, once nothing sends to it any
more (stopped while a watcher still recorded task runs, it printed an "Error flushing events"
traceback), and only once it has had ``SERVER_DRAIN`` to write what they last sent. Each wave is given
``stop_grace`` seconds before it is killed, all within 5 s. A file cut short is safe: its ledger entry is claimed
but not decided, and the watcher reads it again when it starts (``pipeline.ingest.runner``). A child that dies on its own
ends the unit with exit status 1, so that systemd (``Restart=on-failure``) starts it again whole.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from pipeline.messages import language, t
from pipeline.service import handoff
from pipeline.service.server import healthy
from pipeline.settings import Settings, prefect_environment, settings

log = logging.getLogger("vanban.service")

# Seconds Prefect's server may take to answer its first health check: a fresh database is migrated
# first (29 s measured on a busy 2-core machine).
SERVER_START_TIMEOUT = 180.0
POLL = 0.2
RECORDS, READS, SERVES = 0, 1, 2  # the stop waves, in order
# Before the server's wave: the server writes each task-run event it received as it comes (one per write); stopped
# while writing the last events of the watcher and the worker, it logged "Error flushing 1 events" with two
# tracebacks (a fresh clone's suite at load 7, stop_grace 0.3 s). A second's wait before SIGTERM, sized for a busy
# machine rather than measured, adds that second to every stop (the test allows 5 s).
SERVER_DRAIN = 1.0


@dataclass
class Child:
    """One process of the unit: its command, its environment, and how to tell it is ready."""

    name: str
    command: list[str]
    environment: dict[str, str] = field(default_factory=dict)
    ready: Callable[[], bool] | None = None
    # The order of stopping: the children that record runs on the server (RECORDS), then those that
    # only read (READS: the web app), then the server itself (SERVES).
    wave: int = RECORDS
    process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(self.command, env={**os.environ, **self.environment}, start_new_session=True)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def terminate(self) -> None:
        """Ask the child to stop: its main process only, so that its OCR workers are not killed
        under a page it still waits for (a page read as empty would be stored as such)."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                self.process.terminate()

    def kill(self) -> None:
        """Kill the child's whole process group at once: its workers die with it, nothing is committed after."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)


@dataclass
class Plan:
    """What ``vanban server`` runs: an inbox to watch (or none) and the web app (when installed)."""

    inbox: Path | None = None
    archive: Path | None = None
    quarantine: Path | None = None
    database: str | None = None
    create: bool = False
    web: bool = True


def web_available() -> bool:
    """Whether the web app (``pipeline.web``) is installed with this vanban."""
    return importlib.util.find_spec("pipeline.web") is not None


def _port_open(host: str, port: int) -> Callable[[], bool]:
    def ready() -> bool:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            return False

    return ready


def _database_made(url: str) -> Callable[[], bool]:
    """Ready once the database exists: the watcher with ``--create`` makes it, the web app only reads it."""

    def ready() -> bool:
        from pipeline.store.db import Store, StoreUnavailable

        try:
            Store(url, create=False).engine.dispose()
        except StoreUnavailable:
            return False
        return True

    return ready


def children(plan: Plan, current: Settings | None = None) -> list[Child]:
    """The processes of the unit, in the order they start."""
    current = current or settings()
    api_url = current.server_url
    environment = {
        **prefect_environment(current),
        "PREFECT_API_URL": api_url,
        "PREFECT_LOGGING_SERVER_LEVEL": "WARNING",
        "VANBAN_LANG": language(),  # the children speak the language the service was started in
    }
    del environment["PREFECT_SERVER_EPHEMERAL_ENABLED"]
    bin_dir = Path(sys.executable).parent
    unit = [
        Child(
            "prefect-server",
            [
                str(bin_dir / "prefect"),
                "server",
                "start",
                "--host",
                current.server_host,
                "--port",
                str(current.server_port),
            ],
            {k: v for k, v in environment.items() if k != "PREFECT_API_URL"},
            ready=lambda: healthy(api_url),
            wave=SERVES,
        )
    ]
    # The warm worker `vanban ingest` hands its files to (``pipeline.service.handoff``): ready once
    # it has loaded its models and holds the spool's lock; the watcher starts after it, so that the
    # two do not load their models at once on a small machine.
    unit.append(Child("worker", [sys.executable, "-m", "cli", "worker"], environment, ready=handoff.worker_alive))
    if plan.inbox is not None:
        watch = [sys.executable, "-m", "cli", "watch", str(plan.inbox)]
        for option, value in (("--archive", plan.archive), ("--quarantine", plan.quarantine), ("--db", plan.database)):
            if value is not None:
                watch += [option, str(value)]
        ready = _database_made(plan.database or current.database) if plan.create else None
        unit.append(Child("watcher", watch + (["--create"] if plan.create else []), environment, ready=ready))
    if plan.web and web_available():
        command = [sys.executable, "-m", "cli", "serve", "--host", current.server_host, "--port", str(current.web_port)]
        for option, value in (("--archive", plan.archive), ("--db", plan.database)):
            if value is not None:
                command += [option, str(value)]
        web_ready = _port_open(current.server_host, current.web_port)
        unit.append(Child("web", command, environment, ready=web_ready, wave=READS))
    return unit


class Supervisor:
    """Starts ``children`` in order (each waiting until the one before is ready), watches them,
    and stops them all on a signal or when one dies."""

    def __init__(self, unit: list[Child], grace: float | None = None) -> None:
        self.unit = unit
        self.grace = settings().stop_grace if grace is None else grace
        self.stopping = threading.Event()

    def run(self) -> int:
        """Run the unit until Ctrl-C or SIGTERM (exit status 0) or until a child dies (1)."""
        previous = {s: signal.signal(s, self._on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            return 0 if self._start_all() and self._watch() else 1
        finally:
            self._stop_all()
            for number, handler in previous.items():
                signal.signal(number, handler)

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        self.stopping.set()

    def _start_all(self) -> bool:
        for child in self.unit:
            if self.stopping.is_set():
                return True
            log.info(t("service.starting", name=child.name))
            child.start()
            if child.ready is not None and not self._wait_ready(child):
                return self.stopping.is_set()
        if not self.stopping.is_set():
            log.info(t("service.running", url=settings().server_url.removesuffix("/api")))
        return True

    def _wait_ready(self, child: Child) -> bool:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not self.stopping.is_set():
            if not child.alive():
                log.error(t("service.died", name=child.name, code=child.process.returncode if child.process else ""))
                return False
            if child.ready is not None and child.ready():
                return True
            if time.monotonic() > deadline:
                log.error(t("service.not_ready", name=child.name, seconds=f"{SERVER_START_TIMEOUT:.0f}"))
                return False
            self.stopping.wait(POLL)
        return False

    def _watch(self) -> bool:
        """Wait for a signal (True) or a child that exits on its own (False)."""
        while not self.stopping.wait(POLL):
            for child in self.unit:
                if not child.alive():
                    log.error(
                        t("service.died", name=child.name, code=child.process.returncode if child.process else "")
                    )
                    return False
        return True

    def _stop_all(self) -> None:
        """Wave after wave (``Child.wave``): SIGTERM, then SIGKILL to its process groups after at
        most ``grace`` seconds."""
        log.info(t("service.stopping"))
        for wave in sorted({c.wave for c in self.unit}):
            running = [c for c in self.unit if c.wave == wave and c.alive()]
            if wave == SERVES and running:
                time.sleep(SERVER_DRAIN)
            for child in running:
                child.terminate()
            deadline = time.monotonic() + self.grace
            while any(c.alive() for c in running) and time.monotonic() < deadline:
                time.sleep(0.05)
            for child in running:
                child.kill()  # and whatever it left behind in its group
                if child.process is not None:
                    child.process.wait()
        log.info(t("service.stopped"))


def serve(plan: Plan) -> int:
    """``vanban server``: the whole unit until stopped; the exit status."""
    settings().prefect_home.mkdir(parents=True, exist_ok=True)  # Prefect's server keeps its database there
    return Supervisor(children(plan)).run()
