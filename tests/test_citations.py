"""extractors/citations.py: cited documents in real seed excerpts (with the seeds' traps) and in invented
documents of other kinds: a provincial decision's 'Căn cứ' lines, a department letter, lists of numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import citations
from pipeline.read.load import load_document
from pipeline.text.segment import segment
from schemas.document import Document, Page, TextSource
from tests.paths import GOLD, SEEDS


def cited(tmp_path: Path, text: str) -> dict[tuple[str, str | None], object]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return {(c.number, c.issued_on): c for c in citations.extract(segment(load_document(path)))}


def test_number_broken_across_lines_and_own_number(tmp_path):
    """Seed 000: '12-' at a line end, 'NQ/TW' on the next; the letter's own number and the blank
    self-reference of its appendix are not citations."""
    found = cited(
        tmp_path,
        "Số 1116- CV/ĐUCA\n\nHà Nội, ngày 01 tháng 11 năm 2022\n\n"
        "Thực hiện Nghị quyết số 12-\nNQ/TW ngày 15/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng "
        "lực lượng Công an nhân dân.\n\n(Ban hành kèm theo Công văn số .....-CV/ĐUCA ngày ... "
        "tháng ..... năm 2022)\n",
    )
    assert list(found) == [("12-NQ/TW", "2022-03-15")]
    c = found[("12-NQ/TW", "2022-03-15")]
    assert (c.kind, c.issuer) == ("Nghị quyết", "Bộ Chính trị")
    assert c.evidence.quote == "Nghị quyết số 12-NQ/TW ngày 15/3/2022 của Bộ Chính trị"


def test_an_annex_heading_names_the_document_itself_though_ocr_misread_the_header(tmp_path):
    """Prints scanned at 100 dpi (bench.scan_tolerance): the header's number read '167/QĐ-UBND' for 1627/QĐ-UBND
    (UBND Quảng Ngãi), '13837 /QĐ-BNV' for 1383/QĐ-BNV (Bộ Nội vụ); the annex's heading still names the document.
    Another paper an annex reproduces stays a citation (seed 002's '(Ban hành kèm theo Quyết định số 5764/…')."""
    basis = "Căn cứ Chỉ thị số 23/CT-TTg ngày 26 tháng 8 năm 2025 của Thủ tướng Chính phủ;\n\nKẾ HOẠCH\n"
    header = "Số: 167/QĐ-UBND\n\nQuảng Ngãi, ngày 21 tháng 11 năm 2025\n\n" + basis
    annex = "(Kèm theo Quyết định số: 1627/QĐ-UBND ngày 21/11/2025 của Chủ tịch Ủy ban nhân dân tỉnh)\n"
    assert list(cited(tmp_path, header + annex)) == [("23/CT-TTg", "2025-08-26")]
    header = "Số: 13837 /QĐ-BNV\n\nHà Nội, ngày 26 tháng 11 năm 2025\n\n" + basis
    annex = "(Ban hành kèm theo Quyết định số: 1383/QĐ-BNV ngày 26 tháng 11 năm 2025 của\n"
    assert list(cited(tmp_path, header + annex)) == [("23/CT-TTg", "2025-08-26")]
    annex = "(Ban hành kèm theo Quyết định số 5764/QĐ-BCA ngày 13/7/2021 của Bộ trưởng Bộ Công an)\n"
    assert ("5764/QĐ-BCA", "2021-07-13") in cited(tmp_path, header + annex)


def test_an_annex_heading_of_the_documents_kind_is_its_own_only_by_number(tmp_path):
    """A print of UBND Hà Tĩnh 2890/QĐ-UBND faxed at 150 dpi read the header's number '28907/QĐ-UBND'; its annex's
    heading, one figure apart, is the document itself (a fourth issuer of the slip). The kind alone does not say
    so: Bộ Quốc phòng's consolidated Quyết định 89/VBHN-BQP (tn-1e6fb98e) heads its annexes with the Thủ tướng's
    Quyết định it reproduces, so with the header's number lost (HĐND Hà Nội 66 printed at 100 dpi read 'đ:' for
    'Số:') an annex heading of the document's own kind stays a citation."""
    basis = "Căn cứ Chỉ thị số 23/CT-TTg ngày 26 tháng 8 năm 2025 của Thủ tướng Chính phủ;\n\nQUYẾT ĐỊNH\n"
    header = "Số: 28907/QĐ-UBND\n\nHà Tĩnh, ngày 20 tháng 11 năm 2025\n\n" + basis
    annex = "(Kèm theo Quyết định số: 2890/QĐ-UBND ngày 20/11/2025 của Chủ tịch UBND tỉnh)\n"
    assert list(cited(tmp_path, header + annex)) == [("23/CT-TTg", "2025-08-26")]
    header = "QUYẾT ĐỊNH\n\nHà Nội, ngày 24 tháng 11 năm 2025\n\n" + basis
    annex = "(Ban hành kèm theo Quyết định số 38/2025/QĐ-TTg ngày 13 tháng 10 năm 2025 của Thủ tướng Chính phủ)\n"
    assert ("38/2025/QĐ-TTg", "2025-10-13") in cited(tmp_path, header + annex)


def test_spaced_symbol_dash_and_comma_date(tmp_path):
    """Seed 002: 'Quyết định số 5764/QĐ-BCA – V05 ngày 13/7/2021'; seed 001: ', ngày 16/3/2022'; '12- NQ/TW'."""
    found = cited(
        tmp_path,
        "Thực hiện Quyết định số 5764/QĐ-BCA – V05 ngày 13/7/2021 của Bộ trưởng Bộ Công an; "
        "Nghị quyết số 12- NQ/TW, ngày 16/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng lực lượng "
        "Công an nhân dân thật sự trong sạch.\n",
    )
    assert set(found) == {("5764/QĐ-BCA-V05", "2021-07-13"), ("12-NQ/TW", "2022-03-16")}
    assert found[("5764/QĐ-BCA-V05", "2021-07-13")].issuer == "Bộ trưởng Bộ Công an"
    assert found[("12-NQ/TW", "2022-03-16")].title == "đẩy mạnh xây dựng lực lượng Công an nhân dân thật sự trong sạch"


def test_same_number_two_dates_two_entries_and_undated_mention_merged(tmp_path):
    """Seed 003 style: a number cited with a date and again without adds nothing; with another date
    it is another entry."""
    found = cited(
        tmp_path,
        "- Thực hiện Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư.\n"
        "- Quán triệt Chỉ thị số 09-CT/TW của Ban Bí thư.\n"
        "- Thực hiện Chỉ thị số 09-CT/TW ngày 05/01/2017 của Ban Bí thư.\n"
        "- Triển khai Thông tư số 45/2022/TT-BCA của Bộ trưởng Bộ Công an.\n",
    )
    assert set(found) == {("09-CT/TW", "2011-12-01"), ("09-CT/TW", "2017-01-05"), ("45/2022/TT-BCA", None)}


def test_lists_kinds_and_bare_numbers(tmp_path):
    """A kind per item, a number listed after another of the same kind, 'Đề án 06 của Chính phủ'."""
    found = cited(
        tmp_path,
        "Thực hiện Nghị quyết số 12-NQ/TW và Kết luận số 18-KL/TW của Bộ Chính trị, các "
        "Quyết định số 10/QĐ-UBND, 11/QĐ-UBND ngày 05 tháng 4 năm 2024 của UBND tỉnh; "
        "Đề án 06 của Chính phủ về phát triển ứng dụng dữ liệu về dân cư; Kế hoạch 5 năm.\n",
    )
    assert set(found) == {
        ("12-NQ/TW", None),
        ("18-KL/TW", None),
        ("10/QĐ-UBND", None),
        ("11/QĐ-UBND", "2024-04-05"),
        ("06", None),
    }
    assert found[("18-KL/TW", None)].kind == "Kết luận"
    assert found[("11/QĐ-UBND", "2024-04-05")].issuer == "Ủy ban nhân dân tỉnh"
    assert found[("06", None)].kind == "Đề án"


def test_decision_legal_bases(tmp_path):
    """A provincial decision's 'Căn cứ' lines: a law by name and date only is not a citation; a law
    with its number is; long and short dates; a Tờ trình."""
    found = cited(
        tmp_path,
        "Số: 1234/QĐ-UBND\tQuảng Ninh, ngày 05 tháng 4 năm 2024\n\nQUYẾT ĐỊNH\n"
        "Về việc phê duyệt Kế hoạch phát triển du lịch\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Căn cứ Luật Du lịch số 09/2017/QH14 ngày 19 tháng 6 năm 2017;\n"
        "Căn cứ Nghị định số 168/2017/NĐ-CP ngày 31/12/2017 của Chính phủ quy định chi tiết;\n"
        "Theo đề nghị của Giám đốc Sở Văn hóa và Thể thao tại Tờ trình số 45/TTr-SVHTT "
        "ngày 20/3/2024.\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt Kế hoạch (kèm theo Quyết định này).\n",
    )
    assert set(found) == {
        ("09/2017/QH14", "2017-06-19"),
        ("168/2017/NĐ-CP", "2017-12-31"),
        ("45/TTr-SVHTT", "2024-03-20"),
    }
    assert found[("09/2017/QH14", "2017-06-19")].kind == "Luật"
    assert found[("168/2017/NĐ-CP", "2017-12-31")].issuer == "Chính phủ"


def test_ocr_noisy_keywords(tmp_path):
    found = cited(
        tmp_path,
        "Thực hiện Nghi quyết sô 51-NQ/TW, ngảy 05/9/2019 cùa Bộ Chính trị về Chiến lược bảo vệ an ninh quốc gia.\n",
    )
    c = found[("51-NQ/TW", "2019-09-05")]
    assert (c.kind, c.issuer) == ("Nghị quyết", "Bộ Chính trị")


def test_ocr_doubled_letter_in_kind_code(tmp_path):
    """Scans of seeds 001-003: OCR reads the bold 'Đ' of QĐ twice ('639-QĐĐ/BCA-V05'); other doubled
    letters of a symbol are kept ('16/CT-TTg')."""
    found = cited(
        tmp_path,
        "Quyết định số 639-QĐĐ/BCA-V05, ngày 30/01/2024 của Bộ Công an; Quyết định số "
        "5764/QĐĐ-BCA-V05, ngày 13/7/2021; Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng.\n",
    )
    assert set(found) == {
        ("639-QĐ/BCA-V05", "2024-01-30"),
        ("5764/QĐ-BCA-V05", "2021-07-13"),
        ("16/CT-TTg", "2020-03-31"),
    }
    assert found[("639-QĐ/BCA-V05", "2024-01-30")].kind == "Quyết định"


def test_ocr_doubled_dash_in_a_symbol(tmp_path):
    """UBND Quảng Ngãi 507/UBND-KGVX and 299/UBND-TTHC scanned at 200 dpi: the dash after 'QĐ' read twice across the
    gap after it."""
    found = cited(
        tmp_path,
        "Quyết định số 2269/QĐ- -TTg ngày 31/12/2021 của Thủ tướng Chính phủ; Quyết định số 1743/QĐ- -BGTVT ngày "
        "31/12/2024 của Bộ trưởng Bộ Giao thông vận tải.\n",
    )
    assert set(found) == {("2269/QĐ-TTg", "2021-12-31"), ("1743/QĐ-BGTVT", "2024-12-31")}


def test_ocr_lost_slash_before_a_kind_code():
    """Faxed prints of development decisions: 'Nghị quyết số 66NQ-CP ngày 26 tháng 3 năm 2025' (UBND Đồng Nai
    2813/QĐ-UBND at 200 dpi, UBND Cần Thơ 2533/QĐ-UBND at 150 and 200 dpi) and 'Nghị định số 272/2025NĐ-CP ngày 16
    tháng 10 năm 2025' (UBND Lâm Đồng 2284/QĐ-UBND at 200 dpi): the thin slash lost on a scanned page, put back before
    the kind code; a typed text's misprint is cited as printed ('49/2025TT-BCT', UBND Đắk Lắk 02144/QĐ-UBND, as its
    gold writes it); digits before any other letters name no document ('10KV-A')."""
    text = (
        "Căn cứ Nghị quyết số 66NQ-CP ngày 26 tháng 3 năm 2025 của Chính phủ về thủ tục hành chính;\n"
        "Căn cứ Nghị định số 272/2025NĐ-CP ngày 16 tháng 10 năm 2025 của Chính phủ về phân định vùng; trạm 10KV-A.\n"
    )

    def cited_on(source: TextSource, media_type: str) -> set[tuple[str, str | None]]:
        page = Page(number=1, text=text, source=source)
        doc = Document(path="t", sha256="0", media_type=media_type, pages=[page]).with_offsets()
        return {(c.number, c.issued_on) for c in citations.extract(segment(doc))}

    assert cited_on(TextSource.ocr, "application/pdf") == {("66/NQ-CP", "2025-03-26"), ("272/2025/NĐ-CP", "2025-10-16")}
    assert cited_on(TextSource.plain, "text/plain") == {("66NQ-CP", "2025-03-26"), ("272/2025NĐ-CP", "2025-10-16")}


def test_ocr_look_alike_letter_in_kind_code(tmp_path):
    """UBND Quảng Ngãi 05 and 507/UBND-KGVX scanned at 100 dpi: the 'Đ' of QĐ read 'D'; a part that is a code as
    read ('HD', Hướng dẫn) or no code either way ('TTg') is kept."""
    found = cited(
        tmp_path,
        "Quyết định số 1479/QD-TTg ngày 29/11/2022 của Thủ tướng Chính phủ; Hướng dẫn số 12/HD-UBND ngày "
        "05/3/2024 của Ủy ban nhân dân tỉnh.\n",
    )
    assert set(found) == {("1479/QĐ-TTg", "2022-11-29"), ("12/HD-UBND", "2024-03-05")}


def test_ocr_look_alike_letter_in_the_prime_ministers_code(tmp_path):
    """UBND Quảng Ngãi 507/UBND-KGVX scanned in grey at 300 dpi: '2269/QĐĐ- -TIg', the bold 'TT' of TTg read 'TI'
    (as 239/TTr-UBND's 'TIr'); restored, it is the decision the subject names, dated once."""
    found = cited(
        tmp_path,
        "V/v góp ý dự thảo Quyết định sửa đổi Quyết định số 2269/QĐ-TTg về Chương trình viễn thông công ích\n"
        "Theo đề nghị của Bộ Thông tin và Truyền thông về việc sửa đổi Quyết định số 2269/QĐĐ- -TIg ngày "
        "31/12/2021 của Thủ tướng Chính phủ.\n",
    )
    assert set(found) == {("2269/QĐ-TTg", "2021-12-31")}


def test_ocr_reads_the_assemblys_term_number_with_a_capital_i(tmp_path):
    """Prints scanned at 150 dpi: 'Luật số 97/2025/QHI5' (UBND Cần Thơ 2579/QĐ-UBND), 'Nghị quyết số
    60/2024/UBTVQHI5' (UBND Cà Mau 0204/KH-UBND): the term is 15."""
    found = cited(
        tmp_path,
        "Căn cứ Luật số 97/2025/QHI5 ngày 27 tháng 6 năm 2025;\n"
        "theo Nghị quyết số 60/2024/UBTVQHI5 ngày 24/12/2024 của Ủy ban Thường vụ Quốc hội.\n",
    )
    assert set(found) == {("97/2025/QH15", "2025-06-27"), ("60/2024/UBTVQH15", "2024-12-24")}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_matches_gold(seed):
    gold = json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))["citations"]
    seg = segment(load_document(seed))
    got = citations.extract(seg)
    assert sorted((c.number, c.issued_on) for c in got) == sorted((c["number"], c["issued_on"]) for c in gold)
    for c in got:  # the evidence quotes the citation: its kind word or its number
        assert c.evidence.quote == seg.text[c.evidence.start : c.evidence.end]
        assert c.number.split("/")[0].split("-")[0] in c.evidence.quote


