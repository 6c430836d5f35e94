"""Page image → words with boxes and confidences, and the page's text built from them.

``ocr_page`` is one pure function per page (image in, ``Page`` out) so that pages can be
spread over a process pool (``ocr_pages``) and tested one at a time. How the image is prepared,
and the measurements behind each step, is in ``preprocess``.
"""

from __future__ import annotations

from concurrent.futures import Executor, ProcessPoolExecutor
from itertools import groupby

from pipeline.ocr import reading_order as layout
from pipeline.ocr import ruled_tables as table_reader
from pipeline.ocr.page_image import PageImage
from pipeline.ocr.preprocess import binarize, preprocess
from pipeline.ocr.tesseract import TesseractWord, load_engine, recognize_words
from pipeline.settings import settings
from pipeline.text import correct_ocr_line, lexicon, line_separator, syllable_model
from schemas.document import Page, TextSource, Word


def ocr_pages(pages: list[PageImage], executor: Executor | None = None) -> list[Page]:
    """OCR pages in parallel, one process per core unless an executor is given."""
    if len(pages) == 1 and executor is None:
        return [ocr_page(pages[0])]
    warm_up()  # before a pool's workers fork (a caller's pool forks at its first task), so they inherit it
    if executor is not None:
        return list(executor.map(ocr_page, pages))
    with ProcessPoolExecutor(max_workers=min(len(pages), settings().ocr_workers)) as pool:
        return list(pool.map(ocr_page, pages))


def warm_up() -> None:
    """Load, once and before the workers fork, what every page needs: OCR repair's word list
    (seconds) and syllable model (0.4 s), and pytesseract, which imports pandas (~1 s per process
    otherwise)."""
    lexicon()
    syllable_model()
    load_engine()


def ocr_page(page: PageImage) -> Page:
    """Read one page image: tables cell by cell, the rest as running text (offsets relative to the page)."""
    gray, dpi = preprocess(page.picture(), page.dpi)
    to_points = 72.0 / dpi
    strokes = table_reader.page_strokes(gray, dpi)
    grids = table_reader.find_ruled_tables(strokes)
    text_image = binarize(table_reader.blank_out(gray, grids, strokes))
    words = recognize_words(text_image, psm=3, dpi=round(dpi))
    pieces = [_line_words(list(group)) for _, group in groupby(words, key=lambda w: (w.block, w.paragraph, w.line))]
    # Tesseract's own blocks cut a "Nơi nhận" list beside a signature into arbitrary pieces:
    # rebuild the visual lines and let pipeline/layout.py order the columns.
    blocks = layout.reading_blocks(layout.visual_lines(pieces, _box), _box)
    tables = table_reader.read_tables(gray, grids, strokes, page.number, to_points)
    result = _assemble(
        page.number, blocks, tables, grids, to_points, width=gray.shape[1] * to_points, height=gray.shape[0] * to_points
    )
    result.quality = page.quality
    return result


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
