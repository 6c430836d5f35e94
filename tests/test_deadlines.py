"""Deadlines: real excerpts from the seeds and invented but realistic excerpts of other plans."""

from __future__ import annotations

import pytest

from extractors import deadlines
from pipeline.read.load import load_document
from pipeline.text.segment import segment
from schemas.document import Document, Page, TextSource
from schemas.extraction import DocumentMeta, Jurisdiction


def read(tmp_path, text: str, issued_on: str | None = None, province: str | None = "Hà Nội"):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    meta = DocumentMeta(issued_on=issued_on, jurisdiction=Jurisdiction(province=province))
    return deadlines.extract(segment(load_document(path)), meta)


def keys(found):
    return [(d.due, d.relation, d.recurrence) for d in found]


def test_schedule_lines_and_level_to_reach(tmp_path):
    found = read(
        tmp_path,
        (
            "2. Thời gian thực hiện: từ năm 2024 đến năm 2030, theo lộ trình cụ thể như sau:\n"
            "- Năm 2024: xây dựng Công an phường 4, 8.\n"
            "- Năm 2025: xây dựng Công an phường 7.\n"
            "IV. TỔ CHỨC THỰC HIỆN:\n"
            "1. UBND thành phố:\n"
            "- Chỉ đạo các đơn vị liên quan, đảm bảo đến năm 2030 xây dựng 100% Công an phường đạt chuẩn trên địa bàn "
            "thành phố.\n"
        ),
    )
    assert keys(found) == [("2024", "during", None), ("2025", "during", None), ("2030", "by", None)]
    assert found[0].task == "Năm 2024: xây dựng Công an phường 4, 8"


def test_roadmap_in_parentheses_and_review_milestones(tmp_path):
    found = read(
        tmp_path,
        (
            "3. Chỉ đạo UBND tỉnh xây dựng Đề án, trong đó đề ra lộ trình thực hiện cụ thể (năm 2023 mỗi tỉnh lựa chọn "
            "ít nhất 01 Công an phường để xây dựng thí điểm; năm 2024 triển khai nhân rộng trên địa bàn toàn tỉnh; năm "
            "2025 ít nhất 30% trở lên; năm 2030, 100% Công an phường đạt chuẩn kiểu mẫu).\n"
            "6. Đảng ủy Công an tỉnh chủ trì, phối hợp các cơ quan, đơn vị liên quan hướng dẫn, kiểm tra; chủ động tham "
            "mưu việc tổ chức sơ kết rút kinh nghiệm (cuối năm 2023), sơ kết giai đoạn (năm 2025) và tổng kết, đánh giá "
            "kết quả thực hiện Nghị quyết (năm 2030).\n"
        ),
        issued_on="2022-11-01",
    )
    assert keys(found) == [
        ("2023", "during", None),
        ("2024", "during", None),
        ("2025", "by", None),
        ("2030", "by", None),
        ("2023", "during", None),
        ("2025", "during", None),
        ("2030", "during", None),
    ]


def test_horizons_periods_citations_and_past_are_not_deadlines(tmp_path):
    found = read(
        tmp_path,
        (
            "Thực hiện Nghị quyết số 12-NQ/TW ngày 15/3/2022 của Bộ Chính trị; Nghị quyết số 15-NQ/TW, ngày 05/5/2022 "
            "về “Phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045”.\n"
            "Năm 2022 đã triển khai thực hiện thí điểm tại 05 thành phố trực thuộc Trung ương.\n"
            "- Rà soát, nghiên cứu và ban hành văn bản hướng dẫn thực hiện tiêu chí giai đoạn 2024 - 2030.\n"
            "- Rà soát, xây dựng Quy hoạch tổng thể hệ thống trụ sở Công an phường trên địa bàn Thành phố đến năm 2025, "
            "định hướng đến năm 2030, đảm bảo Công an các phường có trụ sở làm việc độc lập.\n"
            "- Sơ kết, tổng kết rút kinh nghiệm và đưa ra phương hướng chỉ đạo thực hiện đến năm 2030.\n"
            "- Định kỳ hằng quý, sáu tháng, Ban Thường vụ cấp ủy làm việc với các cơ quan chức năng để nghe báo cáo.\n"
            "- Đầu tư công trung hạn 5 năm 2026-2030.\n"
            "Hà Nội, ngày 01 tháng 11 năm 2022\n"
        ),
        issued_on="2022-11-01",
    )
    assert found == []


def test_days_every_year_in_a_reporting_cycle(tmp_path):
    found = read(
        tmp_path,
        (
            "18. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố\n"
            "- Định kỳ trước ngày 01/12 hằng năm, chỉ đạo Ủy ban Mặt trận Tổ quốc phường có văn bản gửi lấy ý kiến của "
            "quần chúng nhân dân nhận xét, đánh giá về Công an phường đề nghị công nhận kiểu mẫu.\n"
            "UBND Thành phố yêu cầu các Sở, ban, ngành căn cứ nội dung Kế hoạch này xây dựng kế hoạch cụ thể; đồng thời, "
            "chấp hành chế độ thông tin, báo cáo định kỳ 06 tháng (trước ngày 15/6), 01 năm (trước ngày 15/12) gửi Công "
            "an thành phố Hà Nội tổng hợp báo cáo UBND Thành phố./.\n"
        ),
    )
    assert keys(found) == [
        ("--12-01", "before", "yearly"),
        ("--06-15", "before", "yearly"),
        ("--12-15", "before", "yearly"),
    ]
    assert found[0].agencies == ["Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố"]  # the section's assignee
    assert found[1].evidence.quote.count("trước ngày 15/6")


