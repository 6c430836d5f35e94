"""Numeric targets: commitments with an explicit figure to reach, a percent or a count.

A target is a stated quantity to reach by a time, for a subject, so a figure counts only inside a
commitment: a goal section or criteria table, a year, a recurrence, a change, a goal word or task verb
before it, a percent opening the subject of 'được'/'phải'. Decrees, fee schedules and standards are
full of figures that are norms or conditions ('mức thu không quá …', 'từ 15 biên chế trở lên'); and
no commitment is made by a definition, a prohibition, a case, a permission, an estimate, a damage,
the topic of a reply or a name in quotes (``_no_commitment``).

A percent in a commitment clause is a target unless the clause reports the past. A count is a
target only when something marks it as one — a comparator ('ít nhất 02 mô hình'), a change
('kéo giảm 1 - 2 vụ'), a target verb ('đạt 22 tiêu chí', 'xây dựng 1 - 2 mô hình') — because
plans are full of counts that merely describe ('tại 12 phường', 'gồm 22 tiêu chí', '07 nhóm').
Under a goal heading or lead-in ('Mục tiêu đến năm 2025'), or with its own due day, the noun a
count counts is mark enough ('Đón 7,2 triệu lượt khách'); a measure that qualifies a noun
('tàu có chiều dài từ 15 m trở lên') never is one. Years come from the clause, from an adverbial
opening the sentence, from the headings above ('Mục tiêu đến năm 2025', at any outline level) or
from the lead-in of the list the clause is an item of ('Phấn đấu đến hết năm 2025 đạt các chỉ tiêu
sau:') or from the title of the criteria table its row is in ('PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU … ĐẾN NĂM 2030'),
never from a bracketed remark on the past ('(năm 2024 ước đạt 59,8%)'). In a goal-bound clause a share
('Kinh tế số chiếm 45% GRDP tỉnh.') is a level to reach, elsewhere it reports one. A criteria-table row
is read as a whole: its number or label is the criterion, its cells together give words and cues.
A directing document (chỉ thị, công điện, công văn, thông báo) sets no goal in the background before its
turn ('…, Chủ tịch UBND tỉnh yêu cầu …:', ``background_end``): those figures report the state.
The vocabulary lives in ``data/targets.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from extractors import body
from extractors.clauses import Clause, ClausedText, claused
from extractors.common import DOC_NUMBER, exact_alternation, find_dates, load_json, parse_number, phrase_alternation
from extractors.grammar import time as time_grammar
from extractors.grammar.time import TimeMention
from pipeline.text import fold, fold_in_place
from pipeline.text.segment import Line, SegmentedDocument
from schemas.extraction import Change, Comparator, DocumentMeta, Recurrence, Target

_NUM = r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?"  # 1.000.000 | 4,76; not an outline number 1.2.2
_RANGE = rf"({_NUM})(?:\s*(?:-|–|đến|den|tới|toi)\s*({_NUM}))?"
PERCENT = re.compile(rf"(?<![\w/.,])({_NUM})\s*%?(?:\s*(?:-|–|đến|den|tới|toi)\s*({_NUM}))?\s*%")
# a count and the noun after it; glued to it ('1.700km') only a unit of the vocabulary (``_counts_a_noun``)
COUNT = re.compile(rf"(?<![\w/.,%]){_RANGE}(?:\s*/\s*(\d+))?(\s*)(?=[^\W\d_])")
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[^\W\d_]{2,}")
# a subject that names no thing ('năm 2025 đạt 85%' after '… năm 2024 đạt 70% số xã …'): reuse the last one
_BARE_SUBJECT = re.compile(r"(?:(?:(?:den|trong|vao) )?(?:het )?nam \d{4}|\(khong ro\))?")
# 'Phấn đấu đến năm 2025 tỷ lệ …': the opening words before a subject read from the left
_LEAD_OPENING = re.compile(
    r"^(?:phấn đấu|đảm bảo|bảo đảm)?\s*(?:(?:đến|trong|vào)\s+)?(?:hết\s+)?(?:năm\s+\d{4})?[\s,:]*", re.IGNORECASE
)
# an outline marker or bullet at the head of a folded line ('2. ', 'a) ', '- '), before the words a rule reads
_OUTLINE_LEAD = r"[\s\-+•*]*(?:(?:[\divxl]+|[a-z])[.)]\s*)*"
# a count right after a schedule year: 'Năm 2025: 10 xã'
_SCHEDULE_LEAD = re.compile(r"\bnam\s+\d{4}\s*[:,]\s*$")
# a count whose noun phrase opens a list of what it counts: 'trên 4 ngành công nghiệp chính: dịch vụ cảng, …'
_ENUMERATES = re.compile(r"[^\W\d_][^,.;:()\d]{0,50}:\s*\S")
COUNT_OF = re.compile(r"^\s*\(\s*(\d+)\s*/\s*(\d+)\s*\)")
# a criteria table's row-number or label cell, and the baseline that ends a criterion's name
_ROW_LABEL = re.compile(r"(?:(?:tiêu chí|chỉ tiêu)\s+)?\d{1,3}\.?", re.IGNORECASE)
_BASELINE_TAIL = re.compile(r"\s+so với\s+.*$", re.IGNORECASE)
# a goal-table cell that holds nothing but a level: '100%', '≥ 80 %', '1.700'
_VALUE_CELL = re.compile(rf"[<>≤≥=]?\s*{_NUM}\s*%?")
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")  # a schedule cell, no level
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}")  # a period's years: 'giai đoạn 2026 - 2030'
# the share printed first: '10/14 (71,43%)'
# a bullet of the addressees' list ('Kính gửi: - Các bộ, …'), not a numbered item of what a document directs
_BULLETS = tuple("-–—+•*")
# the grounds a document cites before it decides, never its turn ('Căn cứ …', 'Xét đề nghị của …')
_GROUNDS = re.compile(r"^(?:can cu|xet|theo de nghi)(?!\w)")
_SHARE_BEFORE = re.compile(r"(?<![\w/.,])(\d+)\s*/\s*(\d+)\s*\(\s*$")
# spans that hold digits but no figure: dates, day/month, years, document numbers, outline numbers
_NOT_FIGURES = [
    re.compile(r"\bngày\s+\d{1,2}\s*/\s*\d{1,2}|\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}", re.IGNORECASE),
    re.compile(r"\b(?:năm|tháng|quý)\s+[\dIVX]+(?:\s*/\s*\d{4})?", re.IGNORECASE),
    re.compile(r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b"),
    re.compile(r"^\s*(?:[\dIVXL]+[.)])+\s*|\(\d{1,2}\)"),
    # a name in quotes: Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ…”, phong trào “500 ngày đêm … 3.000 km”
    re.compile(r'“[^”\n\t]{1,200}”|"[^"\n\t]{1,200}"'),
    # a percent of three zeros or more, which no document prints
    re.compile(r"(?<![\w/.,])000+\s*%"),
]
# '00%', which no document prints ('kéo giảm ít nhất 06%' is one), is '100%' whose 1 a scan lost: 'giải ngân đạt
# (00% kế hoạch' (VPCP 636/TB-VPCP by fax), 'giải ngân 00% kế hoạch vốn' (UBND Quảng Ngãi 565/TB-UBND printed at 100
# dpi, and its own scan at 150 dpi)
_HUNDRED_WITHOUT_ONE = "00"
# a figure's leading 1 read as the letter it looks like in a serif face, 'I' or 'l': 'giải ngân I00% kế hoạch vốn'
# (UBND Quảng Ngãi vht534 scanned, at 100 dpi one-bit), 'sang trạm 5G: I25 trạm' (UBND tỉnh Nghệ An 987/KH-UBND printed
# and scanned at 200 dpi); put back, one character for one, before the figures are read
_ONE_AS_LETTER = re.compile(r"(?<![\w/.,])[Il](?=\d+(?:[.,]\d+)?\s*%|\d{2,}(?:[.,]\d{3})*\s+[^\W\d_])")


_Value = TypeVar("_Value", bound=str)


@dataclass(frozen=True)
class _Phrase(Generic[_Value]):
    pattern: re.Pattern  # matches the phrase at the end of the text before a figure
    exact: bool  # match the raw (lower-cased) text, not the folded one
    value: _Value  # comparator or change

    def ends(self, folded: str, raw: str) -> re.Match | None:
        """The match of this phrase ending the text before a figure, on the raw lower-cased text when the phrase
        needs its exact tone marks, else on the folded text."""
        return self.pattern.search(raw.lower() if self.exact else folded)


def _ending(entry: dict, key: str) -> _Phrase[Any]:
    exact = bool(entry.get("exact"))
    body = re.escape(entry["phrase"].lower()) if exact else phrase_alternation([entry["phrase"]])
    return _Phrase(re.compile(rf"(?<!\w){body}\s*$"), exact, entry[key])


@dataclass(frozen=True)
class _Vocab:
    before: list[_Phrase[Comparator]]  # comparators ending right before the figure
    after: list[tuple[re.Pattern, Comparator]]  # 'trở lên' after the counted noun phrase
    after_stop: re.Pattern  # the verb that ends that noun phrase
    changes: list[_Phrase[Change]]
    implied_changes: list[tuple[re.Pattern, Change]]  # a rate subject ('tốc độ tăng trưởng') before a percent
    fillers: re.Pattern
    cues: re.Pattern
    range_openers: re.Pattern  # 'từ' of 'từ 2 - 3 mô hình', between a cue and its count
    not_after: re.Pattern
    specification: re.Pattern  # 'chiều dài từ' before a count that qualifies a noun
    not_before: re.Pattern
    past: re.Pattern
    past_exact: re.Pattern  # 'đã' with its tone mark, on the lower-cased text
    past_exact_folded: re.Pattern  # the same words folded, for a caller with no raw text ('đã', also 'đa')
    goal_shares: frozenset[str]  # past markers that state a goal's share in a goal-bound clause ('chiếm')
    recurrence: list[tuple[re.Pattern, Recurrence]]
    units: list[str]
    not_units: frozenset[str]  # function words that follow a number but count nothing
    scales: list[str]  # 'triệu' of '7,2 triệu lượt': part of the unit
    goal_headings: re.Pattern
    vision_headings: re.Pattern  # 'c) Tầm nhìn đến năm 2035': a heading that is the horizon itself
    goal_period_headings: re.Pattern  # 'b) Mục tiêu cụ thể giai đoạn …', 'b) Giai đoạn …': a heading dating its goals
    period_opening: re.Pattern  # 'Trong giai đoạn ' opening a sentence, right before its period's years
    due_words: frozenset[str]  # the time words of a due day or month that makes its clause's counts targets
    trailers: re.Pattern  # comparator words that end a subject read before a figure
    subject_not_after: re.Pattern  # words after a figure that start no noun phrase
    not_commitments: tuple[re.Pattern, re.Pattern]  # (folded, exact) words that make a sentence no commitment
    ratio_words: tuple[re.Pattern, re.Pattern]  # (folded, exact) 'bằng', 'dự kiến' right before a figure
    states: re.Pattern  # 'bị': what befell the thing counted
    entitlements: re.Pattern  # 'được hỗ trợ': what a rule grants, ending the text before a figure
    restatement: re.Pattern  # 'mục tiêu': a goal named again before its figure
    contribution: re.Pattern  # 'góp phần đạt mục tiêu … từ': a goal the document contributes to, ending the text
    strivings: re.Pattern  # 'phấn đấu': a level still to reach, in a clause under a report heading
    rule_rates: re.Pattern  # 'tiền sử dụng đất', 'lần mức chuẩn', 'số phiếu': right after a figure, a rule's rate
    condition_openers: re.Pattern  # 'nếu' before a figure in its sentence
    funding_verbs: re.Pattern  # 'hỗ trợ' ending the text before a percent
    costs: re.Pattern  # 'chi phí', 'kinh phí', 'giá vé': what a funded share is a share of
    next_payer: re.Pattern  # '… và các nguồn xã hội hoá khác' right after a share: the next source of a split cost
    payer_is: re.Pattern  # 'các nguồn xã hội hoá khác là' opening the words before a share
    consequence: re.Pattern  # 'thì' after a figure in its sentence: the figure is a condition
    past_after: re.Pattern  # 'so với cùng kỳ', ', vượt kế hoạch đề ra' right after a figure
    goal_words: tuple[re.Pattern, re.Pattern]  # (folded, exact) 'phấn đấu', 'đạt', 'bảo đảm' before a figure
    beneficiary_cue: re.Pattern  # 'hỗ trợ về nhà ở cho khoảng': a task verb, what it gives, 'cho' before a count
    exact_cues: re.Pattern  # the count cues with their diacritics, ending the text before a figure
    comparator_tail: re.Pattern  # comparator words ending the text before a figure ('ít nhất', 'từ')
    subject_verbs: re.Pattern  # a noun phrase then 'được' / 'phải' / 'đạt' after a percent
    indicators: re.Pattern  # 'tỷ lệ', 'chỉ số': an indicator a comparator bounds
    condition_lead_ins: re.Pattern  # 'các tiêu chí sau:': a list of conditions, not of goals
    rule_kinds: frozenset[str]  # 'Nghị định', 'Thông tư': kinds whose figures without a time are norms
    adopts_plan: re.Pattern  # 'Về việc ban hành Kế hoạch …': the subject of a decision that adopts a plan
    qualifier_break: re.Pattern  # 'và' between a percent and a count: the count is another goal, not a qualifier
    directing_kinds: frozenset[str]  # 'Chỉ thị', 'Công điện': kinds that open with background, then direct
    turn: re.Pattern  # 'chỉ thị', 'yêu cầu', 'kết luận như sau' in the paragraph that ends a directive's background


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    d = load_json("targets.json")
    past_exact = load_json("deadlines.json")["past_markers_exact"]  # 'đã': the deadlines read the same list
    assignment = load_json("obligations.json")  # the verbs a body directs with: the assignment grammar's own list
    directing = assignment["directive_verbs"] + assignment["list_intros"]
    turns = d["directive_turns"] + [w for w in directing if w not in d["not_turns"]]
    return _Vocab(
        before=[_ending(e, "op") for e in sorted(d["comparators_before"], key=lambda e: -len(e["phrase"]))],
        after=[
            (re.compile(rf"(?<!\w){phrase_alternation([e['phrase']])}(?!\w)"), e["op"]) for e in d["comparators_after"]
        ],
        after_stop=re.compile(rf"(?<!\w)(?:{exact_alternation(d['after_stop_words'])})(?!\w)"),
        changes=[_ending(e, "change") for e in sorted(d["changes"], key=lambda e: -len(e["phrase"]))],
        implied_changes=[
            (re.compile(rf"(?<!\w){phrase_alternation([e['phrase']])}(?!\w)"), e["change"])
            for e in d["implied_changes"]
        ],
        fillers=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['change_fillers'])})\s*$"),
        cues=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['count_cues'])})\s*$"),
        range_openers=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['range_openers'])})\s*$"),
        specification=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['specification_nouns'])})(?:\s+do\s+[^\W\d][^\d;:.]{{0,40}})?\s+"
            rf"(?:(?:{phrase_alternation(d['range_openers'] + [e['phrase'] for e in d['comparators_before']])})\s+)?$"
        ),
        not_after=re.compile(rf"^(?:{phrase_alternation(d['not_after'])})(?!\w)"),
        not_before=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['not_before'])})\s*$"),
        past=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['past_markers'])})(?!\w)(?!\s+duoc\b)"),
        past_exact=re.compile(rf"(?<!\w)(?:{exact_alternation(past_exact)})(?!\w)(?!\s+được\b)"),
        past_exact_folded=re.compile(rf"(?<!\w)(?:{phrase_alternation(past_exact)})(?!\w)(?!\s+duoc\b)"),
        goal_shares=frozenset(fold(w) for w in d["goal_shares"]),
        recurrence=[
            (re.compile(rf"(?<!\w){phrase_alternation([e['phrase']])}(?!\w)"), e["recurrence"]) for e in d["recurrence"]
        ],
        units=sorted(d["units"], key=len, reverse=True),
        not_units=frozenset(fold(w) for w in d["not_units"]),
        scales=[fold(w) for w in d["scale_words"]],
        vision_headings=re.compile(rf"^{_OUTLINE_LEAD}(?:{phrase_alternation(d['vision_headings'])})(?!\w)"),
        goal_headings=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['goal_headings'])})(?!\w)"),
        goal_period_headings=re.compile(rf"^{_OUTLINE_LEAD}(?:{phrase_alternation(d['goal_period_headings'])})(?!\w)"),
        period_opening=re.compile(rf"^{_OUTLINE_LEAD}(?:{phrase_alternation(d['period_openings'])})\s*$"),
        # the time grammar's words that date a day, but for those that name when a thing happens, not by when
        due_words=frozenset(fold(w) for w in load_json("time.json")["bare_day_words"])
        - {fold(w) for w in d["not_due_words"]},
        subject_not_after=re.compile(rf"(?:{phrase_alternation(d['subject_not_after'])})(?!\w)"),
        trailers=re.compile(rf"(?:\s+(?:{exact_alternation(d['subject_trailers'])}))+\s*$", re.IGNORECASE),
        not_commitments=_folded_and_exact(d["not_commitments"], r"(?!\w)"),
        ratio_words=_folded_and_exact(d["ratio_words"], r"[\s:]*$"),
        goal_words=_folded_and_exact(d["goal_words"], r"(?!\w)"),
        beneficiary_cue=re.compile(
            rf"(?<!\w)(?:{exact_alternation(d['count_cues'])})(?!\w)[^,;.:()\d]{{0,60}}\scho"
            rf"(?:\s+(?:{exact_alternation(d['range_openers'] + [e['phrase'] for e in d['comparators_before']])}))*\s*$"
        ),
        exact_cues=re.compile(rf"(?<!\w)(?:{exact_alternation(d['count_cues'])})\s*$"),
        comparator_tail=re.compile(
            rf"(?:(?<!\w)(?:{phrase_alternation([e['phrase'] for e in d['comparators_before']] + d['range_openers'])})\s*)+$"
        ),
        subject_verbs=re.compile(rf"\)?[^.;:()]{{0,80}}?(?<!\w)(?:{phrase_alternation(d['subject_verbs'])})(?!\w)"),
        condition_lead_ins=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['condition_lead_ins'])})(?!\w)"),
        qualifier_break=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['qualifier_breaks'])})(?!\w)"),
        indicators=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['indicators'])})(?!\w)"),
        past_after=re.compile(rf"[\s),]*(?:{phrase_alternation(d['past_after'])})(?!\w)"),
        entitlements=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['entitlements'])})\s*$"),
        restatement=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['restatement'])})(?!\w)"),
        contribution=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['contributions'])})\s+(?:[^\W\d]+\s+){{0,3}}?"
            rf"(?:{phrase_alternation(d['restatement'])})(?!\w)[^,;:()\d]{{0,80}}$"
        ),
        strivings=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['strivings'])})(?!\w)"),
        rule_rates=re.compile(rf"^\s*(?:{phrase_alternation(d['rule_rates'])})(?!\w)"),
        condition_openers=re.compile(rf"(?<!\w)(?:{exact_alternation(d['condition_openers'])})(?!\w)"),
        funding_verbs=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['funding_verbs'])})\s*$"),
        costs=re.compile(rf"^\s*(?:{phrase_alternation(d['costs'])})(?!\w)"),
        next_payer=re.compile(rf"^\s*(?:,|va)?\s*(?:cac\s+)?(?:{phrase_alternation(d['payers'])})(?!\w)"),
        payer_is=re.compile(
            rf"(?:^|[,;:(]|(?<!\w)va)\s*(?:cac\s+)?(?:{phrase_alternation(d['payers'])})(?!\w)[^\d,;:]{{0,60}}?\sla\s*$"
        ),
        consequence=re.compile(rf"(?<!\w)(?:{exact_alternation(d['consequence_words'])})(?!\w)"),
        states=re.compile(rf"(?<!\w)(?:{exact_alternation(d['state_words'])})(?!\w)"),
        rule_kinds=frozenset(d["rule_kinds"]),
        adopts_plan=re.compile(
            rf"^(?:(?:{phrase_alternation(d['plan_subject_openers'])})\s+)?"
            rf"(?:(?:{phrase_alternation(d['plan_adopting_verbs'])})\s+)?(?:{phrase_alternation(d['plans'])})(?!\w)"
        ),
        directing_kinds=frozenset(d["directing_kinds"]),
        turn=re.compile(rf"(?<!\w)(?:{phrase_alternation(turns)})(?!\w)"),
    )


def _folded_and_exact(entries: list[dict], tail: str) -> tuple[re.Pattern, re.Pattern]:
    """Two patterns for a word list: the words matched on folded text, and the 'exact' ones on the lower-cased
    text with their diacritics (folded, 'cấm' would be the 'cam' of 'cam kết'); an exact word's ``not_after``
    words keep it from matching right after them ('có thể', not 'sớm nhất có thể')."""
    folded = [e["phrase"] for e in entries if not e.get("exact")]
    exact = [e["phrase"].lower() for e in entries if e.get("exact") and not e.get("not_after")]
    guarded = [
        "".join(rf"(?<!{re.escape(w)}\s)" for w in e["not_after"]) + f"(?:{exact_alternation([e['phrase'].lower()])})"
        for e in entries
        if e.get("exact") and e.get("not_after")
    ]
    never = r"(?!x)x"
    return (
        re.compile(rf"(?<!\w)(?:{phrase_alternation(folded) or never}){tail}"),
        re.compile(rf"(?<!\w)(?:{'|'.join([exact_alternation(exact) or never, *guarded])}){tail}"),
    )


@dataclass
class _Figure:
    start: int  # offsets into the full text
    end: int
    value: float
    value_max: float | None
    unit: str
    comparator: Comparator = "="
    change: Change | None = None
    count: int | None = None
    of: int | None = None


def _masked(text: str) -> list[tuple[int, int]]:
    """Spans of a clause that hold digits but no figure."""
    spans = [(s, e) for s, e, _ in find_dates(text)]
    spans += [m.span() for m in DOC_NUMBER.finditer(text)]
    for pattern in _NOT_FIGURES:
        spans += [m.span() for m in pattern.finditer(text)]
    return spans


def _read_prefix(figure: _Figure, folded: str, raw: str) -> bool:
    """Read the comparator and change words that end right before a figure ('kéo giảm ít nhất',
    'tăng thêm', 'trên'); True when one was found."""
    v = _vocab()
    found = False
    while folded.strip():
        for phrase in v.before:
            m = phrase.ends(folded, raw)
            if m:
                figure.comparator = phrase.value if figure.comparator == "=" else figure.comparator
                break
        else:
            for change in v.changes:
                m = change.ends(folded, raw)
                if m:
                    figure.change = figure.change or change.value
                    break
            else:
                m = v.fillers.search(folded)
                if not m:
                    return found
                folded, raw = folded[: m.start()], raw[: m.start()]
                continue
        found = True
        folded, raw = folded[: m.start()], raw[: m.start()]
    return found


def _read_suffix(figure: _Figure, folded_after: str, raw_after: str) -> None:
    """'90% hộ gia đình trở lên được công nhận': a 'trở lên' before the noun phrase's verb."""
    v = _vocab()
    stop = v.after_stop.search(raw_after.lower())
    phrase = folded_after[: stop.start() if stop else len(folded_after)]
    for pattern, op in v.after:
        if pattern.search(phrase) and figure.comparator == "=":
            figure.comparator = op


