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


# Tesseract's line pieces of real prints (bench.scan_tolerance), one piece a line (an indented line goes on the
# piece above), each word 'text x0 top x1 bottom' in pixels, words apart by ' | '. The two letterheads (200 dpi): the
# issuer and the motto read as one piece, and a letter of the motto or of the date slipped ('XÃ L HỘt CHỮ', 'hgày',
# 'tháïg').
def pieces(spec: str) -> list[list[tuple[str, tuple[int, int, int, int]]]]:
    def word(text: str) -> tuple[str, tuple[int, int, int, int]]:
        token, *box = text.rsplit(" ", 4)
        x0, top, x1, bottom = map(int, box)
        return token, (x0, top, x1, bottom)

    return [[word(w) for w in line.split(" | ")] for line in spec.strip().replace(" |\n  ", " | ").splitlines()]


HUNG_YEN_1973 = pieces(  # UBND Hưng Yên 1973/QĐ-UBND, tn-48edf4df3543bdd9.scan-random.200dpi
    """
ỦY 320 162 368 193 | BAN 378 168 450 192 | NHÂN 460 161 561 192 | DÂN 572 161 645 192 | CỘNG 764 162 866 199 |
  HÒA 873 162 954 206 | XÃ 965 162 1013 196 | L 1006 204 1017 205 | HỘt 1031 125 1082 212 | CHỮ 1110 129 1169 208 |
  NGHĨA 1190 162 1300 205 | VIỆT 1311 163 1396 200 | NAM 1405 169 1486 193
TỈNH 339 203 427 234 | HƯNG 438 208 541 234 | YÊN 553 203 625 234 | Độc 913 209 970 241 | lấƒ- 979 200 1045 242 |
  Tự 1054 210 1099 241 | do 1107 209 1162 235 | - 1146 196 1164 246 | Nạnh 1171 207 1254 248 |
  phúc 1265 208 1337 242
Số: 331 248 375 276 | 1973 391 251 469 276 | /QĐ-UBND 472 251 634 282 | Hưng 842 252 922 284 |
  Yên, 935 250 993 280 | hgày 1005 245 1081 284 | 28 1083 248 1131 285 | tháng 1130 244 1251 288 |
  11 1223 240 1254 292 | năm 1266 251 1326 277 | 2025 1336 251 1407 277
QUYẾT 748 364 884 406 | ĐỊNH 895 373 995 407
"""
)
LANG_SON_2517 = pieces(  # UBND Lạng Sơn 2517/QĐ-UBND, tn-cd5874640909d75c.fax-random.200dpi (first page)
    """
ỦY 319 161 367 192 | BAN 377 167 450 192 | NHÂN 459 161 560 192 | DÂN 571 161 644 192 | CỘNG 760 162 862 199 |
  HÒA 872 161 949 193 | XÃ 960 162 1009 193 | HỘI 1018 163 1083 199 | CHỦ 1095 162 1170 194 |
  NGHĨA 1189 157 1289 209 | VIỆT 1310 163 1391 203 | NAM 1401 169 1482 193
c 1345 203 1371 211
TỈNH 343 203 430 233 | LẠNG 441 209 540 240 | SƠN 550 207 620 234 | __ 869 204 870 207 | Độc 909 208 965 241 |
  lập 975 204 1008 241 | - 1026 204 1039 241 | Tự 1052 204 1088 241 | do 1102 200 1130 246 | - 1148 224 1158 228 |
  Hạnh 1168 200 1245 257 | phúc 1263 204 1339 241 | NG 1340 205 1405 250
Số: 330 248 374 276 | 2517 387 250 468 275 | /QĐ-UBND 469 250 633 281 | Lạng 841 251 913 283 |
  Sơn, 923 251 985 280 | ngày 998 250 1066 284 | 21 1076 251 1107 276 | tháïg 1122 251 1202 285 |
  1L 1215 253 1243 276 | năm 1259 252 1317 276 | 2025" 1329 251 1415 276
QUYẾT 744 364 880 406 | ĐỊNH 891 372 992 407
"""
)


