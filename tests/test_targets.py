"""Targets: real excerpts from the seeds and invented but realistic excerpts of other plans."""

from __future__ import annotations

import pytest

from extractors import deadlines, targets
from extractors.common import parse_number
from pipeline.read.load import load_document
from pipeline.text.segment import segment
from schemas.extraction import DocumentMeta, Jurisdiction


def read(
    tmp_path,
    text: str,
    issued_on: str | None = None,
    province: str | None = "Khánh Hòa",
    locality: str | None = None,
    kind: str | None = None,
):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    meta = DocumentMeta(kind=kind, issued_on=issued_on, jurisdiction=Jurisdiction(province=province, locality=locality))
    return targets.extract(segment(load_document(path)), meta)


def keys(found):
    return [(t.value, t.value_max, t.unit == "%", t.comparator, t.change, t.year, t.recurrence) for t in found]


@pytest.mark.parametrize(
    "raw, value", [("01", 1), ("4,76", 4.76), ("1.000", 1000), ("15,60", 15.6), ("2.500,5", 2500.5)]
)
def test_vietnamese_numbers(raw, value):
    assert parse_number(raw) == value


def test_resolution_targets_with_year_and_share(tmp_path):
    found = read(
        tmp_path,
        (
            "2. Mục tiêu cụ thể\n"
            "- Năm 2023, triển khai thí điểm xây dựng Công an phường Vĩnh Nguyên, thành phố Nha Trang đạt 22 tiêu chí, "
            "thuộc 07 nhóm tiêu chí được ban hành kèm theo Quyết định số 5764/QĐ-BCA-V05, ngày 13/7/2021 của Bộ trưởng "
            "Bộ Công an.\n"
            "- Từ năm 2024, triển khai nhân rộng Công an phường đạt chuẩn kiểu mẫu; đến năm 2025, ít nhất 30% (11/35) "
            "Công an phường đạt chuẩn kiểu mẫu trở lên; đến năm 2030, 100% (35/35) Công an phường đạt chuẩn kiểu mẫu.\n"
        ),
    )
    assert keys(found) == [
        (22, None, False, "=", None, 2023, None),
        (30, None, True, ">=", None, 2025, None),
        (100, None, True, "=", None, 2030, None),
    ]
    assert (found[1].count, found[1].of, found[1].scope) == (11, 35, "Khánh Hòa")
    assert found[0].unit == "tiêu chí"
    assert "ít nhất 30% (11/35)" in found[1].evidence.quote


def test_facts_and_descriptions_are_not_targets(tmp_path):
    found = read(
        tmp_path,
        (
            "Trên địa bàn tỉnh hiện có 35 Công an phường với 292 cán bộ, chiến sĩ.\n"
            "Năm 2022 đã triển khai thực hiện thí điểm tại 05 thành phố trực thuộc Trung ương; qua 01 năm triển khai "
            "thực hiện đã đạt được nhiều kết quả quan trọng.\n"
            "1. Phạm vi: thực hiện tại 12 phường trên địa bàn thành phố.\n"
            "2. Tiêu chí quy định công an phường điển hình, kiểu mẫu: gồm 22 tiêu chí (có phụ lục kèm theo).\n"
            "3. Thực hiện Nghị quyết số 12-NQ/TW ngày 15/3/2022 của Bộ Chính trị, Nghị định 03/2019/NĐ-CP ngày 05/9/2019.\n"
            "4. Đầu tư công trung hạn 5 năm 2026-2030 gắn với mục tiêu phấn đấu tăng trưởng “2 con số”.\n"
        ),
    )
    assert found == []


def test_percent_reported_for_a_past_year_is_not_a_target(tmp_path):
    found = read(
        tmp_path,
        (
            "a) Năm 2023, tỷ lệ bao phủ bảo hiểm y tế toàn tỉnh đạt 92,3%.\n"
            "b) Đến năm 2025, tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%.\n"
        ),
        issued_on="2024-08-20",
    )
    assert keys(found) == [(95, None, True, ">", None, 2025, None)]


def test_a_percent_whose_first_digit_the_scan_lost_is_a_hundred(tmp_path):
    """'(phấn đấu giải ngân đạt (00% kế hoạch vốn đầu tư công năm 2025)' (VPCP 636/TB-VPCP printed by fax and read
    again), 'hoàn thành mục tiêu giải ngân 00% kế hoạch vốn được giao' (UBND Quảng Ngãi 565/TB-UBND printed at 100
    dpi, its own scan at 150 dpi): no document prints '00%', each is '100%' without its 1; '0,5%' and '06%' are
    figures as printed, three zeros none."""
    found = read(
        tmp_path,
        (
            "1. Đẩy mạnh giải ngân vốn đầu tư công (phấn đấu giải ngân đạt (00% kế hoạch vốn đầu tư công năm 2025).\n"
            "2. Quyết tâm hoàn thành mục tiêu giải ngân 00% kế hoạch vốn được giao năm 2025.\n"
            "3. Phấn đấu đến năm 2025 tỷ lệ hồ sơ trễ hạn dưới 0,5% và giải ngân 100% kế hoạch vốn.\n"
            "4. Đến năm 2025 kéo giảm ít nhất 06% tội phạm về trật tự xã hội.\n"
            "5. Phấn đấu giải ngân đạt 000% kế hoạch vốn năm 2026.\n"
        ),
        issued_on="2025-03-10",
    )
    assert [(t.value, t.comparator, t.year) for t in found] == [
        (100, "=", 2025),
        (100, "=", 2025),
        (0.5, "<", 2025),
        (100, "=", 2025),
        (6, ">=", 2025),
    ]


def test_a_figure_whose_leading_one_the_scan_read_as_a_letter(tmp_path):
    """'giải ngân I00% kế hoạch vốn được giao' (UBND Quảng Ngãi vht534 scanned, read at 100 dpi one-bit), 'Chuyển đối
    từ trạm 3G/4G sang trạm 5G: I25 trạm' (UBND tỉnh Nghệ An 987/KH-UBND printed and read at 200 dpi): a serif 1 read
    as 'I' or 'l' is put back; before a single digit that is no figure it is left ('Phụ lục I2')."""
    found = read(
        tmp_path,
        (
            "I. MỤC TIÊU ĐẾN NĂM 2030\n"
            "1. Quyết tâm hoàn thành mục tiêu giải ngân I00% kế hoạch vốn được giao.\n"
            "2. Chuyển đối từ trạm 3G/4G sang trạm 5G: I25 trạm.\n"
            "3. Nâng tỷ lệ che phủ rừng lên l00%.\n"
            "4. Thực hiện theo Phụ lục I2 kèm theo.\n"
        ),
        issued_on="2025-03-10",
    )
    assert [(t.value, t.unit, t.year) for t in found] == [(100, "%", 2030), (125, "trạm", 2030), (100, "%", 2030)]


def test_comparators_changes_ranges_and_recurrence(tmp_path):
    found = read(
        tmp_path,
        (
            "3. Tăng cường công tác bảo vệ an ninh chính trị:\n"
            "Giải quyết dứt điểm các vụ việc khiếu kiện (phấn đấu mỗi năm kéo giảm 1 - 2 vụ khiếu kiện thuộc thẩm quyền "
            "của Công an phường); 100% tố giác, tin báo tội phạm được tiếp nhận, xử lý theo quy định. Thực hiện đạt chỉ "
            "tiêu kéo giảm 5% tội phạm về TTXH hàng năm; tỷ lệ điều tra khám phá án chung đạt 80% trở lên. Hàng năm "
            "phối hợp xây dựng 1 - 2 mô hình mới; phấn đấu trên 70% lực lượng làm công tác an ninh, trật tự tại cơ sở "
            "đạt từ loại khá trở lên. Tỷ lệ tái phạm hằng năm dưới 1,5%; tỷ lệ tái nghiện không quá 20%.\n"
        ),
        province="Lâm Đồng",
        locality="Đà Lạt",
    )
    assert keys(found) == [
        (1, 2, False, "=", "decrease", None, "yearly"),
        (100, None, True, "=", None, None, None),
        (5, None, True, "=", "decrease", None, "yearly"),
        (80, None, True, ">=", None, None, None),
        (1, 2, False, "=", None, None, "yearly"),
        (70, None, True, ">", None, None, None),
        (1.5, None, True, "<", None, None, "yearly"),
        (20, None, True, "<=", None, None, None),
    ]
    assert found[0].scope == "Đà Lạt"
    assert found[3].subject.startswith("Tỷ lệ điều tra khám phá án chung")