def test_sentence_opening_with_its_date_dates_the_document_it_names(tmp_path):
    """'Ngày 12/3/2012, Văn phòng Chính phủ đã có văn bản số 87/TB-VPCP …': the date comes first."""
    found = cited(
        tmp_path,
        "Ngày 12/3/2012, Văn phòng Chính phủ đã có văn bản số 87/TB-VPCP thông báo kết luận của Phó Thủ tướng.\n\n"
        "Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân tỉnh đã ban hành Công văn số 3280/UBND-VX về việc "
        "triển khai.\n\nNgày 05/01/2025, Sở Tài chính họp; Kế hoạch số 12/KH-STC được xây dựng sau đó.\n",
    )
    assert set(found) == {("87/TB-VPCP", "2012-03-12"), ("3280/UBND-VX", "2025-10-28"), ("12/KH-STC", None)}


def test_law_named_with_a_comma_symbol_joined_by_ampersand_and_standards(tmp_path):
    found = cited(
        tmp_path,
        "Căn cứ Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15;\n"
        "Căn cứ Công văn số 9086/BNV-CTTN&BĐG ngày 08 tháng 10 năm* *2025 của Bộ Nội vụ;\n"
        "Xe ô tô phải đáp ứng quy chuẩn về khí thải (QCVN 85:2025/BNNMT) và mặt cắt đường theo TCVN 13592:2022.\n",
    )
    assert set(found) == {
        ("36/2024/QH15", None),
        ("9086/BNV-CTTN&BĐG", "2025-10-08"),
        ("QCVN 85:2025/BNNMT", None),
        ("TCVN 13592:2022", None),
    }
    assert found[("36/2024/QH15", None)].kind == "Luật"
    assert found[("QCVN 85:2025/BNNMT", None)].kind == "Quy chuẩn kỹ thuật quốc gia"


