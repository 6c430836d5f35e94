"""Obligations: one per (body, task) in the parts of a document that assign tasks.

Excerpts: seeds 000 (a central letter with a numbered đề nghị list), 001 (a party resolution),
002 and 003 (plans with a TỔ CHỨC THỰC HIỆN / PHÂN CÔNG NHIỆM VỤ part), and invented documents of
other provinces and topics in the same genre.
"""

import pytest

from extractors import agencies, obligations
from pipeline.read.load import load_document
from pipeline.text.segment import segment
from schemas.document import Document, Page, TextSource


def _obligations(text: str):
    doc = Document(
        path="t.txt", sha256="0", media_type="text/plain", pages=[Page(number=1, text=text, source=TextSource.plain)]
    ).with_offsets()
    return obligations.extract(segment(doc), None)


def _rows(text: str):
    return [(o.agency, o.role, o.section) for o in _obligations(text)]


def test_letter_numbered_requests_go_to_the_addressee():
    text = """Kính gửi: Ban Thường vụ các Tỉnh ủy
Để tạo sự đồng thuận, Ban Thường vụ Đảng ủy Công an Trung ương trân trọng đề nghị Ban Thường vụ các Tỉnh ủy những nội dung sau:
1. Chỉ đạo phổ biến quán triệt chủ trương xây dựng thí điểm Công an phường điển hình.
2. Chỉ đạo UBND tỉnh xây dựng Đề án Công an phường điển hình.
3. Chỉ đạo lực lượng Công an tăng cường công tác phối hợp Mặt trận Tổ quốc, các ban, ngành, đoàn thể.
Ban Thường vụ Đảng ủy Công an Trung ương trao đổi để Ban Thường vụ các Tỉnh ủy quan tâm, tạo điều kiện.
Nơi nhận:
- Như trên;"""
    got = _obligations(text)
    assert [(o.agency, o.section) for o in got] == [("Ban Thường vụ các Tỉnh ủy", s) for s in ("1", "2", "3")]
    assert got[2].partners == ["Mặt trận Tổ quốc", "các ban, ngành, đoàn thể"]
    assert got[0].evidence.quote.startswith("1. Chỉ đạo phổ biến")


def test_resolution_items_name_their_bodies_and_a_giao_clause_adds_one():
    text = """III. TỔ CHỨC THỰC HIỆN
1. Các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc căn cứ chức năng, nhiệm vụ được giao để tổ chức nghiên cứu, quán triệt nội dung Nghị quyết này.
2. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp Đảng ủy Công an tỉnh, Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tổ chức tuyên truyền, vận động cán bộ, đảng viên.
3. Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo các sở, ban, ngành phối hợp Công an tỉnh triển khai thí điểm. Trong đó, giao Công an tỉnh chủ trì việc xây dựng Đề án, với lộ trình thực hiện cụ thể.
4. Đảng đoàn Hội đồng nhân dân tỉnh, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh lãnh đạo xây dựng kế hoạch giám sát."""
    got = _obligations(text)
    assert [(o.agency, o.role, o.section) for o in got] == [
        ("Các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc", "assigned", "III.1"),
        ("Ban Tuyên giáo Tỉnh ủy", "lead", "III.2"),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "assigned", "III.3"),
        ("Công an tỉnh", "lead", "III.3"),
        ("Đảng đoàn Hội đồng nhân dân tỉnh", "assigned", "III.4"),
        ("Mặt trận Tổ quốc", "assigned", "III.4"),
        ("các đoàn thể chính trị - xã hội tỉnh", "assigned", "III.4"),
    ]
    assert got[1].partners == ["Đảng ủy Công an tỉnh", "Ủy ban Mặt trận Tổ quốc", "các đoàn thể chính trị - xã hội"]
    assert got[3].task.startswith("Việc xây dựng Đề án") and got[1].task.startswith("Tổ chức tuyên truyền")


def test_plan_gives_one_obligation_per_bullet_and_per_body():
    text = """IV. PHÂN CÔNG NHIỆM VỤ
1. Công an Thành phố
- Chủ trì, phối hợp với các sở, ban, ngành có liên quan tham mưu UBND Thành phố chỉ đạo thực hiện Kế hoạch này.
- Phối hợp các cấp, các ngành đẩy mạnh công tác tuyên truyền.
- Hướng dẫn, kiểm tra, đôn đốc việc thực hiện Kế hoạch.
2. Sở Tài chính
Trên cơ sở đề xuất của các sở, ban, ngành, đoàn thể, Sở Tài chính phối hợp với các đơn vị liên quan tham mưu UBND Thành phố cân đối kinh phí.
3. Đề nghị Viện kiểm sát nhân dân và Tòa án nhân dân Thành phố
- Phối hợp với Công an Thành phố đẩy nhanh tiến độ điều tra, truy tố xét xử các vụ án.
- Tăng cường công tác thực hành quyền công tố.
4. UBND các quận và thị xã Sơn Tây
- Thành lập Ban Chỉ đạo trực tiếp điều hành.
UBND Thành phố yêu cầu các Sở, ban, ngành, UBND các quận, huyện, thị xã căn cứ nội dung Kế hoạch này xây dựng kế hoạch cụ thể; đồng thời, chấp hành chế độ báo cáo định kỳ 06 tháng (trước ngày 15/6), 01 năm (trước ngày 15/12) gửi Công an thành phố tổng hợp./."""
    got = _obligations(text)
    assert [(o.agency, o.role) for o in got] == [
        ("Công an Thành phố", "lead"),
        ("Công an Thành phố", "support"),
        ("Công an Thành phố", "assigned"),
        ("Sở Tài chính", "support"),
        ("Viện kiểm sát nhân dân Thành phố", "support"),
        ("Tòa án nhân dân Thành phố", "support"),
        ("Viện kiểm sát nhân dân Thành phố", "assigned"),
        ("Tòa án nhân dân Thành phố", "assigned"),
        ("Ủy ban nhân dân các quận", "assigned"),
        ("Ủy ban nhân dân thị xã Sơn Tây", "assigned"),
        ("các Sở, ban, ngành", "assigned"),
        ("Ủy ban nhân dân các quận, huyện, thị xã", "assigned"),
        ("các Sở, ban, ngành", "assigned"),
        ("Ủy ban nhân dân các quận, huyện, thị xã", "assigned"),
        ("các Sở, ban, ngành", "assigned"),
        ("Ủy ban nhân dân các quận, huyện, thị xã", "assigned"),
    ]
    assert got[0].task.startswith("Tham mưu UBND Thành phố") and got[0].partners == ["các sở, ban, ngành có liên quan"]
    assert [o.due for o in got[-6:]] == [None, None, "--06-15", "--06-15", "--12-15", "--12-15"]
    assert got[-1].recurrence == "yearly"


def test_heading_with_colon_owns_bullets_and_paragraphs_but_not_footnotes():
    text = """IV. TỔ CHỨC THỰC HIỆN:
1. Đảng ủy Công an thành phố:
- Chủ trì, phối hợp với các phòng ban, đơn vị tham mưu triển khai thực hiện kế hoạch.
- Chỉ đạo nâng cao hiệu quả công tác công an.
Đồng thời triển khai các biện pháp nghiệp vụ đấu tranh có hiệu quả với các loại tội phạm.
(1) Theo Quyết định số 18/QĐ-TTg ngày 14/02/2026 của Thủ tướng Chính phủ.
chính trị, trật tự an toàn xã hội ở cơ sở."""
    got = _obligations(text)
    assert [o.role for o in got] == ["lead", "assigned", "assigned"]
    assert got[2].task.startswith("Triển khai các biện pháp")


def test_provincial_decision_article_on_who_executes_it():
    text = """QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh truyền nhiễm năm 2024.
Điều 2. Giao Sở Y tế chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức triển khai thực hiện Kế hoạch; báo cáo UBND tỉnh trước ngày 20/12/2024.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Y tế, Tài chính; Chủ tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;"""
    got = _obligations(text)
    assert [(o.agency, o.role, o.section) for o in got] == [
        ("Sở Y tế", "lead", "Điều 2"),
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "assigned", "Điều 3"),
        ("Giám đốc Sở Y tế", "assigned", "Điều 3"),
        ("Giám đốc Sở Tài chính", "assigned", "Điều 3"),
        ("Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố", "assigned", "Điều 3"),
    ]
    assert got[0].due == "2024-12-20" and got[0].partners == ["các cơ quan, đơn vị liên quan"]
    assert got[1].task == "Chịu trách nhiệm thi hành Quyết định này"


def test_health_plan_of_another_province_with_sub_items_and_an_exhortation():
    text = """II. NỘI DUNG
1. Tăng cường công tác truyền thông
Cấp ủy, chính quyền các cấp xác định công tác tiêm chủng là nhiệm vụ trọng tâm.
2. Tổ chức thực hiện tốt việc tiêm chủng cho trẻ em trong độ tuổi.
III. TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của các sở, ngành
a) Sở Y tế: chủ trì tham mưu UBND tỉnh triển khai Kế hoạch; tổng hợp báo cáo trước ngày 15/12/2025.
b) Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình Đồng Tháp, Báo Đồng Tháp: đẩy mạnh tuyên truyền về tiêm chủng.
2. Các sở, ngành:
- Sở Tài chính: bố trí kinh phí thực hiện.
- Sở Giáo dục và Đào tạo phối hợp với Sở Y tế tổ chức tiêm chủng tại trường học.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh
Vận động đoàn viên, hội viên đưa trẻ đi tiêm chủng đầy đủ, đúng lịch."""
    assert _rows(text) == [
        ("Sở Y tế", "lead", "III.1.a"),
        ("Sở Thông tin và Truyền thông", "assigned", "III.1.b"),
        ("Đài Phát thanh và Truyền hình Đồng Tháp", "assigned", "III.1.b"),
        ("Báo Đồng Tháp", "assigned", "III.1.b"),
        ("Sở Tài chính", "assigned", "III.2"),
        ("Sở Giáo dục và Đào tạo", "support", "III.2"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "assigned", "III.3"),
        ("các tổ chức chính trị - xã hội tỉnh", "assigned", "III.3"),
    ]


def test_directive_with_a_bare_yeu_cau_and_a_task_table_line():
    text = """Để chủ động phòng ngừa cháy, nổ, Chủ tịch UBND tỉnh yêu cầu:
1. Công an tỉnh
a) Chủ trì, phối hợp với các sở, ngành kiểm tra các cơ sở có nguy cơ cháy, nổ cao.
b) Xử lý nghiêm các vi phạm về phòng cháy, chữa cháy.
2. Sở Công Thương phối hợp với Công an tỉnh kiểm tra an toàn điện tại các chợ.
Nội dung: Hoàn thiện cơ sở dữ liệu về phòng cháy.
Cơ quan chủ trì: Công an tỉnh."""
    got = _obligations(text)
    assert [(o.agency, o.role) for o in got] == [
        ("Công an tỉnh", "lead"),
        ("Công an tỉnh", "assigned"),
        ("Sở Công Thương", "support"),
        ("Công an tỉnh", "lead"),
    ]
    assert got[-1].task == "Hoàn thiện cơ sở dữ liệu về phòng cháy."


def test_scanned_plan_without_tone_marks():
    text = """IV. TO CHUC THUC HIEN
1. So Y te:
- Chu tri, phoi hop voi So Tai chinh tham muu UBND tinh bo tri kinh phi.
2. Cong an tinh: kiem tra an ninh trat tu tai cac co so y te."""
    assert _rows(text) == [("Sở Y tế", "lead", "IV.1"), ("Công an tỉnh", "assigned", "IV.2")]


def test_body_text_outside_assignment_parts_gives_nothing():
    text = """I. MỤC ĐÍCH, YÊU CẦU:
1. Tổ chức thực hiện có hiệu quả các chủ trương của Đảng.
Các cấp, các ngành quán triệt và thực hiện nghiêm túc các nội dung của Kế hoạch.
Công an phường thực hiện tốt chức năng, nhiệm vụ được giao; bàn giao các trụ sở theo quy định.
Để thực hiện tốt yêu cầu nhiệm vụ, cần tập trung các nội dung sau:
1. Tăng cường kiểm tra, giám sát."""
    assert _obligations(text) == []


def test_group_items_and_lead_in_words_before_the_body():
    text = """V. TỔ CHỨC THỰC HIỆN
1. Công an tỉnh (cơ quan thường trực)
- Chủ trì tham mưu UBND tỉnh triển khai Kế hoạch.
- Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.
2. Trách nhiệm của các sở, ban, ngành
a) Sở Y tế
- Chủ trì công tác cai nghiện ma túy.
- Phối hợp với Công an tỉnh xét nghiệm ma túy.
b) Đối với Sở Giáo dục và Đào tạo: đưa nội dung phòng, chống ma túy vào nhà trường.
3. Đối với UBND các huyện, thị xã, thành phố:
Xây dựng kế hoạch thực hiện tại địa phương."""
    got = _obligations(text)
    assert [(o.agency, o.role, o.section) for o in got] == [
        ("Công an tỉnh", "lead", "V.1"),
        ("Công an tỉnh", "assigned", "V.1"),
        ("Sở Y tế", "lead", "V.2.a"),
        ("Sở Y tế", "support", "V.2.a"),
        ("Sở Giáo dục và Đào tạo", "assigned", "V.2.b"),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố", "assigned", "V.3"),
    ]
    assert (got[1].due, got[1].recurrence) == ("--12-15", "yearly")


def test_appendix_table_of_tasks():
    text = (
        "Nơi nhận:\n- Như trên;\nPHỤ LỤC NHIỆM VỤ CỤ THỂ\n"
        "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "I\tCông tác tuyên truyền\t\t\t\n"
        "1\tKiểm tra các cơ sở kinh doanh có điều kiện\tCông an tỉnh\tSở Y tế, Sở Công Thương\tNăm 2025\n"
        "2\tBáo cáo sơ kết\tSở Y tế, Công an tỉnh\t\tTrước ngày 30/6/2025\n"
    )
    got = _obligations(text)
    assert [(o.agency, o.role, o.due) for o in got] == [
        ("Công an tỉnh", "lead", "2025"),
        ("Sở Y tế", "support", "2025"),  # a body the partner column names is given its part (CONVENTIONS, notes-A)
        ("Sở Công Thương", "support", "2025"),
        ("Sở Y tế", "lead", "2025-06-30"),
        ("Công an tỉnh", "lead", "2025-06-30"),
    ]
    assert got[0].partners == ["Sở Y tế", "Sở Công Thương"] and got[0].evidence.quote == got[0].task


def test_web_page_task_table_with_group_rows_and_empty_cells():
    """A table as a web page renders it: group rows ('I | KIỆN TOÀN …'), a row without its product cell, a partner
    cell that names a body beside a catch-all, and a lead cell with two bodies."""
    text = (
        "| TT | Nội dung thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm dự kiến |\n"
        "| | I | KIỆN TOÀN CƠ CHẾ CHỈ ĐẠO | |\n"
        "| | 1 | Tổ chức lại Ban Chỉ huy cấp tỉnh, cấp xã | Sở Nội vụ; UBND cấp xã | Sở Tài chính và cơ quan, "
        "địa phương liên quan | Trước ngày 30/11/2025 | Quyết định |\n"
        "| | 2 | Hướng dẫn thanh toán chi phí khám bệnh | Sở Y tế | Cơ quan, địa phương liên quan | 2025 | |\n"
    )
    got = _obligations(text)
    assert [(o.agency, o.role, o.due) for o in got] == [
        ("Sở Nội vụ", "lead", "2025-11-30"),
        ("Ủy ban nhân dân cấp xã", "lead", "2025-11-30"),
        ("Sở Tài chính", "support", "2025-11-30"),
        ("Sở Y tế", "lead", "2025"),
    ]


def test_requests_to_the_comrades_go_to_the_letter_addressees():
    text = """Kính gửi:
- Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy;
- Ban cán sự đảng UBND tỉnh.
Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy đề nghị các đồng chí quan tâm chỉ đạo một số nội dung sau:
1. Tổ chức quán triệt Chỉ thị đến cán bộ, đảng viên.
2. Báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 30/11/2025."""
    assert [(o.agency, o.section, o.due) for o in _obligations(text)] == [
        ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "1", None),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "1", None),
        ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "2", "2025-11-30"),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "2", "2025-11-30"),
    ]


def test_assignment_notes_in_parentheses_anywhere_in_the_plan():
    text = """II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao chất lượng khám, chữa bệnh
- Tăng cường kiểm tra chất lượng dịch vụ y tế tại các cơ sở khám, chữa bệnh (giao Sở Y tế chủ trì, các sở, ngành phối hợp).
- Hoàn thiện cơ sở dữ liệu về người nghiện ma túy (Cơ quan thực hiện: Công an tỉnh; thời gian: năm 2025).
- Các địa phương đã được giao chỉ tiêu tiếp tục thực hiện tốt."""
    got = _obligations(text)
    assert [(o.agency, o.role, o.section) for o in got] == [
        ("Sở Y tế", "lead", "II.1"),
        ("Công an tỉnh", "assigned", "II.1"),
    ]
    assert got[0].task == "Tăng cường kiểm tra chất lượng dịch vụ y tế tại các cơ sở khám, chữa bệnh"


def test_party_plan_group_heading_is_not_a_task():
    text = """III. TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của các cơ quan tham mưu, giúp việc Tỉnh ủy
a) Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy hướng dẫn việc tuyên truyền.
b) Ủy ban Kiểm tra Tỉnh ủy: kiểm tra, giám sát việc thực hiện Kế hoạch.
2. Đảng ủy Quân sự tỉnh, Đảng ủy Công an tỉnh, Đảng ủy Bộ đội Biên phòng tỉnh lãnh đạo thực hiện nhiệm vụ quốc phòng, an ninh."""
    assert _rows(text) == [
        ("Ban Tuyên giáo Tỉnh ủy", "lead", "III.1.a"),
        ("Ủy ban Kiểm tra Tỉnh ủy", "assigned", "III.1.b"),
        ("Đảng ủy Quân sự tỉnh", "assigned", "III.2"),
        ("Đảng ủy Công an tỉnh", "assigned", "III.2"),
        ("Đảng ủy Bộ đội Biên phòng tỉnh", "assigned", "III.2"),
    ]


def test_numbered_de_nghi_list_in_a_kien_nghi_part():
    text = """III. KIẾN NGHỊ, ĐỀ XUẤT
1. Đề nghị Bộ Tư pháp sớm hướng dẫn thống nhất việc chứng thực bản sao điện tử.
2. Đề nghị Văn phòng UBND tỉnh, Sở Nội vụ bổ sung biên chế cho bộ phận một cửa cấp huyện.
3. Đối với cấp xã: tiếp tục kiện toàn bộ phận một cửa.
Trên đây là báo cáo của Sở Tư pháp./."""
    assert [o.agency for o in _obligations(text)] == ["Bộ Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ"]


def test_each_official_in_the_executing_article_is_assigned():
    text = """Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế, Thủ trưởng các cơ quan, đơn vị liên quan, Chủ tịch UBND các huyện, thị xã chịu trách nhiệm thi hành Quyết định này./."""
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "assigned"),
        ("Giám đốc Sở Y tế", "assigned"),
        ("Thủ trưởng các cơ quan, đơn vị liên quan", "assigned"),
        ("Chủ tịch Ủy ban nhân dân các huyện, thị xã", "assigned"),
    ]


def test_heading_with_a_place_name_and_va_gives_each_body_each_bullet():
    text = """V. TỔ CHỨC THỰC HIỆN
2. UBND thành phố Hà Tĩnh và UBND các huyện
- Lập danh sách hộ nghèo cần hỗ trợ nhà ở.
- Bố trí vốn đối ứng từ ngân sách địa phương."""
    bodies = ["Ủy ban nhân dân thành phố Hà Tĩnh", "Ủy ban nhân dân các huyện"]
    assert [(o.agency, o.task) for o in _obligations(text)] == [
        (b, "Lập danh sách hộ nghèo cần hỗ trợ nhà ở.") for b in bodies
    ] + [(b, "Bố trí vốn đối ứng từ ngân sách địa phương.") for b in bodies]


def test_giao_heading_with_a_bracketed_alias_over_bullets():
    text = """II. NHIỆM VỤ TRỌNG TÂM
2. Giao Sở Y tế (cơ quan thường trực Ban Chỉ đạo):
- Chủ trì, phối hợp với các bệnh viện xây dựng phương án thu dung.
- Tổng hợp, báo cáo Ban Chỉ đạo trước ngày 20/11/2025."""
    got = _obligations(text)
    assert [(o.agency, o.role) for o in got] == [("Sở Y tế", "lead"), ("Sở Y tế", "assigned")]
    assert got[1].due == "2025-11-20"


def test_items_of_a_nhiem_vu_part_that_open_with_a_body_and_a_verb():
    text = """III. NHIỆM VỤ THỜI GIAN TỚI
1. Năm 2026 phấn đấu 100% trường học đạt chuẩn an toàn.
2. Đối với Công an xã: mỗi năm xây dựng ít nhất 10 mô hình tự quản.
3. UBND các huyện, thị xã rà soát quỹ đất xây dựng trường học, hoàn thành trong quý II/2026."""
    assert [o.agency for o in _obligations(text)] == ["Ủy ban nhân dân các huyện, thị xã"]


def test_an_unknown_addressee_does_not_fall_back_to_the_preamble():
    text = """Ban Thường vụ Huyện ủy yêu cầu các chi bộ, đảng bộ cơ sở thực hiện tốt các nội dung sau:
1. Quán triệt Chỉ thị đến toàn thể đảng viên.
2. Đề nghị Hiệp hội Doanh nghiệp tỉnh vận động hội viên tham gia."""
    assert [(o.agency, o.section) for o in _obligations(text)] == [("các chi bộ, đảng bộ cơ sở", "1")]


def test_exhortations_and_closing_formulas_are_not_obligations():
    text = """II. TỔ CHỨC THỰC HIỆN
1. Các cấp ủy, chính quyền các cấp xác định công tác giảm nghèo là nhiệm vụ chính trị quan trọng, thường xuyên.
2. Sở Lao động - Thương binh và Xã hội chủ trì theo dõi, tổng hợp kết quả thực hiện.
Trên đây là Kế hoạch giảm nghèo năm 2025; yêu cầu các sở, ngành, địa phương nghiêm túc thực hiện./.
Sở Tư pháp đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./."""
    assert [(o.agency, o.role) for o in _obligations(text)] == [("Sở Lao động - Thương binh và Xã hội", "lead")]


def test_topic_item_with_bodies_in_mid_sentence():
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Về tuyên truyền: Sở Văn hóa và Thể thao chủ trì xây dựng chuyên mục về an toàn giao thông, Đài Phát thanh - Truyền hình tỉnh phối hợp, hướng dẫn các đài truyền thanh cấp xã phát sóng."""
    got = _obligations(text)
    assert [(o.agency, o.role) for o in got] == [
        ("Sở Văn hóa và Thể thao", "lead"),
        ("Đài Phát thanh - Truyền hình tỉnh", "support"),
    ]
    assert got[1].partners == ["các đài truyền thanh cấp xã"]


def test_a_list_of_conclusions_assigns_to_the_bodies_its_items_open_with():
    text = """Sau khi nghe báo cáo, Phó Chủ tịch UBND tỉnh kết luận như sau:
