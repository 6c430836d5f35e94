"""Wards named one by one ('Công an phường Vĩnh Nguyên, thành phố Nha Trang', 'Năm 2024: xây dựng
Công an phường 4, 8.', 'các phường: Lộc Thọ, Vĩnh Nguyên và Phước Hải'), with the year they are
scheduled for, their locality and province, and their official code from the gazetteer.

A mention is the word 'phường' followed by a list of names: numbers (Arabic or Roman), or
syllables written with capitals (a ward's proper name); 'phường điển hình' is a common noun and
no ward. The list ends at a word that names a district-level unit ('thành phố Nha Trang'), which
becomes the locality. In a schedule table whose column header names the kind ('Công an phường')
the column's cells list bare names ('Long Thành Bắc, Hiệp Tân'); those count only when the
gazetteer knows them as wards of the province, since nothing else in the cell says they are.
Codes come from the units in force on the document's date: legacy units before the 2025
reorganization, the new ones after it. A resolution that arranges the units ('Về việc sắp xếp các đơn vị
hành chính cấp xã của tỉnh X năm 2025') names, in its arranging article, the old phường it merges and the new
ones it forms: each is a ward of the arrangement's year, found among the new units or the old ones of the
provinces merged into X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from extractors import gazetteer
from extractors import targets as target_rules
from extractors.common import find_dates, load_json
from extractors.grammar import time as time_grammar
from pipeline.settings import settings
from pipeline.text import fold, fold_in_place, is_syllable
from pipeline.text.segment import Line, SegmentedDocument
from schemas.extraction import DocumentMeta, Ward

DASHES = {"-", "–"}
TOKEN = re.compile(r"\d+[A-Za-z]?|[^\W\d_][\w'’]*|[^\w\s]")
BULLETS = {"-", "–", "—", "+", "•", "*"}
# a year that schedules a ward: not a date's, a baseline's ('so với năm 2020') or an effective date's
_SCHEDULING = ("limit", "planned", "period", "horizon", "quoted")


def _rules() -> dict:
    return load_json("wards.json")


@dataclass
class Mention:
    """One list of ward names after the word 'phường' (or in a ward column), with the locality written after it,
    before the names are resolved in the gazetteer."""

    names: list[str]  # 'Vĩnh Nguyên', '4'
    start: int  # offsets into the document text
    end: int
    locality: str | None  # as written after the list: 'thành phố Nha Trang'
    bare: bool = False  # names from a ward column without the word 'phường'


def _cells(line: Line) -> list[list[tuple[int, int, str]]]:
    """The line's tokens with their offsets, per TAB-separated cell: a mention stays in its cell."""
    cells, pos = [], 0
    for cell in line.text.split("\t"):
        cells.append(
            [
                (line.start + pos + m.start() + a, line.start + pos + m.start() + b, m.group()[a:b])
                for m in TOKEN.finditer(cell)
                for a, b in _unglued(m.group())
            ]
        )
        pos += len(cell) + 1
    return cells


def _unglued(word: str) -> list[tuple[int, int]]:
    """The parts of a word that a web conversion glued to the next one, cut where a capital follows a small letter
    ('phườngNgô', 'phườngBách' in 1669 and 1683/NQ-UBTVQH15): no Vietnamese word has a capital inside; then each
    part cut again where a keyword or a ``glued_words`` word was glued to it (``_glued_word``)."""
    cuts = [i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()]
    return [span for a, b in zip([0, *cuts], [*cuts, len(word)]) for span in _glued_word(word, a, b)]


def _glued_word(word: str, a: int, b: int) -> list[tuple[int, int]]:
    """``word[a:b]`` as one or two words: a name with the next small word glued to its end ('An TâyvàAn Cựu',
    1675/NQ-UBTVQH15 Huế; 'Duy Tân vàPhú Thứthành phường mới', 'Lê Thiệnsau khi sắp xếp', 1669 Hải Phòng; 'phường Gia
    Sàngthành', 'Cam Giásau khi', 1683 Thái Nguyên), or a keyword glued to the small word before it ('cácphường An
    Hưng', 'củaphường Đại Bản': 1669, 1683). Only where the whole is no Vietnamese syllable and the rest is a word."""
    low = word[a:b].lower()
    tail = next((t for t in _rules()["glued_words"] if low.endswith(t) and low[: -len(t)].isalpha()), None)
    keyword = next((k for k in _rules()["keywords"] if low.endswith(k) and is_syllable(low[: -len(k)])), None)
    cut = tail or keyword
    if cut is None or is_syllable(low):
        return [(a, b)]
    return [(a, b - len(cut)), (b - len(cut), b)]