@pytest.mark.parametrize("pieces", [HUNG_YEN_1973, LANG_SON_2517], ids=["hung-yen-1973", "lang-son-2517"])
def test_a_letterhead_with_a_slipped_motto_or_date_is_still_read_column_after_column(pieces):
    """The issuer and number first, then the motto and the date, then the title: not 'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ
    …' read straight across into the issuer."""

    def box(word):
        return word[1]

    blocks = layout.reading_blocks(layout.visual_lines(pieces, box), box, text=lambda word: word[0])
    text = "\n".join(" ".join(t for t, _ in sorted(line, key=lambda w: w[1][0])) for block in blocks for line in block)
    found = positions(text, ["uy ban nhan dan", "so:", "cong hoa xa", "tu do", "nam 2025", "quyet dinh"])
    assert -1 not in found and found == sorted(found), text
    assert "nhan dan cong hoa" not in fold(text)


HUNG_YEN_ARTICLE_3 = pieces(  # UBND Hưng Yên 1973/QĐ-UBND, tn-48edf4df3543bdd9.scan-random.200dpi, page 1
    """
Điều 315 1979 385 2007 | 3. 397 1982 422 2007 | Quyết 435 1979 522 2014 | định 533 1981 595 2012 |
  này 608 1980 657 2014 | có 670 1980 701 2007 | hiệu 714 1980 773 2013 | lực 786 1981 829 2012 |
  thi 842 1981 877 2007 | hành 890 1981 957 2007 | kể 970 1980 1002 2008 | từ 1014 1980 1044 2007 |
  ngày 1054 1981 1121 2015 | ký, 1134 1981 1179 2040 | ban 1183 1981 1238 2029 | hành, 1247 1976 1336 2034 |
  Chánh 1339 1981 1431 2036 | Văn 1445 1983 1502 2008
phòng 236 2023 325 2057 | Ủy 336 2017 378 2057 | ban 389 2023 438 2050 | nhân 451 2023 518 2050 |
  dân 529 2023 579 2050 | tỉnh; 590 2023 653 2054 | z 1227 2033 1244 2046 | ` 1343 2038 1357 2048
"""
)
NGHE_AN_5G = pieces(  # UBND Nghệ An, tn-ceb89a53c7b93f00.scan-random.100dpi (read at 250 dpi), page 2
    """
- 395 1750 408 1756 | Nâng 424 1731 520 1774 | cấp 532 1729 593 1774 | hoặc 609 1731 691 1771 |
  xây 707 1729 768 1774 | dựng 782 1731 873 1773 | mạng 888 1739 986 1773 | lõi: 1001 1730 1056 1763 |
  Đảm 1072 1730 1156 1763 | bảo 1172 1729 1235 1763 | khả 1250 1729 1312 1763 | là 1285 1802 1312 1813 |
  năng 1334 1730 1414 1805 | xử 1428 1728 1475 1763 | lý 1487 1728 1519 1771 | dữ 1533 1729 1581 1762 |
  liệu 1594 1727 1657 1768 | lớn 1673 1727 1729 1762 | và 1744 1727 1784 1761 | độ 1798 1726 1842 1767 |
  trễ 1855 1725 1901 1761
thấp 297 1783 373 1828 | của 386 1784 446 1819 | mạng 461 1793 560 1828 | 5G. 573 1785 635 1818
"""
)


@pytest.mark.parametrize("pieces", [HUNG_YEN_ARTICLE_3, NGHE_AN_5G], ids=["hung-yen-1973", "nghe-an-5g"])
def test_marks_under_a_line_do_not_pull_the_next_line_into_it(pieces):
    """A print's marks under a line, read as a word of it ('là') or stretching its words' boxes down ('ký, ban
    hành, Chánh'), made the line reach into the next one: the two were joined and read word by word in turn
    ('phòng Điều Ủy ban 3. Quyết nhân dân định tỉnh; …')."""
    lines = layout.visual_lines(pieces, lambda word: word[1])
    assert [[text for text, _ in line] for line in lines] == [[t for t, _ in piece] for piece in pieces]