1. Năm 2026, hoàn thành xây dựng 12 trạm y tế xã đạt chuẩn.
2. Sở Y tế khẩn trương hoàn thiện hồ sơ đề xuất danh mục đầu tư, gửi Sở Tài chính trước ngày 15/3/2026.
3. UBND các huyện bố trí mặt bằng xây dựng trạm y tế.
Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."""
    got = _obligations(text)
    assert [(o.agency, o.section) for o in got] == [("Sở Y tế", "2"), ("Ủy ban nhân dân các huyện", "3")]
    assert got[0].due == "2026-03-15"


def test_a_bullet_proposing_to_another_body_stays_with_its_heading_body():
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường
- Kiến nghị UBND tỉnh ban hành quy định hỗ trợ chuyển đổi cây trồng.
- Hướng dẫn các huyện lập kế hoạch chuyển đổi.
V. KIẾN NGHỊ
1. Kiến nghị Bộ Tài chính bổ sung kinh phí hỗ trợ nông dân."""
    assert [o.agency for o in _obligations(text)] == ["Sở Nông nghiệp và Môi trường"] * 2 + ["Bộ Tài chính"]


def test_giao_heading_outside_an_assignment_part_reads_its_bullets():
    text = """Ban Chỉ đạo thống nhất một số nội dung:
1. Giao Sở Y tế (cơ quan thường trực):
- Chủ trì xây dựng kế hoạch tiêm chủng.
- Tổng hợp kết quả, báo cáo Ban Chỉ đạo.
2. Các nội dung khác:
- Giao Công an huyện (đơn vị đầu mối):
+ Rà soát đối tượng.
+ Báo cáo kết quả."""
    assert [(o.agency, o.role, o.task) for o in _obligations(text)] == [
        ("Sở Y tế", "lead", "Xây dựng kế hoạch tiêm chủng."),
        ("Sở Y tế", "assigned", "Tổng hợp kết quả, báo cáo Ban Chỉ đạo."),
        ("Công an huyện", "assigned", "Rà soát đối tượng."),
        ("Công an huyện", "assigned", "Báo cáo kết quả."),
    ]


def _scan(*pages: str):
    """Obligations of an OCR'd document: one text per page, lines broken where the scan broke them."""
    doc = Document(
        path="t.pdf",
        sha256="0",
        media_type="application/pdf",
        pages=[Page(number=n, text=t, source=TextSource.ocr) for n, t in enumerate(pages, 1)],
    ).with_offsets()
    return obligations.extract(segment(doc), None)


def test_scan_request_list_wrapped_and_cut_by_a_page_break():
    # the intro is wrapped before the addressee's capital, and page 2 opens with its page number
    got = _scan(
        """Kính gửi: Ban Thường vụ các Tỉnh ủy
Để tạo sự đồng thuận, thống nhất; Ban Thường vụ Đảng ủy Công an Trung ương trân trọng đề nghị Ban
Thường vụ các Tỉnh ủy những nội dung sau:
1. Chỉ đạo phổ biến quán triệt chủ trương xây dựng thí điểm Công an phường điển hình, kiểu mẫu về an ninh,""",
        """2
trật tự và văn minh đô thị đến các cấp, các ngành.
2. Nghiên cứu, ban hành nghị quyết chuyên đề về xây dựng thí điểm Công an phường điển hình.
Nơi nhận:
- Như trên;""",
    )
    assert [(o.agency, o.section) for o in got] == [
        ("Ban Thường vụ các Tỉnh ủy", "1"),
        ("Ban Thường vụ các Tỉnh ủy", "2"),
    ]
    assert got[0].task.endswith("đến các cấp, các ngành.")


def test_scan_item_whose_title_a_speck_cut_from_its_body_keeps_its_tasks():
    # UBND Quảng Ngãi 565/TB-UBND (dev scan vht534) at 300 dpi: the speck after 'Thủ trưởng' read as a comma
    got = _scan("""II. Nhiệm vụ cụ thể trong thời gian đến
1. Yêu cầu Thủ trưởng, các cơ quan, đơn vị, địa phương, các Chủ đầu tư theo chức năng, nhiệm vụ được giao nâng cao
tính chủ động, khẩn trương rà soát, thực hiện nghiêm túc chỉ đạo của UBND tỉnh; trong đó lưu ý:
a) Tập trung thực hiện các nội dung, nhiệm vụ đã được UBND tỉnh chỉ đạo.
b) Tăng cường kỷ luật, kỷ cương trong công tác lãnh đạo, chỉ đạo, điều hành.""")
    assert [(o.agency, o.section) for o in got] == [
        ("Thủ trưởng các cơ quan, đơn vị, địa phương, các Chủ đầu tư", "II.1"),
        ("Thủ trưởng các cơ quan, đơn vị, địa phương, các Chủ đầu tư", "II.1.a"),
        ("Thủ trưởng các cơ quan, đơn vị, địa phương, các Chủ đầu tư", "II.1.b"),
    ]


def test_scan_item_whose_last_body_is_wrapped_keeps_its_place_name():
    got = _scan("""III. TỔ CHỨC THỰC HIỆN
2. Đảng ủy Công an tỉnh, Thành ủy Nha Trang, Thành ủy Cam Ranh và Thị ủy
Ninh Hòa chủ động xây dựng chương trình, kế hoạch với các nhiệm vụ, giải pháp phù hợp.""")
    assert [o.agency for o in got] == [
        "Đảng ủy Công an tỉnh",
        "Thành ủy Nha Trang",
        "Thành ủy Cam Ranh",
        "Thị ủy Ninh Hòa",
    ]


def test_scan_wrapped_bullet_does_not_turn_a_body_at_a_line_start_into_an_addressee():
    got = _scan("""IV. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân thành phố:
- Chỉ đạo các đơn vị liên quan phối hợp Công an thành phố triển khai xây dựng Công an phường điển hình, kiểu mẫu với
Công an phường đạt chuẩn trên địa bàn thành phố.
2. Đảng ủy Quân sự thành phố:
Lãnh đạo Ban Chỉ huy Quân sự thành phố: thực hiện tốt công tác phối hợp với
Công an thành phố theo quy định tại Nghị định 03/2019/NĐ-CP ngày 05/9/2019 của
Chính phủ về công tác phối hợp giữa Bộ Công an và Bộ Quốc phòng.""")
    assert [o.agency for o in got] == ["Ủy ban nhân dân thành phố", "Đảng ủy Quân sự thành phố"]


def test_scan_sentence_split_between_bullets_and_misread_item_number():
    # 'Tiến độ …' is the rest of the bullet above it; 'o.' is an OCR'd '5.', read by its 'Giao …' alone
    got = _scan("""III. TỔ CHỨC THỰC HIỆN
2. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh:
- Chỉ đạo các địa phương rà soát trụ sở Công an các xã, phường trong giai đoạn 2026-2030.
Tiến độ khởi công, đầu tư xây dựng trụ sở Công an xã bảo đảm tuân thủ chỉ đạo của Bộ Công an.
- Căn cứ khả năng cân đối nguồn lực, xem xét trang bị phương tiện cho Công an xã.
4. Đảng ủy các xã, phường tăng cường lãnh đạo xây dựng lực lượng Công an xã vững mạnh.
o. Giao Đảng ủy Công an tỉnh chủ trì theo dõi, đôn đốc việc thực hiện.""")
    assert [o.agency for o in got] == ["Đảng ủy Ủy ban nhân dân tỉnh"] * 2 + [
        "Đảng ủy các xã, phường",
        "Đảng ủy Công an tỉnh",
    ]
    assert got[0].task.endswith("chỉ đạo của Bộ Công an.") and got[3].role == "lead"


def test_long_item_heading_without_full_stop_keeps_its_paragraphs():
    got = _obligations("""IV. TỔ CHỨC THỰC HIỆN
1. Sở Kế hoạch và Đầu tư, Sở Tài chính và Sở Nông nghiệp và Phát triển nông thôn
Chủ trì tham mưu Ủy ban nhân dân tỉnh bố trí nguồn vốn thực hiện Kế hoạch.
Hướng dẫn các địa phương lập dự toán kinh phí hằng năm.""")
    assert len(got) == 6 and got[-1].task.startswith("Hướng dẫn các địa phương")


def test_scan_without_tone_marks_gives_one_report_task_per_deadline():
    got = _scan(
        """UBND Thanh pho yeu cau cac So, ban, nganh can cu noi dung Ke hoach nay xay dung ke hoach cu the; dong thoi, cham hanh che do bao cao dinh ky 06 thang (truoc ngay 15/6), 01 nam (truoc ngay 15/12) gui Cong an thanh pho tong hop./."""
    )
    assert [(o.agency, o.due, o.recurrence) for o in got] == [
        ("các Sở, ban, ngành", None, None),
        ("các Sở, ban, ngành", "--06-15", "yearly"),
        ("các Sở, ban, ngành", "--12-15", "yearly"),
    ]


def test_closing_formula_after_the_last_item_is_no_task():
    text = """III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế: chủ trì triển khai Kế hoạch.
2. UBND các huyện, thị xã:
- Bố trí kinh phí tiêm chủng năm 2025.
- Báo cáo kết quả trước ngày 30/11/2025.

Trên đây là Kế hoạch tiêm chủng mở rộng trên địa bàn tỉnh Quảng Bình năm 2025./."""
    tasks = [o.task for o in _obligations(text)]
    assert len(tasks) == 3
    assert not any(t.startswith("Trên đây") for t in tasks)


def test_doi_voi_heading_of_a_body_assigns_its_lettered_tasks_but_a_topic_does_not():
    text = """Kính gửi: Phòng Y tế các huyện, thị xã
Thực hiện Kế hoạch số 12/KH-UBND ngày 05/02/2025 của UBND tỉnh Bình Định, Sở Y tế hướng dẫn như sau:
1. Đối với Phòng Y tế các huyện, thị xã
a) Rà soát danh sách trạm y tế chưa đạt chuẩn, báo cáo Sở trước ngày 15/3/2025.
b) Chỉ đạo các trạm y tế cập nhật hồ sơ sức khỏe điện tử.
2. Đối với công tác truyền thông
a) Đăng tải tài liệu hướng dẫn trên cổng thông tin.
Mọi vướng mắc liên hệ Sở Y tế để được hướng dẫn./."""
    rows = _rows(text)
    assert [r[0] for r in rows] == ["Phòng Y tế các huyện, thị xã"] * 2


def _rows_due(text: str):
    return [(o.agency, o.role, o.due) for o in _obligations(text)]


def test_task_block_fields_give_each_body_its_role_and_the_block_its_due():
    text = """II. NỘI DUNG
1. Tập huấn nghiệp vụ bảo hiểm thất nghiệp
- Nội dung thực hiện: Tổ chức tập huấn cho cán bộ làm công tác việc làm cấp xã.
- Cơ quan chủ trì: Sở Nội vụ, Sở Tài chính.
- Cơ quan phối hợp: Bảo hiểm xã hội tỉnh, Ủy ban nhân dân các xã và các cơ quan, đơn vị có liên quan.
- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.
2. Kiểm tra việc thi hành Luật Việc làm
- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch; Sở Tư pháp và các sở, ban, ngành tỉnh chủ động tổ chức kiểm tra."""
    got = _obligations(text)
    assert [(o.agency, o.role, o.due) for o in got] == [
        ("Sở Nội vụ", "lead", "2026"),
        ("Sở Tài chính", "lead", "2026"),
        ("Bảo hiểm xã hội tỉnh", "support", "2026"),
        ("Ủy ban nhân dân các xã", "support", "2026"),  # the closing catch-all gets no role of its own
        ("Sở Nội vụ", "lead", None),
        ("Sở Tư pháp", "assigned", None),
        ("các sở, ban, ngành tỉnh", "assigned", None),
    ]
    assert got[0].task == "Tổ chức tập huấn cho cán bộ làm công tác việc làm cấp xã."
    assert got[-1].task == "Kiểm tra việc thi hành Luật Việc làm"


def test_a_plan_attached_to_a_decision_is_read_after_the_decisions_distribution_list():
    text = """QUYẾT ĐỊNH
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm kê tài sản công.
Điều 2. Giám đốc Sở Tài chính và Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. CHỦ TỊCH
KẾ HOẠCH
(Kèm theo Quyết định số 45/QĐ-UBND ngày 03/11/2025 của Ủy ban nhân dân tỉnh)
IV. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính
- Hướng dẫn các cơ quan, đơn vị thực hiện kiểm kê.
2. Trách nhiệm của đối tượng thực hiện kiểm kê:
- Báo cáo kết quả kiểm kê về Sở Tài chính.
Thời hạn hoàn thành: Trước ngày 31/3/2026."""
    assert _rows_due(text) == [
        ("Giám đốc Sở Tài chính", "assigned", None),
        ("Chủ tịch Ủy ban nhân dân các xã", "assigned", None),
        ("Sở Tài chính", "assigned", None),
        ("đối tượng thực hiện kiểm kê", "assigned", "2026-03-31"),  # the time field under a task is its due
    ]


def test_telegram_items_open_with_their_body_and_a_list_of_provinces_is_one_body_each():
    text = """Thủ tướng Chính phủ yêu cầu:
1. Bộ Tài chính chủ trì, phối hợp với các bộ, địa phương liên quan:
a) Chỉ đạo các doanh nghiệp bảo hiểm chi trả kịp thời cho người dân.
b) Kịp thời xử lý các đề xuất của địa phương.
2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Ngãi, Đà Nẵng, Gia Lai chủ động, tích cực phối hợp chặt chẽ với Bộ Tài chính bảo đảm quyền lợi của người dân.
3. Văn phòng Chính phủ theo dõi, đôn đốc thực hiện Công điện này./."""
    assert _rows(text) == [
        ("Bộ Tài chính", "lead", "1.a"),
        ("Bộ Tài chính", "lead", "1.b"),
        ("Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi", "support", "2"),
        ("Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng", "support", "2"),  # a city run by the centre
        ("Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", "support", "2"),
        ("Văn phòng Chính phủ", "assigned", "3"),
    ]


def test_executing_article_over_several_lines_reads_each_official_as_written():
    text = """Điều 3.
Các ông, bà: Chánh Văn phòng Bộ; Vụ trưởng Vụ Kế hoạch, Tài chính; Cục trưởng Cục Quản lý Khám, chữa bệnh;
Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."""
    assert [o.agency for o in _obligations(text)] == [
        "Chánh Văn phòng Bộ",
        "Vụ trưởng Vụ Kế hoạch, Tài chính",
        "Cục trưởng Cục Quản lý Khám, chữa bệnh",
        "Thủ trưởng các đơn vị có liên quan",
    ]


def test_executing_clause_cut_after_a_semicolon_in_an_implementation_article_keeps_every_official():
    """The OCR'd lines of UBND Đắk Lắk 031/2025/QĐ-UBND (tn-1726b1b0ca691ac5) printed and scanned at 150 dpi: the print
    wrapped the clause right after 'tỉnh;', so its item line holds officials and no verb; read as an item heading over
    the next paragraph its officials were lost (so in UBND Lâm Đồng 2284/QĐ-UBND, tn-b2dd1bd0fcce426b, at 100 dpi)."""
    text = """Điều 5. Tổ chức thực hiện
1. Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.
2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành tỉnh;
Chủ tịch Ủy ban nhân dân các xã, phường và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành \
Quyết định này./."""
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "assigned"),
        ("Thủ trưởng các sở, ban, ngành tỉnh", "assigned"),
        ("Chủ tịch Ủy ban nhân dân các xã, phường", "assigned"),
        ("các cơ quan, tổ chức, cá nhân có liên quan", "assigned"),
    ]


def test_executing_article_addressed_with_a_slash_or_one_word_reads_its_first_official():
    """tn-5fc0868aeac2f15a (Bộ Y tế, 2025) writes 'Các Ông/bà:', H14 (Ủy ban nhân dân tỉnh Cao Bằng, 1999, a
    typewritten scan) 'Các ông:'; the address is no part of the first official's title."""
    for salutation in ("Điều 3.\nCác Ông/bà:", "Điều 3: Các ông:"):
        text = f"{salutation} Chánh Văn phòng Bộ; Cục trưởng Cục Quản lý Y, Dược cổ truyền chịu trách nhiệm thi hành "
        text += "Quyết định này./."
        assert [o.agency for o in _obligations(text)] == [
            "Chánh Văn phòng Bộ",
            "Cục trưởng Cục Quản lý Y, Dược cổ truyền",
        ], salutation


def test_a_body_named_with_an_en_or_em_dash_is_one_body():
    """cb-file_data_49 (Cao Bằng) prints 'Sở Lao động – Thương binh và Xã hội' with an en dash; the OCR of 660 TB
    (a Quảng Ngãi scan) reads its hyphen as an em dash. 'và' inside the name splits nothing."""
    text = """III. TỔ CHỨC THỰC HIỆN
1. Sở Lao động — Thương binh và Xã hội chịu trách nhiệm hướng dẫn, theo dõi việc triển khai thực hiện.
2. Sở Lao động – Thương binh và Xã hội chủ trì phối hợp cùng chính quyền địa phương tổ chức di chuyển."""
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Sở Lao động — Thương binh và Xã hội", "assigned"),
        ("Sở Lao động – Thương binh và Xã hội", "lead"),
    ]


def test_regulation_articles_name_the_body_whose_items_follow():
    text = """Chương II
NỘI DUNG PHỐI HỢP
Điều 5. Nội dung Sở Văn hóa, Thể thao và Du lịch có trách nhiệm chủ trì
1. Tham mưu quản lý nhà nước về di sản văn hóa trên địa bàn tỉnh.
2. Giải quyết các vấn đề cụ thể về tu bổ di tích theo thẩm quyền.
Điều 6. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
1. Vận động Nhân dân chấp hành pháp luật về di sản.
Điều 7. Trách nhiệm của các cơ quan, đơn vị, địa phương
Các cơ quan, đơn vị, địa phương có trách nhiệm thực hiện tốt Quy chế này."""
    assert _rows(text) == [
        ("Sở Văn hóa, Thể thao và Du lịch", "lead", "Điều 5.1"),
        ("Sở Văn hóa, Thể thao và Du lịch", "lead", "Điều 5.2"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "assigned", "Điều 6.1"),
        ("Các cơ quan, đơn vị, địa phương", "assigned", "Điều 7"),
    ]


def test_small_roman_and_bracketed_numbers_are_items():
    text = """b) Để hoàn thành dự án đúng tiến độ, đề nghị:
(i) Ủy ban nhân dân tỉnh Bình Định chỉ đạo hoàn thành bàn giao mặt bằng trong tháng 12 năm 2025.
(ii) Giao Bộ Công Thương hướng dẫn chủ đầu tư các thủ tục cần thiết.
2. Bộ trưởng Bộ Tài chính chủ trì:
(1) Rà soát, tổng hợp nhu cầu kinh phí khắc phục hậu quả thiên tai.
(2) Trình Chính phủ phương án hỗ trợ các địa phương."""
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Ủy ban nhân dân tỉnh Bình Định", "assigned"),
        ("Bộ Công Thương", "assigned"),
        ("Bộ trưởng Bộ Tài chính", "lead"),
        ("Bộ trưởng Bộ Tài chính", "lead"),
    ]


def test_conditional_requests_and_roles_that_name_nobody_assign_nothing():
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ được phân công.
2. Sở Nội vụ chịu trách nhiệm theo dõi, đôn đốc việc thực hiện Kế hoạch.
Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các sở, ban, ngành kịp thời phản ánh về Sở Nội vụ."""
    assert _rows(text) == [("Sở Nội vụ", "assigned", "IV.2")]


def test_a_bullet_ending_in_a_colon_leads_in_its_plus_bullets():
    text = """IV. NHIỆM VỤ CỤ THỂ
1. Các cơ quan tham mưu quản lý ngành (gồm các Sở: Xây dựng, Công Thương)
- Phối hợp hướng dẫn các địa phương rà soát số liệu kiểm kê:
+ Sở Xây dựng: hướng dẫn kiểm kê tài sản hạ tầng giao thông.
+ Sở Công Thương: hướng dẫn kiểm kê tài sản hạ tầng chợ.
Thời gian thực hiện: Tháng 12/2025.
- Cử công chức chuyên môn tham gia tổ công tác kiểm tra."""
    assert _rows_due(text) == [
        ("Sở Xây dựng", "support", "2025-12"),
        ("Sở Công Thương", "support", "2025-12"),
        ("Sở Xây dựng", "assigned", None),
        ("Sở Công Thương", "assigned", None),
    ]


def test_notice_tasks_without_a_body_go_to_the_first_body_the_notice_is_for():
    text = """II. MỘT SỐ NHIỆM VỤ TRONG THỜI GIAN TỚI
1. Rà soát, xây dựng kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030.
2. Đẩy nhanh tiến độ các dự án trọng điểm của địa phương.
III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH
1. Về kiến nghị liên quan đến tổ chức bộ máy:
Bộ Nội vụ theo chức năng nhiệm vụ được giao nghiên cứu, xử lý kiến nghị của tỉnh.
Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Lạng Sơn và các Bộ, cơ quan liên quan biết, thực hiện./."""
    assert _rows(text) == [
        ("Ủy ban nhân dân tỉnh Lạng Sơn", "assigned", "II.1"),
        ("Ủy ban nhân dân tỉnh Lạng Sơn", "assigned", "II.2"),
        ("Bộ Nội vụ", "assigned", "III.1"),
    ]


def test_the_role_verb_further_in_the_opening_phrase_gives_the_role():
    text = """2. Bộ Xây dựng:
a) Tiếp tục phát huy vai trò cơ quan thường trực chủ trì, phối hợp với các bộ rà soát danh mục dự án.
b) Chỉ đạo các Khu quản lý đường bộ phối hợp với các Sở Xây dựng phân luồng giao thông.
c) Tăng cường kiểm tra chất lượng công trình, tích cực phối hợp với các địa phương xử lý vi phạm.
d) Hướng dẫn các địa phương khôi phục giao thông; chủ trì, phối hợp với các cơ quan tổng hợp thiệt hại."""
    assert [o.role for o in _obligations(text)] == ["lead", "assigned", "assigned", "lead"]


def test_a_body_and_its_role_verb_in_the_middle_of_a_content_bullet():
    text = """III. NỘI DUNG
