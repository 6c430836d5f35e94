"""The agency lexicon: names of bodies found in running text, lists split into bodies, abbreviations
expanded, OCR'd text without tone marks still read."""

from extractors.agencies import expand_abbreviations, find_agencies, match_agency, parse_addressees, parse_officials


def _names(text: str) -> list[str]:
    return [b.name for b in parse_addressees(text)[0]]


def test_abbreviations_expand_to_full_names():
    assert (
        expand_abbreviations("UBND tỉnh, HĐND tỉnh và MTTQ")
        == "Ủy ban nhân dân tỉnh, Hội đồng nhân dân tỉnh và Mặt trận Tổ quốc"
    )
    assert expand_abbreviations("các đoàn thể CT-XH") == "các đoàn thể chính trị - xã hội"


def test_a_name_ends_where_the_task_begins():
    text = "Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo các sở, ban, ngành"
    found = match_agency(text)
    assert found.name == "Ban cán sự đảng Ủy ban nhân dân tỉnh" and text[found.end :].startswith(" lãnh đạo")
    assert match_agency("Sở Giao thông vận tải tham mưu UBND tỉnh").name == "Sở Giao thông vận tải"
    assert match_agency("Đảng ủy Quân sự thành phố:").name == "Đảng ủy Quân sự thành phố"
    assert match_agency("Tổ chức tuyên truyền sâu rộng") is None


def test_a_list_gives_one_body_each_and_shares_its_scope():
    assert _names("Đề nghị Viện kiểm sát nhân dân và Tòa án nhân dân Thành phố") == [
        "Viện kiểm sát nhân dân Thành phố",
        "Tòa án nhân dân Thành phố",
    ]
    assert _names("Đảng ủy Công an tỉnh, Thành ủy Nha Trang, Thành ủy Cam Ranh và Thị ủy Ninh Hòa chủ động") == [
        "Đảng ủy Công an tỉnh",
        "Thành ủy Nha Trang",
        "Thành ủy Cam Ranh",
        "Thị ủy Ninh Hòa",
    ]
    assert _names("UBND các quận và thị xã Sơn Tây") == ["Ủy ban nhân dân các quận", "Ủy ban nhân dân thị xã Sơn Tây"]
    # 'và' inside a name is not a list
    assert _names("Đài Phát thanh và Truyền hình Hà Nội, Báo Hà Nội mới, Báo Kinh tế và Đô thị") == [
        "Đài Phát thanh và Truyền hình Hà Nội",
        "Báo Hà Nội mới",
        "Báo Kinh tế và Đô thị",
    ]
    # a body whose name says its level keeps it
    assert _names("Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn và Hội Cựu chiến binh tỉnh") == [
        "Hội Liên hiệp Phụ nữ tỉnh",
        "Tỉnh đoàn",
        "Hội Cựu chiến binh tỉnh",
    ]


def test_a_collective_class_stays_one():
    assert _names("Các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc căn cứ chức năng") == [
        "Các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc"
    ]
    assert _names("Các sở, ban, ngành khác của Thành phố") == ["Các sở, ban, ngành khác của Thành phố"]
    assert _names("các Sở, ban, ngành, UBND các quận, huyện, thị xã, đề nghị các đoàn thể Thành phố căn cứ") == [
        "các Sở, ban, ngành",
        "Ủy ban nhân dân các quận, huyện, thị xã",
        "các đoàn thể Thành phố",
    ]


def test_officials_of_a_decision_and_a_list_of_departments():
    text = (
        "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Y tế, Tài chính, Giáo dục và Đào tạo; Chủ tịch UBND "
        "các huyện, thị xã, thành phố và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm"
    )
    assert _names(text) == [
        "Chánh Văn phòng Ủy ban nhân dân tỉnh",
        "Giám đốc Sở Y tế",
        "Giám đốc Sở Tài chính",
        "Giám đốc Sở Giáo dục và Đào tạo",
        "Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố",
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
    ]


def test_scanned_text_without_tone_marks_matches_and_gets_them_back():
    assert _names("So Noi vu phoi hop voi So Thong tin va Truyen thong") == ["Sở Nội vụ"]
    assert match_agency("BAN TUYEN GIAO TINH UY").name == "Ban Tuyên giáo Tỉnh ủy"
    assert match_agency("Cong an tinh chu tri").name == "Công an tỉnh"
    assert _names("Vien kiem sat nhan dan va Toa an nhan dan tinh") == [
        "Viện kiểm sát nhân dân tỉnh",
        "Tòa án nhân dân tỉnh",
    ]


def test_find_agencies_gives_offsets_into_the_text():
    text = "Giao Công an tỉnh chủ trì, phối hợp với Sở Tư pháp và Ủy ban MTTQ Việt Nam tỉnh thực hiện."
    found = find_agencies(text)
    assert [name for _, _, name in found] == ["Công an tỉnh", "Sở Tư pháp", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]
    assert all(text[s:e].startswith(("Công an", "Sở", "Ủy ban")) for s, e, _ in found)


def test_a_place_name_before_va_stays_with_its_body():
    assert _names("UBND huyện Quỳnh Lưu và UBND các xã ven biển") == [
        "Ủy ban nhân dân huyện Quỳnh Lưu",
        "Ủy ban nhân dân các xã",
    ]
    assert _names("UBND thị xã Hoàng Mai và Sở Xây dựng") == ["Ủy ban nhân dân thị xã Hoàng Mai", "Sở Xây dựng"]


def test_abbreviations_inside_a_longer_body_name():
    assert _names("Ủy ban MTTQ huyện và Hội Nông dân huyện") == ["Ủy ban Mặt trận Tổ quốc huyện", "Hội Nông dân huyện"]
    assert _names("Đề nghị Văn phòng UBND thành phố, Sở Tư pháp rà soát") == [
        "Văn phòng Ủy ban nhân dân thành phố",
        "Sở Tư pháp",
    ]


def test_quan_of_running_text_is_not_the_district_unit():
    assert _names("các ban, ngành, địa phương quan tâm chỉ đạo") == ["các ban, ngành, địa phương"]
    assert _names("UBND cac quan, huyen chu tri") == ["Ủy ban nhân dân các quận, huyện"]  # a scan without tone marks


def test_numbered_units_keep_their_number():
    assert _names("UBND Phường 7, Quận 5 chủ trì") == ["Ủy ban nhân dân Phường 7", "Ủy ban nhân dân Quận 5"]


def test_a_title_that_ends_with_the_head_of_its_body():
    assert _names(
        "Chánh Văn phòng UBND huyện, Trưởng phòng Tài chính - Kế hoạch huyện, Chủ tịch UBND các xã, thị trấn"
    ) == [
        "Chánh Văn phòng Ủy ban nhân dân huyện",
        "Trưởng phòng Tài chính - Kế hoạch huyện",
        "Chủ tịch Ủy ban nhân dân các xã, thị trấn",
    ]


def test_named_body_runs_through_lowercase_words_to_its_colon():
    names = [
        n
        for line in (
            "3. Chi cục Kiểm lâm vùng ven biển: tuần tra rừng phòng hộ.",
            "4. Phòng Quản lý xuất nhập cảnh: cấp hộ chiếu đúng hạn.",
            "5. Sở Xây dựng chủ trì các nội dung sau:",
        )
        for _, _, n in find_agencies(line)
    ]
    assert names == ["Chi cục Kiểm lâm vùng ven biển", "Phòng Quản lý xuất nhập cảnh", "Sở Xây dựng"]