def test_completion_by_year_with_agency_from_heading(tmp_path):
    found = read(
        tmp_path,
        (
            "3. Đảng ủy Công an tỉnh lãnh đạo, chỉ đạo Công an tỉnh chủ trì, phối hợp với các cơ quan, đơn vị liên quan:\n"
            "- Tham mưu Ủy ban nhân dân tỉnh chỉ đạo tổ chức triển khai thực hiện có hiệu quả công tác bảo đảm an ninh, "
            "trật tự ở cơ sở. Đến năm 2028, hoàn thành xây dựng Công an xã, phường vững mạnh tại các địa bàn trọng "
            "điểm; đến năm 2030, hoàn thành xây dựng Công an xã, phường vững mạnh trên địa bàn toàn tỉnh.\n"
        ),
        issued_on="2026-05-28",
        province="Ninh Bình",
    )
    assert keys(found) == [("2028", "by", None), ("2030", "by", None)]
    assert found[0].task.startswith("Đến năm 2028, hoàn thành")


def test_dates_months_and_quarters(tmp_path):
    """Invented: a provincial digital-transformation plan with dated tasks."""
    found = read(
        tmp_path,
        (
            "II. NHIỆM VỤ\n"
            "1. Sở Thông tin và Truyền thông chủ trì, hoàn thành nâng cấp Trung tâm điều hành thông minh trước ngày "
            "30/9/2024.\n"
            "2. Trong quý II/2024, hoàn thành kết nối hệ thống quản lý văn bản với 100% xã, phường, thị trấn.\n"
            "3. Các xã, thị trấn: chậm nhất ngày 31/3/2025 xây dựng kế hoạch triển khai; trong tháng 4/2025 ra quân "
            "đồng loạt.\n"
            "4. Sở Y tế báo cáo sơ kết trước ngày 31 tháng 7 năm 2025.\n"
            "5. Kế hoạch được triển khai từ ngày 01/4/2024 đến ngày 31/12/2025.\n"
        ),
        issued_on="2024-03-12",
        province="Lào Cai",
    )
    assert keys(found) == [
        ("2024-09-30", "before", None),
        ("2024-06", "during", None),
        ("2025-03-31", "before", None),
        ("2025-04", "during", None),
        ("2025-07-31", "before", None),
    ]
    assert found[0].agencies == ["Sở Thông tin và Truyền thông"]


def test_targets_under_a_dated_heading_are_deadlines(tmp_path):
    """A commitment with both a number and a year is a target and a deadline."""
    found = read(
        tmp_path,
        (
            "2. Mục tiêu cụ thể đến năm 2025\n"
            "- 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.\n"
            "- Phấn đấu đến năm 2027 có ít nhất 50% xã đạt chuẩn xã thông minh.\n"
            "- Hằng năm, các sở báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông.\n"
        ),
        issued_on="2024-03-12",
    )
    assert keys(found) == [("2025", "by", None), ("2027", "by", None)]


def test_the_day_wins_over_its_year_and_passives_are_not_past(tmp_path):
    found = read(
        tmp_path,
        (
            "1. Năm 2025, hoàn thành các dự án đã được phê duyệt trước ngày 30/6/2025.\n"
            "2. Thực hiện theo Kế hoạch, hoàn thành trước ngày 15/3/2022 như đã giao.\n"
            "3. Các huyện gửi báo cáo trước ngày 20/11.\n"
        ),
        issued_on="2024-03-12",
    )
    assert keys(found) == [("2025-06-30", "before", None), ("2024-11-20", "before", None)]


def test_task_table_rows_with_a_time_cell(tmp_path):
    """Invented: an annex listing tasks, lead bodies and completion times, one row per task."""
    found = read(
        tmp_path,
        (
            "PHỤ LỤC DANH MỤC NHIỆM VỤ\n"
            "STT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\n"
            "1\tXây dựng cơ sở dữ liệu đất đai\tSở Tài nguyên và Môi trường\tQuý II/2025\n"
            "2\tBan hành quy chế khai thác dữ liệu\tSở Thông tin và Truyền thông\tNăm 2025\n"
        ),
        issued_on="2024-10-01",
    )
    assert keys(found) == [("2025-06", "by", None), ("2025", "during", None)]
    assert found[0].task.startswith("1 | Xây dựng cơ sở dữ liệu đất đai")
    assert found[0].agencies == ["Sở Tài nguyên và Môi trường"]


def test_year_at_the_end_of_a_sentence(tmp_path):
    found = read(
        tmp_path,
        "1. Sở Nội vụ hoàn thành việc sắp xếp đơn vị hành chính trong năm 2025.\n"
        "2. Sơ kết và đưa ra phương hướng chỉ đạo thực hiện đến năm 2030.\n",
        issued_on="2024-06-01",
    )
    assert keys(found) == [("2025", "during", None)]
    assert found[0].agencies == ["Sở Nội vụ"]


def test_every_review_milestone_with_vao_nam_and_completion_within_a_year(tmp_path):
    found = read(
        tmp_path,
        (
            "2. Sở Giáo dục và Đào tạo\n"
            "- Tham mưu sơ kết 3 năm vào đầu năm 2028 và tổng kết vào năm 2031.\n"
            "- Hoàn thành trong năm 2026 việc rà soát mạng lưới trường lớp.\n"
        ),
        issued_on="2025-04-10",
    )
    assert keys(found) == [("2028", "during", None), ("2031", "during", None), ("2026", "during", None)]


