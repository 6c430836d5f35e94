"""Body lines Tesseract's layout dropped (a seal taken for a picture) are read again from the ink no word covers."""

from __future__ import annotations

import pytest

from pipeline.ocr.dropped_lines import read_dropped_lines, text_words, uncovered_bands
from pipeline.ocr.tesseract import TesseractWord, recognize_words
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


def _word(text: str, height: int, confidence: float = 90.0, left: int = 500) -> TesseractWord:
    return TesseractWord(
        text, left=left, top=0, width=10 * len(text), height=height, confidence=confidence, block=1, paragraph=1, line=1
    )


def test_a_photo_s_edge_and_shadow_strokes_are_not_kept_and_a_dropped_line_is():
    # psm 6 on the bands of photo-random seeds 000 and 001 (page words' median height 31-35 px at 230-250 dpi)
    edge = [_word("|", 76, 96.6), _word("{", 69, 75.1), _word("¬", 4, 61.5), _word("-", 5, 71.1), _word("HH", 19, 4.5)]
    line = [
        _word("Tuy", 30),
        _word("nhiên,", 36),
        _word("hiện", 38),
        _word("nay", 24),
        _word("2024", 30),
        _word("một", 4, 94.1),
    ]
    assert text_words(edge, line_height=33, columns=(0, 2000)) == []
    assert text_words(edge + line, line_height=33, columns=(0, 2000)) == line


def test_a_word_beyond_the_page_s_words_left_and_right_edges_is_not_kept():
    # fax-random seed 000 p3, a 100-dpi landscape page: 'bÀ' read at the paper's left edge, 'Ñ' at its right
    edges = [_word("bÀ", 42, 61.2, left=3), _word("Ñ", 25, 51.8, left=2787), _word("có", 30, 83.7, left=300)]
    assert text_words(edges, line_height=33, columns=(40, 2700)) == edges[2:]


def test_a_band_whose_words_are_not_vietnamese_is_not_kept():
    junk = [_word("Mềm", 33), _word("xzq", 33), _word("ktrw", 30), _word("llI", 35)]
    assert text_words(junk, line_height=33, columns=(0, 2000)) == []
    # the dictionary holds every single letter: they are no sign of a line (fax-random seed 000 p3, at the edge)
    assert text_words([_word("b", 30, 80.8), _word("Ñ", 25, 51.8)], line_height=25, columns=(0, 2000)) == []
