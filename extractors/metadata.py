"""Document metadata: what a document says about itself in its header and signature block.

The header of a Vietnamese administrative or party document has a fixed grammar: the two-column
letterhead (the issuing body under its parent body, số/ký hiệu and a letter's V/v line on the left;
the motto and '<Place>, ngày … tháng … năm …' on the right), rebuilt and cut into cells by
``extractors.letterhead`` whatever form the text has; then the kind title ('KẾ HOẠCH', then the
subject, which ends where the first body paragraph starts), 'Kính gửi:'; an incoming stamp ('Số: 6381
/ ĐẾN Ngày: 17.11.22') may sit beside it. The signature block closes the text: capacity (T/M, TM.,
KT.), position, name. Each reader below finds one of those parts.

Text copied from portals often loses the letterhead; the issuer is then read from what the
document still says: a title line 'CỦA BAN THƯỜNG VỤ TỈNH ỦY', the sentence naming the author
('Thành ủy Đà Lạt xây dựng Kế hoạch'), or the signing capacity ('TM. ỦY BAN NHÂN DÂN'), and a
body named without its place ('UBND Thành phố') is completed from the document's jurisdiction.
Keywords are matched on the folded twin of the text, so OCR'd headers still read.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from extractors import gazetteer
from extractors import letterhead as lh_reader
from extractors.agencies import expand_abbreviations, match_agency
from extractors.common import document_kinds, load_json, phrase_alternation
from extractors.letterhead import (
    RIGHT,
    Cell,
    Letterhead,
    bare,
    glued_end,
    in_capitals,
    is_caps,
    is_motto,
    is_noise,
    is_upper,
)
from pipeline.text import TONES, fold, fold_in_place, is_syllable, nfc
from pipeline.text.paragraphs import ends_on_dangling_word
from pipeline.text.segment import Line, SegmentedDocument
from schemas.document import TextSource
from schemas.extraction import DocumentMeta, Jurisdiction, Received, Signer

HEADER_LINE_MAX_CHARS = lh_reader.HEADER_LINE_MAX_CHARS
SIGNATURE_SPAN = 12  # lines from a signing capacity to the signer's name (a seal and an emblem read as junk lines)
DEBRIS_MAX_WORDS = 10  # a garbled signature block's line; a longer one is the body's
STAMP_JUNK_MAX_TOKENS = 6
# a seal's ring or a pen's stroke read as marks after the printed name: 'Phùng Tô Long :' (vht534, 300 dpi grey),
# 'Ngôn Nghiện@' (H14 of Cao Bằng, 200 dpi); not a list's ',' or ';'
STRAY_MARKS_AFTER = re.compile(r"\s*[:@`^*~#]+$")
# a quote or a pen's tail read before the printed name on a faxed page: '"Trần Thanh Nhàn' (UBND Lạng Sơn
# 2512/QĐ-UBND), '_” lê Quang Hòa' (UBND Hưng Yên 1973/QĐ-UBND); not a list's dash
STRAY_MARKS_BEFORE = re.compile(r"^[\"“”'‘’„_`*]+\s*")
SCRAWL_MAX_CHARS = 12  # an OCR'd handwritten signature is at most this long
NAME_MAX_WORDS = 5
SURNAME_TAIL_LETTERS = 4  # 'uyễn' is only Nguyễn's; 'an' ends Trần, Phan and Văn
STROKES_MIN_TOKENS = 4  # a shorter line is judged by its length (SCRAWL_MAX_CHARS)
_HAS_VOWEL = re.compile(r"[aeiouy]")  # on the folded word
_VIETNAMESE_LETTERS = frozenset(
    nfc(base + tone) for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for tone in ("", *TONES)
) | frozenset("bcdđfghjklmnpqrstvwxzBCDĐFGHJKLMNPQRSTVWXZ")
AUTHORITY_LOOKAHEAD = 3  # lines under a one-line title searched for the enacting authority
SELF_DATE_CHARS = 30  # 'ngày 30 tháng 6 năm 2025' after the document's own number
PREAMBLE_MAX_LINES = 60  # a normative text's căn cứ lines before its first chapter or article
AUTHORITY_MAX_WORDS = 12  # an enacting authority's line: a body's name after its head's title
ADDRESSING_MAX_WORDS = 8  # 'THỦ TƯỚNG CHÍNH PHỦ điện:' under a Công điện's title
TITLE_MIN_WORDS = 3  # a kind and a title in capitals in one cell; 'CÔNG VĂN ĐẾN' is a stamp


@dataclass(frozen=True)
class _Vocab:
    passage: re.Pattern[str]  # a closing line that dates its passage: 'Nghị quyết này được … thông qua ngày'
    kinds: dict[str, str]  # fold(kind) → kind
    phrases: dict[str, tuple[str, ...]]  # fold(phrase) → official casings (Trường, Trưởng), for recasing capitals
    max_phrase_words: int
    units: frozenset[str]  # folded unit words: tinh, thanh pho, huyen …
    unit_spellings: tuple[str, ...]  # the same with their tone marks: tỉnh, thành phố, huyện …
    council_words: tuple[str, ...]  # folded words of a council's name that no person's name holds: uy ban
    office_words: frozenset[str]  # words of the signer's office, with tone marks, that no name holds: chủ, tịch
    named_heads: frozenset[str]  # folded heads that need a name: so, ban, phong …
    bodies: tuple[str, ...]  # folded bodies that open a name of their own: cong an, uy ban nhan dan …
    names: frozenset[str]  # folded names a head takes: noi vu, y te …
    joining_words: tuple[str, ...]  # 'và', 'của' opening a line: the name above goes on
    joining_words_bare: tuple[str, ...]  # the same, ending a text: ' cua', ' va'
    title_joining_words: frozenset[str]  # the same with their tone marks, ending a title's line: của, và
    ordinals: frozenset[str]  # words a Roman numeral follows: thu, khoa, ky
    committees: dict[str, str]  # fold(committee) → folded unit level it governs: tinh uy → tinh
    local_units: tuple[str, ...]  # folded units that name a local place: tinh, thanh pho, huyen …
    councils: tuple[str, ...]  # folded elected bodies whose name takes the unit: uy ban nhan dan
    positions: tuple[str, ...]
    core_positions: tuple[str, ...]  # positions without prefix or qualifier (Phó, Thường trực): chu tich, bo truong …
    position_prefixes: frozenset[str]  # 'Phó' before a position
    national: tuple[str, ...]
    national_heads: tuple[str, ...]
    capacity: re.Pattern[str]
    capacity_inside: re.Pattern[str]  # a capacity further on in a flattened signature cell
    skip: frozenset[str]
    marks: frozenset[str]  # HỎA TỐC, KHẨN, DỰ THẢO: printed beside the letterhead, never the issuer
    name_prefix: re.Pattern[str]  # ranks and titles before a signer's name: Đại tá, TS.
    authoring: re.Pattern[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = load_json("metadata.json")
    agencies = load_json("agencies.json")
    phrases: dict[str, tuple[str, ...]] = {}
    for p in (
        agencies["names"]
        + agencies["scope_words"]
        + agencies["titles"]
        + agencies["named_heads"]
        + agencies["bodies"]
        + data["positions"]
        + data["committee_words"]
        + data["function_words"]
    ):
        if p not in phrases.get(fold(p), ()):
            phrases[fold(p)] = (*phrases.get(fold(p), ()), p)
    units = frozenset(fold(u) for u in agencies["scope_units"])
    kinds = {fold(k): k for k in document_kinds()}
    committees = {fold(c): fold(level) for c, level in data["committee_levels"].items()}
    caps = "|".join(re.escape(fold(c)) + (r"\." if len(c) == 1 else r"\.?") for c in data["signing_capacities"])
    verbs = phrase_alternation(data["authoring_verbs"])
    kind_alt = phrase_alternation(kinds)
    qualifiers = {fold(q) for q in data["position_qualifiers"] + data["position_prefixes"]}
    positions = tuple(sorted((fold(p) for p in data["positions"]), key=len, reverse=True))
    return _Vocab(
        passage=re.compile(data["passage_formula"]),
        kinds=kinds,
        phrases=phrases,
        max_phrase_words=max(len(p.split()) for p in phrases),
        units=units,
        unit_spellings=tuple(agencies["scope_units"]),
        council_words=tuple(fold(w) for w in data["council_words"]),
        office_words=frozenset(nfc(w).lower() for w in data["office_words"]),
        named_heads=frozenset(fold(h) for h in agencies["named_heads"]),
        bodies=tuple(fold(b) for b in agencies["bodies"]),
        names=frozenset(fold(n) for n in agencies["names"]),
        joining_words=tuple(fold(w) + " " for w in data["function_words"]),
        joining_words_bare=tuple(" " + fold(w) for w in data["function_words"]),
        title_joining_words=frozenset(nfc(w).lower() for w in data["function_words"]),
        ordinals=frozenset(fold(w) for w in data["ordinal_words"]),
        committees=committees,
        local_units=tuple(fold(u) for u in data["local_units"]),
        councils=tuple(fold(c) for c in data["councils"]),
        positions=positions,
        core_positions=tuple(p for p in positions if p not in qualifiers),
        position_prefixes=frozenset(fold(p) for p in data["position_prefixes"]),
        national=tuple(fold(n) for n in data["national_markers"]),
        national_heads=tuple(fold(h) for h in data["national_heads"]),
        capacity=re.compile(rf"^({caps})(?:(?<=\.)\s*|\s+)(?=\w)"),  # 'KT. CHỦ TỊCH', 'TM.ỦY BAN'; not 'KTM'
        capacity_inside=re.compile(rf"(?<=\s)(?:{caps})(?:(?<=\.)\s*|\s+)(?=\w)"),
        skip=frozenset(fold(s) for s in data["signature_skip"]),
        marks=frozenset(fold(m) for m in data["letterhead_marks"]),
        name_prefix=re.compile(rf"^(?:(?:{phrase_alternation(data['name_prefixes'])})\s*)+"),
        authoring=re.compile(rf"(?:^|[,;:]\s*)\**([^,;:*]{{3,90}}?)\s+(?:{verbs})[\s*]+(?:{kind_alt})\b"),
    )


@lru_cache(maxsize=1)
def _local_unit() -> re.Pattern[str]:
    """A local unit's word in folded text ('tinh', 'thanh pho'): where a body's name names its place."""
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, _vocab().local_units))})\b")


# ----------------------------------------------------------------------------------------------
# Recasing names printed in capitals
# ----------------------------------------------------------------------------------------------


def _case_word(w: str, title: bool) -> str:
    """One word of a capitals run: an acronym (THPT, PC08) stays as written."""
    bare = w.strip(",;.:()“”\"'")
    if len(bare) > 1 and (not is_syllable(bare) or not re.search(r"[aeiouy]", fold(bare))):
        return w
    return w[:1].upper() + w[1:].lower() if title else w.lower()


def recase(text: str) -> str:
    """Official casing for a name printed in capitals: 'ĐẢNG ỦY CÔNG AN TRUNG ƯƠNG' → 'Đảng ủy Công an
    Trung ương', 'VAN PHÒNG TINH ỦY LAI CHAU' (OCR) → 'Văn phòng Tỉnh ủy Lai Châu'. Known phrases come
    from the agency lexicon; words after a unit or a party committee are a place name, in title case
    (a province spelled as the gazetteer spells it); other words are in sentence case ('SỞ KHOA HỌC
    CÔNG NGHỆ' → 'Sở Khoa học công nghệ')."""
    if not is_caps(text):
        return text
    v = _vocab()
    spaced = re.sub(r"(?<=[^\W\d_])\s*[-–]\s*(?=[^\W\d_])", " - ", text)  # 'LAO ĐỘNG-THƯƠNG BINH'
    words = expand_abbreviations(spaced).split()
    out: list[str] = []
    i, previous = 0, ""
    while i < len(words):
        if previous in v.units or previous in v.committees:
            n, spelled = _province_at(words, i)
            if n:
                out.append(spelled)
                previous, i = "", i + n
                continue
        n, key = _phrase_at(words, i)
        if n:
            written = " ".join(words[i : i + n])
            tail = written[len(written.rstrip(",;.:")) :]
            spelled = _spelling(key, written.rstrip(",;.:"))
            if key in v.units and _province_at(words, i + n)[0]:
                spelled = _unit_spelling(key)  # 'TĨNH QUANG NGÁI' (OCR) is tỉnh Quảng Ngãi, as the province is
            out.append(spelled + tail)
            previous, i = key, i + n
            continue
        j = i + 1
        while j < len(words) and not _phrase_at(words, j)[0] and not words[j - 1].endswith((",", ";")):
            j += 1
        run = words[i:j]
        province = gazetteer.match_province(" ".join(run))
        if province and len(province.split()) == len(run):
            out.append(province)
        elif previous in v.units or previous in v.committees:
            out.append(" ".join(_case_word(w, True) for w in run))
        else:
            first = not out or previous in v.named_heads
            out.append(" ".join(_case_word(w, first and k == 0) for k, w in enumerate(run)))
        previous, i = "", j
    return " ".join(out)


def _province_at(words: list[str], i: int) -> tuple[int, str]:
    """(length, spelling with any closing stop) of a province named at words[i] after its unit word:
    'TỈNH HÀ TĨNH' is Hà Tĩnh, not the unit word 'tỉnh' twice."""
    for n in range(min(4, len(words) - i), 0, -1):
        written = " ".join(words[i : i + n])
        province = gazetteer.match_province(written.rstrip(",;.:"))
        if province and len(province.split()) == n:
            return n, province + written[len(written.rstrip(",;.:")) :]
    return 0, ""


def _unit_spelling(key: str) -> str:
    """A unit word with its tone marks ('tinh' → 'tỉnh')."""
    return next(u for u in _vocab().unit_spellings if fold(u) == key)


def _spelling(key: str, written: str) -> str:
    """The lexicon's casing of a phrase: the spelling with the written diacritics when two differ
    only by them ('TRƯỜNG' is Trường, not Trưởng); a unit word is lower case."""
    candidates = _vocab().phrases.get(key)
    if not candidates:
        return written.lower()
    return next((c for c in candidates if c.lower() == written.lower()), candidates[0])


def _phrase_at(words: list[str], i: int) -> tuple[int, str]:
    """(length, folded key) of the longest lexicon phrase or unit word starting at words[i]."""
    v = _vocab()
    for n in range(min(v.max_phrase_words, len(words) - i), 0, -1):
        key = " ".join(_word_key(w) for w in words[i : i + n]).rstrip(",;.:")
        if key in v.phrases or key in v.units:
            return n, key
    return 0, ""


@lru_cache(maxsize=4096)
def _word_key(word: str) -> str:
    """Folded word for lexicon lookup; in a word that is no syllable, a letter OCR doubled is read
    once ('ĐÁẢNG' → 'dang'), as a symbol's doubled letter is (common.clean_number)."""
    key = fold(word)
    if is_syllable(word.strip(",;.:")):
        return key
    return re.sub(r"([a-z])\1+", r"\1", key)


def sentence_case(text: str) -> str:
    """A title printed in capitals in sentence case, acronyms kept and a province after its unit word
    spelled as the gazetteer spells it: 'VỀ VIỆC CÔNG NHẬN XÃ MIỀN NÚI TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG' →
    'Về việc công nhận xã miền núi trên địa bàn tỉnh Lâm Đồng'."""
    if not is_caps(text):
        return text
    v = _vocab()
    words = text.split()
    out = [w if k and _is_ordinal_numeral(w, words[k - 1]) else _case_word(w, k == 0) for k, w in enumerate(words)]
    for i in range(len(words) - 1):
        for n in (2, 1):
            unit = " ".join(fold(w) for w in words[i : i + n])
            if unit not in v.units or i + n >= len(words):
                continue
            for size in (4, 3, 2, 1):
                run = words[i + n : i + n + size]
                province = gazetteer.match_province(" ".join(run).strip(",;.:”\"'"))
                if len(run) == size and province and len(province.split()) == size:
                    tail = run[-1][len(run[-1].rstrip(",;.:”\"'")) :]
                    out[i + n : i + n + size] = [*province.split()[:-1], province.split()[-1] + tail]
                    break
            break
    return " ".join(out)


def _is_ordinal_numeral(word: str, before: str) -> bool:
    """A Roman numeral after an ordinal word ('LẦN THỨ XIV', 'KHÓA XV'), not the syllable 'VI' of 'PHẠM VI'."""
    return re.fullmatch(r"[IVXLC]+", word.strip(",;.:()“”\"'")) is not None and fold(before) in _vocab().ordinals


def _words(text: str) -> str:
    """A subject's words: one space between them, a web page's emphasis marks dropped even inside a word
    ('tỉnh **Đồng Tháp **năm', 'chi tiết v**à')."""
    return " ".join(re.sub(r"\*+", "", text).split())


def _blank_before(seg: SegmentedDocument, start: int, prev_end: int) -> bool:
    """A blank line (or a page break) between two lines; a line of OCR specks ('„') between the lines of a
    scanned title is none."""
    between = seg.text[prev_end:start]
    return "\f" in between or any(not line.strip() for line in between.split("\n")[1:-1])


# ----------------------------------------------------------------------------------------------
# Header parts
# ----------------------------------------------------------------------------------------------


def _kind_title(lh: Letterhead) -> tuple[str | None, Cell | None, str]:
    """(kind, its title cell, what follows the kind in that cell). The title is the kind alone
    ('QUYẾT ĐỊNH', 'CÔNG ĐIỆN'), the kind and a sentence-case subject ('KẾ HOẠCH Triển khai …'), or a
    title a flattened table put in one cell with its subject ('QUYẾT ĐỊNH VỀ VIỆC CÔNG NHẬN …'); not a
    stamp ('CÔNG VĂN ĐẾN')."""
    v = _vocab()
    for i, cell in enumerate(lh.cells):
        if cell.column == RIGHT:
            continue
        key = cell.key.rstrip(" :")
        nxt = lh.cells[i + 1] if i + 1 < len(lh.cells) else None
        if nxt is not None and nxt.row == cell.row + 1 and f"{key} {nxt.key.rstrip(' :')}" in v.kinds:
            text = f"{cell.text} {nxt.text}"  # a title a web page broke over two lines: 'QUYẾT' / 'ĐỊNH'
            return v.kinds[fold(text).rstrip(" :")], Cell(cell.start, nxt.end, text, fold(text), nxt.row), ""
        for kf, kind in sorted(v.kinds.items(), key=lambda kv: -len(kv[0])):
            if key == kf:
                return kind, cell, ""
            if key.startswith(kf) and is_caps(cell.text[: len(kf)]) and _title_follows(cell.text, len(kf)):
                rest = cell.text[len(kf) :].strip(" :")
                if not is_caps(rest) or fold(rest).startswith("ve ") or len(rest.split()) >= TITLE_MIN_WORDS:
                    return kind, cell, rest
    return None, None, ""


def _title_follows(text: str, at: int) -> bool:
    """The kind's word ends at ``at``: a space follows, or a subject glued to it ('NGHỊ QUYẾTVề việc …')."""
    return text[at : at + 1] == " " or (text[at : at + 1].isupper() and text[at + 1 : at + 2].islower())


def _subject_line(seg: SegmentedDocument, lh: Letterhead) -> tuple[str | None, int, int]:
    """A letter's 'V/v …' line under its number, with its wrapped lines (in capitals when it is printed
    in capitals, as under a telegram's title); a 'Về việc …' line in the letterhead's left column says
    the same."""
    for i, cell in enumerate(lh.cells):
        if cell.column == RIGHT or not (
            lh_reader.opens_v_v(cell.key) or (cell.row < lh.end and cell.key.startswith("ve viec "))
        ):
            continue
        text, end, prev = cell.text, cell.end, cell
        upper = is_upper(cell.text)
        for nxt in lh.cells[i + 1 :]:
            if nxt.row != prev.row + 1 or nxt.column == RIGHT or _blank_before(seg, nxt.start, prev.end):
                break
            # a line ending on 'của', 'và', 'về' goes on whatever the case of the next ('… Nghị định của' / 'Chính phủ')
            if not (_dangles(text) or (is_upper(nxt.text) if upper else nxt.text[:1].islower())):
                break
            if _ends_title(nxt.text, nxt.key, None):
                break
            text, end, prev = f"{text} {nxt.text}", nxt.end, nxt
        cut = glued_end(text)
        if cut < len(text) and prev is cell:
            end = cell.start + cut
        return _words(text[:cut]), cell.start, end
    return None, -1, -1


def _title_subject(
    seg: SegmentedDocument, lh: Letterhead, title: Cell, rest: str, authority: str | None
) -> tuple[str | None, int, int, _Found[str], _Found[str]]:
    """The title after the kind ('Triển khai Nghị quyết …', 'VỀ VIỆC KHẨN TRƯƠNG' / 'CHUẨN BỊ …'), and the
    'CỦA …' line naming the issuer when the title has one. A title in capitals goes on over every line in
    capitals up to the line of the enacting authority ('ỦY BAN NHÂN DÂN TỈNH X', 'BỘ TRƯỞNG BỘ Y TẾ') or
    the first line in sentence case; one in sentence case ends at a blank line, a line in capitals or a
    paragraph. Either ends at a body opener, 'Kính gửi' or an addressing line ('THỦ TƯỚNG CHÍNH PHỦ điện:').
    Also the body the 'CỦA …' line names, and the enacting authority's line that ends the title."""
    named: _Found[str] = _Found()
    enacting: _Found[str] = _Found()
    if rest:
        s = title.start + title.text.index(rest)
        if fold(rest).startswith("cua ") and is_caps(rest):
            named, subject_at = _of_line(rest, s)
            rest, s = (rest[subject_at:], s + subject_at) if subject_at is not None else ("", s)
    parts: list[str] = []
    start = end = prev_end = -1
    caps = ruled = False
    if rest and (glued_end(rest) < len(rest) or not is_upper(rest)):
        text = _without_authority(rest[: glued_end(rest)], authority)
        return sentence_case(_words(text)), s, s + len(text), named, _authority_below(lh, title.row, authority)
    if rest:  # a title in capitals that OCR put on the kind's line goes on over the lines in capitals under it
        parts, start, caps, end = [rest], s, True, title.end
        prev_end = end
    for line in lh.lines[title.row + 1 :]:
        text = bare(line.text)
        key = fold(text)
        if line.end <= title.end:
            continue  # a line of the title's own cell
        if is_noise(text):
            ruled = ruled or (start >= 0 and re.search(r"[-_=]{3,}", text) is not None)  # the rule under a title
            continue
        if ruled:
            if _is_authority(_words(text), fold(_words(text)), authority):
                enacting = _Found(recase(_without_position(_words(text))), line.start, line.end)
            break
        if start < 0 and named.value is None and key.startswith("cua ") and is_caps(text):
            offset = line.text.index(text)
            named, subject_at = _of_line(text, line.start + offset)
            prev_end = line.end
            if subject_at is None:
                continue
            text = text[subject_at:]
            key = fold(text)
            line = Line(line.start + offset + subject_at, line.end, text, line.page)
        if start >= 0 and caps and in_capitals(text) and _title_line_dangles(parts[-1]) and not is_motto(key):
            # '… NĂM 2024 CỦA' / 'THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC …': the title's line, not the authority's
            parts.append(text)
            end = prev_end = line.end
            continue
        if _is_authority(_words(text), fold(_words(text)), authority):
            enacting = _Found(recase(_without_position(_words(text))), line.start, line.end)
            break
        if _ends_title(text, key, authority):
            break
        if start >= 0 and caps and not is_upper(text) and is_upper(text[: glued_end(text)]):
            parts.append(text[: glued_end(text)])  # the title's last line, the first paragraph glued to it by OCR
            end = line.start + line.text.index(text) + glued_end(text)
            break
        if start >= 0 and (
            not in_capitals(text)
            if caps
            else (is_caps(text) or _blank_before(seg, line.start, prev_end) or _is_paragraph(text))
        ):
            break
        if start < 0:
            text = text.lstrip(_SPECKS_BEFORE_TITLE)
            start, caps = line.start + max(0, line.text.find(text)), in_capitals(text)
        parts.append(text)
        end = prev_end = line.end
    if start < 0:
        return None, -1, -1, named, enacting
    subject = _words(" ".join(parts))
    subject = _without_authority(subject[: glued_end(subject)], authority)
    end = start + glued_end(seg.text[start:end])
    return sentence_case(subject), start, end, named, enacting


# what OCR reads before a title's first word: a speck ('- VE' / 'VIỆC BÃI BỎ …', prints of UBND Quảng Trị and UBND Hà
# Nội at 100 dpi), a quote ("'TRIỂN KHAI THI HÀNH …", UBND Thành phố Hồ Chí Minh faxed and at 150 dpi)
_SPECKS_BEFORE_TITLE = " -–—.,;:'\"‘’“”`"


def _dangles(text: str) -> bool:
    """A line that stops on a word which never ends a phrase ('của', 'và', 'về', a comma): the next goes on with it."""
    return ends_on_dangling_word(text) or fold(text).rstrip().endswith(_vocab().joining_words_bare)


def _title_line_dangles(text: str) -> bool:
    """A title's line that stops on 'CỦA', 'VÀ', 'CÁC', read with its tone marks (folded, 'ĐIỆN TỬ' would end on
    'từ'): the next line goes on with it, even when it names a body (the title of Bộ Nội vụ's 1383/QĐ-BNV '… NĂM 2026
    CỦA' / 'BỘ NỘI VỤ', of UBND Cần Thơ's 165/KH-UBND '… NĂM 2024 CỦA' / 'THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC …')."""
    words = nfc(text).lower().split()
    return bool(words) and words[-1] in _vocab().title_joining_words


def _authority_below(lh: Letterhead, row: int, authority: str | None) -> _Found[str]:
    """The enacting authority's line under a title whose subject shares the title's line."""
    for cell in [c for r in range(row + 1, row + 1 + AUTHORITY_LOOKAHEAD) for c in lh.row(r)][:AUTHORITY_LOOKAHEAD]:
        text = _words(cell.text)
        if _is_authority(text, fold(text), authority):
            return _Found(recase(_without_position(text)), cell.start, cell.end)
    return _Found()


_NUMBER_AND_DATE = re.compile(
    r"\s+so\s*:?\s*\S+(?:\s+ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|\s+ngay\s+\S+)?\s*"
)


def _of_line(text: str, start: int) -> tuple[_Found[str], int | None]:
    """The 'CỦA BAN THƯỜNG VỤ TỈNH ỦY' line under a title (``text`` found at ``start``): the body it names,
    and where the subject starts in ``text`` when an older title runs on in the same line ('CỦA BỘ XÂY DỰNG
    SỐ 04/2001/TT-BXD NGÀY 20 THÁNG 8 NĂM 2001 HƯỚNG DẪN …')."""
    at = fold_in_place(text).index("cua") + len("cua")
    body = match_agency(text, at)
    rest_at = body.end if body is not None else len(text)
    m = _NUMBER_AND_DATE.match(fold_in_place(text), rest_at)
    if body is None or (m is None and text[rest_at:].strip(" *")):
        return _Found(recase(text[at:].strip(" *")), start, start + len(text)), None
    name = recase(text[at : body.end].strip())
    subject_at = m.end() if m else None
    if subject_at is not None and not text[subject_at:].strip(" *"):
        subject_at = None
    return _Found(name, start + at, start + body.end), subject_at


def _without_position(text: str) -> str:
    """'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X' → 'ỦY BAN NHÂN DÂN TỈNH X': the body its head's title speaks for."""
    return text[_position_prefix(fold_in_place(text)) :]


def _ends_title(text: str, key: str, authority: str | None) -> bool:
    return (
        (is_motto(key) and re.search(r"\w\w", key) is not None)
        or lh_reader.is_opener(text, key)
        or key.startswith("kinh gui")
        or (text.endswith(":") and len(text.split()) <= ADDRESSING_MAX_WORDS)
        or _is_authority(text, key, authority)
    )


def _is_authority(text: str, key: str, authority: str | None) -> bool:
    """The enacting authority's line under a decision's title: in capitals, the letterhead's body as a
    whole line (after its head's title: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X', 'BỘ TRƯỞNG BỘ Y TẾ'), or, when
    the letterhead is lost, a short line that opens with a body ('ỦY BAN THƯỜNG VỤ QUỐC HỘI')."""
    if not is_caps(text) or len(text.split()) > AUTHORITY_MAX_WORDS:
        return False
    words = " ".join(fold(expand_abbreviations(text)).split())
    rest = words[_position_prefix(words) :]
    if _position_prefix(words):
        return (
            True  # a head's title over its body: 'GIÁM ĐỐC TRUNG TÂM …', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH' / 'BẮC NINH'
        )
    if authority is not None:
        return rest == authority or rest.startswith(authority + " ")
    return _opens_body(rest) or _starts_head(rest)


def _position_prefix(words: str) -> int:
    """Length of a head's title before the body it heads ('chu tich uy ban nhan dan …' → 9), else 0."""
    for p in _vocab().core_positions:
        tail = words[len(p) + 1 :]
        if words.startswith(p + " ") and (_opens_body(tail) or _starts_head(tail)):
            return len(p) + 1
    return 0


def _without_authority(text: str, authority: str | None) -> str:
    """A title glued to what follows it, cut where the issuing body is named again: the enacting
    authority ('… TỈNH LÂM ĐỒNG ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', with its head's title 'CHỦ TỊCH' before
    it) or a telegram's addressing line ('… KHU VỰC TRUNG BỘ BỘ XÂY DỰNG điện:'). After its head's title the
    authority may stop at its unit word ('… CỦA TỈNH ĐỒNG NAI CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH', Đồng Nai; '… CỦA SỞ
    CÔNG THƯƠNG CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH', Đắk Lắk)."""
    if not authority:
        return text
    key = fold_in_place(text)
    forms = [(authority, False)]
    unit = _local_unit().search(authority)
    if unit and unit.end() < len(authority):
        forms.append((authority[: unit.end()], True))
    for form, after_head in forms:
        name = r"\s+".join(map(re.escape, form.split()))
        m = re.search(rf"\s+{name}(?=\s*(?:dien\s*)?:|\s*$)", key)
        if not m or not text[: m.start()].strip() or key[: m.start()].endswith(_vocab().joining_words_bare):
            continue  # '… CÁC QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH X': the body is the title's own words
        head = key[: m.start()]
        for p in _vocab().core_positions:
            if head.endswith(" " + p) and is_caps(text[m.start() - len(p) : m.start()]):
                head = head[: -len(p)]
                break
        if after_head and head == key[: m.start()]:
            continue
        return text[: len(head.rstrip())]
    return text


_SENTENCE_END = re.compile(r"[.!?…](?:\s+[^\W\d_]|\s*$)")


def _is_paragraph(text: str) -> bool:
    """A body paragraph, not a wrapped title line: it opens with a capital and holds a sentence
    ('Trên địa bàn tỉnh hiện có 35 Công an phường … chiến sĩ. Trong …'). OCR'd text has no blank
    line to tell the first paragraph from the title above it."""
    return text[:1].isupper() and (len(text) > HEADER_LINE_MAX_CHARS or bool(_SENTENCE_END.search(text)))


def _recipients(lh: Letterhead) -> tuple[list[str], int, int]:
    """'Kính gửi: A; B' or 'Kính gửi:' over a dashed list (table fragments between are passed), each name without
    the emphasis marks a web page left around it."""
    for i, line in enumerate(lh.lines):
        text = bare(line.text)
        if not fold(text).startswith("kinh gui"):
            continue
        colon = text.find(":")
        rest = text[colon + 1 :] if colon >= 0 else text[len("kính gửi") :]
        rest = rest[: glued_end(rest)]
        items = [r for r in re.split(r";|\s-\s|^\s*-", rest) if r.strip(" .,;-")]
        end = line.end
        last = None
        for j, nxt in enumerate(lh.lines[i + 1 :], start=i + 1):
            after = lh.lines[j + 1] if j + 1 < len(lh.lines) else None
            if is_noise(nxt.text) and last is None:
                continue
            if nxt.marker == "-":
                items.append(bare(nxt.text))
                end, last = nxt.end, nxt
            elif items and _name_wraps_onto(items[-1], nxt, after):
                items[-1] = f"{items[-1]} {nxt.text}"  # a name wrapped onto the next line
                end = nxt.end
            elif not (_is_bracketed(nxt.text) and after is not None and after.marker == "-"):
                break  # the body starts; a recipient's address in brackets is passed when the list goes on
        # the bold that closes after the label ('**Kính gửi: **Thuế tỉnh Gia Lai.') is no part of a name
        names = [bare(r).strip(" -;,.") for r in items]
        return [r for r in names if r], line.start, end
    return [], -1, -1


def _is_bracketed(text: str) -> bool:
    """A line in brackets under a recipient: its address ('(Địa chỉ: Trung tâm Thương mại Hà Tiên, …)', Cục Thuế
    5608/CT-CS; '*(đ/c: KCN Đồng Văn 11, …)*', Cục Hải quan) or a note on it, no name of its own."""
    rest = bare(text).strip("*_ ")
    return rest.startswith("(") and rest.rstrip(".;,").endswith(")")


_WRAPPED_NAME_WORDS = 6  # the rest of a recipient's name on the next line; a longer line is the body


def _name_wraps_onto(name: str, nxt: Line, after: Line | None) -> bool:
    """Does a recipient's name that has no stop yet go on in line ``nxt``? The page wrapped it ('Kính gửi: Công ty
    TNHH' / 'Bao bì Kỹ thuật cao Riches.', Cục Hải quan 39209/CHQ-GSQL; '- Thuế thành phố Hải' / 'Phòng' / '- Công ty
    BOT …', Cục Thuế 5662/CT-CS): a few words that end with a stop, or before the next dashed item."""
    rest = bare(nxt.text)
    if nxt.marker or is_noise(rest) or ":" in rest or bare(name).endswith((".", ";", ",", ":")):
        return False  # a label ('Nơi nhận:') opens a part of its own
    if not 0 < len(rest.split()) <= _WRAPPED_NAME_WORDS:
        return False
    return rest.endswith((".", ";")) or (after is not None and after.marker == "-")


def _letterhead(lh: Letterhead, stop: int) -> tuple[str | None, int, int, list[tuple[str, int]], str | None]:
    """The issuing body from the letterhead's left column, in capitals, above its number (cells before
    ``stop``). A line continues the name above unless it opens a body of its own: a head ('SỞ Y TẾ',
    'PHÒNG CSGT') always does; a body ('CÔNG AN TỈNH QUẢNG NINH' under 'BỘ CÔNG AN') or a party committee
    does under the first name, not under a parent ('BAN CHỈ ĐẠO XÂY DỰNG' / 'CÔNG AN XÃ, PHƯỜNG KIỂU
    MẪU'); a name wrapped in its narrow column goes on ('BỘ VĂN HÓA, THỂ' / 'THAO' / 'VÀ DU LỊCH',
    'HỘI ĐỒNG NHÂN' / 'DÂN' / 'THÀNH PHỐ HÀ NỘI'). The first body is the parent when there are more
    ('UBND TỈNH NGHỆ AN' / 'SỞ Y TẾ'); a head without a place takes its parent's scope. Also the
    letterhead's lines, and the folded name as printed (the enacting authority repeats it under a title)."""
    v = _vocab()
    groups: list[list[Cell]] = []
    names_cells = [
        part
        for cell in lh.cells[:stop]
        if cell.column != RIGHT and is_caps(cell.text) and not lh_reader.number_label().match(cell.key)
        for part in _parent_split(cell)
    ]
    for cell in names_cells:
        key = fold(_undoubled(cell.text))
        if " ".join(key.split()) in v.marks:
            continue
        opens_unit = any(key.startswith(u + " ") for u in v.units) and not _starts_body(key)
        if len(groups) > 1:
            continues = not _starts_head(key)
        else:
            above = " ".join(c.text for c in groups[-1]) if groups else ""
            continues = key.startswith(v.joining_words) or not (
                _starts_head(key) or _opens_body(key) or _complete_name(above)
            )
        if groups and (opens_unit or continues or _wrapped(groups[-1][-1].text, cell.text)):
            groups[-1].append(cell)
        else:
            groups.append([cell])
    if not groups:
        return None, -1, -1, [], None
    names = [recase(" ".join(c.text for c in g)) for g in groups]
    issuer = names[-1]
    last = groups[-1]
    parent_ok = len(names) > 1 and _is_body(names[-2]) and not _is_national(names[-2])
    if parent_ok and _starts_head(fold(issuer)) and not _has_place(issuer):
        parent = names[-2]
        unit = _local_unit().search(fold(parent))
        if unit and fold(parent).startswith(v.councils):
            parent = parent[unit.start() :]  # 'Ủy ban nhân dân tỉnh Nghệ An' → 'tỉnh Nghệ An'
        issuer = f"{issuer} {parent}"
    printed = " ".join(fold(expand_abbreviations(_undoubled(" ".join(c.text for c in last)))).split())
    return issuer, last[0].start, last[-1].end, [(c.text, c.start) for g in groups for c in g], printed


_NEVER_DOUBLED = frozenset("aeiy")


def _undoubled(text: str) -> str:
    """A letterhead's line with a vowel OCR read twice, with two marks, read once: 'TỈÌNH BẮC NINH' (UBND Bắc Ninh
    456/QĐ-UBND, tn-b6ae4bd43c0ad4ff, printed at 100 dpi: its 'ỦY BAN NHÂN DÂN' taken for a parent of its own),
    'TỈNH QUÁẢNG TRỊ' (UBND Quảng Trị 2688/QĐ-UBND, tn-83652dd19c6fef24, at 100 dpi: the enacting authority's line
    under the title no longer the letterhead's body, so read into the subject). No Vietnamese syllable doubles a, e,
    i or y; which of the two marks was meant is left to ``recase``, which spells the name from the lexicon."""
    out: list[str] = []
    for c in text:
        prev = out[-1] if out else ""
        if (
            prev
            and c != prev
            and fold(c) == fold(prev)
            and fold(c).lower() in _NEVER_DOUBLED
            and c.isupper() == prev.isupper()
        ):
            out[-1] = c
            continue
        out.append(c)
    return "".join(out)


def _complete_name(text: str) -> bool:
    """A body's whole name from the lexicon ('CỤC THUẾ', 'ỦY BAN NHÂN DÂN', 'BỘ NỘI VỤ'): a line under it
    that opens with no unit word names another body ('CỤC THUẾ' / 'THUẾ TỈNH VĨNH LONG')."""
    v = _vocab()
    words = expand_abbreviations(text).split()
    n, key = _phrase_at(words, 0)
    if not n:
        return False
    if n == len(words):
        return key in v.bodies or key in v.committees
    m, name = _phrase_at(words, n)
    return key in v.named_heads and n + m == len(words) and name in v.names


def _is_body(name: str) -> bool:
    """A parent body's name, not a heading of the page above the letterhead."""
    key = fold(name)
    return _opens_body(key) or _starts_head(key)


def _parent_split(cell: Cell) -> list[Cell]:
    """A parent body and its unit flattened into one cell ('UBND TỈNH NGHỆ AN SỞ Y TẾ', 'BỘ TÀI CHÍNH
    TỔNG CỤC THUẾ') cut where the unit's head starts: after a parent that names its place, or after a
    ministry's whole name."""
    words = list(re.finditer(r"\S+", cell.text))
    for j in range(2, len(words)):
        rest = cell.key[words[j].start() :]
        if not (_starts_head(rest) or _opens_body(rest)):
            continue
        prefix = cell.text[: words[j - 1].end()]
        named = recase(prefix)
        national = _is_national(named) and (found := match_agency(prefix, 0)) is not None and found.end >= len(prefix)
        if _place_of(named) or national:
            return [
                lh_reader.part(cell, 0, prefix),
                lh_reader.part(cell, words[j].start(), cell.text[words[j].start() :]),
            ]
    return [cell]


def _wrapped(above: str, line: str) -> bool:
    """A capital line that is the tail of a name wrapped in a narrow column: its first word opens no
    known phrase but ends one begun on the line above ('ĐẢNG ỦY CÔNG AN TRUNG' / 'ƯƠNG')."""
    head, tail = above.split(), line.split()
    if not tail:
        return False
    own = _phrase_at(tail, 0)[0]  # a phrase the line opens by itself ('BAN NHÂN DÂN' after 'ỦY' is no 'Ban')
    words = head + tail
    return any(i + _phrase_at(words, i)[0] > len(head) + own for i in range(len(head)))


def _starts_head(key: str) -> bool:
    """'phong csgt', 'so y te', 'ban chi dao …': a head that needs a name."""
    return any(key.startswith(h + " ") for h in _vocab().named_heads)


def _opens_body(key: str) -> bool:
    """'cong an tinh …', 'uy ban nhan dan …', 'huyen uy …': a body's name of its own."""
    words = " ".join(fold(expand_abbreviations(key)).split()) + " "
    return _starts_body(key) or any(words.startswith(b + " ") for b in _vocab().bodies)


def _starts_body(key: str) -> bool:
    """'huyen uy phu cat' opens a body of its own; 'tinh lam dong' completes the line above."""
    v = _vocab()
    return any(key.startswith(c) for c in v.committees) or key.startswith(("dang uy", "dang bo"))


def _has_place(name: str) -> bool:
    v = _vocab()
    key = fold(name)
    return _local_unit().search(key) is not None or any(re.search(rf"\b{re.escape(c)}\b", key) for c in v.committees)


def _preamble_close(seg: SegmentedDocument, first: int) -> list[Line]:
    """The last lines before a normative text's first chapter or article: its enacting formula ('Bộ trưởng
    Bộ Giáo dục và Đào tạo ban hành Thông tư …', 'Chính phủ ban hành Nghị định …') names the issuer
    when a web page has lost the letterhead's left column."""
    lines = seg.lines[first : first + PREAMBLE_MAX_LINES]
    for i, line in enumerate(lines):
        if _FIRST_ARTICLE.match(fold_in_place(line.text)):
            return lines[max(0, i - AUTHORITY_LOOKAHEAD) : i]
    return []


_FIRST_ARTICLE = re.compile(r"^[\W_]*(?:dieu 1|chuong (?:i|1))\b")


def _authoring_sentence(lines: list[Line]) -> tuple[str | None, int, int]:
    """'…, Thành ủy Đà Lạt xây dựng Kế hoạch …' → the body before the verb."""
    v = _vocab()
    for line in lines:
        key = fold_in_place(line.text)
        for m in v.authoring.finditer(key):
            agency = match_agency(line.text, m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip())))
            if agency and agency.end >= m.end(1) - 1:
                return agency.name, line.start + agency.start, line.start + agency.end
    return None, -1, -1


