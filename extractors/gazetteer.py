"""Vietnam's administrative units — provinces, districts and wards, before and after the 2025
reorganization — read from the field libraries instead of hand-typed tables.

Why libraries: province and ward lists change (63 provinces became 34 on 2025-07-01, districts
were abolished, thousands of wards merged and renamed), the official codes (the General
Statistics Office's) must be exact, and a hand-kept list silently rots. The libraries are
maintained for exactly this:

- ``vietnamadminunits`` — the 63-province legacy table (province → district → ward with codes)
  and the 34-province table in its SQLite file, plus the converter data that says which old
  provinces and wards each new one was formed from.
- ``vietnam-provinces`` — the units in force today with their official codes.

Only a rename the libraries no longer carry (Thừa Thiên Huế, a province until 2025-01-01) is
kept as data in ``data/province_renames.json``; the words that make a bare province name part of another
name ('đường Hồ Chí Minh') are in ``data/gazetteer.json``.

Loading is lazy and cached: the data files are read directly (sqlite3 / json), without
importing the libraries' packages, whose import pulls geocoding dependencies and costs
seconds; nothing is read until the first lookup.

Names are compared through ``pipeline.text.fold`` (case and diacritics folded), with
punctuation and spaces dropped, so 'TP. Hồ Chí Minh', 'Ba Ria - Vung Tau' and 'KHÁNH HOÀ'
all find their province; OCR noise is absorbed by a guarded fuzzy match.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from rapidfuzz import fuzz, process

from extractors.common import load_json
from pipeline.text import fold, fold_in_place, place_tone_marks

PROVINCE_PREFIX = re.compile(r"^(?:tinh|thanhpho|tp)(?=[a-z])")
UNIT_PREFIX = re.compile(r"^(?:phuong|xa|thitran|dackhu|quan|huyen|thixa|thanhpho|tp)(?=[a-z0-9])")
UNIT_KIND = re.compile(r"^(?:Phường|Xã|Thị trấn|Đặc khu)\s+")
WRITTEN_KIND = re.compile(r"^(?:phường|phuong|xã|xa|thị trấn|thi tran|đặc khu|dac khu)\s+", re.IGNORECASE)
ROMAN_DIGITS = (("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
FUZZY_MIN = 80  # rapidfuzz ratio a noisy name must reach …
FUZZY_MARGIN = 6  # … and by how much it must beat the runner-up province
EPONYM_REACH = 30  # characters before a bare province name searched for a word that makes it part of another name


def compact(name: str) -> str:
    """Folded letters and digits only: the key two spellings of one name share."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


def spelling(name: str) -> str:
    """Lower-case letters with their diacritics and digits only, tone marks placed one way ('Thuận Hoà' and 'thuận
    hòa' agree): the key that tells apart two names one fold joins ('Hương Văn' and 'Hương Vân', 'Thuận Hòa' and
    'Thuận Hóa' of Huế)."""
    return re.sub(r"\W|_", "", place_tone_marks(name).casefold())


def _has_diacritics(text: str) -> bool:
    return fold(text) != " ".join(text.lower().split())


