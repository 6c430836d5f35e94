"""Test files made at test time: Vietnamese text rendered with Liberation Serif into images,
PDFs (reportlab, font embedded) and DOCX (python-docx)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.databases import BACKENDS, NO_POSTGRES, PG_URL, database

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"

# A short letter in the genre (invented wording): caps headings, a symbol broken across
# no line, outline markers, numbers with Vietnamese decimal commas.
LETTER = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Thực hiện Nghị quyết số 12-NQ/TW ngày 15/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng lực lượng "
    "Công an nhân dân thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại.",
    "1. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành xây dựng kế hoạch thực hiện trước ngày 30/6/2024.",
    "2. Phấn đấu đến năm 2025 có ít nhất 30% số phường đạt chuẩn; năm 2030 đạt 100%.",
    "Giao Sở Tài chính bố trí kinh phí, báo cáo kết quả về Thường trực Tỉnh ủy để theo dõi.",
]

TABLE = [
    ["Tỉnh", "Tổng số", "Năm 2025", "Tỷ lệ"],
    ["An Giang", "21", "6", "28,57%"],
    ["Bắc Kạn", "6", "", "50%"],
    ["Cà Mau", "10", "3", "30%"],
]


def font(size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, size_px)


def render_lines(
    lines: list[str],
    dpi: int = 300,
    pt: float = 13,
    width_in: float = 8.27,
    height_in: float = 4.0,
    wrap_chars: int = 80,
) -> Image.Image:
    """Lines of text on a white page, wrapped like a typed letter."""
    import textwrap

    image = Image.new("L", (int(width_in * dpi), int(height_in * dpi)), 255)
    draw = ImageDraw.Draw(image)
    face = font(int(pt * dpi / 72))
    y = int(0.4 * dpi)
    for paragraph in lines:
        for line in textwrap.wrap(paragraph, wrap_chars):
            draw.text((int(0.6 * dpi), y), line, font=face, fill=0)
            y += int(pt * 1.5 * dpi / 72)
    return image


def render_table(rows: list[list[str]], dpi: int = 300) -> Image.Image:
    """A ruled table, 1-px-at-100-dpi rulings, like a printed appendix."""
    col_w, row_h, margin = int(1.6 * dpi), int(0.4 * dpi), int(0.5 * dpi)
    image = Image.new("L", (2 * margin + col_w * len(rows[0]), 2 * margin + row_h * len(rows)), 255)
    draw = ImageDraw.Draw(image)
    face = font(int(11 * dpi / 72))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            x, y = margin + c * col_w, margin + r * row_h
            draw.rectangle([x, y, x + col_w, y + row_h], outline=0, width=3)
            draw.text((x + 25, y + row_h // 4), text, font=face, fill=0)
    return image


def register_font() -> str:
    """Liberation Serif registered with reportlab (the built-in PDF fonts have no Vietnamese)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("LiberationSerif", FONT))
    return "LiberationSerif"


def pdf_with_text(path: Path, paragraphs: list[str]) -> Path:
    """A born-digital PDF: reportlab paragraphs in an embedded TrueType font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    register_font()
    style = ParagraphStyle("body", fontName="LiberationSerif", fontSize=13, leading=18, spaceAfter=6)
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(p, style) for p in paragraphs])
    return path


def pdf_with_scans(path: Path, pages: list[tuple[Image.Image, str | None]], encrypt: str | None = None) -> Path:
    """A scanner's PDF: each page an image, optionally with an invisible text layer over it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    width, height = A4
    for image, hidden_text in pages:
        shown_h = width * image.height / image.width
        pdf.drawImage(ImageReader(image), 0, height - shown_h, width=width, height=shown_h)
        if hidden_text:
            text = pdf.beginText(40, height - 60)
            text.setTextRenderMode(3)  # invisible, as scanners' OCR layers are
            text.setFont(register_font(), 12)
            for line in hidden_text.split("\n"):
                text.textLine(line)
            pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims huge dimensions: what a decompression bomb looks like to a reader."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="session")
def letter_image() -> Image.Image:
    """A whole A4 page, as a scanner delivers it."""
    return render_lines(LETTER, height_in=11.69)


@pytest.fixture
def configure(monkeypatch):
    """Set VANBAN_* variables for one test, with fresh settings, engine check and OCR workers (forked after the
    test's own patches, so they carry them); everything is reset afterwards."""
    import os

    from pipeline.ocr import page, tesseract
    from pipeline.settings import settings

    def reset() -> None:
        page.worker_pool(os.getpid()).close()
        page.worker_pool.cache_clear()
        settings.cache_clear()
        tesseract.check_engine.cache_clear()

    def apply(**variables: str) -> None:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        reset()

    reset()
    yield apply
    monkeypatch.undo()
    reset()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> Iterator[str]:
    """A new, empty database on each engine the store runs on (tests/databases.py)."""
    with database(request.param, tmp_path) as url:
        yield url


def pytest_terminal_summary(terminalreporter) -> None:
    """Say it loudly when the PostgreSQL half of the suite did not run."""
    skipped = terminalreporter.stats.get("skipped", [])
    if PG_URL is None and any(NO_POSTGRES in str(r.longrepr) for r in skipped):
        terminalreporter.write_sep("!", NO_POSTGRES, red=True, bold=True)
