"""Small readers shared by several extractors: dates, document numbers, document kinds.

Kinds and their symbol letters are data (``data/document_kinds.json``), not code.
"""
from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def document_kinds() -> list[str]:
    """Kinds, longest first so that 'Quyết định' wins over a shorter prefix."""
    return sorted(load_json("document_kinds.json")["kinds"], key=len, reverse=True)


# ngày 01 tháng 11 năm 2022 | 16/3/2022 | 16-3-2022 | 17.11.22
LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
SHORT_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?![\d/])")


def iso_date(day: int | str, month: int | str, year: int | str) -> str | None:
    """ISO date, or None when the parts are not a calendar date. Two-digit years are 20xx."""
    y = int(year)
    if y < 100:
        y += 2000
    try:
        return date(y, int(month), int(day)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) for every full date in the text, long or short form."""
    found = []
    for pattern in (LONG_DATE, SHORT_DATE):
        for m in pattern.finditer(text):
            iso = iso_date(*m.groups())
            if iso and not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), iso))
    return sorted(found)


# Số/ký hiệu: 1116-CV/ĐUCA, 12-NQ/TW, 03/2019/NĐ-CP, 16/CT-TTg, 474/BCA-H02, 177-KH/ThU.
# Spaces around - and / are tolerated (OCR and line wraps put them there) and removed.
DOC_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,5}(?:\s*/\s*\d{4})?\s*[-/]\s*[A-ZĐ][A-Za-zĐđ0-9]*(?:\s*[-/]\s*[A-ZĐ][A-Za-zĐđ0-9]*){0,3})(?![\w])")


def clean_number(raw: str) -> str:
    """'1116- CV/ĐUCA' → '1116-CV/ĐUCA'."""
    return re.sub(r"\s+", "", raw)
