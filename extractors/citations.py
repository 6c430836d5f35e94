"""Citations: the other documents a document cites by số/ký hiệu.

A citation in this genre reads '<Kind> [số] <number>[,] [ngày <date>] [của <issuer>] [về <title>]': 'Nghị quyết số
12-NQ/TW, ngày 16/3/2022 của Bộ Chính trị về …', 'Quyết định số 18/QĐ-TTg ngày 14/02/2026 của Thủ tướng Chính phủ', 'Căn
cứ Nghị định số 08/2016/NĐ-CP ngày 25 tháng 01 năm 2016'. Every số/ký hiệu in the text is a candidate; its kind is the
kind word before it, else the letters of its symbol (NQ → Nghị quyết), else the kind of the citation it is listed after
('Nghị quyết số 12-NQ/TW, 15-NQ/TW'). A bare number counts only right after a capitalised kind word and not before a
measure word ('Đề án 06 của Chính phủ' is a citation, 'Kế hoạch 5 năm' and 'chương trình 135' are not). Laws cited by
name and date carry no number and are not citations; the document's own number is not one either. One entry per distinct
(number, date); a mention without a date adds nothing when the same number is cited with one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.agencies import expand_abbreviations, match_agency
from extractors.body import document_span
from extractors.common import (
    DOC_NUMBER,
    clean_number,
    document_kinds,
    exact_alternation,
    iso_date,
    kind_of_symbol,
    load_json,
    phrase_alternation,
)
from extractors.metadata import document_number
from pipeline.text import fold, fold_in_place
from pipeline.text.segment import SegmentedDocument
from schemas.document import TextSource
from schemas.extraction import Citation, DocumentMeta

LOOKBACK = 90  # characters before a number searched for its kind word ('Luật Du lịch số')
ISSUER_MAX = 90
TITLE_MAX = 400
DATED_LEAD_MAX = 120  # characters from a sentence's opening date to the number it dates


@dataclass(frozen=True)
class _Patterns:
    kind_before: re.Pattern[str]
    kind_named_before: re.Pattern[str]
    kind_named_bare: re.Pattern[str]  # a law named before its number without 'số': 'Luật … tài sản công 15/2017/QH14'
    bare_number: re.Pattern[str]
    date_after: re.Pattern[str]
    issuer_after: re.Pattern[str]
    issuer_end: re.Pattern[str]
    issuer_stop_words: frozenset[str]  # as written, in lower case: a folded match of one is a stop only so
    issuer_after_comma: re.Pattern[str]  # on the text, as written: ', Chủ nhiệm …', ', Bộ …' going on with the issuer
    title_after: re.Pattern[str]
    list_separator: re.Pattern[str]
    next_in_list: re.Pattern[str]  # '…; số' after a cited paper's title: the next paper of its list
    own_number_label: re.Pattern[str]
    annex_of: re.Pattern[str]  # '(Kèm theo Quyết định số' opening a line: an annex naming the paper it belongs to
    form_code: re.Pattern[str]  # 'theo mẫu số 03/TNDN', 'Mẫu số 05-PA': the code of a form to fill in
    kinds: dict[str, str]
    standard: re.Pattern[str]  # on the text: 'QCVN 85:2025/BNNMT', 'TCVN 13592:2022'
    standards: dict[str, str]  # code prefix → kind
    dated_lead: re.Pattern[str]  # 'Ngày 12/3/2012, ' opening a sentence
    dated_verb: re.Pattern[str]
    number_lead: re.Pattern[str]  # a number's leading 1 read as a letter by OCR: 'số I86/KH-UBND'
    code_slips: dict[str, str]  # a letter OCR reads in a symbol's code → the letter printed
    code_doubled: str  # letters whose doubling OCR reads as one: 'Tg' for TTg


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    kinds = {fold(k): k for k in document_kinds()}
    data = load_json("citations.json")
    measures = phrase_alternation(data["measure_words"])
    alt = phrase_alternation(kinds)
    date = (
        r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})"
        r"|ngay\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
    )
    codes = exact_alternation(data["standards"])
    skip = r"(?:\s*\([^)\n]{0,40}\))?"  # '(khóa XII)' between the parts
    return _Patterns(
        kind_before=re.compile(rf"(?<!\w)({alt})(?:\s*:)?\s+(?:so\s*[:.]?\s*)?$"),  # 'các Văn bản: số'
        kind_named_before=re.compile(rf"(?<!\w)({alt})(?:\s+[^\s\d,;.:()/-]+,?){{1,9}}?\s+so\s*[:.]?\s*$"),
        kind_named_bare=re.compile(rf"(?<!\w)({alt})(?:\s+[^\s\d,;.:()/-]+,?){{1,9}}?\s+$"),
        bare_number=re.compile(rf"(?<!\w)({alt})\s+(?:so\s*[:.]?\s*)?(\d{{1,3}})(?![\w/.,%-]|\s*(?:{measures})\b)"),
        date_after=re.compile(rf"\s*[,;]?{skip}\s*,?\s*\(?\s*(?:ban hanh\s+|ky\s+)?(?:{date})(?:\s*\))?"),
        issuer_after=re.compile(rf"\s*,?{skip}\s*,?\s*(?:cua|giua)\s+"),
        issuer_end=re.compile(
            rf"\s+(?P<word>{phrase_alternation(data['issuer_stop_words'])})\b"
            r"|\s*[;,.:“”\"()\n\t…|]|$"
            rf"|\s+(?:va|hoac)\s+(?:cac\s+)?(?:{alt})\b"
        ),  # the next citation of a list
        issuer_stop_words=frozenset(data["issuer_stop_words"]),
        issuer_after_comma=re.compile(rf"\s*(?:{exact_alternation(data['issuer_after_comma'])})\b"),
        title_after=re.compile(rf"{skip}\s*,?\s*ve\s+"),
        list_separator=re.compile(r"^\s*(?:,|;|va(?:\s+cac)?|hoac)\s*(?:so\s*[:.]?\s*)?$"),  # '; số', 'và số'
        next_in_list=re.compile(r";\s*so\s*[:.]?\s*$"),
        own_number_label=re.compile(r"(?:^|\n)\s*so\s*[:.]?\s*$"),
        annex_of=re.compile(
            rf"(?:^|\n)[\s*_]*\(\s*[*_]*\s*(?:ban hanh\s+)?kem\s+theo\s+(?:{alt})\s+(?:so\s*[:.]?\s*)?$"
        ),
        form_code=re.compile(r"(?<!\w)mau(?:\s+don)?\s+so\s*[:.]?\s*$"),
        kinds=kinds,
        standard=re.compile(
            rf"(?<![\w/])((?:{codes})\s*\d+(?:-\d+)*(?:\s*:\s*\d{{4}})?(?:\s*/\s*[A-ZĐ][A-ZĐ0-9]*)?)(?![\w/])"
        ),
        standards=dict(data["standards"]),
        dated_lead=re.compile(rf"\s*(?:{date})\s*,\s*"),
        dated_verb=re.compile(rf"\b(?:{phrase_alternation(data['dated_verbs'])})\b"),
        code_slips=dict(data["code_slips"]),
        code_doubled=data["code_doubled"],
        number_lead=re.compile(rf"(?<![\w/])[{re.escape(data['number_lead_lookalikes'])}](?=\d{{1,4}}\s*/\s*[A-ZĐ])"),
    )


@dataclass
class _Found:
    start: int  # of the whole phrase (kind word or number)
    end: int
    number: str
    kind: str
    issued_on: str | None
    issuer: str | None
    title: str | None
    at: int  # of the number


def _candidates(text: str, key: str, scanned: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, number) of every số/ký hiệu, every standard's code and every bare number written
    after a capitalised kind word or 'số': 'Đề án 06', 'quyết định số 135' name a document, 'đề án 06 của
    tỉnh' and 'chương trình 135' a scheme by its nickname. ``scanned``: the spans of OCR'd pages."""
    # emphasis a web page leaves inside a number: 'số** 3303**/QĐ-BTP', '*số 794*/SDTTG-VP'
    plain, restored = _lead_digits_restored(text.replace("*", " "), scanned)
    found = [
        _joined_symbol(plain, m.start(1), m.end(1), any(a <= m.start(1) < b for a, b in scanned))
        for m in DOC_NUMBER.finditer(plain)
    ]
    found = [f for f in found if f[0] not in restored or _reads_clean(f[2])]
    found += [(m.start(1), m.end(1), " ".join(m.group(1).split())) for m in _patterns().standard.finditer(text)]
    taken = [(s, e) for s, e, _ in found]
    for m in _patterns().bare_number.finditer(key):
        named = text[m.start(1)].isupper() or "so" in key[m.end(1) : m.start(2)]
        if named and not any(s <= m.start(2) < e for s, e in taken):
            found.append((m.start(2), m.end(2), m.group(2)))
    return sorted(found)


