"""Outline parser: markers, section paths, and what is not a marker."""

from pipeline.text.outline import continues, first_item_at, is_page_number, parse


def test_parts_items_letters_and_bullets_give_section_paths():
    nodes = parse(
        [
            "IV. TỔ CHỨC THỰC HIỆN",
            "1. Sở Y tế:",
            "- Chủ trì triển khai Kế hoạch.",
            "2. Trách nhiệm của các sở, ngành",
            "a) Công an tỉnh: kiểm tra.",
            "+ Báo cáo định kỳ.",
            "2.1. Sở Tài chính",
            "Bố trí kinh phí.",
        ]
    )
    assert [n.section for n in nodes] == ["IV", "IV.1", "IV.1", "IV.2", "IV.2.a", "IV.2.a", "IV.2.1", "IV.2.1"]
    assert [n.marker for n in nodes] == ["IV.", "1.", "-", "2.", "a)", "+", "2.1.", None]
    assert nodes[2].heading == "1. Sở Y tế:"


def test_articles_of_a_decision():
    nodes = parse(["Điều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này.", "1. Sở Y tế"])
    assert [n.section for n in nodes] == ["Điều 3", "Điều 3.1"]
    assert nodes[0].marker == "Điều 3."


def test_an_article_with_its_first_item_on_its_line_is_cut_before_the_item():
    line = "Điều 2: a) Ủy ban nhân dân thị xã Cao Bằng có nhiệm vụ giải phóng mặt bằng"
    assert line[first_item_at(line) :].startswith("a) Ủy ban")
    assert first_item_at("Điều 1:- Nay phê duyệt, thu hồi đất đai") is None
    assert first_item_at("Điều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này.") is None
    assert first_item_at("1. a) Sở Y tế") is None  # only an article's line is cut


def test_markdown_marks_before_a_marker_are_skipped():
    nodes = parse(["### III. TỔ CHỨC THỰC HIỆN", "**2. Mục tiêu cụ thể**", "## 1. Tăng cường sự lãnh đạo"])
    assert [(n.marker, n.section) for n in nodes] == [("III.", "III"), ("2.", "III.2"), ("1.", "III.1")]


def test_numbers_in_running_text_are_not_markers():
    # wrapped lines of a scan or PDF can start with a document number, a date or a figure
    nodes = parse(
        [
            "1. Sở Tư pháp",
            "03/2010/NĐ-CP của Chính phủ về phối hợp",
            "15/12) gửi Công an thành phố",
            "1.000 người tham gia",
            "V/v tăng cường phòng chống dịch",
        ]
    )
    assert [n.marker for n in nodes] == ["1.", None, None, None, None]
    assert [n.section for n in nodes] == ["1"] * 5


def test_a_line_cut_mid_sentence_by_a_scan_continues_its_paragraph():
    # OCR keeps a break where the next line starts with a capital; a long line with no closing
    # punctuation is still open, unless the next line opens an item or is a page number
    assert continues(
        "2. Đảng ủy Công an tỉnh, Thành ủy Nha Trang, Thành ủy Cam Ranh và Thị ủy",
        "Ninh Hòa chủ động xây dựng chương trình, kế hoạch.",
    )
    assert not continues(
        "2. Đảng ủy Công an tỉnh, Thành ủy Nha Trang, Thành ủy Cam Ranh và Thị ủy", "- Chủ động xây dựng chương trình."
    )
    assert not continues(
        "Ban Thường vụ Đảng ủy Công an Trung ương đề nghị những nội dung sau:",
        "Chỉ đạo phổ biến quán triệt chủ trương.",
    )
    assert not continues("1. Sở Y tế", "Chủ trì triển khai Kế hoạch.")  # a short heading
    assert not continues("Để tạo sự đồng thuận, Ban Thường vụ Đảng ủy Công an Trung ương trân trọng", "2")
    assert is_page_number("2") and is_page_number("- 3 -") and not is_page_number("2030")


def test_a_letter_out_of_sequence_is_a_misread_number_not_an_item():
    # a scan read '5.' as 'o.': there is no 'a)'…'n)' before it, so it opens no letter item
    nodes = parse(
        [
            "4. Đảng ủy các xã, phường tăng cường lãnh đạo.",
            "o. Giao Đảng ủy Công an tỉnh chủ trì theo dõi.",
            "5. Sở Y tế",
            "a. Kiểm tra.",
            "b. Báo cáo.",
            "a. Lại từ đầu.",
        ]
    )
    assert [n.marker for n in nodes] == ["4.", None, "5.", "a.", "b.", None]
    assert [n.section for n in nodes] == ["4", "4", "5", "5.a", "5.b", "5.b"]


