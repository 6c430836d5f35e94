"""Time expressions of Vietnamese administrative writing: the one reader every extractor uses.

It reads folded text (``fold_in_place``: same length, so offsets are the text's). A mention is
- a day: 'ngày 15/11/2025', 'ngày 15 tháng 11 năm 2025', 'trước 15/11/2025'; without a year ('trước ngày 15/6') it is a
  day of every year ('--06-15') in a periodic duty, else the next such day after the document's date;
- a month 'tháng 4/2025', a quarter 'quý II/2025' (due in its last month: 2025-06), a year 'năm 2025', a fiscal year
  'năm tài chính 2025'; a school year 'năm học 2024 - 2025' and a part of a year '9 tháng đầu năm 2025' are periods, no
  due; a month or quarter of every year's cycle without its day ('trong quý I của năm liền kề', 'tháng 12 hằng năm') is
  a periodic duty, no due;
- a range 'từ tháng 3 đến tháng 10 năm 2026', 'Tháng 11 - 12/2025', 'từ ngày 10 đến ngày 15 tháng 12': a window of at
  most a year is due at its end; a longer span is a period, no due ('từ năm 2024 đến năm 2030', '2026-2030'); a start
  with no dated end is due at its start ('Từ tháng 11/2025 đến khi kết thúc');
- a list 'vào tháng 4 và tháng 8 năm 2026': two months, the year written once.
Each carries the relation its word gives ('trước' → before, 'đến/tới' → by, 'trong/vào' → during), a recurrence
('yearly' for a day of every year) and its use: a time limit, or a horizon ('tầm nhìn đến năm 2045'), the planned year a
horizon follows ('đến năm 2025, định hướng đến năm 2030'), a period, a baseline ('so với năm 2020', 'tính đến ngày
31/10/2025', 'sau ngày 30/4/1975'), an effective date ('có hiệu lực kể từ ngày …', 'áp dụng từ ngày …'), the date of a
cited document ('Quyết định số 03-QĐ/BCĐ ngày 13/8/2025'), a date without a relation word, or a quoted title. The
vocabulary is ``data/time.json``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Literal

from extractors.common import load_json, phrase_alternation
from pipeline.text import fold, fold_in_place
from pipeline.text.paragraphs import task_fields
from schemas.extraction import Recurrence, Relation

Kind = Literal["day", "month", "quarter", "year", "school_year", "fiscal_year"]
Use = Literal["limit", "planned", "period", "horizon", "baseline", "effective", "expected", "cited", "date", "quoted"]
YEAR_KINDS: tuple[Kind, ...] = ("year", "fiscal_year")

_Y = r"((?:19|20)\d{2})"
_D = r"(\d{1,2})"
_Q = r"(iv|i{1,3}|[1-4])"
# the bullets and outline markers before a line's first word ('- a) ', 'II. 1. '), on folded text
_OUTLINE_LEAD = r"[\s\-+•(]*(?:(?:[\divxl]+|[a-z])[.)]\s*)*"
# a table cell holding only a year ('2025', 'Năm 2025', '2025.'), on the text or its folded twin
YEAR_CELL = re.compile(rf"\s*(?:n[aă]m\s*)?{_Y}\s*[^\w\s]?\s*", re.IGNORECASE)
# a day and month without a year, 'ngày 15/6': how a periodic duty dates its reports
YEARLY_DAY = re.compile(r"ngay\s+(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")


@dataclass(frozen=True)
class TimeMention:
    """One time expression of a folded text, as ``mentions`` reads it."""

    start: int  # offsets into the text searched; the relation word is included ('trước ngày 15/6')
    end: int
    kind: Kind  # the grain of its due: a range takes the grain of the end it is due at
    due: str  # 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', or '--MM-DD' for a day of every year
    relation: Relation
    recurrence: Recurrence | None
    use: Use
    word: str | None = None  # the relation word (folded, spaces single) when one introduces the time

    @property
    def year(self) -> int | None:
        """The calendar year of the due; None for a day of every year."""
        return int(self.due[:4]) if self.due[:1].isdigit() else None

    @property
    def prepositioned(self) -> bool:
        """Introduced by a word such as đến / trong / từ / cuối, not standing bare ('Năm 2025: …')."""
        return self.word is not None

    def before(self, issued_on: str | None) -> bool:
        """True when the due lies in a year before the document's: a reported past, not a limit. A plan
        dates tasks of its own year that its adoption overtook ('Trước ngày 15/11/2025' in a plan of
        21/11/2025): they stay."""
        return bool(issued_on and self.year is not None and str(self.year) < issued_on[:4])

    def earlier(self, issued_on: str | None) -> bool:
        """True when the due lies before the document's date, to the due's own grain ('ngày 20/11/2025' in a
        letter of 25/11/2025; 'tháng 10/2025' in one of November)."""
        return bool(issued_on and self.due[:1].isdigit() and self.due < issued_on[: len(self.due)])


@dataclass(frozen=True)
class _Atom:
    """A time before ranges, lists and context are read: its grain and the parts written."""

    start: int  # where the time starts (after its relation word)
    end: int
    grain: str  # day(_only, _bare), month(_bare), quarter, year(_bare, _part), school_year, fiscal_year
    year: int | None = None
    month: int | None = None  # a quarter's last month
    day: int | None = None
    word: str | None = None
    word_start: int | None = None
    reference: bool = False  # a point a condition or a figure refers to ('sau ngày …'), no limit
    holiday: bool = False  # a named day of every year ('ngày Quốc khánh 2 tháng 9')


@dataclass(frozen=True)
class _Vocab:
    relations: dict[str, Relation]
    day_relations: dict[str, Relation]
    default_relations: dict[str, Relation]
    relation_before: re.Pattern
    slipped_before_day: re.Pattern  # OCR's 'ước', 'tước' for 'trước' right before 'ngày …'
    day_relation_slips: dict[str, str]
    joint: re.Pattern
    past_end: re.Pattern
    event_end: re.Pattern  # after a range's start: 'đến trước ngày Nghị định này có hiệu lực', a period of cases
    time_left: re.Pattern  # after a time: 'chỉ còn 01 tháng', the time left before it
    list_joint: re.Pattern
    range_starts: frozenset[str]
    end_words: frozenset[str]
    max_window_days: int
    quarters: dict[str, int]
    periodic: re.Pattern
    yearly_after: re.Pattern  # after a day: 'ngày 31 tháng 12 hằng năm'
    relative_year: re.Pattern  # after a day, month or quarter: 'quý I của năm liền kề'
    bare_day_words: frozenset[str]
    not_before_days: frozenset[str]
    event_start: re.Pattern
    effective_any: re.Pattern
    horizon_before: re.Pattern
    horizon_after: re.Pattern
    baseline_before: re.Pattern
    as_of: re.Pattern  # 'tính đến hết ngày 31/10/2025 đạt 72,4%': the date a figure is reported at
    effective_before: re.Pattern
    benefit_period: re.Pattern  # 'Thời gian hỗ trợ: Từ nay đến hết …': how long a benefit lasts, no task's due
    forecast: re.Pattern  # 'Theo dự báo …': the sentence reports what is expected to happen
    adoption_before: re.Pattern  # 'dự kiến Quốc hội thông qua', 'khi Luật … được thông qua' right before a time
    assembly_expected_before: re.Pattern  # 'Kỳ họp thứ 31 (dự kiến tháng 3/2025)': 'dự kiến' a few words before a time
    assembly: re.Pattern  # 'kỳ họp', 'Quốc hội', 'HĐND'
    atoms: list[tuple[str, re.Pattern, str | None]]  # grain, pattern, the word it opens with
    opening: re.Pattern
    label: re.Pattern
    time_columns: dict[str, Relation]
    completion: re.Pattern  # 'hoàn thành', 'bảo đảm', 'phấn đấu'
    finished_before: re.Pattern  # a completion verb a few words before the end of a text
    plan_of_year: re.Pattern  # a noun of a year's programme of work at the end of a text
    closing: re.Pattern  # 'Hoàn thành …', 'Thời hạn hoàn thành:' opening a sentence that closes a task


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    d = load_json("time.json")
    labels = task_fields()["due"] + d["more_time_labels"]
    relations = {fold(k): v for k, v in d["relations"].items()}
    sep = r"\s*[/.\-]\s*"
    atoms = [
        ("school_year", rf"\b(?:{phrase_alternation(d['school_year'])})\s+{_Y}\s*[-–]\s*{_Y}(?!\d)"),
        ("fiscal_year", rf"\b(?:{phrase_alternation(d['fiscal_year'])})\s+{_Y}(?!\d)"),
        ("day", rf"\bngay\s+{_D}\s+thang\s+{_D}(?:(?:\s*,?\s*nam\s+|\s*/\s*){_Y}(?!\d))?"),
        ("day", rf"(?<![\w/.,])\b{_D}\s+thang\s+{_D}\s*,?\s*nam\s+{_Y}(?!\d)"),
        ("day", rf"\bngay\s+{_D}{sep}{_D}(?:{sep}((?:19|20)\d{{2}}|\d{{2}}))?(?![\d/])"),
        ("day", rf"(?<![\w/.,\-]){_D}\s*([/.\-])\s*{_D}\s*\2\s*{_Y}(?![\d/])"),
        ("day_bare", rf"(?<![\w/.,%\-]){_D}\s*/\s*{_D}(?![\d/%])"),
        ("day_only", rf"\bngay\s+{_D}(?![\d/.\-])"),
        ("holiday", rf"\bngay\s+(?:[^\W\d_]+\s+){{1,6}}?{_D}\s+thang\s+{_D}(?![\d/])(?!\s*,?\s*nam\s+\d)"),
        ("month", rf"\bthang\s+{_D}(?:\s*[/.\-]\s*|\s*,?\s*nam\s+){_Y}(?!\d)"),
        ("month", rf"\bthang\s+{_D}(?![\d/])"),
        ("month_bare", rf"(?<![\w/.,])(?<![a-z]-){_D}\s*/\s*{_Y}(?![\d/])"),
        ("quarter", rf"\bquy\s+{_Q}(?:\s*[/.\-]\s*|\s+(?:cua\s+)?nam\s+){_Y}(?!\d)"),
        ("quarter", rf"\bquy\s+{_Q}\b(?!\s*/)"),
        (
            "year_part",
            rf"\b(?:\d{{1,2}}|{phrase_alternation(d['month_counts'])})\s+thang\s+(?:(?:{phrase_alternation(d['year_parts'])})\s+)?(?:cua\s+)?nam\s+{_Y}(?!\d)",
        ),
        ("year", rf"\bnam\s+{_Y}(?!\d)(?!\s*/\s*\d)"),
        ("year_bare", rf"(?<![\w/.,])(?<![a-z]-){_Y}(?![\w/]|[.,]\d)"),
    ]
    return _Vocab(
        relations=relations,
        day_relations={fold(k): v for k, v in d["day_relations"].items()},
        default_relations=d["default_relations"],
        relation_before=re.compile(rf"(?<![\w/\-])({phrase_alternation(relations)})\s+(?:het\s+)?$"),
        slipped_before_day=re.compile(rf"(?<![\w/\-])({phrase_alternation(d['day_relation_slips'])})\s+$"),
        day_relation_slips={fold(k): fold(w) for k, w in d["day_relation_slips"].items()},
        joint=re.compile(
            rf"(?:\s*(?:cua\s+)?(?:{phrase_alternation(d['relative_years'])}))?\s*(?:{phrase_alternation(d['range_joints'])})\s*(?:het\s+)?"
        ),
        past_end=re.compile(rf"\s*(?:{phrase_alternation(d['past_ends'])})(?!\w)"),
        event_end=re.compile(
            rf"\s*(?:{phrase_alternation(d['event_ends'])})(?!\w)[^\d;.]{{0,80}}?"
            rf"(?<!\w)(?:{phrase_alternation(d['effective'])})(?!\w)"
        ),
        time_left=re.compile(
            rf"\s*,?\s*(?:{phrase_alternation(d['time_left'])})\s+(?:\d+|{phrase_alternation(d['time_left_counts'])})"
            rf"\s+(?:{phrase_alternation(d['time_left_units'])})(?!\w)"
        ),
        list_joint=re.compile(rf"\s*(?:{phrase_alternation(d['list_joints'])})\s*"),
        range_starts=frozenset(fold(w) for w in d["range_starts"]),
        end_words=frozenset(fold(w) for w in d["range_joints"] if w.strip("-–")),
        max_window_days=d["max_window_days"],
        quarters=d["quarters"],
        periodic=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['periodic_words'])})(?!\w)"),
        yearly_after=re.compile(rf"\s*,?\s*(?:{phrase_alternation(d['yearly_after'])})(?!\w)"),
        relative_year=re.compile(rf"\s*,?\s*(?:cua\s+)?(?:{phrase_alternation(d['relative_years'])})(?!\w)"),
        bare_day_words=frozenset(fold(w) for w in d["bare_day_words"]),
        not_before_days=frozenset(fold(w) for w in d["not_before_days"]),
        event_start=re.compile(r"(?<!\w)(?:ke\s+)?tu\s+ngay\s+(\d)?[^;]{0,80}$"),
        effective_any=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['effective'] + d['events'])})(?!\w)"),
        horizon_before=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['horizon'])})\s*(?:den\s+)?(?:het\s+)?$"),
        horizon_after=re.compile(rf"\s*,?\s*(?:{phrase_alternation(d['horizon'])})(?!\w)"),
        baseline_before=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['baseline'])})\s*$"),
        as_of=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['as_of'])})\s+(?:ngay\s+)?$"),
        effective_before=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['effective'])})\s*$"),
        benefit_period=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['benefit_periods'])})\s*(?::|la\b)?\s*(?:(?:ke\s+)?tu\b[^;.\n]{{0,90}})?$"
        ),
        forecast=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['forecasts'])})(?!\w)"),
        adoption_before=re.compile(
            r"(?<!\w)"
            + "".join(rf"(?<!{re.escape(fold(w))}\s)" for w in d["expectation_not_after"])
            + rf"(?:{phrase_alternation(d['expectations'])})(?:\s+[^\W\d][^\d,;.:]{{0,40}}?)?"
            rf"\s+(?:{phrase_alternation(d['adoptions'])})\s*$"
        ),
        assembly_expected_before=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['assembly_expectations'])})(?:\s+\S+){{0,5}}\s*$"
        ),
        assembly=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['assemblies'])})(?!\w)"),
        atoms=[(grain, re.compile(p), _opening_word(p)) for grain, p in atoms],
        opening=re.compile(rf"{_OUTLINE_LEAD}(?:(?:{phrase_alternation(d['clause_openers'] + labels)})\s*)?[\s,:(]*"),
        label=re.compile(rf"{_OUTLINE_LEAD}(?:{phrase_alternation(labels)})\s*[\s,:(*]*"),
        time_columns={fold(k): v for k, v in d["time_columns"].items()},
        completion=re.compile(rf"\b(?:{phrase_alternation(d['completion_words'])})\b"),
        finished_before=re.compile(rf"\b(?:{phrase_alternation(d['completion_words'])})(?:\s+\w+){{0,4}}\s+$"),
        plan_of_year=re.compile(
            r"(?<!\w)"
            + "".join(rf"(?<!{re.escape(fold(w))}\s)" for w in d["plan_references"])
            + rf"(?:{phrase_alternation(d['plan_nouns'])})(?:\s+{phrase_alternation(d['plan_qualifiers'])})?"
            + r"(?:\s+nam)?\s+$"
        ),
        closing=re.compile(
            rf"[\s*_]*(?:(?:{phrase_alternation(d['closing_words'])})(?!\w)"
            rf"|(?:{phrase_alternation(labels)})[\s*_]*:)"
        ),
    )


# the number and symbol of a cited document right before its date: 'số 03-qd/bcd ngay 13/8/2025'
_CITED = re.compile(r"\d[\w.]*(?:\s*[/\-]\s*[\w.]+)*\s*[/\-]\s*[\w.]*[a-z][\w.]*\s*,?\s*(?:ngay\s*)?$")
# 'ngày … tháng 01 năm 2025': a date whose day the signer fills in by hand (a dateline), left blank or garbled;
# OCR reads a handwritten day as one short token of digits and signs ('ngày{5'', 'ngày80', 'ngày 0†')
_BLANK_DAY = re.compile(r"\bngay(?:[^\d\n]{0,8}|[ \t]*\S{1,5}[ \t]*)$")
_LABEL_LEAD = re.compile(r"\W*(?:[a-z]\)\s*)?")
_LINE_END = re.compile(r"[\s.;*]*")


# ----------------------------------------------------------------------------------------------
# Reading atoms
# ----------------------------------------------------------------------------------------------


def _parse(grain: str, m: re.Match, v: _Vocab) -> _Atom | None:
    """The parts of one matched time, or None when they are no calendar time ('tháng 13')."""
    g = [x for x in m.groups()]
    if grain in ("school_year", "fiscal_year", "year", "year_bare", "year_part"):
        return _Atom(m.start(), m.end(), grain, year=int(g[-1]))
    if grain == "day" and len(g) == 4:  # '15/11/2025' with its separator group
        g = [g[0], g[2], g[3]]
    if grain == "day":
        day, month, year = int(g[0]), int(g[1]), g[2]
        y = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
        if not _valid(day, month, y):
            return None
        return _Atom(m.start(), m.end(), grain, year=y, month=month, day=day)
    if grain == "holiday":  # a named day of every year: 'ngày Thương binh liệt sĩ 27 tháng 7'
        day, month = int(g[0]), int(g[1])
        return (
            _Atom(m.start(), m.end(), "day", month=month, day=day, holiday=True) if _valid(day, month, None) else None
        )
    if grain == "day_bare":
        day, month = int(g[0]), int(g[1])
        return _Atom(m.start(), m.end(), grain, month=month, day=day) if _valid(day, month, None) else None
    if grain == "day_only":
        return _Atom(m.start(), m.end(), grain, day=int(g[0])) if 1 <= int(g[0]) <= 31 else None
    if grain in ("month", "month_bare"):
        month = int(g[0])
        year = int(g[1]) if len(g) > 1 and g[1] else None
        return _Atom(m.start(), m.end(), grain, year=year, month=month) if 1 <= month <= 12 else None
    if grain == "quarter":
        year = int(g[1]) if len(g) > 1 and g[1] else None
        return _Atom(m.start(), m.end(), grain, year=year, month=v.quarters[g[0]])
    return None


def _valid(day: int, month: int, year: int | None) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29/2 is a valid day of every year
    except ValueError:
        return False
    return True


# Every atom reads a figure (_D, _Y) or a quarter's numeral (_Q): a text with neither holds no time, and
# is not scanned by each atom in turn (a third of the clauses of a long ordinance; the scans were its largest cost).
_MAY_HOLD_ATOM = re.compile(rf"\d|\bquy\s+{_Q}")
_OPENING_WORD = re.compile(r"\\b([a-z]+)\\s")


def _opening_word(pattern: str) -> str | None:
    """The word an atom's pattern opens with ('\\bngay\\s+…' → 'ngay'): no text without it can match, so
    such a text is not scanned for that atom (on a long ordinance, a third of what the scans cost)."""
    m = _OPENING_WORD.match(pattern)
    return m.group(1) if m else None


def _atoms(folded: str) -> list[_Atom]:
    """Every time in the text, leftmost-longest, with the relation word before it."""
    if _MAY_HOLD_ATOM.search(folded) is None:
        return []
    v = _vocab()
    found: list[_Atom] = []
    for grain, pattern, word in v.atoms:
        if word is not None and word not in folded:
            continue
        for m in pattern.finditer(folded):
            atom = _parse(grain, m, v)
            if atom is not None:
                found.append(atom)
    found.sort(key=lambda a: (a.start, -a.end))
    out: list[_Atom] = []
    for atom in found:
        if out and atom.start < out[-1].end:
            continue
        rel = v.relation_before.search(folded, max(0, atom.start - 30), atom.start)
        slip = None if rel or not folded.startswith("ngay", atom.start) else _slipped_day_word(folded, atom.start)
        if slip:
            atom = replace(atom, word=slip[0], word_start=slip[1])
        elif rel and atom.grain.startswith("day") and " ".join(rel.group(1).split()) in v.not_before_days:
            atom = replace(atom, reference=True)  # 'sau ngày 30/4/1975' is a condition on a date, no limit
        elif rel:
            atom = replace(atom, word=" ".join(rel.group(1).split()), word_start=rel.start())
        out.append(atom)
    return out


def _slipped_day_word(folded: str, start: int) -> tuple[str, int] | None:
    """The relation word OCR read with letters lost right before a day written with 'ngày' ('(#ước ngày
    10/02/2025)' → 'trước'), and where it starts; None without one (time.json ``day_relation_slips``)."""
    v = _vocab()
    m = v.slipped_before_day.search(folded, max(0, start - 12), start)
    return (v.day_relation_slips[m.group(1)], m.start()) if m else None