def test_a_year_described_is_not_a_schedule_line(tmp_path):
    found = read(
        tmp_path,
        (
            "Năm 2025, tình hình cháy, nổ trên địa bàn cơ bản được kiểm soát; số vụ giảm so với năm trước.\n"
            "Năm 2025, các địa phương đã tổ chức 40 cuộc diễn tập.\n"
            "- Năm 2026: tổ chức diễn tập phương án chữa cháy tại các khu công nghiệp.\n"
        ),
        issued_on="2025-11-20",
    )
    assert keys(found) == [("2026", "during", None)]


def test_list_lead_in_is_carried_by_its_items(tmp_path):
    found = read(
        tmp_path,
        (
            "Phấn đấu đến hết năm 2027 đạt các chỉ tiêu sau:\n"
            "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98% (năm 2025 đã đạt 95,1%);\n"
            "- 100% cơ quan hành chính sử dụng văn bản điện tử.\n"
        ),
        issued_on="2025-08-01",
    )
    assert keys(found) == [("2027", "by", None), ("2027", "by", None)]
    assert not any(d.task.startswith("Phấn đấu") for d in found)


def test_agencies_are_the_assignee_not_the_recipient_or_a_ward(tmp_path):
    found = read(
        tmp_path,
        (
            "3. Công an huyện\n"
            "- Chủ trì cắt giảm thủ tục trong năm 2026; báo cáo UBND huyện kết quả thực hiện.\n"
            "- Năm 2027: nhân rộng mô hình tại Công an xã Tân Phú.\n"
        ),
        issued_on="2025-08-01",
    )
    assert keys(found) == [("2026", "during", None), ("2027", "during", None)]
    assert [d.agencies for d in found] == [["Công an huyện"], ["Công an huyện"]]


def test_monthly_day_is_left_out(tmp_path):
    found = read(tmp_path, "- Các xã báo cáo kết quả trước ngày 25 hằng tháng.\n", issued_on="2025-08-01")
    assert found == []


def test_task_table_row_is_one_deadline(tmp_path):
    found = read(
        tmp_path,
        (
            "TT\tNội dung\tThời gian\n"
            "1\tTổ chức 3 lớp tập huấn nghiệp vụ\tQuý II/2026\n"
            "2\tXây dựng 2 mô hình điểm\tNăm 2027\n"
        ),
        issued_on="2025-06-01",
    )
    assert keys(found) == [("2026-06", "by", None), ("2027", "during", None)]


def test_each_item_under_a_year_heading_is_due_by_that_year(tmp_path):
    found = read(
        tmp_path,
        (
            "1. Mục tiêu đến năm 2027\n"
            "a) Có ít nhất 06 hợp tác xã nông nghiệp ứng dụng công nghệ cao;\n"
            "b) Thêm 15 xã đạt chuẩn nông thôn mới nâng cao, lũy kế đạt 40 xã.\n"
            "2. Giải pháp\n"
            "a) Hỗ trợ vốn cho hợp tác xã theo quy định.\n"
        ),
        issued_on="2025-03-01",
    )
    assert keys(found) == [("2027", "by", None)] * 3
    assert found[0].task.startswith("Có ít nhất 06 hợp tác xã")


def test_rows_of_a_schedule_table_are_due_in_their_year(tmp_path):
    found = read(
        tmp_path,
        (
            "3. Lộ trình xây dựng trường chuẩn quốc gia:\n"
            "STT\tNăm\tHuyện\tTrường\n"
            "1\t2026\tHuyện Đông Sơn\tTHCS Đông Hòa, THCS Đông Tiến\n"
            "2\t2027\tHuyện Nông Cống\tTiểu học Trung Chính\n"
            "STT\tSố lượng\tGhi chú\n"
            "1\t2026\tTheo báo cáo\n"
        ),
        issued_on="2025-09-01",
    )
    assert keys(found) == [("2026", "during", None), ("2027", "during", None)]
    assert found[0].evidence.quote == "1\t2026\tHuyện Đông Sơn\tTHCS Đông Hòa, THCS Đông Tiến"


def test_time_lines_of_a_plan_of_tasks(tmp_path):
    """Invented, in the form of a provincial inventory plan: each task followed by its time line; a day of
    the plan's own year stays a deadline though the plan was issued after it."""
    found = read(
        tmp_path,
        (
            "1. Sở Tài chính\n"
            "- Tham mưu triển khai kế hoạch kiểm kê.\n"
            "Thời gian hoàn thành: Tháng 11 - 12/2025.\n"
            "- Thành lập Ban Chỉ đạo cấp xã.\n"
            "Thời gian hoàn thành: Trước ngày 15/11/2025.\n"
            "- Đôn đốc các đơn vị cấp dưới thực hiện kiểm kê.\n"
            "Thời hạn thực hiện: Từ tháng 10/2025 đến khi kết thúc kiểm kê.\n"
            "- Kiểm kê tài sản do mình quản lý.\n"
            "Thời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày 31/3/2026.\n"
        ),
        issued_on="2025-11-21",
    )
    assert keys(found) == [
        ("2025-12", "by", None),
        ("2025-11-15", "before", None),
        ("2025-10", "during", None),
        ("2026-03-31", "by", None),
    ]


