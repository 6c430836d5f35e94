"""Paragraphs made whole again, once for every reader: the segmenter's lines, with lone page numbers dropped and
each paragraph that a wrap, a scan or a page break cut into several lines joined, so an item's bodies and task are
read from one line. Also each line's outline rank, which the joining needs and the extractors read. The cues
(footnotes, words that never end a sentence, a notice's topic openers, a task's field labels) are data in
``data/paragraphs.json``."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.text import outline
from pipeline.text.lexicon import lexicon
from pipeline.text.unicode import fold, fold_in_place

if TYPE_CHECKING:
    from pipeline.text.segment import Line

DATA = Path(__file__).parent / "data" / "paragraphs.json"

BULLET, SUB_BULLET, PARAGRAPH = 5, 6, 7  # ranks of '-', '+' and of a line with no marker

_ROMAN = re.compile(r"^(?:Phần\s+|PHẦN\s+)?[IVXL]+\b")
_SENTENCE_END = (".", ":", ";", "!", "?")


@dataclass(frozen=True)
class _Cues:
    footnote: re.Pattern[str]
    dangling_words: frozenset[str]
    topic: re.Pattern[str]
    fields: tuple[tuple[str, re.Pattern[str]], ...]


def _alternation(words: list[str]) -> str:
    """Folded phrases as one regex alternation, longest first, spaces matching any run of spaces."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted({fold(w) for w in words}, key=len, reverse=True)
    )


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    d = json.loads(DATA.read_text(encoding="utf-8"))
    return _Cues(
        footnote=re.compile(d["footnote"]),
        dangling_words=frozenset(fold(w) for w in d["dangling_words"]),
        topic=re.compile(rf"(?:{_alternation(d['topic_openers'])})\s"),
        fields=tuple(
            # a web page may set the label in emphasis: '*Đơn vị phối hợp: *Sở Tư pháp', '**Cơ quan thực hiện**: …'
            (kind, re.compile(rf"[*_]*(?:{_alternation(names)})(?:\s+[^\W\d_]+){{0,2}}[*_\s]*:[*_\s]*"))
            for kind, names in task_fields().items()
        ),
    )


@lru_cache(maxsize=1)
def task_fields() -> dict[str, list[str]]:
    """The labels of a task's fields by what each gives ('lead': 'Cơ quan chủ trì', 'due': 'Thời gian thực hiện'),
    as written: the one list of them, which the field labels here, the time grammar's time lines and the task tables'
    header cells all read."""
    return dict(json.loads(DATA.read_text(encoding="utf-8"))["task_fields"])


def field_labels() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern on folded text) of each field label, 'Cơ quan chủ trì:' → ('lead', …)."""
    return _cues().fields


def is_footnote(text: str) -> bool:
    """'(1) Theo Quyết định …', '¹ …': a footnote line, neither a task nor a paragraph's rest."""
    return _cues().footnote.match(text) is not None


def rank(line: Line) -> int:
    """0 part, chapter or article, 1 '1.', 2 '1.1.', 3 '1.1.1.', 4 'a)', '(i)' or '(1)', 5 '-', 6 '+', 7 a plain
    paragraph."""
    m = line.marker
    if not m:
        return 0 if outline.opens_chapter(line.text) else PARAGRAPH  # 'Chương' / 'III' joined from two lines
    if m.startswith("Điều") or _ROMAN.match(m) or outline.opens_chapter(m):
        return 0
    if m[0].isdigit():
        return min(1 + m.rstrip(".)/ ").count("."), 3)
    if m[0].isalpha() or m[0] == "(":
        return 4
    return SUB_BULLET if m == "+" else BULLET


def marker_body(line: Line) -> str:
    """The line's text without its outline marker."""
    marker = line.marker
    at = line.text.find(marker) if marker else -1
    if not marker or at < 0:
        return line.text
    return line.text[at + len(marker) :].lstrip(" *_")


def is_bullet(line: Line) -> bool:
    return line.marker is not None and rank(line) in (BULLET, SUB_BULLET)


def _heads_paragraphs(item: Line, following: list[Line]) -> bool:
    """'2. Sở Tài chính, Sở Nội vụ và Sở Y tế' over 'Chủ trì ….' and 'Bố trí ….': an item line over whole
    paragraphs is a heading that needs no full stop, not a line cut by a wrap; so is an article's title over a
    paragraph that opens a sentence ('Điều 7. Trách nhiệm của các cơ quan' / 'Các cơ quan … có trách nhiệm …')."""
    if item.marker is None or is_bullet(item) or not following:
        return False
    if item.marker.startswith("Điều") and following[0].text[:1].isupper():
        return True
    if len(following) < 2:
        return False
    line, after = following
    return line.text.rstrip().endswith(".") and after.marker is None and after.text[:1].isupper()


def join_paragraphs(lines: list[Line], text: str, wrapped: Mapping[int, bool] | None = None) -> list[Line]:
    """The lines with lone page numbers dropped and each paragraph that a scan's wraps (or a page break)
    cut into several lines made whole again, so that an item's bodies and task are read from one line.
    A plain line between two dash bullets is the rest of the bullet above it (a scan broke the line
    after a sentence: '- Chỉ đạo … 2026-2030.' / 'Tiến độ khởi công …' / '- Căn cứ …'), and a paragraph a
    page broke goes on past the footnotes at the page's foot. On a scan the word boxes say more than the words
    (``wrapped``: a line's end → whether the layout wrapped it, ``segment.layout_line_ends``): a line that runs
    to the margin goes on in the next, even as an item's first line over a paragraph; one that stops short of
    it ends its paragraph.
    The gap between two joined lines reads as spaces, so offsets into the text stay true."""
    lines = [line for line in lines if not outline.is_page_number(line.text)]
    blocks = _blank_line_paragraphs(lines, text)
    out: list[Line] = []
    for k, line in enumerate(lines):
        if out and is_footnote(line.text) and not out[-1].text.rstrip(" *_").endswith(_SENTENCE_END):
            rest = next((j for j in range(k, len(lines)) if not is_footnote(lines[j].text)), len(lines))
            if rest < len(lines) and lines[rest].text[:1].islower():
                continue  # '… bảo đảm an ninh' / '(1) Theo Quyết định …' / 'chính trị, …': footnotes a page ended on
        between_bullets = (
            bool(out) and is_bullet(out[-1]) and not line.marker and k + 1 < len(lines) and is_bullet(lines[k + 1])
        )
        # in text whose paragraphs are blocks, a blank line ends a paragraph unless the next one starts in lowercase
        across = (
            blocks and text.count("\n", out[-1].end, line.start) > 1 and not line.text[:1].islower() if out else False
        )
        layout = wrapped.get(out[-1].end) if out and wrapped else None
        if (
            out
            and not _opens_field(line)
            and (
                (
                    outline.continues(out[-1].text, line.text)
                    and layout is not False
                    and (layout or (not across and not _heads_paragraphs(out[-1], lines[k : k + 2])))
                )
                or between_bullets
                or _cut_heading(out[-1], line, text, blocks)
                or _dangles(out[-1], line)
                or _topic_runs_on(out[-1], line)
            )
        ):
            prev = out[-1]
            joined = prev.text + " " * (line.start - prev.end) + line.text
            out[-1] = replace(prev, end=line.end, text=joined)
            continue
        out.append(line)
    return out


def _opens_field(line: Line) -> bool:
    """'Thời gian thực hiện: …', 'Cơ quan chủ trì: …': a task's field is a line of its own, never a wrap."""
    folded = fold_in_place(marker_body(line)).lstrip(" *_")
    return any(label.match(folded) for _, label in _cues().fields)


def _blank_line_paragraphs(lines: list[Line], text: str) -> bool:
    """Text converted from a web page keeps a blank line between paragraphs: most gaps between lines hold one.
    There a single line break inside a block is a wrap the segmenter kept, not a new paragraph."""
    gaps = [text.count("\n", a.end, b.start) for a, b in itertools.pairwise(lines)]
    return len(gaps) >= 10 and sum(g >= 2 for g in gaps) >= 0.5 * len(gaps)


def _cut_heading(prev: Line, line: Line, text: str, blocks: bool) -> bool:
    """A line whose rest the segmenter kept apart: an article's bare marker ('Điều 10.' / 'Trách nhiệm thực
    hiện'); an all-capitals title ('IV. TỔ CHỨC' / 'THỰC HIỆN'); and, in text whose paragraphs are blocks, any
    line with the next line in the same block — a block is one paragraph, whatever its lines end with ('2. Các cơ
    quan trực thuộc Bộ' / 'Văn hóa, Thể thao và Du lịch', '… ngay từ cơ sở.' / 'Tham mưu chỉ đạo …')."""
    if line.marker:
        return False
    if prev.marker is not None and not marker_body(prev).strip(" *_"):
        return True
    if blocks and text.count("\n", prev.end, line.start) == 1 and not outline.is_caps(line.text):
        return not outline.is_caps(prev.text)
    return (
        prev.marker is not None
        and not is_bullet(prev)
        and not prev.text.rstrip(" *_").endswith(_SENTENCE_END)
        and outline.is_caps(prev.text)
        and outline.is_caps(line.text)
    )


def _topic_runs_on(prev: Line, line: Line) -> bool:
    """'6. Về việc lồng ghép các kiến nghị của tỉnh Điện' / 'Biên vào … có liên quan: Giao Bộ …': a topic item of a
    notice runs on to its colon, however its line was cut."""
    return (
        prev.marker is not None
        and line.marker is None
        and not is_bullet(prev)
        and not outline.is_caps(prev.text)
        and ":" not in prev.text
        and ":" in line.text
        and bool(_cues().topic.match(fold_in_place(marker_body(prev))))
    )


def _dangles(prev: Line, line: Line) -> bool:
    """'a) Phối hợp với Sở Giáo dục và' / 'Đào tạo kiểm tra …': a line that ends on a word which never ends a
    sentence ('và', 'với', 'của', a comma) goes on in the next line, however short it is."""
    if line.marker or outline.is_caps(prev.text):
        return False
    return ends_on_dangling_word(prev.text) or _cuts_a_name(prev.text, line.text)


def ends_on_dangling_word(text: str) -> bool:
    """The text ends on a word which never ends a sentence ('và', 'với', 'của', 'về', a comma), so a line cut there
    goes on in the next: '… Quyết định số 2269/QĐ-TTg về' / 'Chương trình cung cấp dịch vụ …'."""
    last = fold_in_place(text.rstrip(" *_")).rsplit(" ", 1)[-1].lstrip("*_")  # '**Điều 2. **Giao'
    return last.endswith(",") or last in _cues().dangling_words


_LAST_WORD = re.compile(r"(?<!\S)(\w+)[ \t]*$")
_FIRST_WORD = re.compile(r"^(\w+)(?!\w)")


def _cuts_a_name(prev: str, text: str) -> bool:
    """'4. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt' / 'Nam, Thông tấn xã …': a line that ends on the first
    capitalised syllable of a word whose second syllable, capitalised too, opens the next line was cut inside a
    proper name, however short it is."""
    last, first = _LAST_WORD.search(prev), _FIRST_WORD.match(text)
    if last is None or first is None or not (last.group(1)[:1].isupper() and first.group(1)[:1].isupper()):
        return False
    return (last.group(1).lower(), first.group(1).lower()) in lexicon().pairs
