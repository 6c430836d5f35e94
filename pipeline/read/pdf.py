"""PDF pages: keep a page's text layer when it is real Vietnamese, otherwise send its picture to OCR.

Scanners embed their own OCR layer, often made without Vietnamese and so without
diacritics ("CONG HOA xA HQI CilU NGHIA VIT NAM"). Whether to trust a layer is decided
page by page from a measured quality score of the text itself (``pipeline.text.quality``), never
from the producer name in the metadata. Reading a sample of each page with OCR to compare was not
needed: the score puts every good layer measured at 0.92 or more and every garbage one at 0.08 or
less (``python -m bench.text_layer``), and costs no Tesseract run on born-digital pages.
"""

from __future__ import annotations

# pdfplumber and pypdfium2 are imported inside the functions that use them: `vanban extract` on a
# text file must not pay their import time.
import io
import itertools
import logging
from collections.abc import Sequence
from functools import partial

from PIL import ImageStat

from pipeline.errors import ReaderRefusal
from pipeline.messages import reason_en
from pipeline.ocr import reading_order as layout
from pipeline.ocr.page_image import PageImage, grey_or_colour
from pipeline.settings import settings
from pipeline.text import normalize_text
from pipeline.text.quality import MIN_TEXT_QUALITY, text_quality
from schemas.document import Page, Table, TableCell, TextSource

log = logging.getLogger("vanban.read")

# A page that is mostly one picture and carries less text than this is a scan whose text layer is
# only an overlay (an e-signature stamp "Ký bởi: ... Thời gian ký: ...", a received-stamp number).
MIN_LAYER_CHARS_ON_SCAN = 200
# pdfplumber splits words at gaps wider than this share of the font size, so small print without
# space characters ("- Thường trực Tỉnh ủy,") keeps its spaces.
WORD_GAP_EM = 0.15
# A page whose largest picture covers this share of it is a scan, OCR'd at that picture's resolution;
# pictures claiming less than MIN_SCAN_DPI are thumbnails or broken metadata, drawn at 300 dpi.
SCAN_COVERAGE = 0.5
MIN_SCAN_DPI = 50
# Its pixels are read as they are only when it fills the page (word boxes then fall on the page)
# and is not mostly dark (mean grey, 0-255: an inverted picture is drawn instead).
FULL_PAGE_COVERAGE = 0.98
MIN_PAPER_GREY = 96
WHITE_INK = 0.05  # a colour component this close to paper white (CMYK: to no ink) is not seen


class PdfError(ReaderRefusal):
    """The PDF cannot be opened; ``reason`` says why in words a clerk understands."""


