"""The time grammar (extractors/grammar/time.py): one reader of days, months, quarters, years, ranges and
their relation words, which deadlines, targets, wards, national targets and obligations all use.

Phrases are those of real plans, letters and decisions (the corpus's 'Thời gian thực hiện: Từ tháng 11/2025
đến khi kết thúc Tổng kiểm kê', 'Quý I năm 2026', 'trong tháng 12/2025') and invented ones of the same genre.
"""

from __future__ import annotations

import pytest

from extractors import deadlines, obligations
from extractors.grammar import time as tg
from pipeline.text import fold_in_place
from pipeline.text.segment import segment
from schemas.document import Document, Page, TextSource
from schemas.extraction import DocumentMeta, Jurisdiction


def read(text: str, issued_on: str | None = None) -> list[tuple[str, str, str | None, str]]:
    """(due, relation, recurrence, use) of every time mention of a text."""
    return [(m.due, m.relation, m.recurrence, m.use) for m in tg.mentions(fold_in_place(text), issued_on)]


def limits(text: str, issued_on: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(m.due, m.relation, m.recurrence) for m in tg.limits(fold_in_place(text), issued_on)]


def _segment(text: str):
    doc = Document(
        path="t.txt", sha256="0", media_type="text/plain", pages=[Page(number=1, text=text, source=TextSource.plain)]
    ).with_offsets()
    return segment(doc)


# ----------------------------------------------------------------------------------------------
# One reading for deadlines and obligations
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Sở Tư pháp chủ trì rà soát văn bản, hoàn thành trong quý II/2025.", "2025-06"),
        ("Sở Tư pháp chủ trì rà soát văn bản, hoàn thành vào cuối năm 2026.", "2026"),
        ("Sở Tư pháp chủ trì rà soát văn bản, hoàn thành trước tháng 6/2025.", "2025-06"),
    ],
)
def test_a_deadline_and_the_obligation_of_one_task_have_one_due(sentence, due):
    text = f"III. TỔ CHỨC THỰC HIỆN\n1. {sentence}\n"
    meta = DocumentMeta(issued_on="2025-01-10", jurisdiction=Jurisdiction(province="Hà Nội"))
    [deadline] = deadlines.extract(_segment(text), meta)
    [obligation] = obligations.extract(_segment(text), meta)
    assert deadline.due == obligation.due == due
    assert obligation.agency == "Sở Tư pháp"


# ----------------------------------------------------------------------------------------------
# Grains, relation words, recurrence
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # relation words: trước → before; đến / tới / đến hết / chậm nhất → by or before; trong / vào → during
        ("trước ngày 15/11/2025", ("2025-11-15", "before", None)),
        ("chậm nhất ngày 10 tháng 12 năm 2025", ("2025-12-10", "before", None)),
        ("hoàn thành trước 20/9/2024", ("2024-09-20", "before", None)),
        ("đến hết năm 2025", ("2025", "by", None)),
        ("tới năm 2030", ("2030", "by", None)),
        ("trong năm 2026", ("2026", "during", None)),
        ("vào đầu năm 2028", ("2028", "during", None)),
        ("vào ngày 19 tháng 12 năm 2025", ("2025-12-19", "on", None)),
        ("trong tháng 12/2025", ("2025-12", "during", None)),
        ("trước tháng 6/2025", ("2025-06", "before", None)),
        ("tháng 4 năm 2025", ("2025-04", "during", None)),
        # a quarter is due in its last month, and a bare one is a limit to meet
        ("Quý I năm 2026", ("2026-03", "by", None)),
        ("trong quý II/2025", ("2025-06", "during", None)),
        ("quý 4/2025", ("2025-12", "by", None)),
        # a fiscal year is a year
        ("quyết toán ngân sách năm tài chính 2025", ("2025", "during", None)),
        # a day of every year: without a year in a periodic duty
        ("Định kỳ hằng năm (trước ngày 30 tháng 11) báo cáo", ("--11-30", "before", "yearly")),
        ("định kỳ trước ngày 01/12 hằng năm", ("--12-01", "before", "yearly")),
        # a day of every year's cycle
        ("trước ngày 31/3 năm sau", ("--03-31", "before", "yearly")),
        # the year of the cycle named by what happens in it (cb-file_data_2, Bộ Tài chính; tn-5fc0868aeac2f15a, Bộ Y tế)
        ("hoàn thành trước ngày 15 tháng 11 năm hiện hành", ("--11-15", "before", "yearly")),
        ("chậm nhất là ngày 30 tháng 9 của năm xét tặng", ("--09-30", "before", "yearly")),
    ],
)
def test_grains_relations_and_recurrence(text, expected):
    assert limits(text) == [expected]


