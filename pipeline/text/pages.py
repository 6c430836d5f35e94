"""Where pages join: page numbers and running headers or footers removed from the edges of each page,
so that a sentence cut by a page break reads on ('cho lực\\f6\\nlượng' → 'cho lực\\flượng').

A page number is a line of its own at a page's top or bottom edge ('2', '- 3 -', 'Trang 4/15') whose
value is the page's place in the document (or that place shifted the same way on several pages: a
numbering that starts on the cover). OCR sometimes puts a page number printed above the first line
into that line ('10 với lực lượng'); it is cut there only when the word boxes show it above the rest
of the line. A running header or footer is a short line repeated at the same edge of nearly every
page (digits aside), on pages that do not open a document (a bundle of letters keeps each letterhead
and signature). Patterns and thresholds are data in ``data/page_furniture.json``."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.text.unicode import fold
from schemas.document import Page

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class _Rules:
    page_number: tuple[re.Pattern[str], ...]
    number_prefix: re.Pattern[str]
    max_page_offset: int
    edge_lines: int
    running_min_pages: int
    running_min_share: float
    running_max_chars: int
    running_not_ending: str
    document_start: tuple[re.Pattern[str], ...]
    document_start_lines: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = json.loads((DATA / "page_furniture.json").read_text(encoding="utf-8"))
    return _Rules(
        tuple(re.compile(p) for p in d["page_number"]),
        re.compile(d["number_prefix"]),
        d["max_page_offset"],
        d["edge_lines"],
        d["running_min_pages"],
        d["running_min_share"],
        d["running_max_chars"],
        d["running_not_ending"],
        tuple(re.compile(p) for p in d["document_start"]),
        d["document_start_lines"],
    )


@dataclass(frozen=True)
class _Line:
    start: int  # offsets of the stripped line in the page text
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            out.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def page_number(line: str) -> int | None:
    """The number of a line that is only a page number ('2', '- 3 -', 'Trang 4/15'), else None."""
    line = line.strip()
    for pattern in _rules().page_number:
        m = pattern.match(line)
        if m:
            return int(m["n"])
    return None


_DIGITS = re.compile(r"\d+")


def _running_key(line: str) -> str | None:
    """What a running header or footer repeats on every page: the line folded, numbers aside (None for
    a line that cannot be one: a table row, a long line, a sentence's end, a page number)."""
    rules = _rules()
    if (
        "\t" in line
        or len(line) > rules.running_max_chars
        or line[-1] in rules.running_not_ending
        or page_number(line) is not None
    ):
        return None
    return _DIGITS.sub("#", fold(line))


def furniture_spans(texts: list[str], number_above: list[bool] | None = None) -> list[tuple[int, int]]:
    """For each page text, the span to keep once its edge furniture is cut. ``number_above[i]``: the
    first line of page i starts with a word printed above the rest of the line (from OCR word boxes),
    which may then be a page number OCR merged into it."""
    rules = _rules()
    pages = [_lines(t) for t in texts]
    spans = [(0, len(t)) for t in texts]
    if len(texts) < 2:
        return spans
    edges = rules.edge_lines
    offsets: Counter[int] = Counter()
    for k, lines in enumerate(pages, start=1):
        for line in {*lines[:edges], *lines[-edges:]}:
            value = page_number(line.text)
            if value is not None:
                offsets[value - k] += 1
    shifts = {0} | {d for d, n in offsets.items() if n >= 2 and abs(d) <= rules.max_page_offset}

    def is_number(value: int | None, k: int) -> bool:
        return value is not None and value - k in shifts

    needed = max(rules.running_min_pages, rules.running_min_share * len(texts))
    starts = [_starts_document(lines) for lines in pages]
    running = []
    for side in (slice(None, edges), slice(-edges, None)):
        counts = Counter(
            key
            for lines, start in zip(pages, starts)
            if not start
            for key in {_running_key(line.text) for line in lines[side]}
            if key
        )
        running.append({key for key, n in counts.items() if n >= needed})
    top_keys, bottom_keys = running

    for i, lines in enumerate(pages):
        k = i + 1
        top, bottom = 0, len(lines)
        for _ in range(edges):
            if top < bottom and (
                is_number(page_number(lines[top].text), k)
                or (not starts[i] and _running_key(lines[top].text) in top_keys)
            ):
                top += 1
            if top < bottom and (
                is_number(page_number(lines[bottom - 1].text), k)
                or (not starts[i] and _running_key(lines[bottom - 1].text) in bottom_keys)
            ):
                bottom -= 1
        if top == 0 and bottom == len(lines):
            start = 0
            if number_above and number_above[i] and lines:
                m = rules.number_prefix.match(lines[0].text)
                if m and is_number(int(m["n"]), k):
                    start = lines[0].start + m.end()
            spans[i] = (start, len(texts[i]))
        elif top >= bottom:
            spans[i] = (0, 0)
        else:
            spans[i] = (lines[top].start, lines[bottom - 1].end)
    return spans


def _starts_document(lines: list[_Line]) -> bool:
    """The page opens a document (its first lines hold the motto): its edges are no running header or
    footer, and it does not count towards one."""
    rules = _rules()
    return any(p.match(line.text) for line in lines[: rules.document_start_lines] for p in rules.document_start)


def strip_page_furniture(pages: list[Page]) -> list[Page]:
    """The pages with their edge furniture cut from their texts; word offsets (relative to the page)
    follow the text, and the words of what was cut are dropped."""
    spans = furniture_spans([p.text for p in pages], [_number_above(p) for p in pages])
    out = []
    for page, (start, end) in zip(pages, spans):
        if (start, end) == (0, len(page.text)):
            out.append(page)
            continue
        words = [
            w.model_copy(update={"start": w.start - start, "end": w.end - start})
            for w in page.words
            if w.start >= start and w.end <= end
        ]
        out.append(page.model_copy(update={"text": page.text[start:end], "words": words}))
    return out


def _number_above(page: Page) -> bool:
    """The page's first OCR word sits above the word after it (its middle over the other's top): a
    page number printed over the first line that OCR read into that line."""
    words = sorted(page.words, key=lambda w: w.start)
    if len(words) < 2 or not words[0].text.isdigit():
        return False
    first, second = words[0].bbox, words[1].bbox
    return (first[1] + first[3]) / 2 < second[1]