def _footnote(ct: ClausedText, at: int, unit: str) -> bool:
    """'1 Đối với cụm nhiệm vụ, …' at the start of a line: a footnote's or an unpunctuated outline number, not a
    count (a count's noun is lower case, or a unit of the vocabulary: '15 Công an xã')."""
    line_start = ct.work.rfind("\n", 0, at) + 1
    return not ct.work[line_start:at].strip(" \t-+•*") and unit[:1].isupper() and unit not in _vocab().units


def _counts_a_noun(unit: str, glued: bool) -> bool:
    """True when the word after a count is a noun it counts: not a function word ('Tết dương lịch 2026 và …',
    'quy hoạch 1/500 theo quy định'), not a capitalised name the number is part of ('Vành đai 3 Thành phố Hồ Chí
    Minh') unless the vocabulary counts it ('15 Công an xã'), and, glued to the digits, only a unit of the
    vocabulary ('1.700km', not '19h')."""
    v = _vocab()
    if glued or unit[:1].isupper():
        return unit in v.units
    return fold(unit.split()[0]) not in v.not_units


def _unit(raw_after: str) -> str:
    head = raw_after.lstrip()
    low = fold(head[:40])
    for unit in _vocab().units:
        if low.startswith(fold(unit)) and not head[len(unit) : len(unit) + 1].isalpha():
            return unit
    m = re.match(r"([^\W\d_]+)(?:\s+([^\W\d_]+))?", head)
    if not m:
        return "đơn vị"
    return m.group() if fold(m.group(1)) in _vocab().scales and m.group(2) else m.group(1)