def read_pdf(data: bytes, file: str | None = None) -> list[Page | PageImage]:
    """Each page either as a finished text-layer ``Page`` or as a ``PageImage`` to OCR. With ``file`` (the
    PDF's path), a page to OCR is drawn from that file instead of carrying the bytes: for pages read on other
    machines, which find the file in the shared folder."""
    import pdfplumber

    drawing = _open(data)
    pages: list[Page | PageImage] = []
    try:
        layer, stamps = _stamps_drawn_in(data)
        with pdfplumber.open(io.BytesIO(layer)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                text, tables = _text_layer(page, number, stamps.get(number, []))
                quality = text_quality(text)
                if quality >= MIN_TEXT_QUALITY and not _overlay_on_scan(page, stamps.get(number, [])):
                    pages.append(
                        Page(
                            number=number,
                            text=text,
                            source=TextSource.text_layer,
                            width=float(page.width),
                            height=float(page.height),
                            tables=tables,
                            quality=quality,
                        )
                    )
                else:
                    pages.append(_page_to_ocr(drawing[number - 1], file or data, number, quality))
    except PdfError:
        raise
    except Exception as e:  # pdfminer raises many unrelated types on damaged files
        log.info("pdf reading failed", exc_info=e)
        raise PdfError(reason_en("reason.pdf_pages_damaged")) from e
    finally:
        drawing.close()
    return pages


def render_page(data: bytes | str, number: int, dpi: float):
    """The page (of the PDF's bytes, or of the file at that path) as a grey PIL image at ``dpi`` (pdfium: fast
    and faithful)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return pdf[number - 1].render(scale=dpi / 72, grayscale=True).to_pil()
    except pypdfium2.PdfiumError as e:
        raise PdfError(reason_en("reason.pdf_page_damaged", page=number)) from e
    finally:
        pdf.close()


def _page_to_ocr(pdf_page, data: bytes | str, number: int, quality: float) -> PageImage:
    """The page to OCR at the resolution of the scan it holds (at most 300 dpi, within the pixel
    limit), and from the scanner's own pixels when the page is one upright picture: drawing a
    200-dpi fax at 300 dpi gave Tesseract 2.25 times the pixels, and drawing it even at 200 dpi
    smooths its edges (fax text pages 1.90 % CER drawn at 300 dpi, 2.05 % at 200, 1.78 % as scanned)."""
    width, height = pdf_page.get_size()
    limits = settings()
    limit = (limits.page_pixel_budget / max(width * height / 72 / 72, 1e-6)) ** 0.5
    picture, scan_dpi = _scan_picture(pdf_page)
    dpi = min(scan_dpi or float(limits.draw_dpi), float(limits.draw_dpi), limit)
    if picture is not None and scan_dpi <= dpi:
        image = partial(scanned_picture, data, number, picture, dpi)
    else:
        image = partial(render_page, data, number, dpi)
    return PageImage(number=number, image=image, dpi=dpi, quality=quality)


def _scan_picture(page) -> tuple[int | None, float | None]:
    """(index of the page's picture to read as it is, or None; the scan's resolution, or None when
    the page is not mostly one picture). A picture is read as it is only when it fills the page
    upright, unrotated and plain grey or RGB, so that its pixels are what the page shows."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    best, covered, index = None, 0.0, None
    for i, picture in enumerate(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1)):
        left, bottom, right, top = picture.get_bounds()
        area = (right - left) * (top - bottom)
        if area > covered:
            best, covered, index = picture, area, i
    if best is None or covered < SCAN_COVERAGE * width * height:
        return None, None
    metadata = best.get_metadata()
    dpi = max(metadata.horizontal_dpi, metadata.vertical_dpi)
    if dpi < MIN_SCAN_DPI:
        return None, None
    a, b, c, d, _, _ = best.get_matrix().get()
    upright = b == 0 and c == 0 and a > 0 and d > 0 and page.get_rotation() == 0
    plain = metadata.colorspace in (pdfium_c.FPDF_COLORSPACE_DEVICEGRAY, pdfium_c.FPDF_COLORSPACE_DEVICERGB)
    fills = covered >= FULL_PAGE_COVERAGE * width * height
    return (index if upright and plain and fills else None), float(round(dpi))


def scanned_picture(data: bytes | str, number: int, index: int, dpi: float):
    """The page's scan as its own pixels, grey or in colour (``grey_or_colour``); drawn instead if those pixels come out mostly dark
    (a picture whose /Decode array inverts it, which raw pixels do not honour)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    pdf = pypdfium2.PdfDocument(data)
    try:
        picture = list(pdf[number - 1].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))[index]
        image = grey_or_colour(picture.get_bitmap(render=False).to_pil())
    except pypdfium2.PdfiumError as e:
        raise PdfError(reason_en("reason.pdf_page_damaged", page=number)) from e
    finally:
        pdf.close()
    return (
        image
        if ImageStat.Stat(image.convert("L").reduce(8)).mean[0] >= MIN_PAPER_GREY
        else render_page(data, number, dpi)
    )


def _open(data: bytes):
    """The PDF opened by pdfium; encrypted and broken PDFs are refused with a clear reason
    before anything is read."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as e:
        message = str(e).lower()
        if "password" in message:
            raise PdfError(reason_en("reason.pdf_password")) from e
        raise PdfError(reason_en("reason.pdf_damaged")) from e
    if len(pdf) == 0:
        pdf.close()
        raise PdfError(reason_en("reason.pdf_no_pages"))
    return pdf


