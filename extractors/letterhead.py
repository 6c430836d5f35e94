"""The letterhead: the two-column table that opens a Vietnamese administrative document (Nghị định
30/2020/NĐ-CP, Phụ lục I), rebuilt from whichever form the text has, then read once.

    ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH HÀ TĨNH                        Độc lập - Tự do - Hạnh phúc
    -------                             ---------------
    Số: 624/KH-UBND                 Hà Tĩnh, ngày 19 tháng 11 năm 2025
    V/v …

The left column holds the issuing body (under its parent body), số/ký hiệu and a letter's V/v line;
the right column the national motto (or the Party's) and '<Place>, ngày … tháng … năm …'. The text
arrives as
- TAB-separated cells, one table row a line (DOCX, the text layer of a PDF);
- a markdown pipe table, one row a line ('| ỦY BAN … ------- | CỘNG HÒA … |'), or hard-wrapped into
  fragments with '|' and '-------' on lines of their own and one cell's words over several lines
  ('*Thành phố Hồ Chí' / 'Minh, ngày 18 …*') (web pages);
- one column after the other, or both glued into one line ('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …') (OCR).
Every line is cut into cells at TABs, pipes and rules; the lines of one pipe cell are joined; a cell
is cut again where a part of the other column starts inside it (the motto, 'Số:', 'V/v', '<Place>,
ngày'); what a cell says puts it in its column.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors import gazetteer
from extractors.common import (
    DOC_NUMBER,
    clean_number,
    find_dates,
    iso_date,
    kind_of_symbol,
    load_json,
    phrase_alternation,
)
from pipeline.text import fold, fold_in_place
from pipeline.text.segment import Line, SegmentedDocument

MOTTO_SEARCH_LINES = 200  # web pages put a portal's summary (Số hiệu, Loại văn bản …) before the letterhead
MOTTO_TAIL_WORDS = 3  # 'nghĩa việt nam' ending a short cell is the motto's end, its first words misread
MOTTO_CONFIRM_LINES = 15  # a letterhead's 'Số:' or date follows its motto within this many lines
NUMBER_ABOVE_LINES = 3  # … or, on a scan read column after column, its 'Số:' stands this close above the motto
WALK_BACK_LINES = 12  # the left column above the motto: body name, Số, V/v (OCR reads it first)
MISREAD_LINES = 2  # lines of a V/v line OCR misread, passed when the number stands above them
HEADER_MAX_LINES = 40
HEADER_LINE_MAX_CHARS = 320  # a longer line is body text, not a header part
PLACE_MAX_WORDS = 6
PLACE_PIECES = 4  # pieces of a place's first word a web page may leave apart ('Qu ả ng Ngãi')

LEFT, RIGHT = 0, 1
# The place-date's 'ngày' (folded), ended by anything but a letter: OCR glues a handwritten day to it on a scan
# ('Quảng Ngãi, ngày80 tháng 12 năm 2024': UBND Quảng Ngãi 239/TTr-UBND at 150 dpi), as a typed text may
# ('Thông tư số 111/2013/TT-BTC ngày15/8/2013' in Thuế Vĩnh Long's letter, tn-de1e).
_NGAY = r"ngay(?![^\W\d_])"


@dataclass(frozen=True)
class Cell:
    """One cell of the header: its words (markdown marks dropped, the lines of a pipe cell joined by a
    space), the span it covers, and the header line it starts on."""

    start: int
    end: int
    text: str
    key: str  # folded twin of text (same length, so offsets agree)
    row: int = 0
    column: int = LEFT
    breaks: tuple[tuple[int, int], ...] = ()  # (position in text, offset in the document) of each joined line

    def offset(self, pos: int) -> int:
        """The document offset of position ``pos`` of the cell's text (its lines joined by one space)."""
        at = self.start + pos
        for text_pos, offset in self.breaks:
            if text_pos <= pos:
                at = offset + pos - text_pos
        return at


@dataclass(frozen=True)
class Letterhead:
    """The header of a document: its lines from the letterhead to the first body line, and their cells.
    Cells of rows before ``end`` are the two-column letterhead; from ``end`` on (the kind title,
    'Kính gửi', a stamp) each line's cells stand alone."""

    lines: list[Line]
    cells: list[Cell]
    end: int
    anchored: bool  # a motto was found: the header starts at the letterhead, not at the top of the text
    rows: dict[int, list[Cell]] = field(default_factory=dict)

    def row(self, index: int) -> list[Cell]:
        """The cells that start on header line ``index``."""
        return self.rows.get(index, [])