- Giám sát dịch bệnh tại cộng đồng. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì, phối hợp với Sở Y tế lấy mẫu xét nghiệm.
- Tuyên truyền phòng, chống dịch bệnh (giao Sở Y tế chủ trì, các sở, ngành phối hợp)."""
    got = _obligations(text)
    assert [(o.agency, o.role) for o in got] == [("Trung tâm Kiểm soát bệnh tật tỉnh", "lead"), ("Sở Y tế", "lead")]
    assert got[0].partners == ["Sở Y tế"]


def test_a_web_pages_table_of_procedures_gives_one_obligation_per_row():
    text = """2. Danh mục thủ tục hành chính | TT | Tên thủ tục hành chính | Lĩnh vực | Cơ quan thực hiện | | 1 | Cấp giấy phép hoạt động | Y tế | Sở Y tế | | 2 | Thu hồi giấy phép hoạt động | Y tế | Sở Y tế |"""
    got = _obligations(text)
    assert [(o.agency, o.task) for o in got] == [
        ("Sở Y tế", "Cấp giấy phép hoạt động"),
        ("Sở Y tế", "Thu hồi giấy phép hoạt động"),
    ]


def test_a_bullet_a_page_broke_goes_on_past_the_footnotes():
    text = """III. NHIỆM VỤ, GIẢI PHÁP
3. Đảng ủy Công an tỉnh
- Xây dựng đội ngũ cán bộ Công an xã vững mạnh, kịp thời khen thưởng các tập thể có thành tích trong bảo đảm an ninh

(1) Theo Quyết định số 18/QĐ-TTg ngày 14/02/2026 của Thủ tướng Chính phủ.

chính trị, trật tự an toàn xã hội ở cơ sở.
- Rà soát tiêu chí xác định địa bàn trọng điểm về an ninh, trật tự."""
    got = _obligations(text)
    assert [o.agency for o in got] == ["Đảng ủy Công an tỉnh"] * 2
    assert got[0].task.endswith("trật tự an toàn xã hội ở cơ sở.")


def test_a_web_summary_before_the_letterhead_assigns_nothing():
    text = (
        "Công điện 227/CĐ-TTg khắc phục hậu quả mưa lũ\n"
        "Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai tiếp tục chỉ đạo:\n"
        "- Huy động các lực lượng tiếp cận các hộ dân bị cô lập.\n"
        "THỦ TƯỚNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 227/CĐ-TTg\nHà Nội, ngày 23 tháng 11 năm 2025\n"
        "CÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu:\n"
        "1. Bộ trưởng Bộ Quốc phòng chỉ đạo Quân khu 5 hỗ trợ vận chuyển lương thực cho Nhân dân.\n"
    )
    assert [(o.agency, o.section) for o in _obligations(text)] == [("Bộ trưởng Bộ Quốc phòng", "1")]


def test_a_paragraph_between_two_items_of_a_list_does_not_end_it():
    text = (
        "Thủ tướng Chính phủ yêu cầu:\n"
        "1. Chủ tịch Ủy ban nhân dân tỉnh Gia Lai tiếp tục chỉ đạo khắc phục hậu quả, trong đó tập trung một số nhiệm vụ sau:\n"
        "(1) Huy động các lực lượng tiếp cận các hộ dân bị cô lập.\n"
        "(2) Rà soát, tổng hợp đầy đủ, chính xác thiệt hại.\n"
        "Tổ chức điều phối tiếp nhận và phân phối hàng cứu trợ.\n"
        "(4) Ban hành các chính sách cần thiết theo thẩm quyền.\n"
        "2. Bộ trưởng Bộ Công an chỉ đạo lực lượng công an địa phương hỗ trợ Nhân dân.\n"
    )
    got = [(o.agency, o.task[:12]) for o in _obligations(text)]
    assert ("Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", "Ban hành các") in got
    assert ("Bộ trưởng Bộ Công an", "Chỉ đạo lực ") in got


def test_web_page_task_table_with_each_bar_on_a_line_of_its_own():
    """The same kind of table as another renderer writes it — every '|' alone on its line, a row between two of
    them, a cell wrapped over several lines — and a span of years in the time column is due by its last year."""
    text = (
        "|\n**STT**\n|\n**Tên nhiệm vụ/dự\nán**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n"
        "**Thời gian triển\nkhai**\n|\n|\n"
        "1\n|\nXây dựng và ban hành các tiêu chuẩn quốc gia, quy\nchuẩn kỹ thuật về cơ sở dữ liệu số về công trình\n"
        "hạ tầng, chuẩn kết nối và chia sẻ dữ liệu hạ tầng; áp dụng\nBIM trong toàn bộ vòng đời công trình\n|\n"
        "Sở Xây dựng\n|\nSở Khoa học và\nCông nghệ\n|\n2026-2027\n|\n|\n"
        "2\n|\nRà soát các quy định về dữ liệu điện tử\n|\nSở Tư pháp\n|\nCác sở, ngành liên\nquan\n|\n2026\n|\n"
    )
    got = _obligations(text)
    assert [(o.agency, o.role, o.due) for o in got] == [
        ("Sở Xây dựng", "lead", "2027"),
        ("Sở Khoa học và Công nghệ", "support", "2027"),
        ("Sở Tư pháp", "lead", "2026"),
    ]


def test_a_directive_lead_in_gives_no_task_in_a_part_that_says_why():
    """'Chính phủ yêu cầu <bodies> … như sau:' over 'I. QUAN ĐIỂM, PHẠM VI …' and 'II. NHIỆM VỤ …': the viewpoint
    part's items are principles, not tasks of the addressees."""
    text = (
        "Để khắc phục hậu quả thiên tai, Chính phủ yêu cầu các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh "
        "thực hiện các nhiệm vụ, giải pháp trọng tâm như sau:\n"
        "I. QUAN ĐIỂM, PHẠM VI VÀ ĐỐI TƯỢNG HỖ TRỢ\n"
        "1. Quan điểm\n"
        "a) Ưu tiên cao nhất là bảo vệ tính mạng, sức khỏe và sớm ổn định đời sống nhân dân.\n"
        "b) Triển khai công tác khắc phục hậu quả với tinh thần chủ động, khẩn trương, kịp thời.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Bộ Tài chính xuất cấp hàng dự trữ quốc gia để hỗ trợ các địa phương.\n"
        "2. Rà soát, tổng hợp đầy đủ thiệt hại do thiên tai.\n"
    )
    assert [(o.agency, o.section) for o in _obligations(text)] == [("Bộ Tài chính", "II.1")]


def test_an_item_whose_issuer_asks_other_bodies_goes_to_them():
    """'2. Chính phủ trân trọng đề nghị X, Y …', '3. Ủy ban nhân dân tỉnh yêu cầu Sở Y tế chủ trì …': the body that
    opens the item only asks; the bodies after the verb act (a class spelled without its hyphen included)."""
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "2. Chính phủ trân trọng đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị xã hội, "
        "Hội Chữ thập đỏ Việt Nam, theo nhiệm vụ, quyền hạn của mình chủ động vận động, kêu gọi ủng hộ.\n"
        "3. Ủy ban nhân dân tỉnh yêu cầu Sở Y tế chủ trì tổ chức khám bệnh.\n"
        "4. Hội đồng nhân dân Thành phố thống nhất giao Ủy ban nhân dân Thành phố bố trí nguồn vốn từ ngân sách.\n"
    )
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "assigned"),
        ("các tổ chức chính trị xã hội", "assigned"),
        ("Hội Chữ thập đỏ Việt Nam", "assigned"),
        ("Sở Y tế", "lead"),
        ("Ủy ban nhân dân Thành phố", "assigned"),
    ]


def test_a_paragraph_that_opens_with_a_body_and_its_role_is_its_task():
    """'Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm chủ trì, phối hợp Sở Tư pháp …' as a plain paragraph of an
    article: the body leads, and its task runs on past a ';' to the report it ends with (and its due)."""
    text = (
        "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.\n"
        "Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Quốc phòng, Bộ Nội vụ rà soát mô hình tổ chức của "
        "Mạng lưới quan trắc; báo cáo Thủ tướng Chính phủ trong quý I năm 2026.\n"
    )
    assert [(o.agency, o.role, o.due, o.partners) for o in _obligations(text)] == [
        ("Bộ Khoa học và Công nghệ", "lead", "2026-03", ["Bộ Quốc phòng", "Bộ Nội vụ"])
    ]


def test_an_article_cut_after_giao_is_one_paragraph():
    """'**Điều 2. **Giao' / 'Văn phòng Ủy ban nhân dân tỉnh chủ trì, …': 'giao' never ends a sentence, bold or not."""
    text = (
        "**Điều 1. **Công bố kèm theo Quyết định này 14 thủ tục hành chính.\n"
        "**Điều 2. **Giao\n"
        "Văn phòng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Khoa học và Công nghệ cập nhật quy trình.\n"
    )
    assert [(o.agency, o.role, o.section) for o in _obligations(text)] == [
        ("Văn phòng Ủy ban nhân dân tỉnh", "lead", "Điều 2")
    ]


def test_a_short_line_cut_after_thuoc_goes_on():
    """'4. Đề nghị Văn phòng Thành ủy, các cơ quan thuộc' / 'Thành ủy phối hợp …': 'thuộc' needs what it belongs to."""
    text = (
        "Điều 3. Tổ chức thực hiện\n"
        "1. Giao Ủy ban nhân dân Thành phố tổ chức thực hiện Nghị quyết này.\n"
        "2. Đề nghị Văn phòng Thành ủy, các cơ quan thuộc\n"
        "Thành ủy phối hợp tổ chức thực hiện Nghị quyết này.\n"
    )
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Ủy ban nhân dân Thành phố", "assigned"),
        ("Văn phòng Thành ủy", "support"),
        ("các cơ quan thuộc Thành ủy", "support"),
    ]


def test_a_paragraph_that_opens_with_a_body_and_its_duty_is_its_task():
    """A plain paragraph 'X có trách nhiệm …' gives X the task, its role from the verb after the duty (Quyết định
    of UBND tỉnh Đồng Nai, tn-640111ea8077e047; Nghị quyết of HĐND thành phố Hà Nội, tn-9124b25553a6c642: the form
    was left uncovered in 10 corpus texts of 8 issuers, ``bench.assignment_probe``); whom a body answers to
    ('… chịu trách nhiệm trước Đảng, Chính phủ …', a notice of the Government Office, tn-50f694478a35aefd) is no
    task."""
    text = (
        "**Điều 3. **Sở Tư pháp có trách nhiệm tổ chức niêm yết, công khai các thủ tục hành chính đã được công bố.\n"
        "Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm chủ trì, phối hợp Sở Tư pháp cập nhật nội dung thủ tục hành "
        "chính đã được công bố lên Cơ sở dữ liệu quốc gia về thủ tục hành chính.\n"
        "Các cơ sở giáo dục có trách nhiệm tổ chức thu và trả chứng từ thu tiền cho người học theo chế độ quy định.\n"
        "Các bộ, cơ quan liên quan chịu trách nhiệm trước Đảng, Chính phủ, Thủ tướng Chính phủ và Nhân dân về tiến "
        "độ triển khai Dự án.\n"
    )
    assert [(o.agency, o.role, o.due, o.partners) for o in _obligations(text)] == [
        ("Sở Tư pháp", "assigned", None, []),
        ("Văn phòng Ủy ban nhân dân tỉnh", "lead", None, ["Sở Tư pháp"]),
        ("Các cơ sở giáo dục", "assigned", None, []),
    ]


def test_a_task_that_opens_with_to_chuc_thuc_hien_is_no_assignment_heading():
    """'a) Tổ chức thực hiện Thông tư này trên địa bàn tỉnh;' under '2. Ủy ban nhân dân cấp tỉnh:' is the body's task,
    not a 'TỔ CHỨC THỰC HIỆN' part (Thông tư of Bộ Nông nghiệp và Môi trường, tn-637e9efcc63ab844; four circulars of
    Bộ Xây dựng, tn-932e83be67d03d47: 'b) Tổ chức thực hiện việc tiếp nhận văn bản kê khai giá …'); a title with no
    words after the phrase stays a heading."""
    text = (
        "Điều 6. Trách nhiệm thi hành\n"
        "1. Cục Đăng kiểm Việt Nam có trách nhiệm:\n"
        "a) Tổ chức triển khai thực hiện Thông tư này.\n"
        "b) Tổ chức thực hiện việc tiếp nhận văn bản kê khai giá theo quy định tại khoản 5 Điều 28 Luật Giá.\n"
        "2. Ủy ban nhân dân cấp tỉnh:\n"
        "a) Tổ chức thực hiện Thông tư này trên địa bàn tỉnh;\n"
        "b) Định kỳ trước ngày 31 tháng 12 hằng năm, gửi Báo cáo kết quả điều tra loài ngoại lai xâm hại trên địa bàn "
        "tỉnh.\n"
        "Điều 7. Tổ chức thực hiện.\n"
        "1. Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan bố trí kinh phí.\n"
    )
    assert [(o.agency, o.role, o.due) for o in _obligations(text)] == [
        ("Cục Đăng kiểm Việt Nam", "assigned", None),
        ("Cục Đăng kiểm Việt Nam", "assigned", None),
        ("Ủy ban nhân dân cấp tỉnh", "assigned", None),
        ("Ủy ban nhân dân cấp tỉnh", "assigned", "--12-31"),
        ("Sở Tài chính", "lead", None),
    ]


def test_the_units_listed_under_co_cau_to_chuc_are_no_tasks():
    """A decision on a body's functions lists its units under 'Điều 3. Cơ cấu tổ chức'; 'b) Phòng Tổ chức, Tuyên
    truyền và Xây dựng lực lượng;' names a unit, it gives it no task (Quyết định of UBND tỉnh Quảng Trị,
    tn-f48a2691d3f74ec4; of UBND tỉnh Hà Tĩnh, tn-0f98ee482389e59e: 'Phòng Công chứng số 1;'). The article on who
    executes the decision still gives its entries."""
    text = (
        "**Điều 2. Nhiệm vụ, quyền hạn**\n"
        "16. Thực hiện các nhiệm vụ khác theo quy định của pháp luật và của Giám đốc Sở Nông nghiệp và Môi trường "
        "giao.\n"
        "**Điều 3. Cơ cấu tổ chức**\n"
        "2. Các Phòng chuyên môn, nghiệp vụ thuộc Chi cục gồm:\n"
        "a) Văn phòng;\n"
        "b) Phòng Tổ chức, Tuyên truyền và Xây dựng lực lượng;\n"
        "c) Phòng Quản lý, Bảo vệ rừng và Bảo tồn thiên nhiên;\n"
        "đ) Phòng Pháp chế và Điều tra, xử lý vi phạm về lâm nghiệp.\n"
        "3. Các đơn vị sự nghiệp công lập trực thuộc:\n"
        "Phòng Công chứng số 1;\n"
        "Trung tâm Trợ giúp pháp lý Nhà nước Hà Tĩnh;\n"
        "**Điều 4. **Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết "
        "định này.\n"
    )
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "assigned"),
        ("Giám đốc Sở Nội vụ", "assigned"),
    ]


def test_the_steps_of_an_internal_procedure_are_no_tasks():
    """An annexed internal procedure ('Bước thực hiện | Nội dung công việc | Đơn vị thực hiện | Thời gian thực
    hiện') lists the steps of a case; its rows give no task (Quyết định of UBND tỉnh Cao Bằng, tn-77dca8a7aeea79a1,
    and two more of Cao Bằng, one each of Hà Tĩnh, Nghệ An, Sơn La and Lai Châu have such tables). The article
    that gives a body work on the procedures still counts."""
    text = (
        "**Điều 2. **Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh tổ chức hướng dẫn, tập "
        "huấn chuyên môn, nghiệp vụ về việc tiếp nhận hồ sơ.\n"
        "**Điều 3. **Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.\n"
        "**Nơi nhận:**\n- Như Điều 3;\n- Lưu: VT.\n"
        "QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n"
        "*(Kèm theo Quyết định số 2028/QĐ-UBND ngày 28 tháng 11 năm 2025 của Chủ tịch Ủy\nban nhân dân tỉnh Cao "
        "Bằng)*\n"
        "**I. LĨNH\nVỰC CÔNG CHỨC: 03 QUY TRÌNH.**\n"
        "**Quy\ntrình số 01**\n"
        "**1. Quy\ntrình nội bộ giải quyết TTHC: Thi tuyển công chức (Mã TTHC: 1.014111)**\n"
        "|\n**Bước thực hiện**\n|\n**Nội dung công việc**\n|\n**Đơn vị thực hiện**\n|\n**Thời gian thực hiện**\n|\n"
        "|\nBước 2\n|\nKiểm tra Phiếu đăng ký dự tuyển;\nThông báo danh sách thí sinh đủ điều kiện, tiêu chuẩn dự "
        "thi\n|\n- Phòng Tổ chức bộ máy và\nCông chức, viên chức Sở Nội vụ.\n- Hội đồng tuyển dụng.\n|\n45 ngày\n|\n"
        "|\nBước 3\n|\nTổ chức thi tuyển công chức\n|\n- Sở Nội vụ;\n- Hội đồng tuyển dụng;\n|\n76 ngày\n|\n"
    )
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Sở Nội vụ", "lead"),
        ("Giám đốc Sở Nội vụ", "assigned"),
    ]


def test_a_paper_named_before_de_nghi_asks_nothing():
    """'Thẩm định hồ sơ, dự thảo Tờ trình đề nghị UBND ban hành Quyết định …' is a step that drafts a paper whose
    title is a request; it asks no body of this document to act (Quyết định of UBND tỉnh Lạng Sơn,
    tn-71153021e3559f5e: 9 such steps). A request the document itself makes still counts."""
    text = (
        "Thẩm định hồ sơ, dự thảo Tờ trình đề nghị UBND ban hành Quyết định công nhận và cấp Giấy công nhận hoặc "
        "Công văn từ chối công nhận Chuyển hồ sơ đến Lãnh đạo Phòng.\n"
        "Ủy ban nhân dân tỉnh đề nghị Sở Khoa học và Công nghệ rà soát, công bố quy trình nội bộ trước ngày "
        "31/12/2025.\n"
    )
    assert [(o.agency, o.due) for o in _obligations(text)] == [("Sở Khoa học và Công nghệ", "2025-12-31")]


def test_an_item_that_only_says_whom_a_body_answers_to_is_no_task():
    """'1. Chịu trách trước pháp luật và Chủ tịch Ủy ban nhân dân tỉnh về việc thực hiện các nội dung được ủy
    quyền' (Quyết định of UBND tỉnh Quảng Ngãi, tn-27009faffc98b8aa, printed without 'nhiệm') says whom the body
    answers to, not what it must do (notes-M); so does 'b) Chịu trách nhiệm trước Trưởng tổ chức hành nghề công
    chứng về …' (UBND thành phố Hải Phòng, tn-d71b3a48efad6d2c; also Thanh Hóa, Đồng Nai, Hà Tĩnh, Ninh Bình).
    The items around them are the body's tasks, and 'Chịu trách nhiệm về …' alone stays a duty (the dev gold
    counts 'Chịu trách nhiệm về thực hiện bảo mật …')."""
    text = (
        "**Điều 3.** Giám đốc Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi:\n"
        "1. Chịu trách trước pháp\nluật và Chủ tịch Ủy ban nhân dân tỉnh về việc thực hiện các nội dung được ủy\n"
        "quyền theo đúng quy định của pháp luật;\n"
        "2. Tham mưu thay đổi\ntrình tự, thủ tục, thẩm quyền thực hiện các nhiệm vụ được ủy quyền tại Điều 1.\n"
        "3. Chịu trách nhiệm về thực hiện bảo mật, bảo đảm an toàn thông tin cơ sở dữ liệu.\n"
    )
    assert [(o.agency, o.section) for o in _obligations(text)] == [
        ("Giám đốc Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi", "Điều 3.2"),
        ("Giám đốc Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi", "Điều 3.3"),
    ]


def test_the_time_a_body_answers_for_and_a_power_it_answers_for_are_no_tasks():
    """'5. Chịu trách nhiệm về thời gian giải quyết thủ tục hành chính tại cơ quan mình thực hiện …' (UBND tỉnh Lai
    Châu, tn-50693ea4bb4bda20 7.5; '… về thời hạn …', UBND tỉnh Nghệ An, tn-994dfbc3967e5ebf 9.5) is accountability,
    and so is a power with its accountability ('Quyết định và chịu trách nhiệm trước Thủ tướng Chính phủ …', the
    Ban Chỉ đạo Nhà nước về Du lịch's tn-322358d6040a153b 5.5; '… là người quyết định và chịu trách nhiệm trước pháp luật …', UBND
    tỉnh Ninh Bình, tn-3928ef06a8929828 23.1.d): notes-M, notes-N, notes-R, notes-X. The duties beside them stay."""
    text = (
        "**Điều 9. Trách nhiệm của Cơ quan có chức năng quản lý đất đai cấp xã**\n"
        "1. Cung cấp thông tin địa chính đầy đủ, kịp thời cho cơ quan thuế.\n"
        "2. Chịu trách nhiệm về thời hạn giải quyết thủ tục hành chính tại cơ quan mình thực hiện.\n"
        "**Điều 10. Trách nhiệm của Trưởng Ban Chỉ đạo**\n"
        "1. Quyết định và chịu trách nhiệm trước Thủ tướng Chính phủ về hoạt động của Ban Chỉ đạo.\n"
        "2. Triệu tập, chủ trì các cuộc họp của Ban Chỉ đạo.\n"
    )
    assert [(o.agency, o.section) for o in _obligations(text)] == [
        ("Cơ quan có chức năng quản lý đất đai cấp xã", "Điều 9.1"),
        ("Trưởng Ban Chỉ đạo", "Điều 10.2"),
    ]


def test_the_powers_an_article_devolves_are_no_tasks():
    """'Điều 3. Nội dung phân cấp' lists the powers a decision hands down ('a) Quyết định việc nuôi con nuôi …',
    Quyết định of UBND tỉnh Đồng Nai, tn-208bf7c0b7e8f27c; 'Điều 2. Nội dung phân cấp / 1. Sở Tài chính / a) Giao
    tài sản bằng hiện vật …', Chủ tịch UBND thành phố Cần Thơ, tn-c2bf5a06388200a0; also Hải Phòng and Đắk Lắk):
    a power is no task (notes-K on a devolution decision). The article on who executes it still gives tasks."""
    text = (
        "**Điều 3. Nội dung phân cấp**\n"
        "1. Ủy ban nhân dân tỉnh phân cấp thẩm quyền cho Sở Tư pháp tỉnh Đồng Nai ký Quyết định việc nuôi con nuôi "
        "có yếu tố nước ngoài đối với các trường hợp sau:\n"
        "a) Quyết định việc nuôi con nuôi có yếu tố nước ngoài đối với trẻ em sống ở cơ sở nuôi dưỡng.\n"
        "2. Sở Tài chính\n"
        "a) Giao tài sản bằng hiện vật (trừ trụ sở làm việc, cơ sở hoạt động sự nghiệp) cho các cơ quan, tổ chức, "
        "đơn vị trên địa bàn thành phố.\n"
        "**Điều 4. Trách nhiệm thi hành**\n"
        "1. Sở Tư pháp\n"
        "a) Chịu trách nhiệm trước pháp luật và Ủy ban nhân dân tỉnh về việc tổ chức thực hiện có hiệu quả.\n"
        "b) Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan xây dựng và cập nhật quy trình nội bộ thủ tục "
        "hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh để thực hiện đồng bộ, thống "
        "nhất.\n"
    )
    assert [(o.agency, o.role) for o in _obligations(text)] == [("Sở Tư pháp", "lead")]


