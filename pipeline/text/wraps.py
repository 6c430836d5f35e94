"""Joining visually wrapped lines back into paragraphs: a line that ends mid-sentence and is
followed by a continuation (not an outline marker, not a heading) is the same paragraph. Cues are
data in ``data/line_joining.json``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.text.ocr_repair import braced_letter_marker, mend_ocr_marker
from pipeline.text.pages import page_number

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class _JoinRules:
    outline_start: tuple[re.Pattern[str], ...]
    reference_start: re.Pattern[str]
    reference_lead: re.Pattern[str]
    part_alone: re.Pattern[str]
    part_number: re.Pattern[str]
    sentence_end: str
    closing_chars: str
    symbol_break: re.Pattern[str]
    year_range_start: re.Pattern[str]
    year_range_end: re.Pattern[str]
    wrap_min_width_ratio: float
    heading_max_length: int
    max_visual_line_width: int


@lru_cache(maxsize=1)
def _join_rules() -> _JoinRules:
    d = json.loads((DATA / "line_joining.json").read_text(encoding="utf-8"))
    return _JoinRules(
        tuple(re.compile(p) for p in d["outline_start"]),
        re.compile(d["reference_start"]),
        re.compile(d["reference_lead"]),
        re.compile(d["part_alone"]),
        re.compile(d["part_number"]),
        d["sentence_end"],
        d["closing_chars"],
        re.compile(d["symbol_break"]),
        re.compile(d["year_range_start"]),
        re.compile(d["year_range_end"]),
        d["wrap_min_width_ratio"],
        d["heading_max_length"],
        d["max_visual_line_width"],
    )


def _is_caps_heading(line: str, rules: _JoinRules) -> bool:
    if len(line) > rules.heading_max_length:
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def line_separator(prev_line: str, next_line: str, full_width: int | None = None) -> str:
    """How two consecutive visual lines join: '' (a symbol broken after '-' or '/', '12-' + 'NQ/TW'),
    ' ' (a wrapped sentence) or '\\n' (a real break). ``full_width`` is the length of a full line of
    the page, when known: a line that long without end punctuation was wrapped by the layout."""
    rules = _join_rules()
    prev, nxt = prev_line.strip(), next_line.strip()
    if not prev or not nxt or "\t" in prev_line or "\t" in next_line:
        return "\n"
    if rules.part_alone.match(prev.strip(" *_#")) and rules.part_number.match(nxt.lstrip(" *_")):
        return " "  # '**Điều' / '3. **Chánh Văn phòng …': the article's number went to the next line
    if is_wrapped_reference(prev, nxt):
        return " "  # '… quy định tại' / 'Điều 6 của Nghị quyết này;': a reference, not an article
    if rules.year_range_start.search(prev) and rules.year_range_end.match(nxt):
        return " "  # 'Trong giai đoạn 2026' / '- 2030 phấn đấu …': a year range cut at its dash, not a bullet
    if any(p.match(nxt) for p in rules.outline_start) or _opens_misread_marker(nxt, rules):
        return "\n"
    if page_number(prev) is not None:
        return "\n"  # a page number printed on a line of its own above the text belongs to no sentence
    if rules.symbol_break.search(prev) and nxt[0].isalnum() and not nxt[0].islower():
        return ""
    end = prev.rstrip(rules.closing_chars)[-1:] or prev[-1]
    if end == ";" and nxt[0].islower():
        return " "  # an enumeration inside one sentence, wrapped after its ';'
    if end in rules.sentence_end or prev[-1] in rules.sentence_end:
        return "\n"
    if _is_caps_heading(prev, rules):
        return "\n"
    if nxt[0].islower() or nxt[0].isdigit():
        return " "
    if prev[-1] in ",-–":
        return " "
    if full_width and len(prev) >= rules.wrap_min_width_ratio * full_width:
        return " "
    return "\n"


def _opens_misread_marker(line: str, rules: _JoinRules) -> bool:
    """Whether ``line`` opens an outline item whose marker OCR misread, as the outline reads it once put back
    (``ocr_repair.mend_ocr_marker``, ``braced_letter_marker``): '€) Chỉ đạo, đôn đốc …' after '… thủy điện,' (Thủ tướng
    217/CĐ-TTg printed and faxed at 150 dpi), '€) Đánh giá …' (UBND Đắk Lắk's directive, tn-6bac4a0d92da936d, at 100),
    '3, Thủ trưởng các sở, ban, ngành …' after '… Kế hoạch này,' (UBND TP Hồ Chí Minh 172/KH-UBND at 150), 'b› Tăng
    cường kỷ luật …' (UBND Quảng Ngãi vht534 at 100 dpi one-bit). Joined to the line above, the item is no longer at a
    line's head for the outline to mend, and the heading above loses the task. Every look-alike has a mark among its
    first two characters ('€)', 'H.', 'b›', '3,'): a line opening with two letters is passed at once."""
    if line[:2].isalpha():
        return False
    mended = mend_ocr_marker(line)
    return (mended != line and any(p.match(mended) for p in rules.outline_start)) or bool(
        braced_letter_marker().match(line)
    )


def _visual_line_width(lines: list[str]) -> int | None:
    """The width of a full line when the text is made of visual lines (PDF extraction): the 90th
    percentile of line lengths; None for text whose lines are whole paragraphs."""
    widths = sorted(len(l.strip()) for l in lines if l.strip())
    if len(widths) < 6:
        return None
    width = widths[int(0.9 * (len(widths) - 1))]
    return width if width <= _join_rules().max_visual_line_width else None


def _blank_separated_wraps(lines: list[str]) -> bool:
    """PDF text where every visual line is followed by a blank line (seed 003's shape): lines are
    visual lines and most are followed by exactly one blank line before more text."""
    nonblank = [i for i, l in enumerate(lines) if l.strip()]
    followed_by_single_blank = sum(
        1 for i in nonblank if i + 2 < len(lines) and not lines[i + 1].strip() and lines[i + 2].strip()
    )
    return _visual_line_width(lines) is not None and followed_by_single_blank >= 0.5 * len(nonblank)


_TABLE_FRAGMENT = re.compile(r"^\s*\||\|\s*$|^\s*-{3,}\s*\|?\s*$")


def _hard_wrapped_blocks(lines: list[str]) -> bool:
    """Text converted from a web page or e-mail: paragraphs are blocks separated by blank lines and
    wrapped at a fixed width anywhere, even right after a bullet ('+ Sở' / 'Xây dựng: hướng dẫn …',
    '-' / 'Tuyên truyền …'). Told by its shape: at least five blocks, and most lines in blocks of two
    or more lines."""
    blocks: list[int] = []
    size = 0
    for line in [*lines, ""]:
        if line.strip():
            size += 1
        elif size:
            blocks.append(size)
            size = 0
    nonblank = sum(blocks)
    return len(blocks) >= 5 and sum(b for b in blocks if b > 1) >= 0.5 * nonblank


def _first_line_width(lines: list[str], width: int | None) -> int | None:
    """The width of a paragraph's first line when the page indents it (web pages of PDFs whose paragraphs open
    with an indent: 'Trong giai đoạn 2026 - 2030, Đảm bảo xây dựng trạm' / 'BTS 5G đạt 100% …', Thái Nguyên
    tn-ceb89a53c7b93f00; 64 tuning texts of many issuers): the median first line of the blocks of three lines
    or more, when clearly shorter than a full line; else None."""
    if width is None:
        return None
    firsts: list[int] = []
    size, first = 0, 0
    for line in [*lines, ""]:
        if line.strip():
            first = first if size else len(line.strip())
            size += 1
        else:
            if size >= 3:
                firsts.append(first)
            size = 0
    if len(firsts) < 5:
        return None
    median = sorted(firsts)[(len(firsts) - 1) // 2]
    return median if median < _join_rules().wrap_min_width_ratio * width else None


def _is_numbered_heading(line: str, rules: _JoinRules) -> bool:
    """'1. Mục đích', 'II. NHIỆM VỤ' — a numbered item with its own words, which a wrap never ends;
    a bare marker ('1.4.', '-') is the start of the line that follows it."""
    body = line.strip(" *_#")
    for pattern in rules.outline_start[:4]:
        m = pattern.match(body)
        if m and any(c.isalpha() for c in body[m.end() :]):
            return True
    return False


def _is_bare_marker(line: str, rules: _JoinRules) -> bool:
    """'1.4.', '-', 'a)' alone on a line: the wrap came right after the marker."""
    body = line.strip(" *_#") + " "  # the item patterns want the space after 'a)', '(1)'
    return any((m := p.match(body)) is not None and not body[m.end() :].strip() for p in rules.outline_start[1:6])


_BRACKET_CLOSING_NUMBER = re.compile(r"\d{1,2}\s*%?\)")


def is_wrapped_reference(prev: str, nxt: str) -> bool:
    """Does ``nxt`` open with a reference to an article ('Điều 6 của Nghị quyết này', HĐND Hà Nội 79/2025;
    'Điều 10 Thông tư số 28/2012/TT-BKHCN' after '… quy định tại khoản 2', Bộ KH&CN) cut from the line above, or
    with the number that closes a bracket the line above opened ('… dừng bán hàng (lần' / '2) đến Sở Công Thương …',
    UBND tỉnh Đồng Tháp 137/2025/QĐ-UBND; '… ngân sách huyện (tối thiểu' / '5%) đảm bảo …', read '5) đảm bảo' at
    300 dpi grey, UBND Quảng Ngãi 565/TB-UBND), which is no numbered item?"""
    rules = _join_rules()
    prev, nxt = prev.strip(), nxt.strip()
    if _BRACKET_CLOSING_NUMBER.match(nxt) and prev.count("(") > prev.count(")"):
        return True
    if not rules.reference_start.match(nxt) and not (
        rules.outline_start[0].match(nxt) and rules.reference_lead.search(prev.rstrip(" *_"))
    ):
        return False
    return prev.rstrip(" *_")[-1:] not in rules.sentence_end and not _TABLE_FRAGMENT.search(prev)


def _block_separator(prev: str, nxt: str, width: int | None, rules: _JoinRules) -> str:
    """Inside a block of hard-wrapped text, where ``line_separator`` saw a break: a bullet cut after
    its marker or its first words ('-' / 'Tuyên truyền …', '+ Sở' / 'Xây dựng: …'), or a full-width
    line that stops mid-sentence, goes on in the next line. Kept apart: table rows and fragments
    ('|', rules of dashes), a next line that opens an item, a line that ends a sentence or a clause,
    capitals headings and the signature's titles, numbered headings, short header lines ('Số: …')."""
    if "\t" in prev or "\t" in nxt or _TABLE_FRAGMENT.search(prev) or _TABLE_FRAGMENT.search(nxt):
        return "\n"
    if _is_bare_marker(prev, rules):
        return " "
    stripped = prev.strip().rstrip(rules.closing_chars)
    if (
        not stripped
        or stripped[-1] in rules.sentence_end
        or any(p.match(nxt.strip()) for p in rules.outline_start)
        or _is_caps_heading(prev.strip(" *_"), rules)
        or _is_caps_heading(nxt.strip(" *_"), rules)
        or _is_numbered_heading(prev, rules)
    ):
        return "\n"
    cut_bullet = rules.outline_start[4].match(prev.strip()) is not None and len(prev.split()) <= 3
    full_line = width is not None and len(prev.strip()) >= rules.wrap_min_width_ratio * width
    return " " if cut_bullet or full_line else "\n"


# A line joined from more than twice this many characters is shown to the join rules as its first
# and last _VIEW characters: every rule reads a line's start, its end, its length or whether it
# holds a TAB, and reading the whole of a growing paragraph at each join was quadratic (a 5 MB text
# took 290 s).
_VIEW = 200


class _OpenLine:
    """The output line being joined from visual lines, kept as pieces with its head and tail at hand,
    so that each join costs the length of the joined line, not of the paragraph so far."""

    def __init__(self, first: str, opened_block: bool = False):
        self.opened_block = opened_block  # the first visual line after a blank line or the page's top
        self.pieces = [first]
        self.length = len(first)
        self.tab = "\t" in first
        self.words = len(first.split())
        self.tail = first[-2 * _VIEW :]  # the last characters of the line so far
        self.head: str | None = None  # its first _VIEW characters, once no later join can change them

    def join(self, sep: str, line: str) -> None:
        """Append ``line`` after ``sep`` (trailing spaces of the line so far dropped, as a wrap's are)."""
        last = self.pieces[-1].rstrip()
        cut = len(self.pieces[-1]) - len(last)
        self.pieces[-1] = last
        self.length -= cut
        tail = self.tail[: len(self.tail) - cut]
        if len(tail) < _VIEW < self.length:  # hundreds of trailing spaces: read the tail again
            tail = _ends(reversed(self.pieces), _VIEW, reverse=True)
        self.pieces += [sep, line]
        self.length += len(sep) + len(line)
        self.tail = (tail + sep + line)[-2 * _VIEW :]
        self.tab = self.tab or "\t" in line
        self.words += len(line.split()) - (sep == "")  # '' glues the last word and the first

    def view(self) -> str:
        """The line as the join rules need it: whole when short, else its head and tail around what
        the rules could miss in the middle: a TAB, and whether the line has more than three words
        (a bullet cut after its first words)."""
        if self.length <= 2 * _VIEW:
            return "".join(self.pieces)
        head = self.head or _ends(iter(self.pieces), _VIEW)
        if self.length - len(self.pieces[-1]) >= _VIEW:
            self.head = head  # it lies in pieces that no join changes any more
        tail = self.tail[-_VIEW:]
        if self.tab and "\t" not in head + tail:
            middle = "\t"
        else:
            middle = "" if self.words <= 3 else " … … … "
        return head + middle + tail

    def text(self) -> str:
        return "".join(self.pieces)


def _ends(pieces: Iterator[str], size: int, reverse: bool = False) -> str:
    """The first ``size`` characters of the pieces joined (the last, when they come reversed)."""
    taken: list[str] = []
    count = 0
    for piece in pieces:
        part = piece[-(size - count) :] if reverse else piece[: size - count]
        taken.append(part)
        count += len(part)
        if count >= size:
            break
    return "".join(taken[::-1] if reverse else taken)


def join_wrapped_lines(text: str) -> str:
    """Join the visual lines of wrapped paragraphs. In PDF text with a blank line after every visual
    line (seed 003's shape) a single blank line does not end a paragraph — the line cues decide.
    Elsewhere a single blank line is a paragraph break unless the next line plainly continues the
    sentence (lowercase start, broken symbol); two or more blank lines always are."""
    out_pages = []
    for page in text.split("\f"):
        lines = page.split("\n")
        blank_wraps = _blank_separated_wraps(lines)
        hard_wraps = not blank_wraps and _hard_wrapped_blocks(lines)
        width = _visual_line_width(lines)
        indented = _first_line_width(lines, width) if hard_wraps else None
        done: list[str] = []  # finished output lines
        current: _OpenLine | None = None
        pending_blanks = 0
        for line in lines:
            if not line.strip():
                pending_blanks += 1
                continue
            if current is None:
                done += [""] * pending_blanks
                current = _OpenLine(line, opened_block=True)
                pending_blanks = 0
                continue
            prev = current.view()
            if pending_blanks == 0 and _is_bare_marker(prev, _join_rules()) and not _TABLE_FRAGMENT.search(line):
                sep = " "  # '1.' / 'Trách nhiệm của Bộ Xây dựng', 'a)' / 'Tổ chức quản lý …': cut after its marker
            elif _is_bare_marker(line, _join_rules()) and not _join_rules().part_alone.match(prev.strip(" *_#")):
                sep = "\n"  # 'b)' alone opens the next item, whatever the line before ends with ('Điều' / '3.' aside)
            elif pending_blanks == 0 or (blank_wraps and pending_blanks == 1):
                sep = line_separator(prev, line, width)
                if sep == "\n" and hard_wraps and pending_blanks == 0:
                    # a block's first line is as full as the page lets an indented first line be
                    opening = indented if len(current.pieces) == 1 and current.opened_block else None
                    sep = _block_separator(prev, line, opening or width, _join_rules())
            elif pending_blanks == 1:
                # a paragraph cut by a stray blank line (page break, conversion): only the
                # strongest cues join — a lowercase start or a broken symbol
                sep = line_separator(prev, line)
                if sep == " " and not line.lstrip()[:1].islower():
                    sep = "\n"
            else:
                sep = "\n"
            if sep in ("", " "):
                current.join(sep, line.strip())
            else:
                done.append(current.text())
                done += [""] * pending_blanks
                current = _OpenLine(line, opened_block=pending_blanks > 0)
            pending_blanks = 0
        if current is None:
            out_pages.append(page)
        else:
            out_pages.append("\n".join([*done, current.text()]) + "\n" * pending_blanks)
    return "\f".join(out_pages)
