"""The text layer: any file a secretariat receives → a ``Document`` with NFC Vietnamese text.

The type is judged from the content (``file_type``) and the file's declared size held against
the limits (``limits``) before any work starts. Text and DOCX files become one plain page; PDF
pages keep their text layer when it is real Vietnamese and are OCR'd otherwise; images
(multi-page TIFF, PNG, JPEG) are OCR'd frame by frame. A page that cannot be read is kept empty
with an issue and the rest of the document is read; the document fails only when no page can be
read, or when what was read is not text at all (a photo, noise). Every failure a file can cause
comes out as ``UnreadableDocument`` with a reason a clerk can act on, and libraries' warnings go
to the log, not to the terminal.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import OcrEngineUnavailable, ReaderRefusal, UnreadableDocument
from pipeline.messages import reason_en, t
from pipeline.read import file_type as formats
from pipeline.read import limits as declared
from pipeline.settings import Settings, settings
from pipeline.text import UndecodableText, decode_bytes, is_syllable, strip_page_furniture, tidy_text
from pipeline.text.unicode import WORD
from schemas.document import Document, IssueKind, Page, TextSource

# The readers of PDF, Word and image files (PIL, the OCR's page layout) are imported by file type, in
# ``_read``: a text file, what a cold `vanban extract` reads most, needs none of them.
if TYPE_CHECKING:
    from PIL import Image

    from pipeline.ocr.page_image import PageImage

A4_INCHES = (8.27, 11.69)
# What OCR read is not a document when it read no word at all, or when its mean word confidence is under
# NOT_TEXT_CONFIDENCE and it holds fewer than NOT_TEXT_SYLLABLES Vietnamese syllables of two letters or
# more (``pipeline.text.is_syllable``). Measured (confidence, syllables): the 13 scanned real PDFs 76-95,
# 142-1700; the samples' office, fax, photo and stamped renders 95-96, 556-3457; 70-dpi letter photos
# (plain, noisy, dark, rotated) 72-88, 652-676; photos of noise, a portrait, landscapes, a product shot
# and a blank page read no word (noise is not handed to Tesseract: ``preprocess.looks_like_noise``;
# before that, uniform noise read 9 words at confidence 18, 4 of them syllables). An English letter
# keeps its high confidence and is read.
NOT_TEXT_CONFIDENCE = 50.0
NOT_TEXT_SYLLABLES = 25
LIBRARIES = ("pdfminer", "PIL")  # loggers whose warnings a clerk must not see

log = logging.getLogger("vanban.read")
_DESCRIPTOR_2 = threading.Lock()  # held while a decoder's printing is sent to the log (``_printed_to_log``)


def load_document(path: str | Path, executor: Executor | None = None, sha256: str | None = None) -> Document:
    """Read ``path`` into a Document; OCR'd pages run on this process's OCR workers or, when given, on
    ``executor``. ``sha256``: the bytes' hash when the caller has computed it already (the inbox has).
    ``OcrEngineUnavailable`` (not ``UnreadableDocument``) when a scan meets a machine without Tesseract."""
    path = Path(path)
    limits = settings()
    try:
        declared.check_bytes(path.stat().st_size, limits)
        data = path.read_bytes()
    except declared.TooLarge as e:
        raise UnreadableDocument(str(path), e.reason) from e
    except OSError as e:
        raise UnreadableDocument(str(path), reason_en("reason.cannot_open", error=e.strerror or e)) from e
    if not data:
        raise UnreadableDocument(str(path), reason_en("reason.empty"))
    media_type = formats.detect_media_type(data)
    if media_type is None:
        raise UnreadableDocument(str(path), reason_en("reason.unsupported"))
    try:
        declared.check_declared(data, media_type, limits)
        with _library_warnings_to_log():
            pages, encoding_repaired = _read(data, media_type, path, executor, limits)
        pages = strip_page_furniture(pages)
    except (ReaderRefusal, declared.TooLarge, UndecodableText) as e:
        raise UnreadableDocument(str(path), e.reason) from e
    except (UnreadableDocument, OcrEngineUnavailable):
        raise
    except Exception as e:  # a reader's library failing on data it does not expect: the file, not vanban
        log.warning(t("log.read_failed", name=path), exc_info=e)
        raise UnreadableDocument(str(path), reason_en("reason.damaged")) from e
    _refuse_unread(pages, path)
    document = Document(
        path=str(path),
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        media_type=media_type,
        pages=pages,
        encoding_repaired=encoding_repaired,
    )
    _refuse_non_document(document)
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


def _read(
    data: bytes, media_type: str, path: Path, executor: Executor | None, limits: Settings
) -> tuple[list[Page], str | None]:
    """The pages of a file of ``media_type``, and the legacy encoding repaired, if any."""
    if media_type == formats.TEXT:
        text, encoding_repaired = decode_bytes(data)
        text = tidy_text(text)
        if not text.strip():
            raise UnreadableDocument(str(path), reason_en("reason.blank_text"))
        return [Page(number=1, text=text, source=TextSource.plain)], encoding_repaired
    if media_type == formats.DOCX:
        from pipeline.read.docx import read_docx

        return [read_docx(data)], None
    from pipeline.ocr.cluster import ClusterPages

    # Pages read on other machines are drawn there from the file itself, found in the shared folder.
    travels = isinstance(executor, ClusterPages)
    if media_type == formats.PDF:
        from pipeline.read.pdf import read_pdf

        return _ocr_waiting(read_pdf(data, str(path) if travels else None), executor), None
    if media_type in formats.IMAGE_TYPES:
        if travels:
            return _ocr_waiting(_image_pages(data, path, path, limits), executor), None
        with tempfile.TemporaryDirectory(prefix="vanban-read-") as scratch:  # the frames' bytes, for the workers
            return _ocr_waiting(_image_pages(data, path, Path(scratch) / "image", limits), executor), None
    raise UnreadableDocument(str(path), reason_en("reason.zip"))


@contextmanager
def _library_warnings_to_log() -> Iterator[None]:
    """pdfminer's and PIL's warnings (one refusal once printed 225 lines) logged at DEBUG under
    ``vanban.read``, not printed on the clerk's terminal."""
    loggers = [logging.getLogger(name) for name in LIBRARIES]
    saved = [(logger.propagate, logger.handlers[:]) for logger in loggers]
    forward = _Forward()
    for logger in loggers:
        logger.propagate, logger.handlers = False, [forward]
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
    finally:
        for logger, (propagate, handlers) in zip(loggers, saved):
            logger.propagate, logger.handlers = propagate, handlers
        for warning in caught:
            log.debug("%s: %s", warning.category.__name__, warning.message)