def test_task_fields_set_in_emphasis_as_a_web_page_renders_them():
    # tn-09daab284f92e2dd (Kế hoạch 141/KH-UBND, UBND tỉnh Bắc Ninh), III.4; the same emphasis on the labels of
    # tn-1ea5e769bcf16b99 (UBND tỉnh Hà Tĩnh, '**Cơ quan thực hiện: **Sở Y tế')
    text = """III. NHIỆM VỤ, GIẢI PHÁP
4. Nâng cao phẩm chất, năng lực cho đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật
- Tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng xây dựng pháp luật cho đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật.
*Đơn vị chủ trì tham mưu thực hiện: *Sở Tư pháp.
*Đơn vị phối hợp thực hiện: *Sở Nội vụ.
*Thời gian thực hiện: *Tháng 12/2025.
- Nâng cao kiến thức, kỹ năng xây dựng pháp luật trong chương trình bồi dưỡng kiến thức, kỹ năng quản lý nhà nước.
**Đơn vị chủ trì**: Sở Nội vụ.
*Đơn vị phối hợp: *Sở Tư pháp."""
    got = _obligations(text)
    assert [(o.agency, o.role, o.due) for o in got] == [
        ("Sở Tư pháp", "lead", "2025-12"),
        ("Sở Nội vụ", "support", "2025-12"),
        ("Sở Nội vụ", "lead", None),
        ("Sở Tư pháp", "support", None),
    ]
    assert got[0].task.startswith("Tổ chức tập huấn")


def test_a_request_leading_into_a_task_part_gives_its_items_to_the_bodies_it_asks():
    # tn-24701a1c97c8c368 (Thông báo 634/TB-VPCP, Văn phòng Chính phủ), II; the same request over numbered items
    # outside a titled part is seed 000's
    text = """II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THỜI GIAN TỚI
Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo, tập trung thực hiện các nhiệm vụ, giải pháp trên các lĩnh vực trong 02 tháng cuối năm 2025; trong đó lưu ý một số nội dung trọng tâm sau:
1. Đổi mới tư duy, tầm nhìn phát triển, khai thác tối đa nguồn lực bên trong.
2. Chú trọng bảo vệ môi trường, phát triển bền vững, tăng trưởng xanh, kinh tế tuần hoàn.
III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH
1. Về dự án nạo vét luồng tàu: Bộ Xây dựng khẩn trương rà soát, sớm bàn giao trong năm 2025."""
    assert [(o.agency, o.section) for o in _obligations(text)] == [
        ("Thường trực Tỉnh ủy", "II.1"),
        ("Thường trực Tỉnh ủy", "II.2"),
        ("Bộ Xây dựng", "III.1"),
    ]


def test_a_request_over_dash_bullets_gives_each_bullet_to_each_addressee():
    # tn-d97b35347d17f96f (Công văn 5095/SGDĐT-CTTTHSSV, Sở GD&ĐT Hà Nội): the same items under a directive as
    # seed 000's numbered ones, marked with dashes as a part's items may be
    text = """Nhằm đảm bảo sức khỏe cho học sinh, Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; các đơn vị, cơ sở giáo dục trực thuộc thực hiện nghiêm túc theo văn bản chỉ đạo của UBND Thành phố. Cụ thể:
- Thường xuyên cập nhật thông tin về chất lượng không khí, theo dõi chỉ số VN_AQI tại các trạm quan trắc.
- Hạn chế các hoạt động ngoài trời cho học sinh trong các khung giờ có chất lượng không khí ở mức “Xấu” trở lên."""
    got = _obligations(text)
    assert [o.agency for o in got] == ["Ủy ban nhân dân các xã, phường", "các đơn vị, cơ sở giáo dục trực thuộc"] * 2
    assert got[2].task.startswith("Hạn chế các hoạt động ngoài trời")


def test_bodies_named_under_a_sub_heading_of_a_class_take_its_tasks():
    # tn-6bac4a0d92da936d (Chỉ thị 010/CT-UBND, UBND tỉnh Đắk Lắk), I.2: the class's heading over '2.1. Trách
    # nhiệm chung' (the class's tasks) and '2.2. Trách nhiệm cụ thể' over one lettered heading per body
    text = """I. Trách nhiệm phối hợp trong công tác thẩm định chủ trương đầu tư dự án
2. Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến thẩm định, chịu trách nhiệm trước UBND tỉnh các nội dung sau:
2.1. Trách nhiệm chung
a) Đánh giá sơ bộ về hiệu quả kinh tế - xã hội của dự án đầu tư.
2.2. Trách nhiệm cụ thể
a) Sở Xây dựng
- Đánh giá sự phù hợp của dự án đầu tư với quy hoạch xây dựng, đô thị.
- Đánh giá về khả năng đấu nối giao thông của dự án.
b) Sở Văn hóa, Thể thao và Du lịch
- Đánh giá về sự phù hợp của dự án đầu tư với yêu cầu bảo vệ, phát huy giá trị của di sản văn hóa."""
    assert [(o.agency, o.section) for o in _obligations(text)] == [
        ("Các sở, ban, ngành, địa phương", "I.2.1.a"),
        ("Sở Xây dựng", "I.2.2.a"),
        ("Sở Xây dựng", "I.2.2.a"),
        ("Sở Văn hóa, Thể thao và Du lịch", "I.2.2.b"),
    ]


def test_an_executing_clause_wrapped_after_the_first_title_keeps_it():
    """'**Điều 4. **Chánh Văn phòng' / 'UBND tỉnh, Giám đốc Sở …': the hard wrap leaves the title alone on the
    article's line, which is the clause's first words, not the article's title (tn-46cf026ac548f4bd, UBND Đắk Lắk;
    tn-adda847abe350742, UBND Quảng Ngãi; tn-b1bac569be973504, UBND Cà Mau; and four more)."""
    text = (
        "**Điều 3. **Quyết định này có hiệu lực kể từ ngày ký.\n"
        "**Điều 4. **Chánh Văn phòng\n"
        "UBND tỉnh, Giám đốc Sở Công Thương, Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành\n"
        "Quyết định này./.\n"
    )
    assert [o.agency for o in _obligations(text)] == [
        "Chánh Văn phòng Ủy ban nhân dân tỉnh",
        "Giám đốc Sở Công Thương",
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
    ]


def test_the_time_that_opens_the_sentence_before_its_bodies_dates_their_task():
    """cb-file_data_40 (Thủ tướng Chính phủ, Điều 7.1), tn-1a434d0a7e14dc93 (UBND TP Cần Thơ, Điều 9.2.c) and
    cb-file_data_36 (Bộ Xây dựng): the gold gives the task the time said before the body; a quarter of every year's
    cycle prints no day, so no due (notes-adjud6.md class 6)."""
    text = (
        "Điều 7. Tổ chức thực hiện\n"
        "1. Trong năm 2013, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương phải thực hiện cơ bản xong"
        " việc hỗ trợ về nhà ở cho hộ gia đình người có công với cách mạng.\n"
        "2. Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị có liên quan"
        " tiến hành rà soát, đánh giá kết quả chấm điểm.\n"
    )
    assert [(o.agency, o.due, o.recurrence) for o in _obligations(text)] == [
        ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "2013", None),
        ("Sở Nội vụ", None, None),
    ]


def test_a_catch_all_alone_in_a_partners_field_is_courtesy():
    # tn-09daab284f92e2dd (Kế hoạch 141/KH-UBND, UBND tỉnh Bắc Ninh), III: 'Đơn vị phối hợp: *Sở Tư pháp; các cơ
    # quan, đơn vị, địa phương liên quan.'; the same clause alone in tn-6e205b75bcc588b5 (Quyết định 2913/QĐ-UBND,
    # UBND tỉnh Hà Tĩnh): '- Cơ quan phối hợp: các cơ quan, đơn vị có liên quan trực thuộc Ủy ban nhân dân tỉnh.'
    text = """III. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát, hoàn thiện thể chế
- Tổ chức rà soát văn bản quy phạm pháp luật của tỉnh.
*Đơn vị chủ trì: *Sở Nội vụ.
*Đơn vị phối hợp: *Sở Tư pháp; các cơ quan, đơn vị, địa phương liên quan.
- Xây dựng cơ sở dữ liệu văn bản của tỉnh.
*Đơn vị chủ trì: *Sở Khoa học và Công nghệ.
*Đơn vị phối hợp: *Các cơ quan, đơn vị liên quan."""
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Sở Nội vụ", "lead"),
        ("Sở Tư pháp", "support"),
        ("Sở Khoa học và Công nghệ", "lead"),
    ]


def test_a_courtesy_partners_field_is_no_label_for_the_line_above():
    # the OCR'd lines of tn-09daab284f92e2dd (UBND tỉnh Bắc Ninh) printed and scanned at 200 dpi
    # (bench.scan_tolerance texts, scan-random): with no emphasis round the labels, explicit_assignments read the
    # courtesy field as 'Cơ quan chủ trì: X' and gave the catch-all the line above, 'Sở Tư pháp.', as its task
    text = """III. NHIỆM VỤ, GIẢI PHÁP
8. Tổ chức hội nghị, hội thảo trong công tác xây dựng pháp luật
- Tổ chức hội nghị, hội thảo trao đổi nghiệp vụ, kinh nghiệm trong công tác xây dựng pháp luật.
Đơn vị chủ trì: Sở Tư pháp.
Đơn vị phối hợp: Các cơ quan, đơn vị liên quan.
Thời gian thực hiện: Hằng năm."""
    assert [(o.agency, o.role) for o in _obligations(text)] == [("Sở Tư pháp", "lead")]


def test_a_clock_time_is_not_the_colon_that_ends_an_items_body():
    # tn-5dbaef1b7c77d06c (Công điện 229/CĐ-TTg), item 4: the body was read up to '15' of '15:00'
    text = """Thủ tướng Chính phủ yêu cầu các Bộ, cơ quan, địa phương thực hiện các nhiệm vụ sau:
1. Khẩn trương thực hiện quyết liệt, đồng bộ các nhiệm vụ, giải pháp khắc phục hậu quả thiên tai.
2. Văn phòng Chính phủ hướng dẫn các văn phòng bộ, ngành, địa phương mẫu báo cáo hàng tuần trước 15:00 ngày thứ Sáu hàng tuần và theo dõi, đôn đốc việc thực hiện Công điện này./."""
    assert [o.agency for o in _obligations(text)][-1] == "Văn phòng Chính phủ"


def test_the_steps_of_a_case_give_nothing():
    """tn-be5392d4f50c27a6 (UBND Nghệ An, Quy chế on voters' petitions, Điều 12): '2. Trường hợp … cụ thể:' opens a
    case, and its steps a) b) c) wait on it, so neither gives a task (notes-M: 'Trường hợp …' items give none); the
    standing duty after it counts."""
    text = (
        "Điều 12. Trách nhiệm của các sở, ban, ngành\n"
        "1. Tiếp nhận, phân loại kiến nghị thuộc ngành, lĩnh vực của mình.\n"
        "2. Trường hợp kiến nghị liên quan đến nhiều sở, ban, ngành thì đơn vị được giao chủ trì phải chủ động,"
        " phối hợp, theo dõi, đôn đốc việc giải quyết, không để kiến nghị tồn đọng, kéo dài, cụ thể:\n"
        "a) Trong 03 ngày làm việc, kể từ ngày nhận được kiến nghị, sở, ban, ngành được giao chủ trì phải có văn bản"
        " gửi đến các cơ quan, đơn vị liên quan đề nghị phối hợp giải quyết;\n"
        "b) Trong 05 ngày làm việc, kể từ ngày nhận được đề nghị phối hợp thì cơ quan, đơn vị có liên quan phải có"
        " văn bản giải quyết theo quy định pháp luật;\n"
        "3. Hướng dẫn, phối hợp, theo dõi, đôn đốc việc giải quyết kiến nghị đã giao cho các cơ quan liên quan.\n"
    )
    assert [(o.agency, o.section) for o in _obligations(text)] == [
        ("các sở, ban, ngành", "Điều 12.1"),
        ("các sở, ban, ngành", "Điều 12.3"),
    ]


def test_an_attachment_whose_title_wraps_after_kem_theo_is_read(tmp_path):
    """tn-1e6fb98e16a75e3d (Bộ Quốc phòng, the Cam Ranh port regulation issued with 25/2016/QĐ-TTg): the web page's
    bold kept '*(Ban hành kèm **theo' and 'Quyết định số …' on two lines, so the regulation after the decision's
    'Nơi nhận' was not read at all."""
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 25/2016/QĐ-TTg\n\nQUYẾT ĐỊNH\n\nBAN HÀNH QUY CHẾ QUẢN LÝ HOẠT ĐỘNG CỦA CẢNG"
        " QUỐC TẾ CAM RANH\n\n**Điều 1.** Ban hành kèm theo Quyết định này Quy chế quản lý hoạt động của Cảng quốc"
        " tế Cam Ranh.\n\n**Điều 2.** Quyết định này có hiệu lực thi hành từ ngày 15 tháng 8 năm 2016.\n\n"
        "**Điều 3.** Các Bộ trưởng, Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa chịu trách nhiệm thi hành Quyết định"
        " này./.\n\n"
        "Nơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT.\n\n"
        "**QUY CHẾ**\n\nQUẢN LÝ HOẠT ĐỘNG CỦA CẢNG QUỐC TẾ CAM RANH\n\n"
        "*(Ban hành kèm **theo\nQuyết định số 25/2016/QĐ-TTg **ngày 27 tháng **6 năm 2016 của Thủ tướng\n"
        "Chính phủ)*\n\n"
        "**Điều 27. Trách nhiệm của\nỦy ban nhân dân tỉnh Khánh Hòa**\n\n"
        "1. Phối hợp với Bộ Quốc phòng trong công\ntác tiếp đón, quản lý, đảm bảo an ninh, an toàn cho tàu quân sự"
        " nước ngoài.\n\n"
        "2. Chỉ đạo các cơ quan chức năng triển khai thực hiện\nQuy chế này.\n"
    )
    page = tmp_path / "quy-che.md"  # read as the corpus page is, bold and hard wraps as printed
    page.write_text(text, encoding="utf-8")
    got = obligations.extract(segment(load_document(page)), None)
    assert [(o.agency, o.role) for o in got][-2:] == [
        ("Ủy ban nhân dân tỉnh Khánh Hòa", "support"),
        ("Ủy ban nhân dân tỉnh Khánh Hòa", "assigned"),
    ]


def test_an_article_of_a_body_s_duties_and_powers_gives_its_duties():
    """'Điều 36. Nhiệm vụ, quyền hạn của Bộ Tài chính' over 1. 2. (tn-e4ddc120fc14463c, Chính phủ 171/2025/NĐ-CP;
    tn-c22591f10eec1dab, Chính phủ 170/2025/NĐ-CP) and 'Điều 25. Trách nhiệm và quyền hạn của Bộ Quốc phòng'
    (tn-1e6fb98e16a75e3d, the Cam Ranh port regulation): the body the article is about does each numbered item, as
    under 'Trách nhiệm của X'."""
    text = (
        "Điều 36. Nhiệm vụ, quyền hạn của Bộ Tài chính\n"
        "1. Tổng hợp, cân đối, bố trí kinh phí đào tạo, bồi dưỡng trong nước và ở nước ngoài trình cấp có thẩm quyền"
        " phê duyệt; gửi Bộ Nội vụ để theo dõi, thực hiện theo thẩm quyền.\n"
        "2. Hướng dẫn, kiểm tra việc quản lý, sử dụng kinh phí đào tạo, bồi dưỡng.\n"
        "Điều 25. Trách nhiệm và quyền hạn của Bộ Quốc phòng\n"
        "1. Chủ trì, phối hợp với các Bộ, ngành và các cơ quan liên quan để đề xuất nội dung sửa đổi, bổ sung Quy"
        " chế cho phù hợp với yêu cầu thực tế.\n"
    )
    assert [(o.agency, o.role, o.section) for o in _obligations(text)] == [
        ("Bộ Tài chính", "assigned", "Điều 36.1"),
        ("Bộ Tài chính", "assigned", "Điều 36.2"),
        ("Bộ Quốc phòng", "lead", "Điều 25.1"),
    ]


def test_an_appendix_after_the_last_article_is_a_part_of_its_own():
    """tn-548693349b18e8cf (UBND Hải Phòng, Quy định on grading officials): the scoring tables of 'Phụ lục 01' … '03'
    ran on into the last item of Điều 14, and each of their cells was read as a task of the three officials."""
    text = (
        "Điều 14. Trách nhiệm của người đứng đầu cơ quan, đơn vị\n"
        "1. Trực tiếp chỉ đạo triển khai, thực hiện quy định này.\n"
        "2. Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân xã, phường xem xét áp dụng Quy định này đối với"
        " viên chức tại các đơn vị sự nghiệp công lập trực thuộc.\n"
        "Phụ lục 01\n"
        "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG\n"
        "1. Kết quả thực hiện chức trách, nhiệm vụ được giao\n"
        "2. Không được giao chỉ tiêu thì không đánh giá chấm điểm nội dung này.\n"
    )
    assert [o.section for o in _obligations(text)] == ["Điều 14.1", "Điều 14.2", "Điều 14.2"]


def test_a_long_name_after_trach_nhiem_cua_names_the_body():
    """'Điều 10. Trách nhiệm của cơ quan có chức năng quản lý Nhà nước về lĩnh vực xây dựng cấp xã' (tn-994dfbc3967e5ebf,
    UBND Nghệ An, 16 words) and 'Điều 30. Trách nhiệm của doanh nghiệp cung cấp dịch vụ Hệ thống thông tin giải
    quyết TTHC' (tn-639c24e1a9c3f20c, Chủ tịch UBND Ninh Bình, 13 words): a class described at length is still the
    one the article's duties are given to (notes-N, notes-Y)."""
    text = (
        "Điều 10. Trách nhiệm của cơ quan có chức năng quản lý Nhà nước về lĩnh vực xây dựng cấp xã\n"
        "1. Tiếp nhận và trả lời bằng văn bản các nội dung liên quan thuộc chức năng, nhiệm vụ quản lý của đơn vị.\n"
        "2. Cung cấp thông tin về hành lang bảo vệ, chỉ giới xây dựng công trình công cộng.\n"
        "Điều 30. Trách nhiệm của doanh nghiệp cung cấp dịch vụ Hệ thống thông tin giải quyết TTHC\n"
        "1. Tổ chức đào tạo, hướng dẫn, hỗ trợ các cơ quan, đơn vị, địa phương trên địa bàn tỉnh quản lý, vận hành"
        " Hệ thống thông tin giải quyết TTHC tỉnh.\n"
    )
    assert [(o.agency, o.section) for o in _obligations(text)] == [
        ("cơ quan có chức năng quản lý Nhà nước về lĩnh vực xây dựng cấp xã", "Điều 10.1"),
        ("cơ quan có chức năng quản lý Nhà nước về lĩnh vực xây dựng cấp xã", "Điều 10.2"),
        ("doanh nghiệp cung cấp dịch vụ Hệ thống thông tin giải quyết TTHC", "Điều 30.1"),
    ]


def test_a_body_given_the_management_of_a_system_has_that_duty():
    """'1. Văn phòng Ủy ban nhân dân tỉnh được giao quản lý danh bạ …, chịu trách nhiệm cấp mới …'
    (tn-c5f09c7770858e97, UBND Nghệ An, Quy chế 7.1) and '1. Các sở, ban, ngành được giao quản lý, sử dụng tài khoản …'
    (tn-639c24e1a9c3f20c, Chủ tịch UBND Ninh Bình, Quy chế 11.1): a standing duty (notes-X, notes-Y), unlike a class
    that a role defines ('Các cơ quan được giao chủ trì có trách nhiệm …'), which names nobody."""
    text = (
        "Điều 11. Quản lý việc cấp, sử dụng tài khoản\n"
        "1. Các sở, ban, ngành được giao quản lý, sử dụng tài khoản có chức năng quản trị các nội dung bao gồm:"
        " danh mục TTHC, dịch vụ công trực tuyến.\n"
        "2. Công an tỉnh được giao quản lý tài khoản có chức năng quản lý, quản trị, phân quyền.\n"
        "3. Các cơ quan được giao chủ trì có trách nhiệm báo cáo kết quả.\n"
    )
    assert [(o.agency, o.section) for o in _obligations(text)] == [
        ("Các sở, ban, ngành", "Điều 11.1"),
        ("Công an tỉnh", "Điều 11.2"),
    ]


def test_a_request_after_nêu_trên_waits_on_no_condition():
    # Bộ Nội vụ 5d3180ce: folded, 'nêu trên' (above) reads as 'nếu' (if), which made the request conditional
    text = """Để việc đề xuất biên chế được triển khai thống nhất, trên cơ sở nguyên tắc và định hướng nêu trên, đề nghị bộ, ngành, địa phương khẩn trương tổng hợp đề xuất biên chế và gửi về Bộ Nội vụ trước ngày 26/11/2025."""
    assert [(o.agency, o.due) for o in _obligations(text)] == [("bộ, ngành, địa phương", "2025-11-26")]
    conditional = (
        """Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các sở, ngành phản ánh về Sở Nội vụ."""
    )
    assert _obligations(conditional) == []


def test_a_content_bullet_that_opens_with_a_body_and_its_role_is_that_body_s():
    # UBND Đắk Lắk a49ef8a0 (IV.1.c, IV.7): bullets under a topic, not under an assignment part
    text = """IV. NỘI DUNG TRIỂN KHAI
1. Công tác vệ sinh môi trường
c) Tiêu độc, khử trùng môi trường
- Trung tâm Kiểm soát bệnh tật tỉnh chủ trì chủ động điều phối, cấp hóa chất Cloramin B, máy phun phục vụ công tác xử lý môi trường.
- Tổ chức các hoạt động phun khử trùng tại các khu vực ngập sâu.
7. Công tác giám sát, kiểm tra, báo cáo
- Sở Y tế chủ trì kiểm tra, đôn đốc thực hiện kế hoạch.
- Khi xuất hiện ca bệnh bất thường, báo cáo ngay về Trung tâm Kiểm soát bệnh tật tỉnh và Sở Y tế."""
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Trung tâm Kiểm soát bệnh tật tỉnh", "lead"),
        ("Sở Y tế", "lead"),
    ]


def test_phoi_hop_after_tham_muu_is_the_advised_body_s_role():
    # UBND Đồng Tháp bffd9da6 (IV.2, IV.4): the Sở advises; the provincial committee is the one that coordinates
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng
- Tham mưu Ủy ban nhân dân tỉnh phối hợp các bộ, ngành Trung ương xây dựng các dự án, các chương trình phát triển đô thị.
- Phối hợp với Sở Tài chính bố trí kinh phí thực hiện."""
    assert [(o.agency, o.role) for o in _obligations(text)] == [("Sở Xây dựng", "assigned"), ("Sở Xây dựng", "support")]


def test_a_notice_answers_each_proposal_after_its_colon():
    # VPCP notices of conclusions: abca9704 ('II. VỀ CÁC ĐỀ XUẤT, KIẾN NGHỊ CỦA THÀNH PHỐ'; 'Chính phủ đã ban hành …'
    # reports) and 24701a1c (III.4, III.1: the partners of 'phối hợp với' and the bodies reported to are no clauses)
    text = """II. VỀ CÁC ĐỀ XUẤT, KIẾN NGHỊ CỦA THÀNH PHỐ
