"""Obligations: who must do what — one grammar of task assignment in Vietnamese administrative writing.

An ASSIGNMENT is BODIES + ROLE + TASK (+ DUE). BODIES are read by the agency grammar (extractors/agencies.py:
lists, shared scopes, 'Giám đốc các Sở: A, B', 'Chủ tịch UBND các tỉnh: X, Y', officials of an executing
article); ROLE is chủ trì → lead, phối hợp (without chủ trì) → support, otherwise assigned, a task's own verb
winning over its heading's; the vocabulary is data (``data/obligations.json``). The forms, each read in one
place of ``_Reader``:

- a body heading over its tasks — '1.4. Ủy ban nhân dân các phường, xã, đặc khu' over '- Tuyên truyền …'
  bullets, '2. Bộ Xây dựng:' over a) b), 'Điều 5. Nội dung Sở X có trách nhiệm chủ trì' over 1. 2., 'Trách
  nhiệm của X' (X named even when the lexicon does not know it), 'Đề nghị X'; a heading naming several bodies
  gives one obligation per body, a class stays one, a class's bracket '(gồm các Sở: …)' its members
  (``item``, reached from ``assignment_parts``, ``directive_lists`` and ``body_items``);
- an item that opens with its body and its verb, wherever it stands — a telegram's '3. Bộ Tài chính chủ trì
  …', a decision's 'Điều 3. Giám đốc Sở Nội vụ có trách nhiệm …', a bullet '- Hội Phụ nữ hỗ trợ người dân …'
  under a topic (``body_items``);
- items under a directive — '… Thủ tướng Chính phủ yêu cầu:' over 1. 2., '… đề nghị:' over (i) (ii)
  (``directive_lists``), a notice's 'NHIỆM VỤ' part whose items name nobody: the first body the notice is for
  (``assignment_parts``); a directive sentence 'UBND tỉnh yêu cầu các sở …' (``directive_sentences``);
- 'X chủ trì, phối hợp với Y …' as a clause in the middle of a content bullet (``role_clauses``);
- 'Giao X …' anywhere, '(giao X chủ trì)' after a task (``explicit_assignments``);
- a task with its fields on lines of their own — 'Nội dung thực hiện:', 'Cơ quan chủ trì:', 'Cơ quan phối hợp:',
  'Cơ quan thực hiện: X chủ trì …; Y …', 'Thời gian thực hiện:' (``task_blocks``);
- a regulation of one body's functions and duties — its article 'Nhiệm vụ và quyền hạn', whose numbered and
  lettered duties name no body: the body of its position article or of the regulation's title, one obligation per
  leaf of the outline (``duty_articles``);
- a decision's article on who executes it — 'Điều 3. Chánh Văn phòng …; Giám đốc các Sở: A, B; Chủ tịch …
  chịu trách nhiệm thi hành Quyết định này', over several lines (``executing_articles``);
- a table with 'Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn thành' columns, TAB-separated
  or as a web page renders it with '|' (``tables``, rows from ``SegmentedDocument.tables``);
- an administrative procedure's label naming who carries it out — 'Cơ quan thực hiện TTHC: Sở Khoa học và Công
  nghệ.' in its description or in a procedure list's row (``procedure_labels``).

The lines are the document's paragraphs made whole again by the one joining in pipeline/text
(``SegmentedDocument.paragraphs``, read by ``_body_lines``); a plan attached after a decision's 'Nơi nhận' is read, the
web page's own text after the document is not. Closing formulas, requests that wait on a condition ('nếu có vướng mắc,
đề nghị …'), roles that name nobody ('Các cơ quan được giao chủ trì …') and exhortations to a whole class assign nothing
(CONVENTIONS.md, obligations). One obligation per (body, task).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.agencies import (
    AgencyMatch,
    expand_initialisms,
    find_agencies,
    is_bare_title,
    named,
    parse_addressees,
    parse_officials,
)
from extractors.body import HEADER_LINES, document_span, procedure_descriptions, procedure_name_before
from extractors.common import DOC_NUMBER, exact_alternation, load_json, phrase_alternation
from extractors.grammar import time as time_grammar
from extractors.task_tables import TaskRow, name_cell_at, read_task_tables
from pipeline.text import fold, fold_in_place, outline
from pipeline.text.paragraphs import (
    BULLET,
    PARAGRAPH,
    SUB_BULLET,
    field_labels,
    is_footnote,
    marker_body,
    rank,
)
from pipeline.text.segment import Line, SegmentedDocument
from schemas.extraction import DocumentMeta, Obligation, Recurrence, Role

TITLE_MIN_LETTERS = 8  # a task in capitals this long is a part's title; a shorter one may be an acronym
_ROLE_OBJECT_WORDS = 5  # syllables of a role's object inside a class's name ('chủ trì| quản lý tài sản')
_ACTIVITY_WORDS = 12  # syllables of what a class's members do, inside its name ('… cá nhân| thực hiện nhiệm vụ …')
_FUNCTIONAL_CLASS_WORDS = 30  # syllables of a list of classes before 'theo chức năng, nhiệm vụ' (vht534: 25)
_SENTENCE_OR_CLAUSE_END = re.compile(r"[.;:]")
_TITLE_CHARS = 60  # an article's title ('Hiệu lực và trách nhiệm thi hành'); a longer first line is its text
_PARENTHESIS = re.compile(r"^\s*\([^)]{0,80}\)")
# './.' ends a document's text, before its recipients and signature, so that where a scan lost or garbled the 'Nơi
# nhận' heading ('ANơi nhận:', CONVENTIONS' distribution list) '- Thanh tra tỉnh;' is still not read as a task
_CLOSING_MARK = "./."
_APPOSITION = re.compile(r"^\s*[-–]\s+[^.;:]*?(?=\s*:|\s*$)")  # 'Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo'


def _aside(rest: str) -> str:
    """What follows a body's name without its bracket or apposition, which say what it is, not what it does."""
    return _APPOSITION.sub("", _PARENTHESIS.sub("", rest, count=1), count=1)


_BRACKET = re.compile(r"\s*\(\s*")
_ITEM_COLON = re.compile(r":(?!\d)")  # an item's colon, not a clock's ('trước 15:00 ngày thứ Sáu')
# an appendix's title on a line of its own ('Phụ lục 01', 'PHỤ LỤC II'): a part of its own after the last article
_APPENDIX = re.compile(r"^[\W_]*phu\s*luc(?:\s+[0-9ivxlcdm]+[a-z]?)?[\W_]*$", re.IGNORECASE)
# a letter the outline could not read as a marker, its list having opened on the line above ('… văn bản quy phạm
# pháp luật a) Là đầu mối …' / 'b) Tham mưu …')
_LOST_LETTER = re.compile(r"^[a-zđ]\)\s+")
_ASIDE = re.compile(r"\s*\([^)]{0,80}\)")  # '(sau đây gọi tắt là Sở)' after a body's name
_NAME_WORDS = 16  # words a body's name may run on after what the lexicon knows of it, before 'là …'
_HEADING_TAIL = re.compile(r"(?:\s*\([^)]*\))?[\s:*_]*$")  # '… (bao gồm cả …):' after a heading's name


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
    asking: re.Pattern[str]
    directive_bare: re.Pattern[str]
    directive_to_reader: re.Pattern[str]
    item_prefix: re.Pattern[str]
    salutation: re.Pattern[str]
    explicit: re.Pattern[str]
    homograph: re.Pattern[str]
    not_before_explicit: re.Pattern[str]
    procedure_assignment: re.Pattern[str]
    procedure_label_head: re.Pattern[str]  # the label without its colon, which a wrap may carry to the next line
    procedure_label_alone: re.Pattern[str]  # a label with its bodies under it, a line or a cell below
    procedure_other_label: re.Pattern[str]
    request_paper: re.Pattern[str]
    role: re.Pattern[str]
    partners: re.Pattern[str]
    recipients: re.Pattern[str]
    after_role: re.Pattern[str]
    connective: re.Pattern[str]
    split: re.Pattern[str]
    end_of_body: re.Pattern[str]
    attachment: re.Pattern[str]
    catch_all: re.Pattern[str]
    condition: re.Pattern[str]
    condition_spelled: re.Pattern[str]
    conditional: re.Pattern[str]
    case_topic: re.Pattern[str]
    case_opener: re.Pattern[str]
    case_list: re.Pattern[str]
    exemption: re.Pattern[str]
    opener: re.Pattern[str]
    opener_word: re.Pattern[str]
    time_opener: re.Pattern[str]
    periodic_opener: re.Pattern[str]
    long_opener: re.Pattern[str]
    whose: re.Pattern[str]
    notice_closing: re.Pattern[str]
    salutation_in_article: re.Pattern[str]
    preamble: re.Pattern[str]
    role_word: re.Pattern[str]
    helped: re.Pattern[str]
    lead_clause: re.Pattern[str]
    directing: re.Pattern[str]
    not_a_task: re.Pattern[str]
    enumeration: re.Pattern[str]
    duty: re.Pattern[str]
    duty_clause: re.Pattern[str]
    accountable: re.Pattern[str]
    power_and_accountability: re.Pattern[str]
    task_word: re.Pattern[str]
    defined_role: re.Pattern[str]
    given_duty: re.Pattern[str]
    class_bound: re.Pattern[str]  # 'theo' after a class named by what its members do: 'theo chức năng, nhiệm vụ'
    functional_bound: re.Pattern[str]  # after a class bound: '(theo) chức năng, nhiệm vụ'
    task_opening: re.Pattern[str]  # what opens a task, not a name: 'căn cứ', 'chủ động', 'trong quá trình'
    functional: re.Pattern[str]
    issuing: re.Pattern[str]
    not_functional: re.Pattern[str]
    step_role: re.Pattern[str]
    form_blank: re.Pattern[str]
    duty_article: re.Pattern[str]
    position_article: re.Pattern[str]
    position_label: re.Pattern[str]
    defining: re.Pattern[str]
    regulation_subject: re.Pattern[str]
    duty_group: re.Pattern[str]
    belongs_to: re.Pattern[str]
    alternative: re.Pattern[str]
    hearing: re.Pattern[str]
    singled_out: re.Pattern[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    d = load_json("obligations.json")
    prefixes, adverbs = phrase_alternation(d["task_prefixes"]), phrase_alternation(d["adverbs"])
    duties, answerable = phrase_alternation(d["duty_phrases"]), phrase_alternation(d["answerable_to"])
    roles = phrase_alternation(d["lead"] + d["support"])
    openers, conditions = phrase_alternation(d["openers"]), phrase_alternation(d["conditions"])
    timed = d["time_openers"]
    # a procedure's executing-body label after its field number ('2.', '1.4', 'a)'), without the rest
    label = rf"[\W_]*(?:(?:\d+\.)+\d*[\W_]*|[a-z][.)][\W_]*)?(?:{phrase_alternation(d['procedure_assignments'])})"
    objects = phrase_alternation(d["procedure_objects"])
    return _Vocabulary(
        heading=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['assignment_headings'])})(?!\w)"),
        list_intro=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['list_intros'])})(?!\w)"),
        section=re.compile(
            rf"(?:(?:{phrase_alternation(d['section_openers'])})\s+)*(?:{phrase_alternation(d['assignment_sections'])})(?!\w)"
        ),
        closing=re.compile(rf"^\W*(?:{phrase_alternation(d['closing_openings'])})(?!\w)"),
        generic_task=re.compile(rf"^(?:[\s,;.:/]|(?:{phrase_alternation(d['generic_task_words'])})(?!\w))*$"),
        exhortation=re.compile(d["exhortation"]),
        execution=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['execution_phrases'])})(?!\w)"),
        directive=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['directive_verbs'])})\s+"),
        # up to two plain words between a body and its request verb ('thống nhất giao', 'trân trọng đề nghị')
        asking=re.compile(rf"(?:[a-z]+\s+){{0,2}}?(?:{phrase_alternation(d['directive_verbs'])})\s+"),
        salutation=re.compile(rf"^\W*(?:{phrase_alternation(d['salutation'])})\s*:?\s*"),
        item_prefix=re.compile(rf"(?:{phrase_alternation(d['item_prefixes'])})\s+"),
        directive_to_reader=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['directive_verbs'])})\s+(?:{phrase_alternation(d['reader'])})(?!\w)"
        ),
        directive_bare=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['directive_verbs'])})\s*:\s*$"),
        explicit=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['explicit_markers'])})\s*"),
        # on the text as written: folded, the 'giáo' of 'Tôn giáo' is the 'giao' of 'giao Sở X'
        homograph=re.compile(rf"(?:{exact_alternation(d['marker_homographs'])})(?!\w)", re.IGNORECASE),
        not_before_explicit=re.compile(rf"(?:^|\s)(?:{phrase_alternation(d['not_before_explicit'])})\s*$"),
        procedure_assignment=re.compile(rf"{label}(?:\s+(?:{objects}))?[\s*_]*:[\s*_]*"),
        procedure_label_head=re.compile(rf"{label}(?!\w)"),
        procedure_label_alone=re.compile(rf"{label}(?:\s+(?:{objects}))?[\s*_:.|]*$"),
        procedure_other_label=re.compile(rf"[\W_]*(?:{phrase_alternation(d['procedure_other_labels'])})(?!\w)"),
        request_paper=re.compile(rf"(?:^|\s)(?:{phrase_alternation(d['request_papers'])})\s*$"),
        # the role verb opening a task, after a 'Căn cứ …,' clause whose further parts are short nouns ('Căn cứ chức
        # năng, nhiệm vụ, quyền hạn được giao,', 'Trên cơ sở đề xuất của các sở, ban, ngành, đoàn thể,'; not '…, hoàn
        # thiện cơ sở dữ liệu quốc gia trong ngành, lĩnh vực …, phối hợp'), the body's own name, which holds no duty
        # ('có trách nhiệm triển khai … và tăng cường phối hợp' is not a name; nor is a role verb: 'Theo chức năng,
        # nhiệm vụ, chủ trì hoặc phối hợp với Bộ Xây dựng …' leads) and adverbs
        role=re.compile(
            rf"^(?:(?:{prefixes})\b[^,;.]*(?:,[^,;.]{{1,30}}){{0,4}}?,\s*(?:(?:(?!{duties}|{roles})[^,;.]){{0,60}}?\s)?)?"
            rf"(?:(?:{adverbs})\s*,?\s+)*"
            rf"(?P<verb>{phrase_alternation(d['lead'])}|{phrase_alternation(d['support'])})(?!\w)"
        ),
        partners=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['partner_markers'])})(?:\s*,\s*(?:{phrase_alternation(d['partner_verbs'])}))*\s+"
        ),
        # the words a result is sent or reported with: the deadlines read the same list for the bodies that do no task
        recipients=re.compile(rf"(?<!\w)(?:{phrase_alternation(load_json('deadlines.json')['recipient_words'])})\s+"),
        after_role=re.compile(
            rf"\s*,?\s*(?:(?:{phrase_alternation(d['partner_markers'])})\s*)?(?:(?:{phrase_alternation(d['partner_links'])})\s+)?"
        ),
        connective=re.compile(rf"^(?:{phrase_alternation(d['task_connectives'])}),?\s+"),
        split=re.compile(rf"\s*(?:{'|'.join(re.escape(fold(w)) for w in d['split_tasks'])})\s*"),
        end_of_body=re.compile(
            rf"^\W*(?:{phrase_alternation(d['end_of_body'])})\b|{d['end_of_body_slipped']['pattern']}"
        ),
        # '(Kèm theo Quyết định số …)' on a line of its own, or in brackets after the attachment's title ('QUY ĐỊNH VỀ
        # VIỆC TẶNG QUÀ … (Ban hành kèm theo Quyết định số …)')
        attachment=re.compile(rf"(?:^\W*|\(\W*)(?:{phrase_alternation(d['attachment_openings'])})(?!\w)"),
        duty=re.compile(rf"(?:{duties})(?!\w)"),
        accountable=re.compile(
            rf"^\W*(?:{phrase_alternation(d['accountable'])})\s+"
            rf"(?:{answerable}|{phrase_alternation(d['accountable_for']['phrases'])})(?!\w)"
        ),
        power_and_accountability=re.compile(
            rf"^\W*(?:[^.;]{{0,160}}?(?:{phrase_alternation(d['power_and_accountability']['lead_ins'])})\s+)?"
            rf"(?:{phrase_alternation(d['power_and_accountability']['phrases'])})(?!\w)"
        ),
        duty_clause=re.compile(rf"(?:{duties})(?!\w)(?!\s+(?:{answerable})(?!\w))"),
        enumeration=re.compile(rf"\s*\(\s*(?:{phrase_alternation(d['enumerators'])})\s*:?\s*"),
        not_a_task=re.compile(
            rf"(?:{phrase_alternation(d['not_a_task'])}"
            rf"|{phrase_alternation([d['negation']['word']])}(?!\s+(?:{phrase_alternation(d['negation']['duties'])})(?!\w)))"
            rf"(?!\w)"
        ),
        role_word=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['lead'] + d['support'])})(?!\w)"),
        directing=re.compile(rf"(?:(?:{adverbs})\s+)*(?:{phrase_alternation(d['directing_verbs'])})(?!\w)"),
        lead_clause=re.compile(
            rf"[,;.]\s*(?:(?:{adverbs})\s*,?\s+)*(?:(?:{phrase_alternation(d['role_clause_openers'])})\s+)?"
            rf"(?:{phrase_alternation(d['lead'])})(?!\w)"
        ),
        helped=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['helped'])})\s*$"),
        preamble=re.compile(
            rf"(?:{phrase_alternation(d['preamble_parts'])})(?!\w)"
            rf"|(?:{phrase_alternation(d['competence_articles'])})\s+(?!va\b)(?=[^\W\d_])"
        ),
        salutation_in_article=re.compile(rf"[\s*_]*(?:(?:{phrase_alternation(d['article_salutations'])})\s*:?\s*)?"),
        notice_closing=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['notice_closings'])})\s+"),
        whose=re.compile(rf"^(?:{phrase_alternation(d['whose'])})\s*$"),
        task_word=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['task_words'])})(?!\w)"),
        conditional=re.compile(
            rf"^(?:(?:{phrase_alternation(d['condition_openers'])})[^.;]{{0,60}}?\s|[^,.;]{{0,60}},\s*)?"
            rf"(?:{conditions})(?!\w)"
        ),
        opener=re.compile(rf"(?:{openers})(?!\w)[^,.;:]{{0,60}},\s*"),
        opener_word=re.compile(rf"(?:{openers})(?!\w)"),
        periodic_opener=re.compile(rf"(?:{phrase_alternation(d['periodic_openers'])})\s+(?=[^\W\d_])"),
        time_opener=re.compile(rf"(?:{phrase_alternation(timed['phrases'])}|{timed['pattern']})(?!\w)"),
        # on the text as written: folded, 'để' is also the 'đề' of 'đề nghị'
        long_opener=re.compile(rf"(?:{exact_alternation(d['long_openers'])})(?!\w)", re.IGNORECASE),
        condition=re.compile(rf"(?<!\w)(?:{conditions})(?!\w)"),
        condition_spelled=re.compile(exact_alternation(d["conditions"]), re.IGNORECASE),
        case_list=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['case_lists'])})[\s*_]*:[\s*_]*$"),
        exemption=re.compile(rf"^\W*(?:{phrase_alternation(d['exemptions'])})(?!\w)"),
        # 'Đối với kiến nghị … thì …': a case, then what is done in it; on the text as written, since folded 'thì'
        # is also the 'thị' of 'thị xã'
        case_topic=re.compile(
            rf"^\W*(?:{exact_alternation(d['case_topics'])})\s[^.;:]{{0,250}}?[\s,](?:{exact_alternation(d['case_consequence'])})\s",
            re.IGNORECASE,
        ),
        case_opener=re.compile(rf"^\W*(?:{phrase_alternation(d['case_openers'])})\s"),
        defined_role=re.compile(rf"^\s*(?:{phrase_alternation(d['defined_roles'])})(?!\w)"),
        given_duty=re.compile(rf"^\s*(?:{phrase_alternation(d['given_duties'])})(?!\w)"),
        class_bound=re.compile(rf"\s+(?:{phrase_alternation(d['class_bounds'])})(?=\s)"),
        functional_bound=re.compile(rf"\s+(?:{phrase_alternation(d['functional_bounds'])})(?!\w)"),
        task_opening=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['task_prefixes'] + d['adverbs'] + d['openers'] + d['condition_openers'])})(?!\w)"
        ),
        # folded: the functional head, its description (no punctuation, a dozen words at most), then its duty
        functional=re.compile(
            rf"\s*(?:{phrase_alternation(d['functional_heads'])})(?:\s+[^\W\d_]+){{1,12}}?"
            rf"(?=\s+(?:{phrase_alternation(d['functional_duties'])})\s)"
        ),
        issuing=re.compile(
            rf"ban hanh\s+(?:va\s+[^\W\d_]+\s+)?(?:{phrase_alternation(d['issued_instruments'])})(?!\w)"
        ),
        not_functional=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['not_functional'])})(?!\w)"),
        step_role=re.compile(
            rf"(?:{phrase_alternation(d['functional_heads'])})\s+(?:{phrase_alternation(d['step_roles'])})(?!\w)"
        ),
        catch_all=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['catch_all'])})(?!\w)"),
        form_blank=re.compile(d["form_blank"]["pattern"]),
        duty_article=re.compile(rf"^(?:{phrase_alternation(d['duty_articles'])})[\s.:*_]*$"),
        position_article=re.compile(rf"^(?:{phrase_alternation(d['position_words'])})(?!\w)"),
        position_label=re.compile(rf"(?:{phrase_alternation(d['position_words'])})(?!\w)[^:.;]{{0,40}}:\s*"),
        defining=re.compile(rf"\s*(?<!\w)(?:{phrase_alternation(d['defining'])})(?!\w)"),
        regulation_subject=re.compile(
            rf"(?<!\w)(?:{phrase_alternation(d['regulation_subjects'])})(?!\w)[^.;]*?\bcua\s+"
        ),
        duty_group=re.compile(rf"^(?:{phrase_alternation(d['duty_groups'])})(?!\w)"),
        belongs_to=re.compile(rf"\s+(?:{phrase_alternation(d['belongs_to'])})\s"),
        alternative=re.compile(rf"(?<!\w)(?:{phrase_alternation(d['alternatives'])})(?!\w)"),
        # on the text as written: folded, the 'nghề' of 'đào tạo nghề' is the 'nghe' of 'Sau khi nghe'
        hearing=re.compile(rf"(?<!\w)(?:{exact_alternation(d['hearing'])})(?!\w)", re.IGNORECASE),
        # a task of 40 characters or more, then '…, trong đó:' or '…; trong đó lưu ý:' (folded)
        singled_out=re.compile(
            rf"^\W*\w[^:]{{40,}}[,;]\s*(?:{phrase_alternation(d['singled_out'])})(?:\s+\w+){{0,2}}\s*:$"
        ),
        # 'Cơ quan chủ trì: …', 'Thời gian thực hiện: …': a field label opening a line, a few words, its colon
    )


