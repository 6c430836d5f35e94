"""Resolution from the ink: a page is sized by the height of its letters when the resolution its file
declares is far off (a phone photo saying 72 dpi, a 70-dpi picture in a PDF page claiming 300), and only
when its ink stands in rows of letters: noise, photos and blank sheets keep what their file says."""

from __future__ import annotations

import jiwer
import numpy as np
import pypdfium2
import pytest
from PIL import Image

from bench.ocr import count_errors, without_furniture
from bench.samples import read_ground_truth
from pipeline.ocr.page import ocr_page
from pipeline.ocr.page_image import PageImage
from pipeline.ocr.preprocess import INK_TRUST_RATIO, ink_dpi, print_dpi, resample
from pipeline.read.load import load_document
from tests.conftest import LETTER, render_lines
from tests.paths import ROOT
from tests.test_not_a_document import landscape, noise, portrait, salt_and_pepper

SEED = "001_efde63602c576959"
# Drawn at 75 and 100 dpi and declared 300, the page read 0.80 % and 0.45 % CER (declaring its true resolution
# 0.77 % and 0.38 %); without the ink's resolution it was refused as not a document.
LOW_RESOLUTION_MAX_CER = 0.02


@pytest.mark.parametrize("dpi", [75, 150, 300])
def test_the_ink_tells_the_resolution_of_body_text(dpi):
    page = np.asarray(render_lines(LETTER, dpi=dpi, height_in=4.0))
    assert ink_dpi(page) == pytest.approx(dpi, rel=0.25)


def test_turned_text_is_still_in_rows():
    page = render_lines(LETTER, dpi=150, height_in=4.0).rotate(4, expand=True, fillcolor=255)
    assert ink_dpi(np.asarray(page)) == pytest.approx(150, rel=0.25)


@pytest.mark.parametrize("make", [noise, salt_and_pepper, landscape, portrait])
def test_pictures_without_rows_of_letters_tell_no_resolution(tmp_path, make):
    picture = Image.open(make(tmp_path / f"{make.__name__}.jpg")).convert("L")
    assert ink_dpi(np.asarray(picture)) is None
    assert print_dpi(np.asarray(picture), 300) == (300, None)


def test_a_declared_resolution_within_what_type_sizes_explain_is_kept():
    page = np.asarray(render_lines(LETTER, dpi=300, height_in=4.0, pt=10))
    assert print_dpi(page, 300)[0] == 300
    assert print_dpi(page, 300 * INK_TRUST_RATIO * 1.5)[0] != 300 * INK_TRUST_RATIO * 1.5


def test_a_blank_page_keeps_its_declared_resolution():
    assert ink_dpi(np.full((1000, 800), 255, np.uint8)) is None
    gray, sizing = resample(Image.new("L", (800, 1000), 255), 70, max_pixels=25_000_000, judge_ink=True)
    assert (sizing.print_dpi, sizing.read_dpi, sizing.ink_dpi) == (70, 250, None)
    assert gray.shape[1] == round(800 * 250 / 70)


@pytest.mark.ocr
def test_a_70_dpi_page_declared_as_300_dpi_is_upscaled_and_read():
    text = LETTER[2:5]
    page = render_lines(text, dpi=300, height_in=3.0)
    photo = page.resize((page.width * 70 // 300, page.height * 70 // 300), Image.LANCZOS)
    read = ocr_page(PageImage(number=1, image=photo, dpi=300))
    assert jiwer.cer(" ".join(text), " ".join(read.text.split())) < 0.03
    assert read.width == pytest.approx(photo.width * 72 / 300, rel=0.01)  # boxes stay in the page's declared size
    assert read.print_dpi == read.ink_dpi == pytest.approx(70, rel=0.25)


@pytest.mark.ocr
@pytest.mark.parametrize("dpi", [75, 100])
def test_a_seed_page_drawn_at_low_resolution_in_a_pdf_claiming_300_dpi_is_read(tmp_path, dpi):
    """The born-digital seed's first page drawn by pdfium at 75 or 100 dpi, pasted in a PDF page that says
    300 dpi (so the page is a quarter of its size), read end to end and scored as the OCR bench scores it."""
    pdf = pypdfium2.PdfDocument(ROOT / "samples" / "digital" / f"{SEED}.pdf")
    try:
        picture = pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    path = tmp_path / "cong_van_chup.pdf"
    picture.save(path, "PDF", resolution=300.0, quality=90)
    page = load_document(path).pages[0]
    reference = without_furniture(read_ground_truth(ROOT / "samples" / "scans" / f"{SEED}.office.pdf"))[:1]
    errors = count_errors(reference, [page.text])
    assert errors.char_errors / errors.ref_chars < LOW_RESOLUTION_MAX_CER
    assert page.print_dpi == page.ink_dpi == pytest.approx(dpi, rel=0.25)