class _Forward(logging.Handler):
    """A library's log records, re-logged at DEBUG under ``vanban.read``."""

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("%s: %s", record.name, record.getMessage())


def _ocr_waiting(pages: Sequence[Page | PageImage], executor: Executor | None) -> list[Page]:
    """OCR the pages that are still pictures (in parallel) and put them back in page order."""
    from pipeline.ocr.page_image import PageImage

    waiting = [p for p in pages if isinstance(p, PageImage)]
    if not waiting:
        return [p for p in pages if isinstance(p, Page)]  # every page is read already
    from pipeline.ocr.page import ocr_pages  # OpenCV and numpy: only when there is a picture to read

    done = iter(ocr_pages(waiting, executor))
    return [next(done) if isinstance(p, PageImage) else p for p in pages]


def _refuse_unread(pages: list[Page], path: Path) -> None:
    """A document fails only when no page at all could be read."""
    if not pages:
        raise UnreadableDocument(str(path), reason_en("reason.no_pages"))
    if all(page.issues for page in pages):
        first = pages[0].issues[0]
        why = reason_en("reason.page", page=first.page, why=reason_en(f"reason.page.{first.kind}"))
        raise UnreadableDocument(str(path), reason_en("reason.no_page_read", pages=len(pages), first=why))


def _refuse_non_document(document: Document) -> None:
    """A picture with no Vietnamese text on it (a photo, noise) is not a document: refused when every page was
    OCR'd and the text evidence is too weak (``text_evidence``)."""
    if not document.pages or any(p.source != TextSource.ocr for p in document.pages):
        return
    confidence, syllables, words = text_evidence(document)
    if not words or (confidence < NOT_TEXT_CONFIDENCE and syllables < NOT_TEXT_SYLLABLES):
        why = (
            reason_en("reason.not_a_document", words=words, confidence=f"{confidence:.0f}")
            if words
            else reason_en("reason.not_a_document_blank")
        )
        raise UnreadableDocument(document.path, why)