def test_lists_of_bodies_split_fully():
    assert _names("Thường trực HĐND tỉnh, các Ban của HĐND tỉnh và các Tổ đại biểu HĐND tỉnh giám sát") == [
        "Thường trực Hội đồng nhân dân tỉnh",
        "các Ban của Hội đồng nhân dân tỉnh",
        "các Tổ đại biểu Hội đồng nhân dân tỉnh",
    ]
    assert _names("Ủy ban MTTQ tỉnh và các tổ chức thành viên vận động") == [
        "Ủy ban Mặt trận Tổ quốc tỉnh",
        "các tổ chức thành viên",
    ]


def test_plural_unit_with_places_gives_one_body_per_place():
    assert _names("Công an thành phố Pleiku, Công an các thị xã An Khê, Ayun Pa: rà soát") == [
        "Công an thành phố Pleiku",
        "Công an thị xã An Khê",
        "Công an thị xã Ayun Pa",
    ]


def test_plural_of_a_named_head_with_an_abbreviated_name():
    assert _names("các trường THCS và các Trung tâm GDNN-GDTX: tổ chức kiểm tra") == [
        "các trường trung học cơ sở",
        "các Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
    ]


def test_a_name_runs_on_in_lowercase_words_and_after_a_dash():
    assert match_agency("Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo").name == "Cục Kết cấu hạ tầng xây dựng"
    assert match_agency("Cục Kinh tế - Quản lý đầu tư xây dựng").name == "Cục Kinh tế - Quản lý đầu tư xây dựng"
    assert match_agency("Trung tâm Kiểm soát bệnh tật tỉnh chủ trì").name == "Trung tâm Kiểm soát bệnh tật tỉnh"
    assert _names("Tập đoàn Công nghiệp - Viễn thông Quân đội, Tập đoàn Bưu chính Viễn thông Việt Nam chủ trì") == [
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "Tập đoàn Bưu chính Viễn thông Việt Nam",
    ]
    # a dash before a class says what the body is; a short task after a known name is no part of it
    assert match_agency("Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo").name == "Sở Tài chính"
    assert match_agency("Sở Tài chính bố trí kinh phí.").name == "Sở Tài chính"


def test_titles_head_the_body_they_belong_to():
    assert match_agency("Chánh Văn phòng Bộ; Vụ trưởng").name == "Chánh Văn phòng Bộ"
    assert match_agency("Giao Phó Thủ tướng Chính phủ Trần Hồng Hà trực tiếp chỉ đạo", 5).name == (
        "Phó Thủ tướng Chính phủ Trần Hồng Hà"
    )
    assert (
        match_agency("Thủ trưởng cơ quan, đơn vị có liên quan chịu").name == "Thủ trưởng cơ quan, đơn vị có liên quan"
    )


def test_a_list_of_places_after_a_colon_gives_one_body_per_place():
    assert _names("Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương: Nghệ An, Huế, Hà Tĩnh chủ động") == [
        "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An",
        "Chủ tịch Ủy ban nhân dân thành phố Huế",
        "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
    ]
    assert _names("Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Bình, Quảng Trị tiếp tục") == [
        "Bí thư tỉnh ủy Quảng Bình",
        "Bí thư tỉnh ủy Quảng Trị",
        "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình",
        "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị",
    ]
    # 'UBND các xã, phường: Phối hợp …' is a task after the colon, and 'các xã, phường, đặc khu Lý Sơn' one class
    assert _names("UBND các xã, phường: Phối hợp với Sở Y tế") == ["Ủy ban nhân dân các xã, phường"]
    assert _names("Chủ tịch UBND các xã, phường, đặc khu Lý Sơn và các thành viên Ban Chỉ đạo tỉnh chịu") == [
        "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu Lý Sơn",
        "các thành viên Ban Chỉ đạo tỉnh",
    ]


def test_a_list_of_provinces_after_a_colon_read_as_a_semicolon_gives_one_body_per_province():
    # Thủ tướng 223/CĐ-TTg (tn-15e6fb3d3f3b2644) printed and faxed at 150 dpi, as the OCR read it; after a semicolon
    # only provinces of the gazetteer are places: other bodies there are the next members of a list
    assert _names("Chủ tịch Ủy ban nhân dân các tỉnh; Khánh Hòa, Đắk Lắk, Gia Lai:") == [
        "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa",
        "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk",
        "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai",
    ]
    assert _names("Chủ tịch Ủy ban nhân dân các tỉnh; Sở Y tế, Sở Tài chính chủ động") == [
        "Chủ tịch Ủy ban nhân dân các tỉnh",
        "Sở Y tế",
        "Sở Tài chính",
    ]


def test_a_class_listing_its_members_by_name():
    assert _names("Các Bộ, cơ quan: Tài chính, Ngoại giao, Tập đoàn Điện lực Việt Nam theo chức năng") == [
        "Bộ Tài chính",
        "Bộ Ngoại giao",
        "Tập đoàn Điện lực Việt Nam",
    ]
    assert _names("Giám đốc các Sở: Dân tộc và Tôn giáo, Nội vụ và các sở, ban, ngành; Chủ tịch") == [
        "Giám đốc Sở Dân tộc và Tôn giáo",
        "Giám đốc Sở Nội vụ",
        "Giám đốc các sở, ban, ngành",
    ]


def test_a_list_goes_on_past_a_bracket_and_a_class_without_its_cac():
    assert _names(
        "Trung tâm Dịch vụ việc làm tỉnh (Sở Nội vụ), cơ quan thông tấn báo chí và Ủy ban nhân dân các xã tổ chức"
    ) == ["Trung tâm Dịch vụ việc làm tỉnh", "cơ quan thông tấn báo chí", "Ủy ban nhân dân các xã"]


def test_officials_of_an_executing_article_are_cut_at_their_titles():
    from extractors.agencies import parse_officials

    text = "Chánh Văn phòng Bộ, Vụ trưởng Vụ Kế hoạch, Tài chính, Viện trưởng Viện Văn hóa, Nghệ thuật Việt Nam và Thủ trưởng các cơ quan liên quan"
    assert [b.name for b in parse_officials(text, 0, len(text))] == [
        "Chánh Văn phòng Bộ",
        "Vụ trưởng Vụ Kế hoạch, Tài chính",
        "Viện trưởng Viện Văn hóa, Nghệ thuật Việt Nam",
        "Thủ trưởng các cơ quan liên quan",
    ]


def test_abbreviations_only_in_capitals_and_no_proper_names_in_a_capitals_title():
    assert match_agency("cắt tuyến ống") is None  # 'CAT' is Công an tỉnh, 'cắt' is a verb
    assert _names("ĐỀ NGHỊ THƯỜNG TRỰC TỈNH ỦY THANH HÓA CHỈ ĐẠO THỰC HIỆN") == ["THƯỜNG TRỰC TỈNH ỦY"]


def test_provinces_addressed_by_name_at_the_head_of_a_task():
    assert _names("Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện") == [
        "Tỉnh Nghệ An",
        "Tỉnh Quảng Ngãi",
        "Tỉnh Cao Bằng",
    ]
    assert _names("Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh") == [
        "Thành phố Hà Nội",
        "Tỉnh Bắc Ninh",
        "Tỉnh Gia Lai",
    ]
    assert _names("tỉnh Xuân Hòa Mới khẩn trương") == []  # a name the gazetteer does not know is no province


