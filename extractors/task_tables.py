"""Task tables: which tables of a document assign tasks, and what each of their rows holds by column kind.

A task table ('TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm') is read from the
one table reader's rows (``SegmentedDocument.tables``), whatever form it came in. Its header is the first row whose
cells name a task column and a lead or executing column (the header lexicon is ``data/task_tables.json``), counted
from its row-number column, since a web page's first row may carry the annex title and the signature before it; a
second header row under a merged heading ('Cơ quan thực hiện' over 'Chủ trì | Phối hợp') names the columns under it.
A table holding several headers (a web page runs an annex's tables together, the next header glued to the last row
of the one before) is read part by part, each part under its own header, with the title over it. Then, row by row:

- a group row ('I | CÔNG TÁC TUYÊN TRUYỀN'), a header printed again on a new page and a row of column numbers
  give no task;
- in the pipe forms an empty cell inside a row ends the row for the table reader ('| 1 | … | Sở Y tế | | 2025 |'):
  with the header's width, and a row's number opening each row, the empty cell is put back;
- in a TAB grid (PDF, Word, OCR), a merged cell stands in its first row only: a numbered row with no body of its own
  has the body of the row above; a row a page break cut goes on at the top of the next page without its number;
- a table that follows a task table with nothing but a page's furniture between, and has no header of its own, is
  the same table going on over the page and is read with its header;
- a body cell that says 'Như trên' has the bodies of the row above;
- a list of abolished procedures ('Danh mục thủ tục hành chính bị bãi bỏ') gives no task, nor does the internal flow
  of a procedure, a table with a column of its steps ('Bước thực hiện | Nội dung công việc | Đơn vị thực hiện'),
  whatever the column's header, when every row is named by its step ('Bước 1').

Which body, role and due a row gives is the assignment grammar's (``extractors.obligations``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extractors.common import load_json, phrase_alternation
from pipeline.text import fold
from pipeline.text.paragraphs import task_fields
from pipeline.text.tables import NUMBER_HEADERS, Cell, Table
from schemas.document import PAGE_SEPARATOR

_KIND_ORDER = ("partners", "lead", "due", "assigned", "task")
_SUB_HEADERS = ("lead", "partners", "assigned", "due")  # what a second header row under a merged heading names
_ROW_LABEL = re.compile(r"[*_\s]*(?:\d{1,3}(?:\.\d{1,2})*|[IVXL]{1,5}|[a-zđA-ZĐ])[.)]?[*_\s]*")
_GROUP = re.compile(r"[*_\s]*(?:[IVXL]{1,5}|[A-ZĐ])[.)]?[*_\s]*")  # a group row's label: 'I', 'II.', 'A'
_HEADER_CHARS = 80  # a header cell is a few words; a longer cell is a title or a task
_CONTINUATION_LINES = 3  # lines between two tables of one (a page number, a running header); a title's lines
_TITLE_CHARS = 400  # how far above a table its title is looked for
_STEP = re.compile(r"[*_\s]*buoc\s*\d+[*_\s:.]*$")  # folded: a step's number standing for its task ('Bước 1')
_SLIPPED_LABEL_CHARS = 3  # a row number or group numeral the OCR misread in a grid's number column ('Hỗ', 'VH')
_BULLET_LINE = re.compile(r"(?m)^[ \t*_]*[-+•][ \t]+")  # '- Sở Nông nghiệp và Môi trường;' opening a cell's line


@dataclass(frozen=True)
class _Lexicon:
    none: re.Pattern[str]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    abolished: re.Pattern[str]
    kept: re.Pattern[str]
    steps: frozenset[str]
    ditto: frozenset[str]


def _normal(text: str) -> str:
    """A header cell folded, emphasis, '/' and ',' read as spaces."""
    return " ".join(re.sub(r"[/,*_]", " ", fold(text)).split())


def _header_words(kind: str, d: dict) -> list[str]:
    """A kind's header phrases: the task field labels of that kind (``pipeline.text.paragraphs.task_fields``), read as a
    header is, and the header-only words of ``task_tables.json``."""
    return [_normal(w) for w in task_fields()[kind]] + d.get(kind, [])


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    d = load_json("task_tables.json")
    return _Lexicon(
        none=re.compile(rf"(?:{phrase_alternation(d['none'])})(?!\w)"),
        kinds=tuple(
            (k, re.compile(rf"(?<!\w)(?:{phrase_alternation(_header_words(k, d))})(?!\w)")) for k in _KIND_ORDER
        ),
        abolished=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['abolished'])})(?!\w)"),
        kept=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['kept'])})(?!\w)"),
        steps=frozenset(_normal(s) for s in d["steps"]),
        ditto=frozenset(_normal(s) for s in d["ditto"]),
    )


def column_kind(header: str) -> str | None:
    """'lead', 'partners', 'assigned', 'due' or 'task' for a header cell; None for any other column."""
    text = _normal(header)
    lex = _lexicon()
    if not text or len(text) > _HEADER_CHARS or re.search(r"\d", text) or lex.none.match(text):
        return None
    return next((kind for kind, pattern in lex.kinds if pattern.search(text)), None)


def _is_number_header(cell: str) -> bool:
    return _normal(cell) in NUMBER_HEADERS


def _columns(headers: Sequence[str]) -> dict[str, int] | None:
    """Column of each kind among header cells (the first of each kind), or None when they head no task table."""
    columns: dict[str, int] = {}
    for n, header in enumerate(headers):
        kind = column_kind(header)
        if kind is not None and kind not in columns:
            columns[kind] = n
    return columns if "task" in columns and ({"lead", "assigned"} & columns.keys()) else None


@dataclass(frozen=True)
class TaskRow:
    """One data row: its cells by column kind (an empty cell is absent), and whether it opens with its number — a
    row that does not, in a numbered table, may be the text a web page ran on after the table."""

    cells: dict[str, Cell]
    numbered: bool
    more: dict[str, str] = field(default_factory=dict)  # the rest of a cell a page break cut, on the next page

    def text(self, kind: str) -> str:
        """A cell's text by column kind, with what a page break cut of it, as one line."""
        cell = self.cells.get(kind)
        return " ".join(f"{cell.text if cell else ''} {self.more.get(kind, '')}".split())

    def clauses(self, kind: str) -> str:
        """A cell's text as one line, each of its bulleted lines ('- Sở Nông nghiệp và Môi trường, các sở ngành liên
        quan;\n- Chủ tịch UBND tỉnh') a clause of its own, after a ';' and without its dash."""
        cell = self.cells.get(kind)
        bulleted = _BULLET_LINE.sub("; ", cell.text) if cell else ""
        return " ".join(f"{bulleted} {self.more.get(kind, '')}".split()).strip("; ")


