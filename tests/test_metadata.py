"""extractors/metadata.py: the header and signature block of real seed excerpts, of invented documents
of other provinces and kinds (a UBND decision, a department's letter, a district party programme), and
of an OCR-noisy header."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import metadata
from pipeline.read.load import load_document
from pipeline.text.segment import segment
from schemas.document import TextSource
from tests.paths import GOLD, SEEDS


def meta_of(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return metadata.extract(segment(load_document(path)))


# Seed 000 (a national party letter with an incoming stamp), header and signature block.
SEED_000 = """ĐẢNG ỦY CÔNG AN TRUNG ƯƠNG

ĐẢNG CỘNG SẢN VIỆT NAM

Số 1116- CV/ĐUCA

Hà Nội, ngày 01 tháng 11 năm 2022

V/v xây dựng Công an phường điển hình,
kiểu mẫu về an ninh, trật tự và văn minh đô thị

VAN PHÒNG TINH ỦY LAI CHAU\t
Số: 6381\t.....
ĐẾN Ngày: 17.11.22\t.....

Kính gửi: Ban Thường vụ các Tỉnh ủy

Thực hiện Nghị quyết số 12-NQ/TW ngày 15/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng lực lượng Công an nhân dân.

Nơi nhận:
- Như trên;
- Lưu: VPĐUCATW, V05 (P2).

T/M BAN THƯỜNG VỤ
ỦY VIÊN

Quốc Hùng
"""


def test_national_letter_with_incoming_stamp(tmp_path):
    m = meta_of(tmp_path, SEED_000)
    assert (m.kind, m.number, m.issued_on, m.place) == ("Công văn", "1116-CV/ĐUCA", "2022-11-01", "Hà Nội")
    assert m.issuer == "Đảng ủy Công an Trung ương"
    assert m.subject == ("V/v xây dựng Công an phường điển hình, kiểu mẫu về an ninh, trật tự và văn minh đô thị")
    assert m.recipients == ["Ban Thường vụ các Tỉnh ủy"]
    assert m.jurisdiction.province is None  # a national letter binds no province
    assert (m.received.number, m.received.on, m.received.by) == ("6381", "2022-11-17", "Văn phòng Tỉnh ủy Lai Châu")
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Quốc Hùng", "Ủy viên", "T/M Ban Thường vụ")
    assert m.evidence["number"].quote == "Số 1116- CV/ĐUCA"
    assert m.evidence["signer"].quote == "Quốc Hùng"


def test_blank_number_keeps_kind_from_symbol(tmp_path):
    """Seed 004: 'Số - CV/TU' is a number left blank; the letterhead names the province."""
    m = meta_of(
        tmp_path,
        "TỈNH ỦY NINH BÌNH\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n*\n\nSố - CV/TU\n\n"
        "Ninh Bình, ngày 28 tháng 5 năm 2026\n\n"
        "Kính gửi: Các đảng ủy trực thuộc Tỉnh ủy\n\n"
        "Thời gian qua, các cấp ủy đã tập trung lãnh đạo, chỉ đạo.\n\n"
        "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\nTrần Đăng Quỳnh\n",
    )
    assert (m.kind, m.number, m.issuer) == ("Công văn", None, "Tỉnh ủy Ninh Bình")
    assert m.jurisdiction.province == "Ninh Bình"
    assert m.signer.position == "Phó Bí thư Thường trực"


def test_issuer_inferred_without_letterhead(tmp_path):
    """Seed 002 has no letterhead: the symbol names a Kế hoạch and the opening sentence its author."""
    m = meta_of(
        tmp_path,
        "Số: 177-KH/ThU\n\nKẾ HOẠCH\n\nTriển khai Nghị quyết số 24-NQ/TU ngày 23/02/2023 "
        "của Tỉnh ủy Lâm Đồng về lãnh đạo, chỉ đạo thực hiện nhiệm vụ xây dựng Công an phường\n\n"
        "Thực hiện Nghị quyết số 24-NQ/TU ngày 23/02/2023 của Tỉnh ủy Lâm Đồng, Thành ủy Đà Lạt "
        "xây dựng Kế hoạch triển khai với các nội dung sau:\n",
    )
    assert (m.kind, m.number, m.issuer) == ("Kế hoạch", "177-KH/ThU", "Thành ủy Đà Lạt")
    assert m.subject.startswith("Triển khai Nghị quyết số 24-NQ/TU")
    assert (m.jurisdiction.province, m.jurisdiction.locality) == ("Lâm Đồng", "Đà Lạt")


def test_issuer_completed_from_title_line_and_jurisdiction(tmp_path):
    """Seed 001: 'CỦA BAN THƯỜNG VỤ TỈNH ỦY' names the body, the title names the province."""
    m = meta_of(
        tmp_path,
        "NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề xây dựng Công an phường điển hình, kiểu mẫu "
        "trên địa bàn tỉnh Khánh Hòa\n\n-----\n\nTrên địa bàn tỉnh hiện có 35 Công an phường.\n",
    )
    assert (m.kind, m.issuer) == ("Nghị quyết", "Ban Thường vụ Tỉnh ủy Khánh Hòa")
    assert m.subject == "về xây dựng Công an phường điển hình, kiểu mẫu trên địa bàn tỉnh Khánh Hòa"
    assert (m.jurisdiction.province, m.jurisdiction.locality) == ("Khánh Hòa", None)  # 'Tỉnh ủy' names no place


def test_ubnd_plan_author_sentence_and_signature(tmp_path):
    """Seed 003: 'UBND Thành phố ban hành Kế hoạch' + Hà Nội; TM./KT. signature."""
    m = meta_of(
        tmp_path,
        "KẾ HOẠCH\n\nTriển khai Chỉ thị số 31-CT/TU ngày 05/4/2024 của Thành ủy Hà Nội về tăng "
        "cường sự lãnh đạo của Đảng\n\nThực hiện Chỉ thị số 31-CT/TU ngày 05/4/2024 của Thành ủy "
        "Hà Nội, UBND Thành phố ban hành Kế hoạch triển khai thực hiện trên địa bàn Thành phố, "
        "như sau:\n\nNơi nhận:\n- Lưu: VT, NC(Đ).\n\nTM. ỦY BAN NHÂN DÂN\n\nKT. CHỦ TỊCH\n\n"
        "PHÓ CHỦ TỊCH\n\nLê Hồng Sơn\n",
    )
    assert m.issuer.casefold() == "ủy ban nhân dân thành phố hà nội"
    assert m.jurisdiction.province == "Hà Nội"
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Lê Hồng Sơn", "Phó Chủ tịch", "KT. Chủ tịch")


QUANG_NINH_DECISION = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NINH\tĐộc lập - Tự do - Hạnh phúc

Số: 1234/QĐ-UBND\tQuảng Ninh, ngày 05 tháng 4 năm 2024

QUYẾT ĐỊNH
Về việc phê duyệt Kế hoạch phát triển du lịch cộng đồng trên địa bàn tỉnh Quảng Ninh giai đoạn 2024 - 2030

ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số 168/2017/NĐ-CP ngày 31/12/2017 của Chính phủ quy định chi tiết một số điều của Luật Du lịch;

QUYẾT ĐỊNH:

Điều 1. Phê duyệt Kế hoạch phát triển du lịch cộng đồng (kèm theo Quyết định này).
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ngành chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT, VX.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Thị Hạnh
"""