_STAMP_ANCHOR = re.compile(r"^(?:cong van\s+)?den\b|^so\s*den\b")
_STAMP_NUMBER = re.compile(r"^so\b\s*(?:den)?\s*[:.]?\s*(\d{1,7})(?![\w/-])")
_STAMP_DATE_LINE = re.compile(r"^(?:(?:cong van\s+)?den\b|ngay\b)")


def _received(lh: Letterhead) -> tuple[Received | None, int, int]:
    """The incoming stamp: 'ĐẾN Ngày: 17.11.22' or 'CÔNG VĂN ĐẾN / Số: … / Ngày: …' (its parts may
    share a line with other columns), its 'Số' (a bare number, unlike the document's own số/ký
    hiệu) and the receiving office on the line above it."""
    header = lh.lines
    cells = [lh.row(i) for i in range(len(header))]
    anchor = next((i for i, row in enumerate(cells) if any(_STAMP_ANCHOR.match(c.key) for c in row)), None)
    if anchor is None:
        return None, -1, -1
    number = on = None
    first, last = anchor, anchor
    for j in range(max(0, anchor - 2), min(len(header), anchor + 3)):
        for c in cells[j]:
            m = _STAMP_NUMBER.match(c.key)
            if m and number is None:
                number, first, last = m.group(1), min(first, j), max(last, j)
            dates = lh_reader.find_dates(c.text)
            if dates and on is None and _STAMP_DATE_LINE.match(c.key):
                on, first, last = dates[0][2], min(first, j), max(last, j)
    if number is None and on is None:
        return None, -1, -1
    office, start = None, header[first].start
    above = cells[first - 1] if first > 0 else []
    if (
        above
        and is_caps(above[0].text)
        and not is_motto(above[0].key)
        and not lh_reader.number_label().match(above[0].key)
    ):
        office, start = recase(above[0].text), above[0].start
    return Received(number=number, on=on, by=office), start, header[last].end