def test_web_page_caption_ends_the_document(tmp_path):
    """After the signature a web page restates the document by kind and number, then adds its own
    notices; what they cite is no citation of the document. Footnotes before the caption are."""
    path = tmp_path / "doc.txt"
    path.write_text(
        "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 35/QĐ-BYT\tHà Nội, ngày 02 tháng 01 năm 2025\n\nQUYẾT ĐỊNH\nVề việc công bố thủ tục hành chính\n\n"
        "Căn cứ Nghị định số 42/2025/NĐ-CP ngày 27/02/2025 của Chính phủ;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính[1].\n\n"
        "Nơi nhận:\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn An\n\n"
        "[1] Theo Thông báo số 493/TB-VPCP ngày 18/11/2024 của Văn phòng Chính phủ.\n\n"
        "Quyết định 35/QĐ-BYT năm 2025 công bố thủ tục hành chính\n\n"
        "Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế bảo vệ dữ liệu cá nhân.\n",
        encoding="utf-8",
    )
    from extractors import metadata

    seg = segment(load_document(path))
    got = {(c.number, c.issued_on) for c in citations.extract(seg, metadata.extract(seg))}
    assert got == {("42/2025/NĐ-CP", "2025-02-27"), ("493/TB-VPCP", "2024-11-18")}