def test_a_list_shares_the_body_its_last_member_names():
    assert _names(
        "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu "
        "Hội đồng nhân dân Thành phố giám sát"
    ) == [
        "Thường trực Hội đồng nhân dân Thành phố",
        "các Ban của Hội đồng nhân dân Thành phố",
        "các Tổ đại biểu Hội đồng nhân dân Thành phố",
        "đại biểu Hội đồng nhân dân Thành phố",
    ]
    # the second member plural: HĐND Hà Nội (tn-27e00d593ec30fac, Điều 6.2) and HĐND thành phố Huế
    # (tn-0abcf1a5292b31ec, Điều 4.2: 'Tổ đại biểu và các đại biểu Hội đồng nhân dân thành phố trong phạm vi …')
    assert _names(
        "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và các đại biểu "
        "Hội đồng nhân dân Thành phố giám sát chặt chẽ"
    )[2:] == ["các Tổ đại biểu Hội đồng nhân dân Thành phố", "các đại biểu Hội đồng nhân dân Thành phố"]
    assert _names(
        "Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân, Tổ đại biểu và các đại biểu Hội đồng nhân dân "
        "thành phố trong phạm vi"
    )[2:] == ["Tổ đại biểu Hội đồng nhân dân thành phố", "các đại biểu Hội đồng nhân dân thành phố"]
    assert _names("Ban Dân vận Thành ủy, Ủy ban Mặt trận Tổ quốc thành phố tổ chức") == [
        "Ban Dân vận Thành ủy",
        "Ủy ban Mặt trận Tổ quốc thành phố",
    ]


def test_a_bare_level_and_dashed_units_stay_with_their_body():
    assert _names("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã") == [
        "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh",
        "Ban Chỉ huy Phòng thủ dân sự cấp xã",
    ]
    assert _names("Kho bạc Nhà nước Thành phố, Kho bạc Nhà nước quận - huyện có nhiệm vụ") == [
        "Kho bạc Nhà nước Thành phố",
        "Kho bạc Nhà nước quận - huyện",
    ]


def test_officials_list_ends_with_a_class():
    text = "Giám đốc Công ty Điện lực Quảng Trị; Giám đốc Hợp tác xã dịch vụ điện Quảng Phú và các cơ quan, đơn vị, tổ chức, cá nhân có liên quan"
    assert [b.name for b in parse_officials(text, 0, len(text))] == [
        "Giám đốc Công ty Điện lực Quảng Trị",
        "Giám đốc Hợp tác xã dịch vụ điện Quảng Phú",
        "các cơ quan, đơn vị, tổ chức, cá nhân có liên quan",
    ]


def test_a_head_named_by_a_body_of_its_own_and_a_body_with_a_level():
    assert _names("Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh chủ trì") == [
        "Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh"
    ]
    assert _names("Văn phòng Ban Chỉ huy; các sở, ban, ngành") == ["Văn phòng Ban Chỉ huy", "các sở, ban, ngành"]
    assert _names("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã rà soát") == [
        "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh",
        "Ban Chỉ huy Phòng thủ dân sự cấp xã",
    ]


def test_a_singular_head_before_a_colon_lists_its_names():
    assert _names("Giám đốc Sở: Lao động - Thương binh và Xã hội, Thông tin và Truyền thông; Chủ tịch") == [
        "Giám đốc Sở Lao động - Thương binh và Xã hội",
        "Giám đốc Sở Thông tin và Truyền thông",
    ]


def test_titles_in_series_head_one_named_body_but_not_a_class():
    text = (
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thống đốc Ngân hàng Nhà nước Việt Nam, Chủ tịch Hội đồng"
        " quản trị, Tổng Giám đốc Ngân hàng Chính sách xã hội và Thủ trưởng các cơ quan liên quan"
    )
    assert [m.name for m in parse_officials(text, 0, len(text))] == [
        "Các Bộ trưởng",
        "Thủ trưởng cơ quan ngang Bộ",
        "Thống đốc Ngân hàng Nhà nước Việt Nam",
        "Chủ tịch Hội đồng quản trị Ngân hàng Chính sách xã hội",
        "Tổng Giám đốc Ngân hàng Chính sách xã hội",
        "Thủ trưởng các cơ quan liên quan",
    ]


def test_a_province_whose_name_holds_a_body_word_is_read_whole():
    """'Hải Phòng': 'Phòng' also opens a body ('Phòng Cảnh sát …'), but here it ends the city's name."""
    found, _ = parse_addressees(
        "Ủy ban nhân dân thành phố Hà Nội, thành phố Hải Phòng và tỉnh Quảng Ninh trực tiếp hỗ trợ"
    )
    assert [b.name for b in found] == [
        "Ủy ban nhân dân thành phố Hà Nội",
        "Ủy ban nhân dân thành phố Hải Phòng",
        "Ủy ban nhân dân tỉnh Quảng Ninh",
    ]


def test_a_bare_title_in_a_series_of_titles_is_one_addressee():
    # tn-1095764e502a89b8 (Công điện 224/CĐ-TTg, Thủ tướng Chính phủ), item 1; tn-c22591f10eec1dab (Nghị định of
    # Chính phủ), Điều 72.1: 'Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, người đứng đầu tổ chức …'
    text = (
        "Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
        "thành phố trực thuộc Trung ương khẩn trương chỉ đạo"
    )
    assert _names(text) == [
        "Bộ trưởng",
        "Thủ trưởng cơ quan ngang Bộ",  # a title over a repeated class heads each (notes D, G, L, N)
        "Thủ trưởng cơ quan thuộc Chính phủ",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ]
    assert _names("Bộ trưởng Bộ Tài chính chủ trì") == ["Bộ trưởng Bộ Tài chính"]
    assert _names("Bộ trưởng khẩn trương chỉ đạo") == []  # a title alone, followed by no other, names nobody


def test_a_title_over_a_colon_heads_each_body_listed_after_it():
    # tn-6e205b75bcc588b5 (Quyết định 2913/QĐ-UBND, UBND tỉnh Hà Tĩnh), Điều 3; the same 'Tổng giám đốc: Đài
    # truyền hình Việt Nam, …' in the addressees of tn-1095764e502a89b8 (Công điện 224/CĐ-TTg)
    text = (
        "Chánh Văn phòng UBND tỉnh; Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo - Tin học "
        "tỉnh; Chủ tịch Ủy ban nhân dân cấp xã chịu trách nhiệm thi hành Quyết định này"
    )
    assert [b.name for b in parse_officials(text, 0, text.find(" chịu"))] == [
        "Chánh Văn phòng Ủy ban nhân dân tỉnh",
        "Giám đốc Trung tâm Phục vụ hành chính công tỉnh",
        "Giám đốc Trung tâm Công báo - Tin học tỉnh",
        "Chủ tịch Ủy ban nhân dân cấp xã",
    ]


def test_the_land_registration_office_and_its_branches_are_bodies():
    # tn-994dfbc3967e5ebf (Quy chế phối hợp, UBND tỉnh Nghệ An), Điều 17; tn-50693ea4bb4bda20 (Quy chế, UBND tỉnh
    # Lai Châu), Điều 3.7
    assert _names("Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai có trách nhiệm cung cấp") == [
        "Văn phòng đăng ký đất đai",
        "Chi nhánh Văn phòng đăng ký đất đai",
    ]


def test_investors_are_a_class_of_bodies():
    # tn-ceb89a53c7b93f00 (Kế hoạch 987/KH-UBND, UBND tỉnh Nghệ An), IV.5, a heading over its bullets; the class
    # is named the same way in tn-50f694478a35aefd and tn-69db23c781b2e9aa
    assert _names("Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp") == ["Các chủ đầu tư"]