def _starts_kind(tokens: list[tuple[int, int, str]], i: int) -> int:
    """How many tokens a locality kind word ('thành phố', 'quận', 'TP') takes at ``i`` (0 if none).
    A kind is written with its diacritics, or with none in text that has none (OCR that lost them):
    in text that has them, 'Tịnh' and 'Tam Quan' are names, not 'tỉnh' and 'quận'."""
    for words, folded in _locality_kinds():
        got = [t[2].lower() for t in tokens[i : i + len(words)]]
        if got == words or (got == folded and all(t[2].lower() == fold(t[2]) for t in tokens)):
            return len(words)
    return 0


def _locality_words() -> list[str]:
    """The kinds of a unit above the commune, as the metadata reads them for an issuer's level, and 'TP'."""
    return load_json("metadata.json")["local_units"] + _rules()["locality_abbreviations"]


@lru_cache(maxsize=1)
def _locality_kinds() -> list[tuple[list[str], list[str]]]:
    """Each locality kind's words as written and folded, longest kind first."""
    return [
        (kind.split(), [fold(w) for w in kind.split()]) for kind in sorted(_locality_words(), key=len, reverse=True)
    ]


def _is_name_word(text: str) -> bool:
    return text[:1].isupper() and text[:1].isalpha()


def _read_name(tokens, i: int) -> tuple[str | None, int]:
    """A ward name at token ``i``: a number or capitalized syllables. Returns (name, next index)."""
    rules = _rules()
    if i >= len(tokens):
        return None, i
    text = tokens[i][2]
    digits = re.match(r"\d+", text)
    if digits and i + 1 < len(tokens) and tokens[i + 1][2].lower() in rules["keywords"]:
        return None, i  # 'gồm 14 phường: 09 phường thuộc …': a count of wards, not Phường 9
    if digits:
        number = int(digits.group())
        return (f"{number}{text.lstrip('0123456789')}" if number <= rules["max_ward_number"] else None), i + 1
    roman = gazetteer.roman_value(text)
    if roman:
        return (text if roman <= rules["max_ward_number"] else None), i + 1
    if not _is_name_word(text) or _starts_kind(tokens, i) or text.lower() in rules["keywords"]:
        return None, i
    j, syllables = i, 0
    while j < len(tokens) and syllables < rules["max_name_syllables"]:
        if (
            tokens[j][2] in DASHES
            and j > i
            and j + 1 < len(tokens)
            and _is_name_word(tokens[j + 1][2])
            and not _starts_kind(tokens, j + 1)
        ):
            j, syllables = j + 1, 0  # 'Lâm Viên - Đà Lạt': a 2025 name with its old city
            continue
        if not _is_name_word(tokens[j][2]) or _starts_kind(tokens, j):
            break
        if j > i and tokens[j][0] - tokens[j - 1][1] > 3:
            break  # names do not run across a gap
        j, syllables = j + 1, syllables + 1
    if _numbered_end(tokens, j):
        j += 1  # 'phường Đông Hải 1 và phần còn lại của phường Đông Hải 2': one name
    return " ".join(t[2] for t in tokens[i:j]), j


def _numbered_end(tokens, j: int) -> bool:
    """A small number that ends the name before it ('Đông Hải 1', 'Long Phú 1'): right after the name and
    followed by nothing, a punctuation mark, a separator or a bracket (not a count: 'Lộc Thọ 2 năm')."""
    if j >= len(tokens) or not re.fullmatch(r"\d{1,2}", tokens[j][2]) or tokens[j][0] - tokens[j - 1][1] != 1:
        return False
    following = tokens[j + 1][2] if j + 1 < len(tokens) else "."
    return not following[:1].isalnum() or fold(following) in _rules()["separators"]


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


def _names(tokens, j: int) -> tuple[list[str], int]:
    """The list of ward names from token ``j`` ('Lộc Thọ, Vĩnh Nguyên và Phước Hải') and the index after it."""
    names: list[str] = []
    while True:
        name, k = _read_name(tokens, j)
        if name is None:
            return names, j
        names.append(name)
        j = k
        if j < len(tokens) and fold(tokens[j][2]) in _rules()["separators"] and _read_name(tokens, j + 1)[0]:
            j += 1
        else:
            return names, j


