"""Obligations: who must do what, read from the parts of a document that assign tasks.

Where tasks are assigned (CONVENTIONS.md, obligations):
- the assignment part ('IV. TỔ CHỨC THỰC HIỆN', 'PHÂN CÔNG NHIỆM VỤ'): each top item names one or more
  bodies ('5. Đài PT-TH Hà Nội, Báo Hà Nội mới'), then its tasks — the rest of the item line, or one
  task per bullet or paragraph under it. An item that names no body but has sub-items is opened;
- a list introduced by a directive ('… trân trọng đề nghị Ban Thường vụ các Tỉnh ủy những nội dung
  sau:'): numbered items that name no body of their own go to the addressee;
- a directive sentence outside a list ('UBND Thành phố yêu cầu các Sở, ban, ngành … căn cứ …; đồng
  thời, …'): each addressee gets each task of the sentence;
- a part of proposals or next tasks ('IV. ĐỀ XUẤT, KIẾN NGHỊ', 'II. NHIỆM VỤ TRONG THỜI GIAN TỚI') or a list
  of conclusions ('… kết luận như sau:'): numbered items that open with a body ('1. Đề nghị Bộ Nội vụ …',
  '6. UBND các xã bố trí quỹ đất …'); a topic item names its bodies mid-sentence ('1. Về tuyên truyền:
  Sở A chủ trì …, Sở B phối hợp …');
- a decision's article on who executes it ('Điều 3. Chánh Văn phòng …, Giám đốc các Sở: … chịu trách
  nhiệm thi hành Quyết định này');
- a task handed to a named body anywhere ('giao Công an tỉnh chủ trì …', 'Cơ quan thực hiện: Sở Y tế').
Closing formulas ('Trên đây là Kế hoạch …; yêu cầu …', '… quan tâm phối hợp thực hiện./.') and exhortations
to a whole class ('Các cấp ủy … xác định … là nhiệm vụ trọng tâm') assign nothing. One obligation per (body, task). The vocabulary is data (``data/obligations.json``); body names come
from the agency lexicon (extractors/agencies.py).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.agencies import AgencyMatch, parse_addressees
from extractors.common import DOC_NUMBER, find_dates, iso_date, load_json, phrase_alternation
from pipeline.text import fold, fold_in_place, outline
from pipeline.text.segment import Line, SegmentedDocument
from schemas.extraction import DocumentMeta, Obligation

_BULLET, _SUB_BULLET, _PARAGRAPH = 5, 6, 7
_HEADER_LINES = 5  # a 'Nơi nhận' this early is a misplaced footer cell, not the end of the body
_PARENTHESIS = re.compile(r"^\s*\([^)]{0,80}\)")


@dataclass(frozen=True)
class _Vocabulary:
    heading: re.Pattern[str]
    section: re.Pattern[str]
    list_intro: re.Pattern[str]
    closing: re.Pattern[str]
    generic_task: re.Pattern[str]
    exhortation: re.Pattern[str]
    execution: re.Pattern[str]
    directive: re.Pattern[str]
    directive_bare: re.Pattern[str]
    directive_to_reader: re.Pattern[str]
    item_prefix: re.Pattern[str]
    salutation: re.Pattern[str]
    explicit: re.Pattern[str]
    not_before_explicit: re.Pattern[str]
    role: re.Pattern[str]
    partners: re.Pattern[str]
    after_role: re.Pattern[str]
    connective: re.Pattern[str]
    split: re.Pattern[str]
    end_of_body: re.Pattern[str]
    footnote: re.Pattern[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    d = load_json("obligations.json")
    prefixes, adverbs = phrase_alternation(d["task_prefixes"]), phrase_alternation(d["adverbs"])
    return _Vocabulary(
        heading=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['assignment_headings'])})(?!\w)"),
        list_intro=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['list_intros'])})(?!\w)"),
        section=re.compile(rf"(?:{phrase_alternation(d['assignment_sections'])})(?!\w)"),
        closing=re.compile(rf"^\W*(?:{phrase_alternation(d['closing_openings'])})(?!\w)"),
        generic_task=re.compile(rf"^(?:[\s,;.:/]|(?:{phrase_alternation(d['generic_task_words'])})(?!\w))*$"),
        exhortation=re.compile(d["exhortation"]),
        execution=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['execution_phrases'])})(?!\w)"),
        directive=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['directive_verbs'])})\s+"),
        salutation=re.compile(rf"^\W*(?:{phrase_alternation(d['salutation'])})\s*:?\s*"),
        item_prefix=re.compile(rf"(?:{phrase_alternation(d['item_prefixes'])})\s+"),
        directive_to_reader=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['directive_verbs'])})\s+(?:{phrase_alternation(d['reader'])})(?!\w)"
        ),
        directive_bare=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['directive_verbs'])})\s*:\s*$"),
        explicit=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['explicit_markers'])})\s*"),
        not_before_explicit=re.compile(rf"(?:^|\s)(?:{phrase_alternation(d['not_before_explicit'])})\s*$"),
        # the role verb opening a task, after a 'Căn cứ …,' clause (and the body's own name) and adverbs
        role=re.compile(
            rf"^(?:(?:{prefixes})\b[^;.]*?,\s*(?:[^,;.]{{0,60}}?\s)?)?(?:(?:{adverbs})\s+)*"
            rf"(?P<verb>{phrase_alternation(d['lead'])}|{phrase_alternation(d['support'])})(?!\w)"
        ),
        partners=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['partner_markers'])})(?:\s*,\s*(?:{phrase_alternation(d['partner_verbs'])}))*\s+"
        ),
        after_role=re.compile(
            rf"\s*,?\s*(?:(?:{phrase_alternation(d['partner_markers'])})\s*)?(?:(?:{phrase_alternation(d['partner_links'])})\s+)?"
        ),
        connective=re.compile(rf"^(?:{phrase_alternation(d['task_connectives'])}),?\s+"),
        split=re.compile(rf"\s*(?:{'|'.join(re.escape(fold(w)) for w in d['split_tasks'])})\s*"),
        end_of_body=re.compile(rf"^\W*(?:{phrase_alternation(d['end_of_body'])})\b"),
        footnote=re.compile(d["footnote"]),
    )


@lru_cache(maxsize=1)
def _role_words() -> tuple[frozenset[str], frozenset[str]]:
    d = load_json("obligations.json")
    return frozenset(fold(w) for w in d["lead"]), frozenset(fold(w) for w in d["support"])


# ---------------------------------------------------------------------------------------------
# Outline ranks
# ---------------------------------------------------------------------------------------------

_ROMAN = re.compile(r"^(?:Phần\s+|PHẦN\s+)?[IVXL]+\b")


def _rank(line: Line) -> int:
    """0 part or article, 1 '1.', 2 '1.1.', 3 '1.1.1.', 4 'a)', 5 '-', 6 '+', 7 a plain paragraph."""
    m = line.marker
    if not m:
        return _PARAGRAPH
    if m.startswith("Điều") or _ROMAN.match(m):
        return 0
    if m[0].isdigit():
        return min(1 + m.rstrip(".)/ ").count("."), 3)
    if m[0].isalpha():
        return 4
    return _SUB_BULLET if m == "+" else _BULLET


def _body(line: Line) -> str:
    """The line's text without its outline marker."""
    at = line.text.find(line.marker) if line.marker else -1
    if at < 0:
        return line.text
    return line.text[at + len(line.marker) :].lstrip(" *_")