def test_a_title_over_classes_that_repeat_one_class_word_heads_each_of_them():
    """cb-file_data_50 (Thủ tướng, Điều 9) and tn-ccb7cba554ea36d2 (Chính phủ, Điều 3): gold counts the
    title once per class; a class list without a repeated word stays one class."""
    text = (
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh,"
        " thành phố trực thuộc Trung ương"
    )
    assert [m.name for m in parse_officials(text, 0, len(text))] == [
        "Các Bộ trưởng",
        "Thủ trưởng cơ quan ngang Bộ",
        "Thủ trưởng cơ quan thuộc Chính phủ",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ]
    text = "Bộ trưởng Bộ Tài chính và Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan có liên quan"
    assert [m.name for m in parse_officials(text, 0, len(text))][-2:] == [
        "Thủ trưởng cơ quan ngang Bộ",
        "Thủ trưởng cơ quan có liên quan",
    ]
    assert _names("Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm") == [
        "Thủ trưởng các cơ quan, đơn vị có liên quan"
    ]


def test_a_plural_title_after_a_comma_opens_a_member_of_its_own():
    """tn-7f4621fd812c6ff9 (Điều 4): '… Bộ trưởng Bộ Nội vụ, các Bộ trưởng, Thủ trưởng …'."""
    text = "Bộ trưởng Bộ Nội vụ, các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan có liên quan"
    assert [m.name for m in parse_officials(text, 0, len(text))] == [
        "Bộ trưởng Bộ Nội vụ",
        "các Bộ trưởng",
        "Thủ trưởng cơ quan ngang bộ",
        "Thủ trưởng cơ quan có liên quan",
    ]


def test_the_joint_office_of_the_council_and_the_committee_is_one_body():
    """tn-be5392d4f50c27a6 (UBND Nghệ An), cb-file_data_46 (UBND TP Hồ Chí Minh), tn-0f98ee482389e59e."""
    assert _names("Văn phòng HĐND - UBND cấp xã chủ trì tham mưu cho UBND") == [
        "Văn phòng Hội đồng nhân dân - Ủy ban nhân dân cấp xã"
    ]
    text = "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố, Giám đốc Sở Tài chính"
    assert [m.name for m in parse_officials(text, 0, len(text))] == [
        "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố",
        "Giám đốc Sở Tài chính",
    ]


def test_the_national_civil_defence_steering_committee_is_named_whole():
    """tn-a328fbb46798c2b5 and tn-cfef94bb5eaf59df (Công điện of the Thủ tướng), tn-437c3beb60ae2874 (UBND TP Hồ Chí
    Minh, 'Ban Chỉ đạo PTDS Quốc gia'): its name runs on in lowercase past 'Ban Chỉ đạo'."""
    assert _names("Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo dõi sát diễn biến") == [
        "Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"
    ]
    assert _names("Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia phối hợp với") == [
        "Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"
    ]
    assert _names("Ban Chỉ đạo PTDS Quốc gia") == ["Ban Chỉ đạo phòng thủ dân sự Quốc gia"]


def test_a_class_named_by_its_trade_keeps_it():
    """tn-e01d3782fbed0967 (Công điện 227/CĐ-TTg, item 12) and tn-ec00bd6f58be7864 (a task table of the Thủ tướng);
    'các doanh nghiệp viễn thông' also in plans of provinces (tn-62f25a030c183151, tn-ceb89a53c7b93f00)."""
    assert _names("Các cơ quan truyền thông, báo chí tiếp tục bám sát địa bàn") == ["Các cơ quan truyền thông, báo chí"]
    assert _names("Bộ Khoa học và Công nghệ; các doanh nghiệp viễn thông") == [
        "Bộ Khoa học và Công nghệ",
        "các doanh nghiệp viễn thông",
    ]


def test_a_hyphen_written_without_spaces_joins_a_name_as_a_spaced_one():
    """'các tổ chức chính trị-xã hội' (tn-c5d930a5fc8373cd; also tn-02b9be7711f88c70, tn-27e00d593ec30fac,
    tn-4e39af96b6891368, tn-c05552433ef48b49): the lexicon's 'chính trị - xã hội' written without its spaces."""
    assert _names("Các sở, ban, ngành, các tổ chức chính trị-xã hội xây dựng") == [
        "Các sở, ban, ngành",
        "các tổ chức chính trị-xã hội",
    ]


def test_a_bare_body_before_a_comma_shares_the_scope_of_the_next():
    """Điều 3.1 of the 2025 merger resolutions of the Standing Committee (tn-1662311553c66bda Gia Lai,
    tn-9e001697662f9728 Cần Thơ); 'HĐND, UBND các tỉnh' of the distribution lists (cb-file_data_13, tn-9a885bb5)."""
    assert _names(
        "Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Gia Lai, chính quyền địa phương các đơn vị hành chính "
        "liên quan đến việc thực hiện sắp xếp và các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi hành"
    ) == [
        "Chính phủ",
        "Hội đồng nhân dân tỉnh Gia Lai",
        "Ủy ban nhân dân tỉnh Gia Lai",
        "chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp",
        "các cơ quan, tổ chức khác có liên quan",
    ]
    assert (
        _names("HĐND, UBND các tỉnh, thành phố trực thuộc TW;")[0] == "Hội đồng nhân dân các tỉnh, thành phố trực thuộc"
    )
    assert _names("Sở Tài chính, Ủy ban nhân dân tỉnh Gia Lai thực hiện") == [
        "Sở Tài chính",
        "Ủy ban nhân dân tỉnh Gia Lai",
    ]


def test_the_national_assembly_bodies_that_supervise_and_the_provinces_delegation():
    """Điều 3.3 of the merger resolutions (tn-92582856e1434cfb Đắk Lắk, tn-ac8c98d5bbbe2be0 Tây Ninh): the
    council and committees 'của Quốc hội' are national (the council takes the 'của Quốc hội' after the committees,
    as G writes it from tn-05729ab5), the delegation and its deputies the province's."""
    assert _names(
        "Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh Đắk Lắk, "
        "trong phạm vi nhiệm vụ, quyền hạn của mình, giám sát"
    ) == [
        "Hội đồng Dân tộc của Quốc hội",
        "các Ủy ban của Quốc hội",
        "Đoàn đại biểu Quốc hội tỉnh Đắk Lắk",
        "đại biểu Quốc hội tỉnh Đắk Lắk",
    ]
    assert _names("Chính phủ, các Ủy ban của Quốc hội") == ["Chính phủ", "các Ủy ban của Quốc hội"]


def test_the_provincial_tax_offices_of_2025_are_bodies():
    # 'Thuế tỉnh X' replaced 'Cục Thuế tỉnh X' in 2025: Cục Thuế to all provinces (tn-28219392db3ee2e0) and to one
    # (tn-1871c6bc374a0bc4), UBND Đắk Lắk's directive (tn-6bac4a0d92da936d, 'e) Thuế tỉnh Đắk Lắk'), UBND Nghệ An
    # (tn-994dfbc3967e5ebf, '6. Thuế tỉnh Nghệ An, các Thuế cơ sở tỉnh Nghệ An')
    assert _names("các Thuế tỉnh, thành phố khẩn trương báo cáo") == ["các Thuế tỉnh, thành phố"]
    assert _names("Thuế tỉnh Đắk Lắk căn cứ hồ sơ thuê đất") == ["Thuế tỉnh Đắk Lắk"]
    assert _names("Thuế tỉnh Nghệ An, các Thuế cơ sở tỉnh Nghệ An (sau đây") == [
        "Thuế tỉnh Nghệ An",
        "các Thuế cơ sở tỉnh Nghệ An",
    ]
    assert _names("Cơ quan thuế tỉnh có trách nhiệm") == []  # the tax authorities in general, no office