@dataclass(frozen=True)
class _Vocab:
    motto_parts: re.Pattern[str]
    caps_motto: frozenset[str]  # folded motto parts that count only in capitals ('nước Cộng hòa xã hội …' is body)
    mottos: tuple[str, ...]
    openers: re.Pattern[str]
    kinds: frozenset[str]
    lookalikes: dict[str, str]  # characters OCR reads for a digit: '{' → 1, 'Š' → 5
    place_tails: frozenset[str]  # lowercase words inside a place name: (Thành) phố, (Thị) xã


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = load_json("metadata.json")
    parts = sorted((re.findall(r"\w+", fold(p)) for p in data["motto_parts"]), key=len, reverse=True)
    # a text layer may split a word of the motto where its letters are spaced out ('CỘ NG HÒA')
    slips = data["motto_letter_lookalikes"]

    def letter(c: str) -> str:
        return f"(?:{'|'.join(map(re.escape, [c, *slips[c]]))})" if c in slips else re.escape(c)

    alternation = "|".join(r"[\s,–—-]+".join(r"\s?".join(letter(c) for c in w) for w in words) for words in parts)
    return _Vocab(
        motto_parts=re.compile(rf"(?<!\w)(?:{alternation})"),
        caps_motto=frozenset(fold(p) for p in data["motto_parts_in_capitals"]),
        mottos=tuple(_motto_words(fold(m)) for m in data["national_mottos"]),
        openers=re.compile(rf"(?:{phrase_alternation(data['body_openers'])})\b|{data['dated_opener']}"),
        kinds=frozenset(fold(k) for k in load_json("document_kinds.json")["kinds"]),
        lookalikes={c: d for d, chars in data["digit_lookalikes"].items() for c in chars},
        place_tails=frozenset(fold(w) for w in data["place_tail_words"]),
    )


def _motto_words(key: str) -> str:
    """A folded motto's words: 'doc lap - tu do - hanh phuc' and 'doc lap, tu do, hanh phuc' alike."""
    return re.sub(r"[\s,–—-]+", " ", key).strip(" .")


# ----------------------------------------------------------------------------------------------
# Cells of a line
# ----------------------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"\t|\s{3,}|\||[-_=–—]{3,}")  # a rule may be glued to the words ('CHÍNH PHỦ___')
_MARKS = " *#_>"


def is_caps(text: str) -> bool:
    """Printed in capitals: letterhead names, titles, signature positions."""
    letters = "".join(filter(str.isalpha, text))
    return len(letters) >= 2 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def bare(text: str) -> str:
    """A line without markdown emphasis, heading marks and table pipes at its ends ('*Căn cứ …*')."""
    return text.strip(_MARKS + "|").strip()


def is_noise(text: str) -> bool:
    """A line with no word: a table pipe, a rule, stray emphasis marks ('** **', '------- |')."""
    return not re.search(r"\w", text)


# folded 'V/v' and what OCR makes of it: 'V⁄v', 'V/y', 'Vv', 'V¿v', and 'V/' with the v lost before the subject's
# first word ('V/ góp ý …', UBND Quảng Ngãi 507/UBND-KGVX one-bit at 150 dpi; 'V/ thành lập …', VPCP 11299/VPCP-KGVX
# faxed and printed at 150 dpi); 'VW' and 'V/w', the slash and v read as one w ('Số: 11583/VPCP-CN VW triển khai …',
# VPCP 11583/VPCP-CN printed at 150 and 200 dpi; 'Số: 1539 /VLO-QLDN3 VW trả', Thuế tỉnh Vĩnh Long 1539/VLO-QLDN3 at
# 100 dpi and faxed at 200, 'V/w trả' at 200)
_V_V = r"v\s*[/⁄|¿]\s*[vyw]\b|v[vw]\b|v\s*[/⁄]\s+(?=[^\W\d_]{2})"


def opens_v_v(key: str) -> bool:
    """A letter's 'V/v' (về việc) line, its slash or second letter as OCR may read them (folded text)."""
    return re.match(_V_V, key) is not None


def is_speck(text: str) -> bool:
    """A line OCR read from a seal's edge, a stamp or dirt: no two letters together ('‡R', 'Ệ ˆ⁄', '„')."""
    return not re.search(r"[^\W\d_]{2}", text)


