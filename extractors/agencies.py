"""Agency lexicon: abbreviations and canonical names of bodies (being built by the obligations work).

Public API: ``expand_abbreviations(s)``, ``find_agencies(text)``.
"""
from __future__ import annotations

import re

from extractors.common import load_json


def expand_abbreviations(s: str) -> str:
    """'UBND tỉnh' → 'Ủy ban nhân dân tỉnh'."""
    table = load_json("agencies.json")["abbreviations"]
    for abbr, full in sorted(table.items(), key=lambda kv: -len(kv[0])):
        s = re.sub(rf"(?<!\w){re.escape(abbr)}(?!\w)", full, s)
    return s


def find_agencies(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each body named in the text."""
    return []
