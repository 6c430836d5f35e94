"""Outline parser: recovers a document's numbered structure (I., 1., 1.1., a), -, +, Điều 3)
so that a bullet knows which section and which heading it sits under.

Input is the list of the document's non-empty lines; output is one ``Node`` per line.
Numbered levels form the section path ('IV.6', '2.1.a', 'Điều 3'); dash and plus bullets
are leaves that inherit the path of the numbered line above them. Text converted from Word or
PDF often keeps Markdown heading and emphasis marks ('### III. TỔ CHỨC THỰC HIỆN', '**2. …**');
they are skipped before the marker is read, and ``Node.marker`` is the marker as printed
('III.'), so ``line.text.find(marker)`` locates it. A letter out of sequence ('o.' after item 4) is an
OCR'd digit, not an item. ``continues`` and ``is_page_number`` tell a scan's wrapped or page-broken
paragraph from a new one, for readers that need whole paragraphs. ``ocr_repair.mend_ocr_marker`` puts back a marker
OCR misread ('~' for '-', '€)' for 'c)') on a scanned page's line; ``mend_letter_markers`` and ``mend_part_numbers``
those the outline around them tells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.text.ocr_repair import braced_letter_marker, confusion_tables
from pipeline.text.pages import page_number
from pipeline.text.wraps import is_wrapped_reference

# Markdown decoration before a marker: heading hashes, block quotes, emphasis stuck to the text.
_DECORATION = re.compile(r"^(?:#{1,6}\s*|>\s*|[*_]{1,3}(?=\S))*")

# (level, pattern) from outermost to innermost; the first group is the label.
# A number is a marker only when a word follows it: '1.000 người', '03/2010/NĐ-CP', '15/12)' are text.
# A number's emphasis may close after it ('**1. **Trên cơ sở …'). Items numbered in brackets are a level of their own:
# small roman numerals ('(i) Ủy ban nhân dân tỉnh …') and, when a colon opens them, numbers ('… nhiệm vụ sau:' /
# '(1) Huy động …' — elsewhere '(1)' marks a footnote). A chapter or section of a regulation ('Chương II', 'Mục 1')
# heads articles without entering their paths.
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("article", re.compile(r"^(Điều\s+\d+)\s*[.:]?\s*")),
    ("chapter", re.compile(r"^((?:Chương|CHƯƠNG|Mục|MỤC)\s+[IVXLC\d]+)\b\s*[.:]?\s*")),
    (
        "part",
        re.compile(
            r"^(?:Phần\s+|PHẦN\s+)?([IVXL]{1,6})\s*[.\-–)]\s+|^(?:Phần\s+|PHẦN\s+)?([IVXL]{1,6})\s*/\s+"
            r"|^([IVXL]{2,6})\.(?=[A-ZĐÀ-Ỹ])"  # 'II.Nhiệm vụ …': OCR's 'H. Nhiệm vụ …' mended (ocr_repair)
        ),
    ),
    (
        "numbered",
        re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\s*[.)]|\s*/(?=\s))\s*(?:[*_]{1,3}\s*)?(?=[^\W\d_]|[\"“(])"),
    ),
    ("letter", re.compile(r"^([a-zđ])\s*\)\s*|^([a-zđ])\.\s+(?=[A-ZĐÀ-Ỹ])")),
    ("roman", re.compile(r"^(\((?:i{1,3}|iv|v|vi{1,3}|ix|x)\))\s+(?=\w)")),
    ("bracket", re.compile(r"^(\((\d{1,2})\))\s+(?=\w)")),
    ("bullet", re.compile(r"^([\-–—+•*])\s+")),
]
_CLOSING_EMPHASIS = re.compile(r"(?<=[.)/])\s*[*_]+$")


@cache
def _first_letter_lookalikes() -> frozenset[str]:
    return frozenset(confusion_tables()["first_letter_lookalikes"]["digits"])


# A lettered item's marker as a scan may misread it: one or two marks before the bracket ('bì) Phối hợp …', 'à) Ủy ban …').
_SLIPPED_LETTER = re.compile(r"^([^\s\d)]{1,2})\)\s*(?=\w)")


# A lettered item run into the one before it after its ';', its letter read as another mark ('…; ở) Nghiên cứu …'):
# OCR joined the two lines because the mark is no letter a list opens with and reads as a small letter.
_RUN_IN_LETTER = re.compile(r"; ([^\s\da-zđA-Z(]\)) (?=[A-ZĐÀ-Ỹ])")
# The letters a Vietnamese list is numbered with, in order: the alphabet's ('e)' is followed by 'g)').
_ITEM_LETTERS = "abcdđeghiklmnopqrstuvxy"


def cut_run_in_letters(lines: list[str]) -> list[str]:
    """``lines`` (stripped) with a lettered item that OCR ran into the item before it put back on a line of its own,
    at the same length (the space after the ';' becomes a line break, the mark the letter the list wants): '… giải
    quyết; ở) Niêm yết công khai …' on the line of 'd)' (UBND Nghệ An 3769/QĐ-UBND, tn-65fe198460ffa9d9, printed and
    scanned at 200 dpi), '… một cửa liên thông; ï) Thực hiện các nhiệm vụ khác …' on the line of 'h)' and '…; ở)
    Nghiên cứu, đề xuất …' on that of 'd)' (UBND Cần Thơ 2519/QĐ-UBND, tn-1813348fc14ac2b7, at 150 dpi and faxed at
    150 and 200), '…; ø) Tăng cường kiểm tra …' on that of 'e)' (UBND Cần Thơ 165/KH-UBND, tn-a83fffe08d7aeed7, at 150
    and 200 dpi and faxed). The mark stands for the letter after the item it is run into, and the next item of the
    outline, if a lettered one, is the letter after that; otherwise the item's task is read as the end of the one
    before and lost."""
    out = list(lines)
    found = [_read_marker(line) for line in lines]
    for n, line in enumerate(lines):
        before = next((f for f in reversed(found[: n + 1]) if f is not None and f[0] != "bullet"), None)
        if before is None or before[0] != "letter" or not _RUN_IN_LETTER.search(line):
            continue
        after = next((f for f in found[n + 1 :] if f is not None and f[0] != "bullet"), None)
        letter, pieces, done = before[1], [], 0
        for m in _RUN_IN_LETTER.finditer(line):
            want = _next_item_letter(letter)
            if want is None:
                break
            pieces += [line[done : m.start() + 1], "\n", want + ")"]
            done, letter = m.end(1), want
        agrees = after is None or after[0] != "letter" or after[1] == _next_item_letter(letter)
        if letter != before[1] and agrees:
            out[n] = "".join(pieces) + line[done:]
    return out


def _next_item_letter(label: str) -> str | None:
    at = _ITEM_LETTERS.find(label) + 1
    return _ITEM_LETTERS[at] if 0 < at < len(_ITEM_LETTERS) else None


def mend_letter_markers(lines: list[str]) -> list[str]:
    """``lines`` (stripped) with the marker OCR misread for a lettered item put back from the list around it, at the
    same length: a digit of ``first_letter_lookalikes`` for the 'a' ('8) Tiếp tục …', '4) Tiếp tục …' → 'a) Tiếp tục …'),
    or one or two marks before the bracket ('bì) Phối hợp …' → 'd)  Phối hợp …' between 'c)' and 'e)'; 'Điều 2: à) Ủy
    ban …' on the article's line), when the item before it is the letter before the one it stands for (none, for 'a')
    and the next item of the outline is the letter after it; or its bracket read as one of ``letter_bracket_lookalikes``
    ('a} Tổ chức …' → 'a) Tổ chức …', ``_in_sequence``). Left as it was, the item and every item after it are out of
    sequence, so no marker, and the heading above them loses its tasks."""
    out = list(lines)
    read = [_read_marker(line) for line in lines]
    found = [marker or _braced_letter(line) for marker, line in zip(read, lines)]
    for n, line in enumerate(lines):
        braced = found[n] if read[n] is None else None
        if braced is not None:
            if _in_sequence(braced[1], found[:n], found[n + 1 :]):
                out[n] = braced[1] + ")" + line[len(braced[2]) :]
            continue
        at = _after_article(line, found[n]) or 0
        slipped = _slipped_letter(line[at:], found[n] if at == 0 else _read_marker(line[at:]))
        if slipped is None:
            continue
        before = None if at else next((f for f in reversed(found[:n]) if f is not None and f[0] != "bullet"), None)
        after = next((f for f in found[n + 1 :] if f is not None and f[0] != "bullet"), None)
        want = "a" if before is None or before[0] != "letter" else _next_letter(before[1])
        if (
            want is None
            or (slipped[0].isdigit() and want != "a")
            or after is None
            or after[0] != "letter"
            or after[1] not in (_next_letter(want), "e" if want == "d" else None)  # a list may skip 'đ'
        ):
            continue
        out[n] = line[:at] + (want + ")").ljust(len(slipped)) + line[at + len(slipped) :]
    return out


@cache
def _part_number_lookalike() -> re.Pattern[str]:
    letters = re.escape(confusion_tables()["part_number_lookalikes"]["letters"])
    return re.compile(rf"^([{letters}]{{1,3}}|[{letters}]{{0,2}}[VX][{letters}]{{0,2}})([.,]?) (?=[A-ZĐÀ-Ỹ])")


def _as_roman(read: str) -> str:
    """A misread part number with each of its I's look-alikes read as I ('1V' → 'IV')."""
    letters = confusion_tables()["part_number_lookalikes"]["letters"]
    return read.translate(str.maketrans(letters, "I" * len(letters)))