def test_symbol_with_a_dotted_unit(tmp_path):
    """tn-8018a6f353d60a9e (Văn phòng Chính phủ): 'Văn bản số 6721/VPCP-V.I ngày 19 tháng 7 năm 2025 và số
    7514/VPCP-V.I ngày 12 tháng 8 năm 2025'; tn-416ea29602e7fef9 (Cục Thuế): 'công văn số 4814/CCTKV.05-TTKT3
    ngày 30/06/2025'. A full stop ending a sentence is not part of the symbol."""
    found = cited(
        tmp_path,
        "Theo chỉ đạo tại Văn bản số 6721/VPCP-V.I\nngày 19 tháng 7 năm 2025 và số 7514/VPCP-V.I ngày 12 tháng 8 năm "
        "2025 của Văn phòng Chính phủ. Cục Thuế nhận được công văn số 4814/CCTKV.05-TTKT3 ngày 30/06/2025 của Chi "
        "Cục Thuế khu vực. Thực hiện Quyết định số 12/QĐ-UBND.Căn cứ tình hình thực tế.\n",
    )
    assert list(found) == [
        ("6721/VPCP-V.I", "2025-07-19"),
        ("7514/VPCP-V.I", "2025-08-12"),
        ("4814/CCTKV.05-TTKT3", "2025-06-30"),
        ("12/QĐ-UBND", None),
    ]


def test_bare_number_after_a_lowercase_kind_word_is_a_nickname(tmp_path):
    """cb-file_data_49 (UBND tỉnh Lai Châu): 'các xã thực hiện chương trình 135 của Chính phủ'; tn-ad5aff6c13929815
    (UBND tỉnh Bắc Ninh): 'chuyển đổi số và đề án 06 của tỉnh'; tn-ceb89a53c7b93f00 (UBND tỉnh Nghệ An): 'cải cách
    hành chính và đề án 06 về …'. Seed 003's 'Đề án 06 của Chính phủ' and a lowercase kind with 'số' stay citations."""
    found = cited(
        tmp_path,
        "Ưu tiên các xã thực hiện chương trình 135 của Chính phủ, chuyển đổi số và đề án 06 của tỉnh. Triển khai "
        "Đề án 06 của Chính phủ về phát triển ứng dụng dữ liệu về dân cư; theo quyết định số 135 của Ủy ban.\n",
    )
    assert list(found) == [("06", None), ("135", None)]
    assert found[("06", None)].evidence.quote.startswith("Đề án 06")


