"""Page images for the evidence view: drawn on demand from the archived original and cached on disk.

Only a file inside the archive is ever opened: the path comes from the database (the ledger's
destination of the copy, else the copy's own path), never from a URL, and is resolved (symlinks
and ``..`` followed) and checked to lie under the archive before it is read. PDF pages are drawn
by the one PDF drawer (``pipeline.read.pdf.render_page``); TIFF, PNG and JPEG frames by Pillow.
Images are drawn at ``DPI``, so a box in PDF points is ``DPI / 72`` pixels per point on them.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from PIL import Image, ImageSequence
from rapidfuzz import fuzz

from pipeline.read import file_type
from pipeline.read.pdf import WORD_GAP_EM, render_page
from pipeline.store.db import Store
from pipeline.store.ledger import LedgerState
from pipeline.text import fold
from schemas.document import Document, Page, TextSource, Word

DPI = 150  # an A4 page 1240 px wide: the box's paragraph is legible, the PNG ~0.3 MB
# How alike (0-100) a quote and the words of the text layer must be for the words to be its box:
# the layer's line breaks, hyphens and spacing differ from the normalized text the quote was cut from.
QUOTE_MATCH = 90


def can_draw(media_type: str | None) -> bool:
    """Whether a copy of this type has page images (a PDF or a scan's image file)."""
    return media_type == file_type.PDF or media_type in file_type.IMAGE_TYPES


def inside(path: Path, root: Path) -> Path | None:
    """``path`` resolved, when it is a file under ``root`` (resolved too); else None."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return resolved if resolved.is_relative_to(root.resolve()) and resolved.is_file() else None


def archived_original(store: Store, document_id: int, archive: Path) -> Path | None:
    """The archived original of a copy, when there is one inside ``archive``."""
    files, docs = store.schema.files, store.schema.documents
    with store.engine.connect() as conn:
        filed = conn.execute(
            sa.select(files.c.destination)
            .where(
                files.c.document_id == document_id,
                files.c.state != LedgerState.QUARANTINED.value,
                files.c.destination.is_not(None),
            )
            .order_by(files.c.id)
        ).scalars()
        candidates = [*filed, conn.execute(sa.select(docs.c.path).where(docs.c.id == document_id)).scalar()]
    for candidate in candidates:
        if candidate and (found := inside(Path(candidate), archive)) is not None:
            return found
    return None


def page_png(original: Path, media_type: str, sha256: str, number: int, width_points: float, cache: Path) -> Path:
    """The PNG of page ``number`` (1-based) of ``original``, drawn once and then read from ``cache``.
    ``IndexError`` when the file has no such page."""
    cached = cache / f"{sha256}-{number}-{DPI}.png"
    if cached.is_file():
        return cached
    if media_type == file_type.PDF:
        image = render_page(original.read_bytes(), number, DPI)
    else:
        with Image.open(original) as frames:
            frame = next((f for i, f in enumerate(ImageSequence.Iterator(frames)) if i == number - 1), None)
            if frame is None:
                raise IndexError(number)
            image = frame.convert("L")
        width = round(width_points * DPI / 72)
        image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
    cache.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f".{cached.name}.{os.getpid()}.part")
    image.save(partial, format="PNG", optimize=False)
    os.replace(partial, cached)
    return cached


@lru_cache(maxsize=256)
def text_layer_box(original: Path, number: int, quote: str) -> tuple[float, float, float, float] | None:
    """The box of ``quote`` on page ``number`` of a born-digital PDF, from its text layer's word boxes
    (pdfplumber, in PDF points like OCR's): the words are laid end to end with their offsets, the
    quote found among them diacritic-insensitively, and the words its span covers united by
    ``Document.bbox_of``, the mapping OCR'd pages' evidence uses. None when the page has no such
    words (a scan, or a quote the layer does not hold)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(original.read_bytes())) as pdf:
        if not 0 < number <= len(pdf.pages):
            return None
        found = pdf.pages[number - 1].extract_words(x_tolerance_ratio=WORD_GAP_EM)
    words: list[Word] = []
    offset = 0
    for w in found:
        text = fold(w["text"])
        words.append(
            Word(text=text, start=offset, end=offset + len(text), bbox=(w["x0"], w["top"], w["x1"], w["bottom"]))
        )
        offset += len(text) + 1
    text = " ".join(w.text for w in words)
    aligned = fuzz.partial_ratio_alignment(fold(quote), text, score_cutoff=QUOTE_MATCH) if text else None
    if aligned is None:
        return None
    page = Page(number=number, text=text, source=TextSource.text_layer, words=words)
    return (
        Document(path=original.name, sha256="", media_type=file_type.PDF, pages=[page])
        .with_offsets()
        .bbox_of(aligned.dest_start, aligned.dest_end)
    )