@lru_cache(maxsize=1)
def _role_words() -> tuple[frozenset[str], frozenset[str]]:
    d = load_json("obligations.json")
    return frozenset(fold(w) for w in d["lead"]), frozenset(fold(w) for w in d["support"])


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """The task words that are verbs, as written (folded, 'có' is also the 'Cơ' of 'Cơ quan'), but a role's."""
    d = load_json("obligations.json")
    return frozenset(w for w in d["task_words"] if w not in d["lead"] + d["support"])


# ---------------------------------------------------------------------------------------------
# Reading one task
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Task:
    line: Line
    start: int  # offset of the task text in seg.text
    text: str
    quote_from: int | None = None  # where the evidence starts when it names the body ('1. Sở Y tế chủ trì …')
    quote_to: int | None = None  # where it ends when the task is read from another line ('Nội dung thực hiện: …')


def _role(task: str, heading: str) -> Role:
    """chủ trì → lead, phối hợp (without chủ trì) → support, otherwise assigned; a task's own verb
    wins over the verb of the heading it sits under."""
    voc, (lead, support) = _vocabulary(), _role_words()
    for source in (task, heading):
        m = voc.role.match(fold_in_place(source.strip(" :;,-–")))
        if m:
            return "lead" if fold(m.group("verb")) in lead else "support"
    if (inner := _inner_role(task)) is not None:
        return inner
    folded = fold(heading)
    if any(w in folded for w in lead):  # '… Công an tỉnh chủ trì, phối hợp …:' over its bullets
        return "lead"
    if voc.explicit.match(folded) and any(w in folded for w in support):  # 'Cơ quan phối hợp: …'
        return "support"
    return "assigned"


def _inner_role(task: str) -> Role | None:
    """The role a verb further in the opening phrase of a task (before its first comma) gives: 'Tiếp tục phát huy
    vai trò cơ quan Thường trực chủ trì, phối hợp với Văn phòng Chính phủ …' leads, 'Cử công chức chuyên môn phối
    hợp tham gia tổ công tác' supports; so does the verb after a duty phrase in its first sentence, when the body's
    name left words before it ('… theo chức năng, nhiệm vụ được giao có trách nhiệm phối hợp công bố …'). Not a
    verb after the first comma, which is one more duty of the body ('Tăng cường …, tích cực phối hợp với Công an các
    cấp …'), nor a noun ('công tác phối hợp', 'với sự phối hợp của …', which names who helps), nor the verb of those
    the task directs or sends ('Chỉ đạo các Khu Quản lý đường bộ … phối hợp với …', 'huy động các chuyên gia … đến
    hiện trường phối hợp, hỗ trợ …')."""
    folded = fold_in_place(task)
    opening = re.search(r"[.;:,]|$", folded)
    assert opening is not None  # '$' always matches
    voc, (lead, _) = _vocabulary(), _role_words()
    if voc.lead_clause.search(folded, opening.start()):
        # a later clause of the task that opens with the lead verb ('…; chủ trì, phối hợp với các cơ quan …', '…;
        # chủ trì vận động tổ chức, cá nhân …', '…, chịu trách nhiệm chủ trì xây dựng …'): CONVENTIONS.md, chủ trì →
        # lead; a later 'phối hợp' is one more duty of the body, which the gold reads as its plain task
        return "lead"
    directing = voc.directing.match(folded.lstrip(" -–*_"))
    if directing and not voc.role_word.match(folded.lstrip(" -–*_"), directing.end() + 1):
        return None  # 'Chỉ đạo các Khu Quản lý đường bộ … phối hợp với …': the role of those it directs
    sentence_end = re.search(r"[.;]|$", folded)
    assert sentence_end is not None  # '$' always matches
    duty = voc.duty_clause.search(folded, 0, sentence_end.start())
    if duty and (verb := voc.role.match(folded[duty.end() :].lstrip())):
        # the words the body's name left behind, then its duty ('… và các sở, ban, ngành quản lý quy hoạch theo
        # chức năng, nhiệm vụ được giao có trách nhiệm phối hợp công bố …'): the verb of the duty is its role
        return "lead" if verb.group("verb") in lead else "support"
    words = [
        m
        for m in voc.role_word.finditer(folded, 0, opening.start())
        if not voc.helped.search(folded, 0, m.start()) and not re.search(r"(?<!\w)cac\s", folded[: m.start()])
    ]
    if any(m.group() in lead for m in words):
        return "lead"
    return "support" if words else None


def _partners(text: str) -> list[str]:
    """The bodies named after 'phối hợp (với)' in a task."""
    folded = fold_in_place(text)
    names: list[str] = []
    for m in _vocabulary().partners.finditer(folded):
        found, _ = parse_addressees(text, m.end(), folded)
        names += [f.name for f in found if f.name not in names]
    return names


_CLAUSE_BREAK = re.compile(r"[,;.]\s+")
_CLAUSE_COMMA = re.compile(r",\s*")
_OPENER_CHARS = 300  # an adverbial clause before the body an item opens with runs no longer than this
_CLAUSE_END = re.compile(r"[;.](?=\s|$)")
_SENTENCE_BREAK = re.compile(r"[;.]\s+")
# where a clause that names who acts may open: after a sentence, or after a topic's colon ('3. Về tập huấn, hướng
# dẫn: Sở Khoa học và Công nghệ có trách nhiệm chủ trì …')
_CLAUSE_OPENING = re.compile(r"[;.:]\s+")
# a blank line that the joining of paragraphs carried a paragraph across, onto the title above it ('Điều 14.' /
# 'Trách nhiệm của Sở Dân tộc và Tôn giáo' / '' / 'Sở Dân tộc và Tôn giáo là cơ quan thường trực …'): a clause opens
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_CLAUSE_SEMICOLON = re.compile(r";\s*")
_DEFINITION_CLAUSE = re.compile(r"[^.;:,]*,\s*")  # 'là cơ quan thường trực …, ' before the duty it is given
_ISSUED = re.compile(r"(?<!\w)(?:số|ngày)(?!\w)|\d+/\d+")  # 'ban hành Kế hoạch số 12/KH-SYT ngày …': a past act
_NEXT_LETTER = re.compile(r"\s+([^\W\d_])")
_NEXT_LOWER = re.compile(r"[\s,]*[^\W\d_A-ZĐÀ-Ỹ]")  # a task after the bodies starts with a lowercase verb
# on folded text, so that a scan that lost its tone marks ('truoc ngay 15/6') reads the same
_DAY_MONTH = time_grammar.YEARLY_DAY
# the sentence after a task, on its line or the next ('Hoàn thành *trước ngày 21/11/2025.*'): to its full stop, a
# semicolon or a blank line
_CLOSING_SENTENCE = re.compile(r"[\s*_]*((?:(?!\n[ \t]*\n)[^;.]|\.(?![*_]*(?:\s|$))){1,300}[.;]?[*_]*)")


def _due(text: str) -> tuple[str | None, Recurrence | None]:
    """The task's due date and recurrence, read by the time grammar (``grammar.time.task_due``)."""
    return time_grammar.task_due(text)


