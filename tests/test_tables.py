"""The one table reader: rows of cells with their offsets, from TAB rows, one-line pipe rows and one-'|'-per-line
pipe rows (the web-page conversion of most corpus texts)."""

from pipeline.read.load import load_document
from pipeline.text.segment import segment


def read(tmp_path, text: str):
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return segment(load_document(path))


def cells(seg, table):
    """Each row's cell texts as a reader sees them, after checking every offset points at its cell."""
    assert all(seg.text[c.start : c.end] == c.text for row in table.rows for c in row)
    return [[" ".join(c.text.split()).strip("*_ ") for c in row] for row in table.rows]


def test_tab_rows_keep_empty_cells_in_place(tmp_path):
    seg = read(
        tmp_path,
        "PHỤ LỤC\nSTT\tNội dung\tCơ quan chủ trì\tThời gian\n1\tLập kế hoạch\t\t2026\nGhi chú: không.\n",
    )
    [table] = seg.tables()
    assert cells(seg, table) == [["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"], ["1", "Lập kế hoạch", "", "2026"]]
    assert table.header_of(1) == table.rows[0]


def test_one_line_pipe_rows(tmp_path):
    seg = read(
        tmp_path,
        "Danh mục:\n| STT | Nội dung | Cơ quan chủ trì |\n|---|---|---|\n| 1 | Lập kế hoạch | Sở Nội vụ |\n",
    )
    [table] = seg.tables()
    rows = cells(seg, table)
    assert rows[0] == ["STT", "Nội dung", "Cơ quan chủ trì"]
    assert ["1", "Lập kế hoạch", "Sở Nội vụ"] in rows
    row = seg.row_cells(seg.text.index("Sở Nội vụ"))
    assert row is not None and row[-1].text.strip() == "Sở Nội vụ"
    assert table.header_of(2) == table.rows[0]  # the rule under the header ('|---|---|') is no header


def test_one_pipe_per_line_rows_with_wrapped_cells_and_a_group_heading(tmp_path):
    seg = read(
        tmp_path,
        "PHỤ LỤC\n|\n**STT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Thời gian triển\nkhai**\n|\n|\n"
        "**I**\n|\n**CƠ CHẾ, CHÍNH SÁCH**\n|\n|\n"
        "1\n|\nRà soát các quy định\nvề dữ liệu số\n|\nBộ Xây dựng\n|\n2026-2027\n|\n|\n",
    )
    [table] = seg.tables()
    assert cells(seg, table) == [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian triển khai"],
        ["I", "CƠ CHẾ, CHÍNH SÁCH"],
        ["1", "Rà soát các quy định về dữ liệu số", "Bộ Xây dựng", "2026-2027"],
    ]
    assert table.header_of(2) == table.rows[0]  # the group heading is no header
    assert seg.row_at(seg.text.index("2026-2027")) == (table, 2)
    assert seg.row_at(seg.text.index("PHỤ LỤC")) is None


def test_a_grid_group_heading_is_no_header_though_as_wide(tmp_path):
    """Quyết định 2597/QĐ-TTg's appendix as the OCR of a 300-dpi scan render reads it: a group row of the grid keeps
    all its cells, empty, so it is as wide as the header and has no figure; its label passes it over."""
    seg = read(
        tmp_path,
        "STT\tTên nhiệm vụ/dự án\tCơ quan chủ trì\tThời gian triển khai\n"
        "II\tHẠ TẦNG KỸ THUẬT PHỤC VỤ CHUYỂN ĐỔI SỐ\t\t\n"
        "1\tĐầu tư xây dựng và nâng cấp hạ tầng công nghệ thông tin\tBộ Xây dựng\t2026-2030\n"
        "vn\tDIỄN TẬP PHÒNG THỦ DÂN SỰ\t\t\n"
        "1\tDiễn tập phòng thủ dân sự các cấp\tBan Chỉ huy Phòng thủ dân sự tỉnh\tTheo Kế hoạch riêng\n",
    )
    [table] = seg.tables()
    assert table.header_of(2) == table.rows[0]
    assert table.header_of(4) == table.rows[0]  # 'VII' read 'vn' (Kế hoạch 980/KH-UBND): its empty cells tell


def test_a_grids_first_row_heads_it_though_its_row_number_heading_was_read_as_figures(tmp_path):
    """Kế hoạch 980/KH-UBND (UBND tỉnh Nghệ An) printed and scanned at 150 dpi: 'STT' read '11', so the header had a
    figure and no row under it had a schedule column ('2025' due by then); 2597/QĐ-TTg's renders read it 'S11'. A
    first row that is a data row ('1 | … | Thường xuyên') is no header: its number is no misread heading."""
    seg = read(
        tmp_path,
        "11\tNội dung thực hiện\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "I\tKIỆN TOÀN VÀ HOÀN THIỆN CƠ CHẾ CHỈ ĐẠO\t\t\t\n"
        "1\tTổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh\tBộ CHQS tỉnh\tVăn phòng Ban Chỉ huy\tTrước ngày 30/11/2025\n"
        "2\tTriển khai thực hiện khi có Thông tư mới\tSở Tài chính\tCơ quan, địa phương liên quan\t2025\n",
    )
    [table] = seg.tables()
    assert table.header_of(3) == table.rows[0]
    data_first = read(
        tmp_path,
        "1\tTriển khai thực hiện một số nội dung chi\tSở Tài chính\tCơ quan, địa phương liên quan\tThường xuyên\n"
        "2\tTriển khai thực hiện khi có Thông tư mới\tSở Tài chính\tCơ quan, địa phương liên quan\t2025\n",
    )
    [table] = data_first.tables()
    assert table.header_of(1) is None
