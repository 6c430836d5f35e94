"""The watched folder, built like Paperless-ngx's consumer: events from ``watchfiles`` plus a
periodic full rescan (network shares often deliver no inotify events at all); each settled,
accepted file is handed to the runner one at a time. With ``handle_early`` a file is offered at
its first look, before it has rested: the 0.5-2 s of rest are no longer part of every file's delay,
and only a file that was still being written waits for them."""

import errno
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from pipeline.ingest.file_filter import FileFilter
from pipeline.ingest.stability import FileStabilityTracker
from pipeline.messages import t
from pipeline.settings import settings

log = logging.getLogger("vanban.inbox")


class Watcher:
    """Watches ``inbox`` and hands every settled, accepted file to ``handle`` — one at a time.

    ``handle`` must never raise for a bad file (it quarantines); an exception from it is a
    fault of the system (disk full, database gone) and stops the watcher loudly. ``handle_early``
    is offered each file at its first look and says whether it took it (True) or the file must
    rest and go to ``handle`` (False: it changed while it was read). ``settle``, ``rescan`` and
    ``tick`` default to the settings (``watch_*``)."""

    def __init__(
        self,
        inbox: Path,
        handle: Callable[[Path], object],
        settle: float | None = None,
        rescan: float | None = None,
        tick: float | None = None,
        file_filter: FileFilter | None = None,
        handle_early: Callable[[Path], bool] | None = None,
    ) -> None:
        self.inbox = Path(inbox)
        self.handle = handle
        self.handle_early = handle_early
        self.filter = file_filter or FileFilter()
        self.tracker = FileStabilityTracker(settle)
        self.rescan = settings().watch_rescan if rescan is None else rescan
        self.tick = settings().watch_tick if tick is None else tick
        self.stop_event = threading.Event()
        self._candidates: set[Path] = set()

    def run(self) -> None:
        """Hand files on until ``stop()``; files already waiting in the inbox go first. A missing
        inbox is an error (a mistyped share path would otherwise be watched forever, empty)."""
        if not self.inbox.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(self.inbox))
        last_scan: float | None = None
        for changes in self._events():
            self._candidates |= {Path(p) for _, p in changes}
            # The first scan comes with the first batch, once events are watched: a file dropped
            # after a scan made before the watch began waited for the next rescan (one scan in
            # bench.service: 37 s, the 30 s rescan and its reading).
            if last_scan is None or time.monotonic() - last_scan >= self.rescan:
                self._candidates |= set(self.filter.scan(self.inbox))
                last_scan = time.monotonic()
            self._process_settled()
            if self.stop_event.is_set():
                return

    def stop(self) -> None:
        """Ask ``run`` to return (from another thread or a signal handler)."""
        self.stop_event.set()

    @contextmanager
    def stopping_on_signals(self) -> Iterator[None]:
        """Ctrl-C and SIGTERM end the watch once the file in hand is done; a second one interrupts
        that file too (its ledger entry stays undecided and it is read again at the next start).

        Installed inside the flow, over Prefect's own SIGTERM handler, whose exception could land
        anywhere (once in an event loop's destructor, where it was swallowed). Signals reach only
        the main thread; elsewhere nothing is installed."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def on_signal(number: int, frame: FrameType | None) -> None:
            if self.stop_event.is_set():
                signal.default_int_handler(number, frame)
            self.stop()

        previous = {number: signal.signal(number, on_signal) for number in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)

    def _events(self) -> Iterator[set]:
        """File events, and an empty batch every ``tick`` so settling files are looked at again."""
        try:
            import watchfiles

            yield from watchfiles.watch(
                self.inbox,
                stop_event=self.stop_event,
                yield_on_timeout=True,
                rust_timeout=int(self.tick * 1000),
                debounce=int(self.tick * 1000),
                raise_interrupt=False,
            )
        except (OSError, RuntimeError) as e:  # no inotify (limits, some network mounts): rescans only
            self.rescan = min(self.rescan, settings().watch_rescan_without_events)
            log.warning(t("log.no_events", error=e, seconds=f"{self.rescan:.0f}"))
            while not self.stop_event.wait(self.tick):
                yield set()

    def _process_settled(self) -> None:
        for path in sorted(self._candidates):
            if self.stop_event.is_set():
                return
            try:
                relative = path.relative_to(self.inbox)
            except ValueError:
                relative = None
            if relative is None or not self.filter.accepts(relative) or not path.is_file() or path.is_symlink():
                self._candidates.discard(path)
                self.tracker.forget(path)
                continue
            new = self.tracker.is_new(path)
            if self.tracker.is_stable(path):
                self._candidates.discard(path)
                self.tracker.forget(path)
                self.handle(path)
            elif new and self.handle_early is not None and self.handle_early(path):
                self._candidates.discard(path)
                self.tracker.forget(path)