def _in_capitals(heading: str) -> bool:
    """A heading whose first two words are in capitals: 'MỤC TIÊU', 'ĐÁNH GIÁ TÌNH HÌNH …', 'MỤC ĐÍCH, YÊU CẦU'."""
    words = heading.split()[:2]
    return len(words) == 2 and all(w.strip(",.:;").isupper() for w in words)


def _stands_for(read: str, stop: str, number: str, heading: str) -> bool:
    """Whether a part number read as ``read`` with ``stop`` after it ('.', ',' or none) is part ``number`` misread: its
    I's read as H, L or 1 ('IH.', 'HI.', 'HIL', '1I'; never digits alone: '11.' is an item), or its full stop lost or read as a comma ('II MỤC TIÊU', 'II, NHIỆM VỤ
    …'). Without a full stop, only before a heading in capitals: a table's rule read as 'I' before a cell opens no
    part. A number with a V or an X is the part it reads as with its look-alikes taken for I's ('1V.' for IV in UBND
    Đắk Lắk's plan after the floods, tn-a49ef8a0da1f62dd, and UBND Nghệ An's, tn-ceb89a53c7b93f00, printed and
    scanned at 200 dpi; in UBND TP Hồ Chí Minh 172/KH-UBND faxed at 150), never another. One of its I's lost as well as its full stop ('II, VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH' for III in VPCP 636/TB-VPCP
    printed and scanned at 150 dpi; with its stop, ``_with_an_i_lost``) also only before a heading in capitals."""
    if read == number or (read + "I" == number and stop != "."):
        return stop != "." and _in_capitals(heading)
    if "V" in read or "X" in read:  # '1V. NỘI DUNG HOẠT ĐỘNG …' for IV: its V places it
        return _as_roman(read) == number and (stop == "." or _in_capitals(heading))
    slipped = len(read) >= 2 and abs(len(read) - len(number)) <= 1 and read.strip("I") != "" and not read.isdigit()
    return slipped and (stop == "." or _in_capitals(heading))


