"""Clauses: the unit that target and deadline rules read.

A commitment in a plan is a clause: a sentence piece between ';' or sentence ends, or one cell of a
table row. Numbers, years and comparators are bound to the clause they stand in, and a few things
reach further: an adverbial that opens a sentence ('Hàng năm, …', 'Đến năm 2025, …') governs all
its clauses, and a criteria table's 'Tiêu chí N' label governs the cells of its row. A numbered row of a
criteria table ('TT | Chỉ tiêu | Chủ trì'), TAB or pipe, has its number as criterion; a pipe row read by the table
reader also carries the table's title as its caption ('PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU … ĐẾN NĂM 2030'), which
dates its goals as a heading would. A '|' ends a cell as a TAB does, whatever line the text put it on.

Every clause keeps offsets into ``SegmentedDocument.text``. ``work`` is a same-length copy of the
text with markup (HTML cell tags, Markdown stars) blanked out, and ``folded`` a same-length
``fold`` of it for diacritic-insensitive keyword matching.
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass
from functools import lru_cache

from extractors.body import document_span, procedure_descriptions
from extractors.common import load_json, phrase_alternation
from pipeline.text import fold, fold_in_place
from pipeline.text.segment import Line, SegmentedDocument
from pipeline.text.tables import Cell


@dataclass(frozen=True)
class Clause:
    """One commitment-sized piece of the text (a sentence piece or a table cell), with what reaches it from outside:
    its sentence start, criteria-table row and enclosing part."""

    start: int
    end: int
    line: Line  # the line the clause starts on (section, heading, page)
    sentence_start: int  # where the clause's sentence starts
    criterion: int | None  # 'Tiêu chí N' of the criteria-table row it belongs to
    numeric_row: bool  # a row of a figures table (read by national_targets, not here)
    in_report: bool = False  # under a heading that reports the past ('I. KẾT QUẢ THỰC HIỆN')
    part: str | None = None  # text of the top-level heading above ('II. MỤC TIÊU NĂM 2025')
    caption: str | None = None  # the title over the criteria table it is a row of ('CÁC CHỈ TIÊU … ĐẾN NĂM 2030')
    row_span: tuple[int, int] | None = None  # the pipe goal-table row it is a cell of, from its first cell to its last
    in_procedure: bool = False  # in the description of an administrative procedure (``body.procedure_descriptions``)


@dataclass(frozen=True)
class ClausedText:
    """The clauses of one document over a markup-blanked copy of its text and that copy's folded twin, all three
    sharing ``SegmentedDocument.text`` offsets."""

    work: str  # the text with markup blanked, same offsets as seg.text
    folded: str  # fold() of work, same offsets
    clauses: list[Clause]

    def text(self, start: int, end: int) -> str:
        """The text between two offsets with markup blanked and whitespace collapsed: how target subjects,
        deadline tasks and their bodies are quoted."""
        return " ".join(self.work[start:end].split())


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load_json("clauses.json")
    labels = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in data["criterion_labels"])
    return {
        "markup": re.compile(data["markup"], re.MULTILINE),
        "label": re.compile(rf"(?:^|(?<=\s))[ \t]*(?:{labels})[ \t]+(\d{{1,3}})\b(?!\s*[%/,])", re.MULTILINE),
        "sentence_end": re.compile(data["sentence_end"]),
        "stop": tuple(data["stop_paragraph_at"]),
        "row_number_headers": {fold(h) for h in data["row_number_headers"]},
        "criteria_header": re.compile(rf"(?<!\w)(?:{phrase_alternation(data['criteria_header_words'])})(?!\w)"),
        "goal_header": re.compile(rf"(?<!\w)(?:{phrase_alternation(data['goal_table_header_words'])})(?!\w)"),
        "row_cells": data["numeric_row_min_cells"],
        "row_share": data["numeric_row_share"],
        "report": re.compile(
            rf"^[\W\d_]*(?:[ivxl]+|[a-z]|\d+(?:\.\d+)*)?[.)/\-–]?\s*"
            rf"(?:{phrase_alternation(data['report_headings'])})(?!\w)"
            rf"(?![\s,]+(?:{phrase_alternation(data['report_heading_exceptions'])}))"
        ),
    }


_CAPTION_CHARS = 300  # how far back a criteria table's title is read
_BRACKETED = re.compile(r"\([^()]*\)")
_CLAUSE_CUT = re.compile(r"[;\t|]")  # ';' ends a clause, a TAB or a '|' ends a table cell
_NUMERIC_CELL = re.compile(r"^[\d.,%\s]+$")
_ROW_NUMBER = re.compile(r"\s*(\d{1,3})\.?\s*")  # a row's number cell
# a period after an outline number ('1.', '2.1.', 'II.') or a short capitalised abbreviation ('TP.')
_NOT_SENTENCE_END = re.compile(r"(?:^\s*[\dIVXL]+(?:\.\d+)*|(?<!\w)[A-ZĐ][A-Za-zĐ]?)$")


def _tab_cells(seg: SegmentedDocument, work: str, line: Line) -> list[str] | None:
    """The cells of a TAB row as the table reader cuts them (their text in ``work``), or None for any other line."""
    found = seg.row_at(line.start)
    if found is None or found[0].separator != "\t":
        return None
    return [work[c.start : c.end] for c in found[0].rows[found[1]]]


def _is_numeric_row(text: str, cells: list[str] | None) -> bool:
    """A row of a figures table: mostly numeric cells (a TAB row's), or, where OCR left only
    spaces between the cells, mostly numeric words."""
    rules = _rules()
    cells = [c for c in cells if c.strip()] if cells else text.split()
    numeric = sum(bool(_NUMERIC_CELL.match(c)) for c in cells)
    return numeric >= rules["row_cells"] and numeric >= rules["row_share"] * len(cells)


def _is_criteria_header(row: list[str]) -> bool:
    """'TT | Tiêu chí | Chỉ tiêu': the header of a criteria table whose rows are numbered (a task
    table's 'TT | Nội dung | Thời gian' numbers tasks, not criteria)."""
    cells = [fold(c).strip(" .") for c in row]
    rules = _rules()
    return cells[0] in rules["row_number_headers"] and rules["criteria_header"].search(" ".join(cells[1:])) is not None


def _caption(work: str, header: tuple[Cell, ...]) -> str:
    """The title over a criteria table: the last lines before its header's row-number cell (a web page may have put
    them, and the signature above them, in cells of the table's first row), bracketed remarks dropped ('(Ban hành
    kèm theo Kế hoạch số … năm 2025)' dates the plan, not its goals)."""
    before = work[max(0, header[0].start - _CAPTION_CHARS) : header[0].start]
    lines = [ln.strip(" |\t") for ln in before.split("\n")]
    text = " ".join(ln for ln in lines if ln)
    return " ".join(_BRACKETED.sub(" ", text).split())


def _pipe_criteria(seg: SegmentedDocument, work: str) -> list[tuple[int, int, int, str]]:
    """(start, end, criterion, caption) of each numbered row of a pipe goal table ('| TT | Chỉ tiêu | Chủ trì |'
    over '| 1 | Kinh tế số chiếm 45% GRDP tỉnh. | Sở Tài chính |'), read by the one table reader, whatever the
    row's line breaks: its number cell is the criterion of all its cells. TAB rows are read line by line
    (``_criteria``)."""
    out = []
    for table in seg.tables():
        if table.separator != "|":
            continue
        for n, row in enumerate(table.rows):
            number = _ROW_NUMBER.fullmatch(work[row[0].start : row[0].end])
            header = table.header_of(n) if number and len(row) > 1 else None
            if number is None or header is None:
                continue
            cells = [work[c.start : c.end] for c in header]
            if _is_criteria_header(cells) and _rules()["goal_header"].search(fold(" ".join(cells))):
                out.append((row[0].start, row[-1].end, int(number.group(1)), _caption(work, header)))
    return out


def _starts_paragraph(prev: Line, line: Line, work: str) -> bool:
    """Lines are joined back into paragraphs where the text layer left a wrap in mid-sentence: the
    next line goes on in lower case, or the previous one stops at a comma or an open bracket."""
    if line.marker or "\t" in prev.text or "\t" in line.text:
        return True
    prev_text = work[prev.start : prev.end].rstrip()
    head = work[line.start : line.end].lstrip(' "“(')
    return not (head[:1].islower() or prev_text.endswith((",", "(", "-", "–")))


def _labels(work: str, folded: str, lines: list[Line]) -> list[list[tuple[int, int, int]]]:
    """Per line, (label start, label end, criterion number) of each 'Tiêu chí N' cell label: at a
    line or cell start, or capitalised inside a line where OCR left a single space between cells."""
    starts = [ln.start for ln in lines]
    out: list[list[tuple[int, int, int]]] = [[] for _ in lines]
    for m in _rules()["label"].finditer(folded):
        cell_start = m.start() == 0 or folded[m.start() - 1] in "\t\n" or folded[m.start() - 2 : m.start()] == "  "
        if not cell_start and not work[m.start() + len(m.group()) - len(m.group().lstrip())].isupper():
            continue  # 'đạt tiêu chí 5' in prose is no cell label
        i = bisect.bisect_right(starts, m.start(1)) - 1
        if i >= 0 and m.end() <= lines[i].end:
            out[i].append((max(m.start(), lines[i].start), m.end(), int(m.group(1))))
    return out


def _criteria(
    work: str,
    folded: str,
    lines: list[Line],
    labels: list[list[tuple[int, int, int]]],
    rows: list[list[str] | None],
) -> list[list[tuple[int, int | None]]]:
    """Per line, the (offset, criterion) points where the governing criterion changes.

    A label printed before its row's text governs what follows it; a label left alone on its
    line (a vertically centred cell in the source table) governs the unlabelled text just above
    it. In a criteria table under a 'TT' header, a row's number cell is its criterion. Any outline heading
    ends the table.
    """
    standalone = [
        len(lb) == 1 and not work[ln.start : lb[0][0]].strip() and not work[lb[0][1] : ln.end].strip()
        for lb, ln in zip(labels, lines)
    ]
    out: list[list[tuple[int, int | None]]] = []
    current: int | None = None
    numbered_table = False  # under a 'TT / Tiêu chí / Chỉ tiêu' header row
    for i, line in enumerate(lines):
        if (line.marker and line.marker[0] not in "-–—+•*") or folded[line.start : line.end].lstrip().startswith(
            _rules()["stop"]
        ):
            current = None
        row = rows[i]
        numbered_table = row is not None and (numbered_table or _is_criteria_header(row))
        row_number = _ROW_NUMBER.fullmatch(row[0]) if row and numbered_table and not labels[i] else None
        if row_number:  # a numbered row: its TT cell is the criterion of all its cells
            out.append([(line.start, int(row_number.group(1)))])
            current = None
            continue
        points: list[tuple[int, int | None]] = []
        if current is not None and (not labels[i] or work[line.start : labels[i][0][0]].strip()):
            nxt = next((j for j in range(i + 1, len(lines)) if labels[j]), None)
            if nxt is not None and standalone[nxt] and labels[nxt][0][2] > current:
                points.append((line.start, labels[nxt][0][2]))
            else:
                points.append((line.start, current))
        for _, end, number in labels[i]:
            points.append((end, number))
            current = number
        out.append(points)
    return out


def _split(work: str, start: int, end: int, label_cuts: list[int]) -> list[tuple[int, int, bool]]:
    """(start, end, opens a sentence) pieces of a paragraph span; table labels cut too."""
    cuts: list[tuple[int, bool]] = [(c, True) for c in label_cuts]
    for m in _rules()["sentence_end"].finditer(work, start, end):
        nxt = work[m.end() : end].lstrip(' \n"“(')
        before = work[max(start, work.rfind("\n", 0, m.start()) + 1) : m.start()]
        if (nxt[:1].isupper() or nxt[:1].isdigit()) and not _NOT_SENTENCE_END.search(before):
            cuts.append((m.end(), True))
    for m in _CLAUSE_CUT.finditer(work, start, end):
        cuts.append((m.end(), m.group() != ";"))
    pieces, pos, opens = [], start, True
    for cut, new_sentence in sorted(set(cuts)):
        if cut <= pos:
            opens = opens or new_sentence
            continue
        if work[pos:cut].strip(" \t\n;.…"):
            pieces.append((pos, cut, opens))
            opens = new_sentence
        else:
            opens = opens or new_sentence
        pos = cut
    if work[pos:end].strip(" \t\n;.…"):
        pieces.append((pos, end, opens))
    return pieces


_last: tuple[weakref.ref, ClausedText] | None = None


def claused(seg: SegmentedDocument) -> ClausedText:
    """Cut the document into clauses, each with its sentence start and criteria-table row.
    The last document's clauses are kept: targets and deadlines both read them."""
    global _last
    if _last is not None and _last[0]() is seg and len(_last[1].work) == len(seg.text):
        return _last[1]
    result = _claused(seg)
    _last = (weakref.ref(seg), result)
    return result


def _claused(seg: SegmentedDocument) -> ClausedText:
    """The lines of the document itself (``body.document_span``) joined back into paragraphs where a wrap cut them,
    and cut into clauses, each with what reaches it from outside (``Clause``)."""
    work = _rules()["markup"].sub(lambda m: " " * len(m.group()), seg.text)
    folded = fold_in_place(work)
    start, end = document_span(seg)
    lines = [ln for ln in seg.lines if start <= ln.start < end and work[ln.start : ln.end].strip()]
    labels = _labels(work, folded, lines)
    rows = [_tab_cells(seg, work, ln) for ln in lines]
    criteria = _criteria(work, folded, lines, labels, rows)
    pipe_rows = _pipe_criteria(seg, work)
    row_starts = [r[0] for r in pipe_rows]
    numeric_lines = {ln.start for ln, row in zip(lines, rows) if _is_numeric_row(work[ln.start : ln.end], row)}
    report = _rules()["report"]
    described = procedure_descriptions(seg)
    part_is_report, part = False, None
    clauses: list[Clause] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not criteria[j] and not _starts_paragraph(lines[j - 1], lines[j], work):
            j += 1
        para = lines[i:j]
        points = [p for k in range(i, j) for p in criteria[k]]
        label_cuts = [c for k in range(i, j) for s, e, _ in labels[k] for c in (s, e)]
        top = para[0]
        if top.marker and top.section and "." not in top.section and top.marker[0] not in "-–—+•*":
            part_is_report, part = bool(report.match(folded[top.start : top.end])), work[top.start : top.end]
        in_report = part_is_report or bool(top.heading and report.match(fold_in_place(top.heading)))
        sentence_start = para[0].start
        for start, end, opens in _split(work, para[0].start, para[-1].end, label_cuts):
            if opens:
                sentence_start = start
            criterion = None
            for offset, number in points:
                if offset <= start:
                    criterion = number
            line = max((ln for ln in para if ln.start <= start), key=lambda ln: ln.start, default=para[0])
            numeric = any(ln.start in numeric_lines for ln in para if ln.start < end and start < ln.end)
            k = bisect.bisect_right(row_starts, start) - 1
            row = pipe_rows[k] if k >= 0 and start < pipe_rows[k][1] else None
            caption, span = (row[3], (row[0], row[1])) if row else (None, None)
            criterion = row[2] if row else criterion
            procedure = any(a <= start < b for a, b in described)
            clauses.append(
                Clause(start, end, line, sentence_start, criterion, numeric, in_report, part, caption, span, procedure)
            )
        i = j
    return ClausedText(work, folded, clauses)