def test_a_series_of_classes_is_a_class_without_cac():
    # UBND Cần Thơ (tn-a83fffe0, '2. Sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường'), UBND Thành phố Hồ Chí
    # Minh (tn-2f6f80b9), Bộ Nội vụ (tn-5d3180ce, 'đề nghị bộ, ngành, địa phương khẩn trương')
    assert _names("Sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường") == [
        "Sở, ban, ngành thành phố",
        "Ủy ban nhân dân xã, phường",
    ]
    assert _names("bộ, ngành, địa phương khẩn trương tổng hợp") == ["bộ, ngành, địa phương"]
    assert _names("Sở Y tế, Sở Tài chính chủ trì") == ["Sở Y tế", "Sở Tài chính"]
    # other classes in a series are a topic as often as a body ('Tổ chức, cá nhân phải tuân thủ …')
    assert _names("Tổ chức, cá nhân sử dụng điện phải tuân thủ") == []


def test_a_proper_name_runs_on_through_its_lowercase_syllables_to_a_later_capitalised_word():
    # tn-6bac4a0d92da936d (Chỉ thị, UBND tỉnh Đắk Lắk)
    text = (
        "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban quản lý Khu Nông nghiệp"
        " ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu công nghiệp tỉnh):"
    )
    assert [b.name for b in parse_addressees(text, text.index("(") + 1)[0]] == [
        "Sở Tài chính",
        "Ban quản lý Khu Kinh tế Phú Yên",
        "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên",
        "Ban Quản lý các Khu công nghiệp tỉnh",
    ]
    # tn-e4ddc120fc14463c (Nghị định, Chính phủ); tn-77de8d61b741c666 (Công văn, Thuế tỉnh Phú Thọ)
    assert _names("Học viện Chính trị quốc gia Hồ Chí Minh tổ chức bồi dưỡng các chương trình sau:") == [
        "Học viện Chính trị quốc gia Hồ Chí Minh"
    ]
    assert _names("Công ty Cổ phần siêu thị Sài Gòn liên hệ với Thuế tỉnh Phú Thọ") == [
        "Công ty Cổ phần siêu thị Sài Gòn"
    ]
    # a capitalised word before a lowercase task opens the sentence (tn-24701a1c97c8c368, Thông báo, VPCP)
    assert _names("Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam làm việc cụ thể với công ty") == [
        "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam"
    ]
    assert _names("Trưởng Ban Quản lý Quỹ Đền ơn đáp nghĩa cấp tỉnh có trách nhiệm") == [
        "Trưởng Ban Quản lý Quỹ Đền ơn đáp nghĩa cấp tỉnh"
    ]


def test_a_body_told_apart_by_its_number_keeps_it():
    # VPCP 11554/VPCP-V.I (tn-8018a6f353d60a9e, '5. Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia tăng cường …'),
    # Bộ Xây dựng's telegram (tn-a8e9e9675ab618ee, '5. Ban Quản lý Dự án 85 khẩn trương tiếp tục chủ trì …'), UBND
    # Bắc Ninh's plan (tn-ad5aff6c13929815, '12. Ngân hàng nhà nước khu vực XII')
    assert _names("Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia tăng cường kiểm tra") == [
        "Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia"
    ]
    assert _names("Ban Quản lý Dự án 85 khẩn trương tiếp tục chủ trì") == ["Ban Quản lý Dự án 85"]
    assert _names("Ngân hàng nhà nước khu vực XII chủ động triển khai") == ["Ngân hàng nhà nước khu vực XII"]
    assert _names("Sở Y tế, Ban Chỉ đạo 35 tỉnh phối hợp") == ["Sở Y tế", "Ban Chỉ đạo 35 tỉnh"]
    # a count or a period after a name is no number of the body
    assert _names("Sở Tài chính 02 bản để theo dõi") == ["Sở Tài chính"]
    assert _names("Ban Chỉ đạo 2021-2025 của tỉnh") == ["Ban Chỉ đạo"]


def test_a_dash_before_a_title_says_what_else_the_official_is():
    # VPCP 11554/VPCP-V.I (tn-8018a6f353d60a9e): '3. Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389
    # quốc gia tập trung lãnh đạo …'; a dash between two parts of one name stays ('Sở Lao động - Thương binh và Xã hội')
    assert _names("Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia tập trung") == [
        "Bộ trưởng Bộ Tài chính"
    ]
    assert _names("Sở Lao động - Thương binh và Xã hội chủ trì") == ["Sở Lao động - Thương binh và Xã hội"]


def test_a_series_of_classes_after_va_closes_a_list_of_officials_without_its_cac():
    # Bộ Quốc phòng (tn-1e6fb98e16a75e3d): '… Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương và cơ
    # quan, tổ chức cá nhân liên quan chịu trách nhiệm thi hành'; a provincial decision (tn-46cf026ac548f4bd): '…
    # Thủ trưởng các cơ quan, đơn vị và tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành'
    text = "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương và cơ quan, tổ chức cá nhân liên quan"
    assert [b.name for b in parse_officials(text, 0, len(text))] == [
        "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
        "cơ quan, tổ chức cá nhân liên quan",
    ]
    text = "Chánh Văn phòng UBND tỉnh, Thủ trưởng các cơ quan, đơn vị và tổ chức, cá nhân có liên quan"
    assert [b.name for b in parse_officials(text, 0, len(text))][-2:] == [
        "Thủ trưởng các cơ quan, đơn vị",
        "tổ chức, cá nhân có liên quan",
    ]
    # one class word after 'và' is a member of the class before it (UBND TP. Hồ Chí Minh, tn-437c3beb60ae2874)
    text = "Chủ tịch Ủy ban nhân dân các phường, xã, đặc khu và các tổ chức, hội, đoàn thể và cá nhân có liên quan"
    assert [b.name for b in parse_officials(text, 0, len(text))][
        -1
    ] == "các tổ chức, hội, đoàn thể và cá nhân có liên quan"


def test_the_provinces_and_centrally_run_cities_as_a_class_that_acts():
    # Thủ tướng's decision on housing for people with merit (cb-file_data_40) and the Chính phủ's decree on people
    # with merit (cb-file_data_7): 'Điều 4. Chi phí quản lý / 1. Các tỉnh, thành phố trực thuộc Trung ương sử dụng …'
    assert _names("Các tỉnh, thành phố trực thuộc Trung ương sử dụng ngân sách địa phương") == [
        "Các tỉnh, thành phố trực thuộc Trung ương"
    ]
    assert _names("Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo") == [
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
    ]


def test_a_person_class_closes_a_series_whose_comma_was_left_out():
    # cb-file_data_22 (Quyết định công bố TTHC, UBND tỉnh Hà Giang), Điều 2
    text = "UBND các xã, phường, thị trấn và các tổ chức cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này."
    assert _names(text) == ["Ủy ban nhân dân các xã, phường, thị trấn", "các tổ chức cá nhân có liên quan"]
    # tn-1e6fb98e16a75e3d (Quyết định, Bộ Quốc phòng), Điều 3
    text = "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương và cơ quan, tổ chức cá nhân liên quan chịu"
    assert _names(text) == [
        "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
        "cơ quan, tổ chức cá nhân liên quan",
    ]
    # tn-6e205b75bcc588b5 (Quyết định công bố TTHC nội bộ, UBND tỉnh Hà Tĩnh), a 'Cơ quan thực hiện' cell
    assert _names("Sở Nông nghiệp và Môi trường, các sở ngành liên quan") == [
        "Sở Nông nghiệp và Môi trường",
        "các sở ngành liên quan",
    ]