def _pieces(line: Line, row: int) -> list[tuple[Cell | None, bool]]:
    """(cell, closed) for each piece of a line between separators; ``closed`` when a pipe, TAB or
    rule follows it. A None cell marks a separator with nothing before it."""
    out: list[tuple[Cell | None, bool]] = []
    pos = 0
    for m in [*_SEPARATOR.finditer(line.text), None]:
        stop = m.start() if m else len(line.text)
        chunk = line.text[pos:stop]
        text = _without_stray_quote(chunk.strip(_MARKS))
        if text and re.search(r"\w", text):
            s = line.start + pos + chunk.index(text)
            out.append((Cell(s, s + len(text), text, fold_in_place(text), row), m is not None))
        elif m is not None:
            out.append((None, True))
        if m is not None:
            pos = m.end()
    return out


def _without_stray_quote(text: str) -> str:
    """A line without the straight quote OCR puts before a fax print's capitals ("'THÀNH PHỐ HỒ CHÍ MINH",
    "'THƯ VIỆN PHÁP LUẬT" on prints of Hồ Chí Minh, Hà Nội and Hải Phòng pages): one that nothing closes."""
    if text[:1] == "'" and text[1:2].isupper() and "'" not in text[1:]:
        return text[1:].lstrip()
    return text


def cells_of(line: Line, row: int = 0) -> list[Cell]:
    """The cells of one line, each cut where another column's part starts inside it."""
    return [c for piece, _ in _pieces(line, row) if piece for c in _split(piece)]


def _split(cell: Cell) -> list[Cell]:
    """A cell cut before and after a motto part, before 'Số:', 'V/v' and a '<Place>, ngày' inside it:
    columns glued by OCR or by a flattened table ('Số: 1040/LĐTBXH-NCC V/v hướng dẫn …',
    'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: /TB-UBND Quảng Ngãi, ngày …')."""
    cuts: set[int] = set()
    for s, e in _motto_spans(cell):
        cuts.update((s, e))
    for m in re.finditer(rf"(?<=\s)(?:{_V_V}|so\s*:)", cell.key):
        if cell.text[m.start()] in "VvS":  # 'Số:', not 'số:' inside a sentence
            cuts.add(m.start())
    place = place_start(cell.text, cell.key)
    if place is not None:
        cuts.add(place)
    out: list[Cell] = []
    bounds = sorted({0, len(cell.text), *cuts})
    for a, b in itertools.pairwise(bounds):
        chunk = cell.text[a:b]
        text = chunk.strip(_MARKS).lstrip(",;").strip(_MARKS)
        if text and re.search(r"\w", text):
            out.append(part(cell, a + chunk.index(text), text))
    return out


def part(cell: Cell, pos: int, text: str) -> Cell:
    """The cell's words ``text`` found at ``pos`` of its text, as a cell with their document span."""
    breaks = tuple((t - pos, o) for t, o in cell.breaks if pos < t < pos + len(text))
    start, end = cell.offset(pos), cell.offset(pos + len(text) - 1) + 1
    return Cell(start, end, text, fold_in_place(text), cell.row, cell.column, breaks)


def _motto_spans(cell: Cell) -> list[tuple[int, int]]:
    """Where a motto or a line of one stands in a cell; 'cộng hòa xã hội …' only in capitals."""
    v = _vocab()
    spans = []
    for m in v.motto_parts.finditer(cell.key):
        if not _word_ends(cell.text, m.end()):
            continue
        words = _motto_words(m.group())
        if any(words.startswith(c) for c in v.caps_motto) and not is_caps(cell.text[m.start() : m.end()]):
            continue
        spans.append((m.start(), m.end()))
    return spans


def _word_ends(text: str, end: int) -> bool:
    """A word ends at ``end``: no letter follows, or the next word glued to it ('VIỆT NAMĐộc lập')."""
    if end >= len(text) or not text[end].isalnum():
        return True
    return text[end].isupper() and text[end + 1 : end + 2].islower()


