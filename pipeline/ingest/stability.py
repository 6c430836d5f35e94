"""A file is read only once its size and modification time have not changed for a while:
scanners and network copies write slowly, and a half-written PDF looks corrupt.

The rest is counted from the file's last write as its mtime says, not from when the watcher first
saw it, so a file is ready ``settle`` seconds after its writer stopped (and a file moved in whole
with an older mtime at its second look), whereas counting from the first look added the detection
delay and a tick. A file must still look the same twice: a write between two looks starts again.
A file whose mtime lies in the future (another machine's clock) rests from its first look.

The watcher need not wait for the rest to begin reading: it reads a file at its first look
(``is_new``) and keeps the result only if the file did not change meanwhile
(``pipeline.ingest.runner``); the rest decides when a file that did change is read again."""

import time
from collections.abc import Callable
from pathlib import Path

from pipeline.settings import settings


class FileStabilityTracker:
    """Says a file is ready once its (size, mtime) has stayed the same for ``settle`` seconds."""

    def __init__(
        self,
        settle: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.settle = settings().watch_settle if settle is None else settle
        self.clock = clock
        self.wall_clock = wall_clock
        self._seen: dict[Path, tuple[tuple[int, int], float]] = {}

    def is_new(self, path: Path) -> bool:
        """True until ``path`` has been looked at (``is_stable``) since it appeared."""
        return path not in self._seen

    def is_stable(self, path: Path) -> bool:
        """True once ``path`` has looked the same twice and not been written for ``settle`` seconds
        (at once with ``settle`` 0; False while it is missing)."""
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
            return self.settle <= 0
        written_ago = self.wall_clock() - st.st_mtime_ns / 1e9
        return max(now - previous[1], written_ago) >= self.settle

    def forget(self, path: Path) -> None:
        """Stop tracking ``path`` (handed on, ignored or gone), so memory does not grow."""
        self._seen.pop(path, None)
