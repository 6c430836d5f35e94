"""Small readers shared by several extractors: dates, document numbers, document kinds.

Kinds and their symbol letters are data (``data/document_kinds.json``), not code. Keywords
('ngày', 'tháng', 'năm', 'số') are matched on a folded twin of the text (``folded``), so OCR'd
text with a wrong or missing tone mark still matches and offsets stay those of the text.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from pipeline.text import fold, fold_in_place

DATA = Path(__file__).parent / "data"


@cache
def load_json(name: str) -> dict:
    """A data file of ``extractors/data`` parsed, cached for the process: the vocabularies are data, and the rules
    read them on every document."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def phrase_alternation(words) -> str:
    """A regex alternation of the folded phrases, longest first, a space matching any white space:
    the one way every extractor turns a word list from its data file into a pattern over folded text."""
    return exact_alternation(fold(w) for w in words)


def exact_alternation(words) -> str:
    """A regex alternation of the phrases as written (tone marks kept: 'đã' is not the 'da' of 'tối đa'),
    longest first, a space matching any white space and a spaced hyphen a hyphen, spaced or not ('chính trị - xã
    hội' is also written 'chính trị-xã hội'), or an en or em dash ('Lao động – Thương binh', and OCR's '—'), or the
    tilde OCR reads for a dash on scanned and faxed pages, alone or beside it ('Lao động ~ Thương binh', 'Lao động —~
    Thương binh': UBND Quảng Ngãi 660/TB-UBND at 200 and 150 dpi in black and white; the bullets' '~' of
    ``ocr_confusions.json`` ``marker_lookalikes``, seen in faxed prints of other issuers' texts too)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # the same pattern in every process
    return "|".join(re.escape(w).replace(r"\ \-\ ", _SPACED_DASH).replace(r"\ ", r"\s+") for w in ordered)


# the tilde OCR reads for a name's dash, alone or beside it ('Lao động —~ Thương binh'); agencies puts back ' - '
TILDE_DASH = r"(?:[-–—]~|~)"
_SPACED_DASH = rf"\s*(?:{TILDE_DASH}|[-–—])\s*"


def parse_number(raw: str) -> float | None:
    """Vietnamese figures: '4,76' → 4.76 (decimal comma), '1.000' → 1000, '01' → 1; None for what
    only looks like one ('1.2.2', an outline number; '120.8779671287.1' in a damaged PDF's text)."""
    if "," in raw and "." in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif "," in raw:
        raw = raw.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    try:
        return float(raw)
    except ValueError:
        return None


def document_kinds() -> list[str]:
    """Kinds, longest first so that 'Quyết định' wins over a shorter prefix."""
    return sorted(load_json("document_kinds.json")["kinds"], key=len, reverse=True)


def kind_of_symbol(number: str | None) -> str | None:
    """The kind a số/ký hiệu names by its letters: '12-NQ/TW' → 'Nghị quyết', '1116-CV/ĐUCA' → 'Công văn'."""
    if not number:
        return None
    parts = re.split(r"[-/]", clean_number(number))
    for kind, codes in load_json("document_kinds.json")["kinds"].items():
        if any(code in parts for code in codes):
            return kind
    return None


# On folded text: ngày 01 tháng 11 năm 2022 | 16/3/2022 | 16-3-2022 | 17.11.22
LONG_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
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
    key = fold_in_place(text)
    found: list[tuple[int, int, str]] = []
    for pattern in (LONG_DATE, SHORT_DATE):
        for m in pattern.finditer(key):
            iso = iso_date(*m.groups())
            if iso and not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), iso))
    return sorted(found)


