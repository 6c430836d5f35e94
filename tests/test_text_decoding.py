"""Text files that are not clean UTF-8, and text algorithms on hostile sizes: a broken byte is one
damaged character, never a whole file read as Latin-1; a file no encoding reads as Vietnamese is
refused; megabytes are read in seconds (the algorithms are linear)."""

from __future__ import annotations

import re
import time

import pytest

from pipeline import text as N
from pipeline.errors import UnreadableDocument
from pipeline.read.load import load_document
from pipeline.text.canonical import _strip_emphasis
from tests.paths import SEEDS
from tests.test_normalize import cp1258_encode, legacy_encode, seed_paragraph

SEED_004 = next(p for p in SEEDS if p.name.startswith("004_")).read_bytes()
MOJIBAKE = re.compile("[ÃÄÅÆ][\u0080-\u00bf]|á»|áº")  # UTF-8 bytes read as Latin-1: 'Tá»NH', 'BÃNH'


def test_utf8_cut_inside_a_character_is_one_damaged_character_not_latin1(tmp_path):
    cut = SEED_004[:3000]  # `head -c 3000`, as the user did: the last character loses a byte
    with pytest.raises(UnicodeDecodeError):
        cut.decode("utf-8")
    text, repaired = N.decode_bytes(cut)
    assert "TỈNH ỦY NINH BÌNH" in text and not MOJIBAKE.search(text)
    assert text.endswith("\ufffd") and text.count("\ufffd") == 1
    assert repaired == "UTF-8, 1 damaged character"
    path = tmp_path / "cut.txt"
    path.write_bytes(cut)
    doc = load_document(path)
    assert doc.text.startswith("TỈNH ỦY NINH BÌNH") and doc.encoding_repaired == repaired


def test_flipped_byte_in_the_middle_keeps_every_other_line():
    data = bytearray(SEED_004)
    at = SEED_004.index("Ninh Bình".encode()) + 1  # inside the 'ì' of the first 'Ninh Bình' after the header
    data[at] ^= 0xFF
    text, repaired = N.decode_bytes(bytes(data))
    clean = SEED_004.decode("utf-8")
    assert len(text) == len(clean) and sum(a != b for a, b in zip(text, clean)) <= 2
    assert not MOJIBAKE.search(text) and repaired.startswith("UTF-8, ")


def test_a_windows_1258_line_inside_a_utf8_file_is_read_as_windows_1258():
    line = "Thực hiện chỉ đạo của Bộ Công an về công tác bảo đảm an ninh, trật tự tại cơ sở."
    data = SEED_004[:2000].rsplit(b"\n", 1)[0] + b"\n" + cp1258_encode(line) + b"\n"
    text, repaired = N.decode_bytes(data)
    assert text.endswith(line + "\n") and repaired == "Windows-1258"
    assert text.startswith(SEED_004[:2000].rsplit(b"\n", 1)[0].decode("utf-8"))


@pytest.mark.parametrize("name", ["TCVN3", "VNI"])
def test_whole_legacy_files_are_still_read_whole(name):
    paragraphs = "\n".join([seed_paragraph()] * 3)
    text, repaired = N.decode_bytes(legacy_encode(paragraphs, name).encode("cp1252"))
    assert repaired == name and text.lower() == paragraphs.lower()


@pytest.mark.parametrize(
    "data",
    [
        "Le café était très agréable, déjà l'été. Où êtes-vous ? Ça va très bien.\n".encode("latin-1") * 30,
        bytes(range(128, 256)) * 40,  # no encoding makes this Vietnamese
        SEED_004[:1500] + bytes(range(128, 256)) * 40,  # most of the file damaged
    ],
    ids=["latin-1 french", "binary", "mostly damaged"],
)
def test_text_that_no_encoding_reads_as_vietnamese_is_refused(tmp_path, data):
    with pytest.raises(N.UndecodableText):
        N.decode_bytes(data)
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableDocument) as refused:
        load_document(path)
    assert "UTF-8" in refused.value.reason and "Error" not in refused.value.reason


