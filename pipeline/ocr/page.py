"""Page image → words with boxes and confidences, and the page's text built from them.

``ocr_page`` is one pure function per page (image in, ``Page`` out) so that pages can be spread
over worker processes (``ocr_pages``) and tested one at a time. How the image is prepared, and
the measurements behind each step, is in ``preprocess``. A page is tried with the full
preparation first and, when that fails, crashes or overruns its time, with the plain one (the
page only resampled: no deskew, despeckling, binarization or table reading); a page that no
preparation reads is kept empty with an issue, and the rest of its document is read.
"""

from __future__ import annotations

import atexit
import logging
import os
import weakref
from concurrent.futures import Executor, wait
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from itertools import groupby

from PIL import Image

from pipeline.ocr import reading_order as layout
from pipeline.ocr import ruled_tables as table_reader
from pipeline.ocr.cluster import ClusterPages
from pipeline.ocr.dropped_lines import read_dropped_lines
from pipeline.ocr.handwritten_blanks import read_blanks
from pipeline.ocr.page_image import PageDamaged, PageImage
from pipeline.ocr.preprocess import binarize, looks_like_noise, preprocess, resample
from pipeline.ocr.signature_name import with_signer_name
from pipeline.ocr.tesseract import TesseractWord, check_engine, recognize_words
from pipeline.ocr.workers import Failure, PagePool
from pipeline.settings import settings
from pipeline.text import correct_ocr_line, lexicon, line_separator, syllable_model
from schemas.document import IssueKind, Page, TextSource, Word

log = logging.getLogger("vanban.ocr")

FULL, PLAIN = "full", "plain"
PREPARATIONS = (FULL, PLAIN)  # attempt k prepares the page the k-th way
# A picture narrower or shorter than this many pixels holds no line of text (Tesseract needs a few
# pixels of x-height, and preparing a sliver only raises errors): it is a blank page.
MIN_SIDE_PX = 8
# Callers' executors that once held pages past the document's time: not given pages again (each document
# would wait that long again), their pages go to this process's OCR workers.
_stuck_executors: weakref.WeakSet[Executor] = weakref.WeakSet()


def ocr_pages(pages: list[PageImage], executor: Executor | None = None) -> list[Page]:
    """OCR pages in parallel on this process's OCR workers (a deadline per page and per document, a
    crash costs one page) or, when given, on ``executor`` (the document's time, then what it has not
    read goes to the OCR workers); a page nothing could read comes back empty with an issue; with
    ``ClusterPages``, as page tasks of the Dask cluster the caller runs on.
    ``OcrEngineUnavailable`` before any page when Tesseract or ``vie`` is missing."""
    if not pages:
        return []
    warm_up()
    if isinstance(executor, ClusterPages):  # each page a task, read on its worker's OCR processes
        return list(executor.map(read_page_isolated, pages))
    limits = settings()
    read: list[Page | None] = [None] * len(pages)
    if executor is not None and executor not in _stuck_executors:
        read = read_on_callers_executor(pages, executor, limits.document_timeout)
    unread = [page for page, r in zip(pages, read) if r is None]
    results = iter(worker_pool(os.getpid()).run(unread, limits.page_timeout, limits.document_timeout) if unread else [])
    return [r if r is not None else _page_or_issue(page, next(results)) for page, r in zip(pages, read)]


def read_on_callers_executor(pages: list[PageImage], executor: Executor, within: float) -> list[Page | None]:
    """Each page read on the caller's executor, which has no deadline of its own, or None for a page not back
    within ``within`` seconds (a pool that deadlocks) or lost with a pool a page broke (a crash in Tesseract
    kills a process of a ``ProcessPoolExecutor``): the caller reads those on this process's OCR workers."""
    try:
        futures = [executor.submit(read_page, page) for page in pages]
    except BrokenProcessPool:
        log.info("the caller's process pool is broken: %d pages read on the OCR workers", len(pages))
        return [None] * len(pages)
    done, late = wait(futures, timeout=within)
    for future in late:
        future.cancel()
    if late:
        _stuck_executors.add(executor)
        log.warning(
            "the caller's pool read %d of %d pages in the document's time (%g s, VANBAN_DOCUMENT_TIMEOUT), the rest "
            "are read on the OCR workers, and it is given no more pages",
            len(done),
            len(pages),
            within,
        )
    read: list[Page | None] = []
    for future in futures:
        try:
            read.append(future.result() if future in done else None)
        except BrokenProcessPool:
            read.append(None)
    if None in read and not late:
        log.info("a page broke the caller's process pool: %d pages read again on the OCR workers", read.count(None))
    return read