def _ward_column(line: Line) -> int | None:
    """The column of a table header that lists wards: a cell naming the kind ('Công an phường')
    in a row with no figures (a header, not a data row), not one that counts them ('Số phường')."""
    if "\t" not in line.text or re.search(r"\d", line.text):
        return None
    for col, tokens in enumerate(_cells(line)):
        words = [fold(t[2]) for t in tokens]
        counts = any(" ".join(words[:n]) in _rules()["counting_words"] for n in (1, 2))
        if any(t[2].lower() in _rules()["keywords"] for t in tokens) and not counts and not _cell_mentions(tokens):
            return col
    return None


def _table_mentions(lines: list[Line]) -> dict[int, list[Mention]]:
    """Bare ward names in the ward column of the table rows under its header, by line index;
    a row's locality is a cell naming a district-level unit ('Thị xã Hòa Thành')."""
    out: dict[int, list[Mention]] = {}
    column = None
    for index, line in enumerate(lines):
        if "\t" not in line.text:
            column = None
            continue
        header = _ward_column(line)
        if header is not None:
            column = header
            continue
        cells = _cells(line)
        if column is None or column >= len(cells):
            continue
        tokens = cells[column]
        if any(t[2].lower() in _rules()["keywords"] for t in tokens):
            continue  # 'Phường 2, Phường 3': read as any mention
        names, j = _names(tokens, 0)
        if not names:
            continue
        localities = [_read_locality(other, 0)[0] for col, other in enumerate(cells) if col != column]
        locality = next((loc for loc in localities if loc), None)
        out[index] = [Mention(names, tokens[0][0], tokens[j - 1][1], locality, bare=True)]
    return out


def _cell_mentions(tokens: list[tuple[int, int, str]]) -> list[Mention]:
    """The mentions of one cell's tokens: each 'phường' (or 'phuong', in a text without tone marks), a colon allowed
    after it, then its list of names and the locality after them; a list goes on after a bracketed locality ('Đống Đa
    (thành phố Quy Nhơn), Hải Cảng …', ``_after_bracketed``) as a mention of its own."""
    rules = _rules()
    out = []
    for i, (start, _, text) in enumerate(tokens):
        if text.lower() not in rules["keywords"]:
            continue
        j = i + 1
        if j < len(tokens) and tokens[j][2] == ":":
            j += 1
        while True:
            names, j = _names(tokens, j)
            if not names:
                break
            end = tokens[j - 1][1]
            locality, k = _read_locality(tokens, j)
            if locality:
                closed = tokens[j][2] == "(" and k < len(tokens) and tokens[k][2] == ")"
                end = tokens[k if closed else k - 1][1]
            out.append(Mention(names, start, end, locality))
            resumed = _after_bracketed(tokens, j, k) if locality else None
            if resumed is None:
                break
            j, start = resumed, tokens[resumed][0]
    return out


def _after_bracketed(tokens: list[tuple[int, int, str]], j: int, k: int) -> int | None:
    """Where a list goes on after a bracketed locality that names the district of the ward before it ('các phường
    Đống Đa (thành phố Quy Nhơn), Hải Cảng, Thị Nại và Trần Phú'), or None: the locality opened with '(' and closes
    with ')', and a separator and a name follow."""
    if tokens[j][2] != "(" or k + 1 >= len(tokens) or tokens[k][2] != ")":
        return None
    if fold(tokens[k + 1][2]) not in _rules()["separators"] or _read_name(tokens, k + 2)[0] is None:
        return None
    return k + 2


@lru_cache(maxsize=1)
def _address_part() -> re.Pattern:
    """The last street part of an address before a mention ('số 63 đường Lý Tự Trọng, ', 'đường Lê Lợi - '): an
    ``address_words`` word, or a house number at the head of the clause ('244 Điện Biên Phủ, '), then up to six
    words, then a comma or a dash."""
    words = "|".join(re.escape(w) for w in sorted(_rules()["address_words"], key=len, reverse=True))
    return re.compile(
        rf"(?:(?<!\w)(?i:{words})\s+|^\s*\d+[\w/]*\s+(?=[^\W\d_]))((?:[\w/.-]+\s+){{0,5}}[\w/.-]+)\s*[,–-]\s*$"
    )


@lru_cache(maxsize=1)
def _address_label() -> re.Pattern:
    """'Địa chỉ:', 'Trụ sở:', 'Địa điểm quan trắc:', 'Cơ sở 2:' opening the address or place a ward is part of
    (``address_labels`` with up to three words before the colon; ``numbered_address_labels`` with their number); a
    label right before 'tại' opens it without its colon, which OCR loses ('Địa điểm tại Lô đất số l5 …')."""
    labels = "|".join(re.escape(w) for w in _rules()["address_labels"])
    numbered = "|".join(re.escape(w) for w in _rules()["numbered_address_labels"])
    located = "|".join(re.escape(w) for w in _rules()["address_label_prepositions"])
    return re.compile(
        rf"(?<!\w)(?i:(?:{labels})(?:\s+[^\W\d_]+){{0,3}}|(?:{numbered})\s+\d{{1,2}})\s*:"
        rf"|(?<!\w)(?i:(?:{labels})\s+(?:{located}))(?!\w)"
    )


