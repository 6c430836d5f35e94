"""PDF text layers judged on real files built here: garbage layers made the way real ones come about
(an OCR engine without Vietnamese, lost diacritics, glyph codes), under real e-signature stamps,
are sent to OCR; real born-digital layers are kept."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench.text_layer import Sample, english_ocr, glyph_codes, scanned_pdf, strip_diacritics
from pipeline.ocr.page_image import PageImage
from pipeline.read.load import load_document
from pipeline.read.pdf import read_pdf
from pipeline.text import normalize_text
from pipeline.text.quality import MIN_TEXT_QUALITY, text_quality
from schemas.document import Page, TextSource

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "tests" / "corpus" / "scans"
# The real garbage layer of an e-signed letter of Đà Nẵng (page 1 as pdftotext reads it), with
# the stamp drawn over it.
DA_NANG_STAMP = (
    "Ký bởi: Ủy ban nhân dân thành phố Đà Nẵng\nCơ quan: Thành phố Đà Nẵng\nThời gian ký: 19/10/2023 10:56:22 +07:00"
)
DA_NANG_LAYER = """UY BAN NHAN DAN
TIIANH PHO DA NANG
S& 5?AD /UBND-SGDDT
V/v thrc hin Thông báo sf3 496-TB/TIJ ngy 17/8/2023 ye Két 1un cüa ThuOrig trrc Thành üy ti Hi nghj tf3ng kt 10 näm thuc hin Nghj quyf3t s 29-NQ/TW
CONG HOA xA HQI CilU NGHIA VIT NAM"""


def corpus_page(name: str, chars: int = 2400) -> str:
    """A page-sized piece of a real corpus text."""
    text = normalize_text((ROOT / "tests" / "corpus" / "texts" / f"{name}.md").read_text(encoding="utf-8"))
    lines = [l for l in text.replace("|", " ").split("\n") if l.strip() and not l.startswith("*Source")]
    out: list[str] = []
    while lines and sum(map(len, out)) < chars:
        out.append(lines.pop(0))
    return "\n".join(out)


def real_stamp(name: str) -> str:
    """The e-signature stamp of a real corpus scan, as pdftotext reads it."""
    return subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(SCANS / name), "-"], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_real_da_nang_garbage_layer_is_not_lifted_by_its_stamp():
    assert text_quality(DA_NANG_LAYER) < 0.1
    assert text_quality(f"{DA_NANG_STAMP}\n{DA_NANG_LAYER}") < 0.1
    assert text_quality(f"{DA_NANG_STAMP}\n{corpus_page('tn-09daab284f92e2dd')}") > 0.9


def test_garbage_layers_under_real_stamps_go_to_ocr_and_good_ones_stay(tmp_path):
    stamps = [real_stamp("299_UB.signed_20250510_124908.pdf"), real_stamp("660TBUB.signed_20250219_234149.pdf")]
    assert all("Ký bởi" in s for s in stamps)
    pages = []
    for k, name in enumerate(["tn-09daab284f92e2dd", "cb-file_data_11", "tn-a8e9e9675ab618ee"]):
        for length in (2400, 300):  # a full page, and a short last page that the stamp nearly matches
            text = corpus_page(name, length)
            stamp = stamps[k % 2]
            pages += [
                Sample("good", name, text, text, stamp),
                Sample("garbage", name, english_ocr(text, k), text, stamp),
                Sample("garbage", name, strip_diacritics(text), text, stamp),
                Sample("garbage", name, glyph_codes(text, k), text, stamp),
            ]
    read = read_pdf(scanned_pdf(tmp_path / "layers.pdf", pages).read_bytes())
    kept = [isinstance(page, Page) for page in read]
    assert kept == [sample.kind == "good" for sample in pages]
    assert max(p.quality for p in read if isinstance(p, PageImage)) < 0.35
    assert min(p.quality for p in read if isinstance(p, Page)) > 0.75


@pytest.mark.parametrize("name", ["05.signed_20250517_044750.pdf", "vht534.signed_20250510_124908.pdf"])
def test_real_born_digital_letters_keep_their_text_layer(name):
    read = read_pdf((SCANS / name).read_bytes())
    assert all(isinstance(p, Page) and p.quality > 0.9 for p in read)


@pytest.mark.ocr
def test_a_garbage_layer_under_a_stamp_is_read_again_by_ocr(tmp_path):
    text = corpus_page("tn-09daab284f92e2dd", 1200)
    stamp = real_stamp("299_UB.signed_20250510_124908.pdf")
    pdf = scanned_pdf(tmp_path / "letter.pdf", [Sample("garbage", "x", english_ocr(text, 1), text, stamp)])
    page = load_document(pdf).pages[0]
    assert page.source == TextSource.ocr and page.quality < MIN_TEXT_QUALITY
    first_words = " ".join(text.split()[:6])
    assert first_words in " ".join(page.text.split())
