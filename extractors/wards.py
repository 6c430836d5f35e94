"""Wards named one by one ('Công an phường Vĩnh Nguyên, thành phố Nha Trang', 'Năm 2024: xây dựng
Công an phường 4, 8.', 'các phường: Lộc Thọ, Vĩnh Nguyên và Phước Hải'), with the year they are
scheduled for, their locality and province, and their official code from the gazetteer.

A mention is the word 'phường' followed by a list of names: numbers, or syllables written with
capitals (a ward's proper name); 'phường điển hình' is a common noun and no ward. The list ends
at a word that names a district-level unit ('thành phố Nha Trang'), which becomes the locality.
Codes come from the units in force on the document's date: legacy units before the 2025
reorganization, the new ones after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import gazetteer
from extractors.common import find_dates, load_json
from pipeline.normalize import fold
from pipeline.segment import Line, SegmentedDocument
from schemas.extraction import DocumentMeta, Ward

REORGANIZED_ON = "2025-07-01"     # the 34-province units took effect
DASHES = {"-", "–"}
TOKEN = re.compile(r"\d+[A-Za-z]?|[^\W\d_][\w'’]*|[^\w\s]")
YEAR = re.compile(r"\b(?:năm\s+|(?:quý\s+[IV\d]+|tháng\s+\d{1,2})\s*/\s*)((?:19|20)\d{2})\b", re.IGNORECASE)
YEAR_LABEL = re.compile(r"^\W*(?:[a-zđ]\)\s*)?(?:trong\s+)?năm\s+((?:19|20)\d{2})\s*:?\s*$", re.IGNORECASE)
BULLETS = {"-", "–", "—", "+", "•", "*"}
TABLE_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*$")


def _rules() -> dict:
    return load_json("wards.json")


@dataclass
class Mention:
    names: list[str]            # 'Vĩnh Nguyên', '4'
    start: int                  # offsets into the document text
    end: int
    locality: str | None        # as written after the list: 'thành phố Nha Trang'


def _cells(line: Line) -> list[list[tuple[int, int, str]]]:
    """The line's tokens with their offsets, per TAB-separated cell: a mention stays in its cell."""
    cells, pos = [], 0
    for cell in line.text.split("\t"):
        cells.append([(line.start + pos + m.start(), line.start + pos + m.end(), m.group())
                      for m in TOKEN.finditer(cell)])
        pos += len(cell) + 1
    return cells


def _starts_kind(tokens: list[tuple[int, int, str]], i: int) -> int:
    """How many tokens a locality kind word ('thành phố', 'quận', 'TP') takes at ``i`` (0 if none)."""
    for kind in sorted(_rules()["locality_kinds"], key=len, reverse=True):
        words = kind.split()
        got = [fold(t[2]) for t in tokens[i:i + len(words)]]
        if got == words:
            return len(words)
    return 0


def _is_name_word(text: str) -> bool:
    return text[:1].isupper() and text[:1].isalpha()


def _read_name(tokens, i: int) -> tuple[str | None, int]:
    """A ward name at token ``i``: a number or capitalized syllables. Returns (name, next index)."""
    rules = _rules()
    if i >= len(tokens):
        return None, i
    text = tokens[i][2]
    if text[:1].isdigit():
        number = int(re.match(r"\d+", text).group())
        return (f"{number}{text.lstrip('0123456789')}" if number <= rules["max_ward_number"] else None), i + 1
    if not _is_name_word(text) or _starts_kind(tokens, i) or text.lower() in rules["keywords"]:
        return None, i
    j, syllables = i, 0
    while j < len(tokens) and syllables < rules["max_name_syllables"]:
        if tokens[j][2] in DASHES and j > i and j + 1 < len(tokens) and _is_name_word(tokens[j + 1][2]) \
                and not _starts_kind(tokens, j + 1):
            j, syllables = j + 1, 0                 # 'Lâm Viên - Đà Lạt': a 2025 name with its old city
            continue
        if not _is_name_word(tokens[j][2]) or _starts_kind(tokens, j):
            break
        if j > i and tokens[j][0] - tokens[j - 1][1] > 3:
            break                                   # names do not run across a gap
        j, syllables = j + 1, syllables + 1
    return " ".join(t[2] for t in tokens[i:j]), j