# ----------------------------------------------------------------------------------------------
# Ranges and lists
# ----------------------------------------------------------------------------------------------

_RANGE_ENDS = {
    "year_bare": {"year", "year_bare"},
    "day_bare": {"day", "day_bare"},
    "day_only": {"day"},
}
_BARE_GRAIN = {"year_bare": "year", "month_bare": "month", "day_bare": "day"}
_BARE_ENDS = {"year_bare": {"year", "year_bare"}, "month_bare": {"month"}, "day_bare": {"day", "day_only", "day_bare"}}


def _joins(a: _Atom, b: _Atom, between: str, pattern: re.Pattern) -> bool:
    """True when ``a`` and ``b`` are the two ends of one range (or two items of one list)."""
    if not pattern.fullmatch(between):
        return False
    if a.grain in _RANGE_ENDS and b.grain not in _RANGE_ENDS[a.grain]:
        return False
    if b.grain in _BARE_ENDS and a.grain not in _BARE_ENDS[b.grain]:
        return False
    if a.grain == "year_bare" and not re.fullmatch(r"\s*[-–]\s*", between):
        return False  # '2026-2030'; a bare year is no start otherwise
    return a.grain not in ("school_year", "fiscal_year") and b.grain not in ("school_year", "fiscal_year")


def _filled(a: _Atom, b: _Atom) -> _Atom:
    """The start of a range or an item of a list with the parts its partner writes once: 'từ ngày 10 đến
    ngày 15 tháng 12' → the 10th of December; 'tháng 4 và tháng 8 năm 2026' → April 2026."""
    grain, month = _BARE_GRAIN.get(a.grain, a.grain), a.month
    if grain == "day_only":
        grain, month = "day", b.month
    year = a.year if a.year is not None else b.year
    if grain == "day" and (month is None or not _valid(a.day or 0, month, year)):
        return replace(a, grain="day_only")
    return replace(a, grain=grain, month=month, year=year)