def _page_or_issue(page: PageImage, result: Page | Failure) -> Page:
    return result if isinstance(result, Page) else unread_page(page.number, result)


def warm_up() -> None:
    """Check the engine and load, once and before workers fork, what every page needs: Tesseract's ``vie``
    model, OCR repair's word list (seconds) and its syllable model (0.4 s)."""
    check_engine()
    lexicon()
    syllable_model()


@lru_cache(maxsize=1)
def worker_pool(pid: int) -> PagePool:
    """This process's OCR workers (``pid`` keys the cache: a forked child makes its own)."""
    limits = settings()
    pool = PagePool(_attempt, attempts=len(PREPARATIONS), size=limits.ocr_workers, memory=limits.ocr_worker_memory)
    atexit.register(pool.close)
    return pool


def _attempt(page: PageImage, attempt: int, threads: int) -> Page:
    return ocr_page(page, PREPARATIONS[attempt], threads)


def read_page_isolated(page: PageImage) -> Page:
    """One page on this process's OCR workers, with their deadline and crash isolation: what a Dask worker
    runs for each page task (Tesseract runs in-process through its C API, so a crash there must not take
    the cluster worker down with every task it holds)."""
    return ocr_pages([page])[0]


def read_page(page: PageImage) -> Page:
    """One page, each preparation in turn until one reads it, else an empty page with an issue: what the
    worker pool does, for an executor the caller gives (which has no deadline and no crash isolation)."""
    failure = Failure(IssueKind.ocr_failed, "")
    for preparation in PREPARATIONS:
        try:
            return ocr_page(page, preparation)
        except PageDamaged as e:
            return unread_page(page.number, Failure(IssueKind.damaged, str(e)))
        except Exception as e:  # OpenCV, Tesseract, memory: try the next preparation
            failure = Failure(IssueKind.ocr_failed, f"{type(e).__name__}: {e}")
    return unread_page(page.number, failure)


def unread_page(number: int, failure: Failure) -> Page:
    """The empty page standing for one that could not be read, with the kind of failure (people read it through
    ``messages.page_issue``); the detail goes to the log."""
    log.info("page %d kept empty: %s (%s)", number, failure.kind, failure.detail)
    return Page.unread(number, failure.kind)


def ocr_page(page: PageImage, preparation: str = FULL, threads: int = 1) -> Page:
    """Read one page image: tables cell by cell, the rest as running text (offsets relative to the page). With
    ``threads`` above 1 (the pool's idle cores) the text is read in as many bands at once, unless the page was
    upscaled: a low-resolution page's lines are too close to cut between (ocrspeed: a 100-dpi dithered fax page
    421 -> 539 errors in bands)."""
    budget = settings().page_pixel_budget
    picture = page.picture()
    tables: list[table_reader.ReadTable] = []
    grids: list[table_reader.Grid] = []
    if preparation == PLAIN or min(picture.size) < MIN_SIDE_PX:
        gray, sizing = resample(picture, page.dpi, budget)
        to_points = _to_points(page, picture, gray)
        text_image = Image.fromarray(gray)
    else:
        gray, sizing = preprocess(picture, page.dpi, budget)
        to_points = _to_points(page, picture, gray)
        strokes = table_reader.page_strokes(gray, sizing.read_dpi)
        grids = table_reader.find_ruled_tables(strokes)
        text_image = binarize(table_reader.blank_out(gray, grids, strokes), sizing.read_dpi)
        tables = table_reader.read_tables(gray, grids, strokes, page.number, to_points)
    legible = min(gray.shape) >= MIN_SIDE_PX and not (
        preparation == FULL and looks_like_noise(text_image, sizing.read_dpi)
    )
    bands = threads if preparation == FULL and sizing.read_dpi <= sizing.print_dpi else 1
    words = recognize_words(text_image, psm=3, dpi=round(sizing.read_dpi), bands=bands) if legible else []
    if words and preparation == FULL:
        words += read_dropped_lines(text_image, words, round(sizing.read_dpi))
    if page.number == 1 and words:
        words = read_blanks(words, gray, sizing.read_dpi)
    if words:
        words = with_signer_name(words, text_image, round(sizing.read_dpi))
    pieces = [_line_words(list(group)) for _, group in groupby(words, key=lambda w: (w.block, w.paragraph, w.line))]
    # Tesseract's own blocks cut a "Nơi nhận" list beside a signature into arbitrary pieces:
    # rebuild the visual lines and let reading_order order the columns.
    blocks = layout.reading_blocks(layout.visual_lines(pieces, _box), _box, text=lambda w: w.text)
    result = _assemble(
        page.number, blocks, tables, grids, to_points, width=gray.shape[1] * to_points, height=gray.shape[0] * to_points
    )
    result.quality, result.ink_dpi, result.print_dpi = page.quality, sizing.ink_dpi, sizing.print_dpi
    return result