# ----------------------------------------------------------------------------------------------
# Signature block
# ----------------------------------------------------------------------------------------------


def _name(cell: Cell) -> tuple[str, int] | None:
    """A signer's name and where it starts: two to five capitalised words, after a rank or title
    ('Đại tá Phạm Văn Hùng'); a name printed in capitals is title-cased."""
    v = _vocab()
    if v.capacity.match(cell.key):
        return None  # 'TL. CHỦ TỊCH' is a capacity, not a name in capitals
    prefix = v.name_prefix.match(cell.key)
    skip = prefix.end() if prefix else 0
    bare = STRAY_MARKS_BEFORE.sub("", STRAY_MARKS_AFTER.sub("", cell.text[skip:].strip()))
    text = _without_foreign_marks(_rejoined(bare))
    if is_caps(text):
        if cell.key[skip:].strip().startswith(v.positions):
            return None
        text = " ".join(w[:1] + w[1:].lower() for w in text.split())
    words = text.split()
    if any(len(w) > 1 and w.isupper() for w in words):
        return None  # a word in capitals among title-cased ones ('Vu TC') is strokes or an abbreviation
    if 2 <= len(words) <= NAME_MAX_WORDS and all(re.fullmatch(r"[^\W\d_]+\.?", w) and w[0].isupper() for w in words):
        return None if _names_a_body(text) else (text, cell.end - len(text))
    return None