def _package_dir(package: str) -> Path:
    """Where an installed package lives, found without importing it (its import is slow)."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(package)
    return Path(next(iter(spec.submodule_search_locations)))


class Era(StrEnum):
    """Which units a lookup means: those before the 2025 reorganization (63 provinces, with
    districts) or those after it (34 provinces, no districts). Callers may pass the values
    ('legacy', '2025'); anything else is an error, not silently the current units."""

    LEGACY = "legacy"
    CURRENT = "2025"


@dataclass(frozen=True)
class Province:
    """A province before or after the 2025 reorganization, with its official (GSO) code and whether it is a
    centrally-run city; ``legacy``/``current`` say which of the two tables list it."""

    name: str  # canonical short name: 'Khánh Hòa', 'Hồ Chí Minh', 'Thừa Thiên Huế'
    code: str
    centrally_run: bool
    legacy: bool  # one of the 63 provinces before 2025-07-01
    current: bool  # one of the 34 provinces from 2025-07-01


@dataclass(frozen=True)
class Unit:
    """A ward-level unit (phường, xã, thị trấn, đặc khu) with its district when it had one."""

    name: str  # 'Phường Vĩnh Nguyên', 'Phường 4'
    short: str  # 'Vĩnh Nguyên', '4'
    kind: str  # 'Phường', 'Xã', 'Thị trấn', 'Đặc khu'
    code: str
    district: str | None  # 'Nha Trang' (legacy only)


@dataclass
class _Gazetteer:
    provinces: dict[str, Province]  # canonical name → Province
    keys: dict[str, str]  # compact key → canonical name
    merged_into: dict[str, list[str]]  # new province → old provinces
    legacy_units: dict[str, list[Unit]]  # province → units before 2025
    current_units: dict[str, list[Unit]]  # province → units from 2025
    districts: dict[str, dict[str, str]]  # province → compact key → district short name


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    vau = _package_dir("vietnamadminunits") / "data"
    with sqlite3.connect(f"file:{vau / 'dataset.db'}?mode=ro", uri=True) as db:
        legacy_rows = db.execute(
            "SELECT provinceCode, provinceShort, province, provinceKey, provinceAlias, districtShort, "
            "districtShortKey, ward, wardType, wardCode FROM admin_units_legacy"
        ).fetchall()
        current_keys = dict(db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units").fetchall())
    renames = {r["code"]: r["former"] for r in load_json("province_renames.json")["renames"]}
    current = json.loads(
        (_package_dir("vietnam_provinces") / "data" / "nested-divisions.json").read_text(encoding="utf-8")
    )

    provinces: dict[str, Province] = {}
    by_code_legacy: dict[str, str] = {}
    legacy_key_code: dict[str, str] = {}
    aliases: dict[str, str] = {}
    legacy_units: dict[str, list[Unit]] = {}
    districts: dict[str, dict[str, str]] = {}
    district_keys: set[str] = set()
    seen_districts: set[tuple[str, str]] = set()
    for pcode, pshort, pfull, pkey, palias, dshort, dkey, ward, wtype, wcode in legacy_rows:
        name = renames.get(pcode, pshort)
        if pcode not in by_code_legacy:
            by_code_legacy[pcode] = name
            legacy_key_code[pkey] = pcode
            centrally = pfull.startswith("Thành phố") and pcode not in renames
            provinces[name] = Province(name, pcode, centrally, legacy=True, current=False)
            for alias in json.loads(palias or "[]"):
                aliases[alias] = name
        if dshort and (name, dshort) not in seen_districts:
            seen_districts.add((name, dshort))
            district_keys.add(dkey)
            districts.setdefault(name, {})[UNIT_PREFIX.sub("", compact(dshort))] = dshort
        if ward and wcode:
            legacy_units.setdefault(name, []).append(Unit(ward, UNIT_KIND.sub("", ward), wtype or "", wcode, dshort))

    current_units: dict[str, list[Unit]] = {}
    by_code_current: dict[str, str] = {}
    for p in current:
        short = re.sub(r"^(Thành phố|Tỉnh)\s+", "", p["name"])
        code = f"{p['code']:02d}"
        by_code_current[code] = short
        old = provinces.get(short)
        provinces[short] = Province(
            short, code, p["division_type"] == "thành phố trung ương", legacy=bool(old and old.legacy), current=True
        )
        current_units[short] = [
            Unit(w["name"], UNIT_KIND.sub("", w["name"]), w["division_type"].capitalize(), f"{w['code']:05d}", None)
            for w in p["wards"]
        ]

    keys = {compact(n): n for n in provinces}
    for alias, name in aliases.items():  # 'hcm', 'hn'; not 'vungtau', which is also a city
        if alias not in district_keys and alias not in keys:
            keys[alias] = name

    merged_into: dict[str, list[str]] = {}
    converter = json.loads((vau / "converter_2025.json").read_text(encoding="utf-8"))
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        new = by_code_current.get(current_keys.get(new_key, ""))
        if new:
            merged_into[new] = [by_code_legacy[legacy_key_code[k]] for k in old_keys if k in legacy_key_code]
    return _Gazetteer(provinces, keys, merged_into, legacy_units, current_units, districts)


def _province_key(name: str) -> str:
    key = compact(name)
    stripped = PROVINCE_PREFIX.sub("", key)
    return stripped if stripped in _gazetteer().keys else key


@lru_cache(maxsize=4096)
def match_province(name: str | None) -> str | None:
    """The canonical province name ('Khánh Hòa', 'Bà Rịa - Vũng Tàu', 'Hồ Chí Minh') for any
    spelling of one, with or without 'tỉnh'/'thành phố'/'TP.', diacritics or case; a noisy
    OCR reading is accepted only when it is clearly closer to one province than to any other."""
    if not name or not name.strip():
        return None
    g = _gazetteer()
    key = _province_key(name)
    if key in g.keys:
        return g.keys[key]
    key = PROVINCE_PREFIX.sub("", key)
    if len(key) < 4:
        return None
    best: dict[str, float] = {}
    for cand, score, _ in process.extract(key, list(g.keys), scorer=fuzz.ratio, limit=6):
        if len(cand) >= 4:
            prov = g.keys[cand]
            best[prov] = max(best.get(prov, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < FUZZY_MIN:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN:
        return None
    return ranked[0][0]


def province_names(when: Era | None = None) -> list[str]:
    """Canonical province names: the 63 before the 2025 merger ('legacy'), the 34 after it
    ('2025'), or every name of either (None)."""
    provinces = _gazetteer().provinces.values()
    return [p.name for p in provinces if when is None or (p.legacy if Era(when) is Era.LEGACY else p.current)]


def is_centrally_run_city(name: str) -> bool:
    """True for a thành phố trực thuộc Trung ương (Hà Nội, Hồ Chí Minh, Huế since 2025 …)."""
    canonical = match_province(name)
    return bool(canonical and _gazetteer().provinces[canonical].centrally_run)


def provinces_merged_into(new_name: str) -> list[str]:
    """The pre-2025 provinces a post-2025 province was formed from (Ninh Bình ← Hà Nam, Nam Định, Ninh Bình)."""
    canonical = match_province(new_name)
    return list(_gazetteer().merged_into.get(canonical or "", []))


def province_after_2025(old_name: str) -> str | None:
    """The province a pre-2025 province belongs to since the 2025 merger."""
    canonical = match_province(old_name)
    if canonical is None:
        return None
    for new, olds in _gazetteer().merged_into.items():
        if canonical in olds:
            return new
    return None


def match_locality(name: str | None, province: str | None) -> str | None:
    """The district-level unit (thành phố, thị xã, quận, huyện) of a province, as its short
    name ('Nha Trang'), for a spelling with or without its kind word. Pre-2025 units only:
    districts were abolished in 2025."""
    canonical = match_province(province) if province else None
    if not name or not canonical:
        return None
    return _gazetteer().districts.get(canonical, {}).get(UNIT_PREFIX.sub("", compact(name)))


def _units(province: str | None, when: Era) -> list[Unit]:
    canonical = match_province(province) if province else None
    if canonical is None:
        return []
    g = _gazetteer()
    return (g.current_units if Era(when) is Era.CURRENT else g.legacy_units).get(canonical, [])


def wards_of(locality: str | None, province: str, when: Era = Era.LEGACY) -> list[Unit]:
    """The ward-level units of a province (and, before 2025, of one of its districts)."""
    units = _units(province, when)
    if locality and Era(when) is Era.LEGACY:
        district = match_locality(locality, province)
        units = [u for u in units if u.district == district]
    return units


def roman_value(text: str) -> int | None:
    """'IV' → 4, for a Roman numeral written in capitals (up to XLIX); None for anything else."""
    rest, value = text, 0
    for numeral, amount in ROMAN_DIGITS:
        while rest.startswith(numeral):
            rest, value = rest[len(numeral) :], value + amount
    return value if text and not rest and _roman(value) == text else None


def _roman(value: int) -> str:
    out = ""
    for numeral, amount in ROMAN_DIGITS:
        while value >= amount:
            out, value = out + numeral, value - amount
    return out


def _short_key(short: str) -> str:
    """A ward's short name as a key in which a number reads the same in either numeral: some
    provinces number their wards in Roman numerals ('Phường IV' of Vị Thanh) and documents do not
    always follow (and the libraries write some of those wards with Arabic ones)."""
    value = roman_value(short.strip())
    return str(value) if value else UNIT_PREFIX.sub("", compact(short)).lstrip("0") or "0"


@lru_cache(maxsize=256)
def _units_by_short_key(province: str, when: Era) -> dict[str, list[Unit]]:
    """A province's units by their short name's key, and by the key of a 2025 name's first part ('Lâm Viên' of
    'Lâm Viên - Đà Lạt'): a lookup instead of a scan of every unit (a merger resolution looks up hundreds)."""
    index: dict[str, list[Unit]] = {}
    for u in _units(province, when):
        for key in dict.fromkeys((_short_key(u.short), _short_key(u.short.split(" - ")[0]))):
            index.setdefault(key, []).append(u)
    return index


def find_wards(
    ward_name: str, locality: str | None, province: str | None, when: Era = Era.LEGACY, spelled: bool = False
) -> list[Unit]:
    """Units whose name matches ``ward_name`` ('Phường 4', 'phường Vĩnh Nguyên', 'Lộc Thọ', 'Phường IV'), folded. A
    name written with its diacritics keeps the units spelled as it is when one is ('phường Hương Vân' is not Hương
    Văn); ``spelled`` keeps only those, so that a caller can prefer a unit spelled as written in another era or
    province (the old 'phường Thuận Hòa' of Thừa Thiên Huế, not Huế's new Thuận Hóa)."""
    key = compact(ward_name)
    kind = key[: len(key) - len(UNIT_PREFIX.sub("", key))]
    written = WRITTEN_KIND.sub("", ward_name.strip())
    short = _short_key(written)
    canonical = match_province(province) if province else None
    if canonical is None:
        return []
    found = _units_by_short_key(canonical, Era(when)).get(short, [])
    if locality and Era(when) is Era.LEGACY:
        district = match_locality(locality, canonical)
        found = [u for u in found if u.district == district]
    found = [u for u in found if not kind or compact(u.kind) == kind]
    if not _has_diacritics(written) or roman_value(written) or written.isdigit():
        return found
    same = [u for u in found if spelling(written) in (spelling(u.short), spelling(u.short.split(" - ")[0]))]
    return same if same or spelled else found


def closest_ward(ward_name: str, province: str | None, when: Era = Era.LEGACY) -> Unit | None:
    """The one phường of a province clearly nearest a noisy reading of its name (OCR)."""
    short = UNIT_PREFIX.sub("", compact(ward_name))
    units = {compact(u.short): u for u in _units(province, when) if u.kind == "Phường"}
    ranked = process.extract(short, list(units), scorer=fuzz.ratio, limit=2)
    if not ranked or ranked[0][1] < FUZZY_MIN or len(short) < 4:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN:
        return None
    return units[ranked[0][0]]


def ward_code(ward_name: str, locality: str | None, province: str | None, when: Era = Era.LEGACY) -> str | None:
    """The official code of a ward (legacy = before the 2025 reorganization, '2025' = after),
    or None when it is not found or is ambiguous (a 'Phường 1' in two cities of a province)."""
    found = find_wards(ward_name, locality, province, when)
    return found[0].code if len({u.code for u in found}) == 1 else None


def locality_of_wards(ward_names: list[str], province: str | None) -> str | None:
    """The one pre-2025 district that holds every named ward, if exactly one does."""
    candidates: set[str] | None = None
    for name in ward_names:
        districts = {u.district for u in find_wards(name, None, province) if u.district}
        candidates = districts if candidates is None else candidates & districts
    if candidates and len(candidates) == 1:
        return next(iter(candidates))
    return None


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern[str]:
    """Folded province names, each optionally preceded by its kind word, longest first."""
    names = sorted({fold(n) for n in _gazetteer().provinces}, key=len, reverse=True)
    alts = "|".join(r"\s*[-–]?\s*".join(re.escape(w) for w in re.split(r"\s*-\s*|\s+", n)) for n in names)
    return re.compile(r"\b(?:(tinh|thanh pho|tp\s*\.?)\s*)?(" + alts + r")\b")


@lru_cache(maxsize=1)
def _eponym_words() -> re.Pattern[str]:
    """The words a bare province name right after them is part of another name ('đường', 'tư tưởng')."""
    words = sorted(load_json("gazetteer.json")["eponym_words"], key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})\s+$")


def find_provinces(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every province named in ``text``. A name after its kind
    word ('tỉnh', 'thành phố', 'TP.') is matched without diacritics; a bare name must be written
    with its diacritics and capitals, so 'hòa bình' (peace) is not Hòa Bình, and not right after a word that
    makes it part of another name ('đường Hồ Chí Minh', ``data/gazetteer.json``)."""
    folded = fold_in_place(text)
    found = []
    for m in _province_pattern().finditer(folded):
        name_start = m.start(2)
        if not m.group(1):
            written = text[name_start : m.end(2)]
            canonical = match_province(written)
            if canonical is None or compact(written) != compact(canonical) or not written[:1].isupper():
                continue
            if _eponym_words().search(text[max(0, name_start - EPONYM_REACH) : name_start].lower()):
                continue  # 'đường Hồ Chí Minh', 'tư tưởng Hồ Chí Minh': a road, a person, not the city
            if fold(written) == written.lower() != canonical.lower():
                continue  # written without the diacritics the name has
        canonical = match_province(text[name_start : m.end(2)])
        if canonical:
            found.append((m.start(), m.end(), canonical))
    return found
