"""Wards named one by one, with their scheduled year, locality, province and gazetteer code."""

from extractors import wards
from pipeline.text import tidy_text
from pipeline.text.segment import segment
from schemas.document import Document, Page, TextSource
from schemas.extraction import DocumentMeta, Jurisdiction


def _wards(text: str, province: str | None = None, locality: str | None = None, issued_on: str | None = None):
    doc = Document(
        path="t.txt", sha256="0", media_type="text/plain", pages=[Page(number=1, text=text, source=TextSource.plain)]
    ).with_offsets()
    meta = DocumentMeta(issued_on=issued_on, jurisdiction=Jurisdiction(province=province, locality=locality))
    return wards.extract(segment(doc), meta)


def test_schedule_lines_give_one_ward_per_number_with_its_year():
    text = "2. Lộ trình:\n- Năm 2024: xây dựng Công an phường 4, 8.\n- Năm 2028: xây dựng Công an phường 1,9."
    got = _wards(text, province="Lâm Đồng", locality="Đà Lạt")
    assert [(w.name, w.year) for w in got] == [
        ("Phường 4", 2024),
        ("Phường 8", 2024),
        ("Phường 1", 2028),
        ("Phường 9", 2028),
    ]
    assert got[0].gazetteer_code == "24793" and got[0].locality == "Đà Lạt"
    assert got[0].evidence.quote == "Năm 2024: xây dựng Công an phường 4, 8"


def test_named_ward_takes_its_locality_from_the_text_and_not_a_date_year():
    text = (
        "- Năm 2023, triển khai thí điểm xây dựng Công an phường Vĩnh Nguyên, thành phố Nha Trang "
        "đạt 22 tiêu chí theo Quyết định số 5764/QĐ-BCA-V05 ngày 13 tháng 7 năm 2021."
    )
    [ward] = _wards(text, province="Khánh Hòa")
    assert (ward.name, ward.locality, ward.province, ward.year, ward.gazetteer_code) == (
        "Phường Vĩnh Nguyên",
        "Nha Trang",
        "Khánh Hòa",
        2023,
        "22375",
    )


def test_lists_and_other_provinces():
    got = _wards(
        "Năm 2025 hoàn thành tại các phường: Lộc Thọ, Vĩnh Nguyên và Phước Hải.",
        province="Khánh Hòa",
        locality="Nha Trang",
    )
    assert [w.name for w in got] == ["Phường Lộc Thọ", "Phường Vĩnh Nguyên", "Phường Phước Hải"]
    assert all(w.year == 2025 and w.gazetteer_code for w in got)
    [ward] = _wards(
        "Công an phường Phú Lợi, thành phố Thủ Dầu Một phấn đấu đạt chuẩn trong năm 2026.", province="Bình Dương"
    )
    assert (ward.name, ward.locality, ward.year, ward.gazetteer_code) == (
        "Phường Phú Lợi",
        "Thủ Dầu Một",
        2026,
        "25744",
    )


def test_codes_follow_the_document_date():
    [ward] = _wards("Năm 2026: Công an phường Lâm Viên - Đà Lạt.", province="Lâm Đồng", issued_on="2025-09-01")
    assert ward.gazetteer_code == "24778"


def test_common_nouns_districts_and_headings_are_not_wards():
    text = (
        "Xây dựng Công an phường điển hình, kiểu mẫu tại 12 phường trên địa bàn thành phố.\n"
        "Đảng ủy các phường, Công an phường Điển hình.\n"
        "CÔNG AN PHƯỜNG ĐIỂN HÌNH, KIỂU MẪU\n"
        "Công an các thành phố Nha Trang, Cam Ranh và thị xã Ninh Hòa."
    )
    assert _wards(text, province="Khánh Hòa") == []


def test_a_ward_mentioned_again_without_a_year_is_not_counted_twice():
    text = "Năm 2024: xây dựng Công an phường 7.\nCông an phường 7 chủ trì."
    assert [(w.name, w.year) for w in _wards(text, province="Lâm Đồng")] == [("Phường 7", 2024)]


def test_year_labels_and_table_cells_give_the_year():
    text = (
        "a) Năm 2025:\n- Công an phường Lộc Thọ;\n- Công an phường Phước Hải.\n"
        "3. Kinh phí: Công an phường Vĩnh Hải.\n"
        "2026\tPhường Vĩnh Nguyên, Phường Vĩnh Trường\tCông an thành phố"
    )
    got = _wards(text, province="Khánh Hòa", locality="Nha Trang")
    assert [(w.name, w.year) for w in got] == [
        ("Phường Lộc Thọ", 2025),
        ("Phường Phước Hải", 2025),
        ("Phường Vĩnh Hải", None),
        ("Phường Vĩnh Nguyên", 2026),
        ("Phường Vĩnh Trường", 2026),
    ]


def test_phuong_without_the_ward_tone_is_a_direction_not_a_ward():
    assert _wards("Hợp tác với các nước phương Tây và địa phương Đà Lạt.") == []
    assert [w.name for w in _wards("Công an phường 04 năm 2025.")] == ["Phường 4"]


