"""A page waiting for OCR, kept apart from pipeline/ocr.py so that reading a text file or a
born-digital PDF never imports OpenCV and numpy (~0.17 s)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

DRAW_DPI = 300  # PDF pages are drawn, or their scans taken, at most this fine
# Larger page images are refused (or, for PDF pages, drawn coarser): a decompression bomb, or a
# poster no office scanner makes (an A0 sheet at 300 dpi is ~140 MP).
MAX_PAGE_PIXELS = 180_000_000


@dataclass
class PageImage:
    """One page to OCR: its picture — or a function drawing it, so that PDF pages are rendered
    inside the worker process — and its resolution in pixels per inch."""

    number: int
    image: Image.Image | Callable[[], Image.Image]
    dpi: float
    quality: float | None = None  # score of the text layer this page's OCR replaces, if any

    def picture(self) -> Image.Image:
        return self.image if isinstance(self.image, Image.Image) else self.image()
