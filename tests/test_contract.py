"""`vanban extract FILE --json` prints JSON that validates against the contract, formats included (a date is a
whole date), for text, born-digital and scanned inputs alike (the scan is OCR'd by real Tesseract)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.paths import ROOT, SEEDS

CONTRACT = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))
DIGITAL = sorted(p for p in (ROOT / "samples" / "digital").iterdir() if p.suffix in (".pdf", ".docx"))
ONE_PAGE_SCAN = next((ROOT / "samples" / "scans").glob("*.page-005.png"))


def test_the_format_checker_refuses_a_month_for_a_date():
    document = {"type": "string", "format": "date"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate("2025-02", document, format_checker=jsonschema.FormatChecker())


def extract_json(path: Path) -> dict:
    vanban = Path(sys.executable).with_name("vanban")
    done = subprocess.run([str(vanban), "extract", str(path), "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("path", SEEDS + DIGITAL, ids=lambda p: p.name)
def test_text_and_born_digital_extractions_validate(path):
    result = extract_json(path)
    jsonschema.validate(result, CONTRACT, format_checker=jsonschema.FormatChecker())
    assert result["source"]["ocr"] is False
    quotes = [
        f["evidence"]["quote"] for kind in ("citations", "targets", "deadlines", "obligations") for f in result[kind]
    ]
    assert quotes and all(quotes)


@pytest.mark.ocr
def test_scanned_page_extraction_validates_with_boxes():
    result = extract_json(ONE_PAGE_SCAN)
    jsonschema.validate(result, CONTRACT, format_checker=jsonschema.FormatChecker())
    assert result["source"]["ocr"] is True and result["source"]["ocr_confidence"] > 50
    boxes = [o["evidence"]["bbox"] for o in result["obligations"]]
    assert boxes and all(b and b[0] < b[2] and b[1] < b[3] for b in boxes)