def _lead_digits_restored(text: str, scanned: list[tuple[int, int]]) -> tuple[str, set[int]]:
    """``text`` with the leading 1 of a number that OCR read as a letter put back on OCR'd pages, one character for
    one: 'Kế hoạch số I86/KH-UBND', 'Kết luận số I84/KL-TTr' (UBND Quảng Ngãi vht534 resampled to 100-200 dpi
    one-bit), 'Quyết định số I479/QD-TTs' (UBND Quảng Ngãi 05 at 100 dpi one-bit), 'phiếu trình số' / 'I3/ÚB-TP'
    (UBND Cao Bằng 157/QĐ-NĐ-UB, typed in 1999, at 100 dpi one-bit): a letter before digits and a symbol's slash.
    Returns the text and where a figure was put back."""
    pattern = _patterns().number_lead
    chars = list(text)
    restored = set()
    for start, end in scanned:
        for m in pattern.finditer(text, start, end):
            chars[m.start()] = "1"
            restored.add(m.start())
    return "".join(chars), restored


def _reads_clean(number: str) -> bool:
    """Every letter part of the symbol is a code the corpus writes: a number whose leading figure OCR already slipped
    is read only so ('I479/QD-TTs', 'I86/KH-LUJUBND' in UBND Quảng Ngãi 05 and vht534 at 100 dpi one-bit are not)."""
    return all(part in _symbol_codes() for part in re.split(r"[-/&]", number) if not part.isdigit())