def mend_part_numbers(lines: list[str]) -> list[str]:
    """``lines`` (stripped) with a roman part number OCR misread put back as the part after the one before it ('I.
    Đánh giá …' → 'II. Nhiệm vụ …', ``part_number_lookalikes``, ``_stands_for``), when it fits in the misread number
    and its space: its I's read as H or L ('IH. Nhiệm vụ …', 'HIL PHẠM VI …'), its full stop lost ('II MỤC TIÊU'). With
    no part marker the line runs on under the part before, and an assessment part takes the plan's targets and tasks
    as the past. A part before whose number is itself misread ('L.' for 'I.') is placed by how many parts came
    before it. The first part's 'I.' read as the digit ('1. MỤC ĐÍCH, YÊU CẦU' over '1. Mục đích') is put back when no
    part came before and the next line is numbered 1 too."""
    sequence = confusion_tables()["part_number_lookalikes"]["sequence"]
    out, place = list(lines), -1  # the index in ``sequence`` of the last part read
    for n, line in enumerate(lines):
        found = _read_marker(line)
        if found is not None and found[0] == "part":
            lost_i = _with_an_i_lost(line, found, sequence, place, lines[n + 1 :])
            if lost_i is not None:
                out[n], place = lost_i, place + 1
                continue
            place = sequence.index(found[1]) if found[1] in sequence else place + 1
            continue
        if place == -1 and (
            _first_part_as_digit(line, found, lines[n + 1] if n + 1 < len(lines) else "")
            or _first_part_in_capitals(line, found, lines[n + 1 :])
        ):
            out[n], place = "I" + line[1:], 0
            continue
        misread = _part_number_lookalike().match(line)
        if misread is None or not 0 <= place < len(sequence) - 1:
            continue
        number = sequence[place + 1]
        mended = f"{number}."
        if len(mended) <= misread.end() and (
            _stands_for(misread[1], misread[2], number, line[misread.end() :])
            or _stop_read_as_comma(misread, number, sequence[place + 2 : place + 3], lines[n + 1 :])
        ):
            out[n], place = mended.ljust(misread.end()) + line[misread.end() :], place + 1
    return out


