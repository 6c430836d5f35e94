"""Page image → words with boxes and confidences, and the page's text built from them.

``ocr_page`` is one pure function per page (image in, ``Page`` out) so that pages can be
spread over a process pool (``ocr_pages``) and tested one at a time.

Preprocessing was chosen by measuring CER (vie, psm 3) on rendered seed pages, two pages
per profile, each step on and off:
- illumination correction (divide by the estimated background) is what makes phone photos
  readable at all: 47 % → 0.55 % CER; neutral on clean office scans (0.28 → 0.28 %);
- deskew (projection-profile search, ±5°): photo 0.55 → 0.36 %, office 0.28 → 0.24 %;
- upscaling helps only below ~140 dpi (100-dpi fax 4.2 → 2.5 %, 120-dpi photo 1.25 → 1.11 %)
  and hurts at 150-200 dpi (150-dpi photo 0.78 → 1.19 %), so it is applied below 140 dpi only;
- resolution: finer than 250 dpi buys nothing for 13 pt print. Three 300-dpi pages read at 300,
  250 and 200 dpi: CER 0.42 % all three, Tesseract 7 % and 14 % faster; over all the office and
  stamped samples, 250 dpi read better than 300 (text CER office 0.38 → 0.32 %, stamped 0.46 →
  0.44 %) and 10 % faster. Upscaling to 250 instead of 300 dpi: 100 dpi 0.82 → 0.80 %, 120 dpi
  0.61 → 0.54 %. So every page is read at READ_DPI = 250 unless it is between 140 and 250 dpi;
- binarization: an adaptive threshold always hurt (photo 0.36 → 8.6 %); one Otsu threshold on
  the flattened page costs a little accuracy and saves Tesseract ~15 % of its time (``binarize``);
- despeckling (whitening ink specks of ≤ 6 px at 300 dpi) on the samples' fax profile:
  pages 2 and 4 of seed 001 7.05 → 3.35 % and 7.96 → 0.52 % (20 px already erases diacritics);
- whitening strokes longer than 0.3 in outside tables (fax streaks across a text line made
  Tesseract drop the line): fax page 1 5.5 → 1.4 %, page 5 3.2 → 2.9 %.
"""
from __future__ import annotations

import os
from concurrent.futures import Executor, ProcessPoolExecutor
from itertools import groupby

import cv2
import numpy as np
from PIL import Image

from pipeline import layout
from pipeline import tables as table_reader
from pipeline._tesseract import TesseractWord, load_engine, recognize_words
from pipeline.normalize import correct_ocr_line, lexicon, line_separator
from pipeline.page_image import PageImage
from schemas.document import Page, TextSource, Word

READ_DPI = 250            # every page is read at this resolution unless it is 140-250 dpi
UPSCALE_BELOW_DPI = 140   # measured: upscaling helps at 100-120 dpi, hurts at 150-200 dpi
MAX_SKEW_DEGREES = 5.0
SPECK_AREA_AT_300_DPI = 6    # pixels: fax specks are 1-5 px; the dot of an 'i' at 10 pt is ~60


def ocr_pages(pages: list[PageImage], executor: Executor | None = None) -> list[Page]:
    """OCR pages in parallel, one process per core unless an executor is given."""
    if len(pages) == 1 and executor is None:
        return [ocr_page(pages[0])]
    warm_up()   # before a pool's workers fork (a caller's pool forks at its first task), so they inherit it
    if executor is not None:
        return list(executor.map(ocr_page, pages))
    with ProcessPoolExecutor(max_workers=min(len(pages), os.cpu_count() or 1)) as pool:
        return list(pool.map(ocr_page, pages))


def warm_up() -> None:
    """Load, once and before the workers fork, what every page needs: OCR repair's word list
    (seconds) and pytesseract, which imports pandas (~1 s per process otherwise)."""
    lexicon()
    load_engine()


def ocr_page(page: PageImage) -> Page:
    """Read one page image: tables cell by cell, the rest as running text (offsets relative to the page)."""
    gray, dpi = preprocess(page.picture(), page.dpi)
    to_points = 72.0 / dpi
    strokes = table_reader.page_strokes(gray, dpi)
    grids = table_reader.find_ruled_tables(strokes)
    text_image = binarize(table_reader.blank_out(gray, grids, strokes))
    words = recognize_words(text_image, psm=3, dpi=round(dpi))
    pieces = [_line_words(list(group)) for _, group in
              groupby(words, key=lambda w: (w.block, w.paragraph, w.line))]
    # Tesseract's own blocks cut a "Nơi nhận" list beside a signature into arbitrary pieces:
    # rebuild the visual lines and let pipeline/layout.py order the columns.
    blocks = layout.reading_blocks(layout.visual_lines(pieces, _box), _box)
    tables = table_reader.read_tables(gray, grids, strokes, page.number, to_points)
    result = _assemble(page.number, blocks, tables, grids, to_points,
                       width=gray.shape[1] * to_points, height=gray.shape[0] * to_points)
    result.quality = page.quality
    return result