def _known_set(ct: ClausedText, start: int, end: int) -> bool:
    """A plain count whose number and noun the document has already used after another word ('hoàn thành 02 công
    trình dự án' after 'báo cáo tiến độ triển khai thực hiện 02 công trình dự án') names the set the text is about,
    'the two projects', not a figure to reach; a conclusion notice or report refers to its subject this way again
    and again. A goal restated word for word ('đạt 1.700 ha' in the body and in an annex) stays a target."""
    noun = re.match(r"\s*([^\W\d_]+(?:[ \t]+[^\W\d_]+)?)", ct.folded[end : end + 40])
    if not noun:
        return False
    phrase = re.escape(ct.folded[start:end].strip()) + r"\s+" + r"\s+".join(map(re.escape, noun.group(1).split()))
    earlier = (m.start() for m in re.finditer(rf"(?<![\w.,]){phrase}(?!\w)", ct.folded[:start]))
    return any(_word_before(ct.folded, at) != _word_before(ct.folded, start) for at in earlier)


def _word_before(folded: str, at: int) -> str:
    """The word right before offset ``at`` (within 40 characters), or '': what ``_known_set`` tells two uses by."""
    words = re.findall(r"\w+", folded[max(0, at - 40) : at])
    return words[-1] if words else ""


def _reports_past(folded: str, raw: str, at: int, goal_bound: bool) -> bool:
    """A figure after a past marker reports a result ('đã đạt 92%', '(năm 2024 ước đạt 59,8%)'); a
    closed bracketed remark on the past before it does not make the clause's own figure past. In a goal-bound
    clause a share ('Kinh tế số chiếm 45% GRDP' under 'Phát triển kinh tế số đến năm 2030') is the level to reach."""
    v = _vocab()
    before = without_past_asides(folded[:at], raw[:at])
    since = _striven_since(before)
    markers = (m.group() for m in _past_markers(before[since:], raw[since:at]))
    return any(not (goal_bound and marker in v.goal_shares) for marker in markers)


