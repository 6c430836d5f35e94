"""Dithered faxes: a page whose greys a fax machine turned into a screen of dots (Floyd-Steinberg) is
smoothed back to greys before anything looks for letters in it; a page thresholded cleanly is left as it is.
Before, a 100-dpi dithered page was judged noise and read as nothing."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pypdfium2
import pytest
from PIL import Image

from bench.ocr import count_errors, without_furniture
from bench.samples import Degradation, degrade, read_ground_truth, save_pdf
from pipeline.ocr.preprocess import is_dotted
from pipeline.read.load import load_document
from tests.paths import ROOT

SEED = "001_efde63602c576959"
# A fax of middling contrast and noise, as drawn by bench.samples' fax-random profile (its own draws aside).
FAX = Degradation(
    dpi=100,
    blur=0.3,
    noise=20.0,
    skew=0.5,
    jpeg=0,
    dither=True,
    bleed=0.0,
    stamps=0,
    perspective=0.0,
    colour=False,
    paper=225.0,
    ink=40.0,
)
# The seed's first page drawn by pdfium (not the renderer the bench's samples were tuned on), dithered and read
# whole. Before descreening the 100-dpi page was refused as "not a document" and the 200-dpi one read at 1.09 %
# CER; after it, 2.17 % and 0.32 %.
MAX_CER = {100: 0.04, 200: 0.008}


def seed_page_at_300_dpi() -> Image.Image:
    pdf = pypdfium2.PdfDocument(ROOT / "samples" / "digital" / f"{SEED}.pdf")
    try:
        return pdf[0].render(scale=300 / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def fax_of(page: Image.Image, dpi: int, dither: bool) -> Image.Image:
    return degrade(page, replace(FAX, dpi=dpi, dither=dither), seed=7)


@pytest.mark.parametrize("dpi", [100, 200])
def test_a_dithered_fax_is_dotted_and_a_thresholded_one_is_not(dpi):
    page = seed_page_at_300_dpi()
    assert is_dotted(np.asarray(fax_of(page, dpi, dither=True).convert("L")))
    assert not is_dotted(np.asarray(fax_of(page, dpi, dither=False).convert("L")))


def test_grey_pages_are_never_dotted():
    speckled = np.where(np.random.default_rng(1).random((400, 300)) < 0.1, 0, 250).astype(np.uint8)
    assert not is_dotted(speckled)  # dots, but on grey paper: a scan's noise, left to despeckling
    assert not is_dotted(np.full((400, 300), 255, np.uint8))


@pytest.mark.ocr
@pytest.mark.parametrize("dpi", [100, 200])
def test_a_dithered_fax_is_read(tmp_path, dpi):
    """The dithered page in a 1-bit (CCITT G4) PDF, read end to end and scored as the OCR bench scores it."""
    path = save_pdf([fax_of(seed_page_at_300_dpi(), dpi, dither=True)], dpi, tmp_path / "fax.pdf", quality=0)
    page = load_document(path).pages[0]
    reference = without_furniture(read_ground_truth(ROOT / "samples" / "scans" / f"{SEED}.office.pdf"))[:1]
    errors = count_errors(reference, [page.text])
    assert errors.char_errors / errors.ref_chars < MAX_CER[dpi]
