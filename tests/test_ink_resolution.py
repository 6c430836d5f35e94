"""Resolution from the ink: a page is sized by the height of its letters when the resolution its file
declares is far off (a phone photo saying 72 dpi, a 70-dpi picture in a PDF page claiming 300)."""

from __future__ import annotations

import jiwer
import numpy as np
import pytest
from PIL import Image

from pipeline.ocr.page import ocr_page
from pipeline.ocr.page_image import PageImage
from pipeline.ocr.preprocess import INK_TRUST_RATIO, effective_dpi, ink_dpi, resample
from tests.conftest import LETTER, render_lines


@pytest.mark.parametrize("dpi", [75, 150, 300])
def test_the_ink_tells_the_resolution_of_body_text(dpi):
    page = np.asarray(render_lines(LETTER, dpi=dpi, height_in=4.0))
    assert ink_dpi(page) == pytest.approx(dpi, rel=0.25)


def test_a_declared_resolution_within_what_type_sizes_explain_is_kept():
    page = np.asarray(render_lines(LETTER, dpi=300, height_in=4.0, pt=10))
    assert effective_dpi(page, 300) == 300
    assert effective_dpi(page, 300 * INK_TRUST_RATIO * 1.5) != 300 * INK_TRUST_RATIO * 1.5


def test_a_blank_page_keeps_its_declared_resolution():
    assert ink_dpi(np.full((1000, 800), 255, np.uint8)) is None
    gray, dpi = resample(Image.new("L", (800, 1000), 255), 70, max_pixels=25_000_000, judge_ink=True)
    assert dpi == 250 and gray.shape[1] == round(800 * 250 / 70)


@pytest.mark.ocr
def test_a_70_dpi_page_declared_as_300_dpi_is_upscaled_and_read():
    text = LETTER[2:5]
    page = render_lines(text, dpi=300, height_in=3.0)
    photo = page.resize((page.width * 70 // 300, page.height * 70 // 300), Image.LANCZOS)
    read = ocr_page(PageImage(number=1, image=photo, dpi=300))
    assert jiwer.cer(" ".join(text), " ".join(read.text.split())) < 0.03
    assert read.width == pytest.approx(photo.width * 72 / 300, rel=0.01)  # boxes stay in the page's declared size
