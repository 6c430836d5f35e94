"""What kind of file is this? Decided by the bytes, never by the extension.

Secretariats receive files renamed by e-mail gateways and scanners ("scan0001",
"CV.pdf.doc"), so the extension is only a hint nobody can trust.
"""

from __future__ import annotations

import io
import zipfile

PDF = "application/pdf"
TIFF = "image/tiff"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
ZIP = "application/zip"

IMAGE_TYPES = (TIFF, PNG, JPEG)

_MAGIC = (
    (b"%PDF-", PDF),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def detect_media_type(data: bytes) -> str | None:
    """The media type of ``data``, or None when it is none of the kinds vanban reads."""
    # Some PDF writers put junk before the header; readers accept it within the first KiB.
    if b"%PDF-" in data[:1024]:
        return PDF
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    if data.startswith(b"PK\x03\x04"):
        return DOCX if _is_docx(data) else ZIP
    if data.startswith(_TEXT_BOMS) or _looks_like_text(data):
        return TEXT
    return None


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        # A truncated DOCX still starts with Office Open XML parts; let the DOCX reader say why it fails.
        return b"word/" in data or b"[Content_Types].xml" in data[:4096]


def _looks_like_text(data: bytes) -> bool:
    """Text files have few control characters; UTF-16 without a BOM has NULs in every other byte."""
    sample = data[:8192]
    if b"\x00" in sample:
        # UTF-16: ASCII letters and spaces put NUL in one half; Vietnamese letters (U+1Exx) do not.
        letters, zeros = sorted((sample[0::2], sample[1::2]), key=lambda half: half.count(0))
        return len(sample) >= 8 and zeros.count(0) >= 0.5 * len(zeros) and letters.count(0) <= 0.05 * len(letters)
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\x1b")
    return controls <= len(sample) * 0.01