def test_provincial_decision(tmp_path):
    m = meta_of(tmp_path, QUANG_NINH_DECISION)
    assert (m.kind, m.number, m.issued_on, m.place) == ("Quyết định", "1234/QĐ-UBND", "2024-04-05", "Quảng Ninh")
    assert m.issuer == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert m.subject.startswith("Về việc phê duyệt Kế hoạch phát triển du lịch cộng đồng")
    assert m.jurisdiction.province == "Quảng Ninh"
    assert (m.signer.name, m.signer.capacity) == ("Nguyễn Thị Hạnh", "KT. Chủ tịch")


def test_department_letter_under_its_parent(tmp_path):
    m = meta_of(
        tmp_path,
        "UBND TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ\tĐộc lập - Tự do - "
        "Hạnh phúc\n\n"
        "Số: 567/SYT-NVY\tNghệ An, ngày 12 tháng 3 năm 2024\nV/v triển khai tiêm chủng mở rộng\n"
        "năm 2024 trên địa bàn tỉnh\n\nKính gửi:\n- Trung tâm Y tế các huyện, thành phố, thị xã;\n"
        "- Bệnh viện Đa khoa tỉnh.\n\nThực hiện Kế hoạch số 45/KH-UBND ngày 15/02/2024 của "
        "UBND tỉnh.\n\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n(Đã ký)\n\nLê Văn Bình\n",
    )
    assert (m.kind, m.number, m.issuer) == ("Công văn", "567/SYT-NVY", "Sở Y tế tỉnh Nghệ An")
    assert m.subject == "V/v triển khai tiêm chủng mở rộng năm 2024 trên địa bàn tỉnh"
    assert m.recipients == ["Trung tâm Y tế các huyện, thành phố, thị xã", "Bệnh viện Đa khoa tỉnh"]
    assert (m.signer.name, m.signer.position) == ("Lê Văn Bình", "Phó Giám đốc")


def test_district_party_programme_glued_title(tmp_path):
    """A title line the text layer glued to the first paragraph still gives the subject."""
    m = meta_of(
        tmp_path,
        "ĐẢNG BỘ TỈNH BÌNH ĐỊNH\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY PHÙ CÁT\n*\n"
        "Số 45-CTr/HU\tPhù Cát, ngày 10 tháng 3 năm 2023\nCHƯƠNG TRÌNH\n"
        "hành động thực hiện Nghị quyết số 05-NQ/TU ngày 12/01/2023 của Tỉnh ủy Bình Định về phát "
        "triển nông nghiệp công nghệ cao\nThực hiện Nghị quyết số 05-NQ/TU ngày 12/01/2023 "
        "của Tỉnh ủy "
        "Bình Định, Ban Thường vụ Huyện ủy ban hành Chương trình hành động như sau:\nI. MỤC TIÊU\n",
    )
    assert (m.kind, m.number, m.issuer) == ("Chương trình", "45-CTr/HU", "Huyện ủy Phù Cát")
    assert m.subject.endswith("về phát triển nông nghiệp công nghệ cao")
    assert (m.jurisdiction.province, m.jurisdiction.locality) == ("Bình Định", "Phù Cát")


def test_ocr_noisy_header(tmp_path):
    """Broken tone marks on keywords (ngảy, thảng, Sô, Kinh gửi, ĐÉN) and in the letterhead."""
    m = meta_of(
        tmp_path,
        "ĐẢNG UY CÔNG AN TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\nSô 1116- CV/ĐUCA\n"
        "Hà Nội, ngảy 01 thảng 11 nãm 2022\n\nV/v xây dựng Công an phường điển hình\n\n"
        "VAN PHÒNG TINH ỦY LAI CHAU\nSố: 6381\nĐÉN Ngày: 17.11.22\n"
        "Kinh gửi: Ban Thường vụ các Tỉnh ủy\n\nThực hiện Nghị quyết của Bộ Chính trị.\n\n"
        "T/M BAN THƯỜNG VỤ\nUỶ VIÊN\n\nQuốc Hùng\n",
    )
    assert (m.number, m.issued_on, m.issuer) == ("1116-CV/ĐUCA", "2022-11-01", "Đảng ủy Công an Trung ương")
    assert m.recipients == ["Ban Thường vụ các Tỉnh ủy"]
    assert (m.received.number, m.received.on, m.received.by) == ("6381", "2022-11-17", "Văn phòng Tỉnh ủy Lai Châu")
    assert m.signer.name == "Quốc Hùng"


