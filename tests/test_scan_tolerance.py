"""``bench.scan_tolerance``'s paper text (a corpus web page laid out as the sample generator prints it) and the facts
it compares (what the acceptance scorer counts)."""

from collections import Counter

from bench.scan_tolerance import facts, field_counts, paper_text

PAGE = """|
**ỦY BAN NHÂN DÂN**
TỈNH NGHỆ AN
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
|
|
Số: 980/KH-UBND
|
*Nghệ An, ngày 18
tháng 11 năm 2025*
|
**KẾ HOẠCH**
**I. MỤC ĐÍCH**
Xác định phạm vi, trách nhiệm.
|
Nơi nhận:
- Như trên;
|
**KT. CHỦ TỊCH**
Nguyễn Văn Đệ
|
** **
**PHỤ LỤC**
|
**TT**
|
**Nội dung thực
hiện**
|
**Cơ quan chủ trì**
|
|
1
|
Tổ chức lại Ban Chỉ huy
Phòng thủ dân sự
|
Bộ CHQS tỉnh
|
|
"""


def test_a_web_task_table_is_printed_as_a_ruled_table_after_the_signature():
    """Kế hoạch 980/KH-UBND's shape: the body inside the letterhead's table, the appendix title glued into the
    signature's row before the task table; the table comes out as TAB rows, a wrapped cell on one line."""
    blocks = paper_text(PAGE).split("\n\n")
    assert blocks[:5] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "**ỦY BAN NHÂN DÂN**",
        "**TỈNH NGHỆ AN**",
        "Số: 980/KH-UBND",
    ]
    assert blocks[blocks.index("**I. MỤC ĐÍCH**") + 1] == "Xác định phạm vi, trách nhiệm."
    assert blocks.index("Nơi nhận:\n- Như trên;") < blocks.index("**PHỤ LỤC**")
    assert blocks[-1] == (
        "**TT**\t**Nội dung thực hiện**\t**Cơ quan chủ trì**\n1\tTổ chức lại Ban Chỉ huy Phòng thủ dân sự\tBộ CHQS tỉnh\n"
    )


def _page(body: str) -> str:
    """Kế hoạch 980/KH-UBND's letterhead and signature around ``body``, the web page's lines."""
    head, rest = PAGE.split("**KẾ HOẠCH**\n", 1)
    return head + body + rest[rest.index("|\nNơi nhận:") :]