def _striven_since(folded: str) -> int:
    """Where the clause turns to what it strives for: the comma or ';' before its last 'phấn đấu' ('Từ đầu năm đến
    nay, tỷ lệ giải ngân đạt 60%, phấn đấu đến hết năm 2025 giải ngân đạt 100%'), so that a past marker before it
    reports the earlier figures only; 0 when none ('đã phấn đấu đạt 95%' stays a result)."""
    strivings = list(_vocab().strivings.finditer(folded))
    if not strivings:
        return 0
    return max(folded.rfind(",", 0, strivings[-1].start()), folded.rfind(";", 0, strivings[-1].start()), 0)


def _past_markers(folded: str, raw: str | None = None) -> list[re.Match]:
    """The past markers of a text, 'đã' read with its tone mark on the ``raw`` text (same offsets) when given:
    folded it is the 'đa' of 'tối đa 20%', 'hộ nghèo đa chiều', 'đa dạng hóa'."""
    v = _vocab()
    exact = v.past_exact.finditer(raw.lower()) if raw is not None else v.past_exact_folded.finditer(folded)
    return [*v.past.finditer(folded), *exact]


def _no_commitment(ct: ClausedText, clause: Clause, fig: _Figure, start: int, end: int) -> bool:
    """True when the figure at ``start:end`` (clause offsets) stands in no commitment: a topic, a sentence
    that defines, forbids, sets a case, gives the background or permits, a rule's share or an estimate right
    before it, a goal it only contributes to; or, unless a change or an upper bound limits it, a sentence or counted
    noun phrase saying what befell something (a floor on a damage is no goal, a cap on it is)."""
    v = _vocab()
    if _is_topic(ct, clause, start):
        return True
    at = clause.start + start
    since = max(clause.sentence_start, ct.work.rfind(";", 0, at) + 1)  # a ';' ends the predicate before it
    folded, raw = ct.folded[since:at], ct.work[since:at].lower()
    (folded_words, exact_words), (folded_ratio, exact_ratio) = v.not_commitments, v.ratio_words
    if any(
        p.search(t) for p, t in ((folded_words, folded), (exact_words, raw), (folded_ratio, folded), (exact_ratio, raw))
    ):
        return True
    if v.contribution.search(folded):
        return True  # 'góp phần đạt mục tiêu tăng trưởng kinh tế từ 8,3 - 8,5% của cả nước': not this document's own
    if v.entitlements.search(v.comparator_tail.sub("", folded)) or v.rule_rates.match(ct.folded[clause.start + end :]):
        return True  # 'mỗi năm được cộng thêm 800.000 đồng', 'Giảm 90% tiền sử dụng đất cho các đối tượng'
    rest = ct.work[clause.start + end :]
    if _per_head_payment(rest, fig.unit) or _condition(rest) or _cost_share(folded, ct.folded[clause.start + end :]):
        return True
    if fig.change is not None or fig.comparator in ("<", "<="):
        return False  # 'nếu có giảm ít nhất 50% so với năm trước': a change is the goal whatever the case
    sentence_rest = _SENTENCE_REST.match(ct.work[clause.start + end : clause.start + end + 400])
    if v.condition_openers.search(raw) or (sentence_rest and v.condition_openers.search(sentence_rest.group().lower())):
        return True  # 'nếu khoảng cách di chuyển từ 50 km trở lên', 'Hỗ trợ 6.000.000 đồng nếu …'
    befell = list(v.states.finditer(raw))
    if befell and not v.after_stop.search(raw[befell[-1].end() :]):
        return True  # 'bị suy giảm khả năng lao động từ 81%'
    rest = ct.work[clause.start + end : clause.end].lower()
    return bool(v.states.search(rest)) and not v.after_stop.search(rest)  # '80.000 ha lúa bị thiệt hại'


_SENTENCE_REST = re.compile(r".*?(?:[.;!?](?=\s|$)|\n\s*\n|$)", re.DOTALL)


def _condition(rest: str) -> bool:
    """'Người dự tuyển trả lời đúng từ 50% số câu hỏi trở lên thì được tham dự vòng 2': a figure before 'thì' in
    its sentence states the condition of a rule, not a level to reach."""
    m = _SENTENCE_REST.match(rest[:400])
    return m is not None and _vocab().consequence.search(m.group().lower()) is not None


def _cost_share(folded_before: str, folded_after: str) -> bool:
    """'Ngân sách thành phố hỗ trợ 50%, ngân sách xã …', 'hỗ trợ 100% chi phí chuyển trả kết quả', 'ngân sách xã/phường
    hỗ trợ 40% và các nguồn xã hội hoá khác là 10%': the share of a cost a budget or a policy pays is a rule's rate;
    'hỗ trợ 100% hộ nghèo' counts the supported and may be a goal."""
    v = _vocab()
    bare = v.comparator_tail.sub("", folded_before)
    if not v.funding_verbs.search(bare) and not v.payer_is.search(bare):
        return False
    after = folded_after
    return (
        any(p.match(after) is not None for p in (v.costs, v.next_payer))
        or re.match(r"\s*(?:[.;,]|$)", after) is not None
    )


def _per_head_payment(rest: str, unit: str) -> bool:
    """'Hỗ trợ 3.600.000 đồng/hộ': a sum of money per head or per case is a rule's rate, not a sum to reach."""
    return fold(unit).endswith("dong") and rest.lstrip()[len(unit) :].lstrip().startswith("/")