def _in_address(text: str, at: int) -> bool:
    """True when the ward at ``at`` is part of a postal address ('Trung tâm phục vụ hành chính công, số 4 đường Nguyễn
    Tất Thành, Phường Bà Rịa'): where an office stands, not a ward the document is about. The street part is a number or
    a capitalised name ('đường Vành đai 2, gồm 14 phường' is no address: 'đai' is lower case); or an 'Địa chỉ:' label
    opens the clause ('Địa chỉ: 33 Hai Bà Trưng, Phường Nghĩa Lộ'; a parcel's 'Địa điểm tại: Lô đất số 15 - Mặt bằng số
    26/QH-NĐ-UB ngày 03/11/1998 UBND tỉnh phê duyệt khu dân cư …, phường Tân Giang'); or a house number and one street
    part go before it ('Số 12, phố Nguyễn Trãi, phường Hà Đông')."""
    before = text[max(0, at - 200) : at].replace("\n", " ")
    stops = [m.end() for m in re.finditer(r"[;\t|)]|\.\s", before)]  # the clause: after a stop, a cell, a bracket
    if _address_label().search(before[stops[-1] if stops else 0 :]):
        return True
    cut = max(before.rfind(c) for c in ";:()\t")  # a clause or a table cell of its own
    m = _address_part().search(before[cut + 1 :])
    inner = {fold(w) for w in _rules()["address_words"]}
    if m is not None and all(w[:1].isdigit() or w[:1].isupper() or fold(w) in inner for w in m.group(1).split()):
        return True
    numbered = _house_number().search(before[cut + 1 :])
    return numbered is not None and all(w[:1].isdigit() or w[:1].isupper() for w in numbered.group(1).split()[1:])


def _in_bracketed_address(text: str, mention: Mention) -> bool:
    """True when the ward is the part of a bracketed address after its street and before its province ('Trung tâm phục
    vụ hành chính công (Đường Lê Lợi, Phường Bình Dương, Thành phố Hồ Chí Minh)', '(Địa chỉ: 33 Hai Bà Trưng, Phường
    Nghĩa Lộ, Tỉnh Quảng Ngãi)'), read by the bracket and the commas alone, since OCR damages the street part that
    ``_in_address`` reads ('(ế44 DIệ B]àn Phủ, Phường Xuân Hòa, …)', '(Số 04 đườn R Nguyễn Tạ 'Bàm, Phường Bà Rịa, …)'):
    a comma right before the ward (a letter glued to it aside: 'Lợi, tPhường'), a locality after it, and a bracket
    that encloses it — opened before it and not closed, or closed right after its locality (not the locality's own
    bracket: 'phường Trường Thi (thành phố Vinh), phường Nghi Thủy (thị xã Cửa Lò)' is a list). The part before the
    comma names no ward itself ('(phường 1, phường 2, thành phố Bảo Lộc)' is a list too)."""
    if mention.locality is None:
        return False
    before = text[max(0, mention.start - 120) : mention.start]
    comma = re.search(r",\s*\w?$", before)
    if comma is None:
        return False
    head = before[: comma.start()]
    part = re.split(r"[;()]|\.\s", head)[-1]
    if any(k in part.lower() for k in _rules()["keywords"]):
        return False
    opened = head.rfind("(") > head.rfind(")")
    return opened or text[mention.end : mention.end + 3].lstrip()[:1] == ")"


@lru_cache(maxsize=1)
def _house_number() -> re.Pattern:
    """A house number then one street part before a mention ('Số 12, phố Nguyễn Trãi, '): the street's kind word
    (any, 'phố' too) then its name in capitals or figures, then a comma or a dash."""
    words = "|".join(re.escape(w) for w in _rules()["house_number_words"])
    return re.compile(rf"(?<!\w)(?i:{words})\s+\d+[\w/]*\s*,\s*((?:[\w/.-]+\s+){{1,5}}[\w/.-]+)\s*[,–-]\s*$")