1. Về đề nghị Bộ Nội vụ tham mưu ban hành các cơ chế, chính sách về tiền lương: Bộ Nội vụ nghiên cứu đề xuất của Ủy ban nhân dân thành phố Đà Nẵng.
2. Về đề nghị xây dựng cơ sở dữ liệu: Về vấn đề này, Chính phủ đã ban hành Nghị quyết số 214/NQ-CP ngày 23 tháng 7 năm 2025. Các bộ, ngành trên cơ sở nhiệm vụ được giao, hoàn thiện cơ sở dữ liệu quốc gia.
3. Về dự án kho dầu thô: Ủy ban nhân dân tỉnh Thanh Hóa phối hợp với Bộ Công Thương, Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam và các cơ quan liên quan rà soát kỹ các quy hoạch liên quan.
4. Về đề nghị sửa đổi Nghị quyết số 66.4/2025/NQ-CP: giao Bộ Nông nghiệp và Môi trường chủ trì nghiên cứu, đề xuất phương án xử lý, báo cáo Chính phủ, Thủ tướng Chính phủ trong tháng 12 năm 2025."""
    got = _obligations(text)
    assert [(o.agency, o.role, o.due) for o in got] == [
        ("Bộ Nội vụ", "assigned", None),
        ("Các bộ, ngành", "assigned", None),
        ("Ủy ban nhân dân tỉnh Thanh Hóa", "support", None),
        ("Bộ Nông nghiệp và Môi trường", "lead", "2025-12"),  # the bodies it reports to are no clause
    ]
    assert got[2].partners == [
        "Bộ Công Thương",
        "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",
        "các cơ quan liên quan",
    ]


def test_a_numbered_lead_in_over_lettered_tasks_gives_none_of_its_own():
    """A numbered item ending ':' over lettered tasks only leads in; its items are the tasks (notes-F, notes-Y
    28.1). Quoted from cb-file_data_1 (UBND TP Hồ Chí Minh 49/2012, Điều 8.3) and tn-be5392d4f50c27a6 (UBND Nghệ An
    98/2025, Quy chế Điều 11.7). A lead-in over cases ('… đối với các trường hợp sau đây:', tn-1e6fb98e16a75e3d,
    Điều 23.5) keeps its own task."""
    text = (
        "Điều 8. Ủy ban nhân dân phường - xã, thị trấn có nhiệm vụ\n"
        "2. Trực tiếp quản lý đối tượng, tiền mặt và các khoản chi trợ cấp ưu đãi người có công trên địa bàn.\n"
        "3. Chỉ đạo cán bộ Lao động - Thương binh và Xã hội:\n"
        "a) Mở sổ theo dõi và quản lý từng loại đối tượng.\n"
        "b) Kiểm tra, lập danh sách những đối tượng đã chết, hết tuổi hưởng trợ cấp.\n"
        "Điều 11. Trách nhiệm của các sở, ban, ngành\n"
        "7. Thực hiện nghiêm túc việc gửi, công khai kết quả giải quyết kiến nghị cử tri thuộc thẩm quyền như sau:\n"
        "a) Trong thời hạn 02 ngày làm việc kể từ ngày có kết quả giải quyết, gửi kết quả đến Văn phòng UBND tỉnh;\n"
        "b) Niêm yết kết quả giải quyết kiến nghị trong 30 ngày tại trụ sở.\n"
        "Điều 23. Trách nhiệm của Công ty Tân Cảng - Petro Cam Ranh\n"
        "5. Phối hợp với Cảng vụ Hàng hải Nha Trang từ chối tiếp nhận hoặc đình chỉ hoạt động của các chủ tàu"
        " đối với các trường hợp sau đây:\n"
        "a) Khi Cảng quốc tế Cam Ranh không thể tiếp nhận tàu thuyền;\n"
        "b) Các trường hợp khác theo yêu cầu của Bộ trưởng Bộ Quốc phòng.\n"
    )
    sections = [o.section for o in _obligations(text)]
    assert sections[:5] == ["Điều 8.2", "Điều 8.3.a", "Điều 8.3.b", "Điều 11.7.a", "Điều 11.7.b"]
    assert "Điều 8.3" not in sections and "Điều 11.7" not in sections and "Điều 23.5" in sections


def test_the_documents_own_initialisms_are_spelled_out_in_agencies():
    """An initialism the document spells out once ('Hệ thống quản lý văn bản và điều hành tỉnh Ninh Bình (gọi tắt là
    Hệ thống QLVB&ĐH)', UBND Ninh Bình 161/2025, tn-3928ef06a8929828; '… giải quyết thủ tục hành chính (TTHC)',
    Chủ tịch UBND Ninh Bình 163/2025, tn-639c24e1a9c3f20c; 'Khu công nghiệp (KCN)', tn-ceb89a53c7b93f00 Nghệ An)
    is expanded in the agency (CONVENTIONS.md: abbreviations expanded); one defined in place is dropped."""
    text = (
        "Quy chế quản lý, vận hành và sử dụng Hệ thống quản lý văn bản và điều hành tỉnh Ninh Bình (gọi tắt là"
        " Hệ thống QLVB&ĐH), Hệ thống thông tin giải quyết thủ tục hành chính (TTHC) tỉnh.\n"
        "Điều 24. Trách nhiệm của doanh nghiệp cung cấp dịch vụ Hệ thống QLVB&ĐH\n"
        "1. Cung cấp dịch vụ Hệ thống QLVB&ĐH đáp ứng đầy đủ các yêu cầu.\n"
        "Điều 30. Trách nhiệm của doanh nghiệp cung cấp dịch vụ Hệ thống thông tin giải quyết TTHC\n"
        "1. Tổ chức đào tạo, hướng dẫn, hỗ trợ cán bộ sử dụng hệ thống.\n"
    )
    assert [o.agency for o in _obligations(text)] == [
        "doanh nghiệp cung cấp dịch vụ Hệ thống quản lý văn bản và điều hành",
        "doanh nghiệp cung cấp dịch vụ Hệ thống thông tin giải quyết thủ tục hành chính",
    ]
    in_place = "Bộ phận tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công (TTPVHCC) tỉnh"
    assert agencies.expand_initialisms([in_place], text + "Trung tâm Phục vụ hành chính công (TTPVHCC)") == {
        in_place: "Bộ phận tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công tỉnh"
    }


def test_the_duties_of_a_regulation_of_functions_are_the_regulated_bodys():
    """A regulation of one body's functions, duties and powers: its 'Nhiệm vụ và quyền hạn' article names no body,
    so each leaf duty is the body's that the position article defines (notes-D3); groups ('1. Về xây dựng pháp
    luật') and lead-ins give none, a lead-in's words open its items' tasks. Quoted from tn-0f98ee482389e59e (UBND Hà
    Tĩnh 2979/QĐ-UBND, Sở Tư pháp) and tn-f48a2691d3f74ec4 (UBND Quảng Trị 39/2025/QĐ-UBND, Chi cục Kiểm lâm)."""
    text = (
        "Điều 1. Vị trí và chức năng\n"
        "1. Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh; thực hiện chức năng tham mưu.\n"
        "Điều 2. Nhiệm vụ và quyền hạn\n"
        "1. Về xây dựng pháp luật\n"
        "1.1. Trình Ủy ban nhân dân tỉnh\n"
        "a) Dự thảo nghị quyết của Hội đồng nhân dân tỉnh;\n"
        "b) Dự thảo kế hoạch phát triển, chương trình, biện pháp tổ chức thực hiện;\n"
        "1.2. Trình Chủ tịch Ủy ban nhân dân tỉnh dự thảo các văn bản thuộc thẩm quyền ban hành.\n"
        "1.3. Tham mưu Ủy ban nhân dân tỉnh quản lý công tác xây dựng pháp luật và thực hiện các nhiệm vụ sau:\n"
        "a) Chủ trì, phối hợp với các cơ quan, tổ chức có liên quan lập danh mục nghị quyết;\n"
        "b) Theo dõi, đôn đốc, kiểm tra việc soạn thảo văn bản quy định chi tiết.\n"
        "Điều 3. Cơ cấu tổ chức\n"
        "1. Lãnh đạo Sở có Giám đốc và các Phó Giám đốc.\n"
    )
    got = _obligations(text)
    assert [(o.agency, o.role, o.section) for o in got] == [
        ("Sở Tư pháp", "assigned", "Điều 2.1.1.a"),
        ("Sở Tư pháp", "assigned", "Điều 2.1.1.b"),
        ("Sở Tư pháp", "assigned", "Điều 2.1.2"),
        ("Sở Tư pháp", "lead", "Điều 2.1.3.a"),
        ("Sở Tư pháp", "assigned", "Điều 2.1.3.b"),
    ]
    assert got[0].task == "Trình Ủy ban nhân dân tỉnh dự thảo nghị quyết của Hội đồng nhân dân tỉnh"
    assert got[0].evidence.quote.startswith("a) Dự thảo") and got[4].task.startswith("Theo dõi, đôn đốc")


def test_the_regulated_body_is_named_by_the_articles_opening_or_the_decisions_words():
    """Without a position article the body is the one the duty article's opening paragraph names ('Trung tâm Phục vụ
    hành chính công thành phố thực hiện nhiệm vụ, quyền hạn … cụ thể như sau:', UBND Cần Thơ, tn-1813348fc14ac2b7),
    or the one the decision names the regulation after ('Ban hành kèm theo Quyết định này Quy định chức năng, nhiệm
    vụ, quyền hạn và cơ cấu tổ chức của Chi cục Kiểm lâm thuộc Sở …', tn-f48a2691d3f74ec4); a cited decree's
    'quy định chức năng, nhiệm vụ, quyền hạn … của Bộ Tài chính' names no body of this regulation."""
    opening = (
        "Điều 2. Nhiệm vụ, quyền hạn\n"
        "Trung tâm Phục vụ hành chính công thành phố thực hiện nhiệm vụ, quyền hạn theo quy định, cụ thể như sau:\n"
        "1. Nhiệm vụ, quyền hạn chung\n"
        "a) Công khai kịp thời, đầy đủ danh mục thủ tục hành chính;\n"
        "b) Phối hợp với các cơ quan, đơn vị liên quan để giải quyết thủ tục hành chính;\n"
        "2. Thực hiện những nhiệm vụ khác do Chủ tịch Ủy ban nhân dân thành phố phân công.\n"
    )
    assert _rows(opening) == [
        ("Trung tâm Phục vụ hành chính công thành phố", "assigned", "Điều 2.1.a"),
        ("Trung tâm Phục vụ hành chính công thành phố", "support", "Điều 2.1.b"),
        ("Trung tâm Phục vụ hành chính công thành phố", "assigned", "Điều 2.2"),
    ]
    titled = (
        "Căn cứ Nghị định số 29/2025/NĐ-CP của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức"
        " của Bộ Tài chính;\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Chi"
        " cục Kiểm lâm thuộc Sở Nông nghiệp và Môi trường tỉnh Quảng Trị.\n"
        "Điều 2. Nhiệm vụ và quyền hạn\n"
        "1. Thực hiện đầy đủ chức năng, nhiệm vụ, quyền hạn của kiểm lâm tại địa phương theo quy định.\n"
    )
    assert _rows(titled) == [("Chi cục Kiểm lâm", "assigned", "Điều 2.1")]


def test_a_combined_functions_article_and_a_split_powers_article_read_the_same_body():
    """The same form with the function inside the duty article ('Điều 2. Chức năng, nhiệm vụ và quyền hạn' / '1. Chức
    năng: X là …', which says what the body is and gives no duty) and the powers in an article of their own, the
    wording of the Trung tâm and Chi cục regulations above (tn-1813348fc14ac2b7, tn-f48a2691d3f74ec4) set out the
    way a public service unit's regulation often is."""
    text = (
        "Điều 2. Chức năng, nhiệm vụ và quyền hạn\n"
        "1. Chức năng: Trung tâm Kiểm soát bệnh tật tỉnh là đơn vị sự nghiệp y tế công lập thuộc Sở Y tế.\n"
        "2. Nhiệm vụ, quyền hạn:\n"
        "a) Tham mưu Giám đốc Sở Y tế xây dựng kế hoạch phòng, chống dịch bệnh;\n"
        "b) Phối hợp với các đơn vị liên quan giám sát dịch bệnh trên địa bàn tỉnh.\n"
        "Điều 3. Quyền hạn\n"
        "1. Thực hiện các nhiệm vụ khác do Giám đốc Sở Y tế giao.\n"
    )
    assert _rows(text) == [
        ("Trung tâm Kiểm soát bệnh tật tỉnh", "assigned", "Điều 2.2.a"),
        ("Trung tâm Kiểm soát bệnh tật tỉnh", "support", "Điều 2.2.b"),
        ("Trung tâm Kiểm soát bệnh tật tỉnh", "assigned", "Điều 3.1"),
    ]


def test_the_position_article_names_the_body_past_its_bracket_and_the_lexicon():
    """'X (sau đây viết tắt là Y) …' (Chi cục Kiểm lâm, tn-f48a2691d3f74ec4 Điều 1.2) and a name longer than the
    lexicon knows before 'là' define the body; the position article itself gives no duty, even where its subject
    reads like a body and a verb ('Ban Quản lý dự án đầu tư …')."""
    template = (
        "Điều 1. Vị trí và chức năng\n"
        "1. {} là đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh.\n"
        "Điều 2. Nhiệm vụ và quyền hạn\n"
        "1. Trình Ủy ban nhân dân tỉnh kế hoạch đầu tư công trung hạn.\n"
    )
    bracketed = template.format("Chi cục Kiểm lâm (sau đây viết tắt là Chi cục)")
    assert _rows(bracketed) == [("Chi cục Kiểm lâm", "assigned", "Điều 2.1")]
    long_name = "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh"
    assert _rows(template.format(long_name)) == [(long_name, "assigned", "Điều 2.1")]


def test_a_ministrys_chanh_van_phong_heads_its_own_office():
    """'Chánh Văn phòng, Cục trưởng Cục …' in a ministry's executing article: the office chief is the ministry's, not
    the next Cục's (Bộ KH&CN 4001/QĐ-BKHCN, tn-046d4a5b8d446144, where 'Điều 3. Chánh' also wraps before 'Văn
    phòng'; Bộ NN&MT 5042/QĐ-BNNMT, tn-1796a553dfee88ef; Bộ GD&ĐT 21/2025/TT-BGDĐT, tn-4eb6d4a67b3ff8d9), while a
    board chair and a general director in series head one bank."""
    assert [
        o.agency
        for o in _obligations(
            "**Điều 3. **Chánh\nVăn phòng, Vụ trưởng Vụ Khoa học kỹ thuật và công nghệ, Cục trưởng Cục Khởi nghiệp và"
            " Doanh nghiệp công nghệ và\nThủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định"
            "\nnày./.\n"
        )
    ] == [
        "Chánh Văn phòng",
        "Vụ trưởng Vụ Khoa học kỹ thuật và công nghệ",
        "Cục trưởng Cục Khởi nghiệp và Doanh nghiệp công nghệ",
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
    ]
    assert [
        o.agency
        for o in _obligations(
            "**Điều 3.**** **Chánh Văn phòng, Cục trưởng Cục Trồng trọt và Bảo vệ thực vật, Thủ trưởng các Vụ, Cục, đơn vị"
            " có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"
        )
    ][:2] == ["Chánh Văn phòng", "Cục trưởng Cục Trồng trọt và Bảo vệ thực vật"]
    assert [
        o.agency
        for o in _obligations(
            "Điều 3. Chủ tịch Hội đồng quản trị, Tổng Giám đốc Ngân hàng Chính sách xã hội chịu trách nhiệm thi hành"
            " Quyết định này.\n"
        )
    ] == ["Chủ tịch Hội đồng quản trị Ngân hàng Chính sách xã hội", "Tổng Giám đốc Ngân hàng Chính sách xã hội"]


def test_a_date_before_the_documents_year_is_described_not_due():
    """'… nhà ở (xây dựng trước ngày 01 tháng 7 năm 2006)' (UBND Lai Châu 88/2025, tn-50693ea4bb4bda20, Quy chế
    6.1.d) and '… vào loại đất ở trước ngày 01/7/2004' (UBND Nghệ An 95/2025, tn-994dfbc3967e5ebf, 13.4) describe
    the land or house, so the task has no due; a limit in the document's own year stays."""
    from schemas.extraction import DocumentMeta

    text = (
        "Điều 6. Trách nhiệm của Ủy ban nhân dân cấp xã\n"
        "1. Tiếp nhận và trả lời bằng văn bản trong thời hạn không quá 05 ngày làm việc về nội dung: Xác nhận đủ"
        " điều kiện tồn tại đối với nhà ở (xây dựng trước ngày 01 tháng 7 năm 2006).\n"
        "2. Báo cáo kết quả rà soát trước ngày 15/12/2025.\n"
    )
    doc = Document(
        path="t.txt", sha256="0", media_type="text/plain", pages=[Page(number=1, text=text, source=TextSource.plain)]
    ).with_offsets()
    found = obligations.extract(segment(doc), DocumentMeta(issued_on="2025-11-20"))
    assert [(o.section, o.due) for o in found] == [("Điều 6.1", None), ("Điều 6.2", "2025-12-15")]


def test_a_date_before_the_documents_it_cites_is_described_when_the_scan_lost_the_date_line():
    """A scan that lost its own date line (UBND Quảng Ngãi 239/TTr-UBND at 150 dpi, UBND Cao Bằng 157/QĐ-NĐ-UB at
    every resolution) still cites dated documents, and is issued after them: '… vào loại đất ở trước ngày
    01/7/2004' (UBND Nghệ An 95/2025, tn-994dfbc3967e5ebf, 13.4) stays a description of the land, no due, by the
    Tờ trình the decision cites; a limit after that date stays."""
    from schemas.extraction import DocumentMeta

    text = (
        "Xét đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 11006/TTr-SNNMT ngày 24 tháng 11 năm"
        " 2025.\n"
        "Điều 6. Trách nhiệm của Ủy ban nhân dân cấp xã\n"
        "1. Xác nhận về hiện trạng sử dụng đất đối với trường hợp hộ gia đình, cá nhân đã được cấp Giấy chứng nhận"
        " một phần diện tích vào loại đất ở trước ngày 01/7/2004.\n"
        "2. Báo cáo kết quả rà soát trước ngày 15/12/2025.\n"
    )
    doc = Document(
        path="t.txt", sha256="0", media_type="text/plain", pages=[Page(number=1, text=text, source=TextSource.plain)]
    ).with_offsets()
    found = obligations.extract(segment(doc), DocumentMeta(issued_on=None))
    assert [(o.section, o.due) for o in found] == [("Điều 6.1", None), ("Điều 6.2", "2025-12-15")]


def test_a_duty_over_the_cases_it_applies_to_is_one_duty():
    """In a duty article, an item over the cases it applies to keeps its own task and its cases give none, as
    elsewhere (notes-K, notes-M; the lead-in rule of tn-1e6fb98e16a75e3d Điều 23.5, '… đối với các trường hợp sau
    đây:'); worded after 2979/QĐ-UBND 4.4.e (tn-0f98ee482389e59e)."""
    text = (
        "Điều 1. Vị trí và chức năng\n"
        "1. Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh.\n"
        "Điều 2. Nhiệm vụ và quyền hạn\n"
        "1. Thu hồi Giấy đăng ký hoạt động của Văn phòng công chứng trong các trường hợp sau đây:\n"
        "a) Văn phòng công chứng không hoạt động liên tục từ 06 tháng trở lên;\n"
        "b) Văn phòng công chứng bị giải thể.\n"
        "2. Cấp, cấp lại thẻ công chứng viên theo quy định.\n"
        "3. Ngoài các nhiệm vụ được nêu tại khoản 1, khoản 2 Điều này, Sở Tư pháp thực hiện các nhiệm vụ sau:\n"
        "a) Quản lý hoạt động của các đơn vị sự nghiệp thuộc Sở.\n"
    )
    assert _rows(text) == [
        ("Sở Tư pháp", "assigned", "Điều 2.1"),
        ("Sở Tư pháp", "assigned", "Điều 2.2"),
        ("Sở Tư pháp", "assigned", "Điều 2.3.a"),  # 'được nêu' is no 'nếu' (UBND Cần Thơ, tn-1813348fc14ac2b7 2.2)
    ]


def test_a_blank_form_attached_to_the_document_assigns_nothing():
    """A licence template of the Cam Ranh port regulation (tn-1e6fb98e, Khánh Hòa) leaves its bodies blank ('….(2)….'),
    and the application form attached to a 1999 decision of UBND tỉnh Cao Bằng (the H14 scan) its answer: the
    lines of a form to fill are no duties, while the decision's own task before them is one."""
    template = """2. Trách nhiệm của các cơ quan, đơn vị
a) ....(2).... giải quyết cho người được cấp phép vào, ra Căn cứ quân sự Cam Ranh theo tuyến đường phía Đông.
b) ....(3).... thông báo kết quả cấp phép cho các tổ chức, cá nhân liên quan.
"""
    assert _obligations(template) == []
    form = """Điều 2. Ủy ban nhân dân thị xã Cao Bằng có nhiệm vụ giải phóng mặt bằng, giao đất theo quy định.
Đề nghị UBND tỉnh (Giao đất hay không giao đất).............................
cho ông bà.........
"""
    assert [o.agency for o in _obligations(form)] == ["Ủy ban nhân dân thị xã Cao Bằng"]


def test_a_blank_in_the_bodies_place_makes_a_sentence_a_forms():
    """A template leaves blank whom it names, not only what it asks: the decision template at the end of Nghị định
    170/2025/NĐ-CP of the Chính phủ (tn-c22591f1, 'Mẫu số 3') and the submission template of Bộ Y tế 3621/QĐ-BYT
    (tn-5fc0868a). Neither is a duty of the document; a real executing article is still one."""
    template = """**Điều 2.** Chế độ bảo hiểm xã hội đối với ông (bà)……….. do Bảo hiểm khu vực giải quyết theo quy định.
**Điều 3.** Thủ trưởng các cơ quan, đơn vị có liên quan và ông (bà) ……… chịu trách nhiệm thi hành quyết định này./.
"""
    assert _obligations(template) == []
    submission = """Hội đồng ……… kính đề nghị Bộ trưởng Bộ Y tế, Hội đồng xét tặng giải thưởng Hải Thượng Lãn Ông cấp Bộ Y tế xem
xét, quyết định.
"""
    assert _obligations(submission) == []
    article = "**Điều 3.** Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"
    assert [o.agency for o in _obligations(article)] == ["Thủ trưởng các cơ quan, đơn vị có liên quan"]


def test_a_parts_title_in_capitals_under_a_request_is_no_task():
    """239 TTr (Quảng Ngãi, a submission): the request's 'cụ thể như sau:' opens the parts of the proposal, whose
    titles in capitals say what each part is about; the addressee's one task is the request itself."""
    text = """Kính gửi: Thường trực HĐND tỉnh
UBND tỉnh đề nghị Thường trực HĐND tỉnh xem xét, chấp thuận chủ trương xây dựng Nghị quyết bãi bỏ Nghị quyết số 24/2013/NQ-HĐND, cụ thể như sau:
1. SỰ CẦN THIẾT BAN HÀNH NGHỊ QUYẾT
Ngày 22/11/2023, Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh Quảng Ngãi thời kỳ 2021-2030.
Kính đề nghị Thường trực HĐND tỉnh xem xét, chấp thuận./.
"""
    assert all(not o.task.isupper() for o in _obligations(text))
    assert {o.agency for o in _obligations(text)} == {"Thường trực Hội đồng nhân dân tỉnh"}


def test_the_lead_verb_opening_a_later_clause_gives_the_role():
    # tn-05729ab54fc07c39 (Nghị quyết, Chính phủ) and tn-62f25a030c183151 (Kế hoạch, UBND tỉnh Đắk Lắk)
    text = (
        "TỔ CHỨC THỰC HIỆN\n"
        "1. Giao Bộ Nông nghiệp và Môi trường làm chủ Chương trình, chịu trách nhiệm chủ trì xây dựng, hoàn thiện"
        " hồ sơ, trình cấp có thẩm quyền phê duyệt quyết định đầu tư.\n"
        "2. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh: Thực hiện vai trò cơ quan thường trực Ban Vận động cấp tỉnh;"
        " chủ trì vận động tổ chức, cá nhân trong và ngoài tỉnh ủng hộ nhu yếu phẩm.\n"
        "3. Sở Tài chính: Tổng hợp báo cáo; phối hợp với Sở Xây dựng kiểm tra tiến độ.\n"
    )
    assert [(a, r) for a, r, _ in _rows(text)] == [
        ("Bộ Nông nghiệp và Môi trường", "lead"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead"),
        ("Sở Tài chính", "assigned"),  # a later 'phối hợp' is one more duty, the gold's plain task
    ]


def test_a_class_named_with_its_qualifiers_and_its_members_in_a_bracket_gives_each_member_the_task():
    # tn-6bac4a0d92da936d (Chỉ thị, UBND tỉnh Đắk Lắk); with 'gồm' the same form is in tn-4e39af96b6891368 (Quảng Ngãi)
    text = """I. TRÁCH NHIỆM PHỐI HỢP
1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban Quản lý các Khu công nghiệp tỉnh):
a) Chịu trách nhiệm tiếp nhận hồ sơ, kiểm tra tính đầy đủ và hợp lệ của hồ sơ."""
    assert [a for a, _, _ in _rows(text)] == [
        "Sở Tài chính",
        "Ban quản lý Khu Kinh tế Phú Yên",
        "Ban Quản lý các Khu công nghiệp tỉnh",
    ]


def test_a_case_opened_by_doi_voi_and_thi_gives_nothing():
    """'Đối với <case> … thì <what is done>' is a case like 'Trường hợp …' (notes-F, notes-M: cases give none):
    tn-be5392d4f50c27a6 (UBND Nghệ An, Quy chế on voters' petitions, Điều 7.3) and cb-file_data_7 (Bộ Lao động -
    Thương binh và Xã hội, 5162/VBHN, 'Đối với trường hợp con từ đủ 18 tuổi …'). The standing duty before it counts,
    and an item that opens with 'Đối với' and no 'thì' is not touched."""
    text = (
        "Điều 7. Trách nhiệm của các Sở, ban, ngành cấp tỉnh\n"
        "1. Phối hợp với Văn phòng UBND tỉnh phân loại, làm rõ nội dung kiến nghị có liên quan đến chức năng,"
        " nhiệm vụ của mình.\n"
        "2. Đối với kiến nghị đã được giải quyết đúng quy định pháp luật nhưng cử tri vẫn tiếp tục kiến nghị thì"
        " trong thời hạn 10 ngày làm việc kê từ ngày nhận được kiến nghị, các sở, ban, ngành phải có văn bản thông"
        " báo đến cử tri kiến nghị, đồng thời báo cáo UBND tỉnh.\n"
        "3. Đối với trường hợp con từ đủ 18 tuổi trở lên bị khuyết tật nặng, khuyết tật đặc biệt nặng thì cấp"
        " giấy giới thiệu theo Mẫu số 38 đến Hội đồng giám định y khoa cấp tỉnh.\n"
    )
    assert [(o.agency, o.role, o.section) for o in _obligations(text)] == [
        ("các Sở, ban, ngành cấp tỉnh", "support", "Điều 7.1"),
    ]


def test_a_periodic_opener_before_the_role_verb():
    """A period that opens the task before its role verb ('Định kỳ hàng tháng, phối hợp …', tn-994dfbc3967e5ebf,
    UBND Nghệ An 95/2025, Quy chế 11.6) leaves the verb its role; 'Hằng năm,' is the same opener
    (tn-639c24e1a9c3f20c, Chủ tịch UBND Ninh Bình 163/2025, Quy chế 24.3: `support` in the gold)."""
    text = (
        "Điều 24. Trách nhiệm của Công an tỉnh\n"
        "1. Chủ trì bảo đảm các điều kiện kết nối giữa Hệ thống thông tin giải quyết TTHC của tỉnh và Cơ sở dữ"
        " liệu quốc gia về dân cư.\n"
        "2. Hằng năm, phối hợp với Sở Khoa học và Công nghệ, Trung tâm Phục vụ hành chính công tỉnh thực hiện rà"
        " quét, rà soát các điều kiện đảm bảo an toàn, an ninh thông tin đối với Hệ thống.\n"
        "3. Định kỳ hàng tháng, phối hợp với Văn phòng đăng ký đất đai kiểm tra, đối chiếu hồ sơ.\n"
    )
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Công an tỉnh", "lead"),
        ("Công an tỉnh", "support"),
        ("Công an tỉnh", "support"),
    ]


def test_what_a_body_is_not_liable_for_is_no_task():
    """'X không chịu trách nhiệm do/về …' exempts a body and gives it nothing to do: tn-994dfbc3967e5ebf (UBND Nghệ
    An 95/2025, Quy chế 7.3 and 8.3, none in the gold); the same exemption is written of the Hội đồng tuyển dụng in
    tn-c22591f10eec1dab (Chính phủ). The duty before it counts."""
    text = (
        "Điều 7. Trách nhiệm của Văn phòng đăng ký đất đai\n"
        "1. Kiểm tra, hướng dẫn Chi nhánh Văn phòng đăng ký đất đai trong việc thực hiện cấp Giấy chứng nhận.\n"
        "2. Văn phòng đăng ký đất đai không chịu trách nhiệm do việc các đơn vị phối hợp không cung cấp kịp thời"
        " các văn bản, hồ sơ có liên quan.\n"
    )
    assert [(o.agency, o.section) for o in _obligations(text)] == [("Văn phòng đăng ký đất đai", "Điều 7.1")]


def test_the_verb_after_the_duty_phrase_gives_the_role():
    """When the words that qualify a class stay before 'có trách nhiệm', the verb after it is the role:
    tn-6bac4a0d92da936d (UBND Đắk Lắk, II.1 '… và các Sở, ban, ngành quản lý quy hoạch theo chức năng, nhiệm vụ
    được giao có trách nhiệm phối hợp công bố …', `support` in the gold); the same order in tn-637e9efcc63ab844
    (Bộ Nông nghiệp và Môi trường, 'theo chức năng, nhiệm vụ được giao có trách nhiệm phối hợp') and cb-file_data_7
    (Bộ LĐTBXH, 'Trong thời gian 02 ngày làm việc …, có trách nhiệm phối hợp với Ủy ban nhân dân cấp xã …')."""
    text = (
        "II. Trách nhiệm phối hợp giải quyết thủ tục đầu tư\n"
        "1. Sở Tài chính, Sở Xây dựng và các Sở, ban, ngành quản lý quy hoạch theo chức năng, nhiệm vụ được giao có"
        " trách nhiệm phối hợp công bố đầy đủ, công khai thông tin về quy hoạch, danh mục dự án thu hút đầu tư.\n"
    )
    assert {(o.agency, o.role) for o in _obligations(text)} == {
        ("Sở Tài chính", "support"),
        ("Sở Xây dựng", "support"),
        ("các Sở, ban, ngành quản lý quy hoạch", "support"),  # the class keeps what its members do, as in the gold
    }


def test_a_class_runs_to_the_functions_that_bound_it():
    """'theo chức năng, nhiệm vụ' after a class closes the class's name even when no duty phrase follows: the words
    before it go on naming the class. UBND Quảng Ngãi's scanned notice vht534 (II.1, a list of classes, the gold's one
    collective class; its 'chủ trì' names classes, the role stays assigned) and HĐND Hà Nội 59/2025
    (tn-9124b25553a6c642, Điều 3.3.đ 'Các cơ sở giáo dục công lập chất lượng cao theo chức năng, nhiệm vụ được …').
    What opens a task is no name: 'Các cơ quan, đơn vị căn cứ theo chức năng, nhiệm vụ, thẩm quyền chủ động phối hợp'
    (Bộ Xây dựng, tn-a8e9e9675ab618ee, 2)."""
    text = (
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Yêu cầu Thủ trưởng các cơ quan, đơn vị, địa phương, các Chủ đầu tư, các đơn vị đầu mối giao kế hoạch, các"
        " Cơ quan chủ trì Dự án, Tiểu dự án, Nội dung thành phần, các cơ quan chủ trì quản lý 02 Chương trình MTQG theo"
        " chức năng, nhiệm vụ được giao nâng cao tính chủ động, khẩn trương rà soát, thực hiện các nội dung sau:\n"
        "a) Tập trung thực hiện các nội dung, nhiệm vụ đã được UBND tỉnh chỉ đạo.\n"
        "2. Các cơ sở giáo dục công lập chất lượng cao theo\n"
        "chức năng, nhiệm vụ được ngân sách nhà nước cấp kinh phí chi cho các hoạt động\n"
        "không thường xuyên.\n"
        "3. Các cơ quan, đơn vị căn cứ theo chức năng, nhiệm\n"
        "vụ, thẩm quyền chủ động phối hợp, hỗ trợ địa phương ứng phó.\n"
    )
    classes = (
        "Thủ trưởng các cơ quan, đơn vị, địa phương, các Chủ đầu tư, các đơn vị đầu mối giao kế hoạch, các Cơ quan chủ"
        " trì Dự án, Tiểu dự án, Nội dung thành phần, các cơ quan chủ trì quản lý 02 Chương trình MTQG"
    )
    assert [(o.agency, o.role, o.section) for o in _obligations(text)] == [
        (classes, "assigned", "II.1.a"),
        ("Các cơ sở giáo dục công lập chất lượng cao", "assigned", "II.2"),
        ("Các cơ quan, đơn vị", "support", "II.3"),
    ]


def test_a_phoi_hop_deep_in_the_sentence_after_a_can_cu_clause_is_not_the_role():
    """The 'Căn cứ / Trên cơ sở …,' clause before a role verb is a few short nouns ('Căn cứ theo chức năng, nhiệm
    vụ, quyền hạn được giao, chủ động phối hợp với Sở Y tế …', tn-a83fffe08d7aeed7: support), not the task's first
    duties: 'Các bộ, ngành trên cơ sở nhiệm vụ được giao …, hoàn thiện cơ sở dữ liệu quốc gia trong ngành, lĩnh vực
    …, phối hợp với Bộ Công an …' (tn-abca9704d4c889cd, Văn phòng Chính phủ) and '… căn cứ chức năng, nhiệm vụ được
    giao, có trách nhiệm triển khai thực hiện và tăng cường phối hợp …' (tn-6bac4a0d92da936d, UBND Đắk Lắk III.1)
    are `assigned` in the gold (phối hợp not at the head)."""
    text = (
        "III. Tổ chức thực hiện\n"
        "1. Thủ trưởng các Sở, ban, ngành căn cứ chức năng, nhiệm vụ được giao, có trách nhiệm triển khai thực hiện"
        " và tăng cường phối hợp đảm bảo thực hiện đồng bộ, hiệu quả.\n"
        "2. Các bộ, ngành trên cơ sở nhiệm vụ được giao tại các văn bản nêu trên, hoàn thiện cơ sở dữ liệu quốc gia"
        " trong ngành, lĩnh vực thuộc phạm vi quản lý, phối hợp với Bộ Công an thực hiện kết nối, tích hợp các cơ sở"
        " dữ liệu quốc gia.\n"
        "3. Các sở, ban, ngành căn cứ theo chức năng, nhiệm vụ, quyền hạn được giao, chủ động phối hợp với Sở Y tế"
        " trong việc tổ chức triển khai thực hiện Kế hoạch.\n"
    )
    assert [(o.agency, o.role) for o in _obligations(text)] == [
        ("Thủ trưởng các Sở, ban, ngành", "assigned"),
        ("Các bộ, ngành", "assigned"),
        ("Các sở, ban, ngành", "support"),
    ]


def test_the_items_of_a_task_done_in_the_following_cases_give_nothing():
    """tn-1e6fb98e16a75e3d (Bộ Quốc phòng, Quy chế Cảng quốc tế Cam Ranh, Điều 23.5): '5. Phối hợp với Cảng vụ …
    đối với các trường hợp sau đây:' is one `support` task; its a) b) c) name the cases (notes-D3: '5's items a–c
    name cases, not tasks, so 5 is one'). The same lead-in over cases: cb-file_data_18 ('… đối với các trường hợp
    sau:'), tn-c22591f10eec1dab ('… trong các trường hợp sau đây:')."""
    text = (
        "Điều 23. Trách nhiệm của Giám đốc Công ty Tân Cảng - Petro Cam Ranh\n"
        "4. Tổ chức quản lý, khai thác cầu cảng theo đúng quy định.\n"
        "5. Phối hợp với Cảng vụ Hàng hải Nha Trang từ chối tiếp nhận hoặc đình chỉ hoạt động của các chủ tàu, tổ"
        " chức, cá nhân trong khu vực Cảng quốc tế Cam Ranh theo quy định của pháp luật đối với các trường hợp sau"
        " đây:\n"
        "a) Khi Cảng quốc tế Cam Ranh không thể tiếp nhận tàu thuyền và cung cấp các dịch vụ theo yêu cầu của các"
        " chủ tàu;\n"
        "b) Có nguy cơ gây mất an toàn, an ninh, ô nhiễm môi trường hoặc sức khỏe của cộng đồng;\n"
        "c) Các trường hợp khác theo yêu cầu của Bộ trưởng Bộ Quốc phòng.\n"
        "6. Tổ chức tuyên truyền, phổ biến, thông tin về hoạt động của Cảng.\n"
    )
    assert [(o.role, o.section) for o in _obligations(text)] == [
        ("assigned", "Điều 23.4"),
        ("support", "Điều 23.5"),
        ("assigned", "Điều 23.6"),
    ]


def test_scan_dash_bullets_read_as_tildes_and_a_c_read_as_a_euro_sign():
    # tn-6bac4a0d92da936d (Chỉ thị, UBND Đắk Lắk) rendered and faxed (bench.samples 'fax-random'), as the OCR reads
    # it: '- Đánh giá …' read '~ Đánh giá …' or '~- Đánh giá …', 'c)' read '€)' (so is H14's 'c)', UBND Cao Bằng);
    # without the marker the heading 'b) Sở Khoa học và Công nghệ' and its first task were one line
    got = _scan(
        """I. Trách nhiệm phối hợp trong công tác thẩm định chủ trương đầu tư dự án
2.2. Trách nhiệm cụ thể
Ngoài các trách nhiệm chung nêu trên, một số đơn vị và địa phương còn có trách nhiệm có ý kiến thẩm định cụ thể một số nội dung sau:
a) Sở Xây dựng
- Đánh giá về khả năng đấu nối giao thông của dự án.
b) Sở Khoa học và Công nghệ
~ Đánh giá về công nghệ sử dụng trong dự án đầu tư đối với dự án thuộc diện thẩm định hoặc lấy ý kiến về công nghệ.
€) Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh
- Đánh giá sự phù hợp của dự án đầu tư với lĩnh vực an ninh, quốc phòng, biên giới, hải đảo;
~ Đánh giá việc đáp ứng các điều kiện và các nội dung khác thuộc lĩnh vực quản lý.
d) UBND các xã, phường
~- Đánh giá hiện trạng sử dụng đất; nguồn gốc đất, đối tượng sử dụng đất."""
    )
    assert [(o.agency, o.section, o.task[:20]) for o in got] == [
        ("Sở Xây dựng", "I.2.2.a", "Đánh giá về khả năng"),
        ("Sở Khoa học và Công nghệ", "I.2.2.b", "Đánh giá về công ngh"),
        ("Công an tỉnh", "I.2.2.c", "Đánh giá sự phù hợp "),
        ("Bộ Chỉ huy Quân sự tỉnh", "I.2.2.c", "Đánh giá sự phù hợp "),
        ("Công an tỉnh", "I.2.2.c", "Đánh giá việc đáp ứn"),
        ("Bộ Chỉ huy Quân sự tỉnh", "I.2.2.c", "Đánh giá việc đáp ứn"),
        ("Ủy ban nhân dân các xã, phường", "I.2.2.d", "Đánh giá hiện trạng "),
    ]


def test_an_item_of_a_body_told_apart_by_its_number_is_its_task():
    # VPCP 11554/VPCP-V.I (tn-8018a6f353d60a9e) and Bộ Xây dựng's telegram on the Trung Bộ floods (tn-a8e9e9675ab618ee):
    # the number after the name stopped the body before its verb, and the items gave nobody a task
    text = """Phó Thủ tướng Chính phủ Bùi Thanh Sơn - Trưởng Ban Chỉ đạo 389 quốc gia có ý kiến như sau:
3. Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia tập trung lãnh đạo, chỉ đạo các đơn vị liên quan khẩn trương thực hiện một số nhiệm vụ sau:
3.1. Hoàn thiện Kế hoạch cao điểm chống buôn lậu, gian lận thương mại và hàng giả; báo cáo Phó Thủ tướng Chính phủ trước ngày 30 tháng 11 năm 2025.
3.2. Khẩn trương hoàn thành việc tổng kết, đánh giá việc thực hiện Chỉ thị số 30/CT-TTg ngày 30 tháng 9 năm 2014 của Thủ tướng Chính phủ.
5. Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia tăng cường kiểm tra, đôn đốc các cơ quan, lực lượng chức năng.
6. Ban Quản lý Dự án 85 khẩn trương tiếp tục chủ trì, phối hợp với Sở Xây dựng Lâm Đồng khảo sát, lập phương án kỹ thuật tối ưu."""
    assert [(a, r) for a, r, _ in _rows(text)] == [
        ("Bộ trưởng Bộ Tài chính", "assigned"),
        ("Bộ trưởng Bộ Tài chính", "assigned"),
        ("Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia", "assigned"),
        ("Ban Quản lý Dự án 85", "lead"),
    ]


def test_an_adverbial_clause_over_commas_before_the_bodies_an_item_opens_with():
    # UBND tỉnh Đắk Lắk's directive 010/CT-UBND (tn-6bac4a0d92da936d), the purpose clause before the bodies
    text = """II. TRÁCH NHIỆM PHỐI HỢP
5. Để nâng cao hiệu lực, hiệu quả quản lý nhà nước về đầu tư, tăng cường công tác đánh giá, kiểm tra và giám sát các dự án đầu tư, các Sở, ngành, UBND cấp xã và các đơn vị có liên quan theo chức năng, nhiệm vụ, thẩm quyền quy định triển khai thực hiện những nội dung sau:
a) Thực hiện đầy đủ, nghiêm túc các quy định của pháp luật về đầu tư, doanh nghiệp, đất đai.
b) Định kỳ đánh giá tình hình hoạt động của các dự án đầu tư theo lĩnh vực, địa bàn được giao."""
    assert [a for a, _, _ in _rows(text)] == ["các Sở, ngành", "Ủy ban nhân dân cấp xã", "các đơn vị có liên quan"] * 2
    # a Nghị quyết of a provincial HĐND (tn-0abcf1a5292b31ec): 'Trên cơ sở …' over a comma of its own, in a bullet;
    # Bộ Nông nghiệp và Môi trường's circular (tn-637e9efcc63ab844): 'Căn cứ …' likewise, in a lettered item
    text = """Điều 3. Trình tự hỗ trợ
- Trên cơ sở Quyết định phê duyệt danh sách hỗ trợ của Ủy ban nhân dân xã/phường, trong 05 ngày làm việc, Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính trình Ủy ban nhân dân thành phố phê duyệt, phân bổ kinh phí hỗ trợ.
a) Căn cứ báo cáo kết quả điều tra của Sở Nông nghiệp và Môi trường và các cơ quan chuyên môn của Bộ Nông nghiệp và Môi trường, Cục Bảo tồn thiên nhiên và Đa dạng sinh học lập Báo cáo xác định nguy cơ xâm hại của loài ngoại lai."""
    assert [(a, r) for a, r, _ in _rows(text)] == [
        ("Sở Khoa học và Công nghệ", "lead"),
        ("Cục Bảo tồn thiên nhiên và Đa dạng sinh học", "assigned"),
    ]
    # 'Đề nghị …' is no purpose clause: folded, 'để' and 'đề' are one word
    assert [
        a
        for a, _, _ in _rows(
            "II. TỔ CHỨC THỰC HIỆN\n3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể tỉnh tuyên truyền, vận động đoàn viên."
        )
    ] == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "các đoàn thể tỉnh",
    ]


def test_a_paragraph_whose_body_follows_an_opening_clause_and_goes_on_with_a_plain_verb():
    # Văn phòng Chính phủ's notice (tn-91035abb77ae0a1b), HĐND Hà Nội's resolution (tn-f1e9ca38ca659c82), HĐND Huế's
    # resolution (tn-0abcf1a5292b31ec, a bullet after a time limit): a paragraph, not an item, so no role verb needed
    text = """Trên cơ sở Báo cáo số 10/BC-UBND ngày 12/11/2025 của Ủy ban nhân dân tỉnh, Sở Xây dựng làm việc với Sở Tài chính để bổ sung hồ sơ dự án.

Căn cứ mức trần tại Nghị quyết, các cơ sở giáo dục xây dựng dự toán chi phí để xác định mức thu cụ thể.

- Trong thời hạn 03 ngày làm việc, kể từ ngày hồ sơ được xét duyệt, Chủ tịch Ủy ban nhân dân xã ra Quyết định hỗ trợ."""
    assert [(a, r) for a, r, _ in _rows(text)] == [
        ("Sở Xây dựng", "assigned"),
        ("các cơ sở giáo dục", "assigned"),
        ("Chủ tịch Ủy ban nhân dân xã", "assigned"),
    ]
    # what the issuer says it concludes or determines, one of alternatives, and whom a meeting heard (UBND tỉnh Quảng
    # Ngãi's notice, the development scan vht534) are no task of a named body
    text = """Trên cơ sở đó, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:

Để bảo đảm cân đối ngân sách, Ủy ban nhân dân tỉnh xác định khung cân đối như các Mẫu biểu kèm theo.

Trong thời hạn 30 ngày, kể từ ngày có kết quả đánh giá, người đứng đầu cơ quan quản lý hoặc cơ quan được phân cấp ra quyết định thôi việc.

Sau khi nghe lãnh đạo Sở Tài chính, Ban Dân tộc tỉnh và các sở, ngành báo cáo tình hình triển khai thực hiện Chương trình."""
    assert _rows(text) == []


def test_a_body_and_its_duty_after_a_topic_or_a_case_and_its_colon():
    # UBND tỉnh Ninh Bình's Quy chế (tn-3928ef06a8929828, also tn-639c24e1a9c3f20c): an item outside the parts that
    # assign, its topic then its colon; the Chính phủ's decree on people with merit (cb-file_data_7): a case, its colon
    text = """Điều 25. Chuyển đổi hệ thống
3. Về tập huấn, hướng dẫn: Sở Khoa học và Công nghệ có trách nhiệm chủ trì, phối hợp với các đơn vị liên quan tổ chức các lớp tập huấn.
Đối với các cơ sở nuôi dưỡng, điều dưỡng người có công do địa phương quản lý: Sở Lao động - Thương binh và Xã hội có trách nhiệm lập và tổng hợp dự toán kinh phí."""
    assert [(a, r) for a, r, _ in _rows(text)] == [
        ("Sở Khoa học và Công nghệ", "lead"),
        ("Sở Lao động - Thương binh và Xã hội", "assigned"),
    ]


def test_a_body_that_must_do_something_has_a_duty():
    # UBND TP. Hồ Chí Minh's Quy chế on the funds for people with merit (cb-file_data_1), a paragraph after an item;
    # the same 'X phải …' opens items of VPCP 11554/VPCP-V.I ('2. Các lực lượng chức năng phải liên tục ra quân …')
    text = """Điều 5. Kiểm tra
1. Ủy ban nhân dân phường - xã, thị trấn báo cáo Ủy ban nhân dân quận - huyện và Sở Lao động - Thương binh và Xã hội xem xét, xử lý theo quy định pháp luật.
Phòng Lao động - Thương binh và Xã hội quận - huyện phải thực hiện kiểm tra việc thực hiện chính sách ưu đãi người có công."""
    assert ("Phòng Lao động - Thương binh và Xã hội quận - huyện", "assigned") in [(a, r) for a, r, _ in _rows(text)]


def test_the_description_of_an_administrative_procedure_assigns_nothing():
    # Bộ Nông nghiệp và Môi trường (tn-1796a553dfee88ef), UBND tỉnh Hà Tĩnh (tn-6e205b75bcc588b5), Bộ KH&CN
    # (tn-046d4a5b8d446144, a form's heading after a wrapped 'Điều 54 Luật …' citation): the steps of a
    # published procedure say how a case is handled; the next article assigns again (notes-M, notes-N)
    text = """Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính nội bộ.
**2. Ban hành Danh mục loài cây
trồng thuộc các loại cây lâu năm được chứng nhận quyền sở hữu trên địa bàn tỉnh**
a) Trình tự thực hiện:
- Bước 1: Ủy ban nhân dân tỉnh, thành phố trực thuộc
Trung ương giao Sở Nông nghiệp và Môi trường chủ trì xây dựng Danh mục loài cây
trồng thuộc các loại cây lâu năm được chứng nhận quyền sở hữu trên địa bàn tỉnh.
**1.6. Cơ quan giải quyết TTHC:**
Ban Chỉ huy Phòng thủ dân sự cấp
xã phối hợp với Ủy ban nhân dân cấp xã nơi xảy ra sự cố trực tiếp xác minh sự cố.
- Căn cứ pháp lý:
Điều 54 Luật Khoa học, công nghệ và đổi mới sáng tạo năm 2025.
**8. Các tổ chức phối hợp/đồng
tài trợ thực hiện nhiệm vụ (nếu có)**
Điều 2. Giao Sở Nông nghiệp và Môi trường chủ trì cập nhật thủ tục hành chính lên Cơ sở dữ liệu quốc gia."""
    assert _rows(text) == [("Sở Nông nghiệp và Môi trường", "lead", "Điều 2")]


def test_a_procedures_executing_body_is_still_assigned_inside_its_description():
    # UBND tỉnh Hà Tĩnh (tn-1ea5e769bcf16b99, quy trình nội bộ 2.7): 'Cơ quan thực hiện: Sở Y tế' is CONVENTIONS' own
    # example of a task handed explicitly to a named body, so the description's silence does not cover it
    text = """Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính nội bộ.
a) Trình tự thực hiện:
- Bước 1: Tổ chức gửi hồ sơ đến Trung tâm Phục vụ hành chính công tỉnh.
**Cơ quan thực hiện: **Sở Y tế
**Cơ quan có thẩm quyền quyết định**: Sở Y tế"""
    assert [(agency, role) for agency, role, _ in _rows(text)] == [("Sở Y tế", "assigned")]


def test_a_plans_part_ends_a_procedure_description():
    # a plan has no articles: its next part ('IV. TỔ CHỨC THỰC HIỆN') ends the steps it describes
    text = """KẾ HOẠCH
III. NỘI DUNG
2. Trình tự thực hiện:
Bước 1: Ủy ban nhân dân cấp xã lập danh sách gửi Sở Y tế.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Y tế chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện Kế hoạch."""
    assert _rows(text) == [("Sở Y tế", "lead", "IV.1")]


def test_a_heading_names_a_class_by_what_its_members_do():
    # Kế hoạch 160/KH-UBND of UBND thành phố Cần Thơ (tn-5d99697f14bcf68a), VI.2: 'chủ trì' names the class, it gives
    # no role (notes-D, notes-E: 'Các cơ quan, tổ chức, đơn vị chủ trì quản lý tài sản' is one class)
    text = """VI. TỔ CHỨC THỰC HIỆN
2. Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án, tiểu dự án, nội dung thành phần thuộc Chương trình
- Phê duyệt kế hoạch giám sát, đánh giá; tổng hợp kết quả thực hiện dự án.
- Báo cáo kết quả thực hiện đối với các dự án gửi Sở Nông nghiệp và Môi trường tổng hợp.
3. Các sở, ban, ngành phối hợp thực hiện
- Báo cáo kết quả gửi Sở Nông nghiệp và Môi trường."""
    rows = [(o.agency, o.role) for o in _obligations(text)]
    whole = "Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án, tiểu dự án, nội dung thành phần thuộc Chương trình"
    assert rows[:2] == [(whole, "assigned"), (whole, "assigned")]
    assert rows[2][0] == "Các sở, ban, ngành"  # a formula after the class is its role, not its name


def test_a_class_named_by_its_role_before_its_duty():
    # Quyết định 123/2025/QĐ-CTUBND, Chủ tịch UBND thành phố Huế (tn-e598d95fb5f390a4), Điều 8.3: notes-E
    text = """Điều 8. Tổ chức thực hiện
3. Các cơ quan, tổ chức, đơn vị chủ trì quản lý tài sản có trách nhiệm thực hiện chế độ báo cáo về tài sản.
4. Các sở, ban, ngành chủ trì, phối hợp với Sở Tài chính hướng dẫn thực hiện."""
    rows = [(o.agency, o.role) for o in _obligations(text)]
    assert rows[0] == ("Các cơ quan, tổ chức, đơn vị chủ trì quản lý tài sản", "assigned")
    assert rows[1] == ("Các sở, ban, ngành", "lead")  # a role with its partners, no duty after it: the class's own role


def test_a_title_over_a_class_heads_each_body_its_colon_lists_and_they_execute_on_the_decision():
    # UBND tỉnh Bắc Ninh, 456/QĐ-UBND Điều 3 (the phrase also closes UBND Hải Phòng's Điều 3 of 2025)
    text = """QUYẾT ĐỊNH:
Điều 1. Ban hành Danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước lĩnh vực xây dựng.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Xây dựng, Sở Tài chính, Uỷ ban nhân dân cấp xã, các cơ quan, đơn vị có liên quan căn cứ Quyết định thi hành./."""
    got = _obligations(text)
    assert [o.agency for o in got] == [
        "Thủ trưởng Văn phòng Ủy ban nhân dân tỉnh",
        "Thủ trưởng Sở Xây dựng",
        "Thủ trưởng Sở Tài chính",
        "Thủ trưởng Uỷ ban nhân dân cấp xã",  # as printed; the document text is normalized upstream
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
    ]
    assert {o.task for o in got} == {"Căn cứ Quyết định thi hành"}


def test_an_article_that_allocates_a_competence_assigns_no_task_to_the_bodies_it_names():
    # Bộ Tư pháp 23/2025/TT-BTP Điều 10 (its Chương II-III), as HĐND Hà Nội 71/2025 Điều 9 'Thẩm quyền lập, thẩm
    # định, phê duyệt …'; an article of 'Thẩm quyền, trình tự …' (UBND Hà Nội's rating rules) keeps its tasks
    text = """Điều 10. Thẩm quyền xử lý kỷ luật
1. Cục trưởng quyết định kỷ luật đối với Lãnh đạo cấp Phòng và tương đương thuộc Cục.
2. Người đứng đầu đơn vị sự nghiệp thuộc Bộ nhóm 1, nhóm 2 quyết định kỷ luật đối với Lãnh đạo cấp Phòng.
Điều 11. Thẩm quyền, trình tự, thời gian đánh giá, xếp loại
1. Sở Nội vụ tổng hợp kết quả tự chấm điểm, báo cáo Ủy ban nhân dân thành phố."""
    assert _rows(text) == [("Sở Nội vụ", "assigned", "Điều 11.1")]


def test_a_body_asking_another_among_its_own_duties_keeps_the_task():
    # UBND Hải Phòng 211/2025 (tn-d71b3a48efad6d2c, Quy chế Điều 23.2) and Thủ tướng 22/2013/QĐ-TTg (cb-file_data_40,
    # Điều 8.2.d–đ, notes-D): 'Đề nghị X …' or 'Giao X …' among the lettered duties of the body the heading names
    # is that body's task, role assigned, and gives X nothing
    text = """**Điều 23. Trách nhiệm của Hội
Công chứng viên thành phố, các tổ chức hành nghề công chứng và cá nhân có liên
quan**

2. Trách nhiệm của Trưởng các tổ chức hành nghề công chứng

a) Đề nghị Sở Tư pháp cấp, khóa hoặc thay đổi tài
khoản cho công chứng viên, nhân viên của tổ chức mình.

b) Đảm bảo điều kiện (trang thiết bị, mạng internet
và các điều kiện khác) cho việc vận hành Cơ sở dữ liệu tại đơn vị mình.
"""
    assert _rows(text) == [
        ("Trưởng các tổ chức hành nghề công chứng", "assigned", s) for s in ("Điều 23.2.a", "Điều 23.2.b")
    ]
    text = """Điều 8. Tổ chức thực hiện

2. Trách nhiệm của Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

a) Chỉ đạo công tác lập dự toán, quản lý, cấp phát, thanh toán, quyết toán nguồn vốn hỗ trợ theo hướng dẫn của Bộ Tài chính;

b) Giao Sở Xây dựng là cơ quan thường trực của tỉnh để triển khai thực hiện chính sách theo quy định tại Quyết định này;
"""
    province = "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
    assert _rows(text) == [(province, "assigned", "Điều 8.2.a"), (province, "assigned", "Điều 8.2.b")]


def test_a_body_named_by_what_it_does_opens_its_duty():
    # Bộ Xây dựng 38/2025/TT-BXD (tn-2ff42266d5aa9fd1, also 36/2025 and tn-932e83be67d03d47) and HĐND Hà Nội 59/2025
    # (tn-9124b25553a6c642, 3.3): a functional body with no 'các' before 'có trách nhiệm' is the one who acts; a role
    # ('Cơ quan chủ trì', tn-994dfbc3967e5ebf) or a class with its persons names nobody
    text = """Điều 4. Tổ chức thực hiện

2. Đơn vị cung cấp dịch vụ đăng kiểm có trách nhiệm kê khai, niêm yết, công khai thông tin về giá dịch vụ đăng kiểm phương tiện thủy nội địa theo quy định pháp luật về giá.

3. Cơ sở giáo dục công lập chất lượng cao có trách nhiệm quản lý các nguồn kinh phí đảm bảo nguyên tắc dân chủ, công khai minh bạch.

4. Cơ quan chủ trì có trách nhiệm tổng hợp đầy đủ nội dung cuộc họp hoặc buổi kiểm tra thực địa bằng văn bản.

5. Tổ chức, cá nhân có trách nhiệm phân loại chất thải rắn sinh hoạt tại nguồn.
"""
    assert _rows(text) == [
        ("Đơn vị cung cấp dịch vụ đăng kiểm", "assigned", "Điều 4.2"),
        ("Cơ sở giáo dục công lập chất lượng cao", "assigned", "Điều 4.3"),
    ]


def test_whoever_performs_a_step_of_the_procedure_is_no_body():
    # HĐND Hà Nội 57/2025 (tn-f20b8af669b140e9, 8.1, not counted in gold) and Nghị định 131/2021 (cb-file_data_7,
    # Điều 172.1): a functional head followed at once by the step it performs ('lập', 'giới thiệu') names a role the
    # case defines, as notes-S rules for 'Cơ quan, đơn vị tổ chức lập quy hoạch'; 'công lập' later in a name does not
    text = """Điều 8. Trách nhiệm thực hiện

1. Cơ quan lập đề án có trách nhiệm hoàn thiện hồ sơ theo các ý kiến góp ý, đề nghị Ủy ban nhân dân Thành phố trình Hội đồng nhân dân Thành phố.

2. Cơ quan giới thiệu giám định y khoa có trách nhiệm trả chi phí giám định y khoa cho tổ chức thực hiện giám định theo quy định của pháp luật.

3. Cơ sở giáo dục công lập chất lượng cao có trách nhiệm quản lý các nguồn kinh phí đảm bảo nguyên tắc dân chủ, công khai minh bạch.
"""
    assert _rows(text) == [("Cơ sở giáo dục công lập chất lượng cao", "assigned", "Điều 8.3")]


def test_a_body_told_to_issue_an_instrument_is_given_a_task_a_reported_act_is_not():
    # HĐND Hà Nội 70/2025 (tn-5f041f5e6645b117, 5.1 and 7.4) and Nghị định 131/2021 (cb-file_data_7, '4. Ủy ban nhân
    # dân cấp tỉnh ban hành quy chế quản lý công trình ghi công liệt sĩ'): 'X ban hành <instrument>' is X's task;
    # with the instrument's number or date it reports what was issued
    text = """Điều 5. Thực hiện ủy thác vốn ngân sách

1. Ủy ban nhân dân Thành phố ban hành Quyết định ủy thác nguồn vốn ngân sách cho Quỹ đầu tư phát triển Thành phố để thực hiện nhiệm vụ ủy thác.

2. Sở Y tế ban hành Kế hoạch số 12/KH-SYT ngày 05/3/2025 về phòng, chống dịch bệnh.

4. Ủy ban nhân dân Thành phố ban hành quy định chi tiết quy trình thực hiện dự án theo quy định tại khoản 2 Điều này.
"""
    assert _rows(text) == [("Ủy ban nhân dân Thành phố", "assigned", s) for s in ("Điều 5.1", "Điều 5.4")]


def test_the_giao_of_ton_giao_and_nha_giao_hands_no_task():
    # UBND Hà Nội (tn-82483d7fa7f7a186, preamble) and Bộ Giáo dục và Đào tạo (tn-4eb6d4a67b3ff8d9, 2.c): folded, the
    # 'giáo' of 'Tôn giáo' and 'nhà giáo' is the 'giao' of 'Giao Sở X …'; spelled with its tone mark it is another
    # word, while 'Giao Sở Dân tộc và Tôn giáo …' still assigns
    text = """Theo đề nghị của Giám đốc Sở Dân tộc và Tôn giáo thành phố Hà Nội tại Văn bản số 794/SDTTG-VP ngày 03/11/2025.

QUYẾT ĐỊNH:

Điều 1. Quy định định mức tiết dạy như sau:

c) Định mức tiết dạy/năm học của nhà giáo các cơ sở giáo dục khác thực hiện theo quy định hiện hành về chế độ làm việc của nhà giáo;

Điều 2. Giao Sở Dân tộc và Tôn giáo Thành phố chủ trì, phối hợp với Trung tâm Phục vụ hành chính công Thành phố xây dựng quy trình nội bộ.
"""
    assert _rows(text) == [("Sở Dân tộc và Tôn giáo Thành phố", "lead", "Điều 2")]


def test_a_body_defined_then_given_a_duty_under_a_title_the_joining_carried_it_onto():
    # UBND tỉnh, Quy chế (tn-db769f685bf6bb23, Điều 14): the web page's blank line after the bold title is joined
    # into one paragraph; 'X là cơ quan thường trực …, có trách nhiệm …' gives X the duty, its definition alone none
    text = """TỔ CHỨC THỰC HIỆN

**Điều 14.
Trách nhiệm của Sở Dân tộc và Tôn giáo**

Sở Dân tộc và Tôn giáo là cơ
quan thường trực trong thực hiện Quy chế này, có trách nhiệm hướng dẫn, đôn đốc,
kiểm tra việc thực hiện Quy chế của các cơ quan, đơn vị, địa phương; tổng hợp,
báo cáo Ủy ban nhân dân tỉnh việc thực hiện Quy chế.

**Điều 15.
Vị trí**

Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có tư cách pháp nhân.
"""
    assert _rows(text) == [("Sở Dân tộc và Tôn giáo", "assigned", "Điều 14")]


def test_a_request_list_item_on_education_is_the_addressees_task():
    # the topic and its task from tn-ad5aff6c13929815 ('4. Giáo dục, đào tạo …' / 'triển khai đồng bộ Nền tảng quản trị
    # trường học …'), set under a letter's request list: 'Giáo dục' does not open with the request verb 'giao'
    text = """Kính gửi: Các sở, ban, ngành tỉnh

Để triển khai Kế hoạch, Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành tỉnh thực hiện các nội dung sau:

1. Giáo dục, đào tạo: triển khai đồng bộ Nền tảng quản trị trường học, đưa toàn bộ hoạt động quản lý và dạy học của nhà trường lên môi trường số.

2. Y tế: triển khai bệnh án điện tử tại các cơ sở khám bệnh, chữa bệnh.

Nơi nhận:
- Như trên;
"""
    assert _rows(text) == [("các sở, ban, ngành tỉnh", "assigned", s) for s in ("1", "2")]


def _procedures(text: str):
    return [(o.agency, o.role, o.task) for o in _obligations(text)]


def _procedures_read(tmp_path, text: str):
    """As a corpus web page is read: bold and hard wraps as printed."""
    page = tmp_path / "thu-tuc.md"
    page.write_text(text, encoding="utf-8")
    return [(o.agency, o.role, o.task) for o in obligations.extract(segment(load_document(page)), None)]


def test_a_procedures_direct_executing_body_is_assigned_its_procedure_by_ruling_pl(tmp_path):
    # UBND tỉnh Hà Tĩnh, Quyết định 2913/QĐ-UBND (tn-6e205b75bcc588b5, part II): 'Cơ quan trực tiếp thực hiện' names
    # who carries the procedure out, one obligation per body, the procedure's name over its first field as the task
    # (notes-adjud8); the competent body, the partners and a class a role defines give nothing
    text = """Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính nội bộ.
**1. Ban
hành kế hoạch xử lý, cải tạo và phục hồi ô nhiễm môi trường đất đặc biệt nghiêm
trọng**

**1.1. Trình tự thực hiện**

- Bước 1: Lựa chọn đơn vị tư vấn xây dựng kế hoạch.

**1.6. Cơ quan giải quyết
TTHC:**

- Cơ quan trực tiếp thực hiện
giải quyết TTHC: Cơ quan chuyên môn được Ủy ban nhân dân tỉnh giao chủ trì xây
dựng kế hoạch.

**1. Công bố
sự cố môi trường**

**1.1. Trình tự thực hiện**

- Bước 1: Ban Chỉ huy Phòng thủ dân sự cấp xã tiếp nhận thông tin.

**1.6. Cơ quan giải quyết
TTHC:**

- Cơ quan có thẩm quyền giải
quyết TTHC: Ủy ban nhân dân cấp xã.

- Cơ quan trực tiếp thực hiện
giải quyết thủ tục hành chính: Ban Chỉ huy Phòng thủ dân sự cấp xã, cơ quan
chuyên môn về bảo vệ môi trường cấp xã nơi xảy ra sự cố.

- Cơ quan phối hợp: các cơ quan
có liên quan trực thuộc Ủy ban nhân dân cấp xã."""
    assert _procedures_read(tmp_path, text) == [
        ("Ban Chỉ huy Phòng thủ dân sự cấp xã", "assigned", "Công bố sự cố môi trường"),
        ("cơ quan chuyên môn về bảo vệ môi trường cấp xã nơi xảy ra sự cố", "assigned", "Công bố sự cố môi trường"),
    ]


def test_an_executing_label_inside_a_procedure_lists_cell_gives_the_rows_procedure():
    # UBND tỉnh Cà Mau, Quyết định 01779/QĐ-UBND (tn-8a68cd97082b71f2) and 01763/QĐ-UBND (tn-b1bac569be973504): the
    # 'Địa điểm thực hiện' cell of each row names who carries the procedure out; the deciding body gives nothing
    text = """Điều 1. Công bố kèm theo Quyết định này Danh mục thủ tục hành chính được bổ sung.
|
**STT**
|
**Mã số TTHC**
|
**Tên TTHC**
|
**Địa điểm thực hiện**
|
|
01
|
1.014466.H12
|
Công
nhận kết quả thăm dò khoáng sản thuộc thẩm quyền cấp giấy phép của Ủy ban
nhân dân cấp tỉnh
|
-
Địa điểm tiếp nhận và trả kết quả trực tiếp: Trung tâm Phục vụ hành chính
công tỉnh Cà Mau.
-
Cơ quan trực tiếp thực hiện: Sở Nông nghiệp và Môi trường.
-
Cơ quan có thẩm quyền quyết định: Chủ tịch UBND tỉnh.
|"""
    assert _procedures(text) == [
        (
            "Sở Nông nghiệp và Môi trường",
            "assigned",
            "Công nhận kết quả thăm dò khoáng sản thuộc thẩm quyền cấp giấy phép của Ủy ban nhân dân cấp tỉnh",
        )
    ]


def test_a_label_standing_alone_names_its_bodies_on_the_next_line():
    # UBND Thành phố Hồ Chí Minh, Quyết định 2848/QĐ-UBND (tn-4bda44e45e4f1633): '**2. Cơ quan thực hiện TTHC:**'
    # over 'Sở Khoa học và Công nghệ.', in the description the procedure list's row carries
    text = """Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính được sửa đổi, bổ sung.
|
**TT**
|
**Tên thủ tục
hành chính**
|
**Thời hạn giải
quyết**
|
|
1
|
Thay đổi, bổ sung, cấp lại giấy chứng nhận đăng
ký tổ chức khoa học và công nghệ
|
**1. Trình tự thực hiện TTHC**
- Tổ chức đủ điều kiện gửi hồ sơ đến Sở Khoa học và Công nghệ.
**2. Cơ quan thực hiện TTHC:**
Sở Khoa học và Công nghệ.
**3. Kết quả thực hiện TTHC:**
Giấy chứng nhận đăng ký tổ chức khoa học và công nghệ.
|"""
    assert _procedures(text) == [
        (
            "Sở Khoa học và Công nghệ",
            "assigned",
            "Thay đổi, bổ sung, cấp lại giấy chứng nhận đăng ký tổ chức khoa học và công nghệ",
        )
    ]


def test_a_label_cell_names_the_bodies_of_the_cell_beside_it(tmp_path):
    # UBND tỉnh Bắc Ninh, Quyết định 1521/QĐ-UBND (tn-ea34a356cafcb1aa, Phụ lục 3; the same 'Cơ quan thực hiện thủ
    # tục hành chính' cell over its value cell in Bộ KH&CN 4001/QĐ-BKHCN, tn-046d4a5b8d446144): each item of the value
    # cell that opens with a body gives it the procedure; the competent officials' cell gives nothing
    text = """Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính mới ban hành.
|
**Tên thủ
tục số 1**
|
**Chấp
thuận thiết kế nút giao đấu nối vào quốc lộ, đường địa phương đang khai thác.**
|
|
**Trình tự thực hiện**
|
|
|
Tổ chức nộp hồ sơ đến Trung tâm Phục vụ hành chính công tỉnh.
|
|
**Cơ quan thực hiện thủ tục
hành chính**
|
|
|
a) Sở Xây dựng chấp thuận thiết
kế nút giao đấu nối đối với các tuyến quốc lộ phân cấp UBND tỉnh quản lý; đường
tỉnh và các tuyến đường khác được UBND tỉnh giao quản lý.
b) Ban Quản lý các khu công
nghiệp tỉnh chấp thuận thiết kế nút giao đấu nối đối với các tuyến đường được
UBND tỉnh giao quản lý.
|
|
**Cơ quan có thẩm quyền**
|
|
|
Giám đốc Sở Xây dựng, Giám đốc
Ban Quản lý các khu công nghiệp tỉnh, Chủ tịch UBND cấp xã.
|"""
    procedure = "Chấp thuận thiết kế nút giao đấu nối vào quốc lộ, đường địa phương đang khai thác."
    assert _procedures_read(tmp_path, text) == [
        ("Sở Xây dựng", "assigned", procedure),
        ("Ban Quản lý các khu công nghiệp tỉnh", "assigned", procedure),
    ]


def test_a_time_limit_opens_a_step_of_a_regulated_process():
    # HĐND Huế 37/2025 (tn-0abcf1a5292b31ec, Điều 6 and 7 of its regulation; also Bộ Nông nghiệp và Môi trường's circular
    # tn-637e9efcc63ab844 5.1.d, UBND Ninh Bình tn-cdb6ad27b3c3f13b, HĐND Hà Nội tn-f20b8af669b140e9): the body after the
    # time limit does the step, a standing duty (notes-N); a table cell of a procedure list (UBND Quảng Ngãi
    # 1628/QĐ-UBND, tn-adda847abe350742) is no item and gives none
    text = """Điều 6. Quy trình thực hiện

1. Trước ngày 20 tháng 12 hằng năm, Ủy ban nhân dân xã/phường lập danh sách người thuộc hộ gia đình cận nghèo tham gia bảo hiểm y tế gửi cơ quan Bảo hiểm xã hội.

2. Sở Tài chính thẩm định hồ sơ, tham mưu Ủy ban nhân dân thành phố bố trí kinh phí thực hiện theo quy định.

Điều 7. Trình tự

- Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ theo quy định, Phòng Kinh tế xã/Phòng Kinh tế, Hạ tầng và Đô thị phường phối hợp với Phòng Văn hóa - Xã hội xã/phường rà soát, thẩm định hồ sơ.

| STT | Tên thủ tục hành chính | Thời hạn giải quyết |
|---|---|---|
| 05 | Đăng ký hoạt động văn phòng giám định tư pháp | - Trong thời hạn 05 ngày làm việc, kể từ khi nhận được hồ sơ hợp lệ, Sở Tư pháp có trách nhiệm xem xét, cấp lại Giấy đăng ký hoạt động. |
"""
    got = _obligations(text)
    assert [(o.agency, o.role, o.due) for o in got] == [
        ("Ủy ban nhân dân xã/phường", "assigned", "--12-20"),
        ("Sở Tài chính", "assigned", None),
        ("Phòng Kinh tế xã/Phòng Kinh tế, Hạ tầng và Đô thị phường", "support", None),
    ]
    assert got[2].partners == ["Phòng Văn hóa - Xã hội xã/phường"]


def test_what_a_body_does_not_do_is_no_task():
    # UBND Hà Nội's land procedure (tn-cdf2fbc53d083c98, '2. Cơ quan Thuế không trực tiếp trả Thông báo …') beside a
    # duty of the same form in Nghị định 131/2021 (cb-file_data_7, '3. Cơ quan Bảo hiểm xã hội … có trách nhiệm …');
    # 'không để', 'không được' forbid, a duty
    text = """III. Một số lưu ý

1. Cơ quan Bảo hiểm xã hội có trách nhiệm cấp thẻ bảo hiểm y tế cho đối tượng.

2. Cơ quan Thuế không trực tiếp trả Thông báo về nghĩa vụ tài chính cho người dân, doanh nghiệp.

3. Ủy ban nhân dân các xã, phường không để phát sinh điểm, tụ điểm phức tạp về ma túy.
"""
    assert _rows(text) == [
        ("Cơ quan Bảo hiểm xã hội", "assigned", "III.1"),
        ("Ủy ban nhân dân các xã, phường", "assigned", "III.3"),
    ]


def test_an_article_with_its_first_item_on_its_line_and_plus_bullets_under_a_duty():
    # UBND Cao Bằng 157/QĐ-NĐ-UB (typed in 1999): 'Điều 2: a)' on one line, then b) c), and '+' bullets under a
    # heading that states the duty; '+' under a bare name ('2. Cơ quan Thuế:') describes and gives none
    text = """QUYẾT ĐỊNH:
Điều 2: a) Ủy ban nhân dân thị xã Cao Bằng có nhiệm vụ giải phóng mặt bằng, giao quyền sử dụng đất ở.
- Thu tiền giao quyền sử dụng đất ở tại đô thị theo quy định hiện hành.
b) Sở Xây dựng, Sở Tài chính có trách nhiệm hướng dẫn:
+ Quản lý nhà ở, đất ở tại đô thị theo chức năng chuyên ngành.
+ Quản lý xây dựng theo quy hoạch, theo quy định về mặt bằng, tầng cao.
Điều 3: Cơ quan Thuế:
+ Trước khi áp dụng: Bố trí nhân sự cung cấp bản giấy của Thông báo.
+ Sau khi áp dụng: Không cần bố trí nhân sự để cung cấp bản giấy."""
    assert _rows(text) == [
        ("Ủy ban nhân dân thị xã Cao Bằng", "assigned", "Điều 2.a"),
        ("Ủy ban nhân dân thị xã Cao Bằng", "assigned", "Điều 2.a"),
        ("Sở Xây dựng", "assigned", "Điều 2.b"),
        ("Sở Tài chính", "assigned", "Điều 2.b"),
        ("Sở Xây dựng", "assigned", "Điều 2.b"),
        ("Sở Tài chính", "assigned", "Điều 2.b"),
    ]


def test_a_lead_in_that_gives_its_own_task_before_trong_do_counts_with_its_items():
    # Thủ tướng (tn-cfef): '2. Chủ tịch … tổ chức theo dõi sát tình hình, …, trong đó:' over (1) (2); UBND Quảng Ngãi
    # 565/TB-UBND: '…; trong đó lưu ý:' over a) b); a heading that only names its body over its list gives none
    text = """Thủ tướng Chính phủ yêu cầu:
1. Bộ trưởng Bộ Y tế chỉ đạo các cơ sở y tế bảo đảm thuốc men.
2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tổ chức theo dõi sát tình hình, tập trung chỉ đạo khắc phục nhanh hậu quả các đợt bão, lũ vừa qua, trong đó:
(1) Tập trung kêu gọi, hướng dẫn tàu thuyền còn hoạt động trên biển di chuyển về nơi tránh trú.
(2) Chủ động rà soát hoàn thiện phương án, kịch bản ứng phó của địa phương.
3. Sở Tài chính có trách nhiệm:
a) Bố trí kinh phí thực hiện.
b) Hướng dẫn thanh quyết toán kinh phí."""
    assert _rows(text) == [
        ("Bộ trưởng Bộ Y tế", "assigned", "1"),
        ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố", "assigned", "2"),
        ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố", "assigned", "2"),
        ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố", "assigned", "2"),
        ("Sở Tài chính", "assigned", "3.a"),
        ("Sở Tài chính", "assigned", "3.b"),
    ]


def test_a_case_paragraph_after_a_lettered_task_goes_on_with_it():
    """'Khi …'/'Đối với …' after a lettered duty says how that duty is done and gives no task of its own (Chỉ thị
    010/CT-UBND Đắk Lắk 2.1 a), none in the gold; no gold of cb-file_data_49, tn-cdb6 or tn-be53 counts such a
    paragraph either); a paragraph after an item that opens with a task is one ('Triển khai đăng ký đất đai …' after
    '1.' in tn-994d, a lost '(5)' in tn-e01d)."""
    text = (
        "2. Các sở, ban, ngành, địa phương: chịu trách nhiệm các nội dung sau:\n"
        "a) Đánh giá sự phù hợp của dự án đầu tư với quy hoạch tỉnh.\n"
        "Khi đánh giá sự phù hợp của dự án đầu tư với quy hoạch tỉnh thì đánh giá sự phù hợp với mục tiêu.\n"
        "Đối với các dự án có liên quan đến quy hoạch cấp quốc gia, có trách nhiệm tham mưu UBND tỉnh xin ý kiến.\n"
        "b) Đánh giá sơ bộ về hiệu quả kinh tế - xã hội của dự án đầu tư.\n"
        "Tổ chức điều phối tiếp nhận và phân phối hàng cứu trợ.\n"
    )
    assert [o.task.split()[0] for o in _obligations(text)] == ["Đánh", "Đánh", "Tổ"]


def test_a_class_named_by_what_its_members_do_keeps_those_words():
    """'Các cơ quan, tổ chức, đơn vị, cá nhân thực hiện nhiệm vụ phục vụ công tác bầu cử theo quy định … có trách
    nhiệm' (Nghị quyết HĐND Hà Nội, tn-4672) and '… các Sở, ban, ngành quản lý quy hoạch theo chức năng … có trách
    nhiệm' (Chỉ thị UBND Đắk Lắk): the class ends before 'theo'; a duty among the words ends it there ('… cá nhân
    tham gia hoạt động đối ngoại quốc phòng phải thực hiện theo …', tn-1e6f)."""
    text = (
        "Điều 4. Tổ chức thực hiện\n"
        "4. Các cơ quan, tổ chức, đơn vị, cá nhân thực hiện nhiệm vụ phục vụ công tác bầu cử theo quy định tại Nghị"
        " quyết này có trách nhiệm thực hiện đảm bảo theo đúng định mức, đúng điều kiện, đúng đối tượng.\n"
    )
    assert [o.agency for o in _obligations(text)] == [
        "Các cơ quan, tổ chức, đơn vị, cá nhân thực hiện nhiệm vụ phục vụ công tác bầu cử"
    ]


def test_a_sentence_that_closes_the_task_gives_its_due():
    """A task's sentence followed by one that only closes it with its time: scan 05/TB-UBND (UBND Quảng Ngãi, item 2
    '… giao Sở Tài chính chủ trì … có tính khả thi. Hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025.', due
    2025-02-20 in the gold) and tn-7cee710828fb211b (UBND Quảng Trị, Điều 2 '… Sở Công Thương có trách nhiệm rà soát
    … Hoàn thành trước ngày 21/11/2025.' on the next line)."""
    text = (
        "Phó Chủ tịch UBND tỉnh kết luận và chỉ đạo như sau:\n"
        "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát, đề xuất UBND tỉnh hướng giải quyết cho phù"
        " hợp. Hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025.\n"
        "2. Giao Sở Nội vụ rà soát thành viên Ban Chỉ đạo.\n"
    )
    assert [(o.agency, o.due) for o in _obligations(text)] == [("Sở Tài chính", "2025-02-20"), ("Sở Nội vụ", None)]


def test_a_role_verb_is_not_skipped_for_a_later_one():
    """'Theo chức năng, nhiệm vụ, chủ trì hoặc phối hợp với Bộ Xây dựng …' leads (tn-ec00bd6f58be7864, Bộ Xây dựng,
    `lead` in the gold, CONVENTIONS: chủ trì → lead): the words skipped after an opening clause hold no role verb."""
    text = (
        "Điều 3. Trách nhiệm thi hành\n"
        "2. Ủy ban nhân dân các tỉnh, thành phố có trách nhiệm:\n"
        "a) Bố trí kinh phí thực hiện các nhiệm vụ theo quy định;\n"
        "b) Theo chức năng, nhiệm vụ, chủ trì hoặc phối hợp với Bộ Xây dựng thực hiện các nội dung có liên quan"
        " đến địa phương.\n"
    )
    assert [o.role for o in _obligations(text)] == ["assigned", "lead"]


# 05/TB-UBND (UBND Quảng Ngãi) as its scans read up to the closing './.': one task, of Sở Nội vụ
_NOTICE_05_BODY = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 05/TB-UBND\nQuảng Ngãi, ngày 07 tháng 02 năm 2025\nTHÔNG BÁO\n"
    "Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên tại cuộc họp nghe báo cáo về tình hình thực hiện công tác cổ"
    " phần hóa\n"
    "Phó Chủ tịch UBND tinh Võ Phiên kết luận và chỉ đạo như sau:\n"
    "3. Giao Sở Nội vụ tiếp thu các ý kiến tại cuộc họp, chủ trì, phối hợp với các Sở: Tài chính, Kế hoạch và Đầu"
    " tư và các cơ quan, đơn vị liên quan khẩn trương rà soát.\n"
    "Nay, thông báo kết luận và chỉ đạo của Phó Chủ tịch UBND tỉnh Võ Phiên đê các cơ quan, đơn vị có liên quan"
    " triển khai thực hiện./.\n"
)