def is_motto(key: str) -> bool:
    """A motto, a line of one, or a rule ('CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '*')."""
    if not re.search(r"\w\w", key):
        return True
    if _vocab().motto_parts.fullmatch(key.strip(" .")):
        return True  # a motto part as OCR slipped in it ('cộng iiòa xã hội')
    words = _motto_words(key)
    if any(words.startswith(m) or (len(words.split()) >= 2 and f" {words} " in f" {m} ") for m in _vocab().mottos):
        return True
    if len(words.split()) <= MOTTO_TAIL_WORDS + 2 and any(
        words.endswith(" " + " ".join(m.split()[-MOTTO_TAIL_WORDS:])) for m in _vocab().mottos
    ):
        return True  # the motto's end after its first words misread ('€ TU NGHĨA VIỆT NAM' for 'CHỦ NGHĨA …')
    letters = words.replace(" ", "")  # 'co ng hoa xa hoi …': a word the text layer split where its letters are spaced
    return len(words.split()) >= 3 and any(m.replace(" ", "").startswith(letters) for m in _vocab().mottos)


def place_start(text: str, key: str) -> int | None:
    """Where the place of a '<Place>, ngày …' starts inside a cell, when something precedes it: the
    run of capitalised words (and the lowercase 'phố', 'xã' of 'Thành phố', 'Thị xã') before the comma."""
    m = re.search(rf"\s*,\s*{_NGAY}", key)
    if not m:
        return None
    start = _place_words_start(text[: m.start()])
    return start if start and text[:start].strip() else None


def _place_words_start(before: str) -> int:
    """Where the run of a place's words ends ``before`` its comma starts (len(before) when there is none). A word
    in capitals ends it (the issuer's line glued before the place), unless it is the place's last word after one
    in title case: OCR read a letter of the italic line as a capital ('Quảng TIỊ', Quảng Trị; 'Bắc ĐÀ', Bắc Ninh)."""
    v = _vocab()
    words = list(re.finditer(r"\S+", before))
    start = len(before)
    for count, w in enumerate(reversed(words)):
        word = w.group()
        slipped = count == 0 and len(words) > 1 and words[-2].group()[1:].islower()
        if count >= PLACE_MAX_WORDS or (len(word) > 1 and is_caps(word) and "." not in word and not slipped):
            break
        if not (word[:1].isupper() or fold(word) in v.place_tails):
            break
        start = w.start()
    return start


# ----------------------------------------------------------------------------------------------
# The header and its letterhead
# ----------------------------------------------------------------------------------------------


def read(seg: SegmentedDocument) -> Letterhead:
    """The header from the letterhead (found by its motto, so a portal's summary or a forwarded note
    before it is left out) to the body, cut into cells."""
    anchor = _motto_line(seg)
    first = _first_line(seg, anchor) if anchor is not None else 0
    lines = _header(seg, first)
    end = _letterhead_end(lines)
    cells = _letterhead_cells(lines[:end], pipes=_has_pipes(lines[:end]))
    for row in range(end, len(lines)):
        cells += cells_of(lines[row], row)
    cells = [_placed(c) for c in cells]
    rows: dict[int, list[Cell]] = {}
    for c in cells:
        rows.setdefault(c.row, []).append(c)
    return Letterhead(lines, cells, end, anchor is not None, rows)


def _motto_line(seg: SegmentedDocument) -> int | None:
    """The first line holding a motto in capitals (or 'Độc lập - Tự do - Hạnh phúc') that a 'Số' or
    a date follows: the letterhead's row, not an appendix form or a sentence naming the Republic. OCR reads the
    left column first, so the 'Số:' right above the motto confirms it too, when the date line under it was
    garbled ('Quảng Ngãi, ngày “Ã thông TÌ năm 2024')."""
    lines = seg.lines[:MOTTO_SEARCH_LINES]
    for i, line in enumerate(lines):
        probe = Cell(line.start, line.end, line.text, fold_in_place(line.text))
        if not _motto_spans(probe):
            continue
        if any(_opens_letterhead_part(fold(ln.text)) for ln in lines[i : i + MOTTO_CONFIRM_LINES]):
            return i
        if any(number_label().match(fold(bare(ln.text))) for ln in lines[max(0, i - NUMBER_ABOVE_LINES) : i]):
            return i
    return None


def _opens_letterhead_part(key: str) -> bool:
    """'Số: …' or '…, ngày … tháng': what follows a letterhead's motto."""
    return bool(re.search(r"(?:^|[|\s*])so\s*[:.]?\s*[\d/-]|\bngay\b.{0,12}\bthang\b", key))


