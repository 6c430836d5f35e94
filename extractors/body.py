"""Where the document itself is in a text: from its letterhead to the first line a web page adds
after it. A web-page conversion carries the site's summary of the document above the letterhead
(its content again, in other words) and, below the document, the site's own text (related
documents, the publisher's address and staff, advertising), whose figures and bodies are no facts
of the document. Every extractor that reads the body reads this one span."""

from __future__ import annotations

import re
from functools import lru_cache

from extractors import letterhead
from extractors.common import load_json, phrase_alternation
from pipeline.text import fold_in_place
from pipeline.text.segment import SegmentedDocument

HEADER_LINES = 5  # a footer phrase this early is a misplaced cell of the letterhead, not the document's end


@lru_cache(maxsize=1)
def _page_footer() -> re.Pattern[str]:
    # the web page's headings open their line; the same words inside a sentence ('… và các văn bản
    # liên quan đến cơ quan …') are the document's own
    return re.compile(rf"^\W*(?:{phrase_alternation(load_json('body.json')['page_footer'])})(?!\w)")


@lru_cache(maxsize=1)
def _procedure_field() -> re.Pattern[str]:
    rules = load_json("body.json")
    fields = phrase_alternation(rules["procedure_first_fields"] + rules["procedure_later_fields"])
    return re.compile(
        rf"^[\W\d_]*(?:[a-z][.)]\s*)?(?:{fields})(?:\s+(?:tthc|thu tuc hanh chinh))?(?:,?\s*bao gom)?[\s:*_.]*$"
    )


_ARTICLE = re.compile(r"Điều \S+\.")  # 'Điều 3.' opens an article; 'Điều 54 Luật …' is a wrapped citation
_PART = re.compile(r"(?:Phần\s+|PHẦN\s+)?[IVXL]+\.?")  # 'IV. TỔ CHỨC THỰC HIỆN' of a plan, 'II. LĨNH VỰC …' of a list
_ATTACHMENT = re.compile(r"^[\W_]*(?:\(\W*(?:[Bb]an hanh\s+)?[Kk]em theo|PHU LUC\b)")  # folded, case kept (PHỤ LỤC)


def procedure_descriptions(seg: SegmentedDocument) -> list[tuple[int, int]]:
    """The character spans [start, end) of the descriptions of administrative procedures that a decision publishing them
    carries: from a field label ('a) Trình tự thực hiện:') to the next article, part ('II. …') or attachment. What they
    say happens when a case comes in; the obligations, deadlines and targets extractors read nothing there."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for line in seg.lines:
        folded = fold_in_place(line.text)
        marker = line.marker or ""
        if start is not None and (_ARTICLE.fullmatch(marker) or _PART.fullmatch(marker) or _ATTACHMENT.match(folded)):
            spans.append((start, line.start))
            start = None
        if start is None and _procedure_field().match(folded.lower()):
            start = line.start
    if start is not None:
        spans.append((start, len(seg.text)))
    return spans


@lru_cache(maxsize=1)
def _first_field() -> re.Pattern[str]:
    fields = phrase_alternation(load_json("body.json")["procedure_first_fields"])
    return re.compile(rf"^[\W\d_]*(?:[a-z][.)]\s*)?(?:{fields})(?!\w)")


def procedure_name_before(seg: SegmentedDocument, offset: int) -> tuple[int, str] | None:
    """(offset, text) of the name of the procedure whose description holds ``offset``: what stands just above the
    description's first field, a line or a cell ('1. Ban hành kế hoạch phục hồi môi trường' over '1.1. Trình tự thực
    hiện'; 'Cho phép nhập khẩu thuốc … | | Trình tự thực hiện'); None when a part's heading stands there ('II. NỘI
    DUNG THỦ TỤC HÀNH CHÍNH NỘI BỘ'), a number, a list's bullet (a cell of legal bases) or the field of the procedure
    before, so that no name is guessed."""
    cells: list[tuple[int, str]] = []  # (offset, text) of each line's cells, up to offset
    for line in seg.lines:
        if line.start >= offset:
            break
        at = line.start
        for part in line.text.split("|"):
            cells.append((at, part))
            at += len(part) + 1
    first = next(
        (k for k in range(len(cells) - 1, -1, -1) if _first_field().match(fold_in_place(cells[k][1]).lower())), None
    )
    if first is None:
        return None
    start, text = next(((at, t) for at, t in reversed(cells[:first]) if t.strip(" *_#")), (0, ""))
    name = re.sub(r"^[\s*_#]*(?:\d+\.)+\s*", "", text).strip(" *_#")
    if (
        not re.search(r"[^\W\d_]", name)
        or name.isupper()
        or name[0] in "-+•"
        or ":" in name  # the field before ('l) Căn cứ pháp lý của thủ tục hành chính: Luật Trồng trọt …')
        or _PART.match(text.strip(" *_#"))
        or _procedure_field().match(fold_in_place(name).lower())
    ):
        return None
    return start + len(text) - len(text.lstrip()), name


def document_span(seg: SegmentedDocument) -> tuple[int, int]:
    """The character offsets [start, end) of the document in ``seg.text``."""
    header = letterhead.read(seg)
    start = header.lines[0].start if header.anchored and header.lines else 0
    footer = _page_footer()
    for i, line in enumerate(seg.lines):
        if i > HEADER_LINES and line.start >= start and footer.match(fold_in_place(line.text)):
            return start, line.start
    return start, len(seg.text)
