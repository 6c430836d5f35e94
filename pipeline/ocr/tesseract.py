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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace

import numpy as np
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
# Cutting a page into bands for threads (``band_cuts``): a row is blank with ink on at most BLANK_ROW_INK of its
# width (a fax's specks), a cut falls in a blank gap at least MIN_GAP_IN high where the ink above it is within
# BAND_INK_SLACK of its band's share, no band is lower than MIN_BAND_IN, and each band is read with BAND_MARGIN_IN
# of white paper above and below. Measured on fax-random's first pages: cut on any blank row with no margin, the
# line under the cut of a 100-dpi dithered page (its gaps 1-3 px) was read as junk (235 -> 464 errors); cut in a
# 0.04-in gap (between two lines), a streaked fax page's garbled paragraph was read worse (232 -> 309) and two office
# pages lost 1-2 characters, cut only in a paragraph's gap (0.1 in) none of the 15 middle pages read worse (ocrtail).
BLANK_ROW_INK = 0.002
MIN_GAP_IN = 0.1
BAND_INK_SLACK = 0.2
MIN_BAND_IN = 0.5
BAND_MARGIN_IN = 0.1
# A band is read alone only when it holds text lines and nothing else: at least MIN_BAND_LINES runs of inked rows,
# none taller than MAX_LINE_IN. A signature, a seal or a picture (a taller run) is dropped as a picture by the whole
# page's layout but read as junk in a band of its own (ocrspeed: ``vht507`` p2 25 -> 80 errors at 300 dpi).
MIN_BAND_LINES = 2
MAX_LINE_IN = 0.35


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
_pool = SimpleNamespace()


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


def recognize_words(image: Image.Image, *, psm: int = 3, dpi: int = 300, bands: int = 1) -> list[TesseractWord]:
    """Tesseract's words with boxes, confidences and block/paragraph/line numbers, in reading order. With ``bands``
    above 1 the page is cut across at blank rows (``band_cuts``) and its bands read at once on as many threads (the
    C API lets go of the GIL while it reads): a page read alone, the last of an odd number or a one-page letter,
    then keeps every core busy instead of one. Boxes stay in the page's pixels; blocks are numbered on from band
    to band."""
    cuts = band_cuts(image, bands, dpi) if bands > 1 else []
    if not cuts:
        return recognize_images([image], psm=psm, dpi=dpi)[0]
    edges = [0, *cuts, image.height]
    margin = round(BAND_MARGIN_IN * dpi)
    parts = []
    for top, bottom in pairwise(edges):  # each band on white paper, its first and last lines off the edge
        part = Image.new(image.mode, (image.width, bottom - top + 2 * margin), 255 if image.mode == "L" else 1)
        part.paste(image.crop((0, top, image.width, bottom)), (0, margin))
        parts.append(part)
    words: list[TesseractWord] = []
    for top, found in zip(edges, recognize_images(parts, psm=psm, dpi=dpi, threads=len(parts))):
        first_block = words[-1].block if words else 0
        words += [replace(w, top=w.top + top - margin, block=w.block + first_block) for w in found]
    return words


def band_cuts(image: Image.Image, bands: int, dpi: float) -> list[int]:
    """Rows at which to cut a page into ``bands`` bands of about as much ink each, every cut in the middle of a gap
    blank across the whole page and at least MIN_GAP_IN high (between lines or paragraphs, never through a line or
    its tone marks: a text line stays whole in one band), the widest such gap near the ink's share; none when the
    page has no such gap there, too little height to cut, or a band that is not text lines alone (``_only_text_lines``)."""
    ink = np.count_nonzero(np.asarray(image.convert("L")) < 128, axis=1)
    if image.height < bands * MIN_BAND_IN * dpi or not ink.sum():
        return []
    share = np.cumsum(ink) / ink.sum()
    blank = ink <= image.width * BLANK_ROW_INK
    cuts = []
    for k in range(1, bands):
        rows = np.flatnonzero(blank & (np.abs(share - k / bands) <= BAND_INK_SLACK))
        gaps = np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1) if len(rows) else []
        widest = max(gaps, key=len, default=np.array([], int))
        if len(widest) < MIN_GAP_IN * dpi:
            return []
        cuts.append(int(widest[len(widest) // 2]))
    edges = list(pairwise([0, *cuts, image.height]))
    if not all(b - a >= MIN_BAND_IN * dpi and _only_text_lines(blank[a:b], dpi) for a, b in edges):
        return []
    return cuts


def _only_text_lines(blank: np.ndarray, dpi: float) -> bool:
    """Whether a band's inked rows make MIN_BAND_LINES runs or more, each no taller than a text line can be."""
    inked = np.flatnonzero(~blank)
    if not len(inked):
        return False
    runs = np.split(inked, np.flatnonzero(np.diff(inked) > 1) + 1)
    return len(runs) >= MIN_BAND_LINES and max(len(run) for run in runs) <= MAX_LINE_IN * dpi


def recognize_images(
    images: list[Image.Image], *, psm: int, dpi: int = 300, threads: int = 1
) -> list[list[TesseractWord]]:
    """The words of several images, each read as a page of its own by a Tesseract of this worker: ``threads``
    of them at once, each thread with its own."""
    if not images:
        return []
    engine = check_engine()

    def read(image: Image.Image) -> list[TesseractWord]:
        api = _api(engine)
        api.SetPageSegMode(psm)
        return _read(api, image, dpi)

    if threads <= 1 or len(images) == 1:
        return [read(image) for image in images]
    return list(_threads(threads).map(read, images))


def _threads(count: int) -> ThreadPoolExecutor:
    """This process's reading threads (made after a fork: a pool's threads are not carried over into a child)."""
    if getattr(_pool, "pid", None) != os.getpid() or _pool.size < count:
        _pool.executor, _pool.pid, _pool.size = ThreadPoolExecutor(count), os.getpid(), count
    return _pool.executor


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