@pytest.mark.parametrize(
    "caps, official",
    [
        ("ĐẢNG ỦY CÔNG AN TRUNG ƯƠNG", "Đảng ủy Công an Trung ương"),
        ("TỈNH ỦY NINH BÌNH", "Tỉnh ủy Ninh Bình"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân thành phố Hà Nội"),
        ("VAN PHÒNG TINH ỦY LAI CHAU", "Văn phòng Tỉnh ủy Lai Châu"),
        ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Tài nguyên và Môi trường"),
        ("PHÓ BÍ THƯ THƯỜNG TRỰC", "Phó Bí thư Thường trực"),
        ("Sở Y tế", "Sở Y tế"),
        # 239 TTr at 150 dpi and 507 UBND-KGVX printed at 200 dpi (UBND tỉnh Quảng Ngãi): the unit word's tone slipped
        ("ỦY BAN NHÂN DÂN TĨNH QUANG NGÁI", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
        ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ],
)
def test_recase(caps, official):
    assert metadata.recase(caps) == official


FIELDS = ["kind", "number", "issued_on", "place", "issuer", "subject"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_matches_gold(seed):
    gold = json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))["document"]
    m = metadata.extract(segment(load_document(seed))).model_dump(mode="json")
    for field in FIELDS:
        got, want = m[field], gold[field]
        assert (got or "").casefold() == (want or "").casefold(), field
    assert m["jurisdiction"]["province"] == gold["jurisdiction"]["province"]
    assert m["signer"]["name"] == gold["signer"]["name"]
    assert (m["received"] or {}).get("number") == (gold["received"] or {}).get("number")
    assert all(e["quote"] for e in m["evidence"].values())


def test_district_notice_stamp_and_two_column_signature(tmp_path):
    """A district UBND notice: the province comes from the gazetteer (Đức Trọng is in Lâm Đồng), the
    stamp reads 'CÔNG VĂN ĐẾN / Số / Ngày', the signature sits beside 'Nơi nhận'."""
    m = meta_of(
        tmp_path,
        "UBND HUYỆN ĐỨC TRỌNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 89/TB-UBND\tĐức Trọng, ngày 02 tháng 8 năm 2023\nCÔNG VĂN ĐẾN\nSố: 512\nNgày: "
        "04/8/2023\n\n"
        "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện tại buổi làm việc với xã Hiệp Thạnh\n\n"
        "Ngày 28/7/2023, đồng chí Chủ tịch UBND huyện đã làm việc với xã Hiệp Thạnh.\n\n"
        "Nơi nhận:\tKT. CHỦ TỊCH\n- Như trên;\tPHÓ CHỦ TỊCH\n- Lưu: VT.\n\tPhạm Văn Hòa\n",
    )
    assert (m.kind, m.number, m.issued_on, m.place) == ("Thông báo", "89/TB-UBND", "2023-08-02", "Đức Trọng")
    assert m.issuer == "Ủy ban nhân dân huyện Đức Trọng"
    assert (m.jurisdiction.province, m.jurisdiction.locality) == ("Lâm Đồng", "Đức Trọng")
    assert (m.received.number, m.received.on) == ("512", "2023-08-04")
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Phạm Văn Hòa", "Phó Chủ tịch", "KT. Chủ tịch")


def test_title_line_names_issuer_over_letterhead_and_ranked_signer(tmp_path):
    """A Chỉ thị 'CỦA BAN THƯỜNG VỤ TỈNH ỦY' under the letterhead 'TỈNH ỦY THANH HÓA' is issued by the
    Ban Thường vụ; a police signer's rank is not part of the name."""
    m = meta_of(
        tmp_path,
        "TỈNH ỦY THANH HÓA\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 28-CT/TU\tThanh Hóa, ngày 05 tháng "
        "3 năm 2024\n\n"
        "CHỈ THỊ\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề tăng cường công tác phòng, chống ma túy\n\n"
        "Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị, Ban Thường vụ Tỉnh "
        "ủy yêu cầu:\n\n"
        "Nơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\n\nĐại tá Lê "
        "Quang Hưng\n",
    )
    assert (m.kind, m.issuer) == ("Chỉ thị", "Ban Thường vụ Tỉnh ủy Thanh Hóa")
    assert m.subject == "về tăng cường công tác phòng, chống ma túy"
    assert (m.signer.name, m.signer.position) == ("Lê Quang Hưng", "Phó Bí thư")


def test_three_line_letterhead_and_stamp_beside_other_columns(tmp_path):
    m = meta_of(
        tmp_path,
        "UBND TỈNH ĐẮK LẮK\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN CHỈ ĐẠO XÂY DỰNG\tĐộc "
        "lập - Tự do - "
        "Hạnh phúc\nCÔNG AN XÃ, PHƯỜNG KIỂU MẪU\nSố: 07/TB-BCĐ\tĐắk Lắk, ngày 09 tháng 3 năm 2026\n\n"
        "SỞ NỘI VỤ TỈNH ĐẮK LẮK\nCÔNG VĂN ĐẾN\tSố: 2146\n\tNgày: 11/3/2026\n\n"
        "THÔNG BÁO\nKết luận của Trưởng Ban Chỉ đạo tại cuộc họp\n\n"
        "Ngày 04/3/2026, đồng chí Trưởng Ban Chỉ đạo chủ trì cuộc họp.\n",
    )
    assert m.issuer.casefold() == "ban chỉ đạo xây dựng công an xã, phường kiểu mẫu tỉnh đắk lắk"
    assert (m.received.number, m.received.on, m.received.by) == ("2146", "2026-03-11", "Sở Nội vụ tỉnh Đắk Lắk")


def test_scanned_signature_block_with_handwriting_between_position_and_name(tmp_path):
    """OCR of a signed scan (seed 001): the signature OCRs as a stray short line ('Tà.') between the
    position and the printed name, with no blank lines around it."""
    m = meta_of(
        tmp_path,
        "NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề xây dựng Công an phường kiểu mẫu\n"
        "Thực hiện Nghị quyết của Bộ Chính trị.\nNơi nhận:\n- Đảng ủy Công an Trung ương (báo cáo),\n"
        "- Lưu Văn phòng Tỉnh ủy.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nTà.\nNguyễn Hải Ninh\n",
    )
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Nguyễn Hải Ninh", "Bí thư", "T/M Ban Thường vụ")


def test_scanned_signature_scrawl_of_symbols_before_a_page_break(tmp_path):
    """Seed 003 and 000 scans: the scrawl may be symbols and letters ('xŒ k~”', 'fa 2T'; the text
    layer may join two such lines), and the name may close the page."""
    m = meta_of(
        tmp_path,
        "KẾ HOẠCH\nvề xây dựng Công an phường\nThực hiện Nghị quyết của Bộ Chính trị.\n"
        "Nơi nhận:\n- Lưu: VT, NC.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nxŒ k~”\n"
        "fa 2T\nLê Hồng Sơn\fPHỤ LỤC\n",
    )
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Lê Hồng Sơn", "Phó Chủ tịch", "KT. Chủ tịch")


@pytest.mark.parametrize(
    ("name_line", "name"),
    [
        ("_ _yuauL————— _~~—- Trần Hoàng Tuấn", "Trần Hoàng Tuấn"),  # 239 TTr: the pen's strokes on the name's line
        ("—— _yuauL————— TY —- Trần Hoàng Tuấn", "Trần Hoàng Tuấn"),  # 239 TTr read again: a syllable by chance
        ("- Nguyễn Hoàng Giang", "Nguyễn Hoàng Giang"),  # 574 UB: a stroke read as a dash
        # 05 TB printed and scanned at 100 dpi (bench.scan_tolerance letters): the seal's ring and the pen's strokes
        # read as letters with a ';' among them, and the name's N given a tilde Vietnamese never writes
        ('Ng d; Ạ Š vn M_ ` ." T— vế N "_— ì = m _= * Ñguyễn Phước Bình', "Nguyễn Phước Bình"),
        # scanned in grey (bench.gold scans --dpi 300/200): the pen's stroke ate the family name's first letters or
        # its capital: 660 TB, 299 UBND and 05 TB
        ("«` ⁄ guyễn Quốc Việt", "Nguyễn Quốc Việt"),
        (".\\ cuyễn Quốc Việt", "Nguyễn Quốc Việt"),
        (":¿ w \\* - nguyên Phước Bình", "Nguyễn Phước Bình"),
        (",‹guyễn Quốc Việt", "Nguyễn Quốc Việt"),  # 299 UBND at 200 dpi: a comma among strokes, no recipient
        ("Phùng Tô Long :", "Phùng Tô Long"),  # vht534 at 300 dpi grey: the seal's ring read as a mark after the name
        # 239 TTr: one letter left of 'Trần' tells no family name
        ("_.«a Hoàng Tuấn", "Hoàng Tuấn"),
    ],
)
def test_scanned_name_behind_what_ocr_made_of_the_signature(tmp_path, name_line, name):
    """Real scans of a People's Committee: the printed name shares its line with the signature's strokes."""
    m = meta_of(
        tmp_path,
        "TỜ TRÌNH\nVề việc bãi bỏ Nghị quyết\nKính đề nghị Thường trực HĐND tỉnh xem xét, chấp thuận./.\n"
        "Nơi nhận:\n- Như trên;\n- CT, PCT UBND tỉnh;\n- Lưu: VT, KGVX.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
        f"PHÓ CHỦ TỊCH\n{name_line}\n",
    )
    assert (m.signer.name, m.signer.position, m.signer.capacity) == (name, "Phó Chủ tịch", "KT. Chủ tịch")


def test_scanned_signature_strokes_over_a_long_line_and_a_capitals_scrap(tmp_path):
    """vht534 (UBND Quảng Ngãi) printed and scanned at 300 dpi: the seal and the pen read as a long line of signs
    with two syllables in it, then a scrap with a word in capitals; neither is the name, which follows."""
    m = meta_of(
        tmp_path,
        "THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh\nĐề nghị các cơ quan thực hiện./.\nNơi nhận:\n"
        '- Lưu: VT, KGVXvurns34.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\n"1⁄2 CHÁNH VĂN PHÒNG\n¬\n'
        ": ⁄ ma H #⁄4 ~ n8 VƯ, _Ỷ— .- _—\nVu TC\nPhùng Tô Long\n",
    )
    assert m.signer.name == "Phùng Tô Long"


def test_scanned_signature_scrawl_over_four_lines_one_in_capitals(tmp_path):
    """05 TB (UBND Quảng Ngãi) printed and scanned at 100 dpi, as read since the line grouping of ocrfax13: the
    seal and the pen read as four lines of junk between the position and the name; one is in capitals ('HỆ') and
    one holds the lexicon's vowelless 'Ng', 'vn'. Each is strokes, not a position nor a word."""
    m = meta_of(
        tmp_path,
        "THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh\nĐề nghị các cơ quan thực hiện./.\nNơi nhận:\n"
        "- Cổng TTĐT tỉnh; - Lưu: VT. KTTHu.\nTL. CHỦ TỊCH `\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n"
        ': * ng\nZ tớ g8\n` _. ¬" ¬- HỆ\nNg d; Ạ Š vn M_ vế N "_—\n` ." T— ì = m _= * Ñguyễn Phước Bình\n',
    )
    assert (m.signer.name, m.signer.position, m.signer.capacity) == (
        "Nguyễn Phước Bình",
        "Phó Chánh Văn phòng",
        "KT. Chánh Văn phòng",
    )


def test_a_surname_slip_is_spelled_on_an_ocr_page_only(tmp_path):
    """05 TB scanned at 300 dpi: the seal over 'Nguyễn' left 'Nguyên'; on an OCR'd page the family name is spelled
    as it is, on a typed page it is kept as written."""
    text = (
        "THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh\nĐề nghị các cơ quan thực hiện./.\nNơi nhận:\n"
        "- Lưu: VT, KTTH.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nNguyên Phước Bình\n"
    )
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    assert metadata.extract(segment(document)).signer.name == "Nguyên Phước Bình"
    scanned = document.model_copy(
        update={"pages": [p.model_copy(update={"source": TextSource.ocr}) for p in document.pages]}
    )
    assert metadata.extract(segment(scanned)).signer.name == "Nguyễn Phước Bình"


def test_scanned_letterhead_wrapped_in_its_column_with_a_doubled_letter(tmp_path):
    """Seed 000 scan: the letterhead column wraps 'TRUNG / ƯƠNG', and OCR reads 'ĐẢNG' as 'ĐÁẢNG'."""
    m = meta_of(
        tmp_path,
        "ĐÁẢNG ỦY CÔNG AN TRUNG\nƯƠNG\nSố 1116- CV/ĐUCA\n"
        "V/v xây dựng Công an phường điển hình\n\nHà Nội, ngày 01 tháng 11 năm 2022\n\n"
        "Kính gửi: Ban Thường vụ các Tỉnh ủy\n\nThực hiện Nghị quyết của Bộ Chính trị.\n",
    )
    assert m.issuer == "Đảng ủy Công an Trung ương"


def test_scanned_title_not_joined_with_first_paragraph(tmp_path):
    """Seed 001 scan: no blank line between the title and the first paragraph, which opens with a
    capital and holds sentences."""
    m = meta_of(
        tmp_path,
        "NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề xây dựng Công an phường điển hình trên "
        "địa bàn tỉnh Khánh Hòa\nTrên địa bàn tỉnh hiện có 35 Công an phường với 292 cán bộ, "
        "chiến sĩ. Trong những năm qua, Công an phường đã làm tốt nhiệm vụ.\n",
    )
    assert m.subject == "về xây dựng Công an phường điển hình trên địa bàn tỉnh Khánh Hòa"


@pytest.mark.parametrize(
    "title, subject",
    [
        # tn-8fe888e498bceabd (UBND tỉnh Cao Bằng, 2003/QĐ-UBND) printed and scanned: OCR put the title's first
        # line on the kind's line and glued the first paragraph to its last
        (
            "QUYẾT ĐỊNH PHÊ DUYỆT DANH SÁCH XÃ, PHƯỜNG MIỀN NÚI TRÊN\n"
            "ĐỊA BÀN TỈNH CAO BẰNG GIAI ĐOẠN 2026 - 2030 Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 "
            "năm 2025;\n",
            "Phê duyệt danh sách xã, phường miền núi trên địa bàn tỉnh Cao Bằng giai đoạn 2026 - 2030",
        ),
        # tn-299dbc033cf2dcb6 (Cục Thuế, 983/TB-CT) printed and scanned: the title over three lines in capitals
        (
            "THÔNG BÁO KẾ HOẠCH TẠM DỪNG ỨNG DỤNG TMS PHỤC VỤ VIỆC\n"
            "CHUYỂN ĐỔI HỆ THỐNG MÁY CHỦ VÀ LƯU TRỮ CSDL ỨNG DỤNG QUẢN\nLÝ THUẾ TẬP TRUNG (TMS)\n"
            "Thực hiện kế hoạch của Bộ Tài chính, Cục Thuế thông báo như sau.\n",
            "Kế hoạch tạm dừng ứng dụng TMS phục vụ việc chuyển đổi hệ thống máy chủ và lưu trữ CSDL ứng dụng quản "
            "lý thuế tập trung (TMS)",
        ),
    ],
)
def test_scanned_title_in_capitals_on_the_kinds_line_goes_on(tmp_path, title, subject):
    """A title in capitals that OCR read on the kind's line continues over the lines in capitals under it."""
    m = meta_of(
        tmp_path, f"ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 2003/QĐ-UBND\nCao Bằng, ngày 25 tháng 11 năm 2025\n{title}"
    )
    assert m.subject == subject


def test_place_after_a_glued_motto_column(tmp_path):
    """Seed 000 scan as text: the subject, the motto column and the place line glued into one line."""
    m = meta_of(
        tmp_path,
        "ĐẢNG ỦY CÔNG AN TRUNG ƯƠNG\nSố 1116- CV/ĐUCA\nV/v xây dựng Công an phường văn minh đô thị "
        "ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 01 tháng 11 năm 2022\n\n"
        "Kính gửi: Ban Thường vụ các Tỉnh ủy\n\nThực hiện Nghị quyết của Bộ Chính trị.\n",
    )
    assert (m.place, m.issued_on) == ("Hà Nội", "2022-11-01")


@pytest.mark.parametrize(
    "header, recipients, province",
    [
        # cb-file_data_33 (Tổng cục Thuế, 1414/TCT-CS), header and recipient line as printed
        (
            "| BỘ TÀI CHÍNH TỔNG CỤC THUẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
            "|---|---|\n"
            "| Số: 1414/TCT-CS V/v hỗ trợ người có công với cách mạng cải thiện nhà ở. | Hà Nội, ngày 04 tháng 05 năm 2013 |\n",
            "Kính gửi: Cục Thuế tỉnh Hà Tĩnh.",
            "Hà Tĩnh",
        ),
        # cb-file_data_31 (Bộ Lao động - Thương binh và Xã hội, 2864/LĐTBXH-NCC)
        (
            "| BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
            "|---|---|\n"
            "| Số: 2864/LĐTBXH-NCC V/v giải quyết các chế độ chính sách | Hà Nội , ngày 22 tháng 07 năm 2015 |\n",
            "Kính gửi: Ủy ban nhân dân tỉnh Long An",
            "Long An",
        ),
        # sent to bodies of several provinces: binds none
        (
            "| BỘ XÂY DỰNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
            "|---|---|\n"
            "| Số: 12/BXD-QLN V/v hỗ trợ nhà ở | Hà Nội, ngày 04 tháng 05 năm 2013 |\n",
            "Kính gửi:\n- Ủy ban nhân dân tỉnh Long An;\n- Ủy ban nhân dân tỉnh Hà Tĩnh.",
            None,
        ),
    ],
)
def test_national_letter_to_one_province_binds_it(tmp_path, header, recipients, province):
    """A ministry's or general department's letter answering one province binds that province (the
    gold of cb-file_data_31 and cb-file_data_33); a letter to several provinces binds none."""
    m = meta_of(tmp_path, f"{header}\n{recipients}\n\nTrả lời Công văn của địa phương, Bộ có ý kiến như sau:\n")
    assert m.jurisdiction.province == province
    assert not m.issuer or "tỉnh" not in m.issuer.lower()  # the national body is not completed with the province


def test_a_national_letter_about_the_ho_chi_minh_road_binds_no_province(tmp_path):
    """VPCP 11583/VPCP-CN 'V/v triển khai Kết luận … về dự án đường Hồ Chí Minh' (tn-91035abb77ae0a1b): the road is
    no city, so the national letter binds no province (its gold leaves jurisdiction null)."""
    text = (
        "VĂN PHÒNG CHÍNH PHỦ\n\nSố: 11583/VPCP-CN\nV/v triển khai Kết luận của Ủy ban Thường vụ Quốc hội về dự án "
        "đường Hồ Chí Minh\n\nHà Nội, ngày 26 tháng 11 năm 2025\n\nKính gửi: Bộ Xây dựng.\n\nNội dung.\n"
    )
    assert meta_of(tmp_path, text).jurisdiction.province is None


def test_signer_name_wrapped_before_its_last_word(tmp_path):
    """tn-9063e901ca3fd0c3 (Bộ Tài chính, 17986/BTC-CT): 'Lê Tấn' / 'Cận' is one name; and tn-5d3180cef1d254d0
    (Bộ Nội vụ): 'Vũ' / 'Chiến Thắng'."""
    for lines, name in ((["Lê Tấn", "Cận"], "Lê Tấn Cận"), (["Vũ", "Chiến Thắng"], "Vũ Chiến Thắng")):
        text = "BỘ TÀI CHÍNH\n\nSố: 17986/BTC-CT\n\nHà Nội, ngày 19 tháng 11 năm 2025\n\nNội dung.\n\n"
        text += "Nơi nhận:\n- Như trên;\n- Lưu: VT, CT (PC)\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n" + "\n".join(lines) + "\n"
        m = meta_of(tmp_path, text)
        assert (m.signer.name, m.signer.position) == (name, "Thứ trưởng")


def test_a_resolution_without_a_place_date_line_is_dated_by_its_passage(tmp_path):
    """The 2025 merger resolutions of the Standing Committee print no 'Hà Nội, ngày …' line: the closing line
    dates them (tn-1662311553c66bda Gia Lai; tn-a032a58e6ab2f19d Điện Biên, glued 'khóa XVthông qua'). A
    resolution quoted in its legal bases ('Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025') does not."""
    text = (
        "Số: 1664/NQ-UBTVQH15 |\n\n**NGHỊ QUYẾT**\n\n"
        "**Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai năm 2025**\n\n"
        "**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n"
        "*Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc hội về sắp xếp đơn vị hành "
        "chính cấp tỉnh;*\n\n**QUYẾT NGHỊ:**\n\n**Điều 2. Hiệu lực thi hành**\n\n"
        "1. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.\n\n"
        "*Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa "
        "XV{gap}thông qua ngày 16 tháng** 6** năm 2025.*\n"
    )
    for gap in (" ", ""):
        m = meta_of(tmp_path, text.format(gap=gap))
        assert (m.number, m.issued_on) == ("1664/NQ-UBTVQH15", "2025-06-16")
        assert m.evidence["issued_on"].quote.startswith("ngày 16 tháng")


def test_a_body_read_where_the_signers_name_was_lost_is_no_name(tmp_path):
    """H14 (UBND tỉnh Cao Bằng, 1999, scanned): OCR lost the printed name under the seal, and the next line is the
    letterhead of the attached submission; a council's name or a place is nobody's name. With the name printed,
    a seal's ring read between the position and the name is passed over."""
    block = (
        "Nơi nhận:\n- Như điều 3 “Để thi hành”\n- Lưu VT-Nb lệ?”\nTM UBND TÌNE\n_K/T CHỦ TỊCH\n;” PHÓ. CHỦ TỊCH\n"
        "X\n\n@\nỦY BAN NHÂN DÀN\nTHỊ XÃ CAO BẰNG\nCONG HOA XÃ HỘI CHỦ NGHA vIỆT NAM\n"
    )
    m = meta_of(tmp_path, "QUYẾT ĐỊNH\nVề việc giao quyền sử dụng đất ở\nĐiều 1. Nay giao đất.\n" + block)
    assert m.signer is None
    m = meta_of(
        tmp_path,
        "CHỈ THỊ\nVề việc phòng cháy\nThời gian qua, công tác phòng cháy đạt kết quả.\nNơi nhận:\n- Lưu: VT.\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNHÂN DÂN TỈNH\nTrần Hoàng Tuấn\n",
    )
    assert m.signer.name == "Trần Hoàng Tuấn"


def test_issuer_from_enacting_formula_when_letterhead_column_is_lost(tmp_path):
    """tn-4eb6d4a67b3ff8d9 (Thông tư 21/2025/TT-BGDĐT, web page): the left column is gone; the preamble's
    closing formula, emphasis marks and all, names the issuer without its head's title."""
    m = meta_of(
        tmp_path,
        "| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |\nSố: 21/2025/TT-BGDĐT |\n|\n\n"
        "**Quy định chế độ trả tiền lương dạy thêm giờ đối với nhà giáo ****trong các cơ sở giáo dục công lập**\n\n"
        "*Căn cứ Luật Giáo dục số 43/2019/QH14;*\n\n"
        "*Theo đề nghị của Cục trưởng Cục Nhà giáo và Cán bộ quản lý giáo dục;*\n\n"
        "*Bộ trưởng Bộ Giáo dục và Đào tạo ban hành** **Thông tư **quy định chế độ trả tiền lương dạy "
        "**thêm*** ***giờ đối với nhà giáo trong các cơ sở giáo dục công lập**.*\n\n"
        "**Điều 1. Phạm vi điều chỉnh**\n\n1. Thông tư này quy định chế độ trả tiền lương dạy thêm giờ.\n",
    )
    assert m.issuer == "Bộ Giáo dục và Đào tạo"


def test_date_from_own_number_in_annex_when_place_date_is_lost(tmp_path):
    """tn-c22591f10eec1dab (Nghị định 170/2025/NĐ-CP, web page): no place-date line; the annex prints the
    decree's own number with its date."""
    m = meta_of(
        tmp_path,
        "CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc"
        "______________________\n|\n\n**NGHỊ ĐỊNH**\n\n**Quy định về tuyển dụng, sử dụng và quản lý công chức**\n\n"
        "*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*\n\n"
        "**Điều 1. Phạm vi điều chỉnh**\n\nNghị định này quy định về tuyển dụng, sử dụng và quản lý công chức.\n\n"
        "**Phụ lục**\n\n*(Kèm theo Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ)*\n",
    )
    assert (m.number, m.issued_on) == ("170/2025/NĐ-CP", "2025-06-30")


def test_recipients_without_the_emphasis_a_web_page_left_around_them(tmp_path):
    """The bold that closes after the label ('**Kính gửi: **Thuế' / 'tỉnh Gia Lai.', Cục Thuế 5467/CT-CS,
    tn-25b682f1; '**Kính gửi: **Bộ Nông nghiệp và Môi trường.', Văn phòng Chính phủ 11306/VPCP-NN, tn-1a814c71)
    and a table's pipe before a dashed list ('Kính gửi: | - Bộ Tài chính; - Bộ Kế hoạch và Đầu tư |',
    cb-file_data_36 of Bộ Xây dựng 2214/BXD-QLN) are no part of the names."""
    letter = (
        "**BỘ TÀI CHÍNH**\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n|\nSố: 5467/CT-CS\n*V/v chính sách tiền thuê đất*\n|\n"
        "*Hà Nội, ngày 24 tháng 11 năm 2025*\n|\n**Kính gửi: **Thuế\ntỉnh Gia Lai.\n"
        "Cục Thuế nhận được công văn số 286/GLA-CNTK ngày 23/07/2025 của Thuế tỉnh Gia Lai về chính sách tiền thuê đất.\n"
    )
    assert meta_of(tmp_path, letter).recipients == ["Thuế tỉnh Gia Lai"]
    listed = (
        "BỘ XÂY DỰNG\nSố: 2214/BXD-QLN\nHà Nội, ngày 05 tháng 4 năm 2011\n"
        "Kính gửi: | - Bộ Tài chính; - Bộ Kế hoạch và Đầu tư |\n\n"
        "Bộ Xây dựng đề nghị hai Bộ xem xét, bố trí kinh phí năm 2011.\n"
    )
    assert meta_of(tmp_path, listed).recipients == ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"]


def test_a_recipients_name_wrapped_onto_the_next_line_goes_on(tmp_path):
    """A name the page wrapped goes on over a few words that end with a stop or come before the next dashed item:
    'Kính gửi: Công ty TNHH' / 'Bao bì Kỹ thuật cao Riches.' (Cục Hải quan 39209/CHQ-GSQL, tn-e7f60026), '- Thuế thành
    phố Hải' / 'Phòng' / '- Công ty BOT TNHH Điện lực Jaks Hải Dương.' (Cục Thuế 5662/CT-CS, tn-416ea296); the body's
    first line does not ('Kính gửi: Thuế' / 'thành phố Hồ Chí Minh' / 'Cục Thuế nhận được Công văn số …', 5615/CT-CS)."""
    customs = """BỘ TÀI CHÍNH
**CỤC HẢI QUAN**
--------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 39209/CHQ-GSQL
*V/v hướng dẫn thủ
tục hải quan*
|
*Hà Nội, ngày 01 tháng 12 năm 2025*
|
**Kính
gửi:** Công ty TNHH
Bao bì Kỹ thuật cao Riches.
*(đ/c: Đường 2, KCN
Long Bình (Amata), P. Long Bình, TP. Biên Hoà, Tỉnh Đồng Nai)*
Trả lời công văn số 09/HDTLMM/2025
ngày 06/11/2025 của Công ty TNHH Bao bì Kỹ thuật cao Riches Việt Nam về đề nghị
hướng dẫn xử lý chuyển loại hình máy móc thiết bị cũ để thanh lý, Cục Hải quan
có ý kiến như sau:
Do nội dung công văn không nêu cụ
thể hình thức nhập khẩu, chính sách thuế đã áp dụng đối với hàng hóa nhập đầu
tư tạo tài sản cố định nên Cục Hải quan chưa đủ cơ sở trả lời.
"""
    assert meta_of(tmp_path, customs).recipients == ["Công ty TNHH Bao bì Kỹ thuật cao Riches"]
    tax = """BỘ
TÀI CHÍNH
CỤC THUẾ
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
5662/CT-CS
*V/v chính sách thuế*
|
*Hà Nội, ngày 01 tháng 12 năm 2025*
|
|
**Kính gửi:**
|
- Thuế thành phố Hải
Phòng
- Công ty BOT TNHH Điện lực Jaks Hải Dương.
(Địa
chỉ: *thôn Thái Mông, xã Nam An Phụ, thành phố Hải Phòng)*
|
Cục Thuế nhận được công văn số 4814/CCTKV.05-TTKT3 ngày 30/06/2025 của Chi Cục Thuế
Khu vực V (nay là Thuế thành phố Hải Phòng) và công văn số JHDPC/2025/276 ngày
5/9/2025 của Công ty TNHH Điện lực Jaks Hải Dương về chính sách thuế nhà thầu đối
với các khoản chi phí phát sinh trong hợp đồng
vay vốn nước ngoài. Về vấn đề này, Cục Thuế có ý kiến như sau:
"""
    assert meta_of(tmp_path, tax).recipients == ["Thuế thành phố Hải Phòng", "Công ty BOT TNHH Điện lực Jaks Hải Dương"]
    body = """BỘ TÀI CHÍNH
**CỤC THUẾ**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 5615/CT-CS
*V/v Mẫu tờ khai liên quan đến thực hiện Nghị
quyết số 98/2023/QH15*
|
*Hà Nội, ngày 28
tháng 11 năm 2025*
|
**Kính gửi:** Thuế
thành phố Hồ Chí Minh
Cục Thuế nhận được Công văn số 3374/CCTKV02-NVDTPC
ngày 30/6/2025 của Chi cục Thuế khu vực II (nay là Thuế thành phố Hồ Chí Minh)
về việc mẫu biểu triển khai thực hiện Nghị quyết số 98/2023/QH15 ngày
24/6/2023. Về vấn đề này, Cục Thuế có ý kiến như sau:
- Khoản 1 Điều 8 Nghị quyết số
98/2023/QH15 về việc miễn thuế thu nhập doanh nghiệp, thuế thu nhập cá nhân
đối với hoạt động đổi mới sáng tạo và khởi nghiệp trong các lĩnh vực ưu tiên của
Thành phố có quy định:
“Điều 8. Về quản lý khoa học và công nghệ, đổi mới
sáng tạo
1. Việc hỗ trợ hoạt động đổi mới sáng tạo và khởi
nghiệp trong các lĩnh vực ưu tiên của Thành phố được quy định như sau:
"""
    assert meta_of(tmp_path, body).recipients == ["Thuế thành phố Hồ Chí Minh"]


QUANG_NGAI_HEADER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 299 /UBND-TTHC
V/v công bố Danh mục TTHC
và xây dựng quy trình nội bộ
giải quyết TTHC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 15 tháng 01 năm 2025
"""


@pytest.mark.parametrize("gap", ["", "\n"])
@pytest.mark.parametrize(
    ("block", "recipients"),
    [
        # a dashed list whose last name carries a bracketed note and closes with a stop
        (
            "Kính gửi:\n- Sở Giao thông vận tải;\n"
            "- Sở Nông nghiệp và Phát triển nông thôn (đến ngày 09/12/2024 chưa gửi báo cáo).\n",
            ["Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn (đến ngày 09/12/2024 chưa gửi báo cáo)"],
        ),
        # the same note wrapped onto a line of its own (the paragraph joiner puts it back on the name's line)
        (
            "Kính gửi:\n- Sở Giao thông vận tải;\n- Sở Nông nghiệp và Phát triển nông thôn\n"
            "(đến ngày 09/12/2024 chưa gửi báo cáo).\n",
            ["Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn (đến ngày 09/12/2024 chưa gửi báo cáo)"],
        ),
        # a name wrapped in the list (Bộ Nội vụ, tn-5d3180ce): its short tail goes on, the body does not
        (
            "Kính gửi:\n- Các bộ, cơ quan ngang bộ, cơ quan thuộc\nChính phủ;\n"
            "- Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương.\n",
            [
                "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
            ],
        ),
        # one line
        (
            "Kính gửi: Thường trực HĐND tỉnh (đến ngày 09/12/2024 chưa gửi báo cáo).\n",
            ["Thường trực HĐND tỉnh (đến ngày 09/12/2024 chưa gửi báo cáo)"],
        ),
    ],
)
def test_recipients_end_where_the_body_starts(tmp_path, block, recipients, gap):
    """The 'Kính gửi' block ends at the first body paragraph even when the body's lines, like a closed name, open
    with a capital and end with a stop (the recipients took in the whole body of a letter in the Quảng Ngãi layout,
    letters13). The header and list lines are the development scan 299/UBND-TTHC's; the body's lines are Cục Thuế's
    (5608/CT-CS) and Cục Hải quan's (39209/CHQ-GSQL), with or without a blank line above them."""
    body = (
        "Cục Thuế nhận được công văn số 291/STSG-HC ngày 29/9/2025 của Công ty cổ phần siêu thị Sài Gòn.\n"
        "Do nội dung công văn không nêu cụ thể hình thức nhập khẩu nên Cục Hải quan chưa đủ cơ sở trả lời.\n"
        "Đề nghị các cơ quan, đơn vị khẩn trương thực hiện./.\n"
    )
    assert meta_of(tmp_path, QUANG_NGAI_HEADER + block + gap + body).recipients == recipients


def test_a_recipients_address_in_brackets_is_passed_when_the_list_goes_on(tmp_path):
    """Cục Thuế 5608/CT-CS (tn-77de8d61): the company's address in brackets sits between two dashed names; the
    second recipient, 'Thuế tỉnh Phú Thọ', was lost. A bracketed line under a recipient is seen in letters of Cục
    Thuế and Cục Hải quan (tn-416ea296, tn-28eca2b7, tn-e7f60026)."""
    letter = """BỘ TÀI CHÍNH
**CỤC THUẾ**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 5608/CT-CS
*V/v đơn giá thuê đất*
|
*Hà Nội, ngày 28
tháng 11 năm 2025*
|
|
**Kính gửi:**
|
- Công ty cổ phần siêu thị Sài Gòn;
(Địa chỉ: Trung tâm Thương mại Hà Tiên, phường Vĩnh Phúc, tỉnh Phú Thọ)
- Thuế tỉnh Phú Thọ.
|
Cục Thuế nhận được công văn số 291/STSG-HC ngày
29/9/2025 của Công ty cổ phần siêu thị Sài Gòn về việc đề nghị điều chỉnh đơn
giá thuê đất. Về vấn đề này, Cục Thuế có ý kiến như sau:
"""
    assert meta_of(tmp_path, letter).recipients == ["Công ty cổ phần siêu thị Sài Gòn", "Thuế tỉnh Phú Thọ"]


@pytest.mark.parametrize(
    ("tail", "surname"),
    [("guyễn", "Nguyễn"), ("cuyễn", "Nguyễn"), ("nguyên", "Nguyễn"), ("ương", None), ("an", None), ("Quốc", None)],
)
def test_family_name_of_a_tail_the_pen_left(tail, surname):
    """Only a tail of four letters or more that ends one family name alone names it ('ương' ends Dương, Trương and
    Lương); a capitalised word is a name of its own."""
    assert metadata._surname_of_tail(tail) == surname


def _scanned_signature(tmp_path: Path, block: str):
    """The signature block of an OCR'd page (the ``TextSource.ocr`` a scan's pages carry)."""
    path = tmp_path / "doc.txt"
    path.write_text(
        "CHỈ THỊ\nVề việc phòng cháy\nĐề nghị các cơ quan thực hiện./.\nNơi nhận:\n" + block, encoding="utf-8"
    )
    document = load_document(path)
    scanned = document.model_copy(
        update={"pages": [p.model_copy(update={"source": TextSource.ocr}) for p in document.pages]}
    )
    return metadata.extract(segment(scanned)).signer


@pytest.mark.parametrize(
    ("last_lines", "name"),
    [
        # UBND Gia Lai 44/2025/QĐ-CTUBND (tn-8795…), first and signed page printed at 200 and 300 dpi grey
        ("KT. ‹ '1Ủ TỊCH\nPHÓ C¡ Ủ TỊCH\n\" ( => .\nxxwuyến Tuấn Thanh\n", "Nguyễn Tuấn Thanh"),
        ("KT. ‹ 'TỦ TỊCH\nPHÓ C: Ủ TỊCH\nTy\n( ~—=~ ixguyến Tuấn Thanh\n", "Nguyễn Tuấn Thanh"),
        # UBND Lạng Sơn 2512/QĐ-UBND (tn-cd58…) at 200 and 300 dpi grey
        ("KT. . NỦ TỊCH\nPHÓ C. Ủ TỊCH\nV( `Z~\n'Lrân Thanh Nhàn\n", "Trần Thanh Nhàn"),
        ("kT... NỦ TỊCH\nPHÓ C. 'Ủ TỊCH\n.( `Z~\n'Irân Thanh Nhàn\n", "Trần Thanh Nhàn"),
        # UBND Đắk Lắk 010/CT-UBND (tn-6bac…) at 200 dpi grey: 'uong' ends three families, 'ruong' one
        ("KT.+ tỦ TỊCH\nPHÓ Cì TỊCH l l r v\\ _7— urương Công Thái\n", "Trương Công Thái"),
    ],
)
def test_a_family_name_the_seal_ate_the_head_of(tmp_path, last_lines, name):
    """The seal's ring over the printed name's first letters: strokes glued before what is left of the family name
    ('xxwuyến', 'ixguyến'), or its first letter slipped ('Lrân', 'Irân', no syllable); the one family name its
    longest tail ends names it. Prints of two issuers (UBND Gia Lai, UBND Lạng Sơn)."""
    assert _scanned_signature(tmp_path, "- Lưu: VT.\n" + last_lines).name == name


@pytest.mark.parametrize(
    ("last_lines", "name"),
    [
        # UBND Lạng Sơn 2512/QĐ-UBND (tn-cd58…) faxed at 200 dpi
        ('- Lưu: VT, TTPVHCC(TTPL).\nkTSHỦ TỊCH\nPHÓ CNỦ TỊCH\nxe.\n"Trần Thanh Nhàn\n', "Trần Thanh Nhàn"),
        # UBND Hưng Yên 1973/QĐ-UBND (tn-48ed…) faxed at 200 dpi: the family name made small as well
        ("- Lưu: VT, PVHGCNH.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n_” lê Quang Hòa\n", "Lê Quang Hòa"),
    ],
)
def test_a_mark_before_the_printed_name_of_a_faxed_page(tmp_path, last_lines, name):
    """A quote or a pen's tail read before the printed name ('"Trần', '_” lê') is not part of it: faxed prints of
    two issuers (UBND Lạng Sơn, UBND Hưng Yên)."""
    assert _scanned_signature(tmp_path, last_lines).name == name


@pytest.mark.parametrize(
    "last_lines",
    [
        # UBND Hải Phòng 209/2025/QĐ-UBND (tn-cf3a…) at 200 and 150 dpi grey: 'TM. ỦY BAN NHÂN DÂN' under the seal,
        # the last lines as the segmented reading has them
        "- Lưu: VT, N.Đ.Minh.\nJY BAN NHÂN\n“ __`-! NHÂN\n` Hy\nPh bn - Phải , ñ : )\n:\n_ z3 cJm\n„an Văn Quân\n",
        '- Lưu: VT, N.Đ.Minh.\nBAN NHÂN\n"x ? ÂN\n" “CHỦ TỊCH\nAi...“\n¿ PHO nh TỊCH\n\' xã >> xi” l\n- „an Văn Quân\n',
        # HĐND Vĩnh Long 20/2025/NQ-HĐND (tn-c538…) at 150 dpi grey: 'CHỦ TỊCH' with a letter slipped
        "- Lưu: VT.\nCHL TỊCH\n(Œ\\ -—\n>-. „ Minh Dũng\n",
    ],
)
def test_the_signers_office_read_where_the_name_was_lost_is_no_name(tmp_path, last_lines):
    """A capacity or position line garbled under the seal ('JY BAN NHÂN', 'Ban Nhân', 'CHL TỊCH') is no name when
    the printed name under it was lost too: nothing is better than the office for a name."""
    signer = _scanned_signature(tmp_path, last_lines)
    assert signer is None or signer.name is None


@pytest.mark.parametrize(
    ("line", "junk"),
    [
        ("Âm. LAN h> - @ /", True),  # vht534 at 200 dpi grey: the e-signature's emblem, two syllables by chance
        ("đề nghị các đơn vị", False),  # words in a row: a sentence ends the block
        ("- Sở Tài chính;", False),  # a recipient
    ],
)
def test_stamp_junk_between_position_and_name(line, junk):
    """A seal or an e-signature's emblem read at a lower resolution as a line of junk, skipped in the signature
    block; a sentence or a list item is not."""
    assert metadata._is_stamp_junk(line) is junk