def test_two_papers_joined_by_va_share_the_date_after_the_second(tmp_path):
    """The 2025 merger resolutions (tn-1662311553c66bda Gia Lai: 392/393, tn-92582856e1434cfb Đắk Lắk: 340/341;
    notes-W, as D's 393/NQ-CP)."""
    found = cited(
        tmp_path,
        "*Xét đề nghị của Chính phủ tại Tờ trình số 392/TTr-CP và Đề án số 393/ĐA-CP ngày 09 tháng 5 năm 2025, "
        "Báo cáo thẩm tra số 422/BC-UBPLTP15 ngày 03 tháng 6 năm 2025 của Ủy ban Pháp luật và Tư pháp,*\n",
    )
    assert set(found) == {
        ("392/TTr-CP", "2025-05-09"),
        ("393/ĐA-CP", "2025-05-09"),
        ("422/BC-UBPLTP15", "2025-06-03"),
    }
    # cb-file_data_7: the ordinance's own year (2012) is not the decree's date
    found = cited(
        tmp_path,
        "Căn cứ Pháp lệnh số 04/2012/PL-UBTVQH13 và Nghị định số 31/2013/NĐ-CP ngày 09 tháng 4 năm 2013 của Chính phủ;\n",
    )
    assert set(found) == {("04/2012/PL-UBTVQH13", None), ("31/2013/NĐ-CP", "2013-04-09")}


def test_a_number_whose_hyphen_was_lost_is_the_paper_cited_with_it(tmp_path):
    """239 TTr (a Quảng Ngãi scan: OCR dropped the hyphen) and tn-1ea5e769 (a web text typed so): 'NĐCP' beside
    'NĐ-CP' in the same document is one paper, cited once."""
    got = cited(
        tmp_path,
        "Nghị định số 154/2020/NĐ-CP ngày 31/12/2020 của Chính phủ sửa đổi, bổ sung một số điều; "
        "Luật đã được sửa đổi, bổ sung theo Nghị định số 154/2020/NĐCP ngày 31/12/2020 của Chính phủ.\n",
    )
    assert list(got) == [("154/2020/NĐ-CP", "2020-12-31")]


def test_a_sentences_opening_date_dates_the_paper_it_records_across_wraps_and_years(tmp_path):
    """cb-file_data_38 (Bộ LĐTBXH): 'khóa 13' between the date and the number is no other date; 239 TTr (a Quảng Ngãi
    scan): the sentence is wrapped over two printed lines, holds the plan's years, and records an approval."""
    got = cited(
        tmp_path,
        "Ngày 16/7/2012, Ủy ban Thường vụ Quốc hội khóa 13 đã ban hành Pháp lệnh số 04/2012/UBTVQH13 sửa đổi.\n\n"
        "Ngày 22/11/2023, Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh Quảng\nNgãi thời kỳ 2021-2030, tầm nhìn đến "
        "năm 2050 tại Quyết định số 1456/QĐ-TTg; theo đó, nội dung quy hoạch du lịch tỉnh đã được tích hợp.\n",
    )
    assert set(got) == {("04/2012/UBTVQH13", "2012-07-16"), ("1456/QĐ-TTg", "2023-11-22")}


def test_a_stop_the_ocr_read_for_a_comma_before_a_lower_case_word_keeps_the_date_and_the_list(tmp_path):
    """H14 (Cao Bằng, 1999, typewritten scan) as the OCR reads it: the printed '88/CP, ngày 17/8/1994, số 60/CP,
    ngày …' has each comma read as a stop; a stop before a capital still ends the sentence."""
    got = cited(
        tmp_path,
        "- Căn cứ Luật đất đai và các Nghị định dưới luật của Hội đồng Chính phủ số : 88/CP. ngày 17/8/1994. số "
        "60/CP. ngày 05/7/1994 về quyền sở hữu nhà ở.\n\n"
        "- Căn cứ quy hoạch chi tiết đã được UBND tỉnh phê duyệt số 204/UB-QĐ-NĐ. ngày 09/6/1992.\n\n"
        "Thực hiện Công văn số 12/UBND-KT. Ngày 05/3/2024, Sở Tài chính đã có báo cáo.\n",
    )
    assert set(got) == {
        ("88/CP", "1994-08-17"),
        ("60/CP", "1994-07-05"),
        ("204/UB-QĐ-NĐ", "1992-06-09"),
        ("12/UBND-KT", None),
    }


def test_an_issuers_name_is_not_cut_by_a_word_that_folds_to_a_stop(tmp_path):
    """Folded, the 'Tài' of 'Bộ Tài chính' is the 'tại' that ends an issuer, and the 'Khoa' of 'Bộ Khoa học và Công
    nghệ' the 'khóa' of a party congress: stop words stop only when written as themselves ('Thông tư số
    103/2014/TT-BTC ngày 06/08/2014 của Bộ Tài chính quy định', Cục Thuế 5662/CT-CS; '… của Bộ Tài nguyên và Môi
    trường', UBND Hà Tĩnh 74/2025/QĐ-UBND; '… của Bộ trưởng Bộ Khoa học và Công nghệ', UBND Đắk Lắk 02125/QĐ-UBND)."""
    found = cited(
        tmp_path,
        "Tại khoản 7 Điều 7 Thông tư số 103/2014/TT-BTC ngày 06/08/2014 của Bộ Tài chính quy định:\n"
        "Căn cứ Thông tư số 02/2022/TT-BTNMT ngày 10/01/2022 của Bộ Tài nguyên và Môi trường về quản lý chất thải;\n"
        "Căn cứ Quyết định số 3212/QĐ-BKHCN ngày 17/10/2025 của Bộ trưởng Bộ Khoa học và Công nghệ về việc công bố;\n"
        "Căn cứ Quyết định số 20/2023/QĐ-UBND ngày 21/8/2023 của Ủy ban nhân dân tỉnh tại kỳ họp thứ 10;\n",
    )
    assert found[("103/2014/TT-BTC", "2014-08-06")].issuer == "Bộ Tài chính"
    assert found[("02/2022/TT-BTNMT", "2022-01-10")].issuer == "Bộ Tài nguyên và Môi trường"
    assert found[("3212/QĐ-BKHCN", "2025-10-17")].issuer == "Bộ trưởng Bộ Khoa học và Công nghệ"
    assert found[("20/2023/QĐ-UBND", "2023-08-21")].issuer == "Ủy ban nhân dân tỉnh"


