"""The last page of a document read in bands on two threads (``pipeline.ocr.bands``): cut only at blank
gaps between lines, the words put back where they stand on the page, the same text as the page read whole."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from pipeline.ocr import page as ocr
from pipeline.ocr.bands import band_cuts
from pipeline.ocr.page_image import PageImage
from pipeline.ocr.preprocess import binarize, preprocess
from tests.conftest import LETTER, render_lines


def one_bit(ink_rows: list[tuple[int, int]], height: int = 1000, width: int = 400) -> Image.Image:
    """A 1-bit page with full-width ink between each (top, bottom) pair of rows."""
    paper = np.ones((height, width), bool)
    for top, bottom in ink_rows:
        paper[top:bottom] = False
    return Image.fromarray(paper)


def test_a_page_is_cut_in_the_blank_gap_that_halves_its_ink():
    page = one_bit([(100, 130), (160, 190), (400, 430), (460, 490)])
    (cut,) = band_cuts(page, 2, dpi=200)
    assert 190 <= cut < 400  # in the gap between the second and third lines, not between a line and its marks


def test_a_gap_thinner_than_the_space_between_lines_is_not_cut():
    # 5 px at 200 dpi is the space between a letter and its tone mark, not between two lines.
    assert band_cuts(one_bit([(100, 300), (305, 500)]), 2, dpi=200) == []


def test_a_page_whose_ink_is_nearly_all_on_one_side_of_every_gap_is_read_whole():
    assert band_cuts(one_bit([(100, 600), (900, 905)]), 2, dpi=200) == []


@pytest.mark.ocr
def test_a_page_read_in_bands_reads_as_the_page_read_whole(configure):
    configure()
    page = PageImage(number=1, image=render_lines(LETTER[:6], height_in=5.0), dpi=300)
    gray, sizing = preprocess(page.picture(), page.dpi, 40_000_000)
    assert band_cuts(binarize(gray), 2, sizing.read_dpi)  # the page is really cut
    whole, banded = ocr.ocr_page(page), ocr.ocr_page(page, threads=2)
    assert banded.text == whole.text
    for a, b in zip(banded.words, whole.words):  # the lower band's words put back where they stand
        assert np.allclose(a.bbox, b.bbox, atol=1.0)
