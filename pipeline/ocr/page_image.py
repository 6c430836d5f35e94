"""A page waiting for OCR, kept apart from the rest of pipeline/ocr so that reading a text file or a
born-digital PDF never imports OpenCV and numpy (~0.17 s)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

GREY_MODES = ("1", "L", "LA", "I", "I;16", "F")


def grey_or_colour(image: Image.Image) -> Image.Image:
    """A page's picture as grey ("L") or, when it has colours, as RGB: colour is kept up to the OCR's
    preprocessing, which lightens a red or violet seal's ink before the page goes grey."""
    return image.convert("L" if image.mode in GREY_MODES else "RGB")


class PageDamaged(Exception):
    """The page's picture cannot be decoded or drawn: trying other preparation will not help."""


@dataclass
class PageImage:
    """One page to OCR: its picture — or a function drawing it, so that PDF pages are drawn and image
    frames decoded inside the worker process that reads them — and its resolution in pixels per inch."""

    number: int
    image: Image.Image | Callable[[], Image.Image]
    dpi: float
    quality: float | None = None  # score of the text layer this page's OCR replaces, if any

    def picture(self) -> Image.Image:
        """The page's image, drawing it now when it is kept as a function; ``PageDamaged`` when it cannot be."""
        if isinstance(self.image, Image.Image):
            return self.image
        try:
            return self.image()
        except MemoryError:
            raise  # the worker's memory cap, not the page's data
        except Exception as e:  # pdfium, libtiff, libjpeg and PIL raise many types on damaged data
            raise PageDamaged(str(e)) from e