def _is_bullet(line: Line) -> bool:
    return line.marker is not None and _rank(line) in (_BULLET, _SUB_BULLET)


def _heads_paragraphs(item: Line, following: list[Line]) -> bool:
    """'2. Sở Tài chính, Sở Nội vụ và Sở Y tế' over 'Chủ trì ….' and 'Bố trí ….': an item line over whole
    paragraphs is a heading that needs no full stop, not a line cut by a wrap."""
    if item.marker is None or _is_bullet(item) or len(following) < 2:
        return False
    line, after = following
    return line.text.rstrip().endswith(".") and after.marker is None and after.text[:1].isupper()


def _join_wraps(lines: list[Line]) -> list[Line]:
    """The lines with lone page numbers dropped and each paragraph that a scan's wraps (or a page break)
    cut into several lines made whole again, so that an item's bodies and task are read from one line.
    A plain line between two dash bullets is the rest of the bullet above it (a scan broke the line
    after a sentence: '- Chỉ đạo … 2026-2030.' / 'Tiến độ khởi công …' / '- Căn cứ …').
    The gap between two joined lines reads as spaces, so offsets into the text stay true."""
    lines = [line for line in lines if not outline.is_page_number(line.text)]
    out: list[Line] = []
    for k, line in enumerate(lines):
        between_bullets = (
            bool(out) and _is_bullet(out[-1]) and not line.marker and k + 1 < len(lines) and _is_bullet(lines[k + 1])
        )
        if out and (
            (outline.continues(out[-1].text, line.text) and not _heads_paragraphs(out[-1], lines[k : k + 2]))
            or between_bullets
        ):
            prev = out[-1]
            text = prev.text + " " * (line.start - prev.end) + line.text
            out[-1] = replace(prev, end=line.end, text=text)
            continue
        out.append(line)
    return out