@dataclass(frozen=True)
class TaskTable:
    """A task table: its column kinds and its data rows."""

    table: Table
    headers: tuple[str, ...]  # the header cells from the row-number column (or the first heading) on
    columns: dict[str, int]
    rows: tuple[TaskRow, ...]
    title: str  # what stands over the header: the annex title ('PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU … ĐẾN NĂM 2030')


def _header(rows: Sequence[Sequence[Cell]], n: int, grid: bool) -> tuple[int, list[str], int] | None:
    """(cell the header starts at, header cells from there on, rows the header takes) when row n holds a task
    table's header: from its row-number column ('STT'), since a web page may glue the annex title and the signature
    before it, or the last row of the table before ('… | UBND cấp tỉnh | 2. Danh mục … | TT | Mã số TTHC | …'). A
    grid's (TAB) rows line up with its header cell for cell, so without a row-number heading (the OCR of a scan reads
    'STT' as 'S11' or 'SII') its header starts at its first cell."""
    row = [" ".join(c.text.split()) for c in rows[n]]
    starts = [k for k, c in enumerate(row) if _is_number_header(c)]
    if not starts:
        starts = [0 if grid else next((k for k, c in enumerate(row) if column_kind(c) is not None), 0)]
    below = [" ".join(c.text.split()) for c in rows[n + 1]] if n + 1 < len(rows) else []
    named = [c for c in below if c.strip(" *_")]
    for start in starts:
        cells = row[start:]
        if named and all(column_kind(c) in _SUB_HEADERS for c in named):
            # 'Cơ quan thực hiện' over 'Chủ trì | Phối hợp': the merged heading's columns are the ones under it
            parent = next((k for k, c in enumerate(cells) if column_kind(c) == "assigned"), None)
            if len(below) == len(row):  # a grid keeps the merged cell's place: the row below names its columns
                merged = [b if column_kind(b) else c for c, b in zip(cells, below[start:], strict=True)]
            elif parent is not None:
                merged = cells[:parent] + below + cells[parent + 1 :]
            else:
                merged = cells
            if _columns(merged) is not None and merged != cells:
                return start, merged, 2
        if _columns(cells) is not None:
            return start, cells, 1
    return None


def _part(table: Table, first: int, last: int, cut: int) -> Table:
    """Rows first..last-1 of a table, and the first ``cut`` cells of row ``last`` (what stands before the next
    header in its row)."""
    rows = list(table.rows[first:last])
    breaks = list(table.breaks[first:last])
    if cut and last < len(table.rows):
        rows.append(table.rows[last][:cut])
        breaks.append(1)
    start = rows[0][0].start if rows else table.start
    end = rows[-1][-1].end if rows else start
    return Table(start, end, tuple(rows), table.separator, tuple(breaks) if table.breaks else ())


