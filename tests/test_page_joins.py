"""Where pages join: page numbers and running headers/footers cut from page edges, page numbers OCR
merged into a first line, and quotes across a page break that keep their words apart."""

from __future__ import annotations

from pathlib import Path

from pipeline.read.load import load_document
from pipeline.text import tidy_text
from pipeline.text.pages import furniture_spans, strip_page_furniture
from pipeline.text.segment import segment
from schemas.document import Page, TextSource, Word
from tests.conftest import register_font

ROOT = Path(__file__).resolve().parents[1]
BODY = "Chỉ đạo làm tốt công tác xây dựng lực lượng Công an xã, phường vững mạnh, bám sát cơ sở."


def kept(texts: list[str]) -> list[str]:
    return [t[a:b] for t, (a, b) in zip(texts, furniture_spans(texts))]


def test_page_numbers_at_either_edge_are_cut_when_they_count_the_pages():
    texts = [
        "KẾ HOẠCH\nTriển khai thực hiện cho lực",
        "2\nlượng Công an xã",
        "- 3 -\n\nnội dung trang ba\n",
        "nội dung trang bốn\nTrang 4/5",
        "1. Mục đích\n7",  # 7 on page 5 counts nothing: it is text
    ]
    assert kept(texts) == [
        "KẾ HOẠCH\nTriển khai thực hiện cho lực",
        "lượng Công an xã",
        "nội dung trang ba",
        "nội dung trang bốn",
        "1. Mục đích\n7",
    ]


def test_numbering_that_starts_on_the_cover_is_followed():
    texts = ["Bìa", "1\nmột", "2\nhai", "3\nba"]
    assert kept(texts) == ["Bìa", "một", "hai", "ba"]


def test_running_headers_and_footers_are_cut_and_repeated_table_headers_kept():
    header = "Kế hoạch số 12/KH-UBND ngày 05/4/2024"
    footer = "CÔNG BÁO/Số 45 + 46/Ngày 15-01-2024"
    table_header = "STT\tĐơn vị\tChỉ tiêu"
    texts = [f"{header}\n{table_header}\n1\tXã A\t10\n{footer.replace('45', str(45 + k))}" for k in range(4)]
    assert kept(texts) == [f"{table_header}\n1\tXã A\t10"] * 4


def test_a_single_page_and_a_two_page_letter_keep_their_text():
    assert kept(["2\nmột trang"]) == ["2\nmột trang"]
    assert kept(["Số: 12/UBND\nnội dung", "Số: 12/UBND\nnội dung"]) == ["Số: 12/UBND\nnội dung"] * 2


def test_form_feeds_in_a_text_file_join_pages_without_their_numbers():
    assert tidy_text("đề xuất\n\f2\ncấp có thẩm quyền") == "đề xuất\n\fcấp có thẩm quyền"


def _ocr_page(number: int, lines: list[list[tuple[str, float]]]) -> Page:
    """An OCR'd page: words with boxes, each line at the given top (PDF points)."""
    text, words, pos = [], [], 0
    for line in lines:
        parts = []
        for word, top in line:
            left = 85 + 30 * len(parts)
            words.append(Word(text=word, start=pos, end=pos + len(word), bbox=(left, top, left + 20, top + 10)))
            parts.append(word)
            pos += len(word) + 1
        text.append(" ".join(parts))
    return Page(number=number, text="\n".join(text), source=TextSource.ocr, words=words)


def test_a_page_number_ocr_read_into_the_first_line_is_cut_by_its_box():
    above = _ocr_page(10, [[("10", 25.0), ("với", 60.0), ("lực", 60.0)], [("lượng", 75.0)]])
    level = _ocr_page(11, [[("11", 60.0), ("tháng", 60.0), ("5", 60.0)]])  # a date that opens the page
    first = _ocr_page(9, [[("cho", 60.0)]])
    out = strip_page_furniture([*[_ocr_page(k, [[("x", 60.0)]]) for k in range(1, 9)], first, above, level])
    assert out[9].text == "với lực\nlượng"
    assert [(w.text, out[9].text[w.start : w.end]) for w in out[9].words] == [
        ("với", "với"),
        ("lực", "lực"),
        ("lượng", "lượng"),
    ]
    assert out[10].text == "11 tháng 5"


def test_born_digital_pdf_pages_lose_their_printed_numbers_and_quotes_keep_words_apart(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = register_font()
    path = tmp_path / "plan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    pages = [[BODY, "cho lực"], ["lượng Công an xã, phường.", "Bảo đảm an ninh."], ["Tổ chức thực hiện.", "Hết."]]
    for k, lines in enumerate(pages, start=1):
        pdf.setFont(font, 12)
        if k > 1:
            pdf.drawCentredString(width / 2, height - 40, str(k))  # page number at the top from page 2
        for i, line in enumerate(lines):
            pdf.drawString(72, height - 100 - 20 * i, line)
        pdf.showPage()
    pdf.save()
    doc = load_document(path)
    assert [p.text for p in doc.pages] == ["\n".join(lines) for lines in pages]
    start = doc.text.index("cho lực")
    quote = segment(doc).evidence(start, doc.text.index("Công an", start) + len("Công an")).quote
    assert quote == "cho lực lượng Công an"


def test_real_born_digital_letter_from_quang_ngai_loses_its_page_numbers():
    doc = load_document(ROOT / "tests" / "corpus" / "scans" / "vht534.signed_20250510_124908.pdf")
    # each page opens with its first line of prose, its number gone (the prose is no table since white
    # paragraph borders are no rules, so the line runs on to the paragraph's end)
    assert [p.text[:44] for p in doc.pages[1:]] == [
        "Để đẩy nhanh tiến độ triển khai thực hiện 02",
        "được giao.\nb) Thường xuyên và tích cực phối ",
        "các Chương trình mục tiêu quốc gia tại cơ sở",
    ]


def test_a_bundle_of_one_page_letters_keeps_every_letterhead_and_last_line():
    letter = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/UBND\nNội dung thư.\nNơi nhận:\n- Lưu: VT\nNguyễn Văn An"
    )
    assert kept([letter] * 4) == [letter] * 4


def test_the_first_page_of_a_document_keeps_a_line_its_other_pages_repeat_as_footer():
    footer = "Dự thảo lần 2"
    first = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH\nNội dung.\n" + footer
    texts = [first] + [f"Nội dung trang {k}.\n{footer}" for k in range(2, 6)]
    assert kept(texts) == [first] + [f"Nội dung trang {k}." for k in range(2, 6)]