# ---------------------------------------------------------------------------------------------
# Reading one task
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Task:
    line: Line
    start: int  # offset of the task text in seg.text
    text: str
    quote_from: int | None = None  # where the evidence starts when it names the body ('1. Sở Y tế chủ trì …')


def _role(task: str, heading: str) -> str:
    """chủ trì → lead, phối hợp (without chủ trì) → support, otherwise assigned; a task's own verb
    wins over the verb of the heading it sits under."""
    voc, (lead, support) = _vocabulary(), _role_words()
    for source in (task, heading):
        m = voc.role.match(fold_in_place(source.strip(" :;,-–")))
        if m:
            return "lead" if fold(m.group("verb")) in lead else "support"
    folded = fold(heading)
    if any(w in folded for w in lead):  # '… Công an tỉnh chủ trì, phối hợp …:' over its bullets
        return "lead"
    if voc.explicit.match(folded) and any(w in folded for w in support):  # 'Cơ quan phối hợp: …'
        return "support"
    return "assigned"


def _partners(text: str) -> list[str]:
    """The bodies named after 'phối hợp (với)' in a task."""
    folded = fold_in_place(text)
    names: list[str] = []
    for m in _vocabulary().partners.finditer(folded):
        found, _ = parse_addressees(text, m.end(), folded)
        names += [f.name for f in found if f.name not in names]
    return names


