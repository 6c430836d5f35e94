"""Administrative units (provinces, districts, wards; before and after the 2025 reorganization)
read from field libraries (vietnamadminunits, vietnam-provinces) — being built by the wards work.

Public API: ``match_province(name) -> str | None`` (canonical name without 'tỉnh'/'thành phố').
"""
from __future__ import annotations


def match_province(name: str) -> str | None:
    return None
