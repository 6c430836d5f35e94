"""``bench.scan_tolerance``'s paper text (a corpus web page laid out as the sample generator prints it) and the facts
it compares (what the acceptance scorer counts)."""

from collections import Counter

from bench.scan_tolerance import facts, paper_text

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
    assert "**I. MỤC ĐÍCH** Xác định phạm vi, trách nhiệm." in blocks
    assert blocks.index("Nơi nhận:\n- Như trên;") < blocks.index("**PHỤ LỤC**")
    assert blocks[-1] == (
        "**TT**\t**Nội dung thực hiện**\t**Cơ quan chủ trì**\n1\tTổ chức lại Ban Chỉ huy Phòng thủ dân sự\tBộ CHQS tỉnh\n"
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
