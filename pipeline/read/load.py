"""The text layer: any file a secretariat receives → a ``Document`` with NFC Vietnamese text.

The type is judged from the content (pipeline/formats.py). Text and DOCX files become
one plain page; PDF pages keep their text layer when it is real Vietnamese and are
OCR'd otherwise; images (multi-page TIFF, PNG, JPEG) are OCR'd. Every failure a user
can cause comes out as ``UnreadableDocument`` with a reason a clerk can act on.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Sequence
from concurrent.futures import Executor
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from pipeline.errors import UnreadableDocument
from pipeline.ocr.page_image import PageImage
from pipeline.ocr.tesseract import OcrEngineError
from pipeline.read import file_type as formats
from pipeline.read.docx import DocxError, read_docx
from pipeline.read.pdf import PdfError, read_pdf
from pipeline.settings import settings
from pipeline.text import UndecodableText, decode_bytes, strip_page_furniture, tidy_text
from schemas.document import Document, Page, TextSource

A4_INCHES = (8.27, 11.69)


def load_document(path: str | Path, executor: Executor | None = None, sha256: str | None = None) -> Document:
    """Read ``path`` into a Document; OCR'd pages run on ``executor`` (default: one process per core).
    ``sha256``: the bytes' hash when the caller has computed it already (the inbox has)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UnreadableDocument(str(path), f"the file cannot be opened ({e.strerror or e})") from e
    if not data:
        raise UnreadableDocument(str(path), "the file is empty (0 bytes)")
    media_type = formats.detect_media_type(data)
    encoding_repaired = None
    try:
        if media_type == formats.TEXT:
            text, encoding_repaired = decode_bytes(data)
            text = tidy_text(text)
            if not text.strip():
                raise UnreadableDocument(str(path), "the text file contains only blank space")
            read: Sequence[Page | PageImage] = [Page(number=1, text=text, source=TextSource.plain)]
        elif media_type == formats.DOCX:
            read = [read_docx(data)]
        elif media_type == formats.PDF:
            read = read_pdf(data)
        elif media_type in formats.IMAGE_TYPES:
            read = _image_pages(data, path)
        elif media_type == formats.ZIP:
            raise UnreadableDocument(str(path), "this is a ZIP archive, not a Word document; unpack it first")
        else:
            raise UnreadableDocument(
                str(path), "unsupported file type: vanban reads PDF, TIFF, PNG, JPEG, Word (.docx) and text files"
            )
        pages = strip_page_furniture(_ocr_waiting(read, executor))
    except (PdfError, DocxError, UndecodableText) as e:
        raise UnreadableDocument(str(path), e.reason) from e
    except OcrEngineError as e:
        raise UnreadableDocument(str(path), f"OCR failed: {e}") from e
    document = Document(
        path=str(path),
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        media_type=media_type,
        pages=pages,
        encoding_repaired=encoding_repaired,
    )
    return _anchor_words(document.with_offsets())


def document_from_text(text: str, path: str = "<text>") -> Document:
    """A Document from text already in memory (a notebook, a pasted letter), normalized exactly as a
    text file's content is: what ``extractors.nlp()(text)`` reads."""
    return Document(
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type=formats.TEXT,
        pages=[Page(number=1, text=tidy_text(text), source=TextSource.plain)],
    ).with_offsets()


def _ocr_waiting(pages: Sequence[Page | PageImage], executor: Executor | None) -> list[Page]:
    """OCR the pages that are still pictures (in parallel) and put them back in page order."""
    waiting = [p for p in pages if isinstance(p, PageImage)]
    if not waiting:
        return [p for p in pages if isinstance(p, Page)]  # every page is read already
    from pipeline.ocr.page import ocr_pages  # OpenCV and numpy: only when there is a picture to read

    done = iter(ocr_pages(waiting, executor))
    return [next(done) if isinstance(p, PageImage) else p for p in pages]


def _anchor_words(document: Document) -> Document:
    """Word offsets are built relative to their page; make them offsets into the full text."""
    for page in document.pages:
        for word in page.words:
            word.start += page.start
            word.end += page.start
    return document


def _image_pages(data: bytes, path: Path) -> list[PageImage]:
    """Every frame of the image (a fax TIFF has several) with its resolution; images without a
    resolution tag are assumed to show an A4 page across their width."""
    max_pixels = settings().max_page_pixels
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            pages = []
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                if frame.width * frame.height > max_pixels:  # PIL checks only the first frame
                    raise Image.DecompressionBombError(f"frame {number} is {frame.width}x{frame.height}")
                pages.append(PageImage(number=number, image=frame.convert("L"), dpi=_dpi(frame)))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise UnreadableDocument(
            str(path),
            f"the image is too large to be a page scan (over "
            f"{max_pixels // 1_000_000} million pixels); rescan it at 300 dpi",
        ) from e
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise UnreadableDocument(str(path), "the image is damaged or truncated and cannot be decoded") from e
    return pages


def _dpi(image: Image.Image) -> float:
    dpi = image.info.get("dpi")
    if dpi and 50 <= float(dpi[0]) <= 2400:
        return float(dpi[0])
    width, height = image.size
    page_width_inches = A4_INCHES[1] if width > height else A4_INCHES[0]
    return max(width / page_width_inches, 50.0)
