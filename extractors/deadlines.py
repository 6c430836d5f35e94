"""Deadlines: every time-bound commitment — a task with a year, a month or a calendar day.

A year counts when it opens the clause ('Năm 2024: xây dựng …', 'Đến năm 2028, hoàn thành …'),
when a time word introduces it ('trong năm 2025', '(cuối năm 2023)'), when the clause commits to
finish or reach something by it, or when a target of the clause must be reached in it. Years of
dates, periods, horizons and baselines are not time limits (``clauses.year_mentions``). A day
needs a relation word ('trước ngày 15/12'); without a year it is a day every year ('--12-15')
when the clause is a periodic duty. Each target whose year comes from its heading is due by it;
each row of a table with a schedule column ('Năm', 'Thời hạn') is due in that row's year.
Vocabulary: ``data/deadlines.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors import targets as target_rules
from extractors.agencies import find_agencies
from extractors.clauses import Clause, ClausedText, claused, opens_clause, year_mentions
from extractors.common import iso_date, load_json, phrase_alternation
from pipeline.text import fold, fold_in_place
from pipeline.text.segment import SegmentedDocument
from schemas.extraction import Deadline, DocumentMeta, Target

_DIGIT = re.compile(r"\d")
_CELL = re.compile(r"[^\t]+")
# a cell that holds nothing but a time: 'Năm 2025', 'Quý II/2025', 'Trước 30/6/2025'
_TIME_ONLY = re.compile(r"[\w\s/.\-–,:()]{0,12}\d{1,4}(?:\s*[/.\-]\s*\d{1,4}){0,2}[\s.;)]*")


@dataclass(frozen=True)
class _Rules:
    day: re.Pattern
    long_day: re.Pattern
    month: re.Pattern
    quarter: re.Pattern
    date_relations: dict[str, str]
    month_relations: dict[str, str]
    completion: re.Pattern
    periodic: re.Pattern
    past: re.Pattern
    appraisal: re.Pattern
    recipient: re.Pattern
    ward_unit: re.Pattern
    quarters: dict[str, int]
    schedule_columns: dict[str, str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = load_json("deadlines.json")
    rel, mrel = phrase_alternation(d["date_relations"]), phrase_alternation(d["month_relations"])
    return _Rules(
        day=re.compile(
            rf"\b({rel})\s+(?:ngay\s+)?(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})"
            rf"(?:\s*[/.\-]\s*(\d{{4}}|\d{{2}}))?(?![\d/])"
        ),
        long_day=re.compile(rf"\b({rel})\s+ngay\s+(\d{{1,2}})\s+thang\s+(\d{{1,2}})(?:\s+nam\s+(\d{{4}}))?"),
        month=re.compile(rf"(?<!ngay )(?:\b({mrel})\s+)?\bthang\s+(\d{{1,2}})\s*(?:/|\s+nam\s+)\s*(\d{{4}})\b"),
        quarter=re.compile(rf"(?:\b({mrel})\s+)?\bquy\s+(iv|i{{1,3}}|[1-4])\s*(?:/|\s+nam\s+)\s*(\d{{4}})\b"),
        date_relations={fold(k): v for k, v in d["date_relations"].items()},
        month_relations={fold(k): v for k, v in d["month_relations"].items()},
        completion=re.compile(rf"\b(?:{phrase_alternation(d['completion_words'])})\b"),
        periodic=re.compile(rf"\b(?:{phrase_alternation(d['periodic_words'])})\b"),
        past=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['past_markers'])})(?!\w)(?!\s+duoc\b)"),
        appraisal=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['appraisal_words'])})(?!\w)"),
        recipient=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['recipient_words'])})\s*$"),
        ward_unit=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['ward_units'])})\s+(?!cac\b|tren\b)\w"),
        quarters=d["quarters"],
        schedule_columns={fold(k): v for k, v in d["schedule_columns"].items()},
    )


@dataclass(frozen=True)
class _Due:
    at: int  # offset into the clause where the time expression starts
    due: str
    relation: str
    recurrence: str | None = None
    inherited: bool = False  # the year of a target read from its heading or sentence, not from the clause


def _year_dues(folded: str, clause_targets: list[Target], issue_year: int | None, sentence: str | None) -> list[_Due]:
    """Years that bind a task: opening the clause, introduced by a time word, with a completion
    verb ('hoàn thành … đến năm 2028'), or the year a target of the clause must be reached in.
    A bare 'Năm 2024, …' that appraises ('tình hình … cơ bản ổn định'), or opens a sentence that
    reports ('… đã kéo giảm'), describes that year: it is no schedule line. ``sentence`` is the
    clause's sentence when the clause opens it, else None."""
    r = _rules()
    described = r.appraisal.search(folded) is not None or (sentence is not None and r.past.search(sentence) is not None)
    target_years = {t.year: t for t in clause_targets if t.year}
    out = []
    for m in year_mentions(folded, issue_year):
        if target_rules.in_past_aside(folded, m.start):
            continue
        lead = folded[: m.start]
        opening = opens_clause(lead)
        target = target_years.get(m.year)
        if m.relation == "by":
            ok = opening or target is not None or r.completion.search(folded) is not None
        elif m.relation == "before":
            ok = True
        else:
            ok = m.prepositioned or (opening and not described) or lead.rstrip().endswith("(") or target is not None
        if ok:
            relation = "by" if target is not None and target.unit == "%" else m.relation
            out.append(_Due(m.start, str(m.year), relation))
    return out