def test_a_day_without_a_year_outside_a_periodic_duty_is_the_next_such_day():
    assert limits("Các huyện gửi báo cáo trước ngày 20/11.", "2024-03-12") == [("2024-11-20", "before", None)]
    assert limits("Các huyện gửi báo cáo trước ngày 20/02.", "2024-03-12") == [("2025-02-20", "before", None)]
    assert limits("Các huyện gửi báo cáo trước ngày 20/11.") == [("--11-20", "before", "yearly")]


# ----------------------------------------------------------------------------------------------
# Ranges and lists
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a window is due at its end
        ("Thời gian hoàn thành: Tháng 11 - 12/2025.", ("2025-12", "by", None)),
        ("Thời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày 31/3/2026.", ("2026-03-31", "by", None)),
        ("thời gian quan trắc từ tháng 3 đến tháng 10 năm 2026", ("2026-10", "by", None)),
        ("gửi báo cáo về Sở Nội vụ từ ngày 16 đến ngày 31 tháng 12 hằng năm", ("--12-31", "by", "yearly")),
        # a start with no dated end is due at its start
        ("Thời gian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.", ("2025-11", "during", None)),
        ("3. Thời gian thực hiện: Từ ngày 01/01/2012.", ("2012-01-01", "during", None)),
        ("tổ chức thực hiện chấm điểm từ năm 2026.", ("2026", "during", None)),
        ("c) Kể từ ngày 01 tháng 01 năm 2030: Thực hiện vùng phát thải thấp", ("2030-01-01", "during", None)),
    ],
)
def test_ranges(text, expected):
    assert limits(text) == [expected]


def test_a_list_shares_the_year_written_once_and_the_word_written_first():
    assert limits("thời gian quan trắc vào tháng 4 và tháng 8 năm 2026") == [
        ("2026-04", "during", None),
        ("2026-08", "during", None),
    ]
    assert limits("định kỳ báo cáo trước ngày 15/6 và 15/12") == [
        ("--06-15", "before", "yearly"),
        ("--12-15", "before", "yearly"),
    ]


