"""What the benchmarks that start vanban as a subprocess (a server, a watcher) share: a free port
to give it, and a wait for it to be ready that stops when it dies or takes too long."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Callable


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(ready: Callable[[], object], process: subprocess.Popen, timeout: float, who: str) -> None:
    """Poll ``ready`` until it is true; give up when ``process`` exits or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{who}: gave up waiting (exit status {process.poll()})")
        time.sleep(0.05)
