"""Document metadata: what a document says about itself in its header and signature block.

The header of a Vietnamese administrative or party document has a fixed grammar: the letterhead
(the issuing body, under its parent body), số/ký hiệu, '<Place>, ngày … tháng … năm …', the kind
title ('KẾ HOẠCH', then the subject) or a 'V/v' line for a letter, 'Kính gửi:'; an incoming stamp
('Số: 6381 / ĐẾN Ngày: 17.11.22') may sit beside it. The signature block closes the text:
capacity (T/M, TM., KT.), position, name. Each reader below finds one of those parts.

Text copied from portals often loses the letterhead; the issuer is then read from what the
document still says: a title line 'CỦA BAN THƯỜNG VỤ TỈNH ỦY', the sentence naming the author
('Thành ủy Đà Lạt xây dựng Kế hoạch'), or the signing capacity ('TM. ỦY BAN NHÂN DÂN'), and a
body named without its place ('UBND Thành phố') is completed from the document's jurisdiction.
Keywords are matched on the folded twin of the text, so OCR'd headers still read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors import gazetteer
from extractors.agencies import expand_abbreviations, match_agency
from extractors.common import (
    DOC_NUMBER,
    LONG_DATE,
    clean_number,
    document_kinds,
    find_dates,
    kind_of_symbol,
    load_json,
    phrase_alternation,
)
from pipeline.text import fold, fold_in_place, is_syllable
from pipeline.text.segment import Line, SegmentedDocument
from schemas.extraction import DocumentMeta, Jurisdiction, Received, Signer

HEADER_MAX_LINES = 40
HEADER_LINE_MAX_CHARS = 320  # a longer line is body text, not a header part
SIGNATURE_SPAN = 8  # lines from a signing capacity to the signer's name
SCRAWL_MAX_CHARS = 12  # an OCR'd handwritten signature is at most this long


@dataclass(frozen=True)
class _Vocab:
    mottos: tuple[str, ...]
    openers: re.Pattern[str]  # folded words that open the body: căn cứ, thực hiện …
    kinds: dict[str, str]  # fold(kind) → kind
    phrases: dict[str, tuple[str, ...]]  # fold(phrase) → official casings (Trường, Trưởng), for recasing capitals
    max_phrase_words: int
    units: frozenset[str]  # folded unit words: tinh, thanh pho, huyen …
    named_heads: frozenset[str]  # folded heads that need a name: so, ban, phong …
    committees: dict[str, str]  # fold(committee) → folded unit level it governs: tinh uy → tinh
    local_units: tuple[str, ...]  # folded units that name a local place: tinh, thanh pho, huyen …
    councils: tuple[str, ...]  # folded elected bodies whose name takes the unit: uy ban nhan dan
    positions: tuple[str, ...]
    national: tuple[str, ...]
    national_heads: tuple[str, ...]
    capacity: re.Pattern[str]
    skip: frozenset[str]
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
    return _Vocab(
        mottos=tuple(fold(m) for m in data["national_mottos"]),
        openers=re.compile(rf"(?:{phrase_alternation(data['body_openers'])})\b"),
        kinds=kinds,
        phrases=phrases,
        max_phrase_words=max(len(p.split()) for p in phrases),
        units=units,
        named_heads=frozenset(fold(h) for h in agencies["named_heads"]),
        committees=committees,
        local_units=tuple(fold(u) for u in data["local_units"]),
        councils=tuple(fold(c) for c in data["councils"]),
        positions=tuple(sorted((fold(p) for p in data["positions"]), key=len, reverse=True)),
        national=tuple(fold(n) for n in data["national_markers"]),
        national_heads=tuple(fold(h) for h in data["national_heads"]),
        capacity=re.compile(rf"^({caps})\s*(?=\w)"),
        skip=frozenset(fold(s) for s in data["signature_skip"]),
        name_prefix=re.compile(rf"^(?:(?:{phrase_alternation(data['name_prefixes'])})\s*)+"),
        authoring=re.compile(rf"(?:^|[,;:]\s*)([^,;:]{{3,90}}?)\s+(?:{verbs})\s+(?:{kind_alt})\b"),
    )


# ----------------------------------------------------------------------------------------------
# Small readers
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cell:
    """One column of a header line (letterheads are two-column tables: 'ỦY BAN …\\tCỘNG HÒA …')."""

    start: int
    end: int
    text: str
    key: str  # folded twin of text (same length, so offsets agree)


def _cells(line: Line) -> list[_Cell]:
    out = []
    for m in re.finditer(r"[^\t]+?(?=\t|\s{3,}|$)", line.text):
        text = m.group().strip()
        if text:
            s = line.start + m.start() + (len(m.group()) - len(m.group().lstrip()))
            out.append(_Cell(s, s + len(text), text, fold_in_place(text)))
    return out


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _is_motto(key: str) -> bool:
    return any(key.startswith(m) for m in _vocab().mottos) or not re.search(r"\w\w", key)


def _case_word(w: str, title: bool) -> str:
    """One word of a capitals run: an acronym (THPT, PC08) stays as written."""
    bare = w.strip(",;.:()")
    if len(bare) > 1 and (not is_syllable(bare) or not re.search(r"[aeiouy]", fold(bare))):
        return w
    return w[:1].upper() + w[1:].lower() if title else w.lower()


def recase(text: str) -> str:
    """Official casing for a name printed in capitals: 'ĐẢNG ỦY CÔNG AN TRUNG ƯƠNG' → 'Đảng ủy Công an
    Trung ương', 'VAN PHÒNG TINH ỦY LAI CHAU' (OCR) → 'Văn phòng Tỉnh ủy Lai Châu'. Known phrases come
    from the agency lexicon; words after a unit or a party committee are a place name, in title case
    (a province spelled as the gazetteer spells it); other words are in sentence case ('SỞ KHOA HỌC
    CÔNG NGHỆ' → 'Sở Khoa học công nghệ')."""
    if not _is_caps(text):
        return text
    v = _vocab()
    words = expand_abbreviations(text).split()
    out: list[str] = []
    i, previous = 0, ""
    while i < len(words):
        n, key = _phrase_at(words, i)
        if n:
            written = " ".join(words[i : i + n])
            tail = written[len(written.rstrip(",;.:")) :]
            out.append(_spelling(key, written.rstrip(",;.:")) + tail)
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


def _header(seg: SegmentedDocument) -> list[Line]:
    """The lines before the body: the body opens with a long paragraph, an opener ('Căn cứ',
    'Thực hiện'), or a numbered outline item."""
    v = _vocab()
    out: list[Line] = []
    for line in seg.lines[:HEADER_MAX_LINES]:
        key = fold(line.text)
        if out and (v.openers.match(key) or (line.marker and line.marker not in ("-", "+"))):
            break
        if out and len(line.text) > HEADER_LINE_MAX_CHARS:
            if _glued_end(line.text) <= HEADER_LINE_MAX_CHARS:
                out.append(line)  # a header line the text layer glued to the first paragraph
            break
        out.append(line)
    return out


def _glued_end(text: str) -> int:
    """Where a header line ends when the text layer glued the next part to it (a title line has no
    final stop): at a body opener written with a capital ('… công nghệ cao Thực hiện Nghị quyết …')
    or at a run of three words in capitals ('… văn minh đô thị VAN PHÒNG TINH ỦY')."""
    v = _vocab()
    key = fold_in_place(text)
    for m in re.finditer(r"\s(?=\S)", text):
        i = m.end()
        if text[i].isupper() and v.openers.match(key, i) and text[i + 1 : i + 2].islower():
            return m.start()
        words = text[i:].split(None, 3)[:3]
        if len(words) == 3 and all(_is_caps(w) for w in words) and not _is_caps(text[: m.start()]):
            return m.start()
    return len(text)


def _blank_before(seg: SegmentedDocument, line: Line, prev: Line) -> bool:
    return seg.text.count("\n", prev.end, line.start) > 1 or "\f" in seg.text[prev.end : line.start]


# ----------------------------------------------------------------------------------------------
# Header parts
# ----------------------------------------------------------------------------------------------

_NUMBER_LABEL = re.compile(r"^so\b\s*[:.]?\s*(?=[\d./-]|$)")  # 'Số: 12/…', 'Số - CV/TU'; not 'SỞ Y TẾ'
_PLACE_DATE = re.compile(r"(?<![\w/.-])([^\W\d_][^\d,;:/]{1,39}?)\s*,\s*ngay\b")  # may follow 'Số: …' in one cell


def _number(seg: SegmentedDocument, header: list[Line]) -> tuple[str | None, str | None, _Cell | None]:
    """(number, symbol kind, cell) from the 'Số:' line. A blank number ('Số - CV/TU', 'Số: /KH-UBND')
    is None but its symbol still names the kind. A bare 'Số: 6381' is a stamp, not the number."""
    for line in header:
        for cell in _cells(line):
            m = _NUMBER_LABEL.match(cell.key)
            if not m:
                continue
            rest = cell.text[m.end() :]
            if not re.search(r"[A-Za-zĐđ]", rest):
                continue
            num = DOC_NUMBER.match(rest.strip())
            number = clean_number(num.group(1)) if num else None
            return number, kind_of_symbol(number or rest.replace(".", "")), cell
    return None, None, None


def _place_date(seg: SegmentedDocument, header: list[Line]) -> tuple[str | None, str | None, _Cell | None]:
    for line in header:
        for cell in _cells(line):
            m = _PLACE_DATE.search(cell.key)
            if not m:
                continue
            place = recase(_after_caps_run(cell.text[m.start(1) : m.end(1)].strip()))
            dates = [d for d in find_dates(cell.text) if d[0] >= m.end(1)]
            long_form = LONG_DATE.search(cell.key)
            issued = dates[0][2] if dates and (long_form or dates[0][0] - m.end(1) < 12) else None
            return place, issued, cell
    return None, None, None


def _kind_title(seg: SegmentedDocument, header: list[Line]) -> tuple[str | None, int, str]:
    """(kind, index of its title line, what follows the kind on that line)."""
    v = _vocab()
    for i, line in enumerate(header):
        key = fold(line.text).rstrip(" :")
        for kf, kind in sorted(v.kinds.items(), key=lambda kv: -len(kv[0])):
            if key == kf or (key.startswith(kf + " ") and _is_caps(line.text[: len(kf)])):
                rest = line.text[len(kf) :].strip(" :")
                if key == kf or not _is_caps(rest):
                    return kind, i, rest
    return None, -1, ""


def _after_caps_run(text: str) -> str:
    """What follows the last run of two or more words in capitals: the place when the text layer
    glued the letterhead's motto column before it ('… đô thị ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội')."""
    words = text.split()
    cut = 0
    for i in range(1, len(words)):
        if _is_caps(words[i - 1]) and _is_caps(words[i]) and i + 1 < len(words) and not _is_caps(words[i + 1]):
            cut = i + 1
    return " ".join(words[cut:]) if cut else text


def _subject_line(seg: SegmentedDocument, header: list[Line]) -> tuple[str | None, int, int]:
    """The 'V/v …' line of a letter, with its wrapped continuation lines."""
    for i, line in enumerate(header):
        cells = _cells(line)
        if cells and cells[0].key.startswith("v/v"):
            start, end = cells[0].start, cells[0].end
            for nxt in header[i + 1 :]:
                if _blank_before(seg, nxt, line) or not nxt.text[:1].islower():
                    break
                end, line = nxt.end, nxt
            end = start + _glued_end(seg.text[start:end])
            return " ".join(seg.text[start:end].split()), start, end
    return None, -1, -1


def _title_subject(
    seg: SegmentedDocument, header: list[Line], title_index: int, rest: str
) -> tuple[str | None, int, int, Line | None]:
    """The title after the kind ('Triển khai Nghị quyết …', 'về xây dựng …'), and the 'CỦA …' line
    naming the issuer when the title has one."""
    v = _vocab()
    title = header[title_index]
    if rest:
        s = title.start + title.text.index(rest)
        rest = rest[: _glued_end(rest)]
        return rest, s, s + len(rest), None
    issuer_line, start, end, prev = None, -1, -1, title
    for line in header[title_index + 1 :]:
        key = fold(line.text)
        if start < 0 and key.startswith("cua ") and _is_caps(line.text):
            issuer_line, prev = line, line
            continue
        if (
            _is_motto(key)
            or v.openers.match(key)
            or key.startswith("kinh gui")
            or (start >= 0 and (_is_caps(line.text) or _blank_before(seg, line, prev) or _is_paragraph(line.text)))
        ):
            break
        if start < 0:
            start = line.start
        end, prev = line.end, line
    if start < 0:
        return None, -1, -1, issuer_line
    end = start + _glued_end(seg.text[start:end])
    return " ".join(seg.text[start:end].split()), start, end, issuer_line


_SENTENCE_END = re.compile(r"[.!?…](?:\s+[^\W\d_]|\s*$)")


def _is_paragraph(text: str) -> bool:
    """A body paragraph, not a wrapped title line: it opens with a capital and holds a sentence
    ('Trên địa bàn tỉnh hiện có 35 Công an phường … chiến sĩ. Trong …'). OCR'd text has no blank
    line to tell the first paragraph from the title above it."""
    return text[:1].isupper() and (len(text) > HEADER_LINE_MAX_CHARS or bool(_SENTENCE_END.search(text)))


def _recipients(seg: SegmentedDocument, header: list[Line]) -> tuple[list[str], int, int]:
    for i, line in enumerate(header):
        key = fold(line.text)
        if not key.startswith("kinh gui"):
            continue
        colon = line.text.find(":")
        rest = line.text[colon + 1 :] if colon >= 0 else line.text[len("kính gửi") :]
        rest = rest[: _glued_end(rest)]
        items = [r for r in re.split(r";|\s-\s|^\s*-", rest) if r.strip(" .,;-")]
        end = line.end
        for nxt in header[i + 1 :]:
            if nxt.marker != "-":
                break
            items.append(nxt.text)
            end = nxt.end
        return [r.strip(" -;,.") for r in items if r.strip(" -;,.")], line.start, end
    return [], -1, -1


def _letterhead(
    seg: SegmentedDocument, header: list[Line], stop: int
) -> tuple[str | None, int, int, list[tuple[str, int]]]:
    """The issuing body from the letterhead's capital lines above the number/date/title. A line
    opening with a unit ('TỈNH LÂM ĐỒNG') completes the one above it. The first body is the parent
    when there are more ('UBND TỈNH NGHỆ AN' / 'SỞ Y TẾ'); below the parent a line opens a body of
    its own only with a head ('PHÒNG CSGT'), else it continues the name ('BAN CHỈ ĐẠO XÂY DỰNG' /
    'CÔNG AN XÃ, PHƯỜNG KIỂU MẪU'). A head without a place takes its parent's scope."""
    v = _vocab()
    groups: list[list[_Cell]] = []
    for line in header[:stop]:
        cells = _cells(line)
        if not cells:
            continue
        cell = cells[0]
        if not _is_caps(cell.text) or _is_motto(cell.key) or _NUMBER_LABEL.match(cell.key):
            continue
        opens_unit = any(cell.key.startswith(u + " ") for u in v.units) and not _starts_body(cell.key)
        continues = len(groups) > 1 and not _starts_head(cell.key)
        if groups and (opens_unit or continues or _wrapped(groups[-1][-1].text, cell.text)):
            groups[-1].append(cell)
        else:
            groups.append([cell])
    if not groups:
        return None, -1, -1, []
    names = [recase(" ".join(c.text for c in g)) for g in groups]
    issuer = names[-1]
    last = groups[-1]
    if len(names) > 1 and _starts_head(fold(issuer)) and not _has_place(issuer):
        parent = names[-2]
        unit = re.search(rf"\b(?:{'|'.join(v.local_units)})\b", fold(parent))
        if unit and fold(parent).startswith(v.councils):
            parent = parent[unit.start() :]  # 'Ủy ban nhân dân tỉnh Nghệ An' → 'tỉnh Nghệ An'
        issuer = f"{issuer} {parent}"
    return issuer, last[0].start, last[-1].end, [(c.text, c.start) for g in groups for c in g]


def _wrapped(above: str, line: str) -> bool:
    """A capital line that is the tail of a name wrapped in a narrow column: its first word opens no
    known phrase but ends one begun on the line above ('ĐẢNG ỦY CÔNG AN TRUNG' / 'ƯƠNG')."""
    head, tail = above.split(), line.split()
    if not tail or _phrase_at(tail, 0)[0]:
        return False
    words = head + tail
    return any(i + _phrase_at(words, i)[0] > len(head) for i in range(len(head)))


def _starts_head(key: str) -> bool:
    """'phong csgt', 'so y te', 'ban chi dao …': a head that needs a name."""
    return any(key.startswith(h + " ") for h in _vocab().named_heads)


def _starts_body(key: str) -> bool:
    """'huyen uy phu cat' opens a body of its own; 'tinh lam dong' completes the line above."""
    v = _vocab()
    return any(key.startswith(c) for c in v.committees) or key.startswith(("dang uy", "dang bo"))


def _has_place(name: str) -> bool:
    v = _vocab()
    key = fold(name)
    return any(re.search(rf"\b{re.escape(u)}\b", key) for u in v.local_units) or any(
        re.search(rf"\b{re.escape(c)}\b", key) for c in v.committees
    )


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


def _received(seg: SegmentedDocument, header: list[Line]) -> tuple[Received | None, int, int]:
    """The incoming stamp: 'ĐẾN Ngày: 17.11.22' or 'CÔNG VĂN ĐẾN / Số: … / Ngày: …' (its parts may
    share a line with other columns), its 'Số' (a bare number, unlike the document's own số/ký
    hiệu) and the receiving office on the line above it."""
    cells = [_cells(line) for line in header]
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
            dates = find_dates(c.text)
            if dates and on is None and _STAMP_DATE_LINE.match(c.key):
                on, first, last = dates[0][2], min(first, j), max(last, j)
    if number is None and on is None:
        return None, -1, -1
    office, start = None, header[first].start
    above = cells[first - 1] if first > 0 else []
    if above and _is_caps(above[0].text) and not _is_motto(above[0].key) and not _NUMBER_LABEL.match(above[0].key):
        office, start = recase(above[0].text), above[0].start
    return Received(number=number, on=on, by=office), start, header[last].end


# ----------------------------------------------------------------------------------------------
# Signature block
# ----------------------------------------------------------------------------------------------


def _name(cell: _Cell) -> tuple[str, int] | None:
    """A signer's name and where it starts: two to five capitalised words, after a rank or title
    ('Đại tá Phạm Văn Hùng'); a name printed in capitals is title-cased."""
    v = _vocab()
    prefix = v.name_prefix.match(cell.key)
    skip = prefix.end() if prefix else 0
    text = cell.text[skip:].strip()
    if _is_caps(text):
        if cell.key[skip:].strip().startswith(v.positions):
            return None
        text = " ".join(w[:1] + w[1:].lower() for w in text.split())
    words = text.split()
    if 2 <= len(words) <= 5 and all(re.fullmatch(r"[^\W\d_]+\.?", w) and w[0].isupper() for w in words):
        return text, cell.end - len(text)
    return None


def _signature(seg: SegmentedDocument) -> tuple[Signer | None, int, int]:
    """Capacity lines (T/M …, KT. …), position lines, then the name. Without a capacity line the block
    starts at a position line ('CHỦ TỊCH'). The block after 'Nơi nhận' wins over an earlier one."""
    v = _vocab()
    cells = [c for line in seg.lines for c in _cells(line)]
    start_at = next((i for i, c in enumerate(cells) if c.key.startswith("noi nhan")), 0)
    for lo in dict.fromkeys((start_at, 0)):  # from 'Nơi nhận' on, then (if it is not first) from the top
        for i in range(lo, len(cells)):
            c = cells[i]
            if not (
                v.capacity.match(c.key)
                or (_is_caps(c.text) and c.key.startswith(v.positions) and len(c.text.split()) <= 6)
            ):
                continue
            found = _read_block(cells[i : i + SIGNATURE_SPAN])
            if found:
                return found
    return None, -1, -1


def _read_block(cells: list[_Cell]) -> tuple[Signer, int, int] | None:
    v = _vocab()
    capacities: list[str] = []
    positions: list[str] = []
    for c in cells:
        if c.key in v.skip or c.text[:1] in "-+•" or c.key.startswith(("noi nhan", "luu")):
            continue  # the 'Nơi nhận' column beside the block (two-column layout)
        cap = v.capacity.match(c.key)
        name = _name(c) if capacities or positions else None
        if cap and _is_caps(c.text):
            prefix = c.text[: cap.end()].strip()
            capacities.append(f"{prefix} {recase(c.text[cap.end() :].strip())}")
        elif name and (positions or not _is_caps(c.text)):
            return (
                Signer(
                    name=name[0],
                    position=recase(" ".join(positions)) if positions else None,
                    capacity=capacities[-1] if capacities else None,
                ),
                name[1],
                c.end,
            )
        elif _is_caps(c.text) and len(c.text.split()) <= 8:
            positions.append(c.text)
        elif (capacities or positions) and _is_scrawl(c.text):
            continue  # the handwritten signature, OCR'd as a few stray characters
        else:
            return None
    return None


def _is_scrawl(text: str) -> bool:
    """A short run of characters that is no name ('fa 2T', 'Tà.', 'xŒ k~”'): what OCR makes of a
    handwritten signature between the position and the printed name."""
    return len(text) <= SCRAWL_MAX_CHARS


# ----------------------------------------------------------------------------------------------
# Issuer completion and jurisdiction
# ----------------------------------------------------------------------------------------------


def _is_national(name: str) -> bool:
    v = _vocab()
    key = fold(name)
    return any(n in key for n in v.national) or key.startswith(tuple(h + " " for h in v.national_heads))


def _jurisdiction(issuer: str | None, context: list[tuple[str, int]]) -> tuple[Jurisdiction, int, int]:
    """The area the document binds: the issuer's place, else the first province the title and
    opening name; a national body's document binds no province."""
    if issuer:
        found = gazetteer.find_provinces(issuer)
        if not found and _is_national(issuer):
            return Jurisdiction(), -1, -1
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


@dataclass
class _Found:
    """A value read from the document and the span it was read from."""

    value: object = None
    start: int = -1
    end: int = -1


def _kind_and_subject(
    seg: SegmentedDocument, header: list[Line], symbol_kind: str | None, number_cell: _Cell | None
) -> tuple[_Found, _Found, Line | None]:
    """A letter's kind is 'Công văn' by its V/v line; other kinds name themselves in a title line;
    failing both, the symbol letters of the number tell the kind."""
    title_kind, title_index, title_rest = _kind_title(seg, header)
    subject, s_start, s_end = _subject_line(seg, header)
    issuer_line = None
    if title_index >= 0:
        kind = _Found(title_kind, header[title_index].start, header[title_index].end)
    elif subject is not None:
        kind = _Found(load_json("metadata.json")["subject_kind"], s_start, s_end)
    elif number_cell is not None:
        kind = _Found(symbol_kind, number_cell.start, number_cell.end)
    else:
        kind = _Found()
    if subject is None and title_index >= 0:
        subject, s_start, s_end, issuer_line = _title_subject(seg, header, title_index, title_rest)
    return kind, _Found(subject, s_start, s_end), issuer_line


def _issuer(
    seg: SegmentedDocument, header: list[Line], anchors: list[int], issuer_line: Line | None, signer: _Found
) -> tuple[_Found, str | None, list[tuple[str, int]]]:
    """The title's 'CỦA BAN THƯỜNG VỤ TỈNH ỦY' line (it names the exact body, the letterhead only its
    committee), else the letterhead, else the sentence naming the author, else the body a T/M
    (thay mặt: on behalf of) signature speaks for. Also the letterhead lines, which name the place
    of a body that does not say it, and the letterhead's body, which may name the place the
    issuer leaves out."""
    name, start, end, letterhead_lines = _letterhead(seg, header, min(anchors) if anchors else 0)
    letterhead = name
    if issuer_line is not None:
        name, start, end = recase(issuer_line.text[len("của") :].strip()), issuer_line.start, issuer_line.end
    if name is None:
        name, start, end = _authoring_sentence(seg.lines[: len(header) + 3])
    capacity = signer.value.capacity if signer.value else None
    if name is None and capacity and fold(capacity).startswith(("tm", "t/m", "t.m")) and len(capacity.split()) > 1:
        name, start, end = capacity.split(None, 1)[1], signer.start, signer.end
    return _Found(name, start, end), letterhead, letterhead_lines


def extract(seg: SegmentedDocument) -> DocumentMeta:
    header = _header(seg)
    number, symbol_kind, number_cell = _number(seg, header)
    place, issued_on, date_cell = _place_date(seg, header)
    kind, subject, issuer_line = _kind_and_subject(seg, header, symbol_kind, number_cell)
    recipients, r_start, r_end = _recipients(seg, header)
    signer = _Found(*_signature(seg))
    anchors = [
        i
        for i, line in enumerate(header)
        if any(c and line.start <= c.start <= line.end for c in (number_cell, date_cell))
        or line.start <= kind.start <= line.end
        or line.start <= subject.start <= line.end
    ]
    issuer, letterhead, letterhead_lines = _issuer(seg, header, anchors, issuer_line, signer)
    placed = issuer.value if issuer.value and _place_of(issuer.value) else letterhead or issuer.value

    context = letterhead_lines + ([(subject.value, subject.start)] if subject.value else [])
    context += [(line.text, line.start) for line in seg.lines[len(header) : len(header) + 3]]
    jurisdiction, j_start, j_end = _jurisdiction(placed, context)
    if j_start < 0 and jurisdiction.province:
        j_start, j_end = issuer.start, issuer.end
    received, rc_start, rc_end = _received(seg, header)

    spans = {
        "number": (number_cell.start, number_cell.end) if number_cell else (-1, -1),
        "issued_on": (date_cell.start, date_cell.end) if date_cell else (-1, -1),
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
    return _number(seg, _header(seg))[0]