def _committed(
    ct: ClausedText,
    clause: Clause,
    target: Target,
    goal_bound: bool,
    at: int,
    end: int,
    lead_in: Clause | None,
    kind: str | None = None,
) -> bool:
    """True when a figure is set as a goal: a goal section or a criteria table, a year to reach it by, a recurrence
    (in a rule-making document only with a change), a change, a goal word before it in its sentence, an indicator
    bounded by a comparator ('tỷ lệ tái nghiện không quá 20%'), a task verb right before it ('tổ chức ít nhất 02
    đợt'), or a percent that opens the subject of a passive or modal verb ('100% hồ sơ được giải quyết đúng hạn');
    else it is a rule's norm or a condition ('mức thu không quá 6.000.000 đồng', 'bố trí từ 15 biên chế công chức
    trở lên')."""
    v = _vocab()
    if goal_bound or clause.criterion is not None or target.year:
        return True
    since = max(clause.sentence_start, ct.work.rfind(";", 0, at) + 1)
    if kind in v.rule_kinds and not v.goal_headings.search(ct.folded[since : max(at, clause.start)]):
        # a rule's periodic figure is a norm ('không được vượt quá 5% tổng số thu hằng năm', 'phụ cấp hằng tháng
        # … không thấp hơn 1.170.000 đồng'); one that changes something each period is a goal ('giảm 1,5% mỗi năm')
        return target.change is not None and target.recurrence is not None
    if target.change or target.recurrence:
        return True
    if lead_in is not None and v.condition_lead_ins.search(ct.folded[lead_in.start : lead_in.end]):
        return False  # 'Tiêu chí phân định xã theo trình độ phát triển:' / '+ Tỷ lệ hộ … dưới 95%'
    lead, raw = ct.folded[since : max(at, clause.start)], ct.work[since : max(at, clause.start)].lower()
    folded_words, exact_words = v.goal_words
    if folded_words.search(lead) or exact_words.search(raw):
        return True
    if v.strivings.search(ct.folded[clause.sentence_start : since]):
        return True  # 'Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ; tỷ số … dưới 109 …': it reaches the later items
    if target.unit == "%" and target.comparator != "=" and v.indicators.search(lead):
        return True  # 'tỷ lệ tái nghiện không quá 20%'
    bare = raw[: len(v.comparator_tail.sub("", lead))]  # same length: the fold keeps offsets
    if v.exact_cues.search(bare):
        return True
    verb = v.subject_verbs.match(ct.folded[end : clause.end])
    return target.unit == "%" and verb is not None


def _restated(ct: ClausedText, clause: Clause, fig: _Figure, emitted: list[_Figure]) -> bool:
    """True when a figure restates a goal the document set before: the same number of the same noun, already a
    target, after 'mục tiêu' in its sentence ('góp phần hoàn thành mục tiêu 3.000 km đường bộ cao tốc'), or the
    same figure after the same words ('phấn đấu tăng trưởng kinh tế cả năm 2025 đạt trên 8%' in the lead-in and
    again in an item). A criterion printed twice is counted twice (CONVENTIONS)."""
    if clause.criterion is not None:
        return False
    same = [e for e in emitted if e.value == fig.value and fold(e.unit) == fold(fig.unit)]
    if not same:
        return False
    if fig.unit != "%" and _vocab().restatement.search(ct.folded[clause.sentence_start : fig.start]):
        return True
    return any(_wording(ct, e) == _wording(ct, fig) for e in same)


def _wording(ct: ClausedText, fig: _Figure) -> tuple[list[str], list[str]]:
    """The words around a figure, to tell one printed again in the same words ('Tại địa bàn đô thị: 100% trẻ …'
    and '… 100% cán bộ …' are two)."""
    before = re.findall(r"\w+", ct.folded[max(0, fig.start - 120) : fig.start])[-6:]
    after = re.split(r"[.;|\t\n]", ct.folded[fig.end : fig.end + 60], maxsplit=1)[0]  # its sentence or cell only
    return before, re.findall(r"\w+", after)[:3]


def _is_topic(ct: ClausedText, clause: Clause, start: int) -> bool:
    """'2. Về việc hỗ trợ 20 xe ô tô chuyên dùng: Tỉnh căn cứ …': a figure in the topic a reply opens with
    names the request answered, not a level to reach. The topic runs to its colon in the clause, over a line the
    reader kept apart ('3. Về bố trí các nguồn lực … tỉnh Điện Biên' / '(đảm bảo tỷ lệ phòng học … đạt 100%): Giao
    Bộ …', VPCP 648/TB-VPCP printed at 100-200 dpi); with no colon, to the end of its line."""
    line = ct.folded[clause.line.start : clause.line.end]
    opening = re.match(rf"{_OUTLINE_LEAD}ve\s", line)
    colon = ct.folded.find(":", clause.line.start, max(clause.end, clause.line.end))
    return opening is not None and clause.start + start < (colon if colon >= 0 else clause.line.end)


def _figures(ct: ClausedText, clause: Clause, goal_bound: bool = False) -> list[_Figure]:
    """The target figures of one clause, left to right; in a ``goal_bound`` clause a count needs
    no cue, the noun it counts is enough ('Đón 7,2 triệu lượt khách')."""
    v = _vocab()
    raw = _ONE_AS_LETTER.sub("1", ct.work[clause.start : clause.end])
    if not _DIGIT.search(raw):
        return []
    percents, counts = list(PERCENT.finditer(raw)), list(COUNT.finditer(raw))
    context = raw if clause.criterion is None else _row_text(ct, clause)
    if _names_the_indicator(ct, clause):
        return []
    if (not percents and not counts) or len(_WORDS.findall(context)) < 2:
        return []  # a bare figure is a table cell, not a commitment
    folded = ct.folded[clause.start : clause.end]
    masked = _masked(raw)

    def free(s: int, e: int) -> bool:
        """True when the span overlaps none of the clause's dates, document numbers and other digits that are no
        figure."""
        return not any(ms < e and s < me for ms, me in masked)

    out: list[_Figure] = []
    taken: list[tuple[int, int]] = []
    for m in percents:
        if (
            not free(*m.span())
            or _reports_past(folded, raw, m.start(), goal_bound)
            or v.specification.search(folded[: m.start()])
        ):
            continue
        if not goal_bound and v.past_after.match(folded[m.end() :]) and not v.strivings.search(folded[: m.start()]):
            continue
        value, value_max = parse_number(m.group(1)), parse_number(m.group(2)) if m.group(2) else None
        if value is None or (m.group(2) and value_max is None):
            continue  # digits that are no figure ('1.2.2')
        if m.group(1) == _HUNDRED_WITHOUT_ONE and not m.group(2):
            value = 100.0
        fig = _Figure(clause.start + m.start(), clause.start + m.end(), value, value_max, "%")
        _read_prefix(fig, folded[: m.start()], raw[: m.start()])
        fig.change = fig.change or next((c for p, c in v.implied_changes if p.search(folded[: m.start()])), None)
        of = COUNT_OF.match(raw[m.end() :])
        after_start = m.end() + (of.end() if of else 0)
        if of:
            fig.count, fig.of = int(of.group(1)), int(of.group(2))
            fig.end = clause.start + after_start
        share = _SHARE_BEFORE.search(raw[: m.start()]) if not of and raw[m.end() :].lstrip().startswith(")") else None
        if share and int(share.group(1)) <= int(share.group(2)):
            fig.count, fig.of = int(share.group(1)), int(share.group(2))
            _read_prefix(fig, folded[: share.start()], raw[: share.start()])
            fig.start = clause.start + share.start()
            after_start = m.end() + raw[m.end() :].index(")") + 1
            taken.append((share.start(), m.start()))
        _read_suffix(fig, folded[after_start:], raw[after_start:])
        taken.append((m.start(), after_start))
        if not _no_commitment(ct, clause, fig, m.start(), after_start):
            out.append(fig)
    previous: _Figure | None = None
    for m in counts:
        if (
            not free(*m.span())
            or any(s <= m.start() < e for s, e in taken)
            or _reports_past(folded, raw, m.start(), goal_bound)
        ):
            continue
        after = folded[m.end() :]
        lead = folded[: m.start()]
        if v.not_after.match(after) or v.not_before.search(lead) or v.specification.search(lead):
            continue
        value, value_max = parse_number(m.group(1)), parse_number(m.group(2)) if m.group(2) else None
        if value is None or (m.group(2) and value_max is None):
            continue  # digits that are no figure ('1.2.2')
        fig = _Figure(clause.start + m.start(), clause.start + m.end(), value, value_max, _unit(raw[m.end() :]))
        if _footnote(ct, clause.start + m.start(), fig.unit) or not _counts_a_noun(fig.unit, glued=not m.group(4)):
            continue
        if m.group(3):
            fig.count, fig.of = int(fig.value), int(m.group(3))
        marked = _read_prefix(fig, lead, raw[: m.start()])
        between = ct.folded[previous.end : fig.start] if previous else ""
        joined = previous is not None and len(between) < 80 and re.search(r"(?:,|\bva)\s*$", between) is not None
        if joined and not marked and previous is not None:
            fig.comparator, fig.change = previous.comparator, previous.change
        _read_suffix(fig, after, raw[m.end() :])
        scheduled = _SCHEDULE_LEAD.search(lead) is not None
        cued = v.cues.search(v.range_openers.sub("", lead)) or v.beneficiary_cue.search(raw[: m.start()].lower())
        # a goal's counted noun is enough; '2 buổi/ngày' is a rate that qualifies, not a count
        counted = goal_bound and fig.unit != "đơn vị" and not raw[m.end() :].lstrip()[len(fig.unit) :].startswith("/")
        if not (marked or joined or scheduled or fig.comparator != "=" or cued or counted):
            continue
        if fig.count is not None and fig.of is not None and fig.count > fig.of:
            continue  # '30/4' is a day, not a share
        if _no_commitment(ct, clause, fig, m.start(), m.end()) or _ENUMERATES.match(raw[m.end() :]):
            continue
        if any(_qualifies(ct, share, fig) for share in out):
            continue
        if fig.comparator == "=" and fig.change is None and fig.of is None and _known_set(ct, fig.start, fig.end):
            continue
        fig.end = clause.start + m.end() + len(fig.unit) + 1
        out.append(fig)
        previous = fig
    return sorted(out, key=lambda f: f.start)