def _without_foreign_marks(text: str) -> str:
    """A name's word that OCR gave a mark Vietnamese never writes ('Ñguyễn Phước Bình' under a signature read at
    100 dpi) read with that letter bare, when the word then is a syllable; a word that is one already stays."""

    def mend(m: re.Match[str]) -> str:
        word = m.group()
        if is_syllable(word):
            return word
        bared = "".join(c if c in _VIETNAMESE_LETTERS else unicodedata.normalize("NFD", c)[0] for c in word)
        return bared if bared != word and is_syllable(bared) else word

    return re.sub(r"[^\W\d_]+", mend, text)


def _names_a_body(text: str) -> bool:
    """A body's name, a place, a province or the signer's office where a person's name should be: the seal's ring,
    the letterhead of an attachment on the next page, or the capacity's line under the seal, when OCR lost the
    printed name ('ỦY BAN NHÂN DÀN' / 'THỊ XÃ CAO BẰNG' under H14's signature; 'JY BAN NHÂN', 'CHL TỊCH' on UBND
    Hải Phòng's and HĐND Vĩnh Long's prints). Units and offices are compared with their tone marks: 'Quan',
    'Phương' are names, 'quận', 'phường' places."""
    key = " ".join(fold(text).split())
    if any(f" {w} " in f" {key} " for w in _vocab().council_words) or fold(gazetteer.match_province(text) or "") == key:
        return True
    if any(w in _vocab().office_words for w in nfc(text).lower().split()):
        return True  # 'CHỦ TỊCH' with a letter slipped ('Chl Tịch') read where the name was lost
    return any(text.lower().startswith(u + " ") for u in _vocab().unit_spellings)


