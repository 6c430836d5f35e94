"""Body lines Tesseract's page layout dropped, read again as one block.

With its page segmentation (psm 3) Tesseract takes a seal pressed over body text, dark on a thresholded fax or a
grey scan, for a picture and leaves out the lines under and beside it: on a 200-dpi fax print of UBND Quảng Ngãi
565/TB-UBND five body lines around the seal were missing. Rows of ink between the page's first and last words that
no word covers, at least MIN_BAND_IN high, are such lines: each band is cropped across the page and read as one
uniform block of text (psm 6), which has no picture regions, and its words kept when they look like the page's text.

A band is found wherever ink lies outside the words, not only under a seal: on a photographed page the paper's edge,
a shadow or a desk's border makes one, which psm 6 reads as strokes, some of them with high confidence ('|' 96 and
'{' 75 a page's height of a line tall at the page's edge, '¬' and '-' a few pixels high at 55-71: photo-random seeds
000 and 001). So a band's words are kept only when Tesseract is reasonably sure of them (the seal's ring comes back
with low confidence), they hold a letter or a digit, they stand no higher than the page's words (``MAX_HEIGHT_SHARE``
of their median) and between the page's words' left and right edges (not on the paper's edge), and most of those
with letters are Vietnamese syllables (``MIN_SYLLABLE_SHARE``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PIL import Image

from pipeline.ocr.tesseract import TesseractWord, recognize_images
from pipeline.text.lexicon import is_syllable

# A row counts as inked when more than this share of the page's width is ink (a speck or a ruler's end is not).
INKED_ROW_SHARE = 0.002
# Inked rows no word covers, apart by no more than this, are one band (the gap between two lines of one paragraph).
BAND_JOIN_IN = 0.05
# A band lower than this holds no line that was dropped: a body line with its tone marks is ~0.15 in high; stray
# marks, underlines and a line's tone marks outside its word boxes are lower.
MIN_BAND_IN = 0.18
BAND_MARGIN_IN = 0.03  # white kept above and below the band's ink when it is cropped
MIN_CONFIDENCE = 50  # words read in a band below this confidence are the seal's strokes, not text
# A word of a dropped line stands no higher than this many times the median height of the page's words: a line's
# ascenders, tone marks and descenders make words up to ~1.6 times it; a blot of the seal read as a word stands
# higher. (No lower bound: Tesseract gives some well-read words of a band a box a few pixels high, 'một' 4 px at 94.)
MAX_HEIGHT_SHARE = 2.0
# Of a band's kept words that hold letters, at least this share are Vietnamese syllables of two letters or more, or
# the band is not text (the dictionary holds every single letter, 'b' and 'ñ' included: a band reading 'b Ñ' at the
# paper's edge of fax-random seed 000 p3 is not a line).
MIN_SYLLABLE_SHARE = 0.5
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


def text_words(read: list[TesseractWord], line_height: float, columns: tuple[int, int]) -> list[TesseractWord]:
    """The words of one band's reading that look like the page's text (see the module's docstring): ``line_height``
    is the median height of the page's words, ``columns`` the left and right edges of the page's words. None when
    the band does not read as Vietnamese."""
    kept = [
        w
        for w in read
        if w.confidence >= MIN_CONFIDENCE
        and w.height <= MAX_HEIGHT_SHARE * line_height
        and columns[0] <= w.left + w.width / 2 <= columns[1]
        and any(c.isalnum() for c in w.text)
    ]
    lettered = ["".join(c for c in w.text if c.isalpha()) for w in kept]
    lettered = [letters for letters in lettered if letters]
    syllables = sum(len(letters) > 1 and is_syllable(letters) for letters in lettered)
    if lettered and syllables < MIN_SYLLABLE_SHARE * len(lettered):
        return []
    return kept


def read_dropped_lines(image: Image.Image, words: list[TesseractWord], dpi: int) -> list[TesseractWord]:
    """The words of the bands ``words`` leave uncovered (``uncovered_bands``) that look like text (``text_words``),
    in the page's pixels, their blocks numbered on after the page's."""
    bands = uncovered_bands(image, words, dpi)
    crops = [image.crop((0, top, image.width, bottom)) for top, bottom in bands]
    line_height = float(np.median([w.height for w in words])) if words else 0.0
    columns = min((w.left for w in words), default=0), max((w.left + w.width for w in words), default=0)
    found: list[TesseractWord] = []
    block = max((w.block for w in words), default=0)
    for (top, _), read in zip(bands, recognize_images(crops, psm=BLOCK_PSM, dpi=dpi)):
        kept = [replace(w, top=w.top + top, block=w.block + block) for w in text_words(read, line_height, columns)]
        block = max((w.block for w in kept), default=block)
        found += kept
    return found