def _clean_task(text: str) -> str:
    """The action itself: 'Chủ trì, phối hợp với các sở, ngành liên quan rà soát …' → 'Rà soát …'."""
    text = text.strip(" :;,-–")
    folded = fold_in_place(text)
    m = _vocabulary().role.match(folded)
    if m:
        after_role = _vocabulary().after_role.match(folded, m.end())
        assert after_role is not None  # every part of the pattern is optional: it always matches
        after = after_role.end()
        partners, end = parse_addressees(text, after, folded)
        rest = text[end if partners else after :].strip(" ,:")
        text = rest or text
    elif (c := _vocabulary().connective.match(folded)) is not None:
        text = text[c.end() :]
    text = " ".join(re.sub(r"\s*\./\.?\s*$|\s*/\s*$", "", text).split())  # joined lines read as one space
    return text[:1].upper() + text[1:]


def _is_sentence(rest: str) -> bool:
    """Do the words after a heading's phrase make it a sentence — words of their own and a full stop or ';'?"""
    return any(c.isalpha() for c in rest) and rest.rstrip(" *_").endswith((".", ";"))


def _is_title(task: str) -> bool:
    """A part's title in capitals ('1. SỰ CẦN THIẾT BAN HÀNH NGHỊ QUYẾT' under a submission's 'đề nghị Thường trực
    HĐND tỉnh xem xét, chấp thuận …, cụ thể như sau:', 239 TTr): what the part is about, not a task."""
    letters = [c for c in task if c.isalpha()]
    return len(letters) >= TITLE_MIN_LETTERS and all(c.isupper() for c in letters)


def _has_no_task(task: str, bodies: list[AgencyMatch]) -> bool:
    """A formula ('nghiêm túc triển khai thực hiện./.'), a request that waits on a condition ('Trong quá trình thực
    hiện, nếu có vướng mắc, đề nghị phản ánh …'), a case and what is done in it ('Đối với kiến nghị đã được giải quyết …
    nhưng cử tri vẫn tiếp tục kiến nghị thì …', notes-F's cases), what a body is not liable for ('Văn phòng đăng ký đất
    đai không chịu trách nhiệm do việc các đơn vị phối hợp …'), whom a body answers to ('Chịu trách nhiệm trước pháp
    luật về …', notes-M) or the time it answers for ('Chịu trách nhiệm về thời gian giải quyết thủ tục hành chính …',
    notes-M, notes-N), a power with its accountability ('Quyết định và chịu trách nhiệm trước …', notes-R, notes-X) or
    an exhortation to a whole class ('Các cấp ủy … xác định … là nhiệm vụ trọng tâm') gives no task of its own
    (CONVENTIONS.md, obligations); nor does a line of a blank form attached to the document ('Tên tổ chức 2: ……',
    '….(2)…. giải quyết …', '(Giao đất hay không giao đất)………': tn-046d, tn-1e6f, the H14 scan)."""
    folded = fold(task)
    voc = _vocabulary()
    if voc.form_blank.search(task) or _is_title(task) or voc.case_topic.match(task) or voc.exemption.match(folded):
        return True
    if voc.accountable.match(folded) or voc.power_and_accountability.match(folded):
        return True
    return bool(voc.generic_task.match(folded) or voc.conditional.match(folded)) or (
        all(b.collective for b in bodies) and bool(voc.exhortation.match(folded))
    )


