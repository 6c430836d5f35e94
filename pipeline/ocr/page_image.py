"""A page waiting for OCR, kept apart from pipeline/ocr.py so that reading a text file or a
born-digital PDF never imports OpenCV and numpy (~0.17 s)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image


@dataclass
class PageImage:
    """One page to OCR: its picture — or a function drawing it, so that PDF pages are rendered
    inside the worker process — and its resolution in pixels per inch."""

    number: int
    image: Image.Image | Callable[[], Image.Image]
    dpi: float
    quality: float | None = None  # score of the text layer this page's OCR replaces, if any

    def picture(self) -> Image.Image:
        """The page's image, drawing it now when it is kept as a function (a PDF page, drawn in the worker that OCRs
        it)."""
        return self.image if isinstance(self.image, Image.Image) else self.image()