def _joined_symbol(text: str, start: int, end: int, scanned: bool) -> tuple[int, int, str]:
    """A symbol whose last part joins two units with '&' ('9086/BNV-CTTN&BĐG', 'LĐTB&XH') read whole; on an OCR'd
    page, a code part one letter from exactly one code the corpus writes is read as that code (``_mended_code``)."""
    more = re.match(r"&[A-ZĐ][A-ZĐ0-9]*", text[end:])
    if more:
        end += more.end()
    number = clean_number(text[start:end], scanned)
    if scanned:
        number = re.sub(r"[^-/]+", lambda m: _mended_code(m.group()), number)
    return start, end, number


@lru_cache(maxsize=1)
def _symbol_codes() -> frozenset[str]:
    return frozenset(load_json("symbol_codes.json")["codes"])


def _mended_code(part: str) -> str:
    """A symbol's letter part with one letter OCR slipped: a letter misread (``citations.json`` ``code_slips``: 'K'
    for X, '6138/UBND-KGVK' for KGVX, UBND Quảng Ngãi vht534 at 300 dpi grey; 'L' for T, '202/BLTTT-KHTC' for BTTTT,
    bnt_BTTTT at 150 dpi) or a doubled letter read once ('2269/QĐ- -Tg' for TTg, bnt_BTTTT at 200 dpi), read as the
    one code of ``symbol_codes.json`` it then is, when it is no code itself. Any letter added, lost or changed would
    make real codes the corpus lacks into others ('SNNPTNT' into BNNPTNT, 'BHXH' into BVHXH, 'KBNN' into BNN), and
    any letter doubled UBND Quảng Ngãi's 'NC' into NCC."""
    codes = _symbol_codes()
    if part in codes or not part.isalpha():
        return part
    slips = _patterns().code_slips
    misread = {part[:i] + slips[c] + part[i + 1 :] for i, c in enumerate(part) if c in slips}
    doubled = {part[: i + 1] + part[i:] for i, c in enumerate(part) if c in _patterns().code_doubled}
    near = (misread | doubled) & codes
    return near.pop() if len(near) == 1 else part