@pytest.mark.parametrize("heading", ["ANơi nhận:", "Mới nhận:", "ắới nhận:", "-Với nhận:", "Voi nhận:"])
def test_a_recipients_heading_with_its_first_word_slipped_ends_the_body(heading):
    """The real scans' 'Nơi nhận:' as OCR read it: 'ANơi nhận:' (05/TB-UBND, UBND Quảng Ngãi, at 100 dpi: its six
    recipients were read as tasks of Sở Nội vụ; 'Mới nhận:' at 200 dpi in black and white), 'ắới nhận:' (239/TTr-UBND, UBND Quảng Ngãi, 200 dpi), '-Với nhận:' and
    'Voi nhận:' (157/QĐ-NĐ-UB, UBND Cao Bằng, 200 dpi and native)."""
    got = _scan(
        _NOTICE_05_BODY
        + f"{heading}\n- CT, PCT UBND tỉnh:\n- Thanh tra tỉnh; „\n- Công ty QISC;\n- Cổng TTĐT tỉnh;\n- Lưu: VT, KTTHh.\n"
    )
    assert [(o.agency, o.task[:8]) for o in got] == [("Sở Nội vụ", "Tiếp thu")]


@pytest.mark.parametrize("heading", ["kói ~ Như nhận: trên;", ""])
def test_the_closing_mark_ends_the_body_when_the_recipients_heading_is_garbled_or_lost(heading):
    """'kói ~ Như nhận: trên;' is 'Nơi nhận:' and its first recipient '- Như trên;' read as one line (299/UBND-TTHC,
    UBND Quảng Ngãi, at 150 dpi); a heading under a seal or a stamp may not be read at all. The body ends after the
    line that closes the text with './.' (every issuer's notice, decision and letter), so the recipients after it
    are read as nobody's tasks."""
    got = _scan(
        _NOTICE_05_BODY
        + f"{heading}\n- CT, PCT UBND tỉnh;\n- Thanh tra tỉnh;\n- Công ty QISC;\n- Cổng TTĐT tỉnh;\n- Lưu: VT, KTTHh.\n"
    )
    assert [(o.agency, o.task[:8]) for o in got] == [("Sở Nội vụ", "Tiếp thu")]


