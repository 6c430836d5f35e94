"""The pages of one document read as tasks on the Dask cluster that runs the document's own task.

A file task on a Dask worker would otherwise OCR all its pages on that one worker while the others
wait; spread as page tasks, a 14-page fax keeps every worker busy. Only the page's file path and
number travel (the workers read the file from the shared folder), never a picture or the file's
bytes, and each page is read on the receiving worker's own OCR process (``page.read_page_isolated``:
a deadline, and a crash in Tesseract costs the page, not the worker). The file task keeps its
worker thread free while it waits, so that thread can read pages too. Page tasks are plain Dask
tasks, not Prefect ones: a page costs no call to the Prefect API.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from typing import Any


class ClusterPages(Executor):
    """``map`` runs a function over pages as tasks of the Dask cluster this code runs on (from inside
    a task there). It holds nothing, so it travels with the file task it is given to."""

    def map(  # results come all at once: a document needs every page
        self, fn: Callable[..., Any], *iterables: Iterable[Any], timeout: float | None = None, chunksize: int = 1
    ) -> Iterator[Any]:
        """``fn`` over the items on the cluster, one task each (``chunksize`` has no use here), results in
        order; the calling task leaves its worker thread to the page tasks while it waits (``worker_client``
        secedes and rejoins). ``TimeoutError`` when ``timeout`` seconds pass first."""
        from distributed import wait, worker_client

        with worker_client() as client:
            futures = client.map(fn, *iterables, pure=False)
            wait(futures, timeout=timeout)
            return iter(client.gather(futures))