def _rejoined(text: str) -> str:
    """A word a web page broke into pieces put back ('Đặ ng Văn Minh' → 'Đặng Văn Minh'): a capitalised
    piece that is no syllable and the lowercase piece after it that makes one."""
    words = text.split()
    out: list[str] = []
    for w in words:
        if out and w.islower() and out[-1][:1].isupper() and not is_syllable(out[-1]) and is_syllable(out[-1] + w):
            out[-1] += w
        else:
            out.append(w)
    return " ".join(out)


def _signature(seg: SegmentedDocument) -> tuple[Signer | None, int, int]:
    """The signature block's signer, the family name spelled as it is when OCR slipped a tone mark in it."""
    signer, start, end = _signature_block(seg)
    if signer is None or not signer.name:
        return signer, start, end
    return _spelled_surname(seg, signer, start), start, end


def _signature_block(seg: SegmentedDocument) -> tuple[Signer | None, int, int]:
    """Capacity lines (T/M …, KT. …), position lines, then the name. Without a capacity line the block
    starts at a position line ('CHỦ TỊCH'). The block after 'Nơi nhận' wins over an earlier one."""
    v = _vocab()
    cells = _signature_cells(seg)
    start_at = next((i for i, c in enumerate(cells) if c.key.startswith("noi nhan")), 0)
    for lo in dict.fromkeys((start_at, 0)):  # from 'Nơi nhận' on, then (if it is not first) from the top
        for i in range(lo, len(cells)):
            c = cells[i]
            if not (
                v.capacity.match(c.key)
                or (is_caps(c.text) and c.key.startswith(v.positions) and len(c.text.split()) <= 6)
            ):
                continue
            found = _read_block(cells[i : i + SIGNATURE_SPAN])
            if found:
                return found
    listed = _name_after_recipients(cells[start_at:])
    return listed if listed[0] is not None else _last_name_under_debris(cells[start_at:])


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    """The family names as spelled (``surnames``), for a name that must open with one as written."""
    return frozenset(load_json("metadata.json")["surnames"])


