"""Reading order of a page's lines where it splits into two columns.

Vietnamese official documents put two columns side by side at the top (issuing body |
"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", number | place and date) and at the bottom
("Nơi nhận:" list | signature). Both a PDF's text layer and Tesseract read such lines
straight across ("Nơi nhận: T/M BAN THƯỜNG VỤ"); this module cuts a line at a gap wider
than a few letter heights and reads the left column before the right one. Used by the
text-layer reader (pipeline/pdf.py) and the OCR (pipeline/ocr.py) alike.

On a scan those gaps are often bridged or too narrow; when the words' text is given, the
letterhead and the closing block are found by their text and each is cut whole (``genre_blocks``).
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
# A word taller than this many times its line piece's median word is no letter of that line: a word with a tone mark
# above and a descender below ('của', 'về', 'Võ') stood 1.4-1.6 times the median on the 100-dpi prints read at
# 250 dpi; the blots Tesseract read as words inside those lines, 2.2-3.7 times.
TALL_WORD_RATIO = 2.0
# Nor is a word reaching this many median word heights above the piece's median top or below its median bottom: a
# print's marks under a line, read inside it as a word ('là' under 'khả năng', UBND Nghệ An tn-ceb89a53c7b93f00 at
# 100 dpi) or stretching the boxes of the words above them ('ký, ban hành, Chánh', UBND Hưng Yên 1973/QĐ-UBND at 200),
# reached 0.55-1.3 times below; a descender or a stacked tone mark about 0.3.
OUTLIER_REACH = 0.5
# ... judged only in a piece of this many words: two words have no median line (a signature's ', sa' lost its 'sa'
# and joined the signer's name under it, 53/TB-UBND as scanned).
MIN_WORDS_FOR_REACH = 3
# The place and date are looked for this many visual lines below the national motto (issuer and
# motto take two to four, the number one; a stamp's or seal's debris can add a few).
LETTERHEAD_LINES = 8


def visual_lines(pieces: Sequence[Sequence[T]], box: Callable[[T], Box]) -> list[list[T]]:
    """Pieces of lines (single PDF words, or Tesseract lines) merged into the visual lines of
    the page, top to bottom. Pieces are first cut at column gaps; a piece joins a line when its
    height overlaps the line's first piece by at least half of the smaller one (the first piece,
    not the growing union, so that a tall signature scribble cannot swallow two lines). A piece's
    height is that of its words of a letter's size (``piece_extent``)."""

    lines: list[tuple[float, float, list[T]]] = []
    cut = [part for piece in pieces if piece for part in segments(piece, box)]
    for piece in sorted(cut, key=lambda p: piece_extent(p, box)[0]):
        top, bottom = piece_extent(piece, box)
        if lines:
            line_top, line_bottom, words = lines[-1]
            overlap = min(bottom, line_bottom) - max(top, line_top)
            if overlap >= 0.5 * min(bottom - top, line_bottom - line_top):
                words.extend(piece)
                continue
        lines.append((top, bottom, list(piece)))
    return [words for _, _, words in lines]