def test_a_yearly_cycle_of_windows_and_quarters(tmp_path):
    found = read(
        tmp_path,
        (
            "a) Hằng năm, các cơ quan, đơn vị gửi báo cáo về Sở Nội vụ từ ngày 10 đến ngày 15 tháng 12;\n"
            "b) Sở Nội vụ tổng hợp kết quả từ ngày 16 đến ngày 31 tháng 12 hằng năm;\n"
            "c) Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì rà soát kết quả.\n"
        ),
        issued_on="2025-11-05",
    )
    assert [(d.due, d.recurrence) for d in found] == [
        ("--12-15", "yearly"),
        ("--12-31", "yearly"),
    ]  # 'Trong quý I của năm liền kề' prints no day: no deadline (notes-adjud6.md class 6)


def test_titles_legal_bases_and_land_are_no_tasks(tmp_path):
    found = read(
        tmp_path,
        (
            "KẾ HOẠCH QUAN TRẮC MÔI TRƯỜNG\n"
            "NĂM 2026\n"
            "Căn cứ Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 ban hành Chương trình công tác đến cuối năm 2025;\n"
            "d) Tổng hợp nhu cầu sử dụng đất của mạng lưới cơ sở văn hóa đến năm 2030 dự kiến là 43 ha.\n"
            "Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025.\n"
            "- Sở Tài chính trình phê duyệt kinh phí trong dự toán đầu năm 2026.\n"
        ),
        issued_on="2025-10-01",
    )
    assert keys(found) == [("2026", "during", None)]


def test_items_under_a_dated_goal_heading_are_due_by_its_year(tmp_path):
    found = read(
        tmp_path,
        (
            "2. Mục tiêu cụ thể đến năm 2030\n"
            "- Hoàn thành đánh giá hiện trạng hạ tầng giao thông.\n"
            "- Phấn đấu 100% hồ sơ được quản lý trên môi trường số.\n"
            "- Hằng năm, các sở báo cáo kết quả thực hiện.\n"
            "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
            "- Hoàn thiện hệ thống văn bản, cơ chế, chính sách.\n"
        ),
        issued_on="2025-10-01",
    )
    assert keys(found) == [("2030", "by", None), ("2030", "by", None)]


def test_parts_of_a_year_in_a_report_are_no_deadlines(tmp_path):
    found = read(
        tmp_path,
        (
            "Tổng thu ngân sách nhà nước 10 tháng năm 2025 thực hiện 13.966 tỷ đồng.\n"
            "Tăng trưởng GRDP 09 tháng đầu năm 2025 đạt 10,22%, vượt kịch bản đề ra.\n"
        ),
        issued_on="2025-11-20",
    )
    assert found == []


def test_items_under_a_dated_goal_lead_in_are_due_by_its_year(tmp_path):
    found = read(
        tmp_path,
        (
            "2. Mục tiêu cụ thể\n"
            "Đến hết năm 2030, phấn đấu đạt được những mục tiêu sau:\n"
            "- Hoàn thiện và triển khai các văn bản hướng dẫn cơ chế, chính sách;\n"
            "- Đội ngũ giảng viên các cấp được trang bị kiến thức về thiên tai;\n"
        ),
        issued_on="2025-10-01",
    )
    assert keys(found) == [("2030", "by", None), ("2030", "by", None)]