def test_a_quarter_or_month_gives_the_year():
    got = _wards("Quý II/2025 hoàn thành xây dựng Công an phường Phú Lợi.", province="Bình Dương")
    assert [(w.name, w.year) for w in got] == [("Phường Phú Lợi", 2025)]


def test_a_ward_column_lists_bare_names_the_gazetteer_knows_with_the_row_year_and_locality():
    text = (
        "- Các năm 2026 - 2027 theo bảng sau:\n"
        "STT\tNăm\tĐịa bàn\tCông an phường\n"
        "1\t2026\tThị xã Hoài Nhơn\tBồng Sơn, Hoài Hảo và Tam Quan Bắc\n"
        "2\t2027\tThị xã Hoài Nhơn\tHoài Sơn, Điển Hình\n"
        "3\t2027\tThị xã Hoài Nhơn\t5\n"
        "Ghi chú: Công an xã Hoài Sơn phối hợp."
    )
    got = _wards(text, province="Bình Định")
    assert [(w.name, w.locality, w.year) for w in got] == [
        ("Phường Bồng Sơn", "Hoài Nhơn", 2026),
        ("Phường Hoài Hảo", "Hoài Nhơn", 2026),
        ("Phường Tam Quan Bắc", "Hoài Nhơn", 2026),
    ]
    assert got[2].gazetteer_code == "21655"
    assert got[0].evidence.quote == "1\t2026\tThị xã Hoài Nhơn\tBồng Sơn, Hoài Hảo và Tam Quan Bắc"


def test_a_column_that_counts_wards_or_a_document_without_province_gives_no_bare_names():
    counts = "TT\tĐơn vị\tSố phường đạt chuẩn\n1\tThị xã Hoài Nhơn\tBồng Sơn\n"
    assert _wards(counts, province="Bình Định") == []
    listed = "TT\tNăm\tCông an phường\n1\t2026\tBồng Sơn, Hoài Hảo\n"
    assert _wards(listed) == []


def test_roman_numbered_wards_match_the_gazetteer_in_either_numeral():
    got = _wards("Năm 2025: Công an phường IV, phường VII (thành phố Vị Thanh).", province="Hậu Giang")
    assert [(w.name, w.year, w.gazetteer_code) for w in got] == [
        ("Phường IV", 2025, "31324"),
        ("Phường VII", 2025, "31330"),
    ]
    [ward] = _wards("Năm 2026: Công an phường 5, thành phố Vị Thanh.", province="Hậu Giang")
    assert (ward.name, ward.gazetteer_code) == ("Phường 5", "31327")


def test_name_syllables_that_fold_to_a_kind_word_stay_in_the_name():
    text = (
        "Năm 2025: Công an phường Tam Quan, phường Tam Quan Nam (thị xã Hoài Nhơn); "
        "phường Bồng Sơn, phường Hoài Đức (thị xã Hoài Nhơn)."
    )
    got = _wards(text, province="Bình Định")
    assert [w.name for w in got] == ["Phường Tam Quan", "Phường Tam Quan Nam", "Phường Bồng Sơn", "Phường Hoài Đức"]
    assert all(w.locality == "Hoài Nhơn" and w.year == 2025 for w in got)
    [ward] = _wards("Nam 2025: Cong an phuong Hoai Duc, thi xa Hoai Nhon.", province="Bình Định")
    assert (ward.name, ward.locality) == ("Phường Hoài Đức", "Hoài Nhơn")


def test_a_year_cell_merged_over_rows_gives_its_year_to_the_rows_below():
    text = (
        "TT\tNăm\tĐịa bàn\tCông an phường\n"
        "1\t2026\tThị xã Hoài Nhơn\tBồng Sơn\n"
        "2\t\tThị xã Hoài Nhơn\tPhường Hoài Hảo\n"
        "Ghi chú\n"
        "TT\tCông an phường\t2026\t2027\n"
        "1\tPhường Tam Quan\t\tx"
    )
    got = _wards(text, province="Bình Định")
    assert [(w.name, w.year) for w in got] == [
        ("Phường Bồng Sơn", 2026),
        ("Phường Hoài Hảo", 2026),
        ("Phường Tam Quan", None),
    ]


def test_a_ward_without_a_year_of_its_own_takes_the_heading_s_or_the_title_s():
    """The one year of a heading above ('Mục tiêu cụ thể đến năm 2035') or of a plan's title ('… năm 2026'); a
    period or a horizon in the title schedules nothing."""
    text = "2. Mục tiêu cụ thể đến năm 2035\na) Xây dựng mô hình tại các phường: Sông Trí, Thành Sen."
    got = _wards(text, province="Hà Tĩnh", issued_on="2025-11-19")
    assert [(w.name, w.year) for w in got] == [("Phường Sông Trí", 2035), ("Phường Thành Sen", 2035)]
    for title, year in (("Kế hoạch quan trắc môi trường năm 2026", 2026), ("Danh sách giai đoạn 2026 – 2030", None)):
        doc = Document(
            path="t.txt",
            sha256="0",
            media_type="text/plain",
            pages=[Page(number=1, text="- Lấy mẫu tại phường Sông Trí.", source=TextSource.plain)],
        ).with_offsets()
        meta = DocumentMeta(
            issued_on="2025-11-18", kind="Kế hoạch", subject=title, jurisdiction=Jurisdiction(province="Hà Tĩnh")
        )
        assert [(w.name, w.year) for w in wards.extract(segment(doc), meta)] == [("Phường Sông Trí", year)]


