"""The benchmark's randomized degradations and real-scan renders: seeded, recorded with the ground
truth, at the resolution drawn; the real born-digital letters keep their own text as truth."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from bench import samples
from tests.test_samples import LETTER

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("profile", samples.RANDOM_PROFILES)
def test_randomized_profiles_are_seeded_and_recorded_with_the_truth(profile, tmp_path):
    first = samples.draw_degradation(profile, 7)
    assert first == samples.draw_degradation(profile, 7) != samples.draw_degradation(profile, 8)
    assert 100 <= first.dpi <= 300
    letter = samples.Sample("test_letter", LETTER)
    pdf, gt = samples.make_scans(letter, profile, tmp_path)
    truth = json.loads(gt.read_text(encoding="utf-8"))
    drawn = samples.draw_degradation(profile, samples.hash_seed(f"test_letter:{profile}"))
    assert truth["kind"] == f"{profile}: {drawn.describe()}" and truth["dpi"] == drawn.dpi
    document = pdfium.PdfDocument(pdf)
    picture = next(document[0].get_objects())
    image = picture.get_bitmap(render=False).to_pil()
    assert image.width == pytest.approx(document[0].get_width() / 72 * drawn.dpi, rel=0.01)
    assert (picture.get_metadata().bits_per_pixel == 1) == (profile == "fax-random")


def test_degradations_draw_what_they_say():
    page = samples.rasterize(samples.render_pages(LETTER)[0], 300)
    plain = samples.Degradation(300, 0, 0, 0, 90, False, 0, 0, 0, True, paper=255, ink=0)
    clean = np.asarray(samples.degrade(page, plain, 1), dtype=int)
    stamped = np.asarray(samples.degrade(page, samples.Degradation(300, 0, 0, 0, 90, False, 0, 2, 0, True), 3))
    assert not (clean[..., 0] - clean[..., 2] > 60).any()
    assert (stamped[..., 0].astype(int) - stamped[..., 2] > 60).sum() > 2000  # a red seal somewhere
    low = samples.degrade(page, samples.Degradation(100, 1.0, 5, 2, 50, False, 0.1, 0, 0, False), 1)
    assert low.mode == "L" and low.width == pytest.approx(page.width / 3, abs=1)
    fax = samples.degrade(page, samples.Degradation(200, 0.3, 20, 1, 0, True, 0, 0, 0, False), 1)
    assert fax.mode == "1"


def test_a_real_born_digital_letter_scanned_at_100_dpi_keeps_its_text_as_truth(tmp_path):
    real = ROOT / "tests" / "corpus" / "scans" / "vht534.signed_20250510_124908.pdf"
    pdf = samples.make_real_scan(real, 100, tmp_path)
    truth = samples.read_ground_truth(pdf)
    document = pdfium.PdfDocument(pdf)
    assert len(document) == len(truth) == 4
    assert "Chương trình mục tiêu quốc gia" in truth[1] and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in truth[0]
    image = next(document[0].get_objects()).get_bitmap(render=False).to_pil()
    assert image.width == pytest.approx(document[0].get_width() / 72 * 100, rel=0.01)