def test_an_executing_article_that_closes_the_text_is_still_read():
    """'Điều 3. … chịu trách nhiệm thi hành Quyết định này./.' closes a decision's text and is itself its last
    obligations: the body ends after it, not before."""
    got = _obligations(
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.\n"
        "- Như Điều 3;\n- Lưu: VT.\n"
    )
    assert [o.agency for o in got] == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Tài chính"]


def test_a_recipient_named_nguoi_nhan_is_not_the_recipients_heading():
    """'Người nhận:' (a field of a form) folds to 'nguoi nhan': three letters before 'oi', not a slipped 'Nơi'."""
    assert obligations._vocabulary().end_of_body.match("nguoi nhan:") is None
    assert obligations._vocabulary().end_of_body.match("anoi nhan:") is not None


def test_a_bullet_that_opens_with_a_body_and_its_verb_is_that_bodys_task_wherever_it_stands():
    """A '-' or '+' bullet under a topic that names nobody, opening with the body that acts and its verb, is that
    body's task, as a numbered item of that form already is: UBND Đắk Lắk's plan (tn-a49ef8a0da1f62dd, IV.6 'Công
    tác phối hợp liên ngành': '- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân …', three bodies)
    and UBND Cần Thơ's plan (tn-5d99697f14bcf68a, IV.3 'Các bước đánh giá': '+ Sở Nông nghiệp và Môi trường tổng hợp
    chung các mẫu biểu …'). A bullet that reports ('đã'), a bullet in a preamble part, a bullet in a table cell (the
    steps table of a procedure, tn-77dca8a7aeea79a1: '- Phòng Tổ chức bộ máy và Công chức, viên chức Sở Nội vụ.', read
    by the table reader), a class that names nobody ('+ Các cơ quan, đơn vị liên quan thu thập thông tin …', the
    Cần Thơ plan) and a bullet of a task whose fields name who does it (UBND Bắc Ninh's plan tn-09daab284f92e2dd,
    III.3) give none of their own."""
    text = (
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "- Sở Y tế bảo đảm đủ thuốc cho người dân vùng lũ.\n"
        "II. NỘI DUNG\n"
        "1. Công tác phối hợp liên ngành\n"
        "- Kích hoạt Ban Chỉ huy Phòng chống thiên tai và tìm kiếm cứu nạn các cấp.\n"
        "- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân khắc phục hậu quả.\n"
        "- Sở Y tế đã tổ chức 12 đoàn kiểm tra.\n"
        "2. Các bước đánh giá\n"
        "- Tổng hợp, báo cáo ở cấp thành phố\n"
        "+ Các cơ quan, đơn vị liên quan thu thập thông tin theo các mẫu biểu quy định.\n"
        "+ Sở Nông nghiệp và Môi trường tổng hợp chung các mẫu biểu theo quy định tại Thông tư số"
        " 10/2022/TT-BLĐTBXH; xây dựng báo cáo giám sát, báo cáo đánh giá.\n"
        "3. Nâng cao chất lượng công tác xây dựng pháp luật\n"
        "- Các cơ quan, đơn vị, địa phương tiếp tục nâng cao nhận thức về công tác xây dựng chính sách, pháp luật.\n"
        "- Đơn vị thực hiện: Các Sở, ngành, đơn vị, UBND cấp xã.\n"
        "| Bước 2 | Kiểm tra Phiếu đăng ký dự tuyển | - Phòng Tổ chức bộ máy và Công chức, viên chức Sở Nội vụ. | 45 ngày |\n"
    )
    assert _rows(text) == [
        ("Mặt trận Tổ quốc", "assigned", "II.1"),
        ("Đoàn Thanh niên", "assigned", "II.1"),
        ("Hội Phụ nữ", "assigned", "II.1"),
        ("Sở Nông nghiệp và Môi trường", "assigned", "II.2"),
        ("Các Sở, ngành, đơn vị", "assigned", "II.3"),
        ("Ủy ban nhân dân cấp xã", "assigned", "II.3"),
    ]


