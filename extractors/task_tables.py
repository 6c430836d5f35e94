"""Task tables: which tables of a document assign tasks, and what each of their rows holds by column kind.

A task table ('TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm') is read from the
one table reader's rows (``SegmentedDocument.tables``), whatever form it came in. Its header is the first row whose
cells name a task column and a lead or executing column (the header lexicon is ``data/task_tables.json``), counted
from its row-number column, since a web page's first row may carry the annex title and the signature before it; a
second header row under a merged heading ('Cơ quan thực hiện' over 'Chủ trì | Phối hợp') names the columns under it.
Then, row by row:

- a group row ('I | CÔNG TÁC TUYÊN TRUYỀN'), a header printed again on a new page and a row of column numbers
  give no task;
- in the pipe forms an empty cell inside a row ends the row for the table reader ('| 1 | … | Sở Y tế | | 2025 |'):
  with the header's width, and a row's number opening each row, the empty cell is put back;
- a table that follows a task table with nothing but a page's furniture between, and has no header of its own, is
  the same table going on over the page (or past a cell too long for the reader) and is read with its header.

Which body, role and due a row gives is the assignment grammar's (``extractors.obligations``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors.common import load_json, phrase_alternation
from pipeline.text import fold
from pipeline.text.tables import Cell, Table

_KIND_ORDER = ("partners", "lead", "due", "assigned", "task")
_SUB_HEADERS = ("lead", "partners", "assigned", "due")  # what a second header row under a merged heading names
_ROW_LABEL = re.compile(r"[*_\s]*(?:\d{1,3}(?:\.\d{1,2})*|[IVXL]{1,5}|[a-zđ])[.)]?[*_\s]*")
_HEADER_CHARS = 80  # a header cell is a few words; a longer cell is a title or a task
_CONTINUATION_LINES = 3  # lines between two tables of one (a page number, a running header)


@dataclass(frozen=True)
class _Lexicon:
    none: re.Pattern[str]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    number: frozenset[str]


def _normal(text: str) -> str:
    """A header cell folded, emphasis, '/' and ',' read as spaces."""
    return " ".join(re.sub(r"[/,*_]", " ", fold(text)).split())


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    d = load_json("task_tables.json")
    return _Lexicon(
        none=re.compile(rf"(?:{phrase_alternation(d['none'])})(?!\w)"),
        kinds=tuple((k, re.compile(rf"(?<!\w)(?:{phrase_alternation(d[k])})(?!\w)")) for k in _KIND_ORDER),
        number=frozenset(_normal(n) for n in d["number"]),
    )


def column_kind(header: str) -> str | None:
    """'lead', 'partners', 'assigned', 'due' or 'task' for a header cell; None for any other column."""
    text = _normal(header)
    lex = _lexicon()
    if not text or len(text) > _HEADER_CHARS or re.search(r"\d", text) or lex.none.match(text):
        return None
    return next((kind for kind, pattern in lex.kinds if pattern.search(text)), None)


def _is_number_header(cell: str) -> bool:
    return _normal(cell) in _lexicon().number


def _columns(headers: Sequence[str]) -> dict[str, int] | None:
    """Column of each kind among header cells (the first of each kind), or None when they head no task table."""
    columns: dict[str, int] = {}
    for n, header in enumerate(headers):
        kind = column_kind(header)
        if kind is not None and kind not in columns:
            columns[kind] = n
    return columns if "task" in columns and ({"lead", "assigned"} & columns.keys()) else None


@dataclass(frozen=True)
class TaskTable:
    """A task table: its column kinds and its data rows, each row its cells by kind (an empty cell is absent)."""

    table: Table
    headers: tuple[str, ...]  # the header cells from the row-number column (or the first heading) on
    columns: dict[str, int]
    rows: tuple[dict[str, Cell], ...]


def _header(rows: Sequence[Sequence[Cell]], n: int) -> tuple[list[str], int] | None:
    """(header cells from the number column on, rows the header takes) when row n opens a task table's header."""
    cells = [" ".join(c.text.split()) for c in rows[n]]
    number = next((k for k, c in enumerate(cells) if _is_number_header(c)), None)
    if number is None:
        number = next((k for k, c in enumerate(cells) if column_kind(c) is not None), 0)
    cells = cells[number:]
    below = [" ".join(c.text.split()) for c in rows[n + 1]] if n + 1 < len(rows) else []
    if below and all(column_kind(c) in _SUB_HEADERS for c in below):
        # 'Cơ quan thực hiện' over 'Chủ trì | Phối hợp': the merged heading's columns are the ones under it
        parent = next((k for k, c in enumerate(cells) if column_kind(c) == "assigned"), None)
        if len(below) == len(cells):  # a grid keeps the merged cell's place: the row below names its columns
            merged = [b if column_kind(b) else c for c, b in zip(cells, below, strict=True)]
        elif parent is not None:
            merged = cells[:parent] + below + cells[parent + 1 :]
        else:
            merged = cells
        if _columns(merged) is not None and merged != cells:
            return merged, 2
    return (cells, 1) if _columns(cells) is not None else None