def _day_dues(folded: str, issue_on: str | None) -> list[_Due]:
    """Days after a relation word; a day without a year is a day every year in a periodic duty,
    else the next such day after the document's date."""
    r = _rules()
    periodic = r.periodic.search(folded) is not None
    out = []
    for pattern in (r.day, r.long_day):
        for m in pattern.finditer(folded):
            if re.search(r"\btu\s+(?:ngay\s+)?[\d/.\-]*\s*$", folded[: m.start()]):
                continue  # 'từ ngày … đến ngày …' is a period
            relation = r.date_relations[re.sub(r"\s+", " ", m.group(1))]
            day, month, year = m.group(2), m.group(3), m.group(4)
            if year:
                iso = iso_date(day, month, year)
                if iso and (not issue_on or iso >= issue_on):
                    out.append(_Due(m.start(), iso, relation))
                continue
            iso = iso_date(day, month, 2000)  # a leap year: 29/2 is a valid yearly day
            if not iso:
                continue
            if periodic or not issue_on:
                out.append(_Due(m.start(), "--" + iso[5:], relation, "yearly"))
            else:
                year = int(issue_on[:4]) + (iso[5:] < issue_on[5:])
                out.append(_Due(m.start(), f"{year}{iso[4:]}", relation))
    return out


def _month_dues(folded: str, issue_on: str | None) -> list[_Due]:
    """'tháng 4/2025' → 2025-04; 'quý II/2024' → 2024-06 (the quarter's last month)."""
    r = _rules()
    out = []
    for m in r.month.finditer(folded):
        month, year = int(m.group(2)), m.group(3)
        relation = r.month_relations.get(re.sub(r"\s+", " ", m.group(1) or ""), "during")
        if 1 <= month <= 12 and not re.search(r"\bngay\s+\d{1,2}\s*$", folded[: m.start()]):
            out.append(_Due(m.start(), f"{year}-{month:02d}", relation))
    for m in r.quarter.finditer(folded):
        relation = r.month_relations.get(re.sub(r"\s+", " ", m.group(1) or ""), "by")
        out.append(_Due(m.start(), f"{m.group(3)}-{r.quarters[m.group(2)]:02d}", relation))
    return [d for d in out if not issue_on or d.due >= issue_on[:7]]


_BARE_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*")


def _schedule_due(seg: SegmentedDocument, ct: ClausedText, clause: Clause) -> _Due | None:
    """A bare year in a table column headed as a schedule ('Năm', 'Thời hạn'): the row is a task
    due then ('1 | 2026 | Thành phố Tây Ninh | Phường 2, Phường 3')."""
    cell = _BARE_YEAR.fullmatch(ct.work[clause.start : clause.end].replace("\t", " "))
    line = clause.line
    if not cell or "\t" not in ct.work[line.start : line.end]:
        return None
    index = next((k for k, ln in enumerate(seg.lines) if ln.start == line.start), None)
    header = None
    while index and header is None:  # the nearest row above without figures is the header
        index -= 1
        row = seg.lines[index].text
        if "\t" not in row:
            return None
        header = None if _DIGIT.search(row) else seg.lines[index]
    column = ct.work.count("\t", line.start, clause.start)
    cells = header.text.split("\t") if header else []
    if column >= len(cells):
        return None
    relation = _rules().schedule_columns.get(fold(cells[column]).strip(" .:"))
    return _Due(0, cell.group(1), relation) if relation else None


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


def _agencies(ct: ClausedText, clause: Clause) -> list[str]:
    """The assignee: the body the enclosing outline heading names ('1. Công an tỉnh'), else the
    bodies named in the sentence or, in a task table, in the row's cells."""
    heading = clause.line.heading
    names = _bodies(heading) if heading and heading != ct.work[clause.line.start : clause.line.end].strip() else []
    if not names:
        names = _bodies(ct.text(clause.sentence_start, clause.end))
    if not names and "\t" in ct.work[clause.line.start : clause.line.end]:  # a task table: the row's cells
        names = [
            name
            for m in _CELL.finditer(ct.work, clause.line.start, clause.line.end)
            for name in _bodies(ct.text(m.start(), m.end()))
        ]
    return list(dict.fromkeys(names))