_QUALIFIER_GAP = re.compile(r"[^,;:()]*")


def _qualifies(ct: ClausedText, share: _Figure, fig: _Figure) -> bool:
    """True when a count stands in the noun phrase a percent before it counts ('70% phụ nữ mang thai được tầm soát
    ít nhất 4 loại bệnh', 'Tỉ lệ cơ quan … sử dụng ít nhất 01 ứng dụng AI … đạt 100%'): it says which things
    the share is of, it is no level of its own."""
    if share.unit != "%" or share.end > fig.start:
        return False
    between = ct.folded[share.end : fig.start]
    return _QUALIFIER_GAP.fullmatch(between) is not None and _vocab().qualifier_break.search(between) is None


_ITEM_MARKER = re.compile(r"^(?:[-–—+•*]|[a-zđ]\)?)$")


def list_lead_in(ct: ClausedText, clause: Clause, current: Clause | None) -> Clause | None:
    """The clause that introduces the list ``clause`` belongs to ('Phấn đấu đến hết năm 2025 đạt
    các chỉ tiêu sau:'), given the one before: a clause ending in ':' opens a list, its bullet and
    lettered items keep it, any other line closes it."""
    if ct.work[clause.start : clause.end].rstrip().endswith(":"):
        return clause
    if current is None or clause.line.start <= current.end:
        return current
    marker, section, parent = clause.line.marker or "", clause.line.section or "", current.line.section
    below = bool(parent and section.startswith(parent + "."))
    return current if (marker and _ITEM_MARKER.match(marker)) or below else None


def _row_span(ct: ClausedText, clause: Clause) -> tuple[int, int] | None:
    """Where the table row a cell clause stands in runs: a pipe goal table's row as the table reader read it, a TAB
    row's line; None outside tables."""
    if clause.row_span is not None:
        return clause.row_span
    line = clause.line
    return (line.start, line.end) if "\t" in ct.work[line.start : line.end] else None


def _row_text(ct: ClausedText, clause: Clause) -> str:
    """The whole table row a cell clause stands in, or the clause itself outside tables."""
    span = _row_span(ct, clause)
    return ct.work[span[0] : span[1]] if span else ct.work[clause.start : clause.end]


def _names_the_indicator(ct: ClausedText, clause: Clause) -> bool:
    """True for a cell of a goal-table row whose level stands in a cell of its own ('| 4 | Tỉ lệ cơ quan, tổ chức sử
    dụng ít nhất 01 ứng dụng AI … | % | 100% | Bộ Khoa học và Công nghệ |'): a figure in the indicator's name
    says what is measured, the value cell is the target."""
    span = _row_span(ct, clause) if clause.criterion is not None else None
    if span is None or _VALUE_CELL.fullmatch(ct.work[clause.start : clause.end].strip(" |\t\n")):
        return False
    cells = [c.strip() for c in re.split(r"[|\t]", ct.work[span[0] : span[1]]) if c.strip()]
    return any(_VALUE_CELL.fullmatch(c) and not _YEAR_CELL.fullmatch(c) for c in cells[1:])  # past the row's number


def recurrence_of(ct: ClausedText, clause: Clause, *heads: Clause | None) -> Recurrence | None:
    """'hằng năm' / 'so với năm trước' in the clause, or a 'Hàng năm, …' opening its sentence or
    its criteria-table row (with its comma: without one it modifies only its own verb,
    'Hằng năm kéo giảm …')."""
    folded = ct.folded[clause.start : clause.end]
    if clause.criterion is not None and "\t" in ct.work[clause.line.start : clause.line.end]:
        folded = ct.folded[clause.line.start : clause.line.end]  # a table row: cues from every cell
    for pattern, rec in _vocab().recurrence:
        if pattern.search(folded):
            return rec
    for opening in heads:
        if opening is None or opening is clause:
            continue
        head = ct.folded[opening.start : opening.end].lstrip(" -+•(\t\n")
        for pattern, rec in _vocab().recurrence:
            m = pattern.match(head)
            if m and head[m.end() :].lstrip().startswith(","):
                return rec
    return None


def _opening_year(ct: ClausedText, clause: Clause, issue_year: int | None) -> TimeMention | None:
    """A year that opens the clause ('Đến năm 2025, …', '- Năm 2024: …')."""
    folded = ct.folded[clause.start : clause.end]
    for mention in time_grammar.years(folded, issue_year):
        if time_grammar.opens_clause(folded[: mention.start]):
            return mention
    return None


def _reach_by(ct: ClausedText, head: Clause | None, issue_year: int | None) -> bool:
    """A sentence that opens with a year to reach ('Đến năm 2027, toàn tỉnh có 50 xã đạt chuẩn …', 'Phấn đấu đến
    hết năm 2026 …'): its counts are goals, as under a goal heading; a year of action ('Năm 2026, lấy 240 mẫu
    nước') schedules work, whose quantities are no goals."""
    opening = _opening_year(ct, head, issue_year) if head is not None else None
    return opening is not None and opening.relation == "by"


def _period_end(ct: ClausedText, clause: Clause, issue_year: int | None = None) -> int | None:
    """'Trong giai đoạn 2026 - 2030, Đảm bảo … đạt 100%': the last year of the period the clause's sentence opens
    with, by which its targets are reached (the time grammar reads such a period as a horizon, no due)."""
    folded = ct.folded[clause.sentence_start : clause.end]
    for mention in time_grammar.mentions(folded):
        if mention.kind in time_grammar.YEAR_KINDS and _vocab().period_opening.match(folded[: mention.start]):
            return mention.year if mention.year and (not issue_year or mention.year >= issue_year) else None
    return None


def _dated_year(folded: str, issue_year: int | None) -> int | None:
    """The year of the first month, quarter or due day of a text: 'trong quý II/2024', 'trước ngày 30/11/2025';
    none before the document's year ('được công nhận từ trước ngày 31 tháng 12 năm 1993' in a text of 2012)."""
    years = (m.year for m in time_grammar.dated(folded) if m.year is not None)
    return next((y for y in years if not issue_year or y >= issue_year), None)


def heading_year(heading: str | None, issue_year: int | None) -> int | None:
    """'2. Mục tiêu cụ thể đến năm 2025': the year a heading sets for the items below it."""
    if not heading:
        return None
    folded = fold_in_place(heading)
    mentions = time_grammar.years(folded, issue_year, planned=True)
    if mentions:
        return mentions[-1].year
    if not _vocab().vision_headings.match(folded):
        return None
    # 'c) Tầm nhìn đến năm 2035' heads the targets to reach by then: a horizon for tasks, their year for targets
    horizons = [
        m.year for m in time_grammar.mentions(folded) if m.use == "horizon" and m.kind in time_grammar.YEAR_KINDS
    ]
    return horizons[-1] if horizons and (not issue_year or (horizons[-1] or 0) >= issue_year) else None