def test_a_scope_word_keeps_the_area_it_ranges_over():
    # HĐND thành phố Hà Nội, Nghị quyết 55/2025 (tn-02b9be7711f88c70) and 57/2025 (tn-f20b8af669b140e9), Điều on
    # who executes: the Front 'các cấp' of the city is one body with its area
    assert _names("Đề nghị Ủy ban Mặt trận Tổ quốc các cấp thành phố Hà Nội tham gia giám sát") == [
        "Ủy ban Mặt trận Tổ quốc các cấp thành phố Hà Nội"
    ]
    assert _names("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam các cấp Thành phố phối hợp tuyên truyền") == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp Thành phố"
    ]
    assert _names("Công an các cấp, các ngành chức năng") == ["Công an các cấp", "các ngành chức năng"]


def test_a_class_owned_by_the_issuers_bare_head_keeps_it():
    # Bộ Tư pháp, 23/2025/TT-BTP Điều 14.3; UBND tỉnh Hà Tĩnh, 624/KH-UBND V.8
    assert _names("Người đứng đầu đơn vị sự nghiệp thuộc Bộ quản lý hồ sơ giấy và hồ sơ điện tử") == [
        "Người đứng đầu đơn vị sự nghiệp thuộc Bộ"
    ]
    assert _names("Thủ trưởng các đơn vị thuộc Bộ được phân cấp có trách nhiệm")[0].startswith(
        "Thủ trưởng các đơn vị thuộc Bộ"
    )
    assert _names("Các sở, cơ quan trực thuộc Sở và các cơ quan liên quan trong phạm vi")[0] == (
        "Các sở, cơ quan trực thuộc Sở"
    )
    assert _names("các đơn vị trực thuộc Sở Y tế thực hiện") == ["các đơn vị trực thuộc Sở Y tế"]


def test_a_steering_committee_is_named_by_its_mission_up_to_its_scope():
    # Ban Chỉ đạo Nhà nước về Du lịch 170/2025 (tn-322358d6040a153b, Quy chế 14.2 and 17.2) and the Prime Minister's
    # telegrams (tn-a328fbb46798c2b5, tn-cfef94bb5eaf59df): the mission in lowercase names the committee when a
    # scope closes it; without one the words are its task
    def names(text: str) -> list[str]:
        return [m.name for m in parse_addressees(text)[0]]

    assert names("Các bộ, ngành và Ban Chỉ đạo phát triển du lịch các địa phương có trách nhiệm xây dựng kế hoạch") == [
        "Các bộ, ngành",
        "Ban Chỉ đạo phát triển du lịch các địa phương",
    ]
    assert names("Ban Chỉ đạo phát triển du lịch các tỉnh, thành phố định kỳ 06 tháng") == [
        "Ban Chỉ đạo phát triển du lịch các tỉnh, thành phố"
    ]
    assert names("Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo dõi sát diễn biến") == [
        "Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"
    ]
    assert names("Ban Chỉ đạo định kỳ hoặc đột xuất tổ chức kiểm tra") == ["Ban Chỉ đạo"]


def test_a_slash_offers_either_level_or_either_name_of_one_body():
    # HĐND Huế 37/2025 (tn-0abcf1a5292b31ec), the fisheries plan tn-d5ffa6afac124d52 ('UBND các xã/phường'), the Bộ Nông
    # nghiệp và Môi trường template tn-1796a553dfee8 ('Chủ tịch UBND tỉnh/thành phố') and the ministry's guidance
    # tn-448306af3d3a91f7 ('Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao'): one addressee, as printed
    assert [m.name for m in parse_addressees("Ủy ban nhân dân xã/phường lập danh sách")[0]] == [
        "Ủy ban nhân dân xã/phường"
    ]
    assert [m.name for m in parse_addressees("Chủ tịch UBND tỉnh/thành phố phê duyệt")[0]] == [
        "Chủ tịch Ủy ban nhân dân tỉnh/thành phố"
    ]
    found, _ = parse_addressees("Phòng Kinh tế xã/Phòng Kinh tế, Hạ tầng và Đô thị phường phối hợp với Sở Y tế")
    assert [m.name for m in found] == ["Phòng Kinh tế xã/Phòng Kinh tế, Hạ tầng và Đô thị phường"]
    found, _ = parse_addressees("Phòng Kinh tế, Sở Y tế thực hiện")
    assert [m.name for m in found] == ["Phòng Kinh tế", "Sở Y tế"]


def test_an_office_word_before_a_bodys_name_names_that_body():
    # HĐND Huế 37/2025 (tn-0abcf1a5292b31ec, 'b) Cơ quan Bảo hiểm xã hội thành phố tổng hợp danh sách'), UBND Hà Nội's
    # land procedure (cb-file_data_18, '4. Cơ quan Thuế:'), Bộ Quốc phòng's rules (tn-4ea650b6faa46d71, 'cơ quan Bảo
    # hiểm xã hội cấp tỉnh'); 'Thuế' alone is no body, 'Cơ quan chủ trì' is a role
    assert [m.name for m in parse_addressees("Cơ quan Bảo hiểm xã hội thành phố tổng hợp danh sách")[0]] == [
        "Cơ quan Bảo hiểm xã hội thành phố"
    ]
    assert [m.name for m in parse_addressees("Cơ quan Thuế: Đối với các trường hợp được giao đất ở")[0]] == [
        "Cơ quan Thuế"
    ]
    assert [m.name for m in parse_addressees("cơ quan Bảo hiểm xã hội cấp tỉnh thực hiện")[0]] == [
        "cơ quan Bảo hiểm xã hội cấp tỉnh"
    ]
    assert parse_addressees("Thuế căn cứ tài liệu")[0] == []
    assert parse_addressees("Cơ quan chủ trì tổng hợp")[0] == []


def test_a_province_of_one_syllable_ends_the_name_before_a_verb():
    # HĐND Huế 37/2025 (tn-0abcf1a5292b31ec, '2. Cơ quan Bảo hiểm xã hội thành phố Huế tổng hợp danh sách'), Thuế thành
    # phố Huế's letter (tn-a94e2ffb8c7ea677, 'Đề nghị Thuế thành phố Huế đối chiếu …'); a capitalised verb is no place
    assert [m.name for m in parse_addressees("Cơ quan Bảo hiểm xã hội thành phố Huế tổng hợp danh sách")[0]] == [
        "Cơ quan Bảo hiểm xã hội thành phố Huế"
    ]
    assert [m.name for m in parse_addressees("Thuế thành phố Huế đối chiếu với quy định")[0]] == ["Thuế thành phố Huế"]
    assert [m.name for m in parse_addressees("Sở Y tế tỉnh Vận động nhân dân")[0]] == ["Sở Y tế tỉnh"]