@lru_cache(maxsize=1)
def _surnames() -> dict[str, str]:
    """Folded family name → its spelling, for the names no other one folds to."""
    by_fold: dict[str, list[str]] = {}
    for name in _family_names():
        by_fold.setdefault(fold(name), []).append(name)
    return {key: names[0] for key, names in by_fold.items() if len(names) == 1}


def _spelled_surname(seg: SegmentedDocument, signer: Signer, at: int) -> Signer:
    """The signer's family name as it is spelled when OCR slipped a tone mark in it on a scanned page (a seal or
    a pen's stroke over the printed name), or a first word that is no syllable when its tail names one family
    (``_surname_of_tail``); a typed or born-digital page is taken as written."""
    first, _, rest = (signer.name or "").partition(" ")
    spelled = _surnames().get(fold(first))
    if spelled is None and first not in _family_names() and not is_syllable(first):
        spelled = _surname_of_tail(first)  # 'Irân Thanh Nhàn': a letter slipped under the seal's ring
    page = next((p for p in seg.doc.pages if p.start <= at < p.end), None)
    if spelled is None or spelled == first or page is None or page.source != TextSource.ocr:
        return signer
    return signer.model_copy(update={"name": f"{spelled} {rest}"})


def _name_after_recipients(cells: list[Cell]) -> tuple[Signer | None, int, int]:
    """A printed name right under the recipients list when the capacity and position were lost with the
    signature's image (a web page keeps 'Trần Thanh Mẫn' alone after '- Chính phủ; - …')."""
    for c, nxt in itertools.pairwise(cells):
        if c.text[:1] in "-+•" and (";" in c.text or c.key.lstrip("-+• ").startswith("luu")):
            name = _name(nxt)
            if name is not None:
                return Signer(name=name[0]), name[1], nxt.end
    return None, -1, -1


def _last_name_under_debris(cells: list[Cell]) -> tuple[Signer | None, int, int]:
    """The document's last line, a name opening with a family name, when what stands between it and the
    recipients list is only the signature block as OCR garbled it under a seal and a pen's signature (short lines,
    no list item): UBND Quảng Ngãi 53/TB-UBND at 100, 150 and 200 dpi ('Ne KT. CHỦ TỊCH si 2584, …' / '“Ta' /
    'Trần Phước Hiền') and 534/UBND-KGVX at 200 dpi ('Âm. LAN h> - @ /' and six lines of strokes over
    'Phùng Tô Long')."""
    if not cells:
        return None, -1, -1
    last = cells[-1]
    listed = [i for i, c in enumerate(cells) if c.text[:1] in "-+•"]
    if not listed:
        return None, -1, -1
    debris = cells[listed[-1] + 1 : -1]  # none when OCR put the whole block beside the list ('299' at 150 dpi)
    if not all(_signature_debris(c) for c in debris):
        return None, -1, -1
    name = _name(last) or _name_after_mark(last)
    if name is None or name[0].split()[0] not in _family_names():
        return None, -1, -1
    return Signer(name=name[0]), name[1], last.end


def _signature_debris(cell: Cell) -> bool:
    """A line of a garbled signature block: short, or naming the signer's position among strokes; never a list
    item's end."""
    if cell.text.rstrip().endswith(";"):
        return False
    return len(cell.text.split()) <= DEBRIS_MAX_WORDS or any(
        f" {p} " in f" {cell.key} " for p in _vocab().core_positions
    )


def _signature_cells(seg: SegmentedDocument) -> list[Cell]:
    """The cells of every line (table pipes, TABs and stray emphasis marks dropped), a signature block
    that a flattened table put in one cell cut into its lines, and a name wrapped after its first
    word or before its last ('Vũ' / 'Chiến Thắng', 'Lê Tấn' / 'Cận') joined."""
    cells = [part for line in seg.lines for c in lh_reader.table_cells(line) for part in _split_signature(c)]
    out: list[Cell] = []
    for c in cells:
        prev = out[-1] if out else None
        if prev is not None and _wrapped_name(prev.text, c.text):
            text = f"{prev.text} {c.text}"
            out[-1] = Cell(prev.start, c.end, text, fold_in_place(text), prev.row)
        else:
            out.append(c)
    return out


def _wrapped_name(first: str, second: str) -> bool:
    """Two lines that are one name cut by a wrap: its first word alone (a lone letter is a pen's stroke, 'X' over
    H14's name, and so is a word without a vowel, 'Kh' and 'Zt' over printed Đắk Lắk and Huế names, or a word
    over a whole name that opens with a family name, 'Có' over 'Phùng Tô Long' in UBND Quảng Ngãi 507/UBND-KGVX
    scanned at 150 dpi), or its last word alone after two or three (two names of a joint signature, side by side,
    are longer)."""
    sizes = (len(first.split()), len(second.split()))
    syllable = len(first) > 1 and _HAS_VOWEL.search(fold(first)) is not None
    whole = sizes[1] >= 3 and second.split()[0] in _family_names()
    wrapped = (sizes[0] == 1 and syllable and not whole and sizes[1] < 5) or (sizes[1] == 1 and sizes[0] in (2, 3))
    return wrapped and _name_words(first) and _name_words(second)


def _one_name_word(text: str) -> bool:
    return re.fullmatch(r"[^\W\d_]+", text) is not None and text[0].isupper() and not is_caps(text)


def _name_words(text: str) -> bool:
    words = text.split()
    return bool(words) and all(_one_name_word(w) for w in words)


def _split_signature(cell: Cell) -> list[Cell]:
    """'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Huy Tưởng' (a table row flattened into one
    cell) → 'TM. ỦY BAN NHÂN DÂN' / 'KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH' / 'Nguyễn Huy Tưởng': cut before each
    capacity, between a capacity and the position under it, and before the name."""
    v = _vocab()
    inside = v.capacity_inside.search(cell.key)
    if not (
        v.capacity.match(cell.key)
        or (is_caps(cell.text[:12]) and cell.key.startswith(v.positions))
        or (inside and is_caps(cell.text[: inside.start()]) and _trailing_name(cell.text) is not None)
    ):
        return [cell]
    cuts = {m.start() for m in v.capacity_inside.finditer(cell.key) if cell.text[m.start()].isupper()}
    name = _trailing_name(cell.text)
    if name is not None:
        cuts.add(name)
    bounds = sorted({0, len(cell.text), *cuts})
    for a, b in itertools.pairwise(bounds):
        cap = v.capacity.match(cell.key[a:b])
        position = _position_start(cell.key[a + cap.end() : b], a + cap.end()) if cap else None
        if position is not None:
            cuts.add(position)
    if len(cuts) <= 1 and not cuts - {0}:
        return [cell]
    out = []
    bounds = sorted({0, len(cell.text), *cuts})
    for a, b in itertools.pairwise(bounds):
        chunk = cell.text[a:b]
        text = chunk.strip(" ,;")
        if text:
            s = cell.start + a + chunk.index(text)
            out.append(Cell(s, s + len(text), text, fold_in_place(text), cell.row))
    return out


def _trailing_name(text: str) -> int | None:
    """Where a name printed after the capitals of a flattened signature cell starts (a first word broken
    into pieces, 'Đặ ng', is one word)."""
    words = list(re.finditer(r"\S+", text))
    start = None
    for count, w in enumerate(reversed(words)):
        k = len(words) - 1 - count
        piece = k > 0 and w.group().islower() and _one_name_word(words[k - 1].group() + w.group())
        if count >= NAME_MAX_WORDS or not (_one_name_word(w.group()) or piece):
            break
        start = w.start()
    if start is None or not text[:start].strip() or not is_caps(text[:start]):
        return None
    return start if len(text[start:].split()) >= 2 else None


def _position_start(obj: str, offset: int) -> int | None:
    """Where the signer's position starts after a capacity's object ('CHỦ TỊCH PHÓ CHỦ TỊCH' → at 'PHÓ';
    'ỦY BAN NHÂN DÂN CHỦ TỊCH' → at 'CHỦ TỊCH'): the last position named after the object, with the
    'Phó' before it."""
    v = _vocab()
    words = list(re.finditer(r"\S+", obj))
    tokens: list[tuple[int, int, str]] = []  # (first word, word count, folded phrase)
    i = 0
    while i < len(words):
        for p in v.positions:
            n = len(p.split())
            if " ".join(w.group().strip(",") for w in words[i : i + n]) == p:
                tokens.append((i, n, p))
                i += n
                break
        else:
            i += 1
    cores = [t for t in tokens if t[2] in v.core_positions and t[0] > 0]
    if not cores:
        return None
    first = cores[-1][0]
    while first > 1 and fold(words[first - 1].group()) in v.position_prefixes:
        first -= 1
    return offset + words[first].start()


def _read_block(cells: list[Cell]) -> tuple[Signer, int, int] | None:
    """A signature block read down its cells: capacity lines (a wrapped one joined), then position lines in capitals,
    then the name, after which the block ends; the recipients' column beside it, the pen's scrawl and the seal are
    passed over, anything else ends the block with no signer."""
    v = _vocab()
    capacities: list[tuple[str, str]] = []  # (T/M, KT. …; the body or position signed for, as printed)
    positions: list[str] = []
    for i, c in enumerate(cells):
        name = _name(c) if capacities or positions else None
        marked = _name_after_mark(c) if (capacities or positions) and name is None else None
        if marked is not None:
            capacity = f"{capacities[-1][0]} {recase(capacities[-1][1])}" if capacities else None
            position = recase(" ".join(positions)) if positions else None
            return Signer(name=marked[0], position=position, capacity=capacity), marked[1], c.end
        if c.key in v.skip or c.text[:1] in "-+•" or c.key.startswith(("noi nhan", "luu")):
            continue  # the 'Nơi nhận' column beside the block (two-column layout)
        cap = v.capacity.match(c.key)
        if cap and is_caps(c.text):
            capacities.append((c.text[: cap.end()].strip(), c.text[cap.end() :].strip()))
            positions = []
        elif capacities and not positions and is_caps(c.text) and _continues_capacity(capacities[-1][1], c):
            capacities[-1] = (capacities[-1][0], f"{capacities[-1][1]} {c.text}")
        elif name and (positions or not is_caps(c.text)):
            name, c = _printed_name_under(name, c, cells[i + 1 : i + 2])
            capacity = f"{capacities[-1][0]} {recase(capacities[-1][1])}" if capacities else None
            position = recase(" ".join(positions)) if positions else None
            return Signer(name=name[0], position=position, capacity=capacity), name[1], c.end
        elif is_caps(c.text) and len(c.text.split()) <= 8 and not _mostly_strokes(c.text):
            positions.append(c.text)
        elif (capacities or positions) and (_is_scrawl(c.text) or _is_stamp_junk(c.text)):
            continue  # the handwritten signature, the seal or the e-signature's emblem, OCR'd as stray characters
        else:
            return None
    return None


