"""The one place that calls Tesseract (through pytesseract), in the manner of OCRmyPDF's wrapper.

Always ``vie`` alone: ``vie+eng`` lets the English model win on short words and strips
their diacritics. Every call runs Tesseract single-threaded (OMP_THREAD_LIMIT=1) because
vanban parallelises across pages instead; OpenMP threads inside one page only add
contention on a small machine.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from PIL import Image

LANGUAGE = "vie"


class OcrEngineError(RuntimeError):
    """Tesseract is missing or failed on an image."""


@dataclass(frozen=True)
class TesseractWord:
    text: str
    left: int           # pixels in the image given to Tesseract
    top: int
    width: int
    height: int
    confidence: float   # 0-100
    block: int
    paragraph: int
    line: int


PNM = "PPM"   # PIL's name for the portable pixmap family; grey images are written as PGM


def load_engine():
    """pytesseract, imported on first use: it imports pandas, seconds that a text file never needs."""
    import pytesseract
    return pytesseract


def recognize_words(image: Image.Image, *, psm: int = 3, dpi: int = 300,
                    timeout: float = 0) -> list[TesseractWord]:
    """Tesseract's words with boxes, confidences and block/paragraph/line numbers, in reading order."""
    pytesseract = load_engine()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # pytesseract hands the image over as a temporary file in the image's format (PNG when it has
    # none): a 300-dpi page takes 0.3 s to compress as PNG and 2 ms to write as uncompressed PNM.
    image.format = PNM
    try:
        data = pytesseract.image_to_data(
            image, lang=LANGUAGE, config=f"--psm {psm} --dpi {dpi}",
            output_type=pytesseract.Output.DICT, timeout=timeout)
    except pytesseract.TesseractNotFoundError as e:
        raise OcrEngineError("Tesseract OCR is not installed on this machine") from e
    except (pytesseract.TesseractError, RuntimeError) as e:
        raise OcrEngineError(f"Tesseract failed: {e}") from e
    words = []
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or float(data["conf"][i]) < 0:
            continue
        words.append(TesseractWord(
            text=text, left=data["left"][i], top=data["top"][i], width=data["width"][i],
            height=data["height"][i], confidence=float(data["conf"][i]), block=data["block_num"][i],
            paragraph=data["par_num"][i], line=data["line_num"][i]))
    return words
