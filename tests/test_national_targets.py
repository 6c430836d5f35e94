"""Per-province target tables: read from TAB text and from OCR grids, verified, repaired, flagged."""

from pathlib import Path

import pytest

from extractors import national_targets
from pipeline.text.segment import segment
from schemas.document import Document, Page, Table, TableCell, TextSource

SEED_000 = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_fe763d8399d59be6.txt"


def _doc(text: str, tables: list[Table] | None = None) -> Document:
    page = Page(number=1, text=text, source=TextSource.plain, tables=tables or [])
    return Document(path="t.txt", sha256="0", media_type="text/plain", pages=[page]).with_offsets()


def _grid(rows: list[list[str]]) -> Table:
    cells = [TableCell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(page=1, n_rows=len(rows), n_cols=max(len(r) for r in rows), cells=cells)


def _by_key(rows):
    return {(r.province, r.year): r for r in rows}


HEADER = ["Tỉnh", "Năm", "2024", "", "2025", "", "2026", ""]
SUBHEADER = ["", "", "Tổng số", "TS", "%", "TS", "%", "TS", "%"]


def test_years_come_from_the_header_and_blanks_after_100_percent_are_carried():
    lines = [
        "PHỤ LỤC",
        "\t".join(HEADER),
        "\t".join(SUBHEADER),
        "An Giang\t21\t1\t4,76%\t3\t14,29%\t6\t28,57%",
        "Bắc Kạn\t6\t3\t50%\t6\t100%\t\t",
        "<b>TỔNG SỐ</b>\t<b>27</b>\t<b>4</b>\t<b>14,81%</b>\t<b>9</b>\t<b>33,33%</b>\t<b>12</b>\t<b>44,44%</b>",
    ]
    rows = national_targets.extract(segment(_doc("\n".join(lines))))
    assert {r.year for r in rows} == {2024, 2025, 2026}
    assert len(rows) == 6  # the TỔNG SỐ row is not a province
    carried = _by_key(rows)[("Bắc Kạn", 2026)]
    assert (carried.count, carried.percent, carried.carried) == (6, 100, True)
    first = _by_key(rows)[("An Giang", 2024)]
    assert (first.wards_total, first.count, first.percent, first.carried) == (21, 1, 4.76, False)
    assert first.evidence.quote.startswith("An Giang\t21")
    assert all(not r.issues for r in rows)


def test_corrupted_grid_is_repaired_where_the_table_allows_and_flagged_elsewhere():
    header = ["STT", "Tỉnh", "Tổng số", "2023", "", "2024", "", "2025", "", "2026", ""]
    grid = _grid(
        [
            header,
            ["1", "An Giang", "21", "7", "4,76%", "3", "14,29%", "6", "28,57%", "10", "47,62%"],  # 7: percent says 1
            ["2", "Quảng Nqãi", "17", "1", "5,88%", "3", "71,65%", "5", "29,41%", "8", "47,06%"],  # OCR name, percent
            ["3", "Bắc Kạn", "6", "1", "16,67%", "6", "100%", "", "", "", ""],  # blank after 100 %
            ["4", "Lâm Đồng", "18", "1", "5,56%", "3", "16,67%", "?", "??", "8", "44,44%"],  # TỔNG fills it
            ["5", "Hà Nam", "20", "1", "5%", "4", "20%", "7", "35%", "?", "?%"],  # two unreadable
            ["6", "Nam Định", "22", "1", "4,55%", "3", "13,64%", "6", "27,27%", "", ""],  # cells: reported
            ["7", "Phú Yên", "21", "1", "4,76%", "314,29%", "6", "28,57%", "10", "47,62%"],  # cells run together
            ["", "TỔNG SỐ", "125", "7", "5,60%", "25", "20%", "41", "32,80%", "62", "49,60%"],
        ]
    )
    rows = _by_key(national_targets.extract(segment(_doc("", [grid]))))

    assert rows[("An Giang", 2023)].count == 1
    assert rows[("An Giang", 2023)].issues[0].startswith("repaired: 2023 count read '7' → 1")
    assert rows[("Quảng Ngãi", 2024)].percent == 17.65
    assert [(rows[("Bắc Kạn", y)].count, rows[("Bắc Kạn", y)].carried) for y in (2025, 2026)] == [(6, True)] * 2
    assert [rows[("Phú Yên", y)].count for y in (2023, 2024, 2025, 2026)] == [1, 3, 6, 10]
    assert rows[("Lâm Đồng", 2025)].count == 41 - (6 + 5 + 6 + 7 + 6 + 6)
    settled = [r for r in rows.values() if r.province not in ("Hà Nam", "Nam Định")]
    assert not any(i.startswith("unreconciled") for r in settled for i in r.issues)

    assert ("Hà Nam", 2026) not in rows and ("Nam Định", 2026) not in rows  # no guess …
    flagged = [i for (province, _), r in rows.items() if province in ("Hà Nam", "Nam Định") for i in r.issues]
    assert sum(i.startswith("unreconciled: 2026") for i in flagged) >= 2  # … but a report
    assert rows[("Hà Nam", 2025)].count == 7 and rows[("Hà Nam", 2023)].issues == []


def test_an_unknown_province_name_is_kept_and_flagged():
    lines = [
        "Tỉnh\t2023\t\t2024\t",
        "An Giang\t21\t1\t4,76%\t3\t14,29%",
        "Cà Mau\t10\t1\t10%\t2\t20%",
        "Xyzzy Qwrt\t10\t1\t10%\t2\t20%",
    ]
    rows = national_targets.extract(segment(_doc("\n".join(lines))))
    odd = [r for r in rows if r.province == "Xyzzy Qwrt"]
    assert len(odd) == 2 and all(any("not recognized" in i for i in r.issues) for r in odd)


def test_tables_without_a_year_header_give_nothing():
    lines = ["Nhóm\tTiêu chí\tNội dung", "Xây dựng Đảng\tTiêu chí 1\t100% chi bộ 2 năm liền đạt 3 tiêu chí"]
    assert national_targets.extract(segment(_doc("\n".join(lines)))) == []


@pytest.mark.skipif(not SEED_000.exists(), reason="shared seeds not beside the repository")
def test_central_appendix_of_seed_000_reads_464_rows():
    rows = national_targets.extract(segment(_doc(SEED_000.read_text(encoding="utf-8"))))
    assert len(rows) == 58 * 8
    assert len({r.province for r in rows}) == 58
    assert not any(r.issues for r in rows)
    assert sum(r.carried for r in rows) == 14


def test_a_table_of_counts_alone_gets_its_percents_computed():
    lines = ["Tỉnh\tTổng số\tNăm 2025\tNăm 2026", "Cà Mau\t10\t3\t10", "Kon Tum\t10\t5\t"]
    rows = _by_key(national_targets.extract(segment(_doc("\n".join(lines)))))
    assert (rows[("Cà Mau", 2025)].count, rows[("Cà Mau", 2025)].percent) == (3, 30)
    assert ("Kon Tum", 2026) not in rows


def test_a_table_of_districts_is_not_a_national_table():
    lines = [
        "Địa phương\tTổng số\t2024\t\t2025\t",
        "TP Đồng Xoài\t8\t1\t12,50%\t2\t25%",
        "Thị xã Bình Long\t6\t1\t16,67%\t3\t50%",
    ]
    assert national_targets.extract(segment(_doc("\n".join(lines)))) == []


def test_a_paragraph_ends_the_table_so_later_rows_do_not_take_its_years():
    lines = [
        "Tỉnh\t2023\t\t2024\t",
        "An Giang\t21\t1\t4,76%\t3\t14,29%",
        "Cà Mau\t10\t1\t10%\t2\t20%",
        "Các tỉnh còn lại xây dựng kế hoạch riêng, báo cáo kết quả về Cục Cảnh sát quản lý hành chính.",
        "Kon Tum\t10\t1\t10%\t2\t20%",
    ]
    rows = national_targets.extract(segment(_doc("\n".join(lines))))
    assert {r.province for r in rows} == {"An Giang", "Cà Mau"}
