"""Body lines Tesseract's layout dropped (a seal taken for a picture) are read again from the ink no word covers."""

from __future__ import annotations

import pytest

from pipeline.ocr.dropped_lines import read_dropped_lines, uncovered_bands
from pipeline.ocr.tesseract import recognize_words
from pipeline.text import fold
from tests.conftest import LETTER, render_lines


@pytest.mark.ocr
def test_a_line_left_out_of_the_page_s_words_is_read_again_and_the_others_are_not():
    page = render_lines(LETTER, height_in=6.0)
    words = recognize_words(page, dpi=300)
    item = next((w.block, w.paragraph, w.line) for w in words if w.text == "1.")
    kept = [w for w in words if (w.block, w.paragraph, w.line) != item]  # as if Tesseract dropped item 1's line
    assert len(uncovered_bands(page, kept, 300)) == 1
    found = read_dropped_lines(page, kept, 300)
    text = fold(" ".join(w.text for w in found))
    assert text.startswith("1. uy ban nhan dan tinh chi dao cac so")
    assert "ngay 30/6/2024" not in text and "phan dau" not in text and "cong hoa" not in text
    assert all(w.block > max(k.block for k in kept) for w in found)


def test_a_page_whose_ink_every_word_covers_has_no_band_to_read_again():
    page = render_lines(LETTER[:2], height_in=2.0)
    assert uncovered_bands(page, recognize_words(page, dpi=300), 300) == []
