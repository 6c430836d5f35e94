"""Segmentation: the normalized full text cut into lines, outline sections, paragraphs and tables.

Extractors read this object, never the text split again (within a line, ``extractors.clauses`` cuts the
clauses the target and deadline rules read), and every span they report is an offset into
``SegmentedDocument.text`` so evidence can be built from it. Word segmentation (``words``, for the spaCy
pipeline's optional words component) uses underthesea with token normalization off, so that tokens are exact
substrings of the text and their offsets stay true.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from pipeline.text import ocr_repair, outline, paragraphs, quotations
from pipeline.text.tables import Cell, Table, read_tables, table_at
from schemas.document import PAGE_SEPARATOR, Document, TextSource
from schemas.extraction import Evidence


@dataclass(frozen=True)
class Span:
    """A piece of the full text with its offsets, so that evidence can be built from it."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Line(Span):
    """One non-empty line of the text with its page and place in the outline; extractors read lines, never re-split
    the text."""

    page: int = 1
    marker: str | None = None  # the outline marker that opens the line: 'II.', '1.', 'a)', '-', '+'
    section: str | None = None  # outline path of the line, e.g. 'IV.6'
    heading: str | None = None  # text of the enclosing outline heading at the deepest numbered level


@dataclass
class SegmentedDocument:
    """The document, its full text and its lines: what every extractor reads, each offset pointing into ``text``."""

    doc: Document
    text: str
    lines: list[Line] = field(default_factory=list)
    quotations: list[Span] = field(default_factory=list)  # what the document quotes from another instrument

    def quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quotation of another instrument (``quotations.quoted_spans``): a task,
        date, target or ward read there is the quoted law's, not this document's."""
        return any(q.start <= offset < q.end for q in self.quotations)

    def paragraphs(self, lines: list[Line] | None = None) -> list[Line]:
        """The paragraphs that wraps, scans and page breaks cut into several lines, made whole again
        (``paragraphs.join_paragraphs``), of all lines or of one part of them (a body, an attachment): the one
        joining every reader uses, instead of re-joining wraps itself."""
        return paragraphs.join_paragraphs(self.lines if lines is None else lines, self.text, self._layout_line_ends)

    @cached_property
    def _layout_line_ends(self) -> dict[int, bool]:
        return layout_line_ends(self.doc, self.lines)

    def tables(self) -> list[Table]:
        """Every table of the text — TAB rows, one-line pipe rows, one-'|'-per-line pipe rows — as rows of cells with
        their offsets (``tables.read_tables``): the one table reader, so no extractor splits a row itself."""
        return self._tables

    @cached_property
    def _tables(self) -> list[Table]:
        return read_tables(self.text, self.lines)

    def row_at(self, offset: int) -> tuple[Table, int] | None:
        """The table and the index of its row holding ``offset``, or None outside every table row."""
        table = table_at(self._tables, offset)
        row = table.row_at(offset) if table else None
        return (table, row) if table is not None and row is not None else None

    def row_cells(self, offset: int) -> tuple[Cell, ...] | None:
        """The cells of the table row holding ``offset``, or None outside every table row."""
        found = self.row_at(offset)
        return found[0].rows[found[1]] if found else None

    def cells_in(self, start: int, end: int) -> list[tuple[Table, int, int]]:
        """(table, row index, cell index) of each table cell whose text opens in text[start:end]."""
        out = []
        for table, (opens, places) in zip(self._tables, self._cell_opens, strict=True):
            if table.end < start or table.start >= end:
                continue
            found = places[bisect_left(opens, start) : bisect_left(opens, end)]
            out += [(table, n, k) for n, k in sorted(found)]
        return out

    @cached_property
    def _cell_opens(self) -> list[tuple[list[int], list[tuple[int, int]]]]:
        """For each table, where each cell's text opens, in order, with the cell's (row, cell) index:
        ``cells_in`` bisects these rather than reading every cell of a long table for every clause
        (a 41 KB plan, 2,900 clauses: 1.0 s of its 1.5 s)."""
        out = []
        for table in self._tables:
            cells = sorted(
                (cell.start + len(cell.text) - len(cell.text.lstrip()), n, k)
                for n, row in enumerate(table.rows)
                for k, cell in enumerate(row)
            )
            out.append(([c[0] for c in cells], [(n, k) for _, n, k in cells]))
        return out

    def words(self, start: int, end: int) -> list[Span]:
        """underthesea word tokens of text[start:end], with offsets into the full text."""
        from underthesea import word_tokenize

        chunk = self.text[start:end]
        out, pos = [], 0
        for tok in word_tokenize(chunk, use_token_normalize=False):
            i = chunk.find(tok, pos)
            if i < 0:
                continue
            out.append(Span(start + i, start + i + len(tok), tok))
            pos = i + len(tok)
        return out

    def line_at(self, offset: int) -> Line | None:
        """The line holding ``offset`` (its end counts), or None between lines, so evidence can be cut to one line of
        the source."""
        for line in self.lines:
            if line.start <= offset <= line.end:
                return line
        return None

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for text[start:end]: page, offsets, the quote and the scan box if OCR'd. A page
        break inside the quote reads as a space (same length, so offsets hold): words on either side
        of it stay apart ('đề xuất cấp', not 'đề xuấtcấp') and exports take no control character."""
        start, end = max(0, start), min(len(self.text), end)
        page = self.doc.page_at(start)
        quote = self.text[start:end].replace(PAGE_SEPARATOR, " ")
        return Evidence(page=page.number, start=start, end=end, quote=quote, bbox=self.doc.bbox_of(start, end))


