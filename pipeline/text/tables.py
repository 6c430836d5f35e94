"""Tables as the text carries them: rows of cells with their offsets in the text, read once for every extractor.

Three forms reach the text: TAB-separated rows, one row per line (PDF text layers, OCR); markdown pipe rows on
one line ('| 1 | Lập kế hoạch | Sở Nội vụ | 2026 |'); and web-page conversions that put every '|' on a line of
its own with a cell's text wrapped over the lines between (312 of the 351 corpus texts). In the pipe forms a row
ends where two '|' meet with nothing between, so an empty cell is no cell there; a TAB row keeps its empty cells
in place. Which row is the header, and what each column holds, is for the reader of the table to say.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from pipeline.text.unicode import fold

TABLE_GAP = 3  # lines without '|' inside a web page's table: a cell's own bullets
CELL_LINES = 12  # lines of one cell where each '|' stands on a line of its own: a task wrapped over several lines
_PIPE_CELL = re.compile(r"[^|]+|(?<=\|)(?=\|)")
_DIGIT = re.compile(r"\d")
_BLANKS = re.compile(r"[ \t]*")
_RULE_CELL = re.compile(r"\s*:?-{3,}:?\s*")  # a cell of the rule under a markdown table's header: '---', ':---:'
_GROUP_LABEL = re.compile(r"(?:\d{1,3}|[IVXL]{1,5}|[A-ZĐ])\.?")  # a group row's label in a grid: 'II', 'A', '1'
NUMBER_HEADERS = frozenset({"tt", "stt", "so tt", "so thu tu"})  # a row-number column's header, folded
SLIPPED_HEADING_CHARS = 3  # a grid's row-number heading ('STT', 'TT') as the OCR may misread it: 'S11', '11', 'H1'


def _fold_cell(text: str) -> str:
    return fold(" ".join(text.split())).strip(" *_.")


class _Line(Protocol):
    """What the reader needs of a line: its stripped text and where it sits (``segment.Line``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Cell:
    """One cell: its raw text (wraps, emphasis marks and padding kept) and where it sits in the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Table:
    """A table's rows of cells, in reading order, and the span of text it covers."""

    start: int
    end: int
    rows: tuple[tuple[Cell, ...], ...]
    separator: str  # '\t' or '|'
    # pipe tables: how many empty cells ended each row ('|' twice with nothing between): one where a row simply
    # ends, one more per empty cell before the next row, so that a reader who knows the header's width can put an
    # empty cell inside a row back ('| 1 | Lập kế hoạch | Sở Nội vụ | | 2026 |'); TAB rows keep their empty cells
    breaks: tuple[int, ...] = ()

    def row_at(self, offset: int) -> int | None:
        """Index of the row holding ``offset``, or None."""
        for n, row in enumerate(self.rows):
            if row and row[0].start <= offset <= row[-1].end:
                return n
        return None

    def header_of(self, row: int) -> tuple[Cell, ...] | None:
        """The header over a row: the nearest row above it with no figure and at least its cells, so a group
        heading ('II | CHỈ ĐẠO, ĐIỀU HÀNH') between is passed over, and so is a markdown table's rule ('|---|---|').
        A web page's first row may carry what stood before the table (the annex title, even the signature) in
        cells of its own: the header then starts at its row-number column ('STT', 'TT'). In a grid (TAB rows: a
        PDF, an OCR'd scan) a group heading keeps every cell of the row, empty, so it is passed over by its label or
        by its empty cells (the label misread: 'VII' as 'VH', 'vn'). A grid's first row heads it even when the OCR
        read its row-number heading as figures ('STT' as 'S11' or '11', 'TT' as 'H1'): its other cells hold none."""
        width = len(self.rows[row])
        for above in reversed(self.rows[:row]):
            if all(_RULE_CELL.fullmatch(c.text) for c in above):
                continue
            if self.separator == "\t" and above is self.rows[0] and _slipped_heading(self.rows, width):
                return above
            if self.separator == "\t" and above and _group_row(above):
                continue
            numbers = [k for k, c in enumerate(above) if _fold_cell(c.text) in NUMBER_HEADERS]
            header = above[numbers[0] :] if numbers else above
            if len(header) >= width and not any(_DIGIT.search(c.text) for c in header):
                return header
        return None


def _slipped_heading(rows: Sequence[Sequence[Cell]], width: int) -> bool:
    """Does a grid's first row head it though the OCR read its row-number heading as figures ('STT' as 'S11' or
    '11', 'TT' as 'H1'): a first cell short enough for it, every other cell filled, with no figure, and no row
    under it numbered next ('1 | … | Thường xuyên' over '2 | …' is the first task, not the header)?"""
    first, named = rows[0][0].text.strip(" *_"), [c.text.strip(" *_") for c in rows[0][1:]]
    following = rows[1][0].text.strip(" *_.") if len(rows) > 1 and rows[1] else ""
    numbered_next = first.isdigit() and following == str(int(first) + 1)
    return (
        len(rows[0]) >= width
        and len(first) <= SLIPPED_HEADING_CHARS
        and _DIGIT.search(first) is not None
        and not numbered_next
        and len(named) >= 2
        and all(named)
        and not any(_DIGIT.search(c) for c in named)
    )


def _group_row(row: Sequence[Cell]) -> bool:
    """Is a grid's row a group heading: labelled ('II', 'A'), or naming its group in two cells at most, the others
    empty?"""
    filled = sum(bool(c.text.strip(" *_")) for c in row)
    return _GROUP_LABEL.fullmatch(row[0].text.strip(" *_")) is not None or filled <= 2 < len(row)


def read_tables(text: str, lines: Sequence[_Line]) -> list[Table]:
    """Every table of the text, in reading order, from its lines (non-empty, stripped, with offsets)."""
    return sorted(_tab_tables(text, lines) + _pipe_tables(text, lines), key=lambda t: t.start)


def table_at(tables: Sequence[Table], offset: int) -> Table | None:
    """The table covering ``offset``, or None."""
    n = bisect_right([t.start for t in tables], offset) - 1
    return tables[n] if n >= 0 and offset <= tables[n].end else None


def _tab_tables(text: str, lines: Sequence[_Line]) -> list[Table]:
    """Runs of TAB-separated lines, one row per line, an empty cell keeping its place — at the ends of the line too,
    which the stripped line has lost ('\t\tChủ trì\tPhối hợp\t' under a merged heading)."""
    out: list[Table] = []
    run: list[tuple[Cell, ...]] = []
    for line in [*lines, None]:
        lost = _lost_blanks(text, line) if line is not None else ("", "")
        if line is not None and "\t" in lost[0] + line.text + lost[1]:
            at = line.start
            cells = [Cell(at, at, "")] * lost[0].count("\t")
            for cell in line.text.split("\t"):
                cells.append(Cell(at, at + len(cell), cell))
                at += len(cell) + 1
            cells += [Cell(line.end, line.end, "")] * lost[1].count("\t")
            run.append(tuple(cells))
        elif run:
            out.append(Table(run[0][0].start, run[-1][-1].end, tuple(run), "\t"))
            run = []
    return out


def _lost_blanks(text: str, line: _Line) -> tuple[str, str]:
    """The spaces and TABs a stripped line lost at its start and at its end."""
    start = line.start
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    end = _BLANKS.match(text, line.end)
    return text[start : line.start], end.group() if end else ""


def _pipe_tables(text: str, lines: Sequence[_Line]) -> list[Table]:
    """Tables of cells between '|': a table runs while '|' comes back within a few lines (a cell's own bullets
    hold none; where each '|' stands on a line of its own, a cell may be wrapped over many)."""
    out: list[Table] = []
    i = 0
    while i < len(lines):
        vertical = lines[i].text.strip() == "|"
        if lines[i].text.count("|") < 2 and not vertical:
            i += 1
            continue
        gap = CELL_LINES if vertical else TABLE_GAP
        last, k = i, i + 1
        while k < len(lines) and k - last <= gap:
            if "|" in lines[k].text:
                last = k
            k += 1
        out.append(_pipe_table(text, lines[i].start, lines[last].end))
        i = last + 1
    return out


def _pipe_table(text: str, start: int, end: int) -> Table:
    """The rows of one pipe table: a row ends at an empty cell ('| |', or '|' twice with only emphasis between)."""
    rows: list[tuple[Cell, ...]] = []
    breaks: list[int] = []
    row: list[Cell] = []
    for m in _PIPE_CELL.finditer(text[start:end]):
        if m.group().strip(" \n\t*_"):
            row.append(Cell(start + m.start(), start + m.end(), m.group()))
        elif row:
            rows.append(tuple(row))
            breaks.append(1)
            row = []
        elif rows:
            breaks[-1] += 1
    if row:
        rows.append(tuple(row))
        breaks.append(0)
    return Table(start, end, tuple(rows), "|", tuple(breaks))