def test_a_numbered_ward_named_after_its_old_city():
    got = _wards("- Phường 1 Bảo Lộc, Phường 2 Bảo Lộc", province="Lâm Đồng", issued_on="2025-11-25")
    assert [w.name for w in got] == ["Phường 1 Bảo Lộc", "Phường 2 Bảo Lộc"]


def test_a_count_of_wards_names_none():
    got = _wards(
        "7. Khu vực đường Vành đai 2, gồm 14 phường: 09 phường thuộc khu vực đường vành đai 1 và các phường: Láng, Kim Liên.",
        province="Hà Nội",
        issued_on="2025-11-26",
    )
    assert [w.name for w in got] == ["Phường Láng", "Phường Kim Liên"]


def test_a_ward_in_a_postal_address_is_not_named_by_the_document():
    """Where an office stands ('số 4 đường Nguyễn Tất Thành, Phường Bà Rịa') is no ward the document is about;
    a ward scheduled in the same text is still read."""
    text = (
        "Hồ sơ nộp tại Trung tâm phục vụ hành chính công, số 4 đường Nguyễn Tất Thành, Phường Bà Rịa, "
        "Thành phố Hồ Chí Minh; hoặc tại Tòa nhà Trung tâm hành chính, đường Lê Lợi, Phường Bình Dương.\n"
        "Năm 2026: thí điểm tại phường Bến Thành.\n"
    )
    got = _wards(text, province="Hồ Chí Minh", issued_on="2025-11-20")
    assert [(w.name, w.year) for w in got] == [("Phường Bến Thành", 2026)]


def test_a_wrapped_list_in_one_article_takes_the_year_another_article_gives_it():
    """A list hard-wrapped inside a name ('Phường Hoàn' / 'Kiếm') goes on over its lines; an article elsewhere that
    refers to it ('các phường quy định tại khoản 2 Điều 1', from a day of 2027) schedules it from that year."""
    text = (
        "Điều 1. Phạm vi\n"
        "1. Khu vực trung tâm\n"
        "2. Khu vực hạn chế, gồm 03 phường: Hoàn\n"
        "Kiếm, Cửa Nam,\n"
        "Ba Đình.\n"
        "Điều 2. Lộ trình\n"
        "a) Kể từ ngày 01 tháng 7 năm 2027 đến hết ngày 31 tháng 12 năm 2028: thực hiện tại các phường được quy định "
        "tại khoản 2 Điều 1.\n"
    )
    got = _wards(text, province="Hà Nội", issued_on="2025-11-20")
    assert [(w.name, w.year) for w in got] == [
        ("Phường Hoàn Kiếm", 2027),
        ("Phường Cửa Nam", 2027),
        ("Phường Ba Đình", 2027),
    ]


def _arranged(text: str, province: str, subject: str):
    """Wards of a text read as the reader hands it on (``tidy_text``: no emphasis marks), in a resolution titled
    ``subject``."""
    page = Page(number=1, text=tidy_text(text), source=TextSource.plain)
    doc = Document(path="t.txt", sha256="0", media_type="text/plain", pages=[page]).with_offsets()
    meta = DocumentMeta(
        issued_on="2025-06-16",
        kind="Nghị quyết",
        subject=subject,
        jurisdiction=Jurisdiction(province=province),
    )
    return wards.extract(segment(doc), meta)


