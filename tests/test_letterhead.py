"""extractors/letterhead.py and the metadata read from it: the two-column letterhead rebuilt from each
form real documents arrive in — a web page's table cut into fragments after a portal's summary, a
markdown table row flattened into one line, OCR that glues the columns or slips on the handwritten day."""

from __future__ import annotations

from pathlib import Path

from extractors import letterhead, metadata
from pipeline.read.load import load_document
from pipeline.text.segment import segment
from schemas.document import Document, Page, TextSource


def seg_of(tmp_path: Path, text: str, name: str = "doc.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return segment(load_document(path))


def meta_of(tmp_path: Path, text: str, name: str = "doc.md"):
    return metadata.extract(seg_of(tmp_path, text, name))


# A web page: the portal's summary first, then the letterhead's table hard-wrapped into fragments.
WEB_PAGE = """|
|
**Số hiệu:**
|
45/KH-UBND
|
**Nơi ban hành:**
|
Tỉnh Quảng Trị
|
**Tình trạng:**
|
Đã biết
|
|
**UBND TỈNH QUẢNG TRỊ
**
SỞ Y TẾ
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
45/KH-SYT
|
*Thành phố Đông
Hà, ngày 14 tháng 3 năm 2025*
|

** **

**KẾ HOẠCH**

TRIỂN
KHAI TIÊM CHỦNG MỞ RỘNG NĂM 2025 TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ

*Căn cứ Quyết định số 12/QĐ-BYT ngày 05/01/2025 của Bộ Y tế;*

Sở Y tế ban hành Kế hoạch như sau:

**I. MỤC ĐÍCH**

Bảo đảm tiêm chủng đầy đủ cho trẻ em.

|
Nơi nhận:
- Bộ Y tế;
- Lưu: VT.
|
KT. GIÁM ĐỐC **
PHÓ GIÁM ĐỐC
**Lê
Thị Minh Hoa
|
"""


def test_web_page_table_in_fragments_after_a_portal_summary(tmp_path):
    lh = letterhead.read(seg_of(tmp_path, WEB_PAGE))
    assert lh.anchored and lh.lines[0].text.startswith("UBND")  # the portal's summary is left out
    m = meta_of(tmp_path, WEB_PAGE)
    assert (m.kind, m.number, m.issued_on) == ("Kế hoạch", "45/KH-SYT", "2025-03-14")
    assert m.place == "Thành phố Đông Hà"  # a place wrapped inside its cell
    assert m.issuer == "Sở Y tế tỉnh Quảng Trị"
    assert m.subject == "Triển khai tiêm chủng mở rộng năm 2025 trên địa bàn tỉnh Quảng Trị"
    assert m.jurisdiction.province == "Quảng Trị"
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Lê Thị Minh Hoa", "Phó Giám đốc", "KT. Giám đốc")
    assert m.evidence["number"].quote.endswith("45/KH-SYT")


FLAT_TABLE = """*Source: https://example.vn/cong-van-12*

# V/v hướng dẫn kiểm tra an toàn thực phẩm

| UBND TỈNH BÌNH ĐỊNH SỞ Y TẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 12/SYT-NVY V/v hướng dẫn kiểm tra an toàn thực phẩm | Bình Định, ngày 05 tháng 02 năm 2013 |

Kính gửi: Các cơ sở y tế trên địa bàn tỉnh

Thực hiện Kế hoạch số 3/KH-UBND ngày 02/01/2013 của UBND tỉnh, Sở Y tế hướng dẫn như sau.

| Nơi nhận: - Như trên; - Lưu: VT. | KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Nam |
|---|---|
"""


def test_markdown_table_rows_flattened_into_one_line(tmp_path):
    m = meta_of(tmp_path, FLAT_TABLE)
    assert (m.kind, m.number, m.issued_on, m.place) == ("Công văn", "12/SYT-NVY", "2013-02-05", "Bình Định")
    assert m.issuer == "Sở Y tế tỉnh Bình Định"  # parent and unit flattened into one cell
    assert m.subject == "V/v hướng dẫn kiểm tra an toàn thực phẩm"
    assert m.evidence["subject"].quote == "V/v hướng dẫn kiểm tra an toàn thực phẩm"
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Trần Văn Nam", "Phó Giám đốc", "KT. Giám đốc")


def test_ocr_glued_columns_and_a_misread_handwritten_day(tmp_path):
    m = meta_of(
        tmp_path,
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI\nSố: 88 /TB-UBND\n"
        "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày⁄{Š tháng 3 năm 2025\nTHÔNG BÁO\n"
        "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Sơn Tịnh\n"
        "Ngày 10/3/2025, Chủ tịch UBND tỉnh đã làm việc với huyện Sơn Tịnh.\n",
        "scan.txt",
    )
    assert m.issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"  # not merged with the motto beside it
    assert m.number == "88/TB-UBND"
    assert m.issued_on == "2025-03-15"  # '{' and 'Š' are the only look-alikes of 1 and 5
    assert m.subject == "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Sơn Tịnh"


def test_a_motto_word_split_by_the_text_layer(tmp_path):
    """vht507, a real born-digital letter: pdfplumber splits the spaced-out 'CỘNG' of the motto glued to the body."""
    m = meta_of(
        tmp_path,
        "ỦY BAN NHÂN DÂN CỘ NG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 542 /TB-UBND\nQuảng Ngãi, ngày 06 tháng 11 năm 2024\nTHÔNG BÁO\n"
        "Về việc tham dự Hội nghị đánh giá Chương trình mục tiêu quốc gia\n"
        "Thực hiện Công văn số 2003/UBDT-VPCTMTQG ngày 01/11/2024 của Ủy ban Dân tộc.\n",
        "letter.txt",
    )
    assert m.issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert (m.number, m.issued_on) == ("542/TB-UBND", "2024-11-06")


def segment_ocr(text: str):
    """A page's text as OCR hands it over (no text file's tidying), segmented."""
    page = Page(number=1, text=text, source=TextSource.ocr)
    return segment(Document(path="scan.pdf", sha256="0", media_type="application/pdf", pages=[page]).with_offsets())


def ocr_meta(text: str):
    """The metadata of a page's text as OCR hands it over."""
    return metadata.extract(segment_ocr(text))


def test_a_subject_over_an_ocr_speck_and_a_v_v_line_ending_on_cua():
    """Real scans (01 TTr, 575 UB): a line of specks OCR read between a title's lines ('„') is no blank line, and
    a V/v line ending on 'của' goes on to its next line in capitals ('Chính phủ')."""
    title = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 01 /TTr-UBND\nQuảng Ngãi, ngày 06 tháng 01 năm 2025\nTỜ TRÌNH\nVề việc miễn nhiệm chức danh Ủy viên\n„\n"
        "Ủy ban nhân dân tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026\nKính gửi: Hội đồng nhân dân tỉnh\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
    )
    assert title.subject == "Về việc miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026"
    letter = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 575 /UBND-KTTH\nV/v tham gia ý kiến các dự thảo Nghị định của\nChính phủ\n"
        "Quảng Ngãi, ngày 04 tháng 02 năm 2025\nKính gửi: Sở Tài chính\n"
        "Theo đề nghị của Bộ Tài chính tại nội dung các Công văn: Số 1060/BTC-QLGCS ngày 23/01/2025.\n"
    )
    assert letter.subject == "V/v tham gia ý kiến các dự thảo Nghị định của Chính phủ"