def _read_locality(tokens, i: int) -> tuple[str | None, int]:
    """'(,|thuộc|() thành phố Nha Trang' after a list → ('thành phố Nha Trang', next index)."""
    while i < len(tokens) and fold(tokens[i][2]) in _rules()["locality_openers"]:
        i += 1
    n = _starts_kind(tokens, i)
    if not n:
        return None, i
    j = i + n
    while j < len(tokens) and tokens[j][2] == ".":
        j += 1
    k = j
    while k < len(tokens) and (_is_name_word(tokens[k][2]) or tokens[k][2].isdigit()) and k - j < 4:
        k += 1
    if k == j:
        return None, i
    return " ".join(t[2] for t in tokens[i:k]), k


def _without_kind(locality: str) -> str:
    """'thành phố Nha Trang' → 'Nha Trang'; 'Quận 1' stays whole, its number alone names nothing."""
    tokens = [(0, 0, w) for w in locality.split()]
    n = _starts_kind(tokens, 0)
    rest = " ".join(w for *_, w in tokens[n:])
    return locality if not rest or rest.isdigit() else rest


def _mentions(line: Line) -> list[Mention]:
    return [m for tokens in _cells(line) for m in _cell_mentions(tokens)]


def _cell_mentions(tokens: list[tuple[int, int, str]]) -> list[Mention]:
    rules = _rules()
    out = []
    for i, (start, _, text) in enumerate(tokens):
        if text.lower() not in rules["keywords"]:
            continue
        j = i + 1
        if j < len(tokens) and tokens[j][2] == ":":
            j += 1
        names: list[str] = []
        end = start
        while True:
            name, k = _read_name(tokens, j)
            if name is None:
                break
            names.append(name)
            end = tokens[k - 1][1]
            j = k
            if j < len(tokens) and fold(tokens[j][2]) in rules["separators"]:
                nxt, _ = _read_name(tokens, j + 1)
                if nxt is None:
                    break
                j += 1
            else:
                break
        if not names:
            continue
        locality, k = _read_locality(tokens, j)
        if locality:
            end = tokens[k - 1][1]
        out.append(Mention(names, start, end, locality))
    return out


def _year_of(seg: SegmentedDocument, line: Line, mention: Mention, label: int | None) -> tuple[int | None, int]:
    """The year a mention is scheduled for: the nearest 'năm YYYY' ('Quý II/YYYY', 'tháng 6/YYYY')
    before it in its line (not inside a date), else the first after it in the same clause, else a year-only table cell,
    else the 'Năm YYYY:' label its list sits under. Returns (year, start of the year's text)."""
    dates = [(s + line.start, e + line.start) for s, e, _ in find_dates(line.text)]
    years = [(line.start + m.start(), int(m.group(1))) for m in YEAR.finditer(line.text)
             if not any(s <= line.start + m.start() < e for s, e in dates)]
    before = [y for y in years if y[0] < mention.start]
    if before:
        return before[-1][1], before[-1][0]
    clause_end = re.search(r"[.;]\s|$", seg.text[mention.end:line.end]).start() + mention.end
    after = [y for y in years if mention.end <= y[0] < clause_end]
    if after:
        return after[0][1], mention.start
    for cell in line.text.split("\t"):
        m = TABLE_YEAR.match(cell)
        if m:
            return int(m.group(1)), line.start
    return label, mention.start


