"""vanban's settings in one place: read once from the environment, then passed around as values.

The bottom layer: imports nothing from ``pipeline`` or ``extractors``, so every layer may use it.

- ``settings()`` — the process's settings, read from the environment on first use and cached.
- ``Settings(...)`` or ``Settings.from_env({...})`` — an explicit one, for tests and tools.
- ``configure_prefect()`` — Prefect's environment defaults, applied by the command line before
  Prefect is imported (nothing here touches the environment on import).

Operational settings can be overridden by an environment variable (named beside each field);
the domain facts at the end (a rounding tolerance, the date a law took effect) cannot: they live
here only so that each is written once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

DATABASE_FILE = "vanban.db"


def _env(variable: str, parse: Callable[[str], Any]) -> dict[str, Any]:
    """The metadata of a field that ``$variable`` overrides (its text parsed by ``parse``)."""
    return {"env": variable, "parse": parse}


def _default_workers() -> int:
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    """Everything vanban could be tuned by, with its default and why."""

    # Where vanban keeps its database, archive, quarantine and Prefect's state.
    home: Path = field(default=Path("~/.vanban"), metadata=_env("VANBAN_HOME", Path))
    # Any SQLAlchemy URL; None means the embedded SQLite file ``home/vanban.db``.
    database_url: str | None = field(default=None, metadata=_env("VANBAN_DB", str))
    # The language of every message people read: Vietnamese, or English for the developers.
    lang: str = field(default="vi", metadata=_env("VANBAN_LANG", str))

    # The watched folder: a file is read once its size and mtime have rested ``watch_settle``
    # seconds since its last write (scanners and network copies write slowly); the whole folder is
    # rescanned every ``watch_rescan`` seconds (network shares often send no file events), every
    # ``watch_rescan_without_events`` when events are unavailable altogether; settling files are
    # looked at again every ``watch_tick`` (a look is a stat: 0.5 s made a settled file wait up to
    # half a second more for nothing).
    watch_settle: float = field(default=2.0, metadata=_env("VANBAN_WATCH_SETTLE", float))
    watch_rescan: float = field(default=30.0, metadata=_env("VANBAN_WATCH_RESCAN", float))
    watch_rescan_without_events: float = field(default=5.0, metadata=_env("VANBAN_WATCH_RESCAN_WITHOUT_EVENTS", float))
    watch_tick: float = field(default=0.1, metadata=_env("VANBAN_WATCH_TICK", float))
    # A file that killed the process this many times (out of memory on a giant image…) is quarantined.
    max_attempts: int = field(default=3, metadata=_env("VANBAN_MAX_ATTEMPTS", int))

    # Limits on one file, checked before any work starts (pipeline/read/limits.py) so that a hostile or
    # absurd file is refused with a reason instead of holding the inbox for hours. Bytes of any file: a
    # 300-dpi scan takes 0.1-1 MB a page (the 17 real scans: 0.2-3.8 MB for 1-5 pages).
    max_file_bytes: int = field(default=200_000_000, metadata=_env("VANBAN_MAX_FILE_BYTES", int))
    # Bytes of a text file: the longest of the 351 real corpus texts is 0.44 MB.
    max_text_bytes: int = field(default=10_000_000, metadata=_env("VANBAN_MAX_TEXT_BYTES", int))
    # Pages of a PDF or frames of an image file (the longest real scan here has 5; a 2000-page TIFF of
    # tiny pages held the inbox past 7 minutes).
    max_pages: int = field(default=500, metadata=_env("VANBAN_MAX_PAGES", int))
    # An image file with a larger frame is refused: a decompression bomb, or a poster no office scanner
    # makes (an A0 sheet at 300 dpi is ~140 MP).
    max_page_pixels: int = field(default=180_000_000, metadata=_env("VANBAN_MAX_PAGE_PIXELS", int))
    # Every page is read at most this large, whatever its size says (an A2 sheet at 250 dpi is 23 MP):
    # PDF pages are drawn coarser and images scaled down. A 1 KB PDF with one 200 x 200-inch page once
    # made OpenCV allocate 2.5 GB.
    page_pixel_budget: int = field(default=25_000_000, metadata=_env("VANBAN_PAGE_PIXEL_BUDGET", int))
    # CPU seconds one page may use in its OCR worker (a page takes 1-3 s, a table page up to ~10 s on two busy
    # cores); past it, or after as many seconds with no CPU used at all (a hang), or WALL_PER_CPU times as many
    # on the clock (pipeline/ocr/workers.py), the worker is stopped and the page tried once more with plainer
    # preparation. CPU time, not the clock's: on a machine busy with other work a slow page is not a hung one.
    page_timeout: float = field(default=60.0, metadata=_env("VANBAN_PAGE_TIMEOUT", float))
    # Seconds (on the clock: the time a clerk waits) the pages of one document may take in all; pages not read
    # by then are kept empty, each with an issue, and the rest of the document is stored. An executor a caller
    # hands ``ocr_pages`` has this long too, then its unread pages go to the OCR workers.
    document_timeout: float = field(default=900.0, metadata=_env("VANBAN_DOCUMENT_TIMEOUT", float))
    # Memory (bytes) an OCR worker may take beyond what it inherits: a page that needs more fails
    # alone instead of swapping the machine (without a cap a hostile page once reached 19.8 GB).
    ocr_worker_memory: int = field(default=3 << 30, metadata=_env("VANBAN_OCR_WORKER_MEMORY", int))
    # Processes OCR'ing pages in parallel (one Tesseract each, single-threaded).
    ocr_workers: int = field(default_factory=_default_workers, metadata=_env("VANBAN_OCR_WORKERS", int))
    # Tesseract's language data folder holding vie.traineddata; None: Debian's and the usual places.
    tessdata: Path | None = field(default=None, metadata=_env("VANBAN_TESSDATA", Path))
    # PDF pages are drawn, or their scans taken, at most this fine.
    draw_dpi: int = 300

    # The service (``vanban server``): Prefect's server and UI listen here, on the loopback only by
    # default (the UI has no login); ``vanban ingest|watch`` look for a running server at this
    # address when ``PREFECT_API_URL`` is not set.
    server_host: str = field(default="127.0.0.1", metadata=_env("VANBAN_SERVER_HOST", str))
    server_port: int = field(default=4200, metadata=_env("VANBAN_SERVER_PORT", int))
    # The web app's port, when ``pipeline.web`` is installed.
    web_port: int = field(default=8000, metadata=_env("VANBAN_WEB_PORT", int))
    # Seconds the service gives each process it started to stop before killing it: everything is
    # stopped within 5 s of Ctrl-C or SIGTERM (the ledger makes a file cut short safe to redo).
    stop_grace: float = field(default=2.0, metadata=_env("VANBAN_STOP_GRACE", float))
    # A Dask scheduler (``tcp://host:8786``): files are ingested as tasks on its workers, which must
    # see the same paths (inbox, archive, quarantine) and the same database. None: on this machine.
    dask_address: str | None = field(default=None, metadata=_env("VANBAN_DASK_ADDRESS", str))

    # Percent cells are printed rounded to two decimals, so a correct cell is within half a unit
    # of its last place (0.005) of count / total; the extra 0.0001 absorbs float error. One
    # tolerance for the extractor (which repairs misread cells with it) and the national table's
    # checks: the checks' former 0.01 on a re-rounded ratio passed a cell one unit off in its last
    # place, and a row printed 0.01 under a floor (29.99 % against 'ít nhất 30 %').
    percent_tolerance: float = 0.0051
    # The 2025 reorganization (63 provinces → 34, districts abolished) took effect on this day:
    # documents issued from it on name the new units.
    reorganized_on: date = date(2025, 7, 1)

    def __post_init__(self) -> None:
        object.__setattr__(self, "home", Path(self.home).expanduser())

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Defaults overridden by the ``VANBAN_*`` variables set (and not empty) in ``environ``."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            variable = f.metadata.get("env")
            raw = environ.get(variable) if variable else None
            if raw:
                try:
                    values[f.name] = f.metadata["parse"](raw)
                except ValueError as e:
                    raise ValueError(f"{variable}={raw!r} is not a valid {f.name.replace('_', ' ')}") from e
        return cls(**values)

    @property
    def database(self) -> str:
        """The database URL: ``database_url``, else the embedded SQLite file in ``home``."""
        return self.database_url or f"sqlite:///{self.home / DATABASE_FILE}"

    @property
    def archive(self) -> Path:
        """Default home of originals after their rows are committed."""
        return self.home / "archive"

    @property
    def quarantine(self) -> Path:
        """Default home of files that could not be read."""
        return self.home / "quarantine"

    @property
    def cache(self) -> Path:
        """Tables built from data files (the lexicon, the agency patterns), kept between runs."""
        return self.home / "cache"

    @property
    def server_url(self) -> str:
        """Where ``vanban server`` serves Prefect's API (the UI is the same address without ``/api``)."""
        return f"http://{self.server_host}:{self.server_port}/api"

    @property
    def prefect_home(self) -> Path:
        """Prefect's state beside vanban's own data, so cached text layers live with it."""
        return self.home / "prefect"


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The process's settings, read from the environment once (``settings.cache_clear()`` to reread)."""
    return Settings.from_env()


def prefect_environment(current: Settings | None = None, api_url: str | None = None) -> dict[str, str]:
    """Prefect's defaults for vanban (each used only where the variable is not set already).

    With ``api_url`` (a running server) every flow run is recorded there; without it Prefect
    starts a temporary local server for the process, whose first start migrates a fresh database
    (on a busy 2-core machine more than the 20 s default). Analytics and telemetry are off
    everywhere: the machines of an administration send nothing out (and the temporary server
    logged "Failed to send telemetry")."""
    current = current or settings()
    environment = {
        "PREFECT_HOME": str(current.prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_EPHEMERAL_ENABLED": "true",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    if api_url:
        environment["PREFECT_API_URL"] = api_url
    return environment


def configure_prefect(current: Settings | None = None, api_url: str | None = None) -> None:
    """Apply ``prefect_environment`` to this process; call it before importing Prefect (or flows)."""
    for name, value in prefect_environment(current, api_url).items():
        os.environ.setdefault(name, value)
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
