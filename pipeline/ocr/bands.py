"""A page's running text read in horizontal bands on several threads, so that the last page of a
document does not leave a core idle.

Tesseract's recognition is three quarters of a page's time and one page runs on one core: a
one-page letter kept one of two cores idle, and so did the last page of every document with an
odd number of pages. Cut at blank rows between text lines, the bands are read at once by this
worker's Tesseract objects (one per thread; tesserocr releases the GIL while it recognizes) and
their words put back in page coordinates. Words keep their band's blocks apart: reading order is
rebuilt from the word boxes afterwards (``reading_order``), as for a page read whole.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np
from PIL import Image

from pipeline.ocr.tesseract import TesseractWord

# A cut runs through a band of rows without ink at least this high: the gap between two lines of
# print (lines of 13 pt type are ~0.07 in apart), never the space between a letter and its tone mark.
MIN_GAP_INCHES = 0.04
# Each band must hold at least this fraction of an even share of the page's ink, else the page is read
# whole: a band holding only a page number saves nothing and costs a Tesseract call.
MIN_SHARE = 0.5


def band_cuts(binary: Image.Image, parts: int, dpi: float) -> list[int]:
    """Rows at which to cut the 1-bit page into ``parts`` bands of about as much ink each (no cut when the
    page has no blank gap near where one should be)."""
    ink_rows = np.logical_not(np.asarray(binary)).sum(axis=1)
    total = int(ink_rows.sum())
    if parts < 2 or total == 0:
        return []
    blank = np.concatenate(([False], ink_rows == 0, [False]))
    edges = np.flatnonzero(np.diff(blank.astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2]
    gaps = (starts + ends) // 2
    gaps = gaps[(ends - starts) >= MIN_GAP_INCHES * dpi]
    if not len(gaps):
        return []
    share = np.cumsum(ink_rows)[np.minimum(gaps, len(ink_rows) - 1)] / total
    chosen = sorted({int(np.argmin(np.abs(share - k / parts))) for k in range(1, parts)})
    if np.diff([0.0, *share[chosen], 1.0]).min() < MIN_SHARE / parts:
        return []
    return [int(gaps[i]) for i in chosen]


def read_in_bands(
    binary: Image.Image, dpi: float, threads: int, read: Callable[[Image.Image], list[TesseractWord]]
) -> list[TesseractWord]:
    """The words ``read`` finds on the 1-bit page, the page cut into up to ``threads`` bands read at the same
    time and their words put back in page coordinates; read whole when it has no blank gap to cut at."""
    cuts = band_cuts(binary, threads, dpi) if binary.mode == "1" else []
    if not cuts:
        return read(binary)
    tops = [0, *cuts]
    bands = [binary.crop((0, top, binary.width, bottom)) for top, bottom in zip(tops, [*cuts, binary.height])]
    with ThreadPoolExecutor(len(bands)) as pool:
        found = list(pool.map(read, bands))
    words: list[TesseractWord] = []
    for top, band_words in zip(tops, found):
        offset = max((w.block for w in words), default=0)
        words += [replace(w, top=w.top + top, block=w.block + offset) for w in band_words]
    return words