def _first_day(a: _Atom) -> date | None:
    """The first day a time covers (a time of every year's cycle: in the leap year 2000)."""
    year = a.year or 2000
    if a.grain == "day" and a.month and a.day:
        return date(year, a.month, a.day)
    if a.grain in ("month", "quarter") and a.month:
        return date(year, a.month - (2 if a.grain == "quarter" else 0), 1)
    return date(year, 1, 1) if a.grain == "year" and a.year else None


def _last_day(a: _Atom) -> date | None:
    """The last day a time covers."""
    year = a.year or 2000
    if a.grain == "day" and a.month and a.day:
        return date(year, a.month, a.day)
    if a.grain in ("month", "quarter") and a.month:
        return date(year, a.month, calendar.monthrange(year, a.month)[1])
    return date(year, 12, 31) if a.grain == "year" and a.year else None


@dataclass(frozen=True)
class _Read:
    """A time as read, before its use: the atom its due comes from, where it spans, how it joins."""

    atom: _Atom
    start: int
    end: int
    word: str | None
    relation: Relation | None = None  # set by a range
    period: bool = False  # a span longer than a window, or one up to now ('từ năm 2021 đến nay')


def _listed(folded: str, a: _Atom, b: _Atom) -> bool:
    """True when ``b`` is the next item of a list of times of one grain that ``a`` is an item of."""
    same = a.grain in ("month", "quarter", "day") and _BARE_GRAIN.get(b.grain, b.grain) == a.grain
    return same and _joins(a, b, folded[a.end : b.word_start or b.start], _vocab().list_joint)