def _label(cell: Cell) -> bool:
    return _ROW_LABEL.fullmatch(cell.text) is not None


def _numbers_rows(heading: str, table: Table) -> bool:
    """Does a grid's first column, under a heading the OCR misread ('STT' as 'S11', 'STL', 'SII'), number its rows:
    a short heading, and most of the rows that hold more than their first cell open with a row label?"""
    if not 0 < len(_normal(heading)) <= _SLIPPED_LABEL_CHARS + 1 or " " in _normal(heading):
        return False
    firsts = [row[0] for row in table.rows if len(row) > 1 and any(c.text.strip(" *_") for c in row[1:])]
    return bool(firsts) and 2 * sum(_label(c) for c in firsts) > len(firsts)


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


def _by_kind(row: Sequence[Cell | None], columns: dict[str, int], shifted: bool) -> dict[str, Cell]:
    """A row's non-empty cells by column kind; ``shifted``: the row lost its number cell, so every cell stands one
    place to the left."""
    out = {}
    for kind, n in columns.items():
        k = n - shifted
        if 0 <= k < len(row) and (cell := row[k]) is not None and cell.text.strip(" \n\t*_"):
            out[kind] = cell
    return out


def _data_rows(text: str, table: Table, headers: Sequence[str], columns: dict[str, int]) -> tuple[TaskRow, ...]:
    """The task rows. A pipe row without its number ('| Tiếp nhận … | Sở Y tế |') is one cell short at the front.
    In a TAB grid (a PDF's or a Word file's table), a merged cell's text stands in its first row only: a numbered
    row with no body of its own is given the body of the row above, up to the next group row; and a row a page
    break cut goes on at the top of the next page in a row without a number, whose cells are the rest of its own."""
    pipe = table.separator == "|"
    numbered = bool(headers) and (_is_number_header(headers[0]) or (not pipe and _numbers_rows(headers[0], table)))
    rows = _pipe_rows(table, 0, len(headers)) if pipe and numbered else [list(r) for r in table.rows]
    out: list[TaskRow] = []
    above: dict[str, Cell] = {}  # the body cells of the last numbered row of this group
    end = table.start  # where the last task row ends
    for row in rows:
        texts = [" ".join(c.text.split()) if c is not None else "" for c in row]
        if _columns(texts) is not None or not any(re.search(r"[^\W\d_]", t) for t in texts):
            continue  # the header printed again on a new page; a row of column numbers
        # in a grid a number column holds nothing but the rows' numbers, whatever the OCR made of them ('1' read 'Hỗ')
        labelled = (
            bool(row)
            and row[0] is not None
            and (_label(row[0]) or (numbered and not pipe and 0 < len(texts[0]) <= _SLIPPED_LABEL_CHARS))
        )
        cells = _by_kind(row, columns, numbered and pipe and bool(texts[0]) and not labelled)
        start = next((c.start for c in row if c is not None), end)
        if not pipe and out and not texts[0] and PAGE_SEPARATOR in text[end:start]:
            last = out[-1]
            more = {k: " ".join(f"{last.more.get(k, '')} {c.text}".split()) for k, c in cells.items()}
            out[-1] = replace(last, more=more)
            continue
        own = {k: c for k, c in cells.items() if k in ("lead", "assigned")}
        if out and own and all(_normal(c.text) in _lexicon().ditto for c in own.values()):
            # 'Như trên': the bodies of the row above
            own = {k: out[-1].cells[k] for k in own if k in out[-1].cells}
            cells = {**cells, **own}
        if not own and (
            _GROUP.fullmatch(texts[0] if texts else "") or ("task" in cells and cells["task"].text.isupper())
        ):
            above = {}  # a group row: 'I | CÔNG TÁC TUYÊN TRUYỀN'
            continue
        if not pipe and numbered and labelled and "task" in cells:
            above = own or above
            cells = {**cells, **above}
        if "task" in cells and {"lead", "assigned"} & cells.keys():
            out.append(TaskRow(cells, not numbered or labelled))
            end = max(c.end for c in row if c is not None)
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
        return bool(previous.table.rows) and all(len(row) == len(previous.table.rows[0]) for row in table.rows)
    return bool(table.rows) and _label(table.rows[0][0]) and all(len(row) <= width for row in table.rows)


def _repeated(text: str, table: Table, n: int, headers: Sequence[str], previous: TaskTable | None) -> TaskTable | None:
    """The task table whose header row ``n`` of a table prints again over a new page, with the same columns: in the
    same grid (an OCR'd scan's TAB rows run on over the page break), or at the top of a table that follows with only
    the page's furniture between."""
    if previous is None or (n == 0 and not _between(text, previous.table, table)):
        return None
    return previous if _columns(headers) == previous.columns else None


