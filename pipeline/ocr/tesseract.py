"""The one place that calls Tesseract (through pytesseract), in the manner of OCRmyPDF's wrapper.

Always ``vie`` alone: ``vie+eng`` lets the English model win on short words and strips
their diacritics. Every call runs Tesseract single-threaded (OMP_THREAD_LIMIT=1) because
vanban parallelises across pages instead; OpenMP threads inside one page only add
contention on a small machine.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

from PIL import Image

LANGUAGE = "vie"
# Paragraphs found from the layout alone, not again after recognition: the same words in the same
# lines and order on the sample pages, ~0.06 s less per page (measured on four 200-300 dpi pages).
FAST_PARAGRAPHS = "-c paragraph_text_based=0"


class OcrEngineError(RuntimeError):
    """Tesseract is missing or failed on an image."""


@dataclass(frozen=True)
class TesseractWord:
    """One word as Tesseract reports it: text, box in the pixels of the image it read, confidence, and the
    block/paragraph/line numbers that group words into lines."""

    text: str
    left: int  # pixels in the image given to Tesseract
    top: int
    width: int
    height: int
    confidence: float  # 0-100
    block: int
    paragraph: int
    line: int


def load_engine():
    """pytesseract, imported on first use: it imports pandas, seconds that a text file never needs."""
    import pytesseract

    return pytesseract


def recognize_words(image: Image.Image, *, psm: int = 3, dpi: int = 300) -> list[TesseractWord]:
    """Tesseract's words with boxes, confidences and block/paragraph/line numbers, in reading order."""
    return recognize_images([image], psm=psm, dpi=dpi)[0]


def recognize_images(images: list[Image.Image], *, psm: int, dpi: int = 300) -> list[list[TesseractWord]]:
    """The words of several images read in one Tesseract run, image by image.

    Tesseract takes a file listing images and reads each as a page of its own; one run loads the
    ``vie`` model once (~0.07 s a run), which is most of the cost of the dozens of table cells
    read alone on a page.
    """
    if not images:
        return []
    pytesseract = load_engine()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as folder:
        paths = []
        for k, image in enumerate(images):
            # Uncompressed PNM: a 300-dpi page takes 0.3 s to compress as PNG, 2 ms to write as PNM.
            paths.append(os.path.join(folder, f"{k:05d}.pnm"))
            image.save(paths[-1], format="PPM")
        source = paths[0]
        if len(paths) > 1:
            source = os.path.join(folder, "images.txt")
            with open(source, "w", encoding="utf-8") as listing:
                listing.write("\n".join(paths) + "\n")
        try:
            data = pytesseract.image_to_data(
                source,
                lang=LANGUAGE,
                config=f"--psm {psm} --dpi {dpi} {FAST_PARAGRAPHS}",
                output_type=pytesseract.Output.DICT,
            )
        except pytesseract.TesseractNotFoundError as e:
            raise OcrEngineError("Tesseract OCR is not installed on this machine") from e
        except (pytesseract.TesseractError, RuntimeError) as e:
            raise OcrEngineError(f"Tesseract failed: {e}") from e
    words: list[list[TesseractWord]] = [[] for _ in images]
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or float(data["conf"][i]) < 0:
            continue
        words[data["page_num"][i] - 1].append(
            TesseractWord(
                text=text,
                left=data["left"][i],
                top=data["top"][i],
                width=data["width"][i],
                height=data["height"][i],
                confidence=float(data["conf"][i]),
                block=data["block_num"][i],
                paragraph=data["par_num"][i],
                line=data["line_num"][i],
            )
        )
    return words