def piece_extent(piece: Sequence[T], box: Callable[[T], Box]) -> tuple[float, float]:
    """(top, bottom) of a line piece: the vertical range of its words, leaving out any word over TALL_WORD_RATIO
    times the piece's median word height. On a low-resolution scan Tesseract reads a blot (a seal's edge, a
    signature stamp, two lines' ends run together) as a word two to four lines tall inside a line; counted, it made
    the line swallow the lines under it, their words interleaved (a 100-dpi print of UBND Quảng Ngãi 11/TB-UBND).
    Marks under a line do the same from below the piece's median bottom (``OUTLIER_REACH``)."""
    heights = sorted(box(w)[3] - box(w)[1] for w in piece)
    median = heights[len(heights) // 2]
    top = sorted(box(w)[1] for w in piece)[len(piece) // 2]
    bottom = sorted(box(w)[3] for w in piece)[len(piece) // 2]
    reach = OUTLIER_REACH * median if len(piece) >= MIN_WORDS_FOR_REACH else float("inf")
    letters = [
        w
        for w in piece
        if box(w)[3] - box(w)[1] <= TALL_WORD_RATIO * median
        and top - box(w)[1] <= reach
        and box(w)[3] - bottom <= reach
    ] or list(piece)
    return min(box(w)[1] for w in letters), max(box(w)[3] for w in letters)


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
def _genre() -> dict[str, re.Pattern[str]]:
    """The patterns that find a letter's letterhead and closing block (``data/reading_order.json``)."""
    data = json.loads((Path(__file__).parent / "data" / "reading_order.json").read_text(encoding="utf-8"))
    return {key: re.compile(value) for key, value in data.items() if not key.startswith("_")}


def genre_blocks(
    lines: Sequence[Sequence[T]], box: Callable[[T], Box], text: Callable[[T], str]
) -> list[tuple[int, int, list[list[list[T]]]]]:
    """The two-column parts of a letter laid out as Nghị định 30/2020/NĐ-CP prescribes, as (first
    line, line after the last, blocks in reading order): the letterhead, from the national motto's
    line to the place and date (issuer and number, then motto and date: column after column, as the
    hand transcriptions in tests/corpus/scans/truth and the samples' ground truth read it; unless
    the number ends the left column there, on down the left column to the number or the end of the
    subject under it, until a blank line), and the closing block, from the "Nơi nhận" heading to the end of the page (the
    list, then the signature). On a scan a seal's ring, an e-signature stamp or a stray mark read
    as "l" bridges their column gap, and a centred issuer can sit closer to the motto than a
    column gap; so each is cut whole at its emptiest vertical strip (``split_columns``)."""
    patterns = _genre()

    def folded(line: Sequence[T], count: int | None = None) -> str:
        return fold(" ".join(text(w) for w in sorted(line, key=lambda w: box(w)[0])[:count]))

    regions: list[tuple[int, int, list[list[list[T]]]]] = []
    motto = next((i for i, line in enumerate(lines) if patterns["motto"].search(folded(line))), None)
    if motto is not None:
        dated = next(
            (
                i
                for i in range(motto, min(motto + LETTERHEAD_LINES, len(lines)))
                if patterns["date"].search(folded(lines[i]))
            ),
            None,
        )
        cut = column_cut(lines[motto : dated + 1], box) if dated is not None else None
        if dated is not None and cut is not None:
            end = dated + 1
            lefts = [
                left for line in lines[motto:end] if (left := [w for w in line if box(w)[0] + box(w)[2] < 2 * cut])
            ]
            closed = bool(lefts) and patterns["number"].match(folded(lefts[-1], 3)) is not None
            while (  # the left column goes on below the date: the number, or the subject (V/v) under it
                not closed
                and end < len(lines)
                and _on_one_side(lines[end], box, cut)
                and not _blank_between(lines, end, box)
            ):
                end += 1
            regions.append((motto, end, split_at(lines[motto:end], box, cut)))
    after = regions[-1][1] if regions else 0
    closing = next((i for i in range(after, len(lines)) if patterns["closing"].match(folded(lines[i], 3))), None)
    if closing is not None:
        regions.append((closing, len(lines), split_columns(lines[closing:], box)))
    return regions


def split_columns(lines: Sequence[Sequence[T]], box: Callable[[T], Box]) -> list[list[list[T]]]:
    """Lines of a two-column part as its left column then its right one (``column_cut``)."""
    cut = column_cut(lines, box)
    return [[list(line) for line in lines]] if cut is None else split_at(lines, box, cut)


def column_cut(lines: Sequence[Sequence[T]], box: Callable[[T], Box]) -> float | None:
    """The x in the middle half of a two-column part's width that the fewest words cross (of equally
    crossed ones, the middle of the widest gap): debris crosses the gutter, the columns' text does not."""
    words = [w for line in lines for w in line]
    left_edge, right_edge = min(box(w)[0] for w in words), max(box(w)[2] for w in words)
    width = right_edge - left_edge
    edges = sorted({box(w)[i] for w in words for i in (0, 2)})
    gaps = [(a, b) for a, b in itertools.pairwise(edges) if abs((a + b) / 2 - left_edge - width / 2) < width / 4]
    if not gaps:
        return None

    def crossing(x: float) -> int:
        return sum(1 for w in words if box(w)[0] < x < box(w)[2])

    a, b = min(gaps, key=lambda gap: (crossing(sum(gap) / 2), gap[0] - gap[1]))
    return (a + b) / 2


def split_at(lines: Sequence[Sequence[T]], box: Callable[[T], Box], cut: float) -> list[list[list[T]]]:
    """The left column, then the right one (either left out when empty); each word goes to the side of its centre."""
    left = [[w for w in line if box(w)[0] + box(w)[2] < 2 * cut] for line in lines]
    right = [[w for w in line if box(w)[0] + box(w)[2] >= 2 * cut] for line in lines]
    return [column for column in ([ln for ln in left if ln], [ln for ln in right if ln]) if column]


def _on_one_side(line: Sequence[T], box: Callable[[T], Box], cut: float) -> bool:
    """Whether the centres of all the line's words are on one side of ``cut`` (where ``split_at`` puts them)."""
    return len({box(w)[0] + box(w)[2] < 2 * cut for w in line}) == 1


def _blank_between(lines: Sequence[Sequence[T]], i: int, box: Callable[[T], Box]) -> bool:
    """Whether a blank line's height separates line ``i`` from the one above it (as in ``reading_blocks``)."""
    top, bottom = min(box(w)[1] for w in lines[i]), max(box(w)[3] for w in lines[i])
    return top - max(box(w)[3] for w in lines[i - 1]) > bottom - top


def reading_blocks(
    lines: Sequence[Sequence[T]], box: Callable[[T], Box], text: Callable[[T], str] | None = None
) -> list[list[list[T]]]:
    """Lines (top to bottom, each a list of words) regrouped into blocks of lines in reading
    order: running lines stay together; a two-column stretch becomes its left column, then
    its right column. The stretch starts at a line cut in two and lasts while a gutter (an
    x-range no word crosses) remains between the columns and no blank line intervenes;
    centred columns have ragged edges, so the gutter narrows line by line. With ``text``, a
    letter's letterhead and closing block are read as ``genre_blocks`` says."""
    if text is not None:
        blocks: list[list[list[T]]] = []
        done = 0
        for start, end, region in genre_blocks(lines, box, text):
            blocks += reading_blocks(lines[done:start], box) + region
            done = end
        return blocks + reading_blocks(lines[done:], box)
    blocks = []
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
    return blocks
