"""The text layer on real generated files: text encodings, DOCX, born-digital and scanned PDFs,
images, ruled tables and every kind of bad input. Tesseract runs for real on a few small pages."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jiwer
import pytest
from PIL import Image

from pipeline import messages
from pipeline.errors import UnreadableDocument
from pipeline.ocr.page import PageImage, ocr_page, ocr_pages
from pipeline.read.load import load_document
from pipeline.read.pdf import MIN_TEXT_QUALITY, text_quality
from schemas.document import TextSource
from tests.conftest import (
    LETTER,
    TABLE,
    pdf_with_scans,
    pdf_with_text,
    png_header_only,
    register_font,
    render_lines,
    render_table,
)

REPO = Path(__file__).resolve().parents[1]


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate with line breaks and runs of spaces counted as one space."""

    def flat(s: str) -> str:
        return " ".join(unicodedata.normalize("NFC", s).split())

    return jiwer.cer(flat(reference), flat(hypothesis))


def strip_diacritics(s: str) -> str:
    """What a scanner's non-Vietnamese OCR layer looks like: letters without their marks."""
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


def to_cp1258(s: str) -> bytes:
    """Windows-1258 has precomposed vowels with hats but tone marks only as combining bytes."""
    out = b""
    for ch in s:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            head = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b"))
            out += head.encode("cp1258") + "".join(m for m in marks if m not in "\u0302\u0306\u031b").encode("cp1258")
    return out


def assert_offsets_exact(doc) -> None:
    for page in doc.pages:
        assert doc.text[page.start : page.end] == page.text
        for word in page.words:
            assert doc.text[word.start : word.end] == word.text


# ---------------------------------------------------------------------------------------------
# Text files
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"])
def test_text_files_in_every_encoding_come_back_as_nfc(tmp_path, encoding):
    text = "\n".join(LETTER)
    data = to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    path = tmp_path / "letter.txt"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.media_type == "text/plain"
    assert doc.pages[0].source == TextSource.plain
    assert unicodedata.is_normalized("NFC", doc.text)
    assert cer(text, doc.text) == 0
    if encoding == "cp1258":
        assert doc.encoding_repaired == "Windows-1258"


def test_legacy_tcvn3_text_is_repaired(tmp_path):
    table = json.loads((REPO / "pipeline" / "text" / "data" / "legacy_encodings.json").read_text(encoding="utf-8"))[
        "TCVN3"
    ]
    to_tcvn3 = {unicode: legacy for legacy, unicode in table.items()}
    text = LETTER[2] + "\n" + LETTER[5]  # TCVN3 has no toned capitals: these lines have none
    path = tmp_path / "vntime.txt"
    path.write_bytes("".join(to_tcvn3.get(c, c) for c in text).encode("latin-1"))
    doc = load_document(path)
    assert doc.encoding_repaired == "TCVN3"
    assert cer(text, doc.text) == 0


def test_type_is_judged_by_content_not_extension(tmp_path):
    pdf = pdf_with_text(tmp_path / "x.pdf", LETTER)
    disguised = tmp_path / "cong_van.txt"
    disguised.write_bytes(pdf.read_bytes())
    assert load_document(disguised).media_type == "application/pdf"


# ---------------------------------------------------------------------------------------------
# DOCX and born-digital PDF
# ---------------------------------------------------------------------------------------------


def test_docx_keeps_paragraphs_and_tables_in_body_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(LETTER[2])
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(LETTER[3])
    path = tmp_path / "kh.docx"
    document.save(path)

    doc = load_document(path)
    rendering = "\n".join("\t".join(row) for row in TABLE)
    assert doc.text == f"{LETTER[2]}\n{rendering}\n{LETTER[3]}"
    assert doc.pages[0].tables[0].grid() == TABLE


def test_born_digital_pdf_reads_its_text_layer(tmp_path):
    paragraphs = LETTER * 6  # more than one page
    doc = load_document(pdf_with_text(tmp_path / "kh.pdf", paragraphs))
    assert len(doc.pages) >= 2
    assert all(p.source == TextSource.text_layer and p.quality >= MIN_TEXT_QUALITY for p in doc.pages)
    assert cer("\n".join(paragraphs), doc.text.replace("\f", "\n")) <= 0.002