def test_an_arrangement_names_its_old_and_new_phuong_once_each_with_its_year_and_no_locality():
    """1664/NQ-UBTVQH15 Gia Lai (tn-1662311553c66bda) Điều 1, items 102, 107 and 124 (notes-W): the old phường
    merged, of Bình Định and Gia Lai before 2025, and the new ones formed; a name on both sides once; xã and thị
    trấn are no wards; the bracketed old district neither ends the list nor becomes the locality."""
    text = (
        "Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai\n"
        "102. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các phường Đống Đa (thành phố Quy Nhơn), Hải "
        "Cảng, Thị Nại và Trần Phú thành phường mới có tên gọi là **phường Quy Nhơn**.\n"
        "107. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của phường Bình Định, xã Nhơn Khánh và xã Nhơn Phúc "
        "thành phường mới có tên gọi là **phường Bình Định**.\n"
        "124. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân của phường Ngô Mây và phường Tây Sơn (thị xã An Khê), "
        "các phường An Phú, An Phước, An Tân và xã Thành An thành phường mới có tên gọi là **phường An Khê**.\n"
        "Điều 2. Hiệu lực thi hành"
    )
    subject = "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai năm 2025"
    got = _arranged(text, "Gia Lai", subject)
    assert [w.name for w in got] == [
        "Phường Đống Đa",
        "Phường Hải Cảng",
        "Phường Thị Nại",
        "Phường Trần Phú",
        "Phường Quy Nhơn",
        "Phường Bình Định",
        "Phường Ngô Mây",
        "Phường Tây Sơn",
        "Phường An Phú",
        "Phường An Phước",
        "Phường An Tân",
        "Phường An Khê",
    ]
    assert {(w.year, w.locality, w.province) for w in got} == {(2025, None, "Gia Lai")}
    assert got[0].evidence.quote == "phường Đống Đa (thành phố Quy Nhơn)"
    # the same lines in a document that arranges nothing: no year, and Quy Nhơn's wards (Bình Định's before 2025,
    # none of them Gia Lai's then) are no wards of the Gia Lai it names
    plain = _wards(text, province="Gia Lai", issued_on="2025-06-16")
    assert {w.year for w in plain} == {None} and "Phường Hải Cảng" not in {w.name for w in plain}


def test_an_arrangement_reads_numbered_phuong_and_names_inside_emphasis():
    """1660/NQ-UBTVQH15 Đắk Lắk (tn-92582856e1434cfb) Điều 1.90: 'Phường 1 … Phường 9' merged, the new name
    written '**phường**** Tuy Hòa**'."""
    text = (
        "Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Đắk Lắk\n"
        "90. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của Phường 1, Phường 2, Phường 4, Phường 5, Phường 7, "
        "một phần diện tích tự nhiên, quy mô dân số của Phường 9, phần còn lại của xã Hòa An (huyện Phú Hòa) sau khi "
        "sắp xếp theo quy định tại khoản 64 Điều này thành phường mới có tên gọi là **phường**** Tuy Hòa**."
    )
    got = _arranged(text, "Đắk Lắk", "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đắk Lắk năm 2025")
    assert [(w.name, w.year) for w in got] == [
        *((f"Phường {n}", 2025) for n in (1, 2, 4, 5, 7, 9)),
        ("Phường Tuy Hòa", 2025),
    ]


def test_a_phuong_an_arrangement_keeps_as_it_is_has_no_year():
    """1668/NQ-UBTVQH15 Cần Thơ (tn-9e001697662f9728) Điều 1.96: the units 'không thực hiện sắp xếp'."""
    text = (
        "Điều 1. Sắp xếp các đơn vị hành chính cấp xã của thành phố Cần Thơ\n"
        "96. Sau khi sắp xếp, thành phố Cần Thơ có 103 đơn vị hành chính cấp xã, gồm 31 phường và 72 xã; trong đó "
        "có 30 phường, 65 xã hình thành sau sắp xếp quy định tại Điều này và 08 đơn vị hành chính cấp xã không thực "
        "hiện sắp xếp là phường Tân Lộc, các xã Trường Long, Thạnh Phú."
    )
    got = _arranged(text, "Cần Thơ", "Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Cần Thơ năm 2025")
    assert [(w.name, w.year) for w in got] == [("Phường Tân Lộc", None)]


def test_words_glued_by_a_web_conversion_and_names_that_end_in_a_number():
    """'phườngHiến Thành' (1669/NQ-UBTVQH15 Hải Phòng, tn-ee18506c3853f01d, Điều 1.41; also 1683 Thái Nguyên), and
    names ending in a number: 'Đông Hải 1' (the same resolution, Điều 1.21), 'Móng Cái 1, Móng Cái 2' (a Quảng Ninh
    decision of 2025-11-20 on land compensation, tn-1cde9b907469c65b), where the number used to end the list."""
    text = (
        "Điều 1. Sắp xếp các đơn vị hành chính cấp xã của thành phố Hải Phòng\n"
        "21. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của phường Đông Hải 1 và phần còn lại của phường "
        "Đông Hải 2, phường Nam Hải sau khi sắp xếp.\n"
        "41.Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân sốcủa phường Thái Thịnh, phườngHiến Thành vàxã Minh "
        "Hòathành phường mới có tên gọi là **phường**** Nguyễn Đại Năng**."
    )
    got = _arranged(text, "Hải Phòng", "Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hải Phòng năm 2025")
    assert [w.name for w in got] == [
        "Phường Đông Hải 1",
        "Phường Đông Hải 2",
        "Phường Nam Hải",
        "Phường Thái Thịnh",
        "Phường Hiến Thành",
        "Phường Nguyễn Đại Năng",
    ]
    got = _wards(
        "Các phường: Cẩm Phả, Quang Hanh, Cửa Ông, Mông Dương, Móng Cái 1, Móng Cái 2, Móng Cái 3, Uông Bí.",
        province="Quảng Ninh",
        issued_on="2025-11-20",
    )
    assert [w.name for w in got][4:] == [
        "Phường Móng Cái 1",
        "Phường Móng Cái 2",
        "Phường Móng Cái 3",
        "Phường Uông Bí",
    ]
    assert all(w.gazetteer_code for w in got)