def test_a_restated_cac_opens_a_class_of_its_own():
    # Prime Minister's telegram tn-50f694478a35aefd, Government resolution tn-a69069ae524315d9, UBND Nghệ An plan
    # tn-c5d930a5fc8373cd: 'các' said again after a comma starts a second class, which CONVENTIONS gives its own
    # obligation; one 'các' over several class words stays one class
    def names(text: str) -> list[str]:
        return [m.name for m in parse_addressees(text)[0]]

    assert names("các bộ, ngành, địa phương, các thành viên của Ban Chỉ đạo phải tiếp tục nâng cao") == [
        "các bộ, ngành, địa phương",
        "các thành viên của Ban Chỉ đạo",
    ]
    assert names("các tổ chức thành viên, các tổ chức chính trị xã hội, Hội Chữ thập đỏ Việt Nam, theo nhiệm vụ") == [
        "các tổ chức thành viên",
        "các tổ chức chính trị xã hội",
        "Hội Chữ thập đỏ Việt Nam",
    ]
    assert names("các sở, ban, ngành liên quan thực hiện") == ["các sở, ban, ngành liên quan"]
    # under one title the classes stay one (scan vht534, whose gold keeps the whole list)
    assert names("Thủ trưởng các cơ quan, đơn vị, địa phương, các chủ đầu tư, các đơn vị đầu mối giao kế hoạch") == [
        "Thủ trưởng các cơ quan, đơn vị, địa phương, các chủ đầu tư, các đơn vị"
    ]


def test_a_restated_cac_ends_a_member_of_who_executes():
    # UBND thành phố Huế tn-d71b3a48efad6d2c and UBND Hà Nội tn-ca72de8fb3033d5c (Điều 3): a class with its own 'các'
    # ends the member before it; a title over a class heads the class after its colon list (UBND Bắc Ninh
    # tn-b6ae4bd43c0ad4ff)
    def officials(text: str) -> list[str]:
        return [m.name for m in parse_officials(text, 0, len(text))]

    assert officials(
        "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu, các tổ chức hành nghề công chứng trên địa bàn thành phố"
    ) == [
        "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu",
        "các tổ chức hành nghề công chứng trên địa bàn thành phố",
    ]
    assert officials("Sở Xây dựng, Trung tâm Phục vụ hành chính công, các Sở, ban, ngành Thành phố") == [
        "Sở Xây dựng",
        "Trung tâm Phục vụ hành chính công",
        "các Sở, ban, ngành Thành phố",
    ]
    assert (
        officials(
            "Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Xây dựng, Sở Tài chính, các cơ quan, đơn vị có liên quan"
        )[-1]
        == "Thủ trưởng các cơ quan, đơn vị có liên quan"
    )


def test_the_committees_of_the_national_assembly_are_named_whole():
    # VPCP notice 631/TB-VPCP (tn-05729ab54fc07c39) and letter 11583/VPCP-CN (tn-91035abb77ae0a1b); the distribution
    # lists of 110/2025/TT-BTC (tn-39db3d8c3cc4571d) and 375/NQ-CP (tn-ccb7cba554ea36d2): a committee's name joins its
    # fields with ',' and 'và', which elsewhere end a name
    def names(text: str) -> list[str]:
        return [m.name for m in parse_addressees(text)[0]]

    assert names("Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội, Hội đồng dân tộc của Quốc hội phối hợp") == [
        "Ủy ban Kinh tế và Tài chính của Quốc hội",
        "Hội đồng dân tộc của Quốc hội",
    ]
    assert names("Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội, Đại biểu Quốc hội") == [
        "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội",
        "Đại biểu Quốc hội",
    ]
    assert names("Sở Khoa học và Công nghệ, Sở Tài chính thực hiện") == ["Sở Khoa học và Công nghệ", "Sở Tài chính"]


def test_a_one_word_province_ends_its_body_before_the_task():
    # Cục Thuế reply tn-a94e2ffb8c7ea677 ('Đề nghị Thuế thành phố Huế đối chiếu …') and the resolutions of HĐND thành
    # phố Huế (tn-0abcf1a5292b31ec, tn-ed309a99382e6b4c, '… Hội đồng nhân dân thành phố Huế khóa VIII'): 'Huế' is a
    # place of the gazetteer, not a capitalised word opening the next sentence ('tỉnh Vận động …')
    def names(text: str) -> list[str]:
        return [m.name for m in parse_addressees(text)[0]]

    assert names("Đề nghị Thuế thành phố Huế đối chiếu với quy định của pháp luật") == ["Thuế thành phố Huế"]
    assert [n for _, _, n in find_agencies("Hội đồng nhân dân thành phố Huế khóa VIII, kỳ họp thứ 12")] == [
        "Hội đồng nhân dân thành phố Huế"
    ]
    assert names("Ủy ban nhân dân tỉnh Vận động nhân dân") == ["Ủy ban nhân dân tỉnh"]


def test_a_class_stationed_in_an_area_keeps_where_it_is_stationed():
    # UBND Hà Nội regulation tn-af2a4fc9b3a7aeeb ('Đề nghị các cơ quan, đơn vị đóng trên địa bàn thành phố Hà Nội phối
    # hợp …'), the plan tn-ad5aff6c13929815 ('các cơ quan báo chí đóng trên địa bàn'), the Prime Minister's telegram
    # tn-cfef94bb5eaf59df ('các đơn vị đóng trên địa bàn'): 'đóng trên địa bàn' says which bodies of the class
    def names(text: str) -> list[str]:
        return [m.name for m in parse_addressees(text)[0]]

    assert names("Đề nghị các cơ quan, đơn vị đóng trên địa bàn thành phố Hà Nội phối hợp, giới thiệu") == [
        "các cơ quan, đơn vị đóng trên địa bàn thành phố Hà Nội"
    ]
    assert names("các cơ quan báo chí đóng trên địa bàn chủ trì") == ["các cơ quan báo chí đóng trên địa bàn"]


def test_va_cac_opens_another_group_in_a_list_of_who_executes():
    # UBND Hà Nội regulation tn-af2a4fc9b3a7aeeb and UBND Quảng Ninh 97/2025/QĐ-UBND tn-1cde9b907469c65b (their last articles):
    # 'và các' after a closed member names other addressees, not more of the same title's bodies
    def officials(text: str) -> list[str]:
        return [m.name for m in parse_officials(text, 0, len(text))]

    assert officials(
        "Chánh Văn phòng Ủy ban nhân dân tỉnh; Thủ trưởng các đơn vị trực thuộc thành phố Hà Nội và các tập thể, cá "
        "nhân liên quan"
    )[:2] == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Thủ trưởng các đơn vị trực thuộc thành phố Hà Nội"]
    assert officials("Chủ tịch Ủy ban nhân dân các quận và các xã") == ["Chủ tịch Ủy ban nhân dân các quận và các xã"]


def test_an_unknown_member_between_bodies_is_read_by_the_shape_of_a_name():
    # Bộ Quốc phòng, tn-1e6fb98e16a75e3d, Quy chế Điều 24
    text = (
        "Cơ quan Hải quan, Bộ đội Biên phòng, Cảng vụ hàng hải, Kiểm dịch y tế, Kiểm dịch động vật, Kiểm dịch thực "
        "vật và cơ quan chức năng liên quan khác có trách nhiệm, quyền hạn phối hợp với Công ty Tân Cảng"
    )
    assert _names(text)[2:6] == ["Cảng vụ hàng hải", "Kiểm dịch y tế", "Kiểm dịch động vật", "Kiểm dịch thực vật"]
    # UBND Quảng Trị, tn-3bc52886147b6a70, Quy định Điều 6.4
    text = (
        "Công ty Điện lực Quảng Trị, Hợp tác xã dịch vụ điện Quảng Phú và các đơn vị bán lẻ điện tổ chức tuyên truyền"
    )
    assert _names(text)[:2] == ["Công ty Điện lực Quảng Trị", "Hợp tác xã dịch vụ điện Quảng Phú"]


