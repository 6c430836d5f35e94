"""OCR worker processes: each keeps one Tesseract loaded for page after page, and one page can
neither hang nor crash a document.

A page is read in a worker process with a deadline counted in the worker's CPU time, not the
clock's: on a machine busy with other work a page that needs 20 s of CPU can take minutes, and a
wall-clock deadline stopped such slow but working pages. A worker that uses no CPU
at all for as long (a hang on a lock or in I/O), or runs WALL_PER_CPU times as long on the clock,
is stopped as well. A worker that overran is stopped, and a worker that dies (a signal in
Tesseract, out of memory under its cap) is replaced; either way the page is tried again with the
next preparation, and when every preparation has failed the page gets the last failure, which the
caller turns into an empty page with an issue (partial success, as docling reports it). Pages not
finished when the document's own time runs out fail too: that time is the clock's, the time a
clerk waits. The pool outlives the document, so a watcher forks its workers once, after the
OCR-repair word list is loaded (seconds), not once per file. What libraries print in a worker
(Tesseract, libtiff, PIL's warnings) goes to the log, not to the clerk's terminal.
"""

from __future__ import annotations

import faulthandler
import logging
import multiprocessing
import os
import resource
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline.ocr.page_image import PageDamaged, PageImage
from schemas.document import IssueKind

# The pieces of work a pool runs: a page read with the preparation of attempt ``k`` on ``threads`` threads.
Job = Callable[[PageImage, int, int], Any]

log = logging.getLogger("vanban.ocr")

# A page attempt is stopped after this many times its CPU allowance on the clock, whatever CPU it used: a worker
# given a fifth of a core still finishes a page at its allowance, and the two attempts of a page (2 x 5 x 60 s)
# fit in the document's default 900 s. It catches what uses CPU but too little to reach the allowance (a hang that
# polls); a worker that uses none is stopped sooner, after the allowance itself (``_Run.overran``).
WALL_PER_CPU = 5
# How often the CPU time of the busy workers is read while no result comes (a read of /proc/PID/stat each).
CHECK_EVERY = 0.5
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Failure:
    """Why a page could not be read, after every attempt: its kind and a detail for the log."""

    kind: IssueKind
    detail: str


@dataclass(frozen=True)
class _Task:
    index: int  # position in the pages handed to ``run``
    page: PageImage
    attempt: int
    threads: int = 1  # more for a page read while other workers would idle (``hand_out_order``)