def _labels(lines: list[Line]) -> list[int | None]:
    """For each line, the year of a 'Năm 2024:' label line above it whose list it belongs to
    (bullets and lettered items keep the label; a numbered heading or another label ends it)."""
    out, label = [], None
    for line in lines:
        m = YEAR_LABEL.match(line.text)
        if m:
            label = int(m.group(1))
        elif line.marker and line.marker not in BULLETS and not re.fullmatch(r"[a-zđ]\)", line.marker):
            label = None
        out.append(label)
    return out


def _when(meta: DocumentMeta | None) -> str | None:
    issued = meta.issued_on if meta else None
    if not issued:
        return None
    return "2025" if issued >= REORGANIZED_ON else "legacy"


def _resolve(short: str, locality: str | None, province: str, when: str | None):
    """(unit, known): the gazetteer unit for a ward name, by the document's date (legacy before
    the 2025 reorganization, the new units after; both when the date is unknown) — in its
    locality, else anywhere in the province, else the clearly nearest name (OCR noise).
    ``known`` is False when the province has no ward of that name at all."""
    periods = [when] if when else ["legacy", "2025"]
    for period in periods:
        found = gazetteer.find_wards(f"Phường {short}", locality, province, period)
        if len({u.code for u in found}) == 1:
            return found[0], True
    for period in periods:
        found = gazetteer.find_wards(f"Phường {short}", None, province, period)
        if found:
            return (found[0] if len({u.code for u in found}) == 1 else None), True
    for period in periods:
        unit = gazetteer.closest_ward(short, province, period)
        if unit:
            return unit, True
    return None, False


def _province_near(line: Line, mention: Mention) -> str | None:
    """A province named right after the mention ('…, thành phố Nha Trang, tỉnh Khánh Hòa')."""
    for start, _, name in gazetteer.find_provinces(line.text):
        if 0 <= line.start + start - mention.end <= 40:
            return name
    return None


def extract(seg: SegmentedDocument, meta: DocumentMeta | None = None) -> list[Ward]:
    jurisdiction = meta.jurisdiction if meta else None
    doc_province = gazetteer.match_province(jurisdiction.province) if jurisdiction and jurisdiction.province else None
    doc_locality = jurisdiction.locality if jurisdiction else None
    when = _when(meta)

    found: list[tuple[Mention, Line, int | None, int]] = []
    for line, label in zip(seg.lines, _labels(seg.lines)):
        if any(k in line.text.lower() for k in _rules()["keywords"]):
            for mention in _mentions(line):
                year, start = _year_of(seg, line, mention, label)
                found.append((mention, line, year, start))

    all_names = [n for m, *_ in found for n in m.names]
    wards: list[Ward] = []
    seen: set[tuple[str, int | None]] = set()
    for mention, line, year, start in found:
        province = _province_near(line, mention) or doc_province
        if province is None:
            spans = gazetteer.find_provinces(line.text)
            province = spans[0][2] if spans else None
        locality = mention.locality or doc_locality
        if locality is None and province:
            locality = gazetteer.locality_of_wards([f"Phường {n}" for n in all_names], province)
        if locality:
            locality = (gazetteer.match_locality(locality, province) if province else None) \
                or _without_kind(locality)
        upper_line = line.text.upper() == line.text
        for short in mention.names:
            unit, known = _resolve(short, locality, province, when) if province else (None, False)
            if not known and not short[:1].isdigit() and (province or upper_line or " " not in short):
                continue        # no ward of the province, a capitalized heading, 'phường Điển hình'
            name = unit.name if unit else f"Phường {short}"
            place = locality or (unit.district if unit else None)
            key = (gazetteer.compact(name), year)
            if key in seen:
                continue
            ward = Ward(name=name, locality=place, province=province, year=year,
                        gazetteer_code=unit.code if unit else None,
                        evidence=seg.evidence(min(start, mention.start), mention.end))
            seen.add(key)
            wards.append(ward)
    dated = {gazetteer.compact(w.name) for w in wards if w.year is not None}
    return [w for w in wards if w.year is not None or gazetteer.compact(w.name) not in dated]