def _printed_name_under(name: tuple[str, int], cell: Cell, below: list[Cell]) -> tuple[tuple[str, int], Cell]:
    """The printed name on the next line rather than a pen's signature read as two words over it ('SEN Ty',
    'SRN TY' over 'Phùng Tô Long': UBND Quảng Ngãi 565/TB-UBND scanned at 150 and 200 dpi in black and white),
    when the next line opens with a family name and the first does not: the same strokes as the lone 'Có', 'Kh',
    'Zt' ``_wrapped_name`` keeps apart (UBND Quảng Ngãi 507/UBND-KGVX at 150 dpi; Đắk Lắk and Huế prints)."""
    under = _name(below[0]) if below and name[0].split()[0] not in _family_names() else None
    return (under, below[0]) if under is not None and under[0].split()[0] in _family_names() else (name, cell)


def _continues_capacity(capacity: str, cell: Cell) -> bool:
    """A capacity wrapped onto the next line: after a comma ('KT. BỘ TRƯỞNG,' / 'CHỦ NHIỆM'), or a
    short tail that is no position ('TM. ỦY BAN NHÂN' / 'DÂN')."""
    if capacity.endswith(","):
        return True
    return len(cell.text.split()) <= 2 and not cell.key.startswith(_vocab().positions)


def _name_after_mark(cell: Cell) -> tuple[str, int] | None:
    """A printed name behind what OCR made of the pen's signature on the same line ('_ _yuauL————— _~~—- Trần
    Hoàng Tuấn') or behind a dash ('- Nguyễn Hoàng Giang'): its last two to five capitalised words, when nothing
    before them is a list's punctuation (a recipient is '- Sở Tài chính;') and what precedes them is strokes,
    not words (see ``_is_pen_strokes``)."""
    words = list(re.finditer(r"\S+", cell.text))
    start = None
    for count, w in enumerate(reversed(words)):
        if count >= NAME_MAX_WORDS or not _one_name_word(w.group()):
            break
        start = w.start()
    if start is None or not cell.text[:start].strip() or len(cell.text[start:].split()) < 2:
        return None
    head = cell.text[:start]
    tail = re.search(r"[^\W\d_]+\s+$", head) if len(cell.text[start:].split()) <= 3 else None
    surname = _surname_of_tail(tail.group().strip()) if tail else None
    if tail and surname:
        head = head[: tail.start()]
    listed = re.search(r"[;:,]", head) and re.search(r"[^\W\d_]", head)  # a recipient's '- Sở Tài chính;'
    if (listed and not _mostly_strokes(head)) or not _is_pen_strokes(head):
        return None
    name = _name(lh_reader.part(cell, start, cell.text[start:]))
    if name is None or not tail or not surname:
        return name
    return f"{surname} {name[0]}", cell.start + tail.start()


def _surname_of_tail(word: str) -> str | None:
    """The family name a pen's stroke or the seal's ring ate the first letters of, or made small ('«` ⁄ guyễn Quốc
    Việt', ',‹guyễn Quốc Việt', '.\\ cuyễn Quốc Việt', '- nguyên Phước Bình' on 660/TB, 299/UBND and 05 scanned in
    grey): the one family name whose folded spelling ends with the word's, from its second letter on, in at least
    SURNAME_TAIL_LETTERS letters. A word that is no syllable is read on, its longest tail that ends a family name
    deciding ('urương' is Trương's, not 'uong' of three): the ring's strokes glued before the tail
    ('xxwuyến', 'ixguyến', 'asguyên' over 'Nguyễn' on UBND Gia Lai 44/2025/QĐ-CTUBND printed at 150-300 dpi), or
    its first letter slipped, where three letters left name one family ('Lrân', 'Irân' over 'Trần' on UBND Lạng Sơn
    2512/QĐ-UBND at 200 and 300 dpi). A capitalised syllable is a name of its own."""
    syllable = is_syllable(word)
    if word[:1].isupper() and syllable:
        return None
    if word.islower() and word.capitalize() in _family_names():
        return word.capitalize()  # made small whole: '_” lê Quang Hòa' (UBND Hưng Yên 1973/QĐ-UBND faxed)
    key = fold(word)
    for at in range(2) if syllable else range(len(key)):  # the longest tail that ends a family name decides
        tail = key[at:]
        found = {
            name
            for name in _family_names()
            if fold(name).endswith(tail)
            and (
                (len(tail) >= SURNAME_TAIL_LETTERS and (len(key) <= len(fold(name)) or not syllable))
                or (not syllable and at == 1 and len(tail) >= 3 and len(key) == len(fold(name)))
            )
        }
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _is_pen_strokes(head: str) -> bool:
    """What OCR made of a pen's signature before a printed name: no Vietnamese word, or strokes read as rules
    with a pair of capitals among them that happens to be a syllable ('TY —-': 239 TTr read again after an
    OCR change, where the first reading had '_~~')."""
    words = [t for t in re.findall(r"[^\W\d_]+", head) if len(t) > 1 and is_syllable(t)]
    by_chance = all(len(t) == 2 and t.isupper() for t in words) and re.search(r"[-_=~–—]", head) is not None
    return not words or by_chance or _mostly_strokes(head)


def _is_scrawl(text: str) -> bool:
    """A short run of characters that is no name ('fa 2T', 'Tà.', 'xŒ k~”'), or a longer one that is mostly
    strokes (': ⁄ ma H #⁄4 ~ n8 VƯ, _Ỷ— .- _—'): what OCR makes of a handwritten signature between the
    position and the printed name."""
    return len(text) <= SCRAWL_MAX_CHARS or _mostly_strokes(text)


def _is_stamp_junk(text: str) -> bool:
    """What OCR makes of a seal or an e-signature's emblem over the signature block of a page scanned in grey at
    200 dpi ('Âm. LAN h> - @ /' on vht534): a short line with no two
    lowercase Vietnamese words in a row, which a sentence or a body's name has."""
    tokens = text.split()
    prose = any(
        a.islower() and b.islower() and is_syllable(a) and is_syllable(b.strip(",;:."))
        for a, b in itertools.pairwise(tokens)
    )
    return len(tokens) <= STAMP_JUNK_MAX_TOKENS and not prose and not text.rstrip().endswith((";", ":"))


def _mostly_strokes(text: str) -> bool:
    """Fewer than a third of the line's tokens are Vietnamese words of two letters or more: a pen's signature or
    a stamp's ring read as text, not a recipient ('- Sở Tài chính;') nor a sentence. A word holds a vowel: the
    lexicon's 'ng', 'vn' are abbreviations, and in a signature's strokes letters read by chance."""
    tokens = text.split()
    words = [t for t in tokens if len(w := t.strip(",;:.")) > 1 and is_syllable(w) and _HAS_VOWEL.search(fold(w))]
    return len(tokens) >= STROKES_MIN_TOKENS and len(words) * 3 < len(tokens)


# ----------------------------------------------------------------------------------------------
# Issuer completion and jurisdiction
# ----------------------------------------------------------------------------------------------


def _is_national(name: str) -> bool:
    v = _vocab()
    key = fold(name)
    return any(n in key for n in v.national) or key.startswith(tuple(h + " " for h in v.national_heads))


def _jurisdiction(
    issuer: str | None,
    context: list[tuple[str, int]],
    subject: tuple[str | None, int],
    recipients: tuple[list[str], int, int],
) -> tuple[Jurisdiction, int, int]:
    """The area the document binds: the issuer's place, else the first province the title and
    opening name. A national body's document binds no province, unless its subject is about one
    province alone ('Kết luận của Phó Thủ tướng … làm việc với lãnh đạo tỉnh Phú Thọ') or it is sent
    to the bodies of one province alone ('Kính gửi: Ủy ban nhân dân tỉnh Long An')."""
    if issuer:
        found = gazetteer.find_provinces(issuer)
        if not found and _is_national(issuer):
            national = _national_jurisdiction(*subject)
            return national if national[0].province else _addressed_province(*recipients)
    province, start, end = None, -1, -1
    if issuer and (found := gazetteer.find_provinces(issuer)):
        province = found[0][2]
    else:
        for text, offset in context:
            found = gazetteer.find_provinces(text)
            if found:
                province, start, end = found[0][2], offset + found[0][0], offset + found[0][1]
                break
    if province is None and issuer:
        province = _province_of_locality(_place_of(issuer))
    locality = _locality(issuer, province)
    return Jurisdiction(province=province, locality=locality), start, end


def _national_jurisdiction(subject: str | None, offset: int) -> tuple[Jurisdiction, int, int]:
    found = gazetteer.find_provinces(subject) if subject else []
    if len({name for _, _, name in found}) != 1:
        return Jurisdiction(), -1, -1
    return Jurisdiction(province=found[0][2]), offset + found[0][0], offset + found[0][1]


def _addressed_province(recipients: list[str], start: int, end: int) -> tuple[Jurisdiction, int, int]:
    """The one province every recipient of a national body's letter belongs to ('Cục Thuế tỉnh Hà Tĩnh');
    none when a recipient names no province or the recipients name several."""
    provinces = [{name for _, _, name in gazetteer.find_provinces(r)} for r in recipients]
    if not provinces or any(len(p) != 1 for p in provinces) or len(set.union(*provinces)) != 1:
        return Jurisdiction(), -1, -1
    return Jurisdiction(province=provinces[0].pop()), start, end