def test_unreadable_day_gives_no_date():
    # the contract's issued_on is a whole date: a month alone is none
    assert letterhead.issue_date(" ngày ?? tháng 11 năm 2024") is None
    assert letterhead.issue_date(" ngày tháng 01 năm 2025") is None
    assert letterhead.issue_date(" ngày 3l tháng 12 năm 2024") == "2024-12-31"
    assert letterhead.issue_date(" ngày 21 tháng 11 năm 2025") == "2025-11-21"
    # real scans: a handwritten '15' read '{5' is repaired; a handwritten '04' read '{' alone is no day
    assert letterhead.issue_date(" ngày{5' tháng 01 năm 2025") == "2025-01-15"
    assert letterhead.issue_date(" ngày {tháng 02 năm 2025") is None
    # 53 TB: a handwritten '07', its 7 crossed as Vietnamese hands write it, read '0†'
    assert letterhead.issue_date(" ngày 0† tháng 02 năm 2025") == "2025-02-07"


def test_ocr_left_column_read_before_the_motto(tmp_path):
    """OCR reads the left column first: body, Số, V/v, then the motto and the date."""
    m = meta_of(
        tmp_path,
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 299 /UBND-TTHC\nV/v công bố danh mục thủ tục hành chính\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Quảng Ngãi, ngày 15 tháng 01 năm 2025\nKính gửi:\n- Sở Giao thông vận tải;\n"
        "Thực hiện Quyết định số 1743/QĐ-BGTVT ngày 31/12/2024 của Bộ Giao thông vận tải.\n",
        "scan.txt",
    )
    assert (m.kind, m.number, m.issued_on) == ("Công văn", "299/UBND-TTHC", "2025-01-15")
    assert m.issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert m.subject == "V/v công bố danh mục thủ tục hành chính"


TELEGRAM = """|
**BỘ NÔNG NGHIỆP VÀ MÔI
TRƯỜNG**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 15/CĐ-BNNMT
|
*Hà Nội, ngày 02 tháng 10 năm 2025*
|
**CÔNG ĐIỆN**
VỀ VIỆC CHỦ ĐỘNG ỨNG PHÓ
VỚI BÃO SỐ 10 TẠI TỈNH NGHỆ AN
**BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG điện:**
- Ủy ban nhân dân tỉnh Nghệ An.
Bão số 10 đang tiến vào vùng biển tỉnh Nghệ An.
"""


def test_telegram_title_over_lines_up_to_its_addressing_line(tmp_path):
    m = meta_of(tmp_path, TELEGRAM)
    assert (m.kind, m.number, m.place) == ("Công điện", "15/CĐ-BNNMT", "Hà Nội")
    assert m.issuer == "Bộ Nông nghiệp và Môi trường"
    assert m.subject == "Về việc chủ động ứng phó với bão số 10 tại tỉnh Nghệ An"
    assert m.jurisdiction.province == "Nghệ An"  # a ministry's telegram about one province


def test_national_notice_about_two_provinces_binds_none(tmp_path):
    m = meta_of(
        tmp_path,
        "VĂN PHÒNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 70/TB-VPCP\tHà Nội, ngày 03 tháng 3 năm 2025\nTHÔNG BÁO\n"
        "Kết luận của Phó Thủ tướng tại buổi làm việc với tỉnh Gia Lai và tỉnh Kon Tum\n"
        "Ngày 25 tháng 02 năm 2025, Phó Thủ tướng đã làm việc với hai tỉnh.\n",
        "doc.txt",
    )
    assert m.issuer == "Văn phòng Chính phủ"
    assert m.jurisdiction.province is None


def test_title_glued_to_the_enacting_authority_in_one_cell(tmp_path):
    m = meta_of(
        tmp_path,
        "|\nỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n------- |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n--------------- |\n|\nSố: 301/QĐ-UBND\n|\n"
        "*Gia Lai, ngày 25 tháng 11 năm 2025* | QUYẾT ĐỊNH VỀ VIỆC CÔNG NHẬN XÃ AN TOÀN KHU "
        "TRÊN ĐỊA BÀN TỈNH GIA LAI CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI\n"
        "*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*\nQUYẾT ĐỊNH:\n",
    )
    assert m.kind == "Quyết định"
    assert m.subject == "Về việc công nhận xã an toàn khu trên địa bàn tỉnh Gia Lai"


def test_urgency_mark_and_page_heading_are_not_the_issuer(tmp_path):
    m = meta_of(
        tmp_path,
        "# V/v khẩn trương báo cáo thiệt hại do mưa lũ\n\n"
        "HỎA TỐC\nỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ YÊN\tĐộc lập - Tự do - "
        "Hạnh phúc\nSố: 77/UBND-KT\tPhú Yên, ngày 20 tháng 11 năm 2025\n"
        "V/v khẩn trương báo cáo thiệt hại do mưa lũ\n\nKính gửi: Các sở, ban, ngành\n\n"
        "Thực hiện chỉ đạo của Thủ tướng Chính phủ.\n",
    )
    assert m.issuer == "Ủy ban nhân dân tỉnh Phú Yên"
    assert (m.kind, m.subject) == ("Công văn", "V/v khẩn trương báo cáo thiệt hại do mưa lũ")


