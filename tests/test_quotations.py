"""What a document quotes from another instrument is not its own: no task, date, target or ward is read inside the
quotation, its articles open no section of the document, and the document's own text after it still assigns."""

from extractors import extract
from pipeline.text.segment import SegmentedDocument, segment
from schemas.document import Document, Page, TextSource

# Cục Thuế, Công văn 5317/CT-CS (19/11/2025), tn-fcd40850adc894a0, its body verbatim: a curly-quoted article in
# italics, then the letter's own 'Căn cứ' lines and its request. Read before quotations were marked: item 'd) Chính
# phủ quy định …' and the two 'Căn cứ' lines as tasks of Chính phủ.
LAND_LAW_REPLY = """- Tại khoản 2 Điều 257 Luật Đất đai
năm 2024 quy định:
*“Điều 257. Giải quyết về tài chính đất đai,
giá đất khi Luật này có hiệu lực thi hành.*
*2. Đối với trường hợp đã có quyết định giao đất,
cho thuê đất, cho phép chuyển mục đích sử dụng đất, cho phép chuyển từ hình thức
thuê đất trả tiền hằng năm sang thuê đất trả tiền một lần cho cả thời gian
thuê, gia hạn sử dụng đất, điều chỉnh thời hạn sử dụng đất, điều chỉnh quy hoạch
chi tiết theo quy định của pháp luật về đất đai và quy định khác của pháp luật
có liên quan trước ngày Luật này có hiệu lực thi hành nhưng chưa quyết định giá
đất thì thực hiện như sau:*
*a) Đối với trường hợp giao đất, cho thuê đất
theo quy định của Luật Đất đai năm 1993, Luật Đất đai số 13/2003/QH11 và các
văn bản quy định chi tiết, hướng dẫn thi hành mà được bàn giao đất trên thực tế
trước ngày 01 tháng 01 năm 2005 thì chính sách thu tiền sử dụng đất, tiền thuê
đất và giá đất để tính tiền sử dụng đất, tiền thuê đất áp dụng tại thời điểm bảng
giá đất năm 2005 do Ủy ban nhân dân cấp tỉnh ban hành có hiệu lực thi hành;*
*b) Đối với trường hợp giao đất, cho thuê đất
theo quy định của Luật Đất đai năm 1993, Luật Đất đai số 13/2003/QH11 và các
văn bản quy định chi tiết, hướng dẫn thi hành mà được cơ quan nhà nước có thẩm
quyền bàn giao đất trên thực tế từ ngày 01 tháng 01 năm 2005 đến trước ngày Luật
này có hiệu lực thi hành thì chính sách thu tiền sử dụng đất, tiền thuê đất và
giá đất để tính tiền sử dụng đất, tiền thuê đất được xác định tại thời điểm bàn
giao đất trên thực tế;*
*c) Đối với trường hợp đã có quyết định giao đất,
cho thuê đất, cho phép chuyển mục đích sử dụng đất, cho phép chuyển hình thức
thuê đất trả tiền hàng năm sang thuê đất trả tiền một lần cho cả thời gian
thuê, gia hạn sử dụng đất, điều chỉnh thời hạn sử dụng đất, điều chỉnh quy hoạch
chi tiết xây dựng theo quy định của Luật Đất đai số 45/2013/QH13 và các văn bản
quy định chi tiết, hướng dẫn thi hành những phương án giá đất chưa được trình Ủy
ban nhân dân cấp có thẩm quyền thì chính sách thu tiền sử dụng đất, tiền thuê đất
và giá đất được xác định tại thời điểm ban hành quyết định đó.*
*Trường hợp Ủy ban nhân dân cấp có thẩm quyền đã
thực hiện giao đất, cho thuê đất theo tiến độ bồi thường, hỗ trợ, tái định cư
thì giá đất cụ thể được xác định theo thời điểm ban hành của từng quyết định;*
*d) Chính phủ quy định về việc áp dụng phương
pháp định giá đất và khoản tiền người sử dụng đất phải nộp bổ sung đối với thời
gian chưa tính tiền sử dụng đất, tiền thuê đất của các trường hợp quy định tại
các điểm a, b và c khoản này”.*
*- *Căn cứ quy định tại khoản
1, khoản 2 Điều 50 Nghị định số 103/2024/NĐ-CP ngày 30/7/2024 của Chính phủ
quy định về tiền sử dụng đất, tiền thuê đất, được sửa đổi, bổ sung tại khoản 18 Điều 1 Nghị định số 291/2025/NĐ-CP ngày 06/11/2025 của
Chính phủ (có hiệu lực từ ngày 06/11/2025).
- Căn cứ khoản 1 Điều 3 Nghị định số
291/2025/NĐ-CP ngày 06/11/2025 của Chính phủ.
Đề nghị Thuế tỉnh Ninh Bình căn cứ quy định tại Luật
Đất đai năm 2024, Nghị định số 103/2024/NĐ-CP của Chính phủ, Nghị định số
291/2025/NĐ-CP ngày 06/11/2025 của Chính phủ và hồ sơ cụ thể để xem xét, xử lý
đảm bảo tuân thủ quy định của pháp luật.
Cục Thuế trả lời để Thuế tỉnh Ninh Bình biết và thực
hiện./.
"""