# --- linear time ----------------------------------------------------------------------------------


def test_join_wrapped_lines_is_linear_on_a_paragraph_of_many_short_lines():
    """Each join used to copy the paragraph so far: 5 MB of corpus text took 290 s."""
    lines = "chữ thường tiếp tục\n" * 200_000  # 4 MB, every line continues the one before
    start = time.perf_counter()
    joined = N.join_wrapped_lines(lines).rstrip("\n")
    assert time.perf_counter() - start < 20  # measured 3 s; quadratic: hours
    assert joined.count("\n") == 0 and joined.count(" ") == 4 * 200_000 - 1


def test_tidy_text_on_two_megabytes_without_a_line_break_is_quick():
    paragraph = SEED_004.decode("utf-8").replace("\n", " ")
    text = (paragraph * (2_000_000 // len(paragraph.encode()) + 1))[:700_000]
    start = time.perf_counter()
    tidy = N.tidy_text(text)
    assert time.perf_counter() - start < 10  # measured 0.5 s
    assert "\n" not in tidy and tidy.startswith("TỈNH ỦY NINH BÌNH")


def test_strip_emphasis_pairs_marks_like_the_lazy_regex_in_linear_time():
    lazy = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
    for s in ["**Điều 1.** Ban hành", "a **b** c __d__", "** x**", "***a**", "**a __b** c__", "**\n**x**", "__"]:
        assert _strip_emphasis(s) == lazy.sub(r"\2", s)
    stray = "**a " * 100_000  # no mark closes: the regex scanned to the end from each one
    start = time.perf_counter()
    assert _strip_emphasis(stray) == stray
    assert time.perf_counter() - start < 2  # measured 0.1 s; the regex took 33 s on a fifth of it


def test_a_bold_span_closed_and_the_next_opened_at_once_leaves_no_marks():
    """Web conversions of the 2025 merger resolutions (1660/NQ-UBTVQH15 Đắk Lắk, tn-92582856e1434cfb; 1669 Hải
    Phòng, tn-ee18506c3853f01d; 1683 Thái Nguyên, tn-24f956b72eef05a2) write '****' inside names and headings."""
    assert _strip_emphasis("thành phường mới có tên gọi là **phường**** Tuy Hòa**.") == (
        "thành phường mới có tên gọi là phường Tuy Hòa."
    )
    assert _strip_emphasis("của các xã **xã**** Ea ****Knuếc**") == "của các xã xã Ea Knuếc"
    assert _strip_emphasis("**Điều 1. ****Sắp xếp các ****đơn vị hành chính cấp xã**** của tỉnh ****Thái Nguyên**") == (
        "Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Thái Nguyên"
    )
    assert _strip_emphasis("là **phườngNgô Quy****ền**.") == "là phườngNgô Quyền."


def test_utf8_saved_again_after_being_read_as_latin1_is_repaired(tmp_path):
    clean = SEED_004.decode("utf-8")
    path = tmp_path / "twice.txt"
    path.write_bytes(SEED_004.decode("latin-1").encode("utf-8"))  # valid UTF-8, every letter mojibake
    doc = load_document(path)
    assert doc.text.startswith("TỈNH ỦY NINH BÌNH") and not MOJIBAKE.search(doc.text)
    assert doc.encoding_repaired == "UTF-8 read as Windows-1252"
    assert N.repair_legacy("Tá»\x88NH á»¦Y NINH BÃ\x8cNH") == ("TỈNH ỦY NINH BÌNH", "UTF-8 read as Windows-1252")
    assert N.repair_legacy(clean) == (clean, None)


def test_a_legacy_font_typed_into_a_utf16_file_is_repaired():
    paragraph = seed_paragraph()
    text, repaired = N.decode_bytes(legacy_encode(paragraph, "TCVN3").encode("utf-16"))
    assert repaired == "TCVN3" and text.lower() == paragraph.lower()