def preprocess(image: Image.Image, dpi: float) -> tuple[np.ndarray, float]:
    """Grey, brought to READ_DPI when coarser than 140 dpi or finer than READ_DPI,
    background-flattened and deskewed (word boxes are therefore in the deskewed page's frame)."""
    gray = np.asarray(image if image.mode == "L" else image.convert("L"))
    if dpi < UPSCALE_BELOW_DPI or dpi > READ_DPI:
        scale = READ_DPI / dpi
        gray = cv2.resize(gray, None, fx=scale, fy=scale,
                          interpolation=cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA)
        dpi = READ_DPI
    gray = flatten_illumination(gray)
    gray = despeckle(gray, dpi)
    gray = deskew(gray)
    return gray, dpi


def binarize(gray: np.ndarray) -> Image.Image:
    """One global Otsu threshold on the flattened page, as a 1-bit image: Tesseract reads a bilevel
    300-dpi page ~0.35 s faster than the grey one (measured, 2.3 → 2.0 s), at a small cost in
    accuracy once illumination is flat (office 0.21 → 0.31 %, photo
    0.40 → 0.63 %, fax 1.70 → 1.78 %; an adaptive threshold was far worse: photo 8.6 %)."""
    _, paper = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return Image.fromarray(paper > 0)   # a boolean array becomes a 1-bit image


def despeckle(gray: np.ndarray, dpi: float) -> np.ndarray:
    """Whiten specks of ink far smaller than any diacritic (fax and photocopy noise), which
    Tesseract otherwise reads as tone marks: 'i' → 'ì', 'ê' → 'ề'."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats = _components(ink)
    max_speck = SPECK_AREA_AT_300_DPI * (dpi / 300) ** 2
    specks = np.flatnonzero(stats[:, cv2.CC_STAT_AREA] <= max_speck)
    specks = specks[specks > 0]
    if not len(specks):
        return gray
    out = gray.copy()
    out[np.isin(labels, specks)] = 255
    return out


def _components(ink: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """Connected components of the ink with their stats; 16-bit labels take half the time of
    32-bit ones on a page of text (a few thousand components), 32-bit when a noisy page has more."""
    try:
        n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8, ltype=cv2.CV_16U)
    except cv2.error:
        n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return n, labels, stats


def flatten_illumination(gray: np.ndarray) -> np.ndarray:
    """Divide by the page background (a closing larger than any stroke) so shadows and yellowed
    paper become white while the ink keeps its contrast."""
    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15)))
    background = cv2.medianBlur(background, 5)
    background = cv2.resize(background, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, np.maximum(background, 1), scale=255)


def skew_angle(gray: np.ndarray) -> float:
    """The rotation (degrees) that makes text lines horizontal: the angle whose horizontal
    projection of ink is the most peaked, searched coarse then fine (ink pixels of an 800-px
    thumbnail projected, not the picture rotated: 3 x faster)."""
    scale = 800 / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ys, xs = np.nonzero(ink)
    h, w = ink.shape
    xs, ys = xs - w / 2, ys - h / 2

    def sharpness(angle: float) -> float:
        theta = np.deg2rad(angle)
        rows = np.round(ys * np.cos(theta) - xs * np.sin(theta) + h / 2).astype(np.int64)
        return float(np.var(np.bincount(rows[(rows >= 0) & (rows < h)], minlength=h)))

    best = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.01, 0.5), key=sharpness)
    return float(max(np.arange(best - 0.5, best + 0.51, 0.1), key=sharpness))


def deskew(gray: np.ndarray) -> np.ndarray:
    angle = skew_angle(gray)
    if abs(angle) < 0.15:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_CUBIC, borderValue=255)


def _box(word: TesseractWord) -> layout.Box:
    return word.left, word.top, word.left + word.width, word.top + word.height


def _line_words(words: list[TesseractWord]) -> list[TesseractWord]:
    """Normalize each word, then let the line's neighbours repair OCR confusions (thi → thì)."""
    texts = correct_ocr_line([w.text for w in words])
    return [TesseractWord(text=t, left=w.left, top=w.top, width=w.width, height=w.height,
                          confidence=w.confidence, block=w.block, paragraph=w.paragraph, line=w.line)
            for t, w in zip(texts, words) if t]


class _PageText:
    """Accumulates a page's text and the offsets of every word placed into it."""

    def __init__(self, to_points: float):
        self.parts: list[str] = []
        self.length = 0
        self.words: list[Word] = []
        self.to_points = to_points

    def append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add_word(self, text: str, box: tuple[float, float, float, float], confidence: float | None) -> None:
        self.words.append(Word(text=text, start=self.length, end=self.length + len(text),
                               bbox=box, confidence=confidence))
        self.append(text)

    def add_line(self, line: list[TesseractWord]) -> None:
        for i, w in enumerate(line):
            if i:
                self.append(" ")
            k = self.to_points
            self.add_word(w.text, (w.left * k, w.top * k, (w.left + w.width) * k, (w.top + w.height) * k),
                          w.confidence)

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
        return "".join(self.parts)


def _assemble(number: int, blocks: list[list[list[TesseractWord]]], tables: list[table_reader.ReadTable],
              grids: list[table_reader.Grid], to_points: float, width: float, height: float) -> Page:
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
    return Page(number=number, text=out.text, source=TextSource.ocr, width=width, height=height,
                words=out.words, tables=[t.table for t in tables],
                confidence=round(sum(confidences) / len(confidences), 2) if confidences else None)