CRITERIA_TABLE = (
    "Nhóm\tTiêu chí\tNội dung\tGhi chú\n"
    "Xây dựng lực lượng Công an phường\tTiêu chí 2\tHàng năm, Chi bộ Công an phường đạt “Hoàn thành xuất sắc "
    "nhiệm vụ”; 100% cán bộ chiến sĩ Công an phường được phân loại cán bộ “Hoàn thành tốt nhiệm vụ” trở lên.\t\n"
    "<p>Tiêu chí 8</p> <p>Quản lý chặt chẽ các đối tượng.</p> <p>Tiêu chí 9</p> <p>Tổ chức trực ban, 100% tố giác, "
    "tin báo tội phạm được tiếp nhận, xử lý theo quy định.</p>\n"
    "Không để xảy ra tội phạm nghiêm trọng; kéo giảm ít nhất 06% tội phạm về trật tự xã hội so với năm trước; số "
    "người nghiện ma túy giảm ít nhất 15% so với năm trước.\n"
    "Tiêu chí 10\n"
    "Quản lý, giám sát chặt chẽ 100% đối tượng các loại tại địa bàn. Tỷ lệ tái phạm hằng năm dưới 1,5%.\n"
    "Tiêu chí 11\n"
    "\t<p>Tiêu chí 16</p>\t<p>Thực hiện tốt các mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc và</p>\n"
    "\t<p>mô hình “Dân vận khéo”, có ít nhất 02 mô hình quần chúng tự quản về ANTT và 01 mô hình “Dân vận khéo” "
    "được cấp trên đánh giá là hoạt động có chất lượng.</p>\n"
    "Tiêu chí 17\t<p>Có 90% tổ dân phố (hoặc tương đương) trở lên được công nhận “Tổ dân phố văn hóa”.</p>\n"
    "Tiêu chí 18\t<p>Có 90% tổ dân phố (hoặc tương đương) trở lên được công nhận “Tổ dân phố văn hóa”.</p>\n"
)


def test_criteria_table_labels_out_of_place(tmp_path):
    """A label alone on its line governs the text above it; a label printed twice counts twice."""
    found = read(tmp_path, CRITERIA_TABLE, province="Lâm Đồng", locality="Đà Lạt")
    assert [(t.criterion, t.value, t.comparator, t.recurrence) for t in found] == [
        (2, 100, "=", "yearly"),
        (9, 100, "=", None),
        (10, 6, ">=", "yearly"),
        (10, 15, ">=", "yearly"),
        (11, 100, "=", None),
        (11, 1.5, "<", "yearly"),
        (16, 2, ">=", None),
        (16, 1, ">=", None),
        (17, 90, ">=", None),
        (18, 90, ">=", None),
    ]
    assert found[2].change == "decrease"


def test_numeric_table_rows_belong_to_national_targets(tmp_path):
    found = read(
        tmp_path,
        (
            "Tỉnh\tNăm\t2023\t\t2024\n"
            "An Giang\t21\t1\t4,76%\t3\t14,29%\n"
            "<b>TỔNG SỐ</b>\t<b>1.160</b>\t<b>58</b>\t<b>5%</b>\t<b>181</b>\t<b>15,60%</b>\n"
            "Bà Rịa – Vũng Tàu 29 1 3,45% 4 13,79% 9 31,03% 14 48,28%\n"
        ),
    )  # an OCR'd row: spaces, no TABs
    assert found == []


def test_report_section_of_a_plan_holds_results_not_targets(tmp_path):
    """Invented: a rural-development plan opens with last year's results, then sets this year's targets."""
    found = read(
        tmp_path,
        (
            "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"
            "Toàn huyện có 12/15 xã đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo giảm còn 3,5%.\n"
            "II. MỤC TIÊU, CHỈ TIÊU NĂM 2025\n"
            "1. Kết quả cần đạt\n"
            "- Có thêm 02 xã đạt chuẩn nông thôn mới nâng cao; phấn đấu 15/15 xã đạt chuẩn nông thôn mới.\n"
            "- Tỷ lệ hộ nghèo giảm còn dưới 3%.\n"
        ),
        issued_on="2025-01-10",
        province="Nghệ An",
    )
    assert keys(found) == [
        (2, None, False, "=", None, 2025, None),
        (15, None, False, "=", None, 2025, None),
        (3, None, True, "<", "decrease", 2025, None),
    ]
    assert (found[1].count, found[1].of) == (15, 15)


def test_planned_year_of_a_heading_with_a_horizon(tmp_path):
    found = read(
        tmp_path,
        "II. MỤC TIÊU ĐẾN NĂM 2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030\n1. Chỉ tiêu\n- 95% người dân có hồ sơ sức khỏe điện tử.\n",
        issued_on="2024-05-02",
    )
    assert keys(found) == [(95, None, True, "=", None, 2025, None)]


def test_digital_transformation_plan_heading_year(tmp_path):
    """Invented: a provincial digital-transformation plan whose heading sets the year."""
    found = read(
        tmp_path,
        (
            "I. MỤC TIÊU\n"
            "1. Mục tiêu chung\n"
            "Phát triển chính quyền số giai đoạn 2021 - 2025, định hướng đến năm 2030.\n"
            "2. Mục tiêu cụ thể đến năm 2025\n"
            "- 100% hồ sơ công việc tại cấp tỉnh, 90% hồ sơ công việc tại cấp huyện được xử lý trên môi trường mạng.\n"
            "- Tối thiểu 80% dịch vụ công trực tuyến toàn trình được cung cấp trên Cổng Dịch vụ công quốc gia.\n"
            "- Phấn đấu đến năm 2027 có ít nhất 50% xã đạt chuẩn xã thông minh.\n"
            "- Mỗi năm tổ chức ít nhất 02 lớp tập huấn kỹ năng số cho cán bộ, công chức.\n"
            "II. NHIỆM VỤ\n"
            "1. Trong quý II/2024, hoàn thành kết nối hệ thống quản lý văn bản với 100% xã, phường, thị trấn.\n"
        ),
        issued_on="2024-03-12",
        province="Lào Cai",
    )
    assert keys(found) == [
        (100, None, True, "=", None, 2025, None),
        (90, None, True, "=", None, 2025, None),
        (80, None, True, ">=", None, 2025, None),
        (50, None, True, ">=", None, 2027, None),
        (2, None, False, ">=", None, 2025, "yearly"),
        (100, None, True, "=", None, 2024, None),
    ]
    assert found[4].unit == "lớp"


def test_drug_free_communes_plan(tmp_path):
    """Invented: a district plan on drug-free communes, with counts, ranges and a share of a total."""
    found = read(
        tmp_path,
        (
            "Toàn huyện hiện có 8 xã, 1 thị trấn với 412 người nghiện ma túy có hồ sơ quản lý.\n"
            "I. CHỈ TIÊU\n"
            "- Phấn đấu đến năm 2027 có ít nhất 50% xã, thị trấn đạt tiêu chí “không ma túy”; đến năm 2030 có 100% "
            "(9/9) xã, thị trấn không ma túy.\n"
            "- Hằng năm kéo giảm từ 5 - 10% số người nghiện ma túy so với năm trước; tỷ lệ người nghiện được quản lý "
            "đạt 100%.\n"
            "- Hỗ trợ 1.000 hộ nghèo; phấn đấu tăng thêm 2.500 người tham gia bảo hiểm y tế tự nguyện.\n"
            "- Tỷ lệ tăng dân số tự nhiên không quá 1,2%/năm.\n"
        ),
        issued_on="2025-01-05",
        province="Thanh Hóa",
    )
    assert keys(found) == [
        (50, None, True, ">=", None, 2027, None),
        (100, None, True, "=", None, 2030, None),
        (5, 10, True, "=", "decrease", None, "yearly"),
        (100, None, True, "=", None, None, None),
        (1000, None, False, "=", None, None, None),
        (2500, None, False, "=", "increase", None, None),
        (1.2, None, True, "<=", None, None, "yearly"),
    ]
    assert (found[1].count, found[1].of) == (9, 9)


def test_ocr_slips_in_tone_marks_still_read(tmp_path):
    """OCR drops or swaps tone marks; comparator and recurrence words are matched folded."""
    found = read(
        tmp_path,
        "- Phân đấu đến năm 2030 có ít nhât 60% xã đạt chuẩn.\n- Hàng nam kéo giam 10 %  số vụ.\n",
        issued_on="2024-01-01",
    )
    assert keys(found) == [(60, None, True, ">=", None, 2030, None), (10, None, True, "=", "decrease", None, "yearly")]


def test_schedule_counts_percent_ranges_and_event_counts(tmp_path):
    """Invented: a forestry plan with a yearly schedule of counts and a range of percents."""
    found = read(
        tmp_path,
        (
            "III. LỘ TRÌNH\n"
            "- Năm 2025: 10 xã; năm 2026: 15 xã đạt chuẩn.\n"
            "- Tỷ lệ che phủ rừng đạt từ 70% đến 75%; mỗi năm kiểm tra ít nhất 02 lần.\n"
            "- Dịp 30/4 và 1/5 tổ chức các hoạt động tuyên truyền.\n"
        ),
        issued_on="2024-12-01",
        province="Gia Lai",
    )
    assert keys(found) == [
        (10, None, False, "=", None, 2025, None),
        (15, None, False, "=", None, 2026, None),
        (70, 75, True, "=", None, None, None),
        (2, None, False, ">=", None, None, "yearly"),
    ]


