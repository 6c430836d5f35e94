"""The one place that calls Tesseract: its C API through tesserocr, with the ``vie`` model loaded
once per worker and kept for every page and table cell it reads.

Why the C API: the CLI loaded the model and wrote every image to a file for each run, and a
signal in one multi-image run took every page of the run with it (a 14-page fax lost whole to
``Tesseract failed: (-8, 'Page 0 : …pnm Page 1 : …pnm')``). Measured on the same six
preprocessed office pages, two busy cores: 2.99 → 2.07 s a page. The tesserocr wheel carries
its own libtesseract (5.5), built without OpenMP, so each worker is single-threaded without
setting ``OMP_THREAD_LIMIT``; vanban parallelises across pages in worker processes
(``pipeline/ocr/workers.py``). The language data is Debian's (``tesseract-ocr-vie``).

Always ``vie`` alone: ``vie+eng`` lets the English model win on short words and strips
their diacritics. ``check_engine`` is the start-up check: it raises ``OcrEngineUnavailable``
before any page is processed when the engine or the model is missing.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image

from pipeline.errors import OcrEngineUnavailable
from pipeline.messages import t
from pipeline.settings import settings

LANGUAGE = "vie"
# Handwritten digits: on the pen-written numbers and days of 12 real scanned letters (their blanks cut out and
# cleaned), ``vie`` restricted to digits read 5 of 23 right, ``eng`` restricted to digits 12, wrong on 4.
DIGITS_LANGUAGE = "eng"
# The LSTM models of tessdata(_fast), which Debian ships as tesseract-ocr-vie, need Tesseract 4 or later.
MIN_VERSION = (4, 0)
TESSDATA_FOLDERS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
# Paragraphs found from the layout alone, not again after recognition: the same words in the same
# lines and order on the sample pages, ~0.06 s less per page (measured on four 200-300 dpi pages).
VARIABLES = {"paragraph_text_based": "0"}


class OcrEngineError(RuntimeError):
    """Tesseract failed on one image: the page is tried again with other preparation, then kept empty with an
    issue."""


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


@dataclass(frozen=True)
class Engine:
    """The OCR engine found by ``check_engine``: Tesseract's version and the folder its ``vie`` model is read from."""

    version: str
    tessdata: str


@lru_cache(maxsize=1)
def check_engine() -> Engine:
    """Tesseract (the library tesserocr wraps) and its ``vie`` model, checked once per process before any page is
    read: a missing engine must stop the watcher, not make every scan look unreadable."""
    try:
        import tesserocr
    except ImportError as e:
        raise OcrEngineUnavailable(t("engine.no_library", error=e)) from e
    version = tesserocr.tesseract_version().split()[1]
    if tuple(int(n) for n in re.findall(r"\d+", version)[:2]) < MIN_VERSION:
        raise OcrEngineUnavailable(t("engine.too_old", version=version))
    tessdata = _tessdata()
    if tessdata is None:
        raise OcrEngineUnavailable(t("engine.no_model"))
    engine = Engine(version=version, tessdata=tessdata)
    try:
        _api(engine)
    except RuntimeError as e:
        raise OcrEngineUnavailable(t("engine.bad_model", version=version, tessdata=tessdata)) from e
    return engine


def _tessdata() -> str | None:
    """The folder holding vie.traineddata: the setting when given, else the first usual place that has it."""
    configured = settings().tessdata
    folders = [str(configured)] if configured else TESSDATA_FOLDERS
    for folder in folders:
        if (Path(folder) / f"{LANGUAGE}.traineddata").is_file():
            return folder.rstrip("/") + "/"
    return None


_local = threading.local()


def _api(engine: Engine):
    """This worker's Tesseract, the model loaded once (0.1 s) and kept. One per thread, and a fresh one in a forked
    process: an API object is not shared across threads or carried over a fork."""
    import tesserocr

    if getattr(_local, "pid", None) != os.getpid():
        _local.api = tesserocr.PyTessBaseAPI(path=engine.tessdata, lang=LANGUAGE, variables=VARIABLES)
        _local.pid = os.getpid()
    return _local.api


