"""The letterhead's blanks filled in by hand: the number in 'Số: ___ /UBND-KTTH' and the day in 'ngày ___ tháng
02 năm 2025', which the issuing office writes with a pen once the letter is signed (Nghị định 30/2020/NĐ-CP
leaves them blank for it). Read as part of the page by the Vietnamese model they came out as '899' for 299,
'ngày{5'' for 15, 'Số:b3' for 53, 'ngày 3' for 31.

Each blank is cut out of the prepared page between its printed labels, as found among the page's words;
only the pen's strokes are kept (pieces as tall as a fifth of the cut, none touching its edges: the label's
colon and the letters the cut clips); and they are read again as one line of digits (``recognize_digits``).
Measured on the 12 real scans with handwritten blanks in ``../shared/corpus/scans`` (24 blanks): the numbers
read right went from 3 to 7 of 12, the days from 2 to 6 (docs/benchmarks.md). A reading that is no number
(one to five digits) or no day (1-31) leaves the page's own words as they were.
"""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np
from PIL import Image

from pipeline.ocr.tesseract import TesseractWord, recognize_digits
from pipeline.text import fold

LETTERHEAD_SHARE = 0.35  # the letterhead lies in the top third of the first page
PADDING_PX = 30  # white around the strokes: Tesseract misreads ink that touches the image's edge
MIN_STROKE_SHARE = 0.2  # a pen stroke is at least this share of the cut's height; a colon's dots are less
LABEL_EMS = {"number": 1.1, "day": 1.6}  # the printed label's width at most, in heights of its word
NUMBER = re.compile(r"\d{1,5}")
# print reads at this word confidence or more (the seeds' typed numbers); a pen's digits did not (19-85), but
# for one wrong '3' for 31 (91)
PRINTED_CONFIDENCE = 92


def read_blanks(words: list[TesseractWord], gray: np.ndarray, dpi: float) -> list[TesseractWord]:
    """``words`` (one page's, in Tesseract's order, boxes in ``gray``'s pixels) with the handwritten number and
    day of the letterhead read again as digits where that reading is a number or a day."""
    height = gray.shape[0]
    for kind, label, closer in (("number", _is_number_label, "/"), ("day", _is_dateline_day, "thang")):
        found = _blank(words, label, closer, height)
        if found is None:
            continue
        i, j = found
        if _printed(words, i, j, closer):
            continue
        box = _cut(words[i], words[j], closer, LABEL_EMS[kind], gray)
        strokes = _pen_strokes(gray, box)
        if strokes is None:
            continue
        digits, confidence = recognize_digits(Image.fromarray(strokes[0]), dpi=round(dpi))
        if not _plausible(kind, digits):
            continue
        words = _rewritten(words, i, j, closer, digits, confidence, strokes[1])
    return words


def _is_number_label(words: list[TesseractWord], i: int) -> bool:
    """'Số:', 'Số', or 'Số:83' with the digits glued to it, opening its line (a citation's 'số 12-NQ/TW' is
    no blank)."""
    text = words[i].text
    return text[:1] == "S" and _opens_line(words, i) and re.match(r"so(?::|$|:?\W?\d)", fold(text)) is not None


def _is_dateline_day(words: list[TesseractWord], i: int) -> bool:
    """'ngày' (or 'ngày80', the digits glued to it) after the place's comma: '<Place>, ngày … tháng'."""
    return fold(words[i].text).startswith("ngay") and i > 0 and words[i - 1].text.endswith(",")


def _printed(words: list[TesseractWord], i: int, j: int, mark: str) -> bool:
    """The blank holds print the page's reading already has: a number and a symbol's first part before the
    slash ('Số: 177-KH/ThU', 'Số 1116- CV/ĐUCA' of the Party's letters), or digits read with PRINTED_CONFIDENCE."""
    label = re.match(r"[^\W\d_]+:?", words[i].text)
    head = words[i].text[label.end() if label else 0 :] if j > i else ""
    middle = " ".join(w.text for w in words[i + 1 : j])
    tail = words[j].text[: fold(words[j].text).index(mark)] if j > i else ""
    slot = " ".join(part for part in (head, middle, tail) if part).strip()
    if re.fullmatch(r"\d{1,5}\s*-\s*[A-ZĐ][\w-]*", slot):
        return True
    confident = all(w.confidence >= PRINTED_CONFIDENCE for w in words[i : j + 1])
    return bool(re.fullmatch(r"\d{1,5}", slot)) and confident


def _opens_line(words: list[TesseractWord], i: int) -> bool:
    here, before = words[i], words[i - 1] if i else None
    return before is None or (before.block, before.paragraph, before.line) != (here.block, here.paragraph, here.line)