def _shared_parts(folded: str, atoms: list[_Atom]) -> list[_Atom]:
    """Items of a list given what is written once: the year after the last item ('vào tháng 4 và tháng 8
    năm 2026', 'tháng 3, tháng 6 và tháng 9 năm 2026'), the relation word before the first ('trước ngày
    15/6 và 15/12')."""
    atoms = list(atoms)
    for i in range(len(atoms) - 2, -1, -1):  # right to left, so a year reaches back along the list
        a, b = atoms[i], atoms[i + 1]
        if a.year is None and b.year is not None and _listed(folded, a, b):
            atoms[i] = replace(a, year=b.year)
    for i in range(len(atoms) - 1):  # left to right, so the word reaches forward
        a, b = atoms[i], atoms[i + 1]
        if b.word is None and a.word is not None and _listed(folded, a, b):
            atoms[i + 1] = replace(b, word=a.word, word_start=b.start)
    return atoms


def _grouped(folded: str, atoms: list[_Atom]) -> list[_Read]:
    """Ranges merged into one reading ('từ A đến B', 'A - B'); every other time read alone."""
    v = _vocab()
    atoms = _shared_parts(folded, atoms)
    out: list[_Read] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        start = a.word_start if a.word_start is not None else a.start
        if b is not None and _joins(a, b, folded[a.end : b.start], v.joint):
            out.append(_range(_filled(a, b), _filled(b, b), start, b.end))
            i += 2
            continue
        past = a.word in v.range_starts and any(p.match(folded, a.end) for p in (v.past_end, v.event_end))
        out.append(_Read(a, start, a.end, a.word, period=past))
        i += 1
    return out