def test_range_opened_by_tu(tmp_path):
    found = read(
        tmp_path,
        (
            "2. Chỉ tiêu cụ thể\n"
            "- Mỗi xã xây dựng từ 2 - 4 câu lạc bộ phòng, chống bạo lực gia đình.\n"
            "- Mỗi trường học thành lập từ 1 đến 2 đội thanh niên tình nguyện.\n"
        ),
    )
    assert keys(found) == [(2, 4, False, "=", None, None, None), (1, 2, False, "=", None, None, None)]


def test_numbered_criteria_table_rows(tmp_path):
    found = read(
        tmp_path,
        (
            "3. Bộ tiêu chí xã an toàn thực phẩm\n"
            "STT\tNội dung tiêu chí\tMức đạt\n"
            "1\tCơ sở kinh doanh ký cam kết bảo đảm an toàn thực phẩm\t100%\n"
            "2\tSố vụ ngộ độc thực phẩm so với năm trước\tgiảm ít nhất 15%\n"
            "3\tBếp ăn tập thể được kiểm tra định kỳ\ttừ 80% trở lên\n"
        ),
    )
    assert keys(found) == [
        (100, None, True, "=", None, None, None),
        (15, None, True, ">=", "decrease", None, "yearly"),
        (80, None, True, ">=", None, None, None),
    ]
    assert [t.criterion for t in found] == [1, 2, 3]
    assert found[1].subject == "Số vụ ngộ độc thực phẩm"


def test_share_printed_before_its_percent(tmp_path):
    found = read(tmp_path, "- Đến năm 2026, có 9/12 (75%) thôn, bản đạt chuẩn văn hóa.\n", issued_on="2024-05-02")
    assert keys(found) == [(75, None, True, "=", None, 2026, None)]
    assert (found[0].count, found[0].of) == (9, 12)


def test_list_items_take_the_year_of_their_lead_in_not_of_a_past_remark(tmp_path):
    found = read(
        tmp_path,
        (
            "Phấn đấu đến hết năm 2027 đạt các chỉ tiêu sau:\n"
            "a) Tỷ lệ tiêm chủng mở rộng đạt trên 95% (năm 2025 đã đạt 91,3%);\n"
            "b) Không quá 3% trẻ em dưới 5 tuổi suy dinh dưỡng.\n"
        ),
        issued_on="2025-08-01",
    )
    assert keys(found) == [(95, None, True, ">", None, 2027, None), (3, None, True, "<=", None, 2027, None)]


def test_task_table_row_takes_its_time_cell_year(tmp_path):
    found = read(
        tmp_path,
        (
            "TT\tNội dung\tThời gian\n"
            "1\tTổ chức 3 lớp tập huấn nghiệp vụ\tQuý II/2026\n"
            "2\tXây dựng 2 mô hình điểm\tNăm 2027\n"
        ),
        issued_on="2025-06-01",
    )
    assert keys(found) == [(3, None, False, "=", None, 2026, None), (2, None, False, "=", None, 2027, None)]
    assert [t.criterion for t in found] == [None, None]  # a task table numbers tasks, not criteria


def test_items_take_the_year_of_their_goal_heading(tmp_path):
    found = read(
        tmp_path,
        (
            "Điều 1. Phê duyệt Đề án phát triển làng nghề tỉnh giai đoạn 2025 - 2030 với các nội dung sau:\n"
            "1. Mục tiêu đến năm 2026\n"
            "a) Khôi phục ít nhất 04 làng nghề truyền thống;\n"
            "b) Thu hút khoảng 45.000 lượt khách tham quan các làng nghề.\n"
            "2. Mục tiêu đến năm 2030\n"
            "a) 80% cơ sở làng nghề có sản phẩm được chứng nhận OCOP.\n"
            "3. Giải pháp: duy trì hoạt động 06 hợp tác xã hiện có.\n"
        ),
        issued_on="2025-02-10",
    )
    assert keys(found) == [
        (4, None, False, ">=", None, 2026, None),
        (45000, None, False, "=", None, 2026, None),
        (80, None, True, "=", None, 2030, None),
    ]
    assert found[1].unit == "lượt"


def test_counted_nouns_under_a_goal_heading_need_no_cue(tmp_path):
    found = read(
        tmp_path,
        (
            "II. CHỈ TIÊU CHỦ YẾU NĂM 2026\n"
            "1. Đón 3,5 triệu lượt du khách.\n"
            "2. Tạo việc làm mới cho 9.000 người lao động.\n"
            "3. Phòng khám đa khoa phục vụ 2 ca/ngày.\n"
            "III. NHIỆM VỤ\n"
            "1. Triển khai 02 chương trình phát triển vùng.\n"
        ),
        issued_on="2025-12-05",
    )
    assert keys(found) == [(3.5, None, False, "=", None, 2026, None), (9000, None, False, "=", None, 2026, None)]
    assert found[0].unit == "triệu lượt"


def test_a_task_with_its_own_due_day_commits_to_its_count(tmp_path):
    found = read(
        tmp_path,
        (
            "- Hoàn thành gia cố 8 km kè sông thuộc các xã ven biển trước ngày 30/6/2026.\n"
            "- Kiểm tra kè sông trên quốc lộ 49 trước ngày 30/7/2026.\n"
        ),
        issued_on="2026-01-15",
    )
    assert keys(found) == [(8, None, False, "=", None, 2026, None)]
    assert found[0].unit == "km"


def test_a_bracketed_estimate_of_the_past_is_no_target_and_gives_no_year(tmp_path):
    found = read(
        tmp_path,
        ("Điều 2. Các chỉ tiêu năm 2026\na) Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,5% (năm 2025 ước đạt 94,1%).\n"),
        issued_on="2025-12-10",
    )
    assert keys(found) == [(95.5, None, True, "=", None, 2026, None)]


def test_a_measure_that_qualifies_a_noun_is_no_target(tmp_path):
    found = read(tmp_path, "- Bảo đảm 100% xe tải có tải trọng từ 10 tấn trở lên lắp camera giám sát.\n")
    assert keys(found) == [(100, None, True, "=", None, None, None)]


def test_a_growth_rate_is_an_increase(tmp_path):
    found = read(tmp_path, "- Tốc độ tăng trưởng giá trị sản xuất công nghiệp đạt 12% trở lên.\n")
    assert keys(found) == [(12, None, True, ">=", "increase", None, None)]


def test_ocr_misread_abbreviation_does_not_hide_the_target(tmp_path):
    """Scans of seed 000 read 'ANTT' as 'ANTO': the abbreviation is left as OCR gave it, the target stays."""
    found = read(
        tmp_path,
        "2. Mục tiêu\n- Kéo giảm ít nhất 5% số vụ phạm pháp về ANTO so với năm trước; "
        "phong trào toàn dân bảo vệ ANTO được củng cố.\n",
    )
    assert [(t.value, t.unit, t.change, t.recurrence) for t in found] == [(5, "%", "decrease", "yearly")]
    assert "ANTO" in found[0].evidence.quote


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Thương binh bị suy giảm khả năng lao động do thương tật từ 81% trở lên đang hưởng trợ cấp hằng tháng.",
        "2. Hoàn thành tốt: Là những cơ quan, đơn vị đạt từ 85 điểm đến dưới 95 điểm.",
        "b) Cấm lưu thông các xe tải có khối lượng toàn bộ trên 3.500 kg trong giờ cao điểm.",
        "2. Trong trường hợp học trực tuyến, mức học phí bằng 75% mức học phí quy định tại khoản 1.",
        "- Vốn ngoài ngân sách dự kiến 10%-15% tổng vốn đầu tư.",
        "3. Về việc hỗ trợ 20 xe ô tô chuyên dùng: Bộ Y tế xem xét, giải quyết theo quy định.",
        "Mưa lũ làm trên 80.000 ha lúa, hoa màu bị thiệt hại.",
        "Triển khai Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội” trên địa bàn tỉnh.",
        "Chỉ số sản xuất công nghiệp tăng 26,94% so với cùng kỳ.",
        "Đổi mới trên 4 ngành công nghiệp chính: cảng biển, hậu cần, cơ khí, điện tử.",
    ],
)
def test_figures_outside_a_commitment_are_no_targets(tmp_path, sentence):
    """A class defined, a prohibition, a case of a rule, an estimate, the topic of a reply, a damage, a name in
    quotes, a result against the same period, a count that opens a list: none sets a level to reach."""
    assert read(tmp_path, f"1. Nhiệm vụ, giải pháp\n{sentence}\n", issued_on="2025-03-01") == []


