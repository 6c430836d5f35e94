"""A round seal over body text on a fax or a grey scan, where colour cannot tell it from ink, is found by its
shape (a ring of a seal's size) and its ink whitened inside its disc, leaving the darker print under it. Before,
Tesseract took the grey seal for a picture and dropped the lines beside it."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import numpy as np
import pypdfium2
import pytest
from PIL import Image

from bench import samples
from bench.ocr import count_errors, without_furniture
from bench.samples import Degradation, degrade, red_stamp
from pipeline.ocr.page import ocr_page
from pipeline.ocr.page_image import PageImage
from pipeline.ocr.preprocess import flatten_illumination, resample, seal_rings, three_class_otsu
from pipeline.read.pdf import read_pdf
from pipeline.text import nfc
from tests.paths import ROOT

REAL_LETTER = ROOT / "tests" / "corpus" / "scans" / "vht534.signed_20250510_124908.pdf"
REAL_SCAN = ROOT / "tests" / "corpus" / "scans" / "53_TB.signed_20250510_124908.pdf"  # 300 dpi, colour, red seal
SEAL_PX = 425  # 36 mm at 300 dpi, as bench.samples presses its seals
SEAL_CENTRE = (700, 1500)  # over the left half of the letter's body text, at 300 dpi
SEAL_RGB = np.array([205, 35, 45], np.float32)  # bench.samples' seal red
# A grey office scan (where the ring is looked for) and a dithered fax of the real letter (where it is also
# whitened), as bench.samples' randomized profiles draw them.
GREY = Degradation(
    dpi=200,
    blur=0.6,
    noise=4.0,
    skew=0.4,
    jpeg=60,
    dither=False,
    bleed=0.0,
    stamps=0,
    perspective=0.0,
    colour=False,
    paper=230.0,
    ink=40.0,
)
FAX = replace(GREY, jpeg=0, dither=True, noise=16.0, paper=206.0, ink=25.0)
# Measured with Tesseract 5.5 (vie), the dithered fax read whole by ocr_page: 5.41 % CER without the seal step,
# 4.49 % with it. Grey scans have their own step (``preprocess.without_grey_seals``).
MAX_FAX_CER = 0.050


def sealed_letter() -> tuple[Image.Image, str]:
    """The real letter's first page drawn by pdfium at 300 dpi with a red seal pressed over its body text, and the
    page's own text layer as poppler reads it."""
    pdf = pypdfium2.PdfDocument(REAL_LETTER)
    try:
        page = np.asarray(pdf[0].render(scale=300 / 72).to_pil().convert("RGB"), dtype=np.float32)
    finally:
        pdf.close()
    ink = red_stamp(SEAL_PX, "ỦY BAN NHÂN DÂN", seed=5) * 0.75
    x, y = SEAL_CENTRE[0] - SEAL_PX // 2, SEAL_CENTRE[1] - SEAL_PX // 2
    page[y : y + SEAL_PX, x : x + SEAL_PX] *= 1 - ink[..., None] * (1 - SEAL_RGB / 255)
    truth = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(REAL_LETTER), "-"], capture_output=True, text=True, check=True
    ).stdout
    return Image.fromarray(page.astype(np.uint8), "RGB"), nfc(truth)


def test_the_seal_is_found_where_it_was_pressed_and_nowhere_on_the_bare_page():
    sealed, _ = sealed_letter()
    for image, expected in ((sealed, 1), (sealed.crop((0, 0, sealed.width, 1200)), 0)):
        gray, sizing = resample(degrade(image, GREY, seed=3), GREY.dpi, 10**8)
        rings = seal_rings(flatten_illumination(gray), sizing.read_dpi)
        assert len(rings) == expected
    ring = seal_rings(flatten_illumination(resample(degrade(sealed, GREY, seed=3), 200, 10**8)[0]), 200)[0]
    scale = GREY.dpi / 300
    assert abs(ring.x - SEAL_CENTRE[0] * scale) < 8 and abs(ring.y - SEAL_CENTRE[1] * scale) < 12  # the skew moves it
    assert 0.9 * SEAL_PX / 2 * scale < ring.radius < 1.05 * SEAL_PX / 2 * scale


def test_three_classes_split_print_seal_and_paper():
    values = np.concatenate([np.full(100, 30), np.full(300, 160), np.full(2000, 245)]).astype(np.uint8)
    low, high = three_class_otsu(values)
    assert 30 <= low < 160 <= high < 245


@pytest.mark.ocr
def test_a_real_letter_under_a_seal_is_read_on_a_dithered_fax():
    image, truth = sealed_letter()
    page = ocr_page(PageImage(number=1, image=degrade(image, FAX, seed=3), dpi=FAX.dpi))
    errors = count_errors(without_furniture([truth]), [page.text])
    assert errors.char_errors / errors.ref_chars < MAX_FAX_CER


@pytest.mark.ocr
def test_a_signers_title_under_a_red_seal_scanned_in_grey_is_read():
    """UBND Quảng Ngãi 53/TB-UBND, its own 300-dpi scan resampled to grey at 200 dpi as ``bench.gold --dpi 200`` reads
    it: the seal, a mid grey now, covers the start of 'KT. CHỦ TỊCH', which Tesseract dropped (and the signer with it)
    until the seal was whitened."""
    scanned = read_pdf(REAL_SCAN.read_bytes())[0]
    assert isinstance(scanned, PageImage)
    grey = samples.resample(scanned.picture(), scanned.dpi, 200)
    text = ocr_page(PageImage(number=1, image=grey, dpi=200)).text
    assert "KT. CHỦ TỊCH" in text and "Trần Phước" in text