def test_small_words_glued_to_a_name_or_to_the_keyword_are_cut_off():
    """The web conversion of the arrangement resolutions glues the next small word to a name ('An TâyvàAn Cựu',
    1675/NQ-UBTVQH15 Huế, tn-0f145efacbf006fc, Điều 1.16; 'Duy Tân vàPhú Thứthành', 1669/NQ-UBTVQH15 Hải Phòng,
    tn-ee18506c3853f01d, Điều 1.45; 'Gia Sàngthành', 1683/NQ-UBTVQH15 Thái Nguyên, tn-24f956b72eef05a2, Điều
    1.76) and the keyword to the word before it ('cácphường An Hưng, Đại Bản', 1669 Điều 1.9)."""
    text = (
        "Điều 1. Sắp xếp các đơn vị hành chính cấp xã của thành phố Hải Phòng\n"
        "9. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của cácphường An Hưng, Đại Bản, Lê Thiện,Tân Tiến "
        "thành phường mới có tên gọi là **phường Hồng An**.\n"
        "45. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân sốcủa các phường Tân Dân (thị xã Kinh Môn), Minh Tân, "
        "Duy Tân vàPhú Thứthành phường mới có tên gọi là **phường**** Nhị Chiểu**."
    )
    got = _arranged(text, "Hải Phòng", "Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hải Phòng năm 2025")
    assert [w.name for w in got] == [
        "Phường An Hưng",
        "Phường Đại Bản",
        "Phường Lê Thiện",
        "Phường Tân Tiến",
        "Phường Hồng An",
        "Phường Tân Dân",
        "Phường Minh Tân",
        "Phường Duy Tân",
        "Phường Phú Thứ",
        "Phường Nhị Chiểu",
    ]
    text = (
        "Điều 1. Sắp xếp các đơn vị hành chính cấp xã của thành phố Huế\n"
        "16. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các phường An Đông, An TâyvàAn Cựu thành phường "
        "mới có tên gọi là **phường An Cựu**."
    )
    got = _arranged(text, "Huế", "Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Huế năm 2025")
    assert [w.name for w in got] == ["Phường An Đông", "Phường An Tây", "Phường An Cựu"]


def test_names_one_fold_joins_keep_their_own_spelling():
    """1675/NQ-UBTVQH15 Huế (tn-0f145efacbf006fc) Điều 1.6 and 1.10: 'Hương Văn và Hương Vân' are two old phường of
    Hương Trà, and the old 'Thuận Hòa' is not Huế's new 'Thuận Hóa', though each pair folds to one key."""
    text = (
        "Điều 1. Sắp xếp các đơn vị hành chính cấp xã của thành phố Huế\n"
        "6. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các phường Tứ Hạ, Hương Văn và Hương Vân thành "
        "phường mới có tên gọi là **phường Hương Trà**.\n"
        "10. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các phường Gia Hội, Phú Hậu, Tây Lộc, Thuận Lộc, "
        "Thuận Hòa và Đông Ba thành phường mới có tên gọi là **phường Phú Xuân**."
    )
    got = _arranged(text, "Huế", "Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Huế năm 2025")
    names = [w.name for w in got]
    assert names[:4] == ["Phường Tứ Hạ", "Phường Hương Văn", "Phường Hương Vân", "Phường Hương Trà"]
    assert "Phường Thuận Hòa" in names and "Phường Thuận Hóa" not in names
    assert len({w.gazetteer_code for w in got[1:3]}) == 2


def test_a_ward_named_after_an_old_province_is_no_province_for_the_wards_before_it():
    """UBND Đắk Lắk 0129/KH-UBND (tn-62f25a030c183151), its footnote listing the units: 'Phường Phú Yên' a few words
    after 'Phường Sông Cầu' was read as the province of Sông Cầu, which Phú Yên's 2025 units do not hold."""
    text = (
        "Phú Mỡ, Phường Sông Cầu, Xã Ô Loan, Xã Tuy An Nam, Xã Tây Hòa, Xã Hòa Mỹ, Xã Sơn Thành, Xã Suối Trai, "
        "Phường Phú Yên, Xã Xuân Phước, Xã Xuân Lộc, Phường Tuy Hòa."
    )
    got = _wards(text, province="Đắk Lắk", issued_on="2025-11-21")
    assert {(w.name, w.province) for w in got} == {
        ("Phường Sông Cầu", "Đắk Lắk"),
        ("Phường Phú Yên", "Đắk Lắk"),
        ("Phường Tuy Hòa", "Đắk Lắk"),
    }