def test_a_replys_topic_runs_to_its_colon_over_a_line_kept_apart(tmp_path):
    """VPCP 648/TB-VPCP printed at 100, 150 and 200 dpi: the reader kept the topic's second line apart ('(đảm bảo'
    opens no paragraph but the line was not joined), so the topic's figure stood past the end of the 'Về' line and
    read as a target; the topic runs to its colon. A line that is no topic keeps its target."""
    text = (
        "1. Nhiệm vụ, giải pháp\n"
        "3. Về bố trí các nguồn lực đầu tư cho ngành Giáo dục và Đào tạo tỉnh Điện Biên\n"
        "(đảm bảo tỷ lệ phòng học, phòng công vụ, phòng nội trú/bán trú được kiên cố hóa đạt 100%): Giao Bộ Giáo dục "
        "và Đào tạo chủ trì, phối hợp với Bộ Tài chính nghiên cứu kiến nghị của tỉnh.\n"
        "4. Đảm bảo tỷ lệ phòng học được kiên cố hóa đạt 100%: Giao Bộ Giáo dục và Đào tạo chủ trì.\n"
    )
    found = read(tmp_path, text, issued_on="2025-11-20")
    assert [(t.value, t.evidence.quote[:9]) for t in found] == [(100, "4. Đảm bả")]


@pytest.mark.parametrize(
    "sentence, value, change",
    [
        ("Phấn đấu kéo giảm ít nhất 10% số người bị tai nạn giao thông.", 10, "decrease"),
        ("Bảo đảm 100% trẻ em bị xâm hại được hỗ trợ, can thiệp kịp thời.", 100, None),
        ("Tỷ lệ hồ sơ được giải quyết đúng hạn đạt 98% trở lên.", 98, None),
    ],
)
def test_goals_about_what_befell_people_stay_targets(tmp_path, sentence, value, change):
    found = read(tmp_path, f"1. Mục tiêu năm 2025\n- {sentence}\n", issued_on="2025-03-01")
    assert [(t.value, t.change) for t in found] == [(value, change)]


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Mức thu phí thẩm định là 1.000.000 đồng/phòng, nhưng tổng mức thu không quá 6.000.000 đồng/giấy phép.",
        "b) Khối lượng công việc yêu cầu phải bố trí từ 15 biên chế công chức trở lên.",
        "- Các đầu phun được đặt cách nhau không quá 2 m từ phía các gian phòng.",
        "a) Tỷ lệ phần trăm tính đơn giá thuê đất một năm là từ 0,25% đến 3%.",
        "1 Đối với cụm nhiệm vụ, liệt kê tên các nhiệm vụ thành phần.",
    ],
)
def test_norms_and_conditions_of_rules_are_no_targets(tmp_path, sentence):
    """A decree's fee, staffing threshold, safety distance or rate, a footnote number: no commitment to reach."""
    assert read(tmp_path, f"Điều 3. Quy định chung\n{sentence}\n", issued_on="2025-03-01") == []


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("- Bảo đảm 100% thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình.", 100),
        ("- Mỗi đơn vị tổ chức ít nhất 02 đợt cao điểm tấn công trấn áp tội phạm.", 2),
        ("- Tập trung truy bắt đối tượng truy nã; 100% tố giác, tin báo tội phạm được tiếp nhận, xử lý.", 100),
    ],
)
def test_commitments_without_a_year_or_a_goal_heading_stay_targets(tmp_path, sentence, value):
    found = read(tmp_path, f"3. Nhiệm vụ, giải pháp\n{sentence}\n", issued_on="2025-03-01")
    assert [t.value for t in found] == [value]


def test_the_web_pages_text_around_the_document_sets_no_target(tmp_path):
    """A web-page conversion: the site's summary above the letterhead and its own text below the
    document (related documents, the publisher's address, staff) hold figures that are no targets."""
    text = (
        "Tóm tắt: kế hoạch phấn đấu đến năm 2030 tỷ lệ hộ dùng nước sạch đạt 99%.\n"
        "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 15/KH-UBND\tĐộc lập - Tự do - Hạnh phúc\n"
        "KẾ HOẠCH\n"
        "I. MỤC TIÊU\n"
        "Đến năm 2030, tỷ lệ hộ gia đình sử dụng nước sạch đạt 98%.\n"
        "Nơi nhận:\n"
        "- Như trên;\n"
        "VĂN BẢN LIÊN QUAN\n"
        "Mục tiêu năm nay: đạt 250 nhân sự làm việc trực tuyến, tăng 20% so với năm trước.\n"
    )
    found = read(tmp_path, text)
    assert [(t.value, t.year) for t in found] == [(98.0, 2030)]


def test_rules_rates_and_conditions_of_a_policy_are_not_targets(tmp_path):
    """A policy decision's figures say who qualifies and what they get: none is a level to reach."""
    found = read(
        tmp_path,
        (
            "Điều 3. Mức hỗ trợ\n"
            "1. Giảm 70% tiền sử dụng đất cho các đối tượng là: thương binh có tỷ lệ tổn thương cơ thể từ 61% trở lên.\n"
            "2. Người có tỷ lệ suy giảm khả năng lao động do bệnh tật từ 81% trở lên được hỗ trợ 2.000.000 đồng/người.\n"
            "3. Hộ phải di chuyển chỗ ở thì được hỗ trợ thêm 500.000 đồng cho mỗi khẩu tăng thêm.\n"
            "4. Ngân sách tỉnh hỗ trợ 50%, ngân sách xã hỗ trợ 40% chi phí xây dựng.\n"
            "5. Người dự tuyển trả lời đúng từ 50% số câu hỏi trở lên thì được tham dự vòng 2.\n"
            "6. Hỗ trợ 6.000.000 đồng nếu khoảng cách di chuyển từ 50 km trở lên.\n"
            "7. Trường hợp đất bị hạn chế khả năng sử dụng thì mức bồi thường không vượt quá 50% giá đất.\n"
            "8. Thôn đội trưởng được hưởng thêm 100% phụ cấp chức vụ khi kiêm nhiệm.\n"
        ),
        "2024-05-10",
    )
    assert found == []


def test_a_goal_stays_a_target_beside_the_rules(tmp_path):
    """The same words that mark a rule do not silence a goal: a change is a goal in any case, and
    'hỗ trợ 100% hộ nghèo' counts the supported."""
    found = read(
        tmp_path,
        (
            "2. Mục tiêu năm 2025\n"
            "- Tụ điểm phức tạp về ma túy: nếu có giảm ít nhất 50% so với năm trước.\n"
            "- Hỗ trợ 100% hộ nghèo có nhu cầu về nhà ở được cải thiện chỗ ở.\n"
        ),
        "2025-01-10",
    )
    assert [(t.value, t.change, t.year) for t in found] == [(50.0, "decrease", 2025), (100.0, None, 2025)]


def test_a_goal_restated_is_one_target(tmp_path):
    """A goal named again ('hoàn thành mục tiêu 3.000 km') or printed again in the same words is one target; a
    criterion printed twice is two."""
    found = read(
        tmp_path,
        (
            "1. Phấn đấu tăng trưởng kinh tế năm 2025 đạt trên 8% và hoàn thành trên 3.000 km đường bộ cao tốc.\n"
            "2. Bộ Xây dựng đôn đốc các chủ đầu tư, góp phần hoàn thành mục tiêu 3.000 km đường bộ cao tốc.\n"
            "3. Các bộ, ngành tiếp tục triển khai các giải pháp, phấn đấu tăng trưởng kinh tế năm 2025 đạt trên 8% và "
            "hoàn thành các chỉ tiêu của năm.\n"
        ),
        "2025-03-01",
    )
    assert [(t.value, t.unit) for t in found] == [(8.0, "%"), (3000.0, "km")]


def test_what_follows_a_count_must_be_a_noun_it_counts(tmp_path):
    """'2026 và …', '1/500 theo …' and 'Vành đai 3 Thành phố …' count nothing; '1.700km' counts kilometres."""
    found = read(
        tmp_path,
        (
            "Phấn đấu hoàn thành khoảng 1.700km đường ven biển trong năm 2025, phục vụ dịp Tết dương lịch 2026 và "
            "Tết Nguyên đán; hoàn thành quy hoạch 1/500 theo quy định và dự án Vành đai 3 Thành phố Hồ Chí Minh.\n"
        ),
        "2025-03-01",
    )
    assert [(t.value, t.unit, t.year) for t in found] == [(1700.0, "km", 2025)]


def test_targets_under_a_vision_heading_take_its_year(tmp_path):
    """'c) Tầm nhìn đến năm 2035' dates the targets below it; a title ending with a horizon dates none."""
    found = read(
        tmp_path,
        (
            "I. MỤC TIÊU\n"
            "1. Mục tiêu chung\n"
            "Chuyển đổi số giai đoạn 2026 - 2030, tầm nhìn đến năm 2045.\n"
            "2. Mục tiêu cụ thể\n"
            "a) Đến năm 2030\n"
            "- 100% hồ sơ được xử lý trên môi trường điện tử.\n"
            "b) Tầm nhìn đến năm 2035\n"
            "- Hoàn thành 100% chuyển đổi số toàn diện trong các hoạt động quản lý.\n"
        ),
        "2025-09-01",
    )
    assert [(t.value, t.year) for t in found] == [(100.0, 2030), (100.0, 2035)]