def test_how_often_a_step_recurs_before_its_body_with_no_comma_opens_the_bodys_task():
    """'2. Hằng năm Bộ Quốc phòng lập dự toán kinh phí …' (Chính phủ's decree amending Nghị định 72/2020,
    tn-4ea650b6faa46d71; the same form in UBND TP Hồ Chí Minh 49/2012, cb-file_data_1: '2. Hàng tháng Kho bạc Nhà
    nước quận - huyện căn cứ …'): the adverb of recurrence, with no comma, stands before the body that acts. A body
    that reports ('đã') gives none."""
    text = (
        "Điều 15. Kinh phí đào tạo\n"
        "1. Kinh phí đào tạo do ngân sách nhà nước bảo đảm.\n"
        "2. Hằng năm Bộ Quốc phòng lập dự toán kinh phí đào tạo Chỉ huy trưởng Ban Chỉ huy quân sự cấp xã, tổng hợp"
        " vào dự toán ngân sách của Bộ Quốc phòng để Bộ Tài chính bố trí kinh phí.\n"
        "3. Hằng năm Sở Y tế đã tổ chức 12 đoàn kiểm tra.\n"
    )
    assert _rows(text) == [("Bộ Quốc phòng", "assigned", "Điều 15.2")]


def test_a_repealing_article_read_with_a_slipped_verb_names_no_body():
    # UBND Quảng Trị 2688, printed and faxed at 150 dpi: 'Bãi bỏ' read 'Đãi bỏ'; folded, 'Đãi bỏ' is the heads
    # 'Đài' and 'Bộ', and every repealed decision below became a task of a body 'Đãi bỏ'
    page = """QUYẾT ĐỊNH:
Điều 1. Đãi bỏ các văn bản quy phạm pháp luật do UBND tỉnh Quảng Bình, UBND tỉnh Quảng Trị (cũ) ban hành trong lĩnh vực xây dựng, cụ thể như sau;
1. Quyết định 90/2004/QĐ-UB ngày 16/12/2004 của UBND tỉnh Quảng Bình
Ban hành điều lệ quản lý xây dựng theo quy hoạch chi tiết khu đất ở Nam đường Trần
Hưng Đạo, phường Nam Lý - Đồng Hới
- Quảng Bình;
2. Quyết định số 02/2007/QĐ-UBND ngày 31/01/2007 của UBND tỉnh Quảng
Bình ban hànt Quy định đánh số và gắn biến số nhà;
Điều 2. Sở Xây dựng chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện Quyết định này."""
    assert [o.agency for o in _scan(page)] == ["Sở Xây dựng"]
