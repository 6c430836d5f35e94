"""Prefect's server: is one running, and how the commands of this process reach it.

Prefect 3 has no serverless local mode: without a server every flow run starts a temporary one
(14-37 s for one ingest on a busy 2-core machine). A long-running server (``vanban server``)
answers in milliseconds, so the commands look for one first and fall back to the temporary one."""

from __future__ import annotations

import logging
import os
import time
import urllib.error
import urllib.request
from enum import StrEnum

from pipeline.messages import t
from pipeline.settings import configure_prefect, settings

log = logging.getLogger("vanban.service")

# A health check on the loopback answers in milliseconds; a busy server gets a little more. A
# server named by ``PREFECT_API_URL`` (the service names its own to the watcher) is given up to
# ``NAMED_SERVER_PATIENCE`` seconds: on a saturated machine one check can miss a running server.
HEALTH_TIMEOUT = 1.0
NAMED_SERVER_PATIENCE = 15.0


class Mode(StrEnum):
    """How a command runs its flows."""

    SERVER = "server"  # on a running Prefect server: runs recorded in its UI
    TEMPORARY = "temporary"  # Prefect's temporary server, started and stopped by this process
    PLAIN = "plain"  # the same stages as plain calls, without Prefect (``--no-prefect``)


def healthy(api_url: str, timeout: float = HEALTH_TIMEOUT) -> bool:
    """Whether a Prefect server answers its health check at ``api_url`` (``…/api``)."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError, ValueError):
        return False


def answers(api_url: str, patience: float) -> bool:
    """Whether the server answers within ``patience`` seconds (at least one check)."""
    deadline = time.monotonic() + patience
    while not healthy(api_url):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.5)
    return True


def server_address() -> str:
    """Where a server would be: ``PREFECT_API_URL`` when set, else ``vanban server``'s address."""
    return os.environ.get("PREFECT_API_URL") or settings().server_url


def prepare_prefect(use_prefect: bool) -> Mode:
    """Choose the mode for this process, set Prefect's environment for it (before Prefect is
    imported) and say once, on the log, which mode it is.

    A ``PREFECT_API_URL`` that does not answer is dropped for this process, so the command still
    works on Prefect's temporary server instead of failing on every task."""
    if not use_prefect:
        log.info(t("service.mode.plain"))
        return Mode.PLAIN
    address = server_address()
    patience = NAMED_SERVER_PATIENCE if os.environ.get("PREFECT_API_URL") else 0.0
    if answers(address, patience):
        configure_prefect(api_url=address)
        mode = Mode.SERVER
    else:
        os.environ.pop("PREFECT_API_URL", None)
        configure_prefect()
        mode = Mode.TEMPORARY
    log.info(t(f"service.mode.{mode}", url=address.removesuffix("/api")))
    if settings().dask_address:
        log.info(t("service.mode.dask", address=settings().dask_address))
        if mode == Mode.TEMPORARY:  # the workers learn the server's address from the flow: none to learn
            log.warning(t("service.dask_without_server"))
    return mode