def hand_out_order(pages: list[PageImage], workers: int) -> list[_Task]:
    """The pages in the order they are handed out: the last first (a letter's signature and seal page, which is read
    whole), then the rest in order. When the pages do not divide among the workers, the pages of the last, short
    round would leave workers idle: each is read on the threads of the idle ones."""
    indexes = [len(pages) - 1, *range(len(pages) - 1)] if pages else []
    tail = len(pages) % workers
    tasks = []
    for position, i in enumerate(indexes):
        in_tail = tail and position >= len(pages) - tail
        tasks.append(_Task(i, pages[i], 0, workers // tail if in_tail else 1))
    return tasks


class _Worker:
    """One worker process, the task it is on, and the file its standard error goes to."""

    def __init__(self, context, job: Job, memory: int):
        self.conn, child = context.Pipe()
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 -- lives as long as the worker, closed by stop()
        self.process = context.Process(target=_serve, args=(child, job, memory, self.stderr.fileno()), daemon=True)
        self.process.start()
        child.close()
        self.task: _Task | None = None
        self.since = 0.0  # the clock when the task was handed over
        self.cpu_since = 0.0  # the process's CPU time then
        self.cpu = 0.0  # its CPU time when last read
        self.progressed = 0.0  # the clock when its CPU time was last seen to grow

    def give(self, task: _Task) -> None:
        self.conn.send(task)
        self.task, self.since = task, time.monotonic()
        self.cpu_since = self.cpu = cpu_seconds(self.process.pid)
        self.progressed = self.since

    def cpu_used(self) -> float:
        """CPU seconds the process has used on its task (all its threads: Tesseract's bands, OpenCV's), and notes
        when it last used any."""
        now = cpu_seconds(self.process.pid)
        if now > self.cpu:
            self.cpu, self.progressed = now, time.monotonic()
        return self.cpu - self.cpu_since

    def drain(self) -> None:
        """Log what the worker printed while on its task (libraries' warnings, a dying engine's last words)."""
        self.stderr.seek(0)
        printed = self.stderr.read().decode("utf-8", "replace").strip()
        self.stderr.seek(0)
        self.stderr.truncate()
        if printed:
            page = self.task.page.number if self.task else "-"
            log.debug("OCR worker %s on page %s printed: %s", self.process.pid, page, printed)

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()
        self.stderr.close()


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of process ``pid`` and all its threads (fields 14 and 15 of
    ``/proc/PID/stat``, after the command name, which may hold spaces); 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rpartition(b")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _serve(conn: Connection, job: Job, memory: int, stderr: int) -> None:
    """A worker's life: read the pages it is given, one at a time, until told to stop."""
    os.dup2(stderr, 2)
    # A crash's Python traceback, if any, goes to the log with the rest: to descriptor 2 itself, as sys.stderr may
    # be an object without one (a test runner's capture, where enabling on it stopped every worker at start).
    faulthandler.enable(2)
    _cap_memory(memory)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            outcome: tuple[str, Any] = ("done", job(task.page, task.attempt, task.threads))
        except PageDamaged as e:
            outcome = (IssueKind.damaged, str(e))
        except Exception as e:  # OpenCV, Tesseract, memory: the parent decides whether to try again
            outcome = (IssueKind.ocr_failed, f"{type(e).__name__}: {e}")
        conn.send(outcome)


def _cap_memory(extra: int) -> None:
    """Let this process's address space grow by ``extra`` bytes beyond what it inherited at the fork: a page
    that needs more fails alone (MemoryError, or the worker dies) instead of swapping the machine."""
    with open("/proc/self/statm") as statm:
        inherited = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = inherited + extra
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))


class PagePool:
    """``size`` worker processes running ``job``; ``run`` reads a document's pages on them."""

    def __init__(self, job: Job, attempts: int, size: int, memory: int):
        self.job, self.attempts, self.size, self.memory = job, attempts, size, memory
        self.context = multiprocessing.get_context("fork")  # workers inherit the loaded word list
        self.workers: list[_Worker] = []
        self.lock = threading.Lock()  # one document at a time

    def run(self, pages: list[PageImage], page_timeout: float, document_timeout: float) -> list[Any]:
        """The job's result for each page, in order, or the ``Failure`` of its last attempt."""
        with self.lock:
            return _Run(self, pages, page_timeout, document_timeout).read()

    def close(self) -> None:
        """Stop every worker."""
        for worker in self.workers:
            worker.stop()
        self.workers = []

    def spawn(self) -> _Worker:
        worker = _Worker(self.context, self.job, self.memory)
        self.workers.append(worker)
        return worker

    def replace(self, worker: _Worker) -> None:
        worker.stop()
        self.workers.remove(worker)
        self.spawn()


class _Run:
    """One document's pages through the pool: hand out tasks, collect results, retry or give up."""

    def __init__(self, pool: PagePool, pages: list[PageImage], page_timeout: float, document_timeout: float):
        self.pool, self.page_timeout = pool, page_timeout
        self.results: list[Any] = [None] * len(pages)
        self.waiting = deque(hand_out_order(pages, pool.size))
        self.deadline = time.monotonic() + document_timeout

    def read(self) -> list[Any]:
        while len(self.pool.workers) < min(self.pool.size, len(self.results)):
            self.pool.spawn()
        while self.waiting or self.busy():
            self.hand_out()
            if time.monotonic() >= self.deadline:
                self.out_of_time()
                break
            self.collect()
        return self.results

    def busy(self) -> list[_Worker]:
        return [w for w in self.pool.workers if w.task is not None]

    def hand_out(self) -> None:
        for worker in list(self.pool.workers):
            if worker.task is None and self.waiting:
                task = self.waiting.popleft()
                try:
                    worker.give(task)
                except (BrokenPipeError, ConnectionResetError):  # it died idle: the page was not tried
                    self.waiting.appendleft(task)
                    self.pool.replace(worker)

    def collect(self) -> None:
        """Wait for a result, a death or a deadline, and deal with each."""
        busy = self.busy()
        timeout = max(min(self.deadline - time.monotonic(), CHECK_EVERY), 0)
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=timeout)
        for worker in busy:
            task = worker.task
            assert task is not None
            if worker.conn in ready or worker.process.sentinel in ready:
                worker.drain()
            if worker.conn in ready:
                try:
                    status, value = worker.conn.recv()
                except (EOFError, OSError):  # died while answering
                    self.failed(worker, IssueKind.crashed)
                    continue
                log.debug(
                    "page %s, attempt %d: %s in %.1f s of CPU, %.1f s on the clock",
                    task.page.number,
                    task.attempt + 1,
                    status,
                    worker.cpu_used(),
                    time.monotonic() - worker.since,
                )
                worker.task = None
                if status == "done":
                    self.results[task.index] = value
                else:
                    self.retry_or_fail(task, Failure(IssueKind(status), value))
            elif worker.process.sentinel in ready:
                self.failed(worker, IssueKind.crashed)
            elif overrun := self.overran(worker):
                worker.drain()
                self.failed(worker, IssueKind.timeout, overrun)

    def overran(self, worker: _Worker) -> str:
        """How the worker overran its page's time, or nothing: its CPU allowance (``page_timeout`` CPU seconds), as
        long with no CPU used at all (a hang that waits), or WALL_PER_CPU times as long on the clock."""
        used, now = worker.cpu_used(), time.monotonic()
        if used >= self.page_timeout:
            return f"over {self.page_timeout:g} s of CPU time"
        if now - worker.progressed >= self.page_timeout:
            return f"no CPU time used for {now - worker.progressed:.0f} s (hung, after {used:.1f} s of CPU)"
        if now - worker.since >= WALL_PER_CPU * self.page_timeout:
            return f"over {WALL_PER_CPU * self.page_timeout:g} s on the clock (after {used:.1f} s of CPU)"
        return ""

    def failed(self, worker: _Worker, kind: IssueKind, overrun: str = "") -> None:
        """The worker died or overran: replace it and try its page again or give it up."""
        task = worker.task
        assert task is not None
        self.pool.replace(worker)
        detail = overrun or f"the worker died (exit code {worker.process.exitcode})"
        self.retry_or_fail(task, Failure(kind, detail))

    def retry_or_fail(self, task: _Task, failure: Failure) -> None:
        log.debug("page %s, attempt %d: %s (%s)", task.page.number, task.attempt + 1, failure.kind, failure.detail)
        if failure.kind != IssueKind.damaged and task.attempt + 1 < self.pool.attempts:
            self.waiting.append(_Task(task.index, task.page, task.attempt + 1))
        else:
            self.results[task.index] = failure

    def out_of_time(self) -> None:
        """The document's time is up: pages still being read or waiting fail, their workers replaced."""
        for worker in self.busy():
            assert worker.task is not None
            self.results[worker.task.index] = Failure(IssueKind.out_of_time, "document time limit")
            self.pool.replace(worker)
        for task in self.waiting:
            self.results[task.index] = Failure(IssueKind.out_of_time, "document time limit")
        self.waiting.clear()