def test_an_issuers_name_goes_on_over_the_line_it_was_wrapped_at(tmp_path):
    """A title in capitals wrapped inside the issuer's name ('… NGÀY 03/4/2023 CỦA CHÍNH' / 'PHỦ PHÊ DUYỆT …', UBND
    Đồng Nai, tn-bffd9da6; '… CỦA HỘI ĐỒNG NHÂN DÂN TỈNH' / 'THỪA THIÊN HUẾ (NAY THÀNH PHỐ HUẾ)', HĐND Huế 37/2025):
    the name the agency lexicon reads across the break; a line that ends after a whole name still ends it."""
    found = cited(
        tmp_path,
        "KẾ HOẠCH\n"
        "THỰC HIỆN NGHỊ QUYẾT SỐ 48/NQ-CP NGÀY 03/4/2023 CỦA CHÍNH\n"
        "PHỦ PHÊ DUYỆT CHIẾN LƯỢC KHAI THÁC, SỬ DỤNG BỀN VỮNG TÀI NGUYÊN\n"
        "NGHỊ QUYẾT SỐ 20/2023/NQ-HĐND NGÀY 21 THÁNG 8 NĂM 2023 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH\n"
        "THỪA THIÊN HUẾ (NAY THÀNH PHỐ HUẾ)\n"
        "Căn cứ Nghị định số 168/2017/NĐ-CP ngày 31/12/2017 của Chính phủ\n"
        "Quy định chi tiết một số điều của Luật Du lịch;\n",
    )
    assert found[("48/NQ-CP", "2023-04-03")].issuer == "CHÍNH PHỦ"
    assert found[("20/2023/NQ-HĐND", "2023-08-21")].issuer == "HỘI ĐỒNG NHÂN DÂN TỈNH THỪA THIÊN HUẾ"
    assert found[("168/2017/NĐ-CP", "2017-12-31")].issuer == "Chính phủ"


def test_a_kind_word_with_a_colon_before_its_list_of_numbers(tmp_path):
    """tn-0f98ee48 (UBND, 2025): 'tại các Văn bản: số 4104/SNV- XDCQ&TCBC ngày 28/8/2025, số 5786/SNV-XDCQ&TCBC
    ngày 13/11/2025'; cb-file_data_2 writes 'các Quyết định: số 290/2005/QĐ-TTg , số 188/2007/QĐ-TTg'."""
    found = cited(
        tmp_path,
        "(sau khi có ý kiến của Sở\nNội vụ tại các Văn bản: số 4104/SNV- XDCQ&TCBC ngày 28/8/2025, số\n"
        "5786/SNV-XDCQ&TCBC ngày 13/11/2025 và ý kiến góp ý của các cơ quan, đơn vị\nliên quan);\n",
    )
    assert {k: c.kind for k, c in found.items()} == {
        ("4104/SNV-XDCQ&TCBC", "2025-08-28"): "Văn bản",
        ("5786/SNV-XDCQ&TCBC", "2025-11-13"): "Văn bản",
    }


def test_a_number_after_semicolon_and_so_continues_the_list_past_a_title(tmp_path):
    """tn-478446b5: 'Nghị quyết số 55/2010/QH12 về miễn, giảm thuế sử dụng đất nông nghiệp; số 107/2020/QH14 ngày
    10/6/2020 về kéo dài …': the QH symbol names no kind, the list it continues does; a '; số' in another
    paragraph continues nothing."""
    found = cited(
        tmp_path,
        "*Căn cứ Nghị quyết số 55/2010/QH12 về miễn, giảm thuế sử dụng đất nông nghiệp; số\n"
        "107/2020/QH14 ngày 10/6/2020 về kéo dài thời hạn miễn thuế sử dụng đất nông nghiệp;*\n\n"
        "Hồ sơ gồm: đơn đề nghị; số 12/2020/QH14 ghi trên giấy.\n",
    )
    assert {k: c.kind for k, c in found.items()} == {
        ("55/2010/QH12", None): "Nghị quyết",
        ("107/2020/QH14", "2020-06-10"): "Nghị quyết",
    }


def test_emphasis_inside_a_number_is_read_through(tmp_path):
    """tn-82483d7f (Hà Nội, TTPVHCC): 'tại Văn bản *số 794*/SDTTG-VP ngày 03/11/2025'; tn-ac8c98d5 and tn-a032a58e
    (UBTVQH) write 'Nghị quyết **số 203**/2025/QH15': a web page's bold or italic closes inside the number."""
    found = cited(
        tmp_path,
        "*Theo đề nghị của Giám đốc Sở\nDân tộc và Tôn giáo thành phố Hà Nội tại Văn bản *số 794*/SDTTG-VP ngày\n"
        "03/11/2025.*\n\n*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 được sửa đổi, bổ sung một số "
        "điều theo Nghị quyết **số 203**/2025/QH15;*\n",
    )
    assert {("794/SDTTG-VP", "2025-11-03"), ("203/2025/QH15", None)} <= set(found)
    assert not any(number in {"794", "203"} for number, _ in found)


