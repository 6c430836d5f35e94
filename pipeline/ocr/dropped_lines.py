"""Body lines Tesseract's page layout dropped, read again as one block.

With its page segmentation (psm 3) Tesseract takes a seal pressed over body text, dark on a thresholded fax or a
grey scan, for a picture and leaves out the lines under and beside it: on a 200-dpi fax print of UBND Quảng Ngãi
565/TB-UBND five body lines around the seal were missing. Rows of ink between the page's first and last words that
no word covers, at least MIN_BAND_IN high, are such lines: each band is cropped across the page and read as one
uniform block of text (psm 6), which has no picture regions, and its words kept when Tesseract is reasonably sure of
them (the seal's ring, read as strokes, comes back with low confidence).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PIL import Image

from pipeline.ocr.tesseract import TesseractWord, recognize_images

# A row counts as inked when more than this share of the page's width is ink (a speck or a ruler's end is not).
INKED_ROW_SHARE = 0.002
# Inked rows no word covers, apart by no more than this, are one band (the gap between two lines of one paragraph).
BAND_JOIN_IN = 0.05
# A band lower than this holds no line that was dropped: a body line with its tone marks is ~0.15 in high; stray
# marks, underlines and a line's tone marks outside its word boxes are lower.
MIN_BAND_IN = 0.18
BAND_MARGIN_IN = 0.03  # white kept above and below the band's ink when it is cropped
MIN_CONFIDENCE = 50  # words read in a band below this confidence are the seal's strokes, not text
BLOCK_PSM = 6  # one uniform block of text: no picture regions to drop lines into


def uncovered_bands(image: Image.Image, words: list[TesseractWord], dpi: float) -> list[tuple[int, int]]:
    """(top, bottom) rows of each band of ink between the page's first and last words that no word covers."""
    if not words:
        return []
    ink = np.asarray(image.convert("L")) < 128
    loose = ink.sum(axis=1) > INKED_ROW_SHARE * image.width
    for w in words:
        loose[max(w.top, 0) : w.top + w.height] = False
    loose[: min(w.top for w in words)] = False
    loose[max(w.top + w.height for w in words) :] = False
    rows = np.flatnonzero(loose)
    if not len(rows):
        return []
    runs = np.split(rows, np.flatnonzero(np.diff(rows) > BAND_JOIN_IN * dpi) + 1)
    margin = round(BAND_MARGIN_IN * dpi)
    return [
        (max(int(run[0]) - margin, 0), min(int(run[-1]) + 1 + margin, image.height))
        for run in runs
        if run[-1] + 1 - run[0] >= MIN_BAND_IN * dpi
    ]


def read_dropped_lines(image: Image.Image, words: list[TesseractWord], dpi: int) -> list[TesseractWord]:
    """The words of the bands ``words`` leave uncovered (``uncovered_bands``), in the page's pixels, their blocks
    numbered on after the page's."""
    bands = uncovered_bands(image, words, dpi)
    crops = [image.crop((0, top, image.width, bottom)) for top, bottom in bands]
    found: list[TesseractWord] = []
    block = max((w.block for w in words), default=0)
    for (top, _), read in zip(bands, recognize_images(crops, psm=BLOCK_PSM, dpi=dpi)):
        kept = [replace(w, top=w.top + top, block=w.block + block) for w in read if w.confidence >= MIN_CONFIDENCE]
        block = max((w.block for w in kept), default=block)
        found += kept
    return found