def _named_as_committee(text: str, at: int) -> bool:
    """Is the ward at ``at`` named as its People's Committee ('Ủy ban nhân dân phường Hải Châu', 'UBND phường Tân
    Giang'), a body addressed or a place rather than a ward (``committee_heads``)? Folded, so an OCR tone slip
    ('Ủy ban nhàn đần') reads the same; an abbreviated head whose letters OCR misread ('BNI phường Tân Giang') too
    (``committee_abbreviation_slips``)."""
    before = fold(text[max(0, at - 20) : at]).rstrip()
    if any(before.endswith(head) and not before[: -len(head)][-1:].isalnum() for head in _committee_heads()):
        return True
    word = re.search(r"(?<!\w)(\w+)\s+$", text[max(0, at - 20) : at])
    keyword = text[at : at + len(_rules()["keywords"][0])]
    if word is None or not word[1].isalpha() or not word[1].isupper() or keyword.isupper():
        return False
    slips = _rules()["committee_abbreviation_slips"]
    abbreviations = [head for head in _committee_heads() if " " not in head]
    return len(word[1]) >= slips["min_letters"] and any(
        Levenshtein.distance(fold(word[1]), head) <= slips["max_edits"] for head in abbreviations
    )


@lru_cache(maxsize=1)
def _committee_heads() -> tuple[str, ...]:
    return tuple(fold(head) for head in _rules()["committee_heads"])


def _continued(seg: SegmentedDocument, index: int, mention: Mention) -> Mention:
    """A list that runs to the end of its line and on over lines the text left hard-wrapped ('gồm 09 phường: Hai
    Bà' / 'Trưng, Cửa Nam, …, Ngọc Hà,' / 'Tây Hồ.'): the names of the following lines join it, a name cut by the
    wrap joined again. Each following line must start with a name and carry no outline marker of its own."""
    lines, names, end = seg.lines, list(mention.names), mention.end
    line = lines[index]
    while index + 1 < len(lines):
        tail = seg.text[end : line.end].strip()
        following = lines[index + 1]
        if tail not in ("", ",", ";") or following.marker or following.start - line.end > 2 or "\t" in following.text:
            break
        tokens = _cells(following)[0]
        if not tokens or not _is_name_word(tokens[0][2]) or _opens_unit(tokens):
            break
        j = 0
        if not tail:  # the last name was cut by the wrap: 'Hai Bà' + 'Trưng'
            while j < len(tokens) and _is_name_word(tokens[j][2]) and not _starts_kind(tokens, j):
                j += 1
            names[-1] = f"{names[-1]} {' '.join(t[2] for t in tokens[:j])}"
            if j < len(tokens) and fold(tokens[j][2]) in _rules()["separators"]:
                j += 1
        more, k = _names(tokens, j)
        names += more
        if k == 0:
            break
        index, line, end = index + 1, following, tokens[k - 1][1]
    if len(names) == len(mention.names) and names == mention.names:
        return mention
    return Mention(names, mention.start, end, mention.locality, mention.bare)


def _opens_unit(tokens: list[tuple[int, int, str]]) -> bool:
    """A line that opens with a unit's kind ('Xã Đạ Huoai 2 22', 'Phường 1 Bảo Lộc 44': the rows of a list of units the
    OCR read as lines) names a unit of its own: it never carries on the name or the list of the line before."""
    words = [fold(t[2].lower()) for t in tokens[:2]]
    heads = _rules()["unit_heads"]
    named = any(" ".join(words[:n]) in heads for n in (1, 2))
    return named or tokens[0][2].lower() in _rules()["keywords"] or bool(_starts_kind(tokens, 0))


_CROSS_REFERENCE = re.compile(r"\bkhoan\s+(\d+)\s+dieu\s+(\d+)\b")


def _referenced_years(lines: list[Line]) -> dict[str, int]:
    """Outline path → the year a line elsewhere sets for the wards listed there: 'a) Kể từ ngày 01 tháng 7 năm 2026
    …: thực hiện … thuộc các phường được quy định tại khoản 6 Điều 3' schedules the wards of 'Điều 3.6' from 2026,
    the first year of its time."""
    out: dict[str, int] = {}
    for line in lines:
        if not any(k in line.text.lower() for k in _rules()["keywords"]):
            continue
        folded = fold_in_place(line.text)
        refs = list(_CROSS_REFERENCE.finditer(folded))
        if not refs:
            continue
        years = [m.year for m in time_grammar.mentions(folded) if m.year and m.start < refs[0].start()]
        # a period's first day: the grammar dates 'từ ngày 01/7/2026 đến hết ngày 31/12/2027' by its end
        years += [int(iso[:4]) for start, _, iso in find_dates(line.text) if start < refs[0].start()]
        for ref in refs if years else []:
            out.setdefault(f"Điều {ref.group(2)}.{ref.group(1)}", min(years))
    return out