def _range(a: _Atom, b: _Atom, start: int, end: int) -> _Read:
    """'từ A đến B': due at its end when it is a window; a span longer than a window is a period, and so is the
    whole of every year ('từ ngày 01 tháng 01 đến ngày 31 tháng 12 của năm': what a yearly report covers)."""
    first, last = _first_day(a), _last_day(b)
    period = first is not None and last is not None and (last - first).days > _vocab().max_window_days
    every_year = a.year is None and b.year is None
    period = period or (every_year and first == date(2000, 1, 1) and last == date(2000, 12, 31))
    return _Read(b, start, end, a.word, "by", period=period)


# ----------------------------------------------------------------------------------------------
# Dues and uses
# ----------------------------------------------------------------------------------------------

_GRAIN_KIND: dict[str, Kind] = {
    "day": "day",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "fiscal_year": "fiscal_year",
    "school_year": "school_year",
    "year_part": "year",
}


def _due(read: _Read, folded: str, periodic: bool, issued_on: str | None) -> tuple[str, Recurrence | None] | None:
    """The due of a reading: ISO for a dated time, '--MM-DD' for one of every year's cycle."""
    a = read.atom
    if a.grain not in _GRAIN_KIND:
        return None
    if a.grain in ("year", "fiscal_year", "school_year", "year_part"):
        return str(a.year), None
    if a.year is not None:
        if a.grain == "day":
            return f"{a.year}-{a.month:02d}-{a.day:02d}", None
        return f"{a.year}-{a.month:02d}", None
    v = _vocab()
    cycle = v.relative_year.match(folded, read.end) is not None
    if a.grain == "day":
        if a.holiday or cycle or periodic or not issued_on or v.yearly_after.match(folded, read.end):
            return f"--{a.month:02d}-{a.day:02d}", "yearly"
        day = f"{a.month:02d}-{a.day:02d}"
        return f"{int(issued_on[:4]) + (day < issued_on[5:10])}-{day}", None
    return None  # a month or quarter of every year's cycle without its day ('trong quý I của năm liền kề', 'tháng 12
    # hằng năm') is a periodic duty with no calendar day: no due (CONVENTIONS; notes-adjud6.md class 6)