def _obligations(
    seg: SegmentedDocument,
    bodies: list[AgencyMatch],
    task: _Task,
    heading: str,
    role: Role | None = None,
    when: str = "",
) -> list[Obligation]:
    """One obligation per body for this task; ``heading`` is the item line the task sits under, which
    gives the role when the task's own wording does not ('… chủ trì, phối hợp …:' over its bullets).
    ``role`` is given when a label says it ('Cơ quan phối hợp: …'); ``when`` is the block's time line
    ('Thời gian thực hiện: Năm 2025'), read when the task has no date of its own."""
    raw = task.text.strip(" :;,-–")
    if not any(c.isalpha() for c in raw):  # '* *  |': what the conversion left of emphasis and table rules
        return []
    text = _clean_task(raw)
    end = task.quote_to or min(task.start + len(task.text.rstrip()), task.line.end)
    if _has_no_task(text, bodies) or _vocabulary().form_blank.search(seg.text[task.line.start : end]):
        return []  # a blank in the bodies' place too ('… và ông (bà) ……… chịu trách nhiệm thi hành quyết định này')
    role = role or _role(raw, heading)
    partners = _partners(raw) or (_partners(heading) if role != "assigned" else [])
    due, recurrence = _due(raw)
    if due is None and task.quote_from is not None and task.quote_from < task.start:
        # the time that opens the sentence before its bodies dates their task ('Trong năm 2013, Ủy ban nhân dân
        # các tỉnh … phải …', 'c) Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì …')
        due, recurrence = _due(seg.text[task.quote_from : task.start])
    if due is None and when:
        due, recurrence = time_grammar.cell_due(when)
    if due is None and (closing := _CLOSING_SENTENCE.match(seg.text, end)):
        # the sentence right after the task that only closes it with its time ('… đề xuất UBND tỉnh hướng giải
        # quyết cho phù hợp. Hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025.')
        due, recurrence = time_grammar.closing_due(closing.group(1))
        end = closing.end() if due is not None else end
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
        self.attachments: set[int] = set()  # start offsets of the lines that open an attachment
        self.lines = self._body_lines()
        # an attachment is a part of its own: no item before it runs on into it
        self.ranks = [
            0 if line.start in self.attachments or _APPENDIX.match(fold_in_place(line.text)) else rank(line)
            for line in self.lines
        ]
        self.used: set[int] = set()  # lines already read as an item or a task
        self.own_requests: set[int] = set()  # lines where a body asks another as one of its duties: the asker's task
        self.addressee_ends: dict[int, int] = {}  # line index → end of the addressees read there
        self.out: list[Obligation] = []

    def _body_lines(self) -> list[Line]:
        """The paragraphs of the body and of its attachments, each part joined apart. A distribution list ('Nơi nhận:')
        assigns nothing, and its bullets ('- Sở Y tế;') would read as tasks of the last item — so the body also ends
        after the line that closes the text with './.', where a scan lost the heading or garbled it past reading; but a
        plan or regulation issued with a decision follows its signature ('(Kèm theo Quyết định số 1627/QĐ-UBND ngày
        21/11/2025 …)') and assigns again. The description of an administrative procedure ('1.1. Trình tự thực hiện:' …
        'Cơ quan giải quyết: …') says how a case is handled, and assigns nothing (``body.procedure_descriptions``), save
        its 'Cơ quan thực hiện: Sở Y tế' line, wrapped or not: CONVENTIONS gives that very line as a task handed
        explicitly to a named body. What the document quotes from another instrument (``SegmentedDocument.quotations``)
        is left out, and the text after a quotation is joined apart from the text before it."""
        parts: list[list[Line]] = [[]]
        reading = True
        start, end = document_span(self.seg)
        described = procedure_descriptions(self.seg)
        label = False  # inside a description, the next line goes on with a label wrapped before its colon
        closed = False  # the line before ended the text with its closing mark
        for i, line in enumerate(self.seg.lines):
            if not start <= line.start < end:
                continue
            folded = fold_in_place(line.text)
            if reading and i > HEADER_LINES and (closed or self.voc.end_of_body.match(folded)):
                reading = False
            elif not reading and self._opens_attachment(i):
                reading = True
                parts.append([])
                self.attachments.add(line.start)
            inside = any(a <= line.start < b for a, b in described)
            opens = inside and self.voc.procedure_label_head.match(folded) is not None
            if self.seg.quoted(line.start):
                # the law a letter quotes assigns nothing here, nor heads the letter's lines after it
                if parts[-1]:
                    parts.append([])
            elif reading and (not inside or opens or label):
                parts[-1].append(line)
                closed = line.text.rstrip(" *_").endswith(_CLOSING_MARK)
            # a label wrapped before its colon goes on ('- Cơ quan trực tiếp thực hiện' / 'giải quyết TTHC: …')
            label = ":" not in line.text and (opens or (label and line.marker is None))
        return [line for part in parts for line in self.seg.paragraphs(part)]

    def _opens_attachment(self, i: int) -> bool:
        """Does line i open an attachment ('(Kèm theo Quyết định số …)')? Its title may wrap right after 'kèm theo'
        where the web page's bold kept the lines apart ('*(Ban hành kèm **theo' / 'Quyết định số 25/2016/QĐ-TTg …')."""
        lines = self.seg.lines
        folded = fold_in_place(lines[i].text)
        after = fold_in_place(lines[i + 1].text) if i + 1 < len(lines) else ""
        m = self.voc.attachment.search(f"{folded} {after}")
        return m is not None and m.start() < len(folded)

    def _is_task_paragraph(self, line: Line) -> bool:
        """A plain paragraph that starts a task: capitalised, not a footnote, not a wrap remainder, not a closing
        formula ('Trên đây là Kế hoạch …./.', 'Văn phòng Chính phủ thông báo để … biết, thực hiện./.')."""
        folded = fold_in_place(line.text)
        return (
            line.text[:1].isupper()
            and not is_footnote(line.text)
            and not self.voc.closing.match(folded)
            and not self.voc.notice_closing.search(folded)
        )

    def _addressees(self, i: int, text: str, offset: int, record: bool = True) -> tuple[list[AgencyMatch], int]:
        """The bodies named at text[offset:] of line i; a class that a role defines ('Các cơ quan, đơn vị được
        giao chủ trì có trách nhiệm …') names nobody. ``record`` notes them as read, so that 'giao' before them is
        not read again as an explicit assignment."""
        found, end = parse_addressees(text, offset)
        if not found and (functional := self._functional_body(text, offset)) is not None:
            found, end = [functional], functional.end
        after = fold_in_place(text[end:])
        if (
            found
            and all(b.collective for b in found)
            and self.voc.defined_role.match(after)
            and not self.voc.given_duty.match(after)
        ):
            return [], offset
        if found and record:
            self.addressee_ends[i] = self.lines[i].start + end
        return found, end

    def _functional_body(self, text: str, offset: int) -> AgencyMatch | None:
        """A body named by what it does, with no 'các', opening its sentence before its duty: '2. Đơn vị cung cấp
        dịch vụ đăng kiểm có trách nhiệm kê khai …' (price rules of Bộ Xây dựng and of provinces, tn-2ff4, tn-932e,
        tn-875c), '3. Cơ sở giáo dục công lập chất lượng cao có trách nhiệm quản lý …' (HĐND Hà Nội 59/2025), '2. Cơ
        quan, đơn vị thực hiện nội dung chi …' is not one (a class series: the agency grammar's). A person, a role
        ('Cơ quan chủ trì …'), a class a role defines ('… được giao …'), a case, or whoever performs a step of the
        procedure the text sets ('Cơ quan lập đề án …', 'Cơ quan giới thiệu giám định y khoa …') names nobody."""
        folded = fold_in_place(text)
        m = self.voc.functional.match(folded, offset)
        if m is None:
            return None
        start = offset + len(folded[offset : m.end()]) - len(folded[offset : m.end()].lstrip())
        if (
            not text[start : start + 1].isupper()
            or self.voc.not_functional.search(folded, start, m.end())
            or self.voc.step_role.match(folded, start)
        ):
            return None
        return named(text, start, m.end())

    # -- an item and what sits under it ------------------------------------------------------
    def item(self, i: int, end: int, default: list[AgencyMatch], topical: bool = False, owned: bool = False) -> None:
        """Item line i with its children i+1..end-1: the bodies it names (or the list's addressees),
        the task on its own line, and one task per bullet, sub-item or paragraph under it. In a
        ``topical`` part (KIẾN NGHỊ, NHIỆM VỤ) 'Đối với X:' names who acts only when X is a body and
        the line is a heading over its lettered tasks. ``owned``: the item is one of the lettered duties of
        ``default``, the body its heading names, so an item asking another body is that body's own task ('a) Đề
        nghị Sở Tư pháp cấp, khóa … tài khoản' under '2. Trách nhiệm của Trưởng các tổ chức hành nghề công chứng',
        UBND Hải Phòng 211/2025; 'd) Giao Sở Xây dựng là cơ quan thường trực …' under 'Ủy ban nhân dân các tỉnh …
        có trách nhiệm:', Thủ tướng 22/2013; '2. Đề nghị Chi nhánh Văn phòng đăng ký đất đai cung cấp …' under a
        land office's duties), as a directive of a letter's list would not be."""
        line = self.lines[i]
        self.used.add(i)
        body = marker_body(line)
        if owned and default and self._asks(body):
            self.own_requests.add(i)
            # its role is its own, not the one it gives: 'Giao Sở Tài chính chủ trì …' is assigned (notes-P)
            self.out += _obligations(self.seg, default, _Task(line, line.end - len(body), body), "", "assigned")
            self._tasks_under(i, list(range(i + 1, end)), default, body, True)
            return
        lead_in = self.voc.item_prefix.match(fold_in_place(body))  # 'Đối với', 'Trách nhiệm của'
        if lead_in and topical:
            named, named_end = parse_addressees(body, lead_in.end())
            if not named or body[named_end:].strip(" :"):
                return  # 'Đối với Công an xã: mỗi năm xây dựng …' is a topic; only a heading of bodies over a) b) c) names who acts
        skip = lead_in.end() if lead_in else self._opener_end(line, body)  # 'Trên cơ sở …, các sở …'
        bodies, stop = self._addressees(i, line.text, len(line.text) - len(body) + skip)
        bodies, stop = self._enumerated(line.text, bodies, stop)
        bodies, stop = self._heading_name(i, bodies, stop, lead_in, end > i + 1)
        at = len(line.text) - len(line.text[stop:].lstrip())
        # 'Hội đồng nhân dân Thành phố (thống nhất) giao Ủy ban nhân dân Thành phố …': the first body only asks
        directive = self.voc.asking.match(fold_in_place(line.text), at) if bodies else None
        if directive:  # 'UBND tỉnh giao Sở Y tế …': the addressees are the ones doing it
            named, named_stop = self._addressees(i, line.text, directive.end())
            if named:
                bodies, stop = named, named_stop
        children = list(range(i + 1, end))
        if not bodies:
            sub = self._sub_items(children)
            if sub and any(self._names_body(k) for k, _ in sub):
                for k, k_end in sub:
                    if k not in self.used:
                        self.item(k, k_end, default, topical)
                return
            if self._topic_clauses(i):
                return
            if line.text.rstrip(" *_").endswith(":") and any(
                self._opens_with_body(k) for k in children if self.ranks[k] >= BULLET
            ):
                # '1. Về kiến nghị …:' over 'Các Bộ, cơ quan liên quan … nghiên cứu …': each names who acts
                self._tasks_under(i, children, [], "", False)
                return
            if not default or self._asks(body):
                return  # 'Đề nghị <a body not in the lexicon> …' is not addressed to the list's addressees
            bodies, stop = default, len(line.text) - len(body)
        # 'Công an tỉnh (cơ quan thường trực)', 'Sở Tài chính - Cơ quan thường trực', '*1.4. Sở Y tế*'
        rest = _aside(line.text[stop:]).rstrip(" *_")
        inline = (
            bool(rest.strip(" :;,.-–")) and not rest.endswith(":") and not (lead_in and ":" not in rest)
        )  # '1. Trách nhiệm của các cơ quan tham mưu' is a heading
        inline = inline or self.voc.singled_out.match(fold(rest)) is not None  # its own task, then 'trong đó:'
        sub = [] if inline else self._sub_items(children)
        if sub and any(self._names_body(k) for k in children if self.ranks[k] < BULLET):
            # '1. Trách nhiệm của các sở, ngành' over 'a) Sở Y tế', 'b) Sở Tài chính'; also deeper: '2. Các sở, ban,
            # ngành, địa phương: …' over '2.1. Trách nhiệm chung' (theirs) and '2.2. Trách nhiệm cụ thể' over 'a) Sở Xây dựng'
            for k, k_end in sub:
                if k not in self.used:
                    self.item(k, k_end, bodies, owned=True)
            return
        if inline:
            self.out += _obligations(self.seg, bodies, _Task(line, line.start + stop, rest, line.start), "")
        self._tasks_under(i, children, bodies, rest, inline)

    def _tasks_under(self, i: int, children: list[int], bodies: list[AgencyMatch], rest: str, inline: bool) -> None:
        """One task per child line of item i: a bullet, sub-item or paragraph; a child that names its own body
        ('- Sở Tài chính: bố trí kinh phí') is that body's. A child ending in ':' over deeper lines is a lead-in
        whose verb gives them their role, not a task ('- Phối hợp hướng dẫn …:' over '+ Sở Xây dựng: hướng dẫn …',
        'Chủ trì, phối hợp với các cơ quan … tham mưu cho Ủy ban nhân dân các tỉnh:' over a) b) c)); a time field
        after a task ('Thời hạn hoàn thành: Trước ngày 31/3/2026.') is that task's due — or the due of all the
        tasks under the lead-in — not a task. A plain paragraph that opens with a case ('Khi …', 'Đối với …',
        'Trường hợp …') after a numbered or lettered task says how that task is done ('a) Đánh giá sự phù hợp …' /
        'Khi đánh giá sự phù hợp … thì …' / 'b) …'), and gives no task of its own."""
        lead_in: str | None = None  # the lead-in the current tasks sit under
        item_task = False  # the last task read was a numbered or lettered item's: a case paragraph goes on with it
        lead_in_rank: int | None = None  # a numbered lead-in's rank: its tasks end at the next item of its rank
        under_bullet = False  # the lead-in is a '-' bullet over '+' bullets
        pending = len(self.out)  # the obligations since the last time field or lead-in wait for one
        case: int | None = None  # the rank of a case's lead-in ('2. Trường hợp …, cụ thể:') whose steps wait on it
        # '+' bullets right under an item that states its duty and ends in ':' are its own list, not details of a '-'
        # task: 'c) Sở Xây dựng, Sở Địa chính Cao Bằng có trách nhiệm hướng dẫn:' / '+ Quản lý nhà ở …' (UBND Cao Bằng
        # 157/QĐ-NĐ-UB), also a '-' that OCR reads as '+'; under a bare name ('2. Cơ quan Thuế:' / '+ Trước khi áp
        # dụng: …') they may describe, not assign
        plus_list = (
            bool(children)
            and self.ranks[children[0]] == SUB_BULLET
            and bool(rest.strip(" *_:"))
            and self.lines[i].text.rstrip(" *_").endswith(":")
        )
        for n, k in enumerate(children):
            child = self.lines[k]
            if case is not None and case < self.ranks[k] < PARAGRAPH:
                self.used.add(k)
                continue  # a step of the case ('a) Trong 03 ngày làm việc, … phải có văn bản …'), notes-M, notes-N
            case = self._case_lead_in(k, children[n + 1] if n + 1 < len(children) else None)
            if self.ranks[k] == BULLET or (lead_in_rank is not None and self.ranks[k] <= lead_in_rank):
                lead_in, lead_in_rank, under_bullet = None, None, False
            if self._leads_in(k, children[n + 1] if n + 1 < len(children) else None):
                lead_in, under_bullet = marker_body(child), self.ranks[k] == BULLET
                lead_in_rank = self.ranks[k] if self.ranks[k] < BULLET else None
                self.used.add(k)
                pending = len(self.out)
                continue
            if (
                (self.ranks[k] == SUB_BULLET and self.ranks[i] != BULLET and not under_bullet and not plus_list)
                or k in self.used
                or (inline and self.ranks[k] == PARAGRAPH)
            ):
                continue  # under an item that carries its own task, a plain paragraph is a closing remark
            if (field := self._field(k)) is not None and field[0] == "due":
                self.used.add(k)
                self._give_due(range(pending, len(self.out)), child.text[field[1] :])
                pending = len(self.out)
                continue
            if self.ranks[k] == PARAGRAPH and (
                (item_task and self._is_case(child)) or not self._is_task_paragraph(child) or self._is_directive(k)
            ):
                continue
            self.used.add(k)
            if lead_in is None:
                pending = len(self.out)
            item_task = self.ranks[k] < BULLET
            self._child_task(k, bodies, lead_in or rest)

    def _is_case(self, line: Line) -> bool:
        """Does a plain paragraph open with the case its sentence applies to ('Khi …', 'Đối với …', 'Trường hợp …')?"""
        folded = fold_in_place(line.text)
        return bool(self.voc.case_opener.match(folded) or self.voc.conditional.match(folded))

    def _case_lead_in(self, k: int, nxt: int | None) -> int | None:
        """The rank of child line k when it opens a case over deeper steps ('2. Trường hợp kiến nghị liên quan đến
        nhiều sở, ban, ngành thì …, cụ thể:' over a) b) c)): the steps wait on the case and, like the case, give
        no task (CONVENTIONS.md; notes-M, notes-N: 'Trường hợp …' items give none). A task done 'in the following
        cases' ('5. Phối hợp với Cảng vụ Hàng hải … đối với các trường hợp sau đây:' over a) b) c), tn-1e6f) keeps
        its own task, and its items, which name the cases, give none."""
        line = self.lines[k]
        if nxt is None or not line.text.rstrip(" *_").endswith(":") or not self.ranks[k] < self.ranks[nxt] < PARAGRAPH:
            return None
        folded = fold_in_place(marker_body(line))
        return self.ranks[k] if self.voc.conditional.match(folded) or self.voc.case_list.search(folded) else None

    def _leads_in(self, k: int, nxt: int | None) -> bool:
        """Does child line k end in ':' over the deeper lines that follow it — a '-' bullet over '+' bullets, a
        paragraph over lettered items or bullets, a numbered or lettered item over deeper items that are tasks
        ('7. Thực hiện nghiêm túc việc gửi, công khai kết quả …, cụ thể như sau:' over a) b) c), Nghệ An
        98/2025; '3. Chỉ đạo cán bộ Lao động - Thương binh và Xã hội:' over a) b) c), TP HCM 49/2012)? A lead-in
        over cases ('Trường hợp …', '… đối với các trường hợp sau đây:') keeps its own task (notes-K, notes-M)."""
        if nxt is None or not self.lines[k].text.rstrip(" *_").endswith(":") or self.ranks[k] == SUB_BULLET:
            return False
        if self.ranks[k] == BULLET:
            return self.ranks[nxt] == SUB_BULLET
        if self.ranks[k] < BULLET:
            if self.voc.condition.search(fold_in_place(marker_body(self.lines[k]))):
                return False
            under = range(nxt, self._children_end(k))
            return self.ranks[nxt] > self.ranks[k] and any(
                not self.voc.conditional.match(fold_in_place(marker_body(self.lines[m]))) for m in under
            )
        return self.ranks[k] == PARAGRAPH and self.ranks[nxt] < PARAGRAPH

    def _child_task(self, k: int, bodies: list[AgencyMatch], heading: str) -> None:
        """The task on child line k, for the body it names or else for the item's ``bodies``."""
        child = self.lines[k]
        text = marker_body(child)
        own, own_end = self._addressees(k, child.text, len(child.text) - len(text))
        if own and (
            child.text[own_end : own_end + 1] == ":"
            or (child.text[own_end + 1 : own_end + 2].islower() and (not bodies or not self._asks(text)))
        ):
            # '- Sở Tài chính: bố trí kinh phí' under '1. Các sở, ngành:' — the bullet names who does it;
            # '- Kiến nghị UBND tỉnh ban hành …' is the heading body's own task, 'Giao Bộ Tài chính …' under a
            # topic is the Bộ's
            task = _Task(child, child.start + own_end, child.text[own_end:], child.end - len(text))
            self.out += _obligations(self.seg, own, task, heading)
            return
        self.out += _obligations(self.seg, bodies, _Task(child, child.end - len(text), text), heading)

    def _give_due(self, made: range, when: str) -> None:
        """A time field under a task is its due, for the obligations that have none of their own."""
        due, recurrence = time_grammar.cell_due(when)
        for n in made:
            if self.out[n].due is None and due is not None:
                self.out[n] = self.out[n].model_copy(update={"due": due, "recurrence": recurrence})

    def _enumerated(self, text: str, bodies: list[AgencyMatch], stop: int) -> tuple[list[AgencyMatch], int]:
        """'1.3. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Công Thương, …)': a class
        whose bracket lists its members gives each member the class's tasks; without 'gồm' the bracket must hold
        nothing but two bodies or more."""
        folded = fold_in_place(text)
        m = self.voc.enumeration.search(folded, stop) if bodies else None
        if m is None and bodies and bodies[-1].collective:
            m = _BRACKET.search(text, stop)  # '… các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý …)'
        between = text[stop : m.start()] if m else ""
        if m is None or re.search(r"[.;:]", between) or len(between.split()) > 10:
            return bodies, stop  # the bracket follows the class, or the rest of its name ('… quản lý ngành, lĩnh vực')
        members, end = parse_addressees(text, m.end())
        close = text.find(")", end)
        enumerated = bool(self.voc.enumeration.match(folded, m.start())) or (
            len(members) > 1 and not text[end:close].strip(" ,.;")
        )
        return (members, close + 1) if members and close >= 0 and enumerated else (bodies, stop)

    def _heading_name(
        self, i: int, bodies: list[AgencyMatch], stop: int, lead_in: re.Match[str] | None, heading: bool
    ) -> tuple[list[AgencyMatch], int]:
        """An item that only names who acts, before its colon ('4. Các cơ sở nuôi trồng thủy sản: Theo dõi …') or
        as a heading over its tasks ('7. Các doanh nghiệp hoạt động trong lĩnh vực xây dựng … trên địa bàn tỉnh',
        '1. Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam'), names it to there, but for a bracket and an
        apposition ('Sở Tài chính - Cơ quan thường trực'); after 'Trách nhiệm của' it names the body even when
        the lexicon does not know it ('1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:')."""
        text = self.lines[i].text
        if bodies and (defined := self._class_by_role(text, bodies, stop)) is not None:
            return [*bodies[:-1], named(text, bodies[-1].start, defined, bodies[-1])], defined
        found = _ITEM_COLON.search(text, stop)
        colon = found.start() if found else -1
        if colon >= 0:
            end = len(_HEADING_TAIL.sub("", text[: colon + 1]))
        elif heading:
            end = len(_HEADING_TAIL.sub("", text))
        else:
            return bodies, stop
        if bodies:
            rest = text[stop:end]
            if heading and ";" in rest and not self.voc.task_word.search(fold_in_place(rest)):
                # '3. Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ': one body per member
                return parse_officials(text, bodies[0].start, end) or bodies, end
            if not rest.strip() or not (
                self._is_name_tail(rest) or (heading and colon < 0 and self._defines_class(bodies, rest))
            ):
                return bodies, stop
            return [*bodies[:-1], named(text, bodies[-1].start, end, bodies[-1])], end
        if lead_in is None or not self.voc.whose.match(fold_in_place(lead_in.group())):
            return bodies, stop
        start = len(text) - len(marker_body(self.lines[i])) + lead_in.end()
        phrase = text[start:end]
        if not phrase.strip() or len(phrase.split()) > 16 or re.search(r"[.;:]", phrase):
            return bodies, stop  # 'Trách nhiệm của X': X is a name, whatever words it is made of
        return [named(text, start, end)], end

    def _class_by_role(self, text: str, bodies: list[AgencyMatch], stop: int) -> int | None:
        """Where a class named by the role its members play ends, before the duty it is given: '3. Các cơ quan, tổ
        chức, đơn vị chủ trì quản lý tài sản| có trách nhiệm thực hiện chế độ báo cáo …' (Quyết định 123/2025/QĐ-CTUBND,
        Chủ tịch UBND thành phố Huế; notes-E: 'chủ trì' is part of the class name, the role is assigned). The role
        verb and a few lowercase words of its object, then the duty phrase; else None."""
        folded = fold_in_place(text)
        role = self.voc.role_word.match(folded, self._skip_spaces(text, stop))
        if bodies[-1].collective and role is None:
            return self._class_by_activity(text, folded, stop)
        if not all(b.collective for b in bodies) or role is None:
            return None
        p = role.end()
        for _ in range(_ROLE_OBJECT_WORDS + 1):
            word = _NEXT_LETTER.match(text, p)
            if word is None or not word.group(1).islower():
                return None
            if self.voc.duty_clause.match(folded, word.start(1)):
                return len(text[:p].rstrip())
            nxt = re.match(r"[ \t]*[^\W\d_]+", text[p:])
            if nxt is None:
                return None
            p += nxt.end()
        return None

    def _class_by_activity(self, text: str, folded: str, stop: int) -> int | None:
        """Where a class named by what its members do ends, before the 'theo …' that bounds it and the duty it is
        given ('… và các Sở, ban, ngành quản lý quy hoạch| theo chức năng, nhiệm vụ được giao có trách nhiệm phối hợp
        …'): lowercase words only, a dozen at most, no duty among them, and the duty in the same clause; else None."""
        bound = self.voc.class_bound.search(folded, stop)
        if bound is None or not text[stop : bound.start()].strip():
            return None
        if self.voc.functional_bound.match(folded, bound.end()):
            return self._class_to_functions(text, folded, stop, bound.start())
        words = text[stop : bound.start()].split()
        if (
            len(words) > _ACTIVITY_WORDS
            or not all(w[:1].isalpha() and w[:1].islower() for w in words)
            or self.voc.duty_clause.search(folded, stop, bound.start())  # '… cá nhân tham gia … phải thực hiện theo'
        ):
            return None
        end = _SENTENCE_OR_CLAUSE_END.search(text, bound.end())
        duty = self.voc.duty_clause.search(folded, bound.end(), end.start() if end else len(text))
        return bound.start() if duty else None

    def _class_to_functions(self, text: str, folded: str, stop: int, bound: int) -> int | None:
        """Where a class bounded by its members' functions ends, at the 'theo chức năng, nhiệm vụ' that follows
        its name: the words before it go on naming the class ('Các cơ sở giáo dục| công lập chất lượng cao| theo
        chức năng, nhiệm vụ …', HĐND Hà Nội 59/2025), and so do further members of a list of classes ('… các đơn vị|
        đầu mối giao kế hoạch, các Cơ quan chủ trì Dự án, Tiểu dự án, …| theo chức năng, nhiệm vụ được giao …', UBND
        Quảng Ngãi's notice vht534). A name goes on in lowercase, holds no sentence, aside or duty and no verb but a
        role's (a class by role: 'các cơ quan chủ trì quản lý') nor what opens a task ('Các cơ quan, đơn vị| căn cứ
        theo chức năng, nhiệm vụ', Bộ Xây dựng tn-a8e9e9675ab618ee), and is not long; else None."""
        rest = text[stop:bound]
        words = rest.split()
        if (
            not words[0][:1].islower()
            or len(words) > _FUNCTIONAL_CLASS_WORDS
            or re.search(r"[.;:()]", rest)
            or self.voc.duty_clause.search(folded, stop, bound)
            or self.voc.task_opening.search(folded, stop, bound)  # 'Các cơ quan, đơn vị| căn cứ theo chức năng …'
            or any(
                text[m.start() : m.end()].lower() in _verbs() for m in self.voc.task_word.finditer(folded, stop, bound)
            )
        ):
            return None
        return bound

    @staticmethod
    def _skip_spaces(text: str, pos: int) -> int:
        return pos + len(text[pos:]) - len(text[pos:].lstrip(" \t"))

    def _defines_class(self, bodies: list[AgencyMatch], rest: str) -> bool:
        """Does a heading over its items name a class by what its members do ('2. Các Sở, ngành chủ trì, quản lý,
        tham gia thực hiện các dự án, tiểu dự án, nội dung thành phần thuộc Chương trình', UBND Cần Thơ; notes-D,
        notes-E: 'Các cơ quan, tổ chức, đơn vị chủ trì quản lý tài sản' is one class)? Its words after the class are
        no sentence, no duty ('có nhiệm vụ'), no aside and more than a formula ('phối hợp thực hiện')."""
        folded = fold_in_place(rest).strip(" *_")
        return (
            all(b.collective for b in bodies)
            and folded[:1].isalpha()
            and not re.search(r"[.;:()/]", folded)
            and not self.voc.duty.match(folded)
            and not self.voc.generic_task.match(folded)
        )

    def _is_name_tail(self, rest: str) -> bool:
        """Words that go on naming a body, not a task: no sentence end, no role or duty word, no apposition."""
        folded = fold_in_place(rest).strip()
        listed = any(re.search(r"(?:,|\bva)\s*$", fold_in_place(rest[:start])) for start, _, _ in find_agencies(rest))
        return not (
            folded[:1] in ("-", "–", "(")
            or re.search(r"[.;:]", folded)
            or self.voc.task_word.search(folded)
            or listed  # '… cấp thành phố và Ủy ban nhân dân xã, phường' goes on to another body
        )

    def _children_end(self, i: int) -> int:
        """End of the lines that sit under line i (deeper in the outline)."""
        k = i + 1
        while k < len(self.lines) and self.ranks[k] > self.ranks[i] and self.ranks[k] != PARAGRAPH:
            k += 1
        return k

    def _topic_clauses(self, i: int) -> bool:
        """'1. Về tuyên truyền: Sở A chủ trì …, Sở B phối hợp …' — after the topic, each clause that opens
        with a body and a verb is that body's task. Returns whether any was read."""
        line = self.lines[i]
        colon = line.text.find(":", len(line.text) - len(marker_body(line)))
        if colon < 0:
            return False
        clauses: list[tuple[int, list[AgencyMatch], int]] = []  # (start, bodies, end of the bodies)
        folded = fold_in_place(line.text)
        # '… phối hợp với Bộ Công an, Bộ Khoa học và Công nghệ thực hiện …', '… báo cáo Chính phủ, Thủ tướng Chính phủ
        # trong tháng 12': the partners and recipients of a clause
        partners = [
            (m.end(), parse_addressees(line.text, m.end(), folded)[1])
            for pattern in (self.voc.partners, self.voc.recipients)
            for m in pattern.finditer(folded, colon + 1)
        ]
        for cut in [colon + 1] + [m.end() for m in _CLAUSE_BREAK.finditer(line.text, colon + 1)]:
            if (clauses and cut < clauses[-1][2]) or any(a < cut < b for a, b in partners):
                continue  # 'Giao Bộ Giáo dục và Đào tạo, Bộ Y tế nghiên cứu …': one clause names both
            found, stop = self._addressees(i, line.text, cut)
            verb = _NEXT_LETTER.match(line.text, stop)
            if (
                found
                and verb
                and verb.group(1).islower()
                and (
                    not self.voc.not_a_task.match(folded, verb.start(1))
                    or self.voc.opener.match(folded, verb.start(1))  # 'Các bộ, ngành trên cơ sở …, hoàn thiện …'
                )
            ):  # a body followed by its verb; 'Chính phủ đã ban hành …' reports, 'Sở Y tế là …' defines
                clauses.append((cut, found, stop))
        for n, (start, found, stop) in enumerate(clauses):
            until = clauses[n + 1][0] if n + 1 < len(clauses) else len(line.text)
            self.out += _obligations(
                self.seg, found, _Task(line, line.start + stop, line.text[stop:until], line.start + start), ""
            )
        return bool(clauses)

    def role_clauses(self) -> None:
        """'X chủ trì, phối hợp với Y …' in the middle of a content bullet or paragraph ('- Giám sát dịch … .
        Trung tâm Kiểm soát bệnh tật tỉnh chủ trì, phối hợp với …'): a sentence or clause after '.' or ';' that
        opens with a body and its role verb gives that body the clause as its task (lead for chủ trì, support for
        phối hợp), Y as partners; so does a body and its duty ('Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm chủ
        trì …', 'Các cơ sở giáo dục có trách nhiệm tổ chức thu …'), but not whom it answers to ('… chịu trách
        nhiệm trước Chính phủ về …'). An item or bullet that opens so is read where it stands; so is a paragraph or
        bullet whose body follows an opening clause and goes on with a plain verb (``_opened_task``)."""
        for i, line in enumerate(self.lines):
            if i in self.used or self._in_preamble(i):
                continue
            folded = fold_in_place(line.text)
            at = len(line.text) - len(marker_body(line))
            # a paragraph of its own, or a content bullet ('- Trung tâm Kiểm soát bệnh tật tỉnh chủ trì …'), that opens so
            opening = [at] if self.ranks[i] in (PARAGRAPH, BULLET, SUB_BULLET) else []
            if opening and (skip := self._opener_end(line, marker_body(line))):
                opening.append(at + skip)  # '- Trên cơ sở …, Sở Khoa học và Công nghệ chủ trì …'
            raw = self.seg.text[line.start : line.end]
            cuts = [m.end() for m in _CLAUSE_OPENING.finditer(line.text, at)]
            cuts += [m.end() for m in _BLANK_LINE.finditer(raw, at)]
            for cut in opening + sorted(set(cuts)):
                found, stop = parse_addressees(line.text, cut, folded)
                after = folded[stop:].lstrip(" ,")
                if (
                    not found
                    or not (
                        self.voc.role.match(after)
                        or self.voc.duty_clause.match(after)
                        or self._defined_duty(after)
                        or (cut in opening[1:] and self._opened_task(line.text[at:cut], line.text[stop:]))
                    )
                    or line.text.rfind("(", 0, cut) > line.text.rfind(")", 0, cut)
                    or self.voc.directive.search(folded, cut, found[0].start)
                ):
                    continue  # a note in brackets ('(giao Sở Y tế chủ trì, …)') is read with its task, 'Giao X …' as such
                if cut in opening:  # the paragraph's own task runs on to the clause that names another body
                    until = next(
                        (
                            m.start() + 1
                            for m in _SENTENCE_BREAK.finditer(line.text, stop)
                            if parse_addressees(line.text, m.end())[0]
                        ),
                        len(line.text),
                    )
                else:
                    end = _CLAUSE_END.search(line.text, stop)
                    until = end.start() + 1 if end else len(line.text)
                task = _Task(line, line.start + stop, line.text[stop:until], line.start + cut)
                self.out += _obligations(self.seg, found, task, "")
                self.used.add(i)

    def _opened_task(self, opener: str, after: str) -> bool:
        """Does a body after an adverbial clause that opens a paragraph ('Trên cơ sở …, Bộ Xây dựng làm việc với …',
        'Căn cứ mức trần tại Nghị quyết, các cơ sở giáo dục xây dựng dự toán …') go on with a task of its own: a verb,
        not a request to others ('Chính phủ yêu cầu các Bộ …', read as a directive), nor a list it opens ('Thủ tướng
        Chính phủ kết luận như sau:'), nor the opening clause of the issuer's purpose ('Để …, Thủ tướng Chính phủ …'),
        nor one of alternatives ('người đứng đầu cơ quan quản lý hoặc cơ quan được phân cấp … ra quyết định …':
        whoever is competent in the case, no named body), nor one of those a meeting heard ('Sau khi nghe lãnh đạo Sở
        Lao động - Thương binh và Xã hội, Ban Dân tộc tỉnh và các sở … báo cáo …', a notice's preamble)?"""
        sentence = re.split(r"[.;](?=\s|$)", after, maxsplit=1)[0].rstrip(" *_")
        return (
            self._acts(after)
            and not sentence.endswith(":")
            and not self.voc.alternative.search(fold_in_place(sentence.split(",", 1)[0]))
            and not self.voc.asking.match(fold_in_place(after).lstrip())
            and not self.voc.long_opener.match(opener.lstrip(" -–+*_"))
            and not self.voc.hearing.search(opener)
        )

    def _defined_duty(self, after: str) -> bool:
        """Does what follows a body define it and then, in the same sentence, give it a duty ('Sở Dân tộc và Tôn giáo
        là cơ quan thường trực trong thực hiện Quy chế này, có trách nhiệm hướng dẫn, đôn đốc …', UBND tỉnh's
        regulation under 'Trách nhiệm của Sở Dân tộc và Tôn giáo')? The definition alone ('Sở Tư pháp là cơ quan
        chuyên môn …') gives no task."""
        defined = self.voc.defining.match(after)
        clause = _DEFINITION_CLAUSE.match(after, defined.end()) if defined else None
        return clause is not None and bool(self.voc.duty_clause.match(after, clause.end()))

    def _is_directive(self, i: int) -> bool:
        """A paragraph in which a body asks other bodies to act ('UBND Thành phố yêu cầu các Sở …')."""
        return any(not fold(m.group()).startswith("giao") for m in self._directives(i))

    def _names_body(self, i: int) -> bool:
        """Does item line i name who acts — 'a) Sở Y tế', or after its lead-in, '1. Trách nhiệm của Sở Y tế'?"""
        text, body = self.lines[i].text, marker_body(self.lines[i])
        lead_in = self.voc.item_prefix.match(fold_in_place(body))
        return bool(parse_addressees(text, len(text) - len(body) + (lead_in.end() if lead_in else 0))[0])

    def _sub_items(self, indices: list[int]) -> list[tuple[int, int]]:
        """Top items among the given lines (the lowest rank above a bullet) with their extents."""
        ranks = [self.ranks[k] for k in indices if self.ranks[k] < BULLET]
        if not ranks:
            return []
        top = min(ranks)
        starts = [k for k in indices if self.ranks[k] == top]
        stop = indices[-1] + 1
        return [(k, (starts[n + 1] if n + 1 < len(starts) else stop)) for n, k in enumerate(starts)]

    # -- the places where tasks are assigned -------------------------------------------------
    def _assignment_heading(self, i: int) -> str | None:
        """'assigning' for 'IV. TỔ CHỨC THỰC HIỆN', 'Điều 4. Trách nhiệm thực hiện', an unnumbered 'PHÂN CÔNG
        NHIỆM VỤ' — not a sentence that merely contains 'tổ chức thực hiện', nor a task that opens with it and
        ends like a sentence ('b) Tổ chức thực hiện việc tiếp nhận văn bản kê khai giá ….' under '1. Cục Đăng kiểm
        Việt Nam có trách nhiệm:'); 'topical' for a part whose items assign when they open with a body ('IV. ĐỀ
        XUẤT, KIẾN NGHỊ', 'II. NHIỆM VỤ TRONG THỜI GIAN TỚI')."""
        line, r = self.lines[i], self.ranks[i]
        if len(line.text) > 100 or r in (BULLET, SUB_BULLET) or (r == PARAGRAPH and not outline.is_caps(line.text)):
            return None
        title = fold_in_place(marker_body(line)).lstrip(" #*_")
        if (heading := self.voc.heading.match(title)) and not _is_sentence(title[heading.end() :]):
            return "assigning"
        if (r == 0 or outline.is_caps(line.text)) and self.voc.section.match(title) and not self._opens_with_body(i):
            return "topical"  # 'Điều 12. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh' addresses a body: no topic
        return None

    def _part_end(self, i: int) -> int:
        r = self.ranks[i]
        for k in range(i + 1, len(self.lines)):
            if (self.ranks[k] <= r and (r < PARAGRAPH or outline.is_caps(self.lines[k].text))) or self.ranks[k] == 0:
                return k
        return len(self.lines)

    def assignment_parts(self) -> None:
        """Read each assignment part ('IV. TỔ CHỨC THỰC HIỆN', or a topical part such as 'KIẾN NGHỊ') item by item:
        its top sub-items, else its dash bullets, skipping lines an earlier reader already used."""
        for i in range(len(self.lines)):
            kind = self._assignment_heading(i)
            if kind is None:
                continue
            end = self._part_end(i)
            if self._opens_with_body(i):  # 'Điều 15. Trách nhiệm của các cơ quan, đơn vị, địa phương' over its text
                self.item(i, end, [])
                continue
            self.used.add(i)
            indices = list(range(i + 1, end))
            items = self._sub_items(indices) or [(k, k + 1) for k in indices if self.ranks[k] == BULLET]
            default = self._notice_addressees()[:1] if kind == "topical" else []
            for k, k_end in items:
                if k not in self.used and not self._cut_executing_clause(k, k_end):
                    self.item(k, k_end, self._part_addressees(i + 1, k) or default, kind == "topical")

    def _cut_executing_clause(self, k: int, end: int) -> bool:
        """Is item k a decision's executing clause whose list of officials a line break after a semicolon cut from
        its phrase — '2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành tỉnh;' / 'Chủ tịch Ủy
        ban nhân dân các xã, phường … chịu trách nhiệm thi hành Quyết định này./.' (UBND Đắk Lắk 031/2025/QĐ-UBND
        printed and scanned at 100, 150 and 200 dpi; UBND Lâm Đồng 2284/QĐ-UBND at 100, 150 and 200 dpi)? Read as
        an item, its first line would head the rest as a paragraph of its own, and its officials would be lost; it
        is one clause, left to ``executing_articles``."""
        for j in range(k + 1, end):
            if self.voc.execution.search(fold_in_place(self.lines[j].text)):
                return all(self.lines[m].text.rstrip(" *_").endswith(";") for m in range(k, j))
        return False

    def _part_addressees(self, first: int, k: int) -> list[AgencyMatch]:
        """The bodies a part's lead-in asks to act, for its items after it that name nobody: 'II. NHIỆM VỤ, GIẢI
        PHÁP TRỌNG TÂM' / 'Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, … trong đó lưu ý một số nội dung trọng
        tâm sau:' over '1. Đổi mới tư duy …', '2. …'. The nearest such paragraph before item k."""
        for j in range(k - 1, first - 1, -1):
            if self.ranks[j] == PARAGRAPH and self.lines[j].text.rstrip(" *_").endswith(":") and self._directives(j):
                return self._directive_addressees(j)
        return []

    def directive_lists(self) -> None:
        """'… đề nghị <addressees> những nội dung sau:' followed by numbered items; 'Trưởng Ban Chỉ đạo kết
        luận như sau:' over items that name who acts."""
        for i, line in enumerate(self.lines):
            if (
                i in self.used
                or not line.text.rstrip().endswith(":")
                or self.ranks[i] != PARAGRAPH
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
                self.ranks[end] < PARAGRAPH
                or not self._is_task_paragraph(self.lines[end])
                or self._under_heading_item(i + 1, end)
                or self._list_goes_on(i + 1, end)
            ):
                end += 1
            indices = list(range(i + 1, end))
            # '… đề nghị UBND các xã, phường; các đơn vị … thực hiện …. Cụ thể:' over '- Thường xuyên cập nhật …'
            items = self._sub_items(indices) or [(k, k + 1) for k in indices if self.ranks[k] == BULLET]
            for k, k_end in items:
                if k not in self.used:
                    # a part that says why and for whom ('I. QUAN ĐIỂM, PHẠM VI …') is no task of the addressees
                    self.item(k, k_end, [] if self._in_preamble(k) else addressees, not directive)

    def _list_goes_on(self, first: int, k: int) -> bool:
        """Is paragraph k inside the list that starts at line ``first`` — the rest of an item whose number was lost
        ('(4) Rà soát …' / 'Tổ chức điều phối …' / '(6) Chủ động …'), since an item of a level the list already has
        comes right after it?"""
        levels = {self.ranks[j] for j in range(first, k) if 0 < self.ranks[j] < PARAGRAPH}
        nxt = next((j for j in range(k + 1, min(k + 3, len(self.lines))) if self.ranks[j] < PARAGRAPH), None)
        return nxt is not None and self.ranks[nxt] in levels

    def _notice_addressees(self) -> list[AgencyMatch]:
        """Whom a notice of conclusions is for, from its closing ('Văn phòng Chính phủ thông báo để Ủy ban nhân dân
        tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện'): the first named body among them does the
        tasks of its 'NHIỆM VỤ' part that name nobody."""
        for line in reversed(self.lines):
            m = self.voc.notice_closing.search(fold_in_place(line.text))
            if m:  # a class ('các cơ quan, đơn vị, địa phương') is only told, not given the tasks
                return [b for b in parse_addressees(line.text, m.end())[0] if not b.collective]
        return []

    def _letter_addressees(self) -> list[AgencyMatch]:
        """The bodies after 'Kính gửi:' — on its line or in the bullets under it."""
        for i, line in enumerate(self.lines):
            m = self.voc.salutation.match(fold_in_place(line.text))
            if not m:
                continue
            found = parse_addressees(line.text, m.end())[0]
            k = i + 1
            while not line.text[m.end() :].strip() and k < len(self.lines) and self.ranks[k] == BULLET:
                found += parse_addressees(
                    self.lines[k].text, len(self.lines[k].text) - len(marker_body(self.lines[k]))
                )[0]
                k += 1
            return found
        return []

    def _under_heading_item(self, first: int, k: int) -> bool:
        """Is plain paragraph k under an item whose line ends with ':' (a heading over its tasks)?"""
        for j in range(k - 1, first - 1, -1):
            if self.ranks[j] < BULLET:
                return self.lines[j].text.rstrip().endswith(":")
        return False

    def _asks(self, text: str) -> bool:
        """Does ``text`` open with a request verb ('Đề nghị Sở Tư pháp …', 'Giao Sở Xây dựng …') — not with its
        homograph ('Giáo dục …')?"""
        m = self.voc.directive.match(fold_in_place(text))
        return m is not None and not self.voc.homograph.match(text, m.start())

    def _directives(self, i: int) -> list[re.Match[str]]:
        """Directive verbs in line i that are followed by named bodies."""
        text = self.lines[i].text
        folded = fold_in_place(text)
        return [
            m
            for m in self.voc.directive.finditer(folded)
            if not self.voc.homograph.match(text, m.start()) and parse_addressees(text, m.end(), folded)[0]
        ]

    def _directive_addressees(self, i: int) -> list[AgencyMatch]:
        found = self._directives(i)
        return self._addressees(i, self.lines[i].text, found[0].end())[0] if found else []

    def directive_sentences(self) -> None:
        """A plain paragraph in which a body asks named bodies to act: each addressee, each task."""
        for i, line in enumerate(self.lines):
            folded = fold_in_place(line.text)
            if (
                i in self.used
                or self.ranks[i] != PARAGRAPH
                or line.text.rstrip().endswith(":")
                or self.voc.closing.match(folded)
            ):
                continue
            for m in self.voc.directive.finditer(folded):
                sentence = line.text[line.text.rfind(". ", 0, m.start()) + 1 : m.start()]
                if (
                    folded[m.start() : m.start() + 4] == "giao"
                    or DOC_NUMBER.search(sentence)
                    or self._waits_on_condition(sentence)
                    or self.voc.request_paper.search(folded, 0, m.start())
                ):
                    # 'giao' is read by explicit_assignments; 'Công văn số 12/UBND … yêu cầu' is reported speech;
                    # 'nếu có khó khăn, vướng mắc, đề nghị … phản ánh' asks for nothing unless something happens;
                    # 'dự thảo Tờ trình đề nghị UBND tỉnh ban hành …' names a paper, it asks nothing
                    continue
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

    def _waits_on_condition(self, sentence: str) -> bool:
        """Does the sentence make its request wait on a condition ('nếu có khó khăn, vướng mắc, đề nghị …')? Folded,
        'nếu' (if) is also the 'nêu' of 'nêu trên' (above): a word with tone marks must be spelled with the
        condition's own ('… trên cơ sở nguyên tắc … nêu trên, đề nghị bộ, ngành, địa phương khẩn trương …'); a word
        without any, as a scan that lost them prints it, is read as the condition."""
        for m in self.voc.condition.finditer(fold_in_place(sentence)):
            spelled = sentence[m.start() : m.end()]
            if spelled.lower() == m.group() or self.voc.condition_spelled.fullmatch(spelled):
                return True
        return False

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
        """'Điều 3. … Chánh Văn phòng …, Giám đốc các Sở: … chịu trách nhiệm thi hành Quyết định này.' — the
        clause may run over several lines of the article ('Chánh Văn phòng UBND tỉnh; Giám đốc các sở, ban, ngành;'
        / 'Chủ tịch UBND các xã, phường … chịu trách nhiệm thi hành …'), from its last numbered item or its start."""
        for i, line in enumerate(self.lines):
            if not (line.marker or "").startswith("Điều"):
                continue
            end = self._part_end(i)
            for k in range(i, end):
                if k not in self.used and self.voc.execution.search(fold_in_place(self.lines[k].text)):
                    self._executing_clause(i, k)

    def _executing_clause(self, i: int, k: int) -> None:
        """The clause of article i that ends on line k with its phrase: its officials, each with the phrase's
        task; a clause whose words name no list of officials ('1. Bộ trưởng Bộ Nội vụ chủ trì, phối hợp …
        hướng dẫn, kiểm tra việc thi hành Quyết định này') is left to the readers of items."""
        first = k if k == i or self.lines[k].marker else max(j for j in range(i, k) if j == i or self.lines[j].marker)
        title = marker_body(self.lines[i])
        is_title = (
            len(title) <= _TITLE_CHARS
            and not re.search(r"[;:]", title)
            and not parse_addressees(title)[0]
            and not is_bare_title(title)
        )
        if is_title and i + 1 <= k:
            # 'Điều 3. Chánh' / 'Văn phòng, Vụ trưởng Vụ …' (Bộ KH&CN 4001/QĐ-BKHCN): the title's words open a member
            member = f"{title} {self.lines[i + 1].text}".split(",")[0].split(";")[0]
            found = parse_addressees(member)[0]
            is_title = not is_bare_title(member) and not (found and found[0].start == 0 and found[0].end > len(title))
        if first == i < k and is_title:
            # 'Điều 3. Tổ chức thực hiện' is the article's title, not the clause's first member — but 'Điều 4.
            # Chánh Văn phòng' / 'UBND tỉnh, Giám đốc …' is the clause wrapped after its first words
            first = i + 1
        clause = self.lines[k]
        if first < k:
            text = self.seg.text[self.lines[first].start : clause.end].replace("\n", " ").replace("\f", " ")
            clause = replace(self.lines[first], end=clause.end, text=text)
        text = clause.text
        # the last phrase: the article's title may hold the same words ('Điều 4. Hiệu lực và trách nhiệm thi
        # hành' / 'Quyết định này có hiệu lực …')
        phrase = next(reversed(list(self.voc.execution.finditer(fold_in_place(text)))), None)
        assert phrase is not None  # line k holds the phrase, and the clause ends with line k
        stop = text.rfind(". ", 0, phrase.start())
        sentence = max(stop + 2 if stop >= 0 else 0, len(text) - len(marker_body(clause)))
        opening = self.voc.salutation_in_article.match(fold_in_place(text), sentence)
        assert opening is not None  # every part of the pattern is optional
        bodies = parse_officials(text, opening.end(), phrase.start())
        if bodies:
            self.used.update(range(first, k + 1))
            task = _Task(clause, clause.start + phrase.start(), text[phrase.start() :], clause.start + sentence)
            self.out += _obligations(self.seg, bodies, task, "")

    def _field(self, i: int) -> tuple[str, int] | None:
        """(kind, offset of the value) when line i opens with a task field's label ('- Cơ quan chủ trì: …')."""
        line = self.lines[i]
        at = len(line.text) - len(marker_body(line))
        folded = fold_in_place(line.text)
        for kind, label in field_labels():
            if m := label.match(folded, at):
                return kind, m.end()
        return None

    def _block(self, i: int) -> tuple[int | None, int, int]:
        """(the item line i belongs to, first and last+1 line of that item's lines): the task a field line
        describes and its sibling fields."""
        r = self.ranks[i]
        parent = next((j for j in range(i - 1, -1, -1) if self.ranks[j] < min(r, PARAGRAPH)), None)
        if parent is None:
            return None, i, i + 1
        end = parent + 1
        while end < len(self.lines) and self.ranks[end] > self.ranks[parent]:
            end += 1
        return parent, parent + 1, end

    def task_blocks(self) -> None:
        """A task with its fields on lines of their own — '1. Phổ biến Luật Việc làm' over '- Nội dung thực
        hiện: …', '- Cơ quan chủ trì: Sở Nội vụ, Sở Tài chính.', '- Cơ quan phối hợp: …', '- Thời gian thực
        hiện: Năm 2025 …': one obligation per body of each role field, with the role its label gives; a
        'Cơ quan thực hiện:' field gives the bodies of each clause the role of their own verb ('Sở Nội vụ chủ
        trì …; Sở Tư pháp … chủ động tổ chức …'). The task is the 'Nội dung' field, else the item's own line."""
        for i in range(len(self.lines)):
            field = self._field(i)
            if field is None or field[0] not in ("lead", "assigned", "partners") or i in self.used:
                continue
            parent, first, last = self._block(i)
            siblings = {k: f for k in range(first, last) if (f := self._field(k)) is not None}
            content = next((k for k, f in siblings.items() if f[0] == "task"), None)
            timing = next((k for k, f in siblings.items() if f[0] == "due"), None)
            when = self.lines[timing].text[siblings[timing][1] :] if timing is not None else ""
            if content is not None:
                c = self.lines[content]
                task = _Task(self.lines[i], c.start + siblings[content][1], c.text[siblings[content][1] :])
            elif parent is not None:
                p = self.lines[parent]
                task = _Task(self.lines[i], p.end - len(marker_body(p)), marker_body(p))
            else:
                continue
            task = replace(task, quote_from=self.lines[i].start, quote_to=self.lines[i].end)
            found = self._field_clauses(i, field)
            for bodies, role in found:
                self.out += _obligations(self.seg, bodies, task, "", role, when)
            if found:  # the item line is used up when it was the task
                self.used.update(k for k in (i, content, timing, parent if content is None else None) if k is not None)
            elif field[0] == "partners" and parse_addressees(self.lines[i].text, field[1])[0]:
                # 'Đơn vị phối hợp: Các cơ quan, đơn vị liên quan.' is courtesy, read: not a label 'Cơ quan chủ trì: X'
                # for explicit_assignments to give the line above as its task (UBND Bắc Ninh's plan tn-09daab284f92e2dd
                # printed and scanned at 100, 150 and 200 dpi: 'Sở Tư pháp.' the task of 'các cơ quan, đơn vị liên quan')
                self.used.add(i)

    def _field_clauses(self, i: int, field: tuple[str, int]) -> list[tuple[list[AgencyMatch], Role]]:
        """The bodies of a role field, clause by clause, each with its role; a catch-all closing a list of named
        bodies ('…, Sở Tài chính và các cơ quan, đơn vị có liên quan'), or a clause of its own in a partners field
        ('Đơn vị phối hợp: Sở Tư pháp; các cơ quan, đơn vị, địa phương liên quan.'), is only courtesy, as in a task
        table's partners column."""
        kind, at = field
        text = self.lines[i].text
        folded = fold_in_place(text)
        given: Role | None = "lead" if kind == "lead" else "support" if kind == "partners" else None
        starts = [at] + [m.end() for m in _CLAUSE_SEMICOLON.finditer(text, at)]
        out: list[tuple[list[AgencyMatch], Role]] = []
        for start, until in zip(starts, [*starts[1:], len(text)], strict=True):
            bodies, stop = parse_addressees(text[:until], start, folded[:until])
            if not bodies:
                continue
            if (len(bodies) > 1 or given == "support") and bodies[-1].collective and is_catch_all(bodies[-1].name):
                bodies = bodies[:-1]
            if not bodies:
                continue
            out.append((bodies, given or _role(text[stop:until], "")))
        return out

    def duty_articles(self) -> None:
        """A regulation of one body's functions, duties and powers ('Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu
        tổ chức của Sở Tư pháp', Hà Tĩnh 2979/QĐ-UBND; '… của Chi cục Kiểm lâm', Quảng Trị 39/2025/QĐ-UBND; '… của
        Trung tâm Phục vụ hành chính công', Cần Thơ): its article 'Nhiệm vụ và quyền hạn' lists standing duties that
        name no body, and they are the duties of the body the regulation is about (``_regulated_body``). Each leaf of
        the article's outline is one duty: a numbered, lettered or dashed item with nothing deeper under it, or a
        paragraph of its own after the first item. An item over deeper ones gives none: a group ('1. Về xây dựng pháp
        luật') or a lead-in whose words open its items' tasks ('1.1. Trình Ủy ban nhân dân tỉnh' over 'a) Dự thảo
        nghị quyết …'), notes-D3; but an item over the cases it applies to is one duty (notes-K, notes-M)."""
        for i, line in enumerate(self.lines):
            if i in self.used or not (line.marker or "").startswith("Điều"):
                continue
            if not self.voc.duty_article.match(fold_in_place(marker_body(line)).strip(" *_#")):
                continue
            end = self._part_end(i)
            first = next((k for k in range(i + 1, end) if self.ranks[k] < PARAGRAPH), end)
            body = self._regulated_body(i, first)
            if body is None:
                continue
            self.used.update(range(i, first))
            for j in self._position_articles(i)[1:]:
                if not self.voc.duty_article.match(fold_in_place(marker_body(self.lines[j])).strip(" *_#")):
                    self.used.update(range(j, self._part_end(j)))  # 'Vị trí và chức năng' says what the body is
            self._duties(first, end, body)

    def _duties(self, first: int, end: int, body: AgencyMatch) -> None:
        """One obligation of ``body`` per leaf of lines first..end-1, its task opened by the lead-ins above it."""
        lead_ins: dict[int, str] = {}  # rank → the words of the lead-in over the items that follow
        for k in range(first, end):
            line, r = self.lines[k], self.ranks[k]
            lead_ins = {depth: words for depth, words in lead_ins.items() if depth < r}
            text = marker_body(line)
            if k in self.used or (r == PARAGRAPH and text.rstrip(" *_").endswith(":")):
                continue
            if self._defined_body(k) or self.voc.position_label.match(fold_in_place(text)):
                # '1. Chức năng: Trung tâm … là đơn vị sự nghiệp …' says what the body is, not what it does
                self.used.update(range(k, self._children_end(k) if r < PARAGRAPH else k + 1))
                continue
            self.used.add(k)
            if k + 1 < end and r < self.ranks[k + 1] < PARAGRAPH:
                if not self._waits_on_condition(text):
                    lead_ins[r] = self._lead_in_words(text)
                    continue
                # '… thu hồi giấy phép trong các trường hợp sau:' over the cases: one duty, as _leads_in reads it
                self.used.update(range(k, self._children_end(k)))
            text = _LOST_LETTER.sub("", text) if r == PARAGRAPH else text
            opening = " ".join(words for _, words in sorted(lead_ins.items()) if words)
            if opening and text[1:2].islower():
                text = f"{opening} {text[:1].lower()}{text[1:]}"
            elif opening:
                text = f"{opening} {text}"
            task = _Task(line, line.end - len(marker_body(line)), text, quote_from=line.start, quote_to=line.end)
            self.out += _obligations(self.seg, [body], task, opening)

    def _position_articles(self, i: int) -> list[int]:
        """Duty article i and the articles before it in the same part that say what the body is or what it does
        ('Điều 1. Vị trí và chức năng', 'Điều 3. Nhiệm vụ' before 'Điều 4. Quyền hạn'), nearest first."""
        found = [i]
        for j in range(i - 1, -1, -1):
            line = self.lines[j]
            if not (line.marker or "").startswith("Điều"):
                if line.start in self.attachments:
                    break
                continue
            title = fold_in_place(marker_body(line)).strip(" *_#")
            if not (self.voc.position_article.match(title) or self.voc.duty_article.match(title)):
                break
            found.append(j)
        return found

    def _defined_body(self, k: int) -> AgencyMatch | None:
        """The body line k says what it is of ('1. Sở Tư pháp là cơ quan chuyên môn …', 'Chức năng: Trung tâm … có
        chức năng tham mưu …', 'Sở Nội vụ (sau đây gọi tắt là Sở) là …'), if it does: the subject is the body's whole
        name, also when the lexicon knows only its first words ('Ban Quản lý dự án đầu tư xây dựng các công trình
        dân dụng và công nghiệp tỉnh là đơn vị …')."""
        line = self.lines[k]
        folded = fold_in_place(line.text)
        at = len(line.text) - len(marker_body(line))
        label = self.voc.position_label.match(folded, at)
        found, stop = parse_addressees(line.text, label.end() if label else at, folded)
        if len(found) != 1:
            return None
        aside = _ASIDE.match(line.text, stop)
        defining = self.voc.defining.search(folded, aside.end() if aside else stop)
        if defining is None:
            return None
        rest = line.text[stop : defining.start()]
        if aside or not rest.strip():
            return found[0]
        if re.search(r"[^\w\s]", rest) or len(rest.split()) > _NAME_WORDS:
            return None  # 'Sở Tư pháp có tư cách pháp nhân, …; Giám đốc Sở là người đứng đầu': not its subject
        return named(line.text, found[0].start, defining.start(), found[0])

    def _lead_in_words(self, text: str) -> str:
        """The words of an item over deeper items that open their tasks ('Tham mưu Sở Nông nghiệp và Môi trường trình
        Ủy ban nhân dân tỉnh:'), or nothing for a group of duties by field ('Về hộ tịch, quốc tịch, nuôi con nuôi') or
        a list's introduction ('… và thực hiện các nhiệm vụ sau:'), which is the sum of its items."""
        folded = fold_in_place(text).strip(" *_")
        if self.voc.duty_group.match(folded) or self.voc.list_intro.search(folded):
            return ""
        return text.strip(" *_").rstrip(" :")

    def _regulated_body(self, i: int, first: int) -> AgencyMatch | None:
        """The body whose duties article i lists: named by the article's own opening paragraph ('Trung tâm Phục vụ
        hành chính công thành phố thực hiện nhiệm vụ, quyền hạn … như sau:'), else defined in the article or in the
        position articles before it ('Điều 1. Vị trí và chức năng' / '1. Chi cục Kiểm lâm là tổ chức hành chính thuộc
        Sở …'), else by the words the decision names the regulation by ('Ban hành kèm theo Quyết định này Quy định
        chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp.')."""
        for k in range(i + 1, first):
            found, stop = parse_addressees(self.lines[k].text)
            if len(found) == 1 and _NEXT_LOWER.match(self.lines[k].text, stop):
                return found[0]
        for j in self._position_articles(i):
            for k in range(j + 1, self._part_end(j)):
                if (defined := self._defined_body(k)) is not None:
                    return defined
        for line in self.lines[:i]:
            folded = fold_in_place(line.text)
            m = self.voc.regulation_subject.search(folded)
            if m and not outline.is_caps(line.text) and not DOC_NUMBER.search(line.text, 0, m.start()):
                found = parse_addressees(line.text, m.end(), folded)[0]
                if found:  # 'Chi cục Kiểm lâm thuộc Sở Nông nghiệp và Môi trường': the body, not whose it is
                    owner = self.voc.belongs_to.search(folded, found[0].start, found[0].end)
                    return named(line.text, found[0].start, owner.start()) if owner else found[0]
        return None

    def explicit_assignments(self) -> None:
        """'giao Công an tỉnh chủ trì …', 'Cơ quan thực hiện: Sở Y tế' anywhere in the body."""
        for i, line in enumerate(self.lines):
            if i in self.own_requests:
                continue  # 'd) Giao Sở Xây dựng …' among the duties of UBND tỉnh is UBND tỉnh's alone (notes-D, cb-40)
            folded = fold_in_place(line.text)
            for m in self.voc.explicit.finditer(folded):
                if (
                    m.start() < self.addressee_ends.get(i, -1) - line.start
                    or self.voc.not_before_explicit.search(folded, 0, m.start())
                    or self.voc.homograph.match(line.text, m.start())
                ):
                    continue
                bodies, stop = parse_addressees(line.text, m.end(), folded)
                if not bodies:
                    continue
                paren = line.text.rfind("(", 0, m.start())
                if paren > line.text.rfind(")", 0, m.start()):
                    # '- Tăng cường kiểm tra … (giao Sở Y tế chủ trì)', '… (Cơ quan chủ trì: Sở Y tế)':
                    # the task is what the note is attached to
                    start = len(line.text) - len(marker_body(line))
                    close = line.text.find(")", stop)
                    note = m.group() + line.text[stop : close if close > 0 else len(line.text)]
                    self.out += _obligations(
                        self.seg, bodies, _Task(line, line.start + start, line.text[start:paren]), note
                    )
                elif folded[m.start() : m.start() + 4] == "giao":
                    task = line.text[stop:]
                    names_only = not _NEXT_LOWER.match(task) and not self.voc.task_word.search(fold_in_place(task))
                    if (not _PARENTHESIS.sub("", task, count=1).strip(" :") or names_only) and i not in self.used:
                        # '3. Giao Công an tỉnh (Cơ quan Thường trực):' over bullets: the bracket is an alias;
                        # '1. Giao người đứng đầu …; Chủ tịch UBND các xã …' over bullets names more bodies
                        self.item(i, self._children_end(i), [])
                        break
                    end = re.search(r"(?<=\.)\s", task)
                    task = task[: end.start()] if end else task
                    self.out += _obligations(
                        self.seg, bodies, _Task(line, line.start + stop, task, line.start + m.start()), ""
                    )
                elif i not in self.used:  # 'Cơ quan chủ trì: X' — the task is what the line or the line above says
                    task = line.text[: m.start()].strip() or (self.lines[i - 1].text if i else "")
                    task = re.sub(r"^[^:]{0,20}:\s*", "", task)  # 'Nội dung: …'
                    self.out += _obligations(self.seg, bodies, _Task(line, line.start, task), m.group())

    def body_items(self) -> None:
        """An item that opens with the body it gives a task to, wherever it stands: a telegram's '2. Bộ Xây dựng:'
        over its a) b), '3. Bộ Tài chính chủ trì cùng Bộ Xây dựng …', a regulation's 'Điều 5. Nội dung Sở Dân tộc
        và Tôn giáo có trách nhiệm chủ trì' over its numbered items, 'Điều 3. Giám đốc Sở Nội vụ có trách nhiệm
        hướng dẫn …'. The body must be followed by its colon, its verb or — for a heading — nothing more. A '-' or '+'
        bullet of that form left unread is that body's task too ('- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ
        trợ người dân …' under a topic, UBND Đắk Lắk; '+ Sở Nông nghiệp và Môi trường tổng hợp chung các mẫu biểu …',
        UBND Cần Thơ), when its verb follows the body (``_bullet_acts``)."""
        for i in range(len(self.lines)):
            if i in self.used or self.ranks[i] == PARAGRAPH or self._in_preamble(i) or not self._opens_with_body(i):
                continue
            if self.ranks[i] < BULLET:
                self.item(i, self._part_end(i), [])
            elif self._bullet_acts(i):
                self.item(i, i + 1, [])

    def _bullet_acts(self, i: int) -> bool:
        """Does bullet i open with a body followed by its verb — no heading's bare name or colon, which a bullet
        outside an item does not head, no table cell, which the table reader reads by its columns, and no bullet of
        a task whose fields name who does it ('- Các cơ quan, đơn vị, địa phương tiếp tục nâng cao nhận thức …' over
        'Đơn vị thực hiện: Các Sở, ngành, đơn vị, UBND cấp xã.', UBND Bắc Ninh's plan III.3), nor a class that names
        nobody ('+ Các cơ quan, đơn vị liên quan thu thập thông tin …', UBND Cần Thơ's plan IV.3: no obligation in its
        gold; CONVENTIONS: a task of a named body)?"""
        _, first, last = self._block(i)
        if any(
            (f := self._field(k)) is not None and f[0] in ("lead", "assigned", "partners") for k in range(first, last)
        ):
            return False
        line = self.lines[i]
        body = marker_body(line)
        bodies, stop = self._addressees(i, line.text, len(line.text) - len(body), record=False)
        return (
            bool(bodies)
            and bodies[0].start == len(line.text) - len(body)
            and not is_catch_all(bodies[0].name)
            and self._acts(line.text[stop:])
            and self.seg.row_at(line.start) is None
        )

    def _in_preamble(self, i: int) -> bool:
        """Is line i in a part that says why and for whom, not who does what ('I. MỤC ĐÍCH, YÊU CẦU'), or in an
        article that allocates a competence ('Điều 10. Thẩm quyền xử lý kỷ luật')?"""
        part = next((j for j in range(i, -1, -1) if self.ranks[j] == 0), None)
        return part is not None and bool(
            self.voc.preamble.match(fold_in_place(marker_body(self.lines[part])).lstrip(" *_#"))
        )

    def _opener_end(self, line: Line, body: str) -> int:
        """Where the body an item opens with starts after an adverbial clause, or 0. A recurring step may name its body
        with no comma ('2. Hằng năm Bộ Quốc phòng lập …'). A short opener ends at its first comma within 60 characters
        ('Hằng năm, Sở Nội vụ …'), even when no body follows: 'a) Căn cứ số vốn được phân bổ từ ngân sách trung ương,
        vốn ngân sách địa phương …, Ủy ban nhân dân cấp tỉnh phân bổ …' (Thủ tướng, 22/2013/QĐ-TTg) is not read, because
        going on past that comma added more false obligations than it found (docs/benchmarks-history.md, oblrec19). A longer
        opener, 'để', or a time limit runs over commas of its own to the first one a named body and its verb follow: '-
        Trên cơ sở Quyết định phê duyệt danh sách hỗ trợ của Ủy ban nhân dân tỉnh, Sở Khoa học và Công nghệ chủ trì …'
        (HĐND tỉnh), '5. Để nâng cao hiệu lực, hiệu quả …, các Sở, ngành, UBND cấp xã … triển khai thực hiện những nội
        dung sau:' (UBND Đắk Lắk), '- Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ theo quy định,
        Phòng Kinh tế … phối hợp …' (HĐND Huế 37/2025), 'd) Trong thời hạn 03 ngày kể từ ngày có Biên bản thẩm định, Cục
        Bảo tồn … lấy ý kiến …' (Bộ Nông nghiệp và Môi trường) — but a time limit not in a table row: a cell of a
        procedure list ('- Trong thời hạn 05 ngày làm việc, …, Sở Tư pháp có trách nhiệm xem xét, cấp lại …', UBND Quảng
        Ngãi 1628/QĐ-UBND) says how a case is handled (ruling PL)."""
        folded = fold_in_place(body)
        lead = len(body) - len(body.lstrip(" *_"))
        if (periodic := self.voc.periodic_opener.match(folded, lead)) is not None:  # '2. Hằng năm Bộ Quốc phòng lập …'
            found, stop = parse_addressees(body, periodic.end(), folded)
            if found and found[0].start == periodic.end() and self._acts(body[stop:]):
                return periodic.end()
        timed = self.voc.time_opener.match(folded, lead) is not None and self.seg.row_at(line.start) is None
        if not timed and (short := self.voc.opener.match(folded, lead)) is not None:
            return short.end()
        if not (timed or self.voc.opener_word.match(folded, lead) or self.voc.long_opener.match(body, lead)):
            return 0
        for comma in _CLAUSE_COMMA.finditer(body, lead, lead + _OPENER_CHARS):
            found, stop = parse_addressees(body, comma.end(), folded)
            if found and found[0].start == comma.end() and self._acts(body[stop:]):
                return comma.end()
        return 0

    def _opens_with_body(self, i: int) -> bool:
        """Does item line i open with the body it gives a task to, after its number and any opening clause
        (``_opener_end``): the body then its colon, nothing more (a heading over its tasks), or its verb
        (``_acts``); a lead-in ('Trách nhiệm của …') names its body even when the lexicon does not know it."""
        line = self.lines[i]
        body = marker_body(line)
        folded = fold_in_place(body)
        lead_in = self.voc.item_prefix.match(folded)
        skip = lead_in.end() if lead_in else self._opener_end(line, body)  # 'Hằng năm, Sở Nội vụ …'
        offset = len(line.text) - len(body) + skip
        bodies, stop = self._addressees(i, line.text, offset, record=False)
        if not bodies:
            return bool(lead_in) and self._heading_name(i, bodies, stop, lead_in, self._part_end(i) > i + 1)[0] != []
        bodies, stop = self._enumerated(line.text, bodies, stop)
        after = _aside(line.text[stop:])
        return after.lstrip(" *_").startswith(":") or not _HEADING_TAIL.sub("", after).strip() or self._acts(after)

    def _acts(self, after: str) -> bool:
        """Does the text after a body open its task: a lowercase verb that is no 'là', 'đã', 'không' …, a duty ('có
        trách nhiệm'), a standing duty given ('được giao quản lý') or an instrument to issue ('ban hành quy định')?"""
        verb = _NEXT_LETTER.match(after)
        return bool(
            verb is not None
            and verb.group(1).islower()
            and (
                self.voc.duty.match(fold_in_place(after).lstrip())
                or self.voc.given_duty.match(fold_in_place(after))
                or not self.voc.not_a_task.match(fold_in_place(after).lstrip())
                or self._issues(after)
            )
        )

    def _issues(self, after: str) -> bool:
        """Is the rest of an item a body's task to issue an instrument ('4. Ủy ban nhân dân Thành phố ban hành quy định
        chi tiết quy trình …', HĐND Hà Nội 70/2025; '4. Ủy ban nhân dân cấp tỉnh ban hành quy chế quản lý công trình
        ghi công liệt sĩ', Nghị định 131/2021), not the report of one issued ('… ban hành Kế hoạch số 12/KH-SYT ngày
        …': its number or its date in the clause)?"""
        text = after.lstrip()
        clause = re.split(r"[.;:]", text, maxsplit=1)[0]
        return bool(self.voc.issuing.match(fold_in_place(text))) and not _ISSUED.search(clause)

    def tables(self) -> None:
        """A table of tasks — 'Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian' — one obligation per row
        and body, its rows as the task table reader gives them (``task_tables``: the header, group rows, empty
        cells, a table going on over a page); appendix tables come after the signature, so all tables are read."""
        for table in read_task_tables(self.seg.text, self.seg.tables()):
            # without a time column, a time in the title dates every row ('… CHỈ TIÊU … ĐẾN NĂM 2030', notes-M)
            when = time_grammar.task_due(table.title) if "due" not in table.columns else (None, None)
            for row in table.rows:
                self._table_row(row, when)

    def procedure_labels(self) -> None:
        """A label naming, for an administrative procedure, the body that carries it out — a line of the procedure's
        description ('Cơ quan thực hiện TTHC: Sở Khoa học và Công nghệ.', the bodies on the next line when the label
        stands alone) or of a cell in a procedure list's row ('Cơ quan trực tiếp thực hiện: Sở Nông nghiệp và Môi
        trường.') — gives each body it names the procedure as its task, `assigned` (the lead's ruling PL,
        notes-adjud8). The procedure is the row's name cell, else the name over the description's first field; a body
        the list already gave that procedure, or, with no name found, that a list gave, is one task, not two; with no
        name found, another body is read as any 'Cơ quan thực hiện: …' line (``explicit_assignments``). A plan's
        'Cơ quan thực hiện: …' field, outside a procedure, and a label whose bodies lead or support, are the task
        blocks' (``task_blocks``)."""
        described = procedure_descriptions(self.seg)
        tables = self.seg.tables()
        given = {(fold(o.agency), fold(o.task)) for o in self.out}
        listed = {fold(o.agency) for o in self.out}
        for i, line in enumerate(self.lines):
            folded = fold_in_place(line.text)
            m = self.voc.procedure_assignment.match(folded)
            alone = self.voc.procedure_label_alone.match(folded) is not None
            if (m is None and not alone) or i in self.used:
                continue
            cell = name_cell_at(tables, line.start)
            inside = any(a <= line.start < b for a, b in described)
            if cell is None and not inside:
                continue
            groups: list[tuple[Line, list[AgencyMatch]]] = []  # the line quoted, the bodies it names
            if m is not None and not alone:
                value = line.text[m.end() :].split("\n", 1)[0]
                bodies = [b for b in _label_bodies(value) if not (b.collective and is_catch_all(b.name))]
                groups = [(line, bodies)] if bodies and _role(value, "") == "assigned" else []
            else:  # '**2. Cơ quan thực hiện TTHC:**' over 'Sở Khoa học và Công nghệ.', a cell over 'a) Sở Xây dựng …'
                for item in self._items_below(line):
                    heads = parse_addressees(marker_body(item))[0]
                    if heads and _role(marker_body(item), "") == "assigned":
                        groups.append((item, heads))
            if not groups:
                if inside:  # the description's other words: how a case is handled, no task
                    self.used.add(i)
                continue
            if cell is not None:
                name: tuple[int, str] | None = (
                    cell.start + len(cell.text) - len(cell.text.lstrip()),
                    cell.text.strip(),
                )
            else:
                name = procedure_name_before(self.seg, line.start)
            if name is None:
                if all(fold(b.name) in listed for _, bodies in groups for b in bodies):
                    self.used.add(i)  # the procedure unknown, its bodies given by the list: one task, not two
                continue  # else the line is read as any 'Cơ quan thực hiện: …' field (``explicit_assignments``)
            for source, bodies in groups:
                task = _Task(source, name[0], name[1], quote_from=source.start, quote_to=source.end)
                for found in _obligations(self.seg, bodies, task, "", "assigned"):
                    key = (fold(found.agency), fold(found.task))
                    if key not in given:
                        given.add(key)
                        self.out.append(found.model_copy(update={"due": None, "recurrence": None}))
            self.used.add(i)
            # the items under it ('a) Sở Xây dựng chấp thuận …') are read: no item of a body's own
            self.used.update(
                k for k, kept in enumerate(self.lines) for q, _ in groups if q.start <= kept.start <= q.end
            )

    def _items_below(self, line: Line) -> list[Line]:
        """The paragraphs under a label standing alone, up to the end of its cell ('|'), the next field's label or
        numbered field ('**3. Kết quả thực hiện TTHC:**'), each whole: a sentence a wrap the text kept did not cut
        ('Ban Chỉ huy Phòng thủ dân sự cấp' / 'xã phối hợp với …' is no body of its own)."""
        below: list[Line] = []
        for k in self.seg.lines:
            if k.start <= line.end:
                continue
            if not k.text.strip(" *_|"):  # a table's rule: the label's cell ends, or the value's
                if below:
                    break
                continue
            if self._labelled(k.text) or (k.marker or "")[:1].isdigit() or len(below) >= _ITEM_LINES:
                break
            below.append(k)
        return [p for p in self.seg.paragraphs(below) if p.text.rstrip(" *_").endswith((".", ";"))]

    def _labelled(self, text: str) -> bool:
        """Does a line open with a procedure field's label, one naming who carries it out or another?"""
        folded = fold_in_place(text)
        return bool(self.voc.procedure_assignment.match(folded) or self.voc.procedure_other_label.match(folded))

    def _table_row(self, row: TaskRow, when: tuple[str | None, Recurrence | None]) -> None:
        """The obligations of one row, from its cells by column kind: one per body of the lead (or executing)
        column, and one per named body of the partners column — a catch-all in either ('cơ quan, địa phương liên
        quan', 'Các bộ, ngành liên quan') is only the lead's courtesy, as on a 'Cơ quan phối hợp:' line. A body the
        lexicon does not know is read from a row that opens with its number only, not from text run on after a
        table ('Bản chính: 01 | Bản sao: 0')."""
        cells = row.cells
        column: Role = "lead" if "lead" in cells else "assigned"
        task = row.text("task")
        due, recurrence = time_grammar.cell_due(row.text("due")) if "due" in cells else when
        clauses = self._cell_clauses(row.clauses(column), column, row.numbered, (due, recurrence))
        if not clauses or not task:
            return
        leads = {fold(b.name) for bodies, _, _ in clauses for b in bodies}
        helpers = parse_addressees(row.text("partners"))[0] if "partners" in cells else []
        partners = [b.name for b in helpers]
        supports = [b for b in helpers if not (b.collective and is_catch_all(b.name)) and fold(b.name) not in leads]
        at, text = cells["task"].start, cells["task"].text
        line = self.seg.line_at(at)
        first = at + len(text) - len(text.lstrip())
        evidence = self.seg.evidence(first, first + len(text.strip()))
        self.out += [
            Obligation(
                agency=b.name,
                role=role,
                task=_clean_task(task),
                partners=partners if role != "support" else [],
                due=when_done[0],
                recurrence=when_done[1],
                section=line.section if line else None,
                evidence=evidence,
            )
            for bodies, role, when_done in [*clauses, (supports, "support", (due, recurrence))]
            for b in bodies
        ]

    @staticmethod
    def _cell_clauses(
        who: str, column: Role, numbered: bool, when: tuple[str | None, Recurrence | None]
    ) -> list[tuple[list[AgencyMatch], Role, tuple[str | None, Recurrence | None]]]:
        """The bodies of a lead or executing cell with their role and due. A cell of several clauses, each naming
        bodies and what they do ('Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện công
        bố dữ liệu mở hằng năm'), gives each clause's bodies the role of its own verb, and the time of its own
        words (none for a yearly duty); a cell that only names bodies gives them the column's role."""
        parts = [p for p in (c.strip() for c in who.split(";")) if p]
        out = []
        for part in parts if len(parts) > 1 else [who]:
            named, stop = parse_addressees(part)
            if not named and numbered and len(part.split()) <= 24 and ":" not in part:
                # 'Cơ quan chuyên môn y tế thuộc Ủy ban nhân dân cấp tỉnh'; not a field's label ('Cơ quan thực hiện: …')
                named, stop = parse_officials(part, 0, len(part)), len(part)
            bodies = [b for b in named if not (b.collective and is_catch_all(b.name))]
            if bodies:
                out.append((bodies, part[stop:].strip(" ,.")))
        roles = [_role(rest, "") if rest else column for _, rest in out]
        if len(out) < 2 or not {"lead", "support"} & {r for (_, rest), r in zip(out, roles, strict=True) if rest}:
            # 'Sở Giáo dục và Đào tạo; Sở Nội vụ; Sở Khoa học và Công nghệ thúc đẩy, theo dõi': one verb for all
            return [(bodies, column, when) for bodies, _ in out]
        clauses: list[tuple[list[AgencyMatch], Role, tuple[str | None, Recurrence | None]]] = []
        for (bodies, rest), role in zip(out, roles, strict=True):
            own = time_grammar.task_due(rest) if rest else (None, None)
            due = own if own[0] else (None, None) if rest and time_grammar.periodic(fold(rest)) else when
            clauses.append((bodies, role, due))
        return clauses