def test_born_digital_pdf_table_becomes_a_grid(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    font = register_font()
    style = ParagraphStyle("body", fontName=font, fontSize=12, leading=16)
    table = Table(TABLE, style=[("GRID", (0, 0), (-1, -1), 1, "black"), ("FONTNAME", (0, 0), (-1, -1), font)])
    path = tmp_path / "bang.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(LETTER[2], style), table, Paragraph(LETTER[3], style)])
    doc = load_document(path)
    page = doc.pages[0]
    assert page.tables[0].grid() == TABLE
    rendering = "\n".join("\t".join(row) for row in TABLE)
    assert rendering in page.text
    assert page.text.index("Thực hiện") < page.text.index(rendering) < page.text.index("1. Ủy ban")


def test_two_column_footer_reads_left_column_first(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    left = ["Nơi nhận:", "- Thường trực Tỉnh ủy;", "- Sở Tài chính;", "- Lưu: VT."]
    right = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    path = tmp_path / "footer.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(register_font(), 11)
    pdf.drawString(60, 760, LETTER[5])
    for i, line in enumerate(left):
        pdf.drawString(60, 720 - 14 * i, line)
    for i, line in enumerate(right):
        pdf.drawString(330, 720 - 14 * i, line)
    pdf.save()
    doc = load_document(path)
    assert doc.text == "\n".join([LETTER[5], *left, *right])


def test_text_quality_separates_vietnamese_from_a_diacritic_less_layer():
    real = " ".join(LETTER)
    assert text_quality(real) >= 0.85
    assert text_quality(strip_diacritics(real)) < MIN_TEXT_QUALITY
    assert text_quality("CONG HOA xA HQI CilU NGHIA VIT NAM Doc lap Tu do Hanh phuc") < MIN_TEXT_QUALITY
    assert text_quality("") == 0.0


# ---------------------------------------------------------------------------------------------
# OCR (real Tesseract, small pages)
# ---------------------------------------------------------------------------------------------


@pytest.mark.ocr
def test_scanned_pdf_garbage_text_layer_page_is_ocred(tmp_path, letter_image):
    good_layer = "\n".join(LETTER)
    path = pdf_with_scans(
        tmp_path / "scan.pdf",
        [
            (letter_image, good_layer),  # a scanner layer that kept the diacritics
            (letter_image, strip_diacritics(good_layer)),  # "CONG HOA XA HOI ..." : must be OCR'd
            (letter_image, "Ký bởi: Văn phòng Ủy ban nhân dân tỉnh"),  # an e-signature overlay only
        ],
    )
    doc = load_document(path)
    first, second, third = doc.pages
    assert first.source == TextSource.text_layer and first.quality >= MIN_TEXT_QUALITY
    assert second.source == TextSource.ocr and second.quality < MIN_TEXT_QUALITY
    assert cer(good_layer, second.text) <= 0.02
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in second.text
    assert third.source == TextSource.ocr and third.quality == 0.0  # a stamp's lines are not judged as text
    assert third.text == second.text
    assert_offsets_exact(doc)


@pytest.mark.ocr
def test_png_ocr_gives_words_with_exact_offsets_and_boxes_in_points(tmp_path, letter_image):
    path = tmp_path / "scan.png"
    letter_image.save(path, dpi=(300, 300))
    doc = load_document(path)
    page = doc.pages[0]
    assert page.source == TextSource.ocr
    assert cer("\n".join(LETTER), doc.text) <= 0.02
    assert "12-NQ/TW" in doc.text
    assert len(page.words) > 50 and page.confidence > 80
    assert abs(page.width - 8.27 * 72) < 1
    assert_offsets_exact(doc)
    first = next(w for w in page.words if w.text == "CỘNG")
    x0, y0, x1, y1 = first.bbox  # drawn at 0.6 in, 0.4 in from the corner: 43 pt, 29 pt
    assert 38 < x0 < 50 and 25 < y0 < 40 and x1 > x0 and y1 > y0


@pytest.mark.ocr
def test_multipage_tiff_is_ocred_page_by_page(tmp_path):
    frames = [render_lines([line], height_in=1.0, dpi=300) for line in LETTER[:2]]
    path = tmp_path / "fax.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300), compression="tiff_lzw")
    doc = load_document(path)
    assert [p.number for p in doc.pages] == [1, 2]
    assert [p.text for p in doc.pages] == LETTER[:2]
    assert doc.text == "\f".join(LETTER[:2])
    assert_offsets_exact(doc)


@pytest.mark.ocr
def test_pages_ocr_the_same_on_any_executor():
    pages = [
        PageImage(number=n, image=render_lines([line], height_in=1.0), dpi=300)
        for n, line in enumerate(LETTER[4:6], start=1)
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        in_threads = ocr_pages(pages, executor=pool)
    assert in_threads == [ocr_page(page) for page in pages]
    assert [p.text for p in in_threads] == LETTER[4:6]


@pytest.mark.ocr
def test_ruled_table_image_comes_out_as_its_grid(tmp_path):
    path = tmp_path / "bang.png"
    render_table(TABLE).save(path, dpi=(300, 300))
    doc = load_document(path)
    page = doc.pages[0]
    assert len(page.tables) == 1
    table = page.tables[0]
    assert (table.n_rows, table.n_cols) == (len(TABLE), len(TABLE[0]))
    assert table.grid() == TABLE  # the blank cell stays blank
    assert "\n".join("\t".join(row) for row in TABLE) in page.text
    assert_offsets_exact(doc)


def test_table_photographed_on_a_dark_desk_is_found_once_without_the_sheets_edge():
    import numpy as np

    from pipeline.ocr.ruled_tables import find_ruled_tables, page_strokes

    table = np.asarray(render_table(TABLE))
    photo = np.full((table.shape[0] + 60, table.shape[1] + 60), 40, np.uint8)  # the desk
    photo[20:-20, 20:-20] = 255  # the sheet
    photo[30 : 30 + table.shape[0], 30 : 30 + table.shape[1]] = table
    grids = find_ruled_tables(page_strokes(photo, 300))
    assert len(grids) == 1
    assert (len(grids[0].rows) - 1, len(grids[0].cols) - 1) == (len(TABLE), len(TABLE[0]))


def test_a_grid_inside_a_larger_one_is_the_same_table():
    from pipeline.ocr.ruled_tables import Grid, _without_overlaps

    outer = Grid(top=100, left=100, bottom=900, right=900, rows=[100, 500, 900], cols=[100, 500, 900])
    inner = Grid(top=110, left=110, bottom=880, right=880, rows=[110, 880], cols=[110, 880])
    apart = Grid(top=1000, left=100, bottom=1200, right=900, rows=[1000, 1200], cols=[100, 900])
    assert _without_overlaps([inner, apart, outer]) == [outer, apart]


@pytest.mark.ocr
def test_several_images_are_read_in_one_tesseract_run_each_keeping_its_words():
    from pipeline.ocr.tesseract import recognize_images

    lines = LETTER[4:7]
    images = [render_lines([line], height_in=0.9) for line in lines]
    read = recognize_images(images, psm=6)
    assert len(read) == len(lines)
    for line, words in zip(lines, read):
        assert cer(line, " ".join(w.text for w in words)) <= 0.05


@pytest.mark.parametrize("dpi, read_at", [(300, 250), (600, 250), (200, 200), (150, 150), (100, 250)])
def test_pages_are_read_at_250_dpi_unless_between_140_and_250(dpi, read_at):
    from pipeline.ocr.preprocess import preprocess

    gray, sizing = preprocess(render_lines(LETTER[:2], dpi=dpi, height_in=2.0), dpi, max_pixels=25_000_000)
    assert sizing.read_dpi == read_at
    assert abs(gray.shape[1] - 8.27 * read_at) <= 1  # the page keeps its size in inches


def test_a_page_is_read_within_the_pixel_budget_whatever_its_size_says():
    from pipeline.ocr.preprocess import reading_dpi, resample

    # A 200 x 200-inch page drawn at 25 dpi would be upscaled to 250 dpi: 2.5 gigapixels.
    assert reading_dpi(5000, 5000, 25, max_pixels=25_000_000) == 25
    gray, sizing = resample(Image.new("L", (3000, 3000), 255), 30, max_pixels=4_000_000)
    assert gray.shape == (2000, 2000) and sizing.read_dpi == 20


def test_long_strokes_outside_tables_are_whitened_and_letter_strokes_kept():
    import numpy as np

    from pipeline.ocr.ruled_tables import STREAK_INCHES, blank_out, page_strokes

    page = np.full((600, 500), 255, np.uint8)
    page[100:102, 20:400] = 0  # a fax streak across the page
    page[50:500, 450:452] = 0  # a vertical one
    page[300:302, 50:80] = 0  # a dash, shorter than STREAK_INCHES at 300 dpi
    assert STREAK_INCHES * 300 > 30
    out = blank_out(page, [], page_strokes(page, 300))
    assert (out[100:102, 30:390] == 255).all() and (out[60:490, 450:452] == 255).all()
    assert (out[300:302, 50:80] == 0).all()


def test_scanned_pdf_page_is_read_at_the_scans_own_resolution(tmp_path):
    import numpy as np

    from pipeline.read.pdf import read_pdf

    fax = render_lines(LETTER, dpi=200, height_in=11.69).point(lambda v: 0 if v < 128 else 255)
    path = pdf_with_scans(tmp_path / "fax.pdf", [(fax, None)])
    (page,) = read_pdf(path.read_bytes())
    assert isinstance(page, PageImage) and round(page.dpi) == 200
    assert np.array_equal(np.asarray(page.picture()), np.asarray(fax))  # the scanner's own pixels


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------


def _encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    pdf_with_scans(path, [(Image.new("L", (100, 100), 255), None)], encrypt=StandardEncryption("mat-khau", canPrint=0))


def _broken_docx(path: Path) -> None:
    import docx

    full = path.with_suffix(".full.docx")
    document = docx.Document()
    document.add_paragraph(LETTER[0])
    document.save(full)
    path.write_bytes(full.read_bytes()[:600])


def _corrupt_pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ngarbage" * 3)


def _truncated_png(path: Path) -> None:
    full = path.with_suffix(".full.png")
    render_lines(LETTER[:1], height_in=1.0).save(full)
    path.write_bytes(full.read_bytes()[:2000])


BAD_INPUTS = {
    "empty": (lambda p: p.write_bytes(b""), "tệp rỗng"),
    "blank_text": (lambda p: p.write_bytes(b" \n\t\n"), "chỉ có khoảng trắng"),
    "tiny_binary": (lambda p: p.write_bytes(b"\x00\x01\x02"), "không hỗ trợ loại tệp này"),
    "unsupported": (lambda p: p.write_bytes(bytes(range(256)) * 40), "không hỗ trợ loại tệp này"),
    "zip_not_docx": (lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"), "tệp nén ZIP"),
    "corrupt_pdf": (_corrupt_pdf, "bị hỏng"),
    "encrypted_pdf": (_encrypted_pdf, "mật khẩu"),
    "broken_docx": (_broken_docx, "bị hỏng"),
    "truncated_png": (_truncated_png, "bị hỏng"),
    "decompression_bomb": (lambda p: p.write_bytes(png_header_only(20000, 20000)), "quá lớn"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_raises_unreadable_document_with_a_reason(tmp_path, kind):
    make, reason = BAD_INPUTS[kind]
    path = tmp_path / f"{kind}.bin"
    make(path)
    with pytest.raises(UnreadableDocument) as raised:
        load_document(path)
    assert reason in messages.reason(raised.value.reason, "vi")  # stored in English, shown in Vietnamese
    assert raised.value.path == str(path)


def test_cli_prints_one_line_and_exits_non_zero_on_bad_input(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "cli", "text", str(path)], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "tệp rỗng" in result.stderr
    assert "Traceback" not in result.stderr


SCANS = REPO / "tests" / "corpus" / "scans"
REAL_SCANS = REPO / "tests" / "data" / "scans"  # three more real letters (SOURCES.tsv there)


@pytest.mark.parametrize(
    ("path", "number", "date"),
    [
        (SCANS / "05.signed_20250517_044750.pdf", "Số: 11 /TB-UBND", "Quảng Ngãi, ngày 08 tháng 01 năm 2025"),
        (SCANS / "vht534.signed_20250510_124908.pdf", "Số: 565 /TB-UBND", "Quảng Ngãi, ngày 15 tháng 11 năm 2024"),
        (  # the day's digits touch 'ngày' and 'tháng': words of their own all the same
            REAL_SCANS / "bnt - BTTTT - Gop y du thao sua doi bo sung Chuong trinh VTCI.signed_20250510_124909.pdf",
            "Số: 507 /UBND-KGVX",
            "Quảng Ngãi, ngày 24 tháng 01 năm 2025",
        ),
    ],
)
def test_the_number_and_day_an_e_signature_stamps_are_part_of_the_text_layer(path, number, date):
    """Real letters of a People's Committee: the e-office stamps the number and the day as signature widgets
    over the letterhead's blanks; the page's own content has 'Số: /TB-UBND' and 'ngày tháng 11'."""
    document = load_document(path)
    lines = document.pages[0].text.splitlines()
    assert document.pages[0].source == TextSource.text_layer
    assert number in lines and date in lines


def test_white_paragraph_borders_are_no_table_but_ruled_tables_stay():
    """A real letter made in Word draws white lines and white boxes around its paragraphs: they are no table rules
    (its prose came out as TAB-separated cells); the black rules of a born-digital seed's tables still are."""
    letter = load_document(SCANS / "vht534.signed_20250510_124908.pdf")
    assert "\t" not in letter.text and not any(page.tables for page in letter.pages)
    assert "báo cáo Sở Lao động - Thương binh và Xã hội trước" in letter.text
    seed = load_document(REPO / "samples" / "digital" / "002_00dce9b8d11a3a70.pdf")
    assert sum(len(page.tables) for page in seed.pages) >= 7
