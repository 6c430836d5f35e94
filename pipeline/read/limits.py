"""A file's declared size held against the limits in the settings before any work starts.

One hostile or absurd file must not hold the inbox for hours or take the machine's memory: a
2000-page TIFF of tiny pages, a 30 MB text file or a 2 MB one without a line break each ran past
7 minutes, a DOCX zip bomb inflated 2.2 GB in 32 s before it was refused. Each check reads only
what the file declares (its byte count, a PDF's page count, an image's frame count and size, a
DOCX archive's member sizes) and raises ``TooLarge`` with a reason a clerk can act on.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.messages import reason_en
from pipeline.read import file_type as formats
from pipeline.settings import Settings

# A DOCX member inflating more than this many times its stored size is a zip bomb: the real DOCX
# files here inflate 1.6-32 times (Word's styles.xml the most), deflate cannot exceed ~1030.
MAX_DOCX_RATIO = 200
# Members smaller than this are not judged by their ratio: a tiny part may compress any amount.
DOCX_RATIO_FROM_BYTES = 5_000_000


class TooLarge(Exception):
    """The file exceeds a limit; ``reason`` says which (a ``reason.*`` sentence with the sizes, see ``messages``)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".") + " MB"


def check_bytes(size: int, limits: Settings) -> None:
    """Any file: its size on disk, before it is read into memory."""
    if size > limits.max_file_bytes:
        raise TooLarge(reason_en("reason.file_too_large", size=_mb(size), limit=_mb(limits.max_file_bytes)))


def check_declared(data: bytes, media_type: str | None, limits: Settings) -> None:
    """What the file declares about itself, by type: a text file's bytes, a PDF's pages, a DOCX's members."""
    if media_type == formats.TEXT and len(data) > limits.max_text_bytes:
        raise TooLarge(reason_en("reason.text_too_large", size=_mb(len(data)), limit=_mb(limits.max_text_bytes)))
    elif media_type == formats.PDF:
        count = _pdf_pages(data)
        if count is not None:
            check_pages(count, limits)
    elif media_type == formats.DOCX:
        _check_docx(data, limits)


def check_pages(count: int, limits: Settings) -> None:
    """A PDF's pages or an image file's frames."""
    if count > limits.max_pages:
        raise TooLarge(reason_en("reason.too_many_pages", limit=limits.max_pages))


def check_frame(width: int, height: int, limits: Settings) -> None:
    """One frame of an image file, by the size its header declares (a decompression bomb declares a huge one)."""
    if width * height > limits.max_page_pixels:
        raise TooLarge(
            reason_en(
                "reason.frame_too_large", width=width, height=height, millions=limits.max_page_pixels // 1_000_000
            )
        )


def _pdf_pages(data: bytes) -> int | None:
    """The page count pdfium reads from the PDF's page tree, or None when it cannot open the file (the PDF
    reader then says why)."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def _check_docx(data: bytes, limits: Settings) -> None:
    """A DOCX archive's declared member sizes, before anything is inflated (zipfile stops at the declared size
    of a member whose data claims less than it holds, so the declaration is what counts)."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # the DOCX reader says why it is damaged
    total = sum(m.file_size for m in members)
    bomb = [
        m
        for m in members
        if m.file_size >= DOCX_RATIO_FROM_BYTES and m.file_size > MAX_DOCX_RATIO * max(m.compress_size, 1)
    ]
    if bomb:
        ratio = bomb[0].file_size // max(bomb[0].compress_size, 1)
        raise TooLarge(reason_en("reason.docx_bomb", size=_mb(total), member=bomb[0].filename, ratio=ratio))
    if total > limits.max_file_bytes:
        raise TooLarge(reason_en("reason.docx_too_large", size=_mb(total), limit=_mb(limits.max_file_bytes)))
