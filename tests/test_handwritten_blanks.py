"""The letterhead's number and day written by hand (pipeline/ocr/handwritten_blanks.py), on real scans of a
People's Committee: Tesseract reads the page for real; the Vietnamese model alone read 299 as '899' and left
'Số:b3' for 53."""

from pathlib import Path

import pytest

from bench.samples import make_real_scan
from pipeline.ocr.page import ocr_page
from pipeline.read.pdf import read_pdf

SCANS = Path(__file__).resolve().parent / "corpus" / "scans"
REAL_SCANS = Path(__file__).resolve().parent / "data" / "scans"  # three more real letters (SOURCES.tsv there)


@pytest.mark.parametrize(
    ("path", "lines"),
    [
        (SCANS / "299_UB.signed_20250510_124908.pdf", ["Số: 299 /UBND-TTHC"]),
        (SCANS / "660TBUB.signed_20250219_234149.pdf", ["Số: 660 /TB-UBND"]),
        (
            REAL_SCANS / "239 TTr.signed_20250219_095936.pdf",
            ["Số: 239 /TTr-UBND", "Quảng Ngãi, ngày 20 tháng 12 năm 2024"],
        ),
        (REAL_SCANS / "53 TB.signed_20250510_124908.pdf", ["Số: 53 /TB-UBND"]),
    ],
)
def test_the_handwritten_number_and_day_are_read_as_digits(path, lines):
    first = read_pdf(path.read_bytes())[0]
    text = ocr_page(first).text.splitlines()
    for line in lines:
        assert line in text


def test_a_printed_number_and_its_symbol_are_left_as_read():
    """Seed 002's office scan: 'Số: 177-KH/ThU' is print (a number and the symbol's first part before the slash)."""
    first = read_pdf(
        (Path(__file__).resolve().parents[1] / "samples" / "scans" / "002_00dce9b8d11a3a70.office.pdf").read_bytes()
    )[0]
    assert any(line.startswith("Số: 177-KH/ThU") for line in ocr_page(first).text.splitlines())


def test_a_day_glued_between_its_labels_is_cut_where_the_month_starts(tmp_path):
    """bnt (UBND Quảng Ngãi) printed and scanned at 300 dpi as ``bench.scan_tolerance letters`` does: the e-office
    system's raised '24' glued between 'ngày' and 'tháng' is one word, 'ngày2“tháng'; counted in characters, the cut
    ended inside the '4' and the day read '2'."""
    scan = make_real_scan(SCANS / "bnt_BTTTT_Gop_y_VTCI.signed_20250510_124909.pdf", 300, tmp_path, "scan-random")
    first = read_pdf(scan.read_bytes())[0]
    assert any(line.endswith("ngày 24 tháng 01 năm 2025") for line in ocr_page(first).text.splitlines())
