"""The document model: what the text layer hands to every later stage.

A document is a list of pages. Every page keeps its own text, where that text came
from, and — for OCR'd pages — the word boxes and confidences, so that any character
span of the full text can be traced back to a page and a box on the scan.

The full text is the pages' texts joined by a form feed; ``Page.start``/``Page.end``
are that page's offsets into it, and ``Word.start``/``Word.end`` are offsets into
the full text too.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

PAGE_SEPARATOR = "\f"


class TextSource(StrEnum):
    """Where a page's text came from; it decides whether the page has word boxes and OCR confidences to trace a quote
    back to, and whether the document counts as OCR'd."""

    text_layer = "text-layer"  # a PDF's embedded text, judged good enough to keep
    ocr = "ocr"  # Tesseract on the page image
    plain = "plain"  # a text or DOCX file: no page image at all


class IssueKind(StrEnum):
    """Why a page came out empty while the rest of its document was read (partial success)."""

    damaged = "damaged"  # the page's image cannot be decoded or drawn
    ocr_failed = "ocr-failed"  # the preparation or Tesseract failed on it, with every preparation tried
    crashed = "crashed"  # the OCR worker died on it (a signal, out of memory), with every preparation tried
    timeout = "timeout"  # it took longer than the per-page limit, with every preparation tried
    out_of_time = "out-of-time"  # the document's time limit ran out before it was read


class PageIssue(BaseModel):
    """A page that could not be read, and why as a code: people read it through the message catalogue
    (``page_issue.<kind>``), in their language; the database and ``--json`` keep the code."""

    page: int  # 1-based page number
    kind: IssueKind


class Word(BaseModel):
    """One OCR'd word with its box on the page image, so that a span of the full text can be shown on the scan
    (``Document.bbox_of``)."""

    text: str
    start: int  # offset into Document.text
    end: int
    bbox: tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points from top-left
    confidence: float | None = None  # 0-100, OCR only


class TableCell(BaseModel):
    """One cell of a table at its top-left grid position. Only the OCR table reader sets the spans of a merged
    cell; PDF and Word tables keep a merged cell at its first position with spans of 1."""

    row: int
    col: int
    text: str
    bbox: tuple[float, float, float, float] | None = None
    confidence: float | None = None
    row_span: int = 1
    col_span: int = 1


class Table(BaseModel):
    """A ruled table read cell by cell, so that its grid survives OCR."""

    page: int  # 1-based page number
    n_rows: int
    n_cols: int
    cells: list[TableCell] = Field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None

    def grid(self) -> list[list[str]]:
        """The cell texts as rows × columns; a merged cell's text stands at its top-left position and the positions
        it covers stay empty."""
        rows = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            rows[c.row][c.col] = c.text
        return rows


class Page(BaseModel):
    """One page: its text, where the text came from, its offsets into the full text and, when OCR'd, its word boxes,
    tables and confidence, so evidence can point at a page and a box."""

    number: int  # 1-based
    text: str
    source: TextSource
    start: int = 0  # offsets of this page's text inside Document.text
    end: int = 0
    width: float | None = None  # PDF points (1/72 in); None for plain text
    height: float | None = None
    words: list[Word] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    confidence: float | None = None  # mean OCR word confidence on this page
    quality: float | None = None  # Vietnamese-text quality score of the text layer, 0-1
    issues: list[PageIssue] = Field(default_factory=list)  # why the page is empty, when it could not be read

    @classmethod
    def unread(cls, number: int, kind: IssueKind) -> Page:
        """An empty page standing for one that could not be read, so that the rest of its document is kept."""
        return cls(number=number, text="", source=TextSource.ocr, issues=[PageIssue(page=number, kind=kind)])


class Document(BaseModel):
    """A file read into pages: what every later stage (segmenting, extraction, the store) starts from, with the
    file's hash and the legacy encoding repaired, if any."""

    path: str
    sha256: str
    media_type: str
    pages: list[Page]
    encoding_repaired: str | None = None  # 'TCVN3', 'VNI', 'Windows-1258' …

    @property
    def text(self) -> str:
        """The full text: the pages' texts joined by a form feed, the text every offset (``Page.start``,
        ``Word.start``, evidence) points into."""
        return PAGE_SEPARATOR.join(p.text for p in self.pages)

    @property
    def ocr(self) -> bool:
        """True when any page's text came from OCR (``Source.ocr`` in the contract)."""
        return any(p.source == TextSource.ocr for p in self.pages)

    @property
    def ocr_confidence(self) -> float | None:
        """Mean word confidence (0-100, two decimals) over the OCR'd pages, or None when no page was OCR'd: a
        reader's measure of how far to trust the text."""
        confs = [
            w.confidence for p in self.pages if p.source == TextSource.ocr for w in p.words if w.confidence is not None
        ]
        return round(sum(confs) / len(confs), 2) if confs else None

    @property
    def issues(self) -> list[PageIssue]:
        """Every page that could not be read: when not empty, the document is a partial success."""
        return [issue for page in self.pages for issue in page.issues]

    def page_at(self, offset: int) -> Page:
        """The page whose text holds ``offset`` (a form feed belongs to the page before it)."""
        for page in self.pages:
            if offset <= page.end:
                return page
        return self.pages[-1]

    def bbox_of(self, start: int, end: int) -> tuple[float, float, float, float] | None:
        """Union of the OCR word boxes overlapping [start, end) on the page of ``start``."""
        page = self.page_at(start)
        boxes = [w.bbox for w in page.words if w.start < end and w.end > start]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))

    def with_offsets(self) -> Document:
        """Recompute page offsets after the pages' texts changed."""
        pos = 0
        for page in self.pages:
            page.start, page.end = pos, pos + len(page.text)
            pos = page.end + len(PAGE_SEPARATOR)
        return self
