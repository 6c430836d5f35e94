"""The letterhead's place-date and 'V/v' lines read a second time, alone and larger, when the page's reading of them
does not parse.

At 100-150 dpi, and worse at one bit, a page's running text reads nearly as well as at 200 dpi (line CER 7.3 % at
100 one-bit, 5.0 % at 200 one-bit on the development scans' first pages, ``bench.scan_cer``) while its facts do not
(0.548 against 0.806): they hang on a few characters of a few lines. Read as part of the page, '<Place>, ngày …
tháng … năm …' comes out as 'Quảng Ngãi, ngày tháng 01 năm 2025' (the handwritten day lost) or 'Quảng Ngài ngày 2
tháng 1Ì năm 2024', 'V/v' as 'V¿v'. Such a line (in the top of the first page, where ``handwritten_blanks`` looks)
whose reading the letterhead's own grammar (``extractors.letterhead``: ``issue_date``, ``opens_v_v``) does not
accept whole is cut out of the prepared page, upscaled to REREAD_DPI (smoothed first when the page was black and
white, whose upscaled strokes keep each source pixel's staircase), and read as one line, under a deadline. The
second reading replaces the first only when it parses every part the first parsed and one of GAINS more
(``_checks``).

The 'Số:' line is not read again: measured on the 8 development scans at every reading, its second reading gave
H14's typewritten number right at 150 dpi grey but '157/QĐ-NĐ-UR' for '157/QĐ-NĐ-UB' at 150 one-bit and 299's
handwritten number as '899' at 150 dpi grey, a wrong number where the page's reading had none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import groupby, pairwise

import cv2
import numpy as np

from pipeline.ocr.handwritten_blanks import LETTERHEAD_SHARE
from pipeline.ocr.preprocess import binarize
from pipeline.ocr.tesseract import OcrEngineError, TesseractWord, recognize_words
from pipeline.text import fold

# The line is read at this resolution: two to three times the pixels of a 100-150 dpi scan (its page is read at 250
# when upscaled from below 140 dpi, at its own resolution from 140 to 250). Measured at 100 and 150 one-bit (page 1
# of the 8 development scans): 300 read 660's handwritten '31' at 150 one-bit, 350 and 450 did not.
REREAD_DPI = 300
# A black-and-white page's strokes, upscaled, keep each source pixel's staircase; smoothed by this share of a source
# pixel first (``bench.scan_cer``, page 1 of the 8 development scans at 100 one-bit: 0.5 px 7.29 -> 6.96 % line CER
# when the whole page was smoothed; onebit15 in docs/benchmarks.md).
ONE_BIT_SIGMA_SOURCE_PX = 0.5
# One text line; as a uniform block when that reads nothing (segmentation 7 gave nothing for bnt's 'V/v góp ý dự
# thảo Quyết định sửa' at 100 one-bit, with or without the next line's tone marks in the cut; 6 read it).
LINE_PSMS = (7, 6)
# What a second reading must add to be kept: a month and year alone is no gain (a date without its day is a wrong
# date to the scorer: H14's '1999-02' for 1999-02-22 at 300 dpi grey, 239's '2024-12' at 150 dpi).
GAINS = ("comma", "day", "subject")
MAX_LINES = 4  # lines read again on a page, at most
TIMEOUT_MS = 2000  # a line's second reading is given up after this long
LINE_PADDING = 0.25  # the cut reaches this share of the line's height above and below its words
PADDING_PX = 20  # white around the cut line: Tesseract misreads ink that touches the image's edge
COLUMN_GAP = 2.5  # words this many line heights apart stand in two columns
RIGHT_COLUMN = 0.3  # the place-date line starts right of this share of the page's width

Line = list[TesseractWord]


def with_fact_lines_reread(
    words: list[TesseractWord], gray: np.ndarray, dpi: float, source_dpi: float, one_bit: bool
) -> list[TesseractWord]:
    """``words`` (page 1's, boxes in ``gray``'s pixels, read at ``dpi``; the page scanned at ``source_dpi``) with each
    letterhead line that fails a check of the letterhead's grammar replaced by a second reading that passes it."""
    height, width = gray.shape
    lines = [list(group) for _, group in groupby(words, key=lambda w: (w.block, w.paragraph, w.line))]
    out: list[TesseractWord] = []
    tried = 0
    for line in lines:
        if line[0].top >= LETTERHEAD_SHARE * height or tried >= MAX_LINES:
            out += line
            continue
        for piece in _columns(line):
            checks = _checks(piece, width)
            if not all(checks.values()) and tried < MAX_LINES:
                tried += 1
                piece = _read_again(piece, checks, gray, dpi, source_dpi, one_bit) or piece
            out += piece
    return out