def test_the_web_pages_paragraph_breaks_stay_paragraphs_on_paper():
    """A heading with no final stop over a dash bullet (Công điện of Bộ Xây dựng, tn-a8e9), a paragraph after a clause
    ended by ';' (Sở GD&ĐT Hà Nội, tn-d97b) and a line after a full stop (Bộ Tài chính, tn-9063) open paragraphs of
    their own, as the reader reads the web page; their hard wraps are joined."""
    body = """2. Các cơ quan, đơn vị căn cứ theo chức năng, nhiệm
vụ, thẩm quyền chủ động phối hợp, hỗ trợ địa phương ứng phó.
3. Cục Đường bộ Việt Nam
- Chỉ đạo các Khu Quản lý đường bộ III và IV phối
hợp với các Sở Xây dựng liên quan tổ chức trực, phân luồng từ xa và phối hợp
với các cơ quan truyền thông để thông tin cho người tham gia giao thông biết;
pháp cấp bách về kiểm soát ô nhiễm môi trường không khí trên địa bàn Thành phố *(Văn
bản đính kèm)*;
Nhằm đảm bảo sức khỏe cho học
sinh, sinh viên và cán bộ, giáo viên, nhân viên của các đơn vị, trường học, Sở
Giáo dục và Đào tạo đề nghị UBND các xã, phường:
3. Chỉ đạo đầu mối phối hợp với Thuế tỉnh, thành phố để
thường xuyên rà soát, phản hồi vướng mắc phát sinh trong quá trình sử dụng Cẩm
nang để tiến hành cập nhật nội dung.
Bộ Tài chính gửi kèm bộ Cẩm nang gồm:
- Cẩm nang
nghiệp vụ thuế dành cho công chức cấp xã;
- Infographic Cẩm nang;
"""
    blocks = paper_text(_page(body)).split("\n\n")
    start = blocks.index("-----") + 1
    assert blocks[start : start + 10] == [
        "2. Các cơ quan, đơn vị căn cứ theo chức năng, nhiệm vụ, thẩm quyền chủ động phối hợp, hỗ trợ địa phương ứng phó.",
        "3. Cục Đường bộ Việt Nam",
        "- Chỉ đạo các Khu Quản lý đường bộ III và IV phối hợp với các Sở Xây dựng liên quan tổ chức trực, phân luồng từ"
        " xa và phối hợp với các cơ quan truyền thông để thông tin cho người tham gia giao thông biết; pháp cấp bách về"
        " kiểm soát ô nhiễm môi trường không khí trên địa bàn Thành phố *(Văn bản đính kèm)*;",
        "Nhằm đảm bảo sức khỏe cho học sinh, sinh viên và cán bộ, giáo viên, nhân viên của các đơn vị, trường học, Sở"
        " Giáo dục và Đào tạo đề nghị UBND các xã, phường:",
        "3. Chỉ đạo đầu mối phối hợp với Thuế tỉnh, thành phố để thường xuyên rà soát, phản hồi vướng mắc phát sinh"
        " trong quá trình sử dụng Cẩm nang để tiến hành cập nhật nội dung.",
        "Bộ Tài chính gửi kèm bộ Cẩm nang gồm:",
        "- Cẩm nang nghiệp vụ thuế dành cho công chức cấp xã;",
        "- Infographic Cẩm nang;",
        "Nơi nhận:\n- Như trên;",
        "**KT. CHỦ TỊCH**",
    ]


def test_a_page_with_blank_lines_between_paragraphs_keeps_each_paragraph_whole():
    """Quy chế of UBND Hà Nội (tn-d71b): a blank line between paragraphs, so an article's title wrapped before the
    agency's name ('**Điều 18. Trách nhiệm của Sở' / 'Khoa học và Công nghệ**') is one paragraph, as the reader reads
    it, not a heading cut from the name."""
    body = """5. Thường xuyên theo dõi, hướng dẫn, chỉ đạo các tổ
chức hành nghề công chứng cập nhật, bổ sung dữ liệu các giao dịch vào Cơ sở dữ
liệu đầy đủ, kịp thời.

6. Triển khai thực hiện, theo dõi, tổng hợp tình
hình thực hiện Quy chế này báo cáo Ủy ban nhân dân thành phố.

**Điều 17. Trách nhiệm của Sở
Nông nghiệp và Môi trường**

Phối hợp thực hiện và chỉ đạo cơ quan đăng ký đất
đai cung cấp thông tin ngăn chặn, thông tin giải tỏa ngăn chặn đối với tài sản
là quyền sử dụng đất và tài sản gắn liền với đất trong phạm vi thẩm quyền giải
quyết của cơ quan, đơn vị đến Sở Tư pháp để cập nhật vào Cơ sở dữ liệu.

**Điều 18. Trách nhiệm của Sở
Khoa học và Công nghệ**

Phối hợp với Sở Tư pháp bố trí hạ tầng công nghệ
thông tin dùng chung của thành phố phục vụ cơ sở dữ liệu công chứng, chứng thực
trên địa bàn thành phố; hướng dẫn việc quản lý, lưu trữ, kết nối và chia sẻ dữ
liệu trong phạm vi quản lý.

**Điều 19. Đề nghị Tòa án nhân
dân thành phố, Viện kiểm sát nhân dân thành phố, Thi hành án dân sự thành phố**

Căn cứ chức năng, nhiệm vụ, quyền hạn, phối hợp thực
hiện và chỉ đạo các cơ quan, đơn vị thuộc ngành mình kịp thời cung cấp đến Sở
Tư pháp các thông tin ngăn chặn, thông tin giải tỏa ngăn chặn đối với các loại
tài sản trong phạm vi thẩm quyền giải quyết của cơ quan, đơn vị để cập nhật vào
Cơ sở dữ liệu.

**Điều 20. Trách nhiệm của Công
an thành phố**

Phối hợp thực hiện và chỉ đạo Phòng nghiệp vụ, Công
an cấp xã cung cấp thông tin ngán chặn, thông tin giải tỏa ngăn chặn theo thẩm
quyền đến Sở Tư pháp để cập nhật vào Cơ sở dữ liệu.

**Điều 21. Trách nhiệm của Sở
Tài chính**
"""
    blocks = paper_text(_page(body)).split("\n\n")
    assert "**Điều 18. Trách nhiệm của Sở Khoa học và Công nghệ**" in blocks
    assert "**Điều 20. Trách nhiệm của Công an thành phố**" in blocks
    assert (
        "6. Triển khai thực hiện, theo dõi, tổng hợp tình hình thực hiện Quy chế này báo cáo Ủy ban nhân dân thành phố."
        in blocks
    )