def text_evidence(document: Document) -> tuple[float, int, int]:
    """(Tesseract's mean word confidence, how many of its words of two letters or more are Vietnamese syllables,
    how many words) over the OCR'd pages: a document scores high on the first two, a photo or noise low."""
    words = [w.text for p in document.pages if p.source == TextSource.ocr for w in p.words]
    syllables = sum(1 for w in words for run in WORD.findall(w) if len(run) >= 2 and is_syllable(run))
    return document.ocr_confidence or 0.0, syllables, len(words)


def _anchor_words(document: Document) -> Document:
    """Word offsets are built relative to their page; make them offsets into the full text."""
    for page in document.pages:
        for word in page.words:
            word.start += page.start
            word.end += page.start
    return document


def _image_pages(data: bytes, path: Path, source: Path, limits: Settings) -> list[Page | PageImage]:
    """Every frame of the image (a fax TIFF has several) with its resolution, to be decoded in the OCR worker
    that reads it (from a private copy of the bytes, so the file is neither decoded whole here nor copied to
    every worker). Frames are counted and measured from their headers first; a frame whose directory cannot
    be read becomes an empty page with an issue, and ends the file (the frames after it cannot be found).
    ``source`` is the file itself when the pages travel to other machines."""
    from PIL import Image, UnidentifiedImageError

    from pipeline.ocr.page_image import PageImage

    if source != path:
        source.write_bytes(data)
    Image.MAX_IMAGE_PIXELS = limits.max_page_pixels
    try:
        image = Image.open(source)
    except Image.DecompressionBombError as e:  # PIL's own check on the first frame, before ours on every frame
        raise declared.TooLarge(
            reason_en("reason.image_too_large", millions=limits.max_page_pixels // 1_000_000)
        ) from e
    except (UnidentifiedImageError, OSError, SyntaxError, TypeError, ValueError) as e:
        raise UnreadableDocument(str(path), reason_en("reason.image_damaged")) from e
    pages: list[Page | PageImage] = []
    with image:
        while True:  # frame by frame, not n_frames: a broken directory must cost its page, not the file
            index = len(pages)
            try:
                image.seek(index)
            except EOFError:
                break
            except (OSError, SyntaxError, TypeError, ValueError):  # PIL's ways of saying a directory is broken
                pages.append(Page.unread(index + 1, IssueKind.damaged))
                break  # the frames after it cannot be found
            declared.check_pages(index + 1, limits)
            declared.check_frame(image.width, image.height, limits)
            image_of = partial(decode_frame, str(source), index)
            pages.append(PageImage(number=index + 1, image=image_of, dpi=_dpi(image)))
    return pages


def decode_frame(path: str, index: int) -> Image.Image:
    """Frame ``index`` of an image file, grey or in colour (``grey_or_colour``): decoded in the OCR worker that
    reads it."""
    from PIL import Image

    from pipeline.ocr.page_image import grey_or_colour

    with _printed_to_log(), warnings.catch_warnings(), Image.open(path) as image:
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # its size was checked (limits.check_frame)
        image.seek(index)
        return grey_or_colour(image)


@contextmanager
def _printed_to_log() -> Iterator[None]:
    """What C libraries print on descriptor 2 meanwhile, logged at DEBUG instead of shown on the clerk's terminal:
    libtiff warns of a damaged LZW strip with 'Using code not yet in table.' through its own handler, which PIL
    offers no way to replace. OCR workers already send descriptor 2 to the log; ``vanban ingest``'s process pool
    and an executor a caller gives do not. Descriptor 2 is the process's: one thread at a time swaps it."""
    sys.stderr.flush()
    with _DESCRIPTOR_2, tempfile.TemporaryFile() as printed:
        terminal = os.dup(2)
        os.dup2(printed.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(terminal, 2)
            os.close(terminal)
            printed.seek(0)
            text = printed.read().decode("utf-8", "replace").strip()
            if text:
                log.debug("decoding an image printed: %s", text)


def _dpi(image: Image.Image) -> float:
    dpi = image.info.get("dpi")
    if dpi and 50 <= float(dpi[0]) <= 2400:
        return float(dpi[0])
    width, height = image.size
    page_width_inches = A4_INCHES[1] if width > height else A4_INCHES[0]
    return max(width / page_width_inches, 50.0)