def test_a_letter_printed_twice_is_an_item_all_the_same():
    # a drafting slip ('b)' twice: Chỉ thị 010/CT-UBND Đắk Lắk; 'đ)' twice: cb-file_data_2) or OCR's 'd)' read as 'đ)'
    nodes = parse(["1. Sở Tài chính:", "a) Tiếp nhận.", "b) Kiểm tra.", "b) Tổ chức lấy ý kiến.", "c) Báo cáo."])
    assert [n.marker for n in nodes] == ["1.", "a)", "b)", "b)", "c)"]


def test_bracketed_items_emphasised_numbers_and_chapters():
    lines = [
        "1. Các tỉnh tập trung một số nhiệm vụ sau:",
        "(1) Huy động lực lượng;",
        "(2) Bố trí chỗ ở tạm;",
        "(i) Ủy ban nhân dân tỉnh chỉ đạo …",
        "**2. **Trên cơ sở kết quả rà soát, Sở Y tế báo cáo.",
        "Chương II",
        "(1) Theo Quyết định số 12/QĐ-UBND.",
    ]
    nodes = parse(lines)
    assert [n.marker for n in nodes] == ["1.", "(1)", "(2)", "(i)", "2.", "Chương II", None]
    assert [n.section for n in nodes[:5]] == ["1", "1", "1", "1", "2"]  # items in brackets keep the path above them


def test_a_lowercase_line_goes_on_after_a_closing_mark():
    """No sentence starts in lowercase: a wrap after an ellipsis or a quote is the same paragraph."""
    assert continues(
        "*làm việc “3 ca, 4 kíp”, “làm việc xuyên ngày nghỉ, ngày lễ, ngày tết”...*", "để hoàn thành các dự án"
    )
    assert not continues("Các sở, ngành triển khai thực hiện Kế hoạch này.", "Giao Sở Y tế chủ trì.")


def test_an_article_reference_wrapped_to_the_line_head_is_no_article():
    """HĐND Hà Nội 79/2025/NQ-HĐND Điều 8.1.c; UBND Quảng Ninh 97/2025/QĐ-UBND ('… quy định tại khoản 3' /
    'Điều 16 Nghị định số 62/2025/NĐ-CP …'); HĐND Hà Nội's low-emission zones ('… tiêu chí quy định tại' /
    'Điều 4 và …'). A real article heading keeps its marker."""
    lines = [
        "**Điều 8. Tổ chức thực hiện**",
        "1. Giao Ủy ban nhân dân Thành phố:",
        "a) Chỉ đạo Ủy ban nhân dân cấp xã: Rà soát, phê duyệt danh sách cơ sở theo địa bàn quản lý; bố trí",
        "quỹ đất, phê duyệt kế hoạch, phương án di chuyển đối với các cơ sở quy định tại",
        "Điều 6 của Nghị quyết này;",
        "b) Chỉ đạo Sở Xây dựng hướng dẫn Ủy ban nhân dân cấp xã (theo quy định tại khoản 3",
        "Điều 16 Nghị định số 62/2025/NĐ-CP ngày 4/3/2025 của Chính phủ)",
        "Điều 9. Hiệu lực thi hành",
    ]
    nodes = parse(lines)
    assert [n.section for n in nodes] == [
        "Điều 8",
        "Điều 8.1",
        "Điều 8.1.a",
        "Điều 8.1.a",
        "Điều 8.1.a",
        "Điều 8.1.b",
        "Điều 8.1.b",
        "Điều 9",
    ]
    assert continues(lines[3], lines[4])
    assert not continues("Quyết định này có hiệu lực kể từ ngày ký.", "Điều 3. Chánh Văn phòng")


def test_a_number_closing_the_bracket_the_line_above_opened_is_no_item():
    """UBND Quảng Ngãi 565/TB-UBND at 300 dpi grey: '… phân bổ vốn đối ứng ngân sách huyện (tối thiểu' / '5) đảm bảo
    theo quy định; …' ('5%)' with its sign lost) under item 6 — read as item 5, it took item 6's bullets with three
    false bodies; UBND tỉnh Đồng Tháp 137/2025/QĐ-UBND (tn-1fa949f85858c62f): '… thời gian dừng bán hàng (lần' /
    '2) đến Sở Công Thương …'. A real item after a closed bracket keeps its marker."""
    lines = [
        "6. UBND các huyện, thị xã, thành phố chịu trách nhiệm:",
        "- Khẩn trương, quyết liệt triển khai thực hiện có hiệu quả các Chương trình MTQG trên địa bàn; phân bổ vốn đối"
        " ứng ngân sách huyện (tối thiểu",
        "5) đảm bảo theo quy định; phân đâu giải ngân đạt kết quả cao nhất.",
        "- Tập trung triển khai thực hiện công tác rà soát hộ nghèo, hộ cận nghèo năm 2024 theo đúng quy định.",
        "6) Các cơ quan (theo chức năng) chủ động triển khai.",
        "7) Sở Tài chính bố trí kinh phí.",
    ]
    assert [n.section for n in parse(lines)] == ["6", "6", "6", "6", "6", "7"]
    assert continues(lines[1], lines[2])
    assert not continues(lines[4], lines[5])