def _to_points(page: PageImage, picture: Image.Image, gray) -> float:
    """PDF points per pixel of the prepared page, from the page's declared size: the page was sized by its print's
    resolution, which the ink may have set apart from the declared one (word boxes must stay on the page)."""
    return 72.0 / page.dpi * picture.width / max(gray.shape[1], 1)


def _box(word: TesseractWord) -> layout.Box:
    return word.left, word.top, word.left + word.width, word.top + word.height


def _line_words(words: list[TesseractWord]) -> list[TesseractWord]:
    """Normalize each word, then let the line's neighbours repair OCR confusions (thi → thì)."""
    texts = correct_ocr_line([w.text for w in words])
    return [
        TesseractWord(
            text=t,
            left=w.left,
            top=w.top,
            width=w.width,
            height=w.height,
            confidence=w.confidence,
            block=w.block,
            paragraph=w.paragraph,
            line=w.line,
        )
        for t, w in zip(texts, words)
        if t
    ]


class _PageText:
    """Accumulates a page's text and the offsets of every word placed into it."""

    def __init__(self, to_points: float):
        self.parts: list[str] = []
        self.length = 0
        self.words: list[Word] = []
        self.to_points = to_points

    def append(self, text: str) -> None:
        """Add raw text (a separator, or a word's text for ``add_word``) and advance the offset of what comes next."""
        self.parts.append(text)
        self.length += len(text)

    def add_word(self, text: str, box: tuple[float, float, float, float], confidence: float | None) -> None:
        """Add one word with its box (PDF points) and confidence; its offsets are where it lands in the page text, so
        evidence quotes can find their boxes."""
        self.words.append(
            Word(text=text, start=self.length, end=self.length + len(text), bbox=box, confidence=confidence)
        )
        self.append(text)

    def add_line(self, line: list[TesseractWord]) -> None:
        """Add one OCR'd line, words separated by single spaces, boxes scaled from image pixels to PDF points."""
        for i, w in enumerate(line):
            if i:
                self.append(" ")
            k = self.to_points
            self.add_word(w.text, (w.left * k, w.top * k, (w.left + w.width) * k, (w.top + w.height) * k), w.confidence)

    def add_table(self, read: table_reader.ReadTable) -> None:
        """One row per line, cells separated by TAB; each cell's OCR words keep their boxes."""
        for row in range(read.table.n_rows):
            if row:
                self.append("\n")
            for col in range(read.table.n_cols):
                if col:
                    self.append("\t")
                for i, word in enumerate(read.words.get((row, col), [])):
                    if i:
                        self.append(" ")
                    self.add_word(word.text, word.bbox, word.confidence)

    @property
    def text(self) -> str:
        """The page text accumulated so far."""
        return "".join(self.parts)


def _assemble(
    number: int,
    blocks: list[list[list[TesseractWord]]],
    tables: list[table_reader.ReadTable],
    grids: list[table_reader.Grid],
    to_points: float,
    width: float,
    height: float,
) -> Page:
    """Blocks in reading order, lines inside a block joined as ``line_separator`` says, each
    table placed where it sits on the page."""
    placed = sorted(zip((g.top for g in grids), tables), key=lambda item: item[0])
    out = _PageText(to_points)
    for block in blocks:
        previous: list[TesseractWord] | None = None
        for line in block:
            top = min(w.top for w in line)
            while placed and placed[0][0] < top:
                if out.length:
                    out.append("\n")
                out.add_table(placed.pop(0)[1])
                previous = None
            if previous is not None:
                out.append(line_separator(" ".join(w.text for w in previous), " ".join(w.text for w in line)))
            elif out.length:
                out.append("\n")
            out.add_line(line)
            previous = line
    for _, table in placed:
        if out.length:
            out.append("\n")
        out.add_table(table)
    confidences = [w.confidence for w in out.words if w.confidence is not None]
    return Page(
        number=number,
        text=out.text,
        source=TextSource.ocr,
        width=width,
        height=height,
        words=out.words,
        tables=[t.table for t in tables],
        confidence=round(sum(confidences) / len(confidences), 2) if confidences else None,
    )