def _digits_api(engine: Engine):
    """This worker's Tesseract for one handwritten line of digits: the English model (Debian installs it with
    Tesseract; ``vie`` when it is missing) restricted to the ten digits, as one text line."""
    import tesserocr

    if getattr(_local, "digits_pid", None) != os.getpid():
        lang = DIGITS_LANGUAGE if (Path(engine.tessdata) / f"{DIGITS_LANGUAGE}.traineddata").is_file() else LANGUAGE
        api = tesserocr.PyTessBaseAPI(path=engine.tessdata, lang=lang, psm=tesserocr.PSM.SINGLE_LINE)
        api.SetVariable("tessedit_char_whitelist", "0123456789")
        _local.digits_api, _local.digits_pid = api, os.getpid()
    return _local.digits_api


def recognize_digits(image: Image.Image, dpi: int = 300) -> tuple[str, float]:
    """The digits of one line written by hand (a letterhead's number or day) and Tesseract's confidence."""
    api = _digits_api(check_engine())
    image = image if image.mode in ("1", "L") else image.convert("L")
    api.SetImage(image)
    api.SetSourceResolution(dpi)
    return (api.GetUTF8Text() or "").strip(), float(api.MeanTextConf())


def recognize_words(image: Image.Image, *, psm: int = 3, dpi: int = 300) -> list[TesseractWord]:
    """Tesseract's words with boxes, confidences and block/paragraph/line numbers, in reading order."""
    return recognize_images([image], psm=psm, dpi=dpi)[0]


def recognize_images(images: list[Image.Image], *, psm: int, dpi: int = 300) -> list[list[TesseractWord]]:
    """The words of several images, each read as a page of its own by this worker's Tesseract."""
    if not images:
        return []
    api = _api(check_engine())
    api.SetPageSegMode(psm)
    return [_read(api, image, dpi) for image in images]


def _read(api, image: Image.Image, dpi: int) -> list[TesseractWord]:
    """One image through Tesseract; its words from the result iterator, numbered as Tesseract's TSV numbers them."""
    from tesserocr import RIL

    if image.mode not in ("1", "L"):
        image = image.convert("L")
    pixels = image.tobytes()  # Tesseract reads this buffer without copying it: keep it alive until recognized
    if image.mode == "1":  # packed bits, 1 = white, as PIL stores them and Tesseract takes them
        api.SetImageBytes(pixels, image.width, image.height, 0, (image.width + 7) // 8)
    else:
        api.SetImageBytes(pixels, image.width, image.height, 1, image.width)
    api.SetSourceResolution(dpi)
    if not api.Recognize():
        raise OcrEngineError(f"Tesseract could not read a {image.width}x{image.height} image")
    iterator = api.GetIterator()
    words: list[TesseractWord] = []
    block = paragraph = line = 0
    while iterator is not None and not iterator.Empty(RIL.BLOCK):
        if iterator.Empty(RIL.WORD):
            if not iterator.Next(RIL.WORD):
                break
            continue
        if iterator.IsAtBeginningOf(RIL.BLOCK):
            block, paragraph, line = block + 1, 0, 0
        if iterator.IsAtBeginningOf(RIL.PARA):
            paragraph, line = paragraph + 1, 0
        if iterator.IsAtBeginningOf(RIL.TEXTLINE):
            line += 1
        text = (iterator.GetUTF8Text(RIL.WORD) or "").strip()
        if text:
            left, top, right, bottom = iterator.BoundingBox(RIL.WORD)
            words.append(
                TesseractWord(
                    text=text,
                    left=left,
                    top=top,
                    width=right - left,
                    height=bottom - top,
                    confidence=float(iterator.Confidence(RIL.WORD)),
                    block=block,
                    paragraph=paragraph,
                    line=line,
                )
            )
        if not iterator.Next(RIL.WORD):
            break
    return words