def _place_of(issuer: str) -> str | None:
    """The place a local body names after its committee or unit word: 'Thành ủy Đà Lạt' → 'Đà Lạt'."""
    v = _vocab()
    key = fold(issuer)
    for word in list(v.committees) + list(v.local_units):
        m = re.search(rf"\b{word}\s+(.+)$", key)
        if m:
            place = " ".join(issuer.split()[-len(m.group(1).split()) :])
            if place[0].isupper() or place[0].isdigit():  # 'Tỉnh ủy' names no place: 'ủy' is no name
                return place
    return None


def _province_of_locality(place: str | None) -> str | None:
    """The one province that has a district of this name (pre-2025 districts)."""
    if not place:
        return None
    found = {p for p in gazetteer.province_names() if gazetteer.match_locality(place, p)}
    return found.pop() if len(found) == 1 else None


def _locality(issuer: str | None, province: str | None) -> str | None:
    place = _place_of(issuer) if issuer and province else None
    if place is None or gazetteer.match_province(place) == province:
        return None
    return gazetteer.match_locality(place, province) or place


def _complete(issuer: str, jurisdiction: Jurisdiction) -> str:
    """'Ủy ban nhân dân Thành phố' + Hà Nội → 'Ủy ban nhân dân Thành phố Hà Nội'; 'Ban Thường vụ Tỉnh ủy'
    + Khánh Hòa → 'Ban Thường vụ Tỉnh ủy Khánh Hòa'. A body that already names its place is kept."""
    v = _vocab()
    key = fold(issuer)
    if _place_of(issuer):
        return issuer  # 'Ủy ban nhân dân tỉnh Hà Tĩnh' ends with 'tinh' folded, but names its place
    level = next((lvl for c, lvl in v.committees.items() if key.endswith(c)), None)
    level = level or next((u for u in v.local_units if key.endswith(" " + u)), None)
    if level is None:
        return issuer
    province, locality = jurisdiction.province, jurisdiction.locality
    if level == "tinh":
        place = province
    elif level == "thanh pho":
        place = province if province and gazetteer.is_centrally_run_city(province) else locality or province
    else:
        place = locality
    return f"{issuer} {place}" if place else issuer


# ----------------------------------------------------------------------------------------------


_T = TypeVar("_T")


@dataclass
class _Found(Generic[_T]):
    """A value read from the document and the span it was read from."""

    value: _T | None = None
    start: int = -1
    end: int = -1


def _kind_and_subject(
    seg: SegmentedDocument, lh: Letterhead, symbol_kind: str | None, number_cell: Cell | None, authority: str | None
) -> tuple[_Found[str], _Found[str], _Found[str], _Found[str]]:
    """A letter's kind is 'Công văn' by its V/v line; other kinds name themselves in a title line;
    failing both, the symbol letters of the number tell the kind. Also the body a 'CỦA …' title line
    names and the enacting authority under the title."""
    title_kind, title, title_rest = _kind_title(lh)
    subject, s_start, s_end = _subject_line(seg, lh)
    named: _Found[str] = _Found()
    enacting: _Found[str] = _Found()
    if title is not None:
        kind = _Found(title_kind, title.start, title.end)
    elif subject is not None:
        kind = _Found(load_json("metadata.json")["subject_kind"], s_start, s_end)
    elif number_cell is not None:
        kind = _Found(symbol_kind, number_cell.start, number_cell.end)
    else:
        kind = _Found()
    if subject is None and title is not None:
        subject, s_start, s_end, named, enacting = _title_subject(seg, lh, title, title_rest, authority)
    return kind, _Found(subject, s_start, s_end), named, enacting


def _issuer(
    seg: SegmentedDocument,
    lh: Letterhead,
    letterhead: tuple[str | None, int, int, list[tuple[str, int]], str | None],
    named: _Found[str],
    enacting: _Found[str],
    signer: _Found[Signer],
) -> _Found[str]:
    """The title's 'CỦA BAN THƯỜNG VỤ TỈNH ỦY' line (it names the exact body, the letterhead only its
    committee), else the letterhead, else the enacting authority under the title, else the sentence
    naming the author, else the body a T/M (thay mặt: on behalf of) signature speaks for."""
    name, start, end = letterhead[:3]
    if named.value is not None:
        name, start, end = named.value, named.start, named.end
    if name is None and enacting.value is not None:
        name, start, end = enacting.value, enacting.start, enacting.end
    if name is None:
        name, start, end = _authoring_sentence(lh.lines + seg.lines[len(lh.lines) : len(lh.lines) + 3])
        if name is None:
            name, start, end = _authoring_sentence(_preamble_close(seg, len(lh.lines)))
        name = _without_position(name) if name else None
    capacity = signer.value.capacity if signer.value else None
    if name is None and capacity and fold(capacity).startswith(("tm", "t/m", "t.m")) and len(capacity.split()) > 1:
        name, start, end = capacity.split(None, 1)[1], signer.start, signer.end
    return _Found(name, start, end)


def _issuer_stop(lh: Letterhead, number_cell: Cell | None, date_cell: Cell | None) -> int:
    """The cells the issuer is read from end at the first of the number, the V/v line and the kind
    title (the left column's parts below the body's name); without them, at the place and date."""
    _, title, _ = _kind_title(lh)
    v_v = next((c for c in lh.cells if lh_reader.opens_v_v(c.key) and c.column != RIGHT), None)
    index = {id(c): i for i, c in enumerate(lh.cells)}
    for anchors in ([number_cell, v_v, title], [date_cell]):
        found = [index[id(c)] for c in anchors if c is not None and id(c) in index]
        if found:
            return min(found)
    return len(lh.cells)


def _passed_on(seg: SegmentedDocument) -> _Found[str]:
    """The date of passage in a law's or resolution's closing line, for the national legislature's papers that
    print no place-date line ('Nghị quyết này được Ủy ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm
    2025', the 2025 merger resolutions); the last such line, as a resolution may quote another's."""
    for line in reversed(seg.lines):
        folded = fold_in_place(line.text)
        if (m := _vocab().passage.search(folded)) is not None and (day := lh_reader.issue_date(line.text[m.end() :])):
            return _Found(day, line.start + m.end(), line.end)
    return _Found()


def _dated_self_reference(seg: SegmentedDocument, number: str) -> _Found[str]:
    """The date the text prints beside its own number when the place-date line is lost: an annex's
    '(Kèm theo Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ)', a regulation's
    'ban hành kèm theo Quyết định số … ngày …'."""
    own = re.compile(r"\s*".join(re.escape(c) for c in number) + r"[\s*]*(?=ngày\b)", re.IGNORECASE)
    for line in seg.lines:
        for m in own.finditer(line.text):
            window = line.text[m.end() : m.end() + SELF_DATE_CHARS]
            if (day := lh_reader.issue_date(window)) and (year := re.search(r"\d{4}", window)):
                return _Found(day, line.start + m.start(), line.start + m.end() + year.end())
    return _Found()


def extract(seg: SegmentedDocument) -> DocumentMeta:
    """The document's metadata from its header and signature block, each field with the span it was read from as
    evidence. The issuer falls back on the title line, the authoring sentence or the signing capacity when the
    letterhead is lost; the jurisdiction comes from the issuer's place, else the letterhead, subject and first lines."""
    lh = lh_reader.read(seg)
    number, symbol_kind, number_cell = lh_reader.number(lh)
    place, issued_on, date_cell = lh_reader.place_date(lh)
    passed = _passed_on(seg) if issued_on is None else _Found[str]()
    if issued_on is None and passed.value is None and number:
        passed = _dated_self_reference(seg, number)
    issued_on = issued_on or passed.value
    place = recase(place) if place else None
    letterhead = _letterhead(lh, _issuer_stop(lh, number_cell, date_cell))
    kind, subject, named, enacting = _kind_and_subject(seg, lh, symbol_kind, number_cell, letterhead[4])
    recipients, r_start, r_end = _recipients(lh)
    signer = _Found(*_signature(seg))
    issuer = _issuer(seg, lh, letterhead, named, enacting, signer)
    letterhead_name, letterhead_lines = letterhead[0], letterhead[3]
    placed = issuer.value if issuer.value and _place_of(issuer.value) else letterhead_name or issuer.value

    context = letterhead_lines + ([(subject.value, subject.start)] if subject.value else [])
    context += [(line.text, line.start) for line in seg.lines[len(lh.lines) : len(lh.lines) + 3]]
    jurisdiction, j_start, j_end = _jurisdiction(
        placed, context, (subject.value, subject.start), (recipients, r_start, r_end)
    )
    if j_start < 0 and jurisdiction.province:
        j_start, j_end = issuer.start, issuer.end
    received, rc_start, rc_end = _received(lh)

    spans = {
        "number": (number_cell.start, number_cell.end) if number_cell else (-1, -1),
        "issued_on": (date_cell.start, date_cell.end) if date_cell else (passed.start, passed.end),
        "place": (date_cell.start, date_cell.end) if date_cell else (-1, -1),
        "kind": (kind.start, kind.end),
        "subject": (subject.start, subject.end),
        "recipients": (r_start, r_end),
        "issuer": (issuer.start, issuer.end),
        "signer": (signer.start, signer.end),
        "jurisdiction": (j_start, j_end),
        "received": (rc_start, rc_end),
    }
    evidence = {field: seg.evidence(s, e) for field, (s, e) in spans.items() if 0 <= s < e}
    return DocumentMeta(
        kind=kind.value,
        number=number,
        issued_on=issued_on,
        place=place,
        issuer=_complete(issuer.value, jurisdiction) if issuer.value else None,
        subject=subject.value,
        recipients=recipients,
        signer=signer.value,
        jurisdiction=jurisdiction,
        received=received,
        evidence=evidence,
    )


def document_number(seg: SegmentedDocument) -> str | None:
    """The document's own số/ký hiệu (citations leave it out)."""
    return lh_reader.number(lh_reader.read(seg))[0]