def _blank(words: list[TesseractWord], label, closer: str, height: int) -> tuple[int, int] | None:
    """(label word, closing word) of a blank in the letterhead: the closer ('/' of the symbol, 'tháng') within the
    next three words of the same line."""
    for i, word in enumerate(words):
        if word.top > height * LETTERHEAD_SHARE or not label(words, i):
            continue
        for j in range(i, min(i + 4, len(words))):
            other = words[j]
            if abs(other.top - word.top) > word.height:
                break
            if closer in fold(other.text) and (j > i or fold(other.text).index(closer) > 2):
                return i, j
    return None


def _cut(
    label: TesseractWord, closer: TesseractWord, mark: str, ems: float, gray: np.ndarray
) -> tuple[int, int, int, int]:
    """The blank's box (x0, y0, x1, y1): from the label's printed end to the closer's printed start, a word's
    height above and below the line for the pen's loops."""
    x0 = min(label.left + label.width, label.left + round(label.height * ems))  # its box may hold digits too
    at = fold(closer.text).index(mark)
    x1 = closer.left + (round(closer.width * at / len(closer.text)) if at else 0)
    if at:
        x1 = _gap_end(gray, closer, x1)
    if closer is label:
        x1 = max(x1, x0 + 1)
    return x0, max(label.top - label.height, 0), x1, label.top + 2 * label.height


def _gap_end(gray: np.ndarray, word: TesseractWord, x: int) -> int:
    """Where the closer printed inside a glued word ('ngày24tháng') starts: the place counted in characters falls
    inside the last digit when the digits are narrower than letters (bnt's '24', read '2'); from inside a stroke,
    the start of the next ink after the white gap, when it is within half the word's height."""
    band = gray[word.top : word.top + word.height, word.left : word.left + word.width]
    if band.size == 0:
        return x
    _, ink = cv2.threshold(band, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    columns = [bool(c) for c in np.any(ink, axis=0)]
    at = x - word.left
    if not 0 <= at < len(columns) or not columns[at]:
        return x
    limit = min(len(columns), at + word.height // 2)
    gap = next((k for k in range(at, limit) if not columns[k]), None)
    if gap is None:
        return x
    ink_again = next((k for k in range(gap, limit) if columns[k]), None)
    return word.left + ink_again if ink_again is not None else x


def _pen_strokes(
    gray: np.ndarray, box: tuple[int, int, int, int]
) -> tuple[np.ndarray, tuple[int, int, int, int]] | None:
    """The cut's pen strokes, black on a white margin, and their box on the page; None when there are none."""
    x0, y0, x1, y1 = box
    cut = gray[y0:y1, x0:x1]
    if cut.size == 0 or min(cut.shape) < 4:
        return None
    _, ink = cv2.threshold(cut, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = np.zeros_like(ink)
    rows, cols = cut.shape
    for k in range(1, count):
        x, y, w, h, _area = stats[k]
        if h >= MIN_STROKE_SHARE * rows and x > 0 and y > 0 and x + w < cols and y + h < rows:
            keep[labels == k] = 255
    ys, xs = np.nonzero(keep)
    if not len(xs):
        return None
    strokes = 255 - keep[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    pad = PADDING_PX
    padded = cv2.copyMakeBorder(strokes, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    return padded, (x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()) + 1, y0 + int(ys.max()) + 1)


def _plausible(kind: str, digits: str) -> bool:
    """A document number (one to five digits) or a day of a month."""
    if not NUMBER.fullmatch(digits):
        return False
    return kind == "number" or (len(digits) <= 2 and 1 <= int(digits) <= 31)


def _rewritten(
    words: list[TesseractWord],
    i: int,
    j: int,
    mark: str,
    digits: str,
    confidence: float,
    ink: tuple[int, int, int, int],
) -> list[TesseractWord]:
    """The words with label, digits and closer in place of words i..j: 'Số:' '299' '/UBND-TTHC'."""
    label, closer = words[i], words[j]
    at = fold(closer.text).index(mark)
    printed_label = re.match(r"[^\W\d_]+:?", label.text)
    printed = printed_label.group() if printed_label else label.text
    x0, y0, x1, y1 = ink
    number = replace(closer, text=digits, left=x0, top=y0, width=x1 - x0, height=y1 - y0, confidence=confidence)
    middle = [replace(label, text=printed), number]
    if at:
        cut = round(closer.width * at / len(closer.text))
        middle.append(replace(closer, text=closer.text[at:], left=closer.left + cut, width=closer.width - cut))
    else:
        middle.append(closer)
    if j == i:  # the label, the digits and the closer read as one word ('ngày{5'tháng')
        middle[0] = replace(label, text=printed, width=max(x0 - label.left, 1))
    return [*words[:i], *middle, *words[j + 1 :]]