def test_items_under_a_dated_sub_heading_of_a_goal_section(tmp_path):
    """'a) Đến năm 2026' inside '2. Mục tiêu cụ thể' dates its items; a vision sub-heading is a horizon."""
    found = read(
        tmp_path,
        (
            "2. Mục tiêu cụ thể\n"
            "a) Đến năm 2026\n"
            "- Hoàn thiện khung pháp lý hỗ trợ chuyển đổi số trong quản lý hạ tầng;\n"
            "- Xây dựng kho dữ liệu mô hình thông tin công trình quốc gia;\n"
            "b) Đến năm 2030\n"
            "- Triển khai các nền tảng số dùng chung phục vụ quản lý hạ tầng;\n"
            "c) Tầm nhìn đến năm 2035\n"
            "- Hoàn thành chuyển đổi số toàn diện trong quản lý hạ tầng;\n"
            "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        ),
        issued_on="2025-11-27",
        province=None,
    )
    assert keys(found) == [("2026", "by", None), ("2026", "by", None), ("2030", "by", None)]


def test_the_đa_of_tối_đa_is_not_the_past_marker_đã(tmp_path):
    """Folded, 'tối đa' reads 'toi da' like 'đã': a task that supports 'tối đa' is still a task."""
    found = read(
        tmp_path,
        (
            "4. Rà soát thiệt hại; chủ động sử dụng các nguồn lực để hỗ trợ tối đa cho các đối tượng bị thiệt hại,"
            " hoàn thành trước ngày 30/11/2025.\n"
            "5. Các địa phương đã hoàn thành việc sửa chữa trước ngày 30/11/2025.\n"
        ),
        issued_on="2025-11-23",
    )
    assert keys(found) == [("2025-11-30", "before", None)]


def test_time_column_of_a_table_with_each_pipe_on_its_own_line(tmp_path):
    """Shaped on the corpus's web-page conversions (tn-ec00…, tn-c5d9…): every '|' on a line of its own, a year or
    a span of years in the time column; a span's task is due in its last year."""
    found = read(
        tmp_path,
        "PHỤ LỤC\n|\n**STT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Thời gian triển\nkhai**\n|\n|\n"
        "1\n|\nRà soát các quy định\nvề dữ liệu số\n|\nBộ Xây dựng\n|\n2026\n|\n|\n"
        "2\n|\nXây dựng tiêu chuẩn quốc gia\n|\nBộ Khoa học và Công nghệ\n|\n2026-2027\n|\n|\n",
        issued_on="2025-11-27",
    )
    assert keys(found) == [("2026", "during", None), ("2027", "during", None)]
    assert found[1].agencies == ["Bộ Khoa học và Công nghệ"]
    assert "Xây dựng tiêu chuẩn quốc gia" in found[1].task


def test_goals_of_an_appendix_table_are_due_by_the_year_of_its_title(tmp_path):
    # 144/KH-UBND Bắc Ninh (2025): the appendix repeats the goals of part II in a table, one '|' per line
    text = (
        "**PHỤ LỤC**\n\nPHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ SỐ,\nXÃ HỘI SỐ ĐẾN NĂM 2030\n\n"
        "*(Ban hành kèm theo Kế hoạch số 144/KH-UBND ngày 24 tháng 11 năm 2025 của\nUBND tỉnh Bắc Ninh)*\n\n"
        "|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Chủ trì**\n|\n|\n"
        "1\n|\nKinh tế số chiếm 45% GRDP tỉnh.\n|\nSở Tài chính\n|\n|\n"
        "5\n|\nKinh phí chi cho nghiên cứu\nphát triển\n(R&D)/GRDP tối thiểu 2%.\n|\nSở Tài chính\n|\n"
    )
    found = read(tmp_path, text, issued_on="2025-11-24", province="Bắc Ninh")
    assert keys(found) == [("2030", "by", None), ("2030", "by", None)]


def test_a_letter_whose_lower_case_is_longer_beside_a_blanked_aside(tmp_path):
    """'İ'.lower() is two characters: the aside on the past is blanked before lower-casing, not after."""
    found = read(
        tmp_path,
        "1. Sở Khoa học và Công nghệ chủ trì triển khai nền tảng İOC (năm qua đã thí điểm) hoàn thành trước ngày "
        "30/6/2025.\n",
    )
    assert keys(found) == [("2025-06-30", "before", None)]


@pytest.mark.parametrize(
    "sentence, due",
    [
        (
            "Giao Bộ trưởng Bộ Xây dựng tháo gỡ các khó khăn, vướng mắc của các dự án Đồng Đăng - Trà Lĩnh, Hữu Nghị - "
            "Chi Lăng, bảo đảm thông xe kỹ thuật năm 2025 góp phần hoàn thành mục tiêu.",
            [("2025", "by", None)],
        ),
        (
            "Bộ Quốc phòng chỉ đạo các quân khu hỗ trợ nhằm đẩy nhanh tiến độ thi công các dự án cao tốc có kế hoạch "
            "hoàn thành năm 2025, đảm bảo hoàn thành mục tiêu.",
            [("2025", "by", None)],
        ),
        (
            "Tích cực thúc đẩy tăng trưởng kinh tế, phấn đấu tăng trưởng cả nước năm 2025; tạo nền tảng vững chắc.",
            [("2025", "by", None)],
        ),
        ("Hoàn thành việc rà soát các dự án đầu tư công đã được bố trí vốn theo kế hoạch năm 2025.", []),
    ],
)
def test_bare_year_a_few_words_after_a_completion_verb(tmp_path, sentence, due):
    """tn-50f694478a35aefd (Văn phòng Chính phủ): 'bảo đảm thông xe kỹ thuật năm 2025', 'có kế hoạch hoàn
    thành năm 2025'; tn-5dbaef1b7c77d06c (Thủ tướng Chính phủ): 'phấn đấu tăng trưởng cả nước năm 2025'. A year
    far from the verb stays a description."""
    assert keys(read(tmp_path, f"1. {sentence}\n", issued_on="2025-11-10")) == due


def test_a_time_that_closes_the_condition_of_a_rule_is_no_deadline(tmp_path):
    """tn-39db3d8c3cc4571d (Bộ Tài chính, a fee circular) and tn-e4ddc120fc14463c (Chính phủ, a decree on
    training civil servants): a time right before 'thì' says which cases a rule covers. A duty with its own
    limit in the same article keeps it."""
    text = (
        "3. Đối với các hồ sơ đề nghị cấp, điều chỉnh Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke phát sinh "
        "trước ngày 01/01/2026 thì việc thu, nộp, quản lý và sử dụng phí thực hiện theo quy định tại Thông tư số "
        "01/2021/TT-BTC. Đối với các hồ sơ phát sinh từ ngày 01/01/2026 đến hết ngày 04/01/2026 thì mức thu thực "
        "hiện theo quy định tại Thông tư số 01/2021/TT-BTC.\n"
        "4. Công chức đã được bổ nhiệm vào chức vụ lãnh đạo, quản lý trước ngày 30 tháng 6 năm 2025 thì không phải "
        "tham gia chương trình bồi dưỡng kiến thức, kỹ năng quản lý.\n"
        "5. Các cơ sở đào tạo, bồi dưỡng có trách nhiệm hoàn thành khóa bồi dưỡng trước ngày 31 tháng 12 năm 2025.\n"
    )
    assert keys(read(tmp_path, text, issued_on="2025-06-30")) == [("2025-12-31", "before", None)]


def test_a_time_whose_cases_another_text_keeps_covering_is_no_deadline(tmp_path):
    """tn-c22591f10eec1dab (Chính phủ, Nghị định 170/2025, issued 30/6/2025) and cb-file_data_7 (Bộ LĐTBXH's
    consolidated decree; the clause is Nghị định 146/2018's, issued 17/10/2018): a time right before 'được thực
    hiện theo' / 'thực hiện theo quy định tại' bounds the cases an older rule keeps covering, a transition that
    sets no task; a duty of the same article with its own limit keeps it."""
    decree = (
        "4. Việc nhận xét, đánh giá đối với thời gian tập sự trước ngày 01 tháng 7 năm 2025 được thực hiện theo quy "
        "định tại Nghị định số 138/2020/NĐ-CP ngày 27 tháng 11 năm 2020 của Chính phủ.\n"
        "5. Chậm nhất đến ngày 01 tháng 7 năm 2027, các Bộ, ngành phải hoàn thành việc bố trí vào vị trí việc làm.\n"
    )
    assert keys(read(tmp_path, decree, issued_on="2025-06-30")) == [("2027-07-01", "by", None)]
    consolidated = (
        "3. Việc thanh toán, quyết toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế từ ngày 01 tháng 01 năm 2019 thực "
        "hiện theo quy định tại Điều 30, Điều 31 và khoản 2 Điều 32 Nghị định này.\n"
    )
    assert keys(read(tmp_path, consolidated, issued_on="2018-10-17")) == []


def test_a_past_marker_that_qualifies_a_noun_leaves_a_firm_limit_standing(tmp_path):
    """tn-e01d3782fbed0967 (Thủ tướng Chính phủ, Công điện 227): 'các điểm trường bị ngập lũ vừa qua, …, báo cáo
    Thủ tướng Chính phủ trước ngày 30/11/2025'; tn-75a0867a09525909 (Văn phòng Chính phủ): '… hoàn thành xây dựng
    trước ngày 30 tháng 11 năm 2025 … các giải pháp đã đề ra'; cb-file_data_2 (Bộ Tài chính, Thông tư 101/2018):
    'Thời gian điều chỉnh dự toán đã giao cho các đơn vị … hoàn thành trước ngày 15 tháng 11 năm hiện hành'. A
    marker right before the limit still reports or conditions on it, and a past limit stays past."""
    text = (
        "1. Bộ Giáo dục và Đào tạo tổng hợp tình hình các điểm trường bị ngập lũ vừa qua, phương án khắc phục cụ "
        "thể, báo cáo Thủ tướng Chính phủ trước ngày 30/11/2025.\n"
        "2. Bộ Y tế phấn đấu hoàn thành xây dựng trước ngày 30 tháng 11 năm 2025 và thực hiện hiệu quả các giải "
        "pháp đã đề ra.\n"
        "3. Thời gian điều chỉnh dự toán đã giao cho các đơn vị sử dụng ngân sách hoàn thành trước ngày 15 tháng 11 "
        "năm hiện hành.\n"
        "4. Thân nhân của người đã từ trần trước ngày 01 tháng 01 năm 2026 được hưởng trợ cấp một lần.\n"
        "5. Ủy ban nhân dân tỉnh đã hoàn thành việc cập nhật cơ sở dữ liệu trước ngày 30 tháng 10 năm 2025.\n"
    )
    assert keys(read(tmp_path, text, issued_on="2025-11-23")) == [
        ("2025-11-30", "before", None),
        ("2025-11-30", "before", None),
        ("--11-15", "before", "yearly"),
    ]


def test_a_past_marker_that_qualifies_a_noun_leaves_a_year_its_own_verb_binds(tmp_path):
    """cb-file_data_36 (Bộ Xây dựng): 'Để đảm bảo thời gian hoàn thành việc hỗ trợ … trong năm 2013 …, Bộ Xây dựng
    đề nghị … theo danh sách mà … đã báo cáo'; tn-ceb89a53c7b93f00 (UBND Nghệ An): 'các KCN đã đi vào hoạt động, …,
    mục tiêu tỷ lệ phủ sóng mạng 5G tại các KCN đến năm 2030 đạt 100%'. A year the clause opens is the one reported,
    a year no completion verb of its own binds is the past's ('đã ban hành … kế hoạch thực hiện Chương trình đến
    năm 2025'), and one a marker governs stays past."""
    text = (
        "1. Để đảm bảo thời gian hoàn thành việc hỗ trợ về nhà ở cho các hộ trong năm 2026, Bộ Xây dựng đề nghị Bộ "
        "Tài chính bố trí vốn theo danh sách mà các tỉnh đã báo cáo.\n"
        "2. Thúc đẩy chuyển đổi số tại các khu công nghiệp đã đi vào hoạt động, mục tiêu tỷ lệ phủ sóng mạng 5G tại "
        "các khu công nghiệp đến năm 2030 đạt 100%.\n"
        "3. Năm 2025, các địa phương đã hoàn thành việc sửa chữa nhà ở.\n"
        "4. Ban Chỉ đạo xóa nhà tạm đã ban hành quy chế hoạt động, kế hoạch thực hiện Chương trình đến năm 2025, "
        "phân công nhiệm vụ cho từng thành viên.\n"
        "5. Các địa phương đã hoàn thành việc sửa chữa nhà ở trong năm 2025.\n"
    )
    assert keys(read(tmp_path, text, issued_on="2025-11-20")) == [("2026", "during", None), ("2030", "by", None)]


def test_a_markdown_table_s_rule_does_not_hide_its_time_column(tmp_path):
    """A one-line pipe table ('| STT | … |' over '|---|---|', as 24 of the tuning texts write their tables, those of
    the cb-file_data series of many issuers): the header above the rule names the schedule column, so a row's bare
    year or span of years dates it."""
    text = (
        "III. NHIỆM VỤ CỤ THỂ\n"
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n"
        "|---|---|---|---|\n"
        "| 1 | Xây dựng quy chế phối hợp | Sở Nội vụ | 2026 - 2027 |\n"
        "| 2 | Tổ chức tập huấn cho cán bộ | Sở Tư pháp | 2026 |\n"
    )
    assert keys(read(tmp_path, text, issued_on="2025-11-20")) == [("2027", "by", None), ("2026", "by", None)]


def test_a_time_in_the_legal_basis_a_sentence_opens_with_dates_no_task(tmp_path):
    found = read(
        tmp_path,
        (
            # tn-27e00d593ec30fac (Hội đồng nhân dân thành phố Hà Nội, Nghị quyết): a lettered item
            "c) Căn cứ kết quả thực hiện Nghị quyết trong năm 2026, Ủy ban nhân dân Thành phố đánh giá tác động và xây "
            "dựng nghị quyết chi thu nhập tăng thêm.\n"
            # cb-file_data_2 (Bộ Tài chính, Thông tư 101/2018/TT-BTC): the main clause after the basis sets the task
            "2. Căn cứ dự toán được giao, Bộ LĐTBXH phân bổ và giao dự toán cho các Sở LĐTBXH chi tiết nhiệm vụ chi "
            "trước ngày 25 tháng 12 năm trước.\n"
            # a preamble line is basis to its end
            "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2025 ban hành Chương trình hành động đến cuối năm 2025;\n"
        ),
        "2025-11-20",
    )
    assert keys(found) == [("--12-25", "before", "yearly")]


def test_the_description_of_an_administrative_procedure_sets_no_deadline(tmp_path):
    # Bộ Nông nghiệp và Môi trường, công bố TTHC nội bộ (tn-1796a553dfee88ef): a step of the published procedure is
    # when a case is handled, no time-bound task of the decision; the next article's schedule line is one
    text = """Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính nội bộ.
**1. Ban hành Kế hoạch chuyển đổi cơ cấu cây trồng**
a) Trình tự thực hiện:
Chủ tịch Ủy ban nhân dân cấp tỉnh ban hành Kế hoạch chuyển đổi cơ cấu cây trồng; thời gian ban hành trước
ngày 30 tháng 11 năm trước của năm kế hoạch.
Điều 2. Sở Nông nghiệp và Môi trường hoàn thành việc cập nhật trước ngày 15 tháng 12 năm 2025.
"""
    assert keys(read(tmp_path, text, "2025-11-20")) == [("2025-12-15", "before", None)]


def test_month_cells_of_a_schedule_column_and_merged_cells_lost_by_the_page(tmp_path):
    """tn-295bcce4a429a236 (Bộ Nội vụ, Lịch phổ biến thông tin thống kê năm 2026, issued 26/11/2025): a month
    in a column headed 'Thời gian phổ biến' dates its row though it lies before the text's date (printed so), and
    a row that simply ends before that column lost its merged cell to the row above and takes its month."""
    found = read(
        tmp_path,
        (
            "|\n**STT**\n|\n**Tên thông tin thống kê**\n|\n**Mức độ hoàn chỉnh của thông tin**\n|\n"
            "**Thời gian phổ biến**\n|\n**Hình thức phổ biến**\n|\n**Đơn vị chịu trách nhiệm phổ biến**\n|\n|\n"
            "*1*\n|\nSố đơn vị hành chính\n|\nChính thức\n|\nTháng 6/2025\n|\n"
            "Cổng thông tin điện tử Bộ Nội vụ\n|\nVụ Chính quyền địa phương\n|\n|\n"
            "*2*\n|\nSố đại biểu Hội đồng nhân dân\n|\nChính thức\n|\n|\n"
            "*11*\n|\nSố người lao động được hỗ trợ\n|\nChính thức\n|\nTháng 3/2026\n|\n"
            "Cổng thông tin điện tử Bộ Nội vụ\n|\nCục Việc làm\n|\n|\n"
        ),
        issued_on="2025-11-26",
    )
    assert sorted(d.due for d in found) == ["2025-06", "2025-06", "2026-03"]


def test_years_heading_the_columns_of_a_figures_table_are_no_schedule(tmp_path):
    """tn-9b7eebadf7081069 (Ủy ban nhân dân tỉnh Cà Mau, Kế hoạch tài chính - NSNN 03 năm 2026 - 2028, Mẫu biểu
    số 02): 'Năm 2026 | Năm 2027 | Năm 2028' name the columns of figures under 'Dự kiến 03 năm kế hoạch', and
    the header row that opens with 'STT' names columns too; neither dates a task."""
    found = read(
        tmp_path,
        (
            "|\n**STT**\n|\n**Nội dung**\n|\n**Năm hiện hành 2025**\n|\n**Dự kiến 03 năm kế hoạch**\n|\n|\n"
            "**Dự toán TTg giao**\n|\n**Dự toán HĐND tỉnh quyết định**\n|\n**Đánh giá thực hiện**\n|\n"
            "**Năm 2026**\n|\n**Năm 2027**\n|\n**Năm 2028**\n|\n|\n"
            "*A*\n|\n*B*\n|\n*1*\n|\n*2*\n|\n*3*\n|\n*4*\n|\n*5*\n|\n*6*\n|\n|\n"
            "I\n|\nTHU NỘI ĐỊA\n|\n10.052.700\n|\n10.052.700\n|\n11.080.000\n|\n11.132.000\n|\n13.000.000\n|\n"
            "14.600.000\n|\n|\n"
        ),
        issued_on="2025-11-24",
    )
    assert found == []


def test_an_assemblys_expected_act_is_no_deadline(tmp_path):
    """When an assembly is expected to act is no task of the document: a submission's 'IV. THỜI GIAN DỰ KIẾN TRÌNH
    THÔNG QUA NGHỊ QUYẾT / Tại Kỳ họp chuyên đề thứ 31 (dự kiến tháng 3/2025) của HĐND tỉnh Quảng Ngãi.' (UBND Quảng
    Ngãi 239/TTr-UBND, dev scan), 'dự kiến Quốc hội thông qua vào tháng 12/2025' (Cục Thuế 5680/CT-CS); a task
    that goes to the council by a date stays."""
    text = (
        "IV. THỜI GIAN DỰ KIẾN TRÌNH THÔNG QUA NGHỊ QUYẾT\n"
        "Tại Kỳ họp chuyên đề thứ 31 (dự kiến tháng 3/2025) của HĐND tỉnh Quảng Ngãi.\n"
        "Hiện nay, Bộ Tài chính đang trình Quốc hội dự thảo Luật thuế TNCN (sửa đổi), dự kiến Quốc hội thông qua vào "
        "tháng 12/2025, trong đó có quy định thu nhập từ tiền lương.\n"
        "- Sở Tư pháp thẩm định, trình HĐND tỉnh trước ngày 15/02/2025.\n"
    )
    assert [d.due for d in read(tmp_path, text, issued_on="2024-12-20")] == ["2025-02-15"]


def test_a_letters_reported_past_is_no_deadline_when_the_scan_lost_its_date_line(tmp_path):
    """A scan that lost its date line (UBND Quảng Ngãi 239/TTr-UBND at 150 dpi, UBND Cao Bằng 157/QĐ-NĐ-UB at every
    resolution) is still issued after every document it cites: the limit a letter that reports quotes from a
    circular of three months before (Bộ Xây dựng 2214/BXD-QLN, cb-file_data_36: '… trước ngày 31/8/2013', cited
    '1983/BXD-QLN ngày 23/9/2013') and the eligibility date of a decree (Bộ LĐTBXH's consolidated decree,
    cb-file_data_7: 'trước ngày 01 tháng 01 năm 1945', citing '75/2023/NĐ-CP ngày 19 tháng 10 năm 2023') date no
    task; a limit after the latest cited date stays."""
    found = read(
        tmp_path,
        (
            "Ngày 01/7/2013, Bộ Xây dựng ban hành Thông tư số 09/2013/TT-BXD hướng dẫn thực hiện QĐ22 trong đó quy định"
            " các tỉnh, thành phố trực thuộc Trung ương lập và phê duyệt đề án hỗ trợ trên địa bàn toàn tỉnh gửi về Bộ"
            " Xây dựng, Bộ Tài chính, Bộ Kế hoạch và Đầu tư trước ngày 31/8/2013 để xem xét bố trí vốn hỗ trợ từ ngân"
            " sách Trung ương.\n"
            "Các tỉnh đã gửi danh sách kèm theo công văn số 1983/BXD-QLN ngày 23/9/2013 đến Bộ Tài chính.\n"
            "Đề nghị các tỉnh báo cáo kết quả trước ngày 15/11/2013.\n"
        ),
        issued_on=None,
    )
    assert keys(found) == [("2013-11-15", "before", None)]
    found = read(
        tmp_path,
        (
            "Nghị định số 75/2023/NĐ-CP ngày 19 tháng 10 năm 2023 của Chính phủ sửa đổi, bổ sung một số điều.\n"
            "5. Bộ Quốc phòng, Bộ Công an hướng dẫn quy trình công nhận người hoạt động cách mạng trước ngày 01 tháng 01"
            " năm 1945 thuộc quân đội, công an quản lý.\n"
        ),
        issued_on=None,
    )
    assert keys(found) == []


def test_a_deadlines_month_read_as_look_alikes_on_a_scanned_page_keeps_its_due():
    """VPCP 653/TB-VPCP printed and scanned at 100 dpi: 'trong tháng l1 năm 2025', the month's 1 read as an l, with
    no day before it for the date's mends to go by (the page's text is mended, so an obligation's due reads it too)."""
    text = (
        "(1) Chủ đầu tư phối hợp chặt chẽ với các đơn vị liên quan hoàn thành nghiệm thu các hạng mục còn lại của Nhà "
        "máy điện Nhơn Trạch 4 phục vụ việc kiểm tra của Hội đồng kiểm tra Nhà nước về công tác nghiệm thu công trình "
        "xây dựng trong tháng l1 năm 2025.\n"
    )
    page = Page(number=1, text=text, source=TextSource.ocr)
    seg = segment(Document(path="t.pdf", sha256="0", media_type="application/pdf", pages=[page]).with_offsets())
    meta = DocumentMeta(issued_on="2025-11-28", jurisdiction=Jurisdiction(province=None))
    assert keys(deadlines.extract(seg, meta)) == [("2025-11", "during", None)]