def test_a_count_as_of_a_past_day_is_a_fact(tmp_path):
    found = read(
        tmp_path,
        "Đến ngày 23/9/2013 mới có 29 tỉnh phê duyệt đề án; đề nghị hoàn thành hỗ trợ cho 200 hộ trước ngày 31/12/2013.\n",
        "2013-10-23",
    )
    assert [(t.value, t.year) for t in found] == [(200.0, 2013)]


def test_a_count_of_those_a_task_is_for(tmp_path):
    """'hỗ trợ về nhà ở cho khoảng 71.000 hộ': a task verb, what it gives, then 'cho' and whom it is for."""
    found = read(
        tmp_path,
        (
            "Để hoàn thành việc hỗ trợ về nhà ở cho khoảng 71.000 hộ gia đình người có công trong năm 2013, "
            "đề nghị các tỉnh đào tạo nghề cho ít nhất 1.000 lao động nông thôn.\n"
        ),
        "2013-10-23",
    )
    assert [(t.value, t.comparator, t.unit, t.year) for t in found] == [
        (71000.0, "=", "hộ gia đình", 2013),
        (1000.0, ">=", "lao động", 2013),
    ]


def test_a_sentence_opening_with_a_year_to_reach_sets_its_counts(tmp_path):
    """'Đến năm 2027, toàn tỉnh có 50 xã đạt chuẩn': its counts are goals; 'Năm 2026, lấy 240 mẫu nước' schedules
    work whose quantities are none (notes-B)."""
    found = read(
        tmp_path,
        (
            "Đến năm 2027, toàn tỉnh có 50 xã đạt chuẩn nông thôn mới nâng cao.\n"
            "Năm 2026, lấy 240 mẫu nước tại các điểm quan trắc.\n"
        ),
        "2025-05-01",
    )
    assert [(t.value, t.unit, t.year) for t in found] == [(50.0, "xã", 2027)]


def test_a_conclusion_notices_general_assessment_reports_the_past(tmp_path):
    """Part I of a Government Office conclusion notice ('I. ĐÁNH GIÁ CHUNG') is full of results (notes-A, notes-E);
    the tasks part sets the goals."""
    found = read(
        tmp_path,
        (
            "I. ĐÁNH GIÁ CHUNG\n"
            "Tốc độ tăng trưởng GRDP 9 tháng đầu năm 2025 đạt 8,19%; thu ngân sách đạt 104,24% dự toán.\n"
            "II. NHIỆM VỤ TRỌNG TÂM\n"
            "1. Phấn đấu tăng trưởng kinh tế năm 2025 đạt trên 8%.\n"
        ),
        "2025-11-20",
    )
    assert [(t.value, t.year) for t in found] == [(8.0, 2025)]


def test_task_verbs_that_deliver_a_count(tmp_path):
    found = read(
        tmp_path,
        (
            "Đưa vào sử dụng 3 bệnh viện tuyến tỉnh trong năm 2026.\n"
            "Xóa 5.000 căn nhà tạm, nhà dột nát trong năm 2026.\n"
            "Tạo việc làm mới cho 30.000 lao động năm 2026.\n"
        ),
        "2025-11-20",
    )
    assert [(t.value, t.year) for t in found] == [(3.0, 2026), (5000.0, 2026), (30000.0, 2026)]


# 144/KH-UBND Bắc Ninh (2025), as the corpus's web-page conversion prints it: a goal heading over a share, and the
# appendix that repeats the goals in a table whose every '|' stands on a line of its own, under its title
BAC_NINH_GOALS = """**II. MỤC TIÊU**

**1. Phát triển
kinh tế số đến năm 2030**

- Kinh tế số chiếm 45% GRDP tỉnh.

- Tỷ lệ doanh nghiệp có hoạt động
đổi mới sáng tạo đạt tối thiểu 40%.
"""
BAC_NINH_APPENDIX = """**PHỤ LỤC**

PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ SỐ,
XÃ HỘI SỐ ĐẾN NĂM 2030

*(Ban hành kèm theo Kế hoạch số 144/KH-UBND ngày 24 tháng 11 năm 2025 của
UBND tỉnh Bắc Ninh)*

|
**TT**
|
**Chỉ tiêu**
|
**Chủ trì**
|
|
|
**I. Kinh
tế số**
|
|
|
1
|
Kinh tế số chiếm 45% GRDP tỉnh.
|
Sở Tài chính
|
|
3
|
Tỷ lệ doanh nghiệp vừa và nhỏ
địa phương ứng dụng công nghệ số đạt 60%
|
Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo cáo chỉ tiêu
|
|
4
|
Tỷ lệ doanh nghiệp có hoạt động
đổi mới sáng tạo đạt tối thiểu 40%
|
Sở Khoa học và Công nghệ
|
"""


def test_a_share_under_a_goal_heading_is_a_target(tmp_path):
    found = read(tmp_path, BAC_NINH_GOALS, issued_on="2025-11-24", province="Bắc Ninh")
    assert keys(found) == [(45, None, True, "=", None, 2030, None), (40, None, True, ">=", None, 2030, None)]


def test_a_share_that_reports_is_no_target(tmp_path):
    # the 2026 budget plan of Cà Mau (corpus tn-9b7eebadf7081069), its assessment of 2025: the shares are results
    text = (
        "- Tốc độ tăng trưởng kinh tế của\ntỉnh năm 2025 ước đạt 8% so cùng kỳ. Cơ cấu kinh tế có sự\n"
        "chuyển dịch tích cực, tổng giá trị sản phẩm trong tỉnh *(GRDP) *theo giá\n"
        "hiện hành ước đạt 172.033 tỷ đồng, trong đó: Khu vực nông, lâm nghiệp và thuỷ sản\n"
        "chiếm 34,86%, công nghiệp - xây dựng chiếm 24,23% và dịch vụ chiếm 36,49% trong\nGRDP.\n"
    )
    assert read(tmp_path, text, issued_on="2025-11-24", province="Cà Mau") == []


def test_goal_table_in_an_appendix_takes_the_year_of_its_title(tmp_path):
    found = read(tmp_path, BAC_NINH_APPENDIX, issued_on="2025-11-24", province="Bắc Ninh")
    assert keys(found) == [
        (45, None, True, "=", None, 2030, None),
        (60, None, True, "=", None, 2030, None),
        (40, None, True, ">=", None, 2030, None),
    ]
    assert [t.criterion for t in found] == [1, 3, 4]
    assert [t.evidence.quote for t in found] == [
        "Kinh tế số chiếm 45% GRDP tỉnh.",
        "Tỷ lệ doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số đạt 60%",
        "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%",
    ]


def test_goals_printed_in_the_body_and_again_in_the_appendix_count_twice(tmp_path):
    found = read(tmp_path, BAC_NINH_GOALS + "\n" + BAC_NINH_APPENDIX, issued_on="2025-11-24", province="Bắc Ninh")
    assert [(t.value, t.year, t.criterion) for t in found] == [
        (45, 2030, None),
        (40, 2030, None),
        (45, 2030, 1),
        (60, 2030, 3),
        (40, 2030, 4),
    ]


def test_a_standards_classification_table_sets_no_targets(tmp_path):
    # a national technical regulation on satellite images (corpus tn-c257b50e82ec95ef): the grades are norms
    text = (
        "**STT**\n|\n**Chỉ số**\n**Tiêu chí**\n|\n**Ảnh tốt**\n|\n**Ảnh bị ảnh** **hưởng**\n|\n**Ảnh không** **đạt**\n"
        "|\n|\n1\n|\nĐúng vùng chụp\n|\nLớn hơn 95% bao phủ theo yêu\ncầu\n|\nTừ 50% tới 95% bao phủ theo\nyêu cầu\n|\n"
        "Nhỏ hơn 50% bao phủ theo yêu\ncầu\n|\n|\n4\n|\nẢnh bị mất dữ liệu, nhiễu\n|\nNhỏ hơn 5% ảnh\n|\nTừ 5% tới 50% ảnh\n"
        "|\nTrên 50% ảnh\n|\n"
    )
    assert read(tmp_path, text, issued_on="2024-06-10") == []


def test_goal_table_with_a_value_column_reads_the_value_not_the_indicators_name(tmp_path):
    # a Government decision on digital government (corpus tn-2edf5927c71bc4c1), its appendix of indicators
    text = (
        "PHỤ LỤC I\nDANH MỤC CÁC CHỈ TIÊU CỤ THỂ\n\n|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Đơn vị**\n|\n**Kết quả**\n|\n"
        "**Cơ quan chủ trì theo dõi, đánh giá**\n|\n|\n"
        "3\n|\nTỉ lệ hệ thống thông tin được kết nối, chia sẻ dữ\nliệu qua dịch vụ chia sẻ dữ liệu.\n|\n%\n|\n100%\n|\n"
        "Bộ Công an\n|\n|\n"
        "4\n|\nTỉ lệ cơ quan, tổ chức sử dụng ít nhất 01 ứng dụng\nAI để phục vụ công tác chỉ đạo, điều hành.\n|\n%\n|\n"
        "90%\n|\nBộ Khoa học và\nCông nghệ\n|\n"
    )
    found = read(tmp_path, text, issued_on="2025-10-01", province=None)
    assert keys(found) == [(100, None, True, "=", None, None, None), (90, None, True, "=", None, None, None)]
    assert [t.criterion for t in found] == [3, 4]
    assert found[1].subject.startswith("Tỉ lệ cơ quan, tổ chức sử dụng ít nhất 01 ứng dụng AI")