@pytest.mark.parametrize(
    ("text", "use"),
    [
        ("giai đoạn 2024 - 2030", "horizon"),
        ("quy hoạch thời kỳ 2021-2030", "horizon"),
        ("tầm nhìn đến năm 2045", "horizon"),
        ("từ năm 2024 đến năm 2030", "period"),  # a span longer than a year
        ("a) Kể từ ngày 01 tháng 7 năm 2026 đến hết ngày 31 tháng 12 năm 2027: Thực hiện thí điểm", "period"),
        ("Đầu tư công trung hạn 5 năm 2026-2030", "period"),
        ("Kế hoạch được triển khai từ ngày 01/4/2024 đến ngày 31/12/2025.", "period"),
        ("từ năm 2021 đến nay", "period"),  # a span up to now: the past
        ("kế hoạch giáo dục năm học 2024 - 2025", "period"),
        ("tăng 5% so với năm 2020", "baseline"),
        ("Giải ngân tính đến hết ngày 31 tháng 10 năm 2025 đạt 72,4%", "baseline"),
        ("Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025.", "effective"),
        ("1. Thông tư này có hiệu lực thi hành kể từ ngày ký đến hết ngày 24 tháng 02 năm 2030.", "effective"),
        ("Thời hạn ủy quyền: Từ ngày Quyết định này có hiệu lực thi hành đến hết ngày 31/12/2030", "effective"),
        ("bảng giá đất để công bố và áp dụng từ ngày 01 tháng 01 năm 2026", "effective"),
        ("Năm học được tính từ ngày 01 tháng 7 năm trước đến ngày 30 tháng 6 năm sau.", "effective"),
        # cb-file_data_50 (Quyết định 142/2008/QĐ-TTg, Thủ tướng Chính phủ); cb-file_data_49 (Quyết định 16/2010/QĐ-UBND,
        # Ủy ban nhân dân tỉnh Lai Châu): a regime carried out from a day, when it applies
        (
            "2. Chế độ trợ cấp hàng tháng quy định tại khoản 1 Điều 2 Quyết định này được thực hiện kể từ ngày 01 tháng 01 năm 2009.",
            "effective",
        ),
        ("Thời điểm tính cộng dồn đất trồng cây hàng năm được thực hiện kể từ ngày 01/11/2009", "effective"),
        # how long a benefit lasts: tn-a69069ae524315d9 (Nghị quyết 380/NQ-CP, Chính phủ), tn-0abcf1a5292b31ec
        # (Hội đồng nhân dân thành phố Huế)
        ("b) Thời gian hỗ trợ: Từ nay đến hết ngày 31 tháng 12 năm 2025.", "effective"),
        (
            "Thời gian hỗ trợ kể từ ngày Chủ tịch Ủy ban nhân dân xã/phường ban hành quyết định cho đến ngày 31/12/2025"
            " hoặc không còn đủ điều kiện hưởng",
            "effective",
        ),
        # an event the text expects of others: a forecast (tn-a328fbb46798c2b5, Công điện 217/CĐ-TTg, Thủ tướng Chính
        # phủ) and a law's adoption (tn-e3cc96834c0a575f, 5680/CT-CS; tn-03890575449f6e05, 5615/CT-CS, Cục Thuế)
        (
            "Theo dự báo của cơ quan dự báo khí tượng thủy văn, từ tối nay đến ngày 18/11/2025 khu vực từ Quảng Trị"
            " đến Đà Nẵng và phía đông các tỉnh Quảng Ngãi, Gia Lai có mưa phổ biến 200-400mm",
            "expected",
        ),
        (
            "dự thảo Luật thuế TNCN (sửa đổi), dự kiến Quốc hội thông qua vào tháng 12/2025, trong đó có quy định",
            "expected",
        ),
        (
            "Thông tư hướng dẫn thi hành Luật Quản lý thuế (sửa đổi) khi Luật Quản lý thuế được thông qua vào tháng 12/2025.",
            "expected",
        ),
        ("Căn cứ Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 của Ban Chỉ đạo", "cited"),
        ("Quyết định số 227/QĐ- TTg ngày 12/3/2024", "cited"),
        ("Hà Nội, ngày 01 tháng 11 năm 2022", "date"),
        ("Quảng Ngãi, ngày tháng 01 năm 2025", "date"),  # the day left blank for the signer's hand
        # a handwritten day as OCR reads it (real scans of a People's Committee): the dateline, no month's due
        ("Quảng Ngãi, ngày{5' tháng 01 năm 2025", "date"),
        ("Quảng Ngãi, ngày80 tháng 12 năm 2024", "date"),
        ("Quảng Ngãi, ngày 0† tháng 02 năm 2025", "date"),
        ("Đề án “Phát triển Thủ đô đến năm 2030”", "quoted"),
    ],
)
def test_times_that_set_no_limit(text, use):
    [(_, _, _, got)] = read(text)
    assert got == use
    assert limits(text) == []


def test_an_opening_quote_nothing_closes_is_no_quoted_title():
    """OCR reads a speck as '“' (UBND Thanh Hóa's monitoring plan printed and scanned at 150 dpi): the months after it
    are the task's, not a title's; a title's quote closes after its time."""
    text = "Tần suất quan trắc 02 lần/năm; “thời gian quan trắc vào tháng 4 và tháng 8 năm 2026."
    assert limits(text) == [("2026-04", "during", None), ("2026-08", "during", None)]
    assert read("Triển khai Kế hoạch “Phát triển du lịch Việt Nam đến năm 2030” của tỉnh")[0][3] == "quoted"