# Cục Thuế, Công văn 5662/CT-CS (01/12/2025), tn-416ea29602e7fef9, verbatim: an article left open ('*“Điều 55.'
# never closed), then one set off by italics alone. Read before: a task of 'thanh tra'.
TAX_INSPECTION_REPLY = """*- *Tại điểm h khoản 1 Điều 55 Luật Thanh tra số
56/2010/QH12 ngày 15/11/2010 quy định:
*“Điều 55. Nhiệm vụ, quyền
hạn của người ra quyết định thanh tra chuyên ngành*
*1. Người ra quyết định
thanh tra có nhiệm vụ, quyền hạn sau:*
*…*
*h) Quyết định xử lý theo thẩm quyền hoặc kiến nghị người có thẩm quyền xử lý kết quả thanh
tra; kiểm tra, đôn đốc việc thực hiện quyết định xử lý về thanh tra:*
- Tại điểm đ khoản 1 Điều
116 Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019 quy định:
*Điều 116. Nhiệm vụ, quyền
hạn của người ra quyết định thanh tra thuế*
*1. Người ra quyết định thanh tra thuế có
các nhiệm vụ, quyền hạn sau đây:*
*…*
*đ) **Quyết định xử lý theo thẩm quyền
hoặc kiến nghị người có thẩm quyền xử lý kết quả thanh tra, đôn đốc
việc thực hiện quyết định xử lý về thanh tra thuế;*
Theo nội dung nêu tại công văn số
4814/CCTKV.05-TTKT3 ngày 30/06/2025 của Thuế thành phố Hải Phòng thì trường hợp của Công ty TNHH Điện lực Jaks Hải Dương đang trong quá
trình thanh tra thuế, do đó đề nghị Thuế thành phố Hải Phòng căn cứ Luật Quản
lý thuế, pháp luật về thanh tra và pháp luật có liên quan để xử lý theo thẩm quyền của
trưởng đoàn thanh tra. Trường hợp trong quá
trình xử lý gặp khó khăn, vướng mắc thì trao đổi thêm với Bộ Công thương (Bên
ký hợp đồng) về nội dung này để làm rõ hơn cơ sở xem xét giải quyết theo đúng quy định.
Cục Thuế trả lời để Thuế thành phố Hải
Phòng được biết./.
"""


def _segmented(text: str) -> SegmentedDocument:
    page = Page(number=1, text=text, source=TextSource.plain)
    return segment(Document(path="t.txt", sha256="0", media_type="text/plain", pages=[page]).with_offsets())


def test_a_curly_quoted_article_is_the_quoted_laws_and_ends_at_its_closing_mark():
    seg = _segmented(LAND_LAW_REPLY)
    [quotation] = seg.quotations
    assert quotation.text.startswith("*“Điều 257.") and quotation.text.endswith("khoản này”")
    facts = extract(seg)
    assert [(o.agency, o.evidence.quote[:7]) for o in facts.obligations] == [("Thuế tỉnh Ninh Bình", "Đề nghị")]
    # a quoted instrument's number is still one this letter cites
    assert "103/2024/NĐ-CP" in {c.number for c in facts.citations}