def test_a_ward_after_an_address_label_is_where_someone_is():
    """'Địa chỉ:' opens an address whatever its street part looks like: 'Số 398 - Đường Trần Phú - phường Việt Trì'
    (tn-04e4130e, Phú Thọ), '(Địa chỉ: 33 Hai Bà Trưng, Phường Nghĩa Lộ, Tỉnh Quảng Ngãi)' (tn-0bc7bfa8, Quảng Ngãi);
    a ward the text schedules is still read."""
    text = (
        "Cơ sở 1: Địa chỉ: Số 398 - Đường Trần Phú - phường Việt Trì, tỉnh Phú Thọ.\n"
        "Bà Nguyễn Thị Mỹ Hằng (Địa chỉ: 33 Hai Bà Trưng, Phường Nghĩa Lộ, Tỉnh Quảng Ngãi).\n"
        "Năm 2026: thí điểm tại phường Bến Thành, Thành phố Hồ Chí Minh.\n"
    )
    got = _wards(text, province="Hồ Chí Minh", issued_on="2025-11-20")
    assert [(w.name, w.year) for w in got] == [("Phường Bến Thành", 2026)]


def test_a_ward_on_an_offices_premises_line_is_where_it_stands():
    """The premises of a one-stop centre in a procedure list, 'Trụ sở chính:' and a numbered 'Cơ sở 2:' (UBND Hưng Yên
    1973/QĐ-UBND, tn-48edf4df3543bdd9; 'Cơ sở 3:' in UBND Phú Thọ's, tn-04e4130e), name where the office is (K); 'cấp cơ
    sở:' without a number is no premises."""
    text = (
        "- Trung tâm Phục vụ hành chính công tỉnh Hưng Yên:\n"
        "+ Trụ sở chính: Số 2, đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên;\n"
        "+ Cơ sở 2: Nhà triển lãm thông tin, phường Thái Bình, tỉnh Hưng Yên.\n"
        "Năm 2026: xây dựng Công an cấp cơ sở: Công an phường Phố Hiến, tỉnh Hưng Yên.\n"
    )
    got = _wards(text, province="Hưng Yên", issued_on="2025-11-20")
    assert [(w.name, w.year) for w in got] == [("Phường Phố Hiến", 2026)]


def test_a_ward_after_a_lot_a_hamlet_a_square_or_a_house_number_is_an_address():
    """The street parts of real addresses that are not 'số …' or 'đường …': a lot in an industrial zone ('(Lô D1,
    D2, KCN Đình Trám, Phường Nếnh, tỉnh Bắc Ninh)', Cục Thuế 5470/CT-CS), the label's abbreviation ('(đ/c: KCN
    Đồng Văn 11, Phường Duy Hà, tỉnh Ninh Bình)', Cục Hải quan 38162/CHQ-GSQL), a hamlet ('khóm 10, phường Bạc
    Liêu, tỉnh Cà Mau', UBND Cà Mau 01779/QĐ-UBND), a square ('Quảng trường 3/2, phường Bắc Giang', UBND Bắc Ninh
    1521/QĐ-UBND), parts cut by dashes ('Số 485 đường Trần Hưng Đạo - phường Hòa Bình- tỉnh Phú Thọ', UBND Phú Thọ
    1805/QĐ-UBND) and a house number heading its clause ('(244 Điện Biên Phủ, Phường Xuân Hòa, Thành phố Hồ Chí
    Minh)', UBND TP Hồ Chí Minh 2848/QĐ-UBND); a ward the text schedules is still read."""
    text = (
        "Kính gửi: Công ty TNHH CORNERSTONE VINA. (Lô D1, D2, KCN Đình Trám, Phường Nếnh, tỉnh Bắc Ninh)\n"
        "Kính gửi: Công ty TNHH Minebea. *(đ/c: KCN Đồng Văn 11, Phường Duy Hà, tỉnh Ninh Bình)*\n"
        "điểm tiếp nhận 2: đường Nguyễn Văn Linh, khóm 10, phường Bạc Liêu, tỉnh Cà Mau)\n"
        "Khu liên cơ quan, Quảng trường 3/2, phường Bắc Giang, tỉnh Bắc Ninh\n"
        "- Cơ sở 3: Số 485 đường Trần Hưng Đạo - phường Hòa Bình- tỉnh Phú Thọ: ĐT: 0218 3868 689\n"
        "- Bộ phận Một cửa tại Sở Khoa học và Công nghệ (244 Điện Biên Phủ, Phường Xuân Hòa, Thành phố Hồ Chí Minh).\n"
        "Năm 2026: thí điểm tại phường Bến Thành, Thành phố Hồ Chí Minh.\n"
    )
    got = _wards(text, province="Hồ Chí Minh", issued_on="2025-11-20")
    assert [(w.name, w.year) for w in got] == [("Phường Bến Thành", 2026)]


