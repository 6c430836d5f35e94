"""Outline parser: markers, section paths, and what is not a marker."""
from pipeline.outline import parse


def test_parts_items_letters_and_bullets_give_section_paths():
    nodes = parse(["IV. TỔ CHỨC THỰC HIỆN", "1. Sở Y tế:", "- Chủ trì triển khai Kế hoạch.",
                   "2. Trách nhiệm của các sở, ngành", "a) Công an tỉnh: kiểm tra.", "+ Báo cáo định kỳ.",
                   "2.1. Sở Tài chính", "Bố trí kinh phí."])
    assert [n.section for n in nodes] == ["IV", "IV.1", "IV.1", "IV.2", "IV.2.a", "IV.2.a", "IV.2.1", "IV.2.1"]
    assert [n.marker for n in nodes] == ["IV.", "1.", "-", "2.", "a)", "+", "2.1.", None]
    assert nodes[2].heading == "1. Sở Y tế:"


def test_articles_of_a_decision():
    nodes = parse(["Điều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này.", "1. Sở Y tế"])
    assert [n.section for n in nodes] == ["Điều 3", "Điều 3.1"]
    assert nodes[0].marker == "Điều 3."


def test_markdown_marks_before_a_marker_are_skipped():
    nodes = parse(["### III. TỔ CHỨC THỰC HIỆN", "**2. Mục tiêu cụ thể**", "## 1. Tăng cường sự lãnh đạo"])
    assert [(n.marker, n.section) for n in nodes] == [("III.", "III"), ("2.", "III.2"), ("1.", "III.1")]


def test_numbers_in_running_text_are_not_markers():
    # wrapped lines of a scan or PDF can start with a document number, a date or a figure
    nodes = parse(["1. Sở Tư pháp", "03/2010/NĐ-CP của Chính phủ về phối hợp", "15/12) gửi Công an thành phố",
                   "1.000 người tham gia", "V/v tăng cường phòng chống dịch"])
    assert [n.marker for n in nodes] == ["1.", None, None, None, None]
    assert [n.section for n in nodes] == ["1"] * 5