def test_a_forms_code_is_not_a_cited_paper(tmp_path):
    """tn-c8549ab2 (Thuế): 'Văn bản đề nghị theo mẫu số 01/MGTH ban hành kèm theo phụ lục I Thông tư này';
    tn-03890575 'theo mẫu số 03/TNDN', tn-e598d95f 'theo Mẫu số 05-PA': the code of a form to fill in."""
    found = cited(
        tmp_path,
        "*a) Văn bản đề nghị theo mẫu số 01/MGTH ban hành\nkèm theo phụ lục I Thông tư này;*\n"
        "b) Theo Thông tư số 80/2021/TT-BTC ngày 29/9/2021 của Bộ Tài chính.\n",
    )
    assert list(found) == [("80/2021/TT-BTC", "2021-09-29")]


def test_the_web_pages_notice_below_the_document_cites_nothing(tmp_path):
    """tn-75a0867a (VPCP), tn-39db3d8c (BTC), tn-8180ae11 (BQP): below the document the site prints its notice
    'Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân …', after its own 'Văn bản liên quan' footer."""
    found = cited(
        tmp_path,
        "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 12/CT-TTg\n\nHà Nội, ngày 02 tháng 5 năm 2025\n\nCHỈ THỊ\n\n"
        "Thực hiện Nghị quyết số 46/NQ-CP ngày 08 tháng 3 năm 2025, các Bộ triển khai ngay.\n\n"
        "THỦ TƯỚNG\n\nPhạm Minh Chính\n\nVăn bản liên quan\n\n"
        "**Kính gửi:** Quý Thành viên,\n"
        "Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân (hiệu lực từ ngày 01/07/2023) yêu cầu xác nhận.\n",
    )
    assert list(found) == [("46/NQ-CP", "2025-03-08")]


def test_a_symbol_glued_to_the_word_after_it_ends_before_that_word(tmp_path):
    """'35/2025/QĐ-TTgcủa Thủ tướng' (tn-ed309a99, HĐND Huế), '381/ĐA-CPngày 09 tháng 5' (tn-ee18506c, UBTVQH): the
    web page lost a space; the symbol is read whole, the date and issuer after it still read."""
    found = cited(
        tmp_path,
        "Số: 35/2025/NQ-HĐND\n\nCăn cứ Quyết định số 35/2025/QĐ-TTgcủa Thủ tướng Chính phủ sửa đổi Quyết định khác;\n\n"
        "Xét Tờ trình số 380/TTr-CP và Đề án số 381/ĐA-CPngày 09 tháng 5 năm 2025 của Chính phủ.\n",
    )
    assert set(found) == {
        ("35/2025/QĐ-TTg", None),
        ("380/TTr-CP", "2025-05-09"),
        ("381/ĐA-CP", "2025-05-09"),
    }
    assert found[("35/2025/QĐ-TTg", None)].issuer == "Thủ tướng Chính phủ"


def test_a_joint_issuer_goes_on_past_its_commas(tmp_path):
    """'của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ' (the Căn cứ of six provincial and ministry decisions), 'của Liên
    Bộ A, Bộ B, Bộ C' (cb-file_data_32), a ministry whose name has a comma: the whole issuer, not its first part."""
    found = cited(
        tmp_path,
        "Số: 12/QĐ-UBND\n\nCăn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng "
        "Chính phủ hướng dẫn nghiệp vụ;\n\nCăn cứ Thông tư liên tịch số 29/2010/TTLT-BGDĐT-BTC-BLĐTBXH ngày 15 tháng "
        "11 năm 2010 của Liên Bộ Giáo dục và Đào tạo, Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội.\n\n"
        "Căn cứ Quyết định số 3253/QĐ-BVHTTDL ngày 10/9/2025 của Bộ Văn hóa, Thể thao và Du lịch về việc công bố;\n\n"
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ, Thông tư số 05/2014/TT-BTP.\n",
    )
    issuers = {number: c.issuer for (number, _), c in found.items()}
    assert issuers == {
        "02/2017/TT-VPCP": "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
        "29/2010/TTLT-BGDĐT-BTC-BLĐTBXH": "Liên Bộ Giáo dục và Đào tạo, Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội",
        "3253/QĐ-BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
        "63/2010/NĐ-CP": "Chính phủ",
        "05/2014/TT-BTP": None,
    }


def test_an_issuer_ends_before_the_verb_that_says_what_the_paper_does(tmp_path):
    """'… của Bộ trưởng Bộ Y tế công bố danh mục thuốc' (tn-e7792ccc, Lai Châu), '… của Chủ tịch Ủy ban nhân dân tỉnh
    Bắc Giang công bố thủ tục hành chính' (tn-ea34a356, Bắc Ninh), '… của Thành ủy Cần Thơ thực hiện Nghị quyết'
    (tn-a83fffe0), '… của Chủ tịch Ủy ban nhân dân tỉnh hết hiệu lực kể từ ngày …' (tn-640111ea, tn-b1a5a415)."""
    found = cited(
        tmp_path,
        "Số: 12/QĐ-UBND\n\n5. Quyết định số 3235/QĐ-BYT ngày 01/11/2024 của Bộ trưởng Bộ Y tế công bố danh mục thuốc.\n\n"
        "Chương trình số 30-CTr/TU ngày 10/01/2022 của Thành ủy Cần Thơ thực hiện Nghị quyết của Đảng.\n\n"
        "Quyết định số 0151/QĐ-UBND ngày 02/01/2025 của Chủ tịch Ủy ban nhân dân tỉnh hết hiệu lực kể từ ngày ký.\n",
    )
    issuers = {number: c.issuer for (number, _), c in found.items()}
    assert issuers == {
        "3235/QĐ-BYT": "Bộ trưởng Bộ Y tế",
        "30-CTr/TU": "Thành ủy Cần Thơ",
        "0151/QĐ-UBND": "Chủ tịch Ủy ban nhân dân tỉnh",
    }