def _year_of(seg: SegmentedDocument, line: Line, mention: Mention, label: int | None) -> tuple[int | None, int]:
    """The year a mention is scheduled for: the nearest 'năm YYYY' ('Quý II/YYYY', 'tháng 6/YYYY', read by
    ``grammar.time``: not a date's or a baseline's) before it in its line, else the first after it in the same clause,
    else a year-only table cell, else the 'Năm YYYY:' label its list sits under. Returns (year, start of the year's
    text)."""
    years = [
        (line.start + m.start, m.year)
        for m in time_grammar.mentions(fold_in_place(line.text))
        if m.kind in ("year", "fiscal_year", "month", "quarter") and m.year is not None and m.use in _SCHEDULING
    ]
    before = [y for y in years if y[0] < mention.start]
    if before:
        return before[-1][1], before[-1][0]
    stop = re.search(r"[.;]\s|$", seg.text[mention.end : line.end])
    assert stop is not None  # '$' always matches
    clause_end = stop.start() + mention.end
    after = [y for y in years if mention.end <= y[0] < clause_end]
    if after:
        return after[0][1], mention.start
    for cell in line.text.split("\t"):
        year = time_grammar.year_cell(cell)
        if year:
            return year, line.start
    return label, mention.start


def _enclosing(line: Line, headings: dict[str, Line]) -> list[str]:
    """The headings above a line, nearest first: its own section's when the line is no heading itself (a plain
    paragraph under '2. Năm 2025'), then each level up (``targets.enclosing_headings``)."""
    own = [headings[line.section].text] if not line.marker and line.section in headings else []
    return own + [h.text for h in target_rules.enclosing_headings(line, headings)]


def _heading_year(text: str | None, meta: DocumentMeta | None) -> int | None:
    """The one year a heading or the document's title sets for what it covers ('b) Mục tiêu cụ thể đến năm 2035',
    'Kế hoạch quan trắc … năm 2026'): a time limit read by ``grammar.time``, never a period or a horizon
    ('giai đoạn 2026 – 2030', 'định hướng đến năm 2045'), which schedules no ward for a year."""
    if not text:
        return None
    issued_on = meta.issued_on if meta else None
    found = [m.year for m in time_grammar.limits(fold_in_place(text), issued_on) if m.kind == "year" and m.year]
    return found[-1] if len(set(found)) == 1 else None


def _labels(lines: list[Line]) -> list[int | None]:
    """For each line, the year of a 'Năm 2024:' label line above it whose list it belongs to
    (bullets and lettered items keep the label; a numbered heading or another label ends it)."""
    out, label = [], None
    for line in lines:
        year = time_grammar.label_year(line.text)
        if year:
            label = year
        elif line.marker and line.marker not in BULLETS and not re.fullmatch(r"[a-zđ]\)", line.marker):
            label = None
        out.append(label)
    return out


def _merged_years(lines: list[Line]) -> dict[int, int]:
    """Table rows, by line index, whose year cell is blank under a row that has one: a year cell
    merged over several rows, whose text the grid keeps in its first row only. The column must
    be headed as the year ('Năm', 'Thời gian'), so a blank in a table of years across is no year."""
    out: dict[int, int] = {}
    column, width, year = None, 0, None
    for index, line in enumerate(lines):
        cells = line.text.split("\t")
        if len(cells) < 2:
            column, year = None, None
            continue
        headers = [c for c, cell in enumerate(cells) if time_grammar.time_column(cell)]
        if headers and not re.search(r"\d", line.text):
            column, width, year = headers[0], len(cells), None
            continue
        if column is None or len(cells) != width:
            column, year = None, None
            continue
        cell_year = time_grammar.year_cell(cells[column])
        if cell_year:
            year = cell_year
        elif not cells[column].strip() and year:
            out[index] = year
        else:
            year = None
    return out


def _when(meta: DocumentMeta | None) -> gazetteer.Era | None:
    issued = meta.issued_on if meta else None
    if not issued:
        return None
    return gazetteer.Era.CURRENT if issued >= settings().reorganized_on.isoformat() else gazetteer.Era.LEGACY


