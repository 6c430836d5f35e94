"""Reading order of a page's lines where it splits into two columns.

Vietnamese official documents put two columns side by side at the top (issuing body |
"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", number | place and date) and at the bottom
("Nơi nhận:" list | signature). Both a PDF's text layer and Tesseract read such lines
straight across ("Nơi nhận: T/M BAN THƯỜNG VỤ"); this module cuts a line at a gap wider
than a few letter heights and reads the left column before the right one. Used by the
text-layer reader (pipeline/pdf.py) and the OCR (pipeline/ocr.py) alike.

On a scan the closing block's gap is often bridged (a seal's ring, an e-signature stamp, a stray
mark read as "l"), so that rule misses it; when the words' text is given, the block that opens
with the "Nơi nhận" heading is instead split at its emptiest vertical strip, whole.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pipeline.text import fold

T = TypeVar("T")
Box = tuple[float, float, float, float]  # x0, top, x1, bottom

# A gap this many line heights wide inside a line separates two columns (word gaps are ~0.3).
COLUMN_GAP_EM = 2.5


def visual_lines(pieces: Sequence[Sequence[T]], box: Callable[[T], Box]) -> list[list[T]]:
    """Pieces of lines (single PDF words, or Tesseract lines) merged into the visual lines of
    the page, top to bottom. Pieces are first cut at column gaps; a piece joins a line when its
    height overlaps the line's first piece by at least half of the smaller one (the first piece,
    not the growing union, so that a tall signature scribble cannot swallow two lines)."""

    def extent(piece: Sequence[T]) -> tuple[float, float]:
        """(top, bottom) of a piece: the vertical range its words cover."""
        return min(box(w)[1] for w in piece), max(box(w)[3] for w in piece)

    lines: list[tuple[float, float, list[T]]] = []
    cut = [part for piece in pieces if piece for part in segments(piece, box)]
    for piece in sorted(cut, key=lambda p: extent(p)[0]):
        top, bottom = extent(piece)
        if lines:
            line_top, line_bottom, words = lines[-1]
            overlap = min(bottom, line_bottom) - max(top, line_top)
            if overlap >= 0.5 * min(bottom - top, line_bottom - line_top):
                words.extend(piece)
                continue
        lines.append((top, bottom, list(piece)))
    return [words for _, _, words in lines]


def segments(line: Sequence[T], box: Callable[[T], Box]) -> list[list[T]]:
    """The words of one visual line (left to right) cut at column-wide gaps; the line's tallest
    word sets the scale, since OCR boxes of '.' or ',' are only a few pixels high."""
    ordered = sorted(line, key=lambda w: box(w)[0])
    height = max(box(w)[3] - box(w)[1] for w in ordered)
    parts = [[ordered[0]]]
    for prev, word in itertools.pairwise(ordered):
        if box(word)[0] - box(prev)[2] > COLUMN_GAP_EM * height:
            parts.append([])
        parts[-1].append(word)
    return parts


@lru_cache(maxsize=1)
def _closing_heading() -> re.Pattern[str]:
    data = json.loads((Path(__file__).parent / "data" / "reading_order.json").read_text(encoding="utf-8"))
    return re.compile(data["closing_heading"])


def closing_block(
    lines: Sequence[Sequence[T]], box: Callable[[T], Box], text: Callable[[T], str]
) -> tuple[int, list[list[list[T]]]]:
    """Where the closing block starts (the index of the line whose first words are the "Nơi nhận"
    heading; ``len(lines)`` when there is none) and its two columns: the list left, the signature
    block right, cut at the x where fewest words of the block lie (a seal's or stamp's debris
    crosses the gap, the text does not), each word going to the side of its centre."""
    heading = _closing_heading()
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if line and heading.match(fold(" ".join(map(text, _first_words(line, box)))))
        ),
        len(lines),
    )
    words = [w for line in lines[start:] for w in line]
    if not words:
        return start, []
    left_edge = min(box(w)[0] for w in lines[start])
    right_edge = max(box(w)[2] for w in words)
    edges = sorted({box(w)[i] for w in words for i in (0, 2) if left_edge < box(w)[i] < right_edge})

    def crossing(x: float) -> int:
        return sum(1 for w in words if box(w)[0] < x < box(w)[2])

    # candidate cuts: midpoints between neighbouring word edges in the middle of the block's width
    width = right_edge - left_edge
    middle = [
        (a + b) / 2
        for a, b in itertools.pairwise(edges)
        if left_edge + 0.25 * width < (a + b) / 2 < right_edge - 0.25 * width
    ]
    if not middle:
        return start, [[list(line) for line in lines[start:]]]
    cut = min(middle, key=lambda x: (crossing(x), -_free_run(x, edges)))
    left = [[w for w in line if (box(w)[0] + box(w)[2]) / 2 < cut] for line in lines[start:]]
    right = [[w for w in line if (box(w)[0] + box(w)[2]) / 2 >= cut] for line in lines[start:]]
    return start, [column for column in ([ln for ln in left if ln], [ln for ln in right if ln]) if column]


def _first_words(line: Sequence[T], box: Callable[[T], Box], count: int = 3) -> list[T]:
    """The leftmost words of a visual line (its pieces come in the order they were found, not left to right)."""
    return sorted(line, key=lambda w: box(w)[0])[:count]


def _free_run(x: float, edges: Sequence[float]) -> float:
    """Width of the stretch between the word edges around ``x``: of two equally empty cuts, the one in
    the wider gap is the gutter."""
    below = max((e for e in edges if e <= x), default=x)
    above = min((e for e in edges if e >= x), default=x)
    return above - below


def reading_blocks(
    lines: Sequence[Sequence[T]], box: Callable[[T], Box], text: Callable[[T], str] | None = None
) -> list[list[list[T]]]:
    """Lines (top to bottom, each a list of words) regrouped into blocks of lines in reading
    order: running lines stay together; a two-column stretch becomes its left column, then
    its right column. The stretch starts at a line cut in two and lasts while a gutter (an
    x-range no word crosses) remains between the columns and no blank line intervenes;
    centred columns have ragged edges, so the gutter narrows line by line. With ``text``, the
    closing block ("Nơi nhận" list | signature) is split by ``closing_block`` instead."""
    closing: list[list[list[T]]] = []
    if text is not None:
        start, closing = closing_block(lines, box, text)
        lines = lines[:start]
    blocks: list[list[list[T]]] = []
    running: list[list[T]] = []
    cut = [segments(line, box) for line in lines if line]

    def span(part: list[T]) -> tuple[float, float]:
        """(left, right) of a line part: the horizontal range its words cover."""
        return min(box(w)[0] for w in part), max(box(w)[2] for w in part)

    def extent(parts: list[list[T]]) -> tuple[float, float]:
        """(top, bottom) of a cut line: the vertical range all its parts cover."""
        return min(box(w)[1] for p in parts for w in p), max(box(w)[3] for p in parts for w in p)

    i = 0
    while i < len(cut):
        if len(cut[i]) != 2:
            running.append([w for part in cut[i] for w in part])
            i += 1
            continue
        if running:
            blocks.append(running)
            running = []
        gutter = (span(cut[i][0])[1], span(cut[i][1])[0])
        left, right = [cut[i][0]], [cut[i][1]]
        previous_bottom = extent(cut[i])[1]
        i += 1
        while i < len(cut) and len(cut[i]) <= 2:
            top, bottom = extent(cut[i])
            if top - previous_bottom > bottom - top:
                break  # a blank line ends the two columns
            if len(cut[i]) == 2:
                new = (max(gutter[0], span(cut[i][0])[1]), min(gutter[1], span(cut[i][1])[0]))
                sides = [(left, cut[i][0]), (right, cut[i][1])]
            else:
                x0, x1 = span(cut[i][0])
                goes_left = x1 < gutter[1] and (x0 <= gutter[0] or (x0 + x1) / 2 < sum(gutter) / 2)
                new = (max(gutter[0], x1), gutter[1]) if goes_left else (gutter[0], min(gutter[1], x0))
                sides = [(left if goes_left else right, cut[i][0])]
            if new[0] >= new[1]:
                break  # a line crosses the gutter
            gutter = new
            for column, part in sides:
                column.append(part)
            previous_bottom = bottom
            i += 1
        blocks.extend([left, right])
    if running:
        blocks.append(running)
    return blocks + closing
