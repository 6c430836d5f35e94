"""Agency names and assignment cues OCR misread by one letter, put back on scanned pages only."""

from extractors.ocr_names import mend_names, mend_ocr_names
from pipeline.text.segment import segment
from schemas.document import Document, Page, TextSource


def test_one_letter_of_a_long_name_or_cue_is_put_back():
    # tn-09daab284f92e2dd (UBND Bắc Ninh) faxed: 'Đơn vị chủ trì: Sử Tư pháp.'; tn-2f6f80b9918e52de (UBND TP HCM)
    # scanned: '- Cơ quan thực biện: Sở Nội vụ, …'; vht534 (UBND Quảng Ngãi) faxed at 200 dpi; tn-98be6e047028fade (VPCP)
    text = (
        "Đơn vị chủ trì: Sử Tư pháp.\n- Cơ quan thực biện: Sở Nội vụ, các sở\n"
        "Sở Nông nghiệp và Phải triển nông thôn, Ủy ban phân dân tỉnh Phú Thọ"
    )
    assert mend_names(text) == (
        "Đơn vị chủ trì: Sở Tư pháp.\n- Cơ quan thực hiện: Sở Nội vụ, các sở\n"
        "Sở Nông nghiệp và Phát triển nông thôn, Ủy ban nhân dân tỉnh Phú Thọ"
    )


def test_words_that_name_no_body_stay():
    # tn-5d99697f14bcf68a scanned: '- Các tổ chức và cá nhân liên quan' (a function word, not 'Cục'); running text in
    # lower case; a body of the lexicon as printed ('Bộ Tư pháp' is no slip of 'Sở Tư pháp'); a word that goes with the
    # word before it (239_TTr, UBND Quảng Ngãi, scanned: 'V. TRÌNH TỰ, THỦ TỤC XÂY DỰNG NGHỊ QUYẾT', not 'Cục Xây dựng')
    text = (
        "- Các tổ chức và cá nhân liên quan\nlịch sử tư pháp\nBộ Tư pháp và Phòng Tư pháp\n"
        "V. TRÌNH TỰ, THỦ TỤC XÂY DỰNG NGHỊ QUYẾT"
    )
    assert mend_names(text) == text


def test_only_ocr_pages_are_mended():
    text = "Giao Sử Tư pháp chủ trì thẩm định."
    docs = {
        s: Document(path="t", sha256="0", media_type="application/pdf", pages=[Page(number=1, text=text, source=s)])
        for s in (TextSource.ocr, TextSource.text_layer)
    }
    scanned = mend_ocr_names(segment(docs[TextSource.ocr].with_offsets()))
    assert scanned.text == "Giao Sở Tư pháp chủ trì thẩm định." and scanned.lines[0].text == scanned.text
    born_digital = segment(docs[TextSource.text_layer].with_offsets())
    assert mend_ocr_names(born_digital) is born_digital


def test_a_name_matched_through_a_tone_slip_is_written_as_the_lexicon_writes_it():
    # vht534 (UBND Quảng Ngãi) faxed at 200 dpi: 'Bạn Dân tộc tỉnh'; tn-826ed569ec2ddaa1 scanned, tn-98be6e047028fade
    # (VPCP) faxed: 'Phố Thủ tướng'; H14 (UBND Cao Bằng, 1999) scanned: 'Ủy ban nhàn đần thị xã'; not across a stop
    # (tn-24701a1c97c8c368: 'chuyển đổi số; xây dựng' is no 'Sở Xây dựng')
    text = "Xã hội, Bạn Dân tộc tỉnh theo\nTrước đó, Phố Thủ tướng đã\na) Ủy ban nhàn đần thị xã\nđổi số; xây dựng"
    assert mend_names(text) == (
        "Xã hội, Ban Dân tộc tỉnh theo\nTrước đó, Phó Thủ tướng đã\na) Ủy ban nhân dân thị xã\nđổi số; xây dựng"
    )


def test_the_unit_after_a_body_is_put_back_where_its_tone_mark_slipped():
    # vht534 (UBND Quảng Ngãi 565/TB-UBND) printed at 100 and 200 dpi: 'Giao Ban Dân tộc tình, Sở Lao động - Thương
    # binh và Xã hội, …' (the list lost its next four bodies), 'Ban Dân tộc tính; BQL'; bnt (507/UBND-KGVX) at 200 dpi:
    # 'Ủy ban nhân dân tĩnh Quảng Ngãi'; a verb after a body ('Sở Tài chính tính toán') and 'tình hình' stay
    text = (
        "Giao Ban Dân tộc tình, Sở Lao động\nBan Dân tộc tính; BQL\nỦy ban nhân dân tĩnh Quảng Ngãi\n"
        "Sở Tài chính tính toán\nỦy ban nhân dân tình hình"
    )
    assert mend_names(text) == (
        "Giao Ban Dân tộc tỉnh, Sở Lao động\nBan Dân tộc tỉnh; BQL\nỦy ban nhân dân tỉnh Quảng Ngãi\n"
        "Sở Tài chính tính toán\nỦy ban nhân dân tình hình"
    )