def _resolve(
    short: str,
    locality: str | None,
    province: str,
    when: gazetteer.Era | None,
    fuzzy: bool = True,
    spelled: bool = False,
):
    """(unit, known): the gazetteer unit for a ward name, by the document's date (legacy before
    the 2025 reorganization, the new units after; both when the date is unknown) — in its
    locality, else anywhere in the province, else (``fuzzy``) the clearly nearest name (OCR noise);
    ``spelled``: only a unit spelled as written (``gazetteer.find_wards``).
    ``known`` is False when the province has no ward of that name at all."""
    periods = [when] if when else list(gazetteer.Era)
    for period in periods:
        found = gazetteer.find_wards(f"Phường {short}", locality, province, period, spelled)
        if len({u.code for u in found}) == 1:
            return found[0], True
    for period in periods:
        found = gazetteer.find_wards(f"Phường {short}", None, province, period, spelled)
        if found:
            return (found[0] if len({u.code for u in found}) == 1 else None), True
    for period in periods if fuzzy else []:
        unit = gazetteer.closest_ward(short, province, period)
        if unit:
            return unit, True
    return None, False


_NAME_AFTER = re.compile(r"\s+((?:[A-ZĐ][\w'’]*)(?:\s+[A-ZĐ][\w'’]*){0,2})")


def _numbered_and_named(after: str, short: str, province: str, when: gazetteer.Era | None, otherwise):
    """'Phường 1 Bảo Lộc': since 2025 some wards keep a number and add their old city's name. (unit, known,
    numbered) of that ward when the gazetteer has one of the number with the capitalized words after it, else
    ``otherwise``. The number may be written in Roman figures, as wards' numbers are ('Phường I Bảo Lộc')."""
    m = _NAME_AFTER.match(after)
    if m is None:
        return otherwise
    number = gazetteer.roman_value(short) or short
    unit, known = _resolve(f"{number} {m.group(1)}", None, province, when, fuzzy=False)
    return (unit, True, False) if known and unit is not None else otherwise


def _province_near(line: Line, mention: Mention) -> str | None:
    """A province named right after the mention ('…, thành phố Nha Trang, tỉnh Khánh Hòa')."""
    for start, _, name in gazetteer.find_provinces(line.text):
        if 0 <= line.start + start - mention.end <= 40:
            return name
    return None


@dataclass(frozen=True)
class Arrangement:
    """A resolution that arranges ward-level units ('Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai
    năm 2025'): the articles that do it ('Điều 1') and the arrangement's year."""

    articles: frozenset[str]  # top-level outline sections
    year: int | None


def _names_arrangement(text: str) -> bool:
    folded = fold(text)
    return any(phrase in folded for phrase in _rules()["arrangement_phrases"])


def _arrangement(meta: DocumentMeta | None, headings: dict[str, Line]) -> Arrangement | None:
    """The arrangement a document's title names, with the articles whose heading names it too; None for any other
    document. Its year is the title's ('… năm 2025'), else the year of issue."""
    if meta is None or not meta.subject or not _names_arrangement(meta.subject):
        return None
    articles = frozenset(s for s, line in headings.items() if "." not in s and _names_arrangement(line.text))
    if not articles:
        return None
    issued = int(meta.issued_on[:4]) if meta.issued_on else None
    return Arrangement(articles, _heading_year(meta.subject, meta) or issued)


def _kept(seg: SegmentedDocument, line: Line, mention: Mention) -> bool:
    """The clause before the mention says its units stay as they are ('… và 08 đơn vị hành chính cấp xã không thực
    hiện sắp xếp là phường Tân Lộc'): no arrangement dates them."""
    before = seg.text[line.start : mention.start]
    clause = fold(re.split(r"[.;:]\s", before)[-1])
    return any(phrase in clause for phrase in _rules()["kept_phrases"])


def _resolve_arranged(short: str, locality: str | None, province: str):
    """(unit, known) for a ward an arrangement names: among the province's units since 2025 (the wards it forms),
    else among the units before 2025 of every province merged into it (the wards it merges: Bình Định's Quy Nhơn
    wards in a Gia Lai resolution), names spelled as written before folded ones (Huế's old 'phường Thuận Hòa' is not
    its new Thuận Hóa: 1675/NQ-UBTVQH15), exact names before near ones."""
    olds = gazetteer.provinces_merged_into(province) or [province]
    places = [(province, gazetteer.Era.CURRENT, None)] + [(old, gazetteer.Era.LEGACY, locality) for old in olds]
    for fuzzy, spelled in ((False, True), (False, False), (True, False)):
        for place, era, within in places:
            unit, known = _resolve(short, within, place, era, fuzzy=fuzzy, spelled=spelled)
            if known:
                return unit, True
    return None, False