def test_a_ward_after_a_house_number_and_its_street_is_an_address():
    """'Số 12, phố Nguyễn Trãi, phường Hà Đông' (Trung tâm Phục vụ hành chính công Hà Nội 1594/QĐ-TTPVHCC, a table
    cell of where a file is handed in): the house number is a part of its own and the street's 'phố' is no address
    word, as in 'Tòa nhà Viettel, số 298, đường Trần Hưng Đạo, phường Tân Thành' (UBND Cà Mau); a number that counts
    ('tại số 3, 4 và 5, phường …') opens no address."""
    text = (
        "Trực tiếp tại Bộ phận TN&TKQ\tSố 12, phố Nguyễn Trãi, phường Hà Đông, thành phố Hà Nội\n"
        "Tòa nhà Viettel, số 298, đường Trần Hưng Đạo, phường Tân Thành, tỉnh Cà Mau\n"
        "Năm 2026: thí điểm tại phường Hoàn Kiếm, thành phố Hà Nội.\n"
    )
    got = _wards(text, province="Hà Nội", issued_on="2025-11-20")
    assert [(w.name, w.year) for w in got] == [("Phường Hoàn Kiếm", 2026)]


def test_a_ward_where_a_parcel_or_a_monitoring_point_lies_is_a_place():
    """'Địa điểm …:' opens the place a thing is, like an address label: a parcel in a land decision ('Địa điểm tại:
    Lô đất số 15 - Mặt bằng số 26/ QH-NĐ-UB ngày 03/11/1998 UBND tỉnh phê duyệt khu dân cư Bệnh viện Y học dân tộc,
    phường Tân Giang, thị xã Cao Bằng.', UBND Cao Bằng 157/QĐ-NĐ-UB, scans NOTES 12), a monitoring point ('Địa điểm
    quan trắc: Vùng nuôi cá rô phi thương phẩm tại phường Ea Kao', UBND Đắk Lắk 0134/KH-UBND, notes-D3)."""
    parcel = (
        "- Địa điểm tại: Lô đất số 15 - Mặt bằng số 26/ QH-NĐ-UB ngày 03/11/1998 UBND tỉnh phê duyệt khu dân cư "
        "Bệnh viện Y học dân tộc, phường Tân Giang, thị xã Cao Bằng.\n"
    )
    assert _wards(parcel, province="Cao Bằng", issued_on="1999-02-22") == []
    colon_lost = parcel.replace("tại: Lô đất số 15", "tại Lô đất số l5")  # as read from its scan at 200 dpi
    assert _wards(colon_lost, province="Cao Bằng", issued_on="1999-02-22") == []
    sights = "Năm 2026: chỉnh trang các địa điểm du lịch tại phường Tân Giang, tỉnh Cao Bằng.\n"
    assert [(w.name, w.year) for w in _wards(sights, province="Cao Bằng", issued_on="2025-06-01")] == [
        ("Phường Tân Giang", 2026)
    ]
    point = "- Địa điểm quan trắc: Vùng nuôi cá rô phi thương phẩm tại phường Ea Kao; vùng nuôi cá lồng, bè.\n"
    assert _wards(point, province="Đắk Lắk", issued_on="2025-06-01") == []
    scheduled = "Năm 2026: thí điểm tại phường Tân Giang, tỉnh Cao Bằng.\n"
    assert [(w.name, w.year) for w in _wards(scheduled, province="Cao Bằng", issued_on="2025-06-01")] == [
        ("Phường Tân Giang", 2026)
    ]


def test_a_ward_named_as_its_peoples_committee_is_a_body_not_a_ward():
    """'Ủy ban nhân dân phường Hải Châu' where a visit was held (VPCP 641/TB-VPCP, notes-K) and 'UBND phường Tân Giang'
    among the executors of a decision, as OCR read it (UBND Cao Bằng 157/QĐ-NĐ-UB, scans NOTES 12) schedule nothing;
    a committee's ward given a year, and a ward police, are still read."""
    visit = "Phó Thủ tướng đã kiểm tra thực tế tại Trung tâm phục vụ hành chính công, Ủy ban nhân dân phường Hải Châu."
    assert _wards(visit, province="Đà Nẵng", issued_on="2025-11-18") == []
    executors = "Điều 3: Giám đốc Sở Xây dựng, UBND phường Tân Giang rhị xã Cao Bằng chịu trách nhiệm thi hành."
    assert _wards(executors, province="Cao Bằng", issued_on="1999-02-22") == []
    text = "- Năm 2024: UBND phường Vĩnh Nguyên hoàn thành.\n- Xây dựng Công an phường Phước Hải đạt chuẩn.\n"
    got = _wards(text, province="Khánh Hòa", issued_on="2024-03-01")
    assert [(w.name, w.year) for w in got] == [("Phường Vĩnh Nguyên", 2024), ("Phường Phước Hải", None)]