def _date_before(key: str, phrase_start: int, paragraph_start: int) -> str | None:
    """The date a sentence opens with, for the document it says was issued that day: 'Ngày 12/3/2012,
    Văn phòng Chính phủ đã có văn bản số 87/TB-VPCP …', 'Ngày 28 tháng 10 năm 2025, Chủ tịch … đã ban
    hành Công văn số 3280/UBND-VX', 'Ngày 16/7/2012, Ủy ban Thường vụ Quốc hội khóa 13 đã ban hành Pháp lệnh số
    04/2012/UBTVQH13' (cb-file_data_38), 'Ngày 22/11/2023, Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh … thời kỳ
    2021-2030 … tại Quyết định số 1456/QĐ-TTg' (239 TTr, its sentence wrapped over two printed lines). The
    sentence opens its paragraph (``paragraph_start``: wraps joined); another date or number between them
    dates nothing."""
    p = _patterns()
    m = p.dated_lead.match(key, paragraph_start)
    if not m or phrase_start - m.end() > DATED_LEAD_MAX:
        return None
    between = key[m.end() : phrase_start]
    if _OTHER_DATE_OR_NUMBER.search(between) or not p.dated_verb.search(between):
        return None
    groups = [g for g in m.groups() if g is not None]
    return iso_date(*groups[:3])


# a date, a day or a số/ký hiệu between a sentence's opening date and the number: the date is not this paper's
_OTHER_DATE_OR_NUMBER = re.compile(r"\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d|\bngay\s+\d|\d\s*/\s*[^\W\d]|\bso\s*:?\s*\d")


# a stop before a word in lower case: a comma the OCR read as a stop ('số : 88/CP. ngày 17/8/1994. số 60/CP. ngày
# 05/7/1994', H14 as read; printed '88/CP, ngày …, số 60/CP, ngày'), the sentence going on
_MISREAD_COMMA = re.compile(r"[ \t]*\.[ \t]*(?=[^\W\d_])")


def _past_misread_comma(text: str, pos: int) -> int:
    """Where the sentence goes on after a stop the OCR read for a comma, or ``pos`` when it does not."""
    m = _MISREAD_COMMA.match(text, pos)
    return m.end() if m and text[m.end()].islower() else pos


def _separator(text: str, key: str, end: int, start: int) -> str:
    """The folded words between two numbers of a list, a stop the OCR read for a comma read as the comma."""
    going_on = _past_misread_comma(text, end)
    return key[end:start] if going_on == end else ", " + key[going_on:start]


def _date(text: str, key: str, pos: int) -> tuple[str | None, int]:
    m = _patterns().date_after.match(key, pos, pos + 80)
    if not m and (going_on := _past_misread_comma(text, pos)) != pos:
        m = _patterns().date_after.match(key, going_on, going_on + 80)
    if not m:
        return None, pos
    groups = [g for g in m.groups() if g is not None]
    return iso_date(*groups[:3]), m.end()


def _issuer(text: str, key: str, pos: int) -> tuple[str | None, int]:
    """The issuer a citation names after 'của' or 'giữa' at ``pos`` ('… ngày 16/3/2022 của Bộ Chính trị về …'),
    abbreviations spelled out, and where it stops (``_issuer_stop``, over a line break inside the name); (None, pos)
    without one."""
    p = _patterns()
    m = p.issuer_after.match(key, pos, pos + 60)
    if not m:
        return None, pos
    limit = min(len(key), m.end() + ISSUER_MAX)
    end = _issuer_stop(text, key, m.end(), limit)
    stop = end.start() if end else limit
    if end is not None and "\n" in key[end.start() : end.end()]:
        stop = _wrapped_name_end(text, key, m.end(), stop, limit)
    name = " ".join(text[m.end() : stop].split()).strip(" ,;")
    return (expand_abbreviations(name) or None), stop if name else pos


def _issuer_stop(text: str, key: str, start: int, limit: int) -> re.Match[str] | None:
    """The first stop after an issuer's name. A stop word is one only when written as itself (``issuer_stop_words``):
    folded, the 'Tài' of 'Bộ Tài chính' is the 'tại' that ends a name, the 'Khoa' of 'Bộ Khoa học và Công nghệ' the
    'khóa' of a party congress ('… của Bộ Tài chính' in letters of Cục Thuế, HĐND Hà Nội, UBND Hà Tĩnh, Cục Hải
    quan)."""
    p = _patterns()
    pattern, words = p.issuer_end, p.issuer_stop_words
    end = pattern.search(key, start, limit)
    while end is not None and (
        (end.group("word") and _written(text, end) not in words) or _comma_inside_name(text, start, end.start())
    ):
        end = pattern.search(key, end.end(), limit)
    return end