def test_trước_read_with_its_first_letters_lost_before_a_day_is_still_a_limit():
    """OCR's readings of 'trước' right before 'ngày …': UBND Quảng Ngãi's letter bnt_BTTTT resampled to 300 dpi grey
    and 200 dpi one-bit, Thủ tướng 224/CĐ-TTg printed and scanned at 100 dpi. Without the word the day is a date, no
    limit; 'ước' before a figure or a year is an estimate."""
    assert limits("UBND tỉnh theo quy định (#ước ngày 10/02/2025)..", "2025-01-25") == [("2025-02-10", "before", None)]
    assert limits("UBND tỉnh theo quy định (ước ngày 10/02/2025%)./.", "2025-01-25") == [("2025-02-10", "before", None)]
    text = "báo cáo Thủ tướng Chính: 1 tước ngày 13 tháng 12 năm 2025."
    assert limits(text, "2025-11-20") == [("2025-12-13", "before", None)]
    assert read("sản lượng điện sản xuất ước 8.223 triệu kWh, ước năm 2025 đạt 100%")[0][:2] == ("2025", "during")


def test_a_task_about_an_adoption_or_after_a_forecast_keeps_its_due():
    """A body's own task to submit a law, or a task in the sentence after a forecast, is dated."""
    assert limits("Bộ Tư pháp trình Quốc hội thông qua vào tháng 10/2025.") == [("2025-10", "during", None)]
    aim = "Sở Tư pháp hoàn thiện dự thảo, bảo đảm được Hội đồng nhân dân tỉnh thông qua vào tháng 12/2025."
    assert limits(aim) == [("2025-12", "during", None)]
    text = "Theo dự báo, mưa lớn còn kéo dài. Các bộ báo cáo Thủ tướng Chính phủ trước ngày 20/11/2025."
    assert limits(text, "2025-11-16") == [("2025-11-20", "before", None)]


def test_a_task_label_keeps_its_span_due_unlike_a_benefit_period():
    assert limits("Thời gian thực hiện: Từ nay đến hết ngày 31 tháng 12 năm 2025.") == [("2025-12-31", "by", None)]
    assert limits("Thời gian hỗ trợ: trước ngày 30/12/2025.") == [("2025-12-30", "before", None)]


def test_periodic_duties_without_a_calendar_day_have_no_due():
    assert limits("báo cáo trong tháng 12 hằng năm") == []
    assert limits("Thời gian thực hiện: Từ tháng 3 đến tháng 11 hằng năm.") == []
    assert limits("Định kỳ hằng quý, sáu tháng, Ban Thường vụ làm việc với các cơ quan chức năng") == []
    # a quarter of the cycle's year prints no day either (notes-adjud6.md class 6, tn-1a43)
    assert limits("c) Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì") == []


def test_the_planned_year_a_horizon_follows():
    text = "Quy hoạch trụ sở đến năm 2025, định hướng đến năm 2030, tầm nhìn đến năm 2045"
    assert [u for *_, u in read(text)] == ["planned", "horizon", "horizon"]
    assert [m.year for m in tg.years(fold_in_place(text), planned=True)] == [2025]
    assert tg.years(fold_in_place(text)) == []


def test_symbols_and_shares_are_no_times():
    assert read("Nghị quyết số 24-NQ/TU ngày 23/02/2023") == [("2023-02-23", "on", None, "cited")]  # 'TU' is no 'từ'
    assert read("tỷ lệ 10/14 xã; Nghị định số 12/2025/NĐ-CP; 250 nhân sự; có từ 2/3 số xã trở lên") == []
    assert read("báo cáo trước ngày 25 hằng tháng") == []  # a day of every month has no --MM-DD


def test_years_before_the_document_are_no_limits():
    text = "hoàn thành trước ngày 15/3/2022 như đã giao; trước ngày 15/11/2025"
    assert limits(text, "2025-11-21") == [("2025-11-15", "before", None)]  # its own year stays