def test_an_unclosed_or_unmarked_quotation_ends_with_its_italics_and_heads_nothing_after_it():
    seg = _segmented(TAX_INSPECTION_REPLY)
    unclosed, italic = seg.quotations
    assert unclosed.text.startswith("*“Điều 55.") and unclosed.text.endswith("xử lý về thanh tra:*")
    assert italic.text.startswith("*Điều 116.") and italic.text.endswith("về thanh tra thuế;*")
    closing = next(line for line in seg.lines if line.text.startswith("Cục Thuế trả lời"))
    assert closing.section is None  # not under the quoted 'Điều 116. 1.'
    assert extract(seg).obligations == []


def test_a_consolidated_texts_footnote_quotes_the_amending_decrees_execution_clause():
    # Bộ Lao động - Thương binh và Xã hội, văn bản hợp nhất, cb-file_data_7, footnote 7: the quoted decree's
    # execution clause binds the decree's addressees, not this text's.
    seg = _segmented(
        "7 Điều 15 của Nghị định số 104/2022/NĐ-CP ngày 21 tháng 12 năm 2022 của Chính phủ về sửa đổi, bổ sung một "
        "số điều của các Nghị định liên quan đến việc nộp, xuất trình sổ hộ khẩu, sổ tạm trú giấy khi thực hiện thủ "
        "tục hành chính, cung cấp dịch vụ công, có hiệu lực kể từ ngày 01 tháng 01 năm 2023, quy định như sau:\n\n"
        "“Điều 15. Trách nhiệm thực hiện và điều khoản thi hành\n\n"
        "1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung "
        "ương chịu trách nhiệm thi hành Nghị định này.\n\n"
        "2. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2023.”.\n\n"
        "Điều 3, 4, 5 của Nghị định số 75/2023/NĐ-CP ngày 19 tháng 10 năm 2023 của Chính phủ.\n"
    )
    [quotation] = seg.quotations
    assert quotation.text.startswith("“Điều 15.") and quotation.text.endswith("năm 2023.”")
    assert extract(seg).obligations == []


def test_a_quotation_opening_on_its_citing_line_closes_at_its_mark():
    # Tổng cục Thuế, reply letter to Cục Thuế Hà Tĩnh, cb-file_data_33: the quoted clause runs on the citing line.
    seg = _segmented(
        '- Tại khoản 7, Điều 2 Quyết định số 118/TTg nêu trên quy định: "7. Những quy định trên đây áp dụng đối với '
        "những người có công với Cách mạng quy định tại Điểm 1, Điều 1 của Quyết định này. Trong trường hợp người có "
        "công với Cách mạng đã mất mà thân nhân chủ yếu của họ thực sự khó khăn về nhà ở thì địa phương xem xét hỗ "
        'trợ họ cải thiện nhà ở theo chính sách hiện hành."\n\n'
        "Căn cứ quy định nêu trên, Tổng cục Thuế đồng ý với ý kiến xử lý của Cục Thuế tỉnh Hà Tĩnh.\n"
    )
    [quotation] = seg.quotations
    assert quotation.text.startswith('"7. Những') and quotation.text.endswith('chính sách hiện hành."')
    assert not seg.quoted(seg.text.index("Căn cứ quy định nêu trên"))


def test_a_plain_list_after_a_citing_colon_is_the_documents_own():
    # Chính phủ, Nghị định 302/2025/NĐ-CP, tn-c05552433ef48b49 ('… được quy định như sau:' / 'a)'): without a
    # quotation mark or italics nothing tells a quotation from the document's own items.
    seg = _segmented(
        "2. Giá cho thuê nhà ở đối với các đối tượng quy định tại khoản 2, khoản 3 Điều này được quy định như sau:\n"
        "a) Ủy ban nhân dân cấp tỉnh quyết định giá cho thuê nhà ở trước ngày 31/12/2025.\n"
    )
    assert seg.quotations == []


def test_an_amendment_this_document_enacts_is_no_quotation():
    # HĐND thành phố Huế, Nghị quyết sửa đổi Nghị quyết 20/2023/NQ-HĐND, tn-0abcf1a5292b31ec: the amended text in
    # quotation marks is enacted by this resolution.
    seg = _segmented(
        "3. Sửa đổi,\nbổ sung Điều 6 như sau:\n**“Điều 6. Quy trình thực hiện**\n"
        "1. Trước ngày 20 tháng 12 hằng\nnăm, Ủy ban nhân dân xã/phường lập danh sách người thuộc hộ gia đình cận "
        "nghèo tham gia bảo hiểm y tế gửi cơ quan Bảo hiểm xã hội thành phố Huế.”\n"
    )
    assert seg.quotations == []