_LINE = re.compile(r"[^\n\f]+")


SHORT_LINE_GAP = 0.12  # share of the column's width a scanned line's last word stops short of the right margin
FULL_LINE_GAP = 0.03  # … and at most this share when the line runs to the margin


def layout_line_ends(doc: Document, lines: list[Line]) -> dict[int, bool]:
    """For the OCR'd lines whose end the word boxes tell, whether the layout wrapped them: True for a line whose
    last word reaches the right margin (its sentence goes on in the next line, even when the line is an item's
    first: '1. Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ' / 'Quảng Ngãi tiếp thu …'), False for one
    that stops well short of it (the paragraph, or a heading without a full stop, ends there: '3. Xây dựng các
    văn bản … Luật Việc làm' over 'Sở, ban, ngành … có trách nhiệm …'), whatever letter the next line opens with.
    The margin is where most lines of the page end; text layers have no boxes and give none."""
    ends: dict[int, bool] = {}
    for page in doc.pages:
        if page.source != TextSource.ocr or not page.words:
            continue
        right_of = {w.end: w.bbox[2] for w in page.words}
        left_of = {w.start: w.bbox[0] for w in page.words}
        on_page = [line for line in lines if page.start <= line.start < page.end]
        rights = sorted(right_of[line.end] for line in on_page if line.end in right_of)
        lefts = sorted(left_of[line.start] for line in on_page if line.start in left_of)
        if len(rights) < 5 or not lefts:
            continue
        margin, indent = rights[int(0.9 * (len(rights) - 1))], lefts[len(lefts) // 10]
        for line in on_page:
            if line.end in right_of:
                gap = (margin - right_of[line.end]) / max(margin - indent, 1.0)
                if gap > SHORT_LINE_GAP or gap <= FULL_LINE_GAP:
                    ends[line.end] = gap <= FULL_LINE_GAP
    return ends


def _mended_ocr(doc: Document) -> str:
    """The document's text with the slips OCR made on its scanned pages put back: words and dates
    (``ocr_repair.mend_slips``) and the outline marker at the head of each line (``ocr_repair.mend_ocr_marker``; and
    those read in the light of the lines around, ``_mend_line_markers``), each at the same length, so every offset
    into the document's text holds."""
    pieces, done = [], 0
    scanned = [(page.start, page.end) for page in doc.pages if page.source == TextSource.ocr]
    for start, end in scanned:
        mended = _LINE.sub(_mend_marker, ocr_repair.mend_slips(doc.text[start:end]))
        pieces += [doc.text[done:start], mended]
        done = end
    return _mend_line_markers("".join(pieces) + doc.text[done:], scanned)


def _mend_marker(line: re.Match[str]) -> str:
    text = line.group()
    indent = len(text) - len(text.lstrip())
    return text[:indent] + ocr_repair.mend_ocr_marker(text[indent:])


def _mend_line_markers(text: str, scanned: list[tuple[int, int]]) -> str:
    """``text`` with ``outline.cut_run_in_letters`` applied to its lines, then ``outline.mend_letter_markers``,
    ``outline.mend_part_numbers`` and ``outline.mend_sibling_numbers`` to the lines that leaves (a list may go on over
    a page break; a part's number follows the part before), each kept in place, on the ``scanned`` spans (OCR'd
    pages) only."""
    cut = _mend_lines(text, scanned, outline.cut_run_in_letters)
    return _mend_lines(
        cut,
        scanned,
        lambda lines: outline.mend_sibling_numbers(outline.mend_part_numbers(outline.mend_letter_markers(lines))),
    )


def _mend_lines(text: str, scanned: list[tuple[int, int]], mend: Callable[[list[str]], list[str]]) -> str:
    """``text`` with ``mend`` applied to its stripped lines, each put back in place at the same length."""
    found = list(_LINE.finditer(text))
    stripped = [m.group().strip() for m in found]
    pieces, done = [], 0
    for m, old, new in zip(found, stripped, mend(stripped)):
        if new != old and any(start <= m.start() < end for start, end in scanned):
            at = m.start() + len(m.group()) - len(m.group().lstrip())
            pieces += [text[done:at], new]
            done = at + len(new)
    return "".join(pieces) + text[done:]


def segment(doc: Document) -> SegmentedDocument:
    """Cut the document's normalized text into lines with their page and outline section."""
    text = _mended_ocr(doc)
    raw: list[tuple[int, int, str, int]] = []
    for page in doc.pages:
        for m in _LINE.finditer(text, page.start, page.end):
            stripped = m.group().strip()
            if not stripped:
                continue
            s = m.start() + (len(m.group()) - len(m.group().lstrip()))
            cut = outline.first_item_at(stripped)
            if cut is not None:  # 'Điều 2: a) …': the article's number, then its first item on a line of its own
                head = stripped[:cut].rstrip()
                raw.append((s, s + len(head), head, page.number))
                s, stripped = s + cut, stripped[cut:]
            raw.append((s, s + len(stripped), stripped, page.number))
    quoted = quotations.quoted_spans(text, [(s, e, t) for s, e, t, _ in raw])
    nodes = _outline(raw, quoted)
    lines = [
        Line(s, e, t, page=p, marker=n.marker, section=n.section, heading=n.heading)
        for (s, e, t, p), n in zip(raw, nodes)
    ]
    spans = [Span(start, end, text[start:end]) for start, end in quoted]
    return SegmentedDocument(doc=doc, text=text, lines=lines, quotations=spans)


def _outline(raw: list[tuple[int, int, str, int]], quoted: list[tuple[int, int]]) -> list[outline.Node]:
    """The outline of the document's own lines, and apart from it that of each quotation: an article a letter
    quotes ('*“Điều 116. …*' / '*1. Người ra quyết định …*') opens no section of the letter, so the letter's text
    after it is read under the letter's own structure, not under the quoted article."""
    groups: list[list[int]] = [[]]
    by_quote: dict[int, list[int]] = {}
    for n, (start, _, _, _) in enumerate(raw):
        at = next((k for k, (qs, qe) in enumerate(quoted) if qs <= start < qe), None)
        (groups[0] if at is None else by_quote.setdefault(at, [])).append(n)
    groups += by_quote.values()
    nodes: list[outline.Node | None] = [None] * len(raw)
    for group in groups:
        for n, node in zip(group, outline.parse([raw[n][2] for n in group]), strict=True):
            nodes[n] = node
    return [node for node in nodes if node is not None]
