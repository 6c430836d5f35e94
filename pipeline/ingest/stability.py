"""A file is read only once its size and modification time have not changed for a while:
scanners and network copies write slowly, and a half-written PDF looks corrupt."""

import time
from collections.abc import Callable
from pathlib import Path

from pipeline.settings import settings


class FileStabilityTracker:
    """Says a file is ready once its (size, mtime) has stayed the same for ``settle`` seconds."""

    def __init__(self, settle: float | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.settle = settings().watch_settle if settle is None else settle
        self.clock = clock
        self._seen: dict[Path, tuple[tuple[int, int], float]] = {}

    def is_stable(self, path: Path) -> bool:
        """True once ``path`` has looked the same for ``settle`` seconds (False while it is missing)."""
        try:
            st = path.stat()
        except OSError:
            self.forget(path)
            return False
        signature = (st.st_size, st.st_mtime_ns)
        now = self.clock()
        previous = self._seen.get(path)
        if previous is None or previous[0] != signature:
            self._seen[path] = (signature, now)
            return False
        return now - previous[1] >= self.settle

    def forget(self, path: Path) -> None:
        """Stop tracking ``path`` (handed on, ignored or gone), so memory does not grow."""
        self._seen.pop(path, None)
