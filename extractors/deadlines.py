"""Deadlines: every time-bound commitment — a task with a year, a month or a calendar day.

Times are read by the time grammar (``grammar.time``): every day, month and quarter it reads as a
limit is a due ('trước ngày 15/12', 'Quý II/2025', 'Từ tháng 11/2025 đến khi kết thúc'); dates of cited
documents, periods, horizons, baselines and effective dates are not. A year counts when it opens the
clause ('Năm 2024: xây dựng …', 'Đến năm 2028, hoàn thành …'), when a time word introduces it ('trong
năm 2025', '(cuối năm 2023)'), when the clause commits to finish or reach something by it, or when a
target of the clause must be reached in it. Each target whose year comes from its heading is due by it,
and so is each item of a goal list under a dated heading ('2. Mục tiêu cụ thể đến năm 2030' over '-
Hoàn thành đánh giá hiện trạng …'); each row of a table with a schedule column ('Năm', 'Thời hạn') is
due in that row's year. A legal basis ('Căn cứ …') and a title line that is nothing but a year ('NĂM
2026') set no task. Vocabulary: ``data/deadlines.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors import targets as target_rules
from extractors.agencies import find_agencies
from extractors.clauses import Clause, ClausedText, claused
from extractors.common import exact_alternation, load_json, phrase_alternation
from extractors.grammar import time as time_grammar
from extractors.grammar.time import TimeMention
from pipeline.text import fold, fold_in_place
from pipeline.text.segment import SegmentedDocument
from pipeline.text.tables import NUMBER_HEADERS, Cell, Table
from schemas.extraction import Deadline, DocumentMeta, Recurrence, Relation, Target

_ITEM = re.compile(r"\s*(?:[-–—+•*]|[a-zđ][.)]?)\s*")  # a bullet or lettered item marker
_MAIN_SUBJECT = re.compile(r",\s+(\w)")  # a comma and the next word's first letter (a capital opens a main clause)


@dataclass(frozen=True)
class _Rules:
    completion_exact: re.Pattern  # on the lower-cased text: 'đạt' is not 'đất' (land)
    basis: re.Pattern
    cited_commitment: re.Pattern  # 'theo cam kết của Việt Nam tại COP 26 … vào năm 2050'
    condition_end: re.Pattern  # on the lower-cased text after a time: '… trước ngày 01/01/2026 thì …'
    past: re.Pattern
    past_exact: re.Pattern  # on the lower-cased text: 'đã' is not 'đa' ('tối đa', 'đa dạng')
    appraisal: re.Pattern
    recipient: re.Pattern
    ward_unit: re.Pattern


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = load_json("deadlines.json")
    return _Rules(
        completion_exact=re.compile(rf"(?<!\w)(?:{exact_alternation(d['completion_words_exact'])})(?!\w)"),
        basis=re.compile(rf"[\W\d]*(?:[a-z][.)]\s*)?(?:{phrase_alternation(d['basis_openers'])})(?!\w)"),
        cited_commitment=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['cited_commitments'])})(?!\w)"),
        condition_end=re.compile(rf"[\s),]*(?:{exact_alternation(d['condition_ends_exact'])})(?!\w)"),
        past=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['past_markers'])})(?!\w)(?!\s+duoc\b)"),
        past_exact=re.compile(rf"(?<!\w)(?:{exact_alternation(d['past_markers_exact'])})(?!\w)(?!\s+được\b)"),
        appraisal=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['appraisal_words'])})(?!\w)"),
        recipient=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['recipient_words'])})\s*$"),
        ward_unit=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['ward_units'])})\s+(?!cac\b|tren\b)\w"),
    )


@dataclass(frozen=True)
class _Due:
    at: int  # offset into the clause where the time expression starts
    due: str
    relation: Relation
    recurrence: Recurrence | None = None
    inherited: bool = False  # the year of a target read from its heading or sentence, not from the clause


def _dues(
    ct: ClausedText,
    clause: Clause,
    clause_targets: list[Target],
    issued_on: str | None,
    sentence_past: bool,
    floor: str | None,
) -> list[_Due]:
    """The time limits of a clause (``grammar.time``): every day, month and quarter — not one before the
    document's date unless a time label introduces it ('Thời gian hoàn thành: Trước ngày 15/11/2025' in a plan
    adopted on 21/11/2025) —, and the years that bind a task (``_binds``); none that closes the condition of a
    rule ('… phát sinh trước ngày 01/01/2026 thì …'). ``floor``: the document's date, or, when a scan lost it,
    the latest date the document cites (``time_grammar.cited_floor``); a time before it is a reported past."""
    folded = ct.folded[clause.start : clause.end]
    completes = _completes(ct.work[clause.start : clause.end], folded)
    lower = ct.work[clause.start : clause.end + 12].lower()
    out = []
    for m in time_grammar.limits(folded, issued_on):
        if _rules().condition_end.match(lower, m.end) or m.before(floor):
            continue
        if m.kind not in time_grammar.YEAR_KINDS:
            if not m.earlier(floor) or time_grammar.labelled(folded[: m.start]):
                out.append(_Due(m.start, m.due, m.relation, m.recurrence))
        elif not target_rules.in_past_aside(folded, m.start) and _binds(
            m, folded, completes, clause_targets, sentence_past
        ):
            target = next((t for t in clause_targets if t.year == m.year), None)
            finished_by = not m.prepositioned and time_grammar.finished_just_before(folded[: m.start])
            by = finished_by or (target is not None and target.unit == "%")
            out.append(_Due(m.start, m.due, "by" if by else m.relation))
    return out


def _completes(text: str, folded: str) -> bool:
    """True when a clause commits to finish or reach something ('hoàn thành', 'đạt')."""
    r = _rules()
    return bool(time_grammar.completion_verbs(folded)) or r.completion_exact.search(text.lower()) is not None


def _binds(m: TimeMention, folded: str, completes: bool, clause_targets: list[Target], sentence_past: bool) -> bool:
    """A year binds a task when it opens the clause, is introduced by a time word, comes with a completion
    verb ('hoàn thành … đến năm 2028') or stands bare a few words after one ('có kế hoạch hoàn thành năm
    2025', 'bảo đảm thông xe kỹ thuật năm 2025'), or is the year a target of the clause must be reached in. A bare
    'Năm 2024, …' that appraises ('tình hình … cơ bản ổn định'), or opens a sentence that reports ('… đã
    kéo giảm'), describes that year: it is no schedule line. ``sentence_past``: the clause opens a sentence
    that reports the past (``_reports_past``)."""
    r = _rules()
    lead = folded[: m.start]
    opening = time_grammar.opens_clause(lead)
    target = any(t.year == m.year for t in clause_targets)
    if m.relation == "by":
        return opening or target or completes
    if m.relation == "before":
        return True
    described = r.appraisal.search(folded) is not None or sentence_past
    finished_in = time_grammar.finished_just_before(lead) and not described
    return m.prepositioned or (opening and not described) or lead.rstrip().endswith("(") or target or finished_in


def _schedules(seg: SegmentedDocument, clause: Clause) -> list[tuple[tuple[Cell, ...], Cell, _Due]]:
    """Each time cell opening in the clause ('2026', '2026-2027': its last year; 'Tháng 6/2025', 'Quý II/2026'), in a
    table column headed as a schedule ('Năm', 'Thời hạn', 'Thời gian phổ biến'), with its row: the row is a task due
    then ('1 | 2026 | Thành phố Tây Ninh | Phường 2, Phường 3'), however early, as it is the text's own schedule; a pipe
    row that simply ends before that column lost its cell to the row above (a merged cell the page conversion kept once)
    and takes its time. Rows and headers are the table reader's, whichever form the table takes; a clause is one TAB
    cell, but may run over several cells of a pipe row, which ';' alone cuts."""
    out = []
    for table, n, column in seg.cells_in(clause.start, clause.end):
        row = table.rows[n]
        due = _time_cell(row[column])
        header = table.header_of(n) if due else None
        if due is None or header is None or column >= len(header):
            continue
        relation = time_grammar.time_column(" ".join(header[column].text.split()).strip(" *_"))
        if relation:
            out.append((row, row[column], _Due(row[column].start - clause.start, due, relation)))
    for table, n, column in seg.cells_in(clause.start, clause.end):
        short = table.separator == "|" and column == 0 and n < len(table.breaks) and table.breaks[n] == 1
        merged = _merged_due(table, n) if short else None
        if merged:
            row = table.rows[n]
            out.append((row, row[0], _Due(row[0].start - clause.start, merged[0], merged[1])))
    return out


def _merged_due(table: Table, n: int) -> tuple[str, Relation] | None:
    """The time a pipe row that simply ends before its header's schedule column takes from the nearest longer
    row above under the same header: the page conversion kept a merged cell only in its first row."""
    row = table.rows[n]
    header = table.header_of(n)
    if header is None or len(row) < 2:
        return None
    columns = [k for k in range(len(row), len(header)) if time_grammar.time_column(header[k].text.strip(" *_"))]
    for above in range(n - 1, -1, -1) if columns else ():
        cells = table.rows[above]
        if len(cells) < len(row) or table.header_of(above) != header:
            return None
        due = _time_cell(cells[columns[0]]) if len(cells) > columns[0] else None
        if due:
            return due, time_grammar.time_column(header[columns[0]].text.strip(" *_")) or "during"
    return None


def _time_cell(cell: Cell) -> str | None:
    """The due of a cell that holds one time and nothing else."""
    text = " ".join(cell.text.split()).strip(" *_")
    timed = time_grammar.time_only(text) or time_grammar.year_span_cell(text)
    return time_grammar.cell_due(text)[0] if timed else None


def _schedule_deadline(
    seg: SegmentedDocument, ct: ClausedText, clause: Clause, row: tuple[Cell, ...], due: _Due
) -> Deadline:
    """The deadline a schedule cell gives its row, quoted from the row: the row's cells are its task, the
    bodies the heading or the cells name its agencies."""
    cells = [" ".join(ct.text(c.start, c.end).split()).strip(" *_") for c in row]
    heading = clause.line.heading
    names = _bodies(heading) if heading and heading != ct.work[clause.line.start : clause.line.end].strip() else []
    names = names or [name for cell in cells for name in _bodies(cell)]
    task = " | ".join(c for c in cells if c)
    return Deadline(
        due=due.due,
        relation=due.relation,
        recurrence=due.recurrence,
        task=(task[:1].upper() + task[1:])[:300],
        agencies=list(dict.fromkeys(names)),
        evidence=seg.evidence(row[0].start, row[-1].end),
    )


def _bodies(text: str) -> list[str]:
    """Bodies named in a text that could carry out a task: not the body a result goes to ('báo cáo
    UBND tỉnh', 'tham mưu …'), not a ward-level unit ('Công an phường Hưng Bình'), no lower-case
    word the agency grammar took for a name ('cắt' of 'cắt giảm')."""
    r = _rules()
    folded = fold_in_place(text)
    return [
        name
        for start, _, name in find_agencies(text)
        if name[:1].isupper() and not r.recipient.search(folded[:start]) and not r.ward_unit.search(fold(name))
    ]


def _agencies(seg: SegmentedDocument, ct: ClausedText, clause: Clause) -> list[str]:
    """The assignee: the body the enclosing outline heading names ('1. Công an tỉnh'), else the
    bodies named in the sentence or, in a task table, in the row's cells."""
    heading = clause.line.heading
    names = _bodies(heading) if heading and heading != ct.work[clause.line.start : clause.line.end].strip() else []
    if not names:
        names = _bodies(ct.text(clause.sentence_start, clause.end))
    row = seg.row_cells(clause.start)
    if not names and row:  # a task table: the row's cells
        names = [name for cell in row for name in _bodies(" ".join(ct.text(cell.start, cell.end).split()))]
    return list(dict.fromkeys(names))


def _task(seg: SegmentedDocument, ct: ClausedText, clause: Clause) -> str:
    """The clause; in a task table, where the time is a cell of its own, the whole row."""
    text = re.sub(r"^[\s\-+•*]*(?:(?:[\dIVXL]+|[a-zđ])[.)]\s*)*", "", ct.text(clause.start, clause.end))
    row = seg.row_cells(clause.start) if time_grammar.time_only(text) else None
    if row:
        cells = (" ".join(ct.text(c.start, c.end).split()).strip(" *_") for c in row)
        text = " | ".join(c for c in cells if c)
    text = text.strip(" ;,.")
    return (text[:1].upper() + text[1:])[:300]


def _deadline(seg: SegmentedDocument, ct: ClausedText, clause: Clause, due: _Due) -> Deadline:
    """The deadline of one due of a clause, quoted from the line it is read on."""
    start, end = target_rules.evidence_span(seg, ct, clause, clause.start + due.at)
    return Deadline(
        due=due.due,
        relation=due.relation,
        recurrence=due.recurrence,
        task=_task(seg, ct, clause),
        agencies=_agencies(seg, ct, clause),
        evidence=seg.evidence(start, end),
    )


def _clause_dues(
    seg: SegmentedDocument,
    ct: ClausedText,
    clause: Clause,
    clause_targets: list[Target],
    issued_on: str | None,
    sentence_past: bool,
    floor: str | None,
    above: tuple[str, ...] = (),
) -> list[_Due]:
    """A clause's dues, left to right, one per due: its own time limits, then the year of each target read
    from its sentence or heading; a day wins over its own year ('năm 2025 … trước ngày 30/6/2025')."""
    dues = _dues(ct, clause, clause_targets, issued_on, sentence_past, floor)
    seen = {d.due[:4] for d in dues}
    row = seg.row_cells(clause.start) or ()  # a task table's time cell dates the row itself
    other_cells = " ".join(ct.work[c.start : c.end] for c in row if not c.start <= clause.start <= c.end)
    for target in clause_targets:  # a year read from the sentence or the heading: one per target
        if target.year and str(target.year) not in seen and str(target.year) not in other_cells:
            if target_rules.vision_year(clause, target.year, above) or target_rules.period_year(
                ct, clause, target.year, above
            ):
                continue
            dues.append(_Due(target.evidence.start - clause.start, str(target.year), "by", inherited=True))
    specific = {d.due[:4] for d in dues if len(d.due) > 4}
    out: list[_Due] = []
    emitted: set[str] = set()
    for due in sorted(dues, key=lambda d: d.at):
        if (due.due in emitted and not due.inherited) or due.due in specific:
            continue
        emitted.add(due.due)
        out.append(due)
    return out


def _past_markers(ct: ClausedText, start: int, end: int) -> list[int]:
    """Where a span's past markers stand ('… đã kéo giảm', '… năm qua'), bracketed remarks on the past aside,
    as offsets into the span; 'đã' is read with its tone mark, since folded it is the 'đa' of 'tối đa' and 'đa
    dạng'."""
    r = _rules()
    whole = ct.folded[start:end]
    folded = target_rules.without_past_asides(whole)
    found = [m.start() for m in r.past.finditer(folded)]
    text = ct.work[start:end]
    if folded != whole:  # the asides blanked in the text too (the fold keeps every other space where it is)
        text = "".join(" " if f == " " else c for c, f in zip(text, folded, strict=True))
    return sorted(found + [m.start() for m in r.past_exact.finditer(text.lower())])


def _reports_past(ct: ClausedText, start: int, end: int) -> bool:
    """True when a span reports the past (``_past_markers``)."""
    return bool(_past_markers(ct, start, end))


def _ungoverned_limits(
    ct: ClausedText, clause: Clause, clause_targets: list[Target], issued_on: str | None
) -> list[_Due]:
    """The firm limits ('trước ngày 30/11/2025', not before the document's date) of a clause with a past marker that the
    marker does not govern: it stands after the limit, or behind a comma or a completion verb of its own (not 'đã hoàn
    thành'), where it qualifies a noun ('các điểm trường bị ngập lũ vừa qua, …, báo cáo Thủ tướng Chính phủ trước ngày
    30/11/2025'; 'các giải pháp đã đề ra'; 'dự toán đã giao cho các đơn vị … hoàn thành trước ngày 15 tháng 11'). A
    marker right before the limit reports or conditions on it ('đã từ trần trước ngày 01 tháng 01 năm 2009'). Without
    the document's date no limit can be told from the past, so none stands. A year stands so too when a completion verb
    of its own binds it (``_own_year``)."""
    if issued_on is None:
        return []
    r = _rules()
    folded = ct.folded[clause.start : clause.end]
    lower = ct.work[clause.start : clause.end + 12].lower()
    markers = _past_markers(ct, clause.start, clause.end)
    out = []
    for m in time_grammar.limits(folded, issued_on):
        if r.condition_end.match(lower, m.end):
            continue
        lead = folded[: m.start]
        verbs = [v for v in time_grammar.completion_verbs(lead) if not any(0 < v.start() - at <= 4 for at in markers)]
        breaks = [lead.rfind(c) for c in ",;:"] + [v.end() for v in verbs]  # not 'đã hoàn thành'
        if any(max(breaks) < at < m.start for at in markers):
            continue
        if m.kind in time_grammar.YEAR_KINDS:
            last_marker = max([at for at in markers if at < m.start], default=-1)
            verb_before = any(v.start() > last_marker for v in verbs)
            year = _own_year(ct, clause, m, markers, verb_before, clause_targets)
            out += [year] if year else []
        elif m.relation == "before" and not m.earlier(issued_on):
            out.append(_Due(m.start, m.due, m.relation, m.recurrence))
    return out


def _own_year(
    ct: ClausedText, clause: Clause, m: TimeMention, markers: list[int], verb_before: bool, clause_targets: list[Target]
) -> _Due | None:
    """The due of a year in a clause that reports the past, when the year belongs to a task of the clause and not
    to what it reports: it does not open the clause (that year is the one reported: 'Năm 2024, tỉnh đã …'), and a
    completion verb no marker governs stands between the last marker before the year and the year ('để đảm bảo
    thời gian hoàn thành việc hỗ trợ … trong năm 2013 …, … đã báo cáo') or right after the year, before the next
    comma ('các KCN đã đi vào hoạt động, …, mục tiêu tỷ lệ phủ sóng mạng 5G tại các KCN đến năm 2030 đạt 100%');
    the year must then bind as in any clause (``_binds``). Not 'Ban Chỉ đạo huyện đã ban hành quy chế hoạt động,
    kế hoạch thực hiện Chương trình đến năm 2025' (a paper already issued)."""
    folded = ct.folded[clause.start : clause.end]
    if time_grammar.opens_clause(folded[: m.start]):
        return None
    next_marker = min([at for at in markers if at > m.end], default=clause.end - clause.start)
    own = re.split(r"[,;]", ct.work[clause.start + m.end : clause.start + next_marker].lower(), maxsplit=1)[0]
    verb_after = _completes(own, fold(own))
    if not (verb_before or verb_after):
        return None
    if not _binds(m, folded, True, clause_targets, False):
        return None
    target = next((t for t in clause_targets if t.year == m.year), None)
    finished_by = not m.prepositioned and time_grammar.finished_just_before(folded[: m.start])
    by = finished_by or (target is not None and target.unit == "%")
    return _Due(m.start, m.due, "by" if by else m.relation)


def _basis_end(ct: ClausedText, clause: Clause) -> int:
    """How far into a clause the legal basis its sentence opens with runs, 0 without one: to the comma before the
    main clause's subject, a capitalised name ('c) Căn cứ kết quả thực hiện Nghị quyết trong năm 2026, Ủy ban nhân
    dân Thành phố đánh giá …'; '2. Căn cứ dự toán được giao, Bộ LĐTBXH phân bổ … trước ngày 25 tháng 12 năm
    trước'), else to the clause's end ('Căn cứ Quyết định số … ban hành Chương trình … đến cuối năm 2025;')."""
    if _rules().basis.match(ct.folded[clause.sentence_start : clause.end]) is None:
        return 0
    opening = ct.work[clause.sentence_start : clause.end]
    subject = next((m for m in _MAIN_SUBJECT.finditer(opening) if m.group(1).isupper()), None)
    if subject is None:
        return clause.end - clause.start
    return max(0, clause.sentence_start + subject.start() - clause.start)


def _sets_no_task(seg: SegmentedDocument, ct: ClausedText, clause: Clause) -> bool:
    """A clause that sets no task besides the past it may report: one that lies in a legal basis ('Căn cứ …'), or
    cites a commitment already made ('theo cam kết của Việt Nam tại COP 26 … vào năm 2050'), or a title line in
    capitals that is nothing but a year ('KẾ HOẠCH … / NĂM 2026'), or a column header of a table ('STT | Nội
    dung | Năm 2026 | Năm 2027'), which names what the column holds."""
    r = _rules()
    folded = ct.folded[clause.start : clause.end]
    line = ct.work[clause.line.start : clause.line.end]
    return (
        _basis_end(ct, clause) >= clause.end - clause.start
        or r.cited_commitment.search(folded) is not None
        or ("\t" not in line and line.isupper() and time_grammar.label_year(line) is not None)
        or _in_header_row(seg, clause.start)
    )


def _in_header_row(seg: SegmentedDocument, at: int) -> bool:
    """True when ``at`` lies in a table's header row: after its row-number header ('STT', 'TT'), or in a row of
    several years alone, one per column ('Năm 2026 | Năm 2027 | Năm 2028' under 'Dự kiến 03 năm kế hoạch')."""
    row = seg.row_cells(at) or ()
    numbers = [c.start for c in row if fold(c.text).strip(" *_.:") in NUMBER_HEADERS]
    years = [c for c in row if time_grammar.year_cell(" ".join(c.text.split()).strip(" *_"))]
    return (bool(numbers) and at >= numbers[0]) or len(years) >= 2


def _goal_item_due(
    ct: ClausedText, clause: Clause, lead_in: Clause | None, issue_year: int | None, above: tuple[str, ...] = ()
) -> _Due | None:
    """An item of a goal list with a year, under its lead-in ('Đến hết năm 2030, phấn đấu đạt được những mục
    tiêu sau:') or its heading ('2. Mục tiêu cụ thể đến năm 2030'), or under a dated sub-heading of a goal
    section ('a) Đến năm 2026' in '2. Mục tiêu cụ thể'; ``above``: the enclosing headings, nearest first),
    over '- Hoàn thành đánh giá hiện trạng hạ tầng …': a commitment to reach by that year, read once, on the
    item's line. A periodic duty under it ('- Hằng năm, các sở báo cáo …') has no calendar day, and an item
    that opens a list of its own ('- Về môi trường:') leaves the due to its sub-items: no deadline."""
    heads = [ct.work[lead_in.start : lead_in.end]] if lead_in is not None and lead_in is not clause else []
    heads += [clause.line.heading] if clause.line.heading else []
    own = clause.line.text.strip()
    heading = next((h for h in heads if h.strip() != own and target_rules.goal_heading(h)), None)
    sub = clause.line.heading
    if heading is None and sub and sub.strip() != own and time_grammar.years(fold_in_place(sub), planned=True):
        # a dated sub-heading of a goal section, not a horizon ('c) Tầm nhìn đến năm 2035')
        heading = sub if any(target_rules.goal_heading(h) for h in above if h.strip() != sub.strip()) else None
    if heading is None:
        return None
    lead = ct.work[clause.line.start : clause.start]
    if not _ITEM.fullmatch(clause.line.marker or "") or (lead.strip() and not _ITEM.fullmatch(lead)):
        return None
    if time_grammar.periodic(ct.folded[clause.sentence_start : clause.end]):
        return None
    if ct.work[clause.start : clause.end].rstrip().endswith(":"):
        return None
    year = target_rules.heading_year(heading, issue_year)
    return _Due(0, str(year), "by", inherited=True) if year else None


def extract(
    seg: SegmentedDocument, meta: DocumentMeta | None = None, found_targets: list[tuple[Clause, Target]] | None = None
) -> list[Deadline]:
    """Every time-bound commitment, one per clause and due; a target's year is a deadline too
    (``found_targets``: ``targets.find``'s pairs when the caller has them already)."""
    ct = claused(seg)
    issued_on = meta.issued_on if meta and meta.issued_on else None
    floor = issued_on or time_grammar.cited_floor(ct.folded)
    by_clause: dict[int, list[Target]] = {}
    if found_targets is None:
        found_targets = target_rules.find(seg, meta, ct)
    for clause, target in found_targets:
        by_clause.setdefault(clause.start, []).append(target)
    sentence_end: dict[int, int] = {}
    for clause in ct.clauses:
        sentence_end[clause.sentence_start] = max(clause.end, sentence_end.get(clause.sentence_start, 0))
    found: list[tuple[Clause, Clause | None, Deadline]] = []  # (clause, the list it is an item of, deadline)
    lead_in: Clause | None = None
    headings = target_rules.section_headings(seg)
    goal_headed: set[tuple[int, str]] = set()
    for clause in ct.clauses:
        lead_in = target_rules.list_lead_in(ct, clause, lead_in)
        if (
            clause.numeric_row
            or target_rules.reports(ct, clause)
            or clause.in_procedure
            or _sets_no_task(seg, ct, clause)
        ):
            continue
        if _reports_past(ct, clause.start, clause.end):  # a past reported; a firm limit it does not govern stays
            found += [
                (clause, None, _deadline(seg, ct, clause, due))
                for due in _ungoverned_limits(ct, clause, by_clause.get(clause.start, []), issued_on)
            ]
            continue
        sentence_past = clause.start == clause.sentence_start and _reports_past(
            ct, clause.start, sentence_end[clause.start]
        )
        clause_targets = by_clause.get(clause.start, [])
        above = tuple(h.text for h in target_rules.enclosing_headings(clause.line, headings)) if clause_targets else ()
        basis = _basis_end(ct, clause)  # a time in the legal basis a sentence opens with dates no task
        dues = [
            d
            for d in _clause_dues(seg, ct, clause, clause_targets, issued_on, sentence_past, floor, above)
            if d.at >= basis
        ]
        # a cell the time grammar reads itself ('Quý II/2025', 'Năm 2025') keeps that reading
        scheduled = [
            (row, cell, due)
            for row, cell, due in _schedules(seg, clause)
            if not any(cell.start <= clause.start + d.at < cell.end for d in dues)
        ]
        found += [(clause, None, _schedule_deadline(seg, ct, clause, row, due)) for row, _, due in scheduled]
        if not dues and not scheduled and not clause_targets:
            above = tuple(h.text for h in target_rules.enclosing_headings(clause.line, headings))
            goal = _goal_item_due(ct, clause, lead_in, target_rules.issue_year(meta), above)
            dues = [goal] if goal else []
            own_heading = headings.get(clause.line.section or "")
            if goal and own_heading is not None and own_heading.start != clause.line.start:
                goal_headed.add((own_heading.start, goal.due))  # 'a) Đến năm 2026' over its items
        parent = lead_in if lead_in is not clause else None
        found += [(clause, parent, _deadline(seg, ct, clause, due)) for due in dues]
    # a list lead-in ('Phấn đấu đến hết năm 2025 đạt các chỉ tiêu sau:') or a heading with no target
    # of its own ('2. Mục tiêu đến năm 2025') is no task of its own when its items carry its year
    inherited = {(id(parent), d.due) for _, parent, d in found if parent is not None}
    inherited_by_heading = goal_headed | {
        (line.start, d.due) for clause, _, d in found for line in target_rules.enclosing_headings(clause.line, headings)
    }
    return [
        d
        for clause, _, d in found
        if (id(clause), d.due) not in inherited
        and ((clause.line.start, d.due) not in inherited_by_heading or clause.start in by_clause)
    ]