# ----------------------------------------------------------------------------------------------
# A task's due, cells and labels
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "due"),
    [
        ("Tổ chức tập huấn, hoàn thành trong quý II/2025", ("2025-06", None)),
        ("Rà soát, hoàn thành trong năm 2025, trước ngày 30/6/2025", ("2025-06-30", None)),  # the most specific
        ("Thời gian thực hiện: Năm 2025 và các năm tiếp theo.", ("2025", None)),
        ("2026", ("2026", None)),  # a year cell
        ("30/6/2025", ("2025-06-30", None)),  # a time cell without a word
        ("Tổng hợp báo cáo (trước ngày 15/6) hằng năm", ("--06-15", "yearly")),
        # a schedule is no due
        ("chấp hành chế độ báo cáo định kỳ 06 tháng (trước ngày 15/6), 01 năm (trước ngày 15/12)", (None, None)),
        ("tham mưu sơ kết (cuối năm 2023), sơ kết giai đoạn (năm 2025) và tổng kết (năm 2030)", (None, None)),
        # the date of a cited document, a horizon, the year of a thing's name
        ("Triển khai Quyết định số 7978/QĐ-BCA ngày 27/10/2022 của Bộ Công an", (None, None)),
        ("Rà soát, ban hành văn bản hướng dẫn tiêu chí giai đoạn 2024 - 2030", (None, None)),
        ("Triển khai Kế hoạch quan trắc môi trường nuôi trồng thủy sản năm 2026.", (None, None)),
        ("đáp ứng trình độ chuẩn theo quy định của Luật Giáo dục năm 2019.", (None, None)),
    ],
)
def test_task_due(task, due):
    assert tg.task_due(task) == due


@pytest.mark.parametrize(
    ("cell", "year"),
    [("2025", 2025), ("Năm 2025", 2025), (" năm 2026. ", 2026), ("NĂM 2024", 2024), ("2025*", 2025)],
)
def test_year_cells(cell, year):
    assert tg.year_cell(cell) == year


@pytest.mark.parametrize("cell", ["Quý II/2025", "35", "12/2025", "Năm 2025 và 2026", "1000"])
def test_cells_that_are_not_a_year(cell):
    assert tg.year_cell(cell) is None


def test_labels_time_cells_columns_and_openings():
    assert tg.label_year("- Năm 2024:") == 2024
    assert tg.label_year("a) Trong năm 2025:") == 2025
    assert tg.label_year("- Năm 2024: xây dựng Công an phường 4, 8.") is None
    assert tg.time_only("Quý II/2025") and tg.time_only("Trước 30/6/2025") and tg.time_only("Năm 2025")
    assert not tg.time_only("Ban hành quy chế năm 2025")
    assert tg.time_column("Thời gian thực hiện") == "during" and tg.time_column("Thời hạn hoàn thành") == "by"
    assert tg.time_column("Đơn vị chủ trì") is None
    # a speck read as a quote before the header (UBND Nghệ An 980/KH-UBND printed and scanned at 100 dpi)
    assert tg.time_column("'Thời gian hoàn thành") == tg.time_column("Thời gian hoàn thành") is not None
    assert tg.opens_clause(fold_in_place("- Phấn đấu ")) and not tg.opens_clause(fold_in_place("Tổ chức "))


@pytest.mark.parametrize(
    ("cell", "year"),
    [("2026-2027", 2027), ("Năm 2026 - 2030", 2030), ("2026–2028.", 2028), ("2026", None), ("2030-2026", None)],
)
def test_a_span_of_years_in_a_cell_ends_at_its_last_year(cell, year):
    assert tg.year_span_cell(cell) == year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # cb-file_data_7 (Bộ Lao động - Thương binh và Xã hội, 5162/VBHN-BLĐTBXH): a yearly report's span
            "báo cáo định kỳ hằng năm về số lượng người có công đang quản lý từ ngày 01 tháng 01 đến ngày 31 tháng 12 "
            "của năm theo Mẫu số 100 gửi Bộ Lao động - Thương binh và Xã hội trước ngày 31 tháng 01 năm sau",
            [("--12-31", "by", "yearly", "period"), ("--01-31", "before", "yearly", "limit")],
        ),
        (  # tn-c05552433ef48b49 (Chính phủ, Nghị định 302/2025): a fiscal year's definition
            "Năm tài chính của Quỹ bắt đầu từ ngày 01 tháng 01 và kết thúc vào ngày 31 tháng 12.",
            [("2025-12-31", "by", None, "period")],
        ),
        ("Thời gian thực hiện: từ ngày 01/01/2026 đến ngày 31/12/2026.", [("2026-12-31", "by", None, "limit")]),
        ("tổ chức từ ngày 10 và kết thúc vào ngày 15 tháng 12 năm 2025", [("2025-12-15", "by", None, "limit")]),
    ],
)
def test_the_whole_of_every_year_is_a_period(text, expected):
    """A window of every year from 1 January to 31 December is the year itself: no due. A dated year's window
    stays a schedule line, and 'bắt đầu từ … và kết thúc vào …' is a range like 'từ … đến …'."""
    assert read(text, "2025-11-19") == expected