def _comma_inside_name(text: str, start: int, comma: int) -> bool:
    """A comma that goes on with the issuer: a joint issuer's next title or ministry ('của Bộ trưởng, Chủ nhiệm Văn
    phòng Chính phủ', 'của Liên Bộ Giáo dục và Đào tạo, Bộ Tài chính, …'), or a comma inside a body's name the agency
    lexicon reads whole ('của Bộ Văn hóa, Thể thao và Du lịch')."""
    if text[comma : comma + 1] != ",":
        return False
    if _patterns().issuer_after_comma.match(text, comma + 1):
        return True
    body = match_agency(text, start)
    return body is not None and body.end > comma


def _written(text: str, m: re.Match[str]) -> str:
    """The words a match over the folded text covers, as the text writes them, in lower case, spaced by one space."""
    return " ".join(text[m.start() : m.end()].lower().split())


def _wrapped_name_end(text: str, key: str, start: int, stop: int, limit: int) -> int:
    """Where an issuer's name ends when its line ended inside it ('… của Bộ' / 'Tài chính quy định:', 'của Bộ Tài' /
    'chính'): at the end of the body the agency lexicon reads across the line break, or at the next stop of the
    words after it; a line that ends after a whole name ('của Chính phủ' / 'Quy định …') still ends it."""
    body = match_agency(text.replace("\n", " "), start)
    if body is None or body.end <= stop:
        return stop
    end = _issuer_stop(text, key.replace("\n", " "), stop, limit)
    return min(body.end, end.start() if end else limit)


def _title(text: str, key: str, pos: int) -> str | None:
    """The title a citation gives after 'về' at ``pos``: the quoted words when it is in quotes, else up to its
    sentence's end, a ';', a line break, an ellipsis or a bracketed remark (a bracket that opens with a figure,
    '(2021-2025)', stays in the title); None without one."""
    m = _patterns().title_after.match(key, pos, pos + 60)
    if not m:
        return None
    rest = text[m.end() : m.end() + TITLE_MAX]
    quoted = re.match(r"\s*[“\"]([^”\"\n]+)[”\"]", rest)
    if quoted:
        return quoted.group(1).strip(" .…*")
    rest = rest.lstrip(' “"*')
    cut = re.search(r"[;\n]|\.\s|\.$|…|\s\((?!\d)", rest)
    title = rest[: cut.start()] if cut else rest
    return " ".join(title.split()).strip(" .,*…") or None


def _scan(seg: SegmentedDocument, own: str | None) -> list[_Found]:
    """Every cited number with its kind, date, issuer and title; ``own``, the document's number, skipped."""
    text = seg.text
    key = fold_in_place(text).replace("*", " ")  # emphasis marks a web page leaves inside a date
    p = _patterns()
    found: list[_Found] = []
    starts = [0, *(line.start for line in seg.paragraphs())]
    scanned = [(page.start, page.end) for page in seg.doc.pages if page.source == TextSource.ocr]
    for start, end, number in _candidates(text, key, scanned):
        if own and number == own:
            continue
        code = next((c for k, c in p.standards.items() if number.startswith(k)), None)
        if code is not None:
            issuer, _ = _issuer(text, key, end)
            found.append(_Found(start, end, number, code, None, issuer, None, start))
            continue
        window = key[max(0, start - LOOKBACK) : start]
        kind_word = p.kind_before.search(window) or p.kind_named_before.search(window)
        if kind_word is None and kind_of_symbol(number) is None and "/" in number:
            kind_word = p.kind_named_bare.search(window)
        if kind_word is None and p.own_number_label.search(window):
            continue  # the 'Số:' line of the header: the document's own number
        if kind_word is not None and own and p.annex_of.search(window) and _one_slip_apart(number, own):
            continue  # an annex's heading names the document itself, whose number OCR misread in the header
        if p.form_code.search(window):
            continue  # a form's code, not a paper: 'Văn bản đề nghị theo mẫu số 01/MGTH'
        kind: str | None  # None: neither a kind word nor a symbol says what the cited document is
        if kind_word:
            kind = p.kinds[" ".join(kind_word.group(1).split())]
            phrase_start = start - len(window) + kind_word.start(1)
        else:
            kind = kind_of_symbol(number)
            if found and p.list_separator.match(_separator(text, key, found[-1].end, start)):
                kind = kind or found[-1].kind
            elif kind is None and found and _next_in_list(key, found[-1], start, starts):
                kind = found[-1].kind
            if kind is None:
                continue
            phrase_start = start
        issued_on, after = _date(text, key, end)
        if issued_on is None:
            issued_on = _date_before(key, phrase_start, starts[bisect_right(starts, phrase_start) - 1])
        issuer, after = _issuer(text, key, after)
        title = _title(text, key, after)
        found.append(_Found(phrase_start, max(after, end), number, kind, issued_on, issuer, title, start))
    return _shared_dates(key, found)