def _use(read: _Read, folded: str) -> Use:
    """What a time is in its sentence: a limit, or one of the times that set none."""
    v = _vocab()
    start, end, a = read.start, read.end, read.atom
    if _opened_before(folded, start, end) or _closed_after(folded, end):
        return "quoted"
    lo = max(0, start - 45)
    if _expected(folded, start):
        return "expected"
    if (read.word is None or read.word in v.range_starts) and v.effective_before.search(folded, lo, start):
        return "effective"  # 'có hiệu lực kể từ ngày …'; not 'còn hiệu lực trước ngày 30/6/2025'
    if read.word in v.end_words and _event_span(folded, start):
        return "effective"  # 'có hiệu lực thi hành kể từ ngày ký đến hết ngày 24/02/2030'
    spanned = read.word in v.range_starts or read.word in v.end_words  # 'trước ngày …' after the label is a due
    if spanned and v.benefit_period.search(folded, max(_sentence_start(folded, start), start - 150), start):
        return "effective"  # 'Thời gian hỗ trợ: Từ nay đến hết ngày 31 tháng 12 năm 2025'

    if a.reference or v.baseline_before.search(folded, lo, start) or v.as_of.search(folded, lo, a.start):
        return "baseline"
    if v.horizon_before.search(folded, lo, start):
        return "horizon"
    if (read.period and not _scheduled_span(read, folded)) or a.grain in ("school_year", "year_part"):
        return "period"
    if v.time_left.match(folded, end):
        return "period"  # 'Từ nay đến ngày 19 tháng 12 năm 2025 chỉ còn 01 tháng': the time left, no due
    if v.horizon_after.match(folded, end):
        return "planned"
    if a.grain == "day" and read.word is None and read.relation is None:
        return "cited" if _CITED.search(folded, lo, start) else "date"
    if a.grain == "month" and read.word is None and _BLANK_DAY.search(folded, lo, start):
        return "date"
    return "limit"


def _sentence_start(folded: str, at: int) -> int:
    """Where the sentence (or the ';'-item, or the line) that holds offset ``at`` starts."""
    return max(folded.rfind(". ", 0, at), folded.rfind(";", 0, at), folded.rfind("\n", 0, at)) + 1


def _expected(folded: str, start: int) -> bool:
    """True when a time dates an event the text expects of others, no task of its own: a forecast its sentence
    reports ('Theo dự báo của cơ quan dự báo khí tượng thủy văn, từ tối nay đến ngày 18/11/2025 … có mưa'), or the
    expected adoption of a law ('dự kiến Quốc hội thông qua vào tháng 12/2025', 'khi Luật Quản lý thuế được thông
    qua vào tháng 12/2025'), or the time an assembly is expected to act ('Tại Kỳ họp chuyên đề thứ 31 (dự kiến tháng
    3/2025) của HĐND tỉnh'); 'trình Quốc hội thông qua vào tháng 10/2025' is a task's due."""
    v = _vocab()
    sentence = _sentence_start(folded, start)
    lo = max(sentence, start - 200)
    if v.forecast.search(folded, lo, start) is not None or v.adoption_before.search(folded, lo, start) is not None:
        return True
    sentence_end = min((i for i in (folded.find(c, start) for c in (". ", ";", "\n")) if i >= 0), default=len(folded))
    return v.assembly_expected_before.search(folded[sentence:start]) is not None and (
        v.assembly.search(folded, sentence, sentence_end) is not None
    )


def _scheduled_span(read: _Read, folded: str) -> bool:
    """True when a span of years is all a line of the text's own schedule holds ('Thời gian thực hiện: Từ năm
    2026 - 2030.', 'Lộ trình thực hiện: Năm 2025 - 2026.'): the task runs to its last year, as in a schedule
    column (``year_span_cell``). A span in a sentence, or one that opens a roadmap of its own year lines
    ('Thời gian thực hiện: từ năm 2024 đến năm 2030, theo lộ trình cụ thể như sau:'), is a period."""
    v = _vocab()
    labelled_line = v.label.fullmatch(folded, 0, read.start) and _LINE_END.fullmatch(folded, read.end)
    return read.atom.grain == "year" and read.relation == "by" and labelled_line is not None


def _opened_before(folded: str, start: int, end: int) -> bool:
    """True when a quote opened before ``start`` is still open there and a '”' closes it after ``end``: a quoted
    title ('Kế hoạch “Phát triển du lịch đến năm 2030”'). A '“' nothing closes is OCR debris, a speck or a mark
    read as a quote ('02 lần/năm; “thời gian quan trắc vào tháng 4 và tháng 8 năm 2026', UBND Thanh Hóa's
    monitoring plan printed and scanned at 150 dpi; '“Làm đầu mối', UBND Quảng Ngãi's; '“ đ) Chỉ đạo', BCĐ Nhà
    nước về Du lịch's; 'ngày “# thắng 01 năm 2025', UBND Quảng Ngãi 05/TB-UBND scanned at 100 dpi one-bit)."""
    return folded.count("“", 0, start) > folded.count("”", 0, start) and folded.find("”", end) >= 0


def _closed_after(folded: str, end: int) -> bool:
    """True when a quote that opened before the text searched closes after ``end`` (a title quoted over lines:
    '… ĐẾN NĂM 2030”')."""
    closing = folded.find("”", end)
    return closing >= 0 and folded.rfind("“", end, closing) < 0 and folded.count("“", 0, end) == 0


def _event_span(folded: str, start: int) -> bool:
    """True when the end at ``start`` closes a span of when a rule applies, not a task's due: a span an event
    opens ('kể từ ngày ký', 'từ ngày Quyết định này có hiệu lực'), or one an effective word introduces ('tính
    từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 12')."""
    v = _vocab()
    opened = v.event_start.search(folded, max(0, start - 100), start)
    if opened is None:
        return False
    lo = max(0, opened.start() - 45)
    if v.effective_before.search(folded, lo, opened.start()):
        return True
    by_event = opened.group(1) is None  # 'kể từ ngày ký', not 'từ ngày 15 tháng 12'
    return by_event and v.effective_any.search(folded, lo, start) is not None


def _relation(read: _Read) -> Relation:
    v = _vocab()
    if read.relation is not None:
        return read.relation
    kind = _GRAIN_KIND[read.atom.grain]
    if read.word is None:
        return v.default_relations[kind]
    if kind == "day" and read.word in v.day_relations:
        return v.day_relations[read.word]
    return v.relations[read.word]


