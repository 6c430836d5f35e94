"""The signer's name beside the seal read again (pipeline/ocr/signature_name.py), on real letters of UBND Quảng Ngãi
printed and scanned as ``bench.scan_tolerance letters`` does: Tesseract reads the page for real. Read with the rest
of the page, 'Phùng Tô Long' under 'KT. CHÁNH VĂN PHÒNG' was dropped with the seal's block on both letters."""

from pathlib import Path

import pytest

from bench.samples import make_real_scan
from pipeline.ocr.page import ocr_page
from pipeline.read.pdf import read_pdf

SCANS = Path(__file__).resolve().parent / "corpus" / "scans"


@pytest.mark.parametrize(
    ("letter", "dpi", "profile"),
    [
        ("vht534.signed_20250510_124908.pdf", 100, "scan-random"),
        ("bnt_BTTTT_Gop_y_VTCI.signed_20250510_124909.pdf", 100, "scan-random"),
    ],
)
def test_the_name_under_the_seal_is_read_again(tmp_path, letter, dpi, profile):
    scan = make_real_scan(SCANS / letter, dpi, tmp_path, profile)
    last = read_pdf(scan.read_bytes())[-1]
    assert "Phùng Tô Long" in ocr_page(last).text.splitlines()