_ITEM_LINES = 8  # how many lines the bodies under a label standing alone may take


def _label_bodies(value: str) -> list[AgencyMatch]:
    """The bodies a procedure's executing-body label names ('UBND cấp xã, UBND cấp tỉnh;'), each as printed: where
    the grammar's reading stops inside the value ('Ban Chỉ huy Phòng thủ dân sự cấp xã, cơ quan chuyên môn về bảo vệ
    môi trường cấp xã nơi xảy ra sự cố.'), each of its comma-separated parts is read whole; a part that names no body
    ('Cơ quan chuyên môn được Ủy ban nhân dân tỉnh giao chủ trì …', whoever is given the lead) gives none."""
    bodies, stop = parse_addressees(value)
    if bodies and not value[stop:].strip(" *_.,;"):
        return bodies
    out: list[AgencyMatch] = []
    for part in (p.strip(" *_.") for p in re.split(r"[;,]", value)):
        if part:
            out += parse_officials(part, 0, len(part)) or parse_addressees(part)[0]
    return out


def is_catch_all(name: str) -> bool:
    """Does a body's name only close a list ('Các bộ, ngành liên quan', 'cơ quan, địa phương có liên quan')? In a
    task table's columns such a class gives no obligation of its own (CONVENTIONS.md, notes-F, notes-L)."""
    return bool(_vocabulary().catch_all.search(fold(name)))