def _first_line(seg: SegmentedDocument, anchor: int) -> int:
    """The first line of the letterhead: above the motto's line, the left column's lines (capitals,
    'Số:', 'V/v' and its wrapped lines, table fragments) back to the first line that is none of them;
    the column opens with the body's name or the number, not with a V/v line or a wrapped one (a web
    page's heading repeats the V/v line above the table). OCR's specks between them ('‡R' under 'TỈNH CAO BẰNG'
    on H14, a seal's edge) are passed, and so is a line OCR misread ('V⁄v …' for 'V/v …') when the number's
    line stands right above it."""
    first = anchor
    for i in range(anchor - 1, max(-1, anchor - 1 - WALK_BACK_LINES), -1):
        text = bare(seg.lines[i].text)
        column = is_speck(text) or _opens_column(text) or opens_v_v(fold(text)) or text[:1].islower()
        if not column and not _number_above(seg, i):
            break
        first = i
    while first < anchor and not _opens_column(bare(seg.lines[first].text)):
        first += 1
    return first


def _number_above(seg: SegmentedDocument, i: int) -> bool:
    """The number's line stands right above line i, so line i is the V/v line OCR misread."""
    return any(number_label().match(fold(bare(line.text))) for line in seg.lines[max(0, i - MISREAD_LINES) : i])


def _opens_column(text: str) -> bool:
    """A line of the left column above a V/v line: the body's name in capitals, or 'Số:'."""
    return (is_caps(text) and len(text.split()) <= 12) or bool(number_label().match(fold(text)))


# a bullet opens no body: the header goes on past it (the list under 'Kính gửi:'), whatever dash OCR read ('— NAM',
# the motto's last word under a speck read as an em dash on faxed prints of Bộ Nội vụ, Bộ Tài chính, UBND Quảng Trị)
_BULLETS = ("-", "–", "—", "+", "*", "•")


def _header(seg: SegmentedDocument, first: int) -> list[Line]:
    """The lines from the letterhead to the body. The body opens with a body opener ('Căn cứ', 'Thực
    hiện'), a numbered outline item or a long paragraph; table fragments and stray marks are passed."""
    out: list[Line] = []
    for line in seg.lines[first:]:
        if len(out) >= HEADER_MAX_LINES:
            break
        text = bare(line.text)
        key = fold(text)
        marked = line.marker and line.marker not in _BULLETS and text[:1] != "|" and not opens_v_v(key)  # 'V/ góp ý'
        if out and (is_opener(text, key) or marked):
            break
        if out and len(line.text) > HEADER_LINE_MAX_CHARS:
            if glued_end(line.text) <= HEADER_LINE_MAX_CHARS:
                out.append(line)  # a header line the text layer glued to the first paragraph
            break
        out.append(line)
    return out


def is_opener(text: str, key: str) -> bool:
    """A body paragraph's opening words ('Căn cứ', 'Thực hiện', 'Ngày 14/11/2025, …'); in capitals they
    open a title line ('THỰC HIỆN CHƯƠNG TRÌNH …'), not the body."""
    return bool(_vocab().openers.match(key)) and not is_upper(text)