def _year(
    ct: ClausedText,
    clause: Clause,
    fig: _Figure,
    sentence_head: Clause | None,
    issue_year: int | None,
    lead_in: Clause | None = None,
    enclosing: tuple[str, ...] = (),
) -> int | None:
    """The year a figure is to be reached by, nearest source first: a year of its clause (the last before the figure,
    else the first after it; not one in a bracketed remark on the past), a dated day, month or quarter of the
    clause, the time cell of its TAB row, the year opening its sentence, the end of the period its sentence opens
    with, a year of the list's lead-in, then the headings over it (its own, ``enclosing``, its part, its table's
    caption); None when nothing dates it."""
    folded, raw = ct.folded[clause.start : clause.end], ct.work[clause.start : clause.end]
    mentions = [
        m for m in time_grammar.years(folded, issue_year, planned=True) if not in_past_aside(folded, m.start, raw)
    ]
    offset = fig.start - clause.start
    before = [m for m in mentions if m.start < offset]
    if before:
        return before[-1].year
    if mentions:
        return mentions[0].year
    within = _dated_year(folded, issue_year)
    if within:
        return within
    row = ct.folded[clause.line.start : clause.line.end]
    if "\t" in row:  # a task table: the row's time cell
        dated = _dated_year(row, issue_year)
        if dated:
            return dated
        mentions = time_grammar.years(row, issue_year)
        if mentions:
            return mentions[0].year
    if sentence_head is not None and sentence_head is not clause:
        opening = _opening_year(ct, sentence_head, issue_year)
        if opening:
            return opening.year
    period_end = _period_end(ct, clause, issue_year)
    if period_end:
        return period_end
    if lead_in is not None:
        lead, lead_raw = ct.folded[lead_in.start : lead_in.end], ct.work[lead_in.start : lead_in.end]
        years = [
            m.year
            for m in time_grammar.years(lead, issue_year, planned=True)
            if not in_past_aside(lead, m.start, lead_raw)
        ]
        if years:
            return years[0]
    for heading in (clause.line.heading, *enclosing, clause.part, clause.caption):
        if heading and heading != clause.line.text:
            year = heading_year(heading, issue_year) or goal_period_end(heading, issue_year)
            if year:
                return year
    return None


def goal_period_end(heading: str | None, issue_year: int | None = None) -> int | None:
    """'2. Mục tiêu cụ thể giai đoạn 2026 - 2030': the last year of the period a goal heading sets its goals for,
    by which they are reached (notes-adjud6 class 7: the target's own sentence or heading prints the period); also a
    heading that is the period ('b) Giai đoạn 2026 - 2030'). Only a heading that opens with these words: 'Thực hiện
    Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025' names a programme."""
    if not heading:
        return None
    folded = fold_in_place(heading)
    if not _vocab().goal_period_headings.match(folded):
        return None
    ends = [
        m.year
        for m in time_grammar.mentions(folded)
        if m.kind in time_grammar.YEAR_KINDS
        and m.use in ("horizon", "period")
        and _YEAR_RANGE.search(folded[m.start : m.end])
    ]
    return ends[-1] if ends and ends[-1] and (not issue_year or ends[-1] >= issue_year) else None


def period_year(ct: ClausedText, clause: Clause, year: int, above: tuple[str, ...] = ()) -> bool:
    """True when a target's year is the end of the period its sentence opens with ('Trong giai đoạn 2026 - 2030
    phấn đấu …') or its goal heading sets ('2. Mục tiêu cụ thể giai đoạn 2026 - 2030', the line's own heading, the
    sections ``above``, its part): the year it is reached by, but a planning horizon, so no deadline (CONVENTIONS)."""
    headings = (clause.line.heading, *above, clause.part, clause.caption)
    return _period_end(ct, clause) == year or any(goal_period_end(h) == year for h in headings)


def vision_year(clause: Clause, year: int, above: tuple[str, ...] = ()) -> bool:
    """True when a target's year is that of a vision heading over it ('c) Tầm nhìn đến năm 2035', the line's own
    heading or one of the sections ``above``): the year it is reached by, but a horizon, so no deadline (notes-L)."""
    v = _vocab()
    return any(v.vision_headings.match(fold(h)) and str(year) in h for h in (clause.line.heading or "", *above))


def section_headings(seg: SegmentedDocument) -> dict[str, Line]:
    """Outline path → the line that opens that section ('Điều 1.2' → '2. Mục tiêu đến năm 2025'),
    so an item can read the headings it sits under."""
    out: dict[str, Line] = {}
    for line in seg.lines:
        if line.marker and line.section:
            out.setdefault(line.section, line)
    return out


def enclosing_headings(line: Line, headings: dict[str, Line]) -> list[Line]:
    """The heading lines of the sections above a line, nearest first ('a) Hình thành …' under '2. Mục tiêu đến
    năm 2025'); ``headings`` from ``section_headings``. Read by targets, deadlines and wards."""
    path = (line.section or "").split(".")
    return [headings[p] for k in range(len(path) - 1, 0, -1) if (p := ".".join(path[:k])) in headings]


def in_past_aside(folded: str, at: int, raw: str | None = None) -> bool:
    """True when offset ``at`` stands in a bracketed remark on the past ('(năm 2024 đã kéo giảm
    còn 7,4%)'): such a year is a reported result, not the year of the clause. ``raw``: the text of ``folded``
    with its tone marks, when the caller has it (``_past_markers``)."""
    opened = folded.rfind("(", 0, at)
    if opened < 0 or folded.rfind(")", opened, at) >= 0:
        return False
    closed = folded.find(")", at)
    end = closed if closed >= 0 else len(folded)
    return bool(_past_markers(folded[opened:end], raw[opened:end] if raw is not None else None))


def without_past_asides(folded: str, raw: str | None = None) -> str:
    """The text with its bracketed remarks on the past blanked (same length); ``raw`` as for ``in_past_aside``."""
    return re.sub(
        r"\([^()]*\)",
        lambda m: (
            " " * len(m.group())
            if _past_markers(m.group(), raw[m.start() : m.end()] if raw is not None else None)
            else m.group()
        ),
        folded,
    )


def _in_past(
    ct: ClausedText, clause: Clause, head: Clause | None, fig: _Figure, issue_year: int | None, issued_on: str | None
) -> bool:
    """'Năm 2023, tỷ lệ … đạt 92,3%' in a 2024 plan reports a result, it sets no target; so does a figure after a
    day before the document's ('đến ngày 23/9/2013 mới có 29 tỉnh' in a letter of 23/10/2013)."""
    if not issue_year:
        return False
    days = [m.due for m in time_grammar.dated(ct.folded[clause.start : fig.start]) if m.kind == "day" and m.year]
    if issued_on and days and days[-1] < issued_on:
        return True
    own = time_grammar.years(ct.folded[clause.start : fig.start])
    if own:
        return (own[-1].year or issue_year) < issue_year
    if head is None or head is clause:
        return False
    return any((m.year or issue_year) < issue_year for m in time_grammar.years(ct.folded[head.start : head.end]))


def _subject(ct: ClausedText, clause: Clause, fig: _Figure, next_start: int) -> str:
    """The noun phrase measured: what follows the figure up to the next one, or what precedes it
    ('tỷ lệ … đạt 80%')."""
    after = ct.text(fig.end if fig.unit == "%" else fig.end - len(fig.unit) - 1, next_start)
    after = re.sub(r"^(?:trở lên|trở xuống|/\s*năm)\s*", "", after).strip(" ,.;:)")
    after = re.sub(r"[\s,;]*(?:và|trong đó)?[\s,;]*$", "", after)
    span = _row_span(ct, clause)
    if clause.criterion is not None and span is not None and len(after) < 4:
        cells = [c.strip() for c in re.split(r"[|\t]", ct.work[span[0] : clause.start]) if c.strip()]
        named = [c for c in cells if not _ROW_LABEL.fullmatch(c) and _WORDS.search(c)]
        after = _BASELINE_TAIL.sub("", " ".join(" ".join(named).split()))
    if len(after) < 4 or not after[:1].isalpha() or _vocab().subject_not_after.match(fold(after)):
        lead = ct.text(clause.start, fig.start)
        lead = re.split(r"[,:;]\s*(?=[^,:;]*$)", lead)[-1]
        after = _LEAD_OPENING.sub("", _vocab().trailers.sub("", lead)).strip(" ,.;:-")
    after = re.sub(r"^[-+•\s]*(?:(?:[\dIVXL]+|[a-zđ])[.)]\s*)*", "", after)
    return (after[:1].upper() + after[1:])[:200] if after else "(không rõ)"