@cache
def _sibling_number_lookalikes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a first item's '1.' misread, an article's full stop misread) as patterns on a line's head."""
    table = confusion_tables()["sibling_number_lookalikes"]
    first, stops = re.escape(table["first_item"]), re.escape(table["article_stops"])
    capital = r"[A-ZĐÀ-Ỹ]"
    return (
        re.compile(rf"^[{first}](?=\. {capital})"),
        re.compile(rf"^Điều (\d{{1,3}})([{stops}])(?=\s*$|\s+(?!Điều\b){capital})"),
    )


def mend_sibling_numbers(lines: list[str]) -> list[str]:
    """``lines`` (stripped) with a numbered item's or an article's marker OCR misread put back where its siblings
    agree (``sibling_number_lookalikes``), at the same length: a first item's 1 read as a letter ('L. Trách nhiệm
    của Sở …' → '1. Trách nhiệm …') when the next numbered item is 2, an article's full stop read as a comma ('Điều
    4, Chánh Văn phòng …' → 'Điều 4. Chánh …') when it numbers the article after the one before and the next article
    is the one after it. The first item must stand under a part's or an article's heading, its number read (the
    lines between it and the heading unnumbered): under a heading whose own number is lost ('HE. Nhiệm vụ cụ thể …'
    in vht534 at 100 dpi one-bit, not mended; the marker above it is part I's 'L.') the lead-in's bodies would take
    the item's tasks. Left as read, the item runs on under the heading above, and an article's first words are
    read after a comma, so the officials of its executing clause are lost."""
    first_item, article_stop = _sibling_number_lookalikes()
    sequence = confusion_tables()["part_number_lookalikes"]["sequence"]
    found = [_read_marker(line) for line in lines]
    out = list(lines)
    for n, line in enumerate(lines):
        if first_item.match(line):
            heading = next((f for f in reversed(found[:n]) if f is not None), None)
            after = next((f for f in found[n + 1 :] if f is not None and f[0] in ("part", "numbered")), None)
            under_heading = heading is not None and (heading[0] == "article" or heading[1] in sequence)
            if under_heading and after is not None and after[0] == "numbered" and after[1] == "2":
                out[n] = "1" + line[1:]
        elif m := article_stop.match(line):
            number = int(m[1])
            earlier = [int(f[1].split()[1]) for f in found[:n] if f is not None and f[0] == "article"]
            later = [int(f[1].split()[1]) for f in found[n + 1 :] if f is not None and f[0] == "article"]
            if (earlier[-1:] or [0]) == [number - 1] and (not later or later[0] == number + 1):
                out[n] = line[: m.start(2)] + "." + line[m.end(2) :]
    return out


def _stop_read_as_comma(misread: re.Match[str], number: str, after: list[str], later: list[str]) -> bool:
    """Whether a part number of two or more I's read as it is but with a comma for its full stop, before a heading in
    small letters, is that part: the next part of the outline is the one after it, as read or misread ('II, Trách
    nhiệm phối hợp giải quyết thủ tục đầu tư …' before '1H. Tổ chức thực hiện' in UBND Đắk Lắk's Chỉ thị 010/CT-UBND,
    tn-6bac4a0d92da936d, printed and faxed at 150 dpi: part II's items read under part I). The comma for the stop
    before a heading in capitals is ``_stands_for``'s (UBND Bắc Ninh's plan tn-09daab284f92e2dd faxed at 150, VPCP
    636/TB-VPCP at 150); a table's rule read as 'I' is a single I and no part."""
    if misread[2] != "," or misread[1] != number or len(number) < 2 or not after:
        return False
    following = next((line for line in later if _opens_a_part(line)), None)
    return following is not None and _is_part(following, after[0])