# Số/ký hiệu: 1116-CV/ĐUCA, 12-NQ/TW, 03/2019/NĐ-CP, 16/CT-TTg, 474/BCA-H02, 177-KH/ThU, 5764/QĐ-BCA – V05.
# A symbol part is capitals and digits with at most one small letter inside (ThU, CTr, QĐi, TTg), so
# a capitalised word after a dash ('– Ban Bí thư') is not read as part of the symbol; a unit's number may
# follow a dot ('11554/VPCP-V.I', '4814/CCTKV.05-TTKT3'). Spaces around separators (OCR, line wraps) are
# tolerated and removed by clean_number, and so is a dash OCR read twice across the gap after it ('2269/QĐ- -TTg' in
# UBND Quảng Ngãi 507/UBND-KGVX and '1743/QĐ- -BGTVT' in UBND Quảng Ngãi 299/UBND-TTHC, both scanned at 200 dpi,
# citing the Prime Minister and the Ministry of Transport). A web page that lost the space after a symbol glues it to a word
# (document_kinds.json glued_after_number: '35/2025/QĐ-TTgcủa Thủ tướng'); the symbol ends there.
_SYMBOL_PART = r"[A-ZĐ][A-ZĐ0-9]*[a-zđ]?[A-ZĐ0-9]*(?:\.[A-ZĐ0-9]+(?![a-zđ]))*"
_GLUED_AFTER_NUMBER = exact_alternation(load_json("document_kinds.json")["glued_after_number"])
# A faxed print loses the thin stroke between the number (or its year) and the kind code: 'Nghị quyết số 66NQ-CP'
# (UBND Đồng Nai 2813/QĐ-UBND faxed at 200 dpi, UBND Cần Thơ 2533/QĐ-UBND faxed at 150 and 200 dpi), 'Nghị định số
# 272/2025NĐ-CP' (UBND Lâm Đồng 2284/QĐ-UBND faxed at 200 dpi). Read when a kind code and its dash follow the digits
# (the state's 'số/ký hiệu'); clean_number puts the slash back on a scanned page, and keeps a typed text's misprint
# as printed ('Thông tư số 49/2025TT-BCT', UBND Đắk Lắk 02144/QĐ-UBND: CONVENTIONS, numbers as printed)
_KIND_CODE = exact_alternation(c for codes in load_json("document_kinds.json")["kinds"].values() for c in codes)
_LOST_SEPARATOR = re.compile(rf"(?<=\d)(?=(?:{_KIND_CODE})-)")
DOC_NUMBER = re.compile(
    rf"(?<![\w/])(\d{{1,5}}(?:\s*/\s*\d{{4}})?(?:\s*[-/]\s*|{_LOST_SEPARATOR.pattern}){_SYMBOL_PART}"
    rf"(?:\s*(?:-\s+-|[-/]|\s[–—]\s)\s*{_SYMBOL_PART}){{0,3}})"
    rf"(?:(?!\w)|(?=(?:{_GLUED_AFTER_NUMBER})(?!\w)))"
)


def clean_number(raw: str, scanned: bool = False) -> str:
    """'1116- CV/ĐUCA' → '1116-CV/ĐUCA'; '5764/QĐ-BCA – V05' → '5764/QĐ-BCA-V05'; OCR's doubled letter in a kind code or
    doubled dash is undone: '639-QĐĐ/BCA-V05' → '639-QĐ/BCA-V05', '2269/QĐ- -TTg' → '2269/QĐ-TTg'; on a ``scanned`` page
    the slash a fax lost before the kind code is put back: '66NQ-CP' → '66/NQ-CP'."""
    number = re.sub(r"-{2,}", "-", re.sub(r"\s+", "", re.sub(r"[–—]", "-", raw)))
    lead = re.match(r"\d{1,5}(?:/\d{4})?", number)
    if scanned and lead and _LOST_SEPARATOR.match(number, lead.end()):
        number = f"{number[: lead.end()]}/{number[lead.end() :]}"
    return re.sub(r"[^-/]+", lambda m: _known_code(m.group()), number)


@lru_cache(maxsize=1)
def _kind_codes() -> frozenset[str]:
    return frozenset(c for codes in load_json("document_kinds.json")["kinds"].values() for c in codes)


@lru_cache(maxsize=1)
def _restorable_codes() -> frozenset[str]:
    """The codes a look-alike letter is restored to: the kind codes and a few issuers' (the Prime Minister's TTg)."""
    return _kind_codes() | frozenset(load_json("document_kinds.json")["lookalike_issuer_codes"])


_TERM_CODE = re.compile(rf"({exact_alternation(load_json('document_kinds.json')['term_codes'])})([\dI]{{2}})")


@lru_cache(maxsize=1)
def _code_lookalikes() -> dict[str, str]:
    return load_json("document_kinds.json")["code_lookalikes"]


def _known_code(part: str) -> str:
    """A symbol part that is no kind code but becomes one with a doubled letter written once (OCR
    reads a bold 'Đ' twice: 'QĐĐ' → 'QĐ') or with one look-alike letter restored (a scan read at low
    resolution: 'TIr' → 'TTr', 'QD' → 'QĐ', 'TIg' → 'TTg'); any other part is kept as written ('TTg', 'BCA')."""
    codes = _kind_codes()
    if part in codes:
        return part
    term = _TERM_CODE.fullmatch(part)
    if term:
        return term.group(1) + term.group(2).replace("I", "1")  # 'QHI5' → 'QH15'
    single = re.sub(r"([^\W\d_])\1+", r"\1", part)
    if single in codes:
        return single
    lookalikes = _code_lookalikes()
    restored = {part[:i] + lookalikes[c] + part[i + 1 :] for i, c in enumerate(part) if c in lookalikes}
    found = restored & _restorable_codes()
    return found.pop() if len(found) == 1 else part