def _one_slip_apart(number: str, own: str) -> bool:
    """True when two numbers differ by one character, added, lost or changed: the number an annex's heading gives
    ('(Kèm theo Quyết định số: 1627/QĐ-UBND ngày 21/11/2025 …)') and the document's own as OCR read it in the
    header ('167/QĐ-UBND', UBND Quảng Ngãi; '13837 /QĐ-BNV' for 1383/QĐ-BNV, Bộ Nội vụ; '170/QĐ-BCĐNNDI' for
    170/QĐ-BCĐNNDL, BCĐ Nhà nước về Du lịch: prints scanned at 100 and 150 dpi). An annex may reproduce another
    paper's ('(Ban hành kèm theo Quyết định số 5764/QĐ-BCA – V05 ngày 13/7/2021 …)' in a Công an plan): a citation."""
    a, b = fold(number).replace(" ", ""), fold(own).replace(" ", "")
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _next_in_list(key: str, before: _Found, start: int, starts: list[int]) -> bool:
    """'Nghị quyết số 55/2010/QH12 về miễn, giảm thuế …; số 107/2020/QH14 ngày 10/6/2020 về …' (tn-478446b5, Hà
    Nội; the same list of Thông tư in cb-file_data_2, Nghị định in tn-ac0f18a2): a number after '; số' continues
    the list of the paper cited before it in the same paragraph, its title between them."""
    same_paragraph = starts[bisect_right(starts, before.at) - 1] == starts[bisect_right(starts, start) - 1]
    return same_paragraph and bool(_patterns().next_in_list.search(key, max(before.end, start - 12), start))


_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)/")  # '31/2024/QH15': a year the shared date must not contradict
# on folded text: 'và' and the second paper's own 'số' or kind word ('và Đề án số', 'và số')
_PAIRED = re.compile(r"\s*va\s+(?:[^\W\d]+\s+){0,3}so\s*[:.]?\s*")


def _issuer_code(number: str) -> str:
    """The symbol's last part, the issuer's code: 'CP' of '392/TTr-CP', 'QH15' of '31/2024/QH15'."""
    return re.split(r"[-/]", number)[-1]


def _shared_dates(key: str, found: list[_Found]) -> list[_Found]:
    """'Tờ trình số 392/TTr-CP và Đề án số 393/ĐA-CP ngày 09 tháng 5 năm 2025' (notes-W), 'số 008/CĐ-UBND và số
    009/CĐ-UBND ngày 19/11/2025' (notes-D): a pair joined by 'và', the second with its own 'số' or kind word and
    nothing else between them, one issuer's code ending both symbols, share the date printed after the second. A
    bare list ('217/CĐ-TTg, 218/CĐ-TTg … và 222/CĐ-TTg ngày …') dates its last only (notes-K), and so does a pair
    whose first number has a year of its own that is not the date's ('Pháp lệnh số 04/2012/PL-UBTVQH13 và Nghị
    định số 31/2013/NĐ-CP ngày 09 tháng 4 năm 2013')."""
    out = list(found)
    for j in range(len(out) - 2, -1, -1):
        f, g = out[j], out[j + 1]
        year = _YEAR_IN_NUMBER.search(f.number)
        if (
            f.issued_on is None
            and g.issued_on is not None
            and _PAIRED.fullmatch(key, f.end, g.at)
            and (year is None or g.issued_on.startswith(year.group(1)))
            and _issuer_code(f.number) == _issuer_code(g.number)
        ):
            out[j] = replace(f, issued_on=g.issued_on)
    return out