def _opens_a_part(line: str) -> bool:
    """Whether ``line`` opens a part, as read or misread with its full stop ('1H. Tổ chức thực hiện'; not a '1.')."""
    found = _read_marker(line)
    if found is not None:
        return found[0] == "part"
    misread = _part_number_lookalike().match(line)
    return misread is not None and misread[1] != "1" and misread[2] == "."


def _with_an_i_lost(
    line: str, found: tuple[str, str, str], sequence: list[str], place: int, later: list[str]
) -> str | None:
    """``line`` with its part number put back when OCR dropped one of its I's, so that it repeats the part before: 'II.
    PHẠM VI ĐIỀU CHỈNH …' after 'II. MỤC ĐÍCH …' is part III (UBND Quảng Ngãi 239/TTr-UBND at 300, 200 and 150 dpi; at
    300 dpi in colour its 'I. MỤC ĐÍCH …' after part I too), 'II. KINH PHÍ THỰC HIỆN' after 'II. NỘI DUNG' (UBND TP Hồ
    Chí Minh 172/KH-UBND, tn-2f6f80b9918e52de, printed and scanned at 100 and 150 dpi). No outline numbers two parts
    alike in a row; the number put back is the next one when it is the one read with an I more, fits in the number
    read with its space ('II. ' → 'III.'), and the outline after agrees: the next part is not that number, unless
    the one after it is the number after that (two I's lost in a row: 'I.', 'I.', 'II.', 'IV.')."""
    if not 0 <= place < len(sequence) - 1 or found[1] != sequence[place] or sequence[place + 1] != found[1] + "I":
        return None
    number = sequence[place + 1]
    at = line.find(found[1] + ".")
    rest = line[at + len(found[1]) + 1 :]
    if at < 0 or not rest.startswith(" ") or not rest[1:2].isupper():
        return None
    following = _next_parts(later, 2)
    if following and _is_part(following[0], number):
        beyond = sequence[place + 3] if place + 3 < len(sequence) else None
        if len(following) < 2 or beyond is None or not _is_part(following[1], beyond):
            return None
    return line[:at] + number + "." + rest[1:]


def _next_parts(later: list[str], count: int) -> list[str]:
    """The first ``count`` lines of ``later`` that open a part, as read or misread before a heading in capitals (a
    lone '1' is a numbered item's)."""
    parts = []
    for following in later:
        found = _read_marker(following)
        misread = _part_number_lookalike().match(following)
        if (found is not None and found[0] == "part") or (
            misread is not None and misread[1] != "1" and _in_capitals(following[misread.end() :])
        ):
            parts.append(following)
            if len(parts) == count:
                break
    return parts


def _is_part(line: str, number: str) -> bool:
    """Whether ``line`` (one of ``_next_parts``) opens part ``number``, as read or misread ('HI.' for 'III.')."""
    found = _read_marker(line)
    if found is not None and found[0] == "part":
        return found[1] == number
    misread = _part_number_lookalike().match(line)
    if misread is None:
        return False
    return _stands_for(misread[1], misread[2], number, line[misread.end() :])


def _first_part_as_digit(line: str, found: tuple[str, str, str] | None, following: str) -> bool:
    """Whether ``line`` opens with '1.' where the first part's 'I.' was printed: the line after it is numbered 1 as well
    ('1. Trách nhiệm phối hợp …' over '1. Các cơ quan đăng ký đầu tư …'), which a list's first item never is."""
    after = _read_marker(following)
    return (
        found is not None
        and found[0] == "numbered"
        and found[1] == "1"
        and line.startswith("1. ")
        and after is not None
        and after[0] == "numbered"
        and after[1] == "1"
    )


def _braced_letter(line: str) -> tuple[str, str, str] | None:
    """A lettered item's marker with its bracket read as one of ``letter_bracket_lookalikes`` ('a} Tổ chức …',
    'b› Tăng cường …'), as (level, label, marker as printed), to be put back if the list around it agrees."""
    m = braced_letter_marker().match(line)
    return ("letter", m[1], m.group()) if m else None


def _in_sequence(
    letter: str, before: list[tuple[str, str, str] | None], after: list[tuple[str, str, str] | None]
) -> bool:
    """Whether ``letter`` continues the outline's items ``before`` and ``after`` it: the one after the letter before
    (the last of a list too), or a list's first ('a', no letter before) followed by 'b'. Braced neighbours count as
    the letters they show, so a run of them holds together."""
    prev = next((f for f in reversed(before) if f is not None and f[0] != "bullet"), None)
    nxt = next((f for f in after if f is not None and f[0] != "bullet"), None)
    if prev is not None and prev[0] == "letter":
        return letter == _next_letter(prev[1]) or (letter == "e" and prev[1] == "d")  # a list may skip 'đ'
    return letter == "a" and nxt is not None and nxt[0] == "letter" and nxt[1] == "b"


