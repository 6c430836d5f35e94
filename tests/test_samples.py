"""The sample generator: layout roles, ground truth, the four scan profiles, determinism."""

from __future__ import annotations

import json

import docx
import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest

from bench import samples
from bench.ocr import canonical

LETTER = """ỦY BAN NHÂN DÂN TỈNH HÀ GIANG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: 12/KH-UBND

Hà Giang, ngày 3 tháng 4 năm 2024

V/v triển khai chuyển đổi số

Kính gửi: Các sở, ban, ngành

Thực hiện **Nghị quyết số 5-NQ/TU** ngày 01/02/2024, Ủy ban nhân dân tỉnh yêu cầu các đơn vị hoàn thành việc số hóa hồ sơ trước ngày 30/6/2024.

Nơi nhận:

- Như trên;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH**

Nguyễn Văn An
"""

APPENDIX = """

**PHỤ LỤC**

Huyện	2024	2025	2026	2027	2028	2029	2030
Bắc Mê	1	2	3	4	5	6	7
Đồng Văn	1		3	4	5	6	7
"""


@pytest.fixture(scope="module")
def letter() -> samples.Sample:
    return samples.Sample("test_letter", LETTER)


def test_letterhead_is_two_columns_and_markup_is_stripped(letter):
    blocks = samples.parse_seed(LETTER)
    header = next(b for b in blocks if b.kind == "columns")
    assert [b.text for b in header.left] == [
        "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG",
        "Số: 12/KH-UBND",
        "V/v triển khai chuyển đổi số",
    ]
    assert [b.text for b in header.right] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Giang, ngày 3 tháng 4 năm 2024"]
    (page,) = letter.pages()
    assert "**" not in page.text
    assert canonical(page.text).startswith(
        "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG Số: 12/KH-UBND V/v triển khai chuyển "
        "đổi số CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Hà Giang, ngày 3 tháng 4"
    )
    assert canonical(page.text).endswith("Nơi nhận: - Như trên; - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn An")
    assert page.signature is not None


def test_wide_appendix_table_is_ruled_landscape_with_tab_rows():
    pages = samples.render_pages(LETTER + APPENDIX)
    table_page = pages[-1]
    assert table_page.width > table_page.height
    assert "Đồng Văn\t1\t\t3\t4\t5\t6\t7" in table_page.gt
    assert sum(op.kind == "rect" for op in table_page.ops) == 3 * 8


@pytest.mark.parametrize("profile", samples.PROFILES)
def test_each_profile_writes_a_pdf_with_ground_truth_per_page(letter, profile, tmp_path):
    pdf, gt = samples.make_scans(letter, profile, tmp_path)
    truth = json.loads(gt.read_text(encoding="utf-8"))
    document = pdfium.PdfDocument(pdf)
    assert len(document) == len(truth["pages"]) == 1
    assert "Nghị quyết số 5-NQ/TU" in truth["pages"][0]
    width_pt = document[0].get_width()
    image = document[0].get_objects().__next__().get_bitmap(render=False).to_pil()
    assert image.width == pytest.approx(width_pt / 72 * samples.PROFILE_DPI[profile], rel=0.01)
    assert samples.read_ground_truth(pdf) == truth["pages"]


def test_fax_is_one_bit_and_stamped_adds_red_only_on_the_signature(letter):
    page = letter.pages()[0]
    assert samples.scan(page, "fax", 1).mode == "1"
    office = np.asarray(samples.scan(page, "office", 1).convert("RGB"), dtype=int)
    stamped = np.asarray(samples.scan(page, "stamped", 1), dtype=int)
    red = stamped[..., 0] - stamped[..., 2] > 60
    ys, xs = np.nonzero(red)
    x0, y0, x1, y1 = (v * 300 / 72 for v in page.signature)
    assert red.sum() > 5000 and not (office[..., 0] - office[..., 2] > 60).any()
    assert x0 - 300 < np.median(xs) < x1 and y0 - 300 < np.median(ys) < y1 + 300


def test_a_signed_page_is_sealed_over_its_signature_before_scanning(letter):
    """``sealed`` presses the red seal where ``stamped`` scans it (over the signature block's left third), on the
    print itself, so that any profile then scans it; an unsigned page is left as it is."""
    page = letter.pages()[0]
    printed = samples.rasterize(page, 300)
    red = np.asarray(samples.sealed(printed, page, 1), dtype=int)
    red = red[..., 0] - red[..., 2] > 60
    ys, xs = np.nonzero(red)
    cx, cy = samples.seal_center(page)
    assert red.sum() > 5000 and abs(np.median(xs) - cx) < 60 and abs(np.median(ys) - cy) < 60
    unsigned = samples.Page(page.width, page.height, page.ops)
    assert samples.sealed(printed, unsigned, 1) is printed


def test_generation_is_deterministic(letter, tmp_path):
    first = [p.read_bytes() for p in samples.make_scans(letter, "photo", tmp_path / "a")]
    second = [p.read_bytes() for p in samples.make_scans(letter, "photo", tmp_path / "b")]
    assert first == second
    twin_a = samples.make_digital(letter, tmp_path / "a")
    twin_b = samples.make_digital(letter, tmp_path / "b")
    assert [p.read_bytes() for p in twin_a] == [p.read_bytes() for p in twin_b]


def test_born_digital_twins_carry_the_ground_truth_text(letter, tmp_path):
    pdf, _pdf_gt, docx_path, _docx_gt = samples.make_digital(letter, tmp_path)
    with pdfplumber.open(pdf) as opened:
        words = [w["text"] for w in opened.pages[0].extract_words()]
    assert sorted(words) == sorted(canonical(samples.read_ground_truth(pdf)[0]).split())
    paragraphs = "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs)
    assert canonical(paragraphs) == canonical(samples.read_ground_truth(docx_path)[0])