def extract(seg: SegmentedDocument, meta: DocumentMeta | None = None) -> list[Citation]:
    """One citation per distinct (number, date), first mention as evidence (``meta``: the
    document's metadata when already read, for its own number). Only the document's own span is read: a web page's
    summary above the letterhead ('Theo Quyết định 31/2007/QĐ-TTg thì …', tn-998822f1) and its notices below the
    document ('Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân' after tn-75a0867a, tn-39db3d8c, tn-8180ae11,
    tn-ea34a356) cite nothing the document cites."""
    found = _scan(seg, meta.number if meta is not None else document_number(seg))
    start, stop = document_span(seg)
    end = min(stop, _document_end(seg, meta))
    found = _respelled([f for f in found if start <= f.start < end])
    scanned = [(page.start, page.end) for page in seg.doc.pages if page.source == TextSource.ocr]
    found = _redated(found, scanned)
    dated_numbers = {fold(f.number) for f in found if f.issued_on}
    seen: dict[tuple[str, str | None], Citation] = {}
    for f in found:
        k = (fold(f.number), f.issued_on)
        if f.issued_on is None and k[0] in dated_numbers:
            continue
        if k in seen:
            c = seen[k]
            if c.issuer is None and f.issuer:
                c.issuer = f.issuer
            if c.title is None and f.title:
                c.title = f.title
            continue
        seen[k] = Citation(
            kind=f.kind,
            number=f.number,
            issued_on=f.issued_on,
            issuer=f.issuer,
            title=f.title,
            evidence=seg.evidence(f.start, f.end),
        )
    return list(seen.values())


def _redated(found: list[_Found], scanned: list[tuple[int, int]]) -> list[_Found]:
    """A date OCR slipped by one figure in one mention of a paper the document dates alike at least twice elsewhere
    ('Nghị quyết số 24/2013/NQ-HĐND ngày 19/12/2013', seven times '10/12/2013' in UBND Quảng Ngãi 239/TTr-UBND
    resampled to 150 dpi one-bit) put back, on OCR'd pages only: one number is one paper, and no tuning text dates
    one number two ways. The slip is seen in other issuers' prints ('454/TTr-SoNNMT ngày 17/11/2029' for 2025 in UBND
    Đồng Nai 2813/QĐ-UBND printed at 100 dpi), there in a paper cited once, which nothing can put back."""
    dates: dict[str, Counter[str]] = {}
    for f in found:
        if f.issued_on:
            dates.setdefault(fold(f.number), Counter())[f.issued_on] += 1
    out = []
    for f in found:
        counts = dates.get(fold(f.number))
        if f.issued_on and counts and counts[f.issued_on] == 1 and any(a <= f.at < b for a, b in scanned):
            usual = [d for d, n in counts.items() if n >= 2 and _one_figure_apart(d, f.issued_on)]
            if len(usual) == 1:
                f = replace(f, issued_on=usual[0])
        out.append(f)
    return out


def _one_figure_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _respelled(found: list[_Found]) -> list[_Found]:
    """A number whose hyphen was lost ('154/2020/NĐCP': OCR on 239 TTr; a typing slip in tn-1ea5e769,
    tn-606d5f20) spelled as the document spells it elsewhere with the hyphen, so that one paper is one
    citation."""
    spelled: dict[str, str] = {}
    for f in found:
        bare = f.number.replace("-", "")
        best = spelled.get(bare)
        if best is None or f.number.count("-") > best.count("-"):
            spelled[bare] = f.number
    return [replace(f, number=spelled[f.number.replace("-", "")]) for f in found]


def _document_end(seg: SegmentedDocument, meta: DocumentMeta | None) -> int:
    """Where the document's own text ends: at a line after its signature block that names the document
    itself by kind and number — a web page's caption ('Quyết định 2003/QĐ-UBND năm 2025 phê duyệt …')
    after which come the site's own notices; footnotes and appendices sit before it, and an appendix
    names the document only after 'kèm theo'."""
    if meta is None or not meta.number or not meta.kind:
        return len(seg.text)
    signer = meta.evidence.get("signer")
    after = signer.end if signer else 0
    number = r"\s*".join(map(re.escape, fold(meta.number).replace(" ", "")))
    caption = re.compile(rf"{re.escape(fold(meta.kind))}\s+(?:so\s+)?{number}(?![\w/-])")
    for line in seg.lines:
        if line.start <= after:
            continue
        key = fold_in_place(line.text)
        for cell in re.finditer(r"(?:^|\|)[\s*#]*", key):  # a caption may follow a table cell it was glued to
            if caption.match(key, cell.end()):
                return line.start + cell.end()
    return len(seg.text)
