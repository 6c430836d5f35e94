"""Reading order of a real letter's two-column parts, read by Tesseract from a scan of the letter.

The letterhead (issuer and number | national motto and place and date) and the closing block ("Nơi nhận"
list | signature) are read column after column, as the text layer and the hand transcriptions read them.
Before, a centred issuer sat too close to the motto to be cut from it, a number line started a two-column
stretch that swallowed the subject (V/v) before the date, and a seal's or stamp's debris beside the list
bridged the gap, so the signature block's lines came between the list's ("- Cổng TTĐT tỉnh; …
PHÓ CHÁNH VĂN PHÒNG … - Lưu: VT")."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

from bench.samples import degrade, draw_degradation, hash_seed
from pipeline.ocr.page import ocr_page
from pipeline.ocr.page_image import PageImage
from pipeline.text import fold

REAL_SCANS = Path(__file__).resolve().parent / "data" / "scans"  # real letters (SOURCES.tsv there)
LETTER = REAL_SCANS / "bnt - BTTTT - Gop y du thao sua doi bo sung Chuong trinh VTCI.signed_20250510_124909.pdf"

# What the letter says, in the order it is read (diacritic-folded, as OCR may drop a tone mark).
LETTERHEAD = [
    "uy ban nhan dan",
    "so: 507",
    "cong hoa xa hoi",
    "doc lap",
    "ngay 24 thang 01",
    "2269/qd-ttg ve",  # the subject's second line (V/v), below the date
    "kinh gui",
]
CLOSING = [
    "noi nhan",
    "pct ubnd tinh",
    "vpub: cvp",
    "cong ttdt tinh",
    "luu: vt",
    "tl. chu tich",
    "kt. chanh van phong",
    "phung to long",
]


def scanned(pdf: Path, dpi: int, tmp_path: Path) -> PageImage:
    """The letter's first page drawn by poppler and scanned at ``dpi`` by the bench's own draw for it
    (``bench.samples.make_real_scan``: paper, ink, blur, noise, JPEG, seals)."""
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    seed = hash_seed(f"{pdf.name}:{dpi}")
    with Image.open(next(tmp_path.glob("page-*.png"))) as print_300:
        image = degrade(print_300, draw_degradation("scan-random", seed, dpi), seed)
    return PageImage(number=1, image=image, dpi=dpi)


def positions(text: str, phrases: list[str]) -> list[int]:
    folded = fold(text)
    return [folded.find(phrase) for phrase in phrases]


@pytest.mark.parametrize("dpi", [200, 300])
def test_letterhead_and_closing_block_are_read_column_after_column(dpi, tmp_path):
    text = ocr_page(scanned(LETTER, dpi, tmp_path)).text
    for phrases in (LETTERHEAD, CLOSING):
        found = positions(text, phrases)
        assert -1 not in found, [p for p, at in zip(phrases, found) if at < 0]
        assert found == sorted(found), [p for _, p in sorted(zip(found, phrases))]