def _cited_on_scan(text: str) -> set[tuple[str, str | None]]:
    page = Page(number=1, text=text, source=TextSource.ocr)
    doc = Document(path="t", sha256="0", media_type="application/pdf", pages=[page]).with_offsets()
    return {(c.number, c.issued_on) for c in citations.extract(segment(doc))}


def test_ocr_letter_for_a_numbers_leading_one():
    """Lines as OCR read them: UBND Quảng Ngãi vht534 resampled to 200 dpi one-bit ('Kết luận số I84/KL-TTr ngày
    06/9/2024', 'Kế hoạch số I86/KH-UBND ngày 17/9/2024') and UBND Cao Bằng 157/QĐ-NĐ-UB at 100 dpi one-bit ('I3/ÚB-TP'):
    the leading 1 read as 'I' is put back on an OCR'd page; a word that is letters only is no number."""
    found = _cited_on_scan(
        "- UBND huyện Trà Bồng tiếp tục chỉ đạo khẩn trương thực hiện Kết luận số I84/KL-TTr ngày 06/9/2024 của "
        "Thanh tra Bộ Lao động - Thương binh và Xã hội; theo Kế hoạch số I86/KH-UBND ngày 17/9/2024 của UBND tỉnh.\n"
    )
    assert found == {("184/KL-TTr", "2024-09-06"), ("186/KH-UBND", "2024-09-17")}


def test_ocr_slipped_letter_in_a_symbol_code():
    """Lines as OCR read them, UBND Quảng Ngãi scans resampled: '6138/UBND-KGVK' for KGVX (vht534 at 300 dpi grey),
    '202/BLTTT-KHTC' for BTTTT (bnt_BTTTT at 150 dpi), '2269/QĐ- -Tg' for TTg (bnt_BTTTT at 200 dpi): a part one OCR
    slip from exactly one code the corpus writes is read as that code on an OCR'd page; 'TT' (a code itself: Thông tư)
    stays, and so do real codes the corpus lacks ('SNNPTNT', 'BHXH', Quảng Ngãi's 'NC'), one letter from others."""
    found = _cited_on_scan(
        "Công văn số 5442/UBND-KGVX ngày 10/10/2024 và số 6138/UBND-KGVK ngày 13/11/2024. Theo đề nghị của Bộ Thông "
        "tin và Truyền thông tại Công văn số 202/BLTTT-KHTC ngày 21/01/2025 về việc góp ý dự thảo Quyết định sửa đổi "
        "Quyết định số 2269/QĐ- -Tg ngày 31/12/2021 của Thủ tướng Chính phủ; tại Quyết định số 1456/QĐ-TT ngày "
        "22/11/2023. Tờ trình số 12/TTr-SNNPTNT ngày 02/01/2024; Công văn số 7/BHXH-TCCB ngày 03/01/2024; Công văn số "
        "45/UBND-NC ngày 04/01/2024.\n"
    )
    assert found == {
        ("12/TTr-SNNPTNT", "2024-01-02"),
        ("7/BHXH-TCCB", "2024-01-03"),
        ("45/UBND-NC", "2024-01-04"),
        ("5442/UBND-KGVX", "2024-10-10"),
        ("6138/UBND-KGVX", "2024-11-13"),
        ("202/BTTTT-KHTC", "2025-01-21"),
        ("2269/QĐ-TTg", "2021-12-31"),
        ("1456/QĐ-TT", "2023-11-22"),
    }


def test_ocr_slipped_figure_in_one_date_of_a_paper_cited_often():
    """UBND Quảng Ngãi 239/TTr-UBND resampled to 150 dpi one-bit: 'Nghị quyết số 24/2013/NQ-HĐND ngày 10/12/2013'
    read right twice and once as 'ngày 19/12/2013': the slipped date is the paper's usual one on an OCR'd page; two
    dates each written once are left as read."""
    found = _cited_on_scan(
        "Bãi bỏ Nghị quyết số 24/2013/NQ-HĐND ngày 10/12/2013 của HĐND tỉnh về việc thông qua Quy hoạch.\n"
        "Xây dựng Nghị quyết bãi bỏ Nghị quyết số 24/2013/NQ-HĐND ngày 10/12/2013 của HĐND tỉnh.\n"
        "a) Nội dung tại Điều 1: Bãi bỏ toàn bộ Nghị quyết số 24/2013/NQ-HĐND ngày 19/12/2013 của HĐND tỉnh.\n"
        "Theo Chỉ thị số 01/CT-UBND ngày 03/01/2024 và Chỉ thị số 01/CT-UBND ngày 08/01/2024.\n"
    )
    assert found == {
        ("24/2013/NQ-HĐND", "2013-12-10"),
        ("01/CT-UBND", "2024-01-03"),
        ("01/CT-UBND", "2024-01-08"),
    }


def test_ocr_number_with_its_lead_and_its_code_slipped_is_not_read():
    """UBND Quảng Ngãi vht534 and 05 at 100 dpi one-bit: 'Kế hoạch sô I86/KH-LUJUBND', 'Quyết định số I479/QD-TTs':
    a number whose leading 1 OCR read as 'I' is read only when its symbol's codes read clean; otherwise a slipped
    number would be one citation lost and one false."""
    found = _cited_on_scan(
        "theo Kế hoạch sô I86/KH-LUJUBND ngày 17/9/2024 của UBND tỉnh; theo Quyết định số I479/QD-TTs ngày "
        "29/11/2022 của Thủ tướng Chính phủ.\n"
    )
    assert found == set()
