"""Administrative units from the field libraries: spellings, the 2025 merger, ward codes."""

import pytest

from extractors import gazetteer


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP.HCM", "Hồ Chí Minh"),
        ("Thành phố Hà Nội", "Hà Nội"),
        ("tỉnh Lâm Đồng", "Lâm Đồng"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("KHANH HOA", "Khánh Hòa"),
        ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("Dak Nong", "Đắk Nông"),
        ("Quảng Nqãi", "Quảng Ngãi"),  # OCR noise
        ("Kon Tun", "Kon Tum"),
    ],
)
def test_match_province_accepts_every_spelling(written, canonical):
    assert gazetteer.match_province(written) == canonical


@pytest.mark.parametrize("written", ["Nha Trang", "Vũng Tàu", "Hà Tây", "", "Xyz"])
def test_match_province_refuses_what_is_no_province(written):
    assert gazetteer.match_province(written) is None


def test_centrally_run_cities():
    assert gazetteer.is_centrally_run_city("TP. Hồ Chí Minh")
    assert gazetteer.is_centrally_run_city("Huế")  # since 2025
    assert not gazetteer.is_centrally_run_city("Thừa Thiên Huế")
    assert not gazetteer.is_centrally_run_city("Khánh Hòa")


def test_the_2025_merger_both_ways():
    assert sorted(gazetteer.provinces_merged_into("Ninh Bình")) == ["Hà Nam", "Nam Định", "Ninh Bình"]
    assert gazetteer.province_after_2025("Bình Dương") == "Hồ Chí Minh"
    assert gazetteer.province_after_2025("Thừa Thiên Huế") == "Huế"
    assert gazetteer.province_after_2025("Hà Nội") == "Hà Nội"
    assert len(gazetteer.province_names()) == 64  # 63 legacy names + the former Thừa Thiên Huế


def test_ward_codes_before_and_after_the_reorganization():
    assert gazetteer.ward_code("Phường Vĩnh Nguyên", "thành phố Nha Trang", "Khánh Hòa") == "22375"
    assert gazetteer.ward_code("phường 4", "Đà Lạt", "Lâm Đồng") == "24793"
    assert gazetteer.ward_code("Phường Lâm Viên", None, "Lâm Đồng", when="2025") == "24778"
    assert gazetteer.ward_code("Phường 1", None, "Lâm Đồng") is None  # Đà Lạt and Bảo Lộc
    assert gazetteer.locality_of_wards(["Phường 4", "Phường 12"], "Lâm Đồng") == "Đà Lạt"
    assert gazetteer.match_locality("Quận 1", "Hồ Chí Minh") == "Quận 1"
    assert {u.name for u in gazetteer.wards_of("Đà Lạt", "Lâm Đồng")} >= {"Phường 1", "Phường 12"}


def test_find_provinces_needs_diacritics_for_a_bare_name():
    text = "Tỉnh ủy Lâm Đồng, tinh Khanh Hoa, hòa bình và ổn định, tỉnh Hòa Bình, TP. Hồ Chí Minh."
    found = gazetteer.find_provinces(text)
    assert [name for *_, name in found] == ["Lâm Đồng", "Khánh Hòa", "Hòa Bình", "Hồ Chí Minh"]
    start, end, _ = found[1]
    assert text[start:end] == "tinh Khanh Hoa"


def test_a_bare_province_name_inside_another_name_is_no_province():
    """'dự án đường Hồ Chí Minh' (VPCP 11583/VPCP-CN, whose jurisdiction gold leaves null), 'tư tưởng Hồ Chí Minh'
    (UBND Hải Phòng), 'Học viện Chính trị quốc gia Hồ Chí Minh' (Chính phủ): a road, a person, an academy; the city
    is still read bare in a list or after its kind word."""
    for text in (
        "V/v triển khai Kết luận về dự án đường Hồ Chí Minh",
        "học tập tư tưởng Hồ Chí Minh",
        "Học viện Chính trị quốc gia Hồ Chí Minh chủ trì",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    ):
        assert gazetteer.find_provinces(text) == [], text
    found = gazetteer.find_provinces("UBND các tỉnh, thành phố: Hồ Chí Minh, Hà Nội; đường tỉnh Đồng Nai")
    assert [name for *_, name in found] == ["Hồ Chí Minh", "Hà Nội", "Đồng Nai"]


def test_a_ward_or_commune_named_after_an_old_province_is_no_province():
    """Since 2025 units carry old provinces' names: 'phường Bắc Giang, tỉnh Bắc Ninh' (UBND Bắc Ninh 1521/QĐ-UBND),
    'Phường Phú Yên' in a list of Đắk Lắk's units (UBND Đắk Lắk 0129/KH-UBND), 'xã Hòa Bình'; only right after the kind word."""
    found = gazetteer.find_provinces("Quảng trường 3/2, phường Bắc Giang, tỉnh Bắc Ninh")
    assert [name for *_, name in found] == ["Bắc Ninh"]
    for text in ("Xã Suối Trai, Phường Phú Yên, Xã Xuân Phước", "các xã Hòa Bình, Hòa Phú", "thị trấn Long An"):
        assert [name for *_, name in gazetteer.find_provinces(text)] == [], text


def test_province_sets_before_and_after_the_merger():
    assert len(gazetteer.province_names("legacy")) == 63
    assert len(gazetteer.province_names("2025")) == 34
    assert "Thừa Thiên Huế" in gazetteer.province_names("legacy")
    assert "Huế" in gazetteer.province_names("2025")


def test_lookups_read_the_data_files_without_importing_the_libraries():
    """The libraries' own import pulls geocoding packages and costs seconds at start-up."""
    import subprocess
    import sys

    code = (
        "import sys; from extractors import gazetteer; gazetteer.ward_code('Phường 4', 'Đà Lạt', 'Lâm Đồng');"
        "print(sorted(m for m in ('vietnamadminunits', 'vietnam_provinces', 'geopy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_roman_numerals():
    assert [gazetteer.roman_value(t) for t in ["IV", "VII", "XIX", "IIII", "VV", "iv", "Vĩnh", ""]] == [
        4,
        7,
        19,
        None,
        None,
        None,
        None,
        None,
    ]


def test_numbered_wards_match_in_either_numeral():
    assert gazetteer.ward_code("Phường 4", "Vị Thanh", "Hậu Giang") == "31324"  # the library writes 'Phường IV'
    assert gazetteer.ward_code("phường 04", "Vị Thanh", "Hậu Giang") == "31324"
    assert gazetteer.ward_code("Phường IV", "Tây Ninh", "Tây Ninh") == gazetteer.ward_code(
        "Phường 4", "Tây Ninh", "Tây Ninh"
    )
    assert gazetteer.ward_code("Phường II", "Vị Thanh", "Hậu Giang") is None  # Vị Thanh has no Phường II