def _first_part_in_capitals(line: str, found: tuple[str, str, str] | None, later: list[str]) -> bool:
    """Whether ``line`` is '1. ' before a heading in capitals where the first part's 'I.' was printed: the next such
    heading is a part, as read or misread ('1. ĐÁNH GIÁ CHUNG' … '1I. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP …' in VPCP
    636/TB-VPCP (tn-98be6e047028fade) printed and faxed at 200 dpi, '… II, VỀ MỘT SỐ KIẾN NGHỊ …' at 150; '1. SỰ CẦN
    THIẾT BAN HÀNH NGHỊ QUYẾT' … 'II. MỤC ĐÍCH, QUAN ĐIỂM …' in UBND Quảng Ngãi 239/TTr-UBND at every reading), not
    '2. ' before one (a numbered list of headings in capitals)."""
    if found is None or found[0] != "numbered" or found[1] != "1" or not line.startswith("1. "):
        return False
    if not _in_capitals(line[3:]):
        return False
    for following in later:
        marker = _read_marker(following)
        if marker is not None and marker[0] == "part":
            return True
        misread = _part_number_lookalike().match(following)
        if misread is not None and _in_capitals(following[misread.end() :]):
            return True
        numbered_two = marker is not None and marker[0] == "numbered" and marker[1] == "2"
        if numbered_two and marker is not None and _in_capitals(following[len(marker[2]) :].strip()):
            return False
    return False


def _slipped_letter(text: str, found: tuple[str, str, str] | None) -> str | None:
    """The misread marker opening ``text`` up to its bracket, if it may be a lettered item's."""
    if found is not None and found[0] == "numbered" and found[2].endswith(")"):
        return text[: text.index(")") + 1] if found[1] in _first_letter_lookalikes() else None
    if found is not None:
        return None
    m = _SLIPPED_LETTER.match(text)
    return m.group()[: m.group().index(")") + 1] if m else None


def _next_letter(label: str) -> str | None:
    at = _LETTER_ORDER.index(label) + 1 if label in _LETTER_ORDER else len(_LETTER_ORDER)
    return _LETTER_ORDER[at] if at < len(_LETTER_ORDER) else None


def _after_article(text: str, found: tuple[str, str, str] | None) -> int | None:
    """Where the text after an article's marker starts ('Điều 2: |a) …', 'Điều 2; |a) …' with the colon read as a
    semicolon), if the line opens with one."""
    if found is None or found[0] != "article":
        return None
    at = text.find(found[2]) + len(found[2])
    return at + len(text[at:]) - len(text[at:].lstrip(" -–:;"))


@dataclass(frozen=True)
class Node:
    """One line's place in the outline: the marker opening it (as printed), its section path ('IV.6') and the text of
    the heading line it sits under."""

    marker: str | None
    section: str | None
    heading: str | None


def _read_marker(text: str) -> tuple[str, str, str] | None:
    """(level, label, marker as printed) of the marker opening the line, if any."""
    decoration = _DECORATION.match(text)
    assert decoration is not None  # every part of the pattern is optional: it always matches
    body = text[decoration.end() :]
    for level, pattern in MARKERS:
        m = pattern.match(body)
        if m:
            label = next(g for g in m.groups() if g)
            return level, label, _CLOSING_EMPHASIS.sub("", m.group(0).strip())
    return None


def first_item_at(text: str) -> int | None:
    """Where the first lettered item starts when it is printed on its article's line ('Điều 2: a) Uỷ ban nhân dân thị
    xã Cao Bằng có nhiệm vụ …', UBND Cao Bằng 157/QĐ-NĐ-UB typed in 1999): the segmenter cuts the line there, so that
    the article and its items a) b) c) each open a line of their own and b), c) are read as the list's next items."""
    at = _after_article(text, _read_marker(text))
    if at is None:
        return None
    item = _read_marker(text[at:])
    return at if item is not None and item[0] == "letter" and item[1] == "a" else None


def opens_chapter(text: str) -> bool:
    """'Chương III', 'MỤC 2. …': a chapter or section heading, also when a wrap left its number on the next line and
    a reader joined the two."""
    found = _read_marker(text)
    return found is not None and found[0] == "chapter"