def extract(seg: SegmentedDocument, meta: DocumentMeta | None = None) -> list[Obligation]:
    """Every obligation of the document, in reading order. ``meta`` is accepted for the common
    extractor interface; bodies keep the scope words the document gives them ('Công an Thành phố').

    The passes run from the most to the least structured form; a line one pass reads is used up for those
    after it: tables, the labels naming who carries out an administrative procedure, task blocks with their
    fields, the duty article of a body's functions, assignment parts, executing articles, lists under a
    directive, items opening with a body anywhere, directive sentences, role clauses inside bullets, and 'giao X'
    wherever it is left. Then the initialisms the document defines are spelled out in the bodies' names, and a
    due in a year before the document's (``_reported_past``) is dropped."""
    reader = _Reader(seg)
    reader.tables()
    reader.procedure_labels()
    reader.task_blocks()
    reader.duty_articles()
    reader.assignment_parts()
    reader.executing_articles()
    reader.directive_lists()
    reader.body_items()
    reader.directive_sentences()
    reader.role_clauses()
    reader.explicit_assignments()
    spelled = expand_initialisms(sorted({o.agency for o in reader.out}), seg.text)
    out = [o.model_copy(update={"agency": spelled[o.agency]}) if o.agency in spelled else o for o in reader.out]
    issued_on = meta.issued_on if meta is not None else None
    floor = issued_on or time_grammar.cited_floor(fold_in_place(seg.text))  # a scan that lost its date line
    out = [o.model_copy(update={"due": None}) if _reported_past(o.due, floor) else o for o in out]
    return sorted(out, key=lambda o: o.evidence.start)


def _reported_past(due: str | None, floor: str | None) -> bool:
    """A due in a year before the document's is a date the task describes, not its limit ('Xác nhận … nhà ở
    (xây dựng trước ngày 01 tháng 7 năm 2006)', UBND Lai Châu 88/2025; '… vào loại đất ở trước ngày 01/7/2004',
    UBND Nghệ An 95/2025): the time grammar's rule for limits (``TimeMention.before``). ``floor``: the document's
    date, or the latest date it cites when a scan lost that (``time_grammar.cited_floor``)."""
    return bool(due and floor and due[:1].isdigit() and due[:4] < floor[:4])