def _result(targets: list[dict], wards: list[dict]) -> dict:
    return {"document": {}, "targets": targets, "wards": wards}


def test_facts_count_targets_and_wards_by_the_scorer_keys():
    """A '%' a scan read as '96' changes the target's value and class; a unit other than '%' is one class ('count'),
    so a noun the OCR spelled otherwise is the same target; a ward is its name (case aside) and year."""
    target = {"value": 55, "value_max": None, "unit": "%", "year": 2026, "change": None, "recurrence": None}
    ward = {"name": "Phường Thạch Linh", "year": 2026}
    reference = facts(_result([target, {**target, "value": 100, "unit": "cha mẹ"}], [ward]))
    assert reference - Counter(k for k in reference if k[0] == "document") == Counter(
        {
            ("targets", 55.0, None, "%", 2026, None, None): 1,
            ("targets", 100.0, None, "count", 2026, None, None): 1,
            ("wards", "phường thạch linh", 2026): 1,
        }
    )
    misread = facts(
        _result(
            [{**target, "value": 5596, "unit": "phường"}, {**target, "value": 100, "unit": "cha"}],
            [{**ward, "name": "phường Thạch Linh"}],
        )
    )
    assert reference - misread == Counter({("targets", 55.0, None, "%", 2026, None, None): 1})
    assert misread - reference == Counter({("targets", 5596.0, None, "count", 2026, None, None): 1})


def test_document_fields_are_counted_as_the_scorer_counts_them():
    """A field right by the scorer's match (subject at similarity 0.85) is right; a wrong value is false and lost; a
    value the reference has none of is false; a field lost is lost."""
    reference = {
        "kind": "Kế hoạch",
        "number": "980/KH-UBND",
        "subject": "Triển khai thực hiện Nghị quyết số 66-NQ/TW của Bộ Chính trị",
        "signer": {"name": "Trần Thanh Nhàn"},
        "place": "Nghệ An",
    }
    scanned = {
        "kind": "Kế hoạch",
        "number": "980 /KH-UBND",
        "subject": "Triển khai thực hiện Nghị quyết số 66-NQ/TW của Bộ Chính tri",
        "signer": {"name": "Lrân Thanh Nhàn"},
        "issuer": "Ủy ban nhân dân tỉnh Nghệ An",
    }
    counts = field_counts(reference, scanned)
    assert counts["kind"] == counts["number"] == counts["subject"] == (1, 0, 0)
    assert counts["signer.name"] == (0, 1, 1)
    assert counts["place"] == (0, 0, 1)
    assert counts["issuer"] == (0, 1, 0)
    assert counts["issued_on"] == (0, 0, 0)