@lru_cache(maxsize=8192)
def _mentions(folded: str, issued_on: str | None, periodic: bool | None) -> tuple[TimeMention, ...]:
    """Every time of a folded text with its kind, due, relation, recurrence and use; ``periodic`` (None: read from
    the text's own words) makes a day without its year a day of every year, and a bare day ('10/14', 'từ 2/3 số xã')
    counts only after a deadline word. Cached: targets, deadlines and wards read the times of the same texts."""
    v = _vocab()
    if periodic is None:
        periodic = v.periodic.search(folded) is not None
    out = []
    for read in _grouped(folded, _atoms(folded)):
        if read.atom.grain == "day_bare":
            if read.word not in v.bare_day_words:
                continue  # '10/14', 'từ 2/3 số xã' are shares: a bare day needs a deadline word ('trước 20/9')
            read = replace(read, atom=replace(read.atom, grain="day"))
        due = _due(read, folded, periodic, issued_on)
        if due is None:
            continue
        kind = _GRAIN_KIND[read.atom.grain]
        out.append(
            TimeMention(read.start, read.end, kind, due[0], _relation(read), due[1], _use(read, folded), read.word)
        )
    return tuple(out)


# ----------------------------------------------------------------------------------------------
# The API
# ----------------------------------------------------------------------------------------------


def mentions(folded: str, issued_on: str | None = None, periodic: bool | None = None) -> list[TimeMention]:
    """Every time expression of a folded text, left to right, each with its due, relation, recurrence and
    use. ``issued_on`` (the document's date) dates a day written without a year outside a periodic duty;
    ``periodic`` says whether the text is one (None: read it from the text's own words)."""
    return list(_mentions(folded, issued_on, periodic))


def limits(folded: str, issued_on: str | None = None, planned: bool = False) -> list[TimeMention]:
    """The time limits of a folded text: mentions used as limits (and, with ``planned``, the planned year a
    horizon follows — no task's limit, but the year of the targets set under it), none in a year before the
    document's."""
    uses = ("limit", "planned") if planned else ("limit",)
    return [m for m in mentions(folded, issued_on) if m.use in uses and not m.before(issued_on)]


def years(folded: str, issue_year: int | None = None, planned: bool = False) -> list[TimeMention]:
    """The years of a folded text that may be a time limit ('đến năm 2025', 'Năm 2024: …'), none before
    ``issue_year``: not the years of dates, months, periods, horizons, baselines or quoted titles."""
    issued_on = f"{issue_year}-01-01" if issue_year else None
    return [m for m in limits(folded, issued_on, planned) if m.kind in YEAR_KINDS]


def cited_floor(folded: str) -> str | None:
    """The latest date of a document a text cites ('Quyết định số 1456/QĐ-TTg ngày 22/11/2023'), or None: a text
    is issued after every document it cites, so when a scan lost the text's own date line this is how early the
    text can be, and a time before it is a reported past, no limit."""
    days = [m.due for m in mentions(folded) if m.use == "cited" and m.kind == "day" and m.year is not None]
    return max(days, default=None)


def dated(folded: str) -> list[TimeMention]:
    """The limits of a folded text finer than a year: a month, a quarter, a day with its relation word
    ('trong quý II/2024', 'trước ngày 30/11/2025')."""
    return [m for m in mentions(folded) if m.use == "limit" and m.kind in ("day", "month", "quarter")]


_RANK = {"day": 3, "month": 2, "quarter": 2, "year": 1, "fiscal_year": 1}


def task_due(text: str, issued_on: str | None = None) -> tuple[str | None, Recurrence | None]:
    """A task's one due and its recurrence: of the times that date the task (a year cell, a day — a dated
    one before one of every year —, a month or quarter, a year after a time word), the most specific;
    of several calendar days the last, when the task is done (CONVENTIONS: the final time); several years,
    months or days of every year are a schedule, not a due (None). Cited documents' dates,
    horizons, periods, baselines and effective dates are no due. 'Hoàn thành trong quý II/2025' →
    ('2025-06', None); 'báo cáo 06 tháng (trước ngày 15/6), 01 năm (trước ngày 15/12)' → (None, None)."""
    cell = year_cell(text)
    if cell:
        return str(cell), None
    folded = fold_in_place(text)
    found = [m for m in mentions(folded, issued_on) if _times_task(m) and not m.before(issued_on)]
    if not found:
        return None, None
    rank = max(_rank(m) for m in found)
    top = [m for m in found if _rank(m) == rank]
    if not any(_dates_task(m, folded) for m in top):
        return None, None
    if len({(m.due, m.recurrence) for m in top}) > 1:
        if any(m.kind != "day" or m.year is None for m in top):
            return None, None  # milestones ('sơ kết (cuối năm 2023), … (năm 2025)'), days of every year: a schedule
        # 'sửa chữa nhà … trước ngày 30/11/2025; xây mới … trước ngày 31/01/2026'
        latest = max(top, key=lambda m: m.due)
        return latest.due, latest.recurrence
    return top[0].due, top[0].recurrence


def closing_due(sentence: str) -> tuple[str | None, Recurrence | None]:
    """The due of a sentence that only closes the task before it ('Hoàn thành và báo cáo UBND tỉnh trước ngày
    20/02/2025.', 'Thời hạn hoàn thành: Trước ngày 31/3/2026.'); (None, None) for a sentence that opens otherwise,
    which may be a task or a rule of its own."""
    if _vocab().closing.match(fold_in_place(sentence)) is None:
        return None, None
    return task_due(sentence)


def _times_task(m: TimeMention) -> bool:
    """A time that may date a task: a limit, or a day without a relation word (a time cell's '30/6/2025')."""
    return m.kind in _RANK and (m.use == "limit" or (m.use == "date" and m.kind == "day"))