def test_a_committee_abbreviation_misread_by_ocr_still_names_a_body():
    """'UBND' read 'BNI' before the ward among a decision's executors (UBND Cao Bằng 157/QĐ-NĐ-UB scanned, read at
    150 dpi in black and white): still the committee, no ward. OCR misreads UBND so on pages of several issuers
    ('UBNĐD', 'ỨBND': Thành ủy Đà Lạt, UBND Hà Nội by fax). Two capitals ('CA phường') are too few to tell, a word
    far from UBND is no slip of it, and a heading in capitals names its ward."""
    executors = (
        "Giám đốc Sở Địa chính, Giám đốc Sở Xây dựng, BNI phường Tân Giang thị xã Cao Bằng và ông, bà: Nông Bích "
        "Sáng - Nông Đình Huàn chịu trách nhiệm thi hành Quyết định này"
    )
    assert _wards(executors, province="Cao Bằng", issued_on="1999-02-22") == []
    for slip in ("UBNĐD", "ỨBND", "UBNID"):
        text = f"Điều 3. Giám đốc Sở Xây dựng, {slip} phường Tân Giang chịu trách nhiệm thi hành."
        assert _wards(text, province="Cao Bằng", issued_on="1999-02-22") == []
    kept = "Xây dựng CA phường Tân Giang, KCN phường Đề Thám đạt chuẩn.\n"
    assert [w.name for w in _wards(kept, province="Cao Bằng", issued_on="2025-06-01")] == [
        "Phường Tân Giang",
        "Phường Đề Thám",
    ]
    heading = "A. PHÍ THAM QUAN DI TÍCH TRÊN ĐỊA BÀN PHƯỜNG HOÀN KIẾM\n"
    assert [w.name for w in _wards(heading, province="Hà Nội", issued_on="2025-11-27")] == ["Phường Hoàn Kiếm"]


def test_a_ward_in_a_bracketed_address_whose_street_the_ocr_damaged_is_an_address():
    # UBND TP Hồ Chí Minh 2848/QĐ-UBND printed and OCR'd at 100, 150 and 200 dpi: the street part is no longer read
    text = (
        "- Bộ phận Một cửa tại Sở Khoa học và Công nghệ (ế44 DIệ B]àn Phủ, Phường Xuân Hòa, Thành phố Hồ Chí Minh).\n"
        "- Trung tâm phục vụ hành chính công (Đường tỂ, Ạ M t\nLợi, Phường Bình Dương, Thành phố Hồ Chí Mĩh |. -\n"
        "- Trung tâm phục vụ hành chính công (Số 04 đườn R Nguyễn Tạ 'Bàm, Phường Bà Rịa, Thành phố Hồ Chí Minh).\n"
        "- Bộ phận Một cửa tại Sở Khoa học và Công nghệ 44 ï Biên Phủ, Phường Xuân Hòa, Thành phố Hồ Chí Minh).\n"
        "- Trung tâm phục vụ hành chính công (Đường Lê\nLợi, tPhường Bình Dương, Thành phố Hồ Chí Minh).\n"
    )
    assert _wards(text, province="Thành phố Hồ Chí Minh", issued_on="2025-10-01") == []


def test_a_bracketed_list_of_wards_or_a_ward_after_a_comma_with_no_bracket_is_no_address():
    listed = _wards("Công an (phường 1, phường 2, thành phố Bảo Lộc) năm 2024.", province="Lâm Đồng")
    assert [(w.name, w.year) for w in listed] == [("Phường 1", 2024), ("Phường 2", 2024)]
    text = "Năm 2025: xây dựng trụ sở Công an các xã, phường Xuân Hòa, Thành phố Hồ Chí Minh (năm 2025)."
    got = _wards(text, province="Thành phố Hồ Chí Minh", issued_on="2025-10-01")
    assert [(w.name, w.year) for w in got] == [("Phường Xuân Hòa", 2025)]
    bracketed = "- Năm 2025: xây dựng Công an phường Trường Thi (thành phố Vinh), phường Nghi Thủy (thị xã Cửa Lò)."
    assert [w.name for w in _wards(bracketed, province="Nghệ An", issued_on="2023-03-01")] == [
        "Phường Trường Thi",
        "Phường Nghi Thủy",
    ]


def test_a_line_that_opens_with_a_units_kind_carries_on_no_ward_name():
    # UBND Lâm Đồng 2284/QĐ-UBND's list of units printed and OCR'd: each row a line, its number glued at the end
    text = (
        "Xã DRan 20\nPhường Cam Ly - Đà Lạt 21\nXã Đạ Huoai 2 22\nXã Sơn Điền 23\nPhường Lang Biang - Đà Lạt 27\n"
        "Xã Gia Hiệp 28\nXã Đam Rông 4\nPhường Xuân Trường - Đà Lạt 43\nPhường I Bảo Lộc 44\nPhường 2 Bảo Lộc 45\n"
        "Phường B'Lao 47\nXã Hiệp Thạnh 48\n"
    )
    got = [w.name for w in _wards(text, province="Lâm Đồng", issued_on="2025-11-25")]
    assert got == [
        "Phường Cam Ly - Đà Lạt",
        "Phường Lang Biang - Đà Lạt",
        "Phường Xuân Trường - Đà Lạt",
        "Phường 1 Bảo Lộc",
        "Phường 2 Bảo Lộc",
        "Phường B'Lao",
    ]
