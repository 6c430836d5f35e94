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
from pipeline.ocr import reading_order as layout
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


def test_a_blot_read_as_a_tall_word_does_not_pull_the_next_line_into_its_own():
    """Boxes of a 100-dpi print of UBND Quảng Ngãi 11/TB-UBND read at 250 dpi: the subject's first line ends in a
    blot Tesseract read as a word three lines tall ('nhe'); the line under it stays a line of its own, in order."""
    first = [("Kết", (424, 582, 495, 628)), ("luận", (511, 592, 598, 636)), ("của", (604, 593, 684, 658))]
    first += [("Phó", (701, 592, 777, 628)), ("Chủ", (792, 593, 876, 628)), ("tịch", (893, 593, 968, 637))]
    first += [("UBND", (984, 593, 1118, 629)), ("tỉnh", (1134, 593, 1214, 628)), ("Võ", (1229, 592, 1286, 657))]
    first += [("Phiên", (1300, 592, 1419, 628)), ("tại", (1434, 593, 1483, 637)), ("cuộc", (1498, 593, 1591, 644))]
    first += [("nhe", (1704, 535, 1812, 697))]
    second = [("báo", (408, 648, 480, 684)), ("cáo", (495, 648, 561, 684)), ("về", (577, 639, 620, 714))]
    second += [("tình", (636, 648, 716, 684)), ("hình", (731, 648, 821, 684)), ("thực", (837, 649, 929, 693))]
    second += [("hiện", (945, 648, 1030, 693)), ("công", (1045, 648, 1140, 693)), ("tác", (1155, 648, 1216, 684))]
    second += [("cổ", (1229, 638, 1272, 684)), ("phần", (1288, 639, 1390, 693)), ("hóa", (1406, 648, 1477, 684))]
    second += [("Công", (1492, 648, 1601, 701))]
    lines = layout.visual_lines([first, second], lambda word: word[1])
    assert [[text for text, _ in line] for line in lines] == [[t for t, _ in first], [t for t, _ in second]]
