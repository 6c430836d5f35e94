"""The letterhead's fact lines read a second time (pipeline/ocr/letterhead_lines.py): only lines the letterhead's
grammar does not parse are read again, and a second reading is kept only when it parses further."""

import numpy as np
import pytest

from bench.samples import resampled_pdf
from bench.scan_cer import SCANS_DIR
from extractors.letterhead import issue_date
from pipeline.ocr import letterhead_lines
from pipeline.ocr.letterhead_lines import with_fact_lines_reread
from pipeline.ocr.page import ocr_page
from pipeline.ocr.tesseract import TesseractWord
from pipeline.read.pdf import read_pdf

PAGE = np.full((3000, 2000), 255, np.uint8)  # a blank page at 250 dpi: the boxes below lie in its top


def _line(*texts: str, left: int = 900, top: int = 300) -> list[TesseractWord]:
    words, x = [], left
    for text in texts:
        words.append(TesseractWord(text, x, top, 20 * len(text), 40, 90.0, 1, 1, 1))
        x += 20 * len(text) + 15
    return words


def _read_as(monkeypatch, texts: list[str]) -> list[dict]:
    """Tesseract stood in for by one that reads ``texts`` as one line; the calls it got."""
    calls: list[dict] = []

    def recognize(image, **kwargs):
        calls.append(kwargs)
        return _line(*texts, left=10, top=10)

    monkeypatch.setattr(letterhead_lines, "recognize_words", recognize)
    return calls


def test_a_line_that_parses_is_not_read_again(monkeypatch):
    calls = _read_as(monkeypatch, ["junk"])
    words = _line("Quảng", "Ngãi,", "ngày", "15", "tháng", "01", "năm", "2025")
    assert with_fact_lines_reread(words, PAGE, 250, 100, one_bit=True) == words
    assert not calls


def test_a_second_reading_that_parses_further_replaces_the_first(monkeypatch):
    calls = _read_as(monkeypatch, ["Quảng", "Ngãi,", "ngày⁄{5", "tháng", "01", "năm", "2025"])
    words = _line("Quảng", "Ngãi,", "ngày", "tháng", "01", "năm", "2025")
    again = with_fact_lines_reread(words, PAGE, 250, 100, one_bit=True)
    text = " ".join(w.text for w in again)
    assert issue_date(text[text.index("ngày") :]) == "2025-01-15"
    assert calls[0]["psm"] == 7 and calls[0]["dpi"] == letterhead_lines.REREAD_DPI
    assert all(w.block == words[0].block and w.line == words[0].line for w in again)


def test_a_second_reading_that_parses_less_is_left(monkeypatch):
    """'năm 2025' lost in the second reading: its day does not buy back the month and year."""
    _read_as(monkeypatch, ["Quảng", "Ngãi,", "ngày", "15", "tháng", "0}", "năm"])
    words = _line("Quảng", "Ngãi,", "ngày", "“#", "tháng", "01", "năm", "2025")
    assert with_fact_lines_reread(words, PAGE, 250, 100, one_bit=True) == words


def test_lines_below_the_letterhead_are_not_read_again(monkeypatch):
    calls = _read_as(monkeypatch, ["Quảng", "Ngãi,", "ngày", "15", "tháng", "01", "năm", "2025"])
    words = _line("Quảng", "Ngãi,", "ngày", "tháng", "01", "năm", "2025", top=2000)
    assert with_fact_lines_reread(words, PAGE, 250, 100, one_bit=True) == words
    assert not calls


@pytest.mark.parametrize(
    ("scan", "issued"),
    [("660TBUB.signed_20250219_234149.pdf", "2024-12-31"), ("53_TB.signed_20250510_124908.pdf", "2025-02-07")],
)
def test_a_real_scans_day_lost_at_150_dpi_one_bit_is_read_again(scan, issued):
    """UBND Quảng Ngãi's 660 and 53 thresholded at 150 dpi: the page's reading gave 'ngày 34 tháng 12' (no day)
    and 'ngày Ú† tháng 02 năm 20235' (a wrong year); the line read alone gives the handwritten 31 and 07."""
    pdf = resampled_pdf(SCANS_DIR / scan, 150, one_bit=True)
    text = ocr_page(read_pdf(pdf.read_bytes())[0]).text
    line = next(line for line in text.splitlines() if "Quảng Ngãi, ngày" in line)
    assert issue_date(line[line.index("ngày") :]) == issued