def test_the_size_of_the_annex_a_decision_adopts_is_no_target(tmp_path):
    """tn-82483d7fa7f7a186 (Trung tâm Phục vụ hành chính công thành phố Hà Nội) and tn-f7f2733d47a603dc (Ủy ban
    nhân dân tỉnh Nghệ An): 'giải quyết 02 thủ tục hành chính' counts what the annex holds, a count that
    describes the text."""
    text = (
        "Điều 1. Phê duyệt kèm theo Quyết định này Quy trình nội bộ, Quy trình điện tử giải quyết 02 thủ tục hành "
        "chính mới ban hành, được sửa đổi, bổ sung lĩnh vực tín ngưỡng, tôn giáo.\n"
    )
    assert read(tmp_path, text, issued_on="2025-10-01") == []


def test_as_soon_as_possible_is_no_permission_and_a_goal_verb_ends_what_befell(tmp_path):
    """tn-5dbaef1b7c77d06c (Thủ tướng Chính phủ, Công điện 229): 'sớm nhất có thể' is 'as soon as possible' (the
    form is also in Công điện 223 and 227 and in 161/2025/QĐ-UBND Ninh Bình: 'nhanh nhất có thể', 'tối đa nhất có
    thể'), not the permission 'có thể'; and 'phấn đấu', like 'đạt', ends the phrase of what befell ('vùng bị bão
    lũ'). A permission and a damage stay no goals."""
    text = (
        "1. Khôi phục sinh kế cho người dân vùng bị bão lũ trong thời gian sớm nhất có thể, đẩy mạnh phục hồi sản "
        "xuất kinh doanh, trước mắt là phấn đấu tăng trưởng cả nước năm 2025 trên 8%; tạo nền tảng vững chắc.\n"
        "2. Cơ quan quản lý có thể thay đổi vị trí lấy mẫu trong 01 vùng nuôi.\n"
        "3. Có 120 hộ bị thiệt hại trên 70% diện tích lúa.\n"
    )
    assert keys(read(tmp_path, text, issued_on="2025-11-26")) == [(8.0, None, True, ">", None, 2025, None)]


# Decree cb-file_data_7 (Chính phủ), resolution tn-0abcf1a5292b3 (HĐND thành phố Huế), decree tn-c22591f10eec1
# (Chính phủ): figures of rules, with no time to reach them by
RULE_FIGURES = (
    "1. Các khoản chi tại khoản này không được vượt quá 5% tổng số thu của Quỹ Đền ơn đáp nghĩa từng cấp.\n"
    "2. Ngân sách thành phố hỗ trợ 50%;\n"
    "ngân sách xã/phường hỗ trợ 40% và các nguồn xã hội hoá khác là 10%.\n"
    "3. Nguyên tắc giới thiệu và lựa chọn: Mỗi thành viên tham dự hội nghị giới thiệu 01 người cho 01 vị trí chức vụ.\n"
)


@pytest.mark.parametrize("kind", ["Nghị định", "Nghị quyết", "Quyết định"])
def test_figures_of_a_rule_making_kind_without_a_time_are_norms(tmp_path, kind):
    assert read(tmp_path, RULE_FIGURES, issued_on="2025-06-30", kind=kind) == []


def test_a_rule_making_kind_keeps_goals_with_a_time_or_a_goal_word(tmp_path):
    found = read(
        tmp_path,
        RULE_FIGURES
        + "4. Phấn đấu 100% hồ sơ được giải quyết đúng hạn.\n"
        + "5. Tỷ lệ hộ nghèo giảm 1,5% mỗi năm; đến năm 2030 tỷ lệ che phủ rừng đạt 47%.\n",
        issued_on="2025-06-30",
        kind="Nghị quyết",
    )
    assert [(t.value, t.year, t.recurrence) for t in found] == [
        (100, None, None),
        (1.5, None, "yearly"),
        (47, 2030, None),
    ]


# Decree cb-file_data_7 (consolidated by Bộ Lao động - Thương binh và Xã hội), decree tn-4ea650b6faa46d71 (Chính phủ,
# Nghị định 16/2025/NĐ-CP): a rule's cap and floor on a periodic sum
PERIODIC_NORMS = (
    "Các khoản chi tại khoản này không được vượt quá 5% tổng số thu hằng năm của Quỹ Đền ơn đáp nghĩa từng cấp.\n"
    '"2. Đối với Thôn đội trưởng: Mức hưởng phụ cấp hằng tháng do Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân'
    ' cùng cấp quyết định nhưng không thấp hơn 1.170.000 đồng".\n'
)


def test_a_periodic_figure_of_a_rule_making_kind_is_a_norm_unless_it_changes_something(tmp_path):
    assert read(tmp_path, PERIODIC_NORMS, issued_on="2025-02-05", kind="Nghị định") == []
    periodic_goal = "Tỷ lệ hộ nghèo giảm 1,5% mỗi năm.\n"
    found = read(tmp_path, PERIODIC_NORMS + periodic_goal, issued_on="2025-02-05", kind="Nghị định")
    assert [(t.value, t.change, t.recurrence) for t in found] == [(1.5, "decrease", "yearly")]
    assert [t.value for t in read(tmp_path, PERIODIC_NORMS, kind="Kế hoạch")] == [5, 1170000]


# Resolution tn-0abcf1a5292b31ec (Hội đồng nhân dân thành phố Huế), decision cb-file_data_40 (Quyết định
# 22/2013/QĐ-TTg, Thủ tướng Chính phủ): a cost split between payers, whatever kind of text restates it
COST_SPLIT = (
    "Ngân sách thành phố hỗ trợ 50%; ngân sách xã/phường hỗ trợ 40% và các nguồn xã hội hoá khác là 10%; riêng 05 xã"
    " A Lưới 1, A Lưới 2, A Lưới 3, A Lưới 4, A Lưới 5 ngân sách thành phố hỗ trợ 80%, ngân sách xã hỗ trợ 10% và các"
    " nguồn xã hội hóa khác là 10%.\n"
    "b) Đối với địa phương có khó khăn về ngân sách, phải nhận bổ sung cân đối từ ngân sách trung ương từ 50% - 70% dự"
    " toán chi cân đối ngân sách địa phương năm 2012 thì ngân sách trung ương hỗ trợ 95%, ngân sách địa phương hỗ trợ"
    " 5% theo mức quy định;\n"
)


@pytest.mark.parametrize("kind", ["Kế hoạch", "Công văn", None])
def test_shares_of_a_cost_split_between_payers_are_no_targets(tmp_path, kind):
    assert read(tmp_path, COST_SPLIT, issued_on="2025-06-30", kind=kind) == []
    supported = "Hỗ trợ 100% hộ nghèo có nhu cầu được vay vốn.\n"
    assert [t.value for t in read(tmp_path, COST_SPLIT + supported, kind="Kế hoạch")] == [100]


def test_a_plan_keeps_figures_without_a_time(tmp_path):
    text = "Hỗ trợ 100% hộ nghèo có nhu cầu được vay vốn.\n"
    assert [t.value for t in read(tmp_path, text, kind="Kế hoạch")] == [100]
    assert read(tmp_path, text, kind="Quyết định") == []


def test_a_level_still_to_reach_inside_a_report_on_the_current_year(tmp_path):
    """tn-9b7eebadf7081069 (Ủy ban nhân dân tỉnh Cà Mau, issued 24/11/2025): under 'I. TÌNH HÌNH THỰC HIỆN DỰ
    TOÁN NGÂN SÁCH NĂM 2025' the estimates are results, but 'phấn đấu đạt 100% kế hoạch' is still to reach."""
    found = read(
        tmp_path,
        (
            "**I. TÌNH HÌNH THỰC HIỆN DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2025**\n\n"
            "*a) Chi đầu tư phát triển: *Ước\nthực hiện cả năm 5.817,196 tỷ đồng/5.937,440 tỷ đồng, đạt 97,97% kế "
            "hoạch; cụ\nthể:\n\n"
            "- Chi đầu tư từ nguồn vốn xây dựng\ncơ bản tập trung phấn đấu đạt 100% kế hoạch.\n\n"
            "- Chi đầu tư từ nguồn thu tiền\nsử dụng đất 560 tỷ đồng/690 tỷ đồng, ước đạt 81,16% kế hoạch.\n"
        ),
        issued_on="2025-11-24",
        province="Cà Mau",
    )
    assert [(t.value, t.unit, t.year) for t in found] == [(100.0, "%", 2025)]