def _stamps_drawn_in(data: bytes) -> tuple[bytes, dict[int, list[tuple[float, float, float, float]]]]:
    """The PDF with what its annotations show drawn into its pages, and the boxes (x0, top, x1, bottom) of
    those annotations by page number. A document signed in an e-office system gets its number and day
    stamped by the clerk's signature as widgets over the blanks of 'Số:     /TB-UBND' and 'ngày     tháng'
    (and the publishing centre's stamp over the letterhead): pdftotext reads them, pdfplumber reads only the
    page's own content, which left 'Số: /TB-UBND' and 'ngày tháng 01'. pdfium's flattening draws each
    annotation's normal appearance into the page, as a viewer shows it."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    pdf = pypdfium2.PdfDocument(data)
    stamps: dict[int, list[tuple[float, float, float, float]]] = {}
    try:
        for index in range(len(pdf)):
            try:
                page = pdf[index]  # kept in a name: the page must outlive the raw handle used below
            except pypdfium2.PdfiumError:
                continue  # a page pdfium cannot load: pdfplumber's reading decides what becomes of it
            try:
                boxes = _annotation_boxes(page, pdfium_c)
                if (
                    boxes
                    and pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == pdfium_c.FLATTEN_SUCCESS
                ):
                    stamps[index + 1] = boxes
            finally:
                page.close()
        if not stamps:
            return data, {}
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue(), stamps
    finally:
        pdf.close()


def _annotation_boxes(page, pdfium_c) -> list[tuple[float, float, float, float]]:
    """The page's annotations' boxes, top-left origin in PDF points as pdfplumber measures them."""
    import ctypes

    height = page.get_height()
    boxes = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        try:
            rect = pdfium_c.FS_RECTF()
            if pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                boxes.append(
                    (rect.left, height - max(rect.top, rect.bottom), rect.right, height - min(rect.top, rect.bottom))
                )
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return boxes


def _text_layer(page, number: int, stamps: Sequence[tuple[float, float, float, float]] = ()) -> tuple[str, list[Table]]:
    """The page's embedded text: running text normalized, ruled tables rendered row by row (TAB
    between cells) at the place they occupy on the page; only rules a reader sees make a table."""
    page = page.filter(_visible)
    found = page.find_tables()
    tables = [_table(t, number) for t in found]
    outside = page
    for t in found:
        outside = outside.filter(lambda obj, box=t.bbox: not _inside(obj, box))
    pending_tables = sorted(zip((t.bbox[1] for t in found), tables), key=lambda item: item[0])
    chunks: list[str] = []
    for block in _blocks(_words(outside, stamps)):
        run: list[str] = []
        for top, line in block:
            while pending_tables and pending_tables[0][0] < top:
                chunks.extend([normalize_text("\n".join(run)), render_table(pending_tables.pop(0)[1])])
                run = []
            run.append(line)
        chunks.append(normalize_text("\n".join(run)))
    chunks.extend(render_table(table) for _, table in pending_tables)
    return "\n".join(c for c in chunks if c), tables


def _visible(obj: dict) -> bool:
    """Anything but a line or box painted white on the white page: Word draws white borders and white-filled boxes
    around paragraphs (80 white lines on page 3 of a real People's Committee letter), which pdfplumber took for a
    table's rules and cut the prose into TAB-separated cells."""
    if obj.get("object_type") not in ("line", "rect", "curve"):
        return True
    painted = [obj.get("stroking_color")] if obj.get("stroke") else []
    painted += [obj.get("non_stroking_color")] if obj.get("fill") else []
    return any(not _white(colour) for colour in painted)


def _white(colour) -> bool:
    """A grey, RGB or CMYK colour at paper white (pdfplumber gives a grey's level or a tuple of components; a
    pattern is no colour)."""
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, tuple | list) or not colour or not all(isinstance(c, int | float) for c in colour):
        return False
    if len(colour) == 4:
        return all(c <= WHITE_INK for c in colour)
    return all(c >= 1 - WHITE_INK for c in colour)


