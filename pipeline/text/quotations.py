"""Quotations: the parts of a document that quote another instrument, which are not the document's own words.

A reply letter or a guidance quotes the law it applies ('- Tại khoản 2 Điều 257 Luật Đất đai năm 2024 quy định:' /
'*“Điều 257. … d) Chính phủ quy định …”*'); the tasks, dates, targets and wards inside belong to the quoted law, and
CONVENTIONS counts only what this document commits or assigns. The quotation is told by its layout alone: a citing
line ending in a colon (``data/quotations.json``), then a quotation mark or italics. It ends at the mark that closes
it, or, when the mark is never closed or never printed, at the end of the italic run that sets it off, so the letter's
own text after it ('Đề nghị Thuế tỉnh Ninh Bình căn cứ …') stays its own.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "quotations.json"

# A quoted line opens with its mark or its italics, possibly both and bold ('**“***Điều 5.', '*“Điều 26.', '“*Điều 49.').
_QUOTE_OPENS = re.compile(r"^[*_\s]*[“\"”]")
_ITALIC_OPENS = re.compile(r"^(?:\*\*)?\*(?!\*)|^\*\*\*")
_ITALIC_ENDS = re.compile(r"\*[\s.,;:”\"]*$")
_CONTEXT_LINES = 3  # a citing sentence wraps over at most this many lines before its colon


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = json.loads(DATA.read_text(encoding="utf-8"))

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    verb = rf"\b(?:{alternatives(data['citing_verbs'])})(?:\s+(?:{alternatives(data['verb_tails'])}))?\s*:"
    citing = re.compile(rf"{verb}[*\s]*$")
    inline = re.compile(rf"{verb}\s*[*_]*(?=[“\"])")
    instrument = re.compile(rf"(?<!\w)(?:{alternatives(data['instrument_words'])})(?!\w)")
    enacting = re.compile(rf"^[\W_]*(?:{alternatives(data['enacting_openers'])})(?!\w)")
    return citing, inline, instrument, enacting


def _cites(before: str) -> bool:
    """Whether the sentence ending at a citing colon (``before`` holds it, with a few lines before it) names another
    instrument or one of its parts and is no amendment the document enacts."""
    _, _, instrument, enacting = _patterns()
    # the sentence starts after the last full stop, semicolon or colon before its own colon, or at an item's dash
    sentence = re.split(r"[.;:](?=[\s*]+\S)|(?:^|\s)[-–+]\s", before.rstrip(" *:"))[-1]
    return instrument.search(sentence) is not None and not enacting.match(sentence.strip(" *-–"))


def _context(texts: list[str], i: int) -> str:
    return " ".join(texts[max(0, i - _CONTEXT_LINES) : i + 1])


def _opens_quotation(texts: list[str], i: int) -> bool:
    """Whether line ``i`` ends on a citing colon whose sentence cites another instrument."""
    return _patterns()[0].search(texts[i]) is not None and _cites(_context(texts, i))


def _inline_mark(texts: list[str], i: int) -> int | None:
    """Where in line ``i`` a quotation opens right after a citing colon ('… Nghị định số 120/2010/NĐ-CP … quy
    định: "5. Việc miễn, giảm …'), or None."""
    for m in _patterns()[1].finditer(texts[i]):
        if _cites(" ".join([*texts[max(0, i - _CONTEXT_LINES) : i], texts[i][: m.start()] + ":"])):
            return m.end()
    return None


def _closing_mark(text: str, start: int, limit: int) -> int | None:
    """Offset just after the mark closing the quotation whose opening mark is at ``start``, or None before
    ``limit``. Curly marks nest ('… “đổi mới sáng tạo” …'); a straight or reversed opening mark closes at the next
    straight or closing mark."""
    if text[start] == "“":
        depth = 0
        for pos in range(start, limit):
            if text[pos] == "“":
                depth += 1
            elif text[pos] == "”":
                depth -= 1
                if depth == 0:
                    return pos + 1
        return None
    for pos in range(start + 1, limit):
        if text[pos] in '"”':
            return pos + 1
    return None


def _italic_run_end(texts: list[str], first: int, stop: int) -> int | None:
    """Index of the last line of the italic run opening at line ``first`` (wrapped lines of an italic paragraph
    carry no mark of their own; the run ends at a line closing its italics whose next line does not reopen them),
    or None when line ``first`` is not italic."""
    if not _ITALIC_OPENS.match(texts[first]):
        return None
    for k in range(first, stop):
        ends_italic = bool(_ITALIC_ENDS.search(texts[k]))
        if ends_italic and (k + 1 >= stop or not _ITALIC_OPENS.match(texts[k + 1])):
            return k
    return stop - 1


def _opens_own_text(line: str) -> bool:
    """Whether a citing line is the document's own, not a citing sentence inside a quoted article: it opens in
    plain type once its item dash is set aside ('*- *Tại khoản 3 Điều 7 …', '- Tại điểm đ …', 'Căn cứ …'), where
    a quoted one opens in italics or with a mark ('*2. Các bên liên kết … được quy định cụ thể như sau:*')."""
    undashed = re.sub(r"^\*?[-–+]\s*\*?\s*", "", line)
    return not (_ITALIC_OPENS.match(undashed) or _QUOTE_OPENS.match(undashed))


def quoted_spans(text: str, lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(start, end) offsets into ``text`` of every quotation of another instrument, given the document's non-empty
    lines as (start, end, stripped text). Articles quoted one after another ('*"Điều 106. …"*' / '*"Điều 107. …')
    are each a quotation; a quotation opening on its citing line closes at its mark, or at the end of that line."""
    texts = [t for _, _, t in lines]
    openers = [i for i in range(len(lines)) if _opens_quotation(texts, i)]
    own_openers = [i for i in openers if _opens_own_text(texts[i])]
    spans: list[tuple[int, int]] = []
    for i in range(len(lines)):
        if spans and lines[i][0] < spans[-1][1]:
            continue  # a citing sentence inside a quotation already read
        # the document's next citing line ends the quotation at the latest
        stop = next((k for k in own_openers if k > i), len(lines))
        limit = lines[stop][0] if stop < len(lines) else len(text)
        if i not in openers:
            at = _inline_mark(texts, i)
            if at is not None:
                mark = lines[i][0] + at + len(texts[i][at:]) - len(texts[i][at:].lstrip("*_"))
                spans.append((mark, _closing_mark(text, mark, limit) or lines[i][1]))
            continue
        first = i + 1
        while first < stop:
            while first < stop and texts[first].strip("|* ") == "":
                first += 1
            if first >= stop:
                break
            end = _quotation_end(text, lines, texts, first, stop)
            if end is None:
                break
            spans.append((lines[first][0], end))
            first = next((k for k in range(first, stop) if lines[k][0] >= end), stop)
            if first < stop and not _QUOTE_OPENS.match(texts[first]):
                break
    return spans


def _quotation_end(text: str, lines: list[tuple[int, int, str]], texts: list[str], first: int, stop: int) -> int | None:
    """Where the quotation opening at line ``first`` ends: its closing mark, else the end of its italic run; None
    when the line opens with neither a mark nor italics (a plain list after a colon is the document's own)."""
    limit = lines[stop][0] if stop < len(lines) else len(text)
    mark = _QUOTE_OPENS.match(texts[first])
    if mark:
        end = _closing_mark(text, lines[first][0] + mark.end() - 1, limit)
        if end is not None:
            return end
    italic_end = _italic_run_end(texts, first, stop)
    return lines[italic_end][1] if italic_end is not None else None