def test_cells_cut_where_the_other_column_starts():
    line = segment_line("Số: /TB-UBND Quảng Ngãi, ngày tháng 11 năm 2024")
    assert [c.text for c in letterhead.cells_of(line)] == ["Số: /TB-UBND", "Quảng Ngãi, ngày tháng 11 năm 2024"]
    line = segment_line("| BỘ Y TẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |")
    cells = letterhead.cells_of(line)
    assert [c.text for c in cells] == ["BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(line.text[c.start : c.end] == c.text for c in cells)


def segment_line(text: str):
    from pipeline.text.segment import Line

    return Line(0, len(text), text)


def test_rules_and_motto_glued_to_the_words(tmp_path):
    m = meta_of(
        tmp_path,
        "CHÍNH PHỦ___ Số: 172/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh "
        "phúc______ Hà Nội, ngày 30 tháng 6 năm 2025\n\n**NGHỊ ĐỊNH**\n\n**Quy định về xử lý kỷ luật cán bộ**\n\n"
        "*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*\n",
    )
    assert (m.issuer, m.number, m.issued_on, m.place) == ("Chính phủ", "172/2025/NĐ-CP", "2025-06-30", "Hà Nội")
    assert (m.kind, m.subject) == ("Nghị định", "Quy định về xử lý kỷ luật cán bộ")


def test_a_body_under_a_ministry_and_a_unit_under_a_department(tmp_path):
    """A ministry's department names itself alone ('Cục Thuế'); a unit with its own place under a complete
    name ('CỤC THUẾ' / 'THUẾ TỈNH VĨNH LONG') is the issuer, not the tail of the name above."""
    header = "\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\nSố: 12/CT-CS\tHà Nội, ngày 20 tháng 11 năm 2025\n"
    letter = "V/v hướng dẫn chính sách thuế\nKính gửi: Công ty A\n\nCục Thuế nhận được công văn của Công ty.\n"
    assert meta_of(tmp_path, "BỘ TÀI CHÍNH\nCỤC THUẾ" + header + letter, "a.txt").issuer == "Cục Thuế"
    assert meta_of(tmp_path, "CỤC THUẾ\nTHUẾ TỈNH VĨNH LONG" + header + letter, "b.txt").issuer == "Thuế tỉnh Vĩnh Long"
    assert meta_of(tmp_path, "ỦY\nBAN NHÂN DÂN\nTỈNH CAO BẰNG" + header + letter, "c.txt").issuer == (
        "Ủy ban nhân dân tỉnh Cao Bằng"
    )


def test_title_broken_or_glued_and_dates_with_web_page_slips(tmp_path):
    m = meta_of(
        tmp_path,
        "|\nỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n------- |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n--------------- |\n|\nSố: 80/2025/QĐ-UBND\n|\n"
        "*Hà Tĩnh, ngày 24 tháng** 0 7** năm 2025*\n|\nQUYẾT\nĐỊNH\nBÃI BỎ QUYẾT ĐỊNH SỐ 15/2025/QĐ-UBND\n"
        "*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*\n",
    )
    assert (m.kind, m.issued_on) == ("Quyết định", "2025-07-24")
    assert m.subject == "Bãi bỏ quyết định số 15/2025/QĐ-UBND"
    m = meta_of(
        tmp_path,
        "Số: 1670/NQ-UBTVQH15 |\n|\nNGHỊ QUYẾTVề việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu\n"
        "------------\nỦY** BAN THƯỜNG VỤ QUỐC HỘI**\n*Căn cứ Hiến pháp;*\n",
    )
    assert m.kind == "Nghị quyết"
    assert m.subject == "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu"
    assert m.issuer == "Ủy ban Thường vụ Quốc hội"  # the enacting authority, the letterhead being lost


def test_older_title_line_naming_body_number_date_and_subject(tmp_path):
    m = meta_of(
        tmp_path,
        "| BỘ XÂY DỰNG ** | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ** |\n|---|---|\n"
        "| Số: 04/2001/TT-BXD | Hà Nội, ngày 20 tháng 8 năm 2001 |\n\nTHÔNG TƯ\n\n"
        "CỦA BỘ XÂY DỰNG SỐ 04/2001/TT-BXD NGÀY 20 THÁNG 8 NĂM 2001 HƯỚNG DẪN HỖ TRỢ CẢI THIỆN NHÀ Ở\n\n"
        "Căn cứ Nghị định số 36/CP ngày 04/4/1994 của Chính phủ;\n",
    )
    assert (m.kind, m.issuer) == ("Thông tư", "Bộ Xây dựng")
    assert m.subject == "Hướng dẫn hỗ trợ cải thiện nhà ở"


def test_signature_flattened_after_a_note_and_a_name_alone_after_the_recipients(tmp_path):
    m = meta_of(
        tmp_path,
        "Điều 3. Các cơ quan chịu trách nhiệm thi hành Thông tư này./.\n\n"
        "| Nơi nhận: - Lưu: VT. | XÁC THỰC VĂN BẢN HỢP NHẤT KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Bá Hoan |\n|---|---|\n",
    )
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Nguyễn Bá Hoan", "Thứ trưởng", "KT. Bộ trưởng")
    m = meta_of(
        tmp_path,
        "Điều 3. Tổ chức thực hiện Nghị quyết này.\n\n- Chính phủ; - Ban Tổ chức Trung ương; - Lưu: HC, PL.\n\n"
        "Trần Thanh Mẫn |\n",
    )
    assert m.signer.name == "Trần Thanh Mẫn"


def test_a_province_code_is_no_signing_capacity(tmp_path):
    """'KTM' (Kon Tum's code in an appendix table) is not 'KT.' + 'M'."""
    m = meta_of(tmp_path, "PHỤ LỤC\n\n| 33. | Kon Tum | KTM |\n| 2. | Bắc Kạn | BKN |\n", "t.txt")
    assert m.signer is None


def test_title_naming_the_issuer_and_an_authority_wrapped_over_two_lines(tmp_path):
    """'… BÃI BỎ CÁC QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH X' keeps its last words; the authority under it,
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH' / 'HÀ TĨNH', ends the title."""
    m = meta_of(
        tmp_path,
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 76/2025/QĐ-UBND\tHà Tĩnh, ngày 21 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
        "BÃI BỎ CÁC QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nHÀ TĨNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
        "t.txt",
    )
    assert m.subject == "Bãi bỏ các quyết định của ủy ban nhân dân tỉnh Hà Tĩnh"


def test_ocr_specks_between_the_left_columns_lines_and_a_slipped_place():
    """H14 (a 1999 decision of UBND tỉnh Cao Bằng, scanned): OCR reads a speck under the body's name ('‡R') and the
    italic place-date line with slips ('Cúo Băng', 'năm: 1999'); the body's name above the speck is still the
    issuer, the place is the province the gazetteer knows, and the year is read past the colon."""
    m = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n‡R\nSở: 157 /QĐĐĐ-NĐ-UB\n—_ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n_cCh.9\nCúo Băng, ngày 22 tháng 2 năm: 1999.\nQUYẾT ĐỊNH\n"
        "Về việc : Giao quyền sử dụng đất ở dân cư\n- Căn cứ Luật đất đai của Chủ tịch nước công bố ngày 24 /7/ 1993;\n"
    )
    assert m.issuer == "Ủy ban nhân dân tỉnh Cao Bằng"
    assert (m.number, m.place, m.issued_on) == ("157/QĐ-NĐ-UB", "Cao Bằng", "1999-02-22")


