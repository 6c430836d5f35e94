"""bench.ocr_stages with real Tesseract: every stage it names is a function of pipeline/ocr (a renamed stage would
silently read 0 s), and a page's CPU is split among its stages, recognition the largest."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from bench.ocr_stages import STAGES, profile_page
from pipeline.ocr.page import warm_up
from pipeline.ocr.page_image import PageImage
from tests.conftest import LETTER, render_lines


def test_every_stage_names_a_function_of_the_ocr_package():
    for label, ending, function in STAGES:
        module = importlib.import_module(f"pipeline.ocr.{Path(ending).stem}")
        owner = module.PageImage if function == "picture" else module
        assert callable(getattr(owner, function, None)), label


@pytest.mark.ocr
def test_a_page_s_time_is_split_among_its_stages():
    warm_up()  # the word list and syllable model loaded before, as the workers have them
    page, stages = profile_page(PageImage(number=1, image=render_lines(LETTER, height_in=6.0), dpi=300))
    assert "Thực hiện Nghị quyết" in page.text
    recognition = stages["recognize (Tesseract)"]
    assert 0 < recognition < stages["page (all)"]
    assert recognition == max(v for k, v in stages.items() if k != "page (all)")
    assert stages["deskew"] > 0 and stages["flatten illumination"] > 0