def _columns(line: Line) -> list[Line]:
    """The line cut where its words are a column gap apart (COLUMN_GAP of its height): Tesseract reads 'Số: 53
    /TB-UBND' and 'Quảng Ngãi, ngày …' beside it as one line, and one of them may parse while the other does not."""
    tall = max(w.height for w in line)
    pieces = [[line[0]]]
    for before, word in pairwise(line):
        if word.left - (before.left + before.width) > COLUMN_GAP * tall:
            pieces.append([])
        pieces[-1].append(word)
    return pieces


def _checks(line: Line, width: int) -> dict[str, bool]:
    """What the line is meant to be, and which of its parts its reading parses: a place-date line ('Quảng Ngãi, ngày
    4 tháng 01 năm 2025': the comma before 'ngày', a month and year, the day), a 'V/v' line."""
    from extractors.letterhead import issue_date, opens_v_v

    text = " ".join(w.text for w in line)
    key = fold(text)
    checks: dict[str, bool] = {}
    month = next((w for w in line if re.fullmatch(r"th[aeiuy]\W?ng", fold(w.text))), None)  # not 'thông'
    if month is not None and line[0].left >= RIGHT_COLUMN * width and re.search(r"\d", text):
        day = re.search(r"ngay", key)
        date = issue_date(text[day.start() :]) if day else None
        checks["comma"] = re.search(r"\s*,\s*ngay\b", key) is not None
        checks["month"] = date is not None
        checks["day"] = date is not None and len(date) == len("2025-01-01")
    if re.match(r"v\W{1,2}[vy]\b", key) or opens_v_v(key):
        checks["subject"] = opens_v_v(key)
    return checks


def _read_again(
    line: Line, checks: dict[str, bool], gray: np.ndarray, dpi: float, source_dpi: float, one_bit: bool
) -> Line | None:
    """The line read alone from its cut of the page, when that reading passes every check the first passed and one
    it failed; its boxes in the page's pixels, its numbering the line's."""
    rows, cols = gray.shape
    tall = max(w.height for w in line)
    x0, x1 = max(min(w.left for w in line) - tall, 0), min(max(w.left + w.width for w in line) + tall, cols)
    pad = round(LINE_PADDING * tall)  # the letterhead's lines stand close: more takes the next line's marks in
    y0, y1 = max(min(w.top for w in line) - pad, 0), min(max(w.top + w.height for w in line) + pad, rows)
    cut = gray[y0:y1, x0:x1]
    if cut.size == 0:
        return None
    if one_bit:
        cut = cv2.GaussianBlur(cut, (0, 0), ONE_BIT_SIGMA_SOURCE_PX * dpi / source_dpi)
    scale = max(REREAD_DPI / dpi, 1.0)
    if scale > 1:
        cut = cv2.resize(cut, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    cut = cv2.copyMakeBorder(cut, PADDING_PX, PADDING_PX, PADDING_PX, PADDING_PX, cv2.BORDER_CONSTANT, value=255)
    try:
        for psm in LINE_PSMS:
            found = recognize_words(binarize(cut), psm=psm, dpi=round(dpi * scale), timeout_ms=TIMEOUT_MS)
            if found:
                break
    except OcrEngineError:
        return None
    if not found:
        return None
    first = line[0]
    again = [
        replace(
            w,
            left=x0 + round((w.left - PADDING_PX) / scale),
            top=y0 + round((w.top - PADDING_PX) / scale),
            width=max(round(w.width / scale), 1),
            height=max(round(w.height / scale), 1),
            block=first.block,
            paragraph=first.paragraph,
            line=first.line,
        )
        for w in found
    ]
    after = _checks(again, cols)
    gained = any(after.get(part, False) and not ok for part, ok in checks.items() if part in GAINS)
    return again if gained and all(after.get(part, False) for part, ok in checks.items() if ok) else None