def test_figures_under_a_forecast_heading_are_no_targets(tmp_path):
    """tn-9b7eebadf7081069 (Ủy ban nhân dân tỉnh Cà Mau, Kế hoạch tài chính - ngân sách nhà nước 03 năm 2026 -
    2028): the indicators under 'II. DỰ BÁO …' are the forecast the budget is built on, not a body's goals."""
    found = read(
        tmp_path,
        (
            "**II. DỰ BÁO\nCÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 03 NĂM 2026 - 2028, CƠ CẤU THU, CHI VÀ KHUNG CÂN\n"
            "ĐỐI NGÂN SÁCH TỔNG THỂ CỦA ĐỊA PHƯƠNG 03 NĂM 2026 - 2028**\n\n"
            "**1. Dự báo\ncác chỉ tiêu kinh tế - xã hội đến năm 2026**\n\n"
            "- Tổng vốn đầu tư xã hội đạt\nkhoảng 270.000 tỷ đồng.\n\n"
            "- Giải quyết việc làm cho khoảng\n59.000 người.\n"
        ),
        issued_on="2025-11-24",
        province="Cà Mau",
    )
    assert found == []
    task_heading = read(
        tmp_path,
        (
            "**II. DỰ BÁO, CẢNH BÁO THIÊN TAI**\n\n**1. Nội dung**\n\n"
            "- Đến năm 2030, 100% người dân được cảnh báo sớm thiên tai.\n"
        ),
        issued_on="2025-11-24",
    )
    assert [(t.value, t.year) for t in task_heading] == [(100.0, 2030)]


def test_period_a_sentence_opens_with_dates_its_targets_but_no_deadline(tmp_path):
    """Bắc Ninh tn-09daab284f92e2dd (the range wrapped at its dash, as printed) and Thái Nguyên tn-ceb89a53c7b93f00
    (joined onto one line): a sentence that opens with 'Trong giai đoạn A - B' reaches its figures by B."""
    text = (
        "II. MỤC TIÊU\n\n**4. **Trong giai đoạn 2026\n- 2030 phấn đấu có ít nhất 10% đội ngũ cán bộ, công chức xây"
        " dựng chính sách,\npháp luật từ nguồn thu hút, tuyển dụng.\n\n"
        "Trong giai đoạn 2026 - 2030, Đảm bảo xây dựng trạm BTS 5G đạt 100% và triển khai một số ứng dụng IoT"
        " cơ bản tại các KCN trọng điểm của tỉnh.\n"
    )
    found = read(tmp_path, text, issued_on="2025-10-01")
    assert keys(found) == [(10, None, True, ">=", None, 2030, None), (100, None, True, "=", None, 2030, None)]
    path = tmp_path / "doc.txt"
    meta = DocumentMeta(issued_on="2025-10-01", jurisdiction=Jurisdiction(province="Bắc Ninh"))
    assert deadlines.extract(segment(load_document(path)), meta) == []  # a planning horizon, no due (CONVENTIONS)


def test_a_goal_the_document_contributes_to_is_not_its_own(tmp_path):
    """Đắk Lắk tn-826ed569ec2ddaa1 and Chính phủ tn-50f694478a35aefd, quoted: 'góp phần đạt mục tiêu …' names a
    higher level's goal (or one set before), the province's own 8% stays a target."""
    text = (
        "Để tiếp tục tháo gỡ các khó khăn, vướng mắc trong\nphát triển kinh tế - xã hội, giải ngân vốn đầu tư công"
        " và thực hiện chính quyền\nđịa phương 02 cấp, đạt được mục tiêu tăng trưởng kinh tế 8% trong năm 2025 của\n"
        "Tỉnh và góp phần đạt mục tiêu tăng trưởng kinh tế từ 8,3 - 8,5% của cả nước, tỉnh\nĐắk Lắk cần tiếp tục"
        " thực hiện quyết liệt.\n\n"
        "b) Giao đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ\nđạo kiểm tra, rà soát, tháo gỡ các khó khăn, vướng"
        " mắc, bảo đảm thông xe kỹ thuật năm 2025 góp phần\nhoàn thành mục tiêu 3.000 km đường bộ cao tốc.\n"
    )
    found = read(tmp_path, text, issued_on="2025-09-15", province="Đắk Lắk")
    assert keys(found) == [(8, None, True, "=", None, 2025, None)]


def test_a_count_naming_the_set_a_notice_is_about_is_no_target(tmp_path):
    # tn-75a0867a09525909 (Thông báo 637/TB-VPCP): 'the two projects', named first in the narration of the visit
    found = read(
        tmp_path,
        (
            "Sau khi kiểm tra thực tế, nghe Lãnh đạo Bộ Y tế báo cáo tiến độ triển khai thực hiện 02 công trình dự án, "
            "Phó Thủ tướng Chính phủ kết luận như sau:\n"
            "(2) Đồng chí Bộ trưởng Bộ Y tế trực tiếp chỉ đạo rà soát kỹ tiến độ các công việc, hạng mục còn lại cần "
            "triển khai thực hiện để hoàn thành 02 công trình dự án trong năm 2025.\n"
        ),
        issued_on="2025-10-20",
    )
    assert keys(found) == []


def test_a_goal_restated_word_for_word_stays_a_target(tmp_path):
    # tn-bffd9da6f0d38031: the same goal in the plan's objectives and again in its tasks
    found = read(
        tmp_path,
        (
            "Phấn đấu đến năm 2030 diện tích rừng ngập mặn ven biển của tỉnh đạt 1.700 ha.\n"
            "- Phục hồi và phát triển rừng ngập mặn, diện tích rừng ngập mặn đến năm 2030 đạt 1.700 ha.\n"
        ),
        issued_on="2025-06-10",
    )
    assert keys(found) == [(1700, None, False, "=", None, 2030, None)] * 2


def test_a_striving_governs_the_later_items_of_its_list(tmp_path):
    """Cần Thơ tn-a83fffe08d7aeed7, quoted: 'Phấn đấu …; tỷ số giới tính khi sinh dưới 109 …; …' — the goal word of a
    ';' list reaches its later items (also Bắc Ninh's 'Phấn đấu năm 2025: …; ít nhất 80% …', Hà Tĩnh
    tn-69db23c781b2e9aa); a count inside the noun phrase a percent counts ('70% phụ nữ mang thai được tầm soát ít
    nhất 4 loại bệnh') says which things the share is of and is no target of its own."""
    text = (
        "Trong đó, tập trung các giải pháp để phấn đấu đạt và duy trì mức sinh thay\nthế, chăm sóc sức khỏe người cao"
        " tuổi, thích ứng với già hóa dân số và nâng cao\nchất lượng dân số, cụ thể: Phấn đấu tổng tỷ suất sinh đạt"
        " 2,1 con/phụ nữ; tỷ số\ngiới tính khi sinh dưới 109 bé trai/100 bé gái sinh ra sống; tỷ lệ trẻ em dưới\n15"
        " tuổi đạt khoảng 22%; 70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh tật bẩm\nsinh phổ biến nhất; 90%"
        " trẻ sơ sinh được tầm soát ít nhất 5 bệnh bẩm sinh phổ\nbiến nhất;\n"
    )
    found = read(tmp_path, text, issued_on="2025-11-21", province="Cần Thơ", kind="Kế hoạch")
    assert [(t.value, t.unit == "%", t.comparator) for t in found] == [
        (2.1, False, "="),
        (109, False, "<"),
        (22, True, "="),
        (70, True, "="),
        (90, True, "="),
    ]


def test_a_goal_heading_that_names_a_period_dates_its_targets_but_gives_no_deadline(tmp_path):
    """notes-adjud6 class 7: a target whose own sentence or heading prints its period is reached by the period's last
    year, a horizon, so no deadline; a heading that only names a programme of a period dates nothing."""
    text = (
        "II. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển du lịch thành ngành kinh tế mũi nhọn.\n"
        "2. Mục tiêu cụ thể giai đoạn 2026 - 2030\n- Tổng lượt khách đạt 10 triệu lượt.\n"
        "- 100% khu du lịch được kết nối internet tốc độ cao.\n"
        "3. Mục tiêu về hạ tầng\na) Giai đoạn 2026 - 2028\n- 80% tuyến đường du lịch được nâng cấp.\n"
        "III. NHIỆM VỤ\n1. Thực hiện Chương trình mục tiêu quốc gia giai đoạn 2026 - 2030\n"
        "- Phấn đấu 90% cơ sở lưu trú được xếp hạng.\n"
    )
    found = read(tmp_path, text, issued_on="2025-10-01", kind="Kế hoạch")
    assert [(t.value, t.year) for t in found] == [(10, 2030), (100, 2030), (80, 2028), (90, None)]
    meta = DocumentMeta(kind="Kế hoạch", issued_on="2025-10-01", jurisdiction=Jurisdiction(province="Khánh Hòa"))
    assert deadlines.extract(segment(load_document(tmp_path / "doc.txt")), meta) == []