# How a paragraph ends; a line ending otherwise was cut by a wrap ('… Thành ủy Cam Ranh và Thị ủy').
_PARAGRAPH_END = (".", ";", ":", "!", "?", ")", "”", '"')
# Shorter lines are headings or letterhead cells that need no full stop ('1. Sở Y tế', 'Hà Nội, ngày …').
_WRAP_MIN_CHARS = 50


def is_page_number(text: str) -> bool:
    """True for a line that is only a page number ('2', '- 3 -', 'Trang 4'), which belongs to no paragraph."""
    return page_number(text) is not None


def is_caps(text: str) -> bool:
    """An all-capitals line: a title ('IV. TỔ CHỨC THỰC HIỆN'), not running text."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def continues(previous: str, text: str) -> bool:
    """Is ``text`` the rest of the paragraph ``previous``, broken off by a wrap? OCR'd pages keep a break
    where the next line starts with a capital ('… và Thị ủy' / 'Ninh Hòa chủ động …', '… trân trọng đề
    nghị Ban' / 'Thường vụ các Tỉnh ủy những nội dung sau:'), so a capital alone does not start a
    paragraph: a line that opens no outline item continues a long line that ended mid-sentence. No sentence
    starts in lowercase, so a lowercase line goes on after a closing mark too ('… ngày lễ, ngày tết”...*' /
    'để hoàn thành các dự án …')."""
    previous = previous.rstrip(" *_")
    return (
        len(previous) >= _WRAP_MIN_CHARS
        and (not previous.endswith(_PARAGRAPH_END) or (text[:1].isalpha() and text[:1].islower()))
        and (_read_marker(text) is None or is_wrapped_reference(previous, text))
        and not is_page_number(text)
        and not is_caps(previous)
        and not is_caps(text)
    )


_LETTER_ORDER = "abcdđefghijklmnopqrstuvwxyz"


def _follows(previous: str | None, label: str) -> bool:
    """A letter list starts at 'a' and goes forward; another letter out of sequence is a misread digit. A letter
    printed twice is a drafting slip ('b) …' twice) or OCR's 'd)' read as 'đ)' before the real 'đ)': the second is an
    item all the same."""
    if previous is None:
        return label == "a"
    return _LETTER_ORDER.index(label) >= _LETTER_ORDER.index(previous)


def parse(lines: list[str]) -> list[Node]:
    """One Node per line: numbered and lettered markers set the section path and heading, dash and plus bullets
    inherit those of the line above; a letter out of sequence is read as no marker."""
    part: str | None = None
    numbered: list[str] = []  # e.g. ['2', '1'] for 2.1.
    letter: str | None = None
    heading: str | None = None
    bracket: int | None = None  # the number of the last item of a list numbered in brackets
    nodes: list[Node] = []
    for n, text in enumerate(lines):
        marker = None
        found = _read_marker(text)
        if (
            found
            and found[0] in ("article", "chapter", "numbered")
            and n > 0
            and is_wrapped_reference(lines[n - 1], text)
        ):
            # '… quy định tại' / 'Điều 6 của Nghị quyết này;': a reference the wrap put at the head; '… (lần' / '2) đến
            # Sở Công Thương': the number closing the bracket above
            found = None
        if found and found[0] == "bracket":
            number = int(found[1].strip("()"))
            opened = n > 0 and lines[n - 1].rstrip(" *_").endswith(":")
            in_list = (number == 1 and opened) or (bracket is not None and bracket < number <= bracket + 2)
            bracket = number if in_list else bracket
            found = found if in_list else None  # '(1) Theo Quyết định …': a footnote's number
        elif found and found[0] not in ("bullet", "roman"):
            bracket = None  # an item of a higher level ends the list; an item's own bullets do not
        if found:
            level, label, marker = found
            if level in ("article", "part"):
                part, numbered, letter, heading = label, [], None, text
            elif level == "numbered":
                numbered, letter, heading = label.split("."), None, text
            elif level == "letter" and _follows(letter, label):
                letter, heading = label, text
            elif level == "letter":
                marker = None  # 'o. Giao …' after item 4: an OCR'd '5.', not an item of a letter list
        path = ([part] if part else []) + numbered + ([letter] if letter else [])
        nodes.append(Node(marker=marker, section=".".join(path) or None, heading=heading))
    return nodes