def extract(seg: SegmentedDocument, meta: DocumentMeta | None = None) -> list[Ward]:
    """Every ward the document names, once per (name, year), with its locality, province and gazetteer code; the
    jurisdiction in ``meta`` fills in a province or locality the line leaves out. A ward mentioned without a year
    is dropped when it is also scheduled for one."""
    jurisdiction = meta.jurisdiction if meta else None
    doc_province = gazetteer.match_province(jurisdiction.province) if jurisdiction and jurisdiction.province else None
    doc_locality = jurisdiction.locality if jurisdiction else None
    when = _when(meta)

    found: list[tuple[Mention, Line, int | None, int, bool]] = []
    in_tables, merged_years = _table_mentions(seg.lines), _merged_years(seg.lines)
    headings = target_rules.section_headings(seg)
    arrangement = _arrangement(meta, headings)
    plan = bool(meta and meta.kind and fold(meta.kind) in {fold(k) for k in _rules()["scheduling_kinds"]})
    title_year = _heading_year(meta.subject, meta) if plan and meta else None
    referenced = _referenced_years(seg.lines)
    for index, (line, label) in enumerate(zip(seg.lines, _labels(seg.lines))):
        mentions = _mentions(line) if any(k in line.text.lower() for k in _rules()["keywords"]) else []
        mentions = [_continued(seg, index, m) for m in mentions]
        arranged = arrangement is not None and (line.section or "").split(".")[0] in arrangement.articles
        for mention in mentions + in_tables.get(index, []):
            if not mention.bare and (_in_address(seg.text, mention.start) or _in_bracketed_address(seg.text, mention)):
                continue
            if arranged and arrangement is not None:
                year = None if _kept(seg, line, mention) else arrangement.year
                found.append((mention, line, year, mention.start, True))
                continue
            year, start = _year_of(seg, line, mention, merged_years.get(index, label))
            if year is None:
                year = (
                    next((y for h in _enclosing(line, headings) if (y := _heading_year(h, meta))), None)
                    or referenced.get(line.section or "")
                    or title_year
                )
            if year is None and not mention.bare and _named_as_committee(seg.text, mention.start):
                continue  # 'Ủy ban nhân dân phường Hải Châu', where a visit was held: a body, scheduled nothing
            found.append((mention, line, year, start, False))

    all_names = [n for m, *_ in found for n in m.names]
    wards: list[Ward] = []
    seen: set[tuple[str, int | None]] = set()
    inferred: dict[str, str | None] = {}  # province → the locality its wards of this document lie in
    for mention, line, year, start, arranged in found:
        province = (doc_province if arranged else None) or _province_near(line, mention) or doc_province
        if province is None:
            spans = gazetteer.find_provinces(line.text)
            province = spans[0][2] if spans else None
        locality = mention.locality or (None if arranged else doc_locality)
        if locality is None and province and not arranged:
            if province not in inferred:
                inferred[province] = gazetteer.locality_of_wards([f"Phường {n}" for n in all_names], province)
            locality = inferred[province]
        if locality:
            locality = (gazetteer.match_locality(locality, province) if province else None) or _without_kind(locality)
        upper_line = line.text.upper() == line.text
        for k, short in enumerate(mention.names):
            numbered = short[:1].isdigit() or gazetteer.roman_value(short) is not None
            if arranged and province:
                unit, known = _resolve_arranged(short, locality, province)
            else:
                unit, known = (
                    _resolve(short, locality, province, when, fuzzy=not mention.bare) if province else (None, False)
                )
            if numbered and province and k == len(mention.names) - 1:
                unit, known, numbered = _numbered_and_named(
                    seg.text[mention.end : line.end], short, province, when, (unit, known, numbered)
                )
            if mention.bare and (numbered or not known):
                continue  # a bare figure in a table is likelier a count; a bare name needs the gazetteer
            if not known and not numbered and (province or upper_line or " " not in short):
                continue  # no ward of the province, a capitalized heading, 'phường Điển hình'
            name = f"Phường {short}" if numbered or not unit else unit.name
            place = None if arranged else locality or (unit.district if unit else None)  # arranged: under the province
            key = (gazetteer.spelling(name), year)
            if key in seen:
                continue
            ward = Ward(
                name=name,
                locality=place,
                province=province,
                year=year,
                gazetteer_code=unit.code if unit else None,
                evidence=seg.evidence(min(start, mention.start), mention.end),
            )
            seen.add(key)
            wards.append(ward)
    dated = {gazetteer.spelling(w.name) for w in wards if w.year is not None}
    return [w for w in wards if w.year is not None or gazetteer.spelling(w.name) not in dated]