def _dates_task(m: TimeMention, folded: str) -> bool:
    """A bare year inside a task names the year of a thing ('Kế hoạch quan trắc … năm 2026', 'Luật Giáo dục
    năm 2019'): it dates the task only after a time word, opening it ('Năm 2025: …') or a few words after a
    completion verb ('bảo đảm thông xe kỹ thuật năm 2025') or right after the noun of a year's plan ('kế hoạch vốn
    năm 2025'); it still makes a schedule of a task with other years
    ('sơ kết (cuối năm 2023), sơ kết giai đoạn (năm 2025)')."""
    lead = folded[: m.start]
    return (
        m.kind not in YEAR_KINDS
        or m.prepositioned
        or opens_clause(lead)
        or finished_just_before(lead)
        or plans_the_year(lead)
    )


def _rank(m: TimeMention) -> int:
    return _RANK[m.kind] + (m.kind == "day" and m.year is not None)


def year_cell(text: str) -> int | None:
    """The year of a table cell that holds nothing else ('2025', 'Năm 2025', 'năm 2025.')."""
    m = YEAR_CELL.fullmatch(text)
    return int(m.group(1)) if m else None


_YEAR_SPAN_CELL = re.compile(rf"\s*(?:n[aă]m\s*)?{_Y}\s*[-–]\s*(?:n[aă]m\s*)?{_Y}\s*[^\w\s]?\s*", re.IGNORECASE)


def year_span_cell(text: str) -> int | None:
    """The last year of a table cell that holds only a span of years ('2026-2027', 'Năm 2026 - 2030'): a task's
    time column gives the year it is done by (CONVENTIONS: a range's end)."""
    m = _YEAR_SPAN_CELL.fullmatch(text)
    return int(m.group(2)) if m and int(m.group(2)) > int(m.group(1)) else None


def cell_due(value: str) -> tuple[str | None, Recurrence | None]:
    """The due of a time cell or of a time field's value ('Thời gian thực hiện: …'): its date, the end of a span of
    years ('2026-2027'), else the year it opens with ('Năm 2025 và các năm tiếp theo')."""
    due = task_due(value)
    if due[0] is not None:
        return due
    value = value.strip(" *_")
    if span_end := year_span_cell(value):
        return str(span_end), None
    year = YEAR_CELL.match(value)
    return (year.group(1), None) if year else (None, None)


def label_year(text: str) -> int | None:
    """The year of a line that is only a label of the list below it ('Năm 2024:', 'a) Trong năm 2024:')."""
    folded = fold_in_place(text)
    found = mentions(folded)
    if len(found) != 1 or found[0].kind != "year":
        return None
    m = found[0]
    if _LABEL_LEAD.fullmatch(folded[: m.start]) and re.fullmatch(r"\s*:?\s*", folded[m.end :]):
        return m.year
    return None


def time_only(text: str) -> bool:
    """True when a text (a table cell) holds nothing but a time: 'Năm 2025', 'Quý II/2025', 'Thời hạn:
    Trước 30/6/2025'."""
    if year_cell(text):
        return True
    folded = fold_in_place(text)
    found = mentions(folded)
    return (
        len(found) == 1
        and len(folded[: found[0].start].strip()) <= 12
        and re.fullmatch(r"[\s.;)]*", folded[found[0].end :]) is not None
    )


def opens_clause(folded_lead: str) -> bool:
    """True when only outline markers and opener words ('phấn đấu', 'Thời gian thực hiện:') stand before a
    time adverbial: it opens its clause."""
    return _vocab().opening.fullmatch(folded_lead) is not None


def completion_verbs(folded: str) -> list[re.Match]:
    """The verbs of a folded text that commit it to finish or reach something ('hoàn thành', 'bảo đảm')."""
    return list(_vocab().completion.finditer(folded))


def finished_just_before(folded_lead: str) -> bool:
    """True when a completion verb stands a few words before the end of a folded text: the bare year after it
    is when the thing is finished ('có kế hoạch hoàn thành năm 2025', 'bảo đảm thông xe kỹ thuật năm 2025')."""
    return _vocab().finished_before.search(folded_lead) is not None


def plans_the_year(folded_lead: str) -> bool:
    """True when a noun of a year's programme of work closes a folded text: the bare year after it is the year
    the task is done in ('giải ngân 100% kế hoạch vốn năm 2025', 'bố trí vốn … trong kế hoạch 2013', 'hoàn
    thành … các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2025'), not the name of a paper ('Kế hoạch
    quan trắc … năm 2026', 'Luật Giáo dục năm 2019'), where other words stand between, nor the plan a thing was
    done under ('… đã được bố trí vốn theo kế hoạch năm 2025')."""
    return _vocab().plan_of_year.search(folded_lead) is not None


def labelled(folded_lead: str) -> bool:
    """True when a time label ('Thời gian hoàn thành:', 'Thời hạn thực hiện:') and outline markers are all that
    stand before a time: a line of the text's own schedule, dated however early."""
    return _vocab().label.fullmatch(folded_lead) is not None


def time_column(header: str) -> Relation | None:
    """The relation a year in a table column gives, by the column's header ('Năm' → during, 'Thời hạn
    hoàn thành' → by), or by the longest header of two words or more it opens with ('Thời gian phổ biến',
    'Thời gian gửi báo cáo' → during); None for a column that dates nothing. A quote mark OCR reads from a speck
    before the header is no part of it (“'Thời gian hoàn thành” in UBND Nghệ An's plan 980/KH-UBND, “'Thời gian
    quan trắc” in UBND Thanh Hóa's monitoring plan, both printed and scanned at 100 dpi)."""
    columns = _vocab().time_columns
    folded = " ".join(fold(header).strip(" .:'\"“”‘’").split())
    if folded in columns:
        return columns[folded]
    opening = [k for k in columns if " " in k and folded.startswith(k + " ")]
    return columns[max(opening, key=len)] if opening else None


def periodic(folded: str) -> bool:
    """True when a folded text describes a periodic duty ('định kỳ', 'hằng năm')."""
    return _vocab().periodic.search(folded) is not None