@pytest.mark.parametrize(
    "item, value",
    [
        ("a) Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm 1,5%.", 1.5),
        ("b) Tỷ lệ tái nghiện tối đa 20%.", 20),
        ("c) Đa dạng hóa sản phẩm, phấn đấu 100% xã có sản phẩm OCOP.", 100),
        ("d) Tỷ lệ hộ nghèo đã giảm 1,5%.", None),  # 'đã', with its tone mark, reports the past
    ],
)
def test_the_past_marker_da_is_read_with_its_tone_mark(tmp_path, item, value):
    """Folded, 'đã' is also the 'đa' of 'nghèo đa chiều', 'tối đa', 'đa dạng', which report nothing."""
    found = read(tmp_path, f"II. CHỈ TIÊU\n{item}\n", issued_on="2025-10-01", kind="Kế hoạch")
    assert [t.value for t in found] == ([value] if value is not None else [])


def test_a_permission_sets_no_target(tmp_path):
    """'được phép' before a figure permits, it commits no one (Hà Nội tn-58afeb4af978fe53, quoted); the licensed
    'tổ chức được phép khác' of a goal is a noun phrase (Bắc Ninh tn-ad5aff6c13929815, quoted)."""
    text = (
        "II. MỤC TIÊU\n- Hệ số sử dụng đất được phép điều chỉnh tăng tối đa không quá 1,5 lần so với quy định.\n"
        "- Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác"
        " đạt 95%.\n"
    )
    found = read(tmp_path, text, issued_on="2025-10-01", kind="Kế hoạch")
    assert [t.value for t in found] == [95]


def test_a_decision_that_adopts_a_plan_is_read_as_the_plan(tmp_path):
    """A decision's kind makes its unmarked figures norms, but one that adopts a plan ('Về việc ban hành Kế hoạch …',
    Cần Thơ's 412/QĐ-UBND, Hồ Chí Minh's 2853/QĐ-UBND, Quảng Ngãi's 1627/QĐ-UBND) carries that plan's goals."""
    text = "I. NHIỆM VỤ\n1. Sở Nội vụ bảo đảm 100% hồ sơ công việc được xử lý trên môi trường mạng.\n"
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    seg = segment(load_document(path))
    for subject, values in (("Về việc ban hành Kế hoạch chuyển đổi số năm 2025", [100]), ("Quy định mức thu phí", [])):
        meta = DocumentMeta(kind="Quyết định", subject=subject, issued_on="2025-03-10")
        assert [t.value for t in targets.extract(seg, meta)] == values


def test_a_state_reached_up_to_now_is_a_result(tmp_path):
    """'Đến nay' opens the present state in a background, no level to reach: UBND Cà Mau's report
    (tn-9b7eebadf7081069, quoted), as UBND Quảng Ngãi's 660/TB-UBND ('đến nay, có 22/22 xã, thị trấn thành lập …',
    a development scan) and Bộ Xây dựng's cb-file_data_36 ('Đến nay đã có thêm 21 tỉnh') print it; 'từ nay đến'
    looks ahead."""
    text = (
        "Đến nay, toàn tỉnh có 629/731 trường công lập đạt chuẩn quốc gia, đạt tỷ lệ 86,1%.\n"
        "Từ nay đến hết năm 2025, phấn đấu 100% trường công lập đạt chuẩn quốc gia.\n"
    )
    found = read(tmp_path, text, issued_on="2025-03-10", kind="Chỉ thị")
    assert [(t.value, t.year) for t in found] == [(100, 2025)]


@pytest.mark.parametrize(
    "sentence, values",
    [
        (
            "Từ đầu năm đến nay, tỷ lệ giải ngân đạt 60%, phấn đấu đến hết năm 2025 giải ngân đạt 100% kế hoạch vốn.",
            [100],
        ),
        ("Hiện nay, các địa phương đã phấn đấu giải ngân đạt 95% kế hoạch vốn.", []),
    ],
)
def test_a_striving_after_the_present_state_looks_ahead(tmp_path, sentence, values):
    """Invented: the past marker reports the figures before a ', phấn đấu …' that turns to what is still to reach,
    not the one striven for; with no comma between them ('đã phấn đấu') the striving is past too."""
    found = read(tmp_path, sentence + "\n", issued_on="2025-03-10", kind="Công văn")
    assert [t.value for t in found] == values


def test_a_level_said_to_exceed_the_plan_is_a_result(tmp_path):
    """A figure followed by ', vượt kế hoạch / kịch bản đề ra' reports what was reached: VPCP's notice
    (tn-98be6e047028fade) and UBND Cà Mau's report (tn-9b7eebadf7081069), quoted; striven for, it is still a goal."""
    text = (
        "Tăng trưởng GRDP cả năm đạt 10,22%, vượt kịch bản đề ra, đứng thứ 04/34 tỉnh, thành phố trên cả nước.\n"
        "Toàn tỉnh có 629/731 trường công lập đạt chuẩn quốc gia, đạt tỷ lệ 86,1%, vượt kế hoạch đề ra.\n"
        "Phấn đấu thu ngân sách đạt 110% dự toán, vượt chỉ tiêu được giao.\n"
    )
    found = read(tmp_path, text, issued_on="2025-03-10", kind="Chỉ thị")
    assert [t.value for t in found] == [110]


_DIRECTIVE = (
    "Thời gian qua, công tác giải ngân vốn đầu tư công trên địa bàn tỉnh đã có chuyển biến. Theo số liệu thống kê, "
    "tỷ lệ hồ sơ giải quyết đúng hạn đạt 95%. Tuy nhiên, tỷ lệ giải ngân vẫn thấp, mới đạt 45% kế hoạch.\n\n"
    "Nhằm khắc phục những tồn tại, hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành và "
    "Chủ tịch UBND các xã, phường nâng cao trách nhiệm, tập trung thực hiện các nội dung sau:\n\n"
    "1. Phấn đấu đến hết năm 2025 giải ngân đạt 100% kế hoạch vốn được giao.\n"
)


@pytest.mark.parametrize(
    "kind, values",
    [("Chỉ thị", [100]), ("Công điện", [100]), ("Kế hoạch", [95, 45, 100])],
)
def test_a_directive_background_reports_the_state(tmp_path, kind, values):
    """Before a directing document's turn (UBND Đắk Lắk's 010/CT-UBND, quoted: '…, Chủ tịch UBND tỉnh yêu cầu …
    thực hiện các nội dung sau:'; Thủ tướng's 223/CĐ-TTg and 224/CĐ-TTg end theirs '…, Thủ tướng Chính phủ yêu
    cầu:') the figures report the state: no gold target stands there in the 19 directing tuning texts. The
    background's sentences are tgt19's probes; a plan has no such turn and keeps its reading."""
    found = read(tmp_path, _DIRECTIVE, issued_on="2025-03-10", kind=kind)
    assert [t.value for t in found] == values


def test_the_turn_sentence_may_set_a_target(tmp_path):
    """The turn's own sentence is read as any other: Bộ Xây dựng's 2428/BXD-QLN (cb-file_data_35, quoted) sets
    its goal in the purpose clause of its turn, a gold target."""
    text = (
        "Thực hiện Quyết định số 22/2013/QĐ-TTg ngày 26/4/2013 về hỗ trợ người có công với cách mạng về nhà ở, "
        "hiện nay vẫn có một số địa phương vẫn chưa hoàn thành việc xây dựng Đề án này.\n\n"
        "Để đảm bảo hỗ trợ về nhà ở cho khoảng 71.000 hộ gia đình người có công với cách mạng trong năm 2013, Bộ "
        "Xây dựng đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương thực hiện một số nội dung sau "
        "đây:\n\n"
        "1. Khẩn trương hoàn thành việc phê duyệt Đề án.\n"
    )
    found = read(tmp_path, text, issued_on="2013-08-01", kind="Công văn")
    assert [(t.value, t.year) for t in found] == [(71000, 2013)]


def test_a_turn_joined_to_its_background_still_ends_it(tmp_path):
    """A scan's reading may join the background to the turn in one paragraph (UBND Quảng Ngãi 660/TB-UBND, a
    development scan: its turn, quoted, follows the meeting's account on the same paragraph): the background ends
    where the turn's sentence begins. The background's figure is tgt19's probe."""
    text = (
        "Theo số liệu thống kê, tỷ lệ hộ dân sử dụng nước sạch đạt 95%. Sau khi nghe Chủ tịch UBND huyện\n"
        "Bình Sơn, Phó Trưởng ban Thường trực Ban chỉ đạo huyện báo cáo tình hình triển khai Chương trình xóa nhà\n"
        "tạm, nhà dột nát trên địa bàn huyện Bình Sơn; ý kiến tham gia của các đại biểu dự họp, Chủ tịch UBND tỉnh\n"
        "Nguyễn Hoàng Giang kết luận và chỉ đạo như sau:\n"
        "1. Phấn đấu đến hết năm 2025 tỷ lệ hộ dân sử dụng nước sạch đạt 100%.\n"
    )
    found = read(tmp_path, text, issued_on="2024-12-31", kind="Thông báo")
    assert [t.value for t in found] == [100]