def _task(ct: ClausedText, clause: Clause) -> str:
    """The clause; in a task table, where the time is a cell of its own, the whole row."""
    text = re.sub(r"^[\s\-+•*]*(?:(?:[\dIVXL]+|[a-zđ])[.)]\s*)*", "", ct.text(clause.start, clause.end))
    if _TIME_ONLY.fullmatch(fold(text)) and "\t" in ct.work[clause.line.start : clause.line.end]:
        cells = [ct.text(m.start(), m.end()) for m in _CELL.finditer(ct.work, clause.line.start, clause.line.end)]
        text = " | ".join(c for c in cells if c)
    text = text.strip(" ;,.")
    return (text[:1].upper() + text[1:])[:300]


def extract(
    seg: SegmentedDocument, meta: DocumentMeta | None = None, found_targets: list[tuple[Clause, Target]] | None = None
) -> list[Deadline]:
    """Every time-bound commitment, one per clause and due; a target's year is a deadline too
    (``found_targets``: ``targets.find``'s pairs when the caller has them already)."""
    ct = claused(seg)
    issue_year = target_rules.issue_year(meta)
    issue_on = meta.issued_on if meta and meta.issued_on else None
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
    for clause in ct.clauses:
        lead_in = target_rules.list_lead_in(ct, clause, lead_in)
        if clause.numeric_row or clause.in_report:
            continue
        folded = ct.folded[clause.start : clause.end]
        if not _DIGIT.search(folded) or _rules().past.search(target_rules.without_past_asides(folded)):
            continue
        scheduled = _schedule_due(seg, ct, clause)
        if scheduled:
            line = clause.line
            found.append(
                (
                    clause,
                    None,
                    Deadline(
                        due=scheduled.due,
                        relation=scheduled.relation,
                        recurrence=None,
                        task=_task(ct, clause),
                        agencies=_agencies(ct, clause),
                        evidence=seg.evidence(line.start, line.end),
                    ),
                )
            )
            continue
        clause_targets = by_clause.get(clause.start, [])
        sentence = None
        if clause.start == clause.sentence_start:
            sentence = target_rules.without_past_asides(ct.folded[clause.start : sentence_end[clause.start]])
        dues = (
            _year_dues(folded, clause_targets, issue_year, sentence)
            + _day_dues(folded, issue_on)
            + _month_dues(folded, issue_on)
        )
        seen = {d.due[:4] for d in dues}
        row = ct.work[clause.line.start : clause.line.end]  # a task table's time cell dates the row itself
        other_cells = row.replace(ct.work[clause.start : clause.end], "") if "\t" in row else ""
        for target in clause_targets:  # a year read from the sentence or the heading: one per target
            if target.year and str(target.year) not in seen and str(target.year) not in other_cells:
                dues.append(_Due(target.evidence.start - clause.start, str(target.year), "by", inherited=True))
        specific = {d.due[:4] for d in dues if len(d.due) > 4}
        emitted: set[str] = set()
        for due in sorted(dues, key=lambda d: d.at):
            if (due.due in emitted and not due.inherited) or due.due in specific:
                continue  # 'năm 2025 … trước ngày 30/6/2025': the day
            emitted.add(due.due)
            start, end = target_rules.evidence_span(seg, ct, clause, clause.start + due.at)
            found.append(
                (
                    clause,
                    lead_in if lead_in is not clause else None,
                    Deadline(
                        due=due.due,
                        relation=due.relation,
                        recurrence=due.recurrence,
                        task=_task(ct, clause),
                        agencies=_agencies(ct, clause),
                        evidence=seg.evidence(start, end),
                    ),
                )
            )
    # a list lead-in ('Phấn đấu đến hết năm 2025 đạt các chỉ tiêu sau:') or a heading with no target
    # of its own ('2. Mục tiêu đến năm 2025') is no task of its own when its items carry its year
    inherited = {(id(parent), d.due) for _, parent, d in found if parent is not None}
    headings = target_rules.section_headings(seg)
    inherited_by_heading = {
        (line.start, d.due) for clause, _, d in found for line in target_rules.enclosing_headings(clause, headings)
    }
    return [
        d
        for clause, _, d in found
        if (id(clause), d.due) not in inherited
        and ((clause.line.start, d.due) not in inherited_by_heading or clause.start in by_clause)
    ]