@pytest.mark.parametrize(
    ("task", "due"),
    [
        (  # tn-50f694478a35aefd (Văn phòng Chính phủ, Thông báo 627)
            "Trực tiếp chỉ đạo tháo gỡ các khó khăn của các dự án Đồng Đăng - Trà Lĩnh, Hữu Nghị - Chi Lăng, bảo đảm "
            "thông xe kỹ thuật năm 2025 góp phần hoàn thành mục tiêu",
            ("2025", None),
        ),
        (  # tn-5dbaef1b7c77d06c (Thủ tướng Chính phủ, Công điện 229)
            "Kịp thời hỗ trợ các địa phương bị thiên tai, phấn đấu tăng trưởng cả nước năm 2025 trên 8%",
            ("2025", None),
        ),
        ("Thực hiện Kế hoạch quan trắc môi trường nuôi trồng thủy sản năm 2026", (None, None)),
        ("Hoàn thành việc rà soát các dự án đầu tư công đã được bố trí vốn theo kế hoạch năm 2025", (None, None)),
    ],
)
def test_a_bare_year_right_after_a_completion_verb_dates_a_task(task, due):
    """The obligation's due reads the bare year as the deadline does: a few words after a completion verb it is
    when the thing is finished; farther, or after any other word, it names the year of a thing."""
    assert tg.task_due(task, "2025-11-18") == due


def test_a_bare_year_right_after_the_noun_of_a_years_plan_is_the_tasks_due():
    # tn-826ed569ec2ddaa1 and tn-98be6e047028fade (Thông báo, Văn phòng Chính phủ, to Đắk Lắk and Phú Thọ)
    assert tg.task_due(
        "Đẩy mạnh giải ngân đầu tư công, quyết tâm giải ngân 100% kế hoạch vốn năm 2025 đã được giao"
    ) == (
        "2025",
        None,
    )
    assert tg.task_due(
        "Tập trung lãnh đạo, chỉ đạo để hoàn thành cao nhất các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm"
        " 2025, trong đó phấn đấu tăng trưởng kinh tế vượt mục tiêu"
    ) == ("2025", None)
    # with other words between, the year names a paper
    assert tg.task_due("Xây dựng Kế hoạch quan trắc môi trường năm 2026") == (None, None)
    assert tg.task_due("Tổ chức thực hiện Luật Giáo dục năm 2019") == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tn-d5ffa6afac124d52 (Ủy ban nhân dân tỉnh Đắk Lắk, Kế hoạch quan trắc môi trường nuôi trồng thủy sản)
        ("3. Thời gian thực hiện: **Từ năm 2026 - 2030.", [("2030", "by", None, "limit")]),
        # tn-8c306b6991495e34 (Ủy ban nhân dân tỉnh Đồng Nai, Quyết định đơn giản hóa thủ tục hành chính)
        ("1.4. Lộ trình thực hiện: *Năm 2025 - 2026.", [("2026", "by", None, "limit")]),
        # a span that opens a roadmap of its own year lines, or stands in a sentence, stays a period
        (
            "2. Thời gian thực hiện: từ năm 2024 đến năm 2030, theo lộ trình cụ thể như sau:",
            [("2030", "by", None, "period")],
        ),
        ("Triển khai các nhiệm vụ từ năm 2026 - 2030.", [("2030", "by", None, "period")]),
        ("Thời gian thực hiện: giai đoạn 2026 - 2030.", [("2030", "by", None, "horizon")]),
    ],
)
def test_a_labelled_line_of_nothing_but_a_span_of_years_is_due_at_its_end(text, expected):
    """A schedule line that holds only a span of years dates the task to the span's last year, as a schedule
    column's '2026-2027' cell does (CONVENTIONS: a range's end); a planning horizon stays none."""
    assert read(text, "2025-11-19") == expected