def read_task_tables(text: str, tables: Sequence[Table]) -> list[TaskTable]:
    """Every task table among a document's tables, in reading order: a table holding several headers (a web page
    runs an annex's tables together) read part by part, each with its own header, and a table going on after its
    header's page read with that header."""
    out: list[TaskTable] = []
    previous: TaskTable | None = None
    for table in tables:
        grid = table.separator == "\t"
        heads = [(n, h) for n in range(len(table.rows)) if (h := _header(table.rows, n, grid)) is not None]
        if not heads:
            if previous is not None and _between(text, previous.table, table) and _goes_on(table, previous):
                # the table going on over the page: read as one with the part before, under its header
                before = previous.table
                breaks = (*before.breaks[:-1], max(1, before.breaks[-1]), *table.breaks) if before.breaks else ()
                joined = Table(before.start, table.end, before.rows + table.rows, table.separator, breaks)
                rows = _data_rows(text, joined, previous.headers, previous.columns)
                previous = replace(previous, table=joined, rows=rows)
                out[-1] = previous
            else:
                previous = None
            continue
        for i, (n, (start, headers, taken)) in enumerate(heads):
            last, cut = (heads[i + 1][0], heads[i + 1][1][0]) if i + 1 < len(heads) else (len(table.rows), 0)
            part = _part(table, n + taken, last, cut)
            columns = _columns(headers)
            assert columns is not None  # _header returns only a task table's header
            title = table.rows[n][start - 1].text if start else _lines_above(text, table.start) if n == 0 else ""
            if not start and (above := _repeated(text, table, n, headers, previous)) is not None:
                title = above.title  # the header printed again over the page: the table's title still holds
            # 'Danh mục thủ tục hành chính bị bãi bỏ': a procedure that no longer exists gives its body no task
            abolished = _lexicon().abolished.search(_normal(title)) and not _lexicon().kept.search(_normal(title))
            # 'Bước thực hiện | Nội dung công việc | Đơn vị thực hiện': the steps of a procedure, done case by case
            steps = any(_normal(c.text) in _lexicon().steps for c in table.rows[n][max(start - 1, 0) :])
            rows = () if abolished or steps else _data_rows(text, part, headers, columns)
            if rows and all(_STEP.match(fold(row.text("task"))) for row in rows):
                rows = ()  # 'Thứ tự công việc | … | Trách nhiệm thực hiện': rows named 'Bước 1', 'Bước 2' are steps too
            previous = TaskTable(part, tuple(headers), columns, rows, title)
            out.append(previous)
    return out


def _lines_above(text: str, at: int) -> str:
    """The few lines over a table: its title."""
    lines = [line for line in text[max(0, at - _TITLE_CHARS) : at].splitlines() if line.strip(" *_")]
    return " ".join(line for line in lines[-_CONTINUATION_LINES:] if "|" not in line and "\t" not in line)


def name_cell_at(tables: Sequence[Table], offset: int) -> Cell | None:
    """The cell that names the task of the row holding ``offset``, in any table whose header has a task column
    ('STT | Mã số TTHC | Tên TTHC | Thời hạn giải quyết | Địa điểm thực hiện'): what a label inside one of the row's
    cells ('Cơ quan trực tiếp thực hiện: Sở Nông nghiệp và Môi trường.') is about; None outside such a row."""
    for table in tables:
        if not table.start <= offset <= table.end:
            continue
        header: tuple[int, list[str]] | None = None
        for n, row in enumerate(table.rows):
            if row and row[0].start > offset:
                break
            texts = [" ".join(c.text.split()) for c in row]
            task = next((k for k, c in enumerate(texts) if column_kind(c) == "task"), None)
            if task is not None and len(texts[task]) <= _HEADER_CHARS:
                start = next((k for k, c in enumerate(texts) if _is_number_header(c)), 0)
                header = (n, texts[start:]) if start <= task else header
        if header is None:
            return None
        n, headers = header
        columns = {"task": next(k for k, c in enumerate(headers) if column_kind(c) == "task")}
        numbered, pipe = _is_number_header(headers[0]), table.separator == "|"
        part = _part(table, n + 1, len(table.rows), 0)
        rows = _pipe_rows(part, 0, len(headers)) if pipe and numbered else [list(r) for r in part.rows]
        for cells in rows:
            present = [c for c in cells if c is not None]
            if present and present[0].start <= offset <= present[-1].end:
                first = cells[0].text.strip() if cells[0] is not None else ""
                labelled = cells[0] is not None and _label(cells[0])
                name = _by_kind(cells, columns, numbered and pipe and bool(first) and not labelled).get("task")
                return name if name is not None and not name.start <= offset <= name.end else None
    return None