def test_a_number_whose_label_ocr_misread_or_lost():
    """A scan's 'Số:' read 'S6:', or lost under the handwritten digits (as the 239 TTr and 53 TB numbers are
    written by hand beside it): the left column's số/ký hiệu is the number, not a line of the issuer's name."""
    for label in ("S6: ", ""):
        m = ocr_meta(
            f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n{label}53 /TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 07 tháng 02 năm 2025\nTHÔNG BÁO\n"
            "Về việc thụ lý giải quyết khiếu nại lần hai\nKính gửi: Bà Nguyễn Thị Bích Ngọc\n"
            "Chủ tịch UBND tỉnh Quảng Ngãi nhận được Đơn ngày 30/9/2024.\n"
        )
        assert (m.number, m.issuer) == ("53/TB-UBND", "Ủy ban nhân dân tỉnh Quảng Ngãi")


def test_a_number_label_whose_vowel_or_s_ocr_misread():
    """239 TTr (UBND tỉnh Quảng Ngãi) scanned at 150 dpi reads 'Sắ: 239 /TTr-UBND'; tn-a12a41bbbe518be8 (UBND
    Thành phố Hồ Chí Minh) printed and scanned reads '5ố: 4240/UBND-VX': still the number's line, so the left
    column above the motto (the issuer's name) is kept."""
    for label, number in (("Sắ: ", "239 /TTr-UBND"), ("5ố: ", "239/TTr-UBND")):
        m = ocr_meta(
            f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n{label}{number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 20 tháng 12 năm 2024\nTỜ TRÌNH\n"
            "Về việc đề nghị xây dựng Nghị quyết của HĐND tỉnh\nKính gửi: Thường trực HĐND tỉnh\n"
            "Thực hiện Luật Ban hành văn bản quy phạm pháp luật ngày 22/6/2015.\n"
        )
        assert (m.number, m.issuer) == ("239/TTr-UBND", "Ủy ban nhân dân tỉnh Quảng Ngãi")
    assert not letterhead.number_label().match("sa 12 nguoi")  # no colon, no label


def test_a_kind_code_with_a_look_alike_letter():
    """239 TTr (UBND tỉnh Quảng Ngãi) scanned at 200 dpi reads 'Số: 239 /TIr-UBND': the 'I' is the second 'T' of
    TTr (the same data restores QĐ read 'QD' in citations, test_citations)."""
    m = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 239 /TIr-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 20 tháng 12 năm 2024\nTỜ TRÌNH\n"
        "Về việc đề nghị xây dựng Nghị quyết của HĐND tỉnh\nKính gửi: Thường trực HĐND tỉnh\n"
        "Thực hiện Luật Ban hành văn bản quy phạm pháp luật ngày 22/6/2015.\n"
    )
    assert m.number == "239/TTr-UBND"


def test_a_year_ocr_cut_by_a_space():
    assert letterhead.issue_date(" ngày 20 tháng 12 năm 20 24") == "2024-12-20"
    assert letterhead.issue_date(" ngày 20 tháng 12 năm 2024 và 2 3") == "2024-12-20"


def test_a_handwritten_number_whose_digits_ocr_read_as_look_alikes():
    """The numbers of the Quảng Ngãi scans (239 TTr, 53 TB, 299 UB, 660 TB) are written by hand beside a printed
    'Số:', by the hand whose '15' OCR read '{5' in 299's date: the same look-alikes are read back in the number,
    and the line stays the number, not a line of the issuer's name."""
    for written in ("{57 /TB-UBND", "l57/TB-UBND"):
        m = ocr_meta(
            f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: {written}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 07 tháng 02 năm 2025\nTHÔNG BÁO\n"
            "Về việc thụ lý giải quyết khiếu nại lần hai\nKính gửi: Bà Nguyễn Thị Bích Ngọc\n"
            "Chủ tịch UBND tỉnh Quảng Ngãi nhận được Đơn ngày 30/9/2024.\n"
        )
        assert (m.number, m.issuer) == ("157/TB-UBND", "Ủy ban nhân dân tỉnh Quảng Ngãi")


def test_a_v_v_line_ocr_misread_keeps_the_left_column():
    """OCR reads '/' as the fraction slash '⁄' on the Quảng Ngãi scans (299 UB's date: 'ngày⁄{Š'); a V/v line read
    'V⁄v' or 'V/y' is still the letter's subject, and a line OCR garbled under the number no longer cuts the
    number and the issuer's name above it off the letterhead."""
    for subject_line in ("V⁄v công bố Danh mục TTHC", "V/y công bố Danh mục TTHC", "V/c công bố Danh mục TTHC"):
        m = ocr_meta(
            f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 299 /UBND-TTHC\n{subject_line}\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 15 tháng 01 năm 2025\n"
            "Kính gửi: Sở Giao thông vận tải\nThực hiện nội dung các Quyết định số 1743/QĐ-BGTVT.\n"
        )
        assert (m.number, m.issuer) == ("299/UBND-TTHC", "Ủy ban nhân dân tỉnh Quảng Ngãi")
        if "/c" not in subject_line:
            assert (m.kind, m.subject) == ("Công văn", subject_line)


def test_a_v_v_line_wrapped_after_a_word_that_ends_no_sentence():
    """bnt 507/UBND-KGVX (UBND Quảng Ngãi) printed and scanned at 100, 200 and 300 dpi: the narrow left column wraps
    the V/v line after 'về', before a capital, and the subject lost its last line."""
    m = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 507 /UBND-KGVX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 24 tháng 01 năm 2025\n"
        "V/v góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của\nQuyết định số 2269/QĐ-TTg về\n"
        "Chương trình cung cấp dịch vụ viễn thông công ích\nKính gửi: Sở Thông tin và Truyền thông\n"
        "Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số 202/BTTTT-KHTC ngày 21/01/2025.\n"
    )
    assert m.subject == (
        "V/v góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số 2269/QĐ-TTg về "
        "Chương trình cung cấp dịch vụ viễn thông công ích"
    )


def test_a_motto_confirmed_by_the_number_above_it_when_the_date_line_is_garbled():
    """vht534 565/TB-UBND (UBND Quảng Ngãi) printed and faxed at 200 dpi (bench.samples.make_real_scan), as the OCR
    reads it: the e-office stamp's lines first, then the left column, the motto, and a date line whose 'tháng'
    and handwritten day and month are garbled; the 'Số:' right above the motto confirms the letterhead (so does
    tn-98be6e047028fade's, Văn phòng Chính phủ faxed at 100 dpi, 'Hà Nội ngày 24 thủng 11 nằm 2025')."""
    m = ocr_meta(
        "đi TẠI BẢO TRUNG VÀ TÂM TÍN HỌC CÔNG\n— citchtfe quangngal.gov.vn\nZ7 1§,.11.2024 07:25:14\n*07:00\n"
        "ÚY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 35 /TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày “Ã thông TÌ năm 2024\nTHÔNG BÁO\n"
        "Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên tại cuộc họp nghe báo cáo tiến độ triển khai thực hiện 02\n"
        "Chương trình MTQG: Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi\n"
        "Ngày 12/11/2024, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Võ Phiên chủ trì cuộc họp.\n"
    )
    assert (m.kind, m.number, m.place) == ("Thông báo", "35/TB-UBND", "Quảng Ngãi")
    assert m.issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert m.subject.startswith("Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên")


def test_printed_plan_faxed_motto_read_gong_between_the_issuers_lines():
    """tn-2f6f80b9918e52de (UBND Thành phố Hồ Chí Minh, 172/KH-UBND) printed and faxed (bench.scan_tolerance,
    fax-random), as the OCR reads it: the motto's 'CỘNG' read 'GỘNG' between the issuer's two lines, and a stray
    quote before the second (tn-e598d95fb5f390a4, Huế, and tn-65fe198460ffa9d9, Nghệ An, read 'GỘNG'/'GÔNG' too)."""
    m = ocr_meta(
        "ỦY BAN NHÂN DÂN\nGỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n'THÀNH PHỐ HỒ CHÍ MINH\nSố: 172 /KH-UBND\n"
        "Độc lập - Tự do - Hạnh phúc\nThành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\n"
        "TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ\nCHÍ MINH\n"
        "Thực hiện Quyết định số 1850/QĐ-TTg ngày 27 tháng 8 năm 2025 của Thủ tướng Chính phủ.\n"
    )
    assert m.issuer == "Ủy ban nhân dân thành phố Hồ Chí Minh"
    assert (m.number, m.issued_on) == ("172/KH-UBND", "2025-11-18")


def test_slips_in_the_number_and_date_of_printed_decisions_and_plans():
    """'Số:141⁄KH-UBND' (tn-09daab284f92e2dd, Bắc Ninh, scan-random: the fraction slash, as in '118/2025⁄NĐ-CP' of
    tn-e83d7b60c0b1d639) and 'ngày 20 thúng 11' (tn-e83d7b60c0b1d639, Nghệ An; 'thúng 1Ì nỡm', Cần Thơ's
    tn-5d99697f14bcf68a, all fax-random)."""
    assert letterhead.issue_date(" ngày 20 thúng 11 năm 2025") == "2025-11-20"
    assert letterhead.issue_date(" ngày 19 thủng 11 nỡm 2025") == "2025-11-19"
    m = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 3782 /QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nNghệ An, ngày 20 thúng 11 năm 2025\nQUYẾT ĐỊNH\n"
        "BAN HÀNH DANH MỤC THỦ TỤC HÀNH CHÍNH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025,\n"
    )
    assert (m.place, m.issued_on) == ("Nghệ An", "2025-11-20")
    m = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố:141⁄KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
        "NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ\nThực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy.\n"
    )
    assert (m.number, m.kind) == ("141/KH-UBND", "Kế hoạch")


def test_a_capitals_title_with_a_letter_read_small_goes_on():
    """tn-879553949728a7dc (Chủ tịch UBND tỉnh Gia Lai, 44/2025/QĐ-CTUBND) faxed: 'Cơ' read small inside the title
    in capitals; the title goes on to its last line, and a title's lone first letter ('Ý' / 'KIẾN …') still opens
    it."""
    m = ocr_meta(
        "CHỦ TỊCH ỦY BAN\nNHÂN DÂN\nTỈNH GIA LAI\nSố: 44 /2025/QĐ-CTUBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nGia Lai, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
        "PHÂN CẤP THẨM QUYỀN QUYẾT ĐỊNH TRONG QUẢN LÝ, SỬ DỤNG TÀI\n"
        "SẢN CÔNG TẠI CÁC Cơ QUAN, TỔ CHỨC, ĐƠN VỊ THUỘC PHẠM VI\nQUẢN LÝ CỦA TỈNH GIA LAI\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
    )
    assert m.subject == (
        "Phân cấp thẩm quyền quyết định trong quản lý, sử dụng tài sản công tại các cơ quan, tổ chức, đơn vị "
        "thuộc phạm vi quản lý của tỉnh Gia Lai"
    )
    assert letterhead.glued_end("Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG") == len("Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG")


def test_a_pen_stroke_without_a_vowel_over_the_signers_name():
    """'Kh' (tn-a49ef8a0da1f62dd, UBND Đắk Lắk) and 'Zt' (tn-e598d95fb5f390a4, Chủ tịch UBND Huế), scan-random: a
    signature read as a capitalised pair of letters is no first word of the name under it; 'Vũ' / 'Chiến Thắng'
    still joins."""
    tail = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
    head = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 130 /KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += "Độc lập - Tự do - Hạnh phúc\nĐắk Lắk, ngày 21 tháng 11 năm 2025\nKẾ HOẠCH\nKHẮC PHỤC MÔI TRƯỜNG\n"
    body = "Để kịp thời khắc phục môi trường sau lụt bão, UBND tỉnh ban hành kế hoạch như sau."
    assert ocr_meta(head + body + tail + "Kh\n~\nHồ Thị Nguyên Thảo\n").signer.name == "Hồ Thị Nguyên Thảo"
    assert ocr_meta(head + body + tail + "Zt\nNguyễn Khắc Toàn\n").signer.name == "Nguyễn Khắc Toàn"
    assert ocr_meta(head + body + tail + "Vũ\nChiến Thắng\n").signer.name == "Vũ Chiến Thắng"


def test_a_pen_stroke_read_as_a_word_over_a_whole_name():
    """UBND Quảng Ngãi 507/UBND-KGVX scanned at 150 dpi: the signature read 'Có' over 'Phùng Tô Long', a name
    whole already (three words from a family name); 'Nguyễn' / 'Thị Kim Ngân' still joins."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 507 /UBND-KGVX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 24 tháng 01 năm 2025\nV/v góp ý dự thảo Quyết định\n"
    body = "Kính gửi: Bộ Thông tin và Truyền thông\nỦy ban nhân dân tỉnh thống nhất với dự thảo."
    tail = "\nNơi nhận:\n- Như trên;\n- Lưu: VT, KGVX.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n"
    assert ocr_meta(head + body + tail + "Có\nPhùng Tô Long\n").signer.name == "Phùng Tô Long"
    assert ocr_meta(head + body + tail + "Nguyễn\nThị Kim Ngân\n").signer.name == "Nguyễn Thị Kim Ngân"


def test_the_last_line_a_name_under_a_garbled_signature_block():
    """UBND Quảng Ngãi 53/TB-UBND scanned at 200 dpi (and 534/UBND-KGVX at 200 dpi, 53 at 100 and 150): the seal and
    the pen garbled capacity and position into strokes; the document's last line is the printed name. A last line
    that is no family name's, or a body line between, gives no signer."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 53 /TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 07 tháng 02 năm 2025\nTHÔNG BÁO\n"
    body = "Về việc thụ lý giải quyết khiếu nại lần hai\nKính gửi: Bà Nguyễn Thị Bích\nChủ tịch UBND tỉnh thụ lý đơn."
    tail = '\nNơi nhận:\n- Như trên;\n- Lưu: VT, NC.\nNe KT. CHỦ TỊCH si 2584, 2 CHỦ TỊCH vất xi\n" x\nLà\n“Ta\n'
    assert ocr_meta(head + body + tail + "¬ Trần Phước Hiền\n").signer.name == "Trần Phước Hiền"
    assert ocr_meta(head + body + tail + "Quảng Ngãi Mới\n").signer is None
    sentence = "Ủy ban nhân dân tỉnh sẽ trả lời bà trong thời hạn luật định sau khi xác minh đủ hồ sơ\n"
    assert ocr_meta(head + body + tail + sentence + "Trần Phước Hiền\n").signer is None


def test_a_title_glued_to_the_enacting_authority_that_stops_at_its_unit_word():
    """tn-8c306b6991495e34 (UBND Đồng Nai) and tn-46cf026ac548f4bd (UBND Đắk Lắk) printed from pages that hold the
    title, the authority and the căn cứ in one paragraph: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH' (no province) is cut
    from the subject; 'CỦA ỦY BAN NHÂN DÂN TỈNH' stays the title's own words."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nSố: 2813 /QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += "Độc lập - Tự do - Hạnh phúc\nĐồng Nai, ngày 20 tháng 11 năm 2025\n"
    body = " Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025 của Quốc hội;\n"
    m = ocr_meta(
        head + "QUYẾT ĐỊNH VỀ VIỆC THÔNG QUA PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ\n"
        "TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA TỈNH ĐỒNG NAI CHỦ TỊCH ỦY\nBAN NHÂN DÂN TỈNH" + body
    )
    assert (
        m.subject
        == "Về việc thông qua phương án đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh Đồng Nai"
    )
    m = ocr_meta(head + "QUYẾT ĐỊNH VỀ VIỆC BÃI BỎ CÁC QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH" + body)
    assert m.subject.lower() == "về việc bãi bỏ các quyết định của ủy ban nhân dân tỉnh"


def test_a_place_whose_last_word_ocr_read_in_capitals():
    """'Quảng TIỊ, ngày 18 …' (tn-83652dd19c6fef24, UBND Quảng Trị, fax-random) and 'Bắc ĐÀ, ngày 20 …'
    (tn-09daab284f92e2dd, UBND Bắc Ninh, scan-random): the date is read; the place when it is a province with one
    slip, none when the slip names no province; a glued issuer's capitals still end the place."""
    lh = letterhead.read(segment_ocr("Quảng TIỊ, ngày 18 tháng 11 năm 2025\n"))
    assert letterhead.place_date(lh)[:2] == ("Quảng Trị", "2025-11-18")
    lh = letterhead.read(segment_ocr(": ' Bắc ĐÀ, ngày 20 tháng 11 năm 2025\n"))
    assert letterhead.place_date(lh)[:2] == (None, "2025-11-20")
    lh = letterhead.read(segment_ocr("TỈNH BẮC NINH Bắc Ninh, ngày 20 tháng 11 năm 2025\n"))
    assert letterhead.place_date(lh)[:2] == ("Bắc Ninh", "2025-11-20")


def test_a_fax_prints_one_read_as_t_in_the_day_or_the_month():
    """'ngày T9 thủng 11' (tn-65fe198460ffa9d9, UBND Nghệ An) and 'ngày 19 tháng T1' (tn-69db23c781b2e9aa, UBND Hà
    Tĩnh), fax-random; a lone look-alike is still no digit."""
    assert letterhead.issue_date(" ngày T9 thủng 11 năm 2025") == "2025-11-19"
    assert letterhead.issue_date(" ngày 19 tháng T1 năm 2025") == "2025-11-19"
    assert letterhead.issue_date(" ngày 19 tháng T năm 2025") is None
    assert letterhead.issue_date(" ngày T tháng 11 năm 2025") is None


def test_strokes_read_as_two_words_over_the_printed_name():
    """UBND Quảng Ngãi 565/TB-UBND scanned in black and white at 200 and 150 dpi: the pen's signature read 'SRN TY'
    and 'SEN Ty' between the position and 'Phùng Tô Long'. The printed name under it, which opens with a family
    name, is the signer; a name that opens with one is kept even when another follows."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 565 /TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 15 tháng 11 năm 2024\nTHÔNG BÁO\n"
    body = "Kết luận của Phó Chủ tịch UBND tỉnh\nCác sở, ngành triển khai thực hiện."
    tail = "\nNơi nhận:\n- Như trên;\n- Lưu: VT, KGVX.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\n"
    assert ocr_meta(head + body + tail + "=1 CHÁNH VĂN PHÒNG\nSRN TY\nPhùng Tô Long\n").signer.name == "Phùng Tô Long"
    assert ocr_meta(head + body + tail + "#HÓ CHÁNH VĂN PHÒNG\nSEN Ty\nPhùng Tô Long\n").signer.name == "Phùng Tô Long"
    assert ocr_meta(head + body + tail + "PHÓ CHÁNH VĂN PHÒNG\nPhùng Tô Long\nTrần Văn Minh\n").signer.name == (
        "Phùng Tô Long"
    )


def test_a_name_under_the_recipients_with_the_block_read_beside_them():
    """UBND Quảng Ngãi 299/UBND-TTHC scanned at 150 dpi: OCR read the capacity and position inside the recipients
    list ('..n TL. CHỦ VĂN TỊCH PHÒNG' before '- Lưu: …') and the pen ate the family name's first letter
    ('.‹guyễn Quốc Việt', the document's last line, right under the list)."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 299 /UBND-TTHC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 15 tháng 01 năm 2025\nV/v công bố Danh mục TTHC\n"
    body = "Kính gửi: Sở Giao thông vận tải\nChủ tịch UBND tỉnh có ý kiến như sau: giao Sở chủ trì thực hiện.\n"
    tail = "kói ~ Như nhận: trên;\n~PCT UBND tỉnh;\n- VPUB: CVP, PCVP;\n- Cổng TTĐT tỉnh;\n..n TL. CHỦ VĂN TỊCH PHÒNG\n"
    tail += ". v” ° v\n- Lưu: VT, TTHC(Tm). # xa\n"
    assert ocr_meta(head + body + tail + ".‹guyễn Quốc Việt\n").signer.name == "Nguyễn Quốc Việt"


def test_a_motto_whose_capital_h_lost_its_crossbar():
    """UBND Quảng Ngãi 507/UBND-KGVX and 565/TB-UBND scanned in black and white at 100 dpi: 'CỘNG IIÒA XÃ HỘI €
    TU NGHĨA VIỆT NAM', 'CỘNG HIÒA XÃ HỘI', 'Lạnh phúc'. The motto is still the motto, so the issuer stops
    before it."""
    for issuer, motto in (
        ("ỦY BAN NHÂN DÂN\nTÍNH QUẢNG NGÃI\n", "CỘNG IIÒA XÃ HỘI € TU NGHĨA VIỆT NAM\nĐộc lập - Tự do - Lạnh phúc\n"),
        ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n", "CỘNG HIÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - lạnh phúc\n"),
    ):
        m = ocr_meta(
            issuer + motto + "Số: 507 /UBND-KGVX\nV/v góp ý dự thảo Quyết định\n"
            "Quảng Ngãi, ngày 24 tháng 01 năm 2025\nKính gửi: Sở Thông tin và Truyền thông\n"
            "Ủy ban nhân dân tỉnh thống nhất với dự thảo.\n"
        )
        assert m.issuer.lower().endswith("quảng ngãi"), m.issuer
    assert letterhead.is_motto("cong iioa xa hoi")
    assert letterhead.is_motto("€ tu nghia viet nam")
    assert not letterhead.is_motto("uy ban nhan dan tinh quang ngai")


def test_a_handwritten_day_whose_zero_reads_o_with_a_hat():
    """UBND Quảng Ngãi 53/TB-UBND at 100 dpi, grey and one-bit: the handwritten '07' read 'Ô†' (as '0†' at 300 dpi);
    VPCP 636/TB-VPCP faxed reads a printed 0 'Ô' in its month ('tháng TÔ')."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 53 /TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày {} tháng 02 năm 2025\nTHÔNG BÁO\n"
    body = "Về việc thụ lý giải quyết khiếu nại lần hai\nKính gửi: Bà Nguyễn Thị Bích\nChủ tịch UBND tỉnh thụ lý đơn.\n"
    assert ocr_meta(head.format("Ô†") + body).issued_on == "2025-02-07"
    assert ocr_meta(head.format("0†") + body).issued_on == "2025-02-07"


def test_a_v_v_label_whose_v_or_slash_ocr_slipped():
    """UBND Quảng Ngãi 507/UBND-KGVX in black and white: 'V/ góp ý …' at 150 dpi, 'V¿v góp ý …' at 100 dpi; VPCP
    11299/VPCP-KGVX printed and faxed: 'V/ thành lập'. The line is still the letter's V/v line: its kind is a
    công văn and it is the subject."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 507 /UBND-KGVX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 24 tháng 01 năm 2025\n"
    subject = "{} góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của\nQuyết định số 2269/QĐ-TTg về\n"
    subject += "Chương trình cung cấp dịch vụ viễn thông công ích\n"
    tail = (
        "Kính gửi: Sở Thông tin và Truyền thông\nTheo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số 202.\n"
    )
    for label in ("V/", "V¿v"):
        m = ocr_meta(head + subject.format(label) + tail)
        assert m.kind == "Công văn"
        assert m.subject == (
            f"{label} góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số 2269/QĐ-TTg về "
            "Chương trình cung cấp dịch vụ viễn thông công ích"
        )
    vpcp = ocr_meta(
        "VĂN PHÒNG CHÍNH\nPHỦ\nSố: 11299/VPCP-KGVX V/ thành lập\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 18 tháng 11 năm 2025\n"
        "Kính gửi: Bộ trưởng Bộ Khoa học và Công nghệ.\nXét Tờ trình số 226/TTr-BKHCN của Bộ Khoa học và Công nghệ.\n"
    )
    assert (vpcp.kind, vpcp.subject) == ("Công văn", "V/ thành lập")
    assert not letterhead.opens_v_v("v/ 2025")  # a slash before a figure is no V/v


def test_a_dash_ocr_read_before_a_letterhead_line_opens_no_body():
    """Bộ Nội vụ 10989/BNV-TCBC and Bộ Tài chính 17986/BTC-CT faxed: the motto's last word read under an em dash
    ('— ÑNÂM”', '— NAM `'); the header goes on to the place and date under it."""
    m = ocr_meta(
        "BỘ NỘI VỤ\nSố: 10989 /BNV-TCBC V/V đề xuất biên chế giai đoạn 2026-2031 theo vị trí việc làm\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n— ÑNÂM”\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 21 tháng 11 năm 2025\n"
        "Kính gửi:\n- Các bộ, cơ quan ngang bộ, cơ quan thuộc\nChính phủ;\n"
        "Thực hiện ý kiến của Ban Tổ chức Trung ương tại Văn bản số 9151-CV/BTCTW ngày 29/7/2025.\n"
    )
    assert (m.place, m.issued_on) == ("Hà Nội", "2025-11-21")


def test_a_title_after_a_speck_and_over_a_line_ending_on_cua():
    """Prints at 100 dpi of UBND Quảng Trị 2688/QĐ-UBND and UBND Hà Nội 5721/QĐ-UBND: a speck read before the title
    ('- VE' / 'VIỆC BÃI BỎ …') is not its text. UBND Cần Thơ 165/KH-UBND printed and Bộ Nội vụ 1383/QĐ-BNV: a
    title's line ending on 'CỦA' goes on over the next, though it names a body ('THỦ TƯỚNG CHÍNH PHỦ …')."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 2688 /QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += "Độc lập - Tự do - Hạnh phúc\nQuảng Trị, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
    m = ocr_meta(
        head + "- VE\nVIỆC BÃI BỎ CÁC VĂN BẢN QUY PHẠM PHÁP LUẬT DO UBND TỈNH\nQUẢNG BÌNH, UBND TỈNH\n"
        "QUẢNG TRỊ (CŨ) BAN HÀNH TRONG LĨNH VỰC XÂY DỰNG\nỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
    )
    assert m.subject.startswith("Ve việc bãi bỏ các văn bản quy phạm pháp luật"), m.subject
    plan = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 165 /KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nCần Thơ, ngày 21 tháng 11 năm 2025\nKẾ HOẠCH\n"
        "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA\n"
        "THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC TĂNG CƯỜNG THỰC HIỆN CÔNG\nTÁC DÂN SỐ TRONG TÌNH HÌNH MỚI\n"
        "Thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024 của Thủ tướng Chính phủ.\n"
    )
    assert plan.subject.lower().endswith(
        "của thủ tướng chính phủ về việc tăng cường thực hiện công tác dân số trong tình hình mới"
    )
    assert plan.issuer == "Ủy ban nhân dân thành phố Cần Thơ"


def test_a_day_glued_to_ngay_and_a_quote_before_the_kind_title():
    """UBND Quảng Ngãi 239/TTr-UBND scanned at 150 dpi, its head as OCR read it: the handwritten day glued to 'ngày'
    ('ngày80', as a typed 'ngày15/8/2013' in Thuế Vĩnh Long's tn-de1ea1a30ca1e0bc) still ends the place, and a stray
    quote before the title ("'TỜ TRÌNH", the quote of the HCM, Hà Nội and Hải Phòng prints) still ends the letterhead,
    so the 'Về việc' line under it goes on over its wrapped line as the title's subject."""
    m = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 239 /TTr-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày80 tháng 12 năm 2024\n'TỜ TRÌNH\n"
        "Về việc đề nghị xây dựng Nghị quyết của HĐND tỉnh bãi bỏ Nghị quyết số 24/2013/NQ-HĐND ngày 10/12/2013 "
        "của HĐND tỉnh về việc thông qua\n"
        "Quy hoạch tổng thế phát triển du lịch tỉnh Quảng Ngãi đến năm 2020, tầm nhìn đến năm 2025\n"
        "Kính gửi: Thường trực HĐND tỉnh\n"
    )
    assert (m.kind, m.number, m.place) == ("Tờ trình", "239/TTr-UBND", "Quảng Ngãi")
    assert m.issued_on is None  # '80' is no day
    assert m.subject.endswith("tầm nhìn đến năm 2025"), m.subject
    assert letterhead.issue_date(" ngày15 tháng 8 năm 2013") == "2013-08-15"


def test_a_year_with_a_digit_too_many_is_no_year():
    """53/TB-UBND (UBND Quảng Ngãi) faxed at 150 dpi: 'năm 20235' was read as 2023, a false date."""
    assert letterhead.issue_date(" ngày Ú† tháng 02 năm 20235") is None


def test_a_vowel_read_twice_in_the_letterheads_body_line():
    """Prints of ungolded tuning decisions at 100 dpi (dirprint19): 'TỈÌNH BẮC NINH' (UBND Bắc Ninh 456/QĐ-UBND,
    tn-b6ae4bd43c0ad4ff: the issuer lost 'Ủy ban nhân dân' and the enacting authority's line went into the subject)
    and 'TỈNH QUÁẢNG TRỊ' (UBND Quảng Trị 2688/QĐ-UBND, tn-83652dd19c6fef24: the subject took the authority's line)."""
    bac_ninh = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈÌNH BẮC NINH\nSố: 456 /QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "— Độc lập - Tự do - Hạnh phúc ˆ\nBắc Ninh, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
        "BAN HÀNH DANH MỤC DỊCH VỤ SỰ NGHIỆP CÔNG SỬ DỤNG NGÂN\nSÁCH\n"
        "NHÀ NƯỚC LĨNH VỰC XÂY DỰNG TRÊN ĐỊA BÀN TỈNH BẮC NINH\nỦY BAN NHÂN DÂN TỈNH BẮC NINH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
    )
    assert bac_ninh.issuer == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert bac_ninh.subject == (
        "Ban hành danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước lĩnh vực xây dựng trên địa bàn tỉnh Bắc Ninh"
    )
    quang_tri = ocr_meta(
        "ỦY BAN NHÂN DÂN\nTỈNH QUÁẢNG TRỊ\nSố: 2688 /QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc ˆ\nQuảng Trị, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ\n"
        "VIỆC BÃI BỎ CÁC VĂN BẢN QUY PHẠM PHÁP LUẬT DO UBND TỈNH\nQUẢNG BÌNH, UBND TỈNH\n"
        "QUẢNG TRỊ (CŨ) BAN HÀNH TRONG LĨNH VỰC XÂY DỰNG\nỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
    )
    assert quang_tri.issuer == "Ủy ban nhân dân tỉnh Quảng Trị"
    assert quang_tri.subject is not None and quang_tri.subject.endswith("trong lĩnh vực xây dựng")


def test_a_letters_v_v_read_as_a_w():
    """'V/v' read 'VW' or 'V/w' after the number (dirprint19's prints): VPCP 11583/VPCP-CN at 150 and 200 dpi, Thuế
    tỉnh Vĩnh Long 1539/VLO-QLDN3 at 100 and 200 dpi and faxed at 200: the letter lost its kind and its subject."""
    vpcp = ocr_meta(
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 11583/VPCP-CN VW triển khai Kết luận của Ủy ban Thường vụ Quốc hội về dự án đường Hồ\n"
        "Chí Minh\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 26 tháng 11 năm 2025\nKính gửi: Bộ trưởng Bộ Xây dựng.\n"
    )
    assert (vpcp.kind, vpcp.number) == ("Công văn", "11583/VPCP-CN")
    assert vpcp.subject is not None and vpcp.subject.startswith("VW triển khai Kết luận của Ủy ban Thường vụ Quốc hội")
    for v_v in ("VW", "V/w"):
        tax = ocr_meta(
            f"CỤC THUẾ\nTHUẾ TỈNH VĨNH LONG\nSố: 1539 /VLO-QLDN3 {v_v} trả\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nVĩnh Long, ngày 02 tháng 12 năm 2025\nlãi tiền vay cho cố đông\n"
            "Ngày 18/11/2025, Thuế tỉnh Vĩnh Long có nhận được Công văn số 144/2025/CV-BSGBTr ngày 17/11/2025.\n"
        )
        assert (tax.kind, tax.number, tax.subject) == ("Công văn", "1539/VLO-QLDN3", f"{v_v} trả")