_CLAUSE_BREAK = re.compile(r"[,;.]\s+")
_NEXT_LETTER = re.compile(r"\s+([^\W\d_])")
_CITED_DATE = re.compile(DOC_NUMBER.pattern + r"\s*,?\s*(?:ngày\s*)?$", re.IGNORECASE)
# on folded text, so that a scan that lost its tone marks ('truoc ngay 15/6') reads the same
_DAY_MONTH = re.compile(r"ngay\s+(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
_BY_YEAR = re.compile(r"(?:den|truoc|trong)\s+nam\s+(\d{4})")


def _due(text: str) -> tuple[str | None, str | None]:
    """The task's due date: one full date, else one 'ngày 15/6' (a day every year, '--06-15'), else
    one 'đến năm 2030'. Several different ones mean a schedule, not a due date; the date of a cited
    document ('Quyết định số 7978/QĐ-BCA ngày 27/10/2022') is not a due date."""
    dates = {iso for start, _, iso in find_dates(text) if not _CITED_DATE.search(text[max(0, start - 40) : start])}
    if len(dates) == 1:
        return dates.pop(), None
    folded = fold_in_place(text)
    days = {iso[4:] for d, m in _DAY_MONTH.findall(folded) if (iso := iso_date(d, m, 2000))}
    if not dates and len(days) == 1:
        return "-" + days.pop(), "yearly"
    years = set(_BY_YEAR.findall(folded))
    if not dates and not days and len(years) == 1:
        return years.pop(), None
    return None, None


def _clean_task(text: str) -> str:
    """The action itself: 'Chủ trì, phối hợp với các sở, ngành liên quan rà soát …' → 'Rà soát …'."""
    text = text.strip(" :;,-–")
    folded = fold_in_place(text)
    m = _vocabulary().role.match(folded)
    if m:
        after = _vocabulary().after_role.match(folded, m.end()).end()
        partners, end = parse_addressees(text, after, folded)
        rest = text[end if partners else after :].strip(" ,:")
        text = rest or text
    elif (c := _vocabulary().connective.match(folded)) is not None:
        text = text[c.end() :]
    text = re.sub(r"\s*\./\.?\s*$|\s*/\s*$", "", text).strip()
    return text[:1].upper() + text[1:]


def _has_no_task(task: str, bodies: list[AgencyMatch]) -> bool:
    """A formula ('nghiêm túc triển khai thực hiện./.') or an exhortation to a whole class ('Các cấp ủy …
    xác định … là nhiệm vụ trọng tâm') gives no task of its own (CONVENTIONS.md, obligations)."""
    folded = fold(task)
    voc = _vocabulary()
    return bool(voc.generic_task.match(folded)) or (
        all(b.collective for b in bodies) and bool(voc.exhortation.match(folded))
    )


def _obligations(seg: SegmentedDocument, bodies: list[AgencyMatch], task: _Task, heading: str) -> list[Obligation]:
    """One obligation per body for this task; ``heading`` is the item line the task sits under, which
    gives the role when the task's own wording does not ('… chủ trì, phối hợp …:' over its bullets)."""
    raw = task.text.strip(" :;,-–")
    if not raw:
        return []
    text = _clean_task(raw)
    if _has_no_task(text, bodies):
        return []
    role = _role(raw, heading)
    partners = _partners(raw) or (_partners(heading) if role != "assigned" else [])
    due, recurrence = _due(raw)
    end = min(task.start + len(task.text.rstrip()), task.line.end)
    return [
        Obligation(
            agency=b.name,
            role=role,
            task=text,
            partners=partners,
            due=due,
            recurrence=recurrence,
            section=task.line.section,
            evidence=seg.evidence(task.quote_from or task.start, end),
        )
        for b in bodies
    ]


# ---------------------------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, seg: SegmentedDocument) -> None:
        self.seg = seg
        self.voc = _vocabulary()
        self.lines = self._body_lines()
        self.ranks = [_rank(line) for line in self.lines]
        self.used: set[int] = set()  # lines already read as an item or a task
        self.addressee_ends: dict[int, int] = {}  # line index → end of the addressees read there
        self.out: list[Obligation] = []

    def _body_lines(self) -> list[Line]:
        """The lines before the distribution list ('Nơi nhận:'): what comes after assigns nothing, and
        its bullets ('- Sở Y tế;') would read as tasks of the last item."""
        lines = self.seg.lines
        for i, line in enumerate(lines):
            if i > _HEADER_LINES and self.voc.end_of_body.match(fold_in_place(line.text)):
                lines = lines[:i]
                break
        return _join_wraps(lines)

    def _is_task_paragraph(self, line: Line) -> bool:
        """A plain paragraph that starts a task: capitalised, not a footnote, not a wrap remainder, not the
        closing formula ('Trên đây là Kế hoạch …./.') that follows the last item."""
        return (
            line.text[:1].isupper()
            and not self.voc.footnote.match(line.text)
            and not self.voc.closing.match(fold_in_place(line.text))
        )

    def _addressees(self, i: int, text: str, offset: int) -> tuple[list[AgencyMatch], int]:
        found, end = parse_addressees(text, offset)
        if found:
            self.addressee_ends[i] = self.lines[i].start + end
        return found, end

    # -- an item and what sits under it ------------------------------------------------------
    def item(self, i: int, end: int, default: list[AgencyMatch], topical: bool = False) -> None:
        """Item line i with its children i+1..end-1: the bodies it names (or the list's addressees),
        the task on its own line, and one task per bullet, sub-item or paragraph under it. In a
        ``topical`` part (KIẾN NGHỊ, NHIỆM VỤ) 'Đối với X:' names who acts only when X is a body and
        the line is a heading over its lettered tasks."""
        line = self.lines[i]
        self.used.add(i)
        body = _body(line)
        lead_in = self.voc.item_prefix.match(fold_in_place(body))  # 'Đối với', 'Trách nhiệm của'
        if lead_in and topical:
            named, named_end = parse_addressees(body, lead_in.end())
            if not named or body[named_end:].strip(" :"):
                return  # 'Đối với Công an xã: mỗi năm xây dựng …' is a topic; only a heading of bodies over a) b) c) names who acts
        bodies, stop = self._addressees(i, line.text, len(line.text) - len(body) + (lead_in.end() if lead_in else 0))
        directive = self.voc.directive.match(fold_in_place(line.text), stop) if bodies else None
        if directive:  # 'UBND tỉnh giao Sở Y tế …': the addressees are the ones doing it
            named, named_stop = self._addressees(i, line.text, directive.end())
            if named:
                bodies, stop = named, named_stop
        children = list(range(i + 1, end))
        if not bodies:
            sub = self._sub_items(children)
            if sub and any(self._names_body(k) for k, _ in sub):
                for k, k_end in sub:
                    self.item(k, k_end, default, topical)
                return
            if self._topic_clauses(i):
                return
            if not default or self.voc.directive.match(fold_in_place(body)):
                return  # 'Đề nghị <a body not in the lexicon> …' is not addressed to the list's addressees
            bodies, stop = default, len(line.text) - len(body)
        rest = _PARENTHESIS.sub("", line.text[stop:], count=1)  # 'Công an tỉnh (cơ quan thường trực)'
        inline = (
            bool(rest.strip(" :;,.-–")) and not rest.rstrip().endswith(":") and not (lead_in and ":" not in rest)
        )  # '1. Trách nhiệm của các cơ quan tham mưu' is a heading
        sub = [] if inline else self._sub_items(children)
        if sub and any(self._names_body(k) for k, _ in sub):
            for k, k_end in sub:  # '1. Trách nhiệm của các sở, ngành' over 'a) Sở Y tế', 'b) Sở Tài chính'
                self.item(k, k_end, bodies)
            return
        if inline:
            self.out += _obligations(self.seg, bodies, _Task(line, line.start + stop, rest, line.start), "")
        for k in children:
            child = self.lines[k]
            if (
                (self.ranks[k] == _SUB_BULLET and self.ranks[i] != _BULLET)
                or k in self.used
                or (inline and self.ranks[k] == _PARAGRAPH)
            ):
                continue  # under an item that carries its own task, a plain paragraph is a closing remark
            if self.ranks[k] == _PARAGRAPH and (not self._is_task_paragraph(child) or self._is_directive(k)):
                continue
            self.used.add(k)
            text = _body(child)
            own, own_end = parse_addressees(child.text, len(child.text) - len(text))
            if own and (
                child.text[own_end : own_end + 1] == ":"
                or (
                    child.text[own_end + 1 : own_end + 2].islower()
                    and not self.voc.directive.match(fold_in_place(text))
                )
            ):
                # '- Sở Tài chính: bố trí kinh phí' under '1. Các sở, ngành:' — the bullet names who does it;
                # '- Kiến nghị UBND tỉnh ban hành …' is the heading body's own task
                self.out += _obligations(
                    self.seg,
                    own,
                    _Task(child, child.start + own_end, child.text[own_end:], child.end - len(text)),
                    rest,
                )
                continue
            self.out += _obligations(self.seg, bodies, _Task(child, child.end - len(text), text), rest)

    def _children_end(self, i: int) -> int:
        """End of the lines that sit under line i (deeper in the outline)."""
        k = i + 1
        while k < len(self.lines) and self.ranks[k] > self.ranks[i] and self.ranks[k] != _PARAGRAPH:
            k += 1
        return k

    def _topic_clauses(self, i: int) -> bool:
        """'1. Về tuyên truyền: Sở A chủ trì …, Sở B phối hợp …' — after the topic, each clause that opens
        with a body and a verb is that body's task. Returns whether any was read."""
        line = self.lines[i]
        colon = line.text.find(":", len(line.text) - len(_body(line)))
        if colon < 0:
            return False
        folded = fold_in_place(line.text)
        clauses: list[tuple[int, list[AgencyMatch], int]] = []  # (start, bodies, end of the bodies)
        for cut in [colon + 1] + [m.end() for m in _CLAUSE_BREAK.finditer(line.text, colon + 1)]:
            found, stop = parse_addressees(line.text, cut, folded)
            verb = _NEXT_LETTER.match(line.text, stop)
            if found and verb and verb.group(1).islower():  # a body followed by its verb
                clauses.append((cut, found, stop))
        for n, (start, found, stop) in enumerate(clauses):
            until = clauses[n + 1][0] if n + 1 < len(clauses) else len(line.text)
            self.out += _obligations(
                self.seg, found, _Task(line, line.start + stop, line.text[stop:until], line.start + start), ""
            )
        return bool(clauses)

    def _is_directive(self, i: int) -> bool:
        """A paragraph in which a body asks other bodies to act ('UBND Thành phố yêu cầu các Sở …')."""
        return any(not fold(m.group()).startswith("giao") for m in self._directives(i))

    def _names_body(self, i: int) -> bool:
        return bool(parse_addressees(self.lines[i].text, len(self.lines[i].text) - len(_body(self.lines[i])))[0])

    def _sub_items(self, indices: list[int]) -> list[tuple[int, int]]:
        """Top items among the given lines (the lowest rank above a bullet) with their extents."""
        ranks = [self.ranks[k] for k in indices if self.ranks[k] < _BULLET]
        if not ranks:
            return []
        top = min(ranks)
        starts = [k for k in indices if self.ranks[k] == top]
        stop = indices[-1] + 1
        return [(k, (starts[n + 1] if n + 1 < len(starts) else stop)) for n, k in enumerate(starts)]

    # -- the places where tasks are assigned -------------------------------------------------
    def _assignment_heading(self, i: int) -> str | None:
        """'assigning' for 'IV. TỔ CHỨC THỰC HIỆN', 'Điều 4. Trách nhiệm thực hiện', an unnumbered 'PHÂN CÔNG
        NHIỆM VỤ' — not a sentence that merely contains 'tổ chức thực hiện'; 'topical' for a part whose items
        assign when they open with a body ('IV. ĐỀ XUẤT, KIẾN NGHỊ', 'II. NHIỆM VỤ TRONG THỜI GIAN TỚI')."""
        line, r = self.lines[i], self.ranks[i]
        if len(line.text) > 100 or r in (_BULLET, _SUB_BULLET) or (r == _PARAGRAPH and not outline.is_caps(line.text)):
            return None
        title = fold_in_place(_body(line)).lstrip(" #*_")
        if self.voc.heading.match(title):
            return "assigning"
        if (r == 0 or outline.is_caps(line.text)) and self.voc.section.match(title):
            return "topical"
        return None

    def _part_end(self, i: int) -> int:
        r = self.ranks[i]
        for k in range(i + 1, len(self.lines)):
            if (self.ranks[k] <= r and (r < _PARAGRAPH or outline.is_caps(self.lines[k].text))) or self.ranks[k] == 0:
                return k
        return len(self.lines)

    def assignment_parts(self) -> None:
        for i in range(len(self.lines)):
            kind = self._assignment_heading(i)
            if kind is None:
                continue
            end = self._part_end(i)
            indices = list(range(i + 1, end))
            items = self._sub_items(indices) or [(k, k + 1) for k in indices if self.ranks[k] == _BULLET]
            for k, k_end in items:
                if k not in self.used:
                    self.item(k, k_end, [], kind == "topical")

    def directive_lists(self) -> None:
        """'… đề nghị <addressees> những nội dung sau:' followed by numbered items; 'Trưởng Ban Chỉ đạo kết
        luận như sau:' over items that name who acts."""
        for i, line in enumerate(self.lines):
            if (
                i in self.used
                or not line.text.rstrip().endswith(":")
                or self.ranks[i] != _PARAGRAPH
                or outline.is_caps(line.text)
            ):
                continue
            folded = fold_in_place(line.text)
            directive = bool(
                self.voc.directive_to_reader.search(folded)
                or self.voc.directive_bare.search(folded)
                or self._directives(i)
            )
            if not directive and not self.voc.list_intro.search(folded):
                continue
            # 'đề nghị <addressees> …:'; 'đề nghị các đồng chí …:' or 'yêu cầu:' — the letter's addressees,
            # and items that name their own body keep it
            addressees = (self._directive_addressees(i) or self._letter_addressees()) if directive else []
            end = i + 1
            while end < len(self.lines) and (
                self.ranks[end] < _PARAGRAPH
                or not self._is_task_paragraph(self.lines[end])
                or self._under_heading_item(i + 1, end)
            ):
                end += 1
            for k, k_end in self._sub_items(list(range(i + 1, end))):
                if k not in self.used:
                    self.item(k, k_end, addressees, not directive)

    def _letter_addressees(self) -> list[AgencyMatch]:
        """The bodies after 'Kính gửi:' — on its line or in the bullets under it."""
        for i, line in enumerate(self.lines):
            m = self.voc.salutation.match(fold_in_place(line.text))
            if not m:
                continue
            found = parse_addressees(line.text, m.end())[0]
            k = i + 1
            while not line.text[m.end() :].strip() and k < len(self.lines) and self.ranks[k] == _BULLET:
                found += parse_addressees(self.lines[k].text, len(self.lines[k].text) - len(_body(self.lines[k])))[0]
                k += 1
            return found
        return []

    def _under_heading_item(self, first: int, k: int) -> bool:
        """Is plain paragraph k under an item whose line ends with ':' (a heading over its tasks)?"""
        for j in range(k - 1, first - 1, -1):
            if self.ranks[j] < _BULLET:
                return self.lines[j].text.rstrip().endswith(":")
        return False

    def _directives(self, i: int) -> list[re.Match[str]]:
        """Directive verbs in line i that are followed by named bodies."""
        text = self.lines[i].text
        folded = fold_in_place(text)
        return [m for m in self.voc.directive.finditer(folded) if parse_addressees(text, m.end(), folded)[0]]

    def _directive_addressees(self, i: int) -> list[AgencyMatch]:
        found = self._directives(i)
        return self._addressees(i, self.lines[i].text, found[0].end())[0] if found else []

    def directive_sentences(self) -> None:
        """A plain paragraph in which a body asks named bodies to act: each addressee, each task."""
        for i, line in enumerate(self.lines):
            folded = fold_in_place(line.text)
            if (
                i in self.used
                or self.ranks[i] != _PARAGRAPH
                or line.text.rstrip().endswith(":")
                or self.voc.closing.match(folded)
            ):
                continue
            for m in self.voc.directive.finditer(folded):
                sentence = line.text[line.text.rfind(". ", 0, m.start()) + 1 : m.start()]
                if folded[m.start() : m.start() + 4] == "giao" or DOC_NUMBER.search(sentence):
                    continue  # 'giao' is read by explicit_assignments; 'Công văn số 12/UBND … yêu cầu' is reported speech
                bodies, stop = self._addressees(i, line.text, m.end())
                if not bodies:
                    continue
                self.used.add(i)
                for start, text in self._split(line.text, stop):
                    self.out += _obligations(
                        self.seg,
                        bodies,
                        _Task(line, line.start + start, text, line.start if start == stop else None),
                        "",
                    )
                break

    def _split(self, text: str, start: int) -> list[tuple[int, str]]:
        """Tasks of one directive sentence: '…; đồng thời, …' starts a second task, and a reporting
        duty with several deadlines ('06 tháng (trước ngày 15/6), 01 năm (trước ngày 15/12)') is one
        task per deadline."""
        folded = fold_in_place(text)
        cuts = [start] + [m.end() for m in self.voc.split.finditer(folded, start)] + [len(text)]
        parts = []
        for a, b in itertools.pairwise(cuts):
            chunk = text[a:b]
            days = list(_DAY_MONTH.finditer(folded[a:b]))
            if len(days) < 2:
                parts.append((a, chunk))
                continue
            bounds = [0] + [chunk.rfind(",", 0, d.start()) + 1 for d in days[1:]] + [len(chunk)]
            closing = chunk.find(")", days[-1].end()) + 1  # what all the reports share: ' gửi Công an …'
            shared = chunk[closing:] if closing else ""
            for x, y in itertools.pairwise(bounds):
                piece = chunk[x:y] if y == len(chunk) else chunk[x:y].rstrip(" ,") + shared
                parts.append((a + x, piece))
        return parts

    def executing_articles(self) -> None:
        """'Điều 3. … Chánh Văn phòng …, Giám đốc các Sở: … chịu trách nhiệm thi hành Quyết định này.'"""
        for i, line in enumerate(self.lines):
            if not (line.marker or "").startswith("Điều"):
                continue
            k = i if self.voc.execution.search(fold_in_place(line.text)) else i + 1
            if (
                k >= len(self.lines)
                or not self.voc.execution.search(fold_in_place(self.lines[k].text))
                or k in self.used
            ):
                continue
            text = self.lines[k].text
            folded = fold_in_place(text)
            phrase = self.voc.execution.search(folded)
            stop = text.rfind(". ", 0, phrase.start())
            sentence = max(stop + 2 if stop >= 0 else 0, len(text) - len(_body(self.lines[k])))
            bodies, stop = self._addressees(k, text, sentence)
            if bodies:
                self.used.add(k)
                task = text[phrase.start() :]
                self.out += _obligations(
                    self.seg,
                    bodies,
                    _Task(self.lines[k], self.lines[k].start + phrase.start(), task, self.lines[k].start + sentence),
                    "",
                )

    def explicit_assignments(self) -> None:
        """'giao Công an tỉnh chủ trì …', 'Cơ quan thực hiện: Sở Y tế' anywhere in the body."""
        for i, line in enumerate(self.lines):
            folded = fold_in_place(line.text)
            for m in self.voc.explicit.finditer(folded):
                if m.start() < self.addressee_ends.get(i, -1) - line.start or self.voc.not_before_explicit.search(
                    folded, 0, m.start()
                ):
                    continue
                bodies, stop = parse_addressees(line.text, m.end(), folded)
                if not bodies:
                    continue
                paren = line.text.rfind("(", 0, m.start())
                if paren > line.text.rfind(")", 0, m.start()):
                    # '- Tăng cường kiểm tra … (giao Sở Y tế chủ trì)', '… (Cơ quan chủ trì: Sở Y tế)':
                    # the task is what the note is attached to
                    start = len(line.text) - len(_body(line))
                    close = line.text.find(")", stop)
                    note = m.group() + line.text[stop : close if close > 0 else len(line.text)]
                    self.out += _obligations(
                        self.seg, bodies, _Task(line, line.start + start, line.text[start:paren]), note
                    )
                elif folded[m.start() : m.start() + 4] == "giao":
                    task = line.text[stop:]
                    if not _PARENTHESIS.sub("", task, count=1).strip(" :") and i not in self.used:
                        # '3. Giao Công an tỉnh (Cơ quan Thường trực):' over bullets: the bracket is an alias
                        self.item(i, self._children_end(i), [])
                        break
                    end = re.search(r"(?<=\.)\s", task)
                    task = task[: end.start()] if end else task
                    self.out += _obligations(
                        self.seg, bodies, _Task(line, line.start + stop, task, line.start + m.start()), ""
                    )
                else:  # 'Cơ quan chủ trì: X' — the task is what the line or the line above says
                    task = line.text[: m.start()].strip() or (self.lines[i - 1].text if i else "")
                    task = re.sub(r"^[^:]{0,20}:\s*", "", task)  # 'Nội dung: …'
                    self.out += _obligations(self.seg, bodies, _Task(line, line.start, task), m.group())

    def task_tables(self) -> None:
        """A table of tasks — 'Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian' — one obligation
        per row and body. Appendix tables come after the signature, so all lines are read."""
        lines = self.seg.lines
        i = 0
        while i < len(lines):
            columns = _table_columns(lines[i].text)
            i += 1
            if columns is None:
                continue
            while i < len(lines) and "\t" in lines[i].text:
                self._table_row(lines[i], columns)
                i += 1

    def _table_row(self, line: Line, columns: dict[str, int]) -> None:
        cells = line.text.split("\t")

        def cell(kind):
            return cells[columns[kind]].strip() if kind in columns and columns[kind] < len(cells) else ""

        role = "lead" if "lead" in columns else "assigned"
        bodies, _ = parse_addressees(cell(role))
        task = cell("task")
        if not bodies or not task:
            return
        partners = [b.name for b in parse_addressees(cell("partners"))[0]]
        year = _YEAR_CELL.fullmatch(cell("due"))
        due, recurrence = (year.group(1), None) if year else _due(cell("due"))
        start = line.start + line.text.find(task)
        self.out += [
            Obligation(
                agency=b.name,
                role=role,
                task=_clean_task(task),
                partners=partners,
                due=due,
                recurrence=recurrence,
                section=line.section,
                evidence=self.seg.evidence(start, start + len(task)),
            )
            for b in bodies
        ]


_YEAR_CELL = re.compile(r"(?:năm\s+)?(\d{4})", re.IGNORECASE)


def _table_columns(text: str) -> dict[str, int] | None:
    """Column index of each kind in a task table's header row, or None when the row is not one."""
    if "\t" not in text:
        return None
    headers = [fold(c) for c in text.split("\t")]
    kinds = load_json("obligations.json")["table_columns"]
    columns: dict[str, int] = {}
    for kind, names in kinds.items():  # lead before partners: 'chủ trì' is not 'phối hợp'
        for n, header in enumerate(headers):
            if n not in columns.values() and any(header.startswith(fold(name)) for name in names):
                columns[kind] = n
                break
    if "task" not in columns or not ({"lead", "assigned"} & columns.keys()):
        return None
    return columns


def extract(seg: SegmentedDocument, meta: DocumentMeta | None = None) -> list[Obligation]:
    """Every obligation of the document, in reading order. ``meta`` is accepted for the common
    extractor interface; bodies keep the scope words the document gives them ('Công an Thành phố')."""
    reader = _Reader(seg)
    reader.task_tables()
    reader.assignment_parts()
    reader.executing_articles()
    reader.directive_lists()
    reader.directive_sentences()
    reader.explicit_assignments()
    return sorted(reader.out, key=lambda o: o.evidence.start)