def rule_kind(meta: DocumentMeta | None) -> str | None:
    """The document's kind as the target rules read it, or None for a decision or resolution that adopts a plan,
    programme, scheme or strategy ('Về việc ban hành Kế hoạch chuyển đổi số …', 'Phê duyệt Đề án …'): its text is
    that plan's, whose figures are goals as in a plan issued on its own, not a rule's norms."""
    if meta is None or (meta.subject and _vocab().adopts_plan.match(fold(meta.subject).strip())):
        return None
    return meta.kind


def issue_year(meta: DocumentMeta | None) -> int | None:
    """The document's own year: figures and years before it are reported results."""
    if meta and meta.issued_on and meta.issued_on[:4].isdigit():
        return int(meta.issued_on[:4])
    return None


def scope(meta: DocumentMeta | None) -> str | None:
    """The unit that must reach the target: the document's locality, else its province."""
    j = meta.jurisdiction if meta else None
    return (j.locality or j.province) if j else None


def evidence_span(seg: SegmentedDocument, ct: ClausedText, clause: Clause, at: int) -> tuple[int, int]:
    """The clause, cut to the line that holds offset ``at``, so the quote is one line of the source."""
    line = seg.line_at(at)
    start, end = clause.start, clause.end
    if line is not None:
        start, end = max(start, line.start), min(end, line.end)
    text = ct.work[start:end]
    lead = len(text) - len(text.lstrip(" \t-+•|"))
    return start + lead, end - (len(text) - len(text.rstrip(" \t;,|")))


def _due_within(folded: str) -> bool:
    """A clause with its own due day or month, written in figures after a deadline word ('trước ngày
    15/7/2025', 'trong tháng 10/2024'): the schedule line of a plan, whose counts are targets. A long date
    ('trước ngày 30 tháng 11 năm 2025') is the style of letters, whose numbers name things ('Ban Chỉ đạo 389')."""
    words = _vocab().due_words
    return any(m.word in words and "/" in folded[m.start : m.end] for m in time_grammar.dated(folded))


def reports(ct: ClausedText, clause: Clause) -> bool:
    """True when a clause under a report heading reports a result: not when it strives for a level still to
    reach before the period ends ('Chi đầu tư … phấn đấu đạt 100% kế hoạch' under 'Tình hình thực hiện … năm
    2025')."""
    return clause.in_report and _vocab().strivings.search(ct.folded[clause.start : clause.end]) is None


def background_end(seg: SegmentedDocument, ct: ClausedText, meta: DocumentMeta | None) -> int:
    """Where a directing document's background ends: the start of its turn, the sentence that ends the first
    paragraph ending ':' with a directing word ('…, Chủ tịch UBND tỉnh yêu cầu …:', '…, Thủ tướng Chính phủ yêu
    cầu:', '… kết luận như sau:'); 0 when the kind does not direct or a numbered item comes first. The sentence, not
    the paragraph, because a scan's reading may join the title and the background to the turn (UBND Quảng Ngãi
    660/TB-UBND). What stands before the turn — the situation, the results so far ('Theo số liệu thống kê, … đạt
    95%'), the shortcomings — reports, it sets no goal."""
    v = _vocab()
    if meta is None or meta.kind not in v.directing_kinds:
        return 0
    start = body.document_span(seg)[0]  # a web page's summary above the letterhead is no part of it
    for paragraph in seg.paragraphs():
        if paragraph.start < start:
            continue
        if paragraph.marker and paragraph.marker not in _BULLETS:
            return 0
        folded = ct.folded[paragraph.start : paragraph.end]
        turns = list(v.turn.finditer(folded))
        if not turns or not folded.rstrip(" *_\n").endswith(":"):
            continue
        at = paragraph.start + turns[-1].start()
        # the turn sentence opens after the paragraph's last full stop, not at a line the clauses start a piece at
        sentence = max(
            (
                c.start
                for c in ct.clauses
                if paragraph.start < c.start <= at
                and c.start == c.sentence_start
                and ct.work[max(0, c.start - 40) : c.start].rstrip().endswith((".", "!", "?", "…"))
            ),
            default=paragraph.start,
        )
        if not _GROUNDS.match(ct.folded[sentence:at].lstrip(" *_-")):
            return sentence
    return 0


def goal_heading(text: str) -> bool:
    """True when a heading or lead-in sets goals ('2. Mục tiêu cụ thể đến năm 2030', 'Các chỉ tiêu chủ yếu')."""
    return _vocab().goal_headings.search(fold(text)) is not None


def _goal_bound(ct: ClausedText, clause: Clause, lead_in: Clause | None, above: list[str]) -> bool:
    """A clause that must reach its counts: an item under a goal heading or lead-in ('Mục tiêu
    đến năm 2025', 'Các chỉ tiêu chủ yếu năm 2025'), or one with its own due day or month."""
    if _due_within(ct.folded[clause.start : clause.end]):
        return True
    own = ct.work[clause.line.start : clause.line.end].strip()
    texts = [ct.work[lead_in.start : lead_in.end]] if lead_in is not None and lead_in is not clause else []
    texts += [t for t in (clause.line.heading, *above, clause.part, clause.caption) if t and t.strip() != own]
    return any(goal_heading(t) for t in texts)


def find(
    seg: SegmentedDocument, meta: DocumentMeta | None, ct: ClausedText | None = None
) -> list[tuple[Clause, Target]]:
    """Every target with the clause it was read from (deadlines reuse the pairing)."""
    ct = ct or claused(seg)
    year0 = issue_year(meta)
    out: list[tuple[Clause, Target]] = []
    head: Clause | None = None
    row_heads: dict[int, Clause] = {}  # criterion → the first clause of its row
    subject = ""
    lead_in: Clause | None = None
    headings = section_headings(seg)
    emitted: list[_Figure] = []
    background = background_end(seg, ct, meta)
    for clause in ct.clauses:
        if clause.start == clause.sentence_start:
            head = clause
        lead_in = list_lead_in(ct, clause, lead_in)
        if clause.criterion is not None:
            row_heads.setdefault(clause.criterion, clause)
        if clause.numeric_row or reports(ct, clause) or clause.in_procedure or clause.start < background:
            continue
        above = enclosing_headings(clause.line, headings)
        goal_bound = _goal_bound(ct, clause, lead_in, [h.text for h in above]) or _reach_by(ct, head, year0)
        figures = [
            f
            for f in _figures(ct, clause, goal_bound)
            if not _in_past(ct, clause, head, f, year0, meta.issued_on if meta else None)
        ]
        for k, fig in enumerate(figures):
            next_start = figures[k + 1].start if k + 1 < len(figures) else clause.end
            own = _subject(ct, clause, fig, next_start)
            start, end = evidence_span(seg, ct, clause, fig.start)
            target = Target(
                subject=own,
                comparator=fig.comparator,
                change=fig.change,
                value=fig.value,
                value_max=fig.value_max,
                unit=fig.unit,
                count=fig.count,
                of=fig.of,
                year=_year(
                    ct,
                    clause,
                    fig,
                    head,
                    year0,
                    lead_in if lead_in is not clause else None,
                    tuple(h.text for h in above),
                ),
                recurrence=recurrence_of(
                    ct, clause, head, row_heads.get(clause.criterion) if clause.criterion is not None else None
                ),
                scope=scope(meta),
                criterion=clause.criterion,
                evidence=seg.evidence(start, end),
            )
            if not _committed(
                ct,
                clause,
                target,
                goal_bound,
                fig.start,
                fig.end,
                lead_in if lead_in is not clause else None,
                rule_kind(meta),
            ) or _restated(ct, clause, fig, emitted):
                continue
            emitted.append(fig)
            subject = subject if _BARE_SUBJECT.fullmatch(fold(own)) and subject else own
            out.append((clause, target.model_copy(update={"subject": subject})))
    return out


def extract(seg: SegmentedDocument, meta: DocumentMeta | None = None) -> list[Target]:
    """Every numeric target of the document, in reading order, with its evidence."""
    return [target for _, target in find(seg, meta)]