def is_upper(text: str) -> bool:
    """Every letter a capital: a title's line, however short ('Ý' / 'KIẾN CHỈ ĐẠO …')."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def in_capitals(text: str) -> bool:
    """A title's line in capitals, however short ('Ý' / 'KIẾN CHỈ ĐẠO …'), or with a letter OCR read small on a
    print ('SẴN CÔNG TẠI CÁC Cơ QUAN', Gia Lai; 'CẤP hẤM UYỀN QUYẾT ĐỊNH', Huế)."""
    return is_upper(text) or is_caps(text)


def glued_end(text: str) -> int:
    """Where a header line ends when the text layer glued the next part to it (a title line has no
    final stop): at a body opener written with a capital ('… công nghệ cao Thực hiện Nghị quyết …',
    '… thời gian đến Ngày 03/01/2025, Phó Chủ tịch …') or at a run of three words in capitals
    ('… văn minh đô thị VAN PHÒNG TINH ỦY'); a title in capitals with a letter OCR read small ('… TẠI CÁC Cơ
    QUAN, TỔ CHỨC') goes on."""
    v = _vocab()
    key = fold_in_place(text)
    for m in re.finditer(r"\s(?=\S)", text):
        i = m.end()
        if text[i].isupper() and v.openers.match(key, i) and text[i + 1 : i + 2].islower():
            return m.start()
        words = text[i:].split(None, 3)[:3]
        before = text[: m.start()]
        if len(words) == 3 and all(is_caps(w) for w in words) and _has_letters(before) and not in_capitals(before):
            return m.start()
    return len(text)


def _has_letters(text: str) -> bool:
    """Some word before a title's capitals, not a speck OCR read before them ('- VE' / 'VIỆC BÃI BỎ …')."""
    return re.search(r"[^\W\d_]", text) is not None


def is_kind_title(key: str) -> bool:
    """A line that is a document kind alone ('QUYẾT ĐỊNH', 'CÔNG ĐIỆN'): the title under the letterhead
    (also given a title a web page broke over two lines, 'QUYẾT' / 'ĐỊNH', joined)."""
    return key.strip(" :") in _vocab().kinds


def _letterhead_end(lines: list[Line]) -> int:
    """The first header line after the letterhead: the kind title (or a title line that opens with the
    kind, or a kind broken over two lines), 'Kính gửi'; a stray quote before it is OCR's ("'TỜ TRÌNH": UBND Quảng Ngãi
    239/TTr-UBND at 150 dpi, as before the capitals of the prints ``_without_stray_quote`` names)."""
    for i, line in enumerate(lines):
        text = _without_stray_quote(bare(line.text))
        key = fold(text)
        after = fold(_without_stray_quote(bare(lines[i + 1].text))) if i + 1 < len(lines) else ""
        if i and (_opens_with_kind(text, key) or is_kind_title(f"{key} {after}") or key.startswith("kinh gui")):
            return i
    return len(lines)


def _opens_with_kind(text: str, key: str) -> bool:
    """A title line: the kind in capitals, alone or before its subject ('QUYẾT ĐỊNH', 'NGHỊ QUYẾTVề việc …')."""
    for kind in _vocab().kinds:
        if key.startswith(kind) and is_caps(text[: len(kind)]):
            nxt = text[len(kind) : len(kind) + 2]
            if not nxt.strip(" :") or nxt[:1] == " " or (nxt[:1].isupper() and nxt[1:].islower()):
                return True
    return False


def _has_pipes(lines: list[Line]) -> bool:
    """A web page's table cut into fragments: '|' lines, rows closed by ' |'."""
    return any(line.text.strip() == "|" or line.text.rstrip().endswith(" |") for line in lines)


def _letterhead_cells(lines: list[Line], pipes: bool) -> list[Cell]:
    """Cells of the letterhead's lines. In a table cut into fragments a cell ends only at a pipe or a
    rule, so its lines are joined ('Số:' / '26/2025/QĐ-UBND'), except a block of capitals, which is the
    parent body's name over the issuing body's and is read line by line."""
    if not pipes:
        return [c for row, line in enumerate(lines) for c in cells_of(line, row)]
    out: list[Cell] = []
    block: list[Cell] = []
    for row, line in enumerate(lines):
        for piece, closed in _pieces(line, row):
            if piece is not None:
                block.append(piece)
            if closed:
                out += _close(block)
                block = []
    return out + _close(block)


def _close(block: list[Cell]) -> list[Cell]:
    """The cells of one pipe cell's lines: joined, with where each line starts kept for evidence; a block of
    capitals (the parent body's name over the issuing body's) stays line by line."""
    if len(block) > 1 and all(is_caps(c.text) for c in block):
        return [c for piece in block for c in _split(piece)]
    if not block:
        return []
    text = " ".join(c.text for c in block)
    breaks, pos = [], 0
    for c in block:
        breaks.append((pos, c.start))
        pos += len(c.text) + 1
    joined = Cell(block[0].start, block[-1].end, text, fold_in_place(text), block[0].row, breaks=tuple(breaks))
    return _split(joined)


def _placed(cell: Cell) -> Cell:
    """The cell in its column: the motto and the place and date are the right column."""
    right = (is_motto(cell.key) and re.search(r"\w\w", cell.key) is not None) or re.search(
        rf",\s*{_NGAY}", cell.key
    ) is not None
    return Cell(cell.start, cell.end, cell.text, cell.key, cell.row, RIGHT if right else LEFT, cell.breaks)


# ----------------------------------------------------------------------------------------------
# Fields read once from the cells
# ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def number_label() -> re.Pattern[str]:
    """'Số: 12/…', 'Số - CV/TU', and a handwritten number whose digits OCR read as their look-alikes ('Số: {57
    /QĐ-UB'), on folded text; not 'SỞ Y TẾ'. A label whose vowel or S OCR misread ('Sắ: 239 /TTr-UBND', '5ố:
    4240/UBND-VX') counts before a colon and a number."""
    alike = re.escape("".join(sorted({fold(c) for c in _vocab().lookalikes})))
    s_alike = "".join(sorted(d for c, d in _vocab().lookalikes.items() if fold(c) == "s"))
    misread = rf"[s{s_alike}][aeiouy]\s*:\s*(?=[\d{alike}])"
    return re.compile(rf"^(?:so\b\s*[:.]?|{misread})\s*(?=[\d./-]|$|[\d{alike}]{{1,5}}\s*/)")


def number(lh: Letterhead) -> tuple[str | None, str | None, Cell | None]:
    """(number, symbol kind, cell) from the 'Số:' cell; a number wrapped onto the next line ('Số:' /
    '26/2025/QĐ-UBND') is read there. A blank number ('Số - CV/TU', 'Số: /KH-UBND') is None but its
    symbol still names the kind. A bare 'Số: 6381' is a stamp, not the number. OCR reads a slash as the
    fraction slash ('Số:141⁄KH-UBND', as in the body's '118/2025⁄NĐ-CP' of other scans)."""
    for i, cell in enumerate(lh.cells):
        m = number_label().match(cell.key)
        if not m:
            continue
        rest = _mended_number(cell.text[m.end() :].strip().replace("⁄", "/"))
        if not rest and i + 1 < len(lh.cells) and DOC_NUMBER.match(lh.cells[i + 1].text):
            cell = lh.cells[i + 1]
            rest = cell.text
        if not re.search(r"[A-Za-zĐđ]", rest):
            continue
        num = DOC_NUMBER.match(rest)
        found = clean_number(num.group(1)) if num else None
        return found, kind_of_symbol(found or rest.replace(".", "")), cell
    return _unlabelled_number(lh)


def _mended_number(rest: str) -> str:
    """'{57 /QĐ-UB' → '157 /QĐ-UB': the digits before the symbol's slash, handwritten on a scan, with each
    look-alike OCR read for one (as in the day, ``issue_date``) put back."""
    token = re.match(r"(\S{1,5}?)(?=\s*/)", rest)
    if token is None or token.group(1).isdigit():
        return rest
    digits = _repaired_digits(token.group(1), longest=5)
    return digits + rest[token.end() :] if digits else rest


_OCR_LABEL = re.compile(r"^(?:[^\W_]{1,3}\s*[:.]\s*)?")  # what OCR left of 'Số:' ('S6:'), or nothing


def _unlabelled_number(lh: Letterhead) -> tuple[str | None, str | None, Cell | None]:
    """The number of a scan whose 'Số:' OCR misread ('S6: 239 /TTr-UBND') or lost under a seal or the
    handwritten digits ('239 /TTr-UBND'): a left-column cell of the letterhead that is a số/ký hiệu and
    nothing else, its symbol naming a kind (so a bare '15/01' or a code is none)."""
    for cell in lh.cells:
        if cell.row >= lh.end or cell.column == RIGHT:
            continue
        label = _OCR_LABEL.match(cell.text)
        rest = cell.text[label.end() if label else 0 :].strip()
        num = DOC_NUMBER.fullmatch(rest)
        if num and (kind := kind_of_symbol(num.group(1))):
            return clean_number(num.group(1)), kind, cell
    return None, None, None


def place_date(lh: Letterhead) -> tuple[str | None, str | None, Cell | None]:
    """(place, ISO date, cell) from '<Place>, ngày … tháng … năm …'."""
    for i, cell in enumerate(lh.cells):
        m = re.search(rf"\s*,\s*{_NGAY}", cell.key)
        if not m or not re.search(r"\d", cell.key[m.end() :]):
            continue
        start = _place_words_start(cell.text[: m.start()])
        if start >= m.start():
            continue
        place = cell.text[start : m.start()].strip()
        before = cell.text[:start] if start else (lh.cells[i - 1].text if i and lh.cells[i - 1].row == cell.row else "")
        mended: str | None = _mended_place(place, before)
        if is_caps(place.split()[-1]) and mended != gazetteer.match_province(mended):
            mended = None  # 'Bắc ĐÀ': a slip that names no province; the date is still read
        return mended, issue_date(cell.text[m.end() - len("ngay") :]), cell
    return None, None, None


def _mended_place(place: str, before: str) -> str:
    """A province whose first word a web page broke into pieces ('Qu ả ng Ngãi') read whole, when the
    place alone is no province and the pieces joined make one; a province's name with an OCR slip in the
    italic place-date line ('Cúo Băng', H14) spelled as the gazetteer spells it."""
    if found := gazetteer.match_province(place):
        return found if _one_slip_per_word(place, found) else place
    pieces = before.split()
    for k in range(1, PLACE_PIECES + 1):
        if len(pieces) < k or not pieces[-k][:1].isupper():
            continue
        candidate = "".join(pieces[-k:]) + " " + place
        found = gazetteer.match_province(candidate)
        if found and fold(found) == fold(candidate):
            return found
    return place


def _one_slip_per_word(read: str, name: str) -> bool:
    """``read`` is ``name`` with at most one letter wrong in each word, tone marks aside ('Quáng Ngãi',
    'Cúo Băng' for 'Cao Bằng'); a place written otherwise ('TP. Hồ Chí Minh', 'Huế') is kept as written."""
    words, names = fold(read).split(), fold(name).split()
    return len(words) == len(names) and all(
        len(w) == len(n) and sum(a != b for a, b in zip(w, n, strict=True)) <= 1
        for w, n in zip(words, names, strict=True)
    )


def issue_date(text: str) -> str | None:
    """The date after ', ngày': the long or short form; an OCR slip in the day is repaired when every wrong character is
    a known look-alike of one digit ('ngày {5 tháng 3' → 15), and a slipped vowel in 'tháng' or 'năm' is passed
    ('thúng', 'thủng', 'nỡm': fax prints of Nghệ An and Cần Thơ), and so is a look-alike in a two-digit month ('tháng
    T1', Hà Tĩnh). A day that cannot be read (a handwritten day lost to the pen, 'ngày {tháng 02 năm 2025') gives no
    date: the contract's ``issued_on`` is a whole date, and a month is no date a clerk can file by. Emphasis marks and a
    space inside a two-digit number ('tháng** 11**', 'tháng 0 7') are a web page's, not the date's. A year of five
    digits is none: which one OCR added is not known ('năm 20235' for 2025, UBND Quảng Ngãi 53/TB-UBND faxed at 150 dpi,
    read 2023 before)."""
    text = _mended_year(re.sub(r"(?<!\d)(\d) (\d)(?!\d)", r"\1\2", text.replace("*", "")))
    key = fold_in_place(text)
    dates = find_dates(text)
    if dates and dates[0][0] < 12:
        return dates[0][2]
    m = re.match(rf"\s*(?:{_NGAY})?\s*(\S{{0,6}}?)\s*th[aeiouy]ng\s*(\S{{1,2}})\s*n[aeiouy]m\s*(\d{{4}})(?!\d)", key)
    month = _repaired_digits(text[m.start(2) : m.end(2)]) if m else None
    if m is None or month is None:
        return None
    day = _repaired_digits(text[m.start(1) : m.end(1)])
    return iso_date(day, month, m.group(3)) if day else None


_YEAR = re.compile(r"(?i)(n[aă]m)\s*[:.,;]?\s*(\d{1,3})\s(\d{1,3})(?!\d)|(n[aă]m)\s*[:.,;]\s*(?=\d{4})")


def _mended_year(text: str) -> str:
    """A scan's 'năm 20 24' (a space OCR put inside the year) and 'năm: 2024' (a speck after the word) read as
    'năm 2024'; three or five digits are left alone."""

    def mend(m: re.Match[str]) -> str:
        if m.group(4):
            return f"{m.group(4)} "
        digits = m.group(2) + m.group(3)
        return f"{m.group(1)} {digits}" if len(digits) == 4 else m.group()

    return _YEAR.sub(mend, text)


def _repaired_digits(token: str, longest: int = 2) -> str | None:
    """'{5' → '15', 'l2' → '12': digits (at most ``longest``), with each non-digit letter or sign read as the
    one digit it looks like; punctuation OCR adds ('⁄', '.') is dropped. None when anything else is left, and
    when a lone look-alike is all there is: a '{' alone was a handwritten '04' on a real scan, no '1'."""
    v = _vocab()
    out = ""
    for ch in token:
        if ch.isdigit():
            out += ch
        elif ch in v.lookalikes:
            out += v.lookalikes[ch]
        elif not ch.isalnum():
            continue
        else:
            return None
    if len(out) == 1 and not any(ch.isdigit() for ch in token):
        return None
    return out if 1 <= len(out) <= longest else None


def table_cells(line: Line, row: int = 0) -> list[Cell]:
    """The cells of one line cut at TABs, pipes and rules only (the signature block's columns)."""
    return [piece for piece, _ in _pieces(line, row) if piece]