def _label(cell: Cell) -> bool:
    return _ROW_LABEL.fullmatch(cell.text) is not None


def _pipe_rows(table: Table, first: int, width: int) -> list[list[Cell | None]]:
    """The data rows of a numbered pipe table from row ``first`` on, each of ``width`` cells at most: an empty cell
    the reader took for a row's end is put back where the next cell does not open a new row with its number."""
    tokens: list[Cell | None] = []
    for n in range(first, len(table.rows)):
        tokens += [*table.rows[n], *([None] * (table.breaks[n] if n < len(table.breaks) else 0))]
    out: list[list[Cell | None]] = []
    row: list[Cell | None] = []
    for k, token in enumerate(tokens):
        if token is not None:
            if len(row) >= width:
                out.append(row)
                row = []
            row.append(token)
            continue
        if not row:
            continue
        following = next((t for t in tokens[k + 1 :] if t is not None), None)
        if len(row) >= width or following is None or _label(following):
            out.append(row)
            row = []
        else:
            row.append(None)
    if row:
        out.append(row)
    return out


def _by_kind(row: Sequence[Cell | None], columns: dict[str, int], numbered: bool) -> dict[str, Cell]:
    """A row's cells by column kind; a row without its number ('| Tiếp nhận … | Sở Y tế |') is one cell short at the
    front."""
    shift = 1 if numbered and row and row[0] is not None and not _label(row[0]) else 0
    out = {}
    for kind, n in columns.items():
        if 0 <= n - shift < len(row) and (cell := row[n - shift]) is not None and cell.text.strip(" \n\t*_"):
            out[kind] = cell
    return out


def _data_rows(table: Table, first: int, headers: list[str], columns: dict[str, int]) -> tuple[dict[str, Cell], ...]:
    numbered = bool(headers) and _is_number_header(headers[0])
    if table.separator == "|" and numbered:
        rows = _pipe_rows(table, first, len(headers))
    else:
        rows = [list(r) for r in table.rows[first:]]
    out = []
    for row in rows:
        texts = [" ".join(c.text.split()) if c is not None else "" for c in row]
        if _columns(texts) is not None or not any(re.search(r"[^\W\d_]", t) for t in texts):
            continue  # the header printed again on a new page; a row of column numbers
        cells = _by_kind(row, columns, numbered)
        if "task" in cells and ({"lead", "assigned"} & cells.keys()):
            out.append(cells)
    return tuple(out)


def _between(text: str, a: Table, b: Table) -> bool:
    """Only a page's furniture between two tables: a page break, a page number, a running header."""
    gap = [line for line in text[a.end : b.start].splitlines() if line.strip(" \f*_-")]
    return len(gap) <= _CONTINUATION_LINES


def _goes_on(table: Table, previous: TaskTable) -> bool:
    """Do a headerless table's rows have its header's shape: a TAB grid as wide, or pipe rows opening with their
    number and no wider?"""
    width = len(previous.headers)
    if table.separator == "\t":
        return all(len(row) == len(previous.table.rows[0]) for row in table.rows)
    return bool(table.rows) and _label(table.rows[0][0]) and all(len(row) <= width for row in table.rows)


def read_task_tables(text: str, tables: Sequence[Table]) -> list[TaskTable]:
    """Every task table among a document's tables, in reading order, a table going on after its header's page
    read with that header."""
    out: list[TaskTable] = []
    previous: TaskTable | None = None
    for table in tables:
        header = next(((n, h) for n in range(len(table.rows)) if (h := _header(table.rows, n)) is not None), None)
        if header is not None:
            n, (headers, taken) = header
            columns = _columns(headers)
            assert columns is not None  # _header returns only a task table's header
            found = TaskTable(table, tuple(headers), columns, _data_rows(table, n + taken, headers, columns))
        elif previous is not None and _between(text, previous.table, table) and _goes_on(table, previous):
            headers = list(previous.headers)
            found = TaskTable(
                table, previous.headers, previous.columns, _data_rows(table, 0, headers, previous.columns)
            )
        else:
            previous = None
            continue
        out.append(found)
        previous = found
    return out