def _words(page, stamps: Sequence[tuple[float, float, float, float]]) -> list[dict]:
    """pdfplumber's words; the characters a stamp drew (``stamps``: in a stamp's box, in a font the page's own
    text outside every stamp does not use) are made into words of their own, without space characters: a
    stamped number sits in the letter's own blank ('Số:      /TB-UBND', 'ngày      tháng'), whose spaces fell
    between its digits ('1 1') and whose words it touched ('ngày24tháng')."""
    if not stamps:
        return page.extract_words(x_tolerance_ratio=WORD_GAP_EM)
    inside: set[str] = set()
    outside: set[str] = set()
    for char in page.chars:
        (inside if any(_inside(char, box) for box in stamps) else outside).add(char["fontname"])
    fonts = inside - outside

    def drawn_by_stamp(obj: dict) -> bool:
        return obj.get("fontname") in fonts and any(_inside(obj, box) for box in stamps)

    own = page.filter(lambda obj: not drawn_by_stamp(obj))
    drawn = page.filter(lambda obj: drawn_by_stamp(obj) and not obj["text"].isspace())
    return own.extract_words(x_tolerance_ratio=WORD_GAP_EM) + drawn.extract_words(x_tolerance_ratio=WORD_GAP_EM)


def _blocks(words: list[dict]) -> list[list[tuple[float, str]]]:
    """pdfplumber's words as blocks of (top, line) in reading order (pipeline/layout.py)."""

    def box(word: dict) -> layout.Box:
        """A pdfplumber word's box as (x0, top, x1, bottom), the shape ``reading_order`` reads."""
        return word["x0"], word["top"], word["x1"], word["bottom"]

    blocks = layout.reading_blocks(layout.visual_lines([[w] for w in words], box), box)
    return [[(min(w["top"] for w in line), " ".join(w["text"] for w in line)) for line in block] for block in blocks]


def _table(found, number: int) -> Table:
    """pdfplumber's table as a schemas Table; merged cells keep only their first position."""
    cells = []
    rows = found.rows
    n_cols = max((len(r.cells) for r in rows), default=0)
    texts = found.extract(x_tolerance_ratio=WORD_GAP_EM)
    for r, (row, row_texts) in enumerate(zip(rows, texts)):
        for c, (box, text) in enumerate(zip(row.cells, row_texts)):
            if box is None:
                continue
            cells.append(TableCell(row=r, col=c, bbox=tuple(box), text=normalize_text((text or "").replace("\n", " "))))
    return Table(page=number, n_rows=len(rows), n_cols=n_cols, cells=cells, bbox=tuple(found.bbox))


def render_table(table: Table) -> str:
    """A readable rendering for text extractors: one row per line, cells separated by TAB."""
    return "\n".join("\t".join(row) for row in table.grid())


def _overlay_on_scan(page, stamps: list[tuple[float, float, float, float]]) -> bool:
    """True when the page is a picture covering most of it with only a little text over it; the stamps' own
    words (``stamps``: signatures, the publishing centre's) are overlays whatever their length."""
    own = (c for c in page.chars if not c["text"].isspace() and not any(_inside(c, b) for b in stamps))
    if sum(1 for _ in itertools.islice(own, MIN_LAYER_CHARS_ON_SCAN)) >= MIN_LAYER_CHARS_ON_SCAN:
        return False
    page_area = float(page.width * page.height)
    return any(
        (img["x1"] - img["x0"]) * (img["bottom"] - img["top"]) >= SCAN_COVERAGE * page_area for img in page.images
    )


def _inside(obj, box) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom
