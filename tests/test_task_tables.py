"""Task tables read from rows of the real corpus: which body, role and due each row gives, whatever form the table
takes (a web page's one '|' per line, one-line pipe rows, TAB rows of a PDF or Word file)."""

from extractors import obligations
from extractors.task_tables import column_kind
from pipeline.text.segment import segment
from schemas.document import Document, Page, TextSource


def _obligations(*pages: str):
    doc = Document(
        path="t.txt",
        sha256="0",
        media_type="text/plain",
        pages=[Page(number=n, text=text, source=TextSource.plain) for n, text in enumerate(pages, 1)],
    ).with_offsets()
    return [(o.agency, o.role, o.due, o.partners) for o in obligations.extract(segment(doc), None)]


def test_header_kinds_by_the_words_they_contain():
    assert column_kind("Cơ quan/đơn vị chủ trì thực hiện") == "lead"
    assert column_kind("Đơn vị thực hiện") == "assigned" and column_kind("Chủ trì") == "lead"
    assert column_kind("Thời gian thực hiện") == "due" and column_kind("Tiến độ") == "due"
    assert column_kind("Tên TTHC") == "task" and column_kind("Chỉ tiêu") == "task"
    assert column_kind("Mã TTHC") is None and column_kind("Địa điểm thực hiện") is None
    assert column_kind("Sản phẩm dự kiến") is None and column_kind("Đơn vị") is None


def test_a_table_assigning_targets_under_a_chu_tri_column():
    """Kế hoạch 144/KH-UBND Bắc Ninh, 'PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU … ĐẾN NĂM 2030': 'TT | Chỉ tiêu | Chủ trì', a
    group row, no time column, so the title's year dates each row; a cell of two clauses gives each its own role,
    and a yearly duty no due (notes-M)."""
    text = (
        "PHỤ LỤC\n\nPHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ SỐ,\nXÃ HỘI SỐ ĐẾN NĂM 2030\n\n"
        "*(Ban hành kèm theo Kế hoạch số 144/KH-UBND ngày 24 tháng 11 năm 2025 của\nUBND tỉnh Bắc Ninh)*\n\n"
        "|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Chủ trì**\n|\n|\n|\n**I. Kinh\ntế số**\n|\n|\n|\n"
        "1\n|\nKinh tế số chiếm 45% GRDP tỉnh.\n|\nSở Tài chính\n|\n|\n"
        "2\n|\nPhấn đấu mỗi năm phát triển từ\n05 bộ dữ liệu mở chất lượng cao phục vụ phát triển kinh tế số\n|\n"
        "Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực\n"
        "hiện công bố dữ liệu mở hằng năm theo lĩnh vực quản lý.\n|\n|\n"
        "3\n|\nTỷ trọng đào tạo các ngành STEM trong các cơ sở giáo dục đạt tối thiểu 30%.\n|\n"
        "Sở Giáo dục và Đào tạo; Sở Nội vụ; Sở Khoa học và Công nghệ thúc đẩy,\ntheo dõi, báo cáo chỉ tiêu\n|\n|\n"
    )
    assert _obligations(text) == [
        ("Sở Tài chính", "lead", "2030", []),
        ("Sở Khoa học và Công nghệ", "lead", "2030", []),
        ("Các sở, ngành", "assigned", None, []),
        ("Ủy ban nhân dân cấp xã", "assigned", None, []),
        ("Sở Giáo dục và Đào tạo", "lead", "2030", []),
        ("Sở Nội vụ", "lead", "2030", []),
        ("Sở Khoa học và Công nghệ", "lead", "2030", []),
    ]


def test_a_procedure_list_with_its_executing_body_column():
    """Quyết định công bố TTHC (tn-ca6ff32d…): 'TT | Mã số TTHC | Tên TTHC | … | Cơ quan thực hiện', group rows
    'I' and 'A' between; one `assigned` per procedure (notes-C)."""
    text = (
        "|\n**TT**\n|\n**Mã số TTHC**\n|\n**Tên TTHC**\n|\n**Tên VBQPPL quy\nđịnh**\n|\n**Lĩnh vực**\n|\n"
        "**Cơ quan thực hiện**\n|\n|\n**I**\n|\n**THỦ TỤC HÀNH CHÍNH CẤP\nTRUNG ƯƠNG**\n|\n|\n"
        "**A**\n|\n**LĨNH VỰC BẢN QUYỀN TÁC GIẢ**\n|\n|\n"
        "1.\n|\n1.001709\n|\nThủ tục cấp giấy chứng nhận đăng ký quyền liên\nquan\n|\n"
        "Nghị quyết số 66.7/2025/NQ-CP\n|\nBản quyền tác giả\n|\nCục Bản quyền tác giả\n|\n|\n"
    )
    assert _obligations(text) == [("Cục Bản quyền tác giả", "assigned", None, [])]


def test_an_empty_partner_cell_of_a_web_row_is_put_back():
    """Kế hoạch 980/KH-UBND Nghệ An, a row whose partner cell is empty: the reader ends the row there, the header's
    width puts the cell back, so the time cell is still the row's due; a catch-all lead gives nothing."""
    text = (
        "|\n**TT**\n|\n**Nội dung thực\nhiện**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n"
        "**Thời gian hoàn\nthành**\n|\n**Sản phẩm dự kiến**\n|\n|\n"
        "2\n|\nTriển khai thực hiện khi có sửa đổi hoặc ban hành\nmới Quyết định thay thế Quyết định số "
        "118/2008/QĐ-TTg\n|\nSở Tài chính\n|\n|\n2025\n|\n|\n|\n"
        "4\n|\nHướng dẫn phương pháp, trình tự thống kê phù hợp\nvới lĩnh vực quản lý các ngành\n|\n"
        "Các sở, ngành liên quan\n|\nCơ quan liên quan\n|\n2025\n|\n|\n|\n"
        "5\n|\nHướng dẫn thanh toán chi phí khám bệnh, chữa bệnh\n|\nSở Y tế\n|\nSở Tài chính và cơ\n"
        "quan, địa phương liên quan\n|\n2025\n|\n|\n"
    )
    assert _obligations(text) == [
        ("Sở Tài chính", "lead", "2025", []),
        ("Sở Y tế", "lead", "2025", ["Sở Tài chính", "cơ quan, địa phương liên quan"]),
        ("Sở Tài chính", "support", "2025", []),
    ]


def test_a_two_row_header_and_a_table_going_on_over_the_page():
    """A Word or PDF grid of Quyết định 2597/QĐ-TTg's appendix rows: 'Cơ quan thực hiện' merged over 'Chủ trì |
    Phối hợp', and the table going on on the next page without its header."""
    first = (
        "PHỤ LỤC\n"
        "STT\tTên nhiệm vụ\tCơ quan thực hiện\t\tThời gian triển khai\n"
        "\t\tChủ trì\tPhối hợp\t\n"
        "I\tCƠ CHẾ, CHÍNH SÁCH\t\t\t\n"
        "3\tXây dựng và ban hành các tiêu chuẩn quốc gia, quy chuẩn kỹ thuật về cơ sở dữ liệu số về công trình hạ "
        "tầng\tBộ Xây dựng\tBộ Khoa học và Công nghệ\t2026-2027\n"
    )
    second = (
        "2\n"
        "5\tThiết lập cơ chế kiểm tra, giám sát và đánh giá hiệu quả thực hiện chuyển đổi số\tBộ Khoa học và "
        "Công nghệ\tBộ Xây dựng\t2026-2027\n"
    )
    assert _obligations(first, second) == [
        ("Bộ Xây dựng", "lead", "2027", ["Bộ Khoa học và Công nghệ"]),
        ("Bộ Khoa học và Công nghệ", "support", "2027", []),
        ("Bộ Khoa học và Công nghệ", "lead", "2027", ["Bộ Xây dựng"]),
        ("Bộ Xây dựng", "support", "2027", []),
    ]


def test_a_merged_lead_cell_of_a_grid_stands_for_every_row_it_spans():
    """Kế hoạch 980/KH-UBND's rows 2-3 as a Word grid renders them: 'Sở Tài chính' merged over both rows stands in
    the first only; the group row 'II' ends what it covers."""
    text = (
        "TT\tNội dung thực hiện\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "II\tTRIỂN KHAI ĐỒNG BỘ VĂN BẢN QUY PHẠM PHÁP LUẬT\t\t\t\n"
        "2\tTriển khai thực hiện khi có sửa đổi hoặc ban hành mới Quyết định thay thế Quyết định số "
        "118/2008/QĐ-TTg\tSở Tài chính\tCơ quan, địa phương liên quan\t2025\n"
        "3\tTriển khai thực hiện khi có Thông tư mới thay thế Thông tư số 92/2009/TT-BTC\t\t\t2025\n"
        "III\tTỔ CHỨC LỰC LƯỢNG PHÒNG THỦ DÂN SỰ\t\t\t\n"
        "1\tRà soát, tổng hợp danh mục các công trình phòng thủ dân sự\t\tCơ quan có liên quan\tTháng 12 hằng năm\n"
    )
    assert [(a, r, d) for a, r, d, _ in _obligations(text)] == [
        ("Sở Tài chính", "lead", "2025"),
        ("Sở Tài chính", "lead", "2025"),
    ]


def test_a_row_a_page_break_cut_goes_on_at_the_top_of_the_next_page():
    """Quyết định 2597/QĐ-TTg's row 4 in a PDF grid, cut by the page: the rest of its cells stand in a row without a
    number on the next page, and belong to it."""
    first = (
        "STT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian triển khai\n"
        "4\tThiết lập cơ chế tích hợp, liên thông và khai thác dữ liệu kết cấu hạ tầng\tBộ Xây dựng\t"
        "Bộ Khoa học và\t2026-\n"
    )
    second = (
        "\tgiữa các hệ thống quản lý hạ tầng của các lĩnh vực xây dựng, giao thông, đô thị\t\tCông nghệ\t2027\n"
        "5\tThiết lập cơ chế kiểm tra, giám sát và đánh giá hiệu quả thực hiện chuyển đổi số\tBộ Khoa học và "
        "Công nghệ\tBộ Xây dựng\t2026-2027\n"
    )
    got = _obligations(first, second)
    assert got[:2] == [
        ("Bộ Xây dựng", "lead", "2027", ["Bộ Khoa học và Công nghệ"]),
        ("Bộ Khoa học và Công nghệ", "support", "2027", []),
    ]
    assert [a for a, *_ in got[2:]] == ["Bộ Khoa học và Công nghệ", "Bộ Xây dựng"]


def test_the_list_of_abolished_procedures_assigns_nothing():
    """Quyết định công bố TTHC of Hà Nội (tn-ca83e768…): the rows under '2. Danh mục thủ tục hành chính bị bãi bỏ'
    name the body of a procedure that no longer exists, which is no task; a list of procedures in force is read."""
    listed = (
        "|\n**STT**\n|\n**Mã TTHC**\n|\n**Tên thủ tục hành chính**\n|\n"
        "**Tên Văn bản quy định việc bãi bỏ, hủy bỏ thủ tục hành chính**\n|\n**Lĩnh vực**\n|\n"
        "**Cơ quan thực hiện**\n|\n|\n**A**\n|\n**Thủ tục hành chính cấp\nThành phố**\n|\n|\n"
        "1\n|\n1.012508\n|\nCấp lại chứng chỉ nghiệp vụ\nchuyên môn về đấu thầu\n|\n"
        "Luật Đấu thầu số 22/2023/QH15\n|\nĐấu thầu\n|\nSở Tài chính\n|\n"
    )
    abolished = (
        "**2. Danh mục thủ tục hành\nchính bị bãi bỏ thuộc phạm vi chức năng quản lý của UBND thành phố Hà Nội**\n"
    )
    in_force = "**1. Danh mục thủ tục hành\nchính được sửa đổi, bổ sung thuộc phạm vi chức năng quản lý của UBND thành phố Hà Nội**\n"
    assert _obligations(abolished + listed) == []
    assert _obligations(in_force + listed) == [("Sở Tài chính", "assigned", None, [])]


def test_a_bulleted_body_cell_and_a_ditto_row():
    """Quyết định 2913/QĐ-UBND Hà Tĩnh (công bố TTHC nội bộ), Phần I: the 'Cơ quan thực hiện' cell lists its bodies
    as dashed lines, the row below says 'Như trên'; 'các sở ngành liên quan' closes the list (notes-M)."""
    text = (
        "DANH MỤC TTHC NỘI BỘ\n\n|\n**TT**\n|\n**Tên thủ tục hành chính**\n|\n**Lĩnh vực**\n|\n"
        "**Cơ quan thực hiện**\n|\n**Căn cứ pháp lý**\n|\n|\n"
        "1\n|\nBan hành kế hoạch xử lý, cải\ntạo và phục hồi ô nhiễm môi trường đất đặc biệt nghiêm trọng\n|\n"
        "Môi trường\n|\n- Sở Nông nghiệp và Môi trường,\ncác sở ngành liên quan;\n- Chủ tịch UBND tỉnh\n|\n"
        "- Luật Bảo vệ môi trường năm\n2020;\n|\n|\n"
        "2\n|\nXây dựng kế hoạch xử lý, cải\ntạo và phục hồi ô nhiễm môi trường đất đặc biệt nghiêm trọng\n|\n"
        "Như trên\n|\nNhư trên\n|\n- Luật Bảo vệ môi trường\nnăm2020;\n|\n"
    )
    bodies = [
        ("Sở Nông nghiệp và Môi trường", "assigned", None, []),
        ("Chủ tịch Ủy ban nhân dân tỉnh", "assigned", None, []),
    ]
    assert _obligations(text) == bodies + bodies


def test_rows_named_by_their_step_are_a_procedures_internal_flow():
    """Quyết định 2022/QĐ-UBND Cao Bằng (tn-8bb6ac57ee7b4c5d), Phụ lục 2, 'Quy trình nội bộ': the steps' column is
    headed 'Thứ tự công việc', and each row is a step done when a case comes in, no task; the same rows under a
    list's own task column are read."""
    head = (
        "|\n**Thứ tự công việc**\n|\n**Nội dung công việc**\n|\n**Trách nhiệm thực hiện**\n|\n"
        "**Thời gian thực hiện**\n|\n|\n"
    )
    rows = (
        "Bước 1\n|\nKiểm tra, xem xét tính chính xác, đầy đủ của hồ sơ\n|\n"
        "Bộ phận tiếp nhận và trả kết quả Sở Y tế\n|\n0,5 ngày làm việc\n|\n|\n"
        "Bước 6\n|\nVào sổ văn bản, đóng dấu, chuyển kết quả cho TTPVHCC\n|\nBộ phận Văn thư Sở Y tế\n|\n"
        "0,5 ngày làm việc\n|\n"
    )
    assert _obligations(head + rows) == []
    named = rows.replace("Bước 1", "Kiểm tra hồ sơ").replace("Bước 6", "Vào sổ văn bản")
    assert [agency for agency, *_ in _obligations(head + named)] == [
        "Bộ phận tiếp nhận và trả kết quả Sở Y tế",
        "Bộ phận Văn thư Sở Y tế",
    ]


def test_an_ocr_read_grid_whose_row_number_heading_and_numbers_slipped():
    """Quyết định 2597/QĐ-TTg's appendix printed and scanned at 140-150 dpi (``bench.scan_tolerance texts``): the
    OCR read 'STT' as 'SII' ('S11', 'SIL', 'SLL' on other pages) and row numbers '1' as 'Hỗ', '3' as 'g'. The grid's
    cells still line up with its header's: the header starts at the first cell, and the rows are numbered."""
    text = (
        "SII\tTên nhiệm vụ/dự án\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả dự kiến\tThời gian triển khai\n"
        "H\tCƠ CHẾ, CHÍNH SÁCH\t\t\t\t\n"
        "Hỗ\tRà soát toàn diện các luật, nghị định, thông tư có liên quan\tBộ Xây dựng\tCác bộ, ngành liên quan\t"
        "Các văn bản quy phạm pháp luật được sửa đổi, bổ sung\t2026\n"
        "2\tĐề xuất sửa đổi hoặc ban hành mới các quy định về giá trị pháp lý của dữ liệu điện tử\tBộ Xây dựng\t"
        "Các bộ, ngành liên quan\tCác văn bản quy phạm pháp luật được ban hành mới\t2026\n"
        "g\tXây dựng và ban hành các tiêu chuẩn quốc gia, quy chuẩn kỹ thuật\tBộ Xây dựng\tBộ Khoa học và Công nghệ\t"
        "Các tiêu chuẩn quốc gia\t2026-2027\n"
    )
    assert [(a, r, d) for a, r, d, _ in _obligations(text)] == [
        ("Bộ Xây dựng", "lead", "2026"),
        ("Bộ Xây dựng", "lead", "2026"),
        ("Bộ Xây dựng", "lead", "2027"),
        ("Bộ Khoa học và Công nghệ", "support", "2027"),
    ]


def test_a_header_printed_again_over_the_page_keeps_the_tables_title():
    """Kế hoạch 144/KH-UBND's appendix scanned (300 dpi): no time column, the title's 'ĐẾN NĂM 2030' dates every row;
    the OCR's grid runs on over the page break, the header printed again on the new page ('TT' read 'TL')."""
    first = (
        "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ SỐ, XÃ HỘI SỐ ĐẾN NĂM 2030\n"
        "TT\tChỉ tiêu\tChủ trì\n"
        "8\tTỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình đạt 80%.\tVăn phòng UBND tỉnh\n"
    )
    second = "TL\tChỉ tiêu\tChủ trì\n12\tTỷ lệ người dân được định danh số đạt 100%.\tCông an tỉnh\n"
    assert [(a, r, d) for a, r, d, _ in _obligations(first, second)] == [
        ("Văn phòng Ủy ban nhân dân tỉnh", "lead", "2030"),
        ("Công an tỉnh", "lead", "2030"),
    ]