@pytest.mark.parametrize(
    "text",
    [
        # tn-1095764e502a89b8 (Thủ tướng Chính phủ, Công điện)
        "Từ nay đến ngày 19 tháng 12 năm 2025 chỉ còn 01 tháng, thời gian rất gấp, để bảo đảm công tác chuẩn bị",
        # tn-50f694478a35aefd (Văn phòng Chính phủ, Thông báo)
        "Từ nay đến hết năm 2025 chỉ còn gần 2 tháng, một số dự án hiện còn nhiều khó khăn",
    ],
)
def test_the_time_left_before_a_time_is_no_limit(text):
    """A countdown measures the time left before a day or a year; it sets no task's due."""
    assert [use for *_, use in read(text, "2025-11-19")] == ["period"]
    assert tg.limits(fold_in_place(text), "2025-11-19") == []
    # a limit followed by other words stays one
    assert limits("hoàn thành trước ngày 30/12/2025, còn lại chuyển sang năm sau", "2025-11-19") == [
        ("2025-12-30", "before", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # tn-4ea650b6faa46d71 (Chính phủ, a decree on the militia)
        "Trường hợp dân quân còn đang phục vụ trong đơn vị dân quân thường trực trong khoảng thời gian từ ngày 01 "
        "tháng 7 năm 2020 đến trước ngày Nghị định này có hiệu lực thi hành, nếu chưa được đóng",
        # tn-fcd40850adc894a0 (Quốc hội, a law on land)
        "được cơ quan nhà nước có thẩm quyền bàn giao đất trên thực tế từ ngày 01 tháng 01 năm 2005 đến trước ngày "
        "Luật này có hiệu lực thi hành thì chính sách thu tiền sử dụng đất",
    ],
)
def test_a_span_from_a_date_up_to_an_effective_day_is_a_period_of_cases(text):
    assert tg.limits(fold_in_place(text)) == []


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        # scan 05/TB-UBND (UBND Quảng Ngãi), item 2; tn-7cee710828fb211b (UBND Quảng Trị), Điều 2
        ("Hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025.", ("2025-02-20", None)),
        ("Hoàn thành *trước ngày 21/11/2025.*", ("2025-11-21", None)),
        ("Thời hạn hoàn thành: Trước ngày 31/3/2026.", ("2026-03-31", None)),
        # a sentence that opens otherwise is a task or a rule of its own
        ("Sở Tài chính báo cáo UBND tỉnh trước ngày 20/02/2025.", (None, None)),
        ("Hoàn thành các nhiệm vụ được giao.", (None, None)),
    ],
)
def test_closing_due(sentence, due):
    assert tg.closing_due(sentence) == due


def test_the_latest_cited_date_bounds_a_documents_date():
    """A text is issued after every document it cites ('Tờ trình số 3298/TTr-SVHTTDL ngày 17/12/2024', UBND Quảng
    Ngãi 239/TTr-UBND; '1983/BXD-QLN ngày 23/9/2013', Bộ Xây dựng 2214/BXD-QLN): the latest such date, not an
    event dated before its number ('Ngày 22/11/2023, Thủ tướng Chính phủ phê duyệt … tại Quyết định số …')."""
    text = (
        "Ngày 22/11/2023, Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh tại Quyết định số 1456/QĐ-TTg; xét đề nghị"
        " của Giám đốc Sở tại Tờ trình số 3298/TTr-SVHTTDL ngày 17/12/2024 và Công văn số 12/UBND ngày 03/01/2024."
    )
    assert tg.cited_floor(fold_in_place(text)) == "2024-12-17"
    assert tg.cited_floor(fold_in_place("Ngày 22/11/2023, Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh.")) is None