def test_an_unknown_member_needs_a_body_after_it():
    # the same shape with no known body after it is not a list of bodies: it stays where the lexicon stops
    assert _names("Bộ đội Biên phòng, Cảng vụ hàng hải tổ chức kiểm tra") == ["Bộ đội Biên phòng"]
    assert _names("Sở Y tế, Kiểm dịch y tế và Trung tâm chủ trì kiểm tra") == ["Sở Y tế"]


def test_a_member_its_qualifier_or_scope_closes_goes_on_after_its_comma():
    # UBND Huế tn-606d5f203dec293b, Chủ tịch UBND Huế tn-e598d95fb5f390a4, Chính phủ tn-a69069ae524315d9 and
    # tn-c22591f10eec1dab: 'khác' or 'trung ương' closes one member of the series, not the series; a restated 'các'
    # or a named body still ends it
    def names(text: str) -> list[str]:
        return [m.name for m in parse_addressees(text)[0]]

    assert names("Thủ trưởng các tổ chức hành chính khác, đơn vị sự nghiệp\ncông lập thuộc thành phố; Chủ tịch") == [
        "Thủ trưởng các tổ chức hành chính khác, đơn vị sự nghiệp công lập thuộc thành phố"
    ]
    assert names("Các bộ, cơ\nquan trung ương, địa phương:") == ["Các bộ, cơ quan trung ương, địa phương"]
    assert names("các sở, ban, ngành liên quan, các tổ chức chính trị xã hội thực hiện") == [
        "các sở, ban, ngành liên quan",
        "các tổ chức chính trị xã hội",
    ]
    assert names("các cơ quan trung ương, Công an tỉnh thực hiện") == ["các cơ quan trung ương", "Công an tỉnh"]
    # the same class word again tells levels apart (cb-file_data_7): one body per level, as before
    assert names("Văn phòng Quỹ Đền ơn đáp nghĩa trung ương, cấp tỉnh, cấp huyện có nhiệm vụ") == [
        "Văn phòng Quỹ Đền ơn đáp nghĩa trung ương",
        "Văn phòng Quỹ Đền ơn đáp nghĩa cấp tỉnh",
        "Văn phòng Quỹ Đền ơn đáp nghĩa cấp huyện",
    ]


def test_a_class_of_units_keeps_the_range_it_spans():
    # Thủ tướng's telegrams 231/CĐ-TTg (tn-cfef94bb5eaf59df) and 217/CĐ-TTg (tn-a328fbb46798c2b5), Chính phủ
    # tn-a69069ae524315d9: 'từ X đến Y' names the places the class covers, which the text does not list
    assert [
        n
        for _, _, n in find_agencies(
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm\nĐồng tổ chức theo dõi"
        )
    ] == ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm Đồng"]
    assert [n for _, _, n in find_agencies("các địa phương từ Hà Tĩnh đến Lâm Đồng đã bị thiên tai")] == [
        "các địa phương từ Hà Tĩnh đến Lâm Đồng"
    ]
    assert [n for _, _, n in find_agencies("Ủy ban nhân dân các xã từ ngày 01/7/2025")] == ["Ủy ban nhân dân các xã"]


def test_the_tilde_ocr_reads_for_a_names_dash_is_the_dash():
    # UBND Quảng Ngãi 660/TB-UBND scanned at 150 dpi in black and white: '2. Sở Lao động —~ Thương binh và Xã hội chịu
    # trách nhiệm hướng dẫn …'; at 200 dpi in black and white: '- Các Sở: Lao động ~ Thương binh và Xã hội, Xây dựng'
    assert _names("Sở Lao động —~ Thương binh và Xã hội chịu trách nhiệm hướng dẫn") == [
        "Sở Lao động - Thương binh và Xã hội"
    ]
    assert _names("Sở Lao động ~ Thương binh và Xã hội chủ trì") == ["Sở Lao động - Thương binh và Xã hội"]


def test_a_semicolon_read_as_a_colon_after_a_whole_titled_member_still_cuts_the_officials():
    # UBND Hà Nội 71/2025/QĐ-UBND (tn-af2a4fc9b3a7aeeb) printed and scanned at 100 dpi; UBND Bắc Ninh 1509/QĐ-UBND
    # (tn-8966c59f782e4081) faxed at 200 dpi: the ';' between two members read ':'
    def names(text: str) -> list[str]:
        return [m.name for m in parse_officials(text, 0, len(text))]

    assert names(
        "Chánh Văn phòng Ủy ban nhân dân thành phố Hà Nội: Giám đốc Sở Nội vụ thành phố Hà Nội; Thủ trưởng các sở, "
        "ban, ngành"
    ) == [
        "Chánh Văn phòng Ủy ban nhân dân thành phố Hà Nội",
        "Giám đốc Sở Nội vụ thành phố Hà Nội",
        "Thủ trưởng các sở, ban, ngành",
    ]
    assert names("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Dân tộc và Tôn giáo: UBND cấp xã và các tổ chức, cá nhân") == [
        "Chánh Văn phòng Ủy ban nhân dân tỉnh",
        "Giám đốc Sở Dân tộc và Tôn giáo",
        "Ủy ban nhân dân cấp xã",
        "các tổ chức, cá nhân",
    ]
    # a colon after a bare title or a class lists the bodies the title heads
    assert names("Giám đốc: Trung tâm Công báo - Tin học tỉnh, Trung tâm Phục vụ hành chính công tỉnh") == [
        "Giám đốc Trung tâm Công báo - Tin học tỉnh",
        "Giám đốc Trung tâm Phục vụ hành chính công tỉnh",
    ]
    assert names("Giám đốc các Sở: Y tế, Tài chính") == ["Giám đốc Sở Y tế", "Giám đốc Sở Tài chính"]


def test_a_head_after_a_head_stands_for_a_body_only_spelled_as_one():
    # folded, 'bỏ' is 'Bộ', 'đại' 'Đài', 'sơ' 'Sở': a head read as a nested body whose name the text leaves out
    # ('Văn phòng Ban Chỉ huy;') must be written as the head, with its capital and its own tone marks
    # UBND Quảng Trị 2688 printed and faxed; HĐND Hà Nội (tn-e09bc3b3); Bộ Xây dựng 39/2025/TT-BXD; UBND Đắk Lắk 010/CT
    assert match_agency("Đãi bỏ các văn bản quy phạm pháp luật do UBND tỉnh Quảng Bình") is None
    sport = "cống hiến trong chu kỳ một kỳ Đại hội thể thao toàn quốc."
    assert "Đại hội" not in [name for _, _, name in find_agencies(sport)]
    assert find_agencies("6. Sửa đổi định mức vá ổ gà, cóc gặm, lún cục bộ, lún trồi mặt đường") == []
    assert find_agencies("b) Đánh giá sơ bộ về hiệu quả kinh tế - xã hội của dự án đầu tư") == []
    assert match_agency("Văn phòng Ban Chỉ huy; ").name == "Văn phòng Ban Chỉ huy"
    assert match_agency("Văn phòng Bạn Chỉ huy; ").name == "Văn phòng Bạn Chỉ huy"  # a longer head keeps its slip
    # a head read with another tone still opens the body its capitalised name follows (development scans, one-bit)
    assert match_agency("Sơ Văn hóa, Thể thao và Du lịch theo chức năng").name == "Sơ Văn hóa, Thể thao và Du lịch"
    assert match_agency("So Địa chính, Giám đốc").name == "So Địa chính"
    assert match_agency("Sờ Y tế chủ trì").name == "Sờ Y tế"
